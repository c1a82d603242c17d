"""The site builds with no network, and reads with none: nothing from a CDN."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import REPO, build, make_project

# Builds sites, runs briefkit in subprocesses, or drives a browser: the slow tier.
pytestmark = pytest.mark.slow

# Loaded by Python at start-up in the build's process: any attempt to open a
# network connection is recorded and refused.
SITECUSTOMIZE = """
import socket, os
_log = os.environ["BRIEFKIT_NETLOG"]
def _refuse(self, address, *args, **kwargs):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        with open(_log, "a") as f:
            f.write(repr(address) + "\\n")
        raise OSError("network blocked by the test")
    return _connect(self, address, *args, **kwargs)
_connect = socket.socket.connect
socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
"""


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("offline")
    hooks = tmp / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(SITECUSTOMIZE, "utf-8")
    netlog = tmp / "net.log"
    netlog.touch()
    project = make_project(tmp, REPO / "briefings")
    result = build(project, env={"PYTHONPATH": str(hooks), "BRIEFKIT_NETLOG": str(netlog)})
    assert result.returncode == 0, result.stderr
    assert netlog.read_text() == "", f"the build tried the network: {netlog.read_text()}"
    return project / "site"


def test_the_build_makes_no_network_request(offline_site: Path) -> None:
    assert (offline_site / "index.html").is_file()


EXTERNAL = re.compile(
    r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=["'](?:https?:)?//""", re.IGNORECASE
)


def test_pages_load_nothing_from_another_host(offline_site: Path) -> None:
    for page in offline_site.rglob("*.html"):
        html = page.read_text("utf-8")
        # Links a reader may follow are fine; resources the page loads are not.
        loads = [m.group(0) for m in EXTERNAL.finditer(html) if "<a " not in m.group(0)]
        loads = [x for x in loads if not re.search(r"rel=[\"'](?:canonical|alternate)", x)]
        assert loads == [], page
    for css in offline_site.rglob("*.css"):
        assert not re.search(r"@import\s+url\(\s*['\"]?https?:", css.read_text("utf-8")), css

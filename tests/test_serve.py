"""`mkdocs serve` picks up a saved YAML edit, and survives a broken one."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import make_project

PORT_DEAL = "2025-03-04-port-deal"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, needle: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and needle in page:
            return page
        time.sleep(0.5)
    raise AssertionError(f"{needle!r} did not appear at {url} within {timeout}s")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[Path, str, subprocess.Popen[str]]]:
    project = make_project(tmp_path)
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    try:
        yield project, f"http://127.0.0.1:{port}/", proc
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_saved_edit_shows_and_broken_yaml_keeps_the_server_up(
    server: tuple[Path, str, subprocess.Popen[str]],
) -> None:
    project, base, proc = server
    url = base + "actors/elena-marsh/"
    wait_for(url, "Prime Minister of Valdoria")
    path = project / "briefings" / PORT_DEAL / "briefing.yaml"
    original = path.read_text("utf-8")

    path.write_text(
        original.replace("Prime Minister of Valdoria", "Chancellor of Valdoria"), "utf-8"
    )
    wait_for(url, "Chancellor of Valdoria")

    path.write_text(original.replace("title: Valdoria", "title: [Valdoria"), "utf-8")
    time.sleep(4)
    assert proc.poll() is None, "the server stopped on a broken file"

    path.write_text(original, "utf-8")
    wait_for(url, "Prime Minister of Valdoria")
    proc.terminate()
    output = proc.communicate(timeout=30)[0]
    assert f"briefings/{PORT_DEAL}/briefing.yaml:" in output and "YAML syntax" in output
    assert "Traceback" not in output

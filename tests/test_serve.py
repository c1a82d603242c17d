"""`mkdocs serve` picks up a saved YAML edit, and survives a broken one."""

from __future__ import annotations

import gc
import html
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import make_project

# Builds sites, runs briefkit in subprocesses, or drives a browser: the slow tier.
pytestmark = pytest.mark.slow

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
    # mkdocs.yml says `strict: true`: a failed strict build used to leave every request
    # waiting. The site stays up, with the problem on it.
    home = wait_for(base, "problems in the briefings")
    # An admonition (the notice is HTML: mkdocs.yml enables no admonition extension).
    assert '<div class="admonition danger">' in home and "see the list" in home
    assert "!!! danger" not in home
    problems = wait_for(base + "problems/", "YAML syntax")
    shown = html.unescape(problems)
    assert f"<code>briefings/{PORT_DEAL}/briefing.yaml:4:7</code>: YAML syntax" in shown
    left_out = wait_for(base + f"briefings/{PORT_DEAL}/", "This briefing is left out")
    assert "YAML syntax" in left_out
    assert proc.poll() is None, "the server stopped on a broken file"

    path.write_text(original, "utf-8")
    wait_for(url, "Prime Minister of Valdoria")
    assert "in the briefings" not in (fetch(base) or "")
    proc.terminate()
    output = proc.communicate(timeout=30)[0]
    assert f"briefings/{PORT_DEAL}/briefing.yaml:" in output and "YAML syntax" in output
    assert "Traceback" not in output


# --------------------------------------------------------------------------- incremental rebuilds

SUMMIT = "2025-03-10-council-summit"
# Pages that draw only on the port deal: the summit names neither Port Lumen nor
# Valdoria's page (only its name, as Elena Marsh's affiliation).
PORT_DEAL_ONLY = {
    f"briefings/{PORT_DEAL}.md",
    "places/port-lumen.md",
    "actors/valdoria.md",
}
SUMMIT_PAGES = {
    f"briefings/{SUMMIT}.md",
    "actors/northern-trade-council.md",
    "actors/elena-marsh.md",
    "actors/piotr-lind.md",
    "places/kessel.md",
}


def serve_build(project: Path) -> Any:
    """One of `mkdocs serve`'s builds: a fresh config each time, as serve loads it.

    mkdocs keeps a plugin that has ``on_startup`` across those configs, so the
    briefkit plugin of every build is the same object, caches and all.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)
    plugin = config.plugins["briefkit"]
    # The SQLite export is written on a thread after the pages (see the plugin).
    plugin.wait_for_later()
    return plugin


def html_of(project: Path, page: str) -> str:
    return (project / "site" / page / "index.html").read_text("utf-8")


def test_a_rebuild_renders_only_the_pages_an_edit_touches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project(tmp_path)
    monkeypatch.chdir(project)
    plugin = serve_build(project)
    everything = set(plugin.cache.rendered)
    assert everything >= SUMMIT_PAGES | PORT_DEAL_ONLY
    port_deal_html = html_of(project, f"briefings/{PORT_DEAL}")

    # An event's wording: it shows on the briefing's page and its actors' and places'.
    path = project / "briefings" / SUMMIT / "briefing.yaml"
    path.write_text(
        path.read_text("utf-8").replace("Ostrava joins", "Ostrava formally joins"), "utf-8"
    )
    assert serve_build(project) is plugin
    rendered = set(plugin.cache.rendered)
    assert rendered >= SUMMIT_PAGES
    assert not rendered & PORT_DEAL_ONLY, rendered & PORT_DEAL_ONLY
    assert plugin.cache.reused >= len(PORT_DEAL_ONLY)
    # The edit shows, and the pages taken from the cache are the same as before.
    assert "Ostrava formally joins" in html_of(project, f"briefings/{SUMMIT}")
    assert html_of(project, f"briefings/{PORT_DEAL}") == port_deal_html

    # Nothing changed: only the index pages, which read the whole corpus, are made again.
    serve_build(project)
    assert not set(plugin.cache.rendered) & (SUMMIT_PAGES | PORT_DEAL_ONLY)


def test_a_template_or_registry_edit_renders_the_pages_that_use_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project(tmp_path)
    monkeypatch.chdir(project)
    plugin = serve_build(project)

    template = project / "templates" / "place.md.j2"
    template.write_text(template.read_text("utf-8").replace("## Timeline", "## Events"), "utf-8")
    serve_build(project)
    assert {"places/kessel.md", "places/port-lumen.md"} <= set(plugin.cache.rendered)
    assert 'id="events"' in html_of(project, "places/kessel")

    # A registry name reaches every page that names Kessel.
    (project / "briefings" / "actors.yaml").write_text(
        "places:\n  - {id: kessel, name: Kessel Harbour, kind: city}\n", "utf-8"
    )
    serve_build(project)
    rendered = set(plugin.cache.rendered)
    assert {"places/kessel.md", f"briefings/{SUMMIT}.md", f"briefings/{PORT_DEAL}.md"} <= rendered
    assert "Kessel Harbour" in html_of(project, f"briefings/{SUMMIT}")


# --------------------------------------------------------------------------- kept HTML


def served_build(project: Path, site_dir: Path, first: bool, dirty: bool = False) -> Any:
    """A rebuild as `mkdocs serve [--dirty]` makes it: its address, its temporary site_dir."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.config.defaults import MkDocsConfig

    if first:
        # mkdocs keeps plugins with on_startup for the whole process: start afresh.
        MkDocsConfig.plugins.plugin_cache.clear()
    url = "http://127.0.0.1:8000/"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir))
    if first:
        config.plugins.on_startup(command="serve", dirty=dirty)
    config.site_url = url
    build(config, serve_url=url, dirty=dirty)
    plugin = config.plugins["briefkit"]
    # The SQLite export is written on a thread after the pages (see the plugin).
    plugin.wait_for_later()
    return plugin


def full_build(project: Path, site_dir: Path) -> None:
    """A one-off `mkdocs build` with serve's site_url, so the pages can be compared."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir))
    config.plugins.on_startup(command="build", dirty=False)
    config.site_url = "http://127.0.0.1:8000/"
    build(config)


def site_files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_kept_pages_are_a_full_builds_and_search_holds_every_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    project = make_project(tmp_path)
    monkeypatch.chdir(project)
    served = tmp_path / "served"
    plugin = served_build(project, served, first=True)
    before = site_files(served)

    path = project / "briefings" / SUMMIT / "briefing.yaml"
    path.write_text(
        path.read_text("utf-8").replace("attended by Valdoria", "attended in force by Valdoria"),
        "utf-8",
    )
    assert served_build(project, served, first=False) is plugin
    # Only the pages whose Markdown changed went through mkdocs again.
    assert plugin.html.kept > 0
    assert f"briefings/{SUMMIT}.md" in plugin.html.converted
    assert not set(plugin.html.converted) & PORT_DEAL_ONLY

    full = tmp_path / "full"
    full_build(project, full)
    after, fresh = site_files(served), site_files(full)
    # sitemap.xml.gz carries the time it was written.
    for files in (after, fresh):
        files.pop("sitemap.xml.gz", None)
    assert after.keys() == fresh.keys()
    differ = sorted(name for name in fresh if after[name] != fresh[name])
    assert differ == [], differ
    assert "attended in force by Valdoria" in after[f"briefings/{SUMMIT}/index.html"].decode()
    # Kept pages are the bytes the first build wrote.
    page = f"briefings/{PORT_DEAL}/index.html"
    assert after[page] == before[page]

    # The search index: the full build's entries, for every page, kept ones included
    # (the timeline and quotes pages mark all of theirs data-search-exclude).
    index = json.loads(after["search/search_index.json"])
    assert index == json.loads(fresh["search/search_index.json"])
    located = {doc["location"].split("#")[0] for doc in index["docs"]}
    pages = {
        name.removesuffix("index.html")
        for name in after
        if name.endswith("/index.html") and name.startswith(("briefings/", "actors/", "places/"))
    }
    assert len(pages) > 10 and pages <= located, pages - located


# --------------------------------------------------------------------------- serve --dirty


def dirty_build(project: Path, site_dir: Path, first: bool) -> Any:
    """A rebuild as `mkdocs serve --dirty` makes it: no emptied site folder."""
    # mkdocs.yml says `strict: true`: mkdocs' own warning before a dirty build would abort it.
    assert "strict: true" in (project / "mkdocs.yml").read_text("utf-8")
    return served_build(project, site_dir, first, dirty=True)


def full_build_elsewhere(project: Path, site_dir: Path) -> dict[str, bytes]:
    """A one-off `mkdocs build --strict` in its own process (plugins and all start afresh)."""
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site_dir)],
        cwd=project,
        check=True,
        env={
            "NO_MKDOCS_2_WARNING": "1",
            "PATH": "/usr/bin:/bin",
            "SITE_URL": "http://127.0.0.1:8000/",
        },
    )
    files = site_files(site_dir)
    files.pop("sitemap.xml.gz", None)  # it carries the time it was written
    return files


def assert_same_site(served: Path, full: dict[str, bytes]) -> None:
    after = site_files(served)
    after.pop("sitemap.xml.gz", None)
    assert sorted(after.keys() - full.keys()) == [], "left behind"
    assert sorted(full.keys() - after.keys()) == [], "missing"
    assert sorted(name for name in full if after[name] != full[name]) == []


def test_serve_dirty_leaves_unchanged_pages_as_written_and_the_site_is_a_full_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    project = make_project(tmp_path)
    monkeypatch.chdir(project)
    served = tmp_path / "served"
    plugin = dirty_build(project, served, first=True)
    port_deal_page = served / "briefings" / PORT_DEAL / "index.html"
    written = port_deal_page.stat().st_mtime_ns

    # An edit: only the summit's pages (and the nav's) go through mkdocs again.
    path = project / "briefings" / SUMMIT / "briefing.yaml"
    path.write_text(
        path.read_text("utf-8").replace("attended by Valdoria", "attended in force by Valdoria"),
        "utf-8",
    )
    assert dirty_build(project, served, first=False) is plugin
    assert f"briefings/{SUMMIT}.md" in plugin.html.converted
    assert not set(plugin.html.converted) & PORT_DEAL_ONLY
    assert plugin.html.kept >= len(PORT_DEAL_ONLY)
    assert port_deal_page.stat().st_mtime_ns == written, "an unchanged page was written again"
    assert_same_site(served, full_build_elsewhere(project, tmp_path / "full1"))
    assert plugin.later.thread is not None and not plugin.later.thread.is_alive()
    # What the build left alive is out of the collector's passes until serve is idle.
    assert gc.get_freeze_count() > 0

    # A briefing added, then removed: its pages and export files go from the site folder.
    copy = project / "briefings" / "2025-03-05-port-deal-again"
    shutil.copytree(project / "briefings" / PORT_DEAL, copy)
    yaml_file = copy / "briefing.yaml"
    yaml_file.write_text(
        yaml_file.read_text("utf-8").replace(f"id: {PORT_DEAL}", f"id: {copy.name}", 1), "utf-8"
    )
    dirty_build(project, served, first=False)
    copy_page = served / "briefings" / copy.name / "index.html"
    assert copy_page.exists()
    shutil.rmtree(copy)
    dirty_build(project, served, first=False)
    assert not copy_page.exists()
    assert str(copy_page) in plugin.html.removed
    assert_same_site(served, full_build_elsewhere(project, tmp_path / "full2"))

    # mkdocs.yml changed: everything is built again from an empty folder.
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("site_name: ", "site_name: New "), "utf-8")
    dirty_build(project, served, first=False)
    assert plugin.html.kept == 0
    assert_same_site(served, full_build_elsewhere(project, tmp_path / "full3"))
    plugin.on_shutdown()
    assert gc.get_freeze_count() == 0

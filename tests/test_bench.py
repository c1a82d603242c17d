"""The build benchmark compares like with like: the floor's pages are the plugin's.

``scripts/bench_build.py`` times the plugin's build against plain mkdocs on the
same Markdown written out as static files. That comparison only means something
if both builds make the same site, so this builds a small generated corpus both
ways (untimed) and compares the HTML.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml

# A script, not a package: import the benchmark's own generator through sys.path.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

import bench_build

# Builds sites, runs briefkit in subprocesses, or drives a browser: the slow tier.
pytestmark = pytest.mark.slow

N = 5
ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*?)</article>', re.S)


@pytest.fixture(scope="module")
def projects(tmp_path_factory: pytest.TempPathFactory) -> bench_build.Projects:
    root = tmp_path_factory.mktemp("bench")
    projects = bench_build.make_projects(root, N)
    bench_build.build(projects.plugin)
    bench_build.build(projects.floor)
    return projects


def article(page: Path) -> str:
    found = ARTICLE.search(page.read_text("utf-8"))
    assert found, f"{page}: no <article>"
    return found.group(1)


def test_the_generated_corpus_is_valid(projects: bench_build.Projects) -> None:
    assert projects.corpus_problems == 0
    assert len(list((projects.plugin / "briefings").iterdir())) == N


def test_briefings_have_the_issue_s_shape(projects: bench_build.Projects) -> None:
    for folder in (projects.plugin / "briefings").iterdir():
        data = yaml.safe_load((folder / "briefing.yaml").read_text("utf-8"))
        text = (folder / "article.txt").read_text("utf-8")
        assert 950 <= len(text.split()) <= 1150
        assert len(data["actors"]) == bench_build.ACTORS_PER
        assert len(data["events"]) == bench_build.EVENTS_PER
        assert len(data["quotes"]) == bench_build.QUOTES_PER
        assert len(data["figures"]) == bench_build.FIGURES_PER
        for key in ("actors", "places", "events", "quotes", "figures", "relations"):
            for fact in data[key]:
                assert fact["evidence"] in text, (folder.name, key, fact["evidence"])


def test_the_generator_is_deterministic(tmp_path: Path) -> None:
    bench_build.write_corpus(tmp_path / "a", 3)
    bench_build.write_corpus(tmp_path / "b", 3)
    for path in sorted((tmp_path / "a").rglob("*.*")):
        twin = tmp_path / "b" / path.relative_to(tmp_path / "a")
        assert path.read_bytes() == twin.read_bytes(), path


def test_the_floor_config_only_drops_the_plugin() -> None:
    text = (bench_build.REPO / "mkdocs.yml").read_text("utf-8")
    floor = bench_build.floor_config(text)
    assert "briefkit" in bench_build._plugin_names(text)
    assert bench_build._plugin_names(floor) == [
        p for p in bench_build._plugin_names(text) if p != "briefkit"
    ]
    # Everything but the plugin's lines is kept, byte for byte.
    dropped = [line for line in text.splitlines() if line not in floor.splitlines()]
    assert dropped and all(
        "briefkit" in line or line.strip().startswith(("briefings:", "templates:"))
        for line in dropped
    ), dropped


def test_plugin_and_floor_build_the_same_pages(projects: bench_build.Projects) -> None:
    plugin, floor = projects.plugin / "site", projects.floor / "site"
    pages = bench_build.html_pages(plugin)
    assert pages == bench_build.html_pages(floor)
    # A briefing, actor and place page each, at least: the comparison is not vacuous.
    assert len(pages) > N + 20
    different = [rel for rel in sorted(pages) if article(plugin / rel) != article(floor / rel)]
    assert not different, different


def test_plugin_and_floor_export_the_same_data(projects: bench_build.Projects) -> None:
    plugin, floor = projects.plugin / "site" / "data", projects.floor / "site" / "data"
    files = sorted(p.relative_to(plugin) for p in plugin.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(floor) for p in floor.rglob("*") if p.is_file())
    for rel in files:
        assert (plugin / rel).read_bytes() == (floor / rel).read_bytes(), rel

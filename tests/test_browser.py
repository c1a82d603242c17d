"""The built site in a real browser: Debian's Chromium, driven by Playwright."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import REPO, build, make_project

sys.path.insert(0, str(REPO / "scripts"))
from screenshots import CHROMIUM, chromium, serve

# Builds sites, runs briefkit in subprocesses, or drives a browser: the slow tier.
pytestmark = pytest.mark.slow

ARTIFACTS = REPO / "test-artifacts" / "screenshots"


def _browser_missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is not installed (apt-get install chromium chromium-driver)"
    if shutil.which("chromium") is None and not os.access(CHROMIUM, os.X_OK):
        return f"{CHROMIUM} is not executable"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    return None


@pytest.fixture(scope="module")
def site_url(built_fixture_site: Path) -> Iterator[str]:
    missing = _browser_missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests cannot run in CI: {missing}")
        pytest.skip(missing)
    with serve(built_fixture_site) as url:
        yield url


@pytest.fixture(scope="module")
def seed_url(tmp_path_factory: pytest.TempPathFactory, site_url: str) -> Iterator[str]:
    project = make_project(tmp_path_factory.mktemp("seed-browser"), REPO / "briefings")
    result = build(project)
    assert result.returncode == 0, result.stderr
    with serve(project / "site") as url:
        yield url


@pytest.fixture(scope="module")
def browser(site_url: str) -> Iterator[object]:
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    yield page
    page.close()


def shot(page: object, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))  # type: ignore[attr-defined]


def test_search_by_alias_ranks_the_actor_page_first(page: object, site_url: str) -> None:
    page.goto(site_url)  # type: ignore[attr-defined]
    page.click("input.md-search__input")  # type: ignore[attr-defined]
    page.keyboard.type("Marsh", delay=50)  # type: ignore[attr-defined]
    first = page.locator(".md-search-result__item").first  # type: ignore[attr-defined]
    try:
        first.wait_for(timeout=15000)
    finally:
        shot(page, "search-marsh")
    assert "Elena Marsh" in first.inner_text()
    first.locator("a").first.click()
    page.wait_for_url("**/actors/elena-marsh/**")  # type: ignore[attr-defined]


def test_timeline_entry_lands_on_highlighted_evidence(page: object, site_url: str) -> None:
    page.goto(site_url + "timeline/")  # type: ignore[attr-defined]
    page.get_by_text("Marsh travels to Kessel").first.click()  # type: ignore[attr-defined]
    page.wait_for_url("**/briefings/2025-03-04-port-deal/#ev-events-*")  # type: ignore[attr-defined]
    current = page.locator("mark.bk-current")  # type: ignore[attr-defined]
    current.first.wait_for(timeout=5000)
    assert current.first.inner_text().startswith("On Friday, Ms. Marsh is expected to travel")
    assert current.first.is_visible()
    shot(page, "timeline-click-evidence")


def search(page: object, base: str, words: str) -> object:
    page.goto(base)  # type: ignore[attr-defined]
    page.click("input.md-search__input")  # type: ignore[attr-defined]
    page.keyboard.type(words, delay=30)  # type: ignore[attr-defined]
    first = page.locator(".md-search-result__item").first  # type: ignore[attr-defined]
    first.wait_for(timeout=15000)
    return first


@pytest.mark.parametrize(
    ("words", "expected", "where"),
    [
        ("Sudani", "Mohammed Shia al-Sudani", "actors/mohammed-shia-al-sudani/"),
        ("Pezeshkian", "Masoud Pezeshkian", "actors/masoud-pezeshkian/"),
        ("Karbala", "Karbala", "places/karbala/"),
        ("Pivotal Alliance", "Tending to a Pivotal Alliance", "briefings/2024-09-11"),
        ("brotherly ties", "brotherly ties", ""),
    ],
)
def test_seed_search_finds_actors_places_briefings_and_quotes(
    page: object, seed_url: str, words: str, expected: str, where: str
) -> None:
    first = search(page, seed_url, words)
    shot(page, "search-" + words.lower().replace(" ", "-"))
    assert expected in first.inner_text()  # type: ignore[attr-defined]
    href = first.locator("a").first.get_attribute("href")  # type: ignore[attr-defined]
    assert where in href


def test_timeline_filters_by_actor_in_the_page(page: object, site_url: str) -> None:
    page.goto(site_url + "timeline/")  # type: ignore[attr-defined]
    entries = page.locator(".bk-entry")  # type: ignore[attr-defined]
    assert entries.count() == 5
    page.select_option("select[name=actor]", "northern-trade-council")  # type: ignore[attr-defined]
    visible = page.locator(".bk-entry:visible")  # type: ignore[attr-defined]
    assert visible.count() == 1
    assert "opens its summit" in visible.first.inner_text()
    assert page.locator(".bk-filter-count").inner_text() == "1 of 5 events"  # type: ignore[attr-defined]
    # Year headings with nothing left under them go too.
    assert not page.get_by_role("heading", name="2019").is_visible()  # type: ignore[attr-defined]
    shot(page, "timeline-filter-actor")
    page.goto(site_url + "timeline/?place=kessel")  # type: ignore[attr-defined]
    assert page.locator(".bk-entry:visible").count() == 2  # type: ignore[attr-defined]


def test_the_map_opens_and_leads_to_a_place(page: object, site_url: str) -> None:
    page.goto(site_url)  # type: ignore[attr-defined]
    page.click("text=Map")  # type: ignore[attr-defined]
    page.wait_for_url("**/map/")  # type: ignore[attr-defined]
    svg = page.locator("svg.bk-map")  # type: ignore[attr-defined]
    assert svg.is_visible()
    shot(page, "map")
    page.locator(".bk-map-frame a.bk-pin").first.click()  # type: ignore[attr-defined]
    page.wait_for_url("**/places/port-lumen/")  # type: ignore[attr-defined]


def test_relation_graphs_draw_offline(page: object, site_url: str) -> None:
    # The browser has no network here: a drawn graph proves the bundled Mermaid ran.
    page.goto(site_url + "briefings/2025-03-04-port-deal/")  # type: ignore[attr-defined]
    # Material swaps the <pre class="mermaid"> source for a <div> holding the
    # drawing (in a closed shadow root, so measure it rather than read it).
    graph = page.locator("div.mermaid")  # type: ignore[attr-defined]
    graph.first.wait_for(timeout=15000)
    box = graph.first.bounding_box()
    assert box is not None and box["height"] > 40 and box["width"] > 200
    page.locator("#relations").scroll_into_view_if_needed()  # type: ignore[attr-defined]
    shot(page, "relation-graph")


def test_a_briefing_prints_without_the_site_around_it(page: object, site_url: str) -> None:
    page.goto(site_url + "briefings/2025-03-04-port-deal/")  # type: ignore[attr-defined]
    page.emulate_media(media="print")  # type: ignore[attr-defined]
    assert not page.locator(".md-header").is_visible()  # type: ignore[attr-defined]
    assert not page.locator(".md-sidebar--primary").is_visible()  # type: ignore[attr-defined]
    assert page.locator(".bk-article").is_visible()  # type: ignore[attr-defined]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "briefing-print.pdf"))  # type: ignore[attr-defined]
    assert (ARTIFACTS / "briefing-print.pdf").stat().st_size > 10_000

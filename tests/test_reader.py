"""The site as a reader sees it, on a desktop (1280×900) and a phone (390×844).

Built from the seed briefing, the invented follow-ups of ``fixtures/seed-corpus`` and
those of ``fixtures/reader-corpus`` (places close together on a map), with a
``site_url``: Material's instant navigation only runs when its sitemap lists the
pages, as under ``mkdocs serve``, which is where the reader met its bugs.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import sys
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from helpers import FIXTURES, REPO, build, make_project
from test_browser import _browser_missing

sys.path.insert(0, str(REPO / "scripts"))
from screenshots import _QuietHandler, chromium

# Builds sites and drives a browser: the slow tier.
pytestmark = pytest.mark.slow

SEED = "briefings/2024-09-11-iran-president-visits-iraq/"
PAGES = {
    "home": "",
    "briefing": SEED,
    "actor": "actors/masoud-pezeshkian/",
    "place": "places/tel-aviv/",
    "timeline": "timeline/",
    "map": "map/",
    "quotes": "quotes/",
    "tags": "tags/",
    "actor index": "actors/",
    "place index": "places/",
    "briefing index": "briefings/",
}
SIZES = {"desktop": (1280, 900), "phone": (390, 844)}
MIN_LABEL_PX = 11

# Material draws graphs in a closed shadow root; opened, the test can measure the labels.
OPEN_SHADOWS = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  return attach.call(this, {...init, mode: "open"});
};
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    missing = _browser_missing()
    if missing:
        pytest.skip(missing)
    project = make_project(tmp_path_factory.mktemp("reader"), REPO / "briefings")
    for corpus in ("seed-corpus", "reader-corpus"):
        for folder in (FIXTURES / corpus).iterdir():
            if folder.is_dir():
                shutil.copytree(folder, project / "briefings" / folder.name)
    (project / "site").mkdir()
    handler = functools.partial(_QuietHandler, directory=str(project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    # The port is known only now: the site is built for it, as `mkdocs serve` does.
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write(f"\nsite_url: {url}\n")
    result = build(project)
    assert result.returncode == 0, result.stderr
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser(site: str) -> Iterator[Any]:
    with chromium() as launched:
        yield launched


class Reader:
    """A browser tab at one screen size that records every script error."""

    def __init__(self, browser: Any, size: str) -> None:
        width, height = SIZES[size]
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.page.add_init_script(OPEN_SHADOWS)
        self.errors: list[str] = []
        self.page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        self.page.on(
            "console",
            lambda msg: self.errors.append(f"console: {msg.text}") if msg.type == "error" else None,
        )

    def open(self, url: str) -> Any:
        self.page.goto(url)
        self.settle()
        return self.page

    def settle(self) -> None:
        self.page.wait_for_load_state("networkidle")
        # Graphs are drawn after the page loads: wait until each has its drawing.
        self.page.wait_for_function(
            "document.querySelectorAll('pre.mermaid').length === 0", timeout=15000
        )


@pytest.fixture(params=list(SIZES))
def reader(request: pytest.FixtureRequest, browser: Any) -> Iterator[Reader]:
    reader = Reader(browser, request.param)
    yield reader
    reader.page.close()


@pytest.fixture
def desktop(browser: Any) -> Iterator[Reader]:
    reader = Reader(browser, "desktop")
    yield reader
    reader.page.close()


@pytest.fixture
def phone(browser: Any) -> Iterator[Reader]:
    reader = Reader(browser, "phone")
    yield reader
    reader.page.close()


def test_no_page_kind_throws_a_script_error(reader: Reader, site: str) -> None:
    for kind, path in PAGES.items():
        reader.open(site + path)
        assert reader.errors == [], kind


def test_instant_navigation_into_pages_with_maps_shows_them(desktop: Reader, site: str) -> None:
    page = desktop.open(site)
    # A full page load would lose this; instant navigation keeps the window.
    page.evaluate("window.bkSameWindow = true")

    def follow(selector: str, heading: str) -> None:
        page.locator(selector).first.click()
        page.wait_for_function(
            "text => document.querySelector('article h1').textContent.startsWith(text)",
            arg=heading,
            timeout=10000,
        )
        desktop.settle()

    follow(f"article a[href$='{SEED}']", "Iran’s New President")
    assert page.locator(".bk-map-frame").count() == 1
    follow(".md-tabs__link:text-is('Map')", "Map")
    follow(".bk-pin[href*='tel-aviv'] .bk-pin-label", "Tel Aviv")
    assert page.locator(".bk-map-frame").count() == 1  # its locator map
    follow(".md-tabs__link:text-is('Timeline')", "Timeline")
    # An event's link lands on its evidence, marked, in the briefing's article.
    follow(".bk-entry a:text('Iraq extradites Behzad Khosravi to Iran')", "Iran’s New President")
    assert page.url.endswith("#ev-events-10")
    mark = page.locator("mark.bk-current").first
    assert mark.inner_text().startswith("on Tuesday, Iraq extradited")
    assert mark.is_visible() and mark.bounding_box()["y"] < 900
    # A sentence's link on an actor's page lands on it too.
    page.locator("a:text-is('Behzad Khosravi')").first.click()
    page.wait_for_url("**/actors/behzad-khosravi/")
    desktop.settle()
    follow(".bk-excerpts a:text('in context')", "Iran’s New President")
    target = page.locator(f"[id='{page.url.split('#')[1]}']")
    assert target.is_visible() and 0 <= target.bounding_box()["y"] < 900
    assert page.evaluate("window.bkSameWindow") is True
    assert desktop.errors == []


def test_no_page_is_wider_than_a_phone(phone: Reader, site: str) -> None:
    for kind, path in PAGES.items():
        page = phone.open(site + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, kind
        # Nor a table, which Material lets scroll sideways inside the page.
        wide = page.evaluate(
            "[...document.querySelectorAll('.md-typeset__scrollwrap')]"
            ".filter(el => el.scrollWidth > el.clientWidth).length"
        )
        assert wide == 0, kind


VISIBLE_LABELS = """() => [...document.querySelectorAll('.bk-pin-label, .bk-country')]
  .filter(el => getComputedStyle(el).clipPath === 'none' && el.getClientRects().length)
  .map(el => { const r = el.getBoundingClientRect();
               return {text: el.textContent, top: r.top, left: r.left, bottom: r.bottom,
                       right: r.right, font: parseFloat(getComputedStyle(el).fontSize)}; })"""


def overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return (
        a["left"] < b["right"]
        and b["left"] < a["right"]
        and a["top"] < b["bottom"]
        and b["top"] < a["bottom"]
    )


@pytest.mark.parametrize("path", ["map/", SEED, "places/tel-aviv/"])
def test_map_labels_are_legible_and_never_collide(reader: Reader, site: str, path: str) -> None:
    page = reader.open(site + path)
    labels = page.evaluate(VISIBLE_LABELS)
    assert labels, path
    for label in labels:
        assert label["bottom"] - label["top"] >= MIN_LABEL_PX, label
        assert label["font"] >= MIN_LABEL_PX, label
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            assert not overlaps(a, b), (a["text"], b["text"])
    # Every place keeps its marker, and a link, labelled or not.
    pins = page.locator(".bk-pin")
    assert pins.count() >= 1 and pins.first.get_attribute("href")


def test_map_markers_are_sized_by_count(desktop: Reader, site: str) -> None:
    page = desktop.open(site + "map/")
    size = {
        name: page.locator(f".bk-pin[href*='/{name}/']").bounding_box()["width"]
        for name in ("baghdad", "tel-aviv", "basra")
    }
    # Baghdad is in three briefings, Tel Aviv in two, Basra in one.
    assert size["baghdad"] > size["tel-aviv"] > size["basra"]


GRAPH_LABELS = """() => [...document.querySelectorAll('div.mermaid')].flatMap(host =>
  [...host.shadowRoot.querySelectorAll('.nodeLabel, .edgeLabel')])
  .map(el => el.getBoundingClientRect()).filter(r => r.width > 0)
  .map(r => r.height)"""


def test_graph_labels_are_legible_or_the_list_stands_in(reader: Reader, site: str) -> None:
    page = reader.open(site + SEED)
    relations = page.locator("#relations ~ .bk-relations")
    assert relations.is_visible()
    assert "is an ally of" in relations.inner_text()
    if page.viewport_size["width"] < 700:
        assert not page.locator(".bk-graph").first.is_visible()
        return
    heights = page.evaluate(GRAPH_LABELS)
    assert len(heights) >= 20
    assert min(heights) >= MIN_LABEL_PX, heights


def test_search_finds_no_diagram_source(desktop: Reader, site: str) -> None:
    page = desktop.open(site)
    page.click("input.md-search__input")
    page.keyboard.type("Pezeshkian", delay=30)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    texts = results.all_inner_texts()
    assert texts and not [t for t in texts if "graph LR" in t or "n0[" in t]
    index = page.evaluate("fetch('search/search_index.json').then(r => r.text())")
    assert "graph LR" not in index and "n0[" not in index
    locations = {doc["location"] for doc in json.loads(index)["docs"]}
    assert not [loc for loc in locations if loc.startswith(("timeline/", "quotes/"))]


def visible_entries(page: Any) -> list[str]:
    return page.locator(".bk-entry:visible").all_inner_texts()


def entries_once_filtered(page: Any, expected: list[str], seconds: float = 15) -> list[str]:
    """The visible entries, once the page's script has applied the filter in the address
    (after a load or an instant navigation, that comes a moment after the page)."""
    import time

    deadline = time.monotonic() + seconds
    shown = visible_entries(page)
    while shown != expected and time.monotonic() < deadline:
        page.wait_for_timeout(200)
        shown = visible_entries(page)
    return shown


def visible_toc(page: Any) -> list[str]:
    return page.evaluate(
        "[...document.querySelectorAll('.md-sidebar--secondary .md-nav__item')]"
        ".filter(el => getComputedStyle(el).display !== 'none')"
        ".map(el => el.firstElementChild.textContent.trim())"
    )


def test_a_filtered_timeline_is_in_its_url(desktop: Reader, browser: Any, site: str) -> None:
    page = desktop.open(site + "timeline/")
    everything = visible_entries(page)
    assert "1979–2023" in visible_toc(page)  # sparse years share a heading
    page.select_option("select[name=actor]", "masoud-pezeshkian")
    assert page.url.endswith("timeline/?actor=masoud-pezeshkian")
    shown = visible_entries(page)
    assert 0 < len(shown) < len(everything)
    # Years with nothing left drop out of the table of contents.
    assert visible_toc(page) == ["2024", "July 2024", "September 2024"]

    other = Reader(browser, "phone")
    try:
        opened = other.open(page.url)
        assert entries_once_filtered(opened, shown) == shown
        assert opened.input_value("select[name=actor]") == "masoud-pezeshkian"
    finally:
        other.page.close()

    # Back from a briefing (instant navigation), the filter is as it was.
    page.locator(".bk-entry:visible .bk-meta a").first.click()
    page.wait_for_url("**/briefings/**")
    desktop.settle()
    page.go_back()
    page.wait_for_url("**/timeline/?actor=masoud-pezeshkian")
    desktop.settle()
    assert entries_once_filtered(page, shown) == shown
    assert desktop.errors == []


def test_quotes_align_show_their_date_and_no_doubled_marks(reader: Reader, site: str) -> None:
    for path in ("quotes/", SEED, "actors/masoud-pezeshkian/"):
        page = reader.open(site + path)
        boxes = [q.bounding_box() for q in page.locator("figure.bk-quote").all()]
        assert len(boxes) >= 2, path
        assert len({round(b["x"]) for b in boxes}) == 1, path  # one left edge
        column = page.locator("article").bounding_box()
        assert min(b["width"] for b in boxes) > column["width"] * 0.8, path
        for caption in page.locator("figure.bk-quote figcaption").all_inner_texts():
            assert re.search(r"\b\d{1,2} [A-Z][a-z]+ \d{4}\b", caption), caption
        text = page.locator("article").inner_text()
        assert "““" not in text and "””" not in text, path


@pytest.mark.parametrize(
    ("path", "section"),
    [(SEED, "Briefings"), ("actors/masoud-pezeshkian/", "Actors"), ("places/basra/", "Places")],
)
def test_a_generated_page_shows_where_it_is(
    desktop: Reader, site: str, path: str, section: str
) -> None:
    page = desktop.open(site + path)
    assert page.locator(".md-path").inner_text().split() == ["Home", section]
    assert page.locator(".md-tabs__item--active").inner_text().strip() == section
    # No empty navigation column down the left: the content starts near the edge.
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert page.locator("article h1").bounding_box()["x"] < 100
    page.locator(".md-path a", has_text=section).click()
    page.wait_for_function(
        "text => document.querySelector('article h1').textContent.startsWith(text)", arg=section
    )


def test_an_actor_page_has_an_infobox(reader: Reader, site: str) -> None:
    page = reader.open(site + "actors/masoud-pezeshkian/")
    box = page.locator("dl.bk-infobox")
    terms, values = box.locator("dt").all_inner_texts(), box.locator("dd").all_inner_texts()
    facts = dict(zip(terms, values, strict=True))
    assert facts["Kind"] == "person"
    assert facts["Role"] == "President of Iran"
    assert facts["Affiliation"] == "Iran"
    assert facts["First seen"] == "11 September 2024"
    assert facts["Last seen"] == "13 September 2024"
    assert facts["Most often with"].startswith("Iran, Iraq")
    place = reader.open(site + "places/basra/")
    assert "30.51° N, 47.78° E" in place.locator("dl.bk-infobox").inner_text()
    assert place.locator(".bk-map-frame .bk-pin").count() == 1


def test_the_seed_briefing_is_shorter_and_its_article_opens(reader: Reader, site: str) -> None:
    page = reader.open(site + SEED)
    height = page.evaluate("document.documentElement.scrollHeight")
    # Was 8,400px on a desktop and 11,100px on a phone.
    assert height < (6000 if page.viewport_size["width"] > 700 else 8000), height
    button = page.locator(".bk-article-more")
    hidden = page.locator(".bk-article p[hidden]")
    assert hidden.count() > 5
    # Find in page reaches the hidden paragraphs ("until found").
    assert hidden.first.get_attribute("hidden") == "until-found"
    # The button follows the last paragraph shown, with no hidden paragraphs' gap.
    last = page.locator(".bk-article > p:not([hidden])").last.bounding_box()
    assert button.bounding_box()["y"] - (last["y"] + last["height"]) < 60
    button.click()
    assert hidden.count() == 0 and button.count() == 0
    assert page.evaluate("document.documentElement.scrollHeight") > height

"""Every string from an article or YAML file shows as text, on every page kind.

A briefing whose every text field is hostile is built with mkdocs; the HTML
must hold no element, attribute or link that came from the input.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from helpers import build, make_project

# Builds sites, runs briefkit in subprocesses, or drives a browser: the slow tier.
pytestmark = pytest.mark.slow

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "[click](javascript:alert(3))",
    "{{ 7*7 }} {% include 'x' %}",
    "</title><svg onload=alert(4)>",
    "&lt;script&gt;alert(5)&lt;/script&gt;",
    "a|b #c *d* ]e `f`",
]
HOSTILE = " ".join(PAYLOADS)


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []
        self.in_title = False
        self.title = ""
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # Material draws its icons with inline <svg>: those are checked by attribute.
        if tag in ("img", "iframe", "object", "embed", "base"):
            self.bad.append(f"<{tag}>")
        if tag == "script" and not dict(attrs).get("src") and "alert" in self.get_starttag_text():
            self.bad.append("<script>")
        for name, value in attrs:
            if name.startswith("on"):
                self.bad.append(f"{tag} {name}=")
            if (
                name in ("href", "src")
                and value
                and value.strip().lower().startswith("javascript:")
            ):
                self.bad.append(f"{tag} {name}={value}")
        self.in_title = tag == "title"

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if "alert(" in data and self.lasttag == "script":
            self.bad.append("script body")
        if self.in_title:
            self.title += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False


def hostile_corpus(root: Path) -> None:
    folder = root / "2025-01-01-hostile"
    folder.mkdir(parents=True)
    sentence = f"The minister said {HOSTILE} on Monday."
    (folder / "article.txt").write_text(f"{sentence}\n“{HOSTILE},” the minister said.\n", "utf-8")
    h = HOSTILE
    data = {
        "id": "2025-01-01-hostile",
        "title": h,
        "source": {
            "outlet": h,
            "published": "2025-01-01",
            "url": 'https://example.org/?q=<x>"y',
            "article": "article.txt",
        },
        "summary": h,
        "key_points": [h],
        "tags": ["hostile"],
        "actors": [
            {
                "id": "minister",
                "name": h,
                "kind": "person",
                "role": h,
                "aliases": [h],
                "description": h,
            }
        ],
        # Not the very same name as the actor: one name on two is refused.
        "places": [{"id": "somewhere", "name": f"{h} (a place)", "kind": "city"}],
        "events": [
            {
                "id": "e",
                "date": "2025-01-01",
                "when": h,
                "what": h,
                "actors": ["minister"],
                "places": ["somewhere"],
                "evidence": h,
            }
        ],
        "quotes": [{"speaker": "minister", "text": h, "evidence": h}],
        "figures": [{"value": 7, "unit": h, "text": h, "about": ["minister"], "evidence": h}],
        "relations": [{"from": "minister", "kind": "ally", "to": "somewhere", "evidence": h}],
    }
    (folder / "briefing.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile")
    empty = tmp / "empty"
    empty.mkdir()
    project = make_project(tmp, empty)
    hostile_corpus(project / "briefings")
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_no_page_holds_an_element_from_the_input(site: Path) -> None:
    pages = list(site.rglob("*.html"))
    assert len(pages) >= 8
    for page in pages:
        parser = Elements()
        parser.feed(page.read_text("utf-8"))
        assert parser.bad == [], page
        assert "alert" not in parser.title or "<" not in parser.title, page


@pytest.mark.parametrize(
    "page",
    [
        "briefings/2025-01-01-hostile",
        "actors/minister",
        "places/somewhere",
        "timeline",
        "quotes",
        "",
    ],
)
def test_the_words_are_shown_as_text(site: Path, page: str) -> None:
    parser = Elements()
    parser.feed((site / page / "index.html").read_text("utf-8"))
    text = " ".join(" ".join(parser.text).split())
    # The reader sees each payload exactly as the analyst typed it.
    for payload in PAYLOADS[:2]:
        assert payload in text, page
    assert "{{ 7*7 }}" in text or page == "", page
    assert " 49 " not in text


def test_the_search_index_holds_no_markup_from_the_input(site: Path) -> None:
    index = (site / "search" / "search_index.json").read_text("utf-8")
    assert "<script>alert" not in index and "<img src=x" not in index

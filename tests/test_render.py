import html
import re
from pathlib import Path

import pytest
from helpers import FIXTURES, REPO

from briefkit.model import Corpus
from briefkit.render import md_escape, render_site
from briefkit.store import load_corpus


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    briefings, _ = load_corpus(FIXTURES / "corpus")
    return render_site(Corpus.build(briefings), REPO / "templates")


def test_every_page_kind_is_rendered(pages: dict[str, str]) -> None:
    for path in (
        "index.md",
        "timeline.md",
        "quotes.md",
        "actors/index.md",
        "places/index.md",
        "briefings/index.md",
    ):
        assert path in pages
    assert "actors/elena-marsh.md" in pages
    assert "places/kessel.md" in pages
    assert "briefings/2025-03-04-port-deal.md" in pages


def test_shared_actor_lists_both_briefings(pages: dict[str, str]) -> None:
    page = pages["actors/elena-marsh.md"]
    assert "Valdoria and Ostrava Sign Port Deal" in page
    assert "Northern Trade Council Opens Summit in Kessel" in page


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "**bold** _em_ `code`",
        "# heading",
        "a | b",
    ],
)
def test_escaped_text_has_no_markup_characters_left(hostile: str) -> None:
    escaped = md_escape(hostile)
    assert html.unescape(escaped) == hostile
    bare = re.sub(r"&#\d+;", "", escaped)
    for char in "<>[]()*_`#|&":
        assert char not in bare
    assert md_escape("1. not a list").startswith("1&#46;")


def test_templates_cannot_forget_to_escape(tmp_path: Path) -> None:
    briefings, _ = load_corpus(FIXTURES / "corpus")
    briefings[0].title = "<img src=x onerror=alert(1)> {{ 7*7 }}"
    pages = render_site(Corpus.build(briefings), REPO / "templates")
    page = pages[f"briefings/{briefings[0].id}.md"]
    body = page.split("---", 2)[2]
    assert "<img" not in page
    # The template syntax is shown as text, never evaluated.
    assert "{{" not in body and "&#123;&#123; 7&#42;7 &#125;&#125;" in body
    assert "&#60;img src&#61;x onerror&#61;alert&#40;1&#41;&#62;" in body


def test_a_quote_whose_speaker_is_unknown_still_shows() -> None:
    briefings, _ = load_corpus(FIXTURES / "corpus")
    briefings[0].quotes[0].speaker = None
    pages = render_site(Corpus.build(briefings), REPO / "templates")
    assert "speaker not identified" in pages[f"briefings/{briefings[0].id}.md"]
    assert "speaker not identified" in pages["quotes.md"]


@pytest.mark.parametrize("label", ['say "hi"; then --> run', "a]b[c", "<b>x</b>", "x|y", "a -- b"])
def test_mermaid_labels_cannot_break_out(label: str) -> None:
    from briefkit.render.graphs import mermaid_text

    quoted = mermaid_text(label)
    inner = quoted[1:-1]
    for syntax in ('"', ";", "-->", "--", "[", "]", "<", ">", "|"):
        assert syntax not in re.sub(r"#\d+;", "", inner), (label, quoted)
    decoded = re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), inner)
    assert decoded == " ".join(label.split())


def test_briefing_and_actor_pages_draw_relation_graphs(pages: dict[str, str]) -> None:
    assert "``` mermaid\ngraph LR" in pages["briefings/2025-03-04-port-deal.md"]
    assert '-->|"is a rival of"|' in pages["actors/valdoria.md"]


def test_maps_draw_places_with_coordinates_and_link_their_pages(pages: dict[str, str]) -> None:
    briefing = pages["briefings/2025-03-04-port-deal.md"]
    assert '<svg class="bk-map"' in briefing
    # Raw HTML is not rewritten by mkdocs: the href is already the page's URL.
    assert '<a href="../../places/port-lumen/">' in briefing
    assert "Kessel</text>" not in briefing  # no coordinates, so not on the map
    assert '<a href="../places/port-lumen/">' in pages["map.md"]


def test_map_hrefs_follow_use_directory_urls() -> None:
    briefings, _ = load_corpus(FIXTURES / "corpus")
    flat = render_site(Corpus.build(briefings), REPO / "templates", directory_urls=False)
    assert '<a href="../places/port-lumen.html">' in flat["briefings/2025-03-04-port-deal.md"]
    assert '<a href="places/port-lumen.html">' in flat["map.md"]


def test_map_labels_are_escaped() -> None:
    from briefkit.render.maps import Point, svg_map

    svg = svg_map([Point('<b onmouseover="x">Evil</b>', 10, 10, 'x" onclick="y')], "t")
    assert "<b " not in svg and 'onclick="y"' not in svg
    assert "&lt;b onmouseover=&#34;x&#34;&gt;Evil&lt;/b&gt;" in svg or "&lt;b" in svg


def test_rendering_on_two_cores_gives_the_same_files_in_the_same_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import os

    from briefkit.render import pages

    if not hasattr(os, "fork") or (os.cpu_count() or 1) < 2:
        pytest.skip("renders on one core here: no fork, or one CPU")
    briefings, problems = load_corpus(FIXTURES / "corpus")
    assert problems == []
    corpus = Corpus.build(briefings)
    one = render_site(corpus, REPO / "templates")
    forks: list[int] = []
    real_fork = os.fork

    def counted() -> int:
        pid = real_fork()
        if pid:
            forks.append(pid)
        return pid

    monkeypatch.setattr(pages.os, "fork", counted)
    two = render_site(corpus, REPO / "templates", jobs=2)
    # The child really rendered half the pages: otherwise this compares one with one.
    assert len(forks) == 1
    assert list(two) == list(one)
    assert two == one


def test_a_template_that_fails_on_two_cores_fails_as_it_does_on_one(tmp_path: Path) -> None:
    import shutil

    from jinja2 import UndefinedError

    templates = tmp_path / "templates"
    shutil.copytree(REPO / "templates", templates)
    actor = templates / "actor.md.j2"
    actor.write_text(actor.read_text("utf-8") + "\n{{ profile.no_such_field }}\n", "utf-8")
    briefings, _problems = load_corpus(FIXTURES / "corpus")
    corpus = Corpus.build(briefings)
    with pytest.raises(UndefinedError) as one:
        render_site(corpus, templates)
    with pytest.raises(UndefinedError) as two:
        render_site(corpus, templates, jobs=2)
    assert str(two.value) == str(one.value)


def test_evidence_is_located_once_from_validation_to_the_rendered_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from briefkit.article import Article

    searched: list[str] = []
    real = Article._search

    def counted(self: Article, evidence: str) -> tuple[int, int] | None:
        searched.append(evidence)
        return real(self, evidence)

    monkeypatch.setattr(Article, "_search", counted)
    briefings, problems = load_corpus(FIXTURES / "corpus")
    assert problems == []
    validated = len(searched)
    assert validated == len({(b.id, f.evidence) for b in briefings for _k, _i, f in b.facts()
                             if getattr(f, "evidence", None)})  # fmt: skip
    render_site(Corpus.build(briefings), REPO / "templates")
    assert len(searched) == validated  # the renderer found nothing again

import html
import re
from pathlib import Path

import pytest
from helpers import FIXTURES, REPO, ServedCorpus

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


def graph_sources(page: str) -> list[str]:
    """The Mermaid source of each graph on a page, as Mermaid reads it (the pre's text)."""
    return [
        html.unescape(m) for m in re.findall(r'<pre class="mermaid"><code>(.*?)</code>', page, re.S)
    ]


def test_briefing_and_actor_pages_draw_relation_graphs(pages: dict[str, str]) -> None:
    (source,) = graph_sources(pages["briefings/2025-03-04-port-deal.md"])
    assert "\ngraph LR\n" in source
    assert '-->|"is a rival of"|' in graph_sources(pages["actors/valdoria.md"])[0]


def test_graph_source_stays_out_of_the_search_index(pages: dict[str, str]) -> None:
    # Material's search skips an element with data-search-exclude and all inside it.
    page = pages["briefings/2025-03-04-port-deal.md"]
    assert '<div class="bk-graph" markdown="0" data-search-exclude><pre class="mermaid">' in page
    assert "``` mermaid" not in page


def test_relations_between_the_same_two_ends_are_one_edge() -> None:
    from briefkit.model import Relation
    from briefkit.render.graphs import relation_graph

    relations = [
        Relation(from_="iran", kind="ally", to="iraq", evidence="x"),
        Relation(from_="iran", kind="trade-partner", to="iraq", evidence="x"),
        Relation(from_="iraq", kind="mediator", to="iran", evidence="x"),
        Relation(from_="iran", kind="ally", to="syria", evidence="x"),
    ]
    (source,) = graph_sources(relation_graph(relations, str.title, str))
    edges = [line.strip() for line in source.splitlines() if "|" in line]
    # Both ways: two heads, and each line says which way it reads.
    assert edges[0] == 'n0 <-->|"#8594; ally<br>#8594; trade-partner<br>#8592; mediator"| n1'
    assert edges[1] == 'n0 -->|"ally"| n2'


def test_maps_draw_places_with_coordinates_and_link_their_pages(pages: dict[str, str]) -> None:
    briefing = pages["briefings/2025-03-04-port-deal.md"]
    assert '<svg class="bk-map"' in briefing
    # Raw HTML is not rewritten by mkdocs: the href is already the page's URL.
    assert 'class="bk-pin" href="../../places/port-lumen/"' in briefing
    figure = briefing[briefing.index('<figure class="bk-map-figure"') :]
    assert "Kessel" not in figure[: figure.index("</figure>")]  # no coordinates, no marker
    assert 'class="bk-pin" href="../places/port-lumen/"' in pages["map.md"]


def test_no_link_is_inside_a_map_svg(pages: dict[str, str]) -> None:
    # Material's instant navigation sets el.href on every [href] element, which an SVG
    # <a> only has as a getter: it threw and left the old page on screen.
    for name in ("map.md", "briefings/2025-03-04-port-deal.md", "places/port-lumen.md"):
        for svg in re.findall(r"<svg.*?</svg>", pages[name], re.S):
            assert "href" not in svg, name


def test_a_place_page_has_a_locator_map_and_readable_coordinates(pages: dict[str, str]) -> None:
    page = pages["places/port-lumen.md"]
    assert '<svg class="bk-map"' in page
    assert "45.1° N, 12.3° E" in page


def test_map_hrefs_follow_use_directory_urls() -> None:
    briefings, _ = load_corpus(FIXTURES / "corpus")
    flat = render_site(Corpus.build(briefings), REPO / "templates", directory_urls=False)
    assert 'href="../places/port-lumen.html"' in flat["briefings/2025-03-04-port-deal.md"]
    assert 'href="places/port-lumen.html"' in flat["map.md"]


def test_map_labels_are_escaped() -> None:
    from briefkit.render.maps import Point, svg_map

    svg = svg_map([Point('<b onmouseover="x">Evil</b>', 10, 10, 'x" onclick="y')], "t")
    assert "<b " not in svg and 'onclick="y"' not in svg
    assert "&lt;b onmouseover=&quot;x&quot;&gt;Evil&lt;/b&gt;" in svg


def pins(figure: str) -> dict[str, tuple[str, str]]:
    """Each marker's name -> (its label's classes, its --r radius)."""
    found = re.findall(
        r'<a class="bk-pin"[^>]*--r:([\d.]+)px"><span class="bk-pin-label ([^"]*)">([^<]*)</span>',
        figure,
    )
    return {name: (classes, radius) for radius, classes, name in found}


def test_close_places_get_labels_that_do_not_collide_or_are_listed() -> None:
    from briefkit.render.maps import Point, svg_map

    points = [
        Point("Tel Aviv", 32.08, 34.78, "tel-aviv/", 3),
        Point("Jaffa", 32.05, 34.75, "jaffa/", 1),
        Point("Gaza", 31.5, 34.47, "gaza/", 2),
        Point("Baghdad", 33.34, 44.4, "baghdad/", 1),
        Point("Tehran", 35.69, 51.42, "tehran/", 1),
    ]
    figure = svg_map(points, "t", "briefings")
    found = pins(figure)
    assert set(found) == {p.name for p in points}  # every place keeps its marker and link
    assert "bk-tier-all" in found["Tel Aviv"][0]  # the busiest keeps its label
    # Jaffa's label has no room beside Tel Aviv's on any screen: it is listed instead.
    assert "bk-tier-none" in found["Jaffa"][0]
    assert "Not labelled, for space: Jaffa (by Tel Aviv)." in figure
    assert "Larger markers: more briefings." in figure


def test_markers_grow_with_what_they_count() -> None:
    from briefkit.render.maps import Point, svg_map

    points = [Point(f"P{n}", 30 + n, 40 + 2 * n, "x/", n) for n in (1, 4, 9)]
    radii = {name: float(r) for name, (_c, r) in pins(svg_map(points, "t", "events")).items()}
    assert radii["P1"] < radii["P4"] < radii["P9"]


def test_quotes_get_no_doubled_marks_and_show_a_date(pages: dict[str, str]) -> None:
    from briefkit.render.pages import _quoted

    assert _quoted("I imagine this") == "“I imagine this”"
    assert _quoted("“I imagine this”") == "“I imagine this”"
    assert _quoted("the depth of our relations.”") == "“the depth of our relations.”"
    page = pages["quotes.md"]
    assert "“This is a good day for both our peoples,”" in page
    assert "““" not in page and "””" not in page
    assert "reported 4 March 2025" in page


def test_sparse_years_share_a_heading_and_busy_ones_keep_theirs() -> None:
    from briefkit.render.pages import _merge_sparse_years

    years = [
        (1979, [(None, ["a"])]),
        (2003, [(None, ["b"])]),
        (2024, [("July 2024", ["c", "d"]), ("September 2024", ["e"])]),
        (2025, [("May 2025", ["f"])]),
    ]
    groups = _merge_sparse_years(years)
    assert [label for label, _months in groups] == ["1979–2003", "2024", "2025"]
    assert groups[0][1] == [(None, ["a", "b"])]
    assert [label for label, _e in groups[1][1]] == ["July 2024", "September 2024"]


def test_pages_that_repeat_briefings_stay_out_of_search(pages: dict[str, str]) -> None:
    for name in ("timeline.md", "quotes.md"):
        assert "search:\n  exclude: true" in pages[name].split("---")[1], name


def test_no_generated_page_keeps_an_empty_sidebar(pages: dict[str, str]) -> None:
    # Generated pages are out of the nav: the primary sidebar would list nothing.
    for name, page in pages.items():
        if name.endswith(".md"):
            assert "hide:\n  - navigation" in page.split("---")[1], name


def test_an_actor_page_has_an_infobox(pages: dict[str, str]) -> None:
    page = pages["actors/elena-marsh.md"]
    box = page[page.index('<dl class="bk-infobox"') : page.index("</dl>")]
    for label in ("Kind", "Role", "Affiliation", "First seen", "Last seen", "Most often with"):
        assert f">{label}</dt>" in box, label
    assert "Prime Minister of Valdoria" in box
    assert "[4 March 2025](../briefings/2025-03-04-port-deal.md)" in box
    assert "[10 March 2025](../briefings/2025-03-10-council-summit.md)" in box
    # Ostrava shares an event with her; the council an event and both briefings.
    assert "[Ostrava](../actors/ostrava.md)" in box and "[Northern Trade Council]" in box


def test_rendering_on_two_cores_gives_the_same_files_in_the_same_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import os

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

    monkeypatch.setattr(os, "fork", counted)
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


def test_the_tags_page_lists_each_tag_and_briefings_link_to_their_tags() -> None:
    """briefkit makes the tags page itself (Material's tags plugin is not run: it cannot
    follow serve's dirty builds, and Zensical runs no plugins)."""
    briefings, _ = load_corpus(FIXTURES / "corpus")
    briefings[0].tags = ["Trade", "Port <b>deals</b>"]
    briefings[1].tags = ["trade"]
    pages = render_site(Corpus.build(briefings), REPO / "templates")
    tags = pages["tags.md"]
    # Two spellings of one tag share a heading and an anchor; each heading lists its briefings.
    headings = re.findall(r"^## (.*) \{: #(tag-[\w-]+) \}$", tags, flags=re.M)
    assert [anchor for _text, anchor in headings] == ["tag-port-b-deals-b", "tag-trade"]
    assert "<b>" not in tags
    trade = tags.split("{: #tag-trade }")[1]
    for briefing in briefings:
        assert f"({briefing.id}.md)" in trade or f"/{briefing.id}.md)" in trade
    page = pages[f"briefings/{briefings[0].id}.md"]
    assert "(../tags.md#tag-trade){ .md-tag }" in page
    assert "(../tags.md#tag-port-b-deals-b){ .md-tag }" in page


def test_a_summary_edit_keeps_actor_pages_and_every_page_stays_a_fresh_renders(
    tmp_path: Path,
) -> None:
    """Under serve an actor's or place's page is kept when only what it does not show
    changed (a summary, key points, tags): it must still be what a fresh render makes,
    so a template that starts showing one of those fails here."""
    corpus = ServedCorpus(tmp_path)
    cache, root, served = corpus.cache, corpus.root, corpus.render
    served()
    summit = root / "2025-03-10-council-summit" / "briefing.yaml"
    text = summit.read_text("utf-8")
    edited = text.replace("summary: The", "summary: Edited, the", 1)
    edited = edited.replace("tags: [", "tags: [edited, ", 1)
    assert edited.count("Edited") == 1 and "edited, " in edited
    summit.write_text(edited, "utf-8")
    pages = served()
    rendered = set(cache.rendered)
    assert "briefings/2025-03-10-council-summit.md" in rendered
    assert not {p for p in rendered if p.startswith(("actors/", "places/")) and "index" not in p}
    assert pages == corpus.fresh()

    # An event's wording is on actor pages: they are made again.
    edited = edited.replace("Ostrava joins", "Ostrava formally joins", 1)
    summit.write_text(edited, "utf-8")
    pages = served()
    assert any(p.startswith("actors/") for p in cache.rendered)
    assert pages == corpus.fresh()

    # Index pages are keyed on what they show: a role (the actors index), a place's
    # coordinates (the map and the places index) make them again, and only those.
    edited = edited.replace("role: Prime Minister of Valdoria", "role: Premier of Valdoria", 1)
    summit.write_text(edited, "utf-8")
    pages = served()
    assert "actors/index.md" in cache.rendered and "map.md" not in cache.rendered
    assert pages == corpus.fresh()
    port = corpus.root / "2025-03-04-port-deal" / "briefing.yaml"
    port.write_text(port.read_text("utf-8").replace("[45.1, 12.3]", "[45.2, 12.3]"), "utf-8")
    pages = served()
    assert {"map.md", "places/index.md"} <= set(cache.rendered)
    assert "tags.md" not in cache.rendered
    assert pages == corpus.fresh()


def test_an_ended_relation_reads_in_the_past_on_its_pages(tmp_path: Path) -> None:
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "corpus", corpus)
    path = corpus / "2025-03-04-port-deal" / "briefing.yaml"
    text = path.read_text("utf-8")
    rivals = "{from: valdoria, kind: rival, to: ostrava,"
    assert rivals in text
    path.write_text(text.replace(rivals, rivals[:-1] + ", former: true,"), "utf-8")
    briefings, _ = load_corpus(corpus)
    [relation] = [r for b in briefings for r in b.relations if r.kind == "rival"]
    assert relation.former is True
    assert relation.to_dict()["former"] is True
    pages = render_site(Corpus.build(briefings), REPO / "templates")
    assert "*was a rival of*" in pages["briefings/2025-03-04-port-deal.md"]
    assert "*was a rival of*" in pages["actors/valdoria.md"]
    # a current link says nothing of it, in the file or on the page
    [post] = [r for b in briefings for r in b.relations if r.kind == "role"]
    assert "former" not in post.to_dict()
    assert "*holds a post in*" in pages["briefings/2025-03-04-port-deal.md"]

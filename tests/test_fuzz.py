"""Fuzzing: the loader, the validator, the renderer and the extractor on random input.

Properties: nothing raises but ``BriefkitError``, and rendered pages hold no
executable element that came from the input. Two profiles: ``ci`` (the default,
a modest number of examples, the whole file in under a minute) and ``fuzz``
(``HYPOTHESIS_PROFILE=fuzz``, 10,000 examples per target), which
``scripts/fuzz.py`` runs and counts.
"""

from __future__ import annotations

import os
import string
from collections import Counter
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from briefkit.article import parse_article
from briefkit.errors import BriefkitError
from briefkit.model import Briefing, Corpus, validate_facts, validate_shape
from briefkit.render import render_site
from briefkit.store import parse_yaml

REPO = Path(__file__).resolve().parents[1]
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
# Examples per target: the extractor loads spaCy and parses, so it gets fewer in CI.
EXAMPLES = {
    "ci": {"yaml": 300, "validate": 200, "render": 100, "extract": 8},
    "fuzz": {"yaml": 10_000, "validate": 10_000, "render": 10_000, "extract": 10_000},
}
# How many inputs each target tried in this process; scripts/fuzz.py prints it.
TRIED: Counter[str] = Counter()


def budget(target: str) -> settings:
    counts = EXAMPLES.get(PROFILE, EXAMPLES["ci"])
    # scripts/fuzz.py --examples N sets this to run every target N times.
    override = os.environ.get("BRIEFKIT_FUZZ_EXAMPLES")
    return settings(
        max_examples=int(override) if override else counts[target],
        deadline=None,  # speed belongs in benchmarks
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        database=None,
    )


# --------------------------------------------------------------------------- hostile strings

MARK = "pwn"  # every active payload carries it, so the HTML check can tell ours from theirs
PAYLOADS = [
    f"<script>{MARK}()</script>",
    f"<img src=x onerror={MARK}()>",
    f"<svg onload={MARK}()>",
    f'<a href="javascript:{MARK}()">x</a>',
    f"[x](javascript:{MARK}())",
    f"![x](javascript:{MARK}())",
    f"<iframe src=//{MARK}.example>",
    f'<div markdown="1" onclick="{MARK}()">',
    f"{{: onclick={MARK}() }}",
    f"<{MARK}-element>",
    "{{ 7*7 }}",
    "{% raw %}",
    "{# c #}",
    "```mermaid\ngraph TD; A-->B\n```",
    'A["x"] --> B',
    "click A call alert()",
    "%%{init: {}}%%",
    "# heading",
    "1. list",
    "| a | b |",
    "---",
    "<!--",
    "]]>",
    "&amp; &#x3c; &lt;",
    "\\",
    "`code`",
    "*em* _u_ **b**",
    "\u202e\u200b\ufeff",
    "\x00\x07\x1b[31m",
    "é 中文 🙂",
]
hostile_text = st.lists(
    st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=12)), min_size=1, max_size=4
).map(" ".join)
# Text that YAML and the schema take as a string field.
field_text = hostile_text.map(lambda s: s.replace("\x00", "").strip() or "x")
ident = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True).filter(
    lambda s: s not in ("con", "prn", "aux", "nul", "index")
)


# --------------------------------------------------------------------------- the YAML loader

yaml_chars = st.text(
    alphabet=st.sampled_from(list(":-[]{}&*!|>'\"%@`#,?\n\t ") + list("abcxyz019")), max_size=200
)


@given(st.one_of(st.text(max_size=300), yaml_chars))
@budget("yaml")
def test_the_yaml_loader_raises_only_briefkit_errors(text: str) -> None:
    TRIED["yaml"] += 1
    try:
        _data, _where, problems = parse_yaml(text, "f.yaml")
    except BriefkitError as exc:
        assert all(p.path == "f.yaml" for p in exc.problems)
        return
    for problem in problems:
        assert problem.line >= 1


# --------------------------------------------------------------------------- the validator

json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | field_text,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "title",
                    "source",
                    "actors",
                    "places",
                    "events",
                    "quotes",
                    "figures",
                    "relations",
                    "name",
                    "kind",
                    "date",
                    "what",
                    "evidence",
                    "text",
                    "speaker",
                    "from",
                    "to",
                    "value",
                    "about",
                    "coordinates",
                    "published",
                    "article",
                    "url",
                    "key_points",
                    "tags",
                    "aliases",
                    "summary",
                ]
            )
            | st.text(max_size=5),
            inner,
            max_size=6,
        )
    ),
    max_leaves=30,
)


@given(json_like)
@budget("validate")
def test_the_validator_reports_and_never_raises(data: Any) -> None:
    TRIED["validate"] += 1

    def where(_path: Any) -> tuple[int, int]:
        return (1, 1)

    shape = validate_shape(data, "f.yaml", where)
    if not shape and isinstance(data, dict):
        article = parse_article("Some text. More text.")
        validate_facts(data, "f.yaml", where, article)


# --------------------------------------------------------------------------- the renderer


@st.composite
def briefings(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    """A schema-valid briefing whose every free-text field is hostile, and its article.

    Fields take their text from a small pool of hostile strings drawn per example:
    drawing each of some thirty fields afresh made generating an example cost more
    than rendering it, for no payload the pool does not carry.
    """
    sentences = draw(st.lists(field_text, min_size=3, max_size=6))
    article = "\n".join(f"{s} said on Monday." for s in sentences)

    def evidence() -> str:
        return draw(st.sampled_from(sentences))

    actor_ids = draw(st.lists(ident, min_size=1, max_size=3, unique=True))
    place_ids = draw(st.lists(ident.map(lambda s: f"p-{s}"), max_size=2, unique=True))
    text = st.sampled_from(sentences + draw(st.lists(field_text, min_size=1, max_size=3)))
    actors = [
        {
            "id": a,
            "name": draw(text),
            "kind": draw(st.sampled_from(["person", "organization", "country", "group"])),
            "role": draw(text),
            "aliases": draw(st.lists(text, max_size=2)),
            "description": draw(text),
        }
        for a in actor_ids
    ]
    places = [
        {"id": p, "name": draw(text), "kind": "city", "coordinates": [10.5, 20.25]}
        for p in place_ids
    ]
    data = {
        "id": "2025-01-06-" + draw(ident),
        "title": draw(text),
        "source": {
            "outlet": draw(text),
            "published": "2025-01-06",
            "url": "https://example.org/?q=<x>",
            "article": "article.txt",
        },
        "summary": draw(text),
        "key_points": draw(st.lists(text, max_size=3)),
        "tags": draw(st.lists(ident, max_size=2, unique=True)),
        "actors": actors,
        "places": places,
        "events": [
            {
                "id": "e1",
                "date": draw(st.sampled_from(["2025", "2025-01", "2025-01-06", "2025-W02"])),
                "when": draw(text),
                "what": draw(text),
                "actors": actor_ids[:2],
                "places": place_ids[:1],
                "evidence": evidence(),
            }
        ],
        "quotes": [{"speaker": actor_ids[0], "text": draw(text), "evidence": evidence()}],
        "figures": [
            {"value": 3, "unit": draw(text), "about": actor_ids[:1], "evidence": evidence()}
        ],
        "relations": [
            {
                "from": actor_ids[0],
                "kind": draw(st.sampled_from(["ally", "rival", "member-of", "x-y"])),
                "to": actor_ids[-1],
                "evidence": evidence(),
            }
        ],
    }
    return data, article


@cache
def markdown_converter() -> markdown.Markdown:
    """mkdocs.yml's Markdown extensions, minus Material's link previews (a theme hook).

    One converter, reset between pages as MkDocs does not need to: building one
    loads every extension again, a third of the time a page takes.
    """
    from pymdownx.superfences import fence_code_format

    config = {
        "pymdownx.superfences": {
            "custom_fences": [{"name": "mermaid", "class": "mermaid", "format": fence_code_format}]
        },
        "toc": {"permalink": True},
    }
    extensions = ["attr_list", "pymdownx.superfences", "md_in_html", "tables", "toc"]
    return markdown.Markdown(extensions=extensions, extension_configs=config)


class Executable(HTMLParser):
    """Elements and attributes that could run, and any tag built from the input."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = self.get_starttag_text() or ""
        # A heading's id is its text slugified ("scriptpwnscript"): inert, allowed.
        if MARK in tag or any(MARK in name for name, _value in attrs):
            self.bad.append(raw)
        # Templates may write their own <script> (data as escaped JSON): one is bad only
        # when the input got into its body (see handle_data).
        if tag in ("iframe", "object", "embed", "base", "frame", "applet"):
            self.bad.append(raw)
        for name, value in attrs:
            if name.startswith("on"):
                self.bad.append(raw)
            scheme = (value or "").strip().lower()
            if name in ("href", "src", "action", "formaction", "xlink:href") and scheme.startswith(
                ("javascript:", "data:", "vbscript:")
            ):
                self.bad.append(raw)

    def handle_data(self, data: str) -> None:
        if self.lasttag in ("script", "style") and f"{MARK}(" in data:
            self.bad.append(f"<{self.lasttag}>{data[:40]}")

    def handle_comment(self, data: str) -> None:
        # A comment from the input could hide the rest of the page.
        self.bad.append(f"<!--{data[:40]}")


@given(briefings())
@budget("render")
def test_rendered_pages_hold_no_executable_element_from_the_input(
    case: tuple[dict[str, Any], str],
) -> None:
    TRIED["render"] += 1
    data, text = case

    def where(_path: Any) -> tuple[int, int]:
        return (1, 1)

    shape = validate_shape(data, "f.yaml", where)
    assume(not shape)  # the strategy makes valid briefings; this only guards it
    article = parse_article(text)
    briefing = Briefing.from_dict(data, article, "f.yaml")
    pages = render_site(Corpus.build([briefing]), REPO / "templates")
    converter = markdown_converter()
    for name, page in pages.items():
        if not name.endswith(".md"):
            continue
        # MkDocs takes the YAML front matter off before Markdown sees the page; the
        # theme shows its title as text (tests/test_escaping.py builds that). Front
        # matter YAML cannot read would be left in the page as Markdown.
        body, meta = get_data(page)
        assert "title" in meta and all(MARK not in str(key) for key in meta), (name, meta)
        html = converter.reset().convert(body)
        checker = Executable()
        checker.feed(html)
        assert checker.bad == [], (name, checker.bad[:3])


# --------------------------------------------------------------------------- the extractor

words = st.sampled_from(
    ["Iran", "Iraq", "Baghdad", "said", "on", "Monday", "“", "”", '"', "President", "Mr.",
     "the", "2,500", "troops", "$10 billion", "minister", "U.S.", "visited", ".", ",", "\n",
     "ALL", "CAPS", "next", "week", "in", "March", "2024", "—", "(", ")", "'", "according to"]
)  # fmt: skip
article_text = st.one_of(
    st.text(max_size=400),
    st.lists(words | st.text(string.printable, max_size=6), max_size=120).map(" ".join),
)


@given(article_text)
@budget("extract")
def test_the_extractor_raises_only_briefkit_errors(text: str) -> None:
    from briefkit import extract

    TRIED["extract"] += 1
    try:
        briefing = extract(text, "2025-01-06", id="fuzz")
    except BriefkitError as exc:
        # A blank article is the one refusal: any other text is read, however odd.
        assert not parse_article(text).body.strip(), str(exc)
        return
    shape = validate_shape(briefing.to_dict(), "f.yaml", lambda _p: (1, 1))
    assert shape == [], [str(p) for p in shape]


# Found by the fuzzer: characters YAML refuses in a title (DEL, C1 controls, U+FFFE)
# made mkdocs keep the front matter as page text, and a Markdown link in the title
# then rendered as a live `javascript:` link. Beyond U+FFFF was the same, through JSON's
# surrogate pairs.
@pytest.mark.parametrize("odd", ["🙂", "\x81", "\x7f", "\x9f", "\ufffe"])
def test_a_title_with_any_character_keeps_its_front_matter(odd: str) -> None:
    data = {
        "id": "2025-01-06-a",
        "title": f"[x](javascript:pwn()) {odd}",
        "source": {"published": "2025-01-06", "article": "article.txt"},
        "actors": [{"id": "a", "name": f"A {odd}", "kind": "person"}],
    }
    briefing = Briefing.from_dict(data, parse_article("Hello said on Monday."), "f.yaml")
    pages = render_site(Corpus.build([briefing]), REPO / "templates")
    for name in ("briefings/2025-01-06-a.md", "actors/a.md"):
        body, meta = get_data(pages[name])
        assert meta.get("title", "").endswith(odd), (name, meta)
        assert "javascript:" not in body

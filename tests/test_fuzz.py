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
    "ci": {"yaml": 300, "validate": 200, "render": 100, "extract": 8, "build": 6, "files": 25},
    # A whole mkdocs build is about a second: "build" gets fewer inputs than the rest.
    "fuzz": {
        "yaml": 10_000,
        "validate": 10_000,
        "render": 10_000,
        "extract": 10_000,
        "build": 500,
        "files": 2_000,
    },
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


# --------------------------------------------------------------------------- the whole build

# Values the schema takes but the calendar, arithmetic or a reader may not.
odd_dates = st.sampled_from(
    ["2025", "2025-02", "2025-01-06", "2025-W02", "2024-02-30", "2021-W53", "2023-02-29",
     "2025-01-31/2025-01-01", "2025/2024", "2020-W53", "2025-01-01/2025-W01", "0000"]
)  # fmt: skip
odd_numbers = st.one_of(
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.just(int("9" * 400)),
)
odd_names = st.one_of(
    field_text,
    st.sampled_from(["\u200b", " \u2060 ", "Al\u202eice", "\u2066x\u2069", "ordinary"]),
)


@st.composite
def valid_shape_corpora(draw: st.DrawFn) -> list[tuple[dict[str, Any], str]]:
    """One to three briefings of valid shape whose values are anything the schema allows:
    impossible days, NaN, 400-digit figures, invisible names, dangling and self references."""
    ids = draw(st.lists(ident, min_size=2, max_size=5, unique=True))
    out = []

    def rarely() -> bool:
        # Each odd value alone, mostly: a corpus with none of them must build strictly.
        # (11, not 0: hypothesis draws the ends of a range more often than the rest.)
        return draw(st.integers(0, 19)) == 11

    for n in range(draw(st.integers(1, 3))):
        data, article = draw(briefings())
        data["id"] = f"b{n}-{data['id']}"
        for actor in data["actors"]:
            if rarely():
                actor["name"] = draw(odd_names)
            if rarely():
                actor["affiliation"] = draw(st.sampled_from([*ids, actor["id"]]))
        for place in data["places"]:
            place["coordinates"] = [
                draw(st.floats(-90, 90))
                if not rarely()
                else draw(st.sampled_from([float("nan"), 90.0, -90.0])),
                draw(st.floats(-180, 180)) if not rarely() else float("inf"),
            ]
        if rarely():
            data["events"][0]["date"] = draw(odd_dates)
        if rarely():
            data["events"][0]["actors"] = draw(st.lists(st.sampled_from(ids), max_size=2))
        if rarely():
            data["figures"][0]["value"] = draw(odd_numbers)
        if rarely():
            data["source"]["published"] = draw(st.sampled_from(["2024-02-30", None]))
        relation = data["relations"][0]
        if relation["from"] == relation["to"] and not rarely():
            data["relations"] = []  # the renderer strategy's one-actor briefings relate to self
        # The renderer strategy draws names from a small pool; here each name is its own,
        # but now and then two actors share one.
        for actor in data["actors"]:
            if not rarely():
                actor["name"] = f"{actor['name']} {actor['id']}"
                actor["aliases"] = [f"{a} {actor['id']}" for a in actor["aliases"]]
        for place in data["places"]:
            place["name"] = f"{place['name']} {place['id']}"
        if rarely():
            data["title"] = draw(odd_names)
        if not rarely():
            data = _without_direction_controls(data)
            article = _without_direction_controls(article)
        out.append((data, article))
    return out


def _without_direction_controls(value: Any) -> Any:
    """The hostile pool carries U+202E, which names may not hold: out, most of the time."""
    if isinstance(value, str):
        return (
            "".join(
                ch
                for ch in value
                if ch not in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
            ).strip()
            or "x"
        )
    if isinstance(value, list):
        return [_without_direction_controls(v) for v in value]
    if isinstance(value, dict):
        return {k: _without_direction_controls(v) for k, v in value.items()}
    return value


def _write_corpus(root: Path, corpus: list[tuple[dict[str, Any], str]]) -> None:
    import yaml

    for data, article in corpus:
        folder = root / data["id"]
        folder.mkdir(parents=True)
        (folder / "briefing.yaml").write_text(
            yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8"
        )
        (folder / "article.txt").write_text(article, "utf-8")


@cache
def _project_sources() -> Path:
    """The site's sources, copied once per process, without briefings."""
    import tempfile

    from helpers import make_project

    tmp = Path(tempfile.mkdtemp(prefix="briefkit-fuzz-"))
    (tmp / "none").mkdir()
    return make_project(tmp, tmp / "none")


def _mkdocs_build(project: Path, strict: bool) -> str | None:
    """A whole `mkdocs build` of ``project``, in this process: None, or why it stopped."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    # Warnings must reach mkdocs' logger at their level: strict mode counts them there.
    config = load_config(str(project / "mkdocs.yml"), strict=strict, site_dir=str(project / "site"))
    try:
        build(config)
    except Abort as exc:
        return str(exc)
    return None


@pytest.mark.slow
@given(valid_shape_corpora())
@budget("build")
def test_what_check_passes_builds_strictly_and_the_rest_builds_without(
    corpus: list[tuple[dict[str, Any], str]],
) -> None:
    """`check` passing means `mkdocs build --strict` succeeds; a corpus `check` fails builds
    without --strict, and never raises anything else."""
    import shutil
    import tempfile

    from briefkit.store import load_corpus

    TRIED["build"] += 1
    project = Path(tempfile.mkdtemp(prefix="briefkit-fuzz-build-"))
    try:
        shutil.copytree(_project_sources(), project, dirs_exist_ok=True)
        _write_corpus(project / "briefings", corpus)
        _briefings, problems = load_corpus(project / "briefings")
        if problems:
            assert _mkdocs_build(project, strict=False) is None
            assert _mkdocs_build(project, strict=True) is not None
        else:
            assert _mkdocs_build(project, strict=True) is None, "check passed, build failed"
    finally:
        shutil.rmtree(project, ignore_errors=True)


# --------------------------------------------------------------------------- planted files

FILE_KINDS = [
    "regular", "link-out", "link-in", "dev-zero", "dev-urandom", "fifo", "sparse", "folder",
    "dangling", "loop", "missing",
]  # fmt: skip
SECRET = "SECRET-9b2e-not-for-the-site"


def _plant(path: Path, kind: str, root: Path, secret: Path) -> None:
    """Replace ``path`` (a file of the corpus) by a file of ``kind``."""
    import shutil

    # Only a real file's bytes: through a link planted before, this would copy the
    # secret into the folder, where publishing it is right.
    regular = path.is_file() and not path.is_symlink() and path.stat().st_size < 1 << 20
    original = path.read_bytes() if regular else b""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()
    if kind == "regular":
        path.write_bytes(original)
    elif kind == "link-out":
        path.symlink_to(secret)
    elif kind == "link-in":
        inside = root / f".copy-{path.parent.name}-{path.name}"
        inside.write_bytes(original)
        path.symlink_to(inside)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "dev-urandom":
        path.symlink_to("/dev/urandom")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "sparse":
        with path.open("wb") as handle:
            handle.truncate(64 * 1024 * 1024)
    elif kind == "folder":
        path.mkdir()
    elif kind == "dangling":
        path.symlink_to(root / "nowhere" / "at-all")
    elif kind == "loop":
        path.symlink_to(path)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(
                ["briefing.yaml", "article.txt", "folder", "actors.yaml", ".extracted.yaml"]
            ),
            st.sampled_from([0, 1]),
            st.sampled_from(FILE_KINDS),
        ),
        min_size=1,
        max_size=4,
    )
)
@budget("files")
def test_planted_files_are_refused_and_nothing_outside_is_read(
    plants: list[tuple[str, int, str]],
) -> None:
    """Links out, devices, FIFOs, huge files anywhere in the folder: check and render end
    (no hang, bounded reads), raise nothing but reports, and publish nothing from outside."""
    import shutil
    import signal
    import tempfile

    from helpers import FIXTURES

    from briefkit.store import CorpusLoader, folder_digest

    TRIED["files"] += 1
    tmp = Path(tempfile.mkdtemp(prefix="briefkit-fuzz-files-"))
    try:
        secret = tmp / "secret.txt"
        secret.write_text(f"{SECRET}\nid: x\n", "utf-8")
        root = tmp / "briefings"
        shutil.copytree(FIXTURES / "corpus", root)
        (root / "actors.yaml").write_text("actors: []\n", "utf-8")
        folders = sorted(p for p in root.iterdir() if p.is_dir())
        for name, which, kind in plants:
            folder = folders[which]
            target = root / "actors.yaml" if name == "actors.yaml" else folder / name
            if name == "folder":
                target = folder
                # Plant in a folder once: it may be a link or a FIFO already.
                if kind in ("regular", "folder") or folder.is_symlink() or not folder.is_dir():
                    continue
                if kind == "link-out":
                    outside = tmp / "outside" / folder.name
                    if not outside.exists():
                        shutil.copytree(FIXTURES / "corpus" / folder.name, outside)
                        (outside / "article.txt").write_text(SECRET, "utf-8")
                    shutil.rmtree(folder)
                    folder.symlink_to(outside)
                    continue
            if not target.parent.is_dir() or target.parent.is_symlink():
                continue
            _plant(target, kind, root, secret)

        def hung(*_args: Any) -> None:
            raise TimeoutError("check or render hung on a planted file")

        old = signal.signal(signal.SIGALRM, hung)
        signal.alarm(30)
        try:
            loader = CorpusLoader(root, cache=True)
            corpus, problems = loader.load()
            for folder in folders:
                folder_digest(folder)
            pages = render_site(corpus, REPO / "templates")
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, old)
        for problem in problems:
            assert problem.line >= 1 and problem.col >= 1, str(problem)
        for name, page in pages.items():
            content = page if isinstance(page, str) else page.decode("utf-8", "replace")
            assert SECRET not in content, name
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

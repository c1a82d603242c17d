"""Hostile and broken input: nothing crashes, nothing is injected, nothing is lost.

Each case ends in a ``path:line:col`` message a person can act on, never a
traceback, and leaves every file as it was. docs/security.md lists them all.
"""

from __future__ import annotations

import copy
import fcntl
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import FIXTURES, REPO

import briefkit
from briefkit import cli
from briefkit.article import parse_article, read_article
from briefkit.errors import BriefkitError
from briefkit.store import MAX_YAML_BYTES, load_briefing, load_corpus, read_yaml

# --------------------------------------------------------------------------- YAML

HOSTILE_YAML: dict[str, bytes] = {
    # 50 MB of valid YAML: parsed, its node tree alone would take gigabytes.
    "huge": b"key_points:\n" + b"  - a point that goes on\n" * (50 * 1024 * 1024 // 24),
    "deep-flow": b"id: a\ntitle: " + b"[" * 5000 + b"]" * 5000 + b"\n",
    # Within libyaml's limit (1000) but past Python's recursion limit when walked.
    "deep-998": b"id: a\ntitle: " + b"[" * 998 + b"]" * 998 + b"\n",
    "deep-block": b"".join(b"  " * i + b"k%d:\n" % i for i in range(1200)),
    "laughs": b"a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    + b"".join(
        b"%s: &%s [%s]\n" % (c, c, b", ".join([b"*" + p] * 9))
        for p, c in zip(
            [b"a", b"b", b"c", b"d", b"e", b"f", b"g", b"h"],
            [b"b", b"c", b"d", b"e", b"f", b"g", b"h", b"i"],
            strict=True,
        )
    ),
    "tabs": b"id: a\n\ttitle: x\n",
    "duplicate": b"id: a\ntitle: T\nid: b\n",
    "latin1": b"id: a\ntitle: caf\xe9\n",
    "control": b"id: a\ntitle: \x07bell\n",
}
EXPECTED = {
    "huge": (1, 1, "MB; a briefing is a few kB"),
    "deep-flow": (2, None, "maximum nesting depth"),
    "deep-998": (2, None, "nested more than"),
    "deep-block": (None, None, "nesting depth"),
    "laughs": (1, 4, "anchors and aliases"),
    "tabs": (2, 1, "tab character"),
    "duplicate": (3, 1, "duplicate key 'id'"),
    "latin1": (2, 11, "not UTF-8"),
    "control": (2, 8, "U+0007 is not allowed in YAML"),
}

# The case runs in a fresh interpreter that reports its own peak memory: the test
# process's RUSAGE_CHILDREN would include every mkdocs build run before it.
READ_ONE = """
import json, sys
from pathlib import Path
from briefkit.errors import BriefkitError
from briefkit.store import read_yaml
try:
    _data, _where, problems = read_yaml(Path(sys.argv[1]))
    out = [str(p) for p in problems]
except BriefkitError as exc:
    out = [str(p) for p in exc.problems]
# VmHWM is this process's own peak since exec; ru_maxrss would also count the
# pytest process it was forked from.
hwm = next(l for l in Path("/proc/self/status").read_text().splitlines() if l.startswith("VmHWM"))
peak = int(hwm.split()[1]) // 1024
print(json.dumps({"problems": out, "peak_mb": peak}))
"""


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(HOSTILE_YAML))
def test_hostile_yaml_gives_a_located_error_in_bounded_memory(tmp_path: Path, case: str) -> None:
    path = tmp_path / "briefing.yaml"
    path.write_bytes(HOSTILE_YAML[case])
    # A generous timeout: a hang fails the test, speed is the benchmarks' business.
    done = subprocess.run(
        [sys.executable, "-c", READ_ONE, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["problems"], case
    first = result["problems"][0]
    line, col, words = EXPECTED[case]
    assert first.startswith(f"{path}:{line or ''}"), first
    if col is not None:
        assert first.startswith(f"{path}:{line}:{col}: "), first
    assert words in first, first
    # The interpreter and briefkit take ~50 MB; parsing the 50 MB file would take GBs.
    assert result["peak_mb"] < 400, result


def test_the_size_cap_is_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "briefing.yaml"
    with path.open("wb") as handle:
        handle.truncate(50 * 1000 * 1000)  # sparse: no time or disk spent
    with pytest.raises(BriefkitError) as err:
        read_yaml(path)
    assert str(err.value) == (
        f"{path}:1:1: briefing.yaml is 50.0 MB; a briefing is a few kB and briefkit reads at "
        f"most {MAX_YAML_BYTES / 1e6:.1f} MB: keep only the briefing's facts in this file"
    )


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path] if path else []
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out += _paths(item, (*path, i))
    return out


def _wrong(value: Any) -> Any:
    """A value of another type than ``value``, as a careless edit would leave."""
    if isinstance(value, str):
        return ["a", "list"]
    if isinstance(value, bool):
        return "yes please"
    if isinstance(value, int | float):
        return {"a": "mapping"}
    if isinstance(value, list):
        return "a string"
    if isinstance(value, dict):
        return 42
    return {"a": "mapping"} if value is None else None


def test_a_wrong_type_in_any_field_is_located_and_skipped(tmp_path: Path) -> None:
    source = FIXTURES / "corpus" / "2025-03-04-port-deal"
    data = yaml.safe_load((source / "briefing.yaml").read_text("utf-8"))
    folder = tmp_path / source.name
    shutil.copytree(source, folder)
    tried = 0
    for path in _paths(data):
        if path[-1] in ("source",) or path == ("source", "article"):
            continue
        broken = copy.deepcopy(data)
        parent = broken
        for part in path[:-1]:
            parent = parent[part]
        wrong = _wrong(parent[path[-1]])
        if parent[path[-1]] is None or wrong is None:
            continue  # None is a valid value of the nullable fields
        parent[path[-1]] = wrong
        (folder / "briefing.yaml").write_text(yaml.safe_dump(broken, sort_keys=False), "utf-8")
        item = load_briefing(folder)
        problems = item.problems
        tried += 1
        # Every wrong type is reported, and the briefing is left out of the site.
        assert problems and item.briefing is None, path
        # Whatever is found is located: a line and column an editor can jump to.
        for problem in problems:
            assert problem.line >= 1 and problem.col >= 1, (path, str(problem))
    assert tried > 50


# --------------------------------------------------------------------------- articles

ARTICLES: dict[str, bytes] = {
    "latin1": "The café’s owner, Mr. Dupont, said on Monday: “We are open.”\n".encode("cp1252"),
    "bom": "\ufeffThe mayor of Lyon said on Monday that the bridge would open.\n".encode(),
    "crlf": b"The mayor of Lyon spoke on Monday.\r\nShe said the bridge would open.\r\n",
    "no-punctuation": b"the mayor of lyon said the bridge would open on monday\n",
    "capitals": b"THE MAYOR OF LYON SAID ON MONDAY THAT THE BRIDGE WOULD OPEN.\n",
    "unbalanced": "The mayor said “the bridge will open on Monday.\nThen “she left.\n".encode(),
}
REFUSED: dict[str, tuple[bytes, str]] = {
    "empty": (b" \n\n", "the article is empty"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a binary file"),
}


@pytest.fixture
def briefings(tmp_path: Path) -> Path:
    root = tmp_path / "briefings"
    root.mkdir()
    return root


@pytest.mark.parametrize("case", sorted(REFUSED))
@pytest.mark.parametrize("command", ["extract", "add"])
def test_unreadable_articles_are_refused_clearly(
    tmp_path: Path, briefings: Path, case: str, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data, words = REFUSED[case]
    article = tmp_path / "article.txt"
    article.write_bytes(data)
    extra = ["--root", str(briefings)] if command == "add" else []
    assert cli.main([command, str(article), "--published", "2025-01-06", *extra]) == 1
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert [p.name for p in briefings.iterdir()] in ([], [".briefkit.lock"])


@pytest.mark.parametrize(
    "text",
    ["", " \n\t\r\n ", "\ufeff\r\n", b"", "The post A Title appeared first on The Outlet."],
    ids=["empty", "whitespace", "bom-only", "no-bytes", "syndication-line-only"],
)
def test_the_python_api_refuses_an_empty_article(text: str | bytes) -> None:
    with pytest.raises(BriefkitError) as caught:
        briefkit.extract(text, "2025-01-06")
    assert str(caught.value) == (
        "<article>:1:1: the article is empty: give briefkit.extract the article's text"
    )


def test_the_python_api_decodes_bytes_and_refuses_binary_and_bad_dates() -> None:
    with pytest.raises(BriefkitError, match="looks like a binary file"):
        briefkit.extract(b"\x89PNG\r\n\x1a\n\x00\x00", "2025-01-06")
    with pytest.raises(BriefkitError, match="published='2025-13-45' is not a date"):
        briefkit.extract("The mayor spoke on Monday.", "2025-13-45")
    briefing = briefkit.extract(ARTICLES["latin1"], "2025-01-06", id="latin1").to_dict()
    assert briefing["title"].startswith("The café’s owner, Mr. Dupont")


@pytest.mark.parametrize("case", sorted(ARTICLES))
def test_odd_articles_are_read_and_added(
    tmp_path: Path, briefings: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(ARTICLES[case])
    assert cli.main(["extract", str(article), "--published", "2025-01-06", "--id", case]) == 0
    printed = capsys.readouterr().out
    assert yaml.safe_load(printed)["id"] == case
    assert cli.main(["add", str(article), "--published", "2025-01-06", "--id", case,
                     "--root", str(briefings)]) == 0  # fmt: skip
    folder = briefings / case
    # The article is stored as given, decoded: BOM and CRLF kept, Windows-1252 as UTF-8.
    stored = (folder / "article.txt").read_bytes().decode("utf-8")
    assert stored == read_article(article).raw
    _briefings, problems = load_corpus(briefings)
    # Every evidence span is found in the stored article, whatever its encoding or
    # newlines. (A place's country the extractor did not list as an actor is an
    # extraction gap, not an input problem, and is reported like any other.)
    problems = [p for p in problems if "unknown country id" not in p.message]
    assert problems == [], [str(p) for p in problems]


@pytest.mark.slow  # tens of seconds in one process
def test_a_5_mb_article_is_read_and_parses_in_chunks_with_the_same_offsets(tmp_path: Path) -> None:
    import spacy

    from briefkit.extractors.pipeline import CHUNK_CHARS, chunks, parse

    paragraph = "The mayor of Lyon said on Monday that the bridge would open. " * 20
    text = "\n".join(f"{i}. {paragraph}" for i in range(4200))
    assert len(text) > 5_000_000
    path = tmp_path / "long.txt"
    path.write_text(text, "utf-8")
    article = read_article(path)
    assert article.body == text
    pieces = chunks(text)
    assert "".join(pieces) == text and all(len(p) <= CHUNK_CHARS for p in pieces)
    assert all(p.endswith("\n") for p in pieces[:-1])  # cut at paragraph ends
    # A tokenizer-only pipeline: the chunking, not the model, is under test here;
    # scripts/bench_extract_scaling.py runs the full extraction at 5 MB.
    nlp = spacy.blank("en")
    with pytest.raises(ValueError):
        nlp(text)  # what the pipeline used to do: spaCy refuses past max_length
    doc = parse(nlp, text)
    assert doc.text == text
    token = doc[len(doc) - 3]
    assert text[token.idx : token.idx + len(token)] == token.text


def test_a_long_article_in_many_chunks_gives_every_paragraph_its_facts() -> None:
    """What a 5 MB article gets, on a small scale: small chunks, so every lookup by
    offset (names, quotes, mentions) crosses chunk ends many times."""
    import datetime as dt

    from briefkit.extractors import nlp, pipeline
    from briefkit.extractors.nlp import load_model

    paragraphs = [
        f"Iran's president, Masoud Pezeshkian, visited Baghdad on Wednesday, 11 September "
        f"2024. About {2500 + i} U.S. troops are in Iraq. “We are here to stay,” "
        f"Mr. Pezeshkian said."
        for i in range(40)
    ]
    article = parse_article("\n".join(paragraphs))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(nlp, "CHUNK_CHARS", 2_000)  # four paragraphs or so a chunk
        facts: dict[str, Any] = pipeline.run(article, dt.date(2024, 9, 11), load_model())
    figures = facts["figures"]
    assert [f["value"] for f in figures] == [2500 + i for i in range(40)]
    assert all(f["unit"] == "troops" and f["about"] == ["united-states"] for f in figures)
    assert [q["speaker"] for q in facts["quotes"]] == ["masoud-pezeshkian"] * 40
    assert len(facts["events"]) == 40
    for event in facts["events"]:
        assert event["date"] == "2024-09-11" and event["places"] == ["baghdad"]
        assert event["evidence"] in article.text


def test_find_dates_reads_a_text_longer_than_the_model_takes() -> None:
    """``briefkit.find_dates`` parses on its own when a date's tense matters ("Friday"):
    past spaCy's ``max_length`` that parse is chunked too, and dates come out the same."""
    from briefkit.extractors import nlp
    from briefkit.extractors.nlp import load_model

    text = "\n".join(
        f"Talks {i} ended on Friday. The minister will travel to Baghdad on Friday."
        for i in range(30)
    )
    expected = briefkit.find_dates(text, "2024-09-11")
    assert {d.value for d in expected} == {"2024-09-06", "2024-09-13"}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(load_model(), "max_length", 1_000)  # an unchunked parse would fail
        patch.setattr(nlp, "CHUNK_CHARS", 500)
        assert briefkit.find_dates(text, "2024-09-11") == expected


def test_a_paragraph_longer_than_a_chunk_is_cut_at_a_space() -> None:
    from briefkit.extractors.pipeline import chunks

    text = "word " * 50_000 + "x" * 250_000
    pieces = chunks(text, 100_000)
    assert "".join(pieces) == text
    assert pieces[0].endswith(" ") and max(map(len, pieces)) <= 100_000


@pytest.mark.slow  # tens of seconds in one process
def test_a_long_article_parses_in_chunks_with_the_model() -> None:
    from briefkit.extractors import nlp, pipeline
    from briefkit.extractors.nlp import load_model

    sentence = "Iran's president, Masoud Pezeshkian, visited Baghdad on Wednesday. "
    article = parse_article("\n".join([sentence * 30] * 60))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(nlp, "CHUNK_CHARS", 20_000)  # several chunks from a small text
        doc = pipeline.parse(load_model(), article.body)
    assert doc.text == article.body
    ents = {(e.text, e.start_char) for e in doc.ents if e.text == "Baghdad"}
    assert len(ents) == 60 * 30
    for _text, start in ents:
        assert article.body[start : start + 7] == "Baghdad"


# --------------------------------------------------------------------------- ids and paths


@pytest.mark.parametrize(
    ("ident", "words"),
    [
        ("../../etc/passwd", "only lowercase letters, digits and single hyphens"),
        ("CON", "did you mean 'con'"),
        ("con", "device name on Windows"),
        ("", "is empty"),
        ("іran-visit", "U+0456 CYRILLIC SMALL LETTER"),  # a Cyrillic і
        ("index", "names the list of all briefings"),
        ("2025-03-04-port-deal", "is taken"),
    ],
)
def test_hostile_ids_are_refused_before_anything_is_written(
    tmp_path: Path, ident: str, words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "site" / "briefings"
    shutil.copytree(FIXTURES / "corpus", root)
    article = tmp_path / "in.txt"
    article.write_text("The mayor of Lyon said on Monday that the bridge would open.\n")
    before = sorted(tmp_path.rglob("*"))
    rc = cli.main(["add", str(article), "--id", ident, "--root", str(root)])
    err = capsys.readouterr().err
    assert rc == 1
    assert words in err and "nothing was written" in err and "Traceback" not in err
    after = sorted(p for p in tmp_path.rglob("*") if p.name != ".briefkit.lock")
    assert after == before
    assert not Path("/etc/passwd/article.txt").exists()


def hostile_id_corpus(root: Path) -> None:
    """Briefings whose ids, in the YAML, point out of the site."""
    source = FIXTURES / "corpus" / "2025-03-04-port-deal"
    for n, (field, value) in enumerate(
        [
            ("id", "../../../escaped"),
            ("actors", "../../../escaped-actor"),
            ("places", "/tmp/escaped-place"),
            ("id", "..\\..\\escaped"),
        ]
    ):
        folder = root / f"hostile-{n}"
        shutil.copytree(source, folder)
        data = yaml.safe_load((folder / "briefing.yaml").read_text("utf-8"))
        if field == "id":
            data["id"] = value
        else:
            data[field][0]["id"] = value
        (folder / "briefing.yaml").write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")


def test_hostile_ids_in_yaml_are_refused_before_a_page_path_is_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefkit.render import pages

    root = tmp_path / "briefings"
    hostile_id_corpus(root)
    briefings, problems = load_corpus(root)
    # Validation drops every hostile briefing: rendering never sees their ids.
    assert briefings == []
    assert len(problems) >= 4 and all(p.line >= 1 for p in problems)
    built: list[str] = []
    real = pages.page_path
    monkeypatch.setattr(pages, "page_path", lambda *a: built.append(a[-1] or "") or real(*a))
    out = tmp_path / "out"
    assert cli.main(["render", "--out", str(out), "--root", str(root),
                     "--templates", str(REPO / "templates")]) == 0  # fmt: skip
    assert not any("escaped" in b or "/" in b for b in built)
    assert not list(tmp_path.parent.glob("escaped*")) and not Path("/tmp/escaped-place").exists()
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert all(out in p.parents or root in p.parents for p in written)
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.slow
def test_the_plugin_writes_nothing_outside_the_site(tmp_path: Path) -> None:
    from helpers import build, make_project

    empty = tmp_path / "empty"
    empty.mkdir()
    project = make_project(tmp_path, empty)
    hostile_id_corpus(project / "briefings")
    before = {p for p in tmp_path.rglob("*") if "site" not in p.relative_to(tmp_path).parts}
    result = build(project)  # not --strict: the hostile briefings are warnings
    assert "Traceback" not in result.stderr
    after = {p for p in tmp_path.rglob("*") if "site" not in p.relative_to(tmp_path).parts}
    assert after - before == set()
    assert not any("escaped" in p.name for p in tmp_path.rglob("*"))


# --------------------------------------------------------------------------- interrupted writes

# `briefkit update` with the language model swapped for a quick fake that adds a key
# point, and a write failure injected where the environment says.
UPDATE = """
import errno, os, sys, tempfile, time
import briefkit.merge as merge
import briefkit.store as store
import briefkit
from briefkit import cli

def fake(folder, ours, base):
    time.sleep(float(os.environ.get("SLOW", "0")))
    out = dict(ours)
    out["key_points"] = [*(ours.get("key_points") or []), "A point the extractor found."]
    return out

merge.extract_again = fake
fail = os.environ.get("FAIL")
if fail == "enospc":
    real = os.fdopen
    class Full:
        def __init__(self, h): self.h = h
        def __enter__(self): return self
        def __exit__(self, *a): return self.h.__exit__(*a)
        def write(self, text):
            self.h.write(text[:100])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    store.os.fdopen = lambda *a, **k: Full(real(*a, **k))
elif fail == "erofs":
    def refuse(*a, **k):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), k.get("dir"))
    store.tempfile.mkstemp = refuse
sys.exit(cli.main(sys.argv[1:]))
"""


def run_update(root: Path, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", UPDATE, "update", "--root", str(root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != ".briefkit.lock"
    }


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The fixture corpus, each briefing with the baseline an earlier add would leave."""
    from briefkit.store import EXTRACTED_FILE, dump_baseline, parse_yaml

    root = tmp_path / "briefings"
    shutil.copytree(FIXTURES / "corpus", root)
    for path in root.glob("*/briefing.yaml"):
        data, _where, _problems = parse_yaml(path.read_text("utf-8"), str(path))
        (path.parent / EXTRACTED_FILE).write_text(dump_baseline(data), "utf-8")
    return root


@pytest.mark.slow
@pytest.mark.parametrize(
    ("fail", "words"),
    [
        ("enospc", "No space left on device; the file is unchanged: free some space"),
        ("erofs", "Read-only file system; the file is unchanged"),
    ],
)
def test_a_failing_disk_loses_nothing_and_says_so(corpus: Path, fail: str, words: str) -> None:
    before = snapshot(corpus)
    proc = run_update(corpus, {"FAIL": fail})
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 1
    assert words in err and "Traceback" not in err, err
    assert snapshot(corpus) == before  # no half file, no stray temporary file


@pytest.mark.slow
def test_a_read_only_briefing_is_left_alone(corpus: Path) -> None:
    target = corpus / "2025-03-04-port-deal" / "briefing.yaml"
    target.chmod(0o444)
    before = snapshot(corpus)
    proc = run_update(corpus)
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 1
    assert f"{target.name}:0:0: cannot write: the file is read-only" in err, err
    assert "1 briefing(s) not updated" in err
    assert "Traceback" not in err
    after = snapshot(corpus)
    # The read-only briefing and its baseline are untouched; the other one is updated.
    for name in ("briefing.yaml", ".extracted.yaml", "article.txt"):
        key = f"2025-03-04-port-deal/{name}"
        assert after.get(key) == before.get(key)
    assert (
        after["2025-03-10-council-summit/briefing.yaml"]
        != (before["2025-03-10-council-summit/briefing.yaml"])
    )


@pytest.mark.slow
def test_a_second_update_waits_then_stops_and_the_first_finishes(corpus: Path) -> None:
    before = snapshot(corpus)
    first = run_update(corpus, {"SLOW": "3"})
    # The first holds the lock while its extractor runs.
    lock = corpus / ".briefkit.lock"
    for _ in range(100):
        if lock.exists() and lock.read_text().startswith("pid"):
            break
        subprocess.run(["sleep", "0.1"], check=True)
    second = run_update(corpus, {"BRIEFKIT_LOCK_WAIT": "0.5"})
    _out, err = second.communicate(timeout=120)
    assert second.returncode == 1
    assert "another briefkit add or update (pid" in err and "nothing was changed" in err, err
    assert "Traceback" not in err
    _out, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    after = snapshot(corpus)
    assert after != before
    for name, text in after.items():
        if name.endswith("briefing.yaml"):
            assert b"A point the extractor found." in text
            # Written once, by the first run only.
            assert text.count(b"A point the extractor found.") == 1


@pytest.mark.slow
def test_a_held_lock_is_released_when_its_holder_dies(corpus: Path) -> None:
    holder = corpus / ".briefkit.lock"
    with holder.open("a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        proc = run_update(corpus, {"BRIEFKIT_LOCK_WAIT": "0.2"})
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 1 and "another briefkit" in err
    # Closed: the kernel dropped the lock, and the next run goes ahead.
    proc = run_update(corpus)
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err


def test_no_traceback_when_the_output_folder_cannot_be_made(
    tmp_path: Path, corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("a file where the folder should be")
    rc = cli.main(["render", "--out", str(blocker), "--root", str(corpus),
                   "--templates", str(REPO / "templates")])  # fmt: skip
    err = capsys.readouterr().err
    assert rc == 1 and "cannot write" in err and "Traceback" not in err


def test_an_actor_id_that_names_a_list_page_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "briefings"
    shutil.copytree(FIXTURES / "corpus" / "2025-03-04-port-deal", root / "2025-03-04-port-deal")
    path = root / "2025-03-04-port-deal" / "briefing.yaml"
    first = yaml.safe_load(path.read_text("utf-8"))["actors"][0]["id"]
    path.write_text(path.read_text("utf-8").replace(first, "index"), "utf-8")
    _briefings, problems = load_corpus(root)
    assert any("index" in p.message for p in problems)

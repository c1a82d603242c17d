import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from helpers import FIXTURES

from briefkit.errors import BriefkitError
from briefkit.store import dump_briefing, load_corpus, parse_yaml, read_yaml, write_atomic


def test_values_keep_their_line_and_column() -> None:
    _data, where, _ = parse_yaml("id: x\nactors:\n  - id: a\n    name: A\n", "f.yaml")
    assert where(("actors", 0, "name")) == (4, 11)
    # A key that is not there is reported at its nearest parent.
    assert where(("actors", 0, "nothing")) == (3, 5)


def test_duplicate_keys_are_reported_not_silently_collapsed() -> None:
    data, where, problems = parse_yaml("id: a\ntitle: T\nid: b\n", "f.yaml")
    assert [str(p) for p in problems] == [
        "f.yaml:3:1: duplicate key 'id' (first on line 1): keep one"
    ]
    # Like every YAML loader, the last value wins; its position is the one reported.
    assert data["id"] == "b" and where(("id",)) == (3, 5)


def test_syntax_errors_name_line_and_column() -> None:
    with pytest.raises(BriefkitError) as err:
        parse_yaml("id: a\ntitle: [unclosed\n", "f.yaml")
    (problem,) = err.value.problems
    assert (problem.path, problem.line) == ("f.yaml", 3)
    assert problem.message.startswith("YAML syntax")


def test_aliases_are_refused_so_alias_bombs_cannot_expand() -> None:
    bomb = 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: [*c,*c]\n'
    with pytest.raises(BriefkitError, match="anchors and aliases"):
        parse_yaml(bomb, "f.yaml")


def test_tags_merge_keys_and_odd_keys_load_as_yaml_says() -> None:
    # Each of these takes the careful path; what it builds and locates must not change.
    text = "id: !!str 2024\n<<: {title: T}\n1: one\nn: ~\nok: yes\nf: 1.5\n"
    data, where, problems = parse_yaml(text, "f.yaml")
    assert data == {"id": "2024", "title": "T", 1: "one", "n": None, "ok": True, "f": 1.5}
    assert problems == []
    assert where(("f",)) == (6, 4) and where(("1",)) == (3, 4)


def test_dates_stay_strings() -> None:
    data, _, _ = parse_yaml("published: 2024-09-11\n", "f.yaml")
    assert data == {"published": "2024-09-11"}


def test_non_utf8_yaml_is_located(tmp_path: Path) -> None:
    path = tmp_path / "briefing.yaml"
    path.write_bytes(b"id: a\ntitle: caf\xe9\n")
    with pytest.raises(BriefkitError) as err:
        read_yaml(path)
    assert ":2:11: not UTF-8" in str(err.value)


def test_fixture_corpus_loads_clean() -> None:
    briefings, problems = load_corpus(FIXTURES / "corpus")
    assert problems == []
    assert {b.id for b in briefings} == {"2025-03-04-port-deal", "2025-03-10-council-summit"}


def test_dump_then_load_round_trips_the_contract() -> None:
    briefings, _ = load_corpus(FIXTURES / "corpus")
    for briefing in briefings:
        text = dump_briefing(briefing.to_dict())
        assert text.startswith("# yaml-language-server: $schema=")
        data, _, _ = parse_yaml(text, "f.yaml")
        assert data == briefing.to_dict()


def test_write_atomic_replaces_whole(tmp_path: Path) -> None:
    target = tmp_path / "f.yaml"
    target.write_text("old\n")
    write_atomic(target, "new\n")
    assert target.read_text() == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["f.yaml"]


@pytest.mark.slow
def test_killed_writer_leaves_the_old_file_intact(tmp_path: Path) -> None:
    target = tmp_path / "briefing.yaml"
    target.write_text("id: original\n")
    # A child process writes a large file slowly and is killed mid-write.
    code = textwrap.dedent(
        f"""
        import os, sys
        from pathlib import Path
        import briefkit.store as store
        real_fdopen = os.fdopen
        class Slow:
            def __init__(self, h): self.h = h
            def __enter__(self): return self
            def __exit__(self, *a): return self.h.__exit__(*a)
            def write(self, text):
                for i in range(0, len(text), 1000):
                    self.h.write(text[i:i+1000]); self.h.flush()
                    if i == 5000:
                        print("writing", flush=True)
                        import time; time.sleep(60)
            def flush(self): self.h.flush()
            def fileno(self): return self.h.fileno()
        store.os.fdopen = lambda *a, **k: Slow(real_fdopen(*a, **k))
        store.write_atomic(Path({str(target)!r}), "x" * 100000)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "writing"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert target.read_text() == "id: original\n"


def _aged_corpus(tmp_path: Path) -> Path:
    """The fixture corpus with every file's times a minute in the past."""
    import shutil
    import time

    root = tmp_path / "briefings"
    shutil.copytree(FIXTURES / "corpus", root)
    old = time.time() - 60
    for path in root.rglob("*"):
        os.utime(path, (old, old))
    return root


def test_a_cached_loader_reads_only_folders_whose_files_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under serve every save reloads the corpus: unchanged folders cost a stat, not a read."""
    import briefkit.store as store

    root = _aged_corpus(tmp_path)
    loader = store.CorpusLoader(root, cache=True)
    corpus, _ = loader.load()
    hashed: list[Path] = []
    real = store.folder_digest
    monkeypatch.setattr(store, "folder_digest", lambda f: hashed.append(f) or real(f))
    loader.load()
    assert hashed == []

    # An edit of the same size, with the file's mtime put back: its ctime still moves.
    summit = root / "2025-03-10-council-summit" / "briefing.yaml"
    before = summit.stat()
    text = summit.read_text("utf-8")
    summit.write_text(text.replace("summary: The", "summary: Our", 1), "utf-8")
    os.utime(summit, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert summit.stat().st_size == before.st_size
    corpus, _ = loader.load()
    assert hashed == [summit.parent]
    assert [b.summary.split()[0] for b in corpus.briefings if b.path == str(summit)] == ["Our"]


def test_a_file_changed_just_before_a_load_is_hashed_again_on_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A coarse clock can give two edits the same times: a recent file's times prove nothing."""
    import briefkit.store as store

    root = _aged_corpus(tmp_path)
    fresh = root / "2025-03-04-port-deal" / "notes.txt"
    fresh.write_text("written now", "utf-8")
    loader = store.CorpusLoader(root, cache=True)
    loader.load()
    hashed: list[Path] = []
    real = store.folder_digest
    monkeypatch.setattr(store, "folder_digest", lambda f: hashed.append(f) or real(f))
    loader.load()
    assert hashed == [fresh.parent]


def test_a_cached_loader_checks_references_again_when_the_corpus_ids_change(
    tmp_path: Path,
) -> None:
    """Serve keeps each briefing's reference check; an id that goes elsewhere must still
    show up as a problem on the briefing that names it, and go when it comes back."""
    import shutil

    import briefkit.store as store

    root = _aged_corpus(tmp_path)
    loader = store.CorpusLoader(root, cache=True)
    assert loader.load()[1] == []
    port_deal = root / "2025-03-04-port-deal"
    moved = tmp_path / "moved"
    shutil.move(port_deal, moved)
    problems = loader.load()[1]
    assert any("unknown actor id 'valdoria'" in p.message for p in problems), problems
    shutil.move(moved, port_deal)
    assert loader.load()[1] == []

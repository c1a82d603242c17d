"""A briefings folder is untrusted input: what ``check`` passes builds, and nothing outside
the folder reaches the site.

One corpus holds one briefing of each problem that a hostile contributor or a
careless editor brings in a pull request, beside two good ones. ``check``
reports every problem at once; a plain ``mkdocs build`` leaves out the broken
briefings and builds the rest; ``--strict`` fails with the messages; nothing
prints a traceback. docs/security.md lists each case.
"""

from __future__ import annotations

import copy
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import REPO, make_project

# Builds sites and runs briefkit in subprocesses: the slow tier.
pytestmark = pytest.mark.slow

ARTICLE = (
    "Elena Marsh, the prime minister of Valdoria, signed a port deal on Tuesday.\n"
    "“It is a good day,” Ms. Marsh said.\n"
    "The deal is worth some $2 billion.\n"
)
SECRET = "TOP-SECRET-TOKEN-4f1c"


def good(ident: str) -> dict[str, Any]:
    return {
        "id": ident,
        "title": "Valdoria signs a port deal",
        "source": {"outlet": "Gazette", "published": "2025-03-04", "article": "article.txt"},
        "summary": "Valdoria's prime minister signed a port deal.",
        "actors": [
            {
                "id": "elena-marsh",
                "name": "Elena Marsh",
                "kind": "person",
                "role": "Prime Minister of Valdoria",
                "affiliation": "valdoria",
                "aliases": ["Ms. Marsh"],
            },
            {"id": "valdoria", "name": "Valdoria", "kind": "country"},
        ],
        "places": [
            {
                "id": "port-lumen",
                "name": "Port Lumen",
                "kind": "city",
                "country": "valdoria",
                "coordinates": [45.1, 12.3],
            }
        ],
        "events": [
            {
                "id": "marsh-signs-deal",
                "date": "2025-03-04",
                "when": "on Tuesday",
                "what": "Marsh signs a port deal",
                "actors": ["elena-marsh"],
                "evidence": "signed a port deal on Tuesday",
            }
        ],
        "quotes": [
            {"speaker": "elena-marsh", "text": "It is a good day,", "evidence": "It is a good day"}
        ],
        "figures": [
            {
                "value": 2000000000,
                "unit": "USD",
                "approximate": True,
                "about": ["valdoria"],
                "evidence": "some $2 billion",
            }
        ],
        "relations": [
            {
                "from": "elena-marsh",
                "kind": "role",
                "to": "valdoria",
                "evidence": "the prime minister of Valdoria",
            }
        ],
    }


def write(folder: Path, data: dict[str, Any], article: bytes | None = ARTICLE.encode()) -> None:
    folder.mkdir(parents=True)
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=4096)
    (folder / "briefing.yaml").write_text(text, "utf-8")
    if article is not None:
        (folder / "article.txt").write_bytes(article)


def broken(ident: str, change: Any) -> dict[str, Any]:
    data = copy.deepcopy(good(ident))
    change(data)
    return data


def _set(path: tuple[Any, ...], value: Any) -> Any:
    def change(data: dict[str, Any]) -> None:
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        parent[path[-1]] = value

    return change


# Each case: the briefing folder, and the message `check` must print for it.
CASES: dict[str, tuple[Any, str]] = {
    "bad-day": (_set(("events", 0, "date"), "2024-02-30"), "bad date: day is out of range"),
    "backwards-range": (
        _set(("events", 0, "date"), "2024-05-01/2024-04-01"),
        "bad date: '2024-05-01/2024-04-01' ends before it starts",
    ),
    "week-53": (_set(("events", 0, "date"), "2021-W53"), "bad date: Invalid week: 53"),
    "bad-published": (
        _set(("source", "published"), "2024-02-30"),
        "bad date: day is out of range for month; write a real day, YYYY-MM-DD",
    ),
    "nan-coordinates": (
        _set(("places", 0, "coordinates"), [float("nan"), 12.3]),
        "latitude is nan: write degrees, or delete the coordinates",
    ),
    "infinite-figure": (
        _set(("figures", 0, "value"), float("inf")),
        "value is inf: write the article's number",
    ),
    "huge-figure": (
        _set(("figures", 0, "value"), int("9" * 400)),
        "value has 400 digits; briefkit takes figures up to 10^18",
    ),
    "ghost-id": (
        _set(("actors", 0, "id"), "ghost\n"),
        "actors.0.id is 'ghost\\n', which does not fit",
    ),
    "copied-folder": (_set(("id",), "good-one"), "id 'good-one' differs from its folder name"),
    "blank-name": (
        _set(("actors", 0, "name"), "\u200b \u2060"),
        "name is blank (only spaces or invisible characters)",
    ),
    "blank-title": (_set(("title",), "   "), "title is blank"),
    "bidi-name": (
        _set(("actors", 0, "name"), "Elena \u202eHsram"),
        "name holds U+202E RIGHT-TO-LEFT OVERRIDE, which reorders how the text is shown",
    ),
    "self-affiliated": (
        _set(("actors", 1, "affiliation"), "valdoria"),
        "actor 'valdoria' is affiliated with itself",
    ),
    "self-relation": (
        _set(("relations", 0, "to"), "elena-marsh"),
        "relation from 'elena-marsh' to itself",
    ),
    "shared-alias": (
        _set(("actors", 1, "aliases"), ["Ms. Marsh"]),
        "'Ms. Marsh' names 'elena-marsh' too",
    ),
}


def make_hostile(tmp: Path) -> Path:
    """A project whose briefings hold one of each problem, and two good briefings.

    Made in place, never copied: a copy would follow the link to /dev/zero.
    """
    empty = tmp / "empty"
    empty.mkdir()
    project = make_project(tmp, empty)
    root = project / "briefings"
    write(root / "good-one", good("good-one"))
    pole = good("at-the-pole")
    pole["places"][0]["coordinates"] = [90, 0]  # valid: the map must still draw
    write(root / "at-the-pole", pole)
    for ident, (change, _message) in CASES.items():
        write(root / ident, broken(ident, change))
    # Files from outside the folder: a link to a secret, a linked folder, devices.
    secret = tmp / "secret.txt"
    secret.write_text(f"{ARTICLE}{SECRET}\n", "utf-8")
    write(root / "linked-article", good("linked-article"), article=None)
    (root / "linked-article" / "article.txt").symlink_to(secret)
    write(tmp / "outside" / "linked-folder", good("linked-folder"), (ARTICLE + SECRET).encode())
    (root / "linked-folder").symlink_to(tmp / "outside" / "linked-folder")
    write(root / "fifo-article", good("fifo-article"), article=None)
    os.mkfifo(root / "fifo-article" / "article.txt")
    write(root / "zero-article", good("zero-article"), article=None)
    (root / "zero-article" / "article.txt").symlink_to("/dev/zero")
    # One stray Windows-1252 byte in a UTF-8 article.
    stray = ARTICLE.replace("a good day", "a good day\x00").encode().replace(b"\x00", b"\x92")
    write(root / "stray-byte", good("stray-byte"), stray)
    # Every kind of problem in one file: the bad date must not hide the rest.
    every = good("every-problem")
    every["events"][0]["date"] = "2024-13"
    every["events"][0]["actors"] = ["elena-marsch"]
    every["quotes"][0]["evidence"] = "words nobody wrote"
    every["figures"][0]["value"] = float("nan")
    write(root / "every-problem", every)
    return project


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_hostile(tmp_path_factory.mktemp("hostile"))


def run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )


def test_check_reports_every_problem_at_once_and_exits_1(hostile: Path) -> None:
    result = run([sys.executable, "-m", "briefkit.cli", "check"], hostile)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    located = re.compile(r"^briefings/(?P<folder>[a-z0-9-]+)/[\w.]+:(\d+):(\d+): (?P<message>.+)$")
    found: dict[str, list[str]] = {}
    for line in lines[:-1]:
        m = located.match(line)
        assert m, f"not path:line:col: {line!r}"
        assert int(m.group(2)) >= 1 and int(m.group(3)) >= 1, line
        found.setdefault(m["folder"], []).append(m["message"])
    for ident, (_change, message) in CASES.items():
        assert any(message in m for m in found.get(ident, [])), (ident, found.get(ident))
    assert any("is a link to" in m and "outside" in m for m in found["linked-article"])
    assert any("briefing folder linked-folder is a link to" in m for m in found["linked-folder"])
    assert any("is a FIFO (named pipe), not a file" in m for m in found["fifo-article"])
    assert any("is a link to /dev/zero" in m for m in found["zero-article"])
    assert found["stray-byte"] == [
        "byte 0x92 is not UTF-8: read it as Windows-1252 '’', the rest as UTF-8; save the "
        "file as UTF-8 to be sure"
    ]
    every = found["every-problem"]
    assert every.count("bad date: month 13 does not exist") == 1, every
    assert not any("does not fit" in m for m in every), every
    assert any("unknown actor id 'elena-marsch'; did you mean 'elena-marsh'?" in m for m in every)
    assert any("evidence not found in article.txt: 'words nobody wrote'" in m for m in every)
    assert any("value is nan" in m for m in every)
    assert "good-one" not in found and "at-the-pole" not in found
    assert lines[-1] == f"{len(lines) - 1} problem(s) found"


def test_a_plain_build_leaves_out_the_broken_briefings_and_builds_the_rest(
    hostile: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    # The project's mkdocs.yml says `strict: true`, as CI wants: --no-strict is the plain build.
    result = run([sys.executable, "-m", "mkdocs", "build", "--no-strict", "-d", str(site)], hostile)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "WARNING" in result.stderr and "bad date" in result.stderr
    assert (site / "briefings" / "good-one" / "index.html").is_file()
    pole = (site / "briefings" / "at-the-pole" / "index.html").read_text("utf-8")
    boxes = re.findall(r'<svg class="bk-map"[^>]* viewBox="0 0 ([-\d.]+) ([-\d.]+)"', pole)
    assert boxes and all(float(w) > 0 and float(h) > 0 for w, h in boxes), boxes
    # The place at the pole is on the map's edge, not above it.
    tops = [float(t) for t in re.findall(r"top:\s*(-?[\d.]+)%", pole)]
    assert tops and all(0 <= t <= 100 for t in tops), tops
    for ident in [*CASES, "linked-article", "linked-folder", "fifo-article", "every-problem"]:
        assert not (site / "briefings" / ident).exists(), ident
    # Nothing from outside the folder is published, in any page or export.
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".csv", ".xml", ".md"):
            assert SECRET not in path.read_text("utf-8", "replace"), path
    # No value that crashes a JSON reader reaches the exports.
    import json

    json.loads((site / "data" / "briefings.json").read_text("utf-8"))


def test_a_strict_build_fails_with_the_messages(hostile: Path, tmp_path: Path) -> None:
    result = run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "s")], hostile
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "briefings/bad-day/briefing.yaml:" in result.stderr
    assert "Aborted with" in result.stdout + result.stderr


def test_render_writes_the_rest_and_strict_render_fails(hostile: Path, tmp_path: Path) -> None:
    cli = [sys.executable, "-m", "briefkit.cli", "render", "--out"]
    result = run([*cli, str(tmp_path / "out")], hostile)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "out" / "briefings" / "good-one.md").is_file()
    assert not (tmp_path / "out" / "briefings" / "bad-day.md").exists()
    strict = run([*cli, str(tmp_path / "strict"), "--strict"], hostile)
    assert strict.returncode == 1 and "Traceback" not in strict.stderr


def test_what_check_passes_builds_strictly(tmp_path: Path) -> None:
    """Delete every briefing check complains of: the rest passes check, then builds --strict."""
    project = make_hostile(tmp_path)
    checked = run([sys.executable, "-m", "briefkit.cli", "check"], project)
    bad = {
        line.split("/")[1] for line in checked.stderr.splitlines() if line.startswith("briefings/")
    }
    for ident in bad:
        target = project / "briefings" / ident
        if target.is_symlink():
            target.unlink()
        else:
            shutil.rmtree(target)
    again = run([sys.executable, "-m", "briefkit.cli", "check"], project)
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == "2 briefing(s) OK"
    built = run([sys.executable, "-m", "mkdocs", "build", "--strict"], project)
    assert built.returncode == 0, built.stderr


def test_adding_an_unrelated_article_to_a_broken_corpus_works(tmp_path: Path) -> None:
    project = make_hostile(tmp_path)
    article = tmp_path / "new.txt"
    article.write_text("Kessel, a city of Ostrava, opened a new bridge on Monday.\n", "utf-8")
    result = run(
        [sys.executable, "-m", "briefkit.cli", "add", str(article), "--published", "2025-05-05"],
        project,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "added briefings/2025-05-05-" in result.stdout


def test_the_repository_corpus_still_checks_clean() -> None:
    result = run([sys.executable, "-m", "briefkit.cli", "check"], REPO)
    assert result.returncode == 0, result.stderr


# --------------------------------------------------------------------------- writes and reads

# `briefkit add`, killed (os._exit, as SIGKILL would) as it writes briefing.yaml.
KILLED_ADD = """
import os, sys
import briefkit.store as store
from briefkit import cli

real = store.write_atomic
def dies(path, text):
    if path.name == "briefing.yaml":
        os._exit(9)
    real(path, text)
store.write_atomic = dies
sys.exit(cli.main(sys.argv[1:]))
"""


def _add(root: Path, article: Path, *extra: str, script: str | None = None) -> Any:
    head = [sys.executable, "-c", script] if script else [sys.executable, "-m", "briefkit.cli"]
    cmd = [*head, "add", str(article), "--root", str(root), "--published", "2025-03-04", *extra]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300)


def test_an_add_killed_midway_leaves_no_briefing_and_runs_again(tmp_path: Path) -> None:
    root, article = tmp_path / "briefings", tmp_path / "deal.txt"
    article.write_text(ARTICLE, "utf-8")
    killed = _add(root, article, "--id", "port-deal", script=KILLED_ADD)
    assert killed.returncode == 9
    # Nothing half-written where a briefing would be: the files were in a hidden folder.
    assert not (root / "port-deal").exists()
    left = [p.name for p in root.iterdir() if p.name != ".briefkit.lock"]
    assert len(left) == 1 and left[0].startswith(".adding-port-deal-"), left
    again = _add(root, article, "--id", "port-deal")
    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in (root / "port-deal").iterdir()) == [
        ".extracted.yaml",
        "article.txt",
        "briefing.yaml",
    ]
    assert [p.name for p in root.iterdir()] == ["port-deal"]  # the leftover is cleared


def test_a_folder_an_older_add_left_half_written_is_taken_up(tmp_path: Path) -> None:
    # What a run of an older briefkit, stopped between its writes, left behind.
    root, article = tmp_path / "briefings", tmp_path / "deal.txt"
    article.write_text(ARTICLE, "utf-8")
    half = root / "port-deal"
    half.mkdir(parents=True)
    (half / "article.txt").write_text(ARTICLE, "utf-8")
    (half / ".extracted.yaml").write_text("# partial\n", "utf-8")
    result = _add(root, article, "--id", "port-deal")
    assert result.returncode == 0, result.stderr
    assert (half / "briefing.yaml").is_file()
    assert not (half / ".extracted.yaml").read_text("utf-8").startswith("# partial")
    # A folder holding anything else is an analyst's: refused, untouched.
    other = root / "other"
    other.mkdir()
    different = "Kessel, a city of Ostrava, opened a new bridge on Monday.\n"
    article.write_text(different, "utf-8")
    (other / "article.txt").write_text(different, "utf-8")
    (other / "notes.md").write_text("mine", "utf-8")
    refused = _add(root, article, "--id", "other")
    assert refused.returncode == 1 and "is taken" in refused.stderr
    assert sorted(p.name for p in other.iterdir()) == ["article.txt", "notes.md"]


def test_add_and_update_keep_file_modes(tmp_path: Path) -> None:
    from briefkit.store import write_atomic

    root, article = tmp_path / "briefings", tmp_path / "deal.txt"
    article.write_text(ARTICLE, "utf-8")
    old = os.umask(0o022)
    try:
        result = _add(root, article, "--id", "port-deal")
        assert result.returncode == 0, result.stderr
        modes = {p.name: p.stat().st_mode & 0o777 for p in (root / "port-deal").iterdir()}
        assert modes == {"article.txt": 0o644, ".extracted.yaml": 0o644, "briefing.yaml": 0o644}
        assert (root / "port-deal").stat().st_mode & 0o777 == 0o755
        path = root / "port-deal" / "briefing.yaml"
        path.chmod(0o664)
        write_atomic(path, path.read_text("utf-8") + "# edited\n")  # what update writes with
        assert path.stat().st_mode & 0o777 == 0o664
    finally:
        os.umask(old)


def test_a_lock_left_by_a_killed_run_is_taken_over_and_said(tmp_path: Path) -> None:
    root, article = tmp_path / "briefings", tmp_path / "deal.txt"
    article.write_text(ARTICLE, "utf-8")
    root.mkdir()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\nfrom pathlib import Path\nfrom briefkit.locking import "
            "briefings_lock\nwith briefings_lock(Path(sys.argv[1])):\n"
            "    print('held', flush=True)\n    time.sleep(60)\n",
            str(root),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    holder.kill()  # SIGKILL: no cleanup runs
    holder.wait()
    assert (root / ".briefkit.lock").read_text() == f"pid {holder.pid}"
    result = _add(root, article, "--id", "port-deal")
    assert result.returncode == 0, result.stderr
    assert (
        f"note: took over the lock file left by pid {holder.pid}, which is no longer running"
        in result.stderr
    )
    assert not (root / ".briefkit.lock").exists()


def test_a_stray_windows_1252_byte_is_repaired_alone_and_said(tmp_path: Path) -> None:
    root, article = tmp_path / "briefings", tmp_path / "deal.txt"
    text = ARTICLE.replace("a good day", "a good day\x00").replace("Valdoria", "Valdória")
    article.write_bytes(text.encode().replace(b"\x00", b"\x92"))
    result = _add(root, article, "--id", "port-deal")
    assert result.returncode == 0, result.stderr
    assert (
        f"warning: {article}:2:18: byte 0x92 is not UTF-8: read it as Windows-1252 '’', the rest "
        "as UTF-8" in result.stderr
    )
    # The UTF-8 stays UTF-8 ("Valdória", not "ValdÃ³ria"); only the stray byte is read.
    stored = (root / "port-deal" / "article.txt").read_text("utf-8")
    assert stored == text.replace("\x00", "’")


def test_update_of_a_briefing_with_a_bad_date_is_located_and_the_rest_go_on(
    tmp_path: Path,
) -> None:
    from briefkit.merge import update_briefing

    root = tmp_path / "briefings"
    data = good("bad-published")
    data["source"]["published"] = "2024-02-30"
    write(root / "bad-published", data)
    from briefkit.errors import BriefkitError

    with pytest.raises(BriefkitError) as exc:
        update_briefing(root / "bad-published", force=True)
    (problem,) = exc.value.problems
    assert str(problem).endswith(
        "bad-published/briefing.yaml:5:14: bad date: day is out of range for month; fix "
        "source.published, then run update again"
    )


def test_a_registry_linked_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    from briefkit.store import load_registry

    root = tmp_path / "briefings"
    root.mkdir()
    (tmp_path / "elsewhere.yaml").write_text(f"actors: []\n# {SECRET}\n", "utf-8")
    (root / "actors.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    _registry, problems = load_registry(root)
    (problem,) = problems
    assert str(problem).startswith(f"{root / 'actors.yaml'}:1:1: actors.yaml is a link to ")
    assert "outside" in problem.message


def test_extract_of_a_fifo_ends_at_once_with_a_located_error(tmp_path: Path) -> None:
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    result = subprocess.run(
        [sys.executable, "-m", "briefkit.cli", "extract", str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"{fifo}:1:1: article.txt is a FIFO (named pipe), not a file: replace it with a text file"
    )


def test_update_of_the_hostile_corpus_updates_the_good_and_reports_the_rest(
    tmp_path: Path,
) -> None:
    from test_hostile import run_update

    project = make_hostile(tmp_path)
    root = project / "briefings"
    before = (root / "good-one" / "briefing.yaml").read_text("utf-8")
    proc = run_update(root)
    _out, err = proc.communicate(timeout=300)
    assert proc.returncode == 1
    assert "Traceback" not in err, err
    # (This extractor is a stand-in that reads no article: the FIFO is never opened.)
    assert "linked-folder/briefing.yaml:1:1: briefing.yaml is a link to" in err
    assert SECRET not in err
    assert (root / "good-one" / "briefing.yaml").read_text("utf-8") != before
    # Nothing was written through a link out of the folder.
    assert SECRET in (tmp_path / "secret.txt").read_text("utf-8")
    assert not (tmp_path / "outside" / "linked-folder" / ".extracted.yaml").exists()

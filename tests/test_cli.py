"""The briefkit command as an analyst runs it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import FIXTURES

PORT_DEAL = "2025-03-04-port-deal"


def briefkit(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefkit.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


def broken_copy(tmp_path: Path) -> Path:
    """The fixture corpus with a misspelled id, a duplicate key and evidence not in the article."""
    root = tmp_path / "briefings"
    shutil.copytree(FIXTURES / "corpus", root)
    path = root / PORT_DEAL / "briefing.yaml"
    text = path.read_text("utf-8")
    text = text.replace("actors: [elena-marsh, ostrava]", "actors: [elena-marsch, ostrava]", 1)
    text = text.replace("evidence: signed a port agreement", "evidence: signed a treaty", 1)
    text = text.replace(
        "    role: Prime Minister of Valdoria\n",
        "    role: Prime Minister of Valdoria\n    role: Premier\n",
        1,
    )
    path.write_text(text, "utf-8")
    return root


def test_check_passes_on_a_clean_corpus() -> None:
    result = briefkit("check", "--root", str(FIXTURES / "corpus"))
    assert result.returncode == 0, result.stderr
    assert "2 briefing(s) OK" in result.stdout


def test_check_prints_every_problem_at_path_line_col(tmp_path: Path) -> None:
    broken_copy(tmp_path)
    result = briefkit("check", "--root", "briefings", cwd=tmp_path)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if re.match(r"^\S+:\d+:\d+: ", line)]
    rel = f"briefings/{PORT_DEAL}/briefing.yaml"
    assert lines == [
        f"{rel}:14:5: duplicate key 'role' (first on line 13): keep one",
        f"{rel}:29:14: unknown actor id 'elena-marsch'; did you mean 'elena-marsh'?",
        f"{rel}:30:15: evidence not found in article.txt: "
        "'signed a treaty with Ostrava on Tuesday'; copy the words exactly from the article",
    ]
    assert "Traceback" not in result.stderr


def test_check_does_not_load_the_language_model() -> None:
    code = (
        "import sys; from briefkit.cli import main; rc = main(['check', '--root', {!r}]);"
        "print('spacy' in sys.modules)".format(str(FIXTURES / "corpus"))
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.stdout.strip().endswith("False"), result.stdout + result.stderr


def test_render_writes_the_same_markdown_the_plugin_serves(tmp_path: Path) -> None:
    result = briefkit(
        "render",
        "--out",
        str(tmp_path / "out"),
        "--root",
        str(FIXTURES / "corpus"),
        "--templates",
        str(Path(__file__).resolve().parents[1] / "templates"),
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "actors" / "elena-marsh.md").is_file()
    assert (tmp_path / "out" / "briefings" / f"{PORT_DEAL}.md").is_file()


def test_a_missing_article_is_a_clear_error(tmp_path: Path) -> None:
    result = briefkit("extract", str(tmp_path / "nope.txt"), "--published", "2024-01-01")
    assert result.returncode == 1
    assert "nope.txt:0:0: cannot read the article" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bad_published_date_is_a_usage_error(tmp_path: Path) -> None:
    result = briefkit("extract", "x.txt", "--published", "2024-13-01")
    assert result.returncode == 2
    assert "is not a date YYYY-MM-DD" in result.stderr


ARTICLE = FIXTURES / "articles" / "harbour-strike.txt"


def run_main(*args: str) -> int:
    from briefkit.cli import main

    return main(list(args))


def test_add_writes_the_article_as_given_and_a_valid_briefing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "briefings"
    assert run_main("add", str(ARTICLE), "--published", "2025-05-05", "--root", str(root)) == 0
    out = capsys.readouterr()
    assert "extracted with en_core_web_sm" in out.err
    (folder,) = root.iterdir()
    assert folder.name == "2025-05-05-dock-strike-halts-valdorias-largest-port"
    assert (folder / "article.txt").read_bytes() == ARTICLE.read_bytes()
    yaml_text = (folder / "briefing.yaml").read_text("utf-8")
    assert yaml_text.startswith("# yaml-language-server: $schema=../../schema/briefing.schema.json")
    # The syndication line gave the title and outlet; it is not body text.
    assert "title: Dock Strike Halts Valdoria’s Largest Port" in yaml_text
    assert "outlet: Example Gazette" in yaml_text
    assert run_main("check", "--root", str(root)) == 0

    # A second add of the same article never overwrites the analyst's file.
    (folder / "briefing.yaml").write_text(yaml_text + "# my edit\n", "utf-8")
    assert run_main("add", str(ARTICLE), "--published", "2025-05-05", "--root", str(root)) == 1
    assert "exists already" in capsys.readouterr().err
    assert (folder / "briefing.yaml").read_text("utf-8").endswith("# my edit\n")


def test_without_a_publication_date_relative_dates_are_named_as_unresolved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_main("extract", str(ARTICLE)) == 0
    out = capsys.readouterr()
    assert "warning: no --published date" in out.err
    assert "Monday" in out.err and "Thursday" in out.err
    assert out.out.splitlines()[1].startswith("# No publication date was given")
    assert not list(tmp_path.iterdir())


SEED_ID = "2024-09-11-iran-president-visits-iraq"


def test_update_dry_run_prints_the_summary_and_writes_nothing(tmp_path: Path) -> None:
    repo = Path(__file__).resolve().parents[1]
    shutil.copytree(repo / "briefings", tmp_path / "briefings")
    before = {p: p.read_bytes() for p in (tmp_path / "briefings").rglob("*") if p.is_file()}
    result = briefkit("update", SEED_ID, "--dry-run", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rel = f"briefings/{SEED_ID}/briefing.yaml"
    assert re.search(rf"^{rel}: \d+ added, \d+ updated, \d+ removed, \d+ kept, \d+ reported$",
                     result.stdout, re.M)  # fmt: skip
    # Whatever the extractor says today, the analyst's correction is named, and kept.
    assert re.search(rf"^{rel}:128:5: (kept|reported) actors behzad-khosravi: .*role",
                     result.stdout, re.M)  # fmt: skip
    assert f"{rel}: dry run, nothing written" in result.stdout
    after = {p: p.read_bytes() for p in (tmp_path / "briefings").rglob("*") if p.is_file()}
    assert after == before


def test_update_of_an_unknown_briefing_is_a_located_error(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "corpus", tmp_path / "briefings")
    result = briefkit("update", "2025-03-04-port-dael", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "briefings/2025-03-04-port-dael/briefing.yaml:0:0: no briefing '2025-03-04-port-dael' "
        "in briefings/; did you mean '2025-03-04-port-deal'?"
    ]


def test_add_writes_the_baseline_that_update_merges_against(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "briefings"
    assert run_main("add", str(ARTICLE), "--published", "2025-05-05", "--root", str(root)) == 0
    (folder,) = root.iterdir()
    baseline = (folder / ".extracted.yaml").read_text("utf-8")
    briefing = (folder / "briefing.yaml").read_text("utf-8")
    assert baseline.splitlines()[1].startswith("# What the extractor said")
    assert baseline.splitlines()[3:] == briefing.splitlines()[1:]
    # check reads briefing.yaml only, even with a baseline beside it.
    assert run_main("check", "--root", str(root)) == 0
    capsys.readouterr()
    # A hand edit, then an update with the same extractor: nothing but the edit changes.
    edited = briefing.replace("outlet: Example Gazette", "outlet: The Example Gazette")
    (folder / "briefing.yaml").write_text(edited, "utf-8")
    assert run_main("update", "--root", str(root)) == 0
    out = capsys.readouterr().out
    assert "0 added, 0 updated, 0 removed, 1 kept, 0 reported" in out
    assert (folder / "briefing.yaml").read_text("utf-8") == edited

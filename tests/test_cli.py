"""The briefkit command as an analyst runs it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import FIXTURES, build, make_project

# Builds sites, runs briefkit in subprocesses, or drives a browser: the slow tier.
pytestmark = pytest.mark.slow

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
    assert "nope.txt:1:1: cannot read: No such file or directory" in result.stderr
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
    assert folder.name == "2025-05-05-dock-strike-halts-valdoria-largest-port"
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
    err = capsys.readouterr().err
    assert f"{ARTICLE.name}:0:0: this article exists already, as {folder}/ (the same text)" in err
    assert (folder / "briefing.yaml").read_text("utf-8").endswith("# my edit\n")


def test_add_of_a_folder_points_at_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    root = tmp_path / "briefings"
    assert run_main("add", str(folder), "--root", str(root)) == 1
    err = capsys.readouterr().err
    assert f"{folder}:0:0: is a folder: to add every article in it, run " in err
    assert f"`briefkit add --batch {folder}`" in err
    assert "Traceback" not in err and not root.exists()


def test_a_place_in_a_country_the_article_never_names_still_passes_check(
    tmp_path: Path,
) -> None:
    # The gazetteer puts Ostrava in the Czech Republic, which the article never
    # names: the draft must not point at a country entry it does not have.
    root = tmp_path / "briefings"
    article = FIXTURES / "corpus" / "2025-03-10-council-summit" / "article.txt"
    assert run_main("add", str(article), "--published", "2025-03-10", "--root", str(root)) == 0
    (folder,) = root.iterdir()
    assert "name: Ostrava" in (folder / "briefing.yaml").read_text("utf-8")
    assert run_main("check", "--root", str(root)) == 0


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
    # What it was made from: the next update skips it while they stay the same.
    assert re.fullmatch(
        r"# extracted from: article sha256 [0-9a-f]{64}; published 2025-05-05; "
        r"extractor [0-9a-f]{16}",
        baseline.splitlines()[3],
    )
    assert baseline.splitlines()[4:] == briefing.splitlines()[1:]
    # check reads briefing.yaml only, even with a baseline beside it.
    assert run_main("check", "--root", str(root)) == 0
    capsys.readouterr()
    # A hand edit, then an update with the same extractor: nothing but the edit changes.
    edited = briefing.replace("outlet: Example Gazette", "outlet: The Example Gazette")
    (folder / "briefing.yaml").write_text(edited, "utf-8")
    assert run_main("update", "--force", "--root", str(root)) == 0
    out = capsys.readouterr().out
    assert "0 added, 0 updated, 0 removed, 1 kept, 0 reported" in out
    assert (folder / "briefing.yaml").read_text("utf-8") == edited


# --------------------------------------------------------------------------- add --batch

CORPUS_ARTICLES = {
    # A dated file name gives the publication date; the other takes --published.
    "2025-03-04-port.txt": FIXTURES / "corpus" / PORT_DEAL / "article.txt",
    "summit.txt": FIXTURES / "corpus" / "2025-03-10-council-summit" / "article.txt",
}


def batch_folder(tmp: Path) -> Path:
    folder = tmp / "incoming"
    folder.mkdir()
    for name, source in CORPUS_ARTICLES.items():
        shutil.copy(source, folder / name)
    (folder / "scan.pdf").write_bytes(b"%PDF-1.7\n\x00\x01\x02 binary")
    return folder


def add_batch(tmp: Path, *extra: str) -> tuple[Path, subprocess.CompletedProcess[str]]:
    folder = tmp / "incoming" if (tmp / "incoming").is_dir() else batch_folder(tmp)
    root = tmp / "briefings"
    result = briefkit(
        "add", "--batch", str(folder), "--published", "2025-03-10", "--root", str(root), *extra
    )
    return root, result


def written(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def batch_j1(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    root, result = add_batch(tmp_path_factory.mktemp("batch"))
    return root, result.stdout, result.stderr


def test_add_batch_adds_each_article_and_reports_the_bad_file(
    batch_j1: tuple[Path, str, str],
) -> None:
    root, out, err = batch_j1
    folders = sorted(p.name for p in root.iterdir() if p.is_dir())
    # Dated by the file name's prefix, and by --published for the other.
    assert [name[:11] for name in folders] == ["2025-03-04-", "2025-03-10-"], (out, err)
    assert (root / folders[0] / "article.txt").read_bytes() == CORPUS_ARTICLES[
        "2025-03-04-port.txt"
    ].read_bytes()
    # The bad file is named with its path, and nothing of it was written.
    assert re.search(r"incoming/scan\.pdf:1:1: this looks like a binary file", err), err
    assert not any("scan" in p.name for p in root.rglob("*"))
    assert re.search(
        r"^3 file\(s\): 2 added, 0 added already, 1 failed; 2 article\(s\) in [\d.]+ s: "
        r"[\d.]+ articles/s, \d+ words/s with -j 1$",
        out,
        re.M,
    ), out
    # The first article of the batch is written as a single `add` writes it, baseline too.
    single = root.parent / "single"
    result = briefkit(
        "add",
        str(CORPUS_ARTICLES["2025-03-04-port.txt"]),
        "--published",
        "2025-03-04",
        "--root",
        str(single),
    )
    assert result.returncode == 0, result.stderr
    assert written(single) == {k: v for k, v in written(root).items() if k.startswith(folders[0])}


def test_add_batch_again_skips_what_is_added_without_extracting(
    batch_j1: tuple[Path, str, str], tmp_path: Path
) -> None:
    root = tmp_path / "briefings"
    shutil.copytree(batch_j1[0], root)
    before = written(root)
    result = briefkit("add", "--batch", str(batch_folder(tmp_path)), "--root", str(root), "-j", "2")
    assert result.returncode == 1  # the bad file is still bad
    assert "3 file(s): 0 added, 2 added already, 1 failed" in result.stdout
    assert re.search(r"incoming/summit\.txt: added already, as \S+/2025-03-10-northern",
                     result.stderr)  # fmt: skip
    assert written(root) == before


def test_add_batch_with_two_workers_writes_what_one_worker_writes(
    batch_j1: tuple[Path, str, str], tmp_path: Path
) -> None:
    root, result = add_batch(tmp_path, "-j", "2")
    assert "2 added" in result.stdout and "with -j 2" in result.stdout, result.stderr
    assert written(root) == written(batch_j1[0])


def test_update_skips_a_briefing_whose_article_date_and_extractor_are_unchanged(
    batch_j1: tuple[Path, str, str], tmp_path: Path
) -> None:
    root = tmp_path / "briefings"
    shutil.copytree(batch_j1[0], root)
    port = next(root.glob("2025-03-04-*"))
    # Unchanged: skipped without loading the language model.
    code = (
        "import sys; from briefkit.cli import main; "
        f"rc = main(['update', '--root', {str(root)!r}]); print('spacy' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.stdout.count("unchanged since the last extraction") == 2, result.stdout
    assert result.stdout.strip().endswith("False")

    # A changed article is extracted again and merged; the other is still skipped.
    article = port / "article.txt"
    article.write_text(
        article.read_text("utf-8") + "Piotr Lind said the port would open in June.\n", "utf-8"
    )
    result = briefkit("update", "--root", str(root))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any(re.match(rf"{port}/briefing.yaml: [1-9]\d* added, ", line) for line in lines)
    assert sum("unchanged since the last extraction" in line for line in lines) == 1
    assert "Piotr Lind" in (port / "briefing.yaml").read_text("utf-8")
    # ...and now recorded, so the next run skips it too; --force does not.
    assert briefkit("update", "--root", str(root)).stdout.count("unchanged since") == 2
    forced = briefkit("update", "--force", "--root", str(root), port.name).stdout
    assert re.match(rf"{port}/briefing.yaml: 0 added, 0 updated, 0 removed", forced), forced


# --------------------------------------------------------------------------- render, Zensical


def plugin_pages(project: Path) -> dict[str, bytes]:
    """What the briefkit plugin adds to an mkdocs build of ``project``."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    config = load_config(str(project / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    hand = {f.src_uri for f in get_files(config)}
    files = config.plugins.on_files(get_files(config), config=config)
    return {
        f.src_uri: f.content_bytes
        for f in files
        if f.src_uri not in hand
    }  # fmt: skip


def test_render_out_is_exactly_what_the_plugin_adds_to_the_build(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    out = project / "docs" / "_generated"
    result = briefkit("render", "--out", str(out), cwd=project)
    assert result.returncode == 0, result.stderr
    rendered = {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in out.rglob("*")
        if p.is_file() and p.name != ".briefkit-rendered"
    }
    expected = plugin_pages(project)
    assert sorted(rendered) == sorted(expected)
    assert rendered == expected

    # A briefing deleted since: its page goes at the next render; files render did not
    # write stay.
    # (The summit, not the port deal: the summit names actors only the port deal defines,
    # and a briefing naming what no briefing defines is left out too.)
    shutil.rmtree(project / "briefings" / "2025-03-10-council-summit")
    (out / "notes.txt").write_text("mine", "utf-8")
    result = briefkit("render", "--out", str(out), cwd=project)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert re.search(r"\d+ written, \d+ unchanged, [1-9]\d* stale removed", result.stdout)
    assert not (out / "briefings" / "2025-03-10-council-summit.md").exists()
    assert (out / "notes.txt").read_text("utf-8") == "mine"
    assert (out / "briefings" / f"{PORT_DEAL}.md").is_file()


def main_text(html_text: str) -> str:
    """A page's article text, without what each builder places differently (tag chips,
    heading permalinks)."""
    import html

    m = re.search(r"<article[^>]*>(.*?)</article>", html_text, re.S)
    body = m.group(1) if m else ""
    body = re.sub(r'<nav class="md-tags".*?</nav>', " ", body, flags=re.S)
    body = re.sub(r'<a class="headerlink".*?</a>', " ", body, flags=re.S)
    body = re.sub(r"<script.*?</script>|<[^>]+>", " ", body, flags=re.S)
    return " ".join(html.unescape(body).split())


def test_zensical_builds_the_same_pages_from_render_out(tmp_path: Path) -> None:
    pytest.importorskip("zensical")
    project = make_project(tmp_path)
    result = briefkit("render", "--out", "docs/_generated", "--docs", "docs", cwd=project)
    assert result.returncode == 0, result.stderr
    # The plugin build is not disturbed by the folder inside docs/: no page twice.
    plugin = build(project)
    assert plugin.returncode == 0, plugin.stderr
    (project / "site").rename(project / "site-mkdocs")
    zensical = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--clean"],
        cwd=project,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "BRIEFKIT_DOCS_DIR": "docs/_generated"},
        timeout=300,
    )
    assert zensical.returncode == 0, zensical.stdout + zensical.stderr

    def pages(site: Path) -> dict[str, str]:
        return {
            p.relative_to(site).as_posix(): main_text(p.read_text("utf-8"))
            for p in site.rglob("*.html")
        }

    ours, theirs = pages(project / "site-mkdocs"), pages(project / "site")
    assert "briefings/2025-03-04-port-deal/index.html" in ours
    assert sorted(theirs) == sorted(ours)
    assert theirs == ours
    for data in ("briefings.json", "events.csv", "timeline.json"):
        assert (project / "site" / "data" / data).read_bytes() == (
            project / "site-mkdocs" / "data" / data
        ).read_bytes()

"""`briefkit add URL`, `add page.html` and `add feed.xml` end to end, on a local server.

Extraction loads spaCy, so the slow tier. The pages are invented (tests/pages/).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from webfixtures import FURNITURE, PAGES, atom, serving

from briefkit.cli import main
from briefkit.store import load_corpus, read_yaml

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def web() -> Iterator[str]:
    with serving() as base:
        yield base


def _folders(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))


def test_add_url_reads_text_and_metadata_from_the_page(
    web: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "briefings"
    assert main(["add", f"{web}/news/ferry.html", "--root", str(root)]) == 0
    out = capsys.readouterr().out
    (folder,) = _folders(root)
    assert folder.name == "2024-03-14-harbour-council-approves-new-ferry-link"
    assert f"added {folder}/:" in out
    text = (folder / "article.txt").read_text("utf-8")
    assert "voted on Thursday" in text
    for words in FURNITURE:
        assert words.lower() not in text.lower(), words
    data, _, _ = read_yaml(folder / "briefing.yaml")
    assert data["title"] == "Harbour council approves new ferry link"
    assert data["source"] == {
        "outlet": "The Northgate Courier",
        "published": "2024-03-14",
        "url": "https://courier.example/news/2024/03/harbour-ferry-link",
        "article": "article.txt",
        "authors": ["Elin Varga", "Tomas Ridley"],
        "language": "en-GB",
    }
    _briefings, problems = load_corpus(root)
    assert problems == []


def test_flags_override_a_saved_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "briefings"
    saved = tmp_path / "saved-page.dat"  # the content says HTML, whatever the name
    saved.write_bytes((PAGES / "orchard.html").read_bytes())
    argv = ["add", str(saved), "--root", str(root), "--title", "Late frost in Dellmoor"]
    argv += ["--outlet", "Ledger Weekly", "--published", "2024-04-23"]
    argv += ["--url", "https://ledger.example/frost"]
    assert main(argv) == 0, capsys.readouterr().err
    (folder,) = _folders(root)
    data, _, _ = read_yaml(folder / "briefing.yaml")
    assert data["title"] == "Late frost in Dellmoor"
    assert data["source"]["outlet"] == "Ledger Weekly"
    assert data["source"]["published"] == "2024-04-23"
    assert data["source"]["url"] == "https://ledger.example/frost"
    assert data["source"]["authors"] == ["Priya Castellan"]


def test_a_feed_adds_each_new_item_once_and_copies_become_sources(
    web: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "briefings"
    assert main(["add", f"{web}/rss.xml", "--root", str(root)]) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "2 items: 2 added, 0 recorded as another source, 0 added already, 0 failed" in out
    first = _folders(root)
    assert len(first) == 2

    # Again: every item's address is recorded, so nothing is fetched or added.
    assert main(["add", f"{web}/rss.xml", "--root", str(root)]) == 0
    assert "2 items: 0 added, 0 recorded as another source, 2 added already" in (
        capsys.readouterr().out
    )

    # An Atom feed, from a file, with the wire copy of the ferry story: a source of it.
    feed = tmp_path / "wire.xml"
    feed.write_bytes(atom(web))
    assert main(["add", str(feed), "--root", str(root)]) == 0
    out = capsys.readouterr().out
    assert "2 items: 0 added, 1 recorded as another source, 1 added already" in out
    assert "near-copy" in out
    assert _folders(root) == first
    ferry = next(f for f in first if "ferry" in f.name)
    data, _, _ = read_yaml(ferry / "briefing.yaml")
    assert data["sources"] == [
        {"outlet": "Harbour Wire", "url": f"{web}/wire/ferry.html", "published": "2024-03-14"}
    ]
    _briefings, problems = load_corpus(root)
    assert problems == []
    # A third run of either feed adds nothing.
    assert main(["add", str(feed), "--root", str(root)]) == 0
    assert "0 added, 0 recorded as another source, 2 added already" in capsys.readouterr().out

    # Re-extraction keeps the sources, and the analyst's note on one of them.
    path = ferry / "briefing.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("outlet: Harbour Wire", "outlet: Harbour Wire (syndicated)"))
    assert main(["update", ferry.name, "--force", "--root", str(root)]) == 0, (
        capsys.readouterr().err
    )
    data, _, _ = read_yaml(path)
    assert data["sources"] == [
        {
            "outlet": "Harbour Wire (syndicated)",
            "url": f"{web}/wire/ferry.html",
            "published": "2024-03-14",
        }
    ]
    assert "outlet: Harbour Wire (syndicated)" in path.read_text("utf-8")

"""The corpus-wide registry, briefings/actors.yaml, and linking new articles to it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from helpers import FIXTURES, build, make_project

from briefkit.store import load_corpus, load_registry, open_corpus

SUMMIT = "2025-03-10-council-summit"

REGISTRY = """\
# yaml-language-server: $schema=../schema/registry.schema.json
actors:
  - id: elena-marsh
    name: Elena Marsh
    kind: person
    description: Prime minister of Valdoria
    aliases: [The Iron Lady of Lumen]
    wikidata: Q42
places:
  - {id: kessel, name: Kessel, kind: city, country: ostrava, coordinates: [50.1, 14.4]}
"""


def corpus_with_registry(tmp_path: Path) -> Path:
    root = tmp_path / "briefings"
    shutil.copytree(FIXTURES / "corpus", root)
    (root / "actors.yaml").write_text(REGISTRY, "utf-8")
    path = root / SUMMIT / "briefing.yaml"
    text = path.read_text("utf-8").replace(
        "{id: elena-marsh, name: Elena Marsh, kind: person, role:", "{id: elena-marsh, role:"
    )
    path.write_text(text, "utf-8")
    return root


def test_a_briefing_may_name_a_registered_actor_by_id_alone(tmp_path: Path) -> None:
    corpus, problems = open_corpus(corpus_with_registry(tmp_path))
    assert problems == []
    marsh = corpus.actors["elena-marsh"]
    assert (marsh.name, marsh.category, marsh.description) == (
        "Elena Marsh",
        "person",
        "Prime minister of Valdoria",
    )
    assert "The Iron Lady of Lumen" in marsh.aliases
    # The registry gives Kessel the coordinates no briefing gave it.
    assert corpus.places["kessel"].coordinates == [50.1, 14.4]


def test_an_unregistered_actor_without_a_name_is_located(tmp_path: Path) -> None:
    root = corpus_with_registry(tmp_path)
    (root / "actors.yaml").unlink()
    _briefings, problems = load_corpus(root)
    (problem,) = problems
    assert problem.path.endswith(f"{SUMMIT}/briefing.yaml") and problem.line > 1
    assert "has no name or kind" in problem.message and "briefings/actors.yaml" in problem.message


def test_registry_mistakes_are_located(tmp_path: Path) -> None:
    root = tmp_path / "briefings"
    root.mkdir()
    (root / "actors.yaml").write_text(
        "actors:\n  - {id: a, name: A, kind: person}\n  - {id: a, name: B, kind: wizard}\n",
        "utf-8",
    )
    _registry, problems = load_registry(root)
    # Both at once: the unknown kind does not hide the duplicate id.
    assert [(p.line, p.col) for p in problems] == [(3, 10), (3, 28)]
    assert problems[0].message == "duplicate id 'a' in actors (first at item 1)"
    assert "wizard" in problems[1].message and "person" in problems[1].message


@pytest.mark.slow
def test_the_built_site_uses_the_registry(tmp_path: Path) -> None:
    root = corpus_with_registry(tmp_path)
    project = make_project(tmp_path, root)
    result = build(project)
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "actors" / "elena-marsh" / "index.html").read_text("utf-8")
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "Prime minister of Valdoria" in text
    assert "The Iron Lady of Lumen" in text
    assert '<svg class="bk-map"' in (project / "site" / "map" / "index.html").read_text("utf-8")


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "visit.txt"
    path.write_text(
        "Elena Marsh arrived in Kessel on Tuesday for talks with Piotr Lind.\n"
        "“We are neighbours,” Ms. Marsh said. Elena Marsch, a local poet, read a poem.\n",
        "utf-8",
    )
    return path


def test_add_links_a_new_article_to_the_corpus_ids(
    tmp_path: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefkit.cli import main

    root = tmp_path / "briefings"
    shutil.copytree(FIXTURES / "corpus", root)
    args = ["add", str(article), "--published", "2025-04-01", "--root", str(root)]
    assert main(args) == 0
    err = capsys.readouterr().err
    folder = next(p for p in root.iterdir() if p.name.startswith("2025-04-01"))
    text = (folder / "briefing.yaml").read_text("utf-8")
    assert "id: elena-marsh" in text and "id: piotr-lind" in text
    assert "close to 'Elena Marsh' (elena-marsh) but was not merged" in err
    corpus, problems = open_corpus(root)
    assert problems == []
    assert len(corpus.actors["elena-marsh"].appearances) == 3

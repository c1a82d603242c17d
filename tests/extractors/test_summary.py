"""Summary, key points and tags: extractive and explainable."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefkit.article import parse_article, read_article
from briefkit.extractors.actors import resolve_entities
from briefkit.extractors.nlp import load_model
from briefkit.extractors.summary import summarise

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "000_465411d9f143cfd2.txt"


@pytest.fixture(scope="module")
def seed_summary() -> dict[str, object]:
    if not SEED.exists():
        pytest.skip(f"the seed article is not at {SEED}")
    article = read_article(SEED)
    return summarise(article, resolve_entities(article, load_model()(article.body)), [])


def test_summary_is_the_lead_verbatim(seed_summary: dict[str, object]) -> None:
    text = read_article(SEED).text
    summary = str(seed_summary["summary"])
    assert summary.startswith("Iran’s president, Masoud Pezeshkian, arrived in Iraq")
    sentences = [s for s in read_article(SEED).sentences]
    assert text[sentences[0].start : sentences[0].end] in summary
    assert text[sentences[1].start : sentences[1].end] in summary


def test_key_points_are_verbatim_sentences(seed_summary: dict[str, object]) -> None:
    text = read_article(SEED).text
    points = seed_summary["key_points"]
    assert 3 <= len(points) <= 5
    assert all(p in text for p in points)
    assert not any(p in str(seed_summary["summary"]) for p in points)


def test_tags_are_main_actors_and_defensible_topics(seed_summary: dict[str, object]) -> None:
    tags = seed_summary["tags"]
    assert 3 <= len(tags) <= 6
    assert tags[:2] == ["iran", "iraq"]
    assert all(t == t.lower() and " " not in t for t in tags)


def test_a_wire_dateline_opens_no_summary() -> None:
    article = parse_article(
        "Bridge Closed\nALBANY, N.Y. (AP) — The council voted on Tuesday to close the old "
        "bridge.\nIts members said repairs would take at least two years.\n"
    )
    entities = resolve_entities(article, load_model()(article.prose))
    summary = str(summarise(article, entities, [])["summary"])
    assert summary.startswith("The council voted on Tuesday"), summary

"""The project's first briefing as published: every actor and place has its page,
and the timeline dates the seed's events as the article means them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import REPO, SEED, build, make_project

from briefkit.store import load_corpus

SEED_ID = "2024-09-11-iran-president-visits-iraq"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("seed"), REPO / "briefings")
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_the_seed_briefing_is_clean() -> None:
    briefings, problems = load_corpus(REPO / "briefings")
    assert problems == []
    assert SEED_ID in {b.id for b in briefings}


@pytest.mark.slow
def test_a_page_for_every_actor_and_place_of_the_seed(site: Path) -> None:
    briefings, _ = load_corpus(REPO / "briefings")
    seed = next(b for b in briefings if b.id == SEED_ID)
    assert len(seed.actors) >= 20 and len(seed.places) >= 8
    for actor in seed.actors:
        assert (site / "actors" / actor.id / "index.html").is_file(), actor.id
    for place in seed.places:
        assert (site / "places" / place.id / "index.html").is_file(), place.id


@pytest.mark.slow
def test_the_timeline_dates_weekdays_by_tense(site: Path) -> None:
    html = (site / "timeline" / "index.html").read_text("utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    # "arrived ... on Wednesday" is the publication day, "On Thursday ... is
    # expected to travel" the next day, "on Tuesday, Iraq extradited" the day before.
    extradites = re.search(r"10 September 2024 : Iraq extradites Behzad Khosravi", text)
    arrives = re.search(r"11 September 2024 : Pezeshkian arrives in Iraq", text)
    travels = re.search(r"12 September 2024 : Pezeshkian travels to Karbala and Najaf", text)
    assert extradites and arrives and travels, text
    assert extradites.start() < arrives.start() < travels.start()


def test_the_article_is_kept_byte_for_byte() -> None:
    if not SEED.exists():
        pytest.skip("../shared/seed is not beside the repo")
    assert (REPO / "briefings" / SEED_ID / "article.txt").read_bytes() == SEED.read_bytes()

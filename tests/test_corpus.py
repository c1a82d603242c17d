"""A corpus, not one article: the seed plus two invented follow-ups sharing its actors.

Built with `mkdocs build --strict`: shared actors have one page listing every
briefing, the timeline interleaves briefings by date, the exports validate.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from helpers import FIXTURES, REPO, build, make_project
from jsonschema import Draft202012Validator
from test_exports import TIMELINEJS

from briefkit.model import schema

# Builds sites, runs briefkit in subprocesses, or drives a browser: the slow tier.
pytestmark = pytest.mark.slow

SEED = "2024-09-11-iran-president-visits-iraq"
ERBIL = "2024-09-13-erbil-talks"
FORUM = "2024-09-20-trade-forum"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("corpus"), REPO / "briefings")
    for name in (ERBIL, FORUM):
        shutil.copytree(FIXTURES / "seed-corpus" / name, project / "briefings" / name)
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def text_of(page: Path) -> str:
    html = page.read_text("utf-8")
    main = html[html.index('<article class="md-content__inner') : html.index("</article>")]
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


@pytest.mark.parametrize(
    ("actor", "briefings"),
    [
        ("masoud-pezeshkian", {SEED, ERBIL}),
        ("mohammed-shia-al-sudani", {SEED, ERBIL}),
        ("hamid-hosseini", {SEED, FORUM}),
        ("iraq", {SEED, ERBIL, FORUM}),
    ],
)
def test_a_shared_actor_has_one_page_listing_all_its_briefings(
    site: Path, actor: str, briefings: set[str]
) -> None:
    html = (site / "actors" / actor / "index.html").read_text("utf-8")
    appearances = html[html.index('id="appearances"') :]
    linked = set(re.findall(r'href="\.\./\.\./briefings/([^/]+)/"', appearances))
    assert linked == briefings


def test_appearances_are_newest_first(site: Path) -> None:
    text = text_of(site / "actors" / "iraq" / "index.html")
    appearances = text[text.index("Appearances") :]
    order = [
        appearances.index(t) for t in ("Business Leaders Meet", "Talks in Erbil", "Visits Iraq")
    ]
    assert order == sorted(order)


def test_the_timeline_interleaves_briefings_in_date_order(site: Path) -> None:
    text = text_of(site / "timeline" / "index.html")
    sequence = [
        "11 September 2024 : Pezeshkian arrives in Iraq",
        "12 September 2024 : Pezeshkian travels to Karbala",
        "13 September 2024 : Pezeshkian meets regional officials in Erbil",
        "19 September 2024 : Iraqi and Iranian business leaders hold a trade forum",
        "October 2024 : Sudani is expected to visit Tehran",
    ]
    positions = [text.index(entry) for entry in sequence]
    assert positions == sorted(positions)


def test_the_exports_validate(site: Path) -> None:
    data = json.loads((site / "data" / "briefings.json").read_text("utf-8"))
    validator = Draft202012Validator(schema())
    assert {b["id"] for b in data["briefings"]} == {SEED, ERBIL, FORUM}
    for briefing in data["briefings"]:
        assert list(validator.iter_errors(briefing)) == []
    rows = list(csv.DictReader(io.StringIO((site / "data" / "events.csv").read_text("utf-8"))))
    assert {r["source"] for r in rows} == {"New York Times", "Example Gazette"}
    dates = [r["event_date"] for r in rows]
    assert dates == sorted(dates)
    for path in [site / "data" / "timeline.json", *(site / "data" / "timeline").glob("*.json")]:
        timeline = json.loads(path.read_text("utf-8"))
        assert list(Draft202012Validator(TIMELINEJS).iter_errors(timeline)) == [], path


def test_the_home_page_counts_the_corpus(site: Path) -> None:
    text = text_of(site / "index.html")
    assert "3 briefings" in text
    latest = [text.index(t) for t in ("Business Leaders Meet", "Talks in Erbil", "Visits Iraq")]
    assert latest == sorted(latest)

"""The data exports: valid against their formats, and linked from the home page."""

from __future__ import annotations

import csv
import io
import json

import pytest
from helpers import FIXTURES, REPO
from jsonschema import Draft202012Validator

from briefkit.model import Corpus, schema
from briefkit.render import render_site
from briefkit.render.exports import ACLED_COLUMNS
from briefkit.store import load_corpus

# TimelineJS's JSON format, as its documentation lists the fields
# (timeline.knightlab.com/docs/json-format.html): unknown fields are mistakes.
_DATE = {
    "type": "object",
    "required": ["year"],
    "additionalProperties": False,
    "properties": {
        k: {"type": "string", "pattern": "^-?[0-9]+$"}
        for k in ("year", "month", "day", "hour", "minute", "second", "millisecond")
    }
    | {"display_date": {"type": "string"}, "format": {"type": "string"}},
}
_TEXT = {
    "type": "object",
    "additionalProperties": False,
    "properties": {"headline": {"type": "string"}, "text": {"type": "string"}},
}
_SLIDE_PROPS = {
    "start_date": _DATE,
    "end_date": _DATE,
    "text": _TEXT,
    "media": {"type": "object"},
    "group": {"type": "string"},
    "display_date": {"type": "string"},
    "background": {"type": "object"},
    "autolink": {"type": "boolean"},
    "unique_id": {"type": "string"},
}
TIMELINEJS = {
    "type": "object",
    "required": ["events"],
    "additionalProperties": False,
    "properties": {
        "events": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["start_date"],
                "additionalProperties": False,
                "properties": _SLIDE_PROPS,
            },
        },
        "title": {"type": "object", "additionalProperties": False, "properties": _SLIDE_PROPS},
        "eras": {"type": "array"},
        "scale": {"enum": ["human", "cosmological"]},
    },
}


@pytest.fixture(scope="module")
def files() -> dict[str, str]:
    briefings, problems = load_corpus(FIXTURES / "corpus")
    assert problems == []
    return render_site(Corpus.build(briefings), REPO / "templates")


def test_briefings_json_follows_the_schema(files: dict[str, str]) -> None:
    data = json.loads(files["data/briefings.json"])
    validator = Draft202012Validator(schema())
    assert len(data["briefings"]) == 2
    for briefing in data["briefings"]:
        assert list(validator.iter_errors(briefing)) == []


def test_events_csv_uses_acled_columns(files: dict[str, str]) -> None:
    rows = list(csv.DictReader(io.StringIO(files["data/events.csv"])))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert len(rows) == 5
    # Oldest first; year-only dates are ACLED precision 3, days precision 1.
    assert [r["event_date"] for r in rows] == [
        "2019-01-01", "2025-03-04", "2025-03-07", "2025-03-10", "2025-06-01",
    ]  # fmt: skip
    assert [r["time_precision"] for r in rows] == ["3", "1", "1", "1", "3"]
    summit = rows[3]
    assert (summit["actor1"], summit["actor2"]) == ("Northern Trade Council", "Elena Marsh")
    assert summit["location"] == "Kessel"
    assert summit["source"] == "Example Gazette"
    travel = rows[2]
    assert (travel["latitude"], travel["longitude"]) == ("", "")
    assert "Evidence: “On Friday, Ms. Marsh is expected to travel to Kessel”" in travel["notes"]


@pytest.mark.parametrize("path", ["data/timeline.json", "data/timeline/2025-03-04-port-deal.json"])
def test_timelines_are_valid_timelinejs(files: dict[str, str], path: str) -> None:
    data = json.loads(files[path])
    assert list(Draft202012Validator(TIMELINEJS).iter_errors(data)) == []
    assert data["events"]
    first = data["events"][0]
    assert first["text"]["headline"]
    assert "#ev-events-" in first["text"]["text"]


def test_timelinejs_text_is_escaped_html(files: dict[str, str]) -> None:
    briefings, _ = load_corpus(FIXTURES / "corpus")
    briefings[0].events[0].what = "<script>alert(1)</script>"
    out = render_site(Corpus.build(briefings), REPO / "templates")
    assert "<script>" not in out["data/timeline.json"]
    assert "&lt;script&gt;" in out["data/timeline.json"]


def test_home_links_the_exports(files: dict[str, str]) -> None:
    home = files["index.md"]
    for path in ("data/briefings.json", "data/events.csv", "data/timeline.json"):
        assert f"({path})" in home

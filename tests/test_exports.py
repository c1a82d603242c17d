"""The data exports: valid against their formats, and linked from the home page."""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import geojson
import pytest
from helpers import FIXTURES, REPO, ServedCorpus
from icalendar import Calendar
from jsonschema import Draft202012Validator

from briefkit.model import Briefing, Corpus, Event, schema
from briefkit.render import render_site
from briefkit.render.database import TABLES
from briefkit.render.exports import ACLED_COLUMNS, render_exports
from briefkit.store import load_corpus

PORT_DEAL = "2025-03-04-port-deal"
NEW_EXPORTS = ("data/places.geojson", "data/events.geojson", "data/events.ics")
DATABASE = "data/briefings.sqlite"

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
def files() -> dict[str, Any]:
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
    for path in (*NEW_EXPORTS, DATABASE):
        assert f"({path})" in home


# --------------------------------------------------------------------------- GeoJSON, iCal, SQLite

# The fixture corpus has days, a month and a year; these add a week and a range, both
# at Kessel (no coordinates) first and Port Lumen (45.1 N, 12.3 E) second.
WEEK = Event(
    id="talks-in-the-week",
    date="2025-W10",
    what="Talks go on all week",
    evidence="ending two years of talks",
    actors=["elena-marsh"],
    places=["kessel", "port-lumen"],
)
RANGE = Event(
    id="talks-over-the-spring",
    date="2025-03-01/2025-04",
    what="Talks over the spring",
    evidence="ending two years of talks",
    approximate=True,
    places=["port-lumen"],
)


def fixture_briefings(*extra: Event) -> list[Briefing]:
    briefings, problems = load_corpus(FIXTURES / "corpus")
    assert problems == []
    port_deal = next(b for b in briefings if b.id == PORT_DEAL)
    port_deal.events.extend(extra)
    return briefings


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus.build(fixture_briefings(WEEK, RANGE))


@pytest.fixture(scope="module")
def exports(corpus: Corpus) -> dict[str, Any]:
    return render_exports(corpus)


def calendar_events(data: bytes) -> dict[str, Any]:
    calendar = Calendar.from_ical(data)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def open_database(data: bytes, folder: Path) -> sqlite3.Connection:
    path = folder / "briefings.sqlite"
    path.write_bytes(data)
    return sqlite3.connect(path)


def test_places_geojson_is_valid_with_longitude_first(exports: dict[str, Any]) -> None:
    collection = geojson.loads(exports["data/places.geojson"])
    assert collection.is_valid, collection.errors()
    assert collection["type"] == "FeatureCollection"
    # Kessel has no coordinates: it is left out.
    (port,) = collection["features"]
    assert port["id"] == "port-lumen"
    # The YAML says [45.1, 12.3], latitude first; RFC 7946 puts longitude first.
    assert port["geometry"] == {"type": "Point", "coordinates": [12.3, 45.1]}
    assert port["properties"]["name"] == "Port Lumen"
    assert port["properties"]["briefings"] == [PORT_DEAL]
    assert port["properties"]["url"] == "places/port-lumen/"


def test_events_geojson_holds_the_located_events_at_their_first_located_place(
    exports: dict[str, Any], corpus: Corpus
) -> None:
    collection = geojson.loads(exports["data/events.geojson"])
    assert collection.is_valid, collection.errors()
    features = {f["id"]: f for f in collection["features"]}
    # The fixture's own events are at Kessel or nowhere: none is located.
    assert set(features) == {f"{PORT_DEAL}--{WEEK.id}", f"{PORT_DEAL}--{RANGE.id}"}
    week = features[f"{PORT_DEAL}--{WEEK.id}"]
    assert week["geometry"]["coordinates"] == [12.3, 45.1]
    assert week["properties"] | {"url": None} == {
        "id": f"{PORT_DEAL}--{WEEK.id}",
        "event": WEEK.id,
        "briefing": PORT_DEAL,
        "what": "Talks go on all week",
        "date": "2025-W10",
        "start": "2025-03-03",
        "end": "2025-03-09",
        "precision": "week",
        "approximate": False,
        "when": None,
        "place": "port-lumen",
        "place_name": "Port Lumen",
        "actors": ["elena-marsh"],
        "url": None,
    }
    assert week["properties"]["url"] == f"briefings/{PORT_DEAL}/#ev-events-3"
    assert features[f"{PORT_DEAL}--{RANGE.id}"]["properties"]["precision"] == "range"


@pytest.mark.parametrize(
    ("event", "start", "end"),
    [
        ("rivalry-begins", dt.date(2019, 1, 1), dt.date(2020, 1, 1)),  # a year
        ("ostrava-joins-customs-office", dt.date(2025, 6, 1), dt.date(2025, 7, 1)),  # a month
        (WEEK.id, dt.date(2025, 3, 3), dt.date(2025, 3, 10)),  # ISO week 10, Monday to Monday
        ("marsh-signs-port-agreement", dt.date(2025, 3, 4), dt.date(2025, 3, 5)),  # a day
        (RANGE.id, dt.date(2025, 3, 1), dt.date(2025, 5, 1)),  # 1 March to the end of April
    ],
)
def test_ics_events_are_all_day_spans_as_precise_as_their_dates(
    exports: dict[str, Any], event: str, start: dt.date, end: dt.date
) -> None:
    found = calendar_events(exports["data/events.ics"])
    uids = [u for u in found if u.split("--", 1)[1] == f"{event}@briefkit.invalid"]
    assert len(uids) == 1, list(found)
    vevent = found[uids[0]]
    for name, day in (("DTSTART", start), ("DTEND", end)):
        value = vevent[name]
        assert type(value.dt) is dt.date, (name, value.dt)  # a date, not a date-time
        assert value.params["VALUE"] == "DATE"
        assert value.dt == day, name


def test_ics_has_every_event_once_with_its_words_and_evidence(
    exports: dict[str, Any], corpus: Corpus
) -> None:
    found = calendar_events(exports["data/events.ics"])
    pairs = corpus.events()
    assert len(found) == len(pairs) == 7
    for briefing, event in pairs:
        vevent = found[f"{briefing.id}--{event.id}@briefkit.invalid"]
        assert str(vevent["SUMMARY"]) == event.what
        assert f"“{event.evidence}”" in str(vevent["DESCRIPTION"])
        assert briefing.title in str(vevent["DESCRIPTION"])
        assert str(vevent["TRANSP"]) == "TRANSPARENT"
        # No site_url: no link rather than one that resolves against nothing.
        assert "URL" not in vevent
    week = found[f"{PORT_DEAL}--{WEEK.id}@briefkit.invalid"]
    assert (week["GEO"].latitude, week["GEO"].longitude) == (45.1, 12.3)
    assert str(week["LOCATION"]) == "Kessel, Port Lumen"


@pytest.mark.parametrize(
    ("directory_urls", "page"), [(True, f"{PORT_DEAL}/"), (False, f"{PORT_DEAL}.html")]
)
def test_ics_and_geojson_link_absolutely_when_the_site_url_is_known(
    corpus: Corpus, directory_urls: bool, page: str
) -> None:
    out = render_exports(corpus, directory_urls, site_url="https://example.org/briefs")
    base = "https://example.org/briefs/briefings/"
    vevent = calendar_events(out["data/events.ics"])[f"{PORT_DEAL}--{WEEK.id}@briefkit.invalid"]
    assert str(vevent["URL"]) == f"{base}{page}#ev-events-3"
    features = {f["id"]: f for f in json.loads(out["data/events.geojson"])["features"]}
    assert features[f"{PORT_DEAL}--{WEEK.id}"]["properties"]["url"] == f"{base}{page}#ev-events-3"


def expected_counts(corpus: Corpus) -> dict[str, int]:
    events = [e for b in corpus.briefings for e in b.events]
    figures = [f for b in corpus.briefings for f in b.figures]
    return {
        "briefings": len(corpus.briefings),
        "sources": len(corpus.briefings),
        "actors": len(corpus.actors),
        "places": len(corpus.places),
        "briefing_actors": sum(len(b.actors) for b in corpus.briefings),
        "briefing_places": sum(len(b.places) for b in corpus.briefings),
        "events": len(events),
        "event_actors": sum(len(e.actors) for e in events),
        "event_places": sum(len(e.places) for e in events),
        "quotes": sum(len(b.quotes) for b in corpus.briefings),
        "figures": len(figures),
        "figure_about": sum(len(f.about) for f in figures),
        "relations": sum(len(b.relations) for b in corpus.briefings),
    }


def check_database(db: sqlite3.Connection, corpus: Corpus) -> None:
    """Row counts are the corpus's; keys are declared, hold, and are indexed."""
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == set(TABLES)
    counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    assert counts == expected_counts(corpus)
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    for table in TABLES:
        info = db.execute(f"PRAGMA table_info({table})").fetchall()
        assert any(column[5] for column in info), f"{table} has no primary key"
        leading = {
            db.execute(f"PRAGMA index_info({index[1]})").fetchone()[2]
            for index in db.execute(f"PRAGMA index_list({table})")
        }
        leading |= {column[1] for column in info if column[5] == 1}
        for key in db.execute(f"PRAGMA foreign_key_list({table})"):
            assert key[3] in leading, f"{table}.{key[3]} -> {key[2]} has no index"


def test_sqlite_holds_the_corpus_with_keys_that_hold(
    exports: dict[str, Any], corpus: Corpus, tmp_path: Path
) -> None:
    db = open_database(exports[DATABASE], tmp_path)
    check_database(db, corpus)
    assert db.execute("PRAGMA user_version").fetchone() == (1,)
    row = db.execute(
        "SELECT uid, date, date_start, date_end, precision, approximate, url FROM events"
        " WHERE slug = ?",
        (RANGE.id,),
    ).fetchone()
    assert row == (
        f"{PORT_DEAL}--{RANGE.id}",
        "2025-03-01/2025-04",
        "2025-03-01",
        "2025-04-30",
        "range",
        1,
        f"briefings/{PORT_DEAL}/#ev-events-4",
    )
    # A join through the keys: who took part in the events at Port Lumen.
    names = db.execute(
        "SELECT DISTINCT actors.name FROM event_places"
        " JOIN event_actors USING (event_id) JOIN actors ON actors.id = event_actors.actor_id"
        " WHERE event_places.place_id = 'port-lumen'"
    ).fetchall()
    assert names == [("Elena Marsh",)]
    assert db.execute("SELECT latitude, longitude FROM places WHERE id = 'port-lumen'").fetchone()
    assert db.execute(
        "SELECT outlet, url, published FROM sources WHERE briefing_id = ?", (PORT_DEAL,)
    ).fetchone() == ("Example Gazette", "https://example.org/port-deal", "2025-03-04")


def test_sqlite_is_the_same_bytes_for_the_same_corpus(exports: dict[str, Any]) -> None:
    again = render_exports(Corpus.build(fixture_briefings(WEEK, RANGE)))
    assert again[DATABASE] == exports[DATABASE]
    assert again["data/events.ics"] == exports["data/events.ics"]


def test_a_reference_to_an_unknown_id_keeps_the_id_and_no_key(tmp_path: Path) -> None:
    # One only the registry names, or a typo under `mkdocs serve`: the site still builds.
    stray = Event(
        id="stray", date="2025", what="x", evidence="x", actors=["nobody"], places=["nowhere"]
    )
    corpus = Corpus.build(fixture_briefings(stray))
    db = open_database(render_exports(corpus)[DATABASE], tmp_path)
    check_database(db, corpus)
    refs = db.execute(
        "SELECT event_actors.ref, event_actors.actor_id FROM event_actors"
        " JOIN events ON events.id = event_actors.event_id WHERE events.slug = 'stray'"
    ).fetchall()
    assert refs == [("nobody", None)]


def test_datasette_opens_the_database(exports: dict[str, Any], tmp_path: Path) -> None:
    pytest.importorskip("datasette")
    from datasette.app import Datasette

    path = tmp_path / "briefings.sqlite"
    path.write_bytes(exports[DATABASE])

    async def browse() -> tuple[int, list[dict[str, Any]], dict[str, Any]]:
        datasette = Datasette([str(path)])
        await datasette.invoke_startup()
        joined = await datasette.client.get(
            "/briefings/event_actors.json?_labels=on&_shape=array&_size=max"
        )
        listed = await datasette.client.get("/briefings.json")
        return joined.status_code, joined.json(), listed.json()

    status, rows, database = asyncio.run(browse())
    assert status == 200
    # Datasette follows the foreign key and labels it with the actor's name.
    assert {"value": "elena-marsh", "label": "Elena Marsh"} in [r["actor_id"] for r in rows]
    assert {t["name"] for t in database["tables"]} >= set(TABLES)


HOSTILE = (
    "He said \"no\", then 'left'; C:\\dir\\new <b>bold</b> & <script>pwn()</script>\n"
    "a second line, with commas; and semicolons \\, \\; \\n"
)


def test_hostile_text_round_trips_through_every_format(tmp_path: Path) -> None:
    briefings = fixture_briefings()
    port_deal = next(b for b in briefings if b.id == PORT_DEAL)
    port_deal.title = HOSTILE
    port_deal.tags = ["a,b;c\\d"]
    port_deal.places[0].name = HOSTILE  # Port Lumen, which has coordinates
    event = port_deal.events[0]
    event.what, event.evidence, event.when = HOSTILE, HOSTILE, HOSTILE
    event.places = ["port-lumen"]
    corpus = Corpus.build(briefings)
    out = render_exports(corpus)

    vevent = calendar_events(out["data/events.ics"])[f"{PORT_DEAL}--{event.id}@briefkit.invalid"]
    assert str(vevent["SUMMARY"]) == HOSTILE
    assert f"“{HOSTILE}”" in str(vevent["DESCRIPTION"])
    assert str(vevent["LOCATION"]) == HOSTILE
    assert [str(c) for c in vevent["CATEGORIES"].cats] == ["a,b;c\\d"]

    for path in ("data/places.geojson", "data/events.geojson"):
        assert geojson.loads(out[path]).is_valid
    (place,) = json.loads(out["data/places.geojson"])["features"]
    assert place["properties"]["name"] == HOSTILE
    (located,) = json.loads(out["data/events.geojson"])["features"]
    assert located["properties"]["what"] == located["properties"]["when"] == HOSTILE

    db = open_database(out[DATABASE], tmp_path)
    assert db.execute(
        "SELECT what, evidence, when_text FROM events WHERE slug = ?", (event.id,)
    ).fetchone() == (HOSTILE, HOSTILE, HOSTILE)
    title_and_tags = "SELECT title, tags FROM briefings WHERE id = ?"
    assert db.execute(title_and_tags, (PORT_DEAL,)).fetchone() == (HOSTILE, '["a,b;c\\\\d"]')
    assert db.execute("SELECT name FROM places WHERE id = 'port-lumen'").fetchone() == (HOSTILE,)


def test_ics_text_loses_only_the_control_characters_rfc_5545_forbids() -> None:
    briefings = fixture_briefings()
    briefings[0].events[0].what = "a\x00b\x1bc\r\nd\re\tf\x7f"
    out = render_exports(Corpus.build(briefings))
    assert b"\x00" not in out["data/events.ics"]
    summaries = [str(e["SUMMARY"]) for e in calendar_events(out["data/events.ics"]).values()]
    assert "abc\nd\ne\tf" in summaries


@pytest.mark.slow
def test_the_built_site_has_the_exports(built_fixture_site: Path) -> None:
    """Through a real `mkdocs build`: the files are there, and are what render_exports makes."""
    data = built_fixture_site / "data"
    for path in (*NEW_EXPORTS, DATABASE):
        assert (built_fixture_site / path).is_file(), path
    expected = render_exports(Corpus.build(fixture_briefings()))
    assert (data / "briefings.sqlite").read_bytes() == expected[DATABASE]
    assert (data / "events.ics").read_bytes() == expected["data/events.ics"]
    assert geojson.loads((data / "places.geojson").read_text("utf-8")).is_valid
    check_database(sqlite3.connect(data / "briefings.sqlite"), Corpus.build(fixture_briefings()))


def test_briefkit_render_writes_the_exports_with_the_site_url(tmp_path: Path) -> None:
    from briefkit.cli import main

    out = tmp_path / "out"
    args = ["render", "--out", str(out), "--root", str(FIXTURES / "corpus")]
    args += ["--templates", str(REPO / "templates"), "--site-url", "https://example.org/b"]
    assert main(args) == 0
    vevents = calendar_events((out / "data" / "events.ics").read_bytes())
    urls = [str(v["URL"]) for v in vevents.values()]
    assert urls and all(u.startswith("https://example.org/b/briefings/") for u in urls)
    db = sqlite3.connect(out / "data" / "briefings.sqlite")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("SELECT url FROM briefings WHERE id = ?", (PORT_DEAL,)).fetchone() == (
        f"https://example.org/b/briefings/{PORT_DEAL}/",
    )


# --------------------------------------------------------------------------- under serve


def _exports(pages: dict[str, object]) -> dict[str, object]:
    return {path: content for path, content in pages.items() if path.startswith("data/")}


def test_exports_made_from_kept_pieces_are_the_bytes_of_exports_made_whole(
    tmp_path: Path,
) -> None:
    """Under serve each briefing's share of the exports is kept; after any edit the files
    must still be what a full build writes, and only the edited briefings' pieces are made."""
    corpus = ServedCorpus(tmp_path, site_url=SITE)
    cache, root = corpus.cache, corpus.root

    def served() -> dict[str, object]:
        return _exports(corpus.render())

    def whole() -> dict[str, object]:
        return _exports(corpus.fresh())

    assert served() == whole()
    made = len(cache.exports)
    summit = root / "2025-03-10-council-summit" / "briefing.yaml"
    edits = [
        # An event's summary: that briefing's pieces only.
        ("Ostrava joins", "Ostrava formally joins"),
        # A name the other briefing shows too (its events name Ostrava).
        ("name: Ostrava,", "name: Republic of Ostrava,"),
    ]
    for old, new in edits:
        text = summit.read_text("utf-8")
        assert old in text, old
        summit.write_text(text.replace(old, new, 1), "utf-8")
        again = served()
        assert again == whole(), old
    # Nothing changed: every piece is kept.
    before = dict(cache.exports)
    served()
    assert cache.exports.keys() == before.keys()
    assert all(cache.exports[k][1] is before[k][1] for k in before)
    assert made > 0


SITE = "http://127.0.0.1:8000/"

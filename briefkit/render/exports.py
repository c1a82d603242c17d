"""Data exports written into the built site, for other tools to read.

- ``data/briefings.json``: every briefing in the contract's shape, each valid
  against ``schema/briefing.schema.json``;
- ``data/events.csv``: one row per event in ACLED's column convention;
- ``data/timeline.json`` and ``data/timeline/<id>.json``: Knight Lab
  TimelineJS's JSON format, corpus-wide and per briefing;
- ``data/places.geojson`` and ``data/events.geojson``: GeoJSON points
  (``briefkit.render.geo``);
- ``data/events.ics``: the events as an iCalendar file (``briefkit.render.ical``);
- ``data/briefings.sqlite``: the corpus as a SQLite database
  (``briefkit.render.database``).

TimelineJS renders its ``text`` fields as HTML, so article and YAML text is
HTML-escaped there; CSV and JSON carry plain text, as data. Each format's
writer (csv, json, icalendar, sqlite3's parameters) quotes what it writes.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from briefkit.model import Briefing, Corpus, DateValue, Event, Moment
from briefkit.render.database import database_bytes, gathered_rows
from briefkit.render.geo import events_geojson, places_geojson
from briefkit.render.ical import events_ics
from briefkit.render.pieces import Pieces
from briefkit.render.urls import SiteUrls

UrlFor = Callable[[Briefing, Event], str]

ACLED_COLUMNS = (
    "event_date",
    "time_precision",
    "actor1",
    "actor2",
    "location",
    "latitude",
    "longitude",
    "source",
    "notes",
)

# ACLED's time_precision: 1 the day is known, 2 the week (or a few days), 3 the month or longer.
_ACLED_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3, "range": 3}


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _json_list(head: dict[str, Any], name: str, items: list[str]) -> str:
    """``head`` with a last member ``name``, the JSON ``items`` as a list: as json.dumps writes."""
    return _json(head)[:-1] + f',"{name}":[' + ",".join(items) + "]}\n"


def briefings_json(corpus: Corpus, pieces: Pieces | None = None) -> str:
    pieces = pieces or Pieces()
    head = {"generator": "briefkit", "schema": "schema/briefing.schema.json"}
    items = [
        pieces.get("briefings.json", b, 0, lambda b=b: _json(b.to_dict())) for b in corpus.briefings
    ]
    return _json_list(head, "briefings", items)


def _csv_line(values: list[Any]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(values)
    return buffer.getvalue()


def events_csv(corpus: Corpus, pieces: Pieces | None = None) -> str:
    pieces = pieces or Pieces()
    position = _positions(corpus)
    lines = [_csv_line(list(ACLED_COLUMNS))]
    for briefing, event in corpus.events():
        lines.append(
            pieces.get(
                "events.csv",
                briefing,
                position[id(event)],
                lambda b=briefing, e=event: _csv_line(_acled_row(corpus, b, e)),
            )
        )
    return "".join(lines)


def _positions(corpus: Corpus) -> dict[int, int]:
    """Each event's index in its briefing, by the event object's id."""
    return {id(e): i for b in corpus.briefings for i, e in enumerate(b.events)}


def _acled_row(corpus: Corpus, briefing: Briefing, event: Event) -> list[Any]:
    value = event.date_value
    precision = _ACLED_PRECISION[value.precision]
    if event.approximate:
        precision = max(precision, 2)
    names = [corpus.name_of(ident) for ident in event.actors]
    place = next((corpus.places[p] for p in event.places if p in corpus.places), None)
    coordinates = place.coordinates if place else None
    notes = event.what if not event.when else f"{event.what} ({event.when})"
    return [
        value.start.first.isoformat(),
        precision,
        names[0] if names else "",
        names[1] if len(names) > 1 else "",
        place.name if place else "",
        coordinates[0] if coordinates else "",
        coordinates[1] if coordinates else "",
        briefing.source.outlet or "",
        f"{notes}. Evidence: “{event.evidence}”",
    ]


def _timeline_date(moment: Moment, last: bool = False) -> dict[str, str]:
    """A TimelineJS date object, as precise as the moment and no more."""
    day = moment.last if last else moment.first
    out = {"year": str(day.year)}
    if moment.precision in ("month", "week", "day"):
        out["month"] = str(day.month)
    if moment.precision in ("week", "day"):
        out["day"] = str(day.day)
    return out


def _slide(corpus: Corpus, briefing: Briefing, event: Event, link: str) -> dict[str, Any]:
    value: DateValue = event.date_value
    esc = html.escape
    actors = ", ".join(esc(corpus.name_of(i)) for i in event.actors)
    text = f"<p>“{esc(event.evidence)}”</p>"
    if actors:
        text += f"<p>{actors}</p>"
    text += f'<p><a href="{esc(link)}">{esc(briefing.title)}</a></p>'
    slide: dict[str, Any] = {
        "unique_id": f"{briefing.id}--{event.id}",
        "start_date": {**_timeline_date(value.start), "display_date": value.label()},
        "text": {"headline": esc(event.what), "text": text},
        "group": esc(briefing.title),
    }
    if value.start != value.end or value.precision == "week":
        slide["end_date"] = _timeline_date(value.end, last=True)
    return slide


def timeline_json(
    corpus: Corpus,
    pairs: list[tuple[Briefing, Event]],
    title: str,
    url: UrlFor,
    pieces: Pieces | None = None,
    position: dict[int, int] | None = None,
    export: str = "timeline.json",
) -> str:
    """TimelineJS JSON for some events, each linking to its evidence.

    ``export`` names the file's pieces: the same event links differently from
    files at different depths.
    """
    pieces = pieces or Pieces()
    position = position if position is not None else _positions(corpus)
    head = {"title": {"text": {"headline": html.escape(title), "text": ""}}}
    slides = [
        pieces.get(
            export,
            b,
            position[id(e)],
            lambda b=b, e=e: _json(_slide(corpus, b, e, url(b, e))),
        )
        for b, e in pairs
    ]
    return _json_list(head, "events", slides)


@dataclass(frozen=True)
class Later:
    """An export whose bytes ``make`` builds on another thread, after the pages."""

    make: Callable[[], bytes]


DATABASE = "data/briefings.sqlite"


def render_exports(
    corpus: Corpus,
    directory_urls: bool = True,
    site_url: str | None = None,
    pieces: Pieces | None = None,
    later: bool = False,
) -> dict[str, str | bytes | Later]:
    """Every export: site-relative path -> file content (bytes for the binary ones).

    ``site_url`` (mkdocs' own) makes the links in the files for other tools
    absolute; without it they are relative to the site's root, and the
    calendar's events carry no URL. ``pieces`` (under serve) keeps each
    briefing's share of the files for the next build. With ``later``, the SQLite
    file is a ``Later``: its rows are gathered now (from kept pieces, cheaply),
    and the database, whose inserts are most of an edit's cost at 1,000
    briefings, is built after the pages have reached the browser.
    """
    pieces = pieces or Pieces()
    index = _positions(corpus)
    urls = SiteUrls(directory_urls, site_url)

    def url_from(depth: int) -> UrlFor:
        up = "../" * depth

        def url(briefing: Briefing, event: Event) -> str:
            page = (
                f"briefings/{briefing.id}/" if directory_urls else f"briefings/{briefing.id}.html"
            )
            return f"{up}{page}#ev-events-{index[id(event)]}"

        return url

    events = corpus.events()
    files: dict[str, str | bytes | Later] = {
        "data/briefings.json": briefings_json(corpus, pieces),
        "data/events.csv": events_csv(corpus, pieces),
        "data/timeline.json": timeline_json(
            corpus, events, "All briefings", url_from(1), pieces, index
        ),
        "data/places.geojson": places_geojson(corpus, urls),
        "data/events.geojson": events_geojson(corpus, events, index, urls, pieces),
        "data/events.ics": events_ics(corpus, events, index, urls, pieces),
    }
    tables = gathered_rows(corpus, urls, pieces)
    files[DATABASE] = Later(lambda: database_bytes(tables())) if later else database_bytes(tables())
    by_briefing: dict[str, list[tuple[Briefing, Event]]] = {}
    for briefing, event in events:
        by_briefing.setdefault(briefing.id, []).append((briefing, event))
    for briefing in corpus.briefings:
        files[f"data/timeline/{briefing.id}.json"] = pieces.get(
            "timeline/<id>.json",
            briefing,
            0,
            lambda b=briefing: timeline_json(
                corpus, by_briefing.get(b.id, []), b.title, url_from(2), None, index
            ),
        )
    return files

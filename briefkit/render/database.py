"""The SQLite export, ``data/briefings.sqlite``: the corpus as tables Datasette opens as is.

One table per kind of fact, one row per fact, in the order of the briefings'
ids and then of their YAML files; actors and places are the corpus's (one row
per id, with its canonical name), and what a briefing said of them (its role
then, its evidence) is in ``briefing_actors`` and ``briefing_places``. Lists of
references become join tables: ``event_actors``, ``event_places`` and
``figure_about``. Lists of plain strings (key points, tags, aliases) are JSON
arrays, which Datasette facets on.

A reference keeps the id as written (``ref``, ``speaker``, ``from_ref``...) beside
a foreign key (``actor_id``, ``place_id``...) that is NULL when the corpus has no
actor or place of that id (one only in the registry, or a typo ``briefkit check``
reports), so ``PRAGMA foreign_key_check`` passes on any corpus the site builds
from. Every foreign key is indexed, by its own index or as the first column of a
primary or unique key.

The file is the same bytes for the same corpus: rows go in in a fixed order, and
nothing in it records when it was made.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefkit.model import Briefing, Corpus
from briefkit.render.geo import lon_lat
from briefkit.render.pieces import Pieces
from briefkit.render.urls import SiteUrls

# Readers can tell a file of this layout from a later one: PRAGMA user_version.
SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE briefings (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    summary TEXT,
    key_points TEXT NOT NULL,
    tags TEXT NOT NULL,
    url TEXT NOT NULL
);
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    briefing_id TEXT NOT NULL REFERENCES briefings(id),
    position INTEGER NOT NULL,
    outlet TEXT,
    url TEXT,
    published TEXT,
    article TEXT NOT NULL,
    UNIQUE (briefing_id, position)
);
CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT,
    description TEXT,
    wikidata TEXT,
    aliases TEXT NOT NULL,
    url TEXT NOT NULL
);
CREATE TABLE places (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT,
    country TEXT,
    latitude REAL,
    longitude REAL,
    aliases TEXT NOT NULL,
    url TEXT NOT NULL
);
CREATE TABLE briefing_actors (
    briefing_id TEXT NOT NULL REFERENCES briefings(id),
    position INTEGER NOT NULL,
    actor_id TEXT NOT NULL REFERENCES actors(id),
    name TEXT,
    role TEXT,
    affiliation TEXT,
    affiliation_id TEXT REFERENCES actors(id),
    evidence TEXT,
    PRIMARY KEY (briefing_id, position)
);
CREATE TABLE briefing_places (
    briefing_id TEXT NOT NULL REFERENCES briefings(id),
    position INTEGER NOT NULL,
    place_id TEXT NOT NULL REFERENCES places(id),
    name TEXT NOT NULL,
    evidence TEXT,
    PRIMARY KEY (briefing_id, position)
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    briefing_id TEXT NOT NULL REFERENCES briefings(id),
    position INTEGER NOT NULL,
    slug TEXT NOT NULL,
    uid TEXT NOT NULL,
    date TEXT NOT NULL,
    date_start TEXT NOT NULL,
    date_end TEXT NOT NULL,
    precision TEXT NOT NULL,
    approximate INTEGER NOT NULL,
    when_text TEXT,
    what TEXT NOT NULL,
    evidence TEXT NOT NULL,
    url TEXT NOT NULL,
    UNIQUE (briefing_id, position)
);
CREATE TABLE event_actors (
    event_id INTEGER NOT NULL REFERENCES events(id),
    position INTEGER NOT NULL,
    ref TEXT NOT NULL,
    actor_id TEXT REFERENCES actors(id),
    PRIMARY KEY (event_id, position)
);
CREATE TABLE event_places (
    event_id INTEGER NOT NULL REFERENCES events(id),
    position INTEGER NOT NULL,
    ref TEXT NOT NULL,
    place_id TEXT REFERENCES places(id),
    PRIMARY KEY (event_id, position)
);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    briefing_id TEXT NOT NULL REFERENCES briefings(id),
    position INTEGER NOT NULL,
    slug TEXT,
    speaker TEXT,
    speaker_id TEXT REFERENCES actors(id),
    text TEXT NOT NULL,
    evidence TEXT NOT NULL,
    url TEXT NOT NULL,
    UNIQUE (briefing_id, position)
);
CREATE TABLE figures (
    id INTEGER PRIMARY KEY,
    briefing_id TEXT NOT NULL REFERENCES briefings(id),
    position INTEGER NOT NULL,
    slug TEXT,
    value REAL,
    unit TEXT,
    approximate INTEGER NOT NULL,
    text TEXT,
    evidence TEXT NOT NULL,
    url TEXT NOT NULL,
    UNIQUE (briefing_id, position)
);
CREATE TABLE figure_about (
    figure_id INTEGER NOT NULL REFERENCES figures(id),
    position INTEGER NOT NULL,
    ref TEXT NOT NULL,
    actor_id TEXT REFERENCES actors(id),
    place_id TEXT REFERENCES places(id),
    PRIMARY KEY (figure_id, position)
);
CREATE TABLE relations (
    id INTEGER PRIMARY KEY,
    briefing_id TEXT NOT NULL REFERENCES briefings(id),
    position INTEGER NOT NULL,
    slug TEXT,
    from_ref TEXT NOT NULL,
    from_actor_id TEXT REFERENCES actors(id),
    from_place_id TEXT REFERENCES places(id),
    kind TEXT NOT NULL,
    to_ref TEXT NOT NULL,
    to_actor_id TEXT REFERENCES actors(id),
    to_place_id TEXT REFERENCES places(id),
    former INTEGER NOT NULL,
    evidence TEXT NOT NULL,
    url TEXT NOT NULL,
    UNIQUE (briefing_id, position)
);
"""

# The foreign keys no primary or unique key starts with. Made after the rows go
# in: one sort per index instead of a B-tree insert per row.
INDEXED = (
    ("briefing_actors", "actor_id"),
    ("briefing_actors", "affiliation_id"),
    ("briefing_places", "place_id"),
    ("event_actors", "actor_id"),
    ("event_places", "place_id"),
    ("quotes", "speaker_id"),
    ("figure_about", "actor_id"),
    ("figure_about", "place_id"),
    ("relations", "from_actor_id"),
    ("relations", "from_place_id"),
    ("relations", "to_actor_id"),
    ("relations", "to_place_id"),
)

TABLES = (
    "briefings", "sources", "actors", "places", "briefing_actors", "briefing_places",
    "events", "event_actors", "event_places", "quotes", "figures", "figure_about", "relations",
)  # fmt: skip


def _json(values: list[str]) -> str:
    return json.dumps(values, ensure_ascii=False)


def _number(value: Any) -> float | None:
    """A figure's value as SQLite's REAL; None for one no double holds (10**400)."""
    try:
        return float(value)
    except (OverflowError, TypeError, ValueError):
        return None


# Tables whose first column is a number counted across the corpus, and the table
# that counts it (a child row names its parent's number).
NUMBERED_BY = {
    "sources": "sources",
    "events": "events",
    "event_actors": "events",
    "event_places": "events",
    "quotes": "quotes",
    "figures": "figures",
    "figure_about": "figures",
    "relations": "relations",
}
NUMBERED = ("sources", "events", "quotes", "figures", "relations")
# The corpus's own tables, not any one briefing's.
SHARED = ("actors", "places")


def rows(
    corpus: Corpus, urls: SiteUrls, pieces: Pieces | None = None
) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, in the order they go in."""
    return gathered_rows(corpus, urls, pieces)()


def gathered_rows(
    corpus: Corpus, urls: SiteUrls, pieces: Pieces | None = None
) -> Callable[[], dict[str, list[tuple[Any, ...]]]]:
    """Each briefing's rows now (its kept piece, when it is unchanged), and the tables
    joined from them when called: under serve, on the thread that writes the file,
    since numbering every row again is most of the cost at 1,000 briefings. Only the
    pieces are shared with the next build; the corpus's objects are not changed."""
    pieces = pieces or Pieces()
    actors, places = corpus.actors, corpus.places

    def actor(ref: str | None) -> str | None:
        return ref if ref in actors else None

    def place(ref: str | None) -> str | None:
        return ref if ref in places else None

    seen: set[str] = set()
    owns: list[dict[str, list[tuple[Any, ...]]]] = []
    for briefing in sorted(corpus.briefings, key=lambda b: b.id):
        # Two folders claiming one id (a problem check reports) would clash on the
        # key: the site shows one of them, and so does the database.
        if briefing.id in seen:
            continue
        seen.add(briefing.id)
        owns.append(
            pieces.get(
                "briefings.sqlite",
                briefing,
                0,
                lambda b=briefing: _briefing_rows(b, urls, actor, place),
            )
        )
    return lambda: _joined(corpus, urls, owns)


def _joined(
    corpus: Corpus, urls: SiteUrls, owns: list[dict[str, list[tuple[Any, ...]]]]
) -> dict[str, list[tuple[Any, ...]]]:
    actors, places = corpus.actors, corpus.places
    out: dict[str, list[tuple[Any, ...]]] = {name: [] for name in TABLES}
    for ident in sorted(actors):
        profile = actors[ident]
        out["actors"].append(
            (
                ident,
                profile.name,
                profile.category,
                profile.description,
                profile.wikidata,
                _json(profile.aliases),
                urls.link(urls.page("actors", ident)),
            )
        )
    for ident in sorted(places):
        profile = places[ident]
        point = lon_lat(profile.coordinates)
        lon, lat = point if point is not None else (None, None)
        out["places"].append(
            (
                ident,
                profile.name,
                profile.category,
                profile.country,
                lat,
                lon,
                _json(profile.aliases),
                urls.link(urls.page("places", ident)),
            )
        )

    offsets = dict.fromkeys(NUMBERED, 0)
    for own in owns:
        for table, table_rows in own.items():
            numbered = NUMBERED_BY.get(table)
            if numbered is None:
                out[table].extend(table_rows)
                continue
            offset = offsets[numbered]
            out[table].extend((row[0] + offset, *row[1:]) for row in table_rows)
        for table in NUMBERED:
            offsets[table] += len(own[table])
    return out


def _briefing_rows(
    briefing: Briefing,
    urls: SiteUrls,
    actor: Callable[[str | None], str | None],
    place: Callable[[str | None], str | None],
) -> dict[str, list[tuple[Any, ...]]]:
    """One briefing's rows, their numbers counted from 1 (``rows`` adds the briefings' before)."""
    out: dict[str, list[tuple[Any, ...]]] = {name: [] for name in TABLES if name not in SHARED}
    numbers = dict.fromkeys(NUMBERED, 0)

    def number(table: str) -> int:
        numbers[table] += 1
        return numbers[table]

    bid = briefing.id
    out["briefings"].append(
        (
            bid,
            briefing.title,
            briefing.summary,
            _json(briefing.key_points),
            _json(briefing.tags),
            urls.link(urls.briefing(bid)),
        )
    )
    source = briefing.source
    out["sources"].append(
        (number("sources"), bid, 0, source.outlet, source.url, source.published, source.article)
    )
    for i, entry in enumerate(briefing.actors):
        out["briefing_actors"].append(
            (
                bid,
                i,
                entry.id,
                entry.name,
                entry.role,
                entry.affiliation,
                actor(entry.affiliation),
                entry.evidence,
            )
        )
    for i, spot in enumerate(briefing.places):
        out["briefing_places"].append((bid, i, spot.id, spot.name, spot.evidence))
    for i, event in enumerate(briefing.events):
        key = number("events")
        value = event.date_value
        out["events"].append(
            (
                key,
                bid,
                i,
                event.id,
                f"{bid}--{event.id}",
                event.date,
                value.start.first.isoformat(),
                value.end.last.isoformat(),
                value.precision,
                int(event.approximate),
                event.when,
                event.what,
                event.evidence,
                urls.link(urls.fact(bid, "events", i)),
            )
        )
        for j, ref in enumerate(event.actors):
            out["event_actors"].append((key, j, ref, actor(ref)))
        for j, ref in enumerate(event.places):
            out["event_places"].append((key, j, ref, place(ref)))
    for i, quote in enumerate(briefing.quotes):
        out["quotes"].append(
            (
                number("quotes"),
                bid,
                i,
                quote.id,
                quote.speaker,
                actor(quote.speaker),
                quote.text,
                quote.evidence,
                urls.link(urls.fact(bid, "quotes", i)),
            )
        )
    for i, figure in enumerate(briefing.figures):
        key = number("figures")
        out["figures"].append(
            (
                key,
                bid,
                i,
                figure.id,
                _number(figure.value),
                figure.unit,
                int(figure.approximate),
                figure.text,
                figure.evidence,
                urls.link(urls.fact(bid, "figures", i)),
            )
        )
        for j, ref in enumerate(figure.about):
            out["figure_about"].append((key, j, ref, actor(ref), place(ref)))
    for i, relation in enumerate(briefing.relations):
        out["relations"].append(
            (
                number("relations"),
                bid,
                i,
                relation.id,
                relation.from_,
                actor(relation.from_),
                place(relation.from_),
                relation.kind,
                relation.to,
                actor(relation.to),
                place(relation.to),
                int(relation.former),
                relation.evidence,
                urls.link(urls.fact(bid, "relations", i)),
            )
        )
    return out


def briefings_sqlite(corpus: Corpus, urls: SiteUrls, pieces: Pieces | None = None) -> bytes:
    """The database file's bytes, built in a temporary folder that is then removed."""
    return database_bytes(rows(corpus, urls, pieces))


def database_bytes(tables: dict[str, list[tuple[Any, ...]]]) -> bytes:
    """The database file of ``rows``' tables. It touches nothing shared: serve runs it
    on a thread of its own (``briefkit.plugin``)."""
    with tempfile.TemporaryDirectory(prefix="briefkit-sqlite-") as folder:
        path = Path(folder) / "briefings.sqlite"
        connection = sqlite3.connect(path, isolation_level=None)
        try:
            # A scratch file, read once and deleted: no journal, no fsync.
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            # On while the rows go in: a key that names no row is a bug here, caught here.
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            connection.executescript(SCHEMA)
            connection.execute("BEGIN")
            for table in TABLES:
                if tables[table]:
                    marks = ", ".join("?" * len(tables[table][0]))
                    connection.executemany(f"INSERT INTO {table} VALUES ({marks})", tables[table])
            for table, column in INDEXED:
                connection.execute(f"CREATE INDEX {table}_{column} ON {table} ({column})")
            connection.execute("COMMIT")
        finally:
            connection.close()
        return path.read_bytes()

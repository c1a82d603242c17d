"""GeoJSON (RFC 7946) exports: the corpus's places and its located events as points.

- ``data/places.geojson``: one Point per place with coordinates;
- ``data/events.geojson``: one Point per dated event, at the first of its places
  that has coordinates. Events with no located place are left out.

Two files, not one: a GIS loads each as a layer whose features share their
properties, and a map of places is not cluttered by every event held there.
RFC 7946 orders a position [longitude, latitude]; briefings store [lat, lon].
"""

from __future__ import annotations

import json
import math
from typing import Any

from briefkit.model import Briefing, Corpus, Event, Profile
from briefkit.render.pieces import Pieces
from briefkit.render.urls import SiteUrls


def lon_lat(coordinates: Any) -> list[float] | None:
    """A briefing's [lat, lon] as GeoJSON's [lon, lat], or None where it is not a position."""
    if not isinstance(coordinates, list | tuple) or len(coordinates) != 2:
        return None
    lat, lon = coordinates
    if isinstance(lat, bool) or isinstance(lon, bool):
        return None
    if not isinstance(lat, int | float) or not isinstance(lon, int | float):
        return None
    # The schema's bounds do not catch NaN (every comparison with it is false).
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return [float(lon), float(lat)]


def located_place(corpus: Corpus, event: Event) -> tuple[Profile, list[float]] | None:
    """The first of an event's places that has coordinates, and its [lon, lat]."""
    for ident in event.places:
        profile = corpus.places.get(ident)
        if profile is not None:
            point = lon_lat(profile.coordinates)
            if point is not None:
                return profile, point
    return None


def _json(data: Any) -> str:
    # allow_nan=False: a NaN that slipped past lon_lat fails here, not in a reader.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _collection(features: list[str]) -> str:
    """The FeatureCollection of features already written as JSON."""
    return '{"type":"FeatureCollection","features":[' + ",".join(features) + "]}\n"


def _point(ident: str, point: list[float], properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "Feature",
        "id": ident,
        "geometry": {"type": "Point", "coordinates": point},
        "properties": properties,
    }


def places_geojson(corpus: Corpus, urls: SiteUrls) -> str:
    features = []
    for ident in sorted(corpus.places):
        profile = corpus.places[ident]
        point = lon_lat(profile.coordinates)
        if point is None:
            continue
        briefings = list(dict.fromkeys(a.briefing.id for a in profile.appearances))
        properties = {
            "id": ident,
            "name": profile.name,
            "kind": profile.category,
            "country": profile.country,
            "briefings": briefings,
            "url": urls.link(urls.page("places", ident)),
        }
        features.append(_json(_point(ident, point, properties)))
    return _collection(features)


def events_geojson(
    corpus: Corpus,
    pairs: list[tuple[Briefing, Event]],
    position: dict[int, int],
    urls: SiteUrls,
    pieces: Pieces | None = None,
) -> str:
    """Located events, oldest first; ``position`` is each event's index in its briefing."""
    pieces = pieces or Pieces()
    features = []
    for briefing, event in pairs:
        feature = pieces.get(
            "events.geojson",
            briefing,
            position[id(event)],
            lambda b=briefing, e=event: _event_feature(corpus, b, e, position[id(e)], urls),
        )
        if feature is not None:
            features.append(feature)
    return _collection(features)


def _event_feature(
    corpus: Corpus, briefing: Briefing, event: Event, position: int, urls: SiteUrls
) -> str | None:
    found = located_place(corpus, event)
    if found is None:
        return None
    place, point = found
    value = event.date_value
    uid = f"{briefing.id}--{event.id}"
    properties = {
        "id": uid,
        "event": event.id,
        "briefing": briefing.id,
        "what": event.what,
        "date": event.date,
        "start": value.start.first.isoformat(),
        "end": value.end.last.isoformat(),
        "precision": value.precision,
        "approximate": event.approximate,
        "when": event.when,
        "place": place.id,
        "place_name": place.name,
        "actors": list(event.actors),
        "url": urls.link(urls.fact(briefing.id, "events", position)),
    }
    return _json(_point(uid, point, properties))

"""Maps as inline SVG: country outlines from bundled data, places as points.

Why inline SVG: the site builds and reads with no network (no tile server, no
script, no CDN), prints, and needs no JavaScript. Outlines are Natural Earth's
1:110m countries (``briefkit/data/countries-110m.json``, TopoJSON), decoded once
per process; a map draws only the countries that reach into its frame.

The projection is equirectangular, its x axis shrunk by the cosine of the
frame's middle latitude, which keeps shapes near true for regional maps.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from markupsafe import Markup

Ring = list[tuple[float, float]]


@dataclass(frozen=True)
class Outline:
    name: str
    rings: tuple[Ring, ...]
    bbox: tuple[float, float, float, float]  # west, south, east, north


@dataclass(frozen=True)
class Point:
    name: str
    lat: float
    lon: float
    href: str


def _decode_arcs(topo: dict) -> list[Ring]:
    """TopoJSON arcs are quantised and delta-encoded: undo both."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs: list[Ring], indexes: list[int]) -> Ring:
    ring: Ring = []
    for i in indexes:
        # A negative index is the arc ~i, walked backwards.
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(points[1:] if ring else points)
    return ring


@cache
def outlines() -> tuple[Outline, ...]:
    text = resources.files("briefkit").joinpath("data/countries-110m.json").read_text("utf-8")
    topo = json.loads(text)
    arcs = _decode_arcs(topo)
    out = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        rings = tuple(_ring(arcs, ring) for polygon in polygons for ring in polygon)
        lons = [p[0] for r in rings for p in r]
        lats = [p[1] for r in rings for p in r]
        name = geometry.get("properties", {}).get("name", "")
        out.append(Outline(name, rings, (min(lons), min(lats), max(lons), max(lats))))
    return tuple(out)


def _frame(points: Sequence[Point]) -> tuple[float, float, float, float]:
    """West, south, east, north around the points: a landscape frame, at least regional."""
    west, east = min(p.lon for p in points), max(p.lon for p in points)
    south, north = min(p.lat for p in points), max(p.lat for p in points)
    lat_span = min(max((north - south) * 1.4, 8.0), 170.0)
    # The frame stays within ±85°, where the cosine is far from zero: a place at a
    # pole (latitude ±90 is valid) would otherwise give a frame of negative height.
    mid_lat = min(max((north + south) / 2, -85.0 + lat_span / 2), 85.0 - lat_span / 2)
    shrink = max(math.cos(math.radians(mid_lat)), 0.2)
    # Wide enough for labels to the right of points, and never portrait.
    lon_span = max((east - west) * 1.4 + 4.0, lat_span * 1.5 / shrink)
    mid_lon = (east + west) / 2 + 1.0
    return (
        max(mid_lon - lon_span / 2, -180.0),
        max(mid_lat - lat_span / 2, -85.0),
        min(mid_lon + lon_span / 2, 180.0),
        min(mid_lat + lat_span / 2, 85.0),
    )


def _label_at(outline: Outline) -> tuple[float, float]:
    """Where to write a country's name: the middle of its largest ring's bounds."""
    ring = max(outline.rings, key=len)
    lons, lats = [p[0] for p in ring], [p[1] for p in ring]
    return (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2


def svg_map(points: Sequence[Point], title: str, width: int = 720) -> Markup:
    """An inline SVG map of the points; empty when none has coordinates."""
    if not points:
        return Markup("")
    west, south, east, north = _frame(points)
    shrink = math.cos(math.radians((north + south) / 2))
    view_w, view_h = (east - west) * shrink, north - south
    height = round(width * view_h / view_w)

    def xy(lon: float, lat: float) -> str:
        # A point beyond the frame's ±85° is drawn on its edge, not off the map.
        return f"{(lon - west) * shrink:.3f},{north - min(max(lat, south), north):.3f}"

    parts = [
        f'<svg class="bk-map" role="img" viewBox="0 0 {view_w:.3f} {view_h:.3f}" '
        f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{html.escape(title)}</title>",
        f'<rect class="bk-sea" width="{view_w:.3f}" height="{view_h:.3f}"/>',
    ]
    font = view_h / 34
    names = []
    for outline in outlines():
        w, s, e, n = outline.bbox
        if e < west or w > east or n < south or s > north:
            continue
        d = " ".join(
            "M" + " L".join(xy(lon, lat) for lon, lat in ring) + " Z" for ring in outline.rings
        )
        title = html.escape(outline.name)
        parts.append(f'<path class="bk-land" d="{d}"><title>{title}</title></path>')
        lon, lat = _label_at(outline)
        if west < lon < east and south < lat < north:
            x, y = xy(lon, lat).split(",")
            names.append(
                f'<text class="bk-country" x="{x}" y="{y}" font-size="{font * 0.9:.3f}" '
                f'text-anchor="middle">{title}</text>'
            )
    parts.extend(names)
    radius = view_h / 110
    for point in points:
        cx, cy = (float(v) for v in xy(point.lon, point.lat).split(","))
        name = html.escape(point.name)
        parts.append(
            f'<a href="{html.escape(point.href)}">'
            f'<circle class="bk-place" cx="{cx:.3f}" cy="{cy:.3f}" r="{radius:.3f}">'
            f"<title>{name}</title></circle>"
            f'<text class="bk-label" x="{cx + radius * 1.8:.3f}" y="{cy + font / 3:.3f}" '
            f'font-size="{font:.3f}" stroke-width="{font / 5:.3f}">{name}</text></a>'
        )
    parts.append("</svg>")
    # Out of the search index: country outlines would add every neighbour's name.
    return Markup(
        f'<figure class="bk-map-figure" markdown="0" data-search-exclude>{"".join(parts)}</figure>'
    )

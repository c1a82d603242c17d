"""Maps: country outlines as inline SVG from bundled data, places as HTML links over it.

Why inline SVG: the site builds and reads with no network (no tile server, no
script, no CDN), prints, and needs no JavaScript. Outlines are Natural Earth's
1:110m countries (``briefkit/data/countries-110m.json``, TopoJSON), decoded once
per process; a map draws only the countries that reach into its frame.

Why the labels and links are HTML, not SVG: SVG text scales with the drawing,
so a label 13px tall on a desktop is 6px on a phone; HTML text keeps its size
while the outlines scale under it. And Material's instant navigation rewrites
every ``[href]`` element's ``href`` property, which an SVG ``<a>`` only has as
a getter: one SVG link threw, and left the previous page on screen.

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
    count: int = 1  # what the marker's size shows: the briefings or events at the place


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
    # Never wider than two to one either: on a phone's column that is a strip.
    lat_span = max(lat_span, lon_span * shrink / 2)
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


# Label sizes in CSS pixels, the same on every screen (see the module's docstring).
PLACE_FONT = 13
COUNTRY_FONT = 12
# A generous average advance of the theme's sans-serif, as a share of the font size:
# an estimate too wide only drops a label that would have fitted.
CHAR_WIDTH = 0.6
# Widths a map's column can have, in px: a phone's (358 at 390) down to a small one,
# up to the map's widest (its CSS max-width). A label shown on every screen must fit
# at all of them; one shown from WIDE_FROM up (a container query) at those from there.
NARROW_WIDTHS = (320, 400, 480, 560, 640, 720, 800)
WIDE_FROM = 640
WIDE_WIDTHS = tuple(w for w in NARROW_WIDTHS if w >= WIDE_FROM)
# Marker radii in px: the smallest, and how much the busiest place adds to it.
RADIUS, RADIUS_RANGE = 4.0, 10.0

Box = tuple[float, float, float, float]  # left, top, right, bottom, in px


@dataclass
class _Label:
    """A label to place: at a point's marker (to one side of it) or a country's middle."""

    text: str
    fx: float  # where its anchor is, as a share of the map's width and height
    fy: float
    radius: float  # the marker's, or 0 for a country name
    font: int
    side: str = ""  # right, left, above, below, centre; "" while not placed
    tier: str = ""  # "all" (every width), "wide" (from WIDE_FROM) or "" (not shown)

    @property
    def size(self) -> tuple[float, float]:
        return len(self.text) * CHAR_WIDTH * self.font + 4, self.font * 1.3

    def box(self, side: str, width: float, height: float) -> Box:
        x, y, r = self.fx * width, self.fy * height, self.radius
        w, h = self.size
        gap = r + 3
        if side == "right":
            return (x + gap, y - h / 2, x + gap + w, y + h / 2)
        if side == "left":
            return (x - gap - w, y - h / 2, x - gap, y + h / 2)
        if side == "above":
            return (x - w / 2, y - gap - h, x + w / 2, y - gap)
        if side == "below":
            return (x - w / 2, y + gap, x + w / 2, y + gap + h)
        return (x - w / 2, y - h / 2, x + w / 2, y + h / 2)


def _overlap(a: Box, b: Box, pad: float = 2.0) -> bool:
    return a[0] < b[2] + pad and b[0] < a[2] + pad and a[1] < b[3] + pad and b[1] < a[3] + pad


def _place_labels(labels: list[_Label], markers: list[_Label], aspect: float) -> None:
    """Give each label a side and a tier, greedily, in the order given; a label that
    collides at every side is left unshown (its marker stays, and it is listed)."""

    def fits(label: _Label, side: str, widths: Sequence[int]) -> bool:
        for width in widths:
            height = width * aspect
            box = label.box(side, width, height)
            if box[0] < 0 or box[1] < 0 or box[2] > width or box[3] > height:
                return False
            for marker in markers:
                x, y, r = marker.fx * width, marker.fy * height, marker.radius
                if marker is not label and _overlap(box, (x - r, y - r, x + r, y + r), 1):
                    return False
            for other in labels:
                shown = other.tier == "all" or (other.tier == "wide" and width >= WIDE_FROM)
                if shown and _overlap(box, other.box(other.side, width, height)):
                    return False
        return True

    for tier, widths in (("all", NARROW_WIDTHS), ("wide", WIDE_WIDTHS)):
        for label in labels:
            if label.tier:
                continue
            sides = ("right", "left", "above", "below") if label.radius else ("centre",)
            for side in sides:
                if fits(label, side, widths):
                    label.side, label.tier = side, tier
                    break


def _marker_radius(count: int, most: int, alone: bool) -> float:
    """Area grows with the count; a corpus's busiest place gets the largest marker,
    and in a small corpus a count of two is not yet twice the size of one. A place
    alone on its map (a place page's locator) is marked a little larger."""
    if alone:
        return RADIUS + 3
    return RADIUS + RADIUS_RANGE * math.sqrt(max(count - 1, 0) / max(most - 1, 8))


def svg_map(points: Sequence[Point], title: str, unit: str | None = None) -> Markup:
    """A map of the points, each a link sized by its count; empty when there are none.

    ``unit`` names what the counts count ("briefings"), for the caption.
    """
    if not points:
        return Markup("")
    west, south, east, north = _frame(points)
    shrink = math.cos(math.radians((north + south) / 2))
    view_w, view_h = (east - west) * shrink, north - south
    aspect = view_h / view_w

    def frac(lon: float, lat: float) -> tuple[float, float]:
        # A point beyond the frame's ±85° (a pole) is placed on its edge, not off the map.
        return (lon - west) * shrink / view_w, (north - min(max(lat, south), north)) / view_h

    def xy(lon: float, lat: float) -> str:
        # A point beyond the frame's ±85° is drawn on its edge, not off the map.
        return f"{(lon - west) * shrink:.3f},{north - min(max(lat, south), north):.3f}"

    svg = [
        f'<svg class="bk-map" role="img" viewBox="0 0 {view_w:.3f} {view_h:.3f}" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{html.escape(title)}</title>",
        f'<rect class="bk-sea" width="{view_w:.3f}" height="{view_h:.3f}"/>',
    ]
    countries = []
    for outline in outlines():
        w, s, e, n = outline.bbox
        if e < west or w > east or n < south or s > north:
            continue
        d = " ".join(
            "M" + " L".join(xy(lon, lat) for lon, lat in ring) + " Z" for ring in outline.rings
        )
        name = html.escape(outline.name)
        svg.append(f'<path class="bk-land" d="{d}"><title>{name}</title></path>')
        lon, lat = _label_at(outline)
        if west < lon < east and south < lat < north:
            countries.append(_Label(outline.name, *frac(lon, lat), 0, COUNTRY_FONT))
    svg.append("</svg>")

    most = max(p.count for p in points)
    # The busiest places are labelled first, so a crowded map keeps the names that matter.
    order = sorted(range(len(points)), key=lambda i: (-points[i].count, points[i].name))
    pins = [
        _Label(
            p.name, *frac(p.lon, p.lat), _marker_radius(p.count, most, len(points) == 1), PLACE_FONT
        )
        for p in points
    ]
    _place_labels([pins[i] for i in order] + countries, pins, aspect)

    overlay = []
    for label in countries:
        if label.tier:
            overlay.append(
                f'<span class="bk-country bk-tier-{label.tier}" aria-hidden="true" '
                f'style="left:{label.fx:.2%};top:{label.fy:.2%}">{html.escape(label.text)}</span>'
            )
    for i in order:
        point, pin = points[i], pins[i]
        name = html.escape(point.name)
        tooltip = f"{point.name}: {point.count} {unit}" if unit else point.name
        side = f" bk-side-{pin.side}" if pin.side else ""
        overlay.append(
            f'<a class="bk-pin" href="{html.escape(point.href)}" title="{html.escape(tooltip)}" '
            f'style="left:{pin.fx:.2%};top:{pin.fy:.2%};--r:{pin.radius:.1f}px">'
            f'<span class="bk-pin-label bk-tier-{pin.tier or "none"}{side}">{name}</span></a>'
        )

    caption = []
    if unit and len({p.count for p in points}) > 1:
        caption.append(f"<span>Larger markers: more {html.escape(unit)}.</span>")
    labelled = [p for p in pins if p.tier == "all"]

    def unlabelled(indexes: list[int], css: str) -> str:
        items = []
        for i in indexes:
            near = _nearest(pins[i], labelled, aspect)
            items.append(html.escape(pins[i].text) + (f" (by {html.escape(near)})" if near else ""))
        return f'<span class="{css}">Not labelled, for space: {", ".join(items)}.</span>'

    # What a narrow map leaves unlabelled, and what a wide one does (container queries
    # show one or the other).
    narrow = [i for i in order if pins[i].tier != "all"]
    wide = [i for i in order if not pins[i].tier]
    if narrow == wide and narrow:
        caption.append(unlabelled(narrow, "bk-unlabelled"))
    elif narrow:
        caption.append(unlabelled(narrow, "bk-unlabelled bk-caption-narrow"))
        if wide:
            caption.append(unlabelled(wide, "bk-unlabelled bk-caption-wide"))
    figcaption = f'<figcaption class="bk-map-caption">{" ".join(caption)}</figcaption>'
    # Out of the search index: country outlines would add every neighbour's name.
    return Markup(
        '<figure class="bk-map-figure" markdown="0" data-search-exclude>'
        f'<div class="bk-map-frame" style="aspect-ratio:{view_w:.3f}/{view_h:.3f}">'
        + "".join(svg)
        + "".join(overlay)
        + "</div>"
        + (figcaption if caption else "")
        + "</figure>"
    )


def _nearest(label: _Label, others: list[_Label], aspect: float) -> str | None:
    """The labelled place nearest to an unlabelled one, to say where its marker is."""
    if not others:
        return None
    best = min(others, key=lambda o: (o.fx - label.fx) ** 2 + ((o.fy - label.fy) * aspect) ** 2)
    return best.text

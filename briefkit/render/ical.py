"""The iCalendar (RFC 5545) export, ``data/events.ics``: every dated event, all-day.

A briefing's dates are days, ISO weeks, months, years or ranges of them, never
times of day, so each event is an all-day span (``VALUE=DATE``) from its first
day to the day after its last (``DTEND`` is exclusive): one day for a day, seven
for a week, the whole month or year, or the range. The ``icalendar`` library
writes every value, so commas, semicolons, backslashes and newlines are escaped
as the RFC says, and long lines are folded.
"""

from __future__ import annotations

import datetime as dt
import re

from icalendar import Calendar, vCategory, vDDDTypes, vGeo, vText, vUri
from icalendar import Event as VEvent

from briefkit.model import Briefing, Corpus, Event
from briefkit.render.geo import located_place
from briefkit.render.pieces import Pieces
from briefkit.render.urls import SiteUrls

# Fixed, not the site's host: an event keeps its UID when the site moves or is
# built locally, so a subscribed calendar updates it instead of adding a copy.
# ".invalid" is reserved (RFC 2606): domain-shaped, and no one's real domain.
UID_DOMAIN = "briefkit.invalid"
PRODID = "-//briefkit//briefings//EN"

# RFC 5545 allows no control character in TEXT but tab and the escaped newline.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def ical_text(text: str) -> str:
    """Text as iCalendar can hold it: line breaks as ``\\n``, other controls dropped."""
    return _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def event_uid(briefing: Briefing, event: Event) -> str:
    return f"{briefing.id}--{event.id}@{UID_DOMAIN}"


def _stamp(briefing: Briefing, event: Event) -> dt.datetime:
    """DTSTAMP, which RFC 5545 requires: a fixed time, so the file is the same every build.

    The article's publication (when the fact became known), else the event's start.
    """
    day = briefing.source.published_date or event.date_value.start.first
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def _description(corpus: Corpus, briefing: Briefing, event: Event) -> str:
    value = event.date_value
    lines = [f"“{event.evidence}”", ""]
    date = value.label() + (" (approximate)" if event.approximate else "")
    if event.when and event.when.strip() != event.date:
        date += f", “{event.when}”"
    lines.append(f"Date: {date}")
    if event.actors:
        lines.append("Actors: " + ", ".join(corpus.name_of(i) for i in event.actors))
    source = ", ".join(s for s in (briefing.source.outlet, briefing.source.published) if s)
    lines.append(f"Briefing: {briefing.title}" + (f" ({source})" if source else ""))
    return ical_text("\n".join(lines))


def _vevent(
    corpus: Corpus, briefing: Briefing, event: Event, position: int, urls: SiteUrls
) -> VEvent:
    # Each property made as its type, not through Component.add, which looks the
    # type up again for every value: 15% of this export's time.
    value = event.date_value
    vevent = VEvent()
    vevent["UID"] = vText(event_uid(briefing, event))
    vevent["DTSTAMP"] = vDDDTypes(_stamp(briefing, event))
    vevent["DTSTART"] = vDDDTypes(value.start.first)
    vevent["DTEND"] = vDDDTypes(value.end.last + dt.timedelta(days=1))
    vevent["SUMMARY"] = vText(ical_text(event.what))
    vevent["DESCRIPTION"] = vText(_description(corpus, briefing, event))
    places = [corpus.name_of(p) for p in event.places]
    if places:
        vevent["LOCATION"] = vText(ical_text(", ".join(places)))
    found = located_place(corpus, event)
    if found is not None:
        lon, lat = found[1]
        vevent["GEO"] = vGeo((lat, lon))  # GEO is latitude;longitude
    if briefing.tags:
        vevent["CATEGORIES"] = vCategory([ical_text(t) for t in briefing.tags])
    url = urls.absolute(urls.fact(briefing.id, "events", position))
    if url:
        vevent["URL"] = vUri(url)
    # A briefing's event is information, not an appointment: it never shows as busy.
    vevent["TRANSP"] = vText("TRANSPARENT")
    return vevent


def calendar() -> Calendar:
    """The calendar's own properties, with no events yet."""
    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", PRODID)
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", "Briefings: events")
    calendar.add("x-wr-calname", "Briefings: events")
    return calendar


def events_ics(
    corpus: Corpus,
    pairs: list[tuple[Briefing, Event]],
    position: dict[int, int],
    urls: SiteUrls,
    pieces: Pieces | None = None,
) -> bytes:
    """The events of ``pairs``, in order; ``position`` is each event's index in its briefing.

    Each VEVENT is written alone (folding its lines is most of the cost, and under
    serve a kept event is not written again) and put between the calendar's
    BEGIN and END: what ``Calendar.to_ical`` writes for the calendar with them.
    """
    pieces = pieces or Pieces()
    head, end = calendar().to_ical().rsplit(b"END:VCALENDAR", 1)
    events = [
        pieces.get(
            "events.ics",
            b,
            position[id(e)],
            lambda b=b, e=e: _vevent(corpus, b, e, position[id(e)], urls).to_ical(),
        )
        for b, e in pairs
    ]
    return b"".join([head, *events, b"END:VCALENDAR", end])

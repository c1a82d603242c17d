"""Places: cities, regions and facilities.

A name is a place when the gazetteer knows it as a city or a US state, when a
region word follows it ("the Dukan region"), or when the model calls it a
facility or location. Coordinates come only from the gazetteer: a place the
gazetteer does not know is kept, without coordinates, rather than guessed.
Countries are actors only: a place list that repeats them says nothing new, and
the analyst would delete them (places are cities, regions and facilities).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from briefkit.extractors.gazetteer import Gazetteer, load_gazetteer, normalise_name, word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from briefkit.article import Article
    from briefkit.extractors.types import Entities, Entity

_REGION_WORDS = word_set("region province district governorate territory area state")
# People and organizations are more often named after small towns than the reverse
# ("Xinhua", the agency; a town of 16,000): against the model's label, only a city
# of this size wins.
_MIN_POPULATION_AGAINST_LABEL = 100_000


class _NameLike(Protocol):
    start: int
    end: int
    text: str
    label: str
    strength: int


def classify_place(doc: Doc, name: _NameLike, gaz: Gazetteer) -> tuple[str, int, str | None] | None:
    """(kind, strength, country ISO) when ``name`` is a place, else None."""
    span = doc.char_span(name.start, name.end, alignment_mode="expand")
    if span is None:
        return None
    key = normalise_name(name.text)
    following = doc[span.end].lower_ if span.end < len(doc) else ""
    if following in _REGION_WORDS and name.label != "PERSON":
        country = _country_before(doc, span.start, gaz) or _country_after(doc, span.end + 1, gaz)
        return "region", 1, country
    state = gaz.state(key)
    if state is not None and name.label in {"GPE", "LOC"}:
        return "region", 1, state.country_iso
    city = gaz.city(key, primary_only=name.label not in {"GPE", "LOC"})
    if city is not None and _city_reading_allowed(name, city.population):
        return "city", 1, city.country_iso
    if name.label == "FAC":
        first = gaz.city(span[0].text)
        return "facility", 1, first.country_iso if first else None
    if name.label in {"GPE", "LOC"}:
        return "region", 0, _country_before(doc, span.start, gaz)
    return None


def facility_country(name: str, gaz: Gazetteer) -> str | None:
    """The ISO code of the country a facility is in, from the place it is named
    after: the words it opens with ("Baghdad International Airport", "the Iraqi
    National Museum") or those after "of" ("the University of Tehran")."""
    words = normalise_name(name).split()
    starts = [0] + [i + 1 for i, w in enumerate(words) if w == "of"]
    for i in starts:
        for size in (3, 2, 1):
            part = " ".join(words[i : i + size])
            # The place is part of the name, never all of it: "White House" is also an
            # alternate name of Casablanca, and says nothing of where the building is.
            if i + size > len(words) or (i == 0 and size == len(words)) or not part[:1].isupper():
                continue
            country = gaz.country(part) or gaz.demonym(part)
            if country is not None:
                return country.iso
            city = gaz.city(part)
            if city is not None:
                return city.country_iso
    return None


def _city_reading_allowed(name: _NameLike, population: int) -> bool:
    if name.label == "ORG":
        return population >= _MIN_POPULATION_AGAINST_LABEL
    if name.label != "PERSON":
        return True
    single_word = " " not in name.text.strip()
    return single_word and name.strength < 2 and population >= _MIN_POPULATION_AGAINST_LABEL


def _country_before(doc: Doc, i: int, gaz: Gazetteer) -> str | None:
    """'Iraqi Kurdistan': a demonym right before a region names its country."""
    if i == 0:
        return None
    word = doc[i - 1].text
    country = gaz.demonym(word) or (gaz.country(word) if word[0].isupper() else None)
    return country.iso if country else None


_COMPASS = word_set("""
    northern southern eastern western central north south east west northeastern
    northwestern southeastern southwestern northeast northwest southeast southwest
    """)


def _country_after(doc: Doc, i: int, gaz: Gazetteer) -> str | None:
    """'the Dukan region in northern Iraq', '... of Iraq': the country right after."""
    if i >= len(doc) or doc[i].lower_ not in {"in", "of"}:
        return None
    j = i + 1
    while j < len(doc) and (doc[j].lower_ in _COMPASS or doc[j].lower_ == "the"):
        j += 1
    for k in (j + 1, j + 2, j + 3):
        country = gaz.country(doc[j:k].text) if k <= len(doc) else None
        if country is not None:
            return country.iso
    return None


def _coordinates(ent: Entity, gaz: Gazetteer) -> list[float] | None:
    if ent.kind != "city":
        return None
    for n in ent.names:
        city = gaz.city(n.key)
        if city is not None:
            return [city.latitude, city.longitude]
    return None


def _country_id(ent: Entity, gaz: Gazetteer) -> str | None:
    for n in ent.names:
        if n.country:
            country = gaz.country_by_iso(n.country)
            if country is not None:
                return country.id
    return None


def _place_kind(kind: str) -> str:
    return kind if kind in {"city", "region", "facility", "country"} else "other"


def _record(ent: Entity, article: Article, gaz: Gazetteer, kind: str) -> dict[str, object]:
    rec: dict[str, object] = {"id": ent.id, "name": ent.name, "kind": _place_kind(kind)}
    country = _country_id(ent, gaz)
    if country and country != ent.id:
        rec["country"] = country
    coords = _coordinates(ent, gaz)
    if coords:
        rec["coordinates"] = coords
    aliases = sorted({normalise_name(n.text) for n in ent.names} - {ent.name})
    if aliases:
        rec["aliases"] = aliases
    first = ent.names[0]
    rec["evidence"] = article.text[first.start : first.end]
    return rec


def place_records(entities: Entities, article: Article, doc: Doc) -> list[dict[str, object]]:
    """Places in the data contract's field names, in order of first mention."""
    gaz = load_gazetteer()
    records: list[tuple[int, dict[str, object]]] = []
    for ent in entities.places:
        records.append((ent.names[0].start, _record(ent, article, gaz, ent.kind)))
    return [r for _, r in sorted(records, key=lambda p: p[0])]

"""Places: cities, regions, facilities and the countries an article locates things in.

A name is a place when the gazetteer knows it as a city or a US state, when a
region word follows it ("the Dukan region"), or when the model calls it a
facility or location. Coordinates come only from the gazetteer: a place the
gazetteer does not know is kept, without coordinates, rather than guessed.
Countries are actors; they are also places when the article locates something
in them ("in Iraq", "to Iran").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from briefkit.extractors.gazetteer import Gazetteer, load_gazetteer, normalise_name, word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from briefkit.article import Article
    from briefkit.extractors.actors import Entities, Entity

_REGION_WORDS = word_set("region province district governorate territory area state")
_LOCATIVE = word_set("in to from into across throughout near at inside outside toward towards")
# People are more often named after small towns than the reverse.
_MIN_POPULATION_FOR_PERSON_LABEL = 100_000


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
        return "region", 1, _country_before(doc, span.start, gaz)
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


def _city_reading_allowed(name: _NameLike, population: int) -> bool:
    if name.label != "PERSON":
        return True
    single_word = " " not in name.text.strip()
    return single_word and name.strength < 2 and population >= _MIN_POPULATION_FOR_PERSON_LABEL


def _country_before(doc: Doc, i: int, gaz: Gazetteer) -> str | None:
    """'Iraqi Kurdistan': a demonym right before a region names its country."""
    if i == 0:
        return None
    word = doc[i - 1].text
    country = gaz.demonym(word) or (gaz.country(word) if word[0].isupper() else None)
    return country.iso if country else None


def _is_locative(doc: Doc, start: int) -> bool:
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    prev = doc[span.start - 1]
    if prev.lower_ == "the" and span.start >= 2:
        prev = doc[span.start - 2]
    return prev.lower_ in _LOCATIVE


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
    for ent in entities.actors:
        if ent.kind != "country":
            continue
        located = [n for n in ent.names if not n.demonym and _is_locative(doc, n.start)]
        if located:
            rec = _record(ent, article, gaz, "country")
            rec["evidence"] = _locative_evidence(doc, located[0].start, located[0].end)
            rec.pop("aliases", None)
            records.append((located[0].start, rec))
    return [r for _, r in sorted(records, key=lambda p: p[0])]


def _locative_evidence(doc: Doc, start: int, end: int) -> str:
    span = doc.char_span(start, end, alignment_mode="expand")
    assert span is not None
    i = span.start - 1
    if doc[i].lower_ == "the":
        i -= 1
    return doc.text[doc[i].idx : end]

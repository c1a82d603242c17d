"""Places: gazetteer cities with coordinates and country, regions, facilities."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefkit.article import Article, parse_article, read_article
from briefkit.extractors.actors import actor_records, resolve_entities
from briefkit.extractors.gazetteer import load_gazetteer
from briefkit.extractors.nlp import load_model
from briefkit.extractors.places import facility_country, place_records
from briefkit.extractors.types import Entities

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "000_465411d9f143cfd2.txt"


def _places(article) -> dict[str, dict[str, object]]:
    doc = load_model()(article.body)
    return {p["id"]: p for p in place_records(resolve_entities(article, doc), article, doc)}


def _resolved(text: str) -> tuple[Article, Entities]:
    article = parse_article(text)
    return article, resolve_entities(article, load_model()(article.body))


@pytest.fixture(scope="module")
def seed_places() -> dict[str, dict[str, object]]:
    if not SEED.exists():
        pytest.skip(f"the seed article is not at {SEED}")
    return _places(read_article(SEED))


def test_seed_cities_have_coordinates_and_country(
    seed_places: dict[str, dict[str, object]],
) -> None:
    baghdad = seed_places["baghdad"]
    assert baghdad["kind"] == "city"
    assert baghdad["country"] == "iraq"
    assert baghdad["coordinates"] == [33.34, 44.4]
    for city in ("karbala", "najaf", "basra", "sulaymaniyah", "erbil"):
        assert seed_places[city]["kind"] == "city"
        assert seed_places[city]["country"] == "iraq"
    assert seed_places["tehran"]["country"] == "iran"


def test_seed_regions_and_facilities(seed_places: dict[str, dict[str, object]]) -> None:
    assert seed_places["dukan"]["kind"] == "region"
    assert "coordinates" not in seed_places["dukan"]
    assert seed_places["baghdad-airport"]["kind"] == "facility"
    assert seed_places["baghdad-airport"]["country"] == "iraq"
    assert seed_places["kurdistan"]["kind"] == "region"


def test_countries_are_actors_not_places(seed_places: dict[str, dict[str, object]]) -> None:
    assert "iraq" not in seed_places
    assert "china" not in seed_places


def test_a_region_word_joins_the_name_and_the_country_after_it_locates_it() -> None:
    places = _places(
        parse_article(
            "The group was evicted and moved to the Darvan region in northern Iraq. "
            "Iraqi Darvan has long been a refuge, and the Darvan region stayed calm."
        )
    )
    darvan = places["darvan"]  # the id is the bare name, whatever form names it
    assert darvan["kind"] == "region"
    assert darvan["country"] == "iraq"
    assert darvan["name"] == "Darvan region"


def test_seed_region_is_named_by_its_specific_form(
    seed_places: dict[str, dict[str, object]],
) -> None:
    kurdistan = seed_places["kurdistan"]
    assert kurdistan["name"] == "Iraqi Kurdistan"
    assert "Kurdistan region" in kurdistan["aliases"]
    assert seed_places["dukan"]["country"] == "iraq"  # "the Dukan region in northern Iraq"


def test_alternate_spellings_do_not_turn_organizations_into_towns() -> None:
    places = _places(parse_article("Hamas said on Monday that talks in Cairo had stalled."))
    assert "hamas" not in places
    assert places["cairo"]["country"] == "egypt"


def test_place_evidence_is_verbatim(seed_places: dict[str, dict[str, object]]) -> None:
    text = read_article(SEED).text
    for place in seed_places.values():
        assert str(place["evidence"]) in text


def test_a_facility_is_in_the_country_of_the_place_it_is_named_after() -> None:
    places = _places(
        parse_article(
            "Rockets struck Basra International Airport on Monday, and guards at the "
            "Iraqi National Museum were put on alert."
        )
    )
    facilities = {p["name"]: p for p in places.values() if p["kind"] == "facility"}
    assert facilities["Basra International Airport"]["country"] == "iraq"
    assert facilities["Iraqi National Museum"]["country"] == "iraq"


def test_a_state_abbreviation_is_the_state_named_in_full() -> None:
    article = parse_article(
        "The plant in Topeka, Kan., will close next year, the company said. "
        "About 400 people in Kansas work there."
    )
    places = _places(article)
    assert "kan" not in places
    assert places["kansas"]["kind"] == "region"
    assert places["kansas"]["aliases"] == ["Kan."]


def test_a_wire_datelines_capitals_are_its_city() -> None:
    # The model reads the capitals as a body; AP style names the city there, so a
    # state of the same name does not win either.
    article = parse_article(
        "Senators push drug price bill\nWASHINGTON (AP) — The Senate voted on Tuesday to "
        "take up the bill.\n"
    )
    entities = resolve_entities(article, load_model()(article.body))
    assert "washington" not in {a["id"] for a in actor_records(entities, article)}
    assert {p.name.lower(): p.kind for p in entities.places}.get("washington") == "city"


def test_a_datelines_city_under_a_headline_ending_in_a_number() -> None:
    article = parse_article(
        "Actor dies at 91\nLOS ANGELES (AP) — Gene Holloway, who appeared in more than 200 "
        "films, has died.\n"
    )
    entities = resolve_entities(article, load_model()(article.body))
    assert {p.name.lower(): p.kind for p in entities.places}.get("los angeles") == "city"


def test_a_city_named_before_its_mayors_title_stays_a_city() -> None:
    # The model reads "Dayton" as a body; the mayor's office says it is a place.
    article = parse_article(
        "Ex-mayor sentenced\nA federal judge sentenced former Dayton Mayor Ron Keller to "
        "five years in prison on Wednesday.\n"
    )
    entities = resolve_entities(article, load_model()(article.body))
    assert {p.name: p.kind for p in entities.places}.get("Dayton") == "city"
    assert "dayton" not in {a["id"] for a in actor_records(entities, article)}


def test_a_city_written_without_its_accents_is_the_city() -> None:
    # GeoNames spells it "Herāt"; news writes "Herat", and the model reads a body.
    # "from Herat, their home" writes it as a place, so the gazetteer's city stands.
    article, entities = _resolved(
        "Team denied visas\nThe team had to travel about 500 miles from Herat, their home, "
        "to the capital in Kabul, through territory controlled by the Taliban.\n"
    )
    assert {p.name: p.kind for p in entities.places}.get("Herat") == "city"
    assert "herat" not in {a["id"] for a in actor_records(entities, article)}


def test_a_given_name_is_no_city_for_its_accented_namesake() -> None:
    # "León" is a city of a million; "Leon", a person's given name, stays the person.
    _, entities = _resolved("Coach quits\nLeon said on Monday that he would resign.\n")
    assert "Leon" not in {p.name for p in entities.places}


def test_a_facility_named_only_by_an_alternate_city_name_is_not_placed() -> None:
    # "White House" is among Casablanca's alternate names; the name is all of it.
    gaz = load_gazetteer()
    assert facility_country("White House", gaz) is None
    assert facility_country("Baghdad International Airport", gaz) == "IQ"

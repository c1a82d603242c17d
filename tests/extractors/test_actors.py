"""Actors: one per real-world actor, typed by what the text makes certain, with roles."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Span

from briefkit.article import Article, parse_article, read_article
from briefkit.extractors.actors import (
    actor_records,
    build_entities,
    person_gender,
    read_names,
    resolve_entities,
)
from briefkit.extractors.gazetteer import load_gazetteer, slugify
from briefkit.extractors.nlp import load_model
from briefkit.extractors.types import Name

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "000_465411d9f143cfd2.txt"


@pytest.fixture(scope="module")
def seed_actors() -> dict[str, dict[str, object]]:
    if not SEED.exists():
        pytest.skip(f"the seed article is not at {SEED}")
    article = read_article(SEED)
    entities = resolve_entities(article, load_model()(article.body))
    return {a["id"]: a for a in actor_records(entities, article)}


def _actors(text: str) -> dict[str, dict[str, object]]:
    article = parse_article(text)
    entities = resolve_entities(article, load_model()(article.body))
    return {a["id"]: a for a in actor_records(entities, article)}


def _in_one_sentence(article: Article, span: str) -> bool:
    start = article.text.find(span)
    sent = article.sentence_at(start)
    return start >= 0 and sent is not None and start + len(span) <= sent.end


def test_seed_actors_have_the_right_kinds(seed_actors: dict[str, dict[str, object]]) -> None:
    expected = {
        "masoud-pezeshkian": "person",
        "mohammed-shia-al-sudani": "person",
        "abdul-latif-rashid": "person",
        "hamid-hosseini": "person",
        "abbas-araghchi": "person",
        "saddam-hussein": "person",
        "ismail-haniyeh": "person",
        "behzad-khosravi": "person",
        "iran": "country",
        "iraq": "country",
        "united-states": "country",
        "israel": "country",
        "saudi-arabia": "country",
        "islamic-state": "organization",
        "hamas": "organization",
        "komala": "organization",
        "al-forat": "organization",
        "kurdistan-democratic-party": "organization",
    }
    for ident, kind in expected.items():
        assert seed_actors[ident]["kind"] == kind, ident


def test_seed_cities_and_junk_are_not_actors(seed_actors: dict[str, dict[str, object]]) -> None:
    for not_actor in ("erbil", "baghdad", "sulaymaniyah", "kurdish", "pivotal-alliance"):
        assert not_actor not in seed_actors


def test_seed_roles_from_appositions(seed_actors: dict[str, dict[str, object]]) -> None:
    roles = {
        "masoud-pezeshkian": ("President of Iran", "iran"),
        "mohammed-shia-al-sudani": ("Prime Minister of Iraq", "iraq"),
        "abdul-latif-rashid": ("President of Iraq", "iraq"),  # "its president"
        "abbas-araghchi": ("Foreign Minister of Iran", "iran"),
        "saddam-hussein": ("Leader of Iraq", "iraq"),
        "ismail-haniyeh": ("Political Leader of Hamas", "hamas"),
    }
    for ident, (role, affiliation) in roles.items():
        assert seed_actors[ident]["role"] == role
        assert seed_actors[ident]["affiliation"] == affiliation
    hosseini = seed_actors["hamid-hosseini"]
    assert hosseini["role"] == "Member of the board of directors"
    chamber = seed_actors[str(hosseini["affiliation"])]
    assert chamber["kind"] == "organization"
    assert "Joint Chamber of Commerce" in str(chamber["name"])
    assert seed_actors["behzad-khosravi"]["affiliation"] == "kurdistan-democratic-party"


def test_seed_aliases_merge_within_the_article(seed_actors: dict[str, dict[str, object]]) -> None:
    assert "Mr. Pezeshkian" in seed_actors["masoud-pezeshkian"]["aliases"]
    assert "Mr. Hosseini" in seed_actors["hamid-hosseini"]["aliases"]
    us = seed_actors["united-states"]
    assert us["name"] == "United States"
    assert {"U.S.", "American"} <= set(us["aliases"])
    assert "Iranian" in seed_actors["iran"]["aliases"]
    ids = list(seed_actors)
    assert len(ids) == len(set(ids))
    assert not any(i.startswith(("pezeshkian", "mr-")) for i in ids)


def test_every_actor_evidence_is_in_one_sentence(seed_actors: dict[str, dict[str, object]]) -> None:
    article = read_article(SEED)
    for actor in seed_actors.values():
        assert _in_one_sentence(article, str(actor["evidence"])), actor


def test_names_only_in_a_credit_or_a_title_case_headline_are_no_actors() -> None:
    actors = _actors(
        "Mayor Closes Harbour Bridge To Trucks\n"
        "The city's mayor, Ana Ruiz, closed the bridge to trucks on Monday after "
        "engineers found cracks in its deck.\n"
        "Photo: Trucks wait at the bridge. Credit: Tom Weller for The Daily Ledger\n"
        "Getty Images\n"
        "Ruiz said the bridge would reopen in the spring.\n"
    )
    assert "ana-ruiz" in actors
    # "Mayor Closes Harbour Bridge" is the headline's capitals, not a mayor's name;
    # the photographer and the agency made the picture, they are not in the story.
    assert not any("closes" in i or "weller" in i or "getty" in i for i in actors), actors
    # A name the headline shares with the story stays.
    shared = _actors("Ruiz Closes Bridge\nAna Ruiz, the mayor, closed the bridge on Monday.\n")
    assert "ana-ruiz" in shared


def test_titles_surnames_and_demonyms() -> None:
    actors = _actors(
        "German Chancellor Olaf Scholz met French officials in Paris on Monday. "
        "Mr. Scholz said the talks went well. Scholz later flew to Berlin."
    )
    scholz = actors["olaf-scholz"]
    assert scholz["kind"] == "person"
    assert scholz["affiliation"] == "germany"
    assert scholz["role"] == "Chancellor of Germany"
    assert actors["france"]["kind"] == "country"
    assert "paris" not in actors and "scholz" not in actors


def test_called_and_apposition_make_organizations() -> None:
    actors = _actors(
        "Police arrested members of a militant group called Sabra. "
        "The minister spoke to a Kenyan newspaper, Daily Mwangaza, on Friday."
    )
    assert actors["sabra"]["kind"] == "organization"
    assert actors["daily-mwangaza"]["kind"] == "organization"


def test_acronym_joins_the_name_it_abbreviates() -> None:
    actors = _actors(
        "The Democratic Alliance Party won the vote. The DAP said it would govern alone."
    )
    assert actors["democratic-alliance-party"]["kind"] == "organization"
    assert "dap" not in actors


def test_gazetteer_covers_countries_beyond_the_seed() -> None:
    gaz = load_gazetteer()
    assert gaz.demonym("Brazilian").id == "brazil"
    assert gaz.demonym("Filipinos").id == "philippines"
    assert gaz.country("the U.K.").id == "united-kingdom"
    assert gaz.demonym("Kurdish") is None  # a people, not a state
    assert slugify("Mohammed Shía al-Sudani") == "mohammed-shia-al-sudani"


def _mentions(text: str) -> list[tuple[str, str]]:
    article = parse_article(text)
    entities = resolve_entities(article, load_model()(article.body))
    return [(m.text, m.ref) for m in entities.mentions]


def test_seed_bare_surname_is_an_alias(seed_actors: dict[str, dict[str, object]]) -> None:
    assert "Pezeshkian" in seed_actors["masoud-pezeshkian"]["aliases"]
    khosravi = seed_actors["behzad-khosravi"]
    assert str(khosravi["role"]).lower() == "kurdish political activist"  # not his party
    assert khosravi["affiliation"] == "kurdistan-democratic-party"


def test_every_bare_surname_is_a_mention_of_the_full_name() -> None:
    mentions = _mentions(
        "Harold Quenby, a local builder, sued the council on Monday. Quenby said the "
        "permit was revoked without notice. The council told Quenby to reapply."
    )
    assert [m for m in mentions if m[0] == "Quenby"] == [("Quenby", "harold-quenby")] * 2


def test_a_surname_the_model_took_for_a_town_joins_the_person() -> None:
    actors = _actors(
        "Daniel Montalvo left the group in 2009. Montalvo said he had been held for "
        "months. Montalvo now lives in Ohio."
    )
    assert actors["daniel-montalvo"]["kind"] == "person"
    assert "montalvo" not in actors


def test_a_given_name_makes_a_pair_a_person() -> None:
    from briefkit.extractors.actors import _is_personal_name

    gaz = load_gazetteer()
    assert _is_personal_name("Paul Dewart", gaz)
    assert not _is_personal_name("Paul Street", gaz)  # a street, whatever its first word
    assert not _is_personal_name("Thomas Cook Group", gaz)
    assert not _is_personal_name("Dewart", gaz)


def test_buildings_and_sites_are_places() -> None:
    from briefkit.extractors.actors import _is_facility_name

    assert _is_facility_name("Kellan Space Center")
    assert _is_facility_name("Museum of Flight")
    assert _is_facility_name("White House")
    assert not _is_facility_name("House of Commons")
    assert not _is_facility_name("Center for Policy Studies")


def test_countries_that_play_each_other_stay_countries() -> None:
    # GUIDE §2 rule 1: a national side is the country it plays for.
    actors = _actors(
        "Brazil defeated Norway 2 – 1 on Saturday. Norway had more of the ball, but "
        "Brazil scored twice in the second half. Norwegian captain Lars Ekwall was booked."
    )
    assert actors["brazil"]["kind"] == "country"
    assert actors["norway"]["kind"] == "country"
    assert "Norwegian" in actors["norway"]["aliases"]


def test_the_other_side_of_a_countrys_score_is_a_country() -> None:
    # A national side the gazetteer does not list as a state is one all the same
    # (GUIDE §2 rule 1); its points are a side's, not an index's.
    actors = _actors(
        "Tunisia lost 1 – 2 to England on Monday. England had more of the ball, and the "
        "match ended with England winning 2 – 1 and collecting three points."
    )
    assert actors["england"]["kind"] == "country"


def test_products_and_indices_are_things_and_time_zones_are_dropped() -> None:
    actors = _actors(
        "Orchard Inc. unveiled the new iWidget at 17:00 UTC. Orchard said the iWidget "
        "would ship with the X900 chip. The Vantor 250 index rose, and the Vantor closed higher."
    )
    assert not any(a.startswith("utc") for a in actors)
    things = [a for a in actors if a.startswith(("iwidget", "x900", "vantor"))]
    assert things and all(actors[a]["kind"] == "other" for a in things)
    assert actors["orchard-inc"]["kind"] == "organization"


def test_a_name_modifying_a_made_product_noun_is_the_product() -> None:
    # The maker is the possessor, or the product verb's subject; the name is the product.
    kinds = {n.text: n.kind for n in read_names(load_model()(
        "The flaw affects Microsoft's Quorra browser, researchers said. In 1984 the "
        "first Velorin personal computer was released to buyers."
    ))}  # fmt: skip
    assert kinds["Microsoft"] == "organization"
    assert kinds["Quorra"] == "other"
    assert kinds["Velorin"] == "other"


def test_a_list_the_text_has_counted_is_that_many_names() -> None:
    # The small model reads "the Fusion and Taurus" as one organization; "two sedans"
    # before it says they are two, and the noun says they are things.
    kinds = {n.text: n.kind for n in read_names(load_model()(
        "Growth came from two sedans, the Fusion and Taurus, which sold well in May."
    ))}  # fmt: skip
    assert kinds.get("Fusion") == "other"
    assert kinds.get("Taurus") == "other"
    assert "Fusion and Taurus" not in kinds
    # A list the model reads as two names of other kinds is counted all the same.
    kinds = {n.text: n.kind for n in read_names(load_model()(
        "Sales were led by two sedans, the Mondeo and Focus, which rose 40% and 12%."
    ))}  # fmt: skip
    assert (kinds.get("Mondeo"), kinds.get("Focus")) == ("other", "other")
    # The same list after a count of bodies names bodies.
    kinds = {n.text: n.kind for n in read_names(load_model()(
        "Sales were led by two carmakers, the Solace and Tempest, which rose 40% and 12%."
    ))}  # fmt: skip
    assert kinds.get("Tempest") == "organization"
    # Nothing counts "Procter and Gamble": one name.
    kinds = {n.text: n.kind for n in read_names(load_model()("Shares of Procter and Gamble rose."))}
    assert kinds.get("Procter and Gamble") == "organization"


def test_a_name_coordinated_with_a_product_is_a_product_unless_it_acts() -> None:
    kinds = {n.text: n.kind for n in read_names(load_model()(
        "Analysts credited him with the success of the iPad and Velorin Air."
    ))}  # fmt: skip
    assert kinds["Velorin Air"] == "other"
    # A maker that speaks keeps its reading, though it is listed with a product.
    kinds = {n.text: n.kind for n in read_names(load_model()(
        "Analysts credited him with the success of the iWidget and Quorra Pro. "
        "Quorra Pro said sales rose."
    ))}  # fmt: skip
    assert kinds["Quorra Pro"] != "other"


def test_a_name_modifying_a_device_noun_that_its_owner_names_is_the_product() -> None:
    kinds = {n.text: n.kind for n in read_names(load_model()(
        "The SEC said he misled investors about the company's Zephyr tablet. "
        "Tarvo said its Quorra browser would be updated."
    ))}  # fmt: skip
    assert kinds["Zephyr"] == "other"
    assert kinds["Quorra"] == "other"
    assert kinds["Tarvo"] == "organization"


def test_a_version_between_a_name_and_its_product_noun_is_part_of_the_name() -> None:
    doc = load_model()("Engineers tested the Zentix OS X operating system on Monday.")
    zentix = next(t.i for t in doc if t.text == "Zentix")
    doc.ents = [Span(doc, zentix, zentix + 1, label="ORG")]  # as the model reads it elsewhere
    names = [(n.text, n.kind) for n in read_names(doc)]
    assert names == [("Zentix OS X", "other")]


def test_a_maker_inside_a_model_name_belongs_to_the_product() -> None:
    article = parse_article(
        "Skyward, the aircraft maker, said on Monday that the first Skyward K450 had flown. "
        "Lindqvist bought four Skyward K450s and two 990 Stratoliners in March 2021."
    )
    entities = resolve_entities(article, load_model()(article.body))
    kinds = {a.name: a.kind for a in entities.actors}
    assert kinds["Skyward"] != "other"
    assert kinds["Skyward K450"] == "other"
    assert kinds.get("990 Stratoliners") == "other"
    company = [m.text for m in entities.mentions if m.ref == "skyward"]
    assert company == ["Skyward"]  # not the two inside the model's name
    assert not any(a.name.startswith("March") for a in entities.actors)


def test_an_index_is_what_moves_by_points_and_events_are_not_organizers() -> None:
    actors = _actors(
        "The Brenmark fell 212 points on Tuesday. Analysts met at the Harlow Traders "
        "Summit, where Fennimore Capital said prices would recover."
    )
    assert actors["brenmark"]["kind"] == "other"
    assert actors["harlow-traders-summit"]["kind"] == "other"


def test_a_countrys_unnamed_body_that_speaks_is_an_organization() -> None:
    actors = _actors(
        "Rockets hit a base near the border. Peru’s joint command said it was "
        "investigating, and Chile’s interior ministry announced new patrols."
    )
    assert actors["peru-joint-command"]["name"] == "joint command"
    assert actors["peru-joint-command"]["affiliation"] == "peru"
    assert actors["peru-joint-command"]["kind"] == "organization"
    assert actors["chile-interior-ministry"]["affiliation"] == "chile"


def test_a_title_inside_the_name_is_a_role_not_part_of_the_name() -> None:
    from briefkit.extractors.actors import read_names

    doc = load_model()("Spokeswoman Sandy Berrow said the plant would close.")
    names = [n for n in read_names(doc) if "Berrow" in n.text]
    assert [(n.text, n.kind) for n in names] == [("Sandy Berrow", "person")]


def _names(text: str) -> dict[str, tuple[str, list[str]]]:
    """Every actor's and place's id -> (kind, names as written), for typing tests."""
    article = parse_article(text)
    entities = resolve_entities(article, load_model()(article.body))
    return {e.id: (e.kind, [n.text for n in e.names]) for e in entities.actors + entities.places}


def test_continents_and_their_adjectives_are_places() -> None:
    found = _names(
        "Stocks fell across Asia on Monday. Asian markets slid, and European "
        "governments met to discuss the crisis spreading to Europe."
    )
    assert found["asia"] == ("region", ["Asia", "Asian"])  # not the town of Asia
    kind, names = found["europe"]
    assert kind == "region"
    assert set(names) == {"European", "Europe"}


def test_a_continents_adjective_alone_makes_no_place() -> None:
    found = _names("Kestrel Air's European rival, Orvel Airlines, cut North American fares.")
    assert "europe" not in found
    assert "north-america" not in found
    assert found["orvel-airlines"][0] == "organization"


def test_a_company_the_model_calls_a_place_is_a_body_when_it_acts() -> None:
    found = _names(
        "Zentrolix sues Varnock for patent theft. Zentrolix states that it owns the "
        "patent. Sales grew in Ohio."
    )
    assert found["zentrolix"][0] == "organization"
    assert found["ohio"][0] == "region"  # a known place stays a place


def test_a_models_plural_is_the_model() -> None:
    actors = _actors(
        "Orvel Airlines ordered ten Kestrel 880 Skyliners. The Kestrel 880 Skyliner "
        "will fly in 2012, and older K770s will be retired, as the Velmar K770 was."
    )
    assert "kestrel-880-skyliners" not in actors
    assert actors["kestrel-880-skyliner"]["kind"] == "other"
    assert "Kestrel 880 Skyliners" not in actors["kestrel-880-skyliner"].get("aliases", [])
    assert "k770s" not in actors


def test_a_model_named_without_its_series_letter_is_one_thing() -> None:
    actors = _actors(
        "Velmar unveiled the Velmar K990 in Paris. The Velmar 990 will fly for Orvel "
        "Airlines, and the Orvel Airlines K990 will be the first one delivered."
    )
    things = [a for a in actors.values() if a["kind"] == "other"]
    assert len(things) == 1, things


def test_an_acronym_of_a_kind_of_thing_is_no_actor() -> None:
    actors = _actors("Kelvar Motors will keep building the Vue and the SUV's for two years.")
    assert "suv" not in actors
    assert "kelvar-motors" in actors


def test_a_maker_and_the_product_it_names_elsewhere_is_the_product() -> None:
    from spacy.tokens import Doc, Span

    from briefkit.extractors.actors import _maker_and_product

    words = ["Kelvar", "Corsair", "returns", ".", "The", "Corsair", "survived", "."]
    doc = Doc(load_model().vocab, words=words)
    doc.ents = [Span(doc, 0, 2, label="ORG"), Span(doc, 5, 6, label="PRODUCT")]
    assert _maker_and_product(doc, "Kelvar Corsair")
    assert not _maker_and_product(doc, "Kelvar Motors")
    assert not _maker_and_product(doc, "Corsair")


def test_a_portfolio_inside_a_post_is_no_person() -> None:
    from spacy.tokens import Doc

    from briefkit.extractors.actors import _unfounded
    from briefkit.extractors.types import Entity, Name

    words = ["Deputy", "Defense", "Secretary", "Marlow", "spoke", "."]
    doc = Doc(load_model().vocab, words=words)
    start = doc[1].idx
    portfolio = Name(start, start + 7, "Defense", "PERSON", "person", 2, "Defense")
    assert _unfounded(Entity("defense", "Defense", "person", [portfolio]), doc)
    start = doc[3].idx
    person = Name(start, start + 6, "Marlow", "PERSON", "person", 2, "Marlow")
    assert not _unfounded(Entity("marlow", "Marlow", "person", [person]), doc)


def test_two_actors_joined_by_a_hyphen_are_no_third() -> None:
    from briefkit.extractors.actors import _without_joined_pairs
    from briefkit.extractors.types import Entity, Name

    def ent(ident: str, key: str) -> Entity:
        return Entity(ident, key, "organization", [Name(0, len(key), key, "ORG", key=key)])

    found = _without_joined_pairs(
        [ent("kelvar", "Kelvar"), ent("navy", "Navy"), ent("kelvar-navy", "Kelvar-Navy")]
    )
    assert [e.id for e in found] == ["kelvar", "navy"]
    kept = _without_joined_pairs([ent("kelvar", "Kelvar"), ent("rolls-royce", "Rolls-Royce")])
    assert [e.id for e in kept] == ["kelvar", "rolls-royce"]


def test_an_index_named_with_its_countrys_adjective_is_named_without_it() -> None:
    actors = _actors("The German Zorblax index fell 300 points on Monday.")
    assert "german-zorblax" not in actors
    assert actors["zorblax"]["kind"] == "other"


def test_a_post_word_the_model_read_into_a_body_is_the_posts() -> None:
    actors = _actors(
        "Kelvar Motors sold cars. Kelvar Motors Executive Vice President Mara Lindqvist said "
        "sales rose."
    )
    assert "kelvar-motors-executive" not in actors
    assert actors["mara-lindqvist"]["affiliation"] == "kelvar-motors"
    assert actors["mara-lindqvist"]["role"] == "Executive Vice President of Kelvar Motors"


def test_a_countrys_government_is_the_country() -> None:
    actors = _actors(
        "The loan will be repaid to the Canadian Government and the United States "
        "Government by 2015, Canada said."
    )
    assert "Canadian Government" in actors["canada"]["aliases"]
    assert "United States Government" in actors["united-states"]["aliases"]
    assert not any("government" in ident for ident in actors)


def test_a_noun_right_before_a_name_says_what_it_is() -> None:
    actors = _actors(
        "Sales at electronics retailer Best Buy fell, German magazine Der Spiegel "
        "reported on Monday."
    )
    assert actors["best-buy"]["kind"] == "organization"
    assert actors["der-spiegel"]["kind"] == "organization"


def test_a_company_named_in_full_then_by_its_first_word_is_one_organization() -> None:
    actors = _actors(
        "Chrysler was sold to Halvorsen Capital Management last year. Halvorsen has "
        "agreed to take on billions of dollars of debt."
    )
    company = actors["halvorsen-capital-management"]
    assert company["kind"] == "organization"
    assert "Halvorsen" in company.get("aliases", [])
    assert "halvorsen" not in actors


def test_a_name_in_apposition_to_a_company_noun_is_found() -> None:
    found = _names("The carmaker will cut 10,000 jobs at its European division, Opel.")
    assert found["opel"][0] == "organization"


def test_the_airline_of_a_flight_is_an_organization() -> None:
    actors = _actors("Investigators studied the loss of Kestrel Air Flight 574 last year.")
    assert actors["kestrel-air"]["kind"] == "organization"
    assert not any("flight" in ident for ident in actors)


def test_an_office_named_after_its_body_leaves_the_body_its_name() -> None:
    found = _names(
        "“A collapse would be painful,” said Dana Perino, the White House Press Secretary."
    )
    assert found["white-house"][0] == "facility"
    assert found["dana-perino"][0] == "person"
    assert not any("secretary" in ident for ident in found)


def test_an_acronym_in_brackets_after_an_organization_is_its_name() -> None:
    actors = _actors(
        "The Northern Grain Board (NGB) raised its forecast. Farmers welcomed the "
        "decision of the Northern Grain Board."
    )
    board = actors["northern-grain-board"]
    assert "NGB" in board.get("aliases", [])
    assert "ngb" not in actors


def test_a_band_named_with_the_is_not_a_person() -> None:
    actors = _actors("Apple Corps, the record company of the Beatles, lost the case.")
    beatles = [a for a in actors.values() if a["name"] == "Beatles"]
    assert beatles and beatles[0]["kind"] == "organization"


def test_the_whole_title_before_a_name_is_the_role() -> None:
    actors = _actors(
        "Ohio senator Mina Vasquez met Kelvar spokesman Otto Brand "
        "and science fiction writer Pella Marsh. They heard former Dunmore Motors CEO Ivo Lind. "
        "Sen. Rafe Odell and Swedish captain Lars Ekwall were there too."
    )
    assert actors["mina-vasquez"]["role"] == "senator of Ohio"  # an office held for a state
    assert actors["otto-brand"]["role"].lower() == "spokesman of kelvar"
    assert actors["pella-marsh"]["role"] == "science fiction writer"
    assert actors["ivo-lind"]["role"] == "former CEO of Dunmore Motors"
    assert actors["rafe-odell"]["role"] == "Senator"
    assert actors["lars-ekwall"]["role"] == "captain of Sweden"
    assert actors["lars-ekwall"]["affiliation"] == "sweden"


def test_a_rank_alone_is_no_role_and_a_post_beside_it_wins() -> None:
    actors = _actors(
        "General Tomas Reyna inspected the base. Later, the Velmar Air Corps chief of "
        "staff, General Ana Sorel, spoke to reporters."
    )
    assert "role" not in actors["tomas-reyna"]
    assert "chief of staff" in str(actors["ana-sorel"].get("role", "")).lower()


def test_a_word_only_ever_written_before_a_title_is_part_of_the_title() -> None:
    actors = _actors("Home Secretary Dana Pell said the plan would go ahead.")
    assert actors["dana-pell"]["role"] == "Home Secretary"
    assert "affiliation" not in actors["dana-pell"]


def test_no_role_from_a_word_of_the_sentence_before_a_name() -> None:
    actors = _actors("On Monday, police arrested Ivan Petrov and questioned Maria Lunde.")
    assert "role" not in actors["ivan-petrov"]
    assert "role" not in actors["maria-lunde"]


def test_a_relational_role_names_the_other_person() -> None:
    actors = _actors("Peter Marsh said he was tired. His wife, Mary Roe, agreed.")
    assert actors["mary-roe"]["role"] == "wife of Peter Marsh"


def test_a_kin_noun_says_whose_relative_a_pronoun_means() -> None:
    # Eva Tan is a wife, so "his son" is not hers, even with "he" after her name.
    actors = _actors(
        "Dale Roe died on Monday. His wife, Eva Tan, said he was kind. His son, Tom Roe, agreed."
    )
    assert actors["tom-roe"].get("role") != "son of Eva Tan"
    actors = _actors(
        "Dale Roe said he was tired. He is survived by his wife, Eva Tan, and his son."
    )
    assert actors["eva-tan"]["role"] == "wife of Dale Roe"


def test_a_name_runs_over_its_hyphen_and_loses_an_opening_epithet() -> None:
    # The model stops "Wong Yeung-tat" at the hyphen; "Nonpartisan" only opens the
    # sentence (the text writes it in lower case too), so it is not the name's.
    actors = _actors(
        "The nonpartisan candidates did well. Nonpartisan Paul Tse and Wong Kwok-kin of "
        "the Workers Union were re-elected. Localist group Civic Passion's Wong Yeung-tat "
        "was defeated, and the localist camp lost a seat."
    )
    assert "paul-tse" in actors
    assert "wong-yeung-tat" in actors
    assert not any(a["name"].startswith(("Nonpartisan", "Localist")) for a in actors.values())


def test_an_adjective_made_on_a_capital_names_the_place_not_the_country() -> None:
    # GUIDE §2 rule 2: "anti-Pyongyang propaganda" names the city, not North Korea.
    article = parse_article("The pro-Beijing camp won. Beijing's envoy was pleased.")
    entities = resolve_entities(article, load_model()(article.body))
    assert not any(a.kind == "country" for a in entities.actors)
    # The adjective is no name of its own; the camp it names is a group (GUIDE §2 table).
    names = {a.name for a in entities.actors + entities.places}
    assert not any(n.startswith("pro") and not n.endswith(" camp") for n in names)


def test_an_organizations_name_stops_at_a_person_beside_it() -> None:
    actors = _actors(
        "Lee Cheuk-yan of the Labour Party and Frederick Fung of the Civic Party were "
        "defeated. The Kelvar Group and Dunmore were fined by the Securities and Exchange "
        "Commission. Alvin Yeung of Civic Party won."
    )
    names = {a["name"] for a in actors.values()}
    assert "Labour Party" in names and "Kelvar Group" in names
    assert "Securities and Exchange Commission" in names
    assert not any(" and " in n and "Party" in n for n in names)
    assert not any(n.startswith("Alvin Yeung of") for n in names)


def test_a_body_is_one_actor_under_its_short_forms() -> None:
    actors = _actors(
        "Hackers attacked the Church of Kelvarism website. The Church's website is down, "
        "and Kelvarism has not commented. Dunmore Inc. said Dunmore would help. Dunmore "
        "Motor Co and Dunmore Motor Company are the same firm."
    )
    names = [a["name"] for a in actors.values()]
    assert "Church" not in names and "Kelvarism" not in names
    assert "Church of Kelvarism" in names
    assert sum(1 for n in names if n.startswith("Dunmore")) <= 2


def test_roles_in_title_case_appositions_and_shared_plural_titles() -> None:
    actors = _actors(
        '"We will act," said Mina Vasquez, Prime Minister of Canada. Ivo Lind, Ohio\'s '
        "Congresswoman, agreed. Two veteran politicians Otto Brand of the Labour Party and "
        'Pella Marsh of the Civic Party lost. Lind said: "The Home Secretary is wrong."'
    )
    assert actors["mina-vasquez"]["role"] == "Prime Minister of Canada"
    assert str(actors["otto-brand"]["role"]).lower() == "politician"
    assert str(actors["pella-marsh"]["role"]).lower() == "politician"
    assert not any("Secretary" in str(a.get("role")) for a in actors.values())


def test_a_post_of_a_body_written_before_the_name_is_the_role() -> None:
    actors = _actors(
        "After the leak, CEO of the Kelvar Council Mary Vasquez told reporters it was "
        "wrong. Chief investment officer at Dunmore Capital Group Otto Brand said: "
        '"The machines took over."'
    )
    assert actors["mary-vasquez"]["role"] == "CEO of Kelvar Council"
    assert actors["mary-vasquez"]["affiliation"] == "kelvar-council"
    assert actors["otto-brand"]["role"] == "Chief investment officer of Dunmore Capital Group"


def test_an_adjective_on_a_name_or_a_name_particle_is_left_as_written() -> None:
    actors = _actors(
        "Andy Warhol was famous. Visitors could wear a Warhol-like wig in the "
        "Polaroid-room. The channel al-Ikhbariya reported it, and people like it."
    )
    names = {a["name"] for a in actors.values()}
    assert not any(n.endswith(("-like", "-room")) for n in names)
    assert "Ikhbariya" not in names


def test_a_person_named_to_a_new_post_has_that_post_as_role() -> None:
    # GUIDE §2 Roles, "Named to a new post".
    actors = _actors(
        "Kelvar Motors today named Mary Vasquez as its new chief executive. The company "
        "also announced head of finance Otto Brand as its new president."
    )
    assert actors["mary-vasquez"]["role"].lower() == "chief executive of kelvar motors"
    assert actors["otto-brand"]["role"].lower() == "president of kelvar motors"


def test_an_opening_head_word_or_a_known_place_keeps_its_name() -> None:
    actors = _actors(
        "Bank of America fell. The bank said the south was calm. South Korea agreed, "
        "and the new plan pleased Kelvar Inc."
    )
    names = {a["name"] for a in actors.values()}
    assert "Bank of America" in names
    assert "South Korea" in names


def test_a_credit_label_is_no_actor() -> None:
    actors = _actors(
        "The minister met the envoy in Paris on Monday.\nImage: Brian Burnell.\n"
        "Photo: Kelvar News Agency.\nThe talks went well."
    )
    names = {a["name"] for a in actors.values()}
    assert "Image" not in names and "Photo" not in names
    # Named only as the pictures' makers: no actors of the story (GUIDE.md §2.7).
    assert "Brian Burnell" not in names and "Kelvar News Agency" not in names


def test_a_portfolio_inside_a_post_is_no_body() -> None:
    actors = _actors(
        "On Monday, Home Secretary Jane Warrick told reporters the plan would go ahead. "
        "The Secretary of Defense, Tom Ellery, said he agreed."
    )
    assert "home" not in actors and "defense" not in actors


def test_a_creed_and_a_capitalised_bare_noun_are_no_actors() -> None:
    actors = _actors(
        "Pilgrims gathered at the site, which Islam holds sacred. Critics said the "
        "Zarvian Institute had ignored Islamophobia. The State will pay for the repairs."
    )
    assert not {"islam", "islamophobia", "state"} & set(actors)


def test_two_bodies_sharing_a_plural_head_leave_no_lone_word() -> None:
    actors = _actors("After talks between the State and Homeland Security Departments, he left.")
    assert "state" not in actors


def test_a_date_ends_a_court_name() -> None:
    actors = _actors(
        "The ruling of the Supreme Court of Cassation on July 8 surprised the Marelli "
        "Institute, which had appealed."
    )
    names = {a["name"] for a in actors.values()}
    assert not any("July" in str(n) for n in names)


def test_works_and_products_are_things() -> None:
    actors = _actors(
        "The director is famous for the 1972 film Harbor Lights. "
        "Zentrix Corporation said its new feature is called Glimmer. "
        "Users bought the software from Zentrix's Cloud Depot on Monday."
    )
    kinds = {a["name"]: a["kind"] for a in actors.values()}
    assert kinds.get("Harbor Lights") in {None, "other"}
    assert kinds.get("Glimmer") in {None, "other"}
    assert kinds.get("Cloud Depot") in {None, "other"}


def test_two_bodies_joined_by_and_are_two() -> None:
    actors = _actors(
        "Researchers at the Massachusetts Institute of Technology and Colorado State "
        "University said the results were clear."
    )
    assert "massachusetts-institute-of-technology" in actors
    assert "colorado-state-university" in actors


def test_short_forms_join_the_longer_name() -> None:
    actors = _actors(
        "Quorvex Motor Company raised prices on Monday. Quorvex said demand was high. "
        "Zalandi International Airways ordered ten jets. ZIA said the jets arrive in May."
    )
    names = {a["name"] for a in actors.values()}
    assert "Quorvex" not in names
    assert "ZIA" not in names


def test_a_second_word_of_its_own_name_joins_the_short_form() -> None:
    actors = _actors(
        "Halvorsen Brightwater won the contract on Monday. Analysts said Halvorsen "
        "had offered a lower price than its rivals."
    )
    names = {a["name"]: a for a in actors.values()}
    assert "Halvorsen" not in names
    assert "Halvorsen" in names["Halvorsen Brightwater"].get("aliases", [])


def test_a_body_written_with_and_without_its_final_letters_is_one() -> None:
    actors = _actors(
        "The Green Farmers' Party won three seats. Its rival, the Green Farmers Party, "
        "had expected more. Quorvex Motors said on Monday that sales fell. Quorvex "
        "Motor's chief executive resigned."
    )
    orgs = [a["name"] for a in actors.values() if a["kind"] == "organization"]
    assert len([n for n in orgs if "Green Farmers" in str(n)]) == 1
    assert len([n for n in orgs if "Quorvex" in str(n)]) == 1


def test_an_acronym_after_a_long_name_makes_one_body() -> None:
    actors = _actors(
        "Its parent company Baltic Marine Engineering and Shipbuilding Company BMES N.V. "
        "(BMES) won the tender on Monday. BMES said it would hire 500 engineers."
    )
    orgs = [a for a in actors.values() if a["kind"] == "organization"]
    assert [a["name"] for a in orgs] == ["Baltic Marine Engineering and Shipbuilding Company"]
    assert "BMES" in orgs[0].get("aliases", [])


def test_websites_operations_and_cups_are_things() -> None:
    actors = _actors(
        "The attack was planned on the website Plinkford Wiki. Members of the protest "
        "site Operation Lanternfall said the Quorvex.org site was down on Friday. "
        "Brellow won the Marlin Cup in May. Other sites such as Fentry.com have said "
        "they will keep the video."
    )
    kinds = {a["name"]: a["kind"] for a in actors.values()}
    for thing in ("Plinkford Wiki", "Operation Lanternfall", "Quorvex.org", "Marlin Cup"):
        assert kinds.get(thing) in {None, "other"}, thing
    assert kinds.get("Fentry.com") != "other"  # a site that speaks is its outlet


def test_an_apposition_after_a_conjunct_does_not_type_the_first() -> None:
    actors = _actors(
        "Zentrix unveiled the Glimmer 2 and the Zenbox, an online storage service, on Monday."
    )
    assert actors.get("glimmer", {}).get("kind") != "organization"


def test_a_time_zone_is_no_actor_whatever_the_parse() -> None:
    actors = _actors("As of 15:11 GMT the site was accessible again, Zentrix said.")
    assert "gmt" not in actors


def test_team_and_country_is_the_national_side() -> None:
    actors = _actors(
        "Team Estonia had to rebuild their robot after the original was lost. "
        "Sweden and Peru were drawn in Group F."
    )
    assert actors["estonia"]["kind"] == "country"
    assert "team-estonia" not in actors
    assert "group-f" not in actors


def test_a_name_of_an_electoral_seat_is_no_body() -> None:
    actors = _actors(
        "Wilma Chow of the Civic Union won the Social Welfare constituency. The "
        "Harbour Council (Second) functional constituency went to Tom Lee."
    )
    names = {a["name"] for a in actors.values()}
    assert "Social Welfare" not in names
    assert "Harbour Council" not in names


def test_a_common_census_given_name_makes_a_pair_a_person() -> None:
    # The small model reads this pair as an organization; the given name settles it.
    actors = _actors("The shot was saved by Regina Voss in the 54th minute.")
    assert actors["regina-voss"]["kind"] == "person"


def test_a_romanised_name_with_a_hyphenated_given_name_is_a_person() -> None:
    actors = _actors("Pan-democrat Wan Kit-ling from the Civic Union was elected on Sunday.")
    assert actors["wan-kit-ling"]["kind"] == "person"


def test_the_last_name_of_a_list_of_people_is_a_person() -> None:
    actors = _actors(
        "The side attacked early, with Romelu Lukaku, Yannick Carrasco, and Drees "
        "Martello making early attempts to score."
    )
    people = {a["name"] for a in actors.values() if a["kind"] == "person"}
    assert "Drees Martello" in people
    assert not [a for a in actors.values() if a["kind"] == "organization"]


def test_a_newspaper_is_an_organization_and_its_first_word_an_alias() -> None:
    actors = _actors(
        "Jane Roe, an editor at the Tulsa Gazette, said the fire spread. Ann Poe wrote in "
        "Lantern Magazine that the fire was set. Lantern also printed photographs."
    )
    assert actors["tulsa-gazette"]["kind"] == "organization"
    assert actors["lantern-magazine"]["kind"] == "organization"
    assert "Lantern" in actors["lantern-magazine"].get("aliases", [])


def test_a_name_only_written_before_a_plant_names_the_plant() -> None:
    kinds = {n.text: n.kind for n in read_names(load_model()(
        "Workers at the Kestrel Assembly plant voted on Sunday. Tarvo will close the "
        "Marrowfield Casting plant next year, the company said."
    ))}  # fmt: skip
    assert kinds["Kestrel Assembly"] == "facility"
    assert kinds["Marrowfield Casting"] == "facility"
    assert kinds["Tarvo"] == "organization"
    # The owner, named on its own and acting, stays a body.
    kinds = {n.text: n.kind for n in read_names(load_model()(
        "Tarvo Motors will close the Tarvo Motors plant. Tarvo Motors said sales fell."
    ))}  # fmt: skip
    assert set(kinds.values()) == {"organization"}


def test_words_after_a_kind_noun_that_the_model_read_in_part_are_one_name() -> None:
    doc = load_model()("Visits rose, according to the company Brellix UK's latest survey.")
    uk = next(t.i for t in doc if t.text == "UK")
    doc.ents = [Span(doc, uk, uk + 1, label="GPE")]  # "Brellix" missed, "UK" the country
    names = [(n.text, n.kind) for n in read_names(doc)]
    assert names == [("Brellix UK", "organization")]


def test_a_short_index_name_that_moves_by_points_joins_the_long_one() -> None:
    actors = _actors(
        "Stocks rose as the Marlow Jones Industrial Average climbed. By noon the Marlow had "
        "gained 120 points."
    )
    index = actors["marlow-jones-industrial-average"]
    assert index["kind"] == "other"
    assert "Marlow" in index.get("aliases", [])
    assert "marlow" not in actors


def test_an_honorific_of_the_other_gender_names_a_relative() -> None:
    actors = _actors(
        "Prosecutors charged Dale Pemberton in March. Pemberton, 58, lives in Ohio. He "
        "denied the charges. Mrs. Pemberton, a retired teacher, declined to comment."
    )
    people = {a["name"] for a in actors.values() if a["kind"] == "person"}
    assert {"Dale Pemberton", "Mrs. Pemberton"} <= people
    assert "Mrs. Pemberton" not in actors["dale-pemberton"].get("aliases", [])


def test_an_honorific_of_the_same_gender_stays_an_alias() -> None:
    actors = _actors(
        "Prosecutors charged Dale Pemberton in March. Pemberton, 58, lives in Ohio. He "
        "denied the charges. Mr. Pemberton declined to comment."
    )
    assert "Mr. Pemberton" in actors["dale-pemberton"].get("aliases", [])


def test_a_numbered_ordinal_opens_a_body_name_and_makes_no_model() -> None:
    kinds = {n.text: n.kind for n in read_names(load_model()(
        "The 2nd U.S. Circuit Court of Appeals is expected to hear the appeal. Soldiers "
        "of the 101st Airborne Division arrived on Monday."
    ))}  # fmt: skip
    assert kinds.get("2nd U.S. Circuit Court of Appeals") == "organization"
    assert next(k for t, k in kinds.items() if "Airborne Division" in t) == "organization"


def test_a_body_named_without_its_of_country_tail_is_the_same_body() -> None:
    actors = _actors(
        "Members of the Lantern Guild Society of Canada met on Friday. The Lantern Guild "
        "Society said it would hold a parade."
    )
    body = actors["lantern-guild-society-of-canada"]
    assert "Lantern Guild Society" in body.get("aliases", [])
    assert "lantern-guild-society" not in actors


def test_a_given_name_the_model_left_out_opens_the_person_name() -> None:
    doc = load_model()("The exhibit included prints of singer-songwriter Mabel Quistorp.")
    surname = next(t.i for t in doc if t.text == "Quistorp")
    assert doc[surname - 1].dep_ == "compound"  # the parse binds the given name to it
    doc.ents = [Span(doc, surname, surname + 1, label="PERSON")]  # "Quistorp" alone
    names = [(n.text, n.kind) for n in read_names(doc)]
    assert names == [("Mabel Quistorp", "person")]


def test_a_name_inside_a_list_of_people_is_a_person() -> None:
    # Not the last item: people on both sides of it make the list one of people.
    actors = _actors(
        "The gallery shows prints by photographers such as Dorothea Lange, Robert Capa, "
        "Mercer Holt, Gordon Parks and Lee Miller."
    )
    kinds = {a["name"]: a["kind"] for a in actors.values()}
    assert kinds.get("Mercer Holt") == "person"
    assert "organization" not in kinds.values()


def test_a_bare_given_name_is_the_person_named_most_often() -> None:
    actors = _actors(
        "Steve Jobs founded the firm. Steve Jobs left it in 1985 and Steve Jobs came back "
        "in 1997. Steve Jobs died on Wednesday. Steve Ballmer said he was a friend. "
        '"Steve was a visionary," he said.'
    )
    assert "steve" not in actors
    assert "Steve" in actors["steve-jobs"].get("aliases", [])


def test_a_website_that_acts_is_an_outlet() -> None:
    actors = _actors(
        "In April, the technology blog Plinkto obtained a prototype of the phone and "
        "published details of it online."
    )
    assert actors["plinkto"]["kind"] == "organization"


def test_a_one_word_name_is_no_acronym_expansion() -> None:
    actors = _actors(
        "Quorvex invested in QMAC, the financing arm of QM, last year. QM said on "
        "Monday that sales fell."
    )
    assert "qm" in actors
    assert "QM" not in actors.get("qmac", {}).get("aliases", [])


def test_a_body_of_the_and_a_person_after_a_legal_form() -> None:
    actors = _actors(
        "The order came from the Federal Service for the Financial Markets on Monday. "
        '"Sales are up," said the chairman of Quorvex LLC Jim Press.'
    )
    assert "federal-service-for-the-financial-markets" in actors
    assert actors["jim-press"]["kind"] == "person"
    assert "quorvex-llc" in actors


def test_a_given_name_used_as_a_noun_is_no_person() -> None:
    actors = _actors(
        "He would make a blue Marilyn and a pink Marilyn, and the Marilyn pictures sold well."
    )
    assert "marilyn" not in actors


def test_a_holy_site_stays_a_place_and_a_foundation_keeps_its_short_form() -> None:
    actors = _actors(
        "Pilgrims travel to Mecca, Islam's holiest site, each year. The Harlow Foundation "
        "for the Visual Arts sold the prints. The Harlow Foundation said it was pleased."
    )
    assert actors.get("mecca", {}).get("kind") != "other"
    foundations = [a for a in actors.values() if "Harlow Foundation" in str(a["name"])]
    assert len(foundations) == 1


def test_an_article_inside_a_model_name_opens_another_phrase() -> None:
    found = _names("According to Halvorsen the Quorvex property in question was returned by mail.")
    assert not any(ident.startswith("halvorsen-the") for ident in found)


def test_a_given_name_pair_the_model_missed_is_a_person() -> None:
    actors = _actors(
        "Other elected members were the Civic Union's Regina Ip and Tom Lee of the Labour Party."
    )
    assert actors.get("regina-ip", {}).get("kind") == "person"


def test_quantities_are_no_actors_and_a_store_is_a_thing() -> None:
    found = _names(
        "The new Zenbox has 160GB of storage. Apps are sold through the Zentrix App Store."
    )
    assert "160gb" not in found
    assert all(kind == "other" for ident, (kind, _) in found.items() if "store" in ident)


def test_a_country_after_and_opens_a_second_body() -> None:
    found = _names(
        "Japanese carmakers Toyota, Nissan, Honda and Subaru and South Korean Hyundai "
        "Motor Company all raised sales in May."
    )
    assert not any(" and " in " ".join(names) for _, names in found.values())


def test_a_journal_is_a_work_unless_it_speaks() -> None:
    named = _actors("The results were published in the journal Veritas Medica on Monday.")
    assert named["veritas-medica"]["kind"] == "other"
    speaking = _actors("The journal Veritas Medica said the study was flawed.")
    assert speaking["veritas-medica"]["kind"] == "organization"


def test_a_political_camp_named_by_its_stance_is_a_group() -> None:
    actors = _actors(
        "The pro-government camp won 40 seats, and the reformist camp won 12. Aid "
        "reached the refugee camp on Monday."
    )
    names = {a["name"]: a["kind"] for a in actors.values()}
    assert names.get("pro-government camp") == "organization"
    assert names.get("reformist camp") == "organization"
    assert "refugee camp" not in names


def test_laws_and_treaties_are_no_actors() -> None:
    found = _names("The Lisbon Treaty took effect. Zentrix Inc said the Clean Air Act hurt it.")
    assert not any("treaty" in ident or ident.endswith("-act") for ident in found)
    assert found["zentrix-inc"][0] == "organization"


def test_a_post_stated_in_a_later_clause_when_none_is_beside_the_name() -> None:
    actors = _actors(
        "Ingrid Solberg was arrested at her home on Monday. Solberg founded Varnel Labs "
        "in 2015 and served as its chief executive until last year.\n"
        "Victor Hale, who served two terms as mayor of Dunmore, died on Sunday.\n"
        "Olga Brandt is not the chief executive of Varnel Labs.\n"
    )
    assert str(actors["ingrid-solberg"]["role"]).startswith("Chief Executive")
    assert actors["victor-hale"]["role"] == "Mayor of Dunmore"
    assert actors["olga-brandt"].get("role") is None


def test_resigned_as_a_post_and_the_whole_modifier_of_the_post() -> None:
    actors = _actors("In May, Pierre Lamarre was forced to resign as Foreign Affairs minister.\n")
    assert actors["pierre-lamarre"]["role"] == "Foreign Affairs Minister"


def test_an_abbreviated_office_after_its_qualifier() -> None:
    actors = _actors(
        "State Sen. Tomas Riedel, a Democrat, backed the bill. "
        "Former Gov. Alma Fenwick opposed it.\n"
    )
    assert actors["tomas-riedel"]["role"] == "State Senator"
    assert actors["alma-fenwick"]["role"] == "former Governor"


def test_where_someone_lives_is_no_post_and_more_occupations_are() -> None:
    actors = _actors(
        "The show includes portraits of fashion designer Anton Weiss, a former resident "
        "of Dunmore. Curator Lena Ruiz said the portraits were rare. Councilwoman Ada "
        "Price and defence analysist Paul Oakes attended.\n"
    )
    assert actors["anton-weiss"]["role"] == "fashion designer"
    assert actors["lena-ruiz"]["role"] == "Curator"
    assert actors["ada-price"]["role"] == "Councilwoman"
    assert actors["paul-oakes"]["role"] == "defence analysist"


def test_an_occupation_in_ist_in_apposition_and_a_kin_role_past_a_short_sentence() -> None:
    actors = _actors(
        "Otto Ferris, a jazz pianist whose career spanned six decades, died Tuesday in "
        "Memphis. He was 91.\n\nHis daughter, Greta Ferris, confirmed his death.\n"
    )
    assert str(actors["otto-ferris"]["role"]).lower() == "jazz pianist"
    assert actors["greta-ferris"]["role"] == "daughter of Otto Ferris"


def test_a_title_beats_a_relation_to_a_thing() -> None:
    actors = _actors("The bill's author, Assemblyman Rafael Osuna, said he was disappointed.\n")
    assert actors["rafael-osuna"]["role"] == "Assemblyman"


def test_a_plural_title_covers_every_name_of_its_list() -> None:
    actors = _actors(
        "Veteran councillors Mia Holt of the Green Party, Omar Farid of the Labour Party, "
        "and Raymond Chen of the Civic Party were re-elected. The guests included Mayor "
        "Tom Bell, Jane Roe and Sam Poe.\n"
    )
    assert all(
        str(actors[i]["role"]).endswith("councillor")
        for i in ("mia-holt", "omar-farid", "raymond-chen")
    )
    assert actors["tom-bell"]["role"] == "Mayor"
    assert actors["jane-roe"].get("role") is None  # a singular title is the one name's


def test_a_plural_title_the_tagger_reads_as_a_verb() -> None:
    from spacy.tokens import Doc

    from briefkit.extractors.actors import _is_role_word, _plural_title

    doc = Doc(
        load_model().vocab,
        words=["photographers", "Leo", "Marchetti", "heads", "Acme"],
        tags=["VBZ", "NNP", "NNP", "VBZ", "NNP"],
    )
    assert _plural_title(doc[0]) and _is_role_word(doc[0])
    assert not _plural_title(doc[3])  # "who heads Acme": a verb


def test_title_case_offices_with_of_and_general() -> None:
    actors = _actors(
        "Secretary of State Julia Marsh met the envoy on Monday. Attorney General Tom Avery "
        "announced the charges. Harbor Authority director General Ivan Stahl spoke.\n"
    )
    assert actors["julia-marsh"]["role"] == "Secretary of State"
    assert actors["tom-avery"]["role"] == "Attorney General"
    assert str(actors["ivan-stahl"]["role"]).startswith("director")  # General: his rank
    assert "General" not in str(actors["ivan-stahl"]["role"])


def test_a_title_read_as_a_body_name_is_not_its_own_affiliation() -> None:
    actors = _actors(
        "Halvern Motors filed for bankruptcy on Monday. Otto Brenner, the Chief Executive "
        "Officer of Halvern Motors, spoke to the press.\n"
    )
    assert actors["otto-brenner"]["role"] == "Chief Executive Officer of Halvern Motors"


def test_a_kin_role_by_of_and_its_relation() -> None:
    actors = _actors(
        "Nadia Cole, the widow of former Sen. Victor Cole, spoke at the service. "
        "Lena Ford, the daughter of a coal miner, grew up in Ohio.\n"
    )
    assert actors["nadia-cole"]["role"] == "widow of Victor Cole"
    assert actors["lena-ford"].get("role") is None  # an unnamed father


def test_former_and_a_place_before_an_abbreviated_office() -> None:
    actors = _actors("Former Illinois Gov. Robert Haines pleaded guilty on Tuesday.\n")
    assert actors["robert-haines"]["role"] == "former Governor of Illinois"


def test_a_name_with_a_middle_name_is_the_same_person() -> None:
    text = (
        "Ruth Calder, a teacher who founded a reading program, died on Monday. She was 84.\n\n"
        "Ruth Ellen Calder was born in 1942 in a mining town. Ms. Calder taught for 40 years."
    )
    actors = _actors(text)
    people = [a for a in actors.values() if a["kind"] == "person"]
    assert [a["name"] for a in people] == ["Ruth Ellen Calder"]
    assert "Ruth Calder" in people[0]["aliases"]


def test_a_short_name_two_middle_names_extend_joins_neither() -> None:
    text = (
        "Owen Pike and Owen Alan Pike, his cousin, testified on Tuesday. "
        "Owen Scott Pike, an uncle, did not appear."
    )
    names = {a["name"] for a in _actors(text).values() if a["kind"] == "person"}
    assert "Owen Alan Pike" in names and "Owen Scott Pike" in names


def test_a_company_short_form_the_model_calls_a_facility_joins_the_company() -> None:
    # The model's label on a short form is erratic; the names stand for its reading
    # of "Quillon Dynamics said ... Quillon will pay $30 per share."
    full = Name(0, 16, "Quillon Dynamics", "ORG", "organization", 2, "Quillon Dynamics")
    short = Name(60, 67, "Quillon", "FAC", "facility", 1, "Quillon")
    entities = build_entities([full, short])
    assert [(e.name, e.kind) for e in entities] == [("Quillon Dynamics", "organization")]


def test_a_town_named_like_a_company_stays_a_place() -> None:
    full = Name(0, 16, "Boston Scientific", "ORG", "organization", 2, "Boston Scientific")
    town = Name(60, 66, "Boston", "GPE", "city", 1, "Boston")
    kinds = {e.name: e.kind for e in build_entities([full, town])}
    assert kinds == {"Boston Scientific": "organization", "Boston": "city"}


def test_a_firm_named_like_a_person_in_a_parallel_clause_is_an_organization() -> None:
    text = (
        "Kestrel Partners advised the buyer, while Morgan Stanley advised the seller, "
        "according to a statement on Friday."
    )
    assert _actors(text)["morgan-stanley"]["kind"] == "organization"


def test_a_personal_name_without_a_firm_cue_stays_a_person() -> None:
    text = "Morgan Stanley, a retired nurse, told the board she would run for mayor."
    assert _actors(text)["morgan-stanley"]["kind"] == "person"


@pytest.mark.parametrize(
    "text",
    [
        "Morgan Stanley's analysts cut their forecast for the chipmaker on Thursday.",
        "Kestrel Partners and Morgan Stanley will manage the offering, the company said.",
    ],
)
def test_a_firm_named_like_a_person_by_its_possessions_or_a_conjunct(text: str) -> None:
    assert _actors(text)["morgan-stanley"]["kind"] == "organization"


def test_a_shorter_name_beside_the_fuller_in_one_sentence_is_another_person() -> None:
    text = (
        "Dennis Hale and Dennis Roy Hale, his father, were named in the suit filed on "
        "Friday. Dennis Hale said he had done nothing wrong."
    )
    names = {a["name"] for a in _actors(text).values() if a["kind"] == "person"}
    assert {"Dennis Hale", "Dennis Roy Hale"} <= names


def test_a_company_named_without_industries_is_the_same_company() -> None:
    text = (
        "Tollan Industries reported a loss on Thursday. Tollan said sales fell 9% as "
        "orders for its valves slowed."
    )
    actors = _actors(text)
    assert "tollan" not in actors
    assert "Tollan" in actors["tollan-industries"].get("aliases", [])


def test_a_person_whose_shares_are_named_stays_a_person() -> None:
    text = "Morgan Stanley's shares in the bakery were sold last year, she said."
    assert _actors(text)["morgan-stanley"]["kind"] == "person"


def test_an_office_before_of_is_no_part_of_the_body_after_it() -> None:
    text = (
        '"We are pleased," said Ann Varga, Chairman and Chief Operating Officer of '
        "Tollan Airways, on Monday."
    )
    actors = _actors(text)
    assert "tollan-airways" in actors
    assert not any(a["name"].startswith("Chairman") for a in actors.values())


def test_an_office_before_of_leaves_a_body_named_with_of_whole() -> None:
    text = "The Governor of the Bank of Ruritania met the Court of Appeal on Monday."
    names = {a["name"] for a in _actors(text).values()}
    assert {"Bank of Ruritania", "Court of Appeal"} <= names


def test_a_product_word_after_a_company_name_is_another_thing() -> None:
    text = (
        "Kestrel said on Monday that the Kestrel TV service would expand to Canada. "
        "Kestrel stores will sell the box."
    )
    actors = _actors(text)
    assert actors["kestrel"]["name"] == "Kestrel"
    assert "Kestrel TV" not in actors["kestrel"].get("aliases", [])


def test_a_name_that_speaks_is_no_product_whatever_owns_it() -> None:
    text = (
        "Boeing's European rival Airbus, which has outsold Boeing since 2003, believes "
        "that the future of passenger flight is in very large aircraft."
    )
    assert _actors(text)["airbus"]["kind"] == "organization"


def test_a_word_that_opens_a_heading_is_no_part_of_the_product_name() -> None:
    text = (
        "First Skyward K450 delivered to Tollan Airways\n\n"
        "Tollan Airways took its first K450 from Skyward on Monday."
    )
    names = {a["name"] for a in _actors(text).values()}
    assert "First Skyward K450" not in names
    assert "Skyward K450" in names


def test_two_places_joined_by_a_hyphen_name_a_route_not_a_place() -> None:
    article = parse_article(
        "The airline flies from Singapore to Sydney and will begin service on the "
        "Singapore-Sydney route on October 28."
    )
    entities = resolve_entities(article, load_model()(article.body))
    names = {e.name for e in [*entities.actors, *entities.places]}
    assert "Singapore-Sydney" not in names
    assert "Sydney" in names


def test_a_title_before_a_surname_that_is_a_place_word_is_stripped() -> None:
    text = (
        "SPRINGFIELD — The Springfield City Council voted 5-2 on Monday night to approve "
        "a $120 million budget that includes raises for police officers and firefighters."
        '\n\nMayor Tom Alvarez praised the vote. "This is a budget for working '
        'families," Alvarez said. Councilwoman Denise Park, who voted against it, said '
        "the city should have cut spending."
    )
    people = {a["name"] for a in _actors(text).values() if a["kind"] == "person"}
    assert "Denise Park" in people


def test_a_named_factory_is_a_place_not_a_person() -> None:
    article = parse_article(
        "Aircraft maker Skyward unveiled its new jet at its Everett Factory near Seattle."
    )
    entities = resolve_entities(article, load_model()(article.body))
    assert "Everett Factory" not in {e.name for e in entities.actors}


def test_a_person_and_a_body_joined_by_and_are_two_names() -> None:
    text = (
        "Best Buy and Radio Shack will sell the device, and Best Buy said its sales rose 5 percent."
    )
    names = {a["name"] for a in _actors(text).values()}
    assert not any(" and " in n for n in names)
    assert "Radio Shack" in names


def test_a_name_its_clause_calls_its_is_a_body() -> None:
    text = "Best Buy said its sales rose 5 percent in the quarter."
    assert _actors(text)["best-buy"]["kind"] == "organization"


def test_a_name_with_his_in_its_clause_stays_a_person() -> None:
    text = "Morgan Freeman said his film was a success."
    assert _actors(text)["morgan-freeman"]["kind"] == "person"


def test_an_honorific_surname_makes_the_full_name_a_person() -> None:
    text = (
        "The Conservatives, led by Kemi Badenoch, said the plan did not go far enough. "
        "Mrs Badenoch told the BBC that the Treasury had lost control."
    )
    actors = _actors(text)
    assert actors["kemi-badenoch"]["kind"] == "person"
    assert "Mrs Badenoch" in actors["kemi-badenoch"].get("aliases", [])


def _places(text: str) -> set[str]:
    article = parse_article(text)
    entities = resolve_entities(article, load_model()(article.body))
    return {e.name for e in entities.places}


def test_a_region_only_the_model_reads_is_no_place_unless_the_text_places_it() -> None:
    places = _places(
        "The browser shipped with Windows XP nearly a decade ago, and Microsoft no "
        "longer wants to support it."
    )
    assert "Windows XP" not in places


def test_a_region_the_text_places_is_kept() -> None:
    places = _places(
        "In the Kowloon West geographical constituency, Ann Chiang was elected. "
        "Fighting broke out in Zarqand on Monday."
    )
    assert {"Kowloon West", "Zarqand"} <= places


def test_a_model_region_named_as_a_stock_is_a_company() -> None:
    actors = _actors(
        "Some banks fared very poorly, with shares in HBOS falling by 41.54% to end the "
        "day. Darren Winder, a market analyst from Cazenove, said nobody had confidence."
    )
    assert actors["hbos"]["kind"] == "organization"
    assert actors["cazenove"]["kind"] == "organization"


def test_quotation_marks_and_an_open_bracket_are_no_part_of_a_name() -> None:
    names = {
        a["name"]
        for a in _actors(
            'Henderson outlined a plan for what he called a "New Tollan" on Monday. '
            "Apple released the iPhone Software Development Kit (SDK on Thursday."
        ).values()
    }
    assert not any(n.startswith('"') or "(" in n for n in names)


def test_an_index_named_after_a_newspaper_is_no_organization() -> None:
    actors = _actors(
        "Singapore's Straits Times Index, which fell 8.3 percent on Friday, was closed."
    )
    assert actors["straits-times-index"]["kind"] == "other"


def test_a_capitalised_modifier_the_text_writes_in_lower_case_is_no_body() -> None:
    article = parse_article(
        "According to Automotive analyst Dennis Kessler, the factory is still likely to "
        "close. Many automotive suppliers agree."
    )
    doc = load_model()(article.body)
    # The small model reads the capitalised adjective as a body in some contexts;
    # the label is set here so that the test does not depend on which.
    word = next(t for t in doc if t.text == "Automotive")
    doc.ents = [e for e in doc.ents if not (e.start <= word.i < e.end)] + [
        Span(doc, word.i, word.i + 1, label="ORG")
    ]
    entities = resolve_entities(article, doc)
    assert "Automotive" not in {e.name for e in entities.actors}


def test_a_name_versions_are_of_is_a_product() -> None:
    actors = _actors(
        "Microsoft says that the latest versions of Lumina provide the user with "
        "enhanced protection. Usually, Lumina is the #2 browser after Firefox."
    )
    assert actors["lumina"]["kind"] == "other"


def test_a_name_cut_after_of_is_joined_to_the_place_after_it() -> None:
    places = _places("A storm formed in the Bay of Biscay on Monday.")
    assert "Bay of Biscay" in places
    assert not any(p.endswith(" of") or p == "Bay" for p in places)


def test_a_name_does_not_end_in_of() -> None:
    names = {
        a["name"]
        for a in _actors(
            "Prosecutors from the U.S. Attorney's Office for the Southern District of "
            "New York said he stole $8 billion."
        ).values()
    }
    assert not any(n.endswith(" of") for n in names)


def test_a_school_named_without_university_is_the_same_school() -> None:
    actors = _actors(
        "A federal judge on Tuesday blocked the administration from cutting funding to "
        "Kestrel University. Kestrel President Alan Garber said in a statement that the "
        "ruling affirms the university's rights."
    )
    assert "kestrel" not in actors
    assert "Kestrel" in actors["kestrel-university"].get("aliases", [])


def test_a_proper_noun_before_a_one_word_name_opens_it() -> None:
    actors = _actors(
        "Microsoft said on Friday that users should update. Internet Navigator's market "
        "share is slipping, and the latest versions of Internet Navigator are safer."
    )
    assert "navigator" not in actors
    assert actors["internet-navigator"]["kind"] == "other"


def test_a_title_before_a_surname_is_not_part_of_the_name() -> None:
    names = {
        a["name"]
        for a in _actors(
            "Senator Halvorsen said the bill would pass. Coach Brannigan told reporters "
            "the team was ready."
        ).values()
    }
    assert not any(n.startswith(("Senator", "Coach")) for n in names)


def test_a_name_whose_versions_are_named_is_a_product() -> None:
    actors = _actors(
        "Tarvo said on Monday that Quorra would be retired. Quorra's various versions "
        "accounted for 70 percent of the market in 2009."
    )
    assert actors["quorra"]["kind"] == "other"


def test_a_persons_version_of_events_is_no_product() -> None:
    actors = _actors(
        "Prosecutors said Erik Halvorsen lied to investigators. Halvorsen's version of "
        "events was disputed by two witnesses."
    )
    assert actors["erik-halvorsen"]["kind"] == "person"


def test_an_age_set_off_by_commas_makes_a_name_a_persons() -> None:
    actors = _actors(
        "Residents are angry\n\nThandiwe Mbeki, 61, of Hillside Road, told the paper she "
        "had lived there for 30 years."
    )
    assert actors["thandiwe-mbeki"]["kind"] == "person"


def test_a_numbered_version_after_a_name_makes_it_a_product() -> None:
    actors = _actors(
        "Lumina Navigator was patched on Monday, Tarvo said. Lumina Navigator version 12 "
        "ships on Friday."
    )
    assert actors["lumina-navigator"]["kind"] == "other"


def test_a_makers_name_opening_a_model_is_still_the_maker() -> None:
    actors = _actors(
        "Boeing has secured two large orders. The Boeing 787 is a mid-sized passenger "
        "airliner built by Boeing Commercial Airplanes."
    )
    assert actors["boeing"]["kind"] == "organization"


def test_a_sentence_opening_word_is_not_joined_to_the_name_after_it() -> None:
    names = {
        a["name"]
        for a in _actors(
            'Jobs said: "Today Apple is going to reinvent the phone." Today Apple also '
            "released a new device."
        ).values()
    }
    assert "Today Apple" not in names


def test_a_counted_name_is_a_thing_not_a_body() -> None:
    # Wire style: a number goes with the name; newspaper: a counting determiner;
    # broadcaster: "a new ...". A body or a person is not counted out.
    wire = _actors(
        "LONDON (Reuters) - Harlow Motors said on Tuesday it sold 40,000 Marlins "
        "in the quarter, and every Marlin now ships with a hybrid engine."
    )
    assert wire["harlow-motors"]["kind"] == "organization"
    assert [a["kind"] for i, a in wire.items() if i.startswith("marlin")] == ["other"]
    paper = _actors(
        "Pupils in the district will each get a Vexa this autumn, the council "
        "said. Each Vexa costs the school about $300."
    )
    assert [a["kind"] for i, a in paper.items() if i.startswith("vexa")] == ["other"]
    # "a Velmar spokesman", "two Velmar plants": the count is the common noun's.
    kept = _actors(
        "A Velmar spokesman said two Velmar plants would close. Velmar declined to say more."
    )
    assert kept["velmar"]["kind"] == "organization"


def test_amounts_with_their_unit_currency_or_zone_are_no_names() -> None:
    actors = _actors(
        "The handset comes in 64 GB and 128 GB models and costs 499 USD. Trading on the "
        "exchange resumed at 0900 UTC, officials said."
    )
    junk = ("gb", "64", "128", "499", "usd", "0900", "utc")
    assert not any(i.startswith(junk) for i in actors), actors


@pytest.mark.parametrize(
    ("text", "ident", "role"),
    [
        # newspaper: the quote first, the speaker and a capitalised title after
        (
            '"We are not giving up," said Emma Post, the Managing Director of Harbury '
            "Foods, on Friday.",
            "emma-post",
            "Managing Director of Harbury Foods",
        ),
        # wire: "said X, the Y of Z", then the surname alone
        (
            "Sales will recover next year, said Carl Bank, the Chief Economist of Ridley "
            "Motors. Bank said dealers were cautious.",
            "carl-bank",
            "Chief Economist",
        ),
        # broadcaster: the name opens the clause, the title set off by commas
        (
            "Speaking to reporters, Ann Herald, the Deputy Mayor of Eastfield, said the "
            "plan would go ahead.",
            "ann-herald",
            "Deputy Mayor",
        ),
    ],
)
def test_a_capitalised_title_in_apposition_makes_a_body_like_surname_a_person(
    text: str, ident: str, role: str
) -> None:
    # "Post", "Bank", "Herald" end bodies' names; the title set off after the name
    # says it is a person's, though the model tags the title a proper noun.
    actors = _actors(text)
    assert actors[ident]["kind"] == "person", actors
    assert str(actors[ident]["role"]).startswith(role)


@pytest.mark.parametrize(
    "text",
    [
        # wire: "said X, the <post> of <body>"
        "Sales will recover next year, said Carl Hobbs, the Chief Economist of Ridley Motors.",
        # newspaper: the post first, the name in apposition
        "The Senior Analyst of Tarrant Securities, Carl Hobbs, said sales would recover.",
        # broadcaster: no article before the post
        "Carl Hobbs, Managing Director of Ridley Motors, told listeners sales would recover.",
    ],
)
def test_a_titled_post_before_of_is_no_part_of_the_bodys_name(text: str) -> None:
    # "Chief Economist of", "Senior Analyst of": a title word and a role noun are the
    # person's post; the body is what follows "of", and the person's affiliation.
    actors = _actors(text)
    bodies = [a for a in actors.values() if a["kind"] == "organization"]
    assert [b["name"] for b in bodies] in (["Ridley Motors"], ["Tarrant Securities"]), actors
    assert actors["carl-hobbs"]["affiliation"] == bodies[0]["id"]


def test_names_listed_with_the_same_first_word_are_models_of_one_line() -> None:
    # Newspaper: the model reads "the Lumo and Lumo Pro" as one body.
    paper = _actors(
        "Orchard Computer today introduced the new Lumo line, which includes the Lumo and Lumo Pro."
    )
    assert {a["name"]: a["kind"] for a in paper.values() if "lumo" in a["id"]} == {
        "Lumo": "other",
        "Lumo Pro": "other",
    }, paper
    # Broadcaster: three models, which the model reads as people.
    aired = _actors("The range includes the Vexa Mini, Vexa Nano and Vexa Max, the company said.")
    models = [a for a in aired.values() if a["id"].startswith("vexa")]
    assert models and all(a["kind"] == "other" for a in models), aired
    # Wire: bodies sharing an opening word have longer names, and stay bodies.
    wire = _actors(
        "The Royal Danish Air Force and Royal Norwegian Air Force will fly the jets, "
        "officials said."
    )
    assert all(a["kind"] != "other" for a in wire.values()), wire


def test_a_name_with_a_dotted_release_number_is_software() -> None:
    # Newspaper: the model calls the browser a person; a point release says it is software.
    paper = _actors("Apple also highlighted the new Safari 4.0 web browser at the event.")
    assert paper["safari"]["kind"] == "other", paper
    # Wire: the model cuts the number off and reads the name as a surname.
    wire = _actors("The company shipped the new Dalton 3.5 operating system to schools.")
    assert wire["dalton"]["kind"] == "other", wire


@pytest.mark.parametrize(
    "text",
    [
        "NEW YORK (AP) - U.S. markets are closed on Monday for Martin Luther King Jr. Day, "
        "a national holiday.",
        "Crowds gathered in the capital for Robert Emmet Day, the paper reported.",
    ],
)
def test_a_holiday_named_after_a_person_is_no_actor(text: str) -> None:
    # A holiday is a date (GUIDE §5); the person it is named after is not in the story.
    actors = _actors(text)
    assert not any(i.endswith("-day") for i in actors), actors
    assert all(a["kind"] != "person" for a in actors.values()), actors


@pytest.mark.parametrize(
    ("text", "ident", "alias"),
    [
        # wire: the formal name with a middle initial first, the familiar one after
        (
            "SEATTLE (Reuters) - Acme named Timothy D. Hollis, its operations chief, to "
            "run the firm. Tim Hollis will report to the board, the company said.",
            "timothy-d-hollis",
            "Tim Hollis",
        ),
        # newspaper: the familiar form first, the formal one with an age later
        (
            "Bill Harlan said the brewery would grow. William Harlan, 54, founded it in 1990.",
            "william-harlan",
            "Bill Harlan",
        ),
        # broadcaster: a familiar form the formal name does not open with
        (
            "Robert Mendel, the station's owner, spoke on Monday. Later, Bob Mendel "
            "told listeners the tower would stay.",
            "robert-mendel",
            "Bob Mendel",
        ),
    ],
)
def test_a_familiar_given_name_joins_the_same_persons_formal_name(
    text: str, ident: str, alias: str
) -> None:
    actors = _actors(text)
    people = [a for a in actors.values() if a["kind"] == "person"]
    assert len(people) == 1, actors
    assert actors[ident]["aliases"] and alias in actors[ident]["aliases"], actors


def test_two_given_names_in_one_sentence_stay_two_people() -> None:
    actors = _actors("Dan Harlan and Daniel Harlan, his son, said the firm would grow.")
    assert {"dan-harlan", "daniel-harlan"} <= set(actors), actors


def test_a_person_reading_opened_by_a_product_lines_word_is_another_model() -> None:
    # Newspaper: the model calls the second model a person's name.
    paper = _actors("Reviewers liked the Lumo X200, but the Lumo Harvey sold better.")
    assert paper["lumo-harvey"]["kind"] == "other", paper
    # Wire: a person the text says is one (a role) keeps the reading, though the
    # line's word opens the name.
    wire = _actors(
        "Reviewers liked the Dalton X200 tablet. Dalton Harvey, its designer, said the "
        "Dalton X300 would follow."
    )
    assert wire["dalton-harvey"]["kind"] == "person", wire


def test_a_possessive_inside_a_read_name_ends_the_owners_name() -> None:
    # Newspaper: "Orchard's Vexa Max" is Orchard's product; Orchard is named alone too.
    paper = _actors("The release of Orchard's Vexa Max was delayed, Orchard said.")
    assert paper["orchard"]["kind"] == "organization", paper
    assert not any("orchard-s" in i for i in paper), paper
    # Broadcaster: a possessive of the name's own stays inside it, when the part
    # before it is written only as the start of a longer name.
    aired = _actors(
        "Voters elected Ann Lo of Bright Future's Party on Sunday. Bright Future Party's "
        "Tom Ip won too."
    )
    assert "bright-future" not in aired, aired


@pytest.mark.parametrize(
    ("text", "ident"),
    [
        # wire: a bracketed acronym, then "members"
        (
            "Both firms will offer the deal to most Harlow Guild (HG) members, officials said.",
            "harlow-guild",
        ),
        # newspaper: the body speaks, a given name-like word opening it
        ("Shares rose after Carlyle Cooperative said profits doubled.", "carlyle-cooperative"),
    ],
)
def test_guilds_syndicates_and_workers_unions_are_bodies(text: str, ident: str) -> None:
    actors = _actors(text)
    assert actors[ident]["kind"] == "organization", actors


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # Batman is also a Turkish city: the model reads a body, and nothing in the
        # text places it, so the gazetteer's reading does not stand.
        ("Fans dressed as Batman and the Joker queued outside the hall on Saturday.",
         "Batman", "organization"),
        ("The magazine praised Toyota for its hybrid engines.", "Toyota",
         "organization"),
    ],
)  # fmt: skip
def test_a_city_only_the_gazetteer_reads_yields_to_the_model(
    text: str, name: str, kind: str
) -> None:
    assert name not in _places(text)
    assert {a["name"]: a["kind"] for a in _actors(text).values()}.get(name) == kind


def test_a_city_the_text_places_keeps_its_reading() -> None:
    assert "Batman" in _places("She grew up in Batman, a city in southeastern Turkey.")


def test_a_name_taken_up_by_which_is_no_persons() -> None:
    # English keeps "which" for things and bodies: the model's person label yields.
    actors = _actors(
        "Shares of Dorrance Whitby, which is run by Marcus Hale, rose 3 percent on "
        "Friday, Reuters reported."
    )
    assert actors["dorrance-whitby"]["kind"] == "organization"
    assert actors["marcus-hale"]["kind"] == "person"


def test_a_name_taken_up_by_who_stays_a_persons() -> None:
    actors = _actors(
        "Dorrance Whitby, which critics called a bully, denied it. Dorrance Whitby, who "
        "is 54, said he would stay."
    )
    assert actors["dorrance-whitby"]["kind"] == "person"


def test_a_named_institution_that_speaks_is_the_body_not_the_building() -> None:
    # GUIDE §2 rule 3: decided by the entity's most agentive use; one only visited
    # stays a place.
    article = parse_article(
        "Storm nears coast\nPower was cut across the state. The Gulf Weather Center "
        "said winds reached 150 mph. Crews gathered at the Harlow Civic Center."
    )
    doc = load_model()(article.body)
    entities = resolve_entities(article, doc)
    actors = {a["id"]: a for a in actor_records(entities, article)}
    places = {p.id: p.kind for p in entities.places}
    assert actors["gulf-weather-center"]["kind"] == "organization"
    assert places.get("harlow-civic-center") == "facility"


def test_an_unread_name_with_its_kind_set_off_after_it_is_a_name() -> None:
    actors = _actors(
        "Storm leaves thousands in the dark\nPower was cut to 40,000 homes. Pelwater, the "
        "utility, said repairs could take a week."
    )
    assert actors["pelwater"]["kind"] == "organization"


def test_an_office_after_of_is_part_of_the_bodys_name() -> None:
    # "Justice", "President" after "of" say what the body is of; they are no post.
    actors = _actors(
        "Fine upheld\nBRUSSELS (Reuters) - The European Court of Justice ruled on Tuesday "
        "that the fine stood. The Office of the President said it would comply."
    )
    names = {a["name"] for a in actors.values()}
    assert "European Court of Justice" in names
    assert "Office of the President" in names
    assert "European Court" not in names


def test_press_before_an_office_is_the_posts_word_not_a_bodys_head() -> None:
    actors = _actors(
        "Bill stalls\nThe plan was announced on Monday. White House Press Secretary "
        "Karine Jean-Pierre said it would pass."
    )
    assert "white-house-press" not in actors
    assert actors["karine-jean-pierre"]["kind"] == "person"


def test_a_place_label_stopping_inside_a_longer_name_is_no_place() -> None:
    # The band "Talca Talca": the model reads only its first word as a place, and the
    # gazetteer has a town of that name; the whole is of no kind the text shows.
    doc = load_model()("The portraits include singer Ana Ruiz of Talca Talca and a drummer.")
    doc.ents = [Span(doc, 7, 8, label="GPE")]
    assert not any("Talca" in n.text for n in read_names(doc))
    # A place's own tail word keeps the reading ("Orange County" read as "Orange").
    doc = load_model()("They moved to Harlan County last year.")
    harlan = next(t.i for t in doc if t.text == "Harlan")
    doc.ents = [Span(doc, harlan, harlan + 1, label="GPE")]
    assert any(n.text.startswith("Harlan") for n in read_names(doc))


def test_a_university_named_with_its_campus_city_is_one_name() -> None:
    article = parse_article(
        "Campus wins grant\nResearchers at the University of Arkansas at Little Rock won "
        "the grant on Monday, the school said."
    )
    doc = load_model()(article.body)
    entities = resolve_entities(article, doc)
    names = {e.name for e in entities.actors + entities.places}
    assert "University of Arkansas at Little Rock" in names
    assert "Little Rock" not in names


def test_a_headlines_last_noun_is_no_apposition_of_the_name_below() -> None:
    # The parser sets the body's first name beside the headline's last noun.
    actors = _actors("United parts with its manager\nHalbury sacked manager Tom Reyes on Sunday.")
    assert actors.get("halbury", {}).get("kind") != "person"
    assert "role" not in actors.get("halbury", {})


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Standard & Poor's 500 index dropped 3.24% on Monday.", "Standard & Poor's 500"),
        ("The Halvard & Brink's 300 Index rose 1.9% on Tuesday.", "Halvard & Brink's 300 Index"),
        ("The Korvan 250 Index fell 40 points.", "Korvan 250 Index"),
        # No index word: the name's number moves by points.
        ("The Halvard & Brink's 300 plunged by 30.27 points on Monday.", "Halvard & Brink's 300"),
        ("Markets fell, with the KZX index losing 3.2% on Monday.", "KZX"),
    ],
)
def test_an_index_named_with_a_possessive_and_a_number_is_one_name(text: str, name: str) -> None:
    # Not a body "Standard & Poor" beside a thing "500 Index".
    found = _names(text)
    assert [names for kind, names in found.values()] == [[name]]
    assert [kind for kind, _ in found.values()] == ["other"]


def test_a_quoted_name_after_an_article_is_the_words_inside_the_marks() -> None:
    # The model reads 'a "New GM' as one name in a long article; the name is the
    # words inside the marks, so it joins its other mentions.
    from briefkit.extractors.actors import _without_stray_marks

    doc = load_model()('He outlined a plan for what he called a "New GM" on Monday.')
    start = next(t.i for t in doc if t.text == "a" and doc[t.i + 1].text == '"')
    span = _without_stray_marks(doc[start : start + 4])
    assert span is not None and span.text == "New GM"


def test_a_things_name_written_again_and_again_with_a_number_names_that_model() -> None:
    found = _names(
        "Zentra Labs refunds owners\n\nZentra Labs said owners of its new vPhone 4 can get a "
        "refund. About one in every 200 vPhone 4 customers have called to complain, "
        "and the vPhone 4 will get an update. The older vPhone sold well."
    )
    assert found["vphone-4"] == ("other", ["vPhone 4", "vPhone 4", "vPhone 4"])
    assert found["vphone"] == ("other", ["vPhone"])


def test_an_acronym_with_a_number_is_the_numbered_model_it_spells() -> None:
    # "IE6" is "Internet Explorer 6", and "IE" the line, not the model the "6" numbers.
    from briefkit.extractors.actors import _abbreviated, _acronym_form
    from briefkit.extractors.types import Name

    named = {
        key.lower(): [Name(0, len(key), key, "PRODUCT", "other", 2, key)]
        for key in ("Internet Explorer 6", "Internet Explorer")
    }
    assert _abbreviated(_acronym_form("IE6"), "ie6", named) == "internet explorer 6"
    assert _abbreviated(_acronym_form("IE"), "ie", named) == "internet explorer"


def test_a_surname_misspelt_by_one_slip_is_that_person() -> None:
    found = _names(
        "Plant may close\n\nAnalyst Dennis Kowalski believes that the plant is likely to "
        'close. Kowlaski said, "The plant is old, and the product is old."'
    )
    assert sorted(found["dennis-kowalski"][1]) == ["Dennis Kowalski", "Kowlaski"]
    assert "kowlaski" not in found


def test_names_two_slips_apart_stay_apart() -> None:
    found = _names(
        "Plant may close\n\nAnalyst Dennis DuMarais believes that the plant is likely to "
        'close. DuMaries said, "The plant is old, and the product is old."'
    )
    assert found["dennis-dumarais"][1] == ["Dennis DuMarais"]


def test_the_country_an_index_is_of_stays_the_country() -> None:
    found = _names("Markets fell\n\nThe primary UK index, the FTSE 100, dropped 2% on Monday.")
    assert found["united-kingdom"][0] == "country"
    assert "uk" not in found


def test_a_body_named_alone_before_a_longer_name_is_not_that_name() -> None:
    # News names a body in full first and shortens it after: "Kelvar" twice, then
    # "the Kelvar Aspen", is the company and one of its models, not one name.
    found = _names(
        "The carmaker Kelvar, which has been hit by the recession, has asked the government "
        "for aid. Kelvar will also stop making the Kelvar Aspen and the Kelvar Nova."
    )
    assert "kelvar-aspen" in found
    assert "Kelvar" not in found["kelvar-aspen"][1]
    # and a thing, where only the model's label calls it a body
    assert found["kelvar-aspen"][0] == "other"


def test_a_short_name_written_after_its_full_name_joins_it() -> None:
    found = _names("Northrop Grumman won the contract on Monday. Northrop said it was pleased.")
    assert "Northrop" in found["northrop-grumman"][1]


def test_a_name_with_its_words_cut_short_is_the_full_name() -> None:
    # The headline clips "Automotive"; the acronym and the bare first word are the
    # same group's too.
    found = _names(
        "Halvard Auto selected to buy Saturn\n\nJune 5, 2009\n\nGeneral Motors said on "
        "Friday that the Halvard Automotive Group (HAG) was selected to buy Saturn. HAG "
        "is in talks with other carmakers. According to Halvard, future cars will be small."
    )
    group = found["halvard-automotive-group"]
    assert group[0] == "organization"
    assert {"Halvard Auto", "HAG", "Halvard"} <= set(group[1])


def test_a_name_that_moves_by_a_percentage_or_points_is_an_index() -> None:
    found = _names(
        "Markets fell on Monday. In Germany, the Dax was 5.06% lower than the start of "
        "the day, and later the DAX rose 80 points. Sales rose 5%."
    )
    assert found["dax"][0] == "other"
    assert {"Dax", "DAX"} <= set(found["dax"][1])


def test_an_index_named_with_its_number_in_one_word_or_before_average() -> None:
    found = _names(
        "Stocks fell on Friday, with Japan's Nikkei average losing 484.68 points. In "
        "London the FTSE-100 index of leading shares fell 176.3 points. The national "
        "average rose."
    )
    assert found["nikkei"][0] == "other"
    assert found["ftse-100"][0] == "other"
    assert "japan" in found and not any("national" in k for k in found)


def test_indices_listed_before_a_plural_index_word() -> None:
    found = _names(
        "Stocks fell on Tuesday. London's FTSE 100, Paris' CAC 40 and Frankfurt's DAX 30 "
        "indices each closed down more than 1 percent."
    )
    assert found["cac-40"][0] == "other"
    assert found["dax-30"][0] == "other"
    # a common noun that opens the sentence is no index's name
    assert "stock" not in _names("Stock indexes worldwide rose on Friday.")


def test_a_name_listed_with_a_thing_as_an_object_is_a_thing() -> None:
    found = _names(
        "The carmaker Kelvar, which has been hit by the recession, has asked the government "
        "for aid. In addition, Kelvar will cut the Kelvar Aspen, PT Cruiser, and Durango "
        "from production."
    )
    assert found["kelvar"][0] == "organization"
    assert found["kelvar-aspen"][0] == "other"
    assert found["durango"][0] == "other"


def test_a_surname_two_relatives_share_is_the_one_named_first() -> None:
    # News gives the relative's full name each time; the bare surname is the person
    # the story introduced first, even where the model finds only a later "Kessler".
    actors = _actors(
        "Judge Webb told Ellen Kessler, 61, that she had betrayed them. Kessler pleaded guilty in "
        "March. Prosecutors said she moved the money into accounts controlled by her "
        "husband, Dennis Kessler. Her attorney, Greg Lund, said Kessler had repaid $400,000. "
        "Dennis Kessler has not been charged."
    )
    assert "Kessler" in actors["ellen-kessler"].get("aliases", [])
    assert "Kessler" not in actors["dennis-kessler"].get("aliases", [])
    assert actors["dennis-kessler"]["role"] == "husband of Ellen Kessler"
    # "Her attorney": no woman is named in the sentence before, but its "she" is
    # about someone further back.
    assert actors["greg-lund"]["role"] == "attorney of Ellen Kessler"


def test_a_wire_datelines_city_and_state_are_places() -> None:
    article = parse_article(
        "Senate passes budget bill\n\nHARTFORD, Conn. (AP) — The state Senate passed a "
        "budget bill on Friday.\n\nIt now goes to the House.\n"
    )
    entities = resolve_entities(article, load_model()(article.prose))
    places = {p.id: p for p in entities.places}
    assert places["hartford"].kind == "city"
    assert places["hartford"].name == "Hartford"
    assert places["connecticut"].kind == "region"
    # the dateline's date is still no event's: the dateline stays out of the parse
    assert "HARTFORD" not in article.prose
    # a dash after a name that is no city is not a dateline's place
    article = parse_article("Budget\n\nSMITH — The Senate passed a budget bill on Friday.\n")
    assert not resolve_entities(article, load_model()(article.prose)).places


def test_the_country_before_a_post_is_the_one_country_named_in_reach() -> None:
    actors = _actors(
        "Protests spread across Kenya on Monday. The country's foreign minister Musalia "
        "Mudavadi said the talks would resume. Olaf Brandt, the country's trade minister, "
        "agreed."
    )
    assert actors["musalia-mudavadi"]["role"] == "foreign minister of Kenya"
    assert str(actors["olaf-brandt"]["role"]).lower() == "trade minister of kenya"
    # two countries in reach: "the country" could be either, so no guess
    actors = _actors(
        "Kenya and Uganda signed a deal on Monday. The country's president, William Ruto, "
        "called for calm."
    )
    assert actors["william-ruto"]["role"] == "President"


def test_a_given_name_the_model_read_as_a_word_and_occupations_by_their_ending() -> None:
    actors = _actors(
        "Ann Holt, an oceanographer, died on Monday. In 1960 she married Per Solberg, "
        "who died in 2015. Tom Reyes, a fisherman from Maine, spoke at the service."
    )
    assert "per-solberg" in actors
    assert actors["ann-holt"]["role"] == "Oceanographer"
    assert actors["tom-reyes"]["role"] == "Fisherman"


def test_a_name_in_apposition_to_the_railroad_is_a_company() -> None:
    actors = _actors("The railroad, Norfolk Southern, said in a statement that it would pay.")
    assert actors["norfolk-southern"]["kind"] == "organization"


def test_a_ship_named_after_its_noun_is_a_thing_or_where_someone_is() -> None:
    actors = _actors("Turkey sent the survey vessel Oruc Reis into waters claimed by Greece.")
    assert actors["oruc-reis"]["kind"] == "other"
    article = parse_article("He lived aboard the ship Freewinds for a year.")
    entities = resolve_entities(article, load_model()(article.prose))
    assert [(p.id, p.kind) for p in entities.places] == [("freewinds", "facility")]


def test_a_given_name_the_model_left_out_of_a_persons_name() -> None:
    actors = _actors(
        'According to a government spokesman, Stelios Petsas, Greece wants "a clear agenda."'
    )
    assert "stelios-petsas" in actors
    assert "petsas" not in actors


def test_a_body_titled_by_the_noun_before_it_is_an_organization() -> None:
    # "consulting firm Tremlow": no determiner, but the noun modifies the name as a
    # title does; the model labels none of it.
    actors = _actors(
        "Markets slide\n\nSome stocks saw short changes; for instance, consulting firm "
        "Tremlow saw its shares plummet from about $42 to four cents."
    )
    assert actors["tremlow"]["kind"] == "organization"


def test_a_familiar_given_name_signing_off_is_the_person() -> None:
    # "Jim." signs the emails of James Tallow: an alias, not a second person.
    actors = _actors(
        'Emails released\n\nSecretary of the Navy James Tallow wrote: "No, save it. Jim." '
        'Tallow later wrote: "I agree. Jim."'
    )
    assert "jim" not in actors
    assert "Jim" in actors["james-tallow"].get("aliases", [])


def test_a_project_that_speaks_is_a_body_and_an_operation_a_thing() -> None:
    actors = _actors(
        "Deal criticised\n\nThe activist organization the Project on Fiscal Openness has "
        "called it a case of favoritism. The army then launched Operation Granite Wind."
    )
    assert actors["project-on-fiscal-openness"]["kind"] == "organization"
    assert actors["operation-granite-wind"]["kind"] == "other"


def test_a_bodys_name_cut_short_to_one_word_is_that_body() -> None:
    # "the Fed" for the Federal Reserve: one word opening the first word of one body's name.
    actors = _actors(
        "Banks add cash\n\nYesterday the Federal Reserve transferred US$ 24 billion to "
        "reserves. On Friday, the Fed entered into a repurchase agreement."
    )
    assert "fed" not in actors
    assert "Fed" in actors["federal-reserve"].get("aliases", [])


def test_a_capitalised_adjective_on_a_post_is_no_body() -> None:
    # The model calls "Automotive" an organization; the tagger reads it as the adjective
    # it is, on "analyst", and the text never writes it as a proper noun.
    actors = _actors(
        "Plant to close\n\nOn the contrary, according to Automotive analyst Paul LeBrun "
        "believes that the factory is still open."
    )
    assert "automotive" not in actors
    assert "paul-lebrun" in actors


def test_a_makers_name_and_a_model_name_are_a_product() -> None:
    # "the Ford Strider" after "manufactures", "the Ford Corsa sedan" (invented models):
    # the maker's name, read by the model elsewhere, opens the product's, and the maker
    # stays a body of its own.
    actors = _actors(
        "Cars\n\nThe plant manufactures the Ford Strider. Atlanta makes the Ford Corsa "
        "sedan. Ford said sales rose."
    )
    assert actors["ford-strider"]["kind"] == "other"
    assert actors["ford-corsa"]["kind"] == "other"
    assert actors["ford"]["kind"] == "organization"


def test_what_is_bought_where_analysts_work_and_listed_brands_are_no_people() -> None:
    actors = _actors(
        "Snack maker buys dairy\n\nHarlow Foods said on Monday it would buy Penfold Dairy, a "
        "family-owned company. Penfold's brands include Clearwater Milk and Old Mill Butter. "
        "Its rival Brightway Brands bought Crestline Cheese last year. Analysts at Morgan "
        "Stanley said the price was high. Penfold's chairman, Robert Penfold, will join the "
        "board."
    )
    assert actors["crestline-cheese"]["kind"] == "organization"
    assert actors["morgan-stanley"]["kind"] == "organization"
    assert actors["clearwater-milk"]["kind"] == "other"
    assert actors["old-mill-butter"]["kind"] == "other"
    # "Penfold" alone, after the company is named in full and before the chairman is,
    # is the company's short name.
    assert "Penfold" in actors["penfold-dairy"].get("aliases", [])
    assert "Penfold" not in actors["robert-penfold"].get("aliases", [])


def test_a_plural_of_a_makers_model_names_the_model() -> None:
    actors = _actors("Airline buys jets\n\nSkyline exercises options on five Boeing 787s.")
    assert "boeing-787s" not in actors
    assert actors["boeing-787"]["kind"] == "other"


def test_a_name_a_things_pronoun_calls_its_rival_is_a_body() -> None:
    actors = _actors("Markets\n\nThe company competes with Corvex, its main rival, for contracts.")
    assert actors["corvex"]["kind"] == "organization"


def test_a_product_the_model_reads_that_speaks_is_a_company() -> None:
    actors = _actors(
        "Shipping\n\nThe chief executive said Maersk would reroute ships to Antwerp. Maersk "
        "declined to comment."
    )
    assert actors["maersk"]["kind"] == "organization"


def test_a_sentence_case_headlines_first_word_on_a_noun_is_no_name() -> None:
    actors = _actors(
        "Tech founder sues former partner over company control\n\nDaniel Hart sued his "
        "partner on Monday."
    )
    assert "tech" not in actors
    # the same place, but named again in the story: the name stands
    actors = _actors("Boeing jet makes maiden flight\n\nBoeing flew its new jet on Tuesday.")
    assert actors["boeing"]["kind"] == "organization"


def test_an_object_pronoun_of_a_persons_own_verb_says_nothing_of_their_gender() -> None:
    article = parse_article(
        "Judge dies\n\nMargaret Ellison died Sunday. Governor John Gilligan appointed her "
        "to the bench in 1974."
    )
    doc = load_model()(article.prose)
    entities = resolve_entities(article, doc)
    genders = {a.id: person_gender(a, doc) for a in entities.actors}
    assert genders["john-gilligan"] is None


def test_a_country_abbreviations_point_that_ends_a_sentence_parts_two_names() -> None:
    # The model runs "the U.S." into the next sentence's subject.
    actors = _actors(
        "Phone sales\n\nSteve Jobs spoke on Monday. Most buyers browse on phones in the "
        "U.S. Jobs also noted that sales rose."
    )
    assert "u-s-jobs" not in actors
    assert actors["united-states"]["kind"] == "country"
    actors = _actors(
        "Bank cuts jobs\n\nShares fell sharply in the U.S. Deutsche Bank said it would cut jobs."
    )
    assert "deutsche-bank" in actors and "u-s-deutsche-bank" not in actors
    # a name the abbreviation opens stays whole
    actors = _actors("Treasury acts\n\nThe U.S. Treasury said it would sell bonds.")
    assert "u-s-treasury" in actors


def test_camel_case_coinages_with_their_versions_are_products() -> None:
    actors = _actors(
        "Phone maker unveils models\n\nThe company unveiled the zPhone 4 and the new zOS 4 "
        "software on Monday. zOS will support zAd, which goes live in July. The zPhone 3G "
        "will be discontinued, and the zPhone 3GS will cost less. zLife '11 costs $49, and "
        "songs sell on the zTunes Store."
    )
    for ident in ("zphone-4", "zos-4", "zos", "zad", "zphone-3g", "zlife-11", "ztunes-store"):
        assert actors[ident]["kind"] == "other", ident
    # "zPhone 3G" and "zPhone 3GS" name no "zPhone 3"
    assert "zphone-3" not in actors


def test_a_place_and_a_plural_is_a_side_named_for_its_home() -> None:
    actors = _actors(
        "Stadium approved\n\nThe council approved a stadium for the Colorado Rapids on "
        "Tuesday. The team flew to Grand Rapids on Friday."
    )
    assert actors["colorado-rapids"]["kind"] == "organization"
    # a place the gazetteer knows by the whole name stays a place
    assert "grand-rapids" not in actors


def test_the_agency_of_a_wire_dateline_is_no_actor() -> None:
    actors = _actors(
        "EU imposes sanctions\n\nBRUSSELS, Nov. 6, 2020 (Reuters) - The European Union on "
        "Friday imposed sanctions on Belarus.\n"
    )
    assert "reuters" not in actors and "european-union" in actors


def test_a_name_opening_with_a_body_and_a_company_of_its_country() -> None:
    actors = _actors(
        "Launch contracts\n\nBoeing held pages of documentation from Lockheed, its rival. "
        "Lockheed Martin's Atlas V is a rocket. Renault Samsung Motors of Korea is the "
        "likely buyer. The Bank of Korea and the Royal Bank of Scotland agreed."
    )
    # the model's person reading of a body's fuller name gives way
    assert actors["lockheed-martin"]["kind"] == "organization"
    assert actors["renault-samsung-motors"]["kind"] == "organization"
    # names that run through "of" stay whole
    assert "bank-of-korea" in actors and "royal-bank-of-scotland" in actors


def test_a_bodys_first_word_alone_is_that_body() -> None:
    actors = _actors(
        "Merger blocked\n\nA judge blocked the merger of Quillon Savings Bank and Penmore "
        "Credit. Quillon's chairman, Victor Osei, was disappointed. Penmore, which is owned "
        "by Caldwell Holdings, will appeal. Brightwater Partners advised the banks. "
        '"It is over," said Brightwater\'s head of research, Leo Marsh.\n'
    )
    # a first word the model missed, or read alone as another body, is the short form
    assert "Penmore" in actors["penmore-credit"].get("aliases", [])
    assert "Quillon" in actors["quillon-savings-bank"].get("aliases", [])
    assert "Brightwater" in actors["brightwater-partners"].get("aliases", [])
    assert not {"penmore", "quillon", "brightwater"} & set(actors)


def test_a_surname_set_off_by_a_trade_is_the_person() -> None:
    actors = _actors(
        "Strike\n\nThe federation's general secretary, Ines Varga, said talks had broken "
        "down. Varga, a former crane operator, has led the union since 2019.\n"
    )
    assert "varga" not in actors
    assert "Varga" in actors["ines-varga"].get("aliases", [])


def test_shares_of_a_company_are_no_body() -> None:
    actors = _actors("Stocks\n\nShares of Trent Insurance fell 4 percent on Monday.\n")
    assert "trent-insurance" in actors
    assert not any(a.startswith("shares") for a in actors)


def test_a_surname_two_relatives_share_is_the_one_named_in_full_before() -> None:
    text = (
        "Bank\n\nThe bank's chairman, Victor Osei, said he was disappointed. Osei founded "
        "the bank in 1988 with his brother, Daniel Osei, who runs its mortgage unit.\n"
    )
    actors = _actors(text)
    assert "Osei" in actors["victor-osei"].get("aliases", [])
    # "he" after the full name is his own, so "his brother" is still his
    assert actors["daniel-osei"]["role"] == "brother of Victor Osei"

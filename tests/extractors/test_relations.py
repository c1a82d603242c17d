"""Relations: roles and stated ties between actors, each with evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefkit.article import parse_article, read_article
from briefkit.extractors.actors import resolve_entities
from briefkit.extractors.nlp import load_model
from briefkit.extractors.pipeline import parse
from briefkit.extractors.relations import find_relations

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "000_465411d9f143cfd2.txt"


def _relations(article) -> list[dict[str, object]]:
    doc = load_model()(article.body)
    return find_relations(article, doc, resolve_entities(article, doc))


def _triples(relations: list[dict[str, object]]) -> set[tuple[object, object, object]]:
    return {(r["from"], r["kind"], r["to"]) for r in relations}


@pytest.fixture(scope="module")
def seed_relations() -> list[dict[str, object]]:
    if not SEED.exists():
        pytest.skip(f"the seed article is not at {SEED}")
    return _relations(read_article(SEED))


def test_seed_role_relations(seed_relations: list[dict[str, object]]) -> None:
    triples = _triples(seed_relations)
    assert ("masoud-pezeshkian", "role", "iran") in triples
    assert ("abdul-latif-rashid", "role", "iraq") in triples
    assert ("behzad-khosravi", "member-of", "kurdistan-democratic-party") in triples


def test_seed_stated_relations(seed_relations: list[dict[str, object]]) -> None:
    triples = _triples(seed_relations)
    assert ("iran", "enemy", "united-states") in triples
    assert ("iran", "tension", "israel") in triples
    assert ("iran", "ally", "lebanon") in triples and ("iran", "ally", "syria") in triples
    assert ("iraq", "mediator", "saudi-arabia") in triples  # Baghdad stands for Iraq
    assert any(k == "trade-partner" and {a, b} == {"iran", "iraq"} for a, k, b in triples)


def test_relation_evidence_is_in_one_sentence(seed_relations: list[dict[str, object]]) -> None:
    article = read_article(SEED)
    for rel in seed_relations:
        start = article.text.find(str(rel["evidence"]))
        sent = article.sentence_at(start)
        assert sent is not None and start + len(str(rel["evidence"])) <= sent.end, rel


def test_relations_in_invented_news() -> None:
    triples = _triples(
        _relations(
            parse_article(
                "Tensions between Peru and Chile have grown this year. "
                "Brazil remains Argentina’s largest trade partner."
            )
        )
    )
    assert ("peru", "tension", "chile") in triples
    assert any(k == "trade-partner" and {a, b} == {"brazil", "argentina"} for a, k, b in triples)


def test_no_relation_without_stated_parties() -> None:
    relations = _relations(parse_article("Tensions rose in the region on Monday, officials said."))
    assert relations == []


def test_membership_is_a_relation_beside_the_role() -> None:
    article = parse_article(
        "On Monday, Ruritania deported a Borduan labour activist, Anton Keller, a member "
        "of the Borduan Workers Party, according to the party."
    )
    relations = _relations(article)
    member = [r for r in relations if r["kind"] == "member-of"]
    assert [(r["from"], r["to"]) for r in member] == [("anton-keller", "borduan-workers-party")]
    assert "member of the Borduan Workers Party" in str(member[0]["evidence"])


def test_trade_verbs_fighting_damaged_ties_and_imposed_sanctions() -> None:
    article = parse_article(
        "India mainly buys Peru’s copper, officials said. About 300 Chilean troops are in "
        "Bolivia. The main task of the unit is helping to fight the Andean Liberation Front. "
        "Argentina hopes to restore broken ties with Uruguay. But the sanctions imposed by "
        "Brazil have made it hard for Paraguay to sell its soy."
    )
    triples = _triples(_relations(article))
    assert ("india", "trade-partner", "peru") in triples
    assert ("chile", "enemy", "andean-liberation-front") in triples
    assert ("argentina", "tension", "uruguay") in triples
    assert ("brazil", "sanctions", "paraguay") in triples


def test_party_labels_and_posts_become_relations() -> None:
    article = parse_article(
        "The Labour Party won two seats. Alma Reyes of the Labour Party kept her seat, "
        "and the Green Union's Piet Dekker lost his. Kelvar Motors CEO Hanna Vogt "
        "welcomed the result."
    )
    triples = _triples(_relations(article))
    assert ("alma-reyes", "member-of", "labour-party") in triples
    assert ("piet-dekker", "member-of", "green-union") in triples
    assert ("hanna-vogt", "role", "kelvar-motors") in triples
    # one affiliation per pair: the post, not also a membership
    assert ("hanna-vogt", "member-of", "kelvar-motors") not in triples


def test_founders_and_lawyers_get_their_own_kinds() -> None:
    article = parse_article(
        "Orvane Inc. co-founder Tess Moller left. Rick Dahl, a lawyer for Orvane Inc., "
        "declined to comment."
    )
    triples = _triples(_relations(article))
    assert ("tess-moller", "founder-of", "orvane-inc") in triples
    assert ("rick-dahl", "counsel-for", "orvane-inc") in triples
    assert ("rick-dahl", "role", "orvane-inc") not in triples


def test_no_membership_from_where_someone_comes_from() -> None:
    relations = _relations(parse_article("Anna Berg from Norway won the race in Oslo."))
    assert not [r for r in relations if r["kind"] == "member-of"]


def test_relational_roles_resolve_a_pronoun_only_when_the_text_makes_it_clear() -> None:
    article = parse_article(
        "Peter Marsh said he was tired. His wife, Mary Roe, agreed. "
        "Laura Dunn said she would appeal. Her attorney, Tom Beck, filed papers."
    )
    triples = _triples(_relations(article))
    assert ("mary-roe", "spouse", "peter-marsh") in triples
    assert ("tom-beck", "counsel-for", "laura-dunn") in triples
    # a nearer person whose gender the text does not give: no guess
    unclear = _relations(
        parse_article("Peter Marsh met Carla Moss on Monday. His wife, Mary Roe, agreed.")
    )
    assert not [r for r in unclear if r["kind"] == "spouse"]


def test_founded_by_names_the_founder_with_evidence() -> None:
    article = parse_article("The Orvane Foundation was founded by Peter Marsh in 1990.")
    founded = [r for r in _relations(article) if r["kind"] == "founder-of"]
    assert [(r["from"], r["to"]) for r in founded] == [("peter-marsh", "orvane-foundation")]
    assert "Peter Marsh" in str(founded[0]["evidence"])


def test_a_country_named_in_passing_is_no_party() -> None:
    article = parse_article(
        "Peter Marsh warned that the plan would drag Norway into a war, officials said."
    )
    assert not [r for r in _relations(article) if r["kind"] == "enemy"]


def test_posts_in_apposition_name_their_body() -> None:
    article = parse_article(
        "Lena Ward, Prime Minister of Norway, spoke first. Olaf Brun, Norway's Minister of "
        "Trade, agreed. Kurt Hale, a Nebraska senator, objected."
    )
    triples = _triples(_relations(article))
    assert ("lena-ward", "role", "norway") in triples
    assert ("olaf-brun", "role", "norway") in triples
    assert ("kurt-hale", "role", "nebraska") in triples


def test_a_title_before_the_name_takes_the_body_written_in_it() -> None:
    article = parse_article(
        "Norwegian Finance Minister Lena Ward met Kelvar Motors chief executive Hanna Vogt. "
        "Chief executive of the Ardent Trust Mark Ruiz said no."
    )
    triples = _triples(_relations(article))
    assert ("lena-ward", "role", "norway") in triples
    assert ("hanna-vogt", "role", "kelvar-motors") in triples
    assert ("mark-ruiz", "role", "ardent-trust") in triples


def test_a_demonym_gives_no_post_to_an_occupation_and_a_title_word_is_no_body() -> None:
    article = parse_article(
        "Norwegian actor Lars Berg and Home Secretary Anna Kell met the Ardent Trust's "
        "founder, Mark Ruiz."
    )
    relations = _relations(article)
    assert not [r for r in relations if r["from"] == "lars-berg"]
    assert not [r for r in relations if r["from"] == "anna-kell"]


def test_an_unnamed_possessor_keeps_its_post() -> None:
    article = parse_article("Norway beat Chile. The Norwegian team's coach, Pia Lund, was happy.")
    assert not [r for r in _relations(article) if r["from"] == "pia-lund"]


def test_members_named_in_a_list_or_after_a_shared_possessive() -> None:
    article = parse_article(
        "The Green Union met on Monday. Former members of the Green Union, including "
        "Tom Lark and Ada Moss, left. The Civic Alliance's Ivo Tan and Eva Roth won seats."
    )
    triples = _triples(_relations(article))
    assert ("tom-lark", "member-of", "green-union") in triples
    assert ("ada-moss", "member-of", "green-union") in triples
    assert ("eva-roth", "member-of", "civic-alliance") in triples


def test_ownership_stated_by_verb_noun_or_unit() -> None:
    article = parse_article(
        "Kelvar Motors acquired Pallas Group in 2004. Ardent Holdings' purchase of Orvane "
        "Inc. closed in May. Zento Ltd, which was acquired by Ardent Holdings, grew. "
        "Kelvar Motors plans to buy Dunmore Group."
    )
    triples = _triples(_relations(article))
    assert ("kelvar-motors", "owns", "pallas-group") in triples
    assert ("ardent-holdings", "owns", "orvane-inc") in triples
    assert ("ardent-holdings", "owns", "zento-ltd") in triples
    assert not [r for r in _relations(article) if r["to"] == "dunmore-group"]


def test_a_bare_national_office_is_the_story_country_only_where_one_stands_out() -> None:
    story = (
        "Norway cuts taxes\n\nNorway will cut taxes, the Norwegian government said. "
        "Norway's budget is in surplus. Finance Minister Lena Ward announced the cut. "
    )
    triples = _triples(_relations(parse_article(story)))
    assert ("lena-ward", "role", "norway") in triples
    # two countries named as often: whose minister she is, the text does not say
    mixed = story.replace("Norway's budget", "Chile's budget and Chile's debt")
    assert not [r for r in _relations(parse_article(mixed)) if r["from"] == "lena-ward"]


def test_a_post_whose_body_is_the_one_company_named_just_before() -> None:
    article = parse_article(
        "Zentrox Corporation reported a loss on Monday. The firm's chief executive "
        "officer, Karl Dobrin, said sales fell."
    )
    assert ("karl-dobrin", "role", "zentrox-corporation") in _triples(_relations(article))
    named = parse_article("Velmar Industries named Hana Osk as its new president on Tuesday.")
    assert ("hana-osk", "role", "velmar-industries") in _triples(_relations(named))
    # two companies named before: which one "the company" is would be a guess
    two = _relations(
        parse_article(
            "Norland Oil and Grey Trust reported losses. The company's chief executive, "
            "Ivo Marr, resigned."
        )
    )
    assert not [r for r in two if r["from"] == "ivo-marr"]


def test_employment_by_verb_and_a_pronoun_founder() -> None:
    article = parse_article(
        "Hana Osk worked for Brontel Systems for a decade. Tom Brack left Orvel Computer "
        "in 1985. That year he founded Nexo Systems."
    )
    triples = _triples(_relations(article))
    assert ("hana-osk", "employed-by", "brontel-systems") in triples
    assert ("tom-brack", "founder-of", "nexo-systems") in triples


def test_rivals_rifts_stakes_and_bans() -> None:
    article = parse_article(
        "Kestrel Air's European rival, Orvel Airlines, cut fares. In 2009, Vanta Motors bought a "
        "twenty percent stake in Corlis Auto. Ending the rift between Peru and Chile will "
        "take years. Chile banned imports from Bolivia."
    )
    relations = _relations(article)
    pairs = {(r["kind"], frozenset((r["from"], r["to"]))) for r in relations}
    assert ("rival", frozenset(("kestrel-air", "orvel-airlines"))) in pairs
    assert ("tension", frozenset(("peru", "chile"))) in pairs
    triples = _triples(relations)
    assert ("vanta-motors", "owns", "corlis-auto") in triples
    assert ("chile", "sanctions", "bolivia") in triples
    # a ban only planned is no sanction
    planned = _relations(parse_article("Chile may ban imports from Bolivia."))
    assert not [r for r in planned if r["kind"] == "sanctions"]


def test_respectively_pairs_people_and_bodies_in_order() -> None:
    article = parse_article(
        "The camp's Ana Pell and Rob Gunn of respectively Green Party and the Farmers Union won."
    )
    triples = _triples(_relations(article))
    assert ("ana-pell", "member-of", "green-party") in triples
    assert ("rob-gunn", "member-of", "farmers-union") in triples
    assert ("rob-gunn", "member-of", "green-party") not in triples


def test_a_pronoun_buyer_and_an_invasion() -> None:
    article = parse_article(
        "Tom Brack left Orvel Computer in 1985. In 1986 he bought Nexo Systems. "
        "Markets fell after Russia's invasion of neighboring Georgia."
    )
    relations = _relations(article)
    assert ("tom-brack", "owns", "nexo-systems") in _triples(relations)
    pairs = {(r["kind"], frozenset((r["from"], r["to"]))) for r in relations}
    assert ("enemy", frozenset(("russia", "georgia"))) in pairs


def _pairs(relations: list[dict[str, object]]) -> set[tuple[object, frozenset[object]]]:
    return {(r["kind"], frozenset((r["from"], r["to"]))) for r in relations}


def test_membership_and_office_named_after_the_name() -> None:
    article = parse_article(
        "The mayor met Ann Dorsey of the Green Alliance on Monday. "
        "Senator Paul Varn from Nebraska spoke."
    )
    triples = _triples(_relations(article))
    assert ("ann-dorsey", "member-of", "green-alliance") in triples
    assert ("paul-varn", "role", "nebraska") in triples


def test_an_adherent_noun_is_membership() -> None:
    article = parse_article("Scientologist Mara Quill spoke at the Church of Scientology in Paris.")
    assert ("mara-quill", "member-of", "church-of-scientology") in _triples(_relations(article))


def test_family_before_the_name() -> None:
    article = parse_article(
        "Tom Brack arrived with his wife Jane Brack. Brack's son Ed Brack stayed home."
    )
    relations = _relations(article)
    assert ("spouse", frozenset(("tom-brack", "jane-brack"))) in _pairs(relations)
    assert ("tom-brack", "parent-of", "ed-brack") in _triples(relations)


def test_ownership_by_hyphen_passive_and_its_subsidiary() -> None:
    triples = _triples(
        _relations(
            parse_article(
                "Kestrel Air said Kestrel Air-owned Mina Air grew. "
                "Vanta Motors, which is owned by Orvel Bank, grew. "
                "Orvel Bank said its subsidiary Karst Capital lost money."
            )
        )
    )
    assert ("kestrel-air", "owns", "mina-air") in triples
    assert ("orvel-bank", "owns", "vanta-motors") in triples
    assert ("orvel-bank", "owns", "karst-capital") in triples


def test_ties_stated_by_verbs() -> None:
    relations = _relations(
        parse_article(
            "Peru accused Chile of spying. In May, Peru imposed new sanctions on Bolivia. "
            "Kestrel Air sued Orvel Airlines in May. "
            "North Korea and South Korea exchanged artillery fire on Tuesday."
        )
    )
    pairs = _pairs(relations)
    assert ("tension", frozenset(("peru", "chile"))) in pairs
    assert ("tension", frozenset(("kestrel-air", "orvel-airlines"))) in pairs
    assert ("enemy", frozenset(("north-korea", "south-korea"))) in pairs
    assert ("peru", "sanctions", "bolivia") in _triples(relations)


def test_a_denied_or_possible_tie_is_none() -> None:
    relations = _relations(
        parse_article("Vanta Motors did not sue Orvel Airlines. Vanta Motors may sue Kestrel Air.")
    )
    assert not [r for r in relations if r["kind"] == "tension"]


def test_employment_and_leading_by_verbs_and_the_board() -> None:
    triples = _triples(
        _relations(
            parse_article(
                "Ann Dorsey was hired by Vanta Motors in May. Paul Varn heads the Green Alliance."
            )
        )
    )
    assert ("ann-dorsey", "employed-by", "vanta-motors") in triples
    assert ("paul-varn", "leader-of", "green-alliance") in triples
    board = parse_article("Kestrel Air makes jets. Board member Lia Moss said sales rose.")
    assert ("lia-moss", "member-of", "kestrel-air") in _triples(_relations(board))
    # which company's board, where two are named, is a guess: no relation
    two = parse_article("Kestrel Air and Vanta Motors met. Board member Lia Moss spoke.")
    assert not [r for r in _relations(two) if r["from"] == "lia-moss"]


def test_a_stance_toward_a_body_is_no_post_in_it() -> None:
    article = parse_article(
        "In the east, pro-Beijing district councillor Wilson Orr was elected. Beijing was quiet."
    )
    assert not [r for r in _relations(article) if r["to"] == "beijing"]


def test_mediation_between_marriage_and_an_employee() -> None:
    relations = _relations(
        parse_article(
            "Qatar mediated talks between Israel and Hamas in May. "
            "Tom Brack married Lia Moss in 1990. Paul Varn is married to Eva Varn. "
            "Ann Dorsey, an employee of Vanta Motors, said sales rose."
        )
    )
    triples, pairs = _triples(relations), _pairs(relations)
    assert ("qatar", "mediator", "israel") in triples and ("qatar", "mediator", "hamas") in triples
    assert ("spouse", frozenset(("tom-brack", "lia-moss"))) in pairs
    assert ("spouse", frozenset(("paul-varn", "eva-varn"))) in pairs
    assert ("ann-dorsey", "employed-by", "vanta-motors") in triples


def test_a_country_member_of_a_body() -> None:
    article = parse_article("Peru is a member of the Andean Community.")
    assert ("peru", "member-of", "andean-community") in _triples(_relations(article))


@pytest.mark.parametrize(
    ("text", "verb", "doer", "done"),
    [
        ("Valdoria sued Ostmark.", "sued", "Valdoria", "Ostmark"),
        ("Ostmark was sued by Valdoria.", "sued", "Valdoria", "Ostmark"),
    ],
)
def test_doer_and_done_reads_both_voices(text: str, verb: str, doer: str, done: str) -> None:
    from briefkit.extractors.nlp import doer_and_done

    doc = load_model()(text)
    [tok] = [t for t in doc if t.text == verb]
    doers, dones = doer_and_done(tok)
    assert [t.text for t in doers] == [doer]
    assert [t.text for t in dones] == [done]


def test_a_body_inside_a_longer_unresolved_name_gives_no_post() -> None:
    # "Fisheries Norway" and "Kelvar Marine Systems" are named bodies of their own; the
    # country or company inside them is not the post's body.
    article = parse_article(
        "Exports slowed in May. Fisheries Norway spokeswoman Pia Lund said so. Kelvar "
        "Marine Systems CEO Hanna Vogt agreed, and Kelvar Chief Operating Officer Ivo Tan "
        "said orders would recover. Kelvar is based in Oslo."
    )
    triples = _triples(_relations(article))
    assert not [t for t in triples if t[0] == "pia-lund"]
    assert ("hanna-vogt", "role", "kelvar") not in triples
    assert ("ivo-tan", "role", "kelvar") in triples


def test_one_capitalised_word_after_the_body_is_the_posts_function() -> None:
    article = parse_article(
        "Exports slowed in May. NATO Procurement Director Ivo Tan said orders fell."
    )
    assert ("ivo-tan", "role", "nato") in _triples(_relations(article))


def test_a_fronted_title_and_a_title_of_coordinated_words() -> None:
    article = parse_article(
        "Exports slowed in May. Co-founder of Kelvar, Hanna Vogt, visited Oslo. Norway's "
        "fisheries and trade minister Ola Berg met her."
    )
    triples = _triples(_relations(article))
    assert ("hanna-vogt", "founder-of", "kelvar") in triples
    assert ("ola-berg", "role", "norway") in triples


def test_a_company_arm_is_owned_but_a_military_arm_is_not() -> None:
    article = parse_article(
        "Kelvar Credit Corp., the lending arm of Ostmark Motors, lost money. The Valdor Guard, "
        "the military arm of the Valdor Front, fired rockets."
    )
    triples = _triples(_relations(article))
    assert ("ostmark-motors", "owns", "kelvar-credit-corp") in triples
    assert not [t for t in triples if t[1] == "owns" and t[2] == "valdor-guard"]


def test_a_description_of_the_company_is_an_endpoint() -> None:
    sued = _relations(
        parse_article("Kelvar Motors makes cars in Oslo. Ostmark Steel Corp. sued the company.")
    )
    assert ("ostmark-steel-corp", "tension", "kelvar-motors") in _triples(sued)
    assert any("sued the company" in str(r["evidence"]) for r in sued)
    bought = _relations(
        parse_article("Kelvar Motors makes cars. In 2004 the automaker bought Pallas Group.")
    )
    assert ("kelvar-motors", "owns", "pallas-group") in _triples(bought)


def test_members_listed_after_a_phrase_the_parse_hangs_on_the_verb() -> None:
    article = parse_article(
        "The Church of Orvane grew in Oslo. A magazine attacked senior defectors from the "
        "organization including Tom Lark and Ada Moss."
    )
    triples = _triples(_relations(article))
    assert ("tom-lark", "member-of", "church-of-orvane") in triples
    assert ("ada-moss", "member-of", "church-of-orvane") in triples


def test_a_post_stated_by_a_verb_and_its_as_phrase() -> None:
    article = parse_article(
        "Kelvar Motors grew in May. Ivo Tan served as chief executive of Kelvar Motors. "
        "Eva Roth, who was named chairman of Kelvar Motors in 2001, resigned as chairman "
        "of Kelvar Motors last week. Tom Lark has chosen to step down from his post as "
        "treasurer of the company. Mia Berg resigned as the company's chairman."
    )
    relations = _relations(article)
    triples = _triples(relations)
    assert ("ivo-tan", "role", "kelvar-motors") in triples
    assert ("eva-roth", "role", "kelvar-motors") in triples
    assert ("tom-lark", "role", "kelvar-motors") in triples
    assert ("mia-berg", "role", "kelvar-motors") in triples
    # an end still to come ("chosen to step down") is no former link
    assert not [r for r in relations if r["from"] == "tom-lark" and r.get("former")]


def test_no_post_from_a_verb_with_a_modal() -> None:
    article = parse_article("Kelvar Motors grew. Ivo Tan will serve as chairman of Kelvar Motors.")
    assert not [r for r in _relations(article) if r["from"] == "ivo-tan"]


def test_a_lawsuit_against_a_party_is_a_tension_but_a_threatened_one_is_not() -> None:
    filed = parse_article(
        "Kelvar Motors grew. Ostmark Steel Corp. filed a lawsuit against Kelvar Motors."
    )
    assert ("ostmark-steel-corp", "tension", "kelvar-motors") in _triples(_relations(filed))
    threatened = parse_article(
        "Kelvar Motors grew. Ostmark Steel Corp. threatened to file a lawsuit against Kelvar "
        "Motors."
    )
    assert not [r for r in _relations(threatened) if r["kind"] == "tension"]
    for text in (
        "Kelvar Motors grew. Ostmark Steel Corp. lost its lawsuit against Kelvar Motors.",
        "Kelvar Motors grew. A suit filed by Ostmark Steel Corp. against Kelvar Motors failed.",
    ):
        triples = _triples(_relations(parse_article(text)))
        assert ("ostmark-steel-corp", "tension", "kelvar-motors") in triples, text


def test_which_owns_takes_the_name_the_clause_is_on() -> None:
    article = parse_article("Ostmark Steel Corp., which owns Kelvar Motors, said no.")
    assert ("ostmark-steel-corp", "owns", "kelvar-motors") in _triples(_relations(article))


def test_a_partnership_with_two_bodies_is_no_tie_between_them() -> None:
    article = parse_article(
        "Prices rose as the firm ended its long partnership with Ostmark Steel Corp. and "
        "Kelvar Motors."
    )
    triples = _triples(_relations(article))
    assert not [t for t in triples if {t[0], t[2]} == {"ostmark-steel-corp", "kelvar-motors"}]


def test_a_trade_still_to_come_is_no_trade_partner() -> None:
    article = parse_article(
        "Kelvar Motors would import steel from Norway. Ostmark Steel Corp. cancelled a deal "
        "to sell steel to Chile."
    )
    assert not [r for r in _relations(article) if r["kind"] == "trade-partner"]


def test_who_founded_takes_the_name_the_clause_is_on() -> None:
    article = parse_article("Kelvar Motors grew. Ruth Vance, who founded Kelvar Motors, said no.")
    assert ("ruth-vance", "founder-of", "kelvar-motors") in _triples(_relations(article))


def test_party_labels_make_members_of_a_party_actor() -> None:
    article = parse_article(
        "The Republican Party gained seats. Sen. Ruth Vance, R-Texas, said the Democratic "
        "Party had failed. Rep. Tom Lark, a Democrat from Ohio, disagreed. Republican Sen. "
        "Ivo Tan agreed with Rep. Mia Berg (D-Ohio)."
    )
    triples = _triples(_relations(article))
    assert ("ruth-vance", "member-of", "republican-party") in triples
    assert ("tom-lark", "member-of", "democratic-party") in triples
    assert ("ivo-tan", "member-of", "republican-party") in triples
    assert ("mia-berg", "member-of", "democratic-party") in triples


def test_no_party_label_without_a_party_actor() -> None:
    # "Democrats" as a collective is no party actor here: no membership is drafted
    article = parse_article("Democrats won the vote. Tom Lark, a Democrat, said so.")
    assert not [r for r in _relations(article) if r["kind"] == "member-of"]


def test_a_post_for_the_company_takes_the_company_it_refers_back_to() -> None:
    article = parse_article(
        "Kelvar Motors grew in May. Ruth Vance, a spokeswoman for the company, said so. "
        "Ivo Tan, the company's founder, agreed."
    )
    triples = _triples(_relations(article))
    assert ("ruth-vance", "role", "kelvar-motors") in triples
    assert ("ivo-tan", "founder-of", "kelvar-motors") in triples


def test_an_owner_owns_and_a_relative_clause_states_a_post() -> None:
    article = parse_article(
        "Kelvar Motors grew. Ruth Vance, the owner of Kelvar Motors, said no. Ivo Tan, who "
        "was chief executive of Kelvar Motors from 1990 to 2001, died."
    )
    triples = _triples(_relations(article))
    assert ("ruth-vance", "owns", "kelvar-motors") in triples
    assert ("ruth-vance", "role", "kelvar-motors") not in triples
    assert ("ivo-tan", "role", "kelvar-motors") in triples


def test_ownership_by_take_over_sale_unit_copula_and_shareholder() -> None:
    article = parse_article(
        "Ostmark Steel Corp. took over Kelvar Motors in 2004. Vanta Ltd. is a unit of "
        "Ostmark Steel Corp. Pallas Group sold Zento Inc. to Ardent Holdings in 2009. "
        "Orvane Capital is Pallas Group's largest shareholder."
    )
    triples = _triples(_relations(article))
    assert ("ostmark-steel-corp", "owns", "kelvar-motors") in triples
    assert ("ostmark-steel-corp", "owns", "vanta-ltd") in triples
    assert ("ardent-holdings", "owns", "zento-inc") in triples
    assert ("orvane-capital", "owns", "pallas-group") in triples
    # a company changing hands is no trade between seller and buyer
    assert not [t for t in triples if t[1] == "trade-partner"]


def test_a_planned_sale_is_no_ownership() -> None:
    article = parse_article("Pallas Group plans to sell Zento Inc. to Ardent Holdings.")
    assert not [r for r in _relations(article) if r["kind"] == "owns"]


def test_sanctions_with_the_imposer_as_modifier() -> None:
    article = parse_article("U.S. sanctions against Russia hurt its economy, Norway said.")
    assert ("united-states", "sanctions", "russia") in _triples(_relations(article))


def test_a_named_thing_founded_by_someone_is_no_body_named_before() -> None:
    # "the Orvane Cup" is a name the noun carries (no actor): not the body before it
    article = parse_article(
        "The Kelvar Trust paid for it. The Orvane Cup competition was founded by Peter "
        "Marsh in 1990."
    )
    assert not [r for r in _relations(article) if r["kind"] == "founder-of"]


def test_an_attorney_representing_a_client_is_counsel_for_it() -> None:
    article = parse_article(
        "Ivo Tan was charged on Monday. Ruth Vance, an attorney representing Tan, said he "
        "was innocent."
    )
    assert ("ruth-vance", "counsel-for", "ivo-tan") in _triples(_relations(article))


def test_war_declared_on_ties_broken_off_and_rivals_by_copula() -> None:
    war = _relations(parse_article("Norway declared war on Chile in May."))
    assert ("norway", "enemy", "chile") in _triples(war)
    broken = _relations(parse_article("Norway broke off diplomatic relations with Chile."))
    assert ("norway", "tension", "chile") in _triples(broken)
    planned = _relations(parse_article("Norway may cut ties with Chile."))
    assert not [r for r in planned if r["kind"] == "tension"]
    rivals = _relations(parse_article("Norway and Chile have been rivals for decades."))
    assert ("norway", "rival", "chile") in _triples(rivals)


def test_a_link_the_text_ends_by_leaving_or_firing() -> None:
    article = parse_article(
        "Kelvar Motors grew. Ruth Vance left the company in 2009. Ivo Tan was fired from "
        "Kelvar Motors in 2010. Tom Lark will leave Kelvar Motors soon. Mia Berg left "
        "Oslo in May."
    )
    relations = _relations(article)
    triples = _triples(relations)
    assert ("ruth-vance", "employed-by", "kelvar-motors") in triples
    assert ("ivo-tan", "employed-by", "kelvar-motors") in triples
    assert all(r.get("former") for r in relations if r["from"] in {"ruth-vance", "ivo-tan"})
    assert not [r for r in relations if r["from"] in {"tom-lark", "mia-berg"}]


def test_a_bare_corporate_title_takes_the_one_body_its_own_sentence_names() -> None:
    article = parse_article(
        "Ostmark Steel Corp. cut jobs in May. Kelvar Motors' chief executive Ivo Tan was "
        "replaced on Sunday with Ruth Vance, the current chief operating officer."
    )
    assert ("ruth-vance", "role", "kelvar-motors") in _triples(_relations(article))


def test_a_post_of_the_person_a_possessive_pronoun_refers_back_to() -> None:
    article = parse_article(
        "Sen. Ivo Tan faced questions on Monday about his travel. "
        "His spokesman, Tom Lark, said the senator would answer them."
    )
    assert ("tom-lark", "employed-by", "ivo-tan") in _triples(_relations(article))
    # a nearer person whose gender the text does not give: no guess
    unclear = parse_article(
        "Ivo Tan and Ruth Vance met on Monday. His spokesman, Tom Lark, said so."
    )
    assert not [r for r in _relations(unclear) if r["from"] == "tom-lark"]


def test_an_opening_possessive_after_a_sentence_about_one_person_gives_her_gender() -> None:
    article = parse_article(
        "Laura Dunn, who left Kelvar Motors in May, did not answer calls. "
        "Her lawyer, Tom Beck, said she would appeal."
    )
    assert ("tom-beck", "counsel-for", "laura-dunn") in _triples(_relations(article))


def test_a_bare_company_title_whose_holder_speaks_of_the_company() -> None:
    article = parse_article(
        "Kelvar Motors will close a plant in Oslo. "
        "Chief executive Ruth Vance said the company had lost money for years."
    )
    assert ("ruth-vance", "role", "kelvar-motors") in _triples(_relations(article))
    # a title a public body has too, or two companies before: which one is a guess
    agency = parse_article(
        "The Federal Trade Commission fined Kelvar Motors. "
        "President Ivo Tan said the agency had been slow."
    )
    assert not [r for r in _relations(agency) if r["from"] == "ivo-tan"]
    two = parse_article(
        "Kelvar Motors lost money. Its rival, Ostmark Steel Corp., made a profit. "
        "Chief executive Ivo Tan said the company would cut jobs."
    )
    assert not [r for r in _relations(two) if r["from"] == "ivo-tan"]


def test_a_named_body_noun_refers_back_to_the_one_body_with_it_in_its_name() -> None:
    article = parse_article(
        "The Westbrook Tenants Coalition held a rally on Monday. "
        "The coalition's director, Ruth Vance, said rents had risen."
    )
    assert ("ruth-vance", "role", "westbrook-tenants-coalition") in _triples(_relations(article))


def test_an_owner_named_after_a_description_and_a_shareholder_in_apposition() -> None:
    article = parse_article(
        "Zento Ltd, which was bought by the Swiss insurer Ardent Holdings in 2015, grew. "
        "Kelvar Motors' largest shareholder, the pension fund Orvane Capital, backed the plan."
    )
    triples = _triples(_relations(article))
    assert ("ardent-holdings", "owns", "zento-ltd") in triples
    assert ("orvane-capital", "owns", "kelvar-motors") in triples
    # an agreed purchase not yet closed is no ownership
    agreed = parse_article("Kelvar Motors said it had agreed to buy the Swiss insurer Zento Ltd.")
    assert not [r for r in _relations(agreed) if r["kind"] == "owns"]


def test_his_before_a_kin_noun_gives_the_gender_of_a_speaker_not_named_as_kin() -> None:
    article = parse_article(
        "Kelvar Motors named a new head on Monday. Ivo Tan said on Monday that his "
        "daughter, Ruth Vance, would run the company."
    )
    assert ("ivo-tan", "parent-of", "ruth-vance") in _triples(_relations(article))
    # the one named as kin is not whose "his" the next kin noun is
    survived = parse_article(
        "Ivo Tan died on Monday. He is survived by his wife, Eva Tan, and his son, Tom Tan."
    )
    assert ("eva-tan", "parent-of", "tom-tan") not in _triples(_relations(survived))


def test_kin_an_obituary_lists_after_survived_by() -> None:
    article = parse_article(
        "Ivo Tan, a retired pilot, died on Monday in Oslo. "
        "He is survived by his wife, Eva Tan, and a daughter, Ruth Vance."
    )
    assert ("ivo-tan", "parent-of", "ruth-vance") in _triples(_relations(article))
    # a kin noun with no possessor and no 'survived by' says whose it is nowhere
    bare = parse_article("Ivo Tan died on Monday. A daughter, Ruth Vance, spoke at the service.")
    assert not [r for r in _relations(bare) if r["kind"] == "parent-of"]


def test_a_body_that_names_someone_to_a_post_names_them_to_its_own() -> None:
    article = parse_article("Kelvar Motors named Ruth Vance as chief executive on Monday.")
    assert ("ruth-vance", "role", "kelvar-motors") in _triples(_relations(article))
    # a person appoints to posts not their own; a post placed elsewhere is that one's
    others = parse_article(
        "Ivo Tan named Ruth Vance as ambassador on Monday. "
        "Kelvar Motors named Tom Lark as envoy to Norway."
    )
    assert not [r for r in _relations(others) if r["to"] in {"ivo-tan", "kelvar-motors"}]


def test_a_possessive_pronoun_two_people_of_its_gender_fit_is_left_open() -> None:
    article = parse_article(
        "Ivo Tan died on Monday in Oslo. He is survived by his wife, Eva Tan, and a son, "
        "Tom Lark. His brother, Leo Vance, died in 2010."
    )
    relations = _relations(article)
    assert not [r for r in relations if r["kind"] == "sibling"]
    assert ("ivo-tan", "parent-of", "tom-lark") in _triples(relations)


def test_parent_and_unit_in_apposition_to_the_owner_or_the_unit() -> None:
    triples = _triples(
        _relations(
            parse_article(
                "Orvel Bank reported a loss. Its parent company, Ardent Holdings, said the "
                "bank would be sold. Kelvar Group, the parent company of Vanta Motors, grew. "
                "Dunmore Capital, Pallas Group's parent company, cut jobs. Zento Motors sold "
                "a stake in Nexo Finance Corp., the financing arm of Kelvar Group, in 2006."
            )
        )
    )
    assert ("ardent-holdings", "owns", "orvel-bank") in triples
    assert ("kelvar-group", "owns", "vanta-motors") in triples
    assert ("dunmore-capital", "owns", "pallas-group") in triples
    # the parse hangs "the financing arm" on "a stake": the comma says whose it is
    assert ("kelvar-group", "owns", "nexo-finance-corp") in triples


def test_a_counted_share_of_a_company_is_a_stake_in_it() -> None:
    triples = _triples(
        _relations(
            parse_article(
                "Kelvar Motors owns 43 percent of Vanta Motors. Orvel Bank bought 20 per cent "
                "of Zento Ltd in May. Ardent Holdings has 15 percent of the market."
            )
        )
    )
    assert ("kelvar-motors", "owns", "vanta-motors") in triples
    assert ("orvel-bank", "owns", "zento-ltd") in triples
    assert not [t for t in triples if t[0] == "ardent-holdings"]


def test_a_description_stands_for_a_rival_or_an_accused_body() -> None:
    relations = _relations(
        parse_article(
            "Kelvar Motors said on Tuesday it would close three plants. The automaker's "
            "rival, Vanta Motors, said it had no such plans. The Federal Trade Agency fined "
            "Orvel Bank. Orvel Bank accused the agency of bias."
        )
    )
    assert ("rival", frozenset(("kelvar-motors", "vanta-motors"))) in _pairs(relations)
    assert ("tension", frozenset(("orvel-bank", "federal-trade-agency"))) in _pairs(relations)


def test_an_owner_noun_and_a_stake_taken() -> None:
    triples = _triples(
        _relations(
            parse_article(
                "Zento Motors' majority owner, Dunmore Capital, wants a new chief. Corlis "
                "Group, the owner of Orvel Bank, declined to comment. Karst Capital took a 30 "
                "percent stake in Vanta Motors. The former owner of Mina Air, Kestrel Air, sued. "
                "Ardent Holdings will take a stake in Pallas Group."
            )
        )
    )
    assert ("dunmore-capital", "owns", "zento-motors") in triples
    assert ("corlis-group", "owns", "orvel-bank") in triples
    assert ("karst-capital", "owns", "vanta-motors") in triples
    assert not [t for t in triples if t[1] == "owns" and t[2] in {"mina-air", "pallas-group"}]


def test_a_founded_body_named_by_a_description_is_told_by_agreement() -> None:
    story = (
        "Members work for the Green Union. The Green Union said Ada Moss left. The Green "
        "Union sued her. Its members serve the organization founded by writer Ivo Tan."
    )
    assert ("ivo-tan", "founder-of", "green-union") in _triples(_relations(parse_article(story)))
    # two companies just named: which one "the company" is, the text does not say
    mixed = (
        "Kelvar Motors and Orvel Bank signed a deal on Monday. Tom Brack said the company, "
        "founded by Ed Brack in 1950, would grow."
    )
    assert not [r for r in _relations(parse_article(mixed)) if r["kind"] == "founder-of"]


def test_ties_stated_by_criticised_policy_attacked_place_odds_and_worse_ties() -> None:
    relations = _relations(
        parse_article(
            "The United Nations has criticised Australia's policy of turning back boats. "
            "North Korea shelled the South Korean island of Yeonpyeong on Tuesday. "
            "Peru and Chile have been at odds over the border. Ties between Japan and "
            "Norway deteriorated last year. Iran is a key backer of Hezbollah. "
            "The talks aimed to repair broken ties with Egypt and Jordan."
        )
    )
    pairs = _pairs(relations)
    assert ("tension", frozenset(("united-nations", "australia"))) in pairs
    assert ("enemy", frozenset(("north-korea", "south-korea"))) in pairs
    assert ("tension", frozenset(("peru", "chile"))) in pairs
    assert ("tension", frozenset(("japan", "norway"))) in pairs
    assert ("ally", frozenset(("iran", "hezbollah"))) in pairs
    # a list after "with" is the counterparts of a side the clause does not name
    assert ("tension", frozenset(("egypt", "jordan"))) not in pairs


def test_no_tie_from_a_modifier_that_is_no_state_or_an_odds_phrase_without_sides() -> None:
    relations = _relations(
        parse_article(
            "The United States bombed Iranian-backed militias in Iraq on Sunday. The odds "
            "are against Japan. Japan's relations with China could worsen."
        )
    )
    assert not [r for r in relations if r["kind"] in {"enemy", "tension"}]


def test_a_seller_owned_what_it_sold_and_a_reported_or_past_clause_acquisition() -> None:
    relations = _relations(
        parse_article(
            "Dunmore Capital sold its stake in Zento Motors to Kelvar Motors in 2010. The "
            "appointment came days after the French government sold the last of its shares "
            "in Renault. Orvel Bank said on Monday it had acquired Mina Air. Ardent Holdings "
            "said it would acquire Pallas Group. If Karst Capital bought Nexo Systems, prices "
            "would rise. Corlis Group sold 20,000 cars in May."
        )
    )
    triples = _triples(relations)
    assert ("kelvar-motors", "owns", "zento-motors") in triples
    assert ("dunmore-capital", "owns", "zento-motors") in triples
    assert ("france", "owns", "renault") in triples
    assert ("orvel-bank", "owns", "mina-air") in triples
    sellers = [r for r in relations if r["from"] in {"dunmore-capital", "france"}]
    assert sellers and all(r.get("former") for r in sellers)
    assert not [r for r in relations if r["to"] in {"pallas-group", "nexo-systems"}]
    assert not [r for r in relations if r["from"] == "corlis-group"]


def test_married_a_name_in_apposition_to_a_common_noun() -> None:
    pairs = _pairs(
        _relations(
            parse_article(
                "Tom Brack married his longtime partner, Lia Moss, in 1962. Ivo Tan married "
                "the actress Eva Roth in 1970."
            )
        )
    )
    assert ("spouse", frozenset(("tom-brack", "lia-moss"))) in pairs
    assert ("spouse", frozenset(("ivo-tan", "eva-roth"))) in pairs


def test_a_post_read_with_its_title_goes_to_the_body_after_of_or_nowhere() -> None:
    named = _relations(
        parse_article(
            "Vanta Motors cut jobs. Fritz Henderson, the Chief Executive Officer of Vanta "
            "Motors, resigned."
        )
    )
    assert ("fritz-henderson", "role", "vanta-motors") in _triples(named)
    alone = _relations(
        parse_article("Fritz Henderson, the Chief Executive Officer of Vanta Motors, resigned.")
    )
    assert not [r for r in alone if str(r["to"]).startswith("chief-executive")]


def test_a_marked_spokesman_and_a_criticised_government() -> None:
    relations = _relations(
        parse_article(
            "The Pallas Health Organization said the tablets were unneeded. Tom Lark, the "
            "organization's spokesman, said Norway was safe. Orvel Bank and Vanta Motors "
            "signed a deal. The company's spokeswoman, Ada Moss, praised it. Amnesty International "
            "criticised the government of Canada on Monday."
        )
    )
    assert ("tom-lark", "role", "pallas-health-organization") in _triples(relations)
    assert not [r for r in relations if r["from"] == "ada-moss"]  # two companies named
    assert ("tension", frozenset(("amnesty-international", "canada"))) in _pairs(relations)


def test_a_state_joining_or_leaving_an_organization() -> None:
    relations = _relations(
        parse_article(
            "Poland joined NATO in 1999. Britain left the European Union in 2020. Germany "
            "joined France in condemning the attack. Sweden will join the Nordic Council."
        )
    )
    triples = _triples(relations)
    assert ("poland", "member-of", "nato") in triples
    assert ("united-kingdom", "member-of", "european-union") in triples
    left = [r for r in relations if r["from"] == "united-kingdom"]
    assert left and left[0].get("former") is True
    assert not [r for r in relations if r["from"] in {"germany", "sweden"}]


def test_a_deal_brokered_by_a_mediator_between_the_clause_subjects() -> None:
    triples = _triples(
        _relations(
            parse_article(
                "Saudi Arabia and Iran restored diplomatic ties in a deal brokered by China."
            )
        )
    )
    assert ("china", "mediator", "saudi-arabia") in triples
    assert ("china", "mediator", "iran") in triples


def test_a_lawyer_who_represents_a_client_and_others_who_represent() -> None:
    relations = _relations(
        parse_article(
            "Eva Roth, an attorney who represents Orvel Bank, spoke to the court. Senator "
            "Ada Moss, who represents Norway, voted no. Tom Lark, an agent who represents "
            "Ivo Tan, negotiated the deal."
        )
    )
    assert ("eva-roth", "counsel-for", "orvel-bank") in _triples(relations)
    assert not [r for r in relations if r["kind"] == "counsel-for" and r["from"] != "eva-roth"]


def test_no_tie_guessed_from_a_demonym_adjective_when_both_sides_are_guesses() -> None:
    modifier = _relations(
        parse_article(
            "The Peruvian team's robot scored two points for the three-nation alliance with "
            "the Chilean and Bolivian teams."
        )
    )
    assert not [r for r in modifier if r["kind"] == "ally"]
    subject = _relations(
        parse_article("Orvel Bank said Monday it had settled its long dispute with Kelvar Motors.")
    )
    assert ("tension", frozenset(("orvel-bank", "kelvar-motors"))) in _pairs(subject)


def test_each_conjoined_owner_of_a_passive() -> None:
    triples = _triples(
        _relations(parse_article("Kelvar Motors is owned by Orvel Bank and Karst Capital."))
    )
    assert ("orvel-bank", "owns", "kelvar-motors") in triples
    assert ("karst-capital", "owns", "kelvar-motors") in triples


def test_employment_at_a_body_named_by_a_description() -> None:
    told = _relations(
        parse_article(
            "Orvel Bank cut 2,000 jobs. Eva Roth, who works for the bank, said morale was low."
        )
    )
    assert ("eva-roth", "employed-by", "orvel-bank") in _triples(told)
    two = _relations(
        parse_article("Orvel Bank and Kelvar Bank merged. Eva Roth, who works for the bank, spoke.")
    )
    assert not [r for r in two if r["from"] == "eva-roth"]


@pytest.mark.parametrize(
    ("sentence", "former"),
    [
        # GUIDE §9 former: the text ends the very link it states.
        ("Mary Smith, the former chief executive of Acme Corp, said on Monday she would run.",
         True),
        ("Former Acme Corp chairman John Doe said he was proud.", True),
        ("John Doe, the chairman of Acme Corp, said the plant would stay open.", False),
    ],
)  # fmt: skip
def test_a_post_the_text_calls_former_is_an_ended_link(sentence: str, former: bool) -> None:
    from briefkit import extract

    [post] = [r for r in extract(sentence, "2024-09-11").relations if r.kind == "role"]
    assert post.to == "acme-corp"
    assert post.former is former


@pytest.mark.parametrize(
    ("story", "relation"),
    [
        # A lone word the small model calls a person's, written as a company's: what
        # is bought, or what has a CEO or a chairman (wire, paper, broadcaster styles).
        ("Last year Helen Marsh bought Brindle for $40 million.",
         ("helen-marsh", "owns", "brindle")),
        ("The studio's fortunes changed after Harlow Media acquired Brindle in March.",
         ("harlow-media", "owns", "brindle")),
        ("Brindle, which was bought by Harlow Media in 2021, employs 200 people.",
         ("harlow-media", "owns", "brindle")),
        ("Former Brindle chairman Tom Ashby said he was proud of the team.",
         ("tom-ashby", "role", "brindle")),
        ("Brindle CEO Tom Ashby said on Tuesday that the studio would hire 40 people.",
         ("tom-ashby", "role", "brindle")),
    ],
)  # fmt: skip
def test_a_lone_name_written_as_a_company_is_an_endpoint(
    story: str, relation: tuple[str, str, str]
) -> None:
    assert relation in _triples(_relations(parse_article(story)))


def test_a_lone_name_not_bought_stays_out() -> None:
    # a purchase the text does not state makes no company of the model's person
    article = parse_article("Rodriguez will not buy Brindle, his lawyer said.")
    doc = load_model()(article.body)
    assert "brindle" not in {a.id for a in resolve_entities(article, doc).actors}


@pytest.mark.parametrize(
    ("story", "relations"),
    [
        # A body the model reads no name in, written right after a member's name: an
        # acronym, or a party's name the model takes for a people's (GUIDE §9: "X of Y").
        ("Two veterans, Lara Quinn of PDL and Omar Haddad of the Free Democrats, lost "
         "their seats.",
         {("lara-quinn", "member-of", "pdl"), ("omar-haddad", "member-of", "free-democrats")}),
        ('"This is a betrayal," said Hannah Berg of CFRA, which represents tenants.',
         {("hannah-berg", "member-of", "cfra")}),
        ("Also elected were Paul Mendes of the Liberal Democrats and Rita Okafor of NPV.",
         {("paul-mendes", "member-of", "liberal-democrats")}),
    ],
)  # fmt: skip
def test_a_body_named_only_after_a_member_is_an_endpoint(
    story: str, relations: set[tuple[str, str, str]]
) -> None:
    assert relations <= _triples(_relations(parse_article(story)))


def test_a_country_or_a_people_after_a_name_is_no_body() -> None:
    # "UAE" the model leaves unread: the gazetteer's country, not a party
    article = parse_article("Mark Dunn of UAE and Chen Wei of the Kurds spoke first.")
    doc = load_model()(article.body)
    kinds = {a.id: a.kind for a in resolve_entities(article, doc).actors}
    assert "organization" not in kinds.values() and "kurds" not in kinds


@pytest.mark.parametrize(
    ("story", "relation"),
    [
        # A desk or a research team is a firm's, whatever kind the firm's name read as.
        ('"Nobody wants to catch a falling knife," said Ruth Adler, the head trader for '
         "zCapital Markets.", ("ruth-adler", "role", "zcapital-markets")),
        ("Stocks may fall further, warned Omar Said, chief market strategist at Borel Index.",
         ("omar-said", "role", "borel-index")),
    ],
)  # fmt: skip
def test_a_firm_occupation_takes_its_body_whatever_its_kind(
    story: str, relation: tuple[str, str, str]
) -> None:
    assert relation in _triples(_relations(parse_article(story)))


def test_a_product_is_no_body_of_a_post() -> None:
    article = parse_article("Lena Park, vice-president of marketing for the iPod, said so.")
    assert not [r for r in _relations(article) if r["from"] == "lena-park"]


@pytest.mark.parametrize(
    ("story", "pair"),
    [
        # the tagger reads "rival" as an adjective and hangs the possessor on the name,
        # or leaves a plural's possessive mark as a modifier
        ("Siemens' German rival Bosch, which employs 400,000 people, cut its forecast.",
         ("siemens", "bosch")),
        ("Visa's American rival Mastercard, which has outgrown Visa since 2019, hired 300 "
         "engineers.", ("visa", "mastercard")),
    ],
)  # fmt: skip
def test_a_rival_read_as_an_adjective_before_a_name(story: str, pair: tuple[str, str]) -> None:
    assert (pair[0], "rival", pair[1]) in _triples(_relations(parse_article(story)))


def test_a_rival_before_a_common_noun_names_no_party() -> None:
    # before a common noun "rival" names no party: "rival bids" are bids
    bids = parse_article("Airbus said rival bids from Boeing were too low.")
    assert not [r for r in _relations(bids) if r["kind"] == "rival"]


@pytest.mark.parametrize(
    ("story", "relation"),
    [
        # a body's name the model did not read, right after a noun saying what it is
        ("Tom Byrne, president of the Canadian union Unifor, called the offer an insult.",
         ("tom-byrne", "role", "unifor")),
        # the post's object is the noun; the name in apposition to it is the body
        ("The cuts were confirmed by Anna Holt, a spokeswoman for the budget airline Skyvia.",
         ("anna-holt", "role", "skyvia")),
    ],
)  # fmt: skip
def test_a_body_named_after_its_kind_noun_is_an_endpoint(
    story: str, relation: tuple[str, str, str]
) -> None:
    assert relation in _triples(_relations(parse_article(story)))


def test_names_after_a_body_noun_are_organizations_but_not_titles() -> None:
    def kinds(text: str) -> dict[str, str]:
        article = parse_article(text)
        return {a.id: a.kind for a in resolve_entities(article, load_model()(article.body)).actors}

    assert kinds("Shares in the Dutch bank Verhoek rose 4 percent.").get("verhoek") == (
        "organization"
    )
    assert kinds("The company Chairman Bill Gray resigned.") == {"bill-gray": "person"}


@pytest.mark.parametrize(
    ("story", "relation"),
    [
        ("Harbourline, a Siemens-led consortium, won the contract to build the tram.",
         ("siemens", "leader-of", "harbourline")),
        ("The Nordic Rail Group, a DSB-led venture, will run the trains from 2026.",
         ("dsb", "leader-of", "nordic-rail-group")),
    ],
)  # fmt: skip
def test_a_hyphen_led_body_in_apposition_is_led(story: str, relation: tuple[str, str, str]) -> None:
    assert relation in _triples(_relations(parse_article(story)))


def test_a_hyphen_led_phrase_naming_no_actor_states_no_tie() -> None:
    article = parse_article("The bid by the Siemens-led consortium failed.")
    assert not [r for r in _relations(article) if r["kind"] == "leader-of"]


@pytest.mark.parametrize(
    ("story", "employer"),
    [
        ('"Demand is soft," said Ben Ruiz, with Karst Capital Markets, in a note to clients.',
         "karst-capital-markets"),
        ('"It was a shock," said Tom Hale, with the Riverside Tenants Association.',
         "riverside-tenants-association"),
        # "with" and more than a name: backing, a share, company; no employer
        ("Bill Stone, with Orvel Bank's backing, bid for the club.", None),
    ],
)  # fmt: skip
def test_a_parenthetical_with_names_the_employer(story: str, employer: str | None) -> None:
    found = {r["to"] for r in _relations(parse_article(story)) if r["kind"] == "employed-by"}
    assert found == ({employer} if employer else set())


@pytest.mark.parametrize(
    ("story", "owns"),
    [
        ("Karst Capital, Orvel Bank's largest investor, opposed the merger.", True),
        ("Karst Capital is the biggest investor in Orvel Bank, with a 12 percent stake.", True),
        ("Karst Capital, a former investor in Orvel Bank, opposed the merger.", False),
        ("Karst Capital, a former shareholder in Orvel Bank, opposed the merger.", False),
    ],
)  # fmt: skip
def test_an_investor_holds_a_stake_until_the_text_says_former(story: str, owns: bool) -> None:
    triples = _triples(_relations(parse_article(story)))
    assert (("karst-capital", "owns", "orvel-bank") in triples) is owns


@pytest.mark.parametrize(
    ("story", "relation"),
    [
        # a company's name the model left unread before a post only a company has
        ("Instagram co-founder Kevin Strom left the firm in 2018.",
         ("kevin-strom", "founder-of", "instagram")),
        # the model read only the parent's name: the unit is the whole run
        ("Airbus Commercial Helicopters CEO Jo Bates said orders rose in March.",
         ("jo-bates", "role", "airbus-commercial-helicopters")),
    ],
)  # fmt: skip
def test_a_company_named_before_its_post_is_an_endpoint(
    story: str, relation: tuple[str, str, str]
) -> None:
    assert relation in _triples(_relations(parse_article(story)))


@pytest.mark.parametrize(
    "story",
    ["Meanwhile CEO Tom Harlan said sales rose.",
     "Company founder Amy Walsh said the shop would stay open."],
)  # fmt: skip
def test_an_adverb_or_a_body_noun_before_a_post_is_no_company(story: str) -> None:
    article = parse_article(story)
    kinds = {a.kind for a in resolve_entities(article, load_model()(article.body)).actors}
    assert kinds == {"person"}


@pytest.mark.parametrize(
    ("story", "body"),
    [
        ('"The vote was rigged," said Lena Vogt, of the Green Alliance.', "green-alliance"),
        ("Tom Reyes, from the Farmers Union, said the subsidy was too small.", "farmers-union"),
        # set off by commas, a country or a possessed unit is no membership stated
        ("Tom Reyes, of Britain, said the subsidy was too small.", None),
        ("Tom Reyes, of the Farmers Union's youth wing, said the subsidy was too small.", None),
    ],
)  # fmt: skip
def test_a_body_set_off_by_commas_after_a_name(story: str, body: str | None) -> None:
    found = {r["to"] for r in _relations(parse_article(story)) if r["kind"] == "member-of"}
    assert found == ({body} if body else set())


@pytest.mark.parametrize(
    ("story", "shared"),
    [
        # a second company-only title after "and" holds its post in the first's company
        ("Kelvar Motors chairman Ann Roy and chief executive Bill Gray signed the deal.",
         ("bill-gray", "kelvar-motors")),
        ("The statement was signed by Dunmore Group chairman Mark Hale and CEO Lisa Brandt.",
         ("lisa-brandt", "dunmore-group")),
        # a title a state has too is no post in the company
        ("Kelvar Motors chairman Ann Roy and Vice President Joe Biden met in Detroit.",
         ("joe-biden", None)),
        ("Kelvar Motors chairman Ann Roy and Senator Bill Gray met in Detroit.",
         ("bill-gray", None)),
    ],
)  # fmt: skip
def test_a_second_company_title_shares_the_first_ones_company(
    story: str, shared: tuple[str, str | None]
) -> None:
    person, body = shared
    found = {r["to"] for r in _relations(parse_article(story)) if r["from"] == person}
    assert found == ({body} if body else set())


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        # co-mediators named together mediate beside each other, not between
        ("Egypt and Qatar have mediated talks between Israel and Hamas since May.",
         {("egypt", "israel"), ("egypt", "hamas"), ("qatar", "israel"), ("qatar", "hamas")}),
        # the parties of talks a participle says were mediated by a third
        ("Talks between Peru and Chile, mediated by Brazil, resumed on Monday in Lima.",
         {("brazil", "peru"), ("brazil", "chile")}),
    ],
)  # fmt: skip
def test_mediators_and_the_parties_they_mediate_between(
    story: str, expected: set[tuple[str, str]]
) -> None:
    relations = _relations(parse_article(story))
    assert {(r["from"], r["to"]) for r in relations if r["kind"] == "mediator"} == expected


@pytest.mark.parametrize(
    ("story", "pair"),
    [
        ("Russian troops invaded Ukraine in February 2022, officials said.", ("russia", "ukraine")),
        ("Russian forces attacked Ukraine on Thursday, the ministry said.", ("russia", "ukraine")),
        # a modal states no attack
        ("U.S. troops would not invade Iran, the president said on Monday.", None),
    ],
)  # fmt: skip
def test_a_nationality_s_troops_act_for_their_state(
    story: str, pair: tuple[str, str] | None
) -> None:
    found = {(r["from"], r["to"]) for r in _relations(parse_article(story)) if r["kind"] == "enemy"}
    assert found == ({pair} if pair else set())


@pytest.mark.parametrize(
    ("story", "kind", "pair"),
    [
        ("Samsung is a major supplier to Apple, analysts said.", "trade-partner",
         {"samsung", "apple"}),
        ("Apple is Samsung's biggest customer, analysts said.", "trade-partner",
         {"samsung", "apple"}),
        ("Microsoft formed a joint venture with Toyota last year.", "ally",
         {"microsoft", "toyota"}),
        ("Microsoft and Toyota formed a joint venture last year.", "ally",
         {"microsoft", "toyota"}),
        # negated or modal: no tie holds
        ("Microsoft would not form a joint venture with Toyota, the company said.", "ally", None),
        ("Norway is not an ally of Sweden, the minister said on Monday.", "ally", None),
        # a person who shops at a firm is no trade partner
        ("Anna Brandt, a longtime customer of Barclays, closed her account.", "trade-partner",
         None),
    ],
)  # fmt: skip
def test_suppliers_customers_and_joint_ventures(
    story: str, kind: str, pair: set[str] | None
) -> None:
    found = [{r["from"], r["to"]} for r in _relations(parse_article(story)) if r["kind"] == kind]
    assert found == ([pair] if pair else [])


def test_a_post_in_a_longer_name_goes_to_that_body() -> None:
    # CBC style: the agency's name holds the country's, and the post is the agency's
    article = parse_article(
        "A leaked Environment Canada memo warned of floods. Environment Canada spokesman "
        "Eric Morrissette said the memo was a draft."
    )
    posts = {(r["from"], r["to"]) for r in _relations(article) if r["kind"] == "role"}
    assert posts == {("eric-morrissette", "environment-canada")}


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        # obituary style: the kin noun in apposition, its possessor the relative
        ("Tom Reyes, Ann Roy's nephew, was sentenced on Monday in Leeds.",
         {("tom-reyes", "relative-of", "ann-roy")}),
        # "co-founded", split by the tokenizer, still states the founding
        ("Tom Reyes, who co-founded Dunmore Foods, died on Monday at 81.",
         {("tom-reyes", "founder-of", "dunmore-foods")}),
        ("Dunmore Foods, co-founded by Tom Reyes in 1979, was sold on Monday.",
         {("tom-reyes", "founder-of", "dunmore-foods")}),
    ],
)  # fmt: skip
def test_kin_founding_and_work_stated_in_passing(
    story: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _triples(_relations(parse_article(story))) == expected


@pytest.mark.parametrize(
    ("story", "former"),
    [
        ("Tom Reyes, who was fired by Dunmore Foods in 2009, was sentenced on Monday.", True),
        ("Tom Reyes was sacked by Dunmore Foods last year, the court heard.", True),
        # a denied dismissal ends nothing; "ousted by" names no employer
        ("Tom Reyes was not fired by Dunmore Foods, the company said on Monday.", None),
        ("Tom Reyes was ousted by the Green Party last year, officials said.", None),
    ],
)  # fmt: skip
def test_fired_by_an_employer_ends_the_employment(story: str, former: bool | None) -> None:
    found = [r for r in _relations(parse_article(story)) if r["kind"] == "employed-by"]
    assert [r.get("former") for r in found] == ([former] if former else [])


@pytest.mark.parametrize(
    "story",
    [
        # a reported denial, a wish and a tie only talked about state no tie that holds
        "The United States denied that it was an ally of Iran, officials said on Monday.",
        "Peru wants to become Chile's largest trade partner, the minister said.",
        "Talks on an alliance between Peru and Chile collapsed on Friday.",
        # two politicians who "clashed" in a debate are no armed enemies
        "Barack Obama and Mitt Romney clashed over taxes in the debate on Tuesday.",
    ],
)
def test_no_tie_from_denials_wishes_talks_or_debates(story: str) -> None:
    stated = {"ally", "enemy", "trade-partner", "tension", "rival"}
    assert [r for r in _relations(parse_article(story)) if r["kind"] in stated] == []


def test_states_that_clashed_are_enemies() -> None:
    relations = _relations(parse_article("India and Pakistan clashed along the border on Monday."))
    assert [{r["from"], r["to"]} for r in relations if r["kind"] == "enemy"] == [
        {"india", "pakistan"}
    ]


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        # Reuters style: the seller of what was bought owned it until then
        ("Google, the search company, bought Motorola from Lenovo in 2012.",
         {("google", "motorola", None), ("lenovo", "motorola", True)}),
        ("Google, the search company, acquired Motorola and Nest in 2012.",
         {("google", "motorola", None), ("google", "nest", None)}),
        ("Motorola, which is majority-owned by Google, reported higher sales on Monday.",
         {("google", "motorola", None)}),
        ("Google, the search company, said on Monday that it had spun off Motorola.",
         {("google", "motorola", True)}),
        # a deal blocked or rejected leaves no ownership
        ("Google's takeover of Motorola was blocked by regulators on Monday.", set()),
        ("Regulators rejected Google's purchase of Motorola on Monday.", set()),
    ],
)  # fmt: skip
def test_ownership_by_sellers_lists_participles_and_spin_offs(
    story: str, expected: set[tuple[str, str, bool | None]]
) -> None:
    found = {(r["from"], r["to"], r.get("former")) for r in _relations(parse_article(story))
             if r["kind"] == "owns"}  # fmt: skip
    assert found == expected


@pytest.mark.parametrize(
    ("story", "kind", "pair"),
    [
        # wire style: backing stated by a hyphen or a passive relative clause
        ("Israel said on Monday that Iran-backed Hezbollah fired rockets.", "ally",
         ("iran", "hezbollah")),
        ("Hezbollah, which is backed by Iran, fired rockets on Monday.", "ally",
         ("iran", "hezbollah")),
        ("North Korea threatened South Korea with war on Monday.", "tension",
         ("north-korea", "south-korea")),
        ("The United States blamed Iran for the attack on the tanker.", "tension",
         ("united-states", "iran")),
        ("China's exports to the United States rose 5 percent in May.", "trade-partner",
         ("china", "united-states")),
        ("Sanctions against Iran by the United States remain in place.", "sanctions",
         ("united-states", "iran")),
    ],
)  # fmt: skip
def test_backing_threats_blame_exports_and_sanctions_by(
    story: str, kind: str, pair: tuple[str, str]
) -> None:
    found = [(r["from"], r["to"]) for r in _relations(parse_article(story)) if r["kind"] == kind]
    assert found == [pair]


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        # a war fought without arms is a tension
        ("The trade war between China and the United States hurt Germany.",
         {("tension", frozenset({"china", "united-states"}))}),
        ("The war between Russia and Ukraine entered its third year on Monday.",
         {("enemy", frozenset({"russia", "ukraine"}))}),
        # those who discuss a war are not its sides
        ("France and Germany discussed the war in Syria on Monday in Berlin.", set()),
    ],
)  # fmt: skip
def test_unarmed_wars_and_those_who_only_discuss_one(
    story: str, expected: set[tuple[str, frozenset[str]]]
) -> None:
    found = {(r["kind"], frozenset({r["from"], r["to"]})) for r in _relations(parse_article(story))
             if r["kind"] in {"enemy", "tension"}}  # fmt: skip
    assert found == expected


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        # obituary and profile style: the verb says where the person works or belongs
        ("Ann Roy, who teaches at Harvard University, said the vote was close.",
         {("ann-roy", "employed-by", "harvard-university")}),
        ("Ann Roy, who studies at Harvard University, said the vote was close.",
         {("ann-roy", "member-of", "harvard-university")}),
        ("Ann Roy, who played for the Chicago Bulls in the 1990s, died on Monday.",
         {("ann-roy", "member-of", "chicago-bulls")}),
        ("Ann Roy, who sits on the board of Dunmore Foods, said the vote was close.",
         {("ann-roy", "member-of", "dunmore-foods")}),
        # a modal states no link
        ("Ann Roy could teach at Harvard University next year, her agent said.", set()),
    ],
)  # fmt: skip
def test_teaching_studying_playing_and_board_seats(
    story: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _triples(_relations(parse_article(story))) == expected


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        # business-page style: a succession states both posts, the old one ended
        ("Dunmore Foods reported a loss. Ann Roy succeeded Tom Reyes as chief executive of "
         "Dunmore Foods in 2010.",
         {("ann-roy", None), ("tom-reyes", True)}),
        ("Dunmore Foods reported a loss. Ann Roy took over as chief executive of Dunmore "
         "Foods in 2010.",
         {("ann-roy", None)}),
        # a succession still to come states none
        ("Dunmore Foods reported a loss. Ann Roy is expected to succeed Tom Reyes as chief "
         "executive of Dunmore Foods.",
         set()),
    ],
)  # fmt: skip
def test_a_succession_states_the_new_post_and_ends_the_old(
    story: str, expected: set[tuple[str, bool | None]]
) -> None:
    found = {(r["from"], r.get("former")) for r in _relations(parse_article(story))
             if r["kind"] == "role" and r["to"] == "dunmore-foods"}  # fmt: skip
    assert found == expected


def test_a_party_label_on_an_appositive_title() -> None:
    # AP style: the party adjective on the title set off after the name
    article = parse_article(
        "The Democratic Party met in Ohio. Ann Roy, a Democratic senator from Ohio, said "
        "the vote was close."
    )
    members = {(r["from"], r["to"]) for r in _relations(article) if r["kind"] == "member-of"}
    assert members == {("ann-roy", "democratic-party")}


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        # court-report style: a lawyer "for" a person is counsel for that person
        ("Ann Roy, a defense attorney for Tom Reyes, said he was innocent.",
         {("ann-roy", "tom-reyes")}),
        ("Tom Reyes was charged on Monday. Ann Roy and Mark Hale, lawyers for Tom Reyes, "
         "said he was innocent.",
         {("ann-roy", "tom-reyes"), ("mark-hale", "tom-reyes")}),
        # a client the text names only by a noun is no named party
        ("Ann Roy, a lawyer for the family, said the suit had no merit.", set()),
    ],
)  # fmt: skip
def test_a_lawyer_for_a_named_person(story: str, expected: set[tuple[str, str]]) -> None:
    found = {(r["from"], r["to"]) for r in _relations(parse_article(story))
             if r["kind"] == "counsel-for"}  # fmt: skip
    assert found == expected


def test_expelled_from_a_party_ends_a_membership() -> None:
    article = parse_article("Tom Reyes, who was expelled from the Green Party, won the seat.")
    found = [(r["kind"], r["to"], r.get("former")) for r in _relations(article)]
    assert found == [("member-of", "green-party", True)]


def test_a_unit_named_by_its_parent_before_the_noun() -> None:
    # "X, a Y subsidiary": Y owns X; "X, the German unit" names no parent
    triples = _triples(
        _relations(
            parse_article(
                "Orvel Bank said on Monday that Karst Capital will buy Saturn. Saturn, an "
                "Orvel Bank subsidiary, has 350 dealers. Opel, the German unit, is for sale."
            )
        )
    )
    assert ("orvel-bank", "owns", "saturn") in triples
    assert not {t for t in triples if t[2] == "opel"}


def test_a_unit_sold_is_the_buyers_and_was_the_sellers() -> None:
    relations = _relations(
        parse_article(
            "Kelvar Motors sold its Volvo unit to Orvel Bank on Monday. Dunmore Group said "
            "it would sell its Opel unit."
        )
    )
    got = {(r["from"], r["to"], bool(r.get("former"))) for r in relations if r["kind"] == "owns"}
    assert ("orvel-bank", "volvo", False) in got
    assert ("kelvar-motors", "volvo", True) in got
    assert ("kelvar-motors", "volvo", False) not in got
    # a sale only planned leaves the unit its owner's
    assert ("dunmore-group", "opel", False) in got


def test_the_city_or_county_before_a_post_is_the_place_named_in_reach() -> None:
    triples = _triples(
        _relations(
            parse_article(
                "Voters in Chicago went to the polls. The city's mayor, Brandon Johnson, said "
                "turnout was high. Floods hit Hartford County on Monday. The county's "
                "treasurer, Rafael Ortiz, said the fund was safe."
            )
        )
    )
    assert ("brandon-johnson", "role", "chicago") in triples
    assert ("rafael-ortiz", "role", "hartford-county") in triples
    # the city named three sentences back is out of reach
    far = _triples(
        _relations(
            parse_article(
                "Voters in Chicago went to the polls. Turnout was high. Lines were long. "
                "Rain fell. The city's mayor, Brandon Johnson, was pleased."
            )
        )
    )
    assert not [t for t in far if t[0] == "brandon-johnson"]


def test_the_institute_is_the_institute_named_before() -> None:
    triples = _triples(
        _relations(
            parse_article(
                "Ann Holt joined the Norwegian Polar Institute in 1962. Lars Eriksen, a "
                "former director of the institute, praised her."
            )
        )
    )
    assert ("lars-eriksen", "role", "norwegian-polar-institute") in triples


def test_no_mediation_where_no_mediator_and_parties_are_named_as_such() -> None:
    # Merkel "tried to mediate" between parties the sentence does not name: her own
    # country is no party, and no nearby name is a guessed mediator.
    relations = _relations(
        parse_article(
            "The European Union has threatened sanctions against Ankara, and German "
            "Chancellor Angela Merkel has tried to mediate."
        )
    )
    assert not [r for r in relations if r["kind"] == "mediator"]


def test_the_body_after_two_posts_joined_by_and_is_the_body_of_both() -> None:
    triples = _triples(
        _relations(
            parse_article(
                "Cisco Systems filed the suit on Wednesday. The Vice President and general "
                "counsel of the company, Mark Chandler, said it was about trademarks."
            )
        )
    )
    assert ("mark-chandler", "role", "cisco-systems") in triples


def test_married_a_given_name_the_parse_reads_as_a_preposition() -> None:
    triples = _triples(
        _relations(
            parse_article(
                "Ann Holt died on Monday. Dr. Holt married Per Solberg, a ship's engineer, in 1960."
            )
        )
    )
    assert ("ann-holt", "spouse", "per-solberg") in triples


def test_a_city_mayor_holds_the_office_of_the_city_in_reach() -> None:
    article = parse_article(
        "Festival opens\n\nThe lantern festival opened in Taipei on Friday. City mayor "
        "Hau Lin-po said it was a success."
    )
    assert ("hau-lin-po", "role", "taipei") in _triples(_relations(article))


def test_a_party_and_state_code_states_the_senators_post() -> None:
    article = parse_article(
        "Emails released\n\nSenator John Tavers (R-AZ) entered them into the record."
    )
    relations = _relations(article)
    assert ("john-tavers", "role", "arizona") in _triples(relations)
    assert any("(R-AZ)" in str(r["evidence"]) for r in relations)


def _prose_relations(article) -> list[dict[str, object]]:
    """As the pipeline reads it: the prose, the headline parsed apart."""
    doc = parse(load_model(), article.prose)
    return find_relations(article, doc, resolve_entities(article, doc))


def test_a_tie_nouns_appositive_is_who_the_tie_is_with() -> None:
    article = parse_article(
        "Founder sues\n\nDaniel Hart, who founded the software firm Brightline in 2004, "
        "sued his former business partner Owen Pryce on Monday. The company competes "
        "with Corvex, its main rival, for government contracts."
    )
    relations = _prose_relations(article)
    triples = _triples(relations)
    # the partner is the man named beside the noun, not the nearest body
    assert ("daniel-hart", "ally", "owen-pryce") in triples
    assert ("daniel-hart", "ally", "brightline") not in triples
    assert next(r for r in relations if r["kind"] == "ally").get("former") is True
    # "founded the software firm Brightline": the body is the noun's appositive
    assert ("daniel-hart", "founder-of", "brightline") in triples


def test_every_founder_of_a_conjoined_agent_and_a_later_mention() -> None:
    article = parse_article(
        "Rivals\n\nBrightline was founded by Dan Hart and Owen Pryce in a garage. Corvex, "
        "its main rival, sells to banks. Corvex, founded by former Brightline engineer "
        "Lena Cho, has hired away dozens of Brightline employees."
    )
    triples = _triples(_prose_relations(article))
    assert ("dan-hart", "founder-of", "brightline") in triples
    assert ("owen-pryce", "founder-of", "brightline") in triples
    # the model reads the second "Corvex" as no name: the tie there is still stated
    assert ("lena-cho", "founder-of", "corvex") in triples


def test_a_verbs_object_named_by_its_appositive_and_a_passive_counsel() -> None:
    article = parse_article(
        "Founder sues his partner\n\nDaniel Hart sued his business partner Owen Pryce on "
        "Monday. Pryce is "
        "represented by attorney Marcus Webb, who called the lawsuit baseless."
    )
    triples = _triples(_prose_relations(article))
    # "sued his partner Owen Pryce": the noun's appositive is the one sued
    assert ("daniel-hart", "tension", "owen-pryce") in triples
    assert ("marcus-webb", "counsel-for", "owen-pryce") in triples
    # the client does not represent the lawyer
    assert ("owen-pryce", "counsel-for", "marcus-webb") not in triples


def test_survivors_include_kin_of_the_one_who_died() -> None:
    article = parse_article(
        "Judge dies at 88\n\nMargaret Ellison died Sunday at her home. Survivors include a "
        "son, Tom Price, and a daughter, Anne Price."
    )
    relations = _prose_relations(article)
    triples = _triples(relations)
    # "a son, Tom Price, and": the parse reads the list as conjuncts, not appositions
    assert ("margaret-ellison", "parent-of", "tom-price") in triples
    assert ("margaret-ellison", "parent-of", "anne-price") in triples
    # the evidence stays in the sentence that states the tie
    assert all("died" not in str(r["evidence"]) for r in relations)
    owned = parse_article(
        "Judge dies at 88\n\nMargaret Ellison died Sunday. She was 88. Her survivors "
        "include a son, Tom Price."
    )
    assert ("margaret-ellison", "parent-of", "tom-price") in _triples(_prose_relations(owned))


def test_a_seat_of_government_speaks_through_its_press_secretary() -> None:
    # The opening title sits right under the headline: the headline's last word is no
    # part of the body's name.
    article = parse_article(
        "Talks go on\n\nWhite House press secretary Ben Aldridge said talks would "
        "continue. Dana Perino, the White House Press Secretary, said no."
    )
    triples = _triples(_prose_relations(article))
    assert ("ben-aldridge", "role", "white-house") in triples
    assert ("dana-perino", "role", "white-house") in triples


def test_a_company_sold_in_the_passive_is_owned_by_its_buyer_not_traded() -> None:
    article = parse_article(
        "Bank deal\n\nHarbor Trust Bank was sold to Meridian Financial in 2017. Dunmore "
        "Builders, which was sold to Keswick Group in 2015, paid a fine. China sells oil "
        "to Japan."
    )
    triples = _triples(_prose_relations(article))
    assert ("meridian-financial", "owns", "harbor-trust-bank") in triples
    assert ("keswick-group", "owns", "dunmore-builders") in triples
    assert not any(k == "trade-partner" and "harbor-trust-bank" in (a, b) for a, k, b in triples)
    # goods sold are still trade
    assert ("china", "trade-partner", "japan") in triples


def test_a_post_of_a_kind_noun_its_name_follows_is_in_that_body() -> None:
    article = parse_article(
        "Climate law signed\n\nThe governor told the Sacramento Bee she was pleased. \"It's "
        'not enough," said Lena Ortiz, director of the advocacy group Clean Air Now.'
    )
    triples = _triples(_prose_relations(article))
    assert ("lena-ortiz", "role", "clean-air-now") in triples
    # the newspaper named before is not the group her post is in
    assert ("lena-ortiz", "role", "sacramento-bee") not in triples


def test_a_makers_base_names_it_before_the_storys_main_company() -> None:
    # An article read as an analyst, never tuned on (MEANTIME gm 79240's form): the
    # story is Ford's, but "the Craiova-based car maker" is the plant named for Craiova.
    article = parse_article(
        "Ford bids for plant\n\nFord Motor Company, the U.S. car maker, will pay $57 "
        "million for a 72.4 percent stake in the Romanian assembly plant Automobile "
        "Craiova, a Romanian official said Friday. Vladescu opened Ford's improved offer. "
        "The Romanian government bought back the Craiova-based car maker from Daewoo "
        "Motors in late 2006. Ford is the only bidder."
    )
    triples = _triples(_prose_relations(article))
    assert ("daewoo-motors", "owns", "automobile-craiova") in triples
    assert not any(k == "owns" and b == "ford-motor-company" for _a, k, b in triples)


def test_a_government_named_by_its_country_is_the_country() -> None:
    # GUIDE §2 rule 11: "the Colombian government", "the government of Colombia" are
    # Colombia; the evidence names the government, not the bare adjective
    article = parse_article(
        "Talks resume\n\nNorway brokered talks between the Colombian government and the "
        "FARC last year. The Canadian government imposed sanctions on Iran in May.\n"
    )
    relations = _relations(article)
    assert {("norway", "mediator", "colombia"), ("norway", "mediator", "farc"),
            ("canada", "sanctions", "iran")} <= _triples(relations)  # fmt: skip
    told = next(r for r in relations if r["to"] == "colombia")
    assert told["evidence"] == "Norway brokered talks between the Colombian government"


def test_a_persons_administration_is_no_country() -> None:
    article = parse_article(
        "Sanctions\n\nThe Obama administration imposed sanctions on Iran on Monday.\n"
    )
    assert not any(r["kind"] == "sanctions" for r in _relations(article))


def test_the_company_before_a_title_is_the_company_named_before() -> None:
    # "The company CEO X" stands for the one company in reach, as "the company's CEO"
    # does; with two named there ("a letter from Ostmark"), which one is a guess
    one = parse_article(
        "Kelvar results\n\nKelvar Motors lost money in May. The company CEO Ann Roy said "
        "cuts would come.\n"
    )
    assert ("ann-roy", "role", "kelvar-motors") in _triples(_relations(one))
    two = parse_article(
        "Kelvar results\n\nKelvar Motors cut jobs. Kelvar Motors lost money. Kelvar Motors "
        "received a letter from Ostmark Steel. The company president Ann Roy said it was "
        "kind.\n"
    )
    assert not any(r["from"] == "ann-roy" and r["kind"] == "role" for r in _relations(two))


def test_the_authority_is_the_authority_named_before() -> None:
    article = parse_article(
        "Port\n\nThe strike shut the Merrow Port Authority's docks. The authority's chief "
        "executive, Tomas Lindqvist, called the strike illegal.\n"
    )
    assert ("tomas-lindqvist", "role", "merrow-port-authority") in _triples(_relations(article))


def test_competing_for_customers_is_a_rivalry_not_trade() -> None:
    article = parse_article(
        "Banks\n\nAnalysts said Penmore Credit has long competed with Harlow Savings Bank for "
        "customers.\n"
    )
    kinds = {r["kind"] for r in _relations(article)}
    assert "trade-partner" not in kinds
    assert "rival" in kinds

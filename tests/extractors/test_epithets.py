"""Definite descriptions ("the company", "the agency") and the organization they name."""

from __future__ import annotations

from briefkit.article import parse_article
from briefkit.extractors.actors import resolve_entities
from briefkit.extractors.epithets import Epithets
from briefkit.extractors.nlp import load_model, parse


def _referents(text: str, noun: str) -> list[str | None]:
    article = parse_article(text)
    doc = parse(load_model(), article.prose)
    epithets = Epithets(doc, resolve_entities(article, doc))
    return [epithets.referent(t) for t in doc if t.text == noun]


def test_the_one_company_named_before() -> None:
    text = "Kelvar Motors makes cars in Oslo. Sales at the company rose in May."
    assert _referents(text, "company") == ["kelvar-motors"]


def test_a_description_that_picks_out_another_body_is_not_resolved() -> None:
    # "the parent company" and "the company that bought it" are other bodies; "the
    # company's rival" is the rival of the one named before
    text = (
        "Kelvar Motors makes cars in Oslo. The parent company and the company's rival "
        "grew, and the company that bought it grew too."
    )
    assert _referents(text, "company") == [None, "kelvar-motors", None]


def test_two_companies_named_before_and_no_main_one_is_a_guess() -> None:
    text = (
        "Kelvar Motors signed a deal with Ostmark Steel Corp. in Oslo. The company said "
        "talks went well."
    )
    assert _referents(text, "company") == [None]


def test_an_agency_noun_takes_a_public_body_and_a_company_noun_a_company() -> None:
    text = (
        "The Federal Transit Agency fined Kelvar Motors on Monday. The agency said the "
        "company had broken the rules."
    )
    assert _referents(text, "agency") == ["federal-transit-agency"]
    assert _referents(text, "company") == ["kelvar-motors"]


def test_the_main_organization_is_meant_only_where_no_other_is_named_nearby() -> None:
    # Kelvar is the story's main body: the referent where it or nothing is named in
    # the sentence and the two before; with another named there and not Kelvar, a guess
    text = (
        "Kelvar Motors cut jobs. Kelvar Motors said sales fell. Kelvar Motors will close a "
        "plant. Workers are angry. Prices rose. Many of them have left the company. Unions "
        "met. Workers told the Oslo Herald Corp. they would strike. Some want to leave the "
        "company."
    )
    assert _referents(text, "company") == ["kelvar-motors", None]


def test_a_trade_before_the_noun_keeps_the_body_and_a_relation_does_not() -> None:
    # "the auto maker" is the carmaker named before; "the parent company", "the
    # rival firm" name another body
    text = (
        "Kelvar Motors makes cars in Oslo. Sales at the auto maker rose in May, and the "
        "parent company grew."
    )
    assert _referents(text, "maker") == ["kelvar-motors"]
    assert _referents(text, "company") == [None]


def test_a_subject_description_continues_the_last_sentence_subject() -> None:
    # Kelvar Motors is the story's main body, but Ostmark Steel Corp. is the subject
    # the description takes up
    text = (
        "Kelvar Motors cut jobs. Kelvar Motors said sales fell. Kelvar Motors will close "
        "a plant, Kelvar Motors said. Kelvar Motors and Ostmark Steel Corp. met in May.\n\n"
        "On Tuesday Ostmark Steel Corp. asked the government for aid. At the end of last "
        "year, the company had 5,000 employees."
    )
    assert _referents(text, "company") == ["ostmark-steel-corp"]


def test_a_description_based_where_one_body_is_named_for_refers_to_it() -> None:
    text = (
        "Plant sold\n\nFord Motor Company, the U.S. car maker, will buy a stake in the "
        "Romanian assembly plant Automobile Craiova. Ford made an offer. Ford is the only "
        "bidder. The government bought back the Craiova-based car maker in 2006."
    )
    assert _referents(text, "maker")[-1] == "automobile-craiova"

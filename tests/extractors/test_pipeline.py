"""The orchestrator: one parse, every extractor, contract-shaped facts."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from briefkit.article import Article, parse_article, read_article
from briefkit.extractors.nlp import load_model
from briefkit.extractors.pipeline import FACT_KEYS, extract_many, run

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "000_465411d9f143cfd2.txt"
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@pytest.fixture(scope="module")
def seed() -> Article:
    if not SEED.exists():
        pytest.skip(f"the seed article is not at {SEED}")
    return read_article(SEED)


@pytest.fixture(scope="module")
def seed_facts(seed: Article) -> dict[str, object]:
    return run(seed, date(2024, 9, 11), load_model())


def _evidence(facts: dict[str, object]) -> list[str]:
    spans = []
    for key in ("actors", "places", "events", "quotes", "figures", "relations"):
        spans += [str(item["evidence"]) for item in facts[key] if "evidence" in item]
    return spans


def test_run_returns_the_contract_keys(seed_facts: dict[str, object]) -> None:
    assert tuple(seed_facts) == FACT_KEYS
    assert isinstance(seed_facts["summary"], str)


def test_every_evidence_is_verbatim_and_in_one_sentence(
    seed: Article, seed_facts: dict[str, object]
) -> None:
    for span in _evidence(seed_facts):
        start = seed.text.find(span)
        assert start >= 0, span
        sent = seed.sentence_at(start)
        assert sent is not None and start + len(span) <= sent.end, span
        assert start + len(span) <= seed.body_end  # never from the syndication line


def test_ids_are_unique_slugs_and_references_resolve(seed_facts: dict[str, object]) -> None:
    actor_ids = [a["id"] for a in seed_facts["actors"]]
    assert len(actor_ids) == len(set(actor_ids))
    assert all(SLUG.match(i) for i in actor_ids)
    known = set(actor_ids)
    for quote in seed_facts["quotes"]:
        assert quote.get("speaker") in known
    for rel in seed_facts["relations"]:
        assert rel["from"] in known and rel["to"] in known
    for actor in seed_facts["actors"]:
        assert actor.get("affiliation", actor["id"]) in known
    assert not any(v is None for a in seed_facts["actors"] for v in a.values())


def test_title_line_is_not_extracted(seed_facts: dict[str, object]) -> None:
    names = {a["name"] for a in seed_facts["actors"]}
    assert not any("Pivotal" in n or "New York Times" in n for n in names)


def test_extract_many_matches_run() -> None:
    articles = [
        parse_article("Kenya’s president, William Ruto, visited Uganda on Monday."),
        parse_article("“We are ready,” said Maria Lopez, a spokeswoman for the Red Cross."),
    ]
    published = [date(2024, 5, 1), None]
    batch = extract_many(articles, published, n_process=1)
    assert batch == [run(a, p) for a, p in zip(articles, published, strict=True)]
    assert batch[0]["actors"][0]["id"] in {"kenya", "william-ruto"}


def test_extract_many_needs_one_date_per_article() -> None:
    with pytest.raises(ValueError):
        extract_many([parse_article("Text.")], [])


def test_components_declare_what_they_need_and_a_wrong_order_is_refused() -> None:
    import pytest

    from briefkit.extractors.pipeline import COMPONENTS, _check_order

    _check_order(COMPONENTS)
    by_name = {c.name: c for c in COMPONENTS}
    # The events need the dates: put them first and the pipeline refuses to start.
    reordered = [by_name["events"], *[c for c in COMPONENTS if c.name != "events"]]
    with pytest.raises(RuntimeError, match=r"component events needs \['dates', 'entities'\]"):
        _check_order(reordered)


def test_a_component_adds_exactly_what_it_declares() -> None:
    from briefkit.article import parse_article
    from briefkit.extractors.nlp import load_model, parse
    from briefkit.extractors.pipeline import COMPONENTS, Context

    article = parse_article("Elena Marsh, the prime minister of Valdoria, spoke on Tuesday.\n")
    context = Context(article, None, parse(load_model(), article.body))
    for component in COMPONENTS:
        before = {n for n in ("entities", "dates") if context.has(n)} | set(context.facts)
        component.run(context)
        after = {n for n in ("entities", "dates") if context.has(n)} | set(context.facts)
        declared = {a.removeprefix("facts.") for a in component.assigns}
        assert after - before == declared, component.name


def test_furniture_is_not_extracted_and_offsets_hold() -> None:
    article = parse_article(
        "Mayor Warns Council\n"
        "Friday, July 21, 2017\n"
        "The old bridge in September 2010\n"
        "Maria Lopez, the mayor, closed the bridge on Tuesday. “It is unsafe,” she said.\n"
    )
    facts = run(article, date(2017, 7, 21))
    assert article.title == "Mayor Warns Council"
    # Neither the dateline nor the caption's date is an event's; the story's Tuesday is.
    assert [e["when"] for e in facts["events"]] == ["on Tuesday"]
    # The headline stays in the parse for its names (the corpora's gold counts them), so
    # only dated and quoted facts are held to story text here.
    for item in [*facts["events"], *facts["quotes"]]:
        start = article.text.find(str(item["evidence"]))
        assert start >= 0 and article.is_body(start), item

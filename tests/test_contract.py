"""The data contract is declared once: every registered kind of fact is complete.

In the manner of Datasette's test that fails when a plugin hook is missing from
its documentation: a kind of fact added to ``FACT_KINDS`` without its schema
definition, its template section, its merge identity, its extractor or its
heading in the methodology page fails here, by name.
"""

from __future__ import annotations

import dataclasses
import re

import pytest
from helpers import REPO

from briefkit.extractors.pipeline import COMPONENTS, FACT_KEYS
from briefkit.merge import FINGERPRINTS, REFERENCES
from briefkit.model import ACTOR, EITHER, FACT_KINDS, FACT_LISTS, PLACE, FactKind, schema

KINDS = [pytest.param(kind, id=kind.key) for kind in FACT_KINDS]


def fields_of(kind: FactKind) -> set[str]:
    return {"from" if f.name == "from_" else f.name for f in dataclasses.fields(kind.type)}


@pytest.mark.parametrize("kind", KINDS)
def test_the_schema_defines_the_kind_and_its_fields(kind: FactKind) -> None:
    full = schema()
    listed = full["properties"].get(kind.key)
    assert listed is not None, f"briefing.schema.json has no {kind.key!r} list"
    ref = listed["items"]["$ref"].removeprefix("#/$defs/")
    properties = set(full["$defs"][ref]["properties"])
    # Every field of the dataclass is in the schema, and no schema field is lost on load.
    assert fields_of(kind) - {"line"} == properties, kind.key


@pytest.mark.parametrize("kind", KINDS)
def test_the_briefing_template_has_a_section_for_the_kind(kind: FactKind) -> None:
    template = (REPO / "templates" / "briefing.md.j2").read_text("utf-8")
    assert re.search(rf"^## {re.escape(kind.label)}$", template, re.M), (
        f"templates/briefing.md.j2 has no '## {kind.label}' section for {kind.key}"
    )


@pytest.mark.parametrize("kind", KINDS)
def test_the_methodology_page_describes_the_kind(kind: FactKind) -> None:
    page = (REPO / "docs" / "methodology.md").read_text("utf-8")
    assert re.search(rf"^### {re.escape(kind.label)}$", page, re.M), (
        f"docs/methodology.md has no '### {kind.label}' heading for {kind.key}"
    )


@pytest.mark.parametrize("kind", KINDS)
def test_merge_knows_how_to_match_and_rename_the_kind(kind: FactKind) -> None:
    assert FINGERPRINTS[kind.key] == kind.identity and kind.identity
    assert set(kind.identity) <= fields_of(kind), kind.key
    assert REFERENCES[kind.key] == kind.references
    assert set(kind.references) <= fields_of(kind)
    assert set(kind.references.values()) <= {ACTOR, PLACE, EITHER}
    assert set(kind.shown_on) <= set(kind.references)
    assert set(kind.required_references) <= set(kind.references)


@pytest.mark.parametrize("kind", KINDS)
def test_the_kind_has_an_extraction_component_that_adds_it(kind: FactKind) -> None:
    components = {component.name: component for component in COMPONENTS}
    assert kind.extractor in components, f"no extraction component {kind.extractor!r}"
    assert f"facts.{kind.key}" in components[kind.extractor].assigns
    assert kind.key in FACT_KEYS


def test_the_list_of_kinds_is_spelled_out_once() -> None:
    assert tuple(kind.key for kind in FACT_KINDS) == FACT_LISTS
    # No other module of the package lists the fact kinds by name: the extraction
    # pipeline's come from what its components declare they add.
    allowed = {"model.py"}
    spelled = re.compile(r'"actors",\s*"places",\s*"events",\s*"quotes"')
    offenders = [
        str(path.relative_to(REPO))
        for path in (REPO / "briefkit").rglob("*.py")
        if path.name not in allowed and spelled.search(path.read_text("utf-8"))
    ]
    assert offenders == [], offenders


def test_every_page_kind_has_its_template_and_every_template_a_kind() -> None:
    from briefkit.render.pages import PAGE_KINDS

    templates = {p.name for p in (REPO / "templates").glob("*.j2")}
    declared = {kind.template for kind in PAGE_KINDS}
    assert declared <= templates, declared - templates
    # The problem pages are serve's (briefkit.render.problems), not the site's kinds.
    assert templates - declared == {"problems.md.j2", "problems-notice.md.j2"}
    assert len({kind.name for kind in PAGE_KINDS}) == len(PAGE_KINDS)


def test_actor_kinds_come_from_one_vocabulary_the_schemas() -> None:
    from briefkit.extractors import types
    from briefkit.model import ACTOR_KINDS
    from briefkit.render import pages

    assert tuple(schema()["$defs"]["actor"]["properties"]["kind"]["enum"]) == ACTOR_KINDS
    # Every kind has its heading on a page, in the order pages list them.
    assert set(pages.KIND_TITLES) == set(ACTOR_KINDS)
    assert set(pages.ACTOR_KINDS) == set(ACTOR_KINDS)
    # The extractors draft only kinds of that vocabulary.
    assert set(ACTOR_KINDS) >= types.ACTOR_KINDS

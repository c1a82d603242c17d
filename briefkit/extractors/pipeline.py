"""The extraction pipeline: one article in, the facts of its briefing out.

Extraction is a sequence of small components (``COMPONENTS``), each declaring what
it reads from a shared :class:`Context` and what it adds, as spaCy's components
do on a ``Doc``. The body is parsed once; every component reads the same ``Doc``. What is
parsed is ``Article.prose``: the body with its furniture (dateline, bylines, subheads,
captions, notes, teasers) blanked to spaces, so no component reads them; the headline
and credits stay for their names, and dates and quotes skip them. Because the
prose has the body's length and the body is a prefix of ``Article.text``, the parse's
character offsets are the article's, and every ``evidence`` span can be checked
against the text.
The caller adds ``id``, ``title`` and ``source``.

A long body is parsed in chunks (``nlp.parse``), with the same offsets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from briefkit.extractors.actors import actor_records, resolve_entities
from briefkit.extractors.dates import find_dates
from briefkit.extractors.events import find_events
from briefkit.extractors.figures import find_figures

# The chunked parse lives in nlp (dates parses too); these names stay importable here.
from briefkit.extractors.nlp import CHUNK_CHARS, chunks, load_model, parse, parse_many
from briefkit.extractors.places import place_records
from briefkit.extractors.quotes import find_quotes
from briefkit.extractors.relations import find_relations
from briefkit.extractors.summary import summarise

__all__ = [
    "CHUNK_CHARS",
    "COMPONENTS",
    "Component",
    "Context",
    "chunks",
    "extract_from_doc",
    "extract_many",
    "parse",
    "parse_many",
    "run",
]

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from briefkit.article import Article
    from briefkit.extractors.dates import DateExpression
    from briefkit.extractors.types import Entities


@dataclass
class Context:
    """What the components share, as spaCy's components share a ``Doc``: the article
    and its publication date, the parse, and what each component adds."""

    article: Article
    published: date | None
    doc: Doc
    entities: Entities | None = None
    dates: list[DateExpression] | None = None
    facts: dict[str, object] = field(default_factory=dict)

    def has(self, name: str) -> bool:
        if name.startswith("facts."):
            return name.removeprefix("facts.") in self.facts
        return getattr(self, name) is not None


@dataclass(frozen=True)
class Component:
    """One extraction step: what it reads from the context, and what it adds to it."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[[Context], None]


def _entities(c: Context) -> None:
    c.entities = resolve_entities(c.article, c.doc)


def _dates(c: Context) -> None:
    # A date in the headline or a credit is no event's date: only the story's dates count.
    found = find_dates(c.article.prose, c.published, c.doc)
    c.dates = [d for d in found if c.article.is_body(d.start)]


def _summary(c: Context) -> None:
    assert c.entities is not None and c.dates is not None
    c.facts.update(summarise(c.article, c.entities, [d.start for d in c.dates]))


def _actors(c: Context) -> None:
    assert c.entities is not None
    c.facts["actors"] = actor_records(c.entities, c.article)


def _places(c: Context) -> None:
    assert c.entities is not None
    c.facts["places"] = place_records(c.entities, c.article, c.doc)


def _events(c: Context) -> None:
    assert c.entities is not None and c.dates is not None
    c.facts["events"] = find_events(
        c.article,
        c.doc,
        c.dates,
        c.entities.mentions,
        c.published,
        c.entities.actors,
        c.entities.places,
    )


def _quotes(c: Context) -> None:
    assert c.entities is not None
    c.facts["quotes"] = find_quotes(c.article, c.doc, c.entities)


def _figures(c: Context) -> None:
    assert c.entities is not None
    c.facts["figures"] = find_figures(c.article, c.doc, c.entities)


def _relations(c: Context) -> None:
    assert c.entities is not None
    c.facts["relations"] = find_relations(c.article, c.doc, c.entities)


# In order: each component's requirements are in the context by the time it runs
# (checked below, at import). The facts' keys, in the order they leave, are what the
# components assign under "facts.".
COMPONENTS: tuple[Component, ...] = (
    Component("entities", ("article", "doc"), ("entities",), _entities),
    Component("dates", ("article", "published", "doc"), ("dates",), _dates),
    Component(
        "summary",
        ("article", "entities", "dates"),
        ("facts.summary", "facts.key_points", "facts.tags"),
        _summary,
    ),
    Component("actors", ("article", "entities"), ("facts.actors",), _actors),
    Component("places", ("article", "doc", "entities"), ("facts.places",), _places),
    Component(
        "events", ("article", "published", "doc", "entities", "dates"), ("facts.events",), _events
    ),
    Component("quotes", ("article", "doc", "entities"), ("facts.quotes",), _quotes),
    Component("figures", ("article", "doc", "entities"), ("facts.figures",), _figures),
    Component("relations", ("article", "doc", "entities"), ("facts.relations",), _relations),
)


def _check_order(components: Sequence[Component]) -> None:
    """Every requirement is assigned by an earlier component (or given: the article,
    its date, the parse), as spaCy's ``analyze_pipes`` checks a pipeline."""
    given = {"article", "published", "doc"}
    for component in components:
        missing = set(component.requires) - given
        if missing:
            raise RuntimeError(f"component {component.name} needs {sorted(missing)} first")
        given |= set(component.assigns)


_check_order(COMPONENTS)
FACT_KEYS: tuple[str, ...] = tuple(
    name.removeprefix("facts.")
    for component in COMPONENTS
    for name in component.assigns
    if name.startswith("facts.")
)


def extract_from_doc(article: Article, doc: Doc, published: date | None) -> dict[str, object]:
    """Every component, in order, on an already parsed body: the facts they add."""
    context = Context(article, published, doc)
    for component in COMPONENTS:
        component.run(context)
    return {key: context.facts[key] for key in FACT_KEYS}


def run(article: Article, published: date | None, nlp: Language | None = None) -> dict[str, object]:
    """The facts of one article, in the data contract's field names."""
    nlp = nlp or load_model()
    return extract_from_doc(article, parse(nlp, article.prose), published)


def extract_many(
    articles: Sequence[Article],
    published_list: Iterable[date | None],
    n_process: int = 1,
    nlp: Language | None = None,
    batch_size: int = 16,
) -> list[dict[str, object]]:
    """The facts of many articles, parsing them in batches (and processes) with ``nlp.pipe``."""
    nlp = nlp or load_model()
    published = list(published_list)
    if len(published) != len(articles):
        raise ValueError("extract_many needs one publication date (or None) per article")
    docs = parse_many(nlp, [a.prose for a in articles], n_process, batch_size)
    return [
        extract_from_doc(article, doc, pub)
        for article, doc, pub in zip(articles, docs, published, strict=True)
    ]

"""The extraction pipeline: one article in, the facts of its briefing out.

The body is parsed once; every extractor reads the same ``Doc``. Because the
body is a prefix of ``Article.text``, the parse's character offsets are the
article's, and every ``evidence`` span can be checked against the text.
The caller adds ``id``, ``title`` and ``source``.

A long body is parsed in chunks (``nlp.parse``), with the same offsets.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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

FACT_KEYS = (
    "summary",
    "key_points",
    "tags",
    "actors",
    "places",
    "events",
    "quotes",
    "figures",
    "relations",
)


def extract_from_doc(article: Article, doc: Doc, published: date | None) -> dict[str, object]:
    """Every extractor on an already parsed body."""
    entities = resolve_entities(article, doc)
    dates = find_dates(article.body, published, doc)
    facts: dict[str, object] = summarise(article, entities, [d.start for d in dates])
    facts["actors"] = actor_records(entities, article)
    facts["places"] = place_records(entities, article, doc)
    facts["events"] = find_events(article, doc, dates, entities.mentions, published)
    facts["quotes"] = find_quotes(article, doc, entities)
    facts["figures"] = find_figures(article, doc, entities)
    facts["relations"] = find_relations(article, doc, entities)
    return {key: facts[key] for key in FACT_KEYS}


def run(article: Article, published: date | None, nlp: Language | None = None) -> dict[str, object]:
    """The facts of one article, in the data contract's field names."""
    nlp = nlp or load_model()
    return extract_from_doc(article, parse(nlp, article.body), published)


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
    docs = parse_many(nlp, [a.body for a in articles], n_process, batch_size)
    return [
        extract_from_doc(article, doc, pub)
        for article, doc, pub in zip(articles, docs, published, strict=True)
    ]

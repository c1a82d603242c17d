"""The extraction pipeline: one article in, the facts of its briefing out.

The body is parsed once; every extractor reads the same ``Doc``. Because the
body is a prefix of ``Article.text``, the parse's character offsets are the
article's, and every ``evidence`` span can be checked against the text.
The caller adds ``id``, ``title`` and ``source``.

A long body is parsed in chunks cut at paragraph ends and joined back into one
``Doc`` with the same text, so offsets still hold: spaCy refuses a text over
``nlp.max_length`` characters, and one parse of a huge text needs memory in
proportion to all of it at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING

from briefkit.extractors.actors import actor_records, resolve_entities
from briefkit.extractors.dates import find_dates
from briefkit.extractors.events import find_events
from briefkit.extractors.figures import find_figures
from briefkit.extractors.nlp import doc_text, load_model
from briefkit.extractors.places import place_records
from briefkit.extractors.quotes import find_quotes
from briefkit.extractors.relations import find_relations
from briefkit.extractors.summary import summarise

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from briefkit.article import Article

# Well under spaCy's max_length (1,000,000); a news article is 5,000 to 20,000.
CHUNK_CHARS = 100_000

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


def chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters that join back to it.

    Each cut falls after a newline if the piece has one, else after a space, so
    no sentence (and almost never a paragraph) is split; a piece with neither is
    cut hard.
    """
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        end = start + size
        cut = text.rfind("\n", start, end) + 1 or text.rfind(" ", start, end) + 1 or end
        if cut <= start:
            cut = end
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out


def parse(nlp: Language, text: str) -> Doc:
    """``nlp(text)`` for a text of any length: chunked past CHUNK_CHARS, same offsets."""
    if len(text) <= CHUNK_CHARS:
        return nlp(text)
    from spacy.tokens import Doc

    # Each chunk but the last ends in whitespace, so joining adds nothing between them.
    doc = Doc.from_docs(
        list(_parsed(nlp, chunks(text, CHUNK_CHARS))), ensure_whitespace=True, exclude=["tensor"]
    )
    if doc_text(doc) != text:  # pragma: no cover - a spaCy change; offsets would lie
        raise RuntimeError("chunked parse changed the text")
    return doc


def _parsed(nlp: Language, pieces: list[str]) -> Iterator[Doc]:
    """Each piece parsed on its own, keeping only what the extractors read.

    One piece at a time: ``nlp.pipe``'s default batch parses every chunk of a 5 MB
    text at once, with gigabytes of intermediate arrays. The tok2vec tensor (96
    floats a token, about 75 MB per million characters) is dropped as each piece is
    done: no extractor reads vectors.
    """
    import numpy

    for doc in nlp.pipe(pieces, batch_size=1):
        doc.tensor = numpy.zeros((0,), dtype="float32")
        yield doc


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


def parse_many(
    nlp: Language, texts: Sequence[str], n_process: int = 1, batch_size: int = 16
) -> Iterator[Doc]:
    """``parse`` of each text, in order, lazily: short ones batched through ``nlp.pipe``."""
    short = [text for text in texts if len(text) <= CHUNK_CHARS]
    piped = iter(nlp.pipe(short, n_process=n_process, batch_size=batch_size))
    # Long texts (rare) are parsed in chunks, in order, between the batched ones.
    for text in texts:
        yield next(piped) if len(text) <= CHUNK_CHARS else parse(nlp, text)

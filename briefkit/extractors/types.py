"""What the extractors share: the names an article gives, and the entities they name.

Its own module so that every extractor can use these types without importing
another extractor (actors and places each read the other's kinds).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefkit.extractors.mentions import Mention

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

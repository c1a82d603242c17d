"""A mention: where the article names an actor or a place.

Extractors pass mentions to each other (events and quotes need to know who is
named in a sentence); briefings do not store them, the build finds them again
from names and aliases.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Mention:
    start: int  # character offsets into Article.text
    end: int
    text: str
    ref: str  # the id of the actor or place named
    kind: Literal["actor", "place"]

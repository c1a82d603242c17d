"""Each briefing's share of the corpus-wide exports, kept across ``mkdocs serve``'s rebuilds.

An export such as ``data/events.ics`` holds every event of every briefing: made
whole, it costs the whole corpus on every save (14 s at 1,000 briefings, most of
it the calendar's line folding). It is made instead from pieces, one per
briefing or per event, each kept under its briefing's *context* (a hash of the
briefing's files and of what it shows of every actor and place it names, the
render cache's ``Keys.context``) and of the build's settings. A rebuild makes
again only the pieces of the briefings whose context changed, and the files are
joined from their pieces: the same bytes as a file made whole
(``tests/test_exports.py`` holds both to that).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from briefkit.model import Briefing

T = TypeVar("T")

# (export, briefing folder, part) -> (key, piece)
Kept = dict[tuple[str, str, int], tuple[str, Any]]


class Pieces:
    """Makes a piece, or takes the last build's when its briefing's context is unchanged.

    With no ``context`` (a one-off build) every piece is made and nothing is kept.
    """

    def __init__(
        self,
        context: Callable[[Briefing], str | None] | None = None,
        kept: Kept | None = None,
        settings: str = "",
    ) -> None:
        self.context = context
        self.kept: Kept = kept if kept is not None else {}
        self.settings = settings
        self.fresh: Kept = {}
        self.made = 0

    def get(self, export: str, briefing: Briefing, part: int, make: Callable[[], T]) -> T:
        context = self.context(briefing) if self.context is not None else None
        if context is None:
            self.made += 1
            return make()
        key = context + self.settings
        ident = (export, briefing.path, part)
        hit = self.kept.get(ident)
        if hit is not None and hit[0] == key:
            piece: T = hit[1]
        else:
            piece = make()
            self.made += 1
        self.fresh[ident] = (key, piece)
        return piece

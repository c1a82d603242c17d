"""Spans looked up by character offset, by binary search.

Extractors ask, for each name, figure, quote or token, which mentions lie inside a
clause or which name covers an offset. Scanning every span for every question is
time quadratic in the article's length; a 5 MB article has tens of thousands of
each. A ``SpanIndex`` sorts once and answers each question in time logarithmic in
the number of spans plus the number of spans near the offset.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")


class SpanIndex(Generic[T]):
    """Items with ``(start, end)`` character offsets, in order of start.

    Items that start at the same offset keep the order they were given in, so a
    question answered "first match in the list" before answers the same here.
    """

    def __init__(self, items: Iterable[T], bounds: Callable[[T], tuple[int, int]]) -> None:
        keyed = sorted(((bounds(item), item) for item in items), key=lambda p: p[0][0])
        self.items = [item for _bounds, item in keyed]
        self.starts = [b[0] for b, _item in keyed]
        self.ends = [b[1] for b, _item in keyed]
        # The furthest end among the first i + 1 spans: a backward scan for spans that reach
        # past an offset stops where no earlier span can.
        self._reach = list(accumulate(self.ends, max))

    def __len__(self) -> int:
        return len(self.items)

    def within(self, start: int, end: int) -> list[T]:
        """Items that lie wholly inside ``[start, end)``, in order."""
        lo = bisect_left(self.starts, start)
        hi = bisect_left(self.starts, end)
        return [self.items[i] for i in range(lo, hi) if self.ends[i] <= end]

    def starting_in(self, start: int, end: int) -> list[T]:
        """Items whose start lies in ``[start, end)``, in order."""
        return self.items[bisect_left(self.starts, start) : bisect_left(self.starts, end)]

    def overlapping(self, start: int, end: int) -> list[T]:
        """Items that share a character with ``[start, end)``, in order."""
        found = []
        i = bisect_left(self.starts, end) - 1
        while i >= 0 and self._reach[i] > start:
            if self.ends[i] > start:
                found.append(self.items[i])
            i -= 1
        found.reverse()
        return found

    def enclosing(self, start: int, end: int) -> list[T]:
        """Items with ``item.start <= start`` and ``end <= item.end``, in order."""
        found = []
        i = bisect_right(self.starts, start) - 1
        while i >= 0 and self._reach[i] >= end:
            if self.ends[i] >= end:
                found.append(self.items[i])
            i -= 1
        found.reverse()
        return found

    def covering(self, offset: int) -> list[T]:
        """Items with ``start <= offset < end``, in order."""
        return self.overlapping(offset, offset + 1)

    def before(self, offset: int, floor: int = 0, *, ended: bool = True) -> Iterator[T]:
        """Items that start in ``[floor, offset)``, latest start first.

        With ``ended`` (the default) only those that also end by ``offset``.
        """
        for i in range(bisect_left(self.starts, offset) - 1, -1, -1):
            if self.starts[i] < floor:
                return
            if not ended or self.ends[i] <= offset:
                yield self.items[i]

"""SpanIndex answers exactly what a scan over every span would, in the same order.

Extractors replaced their scans (quadratic over a long article) with these
lookups; the extracted facts depend on the order too ("the first name covering
this token"), so each answer is checked against the scan it replaced.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefkit.extractors.spans import SpanIndex

Span = tuple[int, int, int]  # start, end, and a label to tell equal spans apart

spans = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 25)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=25,
).map(lambda pairs: [(s, e, i) for i, (s, e) in enumerate(pairs)])
offsets = st.tuples(st.integers(-2, 90), st.integers(0, 30)).map(lambda p: (p[0], p[0] + p[1]))


def in_order(items: list[Span]) -> list[Span]:
    return sorted(items, key=lambda s: s[0])  # stable: ties keep their given order


@given(spans, offsets)
@settings(max_examples=300, deadline=None)
def test_every_lookup_matches_a_full_scan(items: list[Span], window: tuple[int, int]) -> None:
    index = SpanIndex(items, lambda s: (s[0], s[1]))
    start, end = window
    ordered = in_order(items)
    assert index.within(start, end) == [s for s in ordered if start <= s[0] and s[1] <= end]
    assert index.starting_in(start, end) == [s for s in ordered if start <= s[0] < end]
    assert index.overlapping(start, end) == [s for s in ordered if s[0] < end and start < s[1]]
    assert index.enclosing(start, end) == [s for s in ordered if s[0] <= start and end <= s[1]]
    assert index.covering(start) == [s for s in ordered if s[0] <= start < s[1]]
    floor = start - 10
    ended = [s for s in ordered if floor <= s[0] and s[1] <= end]
    assert list(index.before(end, floor)) == ended[::-1]
    started = [s for s in ordered if floor <= s[0] < end]
    assert list(index.before(end, floor, ended=False)) == started[::-1]


def test_an_empty_index_finds_nothing() -> None:
    index: SpanIndex[Span] = SpanIndex([], lambda s: (s[0], s[1]))
    assert len(index) == 0
    assert index.within(0, 10) == index.covering(3) == index.enclosing(1, 2) == []
    assert list(index.before(10)) == []

"""briefkit.htmlcache pieces that need no build (the builds are in test_serve.py)."""

from __future__ import annotations

import gc
import time
import weakref
from collections.abc import Iterator

import pytest

from briefkit.htmlcache import Collector


class Node:
    """An object in a reference cycle: only the cycle collector frees it."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def collector() -> Iterator[Collector]:
    made = Collector(idle=0.05)
    try:
        yield made
    finally:
        made.stop()


def until(condition: object, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.01)
    return False


def test_a_build_leaves_its_objects_out_of_the_collectors_passes_until_it_is_quiet(
    collector: Collector,
) -> None:
    cycle = Node()
    gone = weakref.ref(cycle)
    collector.idle = 600.0  # no quiet spell yet, however slow the machine
    collector.build_ends()
    assert gc.get_freeze_count() > 0
    del cycle
    gc.collect()  # a pass during the next edit walks no frozen object
    assert gone() is not None
    # With no build for `idle` seconds, everything is collected, then frozen again.
    collector.idle = 0.05
    collector.build_ends()
    assert until(lambda: collector.collections == 1)
    assert gone() is None
    assert gc.get_freeze_count() > 0


def test_a_build_that_starts_in_time_keeps_the_full_pass_out_of_its_way(
    collector: Collector,
) -> None:
    collector.idle = 1.0
    collector.build_ends()
    collector.build_starts()
    time.sleep(1.5)
    assert collector.collections == 0
    collector.idle = 0.05
    collector.build_ends()
    assert until(lambda: collector.collections == 1)


def test_stop_hands_the_collector_back(collector: Collector) -> None:
    collector.build_ends()
    collector.stop()
    assert gc.get_freeze_count() == 0
    time.sleep(0.2)
    assert collector.collections == 0

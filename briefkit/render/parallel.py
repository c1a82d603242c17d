"""Rendering on two cores: half the work in a forked child, the same results in order.

Rendering is pure CPU in one thread, and a build on two cores leaves one idle
while it runs. The child inherits everything loaded (fork, no pickling of the
corpus or the compiled templates) and sends back only its results. This module
knows nothing of pages: it runs named tasks.
"""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Callable, Sequence
from typing import Any

Task = tuple[str, Callable[[], Any]]


def in_two(
    tasks: Sequence[Task], child_extra: Callable[[], dict[str, Any]]
) -> dict[str, Any] | None:
    """Every task's result by name, in the tasks' order, then ``child_extra()``'s.

    The child runs every second task and ``child_extra``; this process runs the
    rest. None when the platform cannot fork, there is one CPU, or the child fails:
    the caller then runs everything itself, so an error is raised in this process,
    where it can be reported with its location.
    """
    forked = Forked([*tasks[1::2], ("\0extra", child_extra)])
    if not forked.started:
        return None
    try:
        mine = {name: run() for name, run in tasks[0::2]}
    except BaseException:
        forked.cancel()
        raise
    theirs = forked.result()
    if theirs is None:
        return None
    theirs.update(theirs.pop("\0extra"))
    results = {name: mine[name] if name in mine else theirs[name] for name, _run in tasks}
    results.update((name, value) for name, value in theirs.items() if name not in results)
    return results


class Forked:
    """Tasks run in a forked child while this process goes on; ``result`` waits for them.

    Where ``in_two`` splits work it runs itself, this is for work whose other half
    runs elsewhere (mkdocs' own page loop): the child starts at once, and the
    results are read when first needed. ``result`` is None when the platform
    cannot fork, there is one CPU, or the child failed: the caller then does the
    work itself, so an error is raised in this process.
    """

    def __init__(self, tasks: Sequence[Task]) -> None:
        self._results: dict[str, Any] | None = None
        self._pid = 0
        self._read_fd = -1
        self._done = False
        self.started = False
        if not tasks or not hasattr(os, "fork") or (os.cpu_count() or 1) < 2:
            self._done = True
            return
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child; coverage does not follow forks
            status = 1
            try:
                os.close(read_fd)
                done = {name: run() for name, run in tasks}
                with os.fdopen(write_fd, "wb") as out:
                    pickle.dump(done, out, protocol=pickle.HIGHEST_PROTOCOL)
                status = 0
            finally:
                # No atexit handlers, no second flush of the parent's buffers.
                os._exit(status)
        os.close(write_fd)
        self._pid, self._read_fd = pid, read_fd
        self.started = True

    def result(self) -> dict[str, Any] | None:
        if not self._done:
            self._done = True
            with os.fdopen(self._read_fd, "rb") as received:
                try:
                    self._results = pickle.load(received)
                except (EOFError, pickle.UnpicklingError):
                    self._results = None
            _, status = os.waitpid(self._pid, 0)
            if status != 0:
                self._results = None
        return self._results

    def cancel(self) -> None:
        """The build failed before the results were needed: end the child."""
        if not self._done:
            self._done = True
            os.kill(self._pid, signal.SIGKILL)
            os.close(self._read_fd)
            os.waitpid(self._pid, 0)

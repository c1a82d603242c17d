"""One writer at a time on a briefings folder.

``briefkit add`` and ``briefkit update`` read a briefing, think for seconds (the
language model), then write it. Two of them on the same folder would each merge
against what the other is about to replace, and the later write would drop the
earlier one's changes. So both hold an exclusive lock on
``briefings/.briefkit.lock`` for their whole run; a second one waits briefly, then
stops with a clear message and writes nothing.

The lock is ``flock``: the kernel drops it when the process ends, however it ends,
so a killed run never leaves a stale lock behind. The holder deletes the file as it
lets go, so the folder holds only briefings; a waiter that then wins the lock of
a deleted file notices (its inode is no longer the path's) and locks afresh.
Where ``fcntl`` does not exist (Windows), runs are not serialised.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from briefkit.errors import BriefkitError, Problem

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

LOCK_FILE = ".briefkit.lock"
# Long enough to ride out a neighbour's final write, short enough not to look hung.
DEFAULT_WAIT = 3.0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def _stale(holder: str) -> str | None:
    """What to say of a lock file's previous holder, when it left it behind."""
    words = holder.split()
    if len(words) != 2 or words[0] != "pid" or not words[1].isdecimal():
        return None
    pid = int(words[1])
    if pid == os.getpid():
        return None
    state = "is no longer running" if not _alive(pid) else "no longer holds it"
    return f"took over the lock file left by pid {pid}, which {state} (a stopped run)"


def _refused(path: Path, message: str) -> BriefkitError:
    return BriefkitError([Problem(str(path), 0, 0, message)])


@contextmanager
def briefings_lock(root: Path, wait: float | None = None) -> Iterator[str | None]:
    """Hold the briefings folder's lock, or raise BriefkitError after ``wait`` seconds.

    Yields a note when the lock file was left by a run that was killed (``kill -9``
    leaves the file, though the kernel has dropped its lock): None otherwise.
    """
    if wait is None:
        wait = float(os.environ.get("BRIEFKIT_LOCK_WAIT", DEFAULT_WAIT))
    path = root / LOCK_FILE
    deadline = time.monotonic() + wait
    while True:
        try:
            root.mkdir(parents=True, exist_ok=True)
            handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held until the end
        except OSError as exc:
            raise _refused(
                path,
                f"cannot create the lock file: {exc.strerror}; "
                "make the briefings folder writable and run again",
            ) from None
        if fcntl is None:
            break
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            if time.monotonic() >= deadline:
                raise _refused(
                    path,
                    f"another briefkit add or update ({holder}) is writing these briefings; "
                    "nothing was changed: run again when it has finished",
                ) from None
            time.sleep(0.1)
            continue
        try:
            same = os.stat(path).st_ino == os.fstat(handle.fileno()).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        # The holder deleted this file as it let go: lock the one now at the path.
        handle.close()
    stale = None
    try:
        if fcntl is not None:
            handle.seek(0)
            stale = _stale(handle.read().strip())
            # Who holds it, for the message a waiting run prints.
            handle.seek(0)
            handle.truncate()
            handle.write(f"pid {os.getpid()}")
            handle.flush()
        yield stale
    finally:
        if fcntl is not None:
            # Deleted while still held, so no one can lock this file after us.
            Path(path).unlink(missing_ok=True)
        # Closing the file releases the lock.
        handle.close()

"""Reading a file that a pull request may have planted: only regular files, only inside.

A briefings folder is untrusted input: CI builds whatever a contributor commits.
A symlink can point at ``/etc/passwd`` or a CI secret, a FIFO blocks a reader
forever, ``/dev/zero`` never ends, and a sparse file can claim any size. So
every file briefkit reads from the folder goes through :func:`read_capped`:
its real path must stay inside the folder, it must be a regular file, and it is
read in pieces up to a cap, whatever ``stat()`` says its size is.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from briefkit.errors import BriefkitError, Problem

_KINDS = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a folder",
}
_CHUNK = 1 << 16


def _refuse(path: Path, message: str) -> BriefkitError:
    return BriefkitError([Problem(str(path), 1, 1, message)])


def _megabytes(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def outside(path: Path, inside: Path) -> Path | None:
    """The real path of ``path`` when it leaves ``inside`` (through a link), else None."""
    real = Path(os.path.realpath(path))
    root = Path(os.path.realpath(inside))
    return None if real == root or real.is_relative_to(root) else real


def read_capped(path: Path, limit: int, inside: Path | None = None) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, or a located BriefkitError.

    With ``inside``, the file's real path must be within that folder: a link out of
    it is refused before anything is opened.
    """
    path = Path(path)
    target = path
    if inside is not None:
        leaves = outside(path, inside)
        if leaves is not None:
            raise _refuse(
                path,
                f"{path.name} is a link to {leaves}, outside {inside}: briefkit reads only "
                "files inside the briefings folder; put the file itself there",
            )
        # The real path has no link left in it; O_NOFOLLOW catches one swapped in since.
        target = Path(os.path.realpath(path))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    if inside is not None:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        # Non-blocking: opening a FIFO with no writer would otherwise wait forever.
        fd = os.open(target, flags)
    except OSError as exc:
        raise _refuse(path, f"cannot read: {exc.strerror}") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = _KINDS.get(stat.S_IFMT(mode), "not a regular file")
            raise _refuse(path, f"{path.name} is {kind}, not a file: replace it with a text file")
        pieces: list[bytes] = []
        size = 0
        # Read to the cap and one byte past it: a file that grows, or lies about its
        # size, is caught by what it gives, not by what it claims.
        while size <= limit:
            piece = os.read(fd, min(_CHUNK, limit + 1 - size))
            if not piece:
                break
            pieces.append(piece)
            size += len(piece)
        if size > limit:
            raise _refuse(
                path,
                f"{path.name} is larger than {_megabytes(limit)}, the most briefkit reads "
                "of such a file: keep only the text it needs",
            )
        return b"".join(pieces)
    except OSError as exc:
        raise _refuse(path, f"cannot read: {exc.strerror}") from None
    finally:
        os.close(fd)


def is_regular_inside(path: Path, inside: Path) -> bool:
    """Whether ``path`` is a regular file (or a link to one) within ``inside``."""
    try:
        return outside(path, inside) is None and stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False

"""Reading files a pull request may have planted: links out, FIFOs, devices, huge files."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from briefkit.errors import BriefkitError
from briefkit.files import is_regular_inside, read_capped


def _problem(exc: pytest.ExceptionInfo[BriefkitError]) -> str:
    (problem,) = exc.value.problems
    return str(problem)


def test_a_regular_file_inside_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"hello")
    assert read_capped(tmp_path / "a.txt", 100, tmp_path) == b"hello"
    # A link that stays inside the folder is fine.
    (tmp_path / "b.txt").symlink_to("a.txt")
    assert read_capped(tmp_path / "b.txt", 100, tmp_path) == b"hello"
    assert is_regular_inside(tmp_path / "b.txt", tmp_path)


def test_a_link_out_of_the_folder_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    inside, secret = tmp_path / "briefings", tmp_path / "secret.txt"
    inside.mkdir()
    secret.write_text("root:x:0:0")
    (inside / "article.txt").symlink_to(secret)
    with pytest.raises(BriefkitError) as exc:
        read_capped(inside / "article.txt", 100, inside)
    assert _problem(exc) == (
        f"{inside / 'article.txt'}:1:1: article.txt is a link to {secret}, outside {inside}: "
        "briefkit reads only files inside the briefings folder; put the file itself there"
    )
    assert not is_regular_inside(inside / "article.txt", inside)


def test_a_fifo_is_refused_at_once_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    result: list[str] = []

    def read() -> None:
        try:
            read_capped(fifo, 100, tmp_path)
        except BriefkitError as exc:
            result.append(str(exc.problems[0]))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=5)
    assert not reader.is_alive(), "reading a FIFO with no writer hung"
    assert result == [
        f"{fifo}:1:1: article.txt is a FIFO (named pipe), not a file: replace it with a text file"
    ]


def test_a_device_is_refused_and_never_read_to_its_end(tmp_path: Path) -> None:
    with pytest.raises(BriefkitError) as exc:
        read_capped(Path("/dev/zero"), 100)
    assert "zero is a character device, not a file" in _problem(exc)
    # Inside a briefings folder, a link to it leaves the folder: refused first.
    (tmp_path / "article.txt").symlink_to("/dev/zero")
    with pytest.raises(BriefkitError) as exc:
        read_capped(tmp_path / "article.txt", 100, tmp_path)
    assert "is a link to /dev/zero, outside" in _problem(exc)


def test_the_cap_counts_bytes_read_not_the_size_claimed(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(10 * 1024 * 1024)  # sparse: 10 MB claimed, nothing on disk
    with pytest.raises(BriefkitError) as exc:
        read_capped(path, 1000, tmp_path)
    assert _problem(exc) == (
        f"{path}:1:1: big.txt is larger than 0.0 MB, the most briefkit reads of such a file: "
        "keep only the text it needs"
    )
    path.write_bytes(b"x" * 1000)
    assert len(read_capped(path, 1000, tmp_path)) == 1000


def test_a_folder_and_a_missing_file_are_located_errors(tmp_path: Path) -> None:
    (tmp_path / "dir").mkdir()
    with pytest.raises(BriefkitError) as exc:
        read_capped(tmp_path / "dir", 100, tmp_path)
    assert "dir is a folder, not a file" in _problem(exc)
    with pytest.raises(BriefkitError) as exc:
        read_capped(tmp_path / "nope.txt", 100, tmp_path)
    assert _problem(exc) == f"{tmp_path / 'nope.txt'}:1:1: cannot read: No such file or directory"

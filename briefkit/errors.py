"""The one error type briefkit raises for problems a user can fix.

Every module may import this; it sits outside the pipeline's order.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a user's file, located the way editors understand."""

    path: str
    line: int  # 1-based; 0 when the whole file is meant
    col: int  # 1-based; 0 when the whole line or file is meant
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"

    def relative(self) -> Problem:
        """The same problem with its path relative to the working folder, when inside it.

        Terminals and editors turn ``path:line:col`` into a link; short paths read better.
        A URL is not a path: ``relpath`` would fold its ``//`` and make it no address.
        """
        if "://" in self.path:
            return self
        try:
            rel = os.path.relpath(self.path)
        except ValueError:
            return self
        return self if rel.startswith("..") else Problem(rel, self.line, self.col, self.message)


class BriefkitError(Exception):
    """A user mistake: bad input, bad YAML, a missing file. Never a bug of ours.

    It carries every problem found, so a user can fix them all in one pass.
    """

    def __init__(self, problems: list[Problem] | str) -> None:
        if isinstance(problems, str):
            problems = [Problem("briefkit", 0, 0, problems)]
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

"""What ``mkdocs serve`` shows while a briefing has problems: the problems, in the browser.

A plain build leaves a briefing with problems out of the site and says why in
the terminal. Under ``serve`` the analyst is looking at the browser: the home
page then opens with a notice, ``problems.md`` lists every problem as
``path:line:col``, and each left-out briefing keeps a page at its own address
that says what to fix, so the tab the analyst has open shows the error rather
than a 404.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from briefkit.errors import Problem
from briefkit.render.pages import environment, page_path

PROBLEMS_PAGE = "problems.md"
# A folder name becomes a page path only when it is a safe id.
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _left_out(problems: list[Problem]) -> dict[str, list[Problem]]:
    """Briefing folder name -> its problems, for the problems in briefing files."""
    folders: dict[str, list[Problem]] = {}
    for problem in problems:
        path = Path(problem.path)
        if path.name == "briefing.yaml" and _ID.fullmatch(path.parent.name):
            folders.setdefault(path.parent.name, []).append(problem)
    return folders


def with_problems(
    pages: dict[str, str], problems: list[Problem], templates: Path
) -> dict[str, str]:
    """``pages`` with the problems shown: a notice on the home page, a problems page,
    and a page for each left-out briefing. Unchanged when there are none."""
    if not problems:
        return pages
    env = environment(templates)
    shown = [p.relative() for p in sorted(problems)]
    out = dict(pages)
    out[PROBLEMS_PAGE] = env.get_template("problems.md.j2").render(
        problems=shown, briefing=None, link=lambda target: _link("index.md", target)
    )
    for folder, found in _left_out(shown).items():
        here = page_path("briefing", folder)
        if here in out:
            continue
        out[here] = env.get_template("problems.md.j2").render(
            problems=found,
            briefing=folder,
            link=lambda target, here=here: _link(here, target),
        )
    home = out.get("index.md")
    if home is not None:
        notice = env.get_template("problems-notice.md.j2").render(
            count=len(shown), link=_link("index.md", PROBLEMS_PAGE)
        )
        out["index.md"] = _after_front_matter(home, notice)
    return out


def _link(here: str, target: str) -> str:
    """A relative link between two docs-relative pages, as Markdown: mkdocs rewrites a
    link to a .md file for either URL style."""
    return posixpath.relpath(target, posixpath.dirname(here) or ".")


def _after_front_matter(page: str, text: str) -> str:
    if page.startswith("---\n"):
        end = page.find("\n---\n", 4)
        if end >= 0:
            cut = end + len("\n---\n")
            return page[:cut] + "\n" + text + "\n" + page[cut:]
    return text + "\n" + page

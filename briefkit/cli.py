"""The ``briefkit`` command: add, extract, update, check, render."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefkit.errors import BriefkitError, Problem

if TYPE_CHECKING:
    from briefkit.model import Briefing


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from None


def _print_problems(problems: list[Problem]) -> None:
    for problem in sorted(problems):
        print(problem.relative(), file=sys.stderr)


_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def check_id(ident: str, root: Path | None = None) -> None:
    """Refuse a briefing id that is not a safe, free page and folder name.

    The id becomes ``briefings/<id>/`` and ``briefings/<id>.md``: a path separator,
    ``..`` or a device name would write elsewhere, and ``index`` is the list page.
    Checked before extraction, so a typo costs no model run.
    """
    from briefkit.article import slugify
    from briefkit.model import _RESERVED

    where = "--id"
    if not ident.strip():
        message = "is empty: leave --id out to make one from the date and title"
    elif not _ID.fullmatch(ident) or len(ident) > 120:
        odd = next((ch for ch in ident if not ch.isascii()), None)
        if odd is not None:
            name = unicodedata.name(odd, "unnamed")
            message = f"has {odd!r} (U+{ord(odd):04X} {name}), which is not an ASCII letter"
        else:
            message = "may hold only lowercase letters, digits and single hyphens (120 at most)"
        suggestion = slugify(ident)[:120].strip("-")
        if suggestion:
            message += f"; did you mean {suggestion!r}?"
    elif ident in _RESERVED:
        message = "is a device name on Windows (con, nul, com1...): choose another"
    elif ident == "index":
        message = "names the list of all briefings (briefings/index.md): choose another"
    elif root is not None and (root / ident).exists():
        message = f"is taken: {root / ident}/ exists already; choose another"
    else:
        return
    raise BriefkitError([Problem(where, 0, 0, f"the id {ident!r} {message}; nothing was written")])


def _extract(args: argparse.Namespace) -> tuple[str, Briefing, list[str]]:
    """The article's facts, and the header notes its YAML should open with."""
    from briefkit.article import read_article
    from briefkit.extractors.dates import find_dates
    from briefkit.extractors.nlp import model_name
    from briefkit.store import briefing_from_article

    if args.id is not None:
        check_id(args.id, Path(args.root) if getattr(args, "root", None) else None)
    article = read_article(args.article)
    notes = []
    if args.published is None:
        unresolved = [d.text for d in find_dates(article.body) if not d.resolved]
        listed = "; ".join(dict.fromkeys(unresolved)) or "none found"
        notes.append(
            "No publication date was given, so these relative dates stay unresolved and are "
            f"not on the timeline: {listed}. Set source.published and date the events by hand."
        )
        print(
            f"warning: no --published date: {len(unresolved)} relative date(s) stay unresolved "
            f"({listed}); pass --published YYYY-MM-DD",
            file=sys.stderr,
        )
    root = Path(getattr(args, "root", None) or "briefings")
    linking: list[str] = []
    briefing = briefing_from_article(
        article,
        args.published,
        title=args.title,
        outlet=args.outlet,
        url=args.url,
        id=args.id,
        corpus=root if root.is_dir() else None,
        notes=linking,
    )
    print(f"extracted with {model_name()}", file=sys.stderr)
    for note in linking:
        print(f"note: {note}", file=sys.stderr)
    return article.raw, briefing, notes


def cmd_extract(args: argparse.Namespace) -> int:
    from briefkit.store import dump_briefing

    _raw, briefing, notes = _extract(args)
    sys.stdout.write(dump_briefing(briefing.to_dict(), header=notes))
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from briefkit.locking import briefings_lock
    from briefkit.store import add_briefing

    root = Path(args.root)
    with briefings_lock(root):
        raw, briefing, notes = _extract(args)
        # An id made from the title is checked too: a headline "Index" or "Con".
        check_id(briefing.id, root)
        folder = add_briefing(root, raw, briefing, header=notes)
    counts = ", ".join(
        f"{len(getattr(briefing, key))} {key}"
        for key in ("actors", "places", "events", "quotes", "figures", "relations")
    )
    print(f"added {folder}/: {counts}")
    print(f"review {folder}/briefing.yaml by hand, then run `briefkit check`")
    return 0


def cmd_update(args: argparse.Namespace) -> int:
    from contextlib import nullcontext

    from briefkit.locking import briefings_lock
    from briefkit.merge import extract_again, find_briefings, update_briefing

    root = Path(args.root)
    folders = find_briefings(root, args.briefings)
    if not folders:
        print(f"no briefings in {args.root}/", file=sys.stderr)
        return 1
    # A dry run writes nothing, so it need not wait for a writer.
    with nullcontext() if args.dry_run else briefings_lock(root):
        for folder in folders:
            update = update_briefing(folder, extract_again, dry_run=args.dry_run)
            print("\n".join(update.lines()))
            if args.dry_run:
                print(f"{update.path}: dry run, nothing written")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from briefkit.store import briefing_folders, load_corpus

    root = Path(args.root)
    _briefings, problems = load_corpus(root)
    if problems:
        _print_problems(problems)
        print(f"{len(problems)} problem(s) found", file=sys.stderr)
        return 1
    print(f"{len(briefing_folders(root))} briefing(s) OK")
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    from briefkit.render import render_site
    from briefkit.store import open_corpus, write_atomic

    corpus, problems = open_corpus(Path(args.root))
    if problems:
        _print_problems(problems)
    out = Path(args.out)
    pages = render_site(corpus, Path(args.templates))
    for rel, markdown in pages.items():
        write_atomic(out / rel, markdown)
    print(f"wrote {len(pages)} pages to {out}/")
    return 1 if problems and args.strict else 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="briefkit", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    def article_options(cmd: argparse.ArgumentParser) -> None:
        cmd.add_argument("article", help="the article's text file")
        cmd.add_argument("--published", type=_date, help="publication date, YYYY-MM-DD")
        cmd.add_argument("--outlet", help="who published it (read from the article when it says)")
        cmd.add_argument("--url", help="where it was published")
        cmd.add_argument("--title", help="the headline (read from the article when it says)")
        cmd.add_argument("--id", help="the briefing's id (made from date and title otherwise)")

    add = sub.add_parser("add", help="add an article as a new briefing")
    article_options(add)
    add.add_argument("--root", default="briefings", help="the briefings folder")
    add.set_defaults(func=cmd_add)

    extract = sub.add_parser("extract", help="print the facts YAML of an article; writes nothing")
    article_options(extract)
    extract.set_defaults(func=cmd_extract)

    update = sub.add_parser(
        "update",
        help="re-extract and merge into briefing.yaml, keeping every hand edit",
        description="Re-run extraction on each briefing's article and merge it into its "
        "briefing.yaml three ways, against .extracted.yaml (what the extractor said last "
        "time): hand edits, deletions and additions stay; new facts are added; what only "
        "the extractor changed is updated; clashes keep your version and are reported.",
    )
    update.add_argument("briefings", nargs="*", metavar="BRIEFING", help="ids or folders (all)")
    update.add_argument("--root", default="briefings", help="the briefings folder")
    update.add_argument("--dry-run", action="store_true", help="show the summary; write nothing")
    update.set_defaults(func=cmd_update)

    check = sub.add_parser("check", help="validate every briefing; path:line:col per problem")
    check.add_argument("--root", default="briefings")
    check.set_defaults(func=cmd_check)

    render = sub.add_parser("render", help="write the site's Markdown pages to a folder")
    render.add_argument("--out", required=True)
    render.add_argument("--root", default="briefings")
    render.add_argument("--templates", default="templates")
    render.add_argument("--strict", action="store_true", help="exit 1 when a briefing has problems")
    render.set_defaults(func=cmd_render)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except BriefkitError as exc:
        _print_problems(exc.problems)
        return 1
    except OSError as exc:
        # A disk or permission failure outside the paths that report their own.
        where = str(exc.filename) if exc.filename else "briefkit"
        _print_problems([Problem(where, 0, 0, exc.strerror or str(exc))])
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

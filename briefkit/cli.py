"""The ``briefkit`` command: add, extract, update, check, render."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
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


def _extract(args: argparse.Namespace) -> tuple[str, Briefing, list[str]]:
    """The article's facts, and the header notes its YAML should open with."""
    from briefkit.article import read_article
    from briefkit.extractors.dates import find_dates
    from briefkit.extractors.nlp import model_name
    from briefkit.store import briefing_from_article

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
    briefing = briefing_from_article(
        article, args.published, title=args.title, outlet=args.outlet, url=args.url, id=args.id
    )
    print(f"extracted with {model_name()}", file=sys.stderr)
    return article.raw, briefing, notes


def cmd_extract(args: argparse.Namespace) -> int:
    from briefkit.store import dump_briefing

    _raw, briefing, notes = _extract(args)
    sys.stdout.write(dump_briefing(briefing.to_dict(), header=notes))
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from briefkit.store import add_briefing

    raw, briefing, notes = _extract(args)
    folder = add_briefing(Path(args.root), raw, briefing, header=notes)
    counts = ", ".join(
        f"{len(getattr(briefing, key))} {key}"
        for key in ("actors", "places", "events", "quotes", "figures", "relations")
    )
    print(f"added {folder}/: {counts}")
    print(f"review {folder}/briefing.yaml by hand, then run `briefkit check`")
    return 0


def cmd_update(args: argparse.Namespace) -> int:
    from briefkit.merge import extract_again, find_briefings, update_briefing

    folders = find_briefings(Path(args.root), args.briefings)
    if not folders:
        print(f"no briefings in {args.root}/", file=sys.stderr)
        return 1
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
    from briefkit.model import Corpus
    from briefkit.render import render_site
    from briefkit.store import load_corpus, write_atomic

    briefings, problems = load_corpus(Path(args.root))
    if problems:
        _print_problems(problems)
    out = Path(args.out)
    pages = render_site(Corpus.build(briefings), Path(args.templates))
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
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

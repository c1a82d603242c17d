"""The ``briefkit`` command: add, extract, update, check, render."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefkit.errors import BriefkitError, Problem

if TYPE_CHECKING:
    from briefkit.article import Article
    from briefkit.linking import Known
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


def check_id(ident: str, root: Path | None = None, raw: bytes | None = None) -> None:
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
    elif root is not None and _taken(root / ident, raw):
        message = f"is taken: {root / ident}/ exists already; choose another"
    else:
        return
    raise BriefkitError([Problem(where, 0, 0, f"the id {ident!r} {message}; nothing was written")])


def _taken(folder: Path, raw: bytes | None) -> bool:
    """Whether ``folder`` holds a briefing: not when it is what a stopped add of ``raw`` left."""
    from briefkit.store import stopped_add

    if not (folder.exists() or folder.is_symlink()):
        return False
    return raw is None or not stopped_add(folder, raw)


def _note(text: str | None) -> None:
    if text:
        print(f"note: {text}", file=sys.stderr)


def _warn(problems: list[Problem]) -> None:
    for problem in problems:
        print(f"warning: {problem.relative()}", file=sys.stderr)


@dataclass
class _Input:
    """One article to add, and what its page said of it (the flags win over that)."""

    article: Article
    where: str  # its path or URL, for messages
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None


@dataclass
class _Feed:
    items: list[Any]  # inputs.FeedItem
    where: str


def _load(target: str, network: bool) -> _Input | _Feed:
    """What ``target`` is, by its content: a text, an HTML page or a feed, from a file or a URL.

    Only ``network`` (``add``) fetches: ``extract`` and the build never touch the network.
    """
    from briefkit.article import MAX_ARTICLE_BYTES, read_article
    from briefkit.fetch import fetch, is_url
    from briefkit.files import read_capped
    from briefkit.inputs import FEED, HTML, article_of, kind_of, read_feed, read_page

    address: str | None = None
    if is_url(target):
        if not network:
            message = "only `briefkit add` fetches from the web: save the page and give its file"
            raise BriefkitError([Problem(target, 0, 0, message)])
        fetched = fetch(target)
        data, address = fetched.data, fetched.url
        kind = kind_of(data)
        if kind not in (HTML, FEED):
            served = fetched.media_type or "no content type"
            message = f"is not an HTML page or a feed (served as {served}); nothing was written"
            raise BriefkitError([Problem(target, 0, 0, message)])
    else:
        data = read_capped(Path(target), MAX_ARTICLE_BYTES)
        kind = kind_of(data)
    if kind == FEED:
        return _Feed(read_feed(data, target, address), target)
    if kind == HTML:
        page = read_page(data, target, address)
        return _Input(
            article_of(page, target),
            target,
            title=page.title,
            outlet=page.outlet,
            # The page's canonical address, else where it was fetched from.
            url=page.url or address,
            published=page.published,
            authors=page.authors,
            language=page.language,
        )
    article = read_article(target)
    _warn(article.notes)
    return _Input(article, target, title=article.title, outlet=article.outlet)


def _extract(
    args: argparse.Namespace,
    given: _Input,
    known: tuple[list[Known], list[Known]] | None = None,
    say: Any = None,
) -> tuple[str, Briefing, list[str]]:
    """The article's facts, and the header notes its YAML should open with.

    ``known`` is the corpus's actors and places (read from ``--root`` when not given);
    ``say`` prints a line (a progress bar's ``write`` in a feed).
    """
    from briefkit.draft import briefing_from_facts, known_in
    from briefkit.extractors.dates import find_dates
    from briefkit.extractors.nlp import model_name
    from briefkit.extractors.pipeline import run

    def out(line: str) -> None:
        if say is None:
            print(line, file=sys.stderr)
        else:
            say(line, file=sys.stderr)

    article = given.article
    if args.id is not None:
        root_given = Path(args.root) if getattr(args, "root", None) else None
        check_id(args.id, root_given, article.raw.encode("utf-8"))
    published = args.published or given.published
    notes = []
    if published is None:
        unresolved = [d.text for d in find_dates(article.prose) if not d.resolved]
        listed = "; ".join(dict.fromkeys(unresolved)) or "none found"
        notes.append(
            "No publication date was given, so these relative dates stay unresolved and are "
            f"not on the timeline: {listed}. Set source.published and date the events by hand."
        )
        out(
            f"warning: no --published date: {len(unresolved)} relative date(s) stay unresolved "
            f"({listed}); pass --published YYYY-MM-DD"
        )
    root = Path(getattr(args, "root", None) or "briefings")
    if known is None and root.is_dir():
        known = known_in(root)
    linking: list[str] = []
    briefing = briefing_from_facts(
        article,
        run(article, published),
        published,
        title=args.title or given.title,
        outlet=args.outlet or given.outlet,
        url=args.url or given.url,
        id=args.id,
        known=known,
        notes=linking,
        authors=given.authors,
        language=given.language,
    )
    out(f"extracted with {model_name()}")
    for note in linking:
        out(f"note: {note}")
    return article.raw, briefing, notes


def cmd_extract(args: argparse.Namespace) -> int:
    from briefkit.store import dump_briefing

    given = _load(args.article, network=False)
    if isinstance(given, _Feed):
        message = "is a feed: `briefkit add` adds its items; extract takes one article"
        raise BriefkitError([Problem(args.article, 0, 0, message)])
    _raw, briefing, notes = _extract(args, given)
    sys.stdout.write(dump_briefing(briefing.to_dict(), header=notes))
    return 0


def _plural(n: int, noun: str) -> str:
    """ "1 figure", "2 figures": the fact lists' keys are plurals ending in s."""
    return f"{n} {noun.removesuffix('s') if n == 1 else noun}"


@dataclass
class _Added:
    """What adding one article did: a new briefing, or a source of an existing one."""

    folder: Path
    briefing: Briefing | None = None  # None: recorded as another source
    score: float = 1.0


def _source_of_copy(args: argparse.Namespace, root: Path, given: _Input) -> _Added | None:
    """Record ``given`` as another source of the briefing it copies, if any. No model runs.

    The same text, or a near-copy (word-shingle Jaccard at inputs.COPY_THRESHOLD or
    more), is one story: a wire copy under another outlet's name, or the same page at
    another address. A copy from a source the briefing has already is refused, as
    adding one article twice always was.
    """
    from briefkit.store import add_source, briefing_data, find_copy, recorded_urls, same_source

    url = args.url or given.url
    outlet = args.outlet or given.outlet
    published = args.published or given.published
    if url:
        owner = recorded_urls(root).get(url)
        if owner is not None:
            message = (
                f"this article exists already, as {root / owner}/ (the same address {url}): "
                f"nothing was written; `briefkit update {owner}` re-extracts it"
            )
            raise BriefkitError([Problem(given.where, 0, 0, message)])
    copy = find_copy(root, given.article.raw)
    if copy is None:
        return None
    how = "the same text" if copy.score == 1.0 else f"a near-copy, {copy.score:.2f} alike"
    if same_source(briefing_data(copy.folder, root), outlet, url):
        message = (
            f"this article exists already, as {copy.folder}/ ({how}): nothing was written; "
            f"`briefkit update {copy.folder.name}` re-extracts it"
        )
        raise BriefkitError([Problem(given.where, 0, 0, message)])
    add_source(copy.folder, outlet, url, published.isoformat() if published else None)
    return _Added(copy.folder, None, copy.score)


def _add_one(
    args: argparse.Namespace,
    root: Path,
    given: _Input,
    known: tuple[list[Known], list[Known]] | None = None,
    say: Any = None,
) -> _Added:
    """Add one article under the lock: another source of a briefing it copies, or a new one."""
    from briefkit.draft import extraction_stamp
    from briefkit.store import add_briefing

    copied = _source_of_copy(args, root, given) if root.is_dir() else None
    if copied is not None:
        return copied
    raw, briefing, notes = _extract(args, given, known, say)
    # An id made from the title is checked too: a headline "Index" or "Con".
    check_id(briefing.id, root, raw.encode("utf-8"))
    stamp = extraction_stamp(raw.encode("utf-8"), args.published or given.published)
    folder = add_briefing(root, raw, briefing, header=notes, stamp=stamp)
    return _Added(folder, briefing)


def _report(added: _Added, where: str, say: Any = None) -> None:
    from briefkit.model import FACT_LISTS

    def out(line: str) -> None:
        if say is None:
            print(line)
        else:
            say(line, file=sys.stdout)

    if added.briefing is None:
        how = "the same text" if added.score == 1.0 else f"a near-copy, {added.score:.2f} alike,"
        out(f"{where} is {how} as {added.folder}/: recorded as another source of it")
        return
    counts = ", ".join(_plural(len(getattr(added.briefing, key)), key) for key in FACT_LISTS)
    out(f"added {added.folder}/: {counts}")


def cmd_add(args: argparse.Namespace) -> int:
    from briefkit.locking import briefings_lock
    from briefkit.store import clear_staging

    if args.batch is not None:
        return cmd_add_batch(args)
    if args.article is None:
        raise BriefkitError([Problem("briefkit add", 0, 0, "name an ARTICLE, or --batch DIR")])
    if Path(args.article).is_dir():
        command = f"briefkit add --batch {args.article}"
        message = f"is a folder: to add every article in it, run `{command}`"
        raise BriefkitError([Problem(args.article, 0, 0, message)])
    root = Path(args.root)
    # Fetched and read before the lock: the network may be slow, and nothing is written yet.
    given = _load(args.article, network=True)
    if isinstance(given, _Feed):
        return cmd_add_feed(args, root, given)
    with briefings_lock(root) as stale:
        _note(stale)
        clear_staging(root)
        added = _add_one(args, root, given)
    _report(added, args.article)
    print(f"review {added.folder}/briefing.yaml by hand, then run `briefkit check`")
    return 0


def cmd_add_feed(args: argparse.Namespace, root: Path, feed: _Feed) -> int:
    """``add FEED``: each item whose page is not in the corpus yet, fetched and added.

    An item whose address a briefing records already is skipped without a fetch; one
    whose text is a briefing's is recorded as its source (or skipped, when that source
    is recorded too). So a second run adds nothing, and a stopped one is finished by
    running it again. A failing item is reported at its address; the rest go on.
    """
    from urllib.parse import urlsplit

    from briefkit.draft import known_in, remember
    from briefkit.fetch import fetch, internal, is_url
    from briefkit.inputs import HTML, article_of, kind_of, read_page
    from briefkit.locking import briefings_lock
    from briefkit.store import clear_staging, recorded_urls

    for option in ("id", "title", "url"):
        if getattr(args, option) is not None:
            message = f"--{option} names one article: leave it out with a feed"
            raise BriefkitError([Problem(feed.where, 0, 0, message)])
    failed: list[Problem] = []
    counts = {"added": 0, "sources": 0, "present": 0}
    # A feed fetched from a public address may send briefkit only to public ones; a
    # feed file or a local feed is the analyst's own (None: each item as it is).
    feed_internal = internal(urlsplit(feed.where).hostname or "") if is_url(feed.where) else None
    with briefings_lock(root) as stale:
        _note(stale)
        clear_staging(root)
        seen = recorded_urls(root) if root.is_dir() else {}
        todo = [item for item in feed.items if item.url not in seen]
        counts["present"] = len(feed.items) - len(todo)
        known = known_in(root) if root.is_dir() else ([], [])
        bar = _bar(len(todo))
        try:
            for item in todo:
                try:
                    fetched = fetch(item.url, internal_ok=feed_internal)
                    if kind_of(fetched.data) != HTML:
                        message = "is not an HTML page; nothing was written"
                        raise BriefkitError([Problem(item.url, 0, 0, message)])
                    page = read_page(fetched.data, item.url, fetched.url)
                    given = _Input(
                        article_of(page, item.url),
                        item.url,
                        title=page.title or item.title,
                        outlet=page.outlet,
                        url=page.url or fetched.url,
                        published=page.published or item.published,
                        authors=page.authors,
                        language=page.language,
                    )
                    added = _add_one(args, root, given, known, bar.write)
                except BriefkitError as exc:
                    if any("exists already" in p.message for p in exc.problems):
                        counts["present"] += 1
                    else:
                        failed.extend(exc.problems)
                    continue
                finally:
                    bar.update(1)
                if added.briefing is not None:
                    remember(known, added.briefing)
                    counts["added"] += 1
                else:
                    counts["sources"] += 1
                _report(added, item.url, bar.write)
        finally:
            bar.close()
    _print_problems(failed)
    print(
        f"{feed.where}: {_plural(len(feed.items), 'items')}: {counts['added']} added, "
        f"{counts['sources']} recorded as another source, {counts['present']} added already, "
        f"{len(failed)} failed"
    )
    if counts["added"]:
        print(f"review the new briefings in {root}/ by hand, then run `briefkit check`")
    return 1 if failed else 0


# --------------------------------------------------------------------------- add --batch

# "2024-09-11-iran.txt", "2024-09-11_iran.txt", "2024-09-11.txt": the date the article
# was published, by a convention that survives copying files around.
_DATED_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[-_. ]|$)")
# Articles per task sent to a worker: large enough for nlp.pipe to batch, small
# enough for the progress bar to move.
CHUNK = 8


def batch_files(folder: Path) -> list[Path]:
    """The articles of a batch: every file directly in ``folder``, except hidden ones, by name."""
    if not folder.is_dir():
        raise BriefkitError([Problem(str(folder), 0, 0, "--batch needs a folder of article files")])
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def date_of(path: Path, default: dt.date | None) -> dt.date | None:
    """The publication date in the file name's ``YYYY-MM-DD`` prefix, else ``default``."""
    m = _DATED_NAME.match(path.name)
    if m is None:
        return default
    try:
        return dt.date.fromisoformat(m.group(1))
    except ValueError:
        message = f"the file name's date {m.group(1)} is not a date: rename the file"
        raise BriefkitError([Problem(str(path), 0, 0, message)]) from None


def _warm() -> None:
    """A worker's start: the model, loaded once for every chunk it will parse."""
    from briefkit.extractors.nlp import load_model

    load_model()


def extract_chunk(chunk: list[tuple[Article, dt.date | None]]) -> list[dict[str, Any] | str]:
    """The facts of a few articles, parsed together with ``nlp.pipe``; an error's text for one
    that fails, so a bad article costs only itself."""
    from briefkit.extractors.nlp import load_model
    from briefkit.extractors.pipeline import extract_from_doc, parse_many, run

    nlp = load_model()
    out: list[dict[str, Any] | str] = []
    try:
        docs = list(parse_many(nlp, [article.prose for article, _ in chunk], batch_size=CHUNK))
    except Exception:  # one text spaCy cannot parse: find which, one by one
        docs = None
    for i, (article, published) in enumerate(chunk):
        try:
            facts = (
                run(article, published, nlp)
                if docs is None
                else extract_from_doc(article, docs[i], published)
            )
            out.append(facts)
        except Exception as exc:  # reported by path; the batch goes on
            out.append(f"extraction failed: {type(exc).__name__}: {exc}")
    return out


def extract_all(
    todo: list[tuple[Article, dt.date | None]], jobs: int, progress: Any
) -> Iterator[dict[str, Any] | str]:
    """The facts of every article, in order; ``jobs`` worker processes, each loading the model
    once, when more than one."""
    chunks = [todo[i : i + CHUNK] for i in range(0, len(todo), CHUNK)]
    if jobs <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            results = extract_chunk(chunk)
            progress.update(len(chunk))
            yield from results
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # spawn: the parent may hold threads (the progress bar's), which fork would copy.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_warm) as pool:
        for chunk, results in zip(chunks, pool.map(extract_chunk, chunks), strict=True):
            progress.update(len(chunk))
            yield from results


class _NoBar:
    """The progress bar's interface, for when tqdm is missing."""

    def update(self, n: int) -> None:
        pass

    def write(self, text: str, file: Any = None) -> None:
        print(text, file=file)

    def close(self) -> None:
        pass


def _bar(total: int) -> Any:
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover - spaCy depends on tqdm
        return _NoBar()
    # On a terminal only: a log file gets the summary, not a line per redraw.
    return tqdm(total=total, unit="article", file=sys.stderr, disable=None, dynamic_ncols=True)


def _unresolved_note(article: Article) -> str:
    from briefkit.extractors.dates import find_dates

    unresolved = [d.text for d in find_dates(article.prose) if not d.resolved]
    listed = "; ".join(dict.fromkeys(unresolved)) or "none found"
    return (
        "No publication date was given, so these relative dates stay unresolved and are "
        f"not on the timeline: {listed}. Set source.published and date the events by hand."
    )


def _free_id(root: Path, ident: str, raw: bytes) -> str:
    """``ident``, or ``ident-2``, ``ident-3``...: two articles of a batch may share a headline.

    A folder holding this very article but no briefing.yaml is an add that was stopped
    midway: it is taken up again, not passed over.
    """
    candidate, n = ident, 2
    while _taken(root / candidate, raw):
        candidate, n = f"{ident}-{n}", n + 1
    return candidate


def cmd_add_batch(args: argparse.Namespace) -> int:
    """``add --batch DIR``: every article in DIR, extracted in batches, each added in turn."""
    import time

    from briefkit.article import read_article
    from briefkit.draft import briefing_from_facts, extraction_stamp, known_in, remember
    from briefkit.locking import briefings_lock
    from briefkit.store import add_briefing, added_articles, article_hash, clear_staging

    for option in ("id", "title", "url"):
        if getattr(args, option) is not None:
            message = f"--{option} names one article: leave it out with --batch"
            raise BriefkitError([Problem("briefkit add", 0, 0, message)])
    if args.article is not None:
        message = "give an ARTICLE or --batch DIR, not both"
        raise BriefkitError([Problem("briefkit add", 0, 0, message)])
    if args.jobs < 1:
        raise BriefkitError([Problem("briefkit add", 0, 0, "-j needs 1 or more workers")])
    root = Path(args.root)
    files = batch_files(Path(args.batch))
    failed: list[Problem] = []
    added: list[Path] = []
    present: list[tuple[Path, str]] = []
    with briefings_lock(root) as stale:
        _note(stale)
        clear_staging(root)
        done = added_articles(root)
        batch: dict[str, Path] = {}
        todo: list[tuple[Path, Article, dt.date | None]] = []
        for path in files:
            try:
                article = read_article(path)
                published = date_of(path, args.published)
            except BriefkitError as exc:
                failed.extend(exc.problems)
                continue
            _warn(article.notes)
            digest = article_hash(article.raw.encode("utf-8"))
            if digest in done:
                present.append((path, f"{root / done[digest]}/"))
                continue
            if digest in batch:
                present.append((path, f"{batch[digest]}, in this batch"))
                continue
            batch[digest] = path
            todo.append((path, article, published))

        known = known_in(root) if root.is_dir() else ([], [])
        words = 0
        bar = _bar(len(todo))
        start = time.perf_counter()
        try:
            results = extract_all([(a, p) for _, a, p in todo], args.jobs, bar)
            for (path, article, published), facts in zip(todo, results, strict=True):
                if isinstance(facts, str):
                    failed.append(Problem(str(path), 0, 0, f"{facts}; skipped"))
                    continue
                notes: list[str] = []
                briefing = briefing_from_facts(
                    article, facts, published, outlet=args.outlet, known=known, notes=notes
                )
                try:
                    raw = article.raw.encode("utf-8")
                    briefing.id = _free_id(root, briefing.id, raw)
                    check_id(briefing.id)
                    header = [] if published else [_unresolved_note(article)]
                    stamp = extraction_stamp(raw, published)
                    folder = add_briefing(root, article.raw, briefing, header=header, stamp=stamp)
                except BriefkitError as exc:
                    failed.extend(Problem(str(path), 0, 0, p.message) for p in exc.problems)
                    continue
                remember(known, briefing)
                added.append(folder)
                words += len(article.body.split())
                bar.write(f"added {folder}/ from {path}", file=sys.stdout)
                for note in notes:
                    bar.write(f"note: {folder}: {note}", file=sys.stderr)
        finally:
            bar.close()
        seconds = time.perf_counter() - start

    for path, existing in present:
        print(f"{path}: added already, as {existing} (the same text): skipped", file=sys.stderr)
    _print_problems(failed)
    undated = sum(1 for _, _, p in todo if p is None)
    if undated:
        print(
            f"warning: {undated} article(s) had no date (no YYYY-MM-DD file name prefix, no "
            "--published): their relative dates stay unresolved",
            file=sys.stderr,
        )
    rate, word_rate = (len(added) / seconds, words / seconds) if seconds else (0.0, 0.0)
    print(
        f"{len(files)} file(s): {len(added)} added, {len(present)} added already, "
        f"{len({p.path for p in failed})} failed; {len(added)} article(s) in {seconds:.1f} s: "
        f"{rate:.2f} articles/s, {word_rate:.0f} words/s with -j {args.jobs}"
    )
    if added:
        print(f"review the new briefings in {root}/ by hand, then run `briefkit check`")
    return 1 if failed else 0


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
    with nullcontext() if args.dry_run else briefings_lock(root) as stale:
        _note(stale)
        failed: list[Problem] = []
        for folder in folders:
            try:
                update = update_briefing(
                    folder, extract_again, dry_run=args.dry_run, force=args.force
                )
            except BriefkitError as exc:
                # One broken briefing costs only itself: the others are updated.
                failed.extend(exc.problems)
                continue
            print("\n".join(update.lines()))
            if args.dry_run and not update.skipped:
                print(f"{update.path}: dry run, nothing written")
    if failed:
        _print_problems(failed)
        print(f"{len({p.path for p in failed})} briefing(s) not updated", file=sys.stderr)
        return 1
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
    from briefkit.store import open_corpus, write_generated

    corpus, problems = open_corpus(Path(args.root))
    if problems:
        _print_problems(problems)
    out = Path(args.out)
    pages = render_site(corpus, Path(args.templates), site_url=args.site_url)
    generated = len(pages)
    hand = hand_written(Path(args.docs), out) if args.docs is not None else {}
    # Hand-written pages win over generated ones of the same path, as in the plugin build.
    pages.update(hand)
    written = 0
    for rel, content in pages.items():
        path = out / rel
        data = content.encode("utf-8") if isinstance(content, str) else content
        # Unchanged files keep their time stamps: a builder's cache stays valid.
        if not path.is_file() or path.read_bytes() != data:
            write_generated(path, data)
            written += 1
    removed = _prune(out, set(pages))
    copied = f" and {len(hand)} hand-written files" if args.docs is not None else ""
    print(
        f"{generated} pages{copied} in {out}/: {written} written, "
        f"{len(pages) - written} unchanged, {removed} stale removed"
    )
    return 1 if problems and args.strict else 0


# What ``render`` wrote last, so it can delete a page whose briefing is gone and
# never a file it did not write.
RENDERED = ".briefkit-rendered"


def hand_written(docs: Path, out: Path) -> dict[str, bytes]:
    """Every file of the docs folder (bar ``out``, if inside it, and hidden ones), by path."""
    if not docs.is_dir():
        raise BriefkitError([Problem(str(docs), 0, 0, "--docs needs the docs folder")])
    import os

    skip = out.resolve()
    files: dict[str, bytes] = {}
    for folder, dirs, names in os.walk(docs):
        # Not into ``out``: thousands of generated pages, and no hand-written one.
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and (Path(folder) / d).resolve() != skip
        )
        for name in sorted(names):
            path = Path(folder) / name
            if not name.startswith(".") and path.is_file():
                files[path.relative_to(docs).as_posix()] = path.read_bytes()
    return files


def _prune(out: Path, keep: set[str]) -> int:
    """Delete what the last render wrote and this one did not; record what this one wrote."""
    from briefkit.store import write_generated

    record = out / RENDERED
    before = set(record.read_text("utf-8").splitlines()) if record.is_file() else set()
    removed = 0
    inside = out.resolve()
    for rel in sorted(before - keep):
        path = out / rel
        # The record is a file in the folder: whatever it says, nothing outside is touched.
        if path.resolve().is_relative_to(inside) and path.is_file():
            path.unlink()
            removed += 1
            # Empty folders left behind would be empty sections to another builder.
            parent = path.parent
            while parent != out and parent.is_dir() and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent
    write_generated(record, "".join(f"{rel}\n" for rel in sorted(keep)).encode("utf-8"))
    return removed


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="briefkit", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    def article_options(cmd: argparse.ArgumentParser, optional: bool = False) -> None:
        cmd.add_argument("article", nargs="?" if optional else None, help="the article's file")
        cmd.add_argument("--published", type=_date, help="publication date, YYYY-MM-DD")
        cmd.add_argument("--outlet", help="who published it (read from the article when it says)")
        cmd.add_argument("--url", help="where it was published")
        cmd.add_argument("--title", help="the headline (read from the article when it says)")
        cmd.add_argument("--id", help="the briefing's id (made from date and title otherwise)")

    add = sub.add_parser(
        "add",
        help="add an article (or a folder of them) as new briefings",
        description="Extract an article's facts and write them as a new briefing. With "
        "--batch DIR, every file in DIR is one article: each one's publication date is the "
        "YYYY-MM-DD its file name starts with (2024-09-11-iran.txt), else --published; "
        "an article already in the corpus (the same text) is skipped, and one that cannot "
        "be read or extracted is reported by path and skipped.",
    )
    article_options(add, optional=True)
    add.add_argument("--root", default="briefings", help="the briefings folder")
    add.add_argument(
        "--batch", metavar="DIR", help="add every article file in DIR, extracted in batches"
    )
    add.add_argument(
        "-j", "--jobs", type=int, default=1, metavar="N", help="with --batch: N worker processes"
    )
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
    update.add_argument(
        "--force",
        action="store_true",
        help="re-extract even a briefing whose article, date and extractor are unchanged",
    )
    update.set_defaults(func=cmd_update)

    check = sub.add_parser("check", help="validate every briefing; path:line:col per problem")
    check.add_argument("--root", default="briefings")
    check.set_defaults(func=cmd_check)

    render = sub.add_parser("render", help="write the site's Markdown pages to a folder")
    render.add_argument("--out", required=True)
    render.add_argument("--root", default="briefings")
    render.add_argument("--templates", default="templates")
    render.add_argument(
        "--docs",
        metavar="DIR",
        help="copy the hand-written pages of DIR in too, making --out a whole docs folder "
        "for another builder (Zensical)",
    )
    render.add_argument(
        "--site-url",
        metavar="URL",
        help="the site's address, as mkdocs.yml's site_url: the exports then link to its "
        "pages with absolute URLs, and the calendar's events carry one",
    )
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

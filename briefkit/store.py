"""Briefings on disk: YAML in with line and column for every value, YAML out whole.

Reading uses PyYAML's C parser and keeps the node tree, so every problem can
name its line and column, and duplicate keys (which PyYAML would silently
collapse) are caught. Writing goes through ruamel.yaml, the round-trip library,
because analysts edit these files by hand; and every write is atomic.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import os
import stat
import tempfile
import textwrap
import time
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import yaml

from briefkit.article import MAX_ARTICLE_BYTES, Article, read_article
from briefkit.errors import BriefkitError, Problem
from briefkit.files import is_regular_inside, outside, read_capped
from briefkit.model import (
    FACT_LISTS,
    Briefing,
    Corpus,
    DataPath,
    Locator,
    Registry,
    check_references,
    defined_ids,
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
        raise BriefkitError([Problem(file, 1, 1, f"YAML: {exc}")]) from None
    finally:
        loader.dispose()


# A briefing is a few kB. A file far larger is a mistake (a pasted dump, a generated
# file), and the parser would hold all of it, and its node tree, in memory.
MAX_YAML_BYTES = 2 * 1024 * 1024


def read_yaml(path: Path, inside: Path | None = None) -> tuple[Any, Positions, list[Problem]]:
    """A YAML file, parsed with positions. With ``inside``, its real path must stay there."""
    file = str(path)
    try:
        # A sparse or huge file is refused by its size before a byte of it is read; the
        # capped read below catches one whose size lies (a device, a growing file).
        size = path.stat().st_size
    except OSError as exc:
        raise BriefkitError([Problem(file, 1, 1, f"cannot read: {exc.strerror}")]) from None
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
    data = read_capped(path, MAX_YAML_BYTES, inside)
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
    """A briefing folder as read from disk, before it is turned into model objects.

    ``data`` may be malformed: it is kept so that the ids it defines still count
    when other briefings' references are checked. ``problems`` are its own; a
    briefing with any is not built.
    """

    folder: Path
    data: Any
    where: Locator
    article: Article | None
    problems: list[Problem] = field(default_factory=list)
    briefing: Briefing | None = None
    digest: str = ""

    # Cached: serve's loader keeps these objects across rebuilds, and every rebuild
    # reads each one's path and ids (a briefing parsed again is a new object).
    @cached_property
    def path(self) -> str:
        return str(self.folder / BRIEFING_FILE)

    @cached_property
    def defined(self) -> tuple[set[str], set[str]]:
        """The actor and place ids its data defines (``model.defined_ids``)."""
        return defined_ids(self.data)


def briefing_folders(root: Path) -> list[Path]:
    """``briefings/<id>/`` folders holding a briefing.yaml, in name order.

    Hidden folders (a stopped ``add``'s, an editor's) are not briefings.
    """
    if not root.is_dir():
        return []
    return sorted(
        p.parent for p in root.glob(f"*/{BRIEFING_FILE}") if not p.parent.name.startswith(".")
    )


def _nowhere(path: DataPath) -> tuple[int, int]:
    return (1, 1)


def load_briefing(folder: Path, root: Path | None = None) -> LoadedBriefing:
    """Read and validate one briefing folder: every problem it has, of every kind.

    ``root`` is the briefings folder: no file is read whose real path leaves it.
    """
    root = folder.parent if root is None else root
    path = folder / BRIEFING_FILE
    leaves = outside(folder, root)
    if leaves is not None:
        message = (
            f"the briefing folder {folder.name} is a link to {leaves}, outside {root}: "
            "briefkit reads only what is inside the briefings folder; copy the folder in"
        )
        return LoadedBriefing(folder, None, _nowhere, None, [Problem(str(path), 1, 1, message)])
    try:
        data, where, problems = read_yaml(path, inside=root)
    except BriefkitError as exc:
        return LoadedBriefing(folder, None, _nowhere, None, exc.problems)
    if not isinstance(data, dict):
        message = "a briefing is a mapping of fields (id, title, source, ...)"
        return LoadedBriefing(folder, data, where, None, [Problem(str(path), 1, 1, message)])
    _normalise_dates(data)

    article: Article | None = None
    source = data.get("source")
    article_name = source.get("article", ARTICLE_FILE) if isinstance(source, dict) else ARTICLE_FILE
    if (
        isinstance(article_name, str)
        and "/" not in article_name
        and "\\" not in article_name
        and article_name not in ("", ".", "..")
    ):
        try:
            article = read_article(folder / article_name, inside=root)
        except BriefkitError as exc:
            problems.extend(exc.problems)
        else:
            # A stored article is UTF-8 (`add` writes it so): a byte that is not is a problem.
            problems.extend(article.notes)
    facts = validate_facts(data, str(path), where, article)
    # Where the schema and a closer check both speak of one value ("2024-13" does not
    # fit the pattern; month 13 does not exist), the closer one says it better.
    said = {(p.line, p.col) for p in facts}
    problems.extend(
        p
        for p in validate_shape(data, str(path), where)
        if not ("does not fit" in p.message and (p.line, p.col) in said)
    )
    problems.extend(facts)
    if data.get("id") is not None and data.get("id") != folder.name:
        line, col = where(("id",))
        problems.append(
            Problem(
                str(path),
                line,
                col,
                f"id {data['id']!r} differs from its folder name {folder.name!r}: make them "
                "equal (a copied folder needs a new id); the briefing is left out until then",
            )
        )
    item = LoadedBriefing(folder, data, where, article, problems)
    if not problems:
        item.briefing = Briefing.from_dict(data, article, item.path, where)
    return item


def _normalise_dates(data: dict[str, Any]) -> None:
    """``date: 2024`` is a year, not a number: YAML reads it as an int."""
    events = data.get("events")
    for event in events if isinstance(events, list) else []:
        if isinstance(event, dict) and type(event.get("date")) is int:
            event["date"] = str(event["date"])


def load_registry(root: Path) -> tuple[Registry, list[Problem]]:
    """``root/actors.yaml``, the corpus-wide register of actors and places, if there is one."""
    path = root / REGISTRY_FILE
    if not path.exists() and not path.is_symlink():
        return Registry(), []
    try:
        data, where, problems = read_yaml(path, inside=root)
    except BriefkitError as exc:
        return Registry(), exc.problems
    shape = validate_shape(data or {}, str(path), where, kind="registry")
    problems.extend(shape)
    # Duplicate ids, blank names, NaN coordinates: the same checks as a briefing's.
    problems.extend(validate_facts(data or {}, str(path), where))
    if shape:
        return Registry(), sorted(problems)
    return Registry.from_dict(data), sorted(problems)


# A cached loader's reference checks: briefing path -> (the loaded briefing, the ids it
# was checked against, its problems). Valid while both are the same.
Checked = dict[str, tuple["LoadedBriefing", tuple[frozenset[str], ...], list[Problem]]]


def check_corpus_references(
    loaded: list[LoadedBriefing],
    registry: Registry,
    built: set[str] | None = None,
    checked: Checked | None = None,
) -> list[Problem]:
    """Every id each briefing names, checked against all briefings and the registry.

    Ids are global, so this runs over the whole corpus on every load, even when
    only one briefing was parsed again; with ``checked`` (serve's loader keeps it),
    a briefing read before is checked again only when the corpus's ids changed.
    With ``built`` (the paths of the briefings that will be built), only ids those
    define count: see :func:`resolve`.
    """
    problems: list[Problem] = []
    actors, places = set(registry.actors), set(registry.places)
    for item in loaded:
        if built is None or item.path in built:
            defined = item.defined
            actors |= defined[0]
            places |= defined[1]
    registered, either = set(registry.actors), actors | places
    known = (frozenset(actors), frozenset(places), frozenset(registered))
    fresh: Checked = {}
    for item in loaded:
        if built is not None and item.path not in built:
            continue
        if checked is not None:
            before = checked.get(item.path)
            if before is not None and before[0] is item and before[1] == known:
                problems.extend(before[2])
                fresh[item.path] = before
                continue
            start = len(problems)

        def report(loc: DataPath, message: str, item: LoadedBriefing = item) -> None:
            line, col = item.where(loc)
            problems.append(Problem(item.path, line, col, message))

        if isinstance(item.data, dict):
            check_references(item.data, actors, places, report, registered, either)
        if checked is not None:
            fresh[item.path] = (item, known, problems[start:])
    if checked is not None:
        checked.clear()
        checked.update(fresh)
    return problems


def resolve(
    loaded: list[LoadedBriefing], registry: Registry, checked: Checked | None = None
) -> tuple[list[Briefing], list[Problem], list[Problem]]:
    """The briefings to build, every problem, and what else is left out because of them.

    A briefing with a problem of its own is left out of the site, so the rest
    builds. References are checked against every briefing that was read (what
    ``check`` reports); then, since a left-out briefing's actors have no page, a
    briefing that names one of them is left out too, until what is built names
    only what is built. Every briefing that is built is whole: the renderer never
    meets a dangling id.
    """
    problems = [p for item in loaded for p in item.problems]
    references = check_corpus_references(loaded, registry, checked=checked)
    problems.extend(references)
    broken = {p.path for p in references}
    built = {item.path for item in loaded if item.briefing is not None and item.path not in broken}
    consequences: list[Problem] = []
    # When every briefing is built, the ids they define are the ones just checked.
    everything = len(built) == len(loaded)
    while not everything and (dangling := check_corpus_references(loaded, registry, built)):
        consequences.extend(
            Problem(
                p.path,
                p.line,
                p.col,
                f"{p.message}: it is defined only in a briefing that has problems, so this "
                "briefing is left out of the site too until that one is fixed",
            )
            for p in dangling
        )
        built -= {p.path for p in dangling}
    briefings = [item.briefing for item in loaded if item.briefing and item.path in built]
    return briefings, sorted(set(problems)), sorted(set(consequences))


def folder_digest(folder: Path) -> str:
    """A hash of a briefing folder's regular files: the YAML, the article, anything beside
    them (bar the extractor's baseline). Links out of the folder, FIFOs and devices are
    hashed by name only: reading them is what loading refuses."""
    digest = hashlib.sha256()
    root = folder.parent
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return ""
    for path in entries:
        if path.name == EXTRACTED_FILE:
            continue
        if is_regular_inside(path, root):
            try:
                data = read_capped(path, MAX_ARTICLE_BYTES, root)
            except BriefkitError:
                data = b"\0unreadable"
        else:
            data = b"\0not a file"
        digest.update(path.name.encode() + b"\0" + data + b"\0")
    return digest.hexdigest()


# A file's times are trusted only once they are this much older than the last load.
RACY_NS = 3_000_000_000

# What stat() says of a file that changes when its content does.
Signature = tuple[tuple[str, int, int, int, int, int], ...]


def folder_signature(folder: Path) -> Signature | None:
    """Each file's name, type, inode, size and change times (followed through links, so a
    link's target counts): equal signatures, equal files. None where one cannot be had."""
    try:
        with os.scandir(folder) as entries:
            found = []
            for entry in entries:
                if entry.name == EXTRACTED_FILE:
                    continue
                st = entry.stat()
                found.append(
                    (entry.name, st.st_mode, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
                )
    except OSError:
        return None
    return tuple(sorted(found))


class CorpusLoader:
    """Loads a briefings folder; with ``cache``, parses only the folders that changed.

    ``briefkit check``, ``render`` and a one-off build use it once. ``mkdocs serve``
    keeps one across rebuilds: a folder whose files hash the same is not parsed
    again. Hashing reads every file once more, so only a cached loader pays for it,
    and only for a folder whose files' ``stat()`` changed since the last load.
    """

    def __init__(self, root: Path, cache: bool = False) -> None:
        self.root = root
        self.cache = cache
        self.loaded: dict[Path, LoadedBriefing] = {}
        self.signatures: dict[Path, Signature] = {}
        self.loaded_at = 0  # time.time_ns() when the last load began
        self.checked: Checked = {}
        self.corpus: Corpus | None = None  # the last load's, which the next one builds on

    def _digest(self, folder: Path, signatures: dict[Path, Signature]) -> str:
        signature = folder_signature(folder)
        item = self.loaded.get(folder)
        if signature is not None:
            signatures[folder] = signature
            # As git does for its index: a file changed within a few seconds of the last
            # load may have changed again since with the same times (a coarse clock, an
            # edit of the same size), so its signature proves nothing yet.
            settled = all(entry[4] < self.loaded_at - RACY_NS for entry in signature)
            if item is not None and settled and self.signatures.get(folder) == signature:
                return item.digest
        return folder_digest(folder)

    def load(self) -> tuple[Corpus, list[Problem]]:
        registry, problems = load_registry(self.root)
        fresh: dict[Path, LoadedBriefing] = {}
        signatures: dict[Path, Signature] = {}
        started = time.time_ns()
        for folder in briefing_folders(self.root):
            digest = self._digest(folder, signatures) if self.cache else ""
            item = self.loaded.get(folder)
            if item is None or item.digest != digest or not self.cache:
                item = load_briefing(folder, self.root)
                item.digest = digest
            fresh[folder] = item
        self.loaded = fresh if self.cache else {}
        self.signatures = signatures
        self.loaded_at = started
        # A build also says which briefings are left out because of another's problems.
        briefings, found, consequences = resolve(
            list(fresh.values()), registry, self.checked if self.cache else None
        )
        corpus = Corpus.build(briefings, registry, self.corpus)
        if self.cache:
            self.corpus = corpus
        return corpus, sorted(set(problems + found + consequences))

    @property
    def digests(self) -> dict[str, str]:
        """briefing.yaml path -> its folder's hash, for the render cache."""
        return {item.path: item.digest for item in self.loaded.values() if item.briefing}


def load_corpus(
    root: Path, registry: Registry | None = None
) -> tuple[list[Briefing], list[Problem]]:
    """Every briefing under ``root`` that can be built, and every problem found.

    A briefing with any problem is left out and its problems reported, so the
    rest still builds; ``check`` exits 1 on any. References resolve across
    briefings and the registry, since ids are global.
    """
    problems: list[Problem] = []
    if registry is None:
        registry, problems = load_registry(root)
    loaded = [load_briefing(folder, root) for folder in briefing_folders(root)]
    # Only the problems themselves: what is left out because of them follows from them.
    briefings, found, _consequences = resolve(loaded, registry)
    return briefings, sorted(set(problems + found))


def open_corpus(root: Path) -> tuple[Corpus, list[Problem]]:
    """The registry and every briefing under ``root``, as one corpus, with every problem."""
    return CorpusLoader(root).load()


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


@cache
def _umask() -> int:
    """The process's umask (reading it means setting it: done once, before any thread)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode_for(path: Path) -> int:
    """The permission bits a rewrite of ``path`` keeps: its own, or a new file's."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def write_atomic(path: Path, text: str) -> None:
    """Write the whole file or nothing: a temporary file, fsync, then rename.

    The file keeps its permissions (a temporary file is made 0600, and renaming it
    over a 0644 briefing would hide it from the rest of a team's checkout).
    """
    try:
        # Renaming over a read-only file would succeed: respect the analyst's lock.
        if path.exists() and not path.stat().st_mode & stat.S_IWUSR:
            raise PermissionError(errno.EACCES, "the file is read-only", str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = _mode_for(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _write_error(path, exc) from None
    try:
        os.fchmod(fd, mode)
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


# --------------------------------------------------------------------------- what a draft was
# made from (the stamp; the extractor's fingerprint is briefkit.draft's)

STAMP_PREFIX = "# extracted from: "


def article_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def read_stamp(folder: Path) -> str | None:
    """The stamp in ``folder/.extracted.yaml``'s header, or None (none, or written before)."""
    try:
        text = read_capped(folder / EXTRACTED_FILE, MAX_YAML_BYTES, folder.parent).decode()
    except (BriefkitError, UnicodeDecodeError):
        return None
    for line in text.splitlines():
        if not line.startswith("#"):
            return None
        if line.startswith(STAMP_PREFIX):
            return line[len(STAMP_PREFIX) :]
    return None


def added_articles(root: Path) -> dict[str, str]:
    """The sha256 of every briefing's article.txt -> its briefing id: what is added already."""
    found: dict[str, str] = {}
    for folder in briefing_folders(root):
        try:
            raw = read_capped(folder / ARTICLE_FILE, MAX_ARTICLE_BYTES, root)
        except BriefkitError:
            continue  # `check` reports it
        found.setdefault(article_hash(raw), folder.name)
    return found


# --------------------------------------------------------------------------- adding a briefing


# A briefing being added is written here first, then renamed into place whole.
STAGING_PREFIX = ".adding-"


def stopped_add(folder: Path, raw: bytes) -> bool:
    """Whether ``folder`` is what an ``add`` of this very article left when it was stopped.

    Older briefkit wrote a new briefing's files one by one, so a run killed (or out
    of disk) between them left the article and the baseline without briefing.yaml.
    Such a folder holds nothing an analyst wrote: the next ``add`` replaces it.
    """
    if folder.is_symlink() or not folder.is_dir() or (folder / BRIEFING_FILE).exists():
        return False
    try:
        names = {p.name for p in folder.iterdir()}
        return names <= {ARTICLE_FILE, EXTRACTED_FILE} and (
            ARTICLE_FILE in names and (folder / ARTICLE_FILE).read_bytes() == raw
        )
    except OSError:
        return False


def clear_staging(root: Path) -> None:
    """Remove what a killed ``add`` left half-written. Call it holding the briefings lock."""
    import shutil

    if root.is_dir():
        for path in root.glob(f"{STAGING_PREFIX}*"):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)


def add_briefing(
    root: Path,
    raw_text: str,
    briefing: Briefing,
    comments: dict[DataPath, str] | None = None,
    header: list[str] | None = None,
    stamp: str | None = None,
) -> Path:
    """Create ``root/<id>/`` with the article as given and the facts YAML, whole or not at all.

    The files are written into a hidden folder beside it, then that folder is renamed
    into place: a run killed midway, or a full disk, leaves no half briefing, and
    running it again adds it. Refuses to overwrite: an existing briefing holds an
    analyst's edits. Writes the extraction as ``.extracted.yaml`` too (with ``stamp``,
    what it was made from), so ``briefkit update`` can merge later, and skip what
    has not changed.
    """
    import shutil

    folder = root / briefing.id
    raw = raw_text.encode("utf-8")
    leftover = stopped_add(folder, raw)
    if folder.exists() and not leftover:
        raise BriefkitError(
            [
                Problem(
                    str(folder / BRIEFING_FILE),
                    1,
                    1,
                    "this briefing exists already: choose another --id; nothing was written",
                )
            ]
        )
    data = briefing.to_dict()
    # Without comments both files hold the same YAML under their own header: dump once.
    body = dump_briefing(data).removeprefix(_header(None))
    text = dump_briefing(data, comments, header) if comments else _header(header) + body
    try:
        root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{briefing.id}-", dir=root))
        os.chmod(staging, 0o777 & ~_umask())
    except OSError as exc:
        raise _write_error(folder, exc) from None
    try:
        write_atomic(staging / ARTICLE_FILE, raw_text)
        write_atomic(staging / EXTRACTED_FILE, _header([BASELINE_NOTE], stamp) + body)
        write_atomic(staging / BRIEFING_FILE, text)
        if leftover:
            shutil.rmtree(folder)
        os.rename(staging, folder)
        _fsync_folder(root)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise _write_error(folder, exc) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return folder


def _fsync_folder(folder: Path) -> None:
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


# --------------------------------------------------------------------------- sources and copies


@dataclass(frozen=True)
class Copy:
    """A briefing whose article is the same story as a new text."""

    folder: Path
    score: float  # word-shingle Jaccard, 1.0 for the same words


def recorded_urls(root: Path) -> dict[str, str]:
    """Every address a briefing records as a source (primary or other) -> its briefing id.

    A feed's second run skips these without fetching them again.
    """
    found: dict[str, str] = {}
    for folder in briefing_folders(root):
        data = briefing_data(folder, root)
        for entry in _sources_of(data):
            url = entry.get("url")
            if isinstance(url, str) and url:
                found.setdefault(url, folder.name)
    return found


def briefing_data(folder: Path, root: Path) -> dict[str, Any]:
    """A briefing.yaml's data, or {} when it does not load cleanly (`check` says why)."""
    try:
        data, _positions, problems = read_yaml(folder / BRIEFING_FILE, root)
    except BriefkitError:
        return {}  # `check` reports it
    return data if isinstance(data, dict) and not problems else {}


def _sources_of(data: dict[str, Any]) -> list[dict[str, Any]]:
    entries = [data.get("source"), *(data.get("sources") or [])]
    return [e for e in entries if isinstance(e, dict)]


def find_copy(root: Path, text: str) -> Copy | None:
    """The briefing whose article is ``text`` or a near-copy of it (see inputs.COPY_THRESHOLD).

    Compares word shingles with every article of the corpus: a few milliseconds each,
    and only ``add`` does it. Sizes that differ by more than the threshold allows
    cannot reach it, and are passed over without the comparison.
    """
    from briefkit.inputs import COPY_THRESHOLD, shingles, similarity

    mine = shingles(text)
    if not mine:
        return None
    best: Copy | None = None
    for folder in briefing_folders(root):
        try:
            raw = read_capped(folder / ARTICLE_FILE, MAX_ARTICLE_BYTES, root)
        except BriefkitError:
            continue
        theirs = shingles(raw.decode("utf-8", "replace"))
        small, large = sorted((len(mine), len(theirs)))
        if not large or small / large < COPY_THRESHOLD:
            continue
        score = similarity(mine, theirs)
        if score >= COPY_THRESHOLD and (best is None or score > best.score):
            best = Copy(folder, score)
    return best


def same_source(data: dict[str, Any], outlet: str | None, url: str | None) -> bool:
    """Whether a briefing records this source already: the same address, or, without one,
    the same outlet (or none) with no address either."""
    for entry in _sources_of(data):
        if url and entry.get("url") == url:
            return True
        if not url and not entry.get("url") and (entry.get("outlet") or None) == (outlet or None):
            return True
    return False


def add_source(folder: Path, outlet: str | None, url: str | None, published: str | None) -> bool:
    """Record another source of ``folder``'s briefing in its briefing.yaml; False if it has it.

    The file is the analyst's: it is edited through ruamel's round-trip tree, so its
    comments, key order and layout stay, and written atomically. The new entry goes
    in ``sources``, made after ``source`` when the briefing has none yet.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    path = folder / BRIEFING_FILE
    text = read_capped(path, MAX_YAML_BYTES, folder.parent).decode("utf-8")
    yml = YAML()
    yml.width = 4096
    yml.indent(mapping=2, sequence=4, offset=2)
    yml.preserve_quotes = True
    doc = yml.load(text)
    if not isinstance(doc, CommentedMap):
        raise BriefkitError([Problem(str(path), 1, 1, "is not a mapping: fix it, then add again")])
    if same_source(dict(doc), outlet, url):
        return False
    entry = CommentedMap([("outlet", outlet), ("url", url), ("published", published)])
    entry.fa.set_flow_style()
    sources = doc.get("sources")
    if not isinstance(sources, list):
        sources = CommentedSeq()
        keys = list(doc)
        at = keys.index("source") + 1 if "source" in keys else len(keys)
        doc.insert(at, "sources", sources)
    sources.append(entry)
    buffer = io.StringIO()
    yml.dump(doc, buffer)
    write_atomic(path, buffer.getvalue())
    return True

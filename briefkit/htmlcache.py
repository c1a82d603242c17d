"""Under ``mkdocs serve``, reuse the HTML of generated pages whose Markdown is unchanged.

``RenderCache`` spares the Jinja rendering of unchanged pages, but mkdocs would
still convert every page's Markdown, index it for search and pass it through
the theme on each rebuild: at 300 briefings, 96 s for a one-line edit. This
cache keeps, for each generated page, what those three steps made of it (the
converted HTML, its table of contents, its search entries, the theme's page)
under a hash of its Markdown and of everything else they read. A rebuild then
runs them only for pages whose hash changed, and mkdocs copies in the rest.

Every page stays a page of the build: the nav, the sitemap, the tags plugin and
the search index see all of them, as in a full build, so a kept page is the same
bytes a full build would write. It needs no ``--dirty``.

What else a kept page's HTML depends on is in the fingerprint: ``mkdocs.yml``, the
serve address, and which hand-written pages exist (a generated page's links to
them). Links between generated pages need nothing more: a page's Markdown names
the pages it links to, and the render cache renders it again when one goes.
Pages in the nav (the index pages, which read the whole corpus) are always
themed, since their nav and neighbours' links come from other pages, but their
Markdown is converted only when it changed; a page with a tags listing (filled
in from every page's tags) is always built.

Under ``mkdocs serve --dirty`` it goes further. mkdocs then neither empties the
site folder nor builds a page whose file says it is unmodified, and the plugin's
files say so (``GeneratedFile``) for every page whose key is unchanged and every
export whose bytes are: such a page costs mkdocs no event, no conversion and no
write, whatever the size of the corpus, and the page on disk is the one a full
build would write. What mkdocs' own dirty builds get wrong, this mends: the search
index is assembled from every page's kept entries (mkdocs indexes only the pages
it builds, and Material's merge assumes a single one), files of pages that are
gone are removed, and when the fingerprint changes (``mkdocs.yml``, the serve
address, the hand-written pages) the site folder is emptied and everything built.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from jinja2 import BytecodeCache, ChoiceLoader, DictLoader, Environment
from jinja2.bccache import Bucket
from mkdocs import utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from briefkit.render.exports import Later
from briefkit.render.parallel import Forked

# The template a kept page is "rendered" with: nothing, replaced by the kept HTML
# in on_post_page. Rendering Material's main.html is most of a page's cost.
KEPT_TEMPLATE = "briefkit-kept-page.html"
# Material's tags plugin fills a listing from every page's tags, at every build.
TAGS_LISTING = "<!-- material/tags"


def digest(*parts: str | bytes) -> str:
    h = hashlib.sha1(usedforsecurity=False)
    for part in parts:
        h.update(part.encode() if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


# mkdocs' warning before every dirty build; the plugin makes its builds right (see above).
DIRTY_WARNING = "A 'dirty' build is being performed"


class GeneratedFile(File):
    """A page or export the plugin adds; ``unchanged`` tells a dirty build to leave it be."""

    unchanged: bool = False

    def is_modified(self) -> bool:
        # mkdocs asks only in dirty builds; a generated file is otherwise always modified.
        return not self.unchanged and super().is_modified()


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in memory; Jinja checks each against its source."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class LaterFile(GeneratedFile):
    """An export the plugin writes itself after the build (``Later``): mkdocs knows the
    file, so links to it resolve, but does not write it."""

    def copy_file(self, dirty: bool = False) -> None:
        return None


class Collector:
    """Under serve, the cycle collector's full passes run between edits, not in them.

    What a build leaves alive (the corpus, the render and page caches: some 700,000
    objects at 1,000 briefings) mostly stays alive until an edit replaces a little of
    it, but the collector still walks all of it in a full pass, about a second, which
    it starts whenever enough objects have survived: often in the middle of an edit.
    So when a build ends its objects are frozen (``gc.freeze``: passes skip them), and
    once no build has started for ``idle`` seconds a timer thread collects everything
    (what earlier builds let go of, frozen with the rest) and freezes again.
    """

    def __init__(self, idle: float = 2.0) -> None:
        self.idle = idle
        self._timer: threading.Timer | None = None
        self.collections = 0  # full passes run between builds (tests)

    def build_starts(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def build_ends(self) -> None:
        self.build_starts()
        gc.freeze()
        self._timer = threading.Timer(self.idle, self._collect)
        self._timer.daemon = True  # serve's exit does not wait for it
        self._timer.start()

    def _collect(self) -> None:
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        self.collections += 1

    def stop(self) -> None:
        """No more builds: leave the collector as Python has it."""
        self.build_starts()
        gc.unfreeze()


class LaterExports:
    """Under serve, the exports made after the pages (``Later``), on a thread of their own.

    The browser reloads while the SQLite file is made. Each build is a generation:
    a thread writes only if no newer build has begun (the check and the rename are
    under one lock, which a new build takes to begin), so an older corpus's file
    never lands in a newer build's folder. A file is written whole, then renamed.
    """

    def __init__(self, log: logging.LoggerAdapter[logging.Logger] | logging.Logger) -> None:
        self.log = log
        self.pending: dict[str, Later] = {}
        self.generation = 0
        self.lock = threading.Lock()
        self.thread: threading.Thread | None = None

    def new_build(self) -> None:
        with self.lock:
            self.generation += 1

    def write(self, site_dir: str) -> None:
        jobs, generation = self.pending, self.generation
        self.pending = {}
        if jobs:
            self.thread = threading.Thread(
                target=self._run, args=(jobs, generation, site_dir), name="briefkit-later"
            )
            self.thread.daemon = True
            self.thread.start()

    def wait(self) -> None:
        if self.thread is not None:
            self.thread.join()

    def _run(self, jobs: dict[str, Later], generation: int, site_dir: str) -> None:
        for src_uri, later in jobs.items():
            try:
                data = later.make()
            except Exception as exc:  # a bug, not a briefing's problem: say it, serve on
                self.log.error(f"{src_uri} could not be made: {exc!r}")
                continue
            path = os.path.join(site_dir, src_uri)
            with self.lock:
                if generation != self.generation:
                    return  # a newer build makes its own
                try:
                    os.makedirs(os.path.dirname(path), exist_ok=True)
                    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
                    with os.fdopen(fd, "wb") as out:
                        out.write(data)
                    os.chmod(tmp, 0o644)
                    os.replace(tmp, path)
                except OSError as exc:  # the folder was emptied under it: the next build writes it
                    self.log.info(f"{src_uri} not written: {exc}")


@dataclass
class Kept:
    """What mkdocs made of one page, for its Markdown's ``key``."""

    key: str
    content: str = ""
    toc: TableOfContents = field(default_factory=lambda: TableOfContents([]))
    title: str | None = None
    anchors: set[str] = field(default_factory=set)
    # Links to anchors in other pages, by their src_uri: mkdocs validates them after
    # every build, against that build's pages.
    links: dict[str, dict[str, str]] = field(default_factory=dict)
    entries: list[dict[str, Any]] | None = None
    output: str | None = None


class HtmlCache:
    """The per-page cache, filled and used by the plugin's mkdocs events."""

    def __init__(self, enabled: bool = True, theme: bool = True, dirty: bool = False) -> None:
        # Switches for scripts/bench_serve.py, which measures each step's share:
        # theme=False keeps the converted HTML and search entries but themes every
        # page; enabled=False leaves every page to mkdocs, as before this cache.
        self.enabled = enabled
        self.theme = theme
        # mkdocs serve --dirty: unchanged files are left on disk as they are.
        self.dirty = dirty
        self.pages: dict[str, Kept] = {}
        self._next: dict[str, Kept] = {}
        self._keys: dict[str, str] = {}
        self._hits: set[str] = set()  # pages whose conversion is kept
        self._themed: set[str] = set()  # pages themed every time (the nav's)
        self.converted: list[str] = []  # the pages the last build converted
        self.bytecode = MemoryBytecodeCache()
        # Dirty builds: what the last build left in the site folder.
        self._fingerprint: str | None = None
        self._exports: dict[str, str | bytes] = {}
        self._outputs: set[str] = set()
        self._search: dict[str, list[dict[str, Any]]] = {}
        self.removed: list[str] = []  # dest paths of files gone since the last build
        self._index_entries: list[dict[str, Any]] | None = None
        self._markdown: dict[str, tuple[str, str]] = {}  # uri -> (its Markdown, its key)

    # -- on_files: which pages may be kept, and under what key

    def start(self, config: MkDocsConfig, files: Files, generated: dict[str, str]) -> None:
        """``generated``: each generated page's src_uri -> its Markdown."""
        config_bytes = b""
        if config.config_file_path:
            with open(config.config_file_path, "rb") as f:
                config_bytes = f.read()
        hand_written = sorted(
            f.src_uri for f in files.documentation_pages() if f.src_uri not in generated
        )
        fingerprint = digest(
            config_bytes,
            str(config.site_url),
            str(config.use_directory_urls),
            "\n".join(hand_written),
        )
        # The render cache hands back the very string of a page it did not render
        # again: its key is the last build's, unless the fingerprint moved.
        last = self._markdown if fingerprint == self._fingerprint else {}
        self._markdown = {}
        self._keys = {}
        for uri, markdown in generated.items():
            before = last.get(uri)
            if before is not None and before[0] is markdown:
                key = before[1]
            elif TAGS_LISTING in markdown:
                continue
            else:
                key = digest(fingerprint, uri, markdown)
            self._keys[uri] = key
            self._markdown[uri] = (markdown, key)
        self._next = {}
        self._hits = set()
        self.converted = []
        self.removed = []
        if self.dirty and fingerprint != self._fingerprint:
            # What every page is built from changed (or this is the first build): start
            # from an empty site folder, as a clean build does, and build everything.
            utils.clean_directory(config.site_dir)
            self.pages, self._exports, self._outputs, self._search = {}, {}, set(), {}
        self._fingerprint = fingerprint

    def theme_always(self, src_uris: set[str]) -> None:
        """Pages themed on every build (the nav's); their conversion may still be kept."""
        self._themed = set(src_uris)

    # -- on_nav, dirty builds: which of the plugin's files mkdocs may leave as they are

    def leave_unchanged(self, files: Files, exports: dict[str, str | bytes]) -> None:
        """Mark the generated pages whose key is kept and the exports whose bytes are.

        ``exports``: the plugin's non-page files, src_uri -> content. Files the last
        build wrote that this one does not make are removed from the site folder.
        """
        outputs: set[str] = set()
        for file in files:
            if not isinstance(file, GeneratedFile):
                continue
            outputs.add(file.abs_dest_path)
            on_disk = os.path.isfile(file.abs_dest_path)
            uri = file.src_uri
            if uri in exports:
                before = self._exports.get(uri)
                file.unchanged = on_disk and before is not None and before == exports[uri]
                continue
            key = self._keys.get(uri)
            kept = self.pages.get(uri)
            if uri in self._themed:
                continue
            if key is not None and kept is not None and kept.key == key and on_disk:
                file.unchanged = True
                self._next[uri] = kept
                self._hits.add(uri)
        for path in sorted(self._outputs - outputs):
            if os.path.isfile(path):
                os.remove(path)
                self.removed.append(path)
                folder = os.path.dirname(path)
                if os.path.isdir(folder) and not os.listdir(folder):
                    os.rmdir(folder)
        self._outputs = outputs
        self._exports = exports

    # -- on_pre_page: convert, or take the last build's conversion

    def prepare(self, page: Page, files: Files) -> None:
        uri = page.file.src_uri
        key = self._keys.get(uri)
        if key is None:
            self.converted.append(uri)
            return
        kept = self.pages.get(uri)
        if kept is not None and kept.key == key:
            self._hits.add(uri)
            self._next[uri] = kept
            # An instance attribute: this Page object lives for one build only.
            page.render = lambda config, files: _restore(page, kept, files)  # type: ignore[method-assign]
            return
        fresh = Kept(key)
        self._next[uri] = fresh
        convert: Callable[[MkDocsConfig, Files], None] = page.render

        def render(config: MkDocsConfig, files: Files) -> None:
            convert(config, files)
            made = _keep(page)
            fresh.content, fresh.toc, fresh.title = made.content, made.toc, made.title
            fresh.anchors, fresh.links = made.anchors, made.links
            self.converted.append(uri)

        page.render = render  # type: ignore[method-assign]

    # -- search: index a kept page by its kept entries

    def wrap_search(self, index: Any) -> None:
        """Material's (or mkdocs') SearchIndex: parsing each page's HTML is slow."""
        add: Callable[[Page], None] = index.add_entry_from_context
        # Material's index keeps its entries as `entries`, mkdocs' own as `_entries`.
        entries: list[dict[str, Any]] = (
            index.entries if hasattr(index, "entries") else index._entries
        )

        def add_entry_from_context(page: Page) -> None:
            uri = page.file.src_uri
            kept = self._next.get(uri)
            if kept is not None and uri in self._hits and kept.entries is not None:
                entries.extend(kept.entries)
                return
            before = len(entries)
            add(page)
            if kept is not None:
                kept.entries = entries[before:]
            if self.dirty:
                self._search[uri] = entries[before:]

        index.add_entry_from_context = add_entry_from_context
        self._index_entries = entries

    def assemble_search(self, files: Files, search: Any) -> None:
        """Dirty builds: the index holds every page's entries, not only the built pages'.

        Run before the search plugin writes its index. A page mkdocs left as it was
        keeps the entries of the build that made it; Material's own merge for dirty
        builds (``search_index_prev``), which assumes one page was built, is not used.
        """
        entries = self._index_entries
        if entries is None:
            return
        pages = [f.src_uri for f in files.documentation_pages()]
        self._search = {uri: self._search[uri] for uri in pages if uri in self._search}
        entries[:] = [entry for uri in pages for entry in self._search.get(uri, ())]
        if hasattr(search, "search_index_prev"):
            search.search_index_prev = None

    # -- the theme: skip it for a kept page whose themed HTML is kept too

    def on_env(self, env: Environment, files: Files) -> Environment:
        # The theme's templates are compiled once per serve, not once per build.
        env.bytecode_cache = self.bytecode
        if self.dirty:
            # A page left as it was is not read; links to its anchors are checked
            # against the anchors it had when it was built.
            for uri in self._hits - self._themed:
                file = files.get_file_from_path(uri)
                if file is not None and file.page is not None and file.page.content is None:
                    file.page.present_anchor_ids = self._next[uri].anchors
            return env
        if not self.theme:
            return env
        env.loader = ChoiceLoader([DictLoader({KEPT_TEMPLATE: ""}), env.loader])  # type: ignore[list-item]
        for uri in self._hits - self._themed:
            kept = self._next[uri]
            file = files.get_file_from_path(uri)
            if kept.output is not None and file is not None and file.page is not None:
                file.page.meta["template"] = KEPT_TEMPLATE
        return env

    def post_page(self, output: str, page: Page) -> str:
        kept = self._next.get(page.file.src_uri)
        if kept is None:
            return output
        if page.meta.get("template") == KEPT_TEMPLATE:
            assert kept.output is not None
            return kept.output
        if self.theme and not self.dirty and page.file.src_uri not in self._themed:
            kept.output = output
        return output

    def finish(self) -> None:
        """The build went through: its pages are the next build's cache."""
        self.pages = self._next
        self._next = {}

    @property
    def kept(self) -> int:
        """Pages whose HTML was kept (left on disk, or copied in)."""
        return len(self._hits - self._themed)


# --------------------------------------------------------------------------- one-off builds


class ConversionInTwo:
    """A one-off build converts the generated pages' Markdown on two cores.

    Converting Markdown is most of a full build (two thirds at 300 briefings) and
    mkdocs does it on one core. When mkdocs has made every page (``on_nav``), a
    forked child converts the later half of the generated pages, by size, with the
    same config and files, while mkdocs' own loop converts the first half; each of
    the child's pages then takes what the child made of it, as a kept page does
    under serve. A page is the same either way: same converter, same input.

    What the child's conversions log (a link that points nowhere) is logged again
    here, when mkdocs reaches the page, so ``--strict`` counts it. Not used when
    another plugin changes a page's Markdown first (``on_page_markdown``): the
    child would convert what that plugin had not yet changed.
    """

    def __init__(self) -> None:
        self.assigned: set[str] = set()
        self.forked: Forked | None = None

    def start(self, config: MkDocsConfig, files: Files, generated: list[File]) -> None:
        sizes = [(f, len(f.content_string)) for f in generated if f.page is not None]
        half, total, tail = 0, sum(size for _f, size in sizes), []
        for file, size in reversed(sizes):
            if half + size > total / 2:
                break
            half += size
            tail.append(file)
        self.assigned = {f.src_uri for f in tail}
        if not tail:
            return

        def convert() -> dict[str, tuple[Kept, list[tuple[str, int, str]]]]:
            records: list[tuple[str, int, str]] = []
            collector = _Collector(records)
            mkdocs_log = logging.getLogger("mkdocs")
            # The child's handlers would print its lines a second time: it only collects.
            mkdocs_log.handlers = [collector]
            done: dict[str, tuple[Kept, list[tuple[str, int, str]]]] = {}
            for file in tail:
                page = file.page
                assert page is not None
                del records[:]
                config._current_page = page
                page.read_source(config)
                page.render(config, files)
                done[file.src_uri] = (_keep(page), list(records))
            return done

        self.forked = Forked([("pages", convert)])

    def prepare(self, page: Page, files: Files) -> None:
        uri = page.file.src_uri
        if uri not in self.assigned or self.forked is None:
            return
        convert: Callable[[MkDocsConfig, Files], None] = page.render

        def render(config: MkDocsConfig, files: Files) -> None:
            results = self.forked.result() if self.forked is not None else None
            made = (results or {}).get("pages", {}).get(uri)
            if made is None:
                convert(config, files)  # the child failed: convert here, errors and all
                return
            kept, records = made
            for name, level, message in records:
                logging.getLogger(name).log(level, message)
            _restore(page, kept, files)

        page.render = render  # type: ignore[method-assign]

    def cancel(self) -> None:
        if self.forked is not None:
            self.forked.cancel()


class _Collector(logging.Handler):
    def __init__(self, records: list[tuple[str, int, str]]) -> None:
        super().__init__(logging.DEBUG)
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _keep(page: Page) -> Kept:
    """What converting a page made of it (Kept's fields), for another process or build."""
    return Kept(
        "",
        content=page.content or "",
        toc=page.toc,
        title=page._title_from_render,
        anchors=set(page.present_anchor_ids or ()),
        links={f.src_uri: dict(a) for f, a in (page.links_to_anchors or {}).items()},
    )


def _restore(page: Page, kept: Kept, files: Files) -> None:
    page.content = kept.content
    page.toc = kept.toc
    page._title_from_render = kept.title
    page.present_anchor_ids = kept.anchors
    links: dict[File, dict[str, str]] = {}
    for uri, anchors in kept.links.items():
        target = files.get_file_from_path(uri)
        if target is not None:
            links[target] = anchors
    page.links_to_anchors = links

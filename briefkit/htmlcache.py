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
Pages in the nav (the index pages, which read the whole corpus) and a page with
a tags listing (filled in from every page's tags) are always built.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from jinja2 import ChoiceLoader, DictLoader, Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

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

    def __init__(self, enabled: bool = True, theme: bool = True) -> None:
        # Switches for scripts/bench_serve.py, which measures each step's share:
        # theme=False keeps the converted HTML and search entries but themes every
        # page; enabled=False leaves every page to mkdocs, as before this cache.
        self.enabled = enabled
        self.theme = theme
        self.pages: dict[str, Kept] = {}
        self._next: dict[str, Kept] = {}
        self._keys: dict[str, str] = {}
        self._hits: set[str] = set()
        self.converted: list[str] = []  # the pages the last build converted

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
        self._keys = {
            uri: digest(fingerprint, uri, markdown)
            for uri, markdown in generated.items()
            if TAGS_LISTING not in markdown
        }
        self._next = {}
        self._hits = set()
        self.converted = []

    def leave_out(self, src_uris: set[str]) -> None:
        """Pages built every time (the nav's)."""
        for uri in src_uris:
            self._keys.pop(uri, None)

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
            page.render = lambda config, files: self._restore(page, kept, files)  # type: ignore[method-assign]
            return
        fresh = Kept(key)
        self._next[uri] = fresh
        convert: Callable[[MkDocsConfig, Files], None] = page.render

        def render(config: MkDocsConfig, files: Files) -> None:
            convert(config, files)
            fresh.content = page.content or ""
            fresh.toc = page.toc
            fresh.title = page._title_from_render
            fresh.anchors = set(page.present_anchor_ids or ())
            fresh.links = {f.src_uri: dict(a) for f, a in (page.links_to_anchors or {}).items()}
            self.converted.append(uri)

        page.render = render  # type: ignore[method-assign]

    def _restore(self, page: Page, kept: Kept, files: Files) -> None:
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

        index.add_entry_from_context = add_entry_from_context

    # -- the theme: skip it for a kept page whose themed HTML is kept too

    def on_env(self, env: Environment, files: Files) -> Environment:
        if not self.theme:
            return env
        env.loader = ChoiceLoader([DictLoader({KEPT_TEMPLATE: ""}), env.loader])  # type: ignore[list-item]
        for uri in self._hits:
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
        if self.theme:
            kept.output = output
        return output

    def finish(self) -> None:
        """The build went through: its pages are the next build's cache."""
        self.pages = self._next
        self._next = {}

    @property
    def kept(self) -> int:
        return len(self._hits)

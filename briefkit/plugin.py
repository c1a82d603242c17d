"""The mkdocs plugin: validate the briefings and add their pages to the build.

It stays thin on purpose. Loading is ``briefkit.store``, rendering is
``briefkit.render``; this module only wires them to mkdocs events, so another
builder can use the same functions (``briefkit render``).
"""

from __future__ import annotations

import gc
import logging
import traceback
from pathlib import Path
from typing import Any, Literal

from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from briefkit.errors import Problem
from briefkit.htmlcache import (
    DIRTY_WARNING,
    Collector,
    ConversionInTwo,
    GeneratedFile,
    HtmlCache,
    LaterExports,
    LaterFile,
)
from briefkit.model import Corpus
from briefkit.render import RenderCache, render_site
from briefkit.render.exports import Later
from briefkit.render.problems import with_problems
from briefkit.store import CorpusLoader

log = get_plugin_logger(__name__)


class BriefkitConfig(base.Config):
    briefings = c.Type(str, default="briefings")
    templates = c.Type(str, default="templates")


def display_path(path: str) -> str:
    return Problem(path, 0, 0, "").relative().path


# Marks a briefing's problem on its log record: see BriefkitPlugin.on_config.
PROBLEM = "briefkit_problem"


def report(problems: list[Problem]) -> None:
    for problem in problems:
        log.warning(str(problem.relative()), extra={PROBLEM: True})


def _not_a_problem(record: logging.LogRecord) -> bool:
    return not getattr(record, PROBLEM, False)


def plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    return not str(record.msg).startswith(DIRTY_WARNING)


def template_problem(exc: TemplateError, templates: Path) -> Problem:
    """A template error at its file and line, for whoever edits the templates."""
    if isinstance(exc, TemplateSyntaxError):
        name = exc.filename or str(templates / (exc.name or "?"))
        return Problem(display_path(name), exc.lineno, 0, exc.message or "syntax error")
    if isinstance(exc, TemplateNotFound):
        return Problem(display_path(str(templates)), 0, 0, f"template {exc.name} is missing")
    return Problem(display_path(str(templates)), 0, 0, f"template error: {exc}")


class BriefkitPlugin(BasePlugin[BriefkitConfig]):
    """Renders ``briefings/*/briefing.yaml`` through ``templates/`` on every build.

    The plugin lives across ``mkdocs serve``'s rebuilds (it has ``on_startup``),
    and so does what it read and rendered: a rebuild parses only the briefing
    folders whose files changed, and renders only the pages whose inputs did;
    mkdocs then converts and themes only the pages whose Markdown changed, and
    under ``--dirty`` writes only those (``briefkit.htmlcache``). A one-off build
    converts the generated pages on two cores (``htmlcache.ConversionInTwo``).
    """

    def __init__(self) -> None:
        super().__init__()
        self.loader: CorpusLoader | None = None
        self.cache = RenderCache()
        self.html = HtmlCache()
        self.incremental = False
        self.files: Files | None = None
        self.exports: dict[str, str | bytes] = {}
        # Under serve, exports written after the pages (render.exports.Later).
        self.later = LaterExports(log)
        self.conversion = ConversionInTwo()
        self.collector = Collector()

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Its presence keeps this instance across serve's rebuilds. A one-off build
        # keeps nothing: the corpus would only weigh on the rest of the build.
        self.incremental = command == "serve"
        self.html.dirty = self.incremental and dirty
        if self.html.dirty:
            # mkdocs warns before every dirty build that its nav and links may be
            # wrong; the plugin's builds are right (briefkit.htmlcache), and under
            # `strict: true` the warning would abort every build.
            logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_warning)

    @property
    def fast(self) -> bool:
        """Under serve: mkdocs converts and themes only the pages whose Markdown changed."""
        return self.incremental and self.html.enabled

    def load(self) -> tuple[Corpus, list[Problem]]:
        """``store.open_corpus``; under serve, parsing only the folders whose files changed."""
        if self.loader is None or self.loader.root != self.briefings_dir:
            self.loader = CorpusLoader(self.briefings_dir, cache=self.incremental)
        corpus, problems = self.loader.load()
        self.cache.digests = self.loader.digests
        return corpus, problems

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.incremental:
            self.collector.build_starts()
        if self.incremental and config.strict:
            # Under serve, a strict build that fails leaves every page request waiting
            # for a good build: with `strict: true`, one broken briefing made the browser
            # show nothing until it was fixed. A briefing's problems are still printed as
            # warnings, and shown on the site; only serve's strict count leaves them out
            # (`mkdocs build --strict` still fails on them). mkdocs counts warnings with a
            # handler it adds to its logger for each build, before this event.
            for handler in logging.getLogger("mkdocs").handlers:
                if isinstance(handler, CountHandler):
                    handler.addFilter(_not_a_problem)
        root = Path(config.config_file_path or ".").resolve().parent
        self.briefings_dir = (root / self.config.briefings).resolve()
        self.templates_dir = (root / self.config.templates).resolve()
        if not self.templates_dir.is_dir():
            raise PluginError(
                f"briefkit: no templates folder at {display_path(str(self.templates_dir))}; "
                "set `templates:` under the briefkit plugin in mkdocs.yml"
            )
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        # Loading and rendering allocate millions of objects that stay alive until
        # the pages are made: the collector's passes over them would free next to nothing.
        gc.disable()
        try:
            return self._add_pages(files, config)
        finally:
            gc.enable()

    def _add_pages(self, files: Files, config: MkDocsConfig) -> Files:
        corpus, problems = self.load()
        # Problems are warnings: a plain build leaves out the briefings that have them
        # and builds the rest, and `mkdocs build --strict` fails on them.
        report(problems)
        try:
            pages = render_site(
                corpus,
                self.templates_dir,
                config.use_directory_urls,
                cache=self.cache if self.incremental else None,
                later=self.incremental,
                # A one-off build renders on two cores; serve keeps one process
                # (its server threads make forking unsafe) and its page cache.
                jobs=1 if self.incremental else 2,
                site_url=config.site_url,
            )
        except TemplateError as exc:
            raise PluginError(f"briefkit: {template_problem(exc, self.templates_dir)}") from None
        except (TypeError, ValueError, AttributeError, KeyError, IndexError) as exc:
            # A template that fails while it runs: name its file and line, not ours.
            frame = next(
                (
                    f
                    for f in reversed(traceback.extract_tb(exc.__traceback__))
                    if f.filename.endswith(".j2")
                ),
                None,
            )
            if frame is None:
                raise
            where = Problem(
                display_path(frame.filename), frame.lineno or 0, 0, f"{type(exc).__name__}: {exc}"
            )
            raise PluginError(f"briefkit: {where}") from None
        if self.incremental:
            pages = with_problems(pages, problems, self.templates_dir)
        if self.cache.reused:
            log.info(
                f"{self.cache.reused} unchanged pages kept, {len(self.cache.rendered)} rendered"
            )
        generated: dict[str, str] = {}
        self.exports = {}
        later: dict[str, Later] = {}
        for src_uri, content in pages.items():
            if files.get_file_from_path(src_uri) is not None:
                log.info(f"docs/{src_uri} is hand-written: it replaces the generated page")
                continue
            if isinstance(content, Later):
                later[src_uri] = content
                files.append(LaterFile.generated(config, src_uri, content=b""))
                continue
            files.append(GeneratedFile.generated(config, src_uri, content=content))
            if isinstance(content, str) and src_uri.endswith(".md"):
                generated[src_uri] = content
            else:
                self.exports[src_uri] = content
        self.later.pending = later
        if self.fast:
            self.html.start(config, files, generated)
        self.files = files
        return files

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.later.new_build()
        # The search plugins make their index before this (Material's in on_config,
        # mkdocs' in on_pre_build, and it comes first in mkdocs.yml).
        search = config.plugins.get("search") or config.plugins.get("material/search")
        index = getattr(search, "search_index", None)
        if self.fast and index is not None:
            self.html.wrap_search(index)

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
        if self.fast:
            self.html.prepare(page, files)
        elif not self.incremental:
            self.conversion.prepare(page, files)
        return page

    def on_build_error(self, *, error: Exception) -> None:
        self.conversion.cancel()
        if self.incremental:
            self.collector.build_ends()

    def on_shutdown(self) -> None:
        self.collector.stop()

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        return self.html.on_env(env, files) if self.fast else env

    # Last: what is kept is the page as every other plugin left it.
    @event_priority(-100)
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        return self.html.post_page(output, page) if self.fast else output

    # Before the search plugin's: it writes the index this completes in dirty builds.
    @event_priority(50)
    def _pages_built(self, *, config: MkDocsConfig) -> None:
        if self.incremental:
            self.later.write(config.site_dir)
        if not self.fast:
            return
        if self.html.dirty and self.files is not None:
            search = config.plugins.get("search") or config.plugins.get("material/search")
            self.html.assemble_search(self.files, search)
        self.html.finish()
        built = len(self.html.converted)
        if self.html.dirty:
            removed = len(self.html.removed)
            log.info(
                f"{plural(self.html.kept, 'unchanged page')} left as written, "
                f"{plural(built, 'page')} converted"
                + (f", {plural(removed, 'file')} removed" if removed else "")
            )
        elif self.html.kept:
            log.info(f"{self.html.kept} unchanged pages copied, {built} converted")

    # After every other plugin's: the build's objects are what the next edit starts from.
    @event_priority(-100)
    def _build_done(self, *, config: MkDocsConfig) -> None:
        if self.incremental:
            self.collector.build_ends()

    on_post_build = CombinedEvent(_pages_built, _build_done)

    def wait_for_later(self) -> None:
        """Until the last build's later exports are written (tests and benchmarks)."""
        self.later.wait()

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        # A generated page is out of the nav (see mkdocs.yml), which leaves it no tab lit
        # and no breadcrumb. Its folder's index page in the nav becomes its parent
        # (actors/x -> actors/): mkdocs then lights that page's tab while it builds the
        # page, and Material's navigation.path shows Home > Actors above its title.
        if self.fast:
            # Their nav and neighbours' links are built from other pages: theme them always.
            self.html.theme_always({p.file.src_uri for p in nav.pages})
            if self.html.dirty:
                self.html.leave_unchanged(files, self.exports)
        sections = {p.file.src_uri.removesuffix(".md").removesuffix("/index"): p for p in nav.pages}
        in_nav = {id(p) for p in nav.pages}
        for file in files.documentation_pages():
            page = file.page
            if page is None or id(page) in in_nav or page.parent is not None:
                continue
            section = sections.get(file.src_uri.split("/")[0].removesuffix(".md"))
            if section is not None and section is not page:
                page.parent = section  # type: ignore[assignment]
        if not self.incremental and self._converts_alone(config):
            self.conversion = ConversionInTwo()
            generated = [f for f in files.documentation_pages() if isinstance(f, GeneratedFile)]
            self.conversion.start(config, files, generated)
        return nav

    def _converts_alone(self, config: MkDocsConfig) -> bool:
        """No other plugin sees a page between its reading and its conversion."""
        events = config.plugins.events
        others = [
            e for e in (*events["pre_page"], *events["page_markdown"]) if e.__self__ is not self
        ]
        return not others

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        server.watch(str(self.briefings_dir))
        server.watch(str(self.templates_dir))
        return server

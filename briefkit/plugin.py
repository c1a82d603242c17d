"""The mkdocs plugin: validate the briefings and add their pages to the build.

It stays thin on purpose. Loading is ``briefkit.store``, rendering is
``briefkit.render``; this module only wires them to mkdocs events, so another
builder can use the same functions (``briefkit render``).
"""

from __future__ import annotations

import gc
import hashlib
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation

from briefkit.errors import Problem
from briefkit.model import Briefing, Corpus
from briefkit.render import RenderCache, render_site
from briefkit.store import (
    EXTRACTED_FILE,
    LoadedBriefing,
    briefing_folders,
    check_corpus_references,
    load_briefing,
    load_registry,
)

log = get_plugin_logger(__name__)


class BriefkitConfig(base.Config):
    briefings = c.Type(str, default="briefings")
    templates = c.Type(str, default="templates")


def display_path(path: str) -> str:
    return Problem(path, 0, 0, "").relative().path


def report(problems: list[Problem]) -> None:
    for problem in problems:
        log.warning(str(problem.relative()))


def template_problem(exc: TemplateError, templates: Path) -> Problem:
    """A template error at its file and line, for whoever edits the templates."""
    if isinstance(exc, TemplateSyntaxError):
        name = exc.filename or str(templates / (exc.name or "?"))
        return Problem(display_path(name), exc.lineno, 0, exc.message or "syntax error")
    if isinstance(exc, TemplateNotFound):
        return Problem(display_path(str(templates)), 0, 0, f"template {exc.name} is missing")
    return Problem(display_path(str(templates)), 0, 0, f"template error: {exc}")


def folder_digest(folder: Path) -> str:
    """A hash of a briefing folder's files: the YAML, the article, anything beside them."""
    digest = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        if path.name != EXTRACTED_FILE and path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@dataclass
class Loaded:
    """One briefing folder as the last build read it."""

    digest: str
    item: LoadedBriefing | None
    problems: list[Problem]
    briefing: Briefing | None


def parse_folder(folder: Path, digest: str) -> Loaded:
    item, problems = load_briefing(folder)
    briefing = Briefing.from_dict(item.data, item.article, item.path, item.where) if item else None
    return Loaded(digest, item, problems, briefing)


class BriefkitPlugin(BasePlugin[BriefkitConfig]):
    """Renders ``briefings/*/briefing.yaml`` through ``templates/`` on every build.

    The plugin lives across ``mkdocs serve``'s rebuilds (it has ``on_startup``),
    and so does what it read and rendered: a rebuild parses only the briefing
    folders whose files changed, and renders only the pages whose inputs did.
    """

    def __init__(self) -> None:
        super().__init__()
        self.loaded: dict[Path, Loaded] = {}
        self.cache = RenderCache()
        self.incremental = False

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Its presence keeps this instance across serve's rebuilds. A one-off build
        # keeps nothing: the corpus would only weigh on the rest of the build.
        self.incremental = command == "serve"

    def load(self) -> tuple[Corpus, list[Problem]]:
        """``store.open_corpus``, parsing only the folders whose files changed since last time."""
        registry, found = load_registry(self.briefings_dir)
        problems = list(found)
        fresh: dict[Path, Loaded] = {}
        for folder in briefing_folders(self.briefings_dir):
            # Hashing reads every file once more: only serve, which compares, pays for it.
            digest = folder_digest(folder) if self.incremental else ""
            entry = self.loaded.get(folder)
            if entry is None or entry.digest != digest:
                entry = parse_folder(folder, digest)
            fresh[folder] = entry
            problems.extend(entry.problems)
        self.loaded = fresh if self.incremental else {}
        items = [e.item for e in fresh.values() if e.item is not None]
        problems.extend(check_corpus_references(items, registry))
        briefings = [e.briefing for e in fresh.values() if e.briefing is not None]
        self.cache.digests = {e.briefing.path: e.digest for e in fresh.values() if e.briefing}
        return Corpus.build(briefings, registry), sorted(problems)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
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
        # Problems are warnings: `mkdocs serve` keeps running while an analyst
        # fixes a file, and `mkdocs build --strict` fails on them.
        report(problems)
        try:
            pages = render_site(
                corpus,
                self.templates_dir,
                config.use_directory_urls,
                cache=self.cache if self.incremental else None,
                # A one-off build renders on two cores; serve keeps one process
                # (its server threads make forking unsafe) and its page cache.
                jobs=1 if self.incremental else 2,
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
        if self.cache.reused:
            log.info(
                f"{self.cache.reused} unchanged pages kept, {len(self.cache.rendered)} rendered"
            )
        for src_uri, markdown in pages.items():
            if files.get_file_from_path(src_uri) is not None:
                log.info(f"docs/{src_uri} is hand-written: it replaces the generated page")
                continue
            files.append(File.generated(config, src_uri, content=markdown))
        return files

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        # A generated page is out of the nav (see mkdocs.yml), which leaves it no tab lit
        # and no breadcrumb. Its folder's index page in the nav becomes its parent
        # (actors/x -> actors/): mkdocs then lights that page's tab while it builds the
        # page, and Material's navigation.path shows Home > Actors above its title.
        sections = {p.file.src_uri.removesuffix(".md").removesuffix("/index"): p for p in nav.pages}
        in_nav = {id(p) for p in nav.pages}
        for file in files.documentation_pages():
            page = file.page
            if page is None or id(page) in in_nav or page.parent is not None:
                continue
            section = sections.get(file.src_uri.split("/")[0].removesuffix(".md"))
            if section is not None and section is not page:
                page.parent = section  # type: ignore[assignment]
        return nav

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        server.watch(str(self.briefings_dir))
        server.watch(str(self.templates_dir))
        return server

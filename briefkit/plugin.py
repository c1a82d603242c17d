"""The mkdocs plugin: validate the briefings and add their pages to the build.

It stays thin on purpose. Loading is ``briefkit.store``, rendering is
``briefkit.render``; this module only wires them to mkdocs events, so another
builder can use the same functions (``briefkit render``).
"""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any

from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from briefkit.errors import Problem
from briefkit.render import render_site
from briefkit.store import open_corpus

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


class BriefkitPlugin(BasePlugin[BriefkitConfig]):
    """Renders ``briefings/*/briefing.yaml`` through ``templates/`` on every build."""

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
        corpus, problems = open_corpus(self.briefings_dir)
        # Problems are warnings: `mkdocs serve` keeps running while an analyst
        # fixes a file, and `mkdocs build --strict` fails on them.
        report(problems)
        try:
            pages = render_site(corpus, self.templates_dir, config.use_directory_urls)
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
        for src_uri, markdown in pages.items():
            if files.get_file_from_path(src_uri) is not None:
                log.info(f"docs/{src_uri} is hand-written: it replaces the generated page")
                continue
            files.append(File.generated(config, src_uri, content=markdown))
        return files

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        server.watch(str(self.briefings_dir))
        server.watch(str(self.templates_dir))
        return server

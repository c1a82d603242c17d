"""Rendering: the corpus to Markdown pages, maps, relation graphs and data exports.

Plain functions of the corpus. The mkdocs plugin calls ``render_site``; so does
``briefkit render`` for inspection and for other site builders.
"""

from briefkit.render.pages import RenderCache, md_escape, page_path, render_site

__all__ = ["RenderCache", "md_escape", "page_path", "render_site"]

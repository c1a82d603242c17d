"""Where the site's pages are, for the exports that link back to them.

Exports are files other tools read away from the site (a calendar, a GIS, a
database browser), so their links are absolute when the site's URL is known
(mkdocs' ``site_url``) and relative to the site's root otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SiteUrls:
    directory_urls: bool = True
    site_url: str | None = None

    def __post_init__(self) -> None:
        # Joining is string concatenation: one trailing slash, whoever gave the URL.
        if self.site_url:
            object.__setattr__(self, "site_url", self.site_url.rstrip("/") + "/")
        else:
            object.__setattr__(self, "site_url", None)

    def page(self, folder: str, ident: str) -> str:
        """The URL of ``folder/ident``'s page, relative to the site root."""
        return f"{folder}/{ident}/" if self.directory_urls else f"{folder}/{ident}.html"

    def briefing(self, briefing_id: str) -> str:
        return self.page("briefings", briefing_id)

    def fact(self, briefing_id: str, key: str, index: int) -> str:
        """A fact on its briefing's page: the anchor of its evidence (``ev-events-3``)."""
        return f"{self.briefing(briefing_id)}#ev-{key}-{index}"

    def absolute(self, path: str) -> str | None:
        return f"{self.site_url}{path}" if self.site_url else None

    def link(self, path: str) -> str:
        """Absolute when the site's URL is known, else relative to its root."""
        return self.absolute(path) or path

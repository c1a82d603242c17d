"""briefkit: news articles in, analytical briefings out.

The pipeline reads left to right, one module per stage, and no module imports
a later one: article -> extractors -> model -> store -> render -> plugin.

The public API for pipelines and evaluation:

- ``extract(text, published=date)`` returns a ``Briefing`` of typed facts;
- ``find_dates(text, published=date)`` returns every date expression.

Both load the English model on first use; nothing else in the package does.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefkit.extractors.dates import DateExpression
    from briefkit.model import Briefing

__version__ = "0.1.0"
__all__ = ["__version__", "extract", "find_dates"]


def _as_date(published: dt.date | str | None) -> dt.date | None:
    from briefkit.errors import BriefkitError

    if published is None or isinstance(published, dt.date):
        return published
    try:
        return dt.date.fromisoformat(published)
    except (TypeError, ValueError):
        raise BriefkitError(
            f"published={published!r} is not a date: give a datetime.date or 'YYYY-MM-DD'"
        ) from None


def extract(
    text: str | bytes,
    published: dt.date | str | None = None,
    *,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    id: str | None = None,
) -> Briefing:
    """Extract a briefing's facts from an article's text. Writes nothing.

    Bytes are decoded as ``briefkit extract`` decodes a file (UTF-8, else
    Windows-1252). Blank text raises ``BriefkitError``: there is nothing to extract.
    """
    from briefkit.article import decode, parse_article, require_body
    from briefkit.draft import briefing_from_article

    if isinstance(text, bytes):
        text = decode(text, "<article>")
    article = require_body(parse_article(text), "give briefkit.extract the article's text")
    return briefing_from_article(
        article, _as_date(published), title=title, outlet=outlet, url=url, id=id
    )


def find_dates(text: str, published: dt.date | str | None = None) -> list[DateExpression]:
    """Every date expression in ``text``, normalised against ``published``.

    "That day" and "the same day" date the events ``extract`` finds, but are no date
    expressions of their own: they are left out here."""
    from briefkit.extractors.dates import find_dates as _find_dates
    from briefkit.extractors.dates import has_a_value_of_its_own

    return [d for d in _find_dates(text, _as_date(published)) if has_a_value_of_its_own(d)]

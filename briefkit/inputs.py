"""What ``briefkit add`` takes: a text file, a saved HTML page, or an RSS or Atom feed.

Which one is told by the content, not the file name: analysts save pages as
``.txt`` and feeds as ``.html``. A page's main text and metadata come from
trafilatura (with htmldate for the date), made for news pages: navigation,
cookie banners, newsletter boxes, related stories, captions and footers stay
out. A feed is read by feedparser. Neither fetches anything: the bytes come
from a file or from :mod:`briefkit.fetch`, which holds the network limits.

Copies are recognised here too, by text: :func:`similarity` is the share of
five-word shingles two articles have in common (Jaccard). At
:data:`COPY_THRESHOLD` (0.9) and above they are one story, a wire copy or the
same text at another address.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field

from briefkit.article import Article, parse_article, require_body
from briefkit.errors import BriefkitError, Problem

HTML, FEED, TEXT = "html", "feed", "text"

# Markup before the root element: a BOM, an XML declaration, comments, a doctype.
_PROLOG = re.compile(
    rb"\A(?:\xef\xbb\xbf|\s+|<\?[^>]*\?>|<!--.*?-->|<!doctype[^>]*>)*", re.I | re.S
)
_ROOT = re.compile(rb"<([A-Za-z][\w:.-]*)")
_FEED_ROOTS = {b"rss", b"feed", b"rdf:rdf", b"atom:feed"}
_HTML_HINT = re.compile(rb"<(?:html|head|body)\b|<!doctype\s+html", re.I)


def kind_of(data: bytes) -> str:
    """HTML, FEED or TEXT, by the bytes: the root element, else HTML's own tags, else text."""
    head = data[:65536]
    m = _ROOT.match(head, _PROLOG.match(head).end())  # type: ignore[union-attr]
    if m is not None:
        root = m.group(1).lower()
        if root in _FEED_ROOTS:
            return FEED
        if root == b"html":
            return HTML
    return HTML if _HTML_HINT.search(head[:4096]) else TEXT


def _fail(where: str, message: str) -> BriefkitError:
    return BriefkitError([Problem(where, 0, 0, f"{message}; nothing was written")])


# --------------------------------------------------------------------------- pages


@dataclass
class Page:
    """An article read out of an HTML page: its main text and what the page says of it."""

    text: str
    title: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    published: dt.date | None = None
    url: str | None = None  # the canonical address, when the page gives an http(s) one
    language: str | None = None


# Fewer words than a news brief's first sentence: what is left of a page that has no
# article (a front page's menu, a paywall's teaser).
MIN_WORDS = 15

_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)", re.I)


def read_page(data: bytes, where: str, address: str | None = None) -> Page:
    """The main text and metadata of a news page. ``address`` is where it was fetched from."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            data,
            url=address,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            # A wrong line in article.txt (a caption, a teaser) becomes wrong facts.
            favor_precision=True,
            # Not deduplicate: its cache spans calls, so a feed's second copy of a story
            # (or a test's second read) would lose the paragraphs seen before.
            # The date the story was first published, not its last update; and only from
            # the markup: extensive_search guesses from any year in the text ("since 2003"),
            # and a wrong date would anchor every relative date wrongly.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura on hostile markup: say so at the path
        raise _fail(where, f"cannot read the page: {type(exc).__name__}: {exc}") from None
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(text.split()) < MIN_WORDS:
        raise _fail(where, "found no article text in the page (only menus, links or a teaser)")

    def meta(name: str) -> str | None:
        value = getattr(doc, name, None)
        return value.strip() if isinstance(value, str) and value.strip() else None

    authors = [a.strip() for a in (meta("author") or "").split(";") if a.strip()]
    url = meta("url")
    if url is not None and not re.match(r"^https?://\S+$", url):
        url = None  # a relative or odd canonical link is no address to record
    lang = meta("language")
    if lang is None and (m := _LANG.search(data[:65536])):
        lang = m.group(1).decode("ascii")
    return Page(
        text=text,
        title=meta("title"),
        outlet=meta("sitename"),
        authors=authors,
        published=_day(meta("date")),
        url=url,
        language=lang,
    )


def _day(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def article_of(page: Page, where: str) -> Article:
    """The page's text as an article (what ``add`` stores as article.txt)."""
    article = parse_article(page.text + "\n", where)
    article.title = article.title or page.title
    article.outlet = article.outlet or page.outlet
    return require_body(article, "the page has no article text")


# --------------------------------------------------------------------------- feeds


@dataclass(frozen=True)
class FeedItem:
    url: str
    title: str | None = None
    published: dt.date | None = None


def read_feed(data: bytes, where: str, address: str | None = None) -> list[FeedItem]:
    """The items of an RSS or Atom feed that link to a page, in the feed's order."""
    from urllib.parse import urljoin

    import feedparser

    # A stream, never a string: feedparser fetches a string that looks like a URL.
    parsed = feedparser.parse(
        io.BytesIO(data), response_headers={"content-location": address or ""}
    )
    if not parsed.get("version") and not parsed.entries:
        raise _fail(where, "is not an RSS or Atom feed")
    items: list[FeedItem] = []
    for entry in parsed.entries:
        link = entry.get("link") or ""
        link = urljoin(address, link) if address else link
        if not link:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = dt.date(*stamp[:3]) if stamp else None
        items.append(FeedItem(link, entry.get("title"), published))
    return items


# --------------------------------------------------------------------------- copies

# Five words: long enough that two different stories on one event share few
# shingles (they share names and places, not runs of five words), short enough
# that a changed word costs a copy only five of its hundreds.
SHINGLE = 5
# A wire story republished carries another byline, dateline or closing line, a
# trimmed last paragraph or a fixed typo: a few per cent of its shingles. A
# different article, even a rewrite of the same release, stays far below.
COPY_THRESHOLD = 0.9


def shingles(text: str) -> frozenset[int]:
    """The hashes of every run of SHINGLE words, case and punctuation aside."""
    words = re.findall(r"\w+", text.casefold())
    if len(words) < SHINGLE:
        return frozenset({hash(tuple(words))}) if words else frozenset()
    return frozenset(hash(tuple(words[i : i + SHINGLE])) for i in range(len(words) - SHINGLE + 1))


def similarity(a: frozenset[int], b: frozenset[int]) -> float:
    """Jaccard: shared shingles over all shingles."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)

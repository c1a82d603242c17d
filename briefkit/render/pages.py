"""Rendering a corpus to Markdown pages through the Jinja templates.

This is a plain function of the corpus: the mkdocs plugin calls it, and so
does ``briefkit render`` for inspection and for other site builders.

Every string that came from an article or a YAML file is escaped on output,
by the environment itself (``finalize``), so no template can forget: it is
shown as text, never read as Markdown or HTML. Templates mark what they build
themselves (links, the article's HTML) with ``Markup``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import posixpath
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial
from itertools import groupby, pairwise
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from briefkit.article import Article, find_names
from briefkit.model import ACTOR_KINDS as MODEL_ACTOR_KINDS
from briefkit.model import (
    Briefing,
    Corpus,
    DateValue,
    Event,
    Fact,
    Moment,
    Profile,
    Relation,
    named_ids,
)
from briefkit.render.exports import Later, render_exports
from briefkit.render.graphs import relation_graph
from briefkit.render.maps import Point, svg_map
from briefkit.render.parallel import in_two
from briefkit.render.pieces import Kept, Pieces

# A briefing's fields that no actor or place page shows (templates/actor.md.j2, place.md.j2).
PROFILE_PAGES_IGNORE = ("summary", "key_points", "tags", "sources")

# How many of a briefing's sentences an actor's or place's page quotes.
APPEARANCE_SENTENCES = 3

# An actor's or place's page shows its newest facts in full, up to these counts, and
# lists the rest compactly: a popular actor's page would otherwise grow with the
# corpus, and a page's build cost grows faster than its length.
PROFILE_EVENTS = 25
PROFILE_QUOTES = 10
PROFILE_RELATIONS = 20
PROFILE_APPEARANCES = 20

# The timeline and the quotes are one page while they hold at most this many
# entries; beyond it, a page per year, and a page per month for a year beyond it.
PERIOD_LIMIT = 300

# The schema's actor kinds (model.ACTOR_KINDS), in the order a page lists them.
KIND_TITLES = {
    "person": "People",
    "organization": "Organizations",
    "country": "Countries",
    "group": "Groups",
    "place": "Places acting as actors",
    "other": "Other actors",
}
ACTOR_KINDS = tuple(kind for kind in KIND_TITLES if kind in MODEL_ACTOR_KINDS)

# How a relation reads between its two ends; other kinds read as their words.
RELATION_PHRASES = {
    "role": "holds a post in",
    "member-of": "is a member of",
    "leader-of": "leads",
    "ally": "is an ally of",
    "enemy": "is an enemy of",
    "rival": "is a rival of",
    "tension": "is in tension with",
    "trade-partner": "is a trade partner of",
    "mediator": "mediates with",
    "sanctions": "imposes sanctions on",
}


# The same links, ended: "the former chairman of X", "sold its stake in Y".
FORMER_RELATION_PHRASES = {
    "role": "held a post in",
    "member-of": "was a member of",
    "leader-of": "led",
    "ally": "was an ally of",
    "enemy": "was an enemy of",
    "rival": "was a rival of",
    "tension": "was in tension with",
    "trade-partner": "was a trade partner of",
    "mediator": "mediated with",
    "sanctions": "imposed sanctions on",
    "owns": "owned",
    "employed-by": "was employed by",
}


def relation_phrase(kind: str, former: bool = False) -> str:
    if former:
        return FORMER_RELATION_PHRASES.get(kind, "formerly " + kind.replace("-", " "))
    return RELATION_PHRASES.get(kind, kind.replace("-", " "))


# Characters that Markdown, its extensions or HTML would read as markup.
_MD_SPECIAL = "\\`*_{}[]()<>#+-!|~^=:&\"'$%@"
_ESCAPES = str.maketrans({char: f"&#{ord(char)};" for char in _MD_SPECIAL})
_LIST_START = re.compile(r"^(\s*\d+)\.")
# Any whitespace but a lone space: what folding whitespace to single spaces changes.
_SPACE = re.compile(r"\s{2,}|[^\S ]")


@lru_cache(maxsize=1 << 16)
def md_escape(text: str) -> str:
    """Text that Markdown and HTML show as it is, as numeric character references.

    Newlines fold to spaces: a field is inline text, and a line break could
    start a heading or a list. Names and titles recur on thousands of pages,
    hence the cache.
    """
    text = _SPACE.sub(" ", str(text)).translate(_ESCAPES)
    return _LIST_START.sub(lambda m: f"{m.group(1)}&#46;", text)


def _finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return Markup(md_escape(value))


# --------------------------------------------------------------------------- pages


def page_path(kind: str, ident: str | None = None) -> str:
    """Where each page kind lives in the site, as a docs-relative .md path."""
    if kind == "home":
        return "index.md"
    if kind in ("timeline", "quotes", "map", "tags") and not ident:
        return f"{kind}.md"
    folder = {"briefing": "briefings", "actor": "actors", "place": "places"}.get(kind, kind)
    return f"{folder}/{ident}.md" if ident else f"{folder}/index.md"


def tag_anchor(tag: str) -> Markup:
    """A tag's heading id on the tags page: its words, lower-case, joined by hyphens.

    It depends on the tag alone, so a briefing page links to it without reading
    the rest of the corpus; tags that differ only in case or punctuation share it.
    """
    words = re.findall(r"\w+", tag.lower())
    # Word characters and hyphens only: nothing in it for Markdown or HTML to read.
    return Markup("tag-" + ("-".join(words) or "_"))


def evidence_anchor(key: str, index: int) -> str:
    return f"ev-{key}-{index}"


@dataclass
class Located:
    """Where a fact's evidence stands in its article."""

    start: int
    end: int
    sentence: int


@dataclass
class BriefingView:
    """What the templates need of a briefing that a loop cannot compute."""

    briefing: Briefing
    evidence: dict[tuple[str, int], Located] = field(default_factory=dict)
    # id(fact) -> (list key, index): templates hold facts, anchors need positions
    keys: dict[int, tuple[str, int]] = field(default_factory=dict)
    # ref id -> sentence indexes where the article names it
    mentions: dict[str, list[int]] = field(default_factory=dict)


def locate(briefing: Briefing, names_of: dict[str, list[str]]) -> BriefingView:
    """Find every fact's evidence and every mention, in one pass over the article.

    ``names_of`` gives each actor's and place's names across the corpus, so a
    registry alias finds mentions in every briefing.
    """
    view = BriefingView(briefing)
    article = briefing.article
    if article is None:
        return view
    for key, i, fact in briefing.facts():
        view.keys[id(fact)] = (key, i)
        evidence = getattr(fact, "evidence", None)
        span = article.find(evidence) if evidence else None
        if span:
            sentence = article.sentence_at(span[0])
            view.evidence[(key, i)] = Located(span[0], span[1], sentence.index if sentence else 0)
    names = {a.id: names_of.get(a.id, a.names) for a in briefing.actors}
    for place in briefing.places:
        names.setdefault(place.id, names_of.get(place.id, place.names))
    for start, _end, ref in find_names(article.text, names, article.body_end):
        sentence = article.sentence_at(start)
        if sentence is not None:
            found = view.mentions.setdefault(ref, [])
            if not found or found[-1] != sentence.index:
                found.append(sentence.index)
    return view


def article_html(article: Article, view: BriefingView) -> Markup:
    """The article as HTML: a paragraph per line, an anchor per sentence, evidence marked.

    Evidence spans may overlap, so each sentence is cut at every span boundary
    and each piece lists the facts it supports (``data-ev``); an empty anchor
    at each span's start is the link target.
    """
    by_sentence: dict[int, list[tuple[str, Located]]] = defaultdict(list)
    for (key, i), located in view.evidence.items():
        by_sentence[located.sentence].append((evidence_anchor(key, i), located))

    out: list[str] = ['<div class="bk-article" markdown="0">']
    for _paragraph, sentences in groupby(article.sentences, key=lambda s: s.paragraph):
        parts: list[str] = []
        for sentence in sentences:
            spans = by_sentence.get(sentence.index, [])
            cuts = {sentence.start, sentence.end}
            for _anchor, loc in spans:
                cuts.add(max(loc.start, sentence.start))
                cuts.add(min(loc.end, sentence.end))
            edges = sorted(c for c in cuts if sentence.start <= c <= sentence.end)
            pieces = [f'<span class="bk-s" id="s-{sentence.index}">']
            for a, b in pairwise(edges):
                starting = [anchor for anchor, loc in spans if max(loc.start, sentence.start) == a]
                pieces.extend(
                    f'<span class="bk-anchor" id="{anchor}"></span>' for anchor in starting
                )
                covering = [anchor for anchor, loc in spans if loc.start <= a and b <= loc.end]
                text = md_escape(article.text[a:b]) if a < b else ""
                if covering:
                    pieces.append(
                        f'<mark class="bk-ev" data-ev="{" ".join(covering)}">{text}</mark>'
                    )
                else:
                    pieces.append(text)
            pieces.append("</span>")
            parts.append("".join(pieces))
        out.append("<p>" + " ".join(parts) + "</p>")
    out.append("</div>")
    return Markup("\n".join(out))


# --------------------------------------------------------------------------- the environment


@cache
def environment(templates: Path) -> Environment:
    """One environment per templates folder, so templates compile once per build."""
    env = Environment(
        loader=FileSystemLoader(str(templates)),
        autoescape=False,  # the output is Markdown; _finalize escapes for it
        finalize=_finalize,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["page_title"] = _page_title
    env.filters["front_matter"] = _page_title
    env.filters["day"] = _day
    env.filters["date"] = _date_label
    env.filters["number"] = _number
    env.filters["url"] = _url
    env.filters["relation"] = relation_phrase
    env.filters["quoted"] = _quoted
    env.filters["coordinates"] = _coordinates
    env.filters["tag_anchor"] = tag_anchor
    env.globals.update(TEMPLATE_HELPERS)
    return env


# --------------------------------------------------------------------------- template helpers
# Registered once on the environment (see environment()); each reads the page being
# rendered ("here") and its renderer from the template's context.


@pass_context
def _link(ctx: Context, target: str, anchor: str | None = None) -> Markup:
    """A link from this page to ``target`` (a docs-relative page path)."""
    return Markup(ctx["renderer"].site.link(ctx["here"], target, anchor))


@pass_context
def _ref(ctx: Context, ident: str) -> Markup:
    """A link to an actor's or place's page, labelled with its name."""
    return ctx["renderer"].ref_link(ctx["here"], ident)


@pass_context
def _evidence_link(ctx: Context, briefing: Briefing, fact: Fact) -> Markup:
    """A link to the fact's evidence in its article, or to the briefing."""
    view = ctx["renderer"].site.views[briefing.id]
    key, index = view.keys[id(fact)]
    anchor = evidence_anchor(key, index) if (key, index) in view.evidence else None
    return _link(ctx, page_path("briefing", briefing.id), anchor)


@pass_context
def _sentence_link(ctx: Context, briefing: Briefing, sentence: int) -> Markup:
    return _link(ctx, page_path("briefing", briefing.id), f"s-{sentence}")


def _sentence_text(briefing: Briefing, sentence: int) -> str:
    article = briefing.article
    if article is None:
        return ""
    s = article.sentences[sentence]
    return article.text[s.start : s.end]


@pass_context
def _quote_date(ctx: Context, briefing: Briefing, quote: Fact) -> Markup:
    """When a quote was said: the day of an event its sentence dates, else the day the
    article was published (which reported it)."""
    renderer = ctx["renderer"]
    view = renderer.site.views[briefing.id]
    located = view.evidence.get(view.keys[id(quote)])
    said = renderer._said_on(briefing).get(located.sentence) if located else None
    if said:
        return _day(said)
    published = briefing.source.published
    return Markup(f"reported {_day(published)}") if published else Markup("")


@pass_context
def _graph(ctx: Context, relations: list[Relation]) -> Markup:
    return relation_graph(relations, ctx["renderer"].corpus.name_of, relation_phrase)


TEMPLATE_HELPERS: dict[str, Callable[..., Any]] = {
    "link": _link,
    "ref": _ref,
    "evidence_link": _evidence_link,
    "sentence_link": _sentence_link,
    "sentence_text": _sentence_text,
    "quote_date": _quote_date,
    "graph": _graph,
}


# Dates recur across thousands of entries: each is parsed and worded once.
@lru_cache(maxsize=1 << 14)
def _day(value: Any) -> Markup:
    """A publication day as a reader says it: "4 March 2025"."""
    return Markup(md_escape(Moment.parse(str(value)).label()))


@lru_cache(maxsize=1 << 14)
def _date_label(value: str) -> Markup:
    """An event's date (a day, week, month, year or range) as a reader says it."""
    return Markup(md_escape(DateValue.parse(str(value)).label()))


def _page_title(value: str) -> Markup:
    """A page title for the front matter, safe where the theme prints it unescaped.

    mkdocs themes print ``page.title`` raw in the header, and through
    ``striptags`` (which unescapes entities) in ``<title>``. So the title is
    HTML-escaped for the header, and holds no angle brackets at all, which
    could otherwise close ``<title>`` once unescaped.
    """
    text = " ".join(str(value).split()).replace("<", "‹").replace(">", "›")
    # Not ASCII-only JSON: a character beyond U+FFFF would become a surrogate pair,
    # which YAML refuses, and mkdocs would then render the front matter as Markdown.
    quoted = json.dumps(html.escape(text, quote=False), ensure_ascii=False)
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027")):
        quoted = quoted.replace(char, code)
    # Nor raw characters YAML refuses (DEL, C1 controls, U+FFFE): escaped, as JSON
    # escapes the C0 controls, or the front matter would again be read as Markdown.
    quoted = _NOT_YAML.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)
    return Markup(quoted)


# Characters outside YAML's printable set that JSON leaves raw (YAML 1.1, section 5.1).
_NOT_YAML = re.compile("[\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


# Marks a quote's text may already open or close with (an apostrophe is not one).
_OPENING_MARKS = '“"«„'
_CLOSING_MARKS = '”"»'


def _quoted(value: str) -> Markup:
    """Words in quotation marks, escaped, without doubling a mark they already have."""
    text = " ".join(str(value).split())
    opening = "" if text and text[0] in _OPENING_MARKS else "“"
    closing = "" if text and text[-1] in _CLOSING_MARKS else "”"
    return Markup(opening + md_escape(text) + closing)


def _coordinates(value: list[float]) -> Markup:
    """[30.51, 47.78] as a reader says it: 30.51° N, 47.78° E."""
    lat, lon = (float(v) for v in value)
    ns, ew = "N" if lat >= 0 else "S", "E" if lon >= 0 else "W"
    return Markup(f"{abs(lat):g}° {ns}, {abs(lon):g}° {ew}")


def _number(value: float) -> str:
    """12500 -> 12,500; 10000000000 -> 10 billion: as a newspaper writes it."""
    if value >= 1_000_000 and float(value).is_integer():
        for size, word in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million")):
            if value >= size and value % (size // 10) == 0:
                return f"{value / size:g} {word}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _url(value: str) -> Markup:
    """A URL for an href: only http(s), quoted so it cannot close the attribute."""
    text = str(value)
    if not re.match(r"https?://", text):
        return Markup("#")
    return Markup(html.escape(quote(text, safe=":/?#[]@!$&'*+,;=%~-._"), quote=True))


# --------------------------------------------------------------------------- the site


@dataclass
class Site:
    """The corpus, with evidence and mentions located, and the helpers templates call."""

    corpus: Corpus
    views: dict[str, BriefingView]

    directory_urls: bool = True

    def link(self, here: str, target: str, anchor: str | None = None) -> str:
        """A Markdown link between pages; mkdocs turns it into the page's URL.

        Pages are docs-relative paths without "..", so climbing out of
        ``here``'s folder is string arithmetic: ``posixpath.relpath`` asked
        the file system for the working folder on every one of the build's
        hundred thousand links.
        """
        rel = "../" * here.count("/") + target
        return rel + (f"#{anchor}" if anchor else "")

    def url(self, page: str) -> str:
        """The URL mkdocs gives a page, relative to the site root."""
        if not self.directory_urls:
            return page[: -len(".md")] + ".html"
        if page == "index.md" or page.endswith("/index.md"):
            return page[: -len("index.md")]
        return page[: -len(".md")] + "/"

    def href(self, here: str, target: str) -> str:
        """A link for raw HTML, which mkdocs does not rewrite: URL to URL."""
        here_url = self.url(here)
        base = here_url if self.directory_urls else posixpath.dirname(here_url)
        rel = posixpath.relpath(self.url(target), base.rstrip("/") or ".")
        return rel + ("/" if self.url(target).endswith("/") and rel != "." else "")


@dataclass
class Period:
    """One page of the timeline or of the quotes: all of them, a year, or a month."""

    key: str | None  # None: everything, on the index page itself
    title: str
    items: list[Any]

    @property
    def year(self) -> str:
        return (self.key or "").split("-")[0]


def _paginate(
    items: list[Any], when: Callable[[Any], tuple[int | None, int | None]], limit: int
) -> list[Period]:
    """Items (in date order) cut into pages of about ``limit``: one, a year each, or a month.

    A month holds what a month of articles says, however many years the corpus
    spans, so no page grows with the corpus.
    """
    if len(items) <= limit:
        return [Period(None, "", items)]
    periods = []
    for year, in_year in groupby(items, key=lambda item: when(item)[0]):
        group = list(in_year)
        if year is None:
            periods.append(Period("undated", "Undated", group))
        elif len(group) <= limit:
            periods.append(Period(str(year), str(year), group))
        else:
            for month, in_month in groupby(group, key=lambda item: when(item)[1]):
                if month:
                    title = f"{dt.date(year, month, 1):%B %Y}"
                    periods.append(Period(f"{year}-{month:02d}", title, list(in_month)))
                else:
                    periods.append(Period(str(year), f"{year}, month not given", list(in_month)))
    return periods


def _event_when(pair: tuple[Briefing, Event]) -> tuple[int | None, int | None]:
    return pair[1].date_value.year, pair[1].date_value.month


def _quote_when(pair: tuple[Briefing, Any]) -> tuple[int | None, int | None]:
    published = pair[0].source.published_date
    return (published.year, published.month) if published else (None, None)


@dataclass
class RenderCache:
    """What a build rendered, kept for the next: ``mkdocs serve`` rebuilds on every save.

    Each page is kept with a hash of everything it is made from: the templates,
    the files of every briefing it draws on (``digests``, which the loader fills
    with a hash of each briefing folder's files) and the names, kinds and
    coordinates of every actor and place those briefings name. A page whose hash
    is unchanged is not rendered again. ``rendered`` lists the pages the last
    build did render.
    """

    digests: dict[str, str] = field(default_factory=dict)  # briefing.path -> file hash
    pages: dict[str, tuple[str, str]] = field(default_factory=dict)
    views: dict[str, tuple[tuple[str, int], BriefingView]] = field(default_factory=dict)
    rendered: list[str] = field(default_factory=list)
    reused: int = 0
    exports: Kept = field(default_factory=dict)  # each briefing's share of the exports
    profile_contexts: dict[str, tuple[Briefing, str]] = field(default_factory=dict)
    # A profile the corpus took over unchanged is the same object: its summary stands.
    summaries: dict[str, tuple[Profile, str]] = field(default_factory=dict)
    # briefing.path -> (the briefing, its files' hash, the summaries it named, context)
    contexts: dict[str, tuple[Briefing, str, tuple[tuple[str, str], ...], str]] = field(
        default_factory=dict
    )
    page_keys: dict[str, tuple[Any, str]] = field(default_factory=dict)  # path -> (inputs, key)
    # (page kind, id) -> (the profile, the briefings its page draws on)
    touched: dict[tuple[str, str], tuple[Profile, list[Briefing]]] = field(default_factory=dict)


def _digest(*parts: Any) -> str:
    return hashlib.sha1(
        json.dumps(parts, default=str, ensure_ascii=False).encode(), usedforsecurity=False
    ).hexdigest()


def templates_digest(templates: Path, directory_urls: bool) -> str:
    digest = hashlib.sha1(str(directory_urls).encode(), usedforsecurity=False)
    for path in sorted(templates.rglob("*")):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class Keys:
    """The hash of each page's inputs, or None where a page is always rendered."""

    def __init__(self, corpus: Corpus, cache: RenderCache, templates: str, periods: str) -> None:
        self.corpus = corpus
        self.cache = cache
        self.base = _digest(templates, periods)
        self._summaries: dict[str, str] = {}
        self._contexts: dict[str, str | None] = {}
        self._profile_contexts: dict[str, str | None] = {}
        self.kept_profile_contexts: dict[str, tuple[Briefing, str]] = {}
        self.kept_summaries: dict[str, tuple[Profile, str]] = {}
        self.kept_page_keys: dict[str, tuple[Any, str]] = {}
        self.kept_contexts: dict[str, tuple[Briefing, str, tuple[tuple[str, str], ...], str]] = {}

    def summary(self, ident: str) -> str:
        """What another page shows of an actor or place: its name, kind, place, names."""
        if ident not in self._summaries:
            profile = self.corpus.actors.get(ident) or self.corpus.places.get(ident)
            kept = self.cache.summaries.get(ident)
            if profile is None:
                self._summaries[ident] = ""
            elif kept is not None and kept[0] is profile:
                self._summaries[ident] = kept[1]
                self.kept_summaries[ident] = kept
            else:
                made = _digest(
                    profile.page,
                    profile.names,
                    profile.category,
                    profile.coordinates,
                    profile.country,
                )
                self._summaries[ident] = made
                self.kept_summaries[ident] = (profile, made)
        return self._summaries[ident]

    def context(self, briefing: Briefing) -> str | None:
        """A briefing's files and what it shows of every actor and place it names."""
        if briefing.path not in self._contexts:
            files = self.cache.digests.get(briefing.path)
            context = None
            if files:
                kept = self.cache.contexts.get(briefing.path)
                if kept is not None and kept[0] is briefing and kept[1] == files:
                    refs = tuple((i, self.summary(i)) for i, _ in kept[2])
                    context = kept[3] if refs == kept[2] else None
                else:
                    refs = tuple(sorted((i, self.summary(i)) for i in named_ids(briefing)))
                if context is None:
                    context = _digest(files, refs)
                self.kept_contexts[briefing.path] = (briefing, files, refs, context)
            self._contexts[briefing.path] = context
        return self._contexts[briefing.path]

    def shown_on_profiles(self, briefing: Briefing) -> str | None:
        """``context`` without what no actor or place page shows of a briefing.

        Its summary, key points, tags, outlets and addresses are on its own page
        only: an analyst writing the summary makes the briefing's page again, not
        the pages of every actor it names (which list every briefing naming them).
        """
        if briefing.path not in self._profile_contexts:
            context = self.context(briefing)
            if context is not None:
                kept = self.cache.profile_contexts.get(briefing.path)
                if kept is not None and kept[0] is briefing:
                    shown = kept[1]
                else:
                    data = briefing.to_dict()
                    for key in PROFILE_PAGES_IGNORE:
                        data.pop(key, None)
                    article = briefing.article.text if briefing.article else None
                    shown = _digest(data, article)
                self.kept_profile_contexts[briefing.path] = (briefing, shown)
                refs = sorted((i, self.summary(i)) for i in named_ids(briefing))
                context = _digest(shown, refs)
            self._profile_contexts[briefing.path] = context
        return self._profile_contexts[briefing.path]

    def page(
        self,
        *parts: Any,
        briefings: Iterable[Briefing] = (),
        profile: bool = False,
        path: str | None = None,
    ) -> str | None:
        """``profile``: the page is an actor's or a place's (see ``shown_on_profiles``).
        ``path``: the page's, under which the key is kept for the next build."""
        contexts = []
        of = self.shown_on_profiles if profile else self.context
        for briefing in briefings:
            context = of(briefing)
            if context is None:
                return None
            contexts.append(context)
        inputs = (self.base, parts, contexts)
        # The same inputs give the same key: comparing them is cheaper than hashing
        # them again (an actor in most briefings draws on most of the corpus).
        kept = self.cache.page_keys.get(path) if path is not None else None
        key = kept[1] if kept is not None and kept[0] == inputs else _digest(*inputs)
        if path is not None:
            self.kept_page_keys[path] = (inputs, key)
        return key


class Renderer:
    """Renders each page kind; one template per kind, named after it."""

    def __init__(
        self,
        corpus: Corpus,
        templates: Path,
        directory_urls: bool = True,
        cache: RenderCache | None = None,
    ) -> None:
        self.corpus = corpus
        self.env = environment(templates)
        self.timeline_periods = _paginate(corpus.events(), _event_when, PERIOD_LIMIT)
        quotes = [(b, q) for b in corpus.briefings for q in b.quotes]
        self.quote_periods = _paginate(quotes, _quote_when, PERIOD_LIMIT)
        self.period_of = {
            id(event): period for period in self.timeline_periods for _b, event in period.items
        }
        self.cache = cache
        self.keys = (
            Keys(
                corpus,
                cache,
                templates_digest(templates, directory_urls),
                _digest(
                    [(p.key, len(p.items)) for p in self.timeline_periods],
                    [(p.key, len(p.items)) for p in self.quote_periods],
                ),
            )
            if cache is not None
            else None
        )
        names_of = {p.id: p.names for p in (*corpus.actors.values(), *corpus.places.values())}
        views = {}
        fresh: dict[str, tuple[tuple[str, int], BriefingView]] = {}
        for briefing in corpus.briefings:
            context = self.keys.context(briefing) if self.keys else None
            # The view maps facts by identity, so it is reused only for the same objects.
            key = (context, id(briefing)) if context else None
            kept = cache.views.get(briefing.path) if cache and key else None
            view = kept[1] if kept and kept[0] == key else locate(briefing, names_of)
            if cache is not None and key is not None:
                fresh[briefing.path] = (key, view)
            views[briefing.id] = view
        if cache is not None:
            cache.views = fresh
        self.site = Site(corpus, views, directory_urls)
        self._refs: dict[tuple[str, int], Markup] = {}
        self.touched: dict[tuple[str, str], tuple[Profile, list[Briefing]]] = {}
        self._said: dict[str, dict[int, str]] = {}

    def _render(self, template: str, here: str, **context: Any) -> str:
        # The helpers (link, ref, ...) are the environment's, registered once: they
        # read the page's place and this renderer from the template's context.
        return self.env.get_template(template).render(
            renderer=self, here=here, corpus=self.corpus, page=page_path, **context
        )

    def ref_link(self, here: str, ident: str) -> Markup:
        """A link to an actor's or place's page, labelled with its name."""
        # The same few thousand links recur on every page; they differ by depth only.
        key = (ident, here.count("/"))
        found = self._refs.get(key)
        if found is None:
            if ident in self.corpus.actors:
                target = page_path("actor", ident)
            elif ident in self.corpus.places:
                target = page_path("place", ident)
            else:
                return Markup(md_escape(ident))
            name = md_escape(self.corpus.name_of(ident))
            found = self._refs[key] = Markup(f"[{name}]({self.site.link(here, target)})")
        return found

    def _said_on(self, briefing: Briefing) -> dict[int, str]:
        """Sentence -> the day an event it dates took place, no later than the article's
        day: a quote in that sentence was said then ("said in an interview on Monday")."""
        found = self._said.get(briefing.id)
        if found is None:
            view = self.site.views[briefing.id]
            published = briefing.source.published_date
            found = self._said[briefing.id] = {}
            for i, event in enumerate(briefing.events):
                located = view.evidence.get(("events", i))
                start = event.date_value.start
                if (
                    located
                    and event.date_value.precision == "day"
                    and not event.approximate
                    and (published is None or start.first <= published)
                ):
                    found.setdefault(located.sentence, str(event.date))
        return found

    def _map(
        self, here: str, places: Iterable[tuple[Profile, int]], title: str, unit: str | None
    ) -> Markup:
        """A map of the places that have coordinates, each marker sized by its count."""
        points = []
        for profile, count in places:
            if profile.coordinates and len(profile.coordinates) == 2:
                lat, lon = profile.coordinates
                target = self.site.href(here, page_path("place", profile.id))
                points.append(Point(profile.name, lat, lon, target, count))
        return svg_map(points, title, unit)

    # One method per page kind.

    def home(self, _subject: None, here: str) -> dict[str, Any]:
        counts = {
            "briefings": len(self.corpus.briefings),
            "actors": len(self.corpus.actors),
            "places": len(self.corpus.places),
            "events": sum(len(b.events) for b in self.corpus.briefings),
            "quotes": sum(len(b.quotes) for b in self.corpus.briefings),
        }
        return {"latest": self.corpus.briefings[:10], "counts": counts}

    def briefing(self, briefing: Briefing, here: str) -> dict[str, Any]:
        view = self.site.views[briefing.id]
        category = {a.id: self.corpus.actors[a.id].category for a in briefing.actors}
        actors_by_kind = [
            (KIND_TITLES[kind], [a for a in briefing.actors if category[a.id] == kind])
            for kind in ACTOR_KINDS
        ]
        events = sorted(briefing.events, key=lambda event: event.date_value.sort_key())
        at_place = Counter(ident for event in briefing.events for ident in event.places)
        places = [(self.corpus.places[p.id], at_place[p.id]) for p in briefing.places]
        return dict(
            briefing=briefing,
            # A group of bare names (countries, mostly) reads as a few short columns.
            actors_by_kind=[
                (title, group, not any(a.role or a.affiliation for a in group))
                for title, group in actors_by_kind
                if group
            ],
            events=events,
            places_map=self._map(here, places, "Places in this briefing", "events"),
            article=article_html(briefing.article, view) if briefing.article else None,
        )

    def profile(self, profile: Profile, here: str) -> dict[str, Any]:
        kind = profile.page
        appearances = []
        for appearance in profile.appearances[:PROFILE_APPEARANCES]:
            view = self.site.views[appearance.briefing.id]
            sentences = view.mentions.get(profile.id, [])
            # A few sentences tell who they are here; all of them would repeat the
            # article on every page that names a popular actor, and bloat search.
            appearances.append(
                (
                    appearance,
                    sentences[:APPEARANCE_SENTENCES],
                    len(sentences[APPEARANCE_SENTENCES:]),
                )
            )
        events = profile.events[-PROFILE_EVENTS:]
        # Older events stay in the timeline, which filters by this actor or place.
        earlier: dict[str, list[Any]] = {}
        for _briefing, event in profile.events[: len(profile.events) - len(events)]:
            period = self.period_of[id(event)]
            target = page_path("timeline", period.key)
            if target not in earlier:
                href = self.site.link(here, target) + f"?{kind}={quote(profile.id)}"
                earlier[target] = [period.title or "the timeline", Markup(href), 0]
            earlier[target][2] += 1
        dated = [a.briefing for a in profile.appearances if a.briefing.source.published]
        places_map = (
            self._map(here, [(profile, 1)], f"Where {profile.name} is", None)
            if kind == "place"
            else Markup("")
        )
        return dict(
            profile=profile,
            entry=profile.latest,
            first_seen=dated[-1] if dated else None,
            last_seen=dated[0] if len(dated) > 1 else None,
            companions=_companions(profile, self.corpus),
            places_map=places_map,
            appearances=appearances,
            earlier_appearances=profile.appearances[PROFILE_APPEARANCES:],
            roles=_roles_over_time(profile),
            events=events,
            earlier_events=list(earlier.values()),
            quotes=profile.quotes[:PROFILE_QUOTES],
            more_quotes=max(0, len(profile.quotes) - PROFILE_QUOTES),
            relations=_same_relations(profile.relations[:PROFILE_RELATIONS]),
            more_relations=max(0, len(profile.relations) - PROFILE_RELATIONS),
            graph_relations=[r for _b, r in profile.relations[:PROFILE_RELATIONS]],
        )

    def _period_index(self, kind: str, periods: list[Period]) -> list[tuple[str, Any, list[Any]]]:
        """The pages of the timeline or the quotes, a line per year: the year's page and
        its count, or the months' (label, page, count)."""
        if len(periods) == 1 and periods[0].key is None:
            return []
        rows: list[tuple[str, Any, list[Any]]] = []
        for year, group in groupby(periods, key=lambda p: p.year):
            pages = list(group)
            if len(pages) == 1 and pages[0].key == year:
                rows.append((pages[0].title, (page_path(kind, year), len(pages[0].items)), []))
                continue
            months = [
                (
                    f"{dt.date(int(year), int(p.key.split('-')[1]), 1):%B}"
                    if p.key and "-" in p.key
                    else "month not given",
                    page_path(kind, p.key),
                    len(p.items),
                )
                for p in pages
            ]
            rows.append((year, None, months))
        return rows

    def timeline(self, period: Period, here: str) -> dict[str, Any]:
        corpus = self.corpus
        events = period.items
        used_actors = {i for _b, e in events for i in e.actors if i in corpus.actors}
        used_places = {i for _b, e in events for i in e.places if i in corpus.places}
        tags = sorted({t for b, e in events for t in b.tags})

        def by_name(idents: set[str]) -> list[tuple[str, str]]:
            return sorted(((i, corpus.name_of(i)) for i in idents), key=lambda p: p[1].lower())

        years = _by_year_month(events)
        if period.key is None:
            groups: list[Any] = _merge_sparse_years(years)
        elif "-" in period.key:  # a month: no headings within it
            groups = [(None, [(None, [e for _y, ms in years for _l, es in ms for e in es])])]
        else:  # a year: its months
            groups = [(None, [m for _y, ms in years for m in ms])]
        return dict(
            period=period,
            index=[] if period.key else self._period_index("timeline", self.timeline_periods),
            groups=groups,
            filter_actors=by_name(used_actors),
            filter_places=by_name(used_places),
            filter_tags=tags,
        )

    def quotes(self, period: Period, here: str) -> dict[str, Any]:
        return dict(
            period=period,
            index=[] if period.key else self._period_index("quotes", self.quote_periods),
            quotes=period.items,
        )

    def briefings_index(self, _subject: None, here: str) -> dict[str, Any]:
        return {}

    def actors_index(self, _subject: None, here: str) -> dict[str, Any]:
        groups = []
        for kind in ACTOR_KINDS:
            members = sorted(
                (p for p in self.corpus.actors.values() if p.category == kind),
                key=lambda p: p.name.lower(),
            )
            if members:
                groups.append((KIND_TITLES[kind], members))
        return {"groups": groups}

    def places_index(self, _subject: None, here: str) -> dict[str, Any]:
        places = sorted(self.corpus.places.values(), key=lambda p: p.name.lower())
        return {"places": places}

    def map_page(self, _subject: None, here: str) -> dict[str, Any]:
        places = sorted(self.corpus.places.values(), key=lambda p: p.name.lower())
        counted = [(p, len(p.appearances)) for p in places]
        places_map = self._map(here, counted, "Places in all briefings", "briefings")
        return {"places": places, "places_map": places_map}

    def tags_page(self, _subject: None, here: str) -> dict[str, Any]:
        """Each tag with its briefings, newest first; spellings of one anchor share a heading."""
        # Dicts as ordered sets: a tag of many briefings is looked up, not scanned.
        tagged: dict[str, tuple[dict[str, None], dict[str, Briefing]]] = {}
        for briefing in self.corpus.briefings:
            for tag in briefing.tags:
                names, briefings = tagged.setdefault(tag_anchor(tag), ({}, {}))
                names.setdefault(tag)
                briefings.setdefault(briefing.path, briefing)
        tags = [
            (list(names), anchor, list(briefings.values()))
            for anchor, (names, briefings) in tagged.items()
        ]
        return {"tags": sorted(tags, key=lambda t: (t[0][0].lower(), t[1]))}

    def plan(self) -> Iterator[tuple[str, str | None, Callable[[], str]]]:
        """Every page of every kind: its path, the hash of its inputs (None: always
        render), and what renders it."""
        for kind in PAGE_KINDS:
            for ident, subject, inputs in kind.pages(self):
                here = kind.path(ident)
                key = None
                if inputs is not None and self.keys is not None:
                    parts, briefings, *profile = inputs
                    key = self.keys.page(
                        *parts, briefings=briefings, profile=bool(profile), path=here
                    )
                yield here, key, partial(self.page, kind, subject, here)

    def page(self, kind: PageKind, subject: Any, here: str) -> str:
        return self._render(kind.template, here, **kind.context(self, subject, here))


# --------------------------------------------------------------------------- page kinds

# What a page's content depends on, for serve's cache: the parts of its key and the
# briefings it draws on, and for an actor's or place's page True (it shows less of
# each: Keys.shown_on_profiles). None: the page reads the whole corpus, always made.
Inputs = (
    tuple[tuple[Any, ...], Iterable[Briefing]]
    | tuple[tuple[Any, ...], Iterable[Briefing], bool]
    | None
)


@dataclass(frozen=True)
class PageKind:
    """One kind of page, declared once: its template, where its pages go, which pages
    there are (each with its subject and its cache inputs), and its context."""

    name: str
    template: str
    path: Callable[[str | None], str]
    pages: Callable[[Renderer], Iterable[tuple[str | None, Any, Inputs]]]
    context: Callable[[Renderer, Any, str], dict[str, Any]]


def _one(_renderer: Renderer) -> Iterator[tuple[str | None, Any, Inputs]]:
    # Index pages read the whole corpus: cheap to render, costly to hash.
    yield None, None, None


def _shown(parts: Callable[[Renderer], list[Any]]) -> Callable[[Renderer], Iterator[Any]]:
    """An index page keyed on exactly what it shows of each actor, place or briefing
    (``parts``), so an edit it does not show leaves it as it was. Listing that is far
    cheaper than rendering the page; a one-off build lists nothing."""

    def pages(renderer: Renderer) -> Iterator[tuple[str | None, Any, Inputs]]:
        yield None, None, ((parts(renderer),), ()) if renderer.keys is not None else None

    return pages


def _actors_shown(r: Renderer) -> list[Any]:
    return [
        (p.id, p.name, p.category, p.latest.role, len(p.appearances))
        for p in r.corpus.actors.values()
    ]


def _places_shown(r: Renderer) -> list[Any]:
    assert r.keys is not None
    return [
        (
            p.id,
            p.name,
            p.category,
            p.country,
            r.keys.summary(p.country) if p.country else "",
            p.coordinates,
            len(p.appearances),
        )
        for p in r.corpus.places.values()
    ]


def _tags_shown(r: Renderer) -> list[Any]:
    return [(b.path, b.id, b.title, b.tags, b.source.published) for b in r.corpus.briefings]


def _periods(kind: str) -> Callable[[Renderer], Iterator[tuple[str | None, Any, Inputs]]]:
    def pages(renderer: Renderer) -> Iterator[tuple[str | None, Any, Inputs]]:
        periods = renderer.timeline_periods if kind == "timeline" else renderer.quote_periods
        if periods[0].key is not None:  # split: the index page lists the pages
            yield None, Period(None, "", []), None
        for period in periods:
            touched = {b.path: b for b, _fact in period.items}.values()
            yield period.key, period, ((kind, period.key), touched) if period.key else None

    return pages


def _briefings(renderer: Renderer) -> Iterator[tuple[str | None, Any, Inputs]]:
    for briefing in renderer.corpus.briefings:
        yield briefing.id, briefing, (("briefing",), [briefing])


def _profiles(page: str) -> Callable[[Renderer], Iterator[tuple[str | None, Any, Inputs]]]:
    def pages(renderer: Renderer) -> Iterator[tuple[str | None, Any, Inputs]]:
        table = renderer.corpus.actors if page == "actor" else renderer.corpus.places
        kept = renderer.cache.touched if renderer.cache is not None else {}
        for profile in table.values():
            before = kept.get((page, profile.id))
            if before is not None and before[0] is profile:
                touched = before[1]  # a profile taken over unchanged draws on the same
            else:
                drawn = {a.briefing.path: a.briefing for a in profile.appearances}
                for pairs in (profile.events, profile.quotes, profile.relations):
                    drawn.update((b.path, b) for b, _fact in pairs)
                touched = list(drawn.values())
            renderer.touched[(page, profile.id)] = (profile, touched)
            yield profile.id, profile, ((page, profile.id, profile.record), touched, True)

    return pages


PAGE_KINDS: tuple[PageKind, ...] = (
    PageKind("home", "home.md.j2", lambda _i: page_path("home"), _one, Renderer.home),
    PageKind(
        "briefings",
        "briefings.md.j2",
        lambda _i: page_path("briefing"),
        _one,
        Renderer.briefings_index,
    ),
    PageKind(
        "actors",
        "actors.md.j2",
        lambda _i: page_path("actor"),
        _shown(_actors_shown),
        Renderer.actors_index,
    ),
    PageKind(
        "places",
        "places.md.j2",
        lambda _i: page_path("place"),
        _shown(_places_shown),
        Renderer.places_index,
    ),
    PageKind(
        "map", "map.md.j2", lambda _i: page_path("map"), _shown(_places_shown), Renderer.map_page
    ),
    PageKind(
        "tags", "tags.md.j2", lambda _i: page_path("tags"), _shown(_tags_shown), Renderer.tags_page
    ),
    PageKind(
        "timeline",
        "timeline.md.j2",
        partial(page_path, "timeline"),
        _periods("timeline"),
        Renderer.timeline,
    ),
    PageKind(
        "quotes", "quotes.md.j2", partial(page_path, "quotes"), _periods("quotes"), Renderer.quotes
    ),
    PageKind(
        "briefing", "briefing.md.j2", partial(page_path, "briefing"), _briefings, Renderer.briefing
    ),
    PageKind(
        "actor", "actor.md.j2", partial(page_path, "actor"), _profiles("actor"), Renderer.profile
    ),
    PageKind(
        "place", "place.md.j2", partial(page_path, "place"), _profiles("place"), Renderer.profile
    ),
)


def _same_relations(
    pairs: list[tuple[Briefing, Relation]],
) -> list[tuple[Relation, list[tuple[Briefing, Relation]]]]:
    """Relations that say the same (from, kind, to), once each, with every briefing
    that says it: the same role in three briefings is one line with three sources."""
    same: dict[tuple[str, str, str], list[tuple[Briefing, Relation]]] = {}
    for briefing, relation in pairs:
        same.setdefault((relation.from_, relation.kind, relation.to), []).append(
            (briefing, relation)
        )
    return [(sources[0][1], sources) for sources in same.values()]


# How many actors an actor's or place's page names as the ones it most often appears with.
COMPANIONS = 5


def _companions(profile: Profile, corpus: Corpus) -> list[str]:
    """The actors that most often share an event or a relation with this actor or place,
    then those that share the most briefings with it (more than one: in a single
    briefing every actor shares it with every other, which says nothing)."""
    facts: Counter[str] = Counter()
    for _briefing, event in profile.events:
        facts.update(i for i in dict.fromkeys(event.actors) if i != profile.id)
    for _briefing, relation in profile.relations:
        facts.update(i for i in dict.fromkeys((relation.from_, relation.to)) if i != profile.id)
    briefings: Counter[str] = Counter()
    for appearance in profile.appearances:
        briefings.update(a.id for a in appearance.briefing.actors if a.id != profile.id)
    found = {i for i in facts if i in corpus.actors}
    found.update(i for i, n in briefings.items() if n > 1)
    ranked = sorted(found, key=lambda i: (-facts[i], -briefings[i], corpus.name_of(i).lower()))
    return ranked[:COMPANIONS]


def _roles_over_time(profile: Profile) -> list[tuple[str, str | None]]:
    """Each role the briefings give, with the first publication date that gave it."""
    since: dict[str, str | None] = {}
    for appearance in reversed(profile.appearances):  # oldest first
        role = appearance.role
        if role and role not in since:
            since[role] = appearance.briefing.source.published
    return list(since.items())


# A year with fewer events than this has no month headings, and runs of such years
# share one heading ("1979–2023"): a heading per lone event is mostly headings.
SPARSE_YEAR = 3


def _merge_sparse_years(years: list[tuple[int, list[Any]]]) -> list[tuple[str, list[Any]]]:
    """Year groups for the timeline: busy years as they are, sparse neighbours merged."""
    groups: list[tuple[str, list[Any]]] = []
    run: list[tuple[int, list[Any]]] = []

    def flush() -> None:
        if run:
            label = str(run[0][0]) if len(run) == 1 else f"{run[0][0]}–{run[-1][0]}"
            entries = [e for _year, months in run for _label, es in months for e in es]
            groups.append((label, [(None, entries)]))
            run.clear()

    for year, months in years:
        if sum(len(entries) for _label, entries in months) < SPARSE_YEAR:
            run.append((year, months))
        else:
            flush()
            groups.append((str(year), months))
    flush()
    return groups


def _by_year_month(events: Iterable[tuple[Briefing, Event]]) -> list[tuple[int, list[Any]]]:
    """Events grouped by year, then by month, each with the article's words for its date.

    Events dated only to a year come first in their year, under no month.
    The article's words are left out when they only repeat the date ("1979").
    Each entry also carries what the timeline's filter matches on.
    """
    years = []
    for year, in_year in groupby(events, key=lambda pair: pair[1].date_value.year):
        months = []
        for month, in_month in groupby(in_year, key=lambda pair: pair[1].date_value.month):
            label = f"{dt.date(year, month, 1):%B %Y}" if month else None
            entries = [
                (
                    b,
                    e,
                    e.when if e.when and e.when.strip() != e.date else None,
                    {
                        "actors": " ".join(e.actors),
                        "places": " ".join(e.places),
                        "tags": " ".join(b.tags),
                    },
                )
                for b, e in in_month
            ]
            months.append((label, entries))
        years.append((year, months))
    return years


def render_site(
    corpus: Corpus,
    templates: Path,
    directory_urls: bool = True,
    cache: RenderCache | None = None,
    jobs: int = 1,
    site_url: str | None = None,
    later: bool = False,
) -> dict[str, str | bytes | Later]:
    """Every generated file of the site: docs-relative path -> content.

    Markdown pages for mkdocs to render, and data exports to copy as they are
    (bytes for a binary one, the SQLite database). With a ``cache`` from the
    previous build, pages whose inputs are unchanged are taken from it rather
    than rendered again. With ``jobs`` > 1 and no cache, a forked child renders
    half the pages (see :func:`briefkit.render.parallel.in_two`). ``site_url``, mkdocs' own,
    makes the exports' links back to the site absolute. ``later``: see ``render_exports``.
    """
    renderer = Renderer(corpus, templates, directory_urls, cache)
    if cache is None and jobs > 1:
        shared = in_two(
            [(path, make) for path, _key, make in renderer.plan()],
            lambda: render_exports(corpus, directory_urls, site_url),
        )
        if shared is not None:
            return shared
    pages: dict[str, str | bytes | Later] = {}
    kept: dict[str, tuple[str, str]] = {}
    rendered: list[str] = []
    for path, key, make in renderer.plan():
        hit = cache.pages.get(path) if cache is not None and key is not None else None
        if hit is not None and hit[0] == key:
            page = hit[1]
        else:
            page = make()
            rendered.append(path)
        pages[path] = page
        if key is not None:
            kept[path] = (key, page)
    if cache is not None:
        cache.pages = kept
        cache.rendered = rendered
        cache.reused = len(pages) - len(rendered)
    pieces = None
    if cache is not None and renderer.keys is not None:
        pieces = Pieces(renderer.keys.context, cache.exports, _digest(directory_urls, site_url))
    pages.update(render_exports(corpus, directory_urls, site_url, pieces, later))
    if cache is not None and pieces is not None:
        cache.exports = pieces.fresh
    if cache is not None and renderer.keys is not None:
        cache.profile_contexts = renderer.keys.kept_profile_contexts
        cache.summaries = renderer.keys.kept_summaries
        cache.contexts = renderer.keys.kept_contexts
        cache.page_keys = renderer.keys.kept_page_keys
        cache.touched = renderer.touched
    return pages

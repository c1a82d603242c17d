"""Reading an article: decoding, syndication metadata, structure and sentence boundaries.

Everything downstream addresses the article by character offsets into
``Article.text``; this module is the only place that decides what those are.
Sentence boundaries are rule-based on purpose: the site build must find them
for every briefing without loading a language model.

Structure (``Article.structure``) is rule-based for the same reason: the lines of
furniture around the story (headline, subheads, bylines, datelines, captions,
credits, corrections, editor's notes, teasers) are recognised by their shape and
keywords, never by names, and ``Article.prose`` is the body with them blanked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import pairwise
from pathlib import Path

from anyascii import anyascii

from briefkit.errors import BriefkitError, Problem
from briefkit.files import read_capped

# "The post TITLE appeared first on OUTLET." closes articles syndicated through
# WordPress feeds. It is metadata, not body text.
_SYNDICATION = re.compile(
    r"^[ \t]*The post (?P<title>.+?) appeared first on (?P<outlet>[^\n]+?)\.?[ \t]*$",
    re.MULTILINE,
)

# Wiki-style news pages (Wikinews) end in their sources, links and categories: page
# apparatus, not story. The block starts at a heading alone on its line (or, where a
# reader joined the lines, right after the last sentence) and runs to the end in
# short lines that are not sentences: citations, links, category names.
# News sites end in the same kind of block: "Related topics", "More on this story".
_FOOTER = re.compile(
    r"(?:^|(?<=[.!?\"”’)]) )(?:Sources|References|External links|Related news|Categories"
    r"|Related [Tt]opics|More on this story|Related [Ss]tories|Related [Cc]overage"
    r"|Most [Rr]ead|Top [Ss]tories)"
    r":?[ \t]*\n",
    re.MULTILINE,
)
_FOOTER_LINE_WORDS = 20


def _footer_line(line: str) -> bool:
    return (
        len(line.split()) <= _FOOTER_LINE_WORDS
        and not line[0].islower()
        and not line.rstrip(_CLOSERS).endswith(tuple(_TERMINAL))
    )


def _footer_start(text: str, end: int) -> int | None:
    """Where a trailing block of sources and categories begins, if the text has one."""
    for match in _FOOTER.finditer(text, 0, end):
        rest = [line.strip() for line in text[match.end() : end].splitlines() if line.strip()]
        if rest and all(_footer_line(line) for line in rest):
            return match.start()
    return None


# Tokens that end in a full stop without ending a sentence.
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "mx",
        "dr",
        "st",
        "sr",
        "jr",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "adm",
        "sgt",
        "cpl",
        "pvt",
        "gov",
        "sen",
        "rep",
        "rev",
        "prof",
        "hon",
        "pres",
        "supt",
        "insp",
        "det",
        "amb",
        "fr",
        "messrs",
        "mmes",
        "inc",
        "corp",
        "co",
        "ltd",
        "llc",
        "plc",
        "bros",
        "dept",
        "est",
        "govt",
        "univ",
        "assn",
        "no",
        "nos",
        "vol",
        "vols",
        "fig",
        "figs",
        "pp",
        "op",
        "ca",
        "approx",
        "vs",
        "etc",
        "al",
        "cf",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "ave",
        "blvd",
        "rd",
        "mt",
        "ft",
        "a.m",
        "p.m",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "u.s.a",
        "d.c",
        "n.y",
        "l.a",
    ]
)

_BOUNDARY = re.compile(
    r"""(?P<end>[.!?…]+)          # sentence-final punctuation
        (?P<close>[\"'”’)\]]*)    # closing quotes or brackets stay with the sentence
        (?P<space>\s+)
        (?=[\"'“‘(\[]?[A-Z0-9])   # the next sentence opens with a capital or digit
    """,
    re.VERBOSE,
)
_LAST_WORD = re.compile(r"([\w.]+)$")


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int


@dataclass
class Article:
    """An article's text and what can be read from it without a model."""

    text: str
    path: str = "<article>"
    title: str | None = None
    outlet: str | None = None
    body_end: int = field(default=-1)
    # The decoded text exactly as given (BOM, CRLF and all): what `add` stores.
    raw: str = field(default="", repr=False)
    # What decoding repaired (bytes that were not UTF-8), at their line and column.
    notes: list[Problem] = field(default_factory=list, compare=False, repr=False)
    # Evidence -> where it stands (or None): see find.
    located: dict[str, tuple[int, int] | None] = field(
        default_factory=dict, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        if self.body_end < 0:
            self.body_end = len(self.text)

    @property
    def body(self) -> str:
        """The text without trailing metadata lines; offsets equal ``text``'s."""
        return self.text[: self.body_end]

    @cached_property
    def structure(self) -> list[Part]:
        """The body's furniture, in text order: see ``find_structure``."""
        return find_structure(self.text, self.body_end)

    @cached_property
    def prose(self) -> str:
        """What extraction parses: ``body`` with furniture blanked (but READ_FOR_NAMES).

        Each blanked character becomes a space (a newline stays a newline), so the
        string has ``body``'s length and every offset into it is an offset into
        ``text``: evidence stays verbatim, and ``article.txt`` is stored as given.
        Blanking (rather than skipping spans in each extractor) keeps furniture out
        of the parse itself, so no component can read a headline as a name or a
        dateline as an event's date, and one new component needs no new rule.
        """
        chars = list(self.body)
        for part in self.structure:
            if part.kind in READ_FOR_NAMES:
                continue
            for i in range(part.start, part.end):
                if chars[i] != "\n":
                    chars[i] = " "
        return "".join(chars)

    @cached_property
    def credited(self) -> list[tuple[int, int]]:
        """Who a credit line names as a picture's maker: what follows its last label
        ("Photo: ... Credit: Jane Doe for The Times" -> "Jane Doe for The Times"), or the
        whole line when it is only an agency ("Getty Images"); and the agency in a wire
        dateline's brackets ("WASHINGTON (Reuters) -"). A name found only here is the
        newsroom's, not an actor of the story."""
        spans = []
        for part in self.structure:
            if part.kind == "dateline":
                # "BRUSSELS (Reuters) -": the agency that filed the story
                spans += [m.span(1) for m in _BRACKETED.finditer(self.text, part.start, part.end)]
            if part.kind != "credit":
                continue
            start = part.start
            for m in _CREDIT_LABEL.finditer(self.text, part.start, part.end):
                start = m.end()
            spans.append((start, part.end))
        return spans

    @cached_property
    def unconfirmed(self) -> list[tuple[int, int]]:
        """Where a name needs the story to confirm it: credits (``credited``), and a
        headline in title case, where every word is capitalised and "Judge Blocks
        State Law" reads as a judge's name. A name found only in these is dropped."""
        spans = list(self.credited)
        for part in self.structure:
            if part.kind == "headline" and title_like(self.text[part.start : part.end]):
                spans.append((part.start, part.end))
        return sorted(spans)

    def is_body(self, offset: int) -> bool:
        """Whether ``offset`` is story text: before ``body_end`` and in no furniture part."""
        if not 0 <= offset < self.body_end:
            return False
        return not any(p.start <= offset < p.end for p in self.structure)

    @cached_property
    def body_sentences(self) -> list[Sentence]:
        """The sentences that hold story text (all of ``sentences`` but furniture).

        ``sentences`` keeps every line, because the site shows the whole article.
        """
        return [s for s in self.sentences if self.is_body(s.start) or self.is_body(s.end - 1)]

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        spans = []
        for m in re.finditer(r"[^\n]+", self.body):
            start, end = m.span()
            while start < end and self.body[start].isspace():
                start += 1
            while end > start and self.body[end - 1].isspace():
                end -= 1
            if start < end:
                spans.append((start, end))
        return spans

    @cached_property
    def sentences(self) -> list[Sentence]:
        out: list[Sentence] = []
        for p_index, (p_start, p_end) in enumerate(self.paragraphs):
            for start, end in split_sentences(self.text, p_start, p_end):
                out.append(Sentence(len(out), start, end, p_index))
        return out

    def find(self, evidence: str) -> tuple[int, int] | None:
        """Where ``evidence`` stands in the text, or None.

        Whitespace may differ: YAML folds long strings, and analysts rewrap them.
        Each evidence is looked for once: validation finds it, and the renderer's
        links reuse what it found.
        """
        if evidence not in self.located:
            self.located[evidence] = self._search(evidence)
        return self.located[evidence]

    def _search(self, evidence: str) -> tuple[int, int] | None:
        start = self.text.find(evidence)
        if start >= 0:
            return start, start + len(evidence)
        words = evidence.split()
        if not words:
            return None
        pattern = r"\s+".join(map(re.escape, words))
        m = re.search(pattern, self.text)
        return m.span() if m else None

    def in_one_sentence(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` lies inside one sentence: evidence the site can
        link to the sentence holding it."""
        sentence = self.sentence_at(start)
        return sentence is not None and end <= sentence.end

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding ``offset``, by binary search."""
        sents = self.sentences
        lo, hi = 0, len(sents)
        while lo < hi:
            mid = (lo + hi) // 2
            if sents[mid].end <= offset:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(sents) and sents[lo].start <= offset < sents[lo].end:
            return sents[lo]
        return None


# One letter, or letters each with its full stop ("j.d.", "e.u."): initials.
_INITIALS = re.compile(r"[^\W\d_](?:\.[^\W\d_])*\.?")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` (one paragraph) into sentence spans."""
    end = len(text) if end is None else end
    spans = []
    cur = start
    for m in _BOUNDARY.finditer(text, start, end):
        if m.group("end") == "." and not m.group("close"):
            before = _LAST_WORD.search(text, cur, m.start())
            word = before.group(1).lower() if before else ""
            # "U.S." and "Mr." do not end sentences; neither do initials ("John F.",
            # "J.D. Vance").
            if word.rstrip(".") in ABBREVIATIONS or _INITIALS.fullmatch(word):
                continue
        boundary = m.start("space")
        spans.append((cur, boundary))
        cur = m.end()
    if cur < end:
        spans.append((cur, end))
    return spans


# --------------------------------------------------------------------------- structure

# The kinds of furniture a plain-text article carries around its story.
PART_KINDS = (
    "headline", "subhead", "byline", "dateline", "caption", "credit", "correction", "note",
    "teaser",
)  # fmt: skip


# Furniture whose names are the article's own: a headline's "Steve Jobs" or a credit's
# photographer is a mention the corpora's gold counts, and the headline's figures are
# the story's. These stay in the parse, for names and figures; dates, events, quotes
# and the summary still skip them (``Article.is_body``).
READ_FOR_NAMES = frozenset({"headline", "credit"})


@dataclass(frozen=True)
class Part:
    """A span of furniture: not story text, and not read by extraction."""

    kind: str
    start: int
    end: int


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_CLOCK = r"\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?|[AP]\.?M\.?)?(?:\s+[A-Z]{2,4})?"
_DAY_DATE = (
    rf"(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
)
# A line that is only a date (with its weekday, a time, or "Updated"): the dateline
# of a web page, "Friday, July 21, 2017". No sentence is only a date.
_DATE_LINE = re.compile(
    rf"(?:(?:Published|Updated|Posted|Last updated|First published)(?: on)?:?\s+)?"
    rf"{_DAY_DATE}(?:,?\s+(?:at\s+)?{_CLOCK})?\.?",
    re.IGNORECASE,
)
_BRACKETED = re.compile(r"\(([^()]+)\)")
# A wire dateline opening the first paragraph: "WASHINGTON (Reuters) - ",
# "KABUL, Afghanistan, July 21 (AP) — ", "BAGHDAD — ", "(Reuters) - ". A place in
# capitals, or any place with an agency in brackets, then a dash: "Smith — the" is
# neither.
_AGENCY = r"\((?:[A-Z][\w.&'’ /-]{0,30})\)"
# "..., July 21", "..., Nov. 6, 2020": the day, and the year some wires add.
_WIRE_DAY = rf"(?:,\s+{_MONTH}\s+\d{{1,2}}(?:,\s+\d{{4}})?)"
_WIRE_DATELINE = re.compile(
    rf"""(?:
        [A-Z][A-Z.'’ -]{{1,40}}(?:,\s+[A-Z][\w.'’ ]{{1,30}}?)?{_WIRE_DAY}?
            \s*(?:{_AGENCY})?
      | [A-Z][\w.'’ -]{{1,40}}?(?:,\s+[A-Z][\w.'’ ]{{1,30}}?)?{_WIRE_DAY}?
            \s*{_AGENCY}
      | {_AGENCY}
    )\s*[-—–]{{1,2}}\s+(?=["“‘']?[A-Z0-9])""",
    re.VERBOSE,
)
# "By Jane Doe", "BY JANE DOE AND JOHN ROE, Associated Press": capitalised words and
# these only. "By the time police arrived" has other lower-case words.
_BYLINE = re.compile(r"(?:By|BY)\s+[A-Z][\w.'’-]*(?:[ ,&|]+[\w.'’-]+)*")
_BYLINE_LOWER = frozenset(
    {"and", "of", "the", "in", "for", "at", "with", "de", "van", "von", "der", "da", "di",
     "du", "le", "la", "bin", "al", "staff", "writer", "writers", "reporter", "reporters",
     "correspondent", "correspondents", "editor", "contributor"}
)  # fmt: skip
# A credit line or sentence: "Photo: Reuters", "Image: United States Navy.", "(Photo
# by Jane Doe/AP)".
_CREDIT = re.compile(
    r"[(\[]?(?:Photo(?:graph)?s?|Images?|Pictures?|Illustrations?|Graphics?|Video|"
    r"Credits?|(?:Photo|Image|Picture) credits?|File photo)(?:\s*:|\s+by\s+|\s*/\s*)"
    r"|(?:Image|Media|Picture|Photo|Video) source,\s",
    re.IGNORECASE,
)


# A line that is only a picture agency's name, as sites print under a photo: "Getty
# Images", "AFP via Getty Images", "Reuters/Jane Doe", "AP Photo/John Roe". The
# agencies of the world's press, not names from any one article.
_AGENCY_CREDIT = re.compile(
    r"(?:AP(?: Photo)?|AFP|Reuters|Getty Images|EPA(?:-EFE)?|PA(?: Media| Wire)?|Bloomberg"
    r"|Shutterstock|Alamy|Xinhua|Anadolu(?: Agency)?|dpa|ANP|NurPhoto|Sipa(?: USA)?"
    r"|Zuma(?: Press)?|SOPA Images|Pool|File)"
    r"(?:\s*(?:/|via|for)\s*[A-Z][\w.'’ &-]*)*\.?"
)
# A web page's own controls, flattened into the text: "Share", "Save article",
# "Listen to this article", "5 min read".
_CHROME = re.compile(
    r"(?:Share(?: this| on \w+)?(?: article| story| page)?|Save(?: article| story| for later)?"
    r"|Print|Email|Comments?|Copy link|Gift(?: this)? article|Follow(?: us)?"
    r"|Listen(?: to this (?:article|story))?(?:\W+\d+ min(?:utes?)?)?|\d+ min(?:ute)?s? read"
    r"|Toggle caption|Hide caption|Show caption|Enlarge this image|Expand)[.:]?",
    re.IGNORECASE,
)
# Who else reported, at the foot of wire copy: "Associated Press writer Jane Doe
# contributed to this report.", "Reporting by Jane Doe; Editing by John Roe". A
# byline at the end: its names are the newsroom's, not the story's.
_CONTRIBUTORS = re.compile(
    r"[(\[]?(?:(?:Additional )?[Rr]eporting by|Writing by|Editing by|Compiled by)\s+[A-Z]"
    r"|[A-Z][^.!?\n]{0,120}\bcontributed (?:reporting|research|to this (?:report|story|article))"
    r"(?: from [A-Z][^.!?\n]{0,40})?[.)\]]*$"
)
# A print edition's stamp at the foot of a web page.
_PRINT_NOTE = re.compile(
    r"A version of this (?:article|story|review|column) appear(?:s|ed) in print", re.IGNORECASE
)


# Any label inside a credit line, where the maker's name begins after it.
_CREDIT_LABEL = re.compile(
    r"(?:\b(?:Photo(?:graph)?s?|Images?|Pictures?|Illustrations?|Graphics?|Video|Credits?)"
    r"(?:\s*:|\s+by\s+)|\bsource,\s)",
    re.IGNORECASE,
)


def credit_label_end(text: str, start: int) -> int | None:
    """Where a credit's label ("Image:", "Photo by ") starting at ``start`` ends, else None."""
    m = _CREDIT.match(text, start)
    return m.end() if m else None


# "Image caption, ...": the label a page reader prints before a photo's caption.
_CAPTION_LABEL = re.compile(r"(?:Image|Media|Photo|Video) caption,\s", re.IGNORECASE)

# Corrections and editor's notes: keyword-led lines, however long (they are about
# the article, not part of its story).
_CORRECTION = re.compile(
    r"[(\[*_]*(?:Corrections?|Clarifications?)\s*[:—–-]"
    r"|[(\[*_]*(?:An earlier version of this|This (?:article|story|report) (?:has been|was) "
    r"(?:corrected|amended))",
    re.IGNORECASE,
)
_NOTE = re.compile(
    r"[(\[*_]*(?:Editor['’]?s['’]? note|Note to (?:readers|editors)|Update|Updated|"
    r"This (?:article|story|report) (?:has been|was) updated)\s*[:—–-]",
    re.IGNORECASE,
)
# Teasers: "READ MORE: ...", "Related: ...", "Advertisement", "Sign up for ...".
_TEASER = re.compile(
    r"(?:READ MORE|Read more|ALSO READ|Also read|RELATED|Related|SEE ALSO|See also|WATCH|"
    r"Watch|LISTEN|Listen|MORE|More on this story)\s*:"
    r"|(?:Advertisement|ADVERTISEMENT|Story continues below(?: advertisement)?)$"
)
_TERMINAL = ".!?…"
_CLOSERS = "\"'”’)]»"
_BULLET = re.compile(r"[-–—•*·▪►]\s|\d{1,2}[.)]\s|[(\[]?[a-z][.)]\s")
_QUOTE_OPEN = "\"'“‘«„"
# A line ending in one of these words is cut mid-sentence (hard-wrapped), not a title.
_FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "but", "with", "by",
     "from", "as", "that", "which", "who", "is", "are", "was", "were", "his", "her", "its",
     "their", "our", "my", "your", "this", "these", "those"}
)  # fmt: skip
# Photo captions say where and when a picture was taken: "(left)", "pictured",
# "from file", or a date with its year ("on October 25, 2022", "in September 2010").
_PHOTO = re.compile(
    rf"\((?:left|right|centre|center|top|bottom|above|below|pictured)\)|\bpictured\b"
    rf"|\bfrom file\b|\bfile photo\b|\b(?:on|in)\s+(?:{_MONTH}\s+)?(?:\d{{1,2}},?\s+)?\d{{4}}\b",
    re.IGNORECASE,
)


def _words(line: str) -> list[str]:
    return re.findall(r"[\w'’.-]+", line)


def _terminated(line: str) -> bool:
    """Whether ``line`` ends as a sentence or a clause does (., !, ?, :, ;, ,, a dash)."""
    core = line.rstrip().rstrip(_CLOSERS)
    return bool(core) and core[-1] in _TERMINAL + ":;,—–-"


def _caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def title_like(line: str) -> bool:
    """Words of four letters or more all capitalised: "Trump Warns Clinton"."""
    long = [w for w in _words(line) if len(w) >= 4 and w[0].isalpha()]
    return bool(long) and all(w[0].isupper() for w in long)


def _byline(line: str) -> bool:
    if not _BYLINE.fullmatch(line) or len(_words(line)) > 12 or line.endswith((".", "!", "?")):
        return False
    rest = _words(line)[1:]
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _BYLINE_LOWER for w in rest)


def _short_unpunctuated(line: str) -> bool:
    """A caption or subhead's shape: two to fifteen words in mixed case, not a sentence.

    Lines in capitals are left to the teaser rule, so an acronym alone ("NATO") stays;
    a quotation or a list item is story text however it ends.
    """
    words = _words(line)
    return (
        2 <= len(words) <= 15
        and not _terminated(line)
        and not _caps(line)
        and line[0] not in _QUOTE_OPEN
        and not _BULLET.match(line)
        and words[-1].lower() not in _FUNCTION_WORDS
    )


def _teaser(line: str, mixed_case_body: bool) -> bool:
    if _TEASER.match(line):
        return True
    # A line in capitals among mixed-case paragraphs: "SIGN UP FOR OUR NEWSLETTER". In
    # an article all in capitals (an old wire), such lines are its story.
    words = [w for w in _words(line) if any(c.isalpha() for c in w)]
    return (
        mixed_case_body
        and _caps(line)
        and len(words) >= 3
        and any(len(w) >= 4 for w in words)
        and not line.rstrip().endswith((".", "!", "?", ".”", '."'))
    )


def _keyword_kind(line: str) -> str | None:
    """The kind of a line its opening words decide, whatever its shape."""
    if _CORRECTION.match(line):
        return "correction"
    if _NOTE.match(line):
        return "note"
    if _byline(line):
        return "byline"
    if _DATE_LINE.fullmatch(line):
        return "dateline"
    if _CREDIT.match(line) and len(_words(line)) <= 20:
        return "credit"
    if _AGENCY_CREDIT.fullmatch(line) and len(_words(line)) <= 8:
        return "credit"
    if _CAPTION_LABEL.match(line):
        return "caption"
    if _CHROME.fullmatch(line):
        return "teaser"
    if _CONTRIBUTORS.match(line) and len(_words(line)) <= 30:
        return "byline"
    if _PRINT_NOTE.match(line):
        return "note"
    return None


def _lines(text: str, end: int) -> list[tuple[int, int]]:
    """Each non-blank line of ``text[:end]``, stripped: (start, end)."""
    spans = []
    for m in re.finditer(r"[^\n]+", text[:end]):
        a, b = m.span()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            spans.append((a, b))
    return spans


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Whether the text is wrapped at a fixed width: paragraphs run on over lines.

    There, a line with no full stop is part of a sentence, so the shape rules (headline,
    subhead, caption) would blank the story; only keyword rules apply. Wrapped text
    shows itself by lines that go on in lower case, or by lines all of a terminal's
    width that mostly do not end a sentence.
    """
    runs_on = unterminated = 0
    for (a, b), (c, _d) in pairwise(lines):
        # Bylines and datelines end without a full stop in any layout.
        if not _terminated(text[a:b]) and _keyword_kind(text[a:b]) is None:
            unterminated += 1
            if text[c].islower():
                runs_on += 1
    narrow = all(b - a <= 100 for a, b in lines[:-1])
    return runs_on >= 2 or (len(lines) >= 6 and narrow and unterminated * 2 > len(lines))


def find_structure(text: str, end: int | None = None) -> list[Part]:
    """The furniture of ``text[:end]``, in order: every span that is not story text.

    Conservative by design: a line is furniture only by a keyword ("By", "Photo:",
    "Correction:", "Editor's note:"), by being only a date, or by its shape where
    the article around it is plainly prose (paragraphs that end in full stops, not
    hard-wrapped). A sentence that ends as a sentence is never furniture by shape.
    """
    end = len(text) if end is None else end
    lines = _lines(text, end)
    if len(lines) < 2:
        return []
    wrapped = _hard_wrapped(text, lines)
    prose_lines = [
        (a, b) for a, b in lines if _terminated(text[a:b]) and len(_words(text[a:b])) > 6
    ]
    # Shape rules need story paragraphs to stand out from: some that end as sentences.
    shaped = not wrapped and bool(prose_lines)
    mixed_case_body = any(not _caps(text[a:b]) for a, b in prose_lines)
    parts: list[Part] = []
    first_story = True  # whether no story paragraph has been seen yet
    for i, (a, b) in enumerate(lines):
        line = text[a:b]
        nxt = text[lines[i + 1][0]] if i + 1 < len(lines) else ""
        kind = _keyword_kind(line)
        if kind is None and _teaser(line, mixed_case_body):
            kind = "teaser"
        if kind is None and shaped and _short_unpunctuated(line) and not nxt.islower():
            kind = _shape_kind(text, parts, line, i)
        if kind is None and shaped and i == 0 and _headline(line, nxt):
            kind = "headline"
        if kind is not None:
            parts.append(Part(kind, a, b))
            continue
        if first_story:
            first_story = False
            m = _WIRE_DATELINE.match(text, a, b)
            if m and len(_words(m.group(0))) <= 10:
                parts.append(Part("dateline", a, m.end()))
        parts += _inline_credits(text, a, b)
    return parts


def _headline(line: str, nxt: str) -> bool:
    """The first line, when it reads as a title: short, no full stop, not cut mid-sentence."""
    words = _words(line)
    core = line.rstrip().rstrip(_CLOSERS)
    return (
        1 <= len(words) <= 25
        and len(line) <= 200
        and bool(core)
        and core[-1] not in ".:;,—–-"
        and line[0] not in _QUOTE_OPEN
        and not _BULLET.match(line)
        and words[-1].lower() not in _FUNCTION_WORDS
        and bool(nxt)
        and not nxt.islower()
    )


def _shape_kind(text: str, parts: list[Part], line: str, index: int) -> str:
    """Which furniture a short line without a full stop is."""
    if index == 0:
        return "headline"
    if _PHOTO.search(line):
        return "caption"
    after_top = parts and all(p.kind in {"headline", "dateline", "byline"} for p in parts)
    if title_like(line) or (after_top and index <= 2):
        return "subhead"
    return "caption"


def _inline_credits(text: str, start: int, end: int) -> list[Part]:
    """Credits run into a paragraph ("... 2022. Image: UK Government. The ..."), and
    the photo captions just before them.

    Web text flattened to plain text keeps a picture's caption and credit inside the
    paragraph it stood in. The credit is found by its keyword; a caption only when it
    is one of the two sentences before a credit and has a caption's shape (a date
    with its year, "(left)", "from file"), so the story's sentences around stay.
    """
    sentences = split_sentences(text, start, end)
    parts: list[Part] = []
    for k, (a, b) in enumerate(sentences):
        sentence = text[a:b]
        if not (_CREDIT.match(sentence) and len(_words(sentence)) <= 8):
            continue
        for ca, cb in sentences[max(k - 2, 0) : k]:
            caption = text[ca:cb]
            if (
                _PHOTO.search(caption)
                and len(_words(caption)) <= 40
                and not any(q in caption for q in '"“”')
                and not any(p.start <= ca < p.end for p in parts)
            ):
                parts.append(Part("caption", ca, cb))
        parts.append(Part("credit", a, b))
    return sorted(parts, key=lambda p: p.start)


def parse_article(raw: str, path: str = "<article>") -> Article:
    """Normalise newlines and read syndication metadata from ``raw``."""
    text = raw.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    title = outlet = None
    body_end = len(text)
    matches = list(_SYNDICATION.finditer(text))
    if matches:
        last = matches[-1]
        # Only a closing line counts: the same words mid-article are body text.
        if not text[last.end() :].strip():
            title = last.group("title").strip()
            outlet = last.group("outlet").strip()
            body_end = len(text[: last.start()].rstrip())
    footer = _footer_start(text, body_end)
    if footer is not None:
        body_end = len(text[:footer].rstrip())
    article = Article(text=text, path=path, title=title, outlet=outlet, body_end=body_end, raw=raw)
    if article.title is None:
        # A syndication line's title is the publisher's own; the headline comes second.
        headline = next((p for p in article.structure if p.kind == "headline"), None)
        if headline is not None:
            article.title = text[headline.start : headline.end]
    return article


# A news article is 5,000 to 20,000 characters; extraction reads 5 MB in minutes. A file
# past this is not an article (a dump, a disk image, /dev/zero through a link).
MAX_ARTICLE_BYTES = 16 * 1024 * 1024


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """Line and column (1-based, in characters) of a byte offset."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    col = len(data[line_start:offset].decode("utf-8", "replace")) + 1
    return data.count(b"\n", 0, offset) + 1, col


def _cp1252(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        # 0x81, 0x8D, 0x8F, 0x90, 0x9D: unused in Windows-1252 too.
        return "\ufffd"


# A lead byte and its continuation bytes: text that is UTF-8 beyond plain ASCII.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def decode(data: bytes, path: str, notes: list[Problem] | None = None) -> str:
    """Article bytes as text: UTF-8, with what is not UTF-8 repaired and said in ``notes``.

    A UTF-8 file with a few stray Windows-1252 bytes (a curly quote pasted from an
    old page) keeps its UTF-8: only those bytes are read as Windows-1252, each one
    reported at its line and column. A file with no UTF-8 in it at all is an old
    Windows-1252 copy, and is read as one, which is said once.
    """
    if b"\x00" in data:
        raise BriefkitError(
            [
                Problem(
                    path,
                    1,
                    1,
                    "this looks like a binary file, not an article: save it as UTF-8 text",
                )
            ]
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first = exc.start
    said = notes if notes is not None else []
    if _UTF8_MULTIBYTE.search(data) is None:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            line, col = _position(data, exc.start)
            raise BriefkitError(
                [
                    Problem(
                        path,
                        line,
                        col,
                        "the text is neither UTF-8 nor Windows-1252: save it as UTF-8",
                    )
                ]
            ) from None
        line, col = _position(data, first)
        said.append(
            Problem(
                path,
                line,
                col,
                "the text is not UTF-8 (the first such byte is here): read it as Windows-1252; "
                "save the file as UTF-8 to be sure",
            )
        )
        return text
    out: list[str] = []
    pos = 0
    bad: list[int] = []
    while True:
        try:
            out.append(data[pos:].decode("utf-8"))
            break
        except UnicodeDecodeError as exc:
            out.append(data[pos : pos + exc.start].decode("utf-8"))
            for offset in range(pos + exc.start, pos + exc.end):
                bad.append(offset)
                out.append(_cp1252(data[offset]))
            pos += exc.end
    for offset in bad[:5]:
        line, col = _position(data, offset)
        char = _cp1252(data[offset])
        said.append(
            Problem(
                path,
                line,
                col,
                f"byte 0x{data[offset]:02X} is not UTF-8: read it as Windows-1252 {char!r}, the "
                "rest as UTF-8; save the file as UTF-8 to be sure",
            )
        )
    if len(bad) > 5:
        line, col = _position(data, bad[5])
        said.append(
            Problem(path, line, col, f"{len(bad) - 5} more bytes that are not UTF-8, read likewise")
        )
    return "".join(out)


def read_article(path: str | Path, inside: Path | None = None) -> Article:
    """The article in a file: a regular file of at most MAX_ARTICLE_BYTES.

    With ``inside`` (the briefings folder), its real path must stay within it.
    What decoding repaired is in ``Article.notes``.
    """
    p = Path(path)
    data = read_capped(p, MAX_ARTICLE_BYTES, inside)
    notes: list[Problem] = []
    article = parse_article(decode(data, str(p), notes), str(p))
    article.notes = notes
    return require_body(article, "paste its text into the file")


def require_body(article: Article, hint: str) -> Article:
    """``article``, or a clear error when it has no text to extract facts from.

    Blank text (or only a syndication line) would give a briefing with no title,
    which the schema refuses: better to say so before the model runs.
    """
    if not article.body.strip():
        raise BriefkitError([Problem(article.path, 1, 1, f"the article is empty: {hint}")])
    return article


_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "and",
        "or",
        "but",
        "with",
        "by",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "its",
    ]
)


_POSSESSIVE = re.compile(r"['’]s\b", re.IGNORECASE)


# Kept: one article asks for the ids of the same names many times.
@lru_cache(maxsize=1 << 16)
def slugify(
    text: str,
    max_words: int = 0,
    drop_stopwords: bool = False,
    end_on: frozenset[str] = frozenset(),
) -> str:
    """An id of lowercase ASCII letters, digits and single hyphens: briefkit's one policy.

    Letters fold to ASCII ("São Paulo" -> ``sao-paulo``, "Tromsø" -> ``tromso``, other
    scripts by transliteration: "Москва" -> ``moskva``), a possessive goes ("Iran’s" ->
    ``iran``), any other run of characters that are not letters or digits is one
    hyphen ("O’Leary" -> ``o-leary``, "Côte d’Ivoire" -> ``cote-d-ivoire``). With
    ``max_words``, the first words; with ``drop_stopwords``, without "the", "of"...
    (unless that leaves none); ``end_on``: words an id may not end on (an event's id
    ends on a content word).
    """
    # An apostrophe would fold to nothing and join its words ("d’Ivoire"): a space first.
    spaced = re.sub(r"['’‘]", " ", _POSSESSIVE.sub("", text))
    words = re.findall(r"[a-z0-9]+", anyascii(spaced).lower())
    if drop_stopwords:
        words = [w for w in words if w not in _STOPWORDS] or words
    if max_words:
        words = words[:max_words]
    while end_on and len(words) > 1 and words[-1] in end_on:
        words.pop()
    return "-".join(words)


def name_owners(names: dict[str, list[str]]) -> dict[str, str]:
    """Each name of two characters or more -> the id it stands for; the first id keeps it."""
    owner: dict[str, str] = {}
    for ident, variants in names.items():
        for variant in variants:
            variant = variant.strip()
            if len(variant) > 1:
                owner.setdefault(variant, ident)
    return owner


@lru_cache(maxsize=256)
def _starts(first_chars: str) -> re.Pattern[str]:
    """Where a name may begin: one of its first characters, not inside a word."""
    return re.compile(rf"(?<![\w-])[{re.escape(first_chars)}]")


def _joins(char: str) -> bool:
    r"""Whether ``char`` right after a name makes it part of a longer word (regex ``[\w$-]``).

    "US$" is a currency, not the United States.
    """
    return char.isalnum() or char in "_$-"


def find_names(
    text: str, names: dict[str, list[str]], end: int | None = None
) -> list[tuple[int, int, str]]:
    """Every non-overlapping mention of the given names: (start, end, id).

    At each place a name may begin, the longest name that is there and ends at a
    word edge wins, so "Iraqi Kurdistan" wins over "Iraqi". What a regex of all the
    names would find, without compiling one per briefing, which cost a tenth of
    rendering.

    This is how the build finds mentions: they are not stored, so fixing an
    alias by hand fixes every page.
    """
    owner = name_owners(names)
    if not owner:
        return []
    end = len(text) if end is None else end
    by_first: dict[str, list[str]] = {}
    for name in sorted(owner, key=len, reverse=True):
        by_first.setdefault(name[0], []).append(name)
    found: list[tuple[int, int, str]] = []
    after = 0
    for m in _starts("".join(sorted(by_first))).finditer(text, 0, end):
        start = m.start()
        if start < after:
            continue
        for name in by_first[text[start]]:
            stop = start + len(name)
            if text.startswith(name, start, end) and (stop >= end or not _joins(text[stop])):
                found.append((start, stop, owner[name]))
                after = stop
                break
    return found

"""Reading an article: decoding, syndication metadata and sentence boundaries.

Everything downstream addresses the article by character offsets into
``Article.text``; this module is the only place that decides what those are.
Sentence boundaries are rule-based on purpose: the site build must find them
for every briefing without loading a language model.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from briefkit.errors import BriefkitError, Problem
from briefkit.files import read_capped

# "The post TITLE appeared first on OUTLET." closes articles syndicated through
# WordPress feeds. It is metadata, not body text.
_SYNDICATION = re.compile(
    r"^[ \t]*The post (?P<title>.+?) appeared first on (?P<outlet>[^\n]+?)\.?[ \t]*$",
    re.MULTILINE,
)

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


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` (one paragraph) into sentence spans."""
    end = len(text) if end is None else end
    spans = []
    cur = start
    for m in _BOUNDARY.finditer(text, start, end):
        if m.group("end") == "." and not m.group("close"):
            before = _LAST_WORD.search(text, cur, m.start())
            word = before.group(1).lower() if before else ""
            # "U.S." and "Mr." do not end sentences; neither does an initial ("John F.").
            if word.rstrip(".") in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        boundary = m.start("space")
        spans.append((cur, boundary))
        cur = m.end()
    if cur < end:
        spans.append((cur, end))
    return spans


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
    return Article(text=text, path=path, title=title, outlet=outlet, body_end=body_end, raw=raw)


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


def slugify(
    text: str,
    max_words: int = 0,
    drop_stopwords: bool = False,
    end_on: frozenset[str] = frozenset(),
) -> str:
    """An id of lowercase ASCII letters, digits and single hyphens: briefkit's one policy.

    Accents fold ("São Paulo" -> ``sao-paulo``), a possessive goes ("Iran’s" ->
    ``iran``), any other run of characters that are not letters or digits is one
    hyphen ("O’Leary" -> ``o-leary``, "Côte d’Ivoire" -> ``cote-d-ivoire``). With
    ``max_words``, the first words; with ``drop_stopwords``, without "the", "of"...
    (unless that leaves none); ``end_on``: words an id may not end on (an event's id
    ends on a content word).
    """
    # An apostrophe would fold to nothing and join its words ("d’Ivoire"): a space first.
    spaced = re.sub(r"['’‘]", " ", _POSSESSIVE.sub("", text))
    folded = unicodedata.normalize("NFKD", spaced)
    words = re.findall(r"[a-z0-9]+", folded.encode("ascii", "ignore").decode("ascii").lower())
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

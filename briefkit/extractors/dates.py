"""Finding date expressions in news text and normalising them to TimeML values.

A rule-based recogniser (regular expressions over the text) finds the
expressions; a hand-written normaliser turns each into a TIMEX3-style value.
spaCy's DATE/TIME entities are not used: their boundaries are unreliable and
they miss relative expressions. The parse is used for one thing only: the
tense of the verb that governs an expression, which decides whether a bare
weekday or month points back from the publication date or forward.

Expressions that name a day by reference ("the day", "the next day") and
clock times without a day are put on the day the story is telling: one named
in the same sentence, else the last day named before, else publication.

Span convention: a governing preposition ("in", "on", "since") is never part
of the span, as in TimeML gold; modifiers that belong to the expression
("last", "early", "the past") are.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Protocol

from briefkit.extractors.nlp import NUMBERED_WORDS, SCHEDULE_VERBS, doc_text, load_model, parse

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Kind = Literal["date", "duration", "set", "time"]
Tense = Literal["past", "present", "future"]


@dataclass(frozen=True)
class DateExpression:
    start: int  # character offsets into the text passed to find_dates
    end: int
    text: str
    kind: Kind
    value: str  # TimeML TIMEX3 value
    resolved: bool  # False when relative and no publication date was given


# --- vocabulary -------------------------------------------------------------

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
UNITS = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W",
    "fortnight": "FN", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
    "century": "CE",
}  # fmt: skip
TIME_UNITS = {"second", "minute", "hour"}
SMALL = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "dozen": 12, "a dozen": 12, "half": 0.5,
    "a half": 0.5, "single": 1,
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "last": -1, "final": -1,
}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
    "seventies": 7, "eighties": 8, "nineties": 9,
}  # fmt: skip

# Holidays by their (case-folded, apostrophe-free) names: a fixed (month, day), or a
# rule for the year. Only names that are one day wherever they are kept.
_HOLIDAYS: list[tuple[str, tuple[int, int] | Callable[[int], dt.date]]] = [
    (r"christmas eve", (12, 24)),
    (r"christmas(?: day)?", (12, 25)),
    (r"boxing day", (12, 26)),
    (r"new years eve", (12, 31)),
    (r"new years day", (1, 1)),
    (r"valentines day|st valentines day", (2, 14)),
    (r"halloween", (10, 31)),
    (r"(?:st|saint) patricks day", (3, 17)),
    (r"bastille day", (7, 14)),
    (r"canada day", (7, 1)),
    (r"australia day", (1, 26)),
    (r"waitangi day", (2, 6)),
    (r"anzac day", (4, 25)),
    (r"guy fawkes night|bonfire night", (11, 5)),
    (r"(?:veterans|remembrance|armistice) day", (11, 11)),
    (r"(?:international )?womens day", (3, 8)),
    (r"earth day", (4, 22)),
    (r"world aids day", (12, 1)),
    (r"easter(?: sunday)?", lambda y: _easter(y)),
    (r"easter monday", lambda y: _easter(y) + dt.timedelta(days=1)),
    (r"good friday", lambda y: _easter(y) - dt.timedelta(days=2)),
    (r"thanksgiving(?: day)?", lambda y: _nth_weekday(y, 11, 3, 4)),
    (r"memorial day", lambda y: _nth_weekday(y, 5, 0, -1)),
    (r"labor day", lambda y: _nth_weekday(y, 9, 0, 1)),
    (r"martin luther king(?: jr)? day", lambda y: _nth_weekday(y, 1, 0, 3)),
]
_HOLIDAY_NAMES = (
    r"Christmas\s+Eve|Christmas(?:\s+Day)?|Boxing\s+Day|New\s+Year['’]s\s+(?:Eve|Day)"
    r"|(?:St\.?\s+)?Valentine['’]s\s+Day|Halloween|(?:St\.?|Saint)\s+Patrick['’]s\s+Day"
    r"|Bastille\s+Day|Canada\s+Day|Australia\s+Day|Waitangi\s+Day|Anzac\s+Day"
    r"|Guy\s+Fawkes\s+Night|Bonfire\s+Night|(?:Veterans['’]?|Remembrance|Armistice)\s+Day"
    r"|(?:International\s+)?Women['’]s\s+Day|Earth\s+Day|World\s+AIDS\s+Day"
    r"|Easter(?:\s+(?:Sunday|Monday))?|Good\s+Friday|Thanksgiving(?:\s+Day)?"
    r"|Memorial\s+Day|Labor\s+Day|Martin\s+Luther\s+King(?:,?\s+Jr\.?)?\s+Day"
)

# --- regular expression pieces ----------------------------------------------

_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
NUMWORD = (
    rf"(?:(?:{_TENS})-(?:{_ONES})|{_TENS}|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    rf"|seventeen|eighteen|nineteen|ten|{_ONES}|(?:a\s+)?hundred|(?:a\s+)?dozen|single)"
)
DIGITS = r"\d{1,3}(?:,\d{3})*(?:\.\d+)?"
NUM = rf"(?:{DIGITS}|{NUMWORD})"
FUZZY = (
    r"(?:several|a\s+few|few|many|some|a\s+couple\s+of|couple\s+of|a\s+number\s+of"
    r"|dozens\s+of|hundreds\s+of|thousands\s+of|numerous|countless|the\s+past\s+few"
    r"|the\s+last\s+few|the\s+next\s+few|recent|more\s+than\s+a\s+few)"
)
UNIT = r"(?:second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ie))"
UNIT_S = rf"{UNIT}s?"
# Words between a count and its unit that leave the duration intact: "six straight days".
DUR_ADJ = (
    r"(?:straight|consecutive|successive|full|whole|long|more|additional|extra|further|"
    r"trading|business|working|calendar|short|record)"
)
MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\."
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR}|(?:Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec)\b)"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAYNUM = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?:1[0-9]{3}|20[0-9]{2}|2100)"
COMMA = r"[ \t]*,?[ \t]*"  # never across a line break: titles sit above datelines
PART = r"(?:morning|afternoon|evening|night)"
CLOCK = (
    r"(?:[012]\d[0-5]\d(?=\s*(?:UTC|GMT|hours|hrs)\b)"  # "0800 UTC"
    r"|\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b|AM\b|PM\b)"
    r"|\d{1,2}:\d{2}\b|noon|midday|midnight)"
)
ZONE = r"(?:\s+(?:local\s+time|[A-Z]{2,4}T\b|UTC|GMT|ET\b|CT\b|PT\b|MT\b))?"
MOD_END = r"(?:the\s+(?:very\s+)?(?:end|beginning|start|middle|rest|remainder|close|turn)\s+of\s+)"
# Case-blind: a sentence may open on it ("Early March", "Late Monday").
MOD = (
    r"(?:(?i:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of"
    r"|the\s+start\s+of|earlier|later)[\s-]+)?"
)

# Hedges that belong to the span of a measure (GUIDE §5: "just over 24 hours ago");
# the value ignores them (TimeML's mod).
HEDGE = (
    r"(?:(?:just\s+|well\s+)?(?:over|under|about|nearly|almost|roughly|around"
    r"|more\s+than|less\s+than|some)\s+(?=(?:\d|a\b|an\b|[a-z]+\s)))?"
)

# The same hedges before a duration; "over" alone is as often "during" ("over two years,
# prices rose"), so it is a hedge only after "in", "for" or "than" ("in over six years").
DUR_HEDGE = (
    r"(?:(?:(?:just\s+|well\s+)(?:over|under)|(?:(?<=\bin\s)|(?<=\bfor\s))over"
    r"|about|nearly|almost|roughly|around|more\s+than|less\s+than|up\s+to|at\s+least)"
    r"\s+(?=(?:\d|a\b|an\b|[a-z]+\s)))?"
)

# Words before a bare four-digit number that make it a year rather than a count.
_YEAR_CONTEXT = re.compile(
    r"(?:\b(?:in|since|by|until|till|of|from|before|after|during|through|throughout|"
    r"between|around|circa|fiscal|early|late|mid|the|year|season|spring|summer|autumn|"
    r"fall|winter|as\s+of|in\s+early|in\s+late|to|and|or)\s*-?\s*|[-–/]\s*)$",
    re.IGNORECASE,
)
# Words after a bare number that make it a count, whatever precedes it.
_COUNT_AFTER = re.compile(
    r"^\s*(?:%|percent|per\b|people|persons|troops|soldiers|miles|km|kilometers|"
    r"kilometres|meters|metres|feet|tons|tonnes|votes|units|dollars|euros|pounds|"
    r"employees|workers|jobs|cars|vehicles|homes|houses|acres|hectares|barrels|"
    r"cases|deaths|members|students|residents|points|shares)\b",
    re.IGNORECASE,
)


# --- helpers ----------------------------------------------------------------


def _num(word: str) -> float | None:
    w = re.sub(r"\s+", " ", word.lower().strip())
    if re.fullmatch(DIGITS, w):
        return float(w.replace(",", ""))
    if w in SMALL:
        return SMALL[w]
    if "-" in w:
        tens, _, ones = w.partition("-")
        if tens in SMALL and ones in SMALL:
            return SMALL[tens] + SMALL[ones]
    return None


def _fmt_num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


def _unit_key(unit: str) -> str:
    u = unit.lower()
    if u.startswith("centur"):
        return "century"
    return u[:-1] if u.endswith("s") else u


def duration_value(n: float | str | None, unit: str) -> str:
    """``P3D``, ``PT5H``, ``PXY`` for a count (None or "X" when unknown) and a unit."""
    key = _unit_key(unit)
    code = UNITS[key]
    count = "X" if n is None or n == "X" else _fmt_num(float(n))
    if key == "fortnight":
        count, code = ("X" if count == "X" else _fmt_num(float(count) * 2)), "W"
    if key == "century":
        code = "CE"
    prefix = "PT" if key in TIME_UNITS else "P"
    return f"{prefix}{count}{code}"


def _month_num(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _iso_week(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    m = year * 12 + (month - 1) + delta
    return m // 12, m % 12 + 1


def _shift(d: dt.date, n: int, unit: str) -> str:
    """The date ``n`` units from ``d`` (negative: before), at that unit's granularity."""
    key = _unit_key(unit)
    if key == "day":
        return (d + dt.timedelta(days=n)).isoformat()
    if key in ("week", "fortnight"):
        return _iso_week(d + dt.timedelta(weeks=n * (2 if key == "fortnight" else 1)))
    if key == "month":
        y, m = _add_months(d.year, d.month, n)
        return f"{y:04d}-{m:02d}"
    if key == "year":
        return f"{d.year + n:04d}"
    if key == "decade":
        return f"{(d.year + 10 * n) // 10:03d}X"
    if key == "century":
        return f"{(d.year + 100 * n) // 100:02d}XX"
    return (d + dt.timedelta(hours=n if key == "hour" else 0)).isoformat()


def resolve_weekday(weekday: int, published: dt.date, tense: Tense | None) -> dt.date:
    """The weekday meant by a bare "on Tuesday" in an article published on ``published``.

    Past tense: the most recent such day, the publication day included. Future
    and present tense (news uses the present for schedules: "talks resume
    Monday"): the next such day, the publication day included.
    """
    diff = (weekday - published.weekday()) % 7
    if tense in ("future", "present"):
        return published + dt.timedelta(days=diff)
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def resolve_month(month: int, published: dt.date, tense: Tense | None) -> int:
    """The year of a bare month ("in July") given the publication date and tense."""
    if tense == "future":
        return published.year if month >= published.month else published.year + 1
    if tense == "present":
        # The nearest occurrence: schedules ("the vote is in November") and states.
        ahead = (month - published.month) % 12
        return (
            published.year
            + (1 if month < published.month and ahead <= 5 else 0)
            - (1 if month > published.month and ahead > 6 else 0)
        )
    return published.year if month <= published.month else published.year - 1


def resolve_month_day(month: int, day: int, published: dt.date, tense: Tense | None) -> int:
    """The year of a month and day with no year ("on Sept. 3")."""
    key = (month, day)
    pub = (published.month, published.day)
    if tense == "future":
        return published.year if key >= pub else published.year + 1
    if tense == "present":
        # The nearest occurrence, measured in a non-leap year.
        target = dt.date(2001, month, min(day, 28))
        today = dt.date(2001, pub[0], min(pub[1], 28))
        if (target - today).days % 365 <= 182:
            return published.year if key >= pub else published.year + 1
        return published.year if key <= pub else published.year - 1
    return published.year if key <= pub else published.year - 1


# --- tense ------------------------------------------------------------------

# Verbs whose infinitive complement describes something still to come.
_FUTURE_HEADS = SCHEDULE_VERBS | {
    "go", "hope", "want", "poise", "seek", "promise", "vow", "pledge", "agree", "decide",
    "threaten", "propose", "look",
}  # fmt: skip
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "going"})
# Verbs whose date is when something will happen, even in the perfect: "has been scheduled for".
_SCHEDULE = frozenset(
    {"schedule", "reschedule", "slate", "plan", "set", "postpone", "delay", "push"}
)


# Adjectives whose infinitive is still to come: "likely to vote", "due to arrive".
_FUTURE_ADJ = frozenset(
    {"likely", "unlikely", "due", "set", "about", "ready", "poised", "bound", "sure", "certain",
     "expected", "scheduled", "slated", "eager", "keen", "determined"}
)  # fmt: skip


def _governing_verb(tok: Token) -> Token | None:
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _finite_tense(verb: Token) -> str | None:
    """The tense of ``verb``'s own clause: past, present, perfect, future, "inf" or None."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX or a.lemma_ in ("will", "shall") for a in auxes):
        return "future"
    if any(a.tag_ == "TO" for a in auxes):
        return "inf"
    if any(a.lower_ in ("would", "'d") for a in auxes) and not any(
        a.lemma_ == "have" for a in auxes
    ):
        # "said the company would close 40 stores by the end of March": the future seen
        # from the telling, not a past ("would have closed" is one)
        return "future"
    for a in auxes:
        if a.lemma_ == "have":
            return "past" if "Past" in a.morph.get("Tense") else "perfect"
        if "Past" in a.morph.get("Tense"):
            return "past"
    for a in auxes:
        if "Pres" in a.morph.get("Tense") or a.tag_ in ("VBZ", "VBP", "MD"):
            return "present"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod", "advcl"):
        return "past"  # a participle modifier: "plans announced in January"
    return None


def _is_future_frame(verb: Token) -> bool:
    """``verb`` heads an infinitive of a verb like "expected" or "plans"."""
    if verb.lemma_ in _FUTURE_HEADS or verb.lower_ in ("likely", "due", "set", "about"):
        for c in verb.children:
            if c.dep_ in ("xcomp", "ccomp") and any(a.tag_ == "TO" for a in c.children):
                return True
    return False


# Passives of these say something is to come: "results are expected in March".
_EXPECTED = frozenset({"expect", "anticipate", "forecast", "predict", "project", "due"})


def _expected(verb: Token) -> bool:
    """ "is expected in March", "are forecast for Friday": a passive of expecting."""
    return verb.lemma_ in _EXPECTED and any(c.dep_ == "auxpass" for c in verb.children)


_UNTIL = re.compile(r"\b(?:until|till)\s+$", re.IGNORECASE)
# "said on Monday she would not run": news puts the day of the telling right after
# its verb, and the small model often hangs it on the reported clause instead.
_SAID_ON = re.compile(
    r"\b(?:said|told\s+\w+|announced|added|wrote|reported|confirmed|revealed|declared)"
    r"\s+(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)
# "since March": the start of a stretch that runs up to now, so a time before now,
# whatever the clause's tense ("requests to testify since March").
_SINCE = re.compile(r"\b(?:ever\s+)?since\s+(?:early\s+|late\s+|mid-?\s*)?$", re.IGNORECASE)
_TIME_MARKS = frozenset({"when", "once", "after", "before", "until", "till", "as"})


def _in_a_clause_of_the_future(verb: Token) -> bool:
    """``verb`` heads a time clause of a future or "would" clause: "(billions would be
    infused) when they opened on Friday" is told in the past but happens after it."""
    if verb.dep_ != "advcl" or not any(
        c.dep_ in ("mark", "advmod") and c.lower_ in _TIME_MARKS for c in verb.children
    ):
        return False
    head = verb.head
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_ == "have" for a in auxes):
        return False  # "would have closed": a past counterfactual
    return _finite_tense(head) == "future" or any(a.lower_ in ("would", "'d") for a in auxes)


def _told_in_simple_past(doc: Doc, start: int, end: int) -> bool:
    """The verb governing ``start:end`` is a simple past ("today closed"), not a perfect
    ("has dropped ... today") nor a present."""
    span = doc.char_span(start, end, alignment_mode="expand")
    verb = _governing_verb(span.root) if span is not None and len(span) else None
    if verb is None:
        return False
    return verb.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" and c.lemma_ != "have"
        for c in verb.children
    )


def _told_in_plain_present(doc: Doc, start: int, end: int) -> bool:
    """The verb governing ``start:end`` is a bare present with no auxiliary and no
    reported clause ("Today, 100,000 Greeks worship the old gods"): a state or habit,
    not a saying of the day ("Today, researchers say that ...")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    verb = _governing_verb(span.root) if span is not None and len(span) else None
    if verb is None or verb.tag_ not in ("VBP", "VBZ"):
        return False
    return not any(c.dep_ in ("aux", "auxpass", "ccomp") for c in verb.children)


def clause_tense(doc: Doc, start: int, end: int) -> Tense | None:
    """The tense of the clause that governs the characters ``start:end`` of ``doc``.

    Announcements count as future: "is expected to travel", "is to be held",
    "an event to be held", "has been scheduled for".
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if _SINCE.search(doc_text(doc), max(0, start - 16), start) or _SAID_ON.search(
        doc_text(doc), max(0, start - 24), start
    ):
        return "past"
    verb = _governing_verb(span.root)
    for _ in range(6):
        if verb is None:
            return None
        # A verb coordinated with another ("travel ... and visit") shares its frame.
        first = verb
        while first.dep_ == "conj" and first.head.pos_ in ("VERB", "AUX"):
            first = first.head
        tense = _finite_tense(verb) or _finite_tense(first)
        if (
            verb is not first
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
            and _finite_tense(first) == "future"
        ):
            # "would close 40 stores and cut 1,200 jobs": a conjunct with no auxiliary of
            # its own shares its first verb's "would" ("cut" tagged as a past is the bare
            # form); not a tense of its own ("had been downloaded ... and accounts")
            tense = "future"
        head = first.head
        if tense in ("past", "present") and _in_a_clause_of_the_future(first):
            return "future"
        if tense == "inf":
            if head.i == first.i:
                return "future"
            if (
                head.lemma_ in _FUTURE_HEADS
                or head.lemma_ == "be"
                or head.pos_ in ("NOUN", "PROPN", "PRON")
                or head.lower_ in _FUTURE_ADJ
            ):
                return "future"
            # "was willing to skip class Thursday": the infinitive is as past as its frame.
            verb = _governing_verb(head)
            continue
        if tense is not None:
            if tense == "future":
                return "future"
            # "has kept the markets closed until Friday", "is suspended until March": a
            # state that lasts until then, and lasts still, ends after the time of writing.
            if tense in ("present", "perfect") and _UNTIL.search(
                doc_text(doc), max(0, start - 8), start
            ):
                return "future"
            if tense in ("present", "perfect") and (
                _is_future_frame(first) or first.lemma_ in _SCHEDULE or _expected(first)
            ):
                return "future"
            return "past" if tense == "perfect" else tense  # type: ignore[return-value]
        if head.i == first.i:
            return None
        verb = _governing_verb(head)
    return None


# --- the recogniser ---------------------------------------------------------


@dataclass
class _Ctx:
    text: str
    published: dt.date | None
    tense: Callable[[int, int], Tense | None]
    # Whether the verb governing start:end is a simple past ("closed", not "has closed").
    simple_past: Callable[[int, int], bool]
    # Whether it is a bare present with no auxiliary ("worship", not "has worshipped").
    plain_present: Callable[[int, int], bool]


Result = tuple[Kind, str, bool] | None  # kind, value, resolved; None rejects the match


class Match(Protocol):
    """What handlers read from a match: ``re.Match`` or a ``_Proxy`` over one."""

    def __getitem__(self, key: str) -> Any: ...
    def group(self, key: int = 0) -> Any: ...
    def groupdict(self) -> dict[str, Any]: ...
    def start(self, key: int | str = 0) -> int: ...
    def end(self, key: int | str = 0) -> int: ...


Handler = Callable[[Match, _Ctx], Result]


class _Proxy:
    """A match with one group renamed; lets a handler serve several shapes."""

    def __init__(self, m: Match, extra: dict[str, str]) -> None:
        self._m = m
        self._extra = extra

    def __getitem__(self, key: str) -> Any:
        if key in self._extra:
            return self._extra[key]
        return self._m[key]

    def group(self, key: int = 0) -> Any:
        return self._m.group(key)

    def groupdict(self) -> dict[str, Any]:
        return {**self._m.groupdict(), **self._extra}

    def start(self, key: int | str = 0) -> int:
        return self._m.start(key)

    def end(self, key: int | str = 0) -> int:
        return self._m.end(key)


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    handle: Handler
    priority: int = 0


def _h_full_date(m: Match, c: _Ctx) -> Result:
    g = m.groupdict()
    month = _month_num(g["month"])
    day = int(re.sub(r"\D", "", g["day"]))
    year = int(g["year"])
    try:
        d = dt.date(year, month, day)
    except ValueError:
        return None
    value = d.isoformat()
    if g.get("part"):
        value += "T" + DAY_PARTS[g["part"].lower()]
    return "date", value, True


def _h_iso(m: Match, c: _Ctx) -> Result:
    try:
        d = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return "date", d.isoformat(), True


def _h_slash(m: Match, c: _Ctx) -> Result:
    """US order, month first: "7/8/07" is July 8, 2007."""
    year = int(m["y"])
    if year < 100:
        year += 2000 if year <= 50 else 1900
    try:
        d = dt.date(year, int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return "date", d.isoformat(), True


def _h_month_day(m: Match, c: _Ctx) -> Result:
    month = _month_num(m["month"])
    day = int(re.sub(r"\D", "", m["day"]))
    if not 1 <= day <= 31:
        return None
    suffix = "T" + DAY_PARTS[m["part"].lower()] if m.groupdict().get("part") else ""
    if c.published is None:
        return "date", f"XXXX-{month:02d}-{day:02d}{suffix}", False
    year = resolve_month_day(month, day, c.published, c.tense(m.start(), m.end()))
    try:
        return "date", dt.date(year, month, day).isoformat() + suffix, True
    except ValueError:
        return None


def _h_month_year(m: Match, c: _Ctx) -> Result:
    return "date", f"{int(m['year']):04d}-{_month_num(m['month']):02d}", True


def _h_month_rel_year(m: Match, c: _Ctx) -> Result:
    month = _month_num(m["month"])
    rel = m["rel"].lower()
    if c.published is None:
        return "date", f"XXXX-{month:02d}", False
    delta = {"last": -1, "this": 0, "next": 1}[rel]
    return "date", f"{c.published.year + delta:04d}-{month:02d}", True


def _h_month(m: Match, c: _Ctx) -> Result:
    word = m["month"]
    start = m.start("month")
    before = c.text[max(0, start - 40) : start]
    after = c.text[m.end() : m.end() + 30]
    if word in ("May", "March"):
        # Names ("Theresa May"), verbs and sentence-initial modals ("May I") need context.
        if not re.search(
            r"\b(?:in|since|by|until|till|of|from|before|after|during|through|early|late|"
            r"mid|last|next|this|that|each|every|until|between|and|or|to)\s*-?\s*$",
            before,
            re.IGNORECASE,
        ) and not (word == "March" and re.search(r"\bfor\s+$", before, re.IGNORECASE)):
            # "planned for March"; not "for May", which is as often a vote for Theresa May.
            return None
        if re.match(r"\s+[A-Z][a-z]", after) and not re.match(rf"\s+{MONTH_FULL}\b", after):
            return None
    rel = m.groupdict().get("rel")
    month = _month_num(word)
    if c.published is None:
        return "date", f"XXXX-{month:02d}", False
    if rel:
        r = rel.lower()
        if r == "last":
            year = c.published.year if month < c.published.month else c.published.year - 1
        elif r == "next":
            year = c.published.year if month > c.published.month else c.published.year + 1
        else:
            year = c.published.year
    else:
        year = resolve_month(month, c.published, c.tense(m.start(), m.end()))
    return "date", f"{year:04d}-{month:02d}", True


# Named days are not the weekday of the publication week: "Black Monday", "Good Friday".
_NAMED_DAY = re.compile(
    r"\b(?:Black|Cyber|Super|Good|Easter|Ash|Palm|Bloody|Holy|Blue|Giving|Fat|Shrove|Whit)"
    r"\s+$"
)


def _h_weekday(m: Match, c: _Ctx) -> Result:
    wd = WEEKDAYS[m["wd"].lower()]
    if _NAMED_DAY.search(c.text, max(0, m.start() - 12), m.start()):
        return None
    part = m.groupdict().get("part")
    suffix = "T" + DAY_PARTS[part.lower()] if part else ""
    clock = m.groupdict().get("clock")
    if clock:
        t = _clock(clock)
        if t is None:
            return None
        suffix = "T" + t
    rel = (m.groupdict().get("rel") or "").lower()
    if c.published is None:
        return "date" if not clock else "time", f"XXXX-WXX-{wd + 1}{suffix}", False
    pub = c.published
    if rel == "last":
        d = pub - dt.timedelta(days=(pub.weekday() - wd) % 7 or 7)
    elif rel == "next":
        d = pub + dt.timedelta(days=(wd - pub.weekday()) % 7 or 7)
    elif rel in ("this", "this coming", "coming"):
        d = pub + dt.timedelta(days=(wd - pub.weekday()) % 7)
    else:
        d = resolve_weekday(wd, pub, c.tense(m.start(), m.end()))
    return "time" if clock else "date", d.isoformat() + suffix, True


def _clock(s: str) -> str | None:
    s = s.strip().lower()
    if s in ("noon", "midday"):
        return "12:00"
    if s == "midnight":
        return "24:00"
    if re.fullmatch(r"\d{4}", s):  # "0800 UTC"
        s = f"{s[:2]}:{s[2:]}"
    mm = re.match(r"(\d{1,2})(?:[:.](\d{2}))?\s*([ap])?", s)
    if not mm:
        return None
    h, minute = int(mm[1]), int(mm[2] or 0)
    if mm[3] == "p" and h < 12:
        h += 12
    if mm[3] == "a" and h == 12:
        h = 0
    if h > 24 or minute > 59:
        return None
    return f"{h:02d}:{minute:02d}"


def _h_clock(m: Match, c: _Ctx) -> Result:
    t = _clock(m["clock"])
    if t is None:
        return None
    rel = (m.groupdict().get("dayref") or "").lower()
    if c.published is None:
        return "time", f"XXXX-XX-XXT{t}", False
    if not rel:
        # Anchored after recognition: on a day named in the same sentence, else publication.
        return "time", f"{_PENDING}T{t}", True
    if rel.startswith("the"):
        # "2:30 the next day": one span (GUIDE §5), a day from the day the story tells.
        offset = -1 if re.search(r"previous|preceding|before", rel) else 1
        return "time", f"{_PENDING}{offset:+d}T{t}", True
    day = c.published
    if rel == "yesterday":
        day -= dt.timedelta(days=1)
    elif rel == "tomorrow":
        day += dt.timedelta(days=1)
    return "time", f"{day.isoformat()}T{t}", True


def _h_year(m: Match, c: _Ctx) -> Result:
    year = int(m["year"])
    if not 1000 <= year <= 2100:
        return None
    before = c.text[max(0, m.start() - 25) : m.start()]
    after = c.text[m.end() : m.end() + 20]
    if _COUNT_AFTER.match(after) or re.match(r"[\d,.]*\d", after):
        return None
    if re.match(r"-[A-Za-z]", after):
        return None  # "a 2000-strong crowd", "a 1000-page report": a count as a modifier
    # "in 2003", "the 1979 hostage crisis", "2008's", "2001-2003"
    ok = bool(_YEAR_CONTEXT.search(before)) or after.startswith(("'s", "’s"))
    # "a 2010 raid": an article before a year that modifies a noun, but not before a
    # count with its unit ("a 1500 metre race", "a 1000 seat hall").
    ok = ok or bool(
        re.search(r"\b[Aa]n?\s+$", before)
        and re.match(r"\s+[a-z]+\b", after)
        and not _UNIT_AFTER.match(after)
    )
    measure = re.match(r"\s+([a-z]+)\b", after)
    ok = ok or bool(measure and measure[1] in _YEAR_OF_MEASURE)
    # "ready for 2012", "not 2015 as hoped", "until at least 2014": a plural count
    # after them ("for 1500 people") is turned away below.
    ok = ok or bool(re.search(r"\b(?:for|not|least)\s+$", before, re.IGNORECASE))
    # "its 1967 debut", "GM's 2008 revenue": a possessed singular thing that the year
    # dates; "its 2000 employees" counts them.
    ok = ok or bool(
        re.search(r"(?:\b(?:its|their|his|her|our)|\w['’]s)\s+$", before, re.IGNORECASE)
        and measure
        and not _UNIT_AFTER.match(after)
        and (not measure[1].endswith("s") or measure[1].endswith(("ss", "is", "us")))
    )
    # A year closing a caption or a citation: "(Photo: Reuters, 2008.)", "from file, 2008."
    ok = ok or bool(re.search(r"[A-Za-z],[ \t]*$", before) and re.match(r"[ \t]*[.;)]", after))
    # News writes counts that open a sentence in words, so digits there are a year:
    # "2007 was the year of the phone".
    ok = ok or bool(
        re.search(r"(?:^|[.!?][\"”’)]*\s+|\n)$", c.text[max(0, m.start() - 3) : m.start()])
        and re.match(r"\s+[a-z]", after)
    )
    # An edition of a named event: "World Cup 2018", "Expo 2016"; but a number inside
    # a longer name is no year: "the Russell 2000 Index", "Windows 2000 Server".
    if not ok and (named := re.search(r"\b([A-Z][A-Za-z]+)\s$", before)):
        # ... but "Local 1520", "Route 1966": an identifier's number, no edition
        ok = named[1] not in NUMBERED_WORDS and not re.match(r"[ \t]+[A-Z]", after)
    if not ok:
        return None
    if re.search(r"[$€£]\s*$|\d[\d,.]*\s*$", before):
        return None
    # "of 1709 schoolchildren" counts; "the 2008 elections" dates.
    nxt = re.match(r"\s+([a-z]+)\b", after)
    if nxt and not re.search(
        r"\b(?:the|a|an|its|their|his|her|our|this|that)\s+$|['’]s\s+$", before, re.IGNORECASE
    ):
        word = nxt.group(1)
        if _counted(word):
            return None
    return "date", f"{year:04d}", True


# Units and measure words after "a NNNN": the number counts them ("a 1500 metre race").
_UNIT_AFTER = re.compile(
    r"\s+(?:metre|meter|mile|km|kilometre|kilometer|foot|feet|yard|acre|hectare|ton|tonne"
    r"|page|seat|bed|room|strong|man|member|word|point|pound|dollar|euro|year|day|hour"
    r"|minute|square|cubic|horsepower|hp|mph|watt|volt|barrel|gallon|litre|liter)s?\b",
    re.IGNORECASE,
)
# Plural nouns a year dates as a point of comparison ("below 2000 levels", "in 2010
# dollars" is a count, so no units of money): never counted things.
_YEAR_OF_MEASURE = frozenset({"levels", "prices", "figures", "rates", "values", "standards",
                              "terms", "estimates", "numbers", "totals"})  # fmt: skip


# Function words ending in "s" that may follow a year: "unveiled in 1999 as ...".
_FUNCTION_S = frozenset({"as", "was", "has", "its", "his", "hers", "ours", "theirs", "yours",
                         "whereas", "unless", "besides", "towards", "afterwards", "perhaps",
                         "always", "plus", "thus", "does", "goes"})  # fmt: skip


def _counted(word: str) -> bool:
    """A four-digit number before ``word`` counts it ("1709 schoolchildren", "2000
    votes"): a plural, save the measures a year dates ("2000 levels") and function
    words ("in 1999 as")."""
    if word in _YEAR_OF_MEASURE:
        return False
    return word.endswith(("people", "children", "men")) or (
        word.endswith("s") and not word.endswith(("ss", "is", "us")) and word not in _FUNCTION_S
    )


_SHORT_YEAR_BEFORE = re.compile(
    r"\b(?:in|since|of|by|from|until|before|after|to|and)\s$", re.IGNORECASE
)


def _h_short_year(m: Match, c: _Ctx) -> Result:
    """ "since '82": the nearest such year not after the publication year."""
    if not _SHORT_YEAR_BEFORE.search(c.text, max(0, m.start() - 7), m.start()):
        return None  # "'82" alone may be a quotation's digits; after "since" it is a year
    yy = int(m["yy"])
    now = c.published.year if c.published else 2000
    year = now - (now - yy) % 100
    return "date", f"{year:04d}", True


def _h_year_range(m: Match, c: _Ctx) -> Result:
    return "date", f"{int(m['year']):04d}", True


def _h_bounded_year(m: Match, c: _Ctx) -> Result:
    """ "early 2009": the year, unless the number counts what follows ("late 2000 votes")."""
    after = c.text[m.end() : m.end() + 20]
    if _COUNT_AFTER.match(after):
        return None
    nxt = re.match(r"\s+([a-z]+)\b", after)
    if nxt and _counted(nxt[1]):
        return None
    return "date", f"{int(m['year']):04d}", True


def _h_year_span(m: Match, c: _Ctx) -> Result:
    first, last = int(m["year"]), int(m["last"])
    if last <= first:
        return None  # "2011-1955" is no span: leave each year to the other rules
    return "date", f"{first:04d}/{last:04d}", True


def _h_two_digit_year_range(m: Match, c: _Ctx) -> Result:
    """ "1957-58": from the first year to the second, which takes the first's century (the
    next one if it rolls over: "1999-00")."""
    first = int(m["year"])
    year = first // 100 * 100 + int(m["short"])
    if year < first:
        year += 100
    if year - first > 10:
        return None  # "1960-85" is seldom a span of years: leave it to the other rules
    return "date", f"{first:04d}/{year:04d}", True


def _h_decade(m: Match, c: _Ctx) -> Result:
    g = m.groupdict()
    if g.get("full"):
        digits = g["full"]
        # "the 1800s" is a century; "the 2000s" in news is the decade of 2000-2009.
        if digits.endswith("00") and digits != "2000":
            return "date", f"{digits[:2]}XX", True
        return "date", f"{digits[:3]}X", True
    if g.get("short") or g.get("short2"):
        tens = int((g.get("short") or g["short2"])[0])
        century = "19" if tens >= 2 else "20"
        return "date", f"{century}{tens}X", True
    if g.get("word"):
        return "date", f"19{DECADE_WORDS[g['word'].lower()]}X", True
    return None


def _h_century(m: Match, c: _Ctx) -> Result:
    g = m.groupdict()
    n = int(g["ord_digits"]) if g.get("ord_digits") else ORDINALS.get(g["ord_word"].lower(), 0)
    if not 1 <= n <= 22:
        return None
    return "date", f"{n - 1:02d}XX", True


_REL_WORDS = {"previous": "last", "preceding": "last", "prior": "last", "before": "last",
              "earlier": "last", "following": "next", "after": "next"}  # fmt: skip


# A season's first month; winter is named by the year of its December (TimeML WI).
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _season_year(code: str, published: dt.date, delta: int) -> int:
    """The year of "this/last/next <season>" told on ``published``: the season going on
    or else this year's for "this"; the last one over for "last" ("last summer" in
    October is the summer just gone); the next one to begin for "next" ("next spring"
    in January is this year's)."""
    start = _SEASON_START[code]

    def begins(year: int) -> dt.date:
        return dt.date(year, start, 1)

    def ends(year: int) -> dt.date:
        y, mo = _add_months(year, start, 3)
        return dt.date(y, mo, 1)

    # The occurrence now under way, if any: winter 2009 runs into February 2010.
    current = next((y for y in (published.year - 1, published.year)
                    if begins(y) <= published < ends(y)), None)  # fmt: skip
    if delta == 0:
        return current if current is not None else published.year
    if delta < 0:
        year = published.year
        while ends(year) > published:
            year -= 1
        return year
    year = published.year - 1
    while begins(year) <= published:
        year += 1
    return year


def _h_rel_unit(m: Match, c: _Ctx) -> Result:
    """ "last week", "this year", "next month", "earlier this week"."""
    rel = m["rel"].lower().split()[-1]
    unit = m["unit"].lower()
    delta = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1,
             "coming": 1}[rel]  # fmt: skip
    if re.match(r"this\s+past", m["rel"], re.IGNORECASE):
        delta = -1
    if unit == "weekend":
        if c.published is None:
            return "date", "XXXX-WXX-WE", False
        pub = c.published
        # ISO weeks run Monday to Sunday, so a weekend shares its week's number.
        if delta == 0 and pub.weekday() < 5 and c.tense(m.start(), m.end()) == "past":
            delta = -1  # "this weekend" told in the past tense on a weekday: the one just gone
        d = pub + dt.timedelta(weeks=delta)
        if delta < 0 and pub.weekday() < 5:
            d = pub - dt.timedelta(days=pub.weekday() + 1)
        return "date", _iso_week(d) + "-WE", True
    if unit in SEASONS:
        code = SEASONS[unit]
        if c.published is None:
            return "date", f"XXXX-{code}", False
        return "date", f"{_season_year(code, c.published, delta):04d}-{code}", True
    if unit == "quarter":
        if c.published is None:
            return "date", "XXXX-QX", False
        q = (c.published.month - 1) // 3 + delta
        year = c.published.year + (q // 4)
        return "date", f"{year:04d}-Q{q % 4 + 1}", True
    if c.published is None:
        placeholder = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX",
                       "year": "XXXX", "decade": "XXXX", "century": "XXXX"}  # fmt: skip
        return "date", placeholder[_unit_key(unit)], False
    return "date", _shift(c.published, delta, unit), True


# "USA TODAY", "Good Morning America Today": the word ends a capitalised name.
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w&.'’-]*\s+)+$")


def _in_a_name(m: Match, c: _Ctx) -> bool:
    """A capitalised day word that closes a run of capitalised words, mid-sentence."""
    word = m.group(0)
    if not word[:1].isupper():
        return False
    before = c.text[max(0, m.start() - 60) : m.start()]
    # At a sentence's start ("Zuckerberg. Yesterday Mohamed ...") it is a date.
    if not before.strip() or before.rstrip()[-1] in '.!?:"“”':
        return False
    run = _NAME_BEFORE.search(before)
    if run is None:
        return False
    opening = before[: run.start()].rstrip()
    return bool(opening) and opening[-1] not in '.!?:\n"“”'


# Nouns that "today's" places in the present age, not on the day: "today's youth".
_AGE_NOUNS = frozenset({"world", "society", "youth", "generation", "economy", "culture",
                        "technology", "children", "families", "standards", "climate",
                        "age", "era", "politics", "media", "industry", "workplace",
                        "consumers", "teenagers", "students", "environment"})  # fmt: skip


def _nowadays(text: str, start: int, end: int) -> bool:
    """ "today" meaning nowadays (TimeML's PRESENT_REF), not the day of writing:
    "today's" before a name or an age noun ("today's GM", "today's youth"), or the
    present in a comparison with the past ("as strong today as it was")."""
    after = text[end : end + 40]
    poss = re.match(r"['’]s\s+(?:(?P<name>[A-Z][\w&.-]*)|(?P<noun>[a-z]+))\b", after)
    if poss:
        return bool(poss["name"]) or poss["noun"] in _AGE_NOUNS
    before = text[max(0, start - 40) : start]
    return bool(re.search(r"\bas\s+\w+\s+$", before) and re.match(r"\s+as\b", after))


_COMPARISON = re.compile(
    r"\b(?:than|compared|unlike|whereas|dropped|fallen|risen|grown|declined|increased"
    r"|decreased|shrunk|doubled|tripled|halved|climbed|slipped)\b",
    re.IGNORECASE,
)
_PAST_YEAR_ADJUNCT = re.compile(rf"\b(?:in|of|from|since)\s+(?P<year>{YEAR})\b")


def _against_a_past_year(text: str, pos: int, published: dt.date) -> bool:
    """ "70 percent of the market in 2009; this has dropped to 56 percent today": the
    present set against a year gone by earlier in the sentence is nowadays, not the day."""
    start = max(0, pos - 200)
    breaks = list(_SENTENCE_BREAK.finditer(text, start, pos))
    if breaks:
        start = breaks[-1].end()
    end = _SENTENCE_BREAK.search(text, pos)
    sentence = text[start : end.start() if end else len(text)]
    # Only a comparison sets the two apart ("has dropped to 56 percent today", "than
    # today"); "who took office in 2009, is today expected to sign" tells of the day.
    return bool(_COMPARISON.search(sentence)) and any(
        int(y["year"]) <= published.year - 2 for y in _PAST_YEAR_ADJUNCT.finditer(text, start, pos)
    )


def _fronted_present(m: Match, c: _Ctx) -> bool:
    """ "Today, about 100,000 Greeks worship the ancient gods": a "Today," that opens
    its sentence before a bare present sets the present age against the past (GUIDE
    §5: "today" meaning nowadays); "the Home Office today rejects" tells of the day."""
    before = c.text[max(0, m.start() - 3) : m.start()].rstrip(" \t")
    opens = not before or before[-1] in '.\n!?"”'
    return opens and c.text[m.end() : m.end() + 1] == "," and c.plain_present(m.start(), m.end())


def _in_quote(text: str, pos: int) -> bool:
    """``pos`` lies inside a direct quotation opened earlier in its paragraph."""
    start = text.rfind("\n", 0, pos) + 1
    before = text[start:pos]
    if before.count("“") > before.count("”"):
        return True
    return before.count('"') % 2 == 1


def _h_deictic(m: Match, c: _Ctx) -> Result:
    word = m["word"].lower()
    part = (m.groupdict().get("part") or "").lower()
    if word in ("today", "tonight", "tomorrow", "yesterday") and _in_a_name(m, c):
        return None
    after = c.text[m.end() : m.end() + 12]
    if word == "now" and re.match(r"\s+and\s+(?:again|then)\b", after, re.IGNORECASE):
        return None  # "every now and again": a frequency word, not the present
    if word == "soon" and re.match(r"\s*(?:after|afterwards?|thereafter|before)\b", after):
        return None  # "soon after": close to another event, not to the time of writing
    if word == "recent":
        # GUIDE §5: the adjective ("a recent poll", "the most recent model") qualifies a
        # thing, as "former" does; only "in recent years" (a fuzzy unit) is a date.
        return None
    if word in ("now", "currently", "at present", "nowadays", "presently", "these days",
                "at the moment", "right now", "at this time", "the present", "present day",
                "present-day", "today's"):  # fmt: skip
        if word == "today's" and c.published is not None:
            return "date", c.published.isoformat(), True
        return "date", "PRESENT_REF", True
    if word in ("recently", "recent", "in the past", "the past", "lately"):
        return "date", "PAST_REF", True
    if word == "the time being":
        return "date", "PRESENT_REF", True
    if word in ("soon", "in the future", "the future", "in future", "later", "the near term",
                "the short term", "the long term", "the medium term",
                "shortly", "eventually"):  # fmt: skip
        return "date", "FUTURE_REF", True
    if word == "today" and not part and _nowadays(c.text, m.start(), m.end()):
        return "date", "PRESENT_REF", True
    if word == "today" and not part and _fronted_present(m, c):
        return "date", "PRESENT_REF", True
    if (
        word == "today"
        and not part
        and c.published is not None
        and _against_a_past_year(c.text, m.start(), c.published)
        and not c.simple_past(m.start(), m.end())
    ):
        return "date", "PRESENT_REF", True
    if word == "today" and not part and c.published is not None and _in_quote(c.text, m.start()):
        # A speaker's "today" is the day the words were said (GUIDE §5 rule 2): the day
        # the story tells around the quote, which is resolved after recognition.
        return "date", _SAID, True
    offset = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "this": 0,
              "last": -1}[word]  # fmt: skip
    suffix = ""
    if word == "tonight":
        suffix = "TNI"
    if part:
        suffix = "T" + DAY_PARTS[part]
        if word == "last" and part != "night":
            return None
        if word == "this" and part == "night":
            suffix = "TNI"
    if c.published is None:
        return "date", f"XXXX-XX-XX{suffix}", False
    return "date", (c.published + dt.timedelta(days=offset)).isoformat() + suffix, True


def _h_ago(m: Match, c: _Ctx) -> Result:
    unit = m["unit"]
    n = _num(m["n"]) if m.groupdict().get("n") else None
    if n is None or not float(n).is_integer():
        return "date", "PAST_REF", True
    key = _unit_key(unit)
    if key == "hour" and n >= 24 and n % 24 == 0:
        # "24 hours ago" in a dated story names a day, as "yesterday" does.
        n, key, unit = n // 24, "day", "days"
    elif key in TIME_UNITS:
        return "date", "PAST_REF", True
    if c.published is None:
        return "date", "XXXX-XX-XX" if key == "day" else "XXXX", False
    sign = 1 if m["dir"].lower() in ("from now", "hence") else -1
    if key in ("decade", "century"):
        # "a decade ago" in 2011 is about 2001, not the 2000s: count back in years.
        years = int(n) * (10 if key == "decade" else 100)
        return "date", f"{c.published.year + sign * years:04d}", True
    return "date", _shift(c.published, sign * int(n), unit), True


# An offset word after "a year": "from $1.5bn a year earlier".
_OFFSET_AFTER = re.compile(r"\s+(?:earlier|later|before|afterwards)\b")


def _h_duration(m: Match, c: _Ctx) -> Result:
    g = m.groupdict()
    unit = g["unit"]
    key = _unit_key(unit)
    if g.get("n"):
        n = _num(g["n"])
        if n is None:
            return None
        # "a second" is an ordinal use far more often than a duration.
        if key == "second" and g["n"].lower() in ("a", "an", "one", "single"):
            return None
        # "a quarter of the vote", "three quarters of its value": fractions.
        if key == "quarter" and (
            g["n"].lower() in ("a", "an")
            or re.match(
                r"\s+of\s+(?:the|its|their|his|her|our|all|those|these|this|that)\b",
                c.text[m.end() : m.end() + 20],
                re.IGNORECASE,
            )
        ):
            return None
        # "a 19 year old", "the 10-year-old browser": an age, a figure if anything.
        if re.search(r"[\s-]old$", m.group(0), re.IGNORECASE):
            return None
        if g.get("half"):
            n += 0.5
        if n == 0.5 and key != "second":
            return None
    else:
        n = None
    if key == "second" and n is None:
        return None
    # "a year" after a count or a price is a rate: "$40 billion a year", "twice a year".
    if g.get("n") and g["n"].lower() in ("a", "an") and not unit.lower().endswith("s"):
        before = c.text[max(0, m.start() - 20) : m.start()]
        # ... or after a count of smaller units: "five days a week", "eight hours a day".
        rate = (
            rf"(?:(?:\d|%|\b(?:times|twice|once|thrice|percent|million|billion|{NUMWORD}\b))\S*\s*"
            r"|\b(?:minute|hour|day|night|week|month)s[ \t]+)$"
        )
        # "from $1.5bn a year earlier": an offset (GUIDE §5: a duration), not a rate.
        if re.search(rate, before) and not _OFFSET_AFTER.match(c.text, m.end()):
            return "set", duration_value(1, unit), True
    return "duration", duration_value(n, unit), True


# Words that make a bare plural unit a length of time after a determiner: "the past years".
_PLURAL_TIME_ADJ = frozenset(
    {"past", "last", "next", "coming", "previous", "following", "recent", "intervening",
     "ensuing", "first", "few", "many"}
)  # fmt: skip
_DETERMINED_PLURAL = re.compile(
    r"\b(?:the|our|my|his|her|their|its|your|those|these)\s+(?P<adj>[a-z]+)\s+$", re.IGNORECASE
)


def _h_plural(m: Match, c: _Ctx) -> Result:
    """Bare plural units: "years of pressure", "for months", "decades"."""
    key = _unit_key(m["unit"])
    if key == "second":
        return None
    before = c.text[max(0, m.start() - 30) : m.start()]
    # "after hours trading" is a time of day's trade, not a length.
    if key == "hour" and re.search(r"\bafter[\s-]$", before, re.IGNORECASE):
        return None
    # "agendas and minutes", "the minutes of the meeting": a record, not a length. Bare
    # "minutes" is time after a preposition or before an offset ("within minutes",
    # "minutes later").
    if key == "minute" and not (
        re.search(r"\b(?:for|within|in|after|just|only|mere|some|than|took|last|lasted|by)\s+$",
                  before, re.IGNORECASE)
        or re.match(r"\s+(?:later|after|before|earlier|ago|away|to|into|long|left)\b",
                    c.text[m.end() : m.end() + 12], re.IGNORECASE)
    ):  # fmt: skip
        return None
    # "the early days of", "our greatest days": a period named by description, which
    # has neither a length nor a value of its own.
    adj = _DETERMINED_PLURAL.search(before)
    if adj and adj["adj"].lower() not in _PLURAL_TIME_ADJ and _num(adj["adj"]) is None:
        return None
    return "duration", duration_value(None, m["unit"]), True


_PAY_CLASS = re.compile(
    r"\s+(?:and\s+salaried\b|(?:workers?|employees?|staff|wages?|pay|rates?|jobs?)\b)",
    re.IGNORECASE,
)


def _h_set(m: Match, c: _Ctx) -> Result:
    word = m["word"].lower()
    simple = {"annually": "P1Y", "annual": "P1Y", "yearly": "P1Y", "weekly": "P1W", "daily": "P1D",
              "nightly": "P1D", "monthly": "P1M", "hourly": "PT1H", "quarterly": "P3M",
              "biweekly": "P2W", "fortnightly": "P2W"}  # fmt: skip
    if word in simple:
        before = c.text[max(0, m.start() - 30) : m.start()]
        if _in_a_name(m, c) or (
            m.group(0)[:1].isupper()
            and (
                re.search(r"\b(?!The\b)[A-Z][\w&.'’-]*\s+$", before)
                or re.match(r"[ \t]+[A-Z]", c.text[m.end() : m.end() + 2])
            )
        ):
            # "LA Weekly", "The Daily Telegraph", "The China Daily newspaper": a title,
            # not a frequency, also where the title opens a sentence.
            return None
        if word == "hourly" and _PAY_CLASS.match(c.text, m.end()):
            return None  # "hourly and salaried workers": how they are paid, no frequency
        return "set", simple[word], True
    return None


def _h_every(m: Match, c: _Ctx) -> Result:
    g = m.groupdict()
    if g.get("wd"):
        return "set", f"XXXX-WXX-{WEEKDAYS[g['wd'].lower()] + 1}", True
    n = _num(g["n"]) if g.get("n") else 1
    if n is None:
        return None
    return "set", duration_value(n, g["unit"]), True


def _h_past_n(m: Match, c: _Ctx) -> Result:
    """ "the past three years", "the last year or so", "the next two weeks": durations."""
    g = m.groupdict()
    n: float | None = 1
    if g.get("n"):
        n = _num(g["n"])
    elif g.get("fuzzy"):
        # "the next couple of years" is two of them (TimeML: P2Y), "a few" is unknown.
        n = 2 if re.match(r"couple", g["fuzzy"], re.IGNORECASE) else None
    elif g["unit"].lower().endswith("s"):
        # "in the coming weeks", "the past months": a plural with no count (GUIDE §5 PXW).
        return "duration", duration_value(None, g["unit"]), True
    if n is None and not g.get("fuzzy"):
        return None
    return "duration", duration_value(n, g["unit"]), True


def _h_season(m: Match, c: _Ctx) -> Result:
    code = SEASONS[m["season"].lower()]
    if m.groupdict().get("year"):
        return "date", f"{int(m['year']):04d}-{code}", True
    if c.published is None:
        return "date", f"XXXX-{code}", False
    tense = c.tense(m.start(), m.end())
    year = c.published.year
    # Northern-hemisphere seasons by their first month.
    first = _SEASON_START[code]
    if tense == "future" and first + 2 < c.published.month:
        year += 1
    elif tense != "future" and first > c.published.month:
        year -= 1
    return "date", f"{year:04d}-{code}", True


def _h_quarter(m: Match, c: _Ctx) -> Result:
    g = m.groupdict()
    ordinal = (g.get("ord") or "").lower()
    q = 4 if ordinal == "final" else ORDINALS.get(ordinal) or int(g.get("qn") or 0)
    if g.get("year"):
        if not 1 <= q <= 4:
            return None
        return "date", f"{int(g['year']):04d}-Q{q}", True
    if c.published is None:
        return "date", f"XXXX-Q{q if 1 <= q <= 4 else 'X'}", False
    current = (c.published.month - 1) // 3 + 1
    year = c.published.year
    if g.get("rel"):
        year += {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
    elif q == -1:  # "the last quarter": the one before the current one
        year, q = (year, current - 1) if current > 1 else (year - 1, 4)
    elif not 1 <= q <= 4:
        return None
    else:
        # A quarter still to come this year is meant unless the clause is past. In the
        # future, a quarter just ended is nearer than next year's ("results for the
        # third quarter will be released next month", written in November).
        tense = c.tense(m.start(), m.end())
        if tense == "future":
            year += q < current and (current - q) >= (4 - current + q)
        elif tense == "past":
            year -= q > current
    return "date", f"{year:04d}-Q{q}", True


def _fiscal_year(g: dict[str, Any], c: _Ctx) -> str:
    """The fiscal year's number, four digits ("FY09" is 2009), or XXXX when not given."""
    digits = g.get("year") or g.get("yy")
    if not digits:
        return "XXXX"
    if len(digits) == 2:
        # The century that puts it nearest the time of writing; firms name the fiscal
        # year they are in, or the next few, as often as past ones.
        now = c.published.year if c.published else 2000
        year = now // 100 * 100 + int(digits)
        if year > now + 5:
            year -= 100
        elif year < now - 94:
            year += 100
        return f"{year:04d}"
    return f"{int(digits):04d}"


def _h_fiscal(m: Match, c: _Ctx) -> Result:
    """ "fiscal 2009", "the third quarter of fiscal 2009", "the fiscal third quarter":
    TimeML's FY values. A fiscal year need not be the calendar year it is named after
    (it may run from October), so neither it nor its quarters are given a calendar
    value; a fiscal quarter with no year stated has none (FYXXXX)."""
    g = m.groupdict()
    year = _fiscal_year(g, c)
    ordinal = (g.get("ord") or "").lower()
    q = 4 if ordinal in ("final", "last") else ORDINALS.get(ordinal) or int(g.get("qn") or 0)
    if not (ordinal or g.get("qn")):
        return ("date", f"FY{year}", True) if year != "XXXX" else None
    if ordinal == "last" and year == "XXXX":
        # "the last fiscal quarter": the one just ended, not the fourth; a firm's fiscal
        # quarters mostly end with calendar ones, so the calendar quarter just ended.
        return _h_quarter(_Proxy(m, {"ord": "last", "qn": None, "year": None, "rel": None}), c)
    if not 1 <= q <= 4:
        return None
    return "date", f"FY{year}-Q{q}", True


def _h_half(m: Match, c: _Ctx) -> Result:
    h = 1 if m["which"].lower() == "first" else 2
    if m.groupdict().get("year"):
        return "date", f"{int(m['year']):04d}-H{h}", True
    if c.published is None:
        return "date", f"XXXX-H{h}", False
    # "of the year" in news is the year of writing, as "this year" is.
    delta = {"last": -1, "next": 1}.get((m.groupdict().get("rel") or "").lower(), 0)
    return "date", f"{c.published.year + delta:04d}-H{h}", True


def _r(pattern: str, handle: Handler, priority: int, flags: int = 0) -> _Rule:
    return _Rule(re.compile(pattern, flags), handle, priority)


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    return dt.date(year, month, (h + ell - 7 * m + 114) % 31 + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``th ``weekday`` of a month (``n`` = -1: the last)."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    y, mo = _add_months(year, month, 1)
    end = dt.date(y, mo, 1) - dt.timedelta(days=1)
    return end - dt.timedelta(days=(end.weekday() - weekday) % 7)


def _holiday(name: str, year: int) -> dt.date:
    key = re.sub(r"[\s.,]+", " ", re.sub(r"['’]", "", name.lower())).strip()
    for pattern, when in _HOLIDAYS:
        if re.fullmatch(pattern, key):
            if isinstance(when, tuple):
                return dt.date(year, *when)
            return when(year)
    raise KeyError(name)


# Capitalised words that may open a sentence before a holiday: "On Christmas Day".
_OPENERS = frozenset({"on", "in", "at", "by", "since", "before", "after", "until", "till",
                      "from", "for", "over", "during", "this", "last", "next", "the", "and",
                      "but", "or", "through", "around"})  # fmt: skip
# Words after a one-word holiday that leave it a day: "Christmas and New Year",
# "Easter this year", "Thanksgiving is", not "Christmas sales".
_AFTER_A_DAY = frozenset({"and", "or", "but", "in", "on", "at", "of", "to", "for", "with",
                          "when", "as", "is", "was", "will", "has", "had", "this", "last",
                          "next", "the", "a", "an", "morning", "afternoon", "evening",
                          "night", "weekend", "week", "day", "eve", "itself", "that",
                          "which", "while", "before", "after", "until", "since", "are",
                          "were", "would", "could", "falls", "fell"})  # fmt: skip


def _h_holiday(m: Match, c: _Ctx) -> Result:
    """A holiday is its day in the year the tense points to, as a month and day is."""
    name = m["holiday"]
    before = c.text[max(0, m.start() - 30) : m.start()]
    prev = re.search(r"([A-Z][\w.'’-]*)\s+$", before)
    if prev and prev[1].lower() not in _OPENERS and not re.search(r"[.!?:\n]\s*\S+\s+$", before):
        return None  # "Johnnie Christmas": a surname
    # Past a coordinated name ("Christmas and New Year sales") to the word it modifies.
    nxt = re.match(
        r"(?:\s+(?:and|or)(?:\s+[A-Z][\w'’]*)+)?\s+([a-z]+)\b", c.text[m.end() : m.end() + 40]
    )
    if " " not in name.strip() and nxt and nxt[1] not in _AFTER_A_DAY:
        return None  # "Christmas sales", "Easter eggs": the season's goods, not its day
    if c.published is None:
        return "date", "XXXX-XX-XX", False
    pub = c.published
    day = _holiday(name, pub.year)
    tense = c.tense(m.start(), m.end())
    if tense == "future" and day < pub:
        day = _holiday(name, pub.year + 1)
    elif tense == "past" and day > pub:
        day = _holiday(name, pub.year - 1)
    return "date", day.isoformat(), True


def _h_week_of_month(m: Match, c: _Ctx) -> Result:
    """ "the first week of May": ISO weeks belong to the month of their Thursday, so the
    first such week holds the month's first Thursday and the last its last Thursday."""
    month = _month_num(m["month"])
    if m["year"]:
        year = int(m["year"])
    elif c.published is None:
        return "date", "XXXX-WXX", False
    else:
        year = resolve_month(month, c.published, c.tense(m.start(), m.end()))
    first = dt.date(year, month, 1)
    thursday = first + dt.timedelta(days=(3 - first.weekday()) % 7)
    ordinal = m["ord"].lower()
    if ordinal in ("last", "final"):
        y, mo = _add_months(year, month, 1)
        end = dt.date(y, mo, 1) - dt.timedelta(days=1)
        thursday = end - dt.timedelta(days=(end.weekday() - 3) % 7)
    else:
        thursday += dt.timedelta(weeks=ORDINALS[ordinal] - 1)
    return "date", _iso_week(thursday), True


def _h_same_period(m: Match, c: _Ctx) -> Result:
    """ "the same month a year ago": resolved after recognition on the last month,
    quarter, week or day the story named."""
    if c.published is None:
        return "date", "XXXX", False
    return "date", f"{_SAME}{-1 if m['last'] else 1:+d}", True


def _h_previous(m: Match, c: _Ctx) -> Result:
    """ "the following year", "the month before": one unit from the time the story tells,
    resolved after recognition (see ``_anchor_references``)."""
    rel = _REL_WORDS[(m["rel"] or m["rel2"]).lower()]
    unit = (m["unit"] or m["unit2"]).lower()
    if c.published is None:
        return _h_rel_unit(_Proxy(m, {"rel": rel, "unit": unit}), c)
    return "date", f"{_CHAINED}{unit}{-1 if rel == 'last' else 1:+d}", True


def _h_that_unit(m: Match, c: _Ctx) -> Result:
    """ "that year", "the same month": the unit the story last named (delta 0), resolved
    after recognition as "the following year" is."""
    unit = m["unit"].lower()
    if c.published is None:
        return "date", {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX"}[unit], False
    return "date", f"{_CHAINED}{unit}+0", True


def _h_period_of(m: Match, c: _Ctx) -> Result:
    return _h_rel_unit(_Proxy(m, {"rel": "this"}), c)


def _h_rel_season(m: Match, c: _Ctx) -> Result:
    # "this past summer" is the last one; _h_rel_unit reads the last word of "rel".
    rel = "last" if re.search(r"\bpast\b", m.group(0), re.IGNORECASE) else m.group(0).split()[0]
    return _h_rel_unit(_Proxy(m, {"rel": rel, "unit": m["season"].lower()}), c)


def _h_word(m: Match, c: _Ctx) -> Result:
    return _h_deictic(_Proxy(m, {"word": re.sub(r"\s+", " ", m["word"].lower())}), c)


def _h_and_a_half(m: Match, c: _Ctx) -> Result:
    return _h_duration(_Proxy(m, {"half": " and a half"}), c)


# "that day", "the same day": a day named only by the one the story tells. It dates an
# event, but has no value of its own (GUIDE §5, as "the same time"). A bare "the day"
# the recogniser takes ("to end the day at 7,114", "for the day,", "later in the day.")
# is the current day of the account, a required date (GUIDE §5, as "the year").
_DAY_BY_REFERENCE = re.compile(r"(?:the\s+same|that(?:\s+same)?)\s+day", re.I)


def has_a_value_of_its_own(d: DateExpression) -> bool:
    """Whether ``d`` is a date expression of its own, not only an anaphor for a day."""
    return _DAY_BY_REFERENCE.fullmatch(d.text) is None


def _h_that_day(m: Match, c: _Ctx) -> Result:
    """A day named by reference to the one the story is telling: resolved after recognition."""
    rel = (m.groupdict().get("rel") or m.groupdict().get("rel2") or "").lower()
    offset = {"next": 1, "following": 1, "after": 1, "previous": -1, "preceding": -1,
              "before": -1}.get(rel, 0)  # fmt: skip
    if c.published is None:
        return "date", "XXXX-XX-XX", False
    return "date", f"{_PENDING}{offset:+d}", True


def _h_two_days_off(m: Match, c: _Ctx) -> Result:
    if c.published is None:
        return "date", "XXXX-XX-XX", False
    return "date", _shift(c.published, -2 if m["before"] else 2, "day"), True


def _h_trading_part(m: Match, c: _Ctx) -> Result:
    """ "in morning trading": that part of the day the story tells, resolved after
    recognition as a clock time with no day is."""
    part = DAY_PARTS[m["part"].lower()]
    if c.published is None:
        return "time", f"XXXX-XX-XXT{part}", False
    return "time", f"{_PENDING}+0T{part}", True


def _h_count(m: Match, c: _Ctx) -> Result:
    return _h_duration(m, c) if m["n"] else _h_fuzzy(m, c)


_QUARTER_ORD = r"(?:first|second|third|fourth|final|last)"


def _rules() -> list[_Rule]:
    """The recogniser. Where matches overlap the longest wins, then the higher priority."""
    i = re.IGNORECASE
    no_year_after = r"(?![ \t]*,?[ \t]*\d{4})"
    return [
        # "Wednesday, September 11, 2024", "Sept. 11, 2024", "11 September 2024"
        _r(
            rf"\b(?:{WEEKDAY}{COMMA})?(?P<month>{MONTH})\s+(?P<day>{DAYNUM})\b\.?{COMMA}"
            rf"(?P<year>{YEAR})\b(?:\s+(?P<part>{PART}))?",
            _h_full_date,
            9,
        ),
        _r(
            rf"\b(?:{WEEKDAY}{COMMA})?(?P<day>{DAYNUM})\s+(?P<month>{MONTH})\.?{COMMA}"
            rf"(?P<year>{YEAR})\b",
            _h_full_date,
            9,
        ),
        _r(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b", _h_iso, 9),
        _r(r"\b(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)?\d{2})\b", _h_slash, 9),
        # "July 2024", "early July 2024", "July of 2024"
        _r(
            rf"\b{MOD}(?P<month>{MONTH}){COMMA}(?:of\s+)?(?P<year>{YEAR})\b(?!\s*[-–]\s*\d)",
            _h_month_year,
            8,
        ),
        # "Sept. 3", "Wednesday, September 11", "3 September", "the 3rd of September"
        _r(
            rf"\b(?:{WEEKDAY}{COMMA})?(?P<month>{MONTH})\s+(?P<day>{DAYNUM})\b(?![,.]?\d)"
            rf"{no_year_after}(?:\s+(?P<part>{PART}))?",
            _h_month_day,
            7,
        ),
        _r(
            rf"\b(?:the\s+)?(?P<day>{DAYNUM})\s+(?:of\s+)?(?P<month>{MONTH_FULL})\b{no_year_after}",
            _h_month_day,
            7,
        ),
        # "July last year", "last July", "early July", "July"
        _r(
            rf"\b(?P<month>{MONTH_FULL})\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b",
            _h_month_rel_year,
            8,
        ),
        _r(
            rf"\b(?:(?P<rel>(?i:last|next|this))\s+|{MOD})(?P<month>{MONTH_FULL})\b(?!\s+\d)",
            _h_month,
            5,
        ),
        # "Wednesday", "last Tuesday", "Wednesday night", "Tuesday at 3 p.m.", "3 p.m. Tuesday"
        _r(
            # Case-blind words before it: "Last Tuesday" may open a sentence.
            rf"\b(?:(?P<rel>(?i:last|next|this\s+coming|this|coming))\s+|(?i:early|late)\s+)?"
            rf"(?P<wd>{WEEKDAY})(?:\s+(?P<part>{PART}))?(?:\s+at\s+(?P<clock>{CLOCK}){ZONE})?",
            _h_weekday,
            6,
        ),
        _r(rf"\b(?P<clock>{CLOCK}){ZONE}\s+(?:on\s+)?(?P<wd>{WEEKDAY})", _h_weekday, 7),
        _r(
            rf"(?<![\w:])(?P<clock>{CLOCK}){ZONE}(?:\s+(?P<dayref>yesterday|today|tomorrow"
            r"|the\s+(?:next|following|previous|preceding)\s+day|the\s+day\s+(?:before|after)))?",
            _h_clock,
            5,
        ),
        # Year ranges: "2001-2003", "2001–03", "2000 - 2050"
        _r(rf"(?<![\d,.$])(?P<year>{YEAR})(?=\s*[-–]\s*(?:{YEAR}|\d\d)\b)", _h_year_range, 4),
        _r(rf"(?:(?<=[-–])|(?<=[-–]\s))(?P<year>{YEAR})\b", _h_year, 3),
        # "1955-2011": one span of two years, written as one token (GUIDE §5).
        _r(
            rf"(?<![\d,.$])(?P<year>{YEAR})[-–](?P<last>{YEAR})\b(?![-–/.,:]\d)",
            _h_year_span,
            5,
        ),
        # "1957-58", "2014–15": one span of two years, written as one token (GUIDE §5).
        _r(
            rf"(?<![\d,.$])(?P<year>{YEAR})[-–](?P<short>[0-9]{{2}})\b(?![-–/.,:]\d)",
            _h_two_digit_year_range,
            5,
        ),
        # Decades and centuries: "the 1980s", "the '80s", "the eighties", "the 19th century"
        _r(
            # "'80s" needs no "the" (a word boundary cannot open on its apostrophe); a
            # bare "80s" does, with or without "early": "in his early 30s" is an age.
            rf"(?:\b(?:the\s+)?{MOD}|(?<![\w'’])(?=['’][0-9]0s\b))"
            rf"(?:(?P<full>(?:1[0-9]|20)[0-9]0)'?s\b|(?:'|’)(?P<short>[0-9]0)s\b"
            r"|(?:(?<=\bthe\s)|(?<=\bthe\searly\s)|(?<=\bthe\slate\s)|(?<=\bthe\smid-))"
            r"(?P<short2>[2-9]0)s\b"
            r"|(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)",
            _h_decade,
            6,
            i,
        ),
        _r(
            rf"\b(?:the\s+)?{MOD}(?:(?P<ord_digits>\d{{1,2}})(?:st|nd|rd|th)"
            r"|(?P<ord_word>[a-z]+(?:-[a-z]+)?))[\s-]+century\b",
            _h_century,
            6,
            i,
        ),
        # Quarters and halves: "the third quarter of 2009", "Q3", "the first half of 2024"
        _r(
            r"\b(?:the\s+)?(?:(?P<ord>first|second|third|fourth|final|last)[\s-]+quarter"
            rf"|Q(?P<qn>[1-4]))(?:\s+(?:of\s+)?(?:(?P<year>{YEAR})|(?P<rel>last|this|next)\s+year))?\b",
            _h_quarter,
            6,
            i,
        ),
        _r(
            rf"\b(?:the\s+)?(?P<which>first|second)\s+half\s+of\s+(?:(?P<year>{YEAR})"
            r"|(?P<rel>this|last|next|the)\s+year)\b",
            _h_half,
            6,
            i,
        ),
        # Fiscal years and their quarters: "fiscal 2009", "FY09", "the 2010 fiscal year",
        # "the fiscal third quarter", "the third quarter of fiscal 2009", "fiscal Q3".
        _r(
            rf"\b(?:(?i:fiscal(?:\s+year)?|financial\s+year)\s+(?P<year>{YEAR})"
            rf"|FY\s?(?:(?P<year2>{YEAR})|(?P<yy>\d\d))"
            rf"|(?i:the)\s+(?P<year3>{YEAR})\s+(?:fiscal|financial)\s+year)\b",
            lambda m, c: _h_fiscal(_Proxy(m, {"year": m["year"] or m["year2"] or m["year3"]}), c),
            7,
        ),
        _r(
            r"\b(?:the\s+)?(?:(?:fiscal(?:\s+year)?|financial\s+year)[\s-]+"
            rf"(?:(?P<year>{YEAR})\s+)?(?:(?P<ord>{_QUARTER_ORD})[\s-]+quarter|Q(?P<qn>[1-4]))"
            rf"|(?P<ord2>{_QUARTER_ORD})[\s-]+(?:fiscal|financial)[\s-]+quarter)"
            rf"(?:\s+of\s+(?:the\s+)?(?:(?:fiscal(?:\s+year)?|financial\s+year)\s+)?(?P<year2>{YEAR}))?\b"
            rf"|\b(?:the\s+)?(?:(?P<ord3>{_QUARTER_ORD})[\s-]+quarter|Q(?P<qn2>[1-4]))\s+(?:of\s+)?"
            rf"(?:the\s+)?(?:fiscal(?:\s+year)?|financial\s+year)\s+(?P<year3>{YEAR})\b",
            lambda m, c: _h_fiscal(
                _Proxy(
                    m,
                    {
                        "year": m["year"] or m["year2"] or m["year3"],
                        "ord": m["ord"] or m["ord2"] or m["ord3"],
                        "qn": m["qn"] or m["qn2"],
                    },
                ),
                c,
            ),
            7,
            i,
        ),
        # Seasons: "summer 2024", "last winter", "in the spring"; not "Arab Spring"
        _r(
            rf"\b(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<year>{YEAR})\b",
            _h_season,
            6,
            i,
        ),
        _r(
            r"\b(?:this\s+past|this|last|next|past)\s+(?P<season>spring|summer|autumn|fall|winter)\b",
            _h_rel_season,
            6,
            i,
        ),
        _r(
            r"(?<![A-Z][a-z]\s)(?<![A-Z][a-z]{2}\s)(?<![A-Z][a-z]{3}\s)\b(?:(?:early|late)\s+)?"
            r"(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter)\b(?!\s+(?:of\s+)?\d)(?!-)",
            _h_season,
            4,
        ),
        # "last week", "this year", "earlier this month", "the end of last year"
        _r(
            rf"\b(?:(?:earlier|later|early|late)\s+)?(?:{MOD_END})?"
            r"(?P<rel>last|this\s+past|this|next|current|coming)\s+"
            r"(?P<unit>week|month|year|weekend|decade|century|quarter)\b",
            _h_rel_unit,
            6,
            i,
        ),
        # "this years festival": a possessive that lost its apostrophe. Only after "this":
        # "in coming weeks" is a stretch of time, not the coming week.
        _r(
            r"\b(?P<rel>this)\s+(?P<unit>week|month|year)s(?=\s+(?!(?:we|they|i|he|she|it|you"
            r"|the|a|an|and|or|of|in|to|ago|have|has|had|were|are|is)\b)[a-z]+\b)",
            _h_rel_unit,
            6,
            i,
        ),
        # "over the weekend": the nearest one, by tense, as "this weekend"
        _r(r"\bthe\s+(?P<unit>weekend)\b", _h_period_of, 5, i),
        # "the day before yesterday": two days from the reference, one span
        _r(
            r"\bthe\s+day\s+(?:(?P<before>before\s+yesterday)|after\s+tomorrow)\b",
            _h_two_days_off,
            9,
            i,
        ),
        # "in morning trading", "a late afternoon session": a part of the market's day
        _r(
            r"\b(?:(?:early|late|mid)[\s-]+)?(?P<part>morning|afternoon|evening)"
            r"(?=[\s-]+(?:trading|trade|session|dealings|deals)\b)",
            _h_trading_part,
            4,
            i,
        ),
        # "the same day", "that day", "the next day": the day the story is telling
        _r(
            r"\b(?:(?P<same>the\s+same|that(?:\s+same)?)\s+day|the\s+(?P<rel>next|following"
            r"|previous|preceding)\s+day|the\s+day\s+(?P<rel2>before|after)\b(?!\s+\w+ing\b)"
            r"|the\s+day(?=\s*(?:[,.;:!?)\"”]|$|\s+(?:at|with|down|up|higher|lower|flat"
            r"|unchanged|and|but)\b)))\b",
            _h_that_day,
            8,
            i,
        ),
        # "since '82", "the class of '05"
        _r(
            r"(?<=\s)['’](?P<yy>\d\d)\b(?!s)",
            _h_short_year,
            4,
            i,
        ),
        # "that year", "the same month": the one the story last named. Not "that year's"
        # budget (a possessive is as often this year's) nor "the same week as".
        _r(
            r"\b(?:that|the\s+same)\s+(?P<unit>year|month|week)\b(?!['’]s|\s+as\b|\s+a\s+year)",
            _h_that_unit,
            6,
            i,
        ),
        # "the previous year", "the year before": one unit from the publication date
        _r(
            r"\bthe\s+(?:(?P<rel>previous|preceding|prior|following)\s+(?P<unit>week|month|year)"
            r"|(?P<unit2>week|month|year)\s+(?P<rel2>before|previous|earlier|after))\b",
            _h_previous,
            6,
            i,
        ),
        # "the last week of March": the ISO week holding that Thursday of the month
        _r(
            r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|last|final)\s+week\s+of\s+"
            rf"(?P<month>{MONTH_FULL})(?:{COMMA}(?P<year>{YEAR}))?\b",
            _h_week_of_month,
            8,
        ),
        # "the same period last year": the period last mentioned, a year before
        _r(
            r"\bthe\s+same\s+(?:period|month|quarter|week|day|time)\s+(?:of\s+)?"
            r"(?:(?P<last>(?:the\s+)?(?:last|previous|prior|preceding)\s+year|a\s+year\s+"
            r"(?:ago|earlier|before)|the\s+year\s+before)|(?P<next>next\s+year))\b",
            _h_same_period,
            8,
            i,
        ),
        # "the year-earlier period", "the year-ago quarter": the same, in Reuters' words
        _r(
            r"\bthe\s+(?P<last>year[\s-](?:ago|earlier|before))\s+(?:period|quarter|month|week)\b",
            _h_same_period,
            8,
            i,
        ),
        # Holidays: "Christmas Eve", "Easter Monday", "Thanksgiving", "Bastille Day"
        # ... but not inside a name: "Easter Island", "the Christmas Carol Service".
        _r(
            rf"\b(?P<holiday>{_HOLIDAY_NAMES})(?![-\w])"
            rf"(?!\s+(?!{MONTH_FULL}|{WEEKDAY})[A-Z][a-z])",
            _h_holiday,
            8,
        ),
        # "by year end", "at month-end": the end of the current one (TimeML's mod END)
        _r(r"\b(?:the\s+)?(?P<unit>year|month)[\s-]end\b", _h_period_of, 5, i),
        # "the end of the year", "the beginning of the month"
        _r(rf"\b{MOD_END}(?P<rel>the|this)\s+(?P<unit>week|month|year)\b", _h_period_of, 5, i),
        # Durations counted back or ahead: "the past three years", "the last year or so"
        _r(
            r"\bthe\s+(?:past|last|next|coming|first)\s+"
            rf"(?:(?P<n>{NUM})\s+|(?P<fuzzy>few|several|many|couple\s+of)\s+)?"
            # "the past five trading days": the words of a count go with it here too
            rf"(?:{DUR_ADJ}\s+)?(?P<unit>{UNIT_S})(?:\s+or\s+so)?\b",
            _h_past_n,
            7,
            i,
        ),
        # "two days ago", "a year ago", "three years from now"
        _r(
            rf"\b{HEDGE}(?:(?P<n>{NUM}|an?|a\s+few|several|many)\s+)?(?P<unit>{UNIT_S})\s+"
            r"(?P<dir>ago|from\s+now|hence)\b",
            _h_ago,
            7,
            i,
        ),
        # Deictic words: "yesterday", "tonight", "this morning", "now", "recently"
        _r(
            # "earlier today" is one span (GUIDE §5), on the day of "today"
            r"\b(?:(?:earlier|later)\s+)?(?P<word>yesterday|today|tomorrow|tonight)"
            r"(?:\s+(?P<part>morning|afternoon|evening|night))?\b(?!-)",
            _h_deictic,
            5,
            i,
        ),
        _r(
            r"\b(?:(?:earlier|later)\s+)?(?P<word>this|last)\s+(?P<part>morning|afternoon|evening"
            r"|night)\b",
            _h_deictic,
            5,
            i,
        ),
        _r(
            # Not "formerly", "previously", "once": they place a state before another
            # event, not before the time of writing.
            r"\b(?P<word>now|currently|nowadays|presently|recently|recent"
            r"|at\s+present|these\s+days|right\s+now|(?:in\s+)?the\s+past|(?:in\s+)?the\s+future"
            r"|soon|the\s+time\s+being|the\s+(?:near|short|long|medium)\s+term)\b(?!-)",
            _h_word,
            3,
            i,
        ),
        # "at the moment", "for the moment": the present (GUIDE §5: span "the moment");
        # not "at the moment of impact" nor "at the moment the plane landed".
        _r(
            r"(?:(?<=\b[Aa]t\s)|(?<=\b[Ff]or\s))(?P<word>the\s+moment)\b"
            r"(?=\s*[,.;:!?)\"”]|\s+(?!(?:when|that|of|the|a|an|he|she|it|they|we|you|his|her|its"
            r"|their|this|these|those)\b)[a-z])",
            lambda m, c: ("date", "PRESENT_REF", True),
            4,
        ),
        # Sets: "annually", "every week", "each Monday"
        _r(
            r"\b(?P<word>annually|annual|yearly|weekly|daily|nightly|monthly|hourly|quarterly"
            r"|biweekly|fortnightly)\b",
            _h_set,
            4,
            i,
        ),
        _r(
            rf"\b(?:every|each|per)\s+(?:(?P<wd>{WEEKDAY})|(?:(?P<n>{NUM})\s+)?(?P<unit>{UNIT_S}))\b"
            r"(?!\s+(?:ago|before|after|later|earlier))",
            _h_every,
            6,
            i,
        ),
        # "two and a half years"; "between 60 and 90 days": the first count shares the unit
        _r(
            rf"\b{DUR_HEDGE}(?P<n>{NUM})\s+and\s+a\s+half[\s-]+(?P<unit>{UNIT_S})\b",
            _h_and_a_half,
            6,
            i,
        ),
        _r(
            rf"\b(?P<n>{NUM})(?=\s*(?:and|to|or|-|–)\s*{NUM}[\s-]+(?:{DUR_ADJ}\s+)?"
            rf"(?P<unit>{UNIT_S})\b)",
            _h_duration,
            3,
            i,
        ),
        # Durations: "three-day", "two years", "a few hours", "six straight days"
        _r(
            rf"\b{DUR_HEDGE}(?:(?P<n>{NUM}|an?)|(?P<fuzzy>{FUZZY}))[\s-]+(?:{DUR_ADJ}\s+)?"
            rf"(?P<unit>{UNIT_S}|quarters)(?P<half>\s+and\s+a\s+half)?(?:[\s-]+(?:old|long))?\b",
            _h_count,
            5,
            i,
        ),
        _r(
            r"\b(?P<unit>years|months|decades|weeks|days|hours|centuries|minutes)\b",
            _h_plural,
            1,
            i,
        ),
        # A bare year, kept only in a date-like context (see _h_year)
        _r(rf"(?<![\w$€£.,:/-])(?P<year>{YEAR})(?![\w%]|[.,]\d|[-–/]\d)", _h_year, 2),
        # "early 2009", "mid-2011", "early in 2016", "the end of 2009": the boundary is
        # inside the span (GUIDE §5) and leaves the value the year (TimeML's mod).
        _r(
            rf"\b(?:(?:early|late|mid)(?:[\s-]+|\s+in\s+)|{MOD_END})"
            rf"(?P<year>{YEAR})(?![\w%]|[.,]\d|[-–/]\d)",
            _h_bounded_year,
            3,
            i,
        ),
    ]


def _h_fuzzy(m: Match, c: _Ctx) -> Result:
    key = _unit_key(m["unit"])
    if key == "second" and not m["unit"].lower().endswith("s"):
        return None
    fuzzy = m["fuzzy"].lower()
    if fuzzy == "recent":
        # "in recent years" places things before now without a length: TimeML's PAST_REF.
        return "date", "PAST_REF", True
    return "duration", duration_value(None, m["unit"]), True


_RULES = _rules()
_PENDING = "XXXX-XX-XX"
# A quoted "today": the day the story tells around the quote, never after publication.
_SAID = f"{_PENDING}said"
# "the following year": a unit and an offset, to count from the last time mentioned.
_CHAINED = "XXXX-REF-"
# "the same period last year": the last period finer than a year, some years away.
_SAME = "XXXX-SAME"
_FINER_THAN_YEAR = re.compile(r"\d{4}-(?:\d\d(?:-\d\d)?|Q[1-4]|H[12]|W\d\d)$")
# The value a time mentioned before must have to anchor a chained unit: a year anchors
# "the following year", but only a month or finer "the previous month".
_ANCHORS = {
    "year": re.compile(r"\d{4}(?:$|-)"),
    "month": re.compile(r"\d{4}-\d\d(?:$|-)"),
    "week": re.compile(r"\d{4}-(?:\d\d-\d\d|W\d\d)"),
}
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
# A date that bounds the period the story tells ("the quarter, which ended December 30")
# is not that period, so no anchor for "the same period last year".
_ENDS_A_PERIOD = re.compile(
    r"\b(?:ended|ending|ends|began|beginning|begins|started|starting|through|until|till"
    r"|since|from|(?:months?|weeks?|days?|year|quarter|period)\s+to)\s+(?:on\s+)?$",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n")


# A date after these words bounds a period ("since March 3") rather than telling of a day.
_BOUNDARY = re.compile(r"\b(?:since|until|till|by|before|after)\s+(?:the\s+)?$", re.IGNORECASE)


def story_day(text: str, found: list[DateExpression], i: int, published: dt.date) -> dt.date:
    """The day expression ``i`` is told on: a day named in its sentence, else the last day
    the story named before it, else the day of publication.

    News tells one day at a time: "On Friday the index fell ... to end the day at 7,000"
    and "polls closed at 22:30" are on the day last named, not the day of writing.

    ``found`` is in article order and its expressions do not overlap, as ``find_dates``
    returns them. So the nearest day named on either side is the only candidate there:
    a farther one is farther away, with any sentence break of the nearer one between.
    Looking no farther keeps a long article's dating linear in its length.
    """
    d = found[i]
    # A quoted "tomorrow" is the speaker's day, not the narration's: "'I dread looking at
    # Wall Street tomorrow,' Reid said ... lost ground at midday" is midday of the story.
    # A quote's own "today" is still told on the narration's day.
    narrated = not _in_quote(text, d.start)

    def tells(j: int) -> bool:
        return _names_a_day(text, found[j]) and not (narrated and _in_quote(text, found[j].start))

    before = next((j for j in range(i - 1, -1, -1) if tells(j)), None)
    after = next((j for j in range(i + 1, len(found)) if tells(j)), None)
    best: tuple[int, str] | None = None
    for j in (before, after):  # the earlier wins a tie
        if j is None:
            continue
        other = found[j]
        lo, hi = (d.end, other.start) if other.start >= d.end else (other.end, d.start)
        if not _SENTENCE_BREAK.search(text, lo, hi) and (best is None or hi - lo < best[0]):
            best = (hi - lo, other.value[:10])
    if best:
        return dt.date.fromisoformat(best[1])
    if before is not None:
        return dt.date.fromisoformat(found[before].value[:10])
    return published


def _names_a_day(text: str, d: DateExpression) -> bool:
    """A calendar day the story tells of: not one that bounds a period ("since May 3")."""
    if d.kind not in ("date", "time") or not _DAY_VALUE.match(d.value):
        return False
    return not _BOUNDARY.search(text, max(0, d.start - 12), d.start)


def _anchor_references(
    text: str, found: list[DateExpression], published: dt.date
) -> list[DateExpression]:
    """Give clock times with no day of their own, and "that day", the day the story tells."""
    out = list(found)
    for i, d in enumerate(out):
        if d.value.startswith(_SAME):
            out[i] = dataclasses.replace(d, value=_same_period(text, out, i, published))
            continue
        if d.value.startswith(_CHAINED):
            value = _chained_value(out, i, published)
            unknown = {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX"}
            if value is None:
                unit = d.value[len(_CHAINED) : -2]
                out[i] = dataclasses.replace(d, value=unknown[unit], resolved=False)
            else:
                out[i] = dataclasses.replace(d, value=value)
            continue
        if not (d.resolved and d.value.startswith(_PENDING)):
            continue
        rest = d.value[len(_PENDING) :]
        day = story_day(text, out, i, published)
        if d.value == _SAID:
            out[i] = dataclasses.replace(d, value=min(day, published).isoformat())
            continue
        if d.kind == "time":
            shift, _, clock = rest.partition("T")
            value = (day + dt.timedelta(days=int(shift or 0))).isoformat() + "T" + clock
        else:  # "+0", "+1", "-1": "that day", "the next day", "the day before"
            value = (day + dt.timedelta(days=int(rest))).isoformat()
        out[i] = DateExpression(d.start, d.end, d.text, d.kind, value, True)
    return out


def _same_period(text: str, found: list[DateExpression], i: int, published: dt.date) -> str:
    """ "the same period last year": the last period finer than a year the story named,
    moved by whole years. A day that only bounds a period ("the three months to June
    30") is not the period: with no other, the value is the year of that bound, moved."""
    delta = int(found[i].value[len(_SAME) :])
    bound: str | None = None
    for j in range(i - 1, -1, -1):
        e = found[j]
        if e.kind != "date" or not _FINER_THAN_YEAR.match(e.value):
            continue
        if _ENDS_A_PERIOD.search(text, max(0, e.start - 16), e.start):
            bound = bound or e.value
            continue
        if e.value[4:] == "-02-29":
            break
        return f"{int(e.value[:4]) + delta:04d}{e.value[4:]}"
    year = int(bound[:4]) if bound else published.year
    return f"{year + delta:04d}"


def _chained_value(found: list[DateExpression], i: int, published: dt.date) -> str | None:
    """ "the following year" after "in 2001" is 2002: a unit counted from the last time
    the story mentioned at that unit or finer (as HeidelTime does for news), else from
    publication; None when a coarser time was mentioned since, which the anchor may not
    lie in ("a hearing last month ... the following week")."""
    rest = found[i].value[len(_CHAINED) :]
    unit, delta = rest[:-2], int(rest[-2:])
    anchor = _ANCHORS[unit]
    coarser: str | None = None  # the nearest time mentioned, when it is too coarse
    for j in range(i - 1, -1, -1):
        v = found[j].value
        if found[j].kind != "date" or not _ANCHORS["year"].match(v):
            continue
        if not anchor.match(v):
            coarser = coarser or v
            continue
        if coarser is not None and not v.startswith(coarser):
            return None
        if unit == "year":
            return _shift(dt.date(int(v[:4]), 1, 1), delta, unit)
        if unit == "month":
            return _shift(dt.date(int(v[:4]), int(v[5:7]), 1), delta, unit)
        if v[5] == "W":
            return _shift(dt.date.fromisocalendar(int(v[:4]), int(v[6:8]), 1), delta, unit)
        return _shift(dt.date.fromisoformat(v[:10]), delta, unit)
    if coarser is not None and not published.isoformat().startswith(coarser):
        return None
    return _shift(published, delta, unit)


def _other_year(value: str, delta: int) -> str:
    """A YYYY-MM or YYYY-MM-DD value moved by whole years (February 29 falls to the 28th)."""
    year = int(value[:4]) + delta
    if value[4:] == "-02-29":
        return f"{year:04d}-02-28"
    return f"{year:04d}{value[4:]}"


_RANGE_LINK = re.compile(r"\s*(?:to|through|thru|until|till|and|-|–|—)\s*$", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)


def _order_ranges(text: str, found: list[DateExpression]) -> list[DateExpression]:
    """ "from January 23 through March 9": a range starts before it ends.

    Each end is resolved on its own, by tense; a start without a year that lands
    after its end is the same day a year earlier, an end that lands before its
    start the same day a year later.
    """
    out = list(found)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.kind != "date" or b.kind != "date" or not (a.resolved and b.resolved):
            continue
        if not _RANGE_LINK.fullmatch(text, a.end, b.start):
            continue
        if not _RANGE_OPEN.search(text, max(0, a.start - 10), a.start):
            continue
        if not (re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", a.value) and len(a.value) == len(b.value)):
            continue
        if a.value <= b.value:
            continue
        if not re.search(r"\d{4}", a.text):
            out[i] = dataclasses.replace(a, value=_other_year(a.value, -1))
        elif not re.search(r"\d{4}", b.text):
            out[i + 1] = dataclasses.replace(b, value=_other_year(b.value, 1))
    return out


# A dateline: a line of its own holding a full date, under the title.
# Month first ("Friday, July 21, 2017", "Jul. 21, 2017") or day first, as British and
# European outlets write it ("Friday 21 July 2017").
_DATELINE = re.compile(
    rf"^[ \t]*(?:{WEEKDAY}{COMMA})?(?:(?P<month>{MONTH})\s+(?P<day>{DAYNUM})\.?"
    rf"|(?P<day2>{DAYNUM})\s+(?P<month2>{MONTH})\.?){COMMA}(?P<year>{YEAR})[ \t]*$",
    re.MULTILINE,
)
_DATELINE_SLACK = dt.timedelta(days=3)


def dateline_day(text: str, published: dt.date) -> dt.date:
    """The story's reference day: the dateline's date where it is within a few days of
    ``published`` (GUIDE §5: the dateline is the reference, not a feed's publication
    stamp, which can lag it by a day or two); else ``published``. A dateline far from
    ``published`` is more likely a misplaced or wrong one than a late stamp."""
    m = _DATELINE.search(text, 0, min(len(text), 400))
    if m is None or text.count("\n", 0, m.start()) > 2:
        return published
    try:
        month, number = m["month"] or m["month2"], m["day"] or m["day2"]
        day = dt.date(int(m["year"]), _month_num(month), int(re.sub(r"\D", "", number)))
    except ValueError:
        return published
    return day if abs(day - published) <= _DATELINE_SLACK else published


_BARE_MONTH = re.compile(rf"(?:(?:early|late|mid)[\s-]+)?{MONTH}(?:\s+{DAYNUM})?\.?")
_HAS_YEAR = re.compile(rf"\b{YEAR}\b")
_FRONTED = re.compile(
    r"[\"“‘(]?(?:(?:then|later|and|but|by|from|until|in|on|early|late)\s+)*", re.IGNORECASE
)


def _narrative_years(
    text: str,
    found: list[DateExpression],
    published: dt.date,
    tense: Callable[[int, int], Tense | None],
) -> list[DateExpression]:
    """A month without a year, told in the past right after a year of history, is in
    that year: "He founded the firm in 1976. In March he hired ..." is March 1976.

    The reference time moves with the narrative (as HeidelTime's does for narratives):
    the last year the text wrote out, when it is at least two years before publication,
    no other date came between, and at most one sentence break separates them.
    """
    out = list(found)
    moved: set[int] = set()  # a month put in a year of history carries it on
    for i in range(1, len(out)):
        d, prev = out[i], out[i - 1]
        if d.kind != "date" or not re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", d.value):
            continue
        if not _BARE_MONTH.fullmatch(d.text) or prev.kind != "date":
            continue
        year = _HAS_YEAR.search(prev.text) or (i - 1 in moved)
        if not year or not re.match(r"\d{4}", prev.value):
            continue
        y = int(prev.value[:4])
        breaks = list(_SENTENCE_BREAK.finditer(text, prev.end, d.start))
        if y > published.year - 2 or len(breaks) > 1:
            continue
        # Across a sentence break only a fronted time ("... in 1976. In March he ...")
        # carries the story on; "Sales rose in March" may be news of this year.
        if breaks and not _FRONTED.fullmatch(text, breaks[0].end(), d.start):
            continue
        if tense(d.start, d.end) != "past":
            continue  # "since 2003 ... as of February, the store accounts for": today's
        value = f"{y:04d}{d.value[4:]}"
        if value.endswith("-02-29"):
            continue
        out[i] = dataclasses.replace(d, value=value)
        moved.add(i)
    return out


_DAY_LINK = r"(?:and|or|&|to|through|thru|until|till|-|–)"
# "May 5 and 6": a day number after a month's day, sharing its month (and its year).
_NEXT_DAY = re.compile(
    rf"[ \t]*,?[ \t]*{_DAY_LINK}[ \t]+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
    rf"(?![.,:]?\d|[ \t]*(?:%|percent|{MONTH}\b))(?P<year>{COMMA}{YEAR}\b)?"
)
# "5 and 6 May": a day number before one, sharing its month.
_PREV_DAY = re.compile(rf"(?<![\d.,:$])\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?[ \t]+{_DAY_LINK}[ \t]+$")
_MONTH_FIRST = re.compile(rf"(?:{WEEKDAY}{COMMA})?{MONTH}\s+{DAYNUM}$")
_DAY_FIRST = re.compile(rf"(?:the\s+)?{DAYNUM}\s+(?:of\s+)?{MONTH_FULL}")


_JOINED_DAY = re.compile(r"[-–](?P<day>[0-3]?\d)\b(?![-–/.,:]?\d)")


def _valid_day(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _coordinated_days(text: str, found: list[DateExpression]) -> list[DateExpression]:
    """The bare day number of "on May 5 and 6" or "from 5 to 9 May" is a date of its own,
    in the month (and year) of the day it is joined to; a range of them is two spans."""
    out = list(found)
    for d in found:
        if d.kind != "date" or not _DAY_VALUE.fullmatch(d.value):
            continue
        spans: list[tuple[int, int, str]] = []
        if _MONTH_FIRST.fullmatch(d.text):
            joined = _JOINED_DAY.match(text, d.end)
            if joined and int(joined["day"]) > int(d.value[8:]):
                # "May 5-6": a range written as one token is one span (GUIDE §5).
                end = f"{d.value[:8]}{int(joined['day']):02d}"
                if _valid_day(end):
                    i = out.index(d)
                    out[i] = DateExpression(
                        d.start, joined.end(), text[d.start : joined.end()], "date",
                        f"{d.value}/{end}", True,
                    )  # fmt: skip
                continue
            m = _NEXT_DAY.match(text, d.end)
            noun = m and re.match(r"\s+([a-z]+)\b", text[m.end("day") : m.end("day") + 20])
            if noun and (
                noun[1] in ("people", "men", "women", "children")
                or (noun[1].endswith("s") and noun[1] not in _FUNCTION_S)
            ):
                m = None  # "on March 3 and 20 people came": a count
            if m:
                value = d.value
                if m["year"]:
                    value = f"{int(m['year'][-4:]):04d}{value[4:]}"
                    out = [
                        dataclasses.replace(e, value=value) if e is d else e
                        for e in out
                        if not (e.start >= m.start("year") and e.end <= m.end("year"))
                    ]
                spans.append((m.start("day"), m.end("day"), value))
        elif _DAY_FIRST.fullmatch(d.text):
            m = _PREV_DAY.search(text, max(0, d.start - 20), d.start)
            if m:
                spans.append((m.start("day"), m.start("day") + len(m.group(0).split()[0]), d.value))
        for start, end, value in spans:
            if any(e.start < end and start < e.end for e in out):
                continue
            day = int(re.sub(r"\D", "", text[start:end]))
            try:
                other = dt.date(int(value[:4]), int(value[5:7]), day).isoformat()
            except ValueError:
                continue
            out.append(DateExpression(start, end, text[start:end], "date", other, True))
    out.sort(key=lambda e: e.start)
    return out


# "the 1970s and 80s": a bare decade joined to one takes its century (GUIDE §5 decades).
_NEXT_DECADE = re.compile(
    r"[ \t]+(?:and|or|to|through|into|-|–)[ \t]+(?P<span>(?:the[ \t]+)?"
    r"(?:(?:early|late|mid)[ \t-]+)?['’]?(?P<tens>[0-9])0s)\b",
    re.IGNORECASE,
)
_DECADE_VALUE = re.compile(r"\d{3}X")


def _coordinated_decades(text: str, found: list[DateExpression]) -> list[DateExpression]:
    """The second decade of "the 70s and 80s" is a date of its own, in the century of the
    first one, or the next when it would come before it ("the 90s and 00s")."""
    out = list(found)
    for d in found:
        if d.kind != "date" or not _DECADE_VALUE.fullmatch(d.value):
            continue
        m = _NEXT_DECADE.match(text, d.end)
        if m is None or any(e.start < m.end() and m.start("span") < e.end for e in out):
            continue
        first = int(d.value[:3]) * 10
        year = first // 100 * 100 + int(m["tens"]) * 10
        if year < first:
            year += 100
        start, end = m.start("span"), m.end("span")
        out.append(DateExpression(start, end, text[start:end], "date", f"{year // 10:03d}X", True))
    out.sort(key=lambda e: e.start)
    return out


# "the morning of September 3": the part of that day, one span (TimeML).
_PART_OF = re.compile(rf"\b(?:the\s+)?(?P<part>{PART})\s+of\s+$", re.I)


def _parts_of_days(text: str, found: list[DateExpression]) -> list[DateExpression]:
    out = []
    for d in found:
        m = _PART_OF.search(text, max(0, d.start - 24), d.start)
        if m and d.kind == "date" and _DAY_VALUE.fullmatch(d.value):
            part = DAY_PARTS[m["part"].lower()]
            d = DateExpression(
                m.start(), d.end, text[m.start() : d.end], d.kind, f"{d.value}T{part}", d.resolved
            )
        out.append(d)
    return out


def _title_end(text: str) -> int:
    """Where a headline on the first line ends; 0 when the text opens on prose (a first
    line ending a sentence, or no line break near the start)."""
    end = text.find("\n", 0, 200)
    if end <= 0:
        return 0
    line = text[:end].rstrip()
    return 0 if not line or line[-1] in '.!?"”' else end


def _title_as_body(title_end: int, found: list[DateExpression]) -> list[DateExpression]:
    """A headline's relative date ("Teachers strike Monday") is the one the story tells
    in the same words ("will strike on Monday"): the body has the tense the headline
    style drops. ``title_end`` is where the headline ends (see _title_end)."""
    if not title_end:
        return found
    body = {d.text.lower(): d.value for d in found if d.start > title_end and d.resolved}
    out = []
    for d in found:
        if d.end <= title_end and not _HAS_YEAR.search(d.text) and d.text.lower() in body:
            d = dataclasses.replace(d, value=body[d.text.lower()])
        out.append(d)
    return out


def find_dates(
    text: str, published: dt.date | None = None, doc: Doc | None = None
) -> list[DateExpression]:
    """Every date, time, duration and set expression in ``text``, in text order.

    Relative expressions are anchored on ``published``; without it they keep
    X placeholders and ``resolved`` is False. ``doc`` is spaCy's parse of
    exactly ``text``; it is made here when not given, and is consulted lazily
    (only for expressions whose value depends on tense).
    """
    parsed: list[Doc] = [doc] if doc is not None else []

    title_end = _title_end(text)

    def the_doc() -> Doc:
        if not parsed:
            parsed.append(parse(load_model(), text))
        return parsed[0]

    def tense(start: int, end: int) -> Tense | None:
        told = clause_tense(the_doc(), start, end)
        # Headline style tells what happened in the present ("Police arrest suspect
        # Tuesday", GUIDE §6): the news is of the last such day. "to" still says future.
        if told == "present" and end <= title_end:
            return "past"
        return told

    if published is not None:
        published = dateline_day(text, published)
    ctx = _Ctx(
        text,
        published,
        tense,
        lambda s, e: _told_in_simple_past(the_doc(), s, e),
        lambda s, e: _told_in_plain_present(the_doc(), s, e),
    )
    candidates: list[tuple[int, int, int, _Rule, re.Match[str]]] = []
    for rule in _RULES:
        for m in rule.pattern.finditer(text):
            if m.end() > m.start():
                candidates.append((m.start(), m.end(), rule.priority, rule, m))
    # Longest first, then the more specific rule; a shorter match inside a longer one loses.
    candidates.sort(key=lambda c: (-(c[1] - c[0]), -c[2], c[0]))
    # One byte per character, set where an expression was taken: a lookup per candidate
    # costs its own length, not the number taken so far.
    taken = bytearray(len(text))
    out: list[DateExpression] = []
    for start, end, _prio, rule, m in candidates:
        if taken.find(1, start, end) >= 0:
            continue
        result = rule.handle(m, ctx)
        if result is None:
            continue
        kind, value, resolved = result
        start, end = _trim(text, start, end)
        taken[start:end] = b"\x01" * (end - start)
        out.append(DateExpression(start, end, text[start:end], kind, value, resolved))
    out.sort(key=lambda d: d.start)
    if published is not None:
        out = _order_ranges(text, _anchor_references(text, out, published))
        out = _narrative_years(text, out, published, tense)
    out = _parts_of_days(text, _coordinated_decades(text, _coordinated_days(text, out)))
    return _title_as_body(title_end, out)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n,":
        start += 1
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    return start, end

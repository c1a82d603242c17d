"""Figures: the measured quantities an article states.

What counts as a figure: a number with something measurable attached. Money
(unit an ISO currency code), percentages (unit "%"), distances, weights and
other measures (the unit word as written), and counts of people or of things
news measures (troops, deaths, barrels...), with the counted noun as unit.

What does not: ordinals, years and dates (the dates extractor owns those),
numbers that are part of names, and small counts of entities ("two countries",
"three parties"), which are description rather than measurement; a count of an
unlisted noun is kept only from ten upwards.

Vague amounts with no numeral ("several million pilgrims", "dozens") are
skipped rather than given an invented value: the YAML is edited by analysts who
would have to spot and remove a number the article never gave.

A number with no noun of its own borrows the unit of the figure it is
coordinated with: "about 2,500 U.S. troops in Iraq and about 900 in Syria".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefkit.extractors.gazetteer import word_set
from briefkit.extractors.spans import SpanIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from briefkit.article import Article
    from briefkit.extractors.mentions import Mention
    from briefkit.extractors.types import Entities

_APPROXIMATE = (
    "an estimated",
    "more than",
    "less than",
    "fewer than",
    "at least",
    "up to",
    "close to",
    "upwards of",
    "as many as",
    "about",
    "some",
    "nearly",
    "roughly",
    "almost",
    "around",
    "approximately",
    "over",
    "under",
    "estimated",
    "almost",
    "around",
    "nearly",
)
_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
)
_WORD_NUMBERS = {w: i for i, w in enumerate(_NUMBER_WORDS.split())} | {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
}
_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "bn": 1_000_000_000,
    "tn": 1_000_000_000_000,
    "mn": 1_000_000,
    "m": 1_000_000,
    "k": 1_000,
}
_CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB"}
_CURRENCY_WORDS = {
    "dollar": "USD",
    "euro": "EUR",
    "pound": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupee": "INR",
    "ruble": "RUB",
    "rouble": "RUB",
    "franc": "CHF",
    "shekel": "ILS",
    "rial": "IRR",
    "dinar": "IQD",
    "lira": "TRY",
    "won": "KRW",
    "peso": "MXN",
    "real": "BRL",
    "rand": "ZAR",
    "riyal": "SAR",
    "dirham": "AED",
    "naira": "NGN",
}
_MEASURE_UNITS = word_set("""
    mile kilometer kilometre km meter metre m foot feet yard inch centimeter centimetre cm
    millimeter mm acre hectare ton tonne pound kilogram kg gram barrel gallon liter litre
    megawatt gigawatt kilowatt watt degree knot mph kph square cubic hour
    """)
# Nouns whose count is a measurement in news, whatever the number.
_COUNT_NOUNS = word_set("""
    troop soldier people person civilian resident refugee migrant pilgrim tourist visitor
    worker employee job death casualty victim fatality injury case patient child adult
    student voter vote seat member fighter militant prisoner hostage detainee protester
    demonstrator officer police policeman passenger household family home house building
    barrel vehicle car aircraft plane missile rocket drone shell bomb weapon tank ship
    user customer subscriber citizen inhabitant immigrant asylum-seeker applicant delegate
    supporter participant spectator fan doctor nurse teacher official employee staff
    """)
_MIN_PLAIN_COUNT = 10
_YEAR = re.compile(r"^(1[5-9]|20)\d\d$")
_NUMERIC_LABELS = frozenset({"MONEY", "QUANTITY", "PERCENT", "CARDINAL"})
_PLACE_TAIL = re.compile(r"\s+(in|at|from|across|into|for)\s+")


@dataclass
class Figure:
    start: int
    end: int
    value: float
    unit: str
    approximate: bool
    head: Token | None


def parse_number(tokens: list[Token]) -> float | None:
    """The value of number words and digits: '2,500', '10 billion', 'two million'."""
    value: float | None = None
    for tok in tokens:
        word = tok.lower_.replace(",", "")
        word = word.lstrip("$€£¥₹₽").rstrip("%")
        if re.fullmatch(r"\d+(\.\d+)?", word):
            value = float(word) if value is None else value + float(word)
        elif word in _SCALES and value is not None:
            value *= _SCALES[word]
        elif word in _WORD_NUMBERS:
            value = _WORD_NUMBERS[word] if value is None else value + _WORD_NUMBERS[word]
        elif (m := _COMPACT.fullmatch(word)) is not None:
            value = float(m.group(1)) * _SCALES[m.group(2)]
    return value


def _approximate(doc: Doc, start: int) -> tuple[bool, int]:
    """Whether words right before token ``start`` hedge the number, and where they begin."""
    before = doc[max(0, start - 3) : start].text.lower()
    for phrase in _APPROXIMATE:
        if before.endswith(phrase) and (
            len(before) == len(phrase) or not before[-len(phrase) - 1].isalpha()
        ):
            return True, start - len(phrase.split())
    return False, start


# A number and its scale written as one word: "8bn", "$17.1bn", "175million", "2.6m".
_COMPACT = re.compile(r"(\d+(?:\.\d+)?)(bn|mn|tn|m|k|million|billion|trillion|thousand)")


def _is_compact(tok: Token) -> bool:
    return _COMPACT.fullmatch(tok.lower_.replace(",", "").lstrip("$€£¥₹₽")) is not None


def _number_tokens(span: Span) -> list[Token]:
    return [
        t
        for t in span
        if t.like_num or t.lower_ in _SCALES or t.text in _CURRENCY_SYMBOLS or _is_compact(t)
    ]


def _money_unit(span: Span, after: Token | None) -> str | None:
    # The model often leaves the symbol out of the entity: "$" + "8bn".
    before = span.doc[span.start - 1] if span.start > 0 else None
    for tok in [*([before] if before is not None else []), *span]:
        for sym, code in _CURRENCY_SYMBOLS.items():
            if tok.text.startswith(sym):
                return code
    for tok in [*span, *([after] if after is not None else [])]:
        code = _CURRENCY_WORDS.get(tok.lemma_.lower())
        if code:
            return code
    return None


def _counted_noun(nums: list[Token]) -> Token | None:
    last = nums[-1]
    if last.dep_ in {"nummod", "quantmod"} and last.head.pos_ in {"NOUN", "PROPN"}:
        return last.head
    for tok in nums:
        if tok.head.pos_ == "NOUN" and tok.head.i > tok.i and tok.dep_ in {"nummod", "compound"}:
            return tok.head
    nxt = last.nbor() if last.i + 1 < len(last.doc) else None
    if nxt is not None and nxt.pos_ == "NOUN":
        return nxt
    return None


def _unit_of(span: Span, nums: list[Token]) -> tuple[str | None, Token | None]:
    after = nums[-1].nbor() if nums[-1].i + 1 < len(span.doc) else None
    before = span.doc[span.start - 1] if span.start > 0 else None
    symbol_before = before is not None and before.text in _CURRENCY_SYMBOLS
    if span.label_ == "MONEY" or symbol_before or any(t.text in _CURRENCY_SYMBOLS for t in span):
        return _money_unit(span, after), None
    if (
        span.label_ == "PERCENT"
        or "%" in span.text
        or (after is not None and after.lower_ in {"percent", "per"})
    ):
        return "%", None
    noun = _counted_noun(nums)
    if noun is None:
        return None, None
    lemma = noun.lemma_.lower()
    if lemma in _MEASURE_UNITS or lemma in _COUNT_NOUNS:
        return noun.text.lower(), noun
    value = parse_number(nums) or 0
    if noun.tag_ == "NNS" and value >= _MIN_PLAIN_COUNT:
        return noun.text.lower(), noun
    return None, None


def _candidates(doc: Doc) -> list[Span]:
    """Numeric entities, plus bare numbers the model left untagged ('about 900')."""
    spans = [e for e in doc.ents if e.label_ in _NUMERIC_LABELS]
    covered = {t.i for e in doc.ents for t in e}
    for tok in doc:
        if tok.i in covered or not tok.like_num or tok.pos_ != "NUM":
            continue
        spans.append(doc[tok.i : tok.i + 1])
    return sorted(spans, key=lambda s: s.start)


# Words that join the two ends of a range: "ten to 32 pages", "40-50", "one or two".
_RANGE_WORDS = frozenset({"to", "-", "–", "—", "or"})
# A change from one value to another is two exact figures, not a range (GUIDE §8).
_CHANGE_VERBS = word_set("""
    increase rise fall grow drop climb jump decline cut raise reduce lower soar plunge
    slide slip surge double halve expand shrink
    """)


def _range_ends(span: Span, nums: list[Token]) -> tuple[list[Token], list[Token]] | None:
    """The number tokens of a range's two ends, when the span holds two numbers joined
    by a range word ("ten to 32"), else None. Added up they would give 42."""
    for cut in range(1, len(nums)):
        between = span.doc[nums[cut - 1].i + 1 : nums[cut].i]
        if len(between) == 1 and between[0].lower_ in _RANGE_WORDS:
            first, second = nums[:cut], nums[cut:]
            if any(t.like_num for t in first) and any(t.like_num for t in second):
                return first, second
    return None


def _is_change(doc: Doc, first: Token) -> bool:
    """'rose from 9 to 10': the verb the range's first end hangs from is a change."""
    head = first.head
    for _ in range(3):
        if head.pos_ in {"VERB", "AUX"}:
            return head.lemma_.lower() in _CHANGE_VERBS
        if head.head is head:
            break
        head = head.head
    return False


def _figure(text: str, doc: Doc, span: Span, previous: Figure | None) -> list[Figure]:
    nums = _number_tokens(span)
    if not nums:
        return []
    ends = _range_ends(span, nums)
    groups = [nums] if ends is None else list(ends)
    values = [parse_number(group) for group in groups]
    if ends is not None:
        # "1.5 to 2 billion": the first end takes the second's scale.
        scale = next((t.lower_ for t in groups[1] if t.lower_ in _SCALES), None)
        if scale and values[0] is not None and not any(t.lower_ in _SCALES for t in groups[0]):
            values[0] *= _SCALES[scale]
    if any(v is None for v in values):
        return []  # "several million": no numeral to report
    if _YEAR.match(nums[0].text) and span.label_ == "CARDINAL" and len(nums) == 1:
        return []
    unit, head = _unit_of(span, nums)
    first = next(
        t
        for t in span
        if t.like_num
        or t.text in _CURRENCY_SYMBOLS
        or t.text[0] in _CURRENCY_SYMBOLS
        or _is_compact(t)
    )
    if first.i > 0 and doc[first.i - 1].text in _CURRENCY_SYMBOLS:
        first = doc[first.i - 1]  # "$8bn": the figure's words start at the symbol
    if unit is None and previous is not None and _borrows_unit(text, doc, previous, nums[-1]):
        unit, head = previous.unit, None
    if unit is None:
        return []
    approx, start = _approximate(doc, first.i)
    end_tok = max(span.end, (head.i + 1) if head is not None else span.end)
    if unit == "%" and end_tok < len(doc) and doc[end_tok].lower_ in {"percent", "per"}:
        end_tok += 2 if doc[end_tok].lower_ == "per" else 1
    end = doc[end_tok - 1].idx + len(doc[end_tok - 1].text)
    if ends is None:
        return [Figure(doc[start].idx, end, values[0], unit, approx, head)]  # type: ignore[arg-type]
    # Two figures: both ends of a range are approximate; the two values of a change are not.
    ranged = not _is_change(doc, first)
    low_end = groups[0][-1].idx + len(groups[0][-1].text)
    return [
        Figure(doc[start].idx, low_end, values[0], unit, approx or ranged, None),  # type: ignore[arg-type]
        Figure(groups[1][0].idx, end, values[1], unit, approx or ranged, head),  # type: ignore[arg-type]
    ]


def _borrows_unit(text: str, doc: Doc, previous: Figure, num: Token) -> bool:
    """'2,500 troops in Iraq and about 900 in Syria': same sentence, joined by a conjunction,
    and nothing countable after the second number."""
    prev_sent = doc.char_span(previous.start, previous.end, alignment_mode="expand")
    if prev_sent is None or prev_sent.sent != num.sent or previous.unit in {"%"}:
        return False
    between = text[previous.end : num.idx]
    nxt = num.nbor() if num.i + 1 < len(doc) else None
    no_noun = nxt is None or nxt.pos_ not in {"NOUN", "PROPN"}
    return no_noun and re.search(r"\b(and|or|while|but)\b", between) is not None


def _extend_place(text: str, doc: Doc, end: int, mentions: SpanIndex[Mention]) -> int:
    """'troops in Iraq', '$10 billion in Iranian assets': a following 'in ...' phrase
    that names an actor or place belongs to the figure (up to its noun).

    ``text`` is the parsed text (``doc.text``, which spaCy would rebuild on each read).
    """
    tail = _PLACE_TAIL.match(text, end)
    if tail is None:
        return end
    prep = doc.char_span(tail.start(1), tail.end(1), alignment_mode="expand")
    if prep is None:
        return end
    obj = next((c for c in prep[0].children if c.dep_ == "pobj"), None)
    if obj is None:
        return end
    obj_end = obj.idx + len(obj.text)
    named = bool(mentions.within(end + 1, obj_end))
    return obj_end if named else end


def _about(start: int, end: int, mentions: SpanIndex[Mention]) -> list[str]:
    refs: list[str] = []
    for m in mentions.within(start, end):
        if m.ref not in refs:
            refs.append(m.ref)
    return refs


def _number(value: float) -> int | float:
    # 17.1 * 1e9 is 17100000000.000002 in floating point: the article said 17.1 billion.
    value = float(f"{value:.12g}")
    return int(value) if value.is_integer() else value


def find_figures(article: Article, doc: Doc, entities: Entities) -> list[dict[str, object]]:
    """Figures in the data contract's field names, in article order."""
    out: list[dict[str, object]] = []
    previous: Figure | None = None
    body = article.prose  # what the doc parsed: the same offsets, furniture blanked
    mentions = SpanIndex(entities.mentions, lambda m: (m.start, m.end))
    for span in _candidates(doc):
        for fig in _figure(body, doc, span, previous):
            previous = fig
            out.append(_record(article, doc, body, fig, mentions))
    return out


def _record(
    article: Article, doc: Doc, body: str, fig: Figure, mentions: SpanIndex[Mention]
) -> dict[str, object]:
    """A figure in the data contract's field names."""
    end = _extend_place(body, doc, fig.end, mentions)
    sent = article.sentence_at(fig.start)
    if sent is not None:
        end = min(end, sent.end)
    text = article.text[fig.start : end]
    rec: dict[str, object] = {"value": _number(fig.value), "unit": fig.unit}
    if fig.approximate:
        rec["approximate"] = True
    about = _about(fig.start, end, mentions)
    if about:
        rec["about"] = about
    rec["text"] = text
    rec["evidence"] = text
    return rec

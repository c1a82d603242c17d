"""Figures: the measured quantities an article states.

What counts as a figure: a number with something measurable attached. Money
(unit an ISO currency code), percentages (unit "%"), distances, weights and
other measures (the unit word as written), counts of people or of things news
measures (troops, deaths, barrels...), with the counted noun as unit, factors
("18-fold": unit "times") and ages ("Daniel Montalvo, 19,", "aged 56": unit
"years old").

What does not: ordinals, years and dates (the dates extractor owns those),
numbers that are part of names, numbers inside a compound modifier ("an
eight-figure sum", "a three-nation alliance"), "one" as a pronoun ("one of
them"), and small counts of entities that describe rather than measure ("two
countries", "the three parties", "X has two rival parties"): a count under ten
of an unlisted noun is kept only where an event acts on an indefinite, unlisted
set ("would close five plants", "five players were booked").

Vague amounts with no numeral ("several million pilgrims", "dozens") are
skipped rather than given an invented value: the YAML is edited by analysts who
would have to spot and remove a number the article never gave.

A number with no noun of its own borrows the unit of the figure it is
coordinated with: "about 2,500 U.S. troops in Iraq and about 900 in Syria".

A figure is ``about`` the actors and places its phrase names, owner first
(GUIDE §8): the owner of what it counts ("Indonesia's air carriers", "Panamanian
players", "all 51 of Indonesia's ...", "2,000 jobs at Boeing") and the subject of
the clause it is an argument of ("Chrysler will receive CA$ 1 billion", "Ford's
profits equate to 26 cents"), a pronoun or "the company" read as the actor it
refers back to where one reading is plain. Where nothing says whose, ``about``
stays empty.

Its ``text`` is the number as written; its ``evidence`` the short phrase that
says what is counted ("a net profit of US$ 997 million", "lost $6 billion", "26
cents per share", "18% of the firm's dealership network").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefkit.extractors.actors import ROLE_NOUNS, persons_surname
from briefkit.extractors.epithets import Epithets
from briefkit.extractors.events import named_antecedent
from briefkit.extractors.gazetteer import word_set
from briefkit.extractors.nlp import VERB_PREFIXES, doc_text, negated_or_modal, tokens
from briefkit.extractors.spans import SpanIndex
from briefkit.extractors.types import every_mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from briefkit.article import Article
    from briefkit.extractors.mentions import Mention
    from briefkit.extractors.types import Entities

# Longest first: "more than" must win over "than"-less "more".
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
    "as much as",
    "as high as",
    "as few as",
    "as little as",
    "as low as",
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
_TENS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})
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
    "dozen": 12,
}
# "m" and "k" are also metres and other things: a scale only glued to its digits ("5m").
_GLUED_SCALES = frozenset({"m", "k"})
# "a thousand points", "a million people": the article gives a value, one.
_SINGLE_SCALES = frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen"})
_CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB"}
# Dollars of other countries, by the letters written before "$": "US$", "CA$", "NZ $".
_DOLLAR_PREFIXES = {
    "us": "USD",
    "u.s.": "USD",
    "ca": "CAD",
    "can": "CAD",
    "cdn": "CAD",
    "c": "CAD",
    "nz": "NZD",
    "a": "AUD",
    "au": "AUD",
    "aus": "AUD",
    "hk": "HKD",
    "s": "SGD",
    "sg": "SGD",
    "nt": "TWD",
    "r": "BRL",
    "mx": "MXN",
}
# Dollars named by the country's adjective: "Canadian dollars".
_DOLLAR_NATIONS = {
    "us": "USD",
    "u.s.": "USD",
    "american": "USD",
    "canadian": "CAD",
    "australian": "AUD",
    "zealand": "NZD",
    "hong": "HKD",
    "kong": "HKD",
    "singapore": "SGD",
    "taiwan": "TWD",
    "taiwanese": "TWD",
}
_ISO_CODES = word_set("""
    USD EUR GBP JPY CNY CHF CAD AUD NZD HKD INR RUB SGD KRW BRL MXN ZAR SEK NOK DKK
    """)
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
# Hundredths of a currency: "four cents" is 0.04 dollars.
_SUBUNITS = {"cent": "USD", "penny": "GBP", "pence": "GBP"}
_MEASURE_UNITS = word_set("""
    mile kilometer kilometre km meter metre m foot feet yard inch centimeter centimetre cm
    millimeter mm acre hectare ton tonne pound kilogram kg gram barrel gallon liter litre
    megawatt gigawatt kilowatt watt degree knot mph kph square cubic hour point
    millimetre pixel megapixel gigabyte megabyte terabyte gb mb tb ghz mhz gigahertz
    """)
# Symbols written on a number with no space: "16GB", "50mm", "1.8GHz".
_UNIT_SYMBOLS = frozenset(
    {"GB", "MB", "TB", "KB", "GHz", "MHz", "mm", "cm", "km", "kg", "kW", "MW", "GW", "kWh", "mph"}
)
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
# Verbs that state what a thing has or is rather than what happened: "Kurdistan has two
# rival parties" describes; "would close five plants" is news.
_STATIVE_VERBS = word_set("""
    be have include comprise contain consist feature boast number hold own
    """)
# Kinds whose members news names (countries, parties, companies): a small count of them
# describes a set the article names, before or after ("two countries", "the three
# parties"), rather than measuring anything.
_NAMED_KINDS = word_set("""
    country nation state city town village capital province region territory district
    party company firm bank group organisation organization club team side league union
    government ministry agency network channel newspaper airline carrier brand
    """)
# Words standing for a noun said before: "1,500 jobs and 25,000 others".
_ANAPHORIC_NOUNS = frozenset({"other", "others", "more"})
# Fractions of a whole, read as percent: "a quarter of citizens", "half of that amount".
_FRACTIONS = {
    "half": 50.0,
    "halves": 50.0,
    "third": 100 / 3,
    "thirds": 100 / 3,
    "quarter": 25.0,
    "quarters": 25.0,
    "fifth": 20.0,
    "fifths": 20.0,
}
_MIN_PLAIN_COUNT = 10
_YEAR = re.compile(r"^(1[5-9]|20)\d\d$")
# Dates and clock times are the dates extractor's ("first" is no number: like_num says no).
_NOT_FIGURE_LABELS = frozenset({"DATE", "TIME"})
# "a few hundred million", "several thousand": a scale with no numeral of its own.
_VAGUE_QUANTIFIERS = frozenset({"few", "several", "many", "some", "hundreds", "thousands"})
_PLACE_TAIL = re.compile(r"\s+(in|at|from|across|into|for)\s+")
_PERCENT_WORDS = frozenset({"%", "percent", "pct", "per"})
_AGE_WORDS = frozenset({"aged", "age"})


@dataclass
class Figure:
    start: int
    end: int
    value: float
    unit: str
    approximate: bool
    head: Token | None
    # Tokens whose named actors and places the figure is about, beyond its own words.
    owners: list[Token] = field(default_factory=list)
    # Where the words of a range both its ends belong to begin and end ("US$ 300 to 350
    # million"): each end's evidence is read from the whole.
    whole: tuple[int, int] | None = None


def _scale(tok: Token) -> int | None:
    word = tok.lower_
    if word not in _SCALES:
        return None
    if word in _GLUED_SCALES:
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        if prev is None or prev.whitespace_ or not prev.like_num:
            return None
    return _SCALES[word]


def parse_number(tokens: list[Token]) -> float | None:
    """The value of number words and digits: '2,500', '10 billion', 'two million',
    'a thousand'."""
    value: float | None = None
    for tok in tokens:
        word = tok.lower_.replace(",", "")
        word = word.lstrip("$€£¥₹₽").rstrip("%")
        word = _PREFIXED_DOLLAR.sub("", word)
        if re.fullmatch(r"\d+(\.\d+)?", word):
            value = float(word) if value is None else value + float(word)
        elif (scale := _scale(tok)) is not None and value is not None:
            value *= scale
        elif word in _WORD_NUMBERS:
            value = _WORD_NUMBERS[word] if value is None else value + _WORD_NUMBERS[word]
        elif word in _SINGLE_SCALES and value is None and tok.i > 0:
            if tok.doc[tok.i - 1].lower_ in {"a", "one"}:
                value = float(_SCALES.get(word, 12))
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
# "US$", "CA$", "HK$300": the letters of a dollar's country glued to the sign.
_PREFIXED_DOLLAR = re.compile(r"^([a-z]{1,3}|u\.s\.)\$")


def _bare(tok: Token) -> str:
    return _PREFIXED_DOLLAR.sub("", tok.lower_.replace(",", "")).lstrip("$€£¥₹₽")


def _is_compact(tok: Token) -> bool:
    return _COMPACT.fullmatch(_bare(tok)) is not None


def _currency_token(tok: Token) -> str | None:
    """The currency a token writes: '$', 'US$', 'CA$', 'HK$300', 'NZ $' (by the token
    before), 'USD'."""
    text = tok.text
    if text in _CURRENCY_SYMBOLS:
        if text == "$" and tok.i > 0:
            prev = tok.doc[tok.i - 1]
            # "NZ $ 26 million"; a lone capital with a space is the article "A".
            if prev.text.isupper() and (len(prev.text) > 1 or not prev.whitespace_):
                code = _DOLLAR_PREFIXES.get(prev.lower_)
                if code:
                    return code
        return _CURRENCY_SYMBOLS[text]
    m = _PREFIXED_DOLLAR.match(text.lower())
    if m is not None and text[: m.end() - 1].replace(".", "").isupper():
        return _DOLLAR_PREFIXES.get(m.group(1))
    if text[0] in _CURRENCY_SYMBOLS and len(text) > 1:
        rest = text[1:].replace(",", "")
        if re.fullmatch(r"\d+(\.\d+)?", rest) or _COMPACT.fullmatch(rest.lower()):
            return _CURRENCY_SYMBOLS[text[0]]
    if text in _ISO_CODES:
        return text
    if text == "#" and _pound_sign_as_hash(tok):
        return "GBP"
    return None


def _pound_sign_as_hash(tok: Token) -> bool:
    """'#13 billion': a British feed's pound sign in 7-bit text (ISO 646-GB puts "£"
    where ASCII has "#"). Only before an amount with a scale word: "#1" is a rank."""
    doc = tok.doc
    if tok.whitespace_ or tok.i + 2 >= len(doc):
        return False
    num, scale = doc[tok.i + 1], doc[tok.i + 2]
    return num.like_num and _scale(scale) is not None


def _is_ordinal(tok: Token) -> bool:
    # spaCy's like_num says yes to "first", "fourth", "10th": ranks, not amounts.
    word = tok.lower_
    return word.endswith(("st", "nd", "rd", "th")) and word not in _SCALES | _WORD_NUMBERS


def _is_number(tok: Token) -> bool:
    if tok.like_num:
        return not _is_ordinal(tok)
    return _scale(tok) is not None or _is_compact(tok)


def _starts_run(tok: Token) -> bool:
    if _is_number(tok) or _currency_token(tok) is not None:
        return True
    if _is_fraction_word(tok.doc, tok):
        return True
    # "a thousand points"
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.lower_ in {"a", "an"} and nxt is not None and nxt.lower_ in _SINGLE_SCALES


def _number_tokens(span: Span) -> list[Token]:
    return [
        t
        for t in span
        if _is_number(t)
        or _currency_token(t) is not None
        or (t.lower_ in _SINGLE_SCALES and t.i > 0 and t.doc[t.i - 1].lower_ in {"a", "an"})
    ]


# Words that join the two ends of a range: "ten to 32 pages", "40-50", "one or two".
_RANGE_WORDS = frozenset({"to", "-", "–", "—", "or"})


def _candidates(doc: Doc) -> list[Span]:
    """Runs of number words, digits, scales and currency signs, joined by range words:
    'US$ 300 to 350 million', 'about $42', 'one or two'. The model's entity spans
    split these ('US$ 3,000' | 'to 5,000') and miss some ('CA$ 1 billion')."""
    spans: list[Span] = []
    i, n = 0, len(doc)
    while i < n:
        if not _starts_run(doc[i]):
            i += 1
            continue
        j = i
        while True:
            if j + 1 < n and (_is_number(doc[j + 1]) or _currency_token(doc[j + 1])):
                j += 1
            elif (
                j + 2 < n
                and doc[j + 1].lower_ in _RANGE_WORDS
                and (_is_number(doc[j + 2]) or _currency_token(doc[j + 2]))
                and not _counts_after_money(doc, i, j)
            ):
                j += 2
            else:
                break
        spans.append(doc[i : j + 1])
        i = j + 1
    return spans


def _counts_after_money(doc: Doc, i: int, j: int) -> bool:
    """'$40 million to two construction firms': an amount, then "to" and a count of
    something else, is a payment and its recipients, not a range. The second number
    has no sign and no scale of its own, and a noun that is no currency follows it."""
    if not any(_currency_token(t) for t in doc[i : j + 1]):
        return False
    k = j + 2
    while k + 1 < len(doc) and _is_number(doc[k + 1]):
        k += 1
    if any(_currency_token(t) or _scale(t) is not None for t in doc[j + 2 : k + 1]):
        return False
    after = doc[k + 1] if k + 1 < len(doc) else None
    if (
        after is None
        or after.pos_ not in {"NOUN", "ADJ"}
        or after.lemma_.lower() in _CURRENCY_WORDS
        or after.lemma_.lower() in _SUBUNITS
        or after.lower_ in _SUBUNITS
    ):
        return False
    # "a $3,000 to 5,000 incentive" is a range: its second end is the larger, and
    # "to" joins the numbers rather than heading a phrase of its own.
    if doc[j + 1].dep_ in {"prep", "dative"}:
        return True
    first = parse_number([t for t in doc[i : j + 1] if _is_number(t)])
    second = parse_number(list(doc[j + 2 : k + 1]))
    return first is not None and second is not None and second <= first


def _dollar_story(doc: Doc) -> bool:
    """The story counts money in dollars and never in pounds."""
    text = doc_text(doc)
    return "$" in text and "£" not in text and "pound" not in text.lower()


def _money(span: Span, nums: list[Token]) -> tuple[str | None, float]:
    """The currency of a run and the factor its value takes ('four cents': 0.01)."""
    for tok in span:
        code = _currency_token(tok)
        if code:
            return code, 1.0
    last = nums[-1]
    doc = span.doc
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if after is None:
        return None, 1.0
    lemma = after.lemma_.lower()
    if lemma in _SUBUNITS or after.lower_ in _SUBUNITS:
        code = _SUBUNITS.get(lemma) or _SUBUNITS[after.lower_]
        if after.lower_ in {"penny", "pennies"} and _dollar_story(doc):
            code = "USD"  # "a one penny loss in their stock": an American cent
        return code, 0.01
    if after.text in _ISO_CODES:
        return after.text, 1.0
    # "5 million US dollars", "CA$" written as "Canadian dollars"
    for k in range(3):
        if last.i + 1 + k >= len(doc):
            break
        tok = doc[last.i + 1 + k]
        code = _CURRENCY_WORDS.get(tok.lemma_.lower())
        if code:
            if code == "USD":
                nation = next(
                    (
                        _DOLLAR_NATIONS[t.lower_]
                        for t in doc[last.i + 1 : tok.i]
                        if t.lower_ in _DOLLAR_NATIONS
                    ),
                    None,
                )
                code = nation or code
            between = doc[last.i + 1 : tok.i]
            if all(t.pos_ in {"PROPN", "ADJ"} for t in between):
                return code, 1.0
            break
        if tok.pos_ not in {"PROPN", "ADJ"}:
            break
    return None, 1.0


def _is_percent(span: Span, nums: list[Token]) -> bool:
    doc = span.doc
    after = doc[nums[-1].i + 1] if nums[-1].i + 1 < len(doc) else None
    if after is None:
        return False
    if after.lower_ == "per":
        return after.i + 1 < len(doc) and doc[after.i + 1].lower_ == "cent"
    return after.lower_ in _PERCENT_WORDS


def _of_noun(num: Token) -> Token | None:
    """'all 51 of Indonesia's air carriers', 'one of them': the object of the number's
    'of'."""
    for child in num.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _counted_noun(nums: list[Token]) -> Token | None:
    last = nums[-1]
    if (
        last.dep_ in {"nummod", "quantmod"}
        and last.head.pos_ in {"NOUN", "PROPN"}
        and last.head.i > last.i
    ):
        return last.head
    for tok in nums:
        if (
            tok.head.pos_ == "NOUN"
            and tok.head.i > tok.i
            and tok.dep_ in {"nummod", "compound"}
            and _scale(tok.head) is None  # "70m": the "m" is the number's own
        ):
            return tok.head
    nxt = last.nbor() if last.i + 1 < len(last.doc) else None
    if nxt is not None and nxt.pos_ == "NOUN" and _scale(nxt) is None:
        return nxt
    of = _of_noun(last)
    if of is not None and of.pos_ in {"NOUN", "PROPN", "PRON"}:
        return of
    return None


def _acts_on(noun: Token) -> bool:
    """A small count is news when an event acts on an indefinite, unlisted set: 'would
    close five plants', 'Five Panamanian players were booked', 'winning three points'.
    Not: 'the two countries', 'its three parties', 'X has two rival parties', 'two
    cities' set beside their names."""
    if any(c.dep_ in {"det", "poss"} for c in noun.children):
        return False
    if any(c.dep_ in {"appos", "conj"} for c in noun.children) or noun.dep_ in {"appos", "conj"}:
        return False
    nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if nxt is not None and nxt.text in {":", "(", "—", "–"}:
        return False  # a list follows
    head = noun.head
    if noun.dep_ == "pobj":
        head = head.head
    if noun.lemma_.lower() in _NAMED_KINDS:
        return False
    if noun.dep_ not in {"nsubj", "nsubjpass", "dobj", "pobj", "npadvmod"}:
        return False
    if head.pos_ not in {"VERB", "AUX"} or head.lemma_.lower() in _STATIVE_VERBS:
        return False
    return not any(c.dep_ in {"det", "poss"} and c.i < noun.i for c in noun.subtree)


def _unit_of(span: Span, nums: list[Token]) -> tuple[str | None, Token | None, float]:
    """The unit, the counted noun (if any) and the factor the value takes."""
    code, factor = _money(span, nums)
    if code:
        return code, None, factor
    if _is_percent(span, nums):
        return "%", None, 1.0
    last = nums[-1]
    symbol = last.nbor() if last.i + 1 < len(last.doc) and not last.whitespace_ else None
    if symbol is not None and symbol.text in _UNIT_SYMBOLS:
        return symbol.text, symbol, 1.0  # "the 16GB version": the unit written on the number
    noun = _counted_noun(nums)
    if noun is None or noun.pos_ == "PRON":
        return None, None, 1.0
    lemma = noun.lemma_.lower()
    if noun.lower_ in _ANAPHORIC_NOUNS:
        return None, None, 1.0
    if lemma in _MEASURE_UNITS or lemma in _COUNT_NOUNS:
        # "1.83 GHz", "16 GB": a symbol keeps its capitals
        unit = noun.text if any(c.isupper() for c in noun.text[1:]) else noun.text.lower()
        return unit, noun, 1.0
    value = parse_number(nums) or 0
    # "ten Republicans", "three Britons": members of a group counted like a plural.
    plural = noun.tag_ == "NNS" or (noun.tag_ == "NNPS" and noun.ent_type_ == "NORP")
    if plural and (value >= _MIN_PLAIN_COUNT or (value >= 2 and _acts_on(noun))):
        return noun.text.lower(), noun, 1.0
    return None, None, 1.0


# A change from one value to another is two exact figures, not a range (GUIDE §8).
_CHANGE_VERBS = word_set("""
    increase rise fall grow drop climb jump decline cut raise reduce lower soar plunge
    slide slip surge double halve expand shrink plummet
    """)


def _range_ends(span: Span, nums: list[Token]) -> tuple[list[Token], list[Token]] | None:
    """The number tokens of a range's two ends, when the span holds two numbers joined
    by a range word ("ten to 32"), else None. Added up they would give 42."""
    for cut in range(1, len(nums)):
        between = span.doc[nums[cut - 1].i + 1 : nums[cut].i]
        if len(between) == 1 and between[0].lower_ in _RANGE_WORDS:
            first, second = nums[:cut], nums[cut:]
            # "twenty-five" is one number
            if (
                between[0].text == "-"
                and len(first) == 1
                and first[0].lower_ in _TENS
                and second[0].lower_ in _WORD_NUMBERS
            ):
                continue
            if any(_is_number(t) for t in first) and any(_is_number(t) for t in second):
                return first, second
    return None


_DASHES = frozenset({"-", "–", "—"})


def _is_score(doc: Doc, span: Span, values: list[float | None]) -> bool:
    """'1 – 0', 'Tunisia 1 – 2 England', 'winning 2 – 1': a match score is two counts of
    two sides, not a range (a range rises from a low end above nothing)."""
    if not any(t.text in _DASHES for t in span):
        return False
    low, high = values
    if low is None or high is None or low == 0 or high == 0 or low >= high:
        return True
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return (before is not None and before.pos_ == "PROPN") or (
        after is not None and after.pos_ == "PROPN"
    )


# Verbs a vote tally may follow: "passed 61-30", "was confirmed 52 to 47".
_VOTE_VERBS = word_set("pass approve reject confirm adopt vote override fail")


def _vote_tally(doc: Doc, span: Span) -> bool:
    """'a vote of 251 to 180', 'a 7-2 vote', 'passed 61-30': two numbers that count a
    vote's sides, not a range."""
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and before.lower_ == "of" and before.head.lemma_.lower() == "vote":
        return True
    if after is not None and after.lemma_.lower() in {"vote", "votes", "margin"}:
        return True
    head = span.root.head
    for _ in range(2):  # "approved it 61-30": the number may hang on a noun of the verb
        if head.pos_ in {"VERB", "AUX"}:
            return head.lemma_.lower() in _VOTE_VERBS and span.start > head.i
        if head.head.i == head.i:
            break
        head = head.head
    return False


def _voters(tok: Token) -> list[Token]:
    """Whose vote a tally counts: the subject of the clause it is told in ("the Senate
    voted the proposition down with a vote of 52-35")."""
    for _ in range(6):
        if tok.pos_ in {"VERB", "AUX"}:
            subj = _clause_subject(tok)
            return _named_parts(subj) if subj is not None else []
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return []


def _change_verb(first: Token) -> Token | None:
    """'rose from 9 to 10': the change verb the range's first end hangs from."""
    head = first.head
    for _ in range(5):  # "five" -> "ten" -> "cents" -> "from" -> "rose"
        if head.pos_ in {"VERB", "AUX"}:
            return head if head.lemma_.lower() in _CHANGE_VERBS else None
        if head.head.i == head.i:
            break
        head = head.head
    return None


def _changed_noun(verb: Token) -> Token | None:
    """'the seats ... increased from 9 to 10': what the change counts is its subject, when
    that is a noun news counts."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "NOUN":
        return None
    lemma = subj.lemma_.lower()
    return subj if lemma in _COUNT_NOUNS or lemma in _MEASURE_UNITS else None


def _is_model_number(doc: Doc, span: Span) -> bool:
    """'five new 737 aircraft', "Boeing's larger 777 planes": a number after an adjective
    that itself follows a count or a possessor names a model. An amount comes before
    the adjectives ('22 new aircraft'); 'an additional 500 jobs' has only an article."""
    if span.start < 2 or len(span) != 1:
        return False
    adj, before = doc[span.start - 1], doc[span.start - 2]
    if adj.pos_ != "ADJ" or _is_ordinal(adj):
        return False
    return _is_number(before) or before.tag_ == "POS"


def _hyphen_word(doc: Doc, last: Token) -> str | None:
    """The word a number is glued to by a hyphen: '18-fold' -> 'fold', 'eight-figure'
    -> 'figure', '14-year-old' -> 'year-old'."""
    if last.i + 2 >= len(doc) or doc[last.i + 1].text != "-" or last.whitespace_:
        return None
    if doc[last.i + 1].whitespace_:
        return None
    word = doc[last.i + 2]
    if not word.is_alpha:
        return None
    if (
        word.lower_ == "year"
        and last.i + 4 < len(doc)
        and doc[last.i + 3].text == "-"
        and doc[last.i + 4].lower_ == "old"
    ):
        return "year-old"
    return word.lower_


# Units a count in digits is glued to as a modifier, and how the text writes them as a
# plural: "the 131-page document" counts 131 pages. Not "eight-figure", "three-nation":
# a number word there is an adjective, and these name no quantity of their own.
_GLUED_UNITS = {
    "page": "pages", "mile": "miles", "km": "km", "kilometre": "km", "kilometer": "km",
    "metre": "metres", "meter": "meters", "foot": "feet", "acre": "acres",
    "hectare": "hectares", "ton": "tons", "tonne": "tonnes", "seat": "seats",
    "bed": "beds", "room": "rooms", "storey": "storeys", "story": "stories",
    "member": "members", "mph": "mph", "point": "points", "percent": "%",
}  # fmt: skip


def _glued_figure(doc: Doc, span: Span, last: Token, glued: str) -> list[Figure]:
    """'a 14-year-old boy' (an age, GUIDE §8), 'the 131-page document' (a count): the
    number and the unit it is glued to, about whom the modified noun is in apposition to."""
    if glued == "year-old":
        value = parse_number([last])
        end_tok = doc[last.i + 4]
        unit = "years old"
    else:
        digits = last.text.replace(",", "")
        value = float(digits) if re.fullmatch(r"\d+(?:\.\d+)?", digits) else None
        if value is None and glued == "percent":
            value = parse_number([last])  # "a two-percent decline"
        end_tok = doc[last.i + 2]
        unit = _GLUED_UNITS[glued]
    if value is None or (unit == "years old" and not 0 < value < 130):
        return []
    noun = end_tok.head if end_tok.head.pos_ in {"NOUN", "PROPN"} else end_tok
    owners = [noun]
    if noun.dep_ == "appos" or (noun.dep_ == "attr" and noun.head.pos_ == "AUX"):
        # "Ahmed Mohamed, a 14-year-old boy": the boy is Ahmed Mohamed
        owners.append(noun.head)
        owners.extend(c for c in noun.head.children if c.dep_ == "nsubj")
    approx, start = _approximate(doc, span[0].i)
    end = end_tok.idx + len(end_tok.text)
    return [Figure(doc[start].idx, end, value, unit, approx, noun, owners)]


def _a_person(tok: Token) -> bool:
    """The model's person, or a surname it reads as one elsewhere ("Lopez, 54,": the
    small model tags a lone surname at random, even as an adjective)."""
    return tok.ent_type_ == "PERSON" or (tok.is_title and persons_surname(tok.doc, tok.text))


def _age(doc: Doc, span: Span, nums: list[Token]) -> tuple[int, list[Token]] | None:
    """An age: 'aged 56', 'at age 56', 'Daniel Montalvo, 19,', '56 years old' — the end
    token of its words and the person it belongs to."""
    if len(nums) != 1 or not nums[0].text.isdecimal():
        return None
    num = nums[0]
    value = int(num.text)
    if not 0 < value < 120:
        return None
    prev = doc[span.start - 1] if span.start > 0 else None
    nxt = doc[num.i + 1] if num.i + 1 < len(doc) else None
    if prev is not None and prev.lower_ in _AGE_WORDS:
        person = prev.head if prev.head.ent_type_ == "PERSON" else None
        if person is None:
            person = next((c for c in prev.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        return num.i + 1, [person] if person is not None else []
    if (
        prev is not None
        and prev.text == ","
        and span.start > 1
        and _a_person(doc[span.start - 2])
        and (nxt is None or nxt.text in {",", ".", ";", ")"} or nxt.is_space)
    ):
        return num.i + 1, [doc[span.start - 2]]
    if (
        nxt is not None
        and nxt.lower_ == "years"
        and num.i + 2 < len(doc)
        and doc[num.i + 2].lower_ == "old"
    ):
        return num.i + 3, []
    closed = nxt is None or nxt.text in {".", ",", ";"} or nxt.is_space
    if closed and prev is not None and num.dep_ == "attr" and prev.lemma_ == "be":
        # "He died on Monday. He was 91.": a bare number a person is, is an age.
        subject = next((c for c in prev.children if c.dep_ == "nsubj"), None)
        if subject is not None and (
            subject.lower_ in _PERSON_SUBJECTS or subject.ent_type_ == "PERSON"
        ):
            return num.i + 1, [subject]
    if (
        closed
        and prev is not None
        and prev.lower_ == "at"
        and num.dep_ == "pobj"
        and prev.head.lemma_ in _AGE_AT_VERBS
    ):
        # "died on Monday at 91", "retired at 65": the age of the verb's subject.
        subject = next((c for c in prev.head.children if c.dep_ == "nsubj"), None)
        return num.i + 1, [subject] if subject is not None else []
    return None


_PERSON_SUBJECTS = frozenset({"he", "she"})
# Verbs whose "at N" is the subject's age then.
_AGE_AT_VERBS = frozenset({"die", "retire"})


def _fraction(doc: Doc, tok: Token) -> tuple[float, int, int, Token | None] | None:
    """A share of a whole, as percent: 'a quarter of citizens', 'half of that amount',
    'one in three visits'. Its value, first and end tokens, and what it is a share of."""
    word = tok.lower_
    if word in _FRACTIONS:
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is None or nxt.lower_ != "of":
            return None
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if word == "half":
            # "the first half of the year" is a date; "half of the workers" a share.
            if prev is not None and (prev.lower_ in {"the", "this", "that"} or prev.pos_ == "ADJ"):
                return None
            count, start = 1.0, tok.i
        elif prev is not None and prev.lower_ in {"a", "one"}:
            count, start = 1.0, tok.i - 1
        elif prev is not None and prev.lower_ in _WORD_NUMBERS and word.endswith("s"):
            count, start = float(_WORD_NUMBERS[prev.lower_]), tok.i - 1
        elif prev is not None and prev.text == "-" and not prev.whitespace_ and tok.i >= 2:
            # "one-third of", "two-thirds of": the count joined to the fraction
            before = doc[tok.i - 2]
            if before.lower_ not in _WORD_NUMBERS or before.whitespace_:
                return None
            if (before.lower_ == "one") == word.endswith("s"):
                return None  # "one-thirds", "two-third": no such share
            count, start = float(_WORD_NUMBERS[before.lower_]), tok.i - 2
        else:
            return None
        whole = next((c for c in nxt.children if c.dep_ == "pobj"), None)
        return round(count * _FRACTIONS[word], 1), start, tok.i + 1, whole
    # "one in three", "one in every 200", "one out of every 200"
    if word in _WORD_NUMBERS or tok.is_digit:
        k = tok.i + 1
        if k + 1 < len(doc) and doc[k].lower_ == "out" and doc[k + 1].lower_ == "of":
            k += 2
        elif k < len(doc) and doc[k].lower_ == "in":
            k += 1
        else:
            return None
        if k < len(doc) and doc[k].lower_ == "every":
            k += 1
        if k >= len(doc) or k == tok.i + 1:
            return None
        den_tok = doc[k]
        num = parse_number([tok])
        den = parse_number([den_tok])
        if num is None or den is None or not 0 < num < den or den_tok.dep_ != "nummod":
            return None
        return round(100 * num / den, 1), tok.i, den_tok.head.i + 1, den_tok.head
    return None


def _share(doc: Doc, frac: tuple[float, int, int, Token | None]) -> Figure:
    value, first_i, end_i, whole = frac
    approx, start = _approximate(doc, first_i)
    end = doc[end_i - 1].idx + len(doc[end_i - 1].text)
    owners = [] if whole is None else _owner_tokens(whole, whole)
    return Figure(doc[start].idx, end, value, "%", approx, whole, owners)


# How the climb from a figure to its clause's verb may pass: through its own phrase, the
# nouns and prepositions it is the object of ("a net profit of US$ 997 million").
_CLIMB_DEPS = frozenset({
    "dobj", "pobj", "prep", "nummod", "quantmod", "compound", "npadvmod", "attr", "appos",
    "advmod", "dative", "conj", "acomp",
})  # fmt: skip
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Modifiers of a noun that may name whose it is: "Ford's profits", "Apple shares",
# "Canadian vehicle sales".
_OWNER_MODIFIERS = frozenset({"poss", "compound", "amod"})


def _owner_modifier(tok: Token) -> bool:
    # The model reads a name with "&" inside ("the Procter & Gamble company") as an
    # nmod rather than a compound; it names the owner all the same.
    if _stance(tok):
        return False
    # Not a city set off by a comma ("The Tempe, Arizona-based company"): where the body
    # sits.
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return tok.dep_ in _OWNER_MODIFIERS or (
        tok.dep_ == "nmod" and tok.pos_ == "PROPN" and (nxt is None or nxt.text != ",")
    )


# Prepositions after a noun whose object says whose or where it is: "shares of Apple",
# "sales at GM", "stock for the company", "unemployment in Ohio".
_RELATIVE_PRONOUNS = frozenset({"which", "that", "who"})
_OWNER_PREPOSITIONS = frozenset({"of", "at", "for", "in"})


def _stance(tok: Token) -> bool:
    """'pro-Beijing', 'anti-Kremlin': a stance towards the name, not its ownership."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in {"pro", "anti"}


def _named_parts(noun: Token, follow: bool = True) -> list[Token]:
    """A noun and the words that may name its owner, nearest the noun first: the noun's
    own name ('the Nasdaq'), a compound ('Apple shares'; "Japan's Nikkei average" is
    the Nikkei's), a possessor ("Ford's profits"), a national adjective ("GM's
    Canadian vehicle sales"); then, for a common noun (with ``follow``), the object of
    a preposition after it ('Shares of Apple')."""
    before = [c for c in noun.children if _owner_modifier(c) and c.i < noun.i]
    rank = {"compound": 0, "nmod": 0, "poss": 1, "amod": 2}
    parts = [noun, *sorted(before, key=lambda c: (rank[c.dep_], -c.i))]
    if noun.pos_ == "NOUN":
        # "The primary UK index, the FTSE 100, rose": the name in apposition is the
        # noun's own, ahead of the compound that only places it; so is a person's name
        # right after the post ("district councillor Wilson Or").
        # A parenthesis ("Apple shares (AAPL)") gives a symbol, not another owner.
        named = [
            c
            for c in noun.children
            if c.dep_ == "appos"
            and c.pos_ in {"PROPN", "NUM"}
            and c.left_edge.i > 0
            and (
                c.doc[c.left_edge.i - 1].text == ","
                or (c.left_edge.i == noun.i + 1 and c.ent_type_ == "PERSON")
            )
        ]
        parts[1:1] = [t for c in named for t in _named_parts(c, follow=False)]
    # Not a single post's place or body: "A former mayor of Waterbury took $300,000"
    # is the mayor's money; "workers at Ford" are still Ford's.
    post = noun.tag_ == "NN" and noun.lemma_.lower() in ROLE_NOUNS
    if follow and noun.pos_ == "NOUN" and not post:
        parts += [
            t
            for prep in noun.children
            if prep.dep_ == "prep" and prep.lower_ in _OWNER_PREPOSITIONS and prep.i > noun.i
            for o in prep.children
            if o.dep_ == "pobj"
            for t in _named_parts(o, follow=False)
        ]
    # The first name is the owner's, whether or not an actor holds it: "Germany's DAX
    # gained 71 points" is the DAX's gain, not Germany's.
    first = next((i for i, t in enumerate(parts) if t.pos_ == "PROPN"), len(parts))
    return parts[: first + 1]


# Verbs whose object does what their infinitive says: "ordered him to pay".
_OBJECT_CONTROL = word_set("""
    order tell ask force require urge allow permit persuade direct instruct compel
    encourage authorize authorise
    """)
# Nouns of what one means to do, whose owner is the doer of the infinitive after them.
_INTENT_NOUNS = word_set("plan bid move decision attempt effort proposal offer intention pledge")


def _clause_subject(verb: Token) -> Token | None:
    """The subject of ``verb``'s clause: its own, the nearest before it ("Results ... In
    the West constituency, Eddie Chu was elected": Chu); else, for a verb with none, the
    subject of the verb it is joined to ("Chu was elected and received", "GM plans to
    close", "rose ... to end the day at"). Not up through a passive ("is expected to
    negotiate the release of $10 billion": the one expected is not whose money it is)
    or a copula ("Its goal is to cut users to 1%")."""
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
        if not subjects:
            # "Regina Ip was re-elected": the split prefix leaves the subject on the
            # auxiliary, which is still this verb's.
            subjects = [
                s
                for aux in verb.children
                if aux.dep_ in {"aux", "auxpass"} and aux.i < verb.i
                for s in aux.children
                if s.dep_ in _SUBJECT_DEPS
            ]
        if subjects:
            before = [c for c in subjects if c.i < verb.i]
            return (before or subjects)[-1]
        head = verb.head
        split = head.i == verb.i - 2 and verb.doc[verb.i - 1].text == "-"
        if split and head.lower_ in VERB_PREFIXES:
            verb = head  # "re-elected" split, with "re" as the clause's verb
            continue
        if verb.dep_ in {"xcomp", "acl"} and head.pos_ in {"NOUN", "PROPN"}:
            # "GM's plan to close 1,100 dealerships", and the headline's "GM plans to
            # close" read as a noun: whose plan it is does the closing. Not a party to
            # "a new CAW contract to reduce costs".
            named = head.lemma_.lower() in _INTENT_NOUNS and any(
                c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN")
                for c in head.children
            )
            return head if named and head.pos_ == "NOUN" else None
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.pos_ == "ADP":
            # "reached 2020.90 points after gaining 1.59%": the gerund a preposition
            # takes is done by the subject of the verb the preposition hangs on.
            if head.dep_ != "prep" or head.head.pos_ not in {"VERB", "AUX"}:
                return None
            verb = head.head
            continue
        # A subjectless participle or infinitive of manner or result ("rose 155 points
        # to end the day at 9505.96", "gained 1.7%, closing at 4,851") shares its
        # head's subject, as English control has it.
        # So does a perfect participle: "the most profitable airline, having reported
        # record profits of $269m".
        joined = verb.dep_ in {"xcomp", "conj"} or (
            verb.dep_ == "advcl"
            and (
                verb.tag_ in {"VBG", "VB"}
                or any(c.dep_ == "aux" and c.lower_ == "having" for c in verb.children)
            )
        )
        if not joined or head.pos_ not in {"VERB", "AUX"}:
            return None
        if verb.dep_ == "xcomp" and (
            head.pos_ == "AUX" or any(c.dep_ in {"auxpass", "nsubjpass"} for c in head.children)
        ):
            return None  # nor from "Its goal is to cut ...": the goal cuts nothing
        if verb.dep_ == "xcomp" and head.lemma_.lower() in _OBJECT_CONTROL:
            # "The judge ordered him to pay $150,000": the one ordered pays.
            return next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)
        verb = head
    return None


def _owner_tokens(head: Token | None, anchor: Token) -> list[Token]:
    """Who or where what is counted belongs to: the possessor, a national adjective or
    compound on the counted noun ('Indonesia's air carriers', 'Panamanian players'), the
    body an "at" places it in ("2,000 jobs at Boeing"), the possessor of a noun whose
    object the figure is ("Ford's loss of $6 billion"), and the subject of
    the clause the figure is an argument of ('Chrysler will receive CA$ 1 billion',
    "Ford's profits equate to 26 cents", 'it posted a net profit of US$ 997 million':
    a pronoun or a description is resolved when the tokens are read)."""
    owners: list[Token] = []
    noun = head or anchor
    if head is None and anchor.head.lower_ in _PERCENT_WORDS:
        anchor = anchor.head  # "18% of the firm's network": the "of" hangs on the "%"
    for child in noun.children:
        if _owner_modifier(child) and child.i < noun.i:
            owners.append(child)
    of = _of_noun(anchor)
    if of is not None:
        owners.append(of)
        owners.extend(c for c in of.children if _owner_modifier(c))
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "at" and prep.i > noun.i:
            # "2,000 jobs at Boeing": where the counted things are is whose they are
            owners.extend(
                t for o in prep.children if o.dep_ == "pobj" for t in _named_parts(o, False)
            )
    # Up through the noun phrase and its prepositions to the clause's verb.
    tok = noun
    for _ in range(6):
        if tok.dep_ in _SUBJECT_DEPS:
            # The figure is the subject: its owner is in its own phrase, or the doer of
            # a passive ("1,000 jobs will be cut by Ford").
            if tok.dep_ == "nsubjpass":
                owners[:0] = [
                    t
                    for agent in tok.head.children
                    if agent.dep_ == "agent"
                    for o in agent.children
                    if o.dep_ == "pobj"
                    for t in _named_parts(o)
                ]
            return owners
        if tok.head.i == tok.i or tok.dep_ not in _CLIMB_DEPS:
            break
        below, tok = tok, tok.head
        if tok.pos_ in {"VERB", "AUX"}:
            obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i < below.i), None)
            if below.lower_ == "with" and obj is not None:
                # "has built the most valuable company, with a market value of $348
                # billion": a "with" after the object says what the object has.
                owners[:0] = _named_parts(obj)
                break
            if below.lower_ == "by" and obj is not None and tok.lemma_.lower() in _CHANGE_VERBS:
                # "wanted to reduce costs at Opel by 30%": the change is the object's,
                # and whose the object is (or where it is) comes before the doer.
                at = [
                    t
                    for prep in tok.children
                    if prep.dep_ == "prep" and prep.lower_ == "at" and obj.i < prep.i < below.i
                    for o in prep.children
                    if o.dep_ == "pobj"
                    for t in _named_parts(o, False)
                ]
                owners[:0] = [*_named_parts(obj), *at]
            subj = _clause_subject(tok)
            if subj is not None and subj.lower_ in _RELATIVE_PRONOUNS and tok.dep_ == "relcl":
                # "the CARS act, which provides a US$ 3,000 incentive": what the
                # relative pronoun stands for is the noun its clause hangs on.
                subj = tok.head
            # A number may be the subject's name: "the Standard & Poor's 500 plunged"
            if subj is not None and subj.pos_ in {"PROPN", "PRON", "NOUN", "NUM"}:
                owners[:0] = _named_parts(subj)
            reporter = _reporting_body(tok, subj)
            if reporter is not None:
                owners.extend(_named_parts(reporter))
            break
        if tok.pos_ == "NOUN" and tok is not noun:
            # "GM's loss of $6 billion": the noun the figure is the object of
            owners.extend(c for c in tok.children if c.dep_ == "poss")
    return owners


# A company's own results, which it reports of itself ("The company said net income
# was $48 million"): the reporter is whose they are when nothing else is said.
_RESULT_NOUNS = word_set("""
    income revenue revenues profit profits loss losses sales earnings turnover
    """)
_REPORTING_VERBS = word_set("say report announce post forecast expect")


def _reporting_body(clause: Token, subject: Token | None) -> Token | None:
    """The subject of the verb that reports ``clause``, when ``subject`` is one of a
    company's results with no owner of its own ("The company said net income was")."""
    if subject is None or subject.lemma_.lower() not in _RESULT_NOUNS:
        return None
    if any(c.dep_ == "poss" for c in subject.children) or clause.dep_ != "ccomp":
        return None
    if clause.head.lemma_.lower() not in _REPORTING_VERBS:
        return None
    return _clause_subject(clause.head)


def _is_fraction_word(doc: Doc, tok: Token) -> bool:
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return tok.lower_ in _FRACTIONS and nxt is not None and nxt.lower_ == "of"


def _figure(text: str, doc: Doc, span: Span, previous: Figure | None) -> list[Figure]:
    if len(span) == 1 and _is_fraction_word(doc, span[0]):
        frac = _fraction(doc, span[0])
        return [] if frac is None else [_share(doc, frac)]
    nums = _number_tokens(span)
    if not nums:
        return []
    last = nums[-1]
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and _is_fraction_word(doc, nxt):
        return []  # "two thirds of": the fraction word makes the figure
    if last.lower_ == "one" and nxt is not None and nxt.lower_ in {"of", "another", "other"}:
        return []  # "one of them": a pronoun, not a count
    for k in range(max(0, span.start - 4), span.start):
        frac = _fraction(doc, doc[k]) if doc[k].lower_ in _WORD_NUMBERS or doc[k].is_digit else None
        if frac is not None and frac[1] < span.start < frac[2]:
            return []  # the "three" of "one in three", "one out of every 200": the share's
    if len(nums) == 1 and (last.lower_ in _WORD_NUMBERS or last.is_digit):
        frac = _fraction(doc, last)
        if frac is not None:
            return [_share(doc, frac)]
    age = _age(doc, span, nums)
    if age is not None:
        end_i, person = age
        end = doc[end_i - 1].idx + len(doc[end_i - 1].text)
        return [Figure(span[0].idx, end, float(nums[0].text), "years old", False, None, person)]
    glued = _hyphen_word(doc, last)
    if glued is not None and len(nums) == 1 and (glued == "year-old" or glued in _GLUED_UNITS):
        return _glued_figure(doc, span, last, glued)
    if any(
        t.ent_type_ in _NOT_FIGURE_LABELS and not _GROUPED_DIGITS.match(t.text)
        for t in nums
        if _is_number(t)
    ):
        return []  # not "1,723.35", which the model may call a date: no date is so written
    if _is_model_number(doc, span):
        return []
    if glued is not None and glued != "fold":
        return []  # "eight-figure", "three-nation", "2000-strong": a modifier, not a count
    ends = _range_ends(span, nums)
    groups = [nums] if ends is None else list(ends)
    values = [parse_number(group) for group in groups]
    if ends is not None and None not in values and _vote_tally(doc, span):
        # GUIDE §8: "passed 61-30", "a vote of 251 to 180": two exact counts of votes.
        owners = _voters(span.root)
        tally = (span[0].idx, span[-1].idx + len(span[-1].text))
        return [
            Figure(g[0].idx, g[-1].idx + len(g[-1].text), v, "votes", False, None, owners, tally)  # type: ignore[arg-type]
            for g, v in zip(groups, values, strict=True)
        ]
    if ends is not None and _is_score(doc, span, values):
        return []
    if ends is not None:
        # "1.5 to 2 billion": the first end takes the second's scale.
        scale = next((t.lower_ for t in groups[1] if _scale(t) is not None), None)
        if (
            scale
            and values[0] is not None
            and not any(_scale(t) is not None or _is_compact(t) for t in groups[0])
        ):
            values[0] *= _SCALES[scale]
    if any(v is None for v in values):
        return []  # "several million": no numeral to report
    if (
        span.start > 0
        and doc[span.start - 1].lower_ in _VAGUE_QUANTIFIERS
        and _scale(span[0]) is not None
    ):
        return []  # "a few hundred million": no numeral either
    if _YEAR.match(last.text) and len(nums) == 1:
        return []
    if glued == "fold":
        end = doc[last.i + 2].idx + len(doc[last.i + 2].text)
        approx, start = _approximate(doc, span[0].i)
        return [Figure(doc[start].idx, end, values[0], "times", approx, None)]  # type: ignore[arg-type]
    unit, head, factor = _unit_of(span, nums)
    change = _change_verb(groups[0][0]) if ends is not None else None
    if unit is None and ends is None and last.head.lower_ in {"to", "from", "by"}:
        change = _change_verb(last)  # "passengers jump to 70m"
    if unit is None and change is not None:
        head = _changed_noun(change)
        unit = head.text.lower() if head is not None else None
    if unit is None and ends is None:
        unit = _casualties(doc, last)
    if unit is None and ends is None:
        unit = _index_level(last)
    if unit is None and ends is None and _shares_a_later_percent(doc, last):
        unit = "%"  # "fell by 1.5 and 3 percent, respectively": each a share
    first = span[0]
    if first.lower_ in {"a", "an"} and len(span) > 1:
        first = span[1] if span[1].lower_ not in _SINGLE_SCALES else first
    if (
        first.text == "$"
        and first.i > 0
        and _currency_token(first) != "USD"
        and doc[first.i - 1].text.isupper()
    ):
        first = doc[first.i - 1]  # "NZ $ 26 million"
    if (
        unit is None
        and previous is not None
        and last.lower_ != "one"
        and _of_noun(last) is None
        and not (ends is not None and any(t.text in _DASHES for t in span))
        and _borrows_unit(text, doc, previous, last)
    ):
        unit, head = previous.unit, None
    if unit is None:
        return []
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    subunit = after is not None and (after.lemma_.lower() in _SUBUNITS or after.lower_ in _SUBUNITS)
    if subunit and factor == 1.0 and ends is not None:
        # "from about $42 to four cents": the cents are the second end's alone, unless
        # the first end has no sign of its own ("five to ten cents").
        factor = 0.01
        if any(_currency_token(t) for t in groups[0]):
            values = [values[0], values[1] * factor]  # type: ignore[operator]
            factor = 1.0
    values = [v * factor for v in values]  # type: ignore[operator]
    approx, start = _approximate(doc, first.i)
    end_tok = max(span.end, (head.i + 1) if head is not None and head.i > last.i else span.end)
    if subunit and end_tok < len(doc):
        end_tok += 1  # "four cents"
    if unit == "%" and end_tok < len(doc) and doc[end_tok].lower_ in _PERCENT_WORDS:
        end_tok += 2 if doc[end_tok].lower_ == "per" else 1
    end = doc[end_tok - 1].idx + len(doc[end_tok - 1].text)
    owners = _owner_tokens(head, last)
    if ends is None:
        return [Figure(doc[start].idx, end, values[0], unit, approx, head, owners)]  # type: ignore[arg-type]
    # Two figures: both ends of a range are approximate; the two values of a change are not.
    ranged = change is None
    low_end = groups[0][-1].idx + len(groups[0][-1].text)
    whole = (doc[start].idx, end)
    return [
        Figure(doc[start].idx, low_end, values[0], unit, approx or ranged, None, owners, whole),  # type: ignore[arg-type]
        Figure(groups[1][0].idx, end, values[1], unit, approx or ranged, head, owners, whole),  # type: ignore[arg-type]
    ]


# A bare number that a verb of harm takes counts people: "killing 107 and wounding 238",
# "25 were hurt", "12 dead". The unit is what the gold and a reader call them.
_CASUALTY_UNITS = {
    "kill": "dead", "dead": "dead", "die": "dead", "wound": "wounded", "wounded": "wounded",
    "injure": "injured", "injured": "injured", "hurt": "injured",
}  # fmt: skip


def _casualties(doc: Doc, num: Token) -> str | None:
    nxt = doc[num.i + 1] if num.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in {"dead", "injured", "wounded"} and num.head == nxt:
        return _CASUALTY_UNITS[nxt.lower_]  # "12 dead and 30 injured"
    verb = num.head
    if verb.pos_ != "VERB" or negated_or_modal(verb) or _of_noun(num) is not None:
        return None  # "could kill 100"; "hurt 3 of its rivals" counts the rivals
    if num.dep_ == "dobj" or (num.dep_ in {"nsubjpass", "nsubj"} and verb.tag_ == "VBN"):
        return _CASUALTY_UNITS.get(verb.lemma_.lower())
    if num.dep_ == "nsubj" and verb.lemma_.lower() == "die":
        return "dead"
    return None


# A market index's level is a bare number where a verb of closing puts the index ("ended
# the day at 9,505.96", "closing at 4,851"), a change takes it ("has risen by 2.53% to
# 2248.63") or a "level of" names it. Only in a sentence
# that speaks of indices or points: "the auction closed at 40" counts nothing said.
_LEVEL_VERBS = word_set("close end finish settle stand open leave")
_INDEX_WORDS = word_set("index indices indexes average point points")


def _shares_a_later_percent(doc: Doc, num: Token) -> bool:
    """'1.5 and 3 percent': a number joined to the next one, which a percent follows."""
    i = num.i
    return (
        i + 3 < len(doc)
        and not (i > 0 and doc[i - 1].lower_ == "between")  # a range's end, not a share
        and doc[i + 1].lower_ in {"and", "or"}
        and doc[i + 2].like_num
        and (doc[i + 3].lower_ in {"percent", "per", "%"} or doc[i + 3].text == "%")
    )


_GROUPED_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


def _index_level(num: Token) -> str | None:
    prep = num.head
    if num.dep_ in {"dobj", "npadvmod"} and prep.lemma_.lower() in _CHANGE_VERBS:
        # "The Dow Jones Industrial Average, a stock market index, fell 344.65": the
        # change of an index with no unit is in points
        subject = next((c for c in prep.children if c.dep_ == "nsubj"), None)
        told = subject is not None and any(t.lower_ in _INDEX_WORDS for t in subject.subtree)
        return "points" if told else None
    if num.dep_ != "pobj" or prep.lower_ not in {"at", "of", "to"}:
        return None
    holder = prep.head
    if prep.lower_ == "of" and holder.lemma_.lower() != "level":
        return None
    if prep.lower_ == "to" and holder.lemma_.lower() not in _CHANGE_VERBS | _LEVEL_VERBS:
        return None  # "ending down 12.7 percent to 11,015.84"
    if prep.lower_ == "at" and (
        holder.pos_ != "VERB"
        or holder.lemma_.lower() not in _LEVEL_VERBS
        or negated_or_modal(holder)
    ):
        return None
    sentence = num.sent
    if not any(t.lemma_.lower() in _INDEX_WORDS or t.lower_ in _INDEX_WORDS for t in sentence):
        return None
    return "points"


def _borrows_unit(text: str, doc: Doc, previous: Figure, num: Token) -> bool:
    """'2,500 troops in Iraq and about 900 in Syria': same sentence, joined by a conjunction
    (or by commas in a list the conjunction closes), and nothing countable after the
    second number."""
    prev_sent = doc.char_span(previous.start, previous.end, alignment_mode="expand")
    if prev_sent is None or prev_sent.sent != num.sent or previous.unit in {"%", "years old"}:
        return False
    between = text[previous.end : num.idx]
    if "\n" in between:
        return False  # a headline is not coordinated with the lead
    nxt = num.nbor() if num.i + 1 < len(doc) else None
    no_noun = nxt is None or nxt.pos_ not in {"NOUN", "PROPN"} or nxt.lower_ in _ANAPHORIC_NOUNS
    if not no_noun:
        return False
    if re.search(r"\b(and|or|while|but)\b", between):
        return True
    # "4,300 jobs in France, 3,700 in Germany, 1,600 in UK and 400 in Spain": a list's
    # inner items are joined by commas, its last by the conjunction.
    rest = text[num.idx : num.sent.end_char]
    return "," in between and len(between.split()) <= 4 and _LIST_CLOSE.search(rest) is not None


# The conjunction that closes a list of numbers: "..., and 400", "or about $5".
_LIST_CLOSE = re.compile(r",?\s\b(?:and|or)\s+(?:[a-z]+\s+)?[$€£]?\d")


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


# Pronouns that may stand for an owner, and the kinds of actor each may stand for. Not
# "they"/"their": a plural may stand for a group no actor names, and agreement in
# number with a name is no test the parse gives.
_OWNER_PRONOUNS = {
    "it": frozenset({"organization", "country", "other"}),
    "its": frozenset({"organization", "country", "other"}),
    "he": frozenset({"person"}),
    "him": frozenset({"person"}),
    "his": frozenset({"person"}),
    "she": frozenset({"person"}),
    "her": frozenset({"person"}),
}


class _Owners:
    """The actors and places owner tokens name: by the mention they are in, or for a
    pronoun or a definite description ("it", "the company"), the actor it refers back
    to where one reading is plain (the events' and relations' own resolvers)."""

    def __init__(self, doc: Doc, entities: Entities, mentions: SpanIndex[Mention]) -> None:
        self.doc = doc
        self.mentions = mentions
        self.actors = {a.id: a for a in entities.actors}
        self.epithets = Epithets(doc, entities)

    def refs(self, tok: Token) -> list[str]:
        named = [m.ref for m in self.mentions.overlapping(tok.idx, tok.idx + len(tok))]
        if named:
            return named
        kinds = _OWNER_PRONOUNS.get(tok.lower_)
        ref: str | None = None
        if kinds is not None and tok.pos_ == "PRON":
            ref = named_antecedent(tok, self.doc, self.mentions, self.actors, kinds)
        elif tok.pos_ == "NOUN":
            ref = self.epithets.referent(tok)
        return [] if ref is None else [ref]

    def about(self, start: int, end: int, owners: list[Token]) -> list[str]:
        refs: list[str] = []
        found = [r for tok in owners for r in self.refs(tok)]
        for ref in [*found, *(m.ref for m in self.mentions.within(start, end))]:
            if ref not in refs:
                refs.append(ref)
        return refs


def _number(value: float) -> int | float:
    # 17.1 * 1e9 is 17100000000.000002 in floating point: the article said 17.1 billion.
    value = float(f"{value:.12g}")
    return int(value) if value.is_integer() else value


# A factor written as a verb (GUIDE §8: "nearly doubled" -> 2 times).
_MULTIPLIER_VERBS = {"double": 2, "triple": 3, "treble": 3, "quadruple": 4}
_POSSESSIVE_DETERMINERS = frozenset({"its", "their", "his", "her", "our", "my", "your"})


def _multiplier(doc: Doc, tok: Token) -> Figure | None:
    """'Trade had nearly doubled', 'prices were tripled', 'the firm doubled its profit':
    the factor, about the thing that grew. A verb with some other object ("doubled the
    lead") tells no quantity of its own, and an adjective ("a double murder") none."""
    factor = _MULTIPLIER_VERBS.get(tok.lemma_.lower())
    if factor is None or tok.pos_ != "VERB" or tok.ent_type_:
        return None
    grown: Token | None = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    owners: list[Token] = []
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is not None:
        if not any(c.dep_ == "poss" or c.lower_ in _POSSESSIVE_DETERMINERS for c in obj.children):
            return None
        owners = [] if grown is None else [grown]  # whose "its workforce"
        grown = obj
    if grown is None or (grown.pos_ == "PRON" and obj is None):
        return None  # "it doubled": what grew is named elsewhere
    approx, start = _approximate(doc, tok.i)
    end = tok.idx + len(tok.text)
    return Figure(doc[start].idx, end, factor, "times", approx, grown, [*owners, *grown.subtree])


def find_figures(article: Article, doc: Doc, entities: Entities) -> list[dict[str, object]]:
    """Figures in the data contract's field names, in article order."""
    found: list[Figure] = []
    previous: Figure | None = None
    body = article.prose  # what the doc parsed: the same offsets, furniture blanked
    # Every place a known name is written, modifiers too: "the French Cac index" is
    # the Cac's, where the recogniser named the Cac only once.
    named = every_mention(doc, entities.mentions, entities.actors, entities.places, modifiers=True)
    mentions = SpanIndex(named, lambda m: (m.start, m.end))
    owners = _Owners(doc, entities, mentions)
    for span in _candidates(doc):
        for fig in _figure(body, doc, span, previous):
            previous = fig
            found.append(fig)
    found.extend(fig for tok in tokens(doc) if (fig := _multiplier(doc, tok)) is not None)
    # "200 iPhone 4 customers", "the FTSE 100 fell": a number that is part of a name is
    # none of the article's figures.
    # So is "the 787" where the article names the Boeing 787.
    models = _model_numbers(entities)
    found = [
        fig for fig in found
        if not _inside_name(mentions, at := _first_digit(body, fig))
        and not _names_a_model(doc, at, models)
    ]  # fmt: skip
    found.sort(key=lambda fig: fig.start)
    return [_record(article, doc, body, fig, owners) for fig in found]


def _inside_name(mentions: SpanIndex[Mention], offset: int) -> bool:
    # A name that opens with the number ("100 Polaroids") is the model's misreading of
    # a count, not a model's name.
    return any(m.start < offset for m in mentions.covering(offset))


def _model_numbers(entities: Entities) -> frozenset[str]:
    """The numbers that are words of a thing's name: "787" of the Boeing 787."""
    return frozenset(
        w for a in entities.actors if a.kind == "other"
        for n in a.names for w in n.text.split() if w.isdigit()
    )  # fmt: skip


def _names_a_model(doc: Doc, offset: int, models: frozenset[str]) -> bool:
    """'the 20 extra seats the 787 offers': a number alone after "the" that is the
    number of a thing the article names ("the Boeing 787") is that thing, no figure."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or not models:
        return False
    tok = span[0]
    return tok.text in models and tok.i > 0 and doc[tok.i - 1].lower_ == "the"


def _first_digit(text: str, fig: Figure) -> int:
    """Where the figure's number is written: past a sign or a country code before it
    ("NZ $ 26 million", whose "NZ" names a country)."""
    m = re.search(r"\d", text[fig.start : fig.end])
    return fig.start + m.start() if m else fig.start


def _record(
    article: Article, doc: Doc, body: str, fig: Figure, found: _Owners
) -> dict[str, object]:
    """A figure in the data contract's field names."""
    end = _extend_place(body, doc, fig.end, found.mentions)
    sent = article.sentence_at(fig.start)
    if sent is not None:
        end = min(end, sent.end)
    text = article.text[fig.start : end]
    lo, hi = (fig.start, end) if fig.whole is None else (fig.whole[0], max(end, fig.whole[1]))
    # "$10 billion in Iranian assets" says what it counts by its own tail
    lo, hi = _counted_phrase(doc, lo, hi, of_noun=end == fig.end)
    if sent is not None:
        lo, hi = max(lo, sent.start), min(hi, sent.end)
    rec: dict[str, object] = {"value": _number(fig.value), "unit": fig.unit}
    if fig.approximate:
        rec["approximate"] = True
    owners = [t for t in fig.owners if sent is None or sent.start <= t.idx < sent.end]
    about = found.about(fig.start, end, owners)
    if about:
        rec["about"] = about
    rec["text"] = text
    rec["evidence"] = article.text[lo:hi]
    return rec


# The most words a verb may stand before its figure and still be read with it ("lost
# US$ 2.24 billion", "was elected with 84,121 votes"); farther, the phrase is a clause.
_VERB_REACH = 4
# Dependents by which a figure modifies the noun after it: "a US$ 6 billion loan".
_MODIFIER_DEPS = frozenset({"nummod", "compound", "amod", "nmod", "quantmod"})


# The most words an "of" phrase after a figure may take and still be read with it.
_OF_REACH = 8


def _of_phrase(node: Token) -> Token | None:
    """The "of" after a figure's own words, as the root of its phrase: "18% of ..."."""
    return next(
        (c for c in node.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > node.i),
        None,
    )


def _is_rate(word: Token, noun: Token) -> bool:
    """'per share', 'a barrel', 'an hour': what a figure is counted for each of."""
    if word.lower_ == "per":
        return noun.pos_ == "NOUN"
    # Not "a year earlier": the noun measures how long before.
    return (
        word.lower_ in {"a", "an"}
        and noun.tag_ == "NN"
        and word.head.i == noun.i
        and noun.head.pos_ != "ADV"
        and not any(c.pos_ == "ADV" for c in noun.children)
    )


def _phrase_start(noun: Token) -> int:
    """Where a noun's own phrase begins: its left edge, less a leading "both" or
    "either" that pairs it with another phrase."""
    i = noun.left_edge.i
    while i < noun.i and noun.doc[i].dep_ in {"preconj", "cc", "punct"}:
        i += 1
    return i


def _counted_phrase(doc: Doc, start: int, end: int, of_noun: bool = True) -> tuple[int, int]:
    """The short phrase that says what a figure counts (GUIDE §8 ``evidence``), as
    character offsets: the noun it is the object or the modifier of ("a net profit of
    US$ 997 million", "a US$ 6 billion loan"), else the verb it is the object of ("lost
    $6 billion", "was elected with 84,121 votes"), and a rate after it ("26 cents per
    share"). The figure's own words where nothing holds it; not the noun of an "of" when
    ``of_noun`` is false (the figure's own tail names what it counts)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return start, end
    lo, hi = span.start, span.end
    if hi + 1 < len(doc) and _is_rate(doc[hi], doc[hi + 1]):
        hi += 2  # "26 cents per share", "$80 a barrel"
    node = span.root
    holder = node.head
    share = _of_phrase(node)
    if share is not None and share.right_edge.i - hi < _OF_REACH:
        # "18% of the firm's dealership network", "all 51 of Indonesia's air carriers":
        # what the figure is a share of says what it counts
        return start, max(end, share.right_edge.idx + len(share.right_edge.text))
    if node.dep_ in _MODIFIER_DEPS and holder.pos_ == "NOUN" and holder.i >= hi:
        # "a US$ 6 billion loan": the noun after the figure is what it measures
        lo, hi = min(lo, _phrase_start(holder)), holder.i + 1
    elif (
        of_noun
        and node.dep_ == "pobj"
        and holder.lower_ == "of"
        and holder.head.pos_ == "NOUN"
        and holder.head.i < holder.i
    ):
        lo = min(lo, _phrase_start(holder.head))  # "a net profit of US$ 997 million"
    else:
        verb = None
        if node.dep_ in {"dobj", "npadvmod"}:
            verb = holder  # "lost $6 billion", "fell 23%"
        elif node.dep_ == "pobj" and holder.dep_ in {"prep", "dative", "agent"}:
            verb = holder.head  # "was elected with 84,121 votes", "rose to $373.72"
        if (
            verb is not None
            and verb.pos_ in {"VERB", "AUX"}
            and verb.i < lo
            and lo - verb.i <= _VERB_REACH
        ):
            lo = verb.i
    first, last = doc[lo], doc[hi - 1]
    return min(first.idx, start), max(last.idx + len(last.text), end)

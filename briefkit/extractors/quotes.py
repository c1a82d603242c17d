"""Quotes: every direct quotation and who said it.

Quotation marks are read by position, not by glyph, so straight (") and curly
(“ ”) quotes and the odd wrong-way curly quote all work: a mark after a space
opens, a mark before one closes. News convention lets a quotation run over
paragraphs by opening each one and closing only the last (flattened text that
lost the breaks shows it as a mark reopened after a full stop); a mark left open
with no such continuation ends with its sentence, and is kept only when someone is
said to speak the words, so one stray quote cannot swallow the article.

Each quoted segment is one quote (“A,” he said, “B.” gives two, with one
speaker). The speaker is read from the attribution: the subject of a speech verb
outside the quotation marks in the same sentence ("Mr. Hosseini said", "he
said", "the president said"), the source of "according to", else the speaker of
the quote just before in the same passage. A quote none of these names a speaker
for has none: the nearest name in the sentence is as often the one spoken of as
the one speaking, and a wrong speaker costs the analyst more than a missing one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz.distance import Levenshtein

from briefkit.extractors.actors import KIN_NOUNS, ROLE_NOUNS
from briefkit.extractors.epithets import COMPANY_NOUNS
from briefkit.extractors.gazetteer import word_set
from briefkit.extractors.nlp import doc_text
from briefkit.extractors.spans import SpanIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from briefkit.article import Article, Sentence
    from briefkit.extractors.types import Entities, Entity

QUOTE_MARKS = frozenset('"“”„‟«»')
_OPEN_BEFORE = frozenset(" \t\n([{—–-/")

SPEECH_VERBS = word_set("""
    say tell add state ask write announce explain note insist warn declare claim reply
    tweet post recall argue suggest acknowledge admit confirm deny respond comment answer
    continue conclude urge predict promise vow stress emphasize emphasise observe remark
    describe report testify agree complain caution quip joke boast concede
    call enthuse reason read speak
    accuse criticize criticise praise hail dismiss decry denounce condemn lament contend
    assert allege counter retort pledge demand reiterate characterize characterise recount
    indicate maintain mention exclaim shout yell scream whisper murmur mutter muse wonder
    plead beg implore text email remember reflect scoff sigh gush rave grumble opine rule
    recommend advise
    """)
# What carries an organization's or a person's words: "a statement by X", "X's letter".
DOCUMENT_NOUNS = word_set("""
    statement letter report message post posting release memo email tweet website site
    page document notice blog communique announcement editorial filing submission
    analysis study survey review research poll investigation finding homepage
    """)
# Nouns that stand for an organization named before ("the company said"): general
# vocabulary of kinds of body, not any one body's name.
ORG_NOUNS = word_set("""
    company firm agency group ministry department council government party bank airline
    carrier automaker carmaker maker manufacturer retailer union organisation
    organization institute university college school club team church court committee
    commission board authority network broadcaster newspaper channel charity association
    federation league regulator watchdog exchange operator developer studio publisher
    supplier insurer lender utility corporation conglomerate giant startup foundation
    campaign army military police navy service office embassy administration
    """)
# Those that fit any organization (or, for a government, country) whatever its name.
_ANY_BODY_NOUNS = word_set("""
    company firm group organisation organization corporation conglomerate giant maker
    manufacturer automaker carmaker startup government administration
    """)
# Words for a business: not a public body, whatever the passage names besides. Not
# "the bank", which may be another bank the passage implies (a central bank).
_COMPANY_EPITHETS = COMPANY_NOUNS - word_set("bank")
_ANY_BODY_NOUNS = _ANY_BODY_NOUNS | _COMPANY_EPITHETS
ORG_NOUNS = ORG_NOUNS | _COMPANY_EPITHETS
# Words for a public body, and the last words of such bodies' names.
_PUBLIC_EPITHETS = word_set("agency regulator watchdog")
_PUBLIC_HEADS = word_set("""
    administration agency commission bureau department ministry office service board
    authority directorate inspectorate
    """)


# Verbs whose subject made the document they take ("issued a statement"), as against
# one who only read, saw or obtained it.
_MAKING = word_set("""
    issue release publish write send post sign deliver draft file submit pen produce
    prepare circulate distribute put
    """)
# and those a document's own "in" phrase speaks through ("said in a statement"); not
# "read" ("X read the report").
_MAKING_IN = _MAKING | (SPEECH_VERBS - word_set("read"))
# Subjects that are a body or a document, not a person ("the ministry", "the report").
_BODY_OR_DOCUMENT_NOUNS = ORG_NOUNS | DOCUMENT_NOUNS


def _body_lemma(noun: Token) -> str:
    """The noun's lemma, a maker of anything read as "maker" ("the chipmaker", "the
    drugmaker", "the planemaker": a company)."""
    lemma = noun.lemma_.lower()
    if lemma.endswith("maker") and len(lemma) > len("maker") and lemma not in ORG_NOUNS:
        return "maker"
    return lemma


def _public_body(ent: Entity) -> bool:
    words = ent.name.split()
    return bool(words) and words[-1].lower() in _PUBLIC_HEADS


# Those that may stand for a country too: "the government recommending ...".
_STATE_NOUNS = word_set("government administration")
# An age as a person's epithet, right before or after the speech verb, and an age set
# beside a name.
_AGE_BEFORE = re.compile(r"\bthe\s+(\d{1,3})-year-old\s+$", re.IGNORECASE)
_AGE_AFTER = re.compile(r"\s+the\s+(\d{1,3})-year-old\b(?!-)(?!\s+[a-z]+\s+(?:of|from|at)\b)")
_AGE_BESIDE = re.compile(r"(?:,\s*|\s*\()(\d{1,3})(?:,|\)|\.|$)")
_AGE_PREFIX = re.compile(r"\b(\d{1,3})-year-old\s+(?:[a-z]+\s+)?$")
# How far back an epithet looks for the organization it stands for (characters).
_EPITHET_REACH = 600
# "X quoted Y as saying": Y speaks.
_QUOTING = word_set("quote cite")
_PERSON_PRONOUNS = word_set("he she")
_RELATIVE = word_set("who that")
# Words for a person by party or by kind of post rather than by name ("the Ohio
# Republican said", "the lawmaker said"), and the posts the second kind fits.
_PARTY_EPITHETS = word_set("republican democrat conservative liberal tory socialist")
_LEGISLATOR_EPITHETS = word_set("lawmaker legislator")
_LEGISLATIVE_POSTS = word_set("""
    senator representative congressman congresswoman congressmember legislator lawmaker
    assemblyman assemblywoman assemblymember mp delegate councilman councilwoman councillor
    councilor alderman
    """)
# How an interview set as a transcript opens its questions and answers.
_QUESTION_LABELS = frozenset({"Q:"})
_ANSWER_LABELS = frozenset({"A:"})
# Verbs of putting a question: whom they ask is who answers ("When a reporter asked
# Mr. Lee whether ..., he replied").
_ASKING = word_set("ask question press")
# Words that show a person's grammatical gender in a sentence about that person alone.
_MASCULINE = word_set("he him his himself mr")
_FEMININE = word_set("she her hers herself ms mrs miss")
_GROUP_PRONOUNS = word_set("it they we")
_TITLE_GENDER = {
    **dict.fromkeys(word_set("mr"), "m"),
    **dict.fromkeys(word_set("ms mrs miss"), "f"),
}
_KIN_GENDER = {
    **dict.fromkeys(word_set("husband widower son father brother grandson grandfather"), "m"),
    **dict.fromkeys(word_set("wife widow daughter mother sister granddaughter grandmother"), "f"),
}
# A quoted word or two with no attribution is a scare quote or a title, not speech.
_MIN_UNATTRIBUTED_WORDS = 3


@dataclass
class QuoteSpan:
    start: int  # inside the marks
    end: int
    paragraph: int
    continues: bool = False  # the quotation goes on in the next paragraph
    unclosed: bool = False  # no closing mark: cut at its first sentence's end


def _is_opening(text: str, i: int, para_start: int) -> bool:
    ch = text[i]
    if ch in "“„«":
        return True
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in "”»":
        # A closing glyph set where an opening one belongs (a space before, a word
        # right after: 'said: ”We will ...”') opens; a spaced closing one ('“ unsafe ”')
        # still closes.
        return (
            ch == "”"
            and (after.isalnum() or after in "[(")
            and (i == para_start or text[i - 1] in _OPEN_BEFORE)
        )
    return i == para_start or text[i - 1] in _OPEN_BEFORE


# A screen's or a length's inch mark: a small number right before a straight mark
# ('a 15" screen', '13.3 "widescreen' once spaced out), not a year ('in 2009 "the').
_INCHES = re.compile(r"(?<![\d.,])\d{1,2}(?:\.\d{1,2})? ?$")


def _spaced_the_wrong_way(text: str, i: int) -> bool:
    """A straight mark with no quotation open, glued to the punctuation before it and
    spaced from the capital after it: an opening mark on the wrong side of its space."""
    return (
        text[i] == '"'
        and i > 0
        and text[i - 1] in ",:"
        and text[i + 1 : i + 2] == " "
        and (text[i + 2 : i + 3].isupper() or text[i + 2 : i + 3] in "[(")
    )


def _unit_mark(text: str, i: int) -> bool:
    """The straight mark at ``i``, where a quotation would open, is an inch sign: a
    small number before it and no capital after it (a quotation opens a sentence with
    one)."""
    if text[i] != '"' or _INCHES.search(text, max(0, i - 6), i) is None:
        return False
    after = text[i + 1 : i + 3].lstrip()
    return not after[:1].isupper()


def find_quote_spans(article: Article, unclosed: bool = False) -> list[QuoteSpan]:
    """Quoted segments, one per paragraph at most per pair of marks.

    Read from the prose, so a quoted phrase in the headline or a caption is not a quote.
    With ``unclosed``, a mark left open at the end of its paragraph gives a candidate
    that runs to the end of its first sentence, for the caller to keep only when an
    attribution introduces it ('X said "...' with the closing mark lost).
    """
    text = article.prose
    spans: list[QuoteSpan] = []
    paragraphs = article.paragraphs
    single = _single_marks(text, paragraphs)
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        open_at: int | None = None
        skip = -1
        by_parity = False
        for i in range(p_start, p_end):
            if i == skip:
                continue
            if single:
                mark = _single_mark(text, i, p_start, p_end, open_at is not None)
                if mark == "open" and open_at is None:
                    open_at = i + 1
                elif mark == "close" and open_at is not None:
                    spans.append(QuoteSpan(open_at, i, p_index))
                    open_at = None
                continue
            # Two apostrophes are a double mark, as typewriters and converted text write
            # one ("''I'd distribute a memo ...,\" it said").
            width = 2 if text.startswith("''", i) else 1
            if width == 1 and (
                text[i] not in QUOTE_MARKS or (open_at is None and _unit_mark(text, i))
            ):
                continue  # an inch sign outside a quotation; inside one it may close it
            skip = i + width - 1
            if open_at is None:
                if _is_opening(text, i, p_start) or (by_parity and text[i] in "\"'"):
                    open_at = i + width
                elif _spaced_the_wrong_way(text, i):
                    # 'saying," I love ...". GovExec': text whose marks were glued to the
                    # wrong word; position misleads for the rest of the paragraph, so
                    # straight marks there alternate.
                    open_at, by_parity = i + width, True
            elif by_parity and text[i] in "\"'":
                spans.append(QuoteSpan(open_at, i, p_index))
                open_at = None
            elif _is_opening(text, i, p_start) and text[i] in "“„«":
                open_at = i + 1  # a new opening before a close: the earlier mark was stray
            elif _reopens(text, i, open_at):
                # 'at risk. "No one's right ...': a paragraph that opens a mark without
                # closing the last one, its break lost when the text was flattened.
                spans.append(QuoteSpan(open_at, i, p_index, continues=True))
                open_at = i + width
            else:
                spans.append(QuoteSpan(open_at, i, p_index))
                open_at = None
        if open_at is not None and _continues(text, paragraphs, p_index, single):
            spans.append(QuoteSpan(open_at, p_end, p_index, continues=True))
        elif open_at is not None and unclosed:
            end = _SENTENCE_END.search(text, open_at, p_end)
            spans.append(QuoteSpan(open_at, end.end() if end else p_end, p_index, unclosed=True))
    trimmed = (_trim(text, s) for s in spans)
    return [s for s in trimmed if s.end > s.start and article.is_body(s.start)]


# British style quotes with single marks (‘...’ or '...') and keeps double ones for a
# quote inside a quote. Read so only in a text with no double mark in its prose: in
# any other, a single mark is an apostrophe or an inner quote.
SINGLE_MARKS = frozenset("‘’'")
_MARKS = QUOTE_MARKS | SINGLE_MARKS


def _single_marks(text: str, paragraphs: list[tuple[int, int]]) -> bool:
    """The prose quotes with single marks: no double mark, and a single one that opens
    a word after a space or a paragraph's start."""
    prose = [text[s:e] for s, e in paragraphs]
    if any(ch in QUOTE_MARKS for part in prose for ch in part):
        return False
    return any(re.search(r"(?:^|[\s(])['‘][A-Za-z]", part) for part in prose)


def _single_mark(text: str, i: int, p_start: int, p_end: int, is_open: bool) -> str | None:
    """Whether the single mark at ``i`` opens or closes a quotation, or is none (an
    apostrophe: "he’s", "’90s"; a plural possessive inside a quotation: "the
    players’ union")."""
    ch = text[i]
    if ch not in SINGLE_MARKS:
        return None
    before = text[i - 1] if i > p_start else " "
    after = text[i + 1] if i + 1 < p_end else " "
    if before.isalnum() and after.isalpha():
        return None  # inside a word
    if ch != "’" and (before.isspace() or before in "([") and after.isalpha():
        return "open"
    if ch == "‘" or not is_open or before.isspace():
        return None
    if after.isalpha() or after.isdigit():
        return None
    if before == "s" and after == " " and text[i + 2 : i + 3].islower():
        return None  # "the players’ union": a possessive, the quotation goes on
    return "close"


# A sentence's end inside a paragraph: its full stop and the next sentence's capital.
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"“])")


def _reopens(text: str, i: int, open_at: int) -> bool:
    """A straight mark placed as an opening one (a space before, a word after) right
    after a sentence of the open quotation ends: the quotation's next paragraph."""
    if text[i] != '"' or i + 1 >= len(text) or not text[i - 1].isspace():
        return False
    if not (text[i + 1].isalnum() or text[i + 1] in "[("):
        return False
    before = text[open_at:i].rstrip()
    return len(before) > 0 and before[-1] in ".!?"


def _continues(
    text: str, paragraphs: list[tuple[int, int]], p_index: int, single: bool = False
) -> bool:
    """The next paragraph opens with a mark: the open quotation goes on there. In a
    text quoting with single marks, a straight one opens it too ('But ...\n\n'We')."""
    if p_index + 1 >= len(paragraphs):
        return False
    nxt = paragraphs[p_index + 1][0]
    return text[nxt] in ("\"“‘'" if single else '"“‘')


def _trim(text: str, span: QuoteSpan) -> QuoteSpan:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return QuoteSpan(start, end, span.paragraph, span.continues, span.unclosed)


def _quoted(quotes: SpanIndex[QuoteSpan], offset: int) -> bool:
    return bool(quotes.covering(offset))


class _Speakers:
    """Finds who speaks a quote from the tokens around it."""

    def __init__(
        self,
        doc: Doc,
        entities: Entities,
        quotes: SpanIndex[QuoteSpan],
        article: Article | None = None,
    ) -> None:
        self.doc = doc
        self.article = article
        self.quotes = quotes
        self.spans = SpanIndex(
            (
                (n.start, n.end, e)
                for e in entities.actors
                for n in e.names
                if not _quoted(quotes, n.start)
            ),
            lambda s: (s[0], s[1]),
        )
        # "the senator said": the one person whose post that is; with two senators named,
        # neither (the dict would silently keep the last).
        holders: dict[str, list[Entity]] = {}
        for e in entities.actors:
            if e.kind != "person":
                continue
            # Every post the text gives the person, not only the one chosen as role:
            # "Bass, a six-term congresswoman, ... the congresswoman said".
            heads = {e.role_head} | {getattr(r, "head", None) for r in _roles(e)}
            for head in heads - {None}:
                holders.setdefault(head, []).append(e)
        self.roles = {head: ents[0] for head, ents in holders.items() if len(ents) == 1}
        self.surnames = _unique_surnames(entities)
        self.short_names = _unique_first_words(entities)
        self.bare_names = _unique_bare_names(entities)
        self.genders = self._genders()
        self.quote: QuoteSpan | None = None  # the quotation being attributed
        # Who asked the question of the paragraph before it, when it is one.
        self.asker: Entity | None = None
        # Questions and answers, each paragraph opening with "Q:" or "A:".
        labels = (
            {article.text[p_start : p_start + 2] for p_start, _e in article.paragraphs}
            if article is not None
            else set()
        )
        self.transcript = bool(labels & _QUESTION_LABELS) and bool(labels & _ANSWER_LABELS)
        # The quotes attributed so far, with their speakers, in article order.
        self.said: list[tuple[QuoteSpan, Entity | None]] = []

    def _genders(self) -> dict[str, str]:
        """Each person's grammatical gender where the article shows it: a title ("Ms
        Reyes") or the pronouns of sentences about that person alone ("Rathbun ...
        on his blog"). A person it does not show is left out, not guessed."""
        votes: dict[str, list[int]] = {}
        last: str | None = None  # the one person of the sentence before
        for sent in self.doc.sents:
            people = {
                e.id
                for t in sent
                if not _quoted(self.quotes, t.idx)
                for e in [self.entity_of(t)]
                if e is not None and e.kind == "person"
            }
            # A sentence that names no one goes on about the one person of the last.
            ident = next(iter(people)) if len(people) == 1 else None if people else last
            last = next(iter(people)) if len(people) == 1 else None
            if ident is None:
                continue
            tally = votes.setdefault(ident, [0, 0])
            for tok in sent:
                if _quoted(self.quotes, tok.idx) or self._possessor_of_name(tok, ident):
                    continue
                word = tok.lower_.rstrip(".")
                if word in _MASCULINE:
                    tally[0] += 1
                elif word in _FEMININE:
                    tally[1] += 1
        found = {
            ident: ("m" if m > f else "f")
            for ident, (m, f) in votes.items()
            if (m == 0) != (f == 0)  # one-sided evidence only
        }
        # "Ms. Park", "Mr Davies": a title set on the name says which, whatever the
        # pronouns of a sentence that names no one, which may be someone else's.
        titled: dict[str, set[str]] = {}
        text = doc_text(self.doc)
        for s, e, ent in self.spans.overlapping(0, len(text)):
            words = [*text[max(0, s - 6) : s].split()[-1:], *text[s:e].split()[:1]]
            for word in (w.lower().rstrip(".") for w in words):
                if ent.kind == "person" and word in _TITLE_GENDER:
                    titled.setdefault(ent.id, set()).add(_TITLE_GENDER[word])
        found.update({ident: g.pop() for ident, g in titled.items() if len(g) == 1})
        # "her husband, Sam Doe": a kin noun the name is set beside says which, and
        # outweighs pronouns, which a sentence naming no one may owe to someone else.
        kin: dict[str, set[str]] = {}
        for tok in self.doc:
            gender = _KIN_GENDER.get(tok.lower_)
            if gender is None or _quoted(self.quotes, tok.idx):
                continue
            named = [tok.head] if tok.dep_ == "appos" else []
            named += [c for c in tok.children if c.dep_ == "appos"]
            for ent in map(self.entity_of, named):
                if ent is not None and ent.kind == "person":
                    kin.setdefault(ent.id, set()).add(gender)
        found.update({ident: g.pop() for ident, g in kin.items() if len(g) == 1})
        return found

    def _possessor_of_name(self, tok: Token, ident: str) -> bool:
        """``tok`` is the possessive of the phrase that names ``ident`` ("his neighbour,
        Rosa Hill"): it stands for someone else."""
        if tok.dep_ != "poss" or tok.pos_ != "PRON":
            return False
        return any(
            (ent := self.entity_of(t)) is not None and ent.id == ident for t in tok.head.subtree
        )

    def agrees(self, ent: Entity, pronoun: Token) -> bool:
        """``ent`` may be what ``pronoun`` (he, she) stands for: no gender the article
        shows for the person contradicts it, and it is not the one whose question, a
        paragraph before, the quotation answers."""
        if self.asker is not None and ent.id == self.asker.id:
            return False  # who put the question does not answer it
        gender = self.genders.get(ent.id)
        word = pronoun.lower_
        if word not in _PERSON_PRONOUNS:
            return True  # "the 54-year-old": no gender to agree with
        return gender is None or (gender == "m") == (word in _MASCULINE)

    def of_age_epithet(self, verb: Token) -> tuple[bool, Entity | None]:
        """'"...," the 54-year-old said', 'said the 45-year-old': the one person the
        article gives that age ("Mark Delaney, 54,"); else the person the last clause
        was about, as for "he", unless the article gives that one another age."""
        text = doc_text(self.doc)
        sent = verb.sent
        before = _AGE_BEFORE.search(text, sent.start_char, verb.idx)
        after = _AGE_AFTER.match(text, verb.idx + len(verb.text))
        found = before or after
        if found is None:
            return False, None
        age = found.group(1)
        stated = self.ages()
        holders = [ident for ident, (_ent, ages) in stated.items() if age in ages]
        if holders:
            return True, stated[holders[0]][0] if len(holders) == 1 else None
        epithet = self.doc.char_span(found.start(1), found.end(1), alignment_mode="expand")
        if epithet is None:
            return True, None
        decided, ent = self._subject_before(epithet[0])
        if not decided or (ent is not None and ent.id in stated):
            return True, None  # the last clause's person is given another age
        return True, ent

    def ages(self) -> dict[str, tuple[Entity, set[str]]]:
        """The ages the text gives people beside their names ("X, 54,", "X (54)",
        "54-year-old X"), by person id."""
        text = doc_text(self.doc)
        out: dict[str, tuple[Entity, set[str]]] = {}
        for s, e, ent in self.spans.overlapping(0, len(text)):
            if ent.kind != "person":
                continue
            after = _AGE_BESIDE.match(text, e)
            prefix = _AGE_PREFIX.search(text, max(0, s - 20), s)
            for m in (after, prefix):
                if m is not None:
                    out.setdefault(ent.id, (ent, set()))[1].add(m.group(1))
        return out

    def named_in_quote(self, ent: Entity) -> bool:
        """``ent`` is named inside the quotation being attributed: people rarely speak of
        themselves by name, so a pronoun's antecedent that the words name in the third
        person ("He said, 'Smith was the centre of it all'") is someone else."""
        q = self.quote
        return q is not None and any(q.start <= n.start < q.end for n in ent.names)

    def entity_of(self, tok: Token) -> Entity | None:
        covering = self.spans.covering(tok.idx)
        if covering:
            return covering[0][2]
        # A bare surname the actor list left unlinked ("Rathbun requested ...", even
        # tagged a noun, or an adverb in a parse that lost the subject): the one person
        # of that surname, when there is only one.
        named = tok.is_alpha and tok.dep_ != "compound" and tok.text[:1].isupper()
        if named and tok.pos_ in ("ADV", "ADJ", "VERB") and tok.i + 1 < len(tok.doc):
            nxt = tok.doc[tok.i + 1]
            if nxt.lemma_.lower() in SPEECH_VERBS and nxt.tag_ in ("VBD", "VBZ"):
                return self.surnames.get(tok.text)
        if tok.pos_ in ("PROPN", "NOUN") and named:
            person = self.surnames.get(tok.text)
            if person is not None:
                return person
            nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
            if nxt is None or not (nxt.pos_ == "PROPN" and nxt.text[:1].isupper()):
                # "Hale joined the BBC" where the model tagged only another "Hale": a
                # one-word name the actor list gives one actor is that actor here too.
                # "Pinecrest said" after "Pinecrest Bank": a company's short name.
                return self.bare_names.get(tok.text) or self.short_names.get(tok.text)
        return None

    def misspelt_surname(self, subj: Token) -> Entity | None:
        """A speaker's surname one slip away from a person's ("said Clements" for Tony
        Clement, "Ms Bauchtman" for Buchtmann), when no actor has that name and only
        one person's is that close: the article misspelt it."""
        word = subj.text
        if subj.pos_ != "PROPN" or len(word) < _MIN_FUZZY or not word[:1].isupper():
            return None
        slips = 1 if len(word) < _LONG_NAME else 2
        close = [
            ent
            for name, ent in self.surnames.items()
            if name[:1] == word[:1]
            and Levenshtein.distance(name.lower(), word.lower(), score_cutoff=slips) <= slips
        ]
        return close[0] if len(close) == 1 else None

    def preceding(
        self, offset: int, kinds: frozenset[str], pronoun: Token | None = None
    ) -> Entity | None:
        return next(
            (
                ent
                for _s, _e, ent in self.spans.before(offset, ended=False)
                if ent.kind in kinds
                and not self.named_in_quote(ent)
                and (pronoun is None or self.agrees(ent, pronoun))
            ),
            None,
        )

    def of_subject(self, subj: Token, quote_start: int, epithet: bool = True) -> Entity | None:
        """The actor a subject phrase names, resolving pronouns, role nouns and (with
        ``epithet``) nouns that stand for an organization ("the company")."""
        if _person_epithet(subj):
            return self.person_epithet(subj, quote_start)
        # The subject's own head first: in "Iran's foreign minister, Abbas Araghchi,"
        # the speaker is the minister, not Iran.
        found = [
            e
            for t in _own_phrase(subj)
            if (e := self.entity_of(t)) is not None and not _origin_of_body(subj, t, e)
        ]
        head = self.entity_of(subj) or self.misspelt_surname(subj)
        if head is not None:
            return head
        named = _named_right_after(subj)
        body = self.entity_of(named) if named is not None else None
        if body is not None and body.kind == "organization":
            return body  # "The US automobile manufacturer Ford predicted"
        people = [e for e in found if e.kind == "person"]
        if people:
            # "Wexley's son, Michael Wexley, recalled": the one the apposition names
            # speaks, not the possessor the subject is named by.
            named = [e for e in map(self.entity_of, _appositions(subj)) if e is not None]
            person = next((e for e in named if e.kind == "person"), None)
            if person is not None:
                return person
            owners = [
                e
                for c in subj.children
                if c.dep_ == "poss"
                for e in map(self.entity_of, c.subtree)
                if e is not None
            ]
            others = [e for e in people if all(e is not o for o in owners)]
            if subj.pos_ == "NOUN" and subj.lemma_.lower() not in DOCUMENT_NOUNS and not others:
                # "Hart's son said", "Obama's spokesman said": someone the text leaves
                # unnamed, not the person the noun is named by ("Obama's statement
                # said" is Obama's words).
                return None
            return (others or people)[0]
        lemma = subj.lemma_.lower()
        if found and subj.pos_ == "NOUN" and lemma not in _BODY_OR_DOCUMENT_NOUNS:
            # "GM's marketing vice president said": a person the article leaves unnamed,
            # not the body named as theirs. "Iran's president" may be the actor who
            # holds that post; a modified one ("vice president") is another post.
            modified = any(c.dep_ in ("compound", "amod") for c in subj.children)
            return None if modified else self.roles.get(lemma)
        if found and (not _unnamed(subj) or lemma in DOCUMENT_NOUNS):
            # "A statement on Apple's website states": an indefinite document still
            # names whose words it carries, as an indefinite person does not.
            return found[0]
        if found:
            return None  # "a United Auto Workers negotiator": no actor is the speaker
        word = subj.lower_
        if word in _RELATIVE and subj.head.dep_ == "relcl":
            # "O'Reilly, a management expert, who stated": the clause's antecedent speaks.
            return self._antecedent(subj.head.head)
        if word in _PERSON_PRONOUNS:
            # "Doherty credits Jobs' success ... He states": the person the last clause was
            # about (its subject), not the nearest name, which is often its object.
            decided, ent = self._subject_before(subj)
            if decided:
                return ent
            return self.salient_before(subj, quote_start)
        if word == "they" and self._unnamed_group_before(subj):
            return None  # "The report's authors say ... They call for": no one named
        if word == "it":
            decided, ent = self._body_subject_before(subj)
            if decided:
                return ent
        if word in _GROUP_PRONOUNS:
            return self.preceding(
                min(subj.idx, quote_start), frozenset({"organization", "country"})
            )
        lemma = _body_lemma(subj)
        if lemma in DOCUMENT_NOUNS and _definite(subj):
            return self.document_owner(subj)
        role = self.roles.get(lemma)
        if role is None and epithet and lemma in ORG_NOUNS and _definite(subj):
            return self.own_channel(subj) or self.organization_epithet(subj, quote_start)
        return role

    def person_epithet(self, noun: Token, quote_start: int) -> Entity | None:
        """ "the Ohio Republican", "the lawmaker": who "he" or "she" would be there, when
        the article describes that person so (a Republican named so beside the name; a
        senator, a representative); another person, or none, gives no speaker."""
        decided, ent = self._subject_before(noun)
        if not decided:
            ent = self.salient_before(noun, quote_start)
        if ent is None or ent.kind != "person":
            return None
        word = noun.lemma_.lower()
        if word in _LEGISLATOR_EPITHETS:
            heads = {ent.role_head} | {getattr(r, "head", None) for r in _roles(ent)}
            return ent if heads & _LEGISLATIVE_POSTS else None
        if self.article is None:
            return None
        said = re.compile(rf"\b{word}\b", re.IGNORECASE)
        for name in ent.names:
            sent = self.article.sentence_at(name.start)
            if sent is not None and said.search(self.article.text, sent.start, sent.end):
                return ent
        return None

    def own_channel(self, noun: Token) -> Entity | None:
        """The body whose document or site the epithet's own verb speaks through ("In a
        statement on the Airbus website, the company said"): the company is Airbus,
        whatever other bodies the passage names. Only a document's own name or
        possessor counts: the one it is sent to ("In a letter to Boeing") is not it."""
        verb = noun.head
        if verb.i == noun.i:
            return None
        docs = [
            o
            for c in verb.children
            if c.dep_ == "prep"
            for o in c.children
            if o.dep_ == "pobj" and o.lemma_.lower() in DOCUMENT_NOUNS
        ]
        # and the document's own place: "a statement on the Airbus website"
        docs += [
            o
            for d in docs
            for c in d.children
            if c.dep_ == "prep" and c.lower_ in ("on", "in")
            for o in c.children
            if o.dep_ == "pobj" and o.lemma_.lower() in DOCUMENT_NOUNS
        ]
        found = {
            ent.id: ent
            for d in docs
            for c in d.children
            if c.dep_ in ("compound", "poss")
            for ent in [self.entity_of(c)]
            if ent is not None and ent.kind == "organization"
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def document_owner(self, noun: Token) -> Entity | None:
        """Whose "the statement" or "the letter" is: the owner of the last mention of a
        document of that kind before it, in reach: its possessor or the one it is by or
        from ("a statement from the ministry"), else the subject of the verb that made
        it ("X issued a statement", not "X read the report"). The last mention decides,
        for no one when it gives none of these; no mention, no owner."""
        lemma = noun.lemma_.lower()
        lo = max(0, noun.idx - _EPITHET_REACH)
        for tok in reversed(noun.doc[: noun.i]):
            if tok.idx < lo:
                break
            if tok.lemma_.lower() != lemma or tok.pos_ != "NOUN" or _quoted(self.quotes, tok.idx):
                continue
            owners = [c for c in tok.children if c.dep_ == "poss"]
            owners += [
                o
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ in ("by", "from")
                for o in c.children
                if o.dep_ == "pobj"
            ]
            # "a letter written by Tom Baker"
            owners += [
                o
                for c in tok.children
                if c.dep_ == "acl"
                for a in c.children
                if a.dep_ == "agent"
                for o in a.children
                if o.dep_ == "pobj"
            ]
            verb = tok.head if tok.dep_ == "dobj" else None
            makers = _MAKING
            if tok.dep_ == "pobj" and tok.head.lower_ == "in":
                # "said in a statement"; not "read" as a document's verb ("X read the report")
                verb, makers = tok.head.head, _MAKING_IN
            if not owners and verb is not None and verb.lemma_.lower() in makers:
                owners = _own_subjects(verb)
            # Read as a speaker is: "Baker's lawyer issued a statement" is no word of Baker's.
            found = (self.of_subject(o, noun.idx) for o in owners)
            return next((e for e in found if e is not None), None)
        return None

    def organization_epithet(self, noun: Token, quote_start: int) -> Entity | None:
        """The organization "the company" or "the agency" stands for: the one whose name
        holds the noun ("the bank": Harbour Bank; "the airline": Lakeshore Airlines),
        else the only organization of that sort named in the passage before (a company
        for "the company", a public body for "the agency"). With two or more to choose
        from, none: a wrong speaker costs more than a missing one. Names in the
        headline do not count: a headline's words are often read as a name."""
        lemma = _body_lemma(noun)
        kinds = {"organization", "country"} if lemma in _STATE_NOUNS else {"organization"}
        start = min(noun.idx, quote_start)
        seen: list[Entity] = []
        for s, _e, ent in self.spans.before(start, max(0, start - _EPITHET_REACH)):
            if self.article is not None and not self.article.is_body(s):
                continue
            if ent.kind in kinds and ent not in seen and not self.named_in_quote(ent):
                seen.append(ent)
        if lemma in _PUBLIC_EPITHETS:
            # "the agency": the one public body named (its name ends in Administration,
            # Commission, ...), whatever companies the passage names besides; with
            # two, not the one that happens to have "Agency" in its name.
            public = [e for e in seen if _public_body(e)]
            return public[0] if len(public) == 1 else None
        named = [e for e in seen if any(w.lower().startswith(lemma) for w in e.name.split())]
        if named:
            return named[0]
        # A kind of body ("the ministry", "the bank") not in the one name before may
        # be another body the passage implies ("Foreign Minister X" -> his ministry);
        # only a word for any company, or a government, goes back to the one named.
        if lemma not in _ANY_BODY_NOUNS:
            return None
        if lemma in _COMPANY_EPITHETS:
            seen = [e for e in seen if not _public_body(e)]  # "the company" is no agency
        return seen[0] if len(seen) == 1 else None

    def _antecedent(self, noun: Token) -> Entity | None:
        """The person a noun phrase names, or the one it stands in apposition to, up
        through the phrase it ends ("O'Reilly, a management expert at Stanford
        University, who stated": O'Reilly, not the university)."""
        tok = noun
        for _ in range(4):
            # "Greene's son, Peter Greene, said": the apposition's person, before the
            # possessor the noun is named by.
            ent = self.entity_of(tok) or next(
                (
                    e
                    for e in map(self.entity_of, [*_appositions(tok), *tok.subtree])
                    if e and e.kind == "person"
                ),
                None,
            )
            if ent is not None and ent.kind == "person":
                return ent
            if tok.dep_ not in ("appos", "pobj", "prep") or tok.head.i == tok.i:
                return None
            tok = tok.head
        return None

    def _unnamed_group_before(self, pronoun: Token) -> bool:
        """The last subject before "they" (in its sentence or the one before, outside
        quotation marks) is a plural noun that names no actor: they are that group."""
        sent = pronoun.sent
        earlier = [t for t in sent if t.i < pronoun.i]
        if sent.start > 0:
            earlier = [*self.doc[sent.start - 1].sent, *earlier]
        for tok in reversed(earlier):
            if tok.dep_ not in ("nsubj", "nsubjpass") or _quoted(self.quotes, tok.idx):
                continue
            if tok.pos_ == "PRON":
                continue  # an earlier "they" points where this one does
            named = any(self.entity_of(t) for t in _own_phrase(tok))
            return tok.tag_ == "NNS" and not named
        return False

    def _earlier(self, pronoun: Token) -> list[Token]:
        """The tokens before ``pronoun`` in its sentence and the one before. The
        article's sentences, which end at paragraph breaks, are used where there are
        any: the parser at times runs a paragraph's last sentence into the next
        paragraph, and a subject from two sentences back is not the last clause's."""
        own = self.article.sentence_at(pronoun.idx) if self.article is not None else None
        if own is None or self.article is None:
            sent = pronoun.sent
            earlier = [t for t in sent if t.i < pronoun.i]
            if sent.start > 0:
                earlier = [*self.doc[sent.start - 1].sent, *earlier]
            return earlier
        sentences = self.article.sentences
        lo = own.start
        if own.index > 0 and sentences[own.index - 1].paragraph >= own.paragraph - 1:
            lo = sentences[own.index - 1].start
        span = self.doc.char_span(lo, pronoun.idx, alignment_mode="expand")
        return [t for t in span if t.i < pronoun.i] if span is not None else []

    def _body_subject_before(self, pronoun: Token) -> tuple[bool, Entity | None]:
        """What "it" stands for: the nearest main-clause subject before it (in its
        sentence, else the one before) that is no pronoun. A body or country names
        the speaker; a noun phrase that names none ("The US Treasury described its
        plan. It said") decides for no one, not the nearest body named, which is as
        often the one spoken of ("the UK index")."""
        earlier = self._earlier(pronoun)
        own = [t for t in earlier if t.sent == pronoun.sent and t.i >= pronoun.sent.start]
        rest = [t for t in earlier if t.i < (own[0].i if own else pronoun.i)]
        kinds = ("organization", "country")
        for part in (own, rest):
            subjects = [
                t
                for t in reversed(part)
                if t.dep_ in {"nsubj", "nsubjpass"}
                and t.pos_ in ("NOUN", "PROPN")
                and not _quoted(self.quotes, t.idx)
                and not _subordinate(t)
            ]
            for tok in subjects:
                ents = [e for e in map(self.entity_of, _own_phrase(tok)) if e is not None]
                head = self.entity_of(tok)
                if head is not None:
                    return True, head if head.kind in kinds else None
                bodies = [e for e in ents if e.kind in kinds]
                if tok.pos_ == "PROPN" and bodies:
                    return True, bodies[0]
                if tok.lemma_.lower() in ORG_NOUNS and _definite(tok):
                    return False, None  # "the company": the epithet's own passage
                return True, None
        return False, None

    def salient_before(self, pronoun: Token, quote_start: int) -> Entity | None:
        """The person "he" or "she" stands for when the last clause does not say ('"...,"
        he said' paragraphs after the name): the most recent one who spoke a quote or
        was a clause's subject, sentence by sentence back, that agrees with it; not
        the nearest name, which is as often an object or a possessor. Two people who
        both agree in the sentence that decides ("Hale and Ross met"), or a person
        the actor list does not resolve, leave it to no one. Where no one in reach
        speaks or is a subject, only the one agreeing person named there."""
        offset = min(pronoun.idx, quote_start)
        own = self.article.sentence_at(offset) if self.article is not None else None
        if own is None or self.article is None:
            return self.preceding(offset, frozenset({"person"}), pronoun)
        sentences = self.article.sentences
        first = max(0, own.index - _SALIENT_REACH)
        for sent in reversed(sentences[first : own.index + 1]):
            if not self.article.is_body(sent.end - 1):
                continue  # a headline; a dateline opens a sentence of the story
            found = self._salient_in(sent, pronoun, offset)
            if found is not None:
                return found[0]
        named = {
            ent.id: ent
            for s, _e, ent in self.spans.overlapping(sentences[first].start, offset)
            if s < offset
            and ent.kind == "person"
            and self.article.is_body(s)
            and not self.named_in_quote(ent)
            and self.agrees(ent, pronoun)
        }
        return next(iter(named.values())) if len(named) == 1 else None

    def _salient_in(
        self, sent: Sentence, pronoun: Token, offset: int
    ) -> tuple[Entity | None] | None:
        """Who of ``sent`` (before ``offset``) ``pronoun`` may stand for: its main
        clauses' person subjects (else its other clauses') and the speakers of its
        quotes. None when it has no such candidate; a one-tuple of the one that agrees,
        or of None when two do or a subject names a person no actor stands for."""
        span = self.doc.char_span(sent.start, min(sent.end, offset), alignment_mode="expand")
        tokens = [t for t in span if t.i < pronoun.i] if span is not None else []
        subjects = [
            t
            for t in tokens
            if t.dep_ in {"nsubj", "nsubjpass"}
            and t.pos_ != "PRON"  # an earlier "he" points where this one does
            and not _quoted(self.quotes, t.idx)
        ]
        # A main clause's subject before one of a clause it reports or governs, the
        # nearest first within each, as for the last clause: the first that is a
        # person decides, with any person joined to it.
        subjects.sort(key=lambda t: (_subordinate(t), -t.i))
        found: dict[str, Entity] = {}
        unresolved = False
        for subj in subjects:
            for tok in (subj, *(c for c in subj.children if c.dep_ == "conj")):
                ent = self._antecedent(tok)
                if ent is None:
                    # "the engineer" may be "he"; "investors" may not
                    single = tok.tag_ not in ("NNS", "NNPS")
                    unresolved = unresolved or (single and _names_a_person(tok))
                elif not self.named_in_quote(ent) and self.agrees(ent, pronoun):
                    found[ent.id] = ent
            if found or unresolved:
                break
        for quote, ent in self.said:
            inside = sent.start <= quote.start < min(sent.end, offset)
            if inside and ent is not None and ent.kind == "person" and self.agrees(ent, pronoun):
                found[ent.id] = ent
        if not found and not unresolved:
            # "According to Tom Reyes, the river rose": the source spoke, as a speaker
            # of a quotation does ('"That is extraordinary," he said').
            for tok in tokens:
                for source in _source_objects(tok):
                    ent = self.entity_of(source)
                    if ent is not None and ent.kind == "person" and self.agrees(ent, pronoun):
                        found[ent.id] = ent
        if not found and not unresolved:
            # "For Kevin Allton, Warhol was a legend", "The prize went to Ada Collins":
            # no person subject, but a person the main verb itself takes, not one a
            # phrase further down names ("a hospital championed by Tom Nash").
            for tok in tokens:
                ent = self.entity_of(tok) if tok.pos_ == "PROPN" else None
                if ent is None or ent.kind != "person" or _quoted(self.quotes, tok.idx):
                    continue
                if _clause_depth(tok) > _ARGUMENT_DEPTH or self.named_in_quote(ent):
                    continue
                if self.agrees(ent, pronoun):
                    found[ent.id] = ent
        if len(found) == 1 and not unresolved:
            return (next(iter(found.values())),)
        return (None,) if found or unresolved else None

    def _subject_before(self, pronoun: Token) -> tuple[bool, Entity | None]:
        """The person who is the subject of a clause before ``pronoun``: earlier in its
        sentence, else in the sentence before (outside quotation marks). In each, a
        main clause's subject comes before one of a clause it reports or governs: in
        "Mary Doe said her husband, John Doe, was left alone. 'They left him,' she
        said", she is Mary Doe. Whether it decided, and whom: a named person no actor
        stands for decides for no one."""
        earlier = self._earlier(pronoun)
        own = [t for t in earlier if t.sent == pronoun.sent and t.i >= pronoun.sent.start]
        rest = [t for t in earlier if t.i < (own[0].i if own else pronoun.i)]
        for part in (own, rest):
            subjects = [
                t
                for t in reversed(part)
                if t.dep_ in {"nsubj", "nsubjpass"} and not _quoted(self.quotes, t.idx)
            ]
            subjects.sort(key=_subordinate)  # stable: nearest first within each rank
            for tok in subjects:
                ent = self._antecedent(tok)
                asked = _addressee(tok) if tok.head.dep_ == "advcl" else None
                answers = self.entity_of(asked) if asked is not None else None
                if answers is not None and answers.kind == "person":
                    ent = answers  # the one asked answers, not the one asking
                if ent is not None and not self.named_in_quote(ent) and self.agrees(ent, pronoun):
                    # "Miller and his assistant, Greg Holt, watched": either may be "he".
                    joined = (self._antecedent(c) for c in tok.children if c.dep_ == "conj")
                    others = (o for o in joined if o is not None and o is not ent)
                    if any(self.agrees(o, pronoun) for o in others):
                        return True, None
                    return True, ent
                if ent is None and _names_a_person(tok):
                    # "Hale joined the BBC in 1962. In his memoir he wrote", "The city's
                    # engineer took the floor. He said": a person the actor list does
                    # not resolve is whom "he" most likely means; the nearest name
                    # before, someone else, would be a guess.
                    return True, None
        return False, None


def _person_epithet(subj: Token) -> bool:
    """ "the Ohio Republican", "the lawmaker": one person by party or kind of post."""
    word = subj.lemma_.lower()
    if word not in _PARTY_EPITHETS and word not in _LEGISLATOR_EPITHETS:
        return False
    return subj.tag_ in ("NN", "NNP") and _definite(subj)


def _roles(ent: Entity) -> list[object]:
    """The posts the text gives a person, as the actor list read them."""
    stated = ent.extra.get("roles")
    return stated if isinstance(stated, list) else []


def _names_a_person(subj: Token) -> bool:
    """A subject that stands for a person: a name the model takes for one, or a post
    or kin noun ("the engineer", "his widow")."""
    if subj.pos_ == "PROPN":
        return subj.ent_type_ == "PERSON"
    lemma = subj.lemma_.lower()
    return subj.pos_ == "NOUN" and (lemma in ROLE_NOUNS or lemma in KIN_NOUNS)


_SUBORDINATE = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "csubj"})


def _addressee(subj: Token) -> Token | None:
    """Whom the subject's verb asks, when it is a verb of asking with a person object
    ("a reporter asked Mr. Lee whether ...")."""
    verb = subj.head
    if verb.lemma_.lower() not in _ASKING:
        return None
    return next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)


# How far below its sentence's root a name may stand and still be one of what the main
# verb takes: its object (1), or the object of its preposition (2).
_ARGUMENT_DEPTH = 2


def _clause_depth(tok: Token) -> int:
    """How many heads up from the last word of a name its sentence's root is."""
    node, depth = tok, 0
    while node.dep_ == "compound" or node.dep_ == "flat":
        node = node.head
    while node.head.i != node.i and depth <= len(tok.doc):
        node, depth = node.head, depth + 1
    return depth


def _subordinate(subj: Token) -> bool:
    """The subject is of a clause inside another (reported, relative, adverbial)."""
    node = subj.head
    for _ in range(len(subj.doc)):
        if node.dep_ in _SUBORDINATE:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


# How many sentences back "he" or "she" may find the one it stands for.
_SALIENT_REACH = 10

# Surnames this long may be misspelt by a letter; from _LONG_NAME on, by two.
_MIN_FUZZY = 5
_LONG_NAME = 8


def _unique_surnames(entities: Entities) -> dict[str, Entity]:
    """Each surname that ends the name of exactly one person actor of several words."""
    owners: dict[str, list[Entity]] = {}
    for ent in entities.actors:
        words = ent.name.split()
        if ent.kind == "person" and len(words) > 1:
            owners.setdefault(words[-1], []).append(ent)
    return {name: ents[0] for name, ents in owners.items() if len(ents) == 1}


def _unique_bare_names(entities: Entities) -> dict[str, Entity]:
    """Each one-word capitalised name (an alias: "Hale", "Merkel") that names exactly one
    actor: the linking already decided whom it stands for."""
    owners: dict[str, set[str]] = {}
    ents: dict[str, Entity] = {}
    for ent in entities.actors:
        for n in ent.names:
            if " " not in n.text and n.text[:1].isupper() and n.text.isalpha() and not n.demonym:
                owners.setdefault(n.text, set()).add(ent.id)
                ents[n.text] = ent
    return {w: ents[w] for w, ids in owners.items() if len(ids) == 1}


def _appositions(noun: Token) -> list[Token]:
    """The tokens of the phrases set in apposition to ``noun`` ("his lawyer, Ann Poe")."""
    return [t for c in noun.children if c.dep_ == "appos" for t in c.subtree]


def _unique_first_words(entities: Entities) -> dict[str, Entity]:
    """Each first word of an organization's name of several words that opens no other
    actor's name and is no person's surname ("Pinecrest" for Pinecrest Bank)."""
    owners: dict[str, set[str]] = {}
    ents: dict[str, Entity] = {}
    for ent in entities.actors:
        for n in ent.names:
            words = n.text.split()
            if words:
                owners.setdefault(words[0], set()).add(ent.id)
                if ent.kind == "person" and len(words) > 1:
                    owners.setdefault(words[-1], set()).add(ent.id)
        words = ent.name.split()
        if ent.kind == "organization" and len(words) > 1 and words[0][:1].isupper():
            ents.setdefault(words[0], ent)
    return {w: e for w, e in ents.items() if owners.get(w) == {e.id} and w.isalpha()}


def _named_right_after(subj: Token) -> Token | None:
    """The name written right after a body noun, which names that body however the
    parse hung it ("The US automobile manufacturer Ford has said")."""
    if subj.pos_ != "NOUN" or _body_lemma(subj) not in ORG_NOUNS or subj.i + 1 >= len(subj.doc):
        return None
    nxt = subj.doc[subj.i + 1]
    return nxt if nxt.pos_ == "PROPN" and not subj.whitespace_.count("\n") else None


def _origin_of_body(subj: Token, tok: Token, ent: Entity) -> bool:
    """'The US automobile manufacturer Ford said': a country that only modifies a body
    noun says where the body is from; the body, not the country, speaks."""
    return (
        ent.kind == "country"
        and subj.pos_ == "NOUN"
        and _body_lemma(subj) in ORG_NOUNS
        and tok.head.i == subj.i
        and tok.dep_ in ("compound", "amod")
    )


def _own_phrase(noun: Token) -> list[Token]:
    """The tokens of ``noun``'s phrase without its clauses: "a letter seen by Sky News"
    is no word of Sky News's."""
    skip = {t.i for c in noun.children if c.dep_ in ("acl", "relcl") for t in c.subtree}
    return [t for t in noun.subtree if t.i not in skip]


def _outside_tokens(doc: Doc, start: int, end: int, quotes: SpanIndex[QuoteSpan]) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    return [t for t in span if not _quoted(quotes, t.idx) and t.text not in _MARKS]


# A determiner that leaves the speaker unnamed: "one poster", "a Delhi supplier".
_INDEFINITE = word_set("a an one some another several many")


def _attribution(
    tokens: list[Token], quote: QuoteSpan, speakers: _Speakers, quotes: SpanIndex[QuoteSpan]
) -> tuple[bool, Entity | None]:
    """Whether an attribution is found, and the speaker it names: None when it names
    someone who is no actor ("one poster writing", "a negotiator has said": no speaker
    rather than a wrong one).

    A speech verb right after the quotation ("...," said X) comes first, then one
    before it in its sentence ("X said: ..."); a verb with another quotation between
    it and this one attributes that one.
    """
    verbs = [t for t in tokens if (t.lemma_.lower() in SPEECH_VERBS or _goes_on(t)) and _is_verb(t)]
    verbs = [v for v in verbs if not _quote_between(quotes, v.idx, quote)]
    ranked = sorted((_attribution_rank(v, quote, quotes), v.i, v) for v in verbs)
    verbs = [v for rank, _i, v in ranked if rank[0] < 3]
    for verb in verbs:
        subjects = _subjects(verb)
        if all(_age_noun(s) for s in subjects):
            # "the 54-year-old said", parsed with "old" as the subject or with none
            aged, ent = speakers.of_age_epithet(verb)
            if aged:
                return True, ent
        # An epithet is read only as the verb's own subject: one reached up through a
        # participle's head ("Responding to ..., the government would participate") is
        # a guess.
        found = (speakers.of_subject(s, quote.start, epithet=s.head == verb) for s in subjects)
        ents = [e for e in found if e]
        # "USAF's chief of staff General Duncan McNab stated": the person, not the body.
        people = [e for e in ents if e.kind == "person"]
        if people or ents:
            return True, (people or ents)[0]
        # Named, but by a name that is no actor's ("Khaled Al-Maeena, editor at ..."),
        # not named at all, or told by a noun phrase that names no one actor ("the
        # company said", "PC World's analysis concluded"): the words are the
        # subject's, not the previous speaker's, and no speaker beats a guessed one.
        # Only the verb's own subject: one reached up through a participle's head
        # ("Responding to ..., the government would participate") is a guess.
        if any(
            _unnamed(s)
            or s.pos_ == "PROPN"
            or (s.pos_ in ("NOUN", "NUM") and s.head == verb and _names_owner(s))
            or (s.head == verb and _body_lemma(s) in _BODY_OR_DOCUMENT_NOUNS and _definite(s))
            for s in subjects
        ):
            return True, None
    for obj in (o for tok in tokens for o in _source_objects(tok)):
        ent = speakers.of_subject(obj, quote.start)
        if ent is not None:
            # "according to the Herald": the outlet's own words when no one else is
            # said to speak them (a speech verb with its subject came first above).
            return True, ent
    return False, None


def _goes_on(tok: Token) -> bool:
    """'"...," Baker went on': "go on" with nothing it goes on to do ("went on to win")
    is going on speaking."""
    return (
        tok.lemma_.lower() == "go"
        and any(c.dep_ == "prt" and c.lower_ == "on" for c in tok.children)
        and not any(c.dep_ in ("xcomp", "dobj", "prep") for c in tok.children)
    )


def _age_noun(subj: Token) -> bool:
    """'the 45-year-old' as a noun phrase: "old" with "year" before it."""
    return subj.lower_ == "old" and any(c.lower_ == "year" for c in subj.children)


def _definite(noun: Token) -> bool:
    """ "the company", "this agency": a noun that points back to one already named."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)


def _names_owner(subj: Token) -> bool:
    """A noun subject that names whose it is ("PC World's analysis", "the Tamworth
    council"), by a name that is no actor's. A bare epithet ("the company") is left
    to the previous speaker's passage."""
    return any(t.pos_ == "PROPN" for t in subj.subtree if t.i != subj.i)


def _source_objects(tok: Token) -> list[Token]:
    """The source that ``tok`` opens, if any: "according to X", "in the words of X"."""
    doc = tok.doc
    if tok.lower_ == "according" and tok.i + 1 < len(doc) and tok.nbor().lower_ == "to":
        return [c for c in tok.nbor().children if c.dep_ == "pobj"]
    if tok.lower_ == "words" and tok.i + 1 < len(doc) and tok.nbor().lower_ == "of":
        return [c for c in tok.nbor().children if c.dep_ == "pobj"]
    return []


def _is_verb(tok: Token) -> bool:
    """A verb, or a speech word the tagger took for a noun that still heads a subject
    ("The agency notes, '...'")."""
    return tok.pos_ in ("VERB", "AUX") or any(c.dep_ == "nsubj" for c in tok.children)


def _speech_verb(tok: Token) -> bool:
    """A verb of speaking ("said", "read", "told"), by ``_is_verb``'s reading."""
    return tok.lemma_.lower() in SPEECH_VERBS and _is_verb(tok)


# How far after a quotation its attribution may start: '," said X', '," the minister said'.
_TRAILING = 25
_LEADING = 40  # and how close before the next quotation a verb introduces that one


def _attribution_rank(
    verb: Token, quote: QuoteSpan, quotes: SpanIndex[QuoteSpan]
) -> tuple[int, int]:
    """0: right after the closing mark, nothing but punctuation between ('," said X');
    1: before it ('X said: "'); 2: later after it ('"...; it noted'); 3: a verb that
    introduces another quotation ('X said "...'), not this one."""
    if verb.idx >= quote.end:
        # From the attribution's first word: '," Khaled Al-Maeena, editor at ..., said.'
        first = min([verb.idx, *(s.left_edge.idx for s in _subjects(verb) if s.idx > quote.end)])
        aged = _AGE_BEFORE.search(doc_text(verb.doc), quote.end, verb.idx)
        if aged is not None:
            first = min(first, aged.start())  # '," the 54-year-old said', parsed subjectless
        gap = first - quote.end
        between = doc_text(verb.doc)[quote.end : first]  # the doc is the article's prose
        nxt = [q for q in quotes.overlapping(verb.idx, verb.idx + _LEADING) if q.start > verb.idx]
        if gap <= _TRAILING and not any(ch.isalnum() for ch in between):
            # '... a dear friend." Jane Doe said "...': a quotation that ends its
            # sentence is not attributed by the verb that opens the next one.
            ends = doc_text(verb.doc)[quote.end - 1 : quote.end] in (".", "…")
            return (3 if ends and _introduces(verb, nxt) else 0), gap
        return (3 if nxt else 2), gap
    return 1, quote.start - verb.idx


def _introduces(verb: Token, quotes: list[QuoteSpan]) -> bool:
    """One of ``quotes`` opens right after ``verb``: 'said "', 'said: "'."""
    after = verb.idx + len(verb.text)
    return any(0 <= q.start - after <= _MARK_GAP for q in quotes)


# What may stand between a verb and the quotation it opens: ': "', ', “'.
_MARK_GAP = 4
# A verb that starts this close before a quotation's opening introduces it: 'said: "',
# 'stated,\n"', 'has said, "'.
_INTRODUCES = 20


def _quote_between(quotes: SpanIndex[QuoteSpan], offset: int, quote: QuoteSpan) -> bool:
    """Another quotation that the verb at ``offset`` attributes lies between it and
    ``quote``: one it introduces ('X said "A" ... "B"') or one it closes ('"A," said X
    ... "B"'). A partial quote it only contains ('said the robot was named "Hope" and
    the team felt "shocked"') does not take the verb away."""
    lo, hi = (offset, quote.start) if offset < quote.start else (quote.end, offset)
    for q in quotes.overlapping(lo, hi):
        if q is quote or not (lo <= q.start and q.end <= hi):
            continue
        if offset < quote.start and q.start - offset <= _INTRODUCES:
            return True
        if offset > quote.end and offset - q.end <= _TRAILING:
            return True
    return False


def _subjects(verb: Token) -> list[Token]:
    """``verb``'s subjects, or those of the verb it is coordinated with ("expressed
    condolences and described him as ...")."""
    return (
        _own_subjects(verb)
        or _misparsed_subject(verb)
        or _inverted_subject(verb)
        or _leading_name(verb)
    )


# How long an aside between a sentence's opening name and its verb may run (tokens).
_ASIDE = 15


def _leading_name(verb: Token) -> list[Token]:
    """'Marsh, speaking at a news conference, explained that ...': a finite verb the
    parser left with no subject (it ran the sentence into the one before), after a
    name that opens its sentence and, at most, an aside set off by commas: the name's
    last word."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == 0:
        return []
    doc = verb.doc
    j = verb.i - 1
    if doc[j].text == ",":
        k = j - 1
        while k >= 0 and j - k <= _ASIDE and doc[k].text != ",":
            if doc[k].text in QUOTE_MARKS or doc[k].is_space or doc[k].text in ".!?;:":
                return []
            k -= 1
        if k < 0 or doc[k].text != ",":
            return []
        j = k - 1
    end = j
    # A capitalised run, whatever its tags: a parse that lost the subject may have
    # tagged the name too ("Tolliver" as an adverb).
    while j >= 0 and (doc[j].pos_ == "PROPN" or doc[j].text[:1].isupper()) and doc[j].is_alpha:
        j -= 1
    if j == end:
        return []
    # "When asked ..., Boeing Vice President Scott Carson replied": a fronted clause's
    # comma before the name is as good as the sentence's start; so is a title in lower
    # case that opens the name's phrase ("Republican leader John Thune, speaking ...").
    j = min(j, doc[end].left_edge.i - 1)
    if j >= 0 and not _opens_after(doc[j]):
        return []
    return [doc[end]]


def _opens_after(tok: Token) -> bool:
    """What follows ``tok`` may open a sentence or the clause after a fronted one."""
    return tok.is_space or tok.text in ".!?," or "\n" in tok.whitespace_


def _inverted_subject(verb: Token) -> list[Token]:
    """'" said William Clay Ford Jr.', '," claims writer Jane Doe': a verb right after a
    closing mark that the parser left without a subject (cut off by the splitter, or
    taken for a noun's modifier): the name right after it, to its last word."""
    if verb.i == 0:
        return []
    before = [t for t in verb.sent if t.i < verb.i]
    if verb.doc[verb.i - 1].text not in _MARKS and any(not t.is_punct for t in before):
        return []
    # '," added his neighbour, Rosa Hill': the inverted subject parsed as the object; a
    # speech verb's object right after the closing mark is who speaks, when a name is
    # set beside it (not '," told the committee').
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if objects and any(c.dep_ == "appos" for c in objects[0].children):
        return objects[:1]
    run: list[Token] = []
    for tok in verb.doc[verb.i + 1 : verb.i + 1 + _NAME_RUN]:
        # An acronym goes on with the name whatever its tag ("said WHO director Anna
        # Berg", "WHO" read as the pronoun).
        acronym = len(tok.text) > 1 and tok.text.isupper() and tok.is_alpha
        if tok.pos_ not in ("PROPN", "NOUN") and not acronym:
            break
        run.append(tok)
    return run[-1:] if run and run[-1].pos_ == "PROPN" else []


# How many words a name with its title may run to after an inverted verb.
_NAME_RUN = 6


def _misparsed_subject(verb: Token) -> list[Token]:
    """The subject the parser gave to a clause inside the speaker's phrase ("A statement
    on the website, the homepage of which displays ..., states:" parsed as the subject
    of "displays"): a clause before a subjectless verb, whose subject opens the
    sentence."""
    if verb.dep_ != "ROOT":
        return []
    for child in verb.lefts:
        if child.dep_ in ("ccomp", "parataxis"):
            subj = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.left_edge.i == verb.sent.start:
                return [subj]
    return []


def _own_subjects(verb: Token) -> list[Token]:
    node = verb
    quoted_as = False  # reached from "as saying": "X was quoted as saying", X speaks
    for _ in range(3):
        # "was praised by Jobs as ...": the agent speaks, not the one spoken of.
        agents = [o for c in node.children if c.dep_ == "agent" for o in c.children]
        # "The phone is claimed to be '...'", "the plan was described as '...'": the
        # passive's subject is what the words are about, not who says them; only one
        # "quoted" or "cited" ("as saying") is the speaker.
        passive_speaks = quoted_as or node.lemma_.lower() in _QUOTING
        # "X was quoted by Reuters as saying": the agent only relays the words, so the
        # one quoted comes before it.
        quoted = [c for c in node.children if c.dep_ == "nsubjpass" and passive_speaks]
        found = (
            quoted
            or [o for o in agents if o.dep_ == "pobj"]
            or [c for c in node.children if c.dep_ == "nsubj"]
        )
        if found:
            return found
        if node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
            # "released a statement saying", "resigned in a letter stating": who made the
            # statement, else the statement itself (unnamed when indefinite).
            noun = node.head
            above = noun.head.head if noun.dep_ == "pobj" else noun.head
            owners: list[Token] = []
            if noun.dep_ in ("dobj", "pobj") and above.pos_ in ("VERB", "AUX"):
                owners = _own_subjects(above)
            return owners or [noun]
        if node.dep_ == "pcomp" and node.head.head.pos_ in ("VERB", "AUX"):
            # "quoted Djamal as saying": the one quoted; "whilst promising": the subject
            # of the verb the phrase hangs on.
            above = node.head.head
            quoted = [c for c in above.children if c.dep_ == "dobj"]
            if node.head.lower_ == "as" and above.lemma_.lower() in _QUOTING and quoted:
                return quoted
            quoted_as = node.head.lower_ == "as"
            node = above
            continue
        # "defended the record whilst promising", "expressed condolences and described"
        if node.dep_ not in ("conj", "advcl", "xcomp") or node.head.pos_ not in ("VERB", "AUX"):
            return []
        node = node.head
    return []


def _unnamed(subj: Token) -> bool:
    """A subject that names nobody the article names: indefinite ("one poster", "a
    group of politicians") or a bare plural ("officials said")."""
    if subj.pos_ not in ("NOUN", "PROPN", "NUM", "PRON"):
        return False
    if subj.pos_ == "PRON":
        return subj.lower_ in ("someone", "somebody", "one")
    det = next((c for c in subj.children if c.dep_ in ("det", "nummod")), None)
    if det is not None and det.lower_ in _INDEFINITE:
        return True
    return subj.tag_ == "NNS" and det is None and not any(c.dep_ == "poss" for c in subj.children)


def _past_marks(text: str, i: int) -> int:
    """Where the text goes on after the quotation marks and blanks at ``i``."""
    while i < len(text) and (text[i] in _MARKS or text[i] in " \t"):
        i += 1
    return i


def _context(article: Article, quote: QuoteSpan) -> tuple[int, int]:
    first = article.sentence_at(max(quote.start - 1, 0))
    last = article.sentence_at(quote.end) or article.sentence_at(max(quote.end - 1, 0))
    start = first.start if first else quote.start
    end = last.end if last else quote.end
    # '... in two respects." said Jane Doe.': the splitter ended the sentence at the
    # closing mark, but a lower-case word after it goes on with the attribution.
    text = article.text
    i = _past_marks(text, quote.end)
    if i >= end and i < len(text) and text[i].islower():
        after = article.sentence_at(i)
        if after is not None:
            end = max(end, after.end)
    elif i >= end and i < len(text) and text[quote.end - 1 : quote.end] in ("?", "!"):
        # '"Isn't that what the statute forbids?" Roberts asked.': a question or an
        # exclamation ends the sentence for the splitter, but the name and verb right
        # after it, in the same paragraph, are its attribution. Only a short sentence
        # that ends as a statement: a longer one, or one that opens a quotation of its
        # own ("X defended the plan:"), is narration that goes on.
        after = article.sentence_at(i)
        if (
            after is not None
            and after.paragraph == _paragraph_of(article, quote.start)
            and _short_attribution(text[after.start : after.end])
        ):
            end = max(end, after.end)
    return start, end


# How many words a stand-alone attribution may have ("said Chief Justice John Roberts").
_SHORT_ATTRIBUTION = 10


def _short_attribution(sentence: str) -> bool:
    """A sentence that is only an attribution: a few words ending as a statement ("Roberts
    asked."), or a few words and a comma that open the next quotation ('Quinn remembered
    asking, "It is ..."'), which they attribute too. A colon there opens a quotation of
    the clause's own ('X defended the plan:'): narration that goes on."""
    mark = next((k for k, ch in enumerate(sentence) if ch in QUOTE_MARKS), None)
    if mark is not None:
        head = sentence[:mark].rstrip()
        return head.endswith(",") and len(head.split()) <= _SHORT_ATTRIBUTION
    return len(sentence.split()) <= _SHORT_ATTRIBUTION and sentence.rstrip().endswith(".")


def _paragraph_of(article: Article, offset: int) -> int | None:
    sent = article.sentence_at(offset)
    return sent.paragraph if sent is not None else None


def _evidence(article: Article, quote: QuoteSpan) -> str:
    """The sentence holding the quote's start: evidence never crosses a sentence."""
    sent: Sentence | None = article.sentence_at(quote.start)
    if sent is None:
        return article.text[quote.start : quote.end]
    return article.text[sent.start : sent.end]


def find_quotes(article: Article, doc: Doc, entities: Entities) -> list[dict[str, object]]:
    """Direct quotations in the data contract's field names, in article order."""
    quotes = find_quote_spans(article, unclosed=True)
    index = SpanIndex(quotes, lambda q: (q.start, q.end))
    speakers = _Speakers(doc, entities, index, article)
    out: list[tuple[QuoteSpan, dict[str, object]]] = []
    previous: tuple[QuoteSpan, Entity | None] | None = None
    earlier: tuple[QuoteSpan, Entity | None] | None = None  # the quote before that
    for quote in quotes:
        quoted = article.text[quote.start : quote.end]
        if _is_citation(article.text, quote) or _is_named(doc, quote):
            continue
        speakers.quote = quote
        # '"Can you guarantee that?" asked Sen. X.' then, a paragraph on, '"I cannot," he
        # said': an exchange's answer; a question and answer in one paragraph may be
        # the speaker's own ('"Is it fair?" he asked. "No," he said').
        speakers.asker = (
            previous[1]
            if previous is not None
            and previous[0].paragraph < quote.paragraph
            and article.text[previous[0].end - 1 : previous[0].end] == "?"
            else None
        )
        start, end = _context(article, quote)
        tokens = _outside_tokens(doc, start, end, index)
        # "Hope", "Better Idea of Afghan Girls": a name or a title, not speech; but a
        # word or two said aloud looks the same ('"Nonsense," he said').
        title = _is_title(quoted)
        uttered = title and _uttered(doc, quote, tokens, index)
        if _on_a_sign(tokens, quote, index):
            continue  # 'signs reading "Hands off our hospital"': a label, not speech
        if _modifying_term(doc, quote):
            continue  # 'the first "point" release', '"parole" status': a term (GUIDE §7)
        attributed, speaker = _signed(doc, quote, speakers)
        if not attributed:
            attributed, speaker = _attribution(tokens, quote, speakers, index)
        if not attributed:
            attributed, speaker = _introduced(article, doc, quote, speakers, index)
        if quote.unclosed and speaker is None:
            continue  # a stray mark, unless someone is said to speak the words
        if uttered and (speaker is None or speaker.kind != "person"):
            continue  # '"Welcome Home," the banner read': a label, not speech
        if not attributed:
            attributed, speaker = _reported_before(article, doc, quote, speakers, index)
        words = len(quoted.split())
        # A word or two in quotation marks with no attribution of its own is a term or
        # a scare quote ("unknowns", "electric"), not the last speaker's words.
        # A short sentence of its own right after a quote ('"We're disappointed," said
        # X. "We'll appeal."') goes on with that quote, though: it opens with a
        # capital and ends inside the marks.
        sentence = quoted[:1].isupper() and quoted.rstrip()[-1:] in (".", "!", "?")
        goes_on = sentence and previous is not None and _same_passage(previous[0], quote)
        if title and not uttered:
            # A title-case word or two is a name unless it goes on as a sentence of the
            # person just quoted ('"Nobody was in charge," she said. "Nobody."').
            follows = (
                goes_on
                and not attributed
                and previous is not None
                and previous[1] is not None
                and previous[1].kind == "person"
                and not _narration_between(article, previous, quote, speakers)
                and not _goes_on_lower(article.text, quote)
            )
            if not follows:
                continue
        if not attributed and words < _MIN_UNATTRIBUTED_WORDS and not goes_on:
            continue
        if (
            not attributed
            and previous is not None
            and _same_passage(previous[0], quote)
            and not _narration_between(article, previous, quote, speakers)
            and not _labelled_by_another(article, previous, quote, speakers)
        ):
            if _inside_narration(article, doc, quote, index):
                # A thing's words, not a speaker's: the passage's speaker stays the one
                # quoted before, for the quotes after this one.
                out.append((quote, _record(article, quote, None)))
                continue
            speaker, attributed = previous[1], previous[1] is not None
        if (
            not attributed
            and previous is not None
            and previous[1] is not None
            and _next_paragraph(article, previous, quote, speakers)
            and not _dialogue(article, earlier, previous)
        ):
            speaker, attributed = previous[1], True
        out.append((quote, _record(article, quote, speaker)))
        if previous is not None:
            earlier = previous
        previous = (quote, speaker)
        speakers.said.append(previous)
    _attribute_backwards(out)
    return [rec for _, rec in out]


def _record(article: Article, quote: QuoteSpan, speaker: Entity | None) -> dict[str, object]:
    rec: dict[str, object] = {}
    if speaker is not None:
        rec["speaker"] = speaker.id
    rec["text"] = article.text[quote.start : quote.end]
    rec["evidence"] = _evidence(article, quote)
    return rec


def _goes_on_lower(text: str, quote: QuoteSpan) -> bool:
    """The sentence goes on in lower case after the closing mark ('"Vote Baker!" the
    crowd chanted'): the quotation is not a sentence of its own."""
    i = _past_marks(text, quote.end)
    return i < len(text) and text[i].islower()


# Things that carry words no one is said to speak: signs, labels, inscriptions. Not
# "poster" (one who posts online) nor "label" (a record company).
_SIGN_NOUNS = word_set("""
    sign placard banner billboard shirt t-shirt slogan plaque inscription graffiti
    sticker badge headline caption
    """)


def _modifying_term(doc: Doc, quote: QuoteSpan) -> bool:
    """'the first "point" release', '"parole" status': one quoted word that modifies the
    lower-case noun right after the closing mark is a term the article uses, whoever
    the sentence goes on to name."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None or len(span) != 1 or span.end + 1 >= len(doc):
        return False
    word, mark, noun = span[0], doc[span.end], doc[span.end + 1]
    return (
        mark.is_quote
        and noun.pos_ == "NOUN"
        and noun.is_lower
        and word.head.i == noun.i
        and word.dep_ in {"compound", "amod", "nmod"}
    )


def _on_a_sign(tokens: list[Token], quote: QuoteSpan, quotes: SpanIndex[QuoteSpan]) -> bool:
    """The quotation is what a sign or a label reads ('carried signs reading "..."', 'a
    banner that said "..."'): the GUIDE's label, not a quote."""
    for verb in tokens:
        if not _speech_verb(verb):
            continue
        if _quote_between(quotes, verb.idx, quote) or _attribution_rank(verb, quote, quotes)[0] > 1:
            continue
        # The noun a participle or relative clause hangs on ("signs reading", "a banner
        # that said"), else the verb's subject ("read a sign on the door").
        bearers = [verb.head] if verb.dep_ in ("acl", "relcl") else []
        bearers += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not bearers and verb.idx > quote.end:
            # '"Closed," read a sign': the inverted subject parsed as the object
            bearers = [c for c in verb.children if c.dep_ == "dobj"]
        if any(b.lemma_.lower() in _SIGN_NOUNS for b in bearers):
            return True
    return False


# What may stand between a speech verb and the short quotation it opens: 'replied:
# "Never."'.
_OPENS_UTTERANCE = re.compile(r"[ \t]*[:,][ \t]*[\"“]?[ \t]*")


def _uttered(doc: Doc, quote: QuoteSpan, tokens: list[Token], quotes: SpanIndex[QuoteSpan]) -> bool:
    """A short quotation in title case said as a whole utterance: its own punctuation
    inside the marks and a speech verb right beside it ('"Nonsense," he said', 'she
    replied: "Never."'). A title in a sentence ('the film "Blue Harbour," which') has
    no speech verb there; one that names it ('Quinn said the film "Blue Harbour,"')
    has its verb further away, and one it is called ('to be called "Blue Harbour."')
    no colon or comma between."""
    text = doc_text(doc)
    if not (text[quote.end : quote.end + 1] == "," or text[quote.end - 1 : quote.end] in ".!?"):
        return False
    # An utterance stands on its own: 'dismissed an "Antennagate," saying' is a word
    # of the sentence around it.
    i = quote.start - 1
    while i >= 0 and (text[i] in _MARKS or text[i] in " \t"):
        i -= 1
    if i >= 0 and text[i] not in ".!?:,\n":
        return False
    for verb in tokens:
        if not _speech_verb(verb):
            continue
        if verb.idx >= quote.end and _attribution_rank(verb, quote, quotes)[0] == 0:
            return True
        after = verb.idx + len(verb.text)
        if after <= quote.start and _OPENS_UTTERANCE.fullmatch(text, after, quote.start):
            return True
    return False


_SIGNATURE = re.compile(r"[\"”»]?[ \t]*[-–—][ \t]*(?=\w)")


def _signed(doc: Doc, quote: QuoteSpan, speakers: _Speakers) -> tuple[bool, Entity | None]:
    """A pull quote signed with a dash and a name ('"..." - Jane Doe'), or with a name
    line and no verb ('"...," Jane Doe, an analyst at Edmunds.')."""
    sign = _SIGNATURE.match(doc_text(doc), quote.end)
    if sign is None:
        return _name_line(doc, quote, speakers)
    span = doc.char_span(
        sign.end(), min(len(doc_text(doc)), sign.end() + 60), alignment_mode="expand"
    )
    first = span[0] if span is not None and len(span) else None
    ent = speakers.entity_of(first) if first is not None else None
    if ent is not None and ent.kind == "person":
        return True, ent
    return False, None


# What may stand between a quotation and the name that signs it on its own line.
_NAME_LINE = re.compile(r",?[\"”»]?,?[ \t]*\n?[ \t]*(?=[A-Z])")
_NAME_LINE_END = re.compile(r"\n|[.!?](?=\s|$)|[\"“”]")
_NAME_LINE_TOKENS = 15


def _name_line(doc: Doc, quote: QuoteSpan, speakers: _Speakers) -> tuple[bool, Entity | None]:
    """'"...," Jane Doe, an analyst at Edmunds.' or a name on the line after a pull
    quote: a person's name, with at most a description, that ends its sentence or line
    with no verb of its own. A name that goes on to a verb ('"..." Jane Doe smiled')
    is narration, read elsewhere."""
    text = doc_text(doc)
    lead = _NAME_LINE.match(text, quote.end)
    if lead is None or lead.end() == quote.end:
        return False, None
    stop = _NAME_LINE_END.search(text, lead.end())
    end = stop.start() if stop is not None else len(text)
    span = doc.char_span(lead.end(), end, alignment_mode="expand")
    if span is None or not len(span) or len(span) > _NAME_LINE_TOKENS:
        return False, None
    if any(t.pos_ in ("VERB", "AUX") for t in span):
        return False, None
    ent = speakers.entity_of(span[0])
    if ent is None or ent.kind != "person":
        return False, None
    # The name runs up to a comma (its description) or the end.
    name_end = next((t.i for t in span if t.text == ","), span.end)
    # Nothing but the name before it: "Warhol's photographic legacy", a subhead after
    # the quote, names someone without signing anything.
    if any(speakers.entity_of(t) is not ent for t in doc[span.start : name_end]):
        return False, None
    return True, ent


def _sentence_before(article: Article, quote: QuoteSpan) -> Sentence | None:
    """The sentence that ends right before ``quote``'s opening mark, when the quotation
    opens a sentence and that one ends as narration does ('... a businessperson. "')."""
    text = article.text
    i = quote.start - 1
    while i >= 0 and text[i] in _MARKS:
        i -= 1
    while i >= 0 and text[i].isspace():
        i -= 1
    if i < 0 or text[i] not in ".!?":
        return None
    return article.sentence_at(i)


def _a_person(noun: Token, speakers: _Speakers) -> bool:
    """A person the phrase names or stands for ("Baker", "him", "the minister")."""
    if noun.pos_ == "PRON":
        return noun.lower_ not in ("it", "this", "that", "what", "something", "nothing")
    ent = speakers.entity_of(noun)
    return (ent is not None and ent.kind == "person") or _names_a_person(noun)


def _reported_before(
    article: Article, doc: Doc, quote: QuoteSpan, speakers: _Speakers, quotes: SpanIndex[QuoteSpan]
) -> tuple[bool, Entity | None]:
    """A quotation with no attribution of its own, opening the sentence after one that
    reports someone's words ('Wilkins also said Warhol was a businessman. "As a way
    ..."'), what they spoke to ('Baker denied the allegations. "I never ..."') or
    that they spoke ('Quinn agreed. "It felt ..."'): the reported speaker goes on in
    their own words."""
    sent = _sentence_before(article, quote)
    if sent is None or quotes.overlapping(sent.start, sent.end):
        return False, None
    tokens = _outside_tokens(doc, sent.start, sent.end, quotes)
    for verb in tokens:
        if not _speech_verb(verb):
            continue
        # The sentence's main verb, or one joined to it ("rejected ... and denied").
        main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
        if not main:
            continue
        reports = any(c.dep_ in ("ccomp", "dobj") for c in verb.children)
        if not reports and sent.paragraph != quote.paragraph:
            # "Mayor X spoke next." closing a paragraph: a turn at a meeting, whose words
            # the next paragraph may or may not give; only in its own paragraph are they
            # hers.
            continue
        if any(c.dep_ in ("dobj", "dative") and _a_person(c, speakers) for c in verb.children):
            continue  # 'Quinn asked Baker about the vote. "It was fair."': either may speak
        ents = [speakers.of_subject(s, quote.start, s.head == verb) for s in _own_subjects(verb)]
        found = [e for e in ents if e is not None]
        if found:
            return True, found[0]
    return False, None


def _introduced(
    article: Article, doc: Doc, quote: QuoteSpan, speakers: _Speakers, quotes: SpanIndex[QuoteSpan]
) -> tuple[bool, Entity | None]:
    """A quotation that opens its sentence after a sentence ending in a colon or comma
    is introduced by that sentence: a block quote ('Smith commented,' then the words)
    or a transcript line ('Jane Doe: "..."')."""
    text = article.text
    i = quote.start - 1
    while i >= 0 and (text[i].isspace() or text[i] in _MARKS):
        i -= 1
    if i < 0 or text[i] not in ":,":
        return False, None
    sent = article.sentence_at(i)
    if sent is None or sent.end > quote.start:
        # The mark's own sentence was read already, unless the splitter ran the two
        # sentences together; then only the words before the mark are the introduction.
        lo = sent.start if sent is not None else max(0, i - 300)
    else:
        lo = sent.start
    tokens = _outside_tokens(doc, lo, i + 1, quotes)
    if not tokens:
        return False, None
    attributed, speaker = _attribution(tokens, quote, speakers, quotes)
    if attributed:
        return attributed, speaker
    if text[i] == ":":
        # 'Secretary of the Air Force Jane Doe: "...': the name right before the colon.
        last = [t for t in tokens if t.idx < i and not t.is_punct]
        if len(last) == 1 and last[0].text in ("Q", "A") and speakers.transcript:
            # An interview set as questions and answers: a question is the
            # interviewer's, an answer the words of whom "he" or "she" would be there.
            if last[0].text == "Q":
                return True, None
            return True, speakers.salient_before(last[0], quote.start)
        ent = speakers.entity_of(last[-1]) if last else None
        if ent is not None and ent.kind == "person":
            return True, ent
        return _colon_clause(tokens, quote, speakers)
    if _ends_sentence(article, quote) and _offers_words(tokens):
        # 'Jobs left this farewell, "I have made ..."': a clause that gives words (a
        # farewell, a statement) and a comma introduce a quotation closing the
        # sentence, as a colon does; only a person subject (a body's clause may cite
        # anyone's words), else no decision. A clause with no such object ('X opposed
        # the line, "a line that ..."') may be the article's description.
        found, speaker = _colon_clause(tokens, quote, speakers)
        if found and speaker is not None:
            return True, speaker
    return False, None


# What a clause may give that holds someone's words: "left this farewell", "issued a
# statement", "sent a message".
_WORDS_NOUNS = DOCUMENT_NOUNS | word_set("""
    farewell remark remarks words reply response warning tribute appeal plea greeting toast
    speech address comment comments answer message
    """)


def _offers_words(tokens: list[Token]) -> bool:
    """The clause's main verb has an object that holds words."""
    root = _clause_head(tokens)
    return root is not None and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _WORDS_NOUNS for c in root.children
    )


def _clause_head(tokens: list[Token]) -> Token | None:
    """The main verb of the words before a quotation: the sentence's root, else a verb
    the parser hung on one inside the quotation ('Berg left this farewell, "I have
    made ..."' parsed with "made" as the root)."""
    roots = [t for t in tokens if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")]
    if roots:
        return roots[-1]
    own = {t.i for t in tokens}
    hung = [t for t in tokens if t.pos_ in ("VERB", "AUX") and t.head.i not in own]
    return hung[-1] if hung else None


def _ends_sentence(article: Article, quote: QuoteSpan) -> bool:
    """Nothing but marks and a full stop follow the quotation in its sentence."""
    sent = article.sentence_at(quote.start)
    end = sent.end if sent is not None else quote.end
    return not any(ch.isalnum() for ch in article.text[quote.end : end])


def _colon_clause(
    tokens: list[Token], quote: QuoteSpan, speakers: _Speakers
) -> tuple[bool, Entity | None]:
    """A colon after a clause with no speech verb ('Sunak defended the record ...:',
    'The Guardian cited examples, including:'): what follows is what the clause's
    subject showed. A person's are their words; a body's may be anyone's (a paper
    citing a form), so no speaker, but not the last speaker's either."""
    root = _clause_head(tokens)
    if root is None:
        return False, None
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    ents = [e for e in (speakers.of_subject(s, quote.start, False) for s in subjects) if e]
    if not ents:
        return False, None
    return True, ents[0] if ents[0].kind == "person" else None


# A participle that names what follows rather than quoting anyone: 'a screen, dubbed a
# "retina display"', 'applications, commonly called "apps"', 'the so-called "death grip"'.
_NAMING = word_set("call dub name term know label nickname brand title")
_MAX_NAME_WORDS = 4
# Participles that put a thing in a class of some scale: what follows is the class's
# name. Matched as written: the lemmatizer clips some ("rated" -> "rat").
_GRADED = word_set("""
    rated classified classed graded categorized categorised designated listed ranked
    """)


def _is_named(doc: Doc, quote: QuoteSpan) -> bool:
    """A short quotation right after a naming participle ("dubbed", "so-called",
    "known as") is a name, not speech."""
    text = doc_text(doc)
    if len(text[quote.start : quote.end].split()) > _MAX_NAME_WORDS:
        return False
    before = text[max(0, quote.start - 40) : quote.start].rstrip(" \"“”'‘’").lower()
    if before.endswith(("so-called", "so called")):
        return True
    span = doc.char_span(max(0, quote.start - 40), quote.start, alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if not t.is_punct and t.idx < quote.start]
    words = [t for t in words if t.lower_ not in ("a", "an", "the", "as")]
    if not words:
        return False
    last = words[-1]
    lemma = last.lemma_.lower()
    if last.lower_ in _GRADED and last.tag_ in ("VBN", "VBD"):
        # "39 percent are rated "highly critical"": a grade on a scale, passive or not
        return not any(c.dep_ == "agent" for c in last.children)
    return (
        lemma in _NAMING
        and last.tag_ == "VBN"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in last.children)
    )


_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")


def _is_citation(text: str, quote: QuoteSpan) -> bool:
    """A quoted headline in a list of sources: '"Document found on street" — The
    Canadian Press, August 15, 2008'. A dash, an outlet and a date on the rest of the
    line; a pull quote signed with a name has no date."""
    close = quote.end + 1 if quote.end < len(text) and text[quote.end] in QUOTE_MARKS else quote.end
    line_end = text.find("\n", close)
    rest = text[close : line_end if line_end >= 0 else len(text)].strip()
    return rest[:1] in ("—", "–", "-") and bool(_YEAR.search(rest))


def _attribute_backwards(quotes: list[tuple[QuoteSpan, dict[str, object]]]) -> None:
    """A paragraph that opens a quotation left open is attributed where it closes."""
    for i in range(len(quotes) - 2, -1, -1):
        (quote, rec), (_, nxt) = quotes[i], quotes[i + 1]
        if quote.continues and "speaker" not in rec and "speaker" in nxt:
            quotes[i] = (quote, {"speaker": nxt["speaker"], **rec})


# Small words a title leaves in lower case ("Better Idea of Afghan Girls").
_TITLE_SMALL = word_set("a an and at by for from in into of on or the to vs with")
_MAX_TITLE_WORDS = 5
_MAX_LONG_TITLE_WORDS = 12


def _is_title(quoted: str) -> bool:
    """A short quotation in title case: what someone or something is called, not what was
    said. Speech, even a short partial quote ("shocked", "formal update"), is lower case."""
    words = [w.strip(".,;:!?'’\"()") for w in quoted.split()]
    words = [w for w in words if any(ch.isalpha() for ch in w)]
    if not words:
        return False
    # A long title case run is a title too ("Andy Warhol: Photographs and Prints from
    # the University Collection") unless it ends as a sentence does.
    if len(words) > _MAX_TITLE_WORDS and (
        len(words) > _MAX_LONG_TITLE_WORDS or quoted.rstrip().endswith((".", "!", "?"))
    ):
        return False
    capitalised = [w for w in words if _capitalised(w)]
    return (
        bool(capitalised)
        and all(_capitalised(w) or w.lower() in _TITLE_SMALL for w in words)
        and not (len(words) == 1 and quoted.rstrip().endswith(("!", "?")))
    )


def _capitalised(word: str) -> bool:
    """Upper case first, or a brand's inner capital ("iPhone")."""
    return word[0].isupper() or (word[0].islower() and any(ch.isupper() for ch in word[1:]))


def _next_paragraph(
    article: Article,
    previous: tuple[QuoteSpan, Entity | None],
    quote: QuoteSpan,
    speakers: _Speakers,
) -> bool:
    """A paragraph that opens with a quotation no one is said to speak, right after a
    paragraph whose last words were a speaker's quote and its attribution: news style
    names a new speaker, so the words go on being the last one's. Another person
    named after that quote ('," Brandt said, citing Smith'; a body there is the
    attribution's: 'Northgate Chief Executive Laura Brandt said'), or anyone named in
    the new paragraph's own narration, makes it unclear."""
    before, speaker = previous
    if quote.paragraph != before.paragraph + 1:
        return False
    p_start, p_end = article.paragraphs[quote.paragraph]
    text = article.text
    if text[p_start : quote.start].strip() not in _MARKS:
        return False  # the quotation does not open its paragraph
    prev_end = article.paragraphs[before.paragraph][1]
    if any(q.start > before.end for q in speakers.quotes.overlapping(before.end, prev_end)):
        return False  # another quotation came after it in its paragraph
    outside = _outside_tokens(speakers.doc, p_start, p_end, speakers.quotes)
    if any(t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN") for t in outside):
        return False  # '"It is a bloodbath," one trader cried': someone else, unnamed
    after = [ent for _s, _e, ent in speakers.spans.overlapping(before.end, prev_end)]
    own = [ent for _s, _e, ent in speakers.spans.overlapping(p_start, p_end)]
    return all(ent is speaker or ent.kind != "person" for ent in after) and all(
        ent is speaker for ent in own
    )


def _dialogue(
    article: Article,
    earlier: tuple[QuoteSpan, Entity | None] | None,
    previous: tuple[QuoteSpan, Entity | None],
) -> bool:
    """The last quote answered one in the paragraph just before it by someone else,
    each paragraph opening with its quotation (a hearing's questions and answers): an
    unattributed paragraph after it may be either side's turn. A paragraph that opens
    by naming its speaker ('Sen. X was less enthusiastic. "..."') is no such turn."""
    if earlier is None or earlier[1] is previous[1]:
        return False
    if earlier[0].paragraph != previous[0].paragraph - 1:
        return False
    return all(_opens_paragraph(article, q) for q in (earlier[0], previous[0]))


def _opens_paragraph(article: Article, quote: QuoteSpan) -> bool:
    """The first quotation of its paragraph stands at its start."""
    p_start = article.paragraphs[quote.paragraph][0]
    return article.text[p_start : quote.start].strip() in _MARKS


# How many sentences of narration may stand between two quotes of one speaker.
_NARRATION_GAP = 1


def _narration_between(
    article: Article,
    previous: tuple[QuoteSpan, Entity | None],
    quote: QuoteSpan,
    speakers: _Speakers,
) -> bool:
    """Sentences of narration stand between the last quote's sentence and this one's
    that may have handed the words to someone else: one naming another person ('"A,"
    said X. Chairman Y denied the reports. "B."'), or more than one of any kind (a
    text whose paragraph breaks were lost runs a whole story on). One quote's own
    attribution sentence ('"A." That was X's reply. "B."') does not."""
    before, speaker = previous
    last = article.sentence_at(max(before.end - 1, 0))
    own = article.sentence_at(quote.start)
    if last is None or own is None or own.index - last.index <= 1:
        return False
    between = article.sentences[last.index + 1 : own.index]
    if len(between) > _NARRATION_GAP:
        return True
    lo, hi = between[0].start, between[-1].end
    named = [
        ent for s, _e, ent in speakers.spans.overlapping(lo, hi) if not _quoted(speakers.quotes, s)
    ]
    return any(ent is not speaker and ent.kind == "person" for ent in named)


def _labelled_by_another(
    article: Article,
    previous: tuple[QuoteSpan, Entity | None],
    quote: QuoteSpan,
    speakers: _Speakers,
) -> bool:
    """A label before a colon introduces the quote ('...," Jim.": Deputy Undersecretary
    Dana Ruiz: "I read ...'), naming someone the last quote's speaker is not: the
    words are that one's, though no name the extractor knows says who."""
    before, speaker = previous
    lead = article.text[before.end : quote.start].rstrip(' "“\u201d\n')
    if not lead.endswith(":"):
        return False
    label = lead[:-1].lstrip(' .,:;!?"”\n')
    capitals = [w for w in label.split() if w[:1].isupper() and w.strip(".,").isalpha()]
    if not capitals:
        return False
    named = [ent for _s, _e, ent in speakers.spans.overlapping(before.end, quote.start)]
    return not (speaker is not None and speaker in named)


def _inside_narration(
    article: Article, doc: Doc, quote: QuoteSpan, quotes: SpanIndex[QuoteSpan]
) -> bool:
    """The quote is a phrase inside a sentence of narration that speaks of no one's
    words ('The plan rests on a 1934 act, which gives the Treasury the power "to deal in
    gold."'): the words are the act's, not those of whoever was quoted before it."""
    own = article.sentence_at(quote.start)
    if own is None:
        return False
    lead = doc.char_span(own.start, quote.start, alignment_mode="contract")
    if lead is None:
        return False
    narration = [t for t in lead if not _quoted(quotes, t.idx)]
    words = [t for t in narration if t.is_alpha]
    subjects = [t for t in narration if t.dep_ in {"nsubj", "nsubjpass"}]
    if len(words) < 4 or not subjects:
        return False
    if any(
        (t.pos_ == "PRON" and t.lower_ not in {"it", "this", "that", "which"})
        or _names_a_person(t)
        or _person_epithet(t)
        for t in subjects
    ):
        return False  # 'he also expected to focus on "four core brands"': still his words
    return not any(_speech_verb(t) for t in narration)


def _same_passage(before: QuoteSpan, quote: QuoteSpan) -> bool:
    """A quote that opens right after another, in its paragraph or the one it runs into."""
    return quote.paragraph == before.paragraph or (
        before.continues and quote.paragraph == before.paragraph + 1
    )

"""What a definite description of an organization refers back to (GUIDE §9 endpoints).

News names a company or an agency once and then calls it "the company", "the
automaker", "the agency". A relation stated with such a description as an endpoint
("defectors from the organization", "X sued the company") takes the organization it
refers back to, read by general means only:

* the noun must be a bare definite singular ("the company", "the Italian company"),
  not one that names or picks out another body ("the parent company", "the company's
  rival", "the company X", "two companies");
* the organizations named in its sentence and the two before must agree with the
  noun's category: a company noun does not refer to a body whose name says it is a
  public body ("... Department", "... Agency"), an agency noun only to one whose name
  says so;
* where the article has a main organization (named three times or more and twice as
  often as any other) that agrees, it is the referent when it is named there or
  nothing is; where it has none, the one agreeing organization named there.
  Otherwise nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefkit.extractors.gazetteer import word_set
from briefkit.extractors.nlp import doc_text
from briefkit.extractors.spans import SpanIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from briefkit.extractors.types import Entities

# Words for a business, never a public body: what "the company said", "X sued the
# automaker" refer back to. The one list quotes, relations and ties read.
COMPANY_NOUNS = word_set("""
    company firm corporation automaker carmaker manufacturer maker airline carrier bank
    lender insurer retailer conglomerate giant startup chain utility railroad railway
    """)
AGENCY_NOUNS = word_set("agency department ministry administration commission regulator bureau")
# Nouns that fit any organization: the category is in the name or nowhere.
_ANY_NOUNS = word_set("organization organisation")
# Nouns whose body says what it is in its name ("the party": a "... Party").
_NAMED_NOUNS = word_set("""
    party church union alliance coalition committee council association federation league
    institute university college foundation society academy institution authority
    """)
# Words of a public body's name: such a body is an agency, not a company.
_PUBLIC_WORDS = word_set("""
    agency department ministry administration commission authority bureau office service
    board council committee court police army navy force forces government parliament
    senate congress assembly
    """)
# Modifiers that keep the description definite and about the same body; any other
# ("the parent company", "the rival firm", "the new company") may pick out another.
_SAME_MODIFIERS = frozenset({"det", "punct"})
# Nouns that, before a company noun, name the company's relation to another rather
# than its trade: "the parent company" is not the one named, "the auto maker" is.
_RELATION_NOUNS = word_set("""
    parent sister daughter holding shell rival competitor partner subsidiary affiliate
    member client customer supplier target venture joint umbrella successor predecessor
    spin spinoff acquirer buyer seller owner
    """)


def _category(noun: str) -> str | None:
    if noun in COMPANY_NOUNS:
        return "company"
    if noun in AGENCY_NOUNS:
        return "agency"
    if noun in _ANY_NOUNS:
        return "any"
    if noun in _NAMED_NOUNS:
        return noun
    return None


def is_epithet(tok: Token) -> bool:
    """'the company', 'the Italian automaker', 'the auto maker': a bare definite
    singular description."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or _category(tok.lemma_.lower()) is None:
        return False
    if tok.dep_ in {"appos", "compound"}:
        return False  # "Fiat, the Italian company" / "the company X": a name is right there
    dets = [c for c in tok.children if c.dep_ == "det"]
    if len(dets) != 1 or dets[0].lower_ != "the":
        return False
    based = any(c.lower_ == "based" and c.dep_ == "amod" for c in tok.children)
    for child in tok.children:
        if child.i > tok.i:
            if child.dep_ in {"appos", "relcl"} or (
                child.dep_ == "prep" and child.lower_ == "of" and not _charge_of(tok)
            ):
                return False  # "the company X", "the company that ...", "the firm of Y"
            continue
        if child.dep_ in _SAME_MODIFIERS:
            continue
        # A trade keeps it the same body ("the auto maker", "the oil company"): a
        # lower-case noun before a company noun that says what it makes or sells.
        if (
            child.dep_ == "compound"
            and child.pos_ == "NOUN"
            and child.is_lower
            and child.lemma_.lower() not in _RELATION_NOUNS
            and _category(tok.lemma_.lower()) == "company"
            and not list(child.children)
        ):
            continue
        # A demonym keeps it the same body ("the German company"); so does where it is
        # based ("the Detroit-based automaker", "the Tempe, Arizona-based company").
        # Any other word before the noun may pick out another one.
        if child.dep_ == "amod" and child.is_title and child.pos_ in {"ADJ", "PROPN"}:
            continue
        if (child.lower_ == "based" and child.dep_ == "amod") or (
            child.dep_ in {"nmod", "compound"} and child.pos_ == "PROPN" and based
        ):
            continue
        return False
    return True


# Verbs whose object takes an "of" phrase of its own, which the parse often hangs on
# the object: "accused the agency of bias" names no "agency of bias".
_OF_CHARGE_VERBS = word_set("accuse suspect convict acquit warn")


def _charge_of(tok: Token) -> bool:
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in _OF_CHARGE_VERBS


class Epithets:
    """Resolves definite descriptions to the organization actors of one article."""

    def __init__(self, doc: Doc, entities: Entities) -> None:
        self.doc = doc
        orgs = {a.id: a for a in entities.actors if a.kind == "organization"}
        self.mentions = SpanIndex(
            [m for m in entities.mentions if m.kind == "actor" and m.ref in orgs],
            lambda m: (m.start, m.end),
        )
        self.words = {
            ref: {w.lower().strip(".,") for n in a.names for w in n.text.split()}
            | {w.lower() for w in a.name.split()}
            for ref, a in orgs.items()
        }
        counts: dict[str, int] = {}
        for m in self.mentions.within(0, len(doc_text(doc)) + 1):
            counts[m.ref] = counts.get(m.ref, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        self.main: str | None = None
        if ranked and ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
            self.main = ranked[0][0]

    def _agrees(self, ref: str, category: str) -> bool:
        words = self.words.get(ref, set())
        public = bool(words & _PUBLIC_WORDS)
        if category == "company":
            return not public
        if category == "agency":
            return public
        if category == "any":
            return True
        return category in words

    def referent(self, tok: Token, exclude: frozenset[str] = frozenset()) -> str | None:
        """The organization ``tok`` refers back to, where it is unambiguous."""
        if not is_epithet(tok) or self.mentions.covering(tok.idx):
            return None
        category = _category(tok.lemma_.lower())
        assert category is not None
        return self._resolve(tok, category, exclude)

    def title_referent(self, tok: Token, exclude: frozenset[str] = frozenset()) -> str | None:
        """ "The company president X", "the agency spokesman X": a description noun
        compounded into a title right after "the" stands for the organization it refers
        back to, as "the company's president" does. The caller has read the title; the
        parse of such a chain is often wrong ("company" taken for the head of "CEO X")."""
        category = _category(tok.lemma_.lower())
        if category is None or tok.pos_ != "NOUN" or tok.tag_ != "NN":
            return None
        if tok.i == 0 or self.doc[tok.i - 1].lower_ != "the" or self.mentions.covering(tok.idx):
            return None
        # A title sits on one body: with two agreeing bodies named in reach ("Boeing
        # received a letter from Airbus. The company president ..."), which is a guess.
        return self._resolve(tok, category, exclude, strict=True)

    def _resolve(
        self, tok: Token, category: str, exclude: frozenset[str], strict: bool = False
    ) -> str | None:
        named = self._named_for_its_base(tok, exclude)
        if named is not None:
            return named
        followed = self._subject_followed(tok, category, exclude)
        if followed is not None:
            return followed
        start = tok.sent.start
        for _ in range(2):
            if start == 0:
                break
            start = self.doc[start - 1].sent.start
        near = {
            m.ref
            for m in self.mentions.within(self.doc[start].idx, tok.idx)
            if m.ref not in exclude and self._agrees(m.ref, category)
        }
        main = self.main
        if strict and len(near) > 1:
            return None
        if main is None or main in exclude or not self._agrees(main, category):
            return near.pop() if len(near) == 1 else None
        # The story's main organization is the likelier referent than one named
        # nearby ("... told LA Weekly, ... left the organization"): with another
        # named nearby and not it, which one is meant is a guess.
        return main if not near or main in near else None

    def _named_for_its_base(self, tok: Token, exclude: frozenset[str]) -> str | None:
        """ "the Craiova-based car maker" after "the plant Automobile Craiova": the one
        organization whose own name holds the place the description says it is based
        in, before the story's main one ("Ford ... bought the Craiova-based maker")."""
        if not any(c.lower_ == "based" and c.dep_ == "amod" for c in tok.children):
            return None
        places = {
            t.lower_ for c in tok.children if c.dep_ in {"nmod", "compound", "npadvmod"}
            for t in c.subtree if t.pos_ == "PROPN"
        } | {t.lower_ for c in tok.children if c.lower_ == "based" for t in c.subtree
             if t.pos_ == "PROPN"}  # fmt: skip
        holders = [r for r, words in self.words.items() if places & words and r not in exclude]
        return holders[0] if len(holders) == 1 else None

    def _subject_followed(self, tok: Token, category: str, exclude: frozenset[str]) -> str | None:
        """ "Chrysler ... has asked for aid. At the end of last year, the auto maker had
        54,000 employees": a description that is its sentence's subject, with no
        organization named before it there, continues the previous sentence's subject
        when that is the one agreeing organization named there, whatever the story's
        main one is."""
        if tok.dep_ not in {"nsubj", "nsubjpass"} or tok.head.dep_ != "ROOT":
            return None
        sent = tok.sent
        if sent.start == 0 or any(
            self._agrees(m.ref, category) for m in self.mentions.within(sent.start_char, tok.idx)
        ):
            return None
        before = self.doc[sent.start - 1].sent
        subjects = [t for t in before.root.children if t.dep_ in {"nsubj", "nsubjpass"}]
        if len(subjects) != 1 or any(c.dep_ == "conj" for c in subjects[0].children):
            return None
        # The subject's own name: its head, or the name it is a title of ("The auto
        # manufacturer Chrysler, which ...": not the names in its relative clause).
        head = subjects[0]
        words = [head, *(c for c in head.children if c.dep_ in {"compound", "appos"})]
        refs = {m.ref for w in words for m in self.mentions.covering(w.idx)}
        if len(refs) != 1:
            return None
        ref = refs.pop()
        # Another agreeing body named beside it there makes the choice a guess.
        others = {
            m.ref for m in self.mentions.within(before.start_char, before.end_char)
            if m.ref != ref and self._agrees(m.ref, category)
        }  # fmt: skip
        if others or ref in exclude or not self._agrees(ref, category):
            return None
        return ref

"""Names of bodies the model reads no name in, where the text's form says they are
organizations: a relation needs both its endpoints, and a body lost here loses every
post, membership and ownership stated of it.

* a body named only after a person's name: "Leung Kwok-hung of LSD", "Jane Doe of the
  Harbour Alliance", "Tom Ray from the Neo Greens". Election lists and panels name
  each member's party or body right after the name (GUIDE §9: membership stated by
  "X of Y" is required). Only an acronym, or a run of capitalised words that ends in a
  body's head word or a plural proper noun ("Democrats");
* a name right after a noun that says it is a body, across the noun's adjectives:
  "the British union Unite", "the Dutch bank ING", "its animation studio Brindle", or
  before it as a title is ("consulting firm Accenture");
* a name right before a post only a company has, itself before a person's name:
  "Facebook co-founder Mark Zuckerberg", "Quibly CEO Tom Harlan".

A place so written ("Ann Lee of Ohio", "of UAE") is the gazetteer's and stays the
actors component's to type.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefkit.extractors.gazetteer import given_names
from briefkit.extractors.nlp import COMPANY_PARTS, doc_ents, joined_word, tokens
from briefkit.extractors.types import Name

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from briefkit.extractors.gazetteer import Gazetteer

_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
# The label the model gives a party's words ("the Neo Democrats", "the Liberal
# Democrats"): a people's or a creed's, which the actors component drops.
_TAIL_LABELS = frozenset({"", "NORP"})


def member_body_names(doc: Doc, gaz: Gazetteer, body_heads: frozenset[str]) -> list[Name]:
    """Names of organizations written right after a person's full name, by "of" or
    "from", that the model did not read; ``body_heads`` are the last words of a body's
    name ("Party", "Alliance")."""
    out: list[Name] = []
    for ent in doc_ents(doc):
        if ent.label_ != "PERSON" or len([t for t in ent if t.is_alpha]) < 2:
            continue  # a lone word may be a surname, or the model's guess at a body
        run = _body_after(ent)
        if run is None or not _reads_as_body(run, body_heads):
            continue
        if not _known_place(run.text, gaz):
            out.append(Name(run.start_char, run.end_char, run.text, "ORG", "organization", 2))
    return out


def kind_noun_names(doc: Doc, gaz: Gazetteer, body_nouns: frozenset[str],
                    title_words: frozenset[str]) -> list[Name]:  # fmt: skip
    """Names right after a lower-case noun of a body ("union", "bank", "studio") that a
    determiner opens, across adjectives and modifiers ("the British union Unite"), or
    that modifies the name as a title does ("consulting firm Accenture"), where
    the model labelled none of the name's words. ``title_words`` are capitalised words
    that open a post, not a name ("the company Chairman ...")."""
    out: list[Name] = []
    for noun in tokens(doc):
        if noun.pos_ != "NOUN" or not noun.is_lower or noun.lemma_.lower() not in body_nouns:
            continue
        if "\n" in noun.whitespace_:
            continue
        end = _name_run_end(doc, noun.i + 1)
        run = doc[noun.i + 1 : end]
        if not len(run) or run[0].lower_ in title_words:
            continue
        # "consulting firm Accenture saw": with no determiner, the noun must be read as
        # the name's own modifier, as a title is.
        titles_it = noun.dep_ == "compound" and run.start <= noun.head.i < run.end
        if not (_opened_by_determiner(noun) or titles_it):
            continue
        # the model's words stand, but for one it calls a person's that no given name
        # opens: "the regional airline Skyvia" (a lone word it drops as unfounded)
        lone = len(run) == 1 and run[0].ent_type_ == "PERSON" and run[0].text not in given_names()
        if any(t.ent_type_ for t in run) and not lone:
            continue
        if end < len(doc) and doc[end].tag_ == "POS":
            continue  # "the bank Chase's": the possessive opens another noun phrase
        if not _known_place(run.text, gaz):
            out.append(Name(run.start_char, run.end_char, run.text, "APPOS", "organization", 2))
    return out


# Posts only a body has, whatever kind of body: "Pfizer spokeswoman Jane Lee".
_BODY_POSTS = COMPANY_PARTS | {"spokesman", "spokeswoman", "spokesperson"}


def company_title_names(doc: Doc, gaz: Gazetteer, title_words: frozenset[str]) -> list[Name]:
    """'Facebook co-founder Mark Zuckerberg', 'Pfizer spokeswoman Jane Lee', 'Barclays
    Chief Executive X': capitalised words the model labelled none of, right before a
    post only a company has (``COMPANY_PARTS``, a "Chief ... Executive/Officer") or
    only a body has (a spokesperson) that a person's name follows."""
    out: list[Name] = []
    persons = {e.start: e for e in doc_ents(doc) if e.label_ == "PERSON"}
    for i in range(len(doc)):
        post, width = joined_word(doc, i)
        if i + width not in persons or i == 0:
            continue
        # "Chief Financial Officer X": the post opens at "Chief"
        opening = _chief_opening(doc, i) if post in _CHIEF_HEADS else i
        if (opening == i and post not in _BODY_POSTS) or opening <= 0:
            continue
        start = opening
        while start > 0 and _unread_capital(doc[start - 1], title_words):
            start -= 1
            if doc[start].is_sent_start or "\n" in doc[start - 1].whitespace_:
                break
        if start == opening:
            continue
        before = doc[start - 1] if start > 0 else None
        if before is not None and before.ent_type_ == "ORG" and before.whitespace_:
            # "Boeing Commercial Airplanes CEO X": the model read only the parent's name;
            # the unit is the whole run (GUIDE §2 rule 9: a unit named by its parent's name)
            start = next(e.start for e in doc_ents(doc) if e.start <= before.i < e.end)
        run = doc[start:opening]
        if _known_place(run.text, gaz):
            continue
        out.append(Name(run.start_char, run.end_char, run.text, "APPOS", "organization", 2))
    return out


# Last words of a company's chief's title: "Chief Executive", "Chief Operating Officer".
_CHIEF_HEADS = frozenset({"executive", "officer"})
# How many words may stand between "Chief" and the head ("Chief Financial Officer").
_CHIEF_REACH = 2


def _chief_opening(doc: Doc, i: int) -> int:
    """Where "Chief ... Executive/Officer" ending at token ``i`` opens, or -1 when no
    capitalised "Chief" opens it within reach."""
    for k in range(i - 1, max(i - 2 - _CHIEF_REACH, -1), -1):
        tok = doc[k]
        if not tok.text[:1].isupper() or not tok.is_alpha:
            return -1
        if tok.lower_ == "chief":
            return k
    return -1


def _unread_capital(tok: Token, title_words: frozenset[str]) -> bool:
    # the tagger may call a sentence's first word a common noun ("Facebook" tagged NN);
    # an adverb there ("Meanwhile CEO X") is no name
    noun = tok.tag_ in {"NNP", "NNPS"} or (tok.tag_ == "NN" and tok.is_sent_start)
    return (
        noun
        and tok.is_alpha
        and tok.text[:1].isupper()
        and not tok.ent_type_
        and tok.lower_ not in title_words
        and "\n" not in tok.whitespace_
    )


def _opened_by_determiner(noun: Token) -> bool:
    """'the union', 'the British union', 'its European division': a determiner or a
    possessive pronoun before the noun, only adjectives and modifiers between."""
    i = noun.i - 1
    while i >= 0 and noun.i - i <= 4 and _modifier(noun.doc[i]):
        i -= 1
    return i >= 0 and noun.doc[i].lower_ in {"the", "a", "an", "its", "their"}


def _modifier(tok: Token) -> bool:
    return tok.pos_ in {"ADJ", "NOUN", "PROPN"} and tok.dep_ in {"amod", "compound", "nmod"}


def _known_place(text: str, gaz: Gazetteer) -> bool:
    return bool(gaz.country(text) or gaz.state(text) or gaz.city(text) or gaz.demonym(text))


def _body_after(person: Span) -> Span | None:
    """The capitalised run after "<person> of/from (the)", where the preposition hangs
    on the name and the model read no name in the run but a people's or creed's."""
    doc = person.doc
    j = person.end
    if j + 1 >= len(doc) or doc[j].lower_ not in {"of", "from"}:
        return None
    prep = doc[j]
    if not person.start <= prep.head.i < person.end:
        return None
    k = j + 2 if doc[j + 1].lower_ == "the" else j + 1
    end = _name_run_end(doc, k)
    if end == k:
        return None
    run = doc[k:end]
    if any(t.ent_type_ not in _TAIL_LABELS for t in run):
        return None
    if run[-1].ent_type_ and len(run) < 2:
        return None  # "of the Kurds": a people the model knows, no body
    return run


def _name_run_end(doc: Doc, start: int) -> int:
    """The end of the run of name words from ``start``, which a line break ends."""
    end = start
    while end < len(doc) and _name_word(doc[end]) and "\n" not in doc[end - 1].whitespace_:
        end += 1
    return end


def _name_word(tok: Token) -> bool:
    return tok.tag_ in {"NNP", "NNPS"} and tok.text[:1].isupper() and not tok.is_sent_start


def _reads_as_body(run: Span, body_heads: frozenset[str]) -> bool:
    if len(run) == 1:
        return bool(_ACRONYM.match(run.text))
    last = run[-1]
    return last.text in body_heads or last.tag_ == "NNPS"

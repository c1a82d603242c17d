"""Posts and memberships the text states around a person's name (GUIDE §9).

The actors component reads a role and one affiliation per person; a relation needs
every post the text gives, at each mention, and the body that goes with it even
where the role string reads well without it. Read here, from the parse and the
mentions, at every mention of a person:

* a title written before the name, the body named in or just before it:
  "Russian President Dmitry Medvedev", "Microsoft CEO X", "Canada's minister X",
  "JSA Research analyst X", "CEO of the Refugee Council X";
* a title in apposition, the body its possessor, modifier or "of/for/at" object:
  "X, Prime Minister of Canada", "X, Canada's Minister of Industry", "X, a Kansas
  representative", "the team's coach, X", "X, EADS's CEO and ex Northrop executive";
* a copula: "X is the chairman of Y";
* membership by a possessive shared over a list: "DAB's Ben Chan and Leung Che-cheung";
* members named in a list: "members of Y, including A and B".

A demonym makes its country the body only of an office or a national side's post
("Swedish captain"): "American actor X" gives the actor's origin, not a post
(GUIDE §2 Roles). A sub-national place is the body only of an office held for it
("Kansas representative"). Where no body is named, there is no relation.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefkit.extractors.actors import (
    PLACE_OFFICES,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLE_WORDS,
    _pronoun_person,
    place_noun_floor,
    place_noun_referent,
)
from briefkit.extractors.epithets import COMPANY_NOUNS, Epithets, is_epithet
from briefkit.extractors.gazetteer import load_gazetteer, word_set
from briefkit.extractors.nlp import conjuncts, doc_text, tokens
from briefkit.extractors.spans import SpanIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from briefkit.article import Article
    from briefkit.extractors.types import Entities, Entity

# Posts of a state or of a national side: the ones a demonym gives a body to.
STATE_POSTS = TITLE_WORDS - word_set(
    "chief foreign defense defence interior finance deputy vice state"
) | word_set("""
    minister secretary ambassador envoy diplomat official spokesman spokeswoman
    spokesperson coach captain goalkeeper defender midfielder striker forward winger
    player manager skipper keeper
    """)
# Posts that are not of a body but of a person ("Obama's spokesman X").
_PERSONAL_POSTS = word_set("""
    spokesman spokeswoman spokesperson aide adviser advisor assistant lawyer attorney
    counsel solicitor barrister secretary
    """)
_COUNSEL = word_set("attorney lawyer counsel solicitor barrister")
_POSS_PRONOUNS = word_set("his her")
# Posts only a business has: "chief executive", "CEO"; "chief operating officer".
_COMPANY_HEADS = word_set("ceo cfo coo")
_CHIEF_OF = word_set("executive officer")
# Who works for a body with no post stated (GUIDE §9 employed-by): "an employee of Y".
_EMPLOYEES = word_set("employee employees staffer staffers")
_FOUNDERS = word_set("founder co-founder cofounder")
_OWNER_HEADS = word_set("owner co-owner")
_MEMBERS = word_set("member members player players")
# Words of a title chain besides its role words: what qualifies the post.
_CHAIN_EXTRA = word_set("former ex acting interim deputy vice chief senior executive")
_BODY_KINDS = frozenset({"organization", "country"})
# Occupations only a firm employs (a trading desk, a research team): the body they are
# "for" or "at" is a firm whatever kind its name read as ("head trader for vFinance
# Investments", "strategist at IG Index", names the actors component takes for a
# product's or an index's). A product has managers and vice-presidents, not these.
_FIRM_OCCUPATIONS = word_set("""
    trader traders strategist strategists analyst analysts economist economists broker
    brokers banker bankers
    """)
_SUBNATIONAL = frozenset({"region", "city"})
_PREPS = frozenset({"of", "for", "at", "with", "from"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_MODIFIERS = frozenset({"compound", "amod", "nmod"})
# Words of an office's own name ("Home Secretary", "Shadow Home Secretary", "Emeritus
# Professor"): a name made only of them, the model's guess at a body, is the title's.
_OFFICE_MODIFIERS = word_set("""
    home foreign interior finance defence defense justice health education trade transport
    treasury energy environment shadow deputy vice emeritus prime chief general state
    labour labor culture economy industry agriculture
    """)
# Capitalised words of a title that are no role word: a party ("Texas Republican
# Senator X"), a company's legal suffix ("Boeing Co. CEO X"), a function ("Chief
# Financial Officer").
_TITLE_PARTS = word_set("""
    republican democrat democratic labour labor conservative liberal green co co. corp
    corp. inc inc. ltd ltd. llc plc financial operating technology marketing information
    """)
_LIST_PREPS = frozenset({"including", "like"})
_COPULAS = word_set("be become remain")
# Nations that are no sovereign state (the gazetteer's demonyms are of states) but
# field national sides and have actors of their own (GUIDE §2 rule 1).
_NATIONS = {"English": "England", "Scottish": "Scotland", "Welsh": "Wales"}
# "pro-Beijing", "anti-Kremlin": a stance toward the body, not a post in it.
_STANCES = ("pro-", "anti-")


def _is_role(tok: Token) -> bool:
    lower = tok.lower_
    if lower in ROLE_NOUNS or lower in TITLE_WORDS or tok.lemma_.lower() in ROLE_NOUNS:
        return True
    if lower in _EMPLOYEES:
        return True
    # An occupation in -ist ("columnist", "strategist", a typo's "analysist"): the
    # suffix names a practitioner; the length keeps out "list", "wrist", "twist".
    return tok.is_lower and tok.pos_ == "NOUN" and len(lower) >= 7 and lower.endswith("ist")


class _Names:
    """Which actor or place covers a character offset, with its kind and whether the
    text names it there by a demonym."""

    def __init__(self, entities: Entities) -> None:
        kinds = {e.id: e.kind for e in [*entities.actors, *entities.places]}
        demonyms = {
            (n.start, n.end) for e in [*entities.actors, *entities.places] for n in e.names
            if n.demonym
        }  # fmt: skip
        spans = [
            (m.start, m.end, m.ref, kinds.get(m.ref, ""), (m.start, m.end) in demonyms)
            for m in entities.mentions
        ]
        self.index = SpanIndex(spans, lambda s: (s[0], s[1]))
        gaz = load_gazetteer()
        # A country actor by the forms of its name, for a demonym the mentions left
        # unlinked ("English captain X" where England is an actor).
        self._countries = {
            n.text.lower(): e.id for e in entities.actors if e.kind == "country" for n in e.names
        }
        self._countries.update(
            {e.name.lower(): e.id for e in entities.actors if e.kind == "country"}
        )
        self._demonym = gaz.demonym

    def at(self, tok: Token) -> tuple[int, int, str, str, bool] | None:
        found = self.index.covering(tok.idx)
        if found:
            return found[0]
        if tok.is_title and tok.pos_ in {"ADJ", "PROPN", "NOUN"}:
            country = self._demonym(tok.text)
            name = country.name if country is not None else _NATIONS.get(tok.text)
            ref = self._countries.get((name or "").lower())
            if ref is not None:
                return tok.idx, tok.idx + len(tok.text), ref, "country", True
        return None


def _body(
    names: _Names, tok: Token, head: str, person: str, possessive: bool = False
) -> tuple[str, int, int] | None:
    """The body a token names for a post whose head is ``head``: its id and name's span."""
    found = names.at(tok)
    if found is None:
        return None
    start, end, ref, kind, demonym = found
    if ref == person or doc_text(tok.doc)[max(start - 5, 0) : start].lower().endswith(_STANCES):
        return None
    text = doc_text(tok.doc)[start:end].lower().split()
    if all(w in _OFFICE_MODIFIERS for w in text):
        return None
    if kind in _BODY_KINDS:
        if demonym and head not in STATE_POSTS:
            return None  # "American actor X": an origin, not a post
        return ref, start, end
    if kind in _SUBNATIONAL and head in PLACE_OFFICES:
        return ref, start, end
    if kind == "other" and head in _FIRM_OCCUPATIONS and not demonym:
        return ref, start, end
    if kind == "person" and possessive and head in _PERSONAL_POSTS:
        return ref, start, end
    return None


def post_kind(head: str, body_kind: str) -> str:
    if head in _OWNER_HEADS and body_kind == "organization":
        return "owns"  # GUIDE §9: a stated ownership is owns, no post
    if head in _MEMBERS:
        return "member-of"
    if head in _EMPLOYEES:
        return "employed-by"
    if head in _FOUNDERS:
        return "founder-of"
    if head in _COUNSEL and body_kind != "place":
        return "counsel-for"
    if body_kind == "person":
        return "employed-by"
    return "role"


def _title_before(
    doc: Doc, span: Span, names: _Names, person: str, epithets: Epithets | None = None
) -> tuple[Token, tuple[str, int, int]] | None:
    """'Russian President X', 'Microsoft CEO X', "Canada's minister X", 'CEO of the
    Refugee Council X': the title's head and the body named in or before it."""
    k = span.start - 1
    sent_start = span.sent.start
    if k < sent_start:
        return None
    if not _is_role(doc[k]):
        return _title_through_of(doc, span, names, person)
    head = doc[k]
    j = k
    for _ in range(8):
        if j < sent_start:
            return None
        tok = doc[j]
        if "\n" in tok.whitespace_ and j != k:
            return None
        if tok.text in _POSSESSIVE and j > sent_start:
            found = _body(names, doc[j - 1], head.lower_, person, possessive=True)
            return (head, found) if found else None
        if j != k:
            found = _body(names, tok, head.lower_, person)
            if (
                found is None
                and head.lower_ in PLACE_OFFICES
                and names.at(tok) is None
                and tok.dep_ == "compound"
            ):
                # "City mayor Hau Lung-bin": the one city named in reach.
                earlier = ((m[2], m[3]) for m in names.index.before(tok.idx, place_noun_floor(tok)))
                ref = place_noun_referent(tok, earlier, titled=True)
                found = (ref, tok.idx, tok.idx + len(tok.text)) if ref is not None else None
            if found is not None:
                longer = _inside_longer_name(doc, found[1]) or _runs_on(doc, found[2], k)
                return (head, found) if not longer else None
            if names.at(tok) is not None:
                return None  # another name, not a body: the chain is not one title
        if epithets is not None and j != k and names.at(tok) is None:
            told = epithets.title_referent(tok, frozenset({person}))
            if told is not None:
                return head, (told, doc[j - 1].idx, tok.idx + len(tok.text))
        # "interior and overseas minister X": a title of coordinated words, the word
        # before "and" itself a title's (a name there ends the chain above)
        joined = (
            tok.lower_ == "and"
            and j != k
            and j > sent_start
            and (doc[j - 1].is_lower or _is_role(doc[j - 1]))
            and doc[j - 1].is_alpha
        )
        chain = (
            joined
            or _is_role(tok)
            or tok.lower_ in _CHAIN_EXTRA
            or (tok.text == "-" and not tok.whitespace_)
            or (tok.is_alpha and tok.pos_ in {"NOUN", "PROPN", "ADJ"} and tok.tag_ != "VBN")
        )
        if not chain:
            return None
        j -= 1
    return None


# Posts only a company has, which a second title in a list shares the first one's
# company for: "Acme CEO Ann Roy and CFO Bill Gray". "Vice president", "secretary" and
# the like are left out: "Acme CEO Ann Roy and Vice President Joe Biden".
_SHARED_COMPANY_POSTS = _COMPANY_HEADS | word_set("chairman chairwoman founder co-founder")


def _shared_title(doc: Doc, span: Span, names: _Names) -> tuple[Token, tuple[str, int, int]] | None:
    """'Acme CEO Ann Roy and CFO Bill Gray', 'Acme chairman Ann Roy and chief executive
    Bill Gray': a company-only title right after "and" and a person its company's title
    names, with no body of its own, is a post in the same organization."""
    k = span.start - 1
    if k - 1 < span.sent.start:
        return None
    head = doc[k]
    first = k
    if head.lower_ in _CHIEF_OF and doc[k - 1].lower_ == "chief":
        first = k - 1
    elif head.lower_ not in _SHARED_COMPANY_POSTS:
        return None
    if first - 2 < span.sent.start or doc[first - 1].lower_ != "and":
        return None
    other = names.at(doc[first - 2])
    if other is None or other[3] != "person":
        return None
    other_span = doc.char_span(other[0], other[1], alignment_mode="expand")
    if other_span is None:
        return None
    before = _title_before(doc, other_span, names, other[2])
    if before is None:
        return None
    body = before[1]
    named = doc.char_span(body[1], body[2], alignment_mode="expand")
    found = names.at(named[0]) if named is not None and len(named) else None
    if found is None or found[3] != "organization":
        return None  # a country's minister and a second title: no company to share
    return doc[first], body


def _inside_longer_name(doc: Doc, start: int) -> bool:
    """'Environment Canada spokesperson X': a capitalised word right before the body's
    name, itself no title word, makes the name part of a longer one the text did not
    resolve (the agency, not the country)."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    if first is None or first.start == 0:
        return False
    prev = doc[first.start - 1]
    return prev.pos_ == "PROPN" and prev.is_title and not _is_role(prev)


def _runs_on(doc: Doc, end: int, head: int) -> bool:
    """'Boeing Commercial Airplanes CEO X': two or more capitalised words right after the
    body's name that are no words of the title make the name part of a longer one (a
    unit the text did not resolve), as a word before it does in _inside_longer_name.
    One such word is mostly the post's function ("Pentagon Acquisition Director",
    "White House Press Secretary")."""
    after = [t for t in doc[max(head - 10, 0) : head] if t.idx >= end]
    run = 0
    for t in after:
        if not (t.is_title and t.pos_ == "PROPN") or _title_part(t):
            break
        run += 1
    return run >= 2


def _title_part(tok: Token) -> bool:
    lower = tok.lower_
    return (_is_role(tok) or lower in _CHAIN_EXTRA or lower in _OFFICE_MODIFIERS
            or lower in _TITLE_PARTS)  # fmt: skip


def _title_through_of(
    doc: Doc, span: Span, names: _Names, person: str
) -> tuple[Token, tuple[str, int, int]] | None:
    """'CEO of the Refugee Council Enver Solomon', 'officer at Fort Pitt Capital Group
    Charlie Smith': a body's name right before the person's, after a title and a
    preposition."""
    found = names.at(doc[span.start - 1])
    if found is None or found[2] == person:
        return None
    first = doc.char_span(found[0], found[0] + 1, alignment_mode="expand")
    if first is None:
        return None
    i = first.start - 1
    if i > span.sent.start and doc[i].lower_ == "the":
        i -= 1
    if i <= span.sent.start or doc[i].lower_ not in {"of", "at", "for"}:
        return None
    head = doc[i - 1]
    if not _is_role(head):
        return None
    body = _body(names, doc[span.start - 1], head.lower_, person)
    return (head, body) if body else None


def _own_tokens(noun: Token) -> list[Token]:
    """A title's words and what it is of, without the clauses and conjuncts it heads."""
    out = [noun]
    for child in noun.children:
        if child.dep_ in {"conj", "cc", "relcl", "acl", "punct", "appos", "advcl"}:
            continue
        if child.dep_ == "prep" and child.lower_ not in _PREPS:
            continue
        out.extend(_own_tokens(child) if child.dep_ == "prep" or child.dep_ == "pobj" else
                   list(child.subtree))  # fmt: skip
    return out


def _body_of_noun(
    noun: Token,
    names: _Names,
    person_span: Span,
    person: str,
    epithets: Epithets | None = None,
    people: list[Entity] | None = None,
) -> tuple[str, int, int] | None:
    """The body of a title in apposition: its possessor first, then an 'of/for/at'
    object, then a modifier naming one ("a Kansas representative"); a description
    there ("a spokeswoman for the company", "the company's founder") stands for the
    organization it refers back to."""
    head = noun.lower_ if noun.lower_ in ROLE_NOUNS else noun.lemma_.lower()
    own = [t for t in _own_tokens(noun) if not (person_span.start <= t.i < person_span.end)]
    # "The Vice President and general counsel of the company, X": the body after the
    # last of two posts joined by "and" is the body of both.
    posts = {noun.i}
    for post in (c for c in noun.children if c.dep_ == "conj" and _is_role(c)):
        own += [t for t in _own_tokens(post) if t.dep_ == "pobj" and t.head.head.i == post.i]
        posts.add(post.i)
    possessors = [t for t in own if t.dep_ == "poss" and t.head.i == noun.i]
    objects = [t for t in own if t.dep_ == "pobj"]
    # "a spokeswoman for the budget airline Skyvia": the name in apposition right after
    # the object's noun is the body, before any reading of the noun as a description
    for obj in objects:
        named = [c for c in obj.children if c.dep_ == "appos" and c.i == obj.i + 1]
        for tok in named if obj.is_lower and obj.pos_ == "NOUN" else []:
            found = _body(names, tok, head, person)
            if found is not None:
                return found
    if epithets is not None:
        for tok in [*possessors, *(o for o in objects if o.head.head.i in posts)]:
            if names.at(tok) is None and is_epithet(tok):
                told = epithets.referent(tok, frozenset({person}))
                if told is not None:
                    return told, tok.left_edge.idx, tok.idx + len(tok.text)
    if head in _COUNSEL:
        # "an attorney representing X": the client is the participle's object
        for acl in (c for c in noun.children if c.dep_ == "acl" and c.lemma_ == "represent"):
            for client in (c for c in acl.children if c.dep_ == "dobj"):
                found = _body(names, client, head, person, possessive=True)
                if found is not None:
                    return found
    if people is not None and head in _PERSONAL_POSTS and head not in _COUNSEL:
        # "his spokeswoman, X": the person the pronoun refers back to, by gender, where
        # that is clear (a lawyer's client is read with the kin nouns in actors.py)
        for tok in (t for t in possessors if t.lower_ in _POSS_PRONOUNS):
            holder = next((e for e in people if e.id == person), None)
            other = _pronoun_person(tok, holder, people, tok.doc) if holder else None
            if other is not None:
                return other.id, tok.idx, tok.idx + len(tok.text)
    for tok in possessors:
        # "The country's president, X": the one country named in reach.
        earlier = ((m[2], m[3]) for m in names.index.before(tok.idx, place_noun_floor(tok)))
        if names.at(tok) is None and (ref := place_noun_referent(tok, earlier)) is not None:
            det = next(c for c in tok.children if c.dep_ == "det")
            return ref, det.idx, tok.idx + len(tok.text)
    if possessors and all(names.at(t) is None for t in possessors):
        return None  # "the Afghan team's coach": the post is the unnamed possessor's
    modifiers = [t for t in noun.children if t.i < noun.i and t.dep_ in _MODIFIERS]
    for group, possessive in ((possessors, True), (objects, False), (modifiers, False)):
        for tok in group:
            found = _body(names, tok, head, person, possessive)
            if found is not None:
                return found
    return None


def _appositions(root: Token) -> list[Token]:
    """Role nouns in apposition to a name, either way round, and their conjuncts ("EADS's
    CEO and ex Northrop executive"); or the attribute of 'X is the chairman of Y'."""
    nouns = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        nouns.append(root.head)
        # "Co-founder of Intel, Gordon Moore, ...": a fronted title whose body the
        # parse takes for what the name is in apposition to
        prep = root.head.head
        if (
            root.head.dep_ == "pobj"
            and root.head.i < root.i
            and prep.dep_ == "prep"
            and prep.lower_ in {"of", "at", "for"}
            and prep.head.i < prep.i
            and not any(c.dep_ == "appos" and c.i < prep.i for c in prep.head.children)
        ):
            nouns.append(prep.head)
    # "X, who was chief executive of Y from 1990 to 2001"
    for clause in (c for c in root.children if c.dep_ == "relcl" and c.lemma_ in _COPULAS):
        if any(s.dep_ == "nsubj" and s.tag_ == "WP" for s in clause.children):
            nouns += [c for c in clause.children if c.dep_ in {"attr", "oprd"}]
    if root.dep_ == "nsubj":
        # "X is the chairman of Y", "X won and becomes the youngest council member"
        verbs = [root.head, *(c for c in root.head.children if c.dep_ == "conj"
                              and not any(s.dep_ == "nsubj" for s in c.children))]  # fmt: skip
        nouns += [c for v in verbs if v.lemma_ in _COPULAS for c in v.children
                  if c.dep_ in {"attr", "oprd"}]  # fmt: skip
    out = []
    for noun in nouns:
        for t in [noun, *(c for c in noun.children if c.dep_ == "conj")]:
            if t.pos_ in {"NOUN", "PROPN"} and _is_role(t):
                out.append(t)
    return out


# A post the evidence says has ended: "former", "ex-", "onetime".
ENDED_POST = re.compile(r"\b(?:former|onetime|erstwhile|ex)(?=[ -])", re.IGNORECASE)


def post_relations(article: Article, doc: Doc, entities: Entities) -> list[dict[str, object]]:
    """Every post and membership stated around a person's mentions."""
    names = _Names(entities)
    kinds = {e.id: e.kind for e in entities.actors}
    place_ids = {p.id for p in entities.places}
    out: list[dict[str, object]] = []
    home = _home_country(article, entities)
    affiliated = {a.id for a in entities.actors if a.affiliation}
    epithets = Epithets(doc, entities)
    people = [e for e in entities.actors if e.kind == "person"]

    def add(person: str, head: str, body: tuple[str, int, int], lo: int, hi: int) -> None:
        ref, start, end = body
        body_kind = "place" if ref in place_ids else kinds.get(ref, "")
        lo, hi = min(lo, start), max(hi, end)
        if not article.in_one_sentence(lo, hi):
            return
        out.append({"from": person, "kind": post_kind(head, body_kind), "to": ref,
                    "evidence": article.text[lo:hi]})  # fmt: skip
        if ENDED_POST.search(article.text, lo, hi):
            out[-1]["former"] = True  # "the former chief executive of X" (GUIDE §9)

    for m in entities.mentions:
        if m.kind != "actor" or kinds.get(m.ref) != "person":
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        before = _title_before(doc, span, names, m.ref, epithets) or _shared_title(doc, span, names)
        if before is not None:
            head, body = before
            add(m.ref, head.lower_, body, head.left_edge.idx, span.end_char)
        elif m.ref not in affiliated:
            office = _bare_office(doc, span, names) if home is not None else None
            spoken = _corporate_head_on_company(doc, span, epithets)
            if office is not None and home and _only_country_in_sentence(span, names, home[0]):
                head, start = office
                add(m.ref, head, (home[0], start, start), start, span.end_char)
            elif spoken is not None:
                body_ref, lo, hi = spoken
                add(m.ref, "ceo", (body_ref, lo, hi), lo, hi)
        after = _named_after(doc, span, names, m.ref)
        if after is not None:
            head, body = after
            add(m.ref, head, body, span.start_char, body[2])
        with_body = _with_body(doc, span, names, m.ref)
        if with_body is not None:
            add(m.ref, "employee", with_body, span.start_char, with_body[2])
        adherent = _adherent(doc, span, entities)
        if adherent is not None:
            body_ref, start = adherent
            add(m.ref, "member", (body_ref, start, start), start, span.end_char)
        out.extend(_kin(article, doc, span, names, m.ref, entities))
        root = span.root
        for noun in _appositions(root):
            body = _body_of_noun(noun, names, span, m.ref, epithets, people)
            if body is not None:
                right = max(t.idx + len(t.text) for t in _own_tokens(noun))
                left = min(t.idx for t in _own_tokens(noun))
                head = noun.lower_ if noun.lower_ in ROLE_NOUNS else noun.lemma_.lower()
                add(m.ref, head, body, min(left, span.start_char), max(right, span.end_char))
        out.extend(_shared_possessive(article, root, span, names, m.ref))
    out.extend(_listed_members(article, doc, names, kinds, epithets))
    out.extend(_party_labels(article, doc, entities))
    out.extend(_body_memberships(article, doc, names, entities))
    return out


def _corporate_head_on_company(
    doc: Doc, span: Span, epithets: Epithets
) -> tuple[str, int, int] | None:
    """'Chief executive Ruth Vance said the company had ...': a bare title only a company
    has, opening the sentence, whose holder says what "the company" did: the company
    the description refers back to is the holder's. Titles a public body has too
    ("President X said the department ...") speak of another body as often."""
    k = span.start - 1
    if k < span.sent.start:
        return None
    title = doc[k]
    if title.lower_ in _CHIEF_OF and k - 1 >= span.sent.start and doc[k - 1].lower_ == "chief":
        first = k - 1
    elif title.lower_ in _COMPANY_HEADS:
        first = k
    else:
        return None
    # A name or a possessor before the title may be its body, read elsewhere.
    if first > span.sent.start and doc[first - 1].lower_ != "the":
        return None
    root = span.root
    verb = root.head
    if root.dep_ != "nsubj" or verb.lemma_.lower() not in SPEECH_VERBS:
        return None
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i):
        for subj in (c for c in clause.children if c.dep_ == "nsubj"):
            if subj.lemma_.lower() not in COMPANY_NOUNS:
                continue
            told = epithets.referent(subj)
            if told is not None:
                return told, doc[first].idx, subj.idx + len(subj.text)
    return None


def _body_memberships(
    article: Article, doc: Doc, names: _Names, entities: Entities
) -> list[dict[str, object]]:
    """'Peru is a member of the Andean Community', 'Peru, a member of the Andean
    Community': a country or organization that is a member of a named body (GUIDE §9
    member-of: person/org -> org)."""
    kinds = {e.id: e.kind for e in entities.actors}
    out: list[dict[str, object]] = []
    for m in entities.mentions:
        if m.kind != "actor" or kinds.get(m.ref) not in _BODY_KINDS:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        for noun in _appositions(span.root):
            if noun.lemma_.lower() != "member":
                continue
            for obj in _prep_objects(noun, "of"):
                found = names.at(obj)
                if found is None or found[2] == m.ref or found[3] != "organization" or found[4]:
                    continue
                lo, hi = min(span.start_char, noun.left_edge.idx), max(span.end_char, found[1])
                if not article.in_one_sentence(lo, hi):
                    continue
                out.append({"from": m.ref, "kind": "member-of", "to": found[2],
                            "evidence": article.text[lo:hi]})  # fmt: skip
    return out


def _named_after(
    doc: Doc, span: Span, names: _Names, person: str
) -> tuple[str, tuple[str, int, int]] | None:
    """'Frederick Fung of ADPL', 'Ann Lee from the Civic Party', 'senator X from Virginia':
    a body named right after the name, by "of" or "from" (GUIDE §9: membership stated by
    "X of Y"). A country only after "of" ("from" says where one comes from); a state or
    city only for an office held for it, written before the name. The preposition must
    hang on the name (or, in a list the parse has run together, on a name before it):
    "a photo from X from the AP" does not place X in the AP. Set off by commas ("Tom
    Reyes, of the Farmers Union, said"), the phrase must hang on the name itself, hold
    nothing but the body's name, and name an organization: "Ann Lee, of Britain" tells
    where she is from."""
    j = span.end
    aside = j + 2 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ in {"of", "from"}
    if aside:
        j += 1
    if j + 1 >= len(doc) or doc[j].lower_ not in {"of", "from"}:
        return None
    prep = doc[j]
    anchor = prep.head
    if aside and not span.start <= anchor.i < span.end:
        return None
    if not (span.start <= anchor.i < span.end) and (
        anchor.pos_ != "PROPN" or names.at(anchor) is None or anchor.i > span.start
    ):
        return None
    k = j + 2 if doc[j + 1].lower_ == "the" and j + 2 < len(doc) else j + 1
    found = names.at(doc[k])
    if found is None or found[0] != doc[k].idx or found[2] == person or found[4]:
        return None
    start, end, ref, kind, _demonym = found
    rest = doc_text(doc)[end : end + 2]
    if rest[:1] in {"'", "’"} or rest in {"'s", "’s"}:
        return None  # "X of Italy's la Repubblica": of what the name possesses
    if aside:
        closed = next((t for t in doc[k:] if t.idx >= end), None)
        if kind != "organization" or closed is None or closed.text not in {",", ".", ";"}:
            return None
    if kind == "organization" or (kind == "country" and prep.lower_ == "of"):
        return "member", (ref, start, end)
    title = doc[span.start - 1] if span.start > span.sent.start else None
    if kind in _SUBNATIONAL and title is not None and title.lower_ in PLACE_OFFICES:
        return title.lower_, (ref, start, end)
    return None


def _with_body(doc: Doc, span: Span, names: _Names, person: str) -> tuple[str, int, int] | None:
    """'said Ben Ruiz, with Karst Capital, in a note': a parenthetical "with" and nothing
    but an organization's name is the wire's way of saying whom a person works for
    (GUIDE §9 employed-by, no post stated). "with her husband", "with 40 percent",
    "with Orvel Bank's backing" name no employer: the phrase must end at the name."""
    j = span.end
    if j + 2 >= len(doc) or doc[j].text != "," or doc[j + 1].lower_ != "with":
        return None
    prep = doc[j + 1]
    if not span.start <= prep.head.i < span.end:
        return None
    k = j + 3 if doc[j + 2].lower_ == "the" else j + 2
    found = names.at(doc[k])
    if found is None or found[3] != "organization" or found[2] == person or found[4]:
        return None
    if found[0] not in {doc[k].idx, doc[j + 2].idx}:
        return None
    nxt = next((t for t in doc[k:] if t.idx >= found[1]), None)
    if nxt is None or nxt.text not in {",", ".", ";", ")"}:
        return None
    return found[2], found[0], found[1]


def _adherent(doc: Doc, span: Span, entities: Entities) -> tuple[str, int] | None:
    """'Scientologist X': a capitalised adherent's noun in -ist before the name, made from
    the name of the one organization of the article it can come from (Scientolog-ist,
    Scientolog-y): a membership (GUIDE §9 member-of)."""
    if span.start == 0 or span.start <= span.sent.start:
        return None
    tok = doc[span.start - 1]
    if not (tok.is_title and tok.text.endswith("ist") and len(tok.text) >= 8):
        return None
    stem = tok.lower_[:-3]
    forms = {tok.lower_, stem + "y", stem + "ism"}  # Baptist, Scientology, Buddhism
    bodies = {
        e.id
        for e in entities.actors
        if e.kind == "organization"
        for n in e.names
        if not n.demonym and any(w.lower() in forms for w in n.text.split())
    }
    return (bodies.pop(), tok.idx) if len(bodies) == 1 else None


def _kin(
    article: Article, doc: Doc, span: Span, names: _Names, person: str, entities: Entities
) -> list[dict[str, object]]:
    """Family written before the name or in apposition: "his wife Ann Lee", "Lind's son
    Tom Lind", "Ann Lee, the daughter of Ivo Lind" (GUIDE §9 spouse, parent-of,
    sibling, relative-of). "his"/"her" is the person the nearest clause before has as
    subject (events.py's reading of a pronoun)."""
    from briefkit.extractors.events import named_antecedent

    out: list[dict[str, object]] = []
    actors = {a.id: a for a in entities.actors}
    mentions = SpanIndex(
        [m for m in entities.mentions if m.kind == "actor"], lambda m: (m.start, m.end)
    )

    def person_at(tok: Token) -> str | None:
        if tok.lower_ in {"his", "her"}:
            return named_antecedent(tok, doc, mentions, actors, frozenset({"person"}))
        found = names.at(tok)
        return found[2] if found is not None and found[3] == "person" else None

    def add(noun: Token, other: str | None, lo: int, hi: int) -> None:
        kin = KIN_KINDS.get(noun.lower_)
        if kin is None or other is None or other == person:
            return
        if not article.in_one_sentence(lo, hi):
            return
        kind, forward = kin
        source, target = (person, other) if forward else (other, person)
        out.append({"from": source, "kind": kind, "to": target,
                    "evidence": article.text[lo:hi]})  # fmt: skip

    k = span.start - 1
    if k > span.sent.start and doc[k].lower_ in KIN_KINDS:
        noun, before = doc[k], doc[k - 1]
        if before.text in _POSSESSIVE and k - 2 >= span.sent.start:
            add(noun, person_at(doc[k - 2]), doc[k - 2].idx, span.end_char)
        elif before.lower_ in {"his", "her"}:
            add(noun, person_at(before), before.idx, span.end_char)
    root = span.root
    nouns = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        nouns.append(root.head)
    for noun in nouns:
        if noun.lower_ not in KIN_KINDS:
            continue
        # "Tom Reyes, Ann Roy's nephew": the kin noun's named possessor is the relative
        # (a pronoun's is actors.py's to tell, which weighs gender)
        for poss in (c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN"):
            found = names.at(poss)
            hi = max(noun.idx + len(noun.text), span.end_char)
            lo = min(found[0] if found is not None else poss.idx, span.start_char)
            add(noun, person_at(poss), lo, hi)
        for obj in _prep_objects(noun, "of"):
            lo, hi = min(noun.left_edge.idx, span.start_char), obj.idx + len(obj.text)
            found = names.at(obj)
            if found is not None:
                hi = max(hi, found[1])
            add(noun, person_at(obj), lo, max(hi, span.end_char))
    return out


def _prep_objects(tok: Token, prep: str) -> list[Token]:
    return [o for p in tok.children if p.dep_ == "prep" and p.lower_ == prep
            for o in p.children if o.dep_ == "pobj"]  # fmt: skip


# Family nouns and the relation each states, from the person the noun names ("his
# wife X": X spouse of him; "his son X": he parent-of X, so backward).
KIN_KINDS: dict[str, tuple[str, bool]] = {
    "wife": ("spouse", True), "husband": ("spouse", True), "widow": ("spouse", True),
    "widower": ("spouse", True), "spouse": ("spouse", True),
    "mother": ("parent-of", True), "father": ("parent-of", True),
    "son": ("parent-of", False), "daughter": ("parent-of", False),
    "brother": ("sibling", True), "sister": ("sibling", True),
    "cousin": ("relative-of", True), "uncle": ("relative-of", True),
    "aunt": ("relative-of", True), "nephew": ("relative-of", True),
    "niece": ("relative-of", True), "grandson": ("relative-of", True),
    "granddaughter": ("relative-of", True), "grandfather": ("relative-of", True),
    "grandmother": ("relative-of", True), "stepson": ("parent-of", False),
    "stepdaughter": ("parent-of", False), "stepfather": ("parent-of", True),
    "stepmother": ("parent-of", True),
}  # fmt: skip


# National offices a capitalised title before a name gives without naming the state:
# "President Dmitry Medvedev", "Finance Minister X", "Home Secretary X".
_NATIONAL_OFFICES = word_set("president minister secretary chancellor premier")


def _bare_office(doc: Doc, span: Span, names: _Names) -> tuple[str, int] | None:
    """The head of a capitalised national office written right before the name, with no
    body in it, nor a possessive, nor any other name before it in the title."""
    k = span.start - 1
    if k < span.sent.start:
        return None
    head = doc[k]
    if head.lower_ not in _NATIONAL_OFFICES or not head.is_title:
        return None
    j = k - 1
    while j >= span.sent.start and doc[j].is_title and doc[j].is_alpha and names.at(doc[j]) is None:
        j -= 1  # "Finance Minister", "Prime Minister", "Home Secretary"
    if j >= span.sent.start and (names.at(doc[j]) is not None or doc[j].text in _POSSESSIVE):
        return None
    return head.lower_, doc[j + 1].idx


def _home_country(article: Article, entities: Entities) -> tuple[str, int] | None:
    """The country the story is about, where one stands out: named in the headline or
    the first sentence, at least three times, and twice as often as any other. A
    national office written without its state is that country's (GUIDE §9: the title
    states the post; the story states whose)."""
    countries = {a.id for a in entities.actors if a.kind == "country"}
    counts: dict[str, int] = {}
    for m in entities.mentions:
        if m.ref in countries:
            counts[m.ref] = counts.get(m.ref, 0) + 1
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    best, n = ranked[0]
    runner = ranked[1][1] if len(ranked) > 1 else 0
    if n < 3 or n < 2 * runner:
        return None
    sents = article.sentences
    lead_end = sents[1].end if len(sents) > 1 else (sents[0].end if sents else 0)
    if not any(m.ref == best and m.start < lead_end for m in entities.mentions):
        return None
    return best, n


def _only_country_in_sentence(span: Span, names: _Names, home: str) -> bool:
    sent = span.sent
    return all(
        ref == home
        for _s, _e, ref, kind, _d in names.index.within(sent.start_char, sent.end_char)
        if kind == "country"
    )


def _shared_possessive(
    article: Article, root: Token, span: Span, names: _Names, person: str
) -> list[dict[str, object]]:
    """ "DAB's Ben Chan and Leung Che-cheung": the second name is in the party the
    possessive before the first names."""
    if root.dep_ != "conj" or any(c.dep_ == "poss" for c in root.children):
        return []
    first = root.head
    between = root.doc[first.i + 1 : span.start]
    if not all(t.dep_ == "cc" for t in between):
        return []  # "A's B, C and D": the possessive is B's alone, C may be of another
    first_found = names.at(first)
    if first_found is None or first_found[3] != "person":
        return []
    for poss in (c for c in first.children if c.dep_ == "poss"):
        found = names.at(poss)
        if found is not None and found[3] == "organization" and not found[4]:
            start = found[0]
            if not article.in_one_sentence(start, span.end_char):
                return []
            return [{"from": person, "kind": "member-of", "to": found[2],
                     "evidence": article.text[start : span.end_char]}]  # fmt: skip
    return []


# Nouns for the members of a body that a list names: "former members of Scientology,
# including A and B", "defectors from the organization including A".
_MEMBER_NOUNS = word_set("member members defector defectors player players")
_BARE_BODIES = word_set("""
    organization organisation group company firm church party movement team club union
    """)


def _listed_members(
    article: Article, doc: Doc, names: _Names, kinds: dict[str, str], epithets: Epithets
) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for tok in tokens(doc):
        if tok.lower_ not in _MEMBER_NOUNS or tok.pos_ != "NOUN":
            continue
        body = None
        preps = [p for p in tok.children if p.dep_ == "prep"]
        # "attacked defectors from the organization including X": the parse may hang
        # the phrase right after the noun on the verb, and the list on the body
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        moved = nxt is not None and nxt.dep_ == "prep" and nxt.head.i == tok.head.i != tok.i
        if moved:
            preps.append(nxt)
        objs = []
        for prep in preps:
            if prep.lower_ in {"of", "from"}:
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        # "defectors from the organization": what it refers back to
                        body = _named_body(obj, names, doc) or epithets.referent(obj)
                        objs.append(obj)
        if body is None:
            continue
        listed = [
            t
            for prep in [*tok.subtree, *(c for o in objs if moved for c in o.children)]
            if prep.dep_ == "prep"
            and prep.lower_ in _LIST_PREPS
            and (
                prep.head.i == tok.i
                or prep.head.head.head.i == tok.i
                or (moved and prep.head in objs)
            )
            for obj in prep.children
            if obj.dep_ == "pobj"
            for t in conjuncts(obj)
        ]
        for person_tok in listed:
            found = names.at(person_tok)
            if found is None or found[3] != "person":
                continue
            lo, hi = tok.left_edge.idx, found[1]
            if not article.in_one_sentence(lo, hi):
                continue
            out.append({"from": found[2], "kind": "member-of", "to": body,
                        "evidence": article.text[lo:hi]})  # fmt: skip
    return out


def _named_body(obj: Token, names: _Names, doc: Doc) -> str | None:
    """The body an object names, or, for 'the organization', the body named last before
    it in its sentence or the one before."""
    found = names.at(obj)
    if found is not None:
        return found[2] if found[3] in _BODY_KINDS and not found[4] else None
    if not (obj.lemma_.lower() in _BARE_BODIES and any(c.lower_ == "the" for c in obj.children)):
        return None
    sent = obj.sent
    floor = doc[sent.start - 1].sent.start_char if sent.start > 0 else 0
    # Only where one body is named there: the nearest of several is a guess.
    bodies = {ref for _s, _e, ref, kind, demonym in names.index.before(obj.idx, floor)
              if kind == "organization" and not demonym}  # fmt: skip
    return bodies.pop() if len(bodies) == 1 else None


# Abbreviated titles of legislators and governors that stand between a party label and
# the name ("Republican Sen. X", "Democratic Rep. Y").
_TITLE_ABBREVIATIONS = word_set("sen. sen rep. rep gov. gov lt. del. mp mep msp mla")
# The letter American wire copy gives a legislator's party by ("Sen. X, R-Texas",
# "Rep. Y (D-Ohio)"), for the party actor whose name's first word it abbreviates.
_PARTY_LETTERS = {"Democratic": "D", "Republican": "R"}


def _party_labels(article: Article, doc: Doc, entities: Entities) -> list[dict[str, object]]:
    """A party label on a person, where the party is an actor ("the Republican Party"):
    before the title ("Republican Sen. X", "Labour MP Y"), in apposition ("X, a
    Democrat"), or as a letter code after the name ("X, R-Texas", "Y (D-Ohio)") (GUIDE
    §9: party labels are member-of the party)."""
    labels: dict[str, str] = {}
    letters: dict[str, str] = {}
    for actor in entities.actors:
        words = actor.name.split()
        if actor.kind != "organization" or len(words) != 2 or words[1] != "Party":
            continue
        word = words[0]
        if not (word.isalpha() and word.istitle()):
            continue
        labels[word] = actor.id
        if word.endswith("ic"):
            labels[word[:-2]] = actor.id  # "Democratic Party": "a Democrat"
        if word in _PARTY_LETTERS:
            letters[_PARTY_LETTERS[word]] = actor.id
    if not labels:
        return []
    kinds = {a.id: a.kind for a in entities.actors}
    out: list[dict[str, object]] = []

    def add(person: str, party: str, lo: int, hi: int) -> None:
        if not article.in_one_sentence(lo, hi):
            return
        out.append({"from": person, "kind": "member-of", "to": party,
                    "evidence": article.text[lo:hi]})  # fmt: skip

    for m in entities.mentions:
        if m.kind != "actor" or kinds.get(m.ref) != "person":
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        # "Republican Sen. X": the label, then only title words up to the name
        j = span.start - 1
        while j >= span.sent.start and (doc[j].lower_ in _TITLE_ABBREVIATIONS or _is_role(doc[j])):
            j -= 1
        if j >= span.sent.start and doc[j].text in labels:
            add(m.ref, labels[doc[j].text], doc[j].idx, span.end_char)
        # "X, a Democrat (from Ohio)"
        for noun in (c for c in span.root.children if c.dep_ == "appos"):
            if noun.text in labels and any(d.lower_ in {"a", "an"} for d in noun.children):
                add(m.ref, labels[noun.text], span.start_char, noun.idx + len(noun.text))
            elif _is_role(noun):
                # "X, a Democratic senator from Ohio", "X, the Labour MP for Leeds"
                for mod in (c for c in noun.children if c.dep_ in _MODIFIERS and c.i < noun.i):
                    if mod.text in labels:
                        add(m.ref, labels[mod.text], span.start_char, noun.idx + len(noun.text))
        # "X, R-Texas", "X (D-Ohio)"
        code = re.match(r"\s*[,(]\s*([A-Z])-[A-Z][\w.]*", article.text[span.end_char :])
        if code is not None and code.group(1) in letters:
            add(m.ref, letters[code.group(1)], span.start_char, span.end_char + code.end())
    return out

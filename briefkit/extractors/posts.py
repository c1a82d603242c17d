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

from typing import TYPE_CHECKING

from briefkit.extractors.actors import PLACE_OFFICES, ROLE_NOUNS, TITLE_WORDS
from briefkit.extractors.gazetteer import word_set
from briefkit.extractors.nlp import conjuncts
from briefkit.extractors.spans import SpanIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from briefkit.article import Article
    from briefkit.extractors.types import Entities

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
_FOUNDERS = word_set("founder co-founder cofounder")
_MEMBERS = word_set("member members player players")
# Words of a title chain besides its role words: what qualifies the post.
_CHAIN_EXTRA = word_set("former ex acting interim deputy vice chief senior executive")
_BODY_KINDS = frozenset({"organization", "country"})
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
_LIST_PREPS = frozenset({"including", "like"})


def _is_role(tok: Token) -> bool:
    lower = tok.lower_
    return lower in ROLE_NOUNS or lower in TITLE_WORDS or tok.lemma_.lower() in ROLE_NOUNS


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

    def at(self, tok: Token) -> tuple[int, int, str, str, bool] | None:
        found = self.index.covering(tok.idx)
        return found[0] if found else None


def _body(
    names: _Names, tok: Token, head: str, person: str, possessive: bool = False
) -> tuple[str, int, int] | None:
    """The body a token names for a post whose head is ``head``: its id and name's span."""
    found = names.at(tok)
    if found is None:
        return None
    start, end, ref, kind, demonym = found
    if ref == person:
        return None
    text = tok.doc.text[start:end].lower().split()
    if all(w in _OFFICE_MODIFIERS for w in text):
        return None
    if kind in _BODY_KINDS:
        if demonym and head not in STATE_POSTS:
            return None  # "American actor X": an origin, not a post
        return ref, start, end
    if kind in _SUBNATIONAL and head in PLACE_OFFICES:
        return ref, start, end
    if kind == "person" and possessive and head in _PERSONAL_POSTS:
        return ref, start, end
    return None


def _kind(head: str, body_kind: str) -> str:
    if head in _MEMBERS:
        return "member-of"
    if head in _FOUNDERS:
        return "founder-of"
    if head in _COUNSEL and body_kind != "place":
        return "counsel-for"
    if body_kind == "person":
        return "employed-by"
    return "role"


def _title_before(
    doc: Doc, span: Span, names: _Names, person: str
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
            if found is not None:
                return (head, found) if not _inside_longer_name(doc, found[1]) else None
            if names.at(tok) is not None:
                return None  # another name, not a body: the chain is not one title
        chain = (
            _is_role(tok)
            or tok.lower_ in _CHAIN_EXTRA
            or (tok.text == "-" and not tok.whitespace_)
            or (tok.is_alpha and tok.pos_ in {"NOUN", "PROPN", "ADJ"} and tok.tag_ != "VBN")
        )
        if not chain:
            return None
        j -= 1
    return None


def _inside_longer_name(doc: Doc, start: int) -> bool:
    """'Environment Canada spokesperson X': a capitalised word right before the body's
    name, itself no title word, makes the name part of a longer one the text did not
    resolve (the agency, not the country)."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    if first is None or first.start == 0:
        return False
    prev = doc[first.start - 1]
    return prev.pos_ == "PROPN" and prev.is_title and not _is_role(prev)


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
    noun: Token, names: _Names, person_span: Span, person: str
) -> tuple[str, int, int] | None:
    """The body of a title in apposition: its possessor first, then an 'of/for/at'
    object, then a modifier naming one ("a Kansas representative")."""
    head = noun.lower_ if noun.lower_ in ROLE_NOUNS else noun.lemma_.lower()
    own = [t for t in _own_tokens(noun) if not (person_span.start <= t.i < person_span.end)]
    possessors = [t for t in own if t.dep_ == "poss" and t.head.i == noun.i]
    if possessors and all(names.at(t) is None for t in possessors):
        return None  # "the Afghan team's coach": the post is the unnamed possessor's
    objects = [t for t in own if t.dep_ == "pobj"]
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
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        nouns += [c for c in root.head.children if c.dep_ == "attr"]
    out = []
    for noun in nouns:
        for t in [noun, *(c for c in noun.children if c.dep_ == "conj")]:
            if t.pos_ in {"NOUN", "PROPN"} and _is_role(t):
                out.append(t)
    return out


def post_relations(article: Article, doc: Doc, entities: Entities) -> list[dict[str, object]]:
    """Every post and membership stated around a person's mentions."""
    names = _Names(entities)
    kinds = {e.id: e.kind for e in entities.actors}
    place_ids = {p.id for p in entities.places}
    out: list[dict[str, object]] = []
    home = _home_country(article, entities)
    affiliated = {a.id for a in entities.actors if a.affiliation}

    def add(person: str, head: str, body: tuple[str, int, int], lo: int, hi: int) -> None:
        ref, start, end = body
        body_kind = "place" if ref in place_ids else kinds.get(ref, "")
        lo, hi = min(lo, start), max(hi, end)
        bounds = article.sentence_at(lo)
        if bounds is None or hi > bounds.end:
            return
        out.append({"from": person, "kind": _kind(head, body_kind), "to": ref,
                    "evidence": article.text[lo:hi]})  # fmt: skip

    for m in entities.mentions:
        if m.kind != "actor" or kinds.get(m.ref) != "person":
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        before = _title_before(doc, span, names, m.ref)
        if before is not None:
            head, body = before
            add(m.ref, head.lower_, body, head.left_edge.idx, span.end_char)
        elif home is not None and m.ref not in affiliated:
            office = _bare_office(doc, span, names)
            if office is not None and _only_country_in_sentence(span, names, home[0]):
                head, start = office
                add(m.ref, head, (home[0], start, start), start, span.end_char)
        root = span.root
        for noun in _appositions(root):
            body = _body_of_noun(noun, names, span, m.ref)
            if body is not None:
                right = max(t.idx + len(t.text) for t in _own_tokens(noun))
                left = min(t.idx for t in _own_tokens(noun))
                head = noun.lower_ if noun.lower_ in ROLE_NOUNS else noun.lemma_.lower()
                add(m.ref, head, body, min(left, span.start_char), max(right, span.end_char))
        out.extend(_shared_possessive(article, root, span, names, m.ref))
    out.extend(_listed_members(article, doc, names, kinds))
    return out


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
            bounds = article.sentence_at(start)
            if bounds is None or span.end_char > bounds.end:
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
    article: Article, doc: Doc, names: _Names, kinds: dict[str, str]
) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for tok in doc:
        if tok.lower_ not in _MEMBER_NOUNS or tok.pos_ != "NOUN":
            continue
        body = None
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in {"of", "from"}:
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        body = _named_body(obj, names, doc)
        if body is None:
            continue
        listed = [
            t
            for prep in tok.subtree
            if prep.dep_ == "prep"
            and prep.lower_ in _LIST_PREPS
            and (prep.head.i == tok.i or prep.head.head.head.i == tok.i)
            for obj in prep.children
            if obj.dep_ == "pobj"
            for t in conjuncts(obj)
        ]
        for person_tok in listed:
            found = names.at(person_tok)
            if found is None or found[3] != "person":
                continue
            lo, hi = tok.left_edge.idx, found[1]
            bounds = article.sentence_at(lo)
            if bounds is None or hi > bounds.end:
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

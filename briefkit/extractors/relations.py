"""Relations between actors: roles the article states, and stated ties.

Two sources:

* roles: a person's role and affiliation (from ``actors``) become ``leader-of``,
  ``member-of`` or ``role`` relations;
* stated ties: a trigger word from a small lexicon (ally, enemy, tensions, trade
  partner, mediator...) and its arguments in the dependency parse: the
  possessor ("Iran's ... partner"), the subject of the clause ("Iraq ranks as
  ..."), prepositional objects ("between Iran and Israel", "allies like
  Lebanon and Syria") and conjoined subjects with "each other". When the parse
  gives only one side, the nearest other country or organization in the
  sentence is the other, a guess that holds for the short sentences news uses
  for such statements.

A capital city that acts ("using Baghdad as a mediator") stands for its
country's government.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from briefkit.extractors.actors import GIVEN_FUNCTION_WORDS, ROLE_NOUNS, TITLE_WORDS
from briefkit.extractors.epithets import Epithets, is_epithet
from briefkit.extractors.events import DENIAL_VERBS, clause_frames, named_antecedent
from briefkit.extractors.gazetteer import load_gazetteer, word_set
from briefkit.extractors.implied import crossed_pairs, implied_relations
from briefkit.extractors.nlp import conjuncts, doer_and_done, negated_or_modal, tokens
from briefkit.extractors.ownership import ownership_relations, what_is_sold
from briefkit.extractors.posts import (
    _CHAIN_EXTRA,
    _OFFICE_MODIFIERS,
    _POSSESSIVE,
    _TITLE_PARTS,
    ENDED_POST,
    STATE_POSTS,
    post_relations,
)
from briefkit.extractors.spans import SpanIndex
from briefkit.extractors.types import every_mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from briefkit.article import Article
    from briefkit.extractors.types import Entities, Entity

TRIGGERS: dict[str, str] = {
    "ally": "ally",
    "alliance": "ally",
    "allied": "ally",
    "allies": "ally",
    "enemy": "enemy",
    "foe": "enemy",
    "adversary": "enemy",
    "archenemy": "enemy",
    "archrival": "enemy",
    "enmity": "enemy",
    "tension": "tension",
    "dispute": "tension",
    "feud": "tension",
    "standoff": "tension",
    "rivalry": "tension",
    "hostility": "tension",
    "tense": "tension",
    "spat": "tension",
    "rift": "tension",
    "friction": "tension",
    "war": "enemy",
    "conflict": "enemy",
    "fighting": "enemy",
    "clash": "enemy",
    "invasion": "enemy",  # "Russia's invasion of Georgia": armed conflict (GUIDE §9)
    "backer": "ally",  # "Iran is a key backer of Hezbollah" (GUIDE §9 ally: backing)
    "mediator": "mediator",
    "mediate": "mediator",
    "mediation": "mediator",
    "intermediary": "mediator",
    "broker": "mediator",
    "go-between": "mediator",
}
_TRADE = frozenset({"trade", "trading", "commercial", "economic"})
# What makes a war or a battle one fought without arms (GUIDE §9 tension).
_UNARMED = word_set("""
    trade price tariff currency legal court courtroom custody cold political bidding
    propaganda media cyber
    """)
# Verbs whose conjoined subjects talk about a tie rather than being its sides: "France
# and Germany discussed the war in Syria".
_ABOUT_VERBS = word_set("""
    discuss debate talk report cover study mention describe address consider analyse
    analyze review condemn criticise criticize denounce oppose fear warn say watch
    monitor follow
    """)
# Who sells to whom, said by a noun: "a major supplier to Y", "Y's biggest customer".
_TRADE_NOUNS = word_set("supplier customer")
_SYMMETRIC = frozenset(
    {"ally", "enemy", "tension", "rival", "trade-partner", "spouse", "sibling", "relative-of"}
)
# Nouns that state a standing competition (GUIDE §9 rival: "Airbus rival Boeing").
_RIVALS = frozenset({"rival", "rivals", "competitor", "competitors"})
_AFFILIATION = frozenset({"role", "member-of", "leader-of", "founder-of", "employed-by"})
_PARTY_KINDS = frozenset({"country", "organization", "person"})  # not products (other)
_PREPS = frozenset({"with", "between", "against", "like", "including", "to", "among", "of", "and"})


def role_relations(entities: Entities, text: str = "") -> list[dict[str, object]]:
    """A person's stated role, as a relation to the body they hold it in."""
    out = []
    places = {p.id for p in entities.places}
    countries = {a.id: a for a in entities.actors if a.kind == "country"}
    names = {e.id: e for e in [*entities.actors, *entities.places]}
    for ent in entities.actors:
        if ent.kind != "person":
            continue
        member = ent.extra.get("membership")
        if member is not None:
            evidence = ent.extra.get("membership_evidence") or ent.name
            out.append({"from": ent.id, "kind": "member-of", "to": member.affiliation,
                        "evidence": evidence})  # fmt: skip
            if ent.affiliation == member.affiliation:
                continue  # the stated role names no body of its own
        body, evidence = ent.affiliation, ent.role_evidence or ent.name
        if body and ent.role and _inside_longer_name(ent, names, text):
            # "Environment Canada spokesperson X": the post is of the longer name, when
            # the text resolved it to an organization of its own
            body, evidence = _longer_body(ent, entities, text) or (None, evidence)
        if (
            body
            and ent.role
            and not _origin_only(ent, countries)
            and not _stance_only(ent, names, text)
        ):
            out.append(
                {
                    "from": ent.id,
                    "kind": _role_kind(ent.role, ent.role_head, body in places),
                    "to": body,
                    "evidence": evidence,
                }
            )
            if ENDED_POST.match(ent.role):
                out[-1]["former"] = True  # the role says "Former ...", as the text did
        kin = ent.extra.get("kin")
        if kin is not None:
            out.append({"from": kin.source, "kind": kin.kind, "to": kin.target,
                        "evidence": kin.evidence})  # fmt: skip
        for stated in ent.extra.get("memberships") or []:
            out.append({"from": ent.id, "kind": "member-of", "to": stated.affiliation,
                        "evidence": stated.evidence})  # fmt: skip
    return out


def _origin_only(ent: Entity, countries: dict[str, Entity]) -> bool:
    """'Norwegian actor X': a demonym before an occupation gives where the person is from,
    not a post held for the state (GUIDE §2 Roles: nationalities are not roles); an
    office or a national side's post ("Swedish captain") is one."""
    country = countries.get(ent.affiliation or "")
    if country is None or ent.role_head is None or ent.role_head in STATE_POSTS:
        return False
    evidence = ent.role_evidence or ""
    return not any(not n.demonym and n.text in evidence for n in country.names)


def _stance_only(ent: Entity, names: dict[str, Entity], text: str) -> bool:
    """'pro-Beijing district councillor X': the body is named only in a stance toward
    it, which is no post in it."""
    body = names.get(ent.affiliation or "")
    evidence = ent.role_evidence or ""
    if body is None or not evidence:
        return False
    for n in body.names:
        if not text[max(n.start - 5, 0) : n.start].lower().endswith(("pro-", "anti-")):
            continue
        at = text.find(evidence, max(n.end - len(evidence), 0))
        if 0 <= at <= n.start:  # this name is the one the role's evidence holds
            return True
    return False


def _title_word(word: str) -> bool:
    lower = word.lower()
    return (
        lower in ROLE_NOUNS
        or lower in TITLE_WORDS
        or lower in _CHAIN_EXTRA
        or lower in _OFFICE_MODIFIERS
        or lower in _TITLE_PARTS
    )


def _inside_longer_name(ent: Entity, names: dict[str, Entity], text: str) -> bool:
    """'Environment Canada spokesperson X', 'Boeing Commercial Airplanes CEO X': the
    body's name in the role's evidence runs on into a capitalised word that is no
    title word, so the post is of a longer name (an agency, a unit) the text did not
    resolve to an actor, and the body that was read is a guess."""
    body = names.get(ent.affiliation or "")
    evidence = ent.role_evidence or ""
    if body is None or not evidence:
        return False
    person = set(ent.name.split())
    for n in body.names:
        if n.demonym or not n.text:
            continue
        at = evidence.find(n.text)
        if at < 0:
            continue
        # two name words after it, as posts._runs_on reads: one is mostly the
        # post's function ("Pentagon Acquisition Director")
        after = evidence[at + len(n.text) :].split()[:2]
        if len(after) == 2 and all(
            w[:1].isupper() and not _title_word(w) and w not in person for w in after
        ):
            return True
        if at > 0:
            before = evidence[:at].split()[-1:]
            return bool(before) and _name_word(before[0], person)
        # The evidence starts at the body's name: the word before it in the text.
        for hit in re.finditer(re.escape(evidence), text):
            line = text[: hit.start()].rsplit("\n", 1)[-1]  # not a heading's word above it
            before = line.split()[-1:]
            if before and _name_word(before[0], person):
                return True
        return False
    return False


def _longer_body(ent: Entity, entities: Entities, text: str) -> tuple[str, str] | None:
    """The organization whose name, written where the role's evidence has the body's
    name, holds that name and runs past it ("Environment Canada" around "Canada"), and
    the evidence widened to hold it."""
    evidence = ent.role_evidence or ""
    body = next((a for a in entities.actors if a.id == ent.affiliation), None)
    hit = text.find(evidence) if evidence else -1
    if body is None or hit < 0:
        return None
    longer = [
        (a.id, n.text)
        for a in entities.actors
        if a.kind == "organization" and a.id != body.id
        for n in a.names
        if n.text and not n.demonym
    ]
    for inner in (n.text for n in body.names if n.text and not n.demonym):
        at = evidence.find(inner)
        if at < 0:
            continue
        pos = hit + at
        for ref, name in longer:
            k = name.find(inner)
            if k < 0 or len(name) == len(inner) or k > pos:
                continue
            if text[pos - k : pos - k + len(name)] == name:
                first, last = min(hit, pos - k), max(hit + len(evidence), pos - k + len(name))
                return ref, text[first:last]
    return None


def _title_phrase(body: Entity | None) -> bool:
    """'Chairman and Chief Operating Officer of AirTran Airways' read as a body: a name
    whose words before its "of" are all title words is a post, not the body it is of."""
    if body is None or " of " not in body.name:
        return False
    words = body.name.split(" of ", 1)[0].replace(",", " ").split()
    fillers = {"and", "&", "the"}
    return bool(words) and all(w.lower() in fillers or _title_word(w) for w in words)


def _name_word(word: str, person: set[str]) -> bool:
    """A capitalised word before a body's name that makes it part of a longer one: an
    office's own words ("Environment", "Health") come after the body in a title
    ("Canada Health Minister"), so before it they are a name's."""
    lower = word.lower()
    title = lower in ROLE_NOUNS or lower in _CHAIN_EXTRA or lower in {"the", "a", "an"}
    if title or not (word[:1].isupper() and word.isalpha()) or word in person:
        return False
    return load_gazetteer().demonym(word) is None  # "Swedish Volvo chief X": an origin


# Heads of a role that make its relation another affiliation kind than a post
# (GUIDE §9): a founder founded the body; a lawyer acts for a client.
_FOUNDERS = frozenset({"founder", "co-founder", "cofounder"})
_COUNSEL = frozenset({"attorney", "lawyer", "counsel", "solicitor", "barrister"})


def _role_kind(role: str, head: str | None = None, place: bool = False) -> str:
    # Offices are all "role": whether a president "leads" a country is the reader's call.
    words = role.lower().replace("-", " ").split()
    if role.lower().startswith("member"):
        return "member-of"
    if (
        head in _FOUNDERS
        or (words and words[0] in {"founder", "cofounder"})
        or (words[:2] == ["co", "founder"])
    ):
        return "founder-of"
    if head in {"owner", "co-owner"} and not place:
        return "owns"  # GUIDE §9: a stated ownership is owns, no post
    if head in _COUNSEL and not place:
        # GUIDE §9: written as counsel-for only, not also role; a district attorney
        # holds an office for a place, and acts for no client.
        return "counsel-for"
    return "role"


class _Parties:
    """Maps tokens to the actors they name, capitals standing for their country."""

    def __init__(self, entities: Entities, doc: Doc) -> None:
        gaz = load_gazetteer()
        self.spans: list[tuple[int, int, str, str]] = []
        actor_kinds = {a.id: a.kind for a in entities.actors}
        self.kinds = actor_kinds
        # Every place a name is written, not only where the recogniser read it: a
        # tie stated at a later mention ("Corvex, founded by X") is as stated.
        for m in every_mention(doc, entities.mentions, entities.actors, entities.places):
            if m.kind == "actor" and actor_kinds.get(m.ref) in _PARTY_KINDS:
                self.spans.append((m.start, m.end, m.ref, actor_kinds[m.ref]))
            elif m.kind == "place":
                city = gaz.city(m.text)
                country = gaz.capital_of(city) if city else None
                if country is not None:
                    self.spans.append((m.start, m.end, country.id, "country"))
        self.spans.sort()
        self.index = SpanIndex(self.spans, lambda s: (s[0], s[1]))

    def person(self, *refs: str) -> bool:
        """Whether any of the refs is a person."""
        return any(self.kinds.get(r) == "person" for r in refs)

    def of(self, tok: Token) -> str | None:
        covering = self.index.covering(tok.idx)
        return covering[0][2] if covering else None

    def named_by(self, tok: Token) -> str | None:
        """The party the token names, or a common noun's appositive names ("sued his
        partner Owen Pryce", "the firm, Acme")."""
        ref = self.of(tok)
        if ref is None and tok.pos_ == "NOUN":
            ref = next((r for a in tok.children if a.dep_ == "appos" and (r := self.of(a))), None)
        if ref is None and tok.lemma_.lower() in _GOVERNMENT_NOUNS:
            ref = self.country_of_government(tok)
        return ref

    def country_of_government(self, tok: Token) -> str | None:
        """The country a government noun is named by (GUIDE §2 rule 11: "the Colombian
        government", "Canada's government", "the government of Canada" are the
        country); a person's administration is not a country."""
        named = [c for c in tok.children if c.dep_ in {"amod", "compound", "poss"} and c.i < tok.i]
        named += _prep_objects_of(tok, {"of"})
        for c in named:
            ref = self.of(c)
            if ref is not None and self.kinds.get(ref) == "country":
                return ref
        return None

    def in_range(self, start: int, end: int) -> list[tuple[int, int, str]]:
        return [(s, e, r) for s, e, r, k in self.index.within(start, end) if k != "person"]

    def named_in(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Every party named in the range, people too (for evidence)."""
        return [(s, e, r) for s, e, r, _k in self.index.within(start, end)]

    def preceding(self, offset: int, floor: int) -> str | None:
        return self.preceding_other(offset, floor, ())

    def preceding_other(self, offset: int, floor: int, others: Sequence[str]) -> str | None:
        """The last country or organization named before ``offset``, not one of ``others``."""
        return next(
            (
                ref
                for _s, _e, ref, kind in self.index.before(offset, floor)
                if kind in {"country", "organization"} and ref not in others
            ),
            None,
        )


def _refs(tokens: list[Token], parties: _Parties, doc: Doc) -> list[str]:
    refs: list[str] = []
    for tok in tokens:
        ref = parties.named_by(tok)
        if ref is None and tok.lower_ in {"its", "their", "it", "they"}:
            sent = tok.sent
            floor = doc[sent.start - 1].sent.start_char if sent.start > 0 else 0
            ref = parties.preceding(tok.idx, floor)
        if ref is None:
            continue
        if ref not in refs:
            refs.append(ref)
    return refs


def _governing_verb(tok: Token) -> Token:
    cur = tok
    for _ in range(4):
        if cur.pos_ in {"VERB", "AUX"} or cur.dep_ == "ROOT":
            return cur
        cur = cur.head
    return cur


def _subjects(verb: Token) -> list[Token]:
    """The clause's subjects, climbing from an open complement ("is Iran's using ...")
    to the clause that has them."""
    cur = verb
    for _ in range(3):
        subs = [c for c in cur.children if c.dep_ in {"nsubj", "nsubjpass", "poss"}]
        if subs:
            return [t for s in subs for t in conjuncts(s)]
        if cur.dep_ not in {"xcomp", "ccomp", "conj", "advcl"} or cur.head.i == cur.i:
            break
        cur = cur.head
    return []


def _prep_objects(tok: Token) -> list[Token]:
    objs: list[Token] = []
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in _PREPS:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    objs.extend(conjuncts(obj))
    return objs


def _bound_to_a_party(noun: Token) -> bool:
    """'X, a key supplier to Y', 'Y's biggest customer', 'X is a customer of Y': the
    noun is said of a party or names the one it serves; "competed with Y for
    customers" names no one's customers."""
    return noun.dep_ in {"appos", "attr", "nsubj", "ROOT"} or any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in {"of", "to", "for"})
        for c in noun.children
    )


def _trigger_kind(tok: Token) -> str | None:
    lemma = tok.lemma_.lower()
    mods = {c.lower_ for c in tok.children if c.dep_ in {"compound", "amod"}}
    if lemma in {"partner", "partnership"}:
        return "trade-partner" if mods & _TRADE else "ally"
    if lemma == "venture" and "joint" in mods:
        return "ally"  # "formed a joint venture with Y": a stated partnership (GUIDE §9)
    if lemma in _TRADE_NOUNS and tok.dep_ != "compound" and _bound_to_a_party(tok):
        return "trade-partner"  # "X, a key supplier to Y"; not "customer service"
    if lemma in {"war", "fight", "battle", "conflict"} and (
        mods & _UNARMED or any(o.lower_ == "words" for o in _prep_objects_of(tok, {"of"}))
    ):
        return "tension"  # "a trade war", "a legal battle", "a war of words": no arms
    return TRIGGERS.get(lemma) or TRIGGERS.get(tok.lower_)


def _sides(tok: Token, kind: str, parties: _Parties, doc: Doc) -> tuple[list[str], list[str]]:
    verb = _governing_verb(tok)
    possessors = [c for c in tok.children if c.dep_ == "poss"]
    objects = _prep_objects(tok) + ([] if verb is tok else _prep_objects(verb))
    if kind == "enemy":
        # "declared war on Y", "an offensive on Y": the side the war is waged on
        objects += _prep_objects_of(tok, {"on"}) + (
            [] if verb is tok else _prep_objects_of(verb, {"on"})
        )
    if kind == "mediator":
        # "using Baghdad as a mediator": the mediator is the verb's object, the
        # parties its subject (or possessor) and whoever it deals "with".
        agents = [c for c in verb.children if c.dep_ in {"dobj", "nsubj", "attr"}]
        # the first argument that names a party is the mediator; its conjuncts mediate
        # beside it ("Egypt and Qatar mediated talks"), they are no party to the talks
        groups = (_refs(conjuncts(a), parties, doc) for a in agents)
        mediators = next((g for g in groups if g), [])
        others = _refs(_subjects(verb) + possessors, parties, doc)
        others += [r for r in _refs(_sent_objects(tok.sent), parties, doc) if r not in others]
        # "X mediated (talks) between Y and Z", "talks between Y and Z, mediated by X":
        # the parties are the "between" objects of the verb, its object or the noun the
        # participle qualifies
        held = [tok, *(c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"})]
        if tok.dep_ == "acl":
            held.append(tok.head)
        objs = [c for h in held for o in _prep_objects_of(h, {"between"}) for c in conjuncts(o)]
        between = _refs(objs, parties, doc)
        others += [r for r in between if r not in others]
        by = [o for a in tok.children if a.dep_ == "agent" for o in a.children
              if o.dep_ == "pobj"]  # fmt: skip
        if by and tok.dep_ == "acl" and not mediators:
            # "X and Y restored ties in a deal brokered by Z": the mediator is the agent,
            # the parties the subjects of the clause the brokered noun is in
            mediators = _refs(by, parties, doc)
            clause = _governing_verb(tok.head)
            others = _refs(_subjects(clause), parties, doc) + between
        return mediators, [o for o in others if o not in mediators]
    # "his business partner Owen Pryce", "Corvex, its main rival": the noun's
    # appositive is who the tie is with; a pronoun owner is then someone before it.
    apposed = _refs(_apposed(tok), parties, doc)
    owners = [r for r in _refs(possessors, parties, doc) if r not in apposed]
    if apposed and not owners and possessors and possessors[0].lower_ in {"its", "their"}:
        sent = tok.sent
        floor = doc[sent.start - 1].sent.start_char if sent.start > 0 else 0
        owners = [r for r in [parties.preceding_other(tok.idx, floor, apposed)] if r]
    subjects = _refs(_subjects(verb), parties, doc)
    first = owners or subjects
    second = apposed or _refs(objects, parties, doc)
    if owners and not second:
        second = subjects  # "Iraq ranks as Iran's trade partner"
    if not second and len(first) >= 2:
        if verb.lemma_.lower() in _ABOUT_VERBS:
            return [], []  # "France and Germany discussed the war": no sides of it
        first, second = first[:1], first[1:]  # "Iran and the U.S. regard each other as enemies"
    # "tensions between Iran and Israel": two objects are the two sides; "a partnership
    # with IBM and Motorola" is a tie of a side the phrase does not name with each, not
    # a tie between them, and which side that is, in a clause that names none, is a
    # guess
    if not first and len(second) >= 2:
        if _only_with(tok, verb):
            return [], []
        first, second = second[:1], second[1:]
    if not first and not second and _names_counterpart(tok):
        first = _nearest_before(tok, parties)
    return first, [s for s in second if s not in first]


def _apposed(tok: Token) -> list[Token]:
    """The names set beside a tie noun: "partner Owen Pryce", "Corvex, its rival"."""
    out = [t for c in tok.children if c.dep_ == "appos" for t in conjuncts(c)]
    if tok.dep_ == "appos" and tok.head.pos_ == "PROPN":
        out.append(tok.head)
    return out


def _only_with(tok: Token, verb: Token) -> bool:
    """The objects are a "with" (or "against", "to") phrase's, none "between" or
    "among": each is a counterpart of a side the phrase does not name."""
    preps = [p.lower_ for h in {tok, verb} for p in h.children
             if p.dep_ == "prep" and p.lower_ in _PREPS]  # fmt: skip
    return bool(preps) and all(p in {"with", "against", "to"} for p in preps)


def _names_counterpart(tok: Token) -> bool:
    """'alliance with their neighbor', 'its allies': the text states who the tie is with,
    even where the parse cannot say which actor that is."""
    return any(
        (c.dep_ == "prep" and c.lower_ in {"with", "between", "against"}) or c.dep_ == "poss"
        for c in tok.children
    )


def _nearest_before(tok: Token, parties: _Parties) -> list[str]:
    """When the parse links no party to the trigger: the last one named before it
    ("the value the Iranians place on the alliance"). The other side is then a guess
    too, so a demonym adjective is passed over: "the Afghan team's robot scored ...
    for the alliance with Y" says whose team it is, not who is allied."""
    sent = tok.sent
    adjectives = _adjective_offsets(sent)
    before = [
        (s, r)
        for s, e, r in parties.in_range(sent.start_char, tok.idx)
        if not any(s <= i < e for i in adjectives)
    ]
    return [max(before)[1]] if before else []


def _sent_objects(sent: Span) -> list[Token]:
    return [
        o
        for t in sent
        if t.dep_ == "prep" and t.lower_ == "with"
        for o in t.children
        if o.dep_ == "pobj"
    ]


def _nearest_other(tok: Token, taken: list[str], parties: _Parties) -> str | None:
    sent = tok.sent
    options = [
        (abs(s - tok.idx), r)
        for s, _e, r in parties.in_range(sent.start_char, sent.end_char)
        if r not in taken
    ]
    return min(options)[1] if options else None


def _adjective_offsets(sent: Span) -> set[int]:
    """Where the sentence's adjectival modifiers start: "the Afghan team's robot" says
    whose the team is, and names no side of a tie the sentence states."""
    return {t.idx for t in sent if t.dep_ == "amod" and t.pos_ == "ADJ"}


def _evidence(
    article: Article, tok: Token, parties: _Parties, refs: list[str], also: tuple[Token, ...] = ()
) -> str:
    """The shortest span of the sentence holding the trigger and both parties' names
    (and ``also``: a description standing for one of them, "the company")."""
    sent = tok.sent
    start, end = tok.idx, tok.idx + len(tok.text)
    for t in also:
        start, end = min(start, t.left_edge.idx), max(end, t.idx + len(t.text))
    for ref in refs:
        spans = [(s, e) for s, e, r in parties.named_in(sent.start_char, sent.end_char) if r == ref]
        if spans:
            s, e = min(spans, key=lambda se: abs(se[0] - tok.idx))
            start, end = min(start, s), max(end, e)
            # "the Colombian government": the evidence names the government, not the
            # bare adjective
            name = tok.doc.char_span(s, e, alignment_mode="expand")
            head = name.root.head if name is not None else None
            if (
                head is not None
                and head.lemma_.lower() in _GOVERNMENT_NOUNS
                and (parties.country_of_government(head) == ref)
            ):
                end = max(end, head.idx + len(head.text))
    bounds = article.sentence_at(tok.idx)
    if bounds is not None:
        start, end = max(start, bounds.start), min(end, bounds.end)
    return article.text[start:end]


_ENDED = word_set("former ex onetime erstwhile")


def stated_relations(article: Article, doc: Doc, entities: Entities) -> list[dict[str, object]]:
    parties = _Parties(entities, doc)
    out: list[dict[str, object]] = []
    for tok in tokens(doc):
        kind = _trigger_kind(tok)
        if kind is None or _denied(tok):
            continue
        first, second = _sides(tok, kind, parties, doc)
        if first and not second and kind != "mediator" and _names_counterpart(tok):
            other = _nearest_other(tok, first, parties)
            second = [other] if other else []
        elif second and not first and kind != "mediator":
            # No mediator named as one: the nearest name is a guess ("German Chancellor
            # Angela Merkel has tried to mediate" is no mediation of hers by Germany).
            other = _nearest_other(tok, second, parties)
            first = [other] if other else []
        for a in first if kind == "mediator" else first[:1]:
            for b in second:
                # a shopper is no trade partner; people who "clashed" argued, no war
                bodies_only = kind == "trade-partner" or (kind == "enemy" and tok.pos_ == "VERB")
                if a != b and not (bodies_only and parties.person(a, b)):
                    evidence = _evidence(article, tok, parties, [a, b])
                    out.append({"from": a, "kind": kind, "to": b, "evidence": evidence})
                    if any(c.dep_ == "amod" and c.lower_ in _ENDED for c in tok.children):
                        out[-1]["former"] = True  # "his former partner": a tie that ended
    return out


# Nouns whose object is a tie only sought or weighed: "talks on an alliance with Y".
_SOUGHT_NOUNS = word_set("talk talks negotiation negotiations plan plans proposal bid hope")


def _denied(tok: Token) -> bool:
    """'X is not (would not be) an ally of Y', 'no alliance with Y', 'X denied that it
    was an ally of Y', 'X wants to become Y's partner', 'talks on an alliance': the
    trigger's clause states no tie that holds."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return True
    if tok.head.dep_ == "prep" and tok.head.head.lemma_.lower() in _SOUGHT_NOUNS:
        return True
    verb = _governing_verb(tok)
    if verb is tok:
        return False
    if negated_or_modal(verb) or (verb.tag_ == "VB" and verb.dep_ == "xcomp"):
        return True
    return any(f.lemma_.lower() in DENIAL_VERBS or negated_or_modal(f) for f in clause_frames(verb))


# Verbs of trade: "A buys B's oil", "A imports gas from B", "A sells arms to B".
_TRADE_VERBS = frozenset({"buy", "sell", "import", "export", "purchase", "supply"})
# Verbs of fighting with the enemy as object: "troops fight the Foo group".
_FIGHT_VERBS = frozenset({"fight", "battle", "combat"})
# Ties or relations said to be damaged are a tension: "broken ties with B".
_BAD_TIES = frozenset({"broken", "strained", "severed", "frayed", "troubled", "soured", "damaged"})
_TIES = frozenset({"tie", "ties", "relation", "relations", "relationship"})
# Verbs that say ties got worse: "relations with Y have soured".
_WORSEN_VERBS = word_set("worsen deteriorate sour fray cool sink plunge")
# Verbs that end ties: "X broke off (severed, cut) relations with Y".
_BREAK_VERBS = frozenset({"break", "sever", "cut", "suspend"})
# Participles after "X-" that state a tie of X to the body the phrase names.
_HYPHEN_TIES = {"led": "leader-of", "backed": "ally", "sponsored": "ally"}
# The nouns a nationality makes a country's armed force: "U.S. troops".
_FORCES = frozenset({"troops", "forces", "soldiers", "military", "army", "navy", "marines"})


def verb_relations(article: Article, doc: Doc, entities: Entities) -> list[dict[str, object]]:
    """Ties that a verb or a qualified noun states rather than a relation word.

    * trade: a subject that buys, sells, imports or exports what belongs to
      another party, or from or to it ("A mainly buys B's oil");
    * enemy: fighting a party ("helping to fight the Foo group"); when the
      fighters are not named in the clause, the country whose troops or forces the
      sentence or the one before names ("2,000 U.S. troops ... both groups");
    * tension: damaged ties with a party ("restore broken ties with B"), the
      other side being the subject or possessor that governs the clause;
    * sanctions: "sanctions imposed by A", on the other country the sentence names.
    """
    parties = _Parties(entities, doc)
    out: list[dict[str, object]] = []

    def add(a: str | None, kind: str, b: str | None, tok: Token, *also: Token) -> None:
        if a and b and a != b:
            evidence = _evidence(article, tok, parties, [a, b], also)
            out.append({"from": a, "kind": kind, "to": b, "evidence": evidence})

    kinds = {a.id: a.kind for a in entities.actors}
    actors = {a.id: a for a in entities.actors}
    epithets = Epithets(doc, entities)
    mentions = SpanIndex(
        [m for m in entities.mentions if m.kind == "actor"], lambda m: (m.start, m.end)
    )

    def tell(pronoun: Token) -> str | None:
        """ "he founded X": the one person the text before names (events.py's reading)."""
        return named_antecedent(pronoun, doc, mentions, actors, frozenset({"person"}))

    for tok in tokens(doc):
        lemma = tok.lemma_.lower()
        if tok.lower_ in _HYPHEN_TIES and tok.dep_ in {"amod", "compound"}:
            # "the U.S.-led coalition" leads it; "Iran-backed Hezbollah" backs it
            leader, led = _hyphen_led(tok, parties)
            if leader is not None and led is not None and kinds.get(led) != "person":
                add(leader, _HYPHEN_TIES[tok.lower_], led, tok, tok.head)
            continue
        if tok.pos_ == "VERB" and lemma in _TIE_VERBS:
            for a, kind, b in _verb_ties(tok, parties, kinds, epithets):
                described = [t for t in _agents_and_patients(tok) if is_epithet(t)]
                add(a, kind, b, tok, *described)
            continue
        if lemma in {"marry", "married", "divorce", "divorced"} and tok.pos_ in {"VERB", "ADJ"}:
            for a, b in _married(tok, parties, kinds):
                add(a, "spouse", b, tok)
            continue
        if tok.pos_ == "NOUN" and lemma in _COUNSEL:
            for lawyer, client in _counsel_for(tok, parties, kinds):
                add(lawyer, "counsel-for", client, tok)
            continue
        if tok.pos_ == "VERB" and lemma == "represent":
            lawyer, client = _represents(tok, parties, actors)
            if kinds.get(client or "") in _PARTY_KINDS:
                add(lawyer, "counsel-for", client, tok)
            continue
        if tok.pos_ == "VERB" and lemma in _JOIN_VERBS | _LEAVE_VERBS:
            joined = _joined(tok, parties, kinds)
            if joined is not None:
                add(joined[0], "member-of", joined[1], tok)
                if lemma in _LEAVE_VERBS:
                    out[-1]["former"] = True
            continue
        if tok.pos_ == "NOUN" and lemma in _ATTACK_NOUNS:
            for a, b in _attack(tok, parties, kinds):
                add(a, "enemy", b, tok)
            continue
        if tok.pos_ == "VERB" and lemma == "exchange":
            for a, b in _exchanged_fire(tok, parties, kinds):
                add(a, "enemy", b, tok)
            continue
        if tok.pos_ == "NOUN" and lemma in {"trade", "export", "import"}:
            for a, b in _trade_between(tok, parties, kinds):
                add(a, "trade-partner", b, tok)
            continue
        if tok.pos_ == "VERB" and lemma in _BAN_VERBS:
            banner, target = _ban(tok, parties, doc)
            if kinds.get(banner or "") in _STATES and kinds.get(target or "") in _STATES:
                add(banner, "sanctions", target, tok)
            continue
        if tok.pos_ == "NOUN" and lemma in _SUIT_NOUNS:
            filer, target, described = _lawsuit(tok, parties, epithets)
            if kinds.get(filer or "") in _PARTY_KINDS and kinds.get(target or "") in _PARTY_KINDS:
                add(filer, "tension", target, tok, *described)
            continue
        # "Boeing's European rival Airbus": the tagger may read "rival" before a name as
        # an adjective; before a common noun ("rival bids") it names no party
        modifier = tok.dep_ in {"compound", "amod"} and tok.head.pos_ == "PROPN"
        if tok.lower_ in _RIVALS and (tok.pos_ == "NOUN" or modifier):
            for a, b, described in _rivals(tok, parties, doc, epithets):
                add(a, "rival", b, tok, *described)
            continue
        if tok.pos_ == "VERB" and lemma in {"found", "co-found", "cofound"}:
            founders, body, described = _founding(tok, parties, doc, tell, epithets)
            for founder in founders:
                if kinds.get(founder) == "person" and kinds.get(body or "") in _BODY_KINDS:
                    add(founder, "founder-of", body, tok, *described)
        elif tok.pos_ == "VERB" and lemma in _TRADE_VERBS and _asserted(tok):
            # "would import", "a deal to sell X to Y": no trade the text states yet
            buyers = _refs(_subjects(tok), parties, doc)
            goods = [g for g in [what_is_sold(tok)] if g is not None]
            if any(kinds.get(parties.of(g) or "") == "organization" for g in goods):
                continue  # "sold Y to Z", "Y was sold to Z": a company changing hands
                # (ownership.py), no trade
            owners = [g for o in goods for g in o.children if g.dep_ == "poss"]
            sellers = _refs(owners + _prep_objects_of(tok, {"from", "to"}), parties, doc)
            for b in sellers[:1]:
                add(buyers[0] if buyers else None, "trade-partner", b, tok)
        elif tok.pos_ == "VERB" and lemma in _FIGHT_VERBS:
            enemies = _refs([c for c in tok.children if c.dep_ == "dobj"], parties, doc)
            fighters = _refs(_subjects(tok), parties, doc) or _forces_nearby(tok, parties, doc)
            for b in enemies[:1]:
                add(fighters[0] if fighters else None, "enemy", b, tok)
        elif lemma in _TIES and (
            any(c.lower_ in _BAD_TIES for c in tok.children)
            or (
                tok.dep_ == "dobj"
                and tok.head.lemma_.lower() in _BREAK_VERBS
                and _asserted(tok.head)
            )
            or (
                # "Japan's relations with China have worsened"
                tok.dep_ == "nsubj"
                and tok.head.lemma_.lower() in _WORSEN_VERBS
                and _asserted(tok.head)
            )
        ):
            objects = [c for o in _prep_objects_of(tok, {"with", "between"}) for c in conjuncts(o)]
            counterpart = _refs(objects, parties, doc)
            governing = _governing_party(tok, parties, counterpart)
            between = _prep_objects_of(tok, {"between"})
            if governing is None and between and len(counterpart) == 2:
                governing = counterpart.pop(0)  # "ties between X and Y soured"
            worse = (tok.head,) if tok.dep_ == "nsubj" else ()
            for b in counterpart[:1]:
                add(governing, "tension", b, tok, *worse)
        elif tok.lower_ == "odds" and tok.dep_ == "pobj" and tok.head.lower_ == "at":
            for a, b in _at_odds(tok, parties, kinds):
                add(a, "tension", b, tok)
        elif lemma in {"sanction", "sanctions"} and tok.pos_ == "NOUN":
            imposers = [
                o
                for acl in tok.children
                if acl.dep_ == "acl" and acl.lemma_.lower() in {"impose", "levy"}
                for agent in acl.children
                if agent.dep_ == "agent"
                for o in agent.children
                if o.dep_ == "pobj"
            ]
            by = _refs(imposers + _prep_objects_of(tok, {"by", "from"}), parties, doc)
            if not by:
                # "U.S. sanctions against Russia": the imposer as the noun's modifier
                by = _refs([c for c in tok.children if c.dep_ in {"compound", "amod"}
                            and c.i < tok.i], parties, doc)  # fmt: skip
                by = [b for b in by if kinds.get(b) in _STATES]
                if by:
                    targets = _refs(_prep_objects_of(tok, {"on", "against"}), parties, doc)
                    for target in targets[:1]:
                        if kinds.get(target) in _STATES:
                            add(by[0], "sanctions", target, tok)
                    continue
            if by:
                targets = _refs(_prep_objects_of(tok, {"on", "against"}), parties, doc)
                target = targets[0] if targets else _nearest_other(tok, by, parties)
                add(by[0], "sanctions", target, tok)
    return out


# Verbs that state a tie between their subject and object (GUIDE §9): armed conflict
# (enemy), accusation, criticism and legal fights (tension), sanctions, competition
# (rival), cooperation (ally). "attack" is an enemy's only between two states: an
# outlet or a person "attacks" in words.
_TIE_VERBS: dict[str, str] = {
    "invade": "enemy", "bomb": "enemy", "shell": "enemy", "attack": "enemy",
    "accuse": "tension", "criticise": "tension", "criticize": "tension",
    "condemn": "tension", "denounce": "tension", "sue": "tension", "rebuke": "tension",
    "sanction": "sanctions", "impose": "sanctions", "slap": "sanctions", "levy": "sanctions",
    "compete": "rival", "cooperate": "ally", "collaborate": "ally",
    "blame": "tension", "threaten": "tension", "back": "ally",
}  # fmt: skip
_PERSON_TIES = frozenset({"tension"})  # a person can accuse or sue; only bodies invade
# Verbs of criticism whose object may be a party's act or policy rather than the party.
_CRITICISE_VERBS = word_set("criticise criticize condemn denounce rebuke")
# What a party has or does that is criticised in its place: "X's policy", "the
# decision of Y" (not a person or a thing it merely owns).
_ACT_NOUNS = word_set("""
    policy policies plan plans decision decisions move handling treatment actions action
    conduct stance position law laws program programme proposal proposals response
    """)


# A government so named is its country (GUIDE §2 rule 11): "the government of Canada",
# "the Canadian government", "Canada's government".
_GOVERNMENT_NOUNS = word_set("government administration regime leadership")


def _whose(patients: list[Token]) -> list[Token]:
    """The possessor or "of" object of a criticised act or policy noun, and the country
    a criticised government is named by."""
    out: list[Token] = []
    for noun in patients:
        lemma = noun.lemma_.lower()
        if lemma in _ACT_NOUNS or noun.lower_ in _ACT_NOUNS or lemma in _GOVERNMENT_NOUNS:
            out += [c for c in noun.children if c.dep_ == "poss"]
            out += _prep_objects_of(noun, {"of", "by"})
        if lemma in _GOVERNMENT_NOUNS:
            out += [c for c in noun.children if c.dep_ in {"amod", "compound"} and c.i < noun.i]
    return out


def _country_modifiers(patients: list[Token]) -> list[Token]:
    """'the South Korean island', 'Syrian positions', "Ukraine's power grid": the
    modifiers of an attacked noun that may name the state it belongs to."""
    return [
        c
        for noun in patients
        if noun.pos_ in {"NOUN", "PROPN"}
        for c in noun.children
        if c.dep_ in {"amod", "compound", "poss"} and c.i < noun.i
    ]


def _agents_and_patients(verb: Token) -> list[Token]:
    agents, patients = doer_and_done(verb)
    return [*agents, *patients]


def _asserted(verb: Token) -> bool:
    """A verb that states what is or was: not negated, not modal, not a plan or a threat
    under another verb ("threatened to sue")."""
    if negated_or_modal(verb):
        return False
    return verb.dep_ not in {"xcomp", "pcomp"} and verb.tag_ != "VB"


def _direct(tokens: list[Token], parties: _Parties) -> list[str]:
    """The parties the tokens themselves name (no pronoun guessed, no possessor taken:
    "criticised Lind's plan" is about the plan)."""
    out: list[str] = []
    for t in (c for tok in tokens for c in conjuncts(tok)):
        ref = parties.named_by(t)
        if ref is not None and ref not in out:
            out.append(ref)
    return out


def _verb_ties(
    tok: Token, parties: _Parties, kinds: dict[str, str], epithets: Epithets
) -> list[tuple[str, str, str]]:
    """Subject and object of a verb of conflict, dispute, sanction, competition or
    cooperation, active or passive ("Y was sued by X")."""
    lemma = tok.lemma_.lower()
    kind = _TIE_VERBS[lemma]
    if not _asserted(tok):
        return []
    agents, patients = doer_and_done(tok)
    if tok.dep_ == "relcl" and [p.tag_ for p in patients] == ["WDT"]:
        patients = [tok.head]  # "Hezbollah, which is backed by Iran"
    if kind == "sanctions" and lemma != "sanction":
        # "X imposed sanctions on Y": the object is the sanctions, the target their "on"
        objs = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
        if not any(o.lemma_.lower() in {"sanction", "sanctions", "embargo"} for o in objs):
            return []
        patients = _prep_objects_of(tok, {"on", "against"}) + [
            t for o in objs for t in _prep_objects_of(o, {"on", "against"})
        ]
    elif kind in {"rival", "ally"} and lemma != "back":
        patients = _prep_objects_of(tok, {"with", "against"})
    first, second = _direct(agents, parties), _direct(patients, parties)
    if not first and kind == "enemy":
        # "Russian troops invaded Ukraine": a nationality's armed force acts for its state
        forces = [a for a in agents if a.lower_ in _FORCES]
        named = _direct(_country_modifiers(forces), parties)
        first = [r for r in named if kinds.get(r) == "country"]
    # "The company sued X", "X sued the company": a description for the one side, the
    # organization it refers back to, other than the side the clause names
    if not first and len(agents) == 1:
        told = epithets.referent(agents[0], frozenset(second))
        first = [told] if told else []
    if not second and len(patients) == 1:
        told = epithets.referent(patients[0], frozenset(first))
        second = [told] if told else []
    if not second and lemma in _CRITICISE_VERBS:
        # "the UN criticised Australia's policy" (GUIDE §9 tension: criticism stated
        # between two actors): whose policy, plan or decision it is
        second = [r for r in _direct(_whose(patients), parties) if r not in first]
    if not second and kind == "enemy":
        # "X shelled the South Korean island", "X bombed Syrian positions": the state
        # the attacked place or force is named by
        second = [
            r
            for r in _direct(_country_modifiers(patients), parties)
            if kinds.get(r) == "country" and r not in first
        ]
    allowed = _PARTY_KINDS if kind in _PERSON_TIES else _STATES
    if lemma == "attack":
        allowed = frozenset({"country"})
    return [
        (a, kind, b)
        for a in first[:1]
        for b in second
        if a != b and kinds.get(a) in allowed and kinds.get(b) in allowed
    ]


# Nouns of an armed or hostile assault: "X's attack on Y", "the attack on Y by X",
# "an attack launched by X against Y" (GUIDE §9 enemy: attacks).
_ATTACK_NOUNS = word_set("attack assault offensive airstrike bombardment incursion raid")
_FIRE_NOUNS = word_set("fire gunfire shots shot artillery blows missiles rockets")


def _attack(tok: Token, parties: _Parties, kinds: dict[str, str]) -> list[tuple[str, str]]:
    """The attacker (the noun's possessor or "by" object, or that of the verb that
    launched it) and the attacked ("on"/"against" object), both states or bodies; a
    planned or denied attack is none."""
    if any(c.lower_ in _NOT_DONE_ATTACK for c in tok.children):
        return []
    targets = _direct(_prep_objects_of(tok, {"on", "against"}), parties)
    attackers = _direct(
        [c for c in tok.children if c.dep_ == "poss"] + _prep_objects_of(tok, {"by"}), parties
    )
    verb = tok.head
    if tok.dep_ in {"dobj", "nsubjpass"} and verb.pos_ == "VERB" and _asserted(verb):
        # "X launched an attack on Y", "the attack was launched by X on Y"
        if not targets:
            targets = _direct(_prep_objects_of(verb, {"on", "against"}), parties)
        if not attackers:
            by = [o for a in verb.children if a.dep_ == "agent" for o in a.children
                  if o.dep_ == "pobj"]  # fmt: skip
            subj = [c for c in verb.children if c.dep_ == "nsubj"] if tok.dep_ == "dobj" else []
            attackers = _direct(by + subj, parties)
    return [
        (a, b)
        for a in attackers[:1]
        for b in targets[:1]
        if a != b and kinds.get(a) in _STATES and kinds.get(b) in _STATES
    ]


_NOT_DONE_ATTACK = word_set("planned possible potential feared alleged threatened failed")


def _exchanged_fire(tok: Token, parties: _Parties, kinds: dict[str, str]) -> list[tuple[str, str]]:
    """'X and Y exchanged fire', 'X exchanged artillery fire with Y'."""
    if not _asserted(tok):
        return []
    objs = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in _FIRE_NOUNS]
    if not objs:
        return []
    sides = _direct([c for c in tok.children if c.dep_ == "nsubj"], parties)
    sides += [r for r in _direct(_prep_objects_of(tok, {"with"}), parties) if r not in sides]
    sides = [r for r in sides if kinds.get(r) in _STATES]
    return [(sides[0], b) for b in sides[1:2]] if len(sides) >= 2 else []


# A state or a body joining or leaving an organization (GUIDE §9 member-of): "Poland
# joined NATO", "Britain left the European Union" (former). A person's joining is an
# employment, implied.py's.
_JOIN_VERBS = word_set("join")
_LEAVE_VERBS = word_set("leave quit exit")


def _joined(tok: Token, parties: _Parties, kinds: dict[str, str]) -> tuple[str, str] | None:
    """The state or body that joined (left) and the organization, where the clause says
    so plainly: "joined France in condemning", "joined forces with" are no membership."""
    if not _asserted(tok) or any(
        c.dep_ == "prep" and any(o.dep_ == "pcomp" for o in c.children) for c in tok.children
    ):
        return None
    members = _direct([c for c in tok.children if c.dep_ == "nsubj"], parties)
    bodies = _direct([c for c in tok.children if c.dep_ == "dobj"], parties)
    if len(members) != 1 or len(bodies) != 1 or members == bodies:
        return None
    if kinds.get(members[0]) not in _STATES or kinds.get(bodies[0]) != "organization":
        return None
    return members[0], bodies[0]


def _represents(
    tok: Token, parties: _Parties, actors: dict[str, Entity]
) -> tuple[str | None, str | None]:
    """'X, an attorney who represents Y', 'X, a lawyer representing Y', 'X, who
    represents Y', 'Y is represented by attorney X' of a person the text calls a
    lawyer: counsel for Y (GUIDE §9). Anyone
    else who "represents" (a legislator, an agent, a district) is no counsel."""
    if not _asserted(tok):
        return None, None
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    agents = [o for a in tok.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    if agents:
        # "Y is represented by attorney X": the agent is the lawyer, the subject the client
        subjects, objects = agents[:1], [c for c in tok.children if c.dep_ == "nsubjpass"]
    elif tok.dep_ == "relcl" and (not subjects or subjects[0].tag_ in {"WP", "WDT"}):
        subjects = [tok.head]
    elif tok.dep_ == "acl":
        subjects = [tok.head]  # "a lawyer representing Y"
    if len(subjects) != 1:
        return None, None
    noun = subjects[0]
    if noun.lemma_.lower() in _COUNSEL:
        person = (
            noun.head
            if noun.dep_ == "appos"
            else next((c for c in noun.children if c.dep_ == "appos"), None)
        )
        lawyer = parties.of(person) if person is not None else None
    else:
        lawyer = parties.of(noun)
        ent = actors.get(lawyer or "")
        if ent is None or ent.role_head not in _COUNSEL:
            return None, None
    clients = _direct(objects, parties)
    if lawyer is None or actors.get(lawyer) is None or actors[lawyer].kind != "person":
        return None, None
    return lawyer, next((c for c in clients if c != lawyer), None)


def _counsel_for(tok: Token, parties: _Parties, kinds: dict[str, str]) -> list[tuple[str, str]]:
    """'X, a defense attorney for Y', 'X and Z, lawyers for Y', "Y's lawyers, X and Z":
    each named person the lawyer noun is in apposition to, counsel for the client its
    "for" object or named possessor names (GUIDE §9 counsel-for)."""
    named = [c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    clients = _direct(_prep_objects_of(tok, {"for"}) + named, parties)
    if not clients:
        return []
    people = [c for c in tok.children if c.dep_ == "appos"]
    if tok.dep_ == "appos":
        people.append(tok.head)
    lawyers = [r for r in _direct(people, parties) if kinds.get(r) == "person"]
    return [(a, clients[0]) for a in lawyers if a != clients[0]
            and kinds.get(clients[0]) in _PARTY_KINDS]  # fmt: skip


def _at_odds(tok: Token, parties: _Parties, kinds: dict[str, str]) -> list[tuple[str, str]]:
    """'X and Y are at odds (over Z)', 'X is at odds with Y' (GUIDE §9 tension: a dispute)."""
    verb = tok.head.head
    if verb.pos_ not in {"VERB", "AUX"} or negated_or_modal(verb):
        return []
    sides = _direct([c for c in verb.children if c.dep_ == "nsubj"], parties)
    withs = _prep_objects_of(tok, {"with"}) + _prep_objects_of(verb, {"with"})
    sides += [r for r in _direct(withs, parties) if r not in sides]
    sides = [r for r in sides if kinds.get(r) in _PARTY_KINDS]
    return [(sides[0], sides[1])] if len(sides) == 2 else []


def _married(tok: Token, parties: _Parties, kinds: dict[str, str]) -> list[tuple[str, str]]:
    """'X married Y', 'X is married to Y', 'X and Y married in 1990', 'X divorced Y'
    (GUIDE §9 spouse; a divorce ends it, which the scorer does not compare)."""
    if tok.pos_ == "VERB" and not _asserted(tok):
        return []
    subjects = _direct([c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}], parties)
    if tok.pos_ == "ADJ" and tok.dep_ == "acomp":
        subjects = _direct([c for c in tok.head.children if c.dep_ == "nsubj"], parties)
    objects = [c for c in tok.children if c.dep_ == "dobj"] + _prep_objects_of(tok, {"to"})
    # "married Per Solberg": the parse reads the given name as a preposition
    objects += [o for p in tok.children if p.dep_ == "prep" and p.text in GIVEN_FUNCTION_WORDS
                for o in p.children if o.dep_ == "pobj"]  # fmt: skip
    # "married the actress Ada Moss", "married his partner, Ada Moss": a common noun
    # the name is in apposition to
    objects += [a for o in objects if o.pos_ == "NOUN" for a in o.children if a.dep_ == "appos"]
    others = _direct(objects, parties)
    people = [r for r in subjects + others if kinds.get(r) == "person"]
    people = list(dict.fromkeys(people))
    return [(people[0], b) for b in people[1:2]] if len(people) >= 2 else []


def _trade_between(tok: Token, parties: _Parties, kinds: dict[str, str]) -> list[tuple[str, str]]:
    """'trade between X and Y', "X's trade with Y": trade partners (not a "trade war",
    a "trade dispute": those are tension, told by their own nouns)."""
    if tok.dep_ == "compound" or any(c.dep_ == "neg" for c in tok.children):
        return []
    if tok.lemma_.lower() != "trade":
        # "China's exports to the U.S.", "Japanese imports from Australia": the
        # possessor or nationality, and where the goods go to or come from
        owners = _direct([c for c in tok.children if c.dep_ in {"poss", "amod", "compound"}
                          and c.i < tok.i], parties)  # fmt: skip
        others = _direct(_prep_objects_of(tok, {"to", "from"}), parties)
        return [(a, b) for a in owners[:1] for b in others[:1] if a != b
                and kinds.get(a) in _STATES and kinds.get(b) in _STATES]  # fmt: skip
    between = _direct(_prep_objects_of(tok, {"between"}), parties)
    if len(between) >= 2:
        pairs = [(between[0], b) for b in between[1:]]
    else:
        owners = _direct([c for c in tok.children if c.dep_ == "poss"], parties)
        withs = _direct(_prep_objects_of(tok, {"with"}), parties)
        pairs = [(a, b) for a in owners[:1] for b in withs]
    return [(a, b) for a, b in pairs if a != b and kinds.get(a) in _STATES
            and kinds.get(b) in _STATES]  # fmt: skip


_BODY_KINDS = frozenset({"organization", "other"})
_BODY_WORDS = frozenset({"organization", "organisation", "group", "company", "firm", "church",
                         "party", "movement", "charity", "foundation", "competition"})  # fmt: skip


# A ban is a sanction (GUIDE §9): "A banned B's airlines", "banned in the EU".
_BAN_VERBS = frozenset({"ban", "blacklist", "embargo", "outlaw"})
_STATES = frozenset({"country", "organization"})


def _ban(tok: Token, parties: _Parties, doc: Doc) -> tuple[str | None, str | None]:
    """Who bans and whose things are banned: the agent, the subject of an active verb
    or the jurisdiction banned "in"; the object, passive subject or the noun the
    participle qualifies, told by its possessor or "from" object. Where that noun is
    generic ("the list of air carriers banned in the EU"), the same noun with a
    possessor elsewhere in the sentence ("Indonesia's air carriers") is what is meant."""
    if negated_or_modal(tok):
        return None, None
    agents = [o for a in tok.children if a.dep_ == "agent" for o in a.children
              if o.dep_ == "pobj"]  # fmt: skip
    passive = bool(agents) or any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children)
    banners = agents or ([] if passive else [c for c in tok.children if c.dep_ == "nsubj"])
    banners = banners or _prep_objects_of(tok, {"in"})
    banned = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
    if tok.dep_ in {"acl", "relcl"}:
        banned.append(tok.head)
    whose: list[Token] = []
    for noun in banned:
        whose += [c for c in noun.children if c.dep_ == "poss"]
        whose += _prep_objects_of(noun, {"from", "of"})
        if not whose and noun.pos_ == "NOUN":
            whose += [
                p
                for t in noun.sent
                if t.i != noun.i and t.lemma_ == noun.lemma_
                for p in t.children
                if p.dep_ == "poss"
            ]
        whose.append(noun)
    by = _refs(banners, parties, doc)
    targets = [r for r in _refs(whose, parties, doc) if r not in by]
    return (by[0] if by else None), (targets[0] if targets else None)


def _rivals(
    tok: Token, parties: _Parties, doc: Doc, epithets: Epithets
) -> list[tuple[str, str, list[Token]]]:
    """'Boeing's European rival, Airbus', 'Airbus rival Boeing', 'X, a rival of Y': the
    named possessor, modifier or 'of' object on one side, the name the noun is in
    apposition to, or modifies, on the other. A pronoun possessor ("its rival") is left
    alone: the nearest name before it is often not the one meant."""
    named = [c for c in tok.children if c.dep_ in {"poss", "compound"} and c.pos_ == "PROPN"]
    named += _prep_objects_of(tok, {"of", "to"})
    if not named and tok.dep_ in {"compound", "amod"}:
        # "Boeing's European rival Airbus": the parse may hang the possessor on the name
        # the noun modifies rather than on the noun
        named = [c for c in tok.head.children if c.i < tok.i and c.pos_ == "PROPN"
                 and (c.dep_ == "poss" or (c.dep_ == "nmod" and _possessive_after(c)))]  # fmt: skip
    others = [c for c in tok.children if c.dep_ == "appos"]
    if tok.dep_ in {"appos", "compound", "amod"} or (
        tok.dep_ == "attr" and tok.head.lemma_ == "be"
    ):
        others.append(tok.head)
    if tok.dep_ == "attr":
        others += [c for c in tok.head.children if c.dep_ == "nsubj"]
    first = _refs(named, parties, doc)
    second = _refs(others, parties, doc)
    described: list[Token] = []
    if not first and second:
        # "The automaker's rival, Ford": a description for the possessor stands for the
        # organization it refers back to (its agreement checked, one candidate only)
        poss = [c for c in tok.children if c.dep_ == "poss" and is_epithet(c)]
        told = epithets.referent(poss[0], frozenset(second)) if poss else None
        if told is not None:
            first, described = [told], poss
    if not first and tok.lower_ in {"rivals", "competitors"} and tok.dep_ == "attr":
        # "X and Y are rivals": the two sides are the copula's conjoined subjects
        subjects = [t for c in tok.head.children if c.dep_ == "nsubj" for t in conjuncts(c)]
        both = _refs(subjects, parties, doc)
        return [(both[0], b, []) for b in both[1:2]] if len(both) == 2 else []
    return [(a, b, described) for a in first[:1] for b in second[:1] if a != b]


def _hyphen_led(tok: Token, parties: _Parties) -> tuple[str | None, str | None]:
    """'AirTanker, an EADS-led consortium', 'the Saudi-led Coalition for X': the actor
    written before the hyphen leads the body the phrase names, or the name it is in
    apposition to (GUIDE §9 leader-of: "the U.S.-led coalition", when the coalition is
    an actor). A phrase that names no actor ("the Saudi-led coalition") states none."""
    doc = tok.doc
    if tok.i < 2 or doc[tok.i - 1].text != "-" or doc[tok.i - 2].whitespace_:
        return None, None
    if doc[tok.i - 1].whitespace_:
        return None, None
    leader = parties.of(doc[tok.i - 2])
    noun = tok.head
    led = parties.of(noun)
    if led is None and noun.dep_ == "appos":
        led = parties.of(noun.head)
    if led is None:
        named = [c for c in noun.children if c.dep_ == "appos" and c.i > noun.i]
        led = parties.of(named[0]) if named else None
    return leader, (led if led != leader else None)


def _prefixed_verb(tok: Token) -> Token:
    """'co-founded' split by the tokenizer into "co", "-", "founded", the parse hanging
    the clause (its subject, its relative link) on "co": that token, else ``tok``."""
    doc = tok.doc
    if tok.i < 2 or doc[tok.i - 1].text != "-" or doc[tok.i - 2].lower_ != "co":
        return tok
    joined = not doc[tok.i - 2].whitespace_ and not doc[tok.i - 1].whitespace_
    return doc[tok.i - 2] if joined else tok


def _possessive_after(tok: Token) -> bool:
    """ "Siemens' German rival": a possessive mark the parse did not make a possessor."""
    nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.text in _POSSESSIVE


def _founding(
    tok: Token,
    parties: _Parties,
    doc: Doc,
    tell: Callable[[Token], str | None],
    epithets: Epithets,
) -> tuple[list[str], str | None, list[Token]]:
    """'X founded Y', 'Y was founded by X and Z', 'the organization founded by X': the
    founders and the body. A body named only by a noun ("the organization") is the body
    named last before it, in its sentence or the one before; a founder must be named."""
    clause = _prefixed_verb(tok)
    children = [*tok.children, *(clause.children if clause is not tok else ())]
    agents = [o for a in children if a.dep_ == "agent" for o in a.children
              if o.dep_ == "pobj"]  # fmt: skip
    if agents:
        founder = _refs(conjuncts(agents[0]), parties, doc)
        bodies = [c for c in children if c.dep_ == "nsubjpass"]
        if tok.dep_ == "acl":
            bodies = [tok.head]  # "Pixar, founded by X", "Pixar, co-founded by X"
        elif clause.dep_ == "acl" or (
            clause.dep_ == "relcl" and all(b.tag_ == "WDT" for b in bodies)
        ):
            bodies = [clause.head]  # "Pixar, (which was) founded by X"
    else:
        subjects = [c for c in children if c.dep_ == "nsubj"]
        if subjects and subjects[0].tag_ == "WP" and clause.dep_ == "relcl":
            subjects = [clause.head]  # "X, who founded Y in 1990"
        founder = _refs(subjects, parties, doc)
        if not founder and subjects and subjects[0].lower_ in {"he", "she"}:
            told = tell(subjects[0])
            founder = [told] if told else []
        bodies = [c for c in tok.children if c.dep_ == "dobj"]
        # "founded the software firm Brightline": the name beside the noun is the body
        bodies = [next((a for a in b.children if a.dep_ == "appos"), b) for b in bodies]
    if not founder or not bodies:
        return [], None, []
    body = _refs(bodies[:1], parties, doc)
    described: list[Token] = []
    bare = bodies[0].is_lower and bodies[0].lemma_.lower() in _BODY_WORDS
    # "The FIRST Global competition was founded by X": a name the noun carries, which
    # names no actor, is not a body named before
    bare = bare and not any(
        c.dep_ in {"compound", "poss"}
        or (c.dep_ in {"amod", "nmod"} and (c.is_title or c.is_upper) and c.i > c.sent.start)
        for c in bodies[0].children
        if c.i < bodies[0].i
    )
    if not body and bare and is_epithet(bodies[0]):
        # "the organization founded by X": the story's main body, or the one agreeing
        # body named just before (a noun the resolver reads and leaves unresolved is
        # ambiguous, and the nearest name is then a guess)
        told = epithets.referent(bodies[0], frozenset(founder))
        body, described = ([told], bodies[:1]) if told else ([], [])
    elif not body and bare and any(c.lower_ == "the" for c in bodies[0].children):
        sent = bodies[0].sent  # the definite noun refers back to a body named before
        floor = doc[sent.start - 1].sent.start_char if sent.start > 0 else 0
        found = parties.preceding(bodies[0].idx, floor)
        body = [found] if found else []
    return founder, body[0] if body else None, described


# A legal fight stated by its noun (GUIDE §9 tension: legal fights): "X filed a lawsuit
# against Y", "X's suit against Y"; the verbs that bring one, not those that only
# threaten or weigh it (a modal or "threatened to" is no assertion, _asserted).
_SUIT_NOUNS = word_set("lawsuit suit litigation")
_FILE_VERBS = word_set("file bring launch lodge pursue win lose settle drop")


def _lawsuit(
    tok: Token, parties: _Parties, epithets: Epithets
) -> tuple[str | None, str | None, list[Token]]:
    """Who brings the suit ``tok`` names and against whom (and the descriptions that
    stand for either, for the evidence)."""
    verb = tok.head if tok.dep_ == "dobj" else None
    if verb is not None and (verb.lemma_.lower() not in _FILE_VERBS or not _asserted(verb)):
        return None, None, []
    # "against Y" hangs on the noun or, as the parse often has it, on the verb
    against = _prep_objects_of(tok, {"against"}) or (
        _prep_objects_of(verb, {"against"}) if verb is not None else []
    )
    if verb is not None:
        filers = [c for c in verb.children if c.dep_ == "nsubj"]
    else:
        filers = [c for c in tok.children if c.dep_ == "poss"]
        # "a lawsuit filed by X against Y": the participle's agent brings it
        for acl in (c for c in tok.children if c.dep_ == "acl" and c.lemma_ in _FILE_VERBS):
            filers += [o for a in acl.children if a.dep_ == "agent"
                       for o in a.children if o.dep_ == "pobj"]  # fmt: skip
            against = against or _prep_objects_of(acl, {"against"})
    first = _direct(filers[:1], parties)
    second = _direct(against[:1], parties)
    if not second and against:
        told = epithets.referent(against[0], frozenset(first))
        second = [told] if told else []
    if not first and filers:
        told = epithets.referent(filers[0], frozenset(second))
        first = [told] if told else []
    if not first or not second:
        return None, None, []
    return first[0], second[0], [t for t in [*filers[:1], *against[:1]] if is_epithet(t)]


def _prep_objects_of(tok: Token, preps: set[str]) -> list[Token]:
    return [
        o
        for prep in tok.children
        if prep.dep_ in {"prep", "dative"} and prep.lower_ in preps
        for o in prep.children
        if o.dep_ == "pobj"
    ]


def _forces_nearby(tok: Token, parties: _Parties, doc: Doc) -> list[str]:
    """The country whose troops the sentence, or the one before, names last."""
    sent = tok.sent
    first = doc[sent.start - 1].sent.start if sent.start > 0 else 0
    found: list[str] = []
    for t in doc[first : tok.i]:
        if t.lower_ in _FORCES:
            mods = [c for c in t.children if c.dep_ in {"compound", "amod", "poss"}]
            found += _refs(mods, parties, doc)
    return found[-1:]


def _governing_party(tok: Token, parties: _Parties, taken: list[str]) -> str | None:
    """The nearest party before ``tok`` in its sentence that is a subject or a possessor."""
    best = None
    for t in tok.sent:
        if t.i >= tok.i:
            break
        if t.dep_ in {"nsubj", "nsubjpass", "poss"}:
            ref = parties.of(t)
            if ref is not None and ref not in taken:
                best = ref
    return best


def _dedupe(relations: list[dict[str, object]]) -> list[dict[str, object]]:
    seen: set[tuple[object, ...]] = set()
    out = []
    for rel in relations:
        ends = (rel["from"], rel["to"])
        if rel["kind"] in _SYMMETRIC:
            ends = tuple(sorted(str(e) for e in ends))
        # GUIDE §9: one relation per class between a pair; a post, a membership and a
        # founding of one body are one affiliation, the first (the stated role) kept.
        kind = "affiliation" if rel["kind"] in _AFFILIATION else rel["kind"]
        key = (kind, *ends)
        if key not in seen:
            seen.add(key)
            out.append(rel)
    return out


def find_relations(article: Article, doc: Doc, entities: Entities) -> list[dict[str, object]]:
    """Relations in the data contract's field names: roles first, then stated ties."""
    stated = stated_relations(article, doc, entities) + verb_relations(article, doc, entities)
    posts = post_relations(article, doc, entities) + ownership_relations(article, doc, entities)
    posts += implied_relations(article, doc, entities)
    crossed = crossed_pairs(doc, entities)
    found = [
        r
        for r in _retarget_title_phrases(role_relations(entities, article.text) + posts, entities)
        + stated
        if r["kind"] not in _AFFILIATION or (r["from"], r["to"]) not in crossed
    ]
    return _dedupe(found)


def _retarget_title_phrases(
    relations: list[dict[str, object]], entities: Entities
) -> list[dict[str, object]]:
    """A post whose body was read with its title ("Chairman and Chief Operating Officer
    of AirTran Airways"): the body is the actor named after the "of", where the
    article has one by that name; else the relation is dropped."""
    actors = {a.id: a for a in entities.actors}
    by_name: dict[str, str] = {}
    for a in entities.actors:
        if a.kind in {"organization", "country"}:
            for n in [a.name, *(n.text for n in a.names if not n.demonym)]:
                by_name.setdefault(n.lower(), a.id)
    out = []
    for rel in relations:
        body = actors.get(str(rel["to"]))
        if rel["kind"] in _AFFILIATION and _title_phrase(body):
            assert body is not None
            tail = body.name.split(" of ", 1)[1].lower()
            target = by_name.get(tail) or by_name.get(tail.removeprefix("the "))
            if target is None or target == body.id:
                continue
            rel = {**rel, "to": target}
        out.append(rel)
    return out

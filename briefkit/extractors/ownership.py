"""Ownership between actors the text states (GUIDE §9 ``owns``).

* a verb of acquiring, active or passive: "Google acquired YouTube", "Pixar, which
  was acquired by Disney", "Pixar, acquired by Disney", "X took over Y"; a sale to a
  buyer: "X sold Y to Z" (Z owns Y);
* a noun of acquiring: "Apple's purchase of NeXT", "the acquisition of X by Y";
* a noun of the link between a parent and its unit: "X, a subsidiary of Y", "X is a
  unit of Y", "Y's unit X", "X, a Y subsidiary", "Airbus parent company EADS", "X's
  parent company Y";
* a holder of shares: "X, the largest shareholder in Y", "X is Y's shareholder".

Only what has happened: a verb with a modal, a negation or under another verb
("plans to buy", "agreed to acquire") and a noun qualified as planned or failed are
no ownership yet (GUIDE §9: future links are optional). The owned side must be an
organization (ownership of a place or a thing is no relation between actors).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefkit.extractors.epithets import Epithets, is_epithet
from briefkit.extractors.events import named_antecedent
from briefkit.extractors.gazetteer import word_set
from briefkit.extractors.nlp import conjuncts, doc_text, negated_or_modal, tokens
from briefkit.extractors.spans import SpanIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from briefkit.article import Article
    from briefkit.extractors.types import Entities, Entity

_ACQUIRE_VERBS = word_set("acquire buy purchase own")
_ACQUIRE_NOUNS = word_set("acquisition purchase takeover buyout")
_UNIT_NOUNS = word_set("subsidiary unit division subsidiaries arm")
# "the military arm of X": a wing of a movement, not a company's unit it owns
_NOT_CORPORATE_ARM = word_set("military armed political militant paramilitary youth")
_PARENT_NOUNS = word_set("parent")
_OWNER_NOUNS = word_set("owner co-owner")
_NOT_NOW_OWNER = word_set("former ex previous prospective would-be potential possible onetime")
_STAKE_NOUNS = word_set("stake share shares holding interest")
_FACT_MARKS = word_set("after when since because as once")
_REPORT_VERBS = word_set("say announce confirm report disclose reveal state")
_PART_NOUNS = word_set("last rest remainder all part half most majority bulk portion some")
_PERCENT_NOUNS = word_set("percent per-cent cent % pct")
# Verbs that leave their subject holding the stake they take as object: "holds a stake
# in B", "took a 30 percent stake in B", "raised its stake in B" (the stake is required)
_HOLD_VERBS = word_set("hold own have retain keep take raise increase build")
# "the largest investor in Y" holds a stake in it, as a shareholder does
_HOLDER_NOUNS = word_set("shareholder stockholder investor")
_COPULAS = word_set("be become remain")
_NOT_DONE = word_set("""
    planned proposed possible potential failed rejected attempted pending mooted rumoured
    rumored hostile
    """)
_OWNERS = frozenset({"organization", "person", "country"})
# What befalls a deal that does not go through: "the takeover was blocked (collapsed)".
_THWART_VERBS = word_set("""
    block reject oppose bar veto prohibit halt abandon scrap drop collapse fail challenge
    delay stall
    """)


class _Refs:
    def __init__(self, entities: Entities) -> None:
        kinds = {a.id: a.kind for a in entities.actors}
        spans = [
            (m.start, m.end, m.ref, kinds[m.ref])
            for m in entities.mentions
            if m.kind == "actor" and m.ref in kinds
        ]
        self.index = SpanIndex(spans, lambda s: (s[0], s[1]))

    def at(self, tok: Token | None) -> tuple[int, int, str, str] | None:
        if tok is None:
            return None
        found = self.index.covering(tok.idx)
        return found[0] if found else None


def _child(tok: Token, *deps: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def what_is_sold(verb: Token) -> Token | None:
    """What a verb of selling sells: its object, or the passive's subject ("X was sold
    to Y"; "The bank, which was sold to Y": the noun the clause hangs on)."""
    sold = _child(verb, "dobj")
    if sold is None:
        sold = _child(verb, "nsubjpass")
        if sold is not None and sold.tag_ == "WDT" and verb.dep_ == "relcl":
            sold = verb.head
    return sold


def _pobj(tok: Token, *preps: str) -> Token | None:
    for prep in tok.children:
        if prep.dep_ in {"prep", "agent"} and prep.lower_ in preps:
            obj = _child(prep, "pobj")
            if obj is not None:
                return obj
    return None


def _stake_in(tok: Token) -> Token:
    """'a twenty percent stake in B': what the stake is in; 'its Volvo unit': the unit
    it names; else the object itself."""
    if tok.lemma_.lower() in _STAKE_NOUNS:
        held = _pobj(tok, "in", "of")
        if held is not None:
            return held
        # "a majority of Volkswagen's voting shares": the shares' named possessor
        named = _child(tok, "poss")
        if named is not None and named.pos_ == "PROPN":
            return named
    # "sold its Volvo unit": the unit the noun names
    if tok.lemma_.lower() in _UNIT_NOUNS and (named := _name_right_before(tok)) is not None:
        return named
    # "owns 43 percent of Nissan", "sold the last of its shares in X": a counted or
    # named part of the body or of a stake is a stake in it
    counted = tok.lower_ in _PERCENT_NOUNS and any(c.dep_ == "nummod" for c in tok.children)
    if counted or tok.lower_ in _PART_NOUNS:
        held = _pobj(tok, "of")
        if held is not None:
            return _stake_in(held)
    return tok


def _name_right_before(noun: Token) -> Token | None:
    """The proper name compounded right before ``noun``: 'Volvo' of "its Volvo unit"."""
    return next(
        (c for c in noun.children
         if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == noun.i - 1),
        None,
    )  # fmt: skip


def _settled(verb: Token) -> bool:
    """A verb that states a done or standing fact, not a plan, a wish or a denial."""
    if negated_or_modal(verb) or verb.tag_ == "VB":
        return False
    if verb.dep_ == "advcl" and verb.tag_ in {"VBD", "VBN"}:
        # "days after the government sold its shares": a past clause of time or cause
        # states what happened; "if it bought", "to buy" do not
        marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
        return bool(marks) and marks <= _FACT_MARKS
    if verb.dep_ == "ccomp" and verb.tag_ in {"VBD", "VBN"}:
        # "X said it had acquired Y", "X announced it bought Y": a past act the
        # speaker reports of itself (a plan or a wish would take a modal or "to")
        return verb.head.lemma_.lower() in _REPORT_VERBS
    return verb.dep_ not in {"xcomp", "ccomp", "advcl", "pcomp"}


def _pairs(doc: Doc) -> list[tuple[Token, Token, Token]]:
    """(owner token, owned token, trigger) for every statement of ownership."""
    out: list[tuple[Token, Token, Token]] = []
    for tok in tokens(doc):
        lemma = tok.lemma_.lower()
        # "X took over Y", "Y was taken over by X": a verb of acquiring with its particle
        took_over = lemma == "take" and any(
            c.dep_ == "prt" and c.lower_ == "over" for c in tok.children
        )
        spun_off = lemma == "spin" and any(
            c.dep_ == "prt" and c.lower_ == "off" for c in tok.children
        )
        if tok.pos_ == "VERB" and spun_off and _settled(tok):
            # "X spun off Y": X owned Y until then
            owner, owned = _child(tok, "nsubj"), _child(tok, "dobj")
            if owner is not None and owned is not None and owner.tag_ != "WDT":
                out.append((owner, owned, tok))
        elif tok.pos_ == "VERB" and lemma == "sell" and _settled(tok):
            # "X sold Y to Z": the buyer owns what was sold (its seller no longer does)
            buyer = next((_child(p, "pobj") for p in tok.children
                          if p.dep_ in {"prep", "dative"} and p.lower_ == "to"), None)  # fmt: skip
            sold = what_is_sold(tok)
            if sold is not None and buyer is not None:
                out.append((buyer, _stake_in(sold), tok))
            # ... and the seller owned it until then (GUIDE §9 former: true), a body
            # or a stake in one: "the government sold the last of its shares in X"
            seller = _child(tok, "nsubj")
            if sold is not None and seller is not None and seller.tag_ != "WDT":
                out.append((seller, _stake_in(sold), tok))
        elif tok.pos_ == "VERB" and (lemma in _ACQUIRE_VERBS or took_over) and _settled(tok):
            agent = _pobj(tok, "by")
            if agent is not None:  # passive: "(which was) acquired by X"
                owned = _child(tok, "nsubjpass")
                if owned is None and tok.dep_ == "acomp":
                    # "Y is majority-owned by X": the parse reads the participle as an
                    # adjective, the owned the copula's subject ("which": its head)
                    owned = _child(tok.head, "nsubj")
                    if owned is not None and owned.tag_ == "WDT" and tok.head.dep_ == "relcl":
                        owned = tok.head.head
                if tok.dep_ in {"acl", "relcl"} and (owned is None or owned.tag_ == "WDT"):
                    owned = tok.head
                if owned is not None:
                    # "owned by X and Y": each named owner holds a share
                    out.extend((a, owned, tok) for a in conjuncts(agent))
            else:
                owner, owned = _child(tok, "nsubj"), _child(tok, "dobj")
                if owner is not None and owner.tag_ == "WDT" and tok.dep_ == "relcl":
                    owner = tok.head  # "X, which owns Y"
                if owner is not None and owned is not None:
                    # "X acquired Y and Z": each
                    out.extend((owner, _stake_in(o), tok) for o in conjuncts(owned))
                seller = _pobj(tok, "from")
                if owned is not None and seller is not None and lemma != "own":
                    # "X bought Y from Z": Z owned Y until then (GUIDE §9 former: true)
                    out.append((seller, _stake_in(owned), tok))
        elif tok.pos_ == "VERB" and lemma in _HOLD_VERBS and _settled(tok):
            # "A holds a 25 percent stake in B" (GUIDE §9: a stated stake is owns)
            owner, owned = _child(tok, "nsubj"), _child(tok, "dobj")
            if owner is not None and owned is not None and _stake_in(owned) is not owned:
                out.append((owner, _stake_in(owned), tok))
        elif tok.pos_ == "NOUN" and lemma in _ACQUIRE_NOUNS:
            if any(c.lower_ in _NOT_DONE for c in tok.children) or _thwarted(tok):
                continue
            owned = _pobj(tok, "of")
            owner = _child(tok, "poss") or _pobj(tok, "by")
            if owner is not None and owned is not None:
                out.append((owner, owned, tok))
        elif tok.pos_ == "NOUN" and lemma in _UNIT_NOUNS:
            if lemma == "arm" and (
                tok.lower_ != "arm" or any(c.lower_ in _NOT_CORPORATE_ARM for c in tok.children)
            ):
                continue
            if (
                tok.dep_ == "dobj"
                and tok.head.lemma_.lower() in {"sell", "spin"}
                and _settled(tok.head)
            ):
                continue  # "sold its Volvo unit": the sale tells who owns it now
            parent = _pobj(tok, "of") or _child(tok, "poss")
            if parent is None and tok.dep_ == "appos" and tok.head.pos_ == "PROPN":
                # "Saturn, a General Motors subsidiary": the name before the noun of a
                # phrase in apposition to the unit's is the parent's.
                parent = _name_right_before(tok)
            # "X, a subsidiary of Y": the unit is what the noun is in apposition to;
            # "Y's unit X": the name in apposition to the noun, or that the noun
            # modifies ("Y's financing arm X").
            unit = tok.head if tok.dep_ == "appos" else _child(tok, "appos", "compound")
            if (unit is None or unit.pos_ != "PROPN") and parent is not None and tok.dep_ != "attr":
                unit = _appositive_head(tok) or unit
            if tok.dep_ == "attr" and tok.head.lemma_ in _COPULAS:
                unit = _child(tok.head, "nsubj")  # "X is a unit of Y"
            if (unit is None or unit.pos_ != "PROPN") and (
                tok.dep_ == "compound" and tok.head.pos_ == "PROPN"
            ):
                unit = tok.head
            if parent is not None and unit is not None:
                out.append((parent, unit, tok))
        elif tok.pos_ == "NOUN" and lemma in _HOLDER_NOUNS:
            if any(c.lower_ in _NOT_NOW_OWNER for c in tok.children):
                continue  # "a former investor in Y", "a would-be shareholder"
            # "X, the largest shareholder in Y", "X is Y's largest shareholder"
            held = _pobj(tok, "in", "of") or _child(tok, "poss")
            # "Y's largest shareholder, X": the name in apposition to the noun
            holder = tok.head if tok.dep_ == "appos" else _child(tok, "appos")
            if tok.dep_ == "attr" and tok.head.lemma_ in _COPULAS:
                holder = _child(tok.head, "nsubj")
            if holder is not None and held is not None:
                out.append((holder, held, tok))
        elif lemma in _PARENT_NOUNS or (lemma == "company" and _child(tok, "compound")):
            _parent_pairs(tok, out)
        elif tok.pos_ == "NOUN" and lemma in _OWNER_NOUNS:
            _owner_pairs(tok, out)
    return out


def _thwarted(noun: Token) -> bool:
    """'the takeover was blocked', 'regulators rejected the purchase', 'the takeover
    collapsed': a deal the clause says did not go through, or is only being opposed."""
    verb = noun.head
    if noun.dep_ not in {"nsubj", "nsubjpass", "dobj"} or verb.pos_ != "VERB":
        return False
    return verb.lemma_.lower() in _THWART_VERBS


def _owner_pairs(tok: Token, out: list[tuple[Token, Token, Token]]) -> None:
    """'Zento's majority owner, Dunmore', 'Corlis, the owner of Orvel', 'Facebook owner
    Meta', 'Karst is the owner of Vanta': the owned body is the noun's possessor, "of"
    object or name before it; the owner the name it is in apposition to or heads. A
    past or would-be owner ("former", "prospective") is no ownership now."""
    if any(c.lower_ in _NOT_NOW_OWNER for c in tok.children):
        return
    owned = _child(tok, "poss") or _pobj(tok, "of")
    if owned is None:
        owned = next((c for c in tok.children if c.dep_ == "compound" and c.i == tok.i - 1), None)
    if tok.dep_ == "attr" and tok.head.lemma_ in _COPULAS:
        owner = _child(tok.head, "nsubj")
    elif tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and tok.head.i > tok.i:
        owner = tok.head
    else:
        owner = _child(tok, "appos") or _appositive_head(tok)
    if owner is not None and owned is not None and owner.i != owned.i:
        out.append((owner, owned, tok))


def _parent_pairs(tok: Token, out: list[tuple[Token, Token, Token]]) -> None:
    """'Airbus parent company EADS': the name the phrase heads owns its modifier;
    "X's parent company Y" / "X's parent, Y": Y owns X."""
    noun = tok
    if tok.lemma_.lower() == "parent" and tok.dep_ == "compound":
        noun = tok.head
    elif tok.lemma_.lower() != "parent" and not any(
        c.lemma_.lower() == "parent" for c in tok.children if c.dep_ == "compound"
    ):
        return
    # The unit is the possessor, or the name written right before "parent": in "Northrop
    # Grumman and Airbus parent company" the parse may attach the whole list.
    first = min(t.i for t in noun.subtree if t.lemma_.lower() == "parent" or t.i == noun.i)
    before = noun.doc[first - 1] if first > 0 else None
    child_side = _child(noun, "poss") or (
        before if before is not None and before.pos_ == "PROPN" else None
    )
    # The owner is the name right after the phrase ("parent company EADS"), however the
    # parse attaches it (apposition, compound, or split off as a subject of its own).
    nxt = noun.nbor() if noun.i + 1 < len(noun.doc) else None
    owner = nxt if nxt is not None and nxt.pos_ == "PROPN" else _child(noun, "appos")
    if owner is None and nxt is not None and nxt.text == "," and nxt.i + 1 < len(noun.doc):
        # "its parent company, EADS starts ...": the parse may split the apposition off
        after = noun.doc[nxt.i + 1]
        owner = after if after.pos_ == "PROPN" and after.sent == noun.sent else None
    # "Alphabet, Google's parent company", "EADS, the parent company of Airbus": the
    # phrase is itself in apposition to the owner's name, and the unit is its possessor
    # or "of" object.
    if owner is None:
        owner = _appositive_head(noun)
    if child_side is None and owner is not None:
        child_side = _pobj(noun, "of")
    if child_side is not None and owner is not None:
        out.append((owner, child_side, tok))


def _appositive_head(noun: Token) -> Token | None:
    """The name a description is in apposition to ("GMAC, the financing arm of GM"):
    the parse's head, or, where the parse hung the description elsewhere, the name
    written right before the comma the description's phrase opens after."""
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        return noun.head
    first = min((c.left_edge.i for c in noun.children if c.i < noun.i), default=noun.i)
    if first < 2 or noun.doc[first].lower_ not in {"the", "a", "an"}:
        return None
    comma, name = noun.doc[first - 1], noun.doc[first - 2]
    if comma.text != "," or name.pos_ != "PROPN" or name.sent != noun.sent:
        return None
    return name


def ownership_relations(article: Article, doc: Doc, entities: Entities) -> list[dict[str, object]]:
    refs = _Refs(entities)
    epithets = Epithets(doc, entities)
    actors = {a.id: a for a in entities.actors}
    mentions = SpanIndex(
        [m for m in entities.mentions if m.kind == "actor"], lambda m: (m.start, m.end)
    )
    out: list[dict[str, object]] = []
    for owner_tok, owned_tok, trigger in _pairs(doc):
        owner, owned = refs.at(_named(owner_tok, refs)), refs.at(_named(owned_tok, refs))
        if owner is None and owner_tok.lower_ in {"he", "she"}:
            # "In 1986 he bought X": the one person the text before names, the reading
            # events.py makes of a pronoun subject
            told = named_antecedent(owner_tok, doc, mentions, actors, frozenset({"person"}))
            if told is not None:
                owner = (owner_tok.idx, owner_tok.idx + len(owner_tok.text), told, "person")
        if owner is None and owner_tok.lower_ in {"its", "it"} and owned is not None:
            # "its subsidiary X", "it bought X": the one organization named before it,
            # in its sentence or the one before, other than what is owned
            told = _only_org_before(doc, owner_tok, refs, owned[2])
            if told is not None:
                owner = (owner_tok.idx, owner_tok.idx + len(owner_tok.text), told, "organization")
        if owned is None and owned_tok.lower_ == "its" and owner is not None:
            # "its parent company, EADS": the unit is what "its" stands for, read as
            # for an owner
            told = _only_org_before(doc, owned_tok, refs, owner[2])
            if told is not None:
                owned = (owned_tok.idx, owned_tok.idx + len(owned_tok.text), told, "organization")
        # "the company bought X", "X bought the company": the organization the
        # description refers back to, other than the other side
        if owner is None and owned is not None:
            owner = _described(owner_tok, epithets, owned[2])
        if owned is None and owner is not None:
            owned = _described(owned_tok, epithets, owner[2])
        if owner is None or owned is None or owner[2] == owned[2]:
            continue
        if owner[3] not in _OWNERS or owned[3] != "organization":
            continue
        # a description ("the automaker") is evidence with its determiner
        lo = min(owner[0], owned[0], trigger.idx, owner_tok.left_edge.idx if
                 is_epithet(owner_tok) else trigger.idx)  # fmt: skip
        hi = max(owner[1], owned[1], trigger.idx + len(trigger.text))
        if not article.in_one_sentence(lo, hi):
            continue
        out.append({"from": owner[2], "kind": "owns", "to": owned[2],
                    "evidence": article.text[lo:hi]})  # fmt: skip
        ended = trigger.lemma_.lower() in {"sell", "spin"} and owner_tok.dep_ == "nsubj"
        if ended or (owner_tok.dep_ == "pobj" and owner_tok.head.lower_ == "from"):
            out[-1]["former"] = True  # the seller's ownership ended with the sale
    out.extend(_hyphen_owned(article, doc, refs, entities))
    return out


def _named(tok: Token, refs: _Refs) -> Token:
    """'the Swiss insurer Ardent Holdings': a description the parse heads with its
    common noun stands for the name in apposition right after it."""
    if refs.at(tok) is not None or tok.pos_ != "NOUN":
        return tok
    if tok.lower_ in _STATE_WORDS:
        # "the U.S. government", "the French government": a government so named is its
        # country (GUIDE §2 rule 11)
        for c in tok.children:
            found = refs.at(c) if c.dep_ in {"compound", "amod", "poss"} else None
            if found is not None and found[3] == "country":
                return c
    name = _child(tok, "appos")
    if name is not None and name.pos_ == "PROPN" and name.left_edge.i == tok.i + 1:
        return name
    return tok


def _described(tok: Token, epithets: Epithets, other: str) -> tuple[int, int, str, str] | None:
    told = epithets.referent(tok, frozenset({other}))
    return None if told is None else (tok.idx, tok.idx + len(tok.text), told, "organization")


def _only_org_before(doc: Doc, tok: Token, refs: _Refs, other: str) -> str | None:
    """What "its" stands for: the organization that is the subject of a clause the
    pronoun is in ("Orvel said its unit ..."), else the one organization named before
    it, in its sentence or the one before."""
    cur = tok
    # At most the sentence's length: heads a component re-attached may loop.
    for _ in range(len(tok.sent)):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        for subj in (c for c in cur.children if c.dep_ == "nsubj" and c.i < tok.i):
            found = refs.at(subj)
            if found is not None and found[3] == "organization" and found[2] != other:
                return found[2]
    sent = tok.sent
    start = doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    orgs = {
        ref
        for _s, _e, ref, kind in refs.index.within(start, tok.idx)
        if kind == "organization" and ref != other
    }
    return orgs.pop() if len(orgs) == 1 else None


_STATE_WORDS = word_set("state government")


def _hyphen_owned(
    article: Article, doc: Doc, refs: _Refs, entities: Entities
) -> list[dict[str, object]]:
    """'Disney-owned Pixar', 'state-owned national flag carrier Garuda Indonesia': the
    name before the hyphen owns the body the phrase names. "state-" or "government-"
    is a country: the one the phrase names ("Indonesia's state-owned airline"), or whose
    name is inside the body's ("Garuda Indonesia"), when the country is an actor."""
    out: list[dict[str, object]] = []
    countries = [a for a in entities.actors if a.kind == "country"]
    for tok in tokens(doc):
        if tok.lower_ != "owned" or tok.i < 2 or doc[tok.i - 1].text not in {"-", "‑"}:
            continue
        if doc[tok.i - 1].whitespace_ or doc[tok.i - 2].whitespace_:
            continue
        owner_tok = doc[tok.i - 2]
        owned, cur = None, tok
        for _ in range(5):
            if cur.dep_ not in {"amod", "compound", "nmod"} or cur.head.i == cur.i:
                break
            cur = cur.head
            found = refs.at(cur) or next(
                (refs.at(c) for c in cur.children if c.dep_ == "appos" and refs.at(c)), None
            )
            if found is not None:
                owned = found
                break
        if owned is None or owned[3] != "organization":
            continue
        if owner_tok.lower_ in _STATE_WORDS:
            owner = _state_of(doc, tok, owned, refs, countries)
            lo = owner_tok.idx if owner is None or owner[0] > owner_tok.idx else owner[0]
        else:
            owner = refs.at(owner_tok)
            lo = owner[0] if owner is not None else owner_tok.idx
        if owner is None or owner[2] == owned[2] or owner[3] not in _OWNERS:
            continue
        hi = max(owned[1], owner[1])
        if not article.in_one_sentence(lo, hi):
            continue
        out.append({"from": owner[2], "kind": "owns", "to": owned[2],
                    "evidence": article.text[lo:hi]})  # fmt: skip
    return out


def _state_of(
    doc: Doc, tok: Token, owned: tuple[int, int, str, str], refs: _Refs, countries: list[Entity]
) -> tuple[int, int, str, str] | None:
    """The country a "state-owned" phrase is of: one named in the phrase before the
    hyphen's word ("Indonesia's", "the Indonesian"), else one whose name is a word of
    the body's name."""
    sent = tok.sent
    for t in reversed(doc[sent.start : tok.i - 2]):
        found = refs.at(t)
        if found is not None:
            return found if found[3] == "country" and t.i >= tok.i - 5 else None
        if t.dep_ not in {"det", "poss", "case", "amod", "compound", "punct"}:
            break
    name = doc_text(doc)[owned[0] : owned[1]]
    words = f" {name} "
    inside = {
        c.id
        for c in countries
        for n in c.names
        if not n.demonym and f" {n.text} " in words and n.text != name
    }
    if len(inside) == 1:
        return owned[0], owned[1], inside.pop(), "country"
    return None

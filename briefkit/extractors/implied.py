"""Relations whose body the text gives only by a pronoun or a bare noun (GUIDE §9).

* a corporate post with no body named: "its new chief executive", "the firm's chief
  executive officer, X", "the vice president of the company, X", "company CEO X",
  "the current chief operating officer, X": the body is the one organization named
  in the sentence before the title or the two before it. Where two or more are
  named there, which one is meant is a guess, and there is no relation;
* employment by a verb: "X worked for Y", "X joined Y as ...", "X held positions at
  Y and Z", with "he"/"she" told by the one person the text before names (the
  reading events.py makes of a pronoun subject).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from briefkit.extractors.actors import ROLE_NOUNS
from briefkit.extractors.epithets import COMPANY_NOUNS, Epithets, is_epithet
from briefkit.extractors.events import named_antecedent
from briefkit.extractors.gazetteer import word_set
from briefkit.extractors.nlp import conjuncts, doer_and_done, negated_or_modal, tokens
from briefkit.extractors.posts import post_kind
from briefkit.extractors.spans import SpanIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from briefkit.article import Article
    from briefkit.extractors.types import Entities

# Posts of a company or a like body: a bare "the president" may be a state's, so a
# bare title needs one of these words, or a possessive or "of the company" marker.
_CORPORATE = word_set("""
    ceo coo cfo cto chairman chairwoman chairperson director treasurer executive officer
    counsel
    """)
_POSTS = _CORPORATE | word_set("president head chief manager spokesman spokeswoman spokesperson")
# Nouns a company is named by once it has been named: "the firm", "the automaker",
# and the words for any body ("the group").
_COMPANY_NOUNS = COMPANY_NOUNS | word_set("group business organisation organization")
_MARKERS = word_set("current new former then incumbent interim acting")
_EMPLOY_VERBS = word_set("work join")
_POSITION_NOUNS = word_set("position positions post posts job jobs stint role roles")


def _window_start(doc: Doc, tok: Token, sentences: int = 2) -> int:
    start = tok.sent.start
    for _ in range(sentences):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return doc[start].idx


class _Orgs:
    def __init__(self, entities: Entities) -> None:
        self.kinds = {a.id: a.kind for a in entities.actors}
        self.actors = {a.id: a for a in entities.actors}
        self.mentions = SpanIndex(
            [m for m in entities.mentions if m.kind == "actor"], lambda m: (m.start, m.end)
        )

    def at(self, tok: Token) -> str | None:
        found = self.mentions.covering(tok.idx)
        return found[0].ref if found else None

    def main_org(self) -> str | None:
        """The organization the story is about, where one stands out: named three times
        or more, and twice as often as any other."""
        counts: dict[str, int] = {}
        for m in self.mentions.within(0, 10**9):
            if self.kinds.get(m.ref) == "organization":
                counts[m.ref] = counts.get(m.ref, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] < 3:
            return None
        if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
            return None
        return ranked[0][0]

    def only_org_before(self, doc: Doc, tok: Token) -> str | None:
        """The one organization named between two sentences back and ``tok``; where
        several are, the one named in ``tok``'s own sentence before it, if only one is
        ("General Motors' chief executive X was replaced with Y, the current chief
        operating officer": the sentences before also name Chrysler)."""
        for sentences in (2, 0):
            orgs = {
                m.ref
                for m in self.mentions.within(_window_start(doc, tok, sentences), tok.idx)
                if self.kinds.get(m.ref) == "organization"
            }
            if len(orgs) == 1:
                return orgs.pop()
            if not orgs:
                return None
        return None


def _implied(title: Token, doc: Doc, orgs: _Orgs) -> bool:
    """The title says its body is one named before: "its", "the company's", "of the
    firm", "company CEO", or a definite or dated corporate title ("the current chief
    operating officer"). A title with a named body is posts.py's to read."""
    nodes = [title, *(c for c in title.children if c.dep_ == "conj")]  # "VP and counsel"
    marks = [_mark(n, orgs) for n in nodes]
    if False in marks:
        return False
    if True in marks:
        return True
    words = {t.lower_ for n in nodes for t in n.subtree if t.i <= n.i}
    if not words & _CORPORATE:
        return False
    return any(t.lower_ in _MARKERS or t.lower_ == "the" for t in title.children)


def _mark(title: Token, orgs: _Orgs) -> bool | None:
    """True: a marker of a body named before; False: a body (or another possessor)
    named here; None: neither."""
    for child in title.children:
        if child.dep_ == "poss":
            if child.lower_ == "its":
                return True
            return child.lemma_.lower() in _COMPANY_NOUNS and orgs.at(child) is None
        if child.dep_ == "prep" and child.lower_ in {"of", "at", "for"}:
            obj = next((o for o in child.children if o.dep_ == "pobj"), None)
            if obj is None:
                continue
            if orgs.at(obj) is not None:
                return False
            if any(a.dep_ == "appos" and orgs.at(a) is not None for a in obj.children):
                return False  # "of the advocacy group Clean Air Now": named here
            # "of the company" refers back; "director of sales" names no body at all
            return obj.lemma_.lower() in _COMPANY_NOUNS and any(
                d.lower_ in {"the", "its"} for d in obj.children
            )
        if child.dep_ in {"compound", "amod"} and orgs.at(child) is not None:
            return False  # "the European Central Bank president"
        if child.dep_ == "compound" and child.lower_ in _COMPANY_NOUNS:
            return True
    return None


def _titles(span: Span) -> list[Token]:
    """Title nouns for the person: right before the name, in apposition either way, or
    "named X as its new president"."""
    doc = span.doc
    root = span.root
    out: list[Token] = []
    if span.start > 0:
        prev = doc[span.start - 1]
        if prev.lower_ in _POSTS and prev.i >= span.sent.start:
            out.append(prev)
        # "The former Chief Operating Officer, Tim Cook, will ...": an apposition the
        # parse splits into two subjects of one verb
        if prev.text == "," and span.start > 1:
            title = doc[span.start - 2]
            if title.head.i == root.head.i and title.dep_ == root.dep_ == "nsubj":
                out.append(title)
    out += [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        out.append(root.head)
    if root.dep_ in {"dobj", "nsubjpass", "oprd", "npadvmod"} and root.head.pos_ == "VERB":
        for prep in root.head.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                out += [o for o in prep.children if o.dep_ == "pobj"]
    return [t for t in out if t.lower_ in _POSTS or t.lemma_.lower() in _POSTS]


def _marks(title: Token) -> list[Token]:
    """The possessors and "of/at/for" objects of a title and its conjuncts."""
    nodes = [title, *(c for c in title.children if c.dep_ == "conj")]
    return [
        t
        for n in nodes
        for c in n.children
        for t in ([c] if c.dep_ == "poss" else
                  [o for o in c.children if o.dep_ == "pobj"]
                  if c.dep_ == "prep" and c.lower_ in {"of", "at", "for"} else [])
    ]  # fmt: skip


def implied_relations(article: Article, doc: Doc, entities: Entities) -> list[dict[str, object]]:
    orgs = _Orgs(entities)
    epithets = Epithets(doc, entities)
    out: list[dict[str, object]] = []

    def add(person: str, kind: str, body: str, lo: int, hi: int, former: bool = False) -> None:
        if not article.in_one_sentence(lo, hi) or person == body:
            return
        out.append({"from": person, "kind": kind, "to": body, "evidence": article.text[lo:hi]})
        if former:
            out[-1]["former"] = True

    for m in entities.mentions:
        if m.kind != "actor" or orgs.kinds.get(m.ref) != "person":
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        for title in _titles(span):
            if not _implied(title, doc, orgs):
                continue
            # "the company's chief executive", "the vice president of the company": the
            # organization the description refers back to, as posts.py reads it
            described = [t for t in _marks(title) if is_epithet(t) and orgs.at(t) is None]
            if described:
                body = epithets.referent(described[0], frozenset({m.ref}))
            else:
                body = orgs.only_org_before(doc, title.left_edge)
            if body is not None:
                lo = min(title.left_edge.idx, span.start_char)
                hi = max(title.idx + len(title.text), span.end_char)
                add(m.ref, "role", body, lo, hi)
                break
        _board_member(doc, span, m.ref, orgs, add)
    _employment(doc, orgs, add, epithets)
    _post_by_verb(doc, orgs, epithets, add)
    _left(doc, orgs, epithets, add)
    _respectively(doc, orgs, add)
    return out


# A link the text ends (GUIDE §9 former): "X left (quit) Y", "X was fired (ousted)
# from Y". The link itself is stated by its end: the person belonged to or worked for
# the body.
_LEAVE_VERBS = word_set("leave quit")
_FIRED_VERBS = word_set("fire oust dismiss expel sack")
# Those whose agent is the employer ("fired by Y"); one is "ousted" by rivals or a coup
_DISMISS_VERBS = word_set("fire dismiss sack")


def _left(doc: Doc, orgs: _Orgs, epithets: Epithets, add: Callable[..., None]) -> None:
    for verb in tokens(doc):
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or verb.tag_ not in {"VBD", "VBN"}:
            continue  # "is leaving", "to leave", "will leave": not ended yet
        if negated_or_modal(verb):
            continue
        if lemma in _LEAVE_VERBS:
            bodies = [c for c in verb.children if c.dep_ == "dobj"]
            person = _subject_person(verb, doc, orgs)
        elif lemma in _FIRED_VERBS and any(c.dep_ == "nsubjpass" for c in verb.children):
            bodies = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "from"
                      for o in p.children if o.dep_ == "pobj"]  # fmt: skip
            if lemma in _DISMISS_VERBS:
                # "X was fired by Y": the employer that let the person go
                bodies += [o for a in verb.children if a.dep_ == "agent"
                           for o in a.children if o.dep_ == "pobj"]  # fmt: skip
            subj = next(c for c in verb.children if c.dep_ == "nsubjpass")
            if subj.tag_ == "WP" and verb.dep_ == "relcl":
                subj = verb.head  # "X, who was fired by Y"
            ref = orgs.at(subj)
            if ref is None and subj.lower_ in {"he", "she"}:
                ref = named_antecedent(subj, doc, orgs.mentions, orgs.actors, frozenset({"person"}))
            person = (ref, subj) if ref and orgs.kinds.get(ref) == "person" else None
        else:
            continue
        if person is None:
            continue
        ref, subj = person
        for body_tok in bodies[:1]:
            body = orgs.at(body_tok)
            if body is None:
                body = epithets.referent(body_tok, frozenset({ref}))
            if body is None or orgs.kinds.get(body) != "organization":
                continue
            # fired by an employer; expelled or ousted from a party, a member
            company = body_tok.lemma_.lower() in COMPANY_NOUNS or lemma in _DISMISS_VERBS
            named = orgs.mentions.covering(subj.idx)
            end = orgs.mentions.covering(body_tok.idx)
            lo = min(named[0].start if named else subj.idx, verb.idx)
            hi = end[0].end if end else body_tok.idx + len(body_tok.text)
            add(ref, "employed-by" if company else "member-of", body, lo, hi, True)


# Verbs whose "as" phrase is the post the subject holds or held: "X served as chief
# executive of Y", "X resigned as chairman of Y", "X stepped down from his post as CEO
# of Y"; those that end it make the link a former one.
_AS_VERBS = word_set("serve resign retire step quit remain act succeed replace take")
# Verbs whose object held the "as" post before the subject: "X succeeded Y as CEO of Z".
_SUCCEED_VERBS = word_set("succeed replace")
_ENDING_VERBS = word_set("resign retire step quit")
# Verbs that give a post in the passive: "X was named chairman of Y", "X, who was
# appointed chief executive of Y".
_NAMING_VERBS = word_set("name appoint elect promote")
_POST_BODIES = frozenset({"organization", "country"})


def _post_by_verb(doc: Doc, orgs: _Orgs, epithets: Epithets, add: Callable[..., None]) -> None:
    """The post a verb states its subject holds, held or was given, with the body the
    title is of: named, or a description that refers back to one ("of the company")."""
    for verb in tokens(doc):
        if verb.pos_ != "VERB":
            continue
        lemma = verb.lemma_.lower()
        if negated_or_modal(verb):
            continue
        titles: list[Token] = []
        person: tuple[str, Token] | None = None
        if lemma in _AS_VERBS:
            if lemma == "step" and not any(c.lower_ in {"down", "aside"} for c in verb.children):
                continue
            if lemma == "take" and not any(c.dep_ == "prt" and c.lower_ == "over"
                                           for c in verb.children):  # fmt: skip
                continue  # "took over as chief executive"
            if lemma in _SUCCEED_VERBS | {"take"} and (
                verb.tag_ not in {"VBD", "VBN"} or verb.dep_ == "xcomp"
            ):
                continue  # "is expected to succeed X as CEO": a post still to come
            for prep in (c for c in verb.children if c.dep_ == "prep"):
                objs = [o for o in prep.children if o.dep_ == "pobj"]
                if prep.lower_ == "as":
                    titles += objs
                elif prep.lower_ == "from":  # "from his post as CEO of Y"
                    titles += [t for o in objs if o.lemma_.lower() in _POSITION_NOUNS
                               for p in o.children if p.dep_ == "prep" and p.lower_ == "as"
                               for t in p.children if t.dep_ == "pobj"]  # fmt: skip
            # "X has chosen to step down as ...": the subject of the verb it completes
            subject_verb = verb.head if verb.dep_ == "xcomp" else verb
            if subject_verb is not verb and negated_or_modal(subject_verb):
                continue
            person = _subject_person(subject_verb, doc, orgs)
        elif lemma in _NAMING_VERBS:
            subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            if subj is None:
                continue
            if subj.tag_ == "WP" and verb.dep_ == "relcl":
                subj = verb.head
            ref = orgs.at(subj)
            if ref is not None and orgs.kinds.get(ref) == "person":
                person = (ref, subj)
            titles = [c for c in verb.children if c.dep_ in {"oprd", "attr"}]
        if person is None or not titles:
            continue
        # "resigned as", "has stepped down as": the text ends the link; "chose to step
        # down", an end still to come, does not
        former = lemma in _ENDING_VERBS and verb.tag_ in {"VBD", "VBN"} and verb.dep_ != "xcomp"
        if lemma in _SUCCEED_VERBS and verb.tag_ in {"VBD", "VBN"}:
            # the one succeeded held the post until then
            before = next((c for c in verb.children if c.dep_ == "dobj"), None)
            told = orgs.at(before) if before is not None else None
            if before is not None and told is not None and orgs.kinds.get(told) == "person":
                _as_posts(orgs, epithets, add, titles, (told, before), verb, True)
        _as_posts(orgs, epithets, add, titles, person, verb, former)


def _as_posts(
    orgs: _Orgs,
    epithets: Epithets,
    add: Callable[..., None],
    titles: list[Token],
    person: tuple[str, Token],
    verb: Token,
    former: bool,
) -> None:
    """The posts ``titles`` name, each of the body its title is of, held by ``person``."""
    ref, subj = person
    for title in (t for t0 in titles for t in conjuncts(t0)):
        head = title.lower_ if title.lower_ in ROLE_NOUNS else title.lemma_.lower()
        if head not in ROLE_NOUNS and head not in _POSTS:
            continue
        # the body: "chief executive of Y" or "Y's chief executive"
        objs = [
            o
            for p in title.children
            if p.dep_ == "prep" and p.lower_ in {"of", "at", "for"}
            for o in p.children
            if o.dep_ == "pobj"
        ]
        for obj in [*objs, *(c for c in title.children if c.dep_ == "poss")]:
            body = orgs.at(obj)
            if body is None:
                body = epithets.referent(obj, frozenset({ref}))
            if body is None or orgs.kinds.get(body) not in _POST_BODIES:
                continue
            named = orgs.mentions.covering(subj.idx)
            end = orgs.mentions.covering(obj.idx)
            lo = min(named[0].start if named else subj.idx, verb.idx)
            hi = max(end[0].end if end else obj.idx + len(obj.text), title.idx + len(title.text))
            add(ref, post_kind(head, orgs.kinds[body]), body, lo, hi, former)


_BOARD_WORDS = word_set("of directors trustees governors")


def _board_member(
    doc: Doc, span: Span, person: str, orgs: _Orgs, add: Callable[[str, str, str, int, int], None]
) -> None:
    """'X, a member of the board', 'board member X': a member of the board of the one
    organization named in the two sentences before, else of the one the story is about
    (named three times or more, and twice as often as any other)."""
    root = span.root
    nouns = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        nouns.append(root.head)
    nouns += [c for n in list(nouns) for c in n.children if c.dep_ == "conj"]
    found: tuple[int, int] | None = None
    for noun in nouns:
        if noun.lemma_.lower() != "member":
            continue
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
            for obj in (o for o in prep.children if o.dep_ == "pobj"):
                # "the board (of directors)", not "the board of directors of the X
                # Chamber", which names its body
                bare = (
                    obj.lemma_.lower() == "board"
                    and not any(c.dep_ in {"poss", "compound"} for c in obj.children)
                    and all(t.lower_ in _BOARD_WORDS for t in obj.subtree if t.i > obj.i)
                )
                if bare and orgs.at(obj) is None:
                    found = (noun.left_edge.idx, obj.idx + len(obj.text))
    k = span.start - 1
    # "board member X", not "Vanta's board member X" (posts.py reads a named body)
    named = k >= 2 and (orgs.at(doc[k - 2]) is not None or doc[k - 2].text in {"'s", "’s"})
    if found is None and k > 0 and doc[k].lower_ == "member" and doc[k - 1].lower_ == "board":
        found = None if named else (doc[k - 1].idx, doc[k].idx + len(doc[k].text))
    if found is None:
        return
    body = orgs.only_org_before(doc, doc[span.start]) or orgs.main_org()
    if body is not None:
        add(person, "member-of", body, min(found[0], span.start_char), max(found[1], span.end_char))


def _subject_person(verb: Token, doc: Doc, orgs: _Orgs) -> tuple[str, Token] | None:
    """The person a verb's subject names, "he"/"she" told by its one antecedent."""
    cur = verb
    for _ in range(3):  # "X, who worked for Y", "X joined Y and worked for Z"
        subj = next((c for c in cur.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            break
        if cur.dep_ != "conj":
            return None
        cur = cur.head
    else:
        return None
    if subj.tag_ == "WP" and cur.dep_ == "relcl":
        subj = cur.head
    ref = orgs.at(subj)
    if ref is None and subj.lower_ in {"he", "she"}:
        ref = named_antecedent(subj, doc, orgs.mentions, orgs.actors, frozenset({"person"}))
    return (ref, subj) if ref is not None and orgs.kinds.get(ref) == "person" else None


def _employment(
    doc: Doc,
    orgs: _Orgs,
    add: Callable[[str, str, str, int, int], None],
    epithets: Epithets,
) -> None:
    """'X worked for Y', 'X joined Y as chief executive', 'X held positions at Y and Z'.
    Only a settled statement: a negated or modal verb states no link."""
    for verb in tokens(doc):
        if verb.pos_ != "VERB":
            continue
        lemma = verb.lemma_.lower()
        if negated_or_modal(verb):
            continue
        bodies: list[Token] = []
        kind = "employed-by"
        if lemma in _WORK_VERBS:
            # "X works for Y", "X teaches at Y"; a student or a player is a member:
            # "X studies at Y", "X played for Y" (GUIDE §9 member-of)
            bodies = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in {"for", "at"}
                      for o in p.children if o.dep_ == "pobj"]  # fmt: skip
            kind = _WORK_VERBS[lemma]
        elif lemma == "sit":
            # "X sits on the board of Y"
            boards = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "on"
                      for o in p.children
                      if o.dep_ == "pobj" and o.lemma_.lower() == "board"]  # fmt: skip
            bodies = [o for b in boards for p in b.children if p.dep_ == "prep"
                      and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]  # fmt: skip
            kind = "member-of"
        elif lemma in _HIRE_VERBS:
            _hired(verb, doc, orgs, add)
            continue
        elif lemma in _LEAD_VERBS:
            bodies = [c for c in verb.children if c.dep_ == "dobj"]
            kind = "leader-of"
        elif lemma == "join":
            bodies = [c for c in verb.children if c.dep_ == "dobj"]
            as_post = any(p.dep_ == "prep" and p.lower_ == "as" for p in verb.children)
            kind = "role" if as_post else "member-of"
        elif lemma in {"hold", "have"}:
            for obj in (c for c in verb.children if c.dep_ == "dobj"):
                if obj.lemma_.lower() in _POSITION_NOUNS:
                    bodies += [o for p in obj.children if p.dep_ == "prep"
                               and p.lower_ in {"at", "with"}
                               for o in p.children if o.dep_ == "pobj"]  # fmt: skip
        if not bodies:
            continue
        person = _subject_person(verb, doc, orgs)
        if person is None:
            continue
        ref, subj = person
        for body_tok in (t for b in bodies for t in conjuncts(b)):
            # "X, who works for the bank": the body a description refers back to
            body = orgs.at(body_tok) or epithets.referent(body_tok)
            if body is None or orgs.kinds.get(body) != "organization":
                continue
            named = orgs.mentions.covering(subj.idx)
            lo = min(named[0].start if named else subj.idx, verb.idx)
            hi = body_tok.idx + len(body_tok.text)
            end = orgs.mentions.covering(body_tok.idx)
            if end:
                hi = max(hi, end[0].end)
            add(ref, kind, body, lo, hi)


# Verbs whose "for"/"at" object is the body the subject works in, and the link's kind.
_WORK_VERBS = {"work": "employed-by", "teach": "employed-by", "study": "member-of",
               "play": "member-of"}  # fmt: skip


# "Y hired X", "X was employed by Y": the person works for the body.
_HIRE_VERBS = word_set("hire employ recruit")
# "X heads the Y", "X leads Y": a person leading a body without a title said (GUIDE §9
# leader-of); with a person as subject only ("Apple leads the market" is no tie).
_LEAD_VERBS = word_set("head lead chair run")


def _hired(
    verb: Token, doc: Doc, orgs: _Orgs, add: Callable[[str, str, str, int, int], None]
) -> None:
    """'X was hired by Y', 'Y hired X (as ...)': the person and the body, both named."""
    bodies, people = doer_and_done(verb)
    as_post = any(p.dep_ == "prep" and p.lower_ == "as" for p in verb.children)
    for person_tok in people[:1]:
        person = orgs.at(person_tok)
        if person is None or orgs.kinds.get(person) != "person":
            continue
        for body_tok in bodies[:1]:
            body = orgs.at(body_tok)
            if body is None or orgs.kinds.get(body) != "organization":
                continue
            ends = [m for t in (person_tok, body_tok) for m in orgs.mentions.covering(t.idx)]
            lo = min([verb.idx, *(m.start for m in ends)])
            hi = max([verb.idx + len(verb.text), *(m.end for m in ends)])
            add(person, "role" if as_post else "employed-by", body, lo, hi)


_LIST_GLUE = frozenset({",", "and", "the"})
_LINKS = frozenset({"of", "from", "at", "for"})


def _chain(doc: Doc, orgs: _Orgs, i: int, step: int, kinds: set[str]) -> tuple[list[str], int]:
    """The names of ``kinds`` listed from token ``i`` on in direction ``step``, joined
    only by commas, "and" or "the": their ids in text order and the first token beyond."""
    refs: list[str] = []
    while 0 <= i < len(doc):
        tok = doc[i]
        found = orgs.mentions.covering(tok.idx)
        if found and orgs.kinds.get(found[0].ref) in kinds:
            if not refs or refs[-1] != found[0].ref:
                refs.append(found[0].ref)
            i += step
        elif tok.lower_ in _LIST_GLUE:
            i += step
        else:
            break
    if step < 0:
        refs.reverse()
    return refs, i


def crossed_pairs(doc: Doc, entities: Entities) -> set[tuple[str, str]]:
    """Person-body pairs a "respectively" list rules out (A is of X, not of Y): a reading
    of the nearest body ("B of respectively X") is then wrong."""
    pairs: list[tuple[str, str]] = []
    _respectively(doc, _Orgs(entities), lambda p, _k, b, _lo, _hi: pairs.append((p, b)))
    people = {p for p, _b in pairs}
    bodies = {b for _p, b in pairs}
    return {(p, b) for p in people for b in bodies} - set(pairs)


def _respectively(doc: Doc, orgs: _Orgs, add: Callable[[str, str, str, int, int], None]) -> None:
    """'A and B of respectively X and Y', 'A and B, of X and Y respectively', 'A and B, the
    chairmen of X and Y respectively': the people and the bodies paired in order, where
    both lists are as long."""
    bodies_kinds = {"organization", "country"}
    for resp in tokens(doc):
        if resp.lower_ != "respectively":
            continue
        bodies, j = _chain(doc, orgs, resp.i + 1, 1, bodies_kinds)
        if len(bodies) >= 2:
            link = resp.i - 1  # "of respectively X and Y"
        else:
            k = resp.i - 1 if resp.i and doc[resp.i - 1].text != "," else resp.i - 2
            bodies, link = _chain(doc, orgs, k, -1, bodies_kinds)
        if len(bodies) < 2 or link < 1 or doc[link].lower_ not in _LINKS:
            continue
        i, post = link - 1, "member-of"
        while i > resp.sent.start and (doc[i].lower_ in _POSTS or doc[i].lemma_ in _POSTS
                                       or doc[i].lower_ in {"the", "their"}):  # fmt: skip
            post, i = "role", i - 1
        if doc[i].text == ",":
            i -= 1
        people, start = _chain(doc, orgs, i, -1, {"person"})
        if len(people) != len(bodies) or start < resp.sent.start - 1:
            continue
        lo, hi = doc[start + 1].idx, resp.idx + len(resp.text)
        hi = max(hi, doc[j - 1].idx + len(doc[j - 1].text)) if j > resp.i + 1 else hi
        for person, body in zip(people, bodies, strict=True):
            add(person, post, body, lo, hi)

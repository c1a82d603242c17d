"""Actors: who an article is about, each once, with kind, role and affiliation.

spaCy's small model finds names but types them loosely (a city as ORG, a TV
channel as PERSON) and misses some ("the Islamic State"). News text itself
makes the type certain in a few reliable places, and those win over the model:

* the gazetteer: country names, demonyms and cities (``gazetteer``);
* honorifics and titles before a name ("Mr.", "President") make it a person;
* appositions and "called" phrases name the kind ("an Iraqi television
  channel, Al Forat"; "a group called Komala");
* capitalised names ending in an organizational word ("... Chamber of Commerce").

Mentions of one actor are merged within the article: surnames and honorific
forms join the full name they shorten, acronyms the name they abbreviate,
demonyms and "U.S."/"the United States" their country. Roles come from
appositions and titles ("Iran's president, Masoud Pezeshkian" -> President of
Iran, affiliation ``iran``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefkit.extractors.gazetteer import (
    Gazetteer,
    load_gazetteer,
    normalise_name,
    slugify,
    word_set,
)
from briefkit.extractors.mentions import Mention
from briefkit.extractors.places import classify_place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from briefkit.article import Article

# Honorifics that make the next name a person's (abbreviations without the full stop).
HONORIFICS = word_set(
    "mr mrs ms miss dr sir dame gen lt col maj capt cmdr adm sgt cpl sen rep gov rev prof "
    "pres amb supt insp det"
)

# Titles that, written before a name, make it a person's and say their role.
TITLE_WORDS = word_set("""
    president prime minister chancellor premier king queen prince princess pope ayatollah
    sheikh emir judge justice senator governor mayor general secretary ambassador chairman
    chairwoman speaker commissioner chief foreign defense defence interior finance deputy
    vice state supreme leader lieutenant colonel major captain admiral sergeant sultan
    representative congressman congresswoman attorney envoy spokesman spokeswoman
    """)

# Nouns whose apposition makes a name a person's and reads as their role.
ROLE_NOUNS = word_set("""
    president minister leader chief head spokesman spokeswoman spokesperson member chairman
    chairwoman chair director secretary ambassador envoy governor mayor king queen prince
    princess emir commander general official activist analyst founder executive ceo adviser
    advisor aide lawmaker senator representative congressman congresswoman judge justice
    attorney lawyer journalist correspondent editor professor researcher scientist economist
    chancellor premier deputy candidate nominee manager owner coach player captain officer
    negotiator diplomat cleric ayatollah imam pope bishop cardinal rabbi priest author writer
    historian expert strategist consultant investor entrepreneur president-elect chairperson
    administrator commissioner inspector prosecutor spokesperson legislator politician
    businessman businesswoman banker trader farmer teacher student doctor nurse soldier
    colonel lieutenant sergeant admiral major militant fighter commentator
    producer director actor actress singer artist designer engineer pilot worker resident
    """)

# Heads whose holder leads the body they belong to ("President of Iran").
LEADER_NOUNS = word_set("""
    president leader chief head chairman chairwoman chair chancellor premier king queen emir
    governor mayor commander ceo sultan ayatollah pope founder prime
    """)

# Nouns whose apposition or "called ..." makes a name an organization's.
ORG_NOUNS = word_set("""
    group party channel company firm agency newspaper network ministry council organization
    organisation militia movement bank union committee association institute university
    broadcaster station outlet publication magazine paper daily tabloid website
    coalition alliance faction front army force forces brigade battalion regiment
    corporation conglomerate startup maker manufacturer retailer airline carrier
    charity foundation nonprofit ngo court parliament assembly legislature department
    office commission authority body federation league club team band label studio
    chamber fund tribunal service bureau lab laboratory center centre school college
    consortium cartel gang network subsidiary insurer lender automaker operator provider
    """)

# Capitalised words that end an organization's name ("... Chamber of Commerce").
ORG_NAME_HEADS = word_set("""
    Party Council Committee Ministry Bank Company Corporation Corp Inc Ltd Agency Commission
    Union Association Front Army Movement Organization Organisation University Institute
    Court Parliament Assembly Guard Guards Corps Forces Group Foundation Fund Service
    Department Office Network Chamber Commerce Federation League Authority Bureau Brigade
    Brigades Alliance Coalition Congress Senate Agency Airlines Airways Motors Holdings
    Times Post Journal News Press Tribune Herald Television Radio Broadcasting Exchange
    College School Hospital Club Society Trust Board Directorate Police Navy Command
    """)

PLACE_NOUNS = word_set("""
    city town village capital region province state district county country port area
    territory enclave island peninsula neighborhood neighbourhood suburb municipality
    """)

REGION_WORDS = word_set("region province district governorate territory area")

# Verbs and phrases that attribute speech.
SPEECH_VERBS = word_set("""
    say tell add state ask write announce explain note insist warn declare claim reply
    tweet post recall argue suggest acknowledge admit confirm deny respond comment answer
    continue conclude urge predict promise vow stress emphasize emphasise observe remark
    call describe report testify believe think agree complain caution
    """)

# Adjectives on a role that do not change which office it is.
ROLE_FILLER = word_set(
    "new current then incoming outgoing longtime veteran newly recently appointed elected "
    "own top senior"
)

PRONOUNS_PERSON = word_set("he she him her his hers")
PRONOUNS_GROUP = word_set("it its they them their")

_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
_NAME_CONNECTORS = frozenset({"of", "and", "for", "&", "the", "de", "al", "on"})
_CALLING = frozenset({"called", "named", "dubbed"})

ACTOR_KINDS = frozenset({"person", "organization", "country", "other"})
PLACE_KINDS = frozenset({"city", "region", "facility", "place"})


@dataclass
class Name:
    """One span of the article that names something, with what the text says it is."""

    start: int
    end: int
    text: str
    label: str
    kind: str = ""
    strength: int = 0  # 3 gazetteer country, 2 textual cue, 1 gazetteer place, 0 model label
    key: str = ""
    country: str | None = None  # ISO code when the name is, or is in, a known country
    demonym: bool = False


@dataclass
class Entity:
    """An actor or a place: the names of one real-world thing in the article."""

    id: str
    name: str
    kind: str
    names: list[Name] = field(default_factory=list)
    role: str | None = None
    affiliation: str | None = None
    role_evidence: str | None = None
    role_head: str | None = None
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def is_actor(self) -> bool:
        return self.kind in ACTOR_KINDS


@dataclass
class Entities:
    """Every actor and place of an article, and where each is named."""

    actors: list[Entity]
    places: list[Entity]
    mentions: list[Mention]

    def actor(self, ident: str) -> Entity | None:
        return next((a for a in self.actors if a.id == ident), None)

    def actor_mentions(self) -> list[Mention]:
        return [m for m in self.mentions if m.kind == "actor"]


def _is_capitalised(tok: Token) -> bool:
    return (tok.is_alpha and tok.text[0].isupper()) or tok.text in {"U.S.", "U.K.", "U.N.", "E.U."}


def _is_honorific(tok: Token) -> bool:
    return tok.text.rstrip(".").lower() in HONORIFICS and tok.text[0].isupper()


def _model_names(doc: Doc) -> list[Name]:
    return [
        Name(e.start_char, e.end_char, e.text, e.label_)
        for e in doc.ents
        if e.label_ in _NAME_LABELS
    ]


def _organization_names(doc: Doc) -> list[Name]:
    """Capitalised sequences ending in an organizational word, which the model often splits."""
    norp = {t.i for e in doc.ents if e.label_ == "NORP" for t in e}
    out: list[Name] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        # A name starts on a proper noun: "Both the Irving School District" starts at Irving.
        if not _is_capitalised(tok) or tok.tag_ not in {"NNP", "NNPS"}:
            i += 1
            continue
        j = i
        while j + 1 < len(doc):
            nxt = doc[j + 1]
            if "\n" in doc[j].whitespace_ or "\n" in nxt.text:
                break  # names do not run over a line break
            if _is_capitalised(nxt) and not nxt.is_sent_start:
                j += 1
            elif (
                nxt.lower_ in _NAME_CONNECTORS
                and (nxt.lower_ != "the" or doc[j].lower_ == "of")
                and j + 2 < len(doc)
                and _is_capitalised(doc[j + 2])
            ):
                j += 2
            else:
                break
        words = doc[i : j + 1]
        heads = [t for t in words if t.text in ORG_NAME_HEADS and t.i > i]
        # "Islamic State": a state word only makes an organization after a creed or people.
        if not heads and words[-1].text == "State" and words[-1].i - 1 in norp:
            heads = [words[-1]]
        if heads and len(words) >= 2:
            end = max(h.i for h in heads)
            # "Iran and Iraq Joint Chamber of Commerce": keep the "of ..." tail.
            span = doc[i : j + 1] if words[-1].text[0].isupper() else doc[i : end + 1]
            out.append(Name(span.start_char, span.end_char, span.text, "ORG", "organization", 2))
        i = j + 1
    return out


def _called_names(doc: Doc) -> list[Name]:
    """'a group called Komala': the noun before 'called' says what the name is."""
    out: list[Name] = []
    for tok in doc:
        if tok.lower_ not in _CALLING or tok.i + 1 >= len(doc):
            continue
        j = tok.i + 1
        if doc[j].lower_ == "the":
            j += 1
        k = j
        while k < len(doc) and _is_capitalised(doc[k]):
            k += 1
        if k == j:
            continue
        noun = tok.head if tok.dep_ == "acl" else doc[tok.i - 1]
        kind = _kind_of_noun(noun.lemma_.lower())
        if kind:
            span = doc[j:k]
            out.append(Name(span.start_char, span.end_char, span.text, "CALLED", kind, 2))
    return out


def _kind_of_noun(lemma: str) -> str | None:
    if lemma in ORG_NOUNS:
        return "organization"
    if lemma in ROLE_NOUNS or lemma in {"man", "woman", "boy", "girl", "person"}:
        return "person"
    if lemma in PLACE_NOUNS:
        return "place"
    return None


def _merge_overrides(base: list[Name], overrides: list[Name]) -> list[Name]:
    """Our spans replace the model's where they overlap."""
    kept = [n for n in base if not any(o.start < n.end and n.start < o.end for o in overrides)]
    merged: list[Name] = []
    for o in sorted(overrides, key=lambda n: (n.start, -(n.end - n.start))):
        if not any(m.start < o.end and o.start < m.end for m in merged):
            merged.append(o)
    return sorted(kept + merged, key=lambda n: n.start)


def _with_honorific(doc: Doc, name: Name) -> Name:
    """'Mr. Pezeshkian': the honorific joins the name and makes it a person's."""
    span = doc.char_span(name.start, name.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return name
    prev = doc[span.start - 1]
    if _is_honorific(prev):
        name.start = prev.idx
        name.text = doc.text[name.start : name.end]
        name.kind, name.strength = "person", 2
    elif prev.text[0].isupper() and prev.lower_ in TITLE_WORDS and name.label != "NORP":
        name.kind, name.strength = "person", 2
    return name


def _apposition_kind(doc: Doc, name: Name) -> str | None:
    span = doc.char_span(name.start, name.end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        nouns.append(root.head)
    for noun in nouns:
        kind = _kind_of_noun(noun.lemma_.lower())
        if kind:
            return kind
    return None


def _type_name(doc: Doc, name: Name, gaz: Gazetteer) -> Name | None:
    """Decide what one name is; None for names that are not actors or places."""
    key = normalise_name(name.text)
    name.key = _strip_honorific(key)
    if name.label == "NORP":
        country = gaz.demonym(key)
        if country:
            name.kind, name.strength, name.country, name.demonym = "country", 3, country.iso, True
            return name
    country = gaz.country(key)
    if country and name.strength < 2:
        name.kind, name.strength, name.country = "country", 3, country.iso
        return name
    if name.strength < 2:
        cue = _apposition_kind(doc, name)
        if cue:
            name.kind, name.strength = cue, 2
    if name.strength >= 2 and name.kind != "place":
        return name
    place = classify_place(doc, name, gaz)
    if place is not None:
        name.kind, name.strength, name.country = place
        return name
    if name.kind:
        return name
    if name.label == "NORP":
        return None  # creeds and peoples ("Shia", "Kurdish") are not actors by themselves
    name.kind = {"PERSON": "person", "ORG": "organization"}.get(name.label, "place")
    return name


def _strip_honorific(key: str) -> str:
    parts = key.split()
    while len(parts) > 1 and parts[0].rstrip(".").lower() in HONORIFICS:
        parts = parts[1:]
    return " ".join(parts)


def read_names(doc: Doc, gaz: Gazetteer | None = None) -> list[Name]:
    """Every name in the document, typed by the strongest cue the text offers."""
    gaz = gaz or load_gazetteer()
    names = _merge_overrides(_model_names(doc), _organization_names(doc) + _called_names(doc))
    typed = []
    for name in names:
        name = _with_honorific(doc, name)
        kept = _type_name(doc, name, gaz)
        if kept is not None and kept.key:
            typed.append(kept)
    return typed


# --- merging names into entities -------------------------------------------------


def _cluster_key(name: Name) -> str:
    if name.kind == "country" and name.country:
        return f"country:{name.country}"
    return name.key.lower()


def _decide_kind(names: list[Name]) -> str:
    best = max(n.strength for n in names)
    votes = Counter(n.kind for n in names if n.strength == best)
    return votes.most_common(1)[0][0]


def _merge_short_forms(groups: dict[str, list[Name]]) -> dict[str, list[Name]]:
    """Surnames join the full name they shorten; acronyms the name they abbreviate."""
    full_people = {
        k: v for k, v in groups.items() if len(k.split()) > 1 and _decide_kind(v) == "person"
    }
    orgs = {k: v for k, v in groups.items() if _decide_kind(v) == "organization"}
    for key in list(groups):
        names = groups[key]
        kind = _decide_kind(names)
        if kind == "country":
            continue
        target = None
        if len(key.split()) == 1 and kind in {"person", "organization", "place"}:
            matches = [k for k in full_people if k.split()[-1] == key and k != key]
            if len(matches) == 1 or (matches and kind == "person"):
                target = max(matches, key=lambda k: len(full_people[k]))
        if target is None and key.isalpha() and names[0].key.isupper() and len(key) >= 2:
            matches = [k for k in orgs if _initials(orgs[k][0].key) == key.upper() and k != key]
            target = matches[0] if matches else None
        if target is not None:
            groups[target].extend(groups.pop(key))
    return groups


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


def _canonical_name(kind: str, names: list[Name], gaz: Gazetteer) -> str:
    if kind == "country":
        country = gaz.country_by_iso(names[0].country or "")
        if country:
            return country.name
    candidates = [n.key for n in names if not n.demonym]
    if not candidates:
        candidates = [n.key for n in names]
    longest = max(len(c.split()) for c in candidates)
    return Counter(c for c in candidates if len(c.split()) == longest).most_common(1)[0][0]


def build_entities(names: list[Name], gaz: Gazetteer | None = None) -> list[Entity]:
    gaz = gaz or load_gazetteer()
    groups: dict[str, list[Name]] = {}
    for name in names:
        groups.setdefault(_cluster_key(name), []).append(name)
    groups = _merge_short_forms(groups)
    entities: list[Entity] = []
    used: set[str] = set()
    for group in sorted(groups.values(), key=lambda g: min(n.start for n in g)):
        kind = _decide_kind(group)
        name = _canonical_name(kind, group, gaz)
        ident = _unique_id(_entity_id(kind, group, name, gaz), used)
        entities.append(Entity(ident, name, kind, sorted(group, key=lambda n: n.start)))
    return entities


def _entity_id(kind: str, group: list[Name], name: str, gaz: Gazetteer) -> str:
    if kind == "country":
        country = gaz.country_by_iso(group[0].country or "")
        if country:
            return country.id
    return slugify(name) or "unnamed"


def _unique_id(ident: str, used: set[str]) -> str:
    candidate, n = ident, 2
    while candidate in used:
        candidate, n = f"{ident}-{n}", n + 1
    used.add(candidate)
    return candidate


# --- roles --------------------------------------------------------------------------


@dataclass
class Role:
    text: str
    head: str
    affiliation: str | None
    start: int
    end: int


class _Index:
    """Which entity a character offset belongs to."""

    def __init__(self, entities: list[Entity]) -> None:
        self.spans = sorted(
            ((n.start, n.end, e) for e in entities for n in e.names), key=lambda s: s[0]
        )

    def at(self, start: int, end: int) -> Entity | None:
        for s, e, ent in self.spans:
            if s < end and start < e:
                return ent
        return None

    def preceding(self, offset: int, floor: int, kinds: frozenset[str]) -> Entity | None:
        best = None
        for s, e, ent in self.spans:
            if floor <= s and e <= offset and ent.kind in kinds:
                best = ent
        return best


_AFFILIATION_KINDS = frozenset({"country", "organization"})


def _token_entity(tok: Token, index: _Index) -> Entity | None:
    ent = index.at(tok.idx, tok.idx + len(tok.text))
    return ent if ent is not None and ent.kind in _AFFILIATION_KINDS else None


def _resolve_possessive(tok: Token, index: _Index, doc: Doc) -> Entity | None:
    """'its president': the nearest country or organization named before, in this
    sentence or the one before."""
    sent = tok.sent
    floor = doc[sent.start - 1].sent.start_char if sent.start > 0 else 0
    return index.preceding(tok.idx, floor, _AFFILIATION_KINDS)


def _role_nouns(span: Span) -> list[Token]:
    """Role nouns in apposition to the name, before it ("Iran's president, X") or after."""
    root = span.root
    nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        nouns.insert(0, root.head)
    return [n for n in nouns if n.lemma_.lower() in ROLE_NOUNS]


def _apposition_roles(span: Span, index: _Index, doc: Doc) -> list[Role]:
    return [_apposition_role(span, noun, index, doc) for noun in _role_nouns(span)]


def _apposition_role(span: Span, noun: Token, index: _Index, doc: Doc) -> Role:
    affiliation: Entity | None = None
    words: list[str] = []
    left = noun.i
    for child in sorted(noun.lefts, key=lambda t: t.i):
        if child.i >= span.start and child.i < span.end:
            continue
        left = min(left, child.left_edge.i)
        if child.dep_ == "poss":
            affiliation = affiliation or (
                _resolve_possessive(child, index, doc)
                if child.lower_ in PRONOUNS_GROUP
                else _token_entity(child, index)
            )
        elif child.dep_ in {"amod", "compound", "nmod"}:
            ent = _token_entity(child, index)
            if ent is not None:
                affiliation = affiliation or ent
            elif child.lower_ not in ROLE_FILLER and child.is_alpha:
                words.append(child.text)
    start = min(doc[left].idx, span.start_char)
    if affiliation is None:
        modifiers = [c.i for c in noun.lefts if c.dep_ in {"amod", "compound", "nmod"}]
        possessor = _surface_possessor(doc, min([noun.i, *modifiers]), index)
        if possessor is not None:
            affiliation, start = possessor
    words.append(noun.text)
    text = " ".join(w.capitalize() if w.islower() else w for w in words)
    text, right, pp_affiliation = _of_chain(noun, index, text)
    affiliation = affiliation or pp_affiliation
    if affiliation is not None and " of " not in text:
        text = f"{text} of {affiliation.name}"
    end = max(right, span.end_char)
    return Role(text, noun.lemma_.lower(), affiliation.id if affiliation else None, start, end)


def _surface_possessor(doc: Doc, left: int, index: _Index) -> tuple[Entity, int] | None:
    """'Hamas's political leader' when the parser attached the possessive elsewhere:
    the possessor and where its name starts."""
    if left < 2 or doc[left - 1].text not in {"’s", "'s", "’", "'"}:
        return None
    tok = doc[left - 2]
    ent = _token_entity(tok, index)
    if ent is None:
        return None
    start = next(n.start for n in ent.names if n.start <= tok.idx < n.end)
    return ent, start


def _of_chain(noun: Token, index: _Index, text: str) -> tuple[str, int, Entity | None]:
    """Follow 'of ...' after the role until it reaches an actor, which becomes the affiliation."""
    cur, right = noun, noun.idx + len(noun.text)
    for _ in range(4):
        prep = next((c for c in cur.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
        if obj is None:
            break
        ent = _token_entity(obj, index)
        if ent is not None:
            return text, obj.right_edge.idx + len(obj.right_edge.text), ent
        phrase = [t.text for t in obj.lefts if t.dep_ in {"det", "amod", "compound"}] + [obj.text]
        text = f"{text} of {' '.join(phrase)}"
        right = obj.idx + len(obj.text)
        cur = obj
    return text, right, None


def _title_role(span: Span, index: _Index, doc: Doc) -> Role | None:
    """'Russian President Vladimir Putin': capitalised titles right before the name."""
    i = span.start
    while i > span.sent.start and doc[i - 1].text[0].isupper() and doc[i - 1].lower_ in TITLE_WORDS:
        i -= 1
    if i == span.start:
        return None
    words = [t.text for t in doc[i : span.start]]
    affiliation = None
    left = i
    if i > span.sent.start:
        prev = doc[i - 1]
        if prev.text in {"’s", "'s"} and i - 2 >= 0:
            affiliation, left = _token_entity(doc[i - 2], index), i - 2
        else:
            affiliation = _token_entity(prev, index)
            left = i - 1 if affiliation else i
    text = " ".join(words)
    if affiliation is not None:
        text = f"{text} of {affiliation.name}"
    head = doc[span.start - 1].lower_
    return Role(text, head, affiliation.id if affiliation else None, doc[left].idx, span.end_char)


def assign_roles(entities: list[Entity], doc: Doc) -> None:
    """Give each person the role the text states, preferring one that names an affiliation."""
    index = _Index(entities)
    for ent in entities:
        if ent.kind != "person":
            continue
        roles: list[Role] = []
        for name in ent.names:
            span = doc.char_span(name.start, name.end, alignment_mode="expand")
            if span is None:
                continue
            found = _apposition_roles(span, index, doc)
            title = _title_role(span, index, doc)
            if title is not None:
                found.append(title)
            roles.extend(r for r in found if r.affiliation != ent.id)
        if not roles:
            continue
        best = next((r for r in roles if r.affiliation), roles[0])
        ent.role, ent.affiliation, ent.role_head = best.text, best.affiliation, best.head
        ent.role_evidence = doc.text[best.start : best.end]
        ent.extra["roles"] = roles


# --- the public step ------------------------------------------------------------------


def resolve_entities(article: Article, doc: Doc, gaz: Gazetteer | None = None) -> Entities:
    """Names -> actors and places, with roles, and every mention of each."""
    gaz = gaz or load_gazetteer()
    entities = build_entities(read_names(doc, gaz), gaz)
    assign_roles(entities, doc)
    actors = [e for e in entities if e.is_actor]
    places = [e for e in entities if not e.is_actor]
    mentions = [
        Mention(
            n.start, n.end, article.text[n.start : n.end], e.id, "actor" if e.is_actor else "place"
        )
        for e in entities
        for n in e.names
    ]
    return Entities(actors, places, sorted(mentions, key=lambda m: (m.start, m.kind)))


def _aliases(ent: Entity) -> list[str]:
    seen: dict[str, None] = {}
    for n in ent.names:
        alias = normalise_name(n.text)
        if alias and alias != ent.name and alias.lower() != ent.name.lower():
            seen.setdefault(alias, None)
    return list(seen)


def _evidence(ent: Entity, article: Article) -> str:
    """The role phrase if it sits in one sentence, else the first fullest mention."""
    if ent.role_evidence and _in_one_sentence(article, ent.role_evidence):
        return ent.role_evidence
    longest = max(ent.names, key=lambda n: (len(n.key.split()), -n.start))
    return article.text[longest.start : longest.end]


def _in_one_sentence(article: Article, span: str) -> bool:
    start = article.text.find(span)
    if start < 0:
        return False
    sent = article.sentence_at(start)
    return sent is not None and start + len(span) <= sent.end


def actor_records(entities: Entities, article: Article) -> list[dict[str, object]]:
    """Actors in the data contract's field names, in order of first mention."""
    out: list[dict[str, object]] = []
    for ent in entities.actors:
        rec: dict[str, object] = {"id": ent.id, "name": ent.name, "kind": ent.kind}
        if ent.role:
            rec["role"] = ent.role
        if ent.affiliation:
            rec["affiliation"] = ent.affiliation
        aliases = _aliases(ent)
        if aliases:
            rec["aliases"] = aliases
        rec["evidence"] = _evidence(ent, article)
        out.append(rec)
    return out


def find_actors(article: Article, doc: Doc) -> list[dict[str, object]]:
    """The article's actors, resolved from scratch (``resolve_entities`` shares the work)."""
    return actor_records(resolve_entities(article, doc), article)

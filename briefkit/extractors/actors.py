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

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from rapidfuzz.distance import OSA

from briefkit.article import Article, credit_label_end, title_like
from briefkit.extractors.bodies import company_title_names, kind_noun_names, member_body_names
from briefkit.extractors.gazetteer import (
    City,
    Country,
    Gazetteer,
    State,
    given_names,
    load_gazetteer,
    normalise_name,
    slugify,
    word_set,
)
from briefkit.extractors.mentions import Mention
from briefkit.extractors.nlp import (
    NUMBERED_WORDS,
    conjuncts,
    doc_ents,
    doc_text,
    names_a_company,
    negated_or_modal,
    tokens,
)
from briefkit.extractors.places import classify_place, facility_country
from briefkit.extractors.spans import SpanIndex
from briefkit.extractors.types import PLACE_KINDS, Entities, Entity, Name

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from spacy.tokens import Doc, Span, Token

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

# Titles no company or place is named after: a name they open is a person's.
PERSON_ONLY_TITLES = word_set("""
    spokesman spokeswoman spokesperson senator congressman congresswoman ambassador
    envoy analyst
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
    musician composer novelist poet playwright filmmaker photographer comedian dancer
    referee umpire goalkeeper defender midfielder striker forward winger
    barrister solicitor counsel campaigner councillor councilor assemblyman assemblywoman
    sheriff detective investigator chef architect physician surgeon
    curator illustrator athlete instructor lecturer scholar dean provost superintendent
    treasurer comptroller trustee magistrate pastor chaplain reverend councilman
    councilwoman councilmember alderman supervisor warden coroner lobbyist organizer
    organiser coordinator reporter columnist cfo coo cto mp mla mpp mep trumpeter drummer
    conductor bandleader songwriter firefighter paramedic plumber electrician mechanic
    principal headteacher headmaster headmistress controller clerk ombudsman presenter
    constable archbishop accountant registrar undersecretary under-secretary
    """)

# Ranks: a title of grade, not of office ("General X, chief of staff of ..."): the
# post, when the text gives one, is the role; a rank alone is none (GUIDE §2 Roles).
RANKS = word_set("""
    general lieutenant colonel major admiral sergeant corporal brigadier marshal
    gen lt col maj adm sgt cpl brig
    """)

# Offices held for a state, county or city: the place is their affiliation
# ("Kansas senator X" -> Senator of Kansas), which no other role takes from a place.
PLACE_OFFICES = word_set("""
    senator representative congressman congresswoman governor mayor attorney sheriff
    councillor councilor assemblyman assemblywoman legislator lawmaker premier
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
    broadcaster station outlet publication magazine paper daily tabloid
    coalition alliance faction front army force forces brigade battalion regiment
    corporation conglomerate startup maker manufacturer retailer airline carrier
    charity foundation nonprofit ngo court parliament assembly legislature department
    office commission authority body federation league club team band label studio
    chamber fund tribunal service bureau lab laboratory center centre school college
    consortium cartel gang network subsidiary insurer lender automaker operator provider
    division unit utility railroad railway
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
    Aircraft Aerospace Automotive Industries Enterprises Technologies Systems Electronics
    Communications Pharmaceuticals Energy Petroleum Railways Insurance Securities Capital
    Partners Studios Entertainment Records Airline LLC PLC Plc AG SA GmbH NV LLP Co
    Guild Syndicate Cooperative Co-operative Secretariat Caucus Workers
    """)
# Last words of a newspaper's or a magazine's name ("the Tulsa Gazette"), which the
# model reads as a building as often as a body. Unlike "Airlines" after "Acme", the
# word adds no other body: "Foo Magazine", then "Foo", is one outlet.
PUBLICATION_HEADS = word_set("""
    Gazette Chronicle Telegraph Inquirer Enquirer Courier Examiner Sentinel Dispatch
    Bulletin Monitor Magazine Observer
    """)
ORG_NAME_HEADS |= PUBLICATION_HEADS

# Last words of a capitalised name that make it a building or a site, a place
# ("Johnson Space Center", "Elizabeth Street", "the Museum of Flight").
FACILITY_HEADS = word_set("""
    Street Road Avenue Square Bridge Station Airport Hall Center Centre Stadium Arena
    Museum Gallery Galleries Library Tower Towers Building Palace Castle Cathedral Mosque
    Temple Hotel Memorial Highway Boulevard Plaza Base Terminal Harbour Harbor Port Dam
    Planetarium Zoo Prison Embassy Consulate Factory
    """)

# Last words that make a capitalised name a thing other than a person
# ("Nobel Peace Prize", "Lake Victoria" aside, "John Lewis Partnership").
NOT_PERSON_HEADS = FACILITY_HEADS | word_set("""
    Park Island Islands Valley River Lake Mountain Mountains Bay Beach Gardens Garden Prize
    Award Cup Trophy Lane Way Drive Camp Field Fields Church Show Festival Games
    """)

# Capitalised words that end a place's name after a place's own name ("Orange County",
# "Hyde Park"): a place label stopping before one still names a place.
PLACE_NAME_TAILS = NOT_PERSON_HEADS | word_set("""
    County City State Province District Region Heights Springs Falls Coast Hills Strait
    """)

# Nouns whose apposition or "called ..." makes a name a thing's, an actor of kind
# ``other`` (GUIDE §2 rule 8): works and products ("the 1969 film Foo", "a feature
# called Foo", "two sedans, the Foo and the Bar"). Ships are left out: a ship is
# often only where something happens, a place.
THING_NOUNS = word_set("""
    film movie documentary series sitcom show programme program novel book memoir album
    song game videogame comic opera musical painting software browser app application
    feature tool platform console device gadget phone smartphone handset laptop notebook
    tablet computer sedan car truck vehicle minivan suv aircraft airliner jetliner plane
    satellite rocket spacecraft telescope system website wiki blog journal
    """)

# Verbs whose object is a product, not an agent: "Acme will release Foo", "users
# can download Foo". Names the model reads as a person's are left to it ("Iran
# released Jane Roe").
PRODUCT_VERBS = word_set("""
    release unveil launch introduce download install upgrade ship discontinue debut
    """)

PLACE_NOUNS = word_set("""
    city town village capital region province state district county country port area
    territory enclave island peninsula neighborhood neighbourhood suburb municipality
    """)

REGION_WORDS = word_set("region province district governorate territory area")

# Nouns that make a name next to them a product's: "the Foo Bar laptops", "web
# browser Foo", "Foo, the new version of ...". Products and market indices are
# kept as actors of kind ``other``, so the build's mention finder reads "Acme
# X200" as the product, not as a mention of the company Acme (news annotation
# schemes, OntoNotes' and MEANTIME's among them, take a maker's name inside a
# product's name as part of that name).
PRODUCT_NOUNS = word_set("""
    laptop notebook computer desktop phone smartphone handset tablet device gadget
    software browser app application player console processor chip aircraft airliner
    jetliner jet plane superjumbo car sedan vehicle truck suv minivan version release
    """)

# Verbs and phrases that attribute speech.
SPEECH_VERBS = word_set("""
    say tell add state ask write announce explain note insist warn declare claim reply
    tweet post recall argue suggest acknowledge admit confirm deny respond comment answer
    continue conclude urge predict promise vow stress emphasize emphasise observe remark
    call describe report testify believe think agree complain caution
    """)

# Adjectives on a role that do not change which office it is.
ROLE_FILLER = word_set(
    "new current then incoming outgoing longtime longstanding veteran newly recently appointed "
    "elected own top senior"
)

PRONOUNS_PERSON = word_set("he she him her his hers")
PRONOUNS_GROUP = word_set("it its they them their")

_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
_NAME_CONNECTORS = frozenset({"of", "and", "for", "&", "the", "de", "al", "on"})
_CALLING = frozenset({"called", "named", "dubbed"})
_WHEN = frozenset({"DATE", "TIME"})


_ENTS_BY_KEY = "briefkit_ents_by_key"


def ents_named(doc: Doc, key: str) -> list[Span]:
    """The model's entities whose lookup key (``normalise_name``) is ``key``, in text
    order. Built once per ``Doc``: the checks that ask it run once per name, and
    scanning every entity for each made them cost names times entities."""
    index: dict[str, list[Span]] | None = doc.user_data.get(_ENTS_BY_KEY)
    if index is None:
        index = doc.user_data[_ENTS_BY_KEY] = {}
        for ent in doc_ents(doc):
            index.setdefault(normalise_name(ent.text), []).append(ent)
    return index.get(key, [])


# Abbreviations written with points that stand for a capitalised name.
_POINTED_NAMES = frozenset({"U.S.", "U.K.", "U.N.", "E.U."})


def _is_capitalised(tok: Token) -> bool:
    return (tok.is_alpha and tok.text[0].isupper()) or tok.text in _POINTED_NAMES


def _is_honorific(tok: Token) -> bool:
    return tok.text.rstrip(".").lower() in HONORIFICS and tok.text[0].isupper()


# Words that open a post before its role noun, besides titles ("Senior Analyst").
_TITLE_OPENERS = word_set("senior executive managing associate assistant principal lead")
_POST_OPENERS = TITLE_WORDS | _TITLE_OPENERS
# Words of an office written after the body's name ("White House Press Secretary").
_OFFICE_WORDS = TITLE_WORDS | ROLE_NOUNS | _TITLE_OPENERS | word_set("press officer operating")
# The last word of such an office: a post a person holds ("State" is not one).
_OFFICE_HEADS = (TITLE_WORDS & ROLE_NOUNS) - word_set("general major")
# "Adam Air Flight 574": a flight is an event; the airline flies it.
_FLIGHT = re.compile(r"^(?P<airline>.+?) Flight(?P<number> \d+\w*)?$")


def _model_names(doc: Doc) -> list[Name]:
    out = []
    lower = _lower_words(doc)
    names = {e.text for e in doc_ents(doc) if e.label_ in _NAME_LABELS}
    absorbed: set[int] = set()  # starts of body names a person's name took in
    proper = {t.text for t in tokens(doc) if t.tag_ in {"NNP", "NNPS"}}
    for ent in doc_ents(doc):
        label = ent.label_
        counting = _counting_noun(ent)
        if (
            counting is not None
            and counting[0].lemma_.lower() in PRODUCT_NOUNS
            and not _agent_anywhere(doc, normalise_name(ent.text))
        ):
            # "two sedans, the Camry and Corolla": things, whatever the model took them for
            parts = _counted_parts(ent, counting[1])
            out.extend(Name(p.start_char, p.end_char, p.text, "PRODUCT", "other", 2) for p in parts)
            continue
        if label == "PRODUCT" and _agent_anywhere(doc, normalise_name(ent.text)):
            # "Maersk said", "Maersk declined to comment": the small model calls an
            # unfamiliar company a product; a thing neither speaks nor hires.
            label = "ORG"
        if label not in _NAME_LABELS or _place_inside_name(ent):
            continue
        if _adjective_read_as_body(ent, proper):
            continue
        e = _without_epithet(
            _with_product_tail(
                _with_compound_tail(
                    _with_compound_head(
                        _with_given_name(_with_hyphen_tail(ent, lower), label), label
                    ),
                    label,
                )
            ),
            label,
            lower,
            names,
        )
        e = _without_prefix(e) if e is not None else None
        e = _after_inner_article(e) if e is not None else None
        e = _without_stray_marks(e) if e is not None else None
        if e is None:
            continue
        *owners, e = _possessor_apart(e)
        *firsts, e = _repeated_word_parts(e)
        out.extend(Name(f.start_char, f.end_char, f.text, label) for f in owners + firsts)
        # "two carmakers, the Solace and Tempest": that many bodies
        *counted, e = _counted_parts(e, counting[1]) if counting is not None else [e]
        out.extend(Name(f.start_char, f.end_char, f.text, label) for f in counted)
        if e.start < ent.start and doc[e.start].ent_type_ == "ORG":
            label = "ORG"  # "Lockheed Martin": the body's word takes the person's in
            absorbed.add(e.start_char)
        # A heading or a caption ends at its line: a name never runs over a line break.
        text = e.text.split("\n", 1)[0].rstrip()
        # A name has a capital somewhere ("iPod"); "antenna" or "healthcare" is a noun
        # the small model mislabelled.
        if not text or not any(c.isupper() for c in text):
            continue
        flight = _FLIGHT.match(text)
        numbered = flight is not None and (
            flight["number"] or (e.end < len(doc) and doc[e.end].like_num)
        )
        if flight is not None and numbered:
            text = flight["airline"]
            out.append(Name(e.start_char, e.start_char + len(text), text, "ORG", "organization", 2))
            continue
        if label in {"ORG", "FAC", "GPE"}:
            text = _without_office(e, text)
        # "Sweden 1 – 0 Korea Republic": the model takes a side's goals into its name.
        last = text.rsplit(" ", 1)
        if len(last) == 2 and last[1].isdigit() and load_gazetteer().country(last[0]):
            text = last[0]
        out.append(Name(e.start_char, e.start_char + len(text), text, label))
    return [n for n in out if not (n.start in absorbed and n.label == "ORG" and " " not in n.text)]


# "Renault Samsung Motors of Korea": a company's name is whole before "of" when it
# ends in one of these; "Bank of Korea", "Royal Bank of Scotland" are names through it.
_COMPANY_ENDINGS = re.compile(
    r"^(?P<body>.+\s(?:Motors|Corporation|Corp\.?|Inc\.?|Group|Airlines|Airways|Holdings"
    r"|Company|Industries|Electronics))\s+of\s+(?P<country>[A-Z][\w .]+)$"
)


def _apart_from_its_country(doc: Doc, name: Name, gaz: Gazetteer) -> list[Name]:
    """'Renault Samsung Motors of Korea': the company, and the place it is of (one the
    gazetteer knows, or the model reads as a place elsewhere in the text)."""
    m = _COMPANY_ENDINGS.match(name.text)
    if m is None or name.label != "ORG":
        return [name]
    place = m["country"]
    known = gaz.country(place) or gaz.state(place) or gaz.city(place, primary_only=True)
    if known is None and not any(
        e.label_ in {"GPE", "LOC"} and e.text == place for e in ents_named(doc, place)
    ):
        return [name]
    start = name.start + m.start("country")
    return [
        Name(name.start, name.start + m.end("body"), m["body"], "ORG"),
        Name(start, start + len(place), place, "GPE"),
    ]


def _apart_at_a_stop(doc: Doc, name: Name) -> list[Name]:
    """ "in the U.S. Jobs also noted": the abbreviation's point ended the sentence; the
    country is one name, the next sentence's subject another."""
    span = doc.char_span(name.start, name.end, alignment_mode="expand")
    stop = _stop_inside(span) if span is not None else None
    if stop is None or span is None:
        return [name]
    rest = doc[stop.i + 1 : span.end]
    label = "PERSON" if len(rest) == 1 and persons_surname(doc, rest.text) else name.label
    return [
        Name(stop.idx, stop.idx + len(stop.text), stop.text, "GPE"),
        Name(rest.start_char, rest.end_char, rest.text, label),
    ]


def _stop_inside(ent: Span) -> Token | None:
    """The country abbreviation inside a name whose point also ends a sentence the
    parse ran on: "in the U.S. Jobs also noted", "fell in the U.S. Deutsche Bank said".
    The name is followed by a verb the parse joined to an earlier one with no "and"
    and no subject of its own, or gave a subject elsewhere while the name is a
    preposition's object: the next sentence's verb, the rest of the name its subject."""
    doc = ent.doc
    abbr = next((t for t in ent[:-1] if t.text in _POINTED_NAMES), None)
    if abbr is None or abbr.i + 1 >= ent.end or not doc[abbr.i + 1].is_title:
        return None
    i = ent.end
    while i < len(doc) and doc[i].pos_ == "ADV":
        i += 1
    if i >= len(doc) or doc[i].tag_ not in {"VBD", "VBZ", "VBP"}:
        return None
    verb = doc[i]
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if any(ent.start <= c.i < ent.end for c in subjects):
        return None  # "The U.S. Treasury said": the name is the verb's own subject
    joined = (
        verb.dep_ == "conj"
        and not subjects
        and not any(t.dep_ == "cc" for t in doc[verb.head.i + 1 : verb.i])
    )
    # Or a preposition's object runs straight into a finite verb: "browsing in the U.S.
    # Jobs also noted", "fell in the U.S. Deutsche Bank said".
    return abbr if joined or ent.root.dep_ == "pobj" else None


def persons_surname(doc: Doc, word: str) -> bool:
    """``word`` is the last of a person's name in full the model read in ``doc``: the
    surname news calls them by after."""
    return any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == word for e in doc_ents(doc))


_ADJECTIVE_ENDINGS = ("ive", "al", "ic", "ous", "ary", "ful", "less", "able", "ible")


def _adjective_read_as_body(ent: Span, proper: set[str]) -> bool:
    """'according to Automotive analyst X': one capitalised word the tagger reads as an
    adjective on a common noun, never written as a proper noun, is no organization."""
    if ent.label_ != "ORG" or len(ent) != 1:
        return False
    tok = ent[0]
    return (
        tok.tag_ == "JJ"
        and tok.lower_.endswith(_ADJECTIVE_ENDINGS)  # not "Sikorsky helicopters"
        and tok.dep_ == "amod"
        and tok.head.i == tok.i + 1
        and tok.head.is_lower
        and tok.text not in proper
    )


def _possessor_apart(ent: Span) -> list[Span]:
    """ "Acme's Foo Pro", "Acme Computer's Foo OS": a possessive inside what the model
    read as one name ends the owner's name; what follows is the owner's thing or
    unit, a name of its own (GUIDE §2 rule 10). Only when the article also names the
    owner on its own, so names with a possessive of their own ("People's Republic of
    China", "McDonald's Corporation") stay whole."""
    doc = ent.doc
    for t in ent[1:-1]:
        if t.tag_ != "POS" or not _is_capitalised(doc[t.i + 1]):
            continue
        owner, rest = doc[ent.start : t.i], doc[t.i + 1 : ent.end]
        if owner[0].lower_ == "the":
            owner = owner[1:]
        if len(owner) and _written_alone(doc, owner.text):
            return [owner, rest]
        return [ent]
    return [ent]


def _written_alone(doc: Doc, text: str) -> bool:
    """The text names ``text`` somewhere on its own: no possessive after it, and no
    capitalised word either ("New People Party" is not "New People")."""
    pattern = rf"(?<![\w-]){re.escape(text)}(?![\w-])(?!\s*['’])(?!\s+[A-Z])"
    return re.search(pattern, doc_text(doc)) is not None


def _repeated_word_parts(ent: Span) -> list[Span]:
    """'the Foo and Foo Pro', 'Foo Mini, Foo Nano and Foo Max': a list whose items open
    with the same word is several names of one line (products, a maker's models),
    which the model reads as one; a single name does not repeat its first word after
    "and" ("Johnson & Johnson" is the exception, and it has no more words)."""
    words = ent[1:] if ent[0].lower_ == "the" else ent
    if len(words) < 4:
        return [ent]
    first = words[0]
    cuts = [
        t.i
        for t in words[1:-2]
        if t.lower_ in {"and", "&", ","} and ent.doc[t.i + 1].text == first.text
    ]
    if not cuts:
        return [ent]
    starts = [words.start] + [c + 1 for c in cuts]
    ends = [*cuts, words.end]
    parts = [ent.doc[a:b] for a, b in zip(starts, ends, strict=True)]
    # "Foo Mini, Foo Nano and": a comma before "and" leaves the "and" on the left part.
    parts = [p[:-1] if len(p) > 1 and p[-1].lower_ in {"and", "&", ","} else p for p in parts]
    return parts if all(len(p) for p in parts) else [ent]


_COUNTS = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}


def _counting_noun(ent: Span) -> tuple[Token, int] | None:
    """'two sedans, the Camry and Corolla': the plural noun a number counts, with that
    number, when the list holding the name is set beside it after a comma."""
    doc = ent.doc
    tok, hops = ent.root, 0
    while tok.dep_ in {"conj", "appos"} and tok.head.i < tok.i and hops < 4:
        tok, hops = tok.head, hops + 1
    if hops == 0 or tok.pos_ != "NOUN" or tok.tag_ != "NNS" or tok.i + 1 >= len(doc):
        return None
    counts = [_COUNTS[c.lower_] for c in tok.children if c.dep_ == "nummod" and c.lower_ in _COUNTS]
    return (tok, counts[0]) if len(counts) == 1 and doc[tok.i + 1].text == "," else None


def _counted_parts(ent: Span, count: int) -> list[Span]:
    """'the Fusion and Taurus' after "two sedans,": a list the text has just counted is
    that many names, which the model may read as one. "Procter and Gamble", counted by
    nothing, stays whole."""
    doc = ent.doc
    words = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
    cuts = [t.i for t in words if t.lower_ in {"and", "&", ","}]
    starts = [words.start] + [c + 1 for c in cuts]
    parts = [doc[a:b] for a, b in zip(starts, [*cuts, words.end], strict=True)]
    parts = [p for p in parts if len(p)]
    if len(parts) == 1 or (len(parts) == count and all(p[0].is_title for p in parts)):
        return parts
    return [ent]


_QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’", "«", "»"})


def _without_stray_marks(ent: Span) -> Span | None:
    """'a plan for "New GM"', 'the Foo Kit (SDK)': the model takes a quotation mark
    at either edge, a bracket it does not close or a last "of" into the name; the
    name is the words inside."""
    start, end = ent.start, ent.end
    while start < end and (
        ent.doc[start].text in _QUOTE_MARKS
        # 'what he called a "New GM"': an article before the mark is outside too
        or (
            ent.doc[start].lower_ in {"a", "an", "the"}
            and start + 1 < end
            and ent.doc[start + 1].text in _QUOTE_MARKS
        )
    ):
        start += 1
    # "the Office for the Southern District of", "the Bay of": a name does not end
    # in a connecting word; the model stopped short of the rest.
    doc = ent.doc
    if doc[end - 1].lower_ == "of" and end < len(doc) and doc[end].ent_iob_ == "B":
        # "the Bay of" + "Biscay": the model's next name is the rest of this one.
        nxt = next(e for e in doc_ents(doc) if e.start == end)
        if nxt.label_ in {"GPE", "LOC"} and "\n" not in doc[end - 1].whitespace_:
            end = nxt.end
    cut = False
    while end > start and (
        doc[end - 1].text in _QUOTE_MARKS or doc[end - 1].lower_ in _NAME_CONNECTORS
    ):
        cut = cut or doc[end - 1].lower_ in _NAME_CONNECTORS
        end -= 1
    if cut and len([t for t in doc[start:end] if t.lower_ != "the"]) < 2:
        return None  # "the Bay of": one word left is a head noun, not the name
    opening = [t.i for t in ent.doc[start:end] if t.text == "("]
    if opening and not any(t.text == ")" for t in ent.doc[opening[-1] : end]):
        end = opening[-1]
    if start == end:
        return None
    return ent if (start, end) == (ent.start, ent.end) else ent.doc[start:end]


def _after_inner_article(ent: Span) -> Span | None:
    """'According to Rathbun the Scientology property ...': a lower-case "the" inside
    a name the model read, not after "of", "for" or "and", opens another noun
    phrase; the name is what follows it (the words before are another mention)."""
    doc = ent.doc
    for t in ent[1:-1]:
        if t.text == "the" and doc[t.i - 1].lower_ not in _NAME_CONNECTORS:
            rest = doc[t.i + 1 : ent.end]
            return rest if all(_is_capitalised(w) for w in rest) else None
    return ent


def _lower_words(doc: Doc) -> frozenset[str]:
    """The words the article writes in lower case ("pan-democrat", "localist")."""
    return frozenset(re.findall(r"(?<![\w-])[a-z][\w'-]*", doc_text(doc)))


_HYPHEN_SUFFIXES = word_set("like based led born style type era owned run backed made class")


def _with_hyphen_tail(ent: Span, lower: frozenset[str]) -> Span:
    """'Wong Yeung-tat', 'Kim Jong-un': the model often stops a name at the hyphen. A
    tail the article also writes as a word of its own makes an adjective or a
    compound ("Warhol-like", "Polaroid-room"), not a longer name."""
    doc, end = ent.doc, ent.end
    while (
        end + 1 < len(doc)
        and not doc[end - 1].whitespace_
        and doc[end].text == "-"
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
        # a lower-case tail only in a person's name ("Yeung-tat"; not "Polaroid-room")
        and (doc[end + 1].text[0].isupper() or ent.label_ == "PERSON")
        and doc[end + 1].lower_ not in lower
        and doc[end + 1].lower_ not in _HYPHEN_SUFFIXES
    ):
        end += 2
    return doc[ent.start : end]


def _compound_tail(ent: Span) -> bool:
    """Whether the proper noun right after the name, capitalised and given no label of
    its own, is what the name's last word modifies: the rest of the name."""
    doc, last = ent.doc, ent[-1]
    if ent.end >= len(doc):
        return False
    nxt = doc[ent.end]
    return (
        last.dep_ == "compound"
        and last.head == nxt
        and nxt.tag_ in {"NNP", "NNPS"}
        and _is_capitalised(nxt)
        and not nxt.is_upper  # "Acme CEO Jane Roe": a post, not a word of the name
        and nxt.lower_ not in _OFFICE_WORDS | _PORTFOLIO_POSTS
        and not nxt.ent_type_
        and "\n" not in last.whitespace_
        and bool(last.whitespace_)
    )


def _with_compound_tail(ent: Span, label: str) -> Span:
    """'Dries Mertens' read as "Dries" alone: the proper noun the name's last word
    modifies, capitalised and given no label of its own, is the rest of the name."""
    if label not in {"PERSON", "ORG"} or not _compound_tail(ent):
        return ent
    return ent.doc[ent.start : ent.end + 1]


def _place_inside_name(ent: Span) -> bool:
    """'Nick Rhodes of Duran Duran' with only the first "Duran" read as a place: a
    place label that stops inside a longer name, whose last word ends no place's
    name ("Duran Duran", not "California Highway Patrol"), says nothing of what the
    whole is; the gazetteer's town of that name would be a guess."""
    if ent.label_ not in {"GPE", "LOC"} or not _compound_tail(ent):
        return False
    nxt = ent.doc[ent.end]
    return nxt.dep_ != "compound" and nxt.text not in PLACE_NAME_TAILS


def _with_compound_head(ent: Span, label: str) -> Span:
    """'Lockheed Martin' read as "Martin", 'Internet Explorer's' as "Explorer": a
    capitalised proper noun right before a one-word name, with no label of its own,
    that the parse binds to it as a compound is the name's first word. Titles, ranks
    and honorifics ("Senator Roe", "Coach Roe") are posts, not words of the name,
    and a given name is left to ``_with_given_name``."""
    doc = ent.doc
    if label not in {"PERSON", "ORG"} or ent.start == 0 or len(ent) != 1:
        return ent
    prev = doc[ent.start - 1]
    lower = prev.lower_.rstrip(".")
    # Opening a sentence, any capitalised word looks like a name's ("Today Apple
    # said"), and the tagger calls the word a common noun: the pair written again
    # inside a sentence shows it is one name.
    opening = prev.is_sent_start or (prev.i > 0 and doc[prev.i - 1].is_punct)
    proper = prev.tag_ == "NNP" and not opening
    if opening and prev.tag_ in {"NNP", "NN"}:
        proper = any(
            t.i != prev.i
            and t.text == prev.text
            and t.i + 1 < len(doc)
            and doc[t.i + 1].text == ent.text
            and not t.is_sent_start
            and not doc[t.i - 1].is_punct
            for t in tokens(doc)
        )
    # "Lockheed Martin": the model labels the first word a body, the second a person.
    split = prev.ent_type_ == "ORG" and prev.ent_iob_ == "B" and label == "PERSON"
    if (
        prev.dep_ == "compound"
        and prev.head.i == ent.start
        and proper
        and _is_capitalised(prev)
        and not prev.is_upper  # "BBC Smith", "CEO Roe": an acronym is a body or a post
        and prev.text.isalpha()
        and (not prev.ent_type_ or split)
        and prev.whitespace_ == " "
        and lower not in _OFFICE_WORDS | HONORIFICS | RANKS | _PORTFOLIO_POSTS
        and prev.text not in given_names()
    ):
        return doc[ent.start - 1 : ent.end]
    return ent


# Given names that are also English function words, which the tagger reads as the
# word: "married Per Solberg", "said Will Hurd", "Can Dündar". Other function words
# capitalised mid-sentence are a title's ("Voyage To Mars", "The Katherinator").
GIVEN_FUNCTION_WORDS = frozenset({"Per", "Will", "May", "Can"})


def _with_given_name(ent: Span, label: str) -> Span:
    """'singer-songwriter Jane Roe' read as "Roe" alone: a common given name right
    before a person's name, unlabelled and bound to it, is the name's first word. So is
    a given name that is also a function word, which the parse reads as the word
    ("married Per Solberg": a preposition), outside a line in title case."""
    doc = ent.doc
    if label != "PERSON" or ent.start == 0:
        return ent
    prev = doc[ent.start - 1]
    bound = prev.dep_ == "compound" and ent.start <= prev.head.i < ent.end
    worded = (
        prev.text in GIVEN_FUNCTION_WORDS
        and (bound or ent.root.head.i == prev.i)
        and not _title_case_line(doc, prev)
    )
    if (
        ((prev.text in given_names() and bound) or worded)
        and not prev.ent_type_
        and not prev.is_sent_start
        and prev.whitespace_ == " "
    ):
        return doc[ent.start - 1 : ent.end]
    return ent


def _with_product_tail(ent: Span) -> Span:
    """'the Foo OS X operating system', read as "Foo" alone: capitalised words with no
    label of their own between the name and the product noun it modifies are the
    rest of the product's name (a version, an edition)."""
    doc, end = ent.doc, ent.end
    while (
        end < len(doc)
        and end - ent.end < 3
        and doc[end].dep_ == "compound"
        and doc[end].head.i > doc[end].i
        and doc[end].text[0].isupper()
        and doc[end].text.isalnum()
        and not doc[end].ent_type_
        and doc[end - 1].whitespace_ == " "
    ):
        end += 1
    if end == ent.end or end >= len(doc):
        return ent
    head = doc[end]
    while head.dep_ == "compound" and head.head.i > head.i and head.is_lower:
        head = head.head
    noun = head.lemma_.lower()
    if head.is_lower and head.pos_ == "NOUN" and noun in PRODUCT_NOUNS | MADE_PRODUCT_NOUNS:
        return doc[ent.start : end]
    return ent


_NAME_PREFIXES = word_set("pro anti ex non post pre")


def _without_prefix(ent: Span) -> Span | None:
    """'pro-Beijing', 'anti-Pyongyang': an adjective made on a name; the name after
    the prefix is what the text names (a place, GUIDE §2 rule 2)."""
    doc = ent.doc
    first = ent[0]
    prefix = first.lower_ in _NAME_PREFIXES  # "al-Ikhbariya" keeps its particle
    if len(ent) < 3 or not prefix or ent[1].text != "-" or first.whitespace_:
        return ent
    if ent[1].whitespace_ or not _is_capitalised(ent[2]):
        return ent
    return doc[ent.start + 2 : ent.end]


def _without_epithet(
    ent: Span | None, label: str, lower: frozenset[str], names: set[str]
) -> Span | None:
    """'Nonpartisan Paul Tse', 'Pro-Beijing DAB's', 'Localist group ...': a word that
    opens a sentence is capitalised by its place only; when the article writes it in
    lower case elsewhere it is an epithet or a common word, not part of the name.

    It goes when what stays is still a name (a person's, another mention's, two
    words or more with no organizational head: "Democratic Party" keeps its
    "Democratic"); a one-word name that is such a word is none (None)."""
    if ent is None:
        return None
    doc = ent.doc
    if not ent[0].is_sent_start and not (ent.start and "\n" in doc[ent.start - 1].whitespace_):
        return ent
    k = ent.start
    while k + 2 < ent.end and doc[k + 1].text == "-" and not doc[k].whitespace_:
        k += 2  # "Pro-Beijing": one word
    first = doc[ent.start : k + 1].text
    if not first[0].isupper() or first[0].lower() + first[1:] not in lower:
        return ent
    # "South Korea", "New Zealand": a known place's name, or one the article also
    # writes mid-sentence, is a name whole, whatever "south" or "new" is elsewhere.
    gaz = load_gazetteer()
    whole = ent.text.removesuffix("'s").removesuffix("’s")
    if label == "NORP" or any(
        f(whole) for f in (gaz.country, gaz.demonym, gaz.city, gaz.world_region, gaz.state)
    ):
        return ent
    if any(
        e.text == ent.text and not e[0].is_sent_start for e in doc_ents(doc) if e.start != ent.start
    ):
        return ent
    rest = doc[k + 1 : ent.end]
    if not len(rest):
        return None
    if ent[0].lower_ == "the" or not _is_capitalised(rest[0]):
        return ent  # "Bank of America": the word is the name's head, not an epithet
    rest_text = rest.text.removesuffix("'s").removesuffix("’s")
    if (
        label == "PERSON"
        or rest_text in names
        or (len(rest) >= 2 and not any(t.text in ORG_NAME_HEADS for t in rest))
    ):
        return rest
    return ent


def _without_office(ent: Span, text: str) -> str:
    """'White House Press Secretary' -> 'White House': an office named after its body
    is a person's post, not a body; the body keeps its name."""
    words = [t for t in ent if t.idx < ent.start_char + len(text)]
    if len(words) < 2 or words[-1].lower_ not in _OFFICE_HEADS:
        return text
    k = len(words)
    while k > 1 and words[k - 1].lower_ in _OFFICE_WORDS:
        k -= 1
    if k == len(words) or not words[k - 1].text[0].isupper():
        return text
    return text[: words[k - 1].idx + len(words[k - 1].text) - ent.start_char]


def _organization_names(doc: Doc) -> list[Name]:
    """Capitalised sequences ending in an organizational word, which the model often splits."""
    norp = {t.i for e in doc_ents(doc) if e.label_ == "NORP" for t in e}
    out: list[Name] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        # A name starts on a proper noun: "Both the Irving School District" starts at Irving.
        if not _is_capitalised(tok) or tok.tag_ not in {"NNP", "NNPS"}:
            i += 1
            continue
        # "Best Buy and Radio Shack": a run that starts inside a name the model read
        # starts where that name does ("Best" was tagged an adjective).
        first, at = i, i
        while (
            first > 0
            and doc[first].ent_iob_ == "I"
            and not doc[first].is_sent_start
            and _is_capitalised(doc[first - 1])
        ):
            first -= 1
        if first < i and doc[first].ent_iob_ == "B" and "\n" not in doc[first:i].text_with_ws:
            i = first
        j = i
        while j + 1 < len(doc):
            nxt = doc[j + 1]
            if "\n" in doc[j].whitespace_ or "\n" in nxt.text:
                break  # names do not run over a line break
            if _is_capitalised(nxt) and not nxt.is_sent_start and nxt.ent_type_ not in _WHEN:
                j += 1
            elif (
                nxt.lower_ in _NAME_CONNECTORS
                and (nxt.lower_ != "the" or doc[j].lower_ in {"of", "for"})
                and j + 2 < len(doc)
                and _is_capitalised(doc[j + 2])
                # "the Supreme Court of Cassation on July 8": a date is no part of a name
                and doc[j + 2].ent_type_ not in _WHEN
            ):
                j += 2
            elif (
                # "Federal Service for the Financial Markets", "Bank of the Foo Islands":
                # only after a body's head word ("Jane Roe of the Foo Party" is two names)
                doc[j].text in ORG_NAME_HEADS
                and nxt.lower_ in {"of", "for"}
                and j + 3 < len(doc)
                and doc[j + 2].lower_ == "the"
                and _is_capitalised(doc[j + 3])
                # "Foo State University of the US": a country after it is where it is
                and doc[j + 3].ent_type_ not in {"GPE", "NORP"}
                and not doc[j + 3].is_sent_start
                and doc[j + 3].ent_type_ not in _WHEN
                and "\n" not in doc[j : j + 4].text
            ):
                j += 3
            else:
                break
        # "White House Press Secretary": an office; "Court of Justice", "Office of the
        # President": after "of" the word is what the body is of, part of its name.
        after_of = doc[j - 1].lower_ in {"of", "for"} or (
            j - 2 > i and doc[j - 1].lower_ == "the" and doc[j - 2].lower_ in {"of", "for"}
        )
        if j > i and doc[j].lower_ in _OFFICE_HEADS and not after_of:
            while j > i and doc[j].lower_ in _OFFICE_WORDS:
                j -= 1
        i = _after_office_of(doc, _after_person_of(doc, i, j), j)
        words = doc[i : j + 1]
        # "White House Press Secretary X": a head that an office follows is the post's
        # own word ("press secretary"), not where a body's name ends.
        heads = [
            t for t in words
            if t.text in ORG_NAME_HEADS and t.i > i
            and not (t.lower_ in _OFFICE_WORDS and t.i < j and doc[t.i + 1].lower_ in _OFFICE_HEADS)
        ]  # fmt: skip
        # "Chrysler LLC Jim Press": a head word after a given name that follows the
        # body's own head is a person's surname.
        while (
            len(heads) >= 2
            and heads[-1].i - 2 >= heads[-2].i
            and doc[heads[-1].i - 1].text in given_names()
            and heads[-1].i - 2 == heads[-2].i
        ):
            heads.pop()
        # "Islamic State": a state word only makes an organization after a creed or people.
        if not heads and words[-1].text == "State" and words[-1].i - 1 in norp:
            heads = [words[-1]]
        personal = len(words) == 2 and words[0].text in given_names()  # "Jim Press"
        # "the Straits Times Index": a market index named after a body is no body.
        index = words[-1].text in _INDEX_HEADS
        if heads and len(words) >= 2 and not personal and not index:
            end = max(h.i for h in heads)
            # "Iran and Iraq Joint Chamber of Commerce": keep the "of ..." tail.
            span = doc[i : j + 1] if words[-1].text[0].isupper() else doc[i : end + 1]
            person = _person_after(doc, end + 1, j + 1)
            if person is not None:  # "Chrysler LLC Jim Press", "Acme Inc CEO Jane Roe"
                span = doc[i : end + 1]
                out.append(person)
            for part in _conjoined(span):
                out.append(
                    Name(part.start_char, part.end_char, part.text, "ORG", "organization", 2)
                )
        i = max(j, at) + 1  # always past where this run was found: no loop
    return out


def _after_person_of(doc: Doc, i: int, j: int) -> int:
    """'Alvin Yeung of Civic Party': a person's name before "of" is not the body's;
    the body starts after it. "Bank of England", "Church of Scientology" keep theirs."""
    of = next((t.i for t in doc[i : j + 1] if t.lower_ == "of"), None)
    if of is None or of - i < 2:
        return i
    before = doc[i:of]
    if any(t.text in ORG_NAME_HEADS or t.text in NOT_PERSON_HEADS for t in before):
        return i
    if not (all(t.ent_type_ == "PERSON" for t in before) or before[0].text in given_names()):
        return i
    k = of + 1
    if k <= j and doc[k].lower_ == "the":
        k += 1
    return k if k <= j else i


def _after_office_of(doc: Doc, i: int, j: int) -> int:
    """'Chairman and Chief Operating Officer of AirTran Airways', 'Secretary of the
    Foo Board': capitalised office words before "of" are a person's post, not the
    body's name; the body starts after "of". Only when every word before "of" is an
    office's word or a conjunction, so "Bank of America" and "Court of Appeal" keep
    their head."""
    of = next((t.i for t in doc[i : j + 1] if t.lower_ == "of"), None)
    if of is None or of == i:
        return i
    before = doc[i:of]
    last = before[-1].lower_
    # The last word before "of" must be a post a person holds ("Chief Operating
    # Officer of", "Secretary of"), not a body's own word ("Department of").
    office = all(t.lower_ in _OFFICE_WORDS or t.lower_ in {"and", "&"} for t in before) and (
        last in _OFFICE_HEADS | word_set("officer director executive")
    )
    # After a title word any role noun is one ("Chief Economist of", "Senior Analyst
    # of"); alone, a role noun may be an office's own name ("Director of Public
    # Prosecutions"), and a portfolio's post runs on past the body ("Assistant
    # Secretary of the Air Force for Acquisition").
    titled = (
        len(before) >= 2
        and all(t.lower_ in _OFFICE_WORDS for t in before)  # openers included
        and before[-2].lower_ in _POST_OPENERS
        and last in ROLE_NOUNS
        and last not in _PORTFOLIO_POSTS
    )
    if not (office or titled):
        return i
    k = of + 1
    if k <= j and doc[k].lower_ == "the":
        k += 1
    return k if k <= j else i


def _person_after(doc: Doc, start: int, end: int) -> Name | None:
    """A person named right after an organization's name, the model reading both as
    one: titles ("CEO") or a common given name open the person's part."""
    k = start
    while k < end and (doc[k].lower_ in TITLE_WORDS or doc[k].lower_ in ROLE_NOUNS):
        k += 1
    rest = doc[k:end]
    # "the Refugee Council Enver Solomon": a given name or the model's own person
    if len(rest) < 2:
        return None
    personal = rest[0].text in given_names() or rest[-1].ent_type_ == "PERSON"
    if k == start and not personal:
        return None
    # "Jim Press": a given name and one more word is a person's name whatever that word.
    pair = len(rest) == 2 and rest[0].text in given_names()
    if any((t.text in ORG_NAME_HEADS and not pair) or not _is_capitalised(t) for t in rest):
        return None
    # "Karine Jean-Pierre": the run stopped at a hyphen the model's own name runs over.
    own = next(
        (e for e in doc_ents(doc) if e.label_ == "PERSON" and e.start <= rest.end - 1 < e.end), None
    )
    if own is not None and own.end > rest.end:
        rest = doc[rest.start : own.end]
    return Name(rest.start_char, rest.end_char, rest.text, "PERSON", "person", 2)


def _conjoined(span: Span) -> list[Span]:
    """'Shanghai Airlines and Xiamen Airlines': two names, when each side ends in an
    organizational word; 'Iran and Iraq Joint Chamber of Commerce' stays one."""
    for t in span:
        if t.lower_ not in {"and", "&"} or t.i == span.start or t.i + 1 >= span.end:
            continue
        left, right = span.doc[span.start : t.i], span.doc[t.i + 1 : span.end]
        # "Subaru and South Korean Hyundai Motor Company": a country or demonym opening
        # the right side says where the second body is from; two bodies, not one.
        after = _after_country(span.doc, right.start, right.end)
        # ("Iran and Iraq Joint Chamber": two countries share one body.)
        shared = _after_country(span.doc, left.start, left.end + 1) == left.end
        if after > right.start and not shared and _ends_like_a_body(span.doc[after : right.end]):
            return [left, span.doc[after : right.end]]
        # "Securities and Exchange Commission": a head word alone is no name of its own.
        named = any(w.text not in ORG_NAME_HEADS for w in left)
        if left[-1].text in ORG_NAME_HEADS and named:
            # "VTB Group and Gazprombank", "the Labour Party and Frederick Fung": a
            # complete name on the left; the right is another name, a body only if it
            # ends like one (else the model's reading of it stands).
            heads = [w for w in right if w.text in ORG_NAME_HEADS and w.i > right.start]
            return [left, *(_conjoined(right) if heads else [])]
        if _model_parts(t):
            # "Toyota and General Motors", "the Foo Institute of Bar and Baz State
            # University": the model read two names either side of the "and" (one
            # name such as "Department of Health and Human Services" it reads whole).
            # A side that does not end like a body keeps the model's own reading.
            parts = [left] if _ends_like_a_body(left) else []
            return parts + (_conjoined(right) if _ends_like_a_body(right) else [])
    return [span]


def _model_parts(conj: Token) -> bool:
    """The model's organizations end right before the conjunction and start right
    after it. A country or a place before it is a shared modifier ("Iran and Iraq
    Joint Chamber of Commerce": one body of both countries)."""
    doc = conj.doc
    before, after = doc[conj.i - 1], doc[conj.i + 1]
    # "Best Buy and Radio Shack": one side the model reads as a person's name and the
    # other as a body's is two names as well.
    named = {before.ent_type_, after.ent_type_}
    return (
        not conj.ent_type_
        and "ORG" in named
        and named <= {"ORG", "PERSON"}
        and after.ent_iob_ == "B"
    )


def _ends_like_a_body(span: Span) -> bool:
    """'Foo Bank', 'Foo Institute of Bar': a head word past the first."""
    return any(w.text in ORG_NAME_HEADS and w.i > span.start for w in span)


# Capitalised words that a number after them makes a numbered thing of its own kind,
# not a product's model ("Flight 447", "Chapter 11", "May 2009").
_NUMBERED_WORDS = NUMBERED_WORDS | word_set("""
    Week Day Year Game Round
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    """)
_MODEL_TOKEN = re.compile(r"^(?:[A-Z]{0,3}\d{3,4}(?:-\d{2,4}[A-Z]{0,3})?[A-Z]{0,3}s?|\d[a-z]\d)$")


def _product_names(doc: Doc) -> list[Name]:
    """'the Acme X200', 'an Acme 737-800', 'the 787 Superliner': a model designation
    with a capitalised name before or after it is a product's name.

    The maker's name before the model is part of the product's name, so the
    product, not the company, owns those words.
    """
    out: list[Name] = []
    lower = _lower_words(doc)
    for tok in tokens(doc):
        if not _MODEL_TOKEN.match(tok.text) or not tok.text[0].isalnum():
            continue
        if tok.text.isdecimal() and 1800 <= int(tok.text) <= 2100:
            continue  # a year
        start = end = tok.i
        while (
            start > 0
            and _product_word(doc[start - 1])
            and "\n" not in doc[start - 1].whitespace_
            and not _opening_word(doc[start - 1], lower)
        ):
            start -= 1
        # "777-200": the model's variant, which the tokenizer splits at the hyphen.
        while (
            end + 2 < len(doc)
            and doc[end + 1].text == "-"
            and not doc[end].whitespace_
            and not doc[end + 1].whitespace_
            and any(c.isdigit() for c in doc[end + 2].text)
        ):
            end += 2
        while (
            end + 1 < len(doc)
            and _is_capitalised(doc[end + 1])
            and not doc[end + 1].is_sent_start
            and "\n" not in doc[end].whitespace_
        ):
            end += 1
        if start == end or (start < tok.i and doc[tok.i - 1].text in _NUMBERED_WORDS):
            continue
        after = doc[end + 1] if end + 1 < len(doc) else None
        if (
            (end == tok.i or (tok.text.isdigit() and start == tok.i))
            and after is not None
            and after.pos_ == "NOUN"
            and after.is_lower
            and after.lemma_.lower() not in PRODUCT_NOUNS
        ):
            continue  # "Acme 150 jobs", "500 Acme engineers": a count of something else
        span = doc[start : end + 1]
        out.append(Name(span.start_char, span.end_char, span.text, "PRODUCT", "other", 2))
    return (
        out + _camel_case_names(doc) + _maker_model_names(doc) + _index_names(doc)
        + _moving_names(doc)
    )  # fmt: skip


# "iPhone", "iOS", "webOS", "iLife": a word opening in lower case with a capital inside
# is a brand's coinage, which the small model often leaves unread or calls a noun.
_CAMEL_CASE = re.compile(r"^[a-z]{1,4}[A-Z][A-Za-z]*$")
# A version after it: "iPhone 4", "iPad 2", "iLife '11".
_SMALL_VERSION = re.compile(r"^(?:\d{1,2}|'\d\d|\d[A-Z]{1,3})$")


def _camel_case_names(doc: Doc) -> list[Name]:
    """Coined names in camel case, with a version number after them: products' names
    (a company so named is one where it acts: ``_agent_anywhere``)."""
    out: list[Name] = []
    for tok in tokens(doc):
        if not _CAMEL_CASE.match(tok.text) or tok.ent_type_ in {"ORG", "PERSON", "GPE"}:
            continue
        end = tok.i + 1
        if (
            end + 1 < len(doc)
            and doc[end].text in {"'", "’"}
            and not doc[end].whitespace_
            and re.fullmatch(r"\d\d", doc[end + 1].text)
        ):
            end += 2  # "iLife '11": the tokenizer parts the apostrophe from the year
        elif end < len(doc) and _SMALL_VERSION.match(doc[end].text) and tok.whitespace_:
            end += 1
            # "iPhone 3G": the tokenizer splits a version's letters off its number
            while end < len(doc) and not doc[end - 1].whitespace_ and doc[end].is_upper:
                end += 1
        # "iTunes Store": a capitalised word after it goes on with the name
        while (
            end < len(doc)
            and doc[end].tag_ == "NNP"
            and _is_capitalised(doc[end])
            and (doc[end - 1].whitespace_ and "\n" not in doc[end - 1].whitespace_)
        ):
            end += 1
        span = doc[tok.i : end]
        out.append(Name(span.start_char, span.end_char, span.text, "PRODUCT", "other", 2))
    return out


# Verbs whose object, named by its maker, is a product: "manufactures the Ford Explorer".
_MAKE_VERBS = word_set("make manufacture produce build assemble sell launch unveil discontinue")


def _maker_model_names(doc: Doc) -> list[Name]:
    """'the Ford Explorer', 'the Ford Taurus sedan': a company's name the model read,
    then a capitalised model name it read as nothing or as a product, where a product's
    noun follows or a verb of making takes the whole as its object. The maker's words
    are the product's name, as with a model number."""
    out: list[Name] = []
    makers = [e for e in doc_ents(doc) if e.label_ == "ORG"]
    # A maker the model read elsewhere only: "manufactures the Ford Explorer. Ford said"
    one_word = {e.text for e in makers if len(e) == 1}
    makers += [doc[t.i : t.i + 1] for t in tokens(doc) if t.text in one_word and not t.ent_type_]
    for ent in makers:
        end = ent.end
        while (
            end < len(doc)
            and doc[end].tag_ in {"NNP", "NNPS"}
            and _is_capitalised(doc[end])
            and doc[end].ent_type_ in {"", "PRODUCT"}
            and "\n" not in doc[end - 1].whitespace_
        ):
            end += 1
        if end == ent.end or end - ent.end > 3:
            continue
        head = doc[end - 1]
        if not (ent.start <= ent[-1].head.i < end or ent[-1].head.i == end):
            continue  # the maker's words must modify the model's
        after = doc[end] if end < len(doc) else None
        product_noun = after is not None and after.is_lower and after.lemma_ in PRODUCT_NOUNS
        made = head.dep_ == "dobj" and head.head.lemma_.lower() in _MAKE_VERBS
        if product_noun or made:
            span = doc[ent.start : end]
            if span[0].lower_ == "the":
                span = span[1:]
            out.append(Name(span.start_char, span.end_char, span.text, "PRODUCT", "other", 2))
    return out


_INDEX_HEADS = word_set("Average Index Composite")
_NAME_NUMBER = re.compile(r"[A-Z][A-Za-z]*-\d+")
# What a market index does in a day: "the Dax rose 2.8%", "the DAX was 6.62% lower".
_MOVE_VERBS = word_set("""
    rise fall gain lose drop climb slide slip jump surge plunge tumble sink soar rally
    decline dip advance retreat edge close end finish open shed add
    """)
_MOVE_WORDS = word_set("higher lower up down")


def _moving_names(doc: Doc) -> list[Name]:
    """'the Dax was 5.06% higher', 'the Hang Seng fell 2.3 percent': a name the model
    left unlabelled that is the subject of a day's move by a percentage or by points is
    a market index. A name the model reads as a body ("Toyota fell 3%") is its shares'
    owner, typed as the model reads it."""
    out: list[Name] = []
    for tok in tokens(doc):
        if tok.pos_ != "PROPN" or tok.ent_type_ or tok.dep_ != "nsubj" or not tok.text[0].isupper():
            continue
        if tok.lower_ in {"it", "i"} or not tok.text.isalpha():
            continue
        verb = tok.head
        lemma = verb.lemma_.lower()
        after = [t for t in verb.subtree if t.i > tok.i]
        moved = lemma in _MOVE_VERBS or (
            lemma == "be" and any(t.lower_ in _MOVE_WORDS and t.head == verb for t in after)
        )
        by = any(t.ent_type_ == "PERCENT" or _counted_points(t) for t in after)
        if not (moved and by):
            continue
        start = tok.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN":
            start -= 1
        if any(t.ent_type_ for t in doc[start : tok.i]):
            continue
        span = doc[start : tok.i + 1]
        out.append(Name(span.start_char, span.end_char, span.text, "INDEX", "other", 2))
    return out


def _after_country(doc: Doc, start: int, end: int) -> int:
    """Where a name starts once a leading country name or demonym is left out."""
    gaz = load_gazetteer()
    for k in (3, 2, 1):
        if start + k < end:
            words = doc[start : start + k].text
            if gaz.country(words) is not None or gaz.demonym(words) is not None:
                return start + k
    return start


def _index_names(doc: Doc) -> list[Name]:
    """'the Dow Jones Industrial Average': capitalised words ending in an index word,
    which the model seldom reads as one name."""
    out: list[Name] = []
    for tok in tokens(doc):
        if tok.i == 0:
            continue
        if tok.text in _INDEX_HEADS:
            last = tok.i
        elif (
            tok.lower_ in {"index", "indices", "indexes"}
            or (tok.lower_ == "average" and _points_follow(tok))  # "Japan's Nikkei average"
        ) and (
            doc[tok.i - 1].like_num
            or doc[tok.i - 1].is_upper
            # "Stock indexes worldwide rose": a word capitalised as the sentence opens
            or (_is_capitalised(doc[tok.i - 1]) and not doc[tok.i - 1].is_sent_start)
        ):
            # "the Standard & Poor's 500 index", "the DAX index": the name ends before
            # the lower-case word
            last = tok.i - 1
        elif (
            tok.lower_ in {"index", "indices", "indexes", "average"}
            and tok.i > 1
            and doc[tok.i - 1].lower_ in {"stock", "share"}
            and _is_capitalised(doc[tok.i - 2])
            and not doc[tok.i - 2].is_sent_start
        ):
            last = tok.i - 2  # "Japan's Nikkei stock index": the name before "stock"
        elif _points_after_possessive(doc, tok):
            last = tok.i  # "the Standard & Poor's 500 plunged by 30.27 points"
        else:
            continue
        start = last if last < tok.i else tok.i
        if doc[start].like_num and start > 0:
            start -= 1 if _is_capitalised(doc[start - 1]) else 0
        elif start == tok.i and start > 0 and doc[start - 1].like_num:
            start -= 1  # "the FTSE 100 Index"
        while start > 0 and not doc[start].is_sent_start:
            before = doc[start - 1]
            inner = start > 1 and _is_capitalised(doc[start - 2])
            if before.lower_ in {"the", "a", "an"}:
                break  # "The Dow Jones Industrial Average rose": the article is no name's
            # "Standard & Poor's": an ampersand or a possessive inside the name, the
            # possessive only before the index's number ("London's FTSE" is London's)
            possessive = before.text in {"'s", "’s"} and doc[start].like_num
            if _is_capitalised(before) or ((before.text == "&" or possessive) and inner):
                start -= 1
            else:
                break
        # "the FTSE-100 index": a name and its number written as one word
        if not (_is_capitalised(doc[start]) or _NAME_NUMBER.fullmatch(doc[start].text)):
            continue
        start = _after_country(doc, start, last)  # "the United States Foo Index"
        words = doc[start : last + 1].text
        gaz = load_gazetteer()
        if last < tok.i and (gaz.country(words) is not None or gaz.demonym(words) is not None):
            continue  # "the primary UK index": the country the index is of
        if start < last or (start == last and last < tok.i):
            span = doc[start : last + 1]
            out.append(Name(span.start_char, span.end_char, span.text, "INDEX", "other", 2))
            if tok.lower_ in {"indices", "indexes"}:
                out += _listed_indices(span)
    return out


def _listed_indices(span: Span) -> list[Name]:
    """'Paris' CAC 40 and Frankfurt's DAX 30 indices': the names coordinated with the
    last one before a plural index word are indices too, when written as it is (a
    capitalised word with its number)."""
    doc = span.doc
    head = next((t for t in span if t.pos_ == "PROPN" and not t.like_num), None)
    if head is None or not any(c.like_num for c in head.children):
        return []
    out = []
    for conj in head.conjuncts:
        number = next((c for c in conj.children if c.like_num and c.i == conj.i + 1), None)
        if conj.pos_ != "PROPN" or not _is_capitalised(conj) or number is None:
            continue
        out.append(Name(doc[conj.i].idx, number.idx + len(number.text),
                        doc[conj.i : number.i + 1].text, "INDEX", "other", 2))  # fmt: skip
    return out


def _points_follow(tok: Token) -> bool:
    """Points counted later in the sentence: 'the Nikkei average losing 484.68 points'."""
    return any(_counted_points(t) for t in tok.doc[tok.i + 1 : tok.sent.end])


def _counted_points(tok: Token) -> bool:
    """'484.68 points', '30 pts': the points word with its number."""
    return tok.lower_ in {"points", "point", "pts"} and any(c.like_num for c in tok.children)


def _points_after_possessive(doc: Doc, tok: Token) -> bool:
    """'Standard & Poor's 500 plunged by 30 points': a number after a name's possessive
    that moves by points is the number of an index's name."""
    if not (tok.like_num and tok.i >= 2 and doc[tok.i - 1].tag_ == "POS"):
        return False
    if not _is_capitalised(doc[tok.i - 2]):
        return False
    start = tok.i - 2
    while start > 0 and (_is_capitalised(doc[start - 1]) or doc[start - 1].text == "&"):
        start -= 1
    return _moves_by_points(doc[start : tok.i + 1])


def _opening_word(tok: Token, lower: frozenset[str]) -> bool:
    """'First Airbus A380 delivered': a word capitalised only because it opens the
    sentence or the line, which the article also writes in lower case, is no part
    of the name after it."""
    opens = tok.is_sent_start or (tok.i > 0 and "\n" in tok.doc[tok.i - 1].whitespace_)
    return opens and tok.text.lower() in lower


def _product_word(tok: Token) -> bool:
    return _is_capitalised(tok) and tok.tag_ in {"NNP", "NNPS"} and tok.text not in ORG_NAME_HEADS


def _called_names(doc: Doc) -> list[Name]:
    """'a group called Komala': the noun before 'called' says what the name is."""
    out: list[Name] = []
    for tok in tokens(doc):
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
        if k < len(doc) and doc[k].text == "-" and not doc[k - 1].whitespace_:
            continue  # "a device called the E-meter": the name goes on in lower case
        noun = tok.head if tok.dep_ == "acl" else doc[tok.i - 1]
        subject = [c for c in tok.children if c.dep_ == "nsubjpass" and c.pos_ == "NOUN"]
        if subject and not _kind_of_noun(noun.lemma_.lower()):
            noun = subject[0]  # "This feature is called Foo": the subject says what Foo is
        kind = _kind_of_noun(noun.lemma_.lower())
        if kind:
            span = doc[j:k]
            out.append(Name(span.start_char, span.end_char, span.text, "CALLED", kind, 2))
    return out


def _apposed_names(doc: Doc) -> list[Name]:
    """'its European division, Opel', 'Entergy, the utility, said': a proper noun in
    apposition to a noun that says what it is, before or after it, which the model
    may not have read as a name at all."""
    out: list[Name] = []
    for tok in tokens(doc):
        if tok.tag_ not in {"NNP", "NNPS"} or not _is_capitalised(tok):
            continue
        head = tok.head if tok.dep_ == "appos" else None
        if head is None or head.i > tok.i:
            # "Entergy, the utility, said": the noun set off after the name.
            after = [c for c in tok.rights if c.dep_ == "appos" and c.i > tok.i + 1]
            head = after[0] if after and doc[tok.i + 1].text == "," else None
        if head is None:
            continue
        kind = _kind_of_noun(head.lemma_.lower()) if head.pos_ == "NOUN" and head.is_lower else None
        if kind is None and _a_bodys_counterpart(head):
            kind = "organization"
        if kind is None:
            continue
        start = tok.i
        while (
            start > (head.i + 1 if head.i < tok.i else 0)
            and doc[start - 1].dep_ == "compound"
            and _is_capitalised(doc[start - 1])
        ):
            start -= 1
        span = doc[start : tok.i + 1]
        between = doc[head.i : start] if head.i < tok.i else doc[tok.i : head.i]
        # Only words the model gave no label at all (not "June" read as a date), and
        # never over a line break (a heading's last noun and the dateline below it).
        if any(t.ent_type_ for t in span) or "\n" in between.text_with_ws:
            continue
        if kind == "other" and _acting_website(head, tok):
            kind = "organization"
        out.append(Name(span.start_char, span.end_char, span.text, "APPOS", kind, 2))
    return out


# Nouns for what one body is to another: "Foo, its main rival".
_COUNTERPART_NOUNS = word_set("rival competitor subsidiary affiliate supplier")


def _a_bodys_counterpart(noun: Token) -> bool:
    """'Foo, its main rival': a counterpart noun that a thing's pronoun owns names a
    body (a person's rival is "his" or "her")."""
    return (
        noun.pos_ == "NOUN"
        and noun.lemma_.lower() in _COUNTERPART_NOUNS
        and any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in noun.children)
    )


def _names_after_kind_noun(doc: Doc) -> list[Name]:
    """'the company Foo UK's figures', 'the website Foo Bar': capitalised words right
    after a noun that says what they name, which the model read only in part or not
    at all ("UK" alone, as the country). Only where the model missed the name's
    first word, so that a name it read whole keeps its own reading."""
    out: list[Name] = []
    for noun in tokens(doc):
        kind = _kind_of_noun(noun.lemma_.lower()) if noun.is_lower and noun.pos_ == "NOUN" else None
        if kind not in {"organization", "other"} or noun.i == 0 or noun.i + 1 >= len(doc):
            continue
        if doc[noun.i - 1].lower_ not in {"the", "a", "an"} or "\n" in noun.whitespace_:
            continue
        first = doc[noun.i + 1]
        if first.ent_type_ or first.tag_ != "NNP" or not _is_capitalised(first):
            continue
        end = noun.i + 1
        while (
            end < len(doc)
            and _is_capitalised(doc[end])
            and doc[end].tag_ in {"NNP", "NNPS"}
            and not doc[end].is_sent_start
            and "\n" not in doc[end - 1].whitespace_
        ):
            end += 1
        if end == noun.i + 2 and not any(t.ent_type_ for t in doc[noun.i + 1 : end]):
            continue  # one unlabelled word: _apposed_names and the model's reading decide
        span = doc[noun.i + 1 : end]
        out.append(Name(span.start_char, span.end_char, span.text, "APPOS", kind, 2))
    return out


def _kind_of_noun(lemma: str) -> str | None:
    if lemma in ORG_NOUNS:
        return "organization"
    if lemma in _SET_NOUNS - {"label", "model"}:  # "the model Kate X" is a person
        return "other"
    if lemma in ROLE_NOUNS or lemma in {"man", "woman", "boy", "girl", "person"}:
        return "person"
    if lemma in PLACE_NOUNS:
        return "place"
    if lemma in THING_NOUNS:
        return "other"
    return None


def _merge_overrides(base: list[Name], overrides: list[Name]) -> list[Name]:
    """Our spans replace the model's where they overlap."""
    ours = SpanIndex(overrides, _bounds)
    kept = [n for n in base if not ours.overlapping(n.start, n.end)]
    merged: list[Name] = []
    reach = -1  # the furthest end merged so far: each override starts at or after the last
    for o in sorted(overrides, key=lambda n: (n.start, -(n.end - n.start))):
        if o.start >= reach:
            merged.append(o)
            reach = max(reach, o.end)
    return sorted(kept + merged, key=lambda n: n.start)


def _bounds(name: Name) -> tuple[int, int]:
    return name.start, name.end


def _with_honorific(doc: Doc, name: Name) -> Name:
    """'Mr. Pezeshkian': the honorific joins the name and makes it a person's."""
    span = doc.char_span(name.start, name.end, alignment_mode="expand")
    if span is None:
        return name
    if _strip_title(doc, span, name) or span.start == 0:
        return name
    prev = doc[span.start - 1]
    plural = span[-1].tag_ == "NNPS" or (len(span) == 1 and span[-1].text.endswith("s"))
    if name.label == "PERSON" and prev.lower_ == "the" and plural:
        name.kind, name.strength = "organization", 2  # "the Beatles": a band, a team
        return name
    if _is_honorific(prev):
        name.start = prev.idx
        name.text = doc_text(doc)[name.start : name.end]
        name.kind, name.strength = "person", 2
    elif prev.text[0].isupper() and prev.lower_ in TITLE_WORDS and name.label != "NORP":
        name.kind, name.strength = "person", 2
    return name


def _with_left_out_given_name(doc: Doc, name: Name, gaz: Gazetteer) -> Name:
    """'a government spokesman, Stelios Petsas,': a one-word name typed a person's (the
    model read it as a place) whose given name the model left out, a capitalised proper
    noun the parse joins to it as a compound. Not a title ("Chancellor Merkel"), an
    honorific, a place or a body's word, nor in a line written in title case."""
    span = doc.char_span(name.start, name.end, alignment_mode="expand")
    if span is None or len(span) != 1 or span.start == 0:
        return name
    prev = doc[span.start - 1]
    if (
        prev.is_sent_start
        or prev.tag_ != "NNP"
        or prev.dep_ != "compound"
        or prev.head.i != span.start
        or not prev.is_title
        or not prev.is_alpha
        or prev.ent_type_
        or "\n" in prev.whitespace_
        or prev.lower_ in TITLE_WORDS | ROLE_NOUNS
        or _is_honorific(prev)
        or prev.text in ORG_NAME_HEADS
        or gaz.country(prev.text) is not None
        or gaz.city(prev.text) is not None
        or gaz.demonym(prev.text) is not None
        or _title_case_line(doc, prev)
    ):
        return name
    name.start = prev.idx
    name.text = doc_text(doc)[name.start : name.end]
    name.key = normalise_name(name.text)
    return name


def _title_case_line(doc: Doc, tok: Token) -> bool:
    """``tok``'s line is written in title case: a headline or a heading."""
    text = doc_text(doc)
    end = text.find("\n", tok.idx)
    return title_like(text[text.rfind("\n", 0, tok.idx) + 1 : end if end >= 0 else len(text)])


def _strip_title(doc: Doc, span: Span, name: Name) -> bool:
    """'Spokeswoman Sandy Smith' read as one name: the title goes, the person stays."""
    i = span.start
    while (
        i < span.end - 1
        and span.doc[i].text[0].isupper()
        and (span.doc[i].lower_ in TITLE_WORDS or span.doc[i].lower_ in ROLE_NOUNS)
    ):
        i += 1
    rest = [t.text for t in doc[i : span.end]]
    if i == span.start or name.label == "NORP" or not rest:
        return False
    # "Councilwoman Denise Park", "Judge Susan Hall": a surname that is also a place's
    # head word, after a given name, in a name the model reads as a person's.
    surname = (
        name.label == "PERSON"
        and len(rest) == 2
        and rest[0] in given_names()
        and rest[1] not in ORG_NAME_HEADS
    )
    heads = ORG_NAME_HEADS | (frozenset() if surname else NOT_PERSON_HEADS)
    if any(w in heads or not w[0].isupper() for w in rest):
        return False
    # "General Electric" is a company: the model's other labels need a given name
    # after, or a title only a person holds ("Spokeswoman Sandy Angers").
    personal = rest[0] in given_names() or doc[i - 1].lower_ in PERSON_ONLY_TITLES
    if name.label != "PERSON" and (len(rest) < 2 or not personal):
        return False
    name.start = doc[i].idx
    name.text = doc_text(doc)[name.start : name.end]
    name.kind, name.strength = "person", 2
    return True


def _across_lines(a: Token, b: Token) -> bool:
    """Whether a line break stands between two tokens: a headline's last noun is no
    apposition of the name that opens the line below ("Club sacks coach\nChelsea")."""
    lo, hi = min(a.i, b.i), max(a.i, b.i)
    return any("\n" in t.text or "\n" in t.whitespace_ for t in a.doc[lo:hi])


def _bare_plural_of_one(root: Token, noun: Token) -> bool:
    """'Arkham VR, players said, was ...': a bare plural beside one singular name is
    not what the name is (a list's plural apposition, "X and Y, lawyers", covers a
    conjunction): the two disagree in number."""
    return (
        noun.tag_ == "NNS"
        and not any(True for _ in noun.children)
        and root.tag_ == "NNP"
        and root.dep_ != "conj"
        and not any(c.dep_ == "conj" for c in root.children)
    )


def _appositive_nouns(root: Token) -> list[Token]:
    """The nouns set off in apposition after a name's root that say what it is."""
    # "the Foo 2 and the Bar, an online service": an apposition after a conjunct
    # describes the nearer conjunct as often as the first; it settles neither.
    conj = [c.i for c in root.children if c.dep_ == "conj" and c.i > root.i]
    # "Jim Roe, the Vice Chairman of Acme": a title in capitals is tagged a proper
    # noun, but a role noun set off after the name still says who the name is.
    return [
        c for c in root.children
        if c.dep_ == "appos" and not any(k < c.i for k in conj)
        and (c.pos_ == "NOUN" or (c.pos_ == "PROPN" and c.lower_ in ROLE_NOUNS))
        and not _bare_plural_of_one(root, c) and not _across_lines(root, c)
    ]  # fmt: skip


def _apposition_kind(doc: Doc, name: Name) -> str | None:
    span = doc.char_span(name.start, name.end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    nouns = _appositive_nouns(root)
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and not _across_lines(root.head, root):
        nouns.append(root.head)
    # "U.S. electronics retailer Best Buy", "German magazine Der Spiegel": a common
    # noun bound to the name right before it says what the name is, as an
    # apposition does.
    if span.start > 0:
        prev = doc[span.start - 1]
        if prev.pos_ == "NOUN" and prev.is_lower and (prev.head == root or root.head == prev):
            nouns.append(prev)
    nouns += _including_nouns(root)
    for noun in nouns:
        kind = _kind_of_noun(noun.lemma_.lower())
        # "the technology blog Foo published details": a website that acts is the
        # outlet behind it (GUIDE §2 rule 4); one only visited or attacked is a thing.
        if kind == "other" and _acting_website(noun, root):
            return "organization"
        if kind == "organization" and _a_persons_trade(noun, span):
            continue
        if kind:
            return kind
    return None


def _a_persons_trade(noun: Token, span: Span) -> bool:
    """'Varga, a former crane operator' after "Ines Varga": a trade told by a noun
    before the body noun is the person's job, when the name is the surname of a person
    the article names in full ("Nordhavn, a ferry operator" stays a company)."""
    word = span.text
    # The model often types a person's full name as a body's ("Ines Varga" ORG): any
    # longer name ending in the word is its bearer's (a body's short name opens its
    # full one: "Nordhavn" of "Nordhavn Lines").
    full = any(len(e) in (2, 3) and e[-1].text == word for e in doc_ents(span.doc))
    return (
        len(span) == 1
        and full
        and any(c.dep_ == "compound" and c.pos_ == "NOUN" and c.is_lower for c in noun.children)
    )


# Verbs by which a set names its members: "Its brands include Foo and Bar".
_INCLUDE_VERBS = word_set("include comprise feature")
# What a set of things is called, beside THING_NOUNS: "brands", "products".
_SET_NOUNS = word_set("brand product model label title")


def _including_nouns(root: Token) -> list[Token]:
    """'Penfold's brands include Clearwater Milk and Old Mill Butter': the set's noun
    says what each listed name is."""
    first = root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    verb = first.head
    if first.dep_ != "dobj" or verb.lemma_.lower() not in _INCLUDE_VERBS:
        return []
    return [
        c
        for c in verb.children
        if c.dep_ == "nsubj" and c.tag_ == "NNS" and c.is_lower and c.lemma_ in _SET_NOUNS
    ]


def mark_acting_bodies(entities: list[Entity], doc: Doc) -> None:
    """'Cisco states', 'Toyota was the sole exception': a company the model reads as
    a place. Two readings are weak enough to yield to the name acting as a clause's
    subject or a passive's agent: a GPE name no gazetteer knows (the bare "region"
    fallback), and a city reading the model contradicts with an ORG label on every
    mention ("Toyota" is also a city). Known places keep their reading even when they
    act: a capital standing for its government is still a place (GUIDE §2 rule 2).
    Runs after the national sides are marked, which act in a match report too."""
    for ent in entities:
        if ent.kind == "facility" and _institution_acts(ent, doc):
            ent.kind = "organization"
            for n in ent.names:
                n.kind, n.country = "organization", None
            continue
        if ent.kind == "region":
            weak = all(n.strength == 0 and n.label == "GPE" for n in ent.names)
        elif ent.kind == "city":
            weak = all(n.label == "ORG" for n in ent.names)
        else:
            weak = False
        if not weak or not ent.names:
            continue
        spans = [doc.char_span(n.start, n.end, alignment_mode="expand") for n in ent.names]
        if any(sp is not None and (_acts(sp.root) or _firm_context(sp.root)) for sp in spans):
            ent.kind = "organization"
            for n in ent.names:
                n.kind, n.country = "organization", None


# Heads of a named institution that is also a building (GUIDE §2 rule 3). A seat of
# government standing for it ("the White House said", "the Kremlin") is no such
# name: rule 2 keeps it a place.
_INSTITUTION_HEADS = word_set("""
    Museum Gallery Galleries Center Centre Library College University Hospital Institute
    Zoo Planetarium Theatre Theater
    """)
# What only an institution does, not its building, besides an agent's verbs (speak,
# employ): decide, show.
_INSTITUTION_VERBS = word_set("decide propose plan exhibit display own build")


def _institution_acts(ent: Entity, doc: Doc) -> bool:
    """'The National Hurricane Center said', 'the museum's Foo Gallery exhibits': a
    named institution that a clause makes act is the body, not the building (GUIDE
    §2 rule 3, decided once per entity by its most agentive use)."""
    for n in ent.names:
        words = n.key.split(" of ", 1)[0].split()
        if len(words) < 2 or words[-1] not in _INSTITUTION_HEADS:
            continue
        span = doc.char_span(n.start, n.end, alignment_mode="expand")
        if span is None:
            continue
        tok = span.root
        while tok.dep_ == "conj" and tok.head.i < tok.i:
            tok = tok.head  # "the museum and the library said": each one a subject
        verb = tok.head
        if (
            tok.dep_ == "nsubj"
            and verb.pos_ in {"VERB", "AUX"}
            and (verb.lemma_.lower() in AGENT_VERBS or verb.lemma_.lower() in _INSTITUTION_VERBS)
            and not negated_or_modal(verb)
        ):
            return True
    return False


# Nouns of a company's stock: "shares in HBOS", "a stake in Foo".
_STOCK_NOUNS = word_set("share shares stock stocks stake stakes")
# Occupations held at a firm, named with where the holder works: "an analyst from Foo".
_FIRM_OCCUPATIONS = word_set("""
    analyst analysts economist economists strategist strategists trader traders banker
    bankers broker brokers
    """)


def _firm_context(tok: Token) -> bool:
    """'shares in HBOS fell', 'Darren Winder, a market analyst from Cazenove': the
    name is the company a stock or a market occupation belongs to. Only read for a
    place reading nothing but the model's label supports (``mark_acting_bodies``)."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in {"in", "of", "at", "from", "with"}:
        return False
    noun = tok.head.head
    if noun.lower_ in _STOCK_NOUNS:
        return tok.head.lower_ in {"in", "of"}
    return noun.lower_ in _FIRM_OCCUPATIONS and tok.head.lower_ in {"at", "from", "with"}


# Prepositions that say where: "in Foo", "from Foo", "near Foo".
_LOCATIVE_PREPOSITIONS = word_set("""
    in at from to near into across throughout outside inside around toward towards
    via through within
    """)


_MOTION_VERBS = word_set("cross enter leave visit reach flee invade tour circle")
# Nouns of a place or a seat, which a name before them places ("the Foo constituency").
_WHERE_NOUNS = (
    PLACE_NOUNS
    | REGION_WORDS
    | word_set("""
    constituency constituencies electorate ward riding seat coast border
    """)
)


def _unplaced_region(ent: Entity, doc: Doc) -> bool:
    """A region only the model's label makes one, that the text never writes as a
    place: 'shipped with Windows XP', 'Microsoft's Windows Mobile', '5 gigabytes
    (GB)'. A name the gazetteer does not know is a place when some mention of it is
    where something is or happens; otherwise it is left out, as a doubtful name costs
    less left out than on the page as a place."""
    if ent.kind != "region" or not ent.names:
        return False
    if not all(n.strength == 0 and n.label in {"GPE", "LOC"} for n in ent.names):
        return False
    # "a former Hartford County treasurer": the name's own last word says what
    # kind of place it is, wherever it is written.
    if any(n.text.split()[-1] in _ADMINISTRATIVE_TAILS for n in ent.names if n.text.split()):
        return False
    return not _written_as_place(ent, doc)


# Last words of the names of a state's parts: "Orange County", "Hebei Province".
_ADMINISTRATIVE_TAILS = word_set("County Province Prefecture Oblast Governorate Parish")


def unplace_unsupported_cities(entities: list[Entity], doc: Doc) -> None:
    """'fans dressed as Batman': a city only the gazetteer makes one (Batman is a
    Turkish city), where the model reads a body or a person on every mention and the
    text never writes it as a place. The gazetteer is used only with evidence from
    the text, so the model's reading stands. Runs after ``mark_acting_bodies``, which
    settles the acting companies ("Toyota said") the same way."""
    for ent in entities:
        if ent.kind != "city" or not ent.names:
            continue
        labels = {n.label for n in ent.names}
        if len(labels) != 1 or not labels <= {"ORG", "PERSON"}:
            continue
        if any(n.strength > 1 for n in ent.names) or _written_as_place(ent, doc):
            continue
        kind = "organization" if labels == {"ORG"} else "person"
        ent.kind = kind
        for n in ent.names:
            n.kind, n.country = kind, None


def _written_as_place(ent: Entity, doc: Doc) -> bool:
    """Some mention of ``ent`` is where something is or happens (the object of "in",
    "from", "near" ..., of a verb of motion) or sits beside a known place ("Wixom,
    Michigan")."""
    gaz = load_gazetteer()
    for n in ent.names:
        span = doc.char_span(n.start, n.end, alignment_mode="expand")
        if span is None:
            return True  # unreadable: keep the reading it has
        root = span.root
        while root.dep_ == "conj" and root.head.i < root.i:
            root = root.head  # "in Foo and Bar"
        # "In the Kowloon West geographical constituency": the name modifies a place's
        # noun that is where; "crossing the Channel": the object of a verb of motion.
        while root.dep_ in {"compound", "amod", "nmod"} and root.head.i > root.i:
            if root.head.lemma_.lower() not in _WHERE_NOUNS and root.head.pos_ != "ADJ":
                break
            root = root.head
        if root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE_PREPOSITIONS:
            return True
        if root.dep_ == "dobj" and root.head.lemma_.lower() in _MOTION_VERBS:
            return True
        if span.end + 1 < len(doc) and doc[span.end].text == ",":
            nxt = doc[span.end + 1 : span.end + 3]
            if any(_is_place_name(nxt[:k].text, gaz) for k in (1, 2) if len(nxt) >= k):
                return True
        # "former Dayton Mayor X": an office only a place has, held for this one
        if span.end < len(doc) and doc[span.end].lower_ in _OFFICES_OF_PLACES:
            return True
    return False


# Offices held only for a place ("Dayton Mayor", "Ohio Governor"); an attorney or a
# representative may be a firm's or a body's.
_OFFICES_OF_PLACES = PLACE_OFFICES - word_set("attorney representative lawmaker legislator")


def _acts(tok: Token) -> bool:
    """The token is the subject of an active verb or the agent of a passive one."""
    if tok.dep_ == "nsubj" and tok.head.pos_ in {"VERB", "AUX"}:
        return True
    return tok.dep_ == "pobj" and tok.head.dep_ == "agent"


# Websites and journals: a work or a site when named, its outlet when it acts.
_WEBSITE_NOUNS = word_set("website site wiki blog journal")


def _acting_website(noun: Token, name: Token) -> bool:
    return noun.lemma_.lower() in _WEBSITE_NOUNS and _in_subject(name, through_prepositions=False)


def _maker_and_product(doc: Doc, key: str) -> bool:
    """'Ford Taurus to be revived': the model reads a heading's maker-and-model as a
    body, but the words after the maker are what it labels a product elsewhere in
    the text ("the Taurus survived"). The whole is the product, not a form of the
    maker's name (GUIDE §2: a form naming something that contains the name is no
    alias)."""
    words = key.split()
    if len(words) < 2:
        return False
    tail = " ".join(words[1:])
    return any(e.label_ == "PRODUCT" for e in ents_named(doc, tail))


# What follows a wire dateline's place: "WASHINGTON (AP) —", "FRANKFURT, Germany".
_DATELINE_AFTER = re.compile(r"[ \t]*(?:\(|[—–-]|,)")


def _dateline_city(doc: Doc, name: Name, gaz: Gazetteer) -> City | None:
    """'WASHINGTON (AP) — ...': a name in capitals opening a line, then the agency's
    bracket, a dash or a comma, is the dateline's city, whatever label the model gave
    the capitals (it often reads them as a body). AP style names the city there,
    not its state: the city reading wins over a state of the same name."""
    text = doc_text(doc)
    if not name.text.isupper() or (name.start > 0 and text[name.start - 1] != "\n"):
        return None
    if not _DATELINE_AFTER.match(text, name.end):
        return None
    return gaz.city(name.text)


# Nouns for a ship, written right before its name.
_VESSEL_NOUNS = word_set("""
    ship vessel tanker freighter frigate destroyer submarine yacht ferry warship cruiser
    trawler icebreaker liner
    """)


def _after_vessel_noun(doc: Doc, name: Name) -> Token | None:
    """The ship noun written right before the name, if any."""
    span = doc.char_span(name.start, name.end, alignment_mode="expand")
    if span is None or span.start == 0 or name.label not in {"PERSON", "ORG", "GPE"}:
        return None
    prev = doc[span.start - 1]
    return prev if prev.is_lower and prev.lemma_.lower() in _VESSEL_NOUNS else None


_PLURAL_MODEL = re.compile(r"^(.*\d)s$")


def _singular_model(key: str) -> str:
    """'Boeing 737s': the models, named as the model is ("Boeing 737"). A bare plural
    ("A330s") is left to join the name it shortens as written."""
    if " " not in key:
        return key
    last = key.rsplit(" ", 1)[-1]
    plural = _PLURAL_MODEL.match(last)
    return key[:-1] if plural and _MODEL_TOKEN.match(last) else key


def _type_name(doc: Doc, name: Name, gaz: Gazetteer) -> Name | None:
    """Decide what one name is; None for names that are not actors or places."""
    key = _singular_model(normalise_name(name.text))
    name.key = _strip_honorific(key)
    dateline = _dateline_city(doc, name, gaz) if name.label != "PERSON" else None
    if dateline is not None:
        name.kind, name.strength, name.country = "city", 2, dateline.country_iso
        return name
    vessel = _after_vessel_noun(doc, name)
    if vessel is not None:
        # "the survey vessel Oruc Reis": a ship the model read as a person; a vehicle
        # is a thing, and a facility where it is only where someone is ("aboard the
        # ship Freewinds", GUIDE §2, §4).
        held = vessel if vessel.dep_ != "compound" else vessel.head  # "the ship Freewinds"
        where = held.dep_ == "pobj" and held.head.lower_ in {"aboard", "on", "onto", "in"}
        name.kind, name.strength = ("facility" if where else "other"), 2
        return name
    # "Castlefrank Road": a building's or a street's head word outweighs the model's
    # person label, which it gives to any unknown capitalised pair.
    person = name.label == "PERSON" and (name.strength >= 2 or key.split()[0] in given_names())
    if name.label == "ORG" and _maker_and_product(doc, key):
        name.kind, name.strength = "other", 2
        return name
    if name.label != "NORP" and _is_facility_name(key) and not person:
        name.kind, name.strength = "facility", 2
        name.country = facility_country(key, gaz)
        return name
    if name.label == "NORP":
        country = gaz.demonym(key)
        if country:
            name.kind, name.strength, name.country, name.demonym = "country", 3, country.iso, True
            return name
        world = gaz.world_demonym(key)
        if world:  # "European governments": a mention of Europe, as "Iraqi" is of Iraq
            name.kind, name.strength, name.key, name.demonym = "region", 3, world.name, True
            return name
    if _STAGE.match(key):
        return None  # "Group G", "Pool B": a stage of a competition, no actor
    country = gaz.country(key) or _government_of(key, gaz) or _national_side(key, gaz)
    if country and name.strength < 2:
        name.kind, name.strength, name.country = "country", 3, country.iso
        return name
    if name.strength < 2:
        world = gaz.world_region(key)
        if world is not None:
            name.kind, name.strength, name.key = "region", 3, world.name
            return name
        cue = _apposition_kind(doc, name)
        if cue:
            name.kind, name.strength = cue, 2
        elif name.label in _RETYPABLE and (
            (_is_personal_name(name.text, gaz) and not _firm_cue_anywhere(doc, key))
            or _romanised_name(name.text)
            or _listed_with_people(doc, name)
            or _aged_anywhere(doc, key)
        ):
            name.kind, name.strength = "person", 2
        elif name.label == "PERSON" and (
            _named_like_a_body(key, gaz)
            or _called_its_anywhere(doc, key)
            or _which_anywhere(doc, key)
            or _held_as_a_company(doc, key)
            or _opens_with_a_body(doc, key)
        ):
            name.label = "ORG"
    if name.strength >= 2 and name.kind != "place":
        return None if name.kind == "organization" and _names_a_seat(doc, name) else name
    if name.label in {"LOC", "GPE"} and _place_and_plural(key, gaz):
        name.kind, name.strength = "organization", 2  # "the Colorado Rapids": a side
        return name
    place = classify_place(doc, name, gaz)
    if place is not None:
        name.kind, name.strength, name.country = place
        state = gaz.state(name.key) if name.kind == "region" else None
        if state is not None:  # "Wichita, Kan.": the state named in full elsewhere
            name.key = state.name
        return name
    if name.kind:
        return name
    if name.label == "NORP":
        return None  # creeds and peoples ("Shia", "Kurdish") are not actors by themselves
    name.kind = {"PERSON": "person", "ORG": "organization"}.get(name.label, "place")
    if name.kind == "organization" and _names_a_seat(doc, name):
        return None
    return name


def _place_and_plural(key: str, gaz: Gazetteer) -> bool:
    """'Colorado Rapids', 'Kansas City Chiefs': a known place's name then a capitalised
    plural, which is no place the gazetteer knows ("Grand Rapids" is one): a side named
    for its home, as news names teams."""
    *home, last = key.split()
    if not home or not last.endswith("s") or last.endswith("ss") or not last[0].isupper():
        return False
    return _is_place_name(" ".join(home), gaz) and not _is_place_name(key, gaz)


# "Group G", "Pool B": a stage of a tournament, named by a letter or a number.
_STAGE = re.compile(r"^(?:Group|Pool|Heat)\s+(?:[A-Z]|\d{1,2})$")
# Nouns a capitalised name can modify to name an electoral seat, not a body.
_SEAT_NOUNS = word_set("constituency constituencies electorate ward riding seat seats")


def _names_a_seat(doc: Doc, name: Name) -> bool:
    """'the Social Welfare constituency', 'the District Council (Second) functional
    constituency': a name that modifies a seat's noun names the seat, no actor."""
    span = doc.char_span(name.start, name.end, alignment_mode="expand")
    if span is None:
        return False
    k = span.end
    if k < len(doc) and doc[k].text in {'"', "”", "'", "’"}:
        k += 1
    if k < len(doc) and doc[k].text == "(":  # a bracketed qualifier: "(Second)"
        close = next((t.i for t in doc[k : k + 5] if t.text == ")"), None)
        k = close + 1 if close is not None else k
    while k < len(doc) and doc[k].pos_ == "ADJ" and doc[k].is_lower:
        k += 1
    return k < len(doc) and doc[k].lower_ in _SEAT_NOUNS and doc[k].is_lower


def _national_side(key: str, gaz: Gazetteer) -> Country | None:
    """'Team Estonia', 'Team USA': a national side named by its country is the country
    (GUIDE §2 rule 1)."""
    words = key.split()
    if len(words) < 2 or words[0] != "Team":
        return None
    return gaz.country(" ".join(words[1:]))


def _named_like_a_body(key: str, gaz: Gazetteer) -> bool:
    """'Italian Episcopal Conference', 'Acme Holdings': a demonym opening a longer
    name, or a body's head word closing it, is no person's name."""
    words = key.split()
    if len(words) < 2:
        return False
    return gaz.demonym(words[0]) is not None or words[-1] in ORG_NAME_HEADS


def _called_its_anywhere(doc: Doc, key: str) -> bool:
    """'Best Buy said its sales rose', 'Lockheed Martin reported that its profit fell':
    a name the model calls a person's, opened by no given name, that the clause it is
    the subject of refers back to as "its" (and as no "he", "she" or "his") is a
    body's. "It" is left out: "Roe said it was wrong" has no antecedent. A one-word
    name is left to the full name it shortens, which settles its kind."""
    if len(key.split()) < 2 or key.split()[0] in given_names():
        return False
    for ent in ents_named(doc, key):
        if ent.label_ != "PERSON":
            continue
        root = ent.root
        if root.dep_ != "nsubj":
            continue
        later = [t for t in root.head.subtree if t.i >= ent.end]
        personal = any(t.lower_ in PRONOUNS_PERSON for t in root.head.subtree)
        if not personal and any(t.lower_ == "its" and t.dep_ == "poss" for t in later):
            return True
    return False


_RELATIVE_THING = word_set("which")
_RELATIVE_PERSON = word_set("who whom whose")


def _which_anywhere(doc: Doc, key: str) -> bool:
    """'Berkshire Hathaway, which is run by Warren Buffett, bought ...': a name the
    model calls a person's, opened by no given name, that a relative clause right
    after it takes up as "which" (and no mention as "who") is no person's: English
    keeps "which" for things and bodies."""
    if len(key.split()) < 2 or key.split()[0] in given_names():
        return False
    which = False
    for span in _written_spans(doc, key):
        k = span.end + int(span.end < len(doc) and doc[span.end].text == ",")
        if k >= len(doc):
            continue
        word = doc[k].lower_
        if word in _RELATIVE_PERSON:
            return False
        which = which or word in _RELATIVE_THING
    return which


def _held_as_a_company(doc: Doc, key: str) -> bool:
    """'Pixar CEO X', 'he bought Pixar': a one-word name the model calls a person's,
    no given name and no word of a longer person's name in the text ("Trump" beside
    "Donald Trump"), that some mention writes as a company's (``names_a_company``);
    a longer one so written, or as where analysts or traders work.
    Without such a cue ``_unfounded`` drops the lone word, and a relation that needs
    it as an endpoint is lost with it."""
    if " " in key:
        # "Brightway bought Crestline Cheese", "analysts at Morgan Stanley": a longer
        # name the model calls a person's, written as a company's: bought, or the firm
        # a market occupation is at (even with a given name first, as here).
        first = key.split()[0] not in given_names()
        return any(
            e.label_ == "PERSON" and ((first and names_a_company(e.root)) or _firm_context(e.root))
            for e in ents_named(doc, key)
        )
    if key in given_names():
        return False
    longer = {
        w for e in doc_ents(doc) if e.label_ == "PERSON" and len(e) > 1 for w in e.text.split()
    }
    if key in longer:
        return False
    return any(
        e.label_ == "PERSON" and len(e) == 1 and names_a_company(e.root)
        for e in ents_named(doc, key)
    )


def _opens_with_a_body(doc: Doc, key: str) -> bool:
    """'Lockheed Martin's Atlas V' beside "documentation from Lockheed": a person is
    shortened to the surname, so a name whose first word the model reads alone as an
    organization is that organization's fuller name."""
    words = key.split()
    if len(words) < 2 or words[0] in given_names():
        return False
    return any(e.label_ == "ORG" and e.text == words[0] for e in ents_named(doc, words[0]))


def _government_of(key: str, gaz: Gazetteer) -> Country | None:
    """'the US Government', 'the Canadian Government': a country's government is the
    country acting, one actor with it (as in ``add_possessed_bodies``)."""
    words = key.split()
    if len(words) < 2 or words[-1].lower() != "government":
        return None
    rest = " ".join(words[:-1])
    return gaz.country(rest) or gaz.demonym(rest)


_RETYPABLE = frozenset({"ORG", "GPE", "LOC", "FAC"})
_INITIAL = re.compile(r"^[A-Z]\.$")


def _is_personal_name(text: str, gaz: Gazetteer) -> bool:
    """'Paul Dewar', 'Anne K. Smith': a common given name, then capitalised words only.

    The small model often calls such pairs an organization or a place; a given
    name in front settles it, unless the whole is a known place or ends in a word
    that names a building or a body ("Elizabeth Street", "Thomas Cook Group").
    """
    words = normalise_name(text).split()
    if not 2 <= len(words) <= 4 or words[0] not in given_names():
        return False
    if any(w in ORG_NAME_HEADS or w in NOT_PERSON_HEADS for w in words[1:]):
        return False
    if not all(w[0].isupper() and (w.replace("-", "").isalpha() or _INITIAL.match(w))
               for w in words[1:]):  # fmt: skip
        return False
    return gaz.country(text) is None and gaz.city(text, primary_only=True) is None


# "Lam Cheuk-ting", "Kim Jong-un": a short family name, then a given name of two
# syllables joined by a hyphen, the second in lower case (Cantonese, Korean and
# Mandarin names as news romanises them); no body or place is written so.
# What a company has and a person does not: "X's shareholders", "X's analysts".
# Shares, earnings and profits are left out: a person holds shares and earns ("the
# founder's shares", "the pitcher's earnings"); "shares of X" is read apart.
FIRM_POSSESSIONS = word_set("""
    shareholder shareholders stockholder stockholders analyst analysts subsidiary
    subsidiaries division headquarters board
    """)


def _firm_cue_anywhere(doc: Doc, key: str) -> bool:
    """Whether any mention of a name the model calls an organization is written as a
    firm's, though it reads like a person's ("Charles Schwab", "Edward Jones").

    Only the text's own cues count, and without one the given name decides: a
    firm's possessions ("Edward Jones's analysts", "shares of ..."), a conjunct
    that is an organization ("Kestrel Partners and Edward Jones"), or the verb of
    a parallel clause whose subject is one ("Kestrel Partners advised Acme, while
    Edward Jones advised Beta").
    """
    for m in re.finditer(rf"\b{re.escape(key)}\b", doc_text(doc)):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and _firm_cue(span):
            return True
    return False


def _firm_cue(span: Span) -> bool:
    root, doc = span.root, span.doc
    if _firm_context(root) and root.head.head.lower_ in _FIRM_OCCUPATIONS:
        return True  # "analysts at Morgan Stanley"; a person may own "shares of" a thing
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.tag_ == "POS" and root.head.lower_ in FIRM_POSSESSIONS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in {
        "shares", "stock", "stocks", "shareholders", "stockholders"
    }:  # fmt: skip
        return True
    others = conjuncts(root)[1:]
    if root.dep_ == "conj":
        others.append(root.head)
    if any(_organization_token(t, span) for t in others):
        return True
    if root.dep_ != "nsubj" or root.head.pos_ != "VERB":
        return False
    verb = root.head
    return any(
        t.pos_ == "VERB" and t is not verb and t.lemma_ == verb.lemma_
        and any(c.dep_ == "nsubj" and _organization_token(c, span) for c in t.children)
        for t in verb.sent
    )  # fmt: skip


def _organization_token(tok: Token, outside: Span) -> bool:
    """A token of a name the model calls an organization that no given name opens."""
    if tok.ent_type_ != "ORG" or outside.start <= tok.i < outside.end:
        return False
    ent = next((e for e in doc_ents(tok.doc) if e.start <= tok.i < e.end), None)
    return ent is not None and not _is_personal_name(ent.text, load_gazetteer())


_ROMANISED = re.compile(r"^[A-Z][a-z]{1,5} [A-Z][a-z]{1,6}-[a-z]{2,6}$")


def _romanised_name(text: str) -> bool:
    return bool(_ROMANISED.match(normalise_name(text)))


def _listed_with_people(doc: Doc, name: Name) -> bool:
    """'Jane Roe, John Doe, and Foo Bar', 'Jane Roe, Foo Bar, John Doe, Ann Poe': a pair
    of capitalised words inside a list that names two or more people is a person's
    name, whatever the model's label. The list is read on the surface, from the name
    outward on both sides: the parse of a long list often breaks it."""
    span = doc.char_span(name.start, name.end, alignment_mode="expand")
    if span is None or not 2 <= len(span) <= 3:
        return False
    if any(t.text in ORG_NAME_HEADS or t.text in NOT_PERSON_HEADS or not _is_capitalised(t)
           for t in span):  # fmt: skip
        return False
    if _people_before(doc, span.start) + _people_after(doc, span.end) < 2:
        return False
    # "Jane Roe, Des Moines, John Doe": a known place between people stays a place.
    gaz = load_gazetteer()
    return gaz.country(span.text) is None and gaz.city(span.text) is None


def _written_spans(doc: Doc, key: str) -> Iterator[Span]:
    """Every place the text writes ``key`` as a whole word, as a span of whole tokens."""
    for m in re.finditer(rf"(?<![\w-]){re.escape(key)}(?![\w-])", doc_text(doc)):
        span = doc.char_span(m.start(), m.end())
        if span is not None:
            yield span


def _aged_anywhere(doc: Doc, key: str) -> bool:
    """'Thandiwe Mbeki, 61, of Hillside Road, said': a name with an age set off by
    commas is a person's, whatever the model's label; only people are given an age
    that way. A pair of capitalised words at least (a one-word name is left to the
    full name it shortens), and not a known place ("Leeds, 2, Chelsea, 1")."""
    words = key.split()
    if not 2 <= len(words) <= 4 or any(w in ORG_NAME_HEADS or w in NOT_PERSON_HEADS for w in words):
        return False
    gaz = load_gazetteer()
    if gaz.country(key) is not None or gaz.city(key) is not None:
        return False
    for span in _written_spans(doc, key):
        if span.end + 2 >= len(doc):
            continue
        comma, age, close = doc[span.end], doc[span.end + 1], doc[span.end + 2]
        if (
            comma.text == ","
            and close.text == ","
            and age.text.isdigit()
            and 1 <= int(age.text) <= 115
        ):
            return True
    return False


def _people_before(doc: Doc, start: int) -> int:
    """People the model names in the list items before ``start``, each set off by ",",
    "and" or ", and"."""
    ending = {e.end: e for e in doc_ents(doc)}
    people, k = 0, start
    while k > 1:
        j = k - 1
        if doc[j].lower_ in {"and", "or"}:
            j -= 1
        if doc[j].text == ",":
            j -= 1
        elif j == k - 1:
            break  # no separator: the name does not continue a list
        ent = ending.get(j + 1)
        if ent is None or ent.label_ != "PERSON":
            break
        people += 1
        k = ent.start
    return people


def _people_after(doc: Doc, end: int) -> int:
    """People the model names in the list items after ``end``, each set off by ",",
    "and" or ", and"."""
    starting = {e.start: e for e in doc_ents(doc)}
    people, k = 0, end
    while k < len(doc):
        j = k
        if doc[j].text == ",":
            j += 1
        if j < len(doc) and doc[j].lower_ in {"and", "or"}:
            j += 1
        if j == k:
            break
        ent = starting.get(j)
        if ent is None or ent.label_ != "PERSON":
            break
        people += 1
        k = ent.end
    return people


def _is_facility_name(key: str) -> bool:
    """'Johnson Space Center', 'Museum of Flight': the head word names a building or a site."""
    words = key.split()
    head = key.split(" of ", 1)[0].split()
    if len(head) == 2 and head[1].isdigit():
        return head[0] in FACILITY_HEADS  # "Terminal 3": a numbered building
    if len(words) < 2 or not head:
        return False
    # "the White House", but not "the House of Commons", a body.
    return head[-1] in FACILITY_HEADS or (words[-1] == "House" and " of " not in key)


def _strip_honorific(key: str) -> str:
    parts = key.split()
    while len(parts) > 1 and parts[0].rstrip(".").lower() in HONORIFICS:
        parts = parts[1:]
    return " ".join(parts)


def read_names(doc: Doc, gaz: Gazetteer | None = None) -> list[Name]:
    """Every name in the document, typed by the strongest cue the text offers."""
    gaz = gaz or load_gazetteer()
    overrides = (
        _organization_names(doc)
        + _called_names(doc)
        + _camp_names(doc)
        + _site_names(doc, gaz)
        + _campus_names(doc, gaz)
        + _names_after_kind_noun(doc)
        + member_body_names(doc, gaz, ORG_NAME_HEADS)
        + kind_noun_names(doc, gaz, ORG_NOUNS, TITLE_WORDS | ROLE_NOUNS)
        + company_title_names(doc, gaz, TITLE_WORDS | ROLE_NOUNS | ORG_NOUNS)
    )
    products = [p for p in _product_names(doc) if not _overlaps_any(p, overrides)]
    names = _merge_overrides(_model_names(doc), overrides + products)
    names = [part for name in names for part in _apart_at_a_stop(doc, name)]
    names = [part for name in names for part in _apart_from_its_country(doc, name, gaz)]
    missed = [n for n in _apposed_names(doc) + _world_region_names(doc, gaz)
              + _given_name_pairs(doc, gaz)
              if not _overlaps_any(n, names)]  # fmt: skip
    names = sorted(names + missed, key=lambda n: n.start)
    typed = []
    text = doc_text(doc)
    for name in names:
        label_end = credit_label_end(text, name.start)
        if label_end is not None and name.end <= label_end:
            continue  # "Image: Brian Burnell": the label of a credit is no name
        name = _with_honorific(doc, _airline_of(doc, name, gaz))
        name = _with_ordinal(doc, _without_title_opening(doc, _without_noun_of(doc, name)))
        kept = _type_name(doc, name, gaz)
        if kept is not None and kept.kind == "person":
            kept = _with_left_out_given_name(doc, kept, gaz)
        if kept is not None and kept.key:
            typed.append(_region_form(doc, kept, gaz))
    typed = _without_things(_sites_named(_drop_covered(typed), doc, gaz), doc)
    typed = _with_model_numbers(typed, doc)
    return sorted(typed + _bracketed_acronyms(doc, typed), key=lambda n: n.start)


# A wire dateline's place: "HARTFORD, Conn. (AP) —", "KABUL, Afghanistan, July 21
# (Reuters) -": the city in capitals, then its state or country.
_DATELINE_PLACE = re.compile(
    r"(?P<city>[A-Z][A-Z.'’ -]*[A-Z.])(?:,\s+(?P<area>[A-Z][\w.'’ ]*?[\w.]))?(?=\s*(?:,|\(|[—–-]))"
)


def dateline_names(article: Article, gaz: Gazetteer) -> list[Name]:
    """The places of the article's wire dateline. Article structure keeps the
    dateline out of the parse (its date is no event's), but the city it was filed
    from is a place of the story (GUIDE: the whole text is annotated), read here
    with the gazetteer alone: a city in capitals, and the state or country after it."""
    out: list[Name] = []
    for part in article.structure:
        if part.kind != "dateline":
            continue
        m = _DATELINE_PLACE.match(article.text, part.start, part.end)
        if m is None:
            continue
        written = m["city"].strip()
        city = gaz.city(written.title())
        if city is not None and written.isupper():
            start = m.start("city")
            out.append(Name(start, start + len(written), written, "GPE", "city", 2,
                            city.name, city.country_iso))  # fmt: skip
        area = m["area"]
        if area is None or city is None:
            continue
        start = m.start("area")
        state, country = gaz.state(area), gaz.country(area)
        if state is not None and state.country_iso == city.country_iso:
            out.append(Name(start, m.end("area"), area, "GPE", "region", 2, state.name,
                            state.country_iso))  # fmt: skip
        elif country is not None and country.iso == city.country_iso:
            out.append(Name(start, m.end("area"), area, "GPE", "country", 3, country.name,
                            country.iso))  # fmt: skip
    return out


# "Senator John McCain (R-AZ)", "Rep. Jane Doe (D-N.Y.)": a lawmaker's party letter and
# the state he or she sits for, by postal code or newspaper abbreviation.
PARTY_STATE = re.compile(
    r" *\(\s*(?:[RDI]|Ind)\s*[-–]\s*(?P<state>[A-Z][A-Za-z.]{1,5}(?: ?[A-Z][a-z]*\.)?)\s*\)"
)


def party_state(gaz: Gazetteer, text: str, end: int) -> tuple[State, int, int, int] | None:
    """The state of a party-and-state code right after offset ``end``: the state, the
    code's span, and where the parenthesis closes."""
    m = PARTY_STATE.match(text, end)
    if m is None:
        return None
    code = m["state"]
    state = gaz.state(code) or gaz.state_code(code.replace(".", "").replace(" ", ""))
    return None if state is None else (state, m.start("state"), m.end("state"), m.end())


def party_state_names(doc: Doc, gaz: Gazetteer) -> list[Name]:
    """The states of "(R-AZ)" after a person's name the model read (GUIDE §15 R4)."""
    out: list[Name] = []
    text = doc_text(doc)
    for ent in doc_ents(doc):
        if ent.label_ != "PERSON":
            continue
        found = party_state(gaz, text, ent.end_char)
        if found is not None:
            state, start, end, _close = found
            out.append(Name(start, end, text[start:end], "GPE", "region", 2, state.name,
                            state.country_iso))  # fmt: skip
    return out


def _with_model_numbers(names: list[Name], doc: Doc) -> list[Name]:
    """'the iPhone 4', 'the iPad 2': a thing's name that the article writes, more than
    once, with the same small number right after it names that model, wherever it is
    so written; the number is part of the name, not a count ("200 iPhone 4 customers"
    counts customers). The model reads the pair as a name only now and then."""
    text = doc_text(doc)
    things = {n.text: n for n in names if n.kind == "other" and n.text.strip()}
    found: list[Name] = []
    for written, thing in things.items():
        # not "iPhone 3" of "iPhone 3G": the number ends the word
        pattern = rf"(?<![\w-]){re.escape(written)} (\d{{1,3}})(?!\w)(?![.,]?\d)(?!\s*%)"
        matches = list(re.finditer(pattern, text))
        counts: dict[str, int] = {}
        for m in matches:
            counts[m[1]] = counts.get(m[1], 0) + 1
        for m in matches:
            if counts[m[1]] < 2 or doc.char_span(m.start(), m.end()) is None:
                continue
            key = f"{thing.key} {m[1]}"
            found.append(Name(m.start(), m.end(), m[0], "PRODUCT", "other", 2, key))
    if not found:
        return names
    kept = [n for n in names if not any(f.start < n.end and n.start < f.end for f in found)]
    return sorted(kept + found, key=lambda n: n.start)


# Lower-case nouns of a site that a name before them names ("the Foo Assembly plant").
SITE_NOUNS = word_set("""
    plant factory refinery mill mine smelter facility complex works warehouse depot
    shipyard yard terminal reactor
    """)


def _sites_named(names: list[Name], doc: Doc, gaz: Gazetteer) -> list[Name]:
    """'the Foo Transmission plant', 'at the Foo Assembly plant': a name the text only
    ever writes as the modifier of a site's noun names the site, a facility, whatever
    the model's label or its body's head word. A name also written on its own, or
    one that acts, is the owner ("the Acme plant", "Acme said")."""
    mentions: dict[str, list[Name]] = {}
    for n in names:
        mentions.setdefault(n.key, []).append(n)
    sites: set[str] = set()
    for key, group in mentions.items():
        if any(n.kind in PLACE_KINDS | {"country"} or n.demonym for n in group):
            continue  # a city or a country before "plant" stays what it is
        if all(_before_site_noun(doc, n) for n in group) and not _acts_anywhere(doc, key):
            sites.add(key)
    for n in names:
        if n.key in sites:
            n.kind, n.strength, n.label = "facility", 2, "FAC"
            n.country = facility_country(n.key, gaz)
    return names


def _site_names(doc: Doc, gaz: Gazetteer) -> list[Name]:
    """'the Foo Transmission plant': capitalised words bound to a site's noun right
    after them, which the model leaves unlabelled or only partly labels, name the
    site. A known place or country among them ("the Ohio plant") is left to the
    model's reading."""
    out: list[Name] = []
    for noun in tokens(doc):
        if not noun.is_lower or noun.lemma_.lower() not in SITE_NOUNS or noun.i == 0:
            continue
        start = noun.i
        while (
            start > 0
            and start <= doc[start - 1].head.i <= noun.i
            and doc[start - 1].dep_ == "compound"
            and doc[start - 1].tag_ == "NNP"
            and _is_capitalised(doc[start - 1])
            and not doc[start - 1].is_sent_start
            and "\n" not in doc[start - 1].whitespace_
        ):
            start -= 1
        if start == noun.i or doc[start - 1].lower_ not in {"the", "its", "their", "'s", "’s"}:
            continue
        span = doc[start : noun.i]
        # The model's own name for some of the words stands, unless it leaves a word
        # out ("Foo" read as a person in "the Foo Casting plant").
        labelled = [t for t in span if t.ent_type_]
        if labelled and (len(labelled) == len(span) or labelled[0].ent_iob_ != "B"):
            continue
        if gaz.country(span.text) or gaz.demonym(span.text) or gaz.city(span.text):
            continue  # "the Ohio plant": where, not which
        out.append(Name(span.start_char, span.end_char, span.text, "FAC", "facility", 2))
    return out


def _campus_names(doc: Doc, gaz: Gazetteer) -> list[Name]:
    """'the University of North Carolina at Greensboro': a university named with its
    campus's city after "at" is one name, which the model reads as the university and
    a city; the city named only inside it is no place (GUIDE §4)."""
    out: list[Name] = []
    ents = doc_ents(doc)
    for k, ent in enumerate(ents[:-1]):
        if ent.label_ != "ORG" or not any(t.text == "University" for t in ent):
            continue
        at = ent.end - 1 if ent[-1].lower_ == "at" else ent.end
        city = ents[k + 1]
        if at >= len(doc) or doc[at].lower_ != "at" or city.start != at + 1:
            continue
        if city.label_ != "GPE" and gaz.city(city.text) is None:
            continue
        if city.end < len(doc) and _is_capitalised(doc[city.end]):
            continue
        start = ent.start + (ent[0].lower_ == "the")
        span = doc[start : city.end]
        if "\n" in span.text:
            continue
        out.append(Name(span.start_char, span.end_char, span.text, "ORG", "organization", 2))
    return out


def _before_site_noun(doc: Doc, name: Name) -> bool:
    span = doc.char_span(name.start, name.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    noun = doc[span.end]
    return (
        noun.is_lower
        and noun.lemma_.lower() in SITE_NOUNS
        and span.root.head == noun
        and span.root.dep_ in {"compound", "nmod", "amod"}
    )


_NUMBERED_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")


def _with_ordinal(doc: Doc, name: Name) -> Name:
    """'the 2nd U.S. Circuit Court of Appeals', 'the 101st Airborne Division': a
    numbered ordinal between "the" and a body's name is part of the name (which
    court, which division); the model leaves it out as a number."""
    if name.label not in {"ORG", "FAC"} and name.kind != "organization":
        return name
    span = doc.char_span(name.start, name.end, alignment_mode="expand")
    if span is None or span.start < 2:
        return name
    ordinal, det = doc[span.start - 1], doc[span.start - 2]
    if not _NUMBERED_ORDINAL.match(ordinal.text) or det.lower_ != "the":
        return name
    if "\n" in ordinal.whitespace_ or not _ends_like_a_body(span[:] if len(span) > 1 else span):
        return name
    text = doc_text(doc)[ordinal.idx : name.end]
    return replace(name, start=ordinal.idx, text=text)


# Words that open a multi-word post ("Executive Vice President", "Senior Vice
# President", "Chief Financial Officer"), which the model can read into the body's name.
_POST_OPENERS = word_set("executive senior chief vice deputy")


def _without_noun_of(doc: Doc, name: Name) -> Name:
    """'Shares of Trent Insurance fell': the model's organization opens with the
    sentence's plural common noun and its "of"; the body is what follows ("Bank of
    America" opens with a proper noun and keeps it)."""
    if name.label != "ORG":
        return name
    span = doc.char_span(name.start, name.end, alignment_mode="expand")
    if span is None or len(span) < 3:
        return name
    opens = span.start == 0 or span[0].is_sent_start or "\n" in doc[span.start - 1].text_with_ws
    if not opens:
        return name
    if span[0].tag_ != "NNS" or span[1].lower_ != "of" or not span[2].is_title:
        return name
    rest = span[2:]
    return replace(name, start=rest.start_char, text=rest.text)


def _without_title_opening(doc: Doc, name: Name) -> Name:
    """'Boeing Executive Vice President Scott Carson': the model's organization
    "Boeing Executive" ends in the first word of the post that follows it; the
    body is "Boeing". Only when a title word follows the span, so a body named
    with such a word ("Executive Council", "Chief Rabbinate") keeps it."""
    if name.label != "ORG":
        return name
    span = doc.char_span(name.start, name.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return name
    nxt = doc[span.end]
    if not (nxt.text[:1].isupper() and (nxt.lower_ in TITLE_WORDS or nxt.lower_ in ROLE_NOUNS)):
        return name
    end = span.end
    while (
        end - 1 > span.start
        and doc[end - 1].lower_ in _POST_OPENERS
        and doc[end - 1].text[0].isupper()
    ):
        end -= 1
    if end == span.end:
        return name
    rest = doc[span.start : end]
    return replace(name, end=rest.end_char, text=rest.text)


# Prefixes of a political stance: "the pro-Beijing camp", "the pan-democracy camp".
_STANCE_PREFIXES = word_set("pro anti pan non")
_CAMP_NOUNS = word_set("camp bloc")


def _camp_names(doc: Doc) -> list[Name]:
    """'the pro-Beijing camp', 'the localist camp': a political camp named by its
    stance is a group the article singles out (GUIDE §2 table, ``group``; scored
    as an organization). Only a stance: a hyphenated pro-/anti-/pan- word or an
    -ist word ("the refugee camp", "a training camp" are places or nothing)."""
    out: list[Name] = []
    for tok in tokens(doc):
        if tok.lower_ not in _CAMP_NOUNS or tok.i < 1:
            continue
        prev = doc[tok.i - 1]
        start = None
        if (
            tok.i >= 3
            and doc[tok.i - 2].text == "-"
            and not doc[tok.i - 3].whitespace_
            and not doc[tok.i - 2].whitespace_
            and doc[tok.i - 3].lower_ in _STANCE_PREFIXES
        ):
            start = tok.i - 3
        elif prev.is_alpha and prev.lower_.endswith(("ist", "ists")) and len(prev) > 4:
            start = tok.i - 1
        if start is None:
            continue
        span = doc[start : tok.i + 1]
        out.append(Name(span.start_char, span.end_char, span.text, "GROUP", "organization", 2))
    return out


def _given_name_pairs(doc: Doc, gaz: Gazetteer) -> list[Name]:
    """'the party's Regina Ip', 'nonpartisan Junius Ho': a common given name and a
    capitalised word after it that the model gave no label: a person the model
    missed. Only a pair exactly (a third capitalised word may make a body's name),
    never one opening a sentence or a line (a heading's words are all capitalised)."""
    out: list[Name] = []
    for tok in doc[:-1]:
        nxt = doc[tok.i + 1]
        after = doc[tok.i + 2] if tok.i + 2 < len(doc) else None
        if (
            tok.text not in given_names()
            or tok.is_sent_start
            or tok.ent_type_
            or nxt.ent_type_
            or tok.tag_ != "NNP"
            or nxt.tag_ not in {"NNP", "NNPS"}
            or not _is_capitalised(nxt)
            or nxt.text in ORG_NAME_HEADS | NOT_PERSON_HEADS
            or "\n" in tok.whitespace_
            or (after is not None and _is_capitalised(after) and not after.is_sent_start)
            or (tok.i and doc[tok.i - 1].is_title and not doc[tok.i - 1].is_sent_start)
        ):
            continue
        span = doc[tok.i : tok.i + 2]
        if gaz.city(span.text) is None and gaz.country(span.text) is None:
            out.append(Name(span.start_char, span.end_char, span.text, "PERSON", "person", 2))
    return out


def _world_region_names(doc: Doc, gaz: Gazetteer) -> list[Name]:
    """'in Europe and Asia Monday': continents the model did not read as names (the
    gazetteer's, capitalised as names are)."""
    out: list[Name] = []
    for tok in tokens(doc):
        if not _is_capitalised(tok):
            continue
        for size in (2, 1):
            span = doc[tok.i : tok.i + size]
            capitalised = len(span) == size and all(_is_capitalised(t) for t in span)
            if capitalised and gaz.world_region(span.text) is not None:
                out.append(Name(span.start_char, span.end_char, span.text, "LOC"))
                break
    return out


def _airline_of(doc: Doc, name: Name, gaz: Gazetteer) -> Name:
    """'Air China', 'Air France': "Air" before a country or a city names an airline."""
    span = doc.char_span(name.start, name.end, alignment_mode="expand")
    if span is None or span.start == 0 or doc[span.start - 1].text != "Air":
        return name
    if gaz.country(name.text) is None and gaz.city(name.text, primary_only=True) is None:
        return name
    air = doc[span.start - 1]
    text = doc_text(doc)[air.idx : name.end]
    return Name(air.idx, name.end, text, "ORG", "organization", 2)


def _bracketed_acronyms(doc: Doc, names: list[Name]) -> list[Name]:
    """'the European Central Bank (ECB)': the acronym an organization's name is
    followed by, which the model often leaves out, is another name of it (and of a
    thing's: "... Developers Conference (WWDC)"). Only names the text itself
    types count: the model's guesses are not repeated under a second name."""
    out: list[Name] = []
    for name in names:
        if not (name.kind == "organization" and name.strength >= 2) and name.kind != "other":
            continue
        span = doc.char_span(name.start, name.end, alignment_mode="expand")
        if span is None or span.end + 2 >= len(doc):
            continue
        opening, acronym, closing = doc[span.end : span.end + 3]
        if opening.text != "(" or closing.text != ")" or not acronym.is_upper:
            continue
        if not acronym.is_alpha or _initials(name.key) != acronym.text:
            continue
        found = Name(acronym.idx, acronym.idx + len(acronym), acronym.text, "ORG", name.kind, 2)
        if not _overlaps_any(found, names):
            found.key = acronym.text
            out.append(found)
    return out


def _overlaps_any(name: Name, others: list[Name]) -> bool:
    return any(o.start < name.end and name.start < o.end for o in others)


_REGION_SUFFIXES = word_set("region province governorate")


def _region_form(doc: Doc, name: Name, gaz: Gazetteer) -> Name:
    """'the Kurdistan region', 'Iraqi Kurdistan': the words news names a region with.

    The bare name stays the cluster key, so every form is one place, and each form
    is an alias that finds its mentions.
    """
    if name.kind != "region":
        return name
    span = doc.char_span(name.start, name.end, alignment_mode="expand")
    if span is None:
        return name
    start, end = name.start, name.end
    if span.end < len(doc) and doc[span.end].text in _REGION_SUFFIXES:
        end = doc[span.end].idx + len(doc[span.end].text)
    elif span.start > 0 and doc[span.start - 1].text[0].isupper():
        prev = doc[span.start - 1]
        if gaz.demonym(prev.text) is not None:
            start = prev.idx
    if (start, end) == (name.start, name.end):
        return name
    name.core = name.key
    name.start, name.end = start, end
    name.text = doc_text(doc)[start:end]
    name.key = normalise_name(name.text)
    return name


def _drop_covered(names: list[Name]) -> list[Name]:
    """Names inside a longer one that grew over them ("Iraqi" in "Iraqi Kurdistan")."""
    grown = SpanIndex((n for n in names if n.core), _bounds)
    return [n for n in names if n.core or not grown.enclosing(n.start, n.end)]


# Time zones written after a clock time ("at 16:00 UTC"): the model calls them organizations.
TIME_ZONES = word_set("UTC GMT EST EDT CST CDT MST MDT PST PDT CET CEST BST IST JST AEST AEDT")
# Currency codes written beside an amount ("$99 (USD)"): the model calls them organizations.
CURRENCY_CODES = word_set("""
    USD EUR GBP JPY CNY RMB AUD CAD CHF INR RUB BRL KRW MXN SEK NOK DKK NZD HKD SGD ZAR
    TRY SAR AED IRR IQD ILS EGP PKR
    """)

# Last words of a capitalised name that make it an event ("... Air Show").
EVENT_HEADS = word_set("""
    Conference Summit Show Expo Exhibition Fair Festival Games Olympics Championship
    Championships Marathon Awards Cup Trophy Tournament Prize Olympiad
    """)

# Last words of a holiday's name.
_HOLIDAY_HEADS = word_set("Day Eve")

# Last words of a law's or a treaty's name.
LAW_HEADS = word_set("Act Treaty Accord Accords Amendment Protocol Directive Ordinance Statute")

# Last words that make a capitalised name a website's ("Foo Wiki"), a thing (GUIDE §2 rule 8).
WEBSITE_HEADS = word_set("Wiki Blog Forum Store")
# "160GB", "2.4GHz", "12MP": a quantity with its unit written as one word, no name.
_UNITS = r"(?:GB|MB|TB|KB|GHz|MHz|mAh|MP|Gbps|Mbps|kW|MW|GW|kWh|mm|cm|km|kg|dB)"
_QUANTITY = re.compile(rf"^\d+(?:[.,]\d+)?{_UNITS}$")
# "16 GB", "249 USD", "0800 UTC": an amount and its unit, currency or zone written
# apart; the model calls the unit, or the pair, a name.
_UNIT = re.compile(rf"^{_UNITS}\.?$")
_AMOUNT = re.compile(r"^\d+(?:[.,]\d+)*$")
# "4.0", "10.4.1": a release number; a plain decimal ("2.5") is one too when no unit
# or amount word follows it.
_DOTTED_VERSION = re.compile(r"^\d{1,2}(?:\.\d{1,2}){1,2}$")
_AMOUNT_WORDS = word_set("percent per points point million billion times goals shots")
# "Scientology.org", "www.example.co.uk": a web address names a website, a thing.
_WEB_ADDRESS = re.compile(
    r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|info|io|co|uk)$", re.I
)
# "Operation Foo": a named operation or campaign, a thing rather than a body.
_OPERATION_WORDS = word_set("Operation Project Programme Program")

# Nouns that make a name next to them a market index's ("the FTSE index").
INDEX_WORDS = word_set("index indices indexes average composite")
_MODEL_NUMBER = re.compile(r"^(?=.*\d)(?=.*[A-Za-z])[\w-]+$|^\d")


def _without_things(names: list[Name], doc: Doc) -> list[Name]:
    """Products and market indices become things (kind ``other``); time zones go.

    News capitalises all three like names. Each test is a property of how news
    writes such things: a lower-case initial before a capital ("iPod"), a model
    number ("A380"), a product or index noun beside the name, a time zone's
    abbreviation. A name written once in such a context is a thing wherever it
    recurs ("the Dow Jones Industrial Average", then "the Dow", which joins the
    index it shortens); a textual cue that it is an organization ("the company
    Foo") keeps it an organization. Things stay as actors so that the build's
    finder takes their words: "Acme" inside "the Acme X200" is the product's name.
    """
    things: set[str] = set()
    indices: set[str] = set()
    zones: set[str] = set()
    for name in names:
        key = name.key
        # "15:11 GMT the site ...": a time zone is none, whatever cue the parse gave it.
        if key in TIME_ZONES and name.label != "PERSON":
            zones.add(key.lower())
            continue
        if name.strength >= 2 and name.kind not in PLACE_KINDS | {"other"}:
            continue
        if name.strength >= 2 and name.kind == "city":
            continue  # a dateline's city: the number ending the headline above is no model's
        thing = _thing_reading(name, doc)
        if thing == "index":
            indices.add(name.key.lower())
        elif thing == "zone":
            zones.add(name.key.lower())
        elif thing:
            things.add(name.key.lower())

    out = []
    for name in names:
        key = name.key.lower()
        if key in zones:
            continue
        if name.kind == "other" or (name.strength >= 2 and name.kind not in PLACE_KINDS):
            out.append(_without_demonym(name) if key in indices else name)
            continue
        # "the Dow" beside "the Dow Jones Industrial Average": the longer index it
        # shortens wins over its own reading as an index (it moves by points too).
        index = next((i for i in sorted(indices) if i.startswith(key + " ")), None)
        index = index or (key if key in indices else None)
        if index is not None or key in things:
            name.kind, name.country, name.demonym = "other", None, False
            if index is not None and index != key:
                name.core = index  # "the Dow" is the index it shortens
            if index is not None:
                name = _without_demonym(name)
        out.append(name)
    return _line_mates(out)


def _line_mates(names: list[Name]) -> list[Name]:
    """'the Foo Air ... Apple's Foo Pro': a name the model reads as a person's, opened by
    no given name but by the word that opens a thing's name in the article, is
    another model of that line. A person's given name does not open products' names."""
    lines = {n.key.split()[0] for n in names if n.kind == "other" and len(n.key.split()) >= 2}
    for n in names:
        words = n.key.split()
        if (
            n.label == "PERSON"
            and n.strength < 2
            and n.kind in {"", "person"}
            and len(words) == 2
            and words[0] in lines
            and words[0] not in given_names()
        ):
            n.kind = "other"
    return names


def _thing_reading(name: Name, doc: Doc) -> str | None:
    """'index' or 'thing' (not an actor, either) or None, from the name and its context."""
    words = name.key.split()
    if not words or name.label == "NORP":
        return None
    if (words[-1] in TIME_ZONES or words[-1] in CURRENCY_CODES) and len(words) == 1:
        return "zone"
    if len(words) >= 2 and words[-1] in _HOLIDAY_HEADS and words[-2][:1].isupper():
        # "Martin Luther King Jr. Day", "Boxing Day": a holiday is a date (GUIDE §5),
        # not the person or the thing it is named after.
        return "zone"
    if len(words) == 1 and (_QUANTITY.match(words[0]) or _UNIT.match(words[0])):
        return "zone"  # dropped as a time zone is: no actor, no thing
    if (
        len(words) == 2
        and _AMOUNT.match(words[0])
        and (words[1] in TIME_ZONES | CURRENCY_CODES or _UNIT.match(words[1]))
    ):
        return "zone"
    # "the Clean Air Act", "the Kyoto Protocol": a law or a treaty is an abstract
    # thing, no actor (GUIDE §3), whatever label the model gave it.
    if len(words) >= 2 and (
        words[-1] in LAW_HEADS or (words[-1].isdigit() and words[-2] in LAW_HEADS)
    ):
        return "zone"
    first = words[0]
    if len(first) > 1 and first[0].islower() and any(c.isupper() for c in first[1:]):
        return "thing"  # "iPod", "iTunes Store", "eBay" aside, which a cue keeps
    # "Terminal 3", "Chapter 11": a numbered part of something is no product.
    numbered = len(words) == 2 and words[0] in _NUMBERED_WORDS
    # "the 101st Airborne Division", "the 5th Circuit": an ordinal numbers a body, no model.
    model = [w for w in words if _MODEL_NUMBER.match(w) and not _NUMBERED_ORDINAL.match(w)]
    if model and not numbered:
        return "thing"
    if any(w.lower() in INDEX_WORDS for w in words[1:]):
        return "index"
    if len(words) >= 2 and words[-1] in EVENT_HEADS | WEBSITE_HEADS:
        return "thing"  # "the Acme Developers Conference": an event, not the organizer
    # "the Project on Government Oversight has called it": a project that speaks is
    # the body behind it; an operation never does.
    if len(words) >= 2 and words[0] in _OPERATION_WORDS and not _agent_anywhere(doc, name.key):
        return "thing"
    span = doc.char_span(name.start, name.end, alignment_mode="expand")
    # "Foo.com said ...": a website that speaks or acts is the outlet behind it (GUIDE
    # §2 rule 4); one that is only visited, attacked or named is the site, a thing.
    if _WEB_ADDRESS.match(name.key) and span is not None and not _in_subject(span.root):
        return "thing"
    if span is None:
        return None
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in INDEX_WORDS:
        return "index"  # "the stock index FTSE 100"
    if span.end >= len(doc):
        return None
    after = doc[span.end]
    versioned = bool(_DOTTED_VERSION.match(after.text))
    if after.like_num and span.end + 1 < len(doc):
        after = doc[span.end + 1]  # "the FTSE 100 index"
    if after.lower_ in INDEX_WORDS:
        return "index"
    if _moves_by_points(span):
        return "index"  # "the Dow fell 340 points": only an index moves by points
    if versioned and after.lower_ not in _AMOUNT_WORDS and after.text not in {"%", "-", "–"}:
        # "the new Foo 4.0 web browser", "Foo 10.4.1": a release numbered with
        # points is software's; no person or body is written with one.
        return "thing"
    # "Boeing's rival Airbus ... believes", "McDonnell Douglas merged with Boeing": a
    # name that speaks or does what only people and bodies do is neither a product
    # nor a work, whatever the nouns around one of its mentions suggest.
    if _agent_anywhere(doc, name.key):
        return None
    if _product_context(span, before, doc[span.end], len(words)):
        return "thing"
    # A person's, a body's or a building's name ("Acme's Delivery Center") is no product.
    headed = any(w in ORG_NAME_HEADS for w in words) or words[-1] in NOT_PERSON_HEADS
    if not headed and (_counted(span, words) or _listed_with_its_line(span, words)):
        # The model's person label too: people are neither counted out nor listed
        # as a line sharing one first word.
        return "thing"
    bodylike = (
        name.label == "PERSON"
        or any(w in ORG_NAME_HEADS for w in words)
        or words[-1] in NOT_PERSON_HEADS
    )
    if not bodylike and (
        _owned_by_organization(span)
        or _version_anywhere(doc, name.key)
        or _product_object(span)
        or _names_a_product(span)
        or _listed_with_products(span)
    ):
        return "thing"
    # The small model calls an unfamiliar product a person as readily as a body: a
    # name listed with products is one, unless it opens with a given name.
    if (
        name.label == "PERSON"
        and words[0] not in given_names()
        and not any(w in ORG_NAME_HEADS for w in words)
        and (_listed_with_products(span) or _version_anywhere(doc, name.key))
    ):
        return "thing"
    return None


# Determiners that count what they go with: "each Foo", "a new Foo".
_COUNTING_DETERMINERS = word_set("a an each every another any")


def _counted(span: Span, words: list[str]) -> bool:
    """'sold 2,000 Foos', 'each Foo costs', 'buyers of a new Foo': a name that a
    number or a counting determiner goes with names units of a thing, a product or a
    model; a body or a person is not counted out ("two Acmes"). A year ("the 2010
    Foo") counts nothing, and a given name opening the name is left to the person
    reading ("a John Smith", rare, but no product either)."""
    root = span.root
    if root.i != span.end - 1 or root.dep_ in {"compound", "poss", "nmod", "amod"}:
        return False  # "a Foo spokesman", "two Foo plants": the count is the noun's
    if words[0] in given_names():
        return False
    for child in root.children:
        if child.i >= span.start:
            continue
        if child.dep_ == "det" and child.lower_ in _COUNTING_DETERMINERS:
            return True
        if child.dep_ == "nummod" and child.ent_type_ not in _WHEN and child.like_num:
            return True
    return False


def _listed_with_its_line(span: Span, words: list[str]) -> bool:
    """'the Foo Mini, Foo Nano and Foo Max', 'the Foo and Foo Pro': names coordinated
    with names that open with the same word are the models of one line. People
    listed together share a family name last ("Venus and Serena Roe"), not a first
    word; bodies that share one end in a body's word ("Bank of X and Bank of Y"),
    which the caller leaves out, as it does names that speak or hire (agents)."""
    if words[0] in given_names():
        return False
    root = span.root
    partners = [c for c in root.children if c.dep_ == "conj"]
    if root.dep_ == "conj":
        partners.append(root.head)
    # A model's name is its line's word and at most one more ("Foo Pro", "Foo 3"):
    # "Royal Saudi Air Force" and "Royal Navy" share a word, not a line.
    if len(words) > 2:
        return False
    first = span[0].text
    for p in partners:
        if p.i in range(span.start, span.end):
            continue
        opening = min((t for t in p.subtree if t.i <= p.i), key=lambda t: t.i)
        while opening.lower_ in {"the", "a", "an"} and opening.i < p.i:
            opening = p.doc[opening.i + 1]
        # "Foo and Foo" is one name written twice, no line.
        same_line = opening.text == first and p.pos_ == "PROPN" and p.i - opening.i <= 1
        if same_line and (len(words) == 2 or p.i > opening.i):
            return True
    return False


def _in_subject(tok: Token, through_prepositions: bool = True) -> bool:
    """'Foo.com said', 'sites such as Foo.com have stated': the name is, or is named
    inside, the subject of its clause; without ``through_prepositions``, only the
    subject itself or its apposition ("the blog Foo obtained", not "posts on the
    site Foo theorized")."""
    links = {"pobj", "prep", "amod", "appos", "conj", "compound"}
    if not through_prepositions:
        links = {"appos", "compound"}
    for _ in range(5):
        if tok.dep_ in {"nsubj", "nsubjpass"}:
            return True
        if tok.dep_ not in links:
            return False
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in THING_NOUNS | _WEBSITE_NOUNS:
            return False  # "the Foo.com site was down": the site is the subject
        tok = tok.head
    return False


def _version_anywhere(doc: Doc, key: str) -> bool:
    """Any mention of the name, labelled by the model or not, is a product's by
    ``_version_of``: the model labels a product's name in one sentence and leaves it
    bare in the one that says what it is ("the latest versions of Foo")."""
    for span in _written_spans(doc, key):
        # "The Boeing 787 is an airliner": the maker's name opening a model's is the
        # model's word, not the name said to be a product.
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and (nxt.like_num or _product_form(nxt)):
            continue
        if _version_of(span):
            return True
    return False


def _owned_by_organization(span: Span) -> bool:
    """'Acme's Foo Store', 'Google's Foo': a capitalised name an organization owns is a
    product of it; a body it owns is written with a body's head word ("Acme's Foo
    Division") or in lower case ("Acme's board")."""
    return any(
        c.dep_ == "poss" and c.ent_type_ == "ORG" and c.i < span.start for c in span.root.children
    )


# Nouns of one form of a product or a work: "the latest versions of Foo".
_VERSION_NOUNS = word_set("version versions edition editions update updates upgrade upgrades")


def _version_of(span: Span) -> bool:
    """'the latest versions of Foo', 'Foo's various versions', 'Foo is the #2 browser':
    a name a version noun is of, or that the copula makes a product, is a product.
    A version that is itself of something is an account ("Roe's version of events")."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        noun = root.head.head
        return noun.lower_ in _VERSION_NOUNS and not any(c.dep_ == "poss" for c in noun.children)
    if root.dep_ == "poss" and root.head.lower_ in _VERSION_NOUNS:
        return not any(c.dep_ == "prep" and c.lower_ == "of" for c in root.head.children)
    # "Foo version 120": a numbered version names the product; "a Foo update" with no
    # number may name its maker.
    doc = span.doc
    if (
        span.end + 1 < len(doc)
        and doc[span.end].lower_ in {"version", "release", "build"}
        and doc[span.end + 1].like_num
    ):
        return True
    if root.dep_ == "nsubj" and root.head.lemma_ == "be" and not negated_or_modal(root.head):
        attrs = [c for c in root.head.children if c.dep_ == "attr"]
        nouns = PRODUCT_NOUNS | MADE_PRODUCT_NOUNS
        return any(a.lemma_.lower() in nouns and a.pos_ == "NOUN" for a in attrs)
    return False


def _product_object(span: Span) -> bool:
    """'Acme releases Foo', 'Foo will be shipped in July': the object of a verb that
    only takes products; a conjunct shares it ("unveiled Foo and Bar")."""
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    verb = root.head
    if root.dep_ not in {"dobj", "nsubjpass"} or verb.lemma_.lower() not in PRODUCT_VERBS:
        return False
    # A parse that runs from a headline into the dateline's next line joins clauses
    # that are not one ("Acme launches Foo / May 1 / Acme Computer today ...").
    lo, hi = sorted((verb.i, root.i))
    return "\n" not in span.doc[lo : hi + 1].text


# Nouns of software and devices, which a company's possessive marks as its own make:
# "Acme's Foo browser" names the product Foo, made by Acme. Vehicles and aircraft are
# left out: "Foo Air's Acme jets" names the operator and the maker.
MADE_PRODUCT_NOUNS = word_set("""
    software browser app application system platform computer laptop notebook desktop
    tablet phone smartphone handset device console player reader
    """)


def _product_head(span: Span) -> Token | None:
    """The product noun the name modifies, through the compounds and adjectives of one
    noun phrase: "the Foo personal computer", "the Foo OS X operating system". Not
    through a hyphen ("Foo-based computers" names the maker of a part)."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].text in {"-", "–"}:
        return None
    tok, hops = span.root, 0
    while tok.dep_ in {"compound", "nmod", "amod"} and tok.head.i > tok.i and hops < 4:
        tok, hops = tok.head, hops + 1
    if hops == 0 or not tok.is_lower or tok.pos_ != "NOUN":
        return None
    return tok if tok.lemma_.lower() in PRODUCT_NOUNS | MADE_PRODUCT_NOUNS else None


def _names_a_product(span: Span) -> bool:
    """'Acme's Foo browser', 'the first Foo personal computer was released': the name
    modifies a product noun that an organization owns, or that a product verb takes
    as its object; the maker is the possessor or the verb's subject, not the name."""
    head = _product_head(span)
    if head is None:
        return False
    names = normalise_name(span.text)
    # The owner: a body's name, "its", or a body's noun ("the company's Foo tablet").
    owner = [
        c
        for c in head.children
        if c.dep_ == "poss"
        and c.i < span.start
        and c.text != names
        and (
            c.ent_type_ == "ORG"
            or c.lower_ == "its"
            or (c.is_lower and c.lemma_.lower() in ORG_NOUNS)
        )
    ]
    if owner and head.lemma_.lower() in MADE_PRODUCT_NOUNS:
        return True
    verb = head.head
    if head.dep_ not in {"dobj", "nsubjpass"} or verb.lemma_.lower() not in PRODUCT_VERBS:
        return False
    makers = [c for c in verb.children if c.dep_ == "nsubj" and c.text == names]
    lo, hi = sorted((verb.i, span.start))
    return not makers and "\n" not in span.doc[lo : hi + 1].text


def _product_form(tok: Token) -> bool:
    """'iPad', 'X200': a word written as only products are, a lower-case initial before
    a capital or letters with digits."""
    t = tok.text
    camel = len(t) > 1 and t[0].islower() and any(c.isupper() for c in t[1:])
    return camel or bool(_MODEL_TOKEN.match(t) and any(c.isalpha() for c in t))


def _listed_with_products(span: Span) -> bool:
    """'the success of the iPad and Foo Bar', 'the iPhoto, iMovie, and Foo programs': a
    name coordinated with a word written as a product is one more product, unless
    the name acts somewhere in the article (a maker says, announces, owns)."""
    root = span.root
    partners = [c for c in root.children if c.dep_ == "conj"]
    if root.dep_ == "conj":
        partners.append(root.head)
    if not any(_product_form(p) and p.ent_type_ != "PERSON" for p in partners):
        return False
    return not _acts_anywhere(span.doc, normalise_name(span.text))


def _acts_anywhere(doc: Doc, key: str) -> bool:
    """A mention of the name is a clause's subject, a passive's agent or a possessor."""
    for ent in ents_named(doc, key):
        tok = ent.root
        if _acts(tok) or tok.dep_ == "poss" or any(c.dep_ == "case" for c in tok.children):
            return True
    return False


# Verbs whose subject is a person or a body, never a product or a work: speech, and
# what only an owner or an employer does. "Introduce", "offer", "feature" and "sell"
# are left out ("the phone introduces a new camera", "the album sold a million").
AGENT_VERBS = SPEECH_VERBS | word_set("""
    merge acquire hire employ sue appoint fire lay invest partner decline refuse
    """)


def _agent_anywhere(doc: Doc, key: str) -> bool:
    """A mention of the name is the subject of an agent's verb ("Airbus believes")."""
    for ent in ents_named(doc, key):
        tok = ent.root
        while tok.dep_ == "conj" and tok.head.i < tok.i:
            tok = tok.head  # "Acme and Foo said": each conjunct is a subject
        verb = tok.head
        if (
            tok.dep_ == "nsubj"
            and verb.pos_ in {"VERB", "AUX"}
            and verb.lemma_.lower() in AGENT_VERBS
            and not negated_or_modal(verb)
        ):
            return True
    return False


_SCORING_VERBS = word_set("""
    win collect earn score concede
    """)


def _moves_by_points(span: Span) -> bool:
    """'X fell/rose/closed ... N points', '..., which fell N points', 'the stock index,
    X, ...': the name is what moves by points, or is in apposition to an index."""
    root = span.root
    if root.dep_ == "appos" and root.head.lemma_.lower() in INDEX_WORDS:
        return True
    verbs = [c for c in root.children if c.dep_ == "relcl"]
    if root.dep_ in {"nsubj", "nsubjpass"}:
        verbs.append(root.head)
    return any(
        (_counted_points(t) and not _scored(t)) or _index_level(t)
        for verb in verbs
        for t in verb.subtree
        if t.i > span.end - 1
    )


def _scored(points: Token) -> bool:
    """'collecting three points', 'won 3 points': a side scores points, an index moves by
    them; the verb the points belong to tells which."""
    verb = points.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    return verb.lemma_.lower() in _SCORING_VERBS


def _index_level(tok: Token) -> bool:
    """'falls below 9,000', 'closed above 10,000': a level in the thousands with no
    unit, which only an index has."""
    if tok.lower_ not in {"below", "above"} or tok.i + 1 >= len(tok.doc):
        return False
    nxt = tok.doc[tok.i + 1]
    try:
        value = float(nxt.text.replace(",", ""))
    except ValueError:
        return False
    after = tok.doc[nxt.i + 1].lower_ if nxt.i + 1 < len(tok.doc) else ""
    return value >= 1000 and after not in {"%", "percent", "people", "jobs"} and not after.isalpha()


def _product_context(span: Span, before: Token | None, after: Token, n_words: int) -> bool:
    """A product noun bound to the name: before it ("web browser Foo", "the
    operating system Foo", "its next model Foo"), in apposition ("Foo, the new
    version of ..."), or "operating system" after it. A noun after a one-word name
    is not enough: "Acme jets" names the maker as often as "Foo Bar laptops"
    names a product; after a longer name ("Foo Bar laptops") it is the product's."""
    root = span.root
    if after.lower_ == "operating" and n_words >= 2:  # "Acme operating system": the maker
        return True
    if (
        n_words >= 2
        and after.lemma_.lower() in PRODUCT_NOUNS
        and root.head == after
        and root.dep_ in {"compound", "amod", "nmod"}
    ):
        return True
    if before is not None and before.lemma_.lower() in PRODUCT_NOUNS | {"system", "model"}:
        bound = (before.dep_ in {"compound", "appos"} and before.head == root) or (
            root.dep_ == "appos" and root.head == before
        )
        if bound and before.i + 1 == span.start:
            return True
    return any(c.dep_ == "appos" and c.lemma_.lower() in PRODUCT_NOUNS for c in root.children)


# --- merging names into entities -------------------------------------------------


def _cluster_key(name: Name) -> str:
    if name.kind == "country" and name.country:
        return f"country:{name.country}"
    return (name.core or name.key).lower()


def _decide_kind(names: list[Name]) -> str:
    best = max(n.strength for n in names)
    votes: Counter[str] = Counter()
    for n in names:
        if n.strength == best:
            votes[n.kind] += _vote(n)
    return votes.most_common(1)[0][0]


def _vote(name: Name) -> float:
    """How much one mention's type counts when the text offers no stronger cue.

    The small model calls many unfamiliar names a location ("Scientology", a
    surname); a place reading that neither the gazetteer nor the text supports
    is worth less than its person or organization reading of the same name.
    """
    if name.strength == 0 and name.kind in PLACE_KINDS and name.label in {"GPE", "LOC"}:
        return 0.4
    return 1.0


def _merge_short_forms(
    groups: dict[str, list[Name]], doc: Doc | None = None
) -> dict[str, list[Name]]:
    """Surnames and given names join the full name they shorten; acronyms the name
    they abbreviate."""
    # "Penske Auto" in the headline for the Penske Automotive Group: a body's name with
    # its words cut short.
    for key, target in _clipped_forms(groups).items():
        if key in groups and target in groups:
            groups[target].extend(groups.pop(key))
    # "Apple Computer", "Apple Inc." and "Apple": one company, named with and without
    # its line of business or legal form, however many such forms the article uses.
    for key in list(groups):
        base = _without_generic_tail(key)
        if (
            base != key
            and base in groups
            and _decide_kind(groups[key]) == "organization"
            and _decide_kind(groups[base]) in {"organization", "other"}
        ):
            groups[base].extend(groups.pop(key))
    # "European Aeronautic Defence and Space Company EADS": a body's name with its
    # acronym written after it is the body the acronym names elsewhere.
    for key in list(groups):
        written = groups[key][0].key.split()
        acronym = _acronym_form(written[-1]) if len(written) >= 3 else ""
        spelt = acronym and acronym in {
            _initials(" ".join(written[:-1])),
            _initials(_without_legal_form(" ".join(written[:-1]))),
        }
        if spelt and acronym.lower() in groups and _decide_kind(groups[key]) == "organization":
            for n in groups[key]:
                n.key = " ".join(written[:-1])  # the name proper; the text stays an alias
            groups[acronym.lower()].extend(groups.pop(key))
    _type_products(groups, _lower_words(doc) if doc is not None else frozenset())
    if doc is not None:
        _type_listed_things(groups, doc)
    for key, target in _middle_name_forms(groups, doc).items():
        groups[target].extend(groups.pop(key))
    for key, target in _honorific_full_names(groups).items():
        for n in groups[target]:
            n.kind, n.country, n.strength = "person", None, max(n.strength, 2)
        groups[target].extend(groups.pop(key))
    full_people = {
        k: v for k, v in groups.items() if len(k.split()) > 1 and _decide_kind(v) == "person"
    }
    orgs = {k: v for k, v in groups.items() if _decide_kind(v) == "organization"}
    # An acronym also shortens a thing's name ("DJIA", the Dow Jones Industrial Average).
    named = {**{k: v for k, v in groups.items() if _decide_kind(v) == "other"}, **orgs}
    weak_people = {
        k: v
        for k, v in full_people.items()
        if all(n.strength < 2 and n.label == "PERSON" for n in v)
        and v[0].key.split()[0] not in given_names()
    }
    moved: dict[str, str] = {}
    common = _lower_words(doc) if doc is not None else frozenset()
    for key in list(groups):
        names = groups[key]
        kind = _decide_kind(names)
        if kind == "country" or key not in groups:
            continue
        body = _body_named_first(key, names, orgs, full_people, doc)
        target = body or _person_shortened(key, names, kind, full_people, doc)
        if target is not None:
            for n in names:
                n.kind, n.country = ("organization" if body else "person"), None
        elif _acronym_form(names[0].key):
            target = _abbreviated(_acronym_form(names[0].key), key, named)
            if target is None and kind == "organization":
                # "United Auto Workers ... the UAW": a name the model alone calls a
                # person's, with no given name, that an organization's acronym spells
                # is that organization.
                target = _abbreviated(_acronym_form(names[0].key), key, weak_people)
                if target is not None:
                    for n in groups[target]:
                        n.kind, n.country = "organization", None
            if target in groups and _decide_kind(groups[target]) == "other":
                for n in names:  # the acronym of a thing is that thing
                    n.kind, n.strength = "other", max(n.strength, 2)
        else:
            target = _organization_shortened(key, names, kind, orgs) or _body_shortened(
                key, names[0].key, kind, orgs, common, names
            )
            if target is not None:
                for n in names:
                    n.kind, n.country = "organization", None
        if target is None:
            target = _misspelling_of(key, names, groups, full_people, orgs)
            if target is not None:
                kind_of = "person" if target in full_people else "organization"
                for n in names:
                    n.kind, n.country = kind_of, None
        # A target that has itself joined another name by now is found where it went.
        while target is not None and target not in groups and target in moved:
            target = moved[target]
        if target is not None and target in groups and target != key:
            groups[target].extend(groups.pop(key))
            moved[key] = target
    return groups


def _clipped_forms(groups: dict[str, list[Name]]) -> dict[str, str]:
    """'Penske Auto' for the Penske Automotive Group, 'Intl Paper' for International
    Paper: an organization's name of two words or more whose first word is another
    organization's and whose every later word opens that one's word in the same place,
    at least one cut short; 'the Fed' for the Federal Reserve, one word that opens the
    first word of another's name. Only where one organization's name fits."""
    orgs = [k for k, v in groups.items() if _decide_kind(v) == "organization"]
    merges: dict[str, str] = {}
    for key in orgs:
        words = key.split()
        written = groups[key][0].key
        if len(words) == 1 and len(key) >= 3 and written[:1].isupper() and not written.isupper():
            # "the Fed" for the Federal Reserve: the first word of one body's name cut
            # short, as any of its names is written.
            fits = [
                k for k in orgs
                if k != key
                and any(
                    len(n.key.split()) >= 2
                    and n.key.split()[0].startswith(written)
                    and len(n.key.split()[0]) > len(written) + 1
                    for n in groups[k]
                )
            ]  # fmt: skip
            if len(fits) == 1:
                merges[key] = fits[0]
            continue
        if len(words) < 2 or any(len(w) < 3 for w in words[1:]):
            continue
        fits = [
            k for k in orgs
            if k != key
            and len(k.split()) >= len(words)
            and k.split()[0] == words[0]
            and all(b.startswith(a) for a, b in zip(words[1:], k.split()[1:], strict=False))
            and any(a != b for a, b in zip(words[1:], k.split()[1:], strict=False))
        ]  # fmt: skip
        if len(fits) == 1:
            merges[key] = fits[0]
    return merges


def _honorific_full_names(groups: dict[str, list[Name]]) -> dict[str, str]:
    """'Kemi Badenoch ... Mrs Badenoch': the surname an honorific makes a person's
    names the person whose full name ends in it, though the model read the full name
    as a body or a place (a given name it does not know). Only a full name of two or
    three plain capitalised words that nothing but the model's label types, and one
    such name per surname."""
    gaz = load_gazetteer()
    merges: dict[str, str] = {}
    for key, names in groups.items():
        if " " in key or not any(n.text.split()[0].rstrip(".").lower() in HONORIFICS
                                 for n in names if n.text.split()):  # fmt: skip
            continue
        fuller = [
            k for k, v in groups.items()
            if k != key and 2 <= len(k.split()) <= 3 and k.split()[-1] == key
            and _decide_kind(v) in {"organization", "region", "place", "city"}
            and all(n.strength < 2 and n.label in _RETYPABLE for n in v)
            and _plain_name(v[0].key, gaz)
        ]  # fmt: skip
        if len(fuller) == 1:
            merges[key] = fuller[0]
    return merges


def _plain_name(key: str, gaz: Gazetteer) -> bool:
    """Capitalised words only, none a body's, a building's or a place's head word,
    and not a place the gazetteer knows."""
    words = key.split()
    if any(not w[:1].isupper() or not w.replace("-", "").isalpha() for w in words):
        return False
    if any(w in ORG_NAME_HEADS or w in NOT_PERSON_HEADS for w in words):
        return False
    return not _is_place_name(key, gaz) and gaz.demonym(words[0]) is None


def _middle_name_forms(groups: dict[str, list[Name]], doc: Doc | None) -> dict[str, str]:
    """Each person's name that a fuller one of the article extends by middle names.

    An obituary or a court story names a person "Ruth Calder" and, once, with
    the middle name ("Ruth Ellen Calder"): one person, named by the fuller form
    (GUIDE §2 Aliases). The shorter form keeps its given name and surname and is
    the fuller's words in order; a shorter form two fuller ones extend joins
    neither, and one written in a sentence with the fuller is another person
    ("Charles Webb and Charles Allen Webb, his father").
    """
    people = [k for k, v in groups.items() if len(k.split()) > 1 and _decide_kind(v) == "person"]
    merges: dict[str, str] = {}
    for key in people:
        words = key.split()
        # "Tim Cook" and "Timothy D. Cook": the familiar form of a given name opens the
        # same person's name as the formal one does, with or without a middle name.
        fuller = [
            k for k in people
            if k.split()[-1] == words[-1]
            and _in_order_words(words[1:-1], k.split()[1:-1])
            and (
                (len(k.split()) > len(words) and k.split()[0] == words[0])
                or (len(k.split()) >= len(words) and _familiar_form(words[0], k.split()[0]))
            )
        ]  # fmt: skip
        if len(fuller) == 1 and not _share_a_sentence(groups[key], groups[fuller[0]], doc):
            merges[key] = fuller[0]
    # No chains: whatever extends a fuller form extends the shorter one too, which
    # then has two fuller forms and joins neither.
    return merges


# Familiar forms of given names that do not simply cut the formal one short.
_FAMILIAR_NAMES = {
    "bill": "william", "will": "william", "bob": "robert", "bobby": "robert",
    "rob": "robert", "jim": "james", "jimmy": "james", "mike": "michael",
    "tom": "thomas", "tommy": "thomas", "dick": "richard", "rick": "richard",
    "joe": "joseph", "tony": "anthony", "steve": "stephen", "ted": "edward",
    "ned": "edward", "chuck": "charles", "charlie": "charles", "jack": "john",
    "johnny": "john", "peggy": "margaret", "maggie": "margaret", "liz": "elizabeth",
    "beth": "elizabeth", "betty": "elizabeth", "kate": "katherine", "kathy": "katherine",
    "sue": "susan", "jenny": "jennifer", "larry": "lawrence", "harry": "henry",
    "hank": "henry", "jerry": "gerald", "andy": "andrew", "danny": "daniel",
    "patty": "patricia",
}  # fmt: skip


def _familiar_form(short: str, formal: str) -> bool:
    """'Tim' of 'Timothy', 'Bill' of 'William': the familiar form of a formal given
    name the gazetteer knows, by its opening letters (three at least) or by the
    table of forms that do not cut it short."""
    s, f = short.lower(), formal.lower()
    if s == f or f.capitalize() not in given_names():
        return False
    if _FAMILIAR_NAMES.get(s) == f or (s == "steve" and f == "steven"):
        return True
    return len(s) >= 3 and len(f) > len(s) + 1 and f.startswith(s)


def _share_a_sentence(names: list[Name], others: list[Name], doc: Doc | None) -> bool:
    if doc is None:
        return False

    def sentences(group: list[Name]) -> set[int]:
        spans = (doc.char_span(n.start, n.end, alignment_mode="expand") for n in group)
        return {_sent_start(doc, sp.start) for sp in spans if sp is not None}

    return bool(sentences(names) & sentences(others))


def _in_order_words(words: list[str], others: list[str]) -> bool:
    it = iter(others)
    return all(w in it for w in words)


def _first_bare(doc: Doc | None, word: str, found: int) -> int:
    """Where the text first writes ``word`` alone, not after a capitalised word (the
    end of a longer name): the model finds only some such mentions."""
    if doc is None:
        return found
    text = doc_text(doc)
    for m in re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])").finditer(text, 0, found):
        if not re.search(r"[A-Z][\w.'’-]*\s+$", text[max(0, m.start() - 40) : m.start()]):
            return m.start()
    return found


def _body_named_first(
    key: str,
    names: list[Name],
    orgs: dict[str, list[Name]],
    full_people: dict[str, list[Name]],
    doc: Doc | None,
) -> str | None:
    """'Penfold Dairy ... Penfold's brands ... its chairman, Robert Penfold': a word that
    opens one body's name, written in full before the word is first used alone, while
    every person of that surname is named only after it, is the body's short name."""
    people = [k for k in full_people if k.split()[-1] == key and k != key]
    bodies = [k for k in orgs if k.split()[0] == key and k != key]
    if doc is None or len(key.split()) != 1 or not people or len(bodies) != 1:
        return None
    text, word, body = doc_text(doc), names[0].text, orgs[bodies[0]][0].text
    alone = re.search(rf"\b{re.escape(word)}\b(?!{re.escape(body[len(word) :])})", text)
    if alone is None or not 0 <= text.find(body) < alone.start():
        return None
    first_people = (min(n.start for n in full_people[k]) for k in people)
    return bodies[0] if all(p > alone.start() for p in first_people) else None


def _person_shortened(
    key: str,
    names: list[Name],
    kind: str,
    full_people: dict[str, list[Name]],
    doc: Doc | None = None,
) -> str | None:
    """The full name of the person a one-word name stands for, if the article has one.

    A surname is the usual second mention in news ("Montalvo" after "Daniel
    Montalvo"), and the model often types it as a town or a company; the full
    name in the same article settles it. A given name alone only joins when the
    model itself read it as a person's.
    """
    if len(key.split()) != 1 or any(n.strength >= 2 and n.kind != "person" for n in names):
        return None
    surnames = [k for k in full_people if k.split()[-1] == key and k != key]
    if len(surnames) > 1:
        # Shared by relatives: news gives the relative's full name each time and the
        # bare surname to the one it introduced first ("Ellen Roe ... Roe pleaded
        # guilty ... her husband, Dennis Roe"): the one named in full before it.
        first = _first_bare(doc, names[0].text, min(n.start for n in names))
        before = [k for k in surnames if min(n.start for n in full_people[k]) < first]
        if len(before) == 1:
            return before[0]
    if surnames:  # misspelt, or every one named before: the one named most often
        return max(surnames, key=lambda k: len(full_people[k]))
    if kind == "person" or any(n.label == "PERSON" for n in names):
        # "Tim" for Timothy D. Cook, whom the article also names "Tim Cook".
        # "Jim." signing the emails of James Roche: the familiar form of his given name.
        given = [
            k for k, v in full_people.items()
            if k != key and (k.split()[0] == key or _familiar_form(key, k.split()[0]) or any(
                " " in n.key and n.key.split()[0].lower() == key for n in v
            ))
        ]  # fmt: skip
        counts = sorted((len(full_people[k]) for k in given), reverse=True)
        # Two people of one given name: the bare name is the one the article is
        # about, named far more often ("Steve" for Steve Jobs beside a Steve quoted once).
        if len(given) == 1 or (len(counts) > 1 and counts[0] >= 2 * counts[1] + 1):
            return max(given, key=lambda k: len(full_people[k]))
    return None


def _misspelling_of(
    key: str,
    names: list[Name],
    groups: dict[str, list[Name]],
    full_people: dict[str, list[Name]],
    orgs: dict[str, list[Name]],
) -> str | None:
    """'DesRoiser said' after "Dennis DesRosier", 'Chrylser' beside "Chrysler": a
    one-word name that misspells a person's surname, or a one-word body's name
    written more often, by one slip of the keys (two letters swapped, one letter
    changed, added or dropped) is a typo of that name. Only long words, and only where
    one name alone is so near."""
    if len(key.split()) != 1 or len(key) < 6 or any(n.strength >= 2 for n in names):
        return None
    near = {
        target
        for target, written in [
            *((k, k.split()[-1]) for k in full_people),
            *((k, k) for k in orgs if len(k.split()) == 1),
        ]
        if target != key
        and target in groups
        # a surname stands after its full name; of two one-word names the typo is
        # the rarer, or the one only the model took for a name
        and (
            target in full_people
            or len(groups[target]) > len(names)
            or (len(groups[target]) == len(names) and max(n.strength for n in groups[target]) >= 2)
        )
        and _one_slip(key.lower(), written.lower())
    }
    return near.pop() if len(near) == 1 else None


def _one_slip(a: str, b: str) -> bool:
    """One slip of the keys apart (two neighbours swapped, or one letter changed, added
    or dropped), the first letter kept: a typist's slip rarely hits the first key."""
    return a != b and a[:1] == b[:1] and OSA.distance(a, b, score_cutoff=1) == 1


def _organization_shortened(
    key: str, names: list[Name], kind: str, orgs: dict[str, list[Name]]
) -> str | None:
    """The organization a one-word name shortens, when the model typed it otherwise.

    News names a company in full once and by its first word after ("Cerberus
    Capital Management", then "Cerberus"; "AirTran Airways", then "AirTran"); the
    model often reads the short form as a person or a town. A short form the
    model already calls an organization stays its own ("Boeing" beside "Boeing
    Commercial Airplanes"), and one that two organizations share joins neither.
    """
    if kind == "organization" or len(key.split()) != 1:
        return None
    if any(n.strength >= 1 and not _facility_by_label(n) for n in names):
        return None
    longer = [
        k for k, v in orgs.items()
        if k != key and len(k.split()) > 1 and k.split()[0] == key
        and any(n.strength >= 2 or n.label == "ORG" for n in v)
    ]  # fmt: skip
    return longer[0] if len(longer) == 1 else None


def _facility_by_label(name: Name) -> bool:
    """A one-word facility only the model's label makes one ("Acme will pay"): a
    building's name has its head word ("Wembley Stadium"), and the model gives a
    company's short form that label as readily as a town's. A name the gazetteer
    knows gets its place reading from the gazetteer, a city's or a state's, not here."""
    gaz = load_gazetteer()
    return (
        name.kind == "facility"
        and name.label == "FAC"
        and name.strength == 1
        and " " not in name.key
        and not _is_place_name(name.key, gaz)
    )


# Words that only say what legal form a company has: "Apple Inc." is Apple.
LEGAL_FORMS = word_set("inc inc. corp corp. co co. company corporation ltd ltd. llc plc limited")


def _without_legal_form(key: str) -> str:
    words = key.split()
    while len(words) > 1 and words[-1].lower().rstrip(",") in LEGAL_FORMS:
        words.pop()
    return " ".join(words).rstrip(",")


def _body_shortened(
    key: str,
    written: str,
    kind: str,
    orgs: dict[str, list[Name]],
    common: frozenset[str] = frozenset(),
    names: Sequence[Name] = (),
) -> str | None:
    """The organization a name shortens by its own words: its head before "of" ("the
    Church" for the Church of Scientology), what follows "of" ("Scientology"), or its
    name without the legal form ("Apple" for Apple Inc., "Ford Motor Co" for Ford
    Motor Company). Only where one organization of the article fits. ``key`` is
    the cluster key, folded to lower case; ``written`` the name as the text writes
    it, which says whether a second word is capitalised (a word of the name)."""
    if kind not in {"organization", "person", "other"}:
        return None
    base = _without_legal_form(key)
    fits = [k for k in orgs if k != key and _without_legal_form(k) == base and len(k) > len(key)]
    if len(key.split()) == 1:
        fits += [
            k for k in orgs
            if k != key and " of " in k and (k.startswith(key + " of ") or k.endswith(" of " + key))
        ]  # fmt: skip
    # "the Foo Foundation" for the Foo Foundation for the Visual Arts.
    fits += [k for k in orgs if k != key and k.startswith(key + " for the ")]
    # "the Foo Society" for the Foo Society of Canada: only a country or a place after
    # "of" ("the Federal Court" is not the Federal Court of Appeal).
    if len(key.split()) > 1:
        gaz = load_gazetteer()
        fits += [
            k for k in orgs
            if k != key and k.startswith(key + " of ")
            and _is_place_name(orgs[k][0].key.split(" of ")[-1], gaz)
        ]  # fmt: skip
    # Cluster keys are folded to lower case; whether a second word is capitalised
    # (a word of the name, not a line of business) is read from the names as written.
    fits += [
        k for k in orgs
        if k != key and _extends(orgs[k][0].key, written, common)
        and not _named_alone_first(names, orgs[k], key, k)
    ]  # fmt: skip
    fits += [k for k in orgs if k != key and _same_but_spelling(k, key)]
    fits = list(dict.fromkeys(fits))
    return fits[0] if len(fits) == 1 else None


def _type_products(groups: dict[str, list[Name]], common: frozenset[str]) -> None:
    """'Chrysler ... will cut the Chrysler Aspen': a name that adds one word of its own
    to a company's, written after the company was named alone twice, is the company's
    product or line, a thing, where only the model's label calls it a body."""
    for key, names in groups.items():
        words = key.split()
        if len(words) != 2 or _decide_kind(names) != "organization":
            continue
        if any(n.strength > 0 or n.label != "ORG" for n in names):
            continue
        short = groups.get(words[0])
        if short is None or _decide_kind(short) != "organization":
            continue
        written = short[0].key
        if _extends(names[0].key, written, common) and _named_alone_first(
            short, names, words[0], key
        ):
            for n in names:
                n.kind = "other"


def _type_listed_things(groups: dict[str, list[Name]], doc: Doc) -> None:
    """'will cut the Chrysler Aspen, PT Cruiser, and Durango from production': a name
    written once, that only the model's label calls a body, listed with a thing as what
    a clause acts on is a thing too."""
    things = [n for v in groups.values() if _decide_kind(v) == "other" for n in v]
    if not things:
        return
    at = SpanIndex(things, lambda n: (n.start, n.end))
    for names in groups.values():
        if len(names) != 1 or _decide_kind(names) != "organization":
            continue
        name = names[0]
        if name.strength > 0 or name.label != "ORG":
            continue
        span = doc.char_span(name.start, name.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        first = root
        while first.dep_ == "conj":
            first = first.head
        # A list that acts ("Apple and the iPod maker") may join a body to a thing.
        if first.dep_ in {"nsubj", "nsubjpass"}:
            continue
        if any(at.covering(c.idx) for c in root.conjuncts):
            name.kind = "other"


def _named_alone_first(short: Sequence[Name], longer: Sequence[Name], key: str, lkey: str) -> bool:
    """'Chrysler ... Chrysler will cut the Chrysler Aspen': news names a body in full
    first and shortens it after, so a name written alone twice before a longer one
    that adds a word of its own ("Aspen") names the body, and the longer its product
    or unit. A longer form that only adds a line of business ("Ford Motor Company")
    is the same body wherever it is written."""
    if all(w.lower() in GENERIC_TAILS for w in lkey[len(key) :].split()) or not longer:
        return False
    first = min(n.start for n in longer)
    return sum(1 for n in short if n.end <= first) >= 2


def _is_place_name(text: str, gaz: Gazetteer) -> bool:
    return bool(gaz.country(text) or gaz.city(text) or gaz.state(text))


# Words after a company's own name that only say what line it is in: "Ford Motor
# Company" and "Foo Group" are Ford and Foo.
GENERIC_TAILS = LEGAL_FORMS | word_set("""
    group holdings industries computer computers motor motors automotive international
    incorporated systems partners associates airlines airways bank savings
    """)


def _without_generic_tail(key: str) -> str:
    words = key.split()
    while len(words) > 1 and words[-1].lower().rstrip(".,") in GENERIC_TAILS:
        words.pop()
    return " ".join(words).rstrip(",")


def _same_but_spelling(longer: str, key: str) -> bool:
    """'General Motor' for General Motors, 'New People Party' for New People's Party:
    one body written with and without a plural's or a possessive's last letters."""
    if len(key.split()) < 2:
        return False

    def fold(name: str) -> str:
        return re.sub(r"(?:['’]s|(?<=s)['’]) ", " ", name)

    return key == longer.removesuffix("s") or fold(key) == fold(longer)


# Last words of a school's name, which news drops on second mention: "Harvard",
# "Smith" for Harvard University, Smith College.
_SCHOOL_HEADS = word_set("University College")


def _extends(longer: str, key: str, common: frozenset[str] = frozenset()) -> bool:
    """'Northrop' of 'Northrop Grumman', 'Ford' of 'Ford Motor Company', 'Treasury'
    of 'U.S. Treasury': the longer name adds only its line of business, one more
    word of its own name, or its country before. A second word that names a body or
    a place makes another body ("Acme Airlines", "Acme Europe")."""
    gaz = load_gazetteer()
    if longer.startswith(key + " "):
        rest = longer[len(key) + 1 :].split()
        if all(w.lower() in GENERIC_TAILS for w in rest):
            return True
        word = rest[0]
        if rest == [word] and word in PUBLICATION_HEADS | _SCHOOL_HEADS:
            return True  # "Harvard" for Harvard University, as news shortens it
        # "Apple TV", "Acme Stores": an acronym, or a word the article also writes in
        # lower case, is a common noun naming what the company makes or runs, a
        # thing of its own, not more of the company's name ("Northrop Grumman").
        noun = word.isupper() or word.lower() in common or word.lower() in PRODUCT_NOUNS
        return (
            len(rest) == 1
            and word[0].isupper()
            and word.isalpha()
            and not noun
            and word not in ORG_NAME_HEADS
            and word not in NOT_PERSON_HEADS
            and gaz.country(word) is None
            and gaz.demonym(word) is None
            and gaz.city(word) is None
            and gaz.world_region(word) is None
        )
    if longer.endswith(" " + key):
        rest = longer[: -len(key) - 1]
        return gaz.country(rest) is not None or gaz.demonym(rest) is not None
    return False


def _initials(name: str) -> str:
    # A model's number counts: "IE" is not "Internet Explorer 6" but the line it numbers.
    return "".join(w[0] for w in name.split() if w[0].isupper() or w[0].isdigit())


def _acronym_form(key: str) -> str:
    """'NPD', 'U.N.': the capitals of an acronym ('' for a name that is not one)."""
    bare = key.replace(".", "")
    # "IE6" abbreviates a numbered model ("Internet Explorer 6") as "IE" does its line.
    return bare if re.fullmatch(r"[A-Z]{2,}\d{0,2}", bare) else ""


def _abbreviated(acronym: str, key: str, named: dict[str, list[Name]]) -> str | None:
    """The name an acronym stands for: its initials ('NYSE'), the initials without
    the legal form ('GM' for General Motors Corp.), else, where one name alone fits,
    initials with more letters of the same words ('SIA' for Foo Int Airways)."""
    # Any of a body's names may be the one spelt ("Penske" beside the Penske Automotive
    # Group it shortens).
    exact = [
        k for k, v in named.items()
        if k != key and any(
            acronym in {_initials(n.key), _initials(_without_legal_form(n.key))} for n in v
        )
    ]  # fmt: skip
    if exact:
        return exact[0]
    # One word is no acronym's expansion: "GM" is not "GMAC", a body of its own.
    loose = [
        k for k, v in named.items()
        if k != key and len(words := _capital_words(v[0].key)) >= 2 and _spells(acronym, words)
    ]  # fmt: skip
    return loose[0] if len(loose) == 1 else None


def _capital_words(name: str) -> list[str]:
    return [w.upper() for w in name.replace("-", " ").split() if w[0].isupper() and w.isalpha()]


def _spells(acronym: str, words: list[str], extra: int = 2) -> bool:
    """Every word's initial in order, each followed by at most ``extra`` more of its
    own letters in order (Schwartz and Hearst's rule for abbreviations, kept tight)."""
    if not words:
        return not acronym
    word = words[0]
    if not acronym or acronym[0] != word[0]:
        return False
    for n in range(min(extra, len(acronym) - 1) + 1):
        if _in_order(acronym[1 : 1 + n], word[1:]) and _spells(
            acronym[1 + n :], words[1:], extra - n
        ):
            return True
    return False


def _in_order(letters: str, word: str) -> bool:
    it = iter(word)
    return all(c in it for c in letters)


def _canonical_name(kind: str, names: list[Name], gaz: Gazetteer) -> str:
    if kind == "country":
        country = gaz.country_by_iso(names[0].country or "")
        if country:
            return country.name
    candidates = [n.key for n in names if not n.demonym]
    if not candidates:
        candidates = [n.key for n in names]
    # "Iraqi Kurdistan" says more than "the Kurdistan region", the generic form.
    specific = [c for c in candidates if c.split()[-1] not in _REGION_SUFFIXES]
    candidates = specific or candidates
    longest = max(len(c.split()) for c in candidates)
    return Counter(c for c in candidates if len(c.split()) == longest).most_common(1)[0][0]


def build_entities(
    names: list[Name], gaz: Gazetteer | None = None, doc: Doc | None = None
) -> list[Entity]:
    gaz = gaz or load_gazetteer()
    groups: dict[str, list[Name]] = {}
    for name in names:
        groups.setdefault(_cluster_key(name), []).append(name)
    groups = _merge_short_forms(groups, doc)
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
    # A region's id is its bare name, whichever form names it ("kurdistan").
    core = next((n.core for n in group if n.core), "")
    return slugify(core or name) or "unnamed"


def _unique_id(ident: str, used: set[str]) -> str:
    candidate, n = ident, 2
    while candidate in used:
        candidate, n = f"{ident}-{n}", n + 1
    used.add(candidate)
    return candidate


# A match score: "1 – 0", "3-2" (one or two digits a side, so not a year range).
_SCORE = re.compile(r"(?<![\d.,])\d{1,2} ?[–—-] ?\d{1,2}(?![\d.,%])")
# Words many countries' names share, which do not tell one country from another.
_COUNTRY_FILLER = word_set("Republic Democratic People's Kingdom United States of the and")


_CAPITALISED_WORDS = re.compile(r"(?:[A-Z][\w'.-]*)(?: [A-Z][\w'.-]*){0,2}")


def _country_at(text: str, at: int) -> bool:
    """Whether a country's name starts at ``at`` (ends at ``-at``, when negative): a
    heading's "Sweden 1 – 0 Korea Republic" the model leaves untagged."""
    gaz = load_gazetteer()
    if at >= 0:
        m = _CAPITALISED_WORDS.match(text, at)
        words = m.group().split() if m else []
        return any(gaz.country(" ".join(words[:k])) for k in range(len(words), 0, -1))
    before = text[max(0, -at - 40) : -at].split()
    return any(gaz.country(" ".join(before[-k:])) for k in (3, 2, 1) if len(before) >= k)


def mark_national_sides(entities: list[Entity], text: str) -> None:
    """'Tunisia 1 – 2 England': the other side of a score a country plays is a
    national side too, a country (GUIDE §2 rule 1), also when it is not a sovereign
    state the gazetteer knows (England, Scotland) and the model read it as a place.

    A side whose name shares a distinctive word with a country of the article is
    that country under another form ("Korea Republic" beside "South Korea")."""
    by_offset: dict[int, Entity] = {}
    ends: dict[int, Entity] = {}
    for ent in entities:
        for n in ent.names:
            by_offset[n.start] = ent
            ends[n.end] = ent
    countries = [e for e in entities if e.kind == "country"]
    sport = False
    for m in _SCORE.finditer(text):
        left_end = m.start() - (1 if m.start() and text[m.start() - 1] == " " else 0)
        right_start = m.end() + (1 if text[m.end() : m.end() + 1] == " " else 0)
        # "Tunisia lost 1 – 2 to England"
        after = re.match(r"(?:to|against|over) ", text[right_start : right_start + 8])
        right_start += after.end() if after else 0
        left, right = ends.get(left_end), by_offset.get(right_start)
        if left is None:  # "Tunisia lost 1 – 2 to England": the subject before the verb
            clause = max(text.rfind(c, 0, m.start()) for c in ".;,\n") + 1
            near = [ends[e] for e in ends if clause < e < m.start() and ends[e].kind == "country"]
            left = near[-1] if len(near) == 1 else None
        if left is right:
            continue
        for side, other, at in ((left, right, right_start), (right, left, -left_end)):
            if side is None or side.kind not in {"region", "place"}:
                continue
            if not (other is not None and other.kind == "country") and not _country_at(text, at):
                continue
            if any(n.strength > 0 for n in side.names):
                continue  # a region the gazetteer knows is not a side
            words = set(side.name.split()) - _COUNTRY_FILLER
            same = [c for c in countries if words & (set(c.name.split()) - _COUNTRY_FILLER)]
            if len(same) == 1 and same[0] is not side:
                same[0].names.extend(side.names)
                same[0].names.sort(key=lambda n: n.start)
                side.names = []
            else:
                side.kind = "country"
                countries.append(side)
            sport = True
    if sport:
        # In a match report a country's bare distinctive word is its side ("Korea").
        for ent in entities:
            if ent.kind not in {"region", "place"} or any(n.strength > 0 for n in ent.names):
                continue
            words = set(ent.name.split())
            same = [c for c in countries if c is not ent and words <= set(c.name.split())
                    and not words <= _COUNTRY_FILLER]  # fmt: skip
            if len(same) == 1:
                same[0].names.extend(ent.names)
                same[0].names.sort(key=lambda n: n.start)
                ent.names = []
    entities[:] = [e for e in entities if e.names]


def _sent_start(doc: Doc, i: int) -> int:
    """The first token of token ``i``'s sentence (``Token.sent`` walks the whole document)."""
    while i > 0 and not doc[i].is_sent_start:
        i -= 1
    return i


def add_surname_mentions(entities: list[Entity], doc: Doc, gaz: Gazetteer | None = None) -> None:
    """Every bare surname of a person named in full becomes a mention of that person.

    News names a person in full once and by surname after; the model misses many
    of those. A surname two people share, or that names something else in the
    article, is left alone.
    """
    gaz = gaz or load_gazetteer()
    owners: dict[str, list[Entity]] = {}
    for ent in entities:
        if ent.kind == "person" and len(ent.name.split()) > 1:
            owners.setdefault(ent.name.split()[-1], []).append(ent)
    taken = {n.key for e in entities if e.kind != "person" for n in e.names}
    # A word the article also writes in lower case is a common noun ("Image:").
    taken |= {t.text.capitalize() for t in tokens(doc) if t.is_lower}
    covered = SpanIndex((n for e in entities for n in e.names), _bounds)
    for surname, people in owners.items():
        # Shared by relatives: the one the bare surname already stands for, if any
        # ("Ellen Roe ... Roe pleaded guilty ... her husband, Dennis Roe").
        holders = [e for e in people if any(n.text == surname for n in e.names)]
        if len(people) > 1 and len(holders) == 1:
            owners[surname] = holders
    for tok in tokens(doc):
        people = owners.get(tok.text)
        if people and len(people) > 1:
            # "Victor Osei ... Osei founded the bank with his brother, Daniel Osei":
            # the bare surname is the one named in full before it, if only one is.
            people = [e for e in people if _named_in_full_before(e, tok.idx)]
        if not people or len(people) > 1 or tok.text in taken or not _surname_token(tok, gaz):
            continue
        _add_mention(people[0], tok, covered, "SURNAME", "person")
    for ent in entities:
        ent.names.sort(key=lambda n: n.start)


def _add_mention(
    entity: Entity, tok: Token, covered: SpanIndex[Name], label: str, kind: str
) -> None:
    """One more mention of ``entity`` at ``tok``, unless a name already holds that text."""
    start, end = tok.idx, tok.idx + len(tok.text)
    if not covered.overlapping(start, end):
        entity.names.append(Name(start, end, tok.text, label, kind, 0, tok.text))


# Capitalised words that open many bodies' names and say nothing alone: "National" is
# no short form of the National Bank of Kuwait.
_GENERIC_OPENINGS = word_set("""
    national general united american british european international global first new
    royal federal central eastern western northern southern north south east west big
    great air the citizens commonwealth people peoples
    """)


def add_short_form_mentions(entities: list[Entity], doc: Doc, gaz: Gazetteer | None = None) -> None:
    """Every bare first word of a body named in full becomes a mention of that body:
    "Penmore Credit ... Penmore, which is owned by ...".

    News names a company in full once and by its first word after; the model misses
    many of those (it has no label, or calls it a person). Only a proper noun no
    other actor or place is named by, that opens one body's name alone, and that the
    article never writes in lower case or as a given name, a place or a title.
    """
    gaz = gaz or load_gazetteer()
    lower = {w.capitalize() for w in _lower_words(doc)}
    owners: dict[str, list[Entity]] = {}
    for ent in entities:
        words = ent.name.split()
        if ent.kind != "organization" or len(words) < 2:
            continue
        first = words[0]
        if (
            not first.isalpha()
            or len(first) < 3
            or not first[0].isupper()
            or first.lower() in _GENERIC_OPENINGS | TITLE_WORDS | HONORIFICS | ROLE_NOUNS
            or first in given_names()
            or first in lower
            or _is_place_name(first, gaz)
            or gaz.demonym(first) is not None
        ):
            continue
        owners.setdefault(first, []).append(ent)
    taken = {n.key.split()[0] for e in entities for n in e.names if e.kind != "organization"}
    taken |= {n.key for e in entities for n in e.names if " " not in n.key}
    covered = SpanIndex((n for e in entities for n in e.names), _bounds)
    for tok in tokens(doc):
        bodies = owners.get(tok.text)
        if not bodies or len(bodies) > 1 or tok.text in taken or tok.tag_ not in {"NNP", "NNPS"}:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.is_title and nxt.tag_ in {"NNP", "NNPS"}:
            continue  # "Penmore Bay": the opening of another name
        _add_mention(bodies[0], tok, covered, "SHORT", "organization")
    for ent in entities:
        ent.names.sort(key=lambda n: n.start)


def _named_in_full_before(person: Entity, offset: int) -> bool:
    return any(" " in n.text and n.end <= offset for n in person.names)


def _surname_token(tok: Token, gaz: Gazetteer) -> bool:
    if not (tok.is_alpha and tok.text[0].isupper() and len(tok.text) > 1):
        return False
    set_off = tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == ","
    if tok.is_sent_start and tok.tag_ not in {"NNP", "NNPS"} and not set_off:
        # "Young said": an adjective or a verb that opens the sentence; but "Lopez, 54,
        # a former prosecutor": a word set off by a comma is the name it spells
        return False
    return gaz.country(tok.text) is None and gaz.demonym(tok.text) is None


# Lower-case heads of a country's bodies that news names by their office alone
# ("Iraq's joint command said"). Not "government": a country's government is the
# country actor itself.
BODY_NOUNS = ORG_NOUNS - word_set("government regime company firm newspaper") | word_set(
    "command military cabinet navy judiciary"
)


def add_possessed_bodies(entities: list[Entity], doc: Doc) -> None:
    """A country's unnamed body that speaks is an organization: "Iraq's joint
    command said", "Iran's foreign ministry announced".

    Only a subject of a speech verb counts: a body that speaks is an actor the
    reader looks up; one merely mentioned ("Iraq's army was weak") is not. The
    name is the lower-case phrase ("joint command"), the id and the affiliation
    are the country's, so two countries' ministries stay two actors.
    """
    index = _Index(entities)
    for tok in tokens(doc):
        if tok.dep_ not in {"nsubj", "nsubjpass"} or tok.lemma_.lower() not in BODY_NOUNS:
            continue
        if not tok.is_lower or tok.head.lemma_.lower() not in SPEECH_VERBS:
            continue
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        owner = _token_entity(poss, index) if poss is not None else None
        if owner is None or owner.kind != "country":
            continue
        mods = [c for c in tok.children if c.dep_ in {"amod", "compound"} and c.i > poss.i]
        words = doc[min([tok.i, *(m.i for m in mods)]) : tok.i + 1]
        if not all(t.is_lower and t.is_alpha for t in words):
            continue
        ident = f"{owner.id}-{slugify(words.text)}"
        name = Name(words.start_char, words.end_char, words.text, "BODY", "organization", 2)
        name.key = words.text
        known = next((e for e in entities if e.id == ident), None)
        if known is not None:
            known.names.append(name)
            continue
        body = Entity(ident, words.text, "organization", [name], affiliation=owner.id)
        entities.append(body)


# --- roles --------------------------------------------------------------------------


@dataclass
class Role:
    text: str
    head: str
    affiliation: str | None
    start: int
    end: int
    plural: bool = False  # "councillors X and Y": each of the names holds it
    # "the bill's author": a relation to a thing, which a post the text gives wins over
    of_thing: bool = False


class _Index:
    """Which entity a character offset belongs to."""

    def __init__(self, entities: list[Entity]) -> None:
        self.spans = SpanIndex(
            ((n.start, n.end, e) for e in entities for n in e.names), lambda s: (s[0], s[1])
        )

        # Forms of bodies and countries by their words: the model tags one mention of a
        # name and not the next ("a member of Scientology" after "Scientology said").
        self.forms: dict[str, Entity] = {}
        for e in entities:
            if e.kind in _AFFILIATION_KINDS:
                for n in e.names:
                    if not n.demonym and n.key and n.key[0].isupper():
                        self.forms.setdefault(n.key, e)
        # "The Denver City Council ... Council President X": a body's head word alone,
        # where one body named before has a name ending in it.
        heads: dict[str, list[tuple[int, Entity]]] = {}
        for e in entities:
            if e.kind == "organization" and len(e.name.split()) > 1:
                head = e.name.split()[-1]
                if head in _BODY_HEADS:
                    heads.setdefault(head, []).append((min(n.start for n in e.names), e))
        self.heads = {h: found[0] for h, found in heads.items() if len(found) == 1}

    def at(self, start: int, end: int) -> Entity | None:
        found = self.spans.overlapping(start, end)
        return found[0][2] if found else None

    def named(self, tok: Token) -> tuple[Entity, int] | None:
        """The body or country an untagged capitalised run ending at ``tok`` names, and
        where the run starts."""
        if not _is_capitalised(tok) or tok.tag_ not in {"NNP", "NNPS"}:
            return None
        doc = tok.doc
        for size in (4, 3, 2, 1):
            first = tok.i - size + 1
            if first < 0:
                continue
            run = doc[first : tok.i + 1]
            if not all(_is_capitalised(t) or t.lower_ in _NAME_CONNECTORS for t in run):
                continue
            ent = self.forms.get(run.text)
            if ent is not None:
                return ent, run.start_char
        head = self.heads.get(tok.text)
        if head is not None and head[0] < tok.idx:  # named before this word
            return head[1], tok.idx
        return None

    def preceding(self, offset: int, floor: int, kinds: frozenset[str]) -> Entity | None:
        return next((e for _s, _e, e in self.spans.before(offset, floor) if e.kind in kinds), None)


_AFFILIATION_KINDS = frozenset({"country", "organization"})
# Head words a body's short form may be written as alone.
_BODY_HEADS = word_set("Council Committee Commission Board Assembly Parliament Senate Court")


def _token_entity(tok: Token, index: _Index) -> Entity | None:
    ent = index.at(tok.idx, tok.idx + len(tok.text))
    if ent is None:
        named = index.named(tok)
        ent = named[0] if named else None
    return ent if ent is not None and ent.kind in _AFFILIATION_KINDS else None


def _resolve_possessive(tok: Token, index: _Index, doc: Doc) -> Entity | None:
    """'its president': the nearest country or organization named before, in this
    sentence or the one before."""
    first = _sent_start(doc, tok.i)
    floor = doc[_sent_start(doc, first - 1)].idx if first > 0 else 0
    return index.preceding(tok.idx, floor, _AFFILIATION_KINDS)


# The nouns that stand for a place named before ("the country's president"), and
# the kind of place each stands for.
_PLACE_NOUN_KINDS: dict[str, str] = {
    "country": "country", "nation": "country", "city": "city", "capital": "city",
    "town": "city", "state": "region", "county": "region", "province": "region",
}  # fmt: skip

# How many sentences before its own "the country" may look back.
_PLACE_NOUN_REACH = 2


def place_noun_floor(tok: Token) -> int:
    """The offset "the country" at ``tok`` looks back to: its sentence and the two before."""
    doc = tok.doc
    first = _sent_start(doc, tok.i)
    for _ in range(_PLACE_NOUN_REACH):
        if first == 0:
            break
        first = _sent_start(doc, first - 1)
    return doc[first].idx


def place_noun_referent(
    tok: Token, earlier: Iterable[tuple[str, str]], titled: bool = False
) -> str | None:
    """'Protests spread across Kenya. The country's president, ...': the one place of
    the kind "the country" (or "the city", "the county") names among ``earlier``
    (ids and kinds of the mentions in reach); none when two such places are in reach.
    With ``titled``, the noun opens a title with no article ("City mayor X")."""
    wanted = _PLACE_NOUN_KINDS.get(tok.lower_)
    if wanted is None:
        return None
    if not titled and not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    refs = {ref for ref, kind in earlier if kind == wanted}
    return refs.pop() if len(refs) == 1 else None


def _place_noun_entity(
    tok: Token, index: _Index, titled: bool = False, kinds: frozenset[str] = _AFFILIATION_KINDS
) -> Entity | None:
    """The country "the country's" stands for, as an affiliation (or, ``titled``, the
    city of "City mayor X", of ``kinds``)."""
    earlier = [e for _s, _e, e in index.spans.before(tok.idx, place_noun_floor(tok))]
    ref = place_noun_referent(tok, ((e.id, e.kind) for e in earlier), titled)
    found = next((e for e in earlier if e.id == ref), None)
    return found if found is not None and found.kind in kinds else None


def _role_nouns(span: Span) -> list[Token]:
    """Role nouns in apposition to the name, before it ("Iran's president, X") or after."""
    root = span.root
    # "Stephen Harper, Prime Minister of Canada": a title-case office is a PROPN.
    nouns = [
        c
        for c in root.children
        if c.dep_ == "appos" and c.pos_ in {"NOUN", "PROPN"} and not _bare_plural_of_one(root, c)
    ]
    if root.dep_ == "appos" and (root.head.pos_ in {"NOUN", "PROPN"} or _hyphened_post(root.head)):
        nouns.insert(0, root.head)
        climbed = _post_above_name(root.head)
        if climbed is not None:
            nouns.insert(0, climbed)
    return [
        n for n in nouns if _is_role_noun(n) and _set_off(span, n) and not _across_lines(n, root)
    ]


def _hyphened_post(tok: Token) -> bool:
    """'director-general', 'secretary-general': the tagger takes the last part for an
    adjective; a role noun and a hyphen before it make the whole word a post."""
    doc = tok.doc
    i = tok.i
    return (
        i >= 2
        and tok.lemma_.lower() in ROLE_NOUNS
        and doc[i - 1].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
        and doc[i - 2].lower_ in ROLE_NOUNS
    )


def _post_above_name(head: Token) -> Token | None:
    """'The vice president of Dacia, Constantin Stroe,', 'Apple's vice-president of
    marketing for the iPod, Greg Joswiak,': the parser sets the name beside the last
    name of the title, a body or a product; the post is the noun that "of"/"for"/"at"
    leads up from it to, through at most one common noun. A common noun right before
    the name ("the lawyer for the victim, Jane Doe") is the one the name is."""
    if head.pos_ != "PROPN" or head.ent_type_ == "PERSON" or _is_role_noun(head):
        return None
    tok, commons = head, 0
    for _ in range(3):
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ not in {"of", "for", "at"}:
            return None
        tok = prep.head
        if tok.pos_ not in {"NOUN", "PROPN"}:
            return None
        if _is_role_noun(tok):
            return tok
        commons += tok.pos_ == "NOUN"
        if commons > 1:
            return None
    return None


# Endings of nouns for what a person does: "a jazz pianist", "an oceanographer", "a
# statistician", "a mountaineer", "a fisherman", "a silversmith", "a shipwright".
_OCCUPATION_ENDINGS = ("ist", "grapher", "ician", "eer", "man", "woman", "smith", "wright")


# Nouns that are a post only in a firm named after them ("a partner at X"); alone
# ("his partner") they are a tie.
_FIRM_POSTS = word_set("partner associate principal")


def _is_role_noun(noun: Token) -> bool:
    """A role noun, or an occupation by its ending ("a jazz pianist", "an economist",
    "an oceanographer")."""
    if _hyphened_post(noun):
        return True
    lemma = noun.lemma_.lower()
    if lemma in ROLE_NOUNS:
        return True
    if lemma in _FIRM_POSTS and any(
        c.dep_ == "prep" and c.lower_ in {"at", "in", "of", "with"} for c in noun.children
    ):
        return True  # "a partner at the law firm X": a post in a firm, not a tie
    return (
        noun.is_lower
        and noun.pos_ == "NOUN"
        and len(lemma) >= 7
        and lemma.endswith(_OCCUPATION_ENDINGS)
    )


def _set_off(span: Span, noun: Token) -> bool:
    """A proper-noun office is the name's apposition only when a comma, and no quotation
    mark or colon, stands between them ("Sunak said: 'The Home Secretary ...'" is not)."""
    if noun.pos_ != "PROPN":
        return True
    doc = span.doc
    lo, hi = (span.end, noun.left_edge.i) if noun.i >= span.end else (noun.i + 1, span.start)
    between = {t.text for t in doc[lo:hi]}
    return "," in between and not between & {'"', "“", "”", ":", "'", "‘", "’"}


def _apposition_roles(span: Span, index: _Index, doc: Doc) -> list[Role]:
    return [_apposition_role(span, noun, index, doc) for noun in _role_nouns(span)]


def _hyphen_joined(tok: Token) -> bool:
    """'longest-serving', 'long-time': the word is the second half of a hyphened one."""
    doc = tok.doc
    return (
        tok.i >= 2
        and doc[tok.i - 1].text == "-"
        and not doc[tok.i - 1].whitespace_
        and not doc[tok.i - 2].whitespace_
        and doc[tok.i - 2].i >= tok.left_edge.i
    )


def _apposition_role(span: Span, noun: Token, index: _Index, doc: Doc) -> Role:
    affiliation: Entity | None = None
    words: list[str] = []
    left = noun.i
    for child in sorted(noun.lefts, key=lambda t: t.i):
        if child.i >= span.start and child.i < span.end:
            continue
        if any("\n" in t.text or "\n" in t.whitespace_ for t in doc[child.left_edge.i : noun.i]):
            continue  # a headline or byline the parser ran into the first line
        left = min(left, child.left_edge.i)
        if child.dep_ == "poss":
            affiliation = affiliation or (
                _resolve_possessive(child, index, doc)
                if child.lower_ in PRONOUNS_GROUP
                else _token_entity(child, index) or _place_noun_entity(child, index)
            )
        elif child.dep_ in {"amod", "compound", "nmod"}:
            ent = _token_entity(child, index)
            if ent is not None and ent is _token_entity(noun, index):
                # "the Chief Executive Officer of General Motors" read as one name: the
                # title itself, not a body its modifiers name.
                ent = _body_besides(child, index, ent)
            seat = index.at(child.idx, child.idx + len(child.text)) if ent is None else None
            if seat is not None and seat.kind == "facility" and noun.lower_ in _SPEAKING_OFFICES:
                ent = seat  # "the White House Press Secretary": the seat speaks as a body
            if ent is not None:
                affiliation = affiliation or ent
            elif child.is_alpha and _hyphen_joined(child):
                # "a long-time board member", "its longest-serving member": one word the
                # tokenizer split at its hyphen; one of tenure says nothing of the post
                joined = doc[child.left_edge.i : child.i + 1].text
                if joined.lower().replace("-", "") not in ROLE_FILLER and child.lower_ != "serving":
                    words.append(joined)
            elif child.lower_ not in ROLE_FILLER and child.is_alpha:
                # "Foreign Affairs minister": the modifier's own modifiers are the post's.
                words.extend(
                    t.text
                    for t in child.subtree
                    if t.i < child.i
                    and t.dep_ in {"amod", "compound"}
                    and t.is_alpha
                    and t.lower_ not in ROLE_FILLER
                    and _token_entity(t, index) is None
                )
                words.append(child.text)
    start = min(doc[left].idx, span.start_char)
    if affiliation is None:
        modifiers = [c.i for c in noun.lefts if c.dep_ in {"amod", "compound", "nmod"}]
        possessor = _surface_possessor(doc, min([noun.i, *modifiers]), index)
        if possessor is not None:
            affiliation, start = possessor
    plural = noun.tag_ in {"NNS", "NNPS"} and noun.is_lower
    word = noun.lemma_ if plural else noun.text  # "councillors X and Y": a councillor
    i = noun.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_:
        # "Co-founder of Google, X": the parser may leave "Co" and the hyphen off the
        # noun; the post is the whole hyphened word.
        joined = doc[i - 2]
        if joined.is_alpha and not joined.whitespace_ and (not words or words[-1] != joined.text):
            word = f"{joined.text}-{word}"
            start = min(start, joined.idx)
    words.append(word)
    text = " ".join(w.capitalize() if w.islower() else w for w in words)
    text, right, pp_affiliation = _of_chain(noun, index, text, _token_entity(noun, index))
    affiliation = affiliation or pp_affiliation
    if affiliation is not None and " of " not in text:
        text = f"{text} of {affiliation.name}"
    end = max(right, span.end_char)
    ident = affiliation.id if affiliation else None
    # "the company's chief executive" is a post in a body the text leaves unnamed.
    of_thing = affiliation is None and any(
        c.dep_ == "poss" and c.pos_ == "NOUN" and c.lemma_.lower() not in _BODY_WORDS
        for c in noun.children
    )
    return Role(text, noun.lemma_.lower(), ident, start, end, plural, of_thing)


_BODY_WORDS = ORG_NOUNS | word_set("state city country nation county province region town")


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


def _body_besides(tok: Token, index: _Index, title: Entity) -> Entity | None:
    """The body or country named at ``tok`` other than ``title``, a name that holds the
    post's own words ("Chief Executive Officer of General Motors": General Motors)."""
    found = index.spans.overlapping(tok.idx, tok.idx + len(tok.text))
    return next((e for _s, _e, e in found if e is not title and e.kind in _AFFILIATION_KINDS), None)


def _of_chain(
    noun: Token, index: _Index, text: str, title: Entity | None = None
) -> tuple[str, int, Entity | None]:
    """Follow 'of ...' after the role until it reaches an actor, which becomes the
    affiliation; ``title`` is a name the post itself was read into, which is not."""
    cur, right = noun, noun.idx + len(noun.text)
    for _ in range(4):
        # "minister of transport for Indonesia", "a lawyer for X", "an expert at X", and
        # "an attorney with X" when X is a body
        prep = next(
            (c for c in cur.rights if c.dep_ == "prep" and c.lower_ in {"of", "for", "at", "with"}),
            None,
        )
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
        if obj is None:
            break
        ent = _token_entity(obj, index)
        if ent is None:
            # "director of the advocacy group Clean Air Now": the name beside the noun
            ent = next(
                (e for a in obj.children if a.dep_ == "appos" and (e := _token_entity(a, index))),
                None,
            )
        if ent is not None and ent is title:
            ent = _body_besides(obj, index, title)
        if ent is not None and (prep.lower_ != "with" or ent.kind in _AFFILIATION_KINDS):
            return text, obj.right_edge.idx + len(obj.right_edge.text), ent
        if prep.lower_ == "with":
            break  # "a lawyer with years of experience": no body, no part of the post
        # "the National Iodine Nutrition study": the whole noun phrase up to its head
        phrase = [t.text for t in obj.doc[obj.left_edge.i : obj.i + 1]]
        text = f"{text} of {' '.join(phrase)}"
        right = obj.idx + len(obj.text)
        cur = obj
    return text, right, None


# What may stand between a role's words and the name it comes before: modifiers of the
# post ("science fiction writer", "former Microsoft CEO", "Nassau County District
# Attorney"), never a clause's own words.
_CHAIN_POS = frozenset({"NOUN", "PROPN", "ADJ"})
_NOT_IN_CHAIN = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_POSSESSIVE = frozenset({"’s", "'s", "’", "'"})
_PLACE_AFFILIATIONS = frozenset({"region", "city"})


def _is_role_word(tok: Token) -> bool:
    lower = tok.lower_
    if tok.tag_ == "NNS" and tok.is_lower:
        lower = tok.lemma_.lower()  # "veteran politicians X and Y"
    elif _plural_title(tok):
        lower = lower[:-1]  # "photographers X, Y and Z", tagged as a verb
    if lower in ROLE_NOUNS or lower in TITLE_WORDS or lower in RANKS:
        return True
    # An occupation in -ist before a name ("defence analysist X", "columnist X"): the
    # suffix names a practitioner; the length keeps out "list", "wrist", "twist".
    return tok.is_lower and tok.pos_ == "NOUN" and len(lower) >= 7 and lower.endswith("ist")


def _title_internal(ent: Entity, doc: Doc) -> bool:
    """'Home Secretary', 'Shadow Home Secretary': a short title-case name, typed only by
    the model, that the text only ever writes before a capitalised title word is part
    of that title, not a body the post belongs to. An acronym ("SEC Chair") or a name
    the text itself types ("Kelvar Motors CEO") stays a body."""
    if ent.kind != "organization":
        return False
    for n in ent.names:
        words = n.key.split()
        if len(words) > 2 or n.key.isupper() or n.strength >= 2 or words[-1] in ORG_NAME_HEADS:
            return False
    for n in ent.names:
        span = doc.char_span(n.start, n.end, alignment_mode="expand")
        if span is None or span.end >= len(doc):
            return False
        nxt = doc[span.end]
        # A portfolio names what the office is over ("Home Secretary", "Health
        # Minister"); a company's head is a head of it ("Nvidia Chief Executive").
        if not (nxt.text[0].isupper() and nxt.lower_ in _PORTFOLIO_POSTS):
            return False
    return True


def _chain_affiliation(
    tok: Token, head: str, index: _Index, doc: Doc
) -> tuple[Entity | None, bool]:
    """The actor a modifier of a title names (a body, a country or its demonym, a state
    for an office held for it), and whether it is one (the chain stops there)."""
    found = index.at(tok.idx, tok.idx + len(tok.text))
    if found is None and (named := index.named(tok)) is not None:
        found = named[0]
    if found is None or found.kind == "person":
        return None, False
    if found.kind in _AFFILIATION_KINDS:
        return (None, False) if _title_internal(found, doc) else (found, True)
    if found.kind in _PLACE_AFFILIATIONS and head in PLACE_OFFICES:
        return found, True
    if found.kind == "facility" and head in _SPEAKING_OFFICES:
        return found, True  # "White House press secretary X": the seat speaks as a body
    return None, True  # another place or a thing: not a body the post is in


# Posts that speak for the institution a building names.
_SPEAKING_OFFICES = frozenset({"spokesman", "spokeswoman", "spokesperson", "secretary"})


# Capitalised words before a body's name that belong to the post after it.
_RANK_OPENERS = frozenset({"Assistant", "Deputy", "Acting", "Associate", "Vice"})
# Party adjectives written before a post: "Democratic Senator X", "Republican Rep. Y".
_PARTY_ADJECTIVES = frozenset({"Democratic", "Republican", "GOP", "Democrat"})


def _title_role(span: Span, index: _Index, doc: Doc, office: str | None = None) -> Role | None:
    """The title written right before the name: 'Russian President Vladimir Putin',
    'Boeing spokesman X', 'science fiction writer X', 'former Microsoft CEO X',
    'Tunisia's goalkeeper X', 'USAF's chief of staff General X'.

    The word right before the name must be a role or title word; the words before it
    that modify the post join it, back to a determiner, a verb, punctuation or a
    clause word. A body, country (or its demonym) or, for an office held for a state
    or city, that place, named in or before the chain is the affiliation. A chain
    of ranks alone ("General X") is no role: a rank is not a post.

    ``office`` is the office an abbreviation opening the name stands for ("State Sen.
    X"): the chain qualifies it ("State Senator"), it is not the post itself."""
    sent_start = _sent_start(doc, span.start)
    k = span.start - 1
    if k < sent_start or not _is_role_word(doc[k]) or "\n" in doc[k].whitespace_:
        return None
    head = doc[k].lower_
    words: list[Token] = []
    affiliation: Entity | None = None
    former = False
    left = doc[k].idx
    j = k
    while j >= sent_start and len(words) < 8:
        tok = doc[j]
        if "\n" in tok.whitespace_ and j != k:
            break  # a heading's last word is not a title of the line below
        if tok.text in _POSSESSIVE and j > sent_start:
            owner = index.at(doc[j - 1].idx, doc[j - 1].idx + len(doc[j - 1].text))
            if owner is not None and owner.kind in _AFFILIATION_KINDS:
                affiliation = owner
                left = next(n.start for n in owner.names if n.start <= doc[j - 1].idx < n.end)
            elif owner is None and (place := _place_noun_entity(doc[j - 1], index)) is not None:
                affiliation, left = place, doc[j - 1].left_edge.idx  # "the country's"
            break
        if (
            j != k
            and head in PLACE_OFFICES
            and tok.dep_ == "compound"
            and index.at(tok.idx, tok.idx + len(tok.text)) is None
        ):
            # "City mayor Hau Lung-bin": the one city named in reach holds the office
            # (not "Country director X", a body's post for a country).
            place = _place_noun_entity(tok, index, titled=True, kinds=_PLACE_AFFILIATIONS)
            if place is not None:
                affiliation, left = place, tok.idx
                break
        ent, stop = _chain_affiliation(tok, head, index, doc)
        if stop:
            if ent is not None:
                affiliation = ent
                left = next((n.start for n in ent.names if n.start <= tok.idx < n.end), tok.idx)
                # "former Microsoft CEO X": the post is a past one, as the text says.
                before = doc[:0]
                first = doc.char_span(left, left + 1, alignment_mode="expand")
                if first is not None and first.start > sent_start:
                    before = doc[first.start - 1 : first.start]
                if len(before) and before[0].text in _RANK_OPENERS:
                    # "Assistant U.S. Attorney X": the opener before the body's name is
                    # the post's ("Assistant Attorney"), not the body's
                    words.insert(0, before[0])
                    left = before[0].idx
                    i = before[0].i
                    before = doc[i - 1 : i] if i > sent_start else doc[:0]
                if len(before) and before[0].lower_ in {"former", "ex"}:
                    former = True
                    left = before[0].idx
            break
        # "chief of staff": an "of" between two words of one post
        # "chief of staff", and in title case "Secretary of State" (a title-case
        # office before a title-case word of it, not a body the chain stops at)
        inner_of = (
            tok.lower_ == "of"
            and words
            and j > sent_start
            and doc[j - 1].lower_ in ROLE_NOUNS
            and (doc[j - 1].is_lower or words[0].text[:1].isupper())
        )
        # "co-founder", "vice-president": the hyphen and the word it joins are the post's
        hyphen = tok.text == "-" and bool(words) and not tok.whitespace_
        hyphened = bool(words) and words[0].text == "-" and not tok.whitespace_
        other = tok.pos_ not in _CHAIN_POS or tok.ent_type_ in _NOT_IN_CHAIN or not tok.is_alpha
        # The word right before the name is a role word already, whatever its tag.
        other = other and not (j == k and _plural_title(tok))
        if other and not (inner_of or hyphen or hyphened):
            break
        words.insert(0, tok)
        left = tok.idx
        j -= 1
    # "Democratic Senator X": a party's adjective is membership, not the post (GUIDE §2
    # Roles: party labels are no roles).
    while len(words) > 1 and words[0].text in _PARTY_ADJECTIVES:
        words.pop(0)
        if affiliation is None:
            left = words[0].idx
    # A modifier left hanging at the start ("Monday night coach") is the sentence's,
    # not the post's, unless the parse binds it into the title.
    while words and words[0].lower_ != head and not _binds_into(words[0], words, span):
        words.pop(0)
        if affiliation is None and words:
            left = words[0].idx
    posts = [t for t in words if t.lower_ not in RANKS]
    if not posts or all(t.lower_ in ROLE_FILLER | {"former"} for t in posts):
        return None  # "General X", "Major X": a rank, no post
    # A rank after the post ("chief of staff General X") is the rank, not the post;
    # "Attorney General", "Inspector General" are offices of their own.
    while (
        words
        and words[-1].lower_ in RANKS
        and any(t.lower_ not in RANKS for t in words)
        and not (
            len(words) > 1
            and words[-2].lower_ in _GENERAL_OFFICES
            # "Attorney General", "attorney general"; not "director General X" (a rank)
            and words[-2].text[:1].isupper() == words[-1].text[:1].isupper()
        )
        # "Secretary-General", "Director-General": one office, hyphen and all
        and not (len(words) > 2 and words[-2].text == "-" and words[-3].lower_ in _GENERAL_OFFICES)
    ):
        words.pop()
    head_tok = words[-1]
    text = _join_title(words)
    plural = _plural_title(head_tok)
    singular = head_tok.lemma_ if head_tok.tag_ in {"NNS", "NNPS"} else head_tok.text[:-1]
    if plural:
        # "pan-democratic councillors X, Y and Z": each one's post is one councillor
        text = text[: len(text) - len(head_tok.text)] + singular
    if office is not None:
        text = f"{text} {office}"
    if former and not text.lower().startswith("former"):
        text = f"former {text}"
    right = span.end_char
    if affiliation is None and (office or head_tok.lemma_).lower() in PLACE_OFFICES:
        # "Senator John McCain (R-AZ)": the state the code after the name gives
        found = party_state(load_gazetteer(), doc_text(doc), span.end_char)
        state = index.at(found[1], found[2]) if found is not None else None
        if state is not None and found is not None and state.kind in _PLACE_AFFILIATIONS:
            affiliation, right = state, found[3]
    if affiliation is not None:
        text = f"{text} of {affiliation.name}"
    head = singular if plural else head_tok.lemma_
    return Role(
        text,
        office.lower() if office is not None else head.lower(),
        affiliation.id if affiliation else None,
        left if affiliation is not None else words[0].idx,
        right,
        plural,
    )


# Offices written "<noun> General": "Attorney General", "Surgeon General".
_GENERAL_OFFICES = word_set("""
    attorney secretary surgeon inspector solicitor postmaster consul director comptroller
    auditor governor
    """)


def _plural_title(tok: Token) -> bool:
    """A lower-case plural post ("councillors"), also one the tagger took for a verb
    ("photographers" tagged VBZ before a list of names)."""
    if not tok.is_lower:
        return False
    if tok.tag_ in {"NNS", "NNPS"}:
        return True
    lower = tok.lower_
    singular = lower[:-1]
    return (
        lower.endswith("s")
        and lower not in ROLE_NOUNS
        and singular in ROLE_NOUNS
        and singular not in _VERB_HOMOGRAPHS
    )


# Role nouns whose plural is also a verb's third person ("who heads Acme", "chairs").
_VERB_HOMOGRAPHS = word_set("head chair judge lead manager coach")


# Abbreviated titles that are offices (not "Mr." or "Dr.", nor a rank: "Gen.").
_HONORIFIC_OFFICES = {
    "sen": "Senator", "rep": "Representative", "gov": "Governor", "pres": "President",
    "amb": "Ambassador", "prof": "Professor", "supt": "Superintendent", "insp": "Inspector",
    "det": "Detective",
}  # fmt: skip


def _title_of_body_role(span: Span, index: _Index, doc: Doc) -> Role | None:
    """'CEO of the Refugee Council Enver Solomon', 'Chief investment officer at Fort Pitt
    Capital Group Charlie Smith': a post, "of"/"at"/"for" and its body, right before
    the name. The body is the affiliation."""
    sent_start = _sent_start(doc, span.start)
    k = span.start - 1
    if k <= sent_start or "\n" in doc[k].whitespace_:
        return None
    if doc[k].text == "," and _closes_apposition(span):
        # "Co-founder of Google, Sergey Brin, met ...": the title, its body and a comma
        # before a name set off as the apposition.
        k -= 1
    body = index.at(doc[k].idx, doc[k].idx + len(doc[k].text))
    if body is None or body.kind not in _AFFILIATION_KINDS:
        return None
    first = next((n.start for n in body.names if n.start <= doc[k].idx < n.end), None)
    opening = (
        doc.char_span(first, first + 1, alignment_mode="expand") if first is not None else None
    )
    if opening is None:
        return None
    p = opening.start - 1
    if p > sent_start and doc[p].lower_ == "the":
        p -= 1
    if p <= sent_start or doc[p].lower_ not in {"of", "at", "for"}:
        return None
    head = doc[p - 1]
    middle = ""
    if not _is_role_word(head):
        # "Executive director of the Dallas chapter of the Red Cross X", "Professor of
        # history at Yale University X": the post, then what in the body it is of.
        inner = _inner_post(doc, p, sent_start)
        if inner is not None:
            head, middle = inner, doc[inner.i + 1 : p + 1].text
    if not _is_role_word(head) or head.lower_ in RANKS or head.ent_type_:
        return None
    words = [head]
    j = head.i - 1
    while j >= sent_start and len(words) < 4:
        tok = doc[j]
        # "Co-founder of X": the hyphen and the word it joins are the post's.
        hyphen = tok.text == "-" and not tok.whitespace_ and j > sent_start
        if hyphen and doc[j - 1].is_alpha and not doc[j - 1].whitespace_:
            words[:0] = [doc[j - 1], tok]
            j -= 2
            continue
        if (
            tok.pos_ not in _CHAIN_POS
            or not tok.is_alpha
            or tok.ent_type_
            or "\n" in tok.whitespace_
        ):
            break
        words.insert(0, tok)
        j -= 1
    text = (
        f"{_join_title(words)} {middle} {body.name}"
        if middle
        else f"{_join_title(words)} of {body.name}"
    )
    return Role(text, head.lemma_.lower(), body.id, words[0].idx, span.end_char)


# How many words the phrase between a post and its body's "of" may have ("the Dallas
# chapter", "history").
_INNER_WORDS = 4


def _inner_post(doc: Doc, prep: int, sent_start: int) -> Token | None:
    """The post before "of/at/for <phrase>" that ends at ``prep``: "director" in
    "director of the Dallas chapter of", "Professor" in "Professor of history at".
    The phrase is a noun phrase of a few words, no verb, name of a person or comma."""
    j = prep - 1
    while j > sent_start and prep - j <= _INNER_WORDS:
        tok = doc[j]
        if tok.lower_ in {"of", "for"} and j - 1 >= sent_start:
            return doc[j - 1] if _is_role_word(doc[j - 1]) else None
        if tok.pos_ not in {"DET", "ADJ", "NOUN", "PROPN"} or tok.ent_type_ == "PERSON":
            return None
        j -= 1
    return None


def _closes_apposition(span: Span) -> bool:
    """The name is set off by commas or ends its clause: "..., Sergey Brin, met"."""
    doc = span.doc
    return span.end >= len(doc) or doc[span.end].text in {",", ".", ";", ":"}


# Verbs that put a person in a post: "named X as its new chief executive", "X was
# elected president".
APPOINT_VERBS = word_set("""
    name appoint elect choose select promote hire nominate install confirm tap announce
    designate reappoint re-elect
    """)


def _appointed_role(span: Span, index: _Index, doc: Doc) -> Role | None:
    """The post a verb of appointment gives the name: 'named Mary Barra as its new chief
    executive', 'Jane Roe was elected president of the union'."""
    root = span.root
    if root.dep_ == "appos":  # "announced head of finance X as its new president"
        root = root.head
    verb = root.head
    if root.dep_ not in {"dobj", "nsubjpass"} or verb.lemma_.lower() not in APPOINT_VERBS:
        return None
    for child in verb.children:
        noun = None
        if child.dep_ == "prep" and child.lower_ == "as":
            noun = next((c for c in child.children if c.dep_ == "pobj"), None)
        elif child.dep_ in {"oprd", "attr"} and root.dep_ == "nsubjpass":
            noun = child
        if noun is not None and noun.pos_ == "NOUN" and noun.lemma_.lower() in ROLE_NOUNS:
            role = _apposition_role(span, noun, index, doc)
            if role is not None and role.affiliation is None and root.dep_ == "dobj":
                # "Calder Trust named X as chief executive": a body that names someone
                # to a post it does not place elsewhere names them to its own
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                body = index.at(subject.idx, subject.idx + len(subject.text)) if subject else None
                if (
                    body is not None
                    and body.kind == "organization"
                    and not any(c.dep_ == "prep" for c in noun.children)
                ):
                    role.affiliation = body.id
                    named = index.spans.covering(subject.idx)
                    role.start = min(role.start, named[0][0] if named else subject.idx)
            return role
    return None


def _shared_role(span: Span, index: _Index, doc: Doc) -> list[Role]:
    """'pro-Beijing councillors Ann Chiang of DAB and Priscilla Leung of BPA': a plural
    title before the first of coordinated names is each one's post."""
    root = span.root
    if root.dep_ != "conj":
        return []
    first = root.head
    # "X of the Labour Party and Y": the parser may join Y to the party X is "of".
    if first.ent_type_ != "PERSON" and first.dep_ == "pobj" and first.head.dep_ == "prep":
        first = first.head.head
    if first.ent_type_ != "PERSON" or first.i > span.start:
        return []
    head_span = next((e for e in doc_ents(doc) if e.start <= first.i < e.end), None)
    if head_span is None:
        return []
    roles = [r for r in _apposition_roles(head_span, index, doc) if r.plural]
    title = _title_role(head_span, index, doc)
    if title is not None and title.plural:
        roles.append(title)
    return roles


# How many names a list under one plural title may run to.
_LIST_NAMES = 8
_LIST_SEPARATORS = frozenset({",", "and", ";"})


def _listed_role(span: Span, index: _Index, doc: Doc) -> list[Role]:
    """'councillors A of the X Party, B of Y, and C of Z', 'photographers A, B and C':
    a name later in a list whose first name has a plural title before it holds that
    post too. Read from the surface, as the parser often makes such a list a chain
    of appositions; each step back must be a separator after a person's name, with
    at most an "of"/"from" body or a parenthesis between."""
    j = span.start - 1
    sent_start = _sent_start(doc, span.start)
    for _ in range(_LIST_NAMES):
        if j < sent_start or doc[j].text not in _LIST_SEPARATORS:
            return []
        while j >= sent_start and doc[j].text in _LIST_SEPARATORS:
            j -= 1
        if j >= sent_start and doc[j].text == ")":  # "(tennis)"
            while j >= sent_start and doc[j].text != "(":
                j -= 1
            j -= 1
        if j < sent_start:
            return []
        body = index.at(doc[j].idx, doc[j].idx + len(doc[j].text))
        if body is not None and body.kind in _AFFILIATION_KINDS:
            start = next((n.start for n in body.names if n.start <= doc[j].idx < n.end), None)
            first = doc.char_span(start, start + 1, alignment_mode="expand") if start else None
            if first is None:
                return []
            k = first.start - 1
            if k >= sent_start and doc[k].lower_ == "the":
                k -= 1
            if k < sent_start or doc[k].lower_ not in {"of", "from"}:
                return []
            j = k - 1
        person = index.at(doc[j].idx, doc[j].idx + len(doc[j].text)) if j >= sent_start else None
        if person is None or person.kind != "person":
            return []
        name = next((n for n in person.names if n.start <= doc[j].idx < n.end), None)
        prev = doc.char_span(name.start, name.end, alignment_mode="expand") if name else None
        if prev is None:
            return []
        title = _title_role(prev, index, doc)
        if title is not None:
            return [title] if title.plural else []
        j = prev.start - 1
    return []


# Words that open a list of examples of what the noun before them names.
_EXAMPLE_OPENERS = word_set("including like")
# Steps from the word "such as" hangs on up to the plural it exemplifies, through a
# relative clause ("photographers who used the camera, such as X").
_EXAMPLE_REACH = 3


def _common_plural(tok: Token) -> bool:
    """A plural common noun, capitalised only as a sentence's first word ("Lawmakers
    including X")."""
    lower = tok.is_lower or (tok.is_sent_start and tok.text[1:].islower())
    return tok.tag_ == "NNS" and lower


def _exemplified(prep: Token) -> Token | None:
    """The plural a "such as"/"including" list gives examples of, where the parser
    hung the list on a word inside that plural's relative clause."""
    tok = prep.head
    for _ in range(_EXAMPLE_REACH):
        if _common_plural(tok):
            return tok
        if tok.dep_ == "relcl":
            return tok.head if _common_plural(tok.head) else None
        if tok.dep_ not in {"dobj", "pobj", "prep"} or tok.head is tok:
            return None
        tok = tok.head
    return None


def _example_role(span: Span, index: _Index, doc: Doc) -> list[Role]:
    """'photographers such as A, B and C', 'lawmakers including A and B': each name of a
    list of examples of a plural post holds that post, as a plural title before the
    names gives it ("photographers A, B and C")."""
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    prep = root.head
    if root.dep_ != "pobj" or prep.dep_ != "prep":
        return []
    such = prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)
    if not (such or prep.lower_ in _EXAMPLE_OPENERS):
        return []
    noun = _exemplified(prep)
    if noun is None or noun.lemma_.lower() not in ROLE_NOUNS or noun.lemma_.lower() in RANKS:
        return []
    # An unnamed compound is part of the post ("bank executives", "Bank executives"
    # opening a sentence); a body named before it ("Apple executives") is its
    # affiliation.
    affiliation: Entity | None = None
    words: list[str] = []
    for child in noun.lefts:
        if child.dep_ != "compound":
            continue
        found = index.at(child.idx, child.idx + len(child.text))
        if found is not None and found.kind in _AFFILIATION_KINDS:
            affiliation = found
        elif found is None and not child.ent_type_ and (child.is_lower or child.is_sent_start):
            words.append(child.lower_)
    head = noun.lemma_.lower()
    text = " ".join([*words, head])
    if affiliation is not None:
        text = f"{text} of {affiliation.name}"
    start = min([noun.idx, *(t.idx for t in noun.lefts if t.dep_ == "compound")])
    return [Role(text, head, affiliation.id if affiliation else None, start, span.end_char, True)]


def _qualified_honorific(role: Role, span: Span, index: _Index, doc: Doc) -> Role:
    """'Former Gov. X', 'former Illinois Gov. X', 'Michigan Gov. X': the place an
    office is held for, written before its abbreviation, is its affiliation (as for
    "Kansas senator X"), and "former" before both makes it a past one (GUIDE §2 Roles)."""
    j = span.start - 1
    start = role.start
    place: Entity | None = None
    if j >= 0:
        found = index.at(doc[j].idx, doc[j].idx + len(doc[j].text))
        kinds = _AFFILIATION_KINDS | _PLACE_AFFILIATIONS
        if found is not None and found.kind in kinds and role.head in PLACE_OFFICES:
            first = next((n.start for n in found.names if n.start <= doc[j].idx < n.end), None)
            opening = doc.char_span(first, first + 1, alignment_mode="expand") if first else None
            if opening is not None:
                place, start, j = found, first, opening.start - 1
    former = j >= 0 and doc[j].lower_ == "former"
    if former:
        start = doc[j].idx
    if place is None and not former:
        return role
    text = f"former {role.text}" if former else role.text
    if place is not None:
        text = f"{text} of {place.name}"
    return Role(text, role.head, place.id if place else None, start, role.end)


def _honorific_role(name: Name) -> Role | None:
    """'Sen. John McCain': an office's abbreviation the name opens with is the role."""
    first = name.text.split()[0] if name.text.split() else ""
    office = _HONORIFIC_OFFICES.get(first.rstrip(".").lower())
    if office is None or not first[0].isupper() or len(name.text.split()) < 2:
        return None
    return Role(office, office.lower(), None, name.start, name.end)


def _binds_into(tok: Token, words: list[Token], span: Span) -> bool:
    """Whether a modifier is part of the title: a role word itself, a compound or
    adjective of a word of the title or of the name, or title-case like the rest."""
    if _is_role_word(tok) or tok.lower_ in {"former", "-"} or not tok.whitespace_:
        return True
    targets = {t.i for t in words} | {t.i for t in span}
    if tok.dep_ in {"compound", "amod", "nmod", "npadvmod"} and tok.head.i in targets:
        return True
    return tok.text[0].isupper() and all(t.text[0].isupper() for t in words if t.is_alpha)


def _join_title(words: list[Token]) -> str:
    """The title's words as written, hyphens closed up ("vice-president")."""
    out = ""
    for t in words:
        out += t.text
        if t.whitespace_ and t is not words[-1]:
            out += " "
    return " ".join(w for w in out.split() if w.lower() not in ROLE_FILLER)


# Relational roles (GUIDE §2 Roles): the relation a person is named by, and the
# relation it states (GUIDE §9), as (kind, whether the named person is its ``from``).
KIN_NOUNS: dict[str, tuple[str, bool]] = {
    "wife": ("spouse", True), "husband": ("spouse", True), "widow": ("spouse", True),
    "widower": ("spouse", True), "spouse": ("spouse", True), "ex-wife": ("spouse", True),
    "ex-husband": ("spouse", True),
    # An unmarried partner is a spouse of the optional kind (GUIDE §9).
    "girlfriend": ("spouse", True), "boyfriend": ("spouse", True),
    "fiancee": ("spouse", True), "fiancée": ("spouse", True), "fiance": ("spouse", True),
    "fiancé": ("spouse", True), "ex-girlfriend": ("spouse", True),
    "ex-boyfriend": ("spouse", True),
    "mother": ("parent-of", True), "father": ("parent-of", True),
    "son": ("parent-of", False), "daughter": ("parent-of", False),
    "brother": ("sibling", True), "sister": ("sibling", True),
    "attorney": ("counsel-for", True), "lawyer": ("counsel-for", True),
}  # fmt: skip
_MALE = word_set("he him his himself")
_FEMALE = word_set("she her hers herself")
_MALE_HONORIFICS = word_set("mr sir")
_FEMALE_HONORIFICS = word_set("mrs ms miss dame")


@dataclass
class Kin:
    """A relation a relational role states: ``kind`` from ``source`` to ``target``."""

    kind: str
    source: str
    target: str
    evidence: str


_KIN_GENDER = {
    "wife": "f", "widow": "f", "mother": "f", "daughter": "f", "sister": "f", "ex-wife": "f",
    "husband": "m", "widower": "m", "father": "m", "son": "m", "brother": "m", "ex-husband": "m",
}  # fmt: skip


def _kin_gender(ent: Entity, doc: Doc) -> str | None:
    """The gender a person's own kin noun states: "his wife, Eva Tan" is a woman."""
    for n in ent.names:
        span = doc.char_span(n.start, n.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        nouns = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            nouns.append(root.head)
        for noun in nouns:
            if noun.lower_ in _KIN_GENDER:
                return _KIN_GENDER[noun.lower_]
    return None


def person_gender(ent: Entity, doc: Doc) -> str | None:
    """'m' or 'f' where the text makes it clear: the person's kin noun ("his wife,
    X"), an honorific ("Mrs. Lind"), or a pronoun after the name in a sentence that
    names no other person; else None."""
    kin = _kin_gender(ent, doc)
    if kin is not None:
        return kin
    votes: set[str] = set()
    for n in ent.names:
        first = n.text.split()[0].rstrip(".").lower() if n.text.split() else ""
        if first in _MALE_HONORIFICS:
            votes.add("m")
        elif first in _FEMALE_HONORIFICS:
            votes.add("f")
    for n in ent.names:
        span = doc.char_span(n.start, n.end, alignment_mode="expand")
        if span is None:
            continue
        sent = doc[_sent_start(doc, span.start) :]
        alone = not any(t.ent_type_ == "PERSON" for t in doc[sent.start : span.start])
        root = span.root
        kin_named = (root.dep_ == "appos" and root.head.lower_ in KIN_NOUNS) or any(
            c.dep_ == "appos" and c.lower_ in KIN_NOUNS for c in root.children
        )
        for tok in sent[span.end - sent.start :]:
            if tok.is_sent_start:
                # "X, a pianist, died Tuesday. He was 91.": the next sentence opening
                # with he or she, after one about X alone, is about X.
                # So is one opening with "his" or "her": "X did not respond. Her
                # lawyer said ...".
                if alone and tok.lower_ in _SUBJECT_PRONOUNS | _OPENING_POSSESSIVES:
                    votes.add("m" if tok.lower_ in _MALE else "f")
                break
            if tok.ent_type_ == "PERSON":
                break  # another person: whose pronoun it is, is not clear
            if tok.dep_ == "poss" and tok.head.lower_ in KIN_NOUNS and kin_named:
                # "survived by his wife, Eva Tan, and his son": the son's "his" is the
                # one they both belong to, not Eva Tan's. A person not named as kin
                # ("X said his daughter ...") is the one it belongs to.
                continue
            if _object_of_named_subject(tok, root):
                continue  # "Governor John Gilligan appointed her": her is not he
            if tok.lower_ in _MALE:
                votes.add("m")
            elif tok.lower_ in _FEMALE:
                votes.add("f")
    return votes.pop() if len(votes) == 1 else None


_SUBJECT_PRONOUNS = word_set("he she")


def _object_of_named_subject(tok: Token, root: Token) -> bool:
    """An object pronoun ("him", "her") of the verb whose subject is the name: the
    name's own self would be "himself" or "herself"."""
    if tok.tag_ != "PRP" or tok.lower_ not in {"him", "her"}:
        return False
    head = tok.head.head if tok.dep_ == "pobj" else tok.head
    return root.dep_ in {"nsubj", "nsubjpass"} and root.head.i == head.i


_OPENING_POSSESSIVES = word_set("his her")


# How many sentences naming no one a possessive pronoun may look back past.
_KIN_REACH = 2


def _pronoun_person(tok: Token, holder: Entity, people: list[Entity], doc: Doc) -> Entity | None:
    """The person 'his'/'her' refers to: the nearest person named before it, in this
    sentence or the one before, when that person's gender is clear and matches. Any
    nearer person of unclear gender makes it unclear: no guess."""
    want = "m" if tok.lower_ in _MALE else "f" if tok.lower_ in _FEMALE else None
    if want is None:
        return None
    first = _sent_start(doc, tok.i)
    lo = _sent_start(doc, first - 1) if first > 0 else 0
    # "Jane Doe, a pianist, died Tuesday. She was 91. Her daughter, ...": a sentence
    # that names no one, in between, still speaks of the person before it.
    for _ in range(_KIN_REACH):
        named = any(
            doc[lo].idx <= n.start < tok.idx for e in people if e is not holder for n in e.names
        )
        if lo == 0 or named:
            break
        lo = _sent_start(doc, lo - 1)
    pronouns = _MALE if want == "m" else _FEMALE
    for _ in range(_KIN_REACH + 1):
        floor = doc[lo].idx
        mentions = sorted(
            ((n.start, e) for e in people if e is not holder for n in e.names
             if floor <= n.start < tok.idx),
            key=lambda m: -m[0],
        )  # fmt: skip
        for _start, person in mentions:
            gender = person_gender(person, doc)
            if gender is None:
                return None
            if gender == want:
                # "He is survived by a son, Tom. His brother, ...": a pronoun of that
                # gender before the nearest such person, in reach, is someone else's.
                # One after an earlier mention of the same person is that person's own
                # ("Victor Osei said he was ... Osei founded it with his brother").
                own = min(n.start for n in person.names if floor <= n.start < tok.idx)
                before = [t for t in doc[lo : tok.i] if t.idx < own and t.lower_ in pronouns]
                return None if before else person
        # "Ann Roe was sentenced. Prosecutors said she paid her husband, Tom Roe. Her
        # lawyer ...": no one of that gender is named in reach, but a pronoun of it
        # is, which speaks of someone further back; look one sentence further.
        if lo == 0 or not any(t.lower_ in pronouns for t in doc[lo : tok.i]):
            break
        lo = _sent_start(doc, lo - 1)
    return None


def _survived_by(noun: Token) -> Token | None:
    """'He is survived by a son, Robert': the one a kin noun with no possessor
    survives, the subject of the passive 'survived by' the noun (or the list it is in)
    is the agent of. Obituaries name kin this way without 'his' or 'her'."""
    tok = noun
    # the parse hangs a later list item on the name before it as often as on its noun
    while tok.dep_ in {"conj", "appos"} and tok.head.i < tok.i:
        tok = tok.head
    agent = tok.head
    if tok.dep_ == "dobj" and agent.lemma_.lower() == "include":
        return _whose_survivors(agent)
    if tok.dep_ != "pobj" or agent.dep_ != "agent" or agent.lower_ != "by":
        return None
    verb = agent.head
    if verb.lemma_.lower() != "survive":
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _whose_survivors(include: Token) -> Token | None:
    """'Her survivors include a son, X': whose the survivors are; a bare 'Survivors
    include' are those of the one the story last says died."""
    subject = next((c for c in include.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() != "survivor":
        return None
    poss = next((c for c in subject.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss
    doc = include.doc
    died = [
        c for t in doc[: include.sent.start] if t.lemma_.lower() == "die" and t.pos_ == "VERB"
        for c in t.children if c.dep_ == "nsubj"
    ]  # fmt: skip
    return died[-1] if died else None


def _kin_role(
    span: Span, holder: Entity, people: list[Entity], doc: Doc
) -> tuple[Role, Kin] | None:
    """'his wife, Mary Roe', 'Lind's lawyer, Ann Poe', 'Her attorney, X': the person
    named by a relation to another gets it as role ("wife of Ivo Lind")."""
    root = span.root
    nouns = _appositive_nouns(root)
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        nouns.insert(0, root.head)
    elif (
        root.dep_ == "conj"
        and root.head.lower_ in KIN_NOUNS
        and span.start >= 2
        and doc[span.start - 1].text == ","
        and root.head.i == span.start - 2
    ):
        nouns.insert(0, root.head)  # "a son, Tom Price, and a daughter": read as a list
    # "his then-girlfriend Ann Roe": the kin noun written as the name's modifier, with
    # the possessive on the name itself.
    bound = [
        c for c in root.children
        if c.dep_ == "compound" and c.i == span.start - 1 and c.lower_ in KIN_NOUNS
    ]  # fmt: skip
    index = _Index(people)
    for noun in bound + nouns:
        relation = KIN_NOUNS.get(noun.lower_) or KIN_NOUNS.get(noun.lemma_.lower())
        owner = root if noun in bound else noun
        poss = next((c for c in owner.children if c.dep_ == "poss" and c.i < noun.i), None)
        # "the widow of former Sen. John Hale": the other person after "of".
        of = [
            o
            for p in noun.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children
            if o.dep_ == "pobj"
        ]
        survivor_of = _survived_by(noun) if poss is None and not of else None
        if relation is None or (poss is None and not of and survivor_of is None):
            continue
        if survivor_of is not None:
            other = (
                _pronoun_person(survivor_of, holder, people, doc)
                if survivor_of.lower_ in PRONOUNS_PERSON
                else index.at(survivor_of.idx, survivor_of.idx + len(survivor_of.text))
            )
        elif poss is not None:
            other = (
                _pronoun_person(poss, holder, people, doc)
                if poss.lower_ in PRONOUNS_PERSON
                else index.at(poss.idx, poss.idx + len(poss.text))
            )
        else:
            other = index.at(of[0].idx, of[0].idx + len(of[0].text))
        if other is None or other is holder or other.kind != "person":
            continue
        kind, forward = relation
        start = min(noun.left_edge.idx, span.start_char)
        if survivor_of is not None and survivor_of.sent == noun.sent:
            start = min(start, survivor_of.left_edge.idx)
        end = max(noun.idx + len(noun.text), span.end_char)
        if poss is None and of:
            end = max(end, of[0].right_edge.idx + len(of[0].right_edge.text))
        word = noun.text.lower()
        if noun.i >= 2 and doc[noun.i - 1].text == "-" and doc[noun.i - 2].lower_ == "then":
            word = f"then-{word}"  # "his then-girlfriend": a link in the past, as written
            start = min(start, doc[noun.i - 2].idx)
        role = Role(f"{word} of {other.name}", noun.lemma_.lower(), None, start, end)
        source, target = (holder.id, other.id) if forward else (other.id, holder.id)
        return role, Kin(kind, source, target, doc_text(doc)[start:end])
    return None


@dataclass
class Membership:
    """A person's stated place in a body without a post: "X of the Labour Party",
    "Demosisto's X", "X from the Civic Party" (GUIDE §9 ``member-of``)."""

    affiliation: str
    evidence: str


def _stated_memberships(span: Span, index: _Index, doc: Doc) -> list[tuple[Entity, int, int]]:
    """Bodies a person's name is written with: 'of'/'from' a body after it, a body's
    possessive before it ('FTU's X'; for the second of "DAB's X and Y", the first's).

    A country counts after "of" and as a possessor ("Korea's X" plays for Korea), not
    after "from", which says where someone comes from."""
    out: list[tuple[Entity, int, int]] = []
    root = span.root
    for prep in root.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"of", "from"} or prep.i != span.end:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            ent = _token_entity(obj, index)
            if ent is None or (ent.kind == "country" and prep.lower_ == "from"):
                continue
            out.append((ent, span.start_char, obj.idx + len(obj.text)))
    first = span.start
    own = first >= 2 and doc[first - 1].text in _POSSESSIVE  # "X's A, Y's B": each its own
    if not own and root.dep_ == "conj" and root.head.ent_type_ == "PERSON" and root.head.i < first:
        first = root.head.left_edge.i  # "DAB's Ben Chan and Leung Che-cheung"
        while first < root.head.i and doc[first].ent_type_ != "PERSON":
            first += 1
    if first >= 2 and doc[first - 1].text in _POSSESSIVE:
        ent = _token_entity(doc[first - 2], index)
        if ent is not None:
            start = next((n.start for n in ent.names if n.start <= doc[first - 2].idx < n.end),
                         doc[first - 2].idx)  # fmt: skip
            out.append((ent, start, span.end_char))
    return out


# Nouns that read as an apposition's role but name no position, office or occupation.
_NOT_POSTS = word_set("resident residents")
# Verbs whose "as" phrase gives the subject's post: "served as its chief executive",
# "resigned as Foreign Affairs minister", "was appointed as chairman".
_AS_POST_VERBS = APPOINT_VERBS | word_set("serve work act resign retire remain continue step")


def _clause_roles(ent: Entity, index: _Index, doc: Doc) -> list[Role]:
    """A post the text states in a clause about the person rather than beside the name,
    for one named with none: "X is the company's chief executive", "X, who served as
    mayor of Y", "X resigned as minister". Read only when no title or apposition gives
    one: the first mention's post comes first (GUIDE §2 Roles). A negated clause
    ("X is not the chief executive") states no post."""
    out: list[Role] = []
    for name in ent.names:
        span = doc.char_span(name.start, name.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        verbs: list[Token] = []
        if root.dep_ in {"nsubj", "nsubjpass"}:
            verbs.append(root.head)
            # "founded Coinvest and served as its chief executive": a conjunct verb with
            # no subject of its own shares this one.
            verbs.extend(
                c
                for c in root.head.children
                if c.dep_ == "conj"
                and c.pos_ in {"VERB", "AUX"}
                and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)
            )
        verbs.extend(
            c
            for c in root.children
            if c.dep_ == "relcl"
            and any(
                g.dep_ in {"nsubj", "nsubjpass"} and g.lower_ in {"who", "that"} for g in c.children
            )
        )
        # "was forced to resign as minister": the complement verb has the same subject.
        verbs += [c for v in verbs for c in v.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
        for verb in verbs:
            # "X is not the chief executive", "X will serve as chairman": no post now.
            if negated_or_modal(verb):
                continue
            lemma = verb.lemma_.lower()
            nouns: list[Token] = []
            if lemma in _COPULAS:
                nouns = [c for c in verb.children if c.dep_ == "attr"]
            if lemma in APPOINT_VERBS and any(c.dep_ == "auxpass" for c in verb.children):
                # "X, who was named chief executive in 2020": the passive's predicate
                nouns = [c for c in verb.children if c.dep_ in {"oprd", "attr"}]
            if lemma in _AS_POST_VERBS:
                # "served as mayor", "served three terms as mayor"
                holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
                nouns += [
                    o
                    for h in holders
                    for p in h.children
                    if p.dep_ == "prep" and p.lower_ == "as"
                    for o in p.children
                    if o.dep_ == "pobj"
                ]
            for noun in nouns:
                if noun.pos_ == "NOUN" and noun.lemma_.lower() in ROLE_NOUNS - _NOT_POSTS:
                    role = _apposition_role(span, noun, index, doc)
                    if role.affiliation != ent.id:
                        out.append(role)
            led = _led_body_role(span, verb, index, doc)
            if led is not None and led.affiliation != ent.id:
                out.append(led)
    return out


# Verbs whose object is the body the subject holds a post in, and the post: "X, who
# heads the agency" is its head. Present tense only (who led it may have left), but
# a founder stays one.
_LEADING_VERBS = {
    "head": "head", "lead": "leader", "chair": "chair", "direct": "director",
    "manage": "manager", "own": "owner", "edit": "editor", "coach": "coach",
}  # fmt: skip
_FOUNDING_VERBS = {"found": "founder", "co-found": "co-founder", "cofound": "co-founder"}


def _led_body_role(span: Span, verb: Token, index: _Index, doc: Doc) -> Role | None:
    """'X, who heads the Ohio Fire Department', 'X founded Acme in 1998': the post the
    verb names in the body its object names ("head of Ohio Fire Department"). Only a
    body the actor list knows: "who runs a bakery" names no one's post."""
    lemma = verb.lemma_.lower()
    post = _FOUNDING_VERBS.get(lemma)
    if post is None and verb.tag_ in {"VBZ", "VBP"}:
        post = _LEADING_VERBS.get(lemma)
    if post is None:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    body = _token_entity(obj, index) if obj is not None else None
    if obj is None or body is None:
        return None
    end = obj.right_edge.idx + len(obj.right_edge.text)
    start = min(span.start_char, verb.idx)
    # Leading a body by a verb is no titled post (GUIDE §9: leader-of, which the
    # relations read from the verb), so the role names the body but does not make it
    # the post's affiliation; a founder is one (founder-of).
    affiliation = body.id if lemma in _FOUNDING_VERBS else None
    return Role(f"{post} of {body.name}", post, affiliation, start, end)


_COPULAS = word_set("be become remain")


def assign_roles(entities: list[Entity], doc: Doc) -> None:
    """Give each person the role the text states, preferring one that names an affiliation."""
    index = _Index(entities)
    people = [e for e in entities if e.kind == "person"]
    for ent in entities:
        if ent.kind != "person":
            continue
        roles: list[Role] = []
        new_posts: list[Role] = []
        memberships: list[Membership] = []
        for name in ent.names:
            span = doc.char_span(name.start, name.end, alignment_mode="expand")
            if span is None:
                continue
            found = _apposition_roles(span, index, doc)
            honorific = _honorific_role(name)
            office = honorific.text if honorific is not None else None
            if honorific is not None:
                honorific = _qualified_honorific(honorific, span, index, doc)
            title = (
                _title_role(span, index, doc, office)
                or _title_of_body_role(span, index, doc)
                or honorific
            )
            if title is not None:
                found.append(title)
            if not found:
                found = (
                    _shared_role(span, index, doc)
                    or _listed_role(span, index, doc)
                    or _example_role(span, index, doc)
                )
            appointed = _appointed_role(span, index, doc)
            if appointed is not None and appointed.affiliation != ent.id:
                new_posts.append(appointed)
                found.append(appointed)
            for body, start, end in _stated_memberships(span, index, doc):
                if body.id != ent.id and all(m.affiliation != body.id for m in memberships):
                    memberships.append(Membership(body.id, doc_text(doc)[start:end]))
            roles.extend(r for r in found if r.affiliation != ent.id)
            kin = _kin_role(span, ent, people, doc) if "kin" not in ent.extra else None
            if kin is not None:
                # "Her attorney, X" is also an apposition role "Attorney": the relation,
                # which says whose, replaces it.
                roles = [r for r in roles if (r.start, r.end) != (kin[0].start, kin[0].end)
                         and r.head != kin[0].head]  # fmt: skip
                roles.append(kin[0])
                ent.extra["kin"] = kin[1]
        if memberships:
            ent.extra["memberships"] = memberships
        # "Halston, a former resident of Evansville": where someone lives is no post.
        roles = [r for r in roles if r.head not in _NOT_POSTS]
        if not roles:
            roles = _clause_roles(ent, index, doc)
        if not roles:
            continue
        # Membership ("a member of the X Party") is a relation, not what a person does:
        # another stated role wins, and the party stays the affiliation.
        offices = [r for r in roles if r.head != "member"] or roles
        offices = [r for r in offices if not r.of_thing] or offices
        best = next((r for r in offices if r.affiliation), offices[0])
        # GUIDE §2 Roles: a person named to a new post has that post as role.
        best = new_posts[0] if new_posts else best
        member = next((r for r in roles if r.head == "member" and r.affiliation), None)
        ent.role, ent.affiliation, ent.role_head = best.text, best.affiliation, best.head
        ent.role_evidence = doc_text(doc)[best.start : best.end]
        if member is not None and member is not best:
            ent.affiliation = ent.affiliation or member.affiliation
            ent.extra["membership"] = member
            ent.extra["membership_evidence"] = doc_text(doc)[member.start : member.end]
        ent.extra["roles"] = roles


# --- the public step ------------------------------------------------------------------


def resolve_entities(article: Article, doc: Doc, gaz: Gazetteer | None = None) -> Entities:
    """Names -> actors and places, with roles, and every mention of each."""
    gaz = gaz or load_gazetteer()
    names = sorted(
        read_names(doc, gaz) + dateline_names(article, gaz) + party_state_names(doc, gaz),
        key=lambda n: n.start,
    )
    entities = [e for e in build_entities(names, gaz, doc) if not _unfounded(e, doc)]
    entities = [e for e in entities if not _unconfirmed(e, article, doc)]
    entities = _without_joined_pairs(_fold_plurals(entities))
    entities = _with_relatives_apart(entities, doc)
    mark_national_sides(entities, doc_text(doc))
    mark_acting_bodies(entities, doc)
    unplace_unsupported_cities(entities, doc)
    entities = [e for e in entities if not _unplaced_region(e, doc)]
    add_surname_mentions(entities, doc, gaz)
    add_short_form_mentions(entities, doc, gaz)
    add_possessed_bodies(entities, doc)
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


def _honorific_gender(name: Name) -> str | None:
    first = name.text.split()[0].rstrip(".").lower() if name.text.split() else ""
    if first in _MALE_HONORIFICS:
        return "m"
    return "f" if first in _FEMALE_HONORIFICS else None


def _next_pronoun(names: list[Name], doc: Doc) -> str | None:
    """'Roe, 58, lives in Ohio. He was charged ...': the pronoun that opens the next
    sentence after one whose subject is the name, when the sentence names no other
    person; 'm', 'f', or None when the mentions disagree or none is so placed."""
    votes: set[str] = set()
    for n in names:
        span = doc.char_span(n.start, n.end, alignment_mode="expand")
        if span is None or span.root.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        sent = span.root.sent
        if sent.end >= len(doc) or any(
            t.ent_type_ == "PERSON" and not (span.start <= t.i < span.end) for t in sent
        ):
            continue
        opener = doc[sent.end].lower_
        if opener in _MALE:
            votes.add("m")
        elif opener in _FEMALE:
            votes.add("f")
    return votes.pop() if len(votes) == 1 else None


def _with_relatives_apart(entities: list[Entity], doc: Doc) -> list[Entity]:
    """'Dale Roe ... he ... Mrs. Roe declined to comment': an honorific of the other
    gender than the full name's (by its own honorific or the pronouns after it) names
    a relative who shares the surname, another person, not a form of that name."""
    out: list[Entity] = []
    used = {e.id for e in entities}
    for ent in entities:
        out.append(ent)
        if ent.kind != "person":
            continue
        plain = [n for n in ent.names if _honorific_gender(n) is None]
        if not any(len(n.key.split()) > 1 for n in plain):
            continue
        gender = person_gender(Entity(ent.id, ent.name, ent.kind, plain), doc) or _next_pronoun(
            plain, doc
        )
        if gender is None:
            continue
        other = [n for n in ent.names if _honorific_gender(n) not in {None, gender}]
        if not other:
            continue
        ent.names = [n for n in ent.names if n not in other]
        for n in other:  # the bare surname is the other person's: no alias of this one
            n.key = normalise_name(n.text)
        first = min(other, key=lambda n: n.start)
        ident = _unique_id(slugify(first.text), used)
        used.add(ident)
        out.append(Entity(ident, first.text, "person", sorted(other, key=lambda n: n.start)))
    return out


def _without_demonym(name: Name) -> Name:
    """'the Brazilian Bovespa index': the country's adjective says where the index is,
    it is not part of the index's name ("Bovespa")."""
    first, _, rest = name.key.partition(" ")
    if not rest or not rest[:1].isupper() or load_gazetteer().demonym(first) is None:
        return name
    at = name.text.rfind(rest)  # the text may open with "the"
    if at < 0:
        return name
    return replace(name, start=name.start + at, text=name.text[at:], key=rest, core="")


def _without_joined_pairs(entities: list[Entity]) -> list[Entity]:
    """'Boeing-Air Force contract talks', 'the Singapore-Sydney route': two names
    joined by a hyphen into one modifier name neither a third body nor a place; each
    is an actor or a place of its own already. Only when both halves are names of
    other entities of the article, so a hyphenated name ("Rolls-Royce",
    "Wilkes-Barre") stays."""
    # "the Singapore-Sydney route": two places so joined name a route, no place; a
    # place's own hyphen ("Wilkes-Barre") has halves the article names nowhere else.
    keys: dict[str, Entity] = {n.key: e for e in entities for n in e.names}
    kept = []
    for ent in entities:
        halves = [n.key.split("-", 1) for n in ent.names if "-" in n.key and " -" not in n.key]
        if len(halves) == len(ent.names) and all(
            _other_actor(keys.get(a.strip()), ent) and _other_actor(keys.get(b.strip()), ent)
            for a, b in halves
        ):
            continue
        kept.append(ent)
    return kept


def _other_actor(found: Entity | None, ent: Entity) -> bool:
    return found is not None and found is not ent


def _plural_of(key: str, other: str) -> bool:
    """'Boeing 787 Dreamliners' of 'Boeing 787 Dreamliner', 'A330s' of 'Airbus A330',
    'Airbuses' of 'Airbus': the name with a plural ending, whole or its last words."""
    for ending in ("s", "es"):
        if not key.endswith(ending) or len(key) <= len(ending) + 1:
            continue
        stem = key[: -len(ending)]
        if other == stem or other.endswith(" " + stem):
            return True
    return False


def _designation(key: str) -> tuple[str, str] | None:
    """'Airbus A380' -> ('Airbus', '380'): the words before a model designation that
    ends the name, and the designation without a one-letter series prefix."""
    words = key.split()
    if len(words) < 2 or not _MODEL_TOKEN.match(words[-1]) or not words[-1][-1].isdigit():
        return None
    model = words[-1]
    if len(model) > 1 and model[0].isalpha() and model[1:].isdigit():
        model = model[1:]
    return " ".join(words[:-1]), model


def _same_model(ent: Entity, other: Entity, entities: list[Entity]) -> bool:
    """'Airbus 380' beside 'Airbus A380', 'Air France A330' beside 'Airbus A330': one
    aircraft or product model named with or without its series letter, or by its
    operator instead of its maker. The words before the designation must be the same,
    or each the name of an actor of the article (maker, operator), so that two
    makers' models that share a number ("Foo 300" of a company and a "Bar 300" of
    nothing named) stay apart."""
    bodies = {n.key for e in entities if e.kind == "organization" for n in e.names}
    for a in {n.key for n in ent.names}:
        pa = _designation(a)
        for b in {n.key for n in other.names}:
            pb = _designation(b)
            if pa is None or pb is None or pa[1] != pb[1]:
                continue
            if pa[0] == pb[0] or (pa[0] in bodies and pb[0] in bodies):
                return True
    return False


def _fold_plurals(entities: list[Entity]) -> list[Entity]:
    """A maker's or a model's name in the plural names the things of that model
    ("22 new Boeing 787 Dreamliners", "other A330s"), not a thing of its own: one
    actor per entity (GUIDE §2 rule 9). A thing's plural joins the thing; a plural
    the model read as an unknown place ("Airbuses") is no place at all."""
    kept: list[Entity] = []
    for ent in entities:
        keys = {n.key for n in ent.names}
        base = next(
            (
                other
                for other in entities
                if other is not ent
                and other.is_actor
                and any(_plural_of(k, n.key) for k in keys for n in other.names)
                and not any(_plural_of(n.key, k) for n in other.names for k in keys)
            ),
            None,
        )
        if base is None and ent.kind == "other":
            base = next(
                (o for o in kept if o.kind == "other" and _same_model(ent, o, entities)), None
            )
        if base is not None and ent.kind == "other" and base.kind == "other":
            base.names = sorted(base.names + ent.names, key=lambda n: n.start)
            continue
        if base is not None and not ent.is_actor and all(n.strength == 0 for n in ent.names):
            continue
        kept.append(ent)
    return kept


# Posts a government or a university gives, named after a portfolio or a field
# ("Home Secretary", "Secretary of Defense", "Emeritus Professor"): the capitalised
# word beside them is part of a person's title, not a body. Company posts ("Acme
# CEO") are left out: news names a company by them as often as it names a post.
_PORTFOLIO_POSTS = word_set("secretary minister undersecretary professor emeritus")
# Creeds named as such: the guide's groups are their believers ("Muslims"), not the creed.
_CREED_SUFFIXES = ("ism", "phobia")
_CREEDS = word_set("Islam Christianity Judaism Hinduism Buddhism Sikhism Shinto Taoism")
# Bare common nouns news capitalises for one body ("the State", "the Court"): they
# refer to an actor already named or to none (GUIDE §3), so alone they are no actor.
_BARE_BODY_NOUNS = ORG_NOUNS | word_set("state government crown administration ministry")


def _unconfirmed(ent: Entity, article: Article, doc: Doc) -> bool:
    """An actor named only as a picture's maker (a photographer, an agency), only in
    a title-case headline, or only as a sentence-case headline's first word on a
    common noun ("Tech founder sues partner"): the briefing is about the story's
    actors, and a headline's capitals make names of any words."""
    if not ent.is_actor:
        return False
    spans = article.unconfirmed
    if spans and all(any(a <= n.start < b for a, b in spans) for n in ent.names):
        return True
    return all(_headline_opening_modifier(n, article, doc) for n in ent.names)


def _headline_opening_modifier(name: Name, article: Article, doc: Doc) -> bool:
    if not any(p.kind == "headline" and p.start == name.start for p in article.structure):
        return False
    span = doc.char_span(name.start, name.end)
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    return tok.dep_ in {"compound", "amod"} and tok.head.pos_ == "NOUN" and tok.head.is_lower


def _unfounded(ent: Entity, doc: Doc) -> bool:
    """An entity whose only support is the model's label on words that news writes
    for something else: a lone word the model calls a person with no given name, no
    full name it shortens and no cue ("Twitter", "Pixar", "Hajj"); a creed; a
    capitalised bare noun; a portfolio inside a post. Leaving a doubtful name out
    costs less than a wrong kind on the page."""
    if ent.kind == "person" and all(" " not in n.key and _in_post(doc, n) for n in ent.names):
        # "Deputy Defense Secretary Wolfowitz": the title before the portfolio made
        # the model's one word a person, but it is the post's portfolio.
        return True
    if all(_common_noun(n.key, doc) for n in ent.names):
        # "the SUV's": an acronym of a kind of thing, or a kind the text also writes
        # in lower case, names no thing in particular (GUIDE §3, bare common nouns).
        return True
    if not ent.is_actor and all(n.demonym for n in ent.names):
        # "European", "North American": a continent's adjective says where something
        # is from, it does not single the continent out as a place (GUIDE §4); the
        # continent is a place when the text names it ("in Europe").
        return True
    if any(n.strength >= 2 for n in ent.names):
        return False
    keys = {n.key for n in ent.names}
    if not all(len(k.split()) == 1 for k in keys):
        return all(_in_post(doc, n) for n in ent.names) and ent.kind == "organization"
    words = {k.rstrip("'’s") for k in keys}
    if any(w in _CREEDS or w.lower().endswith(_CREED_SUFFIXES) for w in words):
        return True
    if ent.kind == "person":
        # "Skyward K450": a word before a model number is a maker's name, something
        # the text does name; the model's kind is left to stand.
        text = doc_text(doc)
        opens = any(re.search(rf"\b{re.escape(w)} (?=[A-Z]{{0,3}}\d)", text) for w in words)
        if opens:
            return False
        return not any(w in given_names() for w in words) or any(
            _used_as_a_noun(doc, n) for n in ent.names
        )
    if ent.kind != "organization":
        return False
    if all(w.lower() in _BARE_BODY_NOUNS for w in words):
        return True
    if all(_capitalised_modifier(doc, n) for n in ent.names) and not any(
        _acts_anywhere(doc, k) for k in keys
    ):
        return True
    return all(_in_post(doc, n) or _elided_head(doc, n) for n in ent.names)


def _capitalised_modifier(doc: Doc, name: Name) -> bool:
    """'according to Automotive analyst X', 'the 3D Digital mock-up': a word the
    article also writes in lower case, capitalised here as the modifier of a common
    noun, is that word, not a body's name."""
    span = doc.char_span(name.start, name.end, alignment_mode="expand")
    if span is None or len(span) != 1 or name.label != "ORG":
        return False
    tok = span[0]
    if tok.is_upper or tok.lower_ not in _lower_words(doc):
        return False
    head = tok.head
    return tok.dep_ in {"compound", "amod", "nmod"} and head.is_lower and head.pos_ == "NOUN"


def _common_noun(key: str, doc: Doc) -> bool:
    """A one-word name that is a noun for a kind of thing ("SUV", "SUVs"): written as
    an acronym, or also in lower case in the text. A capitalised word alone is left
    to stand, as products are named by such words ("Opera", the browser)."""
    word = key.lower()
    if " " in word:
        return False
    stems = [word] + [word[: -len(e)] for e in ("'s", "’s", "s") if word.endswith(e)]
    if not any(s in THING_NOUNS for s in stems):
        return False
    return key.rstrip("'’s").isupper() or any(t.text in stems for t in tokens(doc))


def _used_as_a_noun(doc: Doc, name: Name) -> bool:
    """'a blue Marilyn', 'the Marilyn pictures': a given name with an article or an
    adjective of its own, or modifying a common noun, names a work or a thing
    after a person, not the person."""
    span = doc.char_span(name.start, name.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.is_lower:
        return True
    return any(
        (c.dep_ == "det" and c.lower_ in {"a", "an"}) or c.dep_ == "amod" for c in tok.children
    )


def _in_post(doc: Doc, name: Name) -> bool:
    """'Home Secretary', 'Secretary of Defense', 'Undersecretary for Education'."""
    span = doc.char_span(name.start, name.end, alignment_mode="expand")
    if span is None or any(t.text in ORG_NAME_HEADS for t in span):
        return False
    if span.end < len(doc) and doc[span.end].lower_ in _PORTFOLIO_POSTS:
        return True
    if span.start >= 2 and doc[span.start - 1].lower_ in {"of", "for"}:
        post = doc[span.start - 2]
        return post.lower_ in _PORTFOLIO_POSTS and post.text[0].isupper()
    return False


def _elided_head(doc: Doc, name: Name) -> bool:
    """'the State and Homeland Security Departments': the first body's head is the
    plural the two share; the word alone names nothing (GUIDE §2, coordination)."""
    span = doc.char_span(name.start, name.end, alignment_mode="expand")
    if span is None or span.end + 2 >= len(doc) or doc[span.end].lower_ not in {"and", "&"}:
        return False
    for tok in doc[span.end + 1 : span.end + 6]:
        if not _is_capitalised(tok):
            return False
        if tok.text.endswith("s") and tok.text[:-1] in ORG_NAME_HEADS | {"Department", "Ministry"}:
            return True
    return False


def _aliases(ent: Entity) -> list[str]:
    seen: dict[str, None] = {}
    for n in ent.names:
        forms = [normalise_name(n.text)]
        # "Mr. Pezeshkian" makes the bare surname a form the article uses, so the
        # reader's search and the analyst's "what" lines find him by it.
        if ent.kind == "person" and n.key != forms[0] and n.key == ent.name.split()[-1]:
            forms.append(n.key)
        for alias in forms:
            if ent.kind == "other" and _plural_of(alias, ent.name):
                continue  # "A330s" names the aircraft of the model, not the model
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
    return start >= 0 and article.in_one_sentence(start, start + len(span))


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

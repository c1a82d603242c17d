"""Dated happenings: one event per calendar date expression, told from the parse.

Each date of kind "date" with a calendar value becomes an event. What happened
is read from the dependency parse around the date: the verb that governs it
(with its subject and complements), or, when the date modifies an eventive
noun ("the 1979 hostage crisis", "the assassination in July of ..."), that
noun phrase. The ``what`` line reuses the article's own words, only re-inflected
(the verb's lemma in the present tense), so it cannot claim more than the
article does; ``evidence`` is the verbatim clause it was read from.

A happening dated only by hours before or after another ("A few hours before
the plane touched down, a rocket attack ...") is put on the day the story is
telling, marked ``approximate``. Ids are the first words of ``what`` (a person
by surname), ending on a content word: "pezeshkian-arrives-in-iraq".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from briefkit.article import slugify as _slug
from briefkit.extractors.actors import ROLE_NOUNS, person_gender
from briefkit.extractors.dates import MONTHS, DateExpression, story_day
from briefkit.extractors.epithets import Epithets
from briefkit.extractors.mentions import Mention
from briefkit.extractors.nlp import SCHEDULE_VERBS, VERB_PREFIXES
from briefkit.extractors.quotes import find_quote_spans
from briefkit.extractors.spans import SpanIndex
from briefkit.extractors.types import Entities, every_mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from briefkit.article import Article, Sentence
    from briefkit.extractors.types import Entity

# The contract's date shapes: YYYY | YYYY-MM | YYYY-MM-DD | YYYY-Www | START/END.
_CALENDAR = r"\d{4}(?:-\d\d(?:-\d\d)?|-W\d\d)?"
DATE_PATTERN = re.compile(rf"^{_CALENDAR}(?:/{_CALENDAR})?$")
# A day with a part of day or a clock time still names a calendar day.
_DAY_WITH_TIME = re.compile(r"^(\d{4}-\d\d-\d\d)T")

_TITLES = frozenset(
    {"mr", "mrs", "ms", "mx", "dr", "prof", "sir", "dame", "gen", "col", "lt", "capt", "sen",
     "rep", "gov", "president", "prime", "minister"}
)  # fmt: skip
# Nouns that name happenings; deverbal suffixes catch most others.
_EVENT_NOUNS = frozenset(
    {
        "crisis", "war", "attack", "fall", "visit", "trip", "election", "vote", "coup",
        "revolution", "invasion", "assassination", "strike", "raid", "summit", "meeting",
        "talks", "deal", "agreement", "ceasefire", "truce", "protest", "protests", "uprising",
        "earthquake", "flood", "fire", "crash", "bombing", "shooting", "killing", "death",
        "arrest", "trial", "ruling", "verdict", "launch", "release", "hearing", "conference",
        "referendum", "campaign", "speech", "interview", "announcement", "merger", "takeover",
        "collapse", "storm", "hurricane", "outbreak", "siege", "battle", "massacre",
        "scandal", "incident", "explosion", "accident", "ban", "sanctions", "reform", "budget",
        "inauguration", "funeral", "wedding", "birth", "ceremony", "festival", "tournament",
        "championship", "cup", "games", "olympics", "season", "offensive", "withdrawal",
        "drawdown", "rebellion", "riot", "boycott", "shutdown", "default", "recession",
    }
)  # fmt: skip
_EVENT_SUFFIXES = ("tion", "sion", "ment", "ure", "sis", "ance", "ence", "val", "sal")
# Common nouns with those suffixes that name a thing, a body or a place, not a
# happening ("the 2011 version", "the 2009 government", "2008 revenue").
_SUFFIX_THINGS = frozenset(
    {"version", "television", "government", "department", "apartment", "equipment",
     "document", "instrument", "nation", "station", "population", "information",
     "position", "edition", "generation", "future", "picture", "structure", "nature",
     "culture", "figure", "measure", "finance", "insurance", "balance", "distance",
     "evidence", "audience", "licence", "license", "science", "sentence",
     "region", "division", "commission", "session", "procedure", "legislation",
     "organization", "organisation", "corporation", "foundation", "institution",
     "association", "administration", "federation", "portion", "proportion", "ration",
     "fixture", "feature", "literature", "temperature", "capital", "rival", "total",
     "signal"}
)  # fmt: skip
_OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "acomp", "oprd", "prt", "agent"})
_SPEECH = frozenset(
    {"say", "tell", "announce", "state", "report", "claim", "add", "warn", "inform", "assure",
     "remind", "notify", "advise", "brief", "reassure", "promise", "caution"}
)  # fmt: skip
# "is to be held", "is anticipated to open"
_FUTURE_FRAMES = SCHEDULE_VERBS | {"be", "anticipate"}
_MAX_WHAT_WORDS = 22


def find_events(
    article: Article,
    doc: Doc,
    dates: list[DateExpression],
    mentions: list[Mention],
    published: dt.date | None,
    actors: Sequence[Entity] = (),
    places: Sequence[Entity] = (),
) -> list[dict[str, Any]]:
    """One contract-shaped event dict per dated happening in ``article``.

    ``doc`` is spaCy's parse of ``article.text``; ``dates`` come from
    ``find_dates`` on the same text. Only resolved calendar dates make events:
    durations, sets, X-values and PRESENT_REF-style values do not, save hours
    that count from another happening (approximate events, see ``_relative_event``).
    ``actors`` (the article's actors) let a pronoun subject be told by its name;
    ``places`` let "the city" be told as the city named before it.
    """
    kinds = {a.id: a for a in actors}
    place_kinds = {p.id: p.kind for p in places}
    epithets = Epithets(doc, Entities(list(actors), [], list(mentions)))
    events: list[dict[str, Any]] = []
    taken: set[str] = set()
    ordered = _join_ranges(sorted(dates, key=lambda d: d.start), article.text)
    index = SpanIndex(every_mention(doc, mentions, actors, places),
                      lambda m: (m.start, m.end))  # fmt: skip
    # A happening told only inside a direct quotation is the quote's fact, not the
    # article's (GUIDE §6): "we have learned a lot from today's game".
    quoted = SpanIndex(find_quote_spans(article), lambda q: (q.start, q.end))
    reparsed: dict[int, Doc] = {}
    told_by: list[tuple[int, int | None]] = []  # each event's sentence and verb
    anchored: dict[int, str] = {}  # the values "One year later" took from their anchors
    acts: list[tuple[int, str, dict[str, Any]]] = []  # each verb event's sentence and lemma
    for i, date in enumerate(ordered):
        if date.start >= article.body_end or quoted.covering(date.start):
            continue
        if _ANAPHORIC.fullmatch(date.text):
            continue
        sentence = article.sentence_at(date.start)
        if sentence is None:
            continue
        sent_doc = _own_parse(doc, article.prose, sentence.start, sentence.end, reparsed)
        sent = sent_doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        date_span = sent_doc.char_span(date.start, date.end, alignment_mode="expand")
        if sent is None or date_span is None:
            continue
        # "in late 2007": a part-of-period word the dates leave out is the date's, not
        # a word of the line ("reports losses in late").
        before = sent_doc[date_span.start - 1] if date_span.start > sent.start else None
        if (
            before is not None
            and before.lower_ in _PERIOD_PARTS
            and before.head.i == date_span.root.i
            and before.dep_ in ("amod", "advmod", "compound")
        ):
            date_span = sent_doc[before.i : date_span.end]
            date = replace(date, start=before.idx, text=article.text[before.idx : date.end])
        part = _period_part(date_span, sent)
        if part is not None:
            # "by the end of 2027": the part of the period is the date's phrase, so
            # the line keeps none of it ("will cut jobs by the end") and ``when`` has it.
            date_span = sent_doc[part.left_edge.i : date_span.end]
            date = replace(date, start=part.left_edge.idx,
                           text=article.text[part.left_edge.idx : date.end])  # fmt: skip
        if _restates(date_span, ordered, i, article.text):
            continue
        value = _event_date(date)
        approximate = False
        if value is None:
            offset = _anchored_offset(article, ordered, i, anchored, sentence)
            if offset is None:
                offset = _dated_by_act(article, sent_doc, ordered, i, sentence, index, acts)
            if offset is not None:
                value, date = offset
                anchored[i] = value
                date_span = sent_doc.char_span(date.start, date.end, alignment_mode="expand")
                if date_span is None:
                    continue
        when_end = date.end
        if value is None:
            back = _counted_back(article, sent_doc, ordered, i, sentence, published, reparsed,
                                 events)  # fmt: skip
            if back is not None:
                value, own_doc, own_sent, one = back
                when_end = _link_end(article.text, date)
                event = _event_of(one, article, sentence, own_doc, own_sent, date, value,
                                  when_end, False, index, kinds, epithets,
                                  place_kinds)  # fmt: skip
                if event is not None:
                    events.append(event)
                    told_by.append((sentence.start, None))
                continue
        if value is None and published is not None:
            relative = _relative_event(article.text, ordered, i, published, sent, date_span)
            if relative is None:
                continue
            value, when_end, reading = relative
            approximate = True
        elif value is None:
            continue
        else:
            reading = _read_event(sent, date_span, sent_doc, value, published)
        if reading is None:
            continue
        # "Secunia has said that as of March 4, IE6 has 277 flaws", "Posts ... wrote that
        # as of Friday the site was not loading": a state at a date is an event, and
        # known only through the source's indirect speech it is reported (GUIDE §6,
        # §15 F6), also beside the saying's own event.
        as_of = _as_of(article.text, date)
        if as_of and reading.verb is not None and _said_by_source(sent_doc[reading.verb]):
            reading = replace(reading, status="reported")
        # A quoted headline's verb ('"MP calls for probe" — Sun, August 16, 2008'): the
        # date outside the quotation dates the quoting, not what the quotation says.
        # Only a quotation that opens the sentence: a narration that quotes its predicate
        # (X "walked into the station") still tells it.
        if reading.verb is not None and any(
            q.start <= sentence.start + 1 for q in quoted.covering(sent_doc[reading.verb].idx)
        ):
            continue
        readings = [reading]
        # "As of March 4, IE6 has 277 flaws, and 39 percent of these are rated critical":
        # the clauses after a state's "as of" are parts of that one measurement.
        if not approximate and not as_of:
            readings += _conjoined(reading, sent_doc, sent, date_span, value, published)
            readings += _when_clause(reading, sent_doc, sent, date_span, value, published)
        for one in readings:
            # "A storm caused a crane to fall yesterday. The accident, which occurred
            # yesterday afternoon, ...": the same happening told again (GUIDE §6).
            # So does a bare noun after an event of its day ("... stalled in the Senate
            # on Tuesday. X called Tuesday's vote a betrayal"): "Vote" says no more.
            bare = one.verb is None and len(one.what.split()) <= 2
            if (_retells(one, sent_doc) or bare) and any(
                start < sentence.start and str(e["date"]).startswith(str(value)[:10])
                for e, (start, _) in zip(events, told_by, strict=True)
            ):
                continue
            event = _event_of(one, article, sentence, sent_doc, sent, date, value, when_end,
                              approximate, index, kinds, epithets, place_kinds)  # fmt: skip
            if event is not None:
                events.append(event)
                told_by.append((sentence.start, one.verb))
                if one.verb is not None:
                    acts.append((sentence.start, sent_doc[one.verb].lemma_.lower(), event))
    events = _finest(_alternative_dates(events, told_by), told_by)
    for event in events:
        event["id"] = _unique_slug(event["id"], taken)
    return events


def _retells(reading: _Reading, doc: Doc) -> bool:
    """``reading`` only says that a happening already named took place: a verb of
    happening ("occurred", "took place") said of a definite event noun ("The accident,
    which occurred yesterday", "The attack happened on Monday"), which points back to a
    happening the article has told."""
    if reading.verb is None or reading.subject is None:
        return False
    verb, subject = doc[reading.verb], doc[reading.subject]
    lemma = verb.lemma_.lower()
    if lemma not in _HAPPENING_VERBS and not (
        lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    ):
        return False
    if subject.lower_ in _RELATIVES and subject.head.dep_ == "relcl":
        subject = subject.head.head
    return (
        subject.pos_ == "NOUN"
        and _is_event_noun(subject)
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in subject.children)
    )


def _alternative_dates(
    events: list[dict[str, Any]], told_by: list[tuple[int, int | None]]
) -> list[dict[str, Any]]:
    """'expected to take place in August or September': one happening whose date is one
    of two, a range from the first to the second (GUIDE §6), not two events. Only
    "or": "in March and June" is two happenings. ``told_by`` stays aligned."""
    keep = list(range(len(events)))
    for i in range(len(events)):
        for j in range(i + 1, len(events)):
            a, b = events[i], events[j]
            if i not in keep or j not in keep or told_by[i] != told_by[j] or told_by[i][1] is None:
                continue
            text, first, second = str(a["evidence"]), str(a["when"]), str(b["when"])
            if text.find(second) < 0:
                second = second.split(" ", 1)[-1]  # the shared preposition: "in A or B"
            lo, hi = text.find(first), text.find(second)
            if lo < 0 or hi < lo + len(first) or text[lo + len(first) : hi].strip() != "or":
                continue
            a["date"] = f"{a['date']}/{b['date']}"
            a["when"] = text[lo : hi + len(second)]
            keep.remove(j)
    told_by[:] = [told_by[k] for k in keep]
    return [events[k] for k in keep]


def _finest(
    events: list[dict[str, Any]], told_by: list[tuple[int, int | None]]
) -> list[dict[str, Any]]:
    """One event per happening (GUIDE §6): a verb dated twice, once finer ("Yesterday, at
    this year's conference, X unveiled Y": the day and the year), is the finer date's
    event. Dates that do not nest ("in March and June") stay two events."""
    drop: set[int] = set()
    for i, (key, a) in enumerate(zip(told_by, events, strict=True)):
        if key[1] is None:
            continue
        for j, (other, b) in enumerate(zip(told_by, events, strict=True)):
            if i != j and other == key and str(b["date"]).startswith(f"{a['date']}-"):
                drop.add(i)
            # "fell in afternoon trading on Tuesday": two dates of one day, one event
            if j < i and j not in drop and other == key and b["date"] == a["date"]:
                drop.add(i)
    return [e for i, e in enumerate(events) if i not in drop]


def _date_words(date_span: Span) -> set[int]:
    """The token indices of a date and the preposition that introduces it: words no
    clause read beside the date may count as its own."""
    words = {t.i for t in date_span}
    prep = _date_preposition(date_span)
    if prep is not None:
        words.add(prep.i)
    return words


def _conjoined(
    reading: _Reading,
    doc: Doc,
    sent: Span,
    date_span: Span,
    value: str,
    published: dt.date | None,
) -> list[_Reading]:
    """The clauses coordinated with the dated one under a date fronted before them all
    (GUIDE §6: "On Friday, fishermen rescued 700 ..., and the Navy reportedly saved 200
    more" is two events). Only a clause with a subject of its own and no date of its
    own; one that shares the subject ("arrived and met") may be a step of the same
    happening, and is left to the first line."""
    if reading.verb is None:
        return []
    verb = doc[reading.verb]
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subject is None or date_span.end > subject.left_edge.i or date_span.start > verb.i:
        return []
    date_tokens = _date_words(date_span)
    out: list[_Reading] = []
    for conj in _coordinated_clauses(verb, sent):
        own = next((c for c in conj.children if c.dep_ in _SUBJECTS), None)
        if own is None or any(
            t.ent_type_ in ("DATE", "TIME") and not _bounds_a_noun(t, conj)
            for t in _own_words(conj, verb)
        ):
            continue
        # "..., the cause of which is unknown": a relative's clause, and a state.
        if any(t.tag_ in ("WDT", "WP", "WP$") for t in own.subtree) or conj.lemma_ == "be":
            continue
        told = _verb_reading(conj, sent, date_tokens, value, published)
        if told is None or told.verb != conj.i:
            continue
        # The evidence is the clause's own, not the fronted date and the first clause.
        start = doc[own.left_edge.i].idx
        out.append(replace(told, start=max(told.start, start)))
    return out


_WHEN_WORDS = frozenset({"when", "as"})


def _when_clause(
    reading: _Reading,
    doc: Doc,
    sent: Span,
    date_span: Span,
    value: str,
    published: dt.date | None,
) -> list[_Reading]:
    """ "received the trademark in 2000, when the company overtook Infogear": a "when"
    (or "as") clause set right after a date says what happened at that date; the date
    is its own too, and it is told under the frame of the clause the date is in (a
    claim's content stays reported)."""
    after = date_span.end
    if after < sent.end and doc[after].text == ",":
        after += 1
    if after >= sent.end - 1 or doc[after].lower_ not in _WHEN_WORDS:
        return []
    word = doc[after]
    clause = word.head
    if (
        clause.pos_ not in ("VERB", "AUX")
        or not _in(clause, sent)
        or word.dep_ not in ("advmod", "mark")
        or clause.dep_ not in ("relcl", "advcl", "acl")
        or not any(c.dep_ in _SUBJECTS for c in clause.children)
        or reading.verb == clause.i
    ):
        return []
    # Only a clause hung on the date or on the verb it dates: one hung elsewhere may
    # belong to another word of the sentence.
    if clause.head.i not in {t.i for t in date_span} and clause.head.i != reading.verb:
        return []
    told = _verb_reading(clause, sent, _date_words(date_span) | {word.i}, value, published)
    if told is None or told.verb != clause.i:
        return []
    status = reading.status if told.status == "happened" else told.status
    return [replace(told, start=min(told.start, word.idx), status=status)]


def _coordinated_clauses(verb: Token, sent: Span) -> list[Token]:
    """The verbs of the clauses coordinated after ``verb``: its "and" chain, and a
    semicolon list the small model parses as a complement of the next clause ("X
    defeated Y 1 – 0; Z defeated W 3 – 0; and V lost"): the clause after the ";"."""
    out: list[Token] = []
    node = verb
    head = verb.head
    if (
        verb.dep_ in ("ccomp", "parataxis")
        and verb.i < head.i
        and head.pos_ in ("VERB", "AUX")
        and _in(head, sent)
        and _semicolon_before(verb, head)
    ):
        out.append(head)
        node = head
    for _ in range(4):
        conj = next((c for c in node.children if c.dep_ == "conj" and _in(c, sent)), None)
        if conj is None or conj.pos_ not in ("VERB", "AUX"):
            break
        out.append(conj)
        node = conj
    return out


def _bounds_a_noun(tok: Token, verb: Token) -> bool:
    """'fell to lows not seen since October 1982': a date after "since" in a phrase that
    describes a noun of the clause bounds that noun's "not seen"; it dates nothing the
    clause tells."""
    head = tok
    while head.dep_ != "pobj" and head.head.i != head.i and head.head.i != verb.i:
        head = head.head
    prep = head.head
    return (
        head.dep_ == "pobj"
        and prep.lower_ == "since"
        and prep.head.i != verb.i
        and prep.head.dep_ in {"acl", "relcl", "amod", "pobj", "dobj"}
    )


def _own_words(verb: Token, dated: Token) -> list[Token]:
    """``verb``'s clause without the clauses coordinated after it, nor the ``dated``
    one that a semicolon list hangs below it."""
    out: list[Token] = [verb]
    for c in verb.children:
        if (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")) or c.i == dated.i:
            continue
        out += list(c.subtree)
    return out


def _event_of(
    reading: _Reading,
    article: Article,
    sentence: Sentence,
    sent_doc: Doc,
    sent: Span,
    date: DateExpression,
    value: str,
    when_end: int,
    approximate: bool,
    index: SpanIndex[Mention],
    kinds: Mapping[str, Entity],
    epithets: Epithets | None = None,
    place_kinds: Mapping[str, str] | None = None,
) -> dict[str, Any] | None:
    """The contract-shaped event ``reading`` tells, or None when it tells none a
    reader could place (a subject still a bare pronoun)."""
    ev_start, ev_end = _trim(
        article.text,
        max(reading.start, sentence.start),
        min(reading.end, sentence.end),
    )
    if ev_end <= ev_start:
        return None
    # Who and where come from the clause that tells the event, and from the subject
    # it shares with a governing clause ("X arrived ... since taking office"); the
    # whole sentence only for a noun phrase that names no one ("the 1979 crisis").
    spans = [(ev_start, ev_end)] if reading.who is None else [reading.who, (ev_start, ev_end)]
    if approximate:
        spans = [(max(ev_start, when_end), ev_end)]
    # "Weisshorn, which was bought by Longhai Group in 2021, had promised ...": a
    # relative clause on a word of the evidence tells a happening of its own.
    asides = _relative_spans(sent, reading.verb)
    actors = [r for r in _refs_in(index, "actor", spans) if not _only_in(index, r, spans, asides)]
    places = [r for r in _refs_in(index, "place", spans) if not _only_in(index, r, spans, asides)]
    if reading.verb is not None:
        # The clause's other arguments: "launched on Wednesday by a user, on the
        # website X"; not the names of a clause of its own ("..., and Y said").
        clause = _clause_spans(sent_doc[reading.verb], sent)
        actors += [r for r in _refs_in(index, "actor", clause) if r not in actors]
        places += [r for r in _refs_in(index, "place", clause) if r not in places]
    # "The festival runs through March 11": a description that repeats the last word
    # of one name told before it ("the Taipei City Lantern Festival") is that one.
    words = _span_tokens(sent_doc, spans)
    for kind, found in (("actor", actors), ("place", places)):
        described = _described_refs(index, kind, words)
        # An organization's name may end in its product ("Douglas Aircraft": "the
        # aircraft" is a plane); what "the company" refers back to is ``epithets``'s.
        found += [r for r in described if r not in found and _kind(kinds, r) != "organization"]
    kind_refs = _kind_described_refs(article, index, words, kinds, place_kinds or {})
    for kind, ref in kind_refs:
        found = actors if kind == "actor" else places
        if ref not in found:
            found.append(ref)
    # "forcing the company to file for bankruptcy", "revenue of the firm": an
    # argument that is a bare description of an organization is the one it refers
    # back to, wherever it stands in the clause (the subject's is named below).
    if epithets is not None:
        found = _epithet_refs(words, epithets, index, kinds)
        actors += [r for r in found if r not in actors]
    if reading.subject is not None:
        reading, actors = _resolve_subject(reading, sent_doc, index, kinds, actors)
        if epithets is not None:
            reading, actors = _named_epithet(reading, sent_doc, epithets, kinds, actors)
        # "Its shares rose 5 percent on Tuesday": a subject opened by a possessive
        # pronoun is told by the actor it stands for, as a noun event is.
        first = sent_doc[sent_doc[reading.subject].left_edge.i]
        if first.tag_ == "PRP$" and reading.what.split(" ", 1)[0].lower() == first.lower_:
            told = _named_possessor(replace(reading, start=first.idx), sent_doc, index, kinds)
            if told is not None and told[1] is not None:
                reading = replace(told[0], start=reading.start)
                actors = [told[1], *(r for r in actors if r != told[1])]
        # GUIDE §6: the subject is named, never a pronoun. One the article's names do
        # not tell ("They look at", "it has received", "whose sales had") leaves a
        # line no reader can place: no event rather than a wrong or empty one.
        if _bare_pronoun(sent_doc[reading.subject], reading.what):
            return None
    if reading.verb is None:
        told = _named_possessor(reading, sent_doc, index, kinds)
        if told is None:
            return None
        reading, ref = told
        if ref is not None:
            actors = [ref, *(r for r in actors if r != ref)]
        # GUIDE §6: ``what`` is a clause. "Andy Warhol's death" is "Andy Warhol dies".
        clause = _noun_clause(reading.what)
        if clause is not None:
            reading = replace(reading, what=clause, key=clause)
    # A noun phrase that names no one ("the 1979 crisis"), or a main clause whose
    # parse lost its arguments (the small model hangs "when the hotel collapsed"
    # elsewhere): the sentence's names. Never for a subordinate clause ("which had
    # been issued ..."): the rest of the sentence tells another happening.
    if not approximate and (reading.verb is None or _is_main(sent_doc[reading.verb])):
        if not actors:
            # Not the names that only place the date by another happening.
            whole = [(sentence.start, sentence.end)]
            restated = [
                (t.left_edge.idx, t.right_edge.idx + len(t.right_edge))
                for t in sent
                if _restated_time(t, sent)
            ]
            actors = [
                r
                for r in _refs(index, "actor", sentence.start, sentence.end)
                if not _only_in(index, r, whole, restated)
            ]
        if not places:
            places = _refs(index, "place", sentence.start, sentence.end)
    event: dict[str, Any] = {
        "id": reading.key or reading.what,  # made a unique slug once all are known
        "date": value,
        "when": (f"{reading.when_prep} " if reading.when_prep else "")
        + _when(article.text, date, when_end),
        "what": reading.what,
        "actors": actors,
        "places": places,
        "status": reading.status,
        "evidence": article.text[ev_start:ev_end],
    }
    if approximate:
        event["approximate"] = True
    return event


def _named_epithet(
    reading: _Reading,
    doc: Doc,
    epithets: Epithets,
    actors: Mapping[str, Entity],
    found: list[str],
) -> tuple[_Reading, list[str]]:
    """ "By 1985 the airline flew to 40 cities": a subject that is a bare definite
    description of an organization ("the airline", "the company") is told by the name
    of the one it refers back to (``epithets``), which joins the participants. Where
    that is not plain, the description stays, as the article wrote it."""
    assert reading.subject is not None
    subj = doc[reading.subject]
    # ``doc`` may be the sentence's own parse; the resolver reads the article's.
    at = epithets.doc.char_span(subj.idx, subj.idx + len(subj.text))
    if at is None or len(at) != 1 or at[0].text != subj.text:
        return reading, found
    ref = epithets.referent(at[0])
    entity = actors.get(ref) if ref is not None else None
    if ref is None or entity is None:
        return reading, found
    said = _capitalise(_render(_noun_phrase(subj, set())))
    if not said or not reading.what.startswith(said + " "):
        return reading, found

    def named(text: str) -> str:
        return entity.name + text[len(said) :] if text.startswith(said + " ") else text

    told = replace(reading, what=named(reading.what), key=named(reading.key))
    return told, [ref, *(r for r in found if r != ref)]


def _epithet_refs(
    words: list[Token],
    epithets: Epithets,
    mentions: SpanIndex[Mention],
    kinds: Mapping[str, Entity],
) -> list[str]:
    """The organizations the bare descriptions in ``words`` ("the company", "the
    airline") refer back to, where ``epithets`` finds one plainly and no other
    organization is named before it in its sentence ("... refused to bail out Lehman
    Brothers, forcing the company to file": the story's main firm is not meant)."""
    out: list[str] = []
    for tok in words:
        if tok.pos_ != "NOUN":
            continue
        # ``words`` may be of the sentence's own parse; the resolver reads the article's.
        at = epithets.doc.char_span(tok.idx, tok.idx + len(tok.text))
        if at is None or len(at) != 1 or at[0].text != tok.text:
            continue
        ref = epithets.referent(at[0])
        if ref is None or ref not in kinds or ref in out:
            continue
        lo = tok.sent.start_char
        if any(
            m.kind == "actor" and m.ref != ref and _kind(kinds, m.ref) == "organization"
            for m in mentions.within(lo, tok.idx)
        ):
            continue
        out.append(ref)
    return out


def _relative_spans(sent: Span, verb: int | None) -> list[tuple[int, int]]:
    """Character spans of the sentence's relative clauses, but the one that tells the
    event (that holds ``verb``)."""
    out = []
    for tok in sent:
        lo, hi = tok.left_edge, tok.right_edge
        if tok.dep_ == "relcl" and not (verb is not None and lo.i <= verb <= hi.i):
            out.append((lo.idx, hi.idx + len(hi.text)))
    return out


def _only_in(
    index: SpanIndex[Mention],
    ref: str,
    spans: list[tuple[int, int]],
    asides: list[tuple[int, int]],
) -> bool:
    """Every mention of ``ref`` within ``spans`` lies inside one of ``asides``."""
    if not asides:
        return False
    found = [m for a, b in spans for m in index.within(a, b) if m.ref == ref]
    return bool(found) and all(any(a <= m.start < b for a, b in asides) for m in found)


_POSSESSIVES = {"his": "person", "her": "person", "its": "organization", "their": ""}

# Happening nouns told as the clause of their owner ("Warhol's death" -> "Warhol dies"),
# by what follows the noun: "" nothing (or an adjunct, kept), else the preposition that
# opens its object, which the verb takes in its place ("Acme's purchase of Vexa" ->
# "Acme buys Vexa"). A noun whose following preposition is not listed stays a noun:
# "the army's defeat of the rebels" and "the army's defeat" differ in voice.
_NOUN_CLAUSES: dict[str, dict[str, str]] = {
    "death": {"": "dies"},
    "birth": {"": "is born"},
    "arrest": {"": "is arrested", "of": "arrests"},
    "resignation": {"": "resigns", "as": "resigns as", "from": "resigns from"},
    "retirement": {"": "retires", "as": "retires as", "from": "retires from"},
    "arrival": {"": "arrives", "in": "arrives in", "at": "arrives at"},
    "departure": {"": "departs", "from": "departs from"},
    "election": {"": "is elected", "as": "is elected", "to": "is elected to"},
    "re-election": {"": "is re-elected", "as": "is re-elected"},
    "appointment": {"": "is appointed", "as": "is appointed"},
    "murder": {"": "is murdered"},
    "assassination": {"": "is assassinated"},
    "execution": {"": "is executed"},
    "kidnapping": {"": "is kidnapped"},
    "abduction": {"": "is abducted"},
    "conviction": {"": "is convicted", "for": "is convicted of"},
    "acquittal": {"": "is acquitted"},
    "indictment": {"": "is indicted"},
    "extradition": {"": "is extradited", "to": "is extradited to"},
    "release": {"": "is released", "from": "is released from", "of": "releases"},
    "disappearance": {"": "disappears"},
    "collapse": {"": "collapses"},
    "debut": {"": "debuts"},
    "founding": {"": "is founded", "of": "founds"},
    "inauguration": {"": "is inaugurated"},
    "bankruptcy": {"": "goes bankrupt"},
    "bankruptcy filing": {"": "files for bankruptcy"},
    "merger": {"": "merges", "with": "merges with"},
    "acquisition": {"of": "acquires"},
    "purchase": {"of": "buys"},
    "sale": {"of": "sells"},
    "takeover": {"of": "takes over"},
    "invasion": {"of": "invades"},
    "launch": {"of": "launches"},
    "announcement": {"of": "announces"},
    "visit": {"to": "visits"},
    "marriage": {"to": "marries"},
    "victory": {"": "wins", "in": "wins", "over": "defeats"},
    "withdrawal": {"": "withdraws", "from": "withdraws from"},
    "return": {"": "returns", "to": "returns to"},
    "escape": {"": "escapes", "from": "escapes from"},
}
_NOUN_CLAUSE = re.compile(
    r"^(?P<owner>[^']+?)'s (?P<noun>bankruptcy filing|[\w-]+)(?: (?P<prep>\w+))?(?P<rest>.*)$"
)
_NAME_LINKS = frozenset({"of", "and", "for", "de", "the", "&"})


def _owned_happening_before(prep: Token, sent: Span) -> Token | None:
    """ "coincided with the anniversary of Andy Warhol's death in 1987", "fell after the
    firm's bankruptcy filing on June 1": the parse hangs the date on the verb, but a
    date right after an owned happening noun inside the verb's argument dates that
    happening. Only a noun with an owner ("Warhol's death") and a clause of its own
    (``_NOUN_CLAUSES``), the object of a preposition, not the verb's own object: "He
    announced his resignation on Monday" dates the announcing."""
    doc = sent.doc
    if prep.i <= sent.start:
        return None
    noun = doc[prep.i - 1]
    if prep.head.pos_ not in ("VERB", "AUX") and prep.head.i != noun.i:
        return None
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or not _in(noun, sent):
        return None
    if not any(c.dep_ == "poss" for c in noun.children):
        return None
    key = noun.lower_
    compound = [c for c in noun.children if c.dep_ == "compound" and c.i == noun.i - 1]
    if compound:
        key = f"{compound[0].lower_} {key}"
    if key not in _NOUN_CLAUSES and noun.lemma_.lower() not in _NOUN_CLAUSES:
        return None
    up = noun.head if prep.head.i != noun.i else noun
    while up.i != prep.head.i:
        if up.head.i == up.i or not _in(up.head, sent):
            return None
        up = up.head
    return noun


def _noun_clause(what: str) -> str | None:
    """The clause a noun event tells (GUIDE §6: a faithful, complete clause): its owner
    as the subject, the noun's verb in the noun's voice, the rest as written. Only an
    owner that is a name: "The company's death" names no one."""
    m = _NOUN_CLAUSE.match(what)
    if m is None:
        return None
    owner, noun = m["owner"], m["noun"].lower()
    forms = _NOUN_CLAUSES.get(noun)
    if forms is None:
        return None
    words = owner.split()
    if words[0].lower() == "the":
        words = words[1:]
    if not words or not all(w[0].isupper() or w.isdigit() or w in _NAME_LINKS for w in words):
        return None
    prep = m["prep"] or ""
    if prep.lower() in forms and prep:
        return f"{owner} {forms[prep.lower()]}{m['rest']}"
    if "" not in forms or prep.lower() in _OBJECT_PREPS:
        return None
    rest = f" {prep}{m['rest']}" if prep else m["rest"]
    return f"{owner} {forms['']}{rest}"


# Prepositions that open a happening noun's object or agent: with one not listed for
# the noun, the voice of its clause is not known ("the army's defeat of the rebels").
_OBJECT_PREPS = frozenset({"of", "by", "to", "with", "against"})


def _named_possessor(
    reading: _Reading, doc: Doc, index: SpanIndex[Mention], kinds: Mapping[str, Entity]
) -> tuple[_Reading, str | None] | None:
    """A noun event told with a possessive pronoun ("Its launch in 2003") is told by the
    actor the pronoun stands for ("Tessaro's launch"), or is no event: GUIDE §6 names
    the subject, and "Its launch" places nothing. Any other noun event is as it is."""
    first = reading.what.split(" ", 1)[0].lower()
    if first not in _POSSESSIVES:
        return reading, None
    span = doc.char_span(reading.start, reading.start + len(first), alignment_mode="expand")
    if span is None or span[0].lower_ != first or span[0].tag_ != "PRP$":
        return reading, None
    if not _POSSESSIVES[first]:
        return None
    kind = _POSSESSIVES[first]
    allowed = frozenset({"person"}) if kind == "person" else frozenset({"organization", "country"})
    ref = named_antecedent(span[0], doc, index, kinds, allowed)
    entity = kinds.get(ref) if ref is not None else None
    if entity is None or not _nearest_subject_is(span[0], doc, index, ref):
        return None
    name = entity.name.split()[-1] if entity.kind == "person" else entity.name
    what = f"{name}'s {reading.what.split(' ', 1)[1]}" if " " in reading.what else reading.what
    return replace(reading, what=what, key=what), ref


def _named_by(subject: Token, actors: Mapping[str, Entity], kinds: frozenset[str]) -> str | None:
    """The one actor of ``kinds`` whose name or surname a name subject is, where no
    mention was found on it (a sentence-initial "Mohamed brought ..."); None when no
    actor, or more than one, has that name."""
    if subject.pos_ != "PROPN" or subject.ent_type_ not in ("PERSON", "ORG", "GPE", ""):
        return None
    words = [t.text for t in subject.subtree if t.pos_ == "PROPN"]
    if not words:
        return None
    said = " ".join(words)
    hits = {
        e.id
        for e in actors.values()
        if e.kind in kinds
        and (said == e.name or said == e.name.split()[-1] or any(n.text == said for n in e.names))
    }
    return hits.pop() if len(hits) == 1 else None


def _nearest_subject_is(
    pronoun: Token, doc: Doc, index: SpanIndex[Mention], ref: str | None
) -> bool:
    """The subject nearest before ``pronoun`` names ``ref``: a nearer one that names
    no actor ("The service grew fast after its launch") may be what it stands for."""
    start = doc[pronoun.sent.start - 1].sent.start if pronoun.sent.start > 0 else 0
    for tok in reversed(doc[start : pronoun.i]):
        if tok.dep_ in _SUBJECTS:
            return any(m.ref == ref for t in tok.subtree for m in index.covering(t.idx))
    return False


def _own_parse(doc: Doc, text: str, start: int, end: int, cache: dict[int, Doc]) -> Doc:
    """``doc``, or a parse of the sentence ``text[start:end]`` on its own when the
    model ran it together with a line before or after it (a headline above the lead:
    "Apple launches 3G iPhone / Apple Computer today launched ...", where the lead's
    verb hangs on the headline's and loses its subject). The sentence keeps its
    offsets: the text before it is blanked to spaces, one token the parser skips."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return doc
    first, last = doc[span.start].sent, doc[span.end - 1].sent
    lo, hi = first.start_char, last.end_char
    if "\n" not in text[lo:start] and "\n" not in text[end:hi]:
        return doc
    # Only where the parse crosses the line: a head outside the sentence, or a word
    # outside it hung on one inside ("Apple Inc., Apple Corps resolve trademark
    # dispute / Apple Inc. announced ...": the headline becomes the lead's subject).
    # Only words across a line break: the space after a last sentence is no headline.
    outside = [
        t
        for t in [*doc[first.start : span.start], *doc[span.end : last.end]]
        if not t.is_space and "\n" in text[min(t.idx, end) : max(t.idx, start)]
    ]
    if all(span.start <= t.head.i < span.end for t in span) and not any(
        span.start <= t.head.i < span.end for t in outside
    ):
        return doc
    if start not in cache:
        cache[start] = _parse_alone(text, start, end)
    return cache[start]


def _parse_alone(text: str, start: int, end: int) -> Doc:
    """A parse of ``text[start:end]`` on its own that keeps its offsets: the text
    before it is blanked to spaces, one token the parser skips."""
    from briefkit.extractors.nlp import load_model

    nlp = load_model()
    own = nlp.make_doc(" " * start + text[start:end])
    # The blank is a sentence of its own, so no phrase of the sentence takes it in.
    for t in own:
        if not t.is_space:
            t.is_sent_start = True
            break
    return nlp(own)


def _restates(date_span: Span, dates: list[DateExpression], i: int, text: str) -> bool:
    """The date only restates or narrows the one before it: "on Sunday night (March 4)",
    "through March 11 this year". The happening is dated once, by the first."""
    if i == 0:
        return False
    prev = dates[i - 1]
    between = text[prev.end : dates[i].start]
    # "on Friday, a day after X released ...": an offset counting to another happening.
    if _OFFSET.match(dates[i].value) and _ANCHOR_LINK.match(text, dates[i].end):
        return False
    if between.strip() in ("(", ",") and prev.kind == "date":
        return True
    # Not a coordinated date ("in March and June"): each of those dates its own event.
    root = date_span.root
    head = root.head
    if head.i == root.i or root.dep_ == "conj" or re.search(r"\b(?:and|or)\b", between):
        return False
    return prev.start <= head.idx < prev.end


_PERIOD_PARTS = frozenset({"early", "late", "mid", "earlier", "later", "end"})

# "the day", "that day": they point back to a day told before and date no happening of
# their own; the happening they belong to is told (and dated) where that day is named.
# Nouns for a part of a period that "of" joins to the period: "the end of 2027".
_PART_NOUNS = frozenset({"end", "beginning", "start", "middle", "close", "half", "rest"})


def _period_part(date_span: Span, sent: Span) -> Token | None:
    """The noun of "the end of" right before ``date_span``, when the date is its "of"
    object and the phrase is nothing else ("the end of the talks in 2027" is not)."""
    if date_span.start < 2 + sent.start:
        return None
    doc = sent.doc
    of, noun = doc[date_span.start - 1], doc[date_span.start - 2]
    if of.lower_ != "of" or date_span.root.head.i != of.i or of.head.i != noun.i:
        return None
    if noun.lemma_.lower() not in _PART_NOUNS or noun.pos_ != "NOUN":
        return None
    if noun.left_edge.i < sent.start or any(
        t.pos_ not in ("DET", "ADJ") for t in doc[noun.left_edge.i : noun.i]
    ):
        return None
    return noun


_ANAPHORIC = re.compile(r"(?:the|that|this|the same)\s+day", re.IGNORECASE)

# "from November 20 to December 11", "between 1957 and 1958", "2009-2011": one span of
# time, not two dates. The words between the two ends, and the one before the first.
_RANGE_BETWEEN = re.compile(r"\s*(?:to|until|till|through|thru|and|-|–|—)\s*", re.IGNORECASE)
_RANGE_OPENERS = {"to": "from", "until": "from", "till": "from", "through": "from",
                  "thru": "from", "and": "between"}  # fmt: skip


def _join_ranges(dates: list[DateExpression], text: str) -> list[DateExpression]:
    """Dates with each range's two ends joined into one expression valued START/END.

    A range needs its opener ("from ... to", "between ... and"), or a dash between two
    dates; both ends must be dates of a value and in order. Otherwise they stay two.
    """
    out: list[DateExpression] = []
    i = 0
    while i < len(dates):
        first = dates[i]
        second = dates[i + 1] if i + 1 < len(dates) else None
        joined = _range_of(first, second, text) if second is not None else None
        if joined is not None:
            out.append(joined)
            i += 2
        else:
            out.append(first)
            i += 1
    return out


def _range_of(first: DateExpression, second: DateExpression, text: str) -> DateExpression | None:
    link = _RANGE_BETWEEN.fullmatch(text, first.end, second.start)
    if link is None or first.kind != "date" or second.kind != "date":
        return None
    word = link.group(0).strip().lower()
    opener = _RANGE_OPENERS.get(word)
    start = first.start
    if opener is not None:
        before = re.search(rf"\b{opener}\s+$", text[max(0, first.start - 12) : first.start], re.I)
        if before is None:
            return None
        start = first.start - len(before.group(0))
    a, b = _event_date(first), _event_date(second)
    if a is None or b is None:
        return None
    low, high = _first_day(a), _first_day(b)
    if low is None or high is None or high < low:
        return None
    return DateExpression(start, second.end, text[start : second.end], "date", f"{a}/{b}", True)


@dataclass(frozen=True)
class _Reading:
    what: str
    start: int  # the evidence, as character offsets
    end: int
    who: tuple[int, int] | None = None  # a subject shared with a governing clause
    status: str = "happened"
    subject: int | None = None  # the token that is the clause's subject, if a verb tells it
    verb: int | None = None  # the verb that tells it
    key: str = ""  # what the id is made from, when not ``what``: the happening without its frame
    when_prep: str = ""  # the preposition a coordinated date shares ("in" of "in March and June")


# What a clause's words say of whether its happening took place (GUIDE §6, status).
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
# Contracted modals as what writes them: "won't" -> "will not", "'d" -> "would".
_MODAL_FORMS = {"'ll": "will", "wo": "will", "'d": "would", "ca": "can", "sha": "shall"}
_POSSIBLE_AUX = frozenset({"would", "could", "might", "may", "should", "'d"})
_CLAIM_VERBS = frozenset({"claim", "allege", "purport", "rumor", "rumour"})
_CLAIM_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly"})
DENIAL_VERBS = frozenset({"deny", "dispute", "refute", "reject"})


def _according_to(verb: Token) -> bool:
    """'According to the Associated Press, the number rose': a clause told, from its
    opening, on another's word (GUIDE §6 status: reported). An appended source ("...,
    according to police") is the article's own telling with its source named."""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return any(
        c.dep_ == "prep"
        and c.lower_ == "according"
        and any(g.lower_ == "to" for g in c.children)
        and c.i < (subject.left_edge.i if subject is not None else verb.i)
        for c in verb.children
    )


def _status(verb: Token, told: Token, date: str | None, published: dt.date | None) -> str:
    """happened, planned, reported, denied or hypothetical, from the clause's own words:
    its auxiliaries, negation, a frame of expectation, a claim or denial that governs it,
    and its date against the article's."""
    own = [*verb.children, *told.children, *(_shared_aux(verb) if told is verb else [])]
    timed = _time_frame(verb)
    if timed is not None:
        own += [c for c in timed.children if c.dep_ in ("aux", "neg")]
    adjective = _frame_adjective(verb) if told is verb else None
    if adjective is not None:
        # "is not likely to open", "is unlikely to be asked": a possibility, not a denial.
        if adjective.lemma_.lower() == "unlikely" or any(
            c.dep_ == "neg" for c in adjective.head.children
        ):
            return "hypothetical"
        own += [c for c in adjective.head.children if c.dep_ == "aux"]
    if any(c.dep_ == "neg" for c in own):
        return "denied"
    frames = clause_frames(verb)
    lemmas = {t.lemma_.lower() for t in frames}
    lemmas |= {"hope" for t in frames if t.lower_ in _HOPE_FORMS}
    if lemmas & DENIAL_VERBS:
        return "denied"
    # A claim is someone's: "from claiming asylum" (no one's claim) frames nothing.
    claims = [t for t in frames if t.lemma_.lower() in _CLAIM_VERBS and not _subjectless_gerund(t)]
    if any(c.lower_ in _CLAIM_ADVERBS for c in own) or claims or _according_to(verb):
        return "reported"
    if _reduced_schedule(told):
        return "planned"
    first = _first_day(date) if date else None
    future = published is not None and first is not None and first > published
    aux = {c.lower_ for c in own if c.tag_ == "MD"}
    conditional = _conditional(verb, told, frames)
    if aux & _POSSIBLE_AUX or conditional:
        # "would" with no condition and a date to come is the future seen from the past
        # ("Voters would then choose ... early in 2016"): planned, not imagined.
        # So is "should" with a date to come ("should be completed in October"): what
        # is due, not what is imagined.
        # A period still running counts as to come ("would fall this year", "would step
        # down by the end of the year"): its end is after the report.
        last = _last_day(date) if date else None
        running = published is not None and last is not None and last > published
        if aux <= {"would", "'d", "should"} and not conditional and (future or running):
            return "planned"
        return "hypothetical"
    # "can be submitted starting next month": what may be done from a date to come.
    if (
        aux & _FUTURE_AUX
        or (told is not verb and verb.lemma_ in _FUTURE_FRAMES)
        or (future and "can" in aux)
    ):
        return "planned"
    # "is scheduled for public release in June", also as the second of two coordinated
    # verbs (``clause_frames`` leaves a conj's own participle out).
    if verb.tag_ == "VBN" and verb.lemma_.lower() in _SCHEDULED and _is_passive(verb):
        return "planned"
    if lemmas & _HOPE_FRAMES or _is_to_be_done(verb):
        return "planned"
    # "when he is sentenced in January": a passive told in the present, of a date to come
    present_passive = verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.tag_ in {"VBZ", "VBP"} for c in verb.children
    )
    if future and (verb.tag_ not in {"VBD", "VBN"} or adjective is not None or present_passive):
        return "planned"
    # "this year the city expects about 6 million visitors": an expectation told now of
    # a period still running is of what is to come (GUIDE §6 status: expected).
    last = _last_day(date) if date else None
    if (
        verb.lemma_.lower() in _EXPECTING
        and verb.tag_ in {"VBZ", "VBP"}
        and published is not None
        and last is not None
        and last >= published
    ):
        return "planned"
    return "happened"


_EXPECTING = frozenset({"expect", "anticipate", "forecast", "predict", "project"})


_SCHEDULED = frozenset({"schedule", "slate", "plan", "expect", "due"})
# Verbs of lasting, whose "through" is a bound ("runs through March 11").
_LASTING = frozenset({"run", "last", "continue", "remain", "stay", "extend"})
_UNTIL = frozenset({"until", "till", "through"})


# Verbs whose subject may be a time ("the fourth quarter could see Ford post a profit",
# "2009 saw the company cut 10,000 jobs"): the time only dates the clause below it,
# which is the happening; the frame lends it its modality and negation.
_TIME_FRAME_VERBS = frozenset({"see", "witness", "bring"})
_TIME_NOUNS = frozenset(
    {"year", "quarter", "month", "week", "day", "decade", "season", "weekend", "period",
     "half", "summer", "winter", "spring", "autumn", "century", "night", "morning"}
)  # fmt: skip


def _time_frame(verb: Token) -> Token | None:
    """The frame verb of a clause told with a time as the frame's subject ("the quarter
    could see it post a profit" for "post"), or None."""
    head = verb.head
    # The bare form; the tagger reads a homograph as a past ("saw the firm cut jobs").
    if verb.dep_ not in ("ccomp", "xcomp") or head.i == verb.i or verb.tag_ not in ("VB", "VBD"):
        return None
    if any(c.dep_ in ("aux", "auxpass", "mark") for c in verb.children):
        return None
    if head.lemma_.lower() not in _TIME_FRAME_VERBS:
        return None
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    subject = _frame_subject(head)
    if subject is None:
        return None
    timed = subject.ent_type_ in ("DATE", "TIME") or subject.lemma_.lower() in _TIME_NOUNS
    return head if timed else None


def _frame_subject(verb: Token) -> Token | None:
    """``verb``'s subject; with none, a noun modifier before it, which is how the parse
    may read a time subject ("next year will see": "year" an npadvmod)."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subject is not None:
        return subject
    return next((c for c in verb.children if c.dep_ == "npadvmod" and c.i < verb.i), None)


def _subjectless_gerund(verb: Token) -> bool:
    return verb.tag_ == "VBG" and not any(c.dep_ in _SUBJECTS for c in verb.children)


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


# Frames whose complement is a happening to come: "it is hoped the aircraft can be
# tested in 2010", "laws ... expected next month".
_HOPE_FRAMES = frozenset(
    {"hope", "expect", "plan", "intend", "schedule", "aim", "want", "anticipate"}
)
# The small model lemmatises "hoped" as "hop".
_HOPE_FORMS = frozenset({"hoped", "hoping", "hopes"})


def clause_frames(verb: Token) -> list[Token]:
    """The verbs that ``verb``'s clause is the complement of ("claims she was tasked",
    "denied that troops entered"), up through coordination; not a verb the clause only
    hangs from by a noun ("a system backed by X was rejected": the backing is no
    rejection), nor the verb itself unless it is a participle of expectation ("laws
    expected next month")."""
    out: list[Token] = []
    if (
        verb.tag_ == "VBN"
        and verb.lemma_.lower() in _HOPE_FRAMES
        and verb.dep_ not in ("ROOT", "conj")
    ):
        out.append(verb)
    node = verb
    for _ in range(4):
        if node.dep_ not in ("ccomp", "xcomp", "conj") or node.head.i == node.i:
            break
        # A bare verb the parse hung on the wrong verb is framed as its partner is.
        up = (_bare_conj_head(node) if node.dep_ == "conj" else None) or node.head
        if node.dep_ != "conj" and up.pos_ in ("VERB", "AUX"):
            out.append(up)
        node = up
    return out


_CONDITIONS = frozenset({"if", "unless"})


def _conditional(verb: Token, told: Token, frames: list[Token]) -> bool:
    """The clause is a condition ("if the broadcasts do not stop") or has one."""
    for t in (verb, told, *frames):
        for c in t.children:
            if c.dep_ == "mark" and c.lower_ in _CONDITIONS:
                return True
            if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in c.children
            ):
                return True
    return False


def _is_to_be_done(verb: Token) -> bool:
    """ "is to be held", "figures to be published today": an infinitive of what is due."""
    if not _is_to_inf(verb):
        return False
    return verb.dep_ in ("relcl", "acl") or (
        verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _FUTURE_FRAMES
    )


def _first_day(value: str) -> dt.date | None:
    """The first day of an event's date (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www or a range)."""
    start = value.split("/")[0]
    try:
        if "-W" in start:
            year, week = start.split("-W")
            return dt.date.fromisocalendar(int(year), int(week), 1)
        parts = [int(p) for p in start.split("-")]
        return dt.date(
            parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1
        )
    except ValueError:
        return None


def _last_day(value: str) -> dt.date | None:
    """The last day of an event's date (its end, for a range)."""
    end = value.split("/")[-1]
    first = _first_day(end)
    if first is None:
        return None
    if "-W" in end:
        return first + dt.timedelta(days=6)
    parts = end.split("-")
    if len(parts) == 3:
        return first
    if len(parts) == 2:
        following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(first.year, 12, 31)


# "A few hours before the plane landed": within a day of the happening it names. Only
# an anchor told in the same sentence counts: "Six minutes later" counts from a moment
# of an earlier sentence that has no date of its own (a goal in a match), and the
# whole it is part of is the event (GUIDE §6).
_NEAR_UNITS = re.compile(r"^PT(?:\d+(?:\.\d+)?|X)[HM]$")
_RELATIVE_LINK = re.compile(r"\s+(before|after)\b", re.IGNORECASE)


def _relative_event(
    text: str,
    dates: list[DateExpression],
    i: int,
    published: dt.date,
    sent: Span,
    date_span: Span,
) -> tuple[str, int, _Reading] | None:
    """An event dated only by hours before or after another: "Hours before the plane
    touched down, a rocket attack ...". It happened on the day the story is telling
    (see ``dates.story_day``), give or take the hours: the caller marks it approximate.

    Returns the date, where the ``when`` words end, and the reading of the event.
    """
    date = dates[i]
    if date.kind != "duration" or not _NEAR_UNITS.match(date.value):
        return None
    link = _RELATIVE_LINK.match(text, date.end)
    if link is None:
        return None
    doc = sent.doc
    # The anchoring clause runs to the first comma ("before the plane touched down,");
    # the event is the clause after it.
    comma = next((t for t in doc[date_span.end : sent.end] if t.text == ","), None)
    if comma is None or comma.i - date_span.end > 15:
        return None
    skip = set(range(date_span.start, comma.i + 1))
    subject = next(
        (t for t in doc[comma.i + 1 : sent.end] if t.dep_ in ("nsubj", "nsubjpass")), None
    )
    if subject is None:
        return None
    if _is_event_noun(subject):
        what, start, end = _noun_event(subject, skip, sent)
    else:
        verb = _governing_verb(subject.head, sent)
        if verb is None:
            return None
        what, start, end, _told, _key = _verb_event(verb, skip, sent)
    day = story_day(text, dates, i, published)
    return (
        day.isoformat(),
        doc[comma.i - 1].idx + len(doc[comma.i - 1].text),
        _Reading(what, min(start, date.start), end),
    )


# "One year later", "three years afterwards", "Two weeks earlier": an exact count of one
# unit, then the word that counts it from a moment told before ("later than planned"
# compares, and counts from nothing).
_OFFSET = re.compile(r"^P(\d+)([YMWD])$")
_OFFSET_WORD = re.compile(r"\s+(later|afterwards?|earlier)\b(?!\s+than\b)", re.IGNORECASE)


def _anchored_offset(
    article: Article,
    dates: list[DateExpression],
    i: int,
    anchored: Mapping[int, str],
    sentence: Sentence,
) -> tuple[str, DateExpression] | None:
    """The date of a happening told by an exact offset from the date before it (GUIDE
    §6 Anchors: "In 1984 he introduced X. One year later he was fired" -> 1985), and
    the expression with its "later" (the ``when`` words).

    The anchor is the nearest calendar date before it, in its sentence or the one
    before (or an offset already resolved so): a moment further back, or one a sentence
    without a date tells ("a goal ... Six minutes later"), is not plainly the anchor.
    The result is as precise as the unit, and never finer than the anchor: "three days
    later" after "in 2010" dates nothing (the guide makes such an event optional)."""
    date = dates[i]
    m = _OFFSET.match(date.value) if date.kind == "duration" else None
    word = _OFFSET_WORD.match(article.text, date.end, sentence.end) if m else None
    if m is None or word is None:
        return None
    count, unit = int(m.group(1)), m.group(2)
    sign = -1 if word.group(1).lower() == "earlier" else 1
    anchor: str | None = None
    for j in range(i - 1, -1, -1):
        prev = dates[j]
        at = article.sentence_at(prev.start)
        if at is None or at.index < sentence.index - 1:
            return None
        anchor = anchored.get(j) or _event_date(prev)
        if anchor is not None:
            break
    if anchor is None or "/" in anchor:
        return None
    value = _shift(anchor, count * sign, unit)
    if value is None:
        return None
    return value, replace(date, end=word.end(), text=article.text[date.start : word.end()])


_ANCHOR_LINK = re.compile(r"\s+(after|before)\s+", re.IGNORECASE)


def _link_end(text: str, date: DateExpression) -> int:
    """Where "a day after" ends: the offset's ``when`` words keep their link."""
    link = _ANCHOR_LINK.match(text, date.end)
    return link.end(1) if link is not None else date.end


def _linked_offset(
    text: str, date: DateExpression, sentence: Sentence
) -> tuple[re.Match[str], re.Match[str]] | None:
    """An exact offset linked to another happening ("a day after", "two years before"):
    the offset's match and the link's, or None."""
    m = _OFFSET.match(date.value) if date.kind == "duration" else None
    link = _ANCHOR_LINK.match(text, date.end, sentence.end) if m else None
    if m is None or link is None:
        return None
    return m, link


def _calendar_values(dates: list[DateExpression], i: int, start: int, end: int) -> list[str]:
    """The calendar values of the dates in ``start``-``end``, but the ``i``-th."""
    return [
        v
        for j, d in enumerate(dates)
        if j != i and start <= d.start < end and (v := _event_date(d)) is not None
    ]


# Nouns for what someone did, that point back to a told act ("GM's move", "the step").
_ACT_NOUNS = frozenset({"move", "step", "action", "news"})


def _retold_subject(doc: Doc, sentence: Sentence) -> bool:
    """The sentence's main subject is a definite event noun ("GM's move", "The
    decision", "This announcement"): a happening already told, not a new one."""
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if span is None:
        return False
    subject = next((c for c in span.root.children if c.dep_ in _SUBJECTS), None)
    return (
        subject is not None
        and subject.pos_ == "NOUN"
        and (_is_event_noun(subject) or subject.lemma_.lower() in _ACT_NOUNS)
        and any(
            (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) or c.dep_ == "poss"
            for c in subject.children
        )
    )


def _counted_back(
    article: Article,
    doc: Doc,
    dates: list[DateExpression],
    i: int,
    sentence: Sentence,
    published: dt.date | None,
    cache: dict[int, Doc],
    events: Sequence[Mapping[str, Any]] = (),
) -> tuple[str, Doc, Span, _Reading] | None:
    """The happening an exact offset counts from, dated by the sentence's own date
    (GUIDE §6 Anchors, read the other way): "GM announced plans Friday, a day after
    Chrysler released a list" -> Chrysler's release is on the Thursday; "available on
    June 17, two days before the phone launches" -> June 19.

    A clause that opens with its own subject after "after"/"before", or a noun that
    names a happening or its start ("ten days before the beginning of the Hajj") when
    no event is on that day yet (one may be that happening, told and dated before);
    only where the sentence has exactly one calendar date to count from (or none, and
    a subject that retells the latest dated happening: "GM's move comes a day after
    ...", "The crane accident comes just ten days before ..."). The
    clause is parsed on its own (the small model often hangs it on the main verb):
    returns the date, that parse, its span and the reading."""
    date = dates[i]
    linked = _linked_offset(article.text, date, sentence)
    if linked is None:
        return None
    m, link = linked
    told = [str(e["date"]) for e in events]  # the dates of the events told so far
    latest = told[-1] if told else None
    # The offset is set off from the dated clause ("announced Friday, a day after") or
    # fronted before it; one inside a clause ("would close the plant two years after
    # the merger completes") counts from what that clause tells, not from its date.
    lead = article.text[sentence.start : date.start].rstrip()
    fronted = not lead.strip(" \"'")
    others = (
        _calendar_values(dates, i, sentence.start, sentence.end)
        if fronted or lead.endswith((",", "-", "–", "—"))
        else []
    )
    if not others and latest is not None and _retold_subject(doc, sentence):
        # "GM announced plans Friday ... GM's move comes a day after Chrysler released
        # a list": the subject retells the latest happening the article dated.
        others = [latest]
    if len(others) != 1 or "/" in others[0]:
        return None
    count, unit = int(m.group(1)), m.group(2)
    value = _shift(others[0], -count if link.group(1).lower() == "after" else count, unit)
    if value is None:
        return None
    start = link.end()
    # Fronted ("Five years after its launch, the service ..."): the clause runs to the
    # comma; after the main clause, to the end of the sentence.
    comma = article.text.find(",", start, sentence.end)
    end = comma if fronted and comma > 0 else sentence.end
    while end > start and article.text[end - 1] in ".!?\"' ":
        end -= 1
    key = -start - 1  # the sentence parses are keyed by their start, >= 0
    if key not in cache:
        cache[key] = _parse_alone(article.prose, start, end)
    own = cache[key]
    clause = own.char_span(start, end, alignment_mode="expand")
    if clause is None:
        return None
    root = clause.root
    if _calendar_values(dates, i, start, end):
        return None
    if root.pos_ == "NOUN" and root.left_edge.i == clause.start and _anchor_noun(root):
        # "ten days before the beginning of the Hajj": a happening the article may
        # have told and dated itself; on a day an event already has, it is that one.
        if value in told:
            return None
        what, ev_start, ev_end = _noun_event(root, set(), clause)
        first = _first_day(value)
        later = published is not None and first is not None and first > published
        reading = _Reading(_capitalise(what), ev_start, ev_end,
                           status="planned" if later else "happened")  # fmt: skip
        return value, own, clause, reading
    subject = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
    # The clause opens with its subject ("after Chrysler released"), and the date it
    # counts from is outside it: "a year after the appointment of X, and re-entered
    # the market in 2010" is a noun, then another clause.
    if root.pos_ not in ("VERB", "AUX") or subject is None or subject.left_edge.i != clause.start:
        return None
    what, ev_start, ev_end, told, key_text = _verb_event(root, set(), clause)
    status = _status(root, told, value, published)
    reading = _Reading(what, ev_start, ev_end, status=status, verb=root.i,
                       subject=subject.i, key=key_text)  # fmt: skip
    return value, own, clause, reading


def _anchor_noun(noun: Token) -> bool:
    """A noun that names a happening ("the shooting") or its start or end ("the
    beginning of the Hajj")."""
    if _is_event_noun(noun):
        return True
    return noun.lemma_.lower() in _PART_NOUNS and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in noun.children
    )


# Endings that make a noun of an act from its verb: "appoint-ment", "resign-ation".
_ACT_ENDINGS = ("ment", "ement", "ion", "ation", "ition", "ure", "ing", "ance", "ence")


def _made_from(noun: str, verb: str) -> bool:
    """``noun`` names the act of ``verb``: "appointment" of "appoint", "announcement"
    of "announce", "launch" of "launch"; not "plant" of "plan", "signal" of "sign"."""
    if len(verb) < 4:
        return False
    if noun == verb:
        return True
    stem = verb[:-1] if verb.endswith("e") else verb
    # "-al" only in place of an "-e" ("approve" -> "approval"): "sign" makes no "signal".
    endings = (*_ACT_ENDINGS, "al") if verb.endswith("e") else _ACT_ENDINGS
    return any(noun == stem + ending for ending in endings)


# Words that may stand before the act noun of "a year after the appointment of X".
_ACT_NOUN_LEFT = frozenset({"det", "poss", "case", "amod", "compound"})


def _dated_by_act(
    article: Article,
    doc: Doc,
    dates: list[DateExpression],
    i: int,
    sentence: Sentence,
    mentions: SpanIndex[Mention],
    acts: list[tuple[int, str, dict[str, Any]]],
) -> tuple[str, DateExpression] | None:
    """The date of a happening told by an exact offset from an act the article dated
    before (GUIDE §6 Anchors: "was appointed ... in 2009 ... recovered a year after the
    appointment of Akerson" -> 2010), and the expression with its anchor (the ``when``
    words).

    The anchor is a noun after "after"/"before" made from the verb of an earlier event
    ("appointment" of "appointed", "launch" of "launched") that shares a participant
    with the noun phrase, or, where the phrase names no one, the one earlier event of
    that verb. The result is as precise as the unit and the anchor allow."""
    date = dates[i]
    linked = _linked_offset(article.text, date, sentence)
    if linked is None:
        return None
    m, link = linked
    after = doc.char_span(link.end(), sentence.end, alignment_mode="expand")
    if after is None or not len(after):
        return None
    noun = next((t for t in after if t.pos_ == "NOUN"), None)
    if noun is None or any(t.dep_ not in _ACT_NOUN_LEFT for t in after[: noun.i - after.start]):
        return None
    # The phrase: the noun, what stands before it, and its "of" phrase.
    edge = max(
        [noun, *(t.right_edge for t in noun.children if t.dep_ == "prep" and t.lower_ == "of")],
        key=lambda t: t.i,
    )
    lo, hi = after[0].idx, edge.idx + len(edge.text)
    named = {r.ref for r in mentions.within(lo, hi) if r.kind == "actor"}
    lemma = noun.lemma_.lower()
    found = [
        e
        for start, verb, e in acts
        if start < sentence.start
        and _made_from(lemma, verb)
        and (not named or named & set(e["actors"]))
    ]
    if not found or (not named and len(found) > 1):
        return None
    anchor = str(found[-1]["date"])
    if "/" in anchor:
        return None
    count, unit = int(m.group(1)), m.group(2)
    value = _shift(anchor, count if link.group(1).lower() == "after" else -count, unit)
    if value is None:
        return None
    return value, replace(date, end=hi, text=article.text[date.start : hi])


def _shift(anchor: str, n: int, unit: str) -> str | None:
    """``anchor`` moved by ``n`` units (Y, M, W, D), as precise as the unit allows and
    the anchor has; None when the unit is finer than the anchor."""
    day = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", anchor)
    month = re.fullmatch(r"(\d{4})-(\d\d)", anchor)
    week = re.fullmatch(r"(\d{4})-W(\d\d)", anchor)
    year = int(anchor[:4])
    if unit == "Y":
        return f"{year + n:04d}"
    if unit == "M" and (day or month):
        months = year * 12 + int(anchor[5:7]) - 1 + n
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    if unit in ("W", "D") and day:
        shifted = dt.date.fromisoformat(anchor) + dt.timedelta(days=n * (7 if unit == "W" else 1))
        return shifted.isoformat()
    if unit == "W" and week:
        monday = dt.date.fromisocalendar(year, int(week.group(2)), 1) + dt.timedelta(weeks=n)
        iso = monday.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    return None


# --- dates ------------------------------------------------------------------

_LEAD_PREP = re.compile(
    r"\b(?:on|in|since|during|by|until|at|from|before|after|through|throughout|to|around"
    r"|as\s+of)\s+$",
    re.IGNORECASE,
)


def _when(text: str, date: DateExpression, end: int | None = None) -> str:
    """The article's words that date the event, with their preposition: "on Wednesday"."""
    m = _LEAD_PREP.search(text, max(0, date.start - 12), date.start)
    return text[m.start() if m else date.start : end or date.end]


def _event_date(date: DateExpression) -> str | None:
    """The contract date for ``date``, or None when it dates no single happening.

    "had doubled since 2023" is dated by its one bound, the start (GUIDE §6): the
    timeline puts the change where it began."""
    # A clock time on a known day ("Monday at 3 p.m.", "at 16:15 UTC") dates its day.
    if date.kind not in ("date", "time") or not date.resolved:
        return None
    value = date.value
    m = _DAY_WITH_TIME.match(value)
    if m:
        value = m.group(1)
    m = _QUARTER.match(value)
    if m:
        # Results are told by quarter ("lost $2 billion in the third quarter"); the
        # contract's dates are calendar ones, so a quarter is its three months.
        # Fiscal quarters (FY2009-Q3) have no calendar months without the company's
        # year: they date nothing.
        first, last = _QUARTER_MONTHS[m.group(2)]
        value = f"{m.group(1)}-{first:02d}/{m.group(1)}-{last:02d}"
    if not DATE_PATTERN.match(value):
        return None
    return value


_QUARTER = re.compile(r"^(\d{4})-(Q[1-4]|H[12])$")
_QUARTER_MONTHS = {
    "Q1": (1, 3),
    "Q2": (4, 6),
    "Q3": (7, 9),
    "Q4": (10, 12),
    "H1": (1, 6),
    "H2": (7, 12),
}


# --- reading the parse -------------------------------------------------------


def _read_event(
    sent: Span, date_span: Span, doc: Doc, date: str | None = None, published: dt.date | None = None
) -> _Reading | None:
    """What happened on ``date_span``, where the article tells it, and who did it."""
    reading = _read_dated(sent, date_span, doc, date, published)
    if reading is None or _date_preposition(date_span) is not None:
        return reading
    shared = _shared_preposition(date_span) if _coordinated_dates(date_span) else None
    return replace(reading, when_prep=shared.text) if shared is not None else reading


# Nouns of a market's working day that a time word modifies: "in morning trading".
_SESSION_NOUNS = frozenset({"trading", "session", "dealings", "deals", "hours", "business"})


def _read_dated(
    sent: Span, date_span: Span, doc: Doc, date: str | None = None, published: dt.date | None = None
) -> _Reading | None:
    date_tokens = {t.i for t in date_span}
    prep = _date_preposition(date_span)
    session = date_span.root.head
    if (
        date_span.root.dep_ in ("compound", "amod", "nmod", "poss")
        and session.lemma_.lower() in _SESSION_NOUNS
        and session.dep_ == "pobj"
        and session.head.dep_ == "prep"
    ):
        # "rose 4 percent in morning trading": the session is the time, prepositions and
        # all; leaving its noun in the line ("rises 4 percent trading") garbles it.
        date_tokens |= {session.i, session.head.i} | {
            c.i for c in session.children if c.dep_ in ("det", "amod", "case")
        }
    # "in March and June": each date is its own event, and neither's line tells the
    # other ("makes an appearance and June"); the second takes the shared preposition.
    shared = _coordinated_dates(date_span)
    date_tokens |= shared
    if prep is None and shared:
        prep = _shared_preposition(date_span)
    if prep is not None:
        date_tokens.add(prep.i)
        if _is_baseline(prep):
            return None
    # "Next year's": the possessive marker goes with the date.
    after = date_span.doc[date_span.end] if date_span.end < len(date_span.doc) else None
    if after is not None and after.dep_ == "case" and after.head.i in date_tokens:
        date_tokens.add(after.i)
    if _measured_against(date_span.root, sent):
        return None
    if _modifies_thing(date_span, prep, date_tokens, sent):
        return None
    noun = _event_noun(date_span, prep, sent)
    if noun is None and prep is not None:
        noun = _owned_happening_before(prep, sent)
    if noun is not None:
        # "agreed to pay $80 million, a record for the regulator's actions in 2025": a
        # noun inside an apposition only describes an argument of another happening.
        above = _governing_verb(noun, sent)
        if above is not None and _through_apposition(noun, above):
            return None
        planned = _planned_by_verb(noun, sent, date_tokens, date, published)
        if planned is not None:
            return planned
        told = _subject_happening(noun, sent)
        if told is not None:
            reading = _verb_reading(told, sent, date_tokens, date, published)
            if reading is not None:
                return reading
        # A happening named for a day still to come ("the celebrations on November 16",
        # the article of November 5) is what is planned for it (GUIDE §6, status).
        first = _first_day(date) if date else None
        later = published is not None and first is not None and first > published
        return _Reading(
            *_noun_event(noun, date_tokens, sent), status="planned" if later else "happened"
        )
    start = prep.head if prep is not None else date_span.root
    verb = _governing_verb(start, sent)
    if verb is None:
        # No verb governs the date: a caption ("Pilgrims at the Grand Mosque in 2008")
        # or a line the parse broke; no clause tells a happening (GUIDE §6).
        return None
    # "will pay $48 a share, a premium of 31% to Friday's close on Friday": a date
    # inside an apposition dates what the apposition describes, not its verb.
    if _through_apposition(start, verb):
        return None
    verb = _saying_dated(verb, date_tokens)
    fronted = _fronted_event_noun(verb, date_span, sent)
    if fronted is not None:
        return _Reading(*_noun_event(fronted, date_tokens, sent))
    return _verb_reading(verb, sent, date_tokens, date, published)


def _subject_happening(noun: Token, sent: Span) -> Token | None:
    """ "A bomb attack on Monday killed 20 people": a dated happening that is the
    subject of a full verb is told by that verb's clause (what the attack did), not by
    the noun alone; a copula ("The attack on Monday was the deadliest") says nothing
    more of it than the noun does, nor does a linking verb ("Monday's announcement
    marked the third time"), which only rates it."""
    verb = noun.head
    if noun.dep_ == "dobj" and _joined_happening(verb, sent):
        # "Dock workers joined a strike on Tuesday": the parse hangs the date on the
        # object; the subject's taking part is what the date tells.
        return verb
    if noun.dep_ not in _SUBJECTS or verb.pos_ != "VERB" or not _in(verb, sent):
        return None
    return None if verb.lemma_.lower() in _LINKING_VERBS else verb


# Verbs by which a subject takes part in a happening its object names: "joined a
# strike", "staged a protest", "held talks". The date is the taking part's too. Not
# "call" ("called Tuesday's vote a betrayal" names the vote) nor "end".
_JOINING_VERBS = frozenset({"join", "stage", "hold", "attend", "lead", "launch", "mount"})


def _joined_happening(verb: Token, sent: Span) -> bool:
    return (
        verb.pos_ == "VERB"
        and _in(verb, sent)
        and verb.lemma_.lower() in _JOINING_VERBS
        and any(c.dep_ in _SUBJECTS for c in verb.children)
    )


_LINKING_VERBS = frozenset(
    {"mark", "represent", "become", "remain", "seem", "appear", "constitute", "prove",
     "look", "sound", "feel"}
)  # fmt: skip


def _saying_dated(verb: Token, date_tokens: set[int]) -> Token:
    """ "Sunak said on Monday he would call an election": a date between a verb of
    saying and its clause, with no "that" before it, dates the saying; the small model
    often hangs it on the reported verb ("call"), which would date the report's
    content and lose the statement. Otherwise ``verb``."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.i == verb.i or head.lemma_.lower() not in _SPEECH:
        return verb
    # "said 2009 saw the firm cut jobs": a date that is the clause's subject is its own.
    if (subject := _frame_subject(verb)) is not None and subject.i in date_tokens:
        return verb
    rest = [t.i for t in verb.subtree if t.i not in date_tokens]
    if not rest or not (head.i < min(date_tokens) and max(date_tokens) < min(rest)):
        return verb
    return head


def _is_date_word(tok: Token) -> bool:
    return tok.ent_type_ in ("DATE", "TIME") or tok.is_punct or tok.dep_ == "cc"


def _coordinated_dates(date_span: Span) -> set[int]:
    """The tokens of the dates ``date_span`` is coordinated with, and their "and":
    "March and June" for either. Only a pair of dates ("in March and the council" is
    none): every word of the coordination is a date's, a comma's or the "and"."""
    root = date_span.root
    first = root.head if root.dep_ == "conj" and root.head.ent_type_ == "DATE" else root
    if not any(c.dep_ == "conj" for c in first.children):
        return set()
    group = list(first.subtree)
    if not all(_is_date_word(w) for w in group):
        return set()
    return {w.i for w in group if not date_span.start <= w.i < date_span.end}


def _shared_preposition(date_span: Span) -> Token | None:
    """The preposition before the first of coordinated dates ("in" of "in March and
    June"), for the second."""
    root = date_span.root
    first = root.head if root.dep_ == "conj" else root
    head = first.head
    if first.dep_ == "pobj" and head.dep_ in ("prep", "agent") and head.i < first.i:
        return head
    return None


# What a copula can say of its subject besides an adverb.
_PREDICATES = frozenset(
    {"attr", "acomp", "oprd", "prep", "xcomp", "ccomp", "dobj", "agent", "npadvmod"}
)


def _is_state(verb: Token, told: Token, subject: Token, date_tokens: set[int]) -> bool:
    """ "This year's theme was water security": a copula whose date only tells which
    year's theme is meant states a fact; nothing happened on the date (GUIDE §6)."""
    if told is not verb or verb.lemma_ != "be" or any(c.dep_ == "auxpass" for c in verb.children):
        return False
    inside = {t.i for t in subject.subtree}
    if date_tokens & inside:
        return True
    # "The print was a screen print from 1987": a "from" date on a copula tells where the
    # thing comes from (a range "from ... to" is one date by now), not a happening.
    return any(
        c.dep_ == "prep" and c.lower_ == "from" and c.i in date_tokens for c in verb.children
    )


def _planned_by_verb(
    noun: Token, sent: Span, date_tokens: set[int], date: str | None, published: dt.date | None
) -> _Reading | None:
    """ "Next year's competition is scheduled to take place in Mexico City": the dated
    happening is the subject of a clause that says it is to come; the clause tells it
    (and that it is planned) better than the bare noun. A past clause about a dated
    noun ("the 1979 crisis soured relations") is not read so: its verb is another
    happening, later than the date."""
    verb = noun.head
    if noun.dep_ not in _SUBJECTS or verb.pos_ not in ("VERB", "AUX") or not _in(verb, sent):
        return None
    reading = _verb_reading(verb, sent, date_tokens, date, published)
    return reading if reading and reading.status in ("planned", "hypothetical") else None


def _verb_reading(
    verb: Token, sent: Span, date_tokens: set[int], date: str | None, published: dt.date | None
) -> _Reading | None:
    # A date on the infinitive ("expected to visit ... on Friday") still dates what the
    # frame says of it: the reading starts at the frame.
    # Any other frame stays too: "failed to pass the Senate" is no passing, "agreed to
    # cut", "is seeking to cut" are not cuts.
    # A participle that carries nothing but the date ("can be submitted starting next
    # month") dates the verb it hangs on.
    # So does one fronted before its clause ("Starting on October 1, regulators will
    # lower the duty"): the clause after it is what begins then.
    if (
        verb.dep_ in ("xcomp", "advcl", "prep")
        and verb.tag_ == "VBG"
        and verb.head.pos_ in ("VERB", "AUX")
        and _dates_only(verb, date_tokens)
        # "start delivering in 2011" needs its complement
        and (_is_passive(verb.head) or verb.i < verb.head.i or verb.dep_ != "xcomp")
    ):
        verb = verb.head
    # "prevented the union from striking until July": the preventing is what lasts
    # until then, told with its object; the striking is the object's and never happened.
    if _object_controlled(verb) and _in(verb.head.head, sent):
        verb = verb.head.head
    # An object's predicate tells of the verb it completes: "kept the harbour closed
    # until May" is a keeping, not the authority closing.
    if verb.dep_ == "oprd" and verb.head.pos_ in ("VERB", "AUX") and _in(verb.head, sent):
        verb = verb.head
    # A gerund complement too: "will start delivering in 2011" is not "delivers".
    # And an infinitive said of the object ("had pushed the board to explore a sale
    # since June", which the parse may call an adverbial clause): the pushing is the
    # happening, and the exploring would be the board's, not the subject's.
    for _ in range(3):
        if (
            (verb.dep_ == "xcomp" or _object_infinitive(verb))
            and (_is_to_inf(verb) or verb.tag_ == "VBG")
            and verb.head.pos_ in ("VERB", "AUX")
        ):
            verb = verb.head
    # "the fourth quarter of this year could see it post a profit": the time subject
    # dates the clause the frame sees, and that clause is the happening.
    if (subject := _frame_subject(verb)) is not None and subject.i in date_tokens:
        seen = next(
            (c for c in verb.children if (f := _time_frame(c)) is not None and f.i == verb.i), None
        )
        if seen is not None:
            verb = seen
    if _unasserted(verb) or _contact_clause_date(verb, date_tokens):
        return None
    # "the basis for a version of the 777, announced last November": a trailing
    # participle right after another noun than the subject may be said of that noun;
    # a fronted one ("Founded in 1976, the firm ...") is plainly the subject's.
    if _participle_adjunct(verb) and verb.i > verb.head.i and verb.doc[verb.i - 1].is_punct:
        prev = verb.doc[verb.i - 1]
        while prev.i > sent.start and prev.is_punct:
            prev = verb.doc[prev.i - 1]
        said_of = _subject(verb, sent, date_tokens)
        if prev.pos_ in ("NOUN", "PROPN", "NUM") and (
            said_of is None or not _in_own_phrase(prev, said_of)
        ):
            return None
    # "which the senators demanded reach parity by next year": the parse may hang the
    # demanded happening's date on the demand, which was not made then either.
    if date_tokens and any(
        c.dep_ in ("ccomp", "xcomp") and c.i < min(date_tokens) and _unasserted(c)
        for c in verb.children
    ):
        return None
    what, start_char, end_char, told, key = _verb_event(verb, date_tokens, sent)
    # A copula whose one complement was the date ("The last time ... was between
    # September and October", "is anticipated to be around 2020"): "The last time is"
    # says nothing.
    if told.lemma_ == "be" and what.split()[-1].lower() in ("is", "are", "not"):
        return None
    # "The festival was off to a bright start on Saturday": a copula with nothing but an
    # adverb ("is off", "was back") says nothing faithful; what it was is below the adverb.
    if (
        told.lemma_ == "be"
        and not any(c.dep_ == "auxpass" for c in told.children)
        and not any(c.dep_ in _PREDICATES and c.i not in date_tokens for c in told.children)
        and any(c.dep_ in ("advmod", "prt") and c.i > told.i for c in told.children)
    ):
        return None
    if what.endswith(" to be"):
        # "is anticipated to be around 2020": the date is the predicate, and stays.
        told_date = _render(t for t in sent if t.i in date_tokens)
        if not told_date:
            return None
        what = _capitalise(_limit(f"{what} {told_date}"))
        key = what
    subject = _subject(verb, sent, date_tokens)
    if subject is None and not _lost_subject(verb):
        # A verb whose subject the parse lost ("today were Citigroup", "arrives in
        # Tokyo") or that has none ("an attempt to make X profitable by 2008"): a
        # summary with no subject is no clause a reader can place. One whose noun
        # names whose intention it is ("Sunak's effort to clear the backlog by year
        # end") is told as that intention.
        return _intention(verb, sent, date_tokens, date, published)
    # "Sunday was chosen as its date": the date itself undergoes the verb; nothing
    # happened on it that the clause tells.
    if subject is not None and subject.i in date_tokens and _is_passive(verb):
        return None
    # "2007 was the year of X, then Y in 2010": a line whose subject is another date
    # tells that date's happening, not this one's.
    if (
        subject is not None
        and subject.i not in date_tokens
        and all(t.ent_type_ == "DATE" for t in subject.subtree)
    ):
        return None
    if subject is not None and _is_state(verb, told, subject, date_tokens):
        return None
    if subject is not None and _disagrees(subject, verb):
        return None
    who = None
    if subject is not None and not _owns(verb, subject):
        # The subject is borrowed from a governing clause: the evidence is this clause
        # alone, with the word that subordinates it ("since taking office in July").
        start_char, end_char = _clause_span(verb, date_tokens, sent)
        who = _phrase_span(subject)
    status = _status(verb, told, date, published)
    # "are not due until October": the deliveries are due then; the "not" only says
    # not before (the line keeps "not ... until October").
    if status == "denied" and _not_until(verb, told, date_tokens):
        first = _first_day(date) if date else None
        later = published is not None and first is not None and first > published
        status = "planned" if later else "happened"
    # "held all markets closed until Friday", Friday to come: a state that lasts into
    # the future is what is planned for it, not a thing that happened (GUIDE §6).
    if status == "happened" and any(sent.doc[i].lower_ in _UNTIL for i in date_tokens):
        first = _first_day(date) if date else None
        if published is not None and first is not None and first > published:
            status = "planned"
    subj_i = subject.i if subject is not None else None
    return _Reading(what, start_char, end_char, who, status, subj_i, verb.i, key)


def _not_until(verb: Token, told: Token, date_tokens: set[int]) -> bool:
    """The clause is negated and dated by "until" ("will not open until 2026"): it says
    when the happening is to be, not that it is not."""
    own = (*verb.children, *told.children)
    return any(c.dep_ == "neg" for c in own) and any(
        c.i in date_tokens and c.dep_ == "prep" and c.lower_ in ("until", "till") for c in own
    )


# Nouns of an intention whose infinitive is what someone means to do ("Sunak's effort to
# clear the backlog", "the company's plan to cut jobs").
_INTENTION_NOUNS = frozenset(
    {"effort", "plan", "bid", "attempt", "pledge", "promise", "push", "drive", "goal", "aim",
     "intention", "commitment", "decision", "proposal", "move", "target"}
)  # fmt: skip


def _intention(
    verb: Token, sent: Span, date_tokens: set[int], date: str | None, published: dt.date | None
) -> _Reading | None:
    """ "Prime Minister Rishi Sunak's effort to clear the backlog by year end": an active
    infinitive on a noun of intention whose possessor is a name, dated to come (or in a
    period still running). The line is that intention, told with its owner's name
    ("Sunak's effort to clear ..."), and planned; any other date leaves no line (whether
    a past attempt succeeded, the clause does not say)."""
    noun = verb.head
    if verb.dep_ != "acl" or not _is_to_inf(verb) or _is_passive(verb) or noun.pos_ != "NOUN":
        return None
    if noun.lemma_.lower() not in _INTENTION_NOUNS or not _in(noun, sent):
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    last = _last_day(date) if date else None
    if owner is None or published is None or last is None or last <= published:
        return None
    doc = sent.doc
    name = [t for t in owner.subtree if t.dep_ != "case" and t.lower_.rstrip(".") not in _TITLES]
    between = [t for t in doc[owner.right_edge.i + 1 : noun.i] if t.dep_ != "case"]
    words = [_render(_surname(name)) + "'s", _render([*between, noun]), f"to {verb.lemma_.lower()}"]
    used = [owner.left_edge, noun, verb, *(doc[i] for i in date_tokens if _in(doc[i], sent))]
    for comp in _complements(verb, date_tokens):
        used.extend(comp)
        words.append(_render(comp))
    what = _capitalise(_limit(" ".join(w for w in words if w)))
    start = min(t.idx for t in used)
    end = max(t.idx + len(t.text) for t in used)
    return _Reading(what, start, end, status="planned", verb=verb.i)


def _unasserted(verb: Token) -> bool:
    """The dated verb's clause does not assert that its happening took place, and the
    line would: a participle of a state that describes a noun ("aware of problems
    resulting from X a year ago": the date is the awareness's), an infinitive whose
    frame is an adjective of attitude or inability ("was willing to skip class on
    Thursday": no skipping is told; "set to take place", "due to open" are schedules),
    and a mandative subjunctive ("insisted that the union agree to cuts by next year":
    a demand, not an agreement)."""
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.lemma_.lower() in _STATE_PARTICIPLES:
        return True
    head = verb.head
    if (
        _is_to_inf(verb)
        and verb.dep_ in ("xcomp", "advcl")
        and head.pos_ == "ADJ"
        and head.lemma_.lower() in _ATTITUDE_ADJECTIVES
    ):
        return True
    if verb.dep_ not in ("ccomp", "xcomp") or _is_to_inf(verb) or verb.tag_ not in ("VB", "VBP"):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    # "saw investors pull out": a verb of perception tells the happening; "insisted
    # that the union agree", "demanded the union agree" ask for it.
    asked = head.lemma_.lower() in _MANDATIVE_VERBS
    if not asked and not any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
        return False
    # The bare form shows it ("that the union agree"; the tagger may read it as a plural
    # present), and so does a present after a past demand ("the cuts, which they insisted
    # reach parity by next year"): a told claim would be in the past ("insisted they were").
    if verb.tag_ == "VB" or (subject is not None and _third_singular(subject)):
        return True
    return asked and head.tag_ == "VBD"


def _contact_clause_date(verb: Token, date_tokens: set[int]) -> bool:
    """ "brought the clock he made to school on September 14": a date closing a relative
    clause with no relative pronoun, whose noun is its missing object, may as well date
    the verb the noun is the object of; the parse's choice ("He makes to school") is
    a guess, and the line is dropped rather than told of the wrong verb."""
    if verb.dep_ != "relcl" or not date_tokens or verb.head.dep_ not in ("dobj", "pobj"):
        return False
    if any(c.tag_ in ("WDT", "WP", "WP$", "WRB") or c.dep_ == "dobj" for c in verb.children):
        return False
    # Its own subject before it ("he made"): not an infinitive ("an event to be held").
    if not any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children):
        return False
    if any(t.tag_ in ("WDT", "WP", "WP$") for t in verb.subtree):
        return False
    last = max(t.i for t in verb.subtree if not t.is_punct)
    return max(date_tokens) >= last


def _third_singular(subject: Token) -> bool:
    if subject.lower_ in ("i", "you", "we", "they") or subject.tag_ in ("NNS", "NNPS"):
        return False
    if any(c.dep_ == "conj" for c in subject.children):
        return False
    return subject.tag_ in ("NN", "NNP") or subject.lower_ in ("he", "she", "it")


# Participles that describe what a noun is or comes from, not a happening.
_STATE_PARTICIPLES = frozenset(
    {"result", "stem", "relate", "involve", "include", "concern", "contain", "remain",
     "date", "range", "belong", "surround"}
)  # fmt: skip
# Adjectives of attitude or inability whose infinitive is not told to happen ("willing to
# skip", "unable to attend"); not those of schedule or likelihood ("due to open", "set
# to", "likely to"), nor "able to" (a possibility the line keeps as a plan).
_ATTITUDE_ADJECTIVES = frozenset(
    {"willing", "unwilling", "eager", "keen", "reluctant", "happy", "glad", "prepared",
     "determined", "anxious", "afraid", "hesitant", "unable", "desperate", "loath"}
)  # fmt: skip
_MANDATIVE_VERBS = frozenset(
    {"insist", "demand", "require", "ask", "urge", "recommend", "propose", "suggest",
     "request", "order", "mandate"}
)  # fmt: skip


def _disagrees(subject: Token, verb: Token) -> bool:
    """A common-noun subject whose number the verb's own finite form contradicts ("The
    differing strategies is expected to enter service"): the parse took the subject
    from another clause or phrase, and the line would say something the article does
    not. Not a noun that counts a part of a set ("a third of the workers are"), nor a
    coordination, nor a relative pronoun (its noun is checked where it is resolved)."""
    if subject.tag_ not in ("NN", "NNS"):
        return False
    if any(c.dep_ == "conj" or (c.dep_ == "prep" and c.lower_ == "of") for c in subject.children):
        return False
    shown = _shown_number(verb)
    return shown is not None and shown != (subject.tag_ == "NNS")


# Words of change that a "from" date is the starting point of: "a decrease from the
# year before" compares with that year; nothing happened then.
_CHANGE_WORDS = frozenset(
    {"increase", "decrease", "rise", "fall", "drop", "decline", "gain", "jump", "climb",
     "growth", "change", "up", "down", "loss", "improvement", "improve", "boost", "grow",
     "surge", "soar", "plunge", "slide", "slip", "dip", "tumble", "shrink", "cut", "raise",
     "reduce", "reduction", "lower"}
)  # fmt: skip
_ORDINAL_FIRSTS = frozenset({"first", "last", "only"})


def _is_baseline(prep: Token) -> bool:
    """The date is what something is measured against, not when it happened:
    "compared to 2008", "more than in 2008", "a decrease from the year before",
    "its worst fall since 1987" (the record since then, not a fall in 1987)."""
    word, head = prep.lower_, prep.head
    if word in ("than", "versus", "vs"):
        return True
    if word in ("to", "with") and head.lemma_.lower() in ("compare", "compared"):
        return True
    if word == "from" and head.lemma_.lower() in _CHANGE_WORDS:
        return True
    if word == "since":
        # "has not closed above 8,000 since February", "lows not reached since
        # February": a record the date is the last time of; nothing happened then.
        # A negated state stays one ("has not been in recession since 2001").
        if (
            head.pos_ in ("VERB", "AUX")
            and head.lemma_ != "be"
            and any(c.dep_ == "neg" for c in head.children)
        ):
            return True
        nouns = [head] if head.pos_ in ("NOUN", "PROPN") else []
        nouns += [c for c in head.children if c.dep_ in ("dobj", "attr", "nsubj", "nsubjpass")]
        return any(
            c.dep_ == "amod" and (c.tag_ == "JJS" or c.lower_ in _ORDINAL_FIRSTS)
            for n in nouns
            for c in n.children
        )
    return False


_AS_OF = re.compile(r"\bas\s+of\s+$", re.IGNORECASE)


_REPORTING = _SPEECH | {"write"}


def _said_by_source(verb: Token) -> bool:
    """``verb``'s clause is the content of a verb of saying or writing ("has said that
    IE6 has", "wrote that the site was")."""
    return any(f.lemma_.lower() in _REPORTING for f in clause_frames(verb))


def _as_of(text: str, date: DateExpression) -> bool:
    """The date is a state's "as of" ("as of March 4, 2011, IE6 has 277 flaws")."""
    return bool(_AS_OF.search(text, max(0, date.start - 8), date.start))


def _measured_against(root: Token, sent: Span) -> bool:
    """The date sits deeper in a phrase of comparison or measure than its own
    preposition ("compared to the same month a year ago", "a 2.99 percent decrease
    from the close of trading Wednesday", "the largest since June"): no happening is
    dated. A state "as of" a date is dated by it (NOTES-F 6: "as of March 4, 2011, IE6
    has 277 vulnerabilities" is an event an analyst's timeline shows).
    The phrases are those of ``_is_baseline``, found on the way up to the clause's verb."""
    node = root
    for _ in range(6):
        if node.head.i == node.i or not _in(node.head, sent):
            return False
        node = node.head
        word = node.lower_
        if node.lemma_.lower() == "compare" and node.dep_ in ("prep", "advcl"):
            return True
        if node.dep_ == "prep" and _is_baseline(node):
            return True
        if node.dep_ == "prep" and word == "since" and node.head.tag_ == "JJS":
            return True
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("amod", "compound"):
            return False
    return False


_PERSON_PRONOUNS = frozenset({"he", "she"})
_THING_PRONOUNS = frozenset({"it"})
_RELATIVES = frozenset({"which", "who", "that"})
# A subject pronoun and the other cases of the same one: "she ... Her attorney". Not
# "its": "It has to be ..." in a quote is no antecedent of the "its" after it.
_PRONOUN_CASES = {"his": "he", "him": "he", "her": "she"}
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _resolve_subject(
    reading: _Reading,
    doc: Doc,
    index: SpanIndex[Mention],
    actors: Mapping[str, Entity],
    found: list[str],
) -> tuple[_Reading, list[str]]:
    """A pronoun subject told by the actor it stands for: "He was released" -> "Montalvo
    is released", with Montalvo among the participants. Only where one reading is
    plain (the last person subject before "he"; the noun a "which" clause hangs on);
    otherwise the pronoun stays and no one is added: no participant beats a wrong one."""
    assert reading.subject is not None
    subj = doc[reading.subject]
    word = subj.lower_
    ref: str | None = None
    whose = next((c for c in subj.children if c.dep_ == "poss" and c.lower_ == "whose"), None)
    if whose is not None and subj.head.dep_ == "relcl":
        # "the Ford Explorer, whose sales had a 29% decline in 2005": the sales are the
        # Explorer's, the noun the clause hangs on.
        antecedent = subj.head.head
        inside = {t.i for t in subj.head.subtree}
        near = _name_before(whose)
        if (
            near is not None
            and near.ent_type_ == "ORG"
            and antecedent.pos_ == "NOUN"
            and antecedent.lower_ not in ROLE_NOUNS
            and antecedent.left_edge.i <= near.i <= antecedent.right_edge.i
        ):
            # "the strategies of Boeing and Airbus, whose A380 first flew": the parse
            # hangs the clause on "strategies", a thing; the company set off right
            # before is whose the A380 is (not so for a person: "the wife of X, whose")
            antecedent = near
        elif (
            near is not None
            and near.dep_ == "conj"
            and near.head.i == antecedent.i
            and subj.tag_ in ("NN", "NNP")
        ):
            # "Boeing and Embraer, whose E190 first flew": one thing is one company's,
            # the one named right before the comma, not the pair the parse joins.
            antecedent = near
        if antecedent.pos_ not in ("NOUN", "PROPN") or not _next_to(antecedent, whose):
            return reading, found
        phrase = _render(_noun_phrase(antecedent, inside))  # "Robert Penfold's grandfather"
        if not phrase or not reading.what.lower().startswith("whose "):
            return reading, found
        lo, hi = antecedent.left_edge.idx, antecedent.idx + len(antecedent)
        named = [r for r in _refs(index, "actor", lo, hi) if r not in found]
        owned = f"{phrase}'s{reading.what[len('whose') :]}"
        return replace(reading, what=_capitalise(owned), key=_capitalise(owned)), [
            *named,
            *found,
        ]
    if word in _RELATIVES and subj.head.dep_ == "relcl":
        antecedent = subj.head.head
        inside = {t.i for t in subj.head.subtree}
        near = _name_before(subj) or _named_appositive(subj, antecedent, index)
        if (
            near is not None
            and near.i != antecedent.i
            and not _next_to(antecedent, subj)
            and _fits_relative(subj.head, near)
        ):
            # "members - 62,000 at GM, which is seeking to cut jobs": the parse hangs
            # the clause on "members"; the name set off right before "which" is its noun.
            antecedent = near
        lo = antecedent.left_edge.i
        before = [t.i for t in antecedent.subtree if t.i not in inside and t.i < subj.i]
        hi = max([antecedent.i, *before])
        named = _refs(index, "actor", doc[lo].idx, doc[hi].idx + len(doc[hi]))
        found = [*found, *(r for r in named if r not in found)]
        # "The accident, which occurred yesterday" tells of the accident: the noun the
        # clause hangs on is its subject ("Which occurs" says nothing of who).
        if antecedent.pos_ not in ("NOUN", "PROPN") or antecedent.lower_ in _RELATIVES:
            return reading, found
        if not _next_to(antecedent, subj):
            return reading, found  # the parse may hang the clause on a farther noun
        if not _fits_relative(subj.head, antecedent):
            return reading, found  # the pronoun stays, and the bare "which" is dropped
        nearer = _nearer_noun(antecedent, subj)
        if nearer is not None and _fits_relative(subj.head, nearer):
            # "the maker of the phone, which was shown on Wednesday": the clause may be
            # said of either noun, and the parse's choice is no better than a guess.
            return reading, found
        if _one_of(antecedent) or antecedent.lower_ == "one":
            # "X is one of the indexes that have done well today": the doing is X's,
            # not "the indexes"'; the clause's verb agrees with the wrong noun. The bare
            # "that" stays, and the line is dropped: no garbled line.
            return reading, found
        phrase = _render(_surname(_noun_phrase(antecedent, inside)))
        if not phrase:
            return reading, found

        def told(text: str) -> str:
            return (
                _capitalise(phrase + text[len(word) :])
                if text.lower().startswith(word + " ")
                else text
            )

        return replace(reading, what=told(reading.what), key=told(reading.key)), found
    if word in _PERSON_PRONOUNS:
        ref = named_antecedent(subj, doc, index, actors, frozenset({"person"}))
    elif word in _THING_PRONOUNS and not _expletive(subj):
        ref = named_antecedent(subj, doc, index, actors, frozenset({"organization", "country"}))
    if ref is None or ref not in actors:
        return reading, found
    entity = actors[ref]
    name = entity.name
    if entity.kind == "person":
        surname = name.split()[-1]
        # "Henry Ellison", not "Ellison", where the story has another Ellison
        shared = any(
            a.id != ref and a.kind == "person" and a.name.split()[-1] == surname
            for a in actors.values()
        )
        name = name if shared else surname

    def named(text: str) -> str:
        return name + text[len(word) :] if text.lower().startswith(word + " ") else text

    told = replace(reading, what=named(reading.what), key=named(reading.key))
    return told, [ref, *(r for r in found if r != ref)]


def _one_of(noun: Token) -> bool:
    """``noun`` is the set a "one of" picks from ("one of the indexes"), or has "one"
    before it as its number (a dropped "of": "one the indices")."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "one":
        return True
    return any(c.lower_ == "one" and c.i < noun.i and c.dep_ == "nummod" for c in noun.children)


_HAPPENING_VERBS = frozenset({"occur", "happen"})
_SINGULAR_FORMS = frozenset({"VBZ"})
_PLURAL_FORMS = frozenset({"VBP"})


def _fits_relative(verb: Token, antecedent: Token) -> bool:
    """The noun a relative clause hangs on is its subject only if it could be: a verb
    that shows number agrees with it ("strategies, which flies" is the parse's wrong
    noun), and a verb of happening ("which took place", "which occurred") is said of a
    happening, not of a company or a figure."""
    forms = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    finite = next((t for t in forms if t.tag_ in ("VBZ", "VBP", "VBD")), None)
    plural = _is_plural(antecedent)
    if finite is not None:
        if finite.tag_ in _SINGULAR_FORMS and plural:
            return False
        if finite.tag_ in _PLURAL_FORMS and not plural:
            return False
        if finite.lemma_ == "be" and finite.tag_ == "VBD" and (finite.lower_ == "were") != plural:
            return False
    lemma = verb.lemma_.lower()
    happening = lemma in _HAPPENING_VERBS or (
        lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    )
    return not happening or _is_event_noun(antecedent)


# Subjects that are pronouns: personal, demonstrative and relative, and a possessive
# relative or personal pronoun that opens the subject ("whose sales", "his company").
_PRONOUN_TAGS = frozenset({"PRP", "PRP$", "WP", "WP$", "WDT", "DT"})


def _expletive(subject: Token) -> bool:
    """``subject`` is the "it" of "it was announced that ...", "it is expected that ...":
    a placeholder for the "that" clause after the verb, which stands for no one."""
    verb = subject.head
    if subject.lower_ != "it" or subject.dep_ not in _SUBJECTS or verb.i < subject.i:
        return False
    # Only a passive: "it is clear that" is a state, which dates nothing.
    return _is_passive(verb) and any(
        c.dep_ == "ccomp" and c.i > verb.i and _content_clause(c) for c in verb.children
    )


def _bare_pronoun(subject: Token, what: str) -> bool:
    """``what`` still opens with the pronoun that is (or opens) its subject. Not "he" or
    "she": their antecedent is most often a person told by a common noun ("The governor
    of X opened a bridge. She is expected to visit"), which no actor names; the line
    still says who, where "they", "it" or "which" would say nothing."""
    first = subject.doc[subject.left_edge.i] if subject.left_edge.i < subject.i else subject
    for tok in dict.fromkeys((subject, first)):
        # "It was announced that ...": the "it" stands for the clause, which the line has.
        if tok.lower_ in _PERSON_PRONOUNS or _expletive(tok):
            continue
        if tok.tag_ not in _PRONOUN_TAGS or (tok.tag_ == "DT" and tok is not subject):
            continue
        if tok.pos_ not in ("PRON", "DET"):
            continue
        if what.split(" ", 1)[0].lower() == tok.lower_:
            return True
    return False


def _nearer_noun(antecedent: Token, relative: Token) -> Token | None:
    """The noun of a phrase inside ``antecedent``'s ("the maker of the phone") that the
    relative pronoun follows more closely than it follows ``antecedent``."""
    prev = relative.doc[relative.i - 1]
    while prev.i > antecedent.i and (prev.is_punct or prev.text == "("):
        prev = prev.doc[prev.i - 1]
    if prev.i <= antecedent.i or prev.pos_ not in ("NOUN", "PROPN"):
        return None
    # The head of the name or compound that ends there: "the Mac OS X" ends on its head.
    while prev.dep_ in ("compound", "flat") and prev.head.i > prev.i:
        prev = prev.head
    if prev.i == antecedent.i or prev.dep_ != "pobj":
        return None
    return prev


def _name_before(relative: Token) -> Token | None:
    """The proper name right before a relative pronoun and its comma ("at GM, which")."""
    doc = relative.doc
    if relative.i < 2 or doc[relative.i - 1].text != ",":
        return None
    name = doc[relative.i - 2]
    return name if name.pos_ == "PROPN" and name.ent_type_ in ("ORG", "PERSON", "GPE") else None


def _named_appositive(
    relative: Token, antecedent: Token, index: SpanIndex[Mention]
) -> Token | None:
    """The name set off as the noun's appositive right before the relative pronoun
    ("its new service, iAd, which goes live"): the clause is said of what it names, a
    name the parse may tag as a common noun."""
    doc = relative.doc
    if relative.i < 2 or doc[relative.i - 1].text != ",":
        return None
    name = doc[relative.i - 2]
    if name.dep_ != "appos" or name.head.i != antecedent.i:
        return None
    return name if _refs(index, "actor", name.idx, name.idx + len(name)) else None


def _next_to(antecedent: Token, relative: Token) -> bool:
    """The relative pronoun follows its noun's own phrase ("the accident, which"), not a
    noun inside an appositive of it ("members - 62,000 at GM, which": GM's clause)."""
    prev = relative.doc[relative.i - 1]
    while prev.i > antecedent.i and prev.is_punct:
        if prev.text == ")":
            # A parenthesis between ("rubles (US$ 44.6 billion) that"): the noun's aside.
            opening = next(
                (t for t in reversed(prev.doc[antecedent.i : prev.i]) if t.text == "("), None
            )
            if opening is not None and opening.i > antecedent.i:
                prev = prev.doc[opening.i - 1]
                continue
        prev = prev.doc[prev.i - 1]
    node = prev
    while node.i != antecedent.i:
        if node.dep_ == "appos" or node.head.i == node.i:
            return False
        node = node.head
    return True


def named_antecedent(
    pronoun: Token,
    doc: Doc,
    index: SpanIndex[Mention],
    actors: Mapping[str, Entity],
    kinds: frozenset[str],
    depth: int = 0,
) -> str | None:
    """The actor of ``kinds`` that is the subject of the nearest clause before
    ``pronoun``: earlier in its sentence, else in the sentence before. A nearer subject
    that is the same pronoun stands for the same one ("He started X. One year later he
    was fired ... In 1986 he bought Y"): its antecedent is this one's."""
    sent = pronoun.sent
    earlier = [t for t in sent if t.i < pronoun.i]
    if sent.start > 0:
        earlier = [*doc[sent.start - 1].sent, *earlier]
    crossed = False
    for tok in reversed(earlier):
        if not crossed and tok.i < sent.start:
            crossed = True
            # "Mr. Reyes ran Rockwell Collins until it was acquired": a body its own
            # sentence names (as an object) may be what "it" is; an earlier sentence's
            # subject is then no plain reading.
            if "person" not in kinds and any(
                m.kind == "actor" and (e := actors.get(m.ref)) is not None and e.kind in kinds
                for m in index.within(doc[sent.start].idx, pronoun.idx)
            ):
                return None
        if tok.dep_ not in _SUBJECTS:
            continue
        # "the quarter could see it post a profit": a time is no actor "it" stands for.
        if tok.ent_type_ in ("DATE", "TIME"):
            continue
        # "It remains the largest carmaker. It currently produces ...": so does "it".
        chained = _PERSON_PRONOUNS | _THING_PRONOUNS
        same = _PRONOUN_CASES.get(pronoun.lower_, pronoun.lower_)
        if tok.lower_ == same and tok.lower_ in chained and depth < 4:
            ref = named_antecedent(tok, doc, index, actors, kinds, depth + 1)
            if ref is not None:
                return ref
            continue
        if _owned_by_same(tok, pronoun) or _object_of_own_clause(tok, pronoun):
            continue
        if (
            depth == 0
            and tok.lower_ in _RELATIVES
            and tok.head.dep_ == "relcl"
            and tok.head.head.i < tok.i
            and tok.head.left_edge.i <= pronoun.i <= tok.head.right_edge.i
        ):
            # "replacing Dave Calhoun, who announced that he would step down": the
            # subject of the relative clause that holds the pronoun is the noun the
            # clause hangs on. Not for a pronoun read through an earlier one: "He
            # traveled to meet Devocht, who had told Montalvo he would assist him. ...
            # after he left": the later "he" is not the one of the aside.
            tok = tok.head.head
        thing = "person" not in kinds
        # "the Airbus 380 ... when it arrives": the maker's name only modifies the thing
        # "it" stands for; the thing is no actor.
        words = _naming_words(tok)
        if thing and tok.pos_ in ("NOUN", "NUM"):
            # Its head or an appositive name ("A third carmaker, Ford Motor Company,"),
            # not a modifier's ("the GM amount").
            words = [tok, *(w for c in tok.children if c.dep_ == "appos" for w in _naming_words(c))]
            # "The Merval index ... It dropped": a thing's own name before the noun
            # that says what kind of thing it is, where "it" may stand for a thing.
            if "other" in kinds:
                words += [
                    c for c in tok.children
                    if c.dep_ == "compound" and any(
                        m.kind == "actor" and (e := actors.get(m.ref)) is not None
                        and e.kind == "other"
                        for m in index.covering(c.idx)
                    )
                ]  # fmt: skip
        refs = [
            m.ref
            for t in words
            for m in index.covering(t.idx)
            if m.kind == "actor" and (e := actors.get(m.ref)) is not None and e.kind in kinds
        ]
        named = refs[0] if refs else _named_by(tok, actors, kinds)
        if named is not None and not _agrees(named, pronoun, actors, doc):
            # "Ellison married Henry Ellison, a surgeon, in 1962. He died in 2009": the
            # subject is not he; the one person of his gender the clause takes is.
            other = _agreeing_object(tok, pronoun, index, actors, doc)
            if other is not None and "person" in kinds:
                return other
            continue  # "Mr. Holt ... she": not him
        if named is not None:
            return named
        if thing and tok.sent.start == sent.start and _other_thing(tok):
            # "GM warned that the amount ... could rise before it is reported": the
            # nearer subject is a thing no actor names, and "it" may well be that thing.
            return None
    if "person" not in kinds:
        return None
    farther = _farther_subject(pronoun, doc, index, actors)
    if farther is not None:
        return farther
    # No subject tells it, but a profile's "he" has one plain reading when the text
    # before it names only one person in any role ("... for Steve Jobs. In 1986 he
    # bought Pixar"): the last three sentences and this one's words before "he".
    start = doc[pronoun.sent.start].sent.start
    for _ in range(3):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    # Those the article shows to be of the other gender are not whom it means ("She
    # married the director Peter Grant in 1962. He died in 2010": Grant).
    people = {
        m.ref
        for m in index.within(doc[start].idx, pronoun.idx)
        if m.kind == "actor" and (e := actors.get(m.ref)) is not None and e.kind == "person"
        and _agrees(m.ref, pronoun, actors, doc)
    }  # fmt: skip
    return people.pop() if len(people) == 1 else None


_OWN_POSSESSIVE = {"he": "his", "she": "her"}


def _agreeing_object(
    subject: Token,
    pronoun: Token,
    index: SpanIndex[Mention],
    actors: Mapping[str, Entity],
    doc: Doc,
) -> str | None:
    """The one person the subject's verb takes as an object (or a "to"/"with" object),
    before the pronoun, whom the article shows to be of no other gender."""
    verb = subject.head
    if verb.i == subject.i or verb.pos_ not in {"VERB", "AUX"}:
        return None
    heads = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    heads += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    want = _PRONOUN_GENDER.get(pronoun.lower_)
    if want is None:
        return None
    found = {
        m.ref
        for h in heads
        if h.i < pronoun.i
        for m in index.covering(h.idx)
        if m.kind == "actor" and (e := actors.get(m.ref)) is not None and e.kind == "person"
        and person_gender(e, doc) in {None, want}
    }  # fmt: skip
    return found.pop() if len(found) == 1 else None


def _agrees(ref: str, pronoun: Token, actors: Mapping[str, Entity], doc: Doc) -> bool:
    """No gender the article shows for the person (an honorific, a kin noun, the
    pronouns of a sentence about them alone) contradicts "he" or "she"."""
    entity = actors.get(ref)
    want = {"he": "m", "she": "f"}.get(pronoun.lower_)
    if entity is None or entity.kind != "person" or want is None:
        return True
    shown = person_gender(entity, doc)
    return shown is None or shown == want


_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


def _object_of_own_clause(subject: Token, pronoun: Token) -> bool:
    """ "Starmer paid tribute to her on Monday. Her funeral will be held": a subject
    whose own verb takes "her" or "him" as an object is not whom that object means (it
    would be "herself"), and a later pronoun of that gender goes on with the object's
    referent, not the subject's."""
    want = _PRONOUN_GENDER.get(pronoun.lower_)
    verb = subject.head
    if want is None or subject.i == pronoun.i or verb.i == subject.i:
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    # "paid tribute to her": the parse may call the "to" a dative.
    objects += [
        g
        for c in verb.children
        if c.dep_ in ("prep", "dative")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    # The pronoun itself among them ("Judge Reyes ordered him to pay"): not her either.
    return any(
        o.tag_ == "PRP" and o.lower_ in ("her", "him") and _PRONOUN_GENDER[o.lower_] == want
        for o in objects
        if o.i <= pronoun.i
    )


def _owned_by_same(subject: Token, pronoun: Token) -> bool:
    """ "Her chief of staff, Tom Reyes, said ... In 2016 she ran": a subject that is
    someone of hers is not she; "she" stands for whom "her" does."""
    word = _OWN_POSSESSIVE.get(pronoun.lower_)
    return word is not None and any(c.dep_ == "poss" and c.lower_ == word for c in subject.children)


# How many sentences before the last one a "he" or "she" may look back for its subject.
_SUBJECT_REACH = 2


def _farther_subject(
    pronoun: Token, doc: Doc, index: SpanIndex[Mention], actors: Mapping[str, Entity]
) -> str | None:
    """ "Mr. Roe founded X in 1961. By 1985 the airline flew to 40 cities. In 1994 he
    sold it": where the sentence before has no person subject, the nearest person
    subject of the two before it, when no other person is named between it and the
    pronoun (another one there might be whom it means)."""
    sent = pronoun.sent
    if sent.start == 0:
        return None
    start = doc[sent.start - 1].sent.start
    for _ in range(_SUBJECT_REACH):
        if start == 0:
            return None
        prev = doc[start - 1].sent
        for tok in reversed(prev):
            if tok.dep_ not in _SUBJECTS or _owned_by_same(tok, pronoun):
                continue
            refs = {
                m.ref
                for t in _naming_words(tok)
                for m in index.covering(t.idx)
                if m.kind == "actor" and (e := actors.get(m.ref)) is not None
                and e.kind == "person"
            }  # fmt: skip
            if len(refs) != 1:
                continue
            ref = refs.pop()
            if not _agrees(ref, pronoun, actors, doc):
                continue
            between = {
                m.ref
                for m in index.within(tok.idx, pronoun.idx)
                if m.kind == "actor" and (e := actors.get(m.ref)) is not None
                and e.kind == "person"
            }  # fmt: skip
            # A name the actor list left out ("his father-in-law, Ed Ray") counts too.
            strangers = any(
                t.ent_type_ == "PERSON" and not index.covering(t.idx)
                for t in doc[tok.i : pronoun.i]
            )
            return ref if between <= {ref} and not strangers else None
        start = prev.start
    return None


# Common nouns that stand for an organization an earlier subject named ("the company").
_BODY_NOUNS = frozenset(
    {"company", "firm", "group", "organization", "organisation", "government", "bank",
     "airline", "carrier", "maker", "manufacturer", "automaker", "carmaker", "party",
     "country", "nation", "state", "agency", "ministry", "court", "board", "council",
     "union", "club", "team", "church", "charity", "foundation", "business", "corporation"}
)  # fmt: skip


def _other_thing(subject: Token) -> bool:
    """``subject`` is one thing "it" could stand for that is no body: a singular common
    noun or a number-named product ("the amount", "the 380"), not "the company"."""
    if subject.tag_ not in ("NN", "CD") or subject.lemma_.lower() in _BODY_NOUNS:
        return False
    return not any(c.dep_ == "conj" for c in subject.children)


def _naming_words(subject: Token) -> list[Token]:
    """The words of ``subject`` that name what it is: its head, the compounds before it,
    an appositive name and those of its conjuncts; not a modifier's name ("the Japanese
    index" is no Japan, "the president's spokesman" no president)."""
    out: list[Token] = []
    todo = [subject]
    while todo:
        tok = todo.pop()
        out.append(tok)
        todo += [c for c in tok.children if c.dep_ in ("compound", "flat", "appos", "conj")]
    return out


# Dependents that tell a happening of their own: their names are not the happening's
# participants ("Khosravi, who is wanted by X": X takes no part in the extradition).
_OWN_CLAUSES = frozenset({"relcl", "parataxis"})


def _is_main(verb: Token) -> bool:
    node = verb
    while node.head.i != node.i:
        if node.dep_ not in ("conj", "ccomp", "xcomp"):
            return False
        node = node.head
    return True


_RESTATED_TIMES = _TIME_NOUNS | {"time", "moment", "date"}


def _restated_time(tok: Token, sent: Span) -> bool:
    """ "released in 2007, the same time as Microsoft's Longhorn": a time set off after
    a clause, which restates its date by another happening."""
    return (
        tok.dep_ in ("npadvmod", "appos")
        and tok.lemma_.lower() in _RESTATED_TIMES
        and tok.left_edge.i > sent.start
        and sent.doc[tok.left_edge.i - 1].text == ","
    )


def _clause_spans(verb: Token, sent: Span) -> list[tuple[int, int]]:
    """Character spans of ``verb``'s clause: its dependents, without coordinated clauses
    that have a subject of their own, relative clauses and parentheticals."""
    doc = sent.doc
    keep: list[int] = []
    stack = [verb]
    while stack:
        tok = stack.pop()
        keep.append(tok.i)
        for c in tok.children:
            if not _in(c, sent) or c.dep_ in _OWN_CLAUSES:
                continue
            # An appositive name is the argument's ("the website Insurgency Wiki"); an
            # appositive description is not ("Khosravi, a member of the party").
            if c.dep_ == "appos" and c.pos_ != "PROPN":
                continue
            if c.lower_ == "according":
                continue  # the source of the report, not a party to the happening
            # "released in 2007, the same time as Microsoft's Longhorn": a time set off
            # after the clause restates its date by another happening, whose names take
            # no part in this one.
            if _restated_time(c, sent):
                continue
            # "..., drawing notice from critics of X": a trailing participle tells what
            # followed from the happening; its names take no part in it.
            if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > tok.i and doc[c.i - 1].text == ",":
                continue
            own_subject = any(x.dep_ in _SUBJECTS for x in c.children)
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and own_subject:
                continue
            if c.dep_ in ("ccomp", "parataxis") and own_subject and _semicolon_before(c, tok):
                continue
            stack.append(c)
    keep.sort()
    spans: list[tuple[int, int]] = []
    for i in keep:
        start, end = doc[i].idx, doc[i].idx + len(doc[i])
        if spans and keep and spans[-1][1] >= start - 1:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _semicolon_before(clause: Token, verb: Token) -> bool:
    """``clause`` is a clause of a semicolon list before ``verb``'s, not its complement."""
    return clause.i < verb.i and any(
        c.text == ";" and clause.right_edge.i < c.i < verb.i for c in verb.children
    )


def _owns(verb: Token, subject: Token) -> bool:
    """``subject`` is ``verb``'s own, or that of the frame it is told in ("is expected to")."""
    node = verb
    for _ in range(4):
        if subject.head.i == node.i:
            return True
        # "is likely to cut": the adjective's subject is its infinitive's.
        framing = node.dep_ == "acomp" and node.pos_ == "ADJ"
        if (node.dep_ not in ("xcomp", "conj") and not framing) or node.head.i == node.i:
            return False
        node = node.head
    return False


def _clause_span(verb: Token, date_tokens: set[int], sent: Span) -> tuple[int, int]:
    """The clause ``verb`` heads, from its subordinating word, to its date or its end."""
    doc = sent.doc
    lo = verb.left_edge.i
    if verb.dep_ in ("pcomp", "pobj") and verb.head.dep_ == "prep":
        lo = min(lo, verb.head.i)
    hi = max([verb.i, *[i for i in date_tokens if _in(doc[i], sent)]])
    for t in doc[verb.i + 1 : verb.right_edge.i + 1]:
        if t.text in (",", "—", "–", ";", ":", "("):
            break
        hi = max(hi, t.i)
    lo = max(lo, sent.start)
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def _phrase_span(tok: Token) -> tuple[int, int]:
    """``tok``'s noun phrase with its appositive ("Iran's president, Masoud Pezeshkian")."""
    doc = tok.doc
    return doc[tok.left_edge.i].idx, doc[tok.right_edge.i].idx + len(doc[tok.right_edge.i].text)


def _date_preposition(date_span: Span) -> Token | None:
    """The preposition that introduces the date ("on" Wednesday), if it sits right before it.

    Its attachment is more reliable than the date's own: the small model often
    misreads a bare month ("in July of Hamas's leader") but places "in" well.
    """
    if date_span.start == 0:
        return None
    prev = date_span.doc[date_span.start - 1]
    root = date_span.root
    # "on today's falls": the date is the possessor of the preposition's object, its
    # "'s" right after it; the preposition is that noun's. Only with the "'s" there: the
    # model also makes "July" the possessor in "in July of Hamas's leader".
    head, after = root.head, date_span.doc[date_span.end : date_span.end + 1]
    if (
        root.dep_ == "poss"
        and len(after) == 1
        and after[0].dep_ == "case"
        and head.dep_ == "pobj"
        and head.head.i == prev.i
    ):
        return None
    if prev.dep_ in ("prep", "agent") and _in(prev.head, date_span.sent):
        return prev
    return None


def _in(tok: Token, sent: Span) -> bool:
    return sent.start <= tok.i < sent.end


def _governing_verb(tok: Token, sent: Span) -> Token | None:
    for _ in range(10):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound"):
            return tok
        if tok.head.i == tok.i or not _in(tok.head, sent):
            return None
        tok = tok.head
    return None


def _through_apposition(tok: Token, verb: Token) -> bool:
    """The way up from ``tok`` to ``verb`` passes through an appositive noun."""
    for _ in range(10):
        if tok.i == verb.i or tok.head.i == tok.i:
            return False
        if tok.dep_ == "appos" and tok.pos_ == "NOUN":
            return True
        tok = tok.head
    return False


def _is_event_noun(tok: Token) -> bool:
    if tok.pos_ != "NOUN":
        return tok.ent_type_ == "EVENT"
    lemma = tok.lemma_.lower()
    if lemma in _EVENT_NOUNS:
        return True
    return lemma.endswith(_EVENT_SUFFIXES) and lemma not in _SUFFIX_THINGS


# A noun after these prepositions is the setting of its verb ("said in an interview on
# Monday"): the verb is the happening. After others ("after the assassination") it is not.
_SETTING_PREPS = frozenset({"in", "during", "at", "on", "for", "with", "from"})


def _event_noun(date_span: Span, prep: Token | None, sent: Span) -> Token | None:
    """The eventive noun the date modifies: "the 1979 crisis", "the assassination in July"."""
    root = date_span.root
    if prep is not None:
        head = prep.head
    elif root.dep_ in ("nummod", "compound", "amod", "npadvmod", "poss", "nmod"):
        head = root.head
    else:
        return None
    if head.i == root.i or not _in(head, sent) or not _is_event_noun(head):
        return None
    if _in_marks(head):
        return None  # a name or a term in quotation marks ("courageous achievement")
    if _bare_noun_of_noun(head, prep):
        # "did not respond to a request for comment on Saturday": a bare noun inside
        # another noun's phrase names no happening of its own; the clause's verb is dated.
        return None
    if (
        head.dep_ == "pobj"
        and head.head.lower_ in _SETTING_PREPS
        and head.head.head.pos_ in ("VERB", "AUX")
    ):
        return None
    return head


def _bare_noun_of_noun(noun: Token, prep: Token | None) -> bool:
    """``noun`` has no word of its own but the date's phrase (no article, possessor or
    modifier) and is the object of a preposition on another noun ("a request for comment")."""
    if any(c.i != (prep.i if prep is not None else -1) for c in noun.children):
        return False
    up = noun.head
    return noun.dep_ == "pobj" and up.dep_ == "prep" and up.head.pos_ in ("NOUN", "PROPN")


# The date's relation to a noun it only describes: "the 1969 film", "last year's profit",
# "the 2011 version", "Local 1520", "the period from 2004 to 2009" ("for"), "the
# second-biggest loss of 2007" ("of"). Which thing is meant, not when something happened.
_MODIFIER_DEPS = frozenset({"compound", "amod", "nummod", "poss", "nmod"})
_DESCRIBING_PREPS = frozenset({"of", "for"})
# "-ing" nouns that name no doing.
_ING_THINGS = frozenset(
    {"morning", "evening", "building", "thing", "spring", "ceiling", "king", "ring",
     "string", "wing", "something", "nothing", "anything", "everything", "earnings",
     "savings", "housing", "clothing", "setting", "ending", "beginning"}
)  # fmt: skip


# Occasions: the date of one is the date of what happens at it ("at a Wednesday media
# event, X released"). Not eventive enough to be told as the event themselves.
_OCCASIONS = frozenset(
    {"event", "occasion", "session", "game", "match", "race", "show", "concert", "fair",
     "expo", "premiere", "debut", "final", "finals", "round", "day", "night", "weekend"}
)  # fmt: skip


def _names_happening(noun: Token) -> bool:
    """A noun that names a happening: the known ones and the deverbal suffixes of
    ``_is_event_noun``, an occasion, and a doing in "-ing" ("the trading")."""
    lemma = noun.lemma_.lower()
    if _is_event_noun(noun) or lemma in _OCCASIONS:
        return True
    return noun.pos_ == "NOUN" and lemma.endswith("ing") and lemma not in _ING_THINGS


def _modifies_thing(date_span: Span, prep: Token | None, date_tokens: set[int], sent: Span) -> bool:
    """The date only tells which thing a noun inside an argument is ("reported their
    January sales", "the 1969 film Easy Rider", "arrears for the period from 2004"):
    nothing happened on it. A noun that names a happening keeps it ("the 1979 crisis",
    "Sunday's vote"). A date that is itself the subject or object is not a modifier."""
    root = date_span.root
    after = sent.doc[date_span.end] if date_span.end < sent.end else None
    if (
        after is not None
        and after.pos_ == "NOUN"
        and after.head.i == root.i
        and after.dep_ in ("appos", "compound", "nmod")
    ):
        # "above its November 20, 2008 low": the parse hangs the noun the date comes
        # before on the date; the date still only tells which low is meant.
        head = after
    elif prep is not None:
        if prep.lower_ not in _DESCRIBING_PREPS:
            return False
        head = prep.head
    elif root.dep_ in _MODIFIER_DEPS:
        head = root.head
    else:
        return False
    if head.i in date_tokens or not _in(head, sent) or head.pos_ not in ("NOUN", "PROPN"):
        return False
    # A name after its date may be a happening's ("the 1991 Hajj") or a misparse ("Since
    # December GM and Chrysler have received"): kept. A number after a name is part of
    # the name ("Local 1520").
    if head.pos_ == "PROPN" and head.i > root.i:
        return False
    # A name the date is part of is a date's own head ("September of this year").
    if head.ent_type_ in ("DATE", "TIME", "EVENT"):
        return False
    return not _names_happening(head)


def _in_marks(noun: Token) -> bool:
    doc = noun.doc
    # The opening mark may be the noun's own dependent, its phrase's left edge.
    lo = noun.left_edge.i
    while lo < noun.i and doc[lo].is_quote:
        lo += 1
    lo, hi = lo - 1, noun.i + 1
    return lo >= 0 and hi < len(doc) and doc[lo].is_quote and doc[hi].is_quote


def _fronted_event_noun(verb: Token, date_span: Span, sent: Span) -> Token | None:
    """ "Since the fall of X, in 2003, Iran has invested": the date belongs to "the fall".

    The parser hangs such a date on the main verb; a fronted "since/after/before"
    phrase whose noun is eventive, with the date between it and the subject, wins.
    """
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is None or date_span.start > subject.i:
        return None
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("since", "after", "before", "following", "until"):
            nouns = [x for x in c.children if x.dep_ == "pobj" and _is_event_noun(x)]
            if nouns and c.i < date_span.start:
                return nouns[0]
    return None


def _noun_event(noun: Token, skip: set[int], sent: Span) -> tuple[str, int, int]:
    """The noun phrase, cut at its first comma, without the date and its preposition."""
    doc = sent.doc
    lo = noun.left_edge.i
    hi = noun.i
    # A relative clause is no part of the name of the happening, nor its subject and
    # auxiliaries before its verb ("a strike that has shut the port").
    clause = min((c.left_edge.i for c in noun.rights if c.dep_ == "relcl"), default=len(doc))
    for t in doc[noun.i + 1 : noun.right_edge.i + 1]:
        if t.text in (",", "—", "–", ";", ":", "(") or t.dep_ == "relcl" or t.i >= clause:
            break
        hi = t.i
    # Keep a proper-name appositive: "the fall of Iraq's leader, Saddam Hussein".
    nxt = hi + 1
    if nxt < sent.end - 1 and doc[nxt].text == ",":
        name_head = doc[nxt + 1]
        while name_head.dep_ == "compound" and name_head.head.i > name_head.i:
            name_head = name_head.head
        in_phrase = name_head.i <= noun.right_edge.i
        if name_head.dep_ == "appos" and name_head.pos_ == "PROPN" and in_phrase:
            hi = name_head.right_edge.i
    words = [t for t in doc[lo : hi + 1] if t.i not in skip]
    while words and words[0].dep_ in ("det", "punct") and words[0].i != noun.i:
        words = words[1:]
    what = _capitalise(_limit(_render(words)))
    ends = [lo, hi, *[i for i in skip if _in(doc[i], sent)]]
    start = doc[min(ends)].idx
    last = doc[max(ends)]
    return what, start, last.idx + len(last.text)


_HEDGES = frozenset(
    {"nearly", "almost", "reportedly", "allegedly", "partly", "partially", "never", "barely",
     "hardly", "possibly", "probably", "likely", "apparently", "not", "no", "longer", "again",
     "first"}
)  # fmt: skip


def _verb_event(verb: Token, date_tokens: set[int], sent: Span) -> tuple[str, int, int, Token, str]:
    used: list[Token] = [verb, *[sent.doc[i] for i in date_tokens]]
    subject = _subject(verb, sent, date_tokens)
    # "is expected to travel" tells of the travelling.
    told = verb
    for _ in range(3):
        inner = next((c for c in told.children if c.dep_ == "xcomp" and _is_to_inf(c)), None)
        if told.lemma_ in _FUTURE_FRAMES and inner is not None:
            told = inner
            used.append(told)
        else:
            break
    plural = False
    subj_text = ""
    subj_tokens: list[Token] = []
    if subject is not None:
        subj_tokens = _surname(_noun_phrase(subject, date_tokens))
        subj_text = _render(subj_tokens)
        plural = _is_plural(subject)
        if subject.lower_ in _RELATIVES and subject.head.dep_ == "relcl":
            plural = _is_plural(subject.head.head)  # "cuts, which reach": the noun's number
        if (
            _is_name(subject) and not any(c.dep_ == "conj" for c in subject.children)
        ) or _titles_of_one(subject):
            # "General Motors", "China Eastern Airlines": one each, also where British
            # news writes "Boeing were".
            plural = False
        else:
            # The article's own agreement ("were", "reach"), or that of the clause the
            # subject governs ("Jobs, born in 1955, has built").
            shown = _shown_number(verb)
            if shown is None and subject.dep_ in _SUBJECTS and subject.head.i != verb.i:
                shown = _shown_number(subject.head)
            if shown is not None:
                plural = shown
        if _in(subject, sent):
            used.append(sent.doc[subject.left_edge.i] if subject.i < verb.i else subject)
    # "is likely to cut jobs", "had been due to take effect": the frame is an adjective
    # on a copula, and the line keeps it with the copula's own words.
    adjective = _frame_adjective(verb) if told is verb else None
    if adjective is not None:
        used += [adjective, adjective.head]
    # "will cut jobs in 2025 and close plants in 2026": the bare second verb is under
    # the first one's "will" (and "not", and "to"); its line says so.
    shared = _shared_aux(verb) if told is verb else []
    if adjective is not None:
        shared = [c for c in adjective.head.children if c.dep_ in ("aux", "neg")]
    # "the quarter could see it post a profit": the frame's "could" and "not" are the
    # clause's own.
    timed = _time_frame(verb)
    if timed is not None:
        shared = [*shared, *(c for c in timed.children if c.dep_ in ("aux", "neg"))]
    negated = any(c.dep_ == "neg" for c in (*verb.children, *told.children, *shared))
    # Modality stays in what, "will" too (GUIDE §6: "will launch"); the id leaves it out.
    modal = next(
        (_MODAL_FORMS.get(c.lower_, c.lower_) for c in (*verb.children, *told.children, *shared)
         if c.tag_ == "MD"),
        None,
    )  # fmt: skip
    id_modal = None if modal in _FUTURE_AUX else modal
    hedges = sorted(
        {c.i: c for c in (*verb.children, *told.children)
         if c.dep_ == "advmod" and c.lower_ in _HEDGES and c.i < told.i}.values(),
        key=lambda c: c.i,
    )  # fmt: skip
    bare = _inflect(told, plural, negated, id_modal)
    # The frame stays: "is expected to travel", "is scheduled to take place".
    said = _inflect(told, plural, negated, modal)
    if told is not verb:
        said = " ".join([_inflect(verb, plural, negated, modal), *_infinitives(verb, told)])
    elif adjective is not None:
        passive = verb.tag_ == "VBN" and _is_passive(verb)
        to = f"to be {verb.lower_}" if passive else f"to {verb.lemma_.lower()}"
        said = f"{_inflect(adjective.head, plural, negated, modal)} {adjective.lower_} {to}"
    elif any(c.tag_ == "TO" for c in shared):
        # "are expected to start delivering in 2011 and end two years later": the frame
        # of the first infinitive is this one's too ("are expected to end").
        first = verb
        while first.dep_ == "conj" and (up := _bare_conj_head(first)) is not None:
            first = up
        frame = first
        while frame.dep_ == "xcomp" and _is_to_inf(frame) and frame.head.i != frame.i:
            frame = frame.head
        if frame is not first and frame.pos_ in ("VERB", "AUX"):
            infinitives = [*_infinitives(frame, first)[:-1], f"to {verb.lemma_.lower()}"]
            said = " ".join([_inflect(frame, plural, negated, modal), *infinitives])
    parts = [subj_text, *[h.text for h in hedges], said]
    # The date is what a "not ... until" is about: without it the line would deny the
    # event. It follows the verb, or a copula's first complement ("are not due until").
    until = (
        _render(t for t in sent if t.i in date_tokens)
        if _not_until(verb, told, date_tokens)
        else ""
    )
    if until and told.lemma_ != "be":
        parts.append(until)
    for comp in _complements(told, date_tokens):
        used.extend(comp)
        parts.append(_render(comp))
        if until and told.lemma_ == "be":
            parts.append(until)
            until = ""
    if until and told.lemma_ == "be" and until not in parts:
        parts.append(until)
    # "repairs could take until Friday", "the festival runs through March 11": a verb
    # whose one complement is its bound says nothing without it ("Repairs could take").
    if not until and parts[-1] == said and told.lemma_ != "be":
        # "through" also ends a phrasal verb ("had the sale gone through last year"):
        # a bound only after a verb of lasting.
        bound = next(
            (c for c in told.children if c.dep_ == "prep" and c.i in date_tokens
             and (c.lower_ in ("until", "till")
                  or (c.lower_ == "through" and told.lemma_.lower() in _LASTING))),
            None,
        )  # fmt: skip
        if bound is not None:
            parts.append(_render(t for t in sent if t.i in date_tokens))
    if subject is not None and len(" ".join(parts).split()) > _MAX_WHAT_WORDS:
        parts[0] = _render(_short_subject(subj_tokens))
    what = _capitalise(_limit(" ".join(p for p in parts if p)))
    parts[len(hedges) + 1] = bare
    key = _capitalise(_limit(" ".join(p for p in parts if p)))
    start = min(t.idx for t in used if _in(t, sent))
    if subject is not None and _set_off_between(verb, subject, date_tokens, sent):
        # "In 1996, following X's purchase of Y, Jobs returned to Apple": the clause
        # tells the event; the fronted aside between the date and it is another telling.
        start = sent.doc[subject.left_edge.i].idx
    end = max(t.idx + len(t.text) for t in used if _in(t, sent))
    return what, start, end, told, key


def _set_off_between(verb: Token, subject: Token, date_tokens: set[int], sent: Span) -> bool:
    """A date fronted before its clause, then an adjunct of the verb set off by commas
    between the date and the subject ("In 1996, following the purchase, Jobs ...")."""
    dated = [i for i in date_tokens if _in(sent.doc[i], sent)]
    if not dated or max(dated) > subject.left_edge.i or subject.i > verb.i:
        return False
    lo, hi = max(dated), subject.left_edge.i
    for c in verb.children:
        if c.i in date_tokens or not lo < c.left_edge.i or c.right_edge.i >= hi:
            continue
        doc = sent.doc
        # Only an aside that tells another happening, not the setting ("at the
        # conference"), which is this one's.
        other = c.dep_ == "advcl" or (c.dep_ == "prep" and c.lower_ in _OTHER_HAPPENING)
        if other and doc[c.left_edge.i - 1].text == "," and doc[c.right_edge.i + 1].text == ",":
            return True
    return False


_OTHER_HAPPENING = frozenset({"following", "after", "before", "since", "amid", "despite"})


def _infinitives(frame: Token, told: Token) -> list[str]:
    """ "to travel", "to be held": each infinitive from below ``frame`` down to ``told``."""
    chain: list[Token] = []
    node = told
    while node.i != frame.i and len(chain) < 4:
        chain.append(node)
        node = node.head
    out = []
    for t in reversed(chain):
        passive = t.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in t.children)
        out.append(f"to be {t.lower_}" if passive else f"to {t.lemma_.lower()}")
    return out


_LONG_SUBJECT = 9


def _short_subject(tokens: list[Token]) -> list[Token]:
    """A subject long enough to push its verb past the line's limit ("A research team
    from X and Y of the US and Z of the UK has analysed"): its head without the
    phrases after it ("A research team"), so the line keeps its predicate."""
    if len(tokens) < _LONG_SUBJECT:
        return tokens
    ids = {t.i for t in tokens}
    head = next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), None)
    if head is None:
        return tokens
    cut = next(
        (c.i for c in head.children if c.i > head.i and c.dep_ in ("prep", "acl") and c.i in ids),
        None,
    )
    return [t for t in tokens if cut is None or t.i < cut] or tokens


def _surname(tokens: list[Token]) -> list[Token]:
    """A person's full name as news tells it after the first mention: the surname."""
    if len(tokens) > 1 and all(t.ent_type_ == "PERSON" and t.pos_ == "PROPN" for t in tokens):
        return tokens[-1:]
    return tokens


def _is_to_inf(tok: Token) -> bool:
    # Every "to" is tagged TO; only the infinitive marker is the verb's aux ("he made
    # to school" has a preposition, and nothing is due).
    return any(a.tag_ == "TO" and a.dep_ == "aux" for a in tok.children)


def _subject(verb: Token, sent: Span, date_tokens: set[int] | None = None) -> Token | None:
    """The subject of ``verb``, or of the nearest verb above it that has one, or a
    name right before it that the parse hung elsewhere (``_lost_name``).

    A verb the parse gives two subjects ("in 2001 the iPod and the following year the
    Mac OS X was released": a gapped coordination) is said of the one its date is told
    with: the first after the date, else the last."""
    own = [c for c in verb.children if c.dep_ in _SUBJECTS and _in(c, sent)]
    if len(own) > 1 and date_tokens:
        first = min(date_tokens)
        return next((c for c in own if c.i > first), own[-1])
    lost = _lost_name(verb)
    if (
        lost is not None
        and verb.dep_ == "conj"
        and not any(c.dep_ == "cc" and c.i < verb.i for c in verb.head.children)
        and _in(lost, sent)
    ):
        # "looking to expand since its rival Brightway Brands bought X": no "and" joins
        # the verb to the one it hangs on; the name right before it is its subject.
        return lost
    found = _parsed_subject(verb, sent)
    if found is None:
        return lost if lost is not None and _in(lost, sent) else None
    return found


def _parsed_subject(verb: Token, sent: Span) -> Token | None:
    tok = verb
    for _ in range(6):
        for c in tok.children:
            if c.dep_ in ("nsubj", "nsubjpass", "expl") and _in(c, sent):
                return c
        # The small model may hang the subject on an auxiliary ("GM has until May to
        # restructure": "GM" below "has", "has" below "restructure").
        for a in tok.children:
            if a.dep_ == "aux" and a.i < tok.i:
                for c in a.children:
                    if c.dep_ in ("nsubj", "nsubjpass") and _in(c, sent):
                        return c
        # A participle or infinitive that modifies a noun is said of that noun:
        # "migrants crossing the Channel", "figures to be published today".
        # So is an adjective's complement: "the first customer, due to receive ...".
        if _misread_main_verb(tok) and _in(tok.sent.root, sent):
            return tok.sent.root
        if (
            tok.dep_ in ("acl", "relcl")
            or (tok.dep_ in ("amod", "prep") and tok.pos_ == "ADJ" and tok.i > tok.head.i)
        ) and (tok.head.pos_ in ("NOUN", "PROPN") and _in(tok.head, sent)):
            # Not an active infinitive: "an attempt to make X profitable" is no
            # attempt making anything; whose making it is the clause does not say.
            # Nor one the parse calls a relative ("requests to testify since March").
            if tok.dep_ in ("acl", "relcl") and _is_to_inf(tok) and not _is_passive(tok):
                return None
            return tok.head
        # "barred him from working until April": the working would be his, the
        # object's, not the barring judge's; the clause names no subject of its own.
        if _object_controlled(tok):
            return None
        # A relative or complement clause has a subject of its own: "X told reporters
        # that on Monday, Y walked in" is Y's walking even when the parse loses Y.
        if tok.head.i == tok.i or not _in(tok.head, sent) or tok.dep_ in ("relcl", "ccomp"):
            return None
        tok = tok.head
    return None


def _object_infinitive(verb: Token) -> bool:
    """A to-infinitive right after its verb's object ("pushed the board to explore"),
    which the small model may hang on the verb as an adverbial clause."""
    if verb.dep_ != "advcl" or not _is_to_inf(verb) or verb.head.i > verb.i:
        return False
    return any(
        c.dep_ == "dobj" and c.right_edge.i + 1 == verb.left_edge.i for c in verb.head.children
    )


def _told_infinitive(verb: Token) -> bool:
    """A to-infinitive after its verb that the parse calls an adverbial clause: what
    was promised, agreed or pushed for ("had promised in 2024 to keep the plants
    open"), part of the line, not a happening of its own."""
    return verb.dep_ == "advcl" and _is_to_inf(verb) and verb.i > verb.head.i


def _object_controlled(verb: Token) -> bool:
    """A gerund after "from"/"into" whose governing verb has an object ("barred him from
    working", "talked the board into selling"): the object would do it, not the subject."""
    return (
        verb.dep_ == "pcomp"
        and verb.tag_ == "VBG"
        and verb.head.lower_ in ("from", "into")
        and verb.head.head.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "dobj" for c in verb.head.head.children)
    )


def _noun_phrase(tok: Token, skip: set[int]) -> list[Token]:
    """A short, faithful rendering of the noun phrase headed by ``tok``.

    An appositive proper name stands for its head ("a Kurdish political activist,
    Behzad Khosravi" -> "Behzad Khosravi"); relative clauses and anything after
    a comma are dropped; courtesy titles go ("Mr. Pezeshkian" -> "Pezeshkian").
    """
    for c in tok.children:
        # Not a date in parentheses ("A storm on Sunday night (March 4)"): no name.
        named = c.pos_ == "PROPN" and c.ent_type_ != "DATE"
        if c.dep_ == "appos" and named and tok.pos_ != "PROPN":
            tok = c
            break
        # "One of them, former treasurer Linda Park,": the name is the appositive's
        inner = [g for g in c.children if g.dep_ == "appos" and g.pos_ == "PROPN"]
        if c.dep_ == "appos" and c.pos_ == "NOUN" and tok.pos_ in {"NUM", "PRON"} and inner:
            tok = inner[0]
            break
    # A date the parse made a conjunct of the noun (a gapped "X and the following
    # year Y") is another event's date, not a second name.
    dates = {
        t.i
        for c in tok.children
        if c.dep_ == "conj" and all(w.ent_type_ == "DATE" for w in c.subtree)
        for t in c.subtree
    }
    keep = []
    for t in tok.subtree:
        if t.i in skip or t.i in dates:
            continue
        if t.i > tok.i and (
            (t.text in (",", "—", "–", "(") and not _joins_numbers(t) and not _lists(t, tok))
            or t.dep_ in ("relcl", "appos", "acl")
        ):
            break
        keep.append(t)
    keep = [t for t in keep if not _in_clause(t, tok)]
    # "its rival Brightway Brands": a name that a possessive pronoun and a description
    # open is told by the name alone; the pronoun would leave no one to place.
    if tok.pos_ == "PROPN" and tok.ent_type_ and keep and keep[0].tag_ == "PRP$":
        first = min((t.i for t in keep if t.ent_type_ == tok.ent_type_), default=tok.i)
        keep = [t for t in keep if t.i >= first]
    # A conjunct left out (a date: "the player and the following year"): no "and".
    while (
        len(keep) > 1
        and keep[-1].i > tok.i
        and (
            keep[-1].dep_ == "cc"
            or keep[-1].text == ","
            or (keep[-1].is_quote and sum(t.is_quote for t in keep) % 2 == 1)
        )
    ):
        keep = keep[:-1]
    # Titles go; so does an article before a name ("the United States" keeps its "the"
    # only as a common noun phrase: "the trip").
    while (
        keep
        and keep[0].i != tok.i
        and (
            keep[0].lower_.rstrip(".") in _TITLES
            or keep[0].dep_ == "punct"
            # Not a word of the name ("All Nippon Airways").
            or (keep[0].dep_ == "det" and tok.pos_ == "PROPN" and keep[0].lower_ in _ARTICLES)
        )
    ):
        keep = keep[1:]
    return keep or [tok]


_ARTICLES = frozenset({"the", "a", "an"})


def _relative_antecedent(relative: Token) -> Token | None:
    """The noun the relative clause of ``relative`` hangs on, where the relative
    follows it ("1.13 trillion rubles that it offered"; "the jets, which it will begin to
    fly"); None when the parse leaves it unclear."""
    node = relative.head
    for _ in range(3):
        if node.dep_ == "relcl":
            noun = node.head
            if noun.pos_ in ("NOUN", "PROPN") and noun.i < relative.i and _next_to(noun, relative):
                return noun
            return None
        if node.dep_ not in ("xcomp", "ccomp") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _opens_relative(t: Token, head: Token) -> bool:
    """``t`` is a relative clause below ``head`` or one of its words, its "where they"
    before its verb too: the phrase ends there ("the station where they")."""
    node = t
    while node.i != head.i and node.head.i != node.i:
        # Not an infinitive the parse calls a relative: "it is time for users to move
        # away" is the phrase's own complement, not a clause told apart.
        # Nor a clause opened by the conjunction "that" ("announced in an internal memo
        # that he would be on leave"): what the memo says, not a relative.
        if node.dep_ == "relcl" and not _is_to_inf(node) and not _content_clause(node):
            return True
        # A subordinate clause with its own subject ("after it became known that he
        # left ..."): a happening of its own, told apart.
        if (
            node.dep_ == "advcl"
            and any(c.dep_ == "mark" for c in node.children)
            and any(c.dep_ in _SUBJECTS for c in node.children)
        ):
            return True
        node = node.head
    return False


def _content_clause(verb: Token) -> bool:
    """``verb``'s clause opens with the conjunction "that" (a relative "that" is its
    clause's subject or object, not a marker)."""
    return any(c.dep_ == "mark" and c.lower_ == "that" and c.i < verb.i for c in verb.children)


def _lists(comma: Token, head: Token) -> bool:
    """``comma`` separates the names of a list headed by ``head`` ("Ford, Chrysler, and
    General Motors"): the word after it is a conjunct of ``head``, or its "and"."""
    if comma.text != "," or comma.i + 1 >= len(comma.doc):
        return False
    node = comma.doc[comma.i + 1]
    if node.dep_ == "cc":
        node = node.head
    while node.i != head.i:
        if node.dep_ != "conj" or node.head.i == node.i:
            return False
        node = node.head
    return True


def _in_clause(t: Token, head: Token) -> bool:
    """``t`` sits inside a relative or appositive clause below ``head``."""
    node = t
    while node.i != head.i and node.head.i != node.i:
        if node.dep_ in ("relcl", "appos", "acl", "advcl"):
            return True
        node = node.head
    return False


def _complements(verb: Token, skip: set[int]) -> list[list[Token]]:
    """The verb's objects, then up to two prepositional phrases in text order."""
    objects: list[list[Token]] = []
    others: list[list[Token]] = []
    for c in verb.children:
        if c.dep_ == "prep" and (c.lower_ == "according" or all(t.i in skip for t in c.subtree)):
            continue  # attribution, or the date's own phrase (that is `when`)
        if c.dep_ == "prep" and _is_other_date(c, skip):
            continue  # another date's phrase ("in 2002 and another in 2005"): its own event
        if c.dep_ == "prep" and (_tells_a_clause(c) or _dated_doing(c, skip)):
            continue  # "after it became known that ...": another happening, told apart
        if c.dep_ in _OBJECT_DEPS and c.tag_ in ("WDT", "WP"):
            # "which it will begin to fly": the relative is not the object's name; the
            # noun its clause hangs on is ("rubles that it offered" -> "offers rubles").
            noun = _relative_antecedent(c)
            if noun is not None:
                objects.append(_noun_phrase(noun, skip))
            continue
        if c.dep_ == "advmod" and c.lower_ in _PARTICLES and _next_to_verb(c, verb):
            objects.append([c])  # "dates back", "stepped down": the verb's own word
        elif c.dep_ == "dobj" and _second_object(c, verb):
            continue  # "saw its fourth loss on Thursday, its longest streak": an apposition
        elif c.dep_ in _OBJECT_DEPS:
            objects.append(_noun_phrase(c, skip) if c.pos_ in ("NOUN", "PROPN", "PRON") else
                           _phrase(c, skip))  # fmt: skip
        elif _measure_object(c, verb, skip):
            # "lost 53.5 points", "plunged more than 68%": the small model makes the
            # amount an adverb; it is what the verb says, not a bare "index loses".
            objects.append(_noun_phrase(c, skip))
        elif c.dep_ == "xcomp" and c.tag_ == "VBG" and _dates_only(c, skip) and _is_passive(verb):
            continue  # "submitted starting next month": the participle only dates it
        elif (
            (c.dep_ in ("prep", "xcomp") or _told_infinitive(c))
            and c.i > verb.i
            and len(others) < 2
        ) or (
            # Any verb's complement clause when nothing else follows it: "admitted that
            # the loss could swell", not a bare "GM admits" (a summary is a whole clause).
            c.dep_ == "ccomp"
            and (c.i > verb.i or verb.lemma_ in _SPEECH)
            # What a statement says is its content, also after a setting ("announced
            # in an internal memo that ...") or a particle ("spoke out ... that").
            and (
                (not others and all(o[0].dep_ == "prt" for o in objects if o))
                # Not content the article quotes ("showed “the depth of our
                # relations”"): that is the quote's fact.
                or (
                    verb.lemma_ in _SPEECH
                    and c.i > verb.i
                    and (not objects or _hearer_only(verb, objects))
                    and not any(t.is_quote for t in c.subtree)
                )
            )
        ):
            phrase = _phrase(c, skip)
            # "which X will begin to fly": the noun is what is flown, told right after
            # the verb that flies it ("to fly the jets out of Heathrow", not "to fly out
            # of Heathrow the jets").
            rel = next((r for r in c.children if r.dep_ in _OBJECT_DEPS and r.i < c.i
                        and r.tag_ in ("WDT", "WP")), None)  # fmt: skip
            noun = _relative_antecedent(rel) if rel is not None else None
            if noun is None:
                others.append(phrase)
                continue
            # Three parts, each rendered in its own order.
            at = next((k + 1 for k, t in enumerate(phrase) if t.i == c.i), len(phrase))
            others += [phrase[:at], _noun_phrase(noun, skip), phrase[at:]]
    kept = _joined_words([_with_score(p) for p in objects + others if p])
    if not kept:
        # A manner adverb is the predicate of a verb with nothing else after it:
        # "markets performed particularly badly", not "markets perform".
        # So is an adverb that heads a phrase: "came close to armed conflict".
        manner = [c for c in verb.children if c.dep_ == "advmod" and c.i > verb.i
                  and c.i not in skip and (c.lower_.endswith("ly")
                  or any(g.dep_ == "prep" and g.i > c.i for g in c.children))]  # fmt: skip
        if manner:
            kept = [[t for t in manner[0].subtree if t.i not in skip]]
    return kept


_MEASURES = frozenset({"PERCENT", "MONEY", "QUANTITY", "CARDINAL"})
# Verbs of telling whose object is who was told, and whose complement clause is what
# ("told reporters on Tuesday that taxes would fall").
_TELL_VERBS = frozenset(
    {"tell", "inform", "assure", "warn", "remind", "notify", "advise", "brief", "reassure",
     "promise", "caution"}
)  # fmt: skip


def _hearer_only(verb: Token, objects: list[list[Token]]) -> bool:
    """``verb`` tells someone something, and its one object is the one told: the line
    goes on to what was told ("Hammond tells reporters that ..."), not stopping at them."""
    if verb.lemma_.lower() not in _TELL_VERBS or len(objects) != 1 or not objects[0]:
        return False
    head = next((t for t in objects[0] if t.head.i == verb.i), None)
    return head is not None and head.dep_ in ("dobj", "dative") and head.pos_ in (
        "NOUN", "PROPN", "PRON")  # fmt: skip


def _measure_object(tok: Token, verb: Token, skip: set[int]) -> bool:
    """An amount after the verb that the parse hangs on it as an adverb (npadvmod):
    a number's noun ("53.5 points") or a percent, money or quantity; never a date."""
    if tok.dep_ != "npadvmod" or tok.i < verb.i or tok.i in skip:
        return False
    if any(t.i in skip or t.ent_type_ in ("DATE", "TIME") for t in tok.subtree):
        return False
    return tok.ent_type_ in _MEASURES or any(
        c.dep_ == "nummod" and c.like_num for c in tok.children
    )


def _second_object(obj: Token, verb: Token) -> bool:
    """``obj`` is a direct object after a comma, the verb having one before it: the
    small model's reading of an appositive to the first ("had seen its fourth loss on
    Thursday, its longest losing streak")."""
    doc = obj.doc
    lo = obj.left_edge.i
    return (
        lo > 0
        and doc[lo - 1].text == ","
        and any(c.dep_ == "dobj" and c.i < obj.i for c in verb.children)
    )


def _next_to_verb(particle: Token, verb: Token) -> bool:
    """``particle`` follows ``verb`` or its object right away: "stepped down", "took six
    months off", "turned the offer down"."""
    if particle.i == verb.i + 1:
        return True
    return any(
        c.dep_ == "dobj" and c.i < particle.i and c.right_edge.i + 1 == particle.i
        for c in verb.children
    )


def _dated_doing(prep: Token, skip: set[int]) -> bool:
    """``prep`` introduces a doing with a calendar date of its own ("won re-election in
    1984 before retiring in 1997"): another event, told with its own date."""
    return any(
        t.dep_ == "pcomp" and t.pos_ == "VERB"
        and any(w.i not in skip and _is_calendar_word(w) and w.ent_type_ == "DATE"
                for w in t.subtree)
        for t in prep.children
    )  # fmt: skip


def _joined_words(phrases: list[list[Token]]) -> list[list[Token]]:
    """Phrases the parse split inside one written word ("re-election" as three objects)
    rejoined: each one that follows the last with no space between."""
    out: list[list[Token]] = []
    for phrase in phrases:
        if out and phrase:
            last = max(out[-1], key=lambda t: t.i)
            first = min(phrase, key=lambda t: t.i)
            if first.i == last.i + 1 and not last.whitespace_:
                out[-1] = [*out[-1], *phrase]
                continue
        out.append(phrase)
    return out


def _tells_a_clause(prep: Token) -> bool:
    """``prep`` introduces a clause with a finite verb and a subject of its own
    ("after it became known that he left ..."): a happening of its own, not a
    complement of this one."""
    if any(
        t.dep_ in ("pcomp", "pobj")
        and t.tag_ in ("VBD", "VBZ", "VBP")
        and any(c.dep_ in _SUBJECTS for c in t.children)
        for t in prep.children
    ):
        return True
    # An absolute "with": its noun has a predicate of its own ("with the first
    # customer, X, due to receive ...", "with unemployment declining"): another happening.
    return prep.lower_ == "with" and any(
        (c.dep_ == "acl" and c.tag_ in ("VBG", "VBN"))
        or (c.pos_ == "ADJ" and c.i > t.i and any(x.dep_ == "xcomp" for x in c.children))
        for t in prep.children
        if t.dep_ == "pobj"
        for c in t.children
    )


# Adverbs that complete a phrasal verb when the parse does not call them particles.
_PARTICLES = frozenset(
    {"back", "away", "down", "up", "out", "off", "home", "apart", "aside", "live", "online",
     "offline", "ahead", "abroad", "public"}
)  # fmt: skip


def _is_other_date(prep: Token, skip: set[int]) -> bool:
    """``prep`` introduces nothing but a calendar date, not this event's own ("in the
    last week of March" stays): the `when` of another event. Not an age ("at the age of
    56"), which the model also calls a date."""
    words = [t for c in prep.children for t in c.subtree]
    if (
        not words
        or any(t.i in skip for t in words)
        or not all(t.ent_type_ in ("DATE", "TIME") or t.is_punct for t in words)
    ):
        return False
    return any(_is_calendar_word(t) for t in words)


def _is_calendar_word(tok: Token) -> bool:
    word = tok.lower_.rstrip(".")
    if word in MONTHS or word in _WEEKDAYS or word in ("today", "yesterday", "tomorrow"):
        return True
    return tok.like_num and len(tok.text) == 4 and tok.text.isdigit()


_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)


def _lost_subject(verb: Token) -> bool:
    """A name right before the verb, across nothing but a quotation mark, that the parse
    hung elsewhere ('from Florida, Montalvo "walked into'): the clause has a subject."""
    return _lost_name(verb) is not None


def _lost_name(verb: Token) -> Token | None:
    """The name ``_lost_subject`` finds, if a finite verb has it."""
    if verb.tag_ not in ("VBZ", "VBD", "VBP"):
        return None
    i = verb.i - 1
    while i >= 0 and verb.doc[i].text in ('"', "“", "'"):
        i -= 1
    tok = verb.doc[i] if i >= 0 else None
    if tok is not None and tok.pos_ == "PROPN" and tok.dep_ in ("appos", "pobj"):
        return tok
    if tok is not None and tok.text == "," and i > 0:
        # "In a press conference at 16:15 UTC, Fritz Henderson, the CEO of GM, which
        # filed ..., outlined a plan": the parse hung the person, with all that is set
        # off after the name, on the fronted phrase; the name opens it after a comma.
        above = verb.doc[i - 1]
        for _ in range(8):
            if (
                above.pos_ == "PROPN"
                and above.ent_type_ == "PERSON"
                and above.dep_ in ("appos", "pobj")
                and above.right_edge.i == i - 1
                and above.left_edge.i > 0
                and verb.doc[above.left_edge.i - 1].text == ","
            ):
                return above
            if above.head.i == above.i or above.head.i > verb.i:
                break
            above = above.head
    return None


def _dates_only(verb: Token, date_tokens: set[int]) -> bool:
    """``verb`` has no word below it but the date's."""
    below = [t.i for c in verb.children for t in c.subtree]
    return bool(below) and all(i in date_tokens for i in below)


def _phrase(head: Token, skip: set[int]) -> list[Token]:
    """``head``'s subtree up to the first comma, relative clause or dash; dates left out."""
    out: list[Token] = []
    for t in head.subtree:
        if t.i < head.i:
            # Not a relative pronoun fronted in its clause ("which X will begin to fly"),
            # nor a description set off after a name ("Ford, the U.S. car maker, will
            # pay"): without its commas it would run into the clause.
            if (
                t.i not in skip
                and not (t.tag_ in ("WDT", "WP") and t.head.i == head.i)
                and not _in_description(t, head)
            ):
                out.append(t)
            continue
        if t.i > head.i and (
            (t.text in (",", "—", "–", ";", ":", "(") and not _joins_numbers(t))
            or _opens_relative(t, head)
        ):
            break
        if t.i in skip:
            continue
        out.append(t)
    # A proper-name appositive inside the phrase stands for its head noun.
    for t in list(out):
        names = [c for c in t.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if t.pos_ != "NOUN" or not names:
            continue
        name = [x for x in names[0].subtree if x.text != "," and not _in_clause(x, names[0])]
        ids = [x.i for x in out]
        if t.i not in ids:
            continue
        idx = ids.index(t.i)
        # The head's whole left part goes, not only its own dependents: "the Beatles'
        # record company, Apple Corps" -> "Apple Corps", not "the ' Apple Corps".
        out = [x for x in out[:idx] if not t.left_edge.i <= x.i < t.i] + name + out[idx + 1 :]
        break
    # "ruled that the law was unconstitutional and ordered the state to pay": an action
    # the parse coordinates with the reported copula is the reporter's, not the law's;
    # the reported clause ends before it.
    if head.dep_ == "ccomp" and head.lemma_ == "be":
        cut = next(
            (c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB"
             and c.lemma_ != "be" and not any(x.dep_ in _SUBJECTS for x in c.children)),
            None,
        )  # fmt: skip
        if cut is not None:
            gone = {t.i for t in cut.subtree} | {
                c.i for c in head.children if c.dep_ == "cc" and c.i < cut.i
            }
            out = [t for t in out if t.i not in gone]
    # A hyphen stays: "charity-flight", not "charityflight".
    return [
        t
        for t in out
        if t.dep_ != "punct" or t.text in ("’s", "'s") or t.tag_ == "HYPH" or _joins_numbers(t)
    ]


def _in_description(t: Token, head: Token) -> bool:
    """``t`` is in an appositive description set off by a comma below ``head`` ("the U.S.
    car maker" of "Ford, the U.S. car maker,"); an appositive name stands for its noun
    and stays."""
    node = t
    while node.i != head.i and node.head.i != node.i:
        if node.dep_ == "appos" and node.pos_ != "PROPN":
            lo = node.left_edge.i
            return lo > 0 and node.doc[lo - 1].text in (",", "—", "–", "(")
        node = node.head
    return False


def _with_score(phrase: list[Token]) -> list[Token]:
    """A number whose score or range the parse split ("Kessel 2 – 1" as "Kessel" and
    "1"): the number before the dash goes with it."""
    first = min(phrase, key=lambda t: t.i)
    doc = first.doc
    if first.like_num and first.i >= 2 and _joins_numbers(doc[first.i - 1]):
        return [doc[first.i - 2], doc[first.i - 1], *phrase]
    return phrase


def _joins_numbers(tok: Token) -> bool:
    """A dash between two numbers, a score or a range ("1 – 0"): part of the phrase."""
    doc = tok.doc
    return (
        tok.text in ("–", "—", "-")
        and 0 < tok.i < len(doc) - 1
        and doc[tok.i - 1].like_num
        and doc[tok.i + 1].like_num
    )


def _is_name(tok: Token) -> bool:
    """A name of one person, body or place; not a people ("100,000 Greeks")."""
    if tok.ent_type_ in ("NORP", "CARDINAL") or any(c.dep_ == "nummod" for c in tok.children):
        return False
    return tok.ent_type_ in ("PERSON", "ORG", "GPE", "FAC", "LOC", "PRODUCT") or (
        tok.pos_ == "PROPN" and tok.tag_ == "NNP"
    )


def _shown_number(verb: Token) -> bool | None:
    """Whether the finite form of ``verb``'s clause is plural, where it shows number
    ("is"/"are", "was"/"were", "reaches"/"reach"); None for a past tense or a modal."""
    for t in (*(c for c in verb.children if c.dep_ in ("aux", "auxpass")), verb):
        if t.tag_ == "MD":
            return None
        if t.tag_ == "VBZ":
            return False
        if t.tag_ == "VBP":
            return t.lower_ not in ("am",)
        if t.tag_ == "VBD" and t.lemma_ == "be":
            return t.lower_ == "were"
    return None


def _titles_of_one(subject: Token) -> bool:
    """ "Apple Computer CEO and co-founder Steve Jobs": titles coordinated before one
    person's name, which the parse reads as a list; one person, singular."""
    conjuncts = [c for c in subject.children if c.dep_ == "conj"]
    if not conjuncts or subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return False
    last = conjuncts[-1]
    return last.ent_type_ == "PERSON" and all(
        c.ent_type_ == "" for c in conjuncts[:-1] if c.pos_ in ("NOUN", "PROPN")
    )


def _is_plural(tok: Token) -> bool:
    # "I" is singular but conjugates like a plural: "I go".
    if tok.tag_ in ("NNS", "NNPS") or tok.lower_ in ("they", "we", "you", "i"):
        return True
    return any(c.dep_ == "conj" for c in tok.children)


_IRREGULAR = {"be": ("is", "are"), "have": ("has", "have"), "do": ("does", "do"),
              "go": ("goes", "go")}  # fmt: skip


# One syllable closed by one consonant: such a verb doubles it before "-ed" ("stop",
# "stopped"), so "fined" cannot be "fin" + "ed".
_SHORT_STEM = re.compile(r"[^aeiou]*[aeiou][^aeiouwxy]")


def _base(form: str, lemma: str) -> str:
    """The verb's base form: the model's lemma, less its clipped "-e" stems ("fined" ->
    "fin", "hoped" -> "hop", "taped" -> "tap"), which would read "fins", "hops"."""
    if form == lemma + "ed" and _SHORT_STEM.fullmatch(lemma):
        return lemma + "e"
    return lemma


def _inflect(verb: Token, plural: bool, negated: bool, modal: str | None) -> str:
    """The verb in the simple present: "arrived" -> "arrives"; modals and negation kept."""
    prefix = _split_prefix(verb)
    lemma = prefix + _base(verb.lower_, verb.lemma_.lower() if verb.lemma_ else verb.lower_)
    form = prefix + verb.lower_
    rest = _split_stem(verb)
    if rest is not None:
        # "will re-open": the parse took the prefix for the verb ("will re").
        lemma = f"{verb.lower_}-{rest.lemma_.lower() or rest.lower_}"
        form = f"{verb.lower_}-{rest.lower_}"
    # Passives keep their voice: "was extradited" -> "is extradited", "can be tested",
    # and so does a reduced relative: "a system backed by X" -> "is backed".
    passive = (verb.tag_ == "VBN" and (
        any(c.dep_ == "auxpass" for c in verb.children)
        or (verb.dep_ in ("acl", "relcl") and not any(c.dep_ == "aux" for c in verb.children))
    )) or _participle_adjunct(verb) or _reduced_schedule(verb) or _shared_passive(verb)  # fmt: skip
    passive = passive and not _misread_main_verb(verb)
    if modal:
        return f"{modal} {'not ' if negated else ''}{f'be {form}' if passive else lemma}"
    if passive:
        return f"{'are' if plural else 'is'} {'not ' if negated else ''}{form}"
    if negated and lemma == "be":
        return f"{'are' if plural else 'is'} not"
    if negated:
        return f"{'do' if plural else 'does'} not {lemma}"
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma][1 if plural else 0]
    if plural:
        return lemma
    if re.search(r"(?:s|sh|ch|x|z|o)$", lemma):
        return lemma + "es"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ies"
    return lemma + "s"


# Adjectives whose infinitive is what is due or likely: "is likely to", "was due to".
_FRAME_ADJECTIVES = frozenset(
    {"likely", "unlikely", "due", "set", "poised", "able", "bound", "certain", "sure", "ready",
     "about", "slated", "scheduled", "expected"}
)  # fmt: skip


def _frame_adjective(verb: Token) -> Token | None:
    """The adjective ``verb`` is the infinitive of, on a copula ("is likely to cut")."""
    head = verb.head
    if verb.dep_ != "xcomp" or not _is_to_inf(verb) or head.pos_ != "ADJ":
        return None
    if head.dep_ != "acomp" or head.lemma_.lower() not in _FRAME_ADJECTIVES:
        return None
    return head if head.head.lemma_ == "be" else None


def _shared_aux(verb: Token) -> list[Token]:
    """The auxiliaries, negation and infinitive "to" that a bare verb coordinated after
    another shares with it ("will cut ... and close", "could raise ... and cut", "to
    review ... and decide"); none for a verb with a tense, a subject or an auxiliary of
    its own ("did not pay taxes in 2019 and paid $750 in 2020")."""
    head = _bare_conj_head(verb)
    if head is None:
        return []
    if any(c.dep_ in ("aux", "auxpass", "neg", *_SUBJECTS) for c in verb.children):
        return []
    own = [c for c in head.children if c.dep_ in ("aux", "neg") and c.i < head.i]
    # A form that may be a past too ("could raise rates and cut them"): under a modal
    # or "to" only, which a past tense could not be.
    if verb.tag_ != "VB" and not any(c.tag_ in ("MD", "TO") for c in own):
        return []
    return own + _shared_aux(head)


def _bare_conj_head(verb: Token) -> Token | None:
    """The verb a bare verb is coordinated with, or None. The parse may hang a bare
    form on a finite verb or participle it cannot share a form with ("are expected to
    start delivering and end": "end" goes with "start", not with "are expected"); the
    last to-infinitive before it in that verb's complements is its partner then."""
    head = verb.head
    if verb.dep_ != "conj" or head.pos_ not in ("VERB", "AUX") or head.i == verb.i:
        return None
    if verb.tag_ != "VB" and not (verb.tag_ in ("VBD", "VBP") and verb.lower_ == verb.lemma_):
        return None
    if verb.tag_ == "VB" and head.tag_ in ("VBD", "VBZ", "VBN") and not _is_to_inf(head):
        node, partner = head, None
        for _ in range(3):
            inner = [c for c in node.children if c.dep_ == "xcomp" and c.i < verb.i]
            if not inner:
                break
            node = inner[-1]
            partner = node if _is_to_inf(node) else partner
        return partner
    return head


def _shared_passive(verb: Token) -> bool:
    """ "was elected in 2018 and re-elected in 2022", "was arrested and charged": a bare
    participle coordinated with a passive shares its "was"; so does one coordinated with
    a copula ("is an airliner under development and scheduled to enter service")."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBN" or head.i == verb.i:
        return False
    if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "dobj") for c in verb.children):
        return False
    copula = head.lemma_.lower() == "be" and any(c.dep_ in ("attr", "acomp") for c in head.children)
    return (head.tag_ == "VBN" and _is_passive(head)) or copula


def _split_prefix(verb: Token) -> str:
    """ "re-elected": the tokenizer splits a hyphenated prefix off the verb ("re", "-",
    "elected"); the line keeps it ("is re-elected", not "is elected")."""
    doc = verb.doc
    if verb.i < 2:
        return ""
    dash, prefix = doc[verb.i - 1], doc[verb.i - 2]
    if dash.text != "-" or dash.whitespace_ or prefix.whitespace_:
        return ""
    if not prefix.is_alpha or len(prefix.text) > 4:
        return ""
    return f"{prefix.lower_}-"


def _split_stem(verb: Token) -> Token | None:
    """The rest of a hyphenated verb whose prefix the parse took for the verb itself
    ("will re-open" parsed as "re", "-", "open"): the word after the hyphen."""
    doc = verb.doc
    if verb.lower_ not in VERB_PREFIXES or verb.whitespace_ or verb.i + 2 >= len(doc):
        return None
    dash, rest = doc[verb.i + 1], doc[verb.i + 2]
    if dash.text != "-" or dash.whitespace_ or not rest.is_alpha:
        return None
    return rest


def _misread_main_verb(verb: Token) -> bool:
    """'The border bill stalled in the Senate on Tuesday', 'A bill to fund border
    technology stalled ...': the model read the sentence as one noun phrase, its only
    verb a participle on the subject or on a noun inside it. With no finite verb in
    the sentence and no agent, the "participle" is the sentence's past tense, and the
    sentence's head noun its subject."""
    root = verb.sent.root
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or verb.i < verb.head.i:
        return False
    if root.pos_ not in ("NOUN", "PROPN") or verb.i < root.i:
        return False
    if any(c.dep_ in ("agent", "aux", "auxpass") for c in verb.children):
        return False
    # A finite verb of its own clause ("after Republicans objected") is below it.
    own = {t.i for t in verb.subtree}
    return not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") and t.i not in own for t in verb.sent)


def _participle_adjunct(verb: Token) -> bool:
    """A past participle set off as an adjunct ("Founded in 1976, the firm grew"; "...,
    announced last November"): the noun it is said of underwent it (passive)."""
    if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "mark") for c in verb.children):
        return False
    # The tagger may read a noun's participle as a past tense ("a version, announced").
    return (verb.tag_ == "VBN" and verb.dep_ == "advcl") or (
        verb.tag_ in ("VBN", "VBD") and verb.dep_ == "acl"
    )


def _in_own_phrase(tok: Token, head: Token) -> bool:
    """``tok`` is ``head`` or a word of its own name ("the new jet"), not of a phrase
    hung on it ("a version of the older model": "model" is not the version's)."""
    for _ in range(8):
        if tok.i == head.i:
            return True
        if tok.dep_ not in ("compound", "flat", "amod", "nummod", "det", "poss", "nmod"):
            return False
        tok = tok.head
    return False


def _reduced_schedule(verb: Token) -> bool:
    """ "laws ... expected next month", "Longhorn, expected in late 2006": a schedule
    verb with nothing it expects and no auxiliary is a passive participle the model
    took for a past tense; nobody "expects"."""
    return (
        verb.lemma_.lower() in _SCHEDULED
        and verb.tag_ in ("VBD", "VBN")
        and not any(
            c.dep_ in ("aux", "auxpass", "dobj", "ccomp", "xcomp", "nsubjpass")
            for c in verb.children
        )
    )


def _render(tokens: Iterable[Token]) -> str:
    out = ""
    last: Token | None = None
    # Each word once: a name put in for its head noun may already be there.
    ordered = _without_bare_asides(sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i))
    for t in ordered:
        # A left-out token (a quotation mark) may have held the only space between two.
        if last is not None and t.i > last.i + 1 and not last.whitespace_:
            gap = t.doc[last.i + 1 : t.i]
            out += " " if any(g.whitespace_ for g in gap) else ""
        # A sentence's first word keeps no capital inside a line ("Apple announces the
        # change ...", "House approves the measure"); the line's own first letter is
        # set by ``_capitalise``.
        out += (t.lower_ if _capital_only_as_first(t) else t.text) + t.whitespace_
        last = t
    return re.sub(r"\s+", " ", out).strip(" ,;:—–-")


def _without_bare_asides(tokens: list[Token]) -> list[Token]:
    """The words of a parenthesis whose brackets were left out go too: "the Penske
    Automotive Group (PAG) was selected" reads "... Group was selected", not "...
    Group PAG was selected"."""
    if not tokens:
        return tokens
    kept = {t.i for t in tokens}
    opened: list[int] = []
    aside: set[int] = set()
    for t in tokens[0].doc[tokens[0].i : tokens[-1].i + 1]:
        if t.text == "(":
            opened.append(t.i)
        elif t.text == ")" and opened:
            opened.pop()
        elif opened and opened[-1] not in kept:
            aside.add(t.i)
    return [t for t in tokens if t.i not in aside]


def _capital_only_as_first(tok: Token) -> bool:
    """``tok`` opens its sentence (after any quotation mark) and is a common word whose
    capital is only the sentence's: "The", "Police", not "Apple", "I" or "NASA"."""
    sent = tok.sent
    if any(not t.is_punct for t in tok.doc[sent.start : tok.i]):
        return False
    text = tok.text
    if len(text) < 2 or not text[0].isupper() or not text[1:].islower() or text == "I":
        return False
    return tok.pos_ not in ("PROPN", "X") and tok.ent_type_ == ""


# Words a cut line must not end on: each opens a phrase whose rest was cut ("... the
# World Wide Developers Conference at Moscone Center in").
_OPEN_ENDS = frozenset(
    {"a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and",
     "or", "but", "as", "into", "onto", "over", "under", "about", "than", "that", "which",
     "who", "whose", "his", "her", "its", "their", "our", "my", "your", "this", "these",
     "those", "is", "are", "be", "not", "after", "before", "since", "while", "if",
     "amongst", "among", "between", "through", "during", "including", "per", "via", "(",
     "-", "–", "—", "&", "would", "will", "could", "can", "may", "might", "should", "must",
     "has", "have", "had", "was", "were", "been", "being", "compared", "such", "because"}
)  # fmt: skip


def _limit(text: str) -> str:
    """``text`` within the word limit, cut where a phrase ends, never in the middle of
    one: words that open a phrase go with the rest of it."""
    words = text.split()
    if len(words) <= _MAX_WHAT_WORDS:
        return _close(text)
    kept = words[:_MAX_WHAT_WORDS]
    while len(kept) > 1 and (
        kept[-1].lower().strip(",;:") in _OPEN_ENDS or kept[-1].endswith(("'s", "’s"))
    ):
        kept.pop()
    return " ".join(kept).rstrip(",;:")


_DANGLING = frozenset(
    {"and", "or", "but", "as", "of", "to", "the", "a", "an", "in", "on", "at", "for", "from",
     "by", "with", "("}
)  # fmt: skip


def _close(text: str) -> str:
    """A line whose last words were left out (a date at its end): no dangling "and"."""
    words = text.split()
    while len(words) > 2 and words[-1].lower() in _DANGLING:
        words.pop()
    return " ".join(words) if len(words) != len(text.split()) else text


def _capitalise(text: str) -> str:
    # A name written with a small first letter keeps it: "iPhone 4", "eBay", "iOS".
    first = text.split(" ", 1)[0]
    if first[:1].islower() and any(ch.isupper() for ch in first[1:]):
        return text
    return text[:1].upper() + text[1:] if text else text


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


def _refs_in(mentions: SpanIndex[Mention], kind: str, spans: list[tuple[int, int]]) -> list[str]:
    seen: list[str] = []
    for start, end in spans:
        seen += [r for r in _refs(mentions, kind, start, end) if r not in seen]
    return seen


def _span_tokens(doc: Doc, spans: list[tuple[int, int]]) -> list[Token]:
    """The tokens of ``spans``, span by span, each span widened to whole tokens."""
    out: list[Token] = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            out.extend(span)
    return out


def _described_refs(mentions: SpanIndex[Mention], kind: str, words: list[Token]) -> list[str]:
    """The names a bare definite description in ``words`` refers back to: "the
    festival" after "the Taipei City Lantern Festival", "the station" after "Chiang Kai
    Shek Memorial Hall Station". The noun must be the last word of the names of exactly
    one actor or place told before it; two such ("the Labour Party", "the Green Party")
    leave "the party" unresolved."""
    out: list[str] = []
    for tok in words:
        if not _bare_description(tok) or mentions.covering(tok.idx):
            continue
        noun = tok.lower_
        refs = {
            m.ref
            for m in mentions.within(0, tok.idx)
            if m.kind == kind and m.text.split()[-1].lower().strip(".,") == noun
        }
        if len(refs) == 1 and (ref := refs.pop()) not in out:
            out.append(ref)
    return out


# Descriptions that say only what kind of thing their referent is: "the city" after
# "Taipei", "the country" after "Japan", "the event" after "the Lantern Festival".
# Not "the capital" ("raise the capital"), not "the state" (a country or a US state).
_CITY_NOUNS = frozenset({"city", "town"})
_COUNTRY_NOUNS = frozenset({"country", "nation"})
_OCCASION_NOUNS = frozenset({"event", "competition", "contest", "tournament"})
_KIND_NOUNS = _CITY_NOUNS | _COUNTRY_NOUNS | _OCCASION_NOUNS
# The last word of a name that says it names an occasion ("FIRST Global Challenge").
_OCCASION_HEADS = frozenset(
    {"festival", "challenge", "cup", "championship", "championships", "games", "olympics",
     "conference", "fair", "expo", "summit", "tournament", "awards", "contest",
     "competition", "marathon", "convention", "forum", "carnival", "olympiad"}
)  # fmt: skip
# How many sentences before the description its referent may be named in.
_KIND_REACH = 2


def _kind_described_refs(
    article: Article,
    mentions: SpanIndex[Mention],
    words: list[Token],
    kinds: Mapping[str, Entity],
    place_kinds: Mapping[str, str],
) -> list[tuple[str, str]]:
    """(mention kind, ref) for each bare description in ``words`` that names only a
    kind ("the city", "the country", "the event") and has one referent of that kind
    named in its sentence before it or in the two before: "... the Taipei Lantern
    Festival. Last year 4 million visitors attended the event." Two of that kind
    there ("Japan ... China ... the country") leave it unresolved: a guess."""
    out: list[tuple[str, str]] = []
    sents = article.sentences
    for tok in words:
        noun = tok.lower_
        if noun not in _KIND_NOUNS:
            continue
        if not _bare_description(tok) or mentions.covering(tok.idx):
            continue
        here = article.sentence_at(tok.idx)
        if here is None:
            continue
        near = sents[max(0, here.index - _KIND_REACH)].start
        # An occasion is often the story's one: "the competition" far from where the
        # FIRST Global Challenge was named is still it, where no other was named before.
        lo = 0 if noun in _OCCASION_NOUNS else near
        found: set[tuple[str, str]] = set()
        for m in mentions.within(lo, tok.idx):
            entity = kinds.get(m.ref)
            if noun in _CITY_NOUNS:
                fits = m.kind == "place" and place_kinds.get(m.ref) == "city"
            elif noun in _COUNTRY_NOUNS:
                fits = m.kind == "actor" and entity is not None and entity.kind == "country"
            else:
                fits = (
                    m.kind == "actor"
                    and entity is not None
                    and entity.kind == "other"
                    and entity.name.split()[-1].lower() in _OCCASION_HEADS
                )
            if fits:
                found.add((m.kind, m.ref))
        if len(found) == 1 and (one := found.pop()) not in out:
            out.append(one)
    return out


def _kind(kinds: Mapping[str, Entity], ref: str) -> str | None:
    entity = kinds.get(ref)
    return entity.kind if entity is not None else None


def _bare_description(tok: Token) -> bool:
    """ "the festival": a common singular noun with "the" and nothing else before it,
    and nothing after that picks out another one ("the station of X", "the party that")."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.dep_ in ("compound", "appos"):
        return False
    left = [c for c in tok.children if c.i < tok.i]
    if len(left) != 1 or left[0].dep_ != "det" or left[0].lower_ != "the":
        return False
    return not any(
        c.dep_ in ("relcl", "appos", "acl") or (c.dep_ == "prep" and c.lower_ == "of")
        for c in tok.children
        if c.i > tok.i
    )


def _refs(mentions: SpanIndex[Mention], kind: str, start: int, end: int) -> list[str]:
    seen: list[str] = []
    for m in mentions.within(start, end):
        if m.kind == kind and m.ref not in seen:
            seen.append(m.ref)
    return seen


# Words an id should not end on: "pezeshkian-arrives-in-iraq", not "...-iraq-for-his".
_SLUG_STOP = frozenset(
    {"a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or",
     "as", "into", "his", "her", "its", "their", "our", "this", "that", "these", "those",
     "is", "are", "be", "not", "than", "after", "before", "since", "over", "about"}
)  # fmt: skip


def slugify(text: str, max_words: int = 6) -> str:
    """An event's id: the first words of what happened, ending on a content word."""
    return _slug(text, max_words=max_words, end_on=_SLUG_STOP) or "event"


def _unique_slug(what: str, taken: set[str]) -> str:
    base = slugify(what)
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug


__all__ = ["DATE_PATTERN", "find_events", "slugify"]

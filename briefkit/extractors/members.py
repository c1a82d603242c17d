"""Bodies named only after a person's name: "Leung Kwok-hung of LSD", "Jane Doe of the
Harbour Alliance", "Tom Ray from the Neo Greens".

Election lists and panels name each member's party or body right after the name
(GUIDE §9: membership stated by "X of Y" is required), and the small model often
reads no name at all in an unfamiliar acronym or party: then the membership is lost
with its endpoint. Read here as names of organizations, only where the form says so:
an acronym, or a run of capitalised words that ends in a body's head word or a plural
proper noun ("Democrats"). A place so written ("Ann Lee of Ohio", "of NSW") is the
gazetteer's and stays the actors component's to type.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

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
    for ent in doc.ents:
        if ent.label_ != "PERSON" or len([t for t in ent if t.is_alpha]) < 2:
            continue  # a lone word may be a surname, or the model's guess at a body
        run = _body_after(ent)
        if run is None or not _reads_as_body(run, body_heads):
            continue
        text = run.text
        if gaz.country(text) or gaz.state(text) or gaz.city(text) or gaz.demonym(text):
            continue
        out.append(Name(run.start_char, run.end_char, text, "ORG", "organization", 2))
    return out


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
    end = k
    while end < len(doc) and _name_word(doc[end]) and "\n" not in doc[end - 1].whitespace_:
        end += 1
    if end == k:
        return None
    run = doc[k:end]
    if any(t.ent_type_ not in _TAIL_LABELS for t in run):
        return None
    if run[-1].ent_type_ and len(run) < 2:
        return None  # "of the Kurds": a people the model knows, no body
    return run


def _name_word(tok: Token) -> bool:
    return tok.tag_ in {"NNP", "NNPS"} and tok.text[:1].isupper() and not tok.is_sent_start


def _reads_as_body(run: Span, body_heads: frozenset[str]) -> bool:
    if len(run) == 1:
        return bool(_ACRONYM.match(run.text))
    last = run[-1]
    return last.text in body_heads or last.tag_ == "NNPS"

"""``briefkit update``: re-run extraction and merge it into a hand-edited briefing, three ways.

The three sides
===============

- **base**: what the extractor said last time, kept beside the briefing as
  ``briefings/<id>/.extracted.yaml`` (written by ``add`` and by every ``update``,
  committed with the briefing). It is the extractor's raw output, briefing-shaped,
  with the extractor's own ids: exactly what ``briefkit extract`` would have printed.
- **theirs**: what the extractor says now.
- **ours**: what ``briefing.yaml`` holds now, edited by a person.

Fact identity
=============

A fact has no hidden identity written into the file: the hand-edited file stays the
contract's shape and nothing in it is there only for the tool. Identity is found
again on every run, by matching facts of the same list between two sides in passes,
each pass pairing only what is left unpaired and only where the pairing is
unambiguous (one candidate on each side):

1. **explicit id**: actors, places and events always carry an ``id``; quotes,
   figures and relations carry one when someone wrote it (the schema allows it,
   and a person who wants a fact's identity pinned can add one).
2. **content fingerprint**: the fields that say which fact it is: an actor's or
   place's name, an event's date and wording, a quote's text, a figure's value and
   unit, a relation's ``from``, ``kind`` and ``to``.
3. **evidence**: the same verbatim span of the article.
4. **resemblance**: the best-scoring remaining pairs whose fields mostly agree
   (equal values, lists that overlap, one text containing the other, ids that read
   alike), best first, above a threshold.

Passes 2 to 4 are how a person's edit of the identifying fields is recognised: an
event whose id was shortened by hand, whose evidence was trimmed and whose wording
was improved still has its date, its ``when`` and most of its actors, and pairs with
the extractor's version. Ids are the anchor other briefings refer to, so ``update``
never rewrites an ``id`` already in the file: when the extractor renames an actor or
place, its references in the extractor's facts are translated to the file's id
before anything is compared. The matching runs base-ours, base-theirs, and then
ours-theirs for what neither had in the base (a fact both the person and the
extractor added is one fact, not two).

Merge rules, per fact and, inside a fact, per field
====================================================

- edited by the person (ours differs from base): the person's version stays;
- deleted by the person (in base, not in ours): stays deleted, and the extractor's
  new facts and values lose their references to it (a relation that would name it
  is not added);
- added by the person (not in base): stays;
- new from the extractor (not in base, not in ours): added, after the fact that
  precedes it in the extractor's output, so article order holds;
- changed by the extractor, untouched by the person: the new version;
- removed by the extractor, untouched by the person: removed, unless something in
  the merged file still refers to it, or it carries a comment;
- a clash (both changed, differently; or one changed what the other deleted): the
  person's side is kept and the clash is reported with its line.

The top of the file merges by the same rules: ``title``, ``summary`` and
``key_points`` as values, ``source`` field by field, ``tags`` as a set (the
extractor's new tags are added, the ones the person removed stay removed).
A comment is a hand edit: a field or fact that carries one is never removed.

The file is edited in place through ruamel.yaml's round-trip tree, so comments, key
order, quoting and the layout of everything the merge did not change survive byte
for byte; new facts are laid out as ``briefkit add`` writes them.

Unchanged articles
==================

``.extracted.yaml`` opens with a stamp of what it was made from: the article's
sha256, the publication date and a fingerprint of the extractor (its source files,
spaCy's and the model's versions). When all three are still the same, extracting
again would give the same facts and the merge would change nothing, so ``update``
skips the briefing without loading the model; ``--force`` re-extracts anyway.

Interrupted updates
===================

``briefing.yaml`` is written first, then ``.extracted.yaml``, each atomically. A run
killed between the two leaves the merged file with the old base; running ``update``
again merges the same extraction into it and finds nothing new to do, since every
change it made is now on both the person's side and the extractor's.
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefkit.article import MAX_ARTICLE_BYTES
from briefkit.draft import extraction_stamp
from briefkit.errors import BriefkitError, Problem
from briefkit.files import read_capped
from briefkit.model import (
    ACTOR,
    EITHER,
    FACT_KINDS,
    FACT_LISTS,
    PLACE,
    DataPath,
    validate_facts,
    validate_shape,
)
from briefkit.store import (
    ARTICLE_FILE,
    BRIEFING_FILE,
    EXTRACTED_FILE,
    MAX_YAML_BYTES,
    briefing_folders,
    commented,
    dump_baseline,
    parse_yaml,
    read_stamp,
    read_yaml,
    write_atomic,
)

# From the registry of fact kinds: which fields name actors or places, and what.
REFERENCES: dict[str, dict[str, str]] = {k.key: dict(k.references) for k in FACT_KINDS}
# Fields a fact cannot be without: if pruning a reference empties one, the fact goes.
REQUIRED_REFERENCES = {k.key: k.required_references for k in FACT_KINDS if k.required_references}
# The fields that say which fact it is (the second matching pass).
FINGERPRINTS: dict[str, tuple[str, ...]] = {k.key: k.identity for k in FACT_KINDS}
TOP_VALUES = ("title", "summary", "key_points")
RESEMBLANCE = 0.6

_MISSING: Any = type("Missing", (), {"__repr__": lambda self: "<missing>"})()


# --------------------------------------------------------------------------- plain data


def plain(value: Any) -> Any:
    """Round-trip nodes as plain Python, comparable with what PyYAML or the model gives."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value if value is None else bool(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        return str(value)
    return value


def _normal(data: dict[str, Any]) -> dict[str, Any]:
    """``date: 2024`` is a year, whichever parser read it."""
    for event in data.get("events") or []:
        if isinstance(event, dict) and isinstance(event.get("date"), int):
            event["date"] = str(event["date"])
    return data


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _key_of(value: Any) -> Any:
    """A hashable, spelling-tolerant form of a value, for fingerprints."""
    if isinstance(value, str):
        return _words(value)
    if isinstance(value, list):
        return tuple(_key_of(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def fingerprint(kind: str, fact: dict[str, Any]) -> tuple[Any, ...] | None:
    keys = FINGERPRINTS[kind]
    if any(fact.get(k) in (None, "", []) for k in keys if k != "unit"):
        return None
    return tuple(_key_of(fact.get(k)) for k in keys)


def _text_likeness(a: str, b: str) -> float:
    if a == b:
        return 1.0
    wa, wb = _words(a), _words(b)
    if wa == wb or (min(len(wa), len(wb)) >= 8 and (wa in wb or wb in wa)):
        return 1.0
    ratio = difflib.SequenceMatcher(None, wa, wb).ratio()
    return ratio if ratio >= 0.8 else 0.0


def resemblance(a: dict[str, Any], b: dict[str, Any]) -> float:
    """How much two versions of a fact agree, 0 to 1, field by field."""
    total, score = 0, 0.0
    for key in dict.fromkeys([*a, *b]):
        total += 1
        x, y = a.get(key, _MISSING), b.get(key, _MISSING)
        if x is _MISSING or y is _MISSING:
            continue
        if x == y:
            score += 1
        elif isinstance(x, str) and isinstance(y, str):
            score += _text_likeness(x, y)
        elif isinstance(x, list) and isinstance(y, list):
            sx, sy = {_key_of(v) for v in x}, {_key_of(v) for v in y}
            score += len(sx & sy) / len(sx | sy) if sx | sy else 1
    return score / total if total else 0.0


# --------------------------------------------------------------------------- matching


def match(kind: str, left: Sequence[dict[str, Any]], right: Sequence[dict[str, Any]],
          lefts: Iterable[int] | None = None, rights: Iterable[int] | None = None,
          ) -> dict[int, int]:  # fmt: skip
    """Pairs (left index -> right index) of the same fact, by the passes the docstring names."""
    free_left = list(range(len(left)) if lefts is None else lefts)
    free_right = list(range(len(right)) if rights is None else rights)
    pairs: dict[int, int] = {}

    def by(key: Callable[[dict[str, Any]], Any]) -> None:
        def index(side: Sequence[dict[str, Any]], free: list[int]) -> dict[Any, list[int]]:
            found: dict[Any, list[int]] = {}
            for i in free:
                k = key(side[i])
                if k is not None:
                    found.setdefault(k, []).append(i)
            return found

        lk, rk = index(left, free_left), index(right, free_right)
        for k, ls in lk.items():
            rs = rk.get(k, [])
            if len(ls) == 1 and len(rs) == 1:
                pairs[ls[0]] = rs[0]
                free_left.remove(ls[0])
                free_right.remove(rs[0])

    by(lambda f: f.get("id") if isinstance(f.get("id"), str) else None)
    by(lambda f: fingerprint(kind, f))
    by(lambda f: _words(f["evidence"]) if isinstance(f.get("evidence"), str) else None)
    scored = sorted(
        ((-resemblance(left[i], right[j]), i, j) for i in free_left for j in free_right),
    )
    taken_left: set[int] = set()
    taken_right: set[int] = set()
    for negative, i, j in scored:
        if -negative < RESEMBLANCE:
            break
        if i in taken_left or j in taken_right:
            continue
        pairs[i] = j
        taken_left.add(i)
        taken_right.add(j)
    return pairs


# --------------------------------------------------------------------------- the report


@dataclass
class Change:
    """One line of an update's summary."""

    action: str  # added | updated | removed | kept | reported
    what: str  # "events pezeshkian-takes-office", "title"
    detail: str = ""
    node: Any = None  # the round-trip node it concerns, to locate it in the written file
    key: str | None = None


ACTIONS = ("added", "updated", "removed", "kept", "reported")


@dataclass
class Update:
    """The outcome of merging one briefing: the new text and what changed in it."""

    path: str
    old_text: str
    text: str
    base: dict[str, Any] | None
    theirs: dict[str, Any]
    changes: list[Change] = field(default_factory=list)
    located: list[tuple[int, int, Change]] = field(default_factory=list)
    # Not re-extracted: the article, its date and the extractor are as last time.
    skipped: bool = False

    @property
    def changed(self) -> bool:
        return self.text != self.old_text

    def count(self, action: str) -> int:
        return sum(1 for c in self.changes if c.action == action)

    def lines(self) -> list[str]:
        """The summary, one ``path:line:col: action what: detail`` line per change."""
        if self.skipped:
            return [
                f"{self.path}: unchanged since the last extraction (same article, date and "
                "extractor): skipped; --force re-extracts it"
            ]
        counts = ", ".join(f"{self.count(a)} {a}" for a in ACTIONS)
        out = [f"{self.path}: {counts}"]
        if self.base is None:
            out.append(
                f"{self.path}:0:0: note: no {EXTRACTED_FILE} beside it, so every fact counts "
                "as written by hand; only new facts are added"
            )
        for line, col, change in self.located:
            detail = f": {change.detail}" if change.detail else ""
            out.append(f"{self.path}:{line}:{col}: {change.action} {change.what}{detail}")
        return out


# --------------------------------------------------------------------------- round-trip edits


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yml = YAML()
    yml.width = 4096
    yml.indent(mapping=2, sequence=4, offset=2)
    yml.preserve_quotes = True
    return yml


def _is_collection(node: Any) -> bool:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    return isinstance(node, CommentedMap | CommentedSeq)


def _tail_slot(node: Any) -> tuple[list[Any], int] | None:
    """Where ruamel keeps the comment that follows a collection's last line, if anywhere.

    That comment holds the end-of-line comment of the last line and then whatever
    lines follow it up to the next item: blank lines, and comments about the next item.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap) and node:
        key = list(node)[-1]
        inner = _tail_slot(node[key]) if _block(node[key]) else None
        if inner and inner[0][inner[1]] is not None:
            return inner
        slot = node.ca.items.get(key)
        if slot and len(slot) > 2 and slot[2] is not None:
            return slot, 2
        return inner
    if isinstance(node, CommentedSeq) and node:
        last = len(node) - 1
        inner = _tail_slot(node[last]) if _block(node[last]) else None
        if inner and inner[0][inner[1]] is not None:
            return inner
        slot = node.ca.items.get(last)
        if slot and slot[0] is not None:
            return slot, 0
        return inner
    return None


def _block(node: Any) -> bool:
    return _is_collection(node) and not node.fa.flow_style()


def _token_text(token: Any) -> str:
    if isinstance(token, list):
        return "".join(t.value for t in token if t is not None)
    return token.value


def take_following(node: Any) -> str:
    """Detach the lines after a collection's last line (keeping its end-of-line comment)."""
    found = _tail_slot(node)
    if found is None:
        return ""
    slot, i = found
    text = _token_text(slot[i])
    head, newline, rest = text.partition("\n")
    if not newline:
        return ""
    if head.strip():
        # In place, so the end-of-line comment keeps its column.
        slot[i].value = head + "\n"
    else:
        slot[i] = None
    return rest


def put_following(node: Any, rest: str) -> None:
    """Attach lines after a collection's last line (what ``take_following`` detached)."""
    if not rest:
        return
    found = _tail_slot(node)
    if found is not None:
        slot, i = found
        head = _token_text(slot[i]).partition("\n")[0]
        slot[i].value = head + "\n" + rest
        return
    from ruamel.yaml.comments import CommentedMap

    # No comment yet: hang it on the deepest last key, where ruamel would have put it.
    while isinstance(node, CommentedMap) and node and _block(node[list(node)[-1]]):
        node = node[list(node)[-1]]
    if isinstance(node, CommentedMap) and node:
        key = list(node)[-1]
        node.ca.items.setdefault(key, [None, None, None, None])[2] = _token("\n" + rest)
    elif node:
        last = len(node) - 1
        node.ca.items.setdefault(last, [None, None, None, None])[0] = _token("\n" + rest)


def _token(text: str) -> Any:
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    return CommentToken(text, CommentMark(0), None)


def _comments_in(node: Any) -> bool:
    """Whether a collection carries a hand-written comment, not counting the lines after it."""
    tail = _tail_slot(node)
    found = False

    def visit(n: Any) -> None:
        nonlocal found
        if not _is_collection(n):
            return
        for slot in list(n.ca.items.values()) + ([n.ca.comment] if n.ca.comment else []):
            for j, token in enumerate(slot or []):
                if token is None:
                    continue
                text = _token_text(token)
                if tail is not None and slot is tail[0] and j == tail[1]:
                    text = text.partition("\n")[0]
                if "#" in text:
                    found = True
        for child in n.values() if hasattr(n, "values") else n:
            visit(child)

    visit(node)
    return found


def _following_has_comment(seq: Any, index: int) -> bool:
    """Whether a comment line stands right before item ``index`` of a sequence."""
    if index == 0:
        return bool(seq.ca.comment and "#" in _token_text(seq.ca.comment[1] or []))
    found = _tail_slot(seq[index - 1])
    if found is None:
        return False
    return "#" in _token_text(found[0][found[1]]).partition("\n")[2]


def _key_comment(node: Any, key: str) -> bool:
    slot = node.ca.items.get(key)
    if not slot:
        return False
    text = "".join(_token_text(t) for t in slot if t is not None and not isinstance(t, list))
    if slot is (_tail_slot(node) or ([], 0))[0]:
        text = text.partition("\n")[0]
    return "#" in text or (_is_collection(node[key]) and _comments_in(node[key]))


def _set_field(node: Any, key: str, value: Any, order: Sequence[str], path: DataPath) -> None:
    """Set, add or delete (``_MISSING``) one field of a round-trip map, keeping its comments."""
    if value is _MISSING:
        if key not in node:
            return
        last = list(node)[-1] == key
        rest = take_following(node) if last else ""
        del node[key]
        node.ca.items.pop(key, None)
        put_following(node, rest)
        return
    new = commented(value, path)
    if key in node:
        node[key] = new
        return
    # A new field goes where the extractor's order puts it, after its predecessor.
    keys = list(node)
    position = 0
    for name in order[: order.index(key)] if key in order else order:
        if name in node:
            position = keys.index(name) + 1
    if position == len(keys):
        rest = take_following(node)
        node.insert(position, key, new)
        put_following(node, rest)
    else:
        node.insert(position, key, new)


def _insert_item(seq: Any, position: int, item: Any) -> None:
    """Insert into a block sequence; the comment lines before the next item stay before it."""
    seq.fa.set_block_style()
    if position > 0:
        rest = take_following(seq[position - 1])
        seq.insert(position, item)
        put_following(item, rest)
    else:
        seq.insert(0, item)


def _remove_item(seq: Any, index: int) -> None:
    rest = take_following(seq[index])
    del seq[index]
    if index > 0:
        put_following(seq[index - 1], rest)
    elif rest and seq.ca.comment:
        seq.ca.comment[1] = [*(seq.ca.comment[1] or []), _token(rest)]


# --------------------------------------------------------------------------- merging


def _label(kind: str, fact: dict[str, Any]) -> str:
    if isinstance(fact.get("id"), str):
        return f"{kind} {fact['id']}"
    if kind == "quotes":
        text = str(fact.get("text", ""))
        return f"quotes {fact.get('speaker') or '?'} “{text[:40]}{'…' if len(text) > 40 else ''}”"
    if kind == "figures":
        return f"figures {fact.get('value')} {fact.get('unit') or ''}".rstrip()
    if kind == "relations":
        return f"relations {fact.get('from')} {fact.get('kind')} {fact.get('to')}"
    return kind


def _short(value: Any) -> str:
    text = repr(value) if value is not _MISSING else "nothing"
    return text if len(text) <= 70 else text[:69] + "…"


class _Merger:
    """One briefing's merge: plans on plain data, then edits the round-trip tree."""

    def __init__(self, doc: Any, base: dict[str, Any] | None, theirs: dict[str, Any]) -> None:
        self.doc = doc
        self.ours = _normal(plain(doc))
        self.base = copy.deepcopy(base) if base is not None else None
        self.theirs = copy.deepcopy(theirs)
        self.changes: list[Change] = []
        # Per kind: pairs base->ours, base->theirs, theirs->ours.
        self.b2o: dict[str, dict[int, int]] = {}
        self.b2t: dict[str, dict[int, int]] = {}
        self.t2o: dict[str, dict[int, int]] = {}

    def facts(self, side: dict[str, Any] | None, kind: str) -> list[dict[str, Any]]:
        if side is None:
            return []
        items = side.get(kind) or []
        return [f if isinstance(f, dict) else {} for f in items]

    # ----------------------------------------------------------------- identity

    def pair(self, kind: str) -> None:
        base, ours, theirs = (self.facts(s, kind) for s in (self.base, self.ours, self.theirs))
        b2o = match(kind, base, ours)
        b2t = match(kind, base, theirs)
        t2o = {b2t[b]: o for b, o in b2o.items() if b in b2t}
        # What neither side had in the base: the same fact found by both is one fact.
        lone_theirs = [t for t in range(len(theirs)) if t not in b2t.values()]
        lone_ours = [o for o in range(len(ours)) if o not in b2o.values()]
        t2o.update(match(kind, theirs, ours, lone_theirs, lone_ours))
        self.b2o[kind], self.b2t[kind], self.t2o[kind] = b2o, b2t, t2o

    def translate(self) -> None:
        """Rewrite base and theirs references in the file's ids, once actors and places pair."""
        maps: dict[str, dict[str, dict[str, str]]] = {"base": {}, "theirs": {}}
        for kind, what in (("actors", ACTOR), ("places", PLACE)):
            ours = self.facts(self.ours, kind)
            for side, pairs in (("base", self.b2o[kind]), ("theirs", self.t2o[kind])):
                facts = self.facts(self.base if side == "base" else self.theirs, kind)
                maps[side][what] = {
                    str(facts[a].get("id")): str(ours[o].get("id"))
                    for a, o in pairs.items()
                    if facts[a].get("id") != ours[o].get("id")
                }
        for side_name, data in (("base", self.base), ("theirs", self.theirs)):
            if data is None:
                continue
            actor, place = maps[side_name][ACTOR], maps[side_name][PLACE]

            def move(ident: Any, what: str, actor: dict = actor, place: dict = place) -> Any:
                if not isinstance(ident, str):
                    return ident
                if what == ACTOR:
                    return actor.get(ident, ident)
                if what == PLACE:
                    return place.get(ident, ident)
                return actor.get(ident, place.get(ident, ident))

            for kind, refs in REFERENCES.items():
                for fact in self.facts(data, kind):
                    for key, what in refs.items():
                        if isinstance(fact.get(key), list):
                            fact[key] = [move(v, what) for v in fact[key]]
                        elif key in fact:
                            fact[key] = move(fact[key], what)

    # ----------------------------------------------------------------- planning

    def run(self) -> list[Change]:
        for kind in ("actors", "places"):
            self.pair(kind)
        self.translate()
        for kind in FACT_LISTS[2:]:
            self.pair(kind)
        self.merge_top()
        plans = {kind: self.plan(kind) for kind in FACT_LISTS}
        self.protect_referenced(plans)
        known = self.known_ids(plans)
        for kind in FACT_LISTS:
            self.apply(kind, plans[kind], known)
        return self.changes

    def merge_fields(
        self,
        b: dict[str, Any] | None,
        o: dict[str, Any],
        t: dict[str, Any],
        node: Any,
        what: str,
        skip: Iterable[str] = ("id",),
    ) -> dict[str, Any]:
        """Field-level three-way merge; returns the fields to set (``_MISSING``: delete).

        ``b`` is None for a fact neither side had in the base. Without any base file,
        everything in the file counts as the person's and differences are not clashes.
        """
        base = b or {}
        updates: dict[str, Any] = {}
        kept: list[str] = []
        clashes: list[tuple[str, str]] = []
        for key in dict.fromkeys([*o, *t, *base]):
            if key in skip:
                continue
            bv, ov, tv = base.get(key, _MISSING), o.get(key, _MISSING), t.get(key, _MISSING)
            if ov == tv:
                continue
            if ov == bv:
                if tv is _MISSING and node is not None and key in node and _key_comment(node, key):
                    clashes.append((key, "the extractor dropped it, but it has your comment"))
                    continue
                updates[key] = tv
            elif tv == bv or self.base is None:
                kept.append(key)
            else:
                clashes.append((key, f"yours {_short(ov)}, the extractor's now {_short(tv)}"))
        if kept:
            self.changes.append(Change("kept", what, "your " + ", ".join(kept), node, kept[0]))
        for key, clash in clashes:
            self.changes.append(
                Change("reported", what, f"clash on {key}: {clash}; kept yours", node, key)
            )
        return updates

    def merge_top(self) -> None:
        """Title, summary and key points as values; the source field by field; tags as a set."""
        b, o, t = self.base or {}, self.ours, self.theirs

        def top(side: dict[str, Any]) -> dict[str, Any]:
            return {k: side[k] for k in TOP_VALUES if k in side}

        for key, value in self.merge_fields(top(b), top(o), top(t), self.doc, "briefing").items():
            if value is _MISSING and key not in self.doc:
                continue
            _set_field(self.doc, key, value, list(t), ())
            action = "removed" if value is _MISSING else "updated"
            self.changes.append(Change(action, "briefing", key, self.doc, key))
        src_o, src_t, src_b = (s.get("source") for s in (o, t, b))
        if isinstance(src_o, dict) and isinstance(src_t, dict):
            node = self.doc["source"]
            src_b = src_b if isinstance(src_b, dict) else None
            for key, value in self.merge_fields(src_b, src_o, src_t, node, "source").items():
                _set_field(node, key, value, list(src_t), ("source",))
                self.changes.append(Change("updated", "source", key, node, key))
        self.merge_tags()

    def merge_tags(self) -> None:
        b = set((self.base or {}).get("tags") or [])
        o = list(self.ours.get("tags") or [])
        t = list(self.theirs.get("tags") or [])
        if self.base is None:
            b = set(o) & set(t)
        added = [tag for tag in t if tag not in b and tag not in o]
        dropped = [tag for tag in o if tag in b and tag not in t]
        if not added and not dropped:
            return
        seq = self.doc.get("tags")
        if isinstance(seq, list):
            for tag in dropped:
                del seq[[str(x) for x in seq].index(tag)]
            seq.extend(added)
        else:
            result = [tag for tag in o if tag not in dropped] + added
            _set_field(self.doc, "tags", result, list(self.theirs), ())
        detail = ", ".join([*(f"+{x}" for x in added), *(f"-{x}" for x in dropped)])
        self.changes.append(Change("updated", "tags", detail, self.doc, "tags"))

    def plan(self, kind: str) -> dict[str, Any]:
        base, ours, theirs = (self.facts(s, kind) for s in (self.base, self.ours, self.theirs))
        b2o, b2t, t2o = self.b2o[kind], self.b2t[kind], self.t2o[kind]
        o2b = {o: b for b, o in b2o.items()}
        t2b = {t: b for b, t in b2t.items()}
        seq = self.doc.get(kind)
        updates: dict[int, dict[str, Any]] = {}
        removals: set[int] = set()
        new: list[int] = []
        for o, fact in enumerate(ours):
            node = seq[o] if seq is not None else None
            b = o2b.get(o)
            t = next((ti for ti, oi in t2o.items() if oi == o), None)
            what = _label(kind, fact)
            if t is None:
                if b is None:
                    self.changes.append(Change("kept", what, "added by you", node))
                elif fact != base[b] or _comments_in(node) or _following_has_comment(seq, o):
                    self.changes.append(
                        Change(
                            "reported",
                            what,
                            "the extractor no longer finds it; you edited it, so it stays",
                            node,
                        )
                    )
                else:
                    removals.add(o)
                continue
            bfact = base[b] if b is not None else None
            upd = self.merge_fields(bfact, fact, theirs[t], node, what)
            if upd:
                updates[o] = upd
        for t, fact in enumerate(theirs):
            if t in t2o:
                continue
            b = t2b.get(t)
            if b is None:
                new.append(t)
                continue
            what = _label(kind, fact)
            if fact != base[b]:
                self.changes.append(
                    Change(
                        "reported",
                        what,
                        "you deleted it and the extractor changed it; it stays deleted",
                        None,
                    )
                )
            else:
                self.changes.append(Change("kept", what, "deleted by you, stays deleted", None))
        return {"updates": updates, "removals": removals, "new": new}

    def protect_referenced(self, plans: dict[str, dict[str, Any]]) -> None:
        """An actor or place the extractor dropped stays while anything names it."""
        named: set[str] = set()

        def name(value: Any) -> None:
            for ident in value if isinstance(value, list) else [value]:
                if isinstance(ident, str):
                    named.add(ident)

        for kind, refs in REFERENCES.items():
            plan = plans[kind]
            theirs = self.facts(self.theirs, kind)
            for o, fact in enumerate(self.facts(self.ours, kind)):
                if o not in plan["removals"]:
                    merged = {**fact, **plan["updates"].get(o, {})}
                    for key in refs:
                        name(merged.get(key))
            for t in plan["new"]:
                for key in refs:
                    name(theirs[t].get(key))
        for kind in ("actors", "places"):
            ours = self.facts(self.ours, kind)
            seq = self.doc.get(kind)
            for o in sorted(plans[kind]["removals"]):
                if ours[o].get("id") in named:
                    plans[kind]["removals"].discard(o)
                    self.changes.append(
                        Change(
                            "reported",
                            _label(kind, ours[o]),
                            "the extractor no longer finds it, but other facts name it: it stays",
                            seq[o],
                        )
                    )

    def known_ids(self, plans: dict[str, dict[str, Any]]) -> dict[str, set[str]]:
        known: dict[str, set[str]] = {}
        for kind, what in (("actors", ACTOR), ("places", PLACE)):
            ours = self.facts(self.ours, kind)
            theirs = self.facts(self.theirs, kind)
            plan = plans[kind]
            ids = {f.get("id") for o, f in enumerate(ours) if o not in plan["removals"]}
            ids |= {theirs[t].get("id") for t in plan["new"]}
            known[what] = {i for i in ids if isinstance(i, str)}
        known[EITHER] = known[ACTOR] | known[PLACE]
        return known

    def prune(
        self, kind: str, fields: dict[str, Any], known: dict[str, set[str]]
    ) -> tuple[dict[str, Any], list[str]]:
        """Drop the extractor's references to actors and places the person deleted."""
        out, dropped = dict(fields), []
        for key, what in REFERENCES[kind].items():
            value = out.get(key, _MISSING)
            if isinstance(value, list):
                kept = [v for v in value if not isinstance(v, str) or v in known[what]]
                dropped += [v for v in value if v not in kept]
                out[key] = kept if kept else _MISSING
            elif isinstance(value, str) and value not in known[what]:
                dropped.append(value)
                out[key] = _MISSING
        return out, dropped

    # ----------------------------------------------------------------- applying

    def apply(self, kind: str, plan: dict[str, Any], known: dict[str, set[str]]) -> None:
        ours = self.facts(self.ours, kind)
        theirs = self.facts(self.theirs, kind)
        seq = self.doc.get(kind)
        order = list(dict.fromkeys(key for fact in theirs for key in fact))
        for o, upd in plan["updates"].items():
            node = seq[o]
            what = _label(kind, ours[o])
            pruned, dropped = self.prune(kind, upd, known)
            changed = []
            for key, value in pruned.items():
                if value is _MISSING and upd[key] is not _MISSING:
                    # Everything the new value names, the person deleted: keep the file's.
                    continue
                _set_field(node, key, value, order, (kind, o))
                changed.append(key)
            if changed:
                self.changes.append(Change("updated", what, ", ".join(changed), node, changed[0]))
            if dropped:
                self.changes.append(
                    Change(
                        "kept",
                        what,
                        "left out the extractor's references to what you deleted: "
                        + ", ".join(dropped),
                        node,
                    )
                )
        removals = [(seq[o], _label(kind, ours[o])) for o in sorted(plan["removals"])]
        # New facts go after the file's fact that the extractor put before them.
        owner = {t: seq[o] for t, o in self.t2o[kind].items()} if seq else {}
        ids = {f.get("id") for f in ours}
        for t in plan["new"]:
            fact, dropped = self.prune(kind, theirs[t], known)
            fact = {k: v for k, v in fact.items() if v is not _MISSING}
            what = _label(kind, theirs[t])
            if any(k not in fact for k in REQUIRED_REFERENCES.get(kind, ())):
                self.changes.append(
                    Change(
                        "reported",
                        what,
                        "new from the extractor but not added: it names "
                        + ", ".join(dropped)
                        + ", which you deleted",
                    )
                )
                continue
            if fact.get("id") is not None and fact.get("id") in ids:
                self.changes.append(
                    Change(
                        "reported",
                        what,
                        "new from the extractor but not added: its id is taken in the file",
                    )
                )
                continue
            ids.add(fact.get("id"))
            if not isinstance(seq, list):
                _set_field(self.doc, kind, [], list(self.theirs), (kind,))
                seq = self.doc[kind]
            before = next((owner[p] for p in range(t - 1, -1, -1) if p in owner), None)
            position = 0
            if before is not None:
                position = next(i for i, x in enumerate(seq) if x is before) + 1
            node = commented(fact, (kind, 0))
            _insert_item(seq, position, node)
            owner[t] = node
            detail = "left out references to what you deleted: " + ", ".join(dropped)
            self.changes.append(Change("added", what, detail if dropped else "", node))
        for node, what in removals:
            index = next(i for i, x in enumerate(seq) if x is node)
            line = node.lc.line + 1
            self.changes.append(
                Change("removed", what, f"the extractor no longer finds it (it was on line {line})")
            )
            _remove_item(seq, index)
        if seq is not None and not seq and plan["removals"]:
            seq.fa.set_flow_style()


def _locate(doc: Any, change: Change) -> tuple[int, int]:
    """Line and column (1-based) of a change's node in the written tree."""
    node = change.node
    if node is None:
        return 0, 0
    try:
        if change.key is not None and change.key in node:
            line, col = node.lc.key(change.key)
            return line + 1, col + 1
        return node.lc.line + 1, node.lc.col + 1
    except (AttributeError, TypeError, KeyError):
        return 0, 0


def merge_text(
    text: str, base: dict[str, Any] | None, theirs: dict[str, Any], path: str = BRIEFING_FILE
) -> Update:
    """Merge ``theirs`` into a briefing's text, with ``base`` as what the extractor said before.

    Pure: reads and writes nothing. Refuses a file that does not validate, since the
    merge would have to guess what a broken fact means.
    """
    data, where, problems = parse_yaml(text, path)
    if not isinstance(data, dict):
        raise BriefkitError([Problem(path, 1, 1, "a briefing is a mapping of fields")])
    _normal(data)
    problems += validate_shape(data, path, where)
    if problems:
        raise BriefkitError(
            [*problems, Problem(path, 0, 0, "fix these first (`briefkit check`); nothing written")]
        )
    yml = _yaml()
    doc = yml.load(text)
    merger = _Merger(doc, _normal(base) if base is not None else None, _normal(theirs))
    changes = merger.run()
    buffer = io.StringIO()
    yml.dump(doc, buffer)
    new_text = buffer.getvalue() if changes_made(changes) else text
    update = Update(path, text, new_text, base, theirs, changes)
    # Lines of the written file: reload it so every change points where it now is.
    final = yml.load(new_text) if update.changed else doc
    if update.changed:
        nodes = _relocate(doc, final)
        for change in changes:
            if change.node is not None:
                change.node = nodes.get(id(change.node), change.node)
    located = [(*_locate(final, c), c) for c in changes]
    order = {a: i for i, a in enumerate(ACTIONS)}
    update.located = sorted(located, key=lambda x: (order[x[2].action], x[0], x[1]))
    new_data, new_where, _ = parse_yaml(new_text, path)
    _normal(new_data)
    broken = validate_shape(new_data, path, new_where)
    if not broken:
        broken = [
            p for p in validate_facts(new_data, path, new_where) if "duplicate id" in p.message
        ]
    if broken:
        # A merge that breaks a valid file is our bug; say so rather than write it.
        raise BriefkitError(
            [Problem(path, 0, 0, f"update would break this file ({broken[0]}); nothing written")]
        )
    return update


def changes_made(changes: list[Change]) -> bool:
    return any(c.action in ("added", "updated", "removed") for c in changes)


def _relocate(old: Any, new: Any) -> dict[int, Any]:
    """Pair nodes of the edited tree with the reloaded one, which knows its lines."""
    pairs: dict[int, Any] = {}

    def walk(a: Any, b: Any) -> None:
        pairs[id(a)] = b
        if isinstance(a, dict) and isinstance(b, dict):
            for key in a:
                if key in b:
                    walk(a[key], b[key])
        elif isinstance(a, list) and isinstance(b, list):
            for x, y in zip(a, b, strict=False):
                walk(x, y)

    walk(old, new)
    return pairs


# --------------------------------------------------------------------------- on disk


def read_baseline(folder: Path) -> dict[str, Any] | None:
    path = folder / EXTRACTED_FILE
    if not path.exists():
        return None
    data, _where, _problems = read_yaml(path, inside=folder.parent)
    if not isinstance(data, dict):
        raise BriefkitError([Problem(str(path), 1, 1, "not a briefing: delete it and rerun add")])
    return data


Extractor = Callable[[Path, dict[str, Any], dict[str, Any] | None], dict[str, Any]]


def extract_again(
    folder: Path, ours: dict[str, Any], base: dict[str, Any] | None
) -> dict[str, Any]:
    """The extractor's facts for a briefing's article, now. Loads the language model.

    The file's publication date anchors relative dates (the person may have fixed
    it); title, outlet and url are what the extractor had last time, since ``add``
    may have been told them, and the id is the file's.
    """
    from briefkit.article import read_article
    from briefkit.draft import briefing_from_article

    source = ours.get("source") if isinstance(ours.get("source"), dict) else {}
    before = (base or {}).get("source") or {}
    article = read_article(folder / (source.get("article") or ARTICLE_FILE), inside=folder.parent)
    briefing = briefing_from_article(
        article,
        _published(folder, ours),
        title=(base or {}).get("title") or ours.get("title"),
        outlet=before.get("outlet") or source.get("outlet"),
        url=before.get("url") or source.get("url"),
        id=ours.get("id"),
    )
    return briefing.to_dict()


def _published(folder: Path, ours: dict[str, Any]) -> dt.date | None:
    """The briefing's publication date, or a located error when it is not a real day."""
    source = ours.get("source") if isinstance(ours.get("source"), dict) else {}
    published = source.get("published")
    if not published:
        return None
    try:
        return dt.date.fromisoformat(str(published))
    except ValueError as exc:
        path = folder / BRIEFING_FILE
        _data, where, _ = read_yaml(path, inside=folder.parent)
        line, col = where(("source", "published"))
        message = f"bad date: {exc}; fix source.published, then run update again"
        raise BriefkitError([Problem(str(path), line, col, message)]) from None


# Bound once: a stand-in swapped into the module (a test's) is not the extractor stamped.
_EXTRACTOR = extract_again


def _stamp_now(folder: Path, ours: dict[str, Any]) -> str | None:
    """The stamp an extraction of this briefing's article would carry now, if it has one."""
    source = ours.get("source") if isinstance(ours.get("source"), dict) else {}
    try:
        raw = read_capped(
            folder / (source.get("article") or ARTICLE_FILE), MAX_ARTICLE_BYTES, folder.parent
        )
    except BriefkitError:
        return None  # extraction reports it, with its path
    published = source.get("published")
    return extraction_stamp(raw, str(published) if published else None)


def update_briefing(folder: Path, extract: Extractor = extract_again, *, dry_run: bool = False,
                    force: bool = False) -> Update:  # fmt: skip
    """Merge a fresh extraction into ``folder/briefing.yaml``; write it, then the baseline.

    With the default extractor, a briefing whose article, publication date and
    extractor are those its ``.extracted.yaml`` was made from is skipped unless
    ``force``: extracting again would give the same facts, and merging them changes
    nothing. (A hand edit of other fields is no reason: the merge keeps it anyway.)
    """
    path = folder / BRIEFING_FILE
    try:
        text = read_capped(path, MAX_YAML_BYTES, folder.parent).decode("utf-8")
    except UnicodeDecodeError:
        raise BriefkitError([Problem(str(path), 1, 1, "not UTF-8 text")]) from None
    ours, _where, _ = parse_yaml(text, str(path))
    ours = ours if isinstance(ours, dict) else {}
    # Another extractor (a test's, a script's) has no fingerprint to compare.
    stamp = _stamp_now(folder, ours) if extract is _EXTRACTOR else None
    if stamp is not None and not force and read_stamp(folder) == stamp:
        return Update(str(path), text, text, None, {}, skipped=True)
    base = read_baseline(folder)
    theirs = extract(folder, ours, base)
    update = merge_text(text, base, theirs, str(path))
    if not dry_run:
        if update.changed:
            write_atomic(path, update.text)
        # Only after the briefing: a run stopped between the two writes reruns cleanly.
        baseline = dump_baseline(theirs, stamp)
        extracted = folder / EXTRACTED_FILE
        try:
            same = read_capped(extracted, MAX_YAML_BYTES, folder.parent) == baseline.encode()
        except BriefkitError:
            same = False
        if not same:
            write_atomic(extracted, baseline)
    return update


def find_briefings(root: Path, names: Sequence[str]) -> list[Path]:
    """The folders named (by id, folder or briefing.yaml path), or all of them."""
    folders = briefing_folders(root)
    if not names:
        return folders
    by_id = {f.name: f for f in folders}
    found, problems = [], []
    for name in names:
        candidate = Path(name)
        if candidate.name == BRIEFING_FILE:
            candidate = candidate.parent
        if (candidate / BRIEFING_FILE).is_file():
            found.append(candidate)
        elif name in by_id:
            found.append(by_id[name])
        else:
            close = difflib.get_close_matches(name, list(by_id), n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            problems.append(
                Problem(
                    str(root / name / BRIEFING_FILE),
                    0,
                    0,
                    f"no briefing {name!r} in {root}/{hint}",
                )
            )
    if problems:
        raise BriefkitError(problems)
    return found

"""Linking a new article's actors and places to the ones the corpus already has.

Ids are global: the same person must be one id in every briefing, so one page
shows all their appearances. After extraction, each actor is looked up by its
name and aliases among the known actors (the registry and earlier briefings);
an exact match of the same kind takes the known id, and every reference to
the old id follows. A name that is only close ("Mohammad" for "Mohammed", a
shared surname) is not merged, since a wrong merge is worse than a missed one;
the analyst is told, and merges by setting the id by hand.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from anyascii import anyascii

from briefkit.model import FACT_KINDS

# Kinds that may name the same thing: a country is also a place.
_COMPATIBLE = {
    "country": {"country", "place"},
    "place": {"place", "country"},
}


@dataclass(frozen=True)
class Known:
    """An actor or place the corpus has already: what linking matches on."""

    id: str
    name: str
    kind: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Link:
    """One extracted actor or place that took a corpus id."""

    key: str  # "actors" or "places"
    name: str
    new_id: str  # the id extraction gave it
    known: Known


@dataclass
class Linked:
    """What linking did: ids it changed, names it saw disagree, near misses for the analyst."""

    merged: dict[str, str] = field(default_factory=dict)  # new id -> known id
    links: list[Link] = field(default_factory=list)
    # A shorter and a fuller name of one id ("Recep Erdogan", "Recep Tayyip Erdogan").
    conflicts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def messages(self) -> list[str]:
        """Every line for the analyst: the links, the name conflicts, then the near misses."""
        lines = [
            f"linked {link.name!r} ({link.new_id}) to corpus {link.key[:-1]} "
            f"{link.known.name!r} ({link.known.id})"
            for link in self.links
        ]
        return [*lines, *self.conflicts, *self.notes]


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """A name as linking compares it: case, accents, "the" and possessives aside."""
    name = name.replace("’", "'")
    folded = anyascii(name)  # as ids fold: "Tromsø" and "Tromso" are one name
    folded = re.sub(r"['’]s?$", "", folded.strip().casefold())
    folded = re.sub(r"^the\s+", "", folded)
    return " ".join(re.findall(r"[a-z0-9]+", folded))


def _index(known: Iterable[Known]) -> dict[str, set[Known]]:
    index: dict[str, set[Known]] = {}
    for item in known:
        for name in (item.name, *item.aliases):
            key = name_key(name)
            if key:
                index.setdefault(key, set()).add(item)
    return index


def _compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    return b in _COMPATIBLE.get(a, set())


def _match(entry: dict[str, Any], index: dict[str, set[Known]]) -> set[Known]:
    keys = {name_key(n) for n in (entry.get("name", ""), *entry.get("aliases", []))}
    found: set[Known] = set()
    for key in keys - {""}:
        found |= {k for k in index.get(key, set()) if _compatible(entry.get("kind"), k.kind)}
    return found


def _close(entry: dict[str, Any], known: Iterable[Known]) -> Known | None:
    """A known actor whose name is near this one's, or a person sharing its surname."""
    key = name_key(entry.get("name", ""))
    best, best_ratio = None, 0.0
    for item in known:
        other = name_key(item.name)
        same_surname = (
            entry.get("kind") == item.kind == "person"
            and key.split()[-1:] == other.split()[-1:]
            and key != other
        )
        matcher = difflib.SequenceMatcher(None, key, other)
        # The quick ratios bound ratio() from above: a name that cannot win is passed
        # over without the full comparison, which a batch makes for every known name.
        floor = best_ratio if same_surname else max(best_ratio, 0.85)
        if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
            continue
        ratio = matcher.ratio()
        if (ratio >= 0.85 or same_surname) and ratio > best_ratio:
            best, best_ratio = item, ratio
    return best


def link(facts: dict[str, Any], actors: list[Known], places: list[Known]) -> Linked:
    """Give the extracted actors and places the corpus's ids where they are the same.

    ``facts`` (contract-shaped, as ``pipeline.run`` returns) is changed in place.
    """
    linked = Linked()
    for key, known in (("actors", actors), ("places", places)):
        index = _index(known)
        known_ids = {k.id for k in known}
        for entry in facts.get(key, []):
            matches = _match(entry, index)
            if len(matches) == 1:
                (match,) = matches
                if match.id != entry["id"]:
                    linked.merged[entry["id"]] = match.id
                    linked.links.append(Link(key, entry.get("name") or "", entry["id"], match))
                    entry["id"] = match.id
            elif len(matches) > 1:
                ids = ", ".join(sorted(m.id for m in matches))
                linked.notes.append(
                    f"{entry.get('name')!r} matches several known {key} ({ids}): not merged; "
                    "set its id by hand"
                )
            elif entry["id"] not in known_ids:
                near = _close(entry, known)
                if near is not None:
                    linked.notes.append(
                        f"new {key[:-1]} {entry.get('name')!r} ({entry['id']}) is close to "
                        f"{near.name!r} ({near.id}) but was not merged; set its id to "
                        f"{near.id} if they are the same"
                    )
    _rename_references(facts, linked.merged)
    linked.conflicts = _name_conflicts(facts, actors, places)
    _drop_duplicates(facts)
    return linked


def _name_conflicts(facts: dict[str, Any], actors: list[Known], places: list[Known]) -> list[str]:
    """Pairs of names of one id where one is the other with words left out.

    Seen after linking, before duplicates are joined: two entries of the article, or an
    entry and the corpus's name, that became one id. Either name may be the one to
    keep (a middle name dropped, or a wrong one added), so the analyst is told.
    A lone surname is an alias, not a conflict: both names need two words or more.
    """
    out: list[str] = []
    for key, known in (("actors", actors), ("places", places)):
        names: dict[str, list[str]] = {}
        for item in known:
            names.setdefault(item.id, []).append(item.name)
        for entry in facts.get(key, []):
            if entry.get("name"):
                names.setdefault(entry["id"], []).append(entry["name"])
        for ident, variants in names.items():
            unique = list(dict.fromkeys(variants))
            for i, a in enumerate(unique):
                for b in unique[i + 1 :]:
                    short, full = sorted((a, b), key=lambda n: len(name_key(n).split()))
                    sw, fw = name_key(short).split(), name_key(full).split()
                    if 2 <= len(sw) < len(fw) and _in_order(sw, fw):
                        out.append(
                            f"{short!r} and {full!r} both name {key[:-1]} {ident}: a shorter and a "
                            "fuller name; keep the right one as its name, the other as an alias"
                        )
    return out


def _in_order(short: list[str], full: list[str]) -> bool:
    """Whether ``short``'s words are ``full``'s with some left out, in the same order."""
    words = iter(full)
    return all(any(w == f for f in words) for w in short)


def _rename_references(facts: dict[str, Any], merged: dict[str, str]) -> None:
    """Every reference of every kind of fact, to the corpus's id of what it names."""
    if not merged:
        return

    def renamed(ident: Any) -> Any:
        return merged.get(ident, ident) if isinstance(ident, str) else ident

    for kind in FACT_KINDS:
        for fact in facts.get(kind.key, []):
            for name in kind.references:
                if isinstance(fact.get(name), list):
                    fact[name] = list(dict.fromkeys(renamed(i) for i in fact[name]))
                elif name in fact:
                    fact[name] = renamed(fact[name])


def _drop_duplicates(facts: dict[str, Any]) -> None:
    """Two entries that linked to one id become one, aliases joined."""
    for key in ("actors", "places"):
        kept: dict[str, dict[str, Any]] = {}
        for entry in facts.get(key, []):
            first = kept.get(entry["id"])
            if first is None:
                kept[entry["id"]] = entry
                continue
            names = [*first.get("aliases", []), entry.get("name"), *entry.get("aliases", [])]
            aliases = [n for n in dict.fromkeys(names) if n and n != first.get("name")]
            if aliases:
                first["aliases"] = aliases
        if key in facts:
            facts[key] = list(kept.values())

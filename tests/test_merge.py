"""``briefkit update``'s three-way merge: hand edits are never lost."""

from __future__ import annotations

import copy
import difflib
import io
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from helpers import REPO
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.strategies import DataObject

from briefkit.errors import BriefkitError
from briefkit.merge import (
    REFERENCES,
    _insert_item,
    _remove_item,
    _yaml,
    find_briefings,
    match,
    merge_text,
    plain,
    update_briefing,
)
from briefkit.model import FACT_LISTS, check_references, validate_facts, validate_shape
from briefkit.store import EXTRACTED_FILE, parse_yaml

SEED_ID = "2024-09-11-iran-president-visits-iraq"
SEED = REPO / "briefings" / SEED_ID

# A modest number of examples in CI; HYPOTHESIS_PROFILE=thorough for a long run.
settings.register_profile(
    "ci", max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
PROFILE = settings.get_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "ci")
    if os.environ.get("HYPOTHESIS_PROFILE") in ("ci", "thorough")
    else "ci"
)


def load(text: str) -> dict[str, Any]:
    data, _, problems = parse_yaml(text, "f.yaml")
    assert problems == []
    return data


def seed_sides() -> tuple[str, dict[str, Any]]:
    text = (SEED / "briefing.yaml").read_text("utf-8")
    return text, load((SEED / EXTRACTED_FILE).read_text("utf-8"))


def dump(doc: Any) -> str:
    buffer = io.StringIO()
    _yaml().dump(doc, buffer)
    return buffer.getvalue()


def problems_of(text: str) -> list[str]:
    """Everything ``briefkit check`` would say of the file alone, evidence aside."""
    data, where, problems = parse_yaml(text, "f.yaml")
    found = [str(p) for p in problems]
    shape = validate_shape(data, "f.yaml", where)
    if shape:
        return found + [str(p) for p in shape]
    found += [str(p) for p in validate_facts(data, "f.yaml", where)]
    actors = {a["id"] for a in data.get("actors") or []}
    places = {p["id"] for p in data.get("places") or []}
    check_references(data, actors, places, lambda loc, msg: found.append(f"{loc}: {msg}"))
    return found


# --------------------------------------------------------------------------- identity


def test_the_seeds_renamed_events_pair_with_what_the_extractor_said() -> None:
    text, base = seed_sides()
    ours = load(text)
    pairs = match("events", base["events"], ours["events"])
    named = {base["events"][b]["id"]: ours["events"][o]["id"] for b, o in pairs.items()}
    assert named["masoud-pezeshkian-arrives-in-iraq-for"] == "pezeshkian-arrives-in-iraq"
    assert named["masoud-pezeshkian-takes-office"] == "pezeshkian-takes-office"
    assert named["baghdads-central-government-relocates-iranian-kurdish"] == (
        "iraq-relocates-kurdish-opposition-groups"
    )
    # Every event the analyst kept pairs; the two they wrote themselves pair with nothing.
    assert sorted(set(o["id"] for o in ours["events"]) - set(named.values())) == [
        "rocket-attack-on-baghdad-airport"
    ]


def test_facts_without_ids_pair_by_content_even_when_edited() -> None:
    _, base = seed_sides()
    ours = load((SEED / "briefing.yaml").read_text("utf-8"))
    pairs = match("figures", base["figures"], ours["figures"])
    # "about 40 miles" became "Komala moved about 40 miles north", with new evidence.
    assert len(pairs) == len(base["figures"])
    assert all(base["figures"][b]["value"] == ours["figures"][o]["value"] for b, o in pairs.items())


# --------------------------------------------------------------------------- the rules


BASE = textwrap.dedent(
    """\
    id: b
    title: T
    source: {outlet: O, published: '2024-01-02', url: null, article: article.txt}
    summary: S
    key_points:
      - K
    tags: [a, b]
    actors:
      - id: ann
        name: Ann
        kind: person
        role: Mayor
        evidence: Mayor Ann
      - id: bob
        name: Bob
        kind: person
        role: Clerk
      - id: cy
        name: Cy
        kind: person
    events:
      - id: ann-speaks
        date: '2024-01-01'
        what: Ann speaks
        actors: [ann]
        evidence: Ann spoke
    """
)


def test_each_rule_once() -> None:
    base = load(BASE)
    ours = BASE.replace("role: Mayor", "role: Mayor of Town  # checked").replace(
        "  - id: cy\n    name: Cy\n    kind: person\n", ""
    )
    theirs = copy.deepcopy(base)
    theirs["actors"][0]["role"] = "Major"  # clash with the person's edit
    theirs["actors"][1]["role"] = "Chief Clerk"  # untouched by the person: updated
    theirs["actors"][2]["role"] = "Baker"  # deleted by the person: stays deleted
    theirs["actors"].append({"id": "dee", "name": "Dee", "kind": "person"})
    theirs["tags"] = ["a", "b", "c"]
    theirs["summary"] = "S2"
    update = merge_text(ours, base, theirs)
    result = load(update.text)
    assert [a["id"] for a in result["actors"]] == ["ann", "bob", "dee"]
    assert result["actors"][0]["role"] == "Mayor of Town"
    assert "role: Mayor of Town  # checked" in update.text
    assert result["actors"][1]["role"] == "Chief Clerk"
    assert result["tags"] == ["a", "b", "c"] and result["summary"] == "S2"
    lines = "\n".join(update.lines())
    assert "1 added, 3 updated, 0 removed" in lines
    assert "f.yaml:12:5: reported actors ann: clash on role" not in lines  # path is the default
    assert ":12:5: reported actors ann: clash on role: yours 'Mayor of Town'" in lines
    assert "kept actors cy: you deleted it and the extractor changed it" not in lines
    assert "reported actors cy: you deleted it and the extractor changed it" in lines


def test_a_fact_the_extractor_dropped_goes_unless_edited_or_named() -> None:
    base = load(BASE)
    theirs = copy.deepcopy(base)
    theirs["actors"] = [a for a in theirs["actors"] if a["id"] not in ("ann", "bob", "cy")]
    theirs["events"] = []
    ours = BASE.replace("role: Clerk", "role: Town Clerk")
    update = merge_text(ours, base, theirs)
    result = load(update.text)
    # Bob was edited, Ann is named by an event the person... did not touch, which goes too;
    # Cy was untouched and goes.
    assert [a["id"] for a in result["actors"]] == ["bob"]
    assert result["events"] == []
    assert problems_of(update.text) == []


def test_an_actor_the_extractor_dropped_stays_while_a_hand_edited_fact_names_it() -> None:
    base = load(BASE)
    theirs = copy.deepcopy(base)
    theirs["actors"] = [a for a in theirs["actors"] if a["id"] != "ann"]
    theirs["events"] = []
    ours = BASE.replace("what: Ann speaks", "what: Ann gives a speech")
    update = merge_text(ours, base, theirs)
    result = load(update.text)
    assert [a["id"] for a in result["actors"]] == ["ann", "bob", "cy"]
    assert "other facts name it" in "\n".join(update.lines())


def test_new_facts_lose_references_to_what_the_person_deleted() -> None:
    base = load(BASE)
    theirs = copy.deepcopy(base)
    theirs["events"].append(
        {"id": "cy-meets-ann", "date": "2024-01-03", "what": "Cy meets Ann",
         "actors": ["cy", "ann"], "evidence": "Cy met Ann"}
    )  # fmt: skip
    theirs["relations"] = [{"from": "cy", "kind": "ally", "to": "ann", "evidence": "Cy and Ann"}]
    ours = BASE.replace("  - id: cy\n    name: Cy\n    kind: person\n", "")
    update = merge_text(ours, base, theirs)
    result = load(update.text)
    assert result["events"][-1]["actors"] == ["ann"]
    assert "relations" not in result
    assert problems_of(update.text) == []


def test_an_extractor_renaming_an_actor_keeps_the_files_id_and_references() -> None:
    base = load(BASE)
    theirs = copy.deepcopy(base)
    theirs["actors"][0]["id"] = "ann-smith"
    theirs["actors"][0]["name"] = "Ann Smith"
    theirs["events"][0]["actors"] = ["ann-smith"]
    update = merge_text(BASE, base, theirs)
    result = load(update.text)
    assert result["actors"][0] == {"id": "ann", "name": "Ann Smith", "kind": "person",
                                   "role": "Mayor", "evidence": "Mayor Ann"}  # fmt: skip
    assert result["events"][0]["actors"] == ["ann"]


def test_both_sides_adding_the_same_fact_make_one() -> None:
    base = load(BASE)
    theirs = copy.deepcopy(base)
    theirs["actors"].append({"id": "dee", "name": "Dee", "kind": "person", "role": "Judge"})
    ours = BASE.replace(
        "events:", "  - id: dee\n    name: Dee\n    kind: person  # added by hand\nevents:"
    )
    update = merge_text(ours, base, theirs)
    result = load(update.text)
    assert [a["id"] for a in result["actors"]].count("dee") == 1
    assert result["actors"][-1]["role"] == "Judge"
    assert "kind: person  # added by hand" in update.text


def test_a_file_that_does_not_validate_is_left_alone() -> None:
    with pytest.raises(BriefkitError, match="fix these first"):
        merge_text(BASE.replace("kind: person", "kind: persn", 1), load(BASE), load(BASE))


def test_rerunning_changes_nothing() -> None:
    text, base = seed_sides()
    theirs = copy.deepcopy(base)
    theirs["actors"][0]["description"] = "Islamic Republic"
    theirs["places"].append({"id": "qom", "name": "Qom", "kind": "city", "evidence": "Qom"})
    once = merge_text(text, base, theirs)
    assert once.changed
    twice = merge_text(once.text, base, theirs)  # as after a run killed before the baseline
    assert twice.text == once.text
    thrice = merge_text(once.text, theirs, theirs)
    assert thrice.text == once.text and not thrice.changed


# --------------------------------------------------------------------------- done when


NEW_EVENT = {
    "id": "pezeshkian-seeks-release-of-iranian-assets",
    "date": "2024-09-11",
    "what": "Pezeshkian is expected to negotiate the release of Iranian assets held in Iraq",
    "actors": ["masoud-pezeshkian", "iraq"],
    "evidence": "Pezeshkian is expected to try to negotiate the release of some $10 billion in "
    "Iranian assets held up in Iraq",
}


REVIEWED = "  # reviewed: Syria is an actor, not a place\n"


def test_done_when_the_seed_keeps_four_hand_edits_and_gains_one_fact(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefkit.cli import main

    root = tmp_path / "briefings"
    shutil.copytree(REPO / "briefings", root)
    folder = root / SEED_ID
    path = folder / "briefing.yaml"
    text = path.read_text("utf-8")
    # An analyst's four edits, in an editor.
    edited = text.replace(
        "    role: President of Iraq\n", "    role: President of the Republic of Iraq\n"
    )
    hostage = (
        "  - id: hostage-crisis\n    date: '1979'\n    when: '1979'\n"
        "    what: Hostage crisis; Iran and the United States have regarded each other as "
        "enemies since\n    actors: [iran, united-states]\n    evidence: the 1979 hostage crisis\n"
    )
    assert hostage in edited
    edited = edited.replace(hostage, "")
    edited = edited.replace(
        "  - id: syria\n", "  # reviewed: Syria is an actor, not a place\n  - id: syria\n"
    )
    edited = edited.replace(
        "\nplaces:\n",
        "  - id: shia-muslims\n    name: Shia Muslims\n    kind: group\n"
        "    evidence: Shia Muslims\n\nplaces:\n",
    )
    path.write_text(edited, "utf-8")
    base = load((folder / EXTRACTED_FILE).read_text("utf-8"))
    theirs = copy.deepcopy(base)
    theirs["events"].append(NEW_EVENT)

    update = update_briefing(folder, lambda *_: theirs)
    result = path.read_text("utf-8")
    data = load(result)
    actors = {a["id"]: a for a in data["actors"]}
    assert actors["abdul-latif-rashid"]["role"] == "President of the Republic of Iraq"
    assert "hostage-crisis" not in {e["id"] for e in data["events"]}
    assert f"{REVIEWED}  - id: syria\n" in result
    assert actors["shia-muslims"]["name"] == "Shia Muslims"
    # In the extractor's order: after the last event it found, before the analyst's own.
    ids = [e["id"] for e in data["events"]]
    assert data["events"][ids.index(NEW_EVENT["id"])] == NEW_EVENT
    assert ids[-3:] == [
        "iraq-extradites-behzad-khosravi-to-iran",
        NEW_EVENT["id"],
        "rocket-attack-on-baghdad-airport",
    ]
    assert update.count("added") == 1 and update.count("updated") == 0
    assert main(["check", "--root", str(root)]) == 0
    assert "1 briefing(s) OK" in capsys.readouterr().out
    # The textual diff against the edited file shows the new fact and nothing else.
    diff = [
        line
        for line in difflib.unified_diff(edited.splitlines(), result.splitlines(), lineterm="")
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    added_lines = [
        "  - id: pezeshkian-seeks-release-of-iranian-assets",
        "    date: '2024-09-11'",
        f"    what: {NEW_EVENT['what']}",
        "    actors: [masoud-pezeshkian, iraq]",
        f"    evidence: {NEW_EVENT['evidence']}",
    ]
    assert diff == ["+" + line for line in added_lines]
    # The baseline is now what the extractor said this time.
    assert load((folder / EXTRACTED_FILE).read_text("utf-8")) == theirs


def test_update_on_the_seed_keeps_every_hand_correction() -> None:
    """The committed baseline is the extraction the analyst corrected: nothing to undo."""
    text, base = seed_sides()
    update = merge_text(text, base, base)
    assert not update.changed and update.count("reported") == 0


# --------------------------------------------------------------------------- interrupted


KILLED_UPDATE = """
import json, sys, time
from pathlib import Path
import briefkit.merge as merge
theirs = json.loads(sys.argv[2])
stop_at = sys.argv[3]
real = merge.write_atomic
def write_atomic(path, text):
    if stop_at == "briefing" and path.name == "briefing.yaml":
        import briefkit.store as store
        real_fdopen = store.os.fdopen
        class Slow:
            def __init__(self, h): self.h = h
            def __enter__(self): return self
            def __exit__(self, *a): return self.h.__exit__(*a)
            def write(self, text):
                self.h.write(text[: len(text) // 2]); self.h.flush()
                print("stopped", flush=True); time.sleep(60)
            def flush(self): self.h.flush()
            def fileno(self): return self.h.fileno()
        store.os.fdopen = lambda *a, **k: Slow(real_fdopen(*a, **k))
        store.write_atomic(path, text)
    if stop_at == "baseline" and path.name == ".extracted.yaml":
        print("stopped", flush=True); time.sleep(60)
    real(path, text)
merge.write_atomic = write_atomic
merge.update_briefing(Path(sys.argv[1]), lambda *_: theirs)
"""


def killed_update(folder: Path, theirs: dict[str, Any], stop_at: str) -> None:
    import json

    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_UPDATE, str(folder), json.dumps(theirs), stop_at],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "stopped"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


@pytest.mark.slow
def test_an_update_killed_mid_write_leaves_the_old_file_intact(tmp_path: Path) -> None:
    folder = tmp_path / SEED_ID
    shutil.copytree(SEED, folder)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    _, base = seed_sides()
    theirs = copy.deepcopy(base)
    theirs["events"].append(NEW_EVENT)
    killed_update(folder, theirs, "briefing")
    after = {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.endswith(".tmp")}
    assert after == before


@pytest.mark.slow
def test_an_update_killed_between_its_two_writes_is_finished_by_a_rerun(tmp_path: Path) -> None:
    folder, clean = tmp_path / "killed" / SEED_ID, tmp_path / "clean" / SEED_ID
    shutil.copytree(SEED, folder)
    shutil.copytree(SEED, clean)
    _, base = seed_sides()
    theirs = copy.deepcopy(base)
    theirs["events"].append(NEW_EVENT)
    theirs["actors"][0]["description"] = "Islamic Republic"
    killed_update(folder, theirs, "baseline")
    # The merged briefing is in place, whole; the baseline is still the old one.
    assert load((folder / EXTRACTED_FILE).read_text("utf-8")) == base
    assert NEW_EVENT["id"] in (folder / "briefing.yaml").read_text("utf-8")
    rerun = update_briefing(folder, lambda *_: theirs)
    assert not rerun.changed
    update_briefing(clean, lambda *_: theirs)
    for name in ("briefing.yaml", EXTRACTED_FILE):
        assert (folder / name).read_text("utf-8") == (clean / name).read_text("utf-8")


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / SEED_ID
    shutil.copytree(SEED, folder)
    (folder / EXTRACTED_FILE).unlink()
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    _, base = seed_sides()
    update = update_briefing(folder, lambda *_: base, dry_run=True)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert "every fact counts as written by hand" in "\n".join(update.lines())


def test_an_unknown_briefing_is_named_with_a_suggestion(tmp_path: Path) -> None:
    with pytest.raises(BriefkitError) as err:
        find_briefings(REPO / "briefings", ["2024-09-11-iran-president-visits-irak"])
    (problem,) = err.value.problems
    assert problem.message.startswith("no briefing '2024-09-11-iran-president-visits-irak'")
    assert f"did you mean {SEED_ID!r}" in problem.message


# --------------------------------------------------------------------------- properties


EDITABLE = {
    "actors": ("role", "description", "name"),
    "places": ("name",),
    "events": ("what", "when"),
    "quotes": ("text",),
    "figures": ("text", "unit"),
    "relations": ("kind",),
}


def hand_value(key: str, n: int) -> str:
    # A relation's kind is an id-like word; the rest is free text.
    return f"hand-kind-{n}" if key == "kind" else f"hand edit {n}"


def named_ids(data: dict[str, Any]) -> set[str]:
    named: set[str] = set()
    for kind, refs in REFERENCES.items():
        for fact in data.get(kind) or []:
            for key in refs:
                value = fact.get(key)
                named.update(value if isinstance(value, list) else [value])
    return {n for n in named if isinstance(n, str)}


class HandEdits:
    """Edits an analyst makes in an editor, on the round-trip tree, and what must survive."""

    def __init__(self, text: str) -> None:
        self.doc = _yaml().load(text)
        self.n = 0
        # (kind, key, value) of the latest edit of each field, by (node, key).
        self.edited: dict[tuple[int, str], tuple[str, str, str]] = {}
        self.deleted: list[tuple[str, dict[str, Any]]] = []
        self.added: list[tuple[str, Any]] = []  # (kind, node): checked as it ends up
        self.comments: dict[str, int] = {}  # comment -> id of the node carrying it
        self.gone: list[Any] = []
        self.touched: set[tuple[str, str]] = set()  # (kind, id) of facts edited by hand

    def kinds(self) -> list[str]:
        return [k for k in FACT_LISTS if self.doc.get(k)]

    def change_field(self, data: DataObject) -> None:
        kind = data.draw(st.sampled_from(self.kinds()))
        seq = self.doc[kind]
        i = data.draw(st.integers(0, len(seq) - 1))
        key = data.draw(st.sampled_from(EDITABLE[kind]))
        self.n += 1
        value = hand_value(key, self.n)
        seq[i][key] = value
        self.edited[(id(seq[i]), key)] = (kind, key, value)
        self.touched.add((kind, str(seq[i].get("id"))))

    def delete_fact(self, data: DataObject) -> None:
        named = named_ids(plain(self.doc))
        kind = data.draw(st.sampled_from(self.kinds()))
        seq = self.doc[kind]
        free = [i for i, f in enumerate(seq) if f.get("id") not in named]
        if not free:
            return
        i = data.draw(st.sampled_from(free))
        fact = plain(seq[i])
        # Deleting a fact one edited is allowed; then the edit goes with it.
        self.edited = {k: v for k, v in self.edited.items() if k[0] != id(seq[i])}
        self.comments = {k: v for k, v in self.comments.items() if v != id(seq[i])}
        self.gone.append(seq[i])  # held, so no later node reuses its id()
        self.added = [(k, node) for k, node in self.added if node is not seq[i]]
        self.deleted.append((kind, fact))
        _remove_item(seq, i)

    def add_fact(self, data: DataObject) -> None:
        self.n += 1
        actors = [a["id"] for a in self.doc.get("actors") or []]
        kind = data.draw(st.sampled_from(["actors", "events", "relations"]))
        if kind != "actors" and len(actors) < 2:
            return
        if kind == "actors":
            fact = {"id": f"hand-actor-{self.n}", "name": f"Hand Actor {self.n}", "kind": "person"}
        elif kind == "events":
            fact = {"id": f"hand-event-{self.n}", "date": "2024-09", "what": f"hand {self.n}",
                    "actors": actors[:1], "evidence": f"hand evidence {self.n}"}  # fmt: skip
        else:
            fact = {"from": actors[0], "kind": f"hand-rel-{self.n}", "to": actors[1],
                    "evidence": f"hand evidence {self.n}"}  # fmt: skip
        from briefkit.store import commented

        if not isinstance(self.doc.get(kind), list):
            return
        seq = self.doc[kind]
        node = commented(fact, (kind, 0))
        _insert_item(seq, data.draw(st.integers(0, len(seq))), node)
        self.added.append((kind, node))

    def add_comment(self, data: DataObject) -> None:
        kind = data.draw(st.sampled_from(self.kinds()))
        seq = self.doc[kind]
        i = data.draw(st.integers(0, len(seq) - 1))
        self.n += 1
        note = f"hand comment {self.n}"
        # Not on the last key, whose comment slot also holds the lines after the fact,
        # nor on a key that has one already: an editor appends, ruamel would replace.
        keys = [k for k in list(seq[i])[:-1] if not seq[i].ca.items.get(k)]
        if not keys:
            return
        key = data.draw(st.sampled_from(keys))
        seq[i].yaml_add_eol_comment(note, key)
        self.comments[note] = id(seq[i])
        self.touched.add((kind, str(seq[i].get("id"))))

    def reorder(self, data: DataObject) -> None:
        kind = data.draw(st.sampled_from(self.kinds()))
        seq = self.doc[kind]
        if len(seq) < 2:
            return
        i = data.draw(st.integers(0, len(seq) - 1))
        item = seq[i]
        _remove_item(seq, i)
        _insert_item(seq, data.draw(st.integers(0, len(seq))), item)


def extractor_changes(data: DataObject, base: dict[str, Any]) -> dict[str, Any]:
    """What a changed extractor says: new facts, changed values, facts it no longer finds."""
    theirs = copy.deepcopy(base)
    for n in range(1, data.draw(st.integers(0, 6), label="extractor changes") + 1):
        what = data.draw(st.sampled_from(["add", "change", "drop"]))
        kind = data.draw(st.sampled_from(["actors", "events", "relations", "quotes"]))
        facts = theirs.setdefault(kind, [])
        actors = [a["id"] for a in theirs["actors"]]
        if what == "add":
            fact = {
                "actors": {"id": f"new-actor-{n}", "name": f"New Actor {n}", "kind": "person"},
                "events": {"id": f"new-event-{n}", "date": "2024-09-12", "what": f"new {n}",
                           "actors": actors[-2:], "evidence": f"new evidence {n}"},
                "relations": {"from": actors[0], "kind": f"new-rel-{n}", "to": actors[-1],
                              "evidence": f"new evidence {n}"},
                "quotes": {"speaker": actors[1], "text": f"new quote {n}",
                           "evidence": f"new evidence {n}"},
            }[kind]  # fmt: skip
            facts.insert(data.draw(st.integers(0, len(facts))), fact)
        elif facts and what == "change":
            key = {"actors": "description", "events": "what", "relations": "evidence",
                   "quotes": "evidence"}[kind]  # fmt: skip
            data.draw(st.sampled_from(facts))[key] = f"extractor v2 {n}"
        elif facts:
            named = named_ids(theirs)
            free = [f for f in facts if f.get("id") not in named]
            if free:
                facts.remove(data.draw(st.sampled_from(free)))
    return theirs


def found(facts: list[dict[str, Any]], fact: dict[str, Any]) -> bool:
    if "id" in fact:
        return any(f.get("id") == fact["id"] for f in facts)
    return any(all(f.get(k) == fact.get(k) for k in ("from", "kind", "to", "text", "value"))
               for f in facts)  # fmt: skip


SEED_TEXT, SEED_BASE = seed_sides()
EDIT_STEPS = st.lists(
    st.sampled_from(["change_field", "delete_fact", "add_fact", "add_comment", "reorder"]),
    max_size=8,
)


@pytest.mark.slow  # tens of seconds in one process
@PROFILE
@given(st.data())
def test_hand_edits_survive_any_update(data: DataObject) -> None:
    edits = HandEdits(SEED_TEXT)
    for step in data.draw(EDIT_STEPS, label="hand edits"):
        getattr(edits, step)(data)
    ours = dump(edits.doc)
    assert problems_of(ours) == []
    theirs = extractor_changes(data, SEED_BASE)
    update = merge_text(ours, SEED_BASE, theirs)
    result = load(update.text)

    # Every hand edit is still there; no deleted fact came back; comments intact.
    for kind, key, value in edits.edited.values():
        assert any(f.get(key) == value for f in result.get(kind) or []), (kind, key, value)
    for kind, node in edits.added:
        assert found(result.get(kind) or [], plain(node)), plain(node)
    for kind, fact in edits.deleted:
        assert not found(result.get(kind) or [], fact), fact
    for note in edits.comments:
        assert f"# {note}" in update.text
    result_lines = update.text.splitlines()
    for line in ours.splitlines():
        if "#" in line:
            comment = line[line.index("#") :]
            assert any(comment in other for other in result_lines), comment
    assert problems_of(update.text) == []

    # The extractor's new facts arrive unless they name only what the person deleted.
    for fact in theirs.get("actors") or []:
        if not any(fact["id"] == f.get("id") for f in SEED_BASE["actors"]):
            assert any(f["id"] == fact["id"] for f in result["actors"]), fact
    # And a second run with nothing new changes nothing.
    assert merge_text(update.text, theirs, theirs).text == update.text

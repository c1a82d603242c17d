"""scripts/migrate_ids.py renames the ids the old slug rules made, everywhere, and only those."""

from __future__ import annotations

import sys

from helpers import REPO

sys.path.insert(0, str(REPO / "scripts"))
import migrate_ids

BRIEFING = """\
# yaml-language-server: $schema=../../schema/briefing.schema.json
id: b1
title: Guard changes
source: {outlet: X, published: 2025-01-01, url: null, article: article.txt}
actors:
  - {id: iran-s-guard, name: Iran's Guard, kind: organization}  # my note
  - {id: the-guard, name: O’Leary Guard, kind: organization}
  - {id: tehrans-council, name: Tehran’s Council, kind: organization}
events:
  - id: iran-guard-oleary-resigns
    date: 2025-01-01
    what: Iran’s guard O’Leary resigns
    actors: [iran-s-guard, the-guard, tehrans-council]
    evidence: resigns
"""
OTHER = """\
id: b2
title: Later
source: {outlet: X, published: 2025-02-01, url: null, article: article.txt}
actors:
  - {id: iran-s-guard}
relations:
  - {from: iran-s-guard, kind: rival, to: the-guard, evidence: rivals}
"""


def test_old_ids_are_renamed_everywhere_and_chosen_ones_are_kept(tmp_path) -> None:
    root = tmp_path / "briefings"
    for name, text in (("b1", BRIEFING), ("b2", OTHER)):
        (root / name).mkdir(parents=True)
        (root / name / "briefing.yaml").write_text(text, "utf-8")
    (root / "b1" / ".extracted.yaml").write_text(BRIEFING, "utf-8")
    table = migrate_ids.migrate(root, dry_run=True)
    assert table == {
        "iran-s-guard": "iran-guard",
        "tehrans-council": "tehran-council",
        "iran-guard-oleary-resigns": "iran-guard-o-leary-resigns",
    }
    assert (root / "b1" / "briefing.yaml").read_text("utf-8") == BRIEFING  # a dry run
    migrate_ids.migrate(root)
    b1 = (root / "b1" / "briefing.yaml").read_text("utf-8")
    assert "id: iran-guard, name: Iran's Guard" in b1 and "# my note" in b1
    assert "id: iran-guard-o-leary-resigns" in b1
    assert "actors: [iran-guard, the-guard, tehran-council]" in b1  # a chosen id stays
    assert b1.startswith("# yaml-language-server")
    assert (root / "b1" / ".extracted.yaml").read_text("utf-8") == b1
    b2 = (root / "b2" / "briefing.yaml").read_text("utf-8")
    assert "{id: iran-guard}" in b2 and "from: iran-guard" in b2 and "to: the-guard" in b2
    assert migrate_ids.migrate(root) == {}  # run again: nothing left to rename


def test_the_repository_corpus_has_no_id_to_rename() -> None:
    assert migrate_ids.migrate(REPO / "briefings", dry_run=True) == {}

"""A refactor changes neither the site nor the extraction: the seed against its snapshot.

``tests/fixtures/seed-snapshot.json`` was written by ``scripts/snapshot_seed.py``
before the refactor of issue #12 (commit 93b96ea) and matched after it; the reader
fixes of issue #14 then changed the pages on purpose and wrote it again. An
intended change of the pages or of the extraction rewrites it in the same commit
(``scripts/snapshot_seed.py --write``), so the diff shows that it was meant.
"""

from __future__ import annotations

import json
import sys

from helpers import REPO

sys.path.insert(0, str(REPO / "scripts"))
import snapshot_seed


def kept() -> dict[str, object]:
    return json.loads(snapshot_seed.SNAPSHOT.read_text("utf-8"))


def test_the_seed_renders_the_same_pages_and_exports() -> None:
    before, now = kept()["pages"], snapshot_seed.pages()
    assert isinstance(before, dict)
    changed = sorted(p for p in set(before) | set(now) if before.get(p) != now.get(p))
    assert changed == [], (
        f"pages changed: {changed}; if that is meant, run scripts/snapshot_seed.py --write"
    )


def test_the_seed_is_drafted_the_same() -> None:
    assert snapshot_seed.draft() == kept()["draft"], (
        "the seed's draft changed; if that is meant, run scripts/snapshot_seed.py --write"
    )

"""The seed's generated pages and its first draft, as a snapshot a refactor must keep.

    .venv/bin/python scripts/snapshot_seed.py            # compare with the snapshot
    .venv/bin/python scripts/snapshot_seed.py --write    # write it (after an intended change)

The snapshot (``tests/fixtures/seed-snapshot.json``) holds the sha256 of every page
and export ``briefkit render`` makes from ``briefings/``, and the YAML that
``briefkit.extract`` drafts from the seed article. ``tests/test_snapshot.py``
compares the two with it: a change of code that should change neither the site
nor the extraction (a refactor) must leave them equal. An intended change of
either rewrites the snapshot with ``--write``, in the same commit.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SNAPSHOT = REPO / "tests" / "fixtures" / "seed-snapshot.json"
SEED = "2024-09-11-iran-president-visits-iraq"


def pages() -> dict[str, str]:
    from briefkit.render import render_site
    from briefkit.store import open_corpus

    corpus, problems = open_corpus(REPO / "briefings")
    if problems:
        raise SystemExit("\n".join(str(p) for p in problems))
    out = {}
    for path, content in sorted(render_site(corpus, REPO / "templates").items()):
        data = content.encode("utf-8") if isinstance(content, str) else content
        out[path] = hashlib.sha256(data).hexdigest()
    return out


def draft() -> str:
    import briefkit
    from briefkit.store import dump_briefing

    folder = REPO / "briefings" / SEED
    text = (folder / "article.txt").read_text("utf-8")
    briefing = briefkit.extract(text, published="2024-09-11", id=SEED)
    return dump_briefing(briefing.to_dict())


def now() -> dict[str, Any]:
    return {"pages": pages(), "draft": draft()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="write the snapshot")
    args = parser.parse_args()
    current = now()
    if args.write:
        SNAPSHOT.write_text(json.dumps(current, indent=1, sort_keys=True) + "\n", "utf-8")
        print(f"wrote {SNAPSHOT.relative_to(REPO)}: {len(current['pages'])} pages and the draft")
        return 0
    kept = json.loads(SNAPSHOT.read_text("utf-8"))
    changed = sorted(
        p for p in set(kept["pages"]) | set(current["pages"])
        if kept["pages"].get(p) != current["pages"].get(p)
    )  # fmt: skip
    for path in changed:
        print(f"page changed: {path}")
    if kept["draft"] != current["draft"]:
        print("the seed's draft changed")
    return 1 if changed or kept["draft"] != current["draft"] else 0


if __name__ == "__main__":
    sys.exit(main())

"""Rename the ids that briefkit's three old slug rules made, to the one policy's.

    .venv/bin/python scripts/migrate_ids.py --dry-run     # what it would rename
    .venv/bin/python scripts/migrate_ids.py               # rename, in every file

Until the one policy (``briefkit.article.slugify``), an id came from one of three
rules that disagreed on apostrophes: "Iran’s" was ``irans`` (briefing ids),
``iran-s`` (actors and places) or ``iran`` (events). An id that one of the old
rules made from its entry's name (or an event's ``what``), and that the policy
makes differently, is renamed, everywhere it stands: in every ``briefing.yaml``,
every ``.extracted.yaml`` baseline (so ``update`` sees no false edits) and the
registry. Ids are global, so one map serves the whole folder. Comments and layout
are kept (round-trip YAML) and every file is written whole or not at all. An id a
person chose (one no old rule makes from the name) is never touched.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


# The three old rules, as they were.
def _old_place(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def _old_title(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", re.sub(r"['’]", "", folded.lower())))


def _old_event(text: str) -> str:
    from briefkit.extractors.events import _SLUG_STOP

    text = re.sub(r"['’]s\b", "", text.lower()).replace("’", "").replace("'", "")
    words = re.findall(r"[a-z0-9]+", text)[:6]
    while len(words) > 1 and words[-1] in _SLUG_STOP:
        words.pop()
    return "-".join(words) or "event"


def renames(docs: list[Any]) -> dict[str, str]:
    """Old id -> the policy's, for every actor, place and event whose id an old rule made."""
    from briefkit.article import slugify
    from briefkit.extractors.events import slugify as event_slug

    found: dict[str, str] = {}
    for doc in docs:
        if not isinstance(doc, dict):
            continue
        for key in ("actors", "places"):
            for entry in doc.get(key) or []:
                ident, name = entry.get("id"), entry.get("name")
                if isinstance(ident, str) and isinstance(name, str):
                    new = slugify(name)
                    if new and ident != new and ident in (_old_place(name), _old_title(name)):
                        found[ident] = new
        for event in doc.get("events") or []:
            ident, what = event.get("id"), event.get("what")
            if isinstance(ident, str) and isinstance(what, str):
                old, new = _old_event(what), event_slug(what)
                # An event id may carry a "-2" that kept it unique.
                if old != new and (ident == old or re.fullmatch(rf"{re.escape(old)}-\d+", ident)):
                    found[ident] = new + ident[len(old) :]
    return found


def _rename(node: Any, table: dict[str, str], fields: set[str]) -> int:
    """Rename ids in place, in id and reference fields only; how many values changed."""
    changed = 0
    if isinstance(node, dict):
        for key in list(node):
            value = node[key]
            if key in fields and isinstance(value, str) and value in table:
                node[key] = table[value]
                changed += 1
            elif key in fields and isinstance(value, list):
                # An event's actors are ids; a briefing's actors are entries to walk.
                for i, item in enumerate(value):
                    if isinstance(item, str) and item in table:
                        value[i] = table[item]
                        changed += 1
                    else:
                        changed += _rename(item, table, fields)
            else:
                changed += _rename(value, table, fields)
    elif isinstance(node, list):
        for item in node:
            changed += _rename(item, table, fields)
    return changed


def migrate(root: Path, dry_run: bool = False) -> dict[str, str]:
    """Rename every id an old rule made under ``root``; the renames."""
    import io

    from ruamel.yaml import YAML

    from briefkit.model import FACT_KINDS
    from briefkit.store import write_atomic

    yml = YAML()
    yml.width = 4096
    yml.preserve_quotes = True
    yml.indent(mapping=2, sequence=4, offset=2)
    paths = sorted(root.glob("*/briefing.yaml")) + sorted(root.glob("*/.extracted.yaml"))
    if (root / "actors.yaml").is_file():
        paths.append(root / "actors.yaml")
    docs = {path: yml.load(path.read_text("utf-8")) for path in paths}
    table = renames(list(docs.values()))
    fields = {"id", *(name for kind in FACT_KINDS for name in kind.references)}
    for path, doc in docs.items():
        if table and _rename(doc, table, fields) and not dry_run:
            out = io.StringIO()
            yml.dump(doc, out)
            write_atomic(path, out.getvalue())
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=REPO / "briefings")
    parser.add_argument("--dry-run", action="store_true", help="say what would change")
    args = parser.parse_args()
    table = migrate(args.root, args.dry_run)
    for old, new in sorted(table.items()):
        print(f"{old} -> {new}{' (dry run)' if args.dry_run else ''}")
    print(f"{len(table)} id(s) to rename" if table else "no id to rename")
    return 0


if __name__ == "__main__":
    sys.exit(main())

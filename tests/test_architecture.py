"""The package's shape: the pipeline reads left to right in its module names."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "briefkit"
# Each stage may import the stages before it, never one after.
STAGES = [
    "errors", "files", "article", "extractors", "model", "store", "merge", "render", "plugin", "cli"
]  # fmt: skip


def stage_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "briefkit" or len(parts) < 2:
        return None
    return parts[1] if parts[1] in STAGES else None


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_no_module_reaches_backwards() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        own = stage_of(".".join(rel.parts))
        if own is None:
            continue
        for module in imports(path):
            other = stage_of(module)
            if other and STAGES.index(other) > STAGES.index(own):
                offenders.append(f"{rel}: imports {module}")
    assert offenders == []


def test_every_module_has_a_docstring() -> None:
    missing = [
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if p.stat().st_size and ast.get_docstring(ast.parse(p.read_text("utf-8"))) is None
    ]
    assert missing == []

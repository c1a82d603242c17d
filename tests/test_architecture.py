"""The package's shape: the pipeline reads left to right in its module names."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "briefkit"
# Each stage may import the stages before it, never one after.
STAGES = [
    "errors", "files", "fetch", "article", "inputs", "extractors", "model", "linking", "store",
    "draft", "merge", "render", "htmlcache", "plugin", "cli",
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


def module_graph() -> dict[str, set[str]]:
    """Each briefkit module -> the briefkit modules it imports anywhere in it: at the
    top, inside functions, or only for type checking."""
    modules: dict[str, Path] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*up, base] if base else up)
                targets = [base, *(f"{base}.{alias.name}" for alias in node.names)]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                continue
            graph[name].update(t for t in targets if t in modules and t != name)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                other = stack.pop()
                component.append(other)
                if other == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle_anywhere() -> None:
    assert cycles(module_graph()) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_module_graph_sees_imports_inside_functions_and_for_type_checking() -> None:
    graph = module_graph()
    # The command line imports the stages it runs inside its functions only.
    assert "briefkit.store" in graph["briefkit.cli"]
    # quotes imports the shared types only under TYPE_CHECKING.
    assert "briefkit.extractors.types" in graph["briefkit.extractors.quotes"]


def test_storage_imports_nothing_from_extraction() -> None:
    graph = module_graph()
    assert not {m for m in graph["briefkit.store"] if m.startswith("briefkit.extractors")}

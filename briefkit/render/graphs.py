"""Relation graphs as Mermaid flowcharts, which Material for MkDocs draws.

Labels come from YAML and articles, so every character that Mermaid or HTML
could read as syntax ("-->", quotes, semicolons, brackets, angle brackets) is
written as a Mermaid entity code (``#34;``), which Mermaid shows as the
character itself. Node ids are ours (``n0``, ``n1``...), never the input's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from markupsafe import Markup

from briefkit.model import Relation

_UNSAFE = re.compile(r"[^A-Za-z0-9 .,’'\u00C0-\u024F\u0370-\u1FFF\u2C00-\uD7FF-]")


def mermaid_text(text: str) -> str:
    """Text as a quoted Mermaid label: entity codes for everything but plain letters."""
    text = " ".join(str(text).split())
    # A hyphen is safe alone; "--" could start an arrow.
    text = _UNSAFE.sub(lambda m: f"#{ord(m.group())};", text).replace("--", "-#45;")
    return f'"{text}"'


def relation_graph(
    relations: Iterable[Relation], name_of: Callable[[str], str], phrase: Callable[[str], str]
) -> Markup:
    """A left-to-right flowchart of relations; empty when there are none."""
    nodes: dict[str, str] = {}
    lines = ["graph LR"]
    edges = []
    for relation in relations:
        for end in (relation.from_, relation.to):
            if end not in nodes:
                nodes[end] = f"n{len(nodes)}"
                lines.append(f"  {nodes[end]}[{mermaid_text(name_of(end))}]")
        edge = (nodes[relation.from_], relation.kind, nodes[relation.to])
        if edge not in edges:
            edges.append(edge)
    for source, kind, target in edges:
        lines.append(f"  {source} -->|{mermaid_text(phrase(kind))}| {target}")
    if not edges:
        return Markup("")
    return Markup("``` mermaid\n" + "\n".join(lines) + "\n```")

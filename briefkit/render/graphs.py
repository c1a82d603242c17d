"""Relation graphs as Mermaid flowcharts, which Material for MkDocs draws.

Labels come from YAML and articles, so every character that Mermaid or HTML
could read as syntax ("-->", quotes, semicolons, brackets, angle brackets) is
written as a Mermaid entity code (``#34;``), which Mermaid shows as the
character itself. Node ids are ours (``n0``, ``n1``...), never the input's.

The diagram is written as the HTML that Material looks for (``pre.mermaid``)
inside a wrapper of ours, rather than as a Markdown fence, so that the wrapper
keeps the source out of the search index (``data-search-exclude``: a search
for a name found "graph LR n0[...]") and lets CSS swap the drawing for the
list of relations beside it on a phone, where a fitted graph's labels are 3px.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable

from markupsafe import Markup

from briefkit.model import Relation

_UNSAFE = re.compile(r"[^A-Za-z0-9 .,’'\u00C0-\u024F\u0370-\u1FFF\u2C00-\uD7FF-]")

# Nodes closer together than Mermaid's default: a graph fits its column at a larger
# scale. (briefkit.js keeps it from shrinking labels below 11.5px; wider, it scrolls.)
_CONFIG = """---
config:
  flowchart:
    nodeSpacing: 20
    rankSpacing: 24
---"""


def mermaid_text(text: str) -> str:
    """Text as a quoted Mermaid label: entity codes for everything but plain letters."""
    text = " ".join(str(text).split())
    # A hyphen is safe alone; "--" could start an arrow.
    text = _UNSAFE.sub(lambda m: f"#{ord(m.group())};", text).replace("--", "-#45;")
    return f'"{text}"'


def relation_graph(
    relations: Iterable[Relation], name_of: Callable[[str], str], phrase: Callable[[str], str]
) -> Markup:
    """A left-to-right flowchart of relations; empty when there are none.

    Relations between the same two ends are one edge with a line per kind: drawn
    apart, their labels sat on top of each other. When the kinds go both ways the
    edge has two heads and each line an arrow saying which way it reads.
    """
    nodes: dict[str, str] = {}
    lines = ["graph LR"]
    # (first end, second end) -> [(kind, reads from the first end)], in first-seen order
    pairs: dict[tuple[str, str], list[tuple[str, bool]]] = {}
    for relation in relations:
        for end in (relation.from_, relation.to):
            if end not in nodes:
                nodes[end] = f"n{len(nodes)}"
                lines.append(f"  {nodes[end]}[{mermaid_text(name_of(end))}]")
        ends = (relation.from_, relation.to)
        key = ends if ends in pairs or ends[::-1] not in pairs else ends[::-1]
        kinds = pairs.setdefault(key, [])
        if (relation.kind, key == ends) not in kinds:
            kinds.append((relation.kind, key == ends))
    if not pairs:
        return Markup("")
    for (first, second), kinds in pairs.items():
        both_ways = len({forward for _kind, forward in kinds}) == 2
        labels = [
            mermaid_text(("→ " if forward else "← ") * both_ways + phrase(kind))[1:-1]
            for kind, forward in kinds
        ]
        source, target = (first, second) if kinds[0][1] or both_ways else (second, first)
        arrow = "<-->" if both_ways else "-->"
        label = "<br>".join(labels)
        lines.append(f'  {nodes[source]} {arrow}|"{label}"| {nodes[target]}')
    source = html.escape(_CONFIG + "\n" + "\n".join(lines), quote=False)
    return Markup(
        '<div class="bk-graph" markdown="0" data-search-exclude>'
        f'<pre class="mermaid"><code>{source}</code></pre></div>'
    )

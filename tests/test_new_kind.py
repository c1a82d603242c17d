"""A new kind of fact, added where the data contract says, works end to end.

The test copies the package and the site's sources, adds a small kind ("claims":
what someone claims, and who) in the places a new kind needs, and no others:

1. its registry entry and dataclass (``briefkit/model.py``, with its list on
   ``Briefing``);
2. its extractor: a module of its own and its component (``extractors/pipeline.py``);
3. its schema definition (``briefing.schema.json``);
4. its template section (``templates/briefing.md.j2``) and its heading in the
   methodology page (which tests/test_contract.py asks for).

Then, in a child process on the copy: extraction drafts claims, validation checks
their references, update's matching knows their identity, linking renames their
ids, the briefing page shows them, and the contract tests pass for the new kind.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO

pytestmark = pytest.mark.slow  # a child process that loads the model

CLAIM_CLASS = """

@dataclass
class Claim(Fact):
    KEY: ClassVar[str] = "claims"
    text: str
    evidence: str
    by: str | None = None
    id: str | None = None
"""
CLAIM_KIND = """    FactKind(
        "claims",
        Claim,
        "Claims",
        {"by": ACTOR},
        ("text",),
        "claims",
        shown_on=("by",),
    ),
)
FACT_KIND: dict[str, FactKind]"""
EXTRACTOR = '''"""Claims: a sentence in which someone claims something."""

from __future__ import annotations

from typing import Any

from briefkit.article import Article


def find_claims(article: Article) -> list[dict[str, Any]]:
    out = []
    for s in article.sentences:
        text = article.text[s.start : s.end]
        if " claimed " in text:
            out.append({"text": text, "evidence": text})
    return out
'''
COMPONENT = """

def _claims(c: Context) -> None:
    c.facts["claims"] = find_claims(c.article)


COMPONENTS = (*COMPONENTS, Component("claims", ("article",), ("facts.claims",), _claims))
_check_order(COMPONENTS)
FACT_KEYS = (*FACT_KEYS, "claims")
"""
SECTION = """{% if briefing.claims %}
## Claims

{% for claim in briefing.claims %}
- {{ claim.text }}{% if claim.by %} ({{ ref(claim.by) }}){% endif %}

{% endfor %}
{% endif %}
## Article"""
CHECK = r"""
import sys
from pathlib import Path

import briefkit
from briefkit.linking import _rename_references
from briefkit.merge import FINGERPRINTS
from briefkit.model import FACT_LISTS, Briefing, Corpus, check_references
from briefkit.render import render_site

assert briefkit.__file__.startswith(sys.argv[1]), briefkit.__file__
assert "claims" in FACT_LISTS
claim = "The council claimed the port was safe."
text = "Elena Marsh, the prime minister of Valdoria, spoke on Tuesday.\n" + claim + "\n"
draft = briefkit.extract(text, published="2025-03-04", id="claims-test")
assert [c.text for c in draft.claims] == [claim], draft.claims
data = draft.to_dict()
assert data["claims"] == [{"text": claim, "evidence": claim}]
data["claims"][0]["by"] = "nobody-known"
problems = []
actors = {a["id"] for a in data["actors"]}
places = {p["id"] for p in data["places"]}
check_references(data, actors, places, lambda loc, m: problems.append((loc, m)))
assert problems == [(("claims", 0, "by"), "unknown actor id 'nobody-known'")], problems
assert FINGERPRINTS["claims"] == ("text",)
facts = {"claims": [{"by": "old-id", "text": "x"}]}
_rename_references(facts, {"old-id": "new-id"})
assert facts["claims"][0]["by"] == "new-id"
data["claims"][0]["by"] = data["actors"][0]["id"]
briefing = Briefing.from_dict(data, draft.article)
corpus = Corpus.build([briefing])
assert [fact.text for _b, fact in corpus.actors[data["actors"][0]["id"]].claims] == [claim]
pages = render_site(corpus, Path(sys.argv[1]) / "templates")
page = pages["briefings/claims-test.md"]
assert "## Claims" in page and "The council claimed the port was safe" in page, page
print("ok")
"""


def add_the_kind(root: Path) -> list[str]:
    """Edit the copy as a developer adding "claims" would; the files touched."""
    model = root / "briefkit" / "model.py"
    text = model.read_text("utf-8")
    text = text.replace(
        "\n\n@dataclass\nclass Source:", CLAIM_CLASS + "\n\n@dataclass\nclass Source:"
    )
    text = text.replace(
        "    relations: list[Relation] = field(default_factory=list)\n",
        "    relations: list[Relation] = field(default_factory=list)\n"
        "    claims: list[Claim] = field(default_factory=list)\n",
    )
    text = text.replace(")\nFACT_KIND: dict[str, FactKind]", CLAIM_KIND, 1)
    # Profiles list the facts their actors are shown on: a list for claims too.
    text = text.replace(
        "    relations: list[tuple[Briefing, Relation]] = field(default_factory=list)\n",
        "    relations: list[tuple[Briefing, Relation]] = field(default_factory=list)\n"
        "    claims: list[tuple[Briefing, Claim]] = field(default_factory=list)\n",
    )
    model.write_text(text, "utf-8")
    (root / "briefkit" / "extractors" / "claims.py").write_text(EXTRACTOR, "utf-8")
    pipeline = root / "briefkit" / "extractors" / "pipeline.py"
    text = pipeline.read_text("utf-8").replace(
        "from briefkit.extractors.dates import find_dates\n",
        "from briefkit.extractors.claims import find_claims\n"
        "from briefkit.extractors.dates import find_dates\n",
    )
    pipeline.write_text(
        text.replace("\n\ndef extract_from_doc(", COMPONENT + "\n\ndef extract_from_doc("), "utf-8"
    )
    schema_path = root / "briefkit" / "schema" / "briefing.schema.json"
    schema = json.loads(schema_path.read_text("utf-8"))
    schema["properties"]["claims"] = {"type": "array", "items": {"$ref": "#/$defs/claim"}}
    schema["$defs"]["claim"] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["text", "evidence"],
        "properties": {
            "id": {"anyOf": [{"$ref": "#/$defs/id"}, {"type": "null"}]},
            "text": {"type": "string", "minLength": 1},
            "by": {"anyOf": [{"$ref": "#/$defs/id"}, {"type": "null"}]},
            "evidence": {"$ref": "#/$defs/evidence"},
        },
    }
    schema_path.write_text(json.dumps(schema, indent=2), "utf-8")
    template = root / "templates" / "briefing.md.j2"
    template.write_text(template.read_text("utf-8").replace("## Article", SECTION, 1), "utf-8")
    methodology = root / "docs" / "methodology.md"
    methodology.write_text(
        methodology.read_text("utf-8").replace(
            "## Evidence\n", "### Claims\n\nWhat someone claims, and who.\n\n## Evidence\n", 1
        ),
        "utf-8",
    )
    return [
        "briefkit/model.py",
        "briefkit/extractors/claims.py (new)",
        "briefkit/extractors/pipeline.py",
        "briefkit/schema/briefing.schema.json",
        "templates/briefing.md.j2",
        "docs/methodology.md",
    ]


def test_a_kind_added_in_its_four_places_works_end_to_end(tmp_path: Path) -> None:
    root = tmp_path / "copy"
    for name in ("briefkit", "templates", "docs", "tests"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    touched = add_the_kind(root)
    assert len(touched) == 6
    env = {"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-c", CHECK, str(root)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        cwd=root,
    )
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-3000:]
    # The contract tests, run on the copy, pass for the new kind too.
    contract = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_contract.py",
         "-k", "claims or spelled_out"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        cwd=root,
    )  # fmt: skip
    assert contract.returncode == 0, contract.stdout[-3000:]
    # Five checks of the claims kind (schema, template, methodology, merge, component)
    # and the one that the kinds are spelled out only in the registry.
    assert re.search(r"\b6 passed", contract.stdout), contract.stdout[-500:]

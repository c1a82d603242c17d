"""The schema of a briefing: typed facts, dates as readers say them, validation.

The JSON Schema in ``briefkit/schema/briefing.schema.json`` is the contract that
editors, exports and this module share. Validation here runs the schema first
(shape and types), then the checks a schema cannot express: unique ids,
references between facts, and evidence that must be in the article.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields
from functools import cache, cached_property, lru_cache
from importlib import resources
from typing import Any, ClassVar, Self

from briefkit.article import ABBREVIATIONS, Article
from briefkit.errors import Problem

# A path into the YAML document, e.g. ("events", 2, "actors", 0).
DataPath = tuple[str | int, ...]
# Finds the line and column of a path in the user's file.
Locator = Callable[[DataPath], tuple[int, int]]


@cache
def schema(name: str = "briefing") -> dict[str, Any]:
    """A JSON Schema shipped with the package: ``briefing`` or ``registry``."""
    text = resources.files("briefkit").joinpath(f"schema/{name}.schema.json").read_text("utf-8")
    return json.loads(text)


# The one vocabulary of kinds: the schema's. Rendering and the extractors read these.
ACTOR_KINDS: tuple[str, ...] = tuple(schema()["$defs"]["actor"]["properties"]["kind"]["enum"])
PLACE_KINDS: tuple[str, ...] = tuple(schema()["$defs"]["place"]["properties"]["kind"]["enum"])


# --------------------------------------------------------------------------- dates

_DAY = r"(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?|-W(?P<w>\d{2}))?"
_DATE_RE = re.compile(_DAY)


@dataclass(frozen=True, order=True)
class Moment:
    """One end of a date: a year, month, ISO week or day, as a calendar range."""

    first: dt.date
    last: dt.date
    precision: str  # year | month | week | day

    @classmethod
    def parse(cls, text: str) -> Self:
        m = _DATE_RE.fullmatch(text)
        if not m:
            raise ValueError(f"{text!r} is not YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Www")
        year = int(m["y"])
        if m["w"]:
            first = dt.date.fromisocalendar(year, int(m["w"]), 1)
            return cls(first, first + dt.timedelta(days=6), "week")
        if m["d"]:
            day = dt.date(year, int(m["m"]), int(m["d"]))
            return cls(day, day, "day")
        if m["m"]:
            month = int(m["m"])
            if not 1 <= month <= 12:
                raise ValueError(f"month {month} does not exist")
            last = calendar.monthrange(year, month)[1]
            return cls(dt.date(year, month, 1), dt.date(year, month, last), "month")
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")

    def label(self) -> str:
        if self.precision == "day":
            return f"{self.first.day} {self.first:%B %Y}"
        if self.precision == "week":
            return f"week of {self.first.day} {self.first:%b %Y}"
        if self.precision == "month":
            return f"{self.first:%B %Y}"
        return str(self.first.year)


_PRECISION_ORDER = {"year": 0, "month": 1, "week": 2, "day": 3}


@dataclass(frozen=True)
class DateValue:
    """An event's date: one moment, or a START/END range of two."""

    text: str
    start: Moment
    end: Moment

    @classmethod
    def parse(cls, text: str) -> Self:
        # Pages sort and label the same events over and over: parse each date once.
        return _parse_date(cls, text) if isinstance(text, str) else cls._parse(text)

    @classmethod
    def _parse(cls, text: str) -> Self:
        parts = str(text).split("/")
        if len(parts) > 2:
            raise ValueError(f"{text!r} has more than one '/'")
        start = Moment.parse(parts[0])
        end = Moment.parse(parts[1]) if len(parts) == 2 else start
        if end.last < start.first:
            raise ValueError(f"{text!r} ends before it starts")
        return cls(str(text), start, end)

    @property
    def precision(self) -> str:
        return self.start.precision if self.start == self.end else "range"

    def sort_key(self) -> tuple[dt.date, int, dt.date]:
        return self._sort_key

    @cached_property
    def _sort_key(self) -> tuple[dt.date, int, dt.date]:
        # Coarser dates sort before finer ones that start the same day:
        # "2024" comes before "2024-01-01", which reads as "the year, then its days".
        # Cached: a value is parsed once per text (_parse_date) and sorted many times.
        return (self.start.first, _PRECISION_ORDER[self.start.precision], self.end.last)

    def label(self) -> str:
        if self.start == self.end:
            return self.start.label()
        return f"{self.start.label()} – {self.end.label()}"

    @property
    def year(self) -> int:
        return self.start.first.year

    @property
    def month(self) -> int | None:
        return None if self.start.precision == "year" else self.start.first.month


@lru_cache(maxsize=4096)
def _parse_date(cls: type[DateValue], text: str) -> DateValue:
    return cls._parse(text)


# --------------------------------------------------------------------------- facts


# Field order in a written YAML file: who or what first, evidence last.
# Yes/no fields written only when yes, so a hand-written file need not say "false".
_FLAGS = frozenset({"approximate", "former"})
_FIELD_ORDER = (
    "id", "speaker", "from_", "name", "kind", "to", "former", "value", "unit", "approximate",
    "date", "when", "what", "text", "role", "affiliation", "description", "country", "coordinates",
    "aliases", "wikidata", "actors", "places", "about", "status", "evidence",
)  # fmt: skip


@dataclass
class Fact:
    """Fields every fact shares. ``line`` is where it starts in its YAML file."""

    KEY: ClassVar[str] = ""
    line: int = field(default=0, kw_only=True, compare=False, repr=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any], line: int = 0) -> Self:
        names = {f.name for f in fields(cls)} - {"line"}
        renamed = {("from_" if k == "from" else k): v for k, v in data.items()}
        kwargs = {k: v for k, v in renamed.items() if k in names and v is not None}
        return cls(**kwargs, line=line)

    def to_dict(self) -> dict[str, Any]:
        """The contract's fields, in the order DESIGN.md shows them; empty ones left out."""
        out: dict[str, Any] = {}
        names = [f.name for f in fields(self) if f.name != "line"]
        for name in sorted(names, key=lambda n: _FIELD_ORDER.index(n) if n in _FIELD_ORDER else 99):
            value = getattr(self, name)
            if value is None or value == [] or (name in _FLAGS and value is False):
                continue
            out["from" if name == "from_" else name] = value
        return out


@dataclass
class Actor(Fact):
    KEY: ClassVar[str] = "actors"
    id: str
    # Both may come from the corpus registry (briefings/actors.yaml) instead.
    name: str | None = None
    kind: str | None = None
    role: str | None = None
    affiliation: str | None = None
    description: str | None = None
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None
    evidence: str | None = None

    @property
    def names(self) -> list[str]:
        return [n for n in (self.name, *self.aliases) if n]


@dataclass
class Place(Fact):
    KEY: ClassVar[str] = "places"
    id: str
    name: str
    kind: str | None = None
    country: str | None = None
    coordinates: list[float] | None = None
    aliases: list[str] = field(default_factory=list)
    evidence: str | None = None

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]


@dataclass
class Event(Fact):
    KEY: ClassVar[str] = "events"
    id: str
    date: str
    what: str
    evidence: str
    when: str | None = None
    approximate: bool = False
    actors: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    # happened | planned | reported | denied | hypothetical; none said: happened.
    status: str | None = None

    @property
    def date_value(self) -> DateValue:
        return DateValue.parse(self.date)


@dataclass
class Quote(Fact):
    KEY: ClassVar[str] = "quotes"
    text: str
    evidence: str
    speaker: str | None = None  # unknown until the analyst says who
    id: str | None = None


@dataclass
class Figure(Fact):
    KEY: ClassVar[str] = "figures"
    value: float
    evidence: str
    unit: str | None = None
    approximate: bool = False
    text: str | None = None
    about: list[str] = field(default_factory=list)
    id: str | None = None


@dataclass
class Relation(Fact):
    KEY: ClassVar[str] = "relations"
    from_: str
    kind: str
    to: str
    evidence: str
    id: str | None = None
    # A link the text says has ended ("the former chairman of X", "sold its stake in Y").
    former: bool = False


@dataclass
class Source:
    article: str = "article.txt"
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    # What a page says of itself (``add`` from HTML); absent from a plain text's source.
    authors: list[str] = field(default_factory=list)
    language: str | None = None

    @classmethod
    def from_dict(cls, src: dict[str, Any]) -> Source:
        published = src.get("published")
        return cls(
            article=src.get("article") or "article.txt",
            outlet=src.get("outlet"),
            published=str(published) if published else None,
            url=src.get("url"),
            authors=list(src.get("authors") or []),
            language=src.get("language"),
        )

    def to_dict(self, primary: bool = True) -> dict[str, Any]:
        """The YAML shape: a primary source names its article file; another source does not."""
        out: dict[str, Any] = {"outlet": self.outlet, "published": self.published, "url": self.url}
        if primary:
            out["article"] = self.article
        if self.authors:
            out["authors"] = list(self.authors)
        if self.language:
            out["language"] = self.language
        return out

    @property
    def published_date(self) -> dt.date | None:
        return dt.date.fromisoformat(self.published) if self.published else None


# --------------------------------------------------------------------------- the fact kinds

# What a reference field names.
ACTOR, PLACE, EITHER = "actor", "place", "either"


@dataclass(frozen=True)
class FactKind:
    """One kind of fact of the data contract: declared here once, iterated everywhere.

    Validation checks its ``references``, ``update`` matches its facts across runs by
    its ``identity`` and renames and prunes its references, linking renames them, the
    renderer hashes them for serve's page cache, and the corpus shows each fact on the
    pages of the actors and places its ``shown_on`` fields name. ``extractor`` names the
    extraction component that adds it (by name: extraction runs before the model).
    """

    key: str  # the list's key in briefing.yaml
    type: type[Fact]
    label: str  # its heading on a page
    references: dict[str, str]  # field -> ACTOR, PLACE or EITHER: the ids it names
    identity: tuple[str, ...]  # the fields that say which fact it is, for update's matching
    extractor: str  # the extraction component that finds it (extractors.pipeline.COMPONENTS)
    shown_on: tuple[str, ...] = ()  # reference fields whose actors and places list the fact
    required_references: tuple[str, ...] = ()  # a fact that loses one of these goes


FACT_KINDS: tuple[FactKind, ...] = (
    FactKind(
        "actors",
        Actor,
        "Actors",
        {"affiliation": ACTOR},
        ("name",),
        "actors",
    ),
    FactKind(
        "places",
        Place,
        "Places",
        {"country": EITHER},
        ("name",),
        "places",
    ),
    FactKind(
        "events",
        Event,
        "Timeline",
        {"actors": ACTOR, "places": PLACE},
        ("date", "what"),
        "events",
        shown_on=("actors", "places"),
    ),
    FactKind(
        "quotes",
        Quote,
        "Quotes",
        {"speaker": ACTOR},
        ("text",),
        "quotes",
        shown_on=("speaker",),
    ),
    FactKind(
        "figures",
        Figure,
        "Figures",
        {"about": EITHER},
        ("value", "unit"),
        "figures",
    ),
    FactKind(
        "relations",
        Relation,
        "Relations",
        {"from": EITHER, "to": EITHER},
        ("from", "kind", "to"),
        "relations",
        shown_on=("from", "to"),
        required_references=("from", "to"),
    ),
)
FACT_KIND: dict[str, FactKind] = {kind.key: kind for kind in FACT_KINDS}
FACT_LISTS: tuple[str, ...] = tuple(kind.key for kind in FACT_KINDS)
FACT_TYPES: dict[str, type[Fact]] = {kind.key: kind.type for kind in FACT_KINDS}


def referenced_ids(kind: FactKind, fact: Fact) -> Iterator[tuple[str, str, str]]:
    """(field, what it names, id) for every id a typed fact names."""
    for name, what in kind.references.items():
        value = getattr(fact, "from_" if name == "from" else name, None)
        for ident in value if isinstance(value, list) else [value]:
            if isinstance(ident, str) and ident:
                yield name, what, ident


# Briefing object id -> (the briefing, the ids it names): serve asks every build of
# the same objects; kept while the object lives (the entry holds it).
_NAMED: dict[int, tuple[Briefing, frozenset[str]]] = {}


def named_ids(briefing: Briefing) -> frozenset[str]:
    """Every actor and place id a briefing names: its entries and every fact's references."""
    kept = _NAMED.get(id(briefing))
    if kept is not None and kept[0] is briefing:
        return kept[1]
    found = {a.id for a in briefing.actors} | {p.id for p in briefing.places}
    for kind in FACT_KINDS:
        for fact in getattr(briefing, kind.key):
            found.update(ident for _name, _what, ident in referenced_ids(kind, fact))
    named = frozenset(found)
    if len(_NAMED) > 1 << 16:
        _NAMED.clear()
    _NAMED[id(briefing)] = (briefing, named)
    return named


@dataclass
class Briefing:
    """One article's facts. ``article`` is attached when the text was read."""

    id: str
    title: str
    source: Source
    # Other outlets and addresses with the same text (a wire copy): one briefing, not two.
    sources: list[Source] = field(default_factory=list)
    summary: str | None = None
    key_points: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    article: Article | None = field(default=None, compare=False, repr=False)
    path: str = field(default="", compare=False, repr=False)

    @classmethod
    def from_dict(
        cls,
        data: dict[str, Any],
        article: Article | None = None,
        path: str = "",
        where: Locator | None = None,
    ) -> Self:
        """Build from contract-shaped data. Call ``validate`` first on user data."""

        def line(key: str, i: int) -> int:
            return where((key, i))[0] if where else 0

        facts = {
            key: [
                FACT_TYPES[key].from_dict(item, line(key, i))
                for i, item in enumerate(data.get(key) or [])
            ]
            for key in FACT_LISTS
        }
        return cls(
            id=data["id"],
            title=data["title"],
            source=Source.from_dict(data.get("source") or {}),
            sources=[Source.from_dict(s) for s in data.get("sources") or [] if isinstance(s, dict)],
            summary=data.get("summary"),
            key_points=list(data.get("key_points") or []),
            tags=list(data.get("tags") or []),
            article=article,
            path=path,
            **facts,  # type: ignore[arg-type]
        )

    def to_dict(self) -> dict[str, Any]:
        """The contract's shape, in the order the YAML file shows it."""
        out: dict[str, Any] = {"id": self.id, "title": self.title, "source": self.source.to_dict()}
        if self.sources:
            out["sources"] = [s.to_dict(primary=False) for s in self.sources]
        if self.summary:
            out["summary"] = self.summary
        out["key_points"] = list(self.key_points)
        out["tags"] = list(self.tags)
        for key in FACT_LISTS:
            out[key] = [fact.to_dict() for fact in getattr(self, key)]
        return out

    def facts(self) -> Iterator[tuple[str, int, Fact]]:
        for key in FACT_LISTS:
            for i, fact in enumerate(getattr(self, key)):
                yield key, i, fact


# --------------------------------------------------------------------------- validation


def _schema_message(error: Any) -> str:
    """A jsonschema error, said the way an analyst fixes it."""
    validator = error.validator
    where = ".".join(str(p) for p in error.absolute_path) or "the file"
    if validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        known = ", ".join(sorted(error.schema.get("properties", {})))
        return f"unknown field {', '.join(map(repr, extra))} in {where}; known fields: {known}"
    if validator == "required":
        return f"{where} needs {error.message.split(' is a required')[0]}"
    if validator == "enum":
        allowed = ", ".join(map(str, error.validator_value))
        return f"{where} is {error.instance!r}; use one of: {allowed}"
    if validator == "type":
        want = error.validator_value
        want = " or ".join(want) if isinstance(want, list) else want
        return f"{where} should be {want}, not {type(error.instance).__name__} {error.instance!r}"
    if validator == "pattern":
        desc = error.schema.get("description") or f"the pattern {error.validator_value}"
        return f"{where} is {error.instance!r}, which does not fit: {desc}"
    if validator == "anyOf":
        # The last branch is "null"; the first says what the value should be.
        first = error.schema["anyOf"][0]
        desc = error.schema.get("description") or first.get("description", "")
        if "$ref" in first and first["$ref"].endswith("/id"):
            desc = "lowercase letters, digits and single hyphens (an id)"
        elif "$ref" in first and first["$ref"].endswith("/day"):
            desc = "a date YYYY-MM-DD"
        return f"{where} is {error.instance!r}, which does not fit: {desc}"
    return f"{where}: {error.message}"


def _inline_refs(node: Any, defs: dict[str, Any]) -> Any:
    """The schema with every local ``$ref`` replaced by what it names.

    The schema has no recursion, so this terminates; validating against it
    skips a reference lookup per value, which was a third of the build's
    validation time.
    """
    if isinstance(node, list):
        return [_inline_refs(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        target = _inline_refs(defs[ref.removeprefix("#/$defs/")], defs)
        siblings = {k: _inline_refs(v, defs) for k, v in node.items() if k != "$ref"}
        return {**target, **siblings}
    return {k: _inline_refs(v, defs) for k, v in node.items() if k != "$defs"}


def _anchored(node: Any) -> Any:
    """The schema with each pattern's final ``$`` as ``\\Z``.

    JSON Schema patterns are ECMAScript's, where ``$`` ends the string; Python's
    ``$`` also matches before a final newline, so jsonschema let the id
    ``"ghost\\n"`` through (and made a folder of it) while fastjsonschema refused it.
    """
    if isinstance(node, list):
        return [_anchored(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {k: _anchored(v) for k, v in node.items()}
    pattern = node.get("pattern")
    if isinstance(pattern, str) and pattern.endswith("$") and not pattern.endswith("\\$"):
        out["pattern"] = pattern[:-1] + "\\Z"
    return out


@cache
def _validator(name: str = "briefing") -> Any:
    from jsonschema import Draft202012Validator

    full = schema(name)
    return Draft202012Validator(_anchored(_inline_refs(full, full.get("$defs", {}))))


def _draft7(node: Any) -> Any:
    """The inlined schema in draft 7's words, which fastjsonschema reads.

    Only ``prefixItems`` (the coordinates) differs: draft 7 says it as a list of ``items``.
    """
    if isinstance(node, list):
        return [_draft7(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {k: _draft7(v) for k, v in node.items() if k not in ("$schema", "$id", "prefixItems")}
    if "prefixItems" in node:
        out["items"] = _draft7(node["prefixItems"])
    return out


@cache
def _fast_check(name: str = "briefing") -> Callable[[Any], Any]:
    """The schema compiled to Python code: a tenth of jsonschema's time on valid data.

    It only says whether data is valid. Where it says no, jsonschema finds every
    problem with its path, so the messages stay the same. It is never more lenient:
    its patterns end at ``\\Z`` where jsonschema's ``$`` allows a final newline.
    """
    import fastjsonschema

    full = schema(name)
    fast = _draft7(_inline_refs(full, full.get("$defs", {})))
    fast["$schema"] = "http://json-schema.org/draft-07/schema#"
    return fastjsonschema.compile(fast, use_default=False, use_formats=False)


def validate_shape(data: Any, path: str, where: Locator, kind: str = "briefing") -> list[Problem]:
    """Problems of shape and type, by the JSON Schema. Data with any is not built.

    ``kind`` names the schema: a ``briefing`` file or the ``registry``.
    """
    from fastjsonschema import JsonSchemaException

    try:
        _fast_check(kind)(data)
        return []
    except JsonSchemaException:
        pass
    problems: list[Problem] = []
    for error in _validator(kind).iter_errors(data):
        loc = tuple(error.absolute_path)
        if error.validator == "additionalProperties":
            # Point at the unknown key itself, not at its parent.
            extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
            loc = (*loc, extra[0]) if extra else loc
        line, col = where(loc)
        problems.append(Problem(path, line, col, _schema_message(error)))
    return problems


def _items(data: Any, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """The mappings in ``data[key]``, with their indexes: whatever else is there, the
    schema reports, and the checks below still see every well-formed fact."""
    values = data.get(key) if isinstance(data, dict) else None
    if isinstance(values, list):
        for i, item in enumerate(values):
            if isinstance(item, dict):
                yield i, item


def _strings(value: Any) -> list[tuple[int, str]]:
    return (
        [(j, v) for j, v in enumerate(value) if isinstance(v, str)]
        if isinstance(value, list)
        else []
    )


# A figure beyond this is a typo or a joke: no budget, debt or count in the news reaches
# it, and float() of a 400-digit number overflows in the renderer and the exports.
MAX_FIGURE = 1e18

# Characters that reorder the text around them (embeddings, overrides, isolates):
# in a name they can make "Alice" display as another name.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def visible(text: str) -> bool:
    """Whether ``text`` shows anything: not only spaces, zero-width or format characters."""
    return any(
        not ch.isspace() and unicodedata.category(ch) not in ("Cf", "Cc", "Zl", "Zp") for ch in text
    )


def name_problem(text: str) -> str | None:
    """Why ``text`` cannot be shown as a name or title, or None when it can."""
    if not visible(text):
        return "is blank (only spaces or invisible characters): write it out"
    odd = next((ch for ch in text if ch in _BIDI_CONTROLS), None)
    if odd is not None:
        name = unicodedata.name(odd, "a direction control")
        return (
            f"holds U+{ord(odd):04X} {name}, which reorders how the text is shown and can "
            "disguise a name: delete it (right-to-left names need no such character)"
        )
    return None


# Fields shown as a name, a title or a link's text: each must show something, undisguised.
_NAMED_FIELDS = {
    "actors": ("name", "role", "description"),
    "places": ("name",),
    "events": ("what", "when"),
    "quotes": ("text",),
    "relations": ("kind",),
}


def _finite_number(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    # An int is finite however long; math.isfinite would convert it to a float first.
    return isinstance(value, int) or math.isfinite(value)


def validate_facts(
    data: Any, path: str, where: Locator, article: Article | None = None
) -> list[Problem]:
    """Problems a schema cannot see: dates, numbers, names, ids, evidence not in the article.

    Runs on any data, shaped well or not, so one run reports every problem of every
    kind: a bad date does not hide a missing evidence. Whatever this passes, the
    renderer and the exporters can handle.
    """
    problems: list[Problem] = []
    if not isinstance(data, dict):
        return problems

    def report(loc: DataPath, message: str) -> None:
        line, col = where(loc)
        problems.append(Problem(path, line, col, message))

    for i, event in _items(data, "events"):
        date = event.get("date")
        if isinstance(date, str | int) and not isinstance(date, bool):
            try:
                DateValue.parse(str(date))
            except ValueError as exc:
                report(("events", i, "date"), f"bad date: {exc}")
    source = data.get("source")
    others = data.get("sources") if isinstance(data.get("sources"), list) else []
    located: list[tuple[DataPath, Any]] = [(("source",), source)]
    located += [(("sources", i), other) for i, other in enumerate(others)]
    for loc, entry in located:
        published = entry.get("published") if isinstance(entry, dict) else None
        if isinstance(published, str):
            try:
                dt.date.fromisoformat(published)
            except ValueError as exc:
                report((*loc, "published"), f"bad date: {exc}; write a real day, YYYY-MM-DD")
    _check_numbers(data, report)
    _check_names(data, report)
    _check_unique_ids(data, report)
    _check_self_references(data, report)
    if article is not None:
        _check_evidence(data, article, report)
    return problems


def _check_numbers(data: dict[str, Any], report: Callable[[DataPath, str], None]) -> None:
    for i, figure in _items(data, "figures"):
        value = figure.get("value")
        if isinstance(value, bool) or not isinstance(value, int | float):
            continue
        if not _finite_number(value):
            report(("figures", i, "value"), f"value is {value!r}: write the article's number")
        elif abs(value) > MAX_FIGURE:
            report(
                ("figures", i, "value"),
                f"value has {len(str(int(abs(value))))} digits; briefkit takes figures up to "
                "10^18: check the number, or write it in a larger unit (billion, trillion)",
            )
    for i, place in _items(data, "places"):
        coordinates = place.get("coordinates")
        if not isinstance(coordinates, list):
            continue
        for j, (label, bound) in enumerate((("latitude", 90), ("longitude", 180))):
            value = coordinates[j] if j < len(coordinates) else None
            if isinstance(value, int | float) and not isinstance(value, bool):
                if not _finite_number(value):
                    report(
                        ("places", i, "coordinates", j),
                        f"{label} is {value!r}: write degrees, or delete the coordinates",
                    )
                elif abs(value) > bound:
                    report(
                        ("places", i, "coordinates", j),
                        f"{label} {value} is beyond ±{bound}: write [latitude, longitude]",
                    )


def _check_names(data: dict[str, Any], report: Callable[[DataPath, str], None]) -> None:
    title = data.get("title")
    if isinstance(title, str) and (why := name_problem(title)):
        report(("title",), f"title {why}")
    for key, names in _NAMED_FIELDS.items():
        for i, item in _items(data, key):
            for name in names:
                value = item.get(name)
                if isinstance(value, str) and (why := name_problem(value)):
                    report((key, i, name), f"{name} {why}")
            for j, alias in _strings(item.get("aliases")):
                if why := name_problem(alias):
                    report((key, i, "aliases", j), f"alias {why}")
    for key in ("key_points", "tags"):
        for j, text in _strings(data.get(key)):
            if why := name_problem(text):
                report((key, j), f"{key.replace('_', ' ')} {why}")
    # One name on two actors or places: every mention of it would link to the first.
    owner: dict[str, tuple[str, str]] = {}
    for key in ("actors", "places"):
        for i, item in _items(data, key):
            ident = item.get("id")
            labels = [(("name",), item.get("name"))]
            labels += [(("aliases", j), a) for j, a in _strings(item.get("aliases"))]
            for loc, label in labels:
                if not isinstance(label, str) or not isinstance(ident, str):
                    continue
                folded = " ".join(label.split()).casefold()
                first = owner.setdefault(folded, (ident, key))
                if first[0] != ident:
                    report(
                        (key, i, *loc),
                        f"{label!r} names {first[0]!r} too: a mention of it cannot tell them "
                        "apart; keep it on one of them",
                    )


def _check_self_references(data: dict[str, Any], report: Callable[[DataPath, str], None]) -> None:
    for i, actor in _items(data, "actors"):
        if actor.get("affiliation") is not None and actor.get("affiliation") == actor.get("id"):
            report(
                ("actors", i, "affiliation"),
                f"actor {actor['id']!r} is affiliated with itself: name the country or "
                "organization it belongs to, or delete the field",
            )
    for i, place in _items(data, "places"):
        if place.get("country") is not None and place.get("country") == place.get("id"):
            report(
                ("places", i, "country"),
                f"place {place['id']!r} is its own country: delete the field",
            )
    for i, relation in _items(data, "relations"):
        if relation.get("from") is not None and relation.get("from") == relation.get("to"):
            report(
                ("relations", i, "to"),
                f"relation from {relation['from']!r} to itself: a relation joins two actors",
            )


# Names Windows reserves for devices: a page named so cannot be written or opened there.
_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{p}{n}" for p in ("com", "lpt") for n in range(1, 10)]
)


def _check_unique_ids(data: dict[str, Any], report: Callable[[DataPath, str], None]) -> None:
    if data.get("id") == "index":
        report(
            ("id",),
            "id 'index' names the list of all briefings (briefings/index.md): choose another",
        )
    if isinstance(data.get("id"), str) and data["id"] in _RESERVED:
        report(("id",), f"id {data['id']!r} is a reserved device name on Windows: choose another")
    for key in ("actors", "places"):
        for i, item in _items(data, key):
            if item.get("id") == "index":
                report(
                    (key, i, "id"),
                    f"id 'index' names the list of all {key} ({key}/index.md): choose another",
                )
            if isinstance(item.get("id"), str) and item["id"] in _RESERVED:
                report(
                    (key, i, "id"),
                    f"id {item['id']!r} is a reserved device name on Windows: choose another",
                )
    for key in FACT_LISTS:
        seen: dict[str, int] = {}
        for i, item in _items(data, key):
            ident = item.get("id")
            if not isinstance(ident, str):
                continue
            if ident in seen:
                report(
                    (key, i, "id"),
                    f"duplicate id {ident!r} in {key} (first at item {seen[ident] + 1})",
                )
            else:
                seen[ident] = i


def _check_evidence(
    data: dict[str, Any], article: Article, report: Callable[[DataPath, str], None]
) -> None:
    for key in FACT_LISTS:
        for i, item in _items(data, key):
            evidence = item.get("evidence")
            if isinstance(evidence, str) and evidence and article.find(evidence) is None:
                report(
                    (key, i, "evidence"),
                    f"evidence not found in {article.path.rsplit('/', 1)[-1]}: "
                    f"{_clip(evidence)!r}; copy the words exactly from the article",
                )


def _clip(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def did_you_mean(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def check_references(
    data: dict[str, Any],
    known_actors: set[str],
    known_places: set[str],
    report: Callable[[DataPath, str], None],
    registered: set[str] | frozenset[str] = frozenset(),
    either: set[str] | None = None,
) -> None:
    """Every id a fact names must be an actor or place of the corpus.

    An actor entry may leave out its name and kind only when the registry
    (``registered``) gives them. ``either``: the union of the two sets, when the
    caller checks many briefings against the same ones.
    """
    for i, actor in _items(data, "actors"):
        missing = [k for k in ("name", "kind") if not actor.get(k)]
        if missing and actor.get("id") not in registered:
            report(
                ("actors", i),
                f"actor {actor.get('id')!r} has no {' or '.join(missing)}: add "
                f"{' and '.join(missing)}, or list the actor in briefings/actors.yaml",
            )

    def check(loc: DataPath, ident: Any, known: set[str], what: str) -> None:
        if isinstance(ident, str) and ident not in known:
            report(loc, f"unknown {what} id {ident!r}{did_you_mean(ident, known)}")

    if either is None:
        either = known_actors | known_places
    known = {ACTOR: known_actors, PLACE: known_places, EITHER: either}
    words = {ACTOR: "actor", PLACE: "place", EITHER: "actor or place"}
    for kind in FACT_KINDS:
        for i, fact in _items(data, kind.key):
            for name, what in kind.references.items():
                value = fact.get(name)
                # A place's country is any actor or place, but it reads as a country.
                word = "country" if name == "country" else words[what]
                if isinstance(value, list):
                    for j, ident in _strings(value):
                        check((kind.key, i, name, j), ident, known[what], word)
                elif value:
                    check((kind.key, i, name), value, known[what], word)


def defined_ids(data: Any) -> tuple[set[str], set[str]]:
    """The actor and place ids a briefing's data defines, however broken the rest is."""
    return (
        {a["id"] for _, a in _items(data, "actors") if isinstance(a.get("id"), str)},
        {p["id"] for _, p in _items(data, "places") if isinstance(p.get("id"), str)},
    )


# --------------------------------------------------------------------------- the corpus


@dataclass
class Appearance:
    """An actor's or place's part in one briefing: its entry there and its role then."""

    briefing: Briefing
    entry: Actor | Place

    @property
    def role(self) -> str | None:
        return getattr(self.entry, "role", None)


@dataclass
class Profile:
    """One actor or place across the corpus: what every briefing says of it.

    A registry entry (``briefings/actors.yaml``), when there is one, gives the
    canonical name, kind, description and aliases; otherwise the newest
    briefing's entry does, since names and roles change over time.
    """

    id: str
    page: str  # "actor" or "place": which kind of page it has
    appearances: list[Appearance] = field(default_factory=list)
    events: list[tuple[Briefing, Event]] = field(default_factory=list)
    quotes: list[tuple[Briefing, Quote]] = field(default_factory=list)
    relations: list[tuple[Briefing, Relation]] = field(default_factory=list)
    record: dict[str, Any] = field(default_factory=dict)
    fullest: str | None = None  # set by Corpus.build, once every appearance is in

    @property
    def latest(self) -> Actor | Place:
        """The entry of the newest briefing."""
        return self.appearances[0].entry

    def _first(self, key: str) -> Any:
        if self.record.get(key) is not None:
            return self.record[key]
        for appearance in self.appearances:
            value = getattr(appearance.entry, key, None)
            if value is not None:
                return value
        return None

    @property
    def name(self) -> str:
        """The registry's name, else the fullest form the briefings give (see fullest_name)."""
        return self.record.get("name") or self.fullest or self._first("name") or self.id

    @property
    def category(self) -> str | None:
        """The actor's kind (person, country...) or the place's (city, region...)."""
        return self._first("kind")

    @property
    def description(self) -> str | None:
        return self._first("description")

    @property
    def wikidata(self) -> str | None:
        return self._first("wikidata")

    @property
    def country(self) -> str | None:
        return self._first("country")

    @property
    def coordinates(self) -> list[float] | None:
        return self._first("coordinates")

    @cached_property
    def aliases(self) -> list[str]:
        # Cached: every page that names the actor asks, and a profile is complete
        # (Corpus.build) before anything does.
        seen = {self.name}
        out = []
        names = [*(self.record.get("aliases") or [])]
        for appearance in self.appearances:
            names.extend(
                n for n in (getattr(appearance.entry, "name", None), *appearance.entry.aliases) if n
            )
        for alias in names:
            if alias not in seen:
                seen.add(alias)
                out.append(alias)
        return out

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]


def fullest_name(names: list[str]) -> str:
    """The fullest of an actor's names across briefings, newest first in ``names``.

    One briefing says "Recep Erdogan", another "Recep Tayyip Erdogan": the corpus
    names him in full, and the shorter form is an alias. A name replaces the current
    one only when it holds all of its words in order and more ("Pezeshkian" ->
    "Masoud Pezeshkian"); two names that differ otherwise keep the newest.
    """
    return _fullest_name(tuple(names))


# Serve rebuilds every profile on every save, mostly from the same names.
@lru_cache(maxsize=1 << 15)
def _fullest_name(names: tuple[str, ...]) -> str:

    def fullness(name: str) -> tuple[int, int]:
        # More words of the name itself, then fewer honorifics around them.
        return len(_bare(name)), -len(name.split())

    best = names[0]
    for name in names[1:]:
        if fullness(name) > fullness(best) and _contains_in_order(
            " ".join(_bare(name)), " ".join(_bare(best))
        ):
            best = name
    return best


def _bare(name: str) -> list[str]:
    """A name's words without honorifics: "Mr. Masoud Pezeshkian" is no fuller a name."""
    return [w for w in name.split() if w.rstrip(".").lower() not in ABBREVIATIONS]


def _contains_in_order(longer: str, shorter: str) -> bool:
    words = iter(w.casefold() for w in longer.split())
    return all(any(w == part for w in words) for part in (p.casefold() for p in shorter.split()))


@dataclass
class Registry:
    """The corpus-wide register of actors and places: canonical names, kinds, aliases.

    Optional: without it, each briefing names its actors itself. With it, a
    briefing's entry needs only the id and what is specific to that article.
    """

    actors: dict[str, dict[str, Any]] = field(default_factory=dict)
    places: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Self:
        data = data or {}
        return cls(
            {a["id"]: a for a in data.get("actors") or []},
            {p["id"]: p for p in data.get("places") or []},
        )


def _published_key(briefing: Briefing) -> tuple[str, str]:
    return (briefing.source.published or "", briefing.id)


@dataclass
class Corpus:
    """Every briefing, and the cross-briefing views built from them in one pass."""

    briefings: list[Briefing]
    actors: dict[str, Profile] = field(default_factory=dict)
    places: dict[str, Profile] = field(default_factory=dict)
    registry: Registry = field(default_factory=lambda: Registry(), compare=False, repr=False)
    _events: list[tuple[Briefing, Event]] | None = field(
        default=None, init=False, compare=False, repr=False
    )

    @classmethod
    def build(
        cls,
        briefings: Iterable[Briefing],
        registry: Registry | None = None,
        previous: Corpus | None = None,
    ) -> Self:
        """The corpus of ``briefings``; with ``previous`` (serve's last build), only the
        profiles of ids that an added, changed or removed briefing names are made again.

        A briefing object that is in both is unchanged (the loader hands back the same
        object for a folder it did not parse again), and so is every profile that no
        other briefing touches: it is taken over as it is. Either way the corpus is the
        one a build from nothing makes (``tests/test_model.py`` holds them equal).
        """
        registry = registry or Registry()
        if previous is not None and previous.registry == registry:
            again = cls._again(list(briefings), registry, previous)
            if again is not None:
                return again
        return cls._build(briefings, registry)

    @classmethod
    def _again(cls, briefings: list[Briefing], registry: Registry, previous: Corpus) -> Self | None:
        before = {id(b) for b in previous.briefings}
        now = {id(b) for b in briefings}
        removed = [b for b in previous.briefings if id(b) not in now]
        added = [b for b in briefings if id(b) not in before]
        if len(removed) + len(added) > max(1, len(briefings) // 4):
            return None  # most of it changed: a build from nothing is as quick
        touched: set[str] = set()
        for briefing in (*removed, *added):
            touched |= named_ids(briefing)
        # Every briefing that names a touched id, in any field, dangling or not.
        involved = [b for b in briefings if not named_ids(b).isdisjoint(touched)]
        # Only the touched profiles: an id named in most briefings (a country) brings
        # most of the corpus into ``involved``, and the profiles of all their other ids
        # would be made only to be thrown away.
        part = cls._build(involved, registry, only=touched)
        actors, places = dict(previous.actors), dict(previous.places)
        for table, fresh in ((actors, part.actors), (places, part.places)):
            for ident in touched:
                if ident in fresh:
                    table[ident] = fresh[ident]
                else:
                    table.pop(ident, None)
        newest_first = sorted(briefings, key=_published_key, reverse=True)
        return cls(
            newest_first, dict(sorted(actors.items())), dict(sorted(places.items())), registry
        )

    @classmethod
    def _build(
        cls, briefings: Iterable[Briefing], registry: Registry, only: set[str] | None = None
    ) -> Self:
        newest_first = sorted(briefings, key=_published_key, reverse=True)
        corpus = cls(newest_first, registry=registry)
        for briefing in newest_first:
            for actor in briefing.actors:
                if only is None or actor.id in only:
                    corpus._profile(corpus.actors, actor.id, "actor").appearances.append(
                        Appearance(briefing, actor)
                    )
            for place in briefing.places:
                if only is None or place.id in only:
                    corpus._profile(corpus.places, place.id, "place").appearances.append(
                        Appearance(briefing, place)
                    )
        shown = [kind for kind in FACT_KINDS if kind.shown_on]
        for briefing in newest_first:
            for kind in shown:
                for fact in getattr(briefing, kind.key):
                    profiles: dict[int, Profile] = {}
                    for name, what, ident in referenced_ids(kind, fact):
                        if name not in kind.shown_on:
                            continue
                        profile = (corpus.actors.get(ident) if what != PLACE else None) or (
                            corpus.places.get(ident) if what != ACTOR else None
                        )
                        if profile is not None:
                            profiles.setdefault(id(profile), profile)
                    for profile in profiles.values():
                        getattr(profile, kind.key).append((briefing, fact))
        for table, records in ((corpus.actors, registry.actors), (corpus.places, registry.places)):
            for ident, profile in table.items():
                profile.record = records.get(ident, {})
        for profile in (*corpus.actors.values(), *corpus.places.values()):
            profile.events.sort(key=lambda pair: pair[1].date_value.sort_key())
            names = [a.entry.name for a in profile.appearances if getattr(a.entry, "name", None)]
            profile.fullest = fullest_name(names) if names else None
        # By id, not by first appearance: a corpus made again in part has the same order.
        corpus.actors = dict(sorted(corpus.actors.items()))
        corpus.places = dict(sorted(corpus.places.items()))
        return corpus

    @staticmethod
    def _profile(table: dict[str, Profile], ident: str, page: str) -> Profile:
        if ident not in table:
            table[ident] = Profile(ident, page)
        return table[ident]

    def events(self) -> list[tuple[Briefing, Event]]:
        """All events, oldest first; ties keep briefing and article order. Do not change
        the list: the timeline, the exports and the feeds all read this one."""
        if self._events is None:
            pairs = [(b, e) for b in self.briefings for e in b.events]
            self._events = sorted(pairs, key=lambda pair: pair[1].date_value.sort_key())
        return self._events

    def name_of(self, ident: str) -> str:
        profile = self.actors.get(ident) or self.places.get(ident)
        return profile.name if profile else ident

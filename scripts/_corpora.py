"""Gold documents for scripts/evaluate.py: the seed annotation and the shared corpora.

The corpora stay in ``../shared/corpora`` and are read at run time through the
``read_gold.py`` that ships beside each of them, so a fix to a reader there is a
fix here. Nothing from them is copied into this repository.

Every loader returns :class:`GoldDoc` records with character offsets into the
text the systems will see, so that all systems are scored on the same string.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import glob
import hashlib
import importlib.util
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
GOLD_DIR = REPO / "tests" / "gold"
DEV_DIR = GOLD_DIR / "dev"
SPLITS = ("dev", "test")
DEFAULT_CORPORA = REPO.parent / "shared" / "corpora"

# Gold entity types scored, by corpus vocabulary. Everything else is left out.
GUM_TYPES = {"person": "person", "organization": "organization", "place": "place"}
MEANTIME_TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}

# MEANTIME annotates only the title, the dateline and the next four sentences of
# each article (sentences 0-5 in its numbering); 117 of 120 documents have their
# last annotation in sentence 5. Scoring beyond that would count correct output
# as false positives.
MEANTIME_LAST_SENTENCE = 5


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str  # a TimeML value for dates, an entity type for mentions
    text: str = ""
    kind: str = ""  # date | duration | set | time, where known
    # Other extents of the same gold mention (MEANTIME's nested mentions of one
    # entity, "US automaker GM" and "GM"): an exact match may take any of them.
    extents: tuple[tuple[int, int], ...] = ()
    # A judgement call of the hand gold (the dev set's `optional: true`): matching it
    # is neither right nor wrong, missing it costs nothing.
    optional: bool = False


@dataclass
class GoldDoc:
    corpus: str
    id: str
    text: str
    published: dt.date | None
    timex: list[Span] = field(default_factory=list)
    # Kinds of dates the gold annotates: predictions of other kinds are not scored.
    timex_kinds: frozenset[str] = frozenset({"date", "duration", "set", "time"})
    # Whether the gold can write PRESENT_REF, PAST_REF and FUTURE_REF ("now",
    # "recently"): where it cannot, predictions of them are not scored.
    timex_refs: bool = True
    entities: list[Span] = field(default_factory=list)
    # Gold mentions that are not scored, and predictions on which are neither right
    # nor wrong: with no label (named, but left untyped), any prediction overlapping
    # one; with a label (typed, but not counted as named), a prediction of that type
    # inside it.
    ignore: list[Span] = field(default_factory=list)
    region: tuple[int, int] = (0, 0)  # the annotated part of ``text``

    def in_region(self, start: int) -> bool:
        return self.region[0] <= start < self.region[1]


# --------------------------------------------------------------------------- seed


def load_seed(path: Path | None = None) -> tuple[GoldDoc, dict[str, Any]]:
    """The seed article and its hand annotation (tests/gold/seed.yaml)."""
    path = path or GOLD_DIR / "seed.yaml"
    gold = yaml.safe_load(path.read_text("utf-8"))
    article = path.parent / gold["article"]
    data = article.read_bytes()
    if hashlib.sha256(data).hexdigest() != gold["sha256"]:
        raise ValueError(f"{article} is not the text that {path.name} annotates (sha256 differs)")
    text = data.decode("utf-8")
    published = gold["published"]
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    doc = GoldDoc(
        corpus="seed",
        id="seed",
        text=text,
        published=published,
        timex=[
            Span(d["start"], d["end"], str(d["value"]), d["text"], d["kind"]) for d in gold["dates"]
        ],
        region=(0, int(gold["body_end"])),
    )
    return doc, gold


# --------------------------------------------------------------------------- dev set


@dataclass
class DevGold:
    """One hand-annotated file of tests/gold/dev/ and the text it annotates."""

    path: Path
    gold: dict[str, Any]
    # The corpus loader's text (what the systems see and the offsets refer to), with
    # the gold file's ``published`` (the dateline, the story's reference time, which
    # GUM's dateCreated sometimes is not) and the gold file's dates.
    doc: GoldDoc

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def split(self) -> str:
        return str(self.gold.get("split"))

    @property
    def sha256_ok(self) -> bool:
        digest = hashlib.sha256(self.doc.text.encode("utf-8")).hexdigest()
        return digest == self.gold.get("sha256")


def dev_files(folder: Path = DEV_DIR) -> list[Path]:
    return sorted(folder.glob("*.yaml"))


def held_out(folder: Path = DEV_DIR) -> dict[str, set[str]]:
    """The corpus ids of the dev set's held-out articles (``split: test``), by corpus.

    ``evaluate.py --tune`` leaves these out of the GUM and MEANTIME benchmarks, so
    their errors can be read for tuning without reading the held-out split's.
    """
    out: dict[str, set[str]] = {}
    for p in dev_files(folder):
        g = yaml.safe_load(p.read_text("utf-8")) or {}
        if g.get("split") == "test":
            out.setdefault(str(g.get("corpus")), set()).add(str(g.get("doc")))
    return out


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return _date(str(value)) if value else None


def value_str(value: Any) -> str:
    """A gold value as TimeML writes it: YAML reads 2017-07-21 as a date, "2017" may
    come as an int, and a time with seconds as a datetime."""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _names(path: Path, gold: dict[str, Any]) -> tuple[str, str]:
    return path.stem.casefold(), str(gold.get("doc", "")).casefold()


def _select(golds: list[tuple[Path, Any]], only: Iterable[str]) -> list[tuple[Path, Any]]:
    """``--doc``: each name picks the files whose stem or corpus id it is, or else
    those it is a case-blind part of ("afghan", "100911")."""
    chosen: list[tuple[Path, Any]] = []
    for w in (w.casefold() for w in only if w):
        exact = [pg for pg in golds if w in _names(*pg)]
        chosen += exact or [pg for pg in golds if any(w in n for n in _names(*pg))]
    return [pg for pg in golds if pg in chosen]


def _dev_date(d: dict[str, Any]) -> Span:
    return Span(
        int(d["start"]), int(d["end"]), value_str(d["value"]), str(d["text"]),
        str(d.get("kind", "")), optional=bool(d.get("optional")),
    )  # fmt: skip


def load_dev(
    corpora: Path, only: Iterable[str] | None = None, folder: Path = DEV_DIR, verify: bool = True
) -> list[DevGold]:
    """Every dev-set gold file (or those ``only`` names), with its text from the corpus.

    The text is resolved through the corpus loaders by ``corpus`` + ``doc``, never
    stored here; with ``verify`` a file whose ``sha256`` is not that text's raises,
    as a seed gold whose article changed does.
    """
    golds = [(p, yaml.safe_load(p.read_text("utf-8"))) for p in dev_files(folder)]
    if only is not None:
        golds = _select(golds, only)
    ids: dict[str, set[str]] = {}
    for _p, g in golds:
        ids.setdefault(str(g.get("corpus")), set()).add(str(g.get("doc")))
    texts: dict[tuple[str, str], GoldDoc] = {}
    loaders = {"gum": load_gum, "meantime": load_meantime}
    for corpus, wanted_ids in ids.items():
        if corpus in loaders:
            for d in loaders[corpus](corpora, only=wanted_ids):
                texts[corpus, d.id] = d
    out = []
    for path, g in golds:
        source = texts.get((str(g.get("corpus")), str(g.get("doc"))))
        if source is None:
            raise ValueError(f"{path.name}: corpus {g.get('corpus')!r} has no doc {g.get('doc')!r}")
        doc = GoldDoc(
            corpus=source.corpus,
            id=source.id,
            text=source.text,
            published=_as_date(g.get("published")),
            timex=[_dev_date(d) for d in g.get("dates") or []],
            region=(0, int(g.get("body_end") or len(source.text))),
        )
        item = DevGold(path, g, doc)
        if verify and not item.sha256_ok:
            raise ValueError(f"{path.name} does not annotate {g.get('doc')} (sha256 differs)")
        out.append(item)
    return out


# --------------------------------------------------------------------------- helpers


def _import_reader(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _range_value(first: str, last: str) -> str:
    """GUM writes ranges as from/to days; TimeML names whole weeks, months and years."""
    a, b = _date(first), _date(last)
    if a and b and len(first) == len(last) == 10:
        if a.weekday() == 0 and b - a == dt.timedelta(days=6):
            year, week, _ = a.isocalendar()
            return f"{year}-W{week:02d}"
        same_month = (a.year, a.month) == (b.year, b.month)
        if same_month and a.day == 1 and (b + dt.timedelta(days=1)).day == 1:
            return f"{a:%Y-%m}"
        if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31) and a.year == b.year:
            return str(a.year)
    if first == last:
        return first
    return f"{first}/{last}"


def available(corpora: Path, name: str) -> bool:
    return (corpora / name / "read_gold.py").is_file()


# --------------------------------------------------------------------------- GUM


def load_gum(corpora: Path, limit: int = 0, only: set[str] | None = None) -> list[GoldDoc]:
    """GUM's Wikinews documents: dates from the TEI <date> tags, typed entities from CoNLL-U.

    Only proper-noun-headed mentions count as named: GUM marks every mention,
    including pronouns and common nouns that coreference links to a Wikipedia
    identity ("We", "the team"), and long noun phrases that merely contain a name
    ("critics of U.S. President Donald Trump's policies"). The head is the
    mention's ``minspan`` (1-based token positions within the mention).
    ``only``: the ids (``GUM_news_afghan``) to read, the others skipped unread.
    """
    base = corpora / "gum-news"
    reader = _import_reader(base / "read_gold.py", "_gum_read_gold")
    files = sorted(glob.glob(os.path.join(base, "xml", "GUM_news_*.xml")))
    if only is not None:
        files = [f for f in files if os.path.basename(f)[:-4] in only]
    if limit:
        files = files[:limit]
    docs = []
    for xml_path in files:
        name = os.path.basename(xml_path)[:-4]
        meta, spans, _ntok = reader.read_xml(xml_path)
        toks, offs, text, ents = reader.read_conllu(str(base / "dep" / f"{name}.conllu"))
        timex = []
        for sp in spans:
            if sp["tag"] not in ("date", "time"):
                continue
            a = sp["attrs"]
            if a.get("when"):
                value = a["when"]
            elif a.get("from") or a.get("to"):
                value = _range_value(a.get("from", ""), a.get("to", ""))
            elif a.get("notBefore") and a.get("notAfter"):
                value = _range_value(a["notBefore"], a["notAfter"])
            else:
                value = "?"  # an open bound has no value to compare
            s, e = offs[sp["tok_start"]][0], offs[sp["tok_end"] - 1][1]
            timex.append(Span(s, e, value, text[s:e], sp["tag"]))
        heads, upos, last_of_sentence = _gum_syntax(base / "dep" / f"{name}.conllu")
        if len(heads) != len(toks):
            raise ValueError(f"{name}: CoNLL-U tokens do not line up with read_gold.py's")
        # A heading or dateline has no final stop; without a line break the model
        # reads it into the next sentence. Same length, so offsets hold.
        chars = list(text)
        for i in last_of_sentence:
            end = offs[i][1]
            if end < len(chars) and chars[end] == " " and toks[i][0] not in ".!?\"'”’)":
                chars[end] = "\n"
        text = "".join(chars)
        entities, ignore = [], []
        for s, e, f in ents:
            etype = GUM_TYPES.get(f.get("etype") or "")
            # Proper mentions of other types ("the American Revolution", an event)
            # are not ignored: calling one a person, organization or place is an error.
            if not etype:
                continue
            start, end = offs[s][0], offs[e][1]
            span = Span(start, end, etype, text[start:end])
            if upos[_span_head(heads, s, e)] == "PROPN":
                entities.append(span)
            else:
                # "Facebook creator Mark Zuckerberg" (headed by "creator"): a typed
                # mention not counted as named, so a prediction of its type inside
                # it is neither right nor wrong, as on MEANTIME.
                ignore.append(span)
        docs.append(
            GoldDoc(
                corpus="gum",
                id=name,
                text=text,
                published=_date(meta.get("dateCreated")),
                timex=timex,
                # GUM's <date> tags mark calendar dates and ranges only: a duration
                # is tagged only when it can be written as the calendar span it
                # covers ("the past 30 days" as notBefore/notAfter), never as a
                # length, and sets never.
                timex_kinds=frozenset({"date", "time"}),
                # TEI's when/from/to/notBefore/notAfter hold ISO 8601 dates only, so
                # GUM cannot annotate "now" or "recently" (and does not: none of
                # the 28 "now", "currently", "recent(ly)", "current", "soon" in
                # its news documents is tagged).
                timex_refs=False,
                entities=entities,
                ignore=ignore,
                region=(0, len(text)),
            )
        )
    return docs


def _gum_syntax(path: Path) -> tuple[list[int], list[str], list[int]]:
    """Each word's head (a document-wide index, -1 for a root), its UPOS, and the
    index of every sentence's last word: read_gold.py keeps none of these."""
    heads: list[int] = []
    upos: list[str] = []
    last: list[int] = []
    first = 0
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            if len(heads) > first:
                last.append(len(heads) - 1)
            first = len(heads)
            continue
        cols = line.split("\t")
        if line.startswith("#") or not cols[0].isdigit():
            continue
        head = int(cols[6]) if cols[6].isdigit() else 0
        heads.append(first + head - 1 if head else -1)
        upos.append(cols[3])
    if len(heads) > first:
        last.append(len(heads) - 1)
    return heads, upos, last


def _span_head(heads: list[int], start: int, end: int) -> int:
    """The mention's syntactic head: its first word governed from outside it."""
    for i in range(start, end + 1):
        if not start <= heads[i] <= end:
            return i
    return start


# --------------------------------------------------------------------------- MEANTIME

_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "'s", "’s", "n't", "'", "'re",
                    "'ve", "'ll", "'d", "'m"}  # fmt: skip
_NO_SPACE_AFTER = {"(", "[", "{", "$", "#"}
_TIME_KINDS = {"DATE": "date", "DURATION": "duration", "SET": "set", "TIME": "time"}


# Penn Treebank's quotation marks, as the article wrote them.
_PTB_QUOTES = {"``": '"', "''": '"'}
# "O'" + "Leary": a one-letter name prefix the tokenizer cut off ("O'Leary", "D'Arcy").
_NAME_PREFIX = re.compile(r"[A-Z]['’]")


def _detokenize(tokens: list[tuple[str, int]]) -> tuple[str, list[tuple[int, int]]]:
    """Text a reader would see, with each token's offsets.

    MEANTIME stores tokens, not text; joining them with spaces gives "Boeing 's"
    and "( USAF )", which no article contains and which both the model and the
    date parsers read worse. Its quotation marks are Penn Treebank's `` and '',
    which no article contains either: they are written as the article's ".
    The title and the dateline are lines of their own.
    """
    out: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    prev = ""
    prev_sentence = -1
    open_quote = False
    for tok, sentence in tokens:
        tok = _PTB_QUOTES.get(tok, tok)
        if not out or _NAME_PREFIX.fullmatch(prev):
            sep = ""
        elif sentence != prev_sentence and prev_sentence in (0, 1):
            sep = "\n"
        elif tok in _NO_SPACE_BEFORE or prev in _NO_SPACE_AFTER:
            sep = ""
        elif tok == '"':
            sep = "" if open_quote else " "
        elif prev == '"' and open_quote:
            sep = ""
        else:
            sep = " "
        if tok == '"':
            open_quote = not open_quote
        out.append(sep)
        pos += len(sep)
        offsets.append((pos, pos + len(tok)))
        out.append(tok)
        pos += len(tok)
        prev, prev_sentence = tok, sentence
    return "".join(out), offsets


def _repair_timeml(value: str) -> str:
    """Three MEANTIME values that are not TimeML, written as their evident meaning.

    "PM6" and "PY5" (for "the next six months", "five-year") swap the count and
    the unit of P6M and P5Y; "03-02-2009" is the dateline "February 03, 2009"
    written day first, and as the document's only date of creation it is also its
    publication date. Nothing else is rewritten: a value that is wrong but well
    formed (a week number one off) stays as the annotators wrote it.
    """
    m = re.fullmatch(r"P([YMWD])(\d+)", value)
    if m:
        return f"P{m[2]}{m[1]}"
    m = re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", value)
    if m:
        return f"{m[3]}-{m[2]}-{m[1]}"
    return value


def load_meantime(corpora: Path, limit: int = 0, only: set[str] | None = None) -> list[GoldDoc]:
    """MEANTIME English (intra-document layer): TimeML TIMEX3 and named entity mentions.

    ``only``: the ids (``corpus_airbus/100911``) to read. A file is named after its
    document's id ("100911_Northrop_Grumman_...xml"), which picks the files to parse;
    the id parsed from the file is what the returned documents carry.
    """
    import xml.etree.ElementTree as ET

    base = corpora / "meantime-en"
    reader = _import_reader(base / "read_gold.py", "_meantime_read_gold")
    files = sorted(glob.glob(os.path.join(base, "intra-doc_annotation", "corpus_*", "*.xml")))
    if only is not None:
        files = [f for f in files if _meantime_file_id(f) in only]
    if limit:
        files = files[:limit]
    docs = []
    for path in files:
        gold = reader.parse_doc(path)
        root = ET.parse(path).getroot()
        order = [(t.get("t_id"), t.text or "", int(t.get("sentence"))) for t in root.iter("token")]
        text, offs = _detokenize([(tok, sent) for _, tok, sent in order])
        index = {tid: i for i, (tid, _, _) in enumerate(order)}
        region_end = max(
            (offs[i][1] for i, (_, _, s) in enumerate(order) if s <= MEANTIME_LAST_SENTENCE),
            default=len(text),
        )
        markables = root.find("Markables")
        by_id = {el.get("m_id"): el for el in markables} if markables is not None else {}

        def span_of(
            el: Any, _index: dict[str, int] = index, _offs: list = offs
        ) -> tuple[int, int] | None:
            anchors = (a.get("t_id") for a in el.findall("token_anchor"))
            ids = [_index[t] for t in anchors if t in _index]
            if not ids:
                return None  # non-consuming TIMEX3: no text to find
            return _offs[min(ids)][0], _offs[max(ids)][1]

        timex = []
        for el in markables.findall("TIMEX3") if markables is not None else []:
            se = span_of(el)
            if se is None:
                continue
            timex.append(
                Span(
                    se[0],
                    se[1],
                    _repair_timeml(el.get("value") or "?"),
                    text[se[0] : se[1]],
                    _TIME_KINDS.get(el.get("type") or "", ""),
                )
            )
        refers = {}
        relations = root.find("Relations")
        for r in relations.findall("REFERS_TO") if relations is not None else []:
            target = r.find("target").get("m_id")
            for s in r.findall("source"):
                refers[s.get("m_id")] = target
        named: list[tuple[Span, str]] = []  # with the entity instance each refers to
        ignore = []
        for el in markables.findall("ENTITY_MENTION") if markables is not None else []:
            se = span_of(el)
            if se is None:
                continue
            inst = by_id.get(refers.get(el.get("m_id")))
            raw = inst.get("ent_type") if inst is not None else None
            span = Span(se[0], se[1], MEANTIME_TYPES.get(raw or "", ""), text[se[0] : se[1]])
            if (el.get("syntactic_type") or "") not in reader.NAMED:
                # Typed but not named: "Russian" (NOM), "the US government" (NOM),
                # and names whose syntactic type the annotators left blank ("GM").
                # The gold says what they are; only the named ones are counted.
                if span.label:
                    ignore.append(span)
            elif raw is None:
                ignore.append(span)  # a named mention the annotators left unlinked, so untyped
            elif span.label:
                named.append((span, inst.get("m_id") or ""))
        entities, inner = _one_per_nest(named)
        docs.append(
            GoldDoc(
                corpus="meantime",
                id=f"{os.path.basename(os.path.dirname(path))}/{gold['id']}",
                text=text,
                published=_date(_repair_timeml(gold["dct"] or "")),
                timex=timex,
                entities=entities,
                ignore=ignore + inner,
                region=(0, region_end),
            )
        )
    return docs


def _meantime_file_id(path: str) -> str:
    sub = os.path.basename(os.path.dirname(path))
    return f"{sub}/{os.path.basename(path).split('_', 1)[0]}"


def _one_per_nest(named: list[tuple[Span, str]]) -> tuple[list[Span], list[Span]]:
    """Nested named mentions of one entity as one gold mention, the outermost; and
    the inner extents, as typed spans to ignore.

    MEANTIME marks a name and the noun phrase around it as two mentions of the same
    entity ("US automaker GM" and "GM"; "General Motors (GM)" and "GM"). They are
    one mention at two extents: a system that finds "GM" has found it, and no flat
    output could be credited with both. The inner extents stay acceptable for
    exact matching, and a second prediction on one ("General Motors" and "GM")
    is neither a second hit nor a false alarm. Nested mentions of other entities
    ("US" in "US automaker GM") stay mentions of their own.
    """
    out: list[Span] = []
    inner_spans: list[Span] = []
    for span, inst in named:
        outer = [
            o for o, i in named
            if i == inst and o != span and o.start <= span.start and span.end <= o.end
            and (o.end - o.start) > (span.end - span.start)
        ]  # fmt: skip
        if outer:
            continue
        inner = tuple(
            (o.start, o.end) for o, i in named
            if i == inst and o != span and span.start <= o.start and o.end <= span.end
        )  # fmt: skip
        out.append(dataclasses.replace(span, extents=inner) if inner else span)
        inner_spans += [Span(a, b, span.label) for a, b in inner]
    return out, inner_spans

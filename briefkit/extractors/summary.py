"""Summary, key points and tags: extractive, so every word is the article's own.

The summary is the lead: news puts the who, what, where and when first, so the
first sentences (two, or three when they are short) are the summary a reader
expects. Key points are other sentences ranked by a salience score a reader can
check: earlier is better, and so is naming more actors and stating numbers or
dates; questions, very short and very long sentences are passed over. Tags are
the countries and organizations the article names most, plus topic words only
where the article uses a topic's vocabulary repeatedly.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefkit.extractors.gazetteer import slugify
from briefkit.extractors.spans import SpanIndex

if TYPE_CHECKING:
    from briefkit.article import Article, Sentence
    from briefkit.extractors.mentions import Mention
    from briefkit.extractors.types import Entities

_SUMMARY_WORDS = 70  # a third lead sentence is added only while under this
_MIN_WORDS, _MAX_WORDS = 8, 60
_DIGIT = re.compile(r"\d")
# A topic tag needs this many of its words in the article: one passing mention is not a topic.
_TOPIC_MIN_HITS = 3
TOPICS: dict[str, frozenset[str]] = {
    "diplomacy": frozenset(
        [
            "visit",
            "trip",
            "talks",
            "summit",
            "diplomat",
            "diplomatic",
            "diplomacy",
            "ambassador",
            "envoy",
            "negotiate",
            "negotiations",
            "treaty",
            "relations",
            "minister",
            "delegation",
        ]
    ),
    "trade": frozenset(
        [
            "trade",
            "imports",
            "exports",
            "exporter",
            "importer",
            "tariff",
            "tariffs",
            "market",
            "goods",
            "partner",
            "commerce",
        ]
    ),
    "security": frozenset(
        [
            "troops",
            "military",
            "attack",
            "attacks",
            "missile",
            "missiles",
            "rocket",
            "militant",
            "militants",
            "security",
            "army",
            "forces",
            "bases",
            "weapons",
            "war",
            "armed",
        ]
    ),
    "economy": frozenset(
        [
            "economy",
            "economic",
            "inflation",
            "growth",
            "gdp",
            "investment",
            "investors",
            "bank",
            "banking",
            "budget",
        ]
    ),
    "elections": frozenset(
        ["election", "elections", "vote", "voters", "ballot", "campaign", "candidate", "polls"]
    ),
    "energy": frozenset(
        ["oil", "gas", "pipeline", "energy", "crude", "petroleum", "electricity", "power"]
    ),
    "sanctions": frozenset(["sanctions", "sanction", "embargo"]),
    "health": frozenset(
        ["health", "hospital", "virus", "vaccine", "disease", "patients", "outbreak", "doctors"]
    ),
    "climate": frozenset(
        ["climate", "emissions", "warming", "drought", "flood", "floods", "carbon"]
    ),
    "technology": frozenset(
        ["technology", "software", "internet", "data", "computer", "robot", "robotics", "ai"]
    ),
}


@dataclass
class _Scored:
    sentence: Sentence
    score: float


def _words(article: Article, sent: Sentence) -> list[str]:
    return article.text[sent.start : sent.end].split()


def lead_sentences(article: Article) -> list[Sentence]:
    # The story's sentences: a headline is the title already, a dateline no summary.
    sents = article.body_sentences
    if len(sents) > 2 and sum(len(_words(article, s)) for s in sents[:3]) <= _SUMMARY_WORDS:
        return sents[:3]
    return sents[:2]


def salience(
    article: Article, sent: Sentence, mentions: SpanIndex[Mention], dates: list[int]
) -> float:
    """Position, actor density and stated numbers or dates, each on a 0..1 scale.

    ``dates`` are the offsets of date expressions, sorted.
    """
    n = max(len(article.sentences), 1)
    position = 1 - sent.index / n
    actors = {m.ref for m in mentions.starting_in(sent.start, sent.end)}
    density = min(len(actors) / 3, 1.0)
    text = article.text[sent.start : sent.end]
    dated = bisect_left(dates, sent.start) < bisect_left(dates, sent.end)
    facts = 1.0 if _DIGIT.search(text) or dated else 0.0
    return 0.5 * position + 0.3 * density + 0.2 * facts


def key_points(
    article: Article, entities: Entities, dates: list[int], summary_count: int, limit: int = 4
) -> list[str]:
    scored = []
    mentions = SpanIndex(entities.mentions, lambda m: (m.start, m.end))
    dates = sorted(dates)
    for sent in article.body_sentences[summary_count:]:
        words = len(_words(article, sent))
        text = article.text[sent.start : sent.end]
        if not _MIN_WORDS <= words <= _MAX_WORDS or text.rstrip('”"').endswith("?"):
            continue
        scored.append(_Scored(sent, salience(article, sent, mentions, dates)))
    best = sorted(scored, key=lambda s: -s.score)[:limit]
    return [story_text(article, s.sentence) for s in sorted(best, key=lambda s: s.sentence.index)]


def tags(article: Article, entities: Entities, limit: int = 6) -> list[str]:
    kinds = {a.id: a.kind for a in entities.actors}
    counts = Counter(
        m.ref
        for m in entities.mentions
        if m.kind == "actor" and kinds.get(m.ref) in {"country", "organization"}
    )
    chosen = [ref for ref, c in counts.most_common() if c >= 2][: limit - 2]
    words = Counter(w.lower() for w in re.findall(r"[A-Za-z]+", article.prose))
    topical = [(sum(words[w] for w in vocab), topic) for topic, vocab in TOPICS.items()]
    for hits, topic in sorted(topical, reverse=True):
        if hits >= _TOPIC_MIN_HITS and len(chosen) < limit:
            chosen.append(slugify(topic))
    return chosen[:limit]


def story_text(article: Article, sent: Sentence) -> str:
    """A sentence's words without the furniture that opens it: the first sentence of
    wire copy starts with its dateline ("WASHINGTON (AP) — "), which is no summary."""
    start = sent.start
    for part in article.structure:
        if part.start <= start < part.end:
            start = part.end
    return article.text[start : sent.end].strip()


def summarise(article: Article, entities: Entities, date_offsets: list[int]) -> dict[str, object]:
    """``summary``, ``key_points`` and ``tags`` in the data contract's field names."""
    lead = lead_sentences(article)
    return {
        "summary": " ".join(story_text(article, s) for s in lead),
        "key_points": key_points(article, entities, date_offsets, len(lead)),
        "tags": tags(article, entities),
    }

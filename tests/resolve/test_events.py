"""Reports of one event within an article: photo captions and places near each other."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from kgbuild.records import Claim, Event, Mention, Provenance, TimeExpression
from kgbuild.resolve.events import Geography, merge_reports, same_event

# Redlands is 11 km from San Bernardino, Chino 38 km.
_POINTS = {"place/san-bernardino": (34.108, -117.290), "place/redlands": (34.056, -117.182),
           "place/chino": (34.012, -117.688)}
_GEOGRAPHY = Geography(country_of={key: "actor/united-states" for key in (*_POINTS, "place/california")}, points=_POINTS,
                       states=frozenset({"actor/united-states", "actor/india"}))


@pytest.mark.parametrize(("a", "b", "clash"), [
    ({"place/san-bernardino"}, {"place/redlands"}, False),  # neighbouring towns
    ({"place/san-bernardino"}, {"place/chino"}, True),
    ({"place/chino"}, {"actor/united-states"}, False),  # a town and the state it lies in
    # a place nothing is known of ("Kashmir") may hold the other; a state holds only its own towns
    ({"place/chino"}, {"place/kashmir"}, False),
    ({"place/chino"}, {"actor/india"}, True),
    ({"place/san-bernardino"}, {"place/california"}, False),  # a town and a region of its state
    ({"place/chino"}, set(), False),
])
def test_places_clash_unless_one_is_near_or_holds_the_other(a, b, clash):
    assert _GEOGRAPHY.clash(a, b) is clash
    assert _GEOGRAPHY.clash(b, a) is clash


@pytest.mark.parametrize(("text", "caption"), [
    ("FILE - Soldiers patrol a market in Maiduguri, Nigeria, May 3, 2024.", True),
    ("Rescuers search the rubble of a house in Rafah, Gaza, Jan. 9, 2024.", True),
    ("Sudanese army chief Abdel Fattah al-Burhan, center, meets envoys in Port Sudan.", True),
    ("A satellite image shows the damaged airfield.", True),
    ("The attack happened in Maiduguri on May 3, 2024.", False),  # a sentence that says when
    ("Officials will file charges, the ministry said.", False),
])
def test_photo_captions_are_told_by_their_wording(text, caption):
    assert Provenance("a", "a.txt", 0, 0, len(text), text).caption is caption


def test_a_caption_joins_the_body_s_report_of_its_event(extract):
    facts = extract("Gunmen attacked a police station in Kramatorsk on Monday, killing two officers.\n"
                    "FILE - Police officers stand outside the station gunmen attacked in Sloviansk, Ukraine, "
                    "March 4, 2024.", date(2024, 3, 8))
    (strike,) = [e for e in facts.events if e.type == "strike"]
    assert len({c.provenance.sentence for c in strike.claims}) == 2


@pytest.mark.parametrize(("caption", "joins"), [
    # taken three days after the attack: the scene of it
    ("FILE - Police officers guard the market gunmen attacked in Kano, Nigeria, March 8, 2024.", True),
    # taken months later: another day's attack
    ("FILE - Police officers guard the market gunmen attacked in Kano, Nigeria, Aug. 8, 2024.", False),
])
def test_a_caption_dated_in_the_weeks_after_an_attack_pictures_it(extract, caption, joins):
    facts = extract("Gunmen attacked a crowded market in Kano on Tuesday, killing 12 people.\n" + caption, date(2024, 3, 8))
    strikes = [e for e in facts.events if e.type == "strike"]
    assert (len(strikes) == 1) is joins, [(e.date, [c.provenance.text for c in e.claims]) for e in strikes]


@pytest.mark.parametrize("text", [
    "Xi Jinping spoke by phone with Vladimir Putin on Monday.\n"
    "Putin told Xi in the call that the talks had stalled.",
    "Xi Jinping and Vladimir Putin held a phone call on Monday.\n"
    "Xi spoke by phone with Putin on Monday about trade.",
])
def test_reports_of_one_call_merge_whoever_they_say_called(extract, text):
    (call,) = [e for e in extract(text, date(2024, 3, 8)).events if e.type == "call"]
    parties = {m.entity for m in (*call.actors, *call.targets)}
    assert parties == {"actor/xi-jinping", "actor/vladimir-putin"}
    assert call.actors and call.targets  # the report that says who called whom gives the roles


def test_calls_with_several_leaders_are_a_call_with_each_and_a_leader_recaps_the_one_with_his_state(extract):
    facts = extract("Emmanuel Macron held back-to-back phone calls on Monday with the Turkish and Greek leaders.\n"
                    "Recapping the call, Erdogan said he and Macron had discussed the crisis.", date(2024, 3, 8))
    calls = {frozenset(m.entity for m in (*e.actors, *e.targets)): len(e.claims) for e in facts.events if e.type == "call"}
    assert calls == {frozenset({"actor/emmanuel-macron", "actor/greece"}): 1,
                     frozenset({"actor/emmanuel-macron", "actor/turkey", "actor/recep-tayyip-erdogan"}): 2}


def test_one_figure_told_twice_once_naming_nobody_is_one_report(extract):
    facts = extract("Roughly 8,500 American troops have been put on heightened alert, the Pentagon said on Monday.\n"
                    "Spokesman John Kirby said 8,500 troops had been placed on heightened readiness.", date(2022, 1, 24))
    (figure,) = [e for e in facts.events if e.type == "troop_figure"]
    assert len(figure.claims) == 2


def test_appeals_to_one_party_by_speakers_not_both_named_stay_two(extract):
    facts = extract("The U.N. rights chief called on Syria to let aid into Aleppo.\n"
                    "Later, in Geneva, spokesman Rupert Colville called on Syria to allow monitors into the city.",
                    date(2016, 12, 14))
    assert len([e for e in facts.events if e.type == "appeal"]) == 2


def test_calls_with_different_parties_stay_two(extract):
    facts = extract("Donald Trump spoke by phone with Vladimir Putin on Wednesday.\n"
                    "Trump also spoke by phone with Volodymyr Zelenskyy on Wednesday.", date(2025, 2, 13))
    assert len([e for e in facts.events if e.type == "call"]) == 2


@pytest.mark.parametrize(("text", "published", "kind"), [
    # the only body report of its type, which names no party to compare
    ("Suicide attack at Istanbul's main airport\n\nThree suicide attackers opened fire at the entrance to the "
     "international terminal late Tuesday, killing 36 people, the governor said.", date(2016, 6, 29), "strike"),
    # the only body report of its type, which names a party the headline does not contradict
    ("Artillery strikes on Kherson city\n\nOn 24 December 2022, Russian artillery struck several districts of "
     "Kherson city (Kherson), including the central market area.", date(2022, 12, 25), "strike"),
    # a figure within the body's bound is the same toll
    ("Israeli strikes on south Lebanon villages kill 14\n\nIsraeli warplanes pounded villages in southern Lebanon "
     "on Tuesday, killing at least 14 people, the health ministry said.", date(2024, 10, 9), "casualties"),
])
def test_a_headline_joins_the_body_report_it_announces(extract, text, published, kind):
    (event,) = [e for e in extract(text, published).events if e.type == kind]
    assert len(event.claims) == 2


def _report(sentence: int, text: str, day: str) -> Event:
    provenance = Provenance("a", "a.txt", sentence, 0, len(text), text)
    return Event(id=str(sentence), type="strike", trigger="shot", actors=(), targets=(),
                 places=(Mention("Fresno", "GPE", 0, 6, sentence, entity="place/fresno"),),
                 date=TimeExpression(day, 0, 0, sentence, day, "day"), claims=(Claim(provenance),), confidence=1.0)


@pytest.mark.parametrize(("day", "same"), [("2017-03-09", True), ("2017-06-09", False)])
def test_a_caption_s_date_is_when_the_photo_was_taken_in_the_weeks_after(day, same):
    body = _report(1, "Police shot two suspects in Fresno on Wednesday.", "2017-03-08")
    caption = _report(2, f"FILE - An officer inspects the car where two suspects were shot by police in Fresno, "
                         f"California, {date.fromisoformat(day):%B %-d, %Y}.", day)
    assert same_event(body, caption) is same and same_event(caption, body) is same


def test_a_caption_that_names_nothing_shows_the_first_body_event_it_fits():
    body = _report(1, "Police shot two suspects in Fresno on Wednesday.", "2017-03-08")
    other = replace(_report(2, "Police shot a man in Reno in January.", "2017-01-10"),
                    places=(Mention("Reno", "GPE", 0, 4, 2, entity="place/reno"),))
    caption = replace(_report(3, "FILE - People look at the scene of the shooting, March 9, 2017.", "2017-03-09"), places=())
    merged = merge_reports((body, other, caption))
    assert len(merged) == 2 and len(merged[0].claims) == 2


def _strikes(facts) -> list[Event]:
    return [e for e in facts.events if e.type == "strike"]


def test_police_shooting_the_attackers_is_no_report_of_their_attack(extract):
    facts = extract("Islamic State militants attacked Iraqi troops in Mosul on Saturday, killing 12 soldiers.\n"
                    "FILE - A police officer guards the car where two militants were shot by Iraqi police after the "
                    "attack in Mosul, Iraq, Oct. 22, 2016.", date(2016, 10, 23))
    attack, *others = _strikes(facts)
    assert {m.entity for m in attack.actors} == {"actor/islamic-state"}
    assert len(others) == 1 and not {m.entity for m in others[0].actors} & {"actor/islamic-state"}


def test_a_caption_names_the_town_of_an_attack_the_body_places_only_in_an_unknown_region(extract):
    facts = extract("A deadly attack on Indian soldiers in Kashmir this week raised tensions with Pakistan.\n"
                    "FILE - Students hold candles during a march organized by a student union against Sunday's attack "
                    "at an army camp in Uri, India, Sept. 20, 2016.",
                    date(2016, 9, 21))
    (attack,) = _strikes(facts)
    assert len(attack.claims) == 2
    # "this week" may count from Sunday; the caption's "Sunday's attack" says which day, its closing date does not
    assert [m.text for m in attack.places] == ["Uri"] and attack.date.value == "2016-09-18"


def test_a_vigil_for_the_victims_of_an_attack_is_held_where_the_caption_says_not_the_attack(extract):
    facts = extract("A suicide bomber attacked a market in Lahore on Sunday, killing 20 people.\n"
                    "FILE - Mourners attend a vigil for the victims of Sunday's bombing at a church in Quetta, "
                    "Pakistan, March 29, 2016.", date(2016, 3, 29))
    (attack,) = _strikes(facts)
    assert [m.text for m in attack.places] == ["Lahore"] and len(attack.claims) == 2


def test_a_caption_of_what_happened_joins_no_report_of_a_plan(extract):
    facts = extract("Officials said new attacks were being planned in Pakistan.\n"
                    "FILE - Police detain a man after a shootout in Quetta, Pakistan, March 4, 2016.", date(2016, 3, 5))
    assert len(_strikes(facts)) == 2


def test_a_toll_told_on_the_day_of_an_earlier_attack_than_the_main_one_is_its_toll(extract):
    facts = extract("Gunmen attacked a bus in Kabul on Monday, killing five passengers.\n"
                    "Officials compared it with the bombing of the U.S. embassy in Nairobi by al-Qaida on Aug. 7, 1998.\n"
                    "More than 200 people died then.", date(2016, 5, 12))
    (toll,) = [e for e in facts.events if e.type == "casualties" and e.date.value == "1998-08-07"]
    assert {m.entity for m in toll.actors} == {"actor/al-qaeda"} and "actor" in toll.inferred_roles


def test_an_attack_told_only_in_a_state_is_put_in_the_village_nothing_is_known_of_that_a_report_of_it_names(extract):
    facts = extract("A military jet dropped two bombs on a village in Myanmar on Monday, killing 17 civilians.\n"
                    "The bombs struck houses in Thit Pin Shwe village, a rescue worker said.", date(2024, 3, 12))
    (strike,) = _strikes(facts)
    assert [m.text for m in strike.places] == ["Thit Pin Shwe"]


def test_an_appeal_quoted_without_its_speaker_retells_the_one_to_the_same_party_just_before(extract):
    facts = extract("Through his lawyers, the jailed pastor Ali Rahimi appealed to Trump for help in March.\n"
                    '"Will the government face no consequence for holding me?\n'
                    '"I appeal to President Trump: please help me.', date(2017, 5, 17))
    (appeal,) = [e for e in facts.events if e.type == "appeal"]
    assert len(appeal.claims) == 2

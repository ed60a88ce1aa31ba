"""Sentence -> event tables: one or more rows per trigger rule, quantity form and modality, with negative cases.

The sentences are written for these tests (about several wars), never copied from the seed corpus.
"""

from __future__ import annotations

from datetime import date

import pytest

from kgbuild.records import Event

PUBLISHED = date(2024, 3, 14)  # a Thursday


def _events(extract, text: str) -> list[Event]:
    return list(extract(text, PUBLISHED).events)


def _labels(event: Event, role: str) -> set[str]:
    return {m.entity.split("/", 1)[1] for m in getattr(event, role)}


def _only(extract, text: str, kind: str) -> Event:
    found = [e for e in _events(extract, text) if e.type == kind]
    assert len(found) == 1, (text, [(e.type, e.trigger) for e in _events(extract, text)])
    return found[0]


# sentence, type, actors, targets, places (entity slugs; None = not checked)
EVENT_CASES = [
    ("Sudanese President Omar al-Bashir spoke by phone with Egyptian President Abdel Fattah el-Sisi on Tuesday.",
     "call", {"omar-al-bashir"}, {"abdel-fattah-el-sisi"}, None),
    ("Emmanuel Macron held a phone call with Joe Biden on Monday.", "call", {"emmanuel-macron"}, {"joe-biden"}, None),
    ("Antony Blinken called on Israel to protect civilians in Gaza.", "appeal", {"antony-blinken"}, {"israel"}, None),
    ("The United Nations urged Myanmar to release political prisoners.", "appeal", {"united-nations"}, {"myanmar"}, None),
    ("Delegations from Ethiopia and Eritrea met in Nairobi on Wednesday.", "meeting", {"ethiopia", "eritrea"}, set(), {"nairobi"}),
    ("Israeli jets struck a school in the southern city of Rafah on Tuesday, Palestinian officials said.",
     "strike", {"israel"}, set(), {"rafah"}),
    ("Houthi rebels fired two ballistic missiles at a tanker in the Red Sea.", "strike", None, None, {"red-sea"}),
    ("Ukrainian air defences shot down 30 Russian drones overnight.", "interception", {"ukraine"}, {"russia"}, None),
    ("Russia has massed 100,000 troops near the border with Ukraine.", "troop_figure", {"russia"}, None, None),
    ("At least 31 people were killed in an air strike on a market in Sudan.", "casualties", None, None, None),
    ("Germany will send 14 Leopard tanks to Ukraine, the defence minister said.", "aid", {"germany"}, {"ukraine"}, None),
]


@pytest.mark.parametrize(("text", "kind", "actors", "targets", "places"), EVENT_CASES)
def test_sentence_yields_event(extract, text, kind, actors, targets, places):
    event = _only(extract, text, kind)
    if actors is not None:
        assert _labels(event, "actors") == actors
    if targets is not None:
        assert _labels(event, "targets") == targets
    if places is not None:
        assert _labels(event, "places") >= places


# sentence, type, (minimum, maximum), unit
QUANTITY_CASES = [
    ("Russia has massed 8,500 troops near the border.", "troop_figure", (8500, 8500), "troops"),
    ("North Korea sent 10,000-12,000 troops to Russia.", "troop_figure", (10000, 12000), "troops"),
    ("Air defences shot down more than 40 drones, the army said.", "interception", (40, None), "drones"),
    ("At least 31 civilians were killed in the shelling.", "casualties", (31, None), "civilians"),
    ("The strike hit up to 20 warplanes, officials said.", "strike", (None, 20), "warplanes"),
    ("Two ballistic missiles struck the port of Odesa.", "strike", (2, 2), "missiles"),
    ("Dozens of soldiers were wounded in the fighting near Goma.", "casualties", (24, None), "soldiers"),
    ("The army has lost 300,000 to 350,000 soldiers.", "casualties", (300000, 350000), "soldiers"),
    ("The European Union approved a 1.2 billion euros aid package for Moldova.", "aid", (1.2e9, 1.2e9), "euros"),
    ("Canada pledged $500 million in military aid to Ukraine.", "aid", (5e8, 5e8), "US dollars"),
    ("Ethiopia has deployed thousands of soldiers to the border.", "troop_figure", (1000, None), "soldiers"),
    ("No casualties were reported.", "casualties", (0, 0), "casualties"),
]


@pytest.mark.parametrize(("text", "kind", "bounds", "unit"), QUANTITY_CASES)
def test_quantity_forms(extract, text, kind, bounds, unit):
    event = _only(extract, text, kind)
    quantity = event.claims[0].quantity
    assert quantity is not None, text
    assert (quantity.minimum, quantity.maximum) == bounds
    assert quantity.unit == unit


# sentence, type, modality
MODALITY_CASES = [
    ("Poland will not send troops to Ukraine, the minister said.", "troop_figure", "negated"),
    ("Israel plans to launch a ground offensive in Rafah.", "strike", "planned"),
    ("Iran threatened to strike Israeli cities.", "strike", "threatened"),
    ("Russian forces reportedly shelled the town of Kupiansk.", "strike", "reported"),
    ("The Houthis claimed they had shot down an American drone over Yemen.", "interception", "claimed"),
    ("Moscow denied that its forces had attacked the convoy in Syria.", "strike", "denied"),
    ("Sudan's army shelled the city of Omdurman on Monday.", "strike", "asserted"),
]


@pytest.mark.parametrize(("text", "kind", "modality"), MODALITY_CASES)
def test_modality(extract, text, kind, modality):
    assert _only(extract, text, kind).claims[0].modality == modality


# sentence, claimant label or entity slug, reporting verb
CLAIMANT_CASES = [
    ("Russian drones hit an energy facility in Kharkiv, the Ukrainian air force said.", "Ukrainian air force", "say"),
    ("Israeli aircraft struck targets in Lebanon, according to US officials.", "US officials", None),
    ("Volodymyr Zelenskyy told reporters that Russian missiles struck Dnipro on Friday.", "volodymyr-zelenskyy", "tell"),
]


@pytest.mark.parametrize(("text", "claimant", "verb"), CLAIMANT_CASES)
def test_claimant(extract, text, claimant, verb):
    claim = _only(extract, text, "strike").claims[0]
    named = claim.claimant.entity.split("/", 1)[1] if claim.claimant else None
    assert claimant in (named, claim.claimant_label)
    assert claim.reporting_verb == verb


NO_EVENT_CASES = [
    ("The minister called for a ceasefire in Gaza.", "call"),  # an appeal, not a phone call
    ("Arsenal beat Chelsea 3-1 and two players were injured in the second half.", "casualties"),
    ("India lost by five wickets to Australia in Melbourne.", "casualties"),
    ("The two sides struck a deal on grain exports in Istanbul.", "strike"),
    ("If Russia invades Ukraine, the West will respond with sanctions.", "strike"),
    ("Will Russia invade Ukraine?", "strike"),
    ("The United States imposed sanctions on Iranian oil exports.", None),
    ("Kenya rejected the accusations and criticised the protests in Nairobi.", None),
    ("The two leaders discussed further military aid to Ukraine.", "aid"),
    ("Asked whether Canada would send troops, Trudeau said there were many contingency plans.", "appeal"),
]


@pytest.mark.parametrize(("text", "kind"), NO_EVENT_CASES)
def test_sentence_yields_no_such_event(extract, text, kind):
    found = [e.type for e in _events(extract, text)]
    if kind is None:
        assert found == [], (text, found)
    else:
        assert kind not in found, (text, found)


def test_undated_event_takes_the_publication_date_and_says_so(extract):
    event = _only(extract, "Russian missiles struck the city of Zaporizhzhia, the governor said.", "strike")
    assert event.date.value == PUBLISHED.isoformat()
    assert event.date_inferred


def test_stated_date_is_resolved_against_publication(extract):
    event = _only(extract, "Israeli jets struck Khan Younis on Tuesday, Palestinian officials said.", "strike")
    assert (event.date.value, event.date.granularity, event.date_inferred) == ("2024-03-12", "day", False)


def test_two_reports_of_one_event_in_an_article_merge_with_both_claims(extract):
    text = ("Russia has massed 100,000 troops near Ukraine's border, US officials said.\n\n"
            "Russia has massed 100,000 troops near the border, NATO said.")
    events = [e for e in _events(extract, text) if e.type == "troop_figure"]
    assert len(events) == 1
    assert len(events[0].claims) == 2

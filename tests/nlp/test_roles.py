"""Offices named instead of their holder, read against the article's date."""

from __future__ import annotations

from datetime import date

import pytest

# text, publication date, the surface form, the person it names (None: no one)
ROLE_CASES = [
    ("The US president spoke with Vladimir Putin by phone on Tuesday.", date(2025, 2, 19),
     "US president", "actor/donald-trump"),
    ("The US president spoke with Vladimir Putin by phone on Tuesday.", date(2023, 2, 19),
     "US president", "actor/joe-biden"),
    ("The Kremlin spokesman said Russia would respond to the drone attack.", date(2025, 2, 19),
     "Kremlin spokesman", "actor/dmitry-peskov"),
    ("NATO's secretary general urged allies to send more air defence.", date(2023, 5, 2),
     "NATO's secretary general", "actor/jens-stoltenberg"),
    # the holder the article's date names: "the Iranian president" in 2013 is Rouhani, in 2010 Ahmadinejad
    ("The Iranian president called on the United Nations to act.", date(2013, 9, 20),
     "Iranian president", "actor/hassan-rouhani"),
    ("The Iranian president called on the United Nations to act.", date(2010, 9, 20),
     "Iranian president", "actor/mahmoud-ahmadinejad"),
    ("Afghanistan's president met tribal elders in Kandahar.", date(2016, 5, 2),
     "Afghanistan's president", "actor/ashraf-ghani"),
    # a title before a surname: the surname is the holder's
    ("According to reports, the President of the European Council Costa said the plans would be settled this week.",
     date(2025, 2, 19), "Costa", "actor/antonio-costa"),
]


@pytest.mark.parametrize(("text", "published", "surface", "person"), ROLE_CASES)
def test_office_names_its_holder_on_the_article_date(extract, text, published, surface, person):
    facts = extract(text, published)
    assert {m.entity for m in facts.mentions if m.text == surface} == {person}


@pytest.mark.parametrize(("text", "published"), [
    ("The former US president criticised the aid package.", date(2025, 2, 19)),
    # a name that is not the holder's speaks for itself
    ("US President Barack Obama met Putin in 2015.", date(2025, 2, 19)),
])
def test_office_of_someone_else_names_no_holder(extract, text, published):
    facts = extract(text, published)
    assert "actor/donald-trump" not in {m.entity for m in facts.mentions}


def test_office_is_a_role_not_an_alias(extract):
    facts = extract("The Kremlin spokesman said talks had not begun.", date(2025, 2, 19))
    (mention,) = [m for m in facts.mentions if m.entity == "actor/dmitry-peskov"]
    (peskov,) = [e for e in facts.entities if e.key == "actor/dmitry-peskov"]
    assert mention.kind == "role" and "Kremlin spokesman" not in peskov.aliases


def test_office_is_the_speaker_of_a_claim(extract):
    facts = extract("The US president spoke with Vladimir Putin by phone on Tuesday, the Kremlin spokesman said.",
                    date(2025, 2, 19))
    (call,) = [e for e in facts.events if e.type == "call"]
    assert [m.entity for m in call.actors] == ["actor/donald-trump"]
    assert call.claims[0].claimant.entity == "actor/dmitry-peskov"

"""Photo credits, contributor lines and news outlets are media: never actors, never nodes."""

from __future__ import annotations

from datetime import date

import pytest

CASES = [
    # sentence, names that must not be mentions, a name that must stay one
    ("Rebels shelled a school in Aleppo (J. Rahimi/VOA)-The army said it would respond.",
     {"J. Rahimi", "VOA"}, "Aleppo"),
    ("Soldiers patrol a street in Mosul (Karim Saleh via AP)-Residents said the fighting had ended.",
     {"Karim Saleh", "AP"}, "Mosul"),
    ("Nadia Farouk and Tom Becker contributed to this report.", {"Nadia Farouk", "Tom Becker"}, None),
    ("A Turkish official told VOA that Ankara would send troops to Qatar.", {"VOA"}, "Ankara"),
    ("The Kremlin denied the report, Reuters said.", {"Reuters"}, "Kremlin"),
    # a wire dateline's outlet
    ("BEIRUT, Oct. 9, 2024 (Meridian News Agency) - Israeli warplanes pounded villages in Lebanon.",
     {"Meridian News Agency"}, "Lebanon"),
    ("KABUL (Frontline News) - Gunmen attacked a checkpoint in Kabul on Monday.", {"Frontline News"}, "Kabul"),
]


@pytest.mark.parametrize(("text", "media", "kept"), CASES)
def test_credits_and_outlets_are_no_mentions(extract, text, media, kept):
    facts = extract(text, date(2017, 6, 1))
    names = {m.text for m in facts.mentions}
    assert not names & media, names
    assert {e.label for e in facts.entities}.isdisjoint(media)
    if kept:
        assert kept in names

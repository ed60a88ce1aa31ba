"""Accusations and denials as claims on who did the event they are about, and the contradictions they make."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

PUBLISHED = date(2024, 3, 14)
GOMA = ("An explosion hit a market in Goma on Monday, killing 12 people.\n"
        "The Congolese army blamed the M23 rebels for the attack.\n"
        "The M23 denied carrying out the attack.\n")


def _claims(facts, kind):
    labels = {entity.key: entity.label for entity in facts.entities}
    (event,) = [e for e in facts.events if e.type == kind][:1]
    return [(c.modality, labels.get(c.claimant.entity) if c.claimant else None,
             {labels.get(m.entity) for m in c.actors}) for c in event.claims]


def _first(facts, kind):
    return next(e for e in facts.events if e.type == kind)


# text, the claimant, who it says did it, and how it holds it: claimed (an accusation) or denied
BLAME_CASES = [
    (GOMA, "Armed Forces of the Democratic Republic of the Congo", "M23", "claimed"),
    (GOMA, "M23", "M23", "denied"),
    ("Two rockets struck Kharkiv on Tuesday.\nUkraine blamed Russia for the strike.\n", "Ukraine", "Russia", "claimed"),
    ("A car bomb exploded in Mogadishu on Saturday, killing nine people.\nSomali officials blamed al-Shabab.\n",
     None, "al-Shabab", "claimed"),
    ("Ukraine accused Russia of shelling the Zaporizhzhia nuclear plant on Friday.\n", "Ukraine", "Russia", "claimed"),
    ("Ukraine accused Russia of shelling its positions near Izvaryne on Monday, a charge Moscow denied.\n",
     "Russia", "Russia", "denied"),
]


@pytest.mark.parametrize(("text", "claimant", "accused", "modality"), BLAME_CASES)
def test_an_accusation_or_denial_is_a_claim_on_who_did_the_attack(extract, text, claimant, accused, modality):
    claims = _claims(extract(text, PUBLISHED), "strike")
    assert any(m == modality and accused in actors and (claimant is None or who == claimant)
               for m, who, actors in claims), claims


def test_a_denial_does_not_deny_what_its_speaker_goes_on_to_say(extract):
    facts = extract("The Sudanese army blamed the RSF for the shelling of a market in Omdurman on Monday.\n"
                    "The RSF denied the accusation and said the army had struck its positions near Khartoum.\n", PUBLISHED)
    labels = {entity.key: entity.label for entity in facts.entities}
    struck = next(e for e in facts.events if e.trigger == "struck")
    assert all(claim.modality != "denied" for claim in struck.claims)
    assert {labels[m.entity] for m in struck.actors} == {"Sudanese Armed Forces"}


def test_an_accusation_that_names_no_party_claims_nothing(extract):
    facts = extract("A bomb exploded in a market in Maiduguri on Monday.\nResidents blamed the heat for the fire.\n",
                    PUBLISHED)
    assert all(not c.actors for c in _first(facts, "strike").claims)


def test_contradicting_claims_list_events_whose_claimants_disagree_on_who_did_it(run_cli, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "goma", "text": GOMA, "published": "2024-03-14"}) + "\n", encoding="utf-8")
    store = tmp_path / "store"
    assert run_cli("build", feed, "--store", store).exit_code == 0
    result = run_cli("query", "contradicting-claims", "--store", store, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    said = {(row["modality"], row["claimedActor"]) for row in rows}
    assert {("claimed", "M23"), ("denied", "M23")} <= said
    assert {row["type"] for row in rows} == {"strike"}
    assert run_cli("validate", "--store", store).exit_code == 0

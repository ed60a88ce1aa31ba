"""``kgbuild export events|actors``: JSON Lines and CSV read back with the documented fields."""

from __future__ import annotations

import csv
import json

EVENT_FIELDS = {"id", "type", "plover", "plover_mode", "cameo", "acled_event_type", "acled_sub_event_type", "trigger", "date",
                "date_granularity", "date_inferred", "inferred_roles", "actor", "target", "place", "geo_precision",
                "quantity", "quantity_min", "quantity_max", "unit", "claimant", "modality", "confidence", "evidence", "claims",
                "merged_into"}


def test_events_jsonl_carry_arguments_claims_and_evidence(run_cli, seed_store, tmp_path, corpus):
    output = tmp_path / "events.jsonl"
    result = run_cli("export", "events", "--store", seed_store, "-o", output)
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert events and all(set(e) == EVENT_FIELDS for e in events)
    seeds = {p.name: p.read_text(encoding="utf-8") for p in (corpus / "seeds").iterdir()}
    for event in events:
        for evidence in event["evidence"]:
            # offsets point at the sentence in the article as read
            assert seeds[evidence["source"]][evidence["start"]:evidence["end"]] == evidence["sentence"]
    troop_figures = [e for e in events if e["type"] == "troop_figure" and "North Korea" in e["actor"]]
    assert any(e["quantity"] == [10000, 12000] and e["unit"] == "troops" and "Russia" in e["target"] for e in troop_figures)
    assert any(e["modality"] == "negated" and e["quantity"] == 0 for e in events)
    assert {e["plover"] for e in events if e["type"] == "strike"} <= {"ASSAULT", "THREATEN"}
    assert any(e["plover_mode"] == "aerial" and e["acled_sub_event_type"] == "Air/drone strike" for e in events)
    # each report says where and when it was published
    assert all(c["published"] and c["outlet"] for e in events for c in e["claims"])
    assert {e["geo_precision"] for e in events if e["place"]} <= {1, 2, 3, None}
    assert any(e["geo_precision"] == 1 for e in events) and any(e["geo_precision"] == 3 for e in events)


def test_events_csv_joins_lists(run_cli, seed_store, tmp_path):
    output = tmp_path / "events.csv"
    assert run_cli("export", "events", "--store", seed_store, "-o", output).exit_code == 0
    rows = list(csv.DictReader(output.open(encoding="utf-8")))
    assert rows and set(rows[0]) == EVENT_FIELDS
    assert any("; " in row["actor"] for row in rows)
    assert any(row["quantity"] == "10000 to 12000" and row["quantity_min"] == "10000" and row["quantity_max"] == "12000"
               for row in rows)


def test_actors_list_aliases_and_wikidata(run_cli, seed_store, tmp_path):
    output = tmp_path / "actors.jsonl"
    assert run_cli("export", "actors", "--store", seed_store, "-o", output).exit_code == 0
    actors = {a["label"]: a for a in map(json.loads, output.read_text(encoding="utf-8").splitlines())}
    zelenskyy = actors["Volodymyr Zelenskyy"]
    assert zelenskyy["type"] == "Person" and zelenskyy["wikidata"] == "Q3881"
    assert {"Zelensky", "Zelenskyy"} <= set(zelenskyy["aliases"])
    assert actors["Kyiv"]["lat"] == 50.45

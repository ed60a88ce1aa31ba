"""Reports of one event across articles merge into one node that says why; competing figures stay claims."""

from __future__ import annotations

import csv
import io
import json

import pytest

from kgbuild import open_store

# Two articles of our own: one strike, two sources, two figures.
REPORTS = [
    {"id": "a", "published": "2025-03-04", "title": "Drone attack hits Kursk airfield",
     "text": "Ukrainian drones struck an airfield in Kursk on March 3, destroying 41 aircraft, Ukraine's Security "
             "Service said."},
    {"id": "b", "published": "2025-03-05", "title": "Officials dispute drone damage",
     "text": "Ukrainian drones struck an airfield in Kursk on March 3 and hit up to 20 aircraft, according to US "
             "officials."},
]
MERGED = """PREFIX kg: <https://w3id.org/kgbuild/ontology#>
SELECT ?merged ?report ?why WHERE { ?merged a kg:MergedEvent ; kg:report ?report ; kg:mergeReason ?why }"""


@pytest.fixture
def feed(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in REPORTS), encoding="utf-8")
    return path


def test_one_strike_from_two_articles_is_one_event_with_both_claims(run_cli, feed, tmp_path):
    store = tmp_path / "store"
    assert run_cli("build", feed, "--store", store).exit_code == 0
    with open_store(store, read_only=True) as opened:
        rows = list(opened.query(MERGED))
    assert len({r.merged for r in rows}) == 1
    assert len({r.report for r in rows}) == 2
    assert all("strike 2025-03-03, same place: place/kursk" in str(r.why) for r in rows)
    result = run_cli("query", "contradicting-claims", "--store", store, "--format", "csv")
    assert result.exit_code == 0, result.output
    claims = {(row["source"], row["minimum"], row["maximum"]) for row in csv.DictReader(io.StringIO(result.output))}
    assert claims == {("a", "41", "41"), ("b", "", "20")}  # each source with its own figure


def test_merging_can_be_turned_off(run_cli, feed, tmp_path):
    store = tmp_path / "store"
    assert run_cli("build", feed, "--store", store).exit_code == 0
    assert run_cli("build", feed, "--store", store, "--no-merge").exit_code == 0
    with open_store(store, read_only=True) as opened:
        assert list(opened.query(MERGED)) == []

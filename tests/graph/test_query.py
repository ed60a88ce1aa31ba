"""Every saved query in ontology/queries/ answers its question on the seeds (plus two articles of our own)."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest

from kgbuild.errors import QueryError
from kgbuild.graph.query import bind_parameters, load_query, query_parameters, saved_queries

# Another outlet reporting a call that a seed reports, and an article that states no event.
EXTRA = [
    {"id": "call-report", "outlet": "Test Courier", "published": "2025-02-13", "title": "Leaders speak by phone",
     "text": "Donald Trump spoke with Vladimir Putin by phone on Wednesday, the Kremlin said."},
    {"id": "archive-reopens", "outlet": "Test Courier", "published": "2025-02-14", "title": "Archive reopens",
     "text": "The city archive in Lviv reopened its reading room after two years of renovation. "
             "Historians welcomed the new catalogue."},
]


@pytest.fixture(scope="module")
def store(seed_store, tmp_path_factory, run_cli):
    folder = tmp_path_factory.mktemp("queries")
    store = folder / "store"
    shutil.copytree(seed_store, store)
    feed = folder / "extra.jsonl"
    feed.write_text("\n".join(json.dumps(article) for article in EXTRA), encoding="utf-8")
    result = run_cli("build", feed, "--store", store)
    assert result.exit_code == 0, result.output
    return store


@pytest.fixture(scope="module")
def answer(store, run_cli):
    """Run a saved query through the CLI and return its rows as dicts of strings."""

    def run(name: str, **params: str) -> list[dict[str, str]]:
        args = ["query", name, "--store", store, "--format", "csv"]
        for key, value in params.items():
            args += ["--param", f"{key}={value}"]
        result = run_cli(*args)
        assert result.exit_code == 0, result.output
        return list(csv.DictReader(io.StringIO(result.output)))

    return run


def test_the_library_has_every_question_an_analyst_asks():
    assert {
        "strikes-by-place", "calls", "appeals-by-addressee", "troop-figures", "casualty-claims",
        "contradicting-claims", "actor-cooccurrence", "multi-outlet-events", "actor-events", "places",
        "articles-without-events", "sources-by-claimant",
    } <= set(saved_queries())
    assert all(description for description in saved_queries().values())


def test_strikes_by_place_and_month(answer):
    rows = answer("strikes-by-place")
    assert {"label": "Makhnovka", "month": "2025-02", "strikes": "1"}.items() <= next(
        r for r in rows if r["label"] == "Makhnovka").items()
    assert ("Kursk", "2025-01") in {(r["label"], r["month"]) for r in rows}
    assert all(int(r["strikes"]) >= 1 for r in rows)


def test_calls_say_who_called_whom_and_when(answer):
    calls = {(r["callers"], r["callees"], r["date"]) for r in answer("calls")}
    assert ("Donald Trump", "Vladimir Putin", "2025-02-12") in calls
    assert ("Wendy Sherman", "Helga Schmid", "2022-01-24") in calls


def test_appeals_by_addressee(answer):
    nato = next(r for r in answer("appeals-by-addressee") if r["label"] == "NATO")
    assert nato["appellants"] == "Pete Hegseth" and nato["first"] == "2025-02-13"


def test_troop_figures_by_actor(answer):
    figures = {(r["actor"], r["minimum"], r["maximum"], r["unit"]) for r in answer("troop-figures")}
    assert ("North Korea", "10000", "12000", "troops") in figures
    # the US troops on alert, told twice (once naming nobody): one figure, the United States'
    assert ("United States", "8500", "8500", "troops") in figures and ("", "8500", "8500", "troops") not in figures


def test_casualty_claims_with_claimant(answer):
    claims = {(r["claimant"], r["minimum"], r["unit"]) for r in answer("casualty-claims")}
    assert ("Oleksandr Syrskii", "434000", "casualties") in claims
    assert ("fire service", "28", "people") in claims


def test_contradicting_claims_list_each_claimant_with_its_source(answer):
    rows = answer("contradicting-claims")
    assert rows
    for event in {r["event"] for r in rows}:
        figures = {(r["minimum"], r["maximum"]) for r in rows if r["event"] == event}
        assert len(figures) > 1


def test_actor_cooccurrence(answer):
    top = answer("actor-cooccurrence")[0]
    assert (top["aLabel"], top["bLabel"]) == ("Russia", "Ukraine")
    assert int(top["events"]) >= 10 and "strike" in top["types"]


def test_events_reported_by_more_than_one_outlet(answer):
    (row,) = answer("multi-outlet-events")
    assert (row["type"], row["date"], row["outlets"]) == ("call", "2025-02-12", "2")
    assert row["outletNames"] == "Al Jazeera; Test Courier"
    assert "same actor and target" in row["mergeReason"]


def test_events_of_one_actor_in_a_date_range(answer):
    everything = answer("actor-events", actor="Kim Jong Un")
    assert {(r["type"], r["date"]) for r in everything} >= {("meeting", "2025-06-05"), ("meeting", "2023-09")}
    in_2025 = answer("actor-events", actor="kim jong un", **{"from": "2025-01-01", "to": "2025-12-31"})
    assert in_2025 and all(r["date"].startswith("2025") for r in in_2025)
    # an alias finds the actor too
    assert answer("actor-events", actor="Zelensky")


def test_places_with_coordinates_for_mapping(answer):
    kursk = next(r for r in answer("places") if r["label"] == "Kursk")
    assert abs(float(kursk["lat"]) - 51.73) < 0.2 and abs(float(kursk["lon"]) - 36.19) < 0.2
    assert kursk["kind"] == "P"


def test_articles_without_events(answer):
    assert [r["source"] for r in answer("articles-without-events")] == ["archive-reopens"]


def test_sources_per_claimant(answer):
    zelenskyy = next(r for r in answer("sources-by-claimant") if r["claimant"] == "Volodymyr Zelenskyy")
    assert int(zelenskyy["claims"]) >= 3 and int(zelenskyy["outlets"]) >= 2


def test_actors(answer):
    assert "Volodymyr Zelenskyy" in {row["label"] for row in answer("actors")}


def test_events_of_one_type(answer):
    strikes = answer("events")
    assert strikes and {row["type"] for row in strikes} == {"strike"}
    assert any(row["actors"] and row["places"] for row in strikes)
    calls = answer("events", type="call")
    assert ("Donald Trump", "2025-02-12") in {(row["actors"], row["date"]) for row in calls}
    assert {row["type"] for row in calls} == {"call"}


def test_mentions_of_one_actor_in_their_sentences(answer):
    rows = answer("mentions-in-context", actor="Hegseth")  # an alias finds the actor
    assert rows and {row["label"] for row in rows} == {"Pete Hegseth"}
    for row in rows:
        assert row["surface"] in row["sentence"] and int(row["end"]) - int(row["start"]) == len(row["surface"])
    assert [(r["source"], int(r["start"])) for r in rows] == sorted((r["source"], int(r["start"])) for r in rows)
    assert {row["label"] for row in answer("mentions-in-context")} == {"Russia"}


def test_dated_mentions_of_one_actor_in_a_date_range(answer):
    everything = answer("dated-mentions", actor="Kim Jong Un")
    assert everything and {row["actor"] for row in everything} == {"Kim Jong Un"}
    in_2025 = answer("dated-mentions", actor="kim jong un", **{"from": "2025-01-01", "to": "2025-12-31"})
    assert in_2025 and all(row["date"].startswith("2025") for row in in_2025)
    assert len(in_2025) < len(everything)


def test_parameters_are_values_clauses_any_client_can_send():
    text = load_query("actor-events")
    assert query_parameters(text) == {
        "actor": '"Russia"', "from": '"1900-01-01"^^xsd:date', "to": '"2100-12-31"^^xsd:date',
    }
    bound = bind_parameters(text, {"actor": 'The "Wagner" Group'})
    assert 'VALUES ?actor { "The \\"Wagner\\" Group" }' in bound
    with pytest.raises(QueryError, match="parameters: actor, from, to"):
        bind_parameters(text, {"place": "Kyiv"})
    with pytest.raises(QueryError, match="YYYY-MM-DD"):
        bind_parameters(text, {"from": "last May"})

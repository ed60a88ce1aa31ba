"""The graphs kgbuild writes conform to ontology/shapes.ttl, and the shapes catch broken ones."""

from __future__ import annotations

import importlib
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from kgbuild import open_store
from kgbuild.graph import article_triples, entity_triples
from kgbuild.graph.iri import ID
from kgbuild.graph.namespace import KG
from kgbuild.graph.validate import validate_graph, validate_store

GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"
TEXT = ("Russian drones struck Odesa on Monday, killing at least three people, the regional governor said. "
        "President Volodymyr Zelensky spoke with Emmanuel Macron by phone on Tuesday.")


def test_the_seed_graph_conforms(seed_store):
    with open_store(seed_store, read_only=True) as store:
        report = validate_store(store)
    assert report.conforms, "\n".join(report.lines()[:20])
    assert report.triples > 10_000


@pytest.mark.parametrize(("text", "venue"), [
    ("Kerry met Sharif on the sidelines of the U.N. General Assembly on Wednesday.", "place/un-general-assembly"),
    ("Obama hosted Netanyahu at the White House on Monday.", "place/white-house"),
])
def test_a_gathering_or_body_where_a_meeting_was_is_a_place_and_conforms(extract, text, venue):
    facts = extract(text)
    (meeting,) = [e for e in facts.events if e.type == "meeting"]
    assert {m.entity for m in meeting.places} == {venue}
    report = validate_graph(article_triples(facts, "test") + entity_triples(facts.entities))
    assert report.conforms, "\n".join(report.lines()[:10])


@pytest.fixture(scope="module")
def article_graph(request):
    facts = request.getfixturevalue("extract")(TEXT)
    return article_triples(facts, "test") + entity_triples(facts.entities)


def _one(graph: Graph, predicate: URIRef) -> tuple:
    return next(iter(graph.triples((None, predicate, None))))


def _claim_without_evidence(graph: Graph) -> None:
    graph.remove(_one(graph, KG.evidence))


def _minimum_above_maximum(graph: Graph) -> None:
    claim = _one(graph, KG.minimum)[0]
    graph.set((claim, KG.maximum, Literal(Decimal(1))))
    graph.set((claim, KG.minimum, Literal(Decimal(5))))


def _latitude_without_longitude(graph: Graph) -> None:
    graph.remove((_one(graph, URIRef(GEO + "lat"))[0], URIRef(GEO + "long"), None))


def _unknown_event_type(graph: Graph) -> None:
    graph.set((_one(graph, KG.eventType)[0], KG.eventType, Literal("riot")))


def _mention_of_an_event(graph: Graph) -> None:
    mention = _one(graph, KG.refersTo)[0]
    graph.set((mention, KG.refersTo, _one(graph, KG.eventType)[0]))


def _merged_event_with_one_report(graph: Graph) -> None:
    merged = ID["event/merged-x"]
    graph.add((merged, RDF.type, KG.Event))
    graph.add((merged, RDF.type, KG.MergedEvent))
    graph.add((merged, KG.eventType, Literal("strike")))
    graph.add((merged, KG.date, Literal(date(2025, 3, 3))))
    graph.add((merged, KG.mergeReason, Literal("strike 2025-03-03, same place")))
    graph.add((merged, KG.report, _one(graph, KG.eventType)[0]))


def _modality_unknown(graph: Graph) -> None:
    graph.set((_one(graph, KG.modality)[0], KG.modality, KG.Claim))


@pytest.mark.parametrize("damage, path", [
    (_claim_without_evidence, "kg:evidence"),
    (_minimum_above_maximum, "kg:minimum"),
    (_latitude_without_longitude, ""),
    (_unknown_event_type, "kg:eventType"),
    (_mention_of_an_event, "kg:refersTo"),
    (_merged_event_with_one_report, "kg:report"),
    (_modality_unknown, "kg:modality"),
])
def test_the_shapes_catch_a_broken_graph(article_graph, damage, path):
    assert validate_graph(article_graph).conforms
    broken = Graph()
    broken += article_graph
    damage(broken)
    report = validate_graph(broken)
    assert not report.conforms
    assert path in {violation.path for violation in report.violations}, report.lines()


def test_validate_command(run_cli, seed_store, tmp_path):
    result = run_cli("validate", "--store", seed_store)
    assert result.exit_code == 0 and "conforms" in result.output
    store = tmp_path / "store"
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert run_cli("build", tmp_path / "a.txt", "--store", store).exit_code == 0
    with open_store(store) as opened:
        bad = Graph()
        bad.add((ID["event/stray"], RDF.type, KG.Event))
        opened.replace_graph(ID["graph/stray"], bad)
        opened.publish()  # readers see what a build publishes
    result = run_cli("validate", "--store", store)
    assert result.exit_code == 1
    assert "event/stray kg:eventType" in result.output and "Traceback" not in result.output


def test_build_warns_about_an_article_graph_that_breaks_the_shapes(run_cli, tmp_path, monkeypatch):
    build_module = importlib.import_module("kgbuild.build")  # the package's `build` is the function
    resolve = build_module.resolve_article

    def nameless(facts):
        # A resolver defect: every entity loses its name.
        facts = resolve(facts)
        return replace(facts, entities=tuple(replace(e, label="") for e in facts.entities))

    monkeypatch.setattr(build_module, "resolve_article", nameless)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = run_cli("build", tmp_path / "a.txt", "--store", tmp_path / "store")
    assert result.exit_code == 0
    assert "warning: a.txt: its graph breaks ontology/shapes.ttl:" in result.output
    assert "rdfs:label" in result.output and "built 1 article(s)" in result.output

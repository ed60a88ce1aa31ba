"""GraphML and GEXF in three projections: what Gephi, networkx and igraph need to open them."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

import igraph
import networkx as nx
import pytest
from kgbuild.records import ALL_EVENT_TYPES
from kgbuild.resources import read_json


GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
EVENT_TYPES = set(ALL_EVENT_TYPES)
NODE_TYPES = {"Article", "Event", "Person", "Organisation", "State", "ArmedGroup", "Population", "Place"}


@pytest.fixture(scope="module")
def exported(seed_store, tmp_path_factory, run_cli):
    """Export each projection in each format once; return the path for (format, projection)."""
    folder = tmp_path_factory.mktemp("network")
    paths = {}
    for kind in ("graphml", "gexf"):
        for projection in ("actors", "interactions", "events", "full"):
            path = folder / f"{projection}.{kind}"
            result = run_cli("export", kind, "--projection", projection, "--store", seed_store, "-o", path)
            assert result.exit_code == 0, result.output
            paths[(kind, projection)] = path
    return paths


@pytest.mark.parametrize("projection", ["actors", "interactions", "events", "full"])
def test_graphml_reloads_in_networkx_and_igraph_with_the_same_counts(exported, projection):
    path = exported[("graphml", projection)]
    graph = nx.read_graphml(path)
    other = igraph.Graph.Read_GraphML(str(path))
    assert graph.number_of_nodes() == other.vcount() > 30
    assert graph.number_of_edges() == other.ecount() > 30


@pytest.mark.parametrize("projection", ["actors", "interactions", "events", "full"])
def test_graphml_declares_each_attribute_once_with_one_type(exported, projection):
    root = ET.parse(exported[("graphml", projection)]).getroot()
    keys = root.findall(f"{GRAPHML}key")
    assert len({k.get("id") for k in keys}) == len(keys)
    declared = [(k.get("for"), k.get("attr.name")) for k in keys]
    assert len(declared) == len(set(declared))
    assert ("node", "label") in declared and ("edge", "weight") in declared
    types = {k.get("id"): k.get("attr.type") for k in keys}
    assert types[next(k.get("id") for k in keys if k.get("attr.name") == "weight")] == "double"
    for data in root.iter(f"{GRAPHML}data"):
        assert data.get("key") in types
        text = (data.text or "").strip()
        assert text and text.lower() not in ("nan", "inf", "-inf", "none")


@pytest.mark.parametrize("projection", ["actors", "interactions", "events", "full"])
def test_every_node_has_a_label_a_type_and_finite_scalars(exported, projection):
    graph = nx.read_graphml(exported[("graphml", projection)])
    for node, data in graph.nodes(data=True):
        assert data.get("label"), node
        assert data["type"] in NODE_TYPES
        for value in data.values():
            assert isinstance(value, (str, int, float)) and value != ""
            assert not (isinstance(value, float) and not math.isfinite(value))
    for place, data in graph.nodes(data=True):
        if "lat" in data:
            assert -90 <= data["lat"] <= 90 and -180 <= data["lon"] <= 180


def test_actor_projection_weights_edges_by_shared_events_of_one_type(exported):
    graph = nx.read_graphml(exported[("graphml", "actors")])
    assert {data["type"] for _, data in graph.nodes(data=True)} <= {"Person", "Organisation", "State", "ArmedGroup",
                                                                   "Population", "Place"}
    labels = nx.get_node_attributes(graph, "label")
    strikes = [d for a, b, d in graph.edges(data=True)
               if {labels[a], labels[b]} == {"Russia", "Ukraine"} and d["relation"] == "strike"]
    assert len(strikes) == 1 and strikes[0]["weight"] == strikes[0]["count"] >= 5
    assert {d["relation"] for *_, d in graph.edges(data=True)} <= EVENT_TYPES
    assert all(d["first"] <= d["last"] for *_, d in graph.edges(data=True) if "first" in d)
    russia = next(data for node, data in graph.nodes(data=True) if data["label"] == "Russia")
    assert russia["events"] >= 10 and russia["wikidata"] == "Q159"


def test_events_projection_links_actors_events_and_places(exported):
    graph = nx.read_graphml(exported[("graphml", "events")])
    assert {d["relation"] for *_, d in graph.edges(data=True)} == {"actor", "target", "place"}
    for source, target, data in graph.edges(data=True):
        event = target if data["relation"] == "actor" else source
        assert graph.nodes[event]["type"] == "Event" and graph.nodes[event]["event_type"] in EVENT_TYPES
    kursk = next(node for node, data in graph.nodes(data=True) if data["label"] == "Kursk")
    assert graph.nodes[kursk]["country"] == "Russia" and "lat" in graph.nodes[kursk]


def test_full_projection_adds_articles_reports_and_claimants(exported):
    graph = nx.read_graphml(exported[("graphml", "full")])
    articles = [node for node, data in graph.nodes(data=True) if data["type"] == "Article"]
    assert len(articles) == 5
    assert {"mentions", "reports", "claims", "actor", "target", "place"} <= {
        d["relation"] for *_, d in graph.edges(data=True)}
    assert all(graph.out_degree(article) > 10 for article in articles)


def test_gexf_carries_time_spells_for_the_timeline(exported):
    graph = nx.read_gexf(exported[("gexf", "actors")])
    labels = nx.get_node_attributes(graph, "label")
    call = next(d for a, b, d in graph.edges(data=True)
                if {labels[a], labels[b]} == {"Wendy Sherman", "Helga Schmid"})
    assert call["relation"] == "call" and call["spells"] == [("2022-01-24", "2022-01-24")]
    root = ET.parse(exported[("gexf", "actors")]).getroot()
    element = root.find("{http://www.gexf.net/1.2draft}graph")
    assert (element.get("mode"), element.get("timeformat")) == ("dynamic", "date")
    events = nx.read_gexf(exported[("gexf", "events")])
    meeting = [d for _, d in events.nodes(data=True) if d.get("label") == "meeting 2023-09"]
    assert meeting and meeting[0]["spells"] == [("2023-09-01", "2023-09-30")]
    assert all(data.get("label") for _, data in events.nodes(data=True))


def test_projection_only_applies_to_networks(run_cli, seed_store, tmp_path):
    result = run_cli("export", "turtle", "--projection", "actors", "--store", seed_store, "-o", tmp_path / "x.ttl")
    assert result.exit_code == 1 and "applies to gexf and graphml" in result.output


def test_interactions_are_directed_from_source_to_target_one_edge_per_plover_category(exported):
    path = exported[("graphml", "interactions")]
    graph = nx.read_graphml(path, force_multigraph=True)
    other = igraph.Graph.Read_GraphML(str(path))
    assert graph.is_directed() and other.is_directed()
    labels = {node: data["label"] for node, data in graph.nodes(data=True)}
    edges = {(labels[a], labels[b], d["relation"]): d for a, b, d in graph.edges(data=True)}
    categories = {relation for _, _, relation in edges}
    assert categories <= set(read_json("events", "categories.json")["categories"])
    assert {"ASSAULT", "CONSULT", "REQUEST"} <= categories
    russia_strikes = edges[("Russia", "Ukraine", "ASSAULT")]
    assert russia_strikes["weight"] == russia_strikes["count"] >= 3
    # one edge per ordered pair and category
    assert len(edges) == graph.number_of_edges()

import math
import xml.etree.ElementTree as ET

import igraph
import networkx as nx
import pytest

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}


@pytest.fixture(scope="module")
def graphml(seed_store, tmp_path_factory, run_cli_module):
    path = tmp_path_factory.mktemp("export") / "seeds.graphml"
    result = run_cli_module("export", "graphml", "--store", seed_store, "-o", path)
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def run_cli_module():
    from click.testing import CliRunner

    from kgbuild.cli import cli

    return lambda *args: CliRunner().invoke(cli, [str(a) for a in args])


def test_loads_in_networkx_and_igraph_with_the_same_counts(graphml):
    graph = nx.read_graphml(graphml)
    other = igraph.Graph.Read_GraphML(str(graphml))
    assert graph.number_of_nodes() == other.vcount() > 100
    assert graph.number_of_edges() == other.ecount() > 100


def test_every_node_has_a_label_and_type_and_scalar_values(graphml):
    graph = nx.read_graphml(graphml)
    for node, data in graph.nodes(data=True):
        assert data.get("label"), node
        assert data["type"] in {"Article", "Person", "Organisation", "State", "ArmedGroup", "Place"}
        for value in data.values():
            assert isinstance(value, (str, int, float)) and value != ""
            assert not (isinstance(value, float) and not math.isfinite(value))
    assert {d["type"] for _, _, d in graph.edges(data=True)} == {"mentions", "co_mentioned"}


def test_each_key_declared_once_and_every_data_refers_to_one(graphml):
    root = ET.parse(graphml).getroot()
    keys = root.findall("g:key", NS)
    declared = [(k.get("for"), k.get("attr.name")) for k in keys]
    assert len(declared) == len(set(declared))
    ids = {k.get("id") for k in keys}
    assert ("node", "label") in declared
    for data in root.iter("{http://graphml.graphdrawing.org/xmlns}data"):
        assert data.get("key") in ids and (data.text or "").strip()

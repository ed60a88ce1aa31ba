"""A store on a real SPARQL 1.1 server (`oxigraph serve` on a loopback port): every command reads and
writes it as it does a store folder, and finds the same graph."""

from __future__ import annotations

import json

import pytest

from kgbuild import build, open_store
from kgbuild.errors import StoreError
from kgbuild.graph.query import saved_queries

from ..conftest import assert_same_stores, free_port

EXPORTS = ["acled", "actors", "events", "gexf", "graphml", "nquads", "turtle"]


def test_a_build_on_a_server_equals_an_embedded_build(remote_seed_store, seed_store):
    assert_same_stores(seed_store, remote_seed_store)


def test_a_second_build_on_a_server_adds_nothing(remote_seed_store, corpus):
    with open_store(remote_seed_store, read_only=True) as store:
        before = len(store)
    again = build([corpus / "index.json"], remote_seed_store)
    assert (again.built, again.unchanged) == (0, 5)
    with open_store(remote_seed_store, read_only=True) as store:
        assert len(store) == before


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_saved_queries_answer_alike(run_cli, remote_seed_store, seed_store, name):
    answers = [run_cli("query", name, "--store", store, "--format", "csv") for store in (seed_store, remote_seed_store)]
    assert [a.exit_code for a in answers] == [0, 0], answers[1].output
    assert answers[0].output == answers[1].output


@pytest.mark.parametrize("kind", EXPORTS)
def test_exports_are_alike(run_cli, remote_seed_store, seed_store, tmp_path, kind):
    for folder, store in (("embedded", seed_store), ("remote", remote_seed_store)):
        (tmp_path / folder).mkdir()
        result = run_cli("export", kind, "--store", store, "-o", tmp_path / folder / kind)
        assert result.exit_code == 0, result.output
    embedded, remote = ((tmp_path / folder / kind).read_bytes() for folder in ("embedded", "remote"))
    if kind == "nquads":  # each store writes its graphs in its own order
        embedded, remote = sorted(embedded.splitlines()), sorted(remote.splitlines())
    assert embedded == remote


def test_report_stats_and_validate_read_a_server(run_cli, remote_seed_store, seed_store, tmp_path):
    pages = []
    for name, store in (("embedded", seed_store), ("remote", remote_seed_store)):
        assert run_cli("report", "--store", store, "-o", tmp_path / f"{name}.html").exit_code == 0
        pages.append((tmp_path / f"{name}.html").read_bytes())
    assert pages[0] == pages[1]
    stats = [json.loads(run_cli("stats", "--store", store, "--json").output) for store in (seed_store, remote_seed_store)]
    assert stats[0] == stats[1] and stats[1]["counts"]["Article"] == 5
    validated = run_cli("validate", "--store", remote_seed_store)
    assert validated.exit_code == 0 and "conforms" in validated.output


def test_endpoints_named_one_by_one(oxigraph_server, corpus, seed_store):
    """The form for servers laid out otherwise (Fuseki's /DS/sparql ...), here on a server that shows the
    union of its graphs as the default graph by itself, as such a server must."""
    base = oxigraph_server("--union-default-graph")
    location = f"query={base}/query,update={base}/update,store={base}/store"
    assert build([corpus / "index.json"], location).built == 5
    assert_same_stores(seed_store, location)


def test_a_server_whose_default_graph_is_not_the_union_is_refused(remote_seed_store):
    # remote_seed_store's server unites its graphs only when asked, as the base-URL form does.
    location = f"query={remote_seed_store}/query,update={remote_seed_store}/update,store={remote_seed_store}/store"
    with pytest.raises(StoreError, match="does not show its named graphs as the default graph"):
        open_store(location)


def test_an_unreachable_server_says_what_to_start(run_cli):
    result = run_cli("query", "actors", "--store", f"http://127.0.0.1:{free_port()}")
    assert result.exit_code == 1 and "cannot reach the SPARQL server" in result.output
    assert "oxigraph serve" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(("location", "message"), [
    ("http://127.0.0.1:7878/dataset/sparql", "give the Oxigraph server's base URL"),
    ("query=http://127.0.0.1:3030/ds/sparql", "name the three endpoints as query=URL,update=URL,store=URL"),
])
def test_a_malformed_server_location_says_what_to_give(run_cli, location, message):
    result = run_cli("stats", "--store", location)
    assert result.exit_code == 1 and message in result.output


def test_a_query_the_server_refuses_says_why(run_cli, remote_seed_store):
    result = run_cli("query", "SELECT ?x WHERE { ?x ?y }", "--store", remote_seed_store)
    assert result.exit_code == 1 and "the SPARQL query failed" in result.output and "400" in result.output


def test_a_read_only_store_refuses_writes(remote_seed_store):
    from rdflib import Graph, URIRef

    with open_store(remote_seed_store, read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        store.replace_graph(URIRef("urn:x"), Graph())

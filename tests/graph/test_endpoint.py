"""kgbuild serve: a read-only SPARQL 1.1 Protocol endpoint, exercised with a real client (SPARQLWrapper)."""

from __future__ import annotations

import csv
import io
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from SPARQLWrapper import CSV, JSON, POST, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kgbuild.graph.endpoint import SparqlServer

ARTICLES = """PREFIX kg: <https://w3id.org/kgbuild/ontology#>
SELECT ?article ?source WHERE { ?article a kg:Article ; kg:source ?source } ORDER BY ?source"""
SEEDS = ["000_2a3377dbc63ce279.txt", "001_7fe4986ec0dc1bf2.txt", "002_617e04975ce0a18a.txt",
         "003_34167d49c33fde93.txt", "004_85b60c38e1fdebe1.txt"]


@pytest.fixture(scope="module", params=["embedded", "remote"])
def endpoint(request):
    """The endpoint over the seeds in a store folder, and over the same seeds on an Oxigraph server."""
    store = request.getfixturevalue("seed_store" if request.param == "embedded" else "remote_seed_store")
    # A free loopback port; short limits so that the tests can reach them.
    server = SparqlServer(store, "127.0.0.1", 0, timeout=2.0, max_rows=500)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.url
    server.shutdown()
    server.server_close()


def _client(url: str, query: str, return_format: str, method: str | None = None) -> SPARQLWrapper:
    client = SPARQLWrapper(url)
    client.setQuery(query)
    client.setReturnFormat(return_format)
    if method:
        client.setMethod(method)
    return client


@pytest.mark.parametrize("method", [None, POST])
def test_select_as_json_by_get_and_post(endpoint, method):
    result = _client(endpoint, ARTICLES, JSON, method).query().convert()
    assert result["head"]["vars"] == ["article", "source"]
    assert [row["source"]["value"] for row in result["results"]["bindings"]] == SEEDS
    assert result["results"]["bindings"][0]["article"]["type"] == "uri"


def test_select_as_xml_csv_and_tsv(endpoint):
    xml = _client(endpoint, ARTICLES, XML).query().convert()
    assert [node.firstChild.data for node in xml.getElementsByTagName("literal")] == SEEDS
    rows = list(csv.DictReader(io.StringIO(_client(endpoint, ARTICLES, CSV).query().convert().decode())))
    assert [row["source"] for row in rows] == SEEDS
    tsv = _client(endpoint, ARTICLES, TSV).query().convert().decode().splitlines()
    assert tsv[0] == "?article\t?source" and tsv[1].endswith(f'\t"{SEEDS[0]}"')


def test_typed_literals_keep_their_datatype(endpoint):
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/kgbuild/ontology#Article> }"
    (row,) = _client(endpoint, query, JSON).query().convert()["results"]["bindings"]
    assert row["n"] == {"type": "literal", "value": "5", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}


def test_ask_and_construct(endpoint):
    ask = _client(endpoint, "ASK { ?s a <https://w3id.org/kgbuild/ontology#Claim> }", JSON).query().convert()
    assert ask["boolean"] is True
    construct = """PREFIX kg: <https://w3id.org/kgbuild/ontology#>
    CONSTRUCT { ?a kg:source ?s } WHERE { ?a a kg:Article ; kg:source ?s }"""
    graph = _client(endpoint, construct, TURTLE).query().convert()
    assert graph.count(b"kg:source") + graph.count(b"ontology#source>") == 5


def test_updates_are_refused(endpoint):
    for data, media in ((b"update=DROP+ALL", "application/x-www-form-urlencoded"),
                        (b"DROP ALL", "application/sparql-update")):
        request = urllib.request.Request(endpoint, data=data, headers={"Content-Type": media})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request)
        assert refused.value.code == 403 and b"read-only" in refused.value.read()
    assert _client(endpoint, ARTICLES, JSON).query().convert()["results"]["bindings"]


def test_a_bad_query_is_a_400_that_says_why(endpoint):
    with pytest.raises(QueryBadFormed, match="not valid SPARQL"):
        _client(endpoint, "SELEC ?x WHERE { ?x ?y ?z }", JSON).query()


def _status(url: str, query: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"{url}?{urllib.parse.urlencode({'query': query})}") as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_result_size_limit(endpoint):
    status, message = _status(endpoint, "SELECT * WHERE { ?s ?p ?o }")
    assert status == 413 and "LIMIT and OFFSET" in message
    assert _status(endpoint, "SELECT * WHERE { ?s ?p ?o } LIMIT 500")[0] == 200


def test_query_time_limit_stops_the_query_and_the_endpoint_keeps_serving(endpoint):
    endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    status, message = _status(endpoint, endless)
    assert status == 503 and "2 s limit" in message
    assert _status(endpoint, "ASK { ?s ?p ?o }") == (200, '{"head": {}, "boolean": true}')


def test_serve_command_reports_a_missing_store(run_cli, tmp_path):
    result = run_cli("serve", "--store", tmp_path / "none")
    assert result.exit_code == 1 and "kgbuild build" in result.output and "Traceback" not in result.output

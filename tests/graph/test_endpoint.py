"""kgbuild serve: a read-only SPARQL 1.1 Protocol endpoint, exercised with a real client (SPARQLWrapper)."""

from __future__ import annotations

import contextlib
import csv
import io
import re
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from SPARQLWrapper import CSV, JSON, POST, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kgbuild.graph.endpoint import SparqlServer
from kgbuild.report.browser import dump_dom, find_chromium

from ..conftest import DATA, free_port

ARTICLES = """PREFIX kg: <https://w3id.org/kgbuild/ontology#>
SELECT ?article ?source WHERE { ?article a kg:Article ; kg:source ?source } ORDER BY ?source"""
SEEDS = ["000_2a3377dbc63ce279.txt", "001_7fe4986ec0dc1bf2.txt", "002_617e04975ce0a18a.txt",
         "003_34167d49c33fde93.txt", "004_85b60c38e1fdebe1.txt"]


@contextlib.contextmanager
def _serving(store, **options):
    """The endpoint's URL, served on a free loopback port; short limits so that the tests can reach them."""
    server = SparqlServer(store, "127.0.0.1", 0, **{"timeout": 2.0, "max_rows": 500, **options})
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.url
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module", params=["embedded", "remote"])
def endpoint(request):
    """The endpoint over the seeds in a store folder, and over the same seeds on an Oxigraph server."""
    with _serving(request.getfixturevalue("seed_store" if request.param == "embedded" else "remote_seed_store")) as url:
        yield url


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


class _Listener:
    """A loopback port that records each connection made to it and answers as a SPARQL server
    whose one result row binds ?x to "from afar"."""

    ANSWER = b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", "value": "from afar"}}]}}'

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.address = "127.0.0.1:%d" % self.socket.getsockname()[1]
        self.requests: list[bytes] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                return
            with connection:
                connection.settimeout(5)
                self.requests.append(connection.recv(65536))
                connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                                   b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(self.ANSWER) + self.ANSWER)


@pytest.fixture
def listener():
    listening = _Listener()
    yield listening
    listening.socket.close()


SERVICE_FORMS = [
    "SELECT * WHERE { SERVICE <http://%s/sparql> { ?x ?p ?o } }",
    "select * where { service silent <http://%s/sparql> { ?x ?p ?o } }",
    "SELECT * WHERE { \\u0053ERVICE <http://%s/sparql> { ?x ?p ?o } }",
    "SELECT * WHERE { { SELECT ?x WHERE { SERVICE<http://%s/>{ ?x ?p ?o } } } }",
    "SELECT * WHERE { BIND(<http://%s/> AS ?e) SERVICE ?e { ?x ?p ?o } }",
]


@pytest.mark.parametrize("form", SERVICE_FORMS)
def test_service_is_refused_and_no_request_leaves_the_machine(endpoint, listener, form):
    status, message = _status(endpoint, form % listener.address)
    assert status == 400 and "SERVICE" in message and "--allow-service" in message
    assert listener.requests == []
    # The word itself is no SERVICE call: in a string, a variable or a prefixed name it is answered.
    assert _status(endpoint, 'SELECT ?service WHERE { BIND("a SERVICE <http://x/>" AS ?service) }')[0] == 200


def test_an_allowed_service_is_called_and_a_failing_one_is_an_error(seed_store, listener):
    gone = f"127.0.0.1:{free_port()}"
    with _serving(seed_store, allow_service=[listener.address, gone], timeout=20.0) as url:
        status, answer = _status(url, SERVICE_FORMS[0] % listener.address)
        assert status == 200 and "from afar" in answer
        assert len(listener.requests) == 1
        status, message = _status(url, SERVICE_FORMS[0] % gone)
        assert status == 502 and "failed" in message
        assert _status(url, "ASK { ?s ?p ?o }")[0] == 200
        assert _status(url, "SELECT * WHERE { SERVICE <http://127.0.0.2:9/> { ?x ?p ?o } }")[0] == 400


def _headers(url: str, method: str = "GET") -> tuple[int, dict[str, str]]:
    request = urllib.request.Request(f"{url}?{urllib.parse.urlencode({'query': 'ASK {}'})}", method=method,
                                     headers={"Origin": "https://elsewhere.example"})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)


def test_no_web_page_may_read_answers_unless_its_origin_is_allowed(seed_store):
    with _serving(seed_store) as url:
        status, headers = _headers(url)
        assert status == 200 and "Access-Control-Allow-Origin" not in headers
        assert _headers(url, "OPTIONS")[0] == 405
    with _serving(seed_store, cors="https://analysts.example") as url:
        assert _headers(url)[1]["Access-Control-Allow-Origin"] == "https://analysts.example"
        status, headers = _headers(url, "OPTIONS")
        assert status == 204 and headers["Access-Control-Allow-Origin"] == "https://analysts.example"


def _raw(url: str, request: bytes) -> bytes:
    host, port = urllib.parse.urlsplit(url).netloc.split(":")
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(request)
        received = b""
        while chunk := connection.recv(65536):
            received += chunk
        return received


@pytest.mark.parametrize(("length", "status"), [
    (b"Content-Length: abc\r\n", b"400"), (b"Content-Length: 99999999999\r\n", b"413"), (b"", b"411"),
    (b"Content-Length: -5\r\n", b"400"),
])
def test_a_malformed_post_is_a_4xx_and_the_endpoint_keeps_serving(seed_store, length, status):
    with _serving(seed_store) as url:
        answer = _raw(url, b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                           + length + b"\r\nASK {}")
        assert answer.startswith(b"HTTP/1.1 " + status) and b"Content-Length" in answer
        assert _status(url, "ASK { ?s ?p ?o }")[0] == 200


def test_a_client_that_stalls_mid_request_is_let_go(seed_store):
    with _serving(seed_store, request_timeout=0.5) as url:
        # Half a request, then silence: the endpoint closes the connection instead of waiting for ever.
        answer = _raw(url, b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\nASK")
        assert answer == b""
        assert _status(url, "ASK { ?s ?p ?o }")[0] == 200


def test_a_query_that_eats_memory_is_stopped_and_the_endpoint_keeps_serving(seed_store):
    with _serving(seed_store, timeout=60.0, max_memory_mb=400) as url:
        status, message = _status(url, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f")
        assert status == 503 and "400 MiB" in message
        assert _status(url, "ASK { ?s ?p ?o }")[0] == 200


def test_slow_queries_do_not_starve_a_quick_one(seed_store):
    endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with _serving(seed_store, timeout=8.0, workers=2, max_workers=3) as url:
        slow = [threading.Thread(target=_status, args=(url, endless)) for _ in range(2)]
        for thread in slow:
            thread.start()
        quick = _status(url, "ASK { ?s ?p ?o }")
        assert [thread.is_alive() for thread in slow] == [True, True]
        assert quick == (200, '{"head": {}, "boolean": true}')
        for thread in slow:
            thread.join()


@pytest.mark.parametrize(("option", "value", "words"), [
    ("--cors", "*", "not a web origin"), ("--cors", "analysts.example", "not a web origin"),
    ("--allow-service", "user@host:80", "not a HOST:PORT"), ("--allow-service", "", "not a HOST:PORT"),
])
def test_serve_refuses_a_malformed_origin_or_service_host(run_cli, seed_store, option, value, words):
    result = run_cli("serve", "--store", seed_store, option, value)
    assert result.exit_code == 2 and words in result.output and "Traceback" not in result.output


def test_a_build_that_finishes_while_serving_is_seen_by_the_next_query(run_cli, corpus, tmp_path):
    store = tmp_path / "store"
    assert run_cli("build", DATA, "--store", store).exit_code == 0
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?a a <https://w3id.org/kgbuild/ontology#Article> }"
    with _serving(store, timeout=20.0, workers=2) as url:
        answers = {_status(url, count)[1] for _ in range(6)}
        assert len(answers) == 1 and '"value": "4"' in answers.pop()
        assert run_cli("build", corpus / "index.json", "--store", store).exit_code == 0
        answers = {_status(url, count)[1] for _ in range(10)}  # every worker, the same, current answer
        assert len(answers) == 1 and '"value": "9"' in answers.pop()


def test_the_query_page_lists_the_saved_queries_and_allows_nothing_from_elsewhere(seed_store):
    from kgbuild.graph.query import saved_queries

    with _serving(seed_store) as url:
        with urllib.request.urlopen(url.removesuffix("sparql")) as response:
            page, policy = response.read().decode(), response.headers["Content-Security-Policy"]
    assert all(f'<option value="{name}">' in page for name in saved_queries())
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy
    assert not re.search(r"<(?:script|link|img|iframe|object)\b[^>]*\b(?:src|href)=|url\(|@import", page)


@pytest.mark.skipif(find_chromium() is None, reason="Chromium is not installed (apt-get install chromium)")
def test_the_query_page_runs_a_query_in_a_browser_and_shows_its_rows_as_text(seed_store):
    hostile = 'SELECT ?x WHERE { BIND("<img src=x onerror=console.log(1)>" AS ?x) }'
    with _serving(seed_store) as url:
        root = url.removesuffix("sparql")
        page, console = dump_dom(f"{root}?{urllib.parse.urlencode({'query': ARTICLES})}")
        assert ">5 row(s)</p>" in page and all(f"<td>{source}</td>" in page for source in SEEDS)
        assert console == ()
        page, console = dump_dom(f"{root}?{urllib.parse.urlencode({'query': hostile})}")
        assert "<td>&lt;img src=x onerror=console.log(1)&gt;</td>" in page and console == ()
        page, console = dump_dom(f"{root}?{urllib.parse.urlencode({'query': 'SELEC nothing'})}")
        assert "not valid SPARQL" in page and console == ()


def test_forty_clients_at_once_get_answers_and_no_errors(seed_store):
    from concurrent.futures import ThreadPoolExecutor

    queries = [ARTICLES, "ASK { ?s ?p ?o }", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
               "SELECT ?e WHERE { ?e a <https://w3id.org/kgbuild/ontology#Event> } LIMIT 50"]

    def client(number: int) -> list[int]:
        deadline, statuses = time.monotonic() + 3, []
        while time.monotonic() < deadline:
            statuses.append(_status(url, queries[(number + len(statuses)) % len(queries)])[0])
        return statuses

    with _serving(seed_store, timeout=20.0) as url, ThreadPoolExecutor(40) as pool:
        statuses = [status for answered in pool.map(client, range(40)) for status in answered]
    assert len(statuses) >= 40 and set(statuses) == {200}

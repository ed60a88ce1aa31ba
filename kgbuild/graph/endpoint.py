"""A read-only SPARQL 1.1 Protocol endpoint over a kgbuild store.

Queries run in worker processes that open the store read-only, so a query over its
time limit is stopped by ending its process (Oxigraph cannot cancel a query), and no
request can write. Over a store on a SPARQL server, the workers pass each query on to
the server's query endpoint and answer with what it returns, under the same limits.
Results come as SPARQL JSON, XML, CSV or TSV (by the Accept
header), graphs from CONSTRUCT/DESCRIBE as Turtle, N-Triples or RDF/XML; a result
longer than the row limit is refused with a message saying to page it with LIMIT.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import queue
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import islice
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph

from ..errors import StoreError
from ..lifetime import die_with_parent
from .page import query_page
from .remote import RemoteStore, server_message
from .store import is_remote, open_store, published_snapshot

PATH = "/sparql"
# The longest query a POST may carry; the saved queries are a few KiB.
MAX_BODY = 1024 * 1024
# How often a running query's worker is checked against the time and memory limits.
_WATCH_INTERVAL = 0.05
_PAGE = os.sysconf("SC_PAGE_SIZE")
_RESULTS = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
_RESULT_TYPES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                 "csv": "text/csv; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8"}
# A literal of this datatype is a plain string in every result format.
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_GRAPHS = {"text/turtle": pyoxigraph.RdfFormat.TURTLE, "application/n-triples": pyoxigraph.RdfFormat.N_TRIPLES,
           "application/rdf+xml": pyoxigraph.RdfFormat.RDF_XML}


@dataclass(frozen=True)
class Response:
    """What the worker answers: an HTTP status, a media type and the body."""

    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def error(cls, status: HTTPStatus, message: str) -> Response:
        return cls(status, "text/plain; charset=utf-8", (message + "\n").encode())


def _preferences(accept: str) -> list[str]:
    """Media types of an Accept header, most wanted first (q-values honoured, order breaks ties)."""
    ranked = []
    for position, item in enumerate(accept.split(",")):
        media, *params = (part.strip() for part in item.split(";"))
        quality = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            ranked.append((-quality, position, media.lower()))
    return [media for _, _, media in sorted(ranked)]


def _choose(accept: str, offered: dict[str, Any], default: str) -> str | None:
    """The offered media type the client wants most; ``default`` for */* or no header, None if nothing fits."""
    wanted = _preferences(accept or "*/*")
    for media in wanted:
        if media in offered:
            return media
        if media in ("*/*", "application/*", "text/*"):
            return default
    return None


def _json_term(term: Any) -> dict[str, str]:
    if isinstance(term, pyoxigraph.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, pyoxigraph.BlankNode):
        return {"type": "bnode", "value": term.value}
    value = {"type": "literal", "value": term.value}
    if term.language:
        value["xml:lang"] = term.language
    elif term.datatype.value != _XSD_STRING:
        value["datatype"] = term.datatype.value
    return value


def _xml_term(term: Any) -> str:
    if isinstance(term, pyoxigraph.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, pyoxigraph.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
    if term.datatype.value != _XSD_STRING:
        return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
    return f"<literal>{escape(term.value)}</literal>"


def _csv_term(term: Any) -> str:
    if term is None:
        return ""
    return f"_:{term.value}" if isinstance(term, pyoxigraph.BlankNode) else term.value


def serialize_solutions(variables: list[str], rows: Iterable[list[Any]], kind: str) -> bytes:
    """SELECT results in one of the SPARQL 1.1 result formats (json, xml, csv, tsv)."""
    if kind == "json":
        bindings = [{v: _json_term(t) for v, t in zip(variables, row) if t is not None} for row in rows]
        return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}}, ensure_ascii=False).encode()
    if kind == "xml":
        head = "".join(f"<variable name={quoteattr(v)}/>" for v in variables)
        results = "".join(
            "<result>" + "".join(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                                 for v, t in zip(variables, row) if t is not None) + "</result>"
            for row in rows
        )
        return ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head>{head}</head><results>{results}</results></sparql>\n").encode()
    if kind == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(variables)
        writer.writerows([_csv_term(term) for term in row] for row in rows)
        return buffer.getvalue().encode()
    # TSV writes terms in Turtle/N-Triples syntax, which escapes tabs and newlines.
    lines = ["\t".join(f"?{v}" for v in variables)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode()


def _boolean(answer: bool, kind: str) -> bytes:
    if kind == "json":
        return json.dumps({"head": {}, "boolean": answer}).encode()
    if kind == "xml":
        return ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
                f"<boolean>{str(answer).lower()}</boolean></sparql>\n").encode()
    return f"{'?_askResult' if kind == 'tsv' else '_askResult'}\n{str(answer).lower()}\n".encode()


# SPARQL processes \u and \U escapes anywhere in a query before parsing it (SPARQL 1.1, 19.2).
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_TOKEN = re.compile(
    r"(?P<skip>#[^\n]*"  # a comment, or a string in any of its four quotes
    r'|"""(?:[^"\\]|\\.|"(?!""))*"""' r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"' r"|'(?:[^'\\\n]|\\.)*')"
    r'|(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)'
    r"|(?P<word>[?$:\w][\w.:%-]*)"
    r"|\S")


def service_endpoints(sparql: str) -> list[str | None]:
    """The endpoint each ``SERVICE`` of ``sparql`` names (None where a variable names it).

    Read from the query's tokens, so that the keyword in a string, an IRI, a comment, a
    prefixed name or a variable is not one, and one written with escapes is.
    """
    def unescape(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF else match.group(0)

    tokens = [(m.lastgroup, m.group()) for m in _TOKEN.finditer(_ESCAPE.sub(unescape, sparql))
              if m.lastgroup != "skip"]
    found: list[str | None] = []
    for i, (kind, text) in enumerate(tokens):
        if kind == "word" and text.upper() == "SERVICE":
            rest = [t for t in tokens[i + 1:i + 3] if t[1].upper() != "SILENT"]
            found.append(rest[0][1][1:-1] if rest and rest[0][0] == "iri" else None)
    return found


def _refused_service(sparql: str, allowed: frozenset[str]) -> str | None:
    """Why the endpoint will not run ``sparql``'s SERVICE calls, or None if it may."""
    for endpoint in service_endpoints(sparql):
        if endpoint is None:
            return ("SERVICE with a variable is refused: this endpoint sends no request elsewhere, except to "
                    "the servers kgbuild serve's --allow-service names, written as IRIs")
        where = urlsplit(endpoint)
        if where.scheme not in ("http", "https") or where.netloc.lower() not in allowed:
            hint = ("start kgbuild serve with --allow-service HOST:PORT to permit one"
                    if not allowed else f"it may call {', '.join(sorted(allowed))} only")
            return f"SERVICE <{endpoint}> is refused: this endpoint sends no request elsewhere unless told to; {hint}"
    return None


class RemoteRefusal(Exception):
    """The SPARQL server behind the endpoint refused a query: its status and message go to the client."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _ask_remote(store: RemoteStore, sparql: str) -> Any:
    """The server's answer to ``sparql`` as pyoxigraph results, so the endpoint serves it as it serves its own."""
    status, media, body = store.raw_query(sparql, "application/sparql-results+json, application/n-triples;q=0.9")
    if status != HTTPStatus.OK:
        said = server_message(body)
        if status == HTTPStatus.BAD_REQUEST:
            raise RemoteRefusal(status, f"the query is not valid SPARQL 1.1 (the SPARQL server says: {said})")
        raise RemoteRefusal(status, f"the SPARQL server behind this endpoint answered {status}: {said}")
    if media == "application/n-triples":
        return pyoxigraph.parse(body, format=pyoxigraph.RdfFormat.N_TRIPLES)
    return pyoxigraph.parse_query_results(body, format=pyoxigraph.QueryResultsFormat.JSON)


def answer(store: pyoxigraph.Store | RemoteStore, sparql: str, accept: str, max_rows: int) -> Response:
    """Run one query against ``store`` and serialize its result as the client asks."""
    try:
        if isinstance(store, RemoteStore):
            result = _ask_remote(store, sparql)
        else:
            result = store.query(sparql, use_default_graph_as_union=True)
        # Oxigraph evaluates as the result is read, so a SERVICE that fails fails here.
        return _serialize(result, accept, max_rows)
    except RemoteRefusal as refusal:
        return Response.error(HTTPStatus(refusal.status), str(refusal))
    except SyntaxError as error:
        return Response.error(HTTPStatus.BAD_REQUEST, f"the query is not valid SPARQL 1.1: {error}")
    except (OSError, ValueError, RuntimeError) as error:
        status = HTTPStatus.BAD_GATEWAY if service_endpoints(sparql) else HTTPStatus.INTERNAL_SERVER_ERROR
        return Response.error(status, f"the query failed: {error}")
    except StoreError as error:  # the SPARQL server behind the endpoint is down
        return Response.error(HTTPStatus.BAD_GATEWAY, str(error))


def _serialize(result: Any, accept: str, max_rows: int) -> Response:
    """A query's result in the format the client asks for, or why it cannot have it."""
    limit_note = (f"the result has more than {max_rows} rows, the endpoint's limit; "
                  "page through it with LIMIT and OFFSET")
    if not isinstance(result, (pyoxigraph.QuerySolutions, pyoxigraph.QueryBoolean)):  # a graph's triples
        media = _choose(accept, _GRAPHS, "text/turtle")
        if media is None:
            return Response.error(HTTPStatus.NOT_ACCEPTABLE, f"graphs are served as {', '.join(_GRAPHS)}")
        triples = list(islice(result, max_rows + 1))
        if len(triples) > max_rows:
            return Response.error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, limit_note.replace("rows", "triples"))
        body = pyoxigraph.serialize(triples, format=_GRAPHS[media]) or b""
        return Response(HTTPStatus.OK, f"{media}; charset=utf-8", body)
    media = _choose(accept, _RESULTS, "application/sparql-results+json")
    if media is None:
        return Response.error(HTTPStatus.NOT_ACCEPTABLE, f"results are served as {', '.join(_RESULTS)}")
    kind = _RESULTS[media]
    if isinstance(result, pyoxigraph.QueryBoolean):
        return Response(HTTPStatus.OK, _RESULT_TYPES[kind], _boolean(bool(result), kind))
    variables = [variable.value for variable in result.variables]
    rows = [[solution[i] for i in range(len(variables))] for solution in islice(result, max_rows + 1)]
    if len(rows) > max_rows:
        return Response.error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, limit_note)
    return Response(HTTPStatus.OK, _RESULT_TYPES[kind], serialize_solutions(variables, rows, kind))


def _work(location: str, max_rows: int, connection: Any) -> None:
    """A worker process: answer queries from ``connection`` until it closes."""
    die_with_parent()  # the fork server, which ends with the endpoint
    embedded = not is_remote(location)
    store = None if embedded else RemoteStore(location, read_only=True)
    snapshot = None
    while True:
        try:
            sparql, accept = connection.recv()
        except EOFError:
            return
        if embedded:
            published = published_snapshot(location)
            if store is None or published != snapshot:
                # The first query, or a build finished since the last one: answer from its snapshot, all of it.
                snapshot, store = published, pyoxigraph.Store.read_only(str(published or location))
        connection.send(answer(store, sparql, accept, max_rows))


class _Worker:
    def __init__(self, context: Any, store_path: str, max_rows: int) -> None:
        self.connection, theirs = context.Pipe()
        self.process = context.Process(target=_work, args=(store_path, max_rows, theirs), daemon=True)
        self.process.start()
        theirs.close()

    def memory(self) -> int:
        """The worker's resident memory in bytes (0 once it has gone)."""
        try:
            with open(f"/proc/{self.process.pid}/statm") as statm:
                return int(statm.read().split()[1]) * _PAGE
        except (OSError, IndexError, ValueError):
            return 0

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.connection.close()


class SparqlServer(ThreadingHTTPServer):
    """An HTTP server for :data:`PATH`; use as a context manager so its workers stop with it.

    ``workers`` query processes wait ready, and up to ``max_workers`` run while slow queries
    hold the others; a query gets ``timeout`` seconds and ``max_memory_mb`` of its worker's
    memory, a client ``request_timeout`` seconds to send its request. A query's SERVICE may call
    only the ``allow_service`` HOST:PORTs, and only pages from the ``cors`` origin may read answers.
    """

    daemon_threads = True

    def __init__(self, store_path: str | Path, host: str = "127.0.0.1", port: int = 0, *,
                 timeout: float = 30.0, max_rows: int = 100_000, workers: int = 2,
                 max_workers: int = 6, max_memory_mb: int = 1024, request_timeout: float = 20.0,
                 allow_service: Iterable[str] = (), cors: str | None = None,
                 log: Callable[[str], None] | None = None) -> None:
        open_store(store_path, read_only=True).close()  # a missing store is a clear error before any socket opens
        self.store_path, self.timeout, self.max_rows, self.log = str(store_path), timeout, max_rows, log
        self.allow_service = frozenset(host.lower() for host in allow_service)
        self.cors, self.max_workers, self.max_memory = cors, max(workers, max_workers), max_memory_mb << 20
        self.request_timeout = request_timeout
        self._starting, self._started = threading.Lock(), workers
        self._idle: queue.Queue[_Worker] = queue.Queue()
        super().__init__((host, port), _Handler)
        # Workers fork from a clean single-threaded server process that has this module loaded:
        # forking the threaded HTTP server could deadlock, and spawning would import it all again.
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload([__name__])
        for _ in range(workers):
            self._idle.put(_Worker(self._context, self.store_path, max_rows))

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}{PATH}"

    def run(self, sparql: str, accept: str) -> Response:
        """Answer a query with an idle worker, starting another while slow queries hold them all
        (up to ``max_workers``); a worker over the time or memory limit is ended and replaced."""
        if refusal := _refused_service(sparql, self.allow_service):
            return Response.error(HTTPStatus.BAD_REQUEST, refusal)
        deadline = time.monotonic() + self.timeout
        worker = self._take_worker()
        if worker is None:
            return Response.error(HTTPStatus.SERVICE_UNAVAILABLE,
                                  f"all {self.max_workers} query workers are busy with slow queries; try again shortly")
        healthy = False
        try:
            worker.connection.send((sparql, accept))
            while not worker.connection.poll(_WATCH_INTERVAL):
                if time.monotonic() > deadline:
                    return Response.error(HTTPStatus.SERVICE_UNAVAILABLE,
                                          f"the query ran longer than the endpoint's {self.timeout:g} s limit; narrow it")
                if worker.memory() > self.max_memory:
                    return Response.error(HTTPStatus.SERVICE_UNAVAILABLE,
                                          f"the query needed more than the endpoint's {self.max_memory >> 20} MiB; "
                                          "narrow it, or page it with LIMIT and OFFSET")
            response, healthy = worker.connection.recv(), True
            return response
        except (EOFError, OSError):  # the worker died (out of memory, say)
            return Response.error(HTTPStatus.INTERNAL_SERVER_ERROR, "the query worker failed; try again")
        finally:
            if not healthy:
                worker.stop()
                worker = _Worker(self._context, self.store_path, self.max_rows)
            self._idle.put(worker)

    def _take_worker(self) -> _Worker | None:
        """An idle worker; a new one if none is idle and fewer than ``max_workers`` run; else the first
        to be free within the time limit, or None."""
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._starting:
            if self._started < self.max_workers:
                self._started += 1
                return _Worker(self._context, self.store_path, self.max_rows)
        try:
            return self._idle.get(timeout=self.timeout)
        except queue.Empty:
            return None

    def server_close(self) -> None:
        super().server_close()
        while not self._idle.empty():
            self._idle.get().stop()


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        self.timeout = self.server.request_timeout  # a client that stalls mid-request frees its thread
        super().setup()

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        url = urlsplit(self.path)
        if url.path == "/":
            page, policy = query_page()
            return self._send(Response(HTTPStatus.OK, "text/html; charset=utf-8", page, {
                "Content-Security-Policy": policy, "X-Content-Type-Options": "nosniff"}))
        if url.path != PATH:
            return self._send(Response.error(HTTPStatus.NOT_FOUND, f"the SPARQL endpoint is at {PATH}"))
        params = parse_qs(url.query)
        if "update" in params:
            return self._refuse_update()
        if "query" not in params:
            return self._send(Response.error(HTTPStatus.BAD_REQUEST, f"send a SPARQL query: GET {PATH}?query=..."))
        self._send(self.server.run(params["query"][0], self.headers.get("Accept", "")))

    def do_POST(self) -> None:  # noqa: N802
        if urlsplit(self.path).path != PATH:
            return self._send(Response.error(HTTPStatus.NOT_FOUND, f"the SPARQL endpoint is at {PATH}"))
        length = self.headers.get("Content-Length", "")
        if not length.isascii() or not length.isdigit():
            self.close_connection = True  # the body's end is unknown
            return self._send(Response.error(HTTPStatus.LENGTH_REQUIRED if not length else HTTPStatus.BAD_REQUEST,
                                             "a POST needs a Content-Length header with the body's size in bytes"))
        if int(length) > MAX_BODY:
            self.close_connection = True
            return self._send(Response.error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                                             f"a query may be {MAX_BODY // 1024} KiB at most"))
        body = self.rfile.read(int(length)).decode("utf-8", errors="replace")
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if media == "application/sparql-update":
            return self._refuse_update()
        if media == "application/sparql-query":
            sparql = body
        elif media == "application/x-www-form-urlencoded":
            params = parse_qs(body)
            if "update" in params:
                return self._refuse_update()
            if "query" not in params:
                return self._send(Response.error(HTTPStatus.BAD_REQUEST, "the form has no query field"))
            sparql = params["query"][0]
        else:
            return self._send(Response.error(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                "POST a query as application/sparql-query or application/x-www-form-urlencoded"))
        self._send(self.server.run(sparql, self.headers.get("Accept", "")))

    def do_OPTIONS(self) -> None:  # noqa: N802  (CORS preflight from a browser-based SPARQL client on --cors)
        if not self.server.cors:
            return self._send(Response.error(HTTPStatus.METHOD_NOT_ALLOWED, "no web page may query this endpoint "
                                             "from another origin; start kgbuild serve with --cors ORIGIN"))
        self._send(Response(HTTPStatus.NO_CONTENT, "text/plain", b"", {
            "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
            "Access-Control-Allow-Headers": "Accept, Content-Type",
        }))

    def _refuse_update(self) -> None:
        self._send(Response.error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL updates are refused"))

    def _send(self, response: Response) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        if self.server.cors:  # pages from this one origin may read answers; from any other, none
            self.send_header("Access-Control-Allow-Origin", self.server.cors)
            self.send_header("Vary", "Origin")
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(response.body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002  (http.server's signature)
        if self.server.log:
            self.server.log(format % args)


def serve(store_path: str | Path, host: str, port: int, *, timeout: float, max_rows: int,
          on_ready: Callable[[str], None], log: Callable[[str], None] | None = None, **limits: Any) -> None:
    """Serve the store at ``host:port`` until interrupted; ``on_ready`` gets the endpoint URL.
    ``limits`` are :class:`SparqlServer`'s (``max_memory_mb``, ``allow_service``, ``cors`` ...)."""
    with SparqlServer(store_path, host, port, timeout=timeout, max_rows=max_rows, log=log, **limits) as server:
        on_ready(server.url)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass

"""A kgbuild store on a SPARQL 1.1 server that a team shares (Oxigraph server, Fuseki, Virtuoso...).

Reads go through the SPARQL 1.1 Protocol, writes through the Graph Store HTTP Protocol
(one named graph per article, replaced whole with PUT) and SPARQL 1.1 Update (the shared
entities graph, changed in one request so the server applies it atomically). Nothing
here is specific to one server but the default layout of the endpoints:

- ``http://HOST:PORT``: the Oxigraph server's ``/query``, ``/update`` and ``/store``,
  asking it for the union of all graphs as the default graph on each query;
- ``query=URL,update=URL,store=URL``: any other layout, such as Fuseki's
  ``/DATASET/sparql``, ``/DATASET/update`` and ``/DATASET/data``. Such a server must
  itself present the union of its named graphs as the default graph (Fuseki's
  ``tdb2:unionDefaultGraph true``; Virtuoso does by default); kgbuild checks that it does.
"""

from __future__ import annotations

import io
import urllib.error
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.query import Result

from ..errors import QueryError, StoreError
from .iri import ENTITIES_GRAPH, article_graph_iri, article_iri
from .namespace import KG
from .store import KGStore, entities_update, merge_entities, named_nquads

# Long enough for a saved query over a large store; a server that takes longer should be given a timeout of its own.
TIMEOUT = 600
_RESULTS = "application/sparql-results+json"
_TRIPLES = "application/n-triples"
_NAMES = ("query", "update", "store")


@dataclass(frozen=True)
class Endpoints:
    """Where a server takes queries, updates and graphs, and whether it must be asked for the union graph."""

    query: str
    update: str
    store: str
    ask_union: bool = False

    @classmethod
    def parse(cls, location: str) -> Endpoints:
        """``http://HOST:PORT`` (Oxigraph's layout) or ``query=URL,update=URL,store=URL``."""
        if location.startswith("query="):
            parts = dict(part.strip().partition("=")[::2] for part in location.split(","))
            missing = [name for name in _NAMES if not parts.get(name)]
            if missing or set(parts) - set(_NAMES):
                raise StoreError(f"--store {location}: name the three endpoints as query=URL,update=URL,store=URL "
                                 "(for Fuseki: query=http://HOST:3030/DS/sparql,update=http://HOST:3030/DS/update,"
                                 "store=http://HOST:3030/DS/data)")
            return cls(parts["query"], parts["update"], parts["store"])
        url = urlsplit(location)
        if not url.hostname or url.path.strip("/"):
            raise StoreError(f"--store {location}: give the Oxigraph server's base URL, http://HOST:PORT, or name "
                             "the endpoints of another server as query=URL,update=URL,store=URL")
        base = location.rstrip("/")
        return cls(f"{base}/query", f"{base}/update", f"{base}/store", ask_union=True)


class RemoteStore(KGStore):
    """A kgbuild store on a SPARQL 1.1 server."""

    def __init__(self, location: str, *, read_only: bool = False) -> None:
        self.path = location
        self.read_only = read_only
        self.endpoints = Endpoints.parse(location)
        self._check_union()

    def close(self) -> None:
        """Nothing to release: each request is its own connection."""

    # -- the protocols -------------------------------------------------------------------

    def _exchange(self, url: str, *, data: bytes | None = None, method: str = "GET",
                  headers: dict[str, str] | None = None) -> tuple[int, str, bytes]:
        """The response's status, media type and body; a server that cannot be reached is a StoreError."""
        request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                return response.status, response.headers.get_content_type(), response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get_content_type(), error.read()
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise StoreError(f"cannot reach the SPARQL server at {url} ({reason}); start it, e.g. "
                             "oxigraph serve --location DIR --bind HOST:PORT, or pass another --store") from None

    def _request(self, url: str, **request: Any) -> tuple[str, bytes]:
        """The media type and body of a successful response; any other is a StoreError giving the server's reason."""
        status, media, body = self._exchange(url, **request)
        if status >= 300:
            raise StoreError(f"the SPARQL server at {url} answered {status}: {server_message(body)}")
        return media, body

    def raw_query(self, sparql: str, accept: str) -> tuple[int, str, bytes]:
        """The server's own answer to ``sparql`` (status, media type, body), as ``accept`` asks."""
        fields = {"query": sparql}
        if self.endpoints.ask_union:
            fields["union-default-graph"] = ""
        return self._exchange(self.endpoints.query, data=urlencode(fields).encode(), method="POST",
                              headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})

    def query(self, sparql: str) -> Result:
        """Run a SPARQL 1.1 query over the union of all article graphs."""
        status, media, body = self.raw_query(sparql, f"{_RESULTS}, {_TRIPLES};q=0.9, text/turtle;q=0.8")
        if status != 200:
            raise QueryError(f"the SPARQL query failed: the server answered {status}: {server_message(body)}")
        if media in (_RESULTS, "application/json"):
            return Result.parse(io.BytesIO(body), format="json")
        result = Result("CONSTRUCT")
        result.graph = Graph().parse(data=body, format="nt" if media == _TRIPLES else "turtle")
        return result

    def update(self, sparql: str) -> None:
        """Apply a SPARQL 1.1 Update in one request."""
        self._writable()
        self._request(self.endpoints.update, data=sparql.encode(), method="POST",
                      headers={"Content-Type": "application/sparql-update"})

    def _graph_url(self, name: URIRef) -> str:
        return f"{self.endpoints.store}?{urlencode({'graph': str(name)}, quote_via=quote)}"

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError("this store was opened read-only")

    def _check_union(self) -> None:
        try:
            union, named = (self.query(f"ASK {{ {pattern} }}").askAnswer
                            for pattern in ("?s ?p ?o", "GRAPH ?g { ?s ?p ?o }"))
        except QueryError as error:
            raise StoreError(f"{self.path} is no SPARQL 1.1 query endpoint: {error}") from None
        if named and not union:
            raise StoreError(f"the SPARQL server at {self.endpoints.query} does not show its named graphs as the "
                             "default graph; kgbuild's queries need the union (Fuseki: tdb2:unionDefaultGraph true)")

    # -- the store's methods -------------------------------------------------------------

    def __len__(self) -> int:
        """Number of quads in the store."""
        (row,) = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(row[0])

    def extractor_version(self, article_id: str) -> str | None:
        """The extractor version that wrote this article's graph, or ``None`` if it is not in the store."""
        rows = list(self.query(f"SELECT ?v WHERE {{ GRAPH <{article_graph_iri(article_id)}> "
                               f"{{ <{article_iri(article_id)}> <{KG.extractorVersion}> ?v }} }} LIMIT 1"))
        return str(rows[0][0]) if rows else None

    def replace_article_graphs(self, graphs: Iterable[tuple[str, bytes]]) -> int:
        """Write each ``(article_id, N-Triples)`` as that article's named graph, replacing any older one."""
        count = 0
        for article_id, ntriples in graphs:
            self._put(article_graph_iri(article_id), ntriples)
            count += 1
        return count

    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        """Make the named graph ``name`` hold exactly ``graph``."""
        self._put(name, graph.serialize(format="nt", encoding="utf-8"))

    def _put(self, name: URIRef, ntriples: bytes) -> None:
        """Replace the named graph ``name`` with these N-Triples: one Graph Store PUT."""
        self._writable()
        self._request(self._graph_url(name), data=ntriples, method="PUT", headers={"Content-Type": _TRIPLES})

    def add_entities(self, graph: Graph) -> None:
        """Merge entity descriptions into the shared entities graph (see :func:`merge_entities`), in one update."""
        nodes = sorted(set(graph.subjects(RDF.type, None)))
        stored: list[tuple[Any, Any, Any]] = []
        for start in range(0, len(nodes), 500):  # keeps each query a modest size
            values = " ".join(node.n3() for node in nodes[start:start + 500])
            stored += [(row[0], row[1], row[2]) for row in self.query(
                f"SELECT ?node ?p ?o WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ VALUES ?node {{ {values} }} "
                f"?node ?p ?o FILTER(?p IN (<{RDF.type}>, <{RDFS.label}>)) }} }}")]
        if update := entities_update(*merge_entities(graph, stored)):
            self.update(update)

    def graph(self, name: URIRef) -> Graph:
        """A copy of one named graph (a Graph Store GET)."""
        _, body = self._request(self._graph_url(name), headers={"Accept": _TRIPLES})
        return Graph(identifier=URIRef(name)).parse(data=body, format="nt")

    def named_graphs(self) -> list[URIRef]:
        """The names of every graph on the server, sorted."""
        return sorted(URIRef(row[0]) for row in self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"))

    def dump_nquads(self, output: Path) -> None:
        """All named graphs as N-Quads, fetched one graph at a time, so the client never holds the store."""
        with open(output, "wb") as out:
            for name in self.named_graphs():
                _, body = self._request(self._graph_url(name), headers={"Accept": _TRIPLES})
                out.write(named_nquads(name, body))


def server_message(body: bytes) -> str:
    """The start of a server's error message."""
    return body.decode("utf-8", errors="replace").strip()[:500]

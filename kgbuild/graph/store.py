"""The persistent RDF store: an Oxigraph database on disk, used through rdflib.

Each article's triples live in their own named graph, so re-extracting an article
replaces exactly one graph; queries see the union of all graphs as the default
graph. Writes go through Oxigraph's bulk loader, and SPARQL is passed as text so
that Oxigraph's engine (not rdflib's) runs it.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph
from oxrdflib import OxigraphStore
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, NamespaceManager
from rdflib.query import Result

from ..errors import QueryError, StoreError
from .iri import ENTITIES_GRAPH, article_graph_iri, article_iri
from .namespace import ID, KG

DEFAULT_STORE = "kgbuild-store"
PREFIXES = {
    "kg": str(KG._NS),
    "kgid": str(ID),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "geo": "http://www.w3.org/2003/01/geo/wgs84_pos#",
    "wd": "http://www.wikidata.org/entity/",
}


def _ox(term: URIRef) -> pyoxigraph.NamedNode:
    return pyoxigraph.NamedNode(str(term))


# Which class a node keeps when articles type it differently: the more specific first.
_CLASS_RANK = {KG.State: 0, KG.ArmedGroup: 1, KG.Person: 2, KG.Organisation: 3, KG.Population: 4, KG.Place: 5}


def _label_rank(label: str) -> tuple[bool, int, str]:
    """How to pick among spellings of one name: not shouted in capitals, with its diacritics
    ("João Lourenço" over "Joao Lourenco"), then alphabetical, so the choice never depends on order."""
    return label.isupper(), -sum(1 for c in label if ord(c) > 127), label


def _nquads(name: URIRef, graph: Graph) -> bytes:
    """``graph`` as N-Quads in the named graph ``name``."""
    suffix = f" <{name}> .\n".encode()
    lines = graph.serialize(format="nt", encoding="utf-8").splitlines()
    # An N-Triples line ends in " ."; the graph name goes before it.
    return b"".join(line.rstrip()[:-1].rstrip() + suffix for line in lines if line.strip())


def default_store_path() -> Path:
    """``$KGBUILD_STORE``, else ``./kgbuild-store``."""
    return Path(os.environ.get("KGBUILD_STORE") or DEFAULT_STORE)


class KGStore:
    """An open kgbuild store. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        try:
            if read_only:
                if not (self.path / "CURRENT").exists():
                    raise StoreError(
                        f"no kgbuild store at {self.path}; build one with: kgbuild build INPUT... --store {self.path}"
                    )
                inner = pyoxigraph.Store.read_only(str(self.path))
            else:
                if self.path.exists() and not self.path.is_dir():
                    raise StoreError(f"{self.path} is a file, not a store folder; pass another --store path")
                self.path.mkdir(parents=True, exist_ok=True)
                inner = pyoxigraph.Store(str(self.path))
        except (OSError, RuntimeError) as error:
            if "lock" in str(error).lower():
                raise StoreError(
                    f"the store {self.path} is in use by another kgbuild process; wait for it to finish"
                ) from None
            raise StoreError(f"cannot open the store {self.path}: {error}") from None
        self._inner = inner
        self.dataset = Dataset(store=OxigraphStore(store=inner), default_union=True)
        namespaces = NamespaceManager(self.dataset, bind_namespaces="none")
        for prefix, namespace in PREFIXES.items():
            namespaces.bind(prefix, namespace, override=True, replace=True)
        self.dataset.namespace_manager = namespaces

    def __enter__(self) -> KGStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Flush writes to disk and release the store."""
        if not self.read_only:
            self._inner.flush()
        # RocksDB releases its files only when the last reference to the store goes.
        self.dataset.close()
        del self.dataset
        del self._inner
        gc.collect()

    def __len__(self) -> int:
        """Number of quads in the store."""
        return len(self._inner)

    def extractor_version(self, article_id: str) -> str | None:
        """The extractor version that wrote this article's graph, or ``None`` if it is not in the store."""
        rows = self._inner.quads_for_pattern(
            _ox(article_iri(article_id)), _ox(KG.extractorVersion), None, _ox(article_graph_iri(article_id))
        )
        return next((quad.object.value for quad in rows), None)

    def replace_article_graphs(self, graphs: Iterable[tuple[str, Graph]]) -> int:
        """Write each ``(article_id, graph)`` as that article's named graph, replacing any older one."""
        chunks = []
        for article_id, graph in graphs:
            name = article_graph_iri(article_id)
            self.dataset.remove_graph(name)
            chunks.append(_nquads(name, graph))
        self._load(b"".join(chunks))
        return len(chunks)

    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        """Make the named graph ``name`` hold exactly ``graph``."""
        self.dataset.remove_graph(name)
        self._load(_nquads(name, graph))

    def add_entities(self, graph: Graph) -> None:
        """Merge entity descriptions into the shared entities graph.

        A node keeps one class and one label whatever order articles arrive in: the
        preferred of every one it has been given (:func:`_label_rank`, :data:`_CLASS_RANK`);
        the labels it does not keep stay as ``skos:altLabel``.
        """
        fresh = Graph()
        for triple in graph:
            if triple[1] not in (RDF.type, RDFS.label) or triple[2] == KG.Actor:
                fresh.add(triple)
        for node in set(graph.subjects(RDF.type, None)):
            stored_labels = self._stored(node, RDFS.label)
            labels = {str(o) for o in graph.objects(node, RDFS.label)} | {q.object.value for q in stored_labels}
            label = min(labels, key=_label_rank)
            fresh.add((node, RDFS.label, Literal(label)))
            fresh += [(node, SKOS.altLabel, Literal(other)) for other in labels - {label}]
            stored_classes = [q for q in self._stored(node, RDF.type) if q.object.value != str(KG.Actor)]
            classes = {URIRef(o) for o in graph.objects(node, RDF.type) if o != KG.Actor}
            classes |= {URIRef(q.object.value) for q in stored_classes}
            fresh.add((node, RDF.type, min(classes, key=lambda c: _CLASS_RANK.get(c, len(_CLASS_RANK)))))
            for quad in stored_labels + stored_classes:
                self._inner.remove(quad)
        self._load(_nquads(ENTITIES_GRAPH, fresh))

    def _stored(self, node: URIRef, predicate: URIRef) -> list[pyoxigraph.Quad]:
        return list(self._inner.quads_for_pattern(_ox(node), _ox(predicate), None, _ox(ENTITIES_GRAPH)))

    def _load(self, nquads: bytes) -> None:
        # One bulk load per batch: each call costs a fixed half second or so, whatever its size.
        if nquads:
            self._inner.bulk_load(nquads, pyoxigraph.RdfFormat.N_QUADS)


    def query(self, sparql: str) -> Result:
        """Run a SPARQL 1.1 query over the union of all article graphs."""
        try:
            return self.dataset.query(sparql, initNs={})
        except (SyntaxError, ValueError, OSError) as error:
            raise QueryError(f"the SPARQL query failed: {error}") from None

    def construct_union(self) -> Graph:
        """Every triple of every article graph, merged (what Turtle and GraphML exports show)."""
        result = self.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
        graph = result.graph
        graph.namespace_manager = self.dataset.namespace_manager
        return graph

    def graph(self, name: URIRef) -> Graph:
        """A read view of one named graph (works on read-only stores, unlike ``Dataset.graph``)."""
        return Graph(store=self.dataset.store, identifier=URIRef(name))

    def named_graphs(self) -> list[URIRef]:
        return sorted(URIRef(g.value) for g in self._inner.named_graphs())

    def dump_nquads(self, output: Path) -> None:
        """All named graphs as N-Quads (Oxigraph's own serializer: streams, keeps graph names)."""
        self._inner.dump(str(output), format=pyoxigraph.RdfFormat.N_QUADS)

"""The persistent RDF store: an Oxigraph database on disk by default, used through rdflib,
or a SPARQL 1.1 server (:mod:`.remote`) behind the same :class:`KGStore` methods.

Each article's triples live in their own named graph, so re-extracting an article
replaces exactly one graph; queries see the union of all graphs as the default
graph. Embedded writes go through Oxigraph's bulk loader, and SPARQL is passed as
text so that Oxigraph's engine (not rdflib's) runs it.
"""

from __future__ import annotations

import os
import shutil
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Self

import pyoxigraph
from oxrdflib import OxigraphStore
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node
from rdflib.namespace import RDF, RDFS, SKOS, XSD, NamespaceManager
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


def merge_entities(graph: Graph, stored: Iterable[tuple[Node, Node, Node]]) -> tuple[Graph, list[tuple[Node, Node, Node]]]:
    """What the entities graph gets for ``graph``, given the label and class triples it ``stored`` of
    the same nodes: the triples to add, and the stored ones they replace.

    A node keeps one class and one label whatever order articles arrive in: the preferred of
    every one it has been given (:func:`_label_rank`, :data:`_CLASS_RANK`); the labels it does
    not keep stay as ``skos:altLabel``.
    """
    stored_labels: dict[Node, set[str]] = defaultdict(set)
    stored_classes: dict[Node, set[URIRef]] = defaultdict(set)
    replaced = []
    for node, predicate, value in stored:
        if predicate == RDFS.label:
            stored_labels[node].add(str(value))
        elif value != KG.Actor:
            stored_classes[node].add(URIRef(value))
        else:
            continue
        replaced.append((node, predicate, value))
    fresh = Graph()
    for triple in graph:
        if triple[1] not in (RDF.type, RDFS.label) or triple[2] == KG.Actor:
            fresh.add(triple)
    for node in set(graph.subjects(RDF.type, None)):
        labels = {str(o) for o in graph.objects(node, RDFS.label)} | stored_labels[node]
        label = min(labels, key=_label_rank)
        fresh.add((node, RDFS.label, Literal(label)))
        fresh += [(node, SKOS.altLabel, Literal(other)) for other in labels - {label}]
        classes = {URIRef(o) for o in graph.objects(node, RDF.type) if o != KG.Actor} | stored_classes[node]
        fresh.add((node, RDF.type, min(classes, key=lambda c: _CLASS_RANK.get(c, len(_CLASS_RANK)))))
    return fresh, replaced


def entities_update(fresh: Graph, replaced: Iterable[tuple[Node, Node, Node]]) -> str | None:
    """One SPARQL 1.1 Update that swaps the ``replaced`` entity triples for the ``fresh`` ones
    (:func:`merge_entities`), so that the shared entities change in one transaction; None if
    nothing changes."""
    removed = " ".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in replaced)
    if not fresh and not removed:
        return None
    added = fresh.serialize(format="nt", encoding="utf-8").decode()
    return (f"DELETE DATA {{ GRAPH <{ENTITIES_GRAPH}> {{ {removed} }} }} ;\n"
            f"INSERT DATA {{ GRAPH <{ENTITIES_GRAPH}> {{ {added} }} }}")


def graph_replacement(name: URIRef, graph: Graph) -> str:
    """One SPARQL 1.1 Update that makes the named graph ``name`` hold exactly ``graph``."""
    return (f"DROP SILENT GRAPH <{name}> ;\n"
            f"INSERT DATA {{ GRAPH <{name}> {{ {graph.serialize(format='nt', encoding='utf-8').decode()} }} }}")


def named_nquads(name: URIRef, ntriples: bytes) -> bytes:
    """N-Triples as N-Quads in the named graph ``name``."""
    suffix = f" <{name}> .\n".encode()
    # An N-Triples line ends in " ."; the graph name goes before it.
    return b"".join(line.rstrip()[:-1].rstrip() + suffix for line in ntriples.splitlines() if line.strip())


def bind_prefixes(graph: Graph) -> Graph:
    """``graph`` with kgbuild's prefixes bound, so that it serializes as people read it."""
    namespaces = NamespaceManager(graph, bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        namespaces.bind(prefix, namespace, override=True, replace=True)
    graph.namespace_manager = namespaces
    return graph


def is_remote(location: str | Path) -> bool:
    """Whether ``location`` names a SPARQL server rather than a store folder."""
    return str(location).startswith(("http://", "https://", "query="))


def store_location(given: str | Path | None = None) -> str | Path:
    """Where the store is: ``given``, else ``$KGBUILD_STORE``, else ``./kgbuild-store``; a folder
    as a Path, a SPARQL server (``http://HOST:PORT`` or ``query=URL,update=URL,store=URL``) as text."""
    location = given or os.environ.get("KGBUILD_STORE") or DEFAULT_STORE
    return str(location) if is_remote(location) else Path(location)


# Each build ends by taking a snapshot of the store (a RocksDB checkpoint: hard links, taken in
# one step) into this folder inside it, and pointing ``current`` at it; whoever only reads opens
# that snapshot, so readers never see a build half done, and never read files a build is writing.
SNAPSHOTS = "kgbuild-snapshots"
_KEPT_SNAPSHOTS = 2  # the current one, and the one an endpoint's running query may still read


def published_snapshot(path: str | Path) -> Path | None:
    """The snapshot of the last finished build of the store folder ``path``; None before any
    (a store from before snapshots is read directly)."""
    folder = Path(path) / SNAPSHOTS
    try:
        snapshot = folder / (folder / "current").read_text(encoding="ascii").strip()
    except OSError:
        return None
    return snapshot if (snapshot / "CURRENT").is_file() else None


def open_store(location: str | Path, *, read_only: bool = False) -> KGStore:
    """The store at ``location``: an embedded Oxigraph folder, or a SPARQL 1.1 server (see :mod:`.remote`)."""
    from .remote import RemoteStore  # it builds on this module

    if is_remote(location):
        return RemoteStore(str(location), read_only=read_only)
    return EmbeddedStore(location, read_only=read_only)


class KGStore(ABC):
    """An open kgbuild store, embedded or on a server: every command reads and writes through
    these methods. Use as a context manager, or call :meth:`close`."""

    path: str | Path
    read_only: bool

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @abstractmethod
    def close(self) -> None:
        """Finish writing and release the store."""

    @abstractmethod
    def __len__(self) -> int:
        """Number of quads in the store."""

    @abstractmethod
    def query(self, sparql: str) -> Result:
        """Run a SPARQL 1.1 query over the union of all article graphs."""

    @abstractmethod
    def extractor_version(self, article_id: str) -> str | None:
        """The extractor version that wrote this article's graph, or ``None`` if it is not in the store."""

    @abstractmethod
    def replace_article_graphs(self, graphs: Iterable[tuple[str, bytes]]) -> int:
        """Write each ``(article_id, N-Triples)`` as that article's named graph, replacing any older one."""

    @abstractmethod
    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        """Make the named graph ``name`` hold exactly ``graph``."""

    @abstractmethod
    def add_entities(self, graph: Graph) -> None:
        """Merge entity descriptions into the shared entities graph (:func:`merge_entities`)."""

    @abstractmethod
    def graph(self, name: URIRef) -> Graph:
        """One named graph."""

    @abstractmethod
    def named_graphs(self) -> list[URIRef]:
        """The names of every graph in the store, sorted."""

    @abstractmethod
    def dump_nquads(self, output: Path) -> None:
        """All named graphs as N-Quads, written to ``output``."""

    def publish(self) -> None:
        """Make what the store holds now what its readers see (a server's own transactions do that)."""

    def construct_union(self) -> Graph:
        """Every triple of every article graph, merged (what Turtle and GraphML exports show).

        Strings are plain literals, as RDF 1.1 reads ``xsd:string`` ones and as a SPARQL server
        returns them (oxrdflib gives them their datatype, which Turtle would spell out each time)."""
        union = Graph()
        for s, p, o in self.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }").graph:
            union.add((s, p, Literal(str(o), lang=o.language) if isinstance(o, Literal) and o.datatype == XSD.string
                       else o))
        return bind_prefixes(union)


class EmbeddedStore(KGStore):
    """A store in an Oxigraph folder on this machine (the default)."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        try:
            if read_only:
                if not (self.path / "CURRENT").exists():
                    raise StoreError(
                        f"no kgbuild store at {self.path}; build one with: kgbuild build INPUT... --store {self.path}"
                    )
                inner = pyoxigraph.Store.read_only(str(published_snapshot(self.path) or self.path))
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
        self.dataset = bind_prefixes(Dataset(store=OxigraphStore(store=inner), default_union=True))

    def close(self) -> None:
        """Flush writes to disk and release the store."""
        if not self.read_only:
            self._inner.flush()
        # RocksDB releases its files when the last reference to the store goes: closing the dataset
        # drops oxrdflib's, and this drops ours, with no garbage collection to wait for (a full one
        # cost a build 0.9 s with the spaCy model in memory).
        self.dataset.close()
        del self.dataset
        del self._inner

    def __len__(self) -> int:
        """Number of quads in the store."""
        return len(self._inner)

    def publish(self) -> None:
        """Snapshot the store for its readers (see :data:`SNAPSHOTS`), and drop the snapshots no one needs."""
        folder = self.path / SNAPSHOTS
        folder.mkdir(exist_ok=True)
        current = published_snapshot(self.path)
        name = f"{int(current.name) + 1 if current else 1:09d}"
        self._inner.flush()
        self._inner.backup(str(folder / name))
        pointer = folder / "current.new"
        pointer.write_text(name, encoding="ascii")
        os.replace(pointer, folder / "current")
        for old in sorted(entry for entry in folder.iterdir() if entry.is_dir())[:-_KEPT_SNAPSHOTS]:
            shutil.rmtree(old, ignore_errors=True)

    def extractor_version(self, article_id: str) -> str | None:
        """The extractor version that wrote this article's graph, or ``None`` if it is not in the store."""
        rows = self._inner.quads_for_pattern(
            _ox(article_iri(article_id)), _ox(KG.extractorVersion), None, _ox(article_graph_iri(article_id))
        )
        return next((quad.object.value for quad in rows), None)

    def replace_article_graphs(self, graphs: Iterable[tuple[str, bytes]]) -> int:
        """Write each ``(article_id, N-Triples)`` as that article's named graph, replacing any older one."""
        chunks = []
        for article_id, ntriples in graphs:
            name = article_graph_iri(article_id)
            self.dataset.remove_graph(name)
            chunks.append(named_nquads(name, ntriples))
        self._load(b"".join(chunks))
        return len(chunks)

    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        """Make the named graph ``name`` hold exactly ``graph``, in one transaction: a build killed
        while it writes the merged events leaves the last complete ones."""
        self._inner.update(graph_replacement(name, graph))

    def add_entities(self, graph: Graph) -> None:
        """Merge entity descriptions into the shared entities graph (:func:`merge_entities`), in one
        transaction, so that no entity is ever left without its label or class."""
        entities = _ox(ENTITIES_GRAPH)
        stored = [
            (URIRef(quad.subject.value), URIRef(quad.predicate.value),
             Literal(quad.object.value) if isinstance(quad.object, pyoxigraph.Literal) else URIRef(quad.object.value))
            for node in set(graph.subjects(RDF.type, None)) for predicate in (RDFS.label, RDF.type)
            for quad in self._inner.quads_for_pattern(_ox(node), _ox(predicate), None, entities)
        ]
        if update := entities_update(*merge_entities(graph, stored)):
            self._inner.update(update)

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

    def graph(self, name: URIRef) -> Graph:
        """A read view of one named graph (works on read-only stores, unlike ``Dataset.graph``)."""
        return Graph(store=self.dataset.store, identifier=URIRef(name))

    def named_graphs(self) -> list[URIRef]:
        """The names of every graph in the store, sorted."""
        return sorted(URIRef(g.value) for g in self._inner.named_graphs())

    def dump_nquads(self, output: Path) -> None:
        """All named graphs as N-Quads (Oxigraph's own serializer: streams, keeps graph names)."""
        self._inner.dump(str(output), format=pyoxigraph.RdfFormat.N_QUADS)

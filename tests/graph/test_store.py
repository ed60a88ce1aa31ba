import subprocess
import sys

import pytest
from rdflib import Dataset
from rdflib.namespace import RDFS
from rdflib.compare import isomorphic

from kgbuild import build, open_store
from kgbuild.graph.iri import ENTITIES_GRAPH, article_graph_iri

from ..conftest import DATA, rdf11


def test_nquads_export_round_trips(seed_store, tmp_path):
    with open_store(seed_store, read_only=True) as store:
        path = tmp_path / "all.nq"
        store.dump_nquads(path)
        reloaded = Dataset().parse(path, format="nquads")
        for name in store.named_graphs():
            original = store.graph(name)
            assert isomorphic(rdf11(original), rdf11(reloaded.graph(name))), name


def test_rebuild_adds_nothing_twice(tmp_path):
    store_path = tmp_path / "store"
    first = build([DATA], store_path)
    with open_store(store_path, read_only=True) as store:
        before = (len(store), store.construct_union())
    again = build([DATA], store_path)
    forced = build([DATA], store_path, rebuild=True)
    with open_store(store_path, read_only=True) as store:
        assert len(store) == before[0]
        assert isomorphic(store.construct_union(), before[1])
    assert (first.built, again.built, again.unchanged, forced.built) == (4, 0, 4, 4)


def test_each_article_has_its_own_graph_and_entities_are_shared(tmp_path):
    report = build([DATA / "feed.jsonl"], tmp_path / "store")
    assert report.built == 2
    with open_store(tmp_path / "store", read_only=True) as store:
        graphs = set(store.named_graphs())
        assert ENTITIES_GRAPH in graphs and len(graphs) == 3
        # One copy of each entity description, however many articles name it.
        rows = list(store.query("SELECT ?label WHERE { ?x <http://www.w3.org/2000/01/rdf-schema#label> ?label }"))
        assert len(rows) == len({r[0] for r in rows})
        assert all(str(g).startswith(str(article_graph_iri(""))) for g in graphs - {ENTITIES_GRAPH})


_WRITER = """
import itertools, os, sys
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS
from kgbuild.graph.store import EmbeddedStore
from kgbuild.graph.namespace import KG

class DiesAtAWrite:
    # The store's engine, ended like kill -9 as it is asked for its n-th write.
    def __init__(self, engine, n):
        self.engine, self.left = engine, n
    def __getattr__(self, name):
        attribute = getattr(self.engine, name)
        if name not in ("add", "remove", "extend", "bulk_load", "bulk_extend", "update", "remove_graph", "clear_graph"):
            return attribute
        def write(*args, **options):
            self.left -= 1
            if self.left < 0:
                os._exit(9)
            return attribute(*args, **options)
        return write

store = EmbeddedStore(sys.argv[1])
store._inner = DiesAtAWrite(store._inner, int(sys.argv[2]))
nodes = [URIRef(f"https://w3id.org/kgbuild/id/actor/a{i}") for i in range(50)]
merged = URIRef("https://w3id.org/kgbuild/id/graph/merged")
for n in itertools.count():
    entities, events = Graph(), Graph()
    for node in nodes:
        entities.add((node, RDF.type, KG.Organisation if n % 2 else KG.State))
        entities.add((node, RDFS.label, Literal(f"Name {n}")))
        events.add((node, KG.mergeReason, Literal(f"version {n}")))
    store.add_entities(entities)
    store.replace_graph(merged, events)
"""


@pytest.mark.parametrize("kill_at", [1, 2, 3, 5, 8])
def test_a_writer_killed_at_any_write_leaves_whole_entities_and_a_whole_merged_graph(tmp_path, kill_at):
    store = tmp_path / "store"
    killed = subprocess.run([sys.executable, "-c", _WRITER, str(store), str(kill_at)], timeout=120)
    assert killed.returncode == 9
    merged = "https://w3id.org/kgbuild/id/graph/merged"
    with open_store(store, read_only=True) as opened:
        counts = opened.query(f"""SELECT ?node (COUNT(DISTINCT ?label) AS ?label_count) (COUNT(DISTINCT ?class) AS ?class_count)
            WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?node a ?class . OPTIONAL {{ ?node <{RDFS.label}> ?label }} }} }}
            GROUP BY ?node""")
        entities = {(int(row.label_count), int(row.class_count)) for row in counts}
        versions = [str(row.v) for row in opened.query(f"SELECT ?v WHERE {{ GRAPH <{merged}> {{ ?s ?p ?v }} }}")]
    assert entities == {(1, 1)}  # every node keeps one label and one class
    assert len(versions) in (0, 50) and len(set(versions)) <= 1  # no merged graph half replaced


def test_readers_see_the_last_finished_build_never_one_in_progress(tmp_path):
    from rdflib import Graph, Literal, URIRef

    from kgbuild.graph.store import SNAPSHOTS

    store = tmp_path / "store"
    build([DATA], store)
    with open_store(store, read_only=True) as reader:
        before = len(reader)
    stray = URIRef("https://w3id.org/kgbuild/id/graph/in-progress")
    with open_store(store) as writer:
        graph = Graph()
        graph.add((stray, RDFS.label, Literal("written, not yet published")))
        writer.replace_graph(stray, graph)
        with open_store(store, read_only=True) as reader:  # a query or an export while the build goes on
            assert len(reader) == before and stray not in reader.named_graphs()
        writer.publish()
        with open_store(store, read_only=True) as reader:
            assert len(reader) == before + 1 and stray in reader.named_graphs()
        writer.publish()
    assert sorted(p.name for p in (store / SNAPSHOTS).iterdir()) == ["000000002", "000000003", "current"]

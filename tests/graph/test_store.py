from rdflib import Dataset
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

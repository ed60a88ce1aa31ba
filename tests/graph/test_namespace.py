from rdflib import Graph
from rdflib.namespace import OWL, RDF

from kgbuild.graph.namespace import KG
from kgbuild.resources import ontology_file


def test_namespace_matches_the_ontology_file():
    graph = Graph().parse(data=ontology_file("kgbuild.ttl").read_text(encoding="utf-8"), format="turtle")
    declared = {
        str(s) for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual)
        for s in graph.subjects(RDF.type, kind) if str(s).startswith(str(KG._NS))
    }
    in_code = {str(KG[name]) for name in KG.__annotations__}
    assert declared == in_code


def test_every_term_is_documented():
    graph = Graph().parse(data=ontology_file("kgbuild.ttl").read_text(encoding="utf-8"), format="turtle")
    for name in KG.__annotations__:
        term = KG[name]
        assert graph.value(term, RDF.type) is not None, name
        assert graph.value(term, graph.namespace_manager.expand_curie("rdfs:label")) is not None, name
        assert graph.value(term, graph.namespace_manager.expand_curie("rdfs:comment")) is not None, name

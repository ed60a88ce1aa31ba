import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kgbuild.graph.namespace import KG, ontology_graph
from kgbuild.graph.store import PREFIXES

KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.NamedIndividual)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return ontology_graph("kgbuild.ttl")


def test_namespace_matches_the_ontology_file(ontology):
    declared = {
        str(s) for kind in KINDS for s in ontology.subjects(RDF.type, kind) if str(s).startswith(str(KG._NS))
    }
    in_code = {str(KG[name]) for name in KG.__annotations__}
    assert declared == in_code


@pytest.mark.parametrize("name", sorted(KG.__annotations__))
def test_every_term_has_a_label_a_comment_and_an_example_that_uses_it(ontology, name):
    term = KG[name]
    assert ontology.value(term, RDFS.label) is not None
    assert ontology.value(term, RDFS.comment) is not None
    example = ontology.value(term, SKOS.example)
    assert example is not None
    prefixes = "".join(f"@prefix {prefix}: <{iri}> .\n" for prefix, iri in PREFIXES.items())
    parsed = Graph().parse(data=f"@base <{PREFIXES['kgid']}> .\n{prefixes}{example}", format="turtle")
    used = {term for triple in parsed for term in triple if isinstance(term, URIRef)}
    assert term in used


def test_every_event_type_maps_to_cameo_and_plover(ontology):
    for event_type in ontology.subjects(RDFS.subClassOf, KG.Event):
        if event_type == KG.MergedEvent:
            continue
        assert all(code.isdigit() and len(code) in (3, 4) for code in ontology.objects(event_type, KG.cameoCode))
        assert set(ontology.objects(event_type, KG.ploverCategory)) and set(ontology.objects(event_type, KG.cameoCode))

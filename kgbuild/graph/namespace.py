"""The kgbuild ontology's terms; a test keeps this class equal to ``ontology/kgbuild.ttl``."""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class KG(DefinedNamespace):
    """Terms of ``https://w3id.org/kgbuild/ontology#``; an unknown term is an error."""

    _fail = True
    _NS = Namespace("https://w3id.org/kgbuild/ontology#")

    # classes
    Article: URIRef
    Sentence: URIRef
    Actor: URIRef
    Person: URIRef
    Organisation: URIRef
    State: URIRef
    ArmedGroup: URIRef
    Place: URIRef
    Mention: URIRef
    TemporalExpression: URIRef
    Event: URIRef
    Claim: URIRef

    # properties
    source: URIRef
    outlet: URIRef
    publishedInferred: URIRef
    extractorVersion: URIRef
    mentions: URIRef
    inArticle: URIRef
    inSentence: URIRef
    text: URIRef
    index: URIRef
    start: URIRef
    end: URIRef
    surfaceForm: URIRef
    refersTo: URIRef
    mentionKind: URIRef
    nerLabel: URIRef
    date: URIRef
    granularity: URIRef
    country: URIRef


ONTOLOGY_IRI = "https://w3id.org/kgbuild/ontology"
ID = Namespace("https://w3id.org/kgbuild/id/")

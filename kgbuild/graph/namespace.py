"""The kgbuild ontology's terms; a test keeps this class equal to ``ontology/kgbuild.ttl``."""

from functools import cache

from rdflib import Graph
from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

from ..resources import ontology_file


class KG(DefinedNamespace):
    """Terms of ``https://w3id.org/kgbuild/ontology#``; an unknown term is an error."""

    _fail = True
    _NS = Namespace("https://w3id.org/kgbuild/ontology#")

    # classes
    Article: URIRef
    Sentence: URIRef
    Entity: URIRef
    Actor: URIRef
    Person: URIRef
    Organisation: URIRef
    State: URIRef
    ArmedGroup: URIRef
    Population: URIRef
    Place: URIRef
    Mention: URIRef
    TemporalExpression: URIRef
    Event: URIRef
    Claim: URIRef
    MergedEvent: URIRef
    Call: URIRef
    Appeal: URIRef
    Meeting: URIRef
    Strike: URIRef
    Interception: URIRef
    TroopFigure: URIRef
    Casualties: URIRef
    Aid: URIRef
    Agreement: URIRef
    Support: URIRef
    Concession: URIRef
    Cooperation: URIRef
    Retreat: URIRef
    Accusation: URIRef
    Rejection: URIRef
    Threat: URIRef
    Protest: URIRef
    Sanction: URIRef
    Mobilization: URIRef
    Coercion: URIRef
    Assault: URIRef
    Modality: URIRef

    # modalities
    asserted: URIRef
    reported: URIRef
    claimed: URIRef
    planned: URIRef
    threatened: URIRef
    possible: URIRef
    denied: URIRef
    negated: URIRef

    # properties
    source: URIRef
    outlet: URIRef
    publishedInferred: URIRef
    extractorVersion: URIRef
    mentions: URIRef
    involves: URIRef
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
    eventType: URIRef
    actor: URIRef
    target: URIRef
    place: URIRef
    trigger: URIRef
    confidence: URIRef
    dateInferred: URIRef
    inferredRole: URIRef
    geoPrecision: URIRef
    report: URIRef
    mergeReason: URIRef
    about: URIRef
    claimant: URIRef
    claimantLabel: URIRef
    reportingVerb: URIRef
    modality: URIRef
    evidence: URIRef
    minimum: URIRef
    maximum: URIRef
    unit: URIRef
    approximate: URIRef
    quantityText: URIRef

    # annotations of event types
    cameoCode: URIRef
    ploverCategory: URIRef
    ploverMode: URIRef
    claimedActor: URIRef
    acledEventType: URIRef
    acledSubEventType: URIRef


ONTOLOGY_IRI = "https://w3id.org/kgbuild/ontology"

ID = Namespace("https://w3id.org/kgbuild/id/")


class GN(DefinedNamespace):
    """The GeoNames ontology's feature classes, which say what kind of place a node is."""

    _fail = True
    _NS = Namespace("http://www.geonames.org/ontology#")

    featureClass: URIRef
    A: URIRef  # country, state, region
    H: URIRef  # stream, lake, sea
    L: URIRef  # park, area
    P: URIRef  # city, village
    R: URIRef  # road, railroad
    S: URIRef  # spot, building, farm
    T: URIRef  # mountain, hill, rock
    U: URIRef  # undersea
    V: URIRef  # forest, heath


@cache
def ontology_graph(name: str) -> Graph:
    """The Turtle file ``ontology/<name>`` (kgbuild.ttl, shapes.ttl), parsed once; callers must not change it."""
    return Graph().parse(data=ontology_file(name).read_text(encoding="utf-8"), format="turtle")

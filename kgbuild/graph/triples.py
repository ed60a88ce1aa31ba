"""Records -> RDF triples for one article's named graph."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

from ..acled_types import acled_type
from ..records import ArticleFacts, Claim, Entity, Event
from ..resources import read_json
from .iri import article_iri, claim_iri, entity_iri, event_iri, sentence_iri, span_iri
from .namespace import GN, KG

_CLASSES = {
    "Person": KG.Person, "Organisation": KG.Organisation, "State": KG.State,
    "ArmedGroup": KG.ArmedGroup, "Population": KG.Population, "Place": KG.Place,
}
EVENT_CLASSES = {kind: KG[spec["class"]] for kind, spec in read_json("events", "categories.json")["types"].items()}
_DATE_TYPES = {"day": XSD.date, "week": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}
WIKIDATA = Namespace("http://www.wikidata.org/entity/")
# W3C Basic Geo; rdflib's WGS constant uses an https IRI that no geo tool recognises.
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")


def entity_triples(entities: Iterable[Entity]) -> Graph:
    """Descriptions of actors and places, for the shared entities graph (one copy per triple)."""
    graph = Graph()
    for entity in entities:
        _describe(graph, entity)
    return graph


def _describe(graph: Graph, entity: Entity) -> None:
    node = entity_iri(entity.key)
    graph.add((node, RDF.type, _CLASSES[entity.type]))
    if entity.type != "Place" or entity.acts:
        # Stated, not inferred: SPARQL clients rarely reason over rdfs:subClassOf.
        graph.add((node, RDF.type, KG.Actor))
    graph.add((node, RDFS.label, Literal(entity.label)))
    for alias in entity.aliases:
        if alias != entity.label:
            graph.add((node, SKOS.altLabel, Literal(alias)))
    if entity.wikidata:
        graph.add((node, OWL.sameAs, WIKIDATA[entity.wikidata]))
    if entity.country and entity.country != entity.key:
        graph.add((node, KG.country, entity_iri(entity.country)))
    if entity.lat is not None and entity.lon is not None:
        graph.add((node, GEO.lat, _decimal(entity.lat)))
        graph.add((node, GEO.long, _decimal(entity.lon)))
    if entity.feature:
        graph.add((node, GN.featureClass, GN[entity.feature]))
    if entity.geonames:
        graph.add((node, OWL.sameAs, URIRef(f"https://sws.geonames.org/{entity.geonames}/")))
    if entity.cameo:
        graph.add((node, KG.cameoCode, Literal(entity.cameo)))


def article_triples(facts: ArticleFacts, extractor_version: str) -> Graph:
    """The triples read from one article: the article, its evidence sentences, mentions and dates.

    The actors and places it names are described once, in :func:`entity_triples`:
    Oxigraph's union of named graphs keeps duplicates, so a description repeated in
    every article graph would inflate every count.
    """
    graph = Graph()
    article = facts.article
    node = article_iri(article.id)
    graph.add((node, RDF.type, KG.Article))
    graph.add((node, KG.source, Literal(article.source)))
    graph.add((node, KG.extractorVersion, Literal(extractor_version)))
    if article.title:
        graph.add((node, DCTERMS.title, Literal(article.title)))
    if article.url:
        graph.add((node, SDO.url, Literal(article.url, datatype=XSD.anyURI)))
    if article.outlet:
        graph.add((node, KG.outlet, Literal(article.outlet)))
    if article.published:
        graph.add((node, DCTERMS.issued, Literal(article.published.isoformat(), datatype=XSD.date)))
        graph.add((node, KG.publishedInferred, Literal(article.published_inferred)))
    graph.add((node, DCTERMS.language, Literal(article.language)))

    for sentence in facts.sentences:
        s = sentence_iri(article.id, sentence.index)
        graph.add((s, RDF.type, KG.Sentence))
        graph.add((s, KG.inArticle, node))
        graph.add((s, KG.index, Literal(sentence.index)))
        graph.add((s, KG.text, Literal(sentence.text)))
        graph.add((s, KG.start, Literal(sentence.start)))
        graph.add((s, KG.end, Literal(sentence.end)))

    involved = _involved(facts)
    for key in sorted({mention.entity for mention in facts.mentions if mention.entity is not None} | involved):
        graph.add((node, KG.mentions, entity_iri(key)))
    for key in sorted(involved):
        graph.add((node, KG.involves, entity_iri(key)))

    for mention in facts.mentions:
        m = span_iri(article.id, "mention", mention.start, mention.end)
        graph.add((m, RDF.type, KG.Mention))
        graph.add((m, KG.refersTo, entity_iri(mention.entity)))
        graph.add((m, KG.inSentence, sentence_iri(article.id, mention.sentence)))
        graph.add((m, KG.surfaceForm, Literal(mention.text)))
        graph.add((m, KG.mentionKind, Literal(mention.kind)))
        graph.add((m, KG.nerLabel, Literal(mention.label)))
        graph.add((m, KG.start, Literal(mention.start)))
        graph.add((m, KG.end, Literal(mention.end)))

    for expression in facts.dates:
        t = span_iri(article.id, "time", expression.start, expression.end)
        graph.add((t, RDF.type, KG.TemporalExpression))
        graph.add((t, KG.inSentence, sentence_iri(article.id, expression.sentence)))
        graph.add((t, KG.surfaceForm, Literal(expression.text)))
        graph.add((t, KG.start, Literal(expression.start)))
        graph.add((t, KG.end, Literal(expression.end)))
        if expression.value is not None:
            graph.add((t, KG.date, Literal(expression.value, datatype=_DATE_TYPES[expression.granularity])))
            graph.add((t, KG.granularity, Literal(expression.granularity)))

    entities = {entity.key: entity for entity in facts.entities}
    for event in facts.events:
        _describe_event(graph, event, acled_type(event, entities))
    return graph


def _involved(facts: ArticleFacts) -> set[str]:
    """Keys of what takes part in the article's events or claims: actors, targets, places, claimants."""
    keys = set()
    for event in facts.events:
        keys.update(mention.entity for mention in (*event.actors, *event.targets, *event.places))
        keys.update(claim.claimant.entity for claim in event.claims if claim.claimant is not None)
        keys.update(mention.entity for claim in event.claims for mention in claim.actors)
    keys.discard(None)
    return keys


def _decimal(value: float) -> Literal:
    """An xsd:decimal with the number's shortest digits ("8500", "30.7233"); a float given the
    decimal datatype would be a double in disguise, which validators reject."""
    return Literal(Decimal(int(value)) if float(value).is_integer() else Decimal(repr(float(value))))


def _describe_event(graph: Graph, event: Event, acled: tuple[str, str] | None) -> None:
    node = event_iri(event.id)
    graph.add((node, RDF.type, KG.Event))
    graph.add((node, RDF.type, EVENT_CLASSES[event.type]))
    graph.add((node, KG.eventType, Literal(event.type)))
    graph.add((node, KG.trigger, Literal(event.trigger)))
    graph.add((node, KG.confidence, _decimal(event.confidence)))
    if event.cameo:
        graph.add((node, KG.cameoCode, Literal(event.cameo)))
    if event.category:
        graph.add((node, KG.ploverCategory, Literal(event.category)))
    if event.mode:
        graph.add((node, KG.ploverMode, Literal(event.mode)))
    if acled is not None:
        graph.add((node, KG.acledEventType, Literal(acled[0])))
        graph.add((node, KG.acledSubEventType, Literal(acled[1])))
    for prop, mentions in ((KG.actor, event.actors), (KG.target, event.targets), (KG.place, event.places)):
        for mention in mentions:
            graph.add((node, prop, entity_iri(mention.entity)))
    if event.date is not None and event.date.value is not None:
        graph.add((node, KG.date, Literal(event.date.value, datatype=_DATE_TYPES[event.date.granularity])))
        graph.add((node, KG.granularity, Literal(event.date.granularity)))
        graph.add((node, KG.dateInferred, Literal(event.date_inferred)))
    for role in event.inferred_roles:
        graph.add((node, KG.inferredRole, Literal(role)))
    if event.geo_precision is not None:
        graph.add((node, KG.geoPrecision, Literal(event.geo_precision)))
    for number, claim in enumerate(event.claims):
        _describe_claim(graph, claim_iri(event.id, number), node, claim)


def _describe_claim(graph: Graph, node: URIRef, event_node: URIRef, claim: Claim) -> None:
    """An n-ary claim: who says what about the event, how surely, and where it is written."""
    graph.add((node, RDF.type, KG.Claim))
    graph.add((node, KG.about, event_node))
    graph.add((node, KG.modality, KG[claim.modality]))
    graph.add((node, KG.evidence, sentence_iri(claim.provenance.article, claim.provenance.sentence)))
    graph.add((node, PROV.wasDerivedFrom, article_iri(claim.provenance.article)))
    if claim.claimant is not None and claim.claimant.entity is not None:
        graph.add((node, KG.claimant, entity_iri(claim.claimant.entity)))
    if claim.claimant_label:
        graph.add((node, KG.claimantLabel, Literal(claim.claimant_label)))
    if claim.reporting_verb:
        graph.add((node, KG.reportingVerb, Literal(claim.reporting_verb)))
    for mention in claim.actors:
        if mention.entity is not None:
            graph.add((node, KG.claimedActor, entity_iri(mention.entity)))
    quantity = claim.quantity
    if quantity is not None:
        if quantity.minimum is not None:
            graph.add((node, KG.minimum, _decimal(quantity.minimum)))
        if quantity.maximum is not None:
            graph.add((node, KG.maximum, _decimal(quantity.maximum)))
        if quantity.unit:
            graph.add((node, KG.unit, Literal(quantity.unit)))
        if quantity.text:
            graph.add((node, KG.quantityText, Literal(quantity.text)))
        graph.add((node, KG.approximate, Literal(quantity.approximate)))

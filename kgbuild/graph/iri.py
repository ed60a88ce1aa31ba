"""IRIs of kgbuild's nodes: stable, readable, and the same for the same thing in every build."""

from __future__ import annotations

import hashlib

from rdflib.term import URIRef

from .namespace import ID


# Actors and places are described once here, not in every article graph that names them.
ENTITIES_GRAPH = ID["graph/entities"]
# Events merged across reports, recomputed from the whole store after each build.
MERGED_GRAPH = ID["graph/merged-events"]


def local_name(iri: object) -> str:
    """The part of an ontology term after its ``#``: ``kg:Person`` -> "Person"."""
    return str(iri).rsplit("#", 1)[-1]


def article_iri(article_id: str) -> URIRef:
    return ID[f"article/{article_id}"]


def article_graph_iri(article_id: str) -> URIRef:
    """The named graph that holds everything read from one article."""
    return ID[f"graph/{article_id}"]


def sentence_iri(article_id: str, index: int) -> URIRef:
    return ID[f"article/{article_id}/sentence/{index}"]


def span_iri(article_id: str, kind: str, start: int, end: int) -> URIRef:
    """A mention or temporal expression, named by its character span."""
    return ID[f"article/{article_id}/{kind}/{start}-{end}"]


def entity_iri(key: str) -> URIRef:
    """An actor or place: ``id/actor/<slug>`` or ``id/place/<slug>``."""
    return ID[key]


def entity_key_of(iri: object) -> str:
    """The key of a node :func:`entity_iri` named: ``id/actor/russia`` -> "actor/russia"."""
    return str(iri).removeprefix(str(ID))


def event_iri(event_id: str) -> URIRef:
    return ID[f"event/{event_id}"]


def merged_event_iri(reports: list[str]) -> URIRef:
    """The event several reports (event IRIs) state, named by them so it is the same in every build."""
    return ID[f"event/merged-{hashlib.sha256(' '.join(sorted(reports)).encode()).hexdigest()[:20]}"]


def claim_iri(event_id: str, number: int) -> URIRef:
    """The ``number``-th claim about an event."""
    return ID[f"event/{event_id}/claim/{number}"]

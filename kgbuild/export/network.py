"""The store as a network for Gephi, networkx and igraph, in four projections.

- ``actors``: actors joined by the events they share, one edge per pair and event type,
  weighted by how many events they share (the "who deals with whom" map);
- ``interactions``: directed, source actor -> target actor, one edge per PLOVER category,
  weighted by events (who attacks, calls, accuses or aids whom);
- ``events``: actors, events and places, with an edge for each role (actor -> event,
  event -> target, event -> place);
- ``full``: the events projection plus the articles, what they mention and report, and
  who claims what.

Every real-world event counts once: a merged event stands for its reports. Attributes
are scalars of one type each (Gephi declares one column per name and type); dates are
ISO strings. Each node and edge carries ``spells``, the days it is active (an event's
day, month or year; an actor's events); GEXF keeps them as time spells for Gephi's
timeline, GraphML (which has no time) as ``first`` and ``last`` dates.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

import networkx as nx

from ..graph.iri import local_name
from ..graph.namespace import KG
from ..graph.store import KGStore
from ..records import active_days

_PREFIXES = f"""
PREFIX kg: <{KG._NS}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX geo: <http://www.w3.org/2003/01/geo/wgs84_pos#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""
_ENTITIES = _PREFIXES + """
SELECT ?node ?class ?label ?lat ?lon ?countryName (SAMPLE(?same) AS ?wikidata)
       (COUNT(DISTINCT ?mention) AS ?mentions) (COUNT(DISTINCT ?article) AS ?articles)
WHERE {
  VALUES ?class { kg:Person kg:Organisation kg:State kg:ArmedGroup kg:Population kg:Place }
  ?node a ?class ; rdfs:label ?label .
  OPTIONAL { ?mention kg:refersTo ?node . ?mention kg:inSentence/kg:inArticle ?article }
  OPTIONAL { ?node geo:lat ?lat ; geo:long ?lon }
  OPTIONAL { ?node kg:country/rdfs:label ?countryName }
  OPTIONAL { ?node owl:sameAs ?same . FILTER STRSTARTS(STR(?same), "http://www.wikidata.org/") }
} GROUP BY ?node ?class ?label ?lat ?lon ?countryName
"""
# Events that stand for themselves: merged events, and reports merged into none.
_EVENTS = _PREFIXES + """
SELECT ?event ?type ?date ?granularity (COUNT(DISTINCT ?report) AS ?reports) (COUNT(DISTINCT ?claim) AS ?claims)
       (MIN(?reportCategory) AS ?category)
WHERE {
  ?event kg:eventType ?type .
  FILTER NOT EXISTS { ?merged kg:report ?event }
  ?event kg:report? ?report .
  OPTIONAL { ?claim kg:about ?report }
  OPTIONAL { ?event kg:date ?date }
  OPTIONAL { ?report kg:granularity ?granularity }
  OPTIONAL { ?report kg:ploverCategory ?reportCategory }
} GROUP BY ?event ?type ?date ?granularity
"""
_ROLES = _PREFIXES + """
SELECT DISTINCT ?event ?role ?node WHERE {
  VALUES ?role { kg:actor kg:target kg:place }
  ?event kg:eventType ?type ; ?role ?node .
  FILTER NOT EXISTS { ?merged kg:report ?event }
}
"""
_ARTICLES = _PREFIXES + """
SELECT ?article ?source ?title ?issued ?outlet WHERE {
  ?article a kg:Article ; kg:source ?source .
  OPTIONAL { ?article dcterms:title ?title } OPTIONAL { ?article dcterms:issued ?issued }
  OPTIONAL { ?article kg:outlet ?outlet }
}
"""
_MENTIONED = _PREFIXES + """
SELECT ?article ?node (COUNT(?mention) AS ?n) WHERE {
  ?mention kg:refersTo ?node ; kg:inSentence/kg:inArticle ?article .
} GROUP BY ?article ?node
"""
_CLAIMS = _PREFIXES + """
SELECT ?event ?article ?claimant (COUNT(DISTINCT ?claim) AS ?n) WHERE {
  ?event kg:eventType ?type .
  FILTER NOT EXISTS { ?merged kg:report ?event }
  ?event kg:report? ?report .
  ?claim kg:about ?report ; prov:wasDerivedFrom ?article .
  OPTIONAL { ?claim kg:claimant ?claimant }
} GROUP BY ?event ?article ?claimant
"""
_CLASS_NAMES = {"Person", "Organisation", "State", "ArmedGroup", "Population", "Place"}


class EventNetwork:
    """The store's real-world events, their actors, targets and places, read once.

    What the projections and ``kgbuild report`` are made from: ``entities`` (actors and
    places by IRI), ``events`` (merged events, and reports merged into none), ``roles``
    (event -> (role, entity) pairs), ``days`` (the first and last day of each dated event)
    and ``event_counts`` (events per entity).
    """

    def __init__(self, store: KGStore) -> None:
        self.entities = {str(row.node): row for row in store.query(_ENTITIES)}
        self.events = {str(row.event): row for row in store.query(_EVENTS)}
        self.roles: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for row in store.query(_ROLES):
            if str(row.node) in self.entities:
                self.roles[str(row.event)].append((local_name(row.role), str(row.node)))
        self.days = {
            event: active_days(str(row.date), None if row.granularity is None else str(row.granularity))
            for event, row in self.events.items() if row.date is not None
        }
        # How many events each entity takes part in, and the days of those events.
        self.event_counts: Counter[str] = Counter()
        self.spans: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for event, roles in self.roles.items():
            for node in {node for _, node in roles}:
                self.event_counts[node] += 1
                if event in self.days:
                    self.spans[node].add(self.days[event])

    def add_entity(self, graph: nx.Graph, key: str) -> None:
        """Add the actor or place ``key`` to ``graph`` with its attributes, unless it is there."""
        if key in graph:
            return
        row = self.entities[key]
        attributes: dict[str, Any] = {
            "label": str(row.label), "type": local_name(row["class"]), "mentions": int(row.mentions),
            "articles": int(row.articles), "events": self.event_counts[key], "iri": key,
        }
        if row.lat is not None:
            attributes.update(lat=float(row.lat), lon=float(row.lon))
        if row.countryName is not None:
            attributes["country"] = str(row.countryName)
        if row.wikidata is not None:
            attributes["wikidata"] = str(row.wikidata).rsplit("/", 1)[-1]
        if self.spans.get(key):
            attributes["spells"] = sorted(self.spans[key])
        graph.add_node(key, **attributes)


def actors_projection(store: KGStore) -> nx.MultiGraph:
    """Actors joined by shared events: one edge per pair and event type, ``weight`` = shared events."""
    network = EventNetwork(store)
    graph = nx.MultiGraph()
    shared: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for event, roles in network.roles.items():
        parties = sorted({node for role, node in roles if role in ("actor", "target")})
        for i, a in enumerate(parties):
            for b in parties[i + 1:]:
                shared[(a, b, str(network.events[event].type))].append(event)
    _add_event_edges(network, graph, shared)
    return graph


def _add_event_edges(network: EventNetwork, graph: nx.Graph, edges: dict[tuple[str, str, str], list[str]]) -> None:
    """An edge per (source, target, relation) of ``edges``, weighted by its events and active on their days."""
    for (source, target, relation), events in sorted(edges.items()):
        for node in (source, target):
            network.add_entity(graph, node)
        days = sorted({network.days[e] for e in events if e in network.days})
        attributes: dict[str, Any] = {"label": relation, "relation": relation, "count": len(events),
                                      "weight": float(len(events))}
        if days:
            attributes["spells"] = days
        graph.add_edge(source, target, key=relation, **attributes)


def interactions_projection(store: KGStore) -> nx.MultiDiGraph:
    """Who does what to whom: source actor -> target actor, one edge per PLOVER category, ``weight`` = events.

    Parties that act together with no one on the other side ("Kenya and Somalia signed an
    agreement") are joined both ways."""
    network = EventNetwork(store)
    graph = nx.MultiDiGraph()
    between: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for event, roles in network.roles.items():
        category = network.events[event].category
        if category is None:
            continue
        actors = sorted({node for role, node in roles if role == "actor"})
        targets = sorted({node for role, node in roles if role == "target"})
        pairs = [(a, t) for a in actors for t in targets if a != t] if targets else \
            [(a, b) for a in actors for b in actors if a != b]
        for source, target in pairs:
            between[(source, target, str(category))].append(event)
    _add_event_edges(network, graph, between)
    return graph


def events_projection(store: KGStore) -> nx.MultiDiGraph:
    """Actors, events and places: actor -> event, event -> target, event -> place."""
    return _events_graph(EventNetwork(store))


def _events_graph(network: EventNetwork) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for event, row in sorted(network.events.items()):
        attributes: dict[str, Any] = {
            "label": f"{row.type} {row.date}" if row.date is not None else str(row.type),
            "type": "Event", "event_type": str(row.type), "reports": int(row.reports), "claims": int(row.claims),
            "iri": event,
        }
        if event in network.days:
            attributes["spells"] = [network.days[event]]
        graph.add_node(event, **attributes)
    for event, roles in sorted(network.roles.items()):
        if event not in graph:
            continue
        for role, node in sorted(roles):
            network.add_entity(graph, node)
            source, target = (node, event) if role == "actor" else (event, node)
            attributes = {"label": role, "relation": role, "count": 1, "weight": 1.0}
            if event in network.days:
                attributes["spells"] = [network.days[event]]
            graph.add_edge(source, target, key=role, **attributes)
    return graph


def full_projection(store: KGStore) -> nx.MultiDiGraph:
    """The events projection plus articles: what each mentions and reports, and who claims what."""
    network = EventNetwork(store)
    graph = _events_graph(network)
    for row in store.query(_ARTICLES):
        attributes = {"label": str(row.title or row.source), "type": "Article", "source": str(row.source),
                      "iri": str(row.article)}
        if row.outlet is not None:
            attributes["outlet"] = str(row.outlet)
        if row.issued is not None:
            attributes["spells"] = [(str(row.issued), str(row.issued))]
        graph.add_node(str(row.article), **attributes)

    def link(source: str, target: str, relation: str, count: int) -> None:
        for node in (source, target):
            if node in network.entities:
                network.add_entity(graph, node)
        if source in graph and target in graph:
            graph.add_edge(source, target, key=relation, label=relation, relation=relation,
                           count=count, weight=float(count))

    for row in store.query(_MENTIONED):
        link(str(row.article), str(row.node), "mentions", int(row.n))
    reported: Counter[tuple[str, str]] = Counter()
    claimed: Counter[tuple[str, str]] = Counter()
    for row in store.query(_CLAIMS):
        reported[(str(row.article), str(row.event))] += int(row.n)
        if row.claimant is not None:
            claimed[(str(row.claimant), str(row.event))] += int(row.n)
    for (article, event), count in sorted(reported.items()):
        link(article, event, "reports", count)
    for (claimant, event), count in sorted(claimed.items()):
        link(claimant, event, "claims", count)
    return graph


PROJECTIONS: dict[str, Callable[[KGStore], nx.Graph]] = {
    "actors": actors_projection,
    "interactions": interactions_projection,
    "events": events_projection,
    "full": full_projection,
}

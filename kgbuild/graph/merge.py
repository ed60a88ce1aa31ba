"""Merge reports of one real-world event across sentences and articles.

Two reports are one event when they have the same type and the same stated day, no actor
of one clashes with the other's, and they share a place, or both an actor and a target.
An undated report (dated only by its article) is never merged: its day is a guess. The
merged events live in one named graph that is rebuilt from the whole store, so they do
not depend on the order articles arrive in; each says which keys its reports share.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from .iri import MERGED_GRAPH, entity_key_of, merged_event_iri
from .namespace import KG
from .store import KGStore

# Only reports that share their type and stated day with another can merge: the engine finds
# those days first, so the merge reads (and holds) the few reports that may merge rather
# than every report in the store.
_REPORTS = """
PREFIX kg: <https://w3id.org/kgbuild/ontology#>
SELECT ?event ?class ?type ?date ?role ?party WHERE {
  {
    SELECT ?type ?date WHERE {
      ?report kg:eventType ?type ; a ?kind ; kg:date ?date ; kg:dateInferred false .
      FILTER (?kind != kg:Event && ?kind != kg:MergedEvent)
    }
    GROUP BY ?type ?date
    HAVING (COUNT(DISTINCT ?report) > 1)
  }
  ?event kg:eventType ?type ; a ?class ; kg:date ?date ; kg:dateInferred false .
  FILTER (?class != kg:Event && ?class != kg:MergedEvent)
  OPTIONAL { VALUES ?role { kg:actor kg:target kg:place } ?event ?role ?party }
}
"""


@dataclass
class _Report:
    kind: URIRef
    type: str
    date: str
    roles: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def _reason(a: _Report, b: _Report) -> str | None:
    """Why ``a`` and ``b`` state one event, or ``None``."""
    actors_a, actors_b = a.roles[str(KG.actor)], b.roles[str(KG.actor)]
    if actors_a and actors_b and not actors_a & actors_b:
        return None
    shared_places = a.roles[str(KG.place)] & b.roles[str(KG.place)]
    if shared_places:
        return f"{a.type} {a.date}, same place: {', '.join(sorted(map(entity_key_of, shared_places)))}"
    shared_targets = a.roles[str(KG.target)] & b.roles[str(KG.target)]
    if actors_a & actors_b and shared_targets:
        parties = sorted(map(entity_key_of, actors_a & actors_b)) + sorted(map(entity_key_of, shared_targets))
        return f"{a.type} {a.date}, same actor and target: {', '.join(parties)}"
    return None


def merged_events(store: KGStore) -> Graph:
    """The merged events of everything in ``store``."""
    reports: dict[str, _Report] = {}
    for row in store.query(_REPORTS):
        report = reports.setdefault(str(row.event), _Report(URIRef(row["class"]), str(row.type), str(row.date)))
        if row.role is not None:
            report.roles[str(row.role)].add(str(row.party))
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for event, report in sorted(reports.items()):
        if len(report.date) == len("YYYY-MM-DD"):
            groups[(report.type, report.date)].append(event)
    parent = {event: event for event in reports}

    def root(event: str) -> str:
        while parent[event] != event:
            event = parent[event]
        return event

    # each report's reasons once: many reports of one event on one day share them, pair by pair
    reasons: dict[str, set[str]] = defaultdict(set)
    for members in groups.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                reason = _reason(reports[a], reports[b])
                if reason is not None:
                    reasons[a].add(reason)
                    ra, rb = root(a), root(b)
                    if ra != rb:
                        parent[max(ra, rb)] = min(ra, rb)
    clusters: dict[str, list[str]] = defaultdict(list)
    for event in reports:
        clusters[root(event)].append(event)
    why: dict[str, set[str]] = defaultdict(set)
    for event, found in reasons.items():
        why[root(event)] |= found
    graph = Graph()
    for cluster, members in clusters.items():
        if len(members) < 2:
            continue
        node = merged_event_iri(members)
        first = reports[min(members)]
        graph.add((node, RDF.type, KG.Event))
        graph.add((node, RDF.type, KG.MergedEvent))
        graph.add((node, RDF.type, first.kind))
        graph.add((node, KG.eventType, Literal(first.type)))
        graph.add((node, KG.date, Literal(first.date, datatype=XSD.date)))
        for member in members:
            graph.add((node, KG.report, URIRef(member)))
            for role, parties in reports[member].roles.items():
                for party in parties:
                    graph.add((node, URIRef(role), URIRef(party)))
        for reason in why[cluster]:
            graph.add((node, KG.mergeReason, Literal(reason)))
    return graph


def write_merged_events(store: KGStore, merge: bool = True) -> int:
    """Rebuild the store's merged events (none when ``merge`` is off); how many there are."""
    graph = merged_events(store) if merge else Graph()
    store.replace_graph(MERGED_GRAPH, graph)
    return len(set(graph.subjects(RDF.type, KG.MergedEvent)))

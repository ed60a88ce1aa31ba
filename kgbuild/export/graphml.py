"""GraphML for Gephi, networkx and igraph.

Nodes are articles, actors and places; edges are typed ``mentions`` (article ->
actor/place) and ``co_mentioned`` (two actors or places in one sentence), each with
an integer ``count`` and a float ``weight``. Gephi reads the ``label`` key as the
node label and merges parallel edges, so edges are aggregated here; every
attribute has one scalar type and no node carries an empty or missing value.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from ..graph.namespace import KG
from ..graph.store import KGStore
from . import exporter

_NODES = f"""
PREFIX kg: <{KG._NS}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX geo: <http://www.w3.org/2003/01/geo/wgs84_pos#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT ?node ?class ?label ?lat ?lon ?sameAs (COUNT(DISTINCT ?mention) AS ?mentions) (COUNT(DISTINCT ?article) AS ?articles)
WHERE {{
  ?node a ?class ; rdfs:label ?label .
  VALUES ?class {{ kg:Person kg:Organisation kg:State kg:ArmedGroup kg:Place }}
  ?mention kg:refersTo ?node .
  ?article kg:mentions ?node .
  OPTIONAL {{ ?node geo:lat ?lat ; geo:long ?lon }}
  OPTIONAL {{ ?node owl:sameAs ?sameAs }}
}} GROUP BY ?node ?class ?label ?lat ?lon ?sameAs
"""
_ARTICLES = f"""
PREFIX kg: <{KG._NS}>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?article ?source ?title ?issued ?outlet WHERE {{
  ?article a kg:Article ; kg:source ?source .
  OPTIONAL {{ ?article dcterms:title ?title }} OPTIONAL {{ ?article dcterms:issued ?issued }}
  OPTIONAL {{ ?article kg:outlet ?outlet }}
}}
"""
_MENTION_EDGES = f"""
PREFIX kg: <{KG._NS}>
SELECT ?article ?node (COUNT(?mention) AS ?n) WHERE {{
  ?mention kg:refersTo ?node ; kg:inSentence/kg:inArticle ?article .
}} GROUP BY ?article ?node
"""
_CO_MENTION_EDGES = f"""
PREFIX kg: <{KG._NS}>
SELECT ?a ?b (COUNT(DISTINCT ?sentence) AS ?n) WHERE {{
  ?m1 kg:refersTo ?a ; kg:inSentence ?sentence .
  ?m2 kg:refersTo ?b ; kg:inSentence ?sentence .
  FILTER(STR(?a) < STR(?b))
}} GROUP BY ?a ?b
"""


def conflict_network(store: KGStore) -> nx.DiGraph:
    """The store as a networkx graph whose attributes are all scalar and typed consistently."""
    graph = nx.DiGraph()
    for row in store.query(_NODES):
        attributes = {
            "label": str(row.label),
            "type": str(row["class"]).rsplit("#", 1)[-1],
            "mentions": int(row.mentions),
            "articles": int(row.articles),
            "iri": str(row.node),
        }
        if row.lat is not None:
            attributes.update(lat=float(row.lat), lon=float(row.lon))
        if row.sameAs is not None:
            attributes["wikidata"] = str(row.sameAs)
        graph.add_node(str(row.node), **attributes)
    for row in store.query(_ARTICLES):
        attributes = {"label": str(row.title or row.source), "type": "Article", "source": str(row.source),
                      "iri": str(row.article)}
        for key in ("issued", "outlet"):
            if row[key] is not None:
                attributes[key] = str(row[key])
        graph.add_node(str(row.article), **attributes)
    for row in store.query(_MENTION_EDGES):
        if str(row.node) in graph:
            count = int(row.n)
            graph.add_edge(str(row.article), str(row.node), type="mentions", count=count, weight=float(count))
    for row in store.query(_CO_MENTION_EDGES):
        if str(row.a) in graph and str(row.b) in graph:
            count = int(row.n)
            graph.add_edge(str(row.a), str(row.b), type="co_mentioned", count=count, weight=float(count))
    return graph


@exporter("graphml")
def export_graphml(store: KGStore, path: Path) -> None:
    """Write :func:`conflict_network` as GraphML that Gephi imports."""
    nx.write_graphml(conflict_network(store), str(path), named_key_ids=True)

"""Events and actors as tables: JSON Lines, or CSV when the file name ends in ``.csv``.

One event per row with its PLOVER category and mode, CAMEO code and ACLED type, its date
(its granularity, and whether it is inferred rather than stated), the roles taken from the
article's main event, its arguments as canonical names, its first claim's figure (also
as separate minimum and maximum), claimant and modality, and every sentence that reports
it with its outlet, URL and publication date. CSV joins lists with "; ", writes a range
in words ("10000 to 12000", "up to 20", "at least 40") and evidence as "source:start-end".
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..graph.iri import entity_key_of
from ..graph.namespace import KG
from ..graph.store import KGStore
from . import exporter

_PREFIX = f"PREFIX kg: <{KG._NS}>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
_EVENTS = _PREFIX + """
SELECT ?event ?type ?trigger ?date ?granularity ?inferred ?confidence ?precision ?category ?mode ?cameo ?acledType ?acledSubType
       (GROUP_CONCAT(?inferredRole; separator=" ") AS ?inferredRoles) WHERE {
  ?event a kg:Event ; kg:eventType ?type ; kg:confidence ?confidence .
  OPTIONAL { ?event kg:trigger ?trigger }
  OPTIONAL { ?event kg:date ?date }
  OPTIONAL { ?event kg:granularity ?granularity }
  OPTIONAL { ?event kg:dateInferred ?inferred }
  OPTIONAL { ?event kg:geoPrecision ?precision }
  OPTIONAL { ?event kg:ploverCategory ?category }
  OPTIONAL { ?event kg:ploverMode ?mode }
  OPTIONAL { ?event kg:cameoCode ?cameo }
  OPTIONAL { ?event kg:acledEventType ?acledType ; kg:acledSubEventType ?acledSubType }
  OPTIONAL { ?event kg:inferredRole ?inferredRole }
} GROUP BY ?event ?type ?trigger ?date ?granularity ?inferred ?confidence ?precision ?category ?mode ?cameo ?acledType ?acledSubType"""
_ROLES = _PREFIX + """
SELECT ?event ?role ?label WHERE {
  VALUES ?role { kg:actor kg:target kg:place }
  ?event ?role ?node . ?node rdfs:label ?label .
}"""
_CLAIMS = _PREFIX + """
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
SELECT ?event ?claim ?modality ?claimant ?claimantLabel ?minimum ?maximum ?unit ?source ?index ?text ?start ?end
       ?outlet ?url ?published WHERE {
  ?claim kg:about ?event ; kg:modality ?modality ; kg:evidence ?sentence ; prov:wasDerivedFrom ?article .
  ?sentence kg:index ?index ; kg:text ?text ; kg:start ?start ; kg:end ?end .
  ?article kg:source ?source .
  OPTIONAL { ?article kg:outlet ?outlet }
  OPTIONAL { ?article schema:url ?url }
  OPTIONAL { ?article dcterms:issued ?published }
  OPTIONAL { ?claim kg:claimant/rdfs:label ?claimant }
  OPTIONAL { ?claim kg:claimantLabel ?claimantLabel }
  OPTIONAL { ?claim kg:minimum ?minimum }
  OPTIONAL { ?claim kg:maximum ?maximum }
  OPTIONAL { ?claim kg:unit ?unit }
} ORDER BY ?event ?claim"""
_MENTIONS = _PREFIX + "SELECT ?source ?node WHERE { ?article kg:source ?source ; kg:mentions ?node }"
_MERGED = _PREFIX + "SELECT ?merged ?event WHERE { ?merged kg:report ?event }"
_ACTORS = _PREFIX + """
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX geo: <http://www.w3.org/2003/01/geo/wgs84_pos#>
SELECT ?node ?label ?class ?alias ?sameAs ?lat ?lon WHERE {
  VALUES ?class { kg:Person kg:Organisation kg:State kg:ArmedGroup kg:Population kg:Place }
  ?node a ?class ; rdfs:label ?label .
  OPTIONAL { ?node skos:altLabel ?alias }
  OPTIONAL { ?node owl:sameAs ?sameAs }
  OPTIONAL { ?node geo:lat ?lat ; geo:long ?lon }
} ORDER BY ?label"""


def _value(term: Any) -> Any:
    return None if term is None else term.toPython()


def _number(value: Any) -> int | float | None:
    if value is None:
        return None
    number = float(value)
    return int(number) if number.is_integer() else number


def _text(term: Any) -> str | None:
    return None if term is None else str(term)


def _local(iri: Any) -> str:
    return str(iri).rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def event_rows(store: KGStore) -> list[dict[str, Any]]:
    """Every event in the store as a dict of plain values, sorted by date then id."""
    roles: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in store.query(_ROLES):
        roles[str(row.event)][_local(row.role)].add(str(row.label))
    claims: dict[str, list[Any]] = defaultdict(list)
    for row in store.query(_CLAIMS):
        claims[str(row.event)].append(row)
    merged_into = {str(row.event): _local(row.merged) for row in store.query(_MERGED)}
    events = []
    for row in store.query(_EVENTS):
        key = str(row.event)
        found = claims.get(key, [])
        # The figure and claimant come from the first claim that names a claimant, else the first claim.
        attributed = [c for c in found if c.claimant is not None or c.claimantLabel is not None]
        first = (attributed or found or [None])[0]
        evidence = [
            {"source": str(c.source), "sentence": str(c.text), "start": int(_value(c.start)), "end": int(_value(c.end))}
            for c in found
        ]
        events.append({
            "id": _local(key),
            "type": str(row.type),
            "plover": _text(row.category),
            "plover_mode": _text(row.mode),
            "cameo": _text(row.cameo),
            "acled_event_type": _text(row.acledType),
            "acled_sub_event_type": _text(row.acledSubType),
            "trigger": _text(row.trigger),
            "date": _text(row.date),
            "date_granularity": _text(row.granularity),
            "date_inferred": None if row.inferred is None else bool(_value(row.inferred)),
            "inferred_roles": sorted(str(row.inferredRoles).split()) if row.inferredRoles else [],
            "actor": sorted(roles[key]["actor"]),
            "target": sorted(roles[key]["target"]),
            "place": sorted(roles[key]["place"]),
            "geo_precision": None if row.precision is None else int(_value(row.precision)),
            "quantity": None if first is None else _figure(first),
            "quantity_min": None if first is None or first.minimum is None else _number(_value(first.minimum)),
            "quantity_max": None if first is None or first.maximum is None else _number(_value(first.maximum)),
            "unit": None if first is None or first.unit is None else str(first.unit),
            "claimant": None if first is None else _claimant(first),
            "modality": None if first is None else _local(first.modality),
            "confidence": float(_value(row.confidence)),
            "evidence": list({(e["source"], e["start"]): e for e in evidence}.values()),
            # every report's own figure and source, side by side ("41 hit" and "up to 20 hit")
            "claims": [
                {"claimant": _claimant(c), "quantity": _figure(c), "unit": _text(c.unit),
                 "modality": _local(c.modality), "source": str(c.source), "sentence": str(c.text),
                 "outlet": _text(c.outlet), "url": _text(c.url), "published": _text(c.published)}
                for c in found
            ],
            "merged_into": merged_into.get(key),
        })
    events.sort(key=lambda event: (event["date"] or "", event["id"]))
    return events


def _figure(claim: Any) -> Any:
    """A claim's figure: a number, or ``[min, max]`` with ``None`` for an open bound."""
    if claim.minimum is None and claim.maximum is None:
        return None
    low, high = _number(_value(claim.minimum)), _number(_value(claim.maximum))
    return low if low == high else [low, high]


def _claimant(claim: Any) -> str | None:
    if claim.claimant is not None:
        return str(claim.claimant)
    return None if claim.claimantLabel is None else str(claim.claimantLabel)


def actor_rows(store: KGStore) -> list[dict[str, Any]]:
    """Every actor and place with its type, every surface form seen, Wikidata id and coordinates."""
    actors: dict[str, dict[str, Any]] = {}
    for row in store.query(_ACTORS):
        key = str(row.node)
        actor = actors.setdefault(key, {
            "id": entity_key_of(key), "label": str(row.label), "type": _local(row["class"]),
            "aliases": set(), "wikidata": None, "lat": None, "lon": None,
        })
        if row.alias is not None:
            actor["aliases"].add(str(row.alias))
        if row.sameAs is not None:
            actor["wikidata"] = _local(row.sameAs)
        if row.lat is not None:
            actor["lat"], actor["lon"] = float(_value(row.lat)), float(_value(row.lon))
    rows = []
    for actor in actors.values():
        actor["aliases"] = sorted(actor["aliases"] | {actor["label"]})
        rows.append(actor)
    return rows


def article_mentions(store: KGStore) -> dict[str, set[str]]:
    """The ids of the actors and places each article (by its source) names."""
    mentioned: dict[str, set[str]] = defaultdict(set)
    for row in store.query(_MENTIONS):
        mentioned[str(row.source)].add(entity_key_of(row.node))
    return dict(mentioned)


def _is_range(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(v is None or isinstance(v, (int, float)) for v in value) \
        and any(v is not None for v in value)


def figure_text(value: Any) -> str:
    """A figure in words that cannot be misread: "12", "10000 to 12000", "at least 40", "up to 20"."""
    if not _is_range(value):
        return "" if value is None else str(value)
    low, high = value
    return f"at least {low}" if high is None else f"up to {high}" if low is None else f"{low} to {high}"


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return "; ".join(_csv_record(record) for record in value)
        if _is_range(value):
            return figure_text(value)
        return "; ".join(str(v) for v in value)
    return "" if value is None else value


def _csv_record(record: dict[str, Any]) -> str:
    """An evidence span as "source:start-end"; a claim as "claimant: figure unit (source)"."""
    if "start" in record:
        return f"{record['source']}:{record['start']}-{record['end']}"
    figure = figure_text(record["quantity"])
    stated = " ".join(str(part) for part in (figure, record["unit"]) if part not in (None, ""))
    return f"{record['claimant'] or 'unattributed'}: {stated or record['modality']} ({record['source']})"


def write_table(rows: list[dict[str, Any]], path: Path) -> None:
    """``rows`` as CSV when ``path`` ends in ``.csv``, else as JSON Lines."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        if path.suffix.lower() == ".csv":
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]) if rows else ["id"])
            writer.writeheader()
            for row in rows:
                writer.writerow({key: _csv_cell(value) for key, value in row.items()})
        else:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")


@exporter("events")
def export_events(store: KGStore, path: Path) -> None:
    """One event per line: type, date, actors, targets, places, figure, claimant, modality, evidence,
    and the merged event it is a report of, if any."""
    write_table(event_rows(store), path)


@exporter("actors")
def export_actors(store: KGStore, path: Path) -> None:
    """One actor or place per line: label, type, aliases, Wikidata id, coordinates."""
    write_table(actor_rows(store), path)

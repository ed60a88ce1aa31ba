"""Events in ACLED's column layout, for analysts who line kgbuild up with ACLED data.

One row per real-world event that ACLED codes (political violence, protests, strategic
developments: those with an ACLED event type): a merged event is one row, its reports'
outlets its sources. The dead a sentence counts beside an attack are the attack's
``fatalities`` (ACLED's conservative figure: the lowest stated), with the stated range
in ``fatalities_min`` and ``fatalities_max``; a toll told on its own is a row of its own.
kgbuild's claimant, modality, PLOVER category and mode, CAMEO code and type follow ACLED's
columns. Numbers are numbers: no figure is written as text.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..graph.namespace import KG
from ..graph.store import KGStore
from ..records import active_days
from . import exporter
from .tables import event_rows

COLUMNS = (
    "event_id", "event_date", "year", "time_precision", "date_precision", "date_inferred", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "country", "admin1", "admin2", "location", "latitude", "longitude",
    "geo_precision", "source", "source_url", "notes", "fatalities", "fatalities_min", "fatalities_max", "claimant",
    "modality", "plover", "plover_mode", "cameo", "kgbuild_type",
)
# ACLED's time precision: 1 the day is known, 2 the week, 3 only the month or year.
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
# Words of a toll that counts the dead, not the wounded.
_DEATH_WORDS = ("kill", "dead", "death", "die", "slain", "slay", "massacre", "behead", "execut", "fatalit", "murder", "life", "lives")
_PLACES = f"""
PREFIX kg: <{KG._NS}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX geo: <http://www.w3.org/2003/01/geo/wgs84_pos#>
PREFIX gn: <http://www.geonames.org/ontology#>
SELECT ?label ?lat ?lon ?country ?feature ?state WHERE {{
  ?place rdfs:label ?label .
  OPTIONAL {{ ?place geo:lat ?lat ; geo:long ?lon }}
  OPTIONAL {{ ?place kg:country/rdfs:label ?country }}
  OPTIONAL {{ ?place gn:featureClass ?feature }}
  BIND (EXISTS {{ ?place a kg:State }} AS ?state)
  FILTER EXISTS {{ ?event kg:place ?place }}
}}"""


def _is_toll_of_deaths(event: dict[str, Any]) -> bool:
    words = f"{event.get('trigger') or ''} {event.get('unit') or ''}".lower()
    return event["type"] == "casualties" and any(word in words for word in _DEATH_WORDS)


def _sentences(event: dict[str, Any]) -> set[tuple[str, int]]:
    return {(e["source"], e["start"]) for e in event["evidence"]}


def _places(store: KGStore) -> dict[str, dict[str, Any]]:
    places = {}
    for row in store.query(_PLACES):
        places[str(row.label)] = {
            "lat": None if row.lat is None else float(row.lat.toPython()),
            "lon": None if row.lon is None else float(row.lon.toPython()),
            "country": str(row.label) if row.state is not None and row.state.toPython() else
            None if row.country is None else str(row.country),
            "feature": None if row.feature is None else str(row.feature).rsplit("#", 1)[-1],
        }
    return places


def acled_rows(store: KGStore) -> list[dict[str, Any]]:
    """The events ACLED would code, one dict per row with :data:`COLUMNS` as keys."""
    events = event_rows(store)
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for event in events:
        groups[event["merged_into"] or event["id"]].append(event)
    attacks = [group for group in groups.values() if any(e["acled_event_type"] and e["type"] != "casualties" for e in group)]
    # a toll in a sentence that tells an attack is the attack's
    counted: dict[int, list[dict[str, Any]]] = defaultdict(list)
    tolls_placed: set[str] = set()
    for toll in (e for e in events if _is_toll_of_deaths(e)):
        for index, group in enumerate(attacks):
            if any(_sentences(toll) & _sentences(e) for e in group):
                counted[index].append(toll)
                tolls_placed.add(toll["merged_into"] or toll["id"])
                break
    places = _places(store)
    rows = []
    for key, group in groups.items():
        coded = [e for e in group if e["acled_event_type"]]
        if not coded or key in tolls_placed and all(e["type"] == "casualties" for e in coded):
            continue
        index = next((i for i, g in enumerate(attacks) if g is group), None)
        tolls = counted.get(index, []) if index is not None else [e for e in coded if _is_toll_of_deaths(e)]
        rows.append(_row(key, coded, tolls, places))
    rows.sort(key=lambda row: (row["event_date"] or "", row["event_id"]))
    return rows


def _row(key: str, reports: list[dict[str, Any]], tolls: list[dict[str, Any]], places: dict[str, dict[str, Any]]) -> dict[str, Any]:
    best = max(reports, key=lambda e: (e["type"] != "casualties", len(e["actor"]) + len(e["target"]) + len(e["place"])))
    place = next((places[p] | {"label": p} for p in best["place"] if p in places), None)
    deaths = [toll for toll in tolls if toll["quantity_min"] is not None or toll["quantity_max"] is not None]
    lows = [t["quantity_min"] if t["quantity_min"] is not None else 0 for t in deaths]
    highs = [t["quantity_max"] for t in deaths if t["quantity_max"] is not None]
    claims = [claim for report in reports for claim in report["claims"]]
    date = best["date"]
    return {
        "event_id": key,
        # a full date, as ACLED writes it: the first day of a month or year the text is only as precise as
        "event_date": active_days(date)[0] if date else None,
        "year": int(date[:4]) if date else None,
        "time_precision": _TIME_PRECISION.get(best["date_granularity"]) if date else None,
        "date_precision": best["date_granularity"],
        "date_inferred": best["date_inferred"],
        "event_type": best["acled_event_type"],
        "sub_event_type": best["acled_sub_event_type"],
        "actor1": best["actor"][0] if best["actor"] else None,
        "assoc_actor_1": "; ".join(best["actor"][1:]) or None,
        "actor2": best["target"][0] if best["target"] else None,
        "assoc_actor_2": "; ".join(best["target"][1:]) or None,
        "country": None if place is None else place["country"],
        "admin1": None if place is None or place["feature"] != "A" or place["country"] == place["label"] else place["label"],
        "admin2": None,
        "location": None if place is None else place["label"],
        "latitude": None if place is None else place["lat"],
        "longitude": None if place is None else place["lon"],
        "geo_precision": best["geo_precision"],
        "source": "; ".join(sorted({c["outlet"] for c in claims if c["outlet"]})) or None,
        "source_url": "; ".join(sorted({c["url"] for c in claims if c["url"]})) or None,
        "notes": best["evidence"][0]["sentence"] if best["evidence"] else None,
        "fatalities": int(min(lows)) if lows else 0,
        "fatalities_min": min(lows) if lows else None,
        "fatalities_max": max(highs) if highs and len(highs) == len(deaths) else None,
        "claimant": best["claimant"],
        "modality": best["modality"],
        "plover": best["plover"],
        "plover_mode": best["plover_mode"],
        "cameo": best["cameo"],
        "kgbuild_type": best["type"],
    }


@exporter("acled")
def export_acled(store: KGStore, path: Path) -> None:
    """ACLED's columns, one row per event ACLED codes, as CSV."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for row in acled_rows(store):
            writer.writerow({key: "" if value is None else value for key, value in row.items()})

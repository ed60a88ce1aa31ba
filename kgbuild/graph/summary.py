"""Counts that describe a store: what ``kgbuild stats`` and the end of a build print."""

from __future__ import annotations

from dataclasses import dataclass, field

from .iri import local_name
from .namespace import KG
from .store import KGStore

_CLASS_COUNTS = f"""
PREFIX kg: <{KG._NS}>
SELECT ?class (COUNT(DISTINCT ?node) AS ?n) WHERE {{
  VALUES ?class {{ kg:Article kg:Person kg:Organisation kg:State kg:ArmedGroup kg:Population kg:Place kg:Mention kg:Event kg:Claim }}
  ?node a ?class .
}} GROUP BY ?class
"""
_EVENT_TYPES = f"""
PREFIX kg: <{KG._NS}>
SELECT ?type (COUNT(DISTINCT ?event) AS ?n) WHERE {{ ?event a kg:Event ; a ?type . FILTER(?type != kg:Event) }}
GROUP BY ?type ORDER BY ?type
"""


@dataclass(frozen=True)
class StoreSummary:
    """Articles, actors by type, places, mentions, and events by type."""

    counts: dict[str, int]
    events_by_type: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        c = self.counts
        actors = sum(c.get(k, 0) for k in ("Person", "Organisation", "State", "ArmedGroup", "Population"))
        events = sum(self.events_by_type.values())
        by_type = ", ".join(f"{t} {n}" for t, n in self.events_by_type.items()) or "none yet"
        return [
            f"articles: {c.get('Article', 0)}",
            f"actors:   {actors} (persons {c.get('Person', 0)}, organisations {c.get('Organisation', 0)}, "
            f"states {c.get('State', 0)}, armed groups {c.get('ArmedGroup', 0)}, populations {c.get('Population', 0)})",
            f"places:   {c.get('Place', 0)}",
            f"mentions: {c.get('Mention', 0)}",
            f"events:   {events} ({by_type})",
        ]


def summarize(store: KGStore) -> StoreSummary:
    """Count the store's articles, actors, places, mentions and events."""
    counts = {local_name(row[0]): int(row[1]) for row in store.query(_CLASS_COUNTS)}
    events = {local_name(row[0]): int(row[1]) for row in store.query(_EVENT_TYPES)}
    return StoreSummary(counts, events)

"""ACLED's event type and sub-type of an event, from its PLOVER category and mode and who took part.

ACLED codes political violence, protests and strategic developments, so only the categories
``ontology/events/categories.json`` lists under ``acled`` get a type: an assault by a remote
means is Explosions/Remote violence whoever it struck ("Air/drone strike"); any other assault is
Violence against civilians when it struck civilians or a person, a Battle over ground when a
state or armed group took a place, else an Armed clash. Consultations, appeals, accusations and
the like are not ACLED events.
"""

from __future__ import annotations

from collections.abc import Mapping

from .records import Entity, Event
from .resources import read_json


def acled_type(event: Event, entities: Mapping[str, Entity]) -> tuple[str, str] | None:
    """(event type, sub-event type) in ACLED's terms, or ``None`` where ACLED codes no such event."""
    coding = read_json("events", "categories.json")
    rule = coding["acled"].get(event.category or "")
    if rule is None:
        return None
    if event.mode in rule.get("modes", {}):
        return tuple(rule["modes"][event.mode])

    def parties(mentions) -> list[Entity]:
        return [entities[m.entity] for m in mentions if m.entity in entities]

    civilians = coding["acled_civilians"]
    if "civilians" in rule and any(e.cameo in civilians["cameo"] or e.type in civilians["types"]
                                   for e in parties(event.targets)):
        return tuple(rule["civilians"])
    if "territory" in rule and event.trigger.lower() in coding["acled_territory_triggers"]:
        taker = next((e.type for e in parties(event.actors) if e.type in rule["territory"]), None)
        if taker is not None:
            return tuple(rule["territory"][taker])
    return tuple(rule["otherwise"])

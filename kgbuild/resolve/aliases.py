"""Resolve the mentions of one article to entities.

Gazetteer names resolve to their entry (so "Zelensky", "Zelenskyy" and
"Kiev"/"Kyiv" each meet in one node). Other people are grouped by full name, and
a surname alone ("Tykhyi", "Mr. Tykhyi") joins the one full name in the same
article that ends with it. Journalists, and every mention of them, are dropped.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from ..nlp.gazetteer import capitals, entities_by_key, entities_by_name, entity_key, load_gazetteer
from ..records import ArticleFacts, Entity, EntityType, Event, Mention
from ..resources import read_json
from ..nlp.acronyms import defined_acronyms, initials, is_acronym
from .events import implied_parties, merge_reports
from .geocode import geocode

_TYPES: dict[str, EntityType] = {
    "PERSON": "Person", "ORG": "Organisation", "GPE": "Place", "LOC": "Place", "FAC": "Place"
}


@cache
def _honorifics() -> frozenset[str]:
    return frozenset(read_json("names.json")["honorifics"])


def person_name(text: str) -> str:
    """A person's name without leading titles ("Mr. Tykhyi" -> "Tykhyi")."""
    words = text.split()
    while len(words) > 1 and words[0] in _honorifics():
        words.pop(0)
    return " ".join(words)


def _name_part_index(full_names: dict[str, str]) -> dict[str, set[str]]:
    """Each word of a full name -> the keys of full names containing it ("Kim" -> Kim Jong Un)."""
    index: dict[str, set[str]] = {}
    for name, key in full_names.items():
        for part in name.split():
            if len(part) >= 3:
                index.setdefault(part, set()).add(key)
    return index


def resolve_article(facts: ArticleFacts) -> ArticleFacts:
    """``facts`` with each mention's ``entity`` key set, unlinkable ones dropped, and the entities they name."""
    gazetteer = load_gazetteer().entities
    people = [person_name(m.text) for m in facts.mentions]
    full_names: dict[str, str] = {}
    for mention, name in zip(facts.mentions, people):
        if mention.label != "PERSON" or mention.kind == "journalist":
            continue
        if mention.gazetteer_id is not None:
            known = gazetteer[mention.gazetteer_id]
            full_names.update({n: mention.gazetteer_id for n in (known.label, *known.aliases) if " " in n})
        elif len(name.split()) > 1:
            full_names[name] = name
    by_part = _name_part_index(full_names)
    journalists = {name for m, name in zip(facts.mentions, people) if m.kind == "journalist"}
    journalist_surnames = {name.split()[-1] for name in journalists}

    long_forms = _long_forms(facts)

    entities: dict[str, Entity] = {}
    surfaces: dict[str, list[str]] = {}
    resolved: list[Mention] = []
    for mention, name in zip(facts.mentions, people):
        if mention.kind == "journalist" or name in journalist_surnames or name in journalists:
            continue
        if mention.gazetteer_id is not None:
            entity = gazetteer[mention.gazetteer_id]
        elif (long_form := long_forms.get((mention.start, mention.end))) is not None:
            entity = entities_by_name().get(long_form.lower()) or Entity(
                entity_key("Organisation", long_form), long_form, "Organisation")
        elif mention.label == "PERSON":
            candidates = by_part.get(name, set()) if len(name.split()) == 1 else {name}
            target = next(iter(candidates)) if len(candidates) == 1 else name
            entity = gazetteer.get(target) or Entity(entity_key("Person", target), target, "Person")
        elif len(by_part.get(name, ())) == 1 and " " not in name:
            # The small model often tags a surname alone as ORG or GPE ("Kiper said").
            target = next(iter(by_part[name]))
            entity = gazetteer.get(target) or Entity(entity_key("Person", target), target, "Person")
        elif mention.label in _TYPES:
            kind = _TYPES[mention.label]
            entity = Entity(entity_key(kind, mention.text), mention.text, kind)
        else:
            continue
        entities.setdefault(entity.key, entity)
        if mention.kind in ("name", "metonym"):
            surfaces.setdefault(entity.key, []).append(mention.text)
        resolved.append(replace(mention, entity=entity.key))

    entities = _geocoded(entities)
    known = entities_by_key() | entities
    country_of = {key: entity.country for key, entity in known.items() if entity.country}
    by_span = {(m.start, m.end): m for m in resolved}
    events = merge_reports(tuple(
        implied_parties(_resolve_event(event, by_span), known, capitals()) for event in facts.events), country_of)
    # A state an event implies ("Moscow" acting for Russia) is a node even where the article never names it.
    for event in events:
        for mention in (*event.actors, *event.targets):
            if mention.entity is not None and mention.entity not in entities and mention.entity in known:
                entities[mention.entity] = known[mention.entity]
    linked = tuple(
        replace(entity, aliases=tuple(dict.fromkeys(surfaces.get(key, []))))
        for key, entity in entities.items()
    )
    return replace(facts, mentions=tuple(resolved), entities=linked, events=events)


def _geocoded(entities: dict[str, Entity]) -> dict[str, Entity]:
    """``entities`` with coordinates and a state for places the gazetteer does not place.

    The states the article names (and those its known places lie in) settle a name
    several places share.
    """
    countries = frozenset({e.key for e in entities.values() if e.type == "State"}
                          | {e.country for e in entities.values() if e.country})
    placed = {}
    for key, entity in entities.items():
        location = geocode(entity.label, countries) if entity.type == "Place" and entity.lat is None else None
        placed[key] = entity if location is None else replace(
            entity, lat=location.lat, lon=location.lon, country=entity.country or location.country)
    return placed


def _long_forms(facts: ArticleFacts) -> dict[tuple[int, int], str]:
    """(start, end) of each organisation mention -> the long form it stands for in this article.

    "NIS" after "National Intelligence Service (NIS)", "ISW" beside "the Institute for the
    Study of War", and "Defence Intelligence Service" inside "Danish Defence Intelligence
    Service (DDIS)" all become the long form.
    """
    defined = defined_acronyms(facts.article.text)
    spelled: dict[str, set[str]] = {}
    for mention in facts.mentions:
        if mention.label == "ORG" and not is_acronym(mention.text) and len(mention.text.split()) > 1:
            spelled.setdefault(initials(mention.text), set()).add(mention.text)
    found = {}
    for mention in facts.mentions:
        if mention.label in ("PERSON", "NORP") or mention.gazetteer_id is not None:
            continue
        if is_acronym(mention.text):
            if mention.text in defined:
                found[(mention.start, mention.end)] = defined[mention.text].text
            elif len(spelled.get(mention.text, ())) == 1:
                found[(mention.start, mention.end)] = next(iter(spelled[mention.text]))
            continue
        for long_form in defined.values():
            if long_form.start <= mention.start and mention.end <= long_form.end and mention.label == "ORG":
                found[(mention.start, mention.end)] = long_form.text
    return found


def _resolve_event(event: Event, resolved: dict[tuple[int, int], Mention]) -> Event:
    """``event`` with its arguments and claimants replaced by their resolved mentions, one per entity."""

    def linked(mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
        by_entity: dict[str, Mention] = {}
        for mention in mentions:
            found = resolved.get((mention.start, mention.end))
            if found is not None and found.entity is not None:
                by_entity.setdefault(found.entity, found)
        return tuple(by_entity.values())

    claims = tuple(
        replace(claim, claimant=resolved.get((claim.claimant.start, claim.claimant.end))) if claim.claimant else claim
        for claim in event.claims
    )
    return replace(event, actors=linked(event.actors), targets=linked(event.targets), places=linked(event.places),
                   claims=claims)

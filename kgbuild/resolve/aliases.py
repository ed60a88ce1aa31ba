"""Resolve the mentions of one article to entities.

Gazetteer names resolve to their entry (so "Zelensky", "Zelenskyy" and
"Kiev"/"Kyiv" each meet in one node). Other people are grouped by full name, and
a surname alone ("Tykhyi", "Mr. Tykhyi") joins the one full name in the same
article that ends with it. Journalists, and every mention of them, are dropped.
Unnamed parties ("gunmen", "the police") resolve by :func:`_agent_entities`.
"""

from __future__ import annotations

import re
from collections import ChainMap, Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import cache

from ..nlp.gazetteer import capitals, demonyms, entities_by_key, entities_by_name, entity_key, load_gazetteer, slug
from ..records import ArticleFacts, Entity, EntityType, Event, Mention
from ..resources import read_json
from ..nlp.acronyms import defined_acronyms, initials, is_acronym
from .events import Geography, claims_of_blame, implied_parties, merge_reports
from .geocode import Location, Point, geocode, is_site, state_locations, states_beyond_gazetteer

_TYPES: dict[str, EntityType] = {
    "PERSON": "Person", "ORG": "Organisation", "GPE": "Place", "LOC": "Place", "FAC": "Place", "NORP": "Population",
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


# A name of two or three capitalised words ("Tashfeen Malik", "Haider al-Abadi").
_PERSON_NAME = re.compile(r"^[A-Z][a-z'’-]+(?: (?:(?:al|el|bin|ibn|de|van|von)[- ])?[A-Z][a-z'’-]+){1,2}$")
# The article of an Arabic surname: "al-Maliki" is "Maliki" alone.
_NAME_ARTICLE = re.compile(r"^(?:[Aa]l|[Ee]l|[Aa]d|[Aa]s|[Aa]sh|[Aa]n|[Aa]r|[Aa]t|[Aa]z)-(?=[A-Z])")


def _surname(name: str) -> str:
    return name.split()[-1]


def _bare_surname(word: str) -> str:
    return _NAME_ARTICLE.sub("", word)


def _same_person(name: str, full_names: dict[str, str]) -> str | None:
    """The full name ``name`` shortens or respells: "Syed Farook" of "Syed Rizwan Farook",
    "Nouri Al-Maliki" of "Nouri al-Maliki", a one-letter slip of a surname or given name."""
    words = name.lower().split()
    for other, key in full_names.items():
        known = other.lower().split()
        if known == words:
            return key
        if len(words) == 2 and len(known) > 2 and (words[0], words[-1]) == (known[0], known[-1]):
            return key
        differing = [(a, b) for a, b in zip(words, known) if a != b] if len(words) == len(known) else []
        if len(differing) == 1 and min(map(len, differing[0])) >= 4 and _one_edit(*differing[0]):
            return key  # "Alicia Keyes" of "Alicia Keys", "Abu Bakar al-Baghdadi" of "Abu Bakr al-Baghdadi"
    return None


def _one_edit(a: str, b: str) -> bool:
    """Whether one letter inserted, dropped or changed turns ``a`` into ``b``."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return a[i + (len(a) == len(b)):] == b[i + 1:]
    return True


def _organisation(name: str) -> Entity:
    """The organisation of a full name: the gazetteer's entry, else a node of its own."""
    return entities_by_name().get(name.lower()) or Entity(entity_key("Organisation", name), name, "Organisation")


_LED = re.compile(r"^(?P<leader>.+?)\s*-\s*led (?P<body>\w+)$", re.IGNORECASE)
# The forces and the alliance a state leads are the coalition it leads.
_COALITION_WORDS = frozenset({"coalition", "alliance", "forces", "force"})


def _led_body(name: str) -> Entity | None:
    """ "the Saudi-led coalition", "U.S.-led coalition": one node for the body a state leads,
    named with the state's demonym and belonging to it, however the article spells the state."""
    found = _LED.match(name)
    if found is None:
        return None
    leader = found["leader"].lower()
    gazetteer = load_gazetteer().entities
    state = entities_by_name().get(leader) or next(
        (gazetteer.get(key) for key, demonym in demonyms().items() if demonym.lower() == leader), None)
    if state is None or state.type != "State":
        return None
    body = found["body"].lower()
    label = f"{demonyms().get(state.key.removeprefix('actor/'), state.label)}-led {'coalition' if body in _COALITION_WORDS else body}"
    return Entity(entity_key("Organisation", label), label, "Organisation", country=state.key)


_VOWELS = frozenset("aeiou")


def _misspelt_state(name: str, states: list[Entity]) -> Entity | None:
    """The state the article names that ``name`` misspells by one vowel ("Columbia's civil aviation
    agency" in an article on Colombia); never another state's own name."""
    if entities_by_name().get(name.lower()) is not None:
        return None
    for state in states:
        label = state.label
        differ = [(a, b) for a, b in zip(name.lower(), label.lower()) if a != b]
        if len(label) == len(name) and len(differ) == 1 and set(differ[0]) <= _VOWELS:
            return state
    return None


def _only_led_body(mention: Mention, led_bodies: dict[str, Entity]) -> Entity | None:
    """ "the coalition said" in an article that names one coalition a state leads: that one."""
    only = list(led_bodies.values())
    return only[0] if len(only) == 1 and mention.text.lower() == only[0].label.split()[-1] else None


@cache
def _venue_words() -> frozenset[str]:
    return frozenset(read_json("names.json")["venue_words"])


def _only_long_form(mention: Mention, facts: ArticleFacts) -> str | None:
    """The one longer organisation name the article begins with ``mention``'s word ("Amnesty
    International" for "Amnesty"; a headline that runs on after the name is the same one), or
    with its plural: "one Dama" is a member of the Damas de Blanco."""
    longer = sorted({m.text for m in facts.mentions if m.label == "ORG" and " " in m.text
                     and m.text.split()[0] in (mention.text, mention.text + "s")}, key=len)
    return longer[0] if longer and all(other.startswith(longer[0]) for other in longer) else None


def _name_within(name: str, full_names: dict[str, str]) -> str:
    """The key of the person whose full name ``name`` begins with, the model having run it on into
    a headline's words ("Kim Jong Nam Reflects Instability" -> Kim Jong Nam), else its own."""
    # a surname after given names is still the name ("Syed Rizwan" + "Farook"); two words more are not
    starts = [full for full in full_names if name.startswith(full + " ") and len(name[len(full):].split()) >= 2]
    return full_names[max(starts, key=len)] if starts else full_names[name]


@cache
def _kinship() -> re.Pattern[str]:
    words = "|".join(map(re.escape, read_json("names.json")["kinship"]))
    return re.compile(rf"\b(?:{words})\W{{0,3}}$|^\W{{0,3}}(?:his|her|their)\s+(?:{words})\b", re.IGNORECASE)


def _introduced_as_relative(text: str, mention: Mention) -> bool:
    """Whether the article names the person as someone's relative ("his wife, Norine Brunson")."""
    return bool(_kinship().search(text[max(0, mention.start - 20):mention.start])
                or _kinship().search(text[mention.end:mention.end + 20]))


def _last_named(keys: set[str], named_at: list[tuple[int, str]], relatives: set[str], start: int) -> str:
    """Of the people ``keys`` who share a surname, the one named in full last before ``start``
    ("Khan, director of ..." after "said Sadaf Khan"), a relative ("his wife, Norine Brunson")
    only when nobody else is. Once a surname alone stands for one of them it keeps doing so."""
    before = [key for at, key in named_at if at < start and key in keys]
    if before:
        return ([key for key in before if key not in relatives] or before)[-1]
    return next((key for _, key in named_at if key in keys), min(keys))  # named in full only later: the first


def _name_part_index(full_names: dict[str, str]) -> dict[str, set[str]]:
    """Each word of a full name -> the keys of full names containing it ("Kim" -> Kim Jong Un);
    an Arabic surname also without its article ("Maliki" -> Nouri al-Maliki)."""
    index: dict[str, set[str]] = {}
    for name, key in full_names.items():
        for part in name.split():
            for form in {part, _bare_surname(part)}:
                if len(form) >= 3:
                    index.setdefault(form, set()).add(key)
    return index


@cache
def _agent_codes() -> dict[str, str]:
    """Each agent noun -> its CAMEO agent code; a toll's "people" too, a party only where its
    setting made it civilians."""
    table = read_json("gazetteer", "agents.json")
    return {**table.get("tolls", {}), **table["agents"]}


@cache
def _agent_modifiers() -> frozenset[str]:
    """The words some agent nouns need before them ("suicide" bombers, "armed" men)."""
    return frozenset(word for words in read_json("gazetteer", "agents.json").get("needs_modifier", {}).values()
                     for word in words)


def _agent_code(text: str) -> str | None:
    agents = _agent_codes()
    return next((agents[w] for w in reversed(text.lower().split()) if w in agents), None)


def _qualified_agent(text: str) -> bool:
    """ "Syrian rebels", "Dallas police", "pro-Russian separatists": a capitalised word before the
    agent noun names its country or town, or whom it supports."""
    first = text.split()[0].removeprefix("pro-")
    return first[:1].isupper() and first.lower() not in read_json("gazetteer", "agents.json")["agents"] \
        and first.lower() not in _agent_modifiers()


def _agent_entities(facts: ArticleFacts) -> dict[tuple[int, int], Entity]:
    """The node of each unnamed party ("gunmen", "Egyptian police") in the article, by mention span.

    A party its country or town qualifies ("Egyptian police", "Dallas police") is one node
    wherever it is named, belonging to the state a demonym names. A bare noun ("the rebels") is
    the one named group the article gave with it ("M23 rebels"); else ("the police", "rebel
    fighters") it joins the party of its CAMEO agent code the article qualifies, when it
    qualifies only one. Else the bare nouns of one code are one node: a non-state party
    (rebels, gunmen, police) belongs to the state the article names most ("Syrian rebels"
    in an article about Syria), and its "government forces" or "security forces" are that
    state; troops, civilians and the rest are a node of the article alone, since the troops
    of two reports are not known to be the same. Civilians of every trade ("farmers",
    "pupils", "passengers") are one party, labelled civilians.
    """
    table = read_json("gazetteer", "agents.json")
    gazetteer = load_gazetteer().entities
    agents = [m for m in facts.mentions if m.kind == "agent"]
    states = Counter(m.gazetteer_id for m in facts.mentions
                     if m.kind != "agent" and m.gazetteer_id in gazetteer and gazetteer[m.gazetteer_id].type == "State")
    # "Egypt's president spoke ... security forces killed": an office names its holder's state too
    states.update(holder.country.removeprefix("actor/") for m in facts.mentions if m.kind == "role"
                  and (holder := gazetteer.get(m.gazetteer_id or "")) is not None and holder.country)
    main_state = states.most_common(1)[0][0] if states else None

    def node(key: str, label: str, code: str | None, country: str | None) -> Entity:
        return Entity(key, label, table["types"].get(code, "Organisation"), country=country, cameo=code)

    qualified: dict[str | None, list[Entity]] = {}
    found: dict[tuple[int, int], Entity] = {}
    def noun_of(text: str, code: str | None) -> str:
        # civilians of every trade are one party: "farmers", "pupils" -> civilians
        return table.get("labels", {}).get(code) or text.lower()

    for mention in agents:
        if _qualified_agent(mention.text):
            first, *rest = mention.text.split()
            label = f"{first} {noun_of(' '.join(rest), _agent_code(mention.text))}"
            state = gazetteer.get(mention.gazetteer_id or "")
            entity = node(f"actor/{slug(label)}", label, _agent_code(mention.text), state.key if state else None)
            found[(mention.start, mention.end)] = entity
            if entity.key not in {e.key for e in qualified.get(entity.cameo, [])}:
                qualified.setdefault(entity.cameo, []).append(entity)
    # "M23 rebels entered Goma ... backing the rebels": a bare noun the article gave a named group with is that group
    described: dict[str, dict[str, Entity]] = {}
    for mention in facts.mentions:
        named = gazetteer.get(mention.gazetteer_id or "")
        if mention.kind == "agent" or named is None or named.type not in ("ArmedGroup", "Organisation"):
            continue
        # the noun may close the name ("M23 rebels") or follow it ("Hamas fighters")
        closing = mention.text.split()[-1:] if " " in mention.text else []
        following = facts.article.text[mention.end:mention.end + 40].split()[:1]
        for word in (w.lower() for w in closing + following if w.lower() in table["agents"]):
            described.setdefault(word, {})[named.key] = named
    bare: dict[str | None, Entity] = {}
    state_forces = frozenset(table.get("state_forces", ()))
    for mention in agents:
        if (mention.start, mention.end) in found:
            continue
        groups = described.get(mention.text.split()[-1].lower(), {})
        if len(groups) == 1:
            (found[(mention.start, mention.end)],) = groups.values()
            continue
        if main_state is not None and mention.text.split()[0].lower() in state_forces:
            found[(mention.start, mention.end)] = gazetteer[main_state]  # "government forces" of an article on Syria
            continue
        code = _agent_code(mention.text)
        only = qualified.get(code, [])
        if len(only) == 1:
            found[(mention.start, mention.end)] = only[0]
            continue
        noun = noun_of(mention.text, code)
        # the dead of an attack belong where it struck, not to the state the article names most
        if code in table["stateless"] and code not in table.get("victims", ()) and main_state in demonyms():
            # the rebels or police of an article about Syria, naming no other: Syria's
            label = f"{demonyms()[main_state]} {noun}"
            entity = node(f"actor/{slug(label)}", label, code, gazetteer[main_state].key)
        else:
            entity = node(f"actor/{slug(noun)}-{facts.article.id[:8]}", noun, code, None)
        found[(mention.start, mention.end)] = bare.setdefault(code, entity)
    return found


def resolve_article(facts: ArticleFacts) -> ArticleFacts:
    """``facts`` with each mention's ``entity`` key set, unlinkable ones dropped, and the entities they name."""
    gazetteer = load_gazetteer().entities
    people = [person_name(m.text) for m in facts.mentions]
    full_names: dict[str, str] = {}
    # The model tags some people's full names as organisations ("Tashfeen Malik ... Malik said"):
    # a name of two or three words whose last the article uses alone is a person's.
    alone = {m.text for m in facts.mentions if " " not in m.text}
    person_like = {name for mention, name in zip(facts.mentions, people)
                   if mention.label == "ORG" and mention.gazetteer_id is None and _PERSON_NAME.match(name)
                   and _surname(name) in alone | {_bare_surname(w) for w in alone}}
    for mention, name in zip(facts.mentions, people):
        if mention.label != "PERSON" and name not in person_like or mention.kind == "journalist":
            continue
        if mention.gazetteer_id is not None:
            known = gazetteer[mention.gazetteer_id]
            full_names.update({n: mention.gazetteer_id for n in (known.label, *known.aliases) if " " in n})
        elif len(name.split()) > 1:
            full_names[name] = _same_person(name, full_names) or name
    # "Kim Jong Nam Reflects Instability": a name the model ran on into a headline's words is the name
    for name in list(full_names):
        full_names[name] = _name_within(name, full_names)
    by_part = _name_part_index(full_names)
    relatives = {full_names[name] for mention, name in zip(facts.mentions, people)
                 if name in full_names and _introduced_as_relative(facts.article.text, mention)}
    named_at = [(mention.start, full_names[name]) for mention, name in zip(facts.mentions, people) if name in full_names]
    surname_of: dict[str, str] = {}  # a surname alone -> the person the article already used it for
    journalists = {name for m, name in zip(facts.mentions, people) if m.kind == "journalist"}
    journalist_surnames = {name.split()[-1] for name in journalists}

    long_forms = _long_forms(facts)
    # The model tags small places it does not know as people ("the town of Makhnovka");
    # being where an event happened settles it.
    event_places = {(place.start, place.end) for event in facts.events for place in event.places}

    agents = _agent_entities(facts)
    led = {(m.start, m.end): e for m in facts.mentions if m.label == "ORG" and (e := _led_body(m.text)) is not None}
    led_bodies = {e.key: e for e in led.values()}
    states_named = [gazetteer[m.gazetteer_id] for m in facts.mentions
                    if m.gazetteer_id in gazetteer and gazetteer[m.gazetteer_id].type == "State"]
    entities: dict[str, Entity] = {}
    resolved: list[Mention] = []
    for mention, name in zip(facts.mentions, people):
        if mention.kind == "journalist" or name in journalist_surnames or name in journalists:
            continue
        if mention.kind == "agent":
            entity = agents[(mention.start, mention.end)]
        elif mention.label == "ORG" and (body := led.get((mention.start, mention.end))
                                         or _only_led_body(mention, led_bodies)):
            entity = body
        elif (long_form := long_forms.get((mention.start, mention.end))) is not None:
            entity = _organisation(long_form)
        elif mention.gazetteer_id is not None:
            entity = gazetteer[mention.gazetteer_id]
        elif (known := entities_by_name().get(mention.text.lower())) is not None and mention.text.isupper():
            entity = known  # "UKRAINE" in a headline set in capitals
        elif mention.label in ("GPE", "ORG") and " " not in mention.text \
                and (misspelt := _misspelt_state(mention.text, states_named)) is not None:
            entity = misspelt
        elif " " not in name and len(by_part.get(name, ())) > 1 and mention.label in ("PERSON", "ORG", "GPE"):
            if (mention.start, mention.end) in event_places:
                continue  # a surname the model took for where something happened is nowhere
            target = surname_of.setdefault(name, _last_named(by_part[name], named_at, relatives, mention.start))
            entity = gazetteer.get(target) or Entity(entity_key("Person", target), target, "Person")
        elif (mention.start, mention.end) in event_places or is_site(mention.text):
            entity = Entity(entity_key("Place", mention.text), mention.text, "Place")
        elif mention.label == "PERSON" and " " not in name and not by_part.get(name) \
                and (long_form := _only_long_form(mention, facts)) is not None:
            entity = _organisation(long_form)  # "Damas" after "Damas de Blanco", which the model took for a name
        elif len(words := name.split()) == 2 and words[1].lower() in _venue_words() \
                and (long_form := _only_long_form(replace(mention, text=words[0]), facts)) is not None:
            entity = _organisation(long_form)  # "Sheroes Cafe" after "Sheroes Hangout": the place, named by its kind
        elif mention.label == "PERSON" or name in person_like:
            candidates = by_part.get(name, set()) if len(name.split()) == 1 else {full_names.get(name, name)}
            target = next(iter(candidates)) if len(candidates) == 1 else name
            entity = gazetteer.get(target) or Entity(entity_key("Person", target), target, "Person")
        elif len(by_part.get(name, ())) == 1 and " " not in name:
            # The small model often tags a surname alone as ORG or GPE ("Kiper said").
            target = next(iter(by_part[name]))
            entity = gazetteer.get(target) or Entity(entity_key("Person", target), target, "Person")
        elif mention.label == "ORG" and " " not in mention.text and (long_form := _only_long_form(mention, facts)):
            # "Amnesty" after "Amnesty International": the one organisation the article names so
            entity = _organisation(long_form)
        elif mention.label in _TYPES:
            kind = _TYPES[mention.label]
            entity = Entity(entity_key(kind, mention.text), mention.text, kind)
        else:
            continue
        if (mention.start, mention.end) in event_places and entity.type in ("Person", "Organisation", "ArmedGroup"):
            # "on the sidelines of the U.N. General Assembly", "at the White House": the gathering or
            # the body's seat, as a site where it met, which no town of that name stands for
            entity = Entity(entity_key("Place", entity.label), entity.label, "Place", feature="S")
        entities.setdefault(entity.key, entity)
        resolved.append(replace(mention, entity=entity.key))

    entities, renamed = _geocoded(entities, resolved)
    resolved = [replace(m, entity=renamed.get(m.entity, m.entity)) for m in resolved]
    entities, renamed = _victims_of_one_state(entities, resolved, facts.events)
    resolved = [replace(m, entity=renamed.get(m.entity, m.entity)) for m in resolved]
    surfaces: dict[str, list[str]] = {}
    for mention in resolved:
        # a bare "police" is no name for the node: each article's police would share it
        if mention.kind in ("name", "metonym") or mention.kind == "agent" and _qualified_agent(mention.text):
            surfaces.setdefault(mention.entity, []).append(mention.text)
    known = ChainMap(entities, _known_everywhere())
    geography = Geography(
        country_of=ChainMap({key: entity.country for key, entity in entities.items() if entity.country},
                            _countries_everywhere()),
        points={key: (entity.lat, entity.lon) for key, entity in entities.items()
                if entity.type == "Place" and entity.feature in ("P", "S") and entity.lat is not None},
        states=_states_everywhere())
    by_span = {(m.start, m.end): m for m in resolved}
    events = merge_reports(tuple(
        implied_parties(_resolve_event(event, by_span), known, capitals()) for event in facts.events), geography)
    events = claims_of_blame(tuple(_located(event, known) for event in events))
    parties = {m.entity for event in events for m in (*event.actors, *event.targets) if m.entity is not None}
    # A state an event implies ("Moscow" acting for Russia) or a place lies in is a node even
    # where the article never names it.
    for key in parties | {entity.country for entity in entities.values() if entity.country}:
        if key not in entities and key in known:
            entities[key] = known[key]
    for key in parties & entities.keys():
        if entities[key].type == "Place":
            entities[key] = replace(entities[key], acts=True)
    linked = tuple(
        _with_state_location(replace(entity, aliases=tuple(dict.fromkeys(surfaces.get(key, [])))))
        for key, entity in entities.items()
    )
    return replace(facts, mentions=tuple(resolved), entities=linked, events=events)


def _victims_of_one_state(entities: dict[str, Entity], mentions: list[Mention],
                          events: Iterable[Event]) -> tuple[dict[str, Entity], dict[str, str]]:
    """Civilians the article does not qualify ("killing five civilians") belong to the state
    where the attacks on them happened, when that is one state: one node ("Ukrainian
    civilians") with those named so, across articles. Else they stay the article's own."""
    entity_at = {(m.start, m.end): m.entity for m in mentions}
    states: dict[str, set[str | None]] = {}
    for event in events:
        for target in event.targets:
            key = entity_at.get((target.start, target.end))
            if key in entities and entities[key].type == "Population" and entities[key].country is None:
                places = [entities.get(entity_at.get((p.start, p.end)) or "") for p in event.places]
                states.setdefault(key, set()).update(
                    (place.key if place.type == "State" else place.country) if place else None for place in places)
    by_id = demonyms()
    renamed: dict[str, str] = {}
    for key, found in states.items():
        (state, *others) = found or {None}
        demonym = by_id.get((state or "").removeprefix("actor/"))
        if others or demonym is None:
            continue
        label = f"{demonym} {entities[key].label}"
        entity = replace(entities.pop(key), key=f"actor/{slug(label)}", label=label, country=state)
        entities.setdefault(entity.key, entity)
        renamed[key] = entity.key
    return entities, renamed


def _geocoded(entities: dict[str, Entity], mentions: list[Mention]) -> tuple[dict[str, Entity], dict[str, str]]:
    """``entities`` with coordinates and a state for places the gazetteer does not place, and their new keys.

    The states named in a place's sentences ("the northern town of Munster" beside
    Germany), then those the article names (and those its known places lie in), then
    nearness to its other places settle a name several places share. A place found in
    GeoNames or among regions takes a key made from that record, so that two towns of one
    name stay two nodes and two spellings of one town meet ("Kharkiv Oblast", "Kharkiv
    region").
    """
    def countries_of(keys: Iterable[str]) -> frozenset[str]:
        named = [entities[key] for key in keys if key in entities]
        return frozenset({e.key for e in named if e.type == "State"} | {e.country for e in named if e.country})

    in_article = countries_of(entities)
    named_in: dict[int, set[str]] = {}
    sentences_of: dict[str, set[int]] = {}
    for mention in mentions:
        named_in.setdefault(mention.sentence, set()).add(mention.entity)
        sentences_of.setdefault(mention.entity, set()).add(mention.sentence)

    def locate(key: str, near: list[Point], countries: frozenset[str]) -> Location | None:
        beside = countries_of(k for n in sentences_of.get(key, ()) for k in named_in[n]) - {key}
        location = geocode(entities[key].label, beside, near) if beside else None
        if location is None or location.country not in beside:
            location = geocode(entities[key].label, countries, near)
        return location

    unplaced = [key for key, entity in entities.items()
                if entity.type == "Place" and entity.lat is None and entity.feature != "S"]
    near = [(e.lat, e.lon) for e in entities.values() if e.type == "Place" and e.lat is not None]
    found = {key: locate(key, near, in_article) for key in unplaced}
    # Places found by name alone then settle, by nearness and by the states they lie in, the
    # towns several places are called ("Lysychansk (Luhanska)": Luhansk is in Ukraine).
    if placed_by_name := [location for location in found.values() if location is not None]:
        near += [(location.lat, location.lon) for location in placed_by_name]
        countries = in_article | {location.country for location in placed_by_name if location.country}
        found |= {key: locate(key, near, countries) for key, location in found.items() if location is None}
    placed: dict[str, Entity] = {}
    renamed: dict[str, str] = {}
    for key, entity in entities.items():
        if (location := found.get(key)) is not None:
            entity = replace(entity, lat=location.lat, lon=location.lon, country=entity.country or location.country,
                             feature=location.feature, geonames=location.geonames_id)
            if location.ident:
                entity = replace(entity, key=entity_key("Place", f"{location.name} {location.ident.split(':')[1]}"))
                renamed[key] = entity.key
        elif entity.type == "Place" and entity.feature is None and is_site(entity.label):
            entity = replace(entity, feature="S")
        placed.setdefault(entity.key, entity)
    return placed, renamed


def _with_state_location(entity: Entity) -> Entity:
    """A state with the representative point of its territory, for maps."""
    if entity.type != "State" or entity.lat is not None or (location := state_locations().get(entity.key)) is None:
        return entity
    return replace(entity, lat=location.lat, lon=location.lon)


def _long_forms(facts: ArticleFacts) -> dict[tuple[int, int], str]:
    """(start, end) of each organisation mention -> the long form it stands for in this article.

    "NIS" after "National Intelligence Service (NIS)", "ISW" beside "the Institute for the
    Study of War", and "Defence Intelligence Service" inside "Danish Defence Intelligence
    Service (DDIS)" all become the long form; so does an acronym the gazetteer knows, where
    the article spells it out as another body.
    """
    defined = defined_acronyms(facts.article.text)
    spelled: dict[str, set[str]] = {}
    for mention in facts.mentions:
        if mention.label == "ORG" and not is_acronym(mention.text) and len(mention.text.split()) > 1:
            spelled.setdefault(initials(mention.text), set()).add(mention.text)
    found = {}
    gazetteer = load_gazetteer().entities
    for mention in facts.mentions:
        if mention.gazetteer_id is not None and mention.text in defined:
            # "the International Commission of Jurists (ICJ)" is not the gazetteer's ICJ
            known = gazetteer[mention.gazetteer_id]
            if defined[mention.text].text.lower() not in {n.lower() for n in (known.label, *known.aliases)}:
                found[(mention.start, mention.end)] = defined[mention.text].text
            continue
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


def _located(event: Event, known: Mapping[str, Entity]) -> Event:
    """``event`` with its geo-precision, in the spirit of ACLED's: 1 at a town or site, 2 near
    one, 3 at a region or state. A place the geocoder does not know (a village) keeps its
    name, and the event is put at the nearest place the sentence gives around it ("in the
    Donetsk region") as well, with precision 2."""
    place = known.get(event.places[0].entity or "") if event.places else None
    if place is None:
        return event
    if place.type == "State":
        return replace(event, geo_precision=3)
    if place.lat is None:
        around = [m for m in event.places_around if (k := known.get(m.entity or "")) is not None and k.lat is not None]
        if not around:
            return event
        return replace(event, places=event.places + (around[0],), geo_precision=2)
    if place.feature in ("P", "S") and event.place_scope != "region":
        return replace(event, geo_precision=2 if event.place_scope == "near" else 1)
    return replace(event, geo_precision=3)


@cache
def _known_everywhere() -> dict[str, Entity]:
    """Every entity an article may name without defining it: the gazetteer's and every state's."""
    return states_beyond_gazetteer() | entities_by_key()


@cache
def _countries_everywhere() -> dict[str, str]:
    return {key: entity.country for key, entity in _known_everywhere().items() if entity.country}


@cache
def _states_everywhere() -> frozenset[str]:
    return frozenset(key for key, entity in _known_everywhere().items() if entity.type == "State")


def _resolve_event(event: Event, resolved: dict[tuple[int, int], Mention]) -> Event:
    """``event`` with its arguments and claimants replaced by their resolved mentions, one per entity."""

    def linked(mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
        by_entity: dict[str, Mention] = {}
        for mention in mentions:
            found = resolved.get((mention.start, mention.end))
            if found is not None and found.entity is not None:
                by_entity.setdefault(found.entity, found)
        return tuple(by_entity.values())

    def speaker(claimant: Mention) -> Mention | None:
        found = resolved.get((claimant.start, claimant.end))
        if found is None or not (found.entity or "").startswith("place/"):
            return found
        # "Kyiv said" is the state speaking; a town says nothing (a dateline the parse took in)
        state = capitals().get(found.entity or "")
        return replace(found, entity=state, kind="metonym") if state else None

    claims = tuple(replace(claim, claimant=speaker(claim.claimant)) if claim.claimant else claim
                   for claim in event.claims)
    return replace(event, actors=linked(event.actors), targets=linked(event.targets), places=linked(event.places),
                   places_around=linked(event.places_around), claims=claims)

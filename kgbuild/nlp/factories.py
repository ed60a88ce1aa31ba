"""Every kgbuild spaCy registration, in one place (as spaCy's ``pipeline/factories.py``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry

from ..resources import read_json, read_jsonl
from .components import Agents, Dates, Journalists, LineBreaks, OrganisationNames, PersonNames, RoleTitles, TownNames
from .arguments import EventArguments
from .attribution import Attribution
from .coding import EventCoding
from .events import EventTriggers
from .gazetteer import GazetteerRuler, load_gazetteer, ruler_patterns
from .quantities import Quantities

Doc.set_extension("published", default=None, force=True)
Span.set_extension("date_value", default=None, force=True)
Span.set_extension("date_granularity", default=None, force=True)
# Quantity spans: (minimum, maximum) with None for an open bound, and what is counted.
for _name in ("quantity", "approximate", "currency", "unit"):
    Span.set_extension(_name, default=None, force=True)
# Event trigger spans: the matched pattern, the arguments (spans) and the claim.
for _name in ("pattern", "cameo", "confidence", "actors", "targets", "places", "date", "claimant", "reporting_verb", "modality",
              "places_around"):
    Span.set_extension(_name, default=None, force=True)
# How the text puts the event at its place: "at" it, "near" it, or in the "region" it names.
Span.set_extension("place_scope", default="at", force=True)
# What an appeal asks for, as one word: "calling for the minister's resignation" -> "resignation".
Span.set_extension("demand", default=None, force=True)
# Whether another event of the sentence answers or follows the event ("in retaliation for the attacks",
# "after an attack"): an earlier one.
Span.set_extension("earlier", default=False, force=True)
# Of an accusation or denial, the label of the event its clause speaks of ("blamed X for the attack": strike).
Span.set_extension("about", default=None, force=True)
# Whether the event's date is the day its report was made ("police said on Monday"), not its own.
Span.set_extension("date_reported", default=False, force=True)
# The event's PLOVER category ("ASSAULT") and mode ("aerial"), from ontology/events/categories.json.
Span.set_extension("category", default=None, force=True)
Span.set_extension("mode", default=None, force=True)


@Language.factory("kgbuild_line_breaks")
def make_line_breaks(nlp: Language, name: str) -> LineBreaks:
    return LineBreaks()


@Language.factory("kgbuild_gazetteer")
def make_gazetteer(nlp: Language, name: str) -> GazetteerRuler:
    return GazetteerRuler()


@Language.factory("kgbuild_town_names")
def make_town_names(nlp: Language, name: str) -> TownNames:
    return TownNames()


@Language.factory("kgbuild_organisation_names")
def make_organisation_names(nlp: Language, name: str) -> OrganisationNames:
    return OrganisationNames()


@Language.factory("kgbuild_role_titles")
def make_role_titles(nlp: Language, name: str) -> RoleTitles:
    return RoleTitles(nlp)


@Language.factory("kgbuild_person_names")
def make_person_names(nlp: Language, name: str) -> PersonNames:
    return PersonNames()


@Language.factory("kgbuild_journalists")
def make_journalists(nlp: Language, name: str) -> Journalists:
    return Journalists(nlp)


@Language.factory("kgbuild_agents")
def make_agents(nlp: Language, name: str) -> Agents:
    return Agents()


@Language.factory("kgbuild_dates")
def make_dates(nlp: Language, name: str) -> Dates:
    return Dates()


@Language.factory("kgbuild_quantities")
def make_quantities(nlp: Language, name: str) -> Quantities:
    return Quantities()


@Language.factory("kgbuild_event_triggers")
def make_event_triggers(nlp: Language, name: str) -> EventTriggers:
    return EventTriggers()


@Language.factory("kgbuild_event_arguments")
def make_event_arguments(nlp: Language, name: str) -> EventArguments:
    return EventArguments()


@Language.factory("kgbuild_attribution")
def make_attribution(nlp: Language, name: str) -> Attribution:
    return Attribution()


@Language.factory("kgbuild_event_coding")
def make_event_coding(nlp: Language, name: str) -> EventCoding:
    return EventCoding()


@registry.misc("kgbuild.read_json.v1")
def read_ontology_json(path: str) -> dict[str, Any]:
    """A JSON file under ``ontology/``."""
    return read_json(*path.split("/"))


@registry.misc("kgbuild.lexicons.v1")
def read_lexicons() -> dict[str, Any]:
    """The word lists of ``events/lexicons.json`` with those derived from CAMEO and WordNet
    (``events/lexicons.derived.json``, written by ``tools/derive_lexicons.py``)."""
    return {**read_json("events", "lexicons.derived.json"), **read_json("events", "lexicons.json")}


@registry.misc("kgbuild.person_names.v1")
def person_names() -> dict[str, list[str]]:
    """Gazetteer id of each person -> the names they go by, whose last words are their surnames."""
    return {key: [entity.label, *entity.aliases] for key, entity in load_gazetteer().entities.items()
            if entity.type == "Person"}


@registry.misc("kgbuild.state_ids.v1")
def state_ids() -> list[str]:
    """Gazetteer ids of sovereign states, which are parties rather than places where things happen."""
    return sorted(key for key, entity in load_gazetteer().entities.items() if entity.type == "State")


@registry.misc("kgbuild.derived_state_ids.v1")
def derived_state_ids() -> list[str]:
    """Gazetteer ids of the states ``states.derived.json`` adds to the hand-made ones."""
    return [row["id"] for row in read_json("gazetteer", "states.derived.json")["states"]]


@registry.misc("kgbuild.read_jsonl.v1")
def read_ontology_jsonl(path: str) -> list[dict[str, Any]]:
    """A JSON Lines file under ``ontology/`` as a list (srsly's reader returns a generator that configs reject)."""
    return read_jsonl(*path.split("/"))


@registry.misc("kgbuild.town_names.v1")
def town_names() -> Callable[[str], bool]:
    """Whether the geocoder knows a town of a name."""
    from ..resolve.geocode import is_town_name  # the geocoder reads the gazetteer: import it late

    return is_town_name


@registry.misc("kgbuild.city_names.v1")
def city_names() -> Callable[[str], bool]:
    """Whether the geocoder knows a city so large that its name alone is a place."""
    from ..resolve.geocode import is_city_name

    return is_city_name


@registry.misc("kgbuild.region_names.v1")
def region_names() -> Callable[[str], bool]:
    """Whether the geocoder knows a first-level region of a name."""
    from ..resolve.geocode import is_region_name

    return is_region_name


@registry.misc("kgbuild.place_prepositions.v1")
def place_prepositions() -> list[str]:
    """The prepositions after which ``arguments.json`` reads a name as where an event happened."""
    return read_json("events", "arguments.json")["place_preps"]


@registry.misc("kgbuild.place_designators.v1")
def place_designators() -> list[str]:
    """Words that mark a region or district ("oblast", "raion"), from ``names.json``."""
    names = read_json("names.json")
    return names["region_designators"] + names["district_designators"]


@registry.misc("kgbuild.gazetteer_patterns.v1")
def gazetteer_patterns() -> Callable[[], list[dict[str, Any]]]:
    """What makes the phrase patterns for every name in ``ontology/gazetteer/``: a function, read
    only when the disk cache lacks their words, and which the config resolver need not walk."""
    return ruler_patterns

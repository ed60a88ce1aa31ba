"""The ontology's gazetteer: known actors and places, and entity-ruler patterns made from it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..records import Entity
from ..resources import ontology_file, read_jsonl

# spaCy labels the ruler gives each gazetteer type, so that NER and gazetteer agree.
SPACY_LABELS = {"Person": "PERSON", "Organisation": "ORG", "ArmedGroup": "ORG", "State": "GPE", "Place": "GPE"}
# GeoNames feature class of a gazetteer entry that states none: a state is "A", a place a town.
_FEATURE_CLASSES = {"State": "A", "Place": "P"}
_APOSTROPHES = str.maketrans({"’": "'", "'": "’"})


@dataclass(frozen=True)
class Gazetteer:
    """Entries by id, and which id each surface form names."""

    entities: dict[str, Entity]


def slug(name: str) -> str:
    """ASCII, lower-case, hyphenated form of a name, used in keys and IRIs."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def entity_key(entity_type: str, name: str) -> str:
    """The graph-wide key of an actor or place: ``actor/<slug>`` or ``place/<slug>``."""
    return f"{'place' if entity_type == 'Place' else 'actor'}/{slug(name)}"


def _rows() -> list[dict[str, Any]]:
    folder = ontology_file("gazetteer")
    return [row for f in sorted(folder.iterdir(), key=lambda f: f.name) if f.name.endswith(".jsonl")
            for row in read_jsonl("gazetteer", f.name)]


@cache
def load_gazetteer() -> Gazetteer:
    """All gazetteer entries from ``ontology/gazetteer/*.jsonl``, keyed by their ``id``."""
    entities = {}
    for row in _rows():
        names = [row["label"], *row.get("aliases", []), *row.get("metonyms", [])]
        country = row.get("country")
        entities[row["id"]] = Entity(
            key=entity_key(row["type"], row["id"]),
            label=row["label"],
            type=row["type"],
            aliases=tuple(dict.fromkeys(names)),
            wikidata=row.get("wikidata"),
            country=entity_key("State", country) if country else None,
            lat=row.get("lat"),
            lon=row.get("lon"),
            feature=row.get("feature_class") or _FEATURE_CLASSES.get(row["type"]),
        )
    return Gazetteer(entities)


@cache
def entities_by_key() -> dict[str, Entity]:
    """Every gazetteer entry under its graph key (``actor/russia``), as events refer to it."""
    return {entity.key: entity for entity in load_gazetteer().entities.values()}


@cache
def entities_by_name() -> dict[str, Entity]:
    """Every gazetteer label and alias, lower-cased, -> its entry."""
    return {name.lower(): entity for entity in load_gazetteer().entities.values() for name in (entity.label, *entity.aliases)}


@cache
def capitals() -> dict[str, str]:
    """Key of each capital city -> key of its state: "Moscow pounded Ukraine" is Russia acting."""
    return {entity_key(row["type"], row["id"]): entity_key("State", row["country"])
            for row in _rows() if row.get("feature") == "capital" and row.get("country")}


def _variants(name: str) -> set[str]:
    return {name, name.translate(_APOSTROPHES)}


def ruler_patterns() -> list[dict[str, Any]]:
    """Phrase patterns for spaCy's ``entity_ruler``: every name, demonym and metonym, with its id."""
    patterns = []
    for row in _rows():
        label = SPACY_LABELS[row["type"]]
        for name in [row["label"], *row.get("aliases", [])]:
            patterns += [{"label": label, "pattern": v, "id": row["id"]} for v in _variants(name)]
        for name in row.get("metonyms", []):
            patterns += [{"label": "ORG", "pattern": v, "id": row["id"]} for v in _variants(name)]
        for name in row.get("demonyms", []):
            patterns += [{"label": "NORP", "pattern": v, "id": row["id"]} for v in _variants(name)]
    return patterns


@cache
def demonyms() -> dict[str, str]:
    """Gazetteer id of each state -> its demonym ("syria" -> "Syrian")."""
    return {row["id"]: row["demonyms"][0] for row in _rows() if row.get("type") == "State" and row.get("demonyms")}


@cache
def mention_kinds() -> dict[tuple[str, str], str]:
    """(gazetteer id, surface form) -> "demonym" or "metonym" for forms that stand for a state."""
    kinds = {}
    for row in _rows():
        for kind in ("demonym", "metonym"):
            for name in row.get(f"{kind}s", []):
                for variant in _variants(name):
                    kinds[(row["id"], variant)] = kind
    return kinds

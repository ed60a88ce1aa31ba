"""The ontology's gazetteer: known actors and places, and the component that labels their names in a Doc."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..cache import disk_cached
from ..records import Entity
from ..resources import ontology_file, read_json, read_jsonl

# spaCy labels the ruler gives each gazetteer type, so that NER and gazetteer agree.
SPACY_LABELS = {"Person": "PERSON", "Organisation": "ORG", "ArmedGroup": "ORG", "State": "GPE", "Place": "GPE"}
# GeoNames feature class of a gazetteer entry that states none: a state is "A", a place a town.
_FEATURE_CLASSES = {"State": "A", "Place": "P"}
_APOSTROPHES = str.maketrans({"’": "'", "'": "’"})


@dataclass(frozen=True)
class Gazetteer:
    """Entries by id, and which id each surface form names."""

    entities: dict[str, Entity]


# Every ASCII character that is not a letter or digit becomes a space, but an apostrophe,
# which transliterates a soft sign inside a word ("Mar'inka"), goes.
_PUNCTUATION = str.maketrans({chr(c): "" if chr(c) == "'" else " " for c in range(128) if not chr(c).isalnum()})


def fold(name: str) -> str:
    """A name compared without case, accents or punctuation ("Ryazan’" -> "ryazan", "Mar'inka" -> "marinka")."""
    if not name.isascii():  # most names are: skip the costly decomposition for them
        name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return " ".join(name.lower().translate(_PUNCTUATION).split())


def slug(name: str) -> str:
    """ASCII, lower-case, hyphenated form of a name, used in keys and IRIs."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def entity_key(entity_type: str, name: str) -> str:
    """The graph-wide key of an actor or place: ``actor/<slug>`` or ``place/<slug>``."""
    return f"{'place' if entity_type == 'Place' else 'actor'}/{slug(name)}"


@cache
def _rows() -> tuple[dict[str, Any], ...]:
    """The hand-made entries of ``ontology/gazetteer/*.jsonl``, with the CAMEO code Phoenix gives
    them, then the derived states that none of them names, then the entries derived from Phoenix
    that none of those names. Read from the disk cache after the first run: merging them
    costs every process half a second."""
    def merge() -> tuple[dict[str, Any], ...]:
        folder = ontology_file("gazetteer")
        hand = [row for f in sorted(folder.iterdir(), key=lambda f: f.name) if f.name.endswith(".jsonl")
                for row in read_jsonl("gazetteer", f.name)]
        derived = read_json("gazetteer", "actors.derived.json")
        derived_states = list(_derived_states(hand))
        states = _state_codes(hand, derived) | {row["id"]: row["cameo"] for row in derived_states}
        return (tuple(_coded(hand, derived, states)) + tuple(derived_states)
                + tuple(_derived_rows([*hand, *derived_states], derived, states)))

    return disk_cached("gazetteer-rows", "", merge)


# Phoenix's actor types, as the gazetteer's: its national institutions are organisations.
_DERIVED_TYPES = {"people": "Person", "armed_groups": "ArmedGroup", "organisations": "Organisation",
                  "institutions": "Organisation"}
# Phoenix files offices among a state's institutions ("US Vice President"): kgbuild reads
# titles as roles of the person they precede, so those are no actors.
_OFFICE_WORDS = frozenset({"president", "vice-president", "minister", "secretary", "premier", "chancellor",
                           "king", "queen", "prince", "ambassador", "governor", "mayor", "chief", "head"})


def _names(row: dict[str, Any]) -> list[str]:
    return [row["label"], *row.get("aliases", [])]


def _code(section: str, entry: dict[str, Any]) -> str:
    """An entry's CAMEO actor code: a person's latest role ("IRNGOV"), else the entry's own."""
    return entry["roles"][-1]["code"] if section == "people" else entry["code"]


def _state_codes(hand: list[dict[str, Any]], derived: dict[str, Any]) -> dict[str, str]:
    """Gazetteer id of each hand-made state -> its ISO 3166 alpha-3 code (CAMEO's country
    code): the Phoenix country one of its names is among."""
    countries = {name.lower(): code for code, names in derived["countries"].items() for name in names}
    found = {row["id"]: next((countries[n.lower()] for n in _names(row) if n.lower() in countries), None)
             for row in hand if row["type"] == "State"}
    return {state: code for state, code in found.items() if code}


def _coded(hand: list[dict[str, Any]], derived: dict[str, Any], states: dict[str, str]) -> Iterator[dict[str, Any]]:
    """Hand-made rows with a ``cameo`` code where they state none: a state's ISO 3166 alpha-3
    code (CAMEO's country code), else the code of the Phoenix entry that shares its label or,
    failing that, an alias, and is filed under the row's own state."""
    codes: dict[tuple[bool, str], list[str]] = {}
    for section, entity_type in _DERIVED_TYPES.items():
        for entry in derived[section]:
            for name in _names(entry):
                codes.setdefault((entity_type == "Person", name.lower()), []).append(_code(section, entry))
    for row in hand:
        if "cameo" not in row:
            own_state = states.get(row.get("country") or "")
            found = states.get(row["id"]) if row["type"] == "State" else next(
                (code for name in _names(row) for code in codes.get((row["type"] == "Person", name.lower()), [])
                 if own_state is None or code[:3] == own_state or code[:3] not in derived["countries"]), None)
            row = {**row, "cameo": found} if found else row
        yield row


def _claimed(rows: list[dict[str, Any]]) -> tuple[set[str], set[str]]:
    """Every name (lower-cased, with metonyms and demonyms) and every id that ``rows`` hold."""
    names = {name.lower() for row in rows for name in (*_names(row), *row.get("metonyms", []), *row.get("demonyms", []))}
    return names, {row["id"] for row in rows}


def _derived_states(hand: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Rows for ``ontology/gazetteer/states.derived.json``: the sovereign states the hand-made
    ``states.jsonl`` lacks, with their CAMEO country code (derived by ``tools/derive_lexicons.py``
    from GeoNames, countries-states-cities, Phoenix and WordNet). A name or demonym that a
    hand-made entry holds stays that entry's; a state whose id or label one holds is left out."""
    taken, ids = _claimed(hand)
    for row in read_json("gazetteer", "states.derived.json")["states"]:
        if row["id"] in ids or row["label"].lower() in taken:
            continue
        yield {**row, "type": "State", "aliases": [n for n in row["aliases"] if n.lower() not in taken],
               "demonyms": [n for n in row["demonyms"] if n.lower() not in taken]}


def _derived_rows(hand: list[dict[str, Any]], derived: dict[str, Any],
                  state_codes: dict[str, str]) -> Iterator[dict[str, Any]]:
    """Rows for ``ontology/gazetteer/actors.derived.json`` (leaders, armed groups, international
    organisations and state institutions from PETRARCH2's Phoenix dictionaries), each with its
    CAMEO actor code and the state the code names. An entry that shares a name with one of
    ``hand`` (the hand-made entries and the derived states), or with an earlier entry, is left out."""
    taken, ids = _claimed(hand)
    states = {code: state for state, code in state_codes.items()}
    for section, entity_type in _DERIVED_TYPES.items():
        for entry in derived[section]:
            names = _names(entry)
            # an entry that shares a name with one before it is that one, or too ambiguous to add
            if any(n.lower() in taken for n in names) or slug(names[0]) in ids:
                continue
            if section == "institutions" and _OFFICE_WORDS & set(re.split(r"[\s-]+", names[0].lower())):
                continue
            code = _code(section, entry)
            ids.add(slug(names[0]))
            taken.update(n.lower() for n in names)
            yield {"id": slug(names[0]), "label": names[0], "type": entity_type, "aliases": names[1:],
                   "country": states.get(code[:3]), "cameo": code}


@cache
def load_gazetteer() -> Gazetteer:
    """All gazetteer entries (``ontology/gazetteer/``), keyed by their ``id``; read from the disk
    cache after the first run."""
    return disk_cached("gazetteer", "", _make_gazetteer)


def _make_gazetteer() -> Gazetteer:
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
            cameo=row.get("cameo"),
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
    """Phrase patterns in the form of spaCy's ``entity_ruler``: every name, demonym and metonym, with its id."""
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


# A phrase as the tokenizer splits it -> (spaCy label, gazetteer id).
Phrases = dict[tuple[str, ...], tuple[str, str]]


def tokenized_phrases(nlp: Language, patterns: Callable[[], list[dict[str, Any]]]) -> Phrases:
    """Each phrase pattern's words as ``nlp``'s tokenizer splits them. Kept on disk for this
    tokenizer (its rules, exceptions and affixes, as spaCy serializes them): tokenizing 24,000
    names, and making the vocabulary entries of their words, cost every process three seconds."""
    def tokenize() -> Phrases:
        made = patterns()
        return {tuple(token.text for token in doc): (pattern["label"], pattern["id"])
                for pattern, doc in zip(made, nlp.tokenizer.pipe(p["pattern"] for p in made))}

    tokenizer = hashlib.sha256(nlp.tokenizer.to_bytes(exclude=["vocab"])).hexdigest()
    return disk_cached("gazetteer-phrases", f"spacy {spacy.__version__}, tokenizer {tokenizer}", tokenize)


class GazetteerRuler:
    """Label every gazetteer name the text spells exactly, as spaCy's entity ruler does with
    phrase patterns on ORTH: longest match first, then leftmost, never over an entity already set.

    The ruler's PhraseMatcher needs a Doc per pattern, which is the start-up cost this
    component avoids: its phrases are tuples of words, read from the disk cache."""

    def __init__(self) -> None:
        self.phrases: Phrases = {}
        self.lengths: dict[str, tuple[int, ...]] = {}  # first word -> the lengths of its phrases

    def initialize(self, get_examples: Any, *, nlp: Language, patterns: Callable[[], list[dict[str, Any]]]) -> None:
        self.phrases = tokenized_phrases(nlp, patterns)
        lengths: dict[str, set[int]] = {}
        for words in self.phrases:
            lengths.setdefault(words[0], set()).add(len(words))
        self.lengths = {word: tuple(sorted(found, reverse=True)) for word, found in lengths.items()}

    def __call__(self, doc: Doc) -> Doc:
        words = [token.text for token in doc]
        matches = [(start, start + length, found) for start, word in enumerate(words) if word in self.lengths
                   for length in self.lengths[word] if start + length <= len(words)
                   if (found := self.phrases.get(tuple(words[start:start + length])))]
        if not matches:
            return doc
        matches.sort(key=lambda match: (match[0] - match[1], match[0]))
        entities = list(doc.ents)
        taken = bytearray(len(doc))
        for entity in entities:
            taken[entity.start:entity.end] = b"\x01" * len(entity)
        for start, end, (label, key) in matches:
            if not any(taken[start:end]):
                entities.append(Span(doc, start, end, label=label, span_id=key))
                taken[start:end] = b"\x01" * (end - start)
        doc.ents = entities
        return doc

"""Frozen records that flow between the stages.

``io`` produces :class:`Article`; ``extract`` turns a spaCy Doc into an
:class:`ArticleFacts` of sentences, mentions and dates; ``resolve`` links mentions
to :class:`Entity` records; ``graph`` turns the lot into triples. Nothing after
``extract`` sees spaCy objects, so records can cross process boundaries.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

EntityType = Literal["Person", "Organisation", "State", "ArmedGroup", "Place"]
Granularity = Literal["day", "week", "month", "year"]
MentionKind = Literal["name", "demonym", "metonym", "journalist"]

_SPACES = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Unicode-normalised text with runs of white space folded, for identity hashing."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def content_id(text: str) -> str:
    """Stable article identity: a hash of the normalised text, so copies are built once."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True)
class Article:
    """One news article as read from disk, with what the feed or file says about it."""

    source: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    published_inferred: bool = False
    language: str = "en"
    # Character ranges of page furniture (navigation, captions, link lists, sports
    # sections); they keep their offsets but are never read as news.
    noise: tuple[tuple[int, int], ...] = ()
    id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", content_id(self.text))


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article with its character offsets in ``Article.text``."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A named actor or place as written in a sentence.

    ``gazetteer_id`` is set when the ontology's gazetteer knows the name;
    ``kind`` separates plain names from demonyms ("Ukrainian"), metonyms
    ("the Kremlin") that stand for a state, and journalists named in bylines
    or credits, who are never actors. ``entity`` is the key of the
    :class:`Entity` that ``resolve`` links the mention to.
    """

    text: str
    label: str
    start: int
    end: int
    sentence: int
    gazetteer_id: str | None = None
    kind: MentionKind = "name"
    entity: str | None = None


@dataclass(frozen=True)
class TimeExpression:
    """A date expression normalised against the article date.

    ``value`` is ISO ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` at the stated
    ``granularity``; it is ``None`` when the expression is relative and the
    article has no date to resolve it against.
    """

    text: str
    start: int
    end: int
    sentence: int
    value: str | None
    granularity: Granularity | None


@dataclass(frozen=True)
class Entity:
    """A real-world actor or place: one per ``key`` across the whole graph."""

    key: str
    label: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    country: str | None = None  # key of the state it belongs to
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class ArticleFacts:
    """Everything extracted from one article; the unit written to the graph."""

    article: Article
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    dates: tuple[TimeExpression, ...]
    entities: tuple[Entity, ...] = ()

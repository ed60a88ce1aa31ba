"""Frozen records that flow between the stages.

``io`` produces :class:`Article`; ``extract`` turns a spaCy Doc into an
:class:`ArticleFacts` of sentences, mentions and dates; ``resolve`` links mentions
to :class:`Entity` records; ``graph`` turns the lot into triples. Nothing after
``extract`` sees spaCy objects, so records can cross process boundaries.
"""

from __future__ import annotations

import calendar
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property, lru_cache
from typing import Literal

EntityType = Literal["Person", "Organisation", "State", "ArmedGroup", "Population", "Place"]
Granularity = Literal["day", "week", "month", "year"]
Role = Literal["actor", "target", "place"]
PlaceScope = Literal["at", "near", "region"]
MentionKind = Literal["name", "demonym", "metonym", "role", "journalist", "agent"]
EventType = Literal["call", "appeal", "meeting", "strike", "interception", "troop_figure", "casualties", "aid",
                    "agree", "support", "concede", "cooperate", "retreat", "accuse", "reject", "threaten", "protest",
                    "sanction", "mobilize", "coerce", "assault"]
# How the source holds the event: stated as fact, hedged, planned, threatened, or denied.
Modality = Literal["asserted", "reported", "claimed", "planned", "threatened", "possible", "denied", "negated"]
# kgbuild's first eight types, the ones the gold sets annotate, then one type for each further PLOVER
# category (ontology/events/categories.json gives every type its category).
EVENT_TYPES: tuple[EventType, ...] = ("call", "appeal", "meeting", "strike", "interception", "troop_figure", "casualties", "aid")
PLOVER_TYPES: tuple[EventType, ...] = ("agree", "support", "concede", "cooperate", "retreat", "accuse", "reject", "threaten",
                                       "protest", "sanction", "mobilize", "coerce", "assault")
ALL_EVENT_TYPES: tuple[EventType, ...] = EVENT_TYPES + PLOVER_TYPES
MODALITIES: tuple[Modality, ...] = ("asserted", "reported", "claimed", "planned", "threatened", "possible", "denied", "negated")
# Events that are a stated figure: denying one states zero ("will not send troops").
FIGURE_EVENT_TYPES: frozenset[EventType] = frozenset({"troop_figure", "casualties"})
# Types reported by what they cost: "an explosion killed five" is an attack, naming no one.
COSTED_TYPES: frozenset[EventType] = frozenset({"strike"})
# A troop figure is a number of troops; "troops were deployed" without one is a mobilisation.
WITHOUT_FIGURE: dict[EventType, EventType] = {"troop_figure": "mobilize"}
# Things said (agreeing, praising, conceding, accusing, rejecting, threatening) are said by someone:
# "storms threatened the harvest" and "the minister praised the weather" name no party that speaks.
NEEDS_ACTOR: frozenset[EventType] = frozenset({"agree", "support", "concede", "accuse", "reject", "threaten"})
# Aid goes to someone or is counted: "the US can provide assistance" with neither records nothing.
NEEDS_RECIPIENT_OR_FIGURE: frozenset[EventType] = frozenset({"aid"})

_SPACES = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
# A photo caption: "FILE - ...", people placed in the picture ("X, left, and Y"), a picture
# that "shows", or the agency style that ends on the day the photo was taken
# ("..., in Cairo, Egypt, April 20, 2016.").
_CAPTION = re.compile(
    r"^\W*FILE(?: PHOTO)?\b\s*[-–—:)]"
    r"|,\s(?:left|right|center|centre|second (?:from )?(?:left|right)|top|bottom|foreground|background),"
    r"|\b(?:photo|photograph|picture|image|video)s? (?:shows?|taken)\b"
    r"|,\s(?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s\d{1,2},\s\d{4}\W*$")


def is_caption(text: str) -> bool:
    """Whether a sentence is a photo caption ("FILE - ...", "..., left, ...", "..., June 25, 2017.")."""
    return _CAPTION.search(text) is not None


def is_photo_date(sentence: str, end: int) -> bool:
    """Whether a date ending at character ``end`` of ``sentence`` closes a photo caption ("... following
    a mass shooting, Dec. 3, 2015."): the day the photo was taken, not that of what it shows."""
    return is_caption(sentence) and not sentence[end:].strip(" .\n\t")


def normalise_text(text: str) -> str:
    """Unicode-normalised text with runs of white space folded, for identity hashing."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def content_id(text: str) -> str:
    """Stable article identity: a hash of the normalised text, so copies are built once."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:20]


@lru_cache(maxsize=4096)  # merging an article's reports compares every pair's days
def active_days(value: str, granularity: str | None = None) -> tuple[str, str]:
    """The first and last day an ISO date stands for: "2025-02" is Feb 1-28; a week (its Monday) Sunday to
    Sunday, since "this week" may count from Sunday, as American news does, or from Monday."""
    if len(value) == 4:
        return f"{value}-01-01", f"{value}-12-31"
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:7])
        return f"{value}-01", f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    if granularity == "week":
        monday = date.fromisoformat(value)
        return (monday - timedelta(days=1)).isoformat(), (monday + timedelta(days=6)).isoformat()
    return value, value


def dates_overlap(a: str, b: str, granularity_a: str | None = None, granularity_b: str | None = None) -> bool:
    """Whether two ISO dates can name the same time: "2025-06" and "2025-06-02", the week of
    Monday 2025-06-02 and Thursday 2025-06-05."""
    if not (a and b):
        return False
    try:
        first_a, last_a = active_days(a, granularity_a)
        first_b, last_b = active_days(b, granularity_b)
    except ValueError:
        return False
    return first_a <= last_b and first_b <= last_a


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

    @property
    def noise_share(self) -> float:
        """The share of the text (white space aside) that is page furniture and not read."""
        blanked = sum(len(self.text[start:end].split()) for start, end in self.noise)
        return blanked / max(len(self.text.split()), 1)


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
    ("the Kremlin") that stand for a state, offices that stand for their holder
    ("the Kremlin spokesman"), journalists named in bylines or credits, who
    are never actors, and unnamed parties ("gunmen", "the police"). ``entity``
    is the key of the :class:`Entity` that ``resolve`` links the mention to.
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
    feature: str | None = None  # GeoNames feature class of a place: A region or state, P town, S site, H water, L area
    geonames: int | None = None
    # A place that acts as a party to an event ("Europe could not supply Ukraine") is also an actor.
    acts: bool = False
    # The CAMEO actor code (Phoenix's dictionaries): "UAF" unidentified armed group, "COP" police, ...
    cameo: str | None = None


@dataclass(frozen=True)
class Quantity:
    """A figure as an interval: ``minimum == maximum`` when exact, ``None`` for an open bound.

    "more than 40" is (40, None); "up to 20" is (None, 20); "10,000-12,000" is
    (10000, 12000). ``unit`` says what is counted ("troops", "drones", "euros").
    """

    minimum: float | None
    maximum: float | None
    unit: str | None
    text: str
    approximate: bool = False

    @property
    def exact(self) -> float | None:
        """The single figure, when the text states one."""
        return self.minimum if self.minimum == self.maximum else None


@dataclass(frozen=True)
class Provenance:
    """Where a claim is written: the article, its sentence and the sentence's character offsets."""

    article: str
    source: str
    sentence: int
    start: int
    end: int
    text: str

    # Cached: merging an article's reports asks these of every pair of its claims.
    @cached_property
    def headline(self) -> bool:
        """Whether the sentence is a heading, caption or teaser: a line that ends without a full stop."""
        return _SENTENCE_END.search(self.text) is None

    @cached_property
    def caption(self) -> bool:
        """Whether the sentence is a photo caption, which shows what the article reports."""
        return is_caption(self.text)


@dataclass(frozen=True)
class Claim:
    """What one source says about an event: its figure, its modality, and the sentence that says it.

    ``claimant`` is the mention of a named source; ``claimant_label`` names the
    source as written when it is a description ("US officials").
    """

    provenance: Provenance
    modality: Modality = "asserted"
    claimant: Mention | None = None
    claimant_label: str | None = None
    reporting_verb: str | None = None
    quantity: Quantity | None = None
    # Who, the claimant says, did it: the accused of an accusation, the speaker of a denial.
    actors: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Event:
    """One conflict event: who did what to whom, where and when, and every claim about it.

    ``date_inferred`` marks a date taken from the article's publication date
    because the sentence gives none, or from the day a source spoke of the event
    ("police said on Monday"), which bounds it but is not its own; ``inferred_roles``
    the actors, targets or places taken from the article's main event of the type (the
    headline's, else the first) because the sentence names none.
    """

    id: str
    type: EventType
    trigger: str
    actors: tuple[Mention, ...]
    targets: tuple[Mention, ...]
    places: tuple[Mention, ...]
    date: TimeExpression | None
    claims: tuple[Claim, ...]
    confidence: float
    date_inferred: bool = False
    # The CAMEO event code of the trigger (PETRARCH2's verb dictionary), for joining with GDELT or Phoenix data.
    cameo: str | None = None
    # The trigger is a definite noun ("the attack", "Sunday's bombing"): it refers to an event named before.
    definite: bool = False
    # The trigger says it is one more event ("another attack", "a second offensive"): no earlier one retold.
    another: bool = False
    # What an appeal asks for, as one word ("resignation", "ceasefire", "withdraw"): two reports of one demand are one appeal.
    demand: str | None = None
    # Another event of the sentence answers or follows it ("in retaliation for the attacks in Tehran",
    # "mounted a sweep after an attack"): an earlier event.
    earlier: bool = False
    # The trigger is a bare plural ("lives lost in terror attacks"): attacks of a kind, not one told before.
    generic: bool = False
    # Roles the report leaves out and takes from the article's main event of its type.
    inferred_roles: tuple[Role, ...] = ()
    # How the text puts the event at its place: "at" it, "near" it ("near Avdiivka"), or
    # somewhere in the "region" it names ("in the Krasnodar region").
    place_scope: PlaceScope = "at"
    # Other places the sentence gives around the event's place ("a village in the Donetsk region").
    places_around: tuple[Mention, ...] = ()
    # How precisely ``places`` locate the event, in the spirit of ACLED's geo-precision: 1 the
    # town or site itself, 2 near it or somewhere within a region, 3 only the region or state.
    geo_precision: int | None = None
    # The PLOVER category ("ASSAULT", "THREATEN" for a threatened strike) and mode ("aerial").
    category: str | None = None
    mode: str | None = None
    # Of an accusation or denial, the type of the event its sentence says it is about ("blamed the RSF
    # for the attack": strike).
    about: EventType | None = None


@dataclass(frozen=True)
class ArticleFacts:
    """Everything extracted from one article; the unit written to the graph."""

    article: Article
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    dates: tuple[TimeExpression, ...]
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()

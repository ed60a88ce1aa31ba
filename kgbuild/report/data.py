"""What ``kgbuild report`` shows, read from the store into plain records."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..export.network import EventNetwork
from ..graph.iri import local_name
from ..graph.namespace import KG
from ..graph.query import load_query
from ..graph.store import KGStore
from ..graph.summary import StoreSummary, summarize

_ACTOR_CLASSES = {"Person", "Organisation", "State", "ArmedGroup", "Population"}
_ARTICLES = f"""
PREFIX kg: <{KG._NS}>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT (COUNT(DISTINCT ?outlet) AS ?outlets)
       (MIN(?issued) AS ?first) (MAX(?issued) AS ?last)
WHERE {{
  ?article a kg:Article .
  OPTIONAL {{ ?article kg:outlet ?outlet }} OPTIONAL {{ ?article dcterms:issued ?issued }}
}}
"""
# A cited sentence with the sentences either side of it, and its article.
_EVIDENCE = f"""
PREFIX kg: <{KG._NS}>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
SELECT ?sentence ?text ?before ?after ?source ?title ?outlet ?issued ?url WHERE {{
  VALUES ?sentence {{ %s }}
  ?sentence kg:text ?text ; kg:index ?index ; kg:inArticle ?article .
  ?article kg:source ?source .
  OPTIONAL {{ ?previous kg:inArticle ?article ; kg:index ?i ; kg:text ?before . FILTER(?i = ?index - 1) }}
  OPTIONAL {{ ?next kg:inArticle ?article ; kg:index ?j ; kg:text ?after . FILTER(?j = ?index + 1) }}
  OPTIONAL {{ ?article dcterms:title ?title }} OPTIONAL {{ ?article kg:outlet ?outlet }}
  OPTIONAL {{ ?article dcterms:issued ?issued }} OPTIONAL {{ ?article schema:url ?url }}
}}
"""


@dataclass(frozen=True)
class TypeCount:
    """One event type: real-world events (a merged event counts once), their reports and claims."""

    type: str
    events: int
    reports: int
    claims: int
    weekly: int
    mapped: int


@dataclass(frozen=True)
class Week:
    """Events per type in the ISO week that starts on ``monday``."""

    monday: date
    events: dict[str, int]


@dataclass(frozen=True)
class PlaceEvents:
    """A geocoded place and the events that happened there, by type."""

    label: str
    lat: float
    lon: float
    country: str | None
    events: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.events.values())


@dataclass(frozen=True)
class ActorRow:
    """An actor with the events it takes part in (as actor or target), its mentions and articles."""

    label: str
    kind: str
    country: str | None
    events: int
    mentions: int
    articles: int
    wikidata: str | None


@dataclass(frozen=True)
class Evidence:
    """A sentence that a claim cites, with its neighbours and its article."""

    anchor: str
    text: str
    before: str | None
    after: str | None
    source: str
    title: str | None
    outlet: str | None
    issued: str | None
    url: str | None


@dataclass(frozen=True)
class ClaimRow:
    """One claim on an event whose claims state different figures."""

    event: str
    type: str
    date: str | None
    minimum: str | None
    maximum: str | None
    unit: str | None
    claimant: str | None
    source: str
    evidence: str


@dataclass(frozen=True)
class ReportData:
    """Everything on the report page."""

    summary: StoreSummary
    outlets: int
    period: tuple[str, str] | None
    types: list[TypeCount]
    weeks: list[Week]
    coarse_dates: int
    undated: int
    places: list[PlaceEvents]
    unmapped_places: list[str]
    country_only: dict[str, int]
    actors: list[ActorRow]
    claims: list[ClaimRow]
    evidence: dict[str, Evidence] = field(default_factory=dict)

    @property
    def articles(self) -> int:
        return self.summary.counts.get("Article", 0)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _kind(entity: Any) -> str:
    return local_name(entity["class"])


def _on_the_map(entity: Any) -> bool:
    # A country's centroid would put its events where none of them happened.
    return entity.lat is not None and _kind(entity) != "State"


def collect(store: KGStore, top_actors: int = 25) -> ReportData:
    """Read the report's counts, timeline, map, top actors and contradicting claims from ``store``."""
    network = EventNetwork(store)
    (article_row,) = store.query(_ARTICLES)
    period = (str(article_row.first), str(article_row.last)) if article_row.first is not None else None

    weekly: dict[date, Counter[str]] = defaultdict(Counter)
    coarse = undated = 0
    per_type: dict[str, Counter[str]] = defaultdict(Counter)
    for row in network.events.values():
        kind = str(row.type)
        per_type[kind].update(events=1, reports=int(row.reports), claims=int(row.claims))
        granularity = _text(row.granularity)
        if row.date is None:
            undated += 1
        elif granularity in ("day", "week"):
            weekly[_monday(date.fromisoformat(str(row.date)))][kind] += 1
            per_type[kind]["weekly"] += 1
        else:
            coarse += 1
    weeks = [Week(monday, dict(weekly[monday])) for monday in sorted(weekly)]

    at_place: dict[str, Counter[str]] = defaultdict(Counter)
    for event, roles in network.roles.items():
        kind = str(network.events[event].type)
        places = {node for role, node in roles if role == "place"}
        for node in places:
            at_place[node][kind] += 1
        if any(_on_the_map(network.entities[node]) for node in places):
            per_type[kind]["mapped"] += 1
    places, unmapped, country_only = [], [], {}
    for node, counts in at_place.items():
        row = network.entities[node]
        if _on_the_map(row):
            places.append(PlaceEvents(str(row.label), float(row.lat), float(row.lon), _text(row.countryName),
                                      dict(counts)))
        elif _kind(row) == "State":
            country_only[str(row.label)] = sum(counts.values())
        else:
            unmapped.append(str(row.label))
    places.sort(key=lambda place: (-place.total, place.label))

    # Events an actor takes part in; an event "in Ukraine" is not one Ukraine takes part in.
    taking_part = Counter(node for roles in network.roles.values()
                          for node in {node for role, node in roles if role in ("actor", "target")})
    actors = sorted(
        (ActorRow(str(row.label), _kind(row), _text(row.countryName),
                  taking_part[node], int(row.mentions), int(row.articles),
                  None if row.wikidata is None else str(row.wikidata).rsplit("/", 1)[-1])
         for node, row in network.entities.items()
         if _kind(row) in _ACTOR_CLASSES),
        key=lambda actor: (-actor.events, -actor.mentions, actor.label),
    )[:top_actors]

    claims, evidence = _contradicting_claims(store)
    types = [TypeCount(kind, c["events"], c["reports"], c["claims"], c["weekly"], c["mapped"])
             for kind, c in sorted(per_type.items(), key=lambda item: (-item[1]["events"], item[0]))]
    return ReportData(summarize(store), int(article_row.outlets), period, types, weeks,
                      coarse, undated, places, sorted(unmapped), dict(sorted(country_only.items())), actors, claims,
                      evidence)


def _contradicting_claims(store: KGStore) -> tuple[list[ClaimRow], dict[str, Evidence]]:
    """The saved ``contradicting-claims`` query's rows, and the sentences they cite by anchor."""
    rows = list(store.query(load_query("contradicting-claims")))
    anchors = {sentence: f"evidence-{number}"
               for number, sentence in enumerate(dict.fromkeys(str(row.evidence) for row in rows), start=1)}
    claims = [
        ClaimRow(str(row.event), str(row.type), _text(row.date), _text(row.minimum), _text(row.maximum),
                 _text(row.unit), _text(row.claimant), str(row.source), anchors[str(row.evidence)])
        for row in rows
    ]
    evidence = {}
    if anchors:
        values = " ".join(f"<{iri}>" for iri in anchors)
        for row in store.query(_EVIDENCE % values):
            anchor = anchors[str(row.sentence)]
            evidence[anchor] = Evidence(anchor, str(row.text), _text(row.before), _text(row.after), str(row.source),
                                        _text(row.title), _text(row.outlet), _text(row.issued), _text(row.url))
    return claims, dict(sorted(evidence.items(), key=lambda item: int(item[0].rsplit("-", 1)[1])))

"""Merge reports of one event within an article: a headline, its lead and a later
sentence often state the same strike or call. Each merged event keeps every claim,
so two figures for it stay side by side.
"""

from __future__ import annotations

from dataclasses import replace

from ..records import Event, Mention, dates_overlap


def _keys(mentions: tuple[Mention, ...]) -> set[str]:
    return {m.entity for m in mentions if m.entity}


def _dates_compatible(a: Event, b: Event) -> bool:
    if a.date is None or b.date is None or a.date_inferred or b.date_inferred:
        return True
    return dates_overlap(a.date.value or "", b.date.value or "")


def _figures(event: Event) -> set[tuple[float | None, float | None]]:
    return {(c.quantity.minimum, c.quantity.maximum) for c in event.claims if c.quantity is not None}


def same_event(a: Event, b: Event) -> bool:
    """Whether two reports in one article state one event.

    Same type and compatible dates; no clash of actors or of places; and either the
    same figure and a shared party, or a shared party and a shared target or place.
    An actor alone identifies nothing: it acts many times in one article.
    """
    if a.type != b.type or not _dates_compatible(a, b):
        return False
    places_a, places_b = _keys(a.places), _keys(b.places)
    if places_a and places_b and not places_a & places_b:
        return False
    actors_a, actors_b = _keys(a.actors), _keys(b.actors)
    targets_a, targets_b = _keys(a.targets), _keys(b.targets)
    if actors_a and actors_b and not actors_a & actors_b:
        return False
    shared_actors = bool(actors_a & actors_b)
    shared_targets = bool(targets_a & targets_b)
    figures_a, figures_b = _figures(a), _figures(b)
    if figures_a and figures_b:
        return bool(figures_a & figures_b) and (shared_actors or shared_targets)
    if targets_a and targets_b and not shared_targets:
        return False
    return (shared_actors or not (actors_a and actors_b)) and (shared_targets or bool(places_a & places_b))


def _union(*groups: tuple[Mention, ...]) -> tuple[Mention, ...]:
    by_entity: dict[str, Mention] = {}
    for group in groups:
        for mention in group:
            by_entity.setdefault(mention.entity or mention.text, mention)
    return tuple(by_entity.values())


def merge(a: Event, b: Event) -> Event:
    """One event from two reports: arguments united, the more precise stated date, every claim."""
    dates = [e for e in (a, b) if e.date is not None and not e.date_inferred]
    best = max(dates, key=lambda e: len((e.date.value or "").split("-")), default=a)
    return replace(
        a,
        actors=_union(a.actors, b.actors),
        targets=_union(a.targets, b.targets),
        places=_union(a.places, b.places),
        date=best.date,
        date_inferred=best.date_inferred,
        claims=a.claims + b.claims,
        confidence=max(a.confidence, b.confidence),
    )


def merge_reports(events: tuple[Event, ...]) -> tuple[Event, ...]:
    """``events`` with the reports of one event folded into the first of them."""
    merged: list[Event] = []
    for event in events:
        for index, kept in enumerate(merged):
            if same_event(kept, event):
                merged[index] = merge(kept, event)
                break
        else:
            merged.append(event)
    return tuple(merged)

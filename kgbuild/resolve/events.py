"""Merge reports of one event within an article: a headline, its lead and a later
sentence often state the same strike or call. Each merged event keeps every claim,
so two figures for it stay side by side.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from ..geodesy import distance_km
from ..records import COSTED_TYPES, Claim, Entity, Event, Mention, active_days, dates_overlap, is_photo_date

# Two towns or sites this close can be where a loosely worded report (a headline, a photo
# caption) and the body place one event: a shooting in one town, the suspects' home in the next.
NEAR_KM = 30.0


@dataclass(frozen=True)
class Geography:
    """What reading reports together needs to know of places: the state each place or party
    belongs to, and where each place is."""

    country_of: Mapping[str, str] = field(default_factory=dict)
    points: Mapping[str, tuple[float, float]] = field(default_factory=dict)
    states: frozenset[str] = frozenset()

    def near(self, a: str, b: str) -> bool:
        """Whether two places are one, or two towns or sites within ``NEAR_KM``."""
        if a == b:
            return True
        if a not in self.points or b not in self.points:
            return False
        return distance_km(*self.points[a], *self.points[b]) <= NEAR_KM

    def within(self, place: str, others: set[str]) -> bool:
        """Whether ``place`` is one of ``others``, near one, or the state one lies in."""
        return any(self.near(place, other) or self.country_of.get(other) == place for other in others)

    def around(self, place: str, others: set[str]) -> bool:
        """Whether ``place`` is :meth:`within` ``others``, or a region of the state a town of them lies in
        ("California" around "San Bernardino")."""
        return self.within(place, others) or any(self.inside(other, place) for other in others)

    def inside(self, town: str, area: str) -> bool:
        """Whether ``town`` lies in the state of ``area``, a region or state that has no point of its own
        ("Deir al-Balah" in "the Gaza Strip")."""
        return town in self.points and area not in self.points \
            and self.country_of.get(town) is not None and self.country_of.get(town) == self.country_of.get(area, area)

    def unplaced(self, place: str) -> bool:
        """Whether nothing is known of where ``place`` is (a village the gazetteer lacks), nor is it a state."""
        return place not in self.points and place not in self.states and self.country_of.get(place) is None

    def clash(self, a: set[str], b: set[str]) -> bool:
        """Whether two loosely worded reports' places rule out one event: both name places that are
        known ("Kashmir", which nothing places, may hold "Uri"), and none of one set is near one of the
        other, or a region or the state one lies in."""
        a, b = {p for p in a if not self.unplaced(p)}, {q for q in b if not self.unplaced(q)}
        return bool(a and b) and not any(self.around(p, b) for p in a) and not any(self.around(q, a) for q in b)

    def shared(self, a: set[str], b: set[str]) -> bool:
        """Whether two reports name one place, or two near each other."""
        return any(self.near(p, q) for p in a for q in b)


_NOWHERE = Geography()


def _keys(mentions: tuple[Mention, ...]) -> set[str]:
    return {m.entity for m in mentions if m.entity}


def _party_keys(event: Event) -> set[str]:
    return _keys(event.actors) | _keys(event.targets)


def _dates_compatible(a: Event, b: Event) -> bool:
    if a.date is None or b.date is None:
        return True
    if a.date_inferred or b.date_inferred:
        # a plan reported on a day is of that day or after: "he and Putin plan to meet" is no
        # meeting of two years before
        return not any(_ended_before(x, y) for x, y in ((a, b), (b, a)) if _planned(x))
    return dates_overlap(a.date.value or "", b.date.value or "", a.date.granularity, b.date.granularity)


def _planned(event: Event) -> bool:
    """A meeting or call announced ahead; an attack said to be planned is as often a past plot
    ("what inspired them to plan and carry out the attacks")."""
    return event.type in _SYMMETRIC and event.date_inferred and all(claim.modality == "planned" for claim in event.claims)


def _threat(event: Event) -> bool:
    """Whether every report of ``event`` is a threat ("vowed to strike anyone who threatens Jordan"):
    no attack that happened. "Warned it would respond to the attack" refers to one that did."""
    return not event.definite and all(claim.modality == "threatened" for claim in event.claims)


def _ended_before(plan: Event, other: Event) -> bool:
    """Whether ``other``'s stated days all fall before the day ``plan`` was reported."""
    if other.date_inferred or plan.date is None or other.date is None:
        return False
    try:
        reported, _ = active_days(plan.date.value or "", plan.date.granularity)
        _, last = active_days(other.date.value or "", other.date.granularity)
    except ValueError:
        return False
    return last < reported


def _figures(event: Event) -> set[tuple[float | None, float | None]]:
    return {(c.quantity.minimum, c.quantity.maximum) for c in event.claims if c.quantity is not None}


def _figures_agree(a: Event, b: Event) -> bool:
    """Whether two reports' figures can both be true: a bound and a figure within it ("kills 14",
    "killing at least 14"; "thousands" and "tens of thousands"), and of one kind of toll."""
    figures_a, figures_b = _figures(a), _figures(b)
    if not (figures_a and figures_b):
        return True
    if a.type == "casualties" and _toll_kind(a) != _toll_kind(b):
        return False
    return any((low_a is None or high_b is None or low_a <= high_b) and (low_b is None or high_a is None or low_b <= high_a)
               for low_a, high_a in figures_a for low_b, high_b in figures_b)


_INJURY_WORDS = ("wound", "injur", "hurt", "maim")


def _toll_kind(event: Event) -> str:
    """Whether a toll counts the dead or the injured, by its trigger or its counted word."""
    words = [event.trigger.lower(), *((c.quantity.unit or "").lower() for c in event.claims if c.quantity)]
    return "injured" if any(injury in word for word in words for injury in _INJURY_WORDS) else "dead"


def _report_kind(event: Event) -> tuple[str, str | None]:
    """What reports must share to be one event: their type, and for a toll whether it counts the dead or the injured."""
    return event.type, _toll_kind(event) if event.type == "casualties" else None


def _sentences(event: Event) -> set[tuple[str, int]]:
    return {(c.provenance.article, c.provenance.sentence) for c in event.claims}


def _toll_sentences(events: Iterable[Event]) -> set[tuple[str, int]]:
    """The sentences that give a figure of dead or wounded."""
    return {s for event in events if event.type == "casualties" and _figures(event) for s in _sentences(event)}


def same_event(a: Event, b: Event) -> bool:
    """Whether two reports in one article state one event.

    Same type and compatible dates; no clash of actors or of places; and either the
    same figure and a shared party, or a shared party and a shared target or place.
    Different figures need the actor, the target and the place in common.
    An actor alone identifies nothing: it acts many times in one article. Two triggers of
    one type in one sentence are one event unless their targets or figures differ or one
    answers the other ("the strike was retaliation for the attacks in Tehran"). Reports
    of a call or meeting are one when the parties of one are among the other's, in any role;
    appeals of one speaker are one when they ask for one thing ("calling for the minister's
    resignation", "demanding the minister's resignation").
    """
    if _report_kind(a) != _report_kind(b):
        return False
    if not (_dates_compatible(a, b) or _pictured_after(a, b) or _pictured_after(b, a)) or _threat(a) != _threat(b):
        return False
    if (a.generic or b.generic) and not _sentences(a) & _sentences(b):
        return False  # "lives lost in terror attacks" is no retelling of one attack
    places_a, places_b = _keys(a.places), _keys(b.places)
    # one sentence may take a visit through several sites: "toured the spaceport with Putin, visited
    # production sites at Komsomolsk"
    tour = a.type in _SYMMETRIC and bool(_sentences(a) & _sentences(b))
    if places_a and places_b and not places_a & places_b and not tour:
        return False
    figures_a, figures_b = _figures(a), _figures(b)
    if a.type in _SYMMETRIC:
        # who called whom is wording: "X spoke with Y", "Y told X in a call"; one report may
        # name fewer of the parties, never another one
        parties_a, parties_b = _party_keys(a), _party_keys(b)
        if parties_a and parties_b and parties_a & parties_b and (parties_a <= parties_b or parties_b <= parties_a):
            return not (figures_a and figures_b and not figures_a & figures_b)
    actors_a, actors_b = _keys(a.actors), _keys(b.actors)
    targets_a, targets_b = _keys(a.targets), _keys(b.targets)
    if actors_a and actors_b and not actors_a & actors_b:
        return False
    shared_actors = bool(actors_a & actors_b)
    shared_targets = bool(targets_a & targets_b)
    if _sentences(a) & _sentences(b) and a.type not in _SPOKEN and a.earlier == b.earlier \
            and not (targets_a and targets_b and not shared_targets) \
            and not (figures_a and figures_b and figures_a != figures_b):
        return True  # "airstrikes and shelling hit the town": one sentence, one attack; two demands are two
    if figures_a and figures_b and not figures_a & figures_b:
        # Two figures for one event ("41 aircraft hit", "up to 20 hit") are competing claims
        # when the reports agree on who struck whom, and where.
        return shared_actors and shared_targets and bool(places_a & places_b)
    if figures_a and figures_b:
        # one figure twice, once or both times naming nobody ("at least 28 people were injured";
        # "8,500 American troops were put on alert" ... "Kirby says 8,500 troops") is one report repeated
        return shared_actors or shared_targets or not (actors_a or targets_a) or not (actors_b or targets_b)
    if targets_a and targets_b and not shared_targets:
        return False
    if a.type in _SPOKEN and shared_actors and a.demand is not None and a.demand == b.demand:
        return True  # "calling for the minister's resignation" ... "demanding the minister's resignation"
    if a.type in _SPOKEN and not (actors_a and actors_b) and shared_targets and _next_to(a, b):
        return True  # "Brunson appealed to Trump for help." ... "'I appeal to President Trump: please help me.'"
    if a.type in _SPOKEN and not shared_actors:
        return False  # two appeals to one party by speakers not both named are as often two
    return (shared_actors or not (actors_a and actors_b)) and (shared_targets or bool(places_a & places_b))


# How many sentences apart an appeal that names no speaker retells one to the same party.
_RETOLD_WITHIN = 2


def _next_to(a: Event, b: Event) -> bool:
    """Whether two reports are told within ``_RETOLD_WITHIN`` sentences of each other in one article."""
    return any(x == y and abs(i - j) <= _RETOLD_WITHIN for x, i in _sentences(a) for y, j in _sentences(b))


def _state_of(mention: Mention, entities: Mapping[str, Entity]) -> str | None:
    entity = entities.get(mention.entity or "")
    if entity is None:
        return None
    return entity.key if entity.type == "State" else entity.country


# CAMEO agent codes of forces that act in their own state: the police.
_DOMESTIC_FORCES = frozenset({"COP"})


def implied_parties(event: Event, entities: Mapping[str, Entity], capitals: Mapping[str, str]) -> Event:
    """``event`` with what its named places imply about its parties.

    A capital acting or acted on is its state ("Moscow pounded Ukraine" -> Russia). A strike
    or interception that names no target, or only the civilians it hit, was aimed at the state
    its place lies in ("drones struck a refinery in Kursk" -> Russia), unless that is the
    attacker's own state or the attacker is police, of no state named, who act at home; so was
    a toll of civilians ("killing 13 civilians in Kramatorsk"). A state's forces the text leaves
    unnamed ("security forces", "government forces") act in that state when no place is given.
    """

    def as_state(mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
        return tuple(replace(m, entity=capitals[m.entity], kind="metonym") if m.entity in capitals else m
                     for m in mentions)

    actors, targets = as_state(event.actors), as_state(event.targets)
    # a state's forces the text does not name ("security forces", "a military jet")
    unnamed_forces = [a for a in actors if a.kind == "agent" and a.entity in entities and entities[a.entity].type == "State"]
    # "a military jet dropped bombs on a village in Myanmar": they do not attack their own state
    targets = tuple(t for t in targets if t.entity not in {a.entity for a in unnamed_forces})
    sides = [t for t in targets if t.entity not in entities or entities[t.entity].type != "Population"]
    # the place of an interception is most often the interceptor's own, unless an actor says otherwise
    if not sides and (event.type == "strike" or event.type == "interception" and actors
                      or event.type == "casualties" and targets):
        # "a missile killed five civilians in Kharkiv": the civilians and the state it struck
        # an armed group fights the state it is from ("the Arakan Army fired rockets at a navy base in
        # Sittwe"), but what it does to civilians there strikes them, not the state
        own = {_state_of(a, entities) for a in actors
               if targets or a.entity not in entities or entities[a.entity].type != "ArmedGroup"}
        # the police act where they serve: "police shot two protesters in Cairo" struck no state
        domestic = any(entities[a.entity].cameo in _DOMESTIC_FORCES for a in actors
                       if a.entity in entities and _state_of(a, entities) is None)
        for place in event.places if not domestic else ():
            state = _state_of(place, entities)
            if state is not None and state not in own:
                targets = (replace(place, entity=state, kind="metonym"), *targets)
                break
    places = event.places
    if not places and event.type in ("strike", "casualties") and unnamed_forces:
        # "security forces killed nearly 1,000 protesters": they act at home
        places = (replace(unnamed_forces[0], kind="metonym"),)
    return replace(event, actors=actors, targets=targets, places=places)


def _implied(mention: Mention, event: Event) -> bool:
    """Whether a party of ``event`` is only implied by where it happened: a capital standing for its state
    ("Moscow pounded Ukraine"), or the state its place lies in ("a chemical attack in Syria")."""
    return mention.kind == "metonym" or any((mention.start, mention.end) == (p.start, p.end) for p in event.places)


def _union(*groups: tuple[Mention, ...]) -> tuple[Mention, ...]:
    by_entity: dict[str, Mention] = {}
    for group in groups:
        for mention in group:
            by_entity.setdefault(mention.entity or mention.text, mention)
    return tuple(by_entity.values())


# Modalities of a report of what may yet come ("wants to attack"), not of what took place; a denial
# still names whom it denies did it.
_TO_COME = frozenset({"planned", "possible", "threatened"})


def _happened(event: Event) -> bool:
    return any(claim.modality not in _TO_COME for claim in event.claims)


def merge(a: Event, b: Event) -> Event:
    """One event from two reports: arguments united, the more precise stated date, every claim."""
    best = _best_dated(a, b)
    # a party keeps the role the first report gave it: "the call between X and Y" names no
    # caller, so a report that does ("X called Y") gives the roles
    first, second = (b, a) if a.type in _SYMMETRIC and not a.targets and b.actors and b.targets else (a, b)
    if _happened(first) != _happened(second):
        # "the only reason Obama wants to attack Syria": who wanted an attack did not carry out the one that was
        first, second = (first, second) if _happened(first) else (second, first)
        second = replace(second, actors=(), targets=())
    # a state only implied as the target by where it struck ("a chemical attack in Syria") yields to a
    # report that names it as the attacker ("the Syrian regime is responsible for this attack")
    implied = {m.entity for m in first.targets if _implied(m, first)}
    actors = _union(first.actors, tuple(m for m in second.actors if m.entity not in _keys(first.targets) - implied))
    targets = _union(tuple(m for m in first.targets if not (m.entity in implied and m.entity in _keys(actors))),
                     tuple(m for m in second.targets if m.entity not in _keys(actors)))
    return replace(
        a,
        actors=actors,
        targets=targets,
        places=_union(a.places, b.places),
        place_scope=a.place_scope if a.places else b.place_scope,
        places_around=_union(a.places_around, b.places_around),
        date=best.date,
        date_inferred=best.date_inferred,
        claims=_distinct_claims(a.claims + b.claims),
        confidence=max(a.confidence, b.confidence),
    )


def _better_placed(body: Event, loose: Event, geography: Geography) -> Event:
    """Of a body report and a headline or caption of its event, the one whose places to keep: the
    body's, unless it names none, or only places nothing is known of that the other's known ones may
    lie in ("an attack in Kashmir" ... "Sunday's attack at an army camp in Uri")."""
    known = [key for key in _keys(loose.places) if not geography.unplaced(key)]
    return body if body.places and not (known and all(map(geography.unplaced, _keys(body.places)))) else loose


def _where(event: Event) -> dict[str, object]:
    """An event's places with how the text puts it there and the places around: one unit,
    which a report that names no place takes whole from another."""
    return {"places": event.places, "place_scope": event.place_scope, "places_around": event.places_around}


# How precisely a date of each granularity places an event.
_PRECISION = {"year": 1, "month": 2, "week": 3, "day": 4}


def _best_dated(a: Event, b: Event) -> Event:
    """Of two reports, the one with the more precise stated date (``a`` when neither states one); the
    date closing a photo caption is when the photo was taken, so any other report's comes first."""
    dates = [e for e in (a, b) if e.date is not None and not e.date_inferred]
    return max(dates, key=lambda e: (not _photo_dated(e), _PRECISION.get(e.date.granularity, 0)), default=a)


def _photo_dated(event: Event) -> bool:
    """Whether ``event``'s date is the day a photo of it was taken: the date that closes its caption."""
    when = event.date
    return when is not None and any(
        claim.provenance.sentence == when.sentence and is_photo_date(claim.provenance.text, when.end - claim.provenance.start)
        for claim in event.claims)


def _distinct_claims(claims: tuple[Claim, ...]) -> tuple[Claim, ...]:
    """Every claim once: two trigger words of one sentence ("struck ..., destroying 41") make one report."""
    seen: dict[tuple[object, ...], Claim] = {}
    for claim in claims:
        key = (claim.provenance.article, claim.provenance.sentence, claim.quantity, claim.claimant_label, claim.modality)
        seen.setdefault(key, claim)
    # a sentence that states a figure for the event says nothing more by also stating it without one
    counted = {(c.provenance.article, c.provenance.sentence) for c in seen.values() if c.quantity is not None}
    return tuple(c for c in seen.values()
                 if c.quantity is not None or (c.provenance.article, c.provenance.sentence) not in counted)


def _is_headline(event: Event) -> bool:
    return all(claim.provenance.headline for claim in event.claims)


def _is_caption(event: Event) -> bool:
    return all(claim.provenance.caption for claim in event.claims)


def _arguments(event: Event) -> int:
    return sum(map(bool, (event.actors, event.targets, event.places, _figures(event))))


def _parties(event: Event, country_of: Mapping[str, str]) -> set[str]:
    """Every party of ``event``, with the state each person or body belongs to."""
    keys = _party_keys(event)
    return keys | {country_of[k] for k in keys if k in country_of}


def headline_of(body: Event, headline: Event, geography: Geography = _NOWHERE, alone: bool = False) -> bool:
    """Whether a headline ("Ukraine leader urges EU to stay united") announces ``body``'s event.

    Headlines name parties loosely ("Ukraine leader" for Zelenskyy), so a party counts as
    shared through the state it belongs to; places and figures must not clash. A body
    report that is ``alone`` of its type in the article is the one its headline announces when
    the headline names no other party ("Artillery strikes on Kherson city" over "Russian
    artillery struck several districts of Kherson"), or whatever it names when the body names
    no party ("Suicide attack at Istanbul's main airport" over "Three suicide attackers opened
    fire ... at the entrance to the terminal"). A headline that puts a party on the other side of the
    body's attack (:func:`_reversed`), or a photo of what happened shown beside a plan, is of another event.
    """
    if body.type != headline.type or body.generic or headline.generic \
            or not (_dates_compatible(body, headline) or _pictured_after(body, headline)):
        return False
    if _is_caption(headline) and _happened(headline) and not _happened(body):
        return False  # a photo shows what happened: "attacks are being planned" is no plan of the shootout it shows
    places_a, places_b = _keys(body.places), _keys(headline.places)
    figures_a, figures_b = _figures(body), _figures(headline)
    if geography.clash(places_a, places_b) or not _figures_agree(body, headline):
        return False
    # Every party the headline names must be one of the body's, or the state one belongs to.
    country_of = geography.country_of
    body_parties, headline_parties = _parties(body, country_of), _parties(headline, country_of)
    if body.type not in _SYMMETRIC and _reversed(body, headline, country_of):
        return False  # "suspects were shot by police" is no report of the suspects' attack on the United States
    if alone and not any(m.kind != "agent" for m in (*body.actors, *body.targets)):
        return True
    # a state a headline's place implies ("Benghazi consulate attack" -> Libya) is no party it names
    places = {(m.start, m.end) for m in headline.places}
    named = {m.entity for m in (*headline.actors, *headline.targets) if m.entity and (m.start, m.end) not in places}
    if any(key not in body_parties and country_of.get(key) not in body_parties for key in named):
        return False
    return bool(alone or body_parties & headline_parties or geography.shared(places_a, places_b) or figures_a & figures_b)


def _reversed(body: Event, headline: Event, country_of: Mapping[str, str]) -> bool:
    """Whether a headline makes a party of the body's attack, or the state one belongs to, act on the
    other side: its actor is only the target of a body report that names its attacker, or its target only
    the body's actor. A target only implied by where it struck ("Missile strike on Sevastopol" -> Ukraine)
    takes no side."""
    def side(event: Event, role: str) -> set[str]:
        return _keys(tuple(m for m in getattr(event, role) if not _implied(m, event)))

    def with_states(keys: set[str]) -> set[str]:
        # "police" stand for their state; "Malian militants" do not, so only the headline's parties widen
        return keys | {country_of[k] for k in keys if k in country_of}

    actors, targets = side(body, "actors"), side(body, "targets")
    return bool(actors) and bool(with_states(side(headline, "actors")) & (targets - actors)
                                 or with_states(side(headline, "targets")) & (actors - targets))


# How long after an event a photo of its scene or its aftermath is still of it.
_PICTURED_WITHIN = timedelta(days=30)


def _pictured_after(body: Event, caption: Event) -> bool:
    """Whether ``caption`` is a photo caption dated in the weeks after ``body``'s day: the day the
    photo was taken ("... the scene of the shooting, Dec. 3"), not the day of the event it shows."""
    if not _is_caption(caption) or body.date is None or caption.date is None:
        return False
    try:
        then, pictured = date.fromisoformat(body.date.value or ""), date.fromisoformat(caption.date.value or "")
    except ValueError:
        return False  # a month or a year says too little to tell
    return timedelta(0) <= pictured - then <= _PICTURED_WITHIN


# Things said about who did an event, and how the claim they make holds it: an accusation
# claims that the accused did it, a denial denies that its speaker did.
_BLAME = {"accuse": "claimed", "reject": "denied"}


def claims_of_blame(events: tuple[Event, ...]) -> tuple[Event, ...]:
    """``events`` with each accusation and denial also a claim on the event it is about.

    "The ministry blamed the RSF for the attack" is the ministry's claim that the RSF did
    it; "the RSF denied carrying out the attack" the RSF's denial. The event is the one of
    the type the sentence names that the sentence reports, else, for an accusation that
    names no event ("residents blamed the army"), the article's first attack, and for a
    denial of a charge ("a charge Moscow denied"), the event its sentence accuses someone of."""
    events = list(events)
    first_attack = [i for i, e in enumerate(events) if e.type in COSTED_TYPES][:1]
    # accusations first: "accused Russia of shelling the plant, a charge Moscow denied" denies what it claims
    for speech in sorted((e for e in events if e.type in _BLAME and e.actors), key=lambda e: e.type != "accuse"):
        said_of = speech.targets if speech.type == "accuse" else speech.actors
        where = speech.claims[0].provenance
        if not said_of:
            continue
        told = [i for i, e in enumerate(events) if e.type == speech.about and e is not speech
                and (where.article, where.sentence) in _sentences(e)]
        if not told and speech.about is None and speech.type == "reject":
            told = [i for i, e in enumerate(events) if any(c.provenance == where and c.actors for c in e.claims)]
        if not told and speech.about is None and speech.type == "accuse":
            told = first_attack
        elif told and speech.type == "reject" and first_attack and first_attack[0] < told[0] \
                and all(c.provenance == where for c in events[told[0]].claims):
            # "The M23 denied carrying out the attack": the attack the article told before, too
            told = told[:1] + first_attack
        for i in told[:2]:
            own = next((c for c in events[i].claims if c.provenance == where and not c.actors), None)
            if own is not None:
                # the sentence's own claim on the event ("accused Russia of shelling the plant") says who
                claim = replace(own, modality=_BLAME[speech.type], claimant=own.claimant or speech.actors[0], actors=said_of)
                claims = tuple(claim if c is own else c for c in events[i].claims)
            else:
                claims = events[i].claims + (Claim(where, _BLAME[speech.type], claimant=speech.actors[0],
                                                   reporting_verb=speech.trigger, actors=said_of),)
            events[i] = replace(events[i], claims=claims)
    return tuple(events)


def merge_reports(events: tuple[Event, ...], geography: Geography = _NOWHERE) -> tuple[Event, ...]:
    """``events`` with the reports of one event folded into the first of them.

    A headline or a photo caption joins the body's report of its event, as loosely as
    they name parties (:func:`headline_of`). A headline no body sentence reports is kept
    when it names at least two of actor, target, place and figure ("Ukraine's deep
    strikes" names too little to be an event of its own); a caption is a sentence, and is
    then read as one. Last, each report is read against its type's main event
    (:func:`_with_main_events`).
    """
    merged: list[Event] = []
    # reports of other kinds are never one event (same_event): each report is compared only with
    # those of its kind, which merging does not change
    of_kind: dict[tuple[str, str | None], list[int]] = {}

    def keep(event: Event) -> None:
        of_kind.setdefault(_report_kind(event), []).append(len(merged))
        merged.append(event)

    def join(event: Event) -> bool:
        for index in of_kind.get(_report_kind(event), ()):
            if same_event(merged[index], event):
                merged[index] = merge(merged[index], event)
                return True
        return False

    def join_loosely(event: Event) -> bool:
        # the one body report of its type a headline can announce, when it names no party to compare;
        # a caption that names nothing of its own, nor a toll, shows the first the body tells it fits
        only = [kept for kept in merged if kept.type == event.type]
        alone = len(only) == 1 or _is_caption(event) and not _arguments(event) and not _sentences(event) & tolls
        for index, kept in enumerate(merged):
            if headline_of(kept, event, geography, alone=alone):
                # The body names the parties precisely; the headline or caption adds its
                # claim, and only the roles the body leaves empty.
                dated = _best_dated(kept, event)
                merged[index] = replace(
                    kept, **_where(_better_placed(kept, event, geography)), actors=kept.actors or event.actors,
                    targets=kept.targets or event.targets, date=dated.date, date_inferred=dated.date_inferred,
                    claims=_distinct_claims(kept.claims + event.claims), confidence=max(kept.confidence, event.confidence))
                return True
        return False

    tolls = _toll_sentences(events)
    headlines = [event for event in events if _is_headline(event)]
    captions = [event for event in events if _is_caption(event) and not _is_headline(event)]
    for event in events:
        if not (_is_headline(event) or _is_caption(event) or join(event)):
            keep(event)
    for caption in captions:
        if not (join_loosely(caption) or join(caption)):
            keep(caption)
    for headline in headlines:
        if not join_loosely(headline) and _arguments(headline) >= 2:
            keep(headline)
    return tuple(_with_main_events(merged, geography))


# Types a speaker states, so that who speaks tells one report from another.
_SPOKEN = frozenset({"appeal"})
# Types whose parties act together, so that who is actor and who is target says little.
_SYMMETRIC = frozenset({"call", "meeting"})
_ROLES = (("actor", "actors"), ("target", "targets"), ("place", "places"))
# What the dead and wounded take from the article's main attack: who struck, and where.
_ATTACK_ROLES = (("actor", "actors"), ("place", "places"))


def _main_events(events: list[Event]) -> dict[str, int]:
    """Index of each type's main event: the one its headline announces, else the first one the text
    states with a party, place or figure ("heavy fighting resumed" says less than "fighting resumed
    in Aleppo" two sentences later), else the first."""
    main: dict[str, int] = {}
    for index, event in enumerate(events):
        if any(claim.provenance.headline for claim in event.claims):
            main.setdefault(event.type, index)
    for index, event in enumerate(events):
        if _arguments(event) and not event.generic:
            main.setdefault(event.type, index)
    for index, event in enumerate(events):
        main.setdefault(event.type, index)
    return main


def _compatible(main: Event, report: Event, roles: tuple[str, ...] = ("actors", "targets", "places"),
                geography: Geography = _NOWHERE, outcome: bool = False, refers: bool = False) -> bool:
    """Nothing the report states contradicts the main event: date, ``roles``, figures.

    A report placed in a state ("in Syria") does not contradict a main event in one of its
    towns ("in Aleppo"). An ``outcome`` of the main event (its wounded, its interceptions)
    has figures of its own, and may name a town of the region the main event names, or one nothing
    is known of; so may a report that ``refers`` back to it ("a market town in Amhara" ... "the
    strike in Dembecha")."""
    if not _dates_compatible(main, report):
        return False
    if main.type in _SYMMETRIC and {"actors", "targets"} <= set(roles):
        # "Sherman held a call with Schmid", "the call between Sherman and Schmid": parties, in either role,
        # or the states they lead ("Trump spoke with the Russian and Ukrainian leaders" ... "Zelenskyy said
        # of the call")
        stated, known = _party_keys(report), _party_keys(main)
        if stated and known and not all(key in known or geography.country_of.get(key) in known for key in stated):
            return False
        roles = tuple(role for role in roles if role not in ("actors", "targets"))
    for role in roles:
        stated, known = _keys(getattr(report, role)), _keys(getattr(main, role))
        if role == "places":
            # ... or the region a town of the main event lies in ("targeted co-workers in San Bernardino County")
            if stated and known and not all(geography.within(place, known) or (outcome or refers) and (any(
                    geography.inside(place, other) or geography.inside(other, place) for other in known)
                    or geography.unplaced(place)) for place in stated):
                return False
        elif _contradicts(getattr(report, role), getattr(main, role)):
            return False
    figures_a, figures_b = _figures(main), _figures(report)
    return outcome or not (figures_a and figures_b and not figures_a & figures_b)


def _contradicts(stated: tuple[Mention, ...], known: tuple[Mention, ...]) -> bool:
    """Whether a report's parties in one role are not the main event's. A party named by
    name is compared with the named ones; an unnamed one ("gunmen", "civilians") with the
    unnamed, since a name can say who they were ("militants ambushed a convoy" ... "JNIM
    claimed the ambush")."""
    def split(mentions: tuple[Mention, ...]) -> tuple[set[str], set[str]]:
        return _keys(tuple(m for m in mentions if m.kind != "agent")), _keys(tuple(m for m in mentions if m.kind == "agent"))

    (named, unnamed), (known_named, known_unnamed) = split(stated), split(known)
    if named and known_named:
        return not named <= known_named
    if unnamed and known_unnamed and not (named or known_named):
        return not unnamed <= known_unnamed
    return False


def _with_main_events(events: list[Event], geography: Geography) -> list[Event]:
    """Reports read against the article's main event of their type.

    A definite report ("the attack", "Sunday's bombing") is a report of the event it refers
    back to (:func:`_antecedent`), and merges; so is an undated one that names nothing of its
    own, or only a party of an earlier event in the same role ("since the IS attacks"), unless
    it says it is one more ("another attack"). Another report that contradicts nothing but
    leaves out its attacker, target or place takes them from the main event, and says so
    in ``inferred_roles``; so does a place no nearer than the state the main event's place
    lies in. A report that names nothing is, in an article that names one event of its type,
    that event. What the main attack led to (its dead and wounded, the interception of its
    drones) takes its attacker or launcher, place and day, and puts an attack placed only in
    a region in the town it names; a toll told on the day of another attack told before it is
    that attack's (:func:`_same_day_attack`).
    """
    main = _main_events(events)
    tolls = _toll_sentences(events)
    named_of_type = Counter(event.type for event in events if _arguments(event))
    kept: list[Event] = list(events)
    dropped: set[int] = set()
    for index, event in enumerate(events):
        costed = event.type in COSTED_TYPES and bool(_sentences(event) & tolls)
        # "he was shot in broad daylight" names nobody: in an article that names one such event, it
        # is that event; among several, it is one more, told in the main event's terms
        unnamed = not (_arguments(event) or event.another or event.generic) \
            and (named_of_type[event.type] <= 1 and not costed or event.date_inferred)
        # "Iran has stepped up its rhetoric since the IS attacks": an undated, unplaced report of a
        # party's attack is the one the article told of it before
        recalled = event.date_inferred and not (costed or event.places or event.another or event.generic) \
            and event.type not in _SPOKEN
        whole = _whole_of(kept, dropped, index)
        if whole is not None:
            kept[whole] = merge(kept[whole], replace(event, claims=tuple(replace(c, quantity=None) for c in event.claims)))
            dropped.add(index)
            continue
        if event.definite or unnamed or recalled:
            antecedent = _antecedent(kept, dropped, index, main.get(event.type), geography,
                                     recalled=not (event.definite or unnamed))
            if antecedent is not None:
                # "the strike in Dembecha" after "a market town in Amhara": the town it was
                kept[antecedent] = merge(_placed_by(kept[antecedent], event, geography), event)
            if antecedent is not None or (event.definite and unnamed and not costed):
                dropped.add(index)  # "the attack" with nothing to refer to says nothing; "the bombing killed 30" does
                continue
        outcome = event.type in _OUTCOMES
        lead = main.get(event.type)
        if lead is not None and lead != index and event.type in _FILLED_FROM_MAIN and not event.generic \
                and not _answered_by(event, kept[lead]) \
                and _compatible(kept[lead], event, geography=geography, outcome=outcome):
            kept[index] = event = _fill(event, kept[lead], _ROLES, geography, dated=outcome)
        attack = main.get("strike")
        if event.type == "casualties" and attack is not None \
                and not _compatible(kept[attack], event, ("actors", "places"), geography, True):
            attack = _same_day_attack(kept, dropped, index, geography)
        if attack is None or attack == index or not outcome:
            continue
        if event.type == "casualties":
            # the dead and wounded of the article's attack (or of the one told on their day): its attacker,
            # where and when it struck, and, when the toll counts no side of its own ("seven people were
            # killed"), whom it struck
            no_side = _counts_no_side(event)
            roles = _ATTACK_ROLES + ((("target", "targets"),) if no_side else ())
            kept[index] = _fill(event, kept[attack], roles, geography, dated=True)
            if event.targets and no_side:
                # "killing seven people", whom the text calls civilians: of the side the attack struck
                struck = tuple(m for m in kept[attack].targets if m.entity not in _keys(kept[index].actors))
                kept[index] = replace(kept[index], targets=_union(event.targets, struck))
        elif event.type == "interception" and _compatible(kept[attack], event, ("places",), geography, True) \
                and not _keys(event.actors) & _keys(kept[attack].actors):
            # "air defences downed all 35": the drones of the article's attack, where and when it came
            kept[index] = _fill(event, replace(kept[attack], targets=kept[attack].actors), (("target", "targets"),
                                ("place", "places")), geography, dated=True)
        else:
            continue
        kept[attack] = _placed_by(kept[attack], kept[index], geography)
    # "a base in a town in central Somalia ... killing 11" then "the attack targeted a base in
    # Jalalaqsi": the toll told with the attack, or placed by it, is in the town too
    attacks = [i for i, event in enumerate(kept) if event.type == "strike" and i not in dropped]
    attacks_told_in: dict[tuple[str, int], list[int]] = {}
    for i in attacks:
        if not _is_headline(kept[i]):
            for sentence in _sentences(kept[i]):
                attacks_told_in.setdefault(sentence, []).append(i)
    for index, event in enumerate(kept):
        if event.type not in _OUTCOMES or index in dropped:
            continue
        told_with = sorted({i for sentence in _sentences(event) for i in attacks_told_in.get(sentence, ())})
        if not told_with and "place" in event.inferred_roles and main.get("strike") in attacks:
            told_with = [main["strike"]]
        if len(told_with) == 1:
            kept[index] = _placed_by(event, kept[told_with[0]], geography)
    return [event for index, event in enumerate(kept) if index not in dropped]


# How many sentences after an attack's count of weapons a report of one of them is a part of it.
_PART_WITHIN = 2


def _whole_of(events: list[Event], dropped: set[int], index: int) -> int | None:
    """The attack a report of one of its weapons is part of: "two missiles struck the city" ...
    "one missile landed near a school": an undated report that names no party of its own, of
    one of what an attack just before counted more of."""
    part = events[index]
    if part.type != "strike" or not part.date_inferred or _party_keys(part) or part.another:
        return None
    units = {_singular(c.quantity.unit) for c in part.claims if c.quantity is not None and c.quantity.maximum == 1}
    if not units or None in units:
        return None
    article, sentence = min(_sentences(part))
    for i in range(index - 1, -1, -1):
        whole = events[i]
        if i in dropped or whole.type != part.type:
            continue
        near = any(a == article and 0 < sentence - s <= _PART_WITHIN for a, s in _sentences(whole))
        counted = {_singular(c.quantity.unit) for c in whole.claims
                   if c.quantity is not None and (c.quantity.minimum or 0) > 1}
        if near and units <= counted:
            return i
    return None


def _same_day_attack(events: list[Event], dropped: set[int], index: int, geography: Geography) -> int | None:
    """The attack told before a toll that is not of the article's main attack, on the toll's stated day
    ("the attacks on New York and Washington on September 11, 2001" ... "Nearly 3,000 people died then")."""
    toll = events[index]
    if toll.date_inferred or toll.date is None:
        return None
    return next((i for i in range(index - 1, -1, -1) if i not in dropped and events[i].type == "strike"
                 and not events[i].date_inferred and events[i].date is not None and events[i].date.value == toll.date.value
                 and _compatible(events[i], toll, ("actors", "places"), geography, True)), None)


def _singular(unit: str | None) -> str | None:
    return unit.lower().removesuffix("s") if unit else None


def _placed_by(attack: Event, outcome: Event, geography: Geography) -> Event:
    """The attack put in the town its outcome names, when it names only the region or state
    around it ("a school in the central Gaza Strip" ... "wounded ... in Deir al-Balah"), or only a
    state and the town is one nothing is known of ("a village in Myanmar" ... "in Let Pan Hla village")."""
    towns, areas = _keys(outcome.places), _keys(attack.places)
    if not towns or not areas or not all(any(geography.inside(t, a) for a in areas) for t in towns) \
            and not (areas <= geography.states and all(map(geography.unplaced, towns))):
        return attack
    return replace(attack, **_where(outcome), inferred_roles=tuple(dict.fromkeys((*attack.inferred_roles, "place"))))


# Reports of what an attack led to: they take its parties, place and day.
_OUTCOMES = frozenset({"casualties", "interception"})
# Units of a toll that count no side of their own.
_GENERIC_TOLLS = frozenset({"people", "person", "persons", "lives", "life", "casualties", "fatalities", "deaths",
                            "dead", "killed", "wounded", "injured", "others", "more"})


def _counts_no_side(event: Event) -> bool:
    """Whether a toll counts people of no side it names ("seven people were killed"): its only target, if
    any, is the unnamed victims a word of no side stands for."""
    units = {(claim.quantity.unit or "").lower() for claim in event.claims if claim.quantity is not None}
    generic = _GENERIC_TOLLS | {""}
    return all(m.kind == "agent" and m.text.lower() in generic for m in event.targets) and units <= generic


def _antecedent(events: list[Event], dropped: set[int], index: int, main: int | None,
                geography: Geography, recalled: bool = False) -> int | None:
    """The event a definite report ("the call between Sherman and Schmid") refers back to: the
    nearest earlier one of its type that it contradicts nothing of and shares a party or place
    with, told in the same word if one was, else the article's main event of its type when the
    report contradicts nothing of it.
    A report only ``recalled`` ("since the IS attacks") names no main event to fall back on,
    and must share a party in the same role."""
    report = events[index]
    earlier = [i for i in range(index - 1, -1, -1)
               if i not in dropped and events[i].type == report.type and not events[i].generic]

    def refers_to(i: int) -> bool:
        return _compatible(events[i], report, geography=geography, refers=True) \
            and _shares_with(report, events[i], geography, in_role=recalled) and not _answered_by(report, events[i])

    # "the Iranian missile strike" refers to the strike told before, not to the hostilities told since;
    # the reports in the same word are tried first, since trying one costs more than reading its word
    word = _word(report.trigger)
    worded = next((i for i in earlier if _word(events[i].trigger) == word and refers_to(i)), None)
    if worded is not None:
        return worded
    candidate = next((i for i in earlier if _word(events[i].trigger) != word and refers_to(i)), None)
    if candidate is not None:
        return candidate
    if not recalled and main is not None and main != index and main not in dropped \
            and _compatible(events[main], report, geography=geography, refers=True) and not _answered_by(report, events[main]):
        return main
    return None


def _answered_by(earlier: Event, other: Event) -> bool:
    """Whether ``other`` is the event that answers or follows ``earlier`` in its sentence ("mounted a
    sweep after an attack"): no retelling of it, nor a source of its parties."""
    return earlier.earlier and bool(_sentences(earlier) & _sentences(other))


def _word(trigger: str) -> str:
    """A trigger word in the singular, lower case: "Strikes" -> "strike"."""
    word = trigger.lower()
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _shares_with(report: Event, earlier: Event, geography: Geography, in_role: bool) -> bool:
    """Whether ``report`` names a party or place of ``earlier``; with ``in_role``, a party as actor
    of both or target of both ("Ukrainian troops were advancing" is no retelling of an attack on Ukraine).
    Of a call or meeting, a leader shares the state it names ("the call" Zelenskyy recaps is Trump's
    with the Ukrainian leader)."""
    if _keys(report.places) & _keys(earlier.places):
        return True
    if in_role:
        return bool(_keys(report.actors) & _keys(earlier.actors) or _keys(report.targets) & _keys(earlier.targets))
    if report.type in _SYMMETRIC:
        return bool(_parties(report, geography.country_of) & _party_keys(earlier))
    return bool(_party_keys(report) & _party_keys(earlier))


# Types whose reports take a missing attacker, target or place from the main event:
# a second appeal or meeting in an article is as often another one.
_FILLED_FROM_MAIN = frozenset({"strike", "interception", "casualties"})


def _fill(event: Event, main: Event, roles: tuple[tuple[str, str], ...], geography: Geography,
          dated: bool = False) -> Event:
    """``event`` with the ``roles`` it leaves out taken from ``main``, and said to be inferred; with
    ``dated``, also the day of ``main`` when ``event`` states none."""
    filled = {field: getattr(main, field) for _, field in roles if not getattr(event, field) and getattr(main, field)}
    # "Abu Ali, a commander who led the assault, was killed": the dead are not their own attacker
    if "actors" in filled and _keys(filled["actors"]) & _keys(event.targets):
        del filled["actors"]
    # "Myanmar security forces mounted a sweep": nor are the attackers their own target
    if "targets" in filled:
        filled["targets"] = tuple(m for m in filled["targets"] if m.entity not in _keys(event.actors))
        if not filled["targets"]:
            del filled["targets"]
    if dated and event.date_inferred and not main.date_inferred and main.date is not None:
        event = replace(event, date=main.date)
    places, nearer = _keys(event.places), _keys(main.places)
    if places and nearer and not places & nearer and places <= {geography.country_of.get(k) for k in nearer}:
        filled["places"] = main.places  # "in Syria" after "in Aleppo": Aleppo
    if not filled:
        return event
    named = tuple(role for role, field in roles if field in filled)
    if "places" in filled:
        filled.update(_where(main))
    return replace(event, **filled, inferred_roles=event.inferred_roles + named)

"""Turn a processed spaCy Doc into records. The only module that reads spaCy tokens after the pipeline."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from .nlp.components import DATES, JOURNALISTS, ROLES
from .nlp.events import EVENTS, HYPOTHETICAL
from .nlp.gazetteer import mention_kinds
from .nlp.quantities import unit_text
from .resources import read_json
from .records import (
    COSTED_TYPES, FIGURE_EVENT_TYPES, NEEDS_ACTOR, NEEDS_RECIPIENT_OR_FIGURE, WITHOUT_FIGURE, Article, ArticleFacts,
    Claim, Event, Mention, Provenance, Quantity, Sentence, TimeExpression,
)

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "AGENT"})
# Site and widget names such as "Daily8"; all-capital codes ("M23", "G7") stay.
_BRAND = re.compile(r"^[A-Z]?[a-z]+\d+$")
_NO_LETTERS = re.compile(r"^[^A-Za-zÀ-ÿĀ-ž]*$")
_TRAILING_POSSESSIVE = re.compile(r"(?:['’]s?)$")
_LEADING_ARTICLE = re.compile(r"^[Tt]he\s+")


# "al-Nuri", "el-Sissi", "ad-Dawla": a name written after the Arabic article in lower case
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an)-[A-Z]")


def _plausible_name(text: str, label: str, known: bool = False) -> bool:
    equipment, not_names = _never_actors()
    if text in not_names or text in equipment or label != "NORP" and text.rsplit(" ", 1)[-1] in equipment:
        return False  # "Patriot", "the Ukrainian Patriot": weapons; "State" cut from "Secretary of State"
    if len(text) < 2 or len(text) > 80 or _NO_LETTERS.match(text) or _BRAND.match(text):
        return False
    if any(mark in text for mark in ("http", "@", "/", "|", "\n")):
        return False
    if label == "PERSON" and any(c.isdigit() for c in text):
        return False  # "Leopard 2", "J-16": equipment the small model takes for people
    # a lower-case name is a common word the model took for one, unless the gazetteer knows it ("al-Shabaab")
    # or an Arabic article opens it ("the al-Nuri mosque", "el-Sissi")
    return label in ("NORP", "AGENT") or known or not text[0].islower() or _ARTICLE_PREFIX.match(text) is not None


def _names_a_people(ent: Span) -> bool:
    """ "Rohingya Muslims", "the Yazidis": a plural noun phrase, not a qualifier ("Kurdish fighters")."""
    return ent.root.tag_ in ("NNPS", "NNS") and ent.root.dep_ not in ("amod", "compound", "nmod")


@cache
def _never_actors() -> tuple[frozenset[str], frozenset[str]]:
    """Weapons and vehicles, and office words cut from a title: names that are never actors."""
    table = read_json("gazetteer", "equipment.json")
    return frozenset(table["equipment"]), frozenset(table["not_names"])


def doc_to_facts(doc: Doc, article: Article) -> ArticleFacts:
    """Sentences, actor and place mentions, and dates of one article's Doc (offsets into ``article.text``).

    A mention drops a leading "the" the model took into the name ("the Saratov Oil Refinery").
    """
    sentence_of = {}
    sentences = list(doc.sents)
    for number, sentence in enumerate(sentences):
        for token in sentence:
            sentence_of[token.i] = number
    journalists = {token.i for span in doc.spans.get(JOURNALISTS, []) for token in span}
    roles = {span.start for span in doc.spans.get(ROLES, [])}
    kinds = mention_kinds()

    mentions = []
    by_entity_start: dict[int, Mention] = {}
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        text = _TRAILING_POSSESSIVE.sub("", ent.text).strip() if ent.label_ != "NORP" else ent.text
        article_word = _LEADING_ARTICLE.match(text)
        lead = article_word.end() if article_word else 0
        text = text[lead:]
        gazetteer_id = ent.ent_id_ or None
        # a demonym of no known state is a people when it names one ("Rohingya Muslims fled"), else a qualifier
        if ent.label_ == "NORP" and gazetteer_id is None and not _names_a_people(ent) \
                or not _plausible_name(text, ent.label_, gazetteer_id is not None):
            continue
        if ent.start in journalists:
            kind = "journalist"
        elif ent.start in roles:
            kind = "role"
        elif ent.label_ == "AGENT":
            kind = "agent"
        else:
            kind = kinds.get((gazetteer_id, ent.text), "name") if gazetteer_id else "name"
        mention = Mention(text, ent.label_, ent.start_char + lead, ent.start_char + lead + len(text),
                          sentence_of[ent.start], gazetteer_id, kind)
        mentions.append(mention)
        by_entity_start[ent.start_char] = mention

    dates = [_time(span, sentence_of) for span in doc.spans.get(DATES, [])]
    events = _events(doc, article, by_entity_start, sentences, sentence_of)
    used = {m.sentence for m in mentions} | {d.sentence for d in dates} | {e.claims[0].provenance.sentence for e in events}
    kept = [Sentence(number, *_sentence_text(sentences[number])) for number in sorted(used)]
    return ArticleFacts(article, tuple(kept), tuple(mentions), tuple(dates), events=tuple(events))


def _time(span: Span, sentence_of: dict[int, int]) -> TimeExpression:
    return TimeExpression(span.text, span.start_char, span.end_char, sentence_of[span.start],
                          span._.date_value, span._.date_granularity)


def _sentence_text(span: Span) -> tuple[int, int, str]:
    text = span.text.rstrip()
    lead = len(text) - len(text.lstrip())
    return span.start_char + lead, span.start_char + len(text), text.strip()


def _quantity(span: Span | None) -> Quantity | None:
    if span is None:
        return None
    minimum, maximum = span._.quantity
    return Quantity(minimum, maximum, unit_text(span, span._.unit), span.text, bool(span._.approximate))


_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def _definite(span: Span, told: _EventsTold) -> bool:
    """Whether the trigger is a noun that refers back: "the attack", "Sunday's bombing", "this week's strike",
    or a verb that tells more of one ("the attacks, which targeted his co-workers")."""
    trigger = span.root
    if trigger.dep_ == "relcl" and told.names_an_event(trigger.head):
        trigger = trigger.head
    if trigger.pos_ == "VERB":
        # "The attack targeted a base in Jalalaqsi", "The bombs struck a monastery in Let Pan Hla" after
        # "dropped two bombs": where it was; but "its drones struck a depot" is one more strike, and
        # "the bombing destroyed the market" may be all the article says of it
        subject = next((c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subject is not None and bool(span._.places) \
            and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in subject.children) \
            and (subject.lemma_ in _event_nouns() or told.names_an_event(subject) or told.counted_before(subject))
    return trigger.pos_ in ("NOUN", "PROPN") and any(
        child.dep_ == "poss" or (child.dep_ == "det" and child.lower_ in _DEFINITE) for child in trigger.children)


class _EventsTold:
    """Where a doc's events are told: read once per doc, so that a long article's events do not each
    scan all the others."""

    def __init__(self, doc: Doc) -> None:
        events = doc.spans.get(EVENTS, [])
        self._doc_length = len(doc)
        self._in_triggers = {i for event in events for i in range(event.start, event.end)}
        self._roots = {event.root.i for event in events}
        # for each thing an event counts (its figure's unit, as a lemma), where the first such event ends
        self._counted_ends: dict[str, int] = {}
        for event in events:
            if event._.quantity is not None and event._.quantity._.unit is not None:
                lemma = event._.quantity._.unit.lemma_
                self._counted_ends[lemma] = min(self._counted_ends.get(lemma, event.end), event.end)

    def names_an_event(self, noun: Token) -> bool:
        """Whether a noun is an event's trigger or what one carries out ("carry out the attacks")."""
        return noun.pos_ == "NOUN" and (noun.i in self._in_triggers or noun.dep_ == "dobj" and noun.head.i in self._roots)

    def counted_before(self, noun: Token) -> bool:
        """Whether an earlier event counted what ``noun`` names ("dropped two bombs" ... "the bombs")."""
        return self._counted_ends.get(noun.lemma_, self._doc_length + 1) <= noun.i


def _generic(span: Span) -> bool:
    """Whether the trigger is a plural noun after a preposition that no determiner, possessor,
    figure, party or place picks out: "lives lost in terror attacks"."""
    trigger = span.root
    named = span._.actors or span._.targets or span._.places or span._.quantity is not None
    # as the object of a verb ("kept up strikes on the territory") or its subject, the attacks told of
    return trigger.tag_ in ("NNS", "NNPS") and trigger.dep_ == "pobj" and not named \
        and not any(child.dep_ in ("det", "poss", "nummod") for child in trigger.children)


@cache
def _event_nouns() -> frozenset[str]:
    """Nouns that name an attack ("the attack"): as the subject of a trigger verb, "the" says the
    article told of it before."""
    return frozenset(read_json("events", "lexicons.json")["strike_nouns"])


@cache
def _another_words() -> frozenset[str]:
    return frozenset(read_json("events", "arguments.json")["another_words"])


def _another(span: Span) -> bool:
    """Whether the trigger says it is one more event: "another attack", "launched a second offensive"."""
    nouns = [span.root, *(child for child in span.root.children if child.dep_ == "dobj")]
    return any(child.dep_ in ("det", "amod") and child.lower_ in _another_words()
               for noun in nouns for child in noun.children)


# Types a sentence can report without naming anyone or giving a figure: "heavy fighting resumed on Wednesday".
_UNNAMED_TYPES = frozenset({"strike", "interception"})
_PAST = frozenset({"VBD", "VBN"})
_OPENING = frozenset('"“«')
_CLOSING = frozenset('"”»')


def _reports_itself(span: Span) -> bool:
    """Whether a trigger that names no party, place or figure still reports that the event took place.

    It does in the narrative past, outside quotations: a verb in the past ("was shot in broad
    daylight", "it was government forces who attacked first"), or an attack noun that a verb in
    the past makes happen ("an airstrike collapsed their house", "fighting resumed"). A modifier
    ("acid attack survivors"), the present ("attacks suggest"), a quotation ("they hit us") and
    a verb of perception or prevention ("an explosion was heard", "a plot was foiled") describe,
    argue or quote.
    """
    if span.label_ not in _UNNAMED_TYPES or span._.modality not in (None, "asserted"):
        return False
    trigger = span.root
    if _quoted(trigger):
        return False
    if trigger.pos_ in ("NOUN", "PROPN"):
        if trigger.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "ROOT"):
            return False
        verb = next((t for t in trigger.ancestors if t.pos_ in ("VERB", "AUX")), None)
        return verb is not None and verb.lemma_ not in _unasserting_verbs() and _narrated(verb)
    return trigger.pos_ == "VERB" and _narrated(trigger)


@cache
def _unasserting_verbs() -> frozenset[str]:
    """Verbs that do not say their attack noun happened ("an explosion was heard", "an attack was foiled")."""
    return frozenset(read_json("events", "arguments.json")["unasserting_verbs"])


def _narrated(verb) -> bool:
    """A verb in the past that no modal hedges ("fighting resumed", "were killed"; not "would have hit")."""
    if verb.tag_ not in _PAST or any(child.tag_ == "MD" for child in verb.children):
        return False
    return verb.tag_ == "VBD" or any(child.dep_ in ("aux", "auxpass") for child in verb.children) \
        or verb.dep_ in ("conj", "relcl")


def _quoted(token) -> bool:
    """Whether ``token`` stands inside a quotation of its sentence."""
    before = token.doc[token.sent.start:token.i]
    opened = sum(t.text in _OPENING for t in before) - sum(t.text in _CLOSING and t.text != '"' for t in before)
    straight = sum(t.text == '"' for t in before)
    return opened - straight + straight % 2 > 0 if straight else opened > 0


def _events(doc: Doc, article: Article, by_entity_start: dict[int, Mention], sentences: list[Span],
            sentence_of: dict[int, int]) -> list[Event]:
    """Events whose trigger names at least one participant, place or figure; arguments become mentions."""
    by_offset = {start: m for start, m in by_entity_start.items() if m.kind != "journalist"}
    told = _EventsTold(doc)

    def linked(spans: list[Span] | None) -> tuple[Mention, ...]:
        found = [by_offset[s.start_char] for s in spans or [] if s.start_char in by_offset]
        return tuple(dict.fromkeys(found))

    # An attack whose sentence says what it cost ("an explosion killed five") is a report of
    # it, though it names no party or place.
    tolls = {sentence_of[s.start] for s in doc.spans.get(EVENTS, [])
             if s.label_ == "casualties" and s._.quantity is not None and s._.modality != HYPOTHETICAL}
    events = []
    for span in doc.spans.get(EVENTS, []):
        if span._.modality == HYPOTHETICAL:
            continue  # "if Russia invades": nobody says it happened or will
        actors, targets, places = linked(span._.actors), linked(span._.targets), linked(span._.places)
        quantity = _quantity(span._.quantity)
        if span._.modality == "negated" and quantity is None and span.label_ in FIGURE_EVENT_TYPES:
            if span.label_ == "casualties" and any(c.tag_ == "MD" for c in span.root.children):
                continue  # "rights will never die" foretells no toll
            quantity = Quantity(0, 0, None, "", False)  # "will not send troops": a claim of zero
        kind = span.label_
        if quantity is None and kind in WITHOUT_FIGURE:
            kind = WITHOUT_FIGURE[kind]  # "Russia deployed troops to the border": a mobilisation, but no troop figure
        if (quantity is None and kind in NEEDS_RECIPIENT_OR_FIGURE and not targets) or (kind in NEEDS_ACTOR and not actors):
            continue
        # A figure counting the trigger itself ("several attacks") names no participant.
        counts_itself = span._.quantity is not None and span._.quantity._.unit is not None \
            and span._.quantity._.unit.i == span.start and span.label_ != "casualties"
        definite = _definite(span, told)
        costed = span.label_ in COSTED_TYPES and sentence_of[span.start] in tolls
        named = actors or targets or places or (quantity and not counts_itself)
        if not (named or definite or costed or _reports_itself(span)):
            continue  # "the attack" names nothing, but may refer to an event the article names
        number = sentence_of[span.start]
        start, end, text = _sentence_text(sentences[number])
        claimant_span = span._.claimant
        claimant = by_offset.get(claimant_span.start_char) if claimant_span is not None else None
        if claimant is not None and claimant.end < claimant_span.end_char - 3:
            claimant = None  # "US officials" speak for themselves, not for the United States
        claim = Claim(
            provenance=Provenance(article.id, article.source, number, start, end, text),
            modality=span._.modality or "asserted",
            claimant=claimant,
            claimant_label=None if claimant_span is None else claimant_span.text,
            reporting_verb=span._.reporting_verb,
            quantity=quantity,
        )
        date = _time(span._.date, sentence_of) if span._.date is not None and span._.date._.date_value else None
        # News reports undated events as of the day it is published, or of the day a source spoke
        # of them; the date then says it is inferred.
        inferred = date is None and article.published is not None or date is not None and span._.date_reported
        if date is None and inferred:
            date = TimeExpression("", start, start, number, article.published.isoformat(), "day")
        confidence = span._.confidence * (1.0 if actors else 0.8) * (1.0 if claim.modality == "asserted" else 0.9)
        identity = f"{article.id}:{span.start_char}:{kind}".encode()
        event = Event(
            id=hashlib.sha256(identity).hexdigest()[:20],
            type=kind,
            trigger=span.text,
            actors=actors,
            targets=targets,
            places=places,
            date=date,
            claims=(claim,),
            confidence=round(confidence, 3),
            date_inferred=inferred,
            cameo=span._.cameo,
            category=span._.category,
            mode=span._.mode,
            about=span._.about,
            definite=definite,
            another=_another(span),
            earlier=span._.earlier,
            demand=span._.demand,
            generic=_generic(span),
            place_scope=span._.place_scope if places else "at",
            places_around=tuple(m for m in linked(span._.places_around) if m not in places),
        )
        events += _one_call_each(event) if span.label_ == "call" and span.root.tag_ == "NNS" else [event]
    return events


def _one_call_each(event: Event) -> list[Event]:
    """ "held back-to-back phone conversations with the Russian and Ukrainian leaders": a call with each."""
    if len(event.targets) < 2:
        return [event]
    return [replace(event, id=hashlib.sha256(f"{event.id}:{target.start}".encode()).hexdigest()[:20], targets=(target,))
            for target in event.targets]

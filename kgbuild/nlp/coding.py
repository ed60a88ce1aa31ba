"""PLOVER coding: the category and mode of each event trigger, from ``ontology/events/categories.json``.

Each kgbuild event type is one of PLOVER's sixteen categories (``call`` and ``meeting`` are
CONSULT, ``strike`` ASSAULT, ``protest`` PROTEST ...). A type that always has one mode says so
(a ``call`` is CONSULT by phone); otherwise the mode is the first of the category's modes with
a word in the trigger's own clause ("an air strike": aerial; "killed in a car bombing":
explosives); the modes are listed most telling first ("gunmen kidnapped": abduct, not
firearms). An event its source only threatens is a THREATEN event, whatever it threatens
("vowed to strike back": THREATEN, violence).
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .events import EVENTS

THREATEN = "THREATEN"


# Dependencies that lead out of the event's own clause: to another clause, or to the next item of a list.
_OTHER_CLAUSES = frozenset({"relcl", "ccomp", "conj", "advcl", "acl", "parataxis", "cc", "punct", "mark", "appos"})
_DEPTH = 4


class _TriggersOtherThan(Container[int]):
    """The token indices of triggers of another type than ``label``, looked up rather than listed:
    a set per event would make a long article's coding quadratic."""

    def __init__(self, triggers: dict[int, str], label: str) -> None:
        self.triggers, self.label = triggers, label

    def __contains__(self, index: object) -> bool:
        return self.triggers.get(index, self.label) != self.label  # type: ignore[call-overload]


def _nearby(trigger: Token, others: Container[int]) -> list[Token]:
    """The words of the trigger's own clause, four steps down at most: another event's trigger word counts
    ("urged Myanmar to release prisoners": yield) but not what it governs. A noun trigger's clause is that
    of the verb it is the subject or object of ("hacked 20 farmers to death with machetes"); a noun
    compounded into a noun also has its head."""
    start = trigger
    if trigger.pos_ in ("NOUN", "PROPN"):
        verb = next((a for a in list(trigger.ancestors)[:2] if a.pos_ == "VERB"), None)
        if verb is not None and verb.i not in others:
            start = verb
    words, frontier = [start], [start]
    for _ in range(_DEPTH):
        frontier = [child for word in frontier if word.i not in others or word.i == trigger.i
                    for child in word.children if child.dep_ not in _OTHER_CLAUSES]
        words += frontier
    if trigger.dep_ in ("compound", "amod"):
        words.append(trigger.head)
    return words


class EventCoding:
    """Write each event span's PLOVER category and mode to ``span._.category`` and ``span._.mode``."""

    def __init__(self) -> None:
        self.types: dict[str, dict[str, Any]] = {}
        self.mode_words: dict[str, list[tuple[str, frozenset[str]]]] = {}
        self.threatened: dict[str, str] = {}

    def initialize(self, get_examples: Callable[[], Iterable[Any]], *, nlp: Language | None = None,
                   categories: dict[str, Any] | None = None) -> None:
        categories = categories or {}
        self.types = categories.get("types", {})
        self.mode_words = {name: [(mode, frozenset(words)) for mode, words in spec.get("mode_words", {}).items()]
                           for name, spec in categories.get("categories", {}).items()}
        self.threatened = categories.get("threatened", {})

    def mode(self, category: str, trigger: Token, others: Container[int] = ()) -> str | None:
        """The first mode of ``category`` a word of the trigger's clause names; a mode word may be two, a
        word and the one it modifies ("chemical weapon")."""
        nearby = _nearby(trigger, others)
        names = {w.lemma_.lower() for w in nearby} | {w.lower_ for w in nearby} \
            | {f"{w.lemma_.lower()} {w.head.lemma_.lower()}" for w in nearby}
        return next((mode for mode, words in self.mode_words.get(category, ()) if names & words), None)

    def code(self, span: Span, others: Container[int]) -> tuple[str, str | None]:
        """The category and mode of one event span; ``others`` are the other events' triggers."""
        kind = self.types[span.label_]
        if span._.modality == "threatened":
            return THREATEN, self.mode(THREATEN, span.root, others) or self.threatened.get(span.label_)
        return kind["category"], kind.get("mode") or self.mode(kind["category"], span.root, others)

    def __call__(self, doc: Doc) -> Doc:
        spans = doc.spans.get(EVENTS, [])
        triggers = {span.root.i: span.label_ for span in spans}
        for span in spans:
            # what another type's trigger governs is that event's ("killed in a rocket attack on a school")
            span._.category, span._.mode = self.code(span, _TriggersOtherThan(triggers, span.label_))
        # "killing three people" in a sentence that tells the drone strike: its toll is the strike's
        first_modes: dict[tuple[int, str], str] = {}
        sentences = {span.start: span.sent.start for span in spans}
        for span in spans:
            if span._.mode:
                first_modes.setdefault((sentences[span.start], span._.category), span._.mode)
        for span in spans:
            if span._.mode is None:
                span._.mode = first_modes.get((sentences[span.start], span._.category))
        return doc

"""Attribution: who says an event happened, with which verb, and how surely.

:class:`Attribution` follows ``ontology/events/attribution.json``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..records import is_caption
from .arguments import dated_later, named_last, sentence_start
from .components import entities_in, entities_within, entity_at
from .events import EVENTS, HYPOTHETICAL, expand_lexicons

# "No casualties were reported" states a figure of zero, not a negated event.
_ZERO_NOUNS = frozenset({"casualty", "death", "fatality", "injury", "one", "damage"})
_SPEAKER_LABELS = frozenset({"ORG", "GPE", "PERSON", "NORP"})
# Prepositions that make a noun the setting of a verb, not what it intends ("agreed in a call").
_SETTING_PREPOSITIONS = frozenset({"in", "during", "at", "on", "over", "via", "through", "by"})
# Where a verb without a subject of its own says what its governing clause's subject does.
_CONTROLLED = frozenset({"advcl", "xcomp", "pcomp", "prep", "acomp"})
# Conjunctions that tie a clause to another by time, not by intention.
_TEMPORAL_MARKS = frozenset({"before", "after", "when", "while", "as", "since", "until", "once"})
_OPENING_QUOTES = frozenset({"“", '"', "‘", "«"})
_CLOSING_QUOTES = frozenset({"”", '"', "’", "»"})


def _governing_verb(token: Token) -> Token:
    """``token`` if it is a verb, else the nearest verb above it ("must provide the share of aid" -> provide)."""
    for node in (token, *token.ancestors):
        if node.pos_ in ("VERB", "AUX"):
            return node
    return token


def _possessive_pronoun(noun: Token) -> Token | None:
    return next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her")), None)


def _ancestors_within(token: Token, stop: Token | None) -> Iterator[Token]:
    for ancestor in token.ancestors:
        if stop is not None and ancestor.i == stop.i:
            return
        yield ancestor


class _Claimants:
    """An article's claimant phrases and organisations, indexed once per doc so that finding what
    a pronoun or a title stands for scans no more than its neighbourhood."""

    def __init__(self, phrases: list[Span], organisations: list[Span]) -> None:
        order = sorted(range(len(phrases)), key=lambda i: phrases[i].start)
        self._phrases = phrases
        self._by_start = order
        self._starts = [phrases[i].start for i in order]
        # a word -> where the names that hold it start -> those names, claimants before organisations
        self._naming: dict[str, dict[int, list[Span]]] = {}
        for phrase in phrases:
            if any(t.pos_ == "PROPN" for t in phrase):
                for word in {t.lemma_.lower() for t in phrase}:
                    self._naming.setdefault(word, {}).setdefault(phrase.start, []).append(phrase)
        for organisation in organisations:
            self._naming.setdefault(organisation.root.lemma_.lower(), {}).setdefault(organisation.start, []).append(organisation)
        self._naming_starts = {word: sorted(at) for word, at in self._naming.items()}

    def starting_within(self, start: int, end: int) -> list[Span]:
        """The claimant phrases that start in ``[start, end)``, in the order the claims were read."""
        low, high = bisect_left(self._starts, start), bisect_left(self._starts, end)
        return [self._phrases[i] for i in sorted(self._by_start[low:high])]

    def nearest_naming(self, word: str, at: int, accept: Callable[[Span], bool]) -> Span | None:
        """The name ``accept`` takes of those holding ``word`` (a claimant with a proper noun, or an
        organisation whose head it is) nearest before ``at``, else nearest after it."""
        starts, naming = self._naming_starts.get(word, []), self._naming.get(word, {})
        split = bisect_right(starts, at)
        for index in chain(range(split - 1, -1, -1), range(split, len(starts))):
            found = next((name for name in naming[starts[index]] if accept(name)), None)
            if found is not None:
                return found
        return None


class Attribution:
    """Set each event's claimant, reporting verb and modality (``attribution.json``)."""

    def __init__(self) -> None:
        self.rules: dict[str, Any] = {}

    def initialize(self, get_examples: Callable[[], Iterable[Any]], *, nlp: Language | None = None,
                   rules: dict[str, Any] | None = None, lexicons: dict[str, Any] | None = None) -> None:
        rules = expand_lexicons(rules or {}, lexicons or {})
        self.rules = {
            "verbs": frozenset(rules["reporting_verbs"]),
            "according": [tuple(p) for p in rules["according_to"]],
            "persons": frozenset(rules["pronouns"]["person"]),
            "groups": frozenset(rules["pronouns"]["group"]),
            "documents": frozenset(rules.get("document_nouns", ())),
            "group_nouns": frozenset(rules.get("group_nouns", ())),
            "modality": rules["modality"],
            "precedence": rules["precedence"],
            "hypothetical": {key: frozenset(words) for key, words in rules.get("hypothetical", {}).items()},
            "speakers_pronouns": frozenset(rules["pronouns"]["group"]) | frozenset(rules["pronouns"]["person"]),
            "obligation": frozenset(rules.get("obligation", {}).get("auxiliaries", ())),
            "speaker_acts": frozenset(rules.get("speaker_acts", ())),
        }

    def _reports(self, token: Token) -> bool:
        """Whether ``token`` is a reporting verb ("said", "told", "claimed")."""
        return token.lemma_ in self.rules["verbs"] and token.pos_ == "VERB"

    def _reporting_verb(self, trigger: Token) -> Token | None:
        child = trigger
        # "A photo shows Malik and Farook, who died in a gunbattle": a picture, no source
        pictured = is_caption(trigger.sent.text)
        for ancestor in trigger.ancestors:
            if pictured and ancestor.lemma_ == "show":
                return None
            # "which Malik confirmed just before she opened fire": said before it, so not of it
            when = child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "before" for c in child.children)
            if self._reports(ancestor) and child.dep_ not in ("nsubj", "nsubjpass", "csubj") and not when:
                return ancestor
            child = ancestor
        for node in (trigger, *trigger.ancestors):
            for c in node.children:
                if c.dep_ in ("parataxis", "advcl", "conj") and self._reports(c) and c.i > trigger.i:
                    if any(s.dep_ == "nsubj" for s in c.children):
                        return c
        return None

    @staticmethod
    def _dates_report(trigger: Token, reporting: Token | None, date: Span | None) -> bool:
        """Whether ``date`` is when the report was made ("killed five, police said on Monday";
        "the governor, speaking on Tuesday, said ..."), so not the event's own day."""
        if reporting is None or date is None:
            return False
        # the clause the report states: the child of the reporting verb the trigger hangs under
        clause = next((t for t in (trigger, *trigger.ancestors) if t.head.i == reporting.i and t.i != reporting.i), trigger)
        return date.root.i in {t.i for t in reporting.subtree} - {t.i for t in clause.subtree}

    def _according_to(self, sentence: Span) -> Token | None:
        words = [t.lower_ for t in sentence]
        for phrase in self.rules["according"]:
            for i in range(len(words) - len(phrase) + 1):
                if tuple(words[i : i + len(phrase)]) == phrase:
                    last = sentence[i + len(phrase) - 1]
                    objects = [c for c in last.children if c.dep_ in ("pobj", "dobj")]
                    if not objects and i + len(phrase) < len(sentence):
                        objects = [t for t in sentence[i + len(phrase):] if t.pos_ in ("NOUN", "PROPN")][:1]
                    if objects:
                        return objects[0]
        return None

    def _headline_source(self, sentence: Span) -> Span | None:
        """ "US puts troops on alert: Pentagon" — a source named after a final colon."""
        tokens = [t for t in sentence if not t.is_space]
        for i in range(len(tokens) - 1, max(len(tokens) - 6, 0), -1):
            if tokens[i].text == ":":
                rest = [t for t in tokens[i + 1:] if not t.is_punct]
                ents = [e for e in entities_within(sentence) if e.start > tokens[i].i and e.label_ in ("ORG", "PERSON", "GPE")]
                if ents and rest and all(ents[0].start <= t.i < ents[0].end for t in rest):
                    return ents[0]
        return None

    def claimant_phrase(self, token: Token) -> Span:
        """The name or noun phrase of who speaks: an entity, or "the Ukrainian air force", "US officials"."""
        doc = token.doc
        ent = entity_at(token)
        if ent is not None and ent.label_ in ("PERSON", "ORG", "GPE", "FAC"):
            return ent
        if token.lower_ in self.rules["persons"]:
            for ent in reversed(entities_in(doc, 0, token.i)):
                if ent.label_ == "PERSON" and ent.start not in self._journalists(doc):
                    return ent
        left = [c for c in token.lefts if c.dep_ in ("amod", "compound", "poss", "nmod", "case", "nummod")]
        start = min([token.i] + [t.i for c in left for t in c.subtree])
        return doc[start : token.i + 1]

    @staticmethod
    def _journalists(doc: Doc) -> set[int]:
        return {span.start for span in doc.spans.get("journalists", [])}

    def _modality(self, trigger: Token, reporting: Token | None) -> str:
        found: set[str] = set()
        modality = self.rules["modality"]
        path = [trigger, *_ancestors_within(trigger, reporting)]
        for position, node in enumerate(path):
            # the active subject of "claim", "threaten" or "plan" is who does it, not what is claimed:
            # "attacks have claimed 400 lives", "the offensive aims to cut the road"
            # nor is a verb the event is only the setting of: "agreed in a telephone call"
            below = path[position - 1] if position > 0 else None
            if below is not None and below.dep_ not in ("nsubj", "csubj") \
                    and not (below.dep_ == "prep" and below.lower_ in _SETTING_PREPOSITIONS):
                for name, cues in modality.items():
                    if node.lemma_ in cues.get("verbs", ()):
                        found.add(name)
            for child in node.children:
                word = child.lower_
                if position == 0 and child.dep_ in ("nsubj", "nsubjpass") and word in modality["negated"].get("subjects", ()):
                    found.add("negated")  # "nobody was hurt in the attack": the hurt, not the attack
                if child.dep_ == "neg" or (word in modality["negated"].get("words", ()) and child.dep_ in ("det", "advmod", "preconj")):
                    if node.lemma_ in modality["negated"].get("affirming", ()) and child.dep_ == "det":
                        continue  # "there is no doubt that the regime is responsible": said the more surely
                    if not (position == 0 and child.dep_ == "det" and trigger.ent_type_ == ""
                            and trigger.pos_ == "NOUN" and node.i == trigger.i and trigger.lemma_ in _ZERO_NOUNS):
                        found.add("negated")
                if child.dep_ in ("aux", "auxpass"):
                    for name in ("planned", "possible"):
                        if word in modality[name].get("auxiliaries", ()):
                            found.add(name)
                if child.dep_ in ("advmod", "amod", "npadvmod", "acomp", "attr") or child.dep_ == "aux":
                    for name, cues in modality.items():
                        if word in cues.get("words", ()) and name != "negated":
                            found.add(name)
            if node.dep_ in ("ccomp", "parataxis") and node is not trigger and position > 0:
                break
            if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _TEMPORAL_MARKS for c in node.children):
                break  # "vowed revenge after militants attacked": the attack is no plan of the vow
        if reporting is not None:
            for name, cues in modality.items():
                if reporting.lemma_ in cues.get("verbs", ()) and name in ("denied", "claimed", "threatened"):
                    found.add(name)
            if any(c.dep_ == "auxpass" for c in reporting.children) and reporting.lemma_ == "report":
                found.add("reported")
        for name in self.rules["precedence"]:
            if name in found:
                return name
        return "asserted"

    def _hypothetical(self, trigger: Token, reporting: Token | None) -> bool:
        """ "if Russia invades", "a possible invasion", "fears of an attack", "Will Russia invade?" """
        cues = self.rules["hypothetical"]
        if trigger.sent.text.rstrip().endswith("?"):
            return True
        if any(c.dep_ in ("amod", "det") and c.lower_ in cues.get("modifiers", ()) for c in trigger.children):
            return True
        head = trigger.head
        if trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubj", "nsubjpass") and any(
                c.dep_ == "aux" and c.lower_ in cues.get("modals", ()) for c in head.children):
            return True  # "a Russian invasion would be disastrous"
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else head
        if verb.tag_ in ("VBZ", "VBP") and any(c.dep_ == "advmod" and c.lower_ in cues.get("habitual", ())
                                               for c in verb.children):
            return True  # "suspects usually kill themselves before capture": what happens, not what happened
        start = trigger.left_edge.i
        if any(start >= 2 and trigger.doc[start - 2:start].text.lower() == words for words in cues.get("alternatives", ())):
            return True  # "rather than building new brigades": what was not done
        if self._topic_of_talks(trigger):
            return True  # "discussed further military aid", "discussed the issue of supplying aid"
        if self._indirect_question(trigger):
            return True  # "is planning what support the United States can provide"
        if trigger.pos_ == "VERB" and trigger.dep_ in ("advcl", "acl", "xcomp") and head.lemma_ not in cues.get("control_verbs", ()) \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
            return True  # "drones to strike deep in Russia": a purpose, not a report
        for node in (trigger, *_ancestors_within(trigger, reporting)):
            if any(c.dep_ == "mark" and c.lower_ in cues.get("marks", ()) for c in node.children):
                return True
            if node is not trigger and node.lemma_ in cues.get("heads", ()) and node.pos_ == "NOUN":
                return True
        return False

    def _topic_of_talks(self, trigger: Token) -> bool:
        # "the issue of terrorist groups targeting neighbours": the verb qualifies a noun of the topic
        node = trigger.head if trigger.dep_ == "acl" and trigger.head.dep_ == "pobj" else trigger
        if node.dep_ == "dobj" and node.head.tag_ == "VBG" and node.head.dep_ in ("pobj", "pcomp"):
            node = node.head  # "the issue of supplying military aid": the aid supplying would give
        while node.dep_ in ("pobj", "pcomp", "prep", "compound", "amod", "conj") and node.head.pos_ != "VERB":
            node = node.head
        if node.dep_ in ("pobj", "pcomp") and node.head.dep_ == "prep":
            node = node.head
        if node is not trigger and node.dep_ == "prep":
            node = node.head  # "the issue of supplying aid" -> issue
        cues = self.rules["hypothetical"]
        if node.head.lemma_ == "address" and node.lemma_ in cues.get("venues", ()):
            return False  # "addresses a meeting of the Security Council": speaks at it
        return node.dep_ in ("dobj", "nsubjpass") and node.head.lemma_ in cues.get("topics", ())

    def _indirect_question(self, trigger: Token) -> bool:
        verb = _governing_verb(trigger)
        if verb.dep_ not in ("ccomp", "xcomp", "pcomp", "dobj"):
            return False
        clause = [c for c in verb.children] + [g for c in verb.children if c.dep_ in ("dobj", "nsubj") for g in c.children]
        asks = any(t.tag_ in ("WDT", "WP") and t.lower_ in ("what", "which", "who", "whom") for t in clause)
        unsure = any(c.dep_ == "aux" and (c.lower_ == "to" or c.lower_ in self.rules["hypothetical"].get("modals", ()))
                     for c in verb.children)
        return asks and unsure

    def _speaker_as_party(self, event: Span, reporting: str | None, claimant: Span | None) -> None:
        """ "Ukraine said it launched 117 drones": a pronoun subject is the speaker; so is the owner in
        "the RSF said the army had struck its positions", and whoever downed what an air force
        says was intercepted ("the air force said 114 of them were intercepted")."""
        if reporting is None or claimant is None or claimant.label_ not in _SPEAKER_LABELS:
            return
        trigger = event.root
        subjects = [c for c in trigger.children if c.dep_ == "nsubj"]
        if not event._.actors:
            pronoun = subjects[0] if subjects and subjects[0].lower_ in self.rules["speakers_pronouns"] else None
            if subjects and pronoun is None:
                # "their drones struck": the possessive pronoun stands for the speaker
                pronoun = _possessive_pronoun(subjects[0])
            if pronoun is not None or event.label_ in self.rules["speaker_acts"]:
                event._.actors = [claimant]
        elif not event._.targets and event.label_ == "strike":
            objects = [c for c in trigger.children if c.dep_ == "dobj"]
            if objects and _possessive_pronoun(objects[0]) is not None \
                    and (claimant.start, claimant.end) not in {(a.start, a.end) for a in event._.actors}:
                event._.targets = [claimant]

    def _as_appeal(self, event: Span, claimant: Span | None) -> Span:
        """ "Europe must provide aid, said Hegseth": the speaker's appeal to the subject, not aid."""
        trigger = event.root
        verb = _governing_verb(trigger)
        if claimant is None or not any(c.dep_ == "aux" and c.lower_ in self.rules["obligation"] for c in verb.children):
            return event
        addressees = event._.actors
        # Span extensions are stored by character offsets, so the appeal shares the event's values.
        appeal = Span(event.doc, event.start, event.end, label="appeal")
        appeal._.actors = [claimant] if claimant.label_ in _SPEAKER_LABELS else []
        appeal._.targets, appeal._.places, appeal._.quantity = addressees, [], None
        return appeal

    def __call__(self, doc: Doc) -> Doc:
        events = []
        for event in doc.spans.get(EVENTS, []):
            trigger = event.root
            reporting = self._reporting_verb(trigger)
            claimant: Span | None = None
            if reporting is not None:
                speaker = self._speaker(reporting)
                if speaker is not None:
                    claimant = self.claimant_phrase(speaker)
            if claimant is None:
                source = self._according_to(trigger.sent)
                if source is not None:
                    claimant = self.claimant_phrase(source)
                else:
                    claimant = self._headline_source(trigger.sent) or self._quote_speaker(trigger.sent)
            event = self._as_appeal(event, claimant)
            event._.claimant = claimant
            event._.reporting_verb = reporting.lemma_ if reporting is not None else None
            event._.date_reported = self._dates_report(trigger, reporting, event._.date) \
                or event._.date is not None and dated_later(trigger, event._.date)
            event._.modality = HYPOTHETICAL if self._hypothetical(trigger, reporting) else self._modality(trigger, reporting)
            events.append(event)
        phrases = [e._.claimant for e in events if e._.claimant is not None]
        # Read once: each read of doc.ents makes a Span of every entity, and a long article has
        # hundreds of claims.
        claimants = _Claimants(phrases, [e for e in doc.ents if e.label_ == "ORG"] if phrases else [])
        for event in events:
            if event._.claimant is not None:
                event._.claimant = self._antecedent(event._.claimant, claimants) or event._.claimant
            self._speaker_as_party(event, event._.reporting_verb, event._.claimant)
        doc.spans[EVENTS] = events
        return doc

    def _quote_speaker(self, sentence: Span) -> Span | None:
        """ "“It is Russia, who has tens of thousands of troops on the border.”" — a quotation that runs on
        from an attributed one speaks for the same person."""
        if sentence.text.lstrip()[:1] not in _OPENING_QUOTES:
            return None
        doc = sentence.doc
        earlier = sentence
        for _ in range(4):
            if earlier.start == 0:
                return None
            earlier = doc[earlier.start - 1].sent
            if not any(t.text in _OPENING_QUOTES or t.text in _CLOSING_QUOTES for t in earlier):
                return None  # the quotation ended before
            for token in earlier:
                speaker = self._speaker(token) if self._reports(token) else None
                if speaker is not None:
                    return self.claimant_phrase(speaker)
        return None

    @staticmethod
    def _speaker(reporting: Token) -> Token | None:
        """The subject of a reporting verb; in "..., Russia's Defence Ministry said" the parse may hang it elsewhere."""
        subjects = [c for c in reporting.children if c.dep_ == "nsubj"]
        if not subjects and reporting.dep_ == "conj":
            # "The RSF denied the accusation and said ...": the subject the verbs share
            subjects = [c for c in reporting.head.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects[0]
        node = reporting
        # "Russia blamed the rebels, saying they attacked": who blamed says so; so in "officials said
        # they were close to confirming that ..."
        while node.dep_ in _CONTROLLED and node.tag_ != "VBN" and node.head.i != node.i:
            node = node.head
            subjects = [c for c in node.children if c.dep_ == "nsubj"]
            if not subjects and node.dep_ == "conj":
                # "Russia blamed the rebels for breaking the truce agreed to on Tuesday, saying": the parse
                # may join the participle's verb to the subject's as a conjunct
                subjects = [c for c in node.head.children if c.dep_ == "nsubj"]
            if subjects and subjects[0].pos_ == "PRON" and node.dep_ == "ccomp":
                # "officials told VOA they were close to confirming": they are the officials
                outer = [c for c in node.head.children if c.dep_ == "nsubj"]
                return (outer or subjects)[0]
            if subjects:
                return subjects[0]
        before = reporting.doc[reporting.i - 1] if reporting.i > reporting.sent.start else None
        if before is not None and before.ent_type_ in _SPEAKER_LABELS:
            return before
        return None

    def _antecedent(self, phrase: Span, claimants: _Claimants) -> Span | None:
        """What a pronoun or a bare title stands for: "It said" -> Ukraine; "the city's mayor" -> "Kharkiv Mayor Ihor Terekhov".

        A pronoun takes the nearest earlier claimant of its kind, else the nearest earlier subject
        that names a party (within three sentences); a title takes a claimant or organisation
        named by the same word elsewhere in the article.
        """
        if phrase.label_ in _SPEAKER_LABELS:
            return None
        root = phrase.root
        doc = phrase.doc
        if root.lower_ in self.rules["groups"] and len(phrase) == 1:
            window = doc[sentence_start(phrase, 3):phrase.start]
            earlier = [c for c in claimants.starting_within(window.start, phrase.start) if c.end <= phrase.start
                       and c.root.lower_ not in self.rules["speakers_pronouns"] and c.label_ != "PERSON"]
            if earlier:
                return earlier[-1]
            subjects = [e for e in entities_within(window) if e.label_ in ("ORG", "GPE") and e.root.dep_ in ("nsubj", "nsubjpass", "poss")]
            return subjects[-1] if subjects else None
        if root.pos_ != "NOUN" or not any(c.lower_ == "the" or c.dep_ == "poss" for c in root.children):
            return None
        word = root.lemma_.lower()
        if word in self.rules["documents"]:
            return self._author(phrase)
        if word in self.rules["group_nouns"] and root.tag_ == "NN":
            # "The Arakan Army said ... The group said": the organisation named last
            return named_last(phrase, 2, lambda ent: ent.label_ == "ORG")
        # "the fire service" is no intelligence service: every modifier must recur in the name
        modifiers = {c.lower_ for c in root.children if c.dep_ in ("compound", "amod")}
        return claimants.nearest_naming(word, phrase.start, lambda c: c.root.i != root.i
                                        and modifiers <= {t.lower_ for t in c})

    @staticmethod
    def _author(phrase: Span) -> Span | None:
        """Who released the document "the report" refers to: the named subject of the latest verb
        before it that took such a document as object ("Amnesty International released a report"),
        or the name it was last called by ("the Amnesty report")."""
        doc, word = phrase.doc, phrase.root.lemma_.lower()
        for token in reversed(doc[:phrase.start]):
            if token.lemma_.lower() != word:
                continue
            # "the Amnesty report said ...", "Amnesty's report"
            subjects = [c for c in token.children if c.dep_ in ("compound", "poss")]
            if token.dep_ == "dobj":
                subjects += [c for c in token.head.children if c.dep_ == "nsubj"]
            authors = [e for s in subjects for e in doc.ents
                       if e.start <= s.i < e.end and e.label_ in ("ORG", "PERSON", "GPE")]
            if authors:
                return authors[0]
        return None


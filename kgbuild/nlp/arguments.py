"""Event arguments: who acts, on whom, where, when and how many, read from the dependency parse.

:class:`EventArguments` follows the paths and word lists of ``ontology/events/arguments.json``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..records import is_caption, is_photo_date
from .components import DATES, bracket_inside, entities_in, entities_within, entity_at, set_entities
from .events import EVENTS, expand_lexicons
from .quantities import QUANTITIES

# "$currency" in a unit list admits any figure in money.
_CURRENCY = "__currency__"
_PEOPLE = "people"
# How far back (in tokens, a few sentences) "the army" looks for the army it names.
_ANTECEDENT_WINDOW = 150
# How far after a count its victims are named: "22 people, including two children".
_VICTIMS_WINDOW = 7
# Prepositions that name part of what a figure counts.
_PART_PREPS = frozenset({"including", "among"})
# Words that open a phrase naming who a count was: "including children", "most of them students".
_PART_WORDS = _PART_PREPS | frozenset({"mostly", "mainly", "most", "many", "all", "some", "half", "both"})
# Where an attack's setting is said: what it hit and where ("at the entrance to the terminal of the airport").
_SETTING_DEPS = frozenset({"dobj", "prep", "pobj", "conj", "nsubjpass", "compound", "amod"})


# Words that put the event before the clause they attach it to ("... after enduring a week of violence").
_BEFORE_THEN = frozenset({"after", "following"})
_BY_AGENT = [("prep", frozenset({"by"})), ("pobj", None)]


def _steps(path: list[str]) -> list[tuple[str, frozenset[str] | None]]:
    steps = []
    for step in path:
        dep, _, words = step.partition(":")
        steps.append((dep, frozenset(words.split("|")) if words else None))
    return steps


def follow(token: Token, path: list[tuple[str, frozenset[str] | None]]) -> list[Token]:
    """Tokens reached from ``token`` by a dependency path such as ``[("prep", {"with"}), ("pobj", None)]``."""
    frontier = [token]
    for dep, words in path:
        frontier = [child for t in frontier for child in t.children
                    if child.dep_ == dep and (words is None or child.lower_ in words)
                    and (dep != "relcl" or _relative_clause(child))]
    return frontier


def dated_later(trigger: Token, date: Span) -> bool:
    """Whether ``date`` is the day of a clause the event came before, which bounds the event's day
    but is not it: "met on Monday after the attack", "beginning a new week Monday after enduring two
    shootings". A caption's date is when its photo was taken, which merging reads as such."""
    if is_caption(trigger.sent.text):
        return False
    for node in trigger.ancestors:
        if node.lower_ in _BEFORE_THEN and node.dep_ in ("prep", "mark"):
            return date.root.i not in {t.i for t in node.subtree}
    return False


def sentence_start(token: Token | Span, back: int) -> int:
    """Where the sentence ``back`` sentences before ``token``'s own starts (the article's first, at most)."""
    sentence = token.sent
    for _ in range(back):
        if sentence.start == 0:
            break
        sentence = token.doc[sentence.start - 1].sent
    return sentence.start


def named_last(at: Token | Span, back: int, accept: Callable[[Span], bool]) -> Span | None:
    """The last entity ``accept`` takes of those named before ``at``, in its sentence or the ``back`` before it."""
    start, end = sentence_start(at, back), at.start if isinstance(at, Span) else at.i
    found = [ent for ent in entities_in(at.doc, start, end) if accept(ent)]
    return found[-1] if found else None


def _by_sentence(spans: Iterable[Span]) -> dict[int, list[Span]]:
    """``spans`` grouped by where their sentence starts, in the order given: read once per doc, so that
    what each trigger asks of its sentence costs no scan of the article."""
    grouped: dict[int, list[Span]] = {}
    for span in spans:
        grouped.setdefault(span.sent.start, []).append(span)
    return grouped


def _then(trigger: Token, dates_by_sentence: dict[int, list[Span]]) -> Span | None:
    """ "... on September 11, 2001. Nearly 3,000 people died then": the last day the sentence before named."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    if not any(c.dep_ == "advmod" and c.lower_ == "then" for c in verb.children) or trigger.sent.start == 0:
        return None
    before = trigger.doc[trigger.sent.start - 1].sent.start
    dated = [span for span in dates_by_sentence.get(before, []) if span._.date_value]
    return dated[-1] if dated else None


def _venue_of(noun: Token, gatherings: set[int]) -> bool:
    """Whether a meeting noun is where another meeting of its sentence was held ("met at the summit",
    "talks on the sidelines of the summit")."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("at", "of"):
        return False
    holder = noun.head.head
    if holder.lower_ == "sidelines" and holder.dep_ == "pobj":
        holder = holder.head.head
    # "met Biden at the summit": the parse may hang the venue on the one met
    return any(i in gatherings and i != noun.i for i in (holder.i, holder.head.i))


def _mark_victims(word: Token) -> Span:
    """``word`` written onto the doc as the unnamed party of a toll's victims."""
    doc = word.doc
    victims = Span(doc, word.i, word.i + 1, label="AGENT")
    set_entities(doc, sorted([*doc.ents, victims], key=lambda span: span.start))
    return victims


def _passive_participle(verb: Token) -> bool:
    """ "a drone shot down by an American jet", "villages shelled overnight": a participle that
    qualifies what it was done to."""
    if verb.tag_ != "VBN":
        return False
    # the parse may take the noun for the subject: "that a drone shot down by a jet was operated by ..."
    return verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") or any(c.dep_ == "agent" for c in verb.children)


def _past_conjunct(noun: Token, reached: Token) -> bool:
    """Whether ``reached`` follows a conjunct of ``noun`` whose phrase it more likely belongs to:
    "the talks and officials from the agency" are not talks from the agency."""
    return any(c.dep_ == "conj" and noun.i < c.i < reached.i for c in noun.children)


def _names_trigger(party: Span, triggers: dict[int, str]) -> bool:
    """Whether the model took a capitalised trigger for a name ("Strikes and shelling killed four");
    gunmen and forces that are a trigger ("security forces killed 1,000") are parties still."""
    return party.label_ != "AGENT" and any(token.i in triggers for token in party)


def _relative_clause(verb: Token) -> bool:
    """Whether a clause the parser hangs on a noun as relative is one: its opening "that" or
    "which" belongs to its own verb ("the call that Trump made", "the talks at which they met").
    "told him in a phone call that Moscow would have to respond" is what was told."""
    opening = verb.doc[verb.left_edge.i]
    if opening.tag_ not in ("WDT", "WP", "WP$", "WRB"):
        return True
    noun = verb.head
    if opening.lower_ == "that" and noun.dep_ == "pobj" and noun.head.head.lemma_ in _TELLING_VERBS:
        return False  # "told Putin in a phone call that Israel would act": what was told in it
    holder = opening.head.head if opening.head.dep_ == "prep" or opening.dep_ == "poss" else opening.head
    return holder.i == verb.i


# Verbs whose "that" clause, hung by the parser on the call or statement they were spoken in, is what was said.
_TELLING_VERBS = frozenset({"tell", "say", "warn", "assure", "inform", "stress", "add", "note", "confirm"})


# Where a gerund stands for a noun ("shelling by the rebels killed six"): read it as one.
_NOUN_POSITIONS = frozenset({"nsubj", "csubj", "nsubjpass", "dobj", "pobj", "attr", "appos"})


# What a subject pronoun can stand for.
_PRONOUN_KINDS = {"he": "person", "she": "person", "they": "plural", "it": "body",
                  "his": "person", "her": "person", "their": "plural", "its": "body"}


def _phrase_head(ent: Span) -> Token:
    """The noun a name heads or qualifies ("Syrian" -> "forces" in "Syrian forces")."""
    root = ent.root
    return root.head if root.dep_ in ("amod", "compound", "poss", "nmod") and root.head.pos_ == "NOUN" else root


def _agrees(ent: Span, kind: str) -> bool:
    head = _phrase_head(ent)
    if kind == "person":
        return ent.label_ == "PERSON"
    if kind == "plural":
        return head.tag_ in ("NNS", "NNPS")
    if kind == "collective":
        return ent.label_ in ("ORG", "GPE", "NORP", "AGENT")
    return ent.label_ in ("ORG", "GPE", "NORP") and head.tag_ not in ("NNS", "NNPS")  # "it": a body or state


def _subject_agrees(noun: Token, kind: str) -> bool:
    """Whether a clause subject can be what a pronoun of ``kind`` stands for."""
    if kind == "person":
        return noun.ent_type_ == "PERSON" or noun.pos_ == "NOUN" and noun.tag_ == "NN" and not noun.ent_type_
    if kind == "plural":
        return noun.tag_ in ("NNS", "NNPS")
    return noun.ent_type_ in ("ORG", "GPE", "NORP") and noun.tag_ not in ("NNS", "NNPS")


def _reaches(figure: Token, verb: Token) -> bool:
    """Whether a figure is what ``verb`` says its subject came to: "climbed to 72", "stood at 40", "reached 31"."""
    if figure.dep_ in ("dobj", "attr") and figure.head.i == verb.i:
        return True
    preposition = figure.head
    return figure.dep_ == "pobj" and preposition.lower_ in ("to", "at") and preposition.head.i == verb.i


# How many tokens the regions in brackets after a town run to: "(Kramatorsk raion, Donetsk oblast)".
_BRACKET_WINDOW = 12


def _bracket_after(span: Span) -> range:
    """The token indices inside the brackets that open just after ``span`` ("Motyzhyn (Bucha raion,
    Kyiv)"), closed within the sentence; empty when none do."""
    return bracket_inside(span.doc, span.end, min(span.end + _BRACKET_WINDOW, span.sent.end))


def _bracketed_regions(sentence: Span) -> dict[tuple[int, int], Span]:
    """Each place named in brackets after a town, as incident notes write them ("Brovary (Kyiv)",
    "Lyman (Kramatorsk raion, Donetsk)") -> the town."""
    if "(" not in sentence.text:
        return {}
    places = [ent for ent in entities_within(sentence) if ent.label_ in ("GPE", "LOC", "FAC")]
    towns = {}
    for town in places:
        inside = _bracket_after(town)
        for region in places:
            if region.start in inside and region.end - 1 in inside:
                towns[(region.start, region.end)] = town
    return towns


def _names_someone(noun: Token) -> bool:
    return bool(noun.ent_type_) or noun.pos_ == "PRON" or any(
        c.ent_type_ for c in noun.children if c.dep_ in ("compound", "amod", "poss"))


def _after_dateline(subject: Token) -> Token:
    """The subject a dateline the parse took for one stands before: "SRINAGAR, India — Militants
    ... attacked", parsed with the town as subject and the militants in apposition after the dash."""
    if subject.i != subject.sent.start or not subject.ent_type_:
        return subject
    dash = next((t for t in subject.sent if t.text in ("—", "–", "-", "--") and t.i < subject.i + 8), None)
    after = [c for c in subject.children if c.dep_ == "appos" and dash is not None and c.i > dash.i]
    return after[0] if after else subject


def _own_clauses(token: Token) -> Iterator[Token]:
    """The ancestors whose places can place ``token``'s event: up to a clause that describes a noun
    ("the soldiers killed in an attack on a border post", not the funeral the sentence is about)."""
    for node in (token, *token.ancestors):
        if node is not token:
            yield node
        if node.dep_ in ("acl", "relcl"):
            yield node.head  # "the attacks in Tehran that killed 17": the noun the clause describes
            return


# How many words before a toll an attack may stand and still be the one that caused it.
_NEAR_ATTACK = 8


# Types whose parties act together, so that "their meeting" is the meeting of those the sentence names.
_TOGETHER = frozenset({"meeting", "call"})


def _gerund_as_noun(trigger: Token) -> bool:
    # "strikes and shelling by Russian forces": a gerund joined to a noun is one too
    in_noun_position = trigger.dep_ in _NOUN_POSITIONS or trigger.dep_ == "conj" and trigger.head.pos_ == "NOUN"
    return trigger.tag_ == "VBG" and in_noun_position \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in trigger.children)


def _take_places(event: Span, source: Span) -> None:
    """``event`` happened where ``source`` did, as near and among the same places."""
    event._.places, event._.place_scope, event._.places_around = source._.places, source._.place_scope, source._.places_around


class EventArguments:
    """Fill each trigger's actors, targets, places, date and quantity from the parse (``arguments.json``)."""

    def __init__(self) -> None:
        self.rules: dict[str, Any] = {}
        self.is_region: Callable[[str], bool] = lambda name: False

    def initialize(self, get_examples: Callable[[], Iterable[Any]], *, nlp: Language | None = None,
                   rules: dict[str, Any] | None = None, lexicons: dict[str, Any] | None = None,
                   states: list[str] | None = None, agents: dict[str, Any] | None = None,
                   names: dict[str, Any] | None = None, regions: Callable[[str], bool] | None = None) -> None:
        self.is_region = regions or self.is_region
        data = dict(rules or {})
        lexicons = {**(lexicons or {}), "currency": [_CURRENCY]}
        units = expand_lexicons(data.pop("quantity_units", {}), lexicons)
        rules = expand_lexicons(data, lexicons)
        self.rules = {
            "actor": {kind: [_steps(p) for p in paths] for kind, paths in rules["actor"].items()},
            "target": {kind: [_steps(p) for p in paths] for kind, paths in rules["target"].items()},
            "light_verbs": frozenset(rules["light_verbs"]),
            "place_preps": frozenset(rules["place_preps"]),
            "near_preps": frozenset(rules.get("near_preps", ())),
            "region_nouns": frozenset(rules.get("region_nouns", ())),
            "place_labels": frozenset(rules["place_labels"]),
            "party_labels": frozenset(rules["party_labels"]),
            "entity_labels": frozenset(rules["party_labels"]) | frozenset(rules["place_labels"]),
            "carriers": frozenset(rules["weapon_carriers"]),
            "units": {kind: frozenset(words) for kind, words in units.items()},
            "subject_is_target": {kind: frozenset(words) for kind, words in rules.get("subject_is_target", {}).items()},
            "through_prep": frozenset(rules.get("participants_through_prep", ())),
            "speech_types": frozenset(rules.get("speech_types", ())),
            "lending_types": frozenset(rules.get("lending_types", ())),
            "placed_by_participants": frozenset(rules.get("placed_by_participants", ())),
            "partitives": frozenset(rules.get("partitive_nouns", ())),
            "crowd_nouns": frozenset(rules.get("crowd_nouns", ())),
            "sites": frozenset(rules.get("site_nouns", ())),
            "media": frozenset(rules.get("media_words", ())),
            "destination_is_place": frozenset(rules.get("destination_is_place", ())),
            "visit_verbs": frozenset(rules.get("visit_verbs", ())),
            "individual_nouns": frozenset(rules.get("individual_nouns", ())),
            "venue_nouns": frozenset(rules.get("venue_nouns", ())),
            "travel_verbs": frozenset(rules.get("travel_verbs", ())),
            "receiving_verbs": frozenset(rules.get("receiving_verbs", ())),
            "group_nouns": frozenset(rules.get("group_nouns", ())),
            "participation_nouns": frozenset(rules.get("participation_nouns", ())),
            "sequence_preps": frozenset(rules.get("sequence_preps", ())),
            "answer_words": frozenset(rules.get("answer_words", ())),
            "border_nouns": frozenset(rules.get("border_nouns", ())),
            "ally_preps": frozenset(rules.get("ally_preps", ())),
            "opposing_preps": frozenset(rules.get("opposing_preps", ())),
            "reciprocal": frozenset(rules.get("reciprocal_words", ())),
            "people_words": frozenset(rules.get("people_words", ())),
            "commemorations": {key: frozenset(words) for key, words in rules.get("commemorations", {}).items()},
            "responsibility": {key: frozenset(words) for key, words in rules.get("responsibility", {}).items()},
            "count_owner": dict(rules.get("count_owner", {})),
            "demonym_places": frozenset(rules.get("demonym_places", ())) | frozenset(rules.get("site_nouns", ())),
            "place_nouns": frozenset(rules.get("place_nouns", ())),
            "bare_figures": {kind: frozenset(deps) for kind, deps in rules.get("bare_figures", {}).items()},
            "harm_verbs": frozenset(rules.get("harm_verbs", ())),
            "defence_verbs": frozenset(rules.get("defence_verbs", ())),
            "states": frozenset(states or ()),
            "generic_tolls": frozenset((agents or {}).get("tolls", ())),
            "agent_nouns": frozenset((agents or {}).get("agents", ())),
            "victim_words": frozenset(word for word, code in (agents or {}).get("agents", {}).items()
                                      if code in (agents or {}).get("victims", ())),
            "water": frozenset((names or {}).get("water_words", ())),
            "organisation_heads": frozenset((names or {}).get("organisation_heads", ())),
            "district_nouns": frozenset(rules.get("district_nouns", ())),
            "civilian_settings": frozenset(rules.get("civilian_settings", ())),
            "military_settings": frozenset(rules.get("military_settings", ())),
        }

    # -- entities -------------------------------------------------------------

    def _entity_at(self, token: Token) -> Span | None:
        return entity_at(token) if token.ent_type_ in self.rules["entity_labels"] else None

    def _is_state(self, ent: Span) -> bool:
        return ent.label_ == "NORP" or ent.ent_id_ in self.rules["states"]

    def is_place(self, ent: Span) -> bool:
        """A place where things happen rather than a party: a city, region or site, not a state."""
        return (ent.label_ in self.rules["place_labels"] or self.is_site(ent)) and not self._is_state(ent)

    def is_site(self, ent: Span) -> bool:
        """A named installation ("the Saratov Oil Refinery", "Engels Airbase"), whatever label the model gave it."""
        return ent.root.lemma_.lower() in self.rules["sites"] or ent.root.lower_ in self.rules["sites"]

    def is_media(self, ent: Span) -> bool:
        """A news outlet ("Anadolu Agency", "Reuters"): an interviewer, not a party to a call."""
        return ent.label_ == "ORG" and any(t.text in self.rules["media"] for t in ent)

    def stand_in(self, trigger: Token) -> Token:
        """The noun a trigger is counted by ("a series of meetings", "the share of aid") or the trigger itself."""
        if trigger.dep_ == "compound" and trigger.head.pos_ == "NOUN":
            trigger = trigger.head  # "an emergency aid package"
        while trigger.dep_ == "pobj" and trigger.head.lower_ in ("of", "in") and self._counts(trigger.head.head):
            trigger = trigger.head.head  # "a series of meetings", "500 million euros in military aid"
        return trigger

    def _counts(self, noun: Token) -> bool:
        return noun.lemma_ in self.rules["partitives"] or noun.like_num or any(
            c.dep_ in ("nummod", "quantmod") for c in noun.children)

    def _of_one_person(self, demonym: Token) -> bool:
        """Whether ``demonym`` only says where one person is from ("the Pakistani native")."""
        return demonym.dep_ == "amod" and demonym.head.lemma_.lower() in self.rules["individual_nouns"]

    def phrase_entities(self, token: Token) -> list[Span]:
        """The named parties a noun phrase stands for: itself, its demonym or possessor, and its conjuncts.

        "Russian air defences" -> Russian; "Ukraine's forces" -> Ukraine; "Russia and
        Ukraine" -> both; "delegations from Russia and Ukraine", "fighters of the RSF" -> them.
        """
        found: list[Span] = []
        for head in (token, *token.conjuncts):
            head = self._counted(head)
            ent = self._entity_at(head)
            # "the PDF said its fighters had attacked", "the Houthis said five of their fighters were killed":
            # the fighters are the party the pronoun stands for
            if ent is not None and ent.label_ == "AGENT" or ent is None and head.lemma_.lower() in self.rules["agent_nouns"]:
                owner = next((stood_for for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"
                              for stood_for in [self._antecedent(c)] if stood_for), [])
                if owner:
                    found += owner
                    continue
            if ent is not None:
                # "militants from the Islamic State": the named party, not the unnamed one
                found.append((self._named_by_preposition(head) if ent.label_ == "AGENT" else None) or ent)
                # "President Donald Trump and Russian President Vladimir Putin", which the parse may hang
                # on the second name or its title, coordinated
                names = [name for child in head.children for name in (child, *child.children)
                         if name.dep_ in ("appos", "conj", "nmod") and any(c.dep_ == "cc" for c in name.children)]
                found += [other for name in names
                          if (other := self._entity_at(name)) is not None and other.label_ in ("PERSON", "ORG", "GPE")]
                continue
            if head.pos_ == "PRON":
                continue
            described = self._entity_at(head.head) if head.dep_ == "appos" else None
            if described is not None and described.label_ in ("PERSON", "ORG"):
                # "Syed Farook, the husband ... who died", "Abu Ali, a commander who led the assault":
                # the description is of the one it is set beside
                found += self.phrase_entities(head.head)
                continue
            person = self._titled_person(head)
            if person is not None:
                found.append(person)
                continue
            for child in head.children:
                candidates = []
                if child.dep_ == "amod" and self._of_one_person(child):
                    continue  # "the Pakistani native": one person, not Pakistan
                if child.dep_ in ("poss", "compound", "amod", "nmod"):
                    candidates = [child, *child.conjuncts]  # "Russian and Ukrainian officials"
                elif child.dep_ == "prep" and child.lower_ in ("of", "from", "by") and (
                        head.lemma_ in self.rules["carriers"] | {"delegation", "delegations"}
                        or head.lower_ in self.rules["agent_nouns"]):  # "fighters from Hayat Tahrir al-Sham"
                    candidates = [c for c in child.children if c.dep_ == "pobj"]
                    candidates += [c for cand in candidates for c in cand.conjuncts]
                elif child.dep_ == "appos":
                    candidates = [child]
                for candidate in candidates:
                    ent = self._entity_at(candidate)
                    if ent is not None and ent.label_ in self.rules["party_labels"]:
                        found.append(ent)
                    elif ent is None and child.dep_ == "prep" and candidate.pos_ == "NOUN":
                        # "a strike by Russian forces": the forces' demonym
                        found += [e for e in self._entities(
                            c for c in candidate.children if c.dep_ in ("amod", "compound", "poss"))
                            if e.label_ in self.rules["party_labels"]]
        unique: dict[tuple[int, int], Span] = {}
        for ent in found:
            unique.setdefault((ent.start, ent.end), ent)
        return list(unique.values())

    def _counted(self, noun: Token) -> Token:
        """Who a crowd word counts ("hundreds of students", "a group of gunmen"), else ``noun``."""
        while noun.lemma_.lower() in self.rules["crowd_nouns"] and self._entity_at(noun) is None:
            of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if counted is None:
                break
            noun = counted
        return noun

    def _named_by_preposition(self, noun: Token) -> Span | None:
        """The named party an unnamed one is said to be of or from ("fighters of the RSF")."""
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "from")):
            for ent in self._entities(c for c in prep.children if c.dep_ == "pobj"):
                if ent.label_ in self.rules["party_labels"] and ent.label_ != "AGENT" and not self.is_place(ent):
                    return ent
        return None

    def _named_before(self, noun: Token) -> list[Span]:
        """ "the army had struck": the party the article last named with that noun ("the Sudanese army");
        "the group said it had fired": the organisation named last, in its sentence or the two before."""
        if not any(c.lower_ == "the" for c in noun.children):
            return []
        if noun.lemma_ in self.rules["group_nouns"] and noun.tag_ == "NN" and not any(
                c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):  # not "the group of soldiers"
            body = named_last(noun, 2, lambda ent: ent.label_ == "ORG" and not self.is_media(ent))
            return [body] if body is not None else []
        if noun.lemma_ not in self.rules["carriers"]:
            return []
        doc = noun.doc
        for token in reversed(doc[max(0, noun.i - _ANTECEDENT_WINDOW):noun.i]):
            if token.lemma_ == noun.lemma_ and token.pos_ == "NOUN":
                found = self.phrase_entities(token)
                if found:
                    return found
        return []

    def _placed_in(self, ent: Span, noun: Token) -> bool:
        """Whether ``ent`` is a town that ``noun`` is qualified by: where, not who ("the Kashmir attack")."""
        return self.is_place(ent) and ent.root.dep_ in ("compound", "nmod", "amod") and ent.root.head.i == noun.i

    def _antecedent(self, pronoun: Token) -> list[Span]:
        """The party a subject pronoun stands for ("Syrian forces walk in Aleppo after they captured
        it"; "Russia blamed the rebels, saying they attacked"): the nearest clause subject before
        it that agrees with it in person and number, in its sentence, else in the one before;
        failing a subject, the nearest party named that agrees. A subject that agrees but names no
        party ("a suspect ... told them he had shot Ley") stands for nobody known."""
        word = pronoun.lower_
        if pronoun.pos_ != "PRON" or word not in _PRONOUN_KINDS:
            return []
        kind = _PRONOUN_KINDS[word]
        doc, sentence = pronoun.doc, pronoun.sent
        before = sentence.start - 1
        scopes = [(sentence.start, pronoun.i)]
        if before >= 0 and word != "it":  # "it" so far back is as often the plan, the bill or the war
            scopes.append((doc[before].sent.start, before + 1))
        for start, end in scopes:
            for token in reversed(doc[start:end]):
                if token.dep_ not in ("nsubj", "nsubjpass") or token.i == pronoun.i or token.tag_ == "PRP":
                    continue
                noun = token.head.head if token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl" else token
                # "The group said it had fired": a body the article named before
                named = self._named_before(noun) if kind == "body" else []
                if named or _subject_agrees(noun, kind):
                    return self.phrase_entities(noun) or named or self._described(noun, kind)
            found: dict[int, Span] = {}
            for token in doc[start:end]:
                ent = self._entity_at(token)
                if ent is not None and ent.label_ in self.rules["party_labels"] and ent.start not in found:
                    found[ent.start] = ent
            fitting = [ent for ent in found.values()
                       if _agrees(ent, kind) or kind == "person" and self._person_like(ent)] or (
                [ent for ent in found.values() if _agrees(ent, "collective")] if kind == "plural" else [])
            if fitting:
                return self.phrase_entities(_phrase_head(fitting[-1]))
        return []

    def _person_like(self, ent: Span) -> bool:
        """Whether an organisation the gazetteer does not know is a person's name the model mislabelled
        ("Nikki Haley"): two or three capitalised names, none a word organisations are named with."""
        return ent.label_ == "ORG" and not ent.ent_id_ and 2 <= len(ent) <= 3 and all(
            t.pos_ == "PROPN" and t.is_title and t.text not in self.rules["organisation_heads"] for t in ent)

    def _described(self, noun: Token, kind: str) -> list[Span]:
        """The person a definite description stands for: "Tashfeen Malik, which the Pakistani native
        confirmed": the last person named before it, in its sentence or the one before. "A suspect"
        is someone new."""
        if kind != "person" or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
            return []
        # the model takes some unfamiliar names for organisations; one the gazetteer knows is one
        person = named_last(noun, 1, lambda ent: ent.label_ == "PERSON" or ent.label_ == "ORG" and not ent.ent_id_)
        return [person] if person is not None else []

    def _titled_person(self, head: Token) -> Span | None:
        """ "Ukraine's armed forces commander in chief Valeriy Zaluzhnyi": the person a title names."""
        if head.lemma_ not in self.rules["carriers"]:
            return None
        for token in head.subtree:
            node, linked = token, True
            while node.i != head.i and linked:
                linked = node.dep_ in ("appos", "pobj", "compound", "flat", "amod") or (node.dep_ == "prep" and node.lower_ in ("in", "of"))
                node = node.head
            ent = self._entity_at(token) if linked and token.i != head.i else None
            if ent is not None and ent.label_ == "PERSON":
                return ent
        return None

    # -- roles ----------------------------------------------------------------

    def _clause_subject(self, verb: Token) -> Token | None:
        """The subject of ``verb``, borrowed from the governing verb for "continued to strike", conjuncts and relative clauses."""
        raised = False
        for _ in range(4):
            # "officials are set to meet": the passive subject of the governing verb meets
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj") or (raised and c.dep_ == "nsubjpass")]
            if subjects:
                # of two subjects the parse gives one verb, the nearest that names someone: "KANO,
                # Nigeria — Three suicide bombers struck" (a dateline), "A gunman armed with a rifle
                # and a handgun opened fire" (a weapon)
                subject = min(subjects, key=lambda s: (not _names_someone(s), abs(verb.i - s.i)))
                if subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                    return verb.head
                return _after_dateline(subject)
            passive_agents = follow(verb, [("agent", None), ("pobj", None)])
            if passive_agents:
                return passive_agents[0]
            if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
                # "accused Russia of shelling Kharkiv", "thanked Japan for sending aid": whom the verb
                # holds to it did it; but "told reporters after finishing a video conference": the speaker
                held = next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)
                if held is not None and verb.head.lower_ in ("of", "for") and verb.head.head.pos_ == "VERB":
                    return held
                verb = verb.head.head
                continue
            setting = verb.head
            if verb.dep_ == "conj" and setting.dep_ == "relcl" and verb.tag_ != setting.tag_ \
                    and any(c.tag_ == "WRB" for c in setting.children):
                # "walked into the shop where Ley was drinking coffee and shot him": the parse hangs the
                # sentence's next verb on the clause that describes the place
                noun = setting.head
                governor = noun.head.head if noun.dep_ == "pobj" else noun.head
                if governor.pos_ == "VERB" and governor.i != verb.i:
                    verb = governor
                    continue
            if verb.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acl") and verb.head.i != verb.i:
                if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
                    return None
                # "what led the pair to carry out the attacks": the pair did; but "ordered its troops
                # to attack" is told of whoever ordered
                controller = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
                if verb.dep_ == "xcomp" and controller is not None \
                        and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in controller.children):
                    return controller
                raised = verb.dep_ == "xcomp"
                verb = verb.head
                continue
            return None
        return None

    def _actors(self, trigger: Token, kind: str) -> list[Span]:
        rules = self.rules["actor"]
        if trigger.pos_ in ("VERB", "AUX") and not _gerund_as_noun(trigger):
            if any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children) or _passive_participle(trigger):
                # Passive: only a "by" agent acts ("drones launched by Russia").
                return self._entities(t for path in rules["verb"][1:] for t in follow(trigger, path))
            subject = self._clause_subject(trigger)
            if subject is None:
                return []
            named = [e for e in self.phrase_entities(subject) if not self._placed_in(e, subject)] \
                or self._named_before(subject)
            # a pronoun stands for a party in the narrative past ("after they captured the area"), not
            # in plans, habits or quotations ("it is preparing to attack", "they hit us")
            return named or (self._antecedent(subject) if trigger.tag_ in ("VBD", "VBN") else [])
        itself = self._entity_at(trigger)
        if itself is not None and itself.label_ == "AGENT":
            return [itself]  # "gunmen killed three farmers": the attackers are the trigger
        joint = [t for path in rules["joint"] for t in follow(trigger, path)]
        if not joint and trigger.dep_ == "nsubj" and trigger.head.pos_ == "VERB":
            # "fighting broke out between the army and the RSF", "clashes took place between ..."
            joint = [t for path in rules["joint"] for t in follow(trigger.head, path)]
        own = self._entities(joint) + self._entities([t for path in rules["noun"] for t in follow(trigger, path)
                                                      if not _past_conjunct(trigger, t)])
        # "the Trump-Putin call": names compounded into the trigger; but a town compounded into it is
        # where it happened ("the New York City blasts", "the Kashmir attack")
        own = [e for e in own if not self._placed_in(e, trigger)]
        if not own:
            # "strikes and shelling by Russian forces": the agent of the last conjunct is all of theirs
            own = self._entities(t for c in trigger.children if c.dep_ == "conj" for t in follow(c, _BY_AGENT))
        if own:
            return own
        held = self._held_responsible(trigger)
        if held:
            return held
        if kind in _TOGETHER and any(c.dep_ == "poss" and c.lower_ == "their" for c in trigger.children):
            return self._people_of_sentence(trigger)  # "X is shown out by Y after their meeting": X and Y
        has_counterpart = bool(self._targets(trigger, kind, []) or self._addressed(trigger))
        trigger = self.stand_in(trigger)
        head = trigger.head
        verb = head
        if trigger.dep_ == "pobj" and head.dep_ == "prep":
            verb = head.head
            if verb.dep_ == "dobj" and verb.lemma_ in self.rules["participation_nouns"]:
                verb = verb.head  # "took part in a ground operation", "played a role in the talks"
            # "said after a call with Y" is Y's call with the speaker; "urged restraint
            # following the assault" says nothing of who attacked, nor "said in between the calls".
            if verb.lemma_ not in self.rules["light_verbs"] and head.head.lemma_ not in self.rules["participation_nouns"] \
                    and (kind not in self.rules["through_prep"] or not has_counterpart):
                # "Obama and Putin agreed in a telephone conversation": parties that act together
                subject = self._clause_subject(verb) if kind in self.rules["through_prep"] else None
                together = self.phrase_entities(subject) if subject is not None and subject.conjuncts else []
                return together if len(together) > 1 else []
        # "launched an offensive", "held talks": the subject of the light verb acts;
        # "called the strike significant" says nothing of who struck.
        if verb.lemma_ in self.rules["light_verbs"] or trigger.dep_ == "pobj":
            if verb.pos_ in ("VERB", "AUX") and trigger.dep_ != "nsubj" \
                    and not (trigger.dep_ == "pobj" and head.lower_ in self.rules["sequence_preps"] and kind not in _TOGETHER) \
                    and not (trigger.dep_ == "pobj" and head.lower_ in self.rules["opposing_preps"]):
                subject = self._clause_subject(verb)
                if subject is not None and subject.i != trigger.i:
                    # "as she addresses a meeting": a pronoun stands for whom it tells of
                    return self.phrase_entities(subject) or self._antecedent(subject)
        return []

    def _held_responsible(self, trigger: Token) -> list[Span]:
        """Who is said to have done what the noun names: "Islamic State claimed responsibility for the
        attack", "the regime is responsible for this attack", "the Taliban were behind the attack". A
        denial of responsibility names no one; blame ("the army blamed the RSF for the shelling") is an
        accusation, which each side makes of the other, so it names no actor either."""
        if trigger.dep_ != "pobj":
            return []
        preposition, holder = trigger.head, trigger.head.head
        rules = self.rules["responsibility"]
        if preposition.lower_ == "for" and holder.lemma_ in rules["nouns"] and holder.dep_ == "dobj":
            verb = holder.head  # "claimed responsibility for"
            if verb.lemma_ in rules["disowning_verbs"] or any(c.dep_ == "neg" for c in verb.children):
                return []
        elif preposition.lower_ == "for" and holder.lemma_ in rules["adjectives"] and holder.dep_ == "acomp" \
                or preposition.lower_ in rules["prepositions"] and holder.lemma_ == "be":
            verb = holder.head if holder.dep_ == "acomp" else holder  # "is responsible for", "were behind"
            if any(c.dep_ == "neg" for c in verb.children):
                return []
        else:
            return []
        subject = self._clause_subject(verb)
        return (self.phrase_entities(subject) or self._antecedent(subject)) if subject is not None else []

    def _destination(self, trigger: Token) -> list[Span]:
        """Where a traveller went for talks: "traveled to Moscow for talks with Putin", "will travel to
        Washington to meet Biden" -> Moscow, Washington."""
        if trigger.head.lower_ == "for" and trigger.head.head.lemma_ in self.rules["travel_verbs"]:
            travel = trigger.head.head
        elif trigger.dep_ in ("advcl", "xcomp") and trigger.head.lemma_ in self.rules["travel_verbs"]:
            travel = trigger.head
        else:
            return []
        goes_to = [c for c in travel.children if c.dep_ == "prep" and c.lower_ == "to"]
        return [e for e in self._entities(c for to in goes_to for c in to.children if c.dep_ == "pobj")
                if e.label_ in self.rules["place_labels"]]

    def _people_of_sentence(self, trigger: Token) -> list[Span]:
        """The people and bodies the sentence names outside the trigger's phrase, when at least two."""
        inside = {t.i for t in trigger.subtree}
        people = [e for e in entities_within(trigger.sent) if e.label_ in ("PERSON", "ORG") and e.root.i not in inside]
        return people if len(people) > 1 else []

    def _entities(self, tokens: Iterable[Token]) -> list[Span]:
        found: list[Span] = []
        for token in tokens:
            found += self.phrase_entities(token)
        return found

    def _targets(self, trigger: Token, kind: str, actors: list[Span]) -> list[Span]:
        taken = {(a.start, a.end) for a in actors}
        found = []
        stand_in = self.stand_in(trigger)
        # "pledged $500 million in military aid to Ukraine": the light verb carries the recipient
        carrier = stand_in.head if stand_in.dep_ == "dobj" and stand_in.head.lemma_ in self.rules["light_verbs"] else None
        if stand_in.dep_ == "pobj" and stand_in.head.lower_ == "with" and stand_in.head.head.pos_ == "VERB" and kind == "aid":
            # "will provide Ukraine with 100 million euros in aid": the verb's object receives it
            found = [e for e in self._entities(c for c in stand_in.head.head.children if c.dep_ == "dobj")
                     if (e.start, e.end) not in taken and e.label_ in self.rules["party_labels"]]
            if found:
                return found
        for path in self.rules["target"].get(kind, []):
            reached = follow(trigger, path) or (follow(stand_in, path) if stand_in.i != trigger.i else [])
            if path == [("nsubjpass", None)] and _passive_participle(trigger):
                # "a drone shot down by a jet": the drone
                # "the mosque was bombed by IS": the passive subject, which the parse may call the subject
                reached = [trigger.head] if trigger.dep_ == "acl" \
                    else [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not reached and carrier is not None and path[0][0] == "prep":
                reached = follow(carrier, path)
            # "a car bomb on Syria's border with Jordan": a border is where, not whom
            reached = [t for t in reached if t.lemma_ not in self.rules["border_nouns"] or kind == "troop_figure"]
            for ent in self._entities(reached):
                if self.is_media(ent):
                    continue  # "speaking to Anadolu Agency" is an interview
                if (ent.start, ent.end) not in taken:
                    found.append(ent)
                    taken.add((ent.start, ent.end))
            if found:
                break
        if not found and kind in _TOGETHER and stand_in.dep_ == "dobj" and stand_in.head.lemma_ in self.rules["receiving_verbs"]:
            # "Sisi received a phone call from King Salman": the one called
            subject = self._clause_subject(stand_in.head)
            found = [e for e in self.phrase_entities(subject) if (e.start, e.end) not in taken] if subject else []
        if not found and kind in self.rules["through_prep"]:
            found = [e for e in self._addressees(trigger) if (e.start, e.end) not in taken]
        if not found and trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "dobj" \
                and trigger.head.lemma_ in self.rules["defence_verbs"]:
            # "Ukrainian forces repelled an assault by Russian marines": the defenders were attacked
            subject = self._clause_subject(trigger.head)
            found = [e for e in self.phrase_entities(subject) if (e.start, e.end) not in taken] if subject else []
        if not found and trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "nsubj" \
                and trigger.head.lemma_ in self.rules["harm_verbs"]:
            # "a car bomb killed six Jordanian troops": whom the attack harmed
            found = [e for e in self._entities(c for c in trigger.head.children if c.dep_ == "dobj")
                     if (e.start, e.end) not in taken]
        return found

    @staticmethod
    def _addressed(trigger: Token) -> list[Token]:
        """ "Zelenskyy told Michel in a telephone conversation": the object of the verb a noun trigger sits under."""
        if trigger.dep_ != "pobj" or trigger.head.dep_ != "prep" or trigger.head.head.pos_ != "VERB":
            return []
        return [c for c in trigger.head.head.children if c.dep_ in ("dobj", "dative", "iobj")]

    def _addressees(self, trigger: Token) -> list[Span]:
        return [e for token in self._addressed(trigger) for e in self.phrase_entities(token) or self._speaker_told(token)]

    def _speaker_told(self, pronoun: Token) -> list[Span]:
        """ "Trump said Putin told him in a call": "him" is whoever reports being told."""
        if pronoun.lower_ not in ("him", "her") or pronoun.head.dep_ != "ccomp":
            return []
        speaker = next((c for c in pronoun.head.head.children if c.dep_ == "nsubj"), None)
        return self.phrase_entities(speaker) if speaker is not None and _subject_agrees(speaker, "person") else []

    def _interview(self, trigger: Token, kind: str) -> bool:
        """A call whose only counterpart is a news outlet ("speaking to Anadolu Agency")."""
        if kind != "call":
            return False
        reached = [t for path in self.rules["target"]["call"] for t in follow(trigger, path)]
        parties = self._entities(reached)
        return bool(parties) and all(self.is_media(p) for p in parties)

    def _places(self, trigger: Token, taken: set[tuple[int, int]],
                gatherings: bool = False) -> tuple[list[Span], str, list[Span]]:
        """Where the event happened; how the text puts it there: "at" the place, "near" it
        ("near Avdiivka"), in the "region" it names ("in the Krasnodar region") or only "from"
        where it was launched ("fired from Gaza"); and the other places the clause gives around
        it ("a village in the Donetsk region"). Of ``gatherings``, a body they met at ("at the
        White House") when no town is named."""
        # "launched an offensive ... from the town of X": the light verb's clause is the noun's
        scope = self.stand_in(trigger)
        if scope.dep_ in ("dobj", "nsubjpass") and scope.head.lemma_ in self.rules["light_verbs"]:
            scope = scope.head
        elif scope.dep_ in ("nsubj", "nsubjpass") and scope.pos_ in ("NOUN", "PROPN") and scope.head.pos_ == "VERB":
            scope = scope.head  # "gunmen killed three men in the village of X", "an IED went off in X": the verb's clause
        subtree_depth = {t.i: len(list(t.ancestors)) for t in scope.subtree}
        anchors = {trigger.i, scope.i} | {t.i for t in _own_clauses(scope)}
        scored, venues = [], []
        for ent in entities_within(trigger.sent):
            root = ent.root
            if root.head.i in _bracket_after(ent):
                root = root.head  # "the village of Motyzhyn (Bucha raion, Kyiv)", parsed as Motyzhyn under "raion"
            elif root.dep_ == "appos" and root.head.pos_ == "NOUN" and ent.label_ in self.rules["place_labels"]:
                root = root.head  # "near the capital, Amman": where the noun it names stands
            head = root.head
            named_place = head.lower_ == "of" and head.head.lemma_ in self.rules["place_nouns"]  # "the town of Makhnovka"
            if (ent.start, ent.end) not in taken and (
                    head.lower_ == "of" and head.head.lower_ in self.rules["venue_nouns"] and head.head.i in subtree_depth
                    or gatherings and ent.label_ == "ORG" and head.lower_ == "at" and head.head.i in anchors):
                # "on the sidelines of the U.N. General Assembly", "hosted Netanyahu at the White House",
                # unless a town is named
                venues.append(ent)
                continue
            if not (ent.label_ in self.rules["place_labels"] or self.is_site(ent) or named_place) or (ent.start, ent.end) in taken:
                continue
            if self._is_state(ent) and root.dep_ == "compound" and head.pos_ == "NOUN" and head.lemma_ not in \
                    self.rules["place_nouns"] | self.rules["region_nouns"] | self.rules["border_nouns"]:
                continue  # "near the US embassy in Baghdad", "an attack on US troops": whose, not where
            if any(node.dep_ == "relcl" and node.i in subtree_depth and node.i not in anchors
                   and node.head.dep_ not in ("nsubj", "nsubjpass") for node in root.ancestors):
                # "wounded 22 people, some of whom were taken to hospital in Bahir Dar": not where it struck;
                # but "gunmen who stormed a university in Garissa killed 148" is
                continue
            if any(node.dep_ == "advcl" and node.i in subtree_depth and node.i not in anchors and any(
                    c.dep_ == "mark" and c.lower_ in self.rules["sequence_preps"] for c in node.children)
                   for node in root.ancestors):
                continue  # "pounded a town on Sunday, hours after a ceasefire agreed in Minsk took effect"
            if named_place and head.head.i in subtree_depth and head.head.i not in (trigger.i, scope.i):
                # "hit a residential area of the nearby town of Kostiantynivka": a town the object lies in
                scored.append(((subtree_depth[head.head.i], False, abs(ent.start - trigger.i)), ent, ""))
                continue
            # "the city of Kharkiv", "the Kursk region"
            if head.lower_ == "of" and head.head.pos_ == "NOUN":
                taken_object = head.head.dep_ == "dobj"
                head = head.head.head
                if taken_object and head.i in (trigger.i, scope.i) and self.is_place(ent):
                    scored.append(((0, False, abs(ent.start - trigger.i)), ent, ""))  # "regained control of Lyman"
                    continue
            elif root.dep_ in ("compound", "nmod") and (head.pos_ == "NOUN" or head.lower_ in self.rules["region_nouns"]):
                head = head.head  # "the Kursk region", "Kursk Oblast", "Let Pan Hla village"
            if named_place and head.i in (trigger.i, scope.i):
                scored.append(((0, False, abs(ent.start - trigger.i)), ent, ""))  # "seized the town of Sake"
                continue
            if head.dep_ == "conj" and head.head.dep_ == "prep" and head.pos_ == "ADP":
                head = head.head  # "in and around Debaltseve"
            if root.dep_ in ("compound", "nmod", "amod") and self.is_place(ent) and (
                    root.head.i in (trigger.i, scope.i)  # "the Kashmir attack"
                    or root.head.dep_ == "dobj" and root.head.head.i == trigger.i):  # "recaptured Kherson city"
                scored.append(((0, False, abs(ent.start - trigger.i)), ent, ""))
                continue
            preposition = f"{head.head.lower_} {head.lower_}" if head.head.pos_ in ("ADV", "ADJ") else head.lower_
            if not (head.dep_ == "prep" and (head.lower_ in self.rules["place_preps"] or preposition in self.rules["place_preps"])):
                continue
            governor = head.head if preposition == head.lower_ else head.head.head
            # "at an army base in the town of Munster", "with two battalions from the town of X":
            # a place inside another noun phrase places the clause that holds it.
            for _ in range(2):
                if governor.dep_ == "conj" and governor.head.dep_ == "pobj":
                    governor = governor.head  # "between the SAF and the RSF in Khartoum"
                if governor.i in subtree_depth or governor.i in anchors or governor.dep_ != "pobj":
                    break
                governor = governor.head.head
            if governor.i not in subtree_depth and governor.i not in anchors:
                continue
            # Attached to the trigger itself first, then deeper in its clause, then to the
            # clause it sits in; among equals a city before its state, then the nearest.
            attachment = 0 if governor.i in (trigger.i, scope.i) else subtree_depth.get(governor.i, 99)
            scored.append(((attachment, self._is_state(ent), abs(ent.start - trigger.i)), ent, preposition))
        # a river or lake is where it happened only when the text names nothing else; where a missile
        # came "from" only when the text names nowhere it went
        scored.sort(key=lambda item: (item[1].root.lower_ in self.rules["water"], item[2] == "from", item[0]))
        # "near Brovary (Kyiv)": the parse may hang the town on the region in brackets after it
        towns = _bracketed_regions(trigger.sent)
        scored = [(key, towns.get((ent.start, ent.end), ent), preposition) for key, ent, preposition in scored]
        city = self._city_of_district(scored[0][1]) if scored else None
        if city is not None:
            scored.insert(0, (scored[0][0], city, scored[0][2]))  # "the Korabelnyi district of Kherson city": Kherson
        if not scored:
            region = self._region_named_before(scope)
            if region is not None:
                return [region], "region", []
            return self._demonym_place(scope) or self._scene(trigger.sent) or venues[:1], "at", []
        _, first, preposition = scored[0]
        # "in the Murmansk, Irkutsk and Ivanovo regions": every conjoined place
        places = [first] + [ent for _, ent, _ in scored[1:] if ent.root in first.root.conjuncts]
        around = [ent for _, ent, _ in scored[1:] if ent not in places]
        if first.root.dep_ == "compound" and first.root.head.lower_ in self.rules["region_nouns"]:
            return places, "region", around  # "the Krasnodar region", "Kherson oblast"
        if preposition == "from":
            return places, "from", around
        return places, "near" if preposition in self.rules["near_preps"] else "at", around

    def _region_named_before(self, scope: Token) -> Span | None:
        """The region "the region" (or "the province") refers to: the last one the sentence or the two
        before named ("in western Rakhine State ... a sweep through the region")."""
        for noun in scope.subtree:
            if noun.dep_ == "pobj" and noun.head.lower_ in self.rules["place_preps"] \
                    and noun.lemma_.lower() in self.rules["region_nouns"] \
                    and [c.lower_ for c in noun.children] == ["the"]:
                return named_last(noun, 2, lambda ent: ent.label_ in ("GPE", "LOC") and not self._is_state(ent)
                                  and self.is_region(ent.text))
        return None

    def _scene(self, sentence: Span) -> list[Span]:
        """The place a sentence opens on, before its subject, which sets the scene of all it tells:
        "Tuesday in Baton Rouge, Louisiana, cell phone footage showed police shooting a man";
        "Wednesday evening in a suburb of St. Paul, ..."."""
        root = sentence.root
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return []
        for ent in entities_within(sentence):
            if ent.end > subject.left_edge.i or ent.label_ not in self.rules["place_labels"] or ent.root.dep_ != "pobj":
                continue
            preposition = ent.root.head
            if preposition.lower_ == "of" and preposition.head.dep_ == "pobj":
                preposition = preposition.head.head  # "in a suburb of St. Paul"
            opening = preposition.head.i == root.i or preposition.head.dep_ == "npadvmod"
            where = preposition.lower_ in ("in", "at") or preposition.lower_ in self.rules["near_preps"]
            if preposition.dep_ == "prep" and where and opening:
                return [ent]
        return []

    def _city_of_district(self, place: Span) -> Span | None:
        """The city a named district lies in, as the text says ("the Korabelnyi district of Kherson
        city", "the Tekstilshchik area of Donetsk"): where incident data puts what happened there."""
        district = place.root.head
        if place.root.dep_ != "compound" or district.lemma_.lower() not in self.rules["district_nouns"]:
            return None
        for of in (c for c in district.children if c.dep_ == "prep" and c.lower_ == "of"):
            for city in (c for c in of.children if c.dep_ == "pobj"):
                named = city if city.ent_type_ else next((c for c in city.children if c.dep_ == "compound" and c.ent_type_), None)
                ent = self._entity_at(named) if named is not None else None
                if ent is not None and self.is_place(ent):
                    return ent
        return None

    def _demonym_place(self, scope: Token) -> list[Span]:
        """ "drones launched near four Russian air bases" -> Russia: where no place is named, the state a site belongs to."""
        for token in scope.subtree:
            # the lemmatiser reads "bases" as "basis"
            if token.lemma_.lower() not in self.rules["demonym_places"] and token.lower_.rstrip("s") not in self.rules["demonym_places"]:
                continue
            for child in token.children:
                ent = self._entity_at(child) if child.dep_ in ("amod", "compound", "poss") else None
                if ent is not None and self._is_state(ent):
                    return [ent]
        return []

    def _reciprocal(self, trigger: Token) -> bool:
        """Whether the attack is two sides fighting each other: "clashed", "exchanged fire", "engaged in
        clashes", "fighting between ..."."""
        words = {trigger.lemma_.lower(), trigger.lower_}
        words |= {c.lemma_.lower() for c in trigger.children if c.dep_ == "dobj"}
        words |= {o.lemma_.lower() for p in trigger.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"}
        return bool(words & self.rules["reciprocal"])

    def _other_side(self, trigger: Token, actors: list[Span]) -> list[Span]:
        """The state attacked when no object names it: another state named in the clause ("deeper into Russian territory")."""
        taken = {a.ent_id_ or a.text for a in actors}
        subtree = {t.i for t in trigger.subtree}
        for ent in entities_within(trigger.sent):
            # "according to US officials" names a source, not a side
            sourced = any(a.lower_ == "according" for a in ent.root.ancestors if a.i in subtree)
            bordering = self.rules["border_nouns"] & {ent.root.head.lemma_, ent.root.head.head.lemma_}
            # "an attack on a post near a camp for Syrian refugees": what is near says where, not whom
            located = any(a.lower_ in self.rules["near_preps"] for a in ent.root.ancestors if a.i in subtree)
            # "a ground operation alongside Iraqi forces": an ally
            allied = any(a.lower_ in self.rules["ally_preps"] for a in ent.root.ancestors if a.i in subtree)
            # "the strike, the first time Iran fired missiles abroad": a state that acts in the phrase
            acting = ent.root.dep_ == "nsubj" and ent.root.i != trigger.i
            if ent.root.i in subtree and self._is_state(ent) and (ent.ent_id_ or ent.text) not in taken \
                    and not (sourced or bordering or located or allied or acting or self._of_one_person(ent.root)):
                return [ent]
        return []

    def _nearest(self, trigger: Token, spans: Iterable[Span], own_clauses: bool = False) -> Span | None:
        """The span in the trigger's own clause, else one attached to a clause above it
        ("said last month that 434,000 were killed in 2024" -> 2024), else the nearest; with
        ``own_clauses``, never one in a relative clause that describes something else ("before
        it was bombed, the mosque was where the caliphate was declared in 2014"), nor one in a relative
        clause inside its own phrase that describes another noun in it."""
        subtree = {t.i for t in trigger.subtree}
        # how far up the clause each ancestor sits: a nearer clause is the trigger's own
        height = {t.i: level for level, t in enumerate(trigger.ancestors, start=1)}
        ranked = []
        for span in spans:
            # nor when a state began ("Duterte, in office since June 30, made the visit")
            began = span.root.head.lower_ == "since" and span.root.head.head.i != trigger.i
            if own_clauses and (began or any(node.dep_ == "relcl" and node.i not in height and node.i != trigger.i and (
                    span.root.i not in subtree or node.head.i != trigger.i) for node in span.root.ancestors)):
                continue  # also "airstrikes on parts of Aleppo, which the rebels seized four years ago"
            attached = span.root.head.head if span.root.head.dep_ == "prep" else span.root.head
            tier = 0 if span.root.i in subtree else height.get(attached.i, len(height) + 1)
            ranked.append((tier, abs(span.root.i - trigger.i), span))
        ranked.sort(key=lambda item: (item[0], item[1]))
        return ranked[0][2] if ranked else None

    def _earlier(self, event: Span, events: list[Span]) -> bool:
        """Whether the trigger is an earlier event that another event of its type in the sentence
        answers or follows: "struck Gaza in retaliation for a rocket attack", "the strike was
        retaliation for the attacks in Tehran", "mounted a sweep after an attack in October"."""
        trigger = event.root
        if trigger.dep_ == "pobj" and trigger.head.lower_ in self.rules["sequence_preps"]:
            link = trigger.head
        elif trigger.dep_ == "pobj" and trigger.head.lower_ in ("for", "to"):
            link = trigger.head.head  # "in retaliation for", "responded to"
        elif trigger.dep_ == "dobj":
            link = trigger.head  # "to avenge the killing"
        else:
            return False
        if link.dep_ != "prep" and link.lemma_.lower() not in self.rules["answer_words"]:
            return False
        above = {node.i for node in link.ancestors}
        return any(other.label_ == event.label_ and other.root.i != trigger.i
                   and (other.root.i in above or other.root.head.i in above) for other in events)

    @staticmethod
    def _dates(event: Span, date: Span, earlier: set[int]) -> bool:
        """Whether ``date`` may be the day of ``event``, whose sentence tells the ``earlier`` events.

        "the strike was retaliation for the attacks in Tehran on June 7", "mounted a sweep after an
        attack in October": a day told after an earlier event is that event's. The day that closes a
        caption is when the photo was taken: of what it shows ("suspects were shot by police"), not of
        what that followed ("following a mass shooting")."""
        if is_photo_date(date.sent.text, date.end_char - date.sent.start_char):
            return not event._.earlier
        return not any(event.root.i < i < date.start for i in earlier)

    def _mourned(self, trigger: Token) -> bool:
        """Whether an attack noun names what those a gathering honours suffered ("a vigil for the victims
        of Wednesday's massacre"): an attack told before, in a clause whose places are the gathering's."""
        honoured = trigger.head.head
        if trigger.dep_ != "pobj" or trigger.head.lower_ != "of" \
                or honoured.lemma_.lower() not in self.rules["commemorations"].get("honoured", ()):
            return False
        return any(node.lemma_.lower() in self.rules["commemorations"].get("gatherings", ()) for node in honoured.ancestors)

    def _demand(self, trigger: Token) -> str | None:
        """What an appeal asks for, as one word: "calling for the minister's resignation",
        "demanded an immediate ceasefire" (the noun), "urged Russia to withdraw" (the verb)."""
        asked = [c for p in trigger.children if p.dep_ == "prep" and p.lower_ == "for" for c in p.children if c.dep_ == "pobj"]
        asked += [c for c in trigger.children if c.dep_ == "dobj" and self._entity_at(c) is None]
        asked += [c for c in trigger.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"]
        return asked[0].lemma_.lower() if asked else None

    @staticmethod
    def _owner(span: Span, triggers: dict[int, str]) -> int | None:
        """The trigger whose clause holds ``span``: its nearest ancestor that is a trigger."""
        for node in (span.root, *span.root.ancestors):
            if node.i in triggers:
                return node.i
        return None

    def _quantity(self, trigger: Token, kind: str, quantities: list[Span], triggers: dict[int, str]) -> Span | None:
        units = self.rules["units"].get(kind, frozenset())
        # "56 civilians were reported dead": the figure is the subject of the verb the state hangs on
        clause = trigger.head if trigger.dep_ in ("oprd", "acomp") else trigger
        subtree = {t.i for t in clause.subtree}
        fitting, bare = [], []
        for span in quantities:
            if any(a.dep_ == "prep" and a.lower_ in _PART_PREPS for a in span.root.ancestors):
                continue  # "12 people, including four children": four of the 12
            owner = self._owner(span, triggers)
            if owner is not None and owner != trigger.i and (
                    span.root.i not in subtree or triggers[owner] == kind and trigger.doc[owner].dep_ == "conj"):
                # "X destroyed 40 planes while Moscow pounded Ukraine": the 40 are X's;
                # "5 were killed and 12 wounded": the 12 are the wounded's
                continue
            unit = span._.unit
            if span._.currency and _CURRENCY in units:
                fitting.append(span)
            elif unit is not None and (unit.lemma_.lower() in units or unit.lower_ in units or _PEOPLE in units and (
                    unit.ent_type_ in ("NORP", "AGENT") or unit.tag_ == "NNPS" or unit.lower_ in self.rules["agent_nouns"])):
                # "hundreds of thousands of Rwandans", "hundreds of Yazidis", "137 worshippers", "five herders" count people
                fitting.append(span)
            elif unit is None and kind in self.rules["bare_figures"] and span.root.head.i == trigger.i \
                    and span.root.dep_ in self.rules["bare_figures"][kind]:
                bare.append(span)  # "killing three", "wounded 21": the verb says what is counted
            elif unit is None and trigger.dep_ == "nsubj" and _reaches(span.root, trigger.head):
                bare.append(span)  # "the death toll climbed to 72", "the toll stood at 40"
        return self._nearest(trigger, fitting or bare) or (self._one(clause, units) if kind == "casualties" else None)

    def _one(self, verb: Token, units: frozenset[str]) -> Span | None:
        """ "A Russian soldier was killed", "killing a journalist": one of them."""
        for noun in (c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")):
            article = next((c for c in noun.children if c.dep_ == "det" and c.lower_ in ("a", "an")), None)
            if article is not None and noun.tag_ == "NN" and (
                    noun.lemma_.lower() in units or noun.lower_ in self.rules["agent_nouns"]):
                one = Span(noun.doc, article.i, noun.i + 1, label="QUANTITY")
                one._.quantity, one._.approximate, one._.currency, one._.unit = (1, 1), False, None, noun
                return one
        return None

    def __call__(self, doc: Doc) -> Doc:
        quantities_by_sentence = _by_sentence(doc.spans.get(QUANTITIES, []))
        dates_by_sentence = _by_sentence(doc.spans.get(DATES, []))
        events = [e for e in doc.spans.get(EVENTS, []) if not self._interview(e.root, e.label_)]
        strikes_by_sentence = _by_sentence(sorted((e for e in events if e.label_ == "strike"), key=lambda e: e.start))
        triggers = {event.root.i: event.label_ for event in events}
        earlier = {event.root.i for event in events if self._earlier(event, events)}
        for event in events:
            trigger = event.root
            kind = event.label_
            event._.earlier = trigger.i in earlier
            if kind in self.rules["speech_types"]:
                # "the ministry blamed the RSF for the attack": what the accusation is about, not what a
                # clause joined to it says ("denied the accusation and said the army had struck")
                subtree = {t.i for child in trigger.children if child.dep_ not in ("conj", "cc") for t in child.subtree}
                event._.about = next((triggers[i] for i in sorted(subtree) if i in triggers and i != trigger.i
                                      and triggers[i] not in self.rules["speech_types"]), None)
            if kind == "appeal":
                event._.demand = self._demand(trigger)
            actors = [a for a in self._actors(trigger, kind) if not _names_trigger(a, triggers)]
            targets = [t for t in self._targets(trigger, kind, actors) if not _names_trigger(t, triggers)]
            if trigger.lemma_ in self.rules["subject_is_target"].get(kind, ()):
                actors, targets = [], actors + targets  # "Russia has lost 300,000 soldiers"
            # A struck city is where it happened, not a party; an installation is never a party.
            where = self.is_place if kind in ("strike", "interception") else self.is_site
            places_hit = [t for t in targets if where(t)]
            targets = [t for t in targets if not where(t)]
            taken = {(s.start, s.end) for s in actors + targets}
            # "retaliation for the attacks in Tehran": where the earlier event happened is its own
            taken |= {(ent.start, ent.end) for ent in entities_within(trigger.sent)
                      if any(node.i in earlier and node.i != trigger.i for node in ent.root.ancestors)}
            named, scope, around = self._places(trigger, taken, gatherings=kind in _TOGETHER)
            if self._mourned(trigger):
                # "a vigil for the victims of Wednesday's massacre at a mosque in Chino": the vigil's places
                places_hit, named, around = [], [], []
                targets = [t for t in targets if t.label_ not in self.rules["place_labels"]
                           and t.root.head.lower_ not in self.rules["place_preps"]]
            if scope == "from":
                # "fired from Gaza into southern Israel": it happened where it landed, not where it came from
                landed = [t for t in targets if t.label_ == "GPE"] if kind == "strike" else []
                named, scope = landed or named, "at"
            places = places_hit or named
            event._.place_scope = "at" if places_hit else scope
            event._.places_around = around
            if (kind in self.rules["destination_is_place"] or trigger.lemma_ in self.rules["visit_verbs"]) and not places:
                # "sent troops to its border with Venezuela" did not send them into Venezuela
                places = [t for t in targets if t.label_ in self.rules["place_labels"]
                          and not {t.root.head.lemma_, t.root.head.head.lemma_} & self.rules["border_nouns"]]
            if kind == "strike" and not targets and len(actors) > 1 and self._reciprocal(trigger):
                actors, targets = actors[:1], actors[1:]  # "Russian and Ukrainian forces exchanged fire"
            if kind in ("strike", "interception") and not targets:
                targets = self._other_side(trigger, actors)
            if kind in _TOGETHER and not places:
                places = self._destination(trigger)
            if kind in self.rules["placed_by_participants"] and not places:
                places = self._participants_place(trigger)
            if not places:
                # "toured Vostochny Spaceport with Putin": a site the trigger takes as object is where it happened
                places = [e for e in self._entities(c for c in trigger.children if c.dep_ == "dobj") if self.is_site(e)]
            if kind == "strike" and not places:
                places = [t for t in targets if t.label_ == "GPE"]  # "Moscow pounded Ukraine": it happened in Ukraine
            event._.actors = actors
            event._.targets = targets
            event._.places = places
            opening = trigger.sent.start
            own_dates = [d for d in dates_by_sentence.get(opening, []) if self._dates(event, d, earlier)]
            event._.date = self._nearest(trigger, own_dates, own_clauses=True) \
                or _then(trigger, dates_by_sentence)
            quantity = self._quantity(trigger, kind, quantities_by_sentence.get(opening, []), triggers)
            event._.quantity = quantity
            role = self.rules["count_owner"].get(kind)
            owners = self.phrase_entities(quantity._.unit) if role and quantity is not None and quantity._.unit is not None else []
            if role == "target" and not owners and quantity is not None and quantity._.unit is not None:
                owners = self._victims(quantity._.unit, strikes_by_sentence)
            if owners and role == "actor":
                event._.actors = owners
            elif owners and role == "target":
                event._.targets = owners
                event._.actors = [a for a in actors if (a.start, a.end) not in {(o.start, o.end) for o in owners}]
        # "850,000 Russian dead and wounded": one figure counts both; "wounded" is no toll of its own
        units = [event._.quantity._.unit for event in events if event.label_ == "casualties"
                 and event._.quantity is not None and event._.quantity._.unit is not None]
        # the parse may hang the second word elsewhere: what follows "dead and" is counted too
        counted = {t.i for unit in units for t in unit.conjuncts} | {
            unit.i + 2 for unit in units if unit.i + 2 < len(doc) and doc[unit.i + 1].lower_ in ("and", "or")}
        events = [e for e in events if not (e.label_ == "casualties" and e._.quantity is None and e.root.i in counted)]
        # "met Biden at the Group of Seven summit": the gathering where they met, not a meeting of its own
        gatherings = {e.root.i for e in events if e.label_ in _TOGETHER}
        events = [e for e in events if not (e.label_ == "meeting" and _venue_of(e.root, gatherings))]
        self._inherit_parties(events)
        doc.spans[EVENTS] = events
        return doc

    def _victims(self, unit: Token, strikes_by_sentence: dict[int, list[Span]]) -> list[Span]:
        """Who the people a toll counts were, when the text says or the setting does.

        "22 people, including children", "141 people, most of them children": the party
        named after the count. "killing 13 people" in an attack on a restaurant, a school
        or a market: civilians, as conflict-event data codes them, written onto the doc
        as a party over the counted word; so are "people" a toll counts in a sentence of its own
        ("Seven people were killed and 16 injured"), as incident notes word the civilian dead (they
        name soldiers and fighters as such).
        """
        # "400 civilian deaths", "civilian casualties": the word that says who they were
        said = next((c for c in unit.children if c.dep_ == "amod" and c.ent_type_ == "" and c.lower_ in self.rules["victim_words"]),
                    None)
        if said is not None:
            return [_mark_victims(said)]
        if unit.lemma_.lower() not in self.rules["generic_tolls"] and unit.lower_ not in self.rules["generic_tolls"]:
            return []
        sentence = unit.sent
        after = unit.doc[unit.i + 1:min(unit.i + _VICTIMS_WINDOW, sentence.end)]
        if after and after[0].text == "," and after[1:2] and after[1].lower_ in _PART_WORDS:
            named = next((t for t in after[1:] if t.ent_type_ == "AGENT" or t.pos_ in ("VERB", "AUX")), None)
            if named is not None and named.ent_type_ == "AGENT":
                return [self._entity_at(named)]
        if unit.ent_type_:
            return []
        told_with = strikes_by_sentence.get(sentence.start, [])
        # "Seven people were killed": a toll told on its own after an attack, which names no cause ("floods")
        verb = next((t for t in unit.ancestors if t.pos_ in ("VERB", "AUX")), None)
        caused = verb is not None and any(c.dep_ in ("nsubj", "agent") and unit.i not in {t.i for t in c.subtree}
                                          for c in verb.children)
        # with no attack in its own sentence, an attack before it is one in an earlier sentence
        first_attacked = next(iter(strikes_by_sentence), len(unit.doc))
        people = not told_with and not caused and unit.lemma_.lower() in self.rules["people_words"] \
            and first_attacked < sentence.start
        return [_mark_victims(unit)] if people or any(self._setting(s) == "civilian" for s in told_with) else []

    def _setting(self, strike: Span) -> str | None:
        """Where an attack struck: "civilian" where civilians are ("a restaurant", "a crowded park", "a
        village") and nowhere military; "military" where the military is ("an army base", "a convoy",
        "a police station"); else ``None``."""
        found, military = False, False
        trigger = strike.root
        # "a blast tore through a night market": the attack noun's verb says where it struck
        todo = [trigger, trigger.head] if trigger.dep_ in ("nsubj", "nsubjpass") else [trigger]
        # "opened fire and then blew themselves up at the entrance": one attack in two verbs
        todo += [c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        seen = {t.i for t in todo}
        while todo:
            token = todo.pop()
            for child in token.children:
                if child.dep_ in _SETTING_DEPS and child.pos_ not in ("VERB", "AUX") and child.i not in seen:
                    todo.append(child)
                    seen.add(child.i)
            if token.pos_ not in ("NOUN", "PROPN", "ADJ"):
                continue
            words = {token.lemma_.lower(), *(c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod"))}
            military |= bool(words & self.rules["military_settings"])
            found |= bool(words & self.rules["civilian_settings"])
        return "military" if military else "civilian" if found else None

    def _participants_place(self, trigger: Token) -> list[Span]:
        """Where those who protest are ("workers in Paris staged a strike", "residents of Kherson gathered to
        protest"): they protest where they are."""
        clause = trigger.head if trigger.dep_ in ("dobj", "pobj", "nsubjpass", "xcomp", "advcl") else trigger
        clause = clause.head if clause.dep_ == "prep" else clause
        subjects = [c for c in (*clause.children, *trigger.children) if c.dep_ in ("nsubj", "nsubjpass")]
        return [ent for subject in subjects for prep in subject.children if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "of")
                for noun in prep.children for ent in self._entities([noun]) if ent.label_ in self.rules["place_labels"]]

    def _inherit_parties(self, events: Iterable[Span]) -> None:
        """What an event under another one shares with it.

        "Russia has lost 300,000 soldiers, with another 600,000 wounded": a figure under an
        event of its type shares its parties. "shelled El Fasher, killing 12": an event under
        another happened where it did, and when, if it says no day of its own. A bare figure
        of the dead ("fired on farmers, killing 12") counts the attack's targets.
        """
        by_trigger = {event.root.i: event for event in events}
        attacks_by_sentence = _by_sentence(e for e in by_trigger.values() if e.label_ == "strike")
        for event in by_trigger.values():
            governor = next((by_trigger[a.i] for a in event.root.ancestors if a.i in by_trigger), None)
            if governor is None or event._.earlier or governor.label_ != event.label_ and (
                    governor.label_ in self.rules["speech_types"] or governor.label_ not in self.rules["lending_types"]):
                # "struck Gaza in retaliation for a rocket attack": the rocket attack is another;
                # "protesting the death of X in Baton Rouge": the death is what they speak of;
                # "allowed civilians to evacuate the city, where fighting resumed": the city is described
                continue
            if governor.label_ == event.label_ and not (event._.actors or event._.targets):
                event._.actors, event._.targets = governor._.actors, governor._.targets
            if not event._.places:
                _take_places(event, governor)
            if event._.date is None:
                event._.date = governor._.date  # "hit a school on Tuesday, killing 19": on Tuesday
        # "two people were killed when a Russian missile hit": the attacker killed them, where it struck;
        # "a bomb went off in a market, killing 12": the sentence's only attack is theirs
        for event in by_trigger.values():
            if event.label_ != "casualties":
                continue
            related = {t.i for t in event.root.subtree} | {t.i for t in event.root.ancestors}
            attacks = attacks_by_sentence.get(event.sent.start, [])
            # else the sentence's only attack, or the attack just before ("the attacks in Tehran on
            # June 7 that killed 17", the clause hung on the date)
            before = [e for e in attacks if 0 < event.root.i - e.root.i <= _NEAR_ATTACK]
            attack = next((by_trigger[i] for i in sorted(related) if i in by_trigger and by_trigger[i].label_ == "strike"),
                          attacks[0] if len(attacks) == 1 else before[-1] if before else None)
            if attack is not None:
                # "Abu Ali, a commander who led the assault, was killed": not by himself
                victims = {(t.start, t.end) for t in event._.targets}
                event._.actors = event._.actors or [a for a in attack._.actors if (a.start, a.end) not in victims]
                if event._.quantity is not None and event._.quantity._.unit is None and not event._.targets:
                    event._.targets = attack._.targets  # "fired on farmers, killing 12": 12 farmers
                # "shelled a market, killing 12 civilians": the attack struck civilians too
                struck = {(t.start, t.end) for t in attack._.targets}
                attack._.targets = [*attack._.targets, *(t for t in event._.targets
                                                        if t.label_ == "AGENT" and (t.start, t.end) not in struck)]
                if not event._.places:
                    _take_places(event, attack)


"""kgbuild's spaCy components. Each one only matches and writes onto the Doc.

They are registered as factories in :mod:`kgbuild.nlp.factories`; their rules come
from ``ontology/`` through ``initialize``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from functools import lru_cache
from typing import Any

import numpy
from spacy.attrs import ENT_ID, SENT_START
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .acronyms import defined_acronyms
from .dates import DAY_SHIFT_PHRASE, is_date_expression, is_holiday, normalise_date

_END_PUNCT = {".", "!", "?", "…", "”", '"', ":"}
# Words that join the parts of an organisation's name ("Center for Countering Disinformation").
_NAME_LINKS = frozenset({"for", "of", "the", "and", "on"})

JOURNALISTS = "journalists"
DATES = "dates"
ROLES = "roles"


_MISTAKEN_FOR_TOWNS = frozenset({"PRODUCT", "ORG", "PERSON", "NORP"})
_MISTAKEN_FOR_CITIES = frozenset({"PRODUCT", "ORG", "NORP", "WORK_OF_ART", "LANGUAGE"})
_MISTAKEN_FOR_PEOPLE = frozenset({"NORP", "ORG", "GPE", "PRODUCT", "WORK_OF_ART"})
# How many tokens the regions in brackets after a name may run to: "(Bakhmut raion, Donetsk)".
_BRACKETED_REGION_WORDS = 9
# words after a town's name that say it is one: "Kherson city (Kherson)"
_SETTLEMENT_WORDS = frozenset({"city", "town", "village", "settlement", "hamlet", "kibbutz", "township"})
# Words for a settlement written after its name ("Let Pan Hla village"): "city" after a name is most
# often a city the model knows ("Kherson city").
_NAMED_BEFORE = _SETTLEMENT_WORDS - {"city", "settlement"}


def _named_settlement(token: Any) -> bool:
    """ "the town of Sake", "the kibbutz of Nirim": a place, known to GeoNames or not."""
    return token.head.lower_ == "of" and token.head.head.lower_ in _SETTLEMENT_WORDS


class TownNames:
    """Tag as places the town names the model misses, or takes for something else, when the
    text says they are places; the geocoder settles which town it is, as for any place.

    * after a preposition of place ("attacked positions near Marinka"), when GeoNames knows
      a town of that name, and after "the town of" or "the village of", known or not;
    * as the object of a verb or after "of" ("airstrikes hit Aleppo", "parts of Aleppo"), when
      GeoNames knows a large city of that name;
    * before the regions that hold it in brackets, as incident notes write them ("shelled
      Huliaipole (Polohy raion, Zaporizhzhia)", "near Mafa (Borno)"), known to GeoNames or not;
    * a first-level region named with its designator ("Rakhine State"), wherever it stands.

    A state or town named before a word for water ("the Niger River") is a river or lake.
    """

    def __init__(self) -> None:
        self.is_town: Callable[[str], bool] = lambda name: False
        self.is_city: Callable[[str], bool] = lambda name: False
        self.is_region: Callable[[str], bool] = lambda name: False
        self.prepositions: frozenset[str] = frozenset()
        self.designators: frozenset[str] = frozenset()
        self.water: frozenset[str] = frozenset()

    def initialize(self, get_examples: Callable[[], Iterable[Any]], *, nlp: Language | None = None,
                   towns: Callable[[str], bool] | None = None, cities: Callable[[str], bool] | None = None,
                   prepositions: Iterable[str] = (), designators: Iterable[str] = (),
                   names: dict[str, Any] | None = None, regions: Callable[[str], bool] | None = None) -> None:
        self.is_town, self.prepositions = towns or self.is_town, frozenset(prepositions)
        self.is_city = cities or self.is_city
        self.is_region = regions or self.is_region
        self.designators = frozenset(designators)
        self.water = frozenset((names or {}).get("water_words", ()))

    def __call__(self, doc: Doc) -> Doc:
        doc = self._waters(doc)
        # the model takes small towns for products, bodies or people too ("artillery hit Siversk",
        # "killed in Sinjar")
        relabelled = {ent.start: Span(doc, ent.start, ent.end, label="GPE") for ent in doc.ents if not ent.ent_id_ and (
            ent.label_ in _MISTAKEN_FOR_TOWNS and ent.root.dep_ == "pobj"
            and (ent.root.head.lower_ in self.prepositions and self.is_town(ent.text) or _named_settlement(ent.root))
            # not a person: "met Victoria" is as likely; "the outskirts of Aleppo" may come as a language
            or ent.label_ in _MISTAKEN_FOR_CITIES and all(t.is_title for t in ent) and self._city_named(ent.root)
            and self.is_city(ent.text)
            # "Rakhine State", "Kachin State": a region by its own name and designator
            or ent.label_ in _MISTAKEN_FOR_TOWNS and len(ent) > 1 and ent[-1].is_title and ent[-1].lower_ in self.designators
            and self.is_region(ent.text))}
        found = list(relabelled.values())
        for token in doc:
            if token.ent_type_ or not token.is_title or token.pos_ not in ("PROPN", "NOUN"):
                continue
            named = token.dep_ == "pobj" and _named_settlement(token)  # "the town of Sake", where the model reads "sake" as a noun
            after_preposition = token.dep_ == "pobj" and token.pos_ == "PROPN" and token.head.lower_ in self.prepositions
            city_named = token.pos_ == "PROPN" and self._city_named(token)
            if not (named or after_preposition or city_named):
                continue
            start = token.i  # "Velyka Novosilka": the words of the name before its head
            while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN" \
                    and doc[start - 1].is_title and not doc[start - 1].ent_type_:
                start -= 1
            name = doc[start:token.i + 1].text
            if named or after_preposition and self.is_town(name) or city_named and self.is_city(name):
                found.append(Span(doc, start, token.i + 1, label="GPE"))
        for more in (self._bracketed(doc), self._before_settlement_word(doc)):
            found += [span for span in more if not _overlaps(span, found)]
        if found:
            covered = {token.i for span in found for token in span}
            kept = [ent for ent in doc.ents if ent.start not in relabelled and not any(t.i in covered for t in ent)]
            set_entities(doc, sorted(kept + found, key=lambda span: span.start))
        return doc

    def _city_named(self, token: Any) -> bool:
        """Where a large city's name says it is one: "airstrikes hit Aleppo", "the outskirts of Aleppo",
        "a school in Aleppo" (not a sentence's first word, which any name may be)."""
        return token.i > token.sent.start and (token.dep_ == "dobj" or token.dep_ == "pobj" and (
            token.head.lower_ == "of" or token.head.lower_ in self.prepositions))

    def _waters(self, doc: Doc) -> Doc:
        """ "the Niger River", "the Dnipro river": a river or lake, not the state or town it is named for."""
        ents = list(doc.ents)
        waters = [Span(doc, ent.start, ent.end + 1, label="LOC") for ent in ents
                  if ent.label_ in ("GPE", "LOC") and ent.end < len(doc) and doc[ent.end].lower_ in self.water]
        if waters:
            covered = {token.i for span in waters for token in span}
            kept = [ent for ent in ents if not any(t.i in covered for t in ent)]
            set_entities(doc, sorted(kept + waters, key=lambda span: span.start))
        return doc

    def _before_settlement_word(self, doc: Doc) -> list[Span]:
        """ "in Let Pan Hla village", "near Tat Kone village", "in Ituri province": capitalised words
        before a word for a settlement or a region that a preposition of place takes, whatever the
        model took them for."""
        found = []
        for token in doc:
            # "in Ituri province": a region's designator, written in lower case after its name
            named_before = token.lower_ in _NAMED_BEFORE or token.is_lower and token.lower_ in self.designators \
                and not token.ent_type_
            if not named_before or token.dep_ != "pobj" or token.head.lower_ not in self.prepositions:
                continue
            start = token.i
            while start > 0 and token.i - start < 4 and doc[start - 1].is_title and doc[start - 1].pos_ in ("PROPN", "NOUN") \
                    and not doc[start - 1].ent_id_:
                start -= 1
            if start < token.i and not (doc[start].ent_type_ in ("GPE", "LOC") and doc[token.i - 1].ent_type_ == doc[start].ent_type_):
                found.append(Span(doc, start, token.i, label="GPE"))
        return found

    def _bracketed(self, doc: Doc) -> list[Span]:
        """Names followed by the regions that hold them in brackets: "Chasiv Yar (Bakhmut raion, Donetsk)"."""
        found: list[Span] = []
        if "(" not in doc.text:
            return found
        for token in doc[1:]:
            if token.text != "(":
                continue
            inside = [doc[i] for i in bracket_inside(doc, token.i, token.i + _BRACKETED_REGION_WORDS + 2)]
            if not inside:
                continue
            words = [t for t in inside if t.text != ","]
            # "(RSF)", "(Reuters)", "(month of report)" are no regions
            if not words or any(not (t.is_title or t.lower_ in self.designators) for t in words) \
                    or len(words) == 1 and words[0].is_upper:
                continue
            if not any(t.ent_type_ in ("GPE", "LOC") or t.lower_ in self.designators or self.is_town(t.text)
                       or self.is_region(t.text) for t in words):  # "(Kharkivska)", as incident data names oblasts
                continue
            end = token.i
            if doc[end - 1].lower_ in _SETTLEMENT_WORDS:
                end -= 1  # "Kherson city (Kherson)"
            start = end
            # the word just before the brackets may be any part of speech the model took it for ("Sake")
            while start > 0 and (doc[start - 1].pos_ == "PROPN" or start == end and doc[start - 1].pos_ == "NOUN") \
                    and doc[start - 1].is_title and end - start < 4:
                start -= 1
            if start == end or doc[start].ent_type_ in ("GPE", "LOC", "FAC") and doc[start].ent_iob_ == "B" \
                    and doc[end - 1].ent_type_ == doc[start].ent_type_ or doc[start].ent_id_:
                continue  # a name the model or the gazetteer already placed or knows
            found.append(Span(doc, start, end, label="GPE"))
        return found


# How many words after a line break the parser may not start a sentence at.
_OPENING_WORDS = 3


class LineBreaks:
    """Start a sentence after a line break, so headlines and captions never merge with the next paragraph.

    A single newline inside a sentence (hard-wrapped text: "the\\nfront line") is kept
    when it continues lower-case after a word that ends no sentence.
    """

    def __call__(self, doc: Doc) -> Doc:
        tokens = list(doc)
        starts: dict[int, bool] = {}  # token -> whether it starts a sentence, the last word on it winning
        for before, previous, token in zip([None, *tokens], tokens, tokens[1:]):
            if not (previous.is_space and "\n" in previous.text) or token.is_space:
                continue
            wrapped = previous.text.count("\n") == 1 and token.is_lower and before is not None and before.text not in _END_PUNCT
            starts[token.i] = not wrapped
            if not wrapped:
                self._hold_opening_words(doc, token, starts)
        self._keep_credit_after_colon(doc, starts)
        self._split_headline_clauses(tokens, starts)
        _set_sentence_starts(doc, starts)
        return doc

    @staticmethod
    def _split_headline_clauses(tokens: list[Token], starts: dict[int, bool]) -> None:
        """ "Houthis strike cargo ship in Red Sea; US and UK jets hit Hodeidah": a semicolon in a line
        that ends without a full stop (a headline) joins two headlines, which the parser reads as one."""
        if not any(token.text == ";" for token in tokens):
            return
        line: list[Token] = []
        for token in (*tokens, None):
            if token is not None and not (token.is_space and "\n" in token.text):
                line.append(token)
                continue
            words = [t for t in line if not t.is_space]
            if words and words[-1].text not in _END_PUNCT:
                for before, after in zip(words, words[1:]):
                    if before.text == ";":
                        starts[after.i] = True
            line = []

    @staticmethod
    def _hold_opening_words(doc: Doc, start: Token, starts: dict[int, bool]) -> None:
        """Keep the first words of a line in its first sentence: told where a sentence starts, the
        parser otherwise cuts a line that opens "Kerry and Lavrov spoke ..." after "Kerry"."""
        for token in doc[start.i + 1:start.i + 1 + _OPENING_WORDS]:
            if token.is_space or doc[token.i - 1].text in _END_PUNCT:
                return
            starts[token.i] = False

    @staticmethod
    def _keep_credit_after_colon(doc: Doc, starts: dict[int, bool]) -> None:
        """ "US puts troops on alert: Pentagon" — a short source after a colon ends its line's sentence."""
        for token in doc[:-1]:
            if token.text != ":":
                continue
            rest, words = [], []
            for following in doc[token.i + 1:]:
                if following.is_space and "\n" in following.text or len(words) > 4:
                    break  # past four words the line cannot end in a credit: reading on would be quadratic
                rest.append(following)
                if not following.is_punct and not following.is_space:
                    words.append(following)
            if 0 < len(words) <= 4 and all(t.is_title or t.is_upper or t.lower_ in ("of", "the", "'s", "’s") for t in words):
                for t in rest:
                    starts[t.i] = False


def _set_sentence_starts(doc: Doc, starts: dict[int, bool]) -> None:
    """Write where sentences start and where they may not, in one write: each write to
    ``Token.is_sent_start`` checks every token of the doc for a parse, quadratic in a long article."""
    if not starts:
        return
    values = doc.to_array([SENT_START]).astype("int64")
    for i, start in starts.items():
        values[i] = 1 if start else -1
    doc.from_array([SENT_START], values.astype("uint64"))


def _word_in_capitals(ent: Span) -> bool:
    """Whether ``ent`` is a short acronym in a sentence set in capitals, where it may be a word."""
    if len(ent) != 1 or len(ent.text) > 3 or not ent.text.isupper():
        return False
    letters = [t.text for t in ent.sent if t.is_alpha and t.i != ent.start]
    return len(letters) >= 2 and all(word.isupper() for word in letters)


class OrganisationNames:
    """Mend organisation names the model cuts short or misses.

    * "the Danish Defence Intelligence Service (DDIS)": a bracketed acronym whose initials
      spell the words before it makes the whole name one organisation, and every later
      "DDIS" too (the model saw only "Danish").
    * "Ukraine's Center for Countering Disinformation": a name the model ends at "Center"
      runs on through "for"/"of" and capitalised words, and a possessive state before it
      is not part of it.
    * "the Saudi-led coalition", "U.S.-led forces": a body a state leads is one organisation.
    * "Zimbabwe Electoral Commission", "Nepal Army": a state of ``states`` (those the
      gazetteer derives, whose names the model knew as part of such names before the
      gazetteer took them) followed by capitalised words up to a head noun is the body.
    * "WHY THE WAR IS NOT OVER": in a line set in capitals a short acronym ("IS", "US") is as
      likely a word, and is no name.
    * "the al-Nuri mosque": a name the model took for an organisation or a person, with a building
      word after it in lower case, is the building's.
    """

    def __init__(self) -> None:
        self.heads: frozenset[str] = frozenset()
        self.buildings: frozenset[str] = frozenset()
        self.led_bodies: frozenset[str] = frozenset()
        self.states: frozenset[str] = frozenset()

    def initialize(self, get_examples: Callable[[], Iterable[Any]], *, nlp: Language | None = None,
                   names: dict[str, Any] | None = None, states: Iterable[str] = ()) -> None:
        self.heads = frozenset((names or {}).get("organisation_heads", ()))
        self.buildings = frozenset((names or {}).get("building_words", ()))
        self.led_bodies = frozenset((names or {}).get("led_bodies", ()))
        self.states = frozenset(states)

    def __call__(self, doc: Doc) -> Doc:
        tagged = list(doc.ents)
        found = [self._named_after_state(ent) or self._building(ent) or self._mended(ent)
                 for ent in tagged if not _word_in_capitals(ent)]
        found += self._unnamed_organisations(doc, found) + self._led_bodies(doc, found)
        added = []
        for acronym, long_form in defined_acronyms(doc.text).items():
            span = doc.char_span(long_form.start, long_form.end, alignment_mode="contract")
            if span is not None and not any(e.start < span.end and span.start < e.end and e.label_ != "NORP" for e in found):
                added.append(Span(doc, span.start, span.end, label="ORG"))
            added += [Span(doc, t.i, t.i + 1, label="ORG") for t in doc if t.text == acronym and not t.ent_type_]
        if added or len(found) != len(tagged) or any(f is not t for f, t in zip(found, tagged)):
            # a longer name wins over the demonym inside it
            set_entities(doc, filter_spans(added + found))
        return doc

    def _unnamed_organisations(self, doc: Doc, found: list[Span]) -> list[Span]:
        """ "Center for Countering Disinformation" where the model tagged nothing: a head noun and its run."""
        tagged = {i for ent in found for i in range(ent.start, ent.end)}
        spans = []
        for token in doc:
            if token.i in tagged or token.text not in self.heads or not token.is_title:
                continue
            end = _name_run(doc, token.i + 1)
            if end > token.i + 1 and not any(i in tagged for i in range(token.i, end)):
                spans.append(Span(doc, token.i, end, label="ORG"))
        return spans

    def _led_bodies(self, doc: Doc, found: list[Span]) -> list[Span]:
        """ "the Saudi-led coalition", "U.S.-led forces": a body named after the state that leads it."""
        spans = []
        for token in doc[:-1]:
            if doc[token.i + 1].lower_ not in self.led_bodies:
                continue
            if token.lower_.endswith("-led") and token.text[:1].isupper():
                start = token.i
            elif token.lower_ == "led" and token.i >= 2 and doc[token.i - 1].text == "-":
                leader = doc[token.i - 2]
                start = next((e.start for e in found if e.start <= leader.i < e.end), leader.i)
                if not doc[start].text[:1].isupper():
                    continue
            else:
                continue
            spans.append(Span(doc, start, token.i + 2, label="ORG"))
        return spans

    def _named_after_state(self, ent: Span) -> Span | None:
        """ "Zimbabwe Electoral Commission": the state's name, capitalised words, a head noun."""
        if ent.label_ != "GPE" or ent.ent_id_ not in self.states:
            return None
        doc, end = ent.doc, ent.end
        while end < len(doc) and end - ent.end < 4 and doc[end].is_title and doc[end].text not in self.heads:
            end += 1
        if end < len(doc) and doc[end].text in self.heads and doc[end].is_title:
            return Span(doc, ent.start, end + 1, label="ORG")
        return None

    def _building(self, ent: Span) -> Span | None:
        """ "the al-Nuri mosque": the name and the building word it is compounded into."""
        doc = ent.doc
        if ent.label_ not in ("ORG", "PERSON") or ent.end >= len(doc):
            return None
        word = doc[ent.end]
        if word.is_lower and word.lemma_ in self.buildings and ent.root.head.i == word.i and ent.root.dep_ == "compound":
            return Span(doc, ent.start, ent.end + 1, label="ORG")
        return None

    @staticmethod
    def _mended(ent: Span) -> Span:
        if ent.label_ != "ORG":
            return ent
        start = ent.start
        possessive = next((t.i for t in ent[:-1] if t.dep_ == "case" and t.tag_ == "POS"), None)
        if possessive is not None:
            start = possessive + 1  # "Ukraine's Center ..." names the centre, not Ukraine
        end = max(ent.end, _name_run(ent.doc, ent.end))
        if (start, end) == (ent.start, ent.end) or start >= end:
            return ent
        return Span(ent.doc, start, end, label="ORG", span_id=ent.ent_id_)


class RoleTitles:
    """Offices named instead of their holder: "the Kremlin spokesman said" is Dmitry Peskov.

    The holder is whoever held the office on the article's publication date. A title
    followed by a name ("the President of the European Council Costa") makes that name
    the holder's when it is the holder's surname, and is left alone otherwise ("US
    President Barack Obama" in a history). Bare titles become PERSON entities, listed in
    ``doc.spans["roles"]``; a title after "former" or "then" is no one's here.
    """

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.holders: dict[str, list[tuple[date, date | None, str]]] = {}
        self.not_current: frozenset[str] = frozenset()
        self.surnames: dict[str, frozenset[str]] = {}

    def initialize(self, get_examples: Callable[[], Iterable[Any]], *, nlp: Language | None = None,
                   roles: dict[str, Any] | None = None, people: dict[str, list[str]] | None = None) -> None:
        roles = roles or {"roles": {}}
        self.not_current = frozenset(roles.get("not_current", ()))
        for role, office in roles["roles"].items():
            self.matcher.add(role, [nlp.make_doc(title) for title in office["titles"]])
            self.holders[role] = [(date.fromisoformat(h["from"]), date.fromisoformat(h["to"]) if h["to"] else None,
                                   h["person"]) for h in office["holders"]]
        self.surnames = {person: frozenset(name.split()[-1].lower() for name in names)
                         for person, names in (people or {}).items()}

    def holder(self, role: str, day: date) -> str | None:
        """The gazetteer id of whoever held ``role`` on ``day``."""
        return next((person for start, end, person in self.holders.get(role, ())
                     if start <= day and (end is None or day < end)), None)

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.published
        if not isinstance(published, date):
            return doc
        matches = filter_spans([Span(doc, start, end, label=match) for match, start, end in self.matcher(doc)])
        people, roles = [], []
        for title in matches:
            before = doc[title.start - 1].lower_ if title.start else ""
            holder = self.holder(title.label_, published)
            if holder is None or before in self.not_current:
                continue
            name_end = title.end
            while name_end < len(doc) and doc[name_end].pos_ == "PROPN" and doc[name_end].is_title:
                name_end += 1
            if name_end == title.end:
                roles.append(Span(doc, title.start, title.end, label="PERSON", span_id=holder))
            elif doc[name_end - 1].lower_ in self.surnames.get(holder, ()):
                people.append(Span(doc, title.end, name_end, label="PERSON", span_id=holder))
        if people or roles:
            added = people + roles
            kept = [e for e in doc.ents if not _overlaps(e, added)]
            set_entities(doc, filter_spans(added + kept))
            doc.spans[ROLES] = roles
        return doc


def _overlaps(span: Span, others: Iterable[Span]) -> bool:
    """Whether ``span`` shares a token with any of ``others``."""
    return any(span.start < other.end and other.start < span.end for other in others)


def bracket_inside(doc: Doc, opening: int, limit: int) -> range:
    """The token indices inside the brackets that open at ``opening`` and close before ``limit``
    ("Chasiv Yar (Bakhmut raion, Donetsk)"); empty when no bracket opens there or closes in time."""
    if opening >= len(doc) or doc[opening].text != "(":
        return range(0)
    closing = next((t.i for t in doc[opening + 1:limit] if t.text == ")"), None)
    return range(opening + 1, closing) if closing is not None else range(0)


def set_entities(doc: Doc, spans: list[Span]) -> None:
    """Make ``spans`` the doc's entities, each token carrying its own entity's id and no other.

    Setting a span without an id over tokens leaves them the id they had: "the Danish
    Defence Intelligence Service" would keep Denmark's from "Danish", and any component
    reading ``doc.ents`` after this one would take the service for Denmark.
    """
    doc.ents = spans
    # in one write: a Token object made for each token of a long doc, on each call, cost more
    ids = numpy.zeros(len(doc), dtype="uint64")
    for span in spans:
        ids[span.start:span.end] = span.id
    doc.from_array([ENT_ID], ids)


_INSIDE, _BEGIN = 1, 3  # spaCy's codes of ent_iob


def entities_in(doc: Doc, start: int = 0, end: int | None = None) -> list[Span]:
    """The entities wholly inside ``doc[start:end]``, as ``doc.ents`` gives them.

    ``doc.ents`` (and ``Span.ents``, which reads it) makes a Span of every entity of the doc
    on each access: per trigger in a long article, that made extraction quadratic. This reads
    the tags of the range alone."""
    end = len(doc) if end is None else end
    found: list[Span] = []
    opened: tuple[int, int, int, int] | None = None  # start, label, kb id, id of the entity being read
    for i in range(start, end):
        token = doc[i]
        iob, label, kb_id, ent_id = token.ent_iob, token.ent_type, token.ent_kb_id, token.ent_id
        if iob == _INSIDE:
            continue  # inside the open entity, or one that began before ``start``
        if opened is not None:
            found.append(Span(doc, opened[0], i, label=opened[1], kb_id=opened[2], span_id=opened[3]))
            opened = None
        if iob == _BEGIN and label:
            opened = (i, label, kb_id, ent_id)
    if opened is not None and (end == len(doc) or doc[end].ent_iob != _INSIDE):
        found.append(Span(doc, opened[0], end, label=opened[1], kb_id=opened[2], span_id=opened[3]))
    return found


def entities_within(span: Span) -> list[Span]:
    """``span.ents``, without building every entity of its doc (:func:`entities_in`)."""
    return entities_in(span.doc, span.start, span.end)


def entity_at(token: Token) -> Span | None:
    """The entity ``token`` is part of, read off the IOB tags around it."""
    if not token.ent_type:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob == _INSIDE:
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob == _INSIDE:
        end += 1
    return Span(doc, start, end, label=token.ent_type, kb_id=token.ent_kb_id, span_id=token.ent_id)


def _name_run(doc: Doc, i: int) -> int:
    """Where a name that reaches token ``i`` ends when it runs on: "... for Countering Disinformation"."""
    end = i
    while end + 1 < len(doc) and doc[end].lower_ in _NAME_LINKS:
        if doc[end].lower_ == "and" and doc[end + 1].lower_ == "the":
            break  # "the Engels Airbase and the Afipsky Oil Refinery" are two names
        run = end + 1
        while run < len(doc) and (doc[run].is_title or doc[run].lower_ in _NAME_LINKS) and not doc[run].ent_type_:
            run += 1
        while run > end and not doc[run - 1].is_title:
            run -= 1  # a name ends on a capitalised word
        if run <= end:
            break
        end = run
    return end


class PersonNames:
    """Tag as people the names the model leaves untagged when the text says whose they are:

    * one part of a person's name the article gave before, written alone ("Zeid Ra'ad al
      Hussein ..." then "Zeid called on the government"), the same person's, whatever else the
      model took it for;
    * a name set beside a word for a person ("Kem Ley, a political analyst, was shot");
    * a name coordinated with a person's ("Modi and Sharif shook hands").
    """

    def __init__(self) -> None:
        self.person_nouns: frozenset[str] = frozenset()

    def initialize(self, get_examples: Callable[[], Iterable[Any]], *, nlp: Language | None = None,
                   names: dict[str, Any] | None = None) -> None:
        self.person_nouns = frozenset((names or {}).get("person_nouns", ()))

    def __call__(self, doc: Doc) -> Doc:
        named_at: dict[str, int] = {}
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) > 1:
                for part in (ent[0], ent[-1]):
                    if part.is_title and len(part) > 2:
                        named_at.setdefault(part.text, ent.start)
        # the model takes some of them for other names ("Zeid" as a nationality); the gazetteer's are left alone
        found = [Span(doc, ent.start, ent.end, label="PERSON") for ent in doc.ents
                 if len(ent) == 1 and ent.label_ in _MISTAKEN_FOR_PEOPLE and not ent.ent_id_
                 and named_at.get(ent.text, ent.start) < ent.start]
        i = 0
        while i < len(doc):
            end = i
            while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and not doc[end].ent_type_:
                end += 1
            if end == i:
                i += 1
                continue
            name = doc[i:end]
            again = len(name) == 1 and named_at.get(name.text, end) < i
            described = any(c.dep_ == "appos" and c.lemma_.lower() in self.person_nouns for c in name.root.children)
            # "Modi and Sharif shook hands": a name coordinated with a person's
            paired = any(other.ent_type_ == "PERSON" for other in name.root.conjuncts)
            if again or described or paired:
                found.append(Span(doc, i, end, label="PERSON"))
            i = end
        if found:
            set_entities(doc, sorted([*(e for e in doc.ents if not _overlaps(e, found)), *found], key=lambda span: span.start))
        return doc


class Journalists:
    """Mark the entities of bylines, credits and outlets, which are media, never actors.

    "correspondent Jane Roe", "Roe, reporting from Kyiv", a photo credit "(J. Roe/VOA)", "Jane
    Roe contributed to this report", "told VOA": each pattern row names the entity labels it
    marks (``"entities"``, PERSON unless it says otherwise), and ``"scope": "sentence"``
    marks them in the whole sentence up to the match.
    """

    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        self.labels: dict[str, frozenset[str]] = {}
        self.whole_sentence: set[str] = set()

    def initialize(self, get_examples: Callable[[], Iterable[Any]], *, nlp: Language | None = None,
                   patterns: list[dict[str, Any]] | None = None) -> None:
        self.matcher = Matcher(self.matcher.vocab)
        self.labels = {}
        self.whole_sentence = set()
        for number, row in enumerate(patterns or []):
            key = f"{row['label']}_{number}"
            self.matcher.add(key, [row["pattern"]])
            self.labels[key] = frozenset(row.get("entities", ["PERSON"]))
            if row.get("scope") == "sentence":
                self.whole_sentence.add(key)

    def __call__(self, doc: Doc) -> Doc:
        found = []
        ents = doc.ents
        for match_id, start, end in self.matcher(doc):
            key = doc.vocab.strings[match_id]
            if key in self.whole_sentence:
                start = doc[start].sent.start  # "Jane Roe and John Doe contributed to this report"
            found += [ent for ent in ents if ent.label_ in self.labels[key] and ent.start < end and start < ent.end]
        doc.spans[JOURNALISTS] = filter_spans(found)
        return doc


# Nouns that an agent word heads as a party ("police officers", "rebel forces", "militant group").
_AGENT_HEADS = frozenset({"officer", "official", "force", "unit", "patrol", "commander", "chief", "personnel", "member",
                          "squad", "team", "group", "faction", "fighter", "leader", "spokesman", "spokesperson"})


# Entity labels of figures, which count a noun rather than name its party.
_FIGURE_LABELS = frozenset({"CARDINAL", "QUANTITY"})
# Words that make an agent noun a count ("no troops", "more soldiers", "dozens of militants").
_QUANTIFIERS = frozenset({"no", "some", "many", "several", "few", "more", "fewer", "additional", "extra", "thousand",
                          "hundred", "dozen", "million", "ten", "score", "number", "handful", "couple", "group", "wave",
                          "contingent", "battalion", "brigade", "company", "unit", "all", "most", "both"})


class Agents:
    """Mark unnamed parties ("gunmen", "the police", "rebels") as entities labelled AGENT.

    The nouns are Phoenix's agents (``ontology/gazetteer/agents.json``, with their CAMEO
    agent codes). A noun a name qualifies ("Taliban fighters") is that named party, as a
    state's forces are the state ("Syrian troops"); but a demonym before a non-state agent
    ("Syrian rebels", "Egyptian police") makes it a party of that country, whose id the
    span carries, unless the demonym is of whom they support ("pro-Russian separatists"). A
    counted noun ("killed five soldiers") is a figure's unit, not a party, unless its code is
    one of victims ("killed five civilians"): those who suffer are the party; or armed men who
    act ("three gunmen stormed"). Some nouns are a party only after a word that says so
    ("suicide bombers", "armed men").
    """

    label = "AGENT"

    def __init__(self) -> None:
        self.codes: dict[str, str] = {}
        self.stateless: frozenset[str] = frozenset()
        self.victims: frozenset[str] = frozenset()
        self.armed: frozenset[str] = frozenset()
        self.modifiers: dict[str, frozenset[str]] = {}

    def initialize(self, get_examples: Callable[[], Iterable[Any]], *, nlp: Language | None = None,
                   agents: dict[str, Any] | None = None) -> None:
        self.codes = dict((agents or {}).get("agents", {}))
        self.stateless = frozenset((agents or {}).get("stateless", ()))
        self.victims = frozenset((agents or {}).get("victims", ()))
        self.armed = frozenset((agents or {}).get("armed", ()))
        self.modifiers = {noun: frozenset(words) for noun, words in (agents or {}).get("needs_modifier", {}).items()}

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        qualifiers = {ent.end: ent for ent in ents if ent.label_ in ("NORP", "GPE")}
        taken = {token.i for ent in ents for token in ent}
        found, replaced = [], set()
        for token in doc:
            if token.i in taken or token.pos_ not in ("NOUN", "PROPN") or token.lower_ not in self.codes:
                continue
            head = token
            if token.dep_ == "compound":
                if token.head.i != token.i + 1 or token.head.lemma_.lower() not in _AGENT_HEADS:
                    continue  # "a police station", "a rebel stronghold": a thing, not a party
                head = token.head  # "police officers", "militant group"
            # "Syrian rebels", "Egyptian riot police", "Dallas police" are not Syria, Egypt or Dallas
            # acting: a party of that country or town
            code = self.codes[token.lower_]
            modifier = self.modifiers.get(token.lower_)
            if modifier is not None and (token.i == 0 or doc[token.i - 1].lower_ not in modifier):
                continue  # "bombers" alone are aircraft; "suicide bombers" are a party
            qualifier = self._qualifier(token, qualifiers) if code in self.stateless else None
            start = qualifier.start if qualifier is not None else token.i - (modifier is not None)
            supporters = qualifier is not None and start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ == "pro"
            if supporters:
                start -= 2  # "pro-Russian separatists" are no party of Russia
            if any(start <= span.end - 1 and span.start <= head.i for span in found):
                continue  # "separatist rebels": one party, already marked from its first word
            outside = [c for c in (*token.children, *head.children) if not start <= c.i <= head.i]
            counted = self._counted(head) or any(
                c.like_num or c.dep_ in ("nummod", "quantmod") or c.lower_ in _QUANTIFIERS for c in outside)
            # "three gunmen stormed a hotel", "dozens of militants attacked": armed men who act are a
            # party however many they are
            subject = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else head
            acting = code in self.armed and subject.dep_ == "nsubj" and subject.head.tag_ in ("VBD", "VBN")
            if head.i in taken or counted and code not in self.victims and not acting \
                    or any(c.ent_type_ and c.ent_type_ not in _FIGURE_LABELS for c in outside):
                continue
            if qualifier is not None:
                replaced.update(ent.start for ent in ents if start <= ent.start <= qualifier.start)
                # a demonym's id is its state's, which the party belongs to
                found.append(Span(doc, start, head.i + 1, label=self.label,
                                  span_id=qualifier.ent_id_ if qualifier.label_ == "NORP" and not supporters else ""))
            else:
                found.append(Span(doc, start, head.i + 1, label=self.label))
            taken.update(range(start, head.i + 1))
        if found:
            kept = [ent for ent in ents if ent.start not in replaced]
            set_entities(doc, sorted(kept + found, key=lambda span: span.start))
        return doc

    @staticmethod
    def _qualifier(noun: Any, qualifiers: dict[int, Span]) -> Span | None:
        """The demonym or town just before ``noun`` that modifies it, over plain modifiers ("riot")."""
        at = noun.i
        while at > 0 and noun.doc[at - 1].head.i == noun.i and noun.doc[at - 1].dep_ in ("compound", "amod") \
                and not noun.doc[at - 1].ent_type_:
            at -= 1
        qualifier = qualifiers.get(at)
        if qualifier is not None and qualifier.root.head.i == noun.i and qualifier.root.dep_ in ("compound", "amod", "nmod"):
            return qualifier
        return None

    @staticmethod
    def _counted(noun: Any) -> bool:
        """ "tens of thousands of troops", "dozens of soldiers": the noun counts a figure."""
        if noun.dep_ != "pobj" or noun.head.lower_ != "of":
            return False
        counter = noun.head.head
        return counter.like_num or counter.lemma_.lower() in _QUANTIFIERS or counter.ent_type_ in ("CARDINAL", "QUANTITY")


@lru_cache(maxsize=65536)
def _normalise(text: str, base: Any, anchor: Any, ahead: bool) -> tuple[str | None, str | None]:
    return normalise_date(text, base, anchor, ahead)


_FUTURE_AUXILIARIES = frozenset({"will", "'ll", "’ll", "shall", "wo"})
_FUTURE_LEADS = frozenset({"next", "coming", "starting", "until", "till"})
_OPENING_VERBS = frozenset({"start", "begin", "open", "resume", "convene"})
_SCHEDULED = frozenset({"schedule", "slate", "due", "set", "expect", "plan"})


def looks_ahead(span: Span) -> bool:
    """Whether a date names what is still to come: "will meet on Friday", "starting Friday", "opens Friday"."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in _FUTURE_LEADS:
        return True
    verb = span.root.head.head if span.root.head.dep_ == "prep" else span.root.head
    for node in (verb, *list(verb.ancestors)[:2]):
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUXILIARIES for c in node.children):
            return True
        if node.lemma_ in _OPENING_VERBS and node.tag_ in ("VBZ", "VBP"):
            return True
        if node.lemma_ in _SCHEDULED and any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in node.children):
            return True  # "is scheduled to meet Lavrov on Friday", "are due to arrive on Monday"
    return False


def _day_of_month(token: Any) -> bool:
    return token.is_digit and 1 <= int(token.text) <= 31 and token.ent_type_ != "DATE"


class Dates:
    """Normalise DATE entities (and times of a named day) against ``doc._.published``, and "the
    following day" against the day last named.

    A weekday is the last one unless the sentence looks ahead ("will meet on Friday").
    Durations ("two weeks") are left out.
    """

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        anchor = None
        # the model calls a holiday an event: "the New Year's shooting rampage"
        # a time of a named day is that day: "on Monday night", "early Tuesday morning"
        found = [ent for ent in doc.ents if ent.label_ in ("DATE", "TIME") and is_date_expression(ent.text)
                 or ent.label_ == "EVENT" and is_holiday(ent.text)]
        for match in DAY_SHIFT_PHRASE.finditer(doc.text):
            shift = doc.char_span(match.start(), match.end(), label="DATE")
            if shift is not None and not _overlaps(shift, found):
                found.append(shift)
        for ent in sorted(found, key=lambda e: e.start):
            if ent.start > 0 and _day_of_month(doc[ent.start - 1]) and ent[0].is_title:
                ent = Span(doc, ent.start - 1, ent.end)  # "the night of 2 January 2024": the model left out the 2
            span = Span(doc, ent.start, ent.end, label="DATE")
            # Only "the following day" reads the anchor; leaving it out elsewhere keeps the cache warm.
            shift = DAY_SHIFT_PHRASE.fullmatch(ent.text.strip()) is not None
            span._.date_value, span._.date_granularity = _normalise(
                ent.text, doc._.published, anchor if shift else None, looks_ahead(ent))
            if span._.date_granularity == "day":
                anchor = date.fromisoformat(span._.date_value)
            spans.append(span)
        doc.spans[DATES] = spans
        return doc

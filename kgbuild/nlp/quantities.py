"""Numbers as news writes them: "8,500", "10,000-12,000", "more than 40", "up to 20",
"dozens", "tens of thousands", "1.2 billion euros", "a quarter of a million".

A quantity is an interval: ``minimum == maximum`` for an exact figure, one open side
for a bound ("more than 40" -> [40, None]). Approximations ("about 4,000") keep the
figure and are flagged. The lexicons are data in ``ontology/events/quantities.json``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

QUANTITIES = "quantities"
# No count or sum a news article reports reaches a quadrillion; longer digit strings are
# identifiers or junk, and past about 1e308 a float is infinite, which no decimal can write.
LARGEST_FIGURE = 1e15
_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?([a-z]{0,2})$", re.IGNORECASE)
_SKIPPED_ENTITIES = {"DATE", "TIME", "ORDINAL"}
_UNIT_DEPS = {"nummod", "quantmod", "compound", "nmod", "amod", "det", "npadvmod", "appos"}


@dataclass(frozen=True)
class Lexicon:
    """The quantity lexicons of ``ontology/events/quantities.json``."""

    numbers: dict[str, float]
    scales: dict[str, float]
    fractions: dict[str, float]
    vague: dict[str, float | None]
    lower_bound: tuple[tuple[str, ...], ...]
    upper_bound: tuple[tuple[str, ...], ...]
    approximate: tuple[tuple[str, ...], ...]
    range_joiners: frozenset[str]
    currencies: dict[str, str]
    not_counts: frozenset[str]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Lexicon:
        def phrases(key: str) -> tuple[tuple[str, ...], ...]:
            # Longest first, so "no more than" wins over "more than".
            return tuple(sorted((tuple(p.split()) for p in data[key]), key=len, reverse=True))

        return cls(data["numbers"], data["scales"], data["fractions"], data["vague"], phrases("lower_bound"),
                   phrases("upper_bound"), phrases("approximate"), frozenset(data["range_joiners"]),
                   data["currencies"], frozenset(data["not_counts"]))


@dataclass
class _Figure:
    start: int
    end: int
    value: float
    open_above: bool = False  # "thousands": at least the value
    currency: str | None = None


class QuantityParser:
    """Find number expressions in a Doc and read their values."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def _word(self, token: Token) -> str:
        return token.lower_

    def _currency(self, token: Token) -> str | None:
        return self.lexicon.currencies.get(token.lower_)

    def _figure(self, doc: Doc, i: int) -> _Figure | None:
        """A single figure starting at token ``i``: digits or words, with scale and currency."""
        lex = self.lexicon
        start, currency = i, None
        if i < len(doc) and self._currency(doc[i]) and i + 1 < len(doc) and _DIGITS.match(doc[i + 1].text):
            currency, i = self._currency(doc[i]), i + 1
        if i >= len(doc):
            return None
        token, word = doc[i], doc[i].lower_
        value: float | None
        open_above = False
        match = _DIGITS.match(token.text)
        if match:
            whole, decimals, suffix = match.groups()
            value = float(whole.replace(",", "") + ("." + decimals if decimals else ""))
            suffix = suffix.lower()
            if suffix and suffix in lex.scales:
                value *= lex.scales[suffix]
            elif suffix:
                if suffix in lex.not_counts or not suffix.isalpha():
                    return None
            i += 1
        elif word in lex.vague and lex.vague[word] is not None:
            value, open_above, i = lex.vague[word], True, i + 1
            # "tens of thousands", "hundreds of thousands"
            if i + 1 < len(doc) and doc[i].lower_ == "of" and doc[i + 1].lower_ in lex.vague and lex.vague[doc[i + 1].lower_]:
                value *= lex.vague[doc[i + 1].lower_]
                i += 2
        elif word in lex.fractions or (word in ("a", "one") and i + 1 < len(doc) and doc[i + 1].lower_ in lex.fractions):
            # "a quarter of a million", "a third of"
            i += 0 if word in lex.fractions else 1
            value = lex.fractions[doc[i].lower_]
            i += 1
            if i + 2 < len(doc) and doc[i].lower_ == "of" and doc[i + 1].lower_ in ("a", "an") and doc[i + 2].lower_ in lex.scales:
                value *= lex.scales[doc[i + 2].lower_]
                i += 3
            else:
                return None  # "a third of their number": a share, not a count
        elif word in lex.numbers:
            value = lex.numbers[word]
            if word in ("a", "an") and not (i + 1 < len(doc) and (doc[i + 1].lower_ in lex.scales or doc[i + 1].lower_ in ("dozen", "couple", "pair"))):
                return None
            i += 1
            # "twenty-five", "a couple of"
            if i + 1 < len(doc) and doc[i].text == "-" and doc[i + 1].lower_ in lex.numbers and value >= 20:
                value += lex.numbers[doc[i + 1].lower_]
                i += 2
            if i < len(doc) and doc[i].lower_ in ("dozen", "couple", "pair") and word in ("a", "an"):
                value = lex.numbers[doc[i].lower_]
                i += 1
            if i < len(doc) and doc[i].lower_ == "of" and word in ("a", "an"):
                i += 1  # "a couple of"
        else:
            return None
        # Scale words, also hyphenated as in "1.2-billion-euro".
        while i < len(doc):
            nxt = doc[i].lower_
            if nxt in lex.scales and nxt not in ("m", "b", "k"):
                value *= lex.scales[nxt]
                i += 1
            elif nxt == "-" and i + 1 < len(doc) and doc[i + 1].lower_ in lex.scales:
                i += 1
            else:
                break
        if i < len(doc) and currency is None:
            # "1.2 billion euros", "1.2-billion-euro", "billions of dollars"
            gap = 1 if doc[i].lower_ in ("-", "of") and i + 1 < len(doc) and self._currency(doc[i + 1]) else 0
            if self._currency(doc[i + gap]) and doc[i + gap].lower_ not in ("$", "€", "£"):
                currency, i = self._currency(doc[i + gap]), i + gap + 1
        if not value <= LARGEST_FIGURE:  # also false for inf and nan
            return None
        return _Figure(start, i, value, open_above, currency)

    def _phrase_before(self, doc: Doc, end: int, phrases: tuple[tuple[str, ...], ...]) -> int | None:
        for phrase in phrases:
            start = end - len(phrase)
            if start >= 0 and tuple(t.lower_ for t in doc[start:end]) == phrase:
                return start
        return None

    def find(self, doc: Doc) -> list[Span]:
        """Quantity spans with ``_.quantity`` = (minimum, maximum), ``_.approximate`` and ``_.currency`` set."""
        spans: list[Span] = []
        skip = {t.i for ent in doc.ents if ent.label_ in _SKIPPED_ENTITIES for t in ent}
        i = 0
        while i < len(doc):
            if i in skip:
                i += 1
                continue
            figure = self._figure(doc, i)
            if figure is None or figure.end <= i:
                i += 1
                continue
            low: float | None = figure.value
            high: float | None = None if figure.open_above else figure.value
            end, currency = figure.end, figure.currency
            # A range: "10,000-12,000", "300,000 to 350,000", "between 20 and 30".
            if end + 1 < len(doc) and doc[end].lower_ in self.lexicon.range_joiners:
                second = self._figure(doc, end + 1)
                joiner_ok = doc[end].lower_ != "and" or (figure.start > 0 and doc[figure.start - 1].lower_ == "between")
                if second and joiner_ok and second.value > figure.value and not second.open_above:
                    high, end, currency = second.value, second.end, currency or second.currency
            start = figure.start
            approximate = False
            lower = self._phrase_before(doc, start, self.lexicon.lower_bound)
            upper = self._phrase_before(doc, start, self.lexicon.upper_bound)
            approx = self._phrase_before(doc, start, self.lexicon.approximate)
            if low is not None and low == high:
                if lower is not None:
                    start, high = lower, None
                elif upper is not None:
                    start, low = upper, None
                elif approx is not None:
                    start, approximate = approx, True
            if start > 0 and self._currency(doc[start - 1]) and currency is None and doc[start - 1].lower_ in ("$", "€", "£", "usd", "eur"):
                start, currency = start - 1, self._currency(doc[start - 1])
            span = Span(doc, start, end, label="QUANTITY")
            unit = self.unit_token(span)
            if currency is None and unit is not None and unit.lower_ in self.lexicon.not_counts:
                i = end
                continue
            span._.quantity = (low, high)
            span._.approximate = approximate
            span._.currency = currency
            span._.unit = unit
            spans.append(span)
            i = end
        return spans

    def unit_token(self, span: Span) -> Token | None:
        """The noun a quantity counts: "troops" in "10,000-12,000 troops", "soldiers" in "thousands of soldiers"."""
        doc = span.doc
        after = span.end
        # "52 out of 80 drones"
        if after + 2 < len(doc) and doc[after].lower_ == "out" and doc[after + 1].lower_ == "of":
            after += 2
            while after < len(doc) and (doc[after].like_num or doc[after].pos_ == "NUM"):
                after += 1
            return doc[after] if after < len(doc) and doc[after].pos_ in ("NOUN", "PROPN") else None
        # "thousands of soldiers", "a quarter of a million new soldiers"
        if after + 1 < len(doc) and doc[after].lower_ == "of":
            # "60,000 of Russia's most capable personnel": the object of "of" when the parse has it
            counted = [c for c in doc[after].children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
            if counted:
                return counted[0]
            for token in doc[after + 1: min(after + 5, len(doc))]:
                if token.pos_ in ("NOUN", "PROPN") and token.ent_type_ not in ("GPE", "ORG", "PERSON"):
                    return token
        token = span[-1]
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ == "VERB" and token.head.i == span.end:
            return token.head  # "another 600,000 wounded", "12 killed"
        for _ in range(6):
            if token.dep_ in _UNIT_DEPS and token.head.i >= span.end and token.head.pos_ in ("NOUN", "PROPN", "NUM", "SYM", "X"):
                token = token.head
                if token.pos_ in ("NOUN", "PROPN") and token.i >= span.end:
                    return token
            else:
                break
        # "850,000 Russian dead and wounded": the counted word may be tagged as an adjective.
        for token in doc[after: min(after + 3, len(doc))]:
            if token.pos_ == "NOUN" or (token.pos_ in ("ADJ", "VERB") and token.dep_ in ("nsubj", "dobj", "pobj", "conj", "ROOT")):
                return token
            if token.pos_ not in ("ADJ", "PROPN"):
                break
        return None


class Quantities:
    """Mark figures ("more than 40", "10,000-12,000", "1.2 billion euros") in ``doc.spans["quantities"]``."""

    def __init__(self) -> None:
        self.parser: QuantityParser | None = None

    def initialize(self, get_examples: Callable[[], Iterable[Any]], *, nlp: Language | None = None,
                   lexicon: dict[str, Any] | None = None) -> None:
        self.parser = QuantityParser(Lexicon.from_data(lexicon or {}))

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[QUANTITIES] = self.parser.find(doc) if self.parser else []
        return doc


def unit_text(span: Span, unit: Token | None) -> str | None:
    """What a quantity counts, as written: the currency, or the counted noun ("drones", "troops")."""
    if span._.currency:
        return span._.currency
    if unit is None:
        return None
    return unit.lower_

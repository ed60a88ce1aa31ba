"""Event triggers: which words state an event of one of kgbuild's types (``categories.json``).

Three components, one concern each, all driven by ``ontology/events/``:

* :class:`EventTriggers` (here) matches the dependency patterns of ``triggers.json``
  (spaCy's DependencyMatcher format, run by :class:`~kgbuild.nlp.treematch.TreeMatcher`)
  and writes one span per trigger word to ``doc.spans["events"]``, labelled with the
  event type.
* :class:`~kgbuild.nlp.arguments.EventArguments` fills each trigger's actors, targets,
  places, date and quantity from the dependency parse, following ``arguments.json``.
* :class:`~kgbuild.nlp.attribution.Attribution` finds the claimant ("..., the air force
  said", "according to US officials"), the reporting verb and the modality of each
  event from ``attribution.json``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .treematch import TreeMatcher

EVENTS = "events"
# Events nobody says happened or will happen ("if Russia invades"); never stored.
HYPOTHETICAL = "hypothetical"
_ARGUMENT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "pobj", "compound", "appos", "nsubj", "oprd"})


def expand_lexicons(value: Any, lexicons: dict[str, list[str]]) -> Any:
    """``value`` with every ``"$name"`` string replaced by the list ``lexicons[name]``."""
    if isinstance(value, str) and value.startswith("$"):
        return lexicons[value[1:]]
    if isinstance(value, list):
        expanded: list[Any] = []
        for item in value:
            replaced = expand_lexicons(item, lexicons)
            if isinstance(item, str) and item.startswith("$"):
                expanded += replaced
            else:
                expanded.append(replaced)
        return expanded
    if isinstance(value, dict):
        return {key: expand_lexicons(item, lexicons) for key, item in value.items()}
    return value


# How a plural noun ends, and what its singular ends in instead.
_PLURAL_ENDINGS = (("ies", "y"), ("es", ""), ("s", ""))


def _lemmas(attrs: dict[str, Any]) -> list[str]:
    """The words a node takes by lemma or by lower-case form ("clashes", "fighting")."""
    words = []
    for key in ("LEMMA", "LOWER"):
        value = attrs.get(key)
        words += [value] if isinstance(value, str) else list((value or {}).get("IN", []))
    return words


def _is_noun_node(attrs: dict[str, Any]) -> bool:
    """Whether a node may take a noun: a noun trigger, the noun compounded into one ("artillery
    fire"), or a subject ("gunmen killed"); any node but one that takes verbs only."""
    pos = attrs.get("POS")
    return pos is None or pos == "NOUN" or isinstance(pos, dict) and "NOUN" in pos.get("IN", [])


class EventTriggers:
    """Mark event trigger words with the dependency patterns of ``triggers.json``."""

    def __init__(self) -> None:
        self.matcher = TreeMatcher()
        self.patterns: dict[str, dict[str, Any]] = {}
        self.cameo_codes: dict[str, dict[str, str]] = {}
        self.default_cameo: dict[str, str] = {}
        self.noun_lemmas: frozenset[str] = frozenset()

    def initialize(self, get_examples: Callable[[], Iterable[Any]], *, nlp: Language | None = None,
                   patterns: dict[str, Any] | None = None, lexicons: dict[str, Any] | None = None) -> None:
        self.matcher = TreeMatcher()
        self.patterns = {}
        self.cameo_codes = (lexicons or {}).get("cameo_codes", {})
        self.default_cameo = (patterns or {}).get("cameo", {})
        for row in expand_lexicons((patterns or {}).get("patterns", []), lexicons or {}):
            self.matcher.add(row["id"], row["pattern"])
            self.patterns[row["id"]] = row
        self.noun_lemmas = frozenset(lemma for row in self.patterns.values() for node in row["pattern"]
                                     if _is_noun_node(node["RIGHT_ATTRS"]) for lemma in _lemmas(node["RIGHT_ATTRS"]))

    def cameo_code(self, trigger: Token, row: dict[str, Any]) -> str | None:
        """The CAMEO event code of a trigger: the verb dictionary's code for its lemma under the
        event's type, else the pattern's, else the type's."""
        kind = row["type"]
        return self.cameo_codes.get(kind, {}).get(trigger.lemma_.lower()) or row.get("cameo") or self.default_cameo.get(kind)

    def _common_nouns_in_capitals(self, doc: Doc) -> None:
        """Read a sentence's first word as the trigger noun (or the noun compounded into one) it is when
        the tagger took it, capitalised, for a name ("Airstrikes and mortars crashed down", tagged a
        proper noun with lemma "Airstrikes"; "Artillery fire hit", "Gunmen killed")."""
        for sentence in doc.sents:
            word = sentence[0]
            # an unnamed party ("Gunmen") is a common noun the agents component marked
            if word.tag_ not in ("NNP", "NNPS") or word.ent_type_ not in ("", "AGENT") or not word.is_title:
                continue
            lower = word.lower_
            readings = [(lower[:-len(end)] + base, "NNS") for end, base in _PLURAL_ENDINGS if lower.endswith(end)]
            readings.append((lower, "NN"))
            reading = next(((lemma, tag) for lemma, tag in readings if lemma in self.noun_lemmas), None)
            if reading is not None:
                (word.lemma_, word.tag_), word.pos_ = reading, "NOUN"

    def __call__(self, doc: Doc) -> Doc:
        self._common_nouns_in_capitals(doc)
        best: dict[int, tuple[int, float, str]] = {}
        rests_on: dict[int, int] = {}
        for pattern_id, tokens in self.matcher(doc):
            row = self.patterns[pattern_id]
            trigger = tokens[row.get("anchor", 0)]
            # a veto (type null), or a reading that overrides the others ("a hunger strike" is a protest),
            # wins over any other reading; else the pattern with more nodes
            rank = (row.get("type") is None or row.get("overrides", False), len(row["pattern"]), row["confidence"], row["id"])
            if trigger not in best or rank[:3] > best[trigger][:3]:
                best[trigger] = rank
                rests_on[trigger] = tokens[0]
        spans = []
        for i, (_, _, confidence, pattern_id) in sorted(best.items()):
            row = self.patterns[pattern_id]
            token = doc[i]
            head = token.head
            if row.get("type") is None:
                continue  # an idiom that only looks like an event ("hit back", "press on")
            word = rests_on[i]
            if word != i and word in best and best[word][0] and self.patterns[best[word][3]].get("type") != row["type"]:
                continue  # "a hunger strike that began in February": the word it rests on is read otherwise
            if row.get("subordinate") and token.dep_ == "pobj" and head.dep_ == "prep":
                head = head.head  # "called for the resignation of X": what the appeal asks for
            if head.i != i and head.i in best and token.dep_ in _ARGUMENT_DEPS:
                head_row = self.patterns[best[head.i][3]]
                # "launched an offensive": the verb and its noun are one event;
                # "lost 300,000 soldiers": the soldiers are what was lost, not a troop figure.
                if head_row.get("type") is not None and (head_row["type"] == row["type"] or row.get("subordinate")):
                    continue
            if token.dep_ == "conj" and head.i in best and self.patterns[best[head.i][3]].get("type") == row["type"] \
                    and not any(c.like_num or c.dep_ == "nummod" or any(g.dep_ == "nummod" for g in c.children)
                                for c in token.children) and not (i + 1 < len(doc) and doc[i + 1].like_num):
                # "850,000 dead and wounded": one figure, one event; "5 killed and 12 wounded", "killed six
                # and wounded 14 others" (however the parse hangs the 14): two
                continue
            span = Span(doc, i, i + 1, label=row["type"])
            span._.pattern = pattern_id
            span._.confidence = confidence
            span._.cameo = self.cameo_code(token, row)
            spans.append(span)
        doc.spans[EVENTS] = spans
        return doc


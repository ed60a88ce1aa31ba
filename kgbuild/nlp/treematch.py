"""Dependency-tree patterns in spaCy's DependencyMatcher format, matched from an index of
their root words.

spaCy's DependencyMatcher runs every node of every pattern through its token Matcher on
every token, and each distinct ``IN`` list is a Python predicate there: with the trigger
lexicons derived from CAMEO and WordNet that is some 180 predicate calls per token, most of
the component's time. Every trigger pattern names its root word (``LEMMA`` or ``LOWER``,
one value or a list), so :class:`TreeMatcher` looks each token's lemma and lower-case form
up in a table of root words, and walks the tree of a pattern only from the tokens that can
be its root. The patterns and the matches are the DependencyMatcher's (a test compares the
two on real text); the operators are the three the trigger patterns use: ``>`` (the right
node is a child of the left), ``<`` (its head) and ``>>`` (a descendant).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

from spacy.tokens import Doc, Token

TokenTest = Callable[[Token], bool]

_ATTRIBUTES: dict[str, Callable[[Token], Any]] = {
    "LEMMA": lambda token: token.lemma_,
    "LOWER": lambda token: token.lower_,
    "ORTH": lambda token: token.text,
    "TEXT": lambda token: token.text,
    "POS": lambda token: token.pos_,
    "TAG": lambda token: token.tag_,
    "DEP": lambda token: token.dep_,
    "ENT_TYPE": lambda token: token.ent_type_,
    "SHAPE": lambda token: token.shape_,
    "LIKE_NUM": lambda token: token.like_num,
    "IS_PUNCT": lambda token: token.is_punct,
}
_RELATIONS: dict[str, Callable[[Token], Iterator[Token]]] = {
    ">": lambda token: token.children,
    "<": lambda token: iter(() if token.head.i == token.i else (token.head,)),
    ">>": lambda token: (t for t in token.subtree if t.i != token.i),
}
# Attributes a root word may be indexed by, best first.
_INDEXED = ("LEMMA", "LOWER")


def _value_test(key: str, name: str, attribute: Callable[[Token], Any], spec: Any) -> TokenTest:
    if not isinstance(spec, dict):
        return lambda token: attribute(token) == spec
    tests = []
    for operator, values in spec.items():
        if operator == "IN":
            members = frozenset(values)
            tests.append(lambda token, members=members: attribute(token) in members)
        elif operator == "NOT_IN":
            members = frozenset(values)
            tests.append(lambda token, members=members: attribute(token) not in members)
        else:
            raise ValueError(f"pattern {key}: {name} takes only IN and NOT_IN in tree patterns, not {operator}")
    return _all_of(tests)


def _token_test(key: str, attrs: dict[str, Any]) -> TokenTest:
    tests = []
    for name, spec in attrs.items():
        attribute = _ATTRIBUTES.get(name.upper())
        if attribute is None:
            raise ValueError(f"pattern {key}: tree patterns cannot test {name}; use one of {', '.join(_ATTRIBUTES)}")
        tests.append(_value_test(key, name, attribute, spec))
    return _all_of(tests)


def _all_of(tests: list[TokenTest]) -> TokenTest:
    """A test passed when all ``tests`` pass (one test is itself: the matcher runs these on every token)."""
    if len(tests) == 1:
        return tests[0]
    return lambda token: all(test(token) for test in tests)


def _root_words(attrs: dict[str, Any]) -> tuple[str, frozenset[str]] | None:
    for name in _INDEXED:
        spec = attrs.get(name)
        if isinstance(spec, str):
            return name, frozenset((spec,))
        if isinstance(spec, dict) and set(spec) == {"IN"}:
            return name, frozenset(spec["IN"])
    return None


class _Pattern:
    """One compiled pattern: a test per node and, per node after the root, its left node
    and relation."""

    def __init__(self, key: str, pattern: list[dict[str, Any]]) -> None:
        if not pattern or "REL_OP" in pattern[0]:
            raise ValueError(f"pattern {key}: the first node is the root and has no REL_OP")
        self.key = key
        self.tests: list[TokenTest] = []
        self.links: list[tuple[int, Callable[[Token], Iterator[Token]]]] = []
        positions: dict[str, int] = {}
        for node in pattern:
            positions[node["RIGHT_ID"]] = len(self.tests)
            self.tests.append(_token_test(key, node.get("RIGHT_ATTRS", {})))
            if len(self.tests) > 1:
                relation = _RELATIONS.get(node["REL_OP"])
                if relation is None:
                    raise ValueError(f"pattern {key}: REL_OP {node['REL_OP']} is not one of {', '.join(_RELATIONS)}")
                if node["LEFT_ID"] not in positions:
                    raise ValueError(f"pattern {key}: LEFT_ID {node['LEFT_ID']} is not an earlier node")
                self.links.append((positions[node["LEFT_ID"]], relation))

    def matches(self, root: Token) -> Iterator[list[int]]:
        """Every assignment of tokens to the nodes with ``root`` as the first node."""
        if not self.tests[0](root):
            return
        yield from self._extend([root.i], root.doc)

    def _extend(self, chosen: list[int], doc: Doc) -> Iterator[list[int]]:
        if len(chosen) == len(self.tests):
            yield list(chosen)
            return
        left, relation = self.links[len(chosen) - 1]
        test = self.tests[len(chosen)]
        for token in relation(doc[chosen[left]]):
            if test(token):
                chosen.append(token.i)
                yield from self._extend(chosen, doc)
                chosen.pop()


class TreeMatcher:
    """Match dependency-tree patterns (spaCy's DependencyMatcher format) from their root words."""

    def __init__(self) -> None:
        self._by_root: dict[str, dict[str, list[_Pattern]]] = {name: defaultdict(list) for name in _INDEXED}
        self._unindexed: list[_Pattern] = []

    def add(self, key: str, pattern: list[dict[str, Any]]) -> None:
        """Add one pattern under ``key``; raise ValueError naming the key if it is malformed."""
        compiled = _Pattern(key, pattern)
        root_words = _root_words(pattern[0].get("RIGHT_ATTRS", {}))
        if root_words is None:
            self._unindexed.append(compiled)
            return
        name, words = root_words
        for word in words:
            self._by_root[name][word].append(compiled)

    def __call__(self, doc: Doc) -> list[tuple[str, list[int]]]:
        """``(key, token indices in node order)`` for every match in ``doc``."""
        found = []
        lemmas, lowers = self._by_root["LEMMA"], self._by_root["LOWER"]
        for token in doc:
            candidates = lemmas.get(token.lemma_, []) + lowers.get(token.lower_, []) + self._unindexed
            for pattern in candidates:
                found.extend((pattern.key, match) for match in pattern.matches(token))
        return found

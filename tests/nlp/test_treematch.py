"""TreeMatcher finds exactly what spaCy's DependencyMatcher finds with the same patterns."""

from __future__ import annotations

import pytest
from spacy.matcher import DependencyMatcher

from kgbuild.io import read_inputs
from kgbuild.nlp.treematch import TreeMatcher
from kgbuild.records import Article


def _parsed(nlp, texts):
    upstream = nlp.pipe_names[:nlp.pipe_names.index("event_triggers")]
    with nlp.select_pipes(enable=upstream):
        return list(nlp.pipe(texts))


def _both(nlp, patterns: dict, docs) -> tuple[list, list]:
    spacy_matcher, tree_matcher = DependencyMatcher(nlp.vocab), TreeMatcher()
    for key, pattern in patterns.items():
        spacy_matcher.add(key, [pattern])
        tree_matcher.add(key, pattern)
    by_spacy = [sorted((nlp.vocab.strings[key], tuple(tokens)) for key, tokens in spacy_matcher(doc)) for doc in docs]
    by_tree = [sorted((key, tuple(tokens)) for key, tokens in tree_matcher(doc)) for doc in docs]
    return by_spacy, by_tree


def test_trigger_patterns_match_as_in_spacy_on_the_seeds(nlp, corpus):
    docs = _parsed(nlp, [a.text for a in read_inputs([corpus / "index.json"]) if isinstance(a, Article)])
    patterns = {key: row["pattern"] for key, row in nlp.get_pipe("event_triggers").patterns.items()}
    by_spacy, by_tree = _both(nlp, patterns, docs)
    assert sum(map(len, by_tree)) > 200
    assert by_tree == by_spacy


def test_head_descendant_and_unindexed_roots_match_as_in_spacy(nlp):
    docs = _parsed(nlp, ["Rebels fired rockets at the base, and soldiers said the attack killed two guards.",
                         "The minister, who met the envoy on Monday, did not say what they discussed."])
    patterns = {
        "head": [{"RIGHT_ID": "object", "RIGHT_ATTRS": {"LOWER": {"IN": ["rockets", "attack"]}}},
                 {"LEFT_ID": "object", "REL_OP": "<", "RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": "VERB"}}],
        "descendant": [{"RIGHT_ID": "said", "RIGHT_ATTRS": {"LEMMA": "say"}},
                       {"LEFT_ID": "said", "REL_OP": ">>", "RIGHT_ID": "number", "RIGHT_ATTRS": {"LIKE_NUM": True}}],
        "unindexed": [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": "VERB", "DEP": {"NOT_IN": ["ROOT"]}}},
                      {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "subject", "RIGHT_ATTRS": {"DEP": "nsubj"}}],
    }
    by_spacy, by_tree = _both(nlp, patterns, docs)
    assert {key for doc in by_tree for key, _ in doc} == set(patterns)
    assert by_tree == by_spacy


@pytest.mark.parametrize("pattern, message", [
    ([{"RIGHT_ID": "a", "RIGHT_ATTRS": {"LEMMA": "fire"}},
      {"LEFT_ID": "a", "REL_OP": ".", "RIGHT_ID": "b", "RIGHT_ATTRS": {}}], "REL_OP . is not one of"),
    ([{"RIGHT_ID": "a", "RIGHT_ATTRS": {"LEMMA": "fire"}},
      {"LEFT_ID": "z", "REL_OP": ">", "RIGHT_ID": "b", "RIGHT_ATTRS": {}}], "LEFT_ID z is not an earlier node"),
    ([{"RIGHT_ID": "a", "RIGHT_ATTRS": {"MORPH": "Tense=Past"}}], "cannot test MORPH"),
    ([{"RIGHT_ID": "a", "RIGHT_ATTRS": {"LEMMA": {"REGEX": "^fire"}}}], "takes only IN and NOT_IN"),
])
def test_malformed_patterns_are_refused_with_their_key(pattern, message):
    with pytest.raises(ValueError, match=f"pattern strike-bad: .*{message}"):
        TreeMatcher().add("strike-bad", pattern)

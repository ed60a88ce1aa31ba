"""Building articles in any order, or twice, gives the same graph (issue 4's property)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from kgbuild.graph.merge import write_merged_events
from kgbuild.graph.store import open_store
from kgbuild.graph.triples import article_triples, entity_triples

VERSION = "test"

# Short articles written for this test: an organisation and a person each spelt two ways
# that share one key, a person named in full and by surname, places and states that recur.
ARTICLES = [
    "The Sudan Doctors Network said RSF fighters shelled the town of Bara on Monday, killing 12 people.",
    "The Sudan Doctors' Network reported that the army denied shelling Bara.",
    "Congolese President Felix Tshisekedi met Angolan President Joao Lourenco in Luanda on Tuesday.",
    "Tshisekedi said the talks with João Lourenço in Luanda went well, and Kinshasa called for sanctions on Rwanda.",
]


@pytest.fixture(scope="module")
def facts(extract):
    return [extract(text) for text in ARTICLES]


def _build(path: Path, facts, order: list[int]):
    """Write the articles one by one in ``order``, as separate builds would."""
    with open_store(path) as store:
        for index in order:
            store.add_entities(entity_triples(facts[index].entities))
            store.replace_article_graphs([(facts[index].article.id, article_triples(facts[index], VERSION)
                                                          .serialize(format="nt", encoding="utf-8"))])
            write_merged_events(store)
        return store.construct_union()


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(range(len(ARTICLES))), again=st.lists(st.integers(0, len(ARTICLES) - 1), max_size=2))
def test_any_order_or_a_second_build_gives_the_same_graph(facts, tmp_path_factory, order, again):
    reference = _build(tmp_path_factory.mktemp("reference"), facts, list(range(len(ARTICLES))))
    shuffled = _build(tmp_path_factory.mktemp("shuffled"), facts, list(order) + list(again))
    assert isomorphic(reference, shuffled)

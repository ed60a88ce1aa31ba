"""tools/derive_lexicons.py rebuilds the committed lexicons from PETRARCH2's CAMEO dictionary and WordNet."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import pytest

from tests.conftest import REPO

WORDNET = Path("/usr/share/wordnet")


@pytest.fixture(scope="module")
def derive_lexicons():
    spec = importlib.util.spec_from_file_location("derive_lexicons", REPO / "tools" / "derive_lexicons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def petrarch(corpus) -> Path:
    path = corpus.parent / "resources" / "petrarch2"
    assert (path / "CAMEO.verbpatterns.150430.txt").is_file(), f"PETRARCH2's dictionaries are missing: {path}"
    return path


def test_the_committed_lexicons_are_what_the_script_derives(derive_lexicons, petrarch):
    if not (WORDNET / "data.noun").is_file():
        if os.environ.get("CI"):
            pytest.fail("WordNet 3.0 is missing: .ci/run installs Debian's wordnet-base")
        pytest.skip("WordNet 3.0 is not installed (apt-get install wordnet-base)")
    review = json.loads((REPO / "tools" / "lexicon_review.json").read_text(encoding="utf-8"))
    derived = derive_lexicons.derive(petrarch, WORDNET, review)
    committed = json.loads((REPO / "ontology" / "events" / "lexicons.derived.json").read_text(encoding="utf-8"))
    assert derived == committed


def test_verbs_take_their_block_code_and_the_review_strikes_out_broad_ones(derive_lexicons, petrarch):
    verbs = {(lemma, code) for lemma, code, _ in derive_lexicons.read_cameo_verbs(
        petrarch / derive_lexicons.VERB_FILE)}
    assert ("shell", "190") in verbs and ("assassinate", "186") in verbs and ("donate", "070") in verbs
    # a later group of a block takes its patterns' code, not the block's: APOLOGIZE sits in AMBUSH [190]
    assert not any(lemma == "apologize" and code.startswith("19") for lemma, code in verbs)
    review = json.loads((REPO / "tools" / "lexicon_review.json").read_text(encoding="utf-8"))
    committed = json.loads((REPO / "ontology" / "events" / "lexicons.derived.json").read_text(encoding="utf-8"))
    for kind, excluded in review["exclude"].items():
        assert not set(excluded) & set(committed.get(f"cameo_{kind}_verbs", [])), kind
    assert committed["cameo_codes"]["strike"]["ambush"] == "190"
    assert committed["cameo_codes"]["aid"]["pledge"] == "033"


def test_the_committed_agents_are_what_the_script_derives(derive_lexicons, petrarch):
    review = json.loads((REPO / "tools" / "lexicon_review.json").read_text(encoding="utf-8"))
    committed = json.loads((REPO / "ontology" / "gazetteer" / "agents.json").read_text(encoding="utf-8"))
    assert derive_lexicons.derive_agents(petrarch, review) == committed
    agents = committed["agents"]
    assert (agents["gunmen"], agents["police"], agents["rebels"], agents["soldiers"]) == ("UAF", "COP", "REB", "MIL")
    assert "humvee" not in agents and "gunmans" not in agents  # equipment struck out; -man plurals are -men

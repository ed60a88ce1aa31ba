"""The scorer of ``kgbuild eval`` on hand-made gold and events, and the command on the seed corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kgbuild.evaluate import NameMatcher, score
from kgbuild.records import EVENT_TYPES

GOLD = {
    "a.txt": {
        "article": "a.txt",
        "events": [
            {"id": "e1", "type": "strike", "core": True, "actor": "Russia", "target": "Ukraine", "place": "Kharkiv",
             "date": "2025-06", "quantity": [40, None], "claimant": "Ihor Terekhov", "evidence": "missiles struck “Kharkiv”"},
            {"id": "e2", "type": "call", "core": True, "actor": "Donald Trump", "evidence": "Trump spoke with Putin"},
            {"id": "e3", "type": "meeting", "core": False, "evidence": "the leaders may meet"},
        ],
        "actors": {"must": ["Donald Trump"], "must_not": ["Pat Cummins"]},
        "same": [["Russia", "Moscow", "the Kremlin"], ["Donald Trump", "Trump", "the US president"]],
    }
}


def _event(kind, sentence, **arguments):
    return {"type": kind, "actor": [], "target": [], "place": [], "date": None, "quantity": None, "claimant": None,
            **arguments, "evidence": [{"source": "a.txt", "sentence": sentence, "start": 0, "end": len(sentence)}]}


def test_matching_counts_hits_misses_duplicates_and_false_positives():
    events = [
        _event("strike", 'Two missiles struck "Kharkiv" on Monday.', actor=["Moscow"], target=["Ukraine"],
               place=["Kharkiv"], date="2025-06-02", quantity=[40, 45], claimant="Mayor Ihor Terekhov"),
        _event("strike", 'Missiles struck "Kharkiv", he said.'),
        _event("meeting", "Officials said the leaders may meet soon."),  # non-core: neither hit nor false positive
        _event("aid", "Germany sent tanks."),
    ]
    actors = [{"label": "Donald Trump", "aliases": ["Trump"], "type": "Person"},
              {"label": "Russia", "aliases": ["Russia"], "type": "State"},
              {"label": "Moscow", "aliases": ["Moscow"], "type": "Place"}]
    report = score(GOLD, events, actors)
    assert (report.types["strike"].matched, report.types["strike"].duplicates) == (1, 1)
    assert report.types["call"].matched == 0 and report.misses[0]["id"] == "e2"
    assert report.types["aid"].false_positives == 1
    assert report.types["meeting"].false_positives == 0
    assert report.overall.precision == 0.5 and report.overall.recall == 0.5
    # every stated argument of e1 agrees (quantity: the lower bound the gold states)
    assert all(s.correct == s.total for s in report.arguments.values())
    assert report.must.value == 1.0 and not report.must_not_found and not report.split_groups


def test_one_event_for_reports_the_gold_calls_one_counts_for_each():
    gold = {"a.txt": {"article": "a.txt", "same_event": [["e1", "e2"]], "events": [
        {"id": "e1", "type": "strike", "core": True, "quantity": [40, None], "claimant": "SBU",
         "evidence": "destroyed more than 40 planes"},
        {"id": "e2", "type": "strike", "core": True, "quantity": [None, 20], "claimant": "US officials",
         "evidence": "hit up to 20 warplanes"}]}}
    sentences = ["Drones destroyed more than 40 planes, the SBU said.", "The attack hit up to 20 warplanes, US officials said."]
    event = _event("strike", sentences[0], quantity=[40, None], claimant="SBU")
    event["evidence"].append({"source": "a.txt", "sentence": sentences[1], "start": 60, "end": 120})
    event["claims"] = [{"claimant": "SBU", "quantity": [40, None], "sentence": sentences[0]},
                       {"claimant": "US officials", "quantity": [None, 20], "sentence": sentences[1]}]
    report = score(gold, [event], [])
    assert report.overall.recall == 1.0 and report.types["strike"].duplicates == 0
    # each gold event's figure and claimant are those of the report that states it
    assert report.arguments["quantity"].value == 1.0 and report.arguments["claimant"].value == 1.0


def test_a_group_is_split_only_by_the_nodes_of_its_own_article():
    gold = {"a.txt": {"article": "a.txt", "events": [], "same": [["Farah Khan", "Khan"]]}}
    actors = [{"id": "actor/farah-khan", "label": "Farah Khan", "aliases": ["Khan"], "type": "Person"},
              {"id": "actor/imran-khan", "label": "Imran Khan", "aliases": ["Khan"], "type": "Person"}]
    # another article's Imran Khan, also "Khan" there, is another person
    assert not score(gold, [], actors, {"texts/a.txt": {"actor/farah-khan"}, "b.txt": {"actor/imran-khan"}}).split_groups
    # in one article, two nodes for the forms of one group are a split
    assert score(gold, [], actors, {"a.txt": {"actor/farah-khan", "actor/imran-khan"}}).split_groups


def test_names_compare_through_groups_and_containment():
    names = NameMatcher([["Russia", "Moscow", "the Kremlin"]])
    assert names.same("Russia", "Kremlin")
    assert names.same("Putin", "Vladimir Putin")
    assert not names.same("Russia", "Ukraine")


def test_names_compare_through_the_forms_the_graph_saw():
    names = NameMatcher([], {"Oleksandr Syrskyi": ["Oleksandr Syrskii", "Syrskyi"]})
    assert names.same("Oleksandr Syrskii", "Oleksandr Syrskyi")
    assert not names.same("Valerii Zaluzhnyi", "Oleksandr Syrskyi")


def test_two_events_in_one_sentence_go_to_the_gold_events_whose_arguments_they_share():
    sentence = "A Ukrainian drone attack destroyed 40 Russian planes while Moscow pounded Kyiv."
    gold = {"a.txt": {"article": "a.txt", "events": [
        {"id": "e1", "type": "strike", "core": True, "actor": "Ukraine", "target": "Russia",
         "evidence": "drone attack destroyed 40 Russian planes"},
        {"id": "e2", "type": "strike", "core": True, "actor": "Russia", "target": "Ukraine",
         "evidence": "Moscow pounded Kyiv"}]}}
    events = [_event("strike", sentence, actor=["Russia"], target=["Ukraine"]),
              _event("strike", sentence, actor=["Ukraine"], target=["Russia"])]
    report = score(gold, events, [])
    assert report.overall.recall == 1.0
    assert all(s.correct == s.total for s in report.arguments.values())


PLOVER_GOLD = {
    "p.txt": {
        "article": "p.txt",
        "events": [
            {"id": "e1", "type": "strike", "plover": "ASSAULT", "core": True, "evidence": "drones struck Kharkiv"},
            {"id": "p1", "type": "protest", "plover": "PROTEST", "core": True, "evidence": "protesters rallied in Tbilisi"},
            {"id": "p2", "type": "accuse", "plover": "ACCUSE", "core": True, "evidence": "Kyiv blamed Moscow"},
            {"id": "p3", "type": "coerce", "plover": "COERCE", "core": False, "evidence": "police may detain"},
        ],
    }
}


def _said(kind, category, sentence, modality="asserted"):
    event = _event(kind, sentence, plover=category, modality=modality)
    event["evidence"][0]["source"] = "p.txt"
    return event


def test_plover_categories_are_scored_whatever_the_type_and_other_types_are_not_scored_as_types():
    events = [
        _said("strike", "ASSAULT", "Russian drones struck Kharkiv on Monday."),
        _said("casualties", "ASSAULT", "Russian drones struck Kharkiv on Monday."),  # a second ASSAULT: a duplicate
        _said("protest", "PROTEST", "Thousands of protesters rallied in Tbilisi."),
        _said("protest", "PROTEST", "Kyiv blamed Moscow for the attack."),  # the wrong category: a false positive
        _said("accuse", "ACCUSE", "Kyiv blamed Moscow for the attack.", modality="negated"),  # unsaid: not counted
        _said("coerce", "COERCE", "Officials said police may detain them."),  # non-core: neither hit nor false positive
    ]
    report = score(PLOVER_GOLD, events, [])
    categories = report.categories
    assert (categories["ASSAULT"].matched, categories["ASSAULT"].duplicates) == (1, 1)
    assert (categories["PROTEST"].matched, categories["PROTEST"].false_positives) == (1, 1)
    assert (categories["ACCUSE"].matched, categories["ACCUSE"].core) == (0, 1)
    assert categories["COERCE"].core == 0 and categories["COERCE"].false_positives == 0
    # the eight types are scored as before; a protest is no type of theirs
    assert (report.types["strike"].matched, report.types["strike"].core) == (1, 1)
    assert "protest" not in report.types and report.unscored == {"protest": 2, "accuse": 1, "coerce": 1}
    assert report.as_dict()["plover"]["PROTEST"]["precision"] == 0.5


def _eval_report(run_cli, gold: Path, index: Path) -> dict:
    """``kgbuild eval --json`` on a development set, having checked that it counted every core gold event of
    the first eight types."""
    result = run_cli("eval", "--gold", gold, index, "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["events"]["overall"]["core"] == sum(
        1 for path in gold.glob("*.json") for e in json.loads(path.read_text())["events"]
        if e["core"] and e["type"] in EVENT_TYPES)
    return report


def test_eval_command_scores_the_seeds(run_cli, corpus):
    report = _eval_report(run_cli, corpus / "gold", corpus / "index.json")
    overall = report["events"]["overall"]
    # The bars (the naive baseline scores P 0.53, R 0.81, arguments 0.39).
    assert overall["recall"] >= 0.8 and overall["precision"] >= 0.8
    assert all(scores["recall"] >= 0.5 for kind, scores in report["events"].items() if kind != "overall")
    arguments = report["arguments"]
    assert arguments["overall"] >= 0.8
    assert arguments["quantity"]["accuracy"] >= 0.9 and arguments["claimant"]["accuracy"] >= 0.7
    # issue 4's entity bars: one node per thing
    assert report["actors"]["must_not_found"] == [] and report["actors"]["split_groups"] == []
    assert report["actors"]["must_recall"] >= 0.95
    # reports of one event merge: 12 duplicates of 78 found two sessions ago, 3 now (the 5%)
    assert overall["duplicates"] <= 3
    text = run_cli("eval", "--gold", corpus / "gold", corpus / "index.json")
    assert "overall" in text.output and "argument accuracy" in text.output


def test_eval_rejects_a_folder_without_gold(run_cli, tmp_path, corpus):
    result = run_cli("eval", "--gold", tmp_path, corpus / "index.json")
    assert result.exit_code == 1 and "no gold annotation files" in result.output


def test_eval_fails_when_an_input_is_missing(run_cli, tmp_path, corpus):
    missing = tmp_path / "missing.txt"
    result = run_cli("eval", "--gold", corpus / "gold", missing)
    assert result.exit_code == 1
    assert f"{missing}: no such file or folder" in result.output


def test_eval_command_scores_the_voa_articles(run_cli, corpus):
    """The second development set: thirty VOA articles of many wars (issue 14).

    The floors are the figures this set has reached (P 0.89, R 0.84, arguments 0.75,
    must-actors 0.97, no split alias group, 5 duplicates, from P 0.71, R 0.51, 0.56, 0.90, 20
    and 23 when it came in): the issue's bars (P and R >= 0.8, arguments >= 0.75, must-actors
    >= 0.95, no split group, duplicates <= 5% of the events found) are met, and these floors keep
    what was reached from sliding back.
    """
    report = _eval_report(run_cli, corpus / "voa" / "gold", corpus / "voa" / "index.json")
    overall = report["events"]["overall"]
    assert overall["precision"] >= 0.89 and overall["recall"] >= 0.84
    assert report["events"]["strike"]["recall"] >= 0.7
    assert report["arguments"]["overall"] >= 0.75
    # photo credits, bylines, contributor lines and the outlet itself are never actors
    assert report["actors"]["must_not_found"] == []
    assert report["actors"]["must_recall"] >= 0.95
    assert report["actors"]["split_groups"] == []
    assert overall["duplicates"] <= 5
    found = overall["matched"] + overall["false_positives"] + overall["duplicates"]
    assert overall["duplicates"] <= 0.05 * found
    assert report["problems"] == []


# Figures each written set has reached (tests/corpus/README.md gives those it came in with):
# precision, recall, argument accuracy and must-actors, which these floors keep from sliding back.
WRITTEN_SETS = {
    "notes": (0.97, 0.98, 0.88, 0.95),
    "wire": (0.93, 0.96, 0.86, 0.95),
    "wars": (0.95, 0.94, 0.785, 0.98),
}


# PLOVER category detection where the gold codes every event's category: (precision, recall) over all categories,
# and recall over the categories beyond the first eight types' (protests, arrests, accusations ...)
PLOVER_SETS = {
    "notes": (0.98, 0.96, 0.8),
    "wire": (0.94, 0.93, 0.65),
}


@pytest.mark.parametrize("name", sorted(WRITTEN_SETS))
def test_eval_command_scores_the_written_sets(run_cli, name):
    folder = Path(__file__).parent / "corpus" / name
    precision, recall, arguments, must = WRITTEN_SETS[name]
    report = _eval_report(run_cli, folder / "gold", folder / "index.json")
    overall = report["events"]["overall"]
    assert overall["precision"] >= precision and overall["recall"] >= recall
    assert report["arguments"]["overall"] >= arguments
    assert report["actors"]["must_recall"] >= must
    assert report["problems"] == []
    if name in PLOVER_SETS:
        least_precision, least_recall, least_other_recall = PLOVER_SETS[name]
        categories = report["plover"]
        found = sum(c["matched"] for c in categories.values())
        assert found / (found + sum(c["false_positives"] for c in categories.values())) >= least_precision
        assert found / sum(c["core"] for c in categories.values()) >= least_recall
        others = [c for name, c in categories.items() if name not in ("ASSAULT", "CONSULT", "REQUEST", "AID", "MOBILIZE")]
        assert sum(c["matched"] for c in others) / sum(c["core"] for c in others) >= least_other_recall

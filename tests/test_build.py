"""The build's extraction stage: a failing article costs only itself."""

from __future__ import annotations

import sys
from datetime import date

import pytest

from kgbuild.errors import Problem
from kgbuild.io import FeedMetadata, make_article

TEXTS = ["Russian forces shelled Kharkiv on Monday, the governor said.",
         "Ukraine's air force said it shot down 40 drones overnight.",
         "The foreign ministers of Turkey and Iran met in Ankara on Tuesday."]


def test_an_article_that_breaks_extraction_is_one_problem_and_the_rest_count_once(nlp, monkeypatch):
    build_module = sys.modules["kgbuild.build"]
    articles = [make_article(f"a{i}.txt", text, FeedMetadata(published=date(2025, 2, 13)))
                for i, text in enumerate(TEXTS)]
    real = build_module.doc_to_facts

    def breaks_on_the_second(doc, article):
        if article.source == "a1.txt":
            raise ValueError("a bug met on this article")
        return real(doc, article)

    monkeypatch.setattr(build_module, "doc_to_facts", breaks_on_the_second)
    results = list(build_module.extract_articles(nlp, articles))
    assert [r.source if isinstance(r, Problem) else r.article.source for r in results] == ["a0.txt", "a1.txt", "a2.txt"]
    assert isinstance(results[1], Problem) and "a bug met on this article" in results[1].message


@pytest.mark.parametrize("workers", [1, 2])
def test_the_extraction_reads_the_input_a_few_batches_ahead(nlp, workers):
    """The corpus is never read whole into the queue of worker tasks: memory stays flat with its size;
    in one process, the helper making the graphs gets the first ones after a few articles, not a large batch."""
    from kgbuild.build import EXTRACTION_BATCH_SIZE, extract_all

    pulled = []

    def articles():
        for i in range(120):
            pulled.append(i)
            yield make_article(f"a{i}.txt", f"{TEXTS[i % 3]} Copy {i}.", FeedMetadata(published=date(2025, 2, 13)))

    results = extract_all(articles(), "test", workers=workers)
    next(results)
    assert len(pulled) <= (2 * workers + 2) * EXTRACTION_BATCH_SIZE
    assert 1 + sum(1 for _ in results) == 120


def test_a_feed_of_good_and_hostile_lines_loses_no_good_article_and_every_export_opens(run_cli, tmp_path):
    import json
    import xml.dom.minidom

    good = [{"id": f"good-{n}", "text": f"Russian drones struck {town} on Monday, killing {n + 2} people, the mayor said.",
             "published": "2025-03-04"} for n, town in enumerate(["Kharkiv", "Sumy", "Odesa"])]
    hostile = [
        '{"id": "surrogates\\ud800", "title": "T\\udc00", "text": "Shelling hit Izium\\ud800 on Tuesday."}',
        '{"id": "controls", "text": "Shelling\\u0001 hit\\u000b Kherson\\u001f on Tuesday, wounding\\u0000 4.\\ufffe"}',
        '{"id": "edges", "published": "9999-12-31", "text": "Shelling hit Izium on 31 December 9999 and on January 1, 0001."}',
        '{"id": "huge", "text": "Shelling killed ' + "9" * 400 + ' soldiers in Bakhmut on Monday."}',
        "[" * 50_000 + "]" * 50_000,
        '{"id": "broken", "text": ',
    ]
    lines = [json.dumps(good[0]), *hostile[:3], json.dumps(good[1]), *hostile[3:], json.dumps(good[2])]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = tmp_path / "store"
    built = run_cli("build", tmp_path / "feed.jsonl", "--store", store)
    assert "Traceback" not in built.output
    assert "error: feed.jsonl:7: " in built.output and "error: feed.jsonl:8: " in built.output
    assert "built 7 article(s)" in built.output
    sources = run_cli("query", "--store", store, "--format", "csv",
                      "SELECT ?s WHERE { ?a a <https://w3id.org/kgbuild/ontology#Article> ; "
                      "<https://w3id.org/kgbuild/ontology#source> ?s }").output
    assert {"good-0", "good-1", "good-2", "surrogates\ufffd", "controls"} <= set(sources.split())
    for kind, name in [("graphml", "g.graphml"), ("gexf", "g.gexf"), ("events", "events.jsonl"), ("turtle", "all.ttl"), ("acled", "acled.csv")]:
        assert run_cli("export", kind, "--store", store, "-o", tmp_path / name).exit_code == 0, kind
    xml.dom.minidom.parse(str(tmp_path / "g.graphml"))
    xml.dom.minidom.parse(str(tmp_path / "g.gexf"))
    assert all(json.loads(line) for line in (tmp_path / "events.jsonl").read_text().splitlines())
    assert "Infinity" not in (tmp_path / "events.jsonl").read_text()
    assert run_cli("report", "--store", store, "-o", tmp_path / "report.html").exit_code == 0
    assert run_cli("validate", "--store", store).exit_code == 0


def test_a_build_says_when_most_of_an_article_is_set_aside_as_page_furniture(run_cli, tmp_path):
    links = ["Markets Slide As Oil Prices Climb Again", "City Council Approves New Budget Plan",
             "Storm Leaves Thousands Without Power", "Local Team Wins Regional Title Again",
             "New Park Opens In The City Centre"]
    (tmp_path / "page.txt").write_text("Most Read\n" + "\n".join(links) + "\n\nShelling hit Izium on Monday, the army said.\n")
    (tmp_path / "plain.txt").write_text("Shelling hit Kupiansk on Monday, killing two people, the governor said.\n")
    built = run_cli("build", tmp_path / "page.txt", tmp_path / "plain.txt", "--store", tmp_path / "store")
    assert built.exit_code == 0 and "built 2 article(s)" in built.output
    warnings = [line for line in built.output.splitlines() if "page furniture" in line]
    assert len(warnings) == 1 and warnings[0].startswith("warning: page.txt: ") and "% of its words" in warnings[0]


def test_an_article_over_its_time_budget_is_one_problem_and_the_rest_are_read(nlp, monkeypatch):
    build_module = sys.modules["kgbuild.build"]
    long_text = " ".join(f"Shelling hit the village of Kalyniv{n} on Monday, the regional governor said."
                         for n in range(3200))  # 250,000 characters: seconds of work, short ones milliseconds
    articles = [make_article(name, text, FeedMetadata(published=date(2025, 2, 13)))
                for name, text in [("short0.txt", TEXTS[0]), ("long.txt", long_text), ("short1.txt", TEXTS[1])]]
    monkeypatch.setattr(build_module, "BUDGET_BASE_SECONDS", 0.3)
    monkeypatch.setattr(build_module, "BUDGET_SECONDS_PER_CHARACTER", 0.0)
    short0, long, short1 = build_module.extract_articles(nlp, articles)
    assert isinstance(long, Problem) and long.source == "long.txt"
    assert "over its 0.3 s time budget for 251,689 characters" in long.message
    assert [short0.article.source, short1.article.source] == ["short0.txt", "short1.txt"]
    assert short0.events and short1.events

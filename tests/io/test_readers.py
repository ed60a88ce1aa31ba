from __future__ import annotations

import json
from datetime import date

import pytest

from kgbuild.errors import Problem
import importlib

decode_module = importlib.import_module("kgbuild.io.decode")
from kgbuild.io import read_inputs
from kgbuild.io.published import infer_published
from kgbuild.records import Article

from ..conftest import DATA


def _split(items):
    articles = [i for i in items if isinstance(i, Article)]
    problems = [i for i in items if isinstance(i, Problem)]
    return articles, problems


def test_text_file_first_line_is_title(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Rebels seize border town\n\nRebels seized the town of Kalehe on Sunday, the army said.\n")
    (article,), problems = _split(list(read_inputs([path])))
    assert problems == []
    assert article.title == "Rebels seize border town"
    assert article.source == "a.txt"
    assert article.text.startswith("Rebels seize border town")  # offsets stay in the file's text


def test_html_keeps_article_drops_navigation_and_footer():
    (article,), problems = _split(list(read_inputs([DATA / "geneva-talks.html"])))
    assert problems == []
    assert "Rustem Umerov led the Ukrainian delegation" in article.text
    assert "Privacy" not in article.text and "Markets rally" not in article.text
    assert article.title.startswith("Envoys meet in Geneva")
    assert article.published == date(2025, 3, 14)  # from data/index.json beside it


def test_jsonl_reads_metadata_per_line():
    articles, problems = _split(list(read_inputs([DATA / "feed.jsonl"])))
    assert problems == []
    assert [a.source for a in articles] == ["sample-khartoum-1", "sample-goma-1"]
    assert articles[1].published == date(2025, 1, 28)
    assert articles[1].outlet == "Sample Wire"


def test_index_json_builds_exactly_its_files(corpus):
    articles, problems = _split(list(read_inputs([corpus / "index.json"])))
    assert problems == []
    assert len(articles) == 5
    assert {a.outlet for a in articles} >= {"Al Jazeera", "Global Times", "The Hindu"}
    assert all(a.published is not None and not a.published_inferred for a in articles)


def test_folder_is_read_recursively_with_sidecar_metadata(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Troops crossed the river on Friday, officials said.\n")
    (tmp_path / "sub" / "index.json").write_text(json.dumps([{"file": "b.txt", "outlet": "X", "published": "2024-05-03"}]))
    (article,), _ = _split(list(read_inputs([tmp_path])))
    assert article.outlet == "X" and article.published == date(2024, 5, 3)


def test_identity_is_a_hash_of_normalised_text(tmp_path):
    (tmp_path / "a.txt").write_text("Talks resumed  in Doha on Monday.\n")
    (tmp_path / "b.txt").write_text("Talks resumed in Doha\non Monday.")
    a, b = _split(list(read_inputs([tmp_path / "a.txt", tmp_path / "b.txt"])))[0]
    assert a.id == b.id


BAD_INPUTS = [
    # (file name, bytes, severity, words the message must contain, line)
    ("empty.txt", b"", "warning", "empty", None),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "error", "binary", None),
    ("latin1.txt", "Kämpfe in der Stadt\n".encode("latin-1"), "error", "UTF-8", None),
    ("report.pdf", b"%PDF-1.4", "error", "unknown file type", None),
]


@pytest.mark.parametrize("name, data, severity, words, line", BAD_INPUTS)
def test_bad_input_is_reported_and_the_rest_is_read(tmp_path, name, data, severity, words, line):
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text("Shelling hit Kharkiv on Tuesday, the mayor said.\n")
    articles, problems = _split(list(read_inputs([bad, good])))
    assert [a.source for a in articles] == ["good.txt"]
    (problem,) = problems
    assert problem.source == name and problem.severity == severity and words in problem.message
    assert name in str(problem)


def test_malformed_jsonl_line_names_the_line_and_keeps_the_others(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "a", "text": "Drones hit Sumy."}\n{"id": "b", "text": \n{"id": "c"}\n{"id": "d", "text": "Talks in Doha."}\n')
    articles, problems = _split(list(read_inputs([path])))
    assert [a.source for a in articles] == ["a", "d"]
    assert [(p.line, p.severity) for p in problems] == [(2, "error"), (3, "error")]
    assert "not valid JSON" in problems[0].message and '"text"' in problems[1].message


def test_missing_path(tmp_path):
    (problem,) = list(read_inputs([tmp_path / "nope"]))
    assert problem.severity == "error" and "no such file" in problem.message


def test_huge_file_is_refused_with_advice(tmp_path, monkeypatch):
    monkeypatch.setattr(decode_module, "MAX_ARTICLE_BYTES", 1000)
    path = tmp_path / "dump.txt"
    path.write_text("word " * 1000)
    (problem,) = list(read_inputs([path]))
    assert "limit" in problem.message and "JSON Lines" in problem.message


@pytest.mark.parametrize(
    "text, expected",
    [
        ("KYIV, June 3, 2025 - Missiles hit the city. Talks were set for June 10, 2025.", date(2025, 3 + 3, 3)),
        ("Fighting went on along the front line through the week, officials said. " * 3
         + "The war began on 24 February 2022; talks resumed on 2 June 2025.", date(2025, 6, 2)),
        ("Fighting resumed on Monday.", None),
    ],
)
def test_published_date_inferred_from_full_dates_only(text, expected):
    assert infer_published(text) == expected


GOOD_LINE = {"text": "Drones struck Kharkiv on Monday, the mayor said.", "published": "2025-03-04"}
# (what a hostile line holds, what the article read from it must be, or the words its error must contain)
HOSTILE_LINES = [
    ({"id": "surrogate-text", "text": "Drones struck Sumy\ud800 on Monday."}, "Drones struck Sumy\ufffd on Monday."),
    ({"id": "surrogate-title", "title": "Strike\udc00", "text": "Drones struck Sumy on Tuesday."}, "Strike\ufffd"),
    ({"id": "\ud800id", "text": "Drones struck Sumy on Wednesday."}, "\ufffdid"),
    ({"id": "surrogate-feed", "url": "https://example.org/\udfff", "outlet": "Wire\ud801",
      "text": "Drones struck Sumy on Thursday."}, "https://example.org/\ufffd"),
    ({"id": "controls", "title": "A\x00title", "text": "Drones\x01 struck\x0b the army\x92s depot\x1f on\x7f Friday.\ufffe"},
     "Drones struck  the army\u2019s depot on Friday."),
    ({"id": "bad-date", "text": "Drones struck Sumy on Saturday.", "published": "2025-13-45"}, "Drones struck Sumy on Saturday."),
    ({"id": "year-one", "text": "Drones struck Sumy on Sunday.", "published": "0001-01-01"}, "Drones struck Sumy on Sunday."),
    ({"id": ["not", "a", "name"], "text": "Talks resumed in Doha."}, "Talks resumed in Doha."),
    ({"id": "number-text", "text": 42}, '"text"'),
]


def _feed(tmp_path, hostile):
    lines = [json.dumps({**GOOD_LINE, "id": "good-1"}), json.dumps(hostile) if isinstance(hostile, dict) else hostile,
             json.dumps({**GOOD_LINE, "id": "good-2"})]
    path = tmp_path / "feed.jsonl"
    path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))
    return path


@pytest.mark.parametrize("hostile, expected", HOSTILE_LINES)
def test_a_hostile_jsonl_line_is_read_clean_or_reported_and_loses_no_other(tmp_path, hostile, expected):
    articles, problems = _split(list(read_inputs([_feed(tmp_path, hostile)])))
    assert {"good-1", "good-2"} <= {a.source for a in articles}
    assert all(p.line == 2 and p.source == "feed.jsonl" for p in problems)
    if len(articles) == 2:
        (problem,) = problems
        assert problem.severity == "error" and expected in problem.message
        return
    read = articles[1]
    fields = (read.source, read.text, read.title, read.url, read.outlet, read.language)
    assert expected in fields
    for value in fields:
        assert value is None or value.encode("utf-8") and not any(
            ord(c) < 32 and c not in "\t\n\r" or 0x7f <= ord(c) < 0xa0 or c in "\ufffe\uffff" for c in value)
    if "published" in hostile:
        assert read.published is None or read.published.year > 1
        assert [p.severity for p in problems] in ([], ["warning"])


@pytest.mark.parametrize("hostile", ["[" * 100_000 + "]" * 100_000, '{"text": ' + "[" * 50_000 + "]" * 50_000 + "}",
                                     '{"text": "A figure of ' + "9" * 5000 + '", "published": ' + "9" * 5000 + "}"])
def test_a_jsonl_line_nested_or_sized_to_break_the_parser_is_one_error(tmp_path, hostile):
    articles, problems = _split(list(read_inputs([_feed(tmp_path, hostile)])))
    assert [a.source for a in articles] == ["good-1", "good-2"]
    (problem,) = problems
    assert problem.line == 2 and problem.severity == "error"
    assert str(problem).startswith("error: feed.jsonl:2: ")


def test_an_article_longer_than_spacy_reads_is_refused_and_the_rest_is_read(tmp_path):
    long_text = "Shelling hit Kharkiv on Monday, the mayor said. " * 25_000  # 1.2 million characters
    (tmp_path / "dump.txt").write_text(long_text)
    (tmp_path / "feed.jsonl").write_text("\n".join([json.dumps({**GOOD_LINE, "id": "good-1"}),
                                                    json.dumps({"id": "dump", "text": long_text}),
                                                    json.dumps({**GOOD_LINE, "id": "good-2", "text": "Talks in Doha."})]))
    articles, problems = _split(list(read_inputs([tmp_path / "dump.txt", tmp_path / "feed.jsonl"])))
    assert [a.source for a in articles] == ["good-1", "good-2"]
    assert [(p.source, p.line) for p in problems] == [("dump.txt", None), ("feed.jsonl", 2)]
    assert all("1,200,000 characters" in p.message and "split it" in p.message for p in problems)


def test_a_store_inside_the_input_folder_is_not_read_as_articles(tmp_path):
    from kgbuild import open_store

    (tmp_path / "a.txt").write_text("Shelling hit Kharkiv on Monday, the mayor said.\n")
    with open_store(tmp_path / "store"):
        pass
    articles, problems = _split(list(read_inputs([tmp_path])))
    assert [a.source for a in articles] == ["a.txt"] and problems == []

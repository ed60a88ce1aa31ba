"""The build's extraction stage: a failing article costs only itself."""

from __future__ import annotations

import sys
from datetime import date

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


def test_worker_processes_read_the_input_a_few_batches_ahead(nlp):
    """The corpus is never read whole into the queue of worker tasks: memory stays flat with its size."""
    from kgbuild.build import PARALLEL_BATCH_SIZE, extract_all

    pulled = []

    def articles():
        for i in range(120):
            pulled.append(i)
            yield make_article(f"a{i}.txt", f"{TEXTS[i % 3]} Copy {i}.", FeedMetadata(published=date(2025, 2, 13)))

    results = extract_all(articles(), "test", workers=2)
    next(results)
    assert len(pulled) <= (2 * 2 + 2) * PARALLEL_BATCH_SIZE
    assert 1 + sum(1 for _ in results) == 120

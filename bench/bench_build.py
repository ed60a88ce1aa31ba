"""Throughput of `kgbuild build` against bare `nlp.pipe` of the same model on the same texts, in one run.

    python bench/bench_build.py [--copies N] [--workers N]

Texts are the five seed pages (../shared/corpus) and data/, each repeated N times with a
marker line so every copy is a new article. Prints articles/s and words/s for both,
their ratio, and peak memory (RSS) of this process and its children.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

import spacy

from kgbuild import build
from kgbuild.io import read_inputs
from kgbuild.nlp.pipeline import MODEL_PACKAGES
from kgbuild.records import Article

REPO = Path(__file__).resolve().parents[1]


def texts() -> list[str]:
    inputs = [REPO.parent / "shared" / "corpus" / "index.json", REPO / "data"]
    return [a.text for a in read_inputs(inputs) if isinstance(a, Article)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--workers", type=int, default=1)
    options = parser.parse_args()

    corpus = [f"{text}\n\nCopy {n}." for n in range(options.copies) for text in texts()]
    words = sum(len(t.split()) for t in corpus)

    nlp = next(spacy.load(name) for name in MODEL_PACKAGES if spacy.util.is_package(name))
    start = time.perf_counter()
    for _ in nlp.pipe(corpus, batch_size=32):
        pass
    bare = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as folder:
        feed = Path(folder) / "feed.jsonl"
        import json

        feed.write_text("".join(json.dumps({"id": f"a{i}", "text": t, "published": "2025-02-13"}) + "\n"
                                for i, t in enumerate(corpus)))
        start = time.perf_counter()
        report = build([feed], Path(folder) / "store", workers=options.workers)
        full = time.perf_counter() - start
    assert report.built == len(corpus), report

    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(f"articles: {len(corpus)}  words: {words}  workers: {options.workers}")
    print(f"bare nlp.pipe : {len(corpus) / bare:8.1f} articles/s  {words / bare:9.0f} words/s")
    print(f"kgbuild build : {len(corpus) / full:8.1f} articles/s  {words / full:9.0f} words/s")
    print(f"ratio build/bare throughput: {bare / full:.2f}")
    print(f"peak RSS: {peak / 1024:.0f} MiB")


if __name__ == "__main__":
    main()

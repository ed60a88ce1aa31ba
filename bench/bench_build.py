"""Throughput of `kgbuild build` against bare `nlp.pipe` of the same model on the same texts, in one run.

    python bench/bench_build.py [--copies N] [--workers N] [--repeat N] [--cluster local:1 --cluster local:2 ...]

Texts are the five seed pages (../shared/corpus) and data/, each repeated N times with a
marker line so every copy is a new article. Prints articles/s and words/s for both,
their ratio, the ratio of CPU time spent (this process and its children: the
validating process works beside the NLP), and peak memory (RSS). With ``--repeat N`` the
build runs N times, each between two bare runs and each loading its pipeline again, and
every build's ratio to the bare runs beside it is printed with their median: this machine
is shared, and one run's ratio moves by 0.05 or more.

``--memory 200,2000`` instead builds that many short articles (data/'s, repeated), each
count in a fresh process, and prints each build's peak RSS: memory should not grow with
the corpus.

Each ``--cluster`` builds the same texts again on that Dask cluster (local:N starts one
with N worker processes, start-up included) and prints its throughput against bare
spaCy and the embedded build, and what the cluster costs or saves per article.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import spacy

from kgbuild import build
from kgbuild.io import read_inputs
from kgbuild.nlp.pipeline import MODEL_PACKAGES, shared_pipeline
from kgbuild.records import Article

REPO = Path(__file__).resolve().parents[1]


def texts(inputs: list[Path] | None = None) -> list[str]:
    inputs = inputs or [REPO.parent / "shared" / "corpus" / "index.json", REPO / "data"]
    return [a.text for a in read_inputs(inputs) if isinstance(a, Article)]


def write_feed(path: Path, corpus: list[str]) -> Path:
    """``corpus`` as one JSON Lines feed, every text a new article."""
    path.write_text("".join(json.dumps({"id": f"a{i}", "text": t, "published": "2025-02-13"}) + "\n"
                            for i, t in enumerate(corpus)))
    return path


def peak_rss_of_build(count: int) -> None:
    """Build ``count`` short articles and print the peak RSS of this process and of its largest child."""
    short = texts([REPO / "data"])
    corpus = [f"{short[n % len(short)]}\n\nCopy {n}." for n in range(count)]
    with tempfile.TemporaryDirectory() as folder:
        report = build([write_feed(Path(folder) / "feed.jsonl", corpus)], Path(folder) / "store")
    assert report.built == count, report
    own, child = (resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    print(f"{count} {own} {child}")


def memory(counts: list[int]) -> None:
    """Peak RSS of builds of each count of articles, each in a fresh process."""
    for count in counts:
        run = subprocess.run([sys.executable, __file__, "--rss-of", str(count)], capture_output=True, text=True,
                             check=True)
        _, own, child = run.stdout.split()
        print(f"{count:6} articles: peak RSS {int(own) / 1024:6.0f} MiB building, {int(child) / 1024:6.0f} MiB "
              "validating (largest child)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1,
                        help="build this many times, each between two bare runs, and print every ratio and their median")
    parser.add_argument("--cluster", action="append", default=[], metavar="ADDRESS",
                        help="also build on this Dask cluster (tcp://HOST:PORT or local:N); repeatable")
    parser.add_argument("--memory", metavar="N,N,...", help="peak RSS of builds of these numbers of short articles")
    parser.add_argument("--rss-of", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.rss_of:
        return peak_rss_of_build(options.rss_of)
    if options.memory:
        return memory([int(n) for n in options.memory.split(",")])

    corpus = [f"{text}\n\nCopy {n}." for n in range(options.copies) for text in texts()]
    words = sum(len(t.split()) for t in corpus)

    nlp = next(spacy.load(name) for name in MODEL_PACKAGES if spacy.util.is_package(name))

    def bare_pipe() -> tuple[float, float]:
        with measured() as times:
            for _ in nlp.pipe(corpus, batch_size=32):
                pass
        return times

    # Bare spaCy runs before and after each build, so a slow spell of this shared machine
    # weighs on both sides of the ratio.
    bare_runs = [bare_pipe()]
    builds: list[list[float]] = []
    clustered: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        feed = write_feed(Path(folder) / "feed.jsonl", corpus)
        for n in range(options.repeat):
            shared_pipeline.cache_clear()  # each build loads its pipeline, as a fresh `kgbuild build` does
            with measured() as full:
                report = build([feed], Path(folder) / f"store{n}", workers=options.workers)
            assert report.built == len(corpus), report
            builds.append(full)
            if n < options.repeat - 1:
                bare_runs.append(bare_pipe())
        for n, address in enumerate(options.cluster):
            with measured() as clustered[address]:
                report = build([feed], Path(folder) / f"cluster{n}", cluster=address)
            assert report.built == len(corpus), report
    bare_runs.append(bare_pipe())
    # each build against the mean of the bare runs on either side of it
    ratios = [(bare_runs[n][0] + bare_runs[n + 1][0]) / 2 / full[0] for n, full in enumerate(builds)]
    bare = [sum(run[i] for run in bare_runs) / len(bare_runs) for i in (0, 1)]
    full = [sorted(run[i] for run in builds)[len(builds) // 2] for i in (0, 1)]

    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(f"articles: {len(corpus)}  words: {words}  workers: {options.workers}")
    print(f"bare nlp.pipe : {len(corpus) / bare[0]:8.1f} articles/s  {words / bare[0]:9.0f} words/s  "
          f"(runs of {', '.join(f'{run[0]:.0f}' for run in bare_runs)} s)")
    print(f"kgbuild build : {len(corpus) / full[0]:8.1f} articles/s  {words / full[0]:9.0f} words/s")
    print(f"ratio build/bare throughput: {bare[0] / full[0]:.2f}")
    if len(ratios) > 1:
        print(f"  each build against the bare runs beside it: {', '.join(f'{r:.2f}' for r in ratios)}; "
              f"median {sorted(ratios)[len(ratios) // 2]:.2f}")
    print(f"ratio build/bare CPU time (all processes): {full[1] / bare[1]:.2f}")
    print(f"peak RSS: {peak / 1024:.0f} MiB")
    for address, (wall, _) in clustered.items():
        print(f"--cluster {address}: {len(corpus) / wall:8.1f} articles/s; ratio to bare {bare[0] / wall:.2f}, "
              f"to the embedded build {full[0] / wall:.2f}; {(wall - full[0]) / len(corpus) * 1000:+.0f} ms per article "
              "against the embedded build (start-up included)")


def _cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@contextmanager
def measured() -> Iterator[list[float]]:
    """Wall-clock and CPU seconds of the block, filled in when it ends."""
    times: list[float] = []
    wall, cpu = time.perf_counter(), _cpu_seconds()
    yield times
    times += [time.perf_counter() - wall, _cpu_seconds() - cpu]


if __name__ == "__main__":
    main()

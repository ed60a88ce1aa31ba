"""Hostile and ordinary generated input through the whole extraction: tracebacks, hangs, and
how time grows with length.

    python bench/fuzz.py [--count 10000] [--seed 1] [--processes 2]
    python bench/fuzz.py --dense 50000,100000,200000,400000

Each text is built from a small grammar of news sentences (strikes, tolls, claims, meetings,
with dates and figures) mixed with what scraped dumps hold: control characters, lone
surrogates, runs of marks, very long words and numbers, URLs, markup, emoji, repeated lines,
text with no line breaks. Lengths are spread evenly on a log scale from 20 to 40,000
characters. Every text goes through the reader (as a JSON Lines line) and the extraction,
each article timed on its own. Prints the number of tracebacks (an exception anywhere is
one), hangs (an article over its time budget), and the slope of log(time) against
log(length) for texts over 2,000 characters: 1.0 is linear.

``--dense LENGTHS`` instead builds one article of each length from the news sentences
alone, a dump with an event in nearly every sentence, and prints the CPU time each takes to
extract in this process, and how much longer each takes than the one before.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import tempfile
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

from kgbuild.build import extract_articles, time_allowed
from kgbuild.errors import Problem
from kgbuild.io import FeedMetadata, make_article, read_inputs
from kgbuild.nlp.pipeline import shared_pipeline
from kgbuild.records import Article

ACTORS = ["Russian forces", "Ukraine's army", "Houthi rebels", "the Israeli military", "Hamas", "M23 rebels",
          "Sudan's army", "the RSF", "NATO", "the United Nations", "President Zelenskyy", "Kim Jong Un",
          "al-Shabab fighters", "Colombian troops", "the Taliban", "police"]
PLACES = ["Kharkiv", "Gaza City", "Goma", "El Fasher", "Mogadishu", "Sanaa", "Kabul", "Aleppo", "Odesa", "Juba",
          "Bakhmut", "Khan Younis", "Maiduguri", "Mosul", "Tripoli", "Donetsk"]
VERBS = ["shelled", "struck", "attacked", "bombed", "raided", "fired rockets at", "shot down drones over"]
DATES = ["on Monday", "last week", "on March 3", "overnight", "on 12 May 2024", "two days ago", "in 2019",
         "on the 31st", "last year", "on Christmas Day", "in the year 9999", "on January 1, 0001"]
FIGURES = ["three", "at least 40", "more than 1,200", "10,000-12,000", "dozens of", "9" * 30, "1e400",
           "hundreds of thousands of", "0", "-5"]
CLAIMANTS = ["the governor said", "officials said", "the army claimed", "according to witnesses",
             "the ministry denied", "a spokesman told reporters"]


def sentence(rng: random.Random) -> str:
    kind = rng.randrange(5)
    actor, place, when = rng.choice(ACTORS), rng.choice(PLACES), rng.choice(DATES)
    if kind == 0:
        return f"{actor} {rng.choice(VERBS)} {place} {when}, {rng.choice(CLAIMANTS)}."
    if kind == 1:
        return f"{rng.choice(FIGURES)} civilians were killed in {place} {when}, {rng.choice(CLAIMANTS)}."
    if kind == 2:
        return f"{actor} met {rng.choice(ACTORS)} in {place} {when} and called for a ceasefire."
    if kind == 3:
        return f"“{actor} will never surrender,” {rng.choice(CLAIMANTS)} in {place}."
    return f"{actor} deployed {rng.choice(FIGURES)} troops near {place} {when}."


def junk(rng: random.Random) -> str:
    kind = rng.randrange(12)
    if kind == 0:
        return "".join(chr(rng.choice([0, 1, 7, 8, 11, 12, 27, 127, 0x85, 0x92, 0xFFFE])) for _ in range(rng.randrange(1, 30)))
    if kind == 1:
        return "\ud800" * rng.randrange(1, 5)
    if kind == 2:
        return rng.choice("!?.-=*~#(«") * rng.randrange(5, 20_000)
    if kind == 3:
        return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(rng.randrange(50, 20_000)))
    if kind == 4:
        return "9" * rng.randrange(20, 3000)
    if kind == 5:
        return "https://example.org/" + "a/b?c=d&" * rng.randrange(1, 2000)
    if kind == 6:
        return "<div><script>alert(1)</script><p>" * rng.randrange(1, 200)
    if kind == 7:
        return "\U0001F525\U0001F1FA\U0001F1E6" * rng.randrange(1, 2000)
    if kind == 8:
        return "Share\nTweet\nMost Read\n" * rng.randrange(1, 50)
    if kind == 9:
        return " " * rng.randrange(1, 5000) + "\t" * rng.randrange(1, 100)
    if kind == 10:
        return "Reach the reporter at jdoe@example.org. Photo: AP/Jane Doe"
    return "Football captain squad championship league cup final goalkeeper."


def text_of_length(rng: random.Random, length: int) -> str:
    parts: list[str] = []
    size = 0
    one_line = rng.random() < 0.3
    while size < length:
        part = junk(rng) if rng.random() < 0.15 else sentence(rng)
        parts.append(part)
        size += len(part) + 1
    return (" " if one_line else rng.choice([" ", "\n", "\n\n"])).join(parts)[: max(length, 1)]


def corpus(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [text_of_length(rng, int(math.exp(rng.uniform(math.log(20), math.log(40_000))))) for _ in range(count)]


def run_chunk(texts: list[str]) -> list[tuple[int, float, str]]:
    """(length, seconds, outcome) per text: ok, problem, hang or traceback (with its last line)."""
    nlp = shared_pipeline()
    results = []
    with tempfile.TemporaryDirectory() as folder:
        feed = Path(folder) / "feed.jsonl"
        feed.write_bytes("".join(json.dumps({"text": t, "published": "2025-02-13"}) + "\n"
                                 for t in texts).encode("utf-8", "surrogatepass"))
        try:
            items = list(read_inputs([feed]))
        except Exception:  # noqa: BLE001
            return [(len(t), 0.0, "traceback: reader: " + traceback.format_exc().splitlines()[-1]) for t in texts]
    for item in items:
        if isinstance(item, Problem):
            results.append((0, 0.0, "problem"))
            continue
        assert isinstance(item, Article)
        start = time.perf_counter()
        try:
            (outcome,) = extract_articles(nlp, [item])
            verdict = "ok" if not isinstance(outcome, Problem) else (
                "hang" if "time budget" in outcome.message else "traceback: " + outcome.message)
        except Exception:  # noqa: BLE001
            verdict = "traceback: " + traceback.format_exc().splitlines()[-1]
        seconds = time.perf_counter() - start
        if seconds > time_allowed(item):
            verdict = "hang"
        results.append((len(item.text), seconds, verdict))
    return results


def dense_growth(lengths: list[int], seed: int) -> None:
    """CPU time to extract one article of only news sentences at each length, one after another."""
    nlp = shared_pipeline()
    rng = random.Random(seed)
    extract_articles(nlp, [make_article("warm-up", sentence(rng), FeedMetadata())])
    before = None
    for length in lengths:
        paragraphs, size = [], 0
        while size < length:
            paragraphs.append(" ".join(sentence(rng) for _ in range(4)))
            size += len(paragraphs[-1]) + 2
        article = make_article(f"dense-{length}", "\n\n".join(paragraphs), FeedMetadata(published=date(2025, 2, 13)))
        start = time.process_time()
        (facts,) = extract_articles(nlp, [article])
        seconds = time.process_time() - start
        events = "a problem" if isinstance(facts, Problem) else f"{len(facts.events):5} events"
        growth = f"  x{seconds / before[1]:.1f} for x{length / before[0]:.1f} the text" if before else ""
        print(f"{length:>9,} characters: {seconds:7.1f} s CPU, {events}{growth}", flush=True)
        before = (length, seconds)


def slope(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of log(seconds) against log(length)."""
    xs = [math.log(length) for length, _ in points]
    ys = [math.log(max(seconds, 1e-6)) for _, seconds in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--dense", type=lambda text: [int(n) for n in text.split(",")], default=None,
                        help="comma-separated lengths of dense articles to time instead")
    options = parser.parse_args()
    if options.dense:
        dense_growth(options.dense, options.seed)
        return
    texts = corpus(options.count, options.seed)
    chunks = [texts[i:i + 200] for i in range(0, len(texts), 200)]
    started = time.perf_counter()
    with ProcessPoolExecutor(options.processes) as pool:
        results = [row for chunk in pool.map(run_chunk, chunks) for row in chunk]
    tracebacks = [verdict for _, _, verdict in results if verdict.startswith("traceback")]
    hangs = sum(verdict == "hang" for _, _, verdict in results)
    timed = [(length, seconds) for length, seconds, verdict in results if verdict == "ok" and length > 2000]
    print(f"texts: {len(texts)} ({sum(map(len, texts)):,} characters) in {time.perf_counter() - started:.0f} s")
    print(f"read as articles: {sum(v != 'problem' for _, _, v in results)}, refused by the reader: "
          f"{sum(v == 'problem' for _, _, v in results)}")
    print(f"tracebacks: {len(tracebacks)}  hangs: {hangs}")
    for line in sorted(set(tracebacks))[:10]:
        print("  ", line)
    print(f"slope of log(time) on log(length), texts over 2,000 characters: {slope(timed):.2f} (1.0 is linear)")
    for low, high in [(2_000, 5_000), (5_000, 10_000), (10_000, 20_000), (20_000, 40_001)]:
        band = [seconds * 1000 / (length / 1000) for length, seconds in timed if low <= length < high]
        if band:
            print(f"  {low:>6,}-{high - 1:>6,} characters: {len(band):5} texts, "
                  f"{sorted(band)[len(band) // 2]:6.1f} ms per 1,000 characters (median)")
    sys.exit(1 if tracebacks or hangs else 0)


if __name__ == "__main__":
    main()

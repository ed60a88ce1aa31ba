"""Render ``kgbuild report`` in headless Chromium: a screenshot, and no console message at all.

    python bench/check_report.py [INPUT ...] [--store PATH] [--out DIR]

Builds INPUT (default: the seeds in ../shared/corpus and data/) into a fresh store unless
--store names one, writes the report, and opens it in Debian's Chromium
(``apt-get install chromium``) with every host name unresolvable, so any request the page
made would fail and show. Chromium logs each console message (errors, and Content Security
Policy refusals) to stderr as ``CONSOLE``; the check fails on any. Prints the page's size,
the time to write the report relative to the time to open the store and count it, and
the render time; the screenshot is left in --out for a person to look at.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from kgbuild.build import build
from kgbuild.graph.store import KGStore
from kgbuild.graph.summary import summarize
from kgbuild.report import write_report
from kgbuild.report.browser import BrowserError, open_in_chromium

REPO = Path(__file__).resolve().parents[1]
DEFAULT_INPUTS = [REPO.parent / "shared" / "corpus" / "index.json", REPO / "data"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="*", type=Path, default=DEFAULT_INPUTS)
    parser.add_argument("--store", type=Path, help="an existing store (skips the build)")
    parser.add_argument("--out", type=Path, default=Path(tempfile.mkdtemp(prefix="kgbuild-report-")))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    store_path = args.store or args.out / "store"
    if args.store is None:
        build(args.inputs, store_path)

    page, screenshot = args.out / "report.html", args.out / "report.png"
    with KGStore(store_path, read_only=True) as store:
        start = time.perf_counter()
        summary = summarize(store)
        count_seconds = time.perf_counter() - start
        start = time.perf_counter()
        write_report(store, page)
        report_seconds = time.perf_counter() - start
    try:
        rendering = open_in_chromium(page, screenshot)
    except BrowserError as error:
        sys.exit(f"error: {error}")

    events = sum(summary.events_by_type.values())
    print(f"store: {summary.counts.get('Article', 0)} articles, {events} event reports")
    print(f"report: {page} ({page.stat().st_size / 1024:.0f} KiB), written in {report_seconds / count_seconds:.1f}x "
          f"the time of counting the store (kgbuild stats)")
    print(f"chromium: rendered {screenshot} ({screenshot.stat().st_size / 1024:.0f} KiB) in {rendering.seconds:.1f} s")
    print(f"console messages: {len(rendering.console)}")
    for message in rendering.console:
        print(f"  {message}")
    sys.exit(1 if rendering.console else 0)


if __name__ == "__main__":
    main()

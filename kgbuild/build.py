"""Build: read articles, extract facts (optionally in worker processes), write them to the store.

Extraction of one article is a pure function from an :class:`Article` to
:class:`ArticleFacts` (:func:`extract_articles`); writing is a separate stage, so the
NLP can run in other processes or, later, on other machines.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from itertools import islice
from pathlib import Path
from typing import Any

from spacy.language import Language

from . import __version__
from .errors import Problem
from .extract import doc_to_facts
from .graph import article_triples, entity_triples, open_store
from .graph.merge import write_merged_events
from .graph.summary import StoreSummary, summarize
from .graph.validate import ValidationReport, validate_facts
from .io import read_inputs
from .io.clean import blank_out
from .nlp.pipeline import build_pipeline, make_doc
from .records import Article, ArticleFacts
from .resolve import resolve_article
from .resolve.geocode import geonames_signature

BATCH_SIZE = 32
# What one worker process or Dask task takes at a time: small enough that a few dozen
# articles already keep every worker busy, large enough that sending them costs little.
PARALLEL_BATCH_SIZE = 8


def extractor_version() -> str:
    """kgbuild's version plus a digest of its rules, configs and GeoNames files: when any changes, articles are re-extracted."""
    geonames = geonames_signature()
    extra = f"+geonames.{hashlib.sha256(geonames.encode()).hexdigest()[:8]}" if geonames else ""
    return f"{__version__}+{_rules_digest()}{extra}"


@cache
def _rules_digest() -> str:
    digest = hashlib.sha256()
    for package in ("kgbuild.ontology", "kgbuild.nlp"):
        stack = [files(package)]
        while stack:
            node = stack.pop()
            for child in sorted(node.iterdir(), key=lambda c: c.name):
                if child.is_dir():
                    stack.append(child)
                elif child.name.endswith((".json", ".jsonl", ".cfg", ".ttl")):
                    digest.update(child.name.encode() + child.read_bytes())
    return digest.hexdigest()[:12]


def _doc(nlp: Language, article: Article):
    """The article's text with its page noise blanked, carrying its publication date."""
    return make_doc(nlp, blank_out(article.text, article.noise), article.published)


def extract_articles(nlp: Language, articles: list[Article]) -> Iterator[ArticleFacts | Problem]:
    """Facts for each article, in order; an article that makes the pipeline fail becomes a Problem."""
    docs = (_doc(nlp, a) for a in articles)
    try:
        for article, doc in zip(articles, nlp.pipe(docs, batch_size=BATCH_SIZE)):
            yield resolve_article(doc_to_facts(doc, article))
        return
    except Exception:  # noqa: BLE001  a bad article must not lose its batch: retry one by one
        pass
    for article in articles:
        try:
            doc = nlp(_doc(nlp, article))
            yield resolve_article(doc_to_facts(doc, article))
        except Exception as error:  # noqa: BLE001
            yield Problem(article.source, f"extraction failed ({type(error).__name__}: {error}); please report this")


_worker_nlp: Language | None = None


def _init_worker() -> None:
    global _worker_nlp
    _worker_nlp = build_pipeline()


def _extract_in_worker(articles: list[Article]) -> list[ArticleFacts | Problem]:
    assert _worker_nlp is not None
    return list(extract_articles(_worker_nlp, articles))


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def extract_all(articles: Iterable[Article], workers: int = 1, cluster: str | None = None
                ) -> Iterator[ArticleFacts | Problem]:
    """Extract facts from every article: on the Dask ``cluster`` when one is given (``tcp://HOST:PORT``
    or ``local:N``), else in ``workers`` processes when more than one, else here."""
    if cluster:
        from .cluster import extract_on_cluster  # dask is optional, and slow to import

        yield from extract_on_cluster(_batches(articles, PARALLEL_BATCH_SIZE), cluster)
        return
    if workers <= 1:
        nlp = build_pipeline()
        for batch in _batches(articles, BATCH_SIZE):
            yield from extract_articles(nlp, batch)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker) as pool:
        for results in pool.map(_extract_in_worker, _batches(articles, PARALLEL_BATCH_SIZE)):
            yield from results


@dataclass
class BuildReport:
    """What a build did: articles written, skipped as already built, and problems met."""

    built: int = 0
    unchanged: int = 0
    duplicates: int = 0
    problems: list[Problem] = field(default_factory=list)
    summary: StoreSummary | None = None

    @property
    def failed(self) -> bool:
        return any(p.severity == "error" for p in self.problems)


def build(
    inputs: Iterable[str | Path],
    store: str | Path,
    *,
    workers: int = 1,
    cluster: str | None = None,
    rebuild: bool = False,
    merge: bool = True,
    on_problem: Callable[[Problem], None] | None = None,
    on_article: Callable[[], None] | None = None,
) -> BuildReport:
    """Read ``inputs`` and add what they say to the store at ``store``
    (a folder, or a SPARQL server's URL: see :func:`kgbuild.graph.store.store_location`).

    Articles already in the store from the same extractor version are skipped
    (identity is a hash of the normalised text), so re-running adds nothing twice;
    ``rebuild`` re-extracts them anyway. ``workers`` processes, or the Dask ``cluster``
    (``tcp://HOST:PORT`` or ``local:N``), run the extraction; this process writes. ``merge`` rebuilds the events merged across
    reports from the whole store (off: none are kept).
    """
    report = BuildReport()
    version = extractor_version()

    def note(problem: Problem) -> None:
        report.problems.append(problem)
        if on_problem:
            on_problem(problem)

    # Each article's graph is validated in a process of its own, beside the NLP. That process
    # makes the graph again from the facts: cheaper than sending it, as parsing N-Triples
    # costs rdflib four times what making the triples does.
    with open_store(store) as opened, ProcessPoolExecutor(max_workers=1) as checker:
        checks: list[tuple[str, Future[ValidationReport]]] = []
        seen: set[str] = set()

        def pending() -> Iterator[Article]:
            for item in read_inputs(inputs):
                if isinstance(item, Problem):
                    note(item)
                elif item.id in seen:
                    report.duplicates += 1
                elif not rebuild and opened.extractor_version(item.id) == version:
                    seen.add(item.id)
                    report.unchanged += 1
                else:
                    seen.add(item.id)
                    yield item

        batch: list[tuple[ArticleFacts, Any]] = []  # facts and their rdflib graph

        def flush() -> None:
            opened.add_entities(entity_triples(e for facts, _ in batch for e in facts.entities))
            report.built += opened.replace_article_graphs((facts.article.id, graph) for facts, graph in batch)
            batch.clear()

        for result in extract_all(pending(), workers, cluster):
            if isinstance(result, Problem):
                note(result)
            else:
                checks.append((result.article.source, checker.submit(validate_facts, result, version)))
                batch.append((result, article_triples(result, version)))
                if len(batch) >= BATCH_SIZE:
                    flush()
            if on_article:
                on_article()
        flush()
        for source, check in checks:
            validation = check.result()
            if not validation.conforms:
                more = len(validation.violations) - 1
                note(Problem(source, f"its graph breaks ontology/shapes.ttl: {validation.violations[0]}"
                             + (f" and {more} more" if more else "") + "; written anyway, please report this",
                             severity="warning"))
        write_merged_events(opened, merge)
        report.summary = summarize(opened)
    return report

"""Build: read articles, extract facts and make their graphs (here, in worker processes or on a
Dask cluster), write them to the store.

Extraction of one article is a pure function from an :class:`Article` to
:class:`ArticleFacts` (:func:`extract_articles`), and so is making and checking its graph
(:func:`article_graph`); writing is a separate stage in this process, so the rest can run
in other processes or on other machines.
"""

from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from itertools import islice
from pathlib import Path
from typing import TypeVar

from spacy.language import Language

from . import __version__
from .cache import files_digest
from .errors import Problem
from .extract import doc_to_facts
from .graph import article_triples, entity_triples, open_store
from .graph.merge import write_merged_events
from .graph.summary import StoreSummary, summarize
from .graph.validate import ValidationReport, validate_article_graph
from .io import read_inputs
from .io.clean import blank_out
from .lifetime import OverTimeBudget, die_with_parent, time_budget
from .nlp.pipeline import make_doc, shared_pipeline
from .records import Article, ArticleFacts
from .resolve import resolve_article
from .resolve.geocode import geonames_signature

T = TypeVar("T")
# How many articles' graphs go to the store in one write.
WRITE_BATCH_SIZE = 32
# What the NLP takes at a time, here, in a worker process or in a Dask task, before their graphs
# are made elsewhere: small enough that a few dozen articles already keep every process busy
# (with 32, the helper idled through the first batch and worked alone after the last), large
# enough that sending them costs little.
EXTRACTION_BATCH_SIZE = 8
# The time an article may take: spaCy reads about 10,000 characters a second on a slow core.
BUDGET_BASE_SECONDS = 30.0
BUDGET_SECONDS_PER_CHARACTER = 1 / 1_000
# Past this share of an article's words set aside as page furniture, the build says so.
MOSTLY_FURNITURE = 0.5


def extractor_version() -> str:
    """kgbuild's version plus a digest of its rules, configs and GeoNames files: when any changes, articles are re-extracted."""
    geonames = geonames_signature()
    extra = f"+geonames.{hashlib.sha256(geonames.encode()).hexdigest()[:8]}" if geonames else ""
    return f"{__version__}+{_rules_digest()}{extra}"


@cache
def _rules_digest() -> str:
    return files_digest(("kgbuild.ontology", "kgbuild.nlp"), (".json", ".jsonl", ".cfg", ".ttl"))[:12]


def _doc(nlp: Language, article: Article):
    """The article's text with its page noise blanked, carrying its publication date."""
    return make_doc(nlp, blank_out(article.text, article.noise), article.published)


def time_allowed(article: Article) -> float:
    """Seconds an article may take to extract: ten times what a slow machine needs for its
    length, so only a runaway (input that drives some step past linear time) reaches it."""
    return BUDGET_BASE_SECONDS + BUDGET_SECONDS_PER_CHARACTER * len(article.text)


def extract_articles(nlp: Language, articles: list[Article]) -> list[ArticleFacts | Problem]:
    """Facts for each article, in order; an article that makes the pipeline fail, or runs past
    its :func:`time_allowed`, becomes a Problem."""
    try:
        with time_budget(sum(time_allowed(a) for a in articles)):
            docs = nlp.pipe((_doc(nlp, a) for a in articles), batch_size=EXTRACTION_BATCH_SIZE)
            return [resolve_article(doc_to_facts(doc, article)) for article, doc in zip(articles, docs)]
    except Exception:  # noqa: BLE001  a bad article must not lose its batch: retry them one by one
        pass
    return [_extract_one(nlp, article) for article in articles]


def _extract_one(nlp: Language, article: Article) -> ArticleFacts | Problem:
    try:
        with time_budget(time_allowed(article)):
            return resolve_article(doc_to_facts(nlp(_doc(nlp, article)), article))
    except OverTimeBudget as error:
        return Problem(article.source, f"extraction ran over its {error.seconds:g} s time budget for "
                                       f"{len(article.text):,} characters and was stopped; please report it")
    except Exception as error:  # noqa: BLE001
        return Problem(article.source, f"extraction failed ({type(error).__name__}: {error}); please report this")


@dataclass(frozen=True)
class ArticleGraph:
    """What the store gets for one article: its facts, its named graph as N-Triples, and the SHACL check
    of that graph with its entities described."""

    facts: ArticleFacts
    ntriples: bytes
    validation: ValidationReport


def article_graph(facts: ArticleFacts, version: str) -> ArticleGraph:
    """Make and check an article's graph: pure, so it runs wherever the facts are (a helper process, a worker)."""
    graph = article_triples(facts, version)
    ntriples = graph.serialize(format="nt", encoding="utf-8")
    graph += entity_triples(facts.entities)
    return ArticleGraph(facts, ntriples, validate_article_graph(graph))


def graphs_of(nlp: Language, articles: list[Article], version: str) -> list[ArticleGraph | Problem]:
    """Extract a batch and make each article's graph: the whole task of a worker process or a Dask worker."""
    return [result if isinstance(result, Problem) else article_graph(result, version)
            for result in extract_articles(nlp, articles)]


def _start_worker(parent: int) -> None:
    die_with_parent(parent)
    shared_pipeline()


def _graphs_in_worker(articles: list[Article], version: str) -> list[ArticleGraph | Problem]:
    return graphs_of(shared_pipeline(), articles, version)


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def extract_all(articles: Iterable[Article], version: str, workers: int = 1, cluster: str | None = None
                ) -> Iterator[ArticleGraph | Problem]:
    """Every article's facts and graph: on the Dask ``cluster`` when one is given (``tcp://HOST:PORT``
    or ``local:N``; batches come back as they finish), else in order, in ``workers`` processes
    when more than one.

    In one process the graphs are made and checked in a helper process while the NLP goes on,
    so this process spends its time on spaCy. Either way only a few batches are in flight
    (``Executor.map`` would submit the whole corpus at once)."""
    if cluster:
        from .cluster import extract_on_cluster  # dask is optional, and slow to import

        yield from extract_on_cluster(_batches(articles, EXTRACTION_BATCH_SIZE), version, cluster)
        return
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(os.getpid(),)) as pool:
            submitted = (pool.submit(_graphs_in_worker, batch, version)
                         for batch in _batches(articles, EXTRACTION_BATCH_SIZE))
            for results in _in_order(submitted, 2 * workers):
                yield from results
        return
    nlp = shared_pipeline()
    with ProcessPoolExecutor(max_workers=1, initializer=die_with_parent, initargs=(os.getpid(),)) as helper:
        submitted = (result if isinstance(result, Problem) else helper.submit(article_graph, result, version)
                     for batch in _batches(articles, EXTRACTION_BATCH_SIZE) for result in extract_articles(nlp, batch))
        yield from _in_order(submitted, 2 * EXTRACTION_BATCH_SIZE)


def _in_order(items: Iterable[Future[T] | Problem], ahead: int) -> Iterator[T | Problem]:
    """The results of ``items`` in order, drawing at most ``ahead`` of them before the oldest is done."""
    pending: deque[Future[T] | Problem] = deque()
    for item in items:
        pending.append(item)
        if len(pending) > ahead:
            yield _settled(pending.popleft())
    while pending:
        yield _settled(pending.popleft())


def _settled(item: Future[T] | Problem) -> T | Problem:
    return item if isinstance(item, Problem) else item.result()


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
    (``tcp://HOST:PORT`` or ``local:N``), run the extraction; this process writes.
    ``merge`` rebuilds the events merged across reports from the whole store (off: none are kept).
    """
    report = BuildReport()
    version = extractor_version()

    def note(problem: Problem) -> None:
        report.problems.append(problem)
        if on_problem:
            on_problem(problem)

    with open_store(store) as opened:
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
                    if item.noise_share > MOSTLY_FURNITURE:
                        note(Problem(item.source, f"{item.noise_share:.0%} of its words look like page furniture "
                                     "(navigation, link lists, credits, off-topic sections) and are not read; "
                                     "if they are news, please report it", severity="warning"))
                    yield item

        batch: list[ArticleGraph] = []

        def flush() -> None:
            opened.add_entities(entity_triples(e for written in batch for e in written.facts.entities))
            report.built += opened.replace_article_graphs((w.facts.article.id, w.ntriples) for w in batch)
            batch.clear()

        for result in extract_all(pending(), version, workers, cluster):
            if isinstance(result, Problem):
                note(result)
            else:
                batch.append(result)
                if len(batch) >= WRITE_BATCH_SIZE:
                    flush()
                if not result.validation.conforms:
                    violations = result.validation.violations
                    more = f" and {len(violations) - 1} more" if len(violations) > 1 else ""
                    note(Problem(result.facts.article.source, f"its graph breaks ontology/shapes.ttl: {violations[0]}"
                                 f"{more}; written anyway, please report this", severity="warning"))
            if on_article:
                on_article()
        flush()
        write_merged_events(opened, merge)
        opened.publish()
        report.summary = summarize(opened)
    return report

"""Extraction on a Dask cluster, for corpora past one machine.

The build's extraction stage is a pure function from a batch of :class:`Article` to
their facts and checked graphs (:func:`kgbuild.build.graphs_of`), so a Dask cluster can
run it anywhere kgbuild is installed: each worker process loads the spaCy pipeline once
(a worker plugin), batches go out as tasks, and graphs come back to the one process that
writes the store. At most a few batches per worker are in flight, so neither the
client nor the cluster ever holds the corpus.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import TYPE_CHECKING, Any

from .errors import KGBuildError, Problem
from .records import Article

if TYPE_CHECKING:
    from .build import ArticleGraph

PLUGIN = "kgbuild-pipeline"
# Batches in flight per worker thread: one running, one queued so the worker never waits for the client.
IN_FLIGHT_PER_THREAD = 2
# A task that raises (extraction itself turns a bad article into a Problem, so this is the worker
# running out of memory and the like) is tried again this many times. A task whose worker dies is
# moved to another by the scheduler itself (its `allowed-failures`, 3 by default) before it is lost.
RETRIES = 1

try:
    from distributed import WorkerPlugin
except ImportError:  # the cluster is optional: kgbuild builds without dask installed
    WorkerPlugin = object  # type: ignore[assignment,misc]


class PipelinePlugin(WorkerPlugin):  # type: ignore[misc,valid-type]
    """Loads kgbuild's pipeline once in each worker process; tasks borrow it under a lock
    (spaCy's pipeline is not meant for threads sharing it, and the GIL gives them nothing)."""

    def setup(self, worker: Any) -> None:
        from .build import extractor_version
        from .nlp.pipeline import shared_pipeline

        self.nlp = shared_pipeline()
        self.version = extractor_version()
        self.lock = threading.Lock()


def extract_batch(articles: list[Article], version: str) -> list[ArticleGraph | Problem]:
    """The task each worker runs: facts and graphs for a batch of articles, by the worker's loaded pipeline."""
    from distributed import get_worker

    from .build import graphs_of

    plugin = get_worker().plugins[PLUGIN]
    if plugin.version != version:
        message = (f"the Dask worker runs kgbuild {plugin.version}, the build {version}; "
                   "install the same kgbuild on every worker")
        return [Problem(a.source, message) for a in articles]
    with plugin.lock:
        return graphs_of(plugin.nlp, articles, version)


def parse_cluster(address: str) -> str | int:
    """A scheduler address (``tcp://HOST:PORT``) as given, or the worker count of ``local:N``."""
    if address.startswith("local:"):
        count = address.removeprefix("local:")
        if not count.isdigit() or int(count) < 1:
            raise KGBuildError(f"--cluster {address}: local:N needs a number of workers, e.g. local:2")
        return int(count)
    if "://" not in address:
        raise KGBuildError(f"--cluster {address}: give a scheduler address like tcp://HOST:8786, or local:N")
    return address


def _distributed() -> Any:
    """dask.distributed, or a message saying how to install it."""
    try:
        import distributed
    except ImportError:
        raise KGBuildError("--cluster needs dask.distributed: pip install 'kgbuild[cluster]'") from None
    return distributed


@contextmanager
def _client(target: str | int) -> Iterator[Any]:
    distributed = _distributed()
    Client, LocalCluster = distributed.Client, distributed.LocalCluster
    if isinstance(target, int):
        # Even without a dashboard the scheduler serves HTTP, on 8787 unless told: a free loopback port.
        with LocalCluster(n_workers=target, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address="127.0.0.1:0") as cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(target, timeout="10s")
    except (OSError, TimeoutError) as error:
        raise KGBuildError(f"cannot reach the Dask scheduler at {target} ({error}); start one with "
                           "`dask scheduler`, or pass --cluster local:N to start a cluster here") from None
    with client:
        yield client


def extract_on_cluster(batches: Iterable[list[Article]], version: str, address: str
                       ) -> Iterator[ArticleGraph | Problem]:
    """Facts and graphs of every batch, made on the Dask cluster at ``address`` (or ``local:N``) by
    kgbuild of extractor ``version``, as batches finish."""
    target = parse_cluster(address)
    as_completed = _distributed().as_completed
    with _client(target) as client:
        try:
            client.wait_for_workers(1, timeout=60)
        except TimeoutError:
            raise KGBuildError(f"the Dask scheduler at {address} has no workers; start some with "
                               f"`dask worker {address}`") from None
        try:
            client.register_plugin(PipelinePlugin(), name=PLUGIN)
        except Exception as error:  # noqa: BLE001  whatever a worker raised while loading
            raise KGBuildError(f"the Dask workers could not load kgbuild's pipeline ({type(error).__name__}: "
                               f"{error}); install kgbuild and its model on every worker") from None
        threads = sum(client.nthreads().values())
        window = max(2, IN_FLIGHT_PER_THREAD * threads)
        pending = iter(batches)
        submitted: dict[Any, list[Article]] = {}

        def submit(count: int) -> list[Any]:
            futures = []
            for batch in islice(pending, count):
                future = client.submit(extract_batch, batch, version, pure=False, retries=RETRIES)
                submitted[future] = batch
                futures.append(future)
            return futures

        finished = as_completed(submit(window))
        for future in finished:
            batch = submitted.pop(future)
            try:
                yield from future.result()
            except Exception as error:  # noqa: BLE001  a lost batch is reported per article, the build goes on
                for article in batch:
                    yield Problem(article.source, f"lost on the Dask cluster ({type(error).__name__}: {error}); "
                                  "run the build again to retry it")
            future.release()
            finished.update(submit(1))

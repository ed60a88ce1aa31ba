"""Shared fixtures: the spaCy pipeline and a store built from the seed corpus, each made once per session."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kgbuild import open_store
from kgbuild.build import extract_articles
from kgbuild.cli import cli
from kgbuild.io import FeedMetadata, make_article
from kgbuild.nlp.pipeline import shared_pipeline
from kgbuild.records import ArticleFacts

XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")
REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """``../shared/corpus`` beside the checkout (or $KGBUILD_CORPUS); its absence is a setup error, not a skip."""
    path = Path(os.environ.get("KGBUILD_CORPUS", REPO.parent / "shared" / "corpus"))
    assert (path / "index.json").is_file(), f"the seed corpus is missing: expected {path}/index.json"
    return path


@pytest.fixture(scope="session")
def nlp():
    return shared_pipeline()


@pytest.fixture(scope="session")
def extract(nlp):
    """Extract resolved facts from a text written in a test."""

    def run(text: str, published: date | None = date(2025, 2, 13)) -> ArticleFacts:
        article = make_article("test.txt", text, FeedMetadata(published=published))
        (facts,) = extract_articles(nlp, [article])
        return facts

    return run


@pytest.fixture(scope="session")
def seed_store(corpus, tmp_path_factory) -> Path:
    """A store built by the CLI from the five seed articles and their feed metadata."""
    store = tmp_path_factory.mktemp("seeds") / "store"
    result = CliRunner().invoke(cli, ["build", str(corpus / "index.json"), "--store", str(store)])
    assert result.exit_code == 0, result.output
    return store


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """Start real Oxigraph servers (`oxigraph serve`) on free loopback ports; returns each one's base URL."""
    command = shutil.which("oxigraph")
    assert command, "the Oxigraph server is missing: pip install -e '.[test]' installs it"
    processes = []

    def start(*options: str) -> str:
        url = f"http://127.0.0.1:{free_port()}"
        location = tmp_path_factory.mktemp("oxigraph")
        processes.append(subprocess.Popen([command, "serve", "--location", str(location), "--bind", url[7:],
                                           *options], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=5).close()
                return url
            except (urllib.error.URLError, OSError):
                assert time.monotonic() < deadline, "the Oxigraph server did not start"
                time.sleep(0.1)

    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="session")
def remote_seed_store(oxigraph_server, corpus) -> str:
    """The seed articles built by the CLI into a real Oxigraph server (a query runs at most 10 s there)."""
    url = oxigraph_server("--timeout-s", "10")
    result = CliRunner().invoke(cli, ["build", str(corpus / "index.json"), "--store", url])
    assert result.exit_code == 0, result.output
    return url


@pytest.fixture(scope="session")
def run_cli():
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(cli, [str(a) for a in args])

    return run


def free_port() -> int:
    """A TCP port nothing listens on at the moment, on loopback."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rdf11(graph: Graph) -> Graph:
    """The graph with xsd:string literals written plain: RDF 1.1 says they are the same term,
    but rdflib compares them as different and oxrdflib returns the typed form."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD_STRING:
            o = Literal(str(o))
        out.add((s, p, o))
    return out


def assert_same_stores(expected, actual) -> None:
    """Both stores (folders or URLs) hold the same named graphs, each isomorphic to its twin."""
    with open_store(expected, read_only=True) as one, open_store(actual, read_only=True) as two:
        assert one.named_graphs() == two.named_graphs()
        for name in one.named_graphs():
            assert isomorphic(rdf11(one.graph(name)), rdf11(two.graph(name))), name

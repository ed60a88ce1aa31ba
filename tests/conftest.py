"""Shared fixtures: the spaCy pipeline and a store built from the seed corpus, each made once per session."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgbuild.build import extract_articles
from kgbuild.cli import cli
from kgbuild.io import FeedMetadata, make_article
from kgbuild.nlp.pipeline import build_pipeline
from kgbuild.records import ArticleFacts

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
    return build_pipeline()


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
def run_cli():
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(cli, [str(a) for a in args])

    return run

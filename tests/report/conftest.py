"""The report of the seed store, written once for the report's tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="package")
def report_path(seed_store, tmp_path_factory, run_cli):
    path = tmp_path_factory.mktemp("report") / "report.html"
    result = run_cli("report", "--store", seed_store, "-o", path)
    assert result.exit_code == 0, result.output
    return path

"""Extraction on a real Dask cluster: a scheduler and workers started as processes on loopback ports."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from kgbuild.build import build
from kgbuild.cluster import parse_cluster
from kgbuild.errors import KGBuildError

from .conftest import DATA, assert_same_stores, free_port

distributed = pytest.importorskip("distributed", reason="install the test extras: pip install -e '.[test]'")


def _dask(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "dask", *args, "--dashboard-address", "127.0.0.1:0"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def scheduler():
    """``tcp://127.0.0.1:PORT`` of a running `dask scheduler` with two single-threaded `dask worker`s."""
    address = f"tcp://127.0.0.1:{free_port()}"
    processes = [_dask("scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1])]
    worker = ("worker", address, "--nthreads", "1", "--host", "127.0.0.1")
    processes += [_dask(*worker), _dask(*worker)]
    try:
        with distributed.Client(address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)


def test_a_cluster_build_equals_an_embedded_one(scheduler, seed_store, corpus, tmp_path):
    report = build([corpus / "index.json"], tmp_path / "store", cluster=scheduler)
    assert (report.built, report.problems) == (5, [])
    assert_same_stores(seed_store, tmp_path / "store")


def test_a_killed_worker_loses_no_article(scheduler, seed_store, corpus, tmp_path):
    """kill -9 the worker that is extracting: the scheduler gives its batch to the other one."""
    killed = []
    with distributed.Client(scheduler) as client:
        def kill_the_busy_worker() -> None:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and not killed:
                busy = [worker for worker, tasks in client.processing().items() if tasks]
                if busy:
                    pid = client.run(os.getpid, workers=busy[:1])[busy[0]]
                    os.kill(pid, signal.SIGKILL)
                    killed.append(busy[0])
                time.sleep(0.05)

        killer = threading.Thread(target=kill_the_busy_worker)
        killer.start()
        report = build([corpus / "index.json"], tmp_path / "store", cluster=scheduler)
        killer.join()
        # The nanny starts a fresh worker in the killed one's place; wait, so later tests have two.
        client.wait_for_workers(2, timeout=120)
    assert killed, "no worker was ever busy"
    assert (report.built, report.problems) == (5, [])
    assert_same_stores(seed_store, tmp_path / "store")


def test_a_local_cluster_builds_like_one_process(run_cli, tmp_path):
    assert run_cli("build", DATA, "--store", tmp_path / "one").exit_code == 0
    result = run_cli("build", DATA, "--store", tmp_path / "local", "--cluster", "local:2")
    assert result.exit_code == 0, result.output
    assert "built 4 article(s)" in result.output
    assert_same_stores(tmp_path / "one", tmp_path / "local")


@pytest.mark.parametrize(("address", "message"), [
    ("local:0", "local:N needs a number of workers"),
    ("localhost:8786", "give a scheduler address like tcp://HOST:8786"),
])
def test_a_malformed_cluster_address_says_what_to_give(address, message):
    with pytest.raises(KGBuildError, match=message):
        parse_cluster(address)


def test_without_dask_the_build_says_how_to_install_it(run_cli, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # what importing it does where it is not installed
    result = run_cli("build", DATA, "--store", tmp_path / "store", "--cluster", "local:2")
    assert result.exit_code == 1 and "pip install 'kgbuild[cluster]'" in result.output
    assert "Traceback" not in result.output


def test_an_unreachable_scheduler_says_how_to_start_one(run_cli, tmp_path):
    result = run_cli("build", DATA, "--store", tmp_path / "store", "--cluster", f"tcp://127.0.0.1:{free_port()}")
    assert result.exit_code == 1
    assert "cannot reach the Dask scheduler" in result.output and "dask scheduler" in result.output
    assert "Traceback" not in result.output


def test_workers_and_a_cluster_are_one_choice(run_cli, tmp_path):
    result = run_cli("build", DATA, "--store", tmp_path / "store", "--cluster", "local:2", "--workers", "2")
    assert result.exit_code == 2 and "not both" in result.output

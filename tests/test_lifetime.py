"""A killed build or endpoint leaves no process behind: its helpers and workers die with it."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import assert_same_stores


def _processes() -> dict[int, tuple[int, str]]:
    """Every live process: pid -> (parent pid, state)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            state, parent = stat[stat.rindex(")") + 2:].split()[:2]
            found[int(entry.name)] = (int(parent), state)
    return found


def _descendants(pid: int) -> set[int]:
    processes, found, frontier = _processes(), set(), {pid}
    while frontier:
        frontier = {child for child, (parent, _) in processes.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pids: set[int]) -> set[int]:
    processes = _processes()
    return {pid for pid in pids if pid in processes and processes[pid][1] != "Z"}  # a zombie holds nothing


def _kill_when_it_has(command: list[str], children: int, then: float = 0.0) -> set[int]:
    """Start ``command``, SIGKILL it ``then`` seconds after it has that many descendants, and return them."""
    started = subprocess.Popen([sys.executable, "-m", "kgbuild", *command], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while len(found := _descendants(started.pid)) < children:
            assert started.poll() is None and time.monotonic() < deadline, "it ended before starting its workers"
            time.sleep(0.1)
        time.sleep(then)
        found |= _descendants(started.pid)
        assert started.poll() is None, "it ended before it was killed"
    finally:
        started.kill()
        started.wait()
    return found


def _gone(pids: set[int], within: float = 20) -> set[int]:
    deadline = time.monotonic() + within
    while (left := _alive(pids)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel's parent-death signal is Linux's")
@pytest.mark.parametrize(("options", "children", "then"), [
    ([], 1, 0.0), (["--workers", "2"], 2, 0.0),
    # Dask's own: its resource tracker and two worker processes, which watch their parent; killed
    # as they load the pipeline or extract
    (["--cluster", "local:2"], 3, 6.0),
], ids=["one-process", "two-workers", "local-dask-cluster"])
def test_a_killed_build_leaves_no_process_behind(corpus, tmp_path, options, children, then):
    left = _kill_when_it_has(["build", str(corpus / "index.json"), "--store", str(tmp_path / "store"), *options],
                             children, then)
    assert _gone(left) == set()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel's parent-death signal is Linux's")
def test_a_killed_endpoint_leaves_no_worker_behind(seed_store):
    # the fork server and the two query workers it forks
    left = _kill_when_it_has(["serve", "--store", str(seed_store), "--port", "0", "--quiet"], 3)
    assert _gone(left) == set()


@pytest.mark.parametrize(("parent", "ends"), [("1", True), ("os.getppid()", False)])
def test_a_child_whose_parent_is_already_gone_ends_at_once(parent, ends):
    # Given pid 1 as the parent that started it, the child sees another parent now: as if its own had died.
    script = (f"import os, sys; sys.path.insert(0, {str(Path(__file__).parents[1])!r}); "
              f"from kgbuild.lifetime import die_with_parent; die_with_parent({parent}); print('still here')")
    ended = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert (ended.returncode, "still here" in ended.stdout) == ((1, False) if ends else (0, True))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel's parent-death signal is Linux's")
@pytest.mark.parametrize("later", [0.0, 6.0, 12.0])
def test_a_build_killed_then_run_again_equals_a_clean_build(corpus, seed_store, tmp_path, later):
    store = tmp_path / "store"
    command = ["build", str(corpus / "index.json"), "--store", str(store)]
    started = subprocess.Popen([sys.executable, "-m", "kgbuild", *command], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not _descendants(started.pid) and started.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(later)  # into the extraction, the writing or the merge, as the machine's speed has it
    left = _descendants(started.pid)
    started.kill()
    started.wait()
    assert _gone(left) == set()
    again = subprocess.run([sys.executable, "-m", "kgbuild", *command], capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert_same_stores(seed_store, store)

"""Bounds on how long work lives: processes that end with the process that started them,
and a time budget that ends a runaway article.

A build's helper and worker processes, and the endpoint's query workers, serve one parent.
If that parent is killed (``kill -9``, a cron timeout, the OOM killer) nothing else would
stop them, and each holds a spaCy model or a store open. On Linux the kernel can send a
child a signal when its parent dies (``prctl(PR_SET_PDEATHSIG)``); elsewhere the children
notice a closed pipe only at their next task.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int | None = None) -> None:
    """Have this process killed when its parent dies. Call first thing in a child process;
    given ``parent`` (the pid that started it, as that process saw it), end now if it already has."""
    parent = os.getppid() if parent is None else parent
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            return
    if os.getppid() != parent:  # the parent died before the kernel was asked to watch it
        os._exit(1)


class OverTimeBudget(Exception):
    """The work took longer than its time budget of ``seconds``."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"over its {seconds:g} s time budget")
        self.seconds = seconds


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise :class:`OverTimeBudget` in the block once it has run ``seconds``.

    A signal interrupts the Python code the block is running, so only the main thread of a
    POSIX process is bounded (a build's own process and its worker processes); elsewhere,
    as in a Dask worker's threads, the block runs unbounded. Yield nothing to other code
    from inside the block: the budget would count its time and could interrupt it.
    """
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise OverTimeBudget(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

"""Processes that end with the process that started them.

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

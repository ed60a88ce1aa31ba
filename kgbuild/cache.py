"""A disk cache for start-up work that is the same on every run (indexes built from packaged data).

Entries live in ``$KGBUILD_CACHE`` (``off`` turns the cache off), else
``$XDG_CACHE_HOME/kgbuild``, else ``~/.cache/kgbuild``. Each is named by a digest of
kgbuild's own files (code and rules) and of whatever else its maker reads, so an upgrade
or an edit never meets a stale entry; writing an entry removes those of its name that
other files made, and writes abandoned an hour ago. A missing, unreadable or corrupt entry
is made again; a folder that cannot be written only means the work is redone next time.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import re
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TypeVar

from . import __version__

CACHE_ENV = "KGBUILD_CACHE"
T = TypeVar("T")


def cache_folder() -> Path | None:
    """Where entries go, or ``None`` when ``$KGBUILD_CACHE`` is ``off``."""
    setting = os.environ.get(CACHE_ENV, "")
    if setting.lower() == "off":
        return None
    if setting:
        return Path(setting)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kgbuild"


def files_digest(packages: tuple[str, ...], suffixes: tuple[str, ...], seed: bytes = b"") -> str:
    """A digest of every file ending in one of ``suffixes`` in these packages and their folders."""
    digest = hashlib.sha256(seed)
    for package in packages:
        stack = [files(package)]
        while stack:
            node = stack.pop()
            for child in sorted(node.iterdir(), key=lambda c: c.name):
                if child.is_dir():
                    stack.append(child)
                elif child.name.endswith(suffixes):
                    digest.update(child.name.encode() + child.read_bytes())
    return digest.hexdigest()


@cache
def kgbuild_digest() -> str:
    """A digest of kgbuild's version and of its code and rules."""
    return files_digest(("kgbuild", "kgbuild.ontology"), (".py", ".json", ".jsonl", ".cfg", ".ttl"),
                        __version__.encode())[:16]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while hundreds of thousands of records are made or read.

    None of them forms a cycle, but each allocation counts towards a collection, and with
    the spaCy model loaded every full collection walks its whole heap: the GeoNames index took
    four times as long with the collector running, and unpickling it several times as long."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def disk_cached(name: str, inputs: str, make: Callable[[], T]) -> T:
    """``make()``, kept on disk as ``name`` for these ``inputs`` (a description of what else it reads)."""
    folder = cache_folder()
    if folder is None:
        return make()
    digest = kgbuild_digest()
    key = hashlib.sha256(f"{digest}\n{inputs}".encode()).hexdigest()[:16]
    path = folder / f"{name}-{digest}-{key}.pickle"
    with collector_paused():
        try:
            with open(path, "rb") as stored:
                return pickle.load(stored)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, TypeError,
                ValueError):
            pass  # not made yet, or written by something else: make it again
        value = make()
    _store(path, value)
    _prune(folder, name, digest)
    return value


# A writer killed mid-write leaves its part behind; one this old is nobody's.
ABANDONED_AFTER_SECONDS = 3600


def _prune(folder: Path, name: str, digest: str) -> None:
    """Remove the entries of ``name`` that other kgbuild files made (each upgrade or edit would
    leave its own behind: the towns' index alone is 25 MB), and its abandoned writes."""
    entry = re.compile(rf"{re.escape(name)}-(?:(?P<digest>[0-9a-f]{{16}})-)?[0-9a-f]{{16}}\.pickle(?P<part>.*\.part)?")
    try:
        paths = list(folder.iterdir())
    except OSError:
        return  # a folder that could not be made
    abandoned_before = time.time() - ABANDONED_AFTER_SECONDS
    for path in paths:
        found = entry.fullmatch(path.name)
        if found is None:
            continue
        try:
            if found["part"] and path.stat().st_mtime < abandoned_before \
                    or not found["part"] and found["digest"] != digest:
                path.unlink()
        except OSError:
            pass  # removed by another process meanwhile, or not ours to remove


def _store(path: Path, value: object) -> None:
    """Write ``value`` to ``path`` whole or not at all, so a reader never meets half an entry."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.name, suffix=".part", delete=False) as part:
            try:
                pickle.dump(value, part, protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException:
                os.unlink(part.name)
                raise
        os.replace(part.name, path)
    except OSError:
        pass  # a read-only home, a full disk: the cache is an optimisation only

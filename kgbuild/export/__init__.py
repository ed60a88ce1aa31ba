"""Exporters by name: ``EXPORTERS[name](store, path)`` writes one file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..graph.store import KGStore

Exporter = Callable[[KGStore, Path], None]
EXPORTERS: dict[str, Exporter] = {}


def exporter(name: str) -> Callable[[Exporter], Exporter]:
    """Register an exporter under ``name``."""

    def register(function: Exporter) -> Exporter:
        EXPORTERS[name] = function
        return function

    return register


def export(store: KGStore, name: str, path: Path) -> None:
    """Write the store as ``name`` (one of :data:`EXPORTERS`) to ``path``."""
    EXPORTERS[name](store, path)


from . import graphml, rdf, tables  # noqa: E402,F401  (register the built-in exporters)

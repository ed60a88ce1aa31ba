"""Exporters by name: ``export(store, name, path)`` writes one file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import KGBuildError
from ..graph.store import KGStore

Exporter = Callable[..., None]
EXPORTERS: dict[str, Exporter] = {}
# Exporters of networks, which take a projection (see kgbuild.export.network.PROJECTIONS).
NETWORK_EXPORTERS: set[str] = set()


def exporter(name: str, *, projections: bool = False) -> Callable[[Exporter], Exporter]:
    """Register an exporter under ``name``; one that takes a ``projection`` says so."""

    def register(function: Exporter) -> Exporter:
        EXPORTERS[name] = function
        if projections:
            NETWORK_EXPORTERS.add(name)
        return function

    return register


def export(store: KGStore, name: str, path: Path, projection: str | None = None) -> None:
    """Write the store as ``name`` (one of :data:`EXPORTERS`) to ``path``, in ``projection`` for networks."""
    if name in NETWORK_EXPORTERS:
        EXPORTERS[name](store, path, **({"projection": projection} if projection else {}))
    elif projection:
        raise KGBuildError(f"--projection applies to {' and '.join(sorted(NETWORK_EXPORTERS))}, not {name}")
    else:
        EXPORTERS[name](store, path)


from . import acled, gephi, rdf, tables  # noqa: E402,F401  (register the built-in exporters)

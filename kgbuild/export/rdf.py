"""RDF files: Turtle of the merged graph, N-Quads with one named graph per article."""

from __future__ import annotations

from pathlib import Path

from ..graph.store import KGStore
from . import exporter


@exporter("turtle")
def export_turtle(store: KGStore, path: Path) -> None:
    """The union of all graphs as one Turtle document with readable prefixes."""
    store.construct_union().serialize(destination=str(path), format="turtle", encoding="utf-8")


@exporter("nquads")
def export_nquads(store: KGStore, path: Path) -> None:
    """Every quad, keeping each article's named graph (for provenance-aware tools and reloading)."""
    store.dump_nquads(path)

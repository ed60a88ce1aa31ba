"""``kgbuild report``: the store on one static HTML page an analyst can open offline."""

from __future__ import annotations

from pathlib import Path

from ..graph.store import KGStore
from .data import collect
from .page import render


def write_report(store: KGStore, path: Path, title: str = "kgbuild report", top_actors: int = 25) -> None:
    """Write counts, a weekly timeline, a map, the top actors and contradicting claims to ``path``."""
    path.write_text(render(collect(store, top_actors=top_actors), title), encoding="utf-8")

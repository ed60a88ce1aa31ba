"""GraphML and GEXF for Gephi (and networkx, igraph), in any projection of :mod:`.network`.

Gephi's GraphML importer reads the ``label`` key as the node label and ``weight`` as a
float, declares one column per attribute name and type, and has no time: dates go in
as ``first``/``last`` strings. GEXF carries the time spells that drive Gephi's timeline.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from ..graph.store import KGStore
from . import exporter
from .network import PROJECTIONS


def _dated(graph: nx.Graph) -> nx.Graph:
    """A copy with each element's spells replaced by its first and last day, for formats without time."""
    copy = graph.copy()
    elements = [data for _, data in copy.nodes(data=True)] + [data for *_, data in copy.edges(data=True)]
    for data in elements:
        spells = data.pop("spells", None)
        if spells:
            data["first"], data["last"] = min(start for start, _ in spells), max(end for _, end in spells)
    return copy


@exporter("graphml", projections=True)
def export_graphml(store: KGStore, path: Path, projection: str = "actors") -> None:
    """The ``projection`` of the store as GraphML that Gephi imports."""
    nx.write_graphml(_dated(PROJECTIONS[projection](store)), str(path))


@exporter("gexf", projections=True)
def export_gexf(store: KGStore, path: Path, projection: str = "actors") -> None:
    """The ``projection`` of the store as GEXF 1.2 with time spells, for Gephi's timeline."""
    nx.write_gexf(PROJECTIONS[projection](store), str(path), version="1.2draft")

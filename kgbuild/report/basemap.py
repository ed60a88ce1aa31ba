"""Country outlines for the report's map, shipped with the package (no tiles, no network).

``countries-50m.json`` is Natural Earth's 1:50m Admin 0 countries (public domain) as
TopoJSON, from the world-atlas package (ISC licence, Mike Bostock).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

Ring = list[tuple[float, float]]


@dataclass(frozen=True)
class Country:
    """A country's name, its rings of (lon, lat) points, and its bounding box."""

    name: str
    rings: tuple[Ring, ...]
    west: float
    south: float
    east: float
    north: float


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Every country outline, decoded from the packaged TopoJSON once."""
    topology = json.loads(files(__package__).joinpath("countries-50m.json").read_text(encoding="utf-8"))
    (scale_x, scale_y), (shift_x, shift_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs: list[Ring] = []
    for arc in topology["arcs"]:
        # Quantised TopoJSON stores each point as a delta from the one before.
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)

    def ring(indices: list[int]) -> Ring:
        points: Ring = []
        for index in indices:
            # A negative index (~i) walks arc i backwards; arcs share their end points.
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(arc if not points else arc[1:])
        return points

    outlines = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        rings = tuple(ring(indices) for polygon in polygons for indices in polygon)
        lons = [lon for r in rings for lon, _ in r]
        lats = [lat for r in rings for _, lat in r]
        outlines.append(Country(geometry["properties"]["name"], rings, min(lons), min(lats), max(lons), max(lats)))
    return tuple(outlines)

"""Inline SVG charts for the report: a weekly timeline of events and a map of where they happened.

Both are plain SVG with a ``<title>`` on each mark for its tooltip: no script, no fonts or
tiles to fetch, so the page works offline and under a Content Security Policy of 'none'.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from html import escape

from ..geodesy import distance_km
from .basemap import countries
from .data import PlaceEvents, Week

# Okabe and Ito's colour-blind-safe palette, one colour per event type.
TYPE_COLOURS = {
    "strike": "#D55E00", "interception": "#E69F00", "casualties": "#000000", "troop_figure": "#CC79A7",
    "aid": "#009E73", "call": "#56B4E9", "meeting": "#0072B2", "appeal": "#F0E442",
}
OTHER_COLOUR = "#999999"
_KM_PER_DEGREE = 111.32


def colour(event_type: str) -> str:
    """The colour that stands for ``event_type`` in every chart."""
    return TYPE_COLOURS.get(event_type, OTHER_COLOUR)


def _nice_step(span: float, ticks: int) -> float:
    """A step of 1, 2 or 5 times a power of ten that cuts ``span`` into about ``ticks`` parts."""
    raw = span / max(ticks, 1)
    power = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def _counts(events: dict[str, int]) -> str:
    return ", ".join(f"{n} {kind}" for kind, n in sorted(events.items(), key=lambda item: (-item[1], item[0])))


def plural(n: int, word: str) -> str:
    """``n`` and ``word``, with an s unless ``n`` is one."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def timeline_svg(weeks: list[Week], order: list[str], width: int = 960, height: int = 240) -> str:
    """Events per ISO week as bars stacked by type (in ``order``), on a time axis with empty weeks kept."""
    left, right, top, bottom = 40, 12, 12, 28
    first, last = weeks[0].monday, weeks[-1].monday
    slots = (last - first).days // 7 + 1
    plot_width, plot_height = width - left - right, height - top - bottom
    slot = plot_width / slots
    tallest = max(sum(week.events.values()) for week in weeks)
    step = max(1, int(_nice_step(tallest, 4)))
    y_max = math.ceil(tallest / step) * step

    def x(day: date) -> float:
        return left + (day - first).days / 7 * slot

    def y(value: float) -> float:
        return top + plot_height * (1 - value / y_max)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" role="img" '
             f'aria-labelledby="timeline-title"><title id="timeline-title">Events per week, {first.isoformat()} '
             f'to {(last + timedelta(days=6)).isoformat()}</title>']
    for value in range(0, y_max + 1, step):
        parts.append(f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y(value):.1f}" y2="{y(value):.1f}"/>'
                     f'<text class="tick" x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end">{value}</text>')
    for label_day, label in _time_ticks(first, last + timedelta(days=6)):
        parts.append(f'<line class="axis" x1="{x(label_day):.1f}" x2="{x(label_day):.1f}" y1="{top + plot_height}" '
                     f'y2="{top + plot_height + 4}"/><text class="tick" x="{x(label_day):.1f}" '
                     f'y="{height - 8}" text-anchor="middle">{label}</text>')
    bar = max(slot * 0.8, 1.0)
    for week in weeks:
        total = sum(week.events.values())
        parts.append(f'<g><title>Week of {week.monday.isoformat()}: {plural(total, "event")} '
                     f'({escape(_counts(week.events))})</title>')
        stacked = 0
        for kind in order:
            n = week.events.get(kind, 0)
            if n:
                parts.append(f'<rect x="{x(week.monday) + (slot - bar) / 2:.1f}" y="{y(stacked + n):.1f}" '
                             f'width="{bar:.1f}" height="{y(stacked) - y(stacked + n):.1f}" fill="{colour(kind)}"/>')
                stacked += n
        parts.append("</g>")
    parts.append(f'<line class="axis" x1="{left}" x2="{width - right}" y1="{top + plot_height}" '
                 f'y2="{top + plot_height}"/></svg>')
    return "".join(parts)


def _time_ticks(first: date, last: date) -> list[tuple[date, str]]:
    """Axis labels: years for spans over two years, quarters over eight months, else months."""
    days = (last - first).days
    months_per_tick = 12 if days > 730 else 3 if days > 240 else 1
    ticks = []
    year, month = first.year, first.month
    while date(year, month, 1) <= last:
        day = date(year, month, 1)
        if day >= first and (month - 1) % months_per_tick == 0:
            ticks.append((day, str(year) if months_per_tick == 12 else day.strftime("%b %Y")))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return ticks


class _Projection:
    """Equirectangular, with longitudes shrunk by the cosine of the middle latitude, fitted to the places."""

    def __init__(self, places: list[PlaceEvents], width: int, max_height: int) -> None:
        lons, lats = [p.lon for p in places], [p.lat for p in places]
        pad_lon = max((max(lons) - min(lons)) * 0.15, 2.0)
        pad_lat = max((max(lats) - min(lats)) * 0.15, 1.5)
        self.west, self.east = max(min(lons) - pad_lon, -180.0), min(max(lons) + pad_lon, 180.0)
        self.south, self.north = max(min(lats) - pad_lat, -85.0), min(max(lats) + pad_lat, 85.0)
        self.shrink = math.cos(math.radians((self.north + self.south) / 2))
        self.scale = min(width / ((self.east - self.west) * self.shrink), max_height / (self.north - self.south))
        # Widen the view to the page's width rather than leave a blank band beside the map.
        extra = (width / (self.scale * self.shrink) - (self.east - self.west)) / 2
        self.west, self.east = self.west - extra, self.east + extra
        self.width, self.height = width, round((self.north - self.south) * self.scale)

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.shrink * self.scale, (self.north - lat) * self.scale

    def sees(self, west: float, south: float, east: float, north: float) -> bool:
        return west <= self.east and east >= self.west and south <= self.north and north >= self.south

    @property
    def px_per_km(self) -> float:
        return self.scale / _KM_PER_DEGREE


def _outline(projection: _Projection, ring: list[tuple[float, float]]) -> str:
    """An SVG path for ``ring`` in whole pixels; empty for a ring out of view or under two pixels across."""
    lons, lats = [lon for lon, _ in ring], [lat for _, lat in ring]
    if not projection.sees(min(lons), min(lats), max(lons), max(lats)):
        return ""
    points = [projection(lon, lat) for lon, lat in ring]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    if max(xs) - min(xs) < 2 and max(ys) - min(ys) < 2:
        return ""
    commands, last = [], None
    for x, y in points:
        here = (round(x), round(y))
        if here != last:
            commands.append(f"{'L' if commands else 'M'}{here[0]} {here[1]}")
            last = here
    return "".join(commands) + "Z" if len(commands) > 2 else ""


def focus(places: list[PlaceEvents], radius_km: float = 750) -> list[PlaceEvents]:
    """The places within ``radius_km`` of the place with the most events around it: where the fighting is."""

    def km(a: PlaceEvents, b: PlaceEvents) -> float:
        return distance_km(a.lat, a.lon, b.lat, b.lon)

    centre = max(places, key=lambda p: (sum(q.total for q in places if km(p, q) <= radius_km), p.total, p.label))
    return [place for place in places if km(centre, place) <= radius_km]


def _radius(place: PlaceEvents) -> float:
    """A circle whose area grows with the place's events."""
    return 3 + 3 * math.sqrt(place.total)


def map_svg(places: list[PlaceEvents], width: int = 960, max_height: int = 560, labels: int = 15,
            name: str = "map") -> str:
    """Geocoded places as circles sized by their events, coloured by the commonest type, over country outlines."""
    projection = _Projection(places, width, max_height)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart map" viewBox="0 0 {projection.width} '
             f'{projection.height}" role="img" aria-labelledby="{name}-title"><title id="{name}-title">Events by place: '
             f'{plural(len(places), "place")}</title><rect class="sea" width="{projection.width}" '
             f'height="{projection.height}"/>']
    for country in countries():
        if projection.sees(country.west, country.south, country.east, country.north):
            path = "".join(_outline(projection, ring) for ring in country.rings)
            if path:
                parts.append(f'<path class="land" d="{path}"><title>{escape(country.name)}</title></path>')
    parts.append(_graticule(projection))
    for place in sorted(places, key=lambda p: (-p.total, p.label)):
        x, y = projection(place.lon, place.lat)
        dominant = max(place.events.items(), key=lambda item: (item[1], item[0]))[0]
        where = f"{place.label} ({place.country})" if place.country and place.country != place.label else place.label
        parts.append(f'<circle class="place" cx="{x:.1f}" cy="{y:.1f}" r="{_radius(place):.1f}" '
                     f'fill="{colour(dominant)}"><title>{escape(where)}: {plural(place.total, "event")} '
                     f'({escape(_counts(place.events))})</title></circle>')
    taken: list[tuple[float, float, float, float]] = []
    for place in places:
        if len(taken) == labels:
            break
        x, y = projection(place.lon, place.lat)
        # Labels go right of their circle; one that would overlap a label already placed is left out.
        left = x + 2 + _radius(place)
        box = (left, y - 8, left + 7 * len(place.label), y + 5)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in taken):
            continue
        taken.append(box)
        parts.append(f'<text class="label" x="{box[0]:.1f}" y="{y + 4:.1f}">{escape(place.label)}</text>')
    parts.append(_scale_bar(projection))
    parts.append(f'<text class="credit" x="{projection.width - 6}" y="{projection.height - 6}" text-anchor="end">'
                 f'Borders: Natural Earth 1:50m</text></svg>')
    return "".join(parts)


def _graticule(projection: _Projection) -> str:
    step = _nice_step(projection.east - projection.west, 6)
    lines = []
    lon = math.ceil(projection.west / step) * step
    while lon <= projection.east:
        x, _ = projection(lon, 0)
        lines.append(f'<line class="graticule" x1="{x:.1f}" x2="{x:.1f}" y1="0" y2="{projection.height}"/>'
                     f'<text class="tick" x="{x + 3:.1f}" y="12">{abs(lon):g}°{"E" if lon >= 0 else "W"}</text>')
        lon += step
    lat = math.ceil(projection.south / step) * step
    while lat <= projection.north:
        _, y = projection(0, lat)
        lines.append(f'<line class="graticule" x1="0" x2="{projection.width}" y1="{y:.1f}" y2="{y:.1f}"/>'
                     f'<text class="tick" x="3" y="{y - 3:.1f}">{abs(lat):g}°{"N" if lat >= 0 else "S"}</text>')
        lat += step
    return "".join(lines)


def _scale_bar(projection: _Projection) -> str:
    """A bar of a round number of kilometres, true at the map's middle latitude."""
    km = _nice_step(projection.width / 5 / projection.px_per_km, 1)
    length = km * projection.px_per_km
    y = projection.height - 12
    return (f'<g class="scale"><line x1="10" x2="{10 + length:.1f}" y1="{y}" y2="{y}"/>'
            f'<text class="tick" x="10" y="{y - 5}">{km:g} km</text></g>')

"""The report's SVG timeline and map, and the packaged country outlines, on data written here."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from kgbuild.report.basemap import countries
from kgbuild.report.charts import _time_ticks, focus, map_svg, timeline_svg
from kgbuild.report.data import PlaceEvents, Week

SVG = "{http://www.w3.org/2000/svg}"


def place(label: str, lat: float, lon: float, **events: int) -> PlaceEvents:
    return PlaceEvents(label, lat, lon, None, events or {"strike": 1})


def test_the_timeline_keeps_empty_weeks_and_stacks_types_in_order():
    weeks = [Week(date(2025, 1, 6), {"strike": 2}), Week(date(2025, 1, 20), {"call": 1, "strike": 1})]
    svg = ET.fromstring(timeline_svg(weeks, ["strike", "call"]))
    first, second = [list(group.iter(f"{SVG}rect")) for group in svg.iter(f"{SVG}g")]
    # Two weeks apart on the axis, with the empty week between them kept.
    first_x, second_x = float(first[0].get("x")), float(second[0].get("x"))
    slot = (960 - 40 - 12) / 3
    assert second_x - first_x == pytest.approx(2 * slot, abs=0.2)
    assert float(first[0].get("height")) == pytest.approx(2 * float(second[1].get("height")), abs=0.2)
    # Strike sits at the bottom of the stack, call on top of it.
    strike, call = second
    assert strike.get("fill") == "#D55E00" and call.get("fill") == "#56B4E9"
    assert float(call.get("y")) < float(strike.get("y"))


@pytest.mark.parametrize("first, last, labels", [
    (date(2025, 1, 6), date(2025, 3, 30), ["Feb 2025", "Mar 2025"]),
    (date(2024, 11, 4), date(2025, 8, 31), ["Jan 2025", "Apr 2025", "Jul 2025"]),
    (date(2022, 1, 17), date(2025, 6, 8), ["2023", "2024", "2025"]),
])
def test_time_axis_labels_suit_the_span(first, last, labels):
    assert [label for _, label in _time_ticks(first, last)] == labels


def test_focus_keeps_the_busiest_cluster():
    ukraine = [place("Kyiv", 50.45, 30.52, strike=3), place("Kharkiv", 49.99, 36.23), place("Odesa", 46.48, 30.72)]
    far = [place("Paris", 48.85, 2.35, meeting=2), place("Pyongyang", 39.03, 125.75)]
    assert [p.label for p in focus(ukraine + far)] == ["Kyiv", "Kharkiv", "Odesa"]


def test_the_map_keeps_distances_true_at_its_middle_latitude():
    places = [place("Kyiv", 50.45, 30.52, strike=4), place("Kharkiv", 49.99, 36.23), place("Odesa", 46.48, 30.72)]
    svg = ET.fromstring(map_svg(places))
    drawn = {c.find(f"{SVG}title").text.split(":")[0]: (float(c.get("cx")), float(c.get("cy")))
             for c in svg.iter(f"{SVG}circle")}
    kyiv, kharkiv, odesa = drawn["Kyiv"], drawn["Kharkiv"], drawn["Odesa"]
    # One degree of longitude is cos(latitude) of a degree of latitude.
    per_lat = (odesa[1] - kyiv[1]) / (50.45 - 46.48)
    per_lon = (kharkiv[0] - kyiv[0]) / (36.23 - 30.52)
    assert per_lon / per_lat == pytest.approx(math.cos(math.radians(48.4)), rel=0.05)
    # The biggest circle is the place with the most events, and it is labelled.
    radii = {c.find(f"{SVG}title").text.split(":")[0]: float(c.get("r")) for c in svg.iter(f"{SVG}circle")}
    assert max(radii, key=radii.get) == "Kyiv"
    assert {t.text for t in svg.iter(f"{SVG}text")} >= {"Kyiv", "Kharkiv", "Odesa"}
    assert "Ukraine" in {p.find(f"{SVG}title").text for p in svg.iter(f"{SVG}path")}


def test_labels_that_would_overlap_are_left_out():
    crowded = [place(f"Village {n}", 50.0 + n * 0.001, 30.0, strike=10 - n) for n in range(5)]
    svg = ET.fromstring(map_svg(crowded))
    labels = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "label"]
    assert labels == ["Village 0"]


def test_country_outlines_are_where_the_countries_are():
    outlines = {country.name: country for country in countries()}
    assert len(outlines) > 200
    ukraine = outlines["Ukraine"]
    assert ukraine.west < 30.52 < ukraine.east and ukraine.south < 50.45 < ukraine.north
    assert all(ring[0] == pytest.approx(ring[-1]) for ring in ukraine.rings)
    assert 22 < ukraine.west < 23 and 40 < ukraine.east < 41

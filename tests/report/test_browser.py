"""The report as a browser shows it: headless Chromium renders it with no console message at all.

CI installs Debian's Chromium (.ci/run); elsewhere these tests are skipped when it is absent.
"""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import pytest

from kgbuild.report.browser import BrowserError, find_chromium, open_in_chromium
from kgbuild.report.charts import colour

WIDTH, HEIGHT = 1100, 1400


@pytest.fixture(scope="module", autouse=True)
def chromium():
    if find_chromium() is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install Chromium (.ci/run: apt-get install chromium)")
        pytest.skip("Chromium is not installed (apt-get install chromium)")


def png_colours(path: Path) -> tuple[int, int, set[tuple[int, int, int]]]:
    """Width, height and the set of RGB colours of an 8-bit RGB or RGBA PNG (as Chromium writes)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, offset = {}, 8
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        chunks.setdefault(kind, []).append(data[offset + 8:offset + 8 + length])
        offset += 12 + length
    width, height, depth, colour_type = struct.unpack(">IIBB", chunks[b"IHDR"][0][:10])
    assert depth == 8 and colour_type in (2, 6)
    step = 3 if colour_type == 2 else 4
    stride = width * step
    raw = zlib.decompress(b"".join(chunks[b"IDAT"]))
    colours, previous = set(), bytearray(stride)
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):  # undo the PNG filter (RFC 2083, 6)
            left = line[i - step] if i >= step else 0
            up, up_left = previous[i], previous[i - step] if i >= step else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                estimate = left + up - up_left
                nearest = min((abs(estimate - left), 0, left), (abs(estimate - up), 1, up),
                              (abs(estimate - up_left), 2, up_left))[2]
                line[i] = (line[i] + nearest) & 255
        colours.update(zip(line[0::step], line[1::step], line[2::step]))
        previous = line
    return width, height, colours


def rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


def test_report_renders_without_console_messages(report_path, tmp_path):
    rendering = open_in_chromium(report_path, tmp_path / "report.png", WIDTH, HEIGHT)
    assert rendering.console == ()
    width, height, colours = png_colours(rendering.screenshot)
    assert (width, height) == (WIDTH, HEIGHT)
    # The stacked bars and map circles were painted, in each seed event type's colour.
    assert {rgb(colour(kind)) for kind in ("strike", "meeting", "troop_figure", "call", "aid")} <= colours


def test_a_refused_request_is_reported(tmp_path):
    """The check can fail: an image from the network is refused by the page's policy, and logged."""
    page = tmp_path / "fetching.html"
    page.write_text(
        "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\"/>"
        "</head><body><p>x</p><img src=\"https://example.org/x.png\"/><script>undefinedFunction()</script>"
        "</body></html>", encoding="utf-8")
    rendering = open_in_chromium(page, tmp_path / "fetching.png", 400, 300)
    assert any("example.org/x.png" in message for message in rendering.console), rendering.console
    assert any("script" in message for message in rendering.console), rendering.console


def test_an_unreadable_page_is_an_error(tmp_path):
    with pytest.raises(BrowserError, match="Chromium failed"):
        open_in_chromium(tmp_path / "missing.html", tmp_path / "missing.png", 400, 300)
    assert not (tmp_path / "missing.png").exists()


def test_an_error_page_screenshot_is_no_rendering(tmp_path, monkeypatch):
    # Chromium 150 screenshots its own "file not found" page and exits 0, saying only in its log
    # that the page failed to load; this stands in for it.
    chromium = tmp_path / "chromium"
    chromium.write_text("#!/bin/sh\nfor a; do case $a in --screenshot=*) : > \"${a#--screenshot=}\";; esac; done\n"
                        "echo 'ERROR:headless_command_handler.cc(403)] Page load failed: net::ERR_FILE_NOT_FOUND' >&2\n")
    chromium.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:{os.environ['PATH']}")
    with pytest.raises(BrowserError, match="ERR_FILE_NOT_FOUND"):
        open_in_chromium(tmp_path / "missing.html", tmp_path / "shot.png", 400, 300)
    assert not (tmp_path / "shot.png").exists()

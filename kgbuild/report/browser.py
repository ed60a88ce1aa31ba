"""Open a report in headless Chromium: a screenshot, and every console message the page caused.

The report must work offline and without script, so any console message at all (a
script error, or a request its Content Security Policy refused) is a defect. Chromium
runs with every host name unresolvable and its own background traffic off, so that a
request the page made fails and shows instead of going out. Debian's ``chromium``
package provides the browser; nothing is downloaded.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import KGBuildError

# Chromium logs what a page writes to its console, and CSP refusals, as
# "[...:CONSOLE(line)] message" when logging to stderr.
_CONSOLE = re.compile(r":CONSOLE[^\]]*\] (.*)")
_LOAD_FAILED = re.compile(r"Page load failed: (.*)")
_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
    "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=0",
)


class BrowserError(KGBuildError):
    """Chromium is missing or could not render the page."""


@dataclass(frozen=True)
class Rendering:
    """What opening a page showed: the screenshot's path, the seconds it took, the console messages."""

    screenshot: Path
    seconds: float
    console: tuple[str, ...]


def find_chromium() -> str | None:
    """The path of a Chromium executable on PATH, if there is one."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def open_in_chromium(page: Path, screenshot: Path, width: int = 1100, height: int = 4000,
                     timeout: float = 120) -> Rendering:
    """Screenshot ``page`` in headless Chromium at ``width`` x ``height`` pixels; collect its console messages."""
    chromium = find_chromium()
    if chromium is None:
        raise BrowserError("Chromium is not installed: install Debian's package (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="kgbuild-chromium-") as profile:
        command = [chromium, *_FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
                   f"--screenshot={screenshot}", page.resolve().as_uri()]
        start = time.perf_counter()
        try:
            finished = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired as error:
            raise BrowserError(f"Chromium did not finish rendering {page} within {timeout:.0f} s") from error
        seconds = time.perf_counter() - start
    # Chromium's stderr is mostly noise about D-Bus; the load failure says what went wrong. Some
    # versions still screenshot their own error page and exit 0, so the failure decides.
    load_failure = _LOAD_FAILED.search(finished.stderr)
    if finished.returncode != 0 or not screenshot.is_file() or load_failure:
        screenshot.unlink(missing_ok=True)
        reason = load_failure[1] if load_failure else finished.stderr.strip().rsplit("\n", 1)[-1]
        raise BrowserError(f"Chromium failed to render {page} (exit {finished.returncode}): {reason}")
    return Rendering(screenshot, seconds, tuple(match[1] for match in _CONSOLE.finditer(finished.stderr)))

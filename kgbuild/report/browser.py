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
    "--enable-logging=stderr", "--v=0",
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
    start = time.perf_counter()
    finished = _chromium(page.resolve().as_uri(), [f"--window-size={width},{height}", f"--screenshot={screenshot}"],
                         timeout, str(page), made=screenshot)
    return Rendering(screenshot, time.perf_counter() - start, _console(finished.stderr))


def dump_dom(url: str, timeout: float = 120) -> tuple[str, tuple[str, ...]]:
    """The document at ``url`` once its scripts and requests have settled, and its console messages.
    Only loopback addresses resolve: a page served on this machine may call home, nothing else."""
    finished = _chromium(url, ["--virtual-time-budget=15000", "--dump-dom"], timeout, url, loopback=True)
    return finished.stdout, _console(finished.stderr)


def _console(stderr: str) -> tuple[str, ...]:
    return tuple(match[1] for match in _CONSOLE.finditer(stderr))


def _chromium(target: str, flags: list[str], timeout: float, what: str, made: Path | None = None,
              loopback: bool = False) -> subprocess.CompletedProcess[str]:
    chromium = find_chromium()
    if chromium is None:
        raise BrowserError("Chromium is not installed: install Debian's package (apt-get install chromium)")
    rules = "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1" if loopback else "MAP * ~NOTFOUND"
    with tempfile.TemporaryDirectory(prefix="kgbuild-chromium-") as profile:
        command = [chromium, *_FLAGS, f"--host-resolver-rules={rules}", f"--user-data-dir={profile}", *flags, target]
        try:
            finished = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired as error:
            raise BrowserError(f"Chromium did not finish rendering {what} within {timeout:.0f} s") from error
    # Chromium's stderr is mostly noise about D-Bus; the load failure says what went wrong. Some
    # versions still screenshot their own error page and exit 0, so the failure decides.
    load_failure = _LOAD_FAILED.search(finished.stderr)
    if finished.returncode != 0 or load_failure or made is not None and not made.is_file():
        if made is not None:
            made.unlink(missing_ok=True)
        reason = load_failure[1] if load_failure else finished.stderr.strip().rsplit("\n", 1)[-1]
        raise BrowserError(f"Chromium failed to render {what} (exit {finished.returncode}): {reason}")
    return finished

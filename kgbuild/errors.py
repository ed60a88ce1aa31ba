"""Errors that users can act on.

Every exception raised for a user mistake is a :class:`KGBuildError` whose text says
what went wrong and how to fix it; the CLI prints it as one line, never a traceback.
Problems with single input files are not exceptions but :class:`Problem` records, so
that one bad article never stops a build.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


class KGBuildError(Exception):
    """A failure the user can fix; the message names the thing and the fix."""


class ModelNotInstalled(KGBuildError):
    """No English spaCy model can be imported."""


class StoreError(KGBuildError):
    """The RDF store is missing, locked or unreadable."""


class QueryError(KGBuildError):
    """A SPARQL query could not be parsed or run."""


class InputError(KGBuildError):
    """One input file or line cannot be read; carries where and why."""

    def __init__(
        self, source: str, message: str, line: int | None = None, severity: Literal["error", "warning"] = "error"
    ) -> None:
        self.source = source
        self.line = line
        self.message = message
        self.severity = severity
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Problem:
    """A file or line skipped (error) or read with a caveat (warning) during a build."""

    source: str
    message: str
    line: int | None = None
    severity: Literal["error", "warning"] = "error"

    @classmethod
    def from_error(cls, error: InputError) -> Problem:
        return cls(error.source, error.message, error.line, error.severity)

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{self.severity}: {where}: {self.message}"

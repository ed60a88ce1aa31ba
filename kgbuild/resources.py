"""Access to the data that ships in ``ontology/`` (installed as ``kgbuild.ontology``)."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any


def ontology_file(*parts: str) -> Traversable:
    """A file under ``ontology/``, read through importlib.resources so wheels work too."""
    node = files("kgbuild.ontology")
    for part in parts:
        node = node / part
    return node


@cache
def read_json(*parts: str) -> Any:
    """Parse a JSON file under ``ontology/`` (cached: these files never change at run time)."""
    return json.loads(ontology_file(*parts).read_text(encoding="utf-8"))


def read_jsonl(*parts: str) -> list[dict[str, Any]]:
    """Parse a JSON Lines file under ``ontology/``; blank lines and ``//`` comments are skipped."""
    rows = []
    for number, line in enumerate(ontology_file(*parts).read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as error:
            raise ValueError(f"ontology/{'/'.join(parts)}:{number}: {error}") from error
    return rows

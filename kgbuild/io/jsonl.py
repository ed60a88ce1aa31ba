"""JSON Lines: one article per line with ``id``, ``text`` and optional feed fields."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, Problem
from ..records import Article
from . import FeedMetadata, make_article, metadata_from, reader
from .decode import check_size, decode


@reader(".jsonl", ".ndjson")
def read_jsonl(path: Path, meta: FeedMetadata) -> Iterator[Article | Problem]:
    """Stream the file line by line, so huge files need little memory; bad lines are reported and skipped."""
    seen_any = False
    with path.open("rb") as stream:
        for number, raw in enumerate(stream, 1):
            if not raw.strip():
                continue
            seen_any = True
            try:
                yield _article(raw, path.name, number)
            except InputError as error:
                yield Problem(path.name, error.message, number)
    if not seen_any:
        raise InputError(path.name, "the file is empty; nothing to read", severity="warning")


def _article(raw: bytes, name: str, number: int) -> Article:
    check_size(len(raw), f"{name}:{number}")
    try:
        row = json.loads(decode(raw, name))
    except json.JSONDecodeError as error:
        raise InputError(name, f"not valid JSON ({error.msg} at column {error.colno}); each line must be one JSON object") from None
    except InputError as error:
        raise InputError(name, error.message.split("; ")[0] + "; re-save the file as UTF-8") from None
    if not isinstance(row, dict):
        raise InputError(name, "each line must be a JSON object with at least a \"text\" field")
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(name, 'no "text" field with the article text; add one or remove the line')
    try:
        meta = metadata_from(row)
    except ValueError as error:
        raise InputError(name, str(error)) from None
    source = str(row.get("id") or f"{name}:{number}")
    return make_article(source, text.replace("\r\n", "\n"), meta)

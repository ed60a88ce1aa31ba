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
                article, warnings = _article(raw, path.name, number)
            except InputError as error:
                yield Problem(path.name, error.message, number)
                continue
            yield from (Problem(path.name, warning, number, "warning") for warning in warnings)
            yield article
    if not seen_any:
        raise InputError(path.name, "the file is empty; nothing to read", severity="warning")


def _article(raw: bytes, name: str, number: int) -> tuple[Article, list[str]]:
    """The article on one line, and warnings about fields it does without."""
    check_size(len(raw), f"{name}:{number}")
    try:
        row = json.loads(decode(raw, name))
    except json.JSONDecodeError as error:
        raise InputError(name, f"not valid JSON ({error.msg} at column {error.colno}); each line must be one JSON object") from None
    except InputError as error:
        raise InputError(name, error.message.split("; ")[0] + "; re-save the file as UTF-8") from None
    except (ValueError, RecursionError) as error:  # a number of thousands of digits, or nesting thousands deep
        reason = "nested too deeply" if isinstance(error, RecursionError) else "a number too long to read"
        raise InputError(name, f"not readable JSON ({reason}); each line must be one flat JSON object") from None
    if not isinstance(row, dict):
        raise InputError(name, "each line must be a JSON object with at least a \"text\" field")
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(name, 'no "text" field with the article text; add one or remove the line')
    meta, why = metadata_from(row)
    warnings = [f"{why}; read without it"] if why else []
    given = row.get("id")
    if given is not None and not isinstance(given, (str, int)):
        warnings.append(f'"id" should be a string, not {type(given).__name__}; named {name}:{number} instead')
        given = None
    source = str(given or f"{name}:{number}")
    return make_article(source, text.replace("\r\n", "\n"), meta), warnings

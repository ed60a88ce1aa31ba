"""Plain text and Markdown articles; the first line may be the title."""

from __future__ import annotations

import re
from dataclasses import replace
from collections.abc import Iterator
from pathlib import Path

from ..errors import Problem
from ..records import Article
from . import FeedMetadata, make_article, read_bytes, reader
from .decode import decode

_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_ENDS_SENTENCE = re.compile(r"[.!;,:\"”]$")


def first_line_title(text: str, noise: tuple[tuple[int, int], ...]) -> str | None:
    """The first line that is not page noise, if it reads as a headline and more text follows."""
    offset = 0
    for line in text.split("\n"):
        start, stripped = offset, line.strip()
        offset += len(line) + 1
        if not stripped or any(s <= start + len(line) - len(line.lstrip()) < e for s, e in noise):
            continue
        title = _MARKDOWN_HEADING.sub("", stripped)
        if len(title) <= 200 and not _ENDS_SENTENCE.search(title) and text[offset:].strip():
            return title
        return None
    return None


@reader(".txt", ".md", ".text", ".markdown")
def read_text(path: Path, meta: FeedMetadata) -> Iterator[Article | Problem]:
    """One article per file."""
    text = decode(read_bytes(path), path.name)
    article = make_article(path.name, text, meta)
    if article.title is None:
        # Noise is found once; only the title is filled in.
        article = replace(article, title=first_line_title(text, article.noise))
    yield article

"""HTML pages: the main text is extracted with trafilatura, navigation and comments dropped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import trafilatura

from ..errors import InputError, Problem
from ..records import Article
from . import FeedMetadata, make_article, read_bytes, reader
from .decode import decode
from .published import parse_published


@reader(".html", ".htm", ".xhtml")
def read_html(path: Path, meta: FeedMetadata) -> Iterator[Article | Problem]:
    """One article per page; the page's own title, URL, site name and date fill gaps in ``meta``."""
    html = decode(read_bytes(path), path.name, html=True)
    document = trafilatura.bare_extraction(
        html,
        url=meta.url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
    )
    text = (document.text if document else "") or ""
    if not text.strip():
        raise InputError(path.name, "no article text found in this HTML page; is it an index or a login page?")
    try:
        page_date = parse_published(document.date)
    except ValueError:
        page_date = None
    page = FeedMetadata(
        url=meta.url or document.url,
        title=meta.title or document.title,
        outlet=meta.outlet or document.sitename,
        published=meta.published or page_date,
        language=meta.language or document.language,
    )
    yield make_article(path.name, text, page)

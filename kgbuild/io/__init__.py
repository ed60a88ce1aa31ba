"""Read articles from files and folders.

``read_inputs`` turns command-line paths into a stream of :class:`~kgbuild.records.Article`
and :class:`~kgbuild.errors.Problem` records, so that a bad file or line is reported and
skipped while the rest of the build goes on. Readers are found by file extension in
:data:`READERS`; add one with :func:`reader`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import InputError, Problem
from ..records import Article
from .clean import find_noise
from .decode import check_size, clean_text, decode
from .published import infer_published, parse_published

INDEX_NAME = "index.json"
# spaCy's own limit for one text (Language.max_length): a longest news article is a hundredth of it.
MAX_ARTICLE_CHARS = 1_000_000


@dataclass(frozen=True)
class FeedMetadata:
    """What a feed or sidecar ``index.json`` says about an article."""

    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    language: str | None = None


Reader = Callable[[Path, FeedMetadata], Iterator["Article | Problem"]]
READERS: dict[str, Reader] = {}


def reader(*extensions: str) -> Callable[[Reader], Reader]:
    """Register a reader for file extensions (with the dot, lower case)."""

    def register(function: Reader) -> Reader:
        for extension in extensions:
            READERS[extension] = function
        return function

    return register


def make_article(source: str, text: str, meta: FeedMetadata, title: str | None = None) -> Article:
    """Build an :class:`Article` from text cleaned for XML (:func:`clean_text`): find page noise
    and, if the feed gave no date, infer one. Raises :class:`InputError` for a text longer than
    :data:`MAX_ARTICLE_CHARS`."""
    text, source = clean_text(text), clean_text(source)
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(source, f"{len(text):,} characters is more than one article (kgbuild reads at most "
                                 f"{MAX_ARTICLE_CHARS:,}); split it into one file or JSON line per article")
    title = clean_text(title) if title else title
    noise = find_noise(text)
    published, inferred = meta.published, False
    if published is None:
        published = infer_published(text)
        inferred = published is not None
    return Article(
        source=source,
        text=text,
        title=meta.title or title,
        url=meta.url,
        outlet=meta.outlet,
        published=published,
        published_inferred=inferred,
        language=meta.language or "en",
        noise=noise,
    )


def read_bytes(path: Path) -> bytes:
    """A whole file's bytes, refusing sizes no single article can have."""
    check_size(path.stat().st_size, path.name)
    return path.read_bytes()


def read_inputs(inputs: Iterable[str | Path]) -> Iterator[Article | Problem]:
    """Articles from files, folders (recursively) and ``index.json`` lists, in a stable order."""
    for given in inputs:
        path = Path(given)
        if not path.exists():
            yield Problem(str(given), "no such file or folder; check the path")
        elif path.is_dir():
            yield from _read_folder(path)
        elif path.name == INDEX_NAME:
            yield from _read_index(path)
        else:
            yield from _read_file(path, _sidecar_metadata(path), explicit=True)


def _read_file(path: Path, meta: FeedMetadata, *, explicit: bool) -> Iterator[Article | Problem]:
    read = READERS.get(path.suffix.lower())
    if read is None:
        known = " ".join(sorted(READERS))
        yield Problem(
            path.name,
            f"unknown file type {path.suffix or '(no extension)'!r}; kgbuild reads {known}",
            severity="error" if explicit else "warning",
        )
        return
    try:
        yield from read(path, meta)
    except InputError as error:
        yield Problem.from_error(error)
    except OSError as error:
        yield Problem(path.name, f"cannot be read ({error.strerror}); check its permissions")


def _read_folder(folder: Path) -> Iterator[Article | Problem]:
    metadata: dict[Path, FeedMetadata] = {}
    files = []
    # A store folder inside the input (kgbuild build . --store store) is the output, not articles.
    paths = sorted(folder.rglob("*"))
    stores = {path.parent for path in paths if path.name == "CURRENT" and (path.parent / "IDENTITY").is_file()}
    for path in paths:
        if any(part.startswith(".") for part in path.relative_to(folder).parts) or not path.is_file() \
                or not stores.isdisjoint(path.parents):
            continue
        if path.name == INDEX_NAME:
            entries, problems = _parse_index(path)
            yield from problems
            metadata.update(entries)
        else:
            files.append(path)
    for path in files:
        meta = metadata.get(path.resolve()) or _sidecar_metadata(path)
        yield from _read_file(path, meta, explicit=False)


def _read_index(index: Path) -> Iterator[Article | Problem]:
    entries, problems = _parse_index(index)
    yield from problems
    for path, meta in entries.items():
        if path.exists():
            yield from _read_file(path, meta, explicit=True)
        else:
            yield Problem(index.name, f"lists {path.name}, which does not exist; fix the path in {index}")


def _parse_index(index: Path) -> tuple[dict[Path, FeedMetadata], list[Problem]]:
    """Entries of an ``index.json``: a list of objects with ``file`` relative to it."""
    problems: list[Problem] = []
    try:
        entries = json.loads(decode(read_bytes(index), str(index)))
    except InputError as error:
        return {}, [Problem.from_error(error)]
    except json.JSONDecodeError as error:
        return {}, [Problem(str(index), f"not valid JSON ({error.msg}); fix it or remove it", error.lineno)]
    if not isinstance(entries, list):
        return {}, [Problem(str(index), 'must be a JSON list of {"file": ..., "published": ...} objects')]
    found: dict[Path, FeedMetadata] = {}
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
            problems.append(Problem(str(index), f'entry {number} has no "file" path; add one or remove the entry'))
            continue
        meta, why = metadata_from(entry)
        if why:
            problems.append(Problem(str(index), f"entry {number}: {why}", severity="warning"))
        found[(index.parent / entry["file"]).resolve()] = meta
    return found, problems


def metadata_from(fields: dict) -> tuple[FeedMetadata, str | None]:
    """Feed fields from a JSON object, and why its ``published`` was left out if it was
    malformed (the article is still read, its date inferred from the text)."""

    def text(key: str) -> str | None:
        value = fields.get(key)
        return clean_text(str(value)).strip() or None if value is not None else None

    try:
        published, why = parse_published(fields.get("published")), None
    except ValueError as error:
        published, why = None, str(error)
    return FeedMetadata(url=text("url"), title=text("title"), outlet=text("outlet"), published=published,
                        language=text("language")), why


def _sidecar_metadata(path: Path) -> FeedMetadata:
    """Metadata for a single file from the nearest ``index.json`` (up to two folders up) listing it."""
    target = path.resolve()
    for folder in list(target.parents)[:3]:
        index = folder / INDEX_NAME
        if index.is_file():
            entries, _ = _parse_index(index)
            if target in entries:
                return entries[target]
    return FeedMetadata()


# Register the built-in readers.
from . import html, jsonl, text  # noqa: E402,F401

"""Bytes from disk to text, with errors that say which file and what to do."""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

# One news article is kilobytes; anything far larger is a dump that belongs in JSON Lines.
MAX_ARTICLE_BYTES = 20 * 1024 * 1024

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)


def check_size(size: int, source: str) -> None:
    """Refuse one article larger than :data:`MAX_ARTICLE_BYTES`."""
    if size > MAX_ARTICLE_BYTES:
        raise InputError(
            source,
            f"{size / 1048576:.0f} MB is over the {MAX_ARTICLE_BYTES // 1048576} MB limit for one article; "
            "split it into one file per article, or into JSON Lines with one article per line",
        )


def decode(data: bytes, source: str, *, html: bool = False) -> str:
    """Decode a file's bytes as UTF-8 (or a declared BOM/HTML charset), newlines normalised.

    Raises :class:`InputError` for empty, binary and undecodable input.
    """
    if not data.strip():
        raise InputError(source, "the file is empty; nothing to read", severity="warning")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _normalise_newlines(data.decode(encoding, errors="replace"))
    if b"\x00" in data[:8192]:
        raise InputError(
            source, "this is a binary file, not text; kgbuild reads UTF-8 .txt/.md, .html/.htm and .jsonl files"
        )
    encoding = "utf-8"
    if html and (declared := _HTML_CHARSET.search(data[:4096])):
        encoding = declared.group(1).decode("ascii").lower()
    try:
        return _normalise_newlines(data.decode(encoding))
    except LookupError:
        return decode(data, source)  # an unknown declared charset: try UTF-8
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            source,
            f"not valid {encoding.upper()} (byte 0x{data[error.start]:02x} at line {line}); "
            "re-save the file as UTF-8, e.g. iconv -f WINDOWS-1252 -t UTF-8 IN > OUT",
        ) from None


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")

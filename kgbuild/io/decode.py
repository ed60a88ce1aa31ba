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


# Characters XML 1.0 cannot carry (GraphML, GEXF, SPARQL XML results, RDF/XML) or that no
# article means: C0 controls but tab and newlines, DEL, lone surrogates, U+FFFE/U+FFFF.
# C1 controls are nearly always Windows-1252 punctuation decoded as Latin-1 upstream, so
# they become that punctuation; the five Windows-1252 leaves undefined go.
_UNSAFE = {code: None for code in (*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F, 0xFFFE, 0xFFFF)}
_UNSAFE.update({0x0B: " ", 0x0C: " "})  # vertical tab and form feed: white space
_UNSAFE.update({code: bytes([code]).decode("cp1252", "ignore") or None for code in range(0x80, 0xA0)})
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """``text`` with what XML cannot carry replaced or dropped (see ``_UNSAFE``) and each lone
    surrogate (from a JSON escape such as ``\\ud800``) replaced by U+FFFD, so that every
    exporter can write it."""
    return _LONE_SURROGATE.sub("\ufffd", text.translate(_UNSAFE))


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")

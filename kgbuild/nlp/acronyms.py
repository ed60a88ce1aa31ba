"""Acronyms and the long forms they stand for, within one article.

Two ways news writes them: a definition in brackets ("South Korea's National Intelligence
Service (NIS) said ... the NIS said") and a bare acronym whose letters are the initials of
a name the article spells out ("The Institute for the Study of War ... The ISW said").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DEFINED = re.compile(r"\(\s*([A-Z][A-Za-z&]{1,7})\s*\)")
_WORD = re.compile(r"[^\W\d_][\w’'.-]*")
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}$")
# Small words a long form may hold without giving a letter ("Institute for the Study of War").
_UNLETTERED = frozenset({"of", "the", "for", "and", "on", "in", "de", "du", "des", "la", "le", "al", "&"})


@dataclass(frozen=True)
class LongForm:
    """A name spelled out in the text, with its character span."""

    text: str
    start: int
    end: int


def _letters(acronym: str) -> str:
    return "".join(c for c in acronym if c.isalpha()).upper()


def initials(name: str) -> str:
    """The letters a name's acronym would have: "Danish Defence Intelligence Service" -> "DDIS"."""
    return "".join(w[0].upper() for w in _WORD.findall(name) if w.lower() not in _UNLETTERED and w[0].isupper())


def is_acronym(text: str) -> bool:
    """Whether ``text`` is written as an acronym ("NIS", "DDIS"), not a word."""
    return _ACRONYM.match(text) is not None


def defined_acronyms(text: str) -> dict[str, LongForm]:
    """Acronym -> the long form written just before its brackets, when its initials spell it."""
    found: dict[str, LongForm] = {}
    for match in _DEFINED.finditer(text):
        acronym = _letters(match.group(1))
        words = list(_WORD.finditer(text, max(0, match.start() - 200), match.start()))
        lettered: list[re.Match[str]] = []
        for word in reversed(words):
            if text[word.end():match.start()].count("\n"):
                break  # a long form never spans a line break
            if word.group().lower() in _UNLETTERED:
                continue
            if not word.group()[0].isupper():
                break
            lettered.insert(0, word)
            if len(lettered) == len(acronym):
                break
        spelled = "".join(w.group()[0].upper() for w in lettered)
        if lettered and spelled == acronym and acronym not in found:
            start = lettered[0].start()
            end = match.start()
            found[acronym] = LongForm(text[start:end].strip(), start, end)
    return found

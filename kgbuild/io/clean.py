"""Find page furniture in scraped article text.

Crawlers deliver navigation, widget labels, repeated headlines, photo credits,
link lists and whole off-topic sections (sports line-ups) inside the "article".
This module returns their character ranges; the text itself is left untouched so
that every offset kgbuild reports still points into the text as read. The rules
are data in ``ontology/noise/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..resources import read_json

_WORD = re.compile(r"[\w’'-]+")
# Eleven or more marks in a row with no letter, digit or space ("!!!!!!!!!!!", "-----------", a row of
# emoji) say nothing, and spaCy's tokenizer splits such a run one mark at a time, in time that
# grows with the square of its length (16,000 "!" took 50 s).
_MARK_RUN = re.compile(r"[^\w\s]{11,}")
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)\]]\s*$")


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str  # stripped

    @property
    def blank(self) -> bool:
        return not self.text


@cache
def _rules() -> tuple[re.Pattern[str], list[re.Pattern[str]], frozenset[str], int, frozenset[str]]:
    boilerplate = read_json("noise", "boilerplate.json")
    sports = read_json("noise", "sports.json")
    ui = re.compile("|".join(f"(?:{p})" for p in boilerplate["ui_lines"]), re.IGNORECASE)
    credits = [re.compile(p, re.IGNORECASE | re.MULTILINE) for p in boilerplate["credit_spans"]]
    return ui, credits, frozenset(sports["terms"]), int(sports["min_distinct"]), frozenset(sports.get("news_terms", ()))


def _lines(text: str) -> list[_Line]:
    lines, offset = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        lines.append(_Line(offset + lead, offset + lead + len(stripped), stripped))
        offset += len(raw) + 1
    return lines


def _is_headline(line: _Line) -> bool:
    """Short, unpunctuated, mostly capitalised: a heading or a link's text."""
    words = _WORD.findall(line.text)
    if not 2 <= len(words) <= 22 or _SENTENCE_END.search(line.text.rstrip("?")):
        return False
    capitalised = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return capitalised / len(words) >= 0.5


def _is_heading(line: _Line) -> bool:
    """A line that does not end like a sentence: a heading in sentence or title case."""
    return 1 <= len(_WORD.findall(line.text)) <= 22 and not _SENTENCE_END.search(line.text.rstrip("?"))


def _is_ui(line: _Line, ui: re.Pattern[str]) -> bool:
    return bool(line.text) and ui.fullmatch(line.text) is not None


def _ui_lines(lines: list[_Line], ui: re.Pattern[str]) -> set[int]:
    noisy = {i for i, line in enumerate(lines) if _is_ui(line, ui)}
    content = [i for i, line in enumerate(lines) if not line.blank]
    # A short label next to a widget line ("The Hindu" above "3 hours ago") is part of the widget.
    for position, i in enumerate(content):
        if i in noisy or len(_WORD.findall(lines[i].text)) > 4 or _SENTENCE_END.search(lines[i].text):
            continue
        neighbours = content[max(position - 1, 0) : position] + content[position + 1 : position + 2]
        if any(n in noisy for n in neighbours):
            noisy.add(i)
    return noisy


def _repeated_lines(lines: list[_Line]) -> set[int]:
    """Second copies of a line, and caption alt-texts that the next line repeats with a credit."""
    seen: set[str] = set()
    repeats = set()
    content = [i for i, line in enumerate(lines) if not line.blank]
    for position, i in enumerate(content):
        text = lines[i].text
        if len(_WORD.findall(text)) >= 4:
            if text in seen:
                repeats.add(i)
            seen.add(text)
            following = content[position + 1] if position + 1 < len(content) else None
            if following is not None and lines[following].text.startswith(text) and lines[following].text != text:
                repeats.add(i)
    return repeats


def _link_lists(lines: list[_Line]) -> set[int]:
    """Three or more headline-like lines with no blank line between them: a list of links."""
    found: set[int] = set()
    run: list[int] = []
    for i, line in enumerate([*lines, _Line(0, 0, "")]):
        if not line.blank and _is_headline(line):
            run.append(i)
            continue
        if len(run) >= 3:
            found.update(run)
        run = []
    return found


def _sections(lines: list[_Line], skip: set[int]) -> list[list[int]]:
    """Group content lines into sections that start at each heading."""
    sections: list[list[int]] = [[]]
    for i, line in enumerate(lines):
        if line.blank or i in skip:
            continue
        if _is_heading(line):
            sections.append([])
        sections[-1].append(i)
    return [s for s in sections if s]


def _sports_sections(lines: list[_Line], skip: set[int], terms: frozenset[str], min_distinct: int,
                     news: frozenset[str] = frozenset()) -> set[int]:
    multiword = [t for t in terms if " " in t]
    found: set[int] = set()
    previous_was_sports = False
    for section in _sections(lines, skip):
        body = " ".join(lines[i].text for i in section).lower()
        words = set(_WORD.findall(body))
        hits = (words & terms) | {t for t in multiword if t in body}
        # A heading-only section ("Afghanistan" before its squad list) follows its neighbour.
        is_sports = len(hits) >= min_distinct or (previous_was_sports and (hits or len(section) == 1))
        is_sports = is_sports and not words & news  # "a plane carrying a football team crashed" is news
        if is_sports:
            found.update(section)
        previous_was_sports = is_sports
    # An off-topic block sits beside an article: with no prose left beside it, it is the article
    # (a page read as one line is one section, and "a captain and his squad" may be war news).
    if not any(_is_prose(line) for i, line in enumerate(lines) if i not in found and i not in skip):
        return set()
    return found


def _is_prose(line: _Line) -> bool:
    """A sentence or more: a line of eight words or more that ends like one."""
    return len(_WORD.findall(line.text)) >= 8 and _SENTENCE_END.search(line.text) is not None


def _merge(ranges: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[list[int]] = []
    for start, end in sorted(r for r in ranges if r[1] > r[0]):
        if merged and start <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((s, e) for s, e in merged)


# A heading run into the line's first sentence by a dash: "Gulf outreach-The Arab League ...".
_GLUED = re.compile(r"^(?P<heading>[A-Z0-9][\w'’.,/ ]{0,80}?)(?P<space> ?)-(?P<next>[“\"]|[A-Z]\w*)")


@cache
def _glued_rules() -> dict[str, object]:
    rules = read_json("noise", "boilerplate.json")["glued_headings"]
    return {key: frozenset(value) if isinstance(value, list) else value for key, value in rules.items()}


def _glued_headings(lines: list[_Line]) -> list[tuple[int, int]]:
    """Ranges of section headings glued to the sentence after them, with their dash."""
    rules = _glued_rules()
    found = []
    for line in lines:
        match = _GLUED.match(line.text)
        if match is None:
            continue
        words = match["heading"].split()
        last = words[-1] if words else ""
        if not 1 <= len(words) <= rules["max_words"] or len(words) == 1 and not match["space"] \
                or last.lower() in rules["particles"] or last.lower() in rules["prefixes"]:
            continue  # "Haider al-Abadi", "its anti-Saudi rhetoric"
        if match["space"] or last[0].islower() or last[-1].isdigit() or match["next"] in rules["openers"] \
                or not match["next"][0].isalpha():
            found.append((line.start, line.start + match.start("next")))
    return found


def find_noise(text: str) -> tuple[tuple[int, int], ...]:
    """Character ranges of ``text`` that are page furniture rather than news, sorted and merged."""
    ui, credits, sports_terms, min_distinct, news_terms = _rules()
    lines = _lines(text)
    noisy = _ui_lines(lines, ui) | _repeated_lines(lines) | _link_lists(lines)
    noisy |= _sports_sections(lines, noisy, sports_terms, min_distinct, news_terms)
    ranges = [(lines[i].start, lines[i].end) for i in noisy]
    ranges += [(m.start(), m.end()) for pattern in credits for m in pattern.finditer(text)]
    ranges += _glued_headings(lines)
    ranges += [(m.start(), m.end()) for m in _MARK_RUN.finditer(text)]
    return _merge(ranges)


def blank_out(text: str, ranges: tuple[tuple[int, int], ...]) -> str:
    """``text`` with each range replaced by spaces, so offsets survive and NLP never reads it."""
    if not ranges:
        return text
    parts, cursor = [], 0
    for start, end in ranges:
        parts.append(text[cursor:start])
        parts.append("".join(c if c == "\n" else " " for c in text[start:end]))
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts)

"""Publication dates: parse the feed's value, or infer one from full dates in the text.

Only explicit, complete dates count ("June 2, 2025", "2 June 2025", "2025-06-02");
relative ones ("on Monday") cannot date an article without a reference point, and
the clock is never one.
"""

from __future__ import annotations

import re
from datetime import date, datetime

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_FULL_DATES = [
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),
]
# Relative dates ("last year", "in two weeks") are counted from the publication date, and
# Python's dates end at years 1 and 9999: a feed's typo must not reach either end.
FIRST_YEAR, LAST_YEAR = 1000, 8999
# Datelines and "Updated" stamps sit at the top of a page.
_DATELINE_CHARS = 150


def parse_published(value: object) -> date | None:
    """A feed's ``published`` value (ISO date or datetime string) as a date; ``None`` if absent.

    Raises ``ValueError`` with a readable message for a malformed value or one outside
    :data:`FIRST_YEAR`-:data:`LAST_YEAR`.
    """
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()[:40]
    try:
        published = datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise ValueError(f"published {text!r} is not an ISO date such as 2025-06-02") from None
    if not FIRST_YEAR <= published.year <= LAST_YEAR:
        raise ValueError(f"published {text!r} is outside the years {FIRST_YEAR}-{LAST_YEAR} kgbuild dates events in")
    return published


def full_dates(text: str) -> list[tuple[int, date]]:
    """Every complete calendar date written in ``text``, with its offset."""
    found = []
    for pattern in _FULL_DATES:
        for match in pattern.finditer(text):
            month = match.group("month")
            number = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
            try:
                found.append((match.start(), date(int(match.group("year")), number, int(match.group("day")))))
            except ValueError:
                continue
    return sorted(found)


def infer_published(text: str) -> date | None:
    """Guess a publication date: a full date in the dateline, else the latest one in the text."""
    dates = full_dates(text)
    if not dates:
        return None
    in_dateline = [d for offset, d in dates if offset < _DATELINE_CHARS]
    return in_dateline[0] if in_dateline else max(d for _, d in dates)

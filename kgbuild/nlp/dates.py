"""Normalise date expressions against the article's publication date.

The publication date is dateparser's ``RELATIVE_BASE``; without one, relative
expressions ("on Wednesday", "last May") stay unresolved rather than being read
against today's clock. A few news idioms that dateparser reads differently
("the 19th" meaning this month's or last month's 19th, "last May") are handled first.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser

from ..io.published import FIRST_YEAR, LAST_YEAR, MONTHS

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# Without one of these an expression is a duration ("two weeks") or vague ("decades"), not a date.
_DATE_CUE = re.compile(
    rf"\b(?:{_MONTH_NAMES}|{_WEEKDAYS}|today|yesterday|tomorrow|tonight|\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)"
    rf"|(?:last|this|next|past) (?:week|month|year|spring|summer|autumn|fall|winter)|weekend"
    rf"|(?:following|next|previous|preceding) day|day (?:before|after)|a day (?:later|earlier)|ago)\b",
    re.IGNORECASE,
)
_QUALIFIERS = re.compile(
    r"\b(?:on|in|at|by|since|until|from|during|the|of|early|mid|late|earlier|later|end|beginning|start|"
    r"morning|afternoon|evening|night|overnight|local time|around|about|over)\b",
    re.IGNORECASE,
)
_PARENTHESES = re.compile(r"\(([^)]*)\)")
_DAY_OF_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$", re.IGNORECASE)
_LAST_MONTH = re.compile(rf"^last ({_MONTH_NAMES})$", re.IGNORECASE)
_RELATIVE_YEAR = re.compile(r"^(?:(.+?) )?(last|next|this) year$", re.IGNORECASE)
_YEAR = re.compile(r"^((?:1[89]|20)\d\d)$")
_MONTH_YEAR = re.compile(rf"^({_MONTH_NAMES})\.? ((?:19|20)\d\d)$", re.IGNORECASE)
_RELATIVE_WEEK = re.compile(r"^(last|this|next|past) week$", re.IGNORECASE)
_WEEKEND = re.compile(r"^(?:(last|this|next|past) )?weekend$", re.IGNORECASE)
_WEEKDAY = re.compile(rf"^(?:last )?({_WEEKDAYS})$", re.IGNORECASE)
_WEEKDAY_NUMBERS = {name: number for number, name in enumerate(_WEEKDAYS.split("|"))}
# Holidays on one day of the year: "the New Year's shooting rampage", "on Christmas Day".
_HOLIDAY = re.compile(r"^(new year(?: day| eve)?|christmas(?: eve| day)?)$", re.IGNORECASE)
_HOLIDAY_DAYS = {"new year": (1, 1), "new year day": (1, 1), "new year eve": (12, 31), "christmas": (12, 25),
                 "christmas day": (12, 25), "christmas eve": (12, 24)}
_SEASON = re.compile(r"^(last|this|past) (spring|summer|autumn|fall|winter)$", re.IGNORECASE)
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
# Days counted from the date the story last gave ("on February 5 ... The following day").
_DAY_SHIFT = re.compile(r"^(?:(following|next|previous|preceding) day|day (before|after)|a day (later|earlier))$", re.IGNORECASE)
# The model seldom tags these as dates, so they are found in the text.
DAY_SHIFT_PHRASE = re.compile(r"\b(?:the (?:following|next|previous|preceding) day|the day (?:before|after)|a day (?:later|earlier))\b",
                              re.IGNORECASE)

Normalised = tuple[str | None, str | None]


def _format(value: date, granularity: str) -> Normalised:
    if granularity == "year":
        return f"{value.year:04d}", "year"
    if granularity == "month":
        return f"{value.year:04d}-{value.month:02d}", "month"
    return value.isoformat(), granularity


def _clean(text: str) -> str:
    # "Monday (June 2, 2025)": the bracketed full date is the precise one.
    inner = _PARENTHESES.search(text)
    if inner and _DATE_CUE.search(inner.group(1)):
        text = inner.group(1)
    text = _QUALIFIERS.sub(" ", text.replace("’s", "").replace("'s", ""))
    return re.sub(r"\s+", " ", text).strip(" ,.")


def _idiom(text: str, base: date | None, ahead: bool = False) -> Normalised | None:
    """News idioms dateparser gets wrong; ``None`` when the text is none of them."""
    if match := _YEAR.match(text):
        return match.group(1), "year"
    if match := _MONTH_YEAR.match(text):
        return f"{match.group(2)}-{MONTHS[match.group(1).lower()]:02d}", "month"
    if base is None:
        return None
    if match := _WEEKDAY.match(text):
        # News reports the past: the latest such weekday, the publication day included;
        # what is still to come ("starts on Friday") is the next one.
        weekday = _WEEKDAY_NUMBERS[match.group(1).lower()]
        if ahead and not text.lower().startswith("last"):
            return (base + timedelta(days=(weekday - base.weekday()) % 7)).isoformat(), "day"
        return (base - timedelta(days=(base.weekday() - weekday) % 7)).isoformat(), "day"
    if match := _DAY_OF_MONTH.match(text):
        day = int(match.group(1))
        month_start = base.replace(day=1) if day <= base.day else (base.replace(day=1) - timedelta(days=1)).replace(day=1)
        try:
            return month_start.replace(day=day).isoformat(), "day"
        except ValueError:
            return None
    if match := _LAST_MONTH.match(text):
        month = MONTHS[match.group(1).lower()]
        year = base.year if month < base.month else base.year - 1
        return f"{year:04d}-{month:02d}", "month"
    if match := _RELATIVE_YEAR.match(text):
        year = base.year + {"last": -1, "next": 1, "this": 0}[match.group(2).lower()]
        if match.group(1):
            parsed = _parse(match.group(1), base.replace(year=year, month=12, day=31) if year < base.year else base)
            return parsed if parsed[0] else None
        return f"{year:04d}", "year"
    if match := _SEASON.match(text):
        # The season's year: the latest one begun before publication ("last fall" in June 2025 is 2024's).
        start_month = _SEASON_START[match.group(2).lower()]
        year = base.year if start_month <= base.month else base.year - 1
        if match.group(1).lower() in ("last", "past") and start_month + 3 > base.month >= start_month:
            year -= 1  # still in that season: "last" means the one before
        return f"{year:04d}", "year"
    if match := _HOLIDAY.match(text):
        month, day = _HOLIDAY_DAYS[match.group(1).lower()]
        year = base.year if (month, day) <= (base.month, base.day) or ahead else base.year - 1
        return date(year, month, day).isoformat(), "day"
    if match := _RELATIVE_WEEK.match(text):
        shift = {"last": -7, "past": -7, "this": 0, "next": 7}[match.group(1).lower()]
        monday = base - timedelta(days=base.weekday()) + timedelta(days=shift)
        return monday.isoformat(), "week"
    if match := _WEEKEND.match(text):
        # the week it ends: on a weekday, "the weekend" of a report is the one just past, of a plan the coming one
        which, weekend_now = (match.group(1) or "the").lower(), base.weekday() >= 5
        past = which in ("last", "past") or which in ("the", "this") and not (weekend_now or ahead)
        shift = 7 if which == "next" else -7 if past else 0
        return (base - timedelta(days=base.weekday()) + timedelta(days=shift)).isoformat(), "week"
    return None


@lru_cache(maxsize=256)
def _parser(base: date, ahead: bool) -> DateDataParser:
    # Building a parser costs far more than parsing; an article's dates share one.
    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime(base.year, base.month, base.day),
            "PREFER_DATES_FROM": "future" if ahead else "past",
            "PREFER_DAY_OF_MONTH": "first",
        },
    )


def _parse(text: str, base: date, ahead: bool = False) -> Normalised:
    data = _parser(base, ahead).get_date_data(text)
    if data.date_obj is None:
        return None, None
    period = {"time": "day"}.get(data.period or "day", data.period or "day")
    return _format(data.date_obj.date(), period)


def is_date_expression(text: str) -> bool:
    """Whether ``text`` names a point or period in time (not a duration such as "two weeks")."""
    return _DATE_CUE.search(text) is not None or is_holiday(text)


def is_holiday(text: str) -> bool:
    """Whether ``text`` names a holiday that falls on one day of the year ("the New Year's")."""
    return _HOLIDAY.match(_clean(text)) is not None


def normalise_date(text: str, base: date | None, anchor: date | None = None, ahead: bool = False) -> Normalised:
    """``(value, granularity)`` for a date expression read against ``base``.

    ``value`` is ``YYYY-MM-DD``/``YYYY-MM``/``YYYY`` (weeks give their Monday);
    ``(None, None)`` when the expression cannot be resolved, e.g. a relative one
    and no publication date, or falls outside the years FIRST_YEAR-LAST_YEAR, near the
    ends of the calendar where counting days overflows. ``anchor`` is the day the text last
    named, which "the following day" counts from. ``ahead`` reads a bare weekday or month as
    the next one rather than the last ("the summit will open on Friday").
    """
    try:
        value, granularity = _normalise(text, base, anchor, ahead)
    except (OverflowError, ValueError):  # a day counted past year 1 or 9999
        return None, None
    if value is None or not FIRST_YEAR <= int(value[:4]) <= LAST_YEAR:
        return None, None
    return value, granularity


def _normalise(text: str, base: date | None, anchor: date | None, ahead: bool) -> Normalised:
    # before cleaning, which drops "later" and "earlier"
    if match := _DAY_SHIFT.match(re.sub(r"^the\s+", "", text.strip(" ,."), flags=re.IGNORECASE)):
        if anchor is None:
            return None, None
        later = (match.group(1) or "").lower() in ("following", "next") or match.group(2) == "after" or match.group(3) == "later"
        return (anchor + timedelta(days=1 if later else -1)).isoformat(), "day"
    cleaned = _clean(text)
    if not cleaned:
        return None, None
    idiom = _idiom(cleaned, base, ahead)
    if idiom is not None:
        return idiom
    if base is None:
        # Only self-contained dates resolve without a reference point.
        if not re.search(r"\b(?:19|20)\d\d\b", cleaned):
            return None, None
        base = date(int(re.search(r"\b((?:19|20)\d\d)\b", cleaned).group(1)), 12, 31)
    return _parse(cleaned, base, ahead)

from datetime import date

import pytest

from kgbuild.nlp.dates import is_date_expression, normalise_date
from kgbuild.nlp.pipeline import make_doc

THURSDAY = date(2025, 2, 13)

CASES = [
    ("on Wednesday", THURSDAY, ("2025-02-12", "day")),
    ("Thursday", THURSDAY, ("2025-02-13", "day")),
    ("Monday morning", THURSDAY, ("2025-02-10", "day")),
    ("the 19th", date(2025, 8, 21), ("2025-08-19", "day")),
    ("the 19th", THURSDAY, ("2025-01-19", "day")),
    ("last May", THURSDAY, ("2024-05", "month")),
    ("last December", THURSDAY, ("2024-12", "month")),
    ("August 6 last year", THURSDAY, ("2024-08-06", "day")),
    ("June 2, 2025", None, ("2025-06-02", "day")),
    ("Monday (June 2, 2025)", THURSDAY, ("2025-06-02", "day")),
    ("early 2014", None, ("2014", "year")),
    ("February 2022", None, ("2022-02", "month")),
    ("last year", THURSDAY, ("2024", "year")),
    ("last week", THURSDAY, ("2025-02-03", "week")),
    # a weekend is told by the week it ends: of a weekday's report, the one just past
    ("last weekend", THURSDAY, ("2025-02-03", "week")),
    ("over the weekend", THURSDAY, ("2025-02-03", "week")),
    ("last weekend", date(2025, 2, 16), ("2025-02-03", "week")),
    ("the weekend", date(2025, 2, 16), ("2025-02-10", "week")),
    ("three days ago", THURSDAY, ("2025-02-10", "day")),
    # holidays on one day of the year: the last one
    ("the New Year's", date(2017, 1, 16), ("2017-01-01", "day")),
    ("Christmas Day", THURSDAY, ("2024-12-25", "day")),
    ("New Year's Eve", date(2017, 1, 16), ("2016-12-31", "day")),
    # Relative dates stay unresolved without a publication date: never today's clock.
    ("on Wednesday", None, (None, None)),
    ("last May", None, (None, None)),
    # Near the ends of the calendar counting days overflows: such dates are no value.
    ("31 December 9999", THURSDAY, (None, None)),
    ("January 1, 0001", THURSDAY, (None, None)),
    ("next week", date(9999, 12, 30), (None, None)),
    ("last week", date(1, 1, 3), (None, None)),
    ("the following day", THURSDAY, (None, None)),
]


@pytest.mark.parametrize("text, base, expected", CASES)
def test_normalise(text, base, expected):
    assert normalise_date(text, base) == expected


# text, base, the day the text last named, whether the sentence looks ahead, expected
CONTEXT_CASES = [
    ("last fall", date(2025, 6, 2), None, False, ("2024", "year")),
    ("this spring", date(2025, 6, 2), None, False, ("2025", "year")),
    ("the following day", THURSDAY, date(2025, 2, 5), False, ("2025-02-06", "day")),
    ("a day earlier", THURSDAY, date(2025, 2, 5), False, ("2025-02-04", "day")),
    ("the following day", THURSDAY, None, False, (None, None)),  # nothing to count from
    ("the following day", THURSDAY, date(9999, 12, 31), False, (None, None)),  # past the calendar's end
    ("Friday", THURSDAY, None, True, ("2025-02-14", "day")),
    ("this weekend", THURSDAY, None, True, ("2025-02-10", "week")),
    ("on Thursday", THURSDAY, None, True, ("2025-02-13", "day")),
]


@pytest.mark.parametrize("text, base, anchor, ahead, expected", CONTEXT_CASES)
def test_normalise_in_context(text, base, anchor, ahead, expected):
    assert normalise_date(text, base, anchor, ahead) == expected


def test_a_sentence_about_what_is_to_come_reads_a_weekday_ahead(nlp):
    doc = nlp(make_doc(nlp, "The summit will open in Munich on Friday. Drones struck Kharkiv on Friday.", THURSDAY))
    assert [span._.date_value for span in doc.spans["dates"]] == ["2025-02-14", "2025-02-07"]


@pytest.mark.parametrize("text", ["two weeks", "decades", "90 days", "the past few hours"])
def test_durations_are_not_dates(text):
    assert not is_date_expression(text)

"""The days an ISO date stands for, and when two dates can name the same time."""

from __future__ import annotations

import pytest

from kgbuild.records import active_days, dates_overlap


@pytest.mark.parametrize("value, granularity, days", [
    ("2025-02-13", "day", ("2025-02-13", "2025-02-13")),
    ("2024-02", "month", ("2024-02-01", "2024-02-29")),
    ("2024", "year", ("2024-01-01", "2024-12-31")),
    # a week told as "this week" runs from Sunday in American usage, from Monday in others
    ("2025-02-10", "week", ("2025-02-09", "2025-02-16")),
])
def test_a_date_is_active_for_the_days_it_stands_for(value, granularity, days):
    assert active_days(value, granularity) == days


@pytest.mark.parametrize("a, granularity_a, b, granularity_b, overlap", [
    ("2025-06", None, "2025-06-02", None, True),
    ("2025", None, "2025-06-02", None, True),
    ("2025-06-02", None, "2025-06-03", None, False),
    # the week of Monday 15 May and Tuesday 16 May
    ("2017-05-15", "week", "2017-05-16", "day", True),
    ("2017-05-15", "week", "2017-05-22", "day", False),
    ("2017-05-15", "week", "2017-05-14", "day", True),
    ("2017-05-15", "week", "2017-05-13", "day", False),
    ("", None, "2025", None, False),
])
def test_dates_overlap_over_the_days_they_stand_for(a, granularity_a, b, granularity_b, overlap):
    assert dates_overlap(a, b, granularity_a, granularity_b) is overlap
    assert dates_overlap(b, a, granularity_b, granularity_a) is overlap

"""Relative and partial dates resolved against the publication date."""

from datetime import date

import pytest

from kg.extract.dates import resolve_date

PUBLISHED = date(2025, 4, 10)  # a Thursday


@pytest.mark.parametrize("text, future, value, precision", [
    ("today", False, "2025-04-10", "day"),
    ("later today", True, "2025-04-10", "day"),
    ("this evening", False, "2025-04-10", "day"),
    ("Tomorrow", True, "2025-04-11", "day"),
    ("yesterday", False, "2025-04-09", "day"),
    ("last weekend", False, "2025-04", "month"),
    ("last month", False, "2025-03", "month"),
    ("in February", False, "2025-02", "month"),
    ("in May", True, "2025-05", "month"),
    ("in December", False, "2024-12", "month"),
    ("the June visit", False, "2025-06", "month"),
    ("During the week of March 14", False, "2025-03", "month"),  # a month one or two ahead is the coming one
    ("in July", False, "2024-07", "month"),
    ("12 February 2025", False, "2025-02-12", "day"),
    ("February 12, 2025", False, "2025-02-12", "day"),
    ("February 12", False, "2025-02-12", "day"),
    ("12-14 February 2025", False, "2025-02-12", "day"),
    ("on Tuesday", False, "2025-04-08", "day"),
    ("on Thursday", False, "2025-04-10", "day"),
    ("next Monday", True, "2025-04-14", "day"),
    ("earlier this year", False, "2025", "year"),
    ("2027", False, "2027", "year"),
    ("a couple of weeks ago", False, "2025-03", "month"),
])
def test_relative_dates_resolve_against_publication(text, future, value, precision):
    resolved = resolve_date(text, PUBLISHED, future)
    assert resolved is not None
    assert (resolved.value, resolved.precision) == (value, precision)
    assert resolved.text == text


def test_day_and_month_without_year_or_publication_is_unknown():
    assert resolve_date("February 12", None) is None
    assert resolve_date("tomorrow", None) is None


def test_full_dates_need_no_publication_date():
    assert resolve_date("6 September 2024", None).value == "2024-09-06"


def test_words_that_are_not_dates_give_none():
    assert resolve_date("this financial year", PUBLISHED) is None
    assert resolve_date("may", PUBLISHED) is None  # the verb, not the month


def test_a_month_ahead_named_in_a_past_report_is_last_years():
    assert resolve_date("in December", date(2023, 10, 20), past=True).value == "2022-12"
    assert resolve_date("the November visit", date(2021, 10, 22)).value == "2021-11"


def test_last_and_a_month_just_ahead_is_last_years():
    assert resolve_date("last October", date(2024, 9, 20)).value == "2023-10"


@pytest.mark.parametrize("text, value", [("in May", "2025-05"), ("for May", "2025-05"), ("May", None)])
def test_may_is_the_month_only_after_a_preposition(text, value):
    got = resolve_date(text, PUBLISHED, future=True)
    assert (got.value if got else None) == value

"""Dates: relative and partial expressions resolved against the publication date, with their precision.

`resolve_date("tomorrow", date(2025, 4, 10))` -> DateValue("2025-04-11", "day", "tomorrow").
Pure functions; no spaCy.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional

from kg.types import DateValue

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"], 1)}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "a couple of": 2, "a few": 3, "several": 3}

_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(\d{4})"
_RANGE = r"(?:\s*(?:-|–|—|to|and)\s*\d{1,2}(?:st|nd|rd|th)?)?"

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"\b{_YEAR}-(\d{{2}})-(\d{{2}})\b"), "iso"),
    (re.compile(rf"\b{_DAY}{_RANGE}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"), "d m y"),
    (re.compile(rf"\b{_MONTH}\s+{_DAY}{_RANGE},?\s+{_YEAR}\b"), "m d y"),
    (re.compile(rf"\b{_DAY}{_RANGE}\s+(?:of\s+)?{_MONTH}\b"), "d m"),
    (re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:,\s*)?\d{{4}})"), "m d"),
    (re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b"), "m y"),
    (re.compile(rf"\b(?:early|mid|late|earlier|later)?-?\s*{_MONTH}\b"), "m"),
]


def _shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + delta
    return total // 12, total % 12 + 1


def _day(d: date, text: str) -> DateValue:
    return DateValue(d.isoformat(), "day", text)


def _month(year: int, month: int, text: str) -> DateValue:
    return DateValue(f"{year:04d}-{month:02d}", "month", text)


def _year(year: int, text: str) -> DateValue:
    return DateValue(f"{year:04d}", "year", text)


def _infer_year(month: int, published: date, future: bool, past: bool = False) -> int:
    """The year of a month named without one: the nearest such month before (or, if future, after) publication.
    A month one or two ahead is the coming one unless the sentence reports the past: in an October readout
    "the November visit" is next month's, not last year's."""
    if future or not past and (month - published.month) % 12 in (1, 2):
        return published.year if month >= published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


def _safe_date(y: int, m: int, d: int) -> Optional[date]:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _relative(t: str, published: date, future: bool, text: str) -> Optional[DateValue]:
    if re.search(r"\b(today|this (morning|afternoon|evening)|tonight|earlier today|later today)\b", t):
        return _day(published, text)
    if re.search(r"\btomorrow\b", t):
        return _day(published + timedelta(days=1), text)
    if re.search(r"\byesterday\b", t):
        return _day(published - timedelta(days=1), text)
    if m := re.search(r"\b(last|this past|past|next|this coming|this)\s+weekend\b", t):
        if m.group(1) in ("next", "this coming") or (m.group(1) == "this" and future):
            d = published + timedelta(days=(5 - published.weekday()) % 7 or 7)
        else:
            d = published - timedelta(days=(published.weekday() - 5) % 7 or 7)
        return _month(d.year, d.month, text)
    if m := re.search(r"\b(last|next|this)\s+(week|month|year)\b", t):
        which, unit = m.groups()
        step = {"last": -1, "next": 1, "this": 0}[which]
        if unit == "week":
            d = published + timedelta(weeks=step)
            return _month(d.year, d.month, text)
        if unit == "month":
            return _month(*_shift_months(published.year, published.month, step), text)
        return _year(published.year + step, text)
    if re.search(r"\b(earlier|later) this (year|month)\b", t):
        unit = "year" if "year" in t else "month"
        return _year(published.year, text) if unit == "year" else _month(published.year, published.month, text)
    if re.search(r"\b(a few|several|many|more than|over|some)\s+(\w+\s+)?(day|week|month|year)s?\s+ago\b", t):
        return None  # vague: "a few years ago", "more than a year ago"
    if m := re.search(r"\b(\d+|a couple of|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week|month|year)s?\s+ago\b", t):
        n = int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS[m.group(1)]
        unit = m.group(2)
        if unit == "day":
            return _day(published - timedelta(days=n), text)
        if unit == "week":
            d = published - timedelta(weeks=n)
            return _month(d.year, d.month, text)
        if unit == "month":
            return _month(*_shift_months(published.year, published.month, -n), text)
        return _year(published.year - n, text)
    if m := re.search(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", t):
        wd = WEEKDAYS[m.group(1)]
        if re.search(r"\bnext\b", t) or future:
            d = published + timedelta(days=(wd - published.weekday()) % 7 or 7)
        else:
            d = published - timedelta(days=(published.weekday() - wd) % 7)
        return _day(d, text)
    return None


# words before "May" that make it the month, not the verb ("in May", "planned for May")
_MAY_PREPOSITIONS = frozenset({"in", "for", "since", "until", "by", "through"})


def resolve_date(text: str, published: Optional[date], future: bool = False, past: bool = False) -> Optional[DateValue]:
    """Resolve a date expression; `future` says the sentence speaks of something still to come, `past` of something
    done (then a month without a year is never a coming one)."""
    t = " ".join(text.lower().replace("’", "'").split())
    past = past or bool(re.search(r"\b(last|past|previous)\b", t))  # "last October" is never the coming one
    for pattern, kind in _PATTERNS:
        m = pattern.search(t)
        if not m:
            continue
        g = m.groups()
        if kind == "iso":
            d = _safe_date(int(g[0]), int(g[1]), int(g[2]))
        elif kind == "d m y":
            d = _safe_date(int(g[2]), MONTHS[g[1]], int(g[0]))
        elif kind == "m d y":
            d = _safe_date(int(g[2]), MONTHS[g[0]], int(g[1]))
        elif kind in ("d m", "m d"):
            day, month = (int(g[0]), MONTHS[g[1]]) if kind == "d m" else (int(g[1]), MONTHS[g[0]])
            if published is None:
                return None
            d = _safe_date(_infer_year(month, published, future, past), month, day)
        elif kind == "m y":
            return _month(int(g[1]), MONTHS[g[0]], text)
        else:  # a month alone
            if published is None or g[0] == "may" and not re.search(rf"\b({'|'.join(sorted(_MAY_PREPOSITIONS))}|of|early|mid|late)\s+may\b", t):
                continue
            month = MONTHS[g[0]]
            return _month(_infer_year(month, published, future, past), month, text)
        if d is not None:
            if re.search(r"\bweek of\b", t):
                return _month(d.year, d.month, text)  # "during the week of March 14": a week, kept at month precision
            return _day(d, text)
    if published is not None:
        rel = _relative(t, published, future, text)
        if rel:
            return rel
    if m := re.search(r"\b(19\d{2}|20\d{2})\b", t):
        return _year(int(m.group(1)), text)
    return None

"""Interval helpers for events: calendar periods, shifts, TIMEX3 values.  No clock anywhere."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Optional

from resolvers import arith
from resolvers.types import GRAINS

GRAIN_RANK = {g: i for i, g in enumerate(GRAINS)}
DAY = dt.timedelta(days=1)


def grain_rank(grain: Optional[str]) -> int:
    return GRAIN_RANK.get(grain or "day", GRAIN_RANK["day"])


def is_precise(first: dt.date, last: dt.date) -> bool:
    """A single day (or a time within one)."""
    return first == last


def contains(outer: tuple, inner: tuple) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def compatible(a: tuple, b: tuple) -> bool:
    """Two intervals can date the same happening: they overlap and one contains the other."""
    return contains(a, b) or contains(b, a)


def period_keys(first: dt.date, last: dt.date) -> list[tuple]:
    """The standard calendar periods containing ``[first, last]``, finest first: day, month, year,
    decade, century, everything.  Used as blocking keys: an interval is found under every period that
    contains it."""
    keys: list[tuple] = []
    if first == last:
        keys.append(("d", first.toordinal()))
    if (first.year, first.month) == (last.year, last.month):
        keys.append(("m", first.year, first.month))
    if first.year == last.year:
        keys.append(("y", first.year))
    if first.year // 10 == last.year // 10:
        keys.append(("D", first.year // 10))
    if first.year // 100 == last.year // 100:
        keys.append(("C", first.year // 100))
    keys.append(("*",))
    return keys


def clamped(day: dt.date, days: int) -> dt.date:
    """``day`` moved by ``days``, stopping at the ends of the calendar (for drawing only)."""
    try:
        return arith.shift_days(day, days)
    except arith.OutOfCalendar:
        return dt.date.max if days > 0 else dt.date.min


def add_months(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.year * 12 + day.month - 1 + months, 12)
    return dt.date(y, m + 1, min(day.day, calendar.monthrange(y, m + 1)[1]))


_DURATION = re.compile(r"^P(?:(?P<n>\d+(?:\.\d+)?)(?P<u>[YMWD]))$")
UNIT_GRAIN = {"D": "day", "W": "week", "M": "month", "Y": "year"}


def parse_duration(value: Optional[str]) -> Optional[tuple[float, str]]:
    """'P2D' -> (2.0, 'D'); None for anything else (times, vague or compound durations)."""
    m = _DURATION.match(value or "")
    return (float(m["n"]), m["u"]) if m else None


def shift(day: dt.date, amount: float, unit: str) -> dt.date:
    """``day`` moved by a signed amount of D/W/M/Y (fractions of months/years become days).
    ``OverflowError`` or ``ValueError`` when that leaves the calendar (years 1-9999)."""
    if unit == "D":
        return day + dt.timedelta(days=round(amount))
    if unit == "W":
        return day + dt.timedelta(days=round(amount * 7))
    months = amount * (12 if unit == "Y" else 1)
    whole = int(months)
    out = add_months(day, whole)
    return out + dt.timedelta(days=round((months - whole) * 30.4375))


def span_of(day: dt.date, grain: str) -> tuple[dt.date, dt.date]:
    """The calendar period of ``grain`` ('day', 'month' or 'year') that holds ``day``."""
    if grain == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if grain == "month":
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return day, day


def value_of(first: dt.date, grain: str) -> str:
    """TIMEX3 value of the period of ``grain`` starting at ``first``."""
    if grain == "year":
        return f"{first.year:04d}"
    if grain == "month":
        return f"{first.year:04d}-{first.month:02d}"
    return first.isoformat()

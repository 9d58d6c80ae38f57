"""Calendar arithmetic on inclusive day intervals.  Pure functions; the anchor is always an argument.

Every day is a ``datetime.date``, so years 1-9999 of the proleptic Gregorian calendar.  A step that
would leave them raises :class:`OutOfCalendar` (a ``ValueError``), whatever the step (a span, a shift
in days, months or years, the next weekday), so that the resolver can say so for that expression.
"""
from __future__ import annotations

import calendar as _cal
import datetime as dt
from typing import Optional

Span = tuple  # (first_day, last_day), inclusive

SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}     # first month of each season
SEASON_ORDER = ("WI", "SP", "SU", "FA")

OUTSIDE = "outside the calendar (years 1-9999)"
_LAST_ORDINAL = dt.date.max.toordinal()


class OutOfCalendar(ValueError):
    """A day outside years 1-9999 (``datetime``'s calendar)."""

    def __init__(self, what: str = ""):
        super().__init__(f"{OUTSIDE}: {what}" if what else OUTSIDE)


def check_year(y: int) -> int:
    if not dt.MINYEAR <= y <= dt.MAXYEAR:
        raise OutOfCalendar(f"year {y}")
    return y


def shift_days(d: dt.date, n: int) -> dt.date:
    """``d`` moved by ``n`` days; OutOfCalendar past 0001-01-01 or 9999-12-31."""
    o = d.toordinal() + n
    if not 1 <= o <= _LAST_ORDINAL:
        raise OutOfCalendar(f"{d.isoformat()} {n:+d} days")
    return dt.date.fromordinal(o)


def month_length(y: int, m: int) -> int:
    return _cal.monthrange(y, m)[1]


def valid_date(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= month_length(y, m) and dt.MINYEAR <= y <= dt.MAXYEAR


def shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def add_months(d: dt.date, k: int) -> dt.date:
    y, m = shift_month(d.year, d.month, k)
    check_year(y)
    return dt.date(y, m, min(d.day, month_length(y, m)))


def add_years(d: dt.date, k: int) -> dt.date:
    y = check_year(d.year + k)
    return dt.date(y, d.month, min(d.day, month_length(y, d.month)))


def day_span(d: dt.date) -> Span:
    return d, d


def month_span(y: int, m: int) -> Span:
    check_year(y)
    return dt.date(y, m, 1), dt.date(y, m, month_length(y, m))


def year_span(y: int) -> Span:
    check_year(y)
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def week_span(d: dt.date) -> Span:
    """ISO week (Monday to Sunday) containing d."""
    start = shift_days(d, -d.weekday())
    return start, shift_days(start, 6)


def quarter_span(y: int, q: int) -> Span:
    check_year(y)
    return dt.date(y, 3 * q - 2, 1), month_span(y, 3 * q)[1]


def half_span(y: int, h: int) -> Span:
    check_year(y)
    return dt.date(y, 6 * h - 5, 1), month_span(y, 6 * h)[1]


def season_span(y: int, s: str) -> Span:
    m = SEASON_MONTHS[s]
    start = dt.date(check_year(y), m, 1)
    ey, em = shift_month(y, m, 2)
    return start, month_span(ey, em)[1]


def season_of(d: dt.date) -> tuple[int, str]:
    """(season year, season) of a day; December belongs to that year's winter, Jan-Feb to the last."""
    m = d.month
    if m == 12:
        return d.year, "WI"
    if m <= 2:
        return d.year - 1, "WI"
    return d.year, ("SP", "SU", "FA")[(m - 3) // 3]


def season_index(y: int, s: str) -> int:
    """A running index of seasons, so that «previous» and «next» are ±1."""
    return y * 4 + {"SP": 0, "SU": 1, "FA": 2, "WI": 3}[s]


def season_from_index(i: int) -> tuple[int, str]:
    return i // 4, ("SP", "SU", "FA", "WI")[i % 4]


def narrow(span: Span, part: Optional[str]) -> Span:
    """START / MID / END: the first, middle and last third of a span (1-10, 11-20, 21-end of a month)."""
    if part is None:
        return span
    a, b = span
    n = (b - a).days + 1
    # a month of any calendar (28-31 days) in tens, as Arabic counts them («العشر الأواخر من رمضان» are
    # days 21 to its end, in a month of 29 days too); other spans in thirds
    third = 10 if 28 <= n <= 31 else max(n // 3, 1)
    if part == "START":
        return a, a + dt.timedelta(days=third - 1)
    if part == "MID":
        return a + dt.timedelta(days=third), a + dt.timedelta(days=min(2 * third, n) - 1)
    if part == "END":
        return a + dt.timedelta(days=min(2 * third, n - 1)), b
    return span


def nearest_weekday(d: dt.date, weekday: int) -> dt.date:
    """The day with that weekday nearest to d (within three days either side)."""
    k = (weekday - d.weekday()) % 7
    return shift_days(d, k if k <= 3 else k - 7)


def weekday_on_or_before(d: dt.date, weekday: int, strict: bool = False) -> dt.date:
    k = (d.weekday() - weekday) % 7
    if strict and k == 0:
        k = 7
    return shift_days(d, -k)


def weekday_on_or_after(d: dt.date, weekday: int, strict: bool = False) -> dt.date:
    k = (weekday - d.weekday()) % 7
    if strict and k == 0:
        k = 7
    return shift_days(d, k)


def iso_week_value(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


# --- movable feasts and the Julian calendar -------------------------------------------------------

def julian_to_gregorian(y: int, m: int, d: int) -> dt.date:
    """The (proleptic Gregorian) day of the Julian calendar's d/m/y, through the Julian day number."""
    a = (14 - m) // 12
    yy, mm = y + 4800 - a, m + 12 * a - 3
    jdn = d + (153 * mm + 2) // 5 + 365 * yy + yy // 4 - 32083
    o = jdn - 1721425                                # 0001-01-01 (Gregorian) is JDN 1721426
    if not 1 <= o <= _LAST_ORDINAL:
        raise OutOfCalendar(f"Julian {d}/{m}/{y}")
    return dt.date.fromordinal(o)


def easter_western(y: int) -> dt.date:
    """Easter Sunday of the Western churches: the Gregorian computus (Meeus/Jones/Butcher); before the
    reform (1583) the Julian computus they then kept, given in the proleptic Gregorian calendar."""
    check_year(y)
    if y < 1583:
        return easter_orthodox(y)
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    n = h + l_ - 7 * m + 114
    return dt.date(y, n // 31, n % 31 + 1)


def easter_orthodox(y: int) -> dt.date:
    """Easter Sunday of the Orthodox and Coptic churches: the Julian computus (Meeus), its Julian day
    given in the Gregorian calendar (13 days later in 1900-2099)."""
    check_year(y)
    a, b, c = y % 4, y % 7, y % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    n = d + e + 114
    return julian_to_gregorian(y, n // 31, n % 31 + 1)

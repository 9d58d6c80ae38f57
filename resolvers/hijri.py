"""Umm al-Qura Hijri calendar from the month-start table ``data/hijri_month_starts.tsv``.

The table is generated from ``hijridate`` by ``tools/gen_hijri_table.py`` and pinned by an integrity
test; lookups here are dictionary and bisect operations, with no per-call validation cost.  Outside
the table (1343–1500 AH) the arithmetic (tabular) Islamic calendar gives the days, within a day or two
of the observed ones; :func:`in_range` tells the caller so that it can flag them as approximate.

A Hijri month that does not exist (year 0, month 13) or whose days fall outside ``datetime``'s years
1-9999 (after about 9666 AH) is ``None`` here, never an exception: :func:`exists` tells the two apart.
"""
from __future__ import annotations

import csv
import datetime as dt
import math
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path
from typing import Optional

TABLE = Path(__file__).resolve().parent / "data" / "hijri_month_starts.tsv"


class _Table:
    def __init__(self):
        self.start: dict[tuple[int, int], dt.date] = {}
        self.length: dict[tuple[int, int], int] = {}
        with open(TABLE, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                key = (int(row["hijri_year"]), int(row["hijri_month"]))
                self.start[key] = dt.date.fromisoformat(row["gregorian_start"])
                self.length[key] = int(row["length"])
        self.keys = sorted(self.start)
        self.ordinals = [self.start[k].toordinal() for k in self.keys]
        self.first_year, self.last_year = self.keys[0][0], self.keys[-1][0]


@lru_cache(maxsize=1)
def table() -> _Table:
    return _Table()


def in_range(hy: int) -> bool:
    t = table()
    return t.first_year <= hy <= t.last_year


# --- the tabular Islamic calendar, for years outside the table ---------------------------------------
_EPOCH_JDN = 1948439                    # 1 Muharram 1 AH (civil epoch), as a Julian day number
_JDN_OF_ORDINAL_0 = 1721425             # date.fromordinal(1) is JDN 1721426


def _tabular_start(hy: int, hm: int) -> Optional[dt.date]:
    if hy < 1 or not 1 <= hm <= 12:
        return None
    jdn = 1 + math.ceil(29.5 * (hm - 1)) + (hy - 1) * 354 + (3 + 11 * hy) // 30 + _EPOCH_JDN
    try:
        return dt.date.fromordinal(jdn - _JDN_OF_ORDINAL_0)
    except (ValueError, OverflowError):
        return None


def _tabular_length(hy: int, hm: int) -> int:
    if hm == 12:
        return 30 if (11 * hy + 14) % 30 < 11 else 29
    return 30 if hm % 2 == 1 else 29


def exists(hy: int, hm: int = 1) -> bool:
    """Whether a Hijri month is one of the calendar's (from 1 Muharram 1 AH on), whether or not its
    days fall within years 1-9999."""
    return hy >= 1 and 1 <= hm <= 12


_LAST_ORDINAL = dt.date.max.toordinal()


def _start_and_length(hy: int, hm: int):
    t = table()
    start = t.start.get((hy, hm))
    if start is not None:
        return start, t.length[(hy, hm)]
    if in_range(hy):
        return None, None
    start = _tabular_start(hy, hm)
    if start is None:
        return None, None
    length = _tabular_length(hy, hm)
    if start.toordinal() + length - 1 > _LAST_ORDINAL:        # the month runs past 9999-12-31
        return None, None
    return start, length


def month_span(hy: int, hm: int) -> Optional[tuple[dt.date, dt.date]]:
    start, length = _start_and_length(hy, hm)
    if start is None:
        return None
    return start, start + dt.timedelta(days=length - 1)


def year_span(hy: int) -> Optional[tuple[dt.date, dt.date]]:
    a, b = month_span(hy, 1), month_span(hy, 12)
    if a is None or b is None:
        return None
    return a[0], b[1]


def month_length(hy: int, hm: int) -> Optional[int]:
    return _start_and_length(hy, hm)[1]


def to_gregorian(hy: int, hm: int, hd: int) -> Optional[dt.date]:
    """The Gregorian day of a Hijri date; None when there is no such month or hd is too large."""
    start, length = _start_and_length(hy, hm)
    if start is None or not 1 <= hd <= length:
        return None
    return start + dt.timedelta(days=hd - 1)


def from_gregorian(d: dt.date) -> Optional[tuple[int, int, int]]:
    t = table()
    i = bisect_right(t.ordinals, d.toordinal()) - 1
    if i < 0 or i == len(t.keys) - 1 and d.toordinal() - t.ordinals[i] >= t.length[t.keys[i]]:
        return _tabular_from_gregorian(d)
    hy, hm = t.keys[i]
    day = d.toordinal() - t.ordinals[i] + 1
    if day > t.length[(hy, hm)]:
        return None
    return hy, hm, day


def _tabular_from_gregorian(d: dt.date) -> Optional[tuple[int, int, int]]:
    jdn = d.toordinal() + _JDN_OF_ORDINAL_0
    hy = max(1, (30 * (jdn - _EPOCH_JDN) + 10646) // 10631)
    for y in (hy + 1, hy, hy - 1):
        for m in range(12, 0, -1):
            start = _tabular_start(y, m)
            if start is not None and start <= d:
                day = (d - start).days + 1
                return (y, m, day) if day <= _tabular_length(y, m) else None
    return None

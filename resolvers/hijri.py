"""Umm al-Qura Hijri calendar from the month-start table ``data/hijri_month_starts.tsv``.

The table is generated from ``hijridate`` by ``tools/gen_hijri_table.py`` and pinned by an integrity
test; lookups here are dictionary and bisect operations, with no per-call validation cost.
"""
from __future__ import annotations

import csv
import datetime as dt
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


def month_span(hy: int, hm: int) -> Optional[tuple[dt.date, dt.date]]:
    t = table()
    start = t.start.get((hy, hm))
    if start is None:
        return None
    return start, start + dt.timedelta(days=t.length[(hy, hm)] - 1)


def year_span(hy: int) -> Optional[tuple[dt.date, dt.date]]:
    a, b = month_span(hy, 1), month_span(hy, 12)
    if a is None or b is None:
        return None
    return a[0], b[1]


def month_length(hy: int, hm: int) -> Optional[int]:
    return table().length.get((hy, hm))


def to_gregorian(hy: int, hm: int, hd: int) -> Optional[dt.date]:
    """The Gregorian day of a Hijri date; None when the month is out of the table or hd too large."""
    t = table()
    start = t.start.get((hy, hm))
    if start is None or not 1 <= hd <= t.length[(hy, hm)]:
        return None
    return start + dt.timedelta(days=hd - 1)


def from_gregorian(d: dt.date) -> Optional[tuple[int, int, int]]:
    t = table()
    i = bisect_right(t.ordinals, d.toordinal()) - 1
    if i < 0:
        return None
    hy, hm = t.keys[i]
    day = d.toordinal() - t.ordinals[i] + 1
    if day > t.length[(hy, hm)]:
        return None
    return hy, hm, day

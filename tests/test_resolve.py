"""Resolution alone: Partial x anchor -> value, no text involved (year boundaries, leap days, Hijri
month starts, weekday disagreements, tense)."""
import datetime as dt

import pytest

from resolvers.resolve import resolve, needs_tense
from resolvers.types import Partial

D = dt.date

CASES = [
    # relative days, across a year boundary and a leap day
    (Partial("date", rel_day=1), D(2025, 12, 31), None, "2026-01-01"),
    (Partial("date", rel_day=-1), D(2024, 3, 1), None, "2024-02-29"),
    (Partial("date", rel_day=-2), D(2025, 1, 1), None, "2024-12-30"),
    # the weekday agrees with the relative day ...
    (Partial("date", rel_day=1, weekday=2), D(2025, 10, 14), None, "2025-10-15"),
    # ... or not: nearest such weekday to the relative day (flagged)
    (Partial("date", rel_day=-1, weekday=1), D(2025, 10, 16), None, "2025-10-14"),
    # months with a direction
    (Partial("date", month=7, direction=-1), D(2025, 10, 14), None, "2025-07"),
    (Partial("date", month=10, direction=-1), D(2025, 10, 14), None, "2024-10"),
    (Partial("date", month=1, direction=1), D(2025, 12, 20), None, "2026-01"),
    (Partial("date", month=12, direction=0), D(2025, 3, 1), None, "2025-12"),
    # day + month: tense decides; direction is counted in days
    (Partial("date", month=12, day=8), D(2025, 7, 31), "past", "2024-12-08"),
    (Partial("date", month=12, day=8), D(2025, 7, 31), "future", "2025-12-08"),
    (Partial("date", month=10, day=15, direction=-1), D(2026, 1, 28), None, "2025-10-15"),
    (Partial("date", month=2, day=29), D(2024, 3, 10), "past", "2024-02-29"),
    # weekdays
    (Partial("date", weekday=6, direction=-1), D(2025, 10, 15), None, "2025-10-12"),
    (Partial("date", weekday=2, direction=-1), D(2025, 10, 15), None, "2025-10-08"),
    (Partial("date", weekday=2), D(2025, 10, 15), "past", "2025-10-15"),
    (Partial("date", weekday=4), D(2025, 10, 15), "future", "2025-10-17"),
    # deictic periods and parts
    (Partial("date", period="week", period_shift=-1), D(2025, 1, 2), None, "2024-W52"),
    (Partial("date", period="month", period_shift=1, part="MID"), D(2025, 12, 5), None, "2026-01"),
    (Partial("date", period="quarter", period_shift=-1), D(2025, 2, 1), None, "2024-Q4"),
    (Partial("date", season="WI", direction=-1), D(2025, 10, 15), None, "2024-WI"),
    (Partial("date", season="SU", direction=1), D(2025, 7, 15), None, "2026-SU"),
    # offsets
    (Partial("date", offset=(-3, "day")), D(2025, 3, 2), None, "2025-02-27"),
    (Partial("date", offset=(2, "week")), D(2025, 12, 25), None, "2026-W02"),
    (Partial("date", offset=(-2, "month")), D(2025, 1, 31), None, "2024-11"),
    (Partial("date", offset=(-10, "year")), D(2025, 6, 1), None, "2015"),
    # Hijri: a date, a month interval, a month with a direction
    (Partial("date", year=1447, month=4, day=15, calendar="hijri"), D(2025, 10, 15), None, "2025-10-07"),
    (Partial("date", year=1446, month=9, calendar="hijri"), D(2025, 10, 15), None, "2025-03-01/2025-03-29"),
    (Partial("date", month=9, direction=-1, calendar="hijri"), D(2025, 10, 15), None, "2025-03-01/2025-03-29"),
    (Partial("holiday", month=10, day=1, calendar="hijri", direction=1), D(2025, 10, 15), None, "2026-03-20"),
    # durations, vague, sets
    (Partial("duration", amount=3.5, unit="month"), D(2025, 1, 1), None, "P3.5M"),
    (Partial("duration", amount=2, unit="decade"), D(2025, 1, 1), None, "P20Y"),
    (Partial("duration", amount=2, unit="hour"), D(2025, 1, 1), None, "PT2H"),
    (Partial("vague", vague="PAST_REF"), D(2025, 1, 1), None, "PAST_REF"),
]


@pytest.mark.parametrize("partial,anchor,tense,value", CASES, ids=[c[3] + "@" + c[1].isoformat() for c in CASES])
def test_resolve(partial, anchor, tense, value):
    r = resolve(partial, anchor, tense)
    assert r.value == value
    if r.first_day is not None:
        assert r.first_day <= r.last_day


def test_weekday_mismatch_is_flagged_not_silenced():
    r = resolve(Partial("date", rel_day=-1, weekday=1), D(2025, 10, 16))
    assert r.value == "2025-10-14" and "weekday_mismatch" in r.flags and r.status == "flagged"


def test_impossible_dates_are_reported_not_moved():
    r = resolve(Partial("date", year=2025, month=2, day=30), D(2025, 10, 15))
    assert r.value is None and r.status == "unresolved" and "impossible_date" in r.flags
    r = resolve(Partial("date", year=1447, month=2, day=30, calendar="hijri"), D(2025, 10, 15))
    assert r.value is None and "impossible_date" in r.flags


def test_hijri_outside_the_table_uses_the_tabular_calendar_and_says_so():
    r = resolve(Partial("date", year=1317, month=1, day=1, calendar="hijri"), D(2025, 10, 15))
    assert r.value == "1899-05-12" and "hijri_tabular" in r.flags and r.status == "resolved"
    r = resolve(Partial("date", year=1447, month=4, day=15, calendar="hijri"), D(2025, 10, 15))
    assert "hijri_tabular" not in r.flags


def test_tabular_calendar_stays_within_two_days_of_umm_al_qura():
    from hijridate import Hijri
    from resolvers import hijri
    for y in range(1343, 1501, 3):
        for m in (1, 4, 9, 12):
            assert abs((hijri._tabular_start(y, m) - Hijri(y, m, 1).to_gregorian()).days) <= 2


def test_default_past_is_marked():
    r = resolve(Partial("date", weekday=0), D(2025, 10, 15), None)
    assert r.value == "2025-10-13" and "default_past" in r.flags


@pytest.mark.parametrize("month, anchor, want", [
    (11, D(2025, 10, 15), "2025-11"), (3, D(2025, 10, 15), "2026-03"), (4, D(2025, 10, 15), "2025-04"),
    (10, D(2025, 10, 15), "2025-10"), (1, D(2025, 12, 20), "2026-01"), (12, D(2026, 1, 3), "2025-12"),
    (7, D(2026, 1, 3), "2025-07"), (6, D(2026, 1, 3), "2026-06")])
def test_a_month_without_a_cue_is_the_nearest(month, anchor, want):
    r = resolve(Partial("date", month=month), anchor, None)
    assert r.value == want and "near_anchor" in r.flags


def test_a_day_month_without_a_cue_is_the_nearest():
    r = resolve(Partial("date", month=9, day=15), D(2015, 8, 1), None)
    assert r.value == "2015-09-15" and "near_anchor" in r.flags
    r = resolve(Partial("date", month=12, day=28), D(2026, 1, 10), None)
    assert r.value == "2025-12-28" and "near_anchor" in r.flags
    r = resolve(Partial("date", month=11), D(2025, 10, 15), "future")
    assert r.value == "2025-11" and "tense_decided" in r.flags


def test_parts_narrow_the_interval():
    r = resolve(Partial("date", month=7, direction=-1, part="END"), D(2025, 10, 15))
    assert (r.value, r.mod, r.first_day, r.last_day) == ("2025-07", "END", D(2025, 7, 21), D(2025, 7, 31))


def test_only_underspecified_dates_need_the_tense():
    assert needs_tense(Partial("date", weekday=3))
    assert needs_tense(Partial("date", month=3, day=4))
    assert not needs_tense(Partial("date", month=3, direction=-1))
    assert not needs_tense(Partial("date", year=2020, month=3))
    assert not needs_tense(Partial("date", rel_day=0, weekday=3))


# --- the edges of the calendar: unresolved with a reason, never an exception ---------------------

from resolvers import resolve as R  # noqa: E402

FIRST, LAST = D(1, 1, 1), D(9999, 12, 31)
EDGE_CASES = [
    (Partial("date", rel_day=-1), FIRST, None, R.OUTSIDE),
    (Partial("date", rel_day=1), LAST, None, R.OUTSIDE),
    (Partial("date", rel_day=0, weekday=6), LAST, None, R.OUTSIDE),          # the nearest Sunday is 10000-01-02
    (Partial("date", offset=(-4000, "year")), D(2015, 8, 1), None, R.OUTSIDE),
    (Partial("date", offset=(8000, "year")), D(2015, 8, 1), None, R.OUTSIDE),
    (Partial("date", offset=(-2.5, "century")), D(200, 1, 1), None, R.OUTSIDE),
    (Partial("date", offset=(1, "month")), LAST, None, R.OUTSIDE),
    (Partial("date", offset=(1, "week")), LAST, None, R.OUTSIDE),
    (Partial("date", offset=(-3, "day")), FIRST, None, R.OUTSIDE),
    (Partial("date", period="year", period_shift=-1), FIRST, None, R.OUTSIDE),
    (Partial("date", period="month", period_shift=1), LAST, None, R.OUTSIDE),
    (Partial("date", period="week", period_shift=0), LAST, None, R.OUTSIDE),
    (Partial("date", period="quarter", period_shift=1), LAST, None, R.OUTSIDE),
    (Partial("date", season="SU", direction=1), LAST, None, R.OUTSIDE),
    (Partial("date", season="WI", direction=-1), FIRST, None, R.OUTSIDE),
    (Partial("date", season="WI", direction=0), LAST, None, R.OUTSIDE),
    (Partial("date", quarter=1, year_shift=1), LAST, None, R.OUTSIDE),
    (Partial("date", month=1, direction=1), LAST, None, R.OUTSIDE),
    (Partial("date", month=12, direction=-1), FIRST, None, R.OUTSIDE),
    (Partial("date", month=1, day=5), LAST, "future", R.OUTSIDE),
    (Partial("date", weekday=4, direction=1), LAST, None, R.OUTSIDE),
    (Partial("date", weekday=6, direction=-1), FIRST, None, R.OUTSIDE),
    (Partial("date", month=9, direction=1, calendar="hijri"), D(9999, 12, 1), None, R.OUTSIDE),
    (Partial("date", month=9, direction=-1, calendar="hijri"), D(622, 8, 1), None, R.HIJRI_BEFORE),
    (Partial("date", month=9, day=5, calendar="hijri"), D(622, 5, 1), None, R.HIJRI_ANCHOR),
    (Partial("date", year=0, calendar="hijri", explicit_year=True), D(2015, 8, 1), None, R.HIJRI_BEFORE),
    (Partial("date", year=9999, month=10, day=15, calendar="hijri", explicit_year=True), D(2015, 8, 1), None, R.OUTSIDE),
    (Partial("holiday", month=10, day=1, calendar="hijri"), D(622, 5, 1), None, R.HOLIDAY_OUTSIDE),
    (Partial("holiday", month=10, day=1, calendar="hijri", direction=1), D(9999, 12, 1), None, R.HOLIDAY_OUTSIDE),
    (Partial("holiday", month=12, day=25, direction=1), LAST, None, R.OUTSIDE),
    (Partial("range", month=1, day=1, end=Partial("date", month=1, day=3, direction=1), direction=1),
     LAST, None, R.OUTSIDE),
    # years the text writes and that cannot be resolved: said so, never the anchor's year
    (Partial("date", year=0, explicit_year=True), D(2015, 8, 1), None, R.OUTSIDE),
    (Partial("date", year=1258, era="BC", explicit_year=True), D(2015, 8, 1), None, R.BEFORE_COMMON_ERA),
    (Partial("date", year=5, explicit_year=True), D(2015, 8, 1), None, R.TWO_DIGIT_YEAR),
    (Partial("date", year=1350, explicit_year=True), D(2015, 8, 1), None, R.NO_ERA),
    (Partial("date", year=1320, explicit_year=True), D(1990, 8, 1), None, R.NO_ERA),
    (Partial("date", year=0, month=10, day=2, explicit_year=True), D(2015, 8, 1), None, R.OUTSIDE),
]


@pytest.mark.parametrize("partial,anchor,tense,reason", EDGE_CASES,
                         ids=[f"{i}@{c[1].isoformat()}" for i, c in enumerate(EDGE_CASES)])
def test_outside_the_calendar_is_a_reason(partial, anchor, tense, reason):
    r = resolve(partial, anchor, tense)
    assert (r.value, r.status, r.reason, r.first_day, r.last_day) == (None, "unresolved", reason, None, None)


def test_explicit_years_are_resolved_as_written():
    assert resolve(Partial("date", year=1187, month=10, day=2, explicit_year=True), D(2015, 8, 1)).value == "1187-10-02"
    assert resolve(Partial("date", year=1187, explicit_year=True), D(2015, 8, 1)).value == "1187"
    assert resolve(Partial("date", year=1435, month=5, explicit_year=True), D(2015, 8, 1)).value == "1435-05"
    assert resolve(Partial("date", year=1435, era="CE", explicit_year=True), D(2015, 8, 1)).value == "1435"
    # a year of the Hijri band with no mark, more than ten years after the anchor's Hijri year (1436 AH
    # here): Gregorian; up to ten years after, Hijri (flagged); far before it, unresolved (above)
    assert resolve(Partial("date", year=1500, explicit_year=True), D(2015, 8, 1)).value == "1500"
    assert resolve(Partial("date", year=1447, explicit_year=True), D(2015, 8, 1)).value == "1447"
    r = resolve(Partial("date", year=1446, explicit_year=True), D(2015, 8, 1))
    assert r.value == "2024-07-07/2025-06-25" and "hijri_by_anchor" in r.flags
    r = resolve(Partial("date", year=1000, month=10, day=15, calendar="hijri", explicit_year=True), D(2015, 8, 1))
    assert r.value == "1592-07-25" and "hijri_tabular" in r.flags     # Reingold & Dershowitz, civil epoch

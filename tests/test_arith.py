"""Properties of the calendar arithmetic (Hypothesis)."""
import datetime as dt

from hypothesis import given, strategies as st

from resolvers import arith

DAYS = st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2098, 12, 31))


@given(DAYS)
def test_spans_contain_their_day(d):
    for a, b in (arith.month_span(d.year, d.month), arith.year_span(d.year), arith.week_span(d),
                 arith.quarter_span(d.year, (d.month - 1) // 3 + 1), arith.half_span(d.year, (d.month - 1) // 6 + 1),
                 arith.season_span(*arith.season_of(d))):
        assert a <= d <= b


@given(DAYS)
def test_consecutive_months_touch(d):
    a1, b1 = arith.month_span(d.year, d.month)
    y, m = arith.shift_month(d.year, d.month, 1)
    a2, _ = arith.month_span(y, m)
    assert b1 + dt.timedelta(days=1) == a2


@given(DAYS, st.integers(-240, 240))
def test_shift_month_round_trips(d, k):
    y, m = arith.shift_month(d.year, d.month, k)
    assert arith.shift_month(y, m, -k) == (d.year, d.month)


@given(DAYS, st.integers(-36, 36))
def test_add_months_clamps_to_the_month_end(d, k):
    e = arith.add_months(d, k)
    assert e.day == min(d.day, arith.month_length(e.year, e.month))


@given(DAYS, st.sampled_from(["START", "MID", "END", None]))
def test_parts_narrow_inside_the_span(d, part):
    a, b = arith.month_span(d.year, d.month)
    x, y = arith.narrow((a, b), part)
    assert a <= x <= y <= b


def test_parts_of_a_month_are_thirds():
    span = arith.month_span(2025, 7)
    assert arith.narrow(span, "START") == (dt.date(2025, 7, 1), dt.date(2025, 7, 10))
    assert arith.narrow(span, "MID") == (dt.date(2025, 7, 11), dt.date(2025, 7, 20))
    assert arith.narrow(span, "END") == (dt.date(2025, 7, 21), dt.date(2025, 7, 31))
    # a month of 28 or 29 days is counted in tens too: «العشر الأواخر» of a Ramadan of 29 days are its
    # days 21-29, not a third of it
    feb = arith.month_span(2025, 2)
    assert arith.narrow(feb, "START") == (dt.date(2025, 2, 1), dt.date(2025, 2, 10))
    assert arith.narrow(feb, "END") == (dt.date(2025, 2, 21), dt.date(2025, 2, 28))
    ramadan = (dt.date(2017, 5, 27), dt.date(2017, 6, 24))          # 1438 AH, 29 days
    assert arith.narrow(ramadan, "MID") == (dt.date(2017, 6, 6), dt.date(2017, 6, 15))
    assert arith.narrow(ramadan, "END") == (dt.date(2017, 6, 16), dt.date(2017, 6, 24))
    # any other span in thirds
    year = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert arith.narrow(year, "START") == (dt.date(2025, 1, 1), dt.date(2025, 5, 1))      # 121 days


@given(DAYS, st.integers(0, 6))
def test_weekday_helpers(d, wd):
    before = arith.weekday_on_or_before(d, wd)
    after = arith.weekday_on_or_after(d, wd)
    near = arith.nearest_weekday(d, wd)
    assert before.weekday() == after.weekday() == near.weekday() == wd
    assert 0 <= (d - before).days <= 6 and 0 <= (after - d).days <= 6 and abs((near - d).days) <= 3
    assert arith.weekday_on_or_before(d, wd, strict=True) < d < arith.weekday_on_or_after(d, wd, strict=True)

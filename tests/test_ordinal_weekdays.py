"""The n-th weekday of a month or a year («ثالث جمعة من رمضان», «آخر سبت من أكتوبر», «الجمعة الأخيرة من
العام»), checked against datetime and hijridate, and the readings it must leave alone."""
import datetime as dt

import pytest
from hijridate import Hijri

from resolvers import tag


def _fridays_of_hijri_month(hy, hm):
    first = Hijri(hy, hm, 1).to_gregorian()
    n = Hijri(hy, hm, 1).month_length()
    days = [dt.date(first.year, first.month, first.day) + dt.timedelta(i) for i in range(n)]
    return [d for d in days if d.weekday() == 4]


def test_every_friday_of_ramadan_1446():
    fridays = _fridays_of_hijri_month(1446, 9)
    words = ["أول", "ثاني", "ثالث", "رابع"]
    for w, want in zip(words, fridays):
        t = tag(f"صلى المصلون {w} جمعة من رمضان 1446", "2025-10-15")
        assert [(x.rule, x.value) for x in t] == [("nth_weekday", want.isoformat())]
    t = tag("آخر جمعة من رمضان 1446", "2025-10-15")
    assert t[0].value == fridays[-1].isoformat()


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_last_friday_of_the_year(year):
    d = dt.date(year, 12, 31)
    while d.weekday() != 4:
        d -= dt.timedelta(1)
    t = tag("الجمعة الأخيرة من العام", dt.date(year, 6, 1))
    assert [(x.text, x.value) for x in t] == [("الجمعة الأخيرة من العام", d.isoformat())]


def test_a_fifth_weekday_the_month_lacks_is_impossible():
    t = tag("خامس جمعة من فبراير 2026", "2025-10-15")
    assert t[0].value is None and "impossible_date" in t[0].flags
    # but March 2026 has five Sundays (1, 8, 15, 22, 29)
    assert tag("خامس أحد من مارس 2026", "2025-10-15")[0].value == "2026-03-29"


@pytest.mark.parametrize("text,want", [
    # after a masculine weekday, «الأول من نوفمبر» is the day: Thursday the 1st (the day-month reading)
    ("يوم الخميس الأول من نوفمبر 2029", [("يوم الخميس الأول من نوفمبر 2029", "2029-11-01", "date_full")]),
    # no month or year after it: not this rule
    ("وكانت أول جمعة بعد الحرب حزينة", []),
    ("آخر جمعة من كل شهر", [("كل شهر", "P1M", "set_word")]),
    # a Gregorian year after a Hijri month is that year's Ramadan (1436): its third Friday
    ("ثالث جمعة من رمضان 2015", [("ثالث جمعة من رمضان 2015", "2015-07-03", "nth_weekday")]),
])
def test_left_alone(text, want):
    assert [(x.text, x.value, x.rule) for x in tag(text, "2025-10-15")] == want

"""Compound offsets («منذ عام وثلاثة أشهر»): the anchor shifted by the sum, at the finer unit's grain,
and what they must not swallow."""
import datetime as dt

import pytest

from resolvers import tag


def _one(text, anchor):
    return [(t.text, t.type, t.value, t.rule) for t in tag(text, anchor)]


@pytest.mark.parametrize("text,anchor,want", [
    # a year and months: the month reached (2025-10-15 - 1 year - 3 months)
    ("منذ عام وثلاثة أشهر", "2025-10-15", [("منذ عام وثلاثة أشهر", "DATE", "2024-07", "offset_compound")]),
    # across the year's end in January
    ("قبل شهر و10 أيام", "2026-01-05", [("قبل شهر و10 أيام", "DATE", "2025-11-25", "offset_compound")]),
    # a week and two days forward from late December: the next year's day
    ("بعد أسبوع ويومين", "2025-12-27", [("بعد أسبوع ويومين", "DATE", "2026-01-05", "offset_compound")]),
    # month arithmetic clamps the day (31 March - 1 month = 28 February 2025), then days
    ("قبل شهر ويومين", "2025-03-31", [("قبل شهر ويومين", "DATE", "2025-02-26", "offset_compound")]),
])
def test_compound_values(text, anchor, want):
    assert _one(text, anchor) == want


def test_compound_arithmetic_matches_datetime():
    a = dt.date(2025, 3, 31)
    assert (dt.date(2025, 2, 28) - dt.timedelta(days=2)).isoformat() == tag("قبل شهر ويومين", a)[0].value
    a = dt.date(2025, 12, 27)
    assert (a + dt.timedelta(days=9)).isoformat() == tag("بعد أسبوع ويومين", a)[0].value


@pytest.mark.parametrize("text,want", [
    # a coarser unit second is no compound: the offset, and the week left alone as before
    ("قبل يومين وأسبوع", ["قبل يومين"]),
    # a vague second part: the offset alone
    ("منذ عامين وأشهر", ["منذ عامين"]),
    # hours are not compounded (a day's offset and a duration, as before)
    ("منذ 3 أيام و4 ساعات", ["منذ 3 أيام", "4 ساعات"]),
    # «وشهر رمضان»: the second «شهر» begins a month name, not a count
    ("وصل قبل عام وشهر رمضان على الأبواب", ["قبل عام", "شهر رمضان"]),
    # a third part is not read as a compound of two
    ("قبل عام وشهرين و3 أيام", ["قبل عام", "شهرين", "3 أيام"]),
])
def test_compound_guards(text, want):
    got = [t.text for t in tag(text, "2025-10-15")]
    assert got == want, got
    assert not any(t.rule == "offset_compound" for t in tag(text, "2025-10-15"))


def test_compound_from_another_event_is_a_duration():
    t = tag("وصل المراقبون قبل عام وثلاثة أشهر من الانتخابات", "2025-10-15")
    assert [(x.text, x.type, x.value, x.flags) for x in t] == [
        ("قبل عام وثلاثة أشهر", "DURATION", "P1Y3M", ("relative_to_event",))]

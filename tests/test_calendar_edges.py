"""The edges of the calendar: ``tag`` never raises, whatever the anchor (0001-01-01 … 9999-12-31) and
whatever year the text writes; what cannot be dated is unresolved with its reason, never moved to
the anchor's year or to another day."""
import datetime as dt

import pytest

from resolvers import tag, _engine
from resolvers import arith, resolve as R
from resolvers.grammar import RULES
from resolvers.resolve import resolve
from resolvers.types import Partial

D = dt.date
FIRST, LAST = D(1, 1, 1), D(9999, 12, 31)
EDGES = (FIRST, D(1, 1, 7), D(1, 12, 31), D(622, 5, 1), D(622, 7, 19), D(9999, 1, 1), D(9999, 12, 1),
         D(9999, 12, 25), LAST)

# (text, anchor, the expression, its reason)
UNRESOLVED = [
    ("بنيت المدينة منذ 4000 عام", "2015-08-01", "منذ 4000 عام", R.OUTSIDE),
    ("قبل 3000 عام", "2015-08-01", "قبل 3000 عام", R.OUTSIDE),
    ("قبل 2026 سنة", "2015-08-01", "قبل 2026 سنة", R.OUTSIDE),
    ("بعد 8000 سنة", "2015-08-01", "بعد 8000 سنة", R.OUTSIDE),
    ("أمس", "0001-01-01", "أمس", R.OUTSIDE),
    ("الأحد الماضي", "0001-01-01", "الأحد الماضي", R.OUTSIDE),
    ("الشتاء الماضي", "0001-01-01", "الشتاء الماضي", R.OUTSIDE),
    ("العام الماضي", "0001-06-01", "العام الماضي", R.OUTSIDE),
    ("الشهر المقبل", "9999-12-31", "الشهر المقبل", R.OUTSIDE),
    ("غدا", "9999-12-31", "غدا", R.OUTSIDE),
    ("الأسبوع المقبل", "9999-12-31", "الأسبوع المقبل", R.OUTSIDE),
    ("هذا الأسبوع", "9999-12-31", "هذا الأسبوع", R.OUTSIDE),
    ("الصيف المقبل", "9999-12-31", "الصيف المقبل", R.OUTSIDE),
    ("الجمعة المقبلة", "9999-12-31", "الجمعة المقبلة", R.OUTSIDE),
    ("الربع المقبل", "9999-12-01", "الربع المقبل", R.OUTSIDE),
    ("سيعود في 5 يناير", "9999-12-31", "5 يناير", R.OUTSIDE),
    ("رمضان المقبل", "9999-12-01", "رمضان المقبل", R.OUTSIDE),
    ("رمضان الماضي", "0622-08-01", "رمضان الماضي", R.HIJRI_BEFORE),
    ("عيد الفطر", "0622-05-01", "عيد الفطر", R.HOLIDAY_OUTSIDE),
    ("عيد الفطر المقبل", "9999-12-01", "عيد الفطر المقبل", R.HOLIDAY_OUTSIDE),
    ("وصل في 5 رمضان", "0622-05-01", "5 رمضان", R.HIJRI_ANCHOR),
]


@pytest.mark.parametrize("text,anchor,expr,reason", UNRESOLVED, ids=[f"{c[0]}@{c[1]}" for c in UNRESOLVED])
def test_out_of_calendar_expressions_are_unresolved_with_their_reason(text, anchor, expr, reason):
    got = tag(text, anchor)
    hits = [t for t in got if t.text == expr]
    assert hits, [(t.text, t.value) for t in got]
    t = hits[0]
    assert (t.value, t.status, t.reason, t.first_day, t.last_day) == (None, "unresolved", reason, None, None)


def test_the_last_offset_that_fits_is_resolved():
    assert tag("قبل 2014 سنة", "2015-08-01")[0].value == "0001"
    assert tag("بعد 7984 سنة", "2015-08-01")[0].value == "9999"
    assert tag("غدا", "9999-12-30")[0].value == "9999-12-31"
    assert tag("أمس", "0001-01-02")[0].value == "0001-01-01"


# every rule's examples, against every edge anchor and every tense: resolution never raises, and the
# safety net (a reason naming an exception) is never what answers
_engine()                                   # registers the rules
PARTIALS = sorted({t.text for r in RULES for ex in r.examples
                   for t in tag(ex.replace("[", "").replace("]", ""), "2025-10-15")})


@pytest.mark.parametrize("anchor", EDGES, ids=[a.isoformat() for a in EDGES])
def test_every_rule_example_at_the_edges(anchor):
    for text in PARTIALS:
        for t in tag(text, anchor) + tag("سوف " + text, anchor) + tag("كان " + text, anchor):
            assert (t.value is None) == (t.status == "unresolved")
            assert t.reason is None or not t.reason.startswith(R.ARITHMETIC), (text, anchor, t.reason)
            if t.first_day is not None:
                assert FIRST <= t.first_day <= t.last_day <= LAST


def test_hijri_lookups_never_raise_at_the_ends():
    from resolvers import hijri
    for d in EDGES:
        hijri.from_gregorian(d)
    for hy in (0, 1, 9665, 9666, 9667, 10000):
        for hm in (1, 12):
            hijri.month_span(hy, hm)
            hijri.to_gregorian(hy, hm, 29)
        hijri.year_span(hy)
    assert hijri.month_span(0, 1) is None and hijri.month_span(10000, 1) is None
    assert hijri.from_gregorian(FIRST) is None


# --- the safety net ------------------------------------------------------------------------------

def test_an_unforeseen_range_error_becomes_the_reason_and_is_named(monkeypatch):
    def boom(*a, **k):
        raise OverflowError("date value out of range")
    monkeypatch.setattr(arith, "shift_days", boom)
    r = resolve(Partial("date", rel_day=1), D(2025, 1, 1))
    assert r.value is None and r.status == "unresolved"
    assert r.reason == f"{R.ARITHMETIC} (OverflowError: date value out of range)"


def test_the_net_does_not_hide_programming_errors(monkeypatch):
    def bug(*a, **k):
        raise TypeError("not a date range problem")
    monkeypatch.setattr(arith, "shift_days", bug)
    with pytest.raises(TypeError):
        resolve(Partial("date", rel_day=1), D(2025, 1, 1))


def test_a_range_error_while_linking_a_mowafiq_pair_is_that_pair_s_reason(monkeypatch):
    from resolvers import engine
    text = "25 شوال 1436 هـ الموافق 11 أغسطس 2015 م"
    assert all(t.value for t in tag(text, "2015-08-01"))

    def boom(found, resolved, i):
        raise ValueError("year 10000 is out of range")
    monkeypatch.setattr(engine.Engine, "_link_pair", staticmethod(boom))
    got = tag(text, "2015-08-01")
    assert len(got) == 2
    for t in got:
        assert t.value is None and t.reason == f"{R.ARITHMETIC} (ValueError: year 10000 is out of range)"


def test_arith_says_out_of_calendar():
    with pytest.raises(arith.OutOfCalendar):
        arith.shift_days(LAST, 1)
    with pytest.raises(arith.OutOfCalendar):
        arith.week_span(LAST)
    with pytest.raises(arith.OutOfCalendar):
        arith.year_span(0)
    with pytest.raises(arith.OutOfCalendar):
        arith.season_span(9999, "WI")
    with pytest.raises(arith.OutOfCalendar):
        arith.weekday_on_or_before(FIRST, 6, strict=True)
    assert isinstance(arith.OutOfCalendar(), ValueError)


# --- explicit years: as written, or unresolved with a reason; never the anchor's year --------------

YEARS = [
    # (text, the expression, its value, its reason)
    ("2 أكتوبر 1187", "2 أكتوبر 1187", "1187-10-02", None),
    ("15 يوليو 1099", "15 يوليو 1099", "1099-07-15", None),
    ("عام 1187", "عام 1187", "1187", None),
    ("15 شوال 1000 هـ", "15 شوال 1000 هـ", "1592-07-25", None),
    ("في 25 ربيع الآخر سنة 583هـ", "25 ربيع الآخر سنة 583هـ", "1187-07-11", None),
    ("عام 68هـ", "عام 68هـ", "0687-07-21/0688-07-08", None),
    ("سنة 600 ميلادي", "سنة 600 ميلادي", "0600", None),
    ("الرابع من يوليو من العام 1776", "الرابع من يوليو من العام 1776", "1776-07-04", None),
    ("صيف عام 1187", "صيف عام 1187", "1187-SU", None),
    ("رمضان عام 1000", "رمضان عام 1000", "1592-06-11/1592-07-10", None),
    ("عيد الفطر عام 1000", "عيد الفطر عام 1000", "1592-07-11", None),
    ("رأس السنة الميلادية عام 1000", "رأس السنة الميلادية عام 1000", "1000-01-01", None),
    ("رمضان عام 2015", "رمضان عام 2015", "2015-06-18/2015-07-16", None),   # the Gregorian year's Ramadan (1436)
    ("عيد الأضحى عام 58", "عام 58", "1958", None),                   # the latest year so ending (century_guessed)
    ("عيد الأضحى عام 5", "عام 5", None, R.TWO_DIGIT_YEAR),          # one digit: no year to guess
    ("الربع الأول من عام 1187", "الربع الأول من عام 1187", "1187-Q1", None),
    ("عام 1258 قبل الميلاد", "عام 1258 قبل الميلاد", None, R.BEFORE_COMMON_ERA),
    ("نحو عام 3400 قبل الميلاد", "عام 3400 قبل الميلاد", None, R.BEFORE_COMMON_ERA),
    ("2000 قبل الميلاد", "2000 قبل الميلاد", None, R.BEFORE_COMMON_ERA),
    ("عام 0", "عام 0", None, R.OUTSIDE),
    ("15 يوليو عام 0", "15 يوليو عام 0", None, R.OUTSIDE),
    ("سنة 58، وفي", "سنة 58", "1958", None),
    ("عام 79م", "عام 79م", "1979", None),
    ("عام 14", "عام 14", "2014", None),
    ("أطلق عام 1350 في جميع المنافذ", "عام 1350", None, R.NO_ERA),
    ("أطلق عام 1435 في جميع المنافذ", "عام 1435", "2013-11-04/2014-10-24", None),
    ("الربع الأول من العام 1435", "الربع الأول من العام 1435", None, R.NO_ERA),
    ("عام 2015هـ", "عام 2015هـ", None, R.HIJRI_MARK_ON_NEWS_YEAR),
    ("15 شوال 0 هـ", "15 شوال 0 هـ", None, R.HIJRI_BEFORE),
    ("1 محرم 9999 هـ", "1 محرم 9999 هـ", None, R.OUTSIDE),
]


@pytest.mark.parametrize("text,expr,value,reason", YEARS, ids=[c[0] for c in YEARS])
def test_an_explicit_year_is_resolved_as_written_or_said_unreadable(text, expr, value, reason):
    got = tag(text, "2015-08-01")
    hits = [t for t in got if t.text == expr]
    assert hits, [(t.text, t.value) for t in got]
    assert (hits[0].value, hits[0].reason) == (value, reason)
    if "2015" not in text:
        assert not any(t.value and t.value.startswith("2015") for t in got)     # never the anchor's year


# A number that is a count is no year, and the day-month before it keeps the tense rule
COUNTS = [("شارك في 15 يوليو 1500 متظاهر في المسيرة", "15 يوليو"), ("في 3 مارس 1187 شخصاً", "3 مارس"),
          ("في 20 مايو 1200 برميل", "20 مايو"), ("في 5 أبريل 1300 طن", "5 أبريل")]


@pytest.mark.parametrize("text,date", COUNTS, ids=[c[0] for c in COUNTS])
def test_a_count_after_a_month_is_not_a_year(text, date):
    got = tag(text, "2015-08-01")
    assert [t.text for t in got] == [date]


def test_the_tabular_calendar_agrees_with_an_independent_formula():
    """Reingold & Dershowitz's fixed-from-islamic (civil epoch, R.D. 227015), which is also
    ``date.toordinal()``: every Hijri year outside the Umm al-Qura table, for which hijri.py uses its
    own formula."""
    from math import ceil
    from resolvers import hijri

    def fixed(y, m, d):
        return d + ceil(29.5 * (m - 1)) + (y - 1) * 354 + (3 + 11 * y) // 30 + 227015 - 1
    for y in list(range(1, 1343, 7)) + list(range(1501, 9666, 37)) + [9665]:
        for m in (1, 6, 12):
            assert hijri.to_gregorian(y, m, 1) == dt.date.fromordinal(fixed(y, m, 1)), (y, m)

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

"""Resolution: a pure function of a :class:`Partial`, an explicit anchor date and the clause's tense.

No clock is read here or anywhere else: the anchor is the article's publication date.

Conventions (news policy, HeidelTime's idea of tense deciding an underspecified date):

* a named month/weekday/day with الماضي is the latest one strictly before the anchor (a month: before the
  anchor's month), with المقبل the first one strictly after, with الجاري/الحالي the anchor's year;
* with no direction, the clause's tense decides: future = the first on or after the anchor, past = the
  latest on or before it; with no tense cue at all, a day-month within a month of the anchor is that
  occurrence (``near_anchor``), anything else past (news narrates what happened), flagged
  ``default_past`` so that a reader can see the guess;
* a relative day with a weekday that disagrees resolves to that weekday nearest the relative day and is
  flagged ``weekday_mismatch`` (print editions are often dated the day after they are written).

Days are ``datetime.date``s (years 1-9999).  An expression whose day would fall outside them («منذ 4000
عام», «غداً» on 9999-12-31) is unresolved with the reason ``arith.OUTSIDE``, as is a year the text
writes outside them (year 0, «قبل الميلاد»); a Hijri one before 1 AH with ``HIJRI_BEFORE``.  A year
written so that it cannot be read is said so too (``TWO_DIGIT_YEAR``, ``NO_ERA``,
``HIJRI_MARK_ON_NEWS_YEAR``), never replaced by the anchor's.  Each
step raises :class:`arith.OutOfCalendar` where it would leave the calendar; a ``ValueError`` or
``OverflowError`` that no step foresaw is still that expression's reason (``ARITHMETIC``, with the
exception's type and message), never an exception out of :func:`resolve`.
"""
from __future__ import annotations

import datetime as dt
from typing import NamedTuple, Optional

from . import arith, hijri
from .types import (Partial, FLAG_WEEKDAY_MISMATCH, FLAG_IMPOSSIBLE_DATE, FLAG_HIJRI_OUT_OF_RANGE, FLAG_HIJRI_TABULAR,
                    FLAG_TENSE_DECIDED, FLAG_DEFAULT_PAST, FLAG_NEAR_ANCHOR, FLAG_YEAR_FROM_WEEKDAY,
                    FLAG_HIJRI_FROM_WEEKDAY, FLAG_CLOCK_AMPM_GUESSED, FLAG_HIJRI_BY_ANCHOR, FLAG_CENTURY_GUESSED)

PROBLEM_FLAGS = frozenset({"weekday_mismatch", "impossible_date", "hijri_gregorian_mismatch",
                           "hijri_out_of_range", "month_pair_mismatch"})

# Reasons of an unresolved expression (``Resolved.reason``), besides those that name their numbers
OUTSIDE = arith.OUTSIDE                                                  # "outside the calendar (years 1-9999)"
BEFORE_COMMON_ERA = "before the Common Era (قبل الميلاد): " + arith.OUTSIDE
HIJRI_BEFORE = "before the Hijri calendar (it begins in 1 AH)"
HIJRI_ANCHOR = "anchor outside the Hijri calendar"
HOLIDAY_OUTSIDE = "holiday outside the Hijri calendar tables"
TWO_DIGIT_YEAR = "a one-digit year: its century and decade are not written"
NO_ERA = "a year of 1300-1599 without an era mark (هـ or م): Hijri or Gregorian"
HIJRI_MARK_ON_NEWS_YEAR = "a year of 1800-2100 with the Hijri mark (هـ): Hijri or Gregorian"
YEAR_NOT_SAID = "«من العام نفسه»: the year said before it is not found near it"
NARRATIVE_NOT_FOUND = ("narrative: no date of a fitting grain before it in its sentence or the one before "
                       "(the publication date would be a guess)")
DM_WEEKDAY = ("a day and month without their year («الأحد 7/9»): no Gregorian or Hijri day near the anchor "
              "falls on the weekday written with them")
LISTED_NOT_FOUND = "a day listed before another («14 و17 أغسطس»): the day-month after it is not found"
ARITHMETIC = "date arithmetic out of range"                  # the safety net: + (ExceptionType: message)
# An unmarked year of this band is read only where a month name gives its calendar: Arabic news writes
# its Hijri years without the mark («عام 1435») as often as with it
HIJRI_BAND = (1300, 1599)


class Resolved(NamedTuple):
    type: str
    value: Optional[str]
    mod: Optional[str] = None
    first_day: Optional[dt.date] = None
    last_day: Optional[dt.date] = None
    grain: Optional[str] = None
    calendar: str = "gregorian"
    flags: tuple = ()
    reason: Optional[str] = None
    tense: Optional[str] = None
    anchored_to: Optional[str] = None          # a narrative expression: the one it was dated from

    @property
    def status(self) -> str:
        if self.value is None:
            return "unresolved"
        return "flagged" if self.flags and not PROBLEM_FLAGS.isdisjoint(self.flags) else "resolved"


class _Fail(Exception):
    def __init__(self, reason, flag=None):
        super().__init__(reason)
        self.reason, self.flag = reason, flag


def needs_tense(p: Partial) -> bool:
    """Whether the clause's tense is needed to resolve ``p`` (the engine looks for cues only then)."""
    if p.kind == "range":
        return needs_tense(p.end)
    if p.kind == "holiday":
        return p.year is None and p.direction is None and p.gregorian_year is None
    if p.kind == "vague":
        return p.direction is not None             # «لاحقاً»: later than a past time told, or to come
    if p.kind != "date" or p.year is not None or p.rel_day is not None or p.offset is not None \
            or p.gregorian_year is not None:
        return False
    if p.direction is not None or p.year_shift is not None or p.period is not None:
        return False
    return p.month is not None or p.weekday is not None or p.quarter is not None


def resolve(p: Partial, anchor: dt.date, tense: Optional[str] = None) -> Resolved:
    """Resolve ``p`` against ``anchor``; ``tense`` is 'past', 'future' or None (unknown)."""
    try:
        if p.kind == "vague":
            if p.direction is not None and tense == "past":
                return Resolved("DATE", "PAST_REF", flags=(FLAG_TENSE_DECIDED,), tense="past")
            return Resolved("DATE", p.vague)
        if p.kind == "set":
            if p.set_value is None:             # «كل ثلاث سنوات»: every so long, its count and unit
                return Resolved("SET", duration_value(p.amount, p.unit))
            return Resolved("SET", p.set_value, mod=p.part or p.mod, flags=p.flags)
        if p.kind == "duration":
            if p.offset_more:
                value = compound_duration_value(((p.amount, p.unit),) + tuple(p.offset_more))
                return Resolved("DURATION", value, mod=p.mod, flags=p.flags)
            return Resolved("DURATION", duration_value(p.amount, p.unit), mod=p.mod, flags=p.flags)
        if p.time_of_day is not None and (p.kind == "holiday" or p.kind == "date" and p.day is not None
                                          and p.rel_day is None and p.clock is None):
            return _day_time(p, anchor, tense)
        if p.nth_day is not None:
            return _nth_day(p, anchor, tense)
        if p.school is not None:
            return _school_year_of(p, anchor)
        if p.kind == "range":
            return _range(p, anchor, tense)
        if p.kind == "holiday":
            return _holiday(p, anchor, tense)
        return _date(p, anchor, tense)
    except _Fail as f:
        flags = p.flags + ((f.flag,) if f.flag else ())
        return Resolved("DATE", None, flags=flags, reason=f.reason, calendar=p.calendar)
    except arith.OutOfCalendar:
        return Resolved("DATE", None, flags=p.flags, reason=OUTSIDE, calendar=p.calendar)
    except (ValueError, OverflowError) as e:
        # no step foresaw it: still this expression's reason, and the exception is named in it
        return Resolved("DATE", None, flags=p.flags, calendar=p.calendar,
                        reason=f"{ARITHMETIC} ({type(e).__name__}: {e})")


# --- values -------------------------------------------------------------------------------------

_DUR_UNITS = {"day": ("P", "D", 1), "week": ("P", "W", 1), "month": ("P", "M", 1), "year": ("P", "Y", 1),
              "decade": ("P", "Y", 10), "century": ("P", "Y", 100), "hour": ("PT", "H", 1),
              "minute": ("PT", "M", 1)}


def _num(x) -> str:
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return str(x)


def compound_duration_value(parts) -> str:
    """«عام وثلاثة أشهر» P1Y3M, «شهر و10 أيام» P1M10D; weeks with days are counted in days («أسبوع
    ويومين» P9D), as ISO 8601 writes no weeks beside other units."""
    total: dict = {}
    for amount, unit in parts:
        if unit == "week" and len(parts) > 1:
            amount, unit = amount * 7, "day"
        total[unit] = total.get(unit, 0) + amount
    return "P" + "".join(f"{_num(total[u])}{_DUR_UNITS[u][1]}" for u in ("year", "month", "week", "day") if u in total)


def duration_value(amount, unit: str) -> str:
    pre, suf, k = _DUR_UNITS[unit]
    if amount == "X":
        return f"{pre}X{suf}"
    if unit == "hour" and isinstance(amount, float) and not amount.is_integer() and (amount * 60).is_integer():
        h, m = divmod(int(amount * 60), 60)        # «نصف ساعة» PT30M, «ساعة ونصف» PT1H30M, as ISO 8601 writes them
        return "PT" + (f"{h}H" if h else "") + f"{m}M"
    return f"{pre}{_num(amount * k if k != 1 else amount)}{suf}"


def _day_value(d: dt.date) -> str:
    return d.isoformat()


def _month_value(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _interval_value(a: dt.date, b: dt.date) -> str:
    return f"{a.isoformat()}/{b.isoformat()}"


def _result(value, span, grain, p: Partial, extra_flags=(), tense=None, calendar=None, type_="DATE"):
    first, last = arith.narrow(span, p.part) if span else (None, None)
    return Resolved(type_, value, mod=p.part or p.mod, first_day=first, last_day=last, grain=grain,
                    calendar=calendar or p.calendar, flags=p.flags + tuple(extra_flags), tense=tense)


def _day(d: dt.date, p: Partial, extra=(), tense=None, calendar=None) -> Resolved:
    """The day ``d``, or its part when the text says one («مساء الخميس»: TIME 2015-08-06TEV)."""
    if p.time_of_day:
        return Resolved("TIME", f"{d.isoformat()}T{p.time_of_day}", first_day=d, last_day=d, grain="time",
                        calendar=calendar or p.calendar, flags=p.flags + tuple(extra), tense=tense)
    return _result(_day_value(d), (d, d), "day", p, extra, tense=tense, calendar=calendar)


def _tense_flags(tense):
    if tense == "future" or tense == "past":
        return (FLAG_TENSE_DECIDED,), tense
    return (FLAG_DEFAULT_PAST,), "past"


def _no_cue(tense) -> bool:
    """No past or future cue (a present-tense clause or none at all): a day or month is then the
    nearest occurrence."""
    return tense not in ("past", "future")


# --- dates --------------------------------------------------------------------------------------

def _date(p: Partial, anchor: dt.date, tense) -> Resolved:
    if p.this_day or p.this_month:
        return _this_day(p, anchor)
    if p.clock is not None:
        return _clock(p, anchor, tense)
    if p.nth_weekday is not None:
        return _nth_weekday(p, anchor, tense)
    if p.offset is not None:
        return _offset(p, anchor)
    if p.rel_day is not None:
        return _relative_day(p, anchor)
    if p.half is not None and (p.month is not None or p.period == "month"):
        return _half_of_month(p, anchor, tense)
    if p.calendar == "hijri":
        return _hijri_date(p, anchor, tense)
    if p.calendar == "either":
        return _day_by_weekday(p, anchor, tense)
    if p.year is not None and p.explicit_year:
        if _hijri_by_anchor(p, anchor):
            return _hijri_date(p.replace(calendar="hijri", flags=p.flags + (FLAG_HIJRI_BY_ANCHOR,)), anchor, tense)
        if 10 <= p.year < 100 and p.era != "BC":
            # «منذ عام 86 في المكسيك», «بدأت الانقلابات سنة 58», «عام 79م»: a year of two digits after its
            # word is the latest year ending so, not after the anchor's (1986, 1958, 1979), flagged
            p = p.replace(year=anchor.year - (anchor.year - p.year) % 100, flags=p.flags + (FLAG_CENTURY_GUESSED,))
        _check_year(p, anchor)
    if p.approx is not None:
        return _approx(p, anchor)
    if p.week_of_month is not None:
        return _week_of_month(p, anchor, tense)
    if p.decade is not None or p.century is not None or p.century_shift is not None or p.decade_shift is not None:
        return _decade_century(p, anchor)
    if p.period == "week" and p.weekday is not None:
        return _weekday_of_week(p, anchor)
    if p.period is not None:
        return _period(p, anchor)
    if p.quarter is not None and p.year is None and p.year_shift is None:
        return _bare_quarter(p, anchor, tense)
    if p.quarter is not None or p.half is not None:
        y = _year_of(p, anchor)
        if p.quarter is not None:
            return _result(f"{y:04d}-Q{p.quarter}", arith.quarter_span(y, p.quarter), "quarter", p)
        return _result(f"{y:04d}-H{p.half}", arith.half_span(y, p.half), "half", p)
    if p.season is not None:
        return _season(p, anchor)
    if p.month is not None and p.day is not None:
        return _day_month(p, anchor, tense)
    if p.month is not None:
        return _month(p, anchor, tense)
    if p.weekday is not None:
        return _weekday(p, anchor, tense)
    if p.year is not None:
        return _result(f"{p.year:04d}", arith.year_span(p.year), "year", p)
    raise _Fail("nothing to resolve")


# the period a part of the day gives a clock time («الساعة العاشرة من صباح أمس»)
_POD_PERIOD = {"MO": "am", "MI": "noon", "AF": "pm", "EV": "pm", "NI": "night"}


def _hour24(h: int, period: Optional[str]) -> tuple[int, tuple]:
    """The hour of the day (0-23, or 24 for midnight at the day's end) that ``h`` said with ``period``
    names; without one, 1-6 are taken for the afternoon (flag ``clock_ampm_guessed``), as news times
    events of the working day («بحدود الساعة الثالثة»)."""
    if h >= 13 or h == 0 or period == "h24":
        return h, ()                                  # a 24-hour clock («15:30», «05:47»)
    if period == "am":
        return h, ()                                  # («الساعة 12 إلا ربع قبل الظهر»: 11:45)
    if period == "pm":
        return (h + 12 if h < 12 else 12), ()
    if period == "noon":
        return (h if h >= 11 else h + 12), ()
    if period == "night":
        if h == 12:
            return 24, ()
        return (h if h <= 4 else h + 12), ()
    if h <= 6:
        return h + 12, (FLAG_CLOCK_AMPM_GUESSED,)
    return h, ()


def _clock(p: Partial, anchor: dt.date, tense) -> Resolved:
    """A clock time on the day said with it (a relative day, a weekday), else on the anchor's day."""
    h, minutes, seconds, frac = p.clock
    day_p = p.replace(clock=None, clock_period=None, time_of_day=None)
    flags, used = (), None
    if day_p.rel_day is not None or day_p.weekday is not None:
        day = _date(day_p, anchor, tense)
        if day.first_day is None:
            return day
        d, flags, used = day.first_day, day.flags, day.tense
    else:
        d = anchor
    period = p.clock_period or _POD_PERIOD.get(p.time_of_day)
    hour, guessed = _hour24(h, period)
    total = hour * 60 + minutes + frac
    if not 0 <= total <= 24 * 60:
        raise _Fail(f"{h}:{minutes:02d} {frac:+d} minutes is no time of day")
    if total == 24 * 60:                             # midnight at the day's end: the next day's 00:00
        d, total = arith.shift_days(d, 1), 0
    hh, mm = divmod(total, 60)
    value = f"{d.isoformat()}T{hh:02d}:{mm:02d}" + (f":{seconds:02d}" if seconds is not None else "")
    return Resolved("TIME", value, first_day=d, last_day=d, grain="time",
                    flags=p.flags + tuple(f for f in flags if f != FLAG_DEFAULT_PAST or used) + guessed, tense=used)


# a year without an era mark, this near the anchor's Hijri year (years back, years ahead), is Hijri
HIJRI_BY_ANCHOR = (60, 10)
_PLAIN_YEAR = frozenset({"kind", "year", "explicit_year", "flags"})


def _hijri_by_anchor(p: Partial, anchor: dt.date) -> bool:
    """«بدأها عام 1433», «منذ العام 1428», «بحلول عام 1440» in a paper of 1436 AH: a bare year of the
    Hijri band (:data:`HIJRI_BAND`) within 60 years before and 10 after the anchor's Hijri year is that
    Hijri year (in Gregorian years it would be six centuries back); «عام 1500», «في عام 1558» stay
    unresolved (:data:`NO_ERA`).  Only a year said alone: with a month, a quarter or a mark it is not
    read so."""
    y = p.year
    if p.era is not None or not HIJRI_BAND[0] <= y <= HIJRI_BAND[1] or \
            any(v is not None for k, v in p.__dict__.items() if k not in _PLAIN_YEAR):
        return False
    ah = hijri.from_gregorian(anchor)
    return ah is not None and ah[0] - HIJRI_BY_ANCHOR[0] <= y <= ah[0] + HIJRI_BY_ANCHOR[1]


def _check_year(p: Partial, anchor: dt.date) -> None:
    """A Gregorian year as the text wrote it: one that cannot be resolved is said so, never replaced.
    A year of the Hijri band without its mark is Gregorian when, as a Hijri year, it would lie more
    than ``HIJRI_BY_ANCHOR[1]`` years after the anchor's («فتح القسطنطينية عام 1453» in 2020, 1441 AH:
    no paper counts so far ahead in Hijri years); below that it may be either («عام 1380»)."""
    y = p.year
    if p.era == "BC":
        raise _Fail(BEFORE_COMMON_ERA)
    if y < 1:
        raise _Fail(OUTSIDE)
    if y < 100:
        raise _Fail(TWO_DIGIT_YEAR)                 # «عام 5» (two digits were read above: «سنة 58» 1958)
    if p.era is None and p.month is None and HIJRI_BAND[0] <= y <= HIJRI_BAND[1]:
        ah = hijri.from_gregorian(anchor)
        if ah is None or y <= ah[0] + HIJRI_BY_ANCHOR[1]:
            raise _Fail(NO_ERA)                         # «عام 1435» in a Saudi paper of 2015 is Hijri


def _year_of(p: Partial, anchor: dt.date) -> int:
    if p.year is not None:
        return p.year
    return anchor.year + (p.year_shift or 0)


def _offset(p: Partial, anchor: dt.date) -> Resolved:
    if p.offset_more:
        return _compound_offset(p, anchor)
    amount, grain = p.offset
    flags = ()
    if grain in ("hour", "minute"):
        d = anchor
        return Resolved("DATE", _day_value(d), mod=p.mod, first_day=d, last_day=d, grain="day", flags=flags)
    whole = float(amount).is_integer()
    if grain == "day":
        d = arith.shift_days(anchor, round(amount))
        return Resolved("DATE", _day_value(d), mod=p.mod, first_day=d, last_day=d, grain="day")
    if grain == "week":
        d = arith.shift_days(anchor, round(amount * 7))
        a, b = arith.week_span(d)
        return Resolved("DATE", arith.iso_week_value(d), mod=p.mod, first_day=a, last_day=b, grain="week")
    if grain == "month":
        d = arith.add_months(anchor, int(amount)) if whole else arith.shift_days(anchor, round(amount * 30.44))
        a, b = arith.month_span(d.year, d.month)
        return Resolved("DATE", _month_value(d.year, d.month), mod=p.mod, first_day=a, last_day=b, grain="month")
    if grain == "year" and not whole:             # «منذ عام ونصف»: 18 months, a month as for «منذ عام وستة أشهر»
        d = arith.add_months(anchor, round(amount * 12))
        a, b = arith.month_span(d.year, d.month)
        return Resolved("DATE", _month_value(d.year, d.month), mod=p.mod, first_day=a, last_day=b, grain="month")
    years = {"year": 1, "decade": 10, "century": 100}[grain] * amount
    y = anchor.year + int(round(years)) if float(years).is_integer() else \
        arith.shift_days(anchor, round(years * 365.25)).year
    a, b = arith.year_span(y)
    return Resolved("DATE", f"{y:04d}", mod=p.mod, first_day=a, last_day=b, grain="year")


def _compound_offset(p: Partial, anchor: dt.date) -> Resolved:
    """«منذ عام وثلاثة أشهر», «قبل شهر و10 أيام», «بعد أسبوع ويومين»: the anchor shifted by each part,
    the coarsest first (years and months as the calendar counts them, then weeks and days), and the
    day reached given at the finest part's grain."""
    d = anchor
    for amount, grain in (p.offset,) + tuple(p.offset_more):
        if grain == "year":
            d = arith.add_years(d, int(amount))
        elif grain == "month":
            d = arith.add_months(d, int(amount))
        elif grain == "week":
            d = arith.shift_days(d, int(amount) * 7)
        else:
            d = arith.shift_days(d, int(amount))
    grain = p.offset_more[-1][1]
    if grain == "day":
        return Resolved("DATE", _day_value(d), mod=p.mod, first_day=d, last_day=d, grain="day")
    if grain == "week":
        a, b = arith.week_span(d)
        return Resolved("DATE", arith.iso_week_value(d), mod=p.mod, first_day=a, last_day=b, grain="week")
    a, b = arith.month_span(d.year, d.month)
    return Resolved("DATE", _month_value(d.year, d.month), mod=p.mod, first_day=a, last_day=b, grain="month")


def _relative_day(p: Partial, anchor: dt.date) -> Resolved:
    d = arith.shift_days(anchor, p.rel_day)
    flags = ()
    if p.weekday is not None and d.weekday() != p.weekday:
        d = arith.nearest_weekday(d, p.weekday)
        flags = (FLAG_WEEKDAY_MISMATCH,)
    if p.time_of_day:
        return Resolved("TIME", f"{d.isoformat()}T{p.time_of_day}", first_day=d, last_day=d, grain="time",
                        flags=p.flags + flags)
    return Resolved("DATE", _day_value(d), first_day=d, last_day=d, grain="day", flags=p.flags + flags)


def _approx(p: Partial, anchor: dt.date) -> Resolved:
    """A vague stretch of days, weeks, months or years before or after the anchor («منذ أيام», «الأيام
    المقبلة»): the interval from ``near`` to ``far`` units away, at the unit's grain, mod APPROX.
    ``near`` 0, a stretch next to the anchor: one to come starts the next day (the rest of this week,
    month or year is still to come: «السنوات المقبلة» from 2015 is 2015/2025), one past ends with
    the last unit that is over («الأيام الماضية» leaves out today, «الأعوام الماضية» this year:
    2005/2014)."""
    sign, grain, near, far = p.approx

    def at(k):
        if grain == "day":
            return arith.shift_days(anchor, sign * k)
        if grain == "week":
            return arith.shift_days(anchor, sign * 7 * k)
        if grain == "month":
            return arith.add_months(anchor, sign * k)
        return arith.add_years(anchor, sign * k)

    a, b = sorted((at(near) if near else (arith.shift_days(anchor, 1) if sign > 0 else at(1)), at(far)))
    if grain == "day":
        value, span = _interval_value(a, b), (a, b)
    elif grain == "week":
        value, span = f"{arith.iso_week_value(a)}/{arith.iso_week_value(b)}", (arith.week_span(a)[0], arith.week_span(b)[1])
    elif grain == "month":
        value = f"{_month_value(a.year, a.month)}/{_month_value(b.year, b.month)}"
        span = (arith.month_span(a.year, a.month)[0], arith.month_span(b.year, b.month)[1])
    else:
        value, span = f"{a.year:04d}/{b.year:04d}", (arith.year_span(a.year)[0], arith.year_span(b.year)[1])
    return Resolved("DATE", value, mod="APPROX", first_day=span[0], last_day=span[1], grain=grain, flags=p.flags)


def _day_time(p: Partial, anchor: dt.date, tense) -> Resolved:
    """A part of the day before a day: «صباح الاثنين 3 أغسطس» TIME 2015-08-03TMO, «صباح عيد الفطر» …TMO
    of the holiday's day; «ليلة رأس السنة الميلادية», «عشية عيد الأضحى» (``nth_day`` 0: the day before
    its first) the eve, TNI / TEV of the day before.  The night of a Hijri day is the one before it, as
    the Hijri day begins at sunset: «ليلة 27 رمضان» 1445 is 2024-04-05TNI, the 27th being 6 April."""
    base = resolve(p.replace(time_of_day=None), anchor, tense)
    if base.value is None or base.first_day is None or base.first_day != base.last_day:
        return base
    d = base.first_day
    if p.time_of_day == "NI" and p.calendar == "hijri" and p.day is not None and p.kind != "holiday":
        d = arith.shift_days(d, -1)
    return Resolved("TIME", f"{d.isoformat()}T{p.time_of_day}", first_day=d, last_day=d, grain="time",
                    calendar=base.calendar, flags=base.flags, tense=base.tense)


def _nth_day(p: Partial, anchor: dt.date, tense) -> Resolved:
    """«ثالث أيام عيد الفطر», «آخر يوم من العام»: the holiday, month or year as it resolves alone, then its
    n-th day (n = -1: its last)."""
    base = resolve(p.replace(nth_day=None), anchor, tense)
    if base.value is None or base.first_day is None:
        return base
    a, b = base.first_day, base.last_day
    n = p.nth_day
    d = b if n == -1 else arith.shift_days(a, n - 1)
    if d > b and a != b:
        raise _Fail(f"no day {n} in {base.value}", FLAG_IMPOSSIBLE_DATE)
    return Resolved("DATE", _day_value(d), first_day=d, last_day=d, grain="day", calendar=base.calendar,
                    flags=base.flags, tense=base.tense)


def _nth_weekday(p: Partial, anchor: dt.date, tense) -> Resolved:
    """«ثالث جمعة من رمضان», «آخر سبت من أكتوبر», «الجمعة الأخيرة من العام»: the month or year as
    resolved without the weekday, then its n-th such weekday (n = -1: its last); none there (a fifth
    Friday that the month lacks) is an impossible date."""
    base = _date(p.replace(nth_weekday=None), anchor, tense)
    if base.value is None or base.grain not in ("month", "year") or base.first_day is None:
        return base
    n, wd = p.nth_weekday
    a, b = base.first_day, base.last_day
    if n == -1:
        d = arith.shift_days(b, -((b.weekday() - wd) % 7))
    else:
        d = arith.shift_days(a, (wd - a.weekday()) % 7 + 7 * (n - 1))
    if d > b or d < a:
        raise _Fail(f"no weekday {wd} number {n} in {base.value}", FLAG_IMPOSSIBLE_DATE)
    return Resolved("DATE", _day_value(d), first_day=d, last_day=d, grain="day", calendar=base.calendar,
                    flags=base.flags, tense=base.tense)


def _week_of_month(p: Partial, anchor: dt.date, tense) -> Resolved:
    """«الأسبوع الأول من نوفمبر»: days 1-7 of the month (the second week 8-14 ...), «الأخير» its last
    seven days."""
    base = _date(p.replace(week_of_month=None), anchor, tense)
    if base.value is None or base.grain != "month":
        return base
    a, b = base.first_day, base.last_day
    n = p.week_of_month
    first, last = (arith.shift_days(b, -6), b) if n == -1 else \
        (arith.shift_days(a, 7 * (n - 1)), arith.shift_days(a, 7 * n - 1))
    return Resolved("DATE", _interval_value(first, last), first_day=first, last_day=last, grain="week",
                    flags=base.flags, tense=base.tense)


def _half_of_month(p: Partial, anchor: dt.date, tense) -> Resolved:
    """«النصف الأول من الشهر الجاري»: days 1-15 of the month; «النصف الثاني» days 16 to its end."""
    base = _date(p.replace(half=None), anchor, tense)
    if base.value is None or base.grain != "month":
        return base
    a, b = base.first_day, base.last_day
    first, last = (a, arith.shift_days(a, 14)) if p.half == 1 else (arith.shift_days(a, 15), b)
    return Resolved("DATE", _interval_value(first, last), first_day=first, last_day=last, grain="week",
                    flags=base.flags, tense=base.tense)


def _decade_century(p: Partial, anchor: dt.date) -> Resolved:
    """Decades as TIMEX3 writes them («السبعينات» -> 197, the years 1970-1979) and centuries as
    their hundreds («القرن العشرين» -> 19, 1900-1999, as a reader counts them)."""
    if p.decade_shift is not None:
        d = anchor.year // 10 + p.decade_shift
        if d < 0:
            raise _Fail(OUTSIDE)
        return _result(f"{d:03d}", (arith.year_span(max(1, d * 10))[0], arith.year_span(d * 10 + 9)[1]), "decade", p)
    if p.century is not None:
        c = p.century - 1
    elif p.century_shift is not None:
        c = anchor.year // 100 + p.century_shift
    else:
        c = None
    if p.decade is None:
        if c < 0:
            raise _Fail(OUTSIDE)
        return _result(f"{c:02d}", (arith.year_span(max(1, c * 100))[0], arith.year_span(c * 100 + 99)[1]),
                       "century", p)
    if c is not None:
        d = c * 10 + p.decade
    else:                                            # the latest such decade begun by the anchor's year
        d = anchor.year // 10
        while d % 10 != p.decade:
            d -= 1
    if d < 1:
        raise _Fail(OUTSIDE)
    return _result(f"{d:03d}", (arith.year_span(d * 10)[0], arith.year_span(d * 10 + 9)[1]), "decade", p)


def _period(p: Partial, anchor: dt.date) -> Resolved:
    k = p.period_shift or 0
    g = p.period
    if g == "year":
        if p.new_year:                                # «العام الجديد»: the coming one from October on
            k = 1 if anchor.month >= 10 else 0
        y = anchor.year + k
        return _result(f"{y:04d}", arith.year_span(y), "year", p)
    if g == "month" and p.day is not None:          # «12 من الشهر الجاري»
        y, m = arith.shift_month(anchor.year, anchor.month, k)
        if not arith.valid_date(y, m, p.day):
            raise _Fail(f"{p.day}/{m}/{y} is not a calendar date", FLAG_IMPOSSIBLE_DATE)
        d = dt.date(y, m, p.day)
        if p.weekday is not None and d.weekday() != p.weekday:
            # «يوم الخميس الـ 28 من الشهر الجاري» in a Saudi paper: the weekday that the Gregorian day
            # misses may be the Hijri month's (the current Hijri month, shifted alike)
            h = _hijri_deictic_day(p, anchor, k)
            if h is not None:
                return _result(_day_value(h), (h, h), "day", p, (FLAG_HIJRI_FROM_WEEKDAY,), calendar="hijri")
            if p.ordinal_day:
                # «السبت الثاني من الشهر الجاري»: not the 2nd, no Saturday: the month's second Saturday
                first = dt.date(y, m, 1)
                n = first + dt.timedelta(days=(p.weekday - first.weekday()) % 7 + 7 * (p.day - 1))
                return _result(_day_value(n), (n, n), "day", p.replace(ordinal_day=False))
        return _result(_day_value(d), (d, d), "day", p, _check_weekday(d, p))
    if g == "month":
        y, m = arith.shift_month(anchor.year, anchor.month, k)
        return _result(_month_value(y, m), arith.month_span(y, m), "month", p)
    if g == "week":
        # (said on a Sunday, «هذا الأسبوع» is the week to come, whether the writer's week opens that
        # Sunday or on the Monday after it, and «الأسبوع الماضي» the one just over: the ISO week of the
        # Monday after it, and the ISO week the Sunday ends; «الأسبوع المقبل» stays the ISO week after
        # the anchor's, as the weeks that open on Sunday and on Monday disagree on it)
        d = arith.shift_days(anchor, 7 * k + (1 if k <= 0 and anchor.weekday() == 6 else 0))
        return _result(arith.iso_week_value(d), arith.week_span(d), "week", p)
    if g == "quarter":
        qi = anchor.year * 4 + (anchor.month - 1) // 3 + k
        y, q = qi // 4, qi % 4 + 1
        return _result(f"{y:04d}-Q{q}", arith.quarter_span(y, q), "quarter", p)
    raise _Fail(f"no deictic reading for a {g}")


def _hijri_deictic_day(p: Partial, anchor: dt.date, k: int) -> Optional[dt.date]:
    """Day ``p.day`` of the Hijri month ``k`` months from the anchor's, if it falls on ``p.weekday``."""
    ah = hijri.from_gregorian(anchor)
    if ah is None:
        return None
    i = ah[0] * 12 + ah[1] - 1 + k
    d = hijri.to_gregorian(i // 12, i % 12 + 1, p.day)
    return d if d is not None and d.weekday() == p.weekday else None


def _season(p: Partial, anchor: dt.date) -> Resolved:
    if p.direction is not None:
        cy, cs = arith.season_of(anchor)
        ci = arith.season_index(cy, cs)
        target = arith.season_index(cy, p.season)          # this season in the anchor's season-year
        if p.direction < 0:
            while target >= ci:
                target -= 4
        elif p.direction > 0:
            while target <= ci:
                target += 4
        else:                                        # «هذا الشتاء»: the one we are in, else this year's
            target = ci if cs == p.season else arith.season_index(anchor.year, p.season)
        y, s = arith.season_from_index(target)
    else:
        y, s = _year_of(p, anchor), p.season
    return _result(f"{y:04d}-{s}", arith.season_span(y, s), "season", p)


def _check_weekday(d: dt.date, p: Partial) -> tuple:
    if p.weekday is not None and d.weekday() != p.weekday:
        return (FLAG_WEEKDAY_MISMATCH,)
    return ()


# how far from the anchor a weekday written with a day and month may carry them to another year
_WEEKDAY_YEAR_REACH = 200


def _day_month(p: Partial, anchor: dt.date, tense) -> Resolved:
    if p.ordinal_day:
        # «الثلاثاء الأول من أكتوبر المقبل»: the 1st of October when it is a Tuesday (as news mostly means
        # «الخميس الأول من نوفمبر»), else the first Tuesday of that October
        alone = resolve(p.replace(weekday=None, ordinal_day=False), anchor, tense)
        if alone.first_day is not None and alone.first_day.weekday() != p.weekday:
            return _nth_weekday(p.replace(day=None, weekday=None, ordinal_day=False, nth_weekday=(p.day, p.weekday)),
                                anchor, tense)
        p = p.replace(ordinal_day=False)
    m, day = p.month, p.day
    extra, used = (), None
    if p.year is not None or p.year_shift is not None:
        y = _year_of(p, anchor)
    elif p.direction is not None:
        y = _pick_year_for_day(m, day, anchor, p.direction)
    else:
        agree = _weekday_year(p, [anchor.year - 1, anchor.year, anchor.year + 1],
                              lambda y: dt.date(y, m, day) if arith.valid_date(y, m, day) else None, anchor)
        near = _year_near_anchor(m, day, anchor) if _no_cue(tense) else None
        if agree is not None and abs((dt.date(agree, m, day) - anchor).days) > _WEEKDAY_YEAR_REACH:
            agree = None                # «زيارته إلى تونس الاثنين 20 يونيو» in a paper of July 2015: a slip
                                        # of the weekday or the month, not June 2016 eleven months ahead
        if agree is not None:
            # the weekday written with it decides the year («الخميس 4 ذي الحجة» is the one on a Thursday)
            y, extra = agree, (FLAG_YEAR_FROM_WEEKDAY,)
        elif near is not None:
            # no tense cue: the occurrence nearest the publication day («تنطلق البطولة في 20
            # أغسطس» in a paper of 10 August; «وحدد القاضي جلسة 15 سبتمبر» in one of 1 August)
            y, extra = near, (FLAG_NEAR_ANCHOR,)
        else:
            extra, used = _tense_flags(tense)
            y = _pick_year_for_day(m, day, anchor, 1 if used == "future" else -1, inclusive=True)
            if used == "past" and tense == "past":
                ahead = _pick_year_for_day(m, day, anchor, 1)
                if arith.valid_date(y, m, day) and arith.valid_date(ahead, m, day) \
                        and _announced_ahead(dt.date(y, m, day), dt.date(ahead, m, day), anchor):
                    y, extra, used = ahead, (FLAG_NEAR_ANCHOR,), None
    arith.check_year(y)
    if not arith.valid_date(y, m, day):
        raise _Fail(f"{day}/{m}/{y} is not a calendar date", FLAG_IMPOSSIBLE_DATE)
    d = dt.date(y, m, day)
    return _result(_day_value(d), (d, d), "day", p, extra + _check_weekday(d, p), tense=used)


# A day and month without their year in a past-tense clause is the latest one, unless that is most of a
# year back and the next one is only days ahead: then the past tense is the announcing verb's, and the
# day is the coming one («أعلنت الجهات تعليق الدوام في 26 يونيو» on 20 June, «أعلنت … في غرة محرم» a week
# before it)
ANNOUNCED_AHEAD_DAYS = 31
ANNOUNCED_BACK_DAYS = 300


def _announced_ahead(back: dt.date, ahead: dt.date, anchor: dt.date) -> bool:
    return 0 < (ahead - anchor).days <= ANNOUNCED_AHEAD_DAYS and (anchor - back).days >= ANNOUNCED_BACK_DAYS


def _weekday_year(p: Partial, years: list, day_of, anchor: dt.date, slack: int = 0) -> Optional[int]:
    """Of ``years``, the one (nearest the anchor) in which the day falls on the weekday written with
    it, if exactly that weekday was written; None when none or no weekday.  ``slack`` 1 (a Hijri
    day, whose observed month may begin a day before or after the table's): a year where it falls a
    day beside that weekday counts too, after any exact one and only within half a year of the anchor
    («الأربعاء 5 ذو القعدة» 1436 is Thursday 20 August 2015 in the table; in 1435 it was a Sunday)."""
    if p.weekday is None:
        return None
    best = None
    for y in years:
        try:
            d = day_of(y)
        except (ValueError, OverflowError):
            d = None
        if d is not None:
            off = min((d.weekday() - p.weekday) % 7, (p.weekday - d.weekday()) % 7)
            if off == 0 or off <= slack and abs((d - anchor).days) <= NEAR_ANCHOR_DAYS:
                rank = (off, abs((d - anchor).days))
                if best is None or rank < best[0]:
                    best = (rank, y)
    return best[1] if best else None


# With no tense cue, a day-month or a month is the occurrence nearest the anchor (within half a year,
# so always one); a weekday stays past by default.  Measured on 100 such expressions drawn from the
# real corpus (notes/issue12.md): months and day-months were right nearest 6 times where past was
# wrong, never the other way; weekdays were right past 5 times where nearest was wrong, once the other
# way (a weekday is named for the days around the article, and news tells the last week's).
NEAR_ANCHOR_DAYS = 183


def _nearest_year(years, gap) -> Optional[int]:
    """The year of ``years`` (in order: a tie keeps the first) whose ``gap(year)`` in days to the anchor
    is least; ``gap`` gives None for a year that has no such date.  None when none has one."""
    best = None
    for y in years:
        g = gap(y)
        if g is not None and (best is None or g < best[0]):
            best = (g, y)
    return best[1] if best else None


def _year_near_anchor(m: int, day: int, anchor: dt.date) -> Optional[int]:
    """The year that puts day/month nearest the anchor, within NEAR_ANCHOR_DAYS."""
    def gap(y):
        if not arith.valid_date(y, m, day):
            return None
        g = abs((dt.date(y, m, day) - anchor).days)
        return g if g <= NEAR_ANCHOR_DAYS else None
    return _nearest_year((anchor.year - 1, anchor.year, anchor.year + 1), gap)


def _pick_year_for_day(m: int, day: int, anchor: dt.date, direction: int, inclusive=False) -> int:
    """Year of day/month relative to the anchor: -1 latest before, +1 first after, 0 the anchor's."""
    if direction == 0:
        return anchor.year
    key = (m, day)
    here = (anchor.month, anchor.day)
    if direction < 0:
        return anchor.year if (key < here or inclusive and key == here) else anchor.year - 1
    return anchor.year if (key > here or inclusive and key == here) else anchor.year + 1


def _month(p: Partial, anchor: dt.date, tense) -> Resolved:
    m = p.month
    extra, used = (), None
    if p.year is not None or p.year_shift is not None:
        y = _year_of(p, anchor)
    elif p.direction is not None:
        if p.direction == 0:
            y = anchor.year
        elif p.direction < 0:
            y = anchor.year if m < anchor.month else anchor.year - 1
        else:
            y = anchor.year if m > anchor.month else anchor.year + 1
    elif _no_cue(tense):
        y, extra = anchor.year + _nearest_year_shift(m, anchor.month), (FLAG_NEAR_ANCHOR,)
    else:
        extra, used = _tense_flags(tense)
        if used == "future":
            y = anchor.year if m >= anchor.month else anchor.year + 1
        else:
            y = anchor.year if m <= anchor.month else anchor.year - 1
    return _result(_month_value(y, m), arith.month_span(y, m), "month", p, extra, tense=used)


def _bare_quarter(p: Partial, anchor: dt.date, tense) -> Resolved:
    """A quarter with no year («أرباح الربع الثالث»): with a past cue the latest one that has begun,
    else the one whose middle is nearest the anchor: the quarter a report of the anchor's day tells of
    (the third in late October, the fourth of the year before in January).  A future cue does not
    move it: in the corpus, the clauses of a bare quarter with one tell of a quarter over
    («سيناقش مجلس الإدارة نتائج أعمال الربع الثاني», early in August)."""
    q = p.quarter
    extra, used = (FLAG_NEAR_ANCHOR,), None
    spans = {y: arith.quarter_span(y, q) for y in (anchor.year - 1, anchor.year, anchor.year + 1)}
    if tense == "past":
        extra, used = _tense_flags(tense)
        spans = {y: sp for y, sp in spans.items() if sp[0] <= anchor}
    y = min(spans, key=lambda y: (abs((spans[y][0] + (spans[y][1] - spans[y][0]) / 2 - anchor).days), -y))
    return _result(f"{y:04d}-Q{q}", spans[y], "quarter", p, extra, tense=used)


def _nearest_year_shift(m: int, here: int) -> int:
    """-1, 0 or +1: the year of month ``m`` nearest the month ``here`` (of 12); half a year away is
    the past one."""
    ahead = (m - here) % 12
    if ahead == 0:
        return 0
    if ahead < 6:                                   # the coming one
        return 0 if m > here else 1
    return 0 if m < here else -1


EITHER_DAYS = 200         # a day and month without year read by their weekday: this near the anchor
NEAR_DM_DAYS = 45         # ... and without a weekday: the one reading of either calendar this near it
DM_NEAR = ("a day and month without their year or weekday («في 7/9»): not one Gregorian or Hijri day of them "
           f"within {NEAR_DM_DAYS} days of the anchor")


def _day_by_weekday(p: Partial, anchor: dt.date, tense) -> Resolved:
    """«يوم الأربعاء 20/10»: of the Gregorian and the Hijri days of that day and month within
    ``EITHER_DAYS`` of the anchor, the nearest one that falls on the weekday written («يوم السبت 7/11» in
    a paper of 3 August 2015: 7 Dhu al-Qa'dah, 22 August, rather than 7 November, both Saturdays); when
    none does, unresolved with that reason (``DM_WEEKDAY``)."""
    found = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        if arith.valid_date(y, p.month, p.day):
            found.append((dt.date(y, p.month, p.day), "gregorian"))
    ah = hijri.from_gregorian(anchor)
    if ah is not None and p.day <= 30:
        for hy in (ah[0] - 1, ah[0], ah[0] + 1):
            d = hijri.to_gregorian(hy, p.month, p.day)
            if d is not None:
                found.append((d, "hijri"))
    if p.weekday is None:
        # «في 7/9» with no weekday: the one reading within ``NEAR_DM_DAYS`` of the anchor (news dates
        # what is near it), when the other calendar has none there
        # (not after the anchor in a past clause: «وكانت الاستمارات قد سلمت بتاريخ 16/10» is not tomorrow)
        near = sorted((abs((d - anchor).days), d, c) for d, c in found if abs((d - anchor).days) <= NEAR_DM_DAYS
                      and not (tense == "past" and d > anchor))
        if len(near) != 1:
            raise _Fail(DM_NEAR)
        _, d, cal = near[0]
        return _day(d, p, (FLAG_NEAR_ANCHOR,), calendar=cal)
    fits = sorted((abs((d - anchor).days), d, c) for d, c in found
                  if abs((d - anchor).days) <= EITHER_DAYS and d.weekday() == p.weekday)
    if not fits or (len(fits) > 1 and fits[0][0] == fits[1][0]):
        raise _Fail(DM_WEEKDAY)
    _, d, cal = fits[0]
    return _day(d, p, (FLAG_HIJRI_FROM_WEEKDAY if cal == "hijri" else FLAG_YEAR_FROM_WEEKDAY,), calendar=cal)


def _weekday(p: Partial, anchor: dt.date, tense) -> Resolved:
    extra, used = (), None
    if p.direction is not None and p.direction < 0:
        d = arith.weekday_on_or_before(anchor, p.weekday, strict=True)
        if p.direction == -2:                        # «الجمعة قبل الماضي»
            d = arith.shift_days(d, -7)
    elif p.direction is not None and p.direction > 0:
        d = arith.weekday_on_or_after(anchor, p.weekday, strict=True)
        if p.direction == 2:                         # «الأربعاء بعد القادم»
            d = arith.shift_days(d, 7)
    else:
        # a weekday in a present-tense clause is a coming one («يزور الوزير القاهرة الأحد»)
        extra, used = _tense_flags("future" if tense == "present" else tense)
        if used == "future":
            d = arith.weekday_on_or_after(anchor, p.weekday)
        else:
            d = arith.weekday_on_or_before(anchor, p.weekday)
    return _day(d, p, extra, tense=used)


def _weekday_of_week(p: Partial, anchor: dt.date) -> Resolved:
    """«الأحد من الأسبوع الماضي»: that weekday of the ISO week shifted from the anchor's."""
    monday = arith.week_span(arith.shift_days(anchor, 7 * (p.period_shift or 0)))[0]
    d = arith.shift_days(monday, p.weekday)
    return _day(d, p.replace(period=None, period_shift=None))


def _range(p: Partial, anchor: dt.date, tense) -> Resolved:
    if p.academic:
        return _school_year(p)
    if p.weekday is not None and p.day is None and p.month is None:
        return _weekday_range(p, anchor, tense)
    ongoing = _ongoing_range(p, anchor)
    if ongoing is not None:
        return ongoing
    end = resolve(p.end, anchor, tense)
    if end.value is None:
        return end
    start_p = Partial("date", year=p.year, month=p.month, day=p.day, calendar=p.calendar,
                      explicit_year=p.explicit_year)
    if p.period is not None:                         # «من 3 إلى 9 من الشهر الحالي»: the end's month
        start_p = p.end.replace(day=p.day)
    elif start_p.year is None and end.first_day is not None:
        # the start takes the end's year, in the start's own calendar
        if p.calendar == "hijri":
            ey, em, _ = hijri.from_gregorian(end.first_day) or (None, None, None)
        else:
            ey, em = end.first_day.year, end.first_day.month
        if ey is None:
            raise _Fail(HIJRI_BEFORE, FLAG_HIJRI_OUT_OF_RANGE)
        if p.month is not None and p.month > em:
            ey -= 1                                  # «28 ديسمبر إلى 3 يناير»
        start_p = Partial("date", year=ey, month=p.month, day=p.day, calendar=p.calendar)
    start = resolve(start_p, anchor, tense)
    if start.value is None:
        return start
    if start.first_day > end.last_day:
        raise _Fail("range ends before it starts")
    # (a side that is itself an interval, a Hijri month or year, gives its own end: «من رجب إلى شعبان»)
    value = f"{start.value.split('/')[0]}/{end.value.split('/')[-1]}"
    return Resolved("DATE", value, first_day=start.first_day, last_day=end.last_day,
                    grain=start.grain, calendar=p.calendar, flags=p.flags + start.flags + end.flags,
                    tense=end.tense)


def _this_day(p: Partial, anchor: dt.date) -> Resolved:
    """«في مثل هذا اليوم من عام 1954» (anchor 1 November 2022): 1954-11-01, the anchor's day and month in
    the year said or counted; 29 February in a common year is the 28th. «في مثل هذا الشهر من العام
    الماضي»: the anchor's month in that year."""
    if p.year is not None:
        _check_year(p, anchor)
    y = arith.check_year(_year_of(p, anchor))
    if p.this_month:                         # «في مثل هذا الشهر من العام الماضي»: that year's month
        return _result(_month_value(y, anchor.month), arith.month_span(y, anchor.month), "month", p)
    day = anchor.day if arith.valid_date(y, anchor.month, anchor.day) else 28
    d = dt.date(y, anchor.month, day)
    return _result(_day_value(d), (d, d), "day", p)


def _ongoing_range(p: Partial, anchor: dt.date) -> Optional[Resolved]:
    """«فُتحت البوابة من 19 رمضان وحتى 21 شوال» in an article of 18 Shawwal: a range of days with no
    year, no direction and no year said relative to the anchor, whose occurrence around the anchor
    holds the anchor, is that occurrence whatever the clause's tense (a period still running when the
    article was written), not the one wholly before or after it.  So is a range of months («أكبر
    انخفاض في الأشهر الثلاثة من يوليو إلى سبتمبر منذ 2008» in a paper of August)."""
    e = p.end
    if (p.year is not None or p.period is not None or p.month is None or e is None
            or (p.day is None) != (e.day is None)
            or e.year is not None or e.month is None or e.direction is not None
            or e.year_shift is not None or p.calendar != e.calendar):
        return None
    if p.calendar == "hijri":
        here = hijri.from_gregorian(anchor)
        if here is None:
            return None
        ay = here[0]
    elif p.calendar == "gregorian":
        ay = anchor.year
    else:
        return None
    for ey in (ay, ay + 1):
        sy = ey - 1 if p.month > e.month else ey
        start = resolve(Partial("date", year=sy, month=p.month, day=p.day, calendar=p.calendar), anchor)
        end = resolve(e.replace(year=ey), anchor)          # (resolve says a failure in its result)
        if start.first_day is None or end.last_day is None:
            return None
        if start.first_day <= anchor <= end.last_day:
            value = f"{start.value.split('/')[0]}/{end.value.split('/')[-1]}"
            return Resolved("DATE", value, first_day=start.first_day, last_day=end.last_day,
                            grain=start.grain, calendar=p.calendar, flags=p.flags + start.flags + end.flags)
    return None


def _school_year_of(p: Partial, anchor: dt.date) -> Resolved:
    """«العام الدراسي المقبل» and its kin: a school year runs from September to June; the one of a day is
    the one whose July-to-June year holds it (in July and August, the one about to begin, as the Gulf
    and Levant press speak of it through the summer).  'current' is that one, 'last' the one before;
    'next' the one after, except in July and August, when it is the one about to begin; 'new'
    («الجديد», «بداية العام الدراسي» alone) the one about to begin or begun in the last two months
    (July to October), else the one after."""
    y = anchor.year if anchor.month >= 7 else anchor.year - 1
    summer = anchor.month in (7, 8)
    g = {"current": y, "last": y - 1, "next": y if summer else y + 1,
         "new": y if anchor.month in (7, 8, 9, 10) else y + 1}[p.school]
    arith.check_year(g)
    arith.check_year(g + 1)
    a, b = dt.date(g, 9, 1), dt.date(g + 1, 6, 30)
    return Resolved("DATE", f"{g:04d}-09/{g + 1:04d}-06", mod=p.part, first_day=a, last_day=b, grain="month",
                    flags=p.flags)


def _school_year(p: Partial) -> Resolved:
    """«العام الدراسي 1435/1436هـ»: the school year, 1 September to 30 June, whose middle (mid-January) is
    nearest the first day of the second Hijri year (1436 AH began on 25 October 2014: 2014-09/2015-06),
    as the press of the Gulf names a school year by the two Hijri years it spans."""
    second = hijri.year_span(p.end.year)
    if second is None:
        raise _hijri_missing(p.end.year)
    boundary = second[0]
    g = min((boundary.year - 1, boundary.year), key=lambda y: abs((dt.date(y + 1, 1, 15) - boundary).days))
    a, b = dt.date(g, 9, 1), dt.date(g + 1, 6, 30)
    return Resolved("DATE", f"{g:04d}-09/{g + 1:04d}-06", first_day=a, last_day=b, grain="month", flags=p.flags)


def _weekday_range(p: Partial, anchor: dt.date, tense) -> Resolved:
    """«بين الثلاثاء والخميس»: the first weekday as a weekday alone is read, the second is the first such
    weekday after it («من الخميس وحتى الثلاثاء»: six days, over the weekend)."""
    start = _weekday(Partial("date", weekday=p.weekday, direction=p.direction), anchor, tense)
    a = start.first_day
    b = arith.shift_days(a, (p.end.weekday - p.weekday) % 7)
    return Resolved("DATE", f"{a.isoformat()}/{b.isoformat()}", first_day=a, last_day=b, grain="day",
                    flags=p.flags + start.flags, tense=start.tense)


# --- Hijri --------------------------------------------------------------------------------------

def _hijri_date(p: Partial, anchor: dt.date, tense) -> Resolved:
    ah = hijri.from_gregorian(anchor)
    if ah is None and p.year is None:
        raise _Fail(HIJRI_ANCHOR, FLAG_HIJRI_OUT_OF_RANGE)
    if p.explicit_year and p.year is not None and 1800 <= p.year <= 2100:
        raise _Fail(HIJRI_MARK_ON_NEWS_YEAR)            # «2015هـ»: AD 2577, or 2015 with the wrong mark
    if p.year is not None and not hijri.in_range(p.year):
        # outside the Umm al-Qura table: the tabular calendar, within a day or two, flagged
        p = p.replace(flags=p.flags + (FLAG_HIJRI_TABULAR,))
    if p.month is None:                                  # a Hijri year (by its number, or counted from the anchor's)
        if p.year is None and p.year_shift is not None:
            p = p.replace(year=ah[0] + p.year_shift)
        elif p.year is None and p.new_year:            # «العام الهجري الجديد»: the coming one from Shawwal on
            p = p.replace(year=ah[0] + (1 if ah[1] >= 10 else 0))
        if p.year is None:
            raise _Fail("nothing to resolve")
        span = hijri.year_span(p.year)
        if span is None:
            raise _hijri_missing(p.year)
        return _result(_interval_value(*span), span, "year", p, calendar="hijri")
    if p.day is not None:
        return _hijri_day(p, anchor, ah, tense)
    extra, used = (), None
    if p.year is not None:
        hy = p.year
    elif p.gregorian_year is not None:                   # «رمضان 2019»: the one of that Gregorian year
        hy = _hijri_month_in_year(p.month, p.gregorian_year)
    elif p.year_shift is not None:
        hy = ah[0] + p.year_shift
    elif p.direction is not None:
        if p.direction == 0:
            hy = ah[0]
        elif p.direction < 0:
            hy = ah[0] if p.month < ah[1] else ah[0] - 1
        else:
            hy = ah[0] if p.month > ah[1] else ah[0] + 1
    elif _no_cue(tense) and (near := _hijri_month_near(p.month, ah[0], anchor)) is not None:
        # a bare Hijri month with no cue is the one nearest the anchor («شهر رمضان» in a paper of
        # Shawwal is the one just over, «قبيل شهر رمضان» a fortnight before it the coming one)
        hy, extra = near, (FLAG_NEAR_ANCHOR,)
    else:
        extra, used = _tense_flags(tense)
        if used == "future":
            hy = ah[0] if p.month >= ah[1] else ah[0] + 1
        else:
            hy = ah[0] if p.month <= ah[1] else ah[0] - 1
    span = hijri.month_span(hy, p.month)
    if span is None:
        raise _hijri_missing(hy, p.month)
    return _result(_interval_value(*span), span, "month", p, extra, tense=used, calendar="hijri")


def _hijri_month_near(month: int, hy: int, anchor: dt.date) -> Optional[int]:
    """The Hijri year whose ``month`` is nearest the anchor (the anchor inside it: that one; a tie:
    the past one), None when the table has none of them."""
    def gap(y):
        span = hijri.month_span(y, month)
        if span is None:
            return None
        a, b = span
        return 0 if a <= anchor <= b else (a - anchor).days if a > anchor else (anchor - b).days
    return _nearest_year((hy - 1, hy, hy + 1), gap)


def _hijri_years_of(gy: int) -> range:
    """The Hijri years that have days in Gregorian year ``gy``."""
    arith.check_year(gy)
    a, b = hijri.from_gregorian(dt.date(gy, 1, 1)), hijri.from_gregorian(dt.date(gy, 12, 31))
    if a is None or b is None:
        raise _Fail(HIJRI_BEFORE if gy < 700 else OUTSIDE, FLAG_HIJRI_OUT_OF_RANGE)
    return range(a[0], b[0] + 1)


def _hijri_month_in_year(hm: int, gy: int) -> int:
    """The Hijri year whose month ``hm`` has most of its days in Gregorian year ``gy`` («رمضان 2019»)."""
    best = None
    lo, hi = dt.date(gy, 1, 1), dt.date(gy, 12, 31)
    for hy in _hijri_years_of(gy):
        span = hijri.month_span(hy, hm)
        if span is None:
            continue
        inside = (min(span[1], hi) - max(span[0], lo)).days + 1
        if inside > 0 and (best is None or inside > best[0]):
            best = (inside, hy)
    if best is None:
        raise _Fail(f"no Hijri month {hm} in {gy}", FLAG_HIJRI_OUT_OF_RANGE)
    return best[1]


def _hijri_year_near_anchor(hm: int, hd: int, hy: int, anchor: dt.date) -> Optional[int]:
    """The Hijri year that puts day hd of month hm nearest the anchor (None outside the tables)."""
    def gap(y):
        length = hijri.month_length(y, hm)
        if length is None or not 1 <= hd <= length:
            return None
        d = hijri.to_gregorian(y, hm, hd)
        return None if d is None else abs((d - anchor).days)
    return _nearest_year((hy - 1, hy, hy + 1), gap)


def _hijri_missing(hy: int, hm: int = 1) -> _Fail:
    """Why a Hijri month has no days: before 1 AH, or after 9999-12-31."""
    if not hijri.exists(hy, hm):
        return _Fail(HIJRI_BEFORE, FLAG_HIJRI_OUT_OF_RANGE)
    return _Fail(OUTSIDE, FLAG_HIJRI_OUT_OF_RANGE)


def _hijri_day(p: Partial, anchor: dt.date, ah, tense) -> Resolved:
    extra, used = (), None
    if p.year is not None:
        hy = p.year
    elif p.year_shift is not None:
        hy = ah[0] + p.year_shift
    else:
        key, here = (p.month, p.day), (ah[1], ah[2])
        direction, inclusive = p.direction, False
        agree = None
        if direction is None:
            def day_of(y):
                n = hijri.month_length(y, p.month)
                return hijri.to_gregorian(y, p.month, p.day) if n is not None and 1 <= p.day <= n else None
            agree = _weekday_year(p, [ah[0] - 1, ah[0], ah[0] + 1], day_of, anchor, slack=1)
        if agree is not None:
            hy, extra, direction = agree, (FLAG_YEAR_FROM_WEEKDAY,), "near"
        elif direction is None and _no_cue(tense):
            near = _hijri_year_near_anchor(p.month, p.day, ah[0], anchor)
            if near is not None:
                hy, extra, direction = near, (FLAG_NEAR_ANCHOR,), "near"
        if direction is None:
            extra, used = _tense_flags(tense)
            direction, inclusive = (1 if used == "future" else -1), True
            if tense == "past":
                back = ah[0] if key <= here else ah[0] - 1
                ahead = ah[0] if key > here else ah[0] + 1
                try:
                    d_back, d_ahead = hijri.to_gregorian(back, p.month, p.day), hijri.to_gregorian(ahead, p.month, p.day)
                except (ValueError, OverflowError):
                    d_back = d_ahead = None
                if d_back is not None and d_ahead is not None and _announced_ahead(d_back, d_ahead, anchor):
                    hy, extra, used, direction = ahead, (FLAG_NEAR_ANCHOR,), None, "near"
        if direction == "near":
            pass
        elif direction == 0:
            hy = ah[0]
        elif direction < 0:
            hy = ah[0] if (key < here or inclusive and key == here) else ah[0] - 1
        else:
            hy = ah[0] if (key > here or inclusive and key == here) else ah[0] + 1
    length = hijri.month_length(hy, p.month)
    if length is None:
        raise _hijri_missing(hy, p.month)
    if not 1 <= p.day <= length:
        raise _Fail(f"{p.day}/{p.month}/{hy} AH: that month has {length} days", FLAG_IMPOSSIBLE_DATE)
    d = hijri.to_gregorian(hy, p.month, p.day)
    return _result(_day_value(d), (d, d), "day", p, extra + _check_weekday(d, p), tense=used, calendar="hijri")


HOLIDAY_NEAR_DAYS = 30
HOLIDAY_SOON_DAYS = 90     # «قبيل عيد الفطر», «قبل وقفة عرفات»: the coming one when it is this near
# movable feasts (holidays.tsv: calendar, day = days after Easter Sunday)
_MOVABLE = {"easter_western": arith.easter_western, "easter_orthodox": arith.easter_orthodox}


NO_COUNTRY = "a national day whose country is not said in its sentence"


def _holiday(p: Partial, anchor: dt.date, tense) -> Resolved:
    if p.calendar == "national":                     # dated by Engine._link_country, when it can
        raise _Fail(NO_COUNTRY)
    year_of = {}                                     # the day of an occurrence -> its year

    def occurrence(year):
        if p.calendar == "hijri":
            d = hijri.to_gregorian(year, p.month, p.day)
        elif p.calendar in _MOVABLE:
            try:
                d = arith.shift_days(_MOVABLE[p.calendar](year), p.day)
            except arith.OutOfCalendar:
                d = None
        elif p.calendar == "julian":
            # the Julian day that falls in this Gregorian year («عيد الميلاد القبطي 2026»: 25 December 2025
            # Julian = 7 January 2026)
            try:
                d = arith.julian_to_gregorian(year, p.month, p.day)
                if d.year > year:
                    d = arith.julian_to_gregorian(year - 1, p.month, p.day)
            except (arith.OutOfCalendar, ValueError):
                d = None
        else:
            d = dt.date(year, p.month, p.day) if arith.valid_date(year, p.month, p.day) else None
        if d is not None:
            year_of[d] = year
        return d

    extra, used = (), None
    if p.year is not None:
        if p.calendar != "hijri" and p.explicit_year:
            _check_year(p, anchor)
        d = occurrence(p.year)
    elif p.gregorian_year is not None:               # «عيد الفطر 2013»: the one in that Gregorian year
        days = [x for x in (occurrence(hy) for hy in _hijri_years_of(p.gregorian_year))
                if x is not None and x.year == p.gregorian_year]
        if len(days) != 1:
            raise _Fail(f"{len(days)} occurrences in {p.gregorian_year}")
        d = days[0]
    else:
        if p.calendar == "hijri":
            ah = hijri.from_gregorian(anchor)
            if ah is None:
                raise _Fail(HOLIDAY_OUTSIDE, FLAG_HIJRI_OUT_OF_RANGE)
            base = ah[0]
        else:
            base = anchor.year
        cands = sorted(filter(None, (occurrence(base + k) for k in (-2, -1, 0, 1, 2))))
        direction = p.direction
        near = [c for c in cands if abs((c - anchor).days) <= HOLIDAY_NEAR_DAYS] if direction is None else []
        soon = [c for c in cands if 0 <= (c - anchor).days <= HOLIDAY_SOON_DAYS] if p.soon and direction is None else []
        if near:
            # a holiday named within a month of its day is that one, whatever the clause's tense
            # («عطلة عيد الفطر … وستعاود العمل» four days after it)
            d = min(near, key=lambda c: (abs((c - anchor).days), c > anchor))
            extra, direction = (FLAG_NEAR_ANCHOR,), "near"
        elif soon:
            # «اكتمال خطط تفويج الحجاج قبل وقفة عرفات» 80 days before it: the days before a holiday that is
            # coming, whatever the tense of the verb that tells them
            d = soon[0]
            extra, direction = (FLAG_NEAR_ANCHOR,), "near"
        elif direction is None:
            # (a holiday in a present-tense clause is a coming one: «يحتفل المسلمون بعيد الأضحى»; so is
            # one whose eve is told with no past tense: «ترتفع المبيعات قبيل عيد الفطر»)
            extra, used = _tense_flags("future" if tense == "present" or p.soon and tense != "past" else tense)
            direction = 1 if used == "future" else -1
            before = [c for c in cands if c <= anchor]
            after = [c for c in cands if c >= anchor]
        else:
            before = [c for c in cands if c < anchor]
            after = [c for c in cands if c > anchor]
        if direction == "near":
            pass
        elif direction == 0:
            d = occurrence(base)
        else:
            pool = after if direction > 0 else before
            d = (pool[0] if direction > 0 else pool[-1]) if pool else None
    if d is None:
        if p.calendar == "hijri":
            raise _Fail(HOLIDAY_OUTSIDE, FLAG_HIJRI_OUT_OF_RANGE)
        raise _Fail(OUTSIDE)
    if p.calendar == "hijri" and not hijri.in_range(year_of[d]):
        extra += (FLAG_HIJRI_TABULAR,)               # as for a Hijri date outside the Umm al-Qura table
    return _result(_day_value(d), (d, d), "day", p, extra, tense=used,
                   calendar="hijri" if p.calendar == "hijri" else "gregorian")

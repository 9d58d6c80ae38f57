"""Types shared by the matcher and the resolver.

Matching produces a :class:`Partial` (what the text *says*, with ``None`` for "not said");
:func:`resolvers.resolve.resolve` turns a ``Partial``, an explicit anchor date and the clause's tense
into a value, which the engine returns as a :class:`Timex` (what date it *means*, and where it was
said).  No ``datetime`` is computed before resolution.
"""
from __future__ import annotations

import datetime as _dt
from typing import NamedTuple, Optional


# Grains, coarsest last.  Plain strings keep the Timex light and easy to export.
GRAINS = ("time", "day", "week", "month", "season", "quarter", "half", "year", "decade", "century")

# Flags a Timex may carry (see Timex.flags).
FLAG_WEEKDAY_MISMATCH = "weekday_mismatch"          # a relative day and its weekday disagree
FLAG_IMPOSSIBLE_DATE = "impossible_date"            # e.g. 30 شباط 2025
FLAG_HIJRI_MISMATCH = "hijri_gregorian_mismatch"    # «الموافق» pair that does not agree
FLAG_HIJRI_OUT_OF_RANGE = "hijri_out_of_range"      # no such Hijri month (year 0, beyond the calendar)
FLAG_HIJRI_TABULAR = "hijri_tabular"                # outside the Umm al-Qura table: tabular calendar, ±1-2 days
FLAG_MONTH_PAIR_MISMATCH = "month_pair_mismatch"    # «أكتوبر/ تشرين الثاني»
FLAG_TENSE_DECIDED = "tense_decided"                # year/week chosen by the clause's tense
FLAG_DEFAULT_PAST = "default_past"                  # no tense cue: past by default (news narration)
FLAG_NEAR_ANCHOR = "near_anchor"                    # a day-month within a month of the anchor: that one
FLAG_YEAR_FROM_WEEKDAY = "year_from_weekday"      # a day-month with a weekday: the year they agree in
FLAG_HIJRI_FROM_WEEKDAY = "hijri_from_weekday"    # «الخميس 28 الجاري»: the Hijri month's day, the one on that weekday
FLAG_CLOCK_AMPM_GUESSED = "clock_ampm_guessed"      # «الساعة الثالثة» with no period: 1-6 taken for the afternoon
FLAG_NAMED_EVENT = "named_event"                    # «حرب أكتوبر»: the date of a named event of history
FLAG_YEAR_SAID_BEFORE = "year_said_before"          # «في ديسمبر من العام نفسه»: the year of a date said before
FLAG_NARRATIVE = "narrative"                        # «في اليوم التالي», «حينها»: dated from the date said before
FLAG_YEAR_FROM_PAIR = "year_from_pair"              # a day-month without its year beside a dated partner
                                                    # («الموافق», «غداً الاثنين 18 شوال»): the year nearest it
FLAG_DAILY = "daily"                                # a clock time of a daily schedule: an hour of no one day («T17:00»)
FLAG_HIJRI_BY_ANCHOR = "hijri_by_anchor"            # «عام 1433» with no era mark, in a paper of 1436 AH: a Hijri year
FLAG_LISTED = "listed_day"                          # «في 14 و17 أغسطس»: a day dated by the day-month listed after it
FLAG_YEARS_LISTED = "years_listed"                  # «عامي 2000 و2007»: two years listed, not the span between
FLAG_CENTURY_GUESSED = "century_guessed"            # «عام 86»: a two-digit year, the latest so ending (1986)
FLAG_WEEKDAY_SAID = "weekday_said_before"           # «غدا الأحد … ومباراة الأحد»: a bare weekday, the day it named before


class Partial:
    """What an expression says, before any date arithmetic.  ``None`` means "not said".

    kind: 'date', 'duration', 'vague', 'set', 'holiday' or 'range'.  Built once per match, so it is a
    light value object: class-level defaults, only the said fields stored, equality by value.
    """
    year: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None
    weekday: Optional[int] = None            # 0 = Monday ... 6 = Sunday (datetime's convention)
    calendar: str = "gregorian"
    rel_day: Optional[int] = None            # اليوم 0, أمس -1, غدا +1 ...
    year_shift: Optional[int] = None         # «من العام الماضي» -1: the year relative to the anchor's
    explicit_year: bool = False              # the text wrote a year
    era: Optional[str] = None                # the era mark written after it: 'CE' (م), 'BC' (قبل الميلاد)
    period: Optional[str] = None             # grain of a deictic period: 'week', 'month', 'year', 'quarter'
    period_shift: Optional[int] = None       # الشهر الماضي -> period 'month', shift -1
    direction: Optional[int] = None          # -1 past, 0 current, +1 future (named month, weekday, season)
    part: Optional[str] = None               # START / MID / END
    quarter: Optional[int] = None
    half: Optional[int] = None
    season: Optional[str] = None             # SP SU FA WI
    offset: Optional[tuple] = None           # (signed count, grain): a shift from the anchor
    offset_more: tuple = ()                  # compound offsets («منذ عام وثلاثة أشهر»): the finer
                                             # (signed count, grain) parts added to ``offset``
    amount: Optional[float] = None           # durations: the count ('X' when vague: «بضعة»)
    unit: Optional[str] = None               # durations: the grain of the unit
    mod: Optional[str] = None                # LESS_THAN, MORE_THAN, EQUAL_OR_LESS, EQUAL_OR_MORE, APPROX
    vague: Optional[str] = None              # PAST_REF / PRESENT_REF / FUTURE_REF
    set_value: Optional[str] = None          # SET values: P1D, XXXX-WXX-5
    holiday: Optional[str] = None
    time_of_day: Optional[str] = None        # MO MI AF EV NI
    end: Optional["Partial"] = None          # ranges: the second end point
    decade: Optional[int] = None             # «السبعينات» 7: the tens digit within a century
    century: Optional[int] = None            # «القرن العشرين» 20 (ordinal), or None
    century_shift: Optional[int] = None      # «القرن الماضي» -1: the century relative to the anchor's
    decade_shift: Optional[int] = None       # «العقد الماضي» -1: the decade relative to the anchor's
    approx: Optional[tuple] = None           # a vague stretch (sign, grain, near, far) in units of grain:
                                             # «منذ أيام» (-1, 'day', 2, 10), «الأيام المقبلة» (+1, 'day', 0, 10)
    nth_weekday: Optional[tuple] = None      # «ثالث جمعة من رمضان» (3, 4): the n-th weekday (0 = Monday)
                                             # of the month or year said; n = -1 for the last
    week_of_month: Optional[int] = None      # «الأسبوع الأول من نوفمبر» 1 ... 4, -1 for «الأخير»
    nth_day: Optional[int] = None            # «ثالث أيام عيد الفطر» 3, «آخر يوم من شهر رمضان» -1: that day of
                                             # the holiday, month or year said
    clock: Optional[tuple] = None            # a clock time (hour 0-24 as written, minutes, seconds, minutes
                                             # added by a fraction: «إلا ربع» -15)
    clock_period: Optional[str] = None       # am / pm / noon / night («صباحاً», «عصراً», «ظهراً», «ليلاً»)
    gregorian_year: Optional[int] = None     # a Hijri month or holiday with a Gregorian year («رمضان 2019»,
                                             # «عيد الفطر 2013»): the occurrence in that year
    academic: bool = False                   # «العام الدراسي 1435/1436هـ»: the school year over two Hijri
                                             # years (September to June), not the two years
    this_day: bool = False                   # «في مثل هذا اليوم من عام 1954»: the anchor's day and month in the
                                             # year said, or the year ``year_shift`` counts
    this_month: bool = False                 # «في مثل هذا الشهر من العام الماضي»: the anchor's month in that year
    soon: bool = False                       # «قبيل عيد الفطر»: the days before a holiday (the coming one
                                             # unless the clause is past)
    school: Optional[str] = None             # «العام الدراسي المقبل» 'next', «الجديد» 'new', «الحالي» 'current',
                                             # «الماضي» 'last': a school year said from the anchor's
    new_year: bool = False                   # «العام الجديد»: the year to come when said in its last quarter
                                             # (from October, or from Shawwal for a Hijri one), else the anchor's
    ordinal_day: bool = False                # «الثلاثاء الأول من أكتوبر»: the day said by an ordinal after a
                                             # weekday; when the weekday is not that day's, the n-th weekday
    flags: tuple = ()

    __FIELDS = None

    def __init__(self, kind: str, **said):
        fields = Partial.__FIELDS
        if fields is None:
            fields = Partial.__FIELDS = frozenset(Partial.__annotations__)
        if not fields.issuperset(said):
            raise TypeError(f"Partial has no field(s) {sorted(set(said) - fields)}")
        self.kind = kind
        self.__dict__.update(said)

    def replace(self, **changes) -> "Partial":
        """A copy with some fields changed."""
        new = Partial.__new__(Partial)
        new.__dict__.update(self.__dict__, **changes)
        return new

    def __eq__(self, other):
        return isinstance(other, Partial) and self.__dict__ == other.__dict__

    def __hash__(self):
        return hash(tuple(sorted((k, repr(v)) for k, v in self.__dict__.items())))

    def __repr__(self):
        return "Partial(" + ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items()) + ")"


class Timex(NamedTuple):
    """One temporal expression found in a text, resolved against an explicit anchor.

    ``text == original[start:end]`` always holds.  ``first_day``/``last_day`` are the inclusive
    interval the expression covers (narrowed by START/MID/END), ``None`` when it covers no fixed span.
    ``status`` is 'resolved', 'flagged' (resolved, but something disagreed) or 'unresolved' (found, no
    date could be given; ``reason`` says why).
    """
    text: str
    start: int
    end: int
    type: str                                # DATE, DURATION, TIME, SET
    value: Optional[str]
    mod: Optional[str] = None
    first_day: Optional[_dt.date] = None
    last_day: Optional[_dt.date] = None
    grain: Optional[str] = None
    calendar: str = "gregorian"
    rule: str = ""
    flags: tuple = ()
    status: str = "resolved"
    reason: Optional[str] = None
    tense: Optional[str] = None
    anchored_to: Optional[str] = None        # flag «narrative»: the expression it was dated from,
                                             # «النص» @offset (value)

    @property
    def why(self) -> str:
        """A one-line explanation: the rule that matched, any flags, and the expression a narrative
        one was dated from."""
        parts = [f"rule={self.rule}"]
        if self.tense:
            parts.append(f"tense={self.tense}")
        if self.flags:
            parts.append("flags=" + ",".join(self.flags))
        if self.anchored_to:
            parts.append(f"anchored_to={self.anchored_to}")
        if self.reason:
            parts.append(f"reason={self.reason}")
        return " ".join(parts)

    def as_dict(self) -> dict:
        return {
            "text": self.text, "start": self.start, "end": self.end, "type": self.type,
            "value": self.value, "mod": self.mod,
            "first_day": self.first_day.isoformat() if self.first_day else None,
            "last_day": self.last_day.isoformat() if self.last_day else None,
            "grain": self.grain, "calendar": self.calendar, "rule": self.rule,
            "flags": list(self.flags), "status": self.status, "reason": self.reason, "tense": self.tense,
        }

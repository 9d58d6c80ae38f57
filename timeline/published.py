"""Publication dates: what a record's ``published`` field says, read without any clock.

ISO dates or datetimes (Arabic-Indic digits accepted), or dates written with a month name
(:func:`parse_published`).  A Hijri date (``1447/04/23هـ``, ``23/04/1447 هـ``, ``23 ربيع الآخر
1447هـ``) is converted with the Umm al-Qura table of :mod:`resolvers.hijri` (built from ``hijridate``),
with a note giving the Gregorian day.  So is an ISO-looking numeric date whose year lies in the
table's range, 1343-1500, with no Hijri mark (``1447-04-23``): no news article dates from those
Gregorian years.  A date that says it is Hijri is never read as a Gregorian date.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_HIJRI_YEARS = (1343, 1500)             # the Umm al-Qura table of resolvers/hijri.py
_MARK = r"(?:هـ|ه|هجرية|هجري|للهجرة|A\.?\s?H\.?)"
_YMD = re.compile(r"(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})")
_YMD_REST = re.compile(rf"\s*(?P<mark>{_MARK})?\s*(?:[T ]\d{{1,2}}:\d{{2}}(?::\d{{2}}(?:[.,]\d+)?)?"
                       r"\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?", re.IGNORECASE)
_DMY_MARKED = re.compile(rf"(\d{{1,2}})\s*([-/.])\s*(\d{{1,2}})\s*\2\s*(\d{{4}})\s*{_MARK}", re.IGNORECASE)
_HAS_HIJRI_MARK = re.compile(r"هـ|(?<![^\W\d_])ه(?![^\W\d_])|هجري|للهجرة|\bA\.?\s?H\b")


def parse_published(value) -> Optional[dt.date]:
    """An ISO date or datetime (string, ``date``, ``datetime`` or pandas ``Timestamp``) -> its date.
    ``None`` for empty values; ``ValueError`` for anything unparseable.  A datetime keeps the calendar
    date it was written with (no time-zone conversion).  Arabic-Indic digits are accepted.  Hijri
    dates are converted (see :func:`read_published`, which also says when that happened)."""
    return read_published(value)[0]


def read_published(value) -> tuple[Optional[dt.date], Optional[str]]:
    """:func:`parse_published`, and a note when the date was read as a Hijri date (Umm al-Qura):
    one with a Hijri mark or month name, or a numeric date whose year is one of 1343-1500 AH, which
    no Gregorian news date has.  A Hijri date that cannot be converted raises ``ValueError``; it is
    never read as a Gregorian date."""
    if value is None or (isinstance(value, float) and value != value):
        return None, None
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        raise ValueError("unparseable publication date: a number far too large to be a date")
    day = None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif hasattr(value, "to_pydatetime"):          # pandas / numpy timestamps
        try:
            day = value.to_pydatetime().date()
        except (ValueError, AttributeError, OverflowError):   # NaT
            return None, None
    if day is not None:
        return _credible(day, day.isoformat())
    s = str(value).strip().translate(_ARABIC_DIGITS)
    if not s:
        return None, None
    try:                                            # the common case first: an ISO date
        day = dt.date.fromisoformat(s)
    except ValueError:
        pass
    else:
        if not _HIJRI_YEARS[0] <= day.year <= _HIJRI_YEARS[1]:
            return day, None
    shown = str(value).strip()
    if len(shown) > 40:
        shown = shown[:40] + "…"
    m = _YMD.match(s)
    if m:
        rest = _YMD_REST.fullmatch(s, m.end())
        y = int(m.group(1))
        if rest and (rest.group("mark") or _HIJRI_YEARS[0] <= y <= _HIJRI_YEARS[1]):
            return _from_hijri(y, int(m.group(3)), int(m.group(4)), shown, bool(rest.group("mark")))
    m = _DMY_MARKED.fullmatch(s)
    if m:
        return _from_hijri(int(m.group(4)), int(m.group(3)), int(m.group(1)), shown, True)
    try:
        return _credible(dt.date.fromisoformat(s), shown)
    except ValueError:
        pass
    s2 = s[:-1] + "+00:00" if s.endswith(("Z", "z")) else s
    try:
        return _credible(dt.datetime.fromisoformat(s2.replace(" ", "T", 1) if "T" not in s2 else s2).date(), shown)
    except ValueError:
        pass
    named = _named_month_date(s, shown)
    if named is not None:
        return named
    raise ValueError(f"unparseable publication date {shown!r} (expected an ISO date such as 2025-10-14)")


def _credible(day: dt.date, shown: str) -> tuple[dt.date, Optional[str]]:
    """A Gregorian date as read, unless its year is one of the Umm al-Qura table's: then it is the
    Hijri date written with the same numbers."""
    if _HIJRI_YEARS[0] <= day.year <= _HIJRI_YEARS[1]:
        return _from_hijri(day.year, day.month, day.day, shown, False)
    return day, None


def _from_hijri(y: int, m: int, d: int, shown: str, marked: bool) -> tuple[dt.date, str]:
    from resolvers import hijri
    refused = f"Hijri publication date {shown!r} not read: "
    if not hijri.in_range(y):
        raise ValueError(refused + f"the year {y} is outside the Umm al-Qura table "
                                   f"({_HIJRI_YEARS[0]}-{_HIJRI_YEARS[1]} AH)")
    if not 1 <= m <= 12:
        raise ValueError(refused + f"there is no Hijri month {m}")
    day = hijri.to_gregorian(y, m, d)
    if day is None:
        raise ValueError(refused + f"Hijri month {m} of {y} has {hijri.month_length(y, m)} days, not {d}")
    return day, _hijri_note(shown, (y, m, d), day, marked)


def _hijri_note(shown: str, ymd: tuple, day: dt.date, marked: bool) -> str:
    why = "" if marked else f", since no news article dates from the Gregorian year {ymd[0]}"
    return (f"publication date {shown!r} read as a Hijri date{why}: {ymd[0]:04d}-{ymd[1]:02d}-{ymd[2]:02d} AH "
            f"is {day.isoformat()} (Umm al-Qura calendar)")


_DATEPARSER_SETTINGS = {
    # absolute dates only, all three parts required: nothing is filled in from a clock
    "PARSERS": ["absolute-time"], "REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True,
    "DATE_ORDER": "DMY", "RELATIVE_BASE": dt.datetime(2000, 1, 1), "RETURN_AS_TIMEZONE_AWARE": False,
}


def _named_month_date(s: str, shown: str) -> Optional[tuple[dt.date, Optional[str]]]:
    """A publication date written with a month name, as feeds and archives often have them:
    «15 أكتوبر 2025», «الأربعاء 15 تشرين الأول 2025», «23 ربيع الآخر 1447هـ», «Wed, 15 Oct 2025
    08:00:00 +0300», «October 15, 2025».  Arabic goes through our own resolver (all month families,
    Hijri months included); the rest through dateparser, which knows many languages' month names and
    the RFC 2822 layout of feeds.  A date marked as Hijri never goes to dateparser.
    Numeric-only forms other than ISO are refused: «12/10/2025» is ambiguous."""
    if not any(ch.isalpha() for ch in s):
        return None
    from resolvers import tag                       # every Arabic month family, weekday checked
    days = [t for t in tag(s, None) if t.grain == "day" and t.value and t.first_day is not None]
    greg = [t for t in days if t.calendar == "gregorian"]
    hijri_days = [t for t in days if t.calendar == "hijri"]

    def covers(ts) -> bool:
        return sum(len(t.text) for t in ts) >= len(s.strip()) * 0.6
    if len(greg) == 1 and (covers(greg) or len(hijri_days) == 1 and covers(greg + hijri_days)):
        return _gregorian_year_checked(greg[0].first_day, shown)
    if len(hijri_days) == 1 and not greg and covers(hijri_days):
        from resolvers import hijri
        day = hijri_days[0].first_day
        return day, _hijri_note(shown, hijri.from_gregorian(day), day, True)
    if _HAS_HIJRI_MARK.search(s):
        raise ValueError(f"Hijri publication date {shown!r} not read: the Hijri dates read are Y/M/D or D/M/Y "
                         f"with a Hijri mark, or a day, a Hijri month name and a year (1447/04/23هـ, "
                         f"23 ربيع الآخر 1447هـ)")
    import dateparser
    try:
        parsed = dateparser.parse(s, languages=["ar", "en", "fr"], settings=_DATEPARSER_SETTINGS)
    except (ValueError, OverflowError, TypeError):
        return None
    return _gregorian_year_checked(parsed.date(), shown) if parsed is not None else None


def _gregorian_year_checked(day: dt.date, shown: str) -> tuple[dt.date, None]:
    if _HIJRI_YEARS[0] <= day.year <= _HIJRI_YEARS[1]:
        raise ValueError(f"unparseable publication date {shown!r}: no news article dates from the Gregorian "
                         f"year {day.year}, and this is no Hijri date either")
    return day, None

"""Calendar dates: numeric dates, ranges, day-month(-year), month-year, month + direction, years."""
from ..grammar import rule
from ..types import Partial, FLAG_MONTH_PAIR_MISMATCH, FLAG_LISTED, FLAG_YEARS_LISTED
from ._shared import (FISCAL, PART, DAY_MONTH, NUMERIC_PREFIX, MONTH_PAIR, WEEKDAY_PREFIX, DAY, YEAR_TAIL, YEAR_REF, YEAR_KW, ERA, HIJRI_MARK, NOT_COUNT, NOT_COUNT_NOUN,
                      HYEAR_SAID, alt_month, day_of, pod_of, era_of, year_ref_shift, year_ref_flags)


def _pair_flags(s):
    alt = alt_month(s)
    if alt is not None and (alt.month != s.month.month or alt.calendar != s.month.calendar):
        return (FLAG_MONTH_PAIR_MISMATCH,) + year_ref_flags(s)
    return year_ref_flags(s)


def _month_context_ok(s):
    """An ambiguous month name (آب، مارس، رجب، رمضان…) needs something that makes it a date; the same
    name said twice («بالتعادل السلبي صفر-صفر», a score) is no pair of names."""
    alt = alt_month(s)
    if alt is not None and alt.norm == s.month.norm:
        alt = None
    return not s.month.ambiguous or any(x is not None for x in (
        s.part, s.shahr, alt, s.day, s.dayw, s.year, s.dir, s.ydir, s.ydem, s.ysame))


# «في شهر نوفمبر من كل عام», «يوم 25 يناير من كل عام», «يوم الإثنين من كل أسبوع», «بنهاية شهر يونيو من
# كل عام»: a month, a day-month or a weekday said of every year (week) is a SET (XXXX-11, XXXX-01-25,
# XXXX-WXX-1; a part its mod), «من كل عام» inside it; a Hijri month of every year has no Gregorian SET
# (left to the rules after)
_EVERY_YEAR = " من كل (?:عام|سنة)(?: ميلادي(?:ة)?)?"


@rule("day_month_every_year", "(?:يوم )?" + DAY + DAY_MONTH + MONTH_PAIR + _EVERY_YEAR,
      ["يوم 25 يناير من كل عام", "الأول من يوليو من كل سنة", "15 سبتمبر من كل عام ميلادي"])
def day_month_every_year(s):
    if s.month.calendar != "gregorian" or day_of(s) is None:
        return None
    return Partial("set", set_value=f"XXXX-{s.month.month:02d}-{day_of(s):02d}", flags=_pair_flags(s))


# «كل يوليو (تموز)», «في كل شهر رمضان»: every such month
@rule("month_every", "كل (?:{shahr:=شهر} )?" + MONTH_PAIR + "(?! من كل)", ["كل يوليو (تموز)", "كل شهر مارس", "كل ديسمبر"])
def month_every(s):
    if s.month.calendar != "gregorian" or _first_day(s) or not _month_context_ok(s):
        return None                      # («كل أب، وأم»: every father; an ambiguous name needs more)
    return Partial("set", set_value=f"XXXX-{s.month.month:02d}", flags=_pair_flags(s))


@rule("month_every_year", PART + "(?:{shahr:=شهر} )?" + MONTH_PAIR + _EVERY_YEAR,
      ["شهر نوفمبر من كل عام", "نهاية شهر يونيو من كل عام", "مارس من كل عام ميلادي", "سبتمبر (أيلول) من كل سنة"])
def month_every_year(s):
    if s.month.calendar != "gregorian" or _first_day(s):
        return None
    return Partial("set", set_value=f"XXXX-{s.month.month:02d}", part=s.part.mod if s.part else None,
                   flags=_pair_flags(s))


@rule("weekday_every_week", "(?:يوم )?{wd:WEEKDAY} من كل (?:أسبوع|اسبوع)",
      ["يوم الإثنين من كل أسبوع", "السبت من كل أسبوع", "الجمعة من كل أسبوع"])
def weekday_every_week(s):
    return Partial("set", set_value=f"XXXX-WXX-{s.wd.weekday + 1}")


@rule("numeric_dmy", NUMERIC_PREFIX + "{day:DAY}_(?P<sep>[/.-])_{m:MNUM}_(?P=sep)_{year:YEAR}(?:_م(?!\\w))?",
      ["20/10/2025", "20-10-2025", "٢٠/١٠/٢٠٢٥", "5.3.2024", "30/7/2015م", "20 / 8 / 2015م",
       "الاثنين 20/10/2025"])
def numeric_dmy(s):
    return Partial("date", time_of_day=pod_of(s), year=s.year, month=s.m, day=s.day, explicit_year=True,
                   weekday=s.wd.weekday if s.wd else None)


# «3/11/17», «5-3-16»: a two-digit year; with «هـ» the Hijri year of the 15th century («7/11/36هـ»),
# else 2000-2030 (a bare «7/11/36» in the Saudi press is as often Hijri: left alone); never a time or a
# count («1/15/52 دقيقة»), nor the tail of a longer number («0537-21-10-19», a phone number)
@rule("numeric_dmy_yy", NUMERIC_PREFIX + "(?<![0-9][/.\\-])(?<![0-9]\\s[/.\\-]\\s){day:DAY}_(?P<sep4>[/.-])_{m:MNUM}_(?P=sep4)_(?=[0-9]{2}(?![0-9])){yy:YEARN}"
      "(?!_?[/.:,-]_?[0-9])(?! {:UNIT}(?!\\w))(?:_(?:{hmark:=هـ}|{hmark2:=ه})(?!\\w)|_م(?!\\w))?",
      ["3/11/17", "5-3-16", "7/11/36هـ", "الأحد 5.3.16"])
def numeric_dmy_yy(s):
    yy = int(s.yy)
    if s.hmark is not None or s.hmark2 is not None:
        return Partial("date", time_of_day=pod_of(s), year=1400 + yy, month=s.m, day=s.day, calendar="hijri",
                       explicit_year=True, weekday=s.wd.weekday if s.wd else None)
    if yy > 30:
        return None
    return Partial("date", time_of_day=pod_of(s), year=2000 + yy, month=s.m, day=s.day, explicit_year=True,
                   weekday=s.wd.weekday if s.wd else None)


def _after(*words) -> str:
    """A look-behind: one of ``words`` (folded) and a space just before the match."""
    return "(?:" + "|".join(f"(?<={w}\\x20)" for w in words) + ")"


# «منذ 11/2014», «في 2/2013», «حتى 12/2015»: a month and year written with a slash, after a preposition
# (alone, «القرار 10/2013» is a number of a decision); a day and month with no year: numeric_dm
_NUM_LEFT = _after("في", "منذ", "حتى", "خلال", "بتاريخ", "من", "الى", "قبل", "بعد", "مطلع", "نهاية")


@rule("numeric_my", _NUM_LEFT + "{m:MNUM}_/_{year:YEAR}(?!_[/.-]_?[0-9])(?:_م(?!\\w))?",
      ["منذ [11/2014]", "في [2/2013]", "حتى [12/2015م]"])
def numeric_my(s):
    return Partial("date", year=s.year, month=s.m, explicit_year=True)


# «يوم الأربعاء 20/10»: a day and month with no year are left alone (Hijri or Gregorian, see above),
# unless a weekday is written with them: then the one day near the anchor, of either calendar, that
# falls on it (20 Shawwal 1436 was a Wednesday, 20 October 2015 a Tuesday)
@rule("weekday_numeric_dm", "(?:(?:{wpod:POD} )?(?:يوم )?{wd:WEEKDAY}_[،,(]?_(?:الموافق )?)(?:يوم )?"
      "{day:DAY}_/_{m:MNUM}(?!_?[/.-]_?[0-9])(?!_(?:هـ|ه|م)(?!\\w))",
      ["يوم الأربعاء 20/10", "الخميس 6/8", "يوم الاثنين (10/8"])
def weekday_numeric_dm(s):
    return Partial("date", time_of_day=pod_of(s), month=s.m, day=s.day, calendar="either", weekday=s.wd.weekday)


# «في 7/9», «يوم 27/12», «قبل 30/12»: a day and month with no year and no weekday, after a word that
# dates (a number of a law, a score or a fraction has none: «المادة 7/9», «فاز 3/1»; nor one followed by
# a noun or «من» and a noun, a fraction: «في 3/4 الحالات», «في 3/1 من مبارياته»): the one day of
# either calendar near the anchor (resolve._day_by_weekday), unresolved where both or neither are
@rule("numeric_dm", _after("في", "يوم", "بتاريخ", "منذ", "حتى", "قبل", "بعد", "الى", "مطلع", "نهاية") + "(?<![0-9][/.\\-]\\x20)"
      "{day:DAY}_/_{m:MNUM}(?!_?[/.:,-]_?[0-9])(?!_(?:هـ|ه|م)(?!\\w))(?!_%)(?! (?:{:UNIT}|{:COUNTED})(?!\\w))(?! من )(?! ال)",
      ["في [7/9]", "يوم [27/12]", "قبل [30/12]"])
def numeric_dm(s):
    return Partial("date", month=s.m, day=s.day, calendar="either")


@rule("numeric_ymd", "{year:YEAR}_(?P<sep2>[/.-])_{m:MNUM}_(?P=sep2)_{day:DAY}(?:_م(?!\\w))?",
      ["2025/10/20", "2025-10-20", "2015/7/30م"])
def numeric_ymd(s):
    return Partial("date", year=s.year, month=s.m, day=s.day, explicit_year=True)


# («من الأحد 2 إلى الخميس 6 أبريل»: each day with its weekday, both or neither; «من 26 تموز الجاري حتى 5 آب
# المقبل»: each with its own direction;
# «من 23 وحتى 26 أكتوبر», «من الثالث والعشرين وحتى السادس والعشرين من شهر أكتوبر»: «وحتى», days in words;
# two days in words joined by «و» are two days, «الأول والثاني من سبتمبر», as before; so are two days in
# digits joined by «و» that are not next to each other, unless after «بين»)
@rule("range_days",
      "(?:(?<={btw:=بين}\\x20))?(?:(?:يوم )?(?P<rwd>{:WEEKDAY}) )?(?:{d1:DAY}(?: (?:من )?{m1:MONTH}(?: {dir1:DIR})?)?_(?:الى|وحتى|حتى|-|{andc:=و})_|{d1w:ORDINAL}(?: (?:من )?{m1:MONTH}(?: {dir1:DIR})?)?_(?:الى|وحتى|حتى)_)"
      "(?(rwd)(?:يوم )?{:WEEKDAY} )(?:{day:DAY}|{dayw:ORDINAL})" + DAY_MONTH + MONTH_PAIR
      + "(?:(?:_[،,])? {dir:DIR}|" + YEAR_TAIL + "|" + YEAR_REF + "|_(?:من )?(?:عام |العام )?" + HYEAR_SAID + HIJRI_MARK + "?)?",
      ["20 إلى 22 أكتوبر", "بين 10 و15 نوفمبر المقبل", "28 و29 يوليو", "28 فبراير إلى 3 مارس 2024",
       "15 شوال إلى 25 من شهر ذي القعدة 1436هـ", "23 وحتى 26 أكتوبر", "الثالث والعشرين وحتى السادس والعشرين من شهر أكتوبر", "التاسع حتى الثاني عشر من يوليو",
       "الأحد 2 إلى الخميس 6 أبريل", "26 تموز الجاري حتى 5 آب المقبل"],
      left="من|بين", ahead=("btw",))
def range_days(s):
    m1 = s.m1 or s.month
    d1 = s.d1 if s.d1 is not None else s.d1w.day
    day = s.day if s.day is not None else s.dayw.day
    if m1.calendar != s.month.calendar or (s.hyear is not None and s.month.calendar != "hijri"):
        return None
    if s.andc is not None and s.btw is None and not (m1 is s.month and day == d1 + 1):
        return None                     # «في 14 و17 أغسطس», «25 يناير و30 يونيو»: two days, not the days between
                                        # («بين 10 و15 أغسطس» is; «يومي 28 و29 يوليو» is both days)
    year = s.hyear if s.hyear is not None else s.year
    end = Partial("date", year=year, month=s.month.month, day=day, calendar=s.month.calendar,
                  direction=s.dir.direction if s.dir else None, year_shift=year_ref_shift(s),
                  explicit_year=year is not None, era=era_of(s))
    # («28 ديسمبر إلى 3 يناير 2025», «من 30 ذي الحجة وحتى الأول من صفر 1437ه»: the year written once is the
    # end's; a start month after the end's is of the year before)
    y1 = year - 1 if year is not None and m1.month > s.month.month else year
    # («من 26 تموز الجاري حتى 5 آب المقبل»: each day with its own direction)
    first_dir = s.dir1.direction if s.dir1 is not None else end.direction
    return Partial("range", year=y1, month=m1.month, day=d1, calendar=m1.calendar,
                   direction=first_dir, year_shift=end.year_shift, end=end, flags=_pair_flags(s),
                   explicit_year=year is not None)


# «في 14 و17 أغسطس», «يومي 8 و14 آذار»: two days of one month, the first written without it (a list: not
# the days between, range_days); the first takes the second's month and year (Engine._link_listed)
@rule("day_listed", "{d1:DAY}(?=_و_[0-9]{1,2} (?:من )?(?:شهر )?{:MONTH})", ["في [14] و17 أغسطس", "يومي [8] و14 آذار"])
def day_listed(s):
    return Partial("date", day=s.d1, flags=(FLAG_LISTED,))


@rule("range_months",
      PART + "(?:شهر )?{m1:MONTH}(?:_\\(_{m1alt:MONTH}_\\)|_/_{m1alt:MONTH})?_(?:الى|حتى|-)_(?:شهر )?" + MONTH_PAIR
      + "(?: {dir:DIR}|" + YEAR_TAIL + "|" + YEAR_REF + ")?",
      ["يناير إلى مارس 2024", "أيار حتى تموز", "كانون الثاني (يناير) حتى حزيران (يونيو) 2015"], left="من|بين")
def range_months(s):
    if s.m1.calendar != s.month.calendar or s.m1.month == s.month.month:
        return None
    end = Partial("date", year=s.year, month=s.month.month, calendar=s.month.calendar,
                  direction=s.dir.direction if s.dir else None, year_shift=year_ref_shift(s),
                  explicit_year=s.year is not None, era=era_of(s))
    return Partial("range", year=s.year, month=s.m1.month, calendar=s.m1.calendar,
                   direction=end.direction, year_shift=end.year_shift, end=end,
                   explicit_year=s.year is not None)


def _years(first: int, last: int) -> Partial:
    return Partial("range", year=first, end=Partial("date", year=last), explicit_year=True)


# («عامي 1986 و1996» without «بين» lists two years: Engine._split_years_listed makes them two dates)
@rule("range_years", "(?:عامي|العامين|سنتي|الأعوام|السنوات|الفترة)_(?:من )?{y1:YEAR}_(?:{conj:=و}|الى|حتى|-)_{year:YEAR}",
      ["عامي 2015 و2016", "الفترة 2010-2015", "بين عامي 2015 و2018"], left="بين|من")
def range_years_kw(s):
    if s.y1 >= s.year:
        return None
    span = _years(s.y1, s.year)
    return span.replace(flags=(FLAG_YEARS_LISTED,)) if s.conj and s.year != s.y1 + 1 else span


@rule("range_years_bare", "(?:" + FISCAL + "|عام )?{y1:YEAR}_(?:الى|حتى|-)_(?:عام )?{year:YEAR}(?:_م(?!\\w))?",
      ["2015 إلى 2018", "2010-2015", "عام 2003 إلى عام 2011", "2016 - 2015م", "العام المالي 2023-2024"],
      left="من|بين")
def range_years_bare(s):
    if s.y1 == s.year + 1:               # «للموسم الرياضي 2016 - 2015م»: a season written from its end
        return _years(s.year, s.y1)
    return _years(s.y1, s.year) if s.y1 < s.year else None


# «عام 2013 / 2014», «العام المالي 2013/2014»: a fiscal, academic or sports year written over a slash
# (two years in a row only: other pairs over a slash are no year of one season)
@rule("range_years_slash", "(?:" + FISCAL + "|عام )?{y1:YEAR}_/_{year:YEAR}", ["عام 2013 / 2014", "2009/2010",
                                                                            "العام المالي 2024/2025"])
def range_years_slash(s):
    return _years(s.y1, s.year) if s.year == s.y1 + 1 else None


# «نهاية السنة المالية 2014», «خلال العام المالي 2016م», «بداية العام الدراسي 2015»: one year said after
# what kind of year it is, a part of it before (the year named by its own number: the calendar year,
# since the table does not hold each country's fiscal year)
@rule("fiscal_year", PART + FISCAL + "{year:YEAR}(?!_[/\\-–]_?[0-9])" + ERA + "?" + NOT_COUNT_NOUN,
      ["نهاية السنة المالية 2014", "العام المالي 2016م", "بداية العام الدراسي 2015", "للعام المالي 2015"])
def fiscal_year(s):
    return Partial("date", year=s.year, part=s.part.mod if s.part else None, explicit_year=True, era=era_of(s))


@rule("range_years_and", "(?:عام )?{y1:YEAR}_و_(?:عام )?{year:YEAR}" + NOT_COUNT_NOUN, ["بين 1990 و1995"],
      left="بين", left_required=True)
def range_years_and(s):
    return range_years_bare(s)


@rule("range_months_and", "(?:شهر )?{m1:MONTH}_و_(?:شهر )?" + MONTH_PAIR
      + "(?: {dir:DIR}|" + YEAR_TAIL + "|" + YEAR_REF + ")?",
      ["بين مارس ومايو 2023", "بين يوليو وسبتمبر 2025"], left="بين", left_required=True)
def range_months_and(s):
    return range_months(s)


@rule("range_full_dates",
      "{d1:DAY} (?:من )?(?:شهر )?{m1:GMONTH}_[،,]?_(?:(?:عام|سنة) )?{y1:YEAR}(?:_م(?!\\w))?_(?:الى|حتى|-)_"
      + DAY + " (?:من )?(?:شهر )?{month:GMONTH}" + YEAR_TAIL,
      ["28 ديسمبر 2025 إلى 2 يناير 2026"], left="من|بين")
def range_full_dates(s):
    end = Partial("date", year=s.year, month=s.month.month, day=day_of(s), explicit_year=True, era=era_of(s))
    return Partial("range", year=s.y1, month=s.m1.month, day=s.d1, end=end, explicit_year=True)


# Years in words (the rules ``year_words``, ``date_year_words``, ``month_year_words``)
# (spoken, the «و» after the thousands may go: «عام ألفين عشرين», «سنة ألفين خمسة وعشرين»)
_YEAR_WORDS = ("{th:THOUSANDS}(?: و_{hu:HUNDREDS})?(?: (?:و_)?(?:{un:NUMWORD}(?: و_{te:TENS})?|{te2:TENS}))?")


def _words_year(s):
    """The year of :data:`_YEAR_WORDS`, or None («ألفين وبضعة»; «ألف» alone)."""
    if s.un is not None and s.un.value is None:
        return None
    rest = (s.hu.value if s.hu else 0) + (s.un.value if s.un else 0) + (s.te.value if s.te else 0) \
        + (s.te2.value if s.te2 else 0)
    if rest == 0 and s.th.value == 1000:
        return None
    return s.th.value + rest


# ... and after a month, or a day and a month: «في العشرين من مارس سنة ألف وتسعمائة وستة وخمسين»,
# «في مارس عام ألفين وستة عشر»
_AFTER_MONTH_WORDS = ("_[،,]?_(?:من )?(?:عام|سنة|لعام) " + _YEAR_WORDS
                      + "(?! و_(?:{:HUNDREDS}|{:NUMWORD}|{:TENS}))(?:_{hmark:HERA}(?!\\w)|" + ERA + ")?" + NOT_COUNT_NOUN)


def _gregorian_words_year(s):
    """The year in words after a Gregorian month (:data:`_AFTER_MONTH_WORDS`), or None (a Hijri month
    or mark: not joined)."""
    return None if s.hmark is not None or s.month.calendar != "gregorian" else _words_year(s)


@rule("date_year_words", WEEKDAY_PREFIX + DAY + DAY_MONTH + MONTH_PAIR + _AFTER_MONTH_WORDS,
      ["العشرين من مارس سنة ألف وتسعمائة وستة وخمسين", "15 أكتوبر عام ألفين وخمسة عشر"])
def date_year_words(s):
    y = _gregorian_words_year(s)
    if y is None:
        return None
    return Partial("date", time_of_day=pod_of(s), year=y, month=s.month.month, day=day_of(s),
                   weekday=s.wd.weekday if s.wd else None, explicit_year=True, era=era_of(s),
                   flags=_pair_flags(s))


@rule("month_year_words", PART + "(?:{shahr:=شهر} )?" + MONTH_PAIR + _AFTER_MONTH_WORDS,
      ["مارس عام ألفين وستة عشر", "شهر يونيو سنة ألف وتسعمائة وسبعة وستين"])
def month_year_words(s):
    y = _gregorian_words_year(s)
    if y is None:
        return None
    return Partial("date", year=y, month=s.month.month, part=s.part.mod if s.part else None,
                   explicit_year=True, era=era_of(s), flags=_pair_flags(s))


@rule("date_full", WEEKDAY_PREFIX + DAY + DAY_MONTH + MONTH_PAIR + YEAR_TAIL,
      ["15 أكتوبر 2025", "15 أكتوبر/ تشرين الأول 2025", "الأربعاء 15 أكتوبر 2025",
       "15 أكتوبر عام 2025", "الأول من يناير 2024", "3 آب 2020م", "15 يوليو 1099", "2 أكتوبر عام 1187م"])
def date_full(s):
    if s.month.calendar != "gregorian":
        return None
    return Partial("date", time_of_day=pod_of(s), year=s.year, month=s.month.month, day=day_of(s),
                   weekday=s.wd.weekday if s.wd else None, explicit_year=True, era=era_of(s),
                   flags=_pair_flags(s))


@rule("date_dm_dir", WEEKDAY_PREFIX + DAY + DAY_MONTH + MONTH_PAIR + "(?: {dir:DIR}|" + YEAR_REF + ")",
      ["15 تشرين الأول الماضي", "الأول من نوفمبر المقبل", "20 أكتوبر من العام الماضي",
       "5 رمضان الماضي", "23 سبتمبر (أيلول) من العام نفسه", "14 أغسطس من نفس العام",
       "26 يوليو من ذلك العام"])
def date_dm_dir(s):
    return Partial("date", time_of_day=pod_of(s), month=s.month.month, day=day_of(s), calendar=s.month.calendar,
                   weekday=s.wd.weekday if s.wd else None,
                   direction=s.dir.direction if s.dir else None, year_shift=year_ref_shift(s),
                   ordinal_day=_ordinal_day(s), flags=_pair_flags(s))


# A day said as a cardinal in words, as speech and some columns say it: «في واحد وعشرين آذار», «خمسة
# عشر مايو المقبل», «عشرين يونيو 2016» (a unit, maybe «و» and a ten, or a ten; 1-31)
@rule("date_cardinal_day", "(?:{cu:NUMWORD}(?: و_?{ct:TENS})?|{ct2:TENS}) (?:من )?(?:شهر )?" + MONTH_PAIR
      + "(?:(?:_[،,])? {dir:DIR}|" + YEAR_TAIL + "|" + YEAR_REF + ")?",
      ["واحد وعشرين آذار", "خمسة عشر مايو المقبل", "عشرين يونيو 2016", "ثلاثة وعشرين من شهر يوليو"])
def date_cardinal_day(s):
    if s.cu is not None and (not isinstance(s.cu.value, int) or s.cu.norm == "عشر"):
        return None                     # «بضعة أيار»; «عشر» alone ends an ordinal («للحادي عشر من سبتمبر»)
    day = (s.cu.value if s.cu else 0) + (s.ct.value if s.ct else 0) + (s.ct2.value if s.ct2 else 0)
    if not 1 <= day <= 31 or s.month.calendar != "gregorian":
        return None
    return Partial("date", year=s.year, month=s.month.month, day=day, explicit_year=s.year is not None,
                   era=era_of(s), direction=s.dir.direction if s.dir else None, year_shift=year_ref_shift(s),
                   flags=_pair_flags(s))


@rule("date_dm", WEEKDAY_PREFIX + DAY + DAY_MONTH + MONTH_PAIR,
      ["8 ديسمبر", "15 أكتوبر", "الخامس عشر من تشرين الأول", "يوم 3 أيار", "الخميس 9 يناير"])
def date_dm(s):
    return Partial("date", time_of_day=pod_of(s), month=s.month.month, day=day_of(s), calendar=s.month.calendar,
                   weekday=s.wd.weekday if s.wd else None, ordinal_day=_ordinal_day(s), flags=_pair_flags(s))


def _ordinal_day(s) -> bool:
    """«الثلاثاء الأول من أكتوبر», «الخميس الثالث من نوفمبر»: a weekday, then an ordinal of one to four
    before a Gregorian month, which may name that weekday's n-th in the month (resolve._day_month)."""
    return s.wd is not None and s.dayw is not None and s.dayw.day <= 4 and s.month.calendar == "gregorian"


def _first_day(s):
    """«أول يوليو», «غرة ذي القعدة»: the part that names the month's first day (parts.tsv: day)."""
    return s.part.day if s.part is not None and s.part.day else None


@rule("month_year", PART + "(?:{shahr:=شهر} )?" + MONTH_PAIR + YEAR_TAIL,
      ["أيار 2024", "منتصف يوليو 2023", "شهر مارس 2020", "يوليو/تموز 2025", "يوليو من العام 1776",
       "أول يناير 2016"])
def month_year(s):
    if s.month.calendar != "gregorian":
        return None
    if _first_day(s):
        return Partial("date", year=s.year, month=s.month.month, day=_first_day(s), explicit_year=True,
                       era=era_of(s), flags=_pair_flags(s))
    return Partial("date", year=s.year, month=s.month.month, part=s.part.mod if s.part else None,
                   explicit_year=True, era=era_of(s), flags=_pair_flags(s))


@rule("month_dir", PART + "(?:{shahr:=شهر} )?" + MONTH_PAIR + "(?: {dir:DIR}|" + YEAR_REF + ")",
      ["تموز الماضي", "شهر نوفمبر المقبل", "منتصف يناير/ كانون الثاني الماضي",
       "مطلع أكتوبر/ تشرين الأول الحالي", "نهاية يوليو/ تموز الفائت", "أكتوبر المقبل",
       "رمضان الماضي", "مارس من العام المقبل", "ديسمبر من العام ذاته",
       "أيلول من نفس العام"])
def month_dir(s):
    if _first_day(s):
        return Partial("date", month=s.month.month, day=_first_day(s), calendar=s.month.calendar,
                       direction=s.dir.direction if s.dir else None, year_shift=year_ref_shift(s),
                       flags=_pair_flags(s))
    return Partial("date", month=s.month.month, calendar=s.month.calendar,
                   direction=s.dir.direction if s.dir else None, year_shift=year_ref_shift(s),
                   part=s.part.mod if s.part else None, flags=_pair_flags(s))


@rule("month_bare", PART + "(?:{shahr:=شهر} )?" + MONTH_PAIR,
      ["تموز", "شهر رمضان", "أواخر أغسطس", "شوال", "يناير (كانون الثاني)"])
def month_bare(s):
    if not _month_context_ok(s):
        return None
    if _first_day(s):
        return Partial("date", month=s.month.month, day=_first_day(s), calendar=s.month.calendar,
                       flags=_pair_flags(s))
    return Partial("date", month=s.month.month, calendar=s.month.calendar,
                   part=s.part.mod if s.part else None, flags=_pair_flags(s))


# An ambiguous month name (مارس، آب، رمضان…) right after a preposition is a month: «في مارس».
@rule("month_after_preposition",
      "(?:(?<=في\\x20)|(?<=خلال\\x20)|(?<=منذ\\x20)|(?<=حتى\\x20)|(?<=قبل\\x20)|(?<=بعد\\x20))" + MONTH_PAIR + "(?! طيب)",
      ["في [مارس]", "خلال [رمضان]"])
def month_after_preposition(s):
    return Partial("date", month=s.month.month, calendar=s.month.calendar, flags=_pair_flags(s))


@rule("year", PART + YEAR_KW + ERA + "?(?!_[/.-]_[0-9])",
      ["عام 2011", "مطلع عام 2020", "العام 2024م", "عام 1187", "سنة 600 ميلادي", "عام 1258 قبل الميلاد",
       "العام 1776", "سنة 58"])
def year(s):
    return Partial("date", year=s.year, part=s.part.mod if s.part else None, explicit_year=True,
                   era=era_of(s))


# A year written in words after «عام/سنة/لعام»: «عام ألفين وستة عشر» 2016, «عام ألف وتسعمائة وسبعين» 1970,
# «سنة ألفين وعشرين» 2020, «عام ألفين» 2000; with the Hijri mark a Hijri year («عام ألف وأربعمائة وسبعة وثلاثين
# هـ»).  The thousands and at least one more part must be written, but «ألفين» alone (2000): «ألف» alone is
# as often «a thousand» («سنة ألف ليلة»); not before a counted noun («سنة ألفين وخمسمائة دولار»); not
# after «العام» («هذا العام ألفين وثلاثمائة زائر» is a count).
@rule("year_words", PART + "(?<!ال)(?:عام|سنة|لعام) " + _YEAR_WORDS
      + "(?! و_(?:{:HUNDREDS}|{:NUMWORD}|{:TENS}))(?:_{hmark:HERA}(?!\\w)|" + ERA + ")?" + NOT_COUNT_NOUN,
      ["عام ألفين وستة عشر", "عام ألف وتسعمائة وسبعين", "سنة ألفين وعشرين", "عام ألفين", "مطلع عام ألفين وخمسة",
       "عام ألف وتسعمائة وثمانية وأربعين", "سنة ألفين واثنين وعشرين", "عام ألف وأربعمائة وسبعة وثلاثين هـ"])
def year_words(s):
    y = _words_year(s)
    if y is None:
        return None
    part = s.part.mod if s.part else None
    if s.hmark is not None:
        return Partial("date", year=y, calendar="hijri", part=part, explicit_year=True)
    return Partial("date", year=y, part=part, explicit_year=True, era=era_of(s))


# A bare year: not part of a numeric date, and not a count: before a counted noun, a unit, a currency,
# a percent or a noun in the accusative («2015 شخصاً», «1800 سيارة», «2000 ريال»), or after a word of
# quantity («نحو 2000», «مبلغ 1950»: blockers.tsv, «@year_bare»), or after a word in Latin letters, a code
# or a name («الرحلة MS 2024», «Euro 2016»).  After a preposition of time («في»,
# «منذ», «بحلول»...) a word in «-ا» does not make it a count: «بحلول 2019 مدعوماً», «في 1902 كاهناً».
@rule("year_part", "{part:PART} {year:YEAR}" + ERA + "?(?!_[/.-]_[0-9])",
      ["أواخر 2024", "منتصف 2023"])
def year_part(s):
    return Partial("date", year=s.year, part=s.part.mod, explicit_year=True, era=era_of(s))


@rule("year_bare", "(?:(?:(?<=في\\x20)|(?<=منذ\\x20)|(?<=بحلول\\x20)|(?<=حتى\\x20)|(?<=قبل\\x20)|(?<=بعد\\x20)"
      "|(?<=خلال\\x20))" + "{year:YEAR}" + ERA + "?(?!_[/.-]_[0-9])" + NOT_COUNT_NOUN
      # (a group of a longer number is no year: «على الرقم 011 2015 3012»)
      + "|(?<![A-Za-z]\\x20)(?<![A-Za-z]-)(?<![A-Za-z])(?!(?<=[0-9]\\x20)[0-9]{4}\\x20[0-9]){year:YEAR}" + ERA + "?(?!_[/.-]_[0-9])" + NOT_COUNT
      # («يتراوح دخلهم بين 2000 و3000 درهم», «بين 2016 و2024 جنيهاً»: the first of two counts of one noun)
      + "(?:(?<!بين\\x20[0-9]{4})|(?!_و_?[0-9]+ (?:{:COUNTED}|{:UNIT})(?!\\w))))",
      ["2019", "2015م", "2000 قبل الميلاد"])
def year_bare(s):
    return Partial("date", year=s.year, explicit_year=True, era=era_of(s))


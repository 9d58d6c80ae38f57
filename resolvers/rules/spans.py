"""Spans a news reader meets besides days, months and years: the days of a deictic month («في 12
الجاري», «الخامس من الشهر المقبل»), decades and centuries («السبعينات», «تسعينيات القرن الماضي»,
«العقد المنصرم», «القرن العشرين») and the weeks of a month («الأسبوع الأول من نوفمبر»)."""
from ..grammar import rule
from ..types import Partial
from ._shared import (PART, MONTH_PAIR, DAY, WEEKDAY_PREFIX, YEAR_TAIL, YEAR_REF, YEAR_KW, HYEAR_SAID, HIJRI_MARK, day_of, era_of, pod_of,
                      year_ref_shift, year_ref_flags)

# «من الشهر الجاري», «من هذا الشهر», «الشهر المقبل»
# (without «الجاري/المقبل/هذا», «من الشهر» is a month said before: «في 31 من الشهر ذاته»)
_DEICTIC_MONTH = "(?:من )?(?:{dem:DEM} الشهر|الشهر {dir:DIR})"


def _month_shift(s):
    if s.dem is not None:
        return 0
    return s.dir.direction if s.dir is not None else 0


# «الربع الثاني من الشهر الجاري»: no day of it (a half is read by half_of_month)
_NOT_A_PART = "(?<!النصف\\x20)(?<!الربع\\x20)"


# (with its weekday before it, «الثلاثاء 19 الجاري», «يوم الأحد الخامس من الشهر المقبل», one expression:
# the day, checked against the weekday)
@rule("day_of_deictic_month", _NOT_A_PART + WEEKDAY_PREFIX + DAY + " " + _DEICTIC_MONTH,
      ["12 من الشهر الجاري", "الخامس من الشهر المقبل", "3 من هذا الشهر", "العشرين من الشهر الماضي",
       "15 الشهر الجاري", "الثلاثاء التاسع عشر من هذا الشهر", "يوم الأحد 5 من الشهر المقبل"])
def day_of_deictic_month(s):
    # («السبت الثاني من الشهر الجاري»: an ordinal of one to four after a weekday may name its n-th in the month)
    return Partial("date", time_of_day=pod_of(s), day=day_of(s), period="month", period_shift=_month_shift(s),
                   weekday=s.wd.weekday if s.wd else None,
                   ordinal_day=s.wd is not None and s.dayw is not None and s.dayw.day <= 4)


# «في 12 الجاري», «حتى 20 الحالي»: the day of the anchor's month («يوم الثلاثاء 19 الجاري» with its weekday)
@rule("day_current", WEEKDAY_PREFIX + "(?:يوم )?{day:DAY} {dir:DIR}", ["12 الجاري", "20 الحالي", "الثلاثاء 19 الجاري",
                                                                      "يوم الأحد، 14 الحالي"])
def day_current(s):
    if s.dir.direction != 0:
        return None                                    # «12 المقبل»: not said so in news
    return Partial("date", time_of_day=pod_of(s), day=s.day, period="month", period_shift=0, weekday=s.wd.weekday if s.wd else None)


@rule("range_days_deictic_month",
      "{d1:DAY}_(?:الى|حتى|-|و)_{day:DAY} (?:" + _DEICTIC_MONTH + "|{cur:DIR})",
      ["3 إلى 9 من الشهر الحالي", "10 و15 من الشهر المقبل", "1 - 5 الجاري"], left="من|بين")
def range_days_deictic_month(s):
    if s.cur is not None and s.cur.direction != 0:
        return None
    shift = 0 if s.cur is not None else _month_shift(s)
    end = Partial("date", day=s.day, period="month", period_shift=shift)
    return Partial("range", day=s.d1, period="month", period_shift=shift, end=end)


# «القرن العشرين», «القرن الماضي», «أواخر القرن التاسع عشر»; an ordinal below the fifteenth is a Hijri
# century as often as not in this press («القرن التاسع» after «ت840ه»), so only 15-21 are read
CENTURIES = range(15, 22)


# (with «الميلادي» after it any ordinal is a Gregorian century: «القرن السادس الميلادي» is the 500s)
@rule("century", PART + "القرن (?:{cent:ORDINAL}(?: {ad:=الميلادي}(?!\\w))?|{dir:DIR})",
      ["القرن العشرين", "القرن الماضي", "أواخر القرن التاسع عشر", "القرن الحادي والعشرين", "القرن الحالي",
       "القرن السادس الميلادي"])
def century(s):
    if s.cent is not None and s.cent.day not in CENTURIES and not (s.ad is not None and 1 <= s.cent.day <= 21):
        return None
    if s.cent is not None:
        return Partial("date", century=s.cent.day, part=s.part.mod if s.part else None)
    return Partial("date", century_shift=s.dir.direction, part=s.part.mod if s.part else None)


# «السبعينات», «تسعينيات القرن الماضي», «مطلع الثمانينيات», «عقد الستينات», «ثمانينيات القرن التاسع عشر»
# («الأربعينيات من هذا القرن»: the decade of the anchor's century)
@rule("decade", PART + "(?:عقد )?{dec:DECADE}(?: (?:من )?(?:القرن (?:{cent:ORDINAL}|{dir:DIR})|{dem:DEM} القرن))?",
      ["السبعينات", "تسعينيات القرن الماضي", "مطلع الثمانينيات", "عقد الستينات",
       "ثمانينيات القرن التاسع عشر", "منتصف التسعينيات", "الأربعينيات من هذا القرن"])
def decade(s):
    if s.cent is not None and s.cent.day not in CENTURIES:
        return None
    shift = s.dir.direction if s.dir else (0 if s.dem is not None else None)
    return Partial("date", decade=s.dec.decade, century=s.cent.day if s.cent else None,
                   century_shift=shift, part=s.part.mod if s.part else None)


# «العقد الأول من القرن الحالي» (the 2000s), «العقد الأخير من القرن الماضي» (the 1990s), «العقد الثاني من
# القرن العشرين» (the 1910s): the n-th ten years of a century, as its decades are written (200 = 2000-2009)
@rule("decade_of_century", PART + "العقد (?:{n:ORDINAL}|{last:=الأخير}) (?:من |في )?القرن (?:{cent:ORDINAL}|{dir:DIR})",
      ["العقد الأول من القرن الحالي", "العقد الأخير من القرن الماضي", "العقد الثاني من القرن العشرين",
       "مطلع العقد الثالث من القرن الحادي والعشرين"])
def decade_of_century(s):
    n = 10 if s.last else s.n.day
    if not 1 <= n <= 10 or (s.cent is not None and s.cent.day not in CENTURIES):
        return None
    return Partial("date", decade=n - 1, century=s.cent.day if s.cent else None,
                   century_shift=s.dir.direction if s.dir else None, part=s.part.mod if s.part else None)


# «العقد الماضي», «العقد المنصرم»: only the past one («العقد الحالي» is the current contract)
@rule("decade_direction", PART + "العقد {dir:DIR}", ["العقد الماضي", "العقد المنصرم", "مطلع العقد الماضي"])
def decade_direction(s):
    if s.dir.direction != -1:
        return None
    return Partial("date", decade_shift=-1, part=s.part.mod if s.part else None)


# «الأسبوع الأول من نوفمبر», «الأسبوع الأخير من الشهر المقبل», «الأسبوع الثالث من أكتوبر 2025»
_WEEK_NO = "الأسبوع (?:{wk:ORDINAL}|{wlast:=الأخير})(?: من| في)? "


@rule("week_of_month", _WEEK_NO + "(?:شهر )?" + MONTH_PAIR + "(?: {dir:DIR}|" + YEAR_TAIL + "|" + YEAR_REF + ")?",
      ["الأسبوع الأول من نوفمبر", "الأسبوع الأخير من أكتوبر الماضي", "الأسبوع الثالث من أكتوبر 2025",
       "الأسبوع الثاني من شهر مارس المقبل"])
def week_of_month(s):
    n = -1 if s.wlast else s.wk.day
    if not (n == -1 or 1 <= n <= 4) or s.month.calendar != "gregorian":
        return None
    return Partial("date", month=s.month.month, year=s.year, explicit_year=s.year is not None, era=era_of(s),
                   direction=s.dir.direction if s.dir else None, year_shift=year_ref_shift(s), week_of_month=n,
                   flags=year_ref_flags(s))


# «الأسبوع الأخير من العام», «الأسبوع الأول من العام المقبل», «الأسبوع الثاني من عام 2016»: a week of the
# year's first or last month (the first to fourth of January, the last of December)
@rule("week_of_year", _WEEK_NO + "(?:(?:العام|السنة) {ydir:DIR}|{ydem:DEM} (?:العام|السنة)|(?:عام |سنة |العام )?{year:YEAR}"
      "|{thisyear:=العام}(?! {:DIR})(?! (?:الدراسي|المالي|الهجري))|{thisyear:=السنة}(?! {:DIR}))",
      ["الأسبوع الأخير من العام", "الأسبوع الأول من العام المقبل", "الأسبوع الثاني من عام 2016", "الأسبوع الأخير من هذا العام"])
def week_of_year(s):
    n = -1 if s.wlast else s.wk.day
    if not (n == -1 or 1 <= n <= 4):
        return None
    shift = s.ydir.direction if s.ydir else (0 if (s.ydem or s.thisyear) else None)
    return Partial("date", month=12 if n == -1 else 1, year=s.year, explicit_year=s.year is not None,
                   year_shift=shift, week_of_month=n)


@rule("week_of_deictic_month", _WEEK_NO + "(?:{dem:DEM} الشهر|الشهر(?: {dir:DIR})?)",
      ["الأسبوع الأول من الشهر المقبل", "الأسبوع الأخير من الشهر الجاري", "الأسبوع الثاني من هذا الشهر"])
def week_of_deictic_month(s):
    n = -1 if s.wlast else s.wk.day
    if not (n == -1 or 1 <= n <= 4):
        return None
    return Partial("date", period="month", period_shift=_month_shift(s), week_of_month=n)


# «أول خميس من الشهر المقبل», «ثالث جمعة من رمضان», «آخر سبت من أكتوبر», «الجمعة الأخيرة من العام»: the
# n-th weekday of a month (Gregorian or Hijri, named or deictic) or of a year.  After the weekday only
# the feminine ordinals and «الأخير» are read here: «الخميس الأول من نوفمبر» is a day-month with its
# weekday (absolute.date_dm), Thursday the 1st of November when it is one, as news mostly writes it, and
# else the first Thursday of November (resolve._day_month).
_NTH = "(?:{ordpre:WDORDPRE} (?:يوم )?{wdb:WDBARE}|(?:يوم )?{wd:WEEKDAY} {ordpost:WDORDPOST}) (?:من |في |ب_?(?=(?:شهر )?{:MONTH}(?!\\w)))"


def _nth(s):
    o = s.ordpre or s.ordpost
    return (o.number, (s.wdb or s.wd).weekday)


# (one rule, one alternation after the weekday: it is tried wherever a weekday or «يوم» stands)
_NTH_MONTH = ("(?:شهر )?" + MONTH_PAIR + "(?:(?:_[،,])? {dir:DIR}|_(?:من )?(?:عام |العام )?" + HYEAR_SAID
              + HIJRI_MARK + "?|" + YEAR_TAIL + "| بعام {year:YEAR}|" + YEAR_REF + ")?")   # («ثالث ثلاثاء بأيلول بعام 2014»)
_NTH_DEICTIC = "{mdem:DEM} الشهر|الشهر {mdir:DIR}"
_NTH_YEAR = YEAR_KW + "|{yrdem:DEM} (?:العام|السنة)|(?:{yrw:=العام}|{yrw:=السنة})(?: {yrdir:DIR})?"


@rule("nth_weekday", _NTH + "(?:" + _NTH_MONTH + "|" + _NTH_DEICTIC + "|" + _NTH_YEAR + ")",
      ["أول خميس من أكتوبر", "ثالث جمعة من رمضان", "آخر سبت من أكتوبر", "الجمعة الأخيرة من شهر نوفمبر المقبل",
       "أول جمعة من رمضان 1447", "ثاني أحد من مايو 2026", "الجمعة الثانية من رمضان", "آخر يوم جمعة من شهر رمضان",
       "أول خميس من الشهر المقبل", "آخر جمعة من الشهر الجاري", "الجمعة الأخيرة من هذا الشهر",
       "ثالث أربعاء من الشهر الماضي", "الجمعة الأخيرة من العام", "أول جمعة من العام المقبل", "آخر أحد من عام 2025",
       "أول اثنين من هذا العام"])
def nth_weekday(s):
    return _nth_of(s, _nth(s))


def _nth_of(s, nth):
    """The month (named or deictic) or year an n-th weekday or day is of, with ``nth_weekday=nth``."""
    if s.month is not None:
        if s.hyear is not None and s.month.calendar != "hijri":
            return None                 # «آخر سبت من أكتوبر 1440هـ»
        if s.year is not None and s.month.calendar == "hijri":
            # «ثالث جمعة من رمضان 2015»: that Gregorian year's Ramadan
            return Partial("date", month=s.month.month, calendar="hijri", gregorian_year=s.year,
                           explicit_year=True, nth_weekday=nth)
        year = s.hyear if s.hyear is not None else s.year
        return Partial("date", month=s.month.month, calendar=s.month.calendar, year=year,
                       explicit_year=year is not None, era=era_of(s),
                       direction=s.dir.direction if s.dir else None, year_shift=year_ref_shift(s), nth_weekday=nth,
                       flags=year_ref_flags(s))
    if s.mdem is not None or s.mdir is not None:
        return Partial("date", period="month", period_shift=0 if s.mdem is not None else s.mdir.direction,
                       nth_weekday=nth)
    if s.year is not None:
        return Partial("date", year=s.year, explicit_year=True, nth_weekday=nth)
    shift = 0 if s.yrdem is not None or s.yrdir is None else s.yrdir.direction
    return Partial("date", period="year", period_shift=shift, nth_weekday=nth)


# «ثالث أيام عيد الفطر», «أول أيام رمضان المقبل», «ثاني يوم من شهر أكتوبر», «آخر يوم من العام», «اليوم الأخير
# من شهر عشرة سنة 2015», «آخر أيام شهر رمضان»: that day of the holiday, month or year (as «ثالث جمعة من»);
# the last day of a holiday is not read («آخر أيام العيد»: three days or four)
_NTH_DAY = ("(?:{ordpre:WDORDPRE} (?:أيام|يوم) (?:من |في |ب_?)?|اليوم {ordpost:WDORDPOST} (?:من |في |ب_?))")


# («أول يوم من شهر يوليو من كل سنة» is left to the set of every year)
@rule("nth_day", _NTH_DAY + "(?:{hol:HOLIDAY}(?: {hdir:DIR}| (?:عام |لعام )?{hgy:YEAR})?|" + _NTH_MONTH + "|" + _NTH_DEICTIC + "|" + _NTH_YEAR + ")"
      "(?! من كل )",
      ["ثالث أيام عيد الفطر", "أول أيام رمضان المقبل", "ثاني يوم من شهر أكتوبر", "آخر يوم من العام",
       "اليوم الأخير من شهر ديسمبر 2015", "آخر أيام شهر رمضان", "أول يوم في الشهر المقبل", "آخر يوم بشهر ديسمبر"])
def nth_day(s):
    o = s.ordpre or s.ordpost
    n = o.number
    if s.hol is not None:
        h = s.hol
        if n < 1:
            return None
        if s.hgy is not None:          # «ثاني أيام عيد الأضحى 2024»: that Gregorian year's
            if h.calendar == "hijri":
                return Partial("holiday", month=h.month, day=h.day, calendar="hijri", holiday=h.form,
                               gregorian_year=s.hgy, explicit_year=True, nth_day=n)
            return Partial("holiday", year=s.hgy, month=h.month, day=h.day, calendar=h.calendar, holiday=h.form,
                           explicit_year=True, nth_day=n)
        return Partial("holiday", month=h.month, day=h.day, calendar=h.calendar, holiday=h.form,
                       direction=s.hdir.direction if s.hdir else None, nth_day=n)
    base = _nth_of(s, None)
    if base is None:
        return None
    return base.replace(nth_weekday=None, nth_day=n)


# «النصف الثاني من الشهر الجاري», «النصف الأول من يناير المقبل», «النصف الأخير من شهر مارس 2025», «النصف
# الثاني من رمضان»: a half of a month is days 1-15 or 16 to its end (read before «الثاني من الشهر
# الجاري», the 2nd of the month); a quarter of a month is no period news counts in
@rule("half_of_month", "{pord:PORD} (?:من|في) (?:" + _NTH_MONTH + "|" + _NTH_DEICTIC + "|{bare:=الشهر}(?! {:SAME}))",
      ["النصف الأول من نوفمبر", "النصف الثاني من أكتوبر الماضي", "النصف الأخير من شهر مارس 2025",
       "النصف الثاني من يناير المقبل", "النصف الثاني من الشهر الجاري", "النصف الأول من الشهر المقبل",
       "النصف الثاني من هذا الشهر", "النصف الأول من الشهر", "النصف الثاني من رمضان"])
def half_of_month(s):
    if s.pord.grain != "half":
        return None
    if s.bare is not None:
        return Partial("date", period="month", period_shift=0, half=s.pord.number)
    base = _nth_of(s, None)
    return None if base is None else base.replace(half=s.pord.number)


# «بين الثلاثاء والخميس», «من الخميس وحتى الثلاثاء المقبل», «من يوم الأحد إلى يوم الأربعاء المقبلين»: the days
# from one weekday to the next given one (the first read as a weekday alone, by the clause's tense; the
# second the first such weekday after it).  «بين» needs «و» or «إلى», «من» a word of reaching («إلى»,
# «حتى», «لغاية») and a direction after the second: «الخميس والجمعة» alone are two days listed, and «من
# السبت حتى الأربعاء» with no direction is as often a span of the week of a schedule («يفتح المتحف
# أبوابه من السبت حتى الأربعاء», «يعمل المعرض من الأحد إلى الخميس») as dated days.
_WD2 = "(?:يوم )?{wd2:WEEKDAY}(?: {dir:DIR})?"


def _weekday_range(s):
    direction = s.dir.direction if s.dir is not None else None
    if direction == 0 or s.wd.weekday == s.wd2.weekday:
        return None                          # «الجمعة الجاري», «من الجمعة إلى الجمعة»: not a span of days
    return Partial("range", weekday=s.wd.weekday, direction=direction,
                   end=Partial("date", weekday=s.wd2.weekday, direction=direction))


@rule("range_weekdays_between", "(?:يوم )?{wd:WEEKDAY}_(?:و|الى )_" + _WD2,
      ["بين الثلاثاء والخميس", "بين يوم الأحد ويوم الثلاثاء", "بين الاثنين إلى الأربعاء المقبلين"], left="بين", left_required=True)
def range_weekdays_between(s):
    return _weekday_range(s)


@rule("range_weekdays_from", "(?:يوم )?{wd:WEEKDAY}_(?:و)?(?:الى|حتى|لغاية|ولغاية) _" + _WD2,
      ["من الخميس وحتى الثلاثاء المقبل", "من يوم الأحد إلى يوم الأربعاء المقبلين", "من السبت حتى الاثنين الماضيين"], left="من", left_required=True)
def range_weekdays_from(s):
    if s.dir is None:
        return None                          # «يفتح المتحف من السبت حتى الأربعاء»: a span of the week
    return _weekday_range(s)

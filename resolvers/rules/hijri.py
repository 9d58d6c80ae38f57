"""Hijri dates, months and years, and the holidays of both calendars."""
from ..grammar import rule
from ..types import Partial
from ._shared import FISCAL, NUMERIC_PREFIX, PART, WEEKDAY_PREFIX, DAY, HIJRI_MARK, HYEAR_SAID, HYEAR_KW, NOT_COUNT, pod_of


@rule("hijri_numeric", "{hyear:HYEAR}_(?P<hsep>[/-])_{m:MNUM}_(?P=hsep)_{day:DAY}" + HIJRI_MARK,
      ["1447/4/15هـ", "1446-09-01 هـ"])
def hijri_numeric(s):
    return Partial("date", year=s.hyear, month=s.m, day=s.day, calendar="hijri", explicit_year=True)


# (a numeric date whose year is of 1300-1599 is Hijri even without its mark: «الجمعة الموافق 9/9/1436»;
# no news writes a Gregorian day of that band so)
@rule("hijri_numeric_dmy", NUMERIC_PREFIX + "{day:DAY}_(?P<hsep2>[/-])_{m:MNUM}_(?P=hsep2)_{hyear:HYEAR}"
      + HIJRI_MARK + "?",
      ["15/4/1447هـ", "1-9-1446 هـ", "يوم الأحد 1 / 11 / 1436هـ", "الجمعة الموافق 9/9/1436"])
def hijri_numeric_dmy(s):
    return Partial("date", time_of_day=pod_of(s), year=s.hyear, month=s.m, day=s.day, calendar="hijri", explicit_year=True,
                   weekday=s.wd.weekday if s.wd else None)


# «يوم الأحد (10/شوال/1436هـ)»: the day, the month's name and the year over slashes or dashes
@rule("hijri_date_slashed", NUMERIC_PREFIX + "{day:DAY}_(?P<hsep3>[/-])_{month:HMONTH}_(?P=hsep3)_{hyear:HYEAR}"
      + HIJRI_MARK + "?", ["10/شوال/1436هـ", "5-رمضان-1436 هـ", "يوم الأحد 10/شوال/1436هـ"])
def hijri_date_slashed(s):
    return Partial("date", time_of_day=pod_of(s), year=s.hyear, month=s.month.month, day=s.day, calendar="hijri",
                   weekday=s.wd.weekday if s.wd else None, explicit_year=True)


@rule("hijri_date", WEEKDAY_PREFIX + DAY + " (?:من )?(?:شهر )?{month:HMONTH}_[،,]?_(?:من )?(?:" + HYEAR_KW + "|(?:(?:عام|العام|سنة|لعام) )?" + HYEAR_SAID
      + HIJRI_MARK + "?)",
      ["15 ربيع الآخر 1447هـ", "25 شوال 1436 هـ", "الأول من محرم 1447", "الخميس 1 رمضان 1446هـ",
       "15 شوال 1000 هـ", "25 ربيع الآخر سنة 583هـ"])
def hijri_date(s):
    day = s.day if s.day is not None else s.dayw.day
    return Partial("date", time_of_day=pod_of(s), year=s.hyear, month=s.month.month, day=day, calendar="hijri",
                   weekday=s.wd.weekday if s.wd else None, explicit_year=True)


# («صفر من العام الهجري 1444»: the year said Hijri in words, no mark needed)
@rule("hijri_month_year", PART + "(?:شهر )?{month:HMONTH}_[،,]?_(?:من )?(?:" + HYEAR_KW + "|(?:(?:عام|العام|سنة|لعام) )?" + HYEAR_SAID
      + HIJRI_MARK + "?|(?:عام|العام|سنة|السنة|لعام) (?:الهجري|الهجرية) {hyear:YEARN}" + HIJRI_MARK + "?)",
      ["رمضان 1446", "شهر رمضان 1446هـ", "منتصف شعبان 1445 هـ", "شعبان 492هـ", "رمضان عام 1000",
       "صفر من العام الهجري 1444"])
def hijri_month_year(s):
    if s.part is not None and s.part.day:                   # «غرة رمضان 1446»: its first day
        return Partial("date", year=s.hyear, month=s.month.month, day=s.part.day, calendar="hijri",
                       explicit_year=True)
    return Partial("date", year=s.hyear, month=s.month.month, calendar="hijri",
                   part=s.part.mod if s.part else None, explicit_year=True)


# «رمضان 2019», «شهر رمضان لعام 2015», «نهاية رمضان عام 2016»: a Hijri month with a Gregorian year (a news
# year, 1800-2100) is its occurrence with most of its days in that year
@rule("hijri_month_gyear", PART + "(?:شهر )?{month:HMONTH}_[،,]?_(?:من )?(?:(?:عام|العام|سنة|لعام) )?{year:YEAR}"
      + NOT_COUNT + "(?:_{:GERA}(?!\\w))?",
      ["رمضان 2019", "شهر رمضان لعام 2015", "نهاية رمضان عام 2016", "شوال 2014م"])
def hijri_month_gyear(s):
    return Partial("date", month=s.month.month, calendar="hijri", gregorian_year=s.year,
                   part=s.part.mod if s.part else None, explicit_year=True)


# «1437/1436هـ» (either order), «١٤٣٧/١٤٣٦هـ», «1436-1437هـ», «للعام المالي 1426/1427»: a fiscal year over two
# Hijri years in a row, the two years; «العام الدراسي الحالي 1435/1436هـ», «للعام الجامعي 1436-1437»: a
# school year, September to June, the one that straddles the two Hijri years' boundary (resolve)
_SCHOOL_WORDS = ["دراسي", "الدراسي", "دراسية", "الدراسية", "جامعي", "الجامعي", "جامعية", "الجامعية"]
_SCHOOL = ("(?:(?:عام|العام|لعام|للعام|بالعام|سنة|السنة|للسنة|بالسنة) (?:" + "|".join("{school:=%s}" % w for w in _SCHOOL_WORDS)
           + ")|(?:موسم|الموسم|للموسم|بالموسم) {school:=الدراسي})(?: (?:الحالي|الجاري|المقبل|القادم|الجديد|الماضي|المنصرم))?_[(]?_")


@rule("hijri_year_pair", "(?:" + _SCHOOL + "|" + FISCAL + "|(?:عام|العام|سنة|لعام) )?{y1:HYEAR}" + HIJRI_MARK + "?_[/\\-–]_{hyear:HYEAR}" + HIJRI_MARK,
      ["1436/1437هـ", "العام 1437/1436هـ", "1435 / 1436 هـ", "1436-1437هـ", "1436 - 1437هـ", "للعام الدراسي 1436/1437هـ",
       "1436هـ / 1437هـ", "1435هـ/1436هـ", "العام الدراسي الحالي 1435/1436هـ"])
def hijri_year_pair(s):
    a, b = sorted((s.y1, s.hyear))
    if b != a + 1:
        return None
    return Partial("range", year=a, calendar="hijri", explicit_year=True, academic=s.school is not None,
                   end=Partial("date", year=b, calendar="hijri", explicit_year=True))


# («للعام المالي 1426/1427»: after what the year is, two Hijri years need no mark)
@rule("hijri_year_pair_fiscal", "(?:" + _SCHOOL + "|" + FISCAL + "){y1:HYEAR}_[/\\-–]_{hyear:HYEAR}(?!_?[/.\\-–]_?[0-9])",
      ["للعام المالي 1426/1427", "العام الدراسي 1436-1437", "للعام الجامعي المقبل 1437-1438"])
def hijri_year_pair_fiscal(s):
    return hijri_year_pair(s)


# any number with the mark, unless it ends a numeric date («1 /12 /143هـ», a year cut short)
@rule("hijri_year", PART + "(?:(?:عام|العام|سنة|لعام) )?(?:{hyear:HYEAR}|(?<![/.-])(?<![/.-]\\x20){hyear:YEARN})"
      + HIJRI_MARK,
      ["1446 هـ", "عام 1447هـ", "مطلع العام 1446 هجري", "عام 68هـ"])
def hijri_year(s):
    return Partial("date", year=s.hyear, calendar="hijri", part=s.part.mod if s.part else None,
                   explicit_year=True)


# «تقويم العام الهجري 1445», «مع بداية السنة الهجرية 1445», «للعام الهجري الجديد 1446»: a year said Hijri
# in words is that Hijri year, whatever its number (no mark needed)
@rule("hijri_year_said", PART + "(?:(?:عام|العام|سنة|السنة|لعام|للعام|للسنة) (?:الهجري|الهجرية)(?: (?:الجديد|الجديدة))?_(?:{hyear:YEARN}))"
      + HIJRI_MARK + "?(?!_?[/.\\-]_?[0-9])",
      ["العام الهجري 1445", "بداية السنة الهجرية 1445", "للعام الهجري الجديد 1446", "السنة الهجرية 1436هـ"])
def hijri_year_said(s):
    return hijri_year(s)


# «العام المقبل 1437», «خلال العام الماضي 1435هـ», «العام الحالي (1436هـ)»: a year said by its direction and
# then by its Hijri number is that Hijri year (the number alone of 1300-1599 needs no mark after it)
@rule("hijri_year_said_twice", PART + "(?:العام|السنة|عام) {dir:DIR}_\\(?_{hyear:HYEAR}(?:" + HIJRI_MARK + "|" + NOT_COUNT
      + ")(?!_?[/.\\-–]_?[0-9])", ["العام المقبل 1437", "العام الماضي 1435هـ", "العام الحالي (1436هـ"])
def hijri_year_said_twice(s):
    return Partial("date", year=s.hyear, calendar="hijri", part=s.part.mod if s.part else None, explicit_year=True)


# «مع مطلع العام الهجري القادم», «السنة الهجرية الماضية», «خلال العام الهجري الحالي»: a Hijri year said by
# its direction is that Hijri year counted from the anchor's (not the Gregorian year: «مطلع العام» alone is)
@rule("hijri_year_direction", PART + "(?:العام|السنة) (?:الهجري|الهجرية) {dir:DIR}",
      ["العام الهجري القادم", "مطلع العام الهجري المقبل", "السنة الهجرية الماضية", "نهاية العام الهجري الحالي"])
def hijri_year_direction(s):
    return Partial("date", calendar="hijri", year_shift=s.dir.direction, part=s.part.mod if s.part else None)


# «مع بداية العام الهجري الجديد», «السنة الهجرية الجديدة» (no number after it): the Hijri year to come when
# said from Shawwal on, else the anchor's
@rule("hijri_new_year", PART + "(?:العام|السنة) (?:الهجري|الهجرية) (?:الجديد|الجديدة)(?!_?\\(?_?[0-9])",
      ["العام الهجري الجديد", "بداية العام الهجري الجديد", "السنة الهجرية الجديدة"])
def hijri_new_year(s):
    return Partial("date", calendar="hijri", new_year=True, part=s.part.mod if s.part else None)


# «صباح عيد الفطر», «مساء عيد الأضحى المبارك»: a part of the holiday's day; «ليلة رأس السنة الميلادية»,
# «ليلة عيد الفطر», «عشية عيد الأضحى»: its eve, the night (evening) of the day before (as an Islamic day
# begins at sunset)
_EVE = ("ليلة", "ليل", "عشية")


@rule("holiday_part_of_day", "(?!{:HOLIDAY}(?!\\w)){pod:POD} (?:يوم )?{hol:HOLIDAY}(?: {dir:DIR})?",
      ["صباح عيد الفطر", "ليلة رأس السنة الميلادية", "عشية عيد الأضحى", "مساء عيد الأضحى المبارك",
       "ليلة عيد الفطر المقبل", "صباح يوم عيد الأضحى"])
def holiday_part_of_day(s):
    h = s.hol
    if h.form.startswith("ليلة"):
        return None                     # «ليلة ليلة القدر» is no eve; «ليلة الإسراء والمعراج», a holiday
                                        # form itself, is left to the rule «holiday» (the look-ahead)
    eve = s.pod.form in _EVE
    return Partial("holiday", month=h.month, day=h.day, calendar=h.calendar, holiday=h.form,
                   direction=s.dir.direction if s.dir else None, time_of_day=s.pod.part,
                   nth_day=0 if eve else None)


# «عيد الفطر عام 1000»: a year after «عام/سنة/لعام» of any size, in the holiday's own calendar
# («اليوم الوطني السعودي الـ95», «عيد الاتحاد الثالث والخمسين»: the anniversary's ordinal is of the name)
# ... and the calendar said after the name: «عيد الميلاد المجيد حسب التقويم الشرقي» (7 January), «عيد الفصح
# وفق التقويم الشرقي» (the Orthodox Easter), «… لدى الطوائف الغربية»
_CHURCH = ("(?: (?:(?:حسب|بحسب|وفق|على) التقويم|وفقا للتقويم) (?:{east:=الشرقي}|{east:=اليولياني}|{west:=الغربي}|{west:=الغريغوري})"
           "| (?:لدى|عند) الطوائف (?:{east:=الشرقية}|{west:=الغربية}))?")
_EASTERN = {"gregorian": "julian", "easter_western": "easter_orthodox"}
_WESTERN = {v: k for k, v in _EASTERN.items()}
_MOVABLE_FEASTS = ("easter_western", "easter_orthodox")


# («قبيل عيد الفطر», «قبل وقفة عرفات», «استعدادا لعيد الأضحى», «مع اقتراب عيد الفطر», «قبل حلول عيد
# الأضحى»: the days before a holiday; the coming one when it is near, else with no past tense: resolve._holiday)
_SOON = ("(?:(?<={soon:=قبيل}\\x20)|(?<={soon:=قبل}\\x20)|(?<={soon:=عشية}\\x20)|(?<={soon:=استعدادا}\\x20ل)"
         "|(?<={soon:=اقتراب}\\x20)|(?<={soon:=قرب}\\x20)|(?<={soon:=حلول}\\x20)|(?<={soon:=لاستقبال}\\x20))?")


@rule("holiday", _SOON + "{hol:HOLIDAY}" + _CHURCH + "(?: ال_?[0-9]{1,3}(?![0-9])| {:ORDINAL}(?: و_?(?:العشرين|الثلاثين|الاربعين|الخمسين|الستين|السبعين|الثمانين|التسعين))?)?(?: {dir:DIR}| (?:من )?(?:عام|سنة|لعام) {kyear:YEARN}" + NOT_COUNT
      + "| (?:من )?(?:عام |لعام |العام )?" + HYEAR_SAID + HIJRI_MARK + "?| (?:من )?(?:عام |لعام |العام )?{year:YEAR})?",
      ["عيد الفطر", "عيد الأضحى الماضي", "عيد الفطر 1446", "المولد النبوي الشريف", "رأس السنة الميلادية 2025",
       "عيد الفطر عام 1000", "رأس السنة الميلادية عام 1000", "عيد الفصح", "عيد القيامة المجيد", "شم النسيم",
       "عيد الميلاد القبطي", "عيد الفطر 2013", "عيد الأضحى لعام 2015", "اليوم الوطني السعودي الـ95",
       "عيد الاتحاد الثالث والخمسين", "عيد الميلاد المجيد حسب التقويم الشرقي", "عيد الفصح وفق التقويم الشرقي"],
      ahead=("soon",))
def holiday(s):
    h = s.hol
    hyear, year = s.hyear, s.year
    calendar = h.calendar
    if s.east is not None or s.west is not None:
        if not (calendar in _MOVABLE_FEASTS or (h.month, h.day) == (12, 25)):
            return None                 # a calendar said after no Christmas, Easter or feast of Easter
        calendar = (_EASTERN if s.east is not None else _WESTERN).get(calendar, calendar)
    if s.kyear is not None:
        if h.calendar != "hijri" or 1800 <= s.kyear <= 2100:
            year = s.kyear             # «عيد الفطر عام 2015» is the Gregorian year's
        elif 100 <= s.kyear:
            hyear = s.kyear
        else:                          # «عام 58» has no century
            return None
    if h.calendar != "hijri" and hyear is not None:
        return None
    if h.calendar == "hijri" and year is not None:
        # «عيد الفطر 2013», «عيد الأضحى لعام 2015»: the one of that Gregorian year
        return Partial("holiday", month=h.month, day=h.day, calendar="hijri", holiday=h.form,
                       gregorian_year=year, explicit_year=True)
    return Partial("holiday", year=hyear if h.calendar == "hijri" else year, month=h.month,
                   day=h.day, calendar=calendar, holiday=h.form,
                   direction=s.dir.direction if s.dir else None,
                   explicit_year=hyear is not None or year is not None, soon=s.soon is not None)

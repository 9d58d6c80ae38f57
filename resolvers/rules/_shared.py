"""Template fragments shared by several rule families (patterns only, no arithmetic)."""
from ..types import FLAG_YEAR_SAID_BEFORE

PART = "(?:{part:PART} )?"
# «أكتوبر/ تشرين الأول», «يناير (كانون الثاني)», «يوليو - تموز»
# «يونيو-حزيران», «تموز "يوليو"», «أغسطس «آب»»
# ... and the first name in brackets, «في (سبتمبر) أيلول 2007», «28 (يونيو) حزيران» (a span that starts
# at the month starts inside them)
# ... or a month by its number, «شهر 3», «بداية شهر عشرة», unless a count runs on from it («خلال شهر 3
# ملايين زائر», «شهر 20 يوما»; «شهر عشرة سنة 2015» is October 2015)
MONTH_PAIR = ('(?:{month:NMONTH}(?![0-9])(?!_[.,%])(?! (?:{:COUNTED}|{:UNIT}|{:THOUSANDS})(?!\\w)(?! [0-9]{4}(?![0-9])))'
              '|(?P<lparen>(?<=\\()|(?<=\\(\\s))?{month:MONTH}'
              '(?:(?:_(?:/|-|(?P<paren>\\()|(?P<quot>["«]))_| |(?(lparen)_\\)_|(?!)))'
              '{alt:MONTH}(?(paren)_\\))'
              '(?(quot)_["»]))?)')
# Between a day and its month: «15 من شهر أكتوبر», the bracket of «28 (يونيو) حزيران» (MONTH_PAIR), or
# nothing, as typing runs them on («في 29أغسطس», «13شعبان»), but «3صفر», a score; or a dot after the day
# then a month's name («يوم الأحد 3. مايو», the ordinal dot of German and Maghrebi typing), after a word
# that dates it («يوم», «في», «بتاريخ», a weekday) or before a year: not a sentence's last number
# before a month that opens the next («بلغ عدد القتلى 12. مايو كان شهرا دمويا»)
_DOT_AFTER = ("يوم", "في", "بتاريخ", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعة", "السبت")
_DOT_DAY = "(?:" + "|".join("(?<=(?<!\\w)%s\\x20[0-9]%s)" % (w, d) for w in _DOT_AFTER for d in ("", "[0-9]")) + \
    "|(?<=[0-9])(?=\\. (?:شهر )?{:MONTH} [0-9]{4}))"
DAY_MONTH = ("(?: |(?<=[0-9])(?=[^\\W\\d])(?!صفر(?!\\w))|" + _DOT_DAY + "\\. (?=(?:شهر )?{:MONTH}(?!\\w)))"
             "(?:من )?(?:شهر )?(?:\\(_)?")
# «الأربعاء 15 أكتوبر», «يوم الأربعاء، 15 أكتوبر», «الأربعاء الموافق 15 أكتوبر»
# (a part of the day may come first: «مساء يوم الثلاثاء 27 رمضان 1436 هـ» is that day, not a Tuesday)
# («يوم الاثنين في 18 شباط»: «في» between them too)
# (a part of the day before the weekday, «صباح الاثنين 3 أغسطس», makes the date a TIME: :func:`pod_of`)
# (a part of the day before it makes a time of that day: «صباح الاثنين 3 أغسطس», «مساء 29-4-2023»)
WEEKDAY_PREFIX = "(?:(?:{wpod:POD} )?(?:يوم )?{wd:WEEKDAY}_[،,(]?_(?:الموافق |في )?|{wpod:POD} (?:يوم )?)?"
# «يوم» before a numeric date is of its span («يوم 25/6/2022»; a day said in words has it in DAY)
NUMERIC_PREFIX = WEEKDAY_PREFIX + "(?:يوم )?"
# («يوم الخميس الـ 4 من شهر ذي الحجة», «الخميس الـ30 من شهر يوليو»: the article before a day number, the
# tatweel folded away)
DAY = "(?:يوم )?(?:(?:ال_)?{day:DAY}|{dayw:ORDINAL} من)"
# The era written after a year: «2015م», «600 ميلادي», «1258 قبل الميلاد» (the slot ``era``), «1436هـ»
ERA = "(?:_{era:GERA}(?!\\w))"
HIJRI_MARK = "(?:_{:HERA}(?!\\w))"
# What a number read as a year outside the news window must not run on into: more digits («213.3»),
# a percent, a counted noun («1500 متظاهر», «1187 شخصاً», «3 أيام»), a Hijri mark
# (a word ending in «ا» is taken for an accusative «-an», «شخصاً», unless it has the article, ends in a
# pronoun or «ما»/«ذا», or is an adverb, a particle or a name: data/not_counted.tsv)
NOT_COUNT_NOUN = "(?!_[.,][0-9])(?!_%)(?! (?:{:COUNTED}|{:UNIT})(?!\\w))(?!" + HIJRI_MARK + ")"
ACCUSATIVE = "(?! (?!ال)(?!{:NOTCOUNTED}(?!\\w))[^\\W\\d]*[^\\W\\dهنمذ]ا(?!\\w))"
NOT_COUNT = NOT_COUNT_NOUN + ACCUSATIVE
# ... and, after «العام» alone, no word at all but an era: «العام» also ends «الأمين العام», «هذا
# العام», «الربع الثالث من العام» (+ «1500 وجبة»), where the number after it is a count
END_OR_ERA = "(?=_{:GERA}(?!\\w)|(?! [^\\W\\d]))"
_KW_ANY = "(?:عام|سنة|لعام) {year:YEARN}"       # «عام 1187», «سنة 600 ميلادي»
_KW_NEWS = "(?:عام|العام|سنة|لعام) {year:YEAR}"
# A year with its keyword: a news year after any of them, any year after «عام/سنة/لعام», four digits
# after «العام» (each guard once per fragment: the counted nouns are a long alternation)
YEAR_KW = "(?:" + _KW_NEWS + "|(?:" + _KW_ANY + "|العام {year:YEAR4}" + END_OR_ERA + ")" + NOT_COUNT + ")"
# A year where the context makes a number one (a season, «من» after a quarter): with its keyword, a
# news year (not before a counted noun: «الربع الأول 1850 سيارة»), or four digits
YEAR_SAID = ("(?:" + _KW_NEWS + "|{year:YEAR}" + NOT_COUNT_NOUN + "|(?:" + _KW_ANY + "|العام {year:YEAR4}" + END_OR_ERA
             + "|{year:YEAR4})" + NOT_COUNT + ")")
# After a month, where «العام» can only be the year's: «2025», «عام 2025», «من العام 1776», «2025م»,
# «1099م», «عام 1187»; but a news year without «عام» that runs on into a counted noun is the count («في
# 3 أغسطس 2000 متظاهر»); a word in «-ا» after it does not count (after a month the number is a year:
# «فبراير 2016 موعداً للجمعية»); «في» only before the keyword: «أكتوبر في عام 2014»)
YEAR_TAIL = ("_[،,]?_(?:من |في (?=عام |سنة |العام ))?(?:" + _KW_NEWS + "|{year:YEAR}" + NOT_COUNT_NOUN + "|(?:" + _KW_ANY
             + "|(?:العام )?{year:YEAR4})" + NOT_COUNT + ")" + ERA + "?")
# A Hijri year: any number with its mark («سنة 583هـ»), 1300-1599 without it («رمضان 1446»)
HYEAR_SAID = "(?:{hyear:HYEAR}|{hyear:YEARN}(?=" + HIJRI_MARK + "))"
# After a Hijri month, «عام/سنة/لعام» and a number of three or four digits but a news year («رمضان
# عام 1000»; «رمضان عام 2015» is the Gregorian 2015's, read as a month and a year; «عام 58» has no century)
HYEAR_KW = ("(?:عام|سنة|لعام) (?!(?:1[89][0-9]{2}|20[0-9]{2}|2100)(?![0-9]))(?=[0-9]{3})"
            "{hyear:YEARN}" + NOT_COUNT)
# «من العام الماضي», «من هذا العام», «من العام الجاري»
# ... also without the preposition: «في 24 مارس العام الماضي», «في حزيران (يونيو) العام الماضي»
# ... and «من العام نفسه/ذاته»: the year of a date said before (``FLAG_YEAR_SAID_BEFORE``; the engine
# gives it that year)
# ... and «من نفس العام», «من ذات السنة», «من ذلك العام», «من تلك السنة»: the same, said the other way
YEAR_SAME = ("(?:(?:العام|السنة) {ysame:SAME}|{ysame:=نفس} (?:العام|السنة)|{ysame:=ذات} (?:العام|السنة)"
             "|{ysame:=ذلك} العام|{ysame:=تلك} السنة)")
# ... and with the calendar said: «غرة محرم من العام الهجري القادم», «من السنة الهجرية المقبلة»
_YEAR_CAL = "(?: ال(?:هجري|ميلادي)(?:ة|ه)?)?"
YEAR_REF = (" (?:(?:من|ل)_)?(?:(?:العام|السنة)" + _YEAR_CAL + " {ydir:DIR}|{ydem:DEM} (?:العام|السنة)" + _YEAR_CAL
            + "|" + YEAR_SAME + ")")


def alt_month(s):
    """The second name of a paired month, if any."""
    return s.alt


def pod_of(s):
    """The part of the day said before a weekday and a date (:data:`WEEKDAY_PREFIX`), or None."""
    return s.wpod.part if s.wpod is not None else None


def day_of(s):
    return s.day if s.day is not None else (s.dayw.day if s.dayw else None)


def era_of(s):
    """'CE' or 'BC' when an era is written after the year, else None."""
    return s.era.era if s.era is not None else None


def year_ref_flags(s):
    """(FLAG_YEAR_SAID_BEFORE,) for a Gregorian «… من العام نفسه», else ()."""
    if s.ysame is not None and (s.month is None or s.month.calendar == "gregorian"):
        return (FLAG_YEAR_SAID_BEFORE,)
    return ()


def year_ref_shift(s):
    """-1/0/+1 for «من العام الماضي/هذا العام/المقبل», else None."""
    if s.ydir is not None:
        return s.ydir.direction
    if s.ydem is not None:
        return 0
    return None

# «العام المالي 2013/2014», «للعام الدراسي 1436/1437هـ», «الموسم الرياضي 2015-2016»: what a year over two
# calendar years is, said before it (part of the expression)
FISCAL = ("(?:(?:عام|العام|لعام|للعام|بالعام|سنة|السنة|للسنة|بالسنة) (?:مالي|المالي|مالية|المالية|دراسي|الدراسي|"
          "دراسية|الدراسية|جامعي|الجامعي)|(?:موسم|الموسم|للموسم|بالموسم) (?:الدراسي|الرياضي|الزراعي)) ")

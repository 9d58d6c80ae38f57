"""Deictic expressions: relative days (with weekday and part of day), weekdays with a direction or a
tense, deictic periods («العام الماضي», «هذا الشهر»), parts of them, quarters, halves and seasons."""
from ..grammar import rule
from ..types import Partial
from ._shared import PART, YEAR_SAID, YEAR_SAME, ERA, HIJRI_MARK, era_of, year_ref_flags

# «من العام الماضي», «من العام المالي الماضي», «من هذا العام», «من 2024», «من العام» (this year)
# ... or the year right after the quarter, no preposition («الربع الأول 2015», «النصف الثاني العام الماضي»,
# and «للربع الثاني للعام الماضي», which the engine reads as «ل» + «الربع الثاني العام الماضي»)
_YEAR_NAMED = "(?:(?:العام|السنة)(?: المالي)? {ydir:DIR}|{ydem:DEM} (?:العام|السنة)|" + YEAR_SAID + ERA + "?|" + YEAR_SAME + ")"
_YEAR_OF = ("(?: (?:من|ل)_(?:" + _YEAR_NAMED + "|(?:{thisyear:=العام}|{thisyear:=السنة})(?! {:DIR})(?! المالي {:DIR})(?! {:SAME})"
            "(?!_[0-9]{1,4}" + HIJRI_MARK + "))| " + _YEAR_NAMED + ")")


# the weekday after a relative day, maybe in parentheses or quotation marks: «أمس الثلاثاء», «غدًا
# (الأربعاء)», «اليوم «الأربعاء»»
_WEEKDAY_AFTER = "(?:(?: |_(?P<wparen>\\()_|_(?P<wquot>[«\"])_){wd:WEEKDAY}(?(wparen)_\\))(?(wquot)_[»\"]))?"


# «اليوم» as «nowadays» (PRESENT_REF, like «حالياً»), where the text sets it against the past: «(ع|م|ب)ما
# هي/نحن/أنا عليه اليوم» (what it is today), «أكبر اليوم … مما/عما كانت عليه …» (than it was), «بين
# الأمس واليوم», «سابقاً واليوم» (then and now), «اليوم كما هي بالأمس»; the expression is «اليوم» alone
_NOW_AFTER = "(?:(?<=ما\\x20هي\\x20عليه\\x20)|(?<=ما\\x20هو\\x20عليه\\x20)|(?<=ما\\x20هم\\x20عليه\\x20)|(?<=ما\\x20هن\\x20عليه\\x20)|(?<=ما\\x20نحن\\x20عليه\\x20)|(?<=ما\\x20أنا\\x20عليه\\x20)|(?<=الأمس\\x20و)|(?<=سابقا\\x20و))"
_NOW_BEFORE = ("(?=[^.!?؟\\n]{0,80}?(?<!\\w)(?:مما|عما) (?:كان|كانت)(?!\\w)"
               "|_[،,]?_كما (?:هي|هو|هم|كان|كانت) (?:بال|في ال)أمس(?!\\w))")


# ... and after «تعد/يعد/تعتبر/يعتبر» (is counted, today, among…: «التي تعد اليوم واحدة من أهم نجمات»,
# «الهيئة تعد اليوم مساهماً رئيساً»), unless a weekday or a noun follows («ويعتبر اليوم الخميس آخر يوم»,
# «ما يعتبر اليوم الأكثر دموية»)
_NOW_CONSIDERED = "(?:(?<=تعد\\x20)|(?<=يعد\\x20)|(?<=تعتبر\\x20)|(?<=يعتبر\\x20))"


@rule("today_nowadays", "(?:" + _NOW_AFTER + "اليوم|" + _NOW_CONSIDERED + "اليوم(?! {:WEEKDAY})(?! ال)|اليوم" + _NOW_BEFORE + ")",
      ["عما هي عليه [اليوم]", "ما نحن عليه [اليوم]", "أضحت أكبر [اليوم] عما كانت عليه",
       "بين الأمس و[اليوم]", "الأمة [اليوم] كما هي بالأمس", "الفن سابقا و[اليوم]", "التي تعد [اليوم] واحدة من"])
def today_nowadays(s):
    return Partial("vague", vague="PRESENT_REF")


# «اليوم الذي بعد الغد», «اليوم اللي بعد بكرة», «اليوم القبل البارحة», «اليوم الي قبل امبارح» (spoken): the day
# after (before) the relative day named
@rule("day_beside_relative_day", "اليوم (?:الذي |اللي |الي |ال_?)(?:{aft:=بعد}|{bef:=قبل}) {rel:RELDAY}(?! {:WEEKDAY})",
      ["اليوم الذي بعد الغد", "اليوم اللي بعد بكرة", "اليوم القبل البارحة", "اليوم الي قبل امبارح"])
def day_beside_relative_day(s):
    return Partial("date", rel_day=s.rel.offset + (1 if s.aft is not None else -1))


# «لامس» is a verb («touched»), not «ل» + «أمس»: a relative day never takes a glued «ل» (the real corpus
# has «لامس» 13 times, «لأمس» never; «ليوم أمس» is still read)
# («اليوم 15 من شهر يونيو» is «the day 15», not today)
# («ما أشبه الليلة بالبارحة», what tonight is like last night: a proverb, no day)
# «في مثل هذا اليوم من عام 1954», «مثل هذا اليوم من العام الماضي»: the anchor's day and month in that year
# (an anniversary's day; «مثل هذا اليوم قبل 57 عاما»: durations.this_day_years_ago)
@rule("this_day_of_year", "مثل (?:هذا|ذلك) اليوم (?:من|في) (?:(?:عام|سنة|العام) {year:YEAR}|(?:العام|السنة) {dir:DIR})",
      ["مثل هذا اليوم من عام 1954", "مثل هذا اليوم من العام الماضي", "مثل هذا اليوم من سنة 2010"])
def this_day_of_year(s):
    if s.year is not None:
        return Partial("date", year=s.year, explicit_year=True, this_day=True)
    if s.dir.direction == 0:
        return None
    return Partial("date", year_shift=s.dir.direction, this_day=True)


# «في مثل هذا الشهر من العام الماضي», «… من عام 2010»: the anchor's month in that year
@rule("this_month_of_year", "مثل (?:هذا|ذلك) الشهر (?:من|في) (?:(?:عام|سنة|العام) {year:YEAR}|(?:العام|السنة) {dir:DIR})",
      ["مثل هذا الشهر من العام الماضي", "مثل هذا الشهر من عام 2010", "مثل ذلك الشهر من السنة الماضية"])
def this_month_of_year(s):
    p = this_day_of_year(s)
    return p.replace(this_day=False, this_month=True) if p is not None else None


# (a part of the day after it, as an adverb: «غداً صباحاً», «أمس مساءً», «بكرة الصبح», «الخميس»
# between them or not: «أمس الأحد مساءً»; a part said before it is the one taken)
@rule("relative_day", "(?:{pod:POD} )?(?:يوم )?(?<!(?<!\\w)ل)(?<!الليلة\\x20ب){rel:RELDAY}" + _WEEKDAY_AFTER
      + "(?! [0-9]{1,2} من)(?: {pod2:PODAFTER}(?!\\w))?",
      ["غداً الأربعاء", "أمس الثلاثاء", "اليوم", "صباح اليوم", "مساء أمس", "ليلة أمس", "بعد غد",
       "أول أمس", "يوم أمس", "البارحة", "اليوم الخميس", "أمس الأول", "أمس (السبت)", "غدًا (الأربعاء)",
       "غداً صباحاً", "أمس الأحد مساءً", "بكرة الصبح", "اليوم ظهرا", "أمس عصرا", "غدا العصر",
       "فجر اليوم", "اليوم فجرا", "أمس مساءا", "غدا بالليل"])
def relative_day(s):
    pod = s.pod or s.pod2
    return Partial("date", rel_day=s.rel.offset, weekday=s.wd.weekday if s.wd else None,
                   time_of_day=pod.part if pod else None)


# «في وقت سابق اليوم», «في وقت لاحق من مساء اليوم», «في وقت سابق أمس» (agency style: earlier today, later
# today): the relative day itself, one expression, not a vague past or future and a day beside it
@rule("vague_of_day", "{v:VAGUE} (?:من )?(?:{pod:POD} )?(?:يوم )?{rel:RELDAY}" + _WEEKDAY_AFTER,
      ["في وقت سابق اليوم", "في وقت لاحق اليوم", "في وقت سابق من اليوم", "في وقت لاحق من مساء اليوم",
       "في وقت سابق أمس", "في وقت سابق اليوم الأحد"])
def vague_of_day(s):
    if not s.v.norm.startswith("في وقت "):
        return None                     # «حالياً اليوم»: not a time of that day
    return Partial("date", rel_day=s.rel.offset, weekday=s.wd.weekday if s.wd else None,
                   time_of_day=s.pod.part if s.pod else None)


# «الليلة», «هذه الليلة» (tonight), «الليلة الماضية/البارحة» (last night), «الليلة المقبلة»: the anchor's
# night, or the one before or after; «الليلة» with any other word of the article after it is a night
# named otherwise («الليلة الختامية», «الليلة الأولى»), «تلك الليلة» a narrative one
# («الليلة قبل الماضية» the night before last; «في اليوم والليلة» each day and night is none)
@rule("tonight", "(?<!اليوم\\x20و)(?:{dem:DEM} )?الليلة(?: {before:=قبل} {dir:DIR}| {dir:DIR}| {rel:=البارحة}|(?! ال)(?! قبل )(?!\\w))",
      ["الليلة", "هذه الليلة", "الليلة الماضية", "الليلة البارحة", "الليلة المقبلة", "الليلة قبل الماضية"])
def tonight(s):
    if s.dem is not None and s.dir is not None:
        return None
    if s.before is not None and s.dir.direction != -1:
        return None
    shift = -1 if s.rel is not None else (s.dir.direction if s.dir is not None else 0)
    if s.before is not None:
        shift = -2
    return Partial("date", rel_day=shift, time_of_day="NI")


# «ليل الخميس الجمعة», «ليلة الجمعة - السبت», «ليل السبت/الأحد», «ليل الخميس والجمعة», «ليلة الأحد إلى
# الاثنين»: the night from one day to the next is one expression, the first day's night (the second
# weekday is no date of its own); two weekdays that do not follow each other are left to the rules after
@rule("night_of_two_days", "{pod:POD} (?:يوم )?{wd:WEEKDAY}(?:_[-/–—]_| (?:إلى|على) | و_| )(?:يوم )?{wd2:WEEKDAY}(?: {dir:DIR})?",
      ["ليل الخميس الجمعة", "ليلة الجمعة - السبت", "ليل السبت/الأحد", "ليل الخميس والجمعة",
       "ليلة الأحد إلى الاثنين", "ليل الثلاثاء الاربعاء", "ليلة الخميس/الجمعة الماضية"])
def night_of_two_days(s):
    if s.pod.part != "NI" or s.wd2.weekday != (s.wd.weekday + 1) % 7:
        return None
    if s.dir is not None and s.dir.direction == 0:
        return None
    return Partial("date", weekday=s.wd.weekday, time_of_day="NI",
                   direction=s.dir.direction if s.dir else None)


def _beyond(s, direction: int):
    """The direction said, doubled past «بعد» («الأربعاء بعد القادم», «الأسبوع ما بعد المقبل»: the one after
    the next) or «قبل» («الجمعة قبل الماضي», «العام قبل الماضي»: the one before the last); None when the
    word does not fit it (nothing after a last one, nothing before «السابق»)."""
    if s.after is not None:
        return 2 if direction == 1 else None
    if s.before is not None:
        return -2 if direction == -1 and not s.dir.norm.startswith("السابق") else None
    return direction


# «الأحد من الأسبوع الماضي», «يوم الخميس من الأسبوع المقبل», «الاثنين من هذا الأسبوع», «ثلاثاء الأسبوع
# الفائت» (the construct): that weekday of that ISO week (weeks are ISO weeks, as «الأسبوع الماضي» is)
# «الأسبوع المقبل يوم الخميس», «هذا الأسبوع، يوم الاثنين»: the week said first, then its weekday (one
# expression, the day; not a tense or the next such weekday after the anchor)
@rule("week_then_weekday", "(?:الأسبوع (?:{before:=قبل} |(?:ما )?{after:=بعد} )?{dir:DIR}|{dem:DEM} الأسبوع)_[،,]?_(?:{pod:POD} )?(?:في )?(?:يوم )?{wd:WEEKDAY}"
      "(?! (?:من|في) الأسبوع)",
      ["الأسبوع المقبل يوم الخميس", "الأسبوع الماضي يوم الأحد", "هذا الأسبوع، يوم الاثنين", "الأسبوع القادم الثلاثاء",
       "الأسبوع المقبل مساء الأربعاء"])
def week_then_weekday(s):
    return weekday_of_week(s)


@rule("weekday_of_week", "(?<!(?<!\\w)ك)(?:{pod:POD} )?(?:يوم )?(?:{wd:WEEKDAY}(?: من| في)? |{wdb:WDBARE} )"
      "(?:الأسبوع (?:{before:=قبل} |(?:ما )?{after:=بعد} )?{dir:DIR}|{dem:DEM} الأسبوع)",
      ["الأحد من الأسبوع الماضي", "يوم الخميس من الأسبوع المقبل", "الاثنين من هذا الأسبوع",
       "ثلاثاء الأسبوع الفائت", "أحد الأسبوع الماضي", "الجمعة الأسبوع المقبل", "مساء الأربعاء من الأسبوع الجاري",
       "الاثنين الأسبوع ما بعد المقبل", "الخميس من الأسبوع قبل الماضي", "الخميس في الأسبوع المقبل"])
def weekday_of_week(s):
    shift = _beyond(s, s.dir.direction) if s.dir is not None else 0
    if shift is None:
        return None
    return Partial("date", weekday=(s.wd or s.wdb).weekday, period="week", period_shift=shift,
                   time_of_day=s.pod.part if s.pod else None)


# a glued «ك» («كيوم الجمعة مثلا», «كالجمعة»: like a Friday) compares with a weekday in general, no dated day
@rule("weekday", "(?<!(?<!\\w)ك)(?<!(?<!\\w)كيوم\\x20)(?:{pod:POD} )?(?:يوم )?{wd:WEEKDAY}(?: (?:(?:ما )?{after:=بعد} |{before:=قبل} )?{dir:DIR}|_\\(_{dir:DIR}_\\))?",
      ["الأحد الماضي", "السبت المقبل", "يوم الثلاثاء", "الجمعة", "مساء الخميس", "يوم الإثنين القادم",
       "الأربعاء بعد القادم", "الجمعة قبل الماضي", "الخميس ما بعد المقبل", "مساء الخميس (الماضي)"])
def weekday(s):
    direction = None
    if s.dir is not None:
        direction = _beyond(s, s.dir.direction)
        if not direction:                # «الأحد الجاري»: no such weekday; a «بعد/قبل» that does not fit
            return None
    return Partial("date", weekday=s.wd.weekday, direction=direction,
                   time_of_day=s.pod.part if s.pod else None)


# («العام قبل الماضي», «الأسبوع قبل الماضي»: the one before the last; «الأسبوع بعد المقبل», «الشهر ما
# بعد القادم»: the one after the next)
@rule("period_direction", PART + "{period:PERIOD} (?:{before:=قبل} |(?:ما )?{after:=بعد} )?{dir:DIR}",
      ["العام الماضي", "الشهر المقبل", "الأسبوع الجاري", "السنة الماضية", "منتصف الشهر المقبل",
       "نهاية العام الجاري", "الربع الماضي", "بداية الأسبوع المقبل", "العام قبل الماضي",
       "نهاية الشهر قبل الماضي", "الأسبوع بعد المقبل", "الأسبوع ما بعد المقبل", "العام بعد القادم"])
def period_direction(s):
    if s.period.grain == "quarter" and s.dir.direction == -1 and s.dir.norm.startswith("السابق"):
        return None        # «مقارنة مع الربع السابق»: the quarter before the one reported, not the anchor's
    shift = _beyond(s, s.dir.direction)
    if shift is None:
        return None
    return Partial("date", period=s.period.grain, period_shift=shift, part=s.part.mod if s.part else None)


# «مطلع العام الجديد», «مع حلول السنة الجديدة»: the year to come when said from October on, else the
# anchor's own («مع بداية العام الجديد ارتفعت الأسعار» in February); «رأس السنة الجديدة» is the holiday's
# (only after a part or «حلول»: «للعام الجديد» alone may be a school year, «المدير العام الجديد» a
# general manager; «العام الجديد 2016» is the year said)
@rule("new_year", "(?:{part:PART}|حلول) (?:العام|السنة) (?:الجديد|الجديدة)(?! (?:الدراسي|الدراسية|الجامعي|الجامعية|المالي|المالية)(?!\\w))(?!_?\\(?_?[0-9])",
      ["حلول العام الجديد", "مطلع العام الجديد", "بداية السنة الجديدة", "بداية العام الجديد"])
def new_year(s):
    return Partial("date", period="year", new_year=True, part=s.part.mod if s.part else None)


# the Egyptian demonstrative after its noun, in quoted speech: «الشهر ده», «الأسبوع ده», «السنة دي»
@rule("period_demonstrative_after", "{period:PERIOD} (?:ده|دي|دة)(?!\\w)",
      ["الشهر ده", "الأسبوع ده", "السنة دي"])
def period_demonstrative_after(s):
    return Partial("date", period=s.period.grain, period_shift=0)


@rule("period_demonstrative", PART + "{dem:DEM} {period:PERIOD}(?! (?:الفضيل|الكريم|المبارك)(?!\\w))",
      ["هذا العام", "هذه السنة", "هذا الشهر", "هذا الأسبوع", "نهاية هذا العام"])
def period_demonstrative(s):
    return Partial("date", period=s.period.grain, period_shift=0, part=s.part.mod if s.part else None)


# «العام الدراسي المقبل», «بداية العام الدراسي الجديد», «نهاية العام الدراسي الماضي», «مطلع العام الجامعي
# القادم»: a school year said by its direction (resolve._school_year_of: September to June, the one the
# word names from the anchor's), or by «بداية» alone (the one beginning next); a Hijri pair after it
# is the pair's (hijri_year_pair), a year of no direction and no beginning is not one
_SCHOOL_NOUN = "(?:العام|لعام|للعام|بالعام|السنة|للسنة|بالسنة|الموسم|للموسم) (?:الدراسي|الدراسية|الجامعي|الجامعية)"


_SCHOOL_DIR = "(?: (?:المقبل|القادم|الجديد|الحالي|الجاري|الماضي|المنصرم|السابق))?"


@rule("school_year_relative", PART + _SCHOOL_NOUN + "(?!" + _SCHOOL_DIR + "_?[(]?_?[0-9])(?: (?:{nx:=المقبل}|{nx:=القادم}|{nw:=الجديد}|{cu:=الحالي}|{cu:=الجاري}"
      "|{ls:=الماضي}|{ls:=المنصرم}|{ls:=السابق}))?",
      ["العام الدراسي المقبل", "بداية العام الدراسي الجديد", "نهاية العام الدراسي الماضي", "مطلع العام الجامعي القادم",
       "بداية العام الدراسي", "العام الدراسي الحالي"])
def school_year_relative(s):
    which = "next" if s.nx else "new" if s.nw else "current" if s.cu else "last" if s.ls else None
    if which is None:
        if s.part is None or s.part.mod != "START":
            return None                 # («طوال العام الدراسي», «نهاية العام الدراسي»: which one is not said)
        which = "new"
    return Partial("date", school=which, part=s.part.mod if s.part else None)


@rule("period_part", "{part:PART} {period:PERIOD}(?! {:DIR})(?! قبل {:DIR})(?! ال_?[0-9])(?! {:ORDINAL}(?!\\w))(?! (?:الدراسي|الدراسية|الجامعي|الجامعية)(?!\\w))",
      ["نهاية العام", "مطلع الشهر", "منتصف الأسبوع", "أواخر السنة"])
def period_part(s):
    if s.period.grain == "quarter":
        return None
    return Partial("date", period=s.period.grain, period_shift=0, part=s.part.mod)


def _year_of_shift(s):
    """The year shift said by ``_YEAR_OF``: -1/+1 for «من العام الماضي/المقبل», 0 for «من هذا العام» and
    «من العام» alone (this year's), None for a written year or «من العام نفسه»."""
    return s.ydir.direction if s.ydir else (0 if (s.ydem or s.thisyear) else None)


@rule("quarter_or_half", PART + "{pord:PORD}" + _YEAR_OF,
      ["الربع الأول من العام الجاري", "الربع الثالث من 2024", "الربع الأخير من العام الماضي",
       "النصف الأول من العام المقبل", "النصف الثاني من هذا العام", "الربع الأول من العام",
       "الربع الأول من العام نفسه", "الربع الأول 2015", "النصف الثاني العام الماضي"])
def quarter_or_half(s):
    shift = _year_of_shift(s)
    grain, n = s.pord.grain, s.pord.number
    return Partial("date", year=s.year, year_shift=shift, quarter=n if grain == "quarter" else None,
                   half=n if grain == "half" else None, part=s.part.mod if s.part else None,
                   explicit_year=s.year is not None, era=era_of(s), flags=year_ref_flags(s))


# A quarter with no year («ارتفعت أرباح الشركة للربع الثالث», «نتائج الربع الأول»): the one the clause's
# tense or the anchor's nearness gives; not a half, which is a match's as often («في النصف الثاني»), nor a
# quarter of something else («الربع الأخير من القرن», «من المباراة»), nor «الربع الأخير» alone (the
# latest quarter as often as the fourth: «25% من مبيعاتها في الربع الأخير»), nor a count of quarters
# («تراجع للربع الثالث على التوالي», «الربع الأول الذي يشهد فيه المؤشر …»: the first one that), nor a
# match's quarter («تقدم الاتحاد بفارق 12 نقطة في الربع الثالث قبل أن يحسم المباراة»)
@rule("quarter_bare", PART + "{pord:PORD}(?! (?:من|في|ل|لل)(?!\\w))(?! ل)(?!_[0-9])(?! {:DIR})(?! {:SAME})"
      "(?!_[،,]?_(?:على التوالي|تواليا?|الذي|التي|الذين)(?!\\w))"
      "(?![^.\\n]{0,80}(?:المباراة|مباراة|المباريات|الشوط|المواجهة)(?!\\w))",
      ["الربع الثالث", "الربع الأول", "نهاية الربع الثاني", "للربع الرابع"])
def quarter_bare(s):
    if s.pord.grain != "quarter" or s.pord.norm.endswith("الاخير") or not s.pord.norm.startswith("الربع"):
        return None                     # «في الربع الأخير» alone is as often the latest quarter as the fourth;
                                        # «الثلاثي الأول» alone as often a trio
    return Partial("date", quarter=s.pord.number, part=s.part.mod if s.part else None)


# «الفصل الأول من سنة 2026», «الفصل الثالث من 2014», «الفصل الأول من هذه السنة»: a quarter, as the Maghrebi
# press names one, of a year said as a quarter's is (``_YEAR_OF``); not a school term («الفصل الأول من
# العام التدريبي الجديد», «من هذا العام الدراسي», «من عام 2015/2016», «من العام» alone) nor a chapter
# («الفصل الثاني من النظام»)
_TERM = "(?!_?[/.\\-–]_?[0-9])(?! (?:الدراسي|الدراسية|التدريبي|التدريبية|الجامعي|الأكاديمي))"


@rule("quarter_fasl", PART + "الفصل {n:ORDINAL}" + _YEAR_OF + _TERM,
      ["الفصل الأول من سنة 2026", "الفصل الثالث من 2014", "الفصل الأول من هذه السنة", "الفصل الرابع لعام 2015"])
def quarter_fasl(s):
    if not 1 <= s.n.day <= 4 or s.thisyear is not None:
        return None
    return Partial("date", year=s.year, year_shift=_year_of_shift(s), quarter=s.n.day,
                   part=s.part.mod if s.part else None, explicit_year=s.year is not None, era=era_of(s),
                   flags=year_ref_flags(s))


# «الأشهر التسعة الأولى من 2024», «الأشهر الثلاثة الأخيرة من العام الماضي»: the first or last months of
# a year, a range of months (economic reports give their figures so); «الأشهر الستة الأخيرة» with no year
# is a stretch before the anchor (period_count)
@rule("months_of_year", "(?:الأشهر|الشهور) ال{n:NUMWORD} (?:{first:=الأولى}|{last:=الأخيرة})" + _YEAR_OF,
      ["الأشهر التسعة الأولى من 2024", "الأشهر الثلاثة الأخيرة من العام الماضي", "الأشهر السبعة الأولى من العام",
       "الأشهر الستة الأولى من العام الجاري"])
def months_of_year(s):
    n = s.n.value
    if not isinstance(n, int) or not 2 <= n <= 11:
        return None
    shift = _year_of_shift(s)
    a, b = (1, n) if s.first is not None else (13 - n, 12)
    end = Partial("date", year=s.year, month=b, year_shift=shift, explicit_year=s.year is not None, era=era_of(s))
    return Partial("range", year=s.year, month=a, year_shift=shift, end=end, explicit_year=s.year is not None,
                   flags=year_ref_flags(s))


@rule("season", PART + "{season:SEASON}(?: {dir:DIR}| " + YEAR_SAID + ERA + "?| (?:من )?(?:العام|السنة) {ydir:DIR})",
      ["صيف 2024", "الصيف الماضي", "الشتاء المقبل", "الربيع المقبل", "خريف العام الماضي"])
def season(s):
    if s.dir is not None:
        return Partial("date", season=s.season.season, direction=s.dir.direction,
                       part=s.part.mod if s.part else None)
    return Partial("date", season=s.season.season, year=s.year,
                   year_shift=s.ydir.direction if s.ydir else None, part=s.part.mod if s.part else None,
                   explicit_year=s.year is not None, era=era_of(s))


@rule("season_demonstrative", "{dem:DEM} {season:SEASON}", ["هذا الصيف", "هذا الشتاء"])
def season_demonstrative(s):
    return Partial("date", season=s.season.season, direction=0)


@rule("set_word", "{set:SETWORD}", ["يومياً", "سنوياً", "كل عام", "أسبوعياً"])
def set_word(s):
    return Partial("set", set_value=s.set.value)

"""Narrative anchoring: expressions dated from the date the text said before them, not from the
publication date («في اليوم التالي», «العام الذي تلاه», «بعد ذلك بثلاثة أيام», «حينها»).  Each
carries ``FLAG_NARRATIVE``; the engine resolves it against the nearest date before it of a fitting
grain (``Engine._link_narrative``), or leaves it unresolved when there is none."""
from ..grammar import rule
from ..types import Partial, FLAG_NARRATIVE
from ._shared import PART, day_of

# (the count of durations.py's rules; that module is not imported here, for it registers its rules
# after these: import order is the order rules are tried)
_COUNT = "(?:(?:{n:NUMWORD}|{num:NUM})(?: و_{tens:TENS})? |{tensw:TENS} )"

_N = (FLAG_NARRATIVE,)
# the one after / before / the same as the one said before
_REL = "(?:{nxt:NARNEXT}|{prev:NARPREV}|{same:SAME})"
_NO_RELATIVE_CLAUSE = "(?! (?:الذي|التي)(?!\\w))"        # «ذلك اليوم الذي نشرت فيه»: told after, not before
# «خلال الشهر ذاته من العام الماضي», «مقارنة بالشهر نفسه قبل سنة», «بنفس الشهر من 2014», «… من الأعوام
# الماضية», «الربع نفسه من هذا العام»: that month (quarter) of another year, not the
# date said before
_NO_OTHER_YEAR = "(?! (?:من|في|قبل) (?:العام|السنة|عام|سنة|الأعوام|السنوات)(?!\\w))(?! (?:من|في)_[0-9])(?! (?:من|في) (?:هذا|هذه)(?!\\w))"
# «سيتم ذلك العام المقبل»: «ذلك» is «that (thing)», «العام المقبل» the next year
_NO_DIR = "(?! {:DIR})"
_OFFSET_GRAINS = ("day", "week", "month", "year")


def _shift(s):
    return 1 if s.nxt is not None else -1 if s.prev is not None else 0


# «في اليوم التالي», «صباح اليوم التالي», «في الليلة ذاتها», «في اليوم نفسه», «اليوم الذي سبقه»
@rule("narrative_day", "(?:{pod:POD} )?(?:اليوم|{night:=الليلة}) " + _REL,
      ["اليوم التالي", "صباح اليوم التالي", "الليلة ذاتها", "اليوم نفسه", "اليوم ذاته",
       "مساء اليوم الذي سبقه", "الليلة التالية", "اليوم الذي تلاه"])
def narrative_day(s):
    tod = "NI" if s.night is not None else (s.pod.part if s.pod else None)
    return Partial("date", rel_day=_shift(s), time_of_day=tod, flags=_N)


# «اليوم السابق» (the day before: of the day said before it in its sentence or the one before, else of the
# anchor: yesterday, Engine._link_previous), «اليوم الماضي», «اليوم المنصرم» (the day just past: yesterday);
# not «اليوم السابق للانتخابات» (the day before an event said after it, which is not dated here)
@rule("day_previous", "(?:{pod:POD} )?اليوم (?:{prev:=السابق}|{past:=الماضي}|{past:=المنصرم})(?! ل)(?! على(?!\\w))",
      ["اليوم السابق", "مساء اليوم السابق", "اليوم الماضي", "اليوم المنصرم"])
def day_previous(s):
    return Partial("date", rel_day=-1, time_of_day=s.pod.part if s.pod else None)


# «مقارنة بالربع نفسه من العام الماضي», «بالفترة المماثلة من العام السابق», «عن نفس الشهر من العام الماضي»:
# the quarter (month, half, stretch) said before, a year earlier (``Engine._link_narrative``; «الفترة»: any
# span of a year or less); with none said before, last year itself.  A base of comparison: no event.
_LIKE = "(?:{same:SAME}|{like:=المماثل}|{like:=المماثلة}|{like:=المقابل}|{like:=المقابلة}|{like:=المناظر}|{like:=المناظرة})"
_SAME_SPAN = "(?:{period:PERIOD}|{stretch:=الفترة}|{half:=النصف}|{months:=الأشهر})"
_LAST_YEAR = " (?:من|في) (?:العام|السنة) {dir:DIR}"


@rule("narrative_same_last_year", "(?:" + _SAME_SPAN + " " + _LIKE + "|(?:نفس|ذات) " + _SAME_SPAN + ")" + _LAST_YEAR,
      ["الربع نفسه من العام الماضي", "الفترة المماثلة من العام السابق", "نفس الشهر من العام الماضي",
       "الفترة ذاتها من العام الماضي", "النصف المقابل من العام الماضي", "ذات الفترة من السنة الماضية",
       "الأشهر نفسها من العام الماضي"])
def narrative_same_last_year(s):
    if s.dir.direction != -1:
        return None                          # «الفترة نفسها من العام المقبل»: not said so in news
    grain = s.period.grain if s.period is not None else "half" if s.half is not None else "year"
    if grain not in ("week", "month", "quarter", "half", "year"):
        return None
    # the span said before, a year back («year_shift»): of the grain «period» («year» for «الفترة»: any
    # span; Engine._link_narrative, _same_span_base)
    return Partial("date", period=grain, year_shift=-1, flags=_N)


# «مقارنة بنفس الفترة من عام 2014», «الشهر ذاته من عام 2014», «الفترة المماثلة من سنة 2014»: the span said
# before in the year named (Engine._link_narrative: its year replaced; a day or none said before: the year
# itself).  A base of comparison: no event.
@rule("narrative_same_in_year", "(?:" + _SAME_SPAN + " " + _LIKE + "|(?:نفس|ذات) " + _SAME_SPAN + ")"
      + " (?:من|في) (?:عام|العام|سنة) {year:YEAR}(?:_(?:م|ميلادي|ميلادية)(?!\\w))?(?!_?[/.\\-]_?[0-9])",
      ["نفس الفترة من عام 2014", "الفترة نفسها من سنة 2014", "الشهر ذاته من عام 2014", "الفترة المماثلة من العام 2014"])
def narrative_same_in_year(s):
    grain = s.period.grain if s.period is not None else "half" if s.half is not None else "year"
    if grain not in ("week", "month", "quarter", "half", "year"):
        return None
    return Partial("date", period=grain, year=s.year, explicit_year=True, flags=_N)


# «العام التالي», «في الشهر التالي», «الأسبوع الذي سبقه», «العام الذي تلاه», «نهاية السنة التالية»
# («العقود الآجلة تسليم الشهر التالي 31 سنتا»: the front-month contract, the month after the article's,
# left to «period_direction»; a look-behind, for a blocker's left context gives way to the number after it)
@rule("narrative_period", "(?<!تسليم\\s)(?<!عقود\\s)" + PART + "{period:PERIOD} (?:{nxt:NARNEXT}|{prev:NARPREV})",
      ["العام التالي", "الشهر التالي", "الأسبوع الذي سبقه", "العام الذي تلاه", "السنة التالية",
       "نهاية الشهر التالي", "الأسبوع التالي"])
def narrative_period(s):
    if s.period.grain not in ("week", "month", "quarter", "year"):
        return None
    return Partial("date", period=s.period.grain, period_shift=_shift(s),
                   part=s.part.mod if s.part else None, flags=_N)


# «ارتفع في يونيو 5% عن الشهر السابق», «مقارنة بالشهر السابق», «بالمقارنة مع الشهر السابق»: a month set
# against the one before it is the month before the month said before (the month reported), not the
# article's last month (as «مقارنة مع الربع السابق»: period_direction); with no month said before, unresolved
_COMPARED = ("(?:(?<=عن\\x20)|(?<=مقارنة\\x20ب)|(?<=مقارنة\\x20مع\\x20)|(?<=مقابل\\x20)|(?<=قياسا\\x20ب)"
             "|(?<=قياسا\\x20مع\\x20))")


@rule("narrative_compared_month", _COMPARED + "الشهر السابق(?! (?:من|في|قبل|عليه)(?!\\w))",
      ["عن [الشهر السابق]", "مقارنة ب[الشهر السابق]", "بالمقارنة مع [الشهر السابق]", "مقابل [الشهر السابق]"])
def narrative_compared_month(s):
    return Partial("date", period="month", period_shift=-1, flags=_N)


# «في 24 من نفس الشهر», «في 31 من الشهر ذاته», «السابع من الشهر نفسه»: a day of the month said before
# (this module's rules are tried first: «31 من الشهر» alone is «day_of_deictic_month»'s, blocked before
# «ذاته/نفسه»)
@rule("narrative_day_of_month", "(?<!النصف\\x20)(?<!الربع\\x20)(?:يوم )?(?:(?:ال )?{day:DAY}|{dayw:ORDINAL}) من (?:نفس الشهر|ذات الشهر|الشهر {same:SAME})" + _NO_OTHER_YEAR,
      ["24 من نفس الشهر", "31 من الشهر ذاته", "السابع من الشهر نفسه", "الخامس من ذات الشهر"])
def narrative_day_of_month(s):
    return Partial("date", day=day_of(s), period="month", period_shift=0, flags=_N)


# «في النصف الثاني من الشهر نفسه», «النصف الأول من ذات الشهر»: that half of the month said before (not «الثاني
# من الشهر نفسه», its 2nd day)
@rule("narrative_half_of_month", "{pord:PORD} (?:من|في) (?:نفس الشهر|ذات الشهر|الشهر {same:SAME})" + _NO_OTHER_YEAR,
      ["النصف الثاني من الشهر نفسه", "النصف الأول من ذات الشهر", "النصف الثاني من الشهر ذاته"])
def narrative_half_of_month(s):
    if s.pord.grain != "half":
        return None
    return Partial("date", period="month", period_shift=0, half=s.pord.number, flags=_N)


# «في العام نفسه», «خلال الشهر ذاته», «في الأسبوع نفسه» («الأمين العام نفسه», «المدعي العام ذاته»: the
# general secretary, the prosecutor: data/blockers.tsv)
@rule("narrative_same_period", "{period:PERIOD} {same:SAME}" + _NO_OTHER_YEAR + _NO_DIR,
      ["العام نفسه", "الشهر ذاته", "الأسبوع نفسه", "السنة ذاتها"])
def narrative_same_period(s):
    if s.period.grain not in ("week", "month", "quarter", "year"):
        return None
    return Partial("date", period=s.period.grain, period_shift=0, flags=_N)


# «في ذلك اليوم», «في تلك الليلة», «ذلك العام», «تلك السنة», «في نفس اليوم», «ذات اليوم»: the date
# said before (the rule begins at the demonstrative: begun at «اليوم», it would stand before the rules of
# «اليوم الوطني» and the blockers of «اليوم»; «كذلك اليوم» is «likewise today»)
@rule("narrative_that", "(?<!ك)(?:ذلك|تلك|نفس|ذات) (?:اليوم|{night:=الليلة}|{period:PERIOD})" + _NO_RELATIVE_CLAUSE
      + _NO_OTHER_YEAR + _NO_DIR,
      ["ذلك اليوم", "تلك الليلة", "ذلك العام", "تلك السنة", "ذلك الشهر", "نفس اليوم", "نفس العام",
       "ذات اليوم"])
def narrative_that(s):
    if s.period is not None:
        if s.period.grain not in ("week", "month", "quarter", "year"):
            return None
        return Partial("date", period=s.period.grain, period_shift=0, flags=_N)
    return Partial("date", rel_day=0, time_of_day="NI" if s.night is not None else None, flags=_N)


# «بعد ذلك بثلاثة أيام», «قبل ذلك بيومين», «بعد ذلك بأسبوع», «بعد ذلك بأيام»: counted from the date
# said before («بعدها بيومين» is not spotted: «بعدها» is no word of the tables)
@rule("narrative_offset", "{off:OFFSET} ذلك ب_" + _COUNT + "?{unit:UNIT}(?!_[0-9])",
      ["بعد ذلك بثلاثة أيام", "قبل ذلك بيومين", "بعد ذلك بأسبوع", "قبل ذلك بعامين", "بعد ذلك بشهرين",
       "قبل ذلك بيوم", "بعد ذلك بأيام", "بعد ذلك بأسابيع"])
def narrative_offset(s):
    return _narrative_count(s)


# «وبعدها بتسعة أيام», «بعدها بأيام», «قبلها بيومين», «بعده بأسبوع»: the same, with the pronoun for «ذلك»
@rule("narrative_offset_pronoun", "(?:{aft:=بعدها}|{aft:=بعده}|{bef:=قبلها}|{bef:=قبله}) ب_" + _COUNT + "?{unit:UNIT}(?!_[0-9])",
      ["بعدها بتسعة أيام", "بعدها بأيام", "قبلها بيومين", "بعده بأسبوع", "بعدها بعامين", "قبله بشهر"])
def narrative_offset_pronoun(s):
    from types import SimpleNamespace
    sign = 1 if s.aft is not None else -1
    return _narrative_count(SimpleNamespace(off=SimpleNamespace(sign=sign, norm="قبل" if sign < 0 else "بعد"),
                                            unit=s.unit, n=s.n, num=s.num, tens=s.tens, tensw=s.tensw, frac=None))


# «بعد يومين من ذلك», «بعد أسبوع من ذلك التاريخ», «قبل ثلاثة أيام من ذلك», «بعد عامين على ذلك», «بعد
# أيام من ذلك»: the same count from the date said before, «من ذلك» after the count («بعد يومين من ذلك
# الهجوم»: the attack told before, whose date is the one said before)
@rule("narrative_offset_from", "{off:OFFSET} " + _COUNT + "?{unit:UNIT} (?:من|على) (?:ذلك|هذا|ذاك)"
      "(?: (?:التاريخ|اليوم|الموعد|الحين))?(?!\\w)",
      ["بعد يومين من ذلك", "بعد أسبوع من ذلك التاريخ", "قبل ثلاثة أيام من ذلك", "بعد عامين على ذلك",
       "بعد أيام من ذلك", "بعد شهر من ذلك", "بعد 10 أيام من ذلك اليوم"])
def narrative_offset_from(s):
    return _narrative_count(s)


def _narrative_count(s):
    """A count of days, weeks, months or years from the date said before (a vague plural, «بأيام»: an
    APPROX stretch after or before it)."""
    from .durations import _amount, _count, APPROX_NEAR, APPROX_FAR
    if s.off.sign == -1 and not s.off.norm.startswith("قبل"):
        return None                     # «منذ ذلك …»: since, no count from a date
    if s.unit.grain not in _OFFSET_GRAINS:
        return None
    amount = _amount(s, need_explicit=False)
    if amount == "X" or amount is None and _count(s) is None and s.unit.count is None:
        return Partial("date", approx=(s.off.sign, s.unit.grain, APPROX_NEAR, APPROX_FAR), flags=_N)
    if amount is None or amount != int(amount):
        return None
    return Partial("date", offset=(s.off.sign * int(amount), s.unit.grain), flags=_N)


# «حينها», «آنذاك», «وقتها»: the date said before, at its own grain; «يومها»: that day
@rule("narrative_then", "{then:NARTHEN}", ["حينها", "آنذاك", "وقتها", "حينذاك", "يومئذ", "آنئذ"])
def narrative_then(s):
    if s.then.relation == "then_day":
        return Partial("date", rel_day=0, flags=_N)
    if s.then.relation == "then_past":               # «آنذاك»: with no date before it, some past time
        return Partial("date", vague="PAST_REF", flags=_N)
    return Partial("date", flags=_N)

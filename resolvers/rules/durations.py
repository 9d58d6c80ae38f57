"""Counted offsets from the anchor («قبل ثلاثة أيام») and durations («ثلاثة أشهر ونصف»)."""
from types import SimpleNamespace

from ..grammar import rule
from ..types import Partial

_COUNT = "(?:(?:{n:NUMWORD}|{num:NUM})(?: و_{tens:TENS})? |{tensw:TENS} )"
# («شهراً ونصف الشهر», «عام ونصف العام»: the unit said again after the fraction is of the span)
_FRACTION = "(?: (?:واحد|واحدة)(?!\\w))?(?: و_{frac:FRACTION}(?: (?:الشهر|السنة|العام|الساعة)(?!\\w)(?! {:DIR}))?)?"


def _count(s):
    """The count said before the unit, None when none was said, 'X' for «بضعة»/«عدة»."""
    if s.n is not None:
        if s.n.kind == "vague":
            return "X"
        base = s.n.value
    elif s.num is not None:
        base = s.num
    elif s.tensw is not None:
        return s.tensw.value
    else:
        return None
    return base + (s.tens.value if s.tens else 0)


def _amount(s, need_explicit, framed=False):
    """Count × unit (+ fraction), or None when the words do not make a duration.  A unit that is
    also another word («ساعة» a clock, «دقيقة» accurate, «عقد» a contract) counts one only with a
    fraction («ساعة ونصف»), or an hour or minute ``framed`` by a word of length («لمدة ساعة»; «من
    خلال عقد الدورات» is holding them)."""
    c = _count(s)
    if c is None:
        if s.unit.count == 2:
            c = 2
        elif s.unit.count == 1 and (not s.unit.ambiguous or s.frac is not None or s.full is not None
                                    or framed and s.unit.grain in ("hour", "minute")) \
                and (s.frac is not None or not need_explicit):
            c = 1
        else:
            return None
    elif s.unit.count == 2:          # «ثلاثة يومين» is not Arabic
        return None
    elif s.unit.grain == "decade" and s.unit.norm == "عقد" and c != "X" and c > 2:
        return None                  # «المؤتمر 11 عقد من 5-7 ذي الحجة» (was held), «1800 عقد منفذ»
                                     # (contracts): decades are «عقود» (3-10) or «عقداً» (11-99)
    if c == "X":
        return c
    return c + (s.frac.value if s.frac else 0)


# a vague count of these units is a vague stretch of time («منذ أيام», «قبل بضعة أسابيع», «بعد أشهر»):
# 2 to 10 of them (an Arabic plural counts three to ten; «أيام» may be two or three)
_APPROX_GRAINS = ("day", "week", "month", "year")
APPROX_NEAR, APPROX_FAR, APPROX_FEW = 2, 10, 5


# «منذ عام وثلاثة أشهر», «قبل شهر و10 أيام», «بعد أسبوع ويومين»: two counts of time joined by «و», the
# second of a finer unit; the anchor shifted by their sum (resolved at the finer unit's grain)
_COUNT2 = "(?:(?:{n2:NUMWORD}|{num2:NUM})(?: و_{tens2:TENS})? |{tensw2:TENS} )"
_COMPOUND_GRAINS = ("day", "week", "month", "year")
_GRAIN_RANK = {g: i for i, g in enumerate(_COMPOUND_GRAINS)}


def _second(s):
    """The second count of a compound as a Slots-like view (n, num, tens, tensw, unit, frac)."""
    return SimpleNamespace(n=s.n2, num=s.num2, tens=s.tens2, tensw=s.tensw2, unit=s.unit2, frac=None)


@rule("offset_compound", "{off:OFFSET} (?:{am:DURMOD} )?" + _COUNT + "?{unit:UNIT} و_" + _COUNT2 + "?{unit2:UNIT}"
      + "(?!_[0-9])(?! (?:{:WEEKDAY}|{:MONTH}|{:RELDAY}|{:ORDINAL}|{:WDBARE}|{:THOUSANDS})(?!\\w))(?! و_(?:{:NUMWORD}|{:FRACTION}|[0-9]))",
      ["منذ عام وثلاثة أشهر", "قبل شهر و10 أيام", "بعد أسبوع ويومين", "قبل عامين وستة أشهر",
       "منذ سنة وشهرين", "قبل ثلاث سنوات وخمسة أشهر", "بعد شهرين وأسبوع"])
def offset_compound(s):
    g1, g2 = s.unit.grain, s.unit2.grain
    if g1 not in _GRAIN_RANK or g2 not in _GRAIN_RANK or _GRAIN_RANK[g2] >= _GRAIN_RANK[g1]:
        return None                     # «قبل يومين وأسبوع», hours: not a compound of these
    a1, a2 = _amount(s, need_explicit=False), _amount(_second(s), need_explicit=False)
    if a1 in (None, "X") or a2 in (None, "X") or (s.unit2.count is None and _count(_second(s)) is None):
        return None                     # «منذ عامين وأشهر»: a vague second part
    return Partial("date", offset=(s.off.sign * a1, g1), offset_more=((s.off.sign * a2, g2),),
                   mod=s.am.mod if s.am else None)


# «يوما بعد يوم», «عاما بعد عام», «أسبوعا بعد أسبوع»: day after day, an idiom of repetition, no count
_NOT_IDIOM = "".join("(?<!(?<!\\w)%s\\x20)" % w for w in
                     ("يوما", "يوم", "عاما", "عام", "سنة", "شهرا", "شهر", "اسبوعا", "اسبوع", "ساعة", "لحظة"))


@rule("offset", _NOT_IDIOM + "{off:OFFSET} (?:{am:DURMOD} )?" + _COUNT + "?{unit:UNIT}" + _FRACTION
      + "(?!_[0-9])(?! (?:{:WEEKDAY}|{:MONTH}|{:RELDAY}|{:ORDINAL}|{:WDBARE}|{:THOUSANDS})(?!\\w))",
      ["قبل ثلاثة أيام", "بعد أسبوعين", "قبل عامين", "قبل 10 سنوات", "منذ ثلاثة أيام", "بعد شهر",
       "قبل نحو عامين", "بعد يومين", "قبل خمسة وعشرين عاما"])
def offset(s):
    amount = _amount(s, need_explicit=False)
    if (amount == "X" or amount is None and _count(s) is None and s.unit.count is None) \
            and s.unit.grain in _APPROX_GRAINS and s.frac is None:
        return Partial("date", approx=(s.off.sign, s.unit.grain, APPROX_NEAR, APPROX_FAR))
    # («منذ عقد» may be «since a contract»; the dual «منذ عقدين» is two decades)
    if amount is None or amount == "X" or s.unit.grain == "decade" and _count(s) is None and s.unit.count != 2:
        return None
    return Partial("date", offset=(s.off.sign * amount, s.unit.grain),
                   mod=s.am.mod if s.am else None)


# «شفته من يومين», «وصلت من أسبوع.», «تركت العمل من سنتين تقريباً» (spoken, in quotes and columns): «من» and
# a count of days, weeks, months or years that ends its clause is that long ago, as «قبل»; not after a
# word of measure or of start («أكثر من أسبوع», «لمدة من يومين», «بدءاً من عام»), nor before more words
# («من شهرين إلى عام», «من شهر رمضان», «من عام 2014»), nor «من يوم» (since the day)
_AGO_NOT_AFTER = "".join("(?<!(?<!\\w)%s\\x20)" % w for w in
                         ("أكثر", "اكثر", "أقل", "اقل", "نحو", "قرابة", "حوالي", "مدة", "لمدة", "فترة", "تتراوح", "يتراوح",
                          "بدءا", "اعتبارا", "ابتداء", "انطلاقا", "واحد", "واحدة", "أي", "اي", "جزء", "كل", "أيام", "ايام",
                          "يوم", "يوما", "ساعة", "أول", "اول", "آخر", "اخر", "المزيد", "عدد", "بدلا", "عوضا", "يقارب", "يقرب",
                          "تقارب", "يزيد", "تزيد", "ينقص", "يقل", "تقل", "الأقل", "الاقل", "الأكثر", "الاكثر"))
# (and not after a comparative: «أكبر من عامين», «أطول من أسبوع»)
_AGO_NOT_COMPARATIVE = "".join("(?<!(?<!\\w)%s\\x20)" % w for w in
                               ("أكبر", "اكبر", "أصغر", "اصغر", "أطول", "اطول", "أقصر", "اقصر", "أبعد", "ابعد", "أقرب",
                                "اقرب", "أسرع", "اسرع", "أبطأ", "ابطا", "أفضل", "افضل", "أسوأ", "اسوا", "أعلى", "اعلى",
                                "أدنى", "ادنى", "أبكر", "ابكر", "أقدم", "اقدم", "أحدث", "احدث"))


@rule("offset_colloquial", "(?<=[^\\W\\d]\\x20)" + _AGO_NOT_AFTER + _AGO_NOT_COMPARATIVE + "من " + _COUNT + "?{unit:UNIT}" + _FRACTION
      + "(?=_?(?:[.،,!?؟»\"”)](?!_?[0-9])|\\n|$)| (?:تقريبا|فقط|بس|ونص)(?!\\w)"
      "| و(?!_?[0-9])(?!احد)(?!(?:{:NUMWORD}|{:UNIT}|{:TENS}|نصف|نص|ربع|ثلث)(?!\\w)))",
      ["شفته [من يومين]،", "وصلت [من أسبوع].", "تركت العمل [من سنتين] تقريبا"])
def offset_colloquial(s):
    amount = _amount(s, need_explicit=False)
    if amount in (None, "X") or s.unit.grain not in ("day", "week", "month", "year") or \
            amount == 1 and s.unit.grain == "day":
        return None
    return Partial("date", offset=(-amount, s.unit.grain))


# «في مثل هذا اليوم قبل سبعة وخمسين عاماً»: the anchor's day and month that many years back
@rule("this_day_years_ago", "مثل (?:هذا|ذلك) اليوم {off:OFFSET} " + _COUNT + "?{unit:UNIT}",
      ["مثل هذا اليوم قبل سبعة وخمسين عاماً", "مثل هذا اليوم قبل عامين"])
def this_day_years_ago(s):
    amount = _amount(s, need_explicit=False)
    if amount in (None, "X") or s.unit.grain != "year" or not float(amount).is_integer():
        return None
    return Partial("date", year_shift=int(s.off.sign * amount), this_day=True)


# «بعد مرور عامين», «وبعد مرور ثلاثة أشهر»: after so long has passed, a duration (P2Y), counted
# from the date said just before it when there is one (Engine._link_after: «في نيسان 2013. وبعد مرور
# عامين» 2015); not from the anchor: «وبعد مرور تسعة أشهر، لم يكن لدى العائلات …» tells a story's time
# («بعد مرور يومين على سحب القوات»: counted from an event, the count alone, a duration as before)
@rule("offset_elapsed", "بعد مرور (?:{am:DURMOD} )?" + _COUNT + "?{unit:UNIT}" + _FRACTION + "(?!_[0-9])"
      "(?!(?: (?:فقط|تقريبا|تحديدا|كامل|كاملة|كاملا))? (?:على|من)(?!\\w))",
      ["بعد مرور عامين", "بعد مرور نحو ثلاثة أشهر", "بعد مرور 42 يوما", "بعد مرور عام"])
def offset_elapsed(s):
    amount = _amount(s, need_explicit=False)
    if amount is None or amount == "X":
        return None
    return Partial("duration", amount=amount, unit=s.unit.grain, mod=s.am.mod if s.am else None)


# («الساعات الأربع والعشرين الماضية», «السنوات الخمس والعشرين الأخيرة»: a count in words with its tens)
@rule("period_count", "{unit:DUNIT}(?: (?:{n:NUMWORD}|ال{nd:NUMWORD}(?: وال{te:TENS})?|(?:ال_?)?{num:NUM}))?(?: {few:=القليلة})? "
      "(?:{dir:DIR}|{last:=الأخيرة})",
      ["السنوات الخمس الماضية", "الأيام الثلاثة المقبلة", "العامين الماضيين", "الأشهر الستة الماضية",
       "الأيام القليلة المقبلة", "السنوات العشر الأخيرة", "الأشهر المقبلة", "الأسابيع القليلة الماضية",
       "الساعات الـ24 الماضية", "الساعات الأربع والعشرين الماضية", "الساعات الثماني والأربعين المقبلة"])
def period_count(s):
    n = s.n or s.nd
    c = n.value if n is not None else (s.num if s.num is not None else s.unit.count)
    if s.te is not None:
        if c is None:
            return None
        c += s.te.value
    sign = -1 if s.last else s.dir.direction
    if sign == 0:
        return None
    if c is None:
        # «الأيام المقبلة», «السنوات الأخيرة»: the stretch next to the anchor, vaguely long; but «الأعوام
        # التالية» are the years after something told, not after the article
        if s.unit.grain not in _APPROX_GRAINS or (s.dir is not None and s.dir.norm.startswith("التالي")):
            return None
        return Partial("date", approx=(sign, s.unit.grain, 0, APPROX_FEW if s.few else APPROX_FAR))
    return Partial("duration", amount=c, unit=s.unit.grain)


# «على مدى العام ونصف العام المنصرم», «خلال العامين ونصف الماضيين»: the stretch of a unit and a half just
# past or to come, a duration as «السنوات الخمس الماضية» is (P1.5Y); the direction may agree with the dual
@rule("period_and_half", "(?:{unit:DUNIT}|{per:PERIOD}) ونصف(?: (?:{:DUNIT}|{:PERIOD}))? (?:{dir:DIR}|الأخيرة|الماضيين|المقبلين|القادمين)",
      ["العام ونصف العام المنصرم", "العامين ونصف الماضيين", "الشهر ونصف الشهر الماضي", "السنة ونصف السنة الأخيرة"])
def period_and_half(s):
    c = (s.unit.count or 1) if s.unit is not None else 1
    if s.dir is not None and s.dir.direction == 0:
        return None
    return Partial("duration", amount=c + 0.5, unit=s.unit.grain if s.unit is not None else s.per.grain)


# «كل ثلاث سنوات», «مرة كل عامين», «كل ستة أشهر», «كل 4 سنوات»: every so long, a SET of that length
# («كل عام», «كل يوم جمعة» are words of data/sets.tsv; «كل الأيام», «كل أيام الأسبوع» have no count)
# («كل» is a stop word, so the rule begins at the count and «كل» is its required left word)
@rule("set_every", _COUNT + "?{unit:UNIT}(?!_[0-9])(?! (?:{:NUMWORD}|{:FRACTION})(?!\\w))(?! و_(?:{:NUMWORD}|{:FRACTION}|[0-9]))",
      ["كل ثلاث سنوات", "كل عامين", "كل ستة أشهر", "كل 4 سنوات", "كل ساعتين", "كل يومين",
       "كل عشر سنوات", "كل بضعة أيام"], left="كل", left_required=True)
def set_every(s):
    amount = _amount(s, need_explicit=True)
    if amount is None or s.unit.count == 1 and _count(s) is None:
        return None                     # «كل عام» is sets.tsv's; «كل بضعة أيام» is PXD
    return Partial("set", amount=amount, unit=s.unit.grain)


# «لمدة أسبوع», «مدة شهر كامل», «طوال عام», «على مدى يوم كامل», «خلال أسبوع», «أسبوعا كاملا»: one unit
# with no count is a duration where a word of length frames it (before it, outside the span as «لمدة
# ثلاثة أشهر» is) or «كامل» follows it (inside the span); «لمدة يوم الجمعة», «خلال شهر رمضان», «طوال عام
# 2014», «خلال يوم العيد» are dates, «للعام بأكمله» the year said, «على مدار سنة وثلاثة أشهر» a compound
# (its second part alone is a duration)
_FRAMED = "(?:" + "|".join("(?<=(?<!\\w)%s\\x20)" % w.replace(" ", "\\x20") for w in
                           ("لمدة", "مدة", "طوال", "طيلة", "على مدى", "على مدار", "خلال", "لفترة")) + ")"
_FULL = "(?:" + "|".join("{full:=%s}" % w for w in ("كامل", "كاملا", "كاملة", "كاملين", "كاملتين", "بأكمله",
                                                     "بأكملها")) + ")(?!\\w)"


@rule("duration_one_unit", "(?:" + _FRAMED + "{unit:UNIT}" + _FRACTION + "(?: " + _FULL + ")?|(?<!ال)(?<!لل){unit:UNIT} " + _FULL + ")"
      "(?!_[0-9])(?! و_(?:{:NUMWORD}|{:TENS}|[0-9]))(?! (?:{:MONTH}|{:HMONTH}|{:WEEKDAY}|{:HOLIDAY}|{:NUMWORD}|{:THOUSANDS}|ال\\w)(?!\\w))(?! ال)",
      ["لمدة [أسبوع]", "مدة [شهر كامل]", "طوال [عام]", "على مدى [يوم كامل]", "[أسبوعا كاملا]", "خلال [أسبوع]",
       "لمدة [يوم]", "[شهرا كاملا]", "لمدة [شهر ونصف]", "خلال [عام واحد]", "لمدة [ساعة]"])
def duration_one_unit(s):
    amount = _amount(s, need_explicit=False, framed=True) if s.unit.count == 1 else None
    if amount is None:
        return None
    return Partial("duration", amount=amount, unit=s.unit.grain)


# «نصف ساعة», «ربع ساعة», «نصف يوم»: a fraction of one unit (not «نصف الساعة», «نصف العام»: of a said one)
@rule("duration_fraction", "(?:{am:DURMOD} )?{frac:FRACTION} {unit:UNIT}(?! (?:{:NUMWORD}|{:MONTH}|{:DIR})(?!\\w))",
      ["نصف ساعة", "ربع ساعة", "نحو نصف ساعة", "نصف يوم"])
def duration_fraction(s):
    if s.unit.count != 1 or s.unit.definite or s.frac.value >= 1:
        return None
    return Partial("duration", amount=s.frac.value, unit=s.unit.grain, mod=s.am.mod if s.am else None)


# «عام»/«سنة» alone before a number is a year's keyword, not a duration: «نحو عام 1258 قبل الميلاد»
# «عقود» of a contract's kind or worth are contracts, not decades: «أبرمت ثلاثة عقود احتراف», «5-6 عقود
# استشارية», «عقدين بقيمة 10 ملايين»
_CONTRACTS = ("(?!(?:(?<=عقود)|(?<=عقدين)|(?<=عقدا)|(?<=عقد)) (?:احتراف|استشارية|استشاري|شراكة|توريد|تمويل|صيانة|"
              "ايجار|تشغيل|امتياز|تأمين|بيع|شراء|بقيمة|منفذة|منفذ|موقعة|جديدة|لتوريد|لتنفيذ|لبناء|لانشاء)(?!\\w))")


# («أكثر من شهر رمضان», «لا يتجاوز شهر حزيران»: the month named, no month's length)
@rule("duration", "(?:{am:DURMOD} )?(?:" + _COUNT + "{unit:UNIT}|{unit:UNIT}(?!(?<=عام)_[0-9])(?!(?<=سنة)_[0-9])"
      "(?!(?<=شهر) {:MONTH}(?!\\w)))"
      + _FRACTION + _CONTRACTS,
      ["يومين", "ثلاثة أشهر ونصف", "أقل من 4 أشهر", "شهر ونصف", "10 سنوات", "أكثر من عامين",
       "نحو ثلاثة أشهر", "بضعة أيام", "ساعتين", "عشرين عاما", "ساعة ونصف"])
def duration(s):
    amount = _amount(s, need_explicit=s.am is None)
    if amount is None:
        return None
    return Partial("duration", amount=amount, unit=s.unit.grain, mod=s.am.mod if s.am else None)

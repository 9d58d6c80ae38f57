"""What a dated clause's date does: date a happening, or something else.

A date expression that the resolver reads right may still date no happening of its clause:

* ``dateline``: an agency dateline, the article's own date before the agency's name («الرياض 25 شوال
  1436 هـ الموافق 10 أغسطس 2015 م واس»), or an outlet's dateline line: a short line with a dash
  before the date and nothing after it («عين اليوم – لندن 6 أغسطس»);
* ``masthead``: a newspaper's or a site's name that holds a date word («عين اليوم», «(اليوم)», «اليوم –
  الدمام» at the head of a line);
* ``reference``: a comparison or a reference point: «مقارنة بنفس الفترة من العام الماضي», «عن الفترة
  نفسها من العام الماضي», «للفترة ذاتها من العام الماضي» (with or without «مقارنة»: «بعد أن كانت 73 ألفا
  في الربع المماثل من العام الماضي»), a change against a date («انخفض 7.2 في المئة
  عن الشهر الذي سبقه», «5.5% عن يونيو»), «أدنى مستوى منذ 20 مارس», «لأول مرة منذ 2009» (a bare «منذ 8 ديسمبر» dates
  the start of what followed, a happening, and stays an event; «منذ بداية يوليو», «منذ مطلع العام»
  are the start of a running total, a reference point);
* ``per_day``: «في اليوم» after a quantity («مرتين في اليوم», «مليون برميل في اليوم»);
* ``press_review``: the issue date of the papers a press review quotes («أبرزت الصحف الصادرة اليوم»),
  not the day of what they report;
* ``contract_month``: a futures contract's delivery month, right after «تسليم» or «عقود» («الذهب في
  العقود الآجلة تسليم ديسمبر», «عقود أيلول (سبتمبر)»); «تسليم المشروع في ديسمبر» dates a happening;
* ``name``: a year in the name of a tournament, a games, an exhibition or a plan («تصفيات كأس العالم
  2018», «أولمبياد ريو دي جانيرو 2016», «إكسبو 2020», «رؤية 2030»), or in an edition's label («سوق
  عكاظ بنسخته التاسعة (1436هـ - 2015م)», «الانتخابات البلدية في دورتها الثالثة 1436/1437هـ»): it names
  the thing, and does not date what the clause tells;
* ``occasion``: a holiday named as the occasion of what the clause tells, not as its day («حفل معايدة
  لمنسوبيها بمناسبة عيد الفطر المبارك», «وتهنئته بعيد الفطر», «التهاني بحلول شهر رمضان»): the parties
  and greetings of many places and days all name the same feast; «صلاة عيد الفطر», «أول أيام العيد»,
  «خلال إجازة عيد الفطر» date a happening.

Such a mention is kept in ``mentions.csv`` with its role and the reason, and neither starts nor joins
an event.  Everything else is ``event``.  The patterns read the folded text (:func:`fold`) of a short
window around the expressions, so they cost the same whatever the article's length.
"""
from __future__ import annotations

import re
from typing import Sequence

from resolvers.normalize import fold

EVENT = "event"
_W = r"[\u0621-\u064a]"
_AGENCY = (r"(?:واس|و\s?\.\s?ا\s?\.\s?س|قنا|وام|كونا|بنا|رويترز|ا\s?ف\s?ب|د\s?ب\s?ا|الاناضول|سبوتنيك|"
           r"يو\s?بي\s?اي|اسوشيتد\s+برس|سانا|بترا|العمانية|الكويتية|الشرق\s+الاوسط)")
# after the last expression of the clause's date: («الموافق …» and) the agency's name, at once
_DATELINE_AFTER = re.compile(r"^(?:\s*(?:و\s*)?الموافق\s*(?:ل\s*)?[^\n.،,]{0,32}?)?[\s\u200e\u200f)(\[\]\-–—/:م.]{0,8}"
                             + _AGENCY + rf"(?!{_W})")
_MASTHEAD_AFTER = re.compile(r"^\s*[)»]")
_LINE_HEAD_DASH = re.compile(rf"^\s*[-–—]\s*{_W}")
_REFERENCE_BEFORE = re.compile(
    rf"(?:(?<!{_W})(?:ب|و)?(?:ال)?(?:مقارن[ةه]|قياسا|مقابل)(?:\s+\S+){{0,5}}\s*"
    rf"|(?<!{_W})(?:[وف]?[بل])?(?:نفس|ذات)\s+(?:الفتر[ةه]|الشهر|الربع|النصف|الموسم)\s+(?:من|في)\s*"
    rf"|(?<!{_W})(?:[وف]?(?:بال|لل|ال))(?:فتر[ةه]|شهر|ربع|نصف|موسم)\s+(?:نفس|ذات)(?:ها|ه)?\s+(?:من|في)\s*"
    rf"|(?:[0-9٠-٩]\s*(?:%|٪)|(?<!{_W})(?:في\s+|ب)الما?[ئي][ةه]|(?<!{_W})نقط[ةه]|(?<!{_W})نقاط)"
    rf"(?:\s+\S+){{0,2}}\s+عن\s*(?:(?:ال)?مستو\S*\s+(?:في\s+)?)?"
    rf"|(?<!{_W})(?:ال)?(?:اعلي|ادني|اكبر|اقل|اسوا|افضل|اطول|اقوي|اضعف|اول\s+مر[ةه])(?:\s+\S+){{0,5}}\s+منذ\s*"
    rf"|(?<!{_W})(?:ل|لل)?(?:ال)?مر[ةه]\s+(?:ال)?اولي(?:\s+\S+){{0,2}}\s+منذ\s*)$")
# the expression itself names the same span a year back («الفترة نفسها من العام الماضي», «نفس الشهر من العام
# الماضي», «للربع المماثل من العام السابق»: the resolver's ``narrative_same_last_year``): a comparison
_SAME_SPAN_EXPR = re.compile(
    rf"^(?:[وف]?[بل]?)?(?:نفس|ذات)\s+\S+\s+(?:من|في)\s"
    rf"|^[وف]?(?:بال|لل|ال)\S+\s+(?:نفس|ذات|عين|المماثل|المقابل|المناظر)\S*\s+(?:من|في)\s")
_PER_DAY_BEFORE = re.compile(rf"(?<!{_W})(?:[0-9]+|مليون|ملايين|مليار|الف|الاف|مر[ةه]|مرات|مرتين|مرتان)"
                             rf"(?:\s+\S+){{0,2}}\s+في\s*$")
_PRESS_BEFORE = re.compile(rf"(?<!{_W})(?:ال)?(?:صحف|جرائد|صحيف[ةه]|جريد[ةه])(?:\s+\S+){{0,2}}\s+(?:ال)?صادر[ةه]\s*$")
_CONTRACT_BEFORE = re.compile(rf"(?<!{_W})(?:ل|لل|ال)?(?:تسليم|عقود|عقد)\s*(?:شهر\s*)?$")
# a holiday's name (folded): what «بمناسبة» or a greeting makes an occasion
_HOLIDAY = re.compile(r"^(?:ال)?(?:عيد|اعياد|رمضان|شهر\s+رمضان|اليوم\s+الوطني|ذكري|راس\s+السن[ةه]|المولد|الاسراء|"
                      r"عاشوراء|يوم\s+عرف[ةه]|حلول)")
_OCCASION_BEFORE = re.compile(
    rf"(?:(?<!{_W})(?:ب|و|ل)?(?:ال)?مناسب[ةه]\s+(?:(?:حلول|قدوم|اطلال[ةه]|ذكري)\s+)?"
    rf"|(?<!{_W})(?:و|ف)?(?:ل|ب)?(?:ال)?(?:تهنئ|تهاني|يهنئ|نهنئ|هنا|مهنئ|معايد|تبريك|تبريكات|يبارك|مبارك[ةه])\S*"
    rf"(?:\s+\S+){{0,6}}\s+ب(?:حلول\s+)?)$")
# «منذ» before the start of a period: the start of a running total («انخفضت 11 بالمئة منذ بداية يوليو»)
_SINCE_BEFORE = re.compile(rf"(?<!{_W})(?:و)?منذ\s*$")
_PERIOD_START = re.compile(r"^(?:ال)?(?:بداي[ةه]|مطلع|مستهل|اوائل|بدء)(?!\S*\d)")
# a bare year after the name of a tournament, games, exhibition or plan (folded)
_NOT_NAME = r"(?:في|عام|العام|سنة|السنة|منذ|حتى|الى|قبل|بعد|خلال|من|عن|علي|مع|حلول|موسم)"
_NAMED_BEFORE = re.compile(
    rf"(?<!{_W})(?:[وبل]|لل|وال|بال)?(?:ال)?(?:(?:مونديال|اولمبياد|الالعاب\s+الاولمبي[ةه]|يورو|اكسبو|رؤي[ةه])"
    rf"|(?:كاس|بطول[ةه])(?=\s+(?!{_NOT_NAME}(?!{_W})){_W}))(?:\s+(?!{_NOT_NAME}(?!{_W})){_W}+){{0,3}}\s*$")
_BARE_YEAR = re.compile(r"^\d{4}$")
# a year (Gregorian or Hijri, or two of them) that labels an edition or a session, right after its
# ordinal («بنسخته التاسعة (1436هـ - 2015م)», «في دورتها الثالثة 1436/1437هـ», «الدورة الثانية 1430هـ»),
# maybe after the label's first year; «النسخة الماضية عام 2013» says when, and is no label (folded)
_EDITION_BEFORE = re.compile(
    rf"(?<!{_W})(?:[وبلف]|لل|بال|وال|فال)?(?:ال)?(?:نسخ[ةه]|نسخت(?:ه|ها)|دور[ةه]|دورت(?:ه|ها))\s+(?:ال{_W}+|[0-9]+)"
    rf"\s*[(\"«“]?\s*(?:[0-9]{{4}}\s*[هم]?\s*[-–ـ/]\s*)?$")
_LABEL_YEAR = re.compile(r"^[0-9]{4}\s*[هم]?(?:\s*[-–ـ/]\s*[0-9]{4}\s*[هم]?)?$")
_TODAY = {"اليوم", "يوم"}

NOTES = {
    "dateline": "agency dateline: the article's own date, not a happening",
    "masthead": "the name of a newspaper or a site, not a date",
    "reference": "a comparison or a reference point, not a happening",
    "per_day": "«في اليوم»: per day, not a date",
    "press_review": "the issue date of the newspapers a press review quotes, not a happening",
    "contract_month": "a futures contract's delivery month, not a happening",
    "name": "a year in the name of a tournament, an exhibition or a plan, or in an edition's label, not a date of what the clause tells",
    "occasion": "a holiday named as the occasion of what the clause tells, not its day",
}


def _dateline_line(text: str, first: int, last: int) -> bool:
    """A short line that holds a dash before the date and nothing after it: an outlet's dateline
    («عين اليوم – لندن 6 أغسطس», «عين اليوم – الجمعة»), not a headline."""
    a = text.rfind("\n", 0, first) + 1
    b = text.find("\n", last)
    b = len(text) if b < 0 else b
    if b - a > 80 or text[last:b].strip(" \t\u200e\u200f.:،,)"):
        return False
    head = text[a:first]
    return bool(re.search(r"[-–—]", head)) and len(head.split()) <= 6


def _names(word: str, before: str) -> bool:
    """Whether the year ``word`` (folded), after the folded text ``before`` it, is part of a name."""
    return bool(_BARE_YEAR.match(word) and _NAMED_BEFORE.search(before)
                or _LABEL_YEAR.match(word) and _EDITION_BEFORE.search(before))


def is_name(text: str, start: int, end: int, clause_start: int = 0) -> bool:
    """Whether the expression ``text[start:end]`` on its own is a year of a name or a label (role
    ``name``): it then stands apart from the other dates of its sentence («بنسخته التاسعة (1436هـ -
    2015م) … مساء الأربعاء 27 شوال»), which would otherwise carry it into their mention."""
    word = fold(text[start:end]).strip()
    if not _LABEL_YEAR.match(word):
        return False
    return _names(word, fold(text[max(clause_start, start - 48):start]))


def role_of(text: str, spans: Sequence[tuple[int, int]], clause_start: int = 0) -> str:
    """The role of the date given by the expressions ``spans`` (offsets into ``text``) of the clause
    that starts at ``clause_start``."""
    first = min(s for s, _ in spans)
    last = max(e for _, e in spans)
    after = fold(text[last:last + 60])
    if _DATELINE_AFTER.match(after) or _dateline_line(text, first, last):
        return "dateline"
    raw_before = text[max(0, first - 48):first]
    word = fold(text[first:last]).strip()
    if word in _TODAY:
        b = fold(raw_before)
        if re.search(rf"(?<!{_W})عين\s*$", b) or (re.search(r"[(«]\s*$", b) and _MASTHEAD_AFTER.match(after)):
            return "masthead"
        if not b[b.rfind("\n") + 1:].strip() and (first <= 48 or "\n" in b) and _LINE_HEAD_DASH.match(after):
            return "masthead"
    before = fold(text[max(clause_start, first - 48):first])
    if word in _TODAY and _PER_DAY_BEFORE.search(before):
        return "per_day"
    if word in _TODAY and _PRESS_BEFORE.search(before):
        return "press_review"
    if _REFERENCE_BEFORE.search(before) or _SAME_SPAN_EXPR.match(word) or \
            _PERIOD_START.match(word) and _SINCE_BEFORE.search(before):
        return "reference"
    if _names(word, before):
        return "name"
    if _CONTRACT_BEFORE.search(before):
        return "contract_month"
    if _HOLIDAY.match(word) and _OCCASION_BEFORE.search(before):
        return "occasion"
    return EVENT

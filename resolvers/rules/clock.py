"""Clock times: «الساعة الثالثة عصراً», «في تمام الساعة 10:30 صباحاً», «الثالثة وربع بعد الظهر», «الساعة
الخامسة إلا ثلث», «الساعة 3 و15 دقيقة», with the day they are of when the text says it («الخميس الساعة 8»,
«الساعة العاشرة من صباح أمس», «غداً في الساعة التاسعة»); without one, the anchor's day (as «اليوم»).

Words are data: the hours (`clock_hours.tsv`), what puts an hour before or after noon
(`clock_periods.tsv`), the fractions of an hour (`clock_fractions.tsv`); the hour is turned into a
24-hour one in resolve.py (``_clock``)."""
from ..grammar import rule
from ..types import Partial

# the hour: «الساعة» and digits (the article glued or not: «الساعة الـ 3»), «10:30», «15:23:24», or a word
# («05:47»: a leading zero is a 24-hour clock)
_HOUR = ("(?:(?:ال_?)?(?:{hz:HOUR0}|{hd:HOUR})(?::{mm:MINUTE2}(?::{ss:MINUTE2})?)?|{hw:CLOCKHOUR})")
# minutes after it: «و15 دقيقة», «وخمس وأربعون دقيقة», «وربع», «إلا ثلث»
_MINUTES = ("(?: و_(?:{mnum:MINUTE}|{mw:NUMWORD}(?: و_{mt:TENS})?|{mtw:TENS}) (?:دقيقة|دقائق)|_{frac:CLOCKFRAC})?")
# what follows: a period («صباحاً», «بعد العصر», «هذا الصباح») or a part of a named day («مساء أمس», «صباح
# اليوم الخميس»); after «من» the part of the day is an expression of its own («الساعة العاشرة من صباح أمس»:
# the clock takes its period here and its day from it, in the engine)
# (not «من صباح اليوم التالي/ذاته», a day said before; a weekday after the day goes with it, «من صباح أمس
# الجمعة»; not a weekday that a date follows, «مساء الأربعاء 27 شوال الجاري», which is that date's)
_NOT_NARRATIVE = "(?! (?:التالي|التالية|ذاته|نفسه|السابق|الذي|الأول|الثاني|الثالث|الأخير)(?!\\w))"
_NO_DATE_AFTER = "(?!_[،,(]?_(?:الموافق )?[0-9])"
_AFTER = ("(?: (?:{pod2:POD} (?:{rel2:RELDAY}" + _NOT_NARRATIVE
          + "(?: {wd3:WEEKDAY}" + _NO_DATE_AFTER + ")?|(?:يوم )?{wd2:WEEKDAY}(?: {dir2:DIR})?" + _NO_DATE_AFTER + ")"
          + "|{per:CLOCKPERIOD}(?!\\w))"
          # (a part of the day before a date it does not take: its period, «الثامنة من مساء الأربعاء 27 شوال»)
          "|(?= (?:من )?{pod3:POD} ))?")
# a day said before it: «الخميس الساعة 8», «اليوم الساعة الثالثة», «غداً في تمام الساعة التاسعة»
_BEFORE = ("(?:(?:(?:{pod:POD} )?(?:يوم )?{wd:WEEKDAY}(?: {dir:DIR})?|(?:{pod1:POD} )?{rel:RELDAY}(?: {wd4:WEEKDAY})?)"
           "(?:_[،,])? (?:في |عند )?)?")
_AT = "(?:(?:في )?تمام )?"

# without «الساعة», an hour word is a clock time only with a period after it and a preposition before it
# («عند الثالثة فجراً», «في الثامنة هذه الليلة», «حتى العاشرة مساءً»: «للمرة الثالثة مساء أمس» is not one);
# «10:30» with a period after it is one anywhere («3:18 صباحاً»)
_BARE_LEFT = ("(?:(?<=في\\x20)|(?<=عند\\x20)|(?<=حتى\\x20)|(?<=منذ\\x20)|(?<=تمام\\x20)|(?<=حوالي\\x20)"
              "|(?<=نحو\\x20)|(?<=قرابة\\x20)|(?<=بعد\\x20)|(?<=قبل\\x20)|(?<=^))")


@rule("clock_time", _BEFORE + _AT + "الساعة " + _HOUR + _MINUTES + _AFTER,
      ["الساعة الثالثة عصرا", "الساعة 3 صباحا", "الساعة 10:30 صباحا", "الساعة الخامسة إلا ثلث بعد العصر",
       "الساعة الثالثة و18 دقيقة الصبح", "الخميس الساعة 8", "الساعة العاشرة مساء أمس",
       "غدا في تمام الساعة التاسعة", "الساعة ال 12 ظهرا", "الساعة الرابعة وثلاث وعشرون دقيقة فجرا",
       "الساعة 15:23:24", "الساعة ثلاثة وثلث مساءا", "الساعة 05:47", "الساعة التاسعة صباح أمس الجمعة"],
      ahead=("pod3",))
def clock_time(s):
    return _clock(s)


@rule("clock_time_bare", "(?:" + _BARE_LEFT + "{hw:CLOCKHOUR}|(?:ال_?)?(?:{hz:HOUR0}|{hd:HOUR}):{mm:MINUTE2}(?::{ss:MINUTE2})?)"
      + _MINUTES + _AFTER[:-1],
      ["عند [الثالثة فجرا]", "في [الثامنة هذه الليلة]", "[3:18 صباحا]", "وصل [12:30 ظهرا]", "بعد [الثالثة وربع بعد الظهر]"],
      ahead=("pod3",))
def clock_time_bare(s):
    return _clock(s)


def _clock(s):
    h = s.hz if s.hz is not None else s.hd if s.hd is not None else s.hw.hour
    minutes = s.mm or 0
    if s.mnum is not None:
        minutes = s.mnum
    elif s.mw is not None:
        if s.mw.kind != "unit":
            return None
        minutes = s.mw.value + (s.mt.value if s.mt else 0)
    elif s.mtw is not None:
        minutes = s.mtw.value
    if not 0 <= minutes <= 59 or not 0 <= h <= 24:
        return None
    frac = s.frac.minutes if s.frac is not None else 0
    pod = s.pod2 or s.pod or s.pod1 or s.pod3
    rel = s.rel2 or s.rel
    wd = s.wd2 or s.wd3 or s.wd or s.wd4
    d = s.dir2 or s.dir
    if d is not None and d.direction == 0:
        return None
    period = s.per.kind if s.per else ("h24" if s.hz is not None else None)
    return Partial("date", clock=(h, minutes, s.ss, frac), clock_period=period,
                   time_of_day=pod.part if pod else None, rel_day=rel.offset if rel else None,
                   weekday=wd.weekday if wd else None, direction=d.direction if d else None)

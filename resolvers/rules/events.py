"""Named events of history whose name holds a date («حرب أكتوبر», «أحداث 11 سبتمبر», «ثورة 25 يناير»):
the event's own date from ``data/named_events.tsv``, flagged ``named_event``, never the article's year."""
from ..grammar import rule
from ..types import Partial, FLAG_NAMED_EVENT

# a year written after the name («حرب أكتوبر 1973», «نكبة عام 1948م») belongs to it
_YEAR = "(?:_[،,]?_(?:عام |العام |سنة )?{year:YEAR}(?:_م(?!\\w))?)?"
# and the month's other name after a name that holds one («هجمات 11 سبتمبر أيلول 2001», «ثورة 25 يناير
# (كانون الثاني) 2011»): the same month, or the name ends before it
_ALT = "(?:(?: |_(?P<aparen>\\()_|_[/-]_){alt:MONTH}(?(aparen)_\\)))?"


@rule("named_event", "{ev:EVENT}" + _ALT + _YEAR,
      ["حرب أكتوبر", "حرب تشرين", "أحداث 11 سبتمبر", "ثورة 25 يناير", "النكسة", "حرب الخليج",
       "انفجار مرفأ بيروت", "حرب أكتوبر 1973", "نكبة 1948", "هجمات 11 سبتمبر أيلول 2001",
       "ثورة 25 يناير (كانون الثاني) 2011"])
def named_event(s):
    y, m, d = s.ev.value
    if s.alt is not None and (s.alt.calendar != "gregorian" or s.alt.month != m):
        return None                     # (two months that disagree: not this name)
    if s.year is not None and s.year != y:
        if m is not None:
            return None                 # «ثورة يوليو 2013»: another event than the table's
        y = s.year                      # «حرب الخليج 2003»: the year written
    return Partial("date", year=y, month=m, day=d, explicit_year=True, flags=(FLAG_NAMED_EVENT,))

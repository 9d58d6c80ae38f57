"""Template fragments shared by several rule families (patterns only, no arithmetic)."""

PART = "(?:{part:PART} )?"
# «أكتوبر/ تشرين الأول», «يناير (كانون الثاني)», «يوليو - تموز»
MONTH_PAIR = "{month:MONTH}(?:(?:_(?:/|(?P<paren>\\()| - )_| ){alt:MONTH}(?(paren)_\\)))?"
# «الأربعاء 15 أكتوبر», «يوم الأربعاء، 15 أكتوبر», «الأربعاء الموافق 15 أكتوبر»
WEEKDAY_PREFIX = "(?:(?:يوم )?{wd:WEEKDAY}_[،,]?_(?:الموافق )?)?"
DAY = "(?:يوم )?(?:{day:DAY}|{dayw:ORDINAL} من)"
# «2025», «عام 2025», «من العام 2025», «2025م»
YEAR_TAIL = "_[،,]?_(?:من )?(?:(?:عام|العام|سنة|لعام) )?{year:YEAR}(?:_م(?!\\w)|_ميلادي)?"
# «من العام الماضي», «من هذا العام», «من العام الجاري»
YEAR_REF = " (?:من|ل)_(?:(?:العام|السنة) {ydir:DIR}|{ydem:DEM} (?:العام|السنة))"
HIJRI_MARK = "(?:_(?:هجري|هجرية|للهجرة|ه)(?!\\w))"


def alt_month(s):
    """The second name of a paired month, if any."""
    return s.alt


def day_of(s):
    return s.day if s.day is not None else (s.dayw.day if s.dayw else None)


def year_ref_shift(s):
    """-1/0/+1 for «من العام الماضي/هذا العام/المقبل», else None."""
    if s.ydir is not None:
        return s.ydir.direction
    if s.ydem is not None:
        return 0
    return None

"""Vague references: PAST_REF, PRESENT_REF, FUTURE_REF."""
from ..grammar import rule
from ..types import Partial


@rule("vague", "{v:VAGUE}", ["في وقت سابق", "مؤخراً", "الفترة الأخيرة", "حالياً", "قريباً", "في المستقبل",
                             "الآونة الأخيرة", "في الوقت الراهن", "لاحقاً", "في وقت لاحق"])
def vague(s):
    if "لاحق" in s.v.norm:
        # «لاحقاً», «في وقت لاحق»: later than the time told, so in a past clause still before the
        # article («تم حذفها لاحقاً»): the clause's tense decides (:func:`resolve.resolve`)
        return Partial("vague", vague=s.v.value, direction=1)
    return Partial("vague", vague=s.v.value)

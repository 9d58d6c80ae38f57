"""Vague references: PAST_REF, PRESENT_REF, FUTURE_REF."""
from ..grammar import rule
from ..types import Partial


@rule("vague", "{v:VAGUE}", ["في وقت سابق", "مؤخراً", "الفترة الأخيرة", "حالياً", "قريباً", "في المستقبل",
                             "السنوات الأخيرة", "في الوقت الراهن"])
def vague(s):
    return Partial("vague", vague=s.v.value)

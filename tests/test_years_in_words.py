"""Years written in words after «عام/سنة» («عام ألفين وستة عشر», «عام ألف وتسعمائة وسبعين»): every year
of 1900-2099 spelt out, and the counts in words that must stay counts."""
import pytest

from resolvers import tag

UNITS = ["", "واحد", "اثنين", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة", "أحد عشر",
         "اثني عشر", "ثلاثة عشر", "أربعة عشر", "خمسة عشر", "ستة عشر", "سبعة عشر", "ثمانية عشر", "تسعة عشر"]
TENS = ["", "", "عشرين", "ثلاثين", "أربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين"]


def in_words(y: int) -> str:
    parts = ["ألف" if y < 2000 else "ألفين"]
    if y < 2000:
        parts.append("تسعمائة")
    r = y % 100
    if r < 20:
        if r:
            parts.append(UNITS[r])
    else:
        if r % 10:
            parts.append(UNITS[r % 10])
        parts.append(TENS[r // 10])
    return " و".join(parts)


def test_spelling_helper():
    assert in_words(2016) == "ألفين وستة عشر"
    assert in_words(1970) == "ألف وتسعمائة وسبعين"
    assert in_words(2022) == "ألفين واثنين وعشرين"
    assert in_words(2000) == "ألفين"


@pytest.mark.parametrize("kw", ["عام", "سنة"])
def test_every_year_1900_2099(kw):
    for y in range(1900, 2100):
        text = f"وقعت الحادثة {kw} {in_words(y)} في المدينة"
        got = [(t.text, t.value, t.rule) for t in tag(text, "2026-01-05")]
        assert got == [(f"{kw} {in_words(y)}", f"{y:04d}", "year_words")], (y, got)


@pytest.mark.parametrize("text", [
    "وتبرع رجل الأعمال بألفين وخمسمائة ريال",          # an amount, no keyword
    "وبلغ عدد الزوار هذا العام ألفين وثلاثمائة زائر",   # a count after «العام»
    "وتعود المخطوطات إلى ما قبل ألف وتسعمائة عام",     # a count of years
    "عام ألفين وخمسمائة دولار",                        # a counted noun after it
    "سنة ألف ليلة وليلة",                              # «ألف» alone: a thousand
])
def test_counts_in_words_are_no_years(text):
    assert not any(t.rule == "year_words" for t in tag(text, "2025-10-15"))


def test_offset_keeps_off_a_year_in_words():
    # «منذ عام ألفين» is «since 2000», not «a year ago»
    assert [(t.text, t.value) for t in tag("منذ عام ألفين", "2025-10-15")] == [("عام ألفين", "2000")]

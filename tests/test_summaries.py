"""An event's summary is its clause without the date words, with no hole and no dangling word left
where they were («الفترة من وحتى», «الموافق», «بحلول»), and never empty."""
from __future__ import annotations

import pytest

from timeline.mentions import summarize


def cut(text: str, *exprs: str) -> str:
    spans, pos = [], 0
    for e in exprs:
        i = text.index(e, pos)
        spans.append((i, i + len(e)))
        pos = i + len(e)
    return summarize(text, 0, len(text), spans)


@pytest.mark.parametrize("text, exprs, summary", [
    ("وتعود آخر زيارة لوزير خارجية أميركي إلى كوبا إلى عام 1945", ["عام 1945"],
     "وتعود آخر زيارة لوزير خارجية أميركي إلى كوبا"),
    ("وقعت المملكة في صفر لعام 1421هـ الموافق مايو 2000م على المعاهدة", ["صفر لعام 1421هـ", "مايو 2000م"],
     "وقعت المملكة على المعاهدة"),
    ("يقام المعرض خلال الفترة من 5 أغسطس وحتى 10 أغسطس في جدة", ["5 أغسطس", "10 أغسطس"],
     "يقام المعرض خلال الفترة في جدة"),
    ("لكن بحلول 2014 بدأ شين يدرك", ["2014"], "لكن بدأ شين يدرك"),
    ("تبدأ الدراسة اعتباراً من 23 أغسطس المقبل", ["23 أغسطس المقبل"], "تبدأ الدراسة"),
    ("وصل الوفد أمس إلى الرياض", ["أمس"], "وصل الوفد إلى الرياض"),
])
def test_no_hole_and_no_dangling_word(text, exprs, summary):
    assert cut(text, *exprs) == summary


def test_a_clause_that_is_only_a_date_keeps_its_words():
    assert cut("أمس", "أمس") == "أمس"
    assert cut("15 أكتوبر 2025", "15 أكتوبر 2025") == "15 أكتوبر 2025"

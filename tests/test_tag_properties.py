"""Properties of ``tag`` on arbitrary input (Hypothesis): it never raises, offsets slice to the
reported text, the output is sorted, non-overlapping and deterministic, and intervals are ordered."""
import datetime as dt

from hypothesis import given, settings, strategies as st

from resolvers import tag

WORDS = ["اليوم", "أمس", "غداً", "الأربعاء", "الماضي", "المقبل", "تموز", "أكتوبر", "تشرين الأول", "15",
         "٢٠٢٥", "عام", "2024", "قبل", "بعد", "ثلاثة", "أيام", "منتصف", "رمضان", "1446", "هـ", "مطلع",
         "/", "(", ")", "،", ".", "\n", "من", "إلى", "بين", "و", "يوم", "أقل من", "شهر", "ونصف", "ـ", "ً",
         "الموافق", "سيلتقي", "كان", "30", "شباط", "الأسبوع", "هذا", "صباح", "كل", "جمعة", "\u200f", "ﻻ"]

ARABIC_TEXT = st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join)
ANCHORS = st.dates(min_value=dt.date(1930, 1, 1), max_value=dt.date(2070, 12, 31))


def _check(text, anchor):
    got = tag(text, anchor)
    prev_end = -1
    for t in got:
        assert text[t.start:t.end] == t.text
        assert t.start >= prev_end                       # sorted, no overlap
        prev_end = t.end
        if t.first_day is not None:
            assert t.first_day <= t.last_day
        assert t.status in ("resolved", "flagged", "unresolved")
        assert (t.value is None) == (t.status == "unresolved")
    assert tag(text, anchor) == got                      # deterministic
    return got


@settings(max_examples=400, deadline=None)
@given(ARABIC_TEXT, ANCHORS)
def test_arabic_heavy_text(text, anchor):
    _check(text, anchor)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), ANCHORS)
def test_any_unicode(text, anchor):
    _check(text, anchor)


@settings(max_examples=100, deadline=None)
@given(ARABIC_TEXT)
def test_without_an_anchor_nothing_relative_is_guessed(text):
    for t in tag(text, None):
        if t.value is not None:
            assert t.type in ("DURATION", "SET") or t.value.endswith("_REF") or t.value[:4].isdigit()


def test_a_long_line_is_tagged_like_its_parts():
    """A 2 MB single line: every repetition found, none lost or merged (its cost is measured by
    benchmarks/bench_tag.py, not asserted here)."""
    unit = "وقال الوزير إن الاجتماع عقد أمس الثلاثاء في الرياض قبل ثلاثة أيام من القمة، "
    one = tag(unit, "2025-10-15")
    big = tag(unit * 25000, "2025-10-15")
    assert len(big) == 25000 * len(one)
    assert [t.value for t in big[-len(one):]] == [t.value for t in one]


def test_output_does_not_depend_on_the_hash_seed():
    """Rule sets are built from sorted tokens: two processes with different hash seeds agree."""
    import os
    import subprocess
    import sys
    from pathlib import Path
    seeds = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
    code = ("import sys, pathlib; from resolvers import tag; p = pathlib.Path(sys.argv[1]); "
            "print([tuple(t)[:5] for f in sorted(p.glob('*.txt')) for t in tag(f.read_text('utf-8'), '2025-10-15')]); "
            "print([tuple(t)[:5] for t in tag('قدم للعام 2015 ولعام 2016 كل جمعة', '2015-08-01')])")
    outs = {subprocess.run([sys.executable, "-c", code, str(seeds)], capture_output=True, text=True,
                           env={**os.environ, "PYTHONHASHSEED": str(s)}, check=True).stdout for s in (1, 2, 3)}
    assert len(outs) == 1

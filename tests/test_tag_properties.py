"""Properties of ``tag`` on arbitrary input (Hypothesis): it never raises, offsets slice to the
reported text, the output is sorted, non-overlapping and deterministic, intervals are ordered, and
what is unresolved says why; for any anchor of the calendar (0001-01-01 … 9999-12-31, its ends
drawn on purpose) and for "soups" of every form of every vocabulary table with numbers of 1 to 7
digits, punctuation and era marks.  Runs are derandomised (the same examples every time, no
example database), so a failure is reproduced by running the file again."""
import csv
import datetime as dt
import re

from hypothesis import HealthCheck, given, settings, strategies as st

from resolvers import tag, _engine
from resolvers.grammar import RULES
from resolvers.lexicon import DATA, SCHEMAS, read_table
from resolvers.resolve import ARITHMETIC

SETTINGS = dict(deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

WORDS = ["اليوم", "أمس", "غداً", "الأربعاء", "الماضي", "المقبل", "تموز", "أكتوبر", "تشرين الأول", "15",
         "٢٠٢٥", "عام", "2024", "قبل", "بعد", "ثلاثة", "أيام", "منتصف", "رمضان", "1446", "هـ", "مطلع",
         "/", "(", ")", "،", ".", "\n", "من", "إلى", "بين", "و", "يوم", "أقل من", "شهر", "ونصف", "ـ", "ً",
         "الموافق", "سيلتقي", "كان", "30", "شباط", "الأسبوع", "هذا", "صباح", "كل", "جمعة", "\u200f", "ﻻ"]

ARABIC_TEXT = st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join)
# the whole calendar, its ends and the Hijri epoch drawn on purpose as well as at random
EDGES = [dt.date(1, 1, 1), dt.date(1, 1, 2), dt.date(1, 12, 31), dt.date(2, 1, 1), dt.date(622, 7, 18),
         dt.date(622, 7, 19), dt.date(9998, 12, 31), dt.date(9999, 1, 1), dt.date(9999, 12, 1),
         dt.date(9999, 12, 27), dt.date(9999, 12, 30), dt.date(9999, 12, 31)]
ANCHORS = st.one_of(st.sampled_from(EDGES), st.dates(min_value=dt.date.min, max_value=dt.date.max),
                    st.dates(min_value=dt.date(1930, 1, 1), max_value=dt.date(2070, 12, 31)))


def _table_words() -> dict:
    """Every surface form of every table in resolvers/data, table by table (each as written and, for
    several-word forms, each word alone), and some cells of the table the lexicon does not read (the
    Hijri month starts: years, months, ISO days)."""
    tables = {}
    for path in sorted(DATA.glob("*.tsv")):
        name, words = path.stem, set()
        if name in SCHEMAS:
            for row in read_table(name):
                for v in [row["form"]] + ([row["context"]] if name == "blockers" else []):
                    words.add(v)
                    words.update(v.split())
        else:
            with open(path, encoding="utf-8", newline="") as f:
                for row in list(csv.reader(f, delimiter="\t"))[1::25]:
                    words.update(c for c in row if c)
        tables[name] = sorted(words)
    return tables


TABLES = _table_words()
TABLE_WORDS = sorted({w for ws in TABLES.values() for w in ws})
_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
NUMBERS = st.builds(lambda digits, indic: digits.translate(_INDIC) if indic else digits,
                    st.text(alphabet="0123456789", min_size=1, max_size=7), st.booleans())
SHORT_NUMBERS = st.integers(0, 2100).map(str)            # days, months and years, more often
# where the rules and the calendars change: windows of years, the Umm al-Qura table, years 1-9999
EDGE_NUMBERS = st.sampled_from([str(n) for n in (
    0, 1, 9, 10, 12, 13, 29, 30, 31, 32, 99, 100, 999, 1000, 1299, 1300, 1342, 1343, 1436, 1500, 1501,
    1599, 1600, 1799, 1800, 2014, 2015, 2016, 2026, 2100, 2101, 3000, 4000, 7984, 7985, 8000, 9665, 9666,
    9999, 10000, 99999, 9999999)] + ["00", "0000", "٠", "٤٠٠٠"])
MARKS = st.sampled_from(["هـ", "ه", "م", "هجري", "ميلادي", "قبل الميلاد", "ق.م", "%"])
PUNCT = st.sampled_from(["/", "-", ".", "،", ",", "(", ")", ":", "؛", "«", "»", "\n", "ـ", "ً"])
# a table, then one of its words: a small table (the offset words, the eras) is drawn as often as the
# months, so that the words that make a date together meet often enough; and a number next to a word
# («15 تموز», «قبل 3», «عام 1187»), the shape most rules begin with
WORD = st.one_of(*[st.sampled_from(ws) for _, ws in sorted(TABLES.items())])
ANY_NUMBER = st.one_of(NUMBERS, SHORT_NUMBERS, EDGE_NUMBERS)
# and the rules' own examples with other numbers in them («قبل 4000 سنوات», «15 شوال 0 هـ»)
_engine()                                                   # registers the rules
EXAMPLES = [ex for ex in (sorted({e.replace("[", "").replace("]", "") for e in r.examples
                                  if re.search("[0-9]", e)}) for r in RULES) if ex]


def _renumber(example: str, numbers: list) -> str:
    it = iter(numbers)
    return re.sub(r"[0-9٠-٩]+", lambda m: next(it, m.group()), example)


TOKEN = st.one_of(WORD, WORD, WORD, *[NUMBERS] * 2, *[SHORT_NUMBERS] * 2, *[EDGE_NUMBERS] * 2, MARKS, PUNCT,
                  st.builds("{} {}".format, ANY_NUMBER, WORD), st.builds("{} {}".format, WORD, ANY_NUMBER),
                  st.builds("{} {} {}".format, ANY_NUMBER, WORD, ANY_NUMBER),
                  *[st.builds(_renumber, st.sampled_from(EXAMPLES).flatmap(st.sampled_from),   # rule by rule
                              st.lists(ANY_NUMBER, min_size=3, max_size=3))] * 4)
GLUE = st.sampled_from([" ", " ", " ", " ", " ", " ", "", "  ", " / ", "\t"])
SOUP = st.lists(st.tuples(TOKEN, GLUE), min_size=2, max_size=30).map(lambda xs: "".join(t + g for t, g in xs))


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
        if t.value is None:
            assert t.reason and t.first_day is None and t.last_day is None, t
            # every range error is caught where it happens: the safety net never has to answer
            assert not t.reason.startswith(ARITHMETIC), (text, anchor, t)
        else:
            assert t.reason is None
    assert tag(text, anchor) == got                      # deterministic
    return got


@settings(max_examples=400, **SETTINGS)
@given(ARABIC_TEXT, ANCHORS)
def test_arabic_heavy_text(text, anchor):
    _check(text, anchor)


@settings(max_examples=200, **SETTINGS)
@given(st.text(max_size=200), ANCHORS)
def test_any_unicode(text, anchor):
    _check(text, anchor)


def test_the_soup_holds_every_table():
    assert len(TABLE_WORDS) > 1000
    for w in ("أمس", "تشرين الأول", "تشرين", "عيد الفطر", "هـ", "قبل الميلاد", "متظاهر", "الوطني", "1436"):
        assert w in TABLE_WORDS, w


@settings(max_examples=4000, **SETTINGS)
@given(SOUP, ANCHORS)
def test_soups_of_every_vocabulary_word(text, anchor):
    _check(text, anchor)


@settings(max_examples=3000, **SETTINGS)
@given(st.builds(_renumber, st.sampled_from(sorted({e for ex in EXAMPLES for e in ex})),
                 st.lists(ANY_NUMBER, min_size=3, max_size=3)), ANCHORS)
def test_every_rule_example_with_other_numbers(text, anchor):
    """«قبل 4000 سنوات», «15 شوال 0 هـ», «عام 9999هـ»: each example of a rule with a number, against
    any anchor."""
    _check(text, anchor)


@settings(max_examples=300, **SETTINGS)
@given(SOUP)
def test_soups_without_an_anchor(text):
    _check(text, None)


@settings(max_examples=100, **SETTINGS)
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

"""Narrative anchoring (issue 12): «في اليوم التالي», «العام الذي تلاه», «حينها» … are dated from the
nearest date the text said before them, never from the publication date (fixtures/corpus/narrative.tsv
holds the rows; these check what a row cannot: ``anchored_to``/``why``, independence from the anchor,
the look-back)."""
from resolvers import tag
from resolvers.types import FLAG_NARRATIVE

TEXT = "وصل الوفد إلى جنيف في 3 مارس 2024، وفي اليوم التالي بدأت المحادثات"


def _narrative(text, anchor):
    return [t for t in tag(text, anchor) if FLAG_NARRATIVE in t.flags]


def test_why_names_the_expression_it_was_dated_from():
    (t,) = _narrative(TEXT, "2025-10-15")
    assert t.value == "2024-03-04" and t.reason is None
    start = TEXT.index("3 مارس 2024")
    assert t.anchored_to == f"«3 مارس 2024» @{start} (2024-03-03)"
    assert "anchored_to=«3 مارس 2024»" in t.why


def test_the_publication_date_plays_no_part():
    for anchor in ("2025-10-15", "2015-08-01", None):
        (t,) = _narrative(TEXT, anchor)
        assert t.value == "2024-03-04", anchor
    for anchor in ("2025-10-15", "2015-08-01"):
        # with no date before it: some past time in a clause of the past, never a day near the anchor
        (t,) = _narrative("وفي اليوم التالي عاد الهدوء", anchor)
        assert (t.value, t.first_day, t.status, t.anchored_to) == ("PAST_REF", None, "resolved", None)
        (t,) = _narrative("في اليوم التالي", anchor)             # no tense: unresolved, with its reason
        assert (t.value, t.status, t.anchored_to) == (None, "unresolved", None) and t.reason


def test_it_looks_back_over_its_own_sentence_and_the_one_before():
    one = "أعلنت اللجنة النتائج في 4 يناير 2019. وفي اليوم التالي وصلت الفرق"
    two = "أعلنت اللجنة النتائج في 4 يناير 2019. وتابعت عملها. وفي اليوم التالي وصلت الفرق"
    assert _narrative(one, "2025-10-15")[0].value == "2019-01-05"
    t = _narrative(two, "2025-10-15")[0]                       # too far back: not dated from it
    assert (t.value, t.first_day, t.anchored_to) == ("PAST_REF", None, None)


def test_a_grain_too_coarse_is_passed_over():
    # «اليوم التالي» needs a day: the year is passed over for the day before it
    text = "في 5 مايو اندلعت الأزمة عام 2010، وفي اليوم التالي استقال الوزير"
    (t,) = _narrative(text, "2010-06-01")
    assert t.value == "2010-05-06" and t.anchored_to.startswith("«5 مايو»")


def test_offsets_index_the_original_text():
    text = "وقع الزلزال في 9 أغسطس 2020، وفي الليلة ذاتها ضربت المدينة هزة، وبعد ذلك بثلاثة أيام هدأت"
    got = tag(text, "2025-10-15")
    assert all(text[t.start:t.end] == t.text for t in got)
    assert [(t.text, t.value) for t in got if FLAG_NARRATIVE in t.flags] == [
        ("الليلة ذاتها", "2020-08-09TNI"), ("بعد ذلك بثلاثة أيام", "2020-08-12")]


def test_a_base_of_comparison_dates_nothing_after_it():
    # each «مقارنة بالشهر السابق» of a report is the month before the one reported (May), not the month
    # before the «الشهر السابق» said just before it
    text = "ارتفع المؤشر في يونيو 2025 بنسبة 2% مقارنة بالشهر السابق. وزادت المبيعات 3% مقارنة بالشهر السابق"
    values = [t.value for t in _narrative(text, "2025-08-01")]
    assert values == ["2025-05", "2025-05"]

"""One normalisation pass with an offset map back into the original text."""
from hypothesis import given, settings, strategies as st

from resolvers.normalize import normalize, fold, _slow, word_text


def test_folding():
    assert fold("أمسِ إلى آذار ٱلأولى") == "امس الي اذار الاولي"
    assert fold("غداً ١٥ ۱۵ أمـــس") == "غدا 15 15 امس"
    assert fold("ﺃﻣﺲ") == "امس"                         # presentation forms
    assert fold("ﻻ") == "لا"                             # a ligature expands to two letters
    assert fold("a\u200fb\u202bc") == "abc"               # bidi controls


def test_offsets_of_words_map_back_to_the_original():
    s = "وأمـــسِ الثلاثاءَ، غداً"
    n = normalize(s)
    assert n.text == "وامس الثلاثاء، غدا"
    i = n.text.index("امس")
    a, b = n.span(i, i + 3)
    assert s[a:b] == "أمـــسِ"
    i = n.text.index("غدا")
    a, b = n.span(i, i + 3)
    assert s[a:b] == "غداً"                               # the tanween stays with its letter


def test_word_text_keeps_length():
    t = fold("قال: «غداً»، 15/10")
    assert len(word_text(t)) == len(t)
    assert word_text(t).split() == ["قال", "غدا", "15", "10"]


ARABIC = st.text(alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآىةءئؤ ١٥۷0123456789ًٌٍَُِّْـ،.\u200f\ufe8d\ufefb\u0670/()-")), max_size=60)


@settings(max_examples=300, deadline=None)
@given(st.one_of(ARABIC, st.text(max_size=40)))
def test_every_normalised_span_maps_inside_the_original(s):
    n = normalize(s)
    assert n.text == _slow(s).text                        # both paths fold alike
    for i in range(len(n.text)):
        for j in (i + 1, min(len(n.text), i + 5)):
            a, b = n.span(i, j)
            assert 0 <= a < b <= len(s)
    if n.text:
        a, b = n.span(0, len(n.text))
        assert fold(s[a:b]) == n.text.strip() or fold(s[a:b]) == n.text


def test_a_tatweel_that_touches_no_letter_is_a_dash():
    """«من 5 ــ 6 ذي الحجة»: the Saudi press draws a dash with tatweel; within a word it is still only
    drawn out («الـ 95», «سـ»), and the offsets still point into the original text."""
    n = normalize("من 5 ــ 6 ذي الحجة")
    assert n.text == "من 5 - 6 ذي الحجة"
    assert normalize("الـ 95").text == "ال 95"
    assert normalize("2007ــ2010").text == "2007-2010"
    assert n.span(5, 6) == (5, 7)                     # the «-» is the tatweel run of the original

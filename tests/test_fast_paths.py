"""The fast paths of the matcher change nothing but speed: each is checked against the plain way of
doing the same thing, on every example of the corpus, the must-not-tag phrases and the rules' own
examples, plus generated text."""
import datetime as dt
import random
import re

import pytest
from hypothesis import given, settings, strategies as st

from resolvers import _engine, normalize as N
from resolvers.grammar import RULES, first_sequences, first_tokens, ANY
from resolvers.normalize import normalize, word_bytes
from corpus import examples, negatives

ENGINE = _engine()
ANCHOR = dt.date(2025, 10, 15)
TEXTS = sorted({ex.text for ex in examples()} | {n[1] for n in negatives()}
               | {e.replace("[", "").replace("]", "") for r in RULES for e in r.examples})


def _tag(text, prefixes: bool):
    e = ENGINE
    saved, e.prefixes = e.prefixes, prefixes
    saved_entries = {k: (v._master) for k, v in e._entries.items()}
    try:
        for v in e._entries.values():
            v._master = None                       # recompile with or without the look-ahead
        return e.tag(text, ANCHOR)
    finally:
        e.prefixes = saved
        for k, v in e._entries.items():
            v._master = saved_entries.get(k)


def test_the_first_two_tokens_lookahead_loses_no_match():
    long_text = "\n".join(TEXTS)
    assert _tag(long_text, prefixes=True) == _tag(long_text, prefixes=False)


def test_the_lookahead_turns_away_a_number_that_begins_no_date():
    digits = ENGINE._entry(frozenset(i for k, ids in ENGINE.keys["1"].items() for i in ids))
    assert len(digits.rules) >= 4
    assert digits.master.pattern.startswith(ENGINE._prefix(digits))       # the rule set uses it
    rx = re.compile(ENGINE._prefix(digits))
    assert rx.match("31 شخصا") is None and rx.match("150 مليار") is None
    for ok in ("15 اكتوبر", "20/10/2025", "2015م", "3 ايام", "10 و15", "1436 ه"):
        assert rx.match(N.fold(ok)), ok


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_first_sequences_agree_with_first_tokens(rule):
    seqs = first_sequences(rule, 2)
    firsts = {ANY if s[0][0] == "chars" else s[0] for s in seqs if s}
    assert firsts == first_tokens(rule)
    assert all(1 <= len(s) <= 2 for s in seqs)


def test_first_sequences_of_a_day_month_rule():
    rule = next(r for r in RULES if r.name == "date_dm")
    pairs = first_sequences(rule, 2)
    assert (("cat", "DAY"), ("cat", "MONTH")) in pairs
    assert (("cat", "DAY"), ("lit", "من")) in pairs        # «الخامس من ...», «15 من ...»
    assert not any(len(s) == 1 for s in pairs if s[0] == ("cat", "DAY"))   # a day alone is no date


def test_tense_cues_are_found_where_the_pattern_alone_finds_them():
    rng = random.Random(7)
    texts = TEXTS + ["سيزور الوفد القاهرة وكان قد زارها، فسيعقد ستة اجتماعات_ سنعمل كان\tمن المقرر"]
    for text in texts:
        norm = normalize(text).text
        starts = ENGINE.tense_cue_starts(b" " + word_bytes(norm) + b" ")
        # tense_at ends a window at a sentence's end or at the text's end, never inside a word (a
        # word cut at 600 characters is not read as a cue: «كان|ون» is no «كان»)
        ends = [len(norm)] + [m.start() for m in re.finditer(r"\W", norm)]
        for _ in range(3):
            a = rng.randrange(0, len(norm) + 1)
            b = rng.choice([x for x in ends if x >= a])
            got = [m.span() for m in ENGINE.tense_matches(norm, a, b, starts)]
            assert got == [m.span() for m in ENGINE._tense_rx.finditer(norm, a, b)], (text, a, b)


def test_the_strict_cp1256_shortcut_sees_every_character_the_slow_path_must():
    """normalize() skips the scan for slow characters when the text encodes in cp1256: so none may."""
    for ch in N._slow_chars:
        with pytest.raises(UnicodeEncodeError):
            ch.encode(N._CODEC)


def _slow_reference(text):
    """The per-character normalisation, as plainly as it can be written (after the one pre-pass both
    share: a tatweel run that touches no letter reads «-», ``N._dash``; the same length)."""
    text = N._dash(text)
    out, nb, oa, shift = [], [], [], 0
    for o, ch in enumerate(text):
        if ch in N._DELETE_SET:
            continue
        rep = N._FOLD.get(ch)
        if rep is None:
            if "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff":
                import unicodedata
                rep = "".join(N._FOLD.get(c, c) for c in unicodedata.normalize("NFKC", ch)
                              if c not in N._DELETE_SET) or " "
            else:
                rep = ch
        for k, c in enumerate(rep):
            if k == 0 and o - len(out) != shift:
                nb.append(len(out)), oa.append(o)
                shift = o - len(out)
            elif k > 0:
                nb.append(len(out)), oa.append(o)
                shift = None
            out.append(c)
        if len(rep) > 1:
            shift = None
    return "".join(out), tuple(nb), tuple(oa)


PIECES = list("اأإآىيةبتكلم ٠١٢3\t\n\r?") + ["\u064b", "\u0651", "\u0640", "\ufdfa", "\ufdf2", "\ufefb",
                                             "\ufe8d", "\u200f", "\u00a0", "ی", "é", "😀", "غداً"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_the_run_at_a_time_slow_path_equals_the_per_character_one(text):
    got = N._slow(text)
    assert (got.text, got._norm_breaks, got._orig_at_break) == _slow_reference(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_span_is_orig_start_and_orig_end(text):
    nz = normalize(text)
    n = len(nz.text)
    for i in range(n + 1):
        for j in range(i, n + 1):
            assert nz.span(i, j) == (nz.orig_start(i), nz.orig_end(j))


def _tag_with(spotter, text):
    e = ENGINE
    saved, e._paired = e._paired, spotter
    try:
        return e.tag(text, ANCHOR)
    finally:
        e._paired = saved


@pytest.mark.parametrize("gap", [" ", "  ", "\t", " \t", "\n"])
def test_words_keyed_with_the_word_after_them_lose_no_match(gap):
    """The paired spotter («هذا العام» as one key) finds what the plain one («هذا») finds."""
    long_text = "\n".join(TEXTS).replace(" ", gap)
    assert _tag_with(ENGINE._paired, long_text) == _tag_with(ENGINE._plain, long_text)
    assert ENGINE._paired.size > ENGINE._plain.size


def test_a_word_that_begins_no_date_is_not_a_candidate_when_paired():
    norm = N.fold("هذا القرار وقبل الاجتماع ومنذ البداية")
    hits = ENGINE.candidates(norm)
    assert hits == []
    assert len(ENGINE.candidates(N.fold("هذا العام وقبل ثلاثة أيام ومنذ 8 ديسمبر"))) >= 3


def test_next_words_of_a_demonstrative():
    nxt = ENGINE._next_words(N.fold("هذا"))
    assert nxt is not None and N.fold("العام") in nxt and N.fold("الأسبوع") in nxt
    assert ENGINE._next_words(N.fold("اليوم")) is None      # «اليوم» alone is a date

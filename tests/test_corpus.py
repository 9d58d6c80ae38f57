"""The example corpus is the test suite: one test per row of fixtures/corpus/*.tsv and of the
must-not-tag corpus fixtures/negative/*.tsv (Duckling's makeCorpusTest / makeNegativeCorpusTest)."""
import pytest

from resolvers import tag
from corpus import examples, negatives

EXAMPLES = examples()
NEGATIVES = negatives()


def test_corpus_is_large_enough():
    assert len(EXAMPLES) >= 400
    assert len(NEGATIVES) >= 50


@pytest.mark.parametrize("ex", EXAMPLES, ids=[e.id for e in EXAMPLES])
def test_example(ex):
    got = tag(ex.text, ex.anchor)
    for t in got:
        assert ex.text[t.start:t.end] == t.text
    if ex.expr:
        start = ex.text.find(ex.expr)
        assert start >= 0, f"expr {ex.expr!r} is not in the text"
        hits = [t for t in got if (t.start, t.end) == (start, start + len(ex.expr))]
        assert hits, f"{ex.expr!r} not tagged; got {[(t.text, t.value) for t in got]}"
        t = hits[0]
    else:
        assert len(got) == 1 and (got[0].start, got[0].end) == (0, len(ex.text)), \
            f"want one expression over the whole phrase; got {[(t.text, t.value, t.rule) for t in got]}"
        t = got[0]
    assert (t.type, t.value, t.mod) == (ex.type, ex.value, ex.mod), t.why
    for flag in ex.flags:
        assert flag in t.flags, f"flag {flag} missing: {t.why}"


@pytest.mark.parametrize("case", NEGATIVES, ids=[c[0] for c in NEGATIVES])
def test_must_not_tag(case):
    _, text, forbidden, anchor = case
    got = tag(text, anchor or "2025-10-15")
    if not forbidden:
        assert got == [], [(t.text, t.value, t.rule) for t in got]
        return
    s = text.find(forbidden)
    assert s >= 0, f"{forbidden!r} is not in the text"
    bad = [t for t in got if t.start < s + len(forbidden) and s < t.end]
    assert not bad, [(t.text, t.value, t.rule) for t in bad]

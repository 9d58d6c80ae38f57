"""Every rule declares examples; each example is matched over its whole span, and by that rule
(the check that would have caught Duckling's dead ``ruleNextTime``)."""
import pytest

from resolvers import tag, _engine
from resolvers.grammar import RULES, first_tokens, WILDCARD

_engine()                                   # compiles and registers the rules
CASES = [(r.name, ex) for r in RULES for ex in r.examples]


def test_every_rule_has_examples():
    assert RULES and all(r.examples for r in RULES)


@pytest.mark.parametrize("name,example", CASES, ids=[f"{n}:{e}" for n, e in CASES])
def test_example_is_matched_whole_by_its_rule(name, example):
    if "[" in example:                      # «في [مارس]»: the bracketed part, in its context
        start = example.index("[")
        end = example.index("]") - 1
        example = example.replace("[", "").replace("]", "")
    else:
        start, end = 0, len(example)
    got = tag(example, "2025-10-15")
    whole = [t for t in got if (t.start, t.end) == (start, end)]
    assert whole, f"{example!r} not matched whole: {[(t.text, t.rule) for t in got]}"
    assert whole[0].rule == name, f"{example!r} matched by {whole[0].rule}, not {name}"


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_rule_is_spotted_by_its_first_words(rule):
    """No rule may begin anywhere (a wildcard first token would make it run at every word)."""
    toks = first_tokens(rule)
    assert toks and WILDCARD not in toks


def _groups_in_lookahead(parsed, inside=False, acc=None):
    """The group numbers captured inside a positive lookahead or lookbehind of a parsed pattern."""
    import re._parser as sp  # noqa: F401  (the parser's node names)
    import re._constants as C
    acc = set() if acc is None else acc
    for op, av in parsed:
        if op == C.ASSERT:
            _groups_in_lookahead(av[1], True, acc)
        elif op == C.SUBPATTERN:
            if inside and av[0] is not None:
                acc.add(av[0])
            _groups_in_lookahead(av[3], inside, acc)
        elif op == C.BRANCH:
            for b in av[1]:
                _groups_in_lookahead(b, inside, acc)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            _groups_in_lookahead(av[2], inside, acc)
        elif op == C.GROUPREF_EXISTS:
            _groups_in_lookahead(av[1], inside, acc)
            if av[2]:
                _groups_in_lookahead(av[2], inside, acc)
    return acc


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_slots_read_in_a_lookahead_are_declared(rule):
    """The engine memoises a rule's production on the matched text; a slot captured in a lookahead
    is not in it, so the rule must name it in ``ahead`` (then it is in the memo key too), or the
    production of one article leaks into another's («الساعة التاسعة والنصف» before «من مساء»)."""
    import re._parser as sp
    from resolvers.grammar import pattern_of
    _engine()
    pat = pattern_of(rule)
    names = {v: k for k, v in pat.groupindex.items()}
    captured = {names[g] for g in _groups_in_lookahead(sp.parse(pat.pattern, pat.flags)) if g in names}
    slots = {g for g in captured if g.startswith("s")}
    assert slots <= set(rule.ahead_groups), (rule.name, sorted(slots - set(rule.ahead_groups)))


def test_a_time_reads_the_same_whatever_was_tagged_before():
    """The same clock words with and without a period after them, in either order: each article's
    reading is its own (the production memo once gave the second the first one's period)."""
    a = "كما ستنطلق عند الساعة التاسعة والنصف الألعاب النارية بالواجهة البحرية"
    b = "استمر التواصل حتى الساعة التاسعة والنصف من مساء الأربعاء بعدها انقطع الاتصال"
    day = "2015-08-06"
    eng = _engine()
    eng.clear_memos()
    alone = [(t.text, t.value) for t in tag(b, day)]
    eng.clear_memos()
    tag(a, day)
    after = [(t.text, t.value) for t in tag(b, day)]
    assert alone == after and ("الساعة التاسعة والنصف من مساء الأربعاء", "2015-08-05T21:30") in after, (alone, after)

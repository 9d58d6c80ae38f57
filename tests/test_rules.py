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

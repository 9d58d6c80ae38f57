"""The merge against its hand-judged sets of pairs of real mentions of
../shared/corpora/saudinewsnet.jsonl (fixtures/merge_dev/, README there): the figures of
tools/score_merge.py are held, so that a change that makes the merge worse on real news fails here."""
from __future__ import annotations

import importlib.util

import pytest

from conftest import CORPUS, ROOT

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not CORPUS.is_file(), reason=f"{CORPUS} is not there")]

# Per set: its pairs, and the figures reached (README, "How dates are merged"), less a little slack.
# The goals are higher (precision 0.95, recall 0.90, look-alikes 0.90, purity 0.90).
SETS = {
    # the development week (5-11 August 2015)
    # (its recall fell from 0.74 to 0.68 when a name became a stem of at most 20 mentions, not 10: clauses
    # of one story that name other people came apart, for 0.87 -> 0.90 of precision)
    "pairs.tsv": (500, {"precision": 0.92, "recall": 0.66, "lookalikes_apart": 0.95, "purity": 0.86}),
    # the held-out week (27 July - 4 August), judged once and not used to choose the merge's rules.
    # Its recall fell from 0.76 to 0.66 when refine began to keep apart clauses that name other
    # people, for 0.72 -> 0.80 of precision; then to 0.593 (51/86) when a mention of another article
    # («منتصف الشهر المقبل») joined the day of H156's assembly, so that the Hijri month said beside it
    # («ذي القعدة المقبل») no longer holds the event and stands alone: the merge's statistics are the
    # whole run's, and the resolver's round moved them.
    "heldout.tsv": (200, {"precision": 0.82, "recall": 0.62, "lookalikes_apart": 0.93, "purity": 0.74}),
    # the second development week (21-26 July), drawn from the merge before the heads and names
    "july.tsv": (200, {"precision": 0.84, "recall": 0.79, "lookalikes_apart": 0.91, "purity": 0.80}),
    # a sample of the whole corpus drawn from the merge with heads and names, no rule chosen on it
    "fresh.tsv": (160, {"precision": 0.81, "recall": 0.85, "lookalikes_apart": 0.78, "purity": 0.71}),
    # a second sample, drawn from the merge of 3 December 2026 (weeks to their span, names of 20); 160
    # pairs, one judged unsure
    "fresh2.tsv": (159, {"precision": 0.85, "recall": 0.90, "lookalikes_apart": 0.85, "purity": 0.76}),
    # a third, drawn from the merge at the start of the next round (seed 61; edition labels, a span's
    # clashing figures and visits came after); 160 pairs, one judged unsure
    "fresh3.tsv": (159, {"precision": 0.87, "recall": 0.92, "lookalikes_apart": 0.90, "purity": 0.74}),
}


def _score(build, name):
    """tools/score_merge.py's figures of ``build`` against fixtures/merge_dev/``name``."""
    spec = importlib.util.spec_from_file_location("score_merge", ROOT / "tools" / "score_merge.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.score(mod.load_pairs(ROOT / "fixtures" / "merge_dev" / name), mod.event_index(build))


@pytest.fixture(scope="module")
def figures(corpus_build):
    return {name: _score(corpus_build, name) for name in SETS}


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_judged_expression_is_found(figures, name):
    got = figures[name]
    assert got["pairs_judged"] == SETS[name][0] and got["lost_expressions"] == 0, got


@pytest.mark.parametrize("name, figure", [(n, f) for n in sorted(SETS) for f in sorted(SETS[n][1])])
def test_figure_is_held(figures, name, figure):
    assert figures[name][figure] >= SETS[name][1][figure], figures[name]

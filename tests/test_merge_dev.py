"""The merge against its hand-judged development set (fixtures/merge_dev/pairs.tsv, 500 pairs of real
mentions of ../shared/corpora/saudinewsnet.jsonl): the figures of tools/score_merge.py are held, so
that a change that makes the merge worse on real news fails here."""
from __future__ import annotations

import importlib.util

import pytest

from conftest import CORPUS, ROOT

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not CORPUS.is_file(), reason=f"{CORPUS} is not there")]

# The figures reached (README, "How dates are merged"), less a little slack; the goals are
# higher (precision 0.95, recall 0.90, look-alikes 0.90, purity 0.90).
FLOORS = {"precision": 0.88, "recall": 0.70, "lookalikes_apart": 0.94, "purity": 0.82}


def _score(build, pairs=None):
    """tools/score_merge.py's figures of ``build`` against ``pairs`` (the development set by default)."""
    spec = importlib.util.spec_from_file_location("score_merge", ROOT / "tools" / "score_merge.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.score(mod.load_pairs(pairs) if pairs else mod.load_pairs(), mod.event_index(build))


@pytest.fixture(scope="module")
def figures(corpus_build):
    return _score(corpus_build)


def test_every_judged_expression_is_found(figures):
    assert figures["pairs_judged"] == 500 and figures["lost_expressions"] == 0, figures


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_figure_is_held(figures, name):
    assert figures[name] >= FLOORS[name], figures


# The held-out week (fixtures/merge_dev/heldout.tsv: 200 pairs of articles published 2015-07-27 to
# 2015-08-04, judged once and not used to choose the merge's rules): its figures, less a little slack.
# Its recall fell from 0.76 to 0.65 when refine began to keep apart clauses that name other people
# (README, "How dates are merged"), for 0.72 -> 0.80 of precision.
HELDOUT_FLOORS = {"precision": 0.74, "recall": 0.60, "lookalikes_apart": 0.85, "purity": 0.66}


@pytest.fixture(scope="module")
def heldout(corpus_build):
    return _score(corpus_build, ROOT / "fixtures" / "merge_dev" / "heldout.tsv")


def test_every_heldout_expression_is_found(heldout):
    assert heldout["pairs_judged"] == 200 and heldout["lost_expressions"] == 0, heldout


@pytest.mark.parametrize("name", sorted(HELDOUT_FLOORS))
def test_heldout_figure_is_held(heldout, name):
    assert heldout[name] >= HELDOUT_FLOORS[name], heldout


# The second development week (fixtures/merge_dev/july.tsv: 200 pairs of articles published 2015-07-21
# to 2015-07-26, drawn from the build before the heads, names and occasions, judged by two readers).
JULY_FLOORS = {"precision": 0.70, "recall": 0.82, "lookalikes_apart": 0.85, "purity": 0.64}


@pytest.fixture(scope="module")
def july(corpus_build):
    return _score(corpus_build, ROOT / "fixtures" / "merge_dev" / "july.tsv")


def test_every_july_expression_is_found(july):
    assert july["pairs_judged"] == 200 and july["lost_expressions"] == 0, july


@pytest.mark.parametrize("name", sorted(JULY_FLOORS))
def test_july_figure_is_held(july, name):
    assert july[name] >= JULY_FLOORS[name], july

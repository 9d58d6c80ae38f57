"""The 5,000 real articles of ../shared/corpora/saudinewsnet.jsonl (tools/check_corpus.py): no
exception, every article accounted for, the anchor-contradiction detector agrees with the corpus'
own ``weekday_check``, inferred anchors are right, and «الموافق» pairs resolve to the same day."""
from __future__ import annotations

import importlib.util

import pytest

from conftest import ROOT

CORPUS = ROOT.parent / "shared" / "corpora" / "saudinewsnet.jsonl"
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not CORPUS.is_file(), reason=f"{CORPUS} is not there")]

@pytest.fixture(scope="module")
def result():
    spec = importlib.util.spec_from_file_location("check_corpus", ROOT / "tools" / "check_corpus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.check(CORPUS, examples=3)


def test_every_article_is_read_without_exception(result):
    assert result["exceptions"] == 0, result["crashes"]
    assert result["lines"] == result["articles_read"] == 5000 and result["articles_skipped"] == 0
    assert result["accounted_for"]


def test_weekday_detector_agrees_with_the_corpus(result):
    wc = result["weekday_check"]
    assert wc["consistent -> consistent"] >= 870
    assert wc["inconsistent -> inconsistent"] >= 125          # of 146; most others are «أول أمس» phrases
    flagged = sum(v for k, v in wc.items() if k.endswith("-> inconsistent"))
    assert wc["inconsistent -> inconsistent"] / flagged >= 0.9
    shifts = result["contradicted_anchor_shift_days"]
    assert shifts["-1"] >= 100 and shifts["-1"] == max(shifts.values()), "mostly one day earlier"


def test_inferred_anchors_are_right(result):
    ia = result["inferred_anchors"]
    assert ia["total"] >= 350
    assert ia["within_one_day"] / ia["total"] >= 0.98 and ia["same_day"] / ia["total"] >= 0.9


def test_muwafiq_agreement(result):
    """A Hijri date followed by «الموافق» and its Gregorian date: the same day in at least 97% of the
    well-formed pairs (the Umm al-Qura table itself agrees with the print in about 98.9%)."""
    pairs, agree = result["muwafiq_pairs"], result["muwafiq_same_day"]
    assert pairs >= 400 and result["umm_al_qura_agrees_with_print"] >= 0.98
    assert agree / pairs >= 0.97, result["muwafiq_failures"]
    typos = sum(v["count"] for k, v in result["muwafiq_failures"].items() if k.startswith("source typo"))
    assert pairs - agree - typos <= 3, result["muwafiq_failures"]

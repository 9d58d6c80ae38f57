"""The precision samples of real text (fixtures/corpus_precision/*.tsv, drawn and judged with
tools/precision_sample.py) scored against the resolver as it is: a judged row still tagged as it was
keeps its judgement, a changed row is right only if it now gives the judged right value.  Slow: it
tags the articles of the 5,000-article corpus that the samples come from."""
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "precision_sample.py"
spec = importlib.util.spec_from_file_location("precision_sample", TOOL)
ps = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ps)

# the share right now, per sample, that a change must not go below (last.tsv 0.95 -> 0.94 when «رفع» as a
# verbal noun stopped being a past cue: 16 readings of the corpus right, 4 wrong, one of them its
# «سيتم نقل الناجين، ففي حادث نيسان/ابريل», now next April; round7.tsv gained one)
FLOORS = {"sample.tsv": 0.97, "heldout.tsv": 0.96, "final.tsv": 0.95, "last.tsv": 0.94, "round5.tsv": 0.98,
          "round7.tsv": 0.90, "round8.tsv": 0.94, "round9.tsv": 0.91, "round10.tsv": 0.93, "round11.tsv": 0.92, "round12.tsv": 0.92, "round13.tsv": 0.95, "round14.tsv": 0.95, "round15.tsv": 0.94, "round16.tsv": 0.95,
          "round17.tsv": 0.95, "round18.tsv": 0.94,
          "round19.tsv": 0.94, "round20.tsv": 0.96, "round21.tsv": 0.90, "round22.tsv": 0.96, "round23.tsv": 0.92, "round24.tsv": 0.95,
          "round25.tsv": 0.93, "round26.tsv": 0.93, "round27.tsv": 0.94, "round28.tsv": 0.93,
          "round29.tsv": 0.95, "round30.tsv": 0.94}


def _score(path):
    docs = ps.load_docs()
    rows = ps.read(path)
    tags = ps.tag_all({r["doc"]: docs[r["doc"]] for r in rows})
    right = 0
    for r in rows:
        s, e = int(r["start"]), int(r["end"])
        now = [t for t in tags[r["doc"]] if t.start < e and s < t.end]
        if any((t.start, t.end, t.value or "") == (s, e, r["value"]) for t in now):
            right += r["judgement"] == "right"
        elif r["correct"] == "-":
            right += not now
        else:
            right += any((t.value or "") == r["correct"] for t in now)
    return right, len(rows)


def test_every_sample_row_is_judged_with_a_reason():
    for name in FLOORS:
        rows = ps.read(ROOT / "fixtures" / "corpus_precision" / name)
        assert rows and all(r["judgement"] in ("right", "wrong") and r["reason"] for r in rows), name
        assert all(r["correct"] for r in rows if r["judgement"] == "wrong"), name


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_precision_sample_share_right(name):
    if not ps.CORPUS.exists():
        pytest.skip(f"corpus not found: {ps.CORPUS}")
    right, n = _score(ROOT / "fixtures" / "corpus_precision" / name)
    assert right / n >= FLOORS[name], f"{name}: {right}/{n}"

#!/usr/bin/env python3
"""Score a build's merge against the hand-judged pairs of fixtures/merge_dev/pairs.tsv.

    python tools/score_merge.py BUILD_DIR [--pairs fixtures/merge_dev/pairs.tsv] [--json]

BUILD_DIR is the ``--out`` folder of ``arabic-timeline build`` over ../shared/corpora/saudinewsnet.jsonl.
A pair is two mentions, each named by its document id and the character offsets of its date
expression; the build merged them when both expressions date the same event (``event_id`` of
``mentions.csv``).  Pairs judged ``unsure`` are left out.  Figures:

* precision: of the judged pairs the build merged, the share judged ``same``;
* recall: of the pairs judged ``same``, the share the build merged (and the same for the
  ``paraphrase`` ones: same happening, fewer than three content words in common);
* F1;
* look-alikes kept apart: of the pairs judged ``different`` that are ``lookalike`` (the same single
  day, two content words or more in common), the share the build kept apart;
* purity: of the events that hold both mentions of at least one judged pair, the share in which no
  such pair is judged ``different`` (a pair-based estimate of "all its mentions are one happening").

An expression the build did not find counts as not merged (and is reported); ``lost_expressions``
counts those not listed in ``fixtures/merge_dev/not_dates.tsv`` (judged expressions that are no
dates, which a build rightly does not find).
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "fixtures" / "merge_dev" / "pairs.tsv"
NOT_DATES = ROOT / "fixtures" / "merge_dev" / "not_dates.tsv"


def load_not_dates(path: Path = NOT_DATES) -> set:
    """The judged expressions that are no dates (a masthead's «اليوم», «امس» inside «لامس»…): a build
    that finds nothing there is right, and they are not counted as lost."""
    if not path.is_file():
        return set()
    with open(path, encoding="utf-8", newline="") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return {(r["doc"], int(r["start"]), int(r["end"])) for r in rows}


def load_pairs(path: Path = PAIRS) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader(f, delimiter="\t")]


class EventIndex(dict):
    """(doc id, start, end) of each expression found -> the event it dates (empty when none).  A
    judged span the build found with other bounds («12 الشهر الجاري» for «الشهر الجاري», «مساء يوم
    الأربعاء 27 شوال 1436هـ» for «27 شوال 1436هـ») is looked up as the found expression that holds
    it or that it holds, in the same document."""

    def __init__(self, rows):
        super().__init__(rows)
        self.by_doc: dict = {}
        for (doc, a, b), e in self.items():
            self.by_doc.setdefault(doc, []).append((a, b, e))

    def get(self, key, default=None):
        if key in self:
            return self[key]
        doc, a, b = key
        for x, y, e in sorted(self.by_doc.get(doc, ())):
            if (x <= a and b <= y) or (a <= x and y <= b):
                return e
        return default


def event_index(build: Path) -> dict:
    with open(build / "mentions.csv", encoding="utf-8-sig", newline="") as f:
        return EventIndex({(r["doc_id"].lstrip("'"), int(r["start"]), int(r["end"])): r["event_id"]
                           for r in csv.DictReader(f) if r["kind"] == "timex"})


def _ratio(a: int, b: int):
    return round(a / b, 4) if b else None


def score(pairs: list[dict], events: dict, not_dates: Optional[set] = None) -> dict:
    not_dates = load_not_dates() if not_dates is None else not_dates
    tp = fp = fn = tn = 0
    para = para_hit = look = look_apart = missing = 0
    lost: set = set()
    inside = defaultdict(lambda: [0, 0])           # event -> [same pairs inside, different pairs inside]
    for p in pairs:
        if p["label"] not in ("same", "different"):
            continue
        ka = (p["doc_a"], int(p["start_a"]), int(p["end_a"]))
        kb = (p["doc_b"], int(p["start_b"]), int(p["end_b"]))
        ea, eb = events.get(ka), events.get(kb)
        missing += (ea is None) + (eb is None)
        lost.update(k for k, e in ((ka, ea), (kb, eb)) if e is None and k not in not_dates)
        merged = bool(ea) and ea == eb
        same = p["label"] == "same"
        if merged:
            inside[ea][0 if same else 1] += 1
        if same:
            tp += merged
            fn += not merged
            if p.get("paraphrase") == "1":
                para += 1
                para_hit += merged
        else:
            fp += merged
            tn += not merged
            if p.get("lookalike") == "1":
                look += 1
                look_apart += not merged
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    f1 = round(2 * precision * recall / (precision + recall), 4) if precision and recall else None
    pure = sum(1 for s, d in inside.values() if d == 0)
    return {"pairs_judged": tp + fp + fn + tn, "same": tp + fn, "different": fp + tn,
            "merged": tp + fp, "precision": precision, "recall": recall, "f1": f1,
            "paraphrases": para, "paraphrase_recall": _ratio(para_hit, para),
            "lookalikes": look, "lookalikes_apart": _ratio(look_apart, look),
            "events_judged": len(inside), "purity": _ratio(pure, len(inside)),
            "expressions_not_found": missing, "lost_expressions": len(lost)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build", type=Path)
    ap.add_argument("--pairs", type=Path, default=PAIRS)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    result = score(load_pairs(a.pairs), event_index(a.build))
    if a.json:
        print(json.dumps(result, indent=1))
    else:
        for k, v in result.items():
            print(f"{k:24} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

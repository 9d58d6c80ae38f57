#!/usr/bin/env python3
"""Draw the candidate pairs of the merge development set (fixtures/merge_dev/) from a build.

    python tools/sample_merge_pairs.py BUILD_DIR --corpus ../shared/corpora/saudinewsnet.jsonl \
        --since 2015-08-05 [--until 2015-08-11] --out candidates.tsv [--seed 9]

A pair is two mentions (dated clauses) of different articles published on or after ``--since``
whose dates are compatible (one interval holds the other).  The draw is stratified so that it is not
biased toward the build's own decisions: pairs the build merged; unmerged pairs of the same single
day that share identifying words (look-alikes, or merges the build missed); unmerged pairs of a
coarser grain; and unmerged same-day pairs whose article titles share words (paraphrases).  The
pairs are then judged by reading both clauses (same / different / unsure, with a reason) and kept
in fixtures/merge_dev/pairs.tsv; tools/score_merge.py scores any build against them.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.similarity import words  # noqa: E402

DATELINE = re.compile(r"[\s)(\-–م.]{0,6}(?:واس|و\.أ\.س)")
QUOTAS = {"merged_day": 100, "merged_coarse": 50, "apart_day_alike": 110, "apart_coarse": 40, "apart_day_title": 40}


def clause(text: str, s: int, e: int, limit: int = 400) -> str:
    out = " ".join(text[s:e].split())
    return out if len(out) <= limit else out[:limit] + "…"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build", type=Path)
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--since", default="2015-08-05")
    ap.add_argument("--until", default="9999-12-31", help="last publication day drawn from (inclusive)")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--quota", action="append", default=[], metavar="STRATUM=N",
                    help="pairs to draw from a stratum (repeatable; default: %s)" % QUOTAS)
    ap.add_argument("--no-datelines", action="store_true",
                    help="leave out mentions whose expression is an agency dateline («… م واس»)")
    ap.add_argument("--exclude", type=Path, action="append", default=[],
                    help="a pairs file whose article pairs are not drawn again")
    ap.add_argument("--first", type=int, default=1, help="number of the first pair (P001)")
    a = ap.parse_args(argv)
    quotas = dict(QUOTAS)
    if a.quota:
        quotas = {k: int(v) for k, v in (q.split("=") for q in a.quota)}
    excluded = set()
    for f in a.exclude:
        for r in csv.DictReader(open(f, encoding="utf-8"), delimiter="\t"):
            excluded.add(tuple(sorted((r["doc_a"], r["doc_b"]))))
    docs = {}
    for line in open(a.corpus, encoding="utf-8"):
        d = json.loads(line)
        if a.since <= d["published"][:10] <= a.until:
            docs[d["id"]] = d
    rows = [r for r in csv.DictReader(open(a.build / "mentions.csv", encoding="utf-8-sig"))
            if r["kind"] == "timex" and r["doc_id"] in docs and r["first_day"] and r["clause_start"]]
    if a.no_datelines:
        rows = [r for r in rows if not DATELINE.match(docs[r["doc_id"]]["text"], int(r["end"]))]
    for r in rows:
        t = docs[r["doc_id"]]["text"]
        r["clause"] = clause(t, int(r["clause_start"]), int(r["clause_end"]))
        r["words"] = set(words(r["clause"]))
        r["title_words"] = set(words(docs[r["doc_id"]].get("title") or ""))
    by_day = defaultdict(list)
    coarse = []
    for r in rows:
        (by_day[r["first_day"]] if r["first_day"] == r["last_day"] else coarse).append(r)
    rng = random.Random(a.seed)
    pools = defaultdict(list)
    seen = set()

    def add(pool, x, y):
        if x["doc_id"] == y["doc_id"]:
            return
        key = tuple(sorted([(x["doc_id"], x["start"]), (y["doc_id"], y["start"])]))
        if key in seen:
            return
        seen.add(key)
        pools[pool].append((x, y))

    for day, ms in by_day.items():
        for i, x in enumerate(ms):
            for y in ms[i + 1:]:
                if x["doc_id"] == y["doc_id"]:
                    continue
                shared = len(x["words"] & y["words"])
                if x["event_id"] and x["event_id"] == y["event_id"]:
                    add("merged_day", x, y)
                elif shared >= 3:
                    add("apart_day_alike", x, y)
                elif len(x["title_words"] & y["title_words"]) >= 3:
                    add("apart_day_title", x, y)
    by_event = defaultdict(list)
    for r in rows:
        if r["event_id"]:
            by_event[r["event_id"]].append(r)
    for r in coarse:
        for y in by_event.get(r["event_id"], []) if r["event_id"] else []:
            if y is not r:
                add("merged_coarse", r, y)
    day_rows = [r for ms in by_day.values() for r in ms]
    rng.shuffle(day_rows)
    for r in coarse:
        a0, b0 = r["first_day"], r["last_day"]
        inside = [y for y in day_rows[:4000] if a0 <= y["first_day"] <= b0 and y["event_id"] != r["event_id"]
                  and len(r["words"] & y["words"]) >= 2]
        for y in inside[:3]:
            add("apart_coarse", r, y)
    out = []
    for pool, quota in quotas.items():
        cands = pools[pool]
        rng.shuffle(cands)
        # no article pair twice, no mention in more than two pairs: a spread of stories
        used, per = set(excluded), defaultdict(int)
        for x, y in cands:
            k = tuple(sorted((x["doc_id"], y["doc_id"])))
            if k in used or per[x["mention_id"]] >= 2 or per[y["mention_id"]] >= 2:
                continue
            used.add(k)
            per[x["mention_id"]] += 1
            per[y["mention_id"]] += 1
            out.append((pool, x, y))
            if sum(1 for p, _, _ in out if p == pool) >= quota:
                break
        print(f"{pool}: {len(pools[pool])} candidates, {sum(1 for p, _, _ in out if p == pool)} drawn", file=sys.stderr)
    rng.shuffle(out)
    with open(a.out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["pair", "stratum", "doc_a", "start_a", "end_a", "doc_b", "start_b", "end_b", "date_a", "date_b",
                    "expr_a", "expr_b", "title_a", "title_b", "clause_a", "clause_b"])
        for n, (pool, x, y) in enumerate(out, 1):
            w.writerow([f"P{n + a.first - 1:03d}", pool, x["doc_id"], x["start"], x["end"], y["doc_id"], y["start"], y["end"],
                        x["value"], y["value"], x["text"], y["text"],
                        " ".join((docs[x["doc_id"]].get("title") or "").split()),
                        " ".join((docs[y["doc_id"]].get("title") or "").split()), x["clause"], y["clause"]])
    print(f"{len(out)} pairs -> {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

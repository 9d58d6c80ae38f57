#!/usr/bin/env python3
"""A precision check on real text: expressions drawn at random from the 5,000-article corpus (each
article tagged against its own publication date), judged by reading, stored as data.

    python tools/precision_sample.py draw  [--seed 12] [--n 300] [--out FILE]   # draw (keeps judgements)
    python tools/precision_sample.py show  [--file FILE] [--only-unjudged]      # each row in its context
    python tools/precision_sample.py score [--file FILE]                        # share right, now

The sample (``fixtures/corpus_precision/sample.tsv``) holds, per expression: the article id, the
offsets and text, what the resolver gave (type, value, mod), the judgement (``right``/``wrong``),
what is right (``correct``: the value it should have, or ``-`` when nothing should be tagged there)
and a one-line reason.  Only the expression itself is stored, never the article's text (the corpus
is CC BY-NC-SA; the articles are read from ``../shared/corpora/saudinewsnet.jsonl``).

``score`` tags the articles again with the resolver as it is now: a row still tagged as when it was
judged keeps its judgement; a row whose output changed is right when a tag overlapping it now gives
``correct`` (nothing overlapping for ``-``), else it is counted wrong and listed, to be read again.
It prints the share right as judged (the resolver that was sampled) and now.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = Path(os.environ.get("TIMELINE_CORPUS", ROOT.parent / "shared" / "corpora" / "saudinewsnet.jsonl"))
SAMPLE = ROOT / "fixtures" / "corpus_precision" / "sample.tsv"
FIELDS = ["doc", "start", "end", "text", "type", "value", "mod", "judgement", "correct", "reason"]


def load_docs() -> dict:
    with open(CORPUS, encoding="utf-8") as f:
        return {d["id"]: d for d in map(json.loads, f)}


def tag_all(docs: dict) -> dict:
    from resolvers import tag
    return {i: tag(d["text"], d["published"][:10]) for i, d in docs.items()}


def read(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as f:
        lines = [l for l in f if not l.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None))


def write(path: Path, rows: list[dict], header: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(header + "\n")
        # no quoting at all: an expression may hold a quotation mark («نهاية تموز "يوليو" 2015»)
        w = csv.DictWriter(f, FIELDS, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None, lineterminator="\n",
                           escapechar=None)
        w.writeheader()
        for r in rows:
            w.writerow({k: (r.get(k) or "").replace("\t", " ").replace("\n", " ") for k in FIELDS})


def _row(doc, t) -> dict:
    return {"doc": doc, "start": str(t.start), "end": str(t.end), "text": t.text, "type": t.type,
            "value": t.value or "", "mod": t.mod or ""}


def draw(a) -> None:
    docs = load_docs()
    tags = tag_all(docs)
    pool = [(i, t) for i in sorted(tags) for t in tags[i]]
    rng = random.Random(a.seed)
    picked = sorted(rng.sample(range(len(pool)), a.n))
    old = {(r["doc"], r["start"], r["end"], r["value"]): r for r in read(a.out)}
    rows = []
    for k in picked:
        r = _row(*pool[k])
        prev = old.get((r["doc"], r["start"], r["end"], r["value"]))
        if prev:
            r.update({f: prev[f] for f in ("judgement", "correct", "reason")})
        rows.append(r)
    write(a.out, rows, f"# seed={a.seed} n={a.n} drawn from {len(pool)} expressions in {len(docs)} articles")
    print(f"{len(rows)} rows ({sum(1 for r in rows if r.get('judgement'))} judged) -> {a.out}")


def show(a) -> None:
    docs = load_docs()
    for k, r in enumerate(read(a.file)):
        if a.only_unjudged and r.get("judgement"):
            continue
        d = docs[r["doc"]]
        s, e, text = int(r["start"]), int(r["end"]), d["text"]
        ctx = (text[max(0, s - a.before):s] + "[[" + text[s:e] + "]]" + text[e:e + 60]).replace("\n", " ")
        print(f"{k}\t{d['published'][:10]}\t{r['type']} {r['value']} {r['mod']}\t{ctx}")


def score(a) -> None:
    docs = load_docs()
    rows = read(a.file)
    tags = tag_all({r["doc"]: docs[r["doc"]] for r in rows})
    right = wrong = 0
    changed, unjudged = [], 0
    for r in rows:
        if r.get("judgement") not in ("right", "wrong"):
            unjudged += 1
            continue
        s, e = int(r["start"]), int(r["end"])
        now = [t for t in tags[r["doc"]] if t.start < e and s < t.end]
        same = [t for t in now if (t.start, t.end, t.value or "") == (s, e, r["value"])]
        if same:
            ok = r["judgement"] == "right"
        elif r["correct"] == "-":
            ok = not now
        else:                            # a tag there now (the same span or a corrected one) gives it
            ok = any((t.value or "") == r["correct"] for t in now)
            if not ok:
                changed.append((r, [(t.text, t.value) for t in now]))
        right += ok
        wrong += not ok
    n = right + wrong
    judged_right = sum(1 for r in rows if r.get("judgement") == "right")
    print(f"as judged (the resolver that was sampled): {judged_right} of {n} right "
          f"({100 * judged_right / max(n, 1):.1f}%)")
    print(f"now: {right} right ({100 * right / max(n, 1):.1f}%), {wrong} wrong"
          + (f"; {unjudged} not judged" if unjudged else ""))
    for r, now in changed:
        print(f"  changed: {r['doc']} {r['start']}-{r['end']} {r['text']!r} was {r['value']!r} "
              f"({r['judgement']}, correct {r['correct']!r}); now {now}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw")
    d.add_argument("--seed", type=int, default=12)
    d.add_argument("--n", type=int, default=300)
    d.add_argument("--out", type=Path, default=SAMPLE)
    s = sub.add_parser("show")
    s.add_argument("--file", type=Path, default=SAMPLE)
    s.add_argument("--only-unjudged", action="store_true")
    s.add_argument("--before", type=int, default=90, help="characters of context before each expression")
    c = sub.add_parser("score")
    c.add_argument("--file", type=Path, default=SAMPLE)
    a = ap.parse_args()
    {"draw": draw, "show": show, "score": score}[a.cmd](a)


if __name__ == "__main__":
    main()

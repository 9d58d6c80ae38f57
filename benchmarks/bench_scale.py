#!/usr/bin/env python3
"""Scale: the corpus at 5,000, 20,000 and 50,000 articles (copies of it, ids suffixed and years shifted
back one per copy: ``_common.replicate``; made under a temporary folder, deleted after), and at each size

* tag-only: ``resolvers.tag`` over every article in one fresh process (start-up included);
* ``build``: wall and CPU seconds, ms per article, peak RSS, and **build ÷ tag-only** (issue 13: at most 2.0);
* ``add`` into a new store of every article but the latest day's, then ``add`` of that day's articles
  (about 450 at 5,000): time and peak of each, and **add of one day ÷ build** (issue 13: at most 0.10);

then the ratios across sizes: peak RSS and ms per article of each size against the smallest (issue 13:
peak memory at 50,000 at most 1.5 × that at 5,000).

    python benchmarks/bench_scale.py [--sizes 1,4,10] [--workers 1] [--no-add]

``--sizes`` counts copies of the corpus (1 = 5,000 articles).  ``--workers 1`` by default, so that
one process holds everything and its peak is the build's.  Each command runs under a fresh parent
that reports ``getrusage(RUSAGE_CHILDREN)``.  Nothing is asserted; the figures go to stdout and to
``benchmarks/results/scale.json``.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from _common import RESULTS, machine, measure, replicate, tag_only, timed_build


def split_last_day(path: Path, rest: Path, day: Path) -> tuple[str, int, int]:
    """Write the articles of the latest publication day of ``path`` to ``day`` and the others to
    ``rest``: (that day, the day's count, the rest's count)."""
    latest = ""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                p = (json.loads(line).get("published") or "")[:10]
                latest = max(latest, p)
    n_day = n_rest = 0
    with open(path, encoding="utf-8") as f, open(rest, "w", encoding="utf-8") as r, open(day, "w", encoding="utf-8") as d:
        for line in f:
            if not line.strip():
                continue
            if (json.loads(line).get("published") or "")[:10] == latest:
                d.write(line)
                n_day += 1
            else:
                r.write(line)
                n_rest += 1
    return latest, n_day, n_rest


def add_cmd(inputs, store, workers=None) -> list:
    cmd = [sys.executable, "-m", "timeline", "add", *map(str, inputs), "--store", str(store), "-q"]
    if workers:
        cmd += ["--workers", str(workers)]
    return cmd


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1,4,10", help="copies of the corpus at each size (1,4,10: 5,000, 20,000, 50,000)")
    ap.add_argument("--workers", default="1", help="--workers of build and add (1; 'auto' for the default)")
    ap.add_argument("--no-add", action="store_true", help="time build and tag-only only")
    a = ap.parse_args()
    workers = None if a.workers == "auto" else a.workers
    sizes = [int(x) for x in a.sizes.split(",") if x.strip()]
    print(f"machine: {machine()}")
    print(f"sizes: {', '.join(f'x{k}' for k in sizes)} of the corpus; --workers {a.workers}", flush=True)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        for k in sizes:
            corpus = d / f"corpus_x{k}.jsonl"
            n = replicate(k, corpus)
            t_wall, t_cpu = tag_only(corpus)
            b_wall, b_peak, b_cpu = timed_build([corpus], workers)
            row = {"copies": k, "articles": n, "tag_only_s": t_wall, "tag_only_cpu_s": t_cpu,
                   "build_s": b_wall, "build_cpu_s": b_cpu, "build_peak_mb": b_peak,
                   "build_ms_per_article": 1000 * b_wall / n, "build_over_tag": b_wall / t_wall,
                   "build_over_tag_cpu": b_cpu / t_cpu}
            print(f"{n:>7,} articles: tag-only {t_wall:6.1f} s; build {b_wall:6.1f} s ({row['build_ms_per_article']:.2f} ms/article, "
                  f"CPU {b_cpu:.1f} s), peak {b_peak:6.0f} MB; build ÷ tag-only {row['build_over_tag']:.2f} wall, "
                  f"{row['build_over_tag_cpu']:.2f} CPU (goal: at most 2.0)", flush=True)
            if not a.no_add:
                rest, day = d / f"rest_x{k}.jsonl", d / f"day_x{k}.jsonl"
                latest, n_day, n_rest = split_last_day(corpus, rest, day)
                store = d / f"store_x{k}.duckdb"
                first = measure(add_cmd([rest], store, workers))
                second = measure(add_cmd([day], store, workers))
                row.update({"day": latest, "day_articles": n_day, "add_rest_s": first[0], "add_rest_peak_mb": first[1],
                            "add_day_s": second[0], "add_day_cpu_s": second.cpu, "add_day_peak_mb": second[1],
                            "add_day_over_build": second[0] / b_wall})
                print(f"{'':>17} add of {n_rest:,} articles into a new store {first[0]:6.1f} s, peak {first[1]:6.0f} MB; "
                      f"add of one day ({latest}, {n_day} articles) {second[0]:6.1f} s, peak {second[1]:6.0f} MB: "
                      f"{row['add_day_over_build']:.2f} of a build (goal: at most 0.10)", flush=True)
                store.unlink(missing_ok=True)
            rows.append(row)
            corpus.unlink(missing_ok=True)
    base = rows[0]
    for r in rows[1:]:
        print(f"x{r['copies']} against x{base['copies']}: peak RSS of build {r['build_peak_mb'] / base['build_peak_mb']:.2f}× "
              f"(goal at 50,000 against 5,000: at most 1.5), ms per article {r['build_ms_per_article'] / base['build_ms_per_article']:.2f}×"
              + (f", add of one day {r['add_day_s'] / base['add_day_s']:.2f}×, its peak {r['add_day_peak_mb'] / base['add_day_peak_mb']:.2f}×"
                 if 'add_day_s' in r else ""))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "scale.json").write_text(json.dumps({"machine": machine(), "rows": rows}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""End-to-end ``arabic-timeline build`` on the corpus (read, tag, mentions, merge, CSV, JSON, HTML):
wall seconds and peak memory, with ``--workers`` auto (the default) and 1, each against a tag-only
run in the same round: ``resolvers.tag(text, published)`` over every article in one fresh process.
The ratio build ÷ tag-only cancels the machine's load (issue 13: at most 2.0).  Then peak memory on
a fifth and on all of the corpus, and where the time goes in one process: read+tag+extract, the
merge (timeline/merge.py), order+tables, writing.

    python benchmarks/bench_build.py [--runs 3]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import CORPUS, ROOT, machine, median, tag_only, timed_build


def run_build(inputs, workers, extra=()) -> tuple[float, float]:
    """(seconds, peak RSS in MB of the largest process) of one CLI build."""
    return timed_build(inputs, workers, extra)[:2]


def phases() -> None:
    """One process, in-process timings of the stages."""
    code = r"""
import time, tempfile, sys
sys.path.insert(0, %r)
import timeline
from timeline import pipeline
from resolvers import tag
t0 = time.perf_counter()
tag("اليوم", "2015-01-01")
marks = {"warm": time.perf_counter()}
orig_a, orig_m = pipeline._assemble, pipeline.merge
def assemble(*a, **k):
    marks["extracted"] = time.perf_counter()
    return orig_a(*a, **k)
def merge(*a, **k):
    t = time.perf_counter()
    try:
        return orig_m(*a, **k)
    finally:
        marks["merge"] = time.perf_counter() - t
pipeline._assemble, pipeline.merge = assemble, merge
tl = timeline.build([%r], workers=1)
t1 = time.perf_counter()
with tempfile.TemporaryDirectory() as out:
    tl.write(out)
t2 = time.perf_counter()
ex = marks["extracted"]
rest = t1 - ex - marks["merge"]
total = t2 - t0
print(f"  start-up {marks['warm'] - t0:.2f} s; read+tag+extract {ex - marks['warm']:.2f} s; merge {marks['merge']:.2f} s; "
      f"order+tables {rest:.2f} s; write (CSV, JSON, HTML, report) {t2 - t1:.2f} s; total {total:.2f} s, "
      f"the merge {100 * marks['merge'] / total:.0f}%%; {len(tl.mentions)} expression rows, {len(tl.events)} events")
""" % (str(ROOT), str(CORPUS))
    p = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    print(p.stdout.rstrip() or p.stderr[-2000:])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    print(f"machine: {machine()}")
    print(f"input: {CORPUS}")
    tags, builds = [], {"auto": [], "1": []}
    for k in range(a.runs):                 # alternated, so that each ratio is taken under the same load
        t, tc = tag_only(CORPUS)
        tags.append((t, tc))
        line = [f"run {k + 1}: tag-only {t:.2f} s ({tc:.2f} s CPU)"]
        for workers in ("auto", "1"):
            secs, peak, cpu = timed_build([CORPUS], None if workers == "auto" else workers)
            builds[workers].append((secs, peak, secs / t, cpu, cpu / tc))
            line.append(f"build --workers {workers} {secs:.2f} s ({cpu:.2f} s CPU, {peak:.0f} MB) = {secs / t:.2f}x")
        print("; ".join(line), flush=True)
    print(f"tag-only: {median([t[0] for t in tags]):.2f} s wall, {median([t[1] for t in tags]):.2f} s CPU (median of "
          f"{a.runs}; a fresh process: import, tables, tag every article)")
    for workers, res in builds.items():
        label = "auto (default)" if workers == "auto" else workers
        print(f"build --workers {label}: {median([r[0] for r in res]):.2f} s wall, {median([r[3] for r in res]):.2f} s CPU "
              f"(all processes), peak RSS {max(r[1] for r in res):.0f} MB; build / tag-only "
              f"{median([r[2] for r in res]):.2f} wall (goal at most 2.0), {median([r[4] for r in res]):.2f} CPU "
              f"(medians of {a.runs})")
    with tempfile.TemporaryDirectory() as d:
        fifth = Path(d) / "fifth.jsonl"
        with open(CORPUS, encoding="utf-8") as f, open(fifth, "w", encoding="utf-8") as g:
            for k, line in enumerate(f):
                if k >= 1000:
                    break
                g.write(line)
        s1, m1 = run_build([fifth], "1")
    s5, m5 = run_build([CORPUS], "1")
    print(f"memory: 1,000 articles {m1:.0f} MB ({s1:.2f} s), 5,000 articles {m5:.0f} MB ({s5:.2f} s)")
    print("stages (one process):")
    phases()


if __name__ == "__main__":
    main()

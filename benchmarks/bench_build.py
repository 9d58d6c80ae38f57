#!/usr/bin/env python3
"""End-to-end ``arabic-timeline build`` on the corpus (read, tag, mentions, merge, CSV, JSON, HTML):
wall seconds and peak memory (max RSS of the build process and its workers), for one process and for
``--workers`` auto; then peak memory on a fifth and on all of the corpus, to show that reading JSON
Lines streams (memory follows the mentions kept for the merge, not the text read).  Also where the
time goes, in one process: read+tag+extract, merge+tables, writing.

    python benchmarks/bench_build.py [--runs 1]
"""
from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import CORPUS, ROOT, machine, median


def run_build(inputs, workers: str, extra=()) -> tuple[float, float]:
    """(seconds, peak RSS in MB of the process tree) of one CLI build."""
    with tempfile.TemporaryDirectory() as out:
        cmd = [sys.executable, "-m", "timeline", "build", *map(str, inputs), "--out", out, *extra]
        if workers:
            cmd += ["--workers", workers]
        time_bin = Path("/usr/bin/time")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        t = time.perf_counter()
        if time_bin.exists():
            p = subprocess.run([str(time_bin), "-v", *cmd], cwd=ROOT, capture_output=True, text=True)
            secs = time.perf_counter() - t
            m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
            peak = int(m.group(1)) / 1024 if m else float("nan")
        else:
            p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
            secs = time.perf_counter() - t
            peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
        if p.returncode != 0:
            sys.exit(f"build failed ({p.returncode}): {p.stderr[-2000:]}")
    return secs, peak


def phases() -> None:
    """One process, in-process timings of the stages."""
    code = r"""
import time, tempfile, sys
sys.path.insert(0, %r)
import timeline
from timeline import pipeline, merge as M
from resolvers import tag
tag("اليوم", "2015-01-01")
t0 = time.perf_counter()
orig = pipeline._assemble
marks = {}
def assemble(*a, **k):
    marks["extracted"] = time.perf_counter()
    return orig(*a, **k)
pipeline._assemble = assemble
tl = timeline.build([%r], workers=1)
t1 = time.perf_counter()
with tempfile.TemporaryDirectory() as out:
    tl.write(out)
t2 = time.perf_counter()
n = len(tl.mentions)
print(f"  read+tag+extract {marks['extracted'] - t0:.2f} s; merge+order+tables {t1 - marks['extracted']:.2f} s; "
      f"write (CSV, JSON, HTML, report) {t2 - t1:.2f} s; {n} expression rows, {len(tl.events)} events")
""" % (str(ROOT), str(CORPUS))
    p = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    print(p.stdout.rstrip() or p.stderr[-2000:])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=1)
    a = ap.parse_args()
    print(f"machine: {machine()}")
    print(f"input: {CORPUS}")
    for label, workers in (("--workers 1", "1"), ("--workers auto (default)", None), ("--workers 2", "2")):
        res = [run_build([CORPUS], workers) for _ in range(a.runs)]
        secs = median([r[0] for r in res])
        print(f"build {label}: {secs:.2f} s wall (median of {a.runs}), peak RSS {max(r[1] for r in res):.0f} MB")
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

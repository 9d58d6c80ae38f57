#!/usr/bin/env python3
"""Peak memory of ``arabic-timeline build`` on the corpus and on N copies of it (ids suffixed, years
shifted back one per copy: ``_common.replicate``; written under a temporary folder, deleted after):
peak RSS of each build, the ratio of the two, and what each article adds.  The goal of issue 13 is a
ratio of at most 1.5 from 5,000 to 50,000 articles.

    python benchmarks/bench_memory.py [--copies 10] [--workers 1] [--keep DIR]

Each build runs in its own fresh parent process, which reports ``getrusage(RUSAGE_CHILDREN)
.ru_maxrss``: the largest process of the build.  ``--workers 1`` by default, so that the one process
holds everything (with worker processes, the main process holds what grows and each worker stays
near its start-up size).  Nothing is asserted.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from _common import CORPUS, machine, replicate, timed_build


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=10, help="copies of the corpus for the large build (10: 50,000 articles)")
    ap.add_argument("--workers", default="1", help="--workers of the builds (1; 'auto' for the default)")
    ap.add_argument("--keep", default=None, help="write the replicated corpus here and keep it (default: a temporary folder)")
    a = ap.parse_args()
    workers = None if a.workers == "auto" else a.workers
    print(f"machine: {machine()}")
    print(f"input: {CORPUS}, and {a.copies} copies of it; build --workers {a.workers}")
    with tempfile.TemporaryDirectory() as d:
        folder = Path(a.keep) if a.keep else Path(d)
        folder.mkdir(parents=True, exist_ok=True)
        small, large = folder / "corpus_x1.jsonl", folder / f"corpus_x{a.copies}.jsonl"
        n1 = replicate(1, small)
        nn = replicate(a.copies, large)
        s1, m1, _ = timed_build([small], workers)
        print(f"{n1:>7,} articles: peak RSS {m1:7.0f} MB, {s1:7.1f} s ({1000 * s1 / n1:.2f} ms/article)", flush=True)
        sn, mn, _ = timed_build([large], workers)
        print(f"{nn:>7,} articles: peak RSS {mn:7.0f} MB, {sn:7.1f} s ({1000 * sn / nn:.2f} ms/article)", flush=True)
    per = (mn - m1) * 1024 / max(1, nn - n1)
    print(f"ratio of peaks {mn / m1:.2f} (goal: at most 1.5); {per:.1f} KB more per article; "
          f"time per article x{(sn / nn) / (s1 / n1):.2f}")


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Merge scaling: ``timeline.merge.merge`` on 10 k, 100 k and 1 M synthetic mentions made from the
real ones of the corpus (tagged and extracted once), copied onto other years (copy k moves every date
k years on, so months stay months and the density per day stays that of the corpus), printing the
time per mention at each size: a super-linear step would show as a growing figure.

    python benchmarks/bench_merge.py [--sizes 10000,100000,1000000]
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gc
import random
import time

from _common import load_corpus, machine


def real_mentions():
    from resolvers import tag
    from timeline.mentions import extract
    out = []
    for d in load_corpus():
        out += extract(d["id"], d["text"], d["anchor"], tag(d["text"], d["anchor"]))[1]
    return out


def _years(day: dt.date, k: int) -> dt.date:
    try:
        return day.replace(year=day.year + k)
    except ValueError:                        # 29 February
        return day.replace(year=day.year + k, day=28)


def synthetic(real: list, n: int, seed: int = 1) -> list:
    if n <= len(real):
        return random.Random(seed).sample(real, n)
    out, k = [], 0
    while len(out) < n:
        for m in real:
            if len(out) >= n:
                break
            out.append(m if k == 0 else dataclasses.replace(
                m, doc_id=f"{m.doc_id}~{k}", first_day=_years(m.first_day, k), last_day=_years(m.last_day, k)))
        k += 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000,1000000")
    a = ap.parse_args()
    from timeline.merge import merge
    print(f"machine: {machine()}")
    t = time.perf_counter()
    real = real_mentions()
    print(f"{len(real)} real mentions from the corpus ({time.perf_counter() - t:.1f} s to tag and extract)")
    rows = []
    for n in map(int, a.sizes.split(",")):
        ms = synthetic(real, n)
        gc.collect()
        t = time.perf_counter()
        c = time.process_time()
        events = merge(ms)
        wall, cpu = time.perf_counter() - t, time.process_time() - c
        rows.append((n, wall, cpu, len(events)))
        print(f"merge {n:>9,} mentions: {wall:7.2f} s wall, {cpu:7.2f} s CPU, {cpu / n * 1e6:6.1f} µs/mention "
              f"(CPU), {len(events):,} events", flush=True)
        del ms, events
    if len(rows) > 1:
        per = [r[2] / r[0] for r in rows]
        print(f"largest / smallest time per mention: {max(per) / min(per):.2f}x "
              f"({rows[0][0]:,} -> {rows[-1][0]:,} mentions)")


if __name__ == "__main__":
    main()

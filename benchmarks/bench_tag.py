#!/usr/bin/env python3
"""Tagging throughput: ``resolvers.tag`` on the 5,000-article corpus, each article against its own
publication date (median of several first passes, the memo tables emptied before each; then the
same with them full), against ``dateparser.search.search_dates`` in the same run
(on a subset, scaled per character), and against a plain scan of the same text (``str.count``), the
machine's ceiling.

    python benchmarks/bench_tag.py [--runs 3] [--dateparser-articles 40]
"""
from __future__ import annotations

import argparse
import time

from _common import load_corpus, machine, median


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--dateparser-articles", type=int, default=40,
                    help="articles given to dateparser (it is slow; its rate is per character)")
    a = ap.parse_args()
    from resolvers import tag

    docs = load_corpus()
    chars = sum(len(d["text"]) for d in docs)
    print(f"machine: {machine()}")
    print(f"corpus: {len(docs)} articles, {chars / 1e6:.2f} M characters")
    from resolvers import prepare
    t = time.perf_counter()
    prepare()                                            # tables and rule sets, outside the timing
    print(f"start-up (tables, automaton, rule sets): {time.perf_counter() - t:.2f} s")
    from resolvers import _engine
    engine = _engine()
    # Each run is a first pass: the memo tables (an expression's production and its resolution
    # against an anchor) are emptied before it, as in a build that tags each article once.  Then
    # the same pass again with the tables full: the steady state of a long run, where «اليوم» and
    # «أمس» against the same dates come back.
    cold, warm, found = [], [], 0
    for _ in range(a.runs):
        engine.clear_memos()
        t = time.perf_counter()
        found = sum(len(tag(d["text"], d["anchor"])) for d in docs)
        cold.append(time.perf_counter() - t)
        t = time.perf_counter()
        sum(len(tag(d["text"], d["anchor"])) for d in docs)
        warm.append(time.perf_counter() - t)
    t_tag, t_warm = median(cold), median(warm)
    rate = chars / t_tag
    print(f"resolvers.tag, first pass: {found} expressions; median of {a.runs} runs {t_tag:.2f} s "
          f"(runs: {', '.join(f'{x:.2f}' for x in cold)}) = {rate / 1e6:.2f} M chars/s, "
          f"{len(docs) / t_tag:,.0f} articles/s, {t_tag / len(docs) * 1e6:.0f} µs/article")
    print(f"resolvers.tag, again with the memo tables full: median {t_warm:.2f} s "
          f"(runs: {', '.join(f'{x:.2f}' for x in warm)}) = {chars / t_warm / 1e6:.2f} M chars/s")

    t = time.perf_counter()
    n = sum(d["text"].count("في") for d in docs)
    t_scan = time.perf_counter() - t
    print(f"plain scan (str.count of «في», {n} hits): {chars / t_scan / 1e6:,.0f} M chars/s "
          f"(tag runs at {rate / (chars / t_scan):.2%} of it)")

    try:
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser: not installed (pip install dateparser)")
        return
    subset = docs[: a.dateparser_articles]
    sub_chars = sum(len(d["text"]) for d in subset)
    import datetime as dt
    search_dates("اليوم", languages=["ar"])                # its own warm-up
    t = time.perf_counter()
    dp_found = 0
    for d in subset:
        base = dt.datetime.combine(d["anchor"], dt.time())
        dp_found += len(search_dates(d["text"], languages=["ar"], settings={"RELATIVE_BASE": base}) or [])
    t_dp = time.perf_counter() - t
    dp_rate = sub_chars / t_dp
    engine.clear_memos()
    t = time.perf_counter()
    for d in subset:
        tag(d["text"], d["anchor"])
    same = sub_chars / (time.perf_counter() - t)
    print(f"dateparser.search.search_dates: {len(subset)} articles ({sub_chars:,} chars, {dp_found} dates) in "
          f"{t_dp:.2f} s = {dp_rate / 1e3:.1f} k chars/s")
    print(f"ratio: resolvers.tag (first pass) is {rate / dp_rate:,.0f}x dateparser per character "
          f"(on the same subset, first pass: {same / dp_rate:,.0f}x; with the memo tables full: "
          f"{chars / t_warm / dp_rate:,.0f}x)")


if __name__ == "__main__":
    main()

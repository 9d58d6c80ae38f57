#!/usr/bin/env python3
"""Haskell Duckling's Arabic time corpus as an outside measure of ``resolvers.tag``.

    python tools/duckling_ar.py score [--verbose]        # the share right, misses by class
    python tools/duckling_ar.py convert Corpus.hs        # rebuild the TSV from Duckling's source

The examples are held as data in ``fixtures/duckling_ar/corpus.tsv`` (converted from
``Duckling/Time/AR/Corpus.hs``; source, commit and licence in that folder's README).  Each row: the
phrase, Duckling's expected value (``kind`` point: its start; interval: ``start/end``, end
exclusive, as Duckling writes it), its grain, and where our convention gives another answer on
purpose: ``class`` (``a``: Duckling's future-leaning convention, ``b``: a clock time, hour or minute)
with ``ours``, the value our convention gives (checked: a miss counts as that class only when we
give exactly ``ours``), and ``note``.

Reference time: Duckling's testContext, 2013-02-12 04:30:00 (a Tuesday); we tag against the date.

An example is right when one expression covers the phrase, or the phrase's date part (what is
left of the phrase outside it is only prepositions, «في», «يوم», «الساعة …» and the like, see
``_LEFTOVER_OK``), and its value agrees with Duckling's at Duckling's grain:

- second/minute/hour (a point): our TIME value begins with Duckling's at its grain («2013-02-12T15»
  for an hour, «2013-02-12T15:15» for a minute); an interval of hours is never right;
- day: our interval is that one day;
- week: our interval is the ISO week starting that Monday;
- month/year: our interval is that whole month/year;
- an interval: our first and last day are Duckling's first and last (end − 1 at day grain; at week
  grain the Monday of the last week + 6).
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TSV = ROOT / "fixtures" / "duckling_ar" / "corpus.tsv"
ANCHOR = "2013-02-12"
FIELDS = ["phrase", "kind", "value", "grain", "holiday", "class", "ours", "note"]

# ----------------------------------------------------------------------------------------- convert

_BLOCK = re.compile(
    r"examples\s*\(\s*(datetime|datetimeInterval|datetimeHoliday|datetimeIntervalHoliday)\s*"
    r"(\([^\n]*?\))\s*(Second|Minute|Hour|Day|Week|Month|Quarter|Year)\s*(\"[^\"]*\")?\s*\)\s*"
    r"\[(.*?)\]", re.S)
_TUPLE = re.compile(r"\((\d+),\s*(\d+),\s*(\d+),\s*(\d+),\s*(\d+),\s*(\d+)\)")


def _iso(t: tuple) -> str:
    y, m, d, h, mi, s = map(int, t)
    return dt.datetime(y, m, d, h, mi, s).isoformat()


def convert(src: Path) -> list[dict]:
    old = {r["phrase"]: r for r in read()} if TSV.exists() else {}
    rows = []
    text = src.read_text(encoding="utf-8")
    for kind, args, grain, holiday, body in _BLOCK.findall(text):
        tuples = _TUPLE.findall(args)
        value = "/".join(_iso(t) for t in tuples)
        for phrase in re.findall(r'"((?:[^"\\]|\\.)*)"', body):
            prev = old.get(phrase, {})
            rows.append({"phrase": phrase, "kind": "interval" if "Interval" in kind else "point",
                         "value": value, "grain": grain.lower(), "holiday": holiday.strip('"'),
                         "class": prev.get("class", ""), "ours": prev.get("ours", ""),
                         "note": prev.get("note", "")})
    return rows


def read() -> list[dict]:
    with open(TSV, encoding="utf-8", newline="") as f:
        lines = [l for l in f if not l.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None))


HEADER = ("# Duckling/Time/AR/Corpus.hs (facebook/duckling), converted by tools/duckling_ar.py convert;"
          " reference 2013-02-12T04:30:00. class a: Duckling's future-leaning convention, b: clock time;"
          " ours: what our convention gives instead")


def write(rows: list[dict]) -> None:
    TSV.parent.mkdir(parents=True, exist_ok=True)
    with open(TSV, "w", encoding="utf-8", newline="") as f:
        f.write(HEADER + "\n")
        w = csv.DictWriter(f, FIELDS, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None,
                           lineterminator="\n")
        w.writeheader()
        w.writerows(rows)

# ------------------------------------------------------------------------------------------- score

# What may be left of the phrase outside the expression that covers its date part.
_LEFTOVER_OK = {"في", "يوم", "عند", "قرابة", "حوالي", "بحدود", "خلال", "اليوم", "،", ","}


def _span(row: dict) -> tuple[dt.date, dt.date] | None:
    """Duckling's value as an inclusive day interval at its grain (None for clock grains)."""
    g = row["grain"]
    parts = [dt.datetime.fromisoformat(p) for p in row["value"].split("/")]
    if g in ("second", "minute", "hour"):
        return None
    start = parts[0].date()
    if row["kind"] == "interval":
        end = parts[1].date()
        if g == "week":
            return start, end - dt.timedelta(days=1)
        return start, end - dt.timedelta(days=1)
    if g == "day":
        return start, start
    if g == "week":
        return start, start + dt.timedelta(days=6)
    if g == "month":
        nxt = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return start, nxt - dt.timedelta(days=1)
    if g == "quarter":
        m = start.month + 3
        nxt = dt.date(start.year + (m - 1) // 12, (m - 1) % 12 + 1, 1)
        return start, nxt - dt.timedelta(days=1)
    if g == "year":
        return start, dt.date(start.year, 12, 31)
    raise ValueError(g)


def _covers(phrase: str, t, tags=()) -> bool:
    """The expression covers the phrase, or all of it but words of _LEFTOVER_OK that no other
    expression takes."""
    if any(o is not t and o.start < o.end for o in tags):
        return False
    rest = (phrase[:t.start] + " " + phrase[t.end:]).replace("،", " ")
    return all(w in _LEFTOVER_OK for w in rest.split())


def judge(row: dict, tags: list) -> tuple[str, object]:
    """('right'|'wrong'|'missing', the best tag or None)."""
    phrase = row["phrase"]
    cands = [t for t in tags if _covers(phrase, t, tags)]
    if not cands:
        return "missing", (tags[0] if tags else None)
    span = _span(row)
    want = _clock_prefix(row)
    for t in cands:
        if span is not None and t.first_day is not None and (t.first_day, t.last_day) == span:
            return "right", t
        if want is not None and t.type == "TIME" and t.value and t.value.startswith(want) \
                and (len(t.value) == len(want) or row["grain"] != "second"):
            return "right", t
    return "wrong", cands[0]


def _clock_prefix(row: dict):
    """A point at hour/minute/second grain: the TIME value's beginning that must agree («2013-02-12T03»,
    «2013-02-12T03:18», «2013-02-12T15:23:24»); None otherwise (intervals of hours are not read)."""
    if row["kind"] != "point" or row["grain"] not in ("hour", "minute", "second"):
        return None
    v = row["value"]
    return {"hour": v[:13], "minute": v[:16], "second": v[:19]}[row["grain"]]


def _as_ours(row: dict, t, tags: list) -> bool:
    """We give what ``ours`` says our convention gives: ``first/last`` days, a value, or
    ``unresolved``."""
    if t is None or not _covers(row["phrase"], t, tags):
        return False
    ours = row["ours"]
    if ours == "unresolved":
        return t.value is None
    if t.first_day is not None and ours == f"{t.first_day}/{t.last_day}":
        return True
    return ours == t.value


def show(t) -> str:
    if t is None:
        return "-"
    span = f"{t.first_day}..{t.last_day}" if t.first_day else ""
    return f"«{t.text}» {t.type} {t.value} {t.mod or ''} {span} {t.rule}".replace("  ", " ")


def score(verbose: bool = False) -> dict:
    from resolvers import tag
    rows = read()
    out = Counter()
    misses = []
    for r in rows:
        tags = tag(r["phrase"], ANCHOR)
        verdict, t = judge(r, tags)
        if verdict == "right":
            out["right"] += 1
            continue
        cls = r["class"] or "c"
        if cls != "c" and r["ours"] != "-" and not _as_ours(r, t, tags):
            cls = "c"              # not what our convention gives either: a real gap
        out[cls] += 1
        misses.append((cls, verdict, r, t))
    n = len(rows)
    res = {"n": n, "right": out["right"], "a": out["a"], "b": out["b"], "c": out["c"], "d": out["d"]}
    print(f"Duckling AR time corpus: {n} examples, anchor {ANCHOR}")
    print(f"right: {out['right']}/{n} = {100 * out['right'] / n:.1f}%")
    na = n - out["a"]
    print(f"excluding (a) future-leaning convention ({out['a']}): {out['right']}/{na} = "
          f"{100 * out['right'] / na:.1f}%")
    nb = na - out["b"]
    print(f"excluding (a) and (b) clock times ({out['b']}): {out['right']}/{nb} = "
          f"{100 * out['right'] / nb:.1f}%")
    nd = nb - out["d"]
    print(f"excluding (a), (b) and (d) our other stated conventions ({out['d']}): {out['right']}/{nd} = "
          f"{100 * out['right'] / nd:.1f}%")
    print(f"misses: a={out['a']} b={out['b']} c={out['c']} d={out['d']}")
    if verbose:
        for cls, verdict, r, t in sorted(misses, key=lambda m: m[0]):
            print(f"  [{cls}] {verdict:7} {r['phrase']!s:45} want {r['value']} {r['grain']}"
                  f"  got {show(t)}  {r['note']}")
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("convert")
    c.add_argument("source", type=Path)
    s = sub.add_parser("score")
    s.add_argument("--verbose", "-v", action="store_true")
    a = ap.parse_args()
    if a.cmd == "convert":
        rows = convert(a.source)
        write(rows)
        print(f"{len(rows)} examples -> {TSV.relative_to(ROOT)}")
        return 0
    score(a.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())

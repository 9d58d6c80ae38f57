"""Command line: ``arabic-timeline build|tag|demo`` (also ``python -m timeline``).

Exit status: 0 on success; 1 when nothing could be read, or with ``--strict`` when any input problem
was reported; 2 for usage errors.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .documents import parse_published

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"


def _build(inputs, out: Path, strict: bool, workers: int) -> int:
    from .pipeline import build
    tl = build(inputs, progress=sys.stderr.isatty())
    for p in tl.problems:
        print(p, file=sys.stderr)
    paths = tl.write(out)
    print(tl.summary(), file=sys.stderr)
    print(f"wrote {', '.join(str(p) for p in paths.values())}", file=sys.stderr)
    if tl.totals()["articles_read"] == 0:
        print("error: no article could be read", file=sys.stderr)
        return 1
    if strict and tl.problems:
        print(f"error: {len(tl.problems)} input problem(s) and --strict was given", file=sys.stderr)
        return 1
    return 0


def _tag(text: str | None, anchor: str, as_json: bool) -> int:
    from resolvers import tag
    if text is None:
        text = sys.stdin.read()
    try:
        day = parse_published(anchor)
    except ValueError as e:
        print(f"error: --anchor: {e}", file=sys.stderr)
        return 2
    found = list(tag(text, day))
    if as_json:
        print(json.dumps([t.as_dict() for t in found], ensure_ascii=False, indent=1))
        return 0
    for t in found:
        span = f"{t.first_day}..{t.last_day}" if t.first_day and t.first_day != t.last_day else (t.first_day or "")
        print(f"{t.start}-{t.end}\t{t.text}\t{t.type}\t{t.value or '-'}{' ' + t.mod if t.mod else ''}\t{span}\t"
              f"{t.status}\t{t.why}")
    print(f"{len(found)} expression(s), anchor {day.isoformat()}", file=sys.stderr)
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="arabic-timeline",
                                 description="Turn dated Arabic news articles into one ordered event timeline.")
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="build the timeline of one or more inputs")
    b.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="a folder with manifest.csv, or a .jsonl, .csv or .parquet file (id,text,published)")
    b.add_argument("--out", required=True, type=Path, help="output folder")
    b.add_argument("--strict", action="store_true", help="exit non-zero when any input problem is reported")
    b.add_argument("--workers", type=int, default=1, help="worker processes (reserved; runs in one process)")
    t = sub.add_parser("tag", help="print the date expressions of a text")
    t.add_argument("text", nargs="?", help="the text (read from stdin when omitted)")
    t.add_argument("--anchor", required=True, help="publication date the expressions are resolved against")
    t.add_argument("--json", action="store_true", help="print JSON")
    d = sub.add_parser("demo", help="build the bundled seed articles into ./timeline-demo/")
    d.add_argument("--out", type=Path, default=Path("timeline-demo"))
    a = ap.parse_args(argv)
    if a.cmd == "build":
        if a.workers < 1:
            ap.error("--workers must be at least 1")
        return _build(a.inputs, a.out, a.strict, a.workers)
    if a.cmd == "tag":
        return _tag(a.text, a.anchor, a.json)
    rc = _build([SEEDS], a.out, False, 1)
    page = (a.out / "timeline.html").resolve()
    print(f"open {page.as_uri()}")
    return rc


if __name__ == "__main__":
    sys.exit(main())

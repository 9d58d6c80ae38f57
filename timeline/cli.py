"""Command line: ``arabic-timeline build|tag|demo`` (also ``python -m timeline``).

Exit status: 0 on success; 1 when nothing could be read (nothing is written then), when the outputs
cannot be written, or with ``--strict`` when any input problem (error or warning) was reported; 2 for
usage errors (``--out`` empty, a file, or a folder of other files); 130 when interrupted (Ctrl-C) and
143 on SIGTERM, the output folder then left as it was (:mod:`timeline.outdir`); 70 for an internal
error (reported in one line, the traceback only with ``TIMELINE_DEBUG=1``).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .published import parse_published

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"


def _build(inputs, out, strict: bool, workers, trust_text_weekdays: bool = False, engine: str = "local",
           scheduler=None) -> int:
    from .engines import EngineUnavailable
    from .outdir import OutputFolderError, WriteState, check_out
    from .pipeline import build
    try:
        check_out(out)
    except OutputFolderError as e:
        print(f"error: --out: {e}", file=sys.stderr)
        return 2
    state = WriteState()
    try:
        try:
            tl = build(inputs, progress=sys.stderr.isatty(), trust_text_weekdays=trust_text_weekdays,
                       workers=workers, engine=engine, scheduler=scheduler)
        except EngineUnavailable as e:
            print(f"error: {e}", file=sys.stderr)
            return 2
        for p in tl.problems:
            print(p, file=sys.stderr)
        if tl.totals()["articles_read"] == 0:
            print(tl.summary(), file=sys.stderr)
            print(f"error: no article could be read; {out} was not touched", file=sys.stderr)
            return 1
        try:
            paths = tl.write(out, state)
        except OutputFolderError as e:
            print(f"error: --out: {e}", file=sys.stderr)
            return 2
        except OSError as e:
            print(f"error: cannot write the outputs to {out}: {e.strerror or e}"
                  f"{' (' + str(e.filename) + ')' if getattr(e, 'filename', None) else ''}; "
                  f"{out} was left as it was", file=sys.stderr)
            return 1
    except (KeyboardInterrupt, Terminated) as e:
        what = "interrupted" if isinstance(e, KeyboardInterrupt) else "terminated"
        if state.swapped:
            told = f"the outputs in {out} are complete"
        elif state.started:
            told = f"while writing; the new outputs were discarded and {out} was left as it was"
        else:
            told = f"before anything was written; {out} was not touched"
        print(f"\n{what} {told}", file=sys.stderr)
        return 130 if isinstance(e, KeyboardInterrupt) else 143
    print(tl.summary(), file=sys.stderr)
    print(f"wrote {', '.join(str(p) for p in paths.values())}", file=sys.stderr)
    if strict and tl.problems:
        errors = sum(p.severity == "error" for p in tl.problems)
        print(f"error: {len(tl.problems)} input problem(s) ({errors} error(s), {len(tl.problems) - errors} "
              f"warning(s)) and --strict was given", file=sys.stderr)
        return 1
    return 0


class Terminated(BaseException):
    """SIGTERM, turned into an exception so that a half-written output folder is cleaned up."""


def _on_sigterm(signum, frame):
    raise Terminated()


def _tag(text: str | None, anchor: str, as_json: bool) -> int:
    from resolvers import tag
    if text is None:
        from .decoding import NotText, decode_bytes
        try:
            text = decode_bytes(sys.stdin.buffer.read()).text
        except NotText as e:
            print(f"error: standard input: {e}", file=sys.stderr)
            return 1
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
    import signal
    try:
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:                           # not the main thread: leave signals alone
        previous = None
    try:
        return _main(argv)
    except (KeyboardInterrupt, Terminated) as e:
        print(f"\n{'interrupted' if isinstance(e, KeyboardInterrupt) else 'terminated'}: no output was written",
              file=sys.stderr)
        return 130 if isinstance(e, KeyboardInterrupt) else 143
    except BrokenPipeError:
        return 1
    except Exception as e:                       # a bug: one clear line, the traceback on demand
        if os.environ.get("TIMELINE_DEBUG"):
            raise
        print(f"error: internal error ({type(e).__name__}: {e}); the output folder was left as it was. "
              f"Please report it; TIMELINE_DEBUG=1 shows the traceback", file=sys.stderr)
        return 70
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="arabic-timeline",
                                 description="Turn dated Arabic news articles into one ordered event timeline.")
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="build the timeline of one or more inputs")
    b.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="a folder with manifest.csv, or a .jsonl, .csv or .parquet file (id,text,published)")
    b.add_argument("--out", required=True, help="output folder (replaced as a whole: a new or empty folder, or one a previous build wrote)")
    b.add_argument("--strict", action="store_true",
                   help="exit with status 1 when any input problem (error or warning) is reported")
    b.add_argument("--trust-text-weekdays", action="store_true",
                   help="resolve a document whose weekday names («أمس الأربعاء») all point to another day than "
                        "its publication date against that day")
    b.add_argument("--workers", type=int, default=None,
                   help="processes that tag the articles (default: min(cores, 4) for more than 300 articles, else 1)")
    b.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local: this machine; dask: a Dask cluster (needs: pip install 'arabic-timeline[dask]')")
    b.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask: the address of a running Dask scheduler (default: a local cluster)")
    t = sub.add_parser("tag", help="print the date expressions of a text")
    t.add_argument("text", nargs="?", help="the text (read from stdin when omitted)")
    t.add_argument("--anchor", required=True, help="publication date the expressions are resolved against")
    t.add_argument("--json", action="store_true", help="print JSON")
    d = sub.add_parser("demo", help="build the bundled seed articles into ./timeline-demo/")
    d.add_argument("--out", default="timeline-demo")
    a = ap.parse_args(argv)
    if a.cmd == "build":
        if a.workers is not None and a.workers < 1:
            ap.error("--workers must be at least 1")
        if a.scheduler and a.engine != "dask":
            ap.error("--scheduler needs --engine dask")
        return _build(a.inputs, a.out, a.strict, a.workers, a.trust_text_weekdays, a.engine, a.scheduler)
    if a.cmd == "tag":
        return _tag(a.text, a.anchor, a.json)
    rc = _build([SEEDS], a.out, False, 1)
    page = (Path(a.out) / "timeline.html").resolve()
    print(f"open {page.as_uri()}")
    return rc


if __name__ == "__main__":
    sys.exit(main())

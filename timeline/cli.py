"""Command line: ``arabic-timeline build|add|export|tag|demo`` (also ``python -m timeline``).

``add INPUT... --store FILE`` keeps a timeline in a store between runs (:mod:`timeline.store`);
``export --store FILE --out DIR`` writes its outputs, or a topic's (``--from --to --query --outlet
--min-sources``).

What ``build`` prints on stderr.  A progress bar (articles read, out of the records counted before
reading, with an ETA) when stderr is a terminal, unless ``--quiet``.  Then the errors (records or
inputs skipped), each in full but at most the first :data:`ERRORS_SHOWN` and a count of the rest;
the warnings (documents kept) in full when there are at most :data:`WARNINGS_SHOWN`, else one line
that counts them by kind («warning: 165 warnings not printed (142 anchor_contradicted, 23
control_chars; the documents were kept): all in OUT/report.json; -v prints them»); the summary line
and the folder written; last, the lines that explain a failing exit status.
``-v/--verbose`` prints every problem; ``--quiet`` only the errors and the lines that explain a
failing exit status.  ``report.json`` holds every problem in any case.

An input is *missing* when its path cannot be opened as an input at all: it does not exist, cannot
be read (permissions, an I/O error), is not a regular file or folder, has an extension this tool
does not read, is a folder without ``manifest.csv``, or is a Parquet file and pyarrow is not
installed (the ``Problem.code`` values in :data:`MISSING_CODES`, for the input itself: no line, no
id).  What a file that was opened holds is another matter: bad records (bad JSON, a file named by a
manifest that is not there), and whole files skipped for their content (binary, no known encoding,
a corrupt Parquet file, a missing column, an empty file) are ordinary errors: skipped, counted (with
their rows) and reported.

Exit status: 0 on success; 1 when nothing could be read (nothing is written then), when an input is
missing and ``--keep-going`` was not given (the outputs of the other inputs are written all the
same), when the outputs cannot be written, or with ``--strict`` when any input problem (error or
warning) was reported; 2 for usage errors (``--out`` empty, a file, or a folder of other files);
130 when interrupted (Ctrl-C) and 143 on SIGTERM, the output folder then left as it was
(:mod:`timeline.outdir`); 70 for an internal error (reported in one line, the traceback only with
``TIMELINE_DEBUG=1``).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

from .published import parse_published

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
ERRORS_SHOWN = 20          # error lines printed in full by default (all with -v)
WARNINGS_SHOWN = 10        # up to this many warnings are printed in full by default, more are counted
# Problem codes that, for an input as a whole (no line, no id), mean it could not be opened as an input
MISSING_CODES = frozenset({"no_such_input", "unreadable", "not_regular", "unsupported", "no_manifest",
                           "no_pyarrow"})
PACKAGE = "arabic-timeline"


def version() -> str:
    """The installed package's version; from pyproject.toml beside the sources when it is not installed."""
    from importlib import metadata
    try:
        return metadata.version(PACKAGE)
    except Exception:                            # noqa: BLE001 - not installed (a source tree on sys.path)
        pass
    try:
        import re
        text = (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8")
        m = re.search(r'^version\s*=\s*"([^"]+)"', text, re.M)
        if m:
            return m.group(1)
    except OSError:
        pass
    return "unknown"


def missing_inputs(problems) -> list:
    """The problems that say an input could not be opened as an input at all (see the module's text)."""
    return [p for p in problems if p.severity == "error" and p.line is None and p.doc_id is None
            and p.code in MISSING_CODES]


def _kinds(problems) -> str:
    counts = Counter(p.code or "other" for p in problems)
    return ", ".join(f"{n} {code}" for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _say(line: str) -> None:
    print(line, file=sys.stderr)


def print_problems(problems, verbosity: int, report=None) -> None:
    """The problems as the terminal shows them: ``verbosity`` 1 every one, 0 the errors (at most
    ERRORS_SHOWN, missing inputs always) and the warnings (in full when few, else counted by kind),
    -1 (``--quiet``) the errors only.  ``report``: the report.json written, if any, that holds them all."""
    if verbosity > 0:
        for p in problems:
            _say(str(p))
        return
    where = f"all in {report}; " if report is not None else ""
    missing = {id(p) for p in missing_inputs(problems)}
    warnings = [p for p in problems if p.severity != "error"]
    few = verbosity == 0 and len(warnings) <= WARNINGS_SHOWN
    shown, left = 0, []
    for p in problems:                           # in input order
        if p.severity != "error":
            if few:
                _say(str(p))
        elif id(p) in missing:
            _say(str(p))
        elif shown < ERRORS_SHOWN:
            _say(str(p))
            shown += 1
        else:
            left.append(p)
    if left:
        _say(f"error: {len(left)} more error(s) not printed ({_kinds(left)}): {where}-v prints them")
    if verbosity == 0 and not few:
        _say(f"warning: {len(warnings)} warnings not printed ({_kinds(warnings)}; the documents were kept): "
             f"{where}-v prints them")


def _build(inputs, out, strict: bool, workers, trust_text_weekdays: bool = False, engine: str = "local",
           scheduler=None, verbosity: int = 0, keep_going: bool = False) -> int:
    from .engines import EngineUnavailable
    from .outdir import OutputFolderError, WriteState, check_out
    from .pipeline import build
    try:
        check_out(out)
    except OutputFolderError as e:
        _say(f"error: --out: {e}")
        return 2
    state = WriteState()
    try:
        try:
            tl = build(inputs, progress=sys.stderr.isatty() and verbosity >= 0,
                       trust_text_weekdays=trust_text_weekdays, workers=workers, engine=engine, scheduler=scheduler)
        except EngineUnavailable as e:
            _say(f"error: {e}")
            return 2
        if tl.totals()["articles_read"] == 0:
            print_problems(tl.problems, verbosity)
            if verbosity >= 0:
                _say(tl.summary())
            _say(f"error: no article could be read; {out} was not touched")
            return 1
        try:
            paths = tl.write(out, state)
        except OutputFolderError as e:
            print_problems(tl.problems, verbosity)
            _say(f"error: --out: {e}")
            return 2
        except OSError as e:
            print_problems(tl.problems, verbosity)
            _say(f"error: cannot write the outputs to {out}: {e.strerror or e}"
                 f"{' (' + str(e.filename) + ')' if getattr(e, 'filename', None) else ''}; "
                 f"{out} was left as it was")
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
    print_problems(tl.problems, verbosity, paths["report"])
    if verbosity >= 0:
        _say(tl.summary())
        folder = paths["report"].parent
        _say(f"wrote {folder}{os.sep}: {', '.join(p.name for p in paths.values())}")
    return _exit_for_inputs(tl.problems, keep_going, strict, verbosity, "the outputs were written")


def _exit_for_inputs(problems, keep_going: bool, strict: bool, verbosity: int, what: str) -> int:
    """The exit status that missing inputs and ``--strict`` give, with the lines that explain it."""
    rc = 0
    missing = missing_inputs(problems)
    if missing:
        names = ", ".join(p.file for p in missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        if keep_going:
            if verbosity >= 0:
                _say(f"warning: {len(missing)} input(s) could not be read ({names}); {what} without them and "
                     f"--keep-going accepts that")
        else:
            _say(f"error: {len(missing)} input(s) could not be read ({names}); {what} without them; exit status 1 "
                 f"(--keep-going accepts a missing input)")
            rc = 1
    if strict and problems:
        errors = sum(p.severity == "error" for p in problems)
        _say(f"error: {len(problems)} input problem(s) ({errors} error(s), {len(problems) - errors} "
             f"warning(s)) and --strict was given")
        rc = 1
    return rc


def _add(inputs, store_path, strict: bool, workers, trust_text_weekdays: bool, verbosity: int,
         keep_going: bool) -> int:
    from .store import StoreError, add
    try:
        result = add(store_path, inputs, workers=workers, progress=sys.stderr.isatty() and verbosity >= 0,
                     trust_text_weekdays=trust_text_weekdays)
    except StoreError as e:
        _say(f"error: --store: {e}")
        return 1
    except (KeyboardInterrupt, Terminated) as e:
        _say(f"\n{'interrupted' if isinstance(e, KeyboardInterrupt) else 'terminated'}: {store_path} was left as it was")
        return 130 if isinstance(e, KeyboardInterrupt) else 143
    print_problems(result.problems, verbosity)
    if verbosity >= 0:
        _say(result.line(store_path))
    return _exit_for_inputs(result.problems, keep_going, strict, verbosity, f"{store_path} was updated")


def _export(store_path, out, verbosity: int, **filters) -> int:
    from .outdir import OutputFolderError, check_out
    from .store import StoreError, open_timeline
    try:
        check_out(out)
    except OutputFolderError as e:
        _say(f"error: --out: {e}")
        return 2
    try:
        tl = open_timeline(store_path)
    except StoreError as e:
        _say(f"error: --store: {e}")
        return 1
    try:
        if any(v not in (None, "") for v in filters.values()):
            tl = tl.where(filters.get("from_"), filters.get("to"), filters.get("query"), filters.get("outlet"),
                          filters.get("min_sources"))
    except ValueError as e:
        _say(f"error: {e}")
        return 2
    try:
        paths = tl.write(out)
    except (OutputFolderError, OSError) as e:
        _say(f"error: cannot write the outputs to {out}: {e}; {out} was left as it was")
        return 1
    if verbosity >= 0:
        _say(tl.summary())
        _say(f"wrote {paths['report'].parent}{os.sep}: {', '.join(p.name for p in paths.values())}")
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
    ap.add_argument("--version", action="version", version=f"%(prog)s {version()}")
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser(
        "build", help="build the timeline of one or more inputs",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Build the timeline of one or more inputs into --out: events.csv, mentions.csv,\n"
                    "timeline.json, timelinejs.json, events_flat.csv, timeline.html and report.json.",
        epilog="""\
on the terminal (stderr): a progress bar (when stderr is a terminal), the errors (the first
%d in full and a count of the rest), the warnings (in full when at most %d, else one line
counting them by kind), a summary line and the folder written.  report.json holds every problem.

exit status:
  0    the outputs were written
  1    nothing could be read (nothing is written then); an input is missing (no such path,
       unreadable, not a file or folder, an unknown type, a folder without manifest.csv)
       and --keep-going was not given (the outputs are written all the same); the outputs
       cannot be written; --strict and an input problem was reported
  2    usage error (bad options, --out empty, a file, or a folder of other files)
  70   internal error (TIMELINE_DEBUG=1 shows the traceback)
  130  interrupted (Ctrl-C); 143 terminated (SIGTERM): --out is then left as it was""" % (ERRORS_SHOWN, WARNINGS_SHOWN))
    b.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="a folder with manifest.csv, or a .jsonl, .csv or .parquet file (id,text,published)")
    b.add_argument("--out", required=True, help="output folder (replaced as a whole: a new or empty folder, or one a previous build wrote)")
    b.add_argument("--strict", action="store_true",
                   help="exit with status 1 when any input problem (error or warning) is reported")
    b.add_argument("--keep-going", action="store_true",
                   help="accept a missing input (no such path, unreadable, unknown type): exit with status 0 if the "
                        "others were built (by default the outputs are written and the status is 1)")
    talk = b.add_mutually_exclusive_group()
    talk.add_argument("-v", "--verbose", action="store_true",
                      help="print every input problem, one line each (by default: the first %d errors, and the "
                           "warnings counted by kind when there are more than %d)" % (ERRORS_SHOWN, WARNINGS_SHOWN))
    talk.add_argument("-q", "--quiet", action="store_true",
                      help="print only the errors and the lines that explain a failing exit status: no progress "
                           "bar, no warnings, no summary")
    b.add_argument("--trust-text-weekdays", action="store_true",
                   help="resolve a document whose weekday names («أمس الأربعاء») all point to another day than "
                        "its publication date against that day")
    b.add_argument("--workers", type=int, default=None,
                   help="processes that tag the articles (default: min(cores, 4) for more than 300 articles, else 1)")
    b.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local: this machine; dask: a Dask cluster (needs: pip install 'arabic-timeline[dask]')")
    b.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask: the address of a running Dask scheduler (default: a local cluster)")
    ad = sub.add_parser("add", help="add inputs to a store: read, tag and extract what is new, merge",
                        description="Add inputs to the store FILE (made if need be): a document whose id is stored "
                                    "with the same content is left out (counted), one whose content changed is "
                                    "replaced, and the stored events are merged again.")
    ad.add_argument("inputs", nargs="+", metavar="INPUT", help="as for build")
    ad.add_argument("--store", required=True, metavar="FILE", help="the store (a DuckDB file)")
    ad.add_argument("--strict", action="store_true", help="as for build")
    ad.add_argument("--keep-going", action="store_true", help="as for build")
    talk = ad.add_mutually_exclusive_group()
    talk.add_argument("-v", "--verbose", action="store_true", help="print every input problem")
    talk.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    ad.add_argument("--trust-text-weekdays", action="store_true", help="as for build")
    ad.add_argument("--workers", type=int, default=None, help="as for build")
    ex = sub.add_parser("export", help="write a store's timeline, or a topic's, into --out",
                        description="Write the outputs of build for the timeline held in a store, or for the "
                                    "events that pass the filters (a topic's timeline; event ids are kept).")
    ex.add_argument("--store", required=True, metavar="FILE", help="the store (a DuckDB file)")
    ex.add_argument("--out", required=True, help="output folder (as for build)")
    ex.add_argument("--from", dest="from_", metavar="YYYY-MM-DD", help="events that end on or after this day")
    ex.add_argument("--to", metavar="YYYY-MM-DD", help="events that begin on or before this day")
    ex.add_argument("--query", metavar="WORDS",
                    help="events whose summary or sentences hold every word (Arabic folded: hamza, alef, ى/ي, "
                         "ة/ه, diacritics)")
    ex.add_argument("--outlet", help="events reported by this outlet")
    ex.add_argument("--min-sources", type=int, metavar="N", help="events with at least N articles")
    ex.add_argument("-q", "--quiet", action="store_true", help="print only errors")
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
        return _build(a.inputs, a.out, a.strict, a.workers, a.trust_text_weekdays, a.engine, a.scheduler,
                      verbosity=1 if a.verbose else -1 if a.quiet else 0, keep_going=a.keep_going)
    if a.cmd == "add":
        if a.workers is not None and a.workers < 1:
            ap.error("--workers must be at least 1")
        return _add(a.inputs, a.store, a.strict, a.workers, a.trust_text_weekdays,
                    1 if a.verbose else -1 if a.quiet else 0, a.keep_going)
    if a.cmd == "export":
        return _export(a.store, a.out, -1 if a.quiet else 0, from_=a.from_, to=a.to, query=a.query,
                       outlet=a.outlet, min_sources=a.min_sources)
    if a.cmd == "tag":
        return _tag(a.text, a.anchor, a.json)
    rc = _build([SEEDS], a.out, False, 1)
    page = (Path(a.out) / "timeline.html").resolve()
    print(f"open {page.as_uri()}")
    return rc


if __name__ == "__main__":
    sys.exit(main())

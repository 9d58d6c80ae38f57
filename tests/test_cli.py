"""The command line, as a user runs it (subprocesses, ``python -m timeline``)."""
from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS


def run(*args, cwd=ROOT, stdin=None):
    return subprocess.run([sys.executable, "-m", "timeline", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, input=stdin)


def test_build_writes_outputs_and_summary(tmp_path):
    r = run("build", SEEDS, "--out", tmp_path / "out", "--workers", "2")
    assert r.returncode == 0, r.stderr
    assert "5 articles read (0 skipped)" in r.stderr and "events" in r.stderr.splitlines()[-2]
    assert "\r" not in r.stderr, "no progress bar when stderr is not a terminal"
    for name in ("events.csv", "mentions.csv", "timeline.json", "timeline.html", "report.json"):
        assert (tmp_path / "out" / name).stat().st_size > 0
    rows = list(csv.DictReader(open(tmp_path / "out" / "events.csv", encoding="utf-8-sig")))
    assert any(r["date"] == "2026-01-26" for r in rows)


def test_bad_input_is_reported_and_strict_fails(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "z", "text": "وصل الوفد اليوم", "published": "2025-02-30"}\n{oops\n', encoding="utf-8")
    r = run("build", SEEDS, bad, "--out", tmp_path / "o1")
    assert r.returncode == 0
    assert "bad.jsonl:2" in r.stderr and "bad JSON" in r.stderr
    assert "bad.jsonl:1 [z]" in r.stderr and "unparseable publication date" in r.stderr
    rep = json.loads((tmp_path / "o1" / "report.json").read_text(encoding="utf-8"))
    z = next(d for d in rep["documents"] if d["doc_id"] == "z")
    assert z["status"] == "read" and z["published"] is None and z["unresolved"] == z["found"] >= 1
    assert rep["totals"]["articles_skipped"] == 1 and len(rep["problems"]) == 2
    r = run("build", SEEDS, bad, "--out", tmp_path / "o2", "--strict")
    assert r.returncode == 1 and "--strict" in r.stderr


def test_nothing_readable_fails(tmp_path):
    r = run("build", tmp_path / "missing", "--out", tmp_path / "o")
    assert r.returncode == 1 and "no such file" in r.stderr


def test_tag_from_argument_and_stdin():
    r = run("tag", "--anchor", "2025-10-14", "يزور الرئيس موسكو غداً الأربعاء")
    assert r.returncode == 0, r.stderr
    assert "2025-10-15" in r.stdout and "غداً الأربعاء" in r.stdout
    r = run("tag", "--anchor", "2026-01-28", "--json", stdin="وصل اليوم إلى موسكو")
    got = json.loads(r.stdout)
    assert [(t["text"], t["value"]) for t in got] == [("اليوم", "2026-01-28")]
    assert run("tag", "--anchor", "tomorrow", "نص").returncode == 2


def test_demo(tmp_path):
    r = run("demo", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    page = tmp_path / "timeline-demo" / "timeline.html"
    assert page.exists() and page.as_uri() in r.stdout


def test_usage_errors():
    assert run().returncode == 2
    assert run("build", "x").returncode == 2          # --out is required


# --- what the terminal shows: warnings counted, errors capped, -v and --quiet ----------------------

def _jsonl(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def noisy_jsonl(path, html=12, hijri=3, bad=0):
    """``html`` documents kept with an html warning, ``hijri`` with a hijri_date one, ``bad`` lines of bad JSON."""
    recs = [{"id": f"h{i}", "text": f"<p>وصل الوفد اليوم {i}</p>", "published": "2025-10-14"} for i in range(html)]
    recs += [{"id": f"j{i}", "text": "وصل الوفد اليوم", "published": "25 شوال 1436"} for i in range(hijri)]
    _jsonl(path, recs)
    with open(path, "a", encoding="utf-8") as f:
        f.write("{oops\n" * bad)
    return path


def test_many_warnings_are_counted_by_kind_not_printed(tmp_path):
    src = noisy_jsonl(tmp_path / "noisy.jsonl")
    out = tmp_path / "o"
    r = run("build", src, "--out", out)
    assert r.returncode == 0, r.stderr
    lines = r.stderr.splitlines()
    assert lines == [
        f"warning: 15 warnings not printed (12 html, 3 hijri_date; the documents were kept): all in "
        f"{out / 'report.json'}; -v prints them",
        lines[1], lines[2]]
    assert lines[1].startswith("15 articles read (0 skipped; 15 warning(s)); ")
    assert lines[2] == (f"wrote {out}{'/'}: events.csv, mentions.csv, timeline.json, timelinejs.json, "
                        f"events_flat.csv, timeline.html, report.json")
    rep = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert len(rep["problems"]) == 15 and rep["totals"]["warnings_by_reason"] == {"hijri_date": 3, "html": 12}
    v = run("build", src, "--out", out, "-v")
    assert v.returncode == 0
    shown = [line for line in v.stderr.splitlines() if line.startswith("warning: ")]
    assert len(shown) == 15 and sorted(shown) == sorted(str_problem(p) for p in rep["problems"])
    assert "not printed" not in v.stderr
    q = run("build", src, "--out", out, "--quiet")
    assert (q.returncode, q.stderr) == (0, "")
    assert (out / "report.json").exists()


def str_problem(d: dict) -> str:
    where = d["file"] + (f":{d['line']}" if d["line"] is not None else "")
    return f"{d['severity']}: {where}{' [' + d['id'] + ']' if d['id'] else ''}: {d['reason']}"


def test_a_few_warnings_are_printed_in_full(tmp_path):
    src = noisy_jsonl(tmp_path / "few.jsonl", html=2, hijri=1)
    r = run("build", src, "--out", tmp_path / "o")
    assert r.returncode == 0
    warned = [line for line in r.stderr.splitlines() if line.startswith("warning: ")]
    assert len(warned) == 3 and all(f"{src}:" in line for line in warned)
    assert "not printed" not in r.stderr
    assert run("build", src, "--out", tmp_path / "o", "-q").stderr == ""


def test_errors_are_printed_in_full_up_to_twenty(tmp_path):
    src = noisy_jsonl(tmp_path / "bad.jsonl", html=0, hijri=1, bad=25)
    out = tmp_path / "o"
    r = run("build", src, "--out", out)
    assert r.returncode == 0, r.stderr
    errors = [line for line in r.stderr.splitlines() if line.startswith("error: ")]
    assert errors[:20] == [f"error: {src}:{n}: bad JSON: Expecting property name enclosed in double quotes at "
                           f"column 2" for n in range(2, 22)]
    assert errors[20:] == [f"error: 5 more error(s) not printed (5 bad_json): all in {out / 'report.json'}; "
                           f"-v prints them"]
    assert f"{src}:1 [j0]: " in r.stderr                   # the one warning: few, so in full
    assert "1 articles read (25 skipped: 25 bad JSON; 1 warning(s))" in r.stderr
    v = run("build", src, "--out", out, "--verbose")
    assert sum(line.startswith("error: ") for line in v.stderr.splitlines()) == 25
    q = run("build", src, "--out", out, "--quiet")
    assert q.returncode == 0
    assert q.stderr.splitlines() == errors                 # the errors, no warning, no summary
    assert run("build", src, "--out", out, "-q", "-v").returncode == 2     # one or the other


# --- missing inputs, --keep-going -----------------------------------------------------------------

def test_a_missing_input_fails_unless_keep_going(tmp_path):
    gone = tmp_path / "mistyped.jsonl"
    out = tmp_path / "o"
    r = run("build", SEEDS, gone, "--out", out)
    assert r.returncode == 1
    assert f"error: {gone}: no such file or folder" in r.stderr.splitlines()
    assert r.stderr.splitlines()[-1] == (f"error: 1 input(s) could not be read ({gone}); the outputs were written "
                                         f"without them; exit status 1 (--keep-going accepts a missing input)")
    rep = json.loads((out / "report.json").read_text(encoding="utf-8"))    # written all the same
    assert rep["totals"]["articles_read"] == 5
    r = run("build", SEEDS, gone, "--out", out, "--keep-going")
    assert r.returncode == 0, r.stderr
    assert f"error: {gone}: no such file or folder" in r.stderr
    assert "--keep-going accepts that" in r.stderr.splitlines()[-1]
    q = run("build", SEEDS, gone, "--out", out, "--quiet")             # quiet, but the reason for status 1 is told
    assert q.returncode == 1 and q.stderr.splitlines() == [
        f"error: {gone}: no such file or folder",
        f"error: 1 input(s) could not be read ({gone}); the outputs were written without them; exit status 1 "
        f"(--keep-going accepts a missing input)"]
    assert run("build", SEEDS, gone, "--out", out, "--quiet", "--keep-going").stderr.splitlines() == [
        f"error: {gone}: no such file or folder"]


def test_what_counts_as_a_missing_input(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("نص", encoding="utf-8")
    folder = tmp_path / "nomanifest"
    folder.mkdir()
    import os
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)                                         # refused without being opened
    for given, code in ((notes, "unsupported"), (folder, "no_manifest"), (fifo, "not_regular")):
        r = run("build", SEEDS, given, "--out", tmp_path / "o")
        assert r.returncode == 1, (code, r.stderr)
        assert r.stderr.splitlines()[-1].startswith(f"error: 1 input(s) could not be read ({given}")
        rep = json.loads((tmp_path / "o" / "report.json").read_text(encoding="utf-8"))
        assert [p["code"] for p in rep["problems"]] == [code]
        assert run("build", SEEDS, given, "--out", tmp_path / "o", "--keep-going").returncode == 0
    # bad records inside readable inputs, and files skipped whole for what they hold, are errors, not
    # missing inputs: status 0
    blob = tmp_path / "blob.jsonl"
    blob.write_bytes(b"\x00\x01\x02binary\x00" * 50)
    bad = ROOT / "fixtures" / "bad"
    for given in (bad / "bad_json" / "lines.jsonl", bad / "missing_file", bad / "csv_missing_column" / "articles.csv",
                  blob, bad / "empty" / "empty.jsonl"):
        r = run("build", SEEDS, given, "--out", tmp_path / "o")
        assert r.returncode == 0 and "could not be read" not in r.stderr, (given, r.stderr)


def test_a_run_that_reads_nothing_writes_nothing(tmp_path):
    out = tmp_path / "o"
    for extra in ((), ("--keep-going",), ("--quiet",)):
        r = run("build", tmp_path / "missing.jsonl", tmp_path / "also.csv", "--out", out, *extra)
        assert r.returncode == 1
        assert r.stderr.splitlines()[-1] == f"error: no article could be read; {out} was not touched"
        assert not out.exists()


# --- --version, --help ----------------------------------------------------------------------------

def test_version():
    from importlib.metadata import version
    r = run("--version")
    assert (r.returncode, r.stdout) == (0, f"arabic-timeline {version('arabic-timeline')}\n")
    from timeline.cli import version as cli_version
    assert cli_version() == version("arabic-timeline")


def test_help_tells_the_flags_and_exit_statuses():
    r = run("build", "--help")
    assert r.returncode == 0
    for text in ("--keep-going", "--quiet", "--verbose", "exit status:", "130", "report.json holds every problem"):
        assert text in r.stdout, text


# --- the progress bar: articles, out of a total counted before reading --------------------------------

def test_record_counts(tmp_path, monkeypatch):
    from timeline import progress
    j = tmp_path / "a.jsonl"
    j.write_bytes(b'{"id": 1}\n\n   \n{"id": 2}\r\n{"id": 3}\n\t\n{"id": 4}')      # blank lines, no final newline
    c = tmp_path / "a.csv"
    c.write_text('id,text,published\n1,"two\nlines",2025-10-14\n\n2,"x ""y""\n\nz",2025-10-14\n3,t,\n',
                 encoding="utf-8")
    assert progress.count_jsonl(j) == 4
    assert progress.count_csv(c) == 3
    monkeypatch.setattr(progress, "CHUNK", 3)                 # lines cut across chunks count once
    assert progress.count_jsonl(j) == 4
    long = tmp_path / "long.jsonl"
    long.write_bytes(b"x" * 10 + b"\n" + b" " * 10 + b"\n" + b"y")
    assert progress.count_jsonl(long) == 2
    monkeypatch.undo()
    wide = tmp_path / "wide.jsonl"
    wide.write_text('{"id": 1}\n\n{"id": 2}\n', encoding="utf-16")
    assert progress.count_jsonl(wide) == 2
    assert progress.count_records([SEEDS]) == 5 == progress.count_records([SEEDS / "manifest.csv"])
    assert progress.count_records([SEEDS, j, c]) == 12
    from timeline import Document
    assert progress.count_records([j, Document("d", "نص", None)]) == 5
    import os
    (tmp_path / "notes.txt").write_text("نص", encoding="utf-8")
    os.mkfifo(tmp_path / "fifo.jsonl")
    os.mkfifo(tmp_path / "manifest.csv")                      # tmp_path: a folder whose manifest is a FIFO
    for unknown in (tmp_path / "missing.jsonl", tmp_path / "notes.txt", tmp_path / "fifo.jsonl", tmp_path):
        assert progress.count_records([j, unknown]) is None     # a bar without a total (FIFOs are never opened)


def test_record_count_of_parquet(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq
    from timeline import progress
    pq.write_table(pa.table({"id": ["a", "b", "c"], "text": ["x", "y", "z"], "published": ["2025-10-14"] * 3}),
                   tmp_path / "t.parquet")
    assert progress.count_records([tmp_path / "t.parquet"]) == 3
    (tmp_path / "bad.parquet").write_bytes(b"not parquet")
    assert progress.count_records([tmp_path / "bad.parquet"]) is None


def test_the_bar_counts_articles_out_of_the_total(tmp_path):
    import io
    from timeline import Problem, progress
    src = noisy_jsonl(tmp_path / "n.jsonl", html=3, hijri=1, bad=2)       # 6 records, 4 warnings
    from timeline.documents import read_inputs
    err = io.StringIO()
    items = list(progress.articles_bar(read_inputs([src]), [src], file=err, mininterval=0))
    assert sum(isinstance(i, Problem) and i.severity == "warning" for i in items) == 4
    text = err.getvalue()
    assert "0/6 " in text and "6/6 " in text and "100%" in text and "articles/s" in text
    err = io.StringIO()
    list(progress.articles_bar(read_inputs([src, tmp_path / "gone.jsonl"]), [src, tmp_path / "gone.jsonl"],
                               file=err, mininterval=0))
    assert "7 articles" in err.getvalue() and "/7" not in err.getvalue()    # no total: a count and a rate


def _on_a_terminal(*args) -> str:
    """stderr of the command line run on a pseudo-terminal (120 columns)."""
    import fcntl
    import os
    import pty
    import struct
    import termios
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    p = subprocess.Popen([sys.executable, "-m", "timeline", *map(str, args)], cwd=ROOT, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:                    # EIO: the other end closed
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    assert p.wait(timeout=120) in (0, 1)
    return out.decode("utf-8", "replace")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pseudo-terminal")
def test_the_bar_on_a_terminal_only_and_not_with_quiet(tmp_path):
    src = noisy_jsonl(tmp_path / "n.jsonl", html=3, hijri=1, bad=2)
    shown = _on_a_terminal("build", SEEDS, src, "--out", tmp_path / "o")
    assert "articles: 100%" in shown and "11/11 " in shown and "all read; the events are merged next" in shown
    assert "articles:" not in _on_a_terminal("build", SEEDS, src, "--out", tmp_path / "o", "--quiet")

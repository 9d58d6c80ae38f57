"""The outputs are one run or the other, never a mix; one document cannot abort a build; cells that a
spreadsheet would run are neutralised; worker processes end with their parent (issue 9)."""
from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

import timeline
from resolvers import tag
from timeline import cli, outdir
from timeline.documents import Document
from timeline.export import neutralise_formulas

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
TEXT = "وصل الوفد إلى الرياض أمس في زيارة رسمية."


def snapshot(folder: Path) -> dict:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.exists() else {}


def siblings(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.parent.iterdir() if p.name.startswith(f".{folder.name}."))


def jsonl(path: Path, docs) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


def run(*args, **kw):
    return subprocess.run([sys.executable, "-m", "timeline", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, **kw)


# --- the output folder as one unit -----------------------------------------------------------------

def test_a_second_run_replaces_the_whole_set(tmp_path):
    out = tmp_path / "out"
    assert cli.main(["build", str(SEEDS), "--out", str(out)]) == 0
    first = snapshot(out)
    assert sorted(first) == sorted(outdir.OUTPUT_NAMES)
    more = jsonl(tmp_path / "more.jsonl", [{"id": "x1", "text": TEXT, "published": "2015-08-05"}])
    assert cli.main(["build", str(SEEDS), str(more), "--out", str(out)]) == 0
    second = snapshot(out)
    assert sorted(second) == sorted(first) and second["events.csv"] != first["events.csv"]
    assert siblings(out) == []


@pytest.mark.parametrize("exc", [RuntimeError("disk on fire"), KeyboardInterrupt(), OSError(28, "No space left on device")])
def test_a_failure_while_writing_leaves_the_previous_set(tmp_path, monkeypatch, exc):
    out = tmp_path / "out"
    assert cli.main(["build", str(SEEDS), "--out", str(out)]) == 0
    before = snapshot(out)
    tl = timeline.build([SEEDS, Document("x1", TEXT, dt.date(2015, 8, 5))])

    def fail(self, path, title=None, data=None):        # the CSV and JSON files are written by then
        raise exc
    monkeypatch.setattr(timeline.Timeline, "to_html", fail)
    with pytest.raises(type(exc)):
        tl.write(out)
    assert snapshot(out) == before
    assert siblings(out) == [], "no temporary folder left"


def test_the_cli_says_what_an_interrupt_while_writing_did(tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    assert cli.main(["build", str(SEEDS), "--out", str(out)]) == 0
    before = snapshot(out)
    capsys.readouterr()

    def interrupted(self, path, title=None, data=None):
        raise KeyboardInterrupt
    monkeypatch.setattr(timeline.Timeline, "to_html", interrupted)
    assert cli.main(["build", str(SEEDS), "--out", str(out)]) == 130
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last == f"interrupted while writing; the new outputs were discarded and {out} was left as it was"
    assert snapshot(out) == before and siblings(out) == []


def test_a_full_disk_is_one_clear_line(tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"

    def full(self, path, title=None, data=None):
        raise OSError(28, "No space left on device", str(path))
    monkeypatch.setattr(timeline.Timeline, "to_html", full)
    assert cli.main(["build", str(SEEDS), "--out", str(out)]) == 1
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last.startswith(f"error: cannot write the outputs to {out}: No space left on device (")
    assert last.endswith(f"; {out} was left as it was")
    assert not out.exists() and siblings(out) == []


def test_a_run_that_reads_nothing_does_not_touch_the_outputs(tmp_path):
    out = tmp_path / "out"
    assert cli.main(["build", str(SEEDS), "--out", str(out)]) == 0
    before = snapshot(out)
    (tmp_path / "empty.jsonl").write_bytes(b"")
    for given in (tmp_path / "mistyped.jsonl", tmp_path / "empty.jsonl"):
        r = run("build", given, "--out", out)
        assert r.returncode == 1
        assert r.stderr.strip().splitlines()[-1] == f"error: no article could be read; {out} was not touched"
        assert snapshot(out) == before


def test_unusable_output_folders_are_refused_before_reading(tmp_path):
    r = run("build", SEEDS, "--out", "")
    assert (r.returncode, r.stderr.strip()) == (2, "error: --out: the output folder name is empty")
    (tmp_path / "file.csv").write_text("x")
    r = run("build", SEEDS, "--out", tmp_path / "file.csv")
    assert (r.returncode, r.stderr.strip()) == (2, f"error: --out: {tmp_path / 'file.csv'} exists and is not a folder")
    other = tmp_path / "mine"
    other.mkdir()
    (other / "thesis.docx").write_text("precious")
    r = run("build", SEEDS, "--out", other)
    assert r.returncode == 2
    assert r.stderr.strip() == (f"error: --out: {other} holds files that are not this tool's outputs (thesis.docx); "
                                f"the output folder is replaced as a whole, so give a new or empty folder, or one "
                                f"that a previous build wrote")
    assert (other / "thesis.docx").read_text() == "precious"


def test_the_output_folder_keeps_its_mode(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    os.chmod(out, 0o750)
    assert cli.main(["build", str(SEEDS), "--out", str(out)]) == 0
    assert (os.stat(out).st_mode & 0o777) == 0o750 and (out / "report.json").exists()


def test_what_a_killed_run_left_is_cleaned_by_the_next(tmp_path):
    """kill -9 cannot be cleaned up after: the next run towards the same folder does it, and a run
    that died between the two renames of the fallback swap gets its previous outputs back."""
    out = tmp_path / "out"
    assert cli.main(["build", str(SEEDS), "--out", str(out)]) == 0
    before = snapshot(out)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    half = tmp_path / f".out.new-{dead.pid}-abc"
    half.mkdir()
    (half / "events.csv").write_text("half")
    os.rename(out, tmp_path / f".out.old-{dead.pid}-def")      # as if killed between the renames
    outdir.repair(out)
    assert snapshot(out) == before and siblings(out) == []


KILL_SCRIPT = """
import sys, time, timeline
from timeline import cli
def slow(self, path, title=None, data=None):          # the CSV and JSON files are written by then
    print("writing", flush=True)
    time.sleep(60)
timeline.Timeline.to_html = slow
sys.exit(cli.main(["build", sys.argv[1], sys.argv[2], "--out", sys.argv[3]]))
"""


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_a_kill_while_writing_leaves_the_previous_set(tmp_path, sig):
    out = tmp_path / "out"
    assert cli.main(["build", str(SEEDS), "--out", str(out)]) == 0
    before = snapshot(out)
    more = jsonl(tmp_path / "more.jsonl", [{"id": "x1", "text": TEXT, "published": "2015-08-05"}])
    p = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(SEEDS), str(more), str(out)], cwd=ROOT,
                         stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "writing"
    assert any(n.startswith(".out.new-") for n in siblings(out))      # the new set is being written
    p.send_signal(sig)
    assert p.wait(timeout=30) == (-9 if sig == signal.SIGKILL else 143)
    assert snapshot(out) == before
    if sig == signal.SIGKILL:
        assert cli.main(["build", str(SEEDS), "--out", str(out)]) == 0    # the next run cleans up
    assert siblings(out) == []


def test_sigterm_in_the_cli_says_what_happened(tmp_path):
    big = jsonl(tmp_path / "big.jsonl", [{"id": f"d{i}", "text": TEXT * 40, "published": "2015-08-05"}
                                         for i in range(4000)])
    out = tmp_path / "out"
    p = subprocess.Popen([sys.executable, "-m", "timeline", "build", str(big), "--out", str(out), "--workers", "1"],
                         cwd=ROOT, stderr=subprocess.PIPE, text=True)
    time.sleep(2.5)
    p.send_signal(signal.SIGTERM)
    _, err = p.communicate(timeout=60)
    assert p.returncode == 143, err
    assert err.strip().splitlines()[-1] in (f"terminated before anything was written; {out} was not touched",
                                            f"terminated while writing; the new outputs were discarded and {out} "
                                            f"was left as it was")
    assert not out.exists() and siblings(out) == []


# --- one document cannot abort the build -----------------------------------------------------------

def test_an_exception_in_one_document_costs_that_document_only(tmp_path):
    def fragile(text, anchor):
        if "انفجار" in text:
            raise RuntimeError("a bug in the tagger\nwith a second line")
        return tag(text, anchor)
    docs = [Document("a", TEXT, dt.date(2015, 8, 5), origin="in.jsonl:1"),
            Document("b", "انفجار " + TEXT, dt.date(2015, 8, 5), origin="in.jsonl:2"),
            Document("c", TEXT, dt.date(2015, 8, 6), origin="in.jsonl:3")]
    tl = timeline.build(docs, tagger=fragile)
    assert [str(p) for p in tl.problems] == [
        "error: in.jsonl:2 [b]: unexpected error while tagging this document (RuntimeError: a bug in the tagger); "
        "the document was skipped, the build went on with the others"]
    d = tl.documents.set_index("doc_id")
    assert d.loc["a", "status"] == "read" and d.loc["c", "status"] == "read" and d.loc["b", "status"] == "skipped"
    assert tl.totals()["articles_read"] == 2 and tl.totals()["articles_skipped"] == 1
    assert sorted(tl.mentions["doc_id"].unique()) == ["a", "c"]
    tl.write(tmp_path / "out")
    assert sorted(snapshot(tmp_path / "out")) == sorted(outdir.OUTPUT_NAMES)


def test_an_exception_in_a_worker_process_costs_that_document_only(tmp_path):
    docs = [{"id": f"d{i}", "text": TEXT, "published": "2015-08-05"} for i in range(200)]
    docs[77]["text"] = "boom " + TEXT       # the fragile tagger below raises on it, in a worker
    src = jsonl(tmp_path / "in.jsonl", docs)
    tl = timeline.build([src], tagger=_fragile_tagger, workers=2)
    errors = [p for p in tl.problems if p.code == "document_error"]
    assert [(p.doc_id, p.line) for p in errors] == [("d77", 78)]
    assert tl.totals()["articles_read"] == 199


def _fragile_tagger(text, anchor):            # module level: picklable, runs in worker processes
    if "boom" in text:
        raise ValueError("cannot read this")
    return tag(text, anchor)


def test_an_unexpected_error_in_a_reader_costs_the_rest_of_that_input_only(tmp_path, monkeypatch):
    from timeline import documents

    def broken(path):
        yield Document("r1", TEXT, dt.date(2015, 8, 5), origin=f"{path}:1")
        raise RuntimeError("a bug in a reader")
    monkeypatch.setattr(documents, "read_csv", broken)
    good = jsonl(tmp_path / "good.jsonl", [{"id": "g1", "text": TEXT, "published": "2015-08-06"}])
    (tmp_path / "odd.csv").write_text("id,text,published\n", encoding="utf-8")
    tl = timeline.build([tmp_path / "odd.csv", good])
    assert [str(p) for p in tl.problems] == [
        f"error: {tmp_path / 'odd.csv'}: unexpected error while reading this input (RuntimeError: a bug in a reader); "
        f"what was read before it is kept, the rest of this input was skipped, the build went on with the others"]
    assert sorted(tl.documents[tl.documents["status"] == "read"]["doc_id"]) == ["g1", "r1"]


HOSTILE = ["بنيت المدينة منذ 4000 عام", "وقعت قبل 3000 عام", "قبل 2026 سنة", "بعد 8000 سنة", "أمس", "الشهر المقبل",
           "غدا", "عيد الفطر", "الأسبوع المقبل"]


@pytest.mark.parametrize("published", ["0001-01-01", "2015-08-05", "9999-12-31", "0622-05-01"])
def test_phrases_that_leave_the_calendar_do_not_cost_the_document(tmp_path, published):
    """Every such expression is found and accounted for (resolved, or unresolved with its reason),
    and every writer survives them."""
    docs = [{"id": f"h{i}", "text": f"قال المصدر إن الحدث {p}.", "published": published}
            for i, p in enumerate(HOSTILE)]
    src = jsonl(tmp_path / "hostile.jsonl", docs)
    out = tmp_path / "out"
    r = run("build", src, "--out", out)
    assert r.returncode == 0, r.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["totals"]["articles_read"] == len(HOSTILE)
    assert "document_error" not in r.stderr and "unexpected error" not in r.stderr
    m = pd.read_csv(out / "mentions.csv", dtype=str, keep_default_na=False)
    assert set(m["doc_id"]) == {d["id"] for d in docs}
    unresolved = m[m["status"] == "unresolved"]
    assert (unresolved["reason"] != "").all()


# --- spreadsheets ----------------------------------------------------------------------------------

def test_formula_cells_are_neutralised_in_the_csv_files(tmp_path):
    docs = [Document("=HYPERLINK(\"http://x\")", "=1+2 " + TEXT, dt.date(2015, 8, 5)),
            Document("@SUM(A1)", "-5 " + TEXT, dt.date(2015, 8, 6)),
            Document("+cmd", "\tوصل الوفد إلى جدة أمس في زيارة.", dt.date(2015, 8, 7))]
    tl = timeline.build(docs)
    ev, me = tl.to_csv(tmp_path)
    cells = [c for f in (ev, me) for row in pd.read_csv(f, dtype=str, keep_default_na=False).values for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    mentions = pd.read_csv(me, dtype=str, keep_default_na=False)
    assert set(mentions["doc_id"]) == {"'=HYPERLINK(\"http://x\")", "'@SUM(A1)", "'+cmd"}
    assert tl.mentions["doc_id"].str.startswith(("=", "@", "+")).all(), "only the CSV cells change"


def test_neutralise_formulas_touches_text_cells_only():
    df = pd.DataFrame({"s": ["=1", "ok", "-x", None, "\r", "a=b"], "n": [-1, 2, 3, 4, 5, 6]})
    got = neutralise_formulas(df)
    assert got["s"].tolist()[:3] == ["'=1", "ok", "'-x"] and pd.isna(got["s"][3])
    assert got["s"].tolist()[4:] == ["'\r", "a=b"] and got["n"].tolist() == [-1, 2, 3, 4, 5, 6]
    assert df["s"][0] == "=1", "the frame given is not changed"


# --- worker processes -------------------------------------------------------------------------------

def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(x) for x in (task / "children").read_text().split()}
        except OSError:
            pass
    return found


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_workers_end_when_their_parent_is_killed(tmp_path):
    big = jsonl(tmp_path / "big.jsonl", [{"id": f"d{i}", "text": TEXT * 60, "published": "2015-08-05"}
                                         for i in range(6000)])
    p = subprocess.Popen([sys.executable, "-m", "timeline", "build", str(big), "--out", str(tmp_path / "out"),
                          "--workers", "2"], cwd=ROOT, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline and p.poll() is None:
        time.sleep(0.2)
        workers = _children(p.pid)
    assert len(workers) >= 2, "the build started its worker processes"
    p.send_signal(signal.SIGKILL)
    p.wait()
    deadline = time.monotonic() + 15
    alive = set(workers)
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        alive = {w for w in alive if Path(f"/proc/{w}").exists()
                 and "Z" not in Path(f"/proc/{w}/stat").read_text().split(")")[-1].split()[0]}
    assert not alive, f"worker processes {sorted(alive)} outlived their parent"

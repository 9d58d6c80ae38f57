"""The command line, as a user runs it (subprocesses, ``python -m timeline``)."""
from __future__ import annotations

import csv
import json
import subprocess
import sys

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

"""A build over the 5,000 real articles of ../shared/corpora/saudinewsnet.jsonl with every bad-input
fixture and phrases that leave the calendar mixed in: it writes all outputs and accounts for every
record (issue 9)."""
from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest

from conftest import ROOT

CORPUS = ROOT.parent / "shared" / "corpora" / "saudinewsnet.jsonl"
BAD = ROOT / "fixtures" / "bad"
pytestmark = [pytest.mark.slow, pytest.mark.skipif(not CORPUS.is_file(), reason=f"{CORPUS} is not there")]

HOSTILE = ["بنيت المدينة منذ 4000 عام", "قبل 3000 عام", "قبل 2026 سنة", "بعد 8000 سنة", "أمس", "الشهر المقبل", "غدا",
           "عيد الفطر", "2 أكتوبر 1187", "15 شوال 1000 هـ", "بعد يومين على وصول الوفد أمس"]


def bad_inputs() -> list:
    out = []
    for folder in sorted(p for p in BAD.iterdir() if p.is_dir()):
        if (folder / "manifest.csv").is_file():
            out.append(folder)
        out += sorted(p for p in folder.iterdir() if p.is_file() and p.name != "manifest.csv"
                      and p.suffix in (".jsonl", ".csv", ".parquet"))
    return out


def test_the_real_corpus_with_bad_input_mixed_in(tmp_path):
    hostile = tmp_path / "hostile.jsonl"
    with open(hostile, "w", encoding="utf-8") as f:
        for n, anchor in enumerate(["0001-01-01", "2015-08-05", "9999-12-31", "0622-05-01"]):
            for i, phrase in enumerate(HOSTILE):
                f.write(json.dumps({"id": f"hostile-{n}-{i}", "text": f"قال المصدر إن الحدث {phrase}.",
                                    "published": anchor}, ensure_ascii=False) + "\n")
    inputs = [*bad_inputs()[:3], CORPUS, hostile, *bad_inputs()[3:]]
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-m", "timeline", "build", *map(str, inputs), "--out", str(out)],
                       cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert r.returncode == 0, r.stderr[-3000:]
    assert "internal error" not in r.stderr and "Traceback" not in r.stderr
    assert "unexpected error" not in r.stderr, [line for line in r.stderr.splitlines() if "unexpected" in line][:5]
    assert sorted(p.name for p in out.iterdir()) == ["events.csv", "events_flat.csv", "mentions.csv", "report.json",
                                                     "timeline.html", "timeline.json", "timelinejs.json"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]
    rep = json.loads((out / "report.json").read_text(encoding="utf-8"))
    t, docs = rep["totals"], rep["documents"]
    assert sum(d["records"] for d in docs) == t["records_given"] == t["articles_read"] + t["articles_skipped"]
    assert t["articles_read"] == sum(d["status"] == "read" for d in docs)
    status = {}
    for d in docs:
        if d["doc_id"] is not None:
            status.setdefault(d["doc_id"], d["status"])
    ids = [json.loads(line)["id"] for line in open(CORPUS, encoding="utf-8")]
    assert len(ids) == 5000 and all(status.get(i) == "read" for i in ids), "every real article is read"
    assert all(status.get(f"hostile-{n}-{i}") == "read" for n in range(4) for i in range(len(HOSTILE)))
    rows = list(csv.DictReader(open(out / "mentions.csv", encoding="utf-8-sig")))
    timex = [row for row in rows if row["kind"] == "timex"]
    assert len(timex) == t["expressions_found"] == t["resolved"] + t["flagged"] + t["unresolved"]
    assert all(row["reason"] for row in timex if row["status"] == "unresolved")
    hostile_rows = [row for row in timex if row["doc_id"].startswith("hostile-")]
    assert len({row["doc_id"] for row in hostile_rows}) >= 4 * (len(HOSTILE) - 1)

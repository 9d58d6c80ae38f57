"""Readers: folder + manifest, JSONL (streamed), CSV, Parquet; every problem named, nothing dropped."""
from __future__ import annotations

import datetime as dt
import json

import pytest

import timeline
from timeline.documents import Document, Problem, parse_published, read_inputs

from conftest import SEEDS

TEXT = "وصل الوفد إلى الرياض اليوم الأحد."


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Problem)]


@pytest.mark.parametrize("raw, want", [
    ("2025-10-14", dt.date(2025, 10, 14)), ("2025-10-14T23:30:00", dt.date(2025, 10, 14)),
    ("2025-10-14T23:30:00+03:00", dt.date(2025, 10, 14)), ("2025-10-14 08:00", dt.date(2025, 10, 14)),
    ("2025-10-14T08:00:00Z", dt.date(2025, 10, 14)), (dt.datetime(2025, 1, 2, 5), dt.date(2025, 1, 2)),
    ("", None), (None, None),
    # month names (dateparser): Arabic, Levantine, RSS/RFC 2822 and English
    ("15 أكتوبر 2025", dt.date(2025, 10, 15)), ("الأربعاء 15 تشرين الأول 2025", dt.date(2025, 10, 15)),
    ("Wed, 15 Oct 2025 08:00:00 +0300", dt.date(2025, 10, 15)), ("October 15, 2025", dt.date(2025, 10, 15))])
def test_parse_published(raw, want):
    assert parse_published(raw) == want


@pytest.mark.parametrize("raw", ["14/10/2025", "2025-13-01", "yesterday", "أمس", "15 أكتوبر", "October 2025"])
def test_parse_published_rejects(raw):
    with pytest.raises(ValueError, match="unparseable"):
        parse_published(raw)


def test_seed_folder():
    docs, probs = split(read_inputs([SEEDS]))
    assert [d.id for d in docs] == ["000_bf399d3b808e486a", "001_43e5950260ed42f3", "002_7bba44013deafea9",
                                    "003_af65a620f0aac1dc", "004_d0c606f2779fa95d"]
    assert probs == [] and docs[1].published == dt.date(2026, 1, 28)
    assert docs[0].text == (SEEDS / "000_bf399d3b808e486a.txt").read_text(encoding="utf-8")


def test_folder_problems_are_named(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(TEXT.encode("cp1256"))
    (tmp_path / "manifest.csv").write_text(
        "id,file,published,title\n"
        "a,a.txt,2025-10-12,عنوان\n"
        "b,missing.txt,2025-10-12,\n"
        "c,c.txt,not-a-date,\n"
        "d,a.txt,,\n", encoding="utf-8")
    docs, probs = split(read_inputs([tmp_path]))
    assert [d.id for d in docs] == ["a", "c", "d"]
    assert docs[0].title == "عنوان" and docs[1].text == TEXT, "a cp1256 file is decoded"
    assert docs[1].published is None and docs[2].published is None
    by_id = {p.doc_id: p for p in probs}
    assert "missing.txt" in by_id["b"].reason and by_id["b"].line == 3 and by_id["b"].severity == "error"
    assert "unparseable" in by_id["c"].reason and by_id["c"].severity == "warning" and by_id["c"].line == 4
    assert "no publication date" in by_id["d"].reason
    assert all(p.file.endswith("manifest.csv") for p in probs)


def test_folder_without_manifest(tmp_path):
    _, probs = split(read_inputs([tmp_path]))
    assert len(probs) == 1 and "manifest.csv" in probs[0].reason


def test_jsonl_streams_and_reports_bad_lines(tmp_path):
    p = tmp_path / "a.jsonl"
    lines = [json.dumps({"id": "x1", "text": TEXT, "published": "2025-10-12", "source": "واس"}, ensure_ascii=False),
             "{not json",
             json.dumps({"id": "x2", "published": "2025-10-12"}),
             "",
             json.dumps({"id": "x3", "text": TEXT, "published": "2025-10-12T10:00:00"}),
             json.dumps({"id": "x1", "text": TEXT, "published": "2025-10-13"}),
             json.dumps([1, 2])]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    it = read_inputs([p])
    first = next(it)                         # a generator: the first record comes before the rest is read
    assert isinstance(first, Document) and first.id == "x1" and first.source == "واس" and first.origin.endswith(":1")
    docs, probs = split(it)
    assert [d.id for d in docs] == ["x3"]
    assert [(p.line, p.reason.split(":")[0]) for p in probs[:2]] == [(2, "bad JSON"), (3, "missing field(s) text")]
    assert "duplicate document id 'x1'" in probs[2].reason
    assert probs[3].line == 7 and "JSON object" in probs[3].reason


def test_csv_and_missing_column(tmp_path):
    good = tmp_path / "a.csv"
    good.write_text('id,text,published,url\nc1,"' + TEXT + '\nسطر ثان",2025-10-12,http://x\n', encoding="utf-8-sig")
    bad = tmp_path / "b.csv"
    bad.write_text("id,body,published\nq,نص,2025-10-12\n", encoding="utf-8")
    docs, probs = split(read_inputs([good, bad]))
    assert [d.id for d in docs] == ["c1"] and docs[0].text.endswith("سطر ثان") and docs[0].url == "http://x"
    assert len(probs) == 1 and probs[0].file.endswith("b.csv") and "missing column(s) text" in probs[0].reason


def test_parquet(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    p = tmp_path / "a.parquet"
    pq.write_table(pa.table({"id": ["p1", "p2"], "text": [TEXT, ""],
                             "published": [dt.date(2025, 10, 12), dt.date(2025, 10, 13)]}), p)
    docs, probs = split(read_inputs([p]))
    assert [(d.id, d.published) for d in docs] == [("p1", dt.date(2025, 10, 12))]
    assert probs[0].line == 2 and "empty" in probs[0].reason


def test_unknown_inputs(tmp_path):
    (tmp_path / "x.docx").write_text("x")
    _, probs = split(read_inputs([tmp_path / "nope.jsonl", tmp_path / "x.docx"]))
    assert ["no such file" in probs[0].reason, "unsupported input type .docx" in probs[1].reason] == [True, True]


def test_build_accounts_for_every_input(tmp_path, gold_tagger):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"id": "x", "text": TEXT, "published": "2025-10-12"}, ensure_ascii=False) + "\n{bad\n",
                 encoding="utf-8")
    tl = timeline.build([SEEDS, p], tagger=gold_tagger)
    d = tl.documents.set_index("doc_id", drop=False)
    assert list(tl.documents["status"]) == ["read"] * 6 + ["skipped"]
    assert tl.documents.iloc[-1]["origin"].endswith("a.jsonl:2") and "bad JSON" in tl.documents.iloc[-1]["reason"]
    assert d.loc["x", "found"] == 0 and tl.totals()["articles_read"] == 6 and tl.totals()["articles_skipped"] == 1
    assert (d["found"] == d["resolved"] + d["flagged"] + d["unresolved"]).all()

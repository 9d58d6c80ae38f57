"""Bad inputs (fixtures/bad/, one folder per kind): each gets its exact message (file, line or id,
reason), nothing is lost, --strict fails, and outputs are never left half-written."""
from __future__ import annotations

import csv
import json
import subprocess
import sys

import pandas as pd
import pytest

import timeline
from timeline import export
from timeline.documents import Document, Problem, decode_bytes, read_inputs

from conftest import ROOT, SEEDS

BAD = ROOT / "fixtures" / "bad"
TEXT = "وصل الوفد إلى الرياض اليوم الأحد 12 أكتوبر 2025 في زيارة تستمر يومين."


def messages(*inputs):
    items = list(read_inputs(inputs))
    return [i for i in items if isinstance(i, Document)], [str(i) for i in items if isinstance(i, Problem)]


def test_fixtures_are_up_to_date(tmp_path):
    """fixtures/bad/make_fixtures.py writes exactly the committed files."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("make_fixtures", BAD / "make_fixtures.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.HERE = tmp_path
    mod.main()
    for f in tmp_path.rglob("*"):
        if f.is_file():
            assert f.read_bytes() == (BAD / f.relative_to(tmp_path)).read_bytes(), f


# --- encodings ----------------------------------------------------------------------------------

def test_every_encoding_reads_the_same_text():
    docs, probs = messages(BAD / "encodings")
    by_id = {d.id: d for d in docs}
    for i in ("utf8", "utf8bom", "utf16le", "utf16be", "cp1256"):
        assert by_id[i].text == TEXT, i
    assert [by_id[i].encoding for i in ("utf8", "utf8bom", "utf16le", "utf16be", "cp1256")] == [
        "utf-8", "utf-8 (BOM)", "utf-16-le (BOM)", "utf-16-be (BOM)", "cp1256"]
    assert probs == [
        f"warning: {BAD}/encodings/manifest.csv:7 [damaged]: damaged.txt: 4 undecodable byte(s) in utf-8 at byte "
        f"offset 9 (0xD9), 10 (0xFF), 11 (0x84), 41 (0xC3): replaced with U+FFFD, the rest of the text kept"]


def test_damaged_utf8_keeps_the_rest():
    docs, _ = messages(BAD / "encodings")
    damaged = next(d for d in docs if d.id == "damaged").text
    assert damaged.count("\ufffd") == 4 and damaged.endswith("12 أكتوبر 2025 في زيارة تستمر يومين.")


def test_jsonl_line_with_a_stray_byte_and_a_cp1256_csv():
    docs, probs = messages(BAD / "encodings" / "lines.jsonl", BAD / "encodings" / "legacy.csv")
    assert [(d.id, d.text, d.encoding) for d in docs] == [
        ("j1", TEXT, "utf-8"), ("j2", "وصل \ufffdاليوم", "utf-8"), ("w1", TEXT, "cp1256")]
    assert probs == [f"warning: {BAD}/encodings/lines.jsonl:2 [j2]: 1 undecodable byte(s) in utf-8 at byte offset "
                     f"200 (0xFE): replaced with U+FFFD, the rest of the text kept"]


@pytest.mark.parametrize("enc", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1256", "utf-8-sig"])
def test_decode_bytes(enc):
    raw = TEXT.encode(enc)
    if enc == "utf-16-le" or enc == "utf-16-be":
        raw = raw                                        # no byte-order mark: found by the NUL pattern
    assert decode_bytes(raw).text == TEXT


def test_a_long_cp1256_article_and_a_short_one():
    long = (TEXT + "\n") * 300
    assert decode_bytes(long.encode("cp1256")).encoding == "cp1256"
    assert decode_bytes("أمس".encode("cp1256")).text == "أمس"


# --- bad files, one message each ------------------------------------------------------------------

def test_binary_files():
    docs, probs = messages(BAD / "binary", BAD / "binary" / "data.jsonl")
    assert docs == []
    assert probs == [f"error: {BAD}/binary/manifest.csv:2 [png]: image.txt: binary file, not text (NUL byte at "
                     f"byte offset 8)",
                     f"error: {BAD}/binary/data.jsonl: binary file, not text (NUL byte at byte offset 5)"]


def test_empty_files():
    e = BAD / "empty"
    docs, probs = messages(e, e / "empty.jsonl", e / "blank_lines.jsonl", e / "header_only.csv")
    assert docs == []
    assert probs == [f"error: {e}/manifest.csv:2 [zero]: zero.txt: empty file (0 bytes)",
                     f"error: {e}/manifest.csv:3 [blank]: the text is blank (only whitespace)",
                     f"error: {e}/empty.jsonl: empty file (0 bytes)",
                     f"error: {e}/blank_lines.jsonl: no records (the file holds only blank lines)",
                     f"error: {e}/header_only.csv:1: no rows after the header"]


def test_missing_file_and_duplicate_ids():
    docs, probs = messages(BAD / "missing_file", BAD / "duplicate_ids" / "a.jsonl")
    assert [d.id for d in docs] == ["ok", "d1"]
    assert probs == [f"error: {BAD}/missing_file/manifest.csv:3 [gone]: file 'gone.txt' not found in "
                     f"{BAD}/missing_file",
                     f"error: {BAD}/duplicate_ids/a.jsonl:2 [d1]: duplicate document id 'd1' (first one kept, from "
                     f"{BAD}/duplicate_ids/a.jsonl:1); this one skipped"]


def test_no_date_and_unparseable_date():
    docs, probs = messages(BAD / "dates")
    assert [(d.id, d.published and d.published.isoformat()) for d in docs] == [
        ("nodate", None), ("baddate", None), ("indic", "2025-10-12")]
    assert probs == [
        f"warning: {BAD}/dates/manifest.csv:2 [nodate]: no publication date (the 'published' field is missing or "
        f"empty)",
        f"warning: {BAD}/dates/manifest.csv:3 [baddate]: unparseable publication date '12/10/2025' (expected an "
        f"ISO date such as 2025-10-14)"]


def test_bad_json_lines():
    docs, probs = messages(BAD / "bad_json" / "lines.jsonl")
    f = BAD / "bad_json" / "lines.jsonl"
    assert [d.id for d in docs] == ["g1"]
    assert probs == [f"error: {f}:2: bad JSON: Expecting ',' delimiter at column 26",
                     f"error: {f}:3: a JSON object was expected, not a JSON array",
                     f"error: {f}:4 [g4]: missing field(s) text",
                     f"error: {f}:5 [g5]: the 'text' field is a number, not a string"]


def test_csv_missing_column():
    f = BAD / "csv_missing_column" / "articles.csv"
    assert messages(f) == ([], [f"error: {f}:1: missing column(s) text in the header (need id, text, published; "
                                f"found: id, body, published): the file's 1 row(s) skipped"])


def test_control_and_bidi_characters_are_kept_and_offsets_slice():
    docs, probs = messages(BAD / "controls")
    assert probs == [f"warning: {BAD}/controls/manifest.csv:2 [ctl]: 3 control or bidi character(s) kept in the "
                     f"text (first U+0007 at character 3, line 1); dates are read around them"]
    text = docs[0].text
    assert "\u0007" in text and "\u202b" in text and "\u200f" in text
    tl = timeline.build([BAD / "controls"])
    m = tl.mentions
    assert all(text[s:e] == t for s, e, t in zip(m["start"], m["end"], m["text"]))
    assert set(m["value"]) == {"2025-10-15"}


def test_html_fragment_becomes_its_text():
    docs, probs = messages(BAD / "html")
    assert docs[0].text == ("زيارة\nوصل الوفد إلى الرياض اليوم\u00a0الأربعاء.\n"
                            "ويغادر غداً & يعود في 20 أكتوبر 2025.")
    assert probs == [f"warning: {BAD}/html/manifest.csv:2 [frag]: HTML markup removed (10 tag(s), 2 entity "
                     f"reference(s), 1 script, style or template element(s) dropped with their content): the article "
                     f"text is the text without markup and offsets refer to it"]
    tl = timeline.build([BAD / "html"])
    assert list(tl.mentions["text"]) == ["اليوم\u00a0الأربعاء", "غداً", "20 أكتوبر 2025"]
    assert "أمس" not in docs[0].text, "script content is dropped"


def test_ten_megabytes_on_one_line(tmp_path):
    """A 10 MB article on a single line is read and tagged (linear time; no timing asserted)."""
    unit = "وقال الوزير إن الاجتماع عقد أمس الثلاثاء في الرياض، "
    text = unit * (10_000_000 // len(unit.encode("utf-8")) + 1)
    p = tmp_path / "big.jsonl"
    p.write_text(json.dumps({"id": "big", "text": text, "published": "2025-10-15"}, ensure_ascii=False) + "\n",
                 encoding="utf-8")
    assert p.stat().st_size > 10_000_000
    docs, probs = messages(p)
    assert probs == [] and docs[0].text == text
    from resolvers import tag
    found = tag(docs[0].text, docs[0].published)
    assert len(found) == text.count("أمس الثلاثاء") and found[-1].value == "2025-10-14"


# --- the run report: nothing lost -----------------------------------------------------------------

def test_every_input_document_is_in_the_report(tmp_path):
    inputs = [SEEDS, BAD / "encodings", BAD / "binary", BAD / "empty", BAD / "missing_file",
              BAD / "duplicate_ids" / "a.jsonl", BAD / "dates", BAD / "bad_json" / "lines.jsonl",
              BAD / "controls", BAD / "html", BAD / "anchors"]
    tl = timeline.build(inputs)
    paths = tl.write(tmp_path)
    rep = json.loads(paths["report"].read_text(encoding="utf-8"))
    t = rep["totals"]
    docs = rep["documents"]
    assert len(docs) == t["articles_read"] + t["articles_skipped"] == 5 + 6 + 1 + 2 + 2 + 2 + 3 + 5 + 1 + 1 + 4
    assert t["skipped_by_reason"] == {"bad_json": 1, "binary": 1, "duplicate_id": 1, "empty_file": 1,
                                      "empty_text": 1, "missing_field": 1, "missing_file": 1, "no_text": 1,
                                      "not_object": 1}
    assert t["articles_skipped"] == sum(t["skipped_by_reason"].values())
    assert t["records_given"] == t["articles_read"] + t["articles_skipped"] == sum(d["records"] for d in docs)
    for d in docs:
        assert d["status"] in ("read", "skipped")
        assert d["found"] == d["resolved"] + d["flagged"] + d["unresolved"]
        if d["status"] == "skipped":
            assert d["reason"] and d["found"] == 0
    assert t["expressions_found"] == t["resolved"] + t["flagged"] + t["unresolved"] == sum(d["found"] for d in docs)
    rows = list(csv.DictReader(open(paths["mentions"], encoding="utf-8-sig")))
    timex_rows = [r for r in rows if r["kind"] == "timex"]
    assert len(timex_rows) == t["expressions_found"]
    assert all(r["reason"] for r in timex_rows if r["status"] == "unresolved")
    assert all(r["flags"] for r in timex_rows if r["status"] == "flagged")
    assert "skipped" in tl.summary() and "bad JSON" in tl.summary()


def test_summary_counts_what_was_skipped_and_why():
    tl = timeline.build([SEEDS, BAD / "missing_file", BAD / "bad_json" / "lines.jsonl"])
    assert tl.summary().startswith("7 articles read (5 skipped: 1 bad JSON, 1 missing field, 1 missing file, "
                                   "1 no text, 1 not a JSON object); ")


# --- --strict, exit status, atomic outputs -------------------------------------------------------

def run(*args):
    return subprocess.run([sys.executable, "-m", "timeline", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True)


def test_strict_turns_every_warning_into_a_failure(tmp_path):
    r = run("build", SEEDS, BAD / "controls", "--out", tmp_path / "a")
    assert r.returncode == 0 and "warning:" in r.stderr and "Traceback" not in r.stderr
    r = run("build", SEEDS, BAD / "controls", "--out", tmp_path / "b", "--strict")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert r.stderr.splitlines()[-1] == "error: 1 input problem(s) (0 error(s), 1 warning(s)) and --strict was given"
    r = run("build", SEEDS, "--out", tmp_path / "c", "--strict")
    assert r.returncode == 0


def test_unwritable_output_is_a_clean_error(tmp_path):
    (tmp_path / "file").write_text("x")
    r = run("build", SEEDS, "--out", tmp_path / "file" / "out")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert r.stderr.splitlines()[-1].startswith(f"error: cannot write the outputs to {tmp_path / 'file' / 'out'}: ")


@pytest.mark.parametrize("exc", [RuntimeError("disk on fire"), KeyboardInterrupt()])
def test_a_failure_while_writing_leaves_no_partial_file(tmp_path, monkeypatch, exc):
    old = tmp_path / "events.csv"
    old.write_text("the previous complete file\n", encoding="utf-8")
    real = pd.DataFrame.to_csv

    def half_then_fail(self, path, *a, **kw):
        real(self.head(1), path, *a, **kw)                # something is written...
        raise exc                                          # ...then the process dies
    monkeypatch.setattr(pd.DataFrame, "to_csv", half_then_fail)
    real_rows = export._write_rows                         # the writer from columns (timeline/export.py)

    def rows_then_fail(f, header, cols):
        real_rows(f, header, [c[:1] for c in cols])
        raise exc
    monkeypatch.setattr(export, "_write_rows", rows_then_fail)
    df = pd.DataFrame({"a": range(1000)})
    with pytest.raises(type(exc)):
        export.write_csv(df, old)
    with pytest.raises(type(exc)):
        export.write_csv(df, tmp_path / "new.csv")
    assert old.read_text(encoding="utf-8") == "the previous complete file\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv"], "no temporary or partial file left"


def test_ctrl_c_in_the_cli_is_a_clean_exit(tmp_path, monkeypatch, capsys):
    from timeline import cli, pipeline

    def interrupted(*a, **kw):
        raise KeyboardInterrupt
    monkeypatch.setattr(pipeline, "build", interrupted)
    assert cli.main(["build", str(SEEDS), "--out", str(tmp_path / "o")]) == 130
    err = capsys.readouterr().err
    assert err.strip() == f"interrupted before anything was written; {tmp_path / 'o'} was not touched"
    assert not (tmp_path / "o").exists()

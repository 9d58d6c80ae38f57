"""Hostile input: one bad line or row costs that line or row only, inputs never reach outside what
was given (FIFOs, devices, symbolic links, '..', files over the size limit), no silent wrong date
(Hijri dates, Latin-1 texts), HTML that hides markup, and report totals that count every record.

Committed inputs live in fixtures/bad/ (written by make_fixtures.py); what cannot be committed
(FIFOs, symbolic links, Parquet files, files over the limit) is made here in tmp_path.  Every
message is asserted exactly."""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import threading

import pytest

import timeline
from timeline import documents
from timeline.documents import Document, Problem, decode_bytes, parse_published, read_inputs, strip_html

from conftest import ROOT

BAD = ROOT / "fixtures" / "bad"
TEXT = "وصل الوفد إلى الرياض اليوم الأحد 12 أكتوبر 2025 في زيارة تستمر يومين."


def split(*inputs):
    items = list(read_inputs(inputs))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Problem)]


def messages(*inputs):
    docs, probs = split(*inputs)
    return docs, [str(p) for p in probs]


def finishes(fn, fifos=(), timeout=20.0):
    """Run ``fn`` in a thread; fail (instead of hanging) if it blocks.  A reader blocked on a FIFO is
    released afterwards by opening the FIFO's other end."""
    out = {}

    def run():
        try:
            out["value"] = fn()
        except BaseException as e:          # noqa: BLE001 - handed back to the test
            out["error"] = e
    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(timeout)
    blocked = t.is_alive()
    for fifo in fifos:
        try:
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass
    assert not blocked, "the reader blocked"
    if "error" in out:
        raise out["error"]
    return out["value"]


# --- one bad line or row costs that line or row only ---------------------------------------------

def test_jsonl_surrogates_huge_integers_and_a_nul_byte_cost_their_line_only(tmp_path):
    f = BAD / "hostile_jsonl" / "lines.jsonl"
    docs, probs = messages(f)
    assert [(d.id, d.published and d.published.isoformat()) for d in docs] == [
        ("h1", "2025-10-12"), ("s1", "2015-08-05"), ("s\ufffd2", "2025-10-12"), ("h2", "2025-10-13")]
    assert docs[1].text == "\ufffd وصل الوفد إلى الرياض أمس" and docs[2].title == "\ufffd\ufffd"
    assert probs == [
        f"warning: {f}:2 [s1]: lone surrogate escape(s), which are no characters and cannot be written as UTF-8, "
        f"replaced with U+FFFD: 1 in 'text' (first \\ud800 at character 0)",
        f"warning: {f}:3 [s\ufffd2]: lone surrogate escape(s), which are no characters and cannot be written as "
        f"UTF-8, replaced with U+FFFD: 1 in 'id' (first \\udfff at character 1), 2 in 'title' (first \\udc00 at "
        f"character 0)",
        f"error: {f}:4 [n1]: bad JSON: the 'published' value is an integer of 4,301 digits (integers of more than "
        f"4,300 digits are not read)",
        f"error: {f}:5: bad JSON: the 'id' value is an integer of 4,301 digits (integers of more than 4,300 "
        f"digits are not read)",
        f"error: {f}:6 [z1]: NUL byte at byte offset 9427: not text; the line is skipped"]
    for d in docs:                                        # what reaches the writers is valid UTF-8
        d.text.encode("utf-8") and (d.title or "").encode("utf-8") and d.id.encode("utf-8")
    tl = timeline.build([f])
    paths = tl.write(tmp_path / "out")
    assert json.loads(paths["report"].read_text(encoding="utf-8"))["totals"]["records_given"] == 7


def test_a_nul_byte_in_one_csv_row_costs_that_row_only():
    f = BAD / "hostile_csv" / "nul.csv"
    docs, probs = messages(f)
    assert [d.id for d in docs] == ["c1", "c3"] and docs[1].text == TEXT
    assert probs == [f"error: {f}:3 [c2]: NUL byte at byte offset 161: not text; the row is skipped"]


def test_binary_files_are_still_binary(tmp_path):
    """Many NULs, or one among the first bytes (a file signature), still make a file binary; a few
    stray NULs further in do not."""
    dense = tmp_path / "dense.jsonl"
    dense.write_bytes(b'{"id": "x", "text": "' + b"ab\x00cd\x00" * 200 + b'"}\n')
    sig = tmp_path / "sig.csv"
    sig.write_bytes(b"SQLite format 3\x00" + b"id,text,published\n" * 10)
    per_line = tmp_path / "lines.jsonl"
    per_line.write_bytes(b"".join(b'{"id": "l%d", "text": "' % i + b"x" * 300 + b'\x00"}\n' for i in range(10)))
    _, probs = messages(dense, sig, per_line)
    assert probs == [f"error: {dense}: binary file, not text (NUL byte at byte offset 23)",
                     f"error: {sig}: binary file, not text (NUL byte at byte offset 15)",
                     f"error: {per_line}: binary file, not text (NUL byte at byte offset 322)"]
    with pytest.raises(documents.NotText, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert decode_bytes(("وصل الوفد" * 20 + "\x00" + " أمس").encode()).text.count("\x00") == 1


def test_an_unterminated_quote_is_reported_at_its_row_and_the_rows_after_it_are_read():
    f = BAD / "hostile_csv" / "quotes.csv"
    docs, probs = messages(f)
    assert [(d.id, d.origin.rsplit(":", 1)[1]) for d in docs] == [("q1", "2"), ("q3", "5"), ("q4", "6")]
    assert docs[0].text == 'قال "الوزير" أمس\nفي الرياض، ثم غادر', "a quoted field spans lines, «\"\"» is a quote"
    assert probs == [f"error: {f}:4 [q2]: unterminated quote in the row starting at line 4: its quoted field is "
                     f"never closed (the file ends inside it); the row is skipped and the lines after its first "
                     f"one are read as rows"]


def test_an_unterminated_quote_closed_by_a_later_field_is_reported_too():
    f = BAD / "hostile_csv" / "quotes_midfile.csv"
    docs, probs = messages(f)
    assert [(d.id, d.origin.rsplit(":", 1)[1]) for d in docs] == [("m2", "3"), ("m3", "4"), ("m4", "5")]
    assert docs[1].text == "قال الوزير، ثم غادر"
    assert probs == [f"error: {f}:2 [m1]: unterminated quote in the row starting at line 2: its quoted field runs "
                     f"on to line 4, where the quote that would close it is followed by more text (it opens a field "
                     f"of a later row); the row is skipped and the lines after its first one are read as rows"]


def test_an_unterminated_quote_in_a_long_file_is_read_once_more_at_most(tmp_path):
    """The lines after an unterminated quote are read again once; a quote inside an unquoted field
    is an ordinary character (as for the csv module)."""
    f = tmp_path / "long.csv"
    rows = [f"r{i},نص رقم {i},2025-10-12\n" for i in range(3, 20_001)]
    f.write_text('id,text,published\nr1,"وصل الوفد\nr2,قال "فلان" أمس,2025-10-12\n' + "".join(rows),
                 encoding="utf-8")
    docs, probs = split(f)
    assert len(docs) == 19_999 and docs[0].id == "r2" and docs[0].text == 'قال "فلان" أمس'
    assert [(p.line, p.code, p.doc_id) for p in probs] == [(2, "unterminated_quote", "r1")]


def test_unterminated_quote_in_a_manifest_and_files_outside_its_folder():
    m = BAD / "hostile_manifest"
    docs, probs = messages(m)
    assert [d.id for d in docs] == ["ok", "nul", "after"]
    assert docs[1].text == "وصل الوفد إلى الرياض اليوم الأحد\x00 12 أكتوبر 2025.", "a stray NUL in a .txt is kept"
    assert probs == [
        f"error: {m}/manifest.csv:3 [up]: file '../hostile_jsonl/lines.jsonl' leads outside the folder {m} (to "
        f"{BAD / 'hostile_jsonl' / 'lines.jsonl'}): not read",
        f"error: {m}/manifest.csv:4 [abs]: file '/etc/hostname' is an absolute path: a manifest names files inside "
        f"its own folder; not read",
        f"warning: {m}/manifest.csv:5 [nul]: 1 control or bidi character(s) kept in the text (first U+0000 at "
        f"character 32, line 1); dates are read around them",
        f"error: {m}/manifest.csv:6 [q1]: unterminated quote in the row starting at line 6: its quoted field is "
        f"never closed (the file ends inside it); the row is skipped and the lines after its first one are read "
        f"as rows"]


def test_an_out_of_range_parquet_timestamp_costs_that_value_only(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    files = []
    for unit, per_s in (("s", 1), ("ms", 1000), ("us", 10**6)):
        p = tmp_path / f"ts_{unit}.parquet"
        year_10000 = 253402300800 * per_s                  # 10000-01-01T00:00:00
        day = 1760227200 * per_s                           # 2025-10-12
        pq.write_table(pa.table({"id": ["p1", "p2", "p3"], "text": [TEXT] * 3,
                                 "published": pa.array([day, year_10000, day + 86400 * per_s],
                                                       pa.timestamp(unit))}), p)
        stored = pq.read_schema(p).field("published").type     # Parquet has no seconds: stored as ms
        files.append((p, stored, year_10000 * (1000 if unit == "s" and stored.unit == "ms" else 1)))
    d32 = tmp_path / "d32.parquet"
    pq.write_table(pa.table({"id": ["d1", "d2"], "text": [TEXT] * 2,
                             "published": pa.array([20373, 3_000_000], pa.date32())}), d32)
    docs, probs = messages(d32)
    assert [(d.id, d.published) for d in docs] == [("d1", dt.date(2025, 10, 12)), ("d2", None)]
    assert probs == [f"warning: {d32}:2 [d2]: unreadable publication date: the value 3000000 (date32[day]) is "
                     f"outside the years 1 to 9999"]
    for p, stored, raw in files:
        docs, probs = messages(p)
        assert [(d.id, d.published) for d in docs] == [("p1", dt.date(2025, 10, 12)), ("p2", None),
                                                       ("p3", dt.date(2025, 10, 13))]
        assert probs == [f"warning: {p}:2 [p2]: unreadable publication date: the value {raw} ({stored}) is outside "
                         f"the years 1 to 9999"]


# --- inputs stay within what was given -------------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifos_and_devices_are_refused_without_blocking(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text(TEXT, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    os.symlink("pipe.txt", folder / "pipe_link.txt")
    (folder / "manifest.csv").write_text("id,file,published\nok,ok.txt,2025-10-12\nfifo,pipe.txt,2025-10-12\n"
                                         "zero,zero.txt,2025-10-12\nlink,pipe_link.txt,2025-10-12\n"
                                         "null,/dev/null,2025-10-12\n", encoding="utf-8")
    os.mkfifo(tmp_path / "direct.jsonl")
    os.symlink("/dev/zero", tmp_path / "zero.jsonl")
    fifo_manifest = tmp_path / "fifo_manifest"
    fifo_manifest.mkdir()
    os.mkfifo(fifo_manifest / "manifest.csv")
    fifos = [folder / "pipe.txt", tmp_path / "direct.jsonl", fifo_manifest / "manifest.csv"]
    docs, probs = finishes(lambda: messages(folder, tmp_path / "direct.jsonl", tmp_path / "zero.jsonl",
                                            "/dev/zero", fifo_manifest), fifos)
    m = folder / "manifest.csv"
    assert [d.id for d in docs] == ["ok"]
    assert probs == [
        f"error: {m}:3 [fifo]: 'pipe.txt' is not a regular file (a FIFO): not read",
        f"error: {m}:4 [zero]: file 'zero.txt' leads outside the folder {folder} (to /dev/zero): not read",
        f"error: {m}:5 [link]: 'pipe_link.txt' is not a regular file (a FIFO): not read",
        f"error: {m}:6 [null]: file '/dev/null' is an absolute path: a manifest names files inside its own folder; "
        f"not read",
        f"error: {tmp_path}/direct.jsonl: not a regular file or folder (a FIFO): not read",
        f"error: {tmp_path}/zero.jsonl: not a regular file or folder (a character device): not read",
        "error: /dev/zero: not a regular file or folder (a character device): not read",
        f"error: {fifo_manifest}/manifest.csv: not a regular file (a FIFO): not read"]
    items = finishes(lambda: list(documents.read_jsonl(tmp_path / "direct.jsonl")), fifos)
    assert [str(i) for i in items] == [f"error: {tmp_path}/direct.jsonl: not a regular file (a FIFO): not read"]


def test_symbolic_links_inside_the_folder_are_followed_and_those_leading_out_are_not(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("سر", encoding="utf-8")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text(TEXT, encoding="utf-8")
    os.symlink("sub/a.txt", folder / "inside.txt")
    os.symlink(outside, folder / "out.txt")
    os.symlink("../../secret.txt", folder / "sub" / "up.txt")
    (folder / "manifest.csv").write_text("id,file,published\nin,inside.txt,2025-10-12\nout,out.txt,2025-10-12\n"
                                         "up,sub/up.txt,2025-10-12\ndots,sub/../../secret.txt,2025-10-12\n"
                                         "fine,sub/../sub/a.txt,2025-10-12\n", encoding="utf-8")
    docs, probs = messages(folder)
    assert [(d.id, d.text) for d in docs] == [("in", TEXT), ("fine", TEXT)]
    m = folder / "manifest.csv"
    assert probs == [
        f"error: {m}:3 [out]: file 'out.txt' leads outside the folder {folder} (to {outside}): not read",
        f"error: {m}:4 [up]: file 'sub/up.txt' leads outside the folder {folder} (to {outside}): not read",
        f"error: {m}:5 [dots]: file 'sub/../../secret.txt' leads outside the folder {folder} (to {outside}): "
        f"not read"]


def test_nothing_longer_than_the_limit_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(documents, "MAX_DOCUMENT_BYTES", 1000)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "big.txt").write_text("أ" * 600, encoding="utf-8")           # 1,200 bytes
    (folder / "ok.txt").write_text(TEXT, encoding="utf-8")
    (folder / "manifest.csv").write_text("id,file,published\nbig,big.txt,2025-10-12\nok,ok.txt,2025-10-12\n",
                                         encoding="utf-8")
    jl = tmp_path / "a.jsonl"
    jl.write_text(json.dumps({"id": "long", "text": "x" * 5000, "published": "2025-10-12"}) + "\n"
                  + json.dumps({"id": "j2", "text": TEXT, "published": "2025-10-12"}, ensure_ascii=False) + "\n",
                  encoding="utf-8")
    cs = tmp_path / "a.csv"
    cs.write_text("id,text,published\nc1," + "x" * 1500 + ",2025-10-12\n"
                  'c2,"' + "سطر\n" * 300 + '",2025-10-12\nc3,' + TEXT + ",2025-10-12\n", encoding="utf-8")
    docs, probs = messages(folder, jl, cs)
    assert [d.id for d in docs] == ["ok", "j2", "c3"]
    assert probs == [
        f"error: {folder}/manifest.csv:2 [big]: 'big.txt' is 1,200 bytes long, more than the limit of 1,000 bytes "
        f"for one document (MAX_DOCUMENT_BYTES); not read",
        f"error: {jl}:1: the line is 5,054 bytes long, more than the limit of 1,000 bytes for one document "
        f"(MAX_DOCUMENT_BYTES); skipped",
        f"error: {cs}:2: the line is 1,515 bytes long, more than the limit of 1,000 bytes for one document "
        f"(MAX_DOCUMENT_BYTES); skipped",
        f"error: {cs}:3: the row (lines 3-303) is 2,117 bytes long, more than the limit of 1,000 bytes for one "
        f"document (MAX_DOCUMENT_BYTES); skipped"]


# --- no silent wrong date ----------------------------------------------------------------------------

def test_hijri_publication_dates_are_converted_or_refused():
    m = BAD / "hijri" / "manifest.csv"
    docs, probs = messages(BAD / "hijri")
    assert [(d.id, d.published and d.published.isoformat()) for d in docs] == [
        ("ymd", "2025-10-15"), ("dmy", "2025-10-15"), ("iso", "2025-10-15"), ("named", "2025-10-15"),
        ("indic", "2025-10-15"), ("noday", None), ("far", None)]
    assert probs == [
        f"warning: {m}:2 [ymd]: publication date '1447/04/23هـ' read as a Hijri date: 1447-04-23 AH is 2025-10-15 "
        f"(Umm al-Qura calendar)",
        f"warning: {m}:3 [dmy]: publication date '23/04/1447 هـ' read as a Hijri date: 1447-04-23 AH is 2025-10-15 "
        f"(Umm al-Qura calendar)",
        f"warning: {m}:4 [iso]: publication date '1447-04-23' read as a Hijri date, since no news article dates "
        f"from the Gregorian year 1447: 1447-04-23 AH is 2025-10-15 (Umm al-Qura calendar)",
        f"warning: {m}:5 [named]: publication date '23 ربيع الآخر 1447هـ' read as a Hijri date: 1447-04-23 AH is "
        f"2025-10-15 (Umm al-Qura calendar)",
        f"warning: {m}:6 [indic]: publication date '١٤٤٧/٠٤/٢٣هـ' read as a Hijri date: 1447-04-23 AH is "
        f"2025-10-15 (Umm al-Qura calendar)",
        f"warning: {m}:7 [noday]: Hijri publication date '1447/02/30هـ' not read: Hijri month 2 of 1447 has 29 "
        f"days, not 30",
        f"warning: {m}:8 [far]: Hijri publication date '1600/01/01هـ' not read: the year 1600 is outside the Umm "
        f"al-Qura table (1343-1500 AH)"]
    hijridate = pytest.importorskip("hijridate")
    assert hijridate.Hijri(1447, 4, 23).to_gregorian() == dt.date(2025, 10, 15)


@pytest.mark.parametrize("raw, want", [
    ("1436/10/25هـ", dt.date(2015, 8, 10)), ("25/10/1436هـ", dt.date(2015, 8, 10)),
    ("1436-10-25", dt.date(2015, 8, 10)), ("1436-10-25T08:00:00+03:00", dt.date(2015, 8, 10)),
    ("25 شوال 1436 هـ", dt.date(2015, 8, 10)), ("1436/10/25 AH", dt.date(2015, 8, 10)),
    (dt.date(1436, 10, 25), dt.date(2015, 8, 10)),
    ("2015-08-10", dt.date(2015, 8, 10)), ("25 شوال 1436 هـ الموافق 10 أغسطس 2015م", dt.date(2015, 8, 10))])
def test_parse_published_reads_hijri_dates(raw, want):
    assert parse_published(raw) == want


@pytest.mark.parametrize("raw, why", [
    ("1447/13/01هـ", "Hijri publication date '1447/13/01هـ' not read: there is no Hijri month 13"),
    ("23 أبريل 1447", "unparseable publication date '23 أبريل 1447': no news article dates from the Gregorian "
                      "year 1447, and this is no Hijri date either"),
    ("في شهر ما هـ", "Hijri publication date 'في شهر ما هـ' not read: the Hijri dates read are Y/M/D or D/M/Y "
                     "with a Hijri mark, or a day, a Hijri month name and a year (1447/04/23هـ, 23 ربيع الآخر "
                     "1447هـ)")])
def test_parse_published_never_reads_a_hijri_date_as_gregorian(raw, why):
    with pytest.raises(ValueError) as e:
        parse_published(raw)
    assert str(e.value) == why


def test_latin_texts_in_cp1252_are_read_as_latin_with_a_warning():
    d = BAD / "latin1"
    docs, probs = messages(d, d / "articles.csv")
    assert [(x.id, x.text, x.encoding) for x in docs] == [
        ("fr", "Le président a annoncé hier à Paris que la réunion aura lieu le 15 octobre 2025. Déjà, les "
               "ministres étaient là.", "cp1252"),
        ("de", "Der Präsident hat gestern in München erklärt: Schöne Grüße.", "cp1252")]
    guess = ("text encoding guessed: not UTF-8 and no byte-order mark; read as cp1252 (Western European), its "
             "accented letters sitting inside Latin words")
    assert probs == [f"warning: {d}/manifest.csv:2 [fr]: fr.txt: {guess}", f"warning: {d}/articles.csv: {guess}"]
    assert decode_bytes(TEXT.encode("cp1256")).guess is None, "Arabic in cp1256 is no guess"


# --- HTML that hides markup -------------------------------------------------------------------------

def test_html_that_hides_markup_leaves_no_tag():
    m = BAD / "hostile_html" / "manifest.csv"
    docs, probs = messages(BAD / "hostile_html")
    assert [(d.id, d.text) for d in docs] == [
        ("encoded", "وصل الوفد إلى الرياض اليوم الأحد 12 أكتوبر 2025."),
        ("attrs", "وصل الوفد إلى الرياض\nاليوم الأحد"),
        ("dotted", "İİİİ وصل الوفد إلى الرياض أمس."),
        ("nested", "وصل الوفد إلى الرياض أمس.")]
    tail = "the article text is the text without markup and offsets refer to it"
    assert probs == [
        f"warning: {m}:2 [encoded]: HTML markup removed (0 tag(s), 4 entity reference(s), 1 script, style or "
        f"template element(s) dropped with their content): {tail}",
        f"warning: {m}:3 [attrs]: HTML markup removed (5 tag(s), 0 entity reference(s), 1 script, style or "
        f"template element(s) dropped with their content): {tail}",
        f"warning: {m}:4 [dotted]: HTML markup removed (2 tag(s), 0 entity reference(s), 1 script, style or "
        f"template element(s) dropped with their content): {tail}",
        f"warning: {m}:5 [nested]: HTML markup removed (2 tag(s), 8 entity reference(s)): {tail}"]


@pytest.mark.parametrize("html, want", [
    ('<a href="x" title="1 > 0">نص</a>', "نص"), ("<p>نص</p><script>alert(1)", "نص"),
    ("<!-- <p> --> نص <!-- بلا نهاية", " نص "), ("&lt;script&gt;alert(1)&lt;/script&gt;نص", "نص"),
    ("&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;نص", "نص"),
    ("<scr<b>ipt>alert(1)</script>نص", "alert(1)نص"),            # as a browser shows it: no script there
    ("<p title='a>b' class=\"c>d\">نص</p>", "نص"), ('<a title="x>نص', "نص"), ("<b>نص</b><i", "نص"),
    ("İ<SCRIPT>x</SCRIPT>نص", "İنص"), ("<div>" * 50 + "نص", "نص"), ("&lt;&lt;b&gt;b&gt;نص", "نص"),
    ("<style>p{color:red}</style><p>نص</p>", "نص"), ("<p>نص<![CDATA[ <b> ]]></p>", "نص"),
    ("نص" + " <a" * 300_000, "نص "), ("<p>نص</p><script>x</script>" * 20_000, "نص\n" * 19_999 + "نص")])
def test_no_tag_remains_after_stripping(html, want):
    text, _, _ = strip_html(html)
    assert text == want
    assert not re.search(r"<[/!?]?[A-Za-z][^<>]*>|<[/!?]?[A-Za-z][^<>]*$", text)


# --- report.json counts every record ------------------------------------------------------------------

def test_a_file_skipped_whole_counts_its_rows(tmp_path):
    f = BAD / "hostile_csv" / "missing_column.csv"
    docs, probs = split(f)
    assert docs == [] and [(str(p), p.records) for p in probs] == [
        (f"error: {f}:1: missing column(s) text in the header (need id, text, published; found: id, body, "
         f"published): the file's 3 row(s) skipped", 3)]
    empty = BAD / "empty"
    tl = timeline.build([BAD / "missing_file", f, empty / "empty.jsonl", empty / "header_only.csv",
                         BAD / "hostile_csv" / "quotes.csv"])
    rep = json.loads(tl.write(tmp_path / "out")["report"].read_text(encoding="utf-8"))
    t = rep["totals"]
    assert (t["records_given"], t["articles_read"], t["articles_skipped"]) == (2 + 3 + 0 + 0 + 4, 4, 5)
    assert t["skipped_by_reason"] == {"missing_column": 3, "missing_file": 1, "unterminated_quote": 1}
    assert sum(d["records"] for d in rep["documents"]) == t["records_given"]
    assert [(d["status"], d["records"]) for d in rep["documents"] if d["status"] == "skipped"] == [
        ("skipped", 1), ("skipped", 3), ("skipped", 0), ("skipped", 0), ("skipped", 1)]
    assert [p["records"] for p in rep["problems"] if p["severity"] == "error"] == [1, 3, 0, 0, 1]
    assert tl.summary().startswith("4 articles read (5 skipped: 3 missing column, 1 missing file, "
                                   "1 unterminated quote; ")

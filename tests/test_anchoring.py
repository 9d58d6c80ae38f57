"""Anchors: inferred for undated documents from unambiguous evidence only, and contradicted anchors
(weekday names pointing to another day) reported, and corrected with --trust-text-weekdays."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

import timeline
from resolvers import tag
from timeline.anchoring import (anchor_document, check_weekdays, implied_anchor, infer_anchor,
                                relative_day)
from timeline.documents import Document

from conftest import ROOT, SEEDS

ANCHORS = ROOT / "fixtures" / "bad" / "anchors"
D = dt.date


def first(text, anchor=None):
    return tag(text, anchor)[0]


@pytest.mark.parametrize("text, want", [
    ("أمس الأربعاء", (-1, 2)), ("اليوم", (0, None)), ("غداً الخميس", (1, 3)), ("صباح يوم أمس الأحد", (-1, 6)),
    ("أول أمس الاثنين", (-2, 0)), ("أمس الأول السبت", (-2, 5)), ("بعد غد الأحد", (2, 6))])
def test_relative_day(text, want):
    assert relative_day(first("قال " + text + " إن")) == want


def test_not_a_relative_day():
    assert relative_day(first("في 15 أكتوبر 2025")) is None
    assert relative_day(first("الأربعاء الماضي", "2025-10-15")) is None


def test_implied_anchor():
    # «أمس الأربعاء» in a paper dated Friday 2025-10-17: yesterday was Thursday; the text was written
    # on Thursday 2025-10-16
    assert implied_anchor(-1, 2, D(2025, 10, 17)) == D(2025, 10, 16)
    assert implied_anchor(-1, 2, D(2025, 10, 16)) == D(2025, 10, 16)
    assert implied_anchor(1, 3, D(2025, 10, 15)) == D(2025, 10, 15)


def test_check_weekdays():
    text = "عقد المجلس جلسته أمس الأحد، ويبدأ غداً الثلاثاء العمل بالقرار."
    ok = check_weekdays(tag(text, "2015-08-10"), D(2015, 8, 10))
    assert (ok.status, ok.corrected) == ("consistent", None)
    off = check_weekdays(tag(text, "2015-08-11"), D(2015, 8, 11))
    assert (off.status, off.corrected) == ("inconsistent", D(2015, 8, 10))
    assert off.evidence() == ("«أمس الأحد» at character 17 implies 2015-08-10; «غداً الثلاثاء» at character 34 "
                              "implies 2015-08-10")
    mixed = "قال أمس الأحد إنه سيعود اليوم الاثنين، ثم غداً الخميس."
    assert check_weekdays(tag(mixed, "2015-08-10"), D(2015, 8, 10)).status == "mixed"
    assert check_weekdays(tag("وصل اليوم", "2015-08-10"), D(2015, 8, 10)).status is None


@pytest.mark.parametrize("text, kind, anchor", [
    ("يفتتح الوزير اليوم الأربعاء 15 أكتوبر 2025 معرض الكتاب", "relative_day_with_date", D(2025, 10, 15)),
    ("وصل أمس الثلاثاء (14 أكتوبر 2025) إلى الرياض", "relative_day_with_date", D(2025, 10, 15)),
    ("الخرطوم 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\nوصل أمس", "dateline_hijri_gregorian", D(2015, 8, 10)),
    ("افتتح أمس الثلاثاء معرض الكتاب في 14 أكتوبر 2025 وسط حضور كبير", "weekday_with_dated_event",
     D(2025, 10, 15)),
])
def test_inference_from_unambiguous_evidence(text, kind, anchor):
    ev, _ = infer_anchor(text, tag(text, None))
    assert (ev.kind, ev.anchor) == (kind, anchor)


@pytest.mark.parametrize("text", [
    "وصل الوفد أمس إلى الرياض، ويغادر غداً.",                                   # no evidence at all
    "يفتتح الوزير اليوم الخميس 15 أكتوبر 2025 معرض الكتاب",                     # 15 Oct 2025 is a Wednesday
    "وصل أمس الثلاثاء. وكانت الحرب قد بدأت في 2 أغسطس 1990",                    # a dated event elsewhere
    "قال إن الاجتماع عقد في 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م بعد أن وصل أمس",  # a pair, not a dateline
    "اليوم 15 أكتوبر 2025 وغداً 20 أكتوبر 2025",                                 # evidence disagrees
])
def test_no_inference_without_unambiguous_evidence(text):
    ev, _ = infer_anchor(text, tag(text, None))
    assert ev is None


def test_undated_documents_in_a_run():
    tl = timeline.build([ANCHORS])
    probs = [str(p) for p in tl.problems]
    m = ANCHORS / "manifest.csv"
    assert probs[:3] == [
        f"warning: {m}:2 [dateline]: no publication date (the 'published' field is missing or empty); anchor "
        f"2015-08-10 inferred from the text (dateline_hijri_gregorian: «25 شوال 1436 هـ الموافق 10 أغسطس 2015 م» "
        f"at character 8): 1 expression(s) resolved against it, flagged inferred_anchor",
        f"warning: {m}:3 [today_full]: no publication date (the 'published' field is missing or empty); anchor "
        f"2025-10-15 inferred from the text (relative_day_with_date: «اليوم الأربعاء 15 أكتوبر 2025» at character "
        f"13): 2 expression(s) resolved against it, flagged inferred_anchor",
        f"warning: {m}:4 [noevidence]: no publication date (the 'published' field is missing or empty); no "
        f"unambiguous date in the text to infer the anchor from: 2 relative expression(s) left unresolved"]
    me = tl.mentions.set_index(["doc_id", "text"])
    assert me.loc[("dateline", "أمس"), ["value", "status", "flags"]].tolist() == ["2015-08-09", "resolved",
                                                                                "inferred_anchor"]
    assert "inferred_anchor" not in str(me.loc[("dateline", "10 أغسطس 2015 م"), "flags"]), "an explicit date"
    assert me.loc[("today_full", "أمس"), "value"] == "2025-10-14"
    assert me.loc[("noevidence", "أمس"), "status"] == "unresolved"
    docs = tl.documents.set_index("doc_id")
    assert docs.loc["dateline", "anchor"] == "2015-08-10" and docs.loc["dateline", "anchor_basis"] == "inferred"
    assert docs.loc["dateline", "anchor_evidence"] == ("dateline_hijri_gregorian: «25 شوال 1436 هـ الموافق 10 "
                                                       "أغسطس 2015 م» at character 8")
    assert docs.loc["noevidence", "anchor_basis"] == "none" and docs.loc["noevidence", "unresolved"] == 2
    t = tl.totals()
    assert (t["articles_undated"], t["anchors_inferred"], t["resolved_from_inferred_anchor"]) == (3, 2, 3)


def test_contradicted_anchor_is_reported_then_corrected_on_request():
    where = ANCHORS / "print.txt"
    evidence = ("«أمس الأحد» at character 23 implies 2015-08-10; «غداً الثلاثاء» at character 69 implies "
                "2015-08-10")
    tl = timeline.build([ANCHORS])
    assert str(tl.problems[3]) == (
        f"warning: {where} [print]: the text's weekdays point to 2015-08-10, not the publication date 2015-08-11 "
        f"(2 phrase(s): {evidence}); resolved against 2015-08-11 as given (--trust-text-weekdays resolves against "
        f"2015-08-10)")
    p = tl.mentions[tl.mentions["doc_id"] == "print"]
    assert list(p["status"]) == ["flagged", "flagged"] and set(p["flags"]) == {"weekday_mismatch"}
    d = tl.documents.set_index("doc_id").loc["print"]
    assert (d["anchor"], d["anchor_basis"], d["weekday_check"], d["text_anchor"], d["anchor_evidence"]) == (
        "2015-08-11", "published", "inconsistent", "2015-08-10", evidence)

    tl = timeline.build([ANCHORS], trust_text_weekdays=True)
    assert str(tl.problems[3]) == (
        f"warning: {where} [print]: the text's weekdays point to 2015-08-10, not the publication date 2015-08-11 "
        f"(2 phrase(s): {evidence}); resolved against the corrected anchor 2015-08-10 (--trust-text-weekdays): "
        f"2 expression(s) resolved anew")
    p = tl.mentions[tl.mentions["doc_id"] == "print"]
    assert list(p["value"]) == ["2015-08-09", "2015-08-11"] and list(p["status"]) == ["resolved", "resolved"]
    assert set(p["flags"]) == {"corrected_anchor"}
    d = tl.documents.set_index("doc_id").loc["print"]
    assert (d["anchor"], d["anchor_basis"]) == ("2015-08-10", "corrected")
    assert tl.totals()["anchors_corrected"] == 1


def test_corrected_anchor_moves_a_relative_day():
    doc = Document("p", "أعلنت الوزارة أمس الأربعاء نتائج القبول.", D(2025, 10, 17))
    a = anchor_document(doc, tag)
    assert (a.anchor, a.weekday_check, a.text_anchor) == (D(2025, 10, 17), "inconsistent", D(2025, 10, 16))
    b = anchor_document(doc, tag, trust_text_weekdays=True)
    assert b.anchor == D(2025, 10, 16) and b.timexes[0].value == "2025-10-15"
    assert b.timexes[0].status == "resolved" and "corrected_anchor" in b.timexes[0].flags


def test_seeds_agree_with_their_dates():
    tl = timeline.build([SEEDS])
    assert set(tl.documents["anchor_basis"]) == {"published"}
    assert "inconsistent" not in set(tl.documents["weekday_check"].dropna())


def test_api_documents_without_a_date_get_the_message_too():
    doc = Document("api1", "الخرطوم 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\nوصل أمس.", None)
    tl = timeline.build([doc])
    assert [str(p) for p in tl.problems] == [
        "warning: <api> [api1]: no publication date; anchor 2015-08-10 inferred from the text "
        "(dateline_hijri_gregorian: «25 شوال 1436 هـ الموافق 10 أغسطس 2015 م» at character 8): 1 expression(s) "
        "resolved against it, flagged inferred_anchor"]


def test_cli_trust_text_weekdays(tmp_path):
    def run(*extra):
        return subprocess.run([sys.executable, "-m", "timeline", "build", str(ANCHORS), "--out",
                               str(tmp_path / "o"), *extra], cwd=ROOT, capture_output=True, text=True)
    r = run()
    assert r.returncode == 0 and "--trust-text-weekdays resolves against 2015-08-10" in r.stderr
    r = run("--trust-text-weekdays")
    assert r.returncode == 0 and "resolved against the corrected anchor 2015-08-10" in r.stderr
    assert "1 whose weekdays contradict their date, 1 corrected" in r.stderr
    rep = json.loads((tmp_path / "o" / "report.json").read_text(encoding="utf-8"))
    d = next(d for d in rep["documents"] if d["doc_id"] == "print")
    assert (d["anchor"], d["anchor_basis"], d["text_anchor"]) == ("2015-08-10", "corrected", "2015-08-10")

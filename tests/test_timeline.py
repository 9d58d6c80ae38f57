"""End to end on the seed articles: gold events, order, must-not-merge, the scorer, outputs, no clock."""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import timeline
from timeline.mentions import extract, segments, tag_document
from resolvers.types import Timex

from conftest import ROOT, SEEDS, timex

SCORER = ROOT.parent / "shared" / "tools" / "score_seeds.py"


@pytest.fixture(scope="module")
def seeds_tl():
    return timeline.build([SEEDS])


@pytest.fixture(scope="module")
def gold_tl(gold_tagger):
    return timeline.build([SEEDS], tagger=gold_tagger)


def _match(events, ev):
    """Row indexes of ``events`` holding gold event ``ev`` (same date, mod if given, sources ⊇)."""
    return [i for i, row in enumerate(events.to_dict("records"))
            if row["date"] == ev["date"] and (ev.get("mod") is None or row["mod"] == ev["mod"])
            and set(ev["sources"]) <= set(row["sources"].split(";"))]


@pytest.mark.parametrize("which", ["resolvers", "gold"])
def test_gold_events_order_and_distinct_visits(which, seeds_tl, gold_tl, gold):
    tl = seeds_tl if which == "resolvers" else gold_tl
    found = {}
    for ev in gold["events"]:
        hits = _match(tl.events, ev)
        assert hits, f"gold event {ev['id']} ({ev['date']}, {ev['sources']}) missing"
        found[ev["id"]] = hits[0]
    idx = [found[e] for e in gold["order"]]
    assert idx == sorted(idx), "gold order violated"
    for a, b in gold["must_not_merge"]:
        assert found[a] != found[b]
        assert not set(_match(tl.events, next(e for e in gold["events"] if e["id"] == a))) & \
            set(_match(tl.events, next(e for e in gold["events"] if e["id"] == b)))


def test_moscow_visit_merges_three_granularities(seeds_tl):
    ev = seeds_tl.events[seeds_tl.events["date"] == "2025-07-31"]
    assert len(ev) == 1
    eid = ev["event_id"].iloc[0]
    m = seeds_tl.mentions[seeds_tl.mentions["event_id"] == eid]
    # the day of 002, the END of July of 003 and the month of 000 are one event with the finest date
    assert {"002_7bba44013deafea9", "003_af65a620f0aac1dc", "000_bf399d3b808e486a"} <= set(m["doc_id"])
    assert {"2025-07-31", "2025-07"} <= set(m["value"])
    assert "END" in set(m["mod"].dropna())
    assert ev["mod"].isna().all() and ev["grain"].iloc[0] == "day"


def test_relation_dates_the_withdrawal_two_days_before_the_visit(seeds_tl):
    ev = seeds_tl.events[seeds_tl.events["date"] == "2026-01-26"]
    assert len(ev) == 1 and "القامشلي" in ev["summary"].iloc[0]
    row = seeds_tl.mentions[seeds_tl.mentions["event_id"] == ev["event_id"].iloc[0]].iloc[0]
    assert row["type"] == "DURATION" and row["value"] == "P2D" and "2026-01-28" in row["relation"]


def test_year_aside_is_not_glued_to_a_precise_event(seeds_tl):
    year = seeds_tl.events[seeds_tl.events["date"] == "2025"]
    assert len(year) == 1 and year["n_mentions"].iloc[0] == 1
    assert year["sources"].iloc[0] == "001_43e5950260ed42f3"


def test_order_is_chronological_and_coarser_after_finer(seeds_tl):
    ev = seeds_tl.events
    keys = list(zip(ev["first_day"], ev["last_day"]))
    assert keys == sorted(keys)
    oct_ = ev[ev["first_day"] == "2025-10-01"]
    assert list(oct_["last_day"]) == sorted(oct_["last_day"])


def test_same_input_same_output(gold_tagger, gold_tl):
    again = timeline.build([SEEDS], tagger=gold_tagger)
    assert again.events.equals(gold_tl.events) and again.mentions.equals(gold_tl.mentions)


def test_every_offset_points_into_the_original_text(seeds_tl):
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for r in seeds_tl.mentions.itertuples():
        assert texts[r.doc_id][r.start:r.end] == r.text
    for c in seeds_tl.clauses.itertuples():
        assert texts[c.doc_id][c.start:c.end] == c.text
        assert texts[c.doc_id][c.expr_start:c.expr_end] == c.expression


def test_every_expression_is_accounted_for(seeds_tl):
    from resolvers import tag
    for d in seeds_tl.documents.itertuples():
        text = (SEEDS / f"{d.doc_id}.txt").read_text(encoding="utf-8")
        n = len(tag(text, d.published))
        assert d.found == n == d.resolved + d.flagged + d.unresolved
    m = seeds_tl.mentions
    unplaced = m[m["event_id"].isna()]
    assert (unplaced["note"].str.len() > 0).all(), "an expression left off the timeline must say why"
    vague = m[m["value"].fillna("").str.endswith("_REF")]
    assert len(vague) and vague["event_id"].isna().all()
    assert set(seeds_tl.events["n_mentions"]) and seeds_tl.events["n_mentions"].sum() == len(seeds_tl.clauses)


def test_writes_all_outputs(seeds_tl, tmp_path):
    paths = seeds_tl.write(tmp_path)
    raw = (tmp_path / "events.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(open(tmp_path / "events.csv", encoding="utf-8-sig")))
    assert [r["event_id"] for r in rows] == list(seeds_tl.events["event_id"])
    assert set(timeline.EVENT_COLUMNS) <= set(rows[0])
    assert any("موسكو" in r["summary"] for r in rows)
    mrows = list(csv.DictReader(open(tmp_path / "mentions.csv", encoding="utf-8-sig")))
    assert len(mrows) == len(seeds_tl.mentions)
    data = json.loads((tmp_path / "timeline.json").read_text(encoding="utf-8"))
    assert len(data["events"]) == len(rows) and all(e["mentions"] for e in data["events"])
    rep = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert rep["totals"]["articles_read"] == 5 and len(rep["documents"]) == 5
    assert rep["totals"]["expressions_found"] == sum(d["found"] for d in rep["documents"])
    page = (tmp_path / "timeline.html").read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=[\"']?https?:", page), "the page must not load scripts from the network"
    assert "Plotly.react" in page and 'id="timeline-data"' in page and '<input type="search"' in page
    assert 1_000_000 < len(page.encode()) < 2_000_000      # plotly.js's basic bundle and the seeds' data
    assert not list(tmp_path.glob(".*.tmp"))
    assert set(paths) == {"events", "mentions", "json", "timelinejs", "flat", "html", "report"}


def test_figure_has_one_marker_per_event(seeds_tl):
    fig = seeds_tl.figure()
    markers = sum(len(t.x) for t in fig.data if t.mode == "markers")
    assert markers == len(seeds_tl.events)
    assert fig.layout.xaxis.rangeslider.visible
    hovers = [c[0] for t in fig.data if t.mode == "markers" for c in t.customdata]
    assert any("القامشلي" in h for h in hovers)


def test_scorer_exits_zero():
    if not SCORER.exists():
        pytest.skip(f"scorer not found at {SCORER}")
    r = subprocess.run([sys.executable, str(SCORER), "-q"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_no_clock_in_the_code():
    hits = []
    for pkg in ("timeline", "resolvers"):
        for p in sorted((ROOT / pkg).rglob("*.py")):
            for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
                if re.search(r"\b(now|today|utcnow)\(", line):
                    hits.append(f"{p.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not hits, "clock calls:\n" + "\n".join(hits)


# --- mentions: sentences, groups, relations, undated documents (hand-made expressions) -----------------

def test_segments_split_on_arabic_punctuation_not_decimals():
    text = "وصل الوفد اليوم. ثم غادر؟ نعم! بلغ 3.5 مليار؛ وانتهى\nعنوان.. آخر"
    parts = [text[s:e].strip() for s, e in segments(text)]
    assert parts == ["وصل الوفد اليوم", "ثم غادر", "نعم", "بلغ 3.5 مليار", "وانتهى", "عنوان.. آخر"]


def test_compatible_dates_of_one_sentence_make_one_mention():
    doc = 'وقال الكرملين: "في 15 أكتوبر (تشرين الأول الجاري)، سيجري بوتين محادثات مع الشرع".'
    tx = [timex("15 أكتوبر", doc, "2025-10-15"), timex("تشرين الأول الجاري", doc, "2025-10")]
    rows, ms = extract("d", doc, dt.date(2025, 10, 15), tx)
    assert len(ms) == 1 and ms[0].value == "2025-10-15"
    assert rows[0]["mention"] == rows[1]["mention"] == 0 and "same clause" in rows[1]["note"]
    assert "أكتوبر" not in ms[0].summary and "بوتين" in ms[0].summary


def test_incompatible_dates_of_one_sentence_keep_their_clauses():
    doc = "زار الوزير دمشق في 3 مارس، ثم عاد إلى عمان في 9 أبريل."
    tx = [timex("3 مارس", doc, "2025-03-03"), timex("9 أبريل", doc, "2025-04-09")]
    _, ms = extract("d", doc, dt.date(2025, 5, 1), tx)
    assert [m.value for m in ms] == ["2025-03-03", "2025-04-09"]
    assert "دمشق" in ms[0].text and "عمان" not in ms[0].text and "عمان" in ms[1].text


def test_a_vague_stretch_is_its_own_mention_not_the_clause_of_the_day_it_holds():
    # «السنوات المقبلة» (2015/2025) holds «أمس», but dates the forecast, not the training of yesterday
    doc = "وأجرى الفريق مناورة مساء أمس، ويعول النادي على المهاجم في السنوات المقبلة."
    vague = Timex("السنوات المقبلة", doc.index("السنوات"), doc.index("السنوات") + 15, "DATE", "2015/2025", "APPROX",
                  dt.date(2015, 1, 1), dt.date(2025, 12, 31), "year")
    tx = [timex("مساء أمس", doc, "2015-07-22"), vague]
    rows, ms = extract("d", doc, dt.date(2015, 7, 23), tx)
    assert [(m.value, m.mod) for m in ms] == [("2015-07-22", None), ("2015/2025", "APPROX")]
    assert rows[0]["mention"] == 0 and rows[1]["mention"] == 1 and "same clause" not in (rows[1]["note"] or "")


@pytest.mark.parametrize("sentence, dur, value, expect", [
    ("وتأتي الزيارة بعد مرور يومين فقط على سحب القوات من المطار.", "يومين", "P2D", "2026-01-26"),
    ("وجاء الاتفاق بعد ثلاثة أسابيع من انهيار الهدنة.", "ثلاثة أسابيع", "P3W", "2026-01-07"),
    ("وجاءت الزيارة قبل يومين من انعقاد القمة.", "يومين", "P2D", "2026-01-30"),
    ("وأعلن الاتفاق عقب شهرين من المفاوضات.", "شهرين", "P2M", "2025-11"),
])
def test_relation_with_duration_and_the_article_today(sentence, dur, value, expect):
    doc = "وصل الرئيس اليوم إلى موسكو.\n" + sentence
    tx = [timex("اليوم", doc, "2026-01-28"), timex(dur, doc, value, "DURATION")]
    rows, ms = extract("d", doc, dt.date(2026, 1, 28), tx)
    rel = [m for m in ms if m.relation]
    assert len(rel) == 1 and rel[0].value == expect
    assert rows[1]["mention"] is not None and rows[1]["relation"]
    assert dur not in rel[0].text and rel[0].text.split()[0] in sentence


def test_relation_reference_in_the_same_sentence():
    doc = "وقعت الاشتباكات في 10 مارس 2024 بعد يومين من اغتيال القائد."
    tx = [timex("10 مارس 2024", doc, "2024-03-10"), timex("يومين", doc, "P2D", "DURATION")]
    _, ms = extract("d", doc, dt.date(2025, 1, 1), tx)
    by_value = {m.value: m for m in ms}
    assert set(by_value) == {"2024-03-10", "2024-03-08"}
    assert "اغتيال" in by_value["2024-03-08"].text and "اغتيال" not in by_value["2024-03-10"].text


def test_relation_without_reference_stays_a_duration():
    doc = "وجاء الاتفاق بعد يومين من انهيار الهدنة."
    tx = [timex("يومين", doc, "P2D", "DURATION")]
    rows, ms = extract("d", doc, dt.date(2026, 1, 28), tx)
    assert ms == [] and rows[0]["mention"] is None and "without a dated reference" in rows[0]["note"]


def test_bare_cue_dates_on_or_before_the_reference_but_not_athar():
    doc = "اعتقل المشتبه به في 5 مايو 2025 إثر مشاجرة في السوق. وكان لذلك أثر كبير في 6 مايو 2025 على الناس."
    tx = [timex("5 مايو 2025", doc, "2025-05-05"), timex("6 مايو 2025", doc, "2025-05-06")]
    rows, ms = extract("d", doc, dt.date(2025, 6, 1), tx)
    rel = [m for m in ms if m.relation]
    assert len(rel) == 1 and rel[0].mod == "ON_OR_BEFORE" and "مشاجرة" in rel[0].text
    assert rows[-1]["kind"] == "relation" and rows[-1]["text"] == "إثر"


def test_undated_document_leaves_relative_expressions_unresolved():
    doc = "وصل الوفد اليوم، بعد زيارة سابقة في 15 أكتوبر 2024."

    def tagger(text, anchor):
        a = dt.date.fromisoformat(str(anchor))
        return [Timex("اليوم", 9, 14, "DATE", a.isoformat(), None, a, a, "day"),
                timex("15 أكتوبر 2024", doc, "2024-10-15")]
    tx = tag_document(doc, None, tagger)
    assert tx[0].status == "unresolved" and "no publication date" in tx[0].reason and tx[0].value is None
    assert tx[1].status == "resolved" and tx[1].value == "2024-10-15"
    tl = timeline.build([timeline.Document("u", doc, None)], tagger=tagger)
    assert list(tl.events["date"]) == ["2024-10-15"]
    d = tl.documents.iloc[0]
    assert (d.found, d.unresolved, d.placed) == (2, 1, 1)


def test_hover_lines_wrap_greedily_at_spaces():
    from timeline.plot import _wrap
    text = "اجتمع وزير الخارجية مع نظيره الروسي في موسكو لبحث الأزمة السورية وتطوراتها الأخيرة"
    lines = _wrap(text, 20)
    assert " ".join(lines) == text
    assert all(len(x) <= 20 for x in lines)
    # greedy: no line could have taken the next line's first word
    assert all(len(a) + 1 + len(b.split()[0]) > 20 for a, b in zip(lines, lines[1:]))
    assert _wrap("", 20) == [] and _wrap("كلمةطويلةجدا" * 3, 5) == ["كلمةطويلةجدا" * 3]


def test_records_are_plain_python_values():
    import numpy as np
    import pandas as pd
    from timeline.export import records
    df = pd.DataFrame({"s": pd.array(["أ", None], dtype="string"), "i": [1, 2], "f": [0.5, np.nan],
                       "o": pd.Series([np.int64(3), None], dtype=object)})
    got = records(df)
    assert got == [{"s": "أ", "i": 1, "f": 0.5, "o": 3}, {"s": None, "i": 2, "f": None, "o": None}]
    assert [type(r["i"]) for r in got] == [int, int] and type(got[0]["o"]) is int
    assert records(df.iloc[:0]) == []

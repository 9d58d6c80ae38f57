"""According to whom: outlets, titles and URLs through every output; salience; the TimelineJS 3 and
flat (Flourish) exports, checked against what those formats require."""
from __future__ import annotations

import calendar
import csv
import datetime as dt
import json

import pytest

import timeline
from timeline.documents import Document, url_host
from timeline.formats import interval_precision, precision, timelinejs, value_precision
from timeline.pipeline import salience

D = dt.date


def _docs():
    day = D(2015, 8, 11)
    return [
        Document("a1", "يلتقي فريقا الهلال والنصر غداً الأربعاء في كأس السوبر السعودي على ملعب لوفتس رود في لندن.",
                 day, title="السوبر في لندن", url="http://www.alriyadh.com/1", outlet="alriyadh"),
        Document("b1", "تقام مباراة كأس السوبر السعودي بين الهلال والنصر غدا الأربعاء على ملعب لوفتس رود بلندن.",
                 day, title="الهلال والنصر", url="https://sabq.org/x", outlet="sabq"),
        Document("c1", "تراجعت أسعار الذهب في أغسطس الماضي إلى أدنى مستوى.", D(2015, 9, 3),
                 title="الذهب", url="https://www.aleqt.com/y", source="wire"),
        Document("d1", "وقال المتحدث إن الاجتماع سيعقد في عام 2016 في الرياض.", D(2015, 9, 3)),
    ]


@pytest.fixture(scope="module")
def tl():
    return timeline.build(_docs(), workers=1)


def test_outlet_falls_back_to_source_then_url_host():
    assert Document("x", "t", None, outlet="okaz", source="s", url="http://www.a.com").publisher == "okaz"
    assert Document("x", "t", None, source="wire", url="http://www.a.com").publisher == "wire"
    assert Document("x", "t", None, url="http://www.a.com/p").publisher == "a.com"
    assert Document("x", "t", None).publisher is None
    assert url_host("not a url") is None and url_host("https://[bad") is None


def test_outlets_titles_urls_reach_mentions_events_and_json(tl, tmp_path):
    m = tl.mentions
    assert list(m.columns[:5]) == ["mention_id", "doc_id", "outlet", "title", "url"]
    row = m[m["doc_id"] == "b1"].iloc[0]
    assert (row["outlet"], row["title"], row["url"]) == ("sabq", "الهلال والنصر", "https://sabq.org/x")
    assert set(m[m["doc_id"] == "c1"]["outlet"]) == {"wire"}
    cup = tl.events[tl.events["sources"] == "a1;b1"]
    assert len(cup) == 1, tl.events[["date", "sources", "summary"]]
    cup = cup.iloc[0]
    assert cup["date"] == "2015-08-12" and cup["outlets"] == "alriyadh;sabq" and cup["n_outlets"] == 2
    lone = tl.events[tl.events["sources"] == "d1"].iloc[0]
    assert lone["outlets"] == "" and lone["n_outlets"] == 1      # an unnamed outlet counts as one
    tl.write(tmp_path)
    data = json.loads((tmp_path / "timeline.json").read_text(encoding="utf-8"))
    ev = next(e for e in data["events"] if e["event_id"] == cup["event_id"])
    assert ev["outlets"] == ["alriyadh", "sabq"]
    arts = {(x["outlet"], x["title"], x["url"], x["published"]) for x in ev["mentions"]}
    assert arts == {("alriyadh", "السوبر في لندن", "http://www.alriyadh.com/1", "2015-08-11"),
                    ("sabq", "الهلال والنصر", "https://sabq.org/x", "2015-08-11")}
    rows = list(csv.DictReader(open(tmp_path / "mentions.csv", encoding="utf-8-sig")))
    assert {r["outlet"] for r in rows if r["doc_id"] == "a1"} == {"alriyadh"}


def test_salience_formula():
    assert salience(1, 1, 1, 1) == 2.0
    assert salience(2, 2, 1, 2) == round(2 * 1.584963 + 1 + 0 + 0.5, 3)
    # five outlets once each outrank one outlet ten times
    assert salience(5, 5, 1, 5) > salience(1, 10, 1, 10)
    # reported over more days: more salient
    assert salience(3, 3, 3, 3) > salience(3, 3, 1, 3)


def test_events_carry_salience_in_timeline_order(tl):
    ev = tl.events
    assert list(ev["first_day"]) == sorted(ev["first_day"])
    cup = ev[ev["sources"] == "a1;b1"].iloc[0]
    assert cup["salience"] == salience(2, 2, 1, 2) and cup["salience"] > ev["salience"].min()


@pytest.mark.parametrize("value, want", [
    ("2015", "year"), ("2015-08", "month"), ("2015-Q3", "month"), ("2015-SU", "month"), ("2015-H2", "month"),
    ("2015-08-12", "day"), ("2015-W33", "day"), ("2015-08-12TEV", "day"), ("201", "year"),
    ("2015-08-12/2015-08-13", "day"), ("2015-07/2015-08-13", "month"), ("2014/2015-03", "year")])
def test_value_precision(value, want):
    assert value_precision(value) == want


def test_precision_never_invents_a_day():
    assert interval_precision(D(2015, 8, 12), D(2015, 8, 12)) == "day"
    assert interval_precision(D(2015, 8, 1), D(2015, 8, 31)) == "month"
    assert interval_precision(D(2015, 7, 1), D(2015, 9, 30)) == "month"
    assert interval_precision(D(2015, 1, 1), D(2015, 12, 31)) == "year"
    assert interval_precision(D(2010, 1, 1), D(2019, 12, 31)) == "year"
    assert interval_precision(D(2015, 8, 12), D(2015, 8, 13)) == "day"
    assert interval_precision(D(2015, 8, 10), D(2015, 8, 16)) == "day"      # a week: its days
    # «مطلع أغسطس» (2015-08 START over the days 1-10): month, not 1 August
    assert precision(D(2015, 8, 1), D(2015, 8, 10), "2015-08") == "month"
    assert precision(D(2015, 9, 1), D(2015, 12, 31), "2015") == "year"       # «نهاية 2015»


def _check_tjs_date(d: dict, prec: str):
    """What TimelineJS 3 requires of a date: a year; a month 1-12 only with a year; a day only with
    a month and valid for it; nothing finer than the event knows."""
    assert set(d) <= {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date"}
    year = int(d["year"])
    assert 1 <= year <= 9999
    if "month" in d:
        assert 1 <= int(d["month"]) <= 12
    if "day" in d:
        assert "month" in d and 1 <= int(d["day"]) <= calendar.monthrange(year, int(d["month"]))[1]
    want = {"year": {"year"}, "month": {"year", "month"}, "day": {"year", "month", "day"}}[prec]
    assert set(d) == want


def _as_date(d: dict, end: bool = False) -> D:
    y, m = int(d["year"]), int(d.get("month", 12 if end else 1))
    day = int(d.get("day", calendar.monthrange(y, m)[1] if end else 1))
    return D(y, m, day)


def check_timelinejs(doc: dict, events: list[dict]):
    """``doc`` is valid TimelineJS 3 JSON for ``events`` (Timeline.to_dict()["events"])."""
    assert isinstance(doc["events"], list) and doc["events"]
    assert doc["title"]["text"]["headline"]
    by_id = {e["event_id"]: e for e in events}
    ids = [s["unique_id"] for s in doc["events"]]
    assert len(ids) == len(set(ids)) and set(ids) <= set(by_id)
    for s in doc["events"]:
        ev = by_id[s["unique_id"]]
        first, last = D.fromisoformat(ev["first_day"]), D.fromisoformat(ev["last_day"])
        prec = precision(first, last, ev["date"])
        _check_tjs_date(s["start_date"], prec)
        assert _as_date(s["start_date"]) <= first <= _as_date(s["start_date"], end=True)
        if "end_date" in s:
            _check_tjs_date(s["end_date"], prec)
            assert _as_date(s["start_date"]) < _as_date(s["end_date"])
            assert _as_date(s["end_date"]) <= last <= _as_date(s["end_date"], end=True)
        else:
            assert last <= _as_date(s["start_date"], end=True)
        assert s["text"]["headline"] and s["text"]["text"] and s["group"] and s["display_date"]


def test_timelinejs_is_valid_and_not_more_precise_than_the_event(tl, tmp_path):
    tl.write(tmp_path)
    doc = json.loads((tmp_path / "timelinejs.json").read_text(encoding="utf-8"))
    events = tl.to_dict()["events"]
    check_timelinejs(doc, events)
    assert len(doc["events"]) == len(events)
    by_id = {s["unique_id"]: s for s in doc["events"]}
    cup = tl.events[tl.events["sources"] == "a1;b1"].iloc[0]
    slide = by_id[cup["event_id"]]
    assert slide["start_date"] == {"year": "2015", "month": "8", "day": "12"} and "end_date" not in slide
    assert "غداً الأربعاء" in slide["display_date"] and "https://sabq.org/x" in slide["text"]["text"]
    gold = tl.events[tl.events["sources"] == "c1"].iloc[0]
    assert by_id[gold["event_id"]]["start_date"] == {"year": "2015", "month": "8"}
    year = tl.events[tl.events["date"] == "2016"].iloc[0]
    assert by_id[year["event_id"]]["start_date"] == {"year": "2016"}


def test_timelinejs_keeps_the_most_salient_in_order():
    events = [{"event_id": f"E{i}", "first_day": f"2015-08-{i:02d}", "last_day": f"2015-08-{i:02d}",
               "date": f"2015-08-{i:02d}", "mod": None, "summary": f"حدث {i}", "salience": float(i % 4),
               "expressions": "اليوم", "n_sources": 1, "mentions": []} for i in range(1, 21)]
    doc = timelinejs({"events": events}, limit=5)
    ids = [s["unique_id"] for s in doc["events"]]
    assert ids == ["E3", "E7", "E11", "E15", "E19"]          # salience 3, timeline order kept
    assert "5" in doc["title"]["text"]["text"] and "20" in doc["title"]["text"]["text"]
    check_timelinejs(doc, events)


def test_timelinejs_escapes_article_markup():
    ev = {"event_id": "E1", "first_day": "2015-08-01", "last_day": "2015-08-01", "date": "2015-08-01", "mod": None,
          "summary": "<img src=x onerror=alert(1)> خبر", "salience": 2.0, "expressions": "أمس", "n_sources": 1,
          "mentions": [{"doc_id": "d", "outlet": "<b>o</b>", "title": "t\"", "url": "http://a/\"><script>"}]}
    s = timelinejs({"events": [ev]})["events"][0]
    assert "<img" not in s["text"]["headline"] and "<img" not in s["text"]["text"]
    assert "<script>" not in s["text"]["text"] and "<b>o" not in s["text"]["text"]


def test_flat_csv_for_flourish(tl, tmp_path):
    tl.write(tmp_path)
    rows = list(csv.DictReader(open(tmp_path / "events_flat.csv", encoding="utf-8-sig")))
    assert [r["event_id"] for r in rows] == list(tl.events["event_id"])
    by_src = dict(zip(tl.events["sources"], tl.events["event_id"]))
    cup = next(r for r in rows if r["event_id"] == by_src["a1;b1"])
    assert (cup["start"], cup["end"], cup["date_precision"]) == ("2015-08-12", "2015-08-12", "day")
    assert cup["outlets"] == "alriyadh | sabq" and cup["n_sources"] == "2"
    assert set(cup["source_urls"].split(" | ")) == {"http://www.alriyadh.com/1", "https://sabq.org/x"}
    assert cup["title"] and cup["text"]
    gold = next(r for r in rows if r["event_id"] == by_src["c1"])
    assert (gold["start"], gold["end"], gold["date_precision"]) == ("2015-08-01", "2015-08-31", "month")


@pytest.mark.slow
def test_the_real_build_exports(corpus_build):
    """On the 5,000 real articles: timelinejs.json is valid TimelineJS 3 for its 500 most salient
    events, and events_flat.csv has one row per event with a precision no finer than the event's."""
    data = json.loads((corpus_build / "timeline.json").read_text(encoding="utf-8"))
    doc = json.loads((corpus_build / "timelinejs.json").read_text(encoding="utf-8"))
    check_timelinejs(doc, data["events"])
    assert len(doc["events"]) == 500 < len(data["events"])
    least = min(e["salience"] for e in data["events"] if e["event_id"] in {s["unique_id"] for s in doc["events"]})
    assert sum(e["salience"] > least for e in data["events"]) < 500
    rows = list(csv.DictReader(open(corpus_build / "events_flat.csv", encoding="utf-8-sig")))
    assert [r["event_id"] for r in rows] == [e["event_id"] for e in data["events"]]
    by_id = {e["event_id"]: e for e in data["events"]}
    for r in rows:
        ev = by_id[r["event_id"]]
        assert (r["start"], r["end"]) == (ev["first_day"], ev["last_day"])
        assert r["date_precision"] == precision(D.fromisoformat(ev["first_day"]), D.fromisoformat(ev["last_day"]),
                                                ev["date"])
    assert sum(r["date_precision"] == "day" for r in rows) > 1000 and any(r["source_urls"] for r in rows)

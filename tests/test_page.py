"""What the page holds (timeline/page.py), without a browser: a bounded number of events, the most
salient; sentences cut around their date expression with the right offsets; article text that
cannot close the data's script element; the corpus's real span."""
from __future__ import annotations

import json
import re

import pandas as pd

from timeline.page import _cut, _script_json, _span, page_data, render


def _event(k: int, salience: float, day: str = "2015-08-01", text: str = "وقال الوزير أمس إن الاجتماع انتهى"):
    return {"event_id": f"E{k:04d}", "date": day, "mod": None, "first_day": day, "last_day": day, "grain": "day",
            "summary": f"خبر {k}", "sources": [f"d{k}"], "n_sources": 1, "n_mentions": 1, "expressions": "أمس",
            "outlets": ["okaz"], "n_outlets": 1, "salience": salience,
            "mentions": [{"doc_id": f"d{k}", "start": 100, "end": 100 + len(text), "text": text,
                          "expr_start": 100 + text.index("أمس"), "expr_end": 100 + text.index("أمس") + 3,
                          "expression": "أمس"}],
            "why": {"links": [], "alone": "…"}}


def _docs(n: int, published=("2015-08-02",)):
    return pd.DataFrame({"doc_id": [f"d{k}" for k in range(n)], "status": "read", "outlet": "okaz",
                         "title": [f"عنوان {k}" for k in range(n)], "url": "http://okaz.com.sa/x",
                         "published": [published[k % len(published)] for k in range(n)]})


def test_the_page_holds_the_most_salient_events_in_timeline_order():
    events = [_event(k, float(k % 7)) for k in range(50)]
    p = page_data({"events": events, "totals": {"articles_read": 50}}, _docs(50), limit=10)
    assert p["total"] == 50 and p["held"] == 10 == len(p["events"])
    held = [e["i"] for e in p["events"]]
    assert held == sorted(held)                                   # timeline order kept
    assert {e["sa"] for e in p["events"]} == {6.0, 5.0}          # salience 6 (7 events), then 5
    assert p["outlets"] == ["okaz"] and all(e["o"] == [0] for e in p["events"])
    first = p["events"][0]
    k = int(first["i"][1:])
    assert p["docs"][first["x"][0][0]] == [f"d{k}", 0, f"عنوان {k}", "http://okaz.com.sa/x", "2015-08-02"]
    assert p["docs"][first["d"][0]][0] == f"d{k}"


def test_sentences_keep_the_highlight_on_the_date_expression():
    long = "كلمة " * 80 + "وأعلنت الوزارة أمس الأحد عن المشروع " + "أخرى " * 80
    hs = long.index("أمس الأحد")
    text, a, b = _cut(long, hs, hs + len("أمس الأحد"), limit=120)
    assert text[a:b] == "أمس الأحد" and len(text) <= 130 and text.startswith("… ") and text.endswith(" …")
    short = "وقال أمس"
    assert _cut(short, 5, 8) == (short, 5, 8)
    p = page_data({"events": [_event(1, 2.0, text=long)], "totals": {}}, _docs(2))
    s, x0, x1 = p["events"][0]["x"][0][1:]
    assert s[x0:x1] == "أمس"


def test_article_text_cannot_close_the_script_element():
    ev = _event(1, 2.0)
    ev["summary"] = "</script><script>alert(1)</script> <!-- خبر"
    page = render(page_data({"events": [ev], "totals": {}}, _docs(2)))
    data = re.search(r'<script id="timeline-data" type="application/json">(.*?)</script>', page, re.S).group(1)
    assert "<" not in data and ">" not in data
    assert json.loads(data)["events"][0]["s"] == ev["summary"]
    assert "<script>alert" not in page and "<!-- خبر" not in page
    assert json.loads(_script_json({"a": "\u2028x&"})) == {"a": "\u2028x&"}


def test_the_span_is_the_articles_dates_without_outliers():
    days = ["2015-07-%02d" % d for d in range(10, 31)] * 10 + ["1615-01-01", "3415-01-01"]
    lo, hi = _span({"published": days}, [])
    assert (lo, hi) == ("2015-07-10", "2015-07-30")
    assert _span({"published": [None]}, [_event(1, 2.0, "2015-08-04")]) == ("2015-08-04", "2015-08-04")
    assert _span({"published": []}, []) == (None, None)

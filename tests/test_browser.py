"""The page in a real headless Chromium (Playwright): it loads offline with no console error, its
labels and markers never overlap, the search field and the filters narrow the chart and the list,
a click lists the event's articles with titles and outlets, a hover shows no HTML entity.
Screenshots: test-artifacts/timeline.png (the seeds) and test-artifacts/timeline-big.png (the
5,000 real articles)."""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
from pathlib import Path

import pytest

import timeline
from timeline.page import LIMIT

from conftest import ROOT, SEEDS

pytestmark = pytest.mark.browser
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
POINTS = "#chart .scatterlayer .trace .points path.point"
MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر",
          "ديسمبر")
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not (shutil.which(CHROMIUM) or Path(CHROMIUM).is_file()):
        pytest.skip(f"no Chromium executable at {CHROMIUM} (apt-get install chromium, or set CHROMIUM)")
    with sync_api.sync_playwright() as p:
        # launch() (not launch_persistent_context) runs on a fresh temporary profile every time
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def open_page(browser, path: Path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route("http*://**", lambda route: (errors.append(f"network request: {route.request.url}"), route.abort()))
    page.goto(path.as_uri())
    page.wait_for_selector(POINTS, timeout=60_000)
    return page, errors


def boxes(page, selector: str) -> list[dict]:
    return [b for b in (el.bounding_box() for el in page.query_selector_all(selector)) if b]


def overlapping(bs: list[dict], slack: float = 0.5) -> list[tuple]:
    out = []
    for i, a in enumerate(bs):
        for b in bs[i + 1:]:
            if (a["x"] + slack < b["x"] + b["width"] and b["x"] + slack < a["x"] + a["width"]
                    and a["y"] + slack < b["y"] + b["height"] and b["y"] + slack < a["y"] + a["height"]):
                out.append((a, b))
    return out


def drawn(page) -> list[str]:
    return page.evaluate("timelinePage.state.drawn.map(function (p) { return p.e.i; })")


def listed(page) -> list[str]:
    return page.evaluate("Array.prototype.map.call(document.querySelectorAll('#list li'), "
                         "function (li) { return li.dataset.event; })")


def hover_text(page, event_id: str) -> str:
    """Move the mouse over the marker of ``event_id`` and return the hover label's text."""
    k = drawn(page).index(event_id)
    pos = page.evaluate("""(k) => { var gd = document.getElementById('chart'), p = timelinePage.state.drawn[k];
        var fl = gd._fullLayout, xa = fl.xaxis, ya = fl.yaxis, r = gd.getBoundingClientRect();
        return [r.left + fl._size.l + xa.l2p(p.mid * 864e5), r.top + fl._size.t + ya.l2p(p.lane)]; }""", k)
    page.mouse.move(pos[0], pos[1])
    page.wait_for_timeout(250)
    return page.text_content(".hoverlayer") or ""


def test_seed_page(browser, tmp_path):
    tl = timeline.build([SEEDS])
    html = tl.to_html(tmp_path / "timeline.html")
    page, errors = open_page(browser, html)
    ids = drawn(page)
    in_view = page.evaluate("timelinePage.state.matches.filter(function (e) { return e.ld + 1 > "
                            "timelinePage.state.view[0] && e.fd < timelinePage.state.view[1]; }).length")
    assert len(ids) == in_view >= 10, "a 14-event timeline shows every event of its first view"
    assert len(page.query_selector_all(POINTS)) == len(ids)
    labels = boxes(page, "#chart .annotation")
    assert len(labels) == len(ids) and overlapping(labels) == []
    target = tl.events.loc[tl.events["date"] == "2026-01-26"].iloc[0]
    text = hover_text(page, target["event_id"])
    assert target["summary"].split()[0] in text and "26 يناير 2026" in text
    ticks = " ".join(t.text_content() for t in page.query_selector_all("#chart .xtick text"))
    assert any(m in ticks for m in MONTHS), ticks
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "timeline.png"))
    assert (ARTIFACTS / "timeline.png").stat().st_size > 10_000
    assert errors == []
    page.close()


def test_many_events_stay_readable(browser, tmp_path):
    docs = [timeline.Document(f"d{k:04d}", f"خبر رقم {k} عن موضوع {k % 97} في مدينة {k % 13}", dt.date(2020, 1, 1)
                              + dt.timedelta(days=k % 1500)) for k in range(1200)]

    def tagger(text, anchor):
        from resolvers.types import Timex
        a = dt.date.fromisoformat(str(anchor))
        return [Timex("رقم", 4, 7, "DATE", a.isoformat(), None, a, a, "day")]
    tl = timeline.build(docs, tagger=tagger)
    page, errors = open_page(browser, tl.to_html(tmp_path / "big.html"))
    n = len(page.query_selector_all(POINTS))
    assert 20 <= n < len(tl.events) and n == len(drawn(page))
    labels = boxes(page, "#chart .annotation")
    assert len(labels) == n and overlapping(labels) == []
    assert overlapping(boxes(page, POINTS)) == []
    assert errors == []
    page.close()


# --- the 5,000 real articles ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def big(corpus_build, browser):
    page, errors = open_page(browser, corpus_build / "timeline.html")
    data = json.loads((corpus_build / "timeline.json").read_text(encoding="utf-8"))
    yield page, errors, {e["event_id"]: e for e in data["events"]}
    page.close()


def page_fold(s: str) -> str:
    """The page's folding (assets/page.js: fold), for checking what its search finds."""
    s = re.sub("[\u064b-\u065f\u0670\u0640]", "", s or "")
    for a, b in (("أإآٱ", "ا"), ("ى", "ي"), ("ة", "ه"), ("ؤئ", "ء")):
        s = re.sub(f"[{a}]", b, s)
    return s.lower()


def _contains(ev: dict, word: str) -> bool:
    hay = " ".join([ev["summary"] or "", ev["expressions"] or "", " ".join(ev["outlets"])]
                   + [m["text"] + " " + (m.get("title") or "") for m in ev["mentions"]])
    return page_fold(word) in page_fold(hay)


@pytest.mark.slow
def test_big_page_is_bounded_and_readable(big, corpus_build):
    page, errors, events = big
    size = (corpus_build / "timeline.html").stat().st_size
    assert size <= 10 * 1024 * 1024, f"{size / 1e6:.1f} MB"
    held = page.evaluate("timelinePage.events.length")
    assert held == min(LIMIT, len(events))
    said = page.text_content("#counts")
    assert str(len(events)) in said and str(len(events) - held) in said
    ids = drawn(page)
    assert 30 <= len(ids) <= 200, len(ids)
    labels = boxes(page, "#chart .annotation")
    assert len(labels) == len(ids) and overlapping(labels) == []
    assert overlapping(boxes(page, POINTS)) == []
    # the first view and the buttons follow the articles' span (July-August 2015), not the outliers
    view = page.evaluate("timelinePage.state.view.map(function (x) { return new Date(x * 864e5).toISOString(); })")
    assert view[0][:7] in ("2015-07",) and view[1][:7] in ("2015-08",), view
    ticks = " ".join(t.text_content() for t in page.query_selector_all("#chart .xtick text"))
    assert "يوليو" in ticks and "أغسطس" in ticks
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "timeline-big.png"))
    assert errors == []


@pytest.mark.slow
def test_big_page_search_narrows_chart_and_list(big):
    page, errors, events = big
    before_list = page.text_content("#nmatch")
    word = "السوبر"
    page.fill("#q", word)
    page.wait_for_timeout(600)
    ids, rows = drawn(page), listed(page)
    assert ids and rows and before_list != page.text_content("#nmatch")
    for i in set(ids) | set(rows):
        assert _contains(events[i], word), (i, events[i]["summary"])
    # folded: the hamza-less spelling finds the same events as the written one
    page.fill("#q", "الاتحاد السعودي")
    page.wait_for_timeout(600)
    plain = sorted(page.evaluate("timelinePage.state.matches.map(function (e) { return e.i; })"))
    page.fill("#q", "الإتحاد السعودى")
    page.wait_for_timeout(600)
    assert sorted(page.evaluate("timelinePage.state.matches.map(function (e) { return e.i; })")) == plain and plain
    page.fill("#q", "")
    page.wait_for_timeout(400)
    assert errors == []


@pytest.mark.slow
def test_big_page_filters(big):
    page, errors, events = big
    page.fill("#minsrc", "5")
    page.wait_for_timeout(600)
    assert all(events[i]["n_sources"] >= 5 for i in drawn(page) + listed(page)) and listed(page)
    outlet = page.evaluate("document.querySelector('#outlet option:nth-child(2)').value")
    name = page.evaluate("timelinePage.state && document.querySelector('#outlet option:nth-child(2)').textContent")
    page.select_option("#outlet", outlet)
    page.wait_for_timeout(600)
    for i in drawn(page) + listed(page):
        assert name.split(" (")[0] in events[i]["outlets"]
    page.click("#reset")
    page.wait_for_timeout(600)
    page.select_option("#grain", "day")
    page.wait_for_timeout(600)
    assert all(events[i]["first_day"] == events[i]["last_day"] for i in drawn(page) + listed(page))
    page.click("#reset")
    page.wait_for_timeout(600)
    page.click("#ranges button[data-days='7']")
    page.wait_for_timeout(600)
    view = page.evaluate("timelinePage.state.view.map(function (x) { return new Date(x * 864e5).toISOString(); })")
    assert view[1][:10] == "2015-08-12" and view[0][:10] == "2015-08-05", view
    assert all(events[i]["last_day"] >= "2015-08-05" and events[i]["first_day"] <= "2015-08-11"
               for i in drawn(page))
    page.click("#reset")
    page.wait_for_timeout(600)
    assert errors == []


@pytest.mark.slow
def test_big_page_click_lists_articles_and_hover_has_no_entities(big):
    page, errors, events = big
    rows = listed(page)
    top = next(i for i in rows if events[i]["n_sources"] >= 3)
    page.click(f"#list li[data-event='{top}']")
    page.wait_for_timeout(500)
    ev = events[top]
    arts = page.query_selector_all("#detail .art")
    assert len(arts) == 3
    titles = {m["title"] for m in ev["mentions"]}
    outlets = set(ev["outlets"])
    for a in arts:
        assert a.query_selector(".t").text_content() in titles
        assert a.query_selector(".t").get_attribute("href").startswith("http")
        assert any(o in a.query_selector(".who").text_content() for o in outlets)
        mark = a.query_selector("mark").text_content()
        assert mark and any(mark == m["expression"] for m in ev["mentions"])
    # a hover of an event whose summary holds a quotation mark shows it as it is
    page.fill("#q", '"')
    page.wait_for_timeout(600)
    quoted = [i for i in drawn(page) if '"' in events[i]["summary"]]
    assert quoted
    text = hover_text(page, quoted[0])
    assert '"' in text and "&quot;" not in text and "&amp;" not in text and "&#" not in text
    page.fill("#q", "")
    page.wait_for_timeout(400)
    assert errors == []

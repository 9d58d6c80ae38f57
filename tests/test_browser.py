"""The HTML page in a real headless Chromium (Playwright): loads offline with no console error, one
marker per event, a hover shows the Arabic summary.  Screenshot: test-artifacts/timeline.png."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import timeline

from conftest import ROOT, SEEDS

pytestmark = pytest.mark.browser
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
POINTS = ".cartesianlayer .scatterlayer .trace .points path.point"     # not the range slider's copies


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
    page = browser.new_page(viewport={"width": 1400, "height": 800})
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route("http*://**", lambda route: (errors.append(f"network request: {route.request.url}"), route.abort()))
    page.goto(path.as_uri())
    page.wait_for_selector(POINTS)
    return page, errors


def test_seed_page(browser, tmp_path):
    tl = timeline.build([SEEDS])
    html = tl.to_html(tmp_path / "timeline.html")
    page, errors = open_page(browser, html)
    points = page.query_selector_all(POINTS)
    assert len(points) == len(tl.events)
    target = tl.events.index[tl.events["date"] == "2026-01-26"][0]
    # hover every marker until the withdrawal's shows up: its summary is Arabic and right-aligned
    texts = []
    for pt in points:
        box = pt.bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_timeout(120)
        texts.append(page.text_content(".hoverlayer") or "")
        if "القامشلي" in texts[-1]:
            break
    assert any(tl.events.loc[target, "summary"].split()[0] in t and "2026-01-26" in t for t in texts)
    out = ROOT / "test-artifacts" / "timeline.png"
    out.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(out))
    assert out.stat().st_size > 10_000
    assert errors == []
    page.close()


def test_many_events_stay_readable(browser, tmp_path):
    import datetime as dt
    docs = [timeline.Document(f"d{k:04d}", f"خبر رقم {k} عن موضوع {k % 97} في مدينة {k % 13}", dt.date(2020, 1, 1)
                              + dt.timedelta(days=k % 1500)) for k in range(1200)]

    def tagger(text, anchor):
        from resolvers.types import Timex
        a = dt.date.fromisoformat(str(anchor))
        return [Timex("رقم", 4, 7, "DATE", a.isoformat(), None, a, a, "day")]
    tl = timeline.build(docs, tagger=tagger)
    page, errors = open_page(browser, tl.to_html(tmp_path / "big.html"))
    assert len(page.query_selector_all(POINTS)) == len(tl.events) > 1000
    assert page.query_selector(".rangeslider-container") is not None
    assert errors == []
    page.close()

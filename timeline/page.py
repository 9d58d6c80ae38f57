"""``timeline.html``: one self-contained page (plotly.js and the data inlined, nothing fetched) that
answers "what happened when, according to whom" at 10 or 100,000 events.

The page holds at most ``LIMIT`` events, the most salient (``events.csv``'s ``salience``), and says
how many more the build has (they are all in ``events.csv`` and ``timeline.json``).  Each event
carries its date, summary, outlets, number of sources, why its mentions were merged, and up to
``SENTENCES`` of its articles' sentences with the date expression's offsets; the articles' titles,
outlets, dates and URLs are held once, in a table the events point into.  The script
(``assets/page.js``) draws the chart from the data the reader's filters and zoom select:

* a density band of all the matching events in view (per day, week, month or year, by the view's
  width), and above it the most salient ones that fit, each with a label measured in the browser
  and placed in the lowest free lane, so that no label or marker overlaps another (the others are
  in the band and the list, and appear as the reader zooms in);
* a search field folding Arabic as the resolver does (hamza and alef forms, ى/ي, ة/ه, diacritics,
  tatweel), filters by date range, outlet, minimum number of sources and grain, and a list of the
  matching events in view that follows the chart;
* a click on an event (marker or list row) shows its articles (title, outlet, date, link, the
  sentence with the date expression highlighted) and why its mentions were merged.

The buttons and the first view follow the corpus's real span: the publication dates of its
articles between their 1st and 99th percentile, not the outliers nor the machine's calendar.  Text
from articles reaches the page as JSON data only and is put into the document as text nodes, never
as markup.
"""
from __future__ import annotations

import json
import math
from importlib import resources
from pathlib import Path
from typing import Optional

from .export import atomic_path

LIMIT = 5000           # events held by the page (the most salient); the rest are in the CSV and JSON
SENTENCES = 3          # sentences kept per event (its first articles'), for the ``RICH`` most salient;
RICH = 1000            # ... the others keep two
SENTENCE_CHARS = 180   # ... each cut to about this many characters around the date expression
SUMMARY_CHARS = 200
# plotly.js's "basic" bundle (scatter and bar traces: all the page draws), the same plotly.js version as
# the plotly package's full bundle, a quarter of its size: from npm's plotly.js-basic-dist-min (MIT)
PLOTLY_JS = "plotly-basic.min.js"


def _cut(text: str, hs: int, he: int, limit: int = SENTENCE_CHARS) -> tuple[str, int, int]:
    """A window of ``text`` of at most about ``limit`` characters around ``[hs, he)``, cut at spaces,
    with the highlight's offsets in the window (``…`` marks a cut)."""
    if len(text) <= limit:
        return text, hs, he
    room = max(0, limit - (he - hs))
    a = max(0, hs - room // 2)
    b = min(len(text), he + (room - (hs - a)))
    if a > 0:
        sp = text.find(" ", a, hs)
        a = sp + 1 if sp >= 0 else a
    if b < len(text):
        sp = text.rfind(" ", he, b)
        b = sp if sp > he else b
    pre, post = ("… " if a > 0 else ""), (" …" if b < len(text) else "")
    return pre + text[a:b] + post, hs - a + len(pre), he - a + len(pre)


def _span(documents, events: list[dict]) -> tuple[Optional[str], Optional[str]]:
    """The corpus's real span: its articles' publication dates from the 1st to the 99th percentile
    (the event days' when no article is dated)."""
    days = sorted(d for d in documents.get("published", []) if isinstance(d, str) and d)
    if not days:
        days = sorted(e["first_day"] for e in events if e["first_day"] == e["last_day"])
    if not days:
        days = sorted(e["first_day"] for e in events)
    if not days:
        return None, None
    lo = days[int(math.floor(0.01 * (len(days) - 1)))]
    hi = days[int(math.ceil(0.99 * (len(days) - 1)))]
    return lo, hi


def page_data(data: dict, documents, limit: int = LIMIT, title: Optional[str] = None) -> dict:
    """What the page's script reads: ``data`` is ``Timeline.to_dict()``, ``documents`` the
    documents table (a DataFrame or a dict of columns)."""
    if hasattr(documents, "to_dict"):
        read = documents[documents["status"] == "read"]
        documents = {c: read[c].tolist() for c in ("doc_id", "outlet", "title", "url", "published")}
    events = data["events"]
    ranked = sorted(range(len(events)), key=lambda i: (-(events[i].get("salience") or 0), i))
    held = sorted(ranked[:limit])
    outlets: dict = {}
    doc_index: dict = {}
    docs: list = []
    meta = {d: (o, t, u, p) for d, o, t, u, p in zip(documents["doc_id"], documents["outlet"], documents["title"],
                                                      documents["url"], documents["published"])}

    def outlet_no(name):
        if not isinstance(name, str) or not name:
            return -1
        if name not in outlets:
            outlets[name] = len(outlets)
        return outlets[name]

    def doc_no(doc_id):
        k = doc_index.get(doc_id)
        if k is None:
            o, t, u, p = meta.get(doc_id, (None, None, None, None))
            k = doc_index[doc_id] = len(docs)
            docs.append([doc_id, outlet_no(o), t if isinstance(t, str) else "", u if isinstance(u, str) else "",
                         p if isinstance(p, str) else ""])
        return k

    out = []
    rich = set(ranked[:min(limit, RICH)])
    for i in held:
        ev = events[i]
        seen, sents = set(), []
        for m in ev.get("mentions", []):
            if m["doc_id"] in seen:
                continue
            seen.add(m["doc_id"])
            if len(sents) < (SENTENCES if i in rich else 2):
                hs, he = m["expr_start"] - m["start"], m["expr_end"] - m["start"]
                text, hs, he = _cut(m["text"], hs, he)
                sents.append([doc_no(m["doc_id"]), text, hs, he])
        why = ev.get("why") or {}
        links = [[" ".join(k["shared"][:4]), k["score"]] for k in why.get("links", [])][:6]
        summary = ev["summary"] or ""
        if len(summary) > SUMMARY_CHARS:
            summary = summary[:SUMMARY_CHARS].rsplit(" ", 1)[0] + " …"
        out.append({
            "i": ev["event_id"], "f": ev["first_day"], "l": ev["last_day"], "v": ev["date"],
            "m": ev.get("mod") or "", "g": ev["grain"], "s": summary, "e": ev.get("expressions") or "",
            "n": ev["n_sources"], "nm": ev["n_mentions"], "no": ev.get("n_outlets", 0), "sa": ev.get("salience", 0),
            "o": [outlet_no(x) for x in ev.get("outlets", [])], "d": [doc_no(d) for d in ev["sources"][:40]],
            "x": sents, "w": links})
    lo, hi = _span(documents, events)
    totals = data.get("totals", {})
    return {"title": title or "الخط الزمني للأحداث", "total": len(events), "held": len(out),
            "articles": totals.get("articles_read", len(documents["doc_id"])), "span": [lo, hi],
            "outlets": list(outlets), "docs": docs, "events": out}


def _asset(name: str) -> str:
    return resources.files("timeline").joinpath("assets", name).read_text(encoding="utf-8")


def _script_json(obj) -> str:
    """JSON safe inside a ``<script>`` element: ``</`` and ``<!--`` can close or confuse it, U+2028/9
    end a JavaScript line in old engines."""
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return (s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
             .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def render(payload: dict) -> str:
    import html
    return "".join([
        "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        f"<title>{html.escape(payload['title'])}</title>\n",
        "<style>\n", _asset("page.css"), "\n</style>\n</head>\n<body>\n", _asset("page.html"),
        "\n<script>\n", _asset(PLOTLY_JS), "\n</script>\n",
        "<script id=\"timeline-data\" type=\"application/json\">", _script_json(payload), "</script>\n",
        "<script>\n", _asset("page.js"), "\n</script>\n</body>\n</html>\n"])


def write_html(tl, path: Path, title: Optional[str] = None, data: Optional[dict] = None,
               limit: int = LIMIT) -> Path:
    payload = page_data(data if data is not None else tl.to_dict(), tl.documents, limit, title)
    text = render(payload)
    with atomic_path(path) as tmp:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
    return Path(path)


"""Exports for the tools analysts already use: ``timelinejs.json`` (TimelineJS 3) and
``events_flat.csv`` (Flourish, Tableau, spreadsheets).

Both say a date no more precisely than the event knows it.  An event's *precision* comes from its
interval and its value: one day is ``day``; whole calendar months are ``month``; whole calendar
years are ``year``; a quarter, a half or a season is given by its months; a week or a range of days
by its days.  An event with a modifier («مطلع أغسطس», «نهاية 2015») or a value coarser than its
interval is given at the value's precision («2015-08» → month), never with an invented day.
"""
from __future__ import annotations

import calendar
import datetime as dt
import html
from typing import Optional

import pandas as pd

TIMELINEJS_LIMIT = 500          # slides: TimelineJS draws every slide; beyond a few hundred it crawls
GROUPS = {"day": "أحداث بتاريخ يوم", "month": "أحداث على مدى أشهر", "year": "أحداث على مدى سنوات"}
FLAT_COLUMNS = ["event_id", "start", "end", "date_precision", "date", "display_date", "title", "text",
                "outlets", "n_outlets", "n_sources", "salience", "source_urls", "source_titles"]
_RANK = {"day": 0, "month": 1, "year": 2}


def _month_end(d: dt.date) -> bool:
    return d.day == calendar.monthrange(d.year, d.month)[1]


def interval_precision(first: dt.date, last: dt.date) -> str:
    """``day``, ``month`` or ``year``: the coarsest unit whose whole units make up the interval."""
    if first == last:
        return "day"
    if first.day == 1 and _month_end(last):
        if first.month == 1 and last.month == 12:
            return "year"
        return "month"
    return "day"


def value_precision(value: str) -> str:
    """The precision a TIMEX value states: ``2015`` year, ``2015-08`` / ``2015-Q3`` / ``2015-SU``
    month, ``2015-08-12`` / ``2015-W33`` / ``2015-08-12TEV`` day; a range ``a/b``: the coarser end;
    a decade or century (``201``, ``20``) year."""
    if "/" in value:
        a, b = value.split("/", 1)
        pa, pb = value_precision(a), value_precision(b)
        return pa if _RANK[pa] >= _RANK[pb] else pb
    head = value.split("T", 1)[0]
    parts = head.split("-")
    if len(parts) == 1:
        return "year"
    if len(parts) == 2:
        return "day" if parts[1].startswith("W") else "month"
    return "day"


def precision(first: dt.date, last: dt.date, value: Optional[str]) -> str:
    """The coarser of the interval's and the value's precision («مطلع أغسطس»: 2015-08 START, the
    days 1-10 as interval, is a month-precise event)."""
    p = interval_precision(first, last)
    if value:
        vp = value_precision(value)
        if _RANK[vp] > _RANK[p]:
            return vp
    return p


def tjs_date(d: dt.date, prec: str) -> dict:
    """A TimelineJS date object holding only what ``prec`` knows (strings, as its Google-sheet
    loader gives them)."""
    out = {"year": str(d.year)}
    if prec in ("month", "day"):
        out["month"] = str(d.month)
    if prec == "day":
        out["day"] = str(d.day)
    return out


def _dates(ev: dict) -> tuple[dt.date, dt.date, str]:
    first, last = dt.date.fromisoformat(ev["first_day"]), dt.date.fromisoformat(ev["last_day"])
    return first, last, precision(first, last, ev.get("date"))


def _same_unit(first: dt.date, last: dt.date, prec: str) -> bool:
    if prec == "year":
        return first.year == last.year
    if prec == "month":
        return (first.year, first.month) == (last.year, last.month)
    return first == last


def _headline(summary: str, words: int = 14) -> str:
    w = (summary or "").split()
    return " ".join(w[:words]) + ("…" if len(w) > words else "")


def _articles(mentions: list[dict]) -> list[dict]:
    """One entry per article (the first mention of each), in the order given."""
    seen, out = set(), []
    for m in mentions:
        if m["doc_id"] not in seen:
            seen.add(m["doc_id"])
            out.append(m)
    return out


def _slide_text(ev: dict) -> str:
    e = html.escape
    parts = [f"<p>{e(ev['summary'] or '')}</p>"]
    items = []
    for m in _articles(ev.get("mentions", []))[:10]:
        who = e(m.get("outlet") or m["doc_id"])
        title = e(m.get("title") or m["doc_id"])
        link = f'<a href="{e(m["url"])}" target="_blank" rel="noopener">{title}</a>' if m.get("url") else title
        items.append(f"<li>{who}: {link}</li>")
    if items:
        parts.append(f"<p>المصادر ({ev['n_sources']}):</p><ul>{''.join(items)}</ul>")
    return "".join(parts)


def timelinejs(tl_dict: dict, limit: int = TIMELINEJS_LIMIT, title: Optional[str] = None) -> dict:
    """The TimelineJS 3 JSON of a timeline (``Timeline.to_dict()``): its ``limit`` most salient
    events (ties: timeline order), in timeline order, each a slide with ``start_date`` (and
    ``end_date`` for a span), ``text.headline``/``text.text``, ``group``, ``unique_id`` (the event
    id) and ``display_date`` (the Arabic expressions)."""
    events = tl_dict["events"]
    ranked = sorted(range(len(events)), key=lambda i: (-(events[i].get("salience") or 0), i))[:limit]
    slides = []
    for i in sorted(ranked):
        ev = events[i]
        first, last, prec = _dates(ev)
        slide = {"start_date": tjs_date(first, prec),
                 "text": {"headline": html.escape(_headline(ev["summary"])), "text": _slide_text(ev)},
                 "group": GROUPS[prec], "unique_id": ev["event_id"],
                 "display_date": " | ".join((ev.get("expressions") or "").split(" | ")[:3]) or ev["date"]}
        if not _same_unit(first, last, prec):
            slide["end_date"] = tjs_date(last, prec)
        slides.append(slide)
    n = len(events)
    shown = f"أبرز {len(slides)} حدثاً من {n}" if len(slides) < n else f"{n} حدثاً"
    return {"title": {"text": {"headline": html.escape(title or "الخط الزمني للأحداث"),
                               "text": f"<p>{shown}، مرتبة زمنياً؛ البيانات كاملة في events.csv وtimeline.json</p>"}},
            "events": slides}


def flat_rows(tl_dict: dict) -> pd.DataFrame:
    """One row per event, in timeline order, for Flourish, Tableau and spreadsheets: ``start`` and
    ``end`` (ISO days), ``date_precision`` (day, month, year: how much of them to trust), ``title``
    (the summary's first words), ``text`` (the summary), ``outlets``, ``source_urls`` and
    ``source_titles`` (``" | "``-separated, one per article)."""
    cols: dict = {c: [] for c in FLAT_COLUMNS}
    (c_id, c_start, c_end, c_prec, c_date, c_display, c_title, c_text, c_outlets, c_nout, c_nsrc, c_sal, c_urls,
     c_titles) = (cols[c] for c in FLAT_COLUMNS)
    for ev in tl_dict["events"]:
        first, last, prec = _dates(ev)
        arts = _articles(ev.get("mentions", []))
        c_id.append(ev["event_id"])
        c_start.append(first.isoformat())
        c_end.append(last.isoformat())
        c_prec.append(prec)
        c_date.append(ev["date"])
        c_display.append(ev.get("expressions") or "")
        c_title.append(_headline(ev["summary"]))
        c_text.append(ev["summary"])
        c_outlets.append(" | ".join(ev.get("outlets") or []))
        c_nout.append(ev.get("n_outlets"))
        c_nsrc.append(ev["n_sources"])
        c_sal.append(ev.get("salience"))
        c_urls.append(" | ".join(m["url"] for m in arts if m.get("url")))
        c_titles.append(" | ".join(m["title"] for m in arts if m.get("title")))
    if not c_id:
        return pd.DataFrame([], columns=FLAT_COLUMNS)
    return pd.DataFrame(cols, columns=FLAT_COLUMNS)      # column by column: the dtypes of one dict per row

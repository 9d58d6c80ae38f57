"""A static Plotly figure of every event, for the Python API and notebooks (``Timeline.figure()``);
the page, ``timeline.html``, is :mod:`timeline.page`.

Day-precise events are points; month-, season- or year-level events are horizontal spans with a
marker in their middle, so that every event has exactly one marker (and one hover).  Events are
packed into lanes so that markers (and, for short timelines, their labels) do not overlap; a range
slider gives the overview of long timelines.  Arabic text uses fonts that render it and is set
right-to-left in the hover labels.
"""
from __future__ import annotations

import datetime as dt
import html
import math
from pathlib import Path
from typing import Optional

import plotly.graph_objects as go

from .dates import clamped
from .export import records as export_records
from .formats import _headline as _short

FONT = "Noto Naskh Arabic, Noto Sans Arabic, Amiri, KacstOne, Arial, Tahoma, DejaVu Sans, sans-serif"
LABELS_UP_TO = 30           # events labelled on the chart itself (beyond that: hover only)
MAX_LANES = 24
KINDS = (("day", "حدث بتاريخ يوم", "#1f6fb2", "circle"),
         ("month", "حدث على مدى أيام أو شهر", "#d9822b", "diamond"),
         ("year", "حدث على مدى سنة أو أكثر", "#6a8f3a", "square"))
HOVER_CSS = """
.hoverlayer .hovertext text, .hoverlayer .hovertext tspan, .annotation-text { unicode-bidi: plaintext; }
body { margin: 0; font-family: %s; }
""" % FONT


def _kind(first: dt.date, last: dt.date) -> str:
    days = (last - first).days + 1
    return "day" if days == 1 else ("month" if days <= 62 else "year")


def _wrap(text: str, width: int = 70) -> list[str]:
    """Greedy wrapping at spaces: a word that would take a line past ``width`` starts the next one."""
    lines, cur, n = [], [], -1                # n: the length of " ".join(cur)
    for w in text.split():
        if cur and n + 1 + len(w) > width:
            lines.append(" ".join(cur))
            cur, n = [w], len(w)
        else:
            cur.append(w)
            n += 1 + len(w)
    if cur:
        lines.append(" ".join(cur))
    return lines


def _ltr(text: str) -> str:
    """An LTR island (document ids, dates) inside right-to-left text: Unicode isolates."""
    return f"\u2066{text}\u2069"


def _hover(ev, sentences: list[tuple[str, str]]) -> str:
    e = html.escape
    mod = ev["mod"] if isinstance(ev["mod"], str) and ev["mod"] else ""
    out = [f"<b>{_ltr(e(ev['date'] + (' ' + mod if mod else '')))}</b>"]
    if ev["first_day"] != ev["last_day"]:
        out.append(f"من {_ltr(ev['first_day'])} إلى {_ltr(ev['last_day'])}")
    out += [f"<b>{e(line)}</b>" for line in _wrap(ev["summary"], 60)]
    out.append(f"المصادر ({ev['n_sources']}): " + "، ".join(_ltr(e(s)) for s in ev["sources"].split(";")[:6]))
    for doc, sent in sentences[:4]:
        lines = _wrap(_short(sent, 45), 80)
        out.append(f"<i>{_ltr(e(doc))}</i>: " + "<br>   ".join(e(x) for x in lines))
    if len(sentences) > 4:
        out.append(f"… و{len(sentences) - 4} جمل أخرى")
    return "<br>".join(out)


def _banded_lanes(firsts: list, lasts: list, gap: float) -> list[int]:
    """Lanes in two bands: events of a day, days or a month below, wider ones (a year, a decade)
    above, so that a corpus full of year-level asides does not bury the dated events."""
    fine = [i for i in range(len(firsts)) if _kind(firsts[i], lasts[i]) != "year"]
    coarse = [i for i in range(len(firsts)) if _kind(firsts[i], lasts[i]) == "year"]
    lanes = [0] * len(firsts)
    budget_fine = MAX_LANES - min(len(coarse), MAX_LANES // 3)
    packed = _lanes([firsts[i].toordinal() for i in fine], [lasts[i].toordinal() + 1 for i in fine], gap,
                    budget_fine)
    for i, lane in zip(fine, packed):
        lanes[i] = lane
    base = (max(packed) + 1) if packed else 0
    packed = _lanes([firsts[i].toordinal() for i in coarse], [lasts[i].toordinal() + 1 for i in coarse], gap,
                    MAX_LANES - base)
    for i, lane in zip(coarse, packed):
        lanes[i] = base + lane
    return lanes


def _lanes(starts: list[float], ends: list[float], gap: float, max_lanes: int = MAX_LANES) -> list[int]:
    """Greedy interval packing: the lowest lane whose last item ends ``gap`` before this one starts."""
    last_end: list[float] = []
    out = []
    for s, e in zip(starts, ends):
        for lane, le in enumerate(last_end):
            if le + gap <= s:
                last_end[lane] = e
                out.append(lane)
                break
        else:
            if len(last_end) < max_lanes:
                last_end.append(e)
                out.append(len(last_end) - 1)
            else:                                   # full: reuse the lane that frees first
                lane = min(range(len(last_end)), key=lambda k: (last_end[k], k))
                last_end[lane] = max(last_end[lane], e)
                out.append(lane)
    return out


def figure(tl, title: Optional[str] = None) -> go.Figure:
    """The Plotly figure of a :class:`timeline.Timeline`."""
    return go.Figure(_spec(tl, title))


def _spec(tl, title: Optional[str] = None) -> dict:
    """The figure as plain data and layout dicts: the page is written from it without validating
    twelve thousand hover texts one by one (plotly's validators dominate otherwise)."""
    events = tl.events
    n = len(events)
    sentences: dict[str, list] = {}
    for c in tl.clauses.itertuples(index=False):
        sentences.setdefault(c.event_id, []).append((c.doc_id, c.text))
    data: list = []
    annotations: list = []
    records = export_records(events)         # rows as dicts: one conversion, not one .iloc per event
    labelled = n <= LABELS_UP_TO
    firsts = [dt.date.fromisoformat(d) for d in events["first_day"]]
    lasts = [dt.date.fromisoformat(d) for d in events["last_day"]]
    # the first view follows the day-precise events when there are some: a corpus full of year-level
    # asides («عام 2000») would otherwise stretch it over decades
    days = [(f, l) for f, l in zip(firsts, lasts) if f == l]
    view = _focus(*map(list, zip(*days))) if len(days) >= 5 else _focus(firsts, lasts)
    if n:
        width = max((view[1] - view[0]).days, 30)
        gap = width * (0.17 if labelled else 0.006)
        lanes = _banded_lanes(firsts, lasts, gap)
    else:
        lanes = []
    for kind, name, color, symbol in KINDS:
        idx = [i for i in range(n) if _kind(firsts[i], lasts[i]) == kind]
        if kind != "day" and idx:
            xs, ys = [], []
            for i in idx:
                xs += [firsts[i], clamped(lasts[i], 1), None]
                ys += [lanes[i], lanes[i], None]
            data.append(dict(type="scatter", x=xs, y=ys, mode="lines", line=dict(color=color, width=9),
                             opacity=0.45, hoverinfo="skip", showlegend=False, legendgroup=kind))
        xs = [firsts[i] + (lasts[i] - firsts[i]) / 2 if kind != "day" else firsts[i] for i in idx]
        rows = [records[i] for i in idx]
        data.append(dict(
            type="scatter", x=xs, y=[lanes[i] for i in idx], name=name, legendgroup=kind,
            mode="markers",
            marker=dict(size=13 if n <= 500 else 8, color=color, symbol=symbol, line=dict(width=1, color="white")),
            customdata=[[_hover(r, sentences.get(r["event_id"], [])), r["event_id"]] for r in rows],
            hovertemplate="%{customdata[0]}<extra>%{customdata[1]}</extra>"))
    if labelled:                       # labels as annotations: they stay out of the range slider
        for i, r in enumerate(events.itertuples(index=False)):
            x = firsts[i] + (lasts[i] - firsts[i]) / 2
            annotations.append(dict(x=x, y=lanes[i], text=html.escape(_short(r.summary, 5)), showarrow=False,
                                    yshift=17, font=dict(size=13, family=FONT, color="#333")))
    n_lanes = (max(lanes) + 1) if lanes else 1
    docs = int((tl.documents["status"] == "read").sum())
    layout = dict(
        annotations=annotations,
        title=dict(text=title or f"الخط الزمني للأحداث: {n} حدثاً من {docs} مقالاً", x=0.5,
                   font=dict(size=20, family=FONT)),
        font=dict(family=FONT, size=13),
        height=int(min(1000, max(480, 230 + n_lanes * (70 if labelled else 26)))),
        margin=dict(l=30, r=30, t=70, b=40),
        plot_bgcolor="white", hovermode="closest",
        hoverlabel=dict(align="right", font=dict(family=FONT, size=14), bgcolor="white", namelength=-1),
        legend=dict(orientation="h", x=1, xanchor="right", y=1.02, yanchor="bottom"),
        yaxis=dict(visible=False, fixedrange=True, range=[-0.7, n_lanes - 0.3 + (0.6 if labelled else 0)]),
        xaxis=dict(type="date", showgrid=True, gridcolor="#eee",
                   rangeslider=dict(visible=True, thickness=0.08),
                   rangeselector=dict(buttons=[
                       dict(count=1, label="شهر", step="month", stepmode="backward"),
                       dict(count=6, label="6 أشهر", step="month", stepmode="backward"),
                       dict(count=1, label="سنة", step="year", stepmode="backward"),
                       dict(step="all", label="الكل")])),
    )
    if n:
        pad = dt.timedelta(days=max(3, (view[1] - view[0]).days // 12))
        layout["xaxis"]["range"] = [clamped(view[0], -pad.days), clamped(view[1], pad.days)]
    return {"data": data, "layout": layout}


def _focus(firsts: list, lasts: list, share: float = 0.9) -> tuple:
    """The initial view: the shortest window holding ``share`` of the events (an event of 2011 in a
    2025 timeline is left to the range slider, not allowed to squeeze the rest into a corner)."""
    if not firsts:
        return None, None
    days = sorted(zip(firsts, lasts))
    k = max(1, math.ceil(len(days) * share))
    if k >= len(days):
        return days[0][0], clamped(max(lasts), 1)
    best = min(range(len(days) - k + 1), key=lambda j: (days[j + k - 1][0] - days[j][0], j))
    window = days[best:best + k]
    return window[0][0], clamped(max(l for _, l in window), 1)


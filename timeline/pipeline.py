"""The pipeline behind :func:`timeline.build`: read, tag, extract mentions, merge, order."""
from __future__ import annotations

import datetime as dt
import hashlib
import math
import sys
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from typing import Callable, Iterable, Optional, Union

import pandas as pd

from .anchoring import ANCHOR_COLUMNS, merge_note
from .documents import Document, Problem, read_inputs
from .export import records, write_csv, write_json
from .engines import build_settings, make_runner
from .extraction import Failed
from .headline import headline, known_words, lead_title, too_short
from .mentions import EventMention, Row
from .outdir import WriteState, check_out, output_set
from .merge import merge
from .order import order_events

EVENT_COLUMNS = ["event_id", "date", "mod", "first_day", "last_day", "grain", "summary", "sources",
                 "n_sources", "n_mentions", "expressions", "summary_source", "outlets", "n_outlets", "salience"]
MENTION_COLUMNS = ["mention_id", "doc_id", "outlet", "title", "url", "start", "end", "text", "type", "value", "mod", "first_day",
                   "last_day", "grain", "status", "reason", "note", "event_id", "relation", "clause_start",
                   "clause_end", "rule", "flags", "tense", "calendar", "kind", "role"]
CLAUSE_COLUMNS = ["event_id", "doc_id", "outlet", "title", "url", "published", "start", "end", "text", "expr_start", "expr_end", "expression",
                  "value", "mod", "first_day", "last_day", "summary", "relation"]
DOCUMENT_COLUMNS = ["doc_id", "origin", "status", "published", "outlet", "title", "url", "reason", "found",
                    "resolved", "flagged", "unresolved", "placed", "derived", "events"]


class Timeline:
    """The result of :func:`build`.

    * ``events``: one row per merged event, in chronological order (columns ``EVENT_COLUMNS``);
    * ``mentions``: one row per expression found (plus one per relation-derived date), with the
      event it dates, if any (``MENTION_COLUMNS``);
    * ``clauses``: the dated clauses behind each event: the original sentences (``CLAUSE_COLUMNS``);
    * ``documents``: per-document counts, read or skipped with the reason; ``problems``: every input
      problem.
    """

    def __init__(self, events: pd.DataFrame, mentions: pd.DataFrame, clauses: pd.DataFrame,
                 documents: pd.DataFrame, problems: list[Problem], why: Optional[dict] = None):
        self.events, self.mentions, self.clauses = events, mentions, clauses
        self.documents, self.problems = documents, problems
        self.why = why or {}          # event id -> why its mentions were merged (timeline.json)
        self.filters: dict = {}       # what a topic's timeline was selected by (Timeline.where)

    def __repr__(self) -> str:
        return f"<Timeline: {self.summary()}>"

    def __len__(self) -> int:
        return len(self.events)

    # --- reporting --------------------------------------------------------------------------------
    def totals(self) -> dict:
        from .report import totals
        return totals(self)

    def report(self) -> dict:
        from .report import report
        return report(self)

    def where(self, from_=None, to=None, query: Optional[str] = None, outlet: Optional[str] = None,
              min_sources: Optional[int] = None) -> "Timeline":
        """A topic's timeline: the events overlapping ``[from_, to]`` that hold every word of
        ``query`` (Arabic folded), have an article from ``outlet`` and ``min_sources`` sources or
        more, with their mentions, clauses and documents (:mod:`timeline.query`)."""
        from .query import select
        return select(self, from_, to, query, outlet, min_sources)

    def summary(self) -> str:
        from .report import summary_line
        return summary_line(self.totals())

    # --- outputs ----------------------------------------------------------------------------------
    def to_csv(self, out_dir: Union[str, Path]) -> tuple[Path, Path]:
        out = Path(out_dir)
        return write_csv(self.events, out / "events.csv"), write_csv(self.mentions, out / "mentions.csv")

    def to_dict(self) -> dict:
        by_event: dict[str, list] = {}
        for rec in records(self.clauses):
            by_event.setdefault(rec.pop("event_id"), []).append(rec)
        events = []
        for ev in records(self.events):
            ev["sources"] = [s for s in (ev["sources"] or "").split(";") if s]
            ev["outlets"] = [s for s in (ev["outlets"] or "").split(";") if s]
            ev["mentions"] = by_event.get(ev["event_id"], [])
            ev["why"] = self.why.get(ev["event_id"], ALONE)
            events.append(ev)
        return {"events": events, "totals": self.totals()}

    def to_json(self, path: Union[str, Path], data: Optional[dict] = None) -> Path:
        return write_json(data if data is not None else self.to_dict(), Path(path))

    def to_timelinejs(self, path: Union[str, Path], data: Optional[dict] = None) -> Path:
        """``timelinejs.json``: the most salient events as TimelineJS 3 slides (:mod:`timeline.formats`)."""
        from .formats import timelinejs
        return write_json(timelinejs(data if data is not None else self.to_dict()), Path(path))

    def to_flat_csv(self, path: Union[str, Path], data: Optional[dict] = None) -> Path:
        """``events_flat.csv``: one row per event for Flourish, Tableau, spreadsheets."""
        from .formats import flat_rows
        return write_csv(flat_rows(data if data is not None else self.to_dict()), Path(path))

    def figure(self, title: Optional[str] = None):
        from .plot import figure
        return figure(self, title=title)

    def to_html(self, path: Union[str, Path], title: Optional[str] = None, data: Optional[dict] = None) -> Path:
        """``timeline.html``: the page (:mod:`timeline.page`), holding the most salient events."""
        from .page import write_html
        return write_html(self, Path(path), title=title, data=data)

    def write(self, out_dir: Union[str, Path], state: Optional[WriteState] = None) -> dict:
        """events.csv, mentions.csv, timeline.json, timelinejs.json, events_flat.csv, timeline.html and
        report.json in ``out_dir``, as one set: written into a new sibling folder that replaces
        ``out_dir`` only when all are written (:mod:`timeline.outdir`), so ``out_dir`` holds this
        run's outputs or the previous ones."""
        final = check_out(out_dir)
        with build_settings(), output_set(final, state) as tmp:
            self.to_csv(tmp)
            data = self.to_dict()
            self.to_json(tmp / "timeline.json", data)
            self.to_timelinejs(tmp / "timelinejs.json", data)
            self.to_flat_csv(tmp / "events_flat.csv", data)
            self.to_html(tmp / "timeline.html", data=data)
            write_json(self.report(), tmp / "report.json", pretty=True)
        return {"events": final / "events.csv", "mentions": final / "mentions.csv",
                "json": final / "timeline.json", "timelinejs": final / "timelinejs.json",
                "flat": final / "events_flat.csv", "html": final / "timeline.html", "report": final / "report.json"}


Input = Union[str, Path, Document]


def _items(inputs):
    paths = []
    for inp in inputs:
        if isinstance(inp, Document):
            if paths:
                yield from read_inputs(paths)
                paths = []
            yield inp
        else:
            paths.append(inp)
    if paths:
        yield from read_inputs(paths)


def build(inputs: Union[Input, Iterable[Input]], tagger: Optional[Callable] = None,
          progress: bool = False, trust_text_weekdays: bool = False, workers: Optional[int] = None,
          engine: str = "local", scheduler: Optional[str] = None) -> Timeline:
    """Read every input, tag, merge and order.  ``inputs``: paths (folder with manifest.csv, .jsonl,
    .csv, .parquet) and/or :class:`Document` objects.  ``tagger(text, anchor)`` defaults to
    :func:`resolvers.tag`.  ``progress`` shows a tqdm bar on stderr.  ``trust_text_weekdays``
    resolves a document whose weekday names contradict its date against the date they imply
    (:mod:`timeline.anchoring`).

    ``workers``: processes that tag and extract chunks of documents (None: several when the input
    has more than a few hundred documents, see :mod:`timeline.engines`); ``engine="dask"`` runs the
    extraction and the merge's month step on a Dask cluster (``scheduler``: its address; a local
    cluster by default).  Every engine gives the same result, in the same order."""
    if isinstance(inputs, (str, Path, Document)):
        inputs = [inputs]
    runner = make_runner(engine, workers, tagger, scheduler)
    try:
        got = collect(inputs, runner, tagger, progress, trust_text_weekdays)
        return _assemble(got.rows, got.mentions, got.docs, got.problems, runner)
    finally:
        runner.close()


@dataclass
class Collected:
    """What reading, tagging and extraction gave, before the merge: the expression rows (their
    ``mention`` indexes the mention list), the event mentions, one row per document (read or
    skipped) and every problem; ``spans`` gives, per document read, ``(its row in docs, rows start,
    rows end, mentions start, mentions end)``, so that a store can keep each document's part."""
    rows: list
    mentions: list
    docs: list
    problems: list
    spans: list


def collect(inputs, runner, tagger: Optional[Callable] = None, progress: bool = False,
            trust_text_weekdays: bool = False, admit: Optional[Callable[[Document], bool]] = None) -> Collected:
    """Read, tag and extract ``inputs`` with ``runner`` (:mod:`timeline.engines`).  ``admit(doc)``
    False leaves a document out before it is tagged (a store's document already held as it is)."""
    items = _items(list(inputs))
    if progress:                              # articles out of the records counted up front (timeline/progress.py)
        from .progress import articles_bar
        items = articles_bar(items, inputs if isinstance(inputs, (list, tuple)) else None)
    if admit is not None:
        items = (it for it in items if not isinstance(it, Document) or admit(it))
    rows: list[dict] = []
    mentions: list[EventMention] = []
    docs: list[dict] = []
    problems: list[Problem] = []
    spans: list[tuple] = []
    warnings: dict[str, list[str]] = {}
    seen_ids: set[str] = set()
    undated: dict[str, Problem] = {}          # reliability: what became of an undated document's anchor
    for item, result in runner.extract(_fresh(items, seen_ids), tagger, trust_text_weekdays):
        if isinstance(item, _Duplicate):      # Document objects given directly may repeat ids
            p = Problem(item.doc.origin or "<api>", f"duplicate document id {item.doc.id!r} (first one kept)",
                        doc_id=item.doc.id)
            problems.append(p)
            docs.append({"doc_id": p.doc_id, "origin": p.file, "status": "skipped", "published": None,
                         "reason": p.reason, "records": 1})
            continue
        if isinstance(item, Problem):
            item = merge_note(item, undated)  # reliability: one message for «no date» and its anchor
            problems.append(item)
            if item.severity == "warning" and item.doc_id:
                warnings.setdefault(item.doc_id, []).append(item.reason)
            elif item.severity == "warning":          # about a file, not a document (nothing skipped)
                pass
            else:
                docs.append({"doc_id": item.doc_id, "origin": item.file + (f":{item.line}" if item.line else ""),
                             "status": "skipped", "published": None, "reason": item.reason,
                             "records": item.records})
            continue
        if isinstance(result, Failed):        # the document's own error boundary (timeline/extraction.py)
            problems.append(result.problem)
            docs.append({"doc_id": item.id, "origin": item.origin, "status": "skipped",
                         "published": item.published.isoformat() if item.published else None,
                         "reason": result.problem.reason, "records": 1})
            continue
        anchored, doc_rows, doc_mentions = result
        for p in anchored.problems:
            problems.append(p)
            warnings.setdefault(item.id, []).append(p.reason)
        if anchored.note is not None:
            undated[item.id] = anchored.note
        for r in doc_rows:
            if r["mention"] is not None:
                r["mention"] += len(mentions)
        spans.append((len(docs), len(rows), len(rows) + len(doc_rows), len(mentions),
                      len(mentions) + len(doc_mentions)))
        rows.extend(doc_rows)
        mentions.extend(doc_mentions)
        docs.append({"doc_id": item.id, "origin": item.origin, "status": "read",
                     "published": item.published.isoformat() if item.published else None,
                     "outlet": item.publisher, "title": item.title, "url": item.url, "reason": None,
                     "encoding": item.encoding, "records": 1, "content_hash": content_hash(item),
                     **anchored.columns()})
    for p in undated.values():                # Document objects given directly: no reader warning to complete
        problems.append(p)
        warnings.setdefault(p.doc_id, []).append(p.reason)
    for d in docs:
        if d["status"] == "read" and d["doc_id"] in warnings:
            d["reason"] = "; ".join(warnings[d["doc_id"]])
    return Collected(rows, mentions, docs, problems, spans)


def content_hash(doc: Document) -> str:
    """What makes a document the same document again: its text, publication date, title, URL, outlet
    and source (SHA-256)."""
    h = hashlib.sha256()
    for part in (doc.text, doc.published.isoformat() if doc.published else "", doc.title or "", doc.url or "",
                 doc.outlet or "", doc.source or ""):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


class _Duplicate:
    """A document whose id was seen before: reported in its place, neither tagged nor counted."""
    def __init__(self, doc: Document):
        self.doc = doc


def _fresh(items, seen_ids: set):
    for item in items:
        if isinstance(item, Document):
            if item.id in seen_ids:
                yield _Duplicate(item)
                continue
            seen_ids.add(item.id)
        yield item


def salience(n_outlets: int, n_articles: int, n_days: int, n_mentions: int) -> float:
    """How widely and how long a happening was reported: ``2·log2(1 + outlets) + log2(articles) +
    log2(days reported) + 0.5·log2(mentions)`` (days reported: the distinct publication days of its
    articles).  One mention in one article is 2.0; each term grows ever more slowly, and outlets
    weigh most, so ten copies in one paper do not outrank one report in five papers."""
    return round(2 * math.log2(1 + n_outlets) + math.log2(max(n_articles, 1)) + math.log2(max(n_days, 1))
                 + 0.5 * math.log2(max(n_mentions, 1)), 3)


def _assemble(rows, mentions, docs, problems, runner=None) -> Timeline:
    """Merge and order the mentions, then the four tables.  Each table is built column by column
    from plain lists (no dict per row, no per-row DataFrame work).  ``rows`` and ``mentions`` are
    consumed: each list is emptied once its table is made, so that the rows and mentions of a large
    build are not held beside the tables made from them (the rows themselves are not changed)."""
    events = order_events(merge(mentions, map_fn=runner.map if runner else None, shifts=anchor_shifts(docs)),
                          mentions)
    meta = {d["doc_id"]: (d.get("outlet"), d.get("title"), d.get("url"), d.get("published"))
            for d in docs if d["status"] == "read"}
    none4 = (None, None, None, None)
    known = known_words(m.summary for m in mentions)
    width = max(4, len(str(len(events))))
    event_of: dict[int, str] = {}
    why: dict[str, dict] = {}
    ev_cols: dict[str, list] = {c: [] for c in EVENT_COLUMNS}
    cl_cols: dict[str, list] = {c: [] for c in CLAUSE_COLUMNS}
    (e_id, e_date, e_mod, e_first, e_last, e_grain, e_summary, e_sources, e_nsrc, e_nm, e_expr, e_src, e_outlets,
     e_nout, e_sal) = (ev_cols[c] for c in EVENT_COLUMNS)
    (c_eid, c_doc, c_outlet, c_title, c_url, c_pub, c_start, c_end, c_text, c_xs, c_xe, c_expr, c_value, c_mod,
     c_first, c_last, c_summary, c_rel) = (cl_cols[c] for c in CLAUSE_COLUMNS)
    for n, ev in enumerate(events, 1):
        eid = f"E{n:0{width}d}"
        ms = [mentions[i] for i in ev.members]
        for i in ev.members:
            event_of[i] = eid
        sources = sorted({m.doc_id for m in ms})
        outlets = [meta.get(d, none4)[0] for d in sources]
        named = sorted(set(outlets) - {None})
        n_out = len(named) + outlets.count(None)              # an article without an outlet is its own
        days = {meta.get(d, none4)[3] for d in sources}
        rep = mentions[ev.summary_member]
        if ev.links:
            why[eid] = {"links": [_link(mentions, k) for k in ev.links]}
        e_id.append(eid)
        e_date.append(ev.value)
        e_mod.append(ev.mod)
        e_first.append(ev.first_day.isoformat())
        e_last.append(ev.last_day.isoformat())
        e_grain.append(ev.grain)
        titled = lead_title(((m.doc_id, m.start, m.words) for m in ms), lambda d: meta.get(d, none4)[1])
        head = titled[1] if titled else headline(rep.summary, known)
        if not titled and too_short(head) and meta.get(rep.doc_id, none4)[1]:
            # a date in a table, a clause its date words emptied («1377هـ =», «قال»): the article's title
            titled = (rep.doc_id, " ".join(str(meta[rep.doc_id][1]).split()))
            head = titled[1]
        e_summary.append(head)
        e_sources.append(";".join(sources))
        e_nsrc.append(len(sources))
        e_nm.append(len(ms))
        e_expr.append(" | ".join(dict.fromkeys(m.expr for m in ms)))
        e_src.append(f"{titled[0]}:title" if titled else f"{rep.doc_id}:{rep.start}-{rep.end}")
        e_outlets.append(";".join(named))
        e_nout.append(n_out)
        e_sal.append(salience(n_out, len(sources), len(days), len(ms)))
        for m in sorted(ms, key=lambda m: (m.doc_id, m.start)):
            outlet, title, url, published = meta.get(m.doc_id, none4)
            c_eid.append(eid)
            c_doc.append(m.doc_id)
            c_outlet.append(outlet)
            c_title.append(title)
            c_url.append(url)
            c_pub.append(published)
            c_start.append(m.start)
            c_end.append(m.end)
            c_text.append(m.text)
            c_xs.append(m.expr_start)
            c_xe.append(m.expr_end)
            c_expr.append(m.expr)
            c_value.append(m.value)
            c_mod.append(m.mod)
            c_first.append(m.first_day.isoformat())
            c_last.append(m.last_day.isoformat())
            c_summary.append(m.summary)
            c_rel.append(m.relation)
    mentions.clear()                          # their text is in the clause columns now
    cols = _mention_columns(rows, event_of, meta)
    rows.clear()
    mentions_df = _frame(cols, MENTION_COLUMNS)
    del cols
    for c in ("start", "end", "clause_start", "clause_end"):
        mentions_df[c] = mentions_df[c].astype("Int64")
    events_df = _frame(ev_cols, EVENT_COLUMNS)
    clauses_df = _frame(cl_cols, CLAUSE_COLUMNS)
    for col in (*ev_cols.values(), *cl_cols.values()):
        col.clear()
    from .report import document_counts
    documents_df = document_counts(pd.DataFrame(docs, columns=["doc_id", "origin", "status", "published", "outlet", "title", "url", "reason",
                                                                "encoding", "records", "content_hash", *ANCHOR_COLUMNS]), mentions_df)
    return Timeline(events_df, mentions_df, clauses_df, documents_df, problems, why)


_MISSING = float("nan")         # a key a row lacks: what a frame built from the row dicts would hold


def anchor_shifts(docs: Iterable[dict]) -> dict:
    """doc id -> the days (±1) from its anchor to the day its weekdays imply, for the documents
    whose weekdays all contradict their anchor by one day (:mod:`timeline.anchoring`): the merge
    allows them a one-day tolerance (:func:`timeline.merge.tolerate`)."""
    out = {}
    for d in docs:
        text, anchor = d.get("text_anchor"), d.get("anchor")
        if d.get("status") == "read" and text and anchor:
            days = (dt.date.fromisoformat(str(text)[:10]) - dt.date.fromisoformat(str(anchor)[:10])).days
            if abs(days) == 1:
                out[d["doc_id"]] = days
    return out


def _mention_columns(rows: list, event_of: dict, meta: dict) -> dict:
    """The columns of mentions.csv from the expression rows (each a dict), without changing them."""
    n = len(rows)
    width = max(6, len(str(n)))
    if all(r.__class__ is Row for r in rows):           # the extraction's rows: each field read in C
        def column(c):
            return list(map(attrgetter(c), rows))
    else:                                                # dicts (a store's rows, a caller's own)
        def column(c):
            return [r.get(c, _MISSING) for r in rows]
    cols: dict[str, list] = {"mention_id": [f"M{k:0{width}d}" for k in range(1, n + 1)]}
    cols["event_id"] = [None if i is None or i != i else event_of.get(i) for i in column("mention")]
    docs = column("doc_id")
    cols["doc_id"] = docs
    none3 = (None, None, None)
    m = [meta.get(d, none3) for d in docs]
    cols["outlet"] = [x[0] for x in m]
    cols["title"] = [x[1] for x in m]
    cols["url"] = [x[2] for x in m]
    for c in MENTION_COLUMNS:
        if c not in cols:
            cols[c] = column(c)
    return cols


def _frame(cols: dict, columns: list) -> pd.DataFrame:
    """A frame from plain columns, with the dtypes a frame built from one dict per row gets (each
    column inferred alone: numbers, strings with None or NaN missing, objects; no rows: objects)."""
    if not any(len(cols[c]) for c in columns):
        return pd.DataFrame([], columns=columns)
    return pd.DataFrame({c: cols[c] for c in columns}, columns=columns)


# What timeline.json says of an event of one mention: why no other mention joined it.
ALONE = {"links": [], "alone": "no other mention of a compatible date shares enough identifying words with it "
                                "(timeline/merge.py: link_threshold)"}


def _link(mentions, link: tuple) -> dict:
    """One link of an event (:attr:`timeline.merge.Event.links`: the mention, the member it joined,
    the scores, the shared stems, and the story score when the merge gives one) as timeline.json
    says it."""
    a, b, best, mean, terms = link[:5]
    out = {"mention": _ref(mentions[a]), "joined": _ref(mentions[b]), "score": best, "mean": mean, "shared": terms}
    if len(link) > 5:
        out["story"] = link[5]
    return out


def _ref(m: EventMention) -> str:
    return f"{m.doc_id}:{m.expr_start}-{m.expr_end}"

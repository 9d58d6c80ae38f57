"""Run report: per-document counts (read or skipped, with the reason) that add up, and totals."""
from __future__ import annotations

from collections import Counter

import pandas as pd

from .documents import LABELS
from .export import records

COUNTS = ["found", "resolved", "flagged", "unresolved", "placed", "derived", "events"]


def document_counts(docs: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Add the counts to the per-document table.  ``found`` counts expressions (``resolved + flagged
    + unresolved``); ``placed`` those that date an event; ``derived`` the dates obtained through a
    relation with no expression of their own («عقب X»); ``events`` the distinct events touched."""
    docs = docs.copy()
    mentions = mentions[["doc_id", "kind", "status", "event_id"]]     # not a copy of every column, filtered
    tx = mentions[mentions["kind"] == "timex"]
    status = tx["status"]
    counts = pd.DataFrame({                             # one vectorised pass, then one grouped sum
        "doc_id": tx["doc_id"].to_numpy(), "found": 1,
        "resolved": (status == "resolved").to_numpy(dtype=int),
        "flagged": (status == "flagged").to_numpy(dtype=int),
        "unresolved": (status == "unresolved").to_numpy(dtype=int),
        "placed": tx["event_id"].notna().to_numpy(dtype=int),
    }).groupby("doc_id", sort=False).sum() if len(tx) else pd.DataFrame(columns=COUNTS[:5])
    rel = mentions[mentions["kind"] == "relation"].groupby("doc_id").size().rename("derived")
    evs = mentions.dropna(subset=["event_id"]).groupby("doc_id")["event_id"].nunique().rename("events")
    docs = docs.merge(counts, how="left", left_on="doc_id", right_index=True)
    docs = docs.merge(rel, how="left", left_on="doc_id", right_index=True)
    docs = docs.merge(evs, how="left", left_on="doc_id", right_index=True)
    for c in COUNTS:
        docs[c] = docs[c].fillna(0).astype(int)
        docs.loc[docs["status"] != "read", c] = 0     # a skipped duplicate shares its id with the one read
    return docs.reset_index(drop=True)


def _flagged_with(tx: pd.DataFrame, flag: str) -> int:
    flags = tx["flags"].fillna("").astype(str)
    return int(flags.str.split(";").apply(lambda f: flag in f).sum()) if len(flags) else 0


def row_records(tl) -> list[int]:
    """The input records behind each row of ``tl.documents`` (its ``records`` column): 1 for a
    document, read or skipped; for a file skipped whole, its data rows (0 for a file that holds none)."""
    return [1 if r != r else int(r) for r in tl.documents["records"]]


def totals(tl) -> dict:
    """Totals that add up: ``records_given = articles_read + articles_skipped`` (every input record;
    a file skipped whole counts its rows), ``expressions_found = resolved + flagged + unresolved``;
    ``skipped_by_reason`` counts the skipped records by kind of problem and ``warnings_by_reason``
    the warnings (documents kept)."""
    d, m = tl.documents, tl.mentions
    d = d[[c for c in ("status", "published", "anchor_basis", "weekday_check") if c in d]]
    m = m[["kind", "status", "event_id", "flags"]]          # the columns counted, not every column filtered
    read = d[d["status"] == "read"]
    tx = m[m["kind"] == "timex"]
    basis = read["anchor_basis"] if "anchor_basis" in read else pd.Series([], dtype=object)
    skipped, warned = Counter(), Counter()
    for p in tl.problems:
        if p.severity == "error":
            skipped[p.code or "other"] += int(getattr(p, "records", 1))
        else:
            warned[p.code or "other"] += 1
    articles_skipped = sum(skipped.values())
    return {
        "records_given": int(len(read)) + articles_skipped,
        "articles_read": int(len(read)),
        "articles_skipped": articles_skipped,
        "articles_undated": int(read["published"].isna().sum()),
        "anchors_inferred": int((basis == "inferred").sum()),
        "anchors_corrected": int((basis == "corrected").sum()),
        "anchors_contradicted": int((read["weekday_check"] == "inconsistent").sum()) if "weekday_check" in read else 0,
        "expressions_found": int(len(tx)),
        "resolved": int((tx["status"] == "resolved").sum()),
        "flagged": int((tx["status"] == "flagged").sum()),
        "unresolved": int((tx["status"] == "unresolved").sum()),
        "resolved_from_inferred_anchor": _flagged_with(tx, "inferred_anchor"),
        "resolved_from_corrected_anchor": _flagged_with(tx, "corrected_anchor"),
        "placed": int(tx["event_id"].notna().sum()),
        "derived": int((m["kind"] == "relation").sum()),
        "events": int(len(tl.events)),
        "problems": int(len(tl.problems)),
        "errors": int(sum(p.severity == "error" for p in tl.problems)),
        "warnings": int(sum(p.severity != "error" for p in tl.problems)),
        "skipped_by_reason": {k: n for k, n in sorted(skipped.items()) if n},
        "warnings_by_reason": dict(sorted(warned.items())),
    }


def report(tl) -> dict:
    """``totals``, one row per input document or skip (with the ``records`` it stands for, which add
    up to ``records_given``) and every problem."""
    rows = records(tl.documents)
    for row, n in zip(rows, row_records(tl)):
        row["records"] = n
    out = {"totals": totals(tl), "documents": rows, "problems": [p.as_dict() for p in tl.problems]}
    if getattr(tl, "filters", None):            # a topic's timeline (Timeline.where): what selected it
        out["filters"] = tl.filters
    return out


def _why(counts: dict) -> str:
    return ", ".join(f"{n} {LABELS.get(code, code.replace('_', ' '))}" for code, n in
                     sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def summary_line(t: dict) -> str:
    """«5 articles read (2 skipped: 1 bad JSON, 1 missing file; 1 without a date, its anchor inferred);
    37 expressions found: 30 resolved, 2 flagged, 5 unresolved; 13 events»."""
    why = t.get("skipped_by_reason") or {}
    skipped = f"{t['articles_skipped']} skipped" + (f": {_why(why)}" if t["articles_skipped"] and why else "")
    undated = ""
    if t["articles_undated"]:
        inferred = t.get("anchors_inferred", 0)
        undated = f"; {t['articles_undated']} without a date" + (f", {inferred} anchor(s) inferred from the text"
                                                                 if inferred else "")
    contradicted = ""
    if t.get("anchors_contradicted"):
        contradicted = (f"; {t['anchors_contradicted']} whose weekdays contradict their date"
                        + (f", {t['anchors_corrected']} corrected" if t.get("anchors_corrected") else ""))
    warnings = f"; {t['warnings']} warning(s)" if t.get("warnings") else ""
    return (f"{t['articles_read']} articles read ({skipped}{undated}{contradicted}{warnings}); "
            f"{t['expressions_found']} expressions found: {t['resolved']} resolved, {t['flagged']} flagged, "
            f"{t['unresolved']} unresolved; {t['events']} events")

"""Run report: per-document counts (read or skipped, with the reason) that add up, and totals."""
from __future__ import annotations

import pandas as pd

from .export import records

COUNTS = ["found", "resolved", "flagged", "unresolved", "placed", "derived", "events"]


def document_counts(docs: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Add the counts to the per-document table.  ``found`` counts expressions (``resolved + flagged
    + unresolved``); ``placed`` those that date an event; ``derived`` the dates obtained through a
    relation with no expression of their own («عقب X»); ``events`` the distinct events touched."""
    docs = docs.copy()
    tx = mentions[mentions["kind"] == "timex"]
    g = tx.groupby("doc_id", sort=False)
    counts = pd.DataFrame({
        "found": g.size(),
        "resolved": g["status"].apply(lambda s: int((s == "resolved").sum())),
        "flagged": g["status"].apply(lambda s: int((s == "flagged").sum())),
        "unresolved": g["status"].apply(lambda s: int((s == "unresolved").sum())),
        "placed": g["event_id"].apply(lambda s: int(s.notna().sum())),
    }) if len(tx) else pd.DataFrame(columns=COUNTS[:5])
    rel = mentions[mentions["kind"] == "relation"].groupby("doc_id").size().rename("derived")
    evs = mentions.dropna(subset=["event_id"]).groupby("doc_id")["event_id"].nunique().rename("events")
    docs = docs.merge(counts, how="left", left_on="doc_id", right_index=True)
    docs = docs.merge(rel, how="left", left_on="doc_id", right_index=True)
    docs = docs.merge(evs, how="left", left_on="doc_id", right_index=True)
    for c in COUNTS:
        docs[c] = docs[c].fillna(0).astype(int)
    return docs.reset_index(drop=True)


def totals(tl) -> dict:
    d, m = tl.documents, tl.mentions
    read = d[d["status"] == "read"]
    tx = m[m["kind"] == "timex"]
    return {
        "articles_read": int(len(read)),
        "articles_skipped": int((d["status"] == "skipped").sum()),
        "articles_undated": int(read["published"].isna().sum()),
        "expressions_found": int(len(tx)),
        "resolved": int((tx["status"] == "resolved").sum()),
        "flagged": int((tx["status"] == "flagged").sum()),
        "unresolved": int((tx["status"] == "unresolved").sum()),
        "placed": int(tx["event_id"].notna().sum()),
        "derived": int((m["kind"] == "relation").sum()),
        "events": int(len(tl.events)),
        "problems": int(len(tl.problems)),
    }


def report(tl) -> dict:
    return {"totals": totals(tl), "documents": records(tl.documents),
            "problems": [p.as_dict() for p in tl.problems]}


def summary_line(t: dict) -> str:
    undated = f", {t['articles_undated']} without a date" if t["articles_undated"] else ""
    return (f"{t['articles_read']} articles read ({t['articles_skipped']} skipped{undated}); "
            f"{t['expressions_found']} expressions found: {t['resolved']} resolved, {t['flagged']} flagged, "
            f"{t['unresolved']} unresolved; {t['events']} events")

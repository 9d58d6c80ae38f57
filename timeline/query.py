"""A topic's timeline: the events of a :class:`timeline.Timeline` that pass filters, with their
mentions, clauses and documents (``Timeline.where``; ``arabic-timeline export --from --to --query
--outlet --min-sources``).

``query`` keeps the events all of whose words are in their summary, expressions, outlets or
clauses, Arabic folded as the resolver folds it (hamza and alef forms, ى/ي, diacritics, tatweel),
and also ة/ه and ؤ/ئ, as the page's search does.  Event ids are kept, so a topic's event is the
same event (``E0123``) as in the whole timeline.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

import pandas as pd

from resolvers.normalize import fold as resolver_fold

_EXTRA = str.maketrans({"ة": "ه", "ؤ": "ء", "ئ": "ء"})


def fold(text: str) -> str:
    """The search folding: the resolver's, then ة/ه and the hamza seats, lower case."""
    return resolver_fold(text or "").translate(_EXTRA).lower()


def _day(value, name: str) -> Optional[str]:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise ValueError(f"{name}: not a date (YYYY-MM-DD): {value!r}") from None


def select(tl, from_=None, to=None, query: Optional[str] = None, outlet: Optional[str] = None,
           min_sources: Optional[int] = None):
    """The :class:`timeline.Timeline` of ``tl``'s events that overlap ``[from_, to]``, hold every
    word of ``query``, have an article from ``outlet`` and at least ``min_sources`` sources (made
    as ``type(tl)``: this module imports nothing of the pipeline)."""
    ev = tl.events
    keep = pd.Series(True, index=ev.index)
    lo, hi = _day(from_, "--from"), _day(to, "--to")
    if lo:
        keep &= ev["last_day"] >= lo
    if hi:
        keep &= ev["first_day"] <= hi
    if min_sources:
        keep &= ev["n_sources"] >= int(min_sources)
    if outlet:
        want = outlet.strip().lower()
        keep &= ev["outlets"].fillna("").map(lambda s: want in {o.lower() for o in s.split(";") if o})
    words = [w for w in fold(query).split() if w] if query else []
    if words:
        texts: dict = {}
        for c in tl.clauses.itertuples(index=False):
            texts.setdefault(c.event_id, []).append(c.text)
        hay = {e: fold(" ".join([s or "", x or "", o or ""] + texts.get(e, [])))
               for e, s, x, o in zip(ev["event_id"], ev["summary"], ev["expressions"], ev["outlets"])}
        keep &= ev["event_id"].map(lambda e: all(w in hay[e] for w in words))
    events = ev[keep].reset_index(drop=True)
    ids = set(events["event_id"])
    mentions = tl.mentions[tl.mentions["event_id"].isin(ids)].reset_index(drop=True)
    clauses = tl.clauses[tl.clauses["event_id"].isin(ids)].reset_index(drop=True)
    docs = set(mentions["doc_id"])
    documents = tl.documents[tl.documents["doc_id"].isin(docs)].reset_index(drop=True)
    problems = [p for p in tl.problems if p.doc_id in docs]
    why = {k: v for k, v in tl.why.items() if k in ids}
    out = type(tl)(events, mentions, clauses, documents, problems, why)
    out.filters = {k: v for k, v in (("from", lo), ("to", hi), ("query", query), ("outlet", outlet),
                                     ("min_sources", min_sources)) if v}
    return out


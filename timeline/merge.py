"""Merge event mentions into events.

Mentions are taken finest date first (shortest interval, then date, document id, offset), so an
event's date is always the date of its first, finest mention.  Each mention joins the most similar
existing event whose mentions all lie inside its own interval, or starts a new event:

* the mention must share at least two distinct stems with the event and reach a cosine similarity
  that grows with the width of its own interval (:func:`threshold`): a shared day is good evidence,
  a shared year is not, so «this year» is not one event with every other «this year»;
* same interval (two mentions of 2025-10-15): the best event above the threshold (halved for the
  mentions of one day within one article, which nearly always tell one story);
* a coarser mention («نهاية يوليو» or «تموز الماضي» against an event of 2025-07-31): the best
  event above the threshold *and* ahead of the next compatible event by ``margin``, so a year-level
  aside is not glued to whichever event of that year happens to share a word;
* two different single days never overlap, so they are never merged, however alike the words.

Blocking keeps the cost per mention flat: an event is indexed under (calendar period, stem) for every
calendar period containing its dates (day, month, year, decade...) and every stem of its mentions but
the commonest; a mention looks up only its own smallest period with its own stems, each posting list
keeps the ``cap`` most recent events, and only the ``top`` candidates sharing the most stems are
scored.  No pair of mentions is compared outside those candidates.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Sequence

from .dates import contains, grain_rank, period_keys
from .mentions import EventMention
from .similarity import Idf, Vocabulary, cosine, norm

SAME_DATE = 0.12       # cosine needed to merge two mentions of the same day
SAME_SPAN = 0.20       # ... of the same longer span (two mentions of «تموز الماضي»), or a coarser
                       #     mention joining a finer event («نهاية يوليو» into 2025-07-31)
SAME_LONG = 0.35       # ... when the longer span is over two months (a quarter, a year: weak evidence)
SAME_DOC = 0.5        # one article's own mentions of one day: the cosine needed is halved
MARGIN = 0.08          # a coarser mention's lead over the next compatible event
MIN_SHARED = 2         # distinct stems a mention must share with an event (3 for spans over two months)
CAP = 64               # events kept per (period, stem) posting list
TOP = 50               # candidates scored exactly per mention (those sharing the most stems)


@dataclass
class Event:
    members: list                     # indexes into the mention list, finest first
    first_day: object
    last_day: object
    value: str
    mod: object
    grain: str
    hull: tuple                       # union of the members' intervals
    centroid: dict = field(default_factory=dict)
    cnorm: float = 0.0
    indexed: set = field(default_factory=set)
    docs: set = field(default_factory=set)
    summary_member: int = 0


def mention_order(m: EventMention) -> tuple:
    return ((m.last_day - m.first_day).days, m.first_day, grain_rank(m.grain), m.mod or "", m.doc_id,
            m.start, m.expr_start)


def threshold(first, last) -> tuple[float, int]:
    """(cosine, shared stems) a mention covering ``[first, last]`` needs to join an event."""
    days = (last - first).days + 1
    if days == 1:
        return SAME_DATE, MIN_SHARED
    return (SAME_SPAN, MIN_SHARED) if days <= 62 else (SAME_LONG, MIN_SHARED + 1)


def merge(mentions: Sequence[EventMention], margin: float = MARGIN, cap: int = CAP, top: int = TOP) -> list[Event]:
    vocab = Vocabulary(m.words for m in mentions)
    tokens = [vocab.tokens(m.words) for m in mentions]
    idf = Idf(tokens)
    # stems found in more than 5% of the mentions (and in more than 50) are too common to find
    # candidates with; they still count in the similarity itself
    too_common = max(50, 0.05 * idf.n)
    order = sorted(range(len(mentions)), key=lambda i: mention_order(mentions[i]))
    vecs: dict[int, dict] = {}
    events: list[Event] = []
    index: dict[tuple, deque] = {}

    for i in order:
        m = mentions[i]
        vec = vecs[i] = idf.vector(tokens[i])
        vn = norm(vec)
        keys = sorted(t for t in vec if idf.df[t] <= too_common)
        period = period_keys(m.first_day, m.last_day)[0]
        shared: dict[int, int] = {}
        for k in keys:
            for ev_id in index.get((period, k), ()):
                shared[ev_id] = shared.get(ev_id, 0) + 1
        best = sorted(shared, key=lambda e: (-shared[e], e))[:top]
        scored = sorted(((cosine(vec, events[e].centroid, vn, events[e].cnorm), -e, e) for e in best
                         if contains(m.interval, events[e].hull)), reverse=True)
        chosen = None
        if scored:
            sim, _, ev_id = scored[0]
            ev = events[ev_id]
            need, n_shared = threshold(m.first_day, m.last_day)
            if m.first_day == m.last_day and m.doc_id in ev.docs:
                need *= SAME_DOC
            if sim >= need and shared[ev_id] >= n_shared:
                if (ev.first_day, ev.last_day) == m.interval:
                    chosen = ev_id
                elif sim - (scored[1][0] if len(scored) > 1 else 0.0) >= margin:
                    chosen = ev_id
        if chosen is None:
            chosen = len(events)
            events.append(Event([], m.first_day, m.last_day, m.value, m.mod, m.grain, m.interval))
        ev = events[chosen]
        ev.members.append(i)
        ev.docs.add(m.doc_id)
        ev.hull = (min(ev.hull[0], m.first_day), max(ev.hull[1], m.last_day))
        sq = ev.cnorm * ev.cnorm                  # keep the centroid's norm up to date in O(|vec|)
        for t, w in vec.items():
            old = ev.centroid.get(t, 0.0)
            ev.centroid[t] = old + w
            sq += (old + w) ** 2 - old * old
        ev.cnorm = sq ** 0.5
        for p in period_keys(*ev.hull):
            for k in keys:
                if (p, k) not in ev.indexed:
                    ev.indexed.add((p, k))
                    index.setdefault((p, k), deque(maxlen=cap)).append(chosen)
    for ev in events:
        ev.summary_member = _medoid(ev.members, vecs, mentions)
    return events


def _medoid(members: list[int], vecs: dict, mentions: Sequence[EventMention], limit: int = 40) -> int:
    """The mention most similar to the others (ties: shorter summary, then mention order)."""
    if len(members) == 1:
        return members[0]
    pool = members[:limit]
    norms = {i: norm(vecs[i]) for i in pool}

    def score(i):
        total = sum(cosine(vecs[i], vecs[j], norms[i], norms[j]) for j in pool if j != i)
        return (-round(total, 9), len(mentions[i].summary) or 10**6, pool.index(i))
    return min(pool, key=score)

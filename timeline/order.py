"""Chronological order of events.

Events sort by the interval they cover: first by its first day, then by its last day, so that on a
shared first day a single day comes before a START-of-month span, which comes before the whole month
and then the whole year («coarser after finer»).  A month narrowed by START/MID/END sorts by its
narrowed span (a MID-January event after a 1-10 January one).  Remaining ties go by grain, mod
(«on or before» first), TIMEX3 value and the earliest mention (document id, offset): the order is
total, so the same input always gives the same sequence.
"""
from __future__ import annotations

from .dates import grain_rank

_MOD_RANK = {"BEFORE": 0, "ON_OR_BEFORE": 0, "AFTER": 2, "ON_OR_AFTER": 2}


def event_key(first_day, last_day, grain, mod, value, first_mention: tuple) -> tuple:
    return (first_day, last_day, grain_rank(grain), _MOD_RANK.get(mod or "", 1), mod or "", value or "",
            first_mention)


def order_events(events, mentions) -> list:
    """``events`` (from :func:`timeline.merge.merge`) in chronological order."""
    def key(ev):
        first = min((mentions[i].doc_id, mentions[i].start, mentions[i].expr_start) for i in ev.members)
        return event_key(ev.first_day, ev.last_day, ev.grain, ev.mod, ev.value, first)
    return sorted(events, key=key)

"""From dated Arabic articles to one ordered, deduplicated timeline of events.

    >>> import timeline
    >>> tl = timeline.build(["fixtures/seeds"])           # doctest: +SKIP
    >>> tl.events[["date", "summary", "sources"]]          # doctest: +SKIP
    >>> tl.write("out/")                                   # doctest: +SKIP

``build`` reads documents (see :mod:`timeline.documents`), tags each one against its own publication
date, turns dated clauses into event mentions (:mod:`timeline.mentions`), merges them
(:mod:`timeline.merge`) and orders the events (:mod:`timeline.order`).
"""
from __future__ import annotations

from .documents import Document, Problem
from .pipeline import CLAUSE_COLUMNS, EVENT_COLUMNS, MENTION_COLUMNS, Timeline, build

__all__ = ["build", "Timeline", "Document", "Problem", "EVENT_COLUMNS", "MENTION_COLUMNS", "CLAUSE_COLUMNS"]

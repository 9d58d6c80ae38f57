"""Arabic temporal expressions, resolved against an explicit anchor (the publication date).

    >>> from resolvers import tag
    >>> [(t.text, t.value) for t in tag("يزور الرئيس موسكو غداً الأربعاء", "2025-10-14")]
    [('غداً الأربعاء', '2025-10-15')]

``tag`` never raises on a string; each expression found is returned, resolved or with its reason.
"""
from __future__ import annotations

import datetime as _dt
from functools import lru_cache
from typing import Optional, Union

from .types import Timex, Partial

__all__ = ["tag", "prepare", "Timex", "Partial", "parse_anchor", "AnchorError"]


class AnchorError(ValueError):
    """The anchor is not a date."""


def parse_anchor(anchor) -> Optional[_dt.date]:
    """A ``date``, a ``datetime`` (its date) or an ISO string (date or date-time); None stays None."""
    if anchor is None:
        return None
    if isinstance(anchor, _dt.datetime):
        return anchor.date()
    if isinstance(anchor, _dt.date):
        return anchor
    if isinstance(anchor, str):
        s = anchor.strip()
        try:
            return _dt.date.fromisoformat(s[:10])
        except ValueError:
            raise AnchorError(f"anchor {anchor!r} is not an ISO date (YYYY-MM-DD)") from None
    raise AnchorError(f"anchor must be a date or an ISO string, not {type(anchor).__name__}")


@lru_cache(maxsize=1)
def _engine():
    from .engine import Engine
    return Engine()


def tag(text: str, anchor: Union[_dt.date, str, None]) -> list[Timex]:
    """All temporal expressions of ``text``, in text order, resolved against ``anchor``.

    Offsets are into ``text`` itself (``text[t.start:t.end] == t.text``).  With ``anchor=None`` the
    expressions that need one are returned unresolved, with that reason.
    """
    a = parse_anchor(anchor)
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if not text:
        return []
    return _engine().tag(text, a)


def prepare() -> None:
    """Build the tables and compile every rule set now (they are otherwise compiled on first use):
    for a long-lived process or a benchmark that should not count start-up."""
    _engine().compile_all()

"""Shared fixtures for the timeline tests.

``gold_tagger`` stands in for :func:`resolvers.tag` with the seed gold's own expressions, so that the
timeline half (mentions, relations, merging, order, exports) is tested on its own, whatever the
state of the resolvers; the end-to-end tests use the real ``resolvers.tag``.
"""
from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from pathlib import Path

import sys

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    # the editable install may predate the packages' __init__.py (then they import as namespace
    # packages without their API); the checkout itself always comes first
    sys.path.insert(0, str(ROOT))

from resolvers.types import Timex  # noqa: E402
SEEDS = ROOT / "fixtures" / "seeds"
PARTS = {"START": (1, 10), "MID": (11, 20), "END": (21, 31)}


def interval(value: str, mod: str | None = None):
    """First and last day of a TIMEX3 date value (YYYY, YYYY-MM, YYYY-MM-DD), narrowed by mod."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        d = dt.date.fromisoformat(value)
        return d, d, "day"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        y, m = map(int, value.split("-"))
        last = calendar.monthrange(y, m)[1]
        a, b = PARTS.get(mod, (1, last))
        return dt.date(y, m, a), dt.date(y, m, min(b, last)), "month"
    if re.fullmatch(r"\d{4}", value):
        return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31), "year"
    return None, None, None


def timex(text: str, doc: str, value: str | None, type_: str = "DATE", mod: str | None = None,
          occurrence: int = 0, **kw) -> Timex:
    """A Timex for the ``occurrence``-th appearance of ``text`` in ``doc``."""
    start = -1
    for _ in range(occurrence + 1):
        start = doc.index(text, start + 1)
    first, last, grain = interval(value, mod) if (value and type_ == "DATE") else (None, None, None)
    if type_ == "DURATION":
        grain = {"D": "day", "W": "week", "M": "month", "Y": "year"}[value[-1]]
    return Timex(text, start, start + len(text), type_, value, mod, first, last, grain, **kw)


@pytest.fixture(scope="session")
def gold():
    return json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))


def _gold_timexes(gold) -> dict[str, list[Timex]]:
    out = {}
    for d in gold["documents"]:
        text = (SEEDS / d["file"]).read_text(encoding="utf-8")
        tx = []
        for g in d["timexes"]:
            first, last, grain = interval(g["value"], g["mod"]) if g["type"] == "DATE" else (None, None, None)
            if g["type"] == "DURATION":
                grain = {"D": "day", "W": "week", "M": "month", "Y": "year"}[g["value"][-1]]
            tx.append(Timex(g["text"], g["start"], g["end"], g["type"], g["value"], g["mod"], first, last, grain,
                            rule="gold"))
        out[text] = sorted(tx, key=lambda t: t.start)
    return out


@pytest.fixture(scope="session")
def gold_tagger(gold):
    """A tagger that returns the gold expressions of a seed text (and nothing for other texts)."""
    table = _gold_timexes(gold)

    def tag(text, anchor):
        return list(table.get(text, []))
    return tag


CORPUS = ROOT.parent / "shared" / "corpora" / "saudinewsnet.jsonl"


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory):
    """The ``--out`` folder of one ``arabic-timeline build`` over the 5,000 real articles of
    ../shared/corpora/saudinewsnet.jsonl, made once per session for the slow tests that read it."""
    import subprocess
    if not CORPUS.is_file():
        pytest.skip(f"{CORPUS} is not there")
    out = tmp_path_factory.mktemp("corpus_build") / "out"
    r = subprocess.run([sys.executable, "-m", "timeline", "build", str(CORPUS), "--out", str(out)], cwd=ROOT,
                       capture_output=True, text=True, timeout=1800)
    assert r.returncode == 0, r.stderr[-2000:]
    return out

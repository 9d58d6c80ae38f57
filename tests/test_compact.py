"""What a build holds and how it holds it (issue 13): expression rows in slots that read and write
like the dicts they replace, and the collector given back as it was after a build."""
from __future__ import annotations

import datetime as dt
import gc
import pickle

import pytest

import timeline
from resolvers import tag
from timeline.mentions import ROW_KEYS, Row, extract

TEXT = "وصل الوفد أمس إلى موسكو."


def test_a_row_reads_and_writes_like_a_dict():
    d = {k: None for k in ROW_KEYS}
    d.update(text="أمس", start=3, end=6, type="DATE", kind="timex", note="")
    r = Row(**d)
    assert r == d and d == r.as_dict() and dict(r) == d and list(r) == list(ROW_KEYS) and len(r) == len(d)
    assert r["text"] == "أمس" and r.get("start") == 3 and r.get("nope", 7) == 7 and "note" in r and "nope" not in r
    r["mention"] = 4
    r["mention"] += 1
    assert r["mention"] == 5 and r != d and dict(r.items())["mention"] == 5
    with pytest.raises(KeyError):
        r["nope"]
    with pytest.raises(KeyError):
        r["nope"] = 1
    with pytest.raises(TypeError):
        Row(nope=1)
    assert pickle.loads(pickle.dumps(r)) == r and not hasattr(r, "__dict__")


def test_the_extraction_gives_rows():
    rows, _ = extract("d", TEXT, dt.date(2015, 8, 11), list(tag(TEXT, dt.date(2015, 8, 11))))
    assert rows and all(isinstance(r, Row) for r in rows) and rows[0]["flags"] == ""


def test_a_build_gives_the_collector_back():
    before, frozen = gc.get_threshold(), gc.get_freeze_count()
    tl = timeline.build([timeline.Document("a", TEXT, dt.date(2015, 8, 11))], workers=1)
    assert len(tl.events) == 1
    assert gc.get_threshold() == before and gc.get_freeze_count() == frozen

"""Every row of resolvers/data/named_events.tsv is found whole in a sentence and resolves to its own
historical date, flagged named_event, against anchors in January and December of other years."""
import pytest

from resolvers import tag
from resolvers.lexicon import read_table

ROWS = read_table("named_events")


def _value(v):
    y, m, d = v
    return f"{y:04d}" + (f"-{m:02d}" if m else "") + (f"-{d:02d}" if d else "")


@pytest.mark.parametrize("anchor", ["2026-01-02", "2015-12-30"])
@pytest.mark.parametrize("row", ROWS, ids=[r["form"] for r in ROWS])
def test_named_event_is_its_own_date(row, anchor):
    text = f"تحدث الكاتب عن ذكرى {row['form']} في مقاله"
    got = [t for t in tag(text, anchor) if t.text == row["form"]]
    assert got, [(t.text, t.value) for t in tag(text, anchor)]
    t = got[0]
    assert (t.type, t.value) == ("DATE", _value(row["value"]))
    assert "named_event" in t.flags


def test_a_day_after_a_named_event_takes_its_year():
    text = "وقع انفجار مرفأ بيروت في 4 آب"
    got = {t.text: t.value for t in tag(text, "2025-12-20")}
    assert got == {"انفجار مرفأ بيروت": "2020-08-04", "4 آب": "2020-08-04"}


def test_a_named_event_with_another_year_is_not_the_table_date():
    assert [t.value for t in tag("حرب الخليج 2003", "2015-01-01")] == ["2003"]

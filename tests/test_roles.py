"""What a date expression does in its clause (timeline/roles.py), over fixtures/roles/roles.tsv; and a
mention that dates no happening is kept in mentions.csv with its role, never on an event."""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

import timeline
from timeline.documents import Document
from timeline.roles import NOTES, role_of

ROOT = Path(__file__).resolve().parent.parent
ROWS = [r for r in csv.DictReader((line for line in open(ROOT / "fixtures" / "roles" / "roles.tsv", encoding="utf-8")
                                   if not line.startswith("#")), delimiter="\t")]


def test_the_examples_cover_every_role():
    assert {r["role"] for r in ROWS} == set(NOTES) | {"event"}


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['role']}:{r['expr']}" for r in ROWS])
def test_role(row):
    text = row["text"].replace("\\n", "\n")
    i = text.index(row["expr"])
    assert role_of(text, [(i, i + len(row["expr"]))]) == row["role"]


def test_a_reference_point_is_kept_in_the_mentions_but_makes_no_event():
    docs = [Document("a", "وأعلنت الشركة أمس نتائجها، وارتفعت الأرباح 20% مقارنة بنفس الفترة من العام الماضي.",
                     dt.date(2015, 8, 5)),
            Document("b", "الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\nأعلنت وزارة الداخلية القبض على خلية.",
                     dt.date(2015, 8, 10))]
    tl = timeline.build(docs)
    m = tl.mentions.set_index("text")
    same = "نفس الفترة من العام الماضي"
    assert m.loc[same, "role"] == "reference" and pd.isna(m.loc[same, "event_id"])
    assert m.loc[same, "note"] == f"reference: {NOTES['reference']}; not placed on the timeline"
    assert m.loc["10 أغسطس 2015 م", "role"] == "dateline" and pd.isna(m.loc["10 أغسطس 2015 م", "event_id"])
    assert m.loc["أمس", "role"] == "event" and m.loc["أمس", "event_id"] == "E0001"


def test_an_edition_label_is_a_mention_of_its_own_and_leaves_the_clause_whole():
    text = ("أعلنت اللجنة التنفيذية أن الافتتاح الرسمي لفعاليات السوق بنسخته التاسعة (1436هـ - 2015م) سيكون "
            "مساء الأربعاء 27 شوال الجاري بمشاركة الأدباء والشعراء.")
    tl = timeline.build([Document("a", text, dt.date(2015, 8, 9))])
    m = tl.mentions.set_index("text")
    assert m.loc["1436هـ", "role"] == "name" and pd.isna(m.loc["1436هـ", "event_id"])
    day = m.loc["مساء الأربعاء 27 شوال الجاري"]
    assert day["role"] == "event" and day["value"] == "2015-08-12TEV" and not pd.isna(day["event_id"])
    # the label does not cut the other date's clause: it still opens at the sentence's start
    assert int(day["clause_start"]) == 0

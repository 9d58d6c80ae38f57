"""The store (timeline/store.py): add only what is new, replace what changed, the same events as one
build whatever the batches, a crash leaves it as it was, a reader keeps the version it opened, a
file that is no store (or an inconsistent one) is refused with its name."""
from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest

import timeline
from timeline import store
from timeline.store import StoreError

from conftest import CORPUS, SEEDS

D = dt.date(2015, 8, 11)


def _docs(texts: dict, day=D, outlet="okaz"):
    return [timeline.Document(k, v, day, title=f"عنوان {k}", url=f"http://example.com/{k}", outlet=outlet)
            for k, v in texts.items()]


CUP = {"a": "يلتقي فريقا الهلال والنصر غداً الأربعاء في كأس السوبر السعودي على ملعب لوفتس رود في لندن.",
       "b": "تقام مباراة كأس السوبر السعودي بين الهلال والنصر غدا الأربعاء على ملعب لوفتس رود بلندن.",
       "c": "وأعلنت وزارة الصحة أمس تسجيل حالات جديدة في الرياض وجدة."}


def test_add_keeps_what_is_stored_and_replaces_what_changed(tmp_path):
    path = tmp_path / "news.duckdb"
    r = store.add(path, _docs(CUP), workers=1)
    assert (r.added, r.unchanged, r.replaced, r.skipped) == (3, 0, 0, 0)
    counts = store.stored_counts(path)
    assert counts["documents"] == 3 and counts["runs"] == 1 and counts["events"] == r.events > 0
    again = store.add(path, _docs(CUP), workers=1)
    assert (again.added, again.unchanged, again.replaced) == (0, 3, 0)
    changed = dict(CUP, c="وأعلنت وزارة التعليم أمس بدء العام الدراسي في الرياض.")
    r3 = store.add(path, _docs(changed), workers=1)
    assert (r3.added, r3.unchanged, r3.replaced) == (0, 2, 1)
    tl = store.open_timeline(path)
    assert tl.documents["doc_id"].tolist() == ["a", "b", "c"]
    texts = " ".join(tl.clauses["text"])
    assert "التعليم" in texts and "الصحة" not in texts          # the old content's mentions went with it
    fresh = timeline.build(_docs(changed), workers=1)
    assert tl.events.drop(columns=[]).equals(fresh.events)
    assert store.stored_counts(path)["documents"] == 3


def test_the_store_is_the_build(tmp_path):
    path = tmp_path / "seeds.duckdb"
    store.add(path, [SEEDS], workers=1)
    tl, built = store.open_timeline(path), timeline.build([SEEDS], workers=1)
    for name in ("events", "mentions", "clauses", "documents"):
        assert getattr(tl, name).equals(getattr(built, name)), name
    assert tl.why == built.why and [str(p) for p in tl.problems] == [str(p) for p in built.problems]
    with store.reading(path) as con:
        n = con.execute("SELECT count(*) FROM event_links").fetchone()[0]
        assert n == sum(len(w["links"]) for w in built.why.values()) > 0
        assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "1"


def test_skipped_records_and_problems_are_kept(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "x", "text": "وصل الوفد أمس إلى الرياض.", "published": "2015-08-11"},
                              ensure_ascii=False) + "\n{bad json\n", encoding="utf-8")
    path = tmp_path / "s.duckdb"
    r = store.add(path, [src], workers=1)
    assert (r.added, r.skipped) == (1, 1)
    tl = store.open_timeline(path)
    assert tl.totals()["records_given"] == 2 and tl.totals()["articles_skipped"] == 1
    assert any(p.code == "bad_json" for p in tl.problems)


def test_a_crash_during_add_leaves_the_store_as_it_was(tmp_path):
    path = tmp_path / "news.duckdb"
    store.add(path, _docs({"a": CUP["a"]}), workers=1)
    before = path.read_bytes()

    def crash(tmp):
        raise KeyboardInterrupt
    with pytest.raises(KeyboardInterrupt):
        store.add(path, _docs(CUP), workers=1, _after_commit=crash)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.duckdb", "news.duckdb.lock"]
    assert store.stored_counts(path)["documents"] == 1


def test_a_reader_keeps_the_version_it_opened(tmp_path):
    path = tmp_path / "news.duckdb"
    store.add(path, _docs({"a": CUP["a"]}), workers=1)
    with store.reading(path) as con:
        store.add(path, _docs(CUP), workers=1)            # a writer while the reader is open
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert store.stored_counts(path)["documents"] == 3


def test_what_is_no_store_is_refused_with_its_name(tmp_path):
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError, match="junk.duckdb"):
        store.open_timeline(junk)
    with pytest.raises(StoreError, match="no such store"):
        store.open_timeline(tmp_path / "missing.duckdb")
    path = tmp_path / "s.duckdb"
    store.add(path, _docs(CUP), workers=1)
    broken = tmp_path / "broken.duckdb"
    shutil.copyfile(path, broken)
    import duckdb
    con = duckdb.connect(str(broken))
    con.execute("DELETE FROM documents WHERE doc_id = 'a'")
    con.close()
    with pytest.raises(StoreError, match=r"broken.duckdb: the store is inconsistent: \d+ expressions of no stored"):
        store.open_timeline(broken)
    old = tmp_path / "old.duckdb"
    shutil.copyfile(path, old)
    con = duckdb.connect(str(old))
    con.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="schema version 0; this program reads version 1"):
        store.add(old, _docs(CUP), workers=1)


def _split(records, key, n=3):
    groups: dict = {}
    for r in records:
        groups.setdefault(key(r), []).append(r)
    keys = sorted(groups)
    size = -(-len(keys) // n)
    return [[r for k in keys[i:i + size] for r in groups[k]] for i in range(0, len(keys), size)]


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_file(), reason=f"{CORPUS} is not there")
@pytest.mark.parametrize("by", ["date", "outlet"])
def test_batches_give_the_events_of_one_build(corpus_build, tmp_path, by):
    """The 5,000 real articles added in three batches (by publication date, by outlet) give the
    events.csv of one build, byte for byte."""
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    key = (lambda r: r["published"]) if by == "date" else (lambda r: r["outlet"])
    path = tmp_path / "news.duckdb"
    for k, batch in enumerate(_split(records, key)):
        part = tmp_path / f"part{k}.jsonl"
        part.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in batch), encoding="utf-8")
        store.add(path, [part])
    out = tmp_path / "out"
    store.open_timeline(path).write(out)
    assert (out / "events.csv").read_bytes() == (corpus_build / "events.csv").read_bytes()
    assert store.stored_counts(path)["documents"] == 5000


def test_cli_add_and_export(tmp_path, capsys):
    from timeline.cli import main
    path = tmp_path / "news.duckdb"
    assert main(["add", str(SEEDS), "--store", str(path)]) == 0
    err = capsys.readouterr().err
    assert "5 document(s) added, 0 already stored unchanged" in err
    assert main(["add", str(SEEDS), "--store", str(path)]) == 0
    assert "0 document(s) added, 5 already stored unchanged" in capsys.readouterr().err
    out = tmp_path / "all"
    assert main(["export", "--store", str(path), "--out", str(out)]) == 0
    built = tmp_path / "built"
    assert main(["build", str(SEEDS), "--out", str(built)]) == 0
    for name in ("events.csv", "mentions.csv", "events_flat.csv", "timelinejs.json", "timeline.json"):
        assert (out / name).read_bytes() == (built / name).read_bytes(), name
    topic = tmp_path / "topic"
    assert main(["export", "--store", str(path), "--out", str(topic), "--query", "القامشلى", "--min-sources", "1"]) == 0
    import csv
    rows = list(csv.DictReader(open(topic / "events.csv", encoding="utf-8-sig")))
    everything = {r["event_id"]: r for r in csv.DictReader(open(out / "events.csv", encoding="utf-8-sig"))}
    assert rows and all(r == everything[r["event_id"]] for r in rows) and len(rows) < len(everything)
    report = json.loads((topic / "report.json").read_text(encoding="utf-8"))
    assert report["filters"] == {"query": "القامشلى", "min_sources": 1}
    assert main(["export", "--store", str(path), "--out", str(tmp_path / "x"), "--from", "someday"]) == 2
    assert "--from: not a date" in capsys.readouterr().err
    assert main(["export", "--store", str(tmp_path / "none.duckdb"), "--out", str(tmp_path / "y")]) == 1
    assert "no such store" in capsys.readouterr().err
    assert main(["add", str(tmp_path / "missing.jsonl"), "--store", str(path)]) == 1
    assert main(["add", str(tmp_path / "missing.jsonl"), "--store", str(path), "--keep-going"]) == 0
    assert store.stored_counts(path)["documents"] == 5


def test_where_selects_a_topic():
    tl = timeline.build(_docs(CUP), workers=1)
    cup = tl.where(query="السوبر لندن")
    assert len(cup.events) == 1 and cup.events.iloc[0]["n_sources"] == 2
    assert set(cup.mentions["event_id"]) == set(cup.events["event_id"]) and set(cup.documents["doc_id"]) == {"a", "b"}
    assert len(tl.where(outlet="OKAZ").events) == len(tl.events)
    assert len(tl.where(outlet="sabq").events) == 0
    assert len(tl.where(from_="2015-08-12", to="2015-08-12").events) == 1
    assert len(tl.where(min_sources=2).events) == 1
    with pytest.raises(ValueError, match="--to: not a date"):
        tl.where(to="tomorrow")

"""Engines: local worker processes and a Dask cluster give the local engine's events, byte for byte."""
from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

import pytest

import timeline
from timeline import engines
from timeline.merge import group_key, merge, plan, stats_of

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
CORPUS = ROOT.parent / "shared" / "corpora" / "saudinewsnet.jsonl"


@pytest.fixture(scope="module")
def slice_jsonl(tmp_path_factory):
    """The seeds plus 300 real articles (the corpus when present, else the seeds repeated under new ids)."""
    path = tmp_path_factory.mktemp("corpus") / "slice.jsonl"
    if CORPUS.exists():
        with open(CORPUS, encoding="utf-8") as f:
            lines = list(itertools.islice(f, 300))
    else:
        import csv
        rows = list(csv.DictReader(open(SEEDS / "manifest.csv", encoding="utf-8")))
        lines = [json.dumps({"id": f"x{k}-{r['id']}", "published": r["published"],
                             "text": (SEEDS / r["file"]).read_text(encoding="utf-8")}, ensure_ascii=False) + "\n"
                 for k in range(60) for r in rows]
    path.write_text("".join(lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def local_out(slice_jsonl, tmp_path_factory):
    out = tmp_path_factory.mktemp("local")
    tl = timeline.build([SEEDS, slice_jsonl], workers=1)
    tl.to_csv(out)
    return out, tl


def test_chunks_keep_problems_in_place():
    doc = timeline.Document
    items = [doc(f"d{i}", "نص", None) for i in range(5)]
    items.insert(2, timeline.Problem("f", "bad line"))
    chunks = list(engines._chunks(items, 2))
    assert [len(c) for c in chunks] == [2, 3, 1]          # cut after every 2 documents
    assert list(itertools.chain.from_iterable(chunks)) == items


def test_local_workers_give_the_same_bytes(slice_jsonl, local_out, tmp_path):
    out, tl1 = local_out
    tl = timeline.build([SEEDS, slice_jsonl], workers=2)
    tl.to_csv(tmp_path)
    assert (tmp_path / "events.csv").read_bytes() == (out / "events.csv").read_bytes()
    assert (tmp_path / "mentions.csv").read_bytes() == (out / "mentions.csv").read_bytes()
    assert len(tl.events) == len(tl1.events) > 100


def test_auto_workers_stay_in_process_for_a_small_input():
    runner = engines.make_runner("local", None, None)
    tl_items = list(runner.extract(iter([timeline.Document("a", "وصل اليوم إلى موسكو", None)]), None, False))
    assert runner.workers == 1 and len(tl_items) == 1


def test_unpicklable_tagger_runs_in_process(gold_tagger):
    tl = timeline.build([SEEDS], tagger=gold_tagger, workers=2)
    assert len(tl.events) > 5


def test_scheduler_needs_the_dask_engine():
    with pytest.raises(ValueError, match="dask"):
        engines.make_runner("local", 1, None, "tcp://127.0.0.1:1")


def test_merge_steps_group_by_month_year_and_the_rest(local_out):
    _, tl = local_out
    import datetime as dt
    from timeline.mentions import EventMention

    def m(first, last):
        return EventMention("d", 0, 1, "x", 0, 1, "x", "v", None, first, last, "day", "x", ["كلمة"])
    D = dt.date
    assert group_key(m(D(2015, 7, 1), D(2015, 7, 31))) == (1, 2015, 7)
    assert group_key(m(D(2015, 7, 1), D(2015, 8, 31))) == (2, 2015, 0)
    assert group_key(m(D(2014, 12, 20), D(2015, 1, 5))) == (3, 0, 0)


def test_merge_with_a_map_hook_is_the_plain_merge(gold_tagger):
    from timeline.mentions import extract
    import csv
    ms = []
    for r in csv.DictReader(open(SEEDS / "manifest.csv", encoding="utf-8")):
        text = (SEEDS / r["file"]).read_text(encoding="utf-8")
        import datetime as dt
        pub = dt.date.fromisoformat(r["published"][:10])
        ms += extract(r["id"], text, pub, gold_tagger(text, pub))[1]

    def fake_map(func, batches, stats, *args):            # what a cluster does, here
        import pickle
        return [pickle.loads(pickle.dumps(func(pickle.loads(pickle.dumps(b)), stats, *args))) for b in batches]
    plain = [(ev.members, ev.value, ev.summary_member) for ev in merge(ms)]
    mapped = [(ev.members, ev.value, ev.summary_member) for ev in merge(ms, map_fn=fake_map)]
    assert plain == mapped and len(plain) > 5
    assert sum(len(v) for v in plan(ms).values()) == len(ms)
    assert stats_of(ms).weight


def _cli(args, env):
    import os
    import subprocess
    run = subprocess.run([sys.executable, "-m", "timeline", "build", *map(str, args)], cwd=ROOT,
                         env={**os.environ, **env}, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    return run


def test_dask_engine_on_a_local_cluster_with_two_workers(slice_jsonl, tmp_path, monkeypatch):
    """``build --engine dask --scheduler ADDRESS`` against a LocalCluster of 2 worker processes writes
    the local engine's events.csv and mentions.csv, byte for byte.  The processes run with different
    hash seeds: nothing in the output may depend on the order sets iterate in."""
    pytest.importorskip("dask.distributed")
    from dask.distributed import LocalCluster
    _cli([SEEDS, slice_jsonl, "--out", tmp_path / "local", "--workers", "1"], {"PYTHONHASHSEED": "1"})
    monkeypatch.setenv("PYTHONHASHSEED", "2")            # the cluster's worker processes inherit it
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        assert len(cluster.workers) == 2
        _cli([SEEDS, slice_jsonl, "--out", tmp_path / "dask", "--engine", "dask", "--scheduler",
              cluster.scheduler_address], {"PYTHONHASHSEED": "3"})
    for name in ("events.csv", "mentions.csv"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name
    assert (tmp_path / "local" / "events.csv").read_text(encoding="utf-8-sig").count("\n") > 100


def test_dask_missing_names_the_extra(monkeypatch):
    import builtins
    real = builtins.__import__

    def no_dask(name, *a, **kw):
        if name.startswith("dask"):
            raise ImportError("No module named 'dask'", name="dask")
        return real(name, *a, **kw)
    monkeypatch.setattr(builtins, "__import__", no_dask)
    with pytest.raises(engines.EngineUnavailable, match=r"pip install 'arabic-timeline\[dask\]'"):
        engines.make_runner("dask", 2, None)


def test_cli_engine_options(tmp_path):
    from timeline.cli import main
    assert main(["build", str(SEEDS), "--out", str(tmp_path / "a"), "--workers", "2"]) == 0
    with pytest.raises(SystemExit) as e:
        main(["build", str(SEEDS), "--out", str(tmp_path / "b"), "--scheduler", "tcp://127.0.0.1:1"])
    assert e.value.code == 2
    assert (tmp_path / "a" / "events.csv").exists() and sys.modules.get("timeline.engines")

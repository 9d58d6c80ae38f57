"""The writers of timeline/export.py give the bytes of the plain pandas and json calls they replace:
``DataFrame.to_csv`` (formula cells neutralised), ``json.dumps`` compact, ``json.dumps(indent=1)``."""
from __future__ import annotations

import datetime as dt
import json
import math
import random

import numpy as np
import pandas as pd
import pytest

from timeline import export


def _pandas_csv(df, path):
    export.neutralise_formulas(df).to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n")
    return path.read_bytes()


def _frames():
    rnd = random.Random(7)
    floats = [rnd.uniform(-1e6, 1e6) for _ in range(50)] + [0.1 + 0.2, 1e16, 1e-5, 2.0, -0.0, 123456789.125,
                                                              float("nan"), 3.585, 1 / 3]
    n = len(floats)
    yield pd.DataFrame({
        "f": floats,
        "i": list(range(n)),
        "I": pd.array([None if k % 7 == 0 else k * 1000 for k in range(n)], dtype="Int64"),
        "b": [k % 2 == 0 for k in range(n)],
        "s": [["=1+1", "+x", "-3", "@a", "\tt", "\rr", "a,b", 'say "hi"', "line\nbreak", "", None, "عربي «نص»",
               "  lead", "trail ", "'q", "x\r\ny"][k % 16] for k in range(n)],
        "o": [[None, 1, "t", 2.5, ["a"], {"k": 1}, float("nan"), dt.date(2015, 1, 2), True][k % 9] for k in range(n)],
        "fn": [None if k % 3 else 0.5 * k for k in range(n)],
    })
    yield pd.DataFrame({"only": ["", "a", None, "=b"]})                       # a single column
    yield pd.DataFrame({"a": [], "b": []})                                     # no rows
    yield pd.DataFrame([], columns=["x", "y"])
    yield pd.DataFrame({"n": [1.0, None, 3.0], "t": pd.array(["a", None, "-"], dtype="string")})
    yield pd.DataFrame({"d": pd.to_datetime(["2015-01-01", None]), "s": ["a", "b"]})     # through pandas
    yield pd.DataFrame({"o": [np.int64(3), "x"]})                              # NumPy scalars: through pandas
    yield pd.DataFrame({"F": pd.array([1.5, None], dtype="Float64"), "u": np.array([1, 2], dtype="uint8")})


@pytest.mark.parametrize("k", range(8))
def test_csv_is_what_pandas_writes(tmp_path, k):
    df = list(_frames())[k]
    assert export.write_csv(df, tmp_path / "fast.csv").read_bytes() == _pandas_csv(df, tmp_path / "pandas.csv")


def test_csv_of_a_real_timeline_is_what_pandas_writes(tmp_path):
    import timeline
    from pathlib import Path
    tl = timeline.build([Path(__file__).resolve().parent.parent / "fixtures" / "seeds"], workers=1)
    for name, df in (("events", tl.events), ("mentions", tl.mentions), ("documents", tl.documents)):
        assert export.write_csv(df, tmp_path / f"{name}.csv").read_bytes() == _pandas_csv(df, tmp_path / "p.csv")


def _docs():
    rnd = random.Random(3)
    words = ["a", "عربي", 'q"uote', "back\\slash", "\u2028", "\x00ctl", "tab\t", "😀", ""]
    out = []
    for k in range(700):
        out.append({"id": k, "text": " ".join(rnd.choice(words) for _ in range(5)), "score": rnd.random() * 10,
                    "none": None, "flag": k % 2 == 0, "nan": float("nan") if k % 50 == 0 else 1.5,
                    "big": 10 ** 20 + k, "list": [k, [k, {"x": ()}], {}], "date": dt.date(2015, 1, 1 + k % 28),
                    1: "int key", 2.5: "float key", None: "none key", False: "bool key"})
    return out


def test_pretty_json_is_json_dumps_indented():
    cases = [{}, [], "x", 1, 1.5, None, True, float("inf"), {"a": []}, {"a": {}}, [[[]]], (1, 2),
             {"totals": {"n": 1}, "documents": _docs()[:50], "problems": []}, _docs()]
    for obj in cases:
        assert export.pretty_json(obj) == json.dumps(obj, ensure_ascii=False, indent=1, default=str)
    loop: list = []
    loop.append(loop)
    with pytest.raises(ValueError):
        export.pretty_json(loop)


def test_streamed_json_is_json_dumps_compact(tmp_path):
    for obj in ({"events": _docs(), "totals": {"n": 3}}, {}, {"a": list(range(1000)), 5: [1] * 257, None: "x"},
                {"events": [{"x": k} for k in range(256)]}):
        want = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=str) + "\n"
        assert export.write_json(obj, tmp_path / "t.json").read_text(encoding="utf-8") == want
        assert export.write_json_stream(obj, tmp_path / "s.json", chunk=7).read_text(encoding="utf-8") == want


def test_nan_floats_are_written_as_json_does():
    assert export.pretty_json({"x": math.nan}) == json.dumps({"x": math.nan}, indent=1)


def test_indented_json_file_is_json_dump_indented(tmp_path, monkeypatch):
    monkeypatch.setattr(export._Parts, "FLUSH", 5)          # written out many times along the way
    obj = {"totals": {"n": 1, "by": {}}, "documents": _docs()[:40], "problems": [{"a": [1, 2]}]}
    want = json.dumps(obj, ensure_ascii=False, indent=1, default=str) + "\n"
    assert export.write_json(obj, tmp_path / "r.json", pretty=True).read_text(encoding="utf-8") == want

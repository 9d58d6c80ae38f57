"""Writers: CSV (UTF-8 with BOM, so that Excel shows Arabic), JSON, all atomic (temp file, then
``os.replace``), so that a reader never sees a half-written file.

Each writer gives the bytes the plain pandas or json call would (``DataFrame.to_csv``,
``json.dumps``), by a cheaper road: CSV from the frame's columns as plain lists through the csv
module, an indented JSON file with each scalar through the json module's C encoder, a large JSON
file a slice of its lists at a time (``tests/test_writers.py`` holds them to the plain calls)."""
from __future__ import annotations

import contextlib
import csv
import json
import os
import tempfile
from pathlib import Path
from typing import Optional

import numpy as np
import pandas as pd

_UMASK = os.umask(0o022)
os.umask(_UMASK)


@contextlib.contextmanager
def atomic_path(path: Path):
    """Yield a temporary path next to ``path``; it replaces ``path`` only if the block succeeds."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o666 & ~_UMASK)            # mkstemp makes 0600 files; give the usual mode
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


# A spreadsheet reads a cell that starts with one of these as a formula (CSV injection): such a cell
# gets a leading apostrophe, as OWASP recommends, which the spreadsheet shows as text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA = r"^[=+\-@\t\r]"


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with every text cell that a spreadsheet would run as a formula prefixed with ``'``."""
    out = None
    for name in df.columns:
        s = df[name]
        if not (s.dtype == object or pd.api.types.is_string_dtype(s.dtype)):
            continue
        hit = s.str.contains(_FORMULA, regex=True, na=False)
        if hit.any():
            if out is None:
                out = df.copy()
            out[name] = s.where(~hit, "'" + s.astype(object).where(hit, ""))
    return df if out is None else out


def write_csv(df: pd.DataFrame, path: Path) -> Path:
    """``df`` as CSV (UTF-8 with BOM, ``\\n`` line ends, no index): the bytes
    ``neutralise_formulas(df).to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\\n")``
    writes, from the frame's columns as plain lists through the csv module (pandas formats every
    cell through NumPy first).  A frame with a column of another kind (dates, categories, NumPy
    scalars in an object column) goes through pandas."""
    cols = _csv_columns(df)
    with atomic_path(path) as tmp:
        if cols is None:
            neutralise_formulas(df).to_csv(tmp, index=False, encoding="utf-8-sig", lineterminator="\n")
        else:
            with open(tmp, "w", encoding="utf-8-sig", newline="") as f:
                _write_rows(f, [str(c) for c in df.columns], cols)
    return Path(path)


def _write_rows(f, header: list, cols: list) -> None:
    w = csv.writer(f, lineterminator="\n", delimiter=",", quotechar='"', doublequote=True, escapechar=None,
                   quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    w.writerows(zip(*cols))


_NUMPY_SCALAR = np.generic


def _csv_columns(df: pd.DataFrame) -> Optional[list]:
    """Each column of ``df`` as the cells ``to_csv`` writes (a missing value as ``""``, a float as
    NumPy prints it, a text cell that a spreadsheet would run prefixed with ``'``), or None when a
    column needs pandas' own formatting."""
    if len(df.columns) == 0 or not df.columns.is_unique or not all(isinstance(c, str) for c in df.columns):
        return None
    out = []
    for name in df.columns:
        s = df[name]
        dtype = s.dtype
        is_object = dtype == object
        text = is_object or pd.api.types.is_string_dtype(dtype)
        kind = getattr(dtype, "kind", "")
        if not text and kind not in "iufb":
            return None
        vals = s.tolist()
        if is_object and any(isinstance(v, _NUMPY_SCALAR) for v in vals):
            return None
        if kind == "f":                    # NumPy's str of a float64 (what to_csv writes), not repr
            na = s.isna().tolist()
            vals = ["" if n else str(np.float64(v)) if isinstance(dtype, np.dtype) else v
                    for v, n in zip(vals, na)]
        elif s.hasnans:
            vals = ["" if n else v for v, n in zip(vals, s.isna().tolist())]
        if text and is_object:
            vals = ["'" + v if isinstance(v, str) and v[:1] in _FORMULA_FIRST else v for v in vals]
        elif text:                          # a text column: the cells to neutralise found in C
            hit = s.str.contains(_FORMULA, regex=True, na=False)
            if hit.any():
                for k in np.flatnonzero(hit.to_numpy(dtype=bool)).tolist():
                    vals[k] = "'" + vals[k]
        out.append(vals)
    return out


_FORMULA_FIRST = frozenset(FORMULA_START)


def write_json(obj, path: Path, pretty: bool = False) -> Path:
    """``pretty`` indents (for small files people read); otherwise compact, which lets the json
    module use its C encoder (a 27 MB timeline.json in a fraction of the time).  A dict is written a
    slice of its long lists at a time (:func:`write_json_stream`)."""
    if not pretty and isinstance(obj, dict):
        return write_json_stream(obj, path)
    with atomic_path(path) as tmp:
        with open(tmp, "w", encoding="utf-8") as f:
            if pretty:
                _pretty_to(f, obj, 1)
            else:
                f.write(_compact(obj))
            f.write("\n")
    return Path(path)


def write_json_stream(obj: dict, path: Path, chunk: int = 256) -> Path:
    """What ``json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=str)`` gives,
    followed by a newline, written ``chunk`` items of each long list at a time: the document is
    never one string in memory (a 33 MB timeline.json is some 60 MB of ``str``)."""
    with atomic_path(path) as tmp:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write("{")
            for k, (key, value) in enumerate(obj.items()):
                if k:
                    f.write(",")
                f.write(_compact(_key(key)))
                f.write(":")
                if isinstance(value, list) and len(value) > chunk:
                    f.write("[")
                    for a in range(0, len(value), chunk):
                        if a:
                            f.write(",")
                        f.write(_compact(value[a:a + chunk])[1:-1])
                    f.write("]")
                else:
                    f.write(_compact(value))
            f.write("}\n")
    return Path(path)


def _compact(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=str)


def _scalar(v) -> str:
    """``_compact(v)`` for a scalar, without the call's set-up (the json module's own functions)."""
    cls = v.__class__
    if cls is str:
        return _encode_str(v)
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if cls is int:
        return int.__repr__(v)
    if cls is float and v == v and v not in (_INF, -_INF):
        return float.__repr__(v)
    return _compact(v)


_encode_str = json.encoder.encode_basestring       # the C encoder's, as json.dumps(ensure_ascii=False) uses
_INF = float("inf")


def _key(key) -> str:
    """A dict key as the json module writes it (a number, a boolean or None becomes a string)."""
    if isinstance(key, str):
        return key
    if key is True:
        return "true"
    if key is False:
        return "false"
    if key is None:
        return "null"
    if isinstance(key, (int, float)):
        return next(iter(json.loads(_compact({key: 0}))))
    raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")


def pretty_json(obj, indent: int = 1) -> str:
    """``json.dumps(obj, ensure_ascii=False, indent=indent, default=str)``, character for character:
    the json module encodes an indented document in Python, one value at a time; here each scalar
    goes through its C encoder and the pieces are joined once (report.json: 1.2 s -> 0.2 s)."""
    parts = _Parts(None)
    _pretty(obj, parts, "\n", " " * indent, set())
    return "".join(parts)


def _pretty_to(f, obj, indent: int = 1) -> None:
    """:func:`pretty_json` written to ``f`` a few thousand pieces at a time (report.json of 50,000
    articles is two million pieces)."""
    parts = _Parts(f)
    _pretty(obj, parts, "\n", " " * indent, set())
    parts.flush()


class _Parts(list):
    """The pieces of a document; with a file, written out and dropped every ``FLUSH`` pieces."""
    FLUSH = 8192

    def __init__(self, f):
        super().__init__()
        self.f = f

    def append(self, piece: str) -> None:
        super().append(piece)
        if self.f is not None and len(self) >= self.FLUSH:
            self.flush()

    def flush(self) -> None:
        if self.f is not None and self:
            self.f.write("".join(self))
            self.clear()


_SCALAR = (str, int, float, type(None))     # bool is an int


def _pretty(o, out: list, nl: str, step: str, seen: set) -> None:
    if isinstance(o, _SCALAR):
        out.append(_scalar(o))
        return
    if isinstance(o, dict):
        if not o:
            out.append("{}")
            return
        items, opening, closing = o.items(), "{", "}"
    elif isinstance(o, (list, tuple)):
        if not o:
            out.append("[]")
            return
        items, opening, closing = o, "[", "]"
    else:                                   # default=str: the value's text, as a JSON string
        _pretty(str(o), out, nl, step, seen)
        return
    if id(o) in seen:
        raise ValueError("Circular reference detected")
    seen.add(id(o))
    inner = nl + step
    sep = "," + inner
    out.append(opening)
    first = True
    if opening == "{":
        for k, v in items:
            out.append(inner if first else sep)
            first = False
            out.append(_encode_str(k) if k.__class__ is str else _compact(_key(k)))
            out.append(": ")
            if isinstance(v, _SCALAR):
                out.append(_scalar(v))
            else:
                _pretty(v, out, inner, step, seen)
    else:
        for v in items:
            out.append(inner if first else sep)
            first = False
            if isinstance(v, _SCALAR):
                out.append(_scalar(v))
            else:
                _pretty(v, out, inner, step, seen)
    out.append(nl + closing)
    seen.discard(id(o))


def records(df: pd.DataFrame) -> list[dict]:
    """DataFrame rows as plain JSON-ready dicts (NaN -> None, numpy scalars -> Python).  Built
    column by column (``tolist`` converts in C), then zipped into rows."""
    if len(df.columns) == 0:
        return [{} for _ in range(len(df))]
    cols = []
    for name in df.columns:
        s = df[name]
        vals = s.tolist()
        if s.hasnans:
            vals = [None if na else v for v, na in zip(vals, s.isna().tolist())]
        if s.dtype == object:
            vals = [v.item() if hasattr(v, "item") else v for v in vals]
        cols.append(vals)
    names = list(df.columns)
    return [dict(zip(names, row)) for row in zip(*cols)]

"""Writers: CSV (UTF-8 with BOM, so that Excel shows Arabic), JSON, all atomic (temp file, then
``os.replace``), so that a reader never sees a half-written file."""
from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path

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
    with atomic_path(path) as tmp:
        neutralise_formulas(df).to_csv(tmp, index=False, encoding="utf-8-sig", lineterminator="\n")
    return Path(path)


def write_json(obj, path: Path, pretty: bool = False) -> Path:
    """``pretty`` indents (for small files people read); otherwise compact, which lets the json
    module use its C encoder (a 27 MB timeline.json in a fraction of the time)."""
    with atomic_path(path) as tmp:
        with open(tmp, "w", encoding="utf-8") as f:
            if pretty:
                json.dump(obj, f, ensure_ascii=False, indent=1, default=str)
            else:
                # json.dumps, not json.dump: only a one-shot encoding uses the C encoder
                f.write(json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=str))
            f.write("\n")
    return Path(path)


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

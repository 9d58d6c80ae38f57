"""Documents and their readers.

An input is a folder holding ``manifest.csv`` (``id,file,published[,title,url,source]``) and the
``.txt`` files it names, or a ``.jsonl`` / ``.csv`` / ``.parquet`` file with ``id,text,published``
columns (plus optional ``title,url,source``).  Readers are generators: a JSONL file is read line by
line and a Parquet file batch by batch, so a large corpus never sits in memory at once.

Nothing is dropped silently.  Every reader yields either a :class:`Document` or a :class:`Problem`
naming the file, the line (or row, or id) and the reason.  A document whose publication date is
missing or unreadable is still yielded, with ``published=None`` and a warning problem: it is never
dated with the machine's clock, and its relative expressions are left unresolved later on.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

REQUIRED = ("id", "text", "published")
OPTIONAL = ("title", "url", "source")
MANIFEST = "manifest.csv"


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    published: Optional[dt.date]
    title: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    origin: str = ""                     # where it came from: "dir/manifest.csv:3", "a.jsonl:12"


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input.  ``severity`` is 'error' (the document or file was skipped) or
    'warning' (the document was kept, e.g. without a publication date)."""
    file: str
    reason: str
    line: Optional[int] = None
    doc_id: Optional[str] = None
    severity: str = "error"

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line is not None else "")
        who = f" [{self.doc_id}]" if self.doc_id else ""
        return f"{self.severity}: {where}{who}: {self.reason}"

    def as_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "id": self.doc_id, "severity": self.severity,
                "reason": self.reason}


Item = Union[Document, Problem]


def parse_published(value) -> Optional[dt.date]:
    """An ISO date or datetime (string, ``date``, ``datetime`` or pandas ``Timestamp``) -> its date.
    ``None`` for empty values; ``ValueError`` for anything unparseable.  A datetime keeps the calendar
    date it was written with (no time-zone conversion)."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "to_pydatetime"):            # pandas / numpy timestamps
        return value.to_pydatetime().date()
    s = str(value).strip()
    if not s:
        return None
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        pass
    s2 = s[:-1] + "+00:00" if s.endswith(("Z", "z")) else s
    try:
        return dt.datetime.fromisoformat(s2.replace(" ", "T", 1) if "T" not in s2 else s2).date()
    except ValueError:
        raise ValueError(f"unparseable publication date {s!r} (expected an ISO date such as 2025-10-14)")


def _opt(value) -> Optional[str]:
    if value is None or (isinstance(value, float) and value != value):
        return None
    return str(value).strip() or None


def _make(fields: dict, text: str, file: str, line: Optional[int], origin: str) -> list[Item]:
    """A Document (and a warning when its date is unusable) from one record."""
    doc_id = str(fields.get("id") or "").strip()
    if not doc_id:
        return [Problem(file, "missing id", line)]
    if not isinstance(text, str) or not text.strip():
        return [Problem(file, "empty or missing text", line, doc_id)]
    out: list[Item] = []
    try:
        published = parse_published(fields.get("published"))
        if published is None:
            out.append(Problem(file, "no publication date: relative expressions left unresolved",
                               line, doc_id, "warning"))
    except ValueError as e:
        published = None
        out.append(Problem(file, f"{e}: relative expressions left unresolved", line, doc_id, "warning"))
    opt = {k: _opt(fields.get(k)) for k in OPTIONAL}
    out.insert(0, Document(doc_id, text.lstrip("\ufeff"), published, origin=origin, **opt))
    return out


def read_text_file(path: Path) -> str:
    """UTF-8 (with or without BOM); other encodings are detected with charset-normalizer."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes
        best = from_bytes(raw).best()
        if best is None:
            raise ValueError("not UTF-8 and no other text encoding detected")
        return str(best)


def read_folder(folder: Path) -> Iterator[Item]:
    manifest = folder / MANIFEST
    if not manifest.is_file():
        yield Problem(str(folder), f"no {MANIFEST} in this folder (expected columns id,file,published)")
        return
    with open(manifest, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in ("id", "file", "published") if c not in (reader.fieldnames or [])]
        if missing:
            yield Problem(str(manifest), f"missing column(s) {', '.join(missing)}")
            return
        for row in reader:
            line = reader.line_num
            name = (row.get("file") or "").strip()
            if not name:
                yield Problem(str(manifest), "empty 'file' field", line, row.get("id") or None)
                continue
            path = folder / name
            try:
                text = read_text_file(path)
            except FileNotFoundError:
                yield Problem(str(manifest), f"file {name!r} not found in {folder}", line, row.get("id") or None)
                continue
            except (OSError, ValueError) as e:
                yield Problem(str(manifest), f"cannot read {name!r}: {e}", line, row.get("id") or None)
                continue
            yield from _make(row, text, str(manifest), line, f"{path}")


def read_jsonl(path: Path) -> Iterator[Item]:
    with open(path, encoding="utf-8-sig", errors="strict", newline="") as f:
        line_no = 0
        while True:
            try:
                line = f.readline()
            except UnicodeDecodeError as e:
                yield Problem(str(path), f"not UTF-8 ({e.reason}); the rest of the file was skipped", line_no + 1)
                return
            if not line:
                return
            line_no += 1
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                yield Problem(str(path), f"bad JSON: {e.msg} at column {e.colno}", line_no)
                continue
            if not isinstance(rec, dict):
                yield Problem(str(path), "a JSON object was expected", line_no)
                continue
            missing = [c for c in REQUIRED if c not in rec]
            if "id" in missing or "text" in missing:
                yield Problem(str(path), f"missing field(s) {', '.join(missing)}", line_no,
                              str(rec.get("id")) if rec.get("id") is not None else None)
                continue
            yield from _make(rec, rec.get("text"), str(path), line_no, f"{path}:{line_no}")


def read_csv(path: Path) -> Iterator[Item]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
        if missing:
            yield Problem(str(path), f"missing column(s) {', '.join(missing)} (need {', '.join(REQUIRED)})")
            return
        for row in reader:
            line = reader.line_num
            yield from _make(row, row.get("text"), str(path), line, f"{path}:{line}")


def read_parquet(path: Path) -> Iterator[Item]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield Problem(str(path), "reading Parquet needs pyarrow (pip install 'arabic-timeline[parquet]')")
        return
    try:
        pf = pq.ParquetFile(path)
    except Exception as e:                            # pyarrow raises several unrelated types here
        yield Problem(str(path), f"not a readable Parquet file: {e}")
        return
    names = pf.schema_arrow.names
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        yield Problem(str(path), f"missing column(s) {', '.join(missing)} (need {', '.join(REQUIRED)})")
        return
    cols = [c for c in REQUIRED + OPTIONAL if c in names]
    row = 0
    for batch in pf.iter_batches(columns=cols, batch_size=2048):
        for rec in batch.to_pylist():
            row += 1
            yield from _make(rec, rec.get("text"), str(path), row, f"{path}#row{row}")


def read_inputs(inputs: Iterable[Union[str, Path]]) -> Iterator[Item]:
    """Every document of every input, in input order; problems interleaved where they occur.
    A document id seen before (in any input) is reported and skipped."""
    seen: set[str] = set()
    for inp in inputs:
        p = Path(inp)
        if p.is_dir():
            items = read_folder(p)
        elif not p.exists():
            yield Problem(str(p), "no such file or folder")
            continue
        elif p.name == MANIFEST:
            items = read_folder(p.parent)
        else:
            suffix = p.suffix.lower()
            reader = {".jsonl": read_jsonl, ".ndjson": read_jsonl, ".csv": read_csv,
                      ".parquet": read_parquet, ".pq": read_parquet}.get(suffix)
            if reader is None:
                yield Problem(str(p), f"unsupported input type {suffix or '(none)'}: give a folder with "
                                      f"{MANIFEST}, or a .jsonl, .csv or .parquet file")
                continue
            items = reader(p)
        try:
            for item in items:
                if isinstance(item, Document):
                    if item.id in seen:
                        yield Problem(item.origin, f"duplicate document id {item.id!r} (first one kept)",
                                      doc_id=item.id)
                        continue
                    seen.add(item.id)
                yield item
        except (OSError, UnicodeDecodeError, csv.Error) as e:
            yield Problem(str(p), f"cannot read: {e}")

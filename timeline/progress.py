"""The progress bar of a build: articles read, out of a total counted before reading, with an ETA.

:func:`count_records` counts the records of the inputs cheaply, before they are read: the non-blank
lines of a JSON Lines file (counted in binary chunks, nothing decoded), the rows of a CSV file (one
pass of the ``csv`` module, so that a quoted field spanning lines is one row), the ``num_rows`` of a
Parquet file's metadata, the rows of a folder's ``manifest.csv``.  It is an estimate for a bar and
never fails a build: an input that cannot be counted makes the total unknown (``None``), and the bar
then counts without a total.

:func:`articles_bar` wraps the stream of a reader (documents and problems): a document advances the
bar by one, an error by the records it cost (:attr:`timeline.documents.Problem.records`), a warning
not at all, so the bar ends at the run's ``records_given``.
"""
from __future__ import annotations

import codecs
import csv
import os
import stat
import sys
from pathlib import Path
from typing import Iterable, Iterator, Optional

from .documents import MANIFEST, Document, Problem

CHUNK = 1 << 20
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
              (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _wide(path: Path) -> Optional[str]:
    """The codec of a UTF-16/32 file with a byte-order mark (its lines are not ``\\n`` bytes)."""
    with open(path, "rb") as f:
        head = f.read(4)
    for bom, enc in _WIDE_BOMS:
        if head.startswith(bom):
            return enc
    return None


def count_jsonl(path) -> int:
    """Non-blank lines, counted in binary chunks of 1 MiB (a line longer than a chunk costs no memory)."""
    path = Path(path)
    enc = _wide(path)
    if enc is not None:
        with open(path, encoding=enc, errors="replace", newline="") as f:
            return sum(1 for line in f if line.strip())
    n = 0
    pending = False                       # the line begun in an earlier chunk has a non-blank byte
    with open(path, "rb") as f:
        while True:
            chunk = f.read(CHUNK)
            if not chunk:
                break
            parts = chunk.split(b"\n")
            for part in parts[:-1]:
                if pending or part.strip():
                    n += 1
                pending = False
            pending = pending or bool(parts[-1].strip())
    return n + pending


def count_csv(path) -> int:
    """Data rows (the header and blank lines aside), by one pass of the ``csv`` module.  Bytes are
    read as Latin-1 (quotes, commas and line breaks are the same bytes in UTF-8 and the single-byte
    encodings), UTF-16/32 files by their byte-order mark."""
    path = Path(path)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    enc = _wide(path) or "latin-1"
    with open(path, encoding=enc, errors="replace", newline="") as f:
        rows = sum(1 for row in csv.reader(f) if row)
    return max(rows - 1, 0)


def count_parquet(path) -> int:
    import pyarrow.parquet as pq
    return int(pq.ParquetFile(path).metadata.num_rows)


_COUNTERS = {".jsonl": count_jsonl, ".ndjson": count_jsonl, ".csv": count_csv,
             ".parquet": count_parquet, ".pq": count_parquet}


def count_input(inp) -> Optional[int]:
    """The records one input holds (1 for a :class:`Document`), or None when it cannot be counted."""
    if isinstance(inp, Document):
        return 1
    try:
        p = Path(inp)
        st = os.stat(p)
        if stat.S_ISDIR(st.st_mode):
            p = p / MANIFEST
            st = os.stat(p)
        if not stat.S_ISREG(st.st_mode):          # a FIFO or a device is never opened (it could block)
            return None
        if p.name == MANIFEST:
            return count_csv(p)
        counter = _COUNTERS.get(p.suffix.lower())
        return counter(p) if counter is not None else None
    except Exception:                     # noqa: BLE001 - counting is a courtesy, never a failure
        return None


def count_records(inputs: Iterable) -> Optional[int]:
    """The records of all the inputs, or None when one of them cannot be counted."""
    total = 0
    for inp in inputs:
        n = count_input(inp)
        if n is None:
            return None
        total += n
    return total


def _advance(item) -> int:
    if isinstance(item, Problem):
        return int(item.records or 0) if item.severity == "error" else 0
    return 1


def articles_bar(items: Iterable, inputs: Optional[Iterable] = None, file=None, **tqdm_args) -> Iterator:
    """``items`` as they come, with a tqdm bar on ``file`` (stderr) counting articles out of the
    records of ``inputs`` (no total when they are not given or cannot be counted).  The total grows
    if more records come than were counted, and is set to the count at the end, so a finished bar
    reads 100%; the bar then says that the merge follows (it runs after the last article, without
    a bar of its own)."""
    from tqdm import tqdm
    total = count_records(inputs) if inputs is not None else None
    with tqdm(total=total, desc="articles", unit=" articles", file=file or sys.stderr, dynamic_ncols=True,
              **tqdm_args) as bar:
        for item in items:
            k = _advance(item)
            if k:
                if bar.total is not None and bar.n + k > bar.total:
                    bar.total = bar.n + k
                bar.update(k)
            yield item
        if bar.total is not None and bar.n != bar.total:
            bar.total = bar.n
        bar.set_postfix_str("all read; the events are merged next", refresh=True)   # the silent part after it

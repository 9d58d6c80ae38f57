"""Documents and their readers.

An input is a folder holding ``manifest.csv`` (``id,file,published[,title,url,source,outlet]``) and the
``.txt`` files it names, or a ``.jsonl`` / ``.csv`` / ``.parquet`` file with ``id,text,published``
columns (plus optional ``title,url,source,outlet``).  Readers are generators: a JSONL or CSV file is read line
by line and a Parquet file batch by batch, so a large corpus never sits in memory at once.

Nothing is dropped silently.  Every reader yields either a :class:`Document` or a :class:`Problem`
naming the file, the line (or row, or id) and the reason.  ``Problem.records`` is the number of input
records a problem cost: 1 for a line or a row, every data row for a file skipped whole (a missing
column), 0 for a file that holds none and for a warning about a file.  A document whose publication
date is missing or unreadable is still yielded, with ``published=None`` and a warning problem: it is
never dated with the machine's clock (:mod:`timeline.anchoring` decides what its relative
expressions are resolved against).

One bad line or row costs that line or row only.  A JSON Lines line that is not JSON, holds an
integer of more digits than Python converts, holds a NUL byte or is longer than
:data:`MAX_DOCUMENT_BYTES` is reported and skipped; the next line is read.  Lone UTF-16 surrogate
escapes (``"\\ud800"``), which are no characters and could not be written as UTF-8, become U+FFFD, with
a warning.  CSV records are assembled from physical lines by the quoting rules of RFC 4180 (a field
that starts with ``"`` runs to the next lone ``"``; ``""`` is a quote), so a row spans lines only
inside a quoted field.  A row whose quote is never closed (the file ends inside it, or the quote that
would close it on a later line is followed by more text: it opens a field of a later row) is reported
at the line where it starts, and the lines after that one are read as rows again.  A Parquet value that cannot be converted (a
timestamp outside the years 1-9999) costs that value only: its column is converted value by value.

Inputs stay within what was given.  A manifest names files inside its own folder: an absolute path,
a ``..`` or a symbolic link that leads out of the folder is refused, not read.  Only regular files are
read (their type and size are checked before they are opened, and they are opened non-blocking, so
a FIFO or a device never blocks or fills the memory); one document is at most
:data:`MAX_DOCUMENT_BYTES`, and JSONL lines and CSV records are read with a bounded ``readline``, so
that a longer one never sits in memory.

Publication dates are read by :mod:`timeline.published` (Hijri ones converted, never read as
Gregorian), bytes decoded by :mod:`timeline.decoding` (binary files told from stray NUL bytes; an
isolated NUL costs the JSONL line or CSV row that holds it and is kept, as a control character, in a
``.txt`` document), and HTML and control characters handled by :mod:`timeline.markup` (offsets of a
document that was HTML refer to its text).
"""
from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import os
import re
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple, Optional, Union

# the pieces a reader is made of; their names are re-exported here, where callers have found them
from .decoding import (Decoded, NotText, Refused, decode_bytes, read_text_file, undecodable_reason,  # noqa: F401
                       _BOMS, _LOCAL, _binary_at, _decode, _legacy_encoding, _utf16_without_bom)
from .markup import _CONTROLS, _CONTROLS_OR_SURROGATES, _strip_html, control_reason, looks_like_html, strip_html  # noqa: F401
from .published import parse_published, read_published  # noqa: F401

REQUIRED = ("id", "text", "published")
OPTIONAL = ("title", "url", "source", "outlet")
MANIFEST = "manifest.csv"

# The most one document may be: a file named by a manifest, a JSON Lines line, a CSV record, a
# Parquet text.  Anything longer is reported and skipped, never read into memory whole.
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    published: Optional[dt.date]
    title: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    origin: str = ""                     # where it came from: "dir/manifest.csv:3", "a.jsonl:12"
    encoding: Optional[str] = None       # how its bytes were decoded ("utf-8", "cp1256", "utf-16-le (BOM)")
    outlet: Optional[str] = None         # who published it: the 'outlet' field (SaudiNewsNet), else 'source'

    @property
    def publisher(self) -> Optional[str]:
        """The outlet a reader is told: ``outlet``, else ``source``, else the URL's host."""
        if self.outlet:
            return self.outlet
        if self.source:
            return self.source
        return url_host(self.url)


def url_host(url: Optional[str]) -> Optional[str]:
    """``www.aleqt.com`` → ``aleqt.com``; None for no URL or one without a host."""
    if not url:
        return None
    from urllib.parse import urlsplit
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input.  ``severity`` is 'error' (the document or file was skipped) or
    'warning' (the document was kept, e.g. without a publication date).  ``code`` names the kind of
    problem (``bad_json``, ``missing_file``, ``no_date``...), for counting.  ``records`` is the
    number of input records the problem cost: 1 for a record, the data rows of a file skipped whole
    (0 when it holds none), 0 for a warning about a file."""
    file: str
    reason: str
    line: Optional[int] = None
    doc_id: Optional[str] = None
    severity: str = "error"
    code: Optional[str] = None
    records: int = 1

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line is not None else "")
        who = f" [{self.doc_id}]" if self.doc_id else ""
        return f"{self.severity}: {where}{who}: {self.reason}"

    def as_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "id": self.doc_id, "severity": self.severity,
                "code": self.code, "reason": self.reason, "records": self.records}


Item = Union[Document, Problem]

# Short labels of the problem codes, for the closing summary («3 skipped: 2 bad JSON, 1 missing file»).
LABELS = {
    "missing_id": "no id", "no_text": "no text", "empty_text": "empty text", "empty_file": "empty file",
    "binary": "binary file", "undecodable": "undecodable bytes", "not_text": "not text",
    "missing_file": "missing file", "unreadable": "unreadable file", "bad_json": "bad JSON",
    "not_object": "not a JSON object", "missing_field": "missing field", "missing_column": "missing column",
    "duplicate_id": "duplicate id", "document_error": "unexpected error", "reader_error": "reader error", "no_manifest": "no manifest", "no_such_input": "no such input",
    "unsupported": "unsupported input", "no_pyarrow": "no pyarrow", "bad_parquet": "bad Parquet file",
    "bad_csv": "bad CSV", "no_date": "no date", "bad_date": "bad date", "html": "HTML removed",
    "control_chars": "control characters", "anchor_inferred": "anchor inferred",
    "anchor_unresolved": "anchor not inferred", "anchor_contradicted": "anchor contradicted",
    "surrogate": "lone surrogate", "huge_number": "number too long", "nul_byte": "NUL byte",
    "too_big": "too big", "unterminated_quote": "unterminated quote", "outside_folder": "outside the folder",
    "not_regular": "not a regular file", "hijri_date": "Hijri date converted",
    "encoding_guessed": "encoding guessed",
}


def _opt(value) -> Optional[str]:
    if value is None or (isinstance(value, float) and value != value):
        return None
    return str(value).strip() or None


# ------------------------------------------------------------------------------------------------
# records -> documents

class _Unreadable:
    """A value that could not be converted (a Parquet timestamp outside the years 1-9999)."""
    __slots__ = ("why",)

    def __init__(self, why: str):
        self.why = why


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(key: str, value: str) -> tuple[str, str]:
    """``value`` with its lone surrogates (JSON escapes such as «\\ud800», which are no characters)
    replaced with U+FFFD, and what the warning says of them."""
    first = _SURROGATE.search(value)
    note = f"{len(_SURROGATE.findall(value))} in '{key}' (first \\u{ord(first.group()):04x} at character {first.start()})"
    return _SURROGATE.sub("\ufffd", value), note


def _surrogate_reason(notes: dict) -> str:
    order = ("id", "text", "published") + OPTIONAL
    return (f"lone surrogate escape(s), which are no characters and cannot be written as UTF-8, replaced with "
            f"U+FFFD: {', '.join(notes[k] for k in order if k in notes)}")


def _has_surrogates(value) -> bool:
    return isinstance(value, str) and not value.isascii() and _SURROGATE.search(value) is not None


def _clean_id(rid) -> Optional[str]:
    """A record's id as a problem names it (None when it is no string or number)."""
    if rid is None or isinstance(rid, (dict, list, bool)):
        return None
    rid = str(rid)
    return _SURROGATE.sub("\ufffd", rid) if _has_surrogates(rid) else rid


_SHORT_FIELDS = ("id", "published") + OPTIONAL


def _make(fields: dict, text, file: str, line: Optional[int], origin: str,
          encoding: Optional[str] = None, from_json: bool = False) -> list[Item]:
    """A Document (and its warnings) from one record, or the reason why there is none.  Only JSON
    (``from_json``) can give lone surrogates (``"\\ud800"``) in the short fields; the text is looked
    at in any case, in the scan for control characters."""
    surrogates = {}
    if from_json and any(_has_surrogates(fields.get(k)) for k in _SHORT_FIELDS):
        fields = dict(fields)
        for k in _SHORT_FIELDS:
            if _has_surrogates(fields.get(k)):
                fields[k], surrogates[k] = _without_surrogates(k, fields[k])
    raw_id = fields.get("id")
    if isinstance(raw_id, _Unreadable):
        return [Problem(file, f"the 'id' value cannot be read ({raw_id.why})", line, code="missing_id")]
    doc_id = "" if raw_id is None or (isinstance(raw_id, float) and raw_id != raw_id) else str(raw_id).strip()
    if not doc_id:
        return [Problem(file, "no id (the 'id' field is missing or empty)", line, code="missing_id")]
    if isinstance(text, _Unreadable):
        return [Problem(file, f"the 'text' value cannot be read ({text.why})", line, doc_id, code="no_text")]
    if text is None or (isinstance(text, float) and text != text):
        return [Problem(file, "no text (the 'text' field is missing or null)", line, doc_id, code="no_text")]
    if not isinstance(text, str):
        kind = {int: "number", float: "number", bool: "boolean", list: "list", dict: "object"}.get(
            type(text), type(text).__name__)
        return [Problem(file, f"the 'text' field is a {kind}, not a string", line, doc_id, code="no_text")]
    text = text.lstrip("\ufeff")
    if not text.strip():
        what = "empty" if not text else "blank (only whitespace)"
        return [Problem(file, f"the text is {what}", line, doc_id, code="empty_text")]
    out: list[Item] = []
    odd = _CONTROLS_OR_SURROGATES.search(text)         # one scan for both in the common case: none
    if odd is not None and _SURROGATE.search(text, odd.start()):
        text, surrogates["text"] = _without_surrogates("text", text)
        odd = _CONTROLS.search(text)
    if surrogates:
        out.append(Problem(file, _surrogate_reason(surrogates), line, doc_id, "warning", "surrogate"))
    if looks_like_html(text):
        stripped, tags, entities, elements = _strip_html(text)
        dropped = f", {elements} script, style or template element(s) dropped with their content" if elements else ""
        if not stripped.strip():
            return [Problem(file, f"HTML with no text ({tags} tag(s){dropped} and nothing else)", line, doc_id,
                            code="empty_text")]
        out.append(Problem(file, f"HTML markup removed ({tags} tag(s), {entities} entity reference(s){dropped}): the "
                                 f"article text is the text without markup and offsets refer to it",
                           line, doc_id, "warning", "html"))
        text = stripped
        odd = _CONTROLS.search(text)                   # entities may stand for control characters
    ctl = control_reason(text, odd) if odd is not None else None
    if ctl:
        out.append(Problem(file, ctl, line, doc_id, "warning", "control_chars"))
    raw_published = fields.get("published")
    published = None
    if isinstance(raw_published, _Unreadable):
        out.append(Problem(file, f"unreadable publication date: {raw_published.why}", line, doc_id, "warning",
                           "bad_date"))
    else:
        try:
            published, note = read_published(raw_published)
            if note:
                out.append(Problem(file, note, line, doc_id, "warning", "hijri_date"))
            elif published is None:
                out.append(Problem(file, "no publication date (the 'published' field is missing or empty)",
                                   line, doc_id, "warning", "no_date"))
        except ValueError as e:
            out.append(Problem(file, str(e), line, doc_id, "warning", "bad_date"))
    opt = {}
    for k in OPTIONAL:
        value = fields.get(k)
        if isinstance(value, _Unreadable):
            out.append(Problem(file, f"the '{k}' value cannot be read ({value.why}): left empty", line, doc_id,
                               "warning", "bad_parquet"))
            value = None
        opt[k] = _opt(value)
    out.insert(0, Document(doc_id, text, published, origin=origin, encoding=encoding, **opt))
    return out


# ------------------------------------------------------------------------------------------------
# opening files: regular files only, never blocking

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "a special file"


def _open_regular(path, st: Optional[os.stat_result] = None):
    """A regular file opened for reading in binary mode.  Its type is checked before it is opened and
    again on the open descriptor; it is opened non-blocking, so that a FIFO swapped in between never
    blocks.  ``Refused`` (``not_regular``) for anything else; ``OSError`` as ``os.stat`` raises it."""
    if st is None:
        st = os.stat(path)
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(21, "Is a directory", str(path))
    if not stat.S_ISREG(st.st_mode):
        raise Refused(f"not a regular file ({_kind(st.st_mode)}): not read", "not_regular")
    fd = os.open(path, _OPEN_FLAGS)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise Refused(f"not a regular file ({_kind(mode)}): not read", "not_regular")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _too_big(size: int, cap: int, what: str) -> str:
    return f"{what} {size:,} bytes long, more than the limit of {cap:,} bytes for one document (MAX_DOCUMENT_BYTES)"


def _read_document_file(path: Path, name: str, st: os.stat_result) -> bytes:
    """The bytes of a document file: a regular file (``st``: what ``os.stat`` said of it) of at most
    MAX_DOCUMENT_BYTES, its type and size checked before it is opened.  ``Refused`` (``not_regular``,
    ``too_big``) naming it otherwise."""
    cap = MAX_DOCUMENT_BYTES
    if stat.S_ISREG(st.st_mode) and st.st_size > cap:
        raise Refused(_too_big(st.st_size, cap, f"{name!r} is") + "; not read", "too_big")
    try:
        f = _open_regular(path, st)
    except Refused as e:
        raise Refused(f"{name!r} is {e}", e.code)
    with f:
        raw = f.read(st.st_size + 1)                    # (a buffer of the file's size, not of the limit)
        if len(raw) > st.st_size:                        # it grew after it was looked at
            raw += f.read(cap + 1 - len(raw))
    if len(raw) > cap:
        raise Refused(f"{name!r} is more than the limit of {cap:,} bytes for one document (MAX_DOCUMENT_BYTES); "
                      f"not read", "too_big")
    return raw


# ------------------------------------------------------------------------------------------------
# line-oriented files (JSON Lines, CSV, the manifest)

# the quoting states of a CSV record (Python's csv module, excel dialect): at the start of a field,
# in an unquoted field, in a quoted field, just after a quote in a quoted field
_START, _FIELD, _QUOTED, _QUOTE = range(4)


def _scan(s: str, state: int) -> int:
    """The quoting state after ``s`` (a piece of one physical line), starting in ``state``.  One
    ``find`` per field and per quote: linear."""
    i, n = 0, len(s)
    while i < n:
        if state == _QUOTED:
            j = s.find('"', i)
            if j < 0:
                return _QUOTED
            i, state = j + 1, _QUOTE
        elif state == _QUOTE:
            c = s[i]
            if c == '"':
                i, state = i + 1, _QUOTED                 # «""»: a quote inside the field
            elif c == ",":
                i, state = i + 1, _START
            else:
                state = _FIELD                            # after the closing quote, the rest is plain
        elif state == _START:
            if s[i] == '"':
                i, state = i + 1, _QUOTED
            else:
                state = _FIELD
        else:
            j = s.find(",", i)
            if j < 0:
                return _FIELD
            i, state = j + 1, _START
    return state


def _stray_close(s: str) -> bool:
    """Whether the quote that closes a quoted field continued on line ``s`` is followed by more text
    (not by a comma, a line break or the end): a quote that opens a field of a later row, the field
    before it having never been closed."""
    i = 0
    while True:
        j = s.find('"', i)
        if j < 0:
            return False
        if s.startswith('"', j + 1):
            i = j + 2                                     # «""»
            continue
        return s[j + 1:j + 2] not in ("", ",", "\n", "\r")


class _Line(NamedTuple):
    no: int                      # line number (1-based)
    text: Optional[str]          # None when the line is longer than the limit (then ``size`` says how long)
    size: int                    # bytes, line break included
    start: int = 0               # byte offset of the line in the file (UTF-8 and single-byte encodings)
    raw: Optional[bytes] = None  # its bytes (UTF-8 and single-byte encodings)
    state: int = _START          # the quoting state after a line too long to keep (see _Lines.read)

    @property
    def nul(self) -> Optional[int]:
        """The byte offset of the line's first NUL byte in the file (its character offset in the line
        for UTF-16/32), or None.  Looked for on demand: JSON Lines only need it for a line that is not
        JSON."""
        if self.raw is not None:
            i = self.raw.find(b"\x00")
            return self.start + i if i >= 0 else None
        i = self.text.find("\x00") if self.text is not None else -1
        return i if i >= 0 else None


_new_line = tuple.__new__           # a _Line built in C: this is once per line of every file


class _Lines:
    """The decoded lines of a file opened in binary mode, with what went wrong on the way.

    The encoding is chosen on the first 64 KiB (byte-order mark, else UTF-8, else a single-byte
    encoding); each line is then decoded on its own, so a damaged line costs only its damaged bytes,
    which are reported with their line and byte offset (``problems``).  Lines are read with a bounded
    ``readline``: one longer than MAX_DOCUMENT_BYTES is skipped through, never held in memory."""

    SAMPLE = 65536

    def __init__(self, f, path: str):
        self.f, self.path = f, path
        self.cap = MAX_DOCUMENT_BYTES
        self.problems: list[tuple[int, str]] = []       # (line, reason), drained by the reader
        self.line_no = 0
        self.guess: Optional[str] = None                # why the encoding is a guess
        head = f.read(self.SAMPLE)
        self.offset = 0
        self.encoding = None
        self.wide = False
        for bom, enc in _BOMS:
            if head.startswith(bom):
                self.encoding, self.offset = enc, len(bom)
                self.wide = enc.startswith(("utf-16", "utf-32"))
                break
        if not head:
            raise NotText("empty file (0 bytes)", "empty_file", records=0)
        if self.encoding is None:
            if b"\x00" in head:
                enc = _utf16_without_bom(head)
                if enc is not None:
                    self.encoding, self.wide = enc, True
                else:
                    nul = _binary_at(head)
                    if nul is not None:
                        raise NotText(f"binary file, not text (NUL byte at byte offset {nul})", "binary")
            if self.encoding is None:
                dec = codecs.getincrementaldecoder("utf-8")(errors="timeline-record")
                _LOCAL.log = log = {"bytes": 0, "at": []}
                try:
                    text = dec.decode(head, final=False)
                finally:
                    _LOCAL.log = None
                if log["bytes"] == 0 or \
                        sum(1 for ch in text if ord(ch) > 127) - text.count("\ufffd") >= log["bytes"]:
                    self.encoding = "utf-8"
                else:
                    self.encoding, self.guess = _legacy_encoding(head)
        f.seek(self.offset)
        self.pos = self.offset
        self.text_f = None
        if self.wide:
            self.unit = 4 if "32" in self.encoding else 2
            self.text_f = io.TextIOWrapper(f, encoding=self.encoding, errors="replace", newline="")

    def close(self) -> None:
        if self.text_f is not None:
            self.text_f.detach()
            self.text_f = None
        self.f.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def mark(self):
        """Where the next line starts, for :meth:`seek`."""
        return (self.text_f.tell() if self.wide else self.pos), self.line_no

    def seek(self, mark) -> None:
        where, self.line_no = mark
        if self.wide:
            self.text_f.seek(where)
        else:
            self.f.seek(where)
            self.pos = where
        self.problems = [p for p in self.problems if p[0] <= self.line_no]    # they are read again

    def read(self, state: Optional[int] = None) -> Optional[_Line]:
        """The next line, or None at the end.  A line longer than the limit comes back with ``text``
        None; when ``state`` is given, its quoting state is followed through it (CSV)."""
        if self.wide:
            return self._read_wide(state)
        raw = self.f.readline(self.cap + 1)
        if not raw:
            return None
        self.line_no += 1
        start = self.pos
        size = len(raw)
        if size > self.cap and raw[-1] != 10:              # no line break within the limit
            return self._skip_long(raw, start, state)
        self.pos = start + size
        try:
            text = raw.decode(self.encoding)
        except UnicodeDecodeError:
            text, n, at = _decode(raw, self.encoding)
            self.problems.append((self.line_no, undecodable_reason(n, self.encoding, at, start)))
        return _new_line(_Line, (self.line_no, text, size, start, raw, _START))

    def _skip_long(self, raw: bytes, start: int, state: Optional[int]) -> _Line:
        """Read through a line longer than the limit, a piece at a time, following its quoting state."""
        size = len(raw)
        if state is not None:
            state = _scan(raw.decode("latin-1"), state)   # quotes, commas, breaks: ASCII bytes
        while raw[-1] != 10:
            raw = self.f.readline(1 << 20)
            if not raw:
                break
            size += len(raw)
            if state is not None:
                state = _scan(raw.decode("latin-1"), state)
        self.pos = start + size
        return _Line(self.line_no, None, size, start, None, state if state is not None else _START)

    def _read_wide(self, state: Optional[int]) -> Optional[_Line]:
        limit = self.cap // self.unit + 1
        line = self.text_f.readline(limit)
        if not line:
            return None
        self.line_no += 1
        if len(line) >= limit and not line.endswith(("\n", "\r")):
            size = len(line.encode(self.encoding, "replace"))
            if state is not None:
                state = _scan(line, state)
            while not line.endswith(("\n", "\r")):
                line = self.text_f.readline(1 << 18)
                if not line:
                    break
                size += len(line.encode(self.encoding, "replace"))
                if state is not None:
                    state = _scan(line, state)
            return _Line(self.line_no, None, size, 0, None, state if state is not None else _START)
        n = line.count("\ufffd")
        if n:
            self.problems.append((self.line_no, f"{n} undecodable character(s) in {self.encoding} "
                                                f"replaced with U+FFFD, the rest of the line kept"))
        return _Line(self.line_no, line, len(line) * self.unit)

    def drain(self) -> list[tuple[int, str]]:
        out, self.problems = self.problems, []
        return out


def _open_lines(path: Path) -> _Lines:
    f = _open_regular(path)
    try:
        return _Lines(f, str(path))
    except BaseException:
        f.close()
        raise


def _nul_reason(lines: _Lines, offset: int, line: int, what: str) -> str:
    """«NUL byte at byte offset 412: not text; the line is skipped» (in UTF-16/32, where NUL bytes are
    ordinary, the NUL character and its place in its line)."""
    if lines.wide:
        return f"NUL character (U+0000) at character {offset} of line {line}: not text; the {what} is skipped"
    return f"NUL byte at byte offset {offset}: not text; the {what} is skipped"


def _undecodable(file: str, drained, doc_id=None) -> list[Problem]:
    return [Problem(file, reason, line, doc_id, "warning", "undecodable") for line, reason in drained]


class _Record(NamedTuple):
    """A CSV record: its physical lines, or why it is skipped (``code``, ``reason``)."""
    line: int                    # where it starts
    parts: Optional[list]        # its lines; None when skipped
    code: Optional[str] = None
    reason: Optional[str] = None
    first: Optional[str] = None  # the first line of a skipped record (its id may be read from it)


def _records(lines: _Lines) -> Iterator[_Record]:
    """The records of a CSV file, assembled from its lines: a record runs on to the next line only
    inside a quoted field.  A record whose quoted field is still open at the end of the file, or is
    closed on a later line by a quote followed by more text (the opening quote of a field of a later
    row), is reported, and the lines after its first one are read again as records; a record longer
    than the limit is skipped through without being kept.  Linear: the lines read again end outside
    any quoted field (but the last), so none is read more than twice."""
    cap = lines.cap
    while True:
        first = lines.read(_START)
        if first is None:
            return
        text = first.text
        if text is None:
            state = first.state
        else:                                         # a line without quotes is one record (the common case)
            state = _scan(text, _START) if '"' in text else _FIELD
        nul = first.nul if text is not None and "\x00" in text else None
        nul_line = first.no
        if state != _QUOTED:
            if text is None:
                yield _Record(first.no, None, "too_big", _too_big(first.size, cap, "the line is") + "; skipped")
            elif nul is not None:
                yield _Record(first.no, None, "nul_byte", _nul_reason(lines, nul, first.no, "row"), text)
            else:
                yield _Record(first.no, [text])
            continue
        after_first = lines.mark()
        parts = [text] if text is not None else None
        size, last = first.size, first.no
        closed_by = None                                  # the line whose quote closes the field, when that
        read = lines.read
        while state == _QUOTED:                           # quote is followed by more text (it opens a field)
            nxt = read(state)
            if nxt is None:
                break
            last, t, n = nxt[0], nxt[1], nxt[2]
            size += n
            if t is None:
                state = nxt.state
                parts = None
                continue
            if '"' in t:                                  # else the field runs on, still open
                if _stray_close(t):
                    closed_by = last
                    break
                state = _scan(t, state)
            if nul is None and "\x00" in t:
                nul, nul_line = nxt.nul, last
            if parts is not None:
                parts.append(t)
                if size > cap:
                    parts = None
        if state == _QUOTED or closed_by is not None:
            lines.seek(after_first)                       # before the record is handed on: see _Lines.seek
            why = ("its quoted field is never closed (the file ends inside it)" if closed_by is None else
                   f"its quoted field runs on to line {closed_by}, where the quote that would close it is followed "
                   f"by more text (it opens a field of a later row)")
            yield _Record(first.no, None, "unterminated_quote",
                          f"unterminated quote in the row starting at line {first.no}: {why}; the row is skipped and "
                          f"the lines after its first one are read as rows", first.text)
        elif parts is None:
            yield _Record(first.no, None, "too_big",
                          _too_big(size, cap, f"the row (lines {first.no}-{last}) is") + "; skipped")
        elif nul is not None:
            yield _Record(first.no, None, "nul_byte", _nul_reason(lines, nul, nul_line, "row"), first.text)
        else:
            yield _Record(first.no, parts)


def _values(rec: _Record) -> list:
    """The fields of a record (``csv.Error`` if the csv module finds it malformed)."""
    return next(csv.reader(rec.parts), [])


def _first_id(fieldnames: list, first: Optional[str]) -> Optional[str]:
    """The id of a skipped record, when its first line gives it (None otherwise)."""
    if first is None or "id" not in fieldnames:
        return None
    try:
        values = next(csv.reader([first.replace("\x00", "")]), [])
    except csv.Error:
        return None
    i = fieldnames.index("id")
    return (values[i].strip() or None) if i < len(values) and "\n" not in values[i] else None


def _row(fieldnames: list, values: list) -> dict:
    """The record as ``csv.DictReader`` gives it: missing fields None, extra ones ignored."""
    row = dict(zip(fieldnames, values))
    for name in fieldnames[len(values):]:
        row.setdefault(name, None)
    return row


class _Table(NamedTuple):
    lines: _Lines
    fieldnames: list
    records: Iterator[_Record]


def _open_csv(path: Path, required, hint: str):
    """Open a CSV file with a header row (a manifest, or documents): yields the problems found on the
    way and returns a :class:`_Table`, or ``None`` when the file cannot be read as such."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        lines = _open_lines(path)
    except Refused as e:
        yield Problem(str(path), str(e), code=e.code, records=e.records)
        return None
    except OSError as e:
        yield Problem(str(path), f"cannot read: {e.strerror or e}", code="unreadable")
        return None
    if lines.guess:
        yield Problem(str(path), lines.guess, severity="warning", code="encoding_guessed", records=0)
    records = _records(lines)
    fieldnames, header_line = [], 1
    for rec in records:
        header_line = rec.line
        why = {"unterminated_quote": "an unterminated quote", "nul_byte": "a NUL byte",
               "too_big": f"longer than the limit of {lines.cap:,} bytes"}.get(rec.code)
        if rec.parts is not None:
            try:
                values = _values(rec)
            except csv.Error as e:
                why = str(e)
            else:
                if not values:
                    continue
                fieldnames = values
                break
        n = _count(records)
        yield from _undecodable(str(path), lines.drain())
        lines.close()
        yield Problem(str(path), f"bad CSV header: {why}: the file's {n} row(s) skipped", rec.line, code="bad_csv",
                      records=n)
        return None
    yield from _undecodable(str(path), lines.drain())
    missing = [c for c in required if c not in fieldnames]
    if missing:
        n = _count(records)
        lines.close()
        yield Problem(str(path), f"missing column(s) {', '.join(missing)} in the header "
                                 f"({hint}found: {', '.join(fieldnames) or 'nothing'}): the file's {n} row(s) "
                                 f"skipped", header_line, code="missing_column", records=n)
        return None
    return _Table(lines, fieldnames, records)


def _blank(rec: _Record) -> bool:
    return len(rec.parts) == 1 and not rec.parts[0].strip("\r\n")


def _count(records: Iterator[_Record]) -> int:
    """The records left (blank lines aside), read through without being kept."""
    return sum(1 for rec in records if rec.parts is None or not _blank(rec))


def _table_rows(table: _Table, file: str) -> Iterator[tuple]:
    """``(line, row, None)`` for each row of a table, or ``(line, None, Problem)`` for a row that
    cannot be read; blank lines are passed over (as by ``csv.DictReader``).  Undecodable bytes come
    back as warnings in ``table.lines.problems`` (drained by the caller)."""
    for rec in table.records:
        if rec.parts is None:
            yield rec.line, None, Problem(file, rec.reason, rec.line, _first_id(table.fieldnames, rec.first),
                                          code=rec.code)
            continue
        if _blank(rec):
            continue
        try:
            values = _values(rec)
        except csv.Error as e:
            yield rec.line, None, Problem(file, f"bad CSV: {e}; the row is skipped", rec.line, code="bad_csv")
            continue
        if values:
            yield rec.line, _row(table.fieldnames, values), None


def read_folder(folder: Path) -> Iterator[Item]:
    manifest = folder / MANIFEST
    try:
        st = os.stat(manifest)
    except (FileNotFoundError, NotADirectoryError):
        st = None
    except OSError as e:
        yield Problem(str(manifest), f"cannot read: {e.strerror or e}", code="unreadable")
        return
    if st is None or stat.S_ISDIR(st.st_mode):
        yield Problem(str(folder), f"no {MANIFEST} in this folder (expected columns id,file,published)",
                      code="no_manifest")
        return
    if not stat.S_ISREG(st.st_mode):
        yield Problem(str(manifest), f"not a regular file ({_kind(st.st_mode)}): not read", code="not_regular")
        return
    table = yield from _open_csv(manifest, ("id", "file", "published"), "")
    if table is None:
        return
    root = folder.resolve()
    file = str(manifest)
    with table.lines as lines:
        for line, row, problem in _table_rows(table, file):
            if problem is not None:
                yield from _undecodable(file, lines.drain())
                yield problem
                continue
            doc_id = (row.get("id") or "").strip() or None
            yield from _undecodable(file, lines.drain(), doc_id)
            name = (row.get("file") or "").strip()
            if not name:
                yield Problem(file, "empty 'file' field", line, doc_id, code="missing_file")
                continue
            path = folder / name
            try:
                decoded = _manifest_entry(folder, root, name, path)
            except Refused as e:
                yield Problem(file, str(e), line, doc_id, code=e.code)
                continue
            items = _make(row, decoded.text, file, line, f"{path}", decoded.encoding)
            yield from items
            if isinstance(items[0], Document):
                if decoded.guess:
                    yield Problem(file, f"{name}: {decoded.guess}", line, doc_id, "warning", "encoding_guessed")
                if decoded.bad_bytes:
                    yield Problem(file, decoded.problem_reason(name), line, doc_id, "warning", "undecodable")


def _manifest_entry(folder: Path, root: Path, name: str, path: Path) -> Decoded:
    """The decoded text of a file named by a manifest; ``Refused`` for one that is not read: outside
    the folder, missing, not a regular file, too big, not text."""
    if os.path.isabs(name):
        raise Refused(f"file {name!r} is an absolute path: a manifest names files inside its own folder; not read",
                      "outside_folder")
    try:
        st = None
        if os.sep not in name and (os.altsep is None or os.altsep not in name) and name not in (".", ".."):
            st = os.lstat(path)                        # a plain name: inside the folder unless a link
            if stat.S_ISLNK(st.st_mode):
                st = None
        target = path
        if st is None:
            try:
                target = path.resolve()
            except (OSError, RuntimeError) as e:       # a loop of symbolic links
                raise Refused(f"cannot read {name!r}: {getattr(e, 'strerror', None) or e}", "unreadable")
            if target != root and root not in target.parents:
                raise Refused(f"file {name!r} leads outside the folder {folder} (to {target}): not read",
                              "outside_folder")
            st = os.stat(target)
        return decode_bytes(_read_document_file(target, name, st))
    except FileNotFoundError:
        raise Refused(f"file {name!r} not found in {folder}", "missing_file")
    except IsADirectoryError:
        raise Refused(f"{name!r} is a folder, not a text file", "unreadable")
    except NotText as e:
        raise Refused(f"{name}: {e}", e.code)
    except Refused:
        raise
    except ValueError as e:                            # a NUL in the name
        raise Refused(f"cannot read {name!r}: {e}", "unreadable")
    except OSError as e:
        raise Refused(f"cannot read {name!r}: {e.strerror or e}", "unreadable")


class _Huge:
    """An integer of more digits than Python converts (``sys.get_int_max_str_digits``)."""
    __slots__ = ("digits",)

    def __init__(self, digits: int):
        self.digits = digits


def _huge_number(line: str) -> tuple[Optional[str], Optional[str]]:
    """Why ``json.loads`` refused ``line`` with a plain ValueError (an integer of more digits than
    Python converts) and the record's id when it can be told; ``(None, None)`` if that was not it."""
    limit = sys.get_int_max_str_digits() if hasattr(sys, "get_int_max_str_digits") else 0

    def checked(s: str):
        digits = len(s.lstrip("-"))
        return _Huge(digits) if limit and digits > limit else int(s)
    try:
        rec = json.loads(line, parse_int=checked)
    except (ValueError, RecursionError):
        return None, None
    cap = f"(integers of more than {limit:,} digits are not read)"
    if isinstance(rec, dict):
        huge = [(k, v.digits) for k, v in rec.items() if isinstance(v, _Huge)]
        doc_id = _clean_id(rec.get("id")) if not isinstance(rec.get("id"), _Huge) else None
        if huge:
            return "bad JSON: " + ", ".join(f"the {k!r} value is an integer of {d:,} digits" for k, d in huge) + \
                f" {cap}", doc_id
        return f"bad JSON: an integer of more than {limit:,} digits inside a value {cap}", doc_id
    return f"bad JSON: an integer of more than {limit:,} digits {cap}", None


def _nul_line_id(line: str) -> Optional[str]:
    """The id of a JSON Lines record skipped for a NUL byte, when the rest of it is JSON."""
    try:
        rec = json.loads(line, strict=False)         # control characters allowed inside strings
    except (ValueError, RecursionError):
        return None
    rid = _clean_id(rec.get("id")) if isinstance(rec, dict) else None
    return rid.replace("\x00", "") if rid is not None else None


def read_jsonl(path: Path) -> Iterator[Item]:
    file = str(path)
    try:
        lines = _open_lines(path)
    except Refused as e:
        yield Problem(file, str(e), code=e.code, records=e.records)
        return
    except OSError as e:
        yield Problem(file, f"cannot read: {e.strerror or e}", code="unreadable")
        return
    if lines.guess:
        yield Problem(file, lines.guess, severity="warning", code="encoding_guessed", records=0)
    records = 0
    with lines:
        while True:
            ln = lines.read()
            if ln is None:
                break
            line_no = ln.no
            bad = lines.drain()
            if ln.text is None:
                records += 1
                yield Problem(file, _too_big(ln.size, lines.cap, "the line is") + "; skipped", line_no,
                              code="too_big")
                continue
            line = ln.text
            if not line.strip():
                yield from _undecodable(file, bad)
                continue
            records += 1
            try:
                rec = json.loads(line.rstrip("\r\n"))
            except json.JSONDecodeError as e:
                if ln.nul is not None:                # a raw NUL is never JSON: only such lines need looking at
                    doc_id = _nul_line_id(line)
                    yield from _undecodable(file, bad, doc_id)
                    yield Problem(file, _nul_reason(lines, ln.nul, line_no, "line"), line_no, doc_id,
                                  code="nul_byte")
                    continue
                yield from _undecodable(file, bad)
                yield Problem(file, f"bad JSON: {e.msg} at column {e.colno}", line_no, code="bad_json")
                continue
            except RecursionError:
                yield Problem(file, "bad JSON: nested too deeply", line_no, code="bad_json")
                continue
            except ValueError as e:                   # an integer of more digits than Python converts
                why, doc_id = _huge_number(line.rstrip("\r\n"))
                yield from _undecodable(file, bad, doc_id)
                yield Problem(file, why or f"bad JSON: {e}", line_no, doc_id, code="huge_number" if why else "bad_json")
                continue
            if not isinstance(rec, dict):
                kind = {list: "array", str: "string", int: "number", float: "number", bool: "boolean"}.get(
                    type(rec), "null")
                yield Problem(file, f"a JSON object was expected, not a JSON {kind}", line_no, code="not_object")
                continue
            doc_id = _clean_id(rec.get("id"))
            missing = [c for c in REQUIRED if c not in rec]
            if "id" in missing or "text" in missing:
                yield from _undecodable(file, bad, doc_id)
                yield Problem(file, f"missing field(s) {', '.join(missing)}", line_no, doc_id,
                              code="missing_field")
                continue
            items = _make(rec, rec.get("text"), file, line_no, f"{path}:{line_no}", lines.encoding, True)
            yield from items
            yield from _undecodable(file, bad, items[0].id if isinstance(items[0], Document) else doc_id)
    if not records:
        yield Problem(file, "no records (the file holds only blank lines)", code="empty_file", records=0)


def read_csv(path: Path) -> Iterator[Item]:
    file = str(path)
    table = yield from _open_csv(path, REQUIRED, f"need {', '.join(REQUIRED)}; ")
    if table is None:
        return
    rows = 0
    with table.lines as lines:
        for line, row, problem in _table_rows(table, file):
            rows += 1
            if problem is not None:
                yield from _undecodable(file, lines.drain())
                yield problem
                continue
            doc_id = (row.get("id") or "").strip() or None if isinstance(row.get("id"), str) else None
            items = _make(row, row.get("text"), file, line, f"{path}:{line}", lines.encoding)
            yield from items
            yield from _undecodable(file, lines.drain(), doc_id)
    if not rows:
        yield Problem(file, "no rows after the header", 1, code="empty_file", records=0)


def _column_values(column) -> list:
    """A Parquet column as Python values; when one value cannot be converted (a timestamp outside
    the years 1-9999), the column is converted value by value and that value alone is
    :class:`_Unreadable`."""
    try:
        return column.to_pylist()
    except Exception:                                  # pyarrow raises OverflowError, ValueError...
        pass
    out = []
    for j in range(len(column)):
        try:
            out.append(column[j].as_py())
        except Exception as e:
            out.append(_Unreadable(_unconvertible(column, j, e)))
    return out


def _unconvertible(column, j: int, e: Exception) -> str:
    import pyarrow as pa
    t = column.type
    if pa.types.is_timestamp(t) or pa.types.is_date(t):
        try:
            raw = column.slice(j, 1).cast(pa.int32() if pa.types.is_date32(t) else pa.int64())[0].as_py()
            return f"the value {raw} ({t}) is outside the years 1 to 9999"
        except Exception:                              # noqa: BLE001 - the exception's own words then
            pass
    return f"{type(e).__name__}: {e}"


def read_parquet(path: Path) -> Iterator[Item]:
    file = str(path)
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise Refused(f"not a regular file ({_kind(st.st_mode)}): not read", "not_regular")
    except Refused as e:
        yield Problem(file, str(e), code=e.code)
        return
    except OSError as e:
        yield Problem(file, f"cannot read: {e.strerror or e}", code="unreadable")
        return
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield Problem(file, "reading Parquet needs pyarrow (pip install 'arabic-timeline[parquet]')",
                      code="no_pyarrow")
        return
    try:
        pf = pq.ParquetFile(path)
    except Exception as e:                            # pyarrow raises several unrelated types here
        yield Problem(file, f"not a readable Parquet file: {e}", code="bad_parquet")
        return
    total = pf.metadata.num_rows if pf.metadata is not None else 0
    names = pf.schema_arrow.names
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        yield Problem(file, f"missing column(s) {', '.join(missing)} (need {', '.join(REQUIRED)}; "
                            f"found: {', '.join(names) or 'nothing'}): the file's {total} row(s) skipped",
                      code="missing_column", records=total)
        return
    cols = [c for c in REQUIRED + OPTIONAL if c in names]
    cap = MAX_DOCUMENT_BYTES
    row = 0
    try:
        for batch in pf.iter_batches(columns=cols, batch_size=2048):
            values = {name: _column_values(batch.column(i)) for i, name in enumerate(batch.schema.names)}
            for j in range(batch.num_rows):
                row += 1
                rec = {name: vals[j] for name, vals in values.items()}
                text = rec.get("text")
                if isinstance(text, str) and len(text) > cap // 4 and len(text.encode("utf-8")) > cap:
                    rid = rec.get("id")
                    yield Problem(file, _too_big(len(text.encode("utf-8")), cap, "the text is") + "; skipped", row,
                                  str(rid) if isinstance(rid, (str, int)) else None, code="too_big")
                    continue
                yield from _make(rec, text, file, row, f"{path}#row{row}")
    except Exception as e:                            # a corrupt page: report, keep what was read
        yield Problem(file, f"not a readable Parquet file after row {row}: {e}", row + 1, code="bad_parquet",
                      records=max(1, total - row))


def read_inputs(inputs: Iterable[Union[str, Path]]) -> Iterator[Item]:
    """Every document of every input, in input order; problems interleaved where they occur.
    A document id seen before (in any input) is reported and skipped.  An input that is neither a
    folder nor a regular file (a FIFO, a device) is refused without being opened."""
    seen: dict[str, str] = {}
    for inp in inputs:
        p = Path(inp)
        try:
            st = os.stat(p)
        except FileNotFoundError:
            yield Problem(str(p), "no such file or folder", code="no_such_input")
            continue
        except (OSError, ValueError) as e:
            yield Problem(str(p), f"cannot read: {getattr(e, 'strerror', None) or e}", code="unreadable")
            continue
        if stat.S_ISDIR(st.st_mode):
            items = read_folder(p)
        elif not stat.S_ISREG(st.st_mode):
            yield Problem(str(p), f"not a regular file or folder ({_kind(st.st_mode)}): not read",
                          code="not_regular")
            continue
        elif p.name == MANIFEST:
            items = read_folder(p.parent)
        else:
            suffix = p.suffix.lower()
            reader = {".jsonl": read_jsonl, ".ndjson": read_jsonl, ".csv": read_csv,
                      ".parquet": read_parquet, ".pq": read_parquet}.get(suffix)
            if reader is None:
                yield Problem(str(p), f"unsupported input type {suffix or '(none)'}: give a folder with "
                                      f"{MANIFEST}, or a .jsonl, .csv or .parquet file", code="unsupported")
                continue
            items = reader(p)
        try:
            for item in items:
                if isinstance(item, Document):
                    if item.id in seen:
                        yield Problem(item.origin, f"duplicate document id {item.id!r} (first one kept, from "
                                                   f"{seen[item.id]}); this one skipped", doc_id=item.id,
                                      code="duplicate_id")
                        continue
                    seen[item.id] = item.origin
                yield item
        except (OSError, csv.Error) as e:
            yield Problem(str(p), f"cannot read: {getattr(e, 'strerror', None) or e}", code="unreadable")
        except Exception as e:              # noqa: BLE001 - the error boundary of one input
            summary = (str(e).strip().splitlines() or [""])[0][:200]
            yield Problem(str(p), f"unexpected error while reading this input ({type(e).__name__}"
                                  f"{': ' + summary if summary else ''}); what was read before it is kept, the rest "
                                  f"of this input was skipped, the build went on with the others", code="reader_error",
                          records=0)

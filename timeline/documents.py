"""Documents and their readers.

An input is a folder holding ``manifest.csv`` (``id,file,published[,title,url,source]``) and the
``.txt`` files it names, or a ``.jsonl`` / ``.csv`` / ``.parquet`` file with ``id,text,published``
columns (plus optional ``title,url,source``).  Readers are generators: a JSONL or CSV file is read line
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

Publication dates are ISO dates or datetimes (Arabic-Indic digits accepted), or dates written with a
month name (:func:`parse_published`).  A Hijri date (``1447/04/23هـ``, ``23/04/1447 هـ``, ``23 ربيع
الآخر 1447هـ``) is converted with the Umm al-Qura table of :mod:`resolvers.hijri` (built from
``hijridate``), with a warning giving the Gregorian day.  So is an ISO-looking numeric date whose year
lies in the table's range, 1343-1500, with no Hijri mark (``1447-04-23``): no news article dates from
those Gregorian years.  A date that says it is Hijri is never read as a Gregorian date.

Text is decoded as follows (:func:`decode_bytes`): a byte-order mark decides (UTF-8, UTF-16 LE/BE,
UTF-32); otherwise UTF-8; a file that is not UTF-8 at all is read as Windows-1256 (or ISO-8859-6)
when that gives Arabic text, as cp1252 (Western European) when its accented letters sit inside Latin
words, else as charset-normalizer's best guess; those last two are guesses and get a warning
(``encoding_guessed``).  A UTF-8 file with a few damaged bytes keeps its text: each undecodable byte
becomes U+FFFD and is reported with its byte offset.  A file is binary (and skipped) when its NUL bytes
say so: one among its first 16 bytes (where file signatures hold them), or four or more that are more
than 1% of its bytes or sit in more than half of its lines.  An isolated NUL in a text file costs the line (JSONL) or row (CSV)
that holds it; in a ``.txt`` document it is kept, and reported with the other control characters.
An HTML fragment (or a text holding entity-encoded tags such as ``&lt;script&gt;``) becomes its text:
comments and ``<script>``/``<style>`` elements dropped with their content, tags dropped (block tags as
line breaks), entities decoded, and tags that appear once entities are decoded dropped too; offsets
refer to that text.  Control and bidi characters are kept (so that offsets still index the text as
given) and reported.
"""
from __future__ import annotations

import codecs
import csv
import datetime as dt
import html
import io
import json
import os
import re
import stat
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple, Optional, Union

REQUIRED = ("id", "text", "published")
OPTIONAL = ("title", "url", "source")
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


class Refused(ValueError):
    """An input that is not read at all.  ``code`` says why (``not_regular``, ``too_big``...) and
    ``records`` how many input records that costs (see :class:`Problem`)."""

    def __init__(self, message: str, code: str, records: int = 1):
        super().__init__(message)
        self.code = code
        self.records = records


class NotText(Refused):
    """The bytes are not text (empty, binary, or no encoding found).  ``code`` says which."""


# ------------------------------------------------------------------------------------------------
# publication dates

_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_HIJRI_YEARS = (1343, 1500)             # the Umm al-Qura table of resolvers/hijri.py
_MARK = r"(?:هـ|ه|هجرية|هجري|للهجرة|A\.?\s?H\.?)"
_YMD = re.compile(r"(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})")
_YMD_REST = re.compile(rf"\s*(?P<mark>{_MARK})?\s*(?:[T ]\d{{1,2}}:\d{{2}}(?::\d{{2}}(?:[.,]\d+)?)?"
                       r"\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?", re.IGNORECASE)
_DMY_MARKED = re.compile(rf"(\d{{1,2}})\s*([-/.])\s*(\d{{1,2}})\s*\2\s*(\d{{4}})\s*{_MARK}", re.IGNORECASE)
_HAS_HIJRI_MARK = re.compile(r"هـ|(?<![^\W\d_])ه(?![^\W\d_])|هجري|للهجرة|\bA\.?\s?H\b")


def parse_published(value) -> Optional[dt.date]:
    """An ISO date or datetime (string, ``date``, ``datetime`` or pandas ``Timestamp``) -> its date.
    ``None`` for empty values; ``ValueError`` for anything unparseable.  A datetime keeps the calendar
    date it was written with (no time-zone conversion).  Arabic-Indic digits are accepted.  Hijri
    dates are converted (see :func:`read_published`, which also says when that happened)."""
    return read_published(value)[0]


def read_published(value) -> tuple[Optional[dt.date], Optional[str]]:
    """:func:`parse_published`, and a note when the date was read as a Hijri date (Umm al-Qura):
    one with a Hijri mark or month name, or a numeric date whose year is one of 1343-1500 AH, which
    no Gregorian news date has.  A Hijri date that cannot be converted raises ``ValueError``; it is
    never read as a Gregorian date."""
    if value is None or (isinstance(value, float) and value != value):
        return None, None
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        raise ValueError("unparseable publication date: a number far too large to be a date")
    day = None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif hasattr(value, "to_pydatetime"):          # pandas / numpy timestamps
        try:
            day = value.to_pydatetime().date()
        except (ValueError, AttributeError, OverflowError):   # NaT
            return None, None
    if day is not None:
        return _credible(day, day.isoformat())
    s = str(value).strip().translate(_ARABIC_DIGITS)
    if not s:
        return None, None
    try:                                            # the common case first: an ISO date
        day = dt.date.fromisoformat(s)
    except ValueError:
        pass
    else:
        if not _HIJRI_YEARS[0] <= day.year <= _HIJRI_YEARS[1]:
            return day, None
    shown = str(value).strip()
    if len(shown) > 40:
        shown = shown[:40] + "…"
    m = _YMD.match(s)
    if m:
        rest = _YMD_REST.fullmatch(s, m.end())
        y = int(m.group(1))
        if rest and (rest.group("mark") or _HIJRI_YEARS[0] <= y <= _HIJRI_YEARS[1]):
            return _from_hijri(y, int(m.group(3)), int(m.group(4)), shown, bool(rest.group("mark")))
    m = _DMY_MARKED.fullmatch(s)
    if m:
        return _from_hijri(int(m.group(4)), int(m.group(3)), int(m.group(1)), shown, True)
    try:
        return _credible(dt.date.fromisoformat(s), shown)
    except ValueError:
        pass
    s2 = s[:-1] + "+00:00" if s.endswith(("Z", "z")) else s
    try:
        return _credible(dt.datetime.fromisoformat(s2.replace(" ", "T", 1) if "T" not in s2 else s2).date(), shown)
    except ValueError:
        pass
    named = _named_month_date(s, shown)
    if named is not None:
        return named
    raise ValueError(f"unparseable publication date {shown!r} (expected an ISO date such as 2025-10-14)")


def _credible(day: dt.date, shown: str) -> tuple[dt.date, Optional[str]]:
    """A Gregorian date as read, unless its year is one of the Umm al-Qura table's: then it is the
    Hijri date written with the same numbers."""
    if _HIJRI_YEARS[0] <= day.year <= _HIJRI_YEARS[1]:
        return _from_hijri(day.year, day.month, day.day, shown, False)
    return day, None


def _from_hijri(y: int, m: int, d: int, shown: str, marked: bool) -> tuple[dt.date, str]:
    from resolvers import hijri
    refused = f"Hijri publication date {shown!r} not read: "
    if not hijri.in_range(y):
        raise ValueError(refused + f"the year {y} is outside the Umm al-Qura table "
                                   f"({_HIJRI_YEARS[0]}-{_HIJRI_YEARS[1]} AH)")
    if not 1 <= m <= 12:
        raise ValueError(refused + f"there is no Hijri month {m}")
    day = hijri.to_gregorian(y, m, d)
    if day is None:
        raise ValueError(refused + f"Hijri month {m} of {y} has {hijri.month_length(y, m)} days, not {d}")
    return day, _hijri_note(shown, (y, m, d), day, marked)


def _hijri_note(shown: str, ymd: tuple, day: dt.date, marked: bool) -> str:
    why = "" if marked else f", since no news article dates from the Gregorian year {ymd[0]}"
    return (f"publication date {shown!r} read as a Hijri date{why}: {ymd[0]:04d}-{ymd[1]:02d}-{ymd[2]:02d} AH "
            f"is {day.isoformat()} (Umm al-Qura calendar)")


_DATEPARSER_SETTINGS = {
    # absolute dates only, all three parts required: nothing is filled in from a clock
    "PARSERS": ["absolute-time"], "REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True,
    "DATE_ORDER": "DMY", "RELATIVE_BASE": dt.datetime(2000, 1, 1), "RETURN_AS_TIMEZONE_AWARE": False,
}


def _named_month_date(s: str, shown: str) -> Optional[tuple[dt.date, Optional[str]]]:
    """A publication date written with a month name, as feeds and archives often have them:
    «15 أكتوبر 2025», «الأربعاء 15 تشرين الأول 2025», «23 ربيع الآخر 1447هـ», «Wed, 15 Oct 2025
    08:00:00 +0300», «October 15, 2025».  Arabic goes through our own resolver (all month families,
    Hijri months included); the rest through dateparser, which knows many languages' month names and
    the RFC 2822 layout of feeds.  A date marked as Hijri never goes to dateparser.
    Numeric-only forms other than ISO are refused: «12/10/2025» is ambiguous."""
    if not any(ch.isalpha() for ch in s):
        return None
    from resolvers import tag                       # every Arabic month family, weekday checked
    days = [t for t in tag(s, None) if t.grain == "day" and t.value and t.first_day is not None]
    greg = [t for t in days if t.calendar == "gregorian"]
    hijri_days = [t for t in days if t.calendar == "hijri"]

    def covers(ts) -> bool:
        return sum(len(t.text) for t in ts) >= len(s.strip()) * 0.6
    if len(greg) == 1 and (covers(greg) or len(hijri_days) == 1 and covers(greg + hijri_days)):
        return _gregorian_year_checked(greg[0].first_day, shown)
    if len(hijri_days) == 1 and not greg and covers(hijri_days):
        from resolvers import hijri
        day = hijri_days[0].first_day
        return day, _hijri_note(shown, hijri.from_gregorian(day), day, True)
    if _HAS_HIJRI_MARK.search(s):
        raise ValueError(f"Hijri publication date {shown!r} not read: the Hijri dates read are Y/M/D or D/M/Y "
                         f"with a Hijri mark, or a day, a Hijri month name and a year (1447/04/23هـ, "
                         f"23 ربيع الآخر 1447هـ)")
    import dateparser
    try:
        parsed = dateparser.parse(s, languages=["ar", "en", "fr"], settings=_DATEPARSER_SETTINGS)
    except (ValueError, OverflowError, TypeError):
        return None
    return _gregorian_year_checked(parsed.date(), shown) if parsed is not None else None


def _gregorian_year_checked(day: dt.date, shown: str) -> tuple[dt.date, None]:
    if _HIJRI_YEARS[0] <= day.year <= _HIJRI_YEARS[1]:
        raise ValueError(f"unparseable publication date {shown!r}: no news article dates from the Gregorian "
                         f"year {day.year}, and this is no Hijri date either")
    return day, None


def _opt(value) -> Optional[str]:
    if value is None or (isinstance(value, float) and value != value):
        return None
    return str(value).strip() or None


# ------------------------------------------------------------------------------------------------
# decoding bytes

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_MAX_POSITIONS = 5                  # undecodable positions listed in a message
_SIGNATURE_BYTES = 16               # a NUL among the first bytes: a file signature (PNG, ZIP, SQLite...)
_STRAY_NULS = 4                     # fewer NULs than this, further in, are stray bytes in a text
_LOCAL = threading.local()


def _record_errors(e):
    """Codec error handler: replace with U+FFFD and note where (see :func:`_decode`)."""
    if not isinstance(e, UnicodeDecodeError):
        raise e
    log = getattr(_LOCAL, "log", None)
    if log is not None:
        log["bytes"] += e.end - e.start
        if len(log["at"]) < _MAX_POSITIONS:
            log["at"].append((e.start, bytes(e.object[e.start:e.end])))
    return "\ufffd", e.end


codecs.register_error("timeline-record", _record_errors)


def _decode(raw: bytes, encoding: str) -> tuple[str, int, list]:
    """``raw`` decoded; undecodable bytes become U+FFFD.  Returns the text, the number of undecodable
    bytes and the first few ``(byte offset, bytes)``.  Linear time, however many errors."""
    try:
        return raw.decode(encoding), 0, []
    except UnicodeDecodeError:
        pass
    _LOCAL.log = log = {"bytes": 0, "at": []}
    try:
        text = raw.decode(encoding, errors="timeline-record")
    finally:
        _LOCAL.log = None
    return text, log["bytes"], log["at"]


def _positions(at: list, base: int = 0, more: bool = False) -> str:
    shown = ", ".join(f"{base + off} ({' '.join(f'0x{b:02X}' for b in bad)})" for off, bad in at)
    return shown + (", …" if more else "")


def undecodable_reason(n: int, encoding: str, at: list, base: int = 0, what: str = "byte offset") -> str:
    """«2 undecodable byte(s) in utf-8 at byte offset 5 (0xFF), 9 (0xC3): replaced with U+FFFD, the rest
    of the text kept»."""
    listed = sum(len(b) for _, b in at)
    return (f"{n} undecodable byte(s) in {encoding} at {what} {_positions(at, base, n > listed)}: "
            f"replaced with U+FFFD, the rest of the text kept")


def _binary_at(sample: bytes) -> Optional[int]:
    """The offset of the first NUL byte when the NUL bytes of ``sample`` say it is binary: one among
    the first 16 bytes (file signatures), or four or more that are more than 1% of the bytes or sit
    in more than half of the lines (a file with no line breaks is one line).  ``None`` for text, with
    or without a few stray NULs."""
    nul = sample.find(b"\x00")
    if nul < 0:
        return None
    if nul < _SIGNATURE_BYTES:
        return nul
    count = sample.count(b"\x00")
    if count < _STRAY_NULS:
        return None
    if count * 100 > len(sample):
        return nul
    lines = sample.split(b"\n")
    if lines and not lines[-1]:
        lines.pop()
    with_nul = sum(1 for line in lines if b"\x00" in line)
    return nul if with_nul * 2 > len(lines) else None


_ARABIC_LETTERS = "\u0620-\u064a\u066e-\u06d3\u06d5\u06ee-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc"
_ARABIC_LETTER = re.compile(f"[{_ARABIC_LETTERS}]")
_ARABIC_IN_LATIN = re.compile(f"(?<=[A-Za-z])[{_ARABIC_LETTERS}]|[{_ARABIC_LETTERS}](?=[A-Za-z])")
_LATIN_LETTERS = "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
_LATIN_ACCENTED = re.compile(f"[{_LATIN_LETTERS}]")
_LATIN_IN_LATIN = re.compile(f"(?<=[A-Za-z])[{_LATIN_LETTERS}]|[{_LATIN_LETTERS}](?=[A-Za-z])")


def _arabic_share(text: str) -> float:
    """Among the non-ASCII letters of ``text`` (its first 100,000 characters), the share that are
    Arabic.  Used to choose between single-byte Arabic encodings."""
    arabic = other = 0
    for ch in text[:100_000]:
        o = ord(ch)
        if o < 128 or not ch.isalpha():
            continue
        if 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF:
            arabic += 1
        else:
            other += 1
    return arabic / (arabic + other) if arabic + other else 0.0


def _inside_latin_words(text: str, letters: re.Pattern, inside: re.Pattern) -> float:
    """The share of the ``letters`` of ``text`` that touch an ASCII letter: Arabic letters of a real
    Arabic text stand among Arabic letters; those of a Latin text read in an Arabic code page sit
    inside Latin words («d\u0649j\u0649» for «déjà»)."""
    n = len(letters.findall(text))
    return len(inside.findall(text)) / n if n else 0.0


def _legacy_encoding(sample: bytes) -> tuple[str, Optional[str]]:
    """The single-byte encoding of a text that is not UTF-8, and why it is a guess (None when it is
    not one): Windows-1256 or ISO-8859-6 when either gives Arabic text; cp1252 (or Latin-1) when the
    accented letters sit inside Latin words; else charset-normalizer's best guess."""
    best = None
    for enc in ("cp1256", "iso8859_6"):
        try:
            text = sample.decode(enc)
        except UnicodeDecodeError:
            continue
        share = _arabic_share(text)
        if share >= 0.6 and _inside_latin_words(text[:100_000], _ARABIC_LETTER, _ARABIC_IN_LATIN) <= 0.2 \
                and (best is None or share > best[0]):
            best = (share, enc)
    if best is not None:
        return best[1], None
    for enc in ("cp1252", "latin_1"):
        try:
            text = sample.decode(enc)
        except UnicodeDecodeError:
            continue
        if _LATIN_ACCENTED.search(text) and \
                _inside_latin_words(text[:100_000], _LATIN_ACCENTED, _LATIN_IN_LATIN) >= 0.5:
            name = "cp1252" if enc == "cp1252" else "latin-1"
            return name, (f"text encoding guessed: not UTF-8 and no byte-order mark; read as {name} (Western "
                          f"European), its accented letters sitting inside Latin words")
    from charset_normalizer import from_bytes
    match = from_bytes(sample).best()
    if match is None:
        raise NotText("not UTF-8, and no other text encoding could be detected", "not_text")
    return match.encoding, (f"text encoding guessed: not UTF-8 and no byte-order mark; read as {match.encoding} "
                            f"(charset-normalizer's best guess)")


def _utf16_without_bom(raw: bytes) -> Optional[str]:
    """'utf-16-le' / 'utf-16-be' when NUL bytes sit only in odd / even positions, in at least 2% of
    the code units (ASCII, spaces and digits of a UTF-16 text without a byte-order mark), else None."""
    if len(raw) % 2:
        return None
    even, odd = raw[0::2].count(0), raw[1::2].count(0)
    for enc, nul_here, nul_there in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if nul_here and not nul_there and nul_here * 50 >= len(raw) // 2:
            try:
                text = raw.decode(enc)
            except UnicodeDecodeError:
                continue
            if not any(ord(c) < 32 and c not in "\t\n\r\f\v" for c in text[:10_000]):
                return enc
    return None


@dataclass
class Decoded:
    """Text decoded from bytes: the encoding used, what could not be decoded, and ``guess``: why the
    encoding is a guess (None when it is not one)."""
    text: str
    encoding: str
    bad_bytes: int = 0
    bad_at: list = field(default_factory=list)       # first few (byte offset in the file, bytes)
    guess: Optional[str] = None

    def problem_reason(self, name: str = "") -> Optional[str]:
        if not self.bad_bytes:
            return None
        return (f"{name}: " if name else "") + undecodable_reason(self.bad_bytes, self.encoding, self.bad_at)


def decode_bytes(raw: bytes) -> Decoded:
    """Decode a whole text file (see the module docstring).  ``NotText`` for empty or binary data."""
    if not raw:
        raise NotText("empty file (0 bytes)", "empty_file")
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            text, n, at = _decode(raw[len(bom):], enc)     # a truncated last unit is reported as undecodable
            return Decoded(text, f"{enc} (BOM)", n, [(o + len(bom), b) for o, b in at])
    if b"\x00" in raw:
        enc = _utf16_without_bom(raw)
        if enc is not None:
            return Decoded(raw.decode(enc), enc)
        nul = _binary_at(raw)
        if nul is not None:
            raise NotText(f"binary file, not text (NUL byte at byte offset {nul})", "binary")
    text, n, at = _decode(raw, "utf-8")
    if not n:
        return Decoded(text, "utf-8")
    good = sum(1 for ch in text if ord(ch) > 127) - text.count("\ufffd")
    if good >= n:                            # mostly UTF-8, with some damaged bytes
        return Decoded(text, "utf-8", n, at)
    enc, guess = _legacy_encoding(raw[:200_000])
    text, n, at = _decode(raw, enc)
    return Decoded(text, enc, n, at, guess)


def read_text_file(path: Path) -> str:
    """The text of a file (see :func:`decode_bytes`); undecodable bytes become U+FFFD."""
    return decode_bytes(Path(path).read_bytes()).text


# ------------------------------------------------------------------------------------------------
# what is wrong with a text: HTML, control characters

_TAG_NAMES = (r"p|br|div|span|a|b|i|u|s|em|strong|small|big|sup|sub|font|center|h[1-6]|ul|ol|li|dl|dt|dd"
              r"|table|thead|tbody|tfoot|tr|td|th|caption|img|script|style|html|body|head|meta|link|title|iframe"
              r"|blockquote|q|cite|section|article|header|footer|nav|aside|main|figure|figcaption|hr|pre|code|abbr"
              r"|time|mark|label|form|input|button|select|option|noscript|svg|video|audio|source|picture|template")
_HTML_TAG = re.compile(rf"<(?:!--|/?(?:{_TAG_NAMES})(?=[\s/>]))", re.IGNORECASE)
# the same, entity-encoded («&lt;script&gt;», «&amp;lt;p&amp;gt;», «&#60;b&#62;»)
_LT, _GT = r"&(?:amp;){0,3}(?:lt|#0*60|#[xX]0*3[cC]);", r"&(?:amp;){0,3}(?:gt|#0*62|#[xX]0*3[eE]);"
_ENCODED_TAG = re.compile(rf"{_LT}(?:!--|/?(?:{_TAG_NAMES})(?=[\s/]|{_GT}))", re.IGNORECASE)
# comments, and the elements dropped with their content; an unclosed one runs to the end of the text
_SPECIAL = re.compile(r"<!--|<(script|style|noscript|template)(?=[\s/>]|\Z)", re.IGNORECASE | re.ASCII)
_CLOSE = {name: re.compile(rf"</{name}(?=[\s/>]|\Z)[^<>]*>", re.IGNORECASE | re.ASCII)
          for name in ("script", "style", "noscript", "template")}
# a tag; a quoted attribute value may hold '>' (bounded, so that a stray quote costs little)
_ANY_TAG = re.compile(r"<!\[CDATA\[.*?(?:\]\]>|\Z)|<![^<>]*>|<\?[^<>]*>"
                      r"|</?[A-Za-z][^\s/<>\"']*(?:\"[^\"]{0,4096}\"|'[^']{0,4096}'|[^<>\"'])*>", re.DOTALL)
_LOOSE_TAG = re.compile(r"</?[A-Za-z][^\s/<>]*(?:[\s/][^<>]*)?>")     # one whose attribute quote never closes
_MARKUP = re.compile(r"<(?:[A-Za-z!?]|/[A-Za-z])")
_BLOCK = re.compile(r"</?(?:p|br|div|h[1-6]|ul|ol|li|dl|dt|dd|table|thead|tbody|tfoot|tr|caption|blockquote"
                    r"|section|article|header|footer|nav|aside|main|figure|figcaption|hr|pre|title|html|body"
                    r"|head|form)\b", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,30}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_BLANK_LINES = re.compile(r"[ \t\u00a0]*\n(?:[ \t\u00a0]*\n)+")
_HTML_ROUNDS = 6                     # tags hidden under this many layers of entities, or of other tags


def looks_like_html(text: str) -> bool:
    """Real tags of HTML, or entity-encoded ones («&lt;script&gt;»)."""
    return _HTML_TAG.search(text) is not None or _ENCODED_TAG.search(text) is not None


def _drop_hidden(text: str) -> tuple[str, int, int]:
    """Remove comments and <script>, <style>... elements with their content, left to right (a
    comment's «<script>» is comment, a script's «<!--» is script).  Positions are those of the text
    itself (no lower-cased copy, whose length may differ: «İ»).  Returns the text, the number of
    comments and the number of elements removed."""
    out, pos, comments, elements = [], 0, 0, 0
    while True:
        m = _SPECIAL.search(text, pos)
        if m is None:
            break
        out.append(text[pos:m.start()])
        if m.group(1) is None:                       # a comment
            comments += 1
            end = text.find("-->", m.end())
            pos = end + 3 if end >= 0 else len(text)
        else:
            elements += 1
            close = _CLOSE[m.group(1).lower()].search(text, m.end())
            pos = close.end() if close else len(text)
    out.append(text[pos:])
    return "".join(out), comments, elements


def _strip_tags(body: str) -> tuple[str, int, int]:
    """One pass: comments and hidden elements dropped, tags removed (block tags as line breaks), a tag
    left open at the very end dropped.  Returns the text, the number of tags (comments included)
    and the number of hidden elements removed."""
    body, tags, elements = _drop_hidden(body)

    def tag(m):
        nonlocal tags
        tags += 1
        return "\n" if _BLOCK.match(m.group()) else ""
    body = _ANY_TAG.sub(tag, body)
    body = _LOOSE_TAG.sub(tag, body)
    end = len(body)
    while True:                                        # «… <script src=x» with no «>» after it
        i = body.rfind("<", 0, end)
        if i < 0 or not _MARKUP.match(body, i) or body.find(">", i, end) >= 0:
            break
        end = i                                        # each stretch looked at once: linear
        tags += 1
    return body[:end], tags, elements


def strip_html(text: str) -> tuple[str, int, int]:
    """The text of an HTML fragment: comments, scripts and styles dropped, block tags as line breaks,
    other tags removed, entities decoded, runs of blank lines collapsed.  Tags that appear once
    entities are decoded («&lt;script&gt;»), or once the tags inside them are removed, are removed
    too: no tag is left.  Returns (text, tags, entities)."""
    body, tags, entities, _ = _strip_html(text)
    return body, tags, entities


def _strip_html(text: str) -> tuple[str, int, int, int]:
    """:func:`strip_html`, and the number of script, style... elements dropped with their content."""
    body, tags, entities, elements = text, 0, 0, 0
    for _ in range(_HTML_ROUNDS):
        before = body
        body, n, k = _strip_tags(body)
        tags, elements = tags + n, elements + k
        if body != before and _MARKUP.search(body):   # removing a tag may have joined the pieces of another
            continue
        found = len(_ENTITY.findall(body))
        if not found:
            break
        entities += found
        body = html.unescape(body)
        if not _MARKUP.search(body) and not _ENCODED_TAG.search(body):
            break
    if _MARKUP.search(body):
        body, n, k = _strip_tags(body)
        tags, elements = tags + n, elements + k
        body = _MARKUP.sub(lambda m: m.group()[1:], body)   # deeper than that: no '<' is left to open a tag
    body = _BLANK_LINES.sub("\n", body).strip("\n")
    return body, tags, entities, elements


# C0 and C1 controls other than tab and line breaks, and the bidi embeddings, overrides and isolates
# (LRM, RLM and ALM are ordinary in Arabic text and are not reported).
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


_CONTROLS_OR_SURROGATES = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def control_reason(text: str, first: Optional[re.Match] = None) -> Optional[str]:
    """What the warning says of the control and bidi characters of ``text`` (None if it has none);
    ``first``: the first of them, when the caller has found it already."""
    if first is None:
        first = _CONTROLS.search(text)
    if first is None:
        return None
    n = len(_CONTROLS.findall(text))
    line = text.count("\n", 0, first.start()) + 1
    return (f"{n} control or bidi character(s) kept in the text (first U+{ord(first.group()):04X} at "
            f"character {first.start()}, line {line}); dates are read around them")


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

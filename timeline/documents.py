"""Documents and their readers.

An input is a folder holding ``manifest.csv`` (``id,file,published[,title,url,source]``) and the
``.txt`` files it names, or a ``.jsonl`` / ``.csv`` / ``.parquet`` file with ``id,text,published``
columns (plus optional ``title,url,source``).  Readers are generators: a JSONL or CSV file is read line
by line and a Parquet file batch by batch, so a large corpus never sits in memory at once.

Nothing is dropped silently.  Every reader yields either a :class:`Document` or a :class:`Problem`
naming the file, the line (or row, or id) and the reason.  A document whose publication date is
missing or unreadable is still yielded, with ``published=None`` and a warning problem: it is never
dated with the machine's clock (:mod:`timeline.anchoring` decides what its relative expressions are
resolved against).

Text is decoded as follows (:func:`decode_bytes`): a byte-order mark decides (UTF-8, UTF-16 LE/BE,
UTF-32); otherwise UTF-8; a file that is not UTF-8 at all is read as Windows-1256 (or ISO-8859-6,
whichever gives Arabic), else as charset-normalizer's best guess.  A UTF-8 file with a few damaged
bytes keeps its text: each undecodable byte becomes U+FFFD and is reported with its byte offset.  A
file holding NUL bytes (and no UTF-16 byte order) is binary and skipped.  An HTML fragment becomes its
text (tags dropped, block tags as line breaks, entities decoded): offsets refer to that text.  Control
and bidi characters are kept (so that offsets still index the text as given) and reported.
"""
from __future__ import annotations

import codecs
import csv
import datetime as dt
import html
import io
import json
import re
import sys
import threading
from dataclasses import dataclass, field
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
    encoding: Optional[str] = None       # how its bytes were decoded ("utf-8", "cp1256", "utf-16-le (BOM)")


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input.  ``severity`` is 'error' (the document or file was skipped) or
    'warning' (the document was kept, e.g. without a publication date).  ``code`` names the kind of
    problem (``bad_json``, ``missing_file``, ``no_date``...), for counting."""
    file: str
    reason: str
    line: Optional[int] = None
    doc_id: Optional[str] = None
    severity: str = "error"
    code: Optional[str] = None

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line is not None else "")
        who = f" [{self.doc_id}]" if self.doc_id else ""
        return f"{self.severity}: {where}{who}: {self.reason}"

    def as_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "id": self.doc_id, "severity": self.severity,
                "code": self.code, "reason": self.reason}


Item = Union[Document, Problem]

# Short labels of the problem codes, for the closing summary («3 skipped: 2 bad JSON, 1 missing file»).
LABELS = {
    "missing_id": "no id", "no_text": "no text", "empty_text": "empty text", "empty_file": "empty file",
    "binary": "binary file", "undecodable": "undecodable bytes", "not_text": "not text",
    "missing_file": "missing file", "unreadable": "unreadable file", "bad_json": "bad JSON",
    "not_object": "not a JSON object", "missing_field": "missing field", "missing_column": "missing column",
    "duplicate_id": "duplicate id", "no_manifest": "no manifest", "no_such_input": "no such input",
    "unsupported": "unsupported input", "no_pyarrow": "no pyarrow", "bad_parquet": "bad Parquet file",
    "bad_csv": "bad CSV", "no_date": "no date", "bad_date": "bad date", "html": "HTML removed",
    "control_chars": "control characters", "anchor_inferred": "anchor inferred",
    "anchor_unresolved": "anchor not inferred", "anchor_contradicted": "anchor contradicted",
}


# ------------------------------------------------------------------------------------------------
# publication dates

_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def parse_published(value) -> Optional[dt.date]:
    """An ISO date or datetime (string, ``date``, ``datetime`` or pandas ``Timestamp``) -> its date.
    ``None`` for empty values; ``ValueError`` for anything unparseable.  A datetime keeps the calendar
    date it was written with (no time-zone conversion).  Arabic-Indic digits are accepted."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "to_pydatetime"):            # pandas / numpy timestamps
        try:
            return value.to_pydatetime().date()
        except (ValueError, AttributeError):       # NaT
            return None
    s = str(value).strip().translate(_ARABIC_DIGITS)
    if not s:
        return None
    shown = str(value).strip()
    if len(shown) > 40:
        shown = shown[:40] + "…"
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        pass
    s2 = s[:-1] + "+00:00" if s.endswith(("Z", "z")) else s
    try:
        return dt.datetime.fromisoformat(s2.replace(" ", "T", 1) if "T" not in s2 else s2).date()
    except ValueError:
        pass
    named = _named_month_date(s)
    if named is not None:
        return named
    raise ValueError(f"unparseable publication date {shown!r} (expected an ISO date such as 2025-10-14)")


_DATEPARSER_SETTINGS = {
    # absolute dates only, all three parts required: nothing is filled in from a clock
    "PARSERS": ["absolute-time"], "REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True,
    "DATE_ORDER": "DMY", "RELATIVE_BASE": dt.datetime(2000, 1, 1), "RETURN_AS_TIMEZONE_AWARE": False,
}


def _named_month_date(s: str) -> Optional[dt.date]:
    """A publication date written with a month name, as feeds and archives often have them:
    «15 أكتوبر 2025», «الأربعاء 15 تشرين الأول 2025», «Wed, 15 Oct 2025 08:00:00 +0300», «October 15,
    2025».  Arabic goes through our own resolver (all month families); the rest through dateparser,
    which knows many languages' month names and the RFC 2822 layout of feeds.
    Numeric-only forms other than ISO are refused: «12/10/2025» is ambiguous."""
    if not any(ch.isalpha() for ch in s):
        return None
    from resolvers import tag                       # every Arabic month family, weekday checked
    found = [t for t in tag(s, None) if t.grain == "day" and t.value and t.calendar == "gregorian"]
    if len(found) == 1 and len(found[0].text) >= len(s.strip()) * 0.6:
        return found[0].first_day
    import dateparser
    try:
        parsed = dateparser.parse(s, languages=["ar", "en", "fr"], settings=_DATEPARSER_SETTINGS)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date() if parsed is not None else None


def _opt(value) -> Optional[str]:
    if value is None or (isinstance(value, float) and value != value):
        return None
    return str(value).strip() or None


# ------------------------------------------------------------------------------------------------
# decoding bytes

class NotText(ValueError):
    """The bytes are not text (empty, binary, or no encoding found).  ``code`` says which."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_MAX_POSITIONS = 5                  # undecodable positions listed in a message
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


def _legacy_encoding(sample: bytes) -> str:
    """The single-byte encoding of a text that is not UTF-8: Windows-1256 or ISO-8859-6 when either
    gives Arabic, else charset-normalizer's best guess."""
    best = None
    for enc in ("cp1256", "iso8859_6"):
        try:
            share = _arabic_share(sample.decode(enc))
        except UnicodeDecodeError:
            continue
        if best is None or share > best[0]:
            best = (share, enc)
    if best is not None and best[0] >= 0.6:
        return best[1]
    from charset_normalizer import from_bytes
    match = from_bytes(sample).best()
    if match is None:
        raise NotText("not UTF-8, and no other text encoding could be detected", "not_text")
    return match.encoding


def _utf16_without_bom(raw: bytes) -> Optional[str]:
    """'utf-16-le' / 'utf-16-be' when NUL bytes sit only in odd / even positions (ASCII, spaces and
    digits of a UTF-16 text without a byte-order mark), else None."""
    if len(raw) % 2:
        return None
    even, odd = raw[0::2].count(0), raw[1::2].count(0)
    for enc, nul_here, nul_there in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if nul_here and not nul_there:
            try:
                text = raw.decode(enc)
            except UnicodeDecodeError:
                continue
            if not any(ord(c) < 32 and c not in "\t\n\r\f\v" for c in text[:10_000]):
                return enc
    return None


@dataclass
class Decoded:
    """Text decoded from bytes: the encoding used and what could not be decoded."""
    text: str
    encoding: str
    bad_bytes: int = 0
    bad_at: list = field(default_factory=list)       # first few (byte offset in the file, bytes)

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
            body = raw[len(bom):]
            if enc.startswith(("utf-16", "utf-32")) and len(body) % (2 if "16" in enc else 4):
                body = body                  # a truncated last unit is reported as undecodable below
            text, n, at = _decode(body, enc)
            return Decoded(text, f"{enc} (BOM)", n, [(o + len(bom), b) for o, b in at])
    nul = raw.find(b"\x00")
    if nul >= 0:
        enc = _utf16_without_bom(raw)
        if enc is None:
            raise NotText(f"binary file, not text (NUL byte at byte offset {nul})", "binary")
        return Decoded(raw.decode(enc), enc)
    text, n, at = _decode(raw, "utf-8")
    if not n:
        return Decoded(text, "utf-8")
    good = sum(1 for ch in text if ord(ch) > 127) - text.count("\ufffd")
    if good >= n:                            # mostly UTF-8, with some damaged bytes
        return Decoded(text, "utf-8", n, at)
    enc = _legacy_encoding(raw[:200_000])
    text, n, at = _decode(raw, enc)
    return Decoded(text, enc, n, at)


def read_text_file(path: Path) -> str:
    """The text of a file (see :func:`decode_bytes`); undecodable bytes become U+FFFD."""
    return decode_bytes(Path(path).read_bytes()).text


# ------------------------------------------------------------------------------------------------
# what is wrong with a text: HTML, control characters

_HTML_TAG = re.compile(
    r"<(?:!--|/?(?:p|br|div|span|a|b|i|u|s|em|strong|small|big|sup|sub|font|center|h[1-6]|ul|ol|li|dl|dt|dd"
    r"|table|thead|tbody|tfoot|tr|td|th|caption|img|script|style|html|body|head|meta|link|title|iframe"
    r"|blockquote|q|cite|section|article|header|footer|nav|aside|main|figure|figcaption|hr|pre|code|abbr"
    r"|time|mark|label|form|input|button|select|option|noscript|svg|video|audio|source|picture)"
    r"(?=[\s/>]))", re.IGNORECASE)
_ANY_TAG = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<![^<>]*>|<\?[^<>]*\?>|</?[A-Za-z][A-Za-z0-9:-]*"
                      r"(?:\s[^<>]*)?/?>", re.DOTALL)
_BLOCK = re.compile(r"</?(?:p|br|div|h[1-6]|ul|ol|li|dl|dt|dd|table|thead|tbody|tfoot|tr|caption|blockquote"
                    r"|section|article|header|footer|nav|aside|main|figure|figcaption|hr|pre|title|html|body"
                    r"|head|form)\b", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,30}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_HIDDEN = ("script", "style", "noscript", "template")
_BLANK_LINES = re.compile(r"[ \t\u00a0]*\n(?:[ \t\u00a0]*\n)+")


def looks_like_html(text: str) -> bool:
    return _HTML_TAG.search(text) is not None


def _drop_hidden(text: str) -> str:
    """Remove <script>, <style>... elements with their content (find-based: linear)."""
    low = text.lower()
    out, pos = [], 0
    while True:
        starts = [(low.find(f"<{name}", pos), name) for name in _HIDDEN]
        starts = [(i, n) for i, n in starts if i >= 0]
        if not starts:
            break
        i, name = min(starts)
        j = low.find(f"</{name}", i)
        k = low.find(">", j) if j >= 0 else -1
        out.append(text[pos:i])
        pos = k + 1 if k >= 0 else len(text)
    out.append(text[pos:])
    return "".join(out)


def strip_html(text: str) -> tuple[str, int, int]:
    """The text of an HTML fragment: scripts and styles dropped, block tags as line breaks, other tags
    removed, entities decoded, runs of blank lines collapsed.  Returns (text, tags, entities)."""
    body = _drop_hidden(text)
    tags = 0

    def tag(m):
        nonlocal tags
        tags += 1
        return "\n" if _BLOCK.match(m.group()) else ""
    body = _ANY_TAG.sub(tag, body)
    entities = len(_ENTITY.findall(body))
    body = html.unescape(body)
    body = _BLANK_LINES.sub("\n", body).strip("\n")
    return body, tags, entities


# C0 and C1 controls other than tab and line breaks, and the bidi embeddings, overrides and isolates
# (LRM, RLM and ALM are ordinary in Arabic text and are not reported).
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def control_reason(text: str) -> Optional[str]:
    first = _CONTROLS.search(text)
    if first is None:
        return None
    n = len(_CONTROLS.findall(text))
    line = text.count("\n", 0, first.start()) + 1
    return (f"{n} control or bidi character(s) kept in the text (first U+{ord(first.group()):04X} at "
            f"character {first.start()}, line {line}); dates are read around them")


# ------------------------------------------------------------------------------------------------
# records -> documents

def _make(fields: dict, text, file: str, line: Optional[int], origin: str,
          encoding: Optional[str] = None) -> list[Item]:
    """A Document (and its warnings) from one record, or the reason why there is none."""
    raw_id = fields.get("id")
    doc_id = "" if raw_id is None or (isinstance(raw_id, float) and raw_id != raw_id) else str(raw_id).strip()
    if not doc_id:
        return [Problem(file, "no id (the 'id' field is missing or empty)", line, code="missing_id")]
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
    if looks_like_html(text):
        stripped, tags, entities = strip_html(text)
        if not stripped.strip():
            return [Problem(file, f"HTML with no text ({tags} tag(s) and nothing else)", line, doc_id,
                            code="empty_text")]
        out.append(Problem(file, f"HTML markup removed ({tags} tag(s), {entities} entity reference(s)): the article "
                                 f"text is the text without markup and offsets refer to it",
                           line, doc_id, "warning", "html"))
        text = stripped
    ctl = control_reason(text)
    if ctl:
        out.append(Problem(file, ctl, line, doc_id, "warning", "control_chars"))
    try:
        published = parse_published(fields.get("published"))
        if published is None:
            out.append(Problem(file, "no publication date (the 'published' field is missing or empty)",
                               line, doc_id, "warning", "no_date"))
    except ValueError as e:
        published = None
        out.append(Problem(file, str(e), line, doc_id, "warning", "bad_date"))
    opt = {k: _opt(fields.get(k)) for k in OPTIONAL}
    out.insert(0, Document(doc_id, text, published, origin=origin, encoding=encoding, **opt))
    return out


# ------------------------------------------------------------------------------------------------
# line-oriented files (JSON Lines, CSV, the manifest)

class _Lines:
    """The decoded lines of a file opened in binary mode, with what went wrong on the way.

    The encoding is chosen on the first 64 KiB (byte-order mark, else UTF-8, else a single-byte
    Arabic encoding); each line is then decoded on its own, so a damaged line costs only its
    damaged bytes, which are reported with their line and byte offset (``problems``)."""

    SAMPLE = 65536

    def __init__(self, f, path: str):
        self.f, self.path = f, path
        self.problems: list[tuple[int, str]] = []       # (line, reason), drained by the reader
        self.line_no = 0
        head = f.read(self.SAMPLE)
        self.offset = 0
        self.encoding = None
        self.wide = None
        for bom, enc in _BOMS:
            if head.startswith(bom):
                self.encoding, self.offset = enc, len(bom)
                self.wide = enc.startswith(("utf-16", "utf-32"))
                break
        if not head:
            raise NotText("empty file (0 bytes)", "empty_file")
        if self.encoding is None:
            nul = head.find(b"\x00")
            if nul >= 0:
                enc = _utf16_without_bom(head)
                if enc is None:
                    raise NotText(f"binary file, not text (NUL byte at byte offset {nul})", "binary")
                self.encoding, self.wide = enc, True
            else:
                self.wide = False
                dec = codecs.getincrementaldecoder("utf-8")(errors="timeline-record")
                _LOCAL.log = log = {"bytes": 0, "at": []}
                try:
                    text = dec.decode(head, final=False)
                finally:
                    _LOCAL.log = None
                good = sum(1 for ch in text if ord(ch) > 127) - text.count("\ufffd")
                self.encoding = "utf-8" if log["bytes"] == 0 or good >= log["bytes"] else _legacy_encoding(head)
        f.seek(self.offset)

    def __iter__(self) -> Iterator[str]:
        if self.wide:
            wrapper = io.TextIOWrapper(self.f, encoding=self.encoding, errors="replace", newline="")
            for line in wrapper:
                self.line_no += 1
                n = line.count("\ufffd")
                if n:
                    self.problems.append((self.line_no, f"{n} undecodable character(s) in {self.encoding} "
                                                        f"replaced with U+FFFD, the rest of the line kept"))
                yield line
            wrapper.detach()
            return
        pos = self.offset
        for raw in self.f:
            self.line_no += 1
            text, n, at = _decode(raw, self.encoding)
            if n:
                self.problems.append((self.line_no, undecodable_reason(n, self.encoding, at, pos)))
            pos += len(raw)
            yield text

    def drain(self) -> list[tuple[int, str]]:
        out, self.problems = self.problems, []
        return out


def _open_lines(path: Path):
    f = open(path, "rb")
    try:
        return _Lines(f, str(path))
    except BaseException:
        f.close()
        raise


def _undecodable(file: str, drained, doc_id=None) -> list[Problem]:
    return [Problem(file, reason, line, doc_id, "warning", "undecodable") for line, reason in drained]


def _open_csv(path: Path, required, hint: str):
    """Open a CSV file with a header row (a manifest, or documents): yields the problems found on the
    way and returns ``(lines, reader)``, or ``None`` when the file cannot be read as such."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        lines = _open_lines(path)
    except NotText as e:
        yield Problem(str(path), str(e), code=e.code)
        return None
    reader = csv.DictReader(lines)
    try:
        fieldnames = reader.fieldnames or []
    except csv.Error as e:
        lines.f.close()
        yield Problem(str(path), f"bad CSV header: {e}", 1, code="bad_csv")
        return None
    yield from _undecodable(str(path), lines.drain())
    missing = [c for c in required if c not in fieldnames]
    if missing:
        lines.f.close()
        yield Problem(str(path), f"missing column(s) {', '.join(missing)} in the header "
                                 f"({hint}found: {', '.join(fieldnames) or 'nothing'})", 1, code="missing_column")
        return None
    return lines, reader


def read_folder(folder: Path) -> Iterator[Item]:
    manifest = folder / MANIFEST
    if not manifest.is_file():
        yield Problem(str(folder), f"no {MANIFEST} in this folder (expected columns id,file,published)",
                      code="no_manifest")
        return
    opened = yield from _open_csv(manifest, ("id", "file", "published"), "")
    if opened is None:
        return
    lines, reader = opened
    with lines.f:
        for row in reader:
            line = reader.line_num
            doc_id = (row.get("id") or "").strip() or None
            yield from _undecodable(str(manifest), lines.drain(), doc_id)
            name = (row.get("file") or "").strip()
            if not name:
                yield Problem(str(manifest), "empty 'file' field", line, doc_id, code="missing_file")
                continue
            path = folder / name
            try:
                decoded = decode_bytes(path.read_bytes())
            except FileNotFoundError:
                yield Problem(str(manifest), f"file {name!r} not found in {folder}", line, doc_id,
                              code="missing_file")
                continue
            except IsADirectoryError:
                yield Problem(str(manifest), f"{name!r} is a folder, not a text file", line, doc_id,
                              code="unreadable")
                continue
            except NotText as e:
                yield Problem(str(manifest), f"{name}: {e}", line, doc_id, code=e.code)
                continue
            except OSError as e:
                yield Problem(str(manifest), f"cannot read {name!r}: {e.strerror or e}", line, doc_id,
                              code="unreadable")
                continue
            items = _make(row, decoded.text, str(manifest), line, f"{path}", decoded.encoding)
            yield from items
            if decoded.bad_bytes and isinstance(items[0], Document):
                yield Problem(str(manifest), decoded.problem_reason(name), line, doc_id, "warning", "undecodable")


def read_jsonl(path: Path) -> Iterator[Item]:
    try:
        lines = _open_lines(path)
    except NotText as e:
        yield Problem(str(path), str(e), code=e.code)
        return
    records = 0
    with lines.f:
        for line in lines:
            line_no = lines.line_no
            bad = lines.drain()
            if not line.strip():
                yield from _undecodable(str(path), bad)
                continue
            records += 1
            try:
                rec = json.loads(line.rstrip("\r\n"))
            except json.JSONDecodeError as e:
                yield from _undecodable(str(path), bad)
                yield Problem(str(path), f"bad JSON: {e.msg} at column {e.colno}", line_no, code="bad_json")
                continue
            except RecursionError:
                yield Problem(str(path), "bad JSON: nested too deeply", line_no, code="bad_json")
                continue
            if not isinstance(rec, dict):
                kind = {list: "array", str: "string", int: "number", float: "number", bool: "boolean"}.get(
                    type(rec), "null")
                yield Problem(str(path), f"a JSON object was expected, not a JSON {kind}", line_no, code="not_object")
                continue
            rid = rec.get("id")
            doc_id = str(rid) if rid is not None and not isinstance(rid, (dict, list)) else None
            missing = [c for c in REQUIRED if c not in rec]
            if "id" in missing or "text" in missing:
                yield from _undecodable(str(path), bad, doc_id)
                yield Problem(str(path), f"missing field(s) {', '.join(missing)}", line_no, doc_id,
                              code="missing_field")
                continue
            items = _make(rec, rec.get("text"), str(path), line_no, f"{path}:{line_no}", lines.encoding)
            yield from items
            yield from _undecodable(str(path), bad, doc_id)
    if not records:
        yield Problem(str(path), "no records (the file holds only blank lines)", code="empty_file")


def read_csv(path: Path) -> Iterator[Item]:
    opened = yield from _open_csv(path, REQUIRED, f"need {', '.join(REQUIRED)}; ")
    if opened is None:
        return
    lines, reader = opened
    with lines.f:
        rows = 0
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as e:
                yield Problem(str(path), f"bad CSV: {e}; the rest of the file was skipped", reader.line_num,
                              code="bad_csv")
                return
            rows += 1
            line = reader.line_num
            doc_id = (row.get("id") or "").strip() or None if isinstance(row.get("id"), str) else None
            items = _make(row, row.get("text"), str(path), line, f"{path}:{line}", lines.encoding)
            yield from items
            yield from _undecodable(str(path), lines.drain(), doc_id)
        if not rows:
            yield Problem(str(path), "no rows after the header", 1, code="empty_file")


def read_parquet(path: Path) -> Iterator[Item]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield Problem(str(path), "reading Parquet needs pyarrow (pip install 'arabic-timeline[parquet]')",
                      code="no_pyarrow")
        return
    try:
        pf = pq.ParquetFile(path)
    except Exception as e:                            # pyarrow raises several unrelated types here
        yield Problem(str(path), f"not a readable Parquet file: {e}", code="bad_parquet")
        return
    names = pf.schema_arrow.names
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        yield Problem(str(path), f"missing column(s) {', '.join(missing)} (need {', '.join(REQUIRED)}; "
                                 f"found: {', '.join(names) or 'nothing'})", code="missing_column")
        return
    cols = [c for c in REQUIRED + OPTIONAL if c in names]
    row = 0
    try:
        for batch in pf.iter_batches(columns=cols, batch_size=2048):
            for rec in batch.to_pylist():
                row += 1
                yield from _make(rec, rec.get("text"), str(path), row, f"{path}#row{row}")
    except Exception as e:                            # a corrupt page: report, keep what was read
        yield Problem(str(path), f"not a readable Parquet file after row {row}: {e}", row + 1, code="bad_parquet")


def read_inputs(inputs: Iterable[Union[str, Path]]) -> Iterator[Item]:
    """Every document of every input, in input order; problems interleaved where they occur.
    A document id seen before (in any input) is reported and skipped."""
    seen: dict[str, str] = {}
    for inp in inputs:
        p = Path(inp)
        if p.is_dir():
            items = read_folder(p)
        elif not p.exists():
            yield Problem(str(p), "no such file or folder", code="no_such_input")
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

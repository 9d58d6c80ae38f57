"""Bytes to text, and what could not be decoded.

A byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32); otherwise UTF-8; a file that is not UTF-8 at
all is read as Windows-1256 (or ISO-8859-6) when that gives Arabic text, as cp1252 (Western European)
when its accented letters sit inside Latin words, else as charset-normalizer's best guess; those last
two are guesses and get a warning (``encoding_guessed``).  A UTF-8 file with a few damaged bytes keeps
its text: each undecodable byte becomes U+FFFD and is reported with its byte offset.  A file is binary
when its NUL bytes say so: one among its first 16 bytes (where file signatures hold them), or four or
more that are more than 1% of its bytes or sit in more than half of its lines.
"""
from __future__ import annotations

import codecs
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

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

"""One normalisation pass with an offset map back into the original text.

Every rule and every vocabulary table sees only normalised text:

* hamza/madda alef forms أ إ آ ٱ -> ا, alef maksura ى -> ي (so جمادى = جمادي, الأولى = الاولي);
* tashkeel and tanween (U+064B-U+065F, U+0670) and tatweel (U+0640) are removed (غداً -> غدا);
* zero-width, bidi and C0 control characters are removed (tab, newline and carriage return stay);
* Arabic-Indic (٠-٩) and Persian (۰-۹) digits become ASCII digits;
* Persian/Urdu letter variants (ی ک ە ۀ) fold to their Arabic letters;
* presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFF) are decomposed (NFKC), ligatures included;
* no-break and other horizontal spaces become a plain space, line/paragraph separators a newline.

Fast path: the text is encoded to Windows-1256 (a C codec in which every Arabic letter is one byte),
folded with ``bytes.translate`` and decoded again: about 100 million characters a second.  A text that
holds characters the fast path cannot fold (Indic digits, presentation forms, bidi controls...) goes
through a per-character path instead.  Both give the same result (a property test checks it).

``Normalized.orig_start(i)`` / ``orig_end(j)`` map a normalised span ``[i, j)`` back to the original
text; the end is extended over diacritics that follow the last letter, so «غداً» keeps its tanween.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from itertools import accumulate
from operator import sub
from dataclasses import dataclass

_DIACRITICS = [chr(c) for c in range(0x064B, 0x0660)] + ["\u0670"]
_DELETE = _DIACRITICS + ["\u0640", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c",
                         "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067",
                         "\u2068", "\u2069", "\ufeff", "\u00ad"] + \
    [chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"] + ["\x7f"]      # C0 controls
_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ې": "ي", "ک": "ك", "ە": "ه",
    "ۀ": "ه", "ۃ": "ة", "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
    "\u2002": " ", "\u2003": " ", "\u3000": " ", "\t": " ", "\u2028": "\n", "\u2029": "\n", "\r": "\n",
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u066b": ".", "\u066c": ",", "\u060d": ",",
}
for _i in range(10):
    _FOLD[chr(0x0660 + _i)] = str(_i)
    _FOLD[chr(0x06F0 + _i)] = str(_i)

_DIACRITIC_SET = frozenset(_DIACRITICS)
_DELETE_SET = frozenset(_DELETE)
# what the per-character path must look at: everything else is copied as it is
_SPECIAL_RX = re.compile("[" + "".join(re.escape(c) for c in sorted(set(_DELETE) | set(_FOLD)))
                         + "\ufb50-\ufdff\ufe70-\ufeff]")

# --- fast path tables (Windows-1256) --------------------------------------------------------------
_CODEC = "cp1256"


def _cp(ch: str):
    try:
        b = ch.encode(_CODEC)
    except UnicodeEncodeError:
        return None
    return b if len(b) == 1 else None


_fast_src, _fast_dst, _fast_del = bytearray(), bytearray(), bytearray()
_slow_chars = []                       # characters that only the slow path folds correctly
for _ch, _to in _FOLD.items():
    _b, _t = _cp(_ch), _cp(_to)
    if _b is not None and _t is not None:
        _fast_src += _b
        _fast_dst += _t
    else:
        _slow_chars.append(_ch)
for _ch in _DELETE:
    _b = _cp(_ch)
    if _b is not None:
        _fast_del += _b
    else:
        _slow_chars.append(_ch)
_FAST_TABLE = bytes.maketrans(bytes(_fast_src), bytes(_fast_dst))
_WORD_TABLE = bytes(b if bytes([b]).decode(_CODEC, "replace").isalnum() else 0x20 for b in range(256))
_FAST_DELETE = bytes(_fast_del)
_DELETED_MASK = bytes(0 if b in _FAST_DELETE else 1 for b in range(256))
# Anything the slow path must see: unfoldable characters and presentation forms.  Characters outside
# cp1256 that need no folding (Latin accents, emoji...) become '?' on the fast path, which is harmless
# for matching: only the length must be kept, and 'replace' keeps it (one '?' per character).
_SLOW_RX = re.compile("[" + "".join(re.escape(c) for c in _slow_chars) + "\ufb50-\ufdff\ufe70-\ufeff]")


@dataclass(frozen=True)
class Normalized:
    """A normalised text and the map back to the original one."""
    original: str                             # the text the offsets point into: the input, the first
                                              # character of a dash drawn in tatweel read «-» (_dash)
    text: str
    # For each *kept-or-inserted* character whose original position differs by a new amount, the
    # normalised index where that run starts and the original index it maps to.  Empty: identity.
    _norm_breaks: tuple = ()
    _orig_at_break: tuple = ()
    _folded: bytes = None                     # the cp1256 bytes of ``text``, when the fast path made them

    def word_bytes(self) -> bytes:
        """``word_text(text)`` as cp1256 bytes, one byte a character (what the automaton scans)."""
        if self._folded is not None and len(self._folded) == len(self.text):
            return self._folded.translate(_WORD_TABLE)
        return word_bytes(self.text)

    def orig_start(self, i: int) -> int:
        """Original offset of the normalised character at index ``i``."""
        if not self._norm_breaks:
            return i
        k = bisect_right(self._norm_breaks, i) - 1
        if k < 0:
            return i
        nb, ob = self._norm_breaks[k], self._orig_at_break[k]
        return ob + (i - nb)

    def orig_end(self, j: int) -> int:
        """Original offset just after the normalised span ending at ``j`` (exclusive), extended over
        the diacritics and tatweel that belong to its last letter."""
        if j <= 0:
            return 0
        # (an expanded ligature's characters all map to their one original character)
        e = self.orig_start(j - 1) + 1
        orig = self.original
        n = len(orig)
        while e < n and (orig[e] in _DIACRITIC_SET or orig[e] == "\u0640"):
            e += 1
        return e

    def span(self, i: int, j: int) -> tuple[int, int]:
        """``(orig_start(i), orig_end(j))`` in one step."""
        nb = self._norm_breaks
        if not nb and len(self.text) == len(self.original):
            return i, j                         # nothing was deleted, so there are no diacritics either
        k = bisect_right(nb, i) - 1
        s = i if k < 0 else self._orig_at_break[k] + (i - nb[k])
        if j <= 0:
            return s, 0
        k = bisect_right(nb, j - 1) - 1
        e = j if k < 0 else self._orig_at_break[k] + (j - 1 - nb[k]) + 1
        orig = self.original
        n = len(orig)
        while e < n and (orig[e] in _DIACRITIC_SET or orig[e] == "\u0640"):
            e += 1
        return s, e


def _fast(text: str, raw: bytes = None) -> Normalized:
    exact = raw is not None                   # ``raw`` is the strict encoding: no '?' stands in for a character
    if raw is None:
        raw = text.encode(_CODEC, "replace")
    folded = raw.translate(_FAST_TABLE, _FAST_DELETE)
    norm = folded.decode(_CODEC)
    if len(folded) == len(raw):
        # ASCII '?' stands in for unencodable characters: put the original ones back where they are
        # not ASCII so that the text a rule sees is faithful (e.g. an emoji is still a non-letter).
        return Normalized(text, norm if exact else _restore(norm, text, None), (), (), folded)
    # each run of deleted characters [a, b): the next kept character (original index b) lands at
    # normalised index b - (characters deleted so far).  Found with bytes.find on a 0/1 mask: a
    # regex over a character class would scan five times slower.
    mask = raw.translate(_DELETED_MASK)
    runs = []
    a = mask.find(0)
    while a >= 0:
        b = mask.find(1, a)
        if b < 0:
            b = len(mask)
        runs.append((a, b))
        a = mask.find(0, b)
    oa = tuple(b for _, b in runs)
    nb = tuple(map(sub, oa, accumulate(b - a for a, b in runs)))
    if exact:
        return Normalized(text, norm, nb, oa, folded)
    out = Normalized(text, norm, nb, oa)
    return Normalized(text, _restore(norm, text, out), nb, oa, folded)


_QUESTION = re.compile(r"\?")


def _restore(norm: str, text: str, mapping) -> str:
    """Put back the non-ASCII characters that the cp1256 round trip turned into '?'."""
    if "?" not in norm:
        return norm
    parts, prev = [], 0
    for m in _QUESTION.finditer(norm):
        i = m.start()
        o = mapping.orig_start(i) if mapping is not None else i
        if text[o] != "?":
            parts.append(norm[prev:i])
            parts.append(text[o])
            prev = i + 1
    if not parts:
        return norm
    parts.append(norm[prev:])
    return "".join(parts)


def _slow(text: str) -> Normalized:
    """The per-character path (for ligatures, which expand): characters that need nothing are copied a
    run at a time, so the Python work is per character that changes."""
    text = _dash(text)
    out = []
    n = 0                              # normalised length so far
    norm_breaks, orig_at = [], []
    shift = 0                          # original index - normalised index, for the current run
    prev = 0
    for m in _SPECIAL_RX.finditer(text):
        o = m.start()
        if o > prev:                   # a run of unchanged characters
            if prev - n != shift:
                norm_breaks.append(n)
                orig_at.append(prev)
                shift = prev - n
            out.append(text[prev:o])
            n += o - prev
        prev = o + 1
        ch = text[o]
        if ch in _DELETE_SET:
            continue
        rep = _FOLD.get(ch)
        if rep is None:
            if "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff":
                rep = unicodedata.normalize("NFKC", ch)
                rep = "".join(_FOLD.get(c, c) for c in rep if c not in _DELETE_SET) or " "
            else:
                rep = ch
        for k, c in enumerate(rep):
            if k == 0 and o - n != shift:
                norm_breaks.append(n)
                orig_at.append(o)
                shift = o - n
            elif k > 0:
                # inserted characters of an expansion map to their source character
                norm_breaks.append(n)
                orig_at.append(o)
                shift = None
            out.append(c)
            n += 1
        if len(rep) > 1:
            shift = None
    if prev < len(text):
        if prev - n != shift:
            norm_breaks.append(n)
            orig_at.append(prev)
        out.append(text[prev:])
    return Normalized(text, "".join(out), tuple(norm_breaks), tuple(orig_at))


# Characters the cp1256 round trip cannot fold, mapped one-to-one (so offsets stay put) onto characters it
# can: Indic digits, Persian letters, presentation forms that decompose to one letter, and invisible
# controls outside cp1256 (mapped to RLM, which the fast path deletes).
_ONE_TO_ONE = {}
for _ch in _slow_chars:
    _t = _FOLD.get(_ch)
    if _t is not None and len(_t) == 1:
        _ONE_TO_ONE[ord(_ch)] = _t
    elif _ch in _DELETE_SET:
        _ONE_TO_ONE[ord(_ch)] = "\u200f"
_EXPANDING = []
for _c in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFF00)):
    _n = unicodedata.normalize("NFKC", chr(_c))
    _n = "".join(_FOLD.get(c, c) for c in _n if c not in _DELETE_SET)
    if len(_n) == 1:
        _ONE_TO_ONE[_c] = _n
    elif _n != chr(_c):
        _EXPANDING.append(chr(_c))
_EXPANDING_RX = re.compile("[" + "".join(map(re.escape, _EXPANDING)) + "]") if _EXPANDING else None


# a run of tatweel touching no letter is a dash, as the Saudi press writes one («من 5 ــ 6 ذي الحجة»,
# «الفترة 2007 ــ 2010»): its first character reads «-», the others are deleted as tatweel is (the same
# length, so every offset stays); within a word («الـ 95», «سـ») it is still only drawn out
_DASH_TATWEEL = re.compile("(?<![\u0620-\u064a\u066e-\u06d3\\-])\u0640+(?![\u0620-\u064a\u066e-\u06d3])")


def _dash(text: str) -> str:
    if "\u0640" not in text:
        return text
    return _DASH_TATWEEL.sub(lambda m: "-" + m.group()[1:], text)


def normalize(text: str) -> Normalized:
    """Normalise ``text`` once; see the module documentation for what is folded."""
    return _normalize(_dash(text))


def _normalize(text: str) -> Normalized:
    try:
        raw = text.encode(_CODEC)                   # every character is in cp1256: the fast path as is
    except UnicodeEncodeError:
        pass
    else:
        return _fast(text, raw)
    if _SLOW_RX.search(text):
        if _EXPANDING_RX is not None and _EXPANDING_RX.search(text):
            return _slow(text)                      # ligatures: one character becomes several
        pre = text                                  # one-to-one, so the offsets stay valid
        for ch in set(_SLOW_RX.findall(text)):
            pre = pre.replace(ch, _ONE_TO_ONE.get(ord(ch), ch))
        out = _fast(pre)
        return Normalized(text, out.text, out._norm_breaks, out._orig_at_break, out._folded)
    return _fast(text)


def fold(text: str) -> str:
    """The normalised string only (for vocabulary tables, templates and similarity measures)."""
    return normalize(text).text




def word_text(norm: str) -> str:
    """The same text with every character that is not a letter or a digit replaced by a space (same
    length): the automaton spots whole words in it."""
    return word_bytes(norm).decode(_CODEC)


def word_bytes(norm: str) -> bytes:
    """``word_text(norm)`` as cp1256 bytes (a character outside cp1256 is not a letter here)."""
    return norm.encode(_CODEC, "replace").translate(_WORD_TABLE)

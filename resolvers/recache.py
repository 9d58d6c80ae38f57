"""The engine's compiled alternations, kept on disk between runs.

The engine joins its rules into one alternation per set of rules tried together (``engine._Entry``):
some 1.7 million characters of pattern, which Python's ``re`` parses and compiles in pure Python in
5-7 s at every start, in every worker process.  What it compiles to is a list of integers (the SRE
code) that depends only on the pattern, the flags and the interpreter; this module keeps that list in
a file named by a hash of all three, and builds the pattern from it with ``_sre.compile`` (what
``re.compile`` itself ends with).  The pattern is the same object either way: the same code, groups
and group names (``tests/test_recache.py``).

Where: ``$ARABIC_TIMELINE_CACHE`` if set (``0`` turns the cache off), else ``$XDG_CACHE_HOME`` or
``~/.cache``, under ``arabic-timeline/re``.  A file that cannot be read or is not valid SRE code is
compiled again and rewritten; a directory that cannot be written only costs the time. Once every
rule set is compiled (``resolvers.prepare``), the files of no current pattern are removed.  An interpreter
whose ``re`` internals are not those of CPython 3.11+ (``re._parser``, ``re._compiler._code``) simply
compiles as usual.
"""
from __future__ import annotations

import hashlib
import marshal
from array import array
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Optional

try:                                      # CPython's own compiler, as re.compile runs it
    import _sre
    from re import _compiler, _parser
    _TAG = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}"
    _OK = hasattr(_compiler, "_code") and hasattr(_parser, "parse") and _sre.CODESIZE == 4
except ImportError:                       # pragma: no cover - another interpreter
    _OK = False
    _TAG = ""


_CODE = "I" if array("I").itemsize == 4 else "L"   # SRE code words are 4 bytes (_sre.CODESIZE)


def directory() -> Optional[Path]:
    """The cache's folder, or None when it is turned off (``ARABIC_TIMELINE_CACHE=0``)."""
    v = os.environ.get("ARABIC_TIMELINE_CACHE")
    if v == "0":
        return None
    if v:
        return Path(v) / "re"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "arabic-timeline" / "re"


def _key(pattern: str, flags: int) -> str:
    h = hashlib.sha256(f"{_TAG}\0{flags}\0".encode())
    h.update(pattern.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _parts(pattern: str, flags: int) -> tuple:
    """What ``re._compiler.compile`` hands to ``_sre.compile``: flags, code, groups, names."""
    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    groupindex = dict(p.state.groupdict)
    indexgroup = [None] * p.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (int(flags | p.state.flags), [int(c) for c in code], int(p.state.groups - 1), groupindex,
            tuple(indexgroup))


_USED: set = set()                       # the files this process compiled from or wrote


def prune() -> int:
    """Remove the cache's files this process did not use (patterns of rules since changed), so the
    folder holds one version of the rules, about 12 MB; returns how many were removed."""
    where = directory() if _OK else None
    if where is None or not _USED:
        return 0
    n = 0
    try:
        for f in where.glob("*.sre"):
            if f.name not in _USED:
                try:
                    f.unlink()
                    n += 1
                except OSError:
                    pass
    except OSError:
        pass
    return n


def keep(pattern: str, flags: int = 0) -> None:
    """Mark the pattern's file as in use without reading it, so that :func:`prune` leaves it: a
    pattern compiled only when first needed (a rule's own, ``grammar.pattern_of``)."""
    if _OK and directory() is not None:
        _USED.add(_key(pattern, flags) + ".sre")


def compile(pattern: str, flags: int = 0) -> "re.Pattern":
    """``re.compile(pattern, flags)``, from the cache when it holds it."""
    where = directory() if _OK else None
    if where is None:
        return re.compile(pattern, flags)
    path = where / (_key(pattern, flags) + ".sre")
    _USED.add(path.name)
    try:
        with open(path, "rb") as f:
            fl, code, groups, groupindex, indexgroup = marshal.load(f)
        return _sre.compile(pattern, fl, array(_CODE, code).tolist(), groups, groupindex, indexgroup)
    except (OSError, EOFError, ValueError, TypeError, RuntimeError):
        pass                              # absent, cut short or not valid code: compile it again
    parts = _parts(pattern, flags)
    out = _sre.compile(pattern, *parts)
    try:
        where.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=where, suffix=".tmp")
        try:
            fl, code, groups, groupindex, indexgroup = parts
            with os.fdopen(fd, "wb") as f:     # the code as machine words: read back in one go
                marshal.dump((fl, array(_CODE, code).tobytes(), groups, groupindex, indexgroup), f)
            os.replace(tmp, path)         # whole or not at all: a reader never sees half a file
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass                              # a folder that cannot be written: only the time is lost
    return out

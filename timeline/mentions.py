"""From one document and its expressions to event mentions.

An *event mention* is the clause or sentence that a DATE expression dates.  Sentences end at
``. ؟ ! ؛ ? ;`` and newlines (a dot between digits or in a run of dots does not end one); when one
sentence holds several incompatible dates, each one keeps only the comma-delimited clauses around
it.  Compatible dates of one sentence («في 15 أكتوبر (تشرين الأول الجاري)») date one mention, the
finest of them.

Relations date an event through another one:

* «بعد (مرور) D على/من X», «عقب/إثر D من X»: X happened D before the reference event;
* «قبل D من X»: X happened D after the reference event;
* «عقب X», «إثر X», «في أعقاب X» (no duration): X happened on or shortly before the reference.

The reference event is the one dated in the same sentence, or, for the duration forms, the article's
own «اليوم» (its publication day, when the article dates something on that day).  The duration is
then not a timeline point itself: its row in mentions.csv names the event it dated.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Callable, Optional, Sequence

from resolvers.normalize import fold, normalize
from resolvers.types import Timex

from .roles import EVENT, NOTES as ROLE_NOTES, is_name, role_of
from .dates import UNIT_GRAIN, grain_rank, parse_duration, shift, span_of, value_of
from .similarity import words

# Two anchors far apart: an expression that resolves identically under both does not depend on the
# publication date (used for documents that have none).
PROBE_ANCHORS = (dt.date(2001, 3, 7), dt.date(2032, 11, 20))
NO_DATE_REASON = "no publication date: a relative expression cannot be resolved"

# one character ends a sentence; a dot between digits (3.5) or in a run of dots (..) does not
_SENTENCE_END = re.compile(r"[.؟!؛?;\n]")
_NONSPACE = re.compile(r"\S")
_CLAUSE = re.compile(r"[،,:]")
_TRIM = " \t\r\n\u00a0،,:;.؛؟?!-–—\"'«»()[]"
_CUE_BEFORE = re.compile(r"(?:^|[\s(«\"،,])(?P<cue>بعد|قبل|عقب|اثر)\s+(?:مرور\s+)?(?:نحو\s+|حوالي\s+)?$")
_DATE_CUE = re.compile(r"^(?:وب|و|ف)?(?P<cue>بعد|قبل)\s")
_LINK = re.compile(r"^\s*(?:فقط\s+|تقريبا\s+)?(?:علي|من)\s+(?=\S)")
_BARE_CUE = re.compile(r"(?:^|[\s(،,])(?:علي\s+)?(?:في\s+)?(?P<cue>عقب|اثر|اعقاب|بعيد)\s+(?=\S)")
# a cheap test on the raw text before normalising it: the bare cues in any spelling (hamza forms,
# diacritics and tatweel between the letters)
_BARE_HINT = re.compile(r"[عإاأآٱ][\u064b-\u065f\u0670\u0640]*[قثع]|ب[\u064b-\u065f\u0670\u0640]*ع[\u064b-\u065f\u0670\u0640]*[يى]")
# words that lead to a date and dangle once it is cut («بحلول»، «اعتباراً من»، «الفترة من … وحتى»، «عند»
# and «في تمام» before a clock time)
_CUT_TAIL = re.compile(r"(?:^|\s)(?:(?:و|ف)?(?:في\s+تمام|تمام|عند|في|منذ|حتى|خلال|مساء|صباح|بحلول|إلى|الى|من|لغاية|عام|العام|سنة|يوم|ليوم|"
                       r"بتاريخ|تاريخ|الموافق|اعتبار[اًا]+ من|ابتداء[ًا]? من|بدء[ًا]+ من|مطلع|أواخر|اواخر|نهاية|بداية)"
                       r"(?:\s+(?:من|ل|لـ))?)\s*$")
# «الموافق» left at the head of what follows a cut date («… هـ الموافق …»), a cut clock time's zone
# («… بتوقيت غرينتش», «بتوقيت مكة المكرمة»), and the connectors
# alone between two cut dates («5 وحتى 10 …»)
_CUT_HEAD = re.compile(r"^[\s\-–—/،,]*(?:(?:و)?الموافق(?:\s*لـ?)?|(?:و)?بتوقيت\s+[^\s،,.:؛()]+(?:\s+ال[^\s،,.:؛()]+)?)(?=[\s،,.:؛()]|$)")
_CONNECTORS = re.compile(r"[\s\-–—/،,()]*(?:(?:و)?(?:حتى|إلى|الى|لغاية|الموافق(?:\s*لـ?)?)?[\s\-–—/،,()]*)")
_CUT_CLITIC = re.compile(r"(?:^|(?<=\s))[وفبل]$")
_COMMAS = re.compile(r"\s*([،,])(?:\s*[،,])+")
_EMPTY_PARENS = re.compile(r"\(\s*\)")
_SPACE_PUNCT = re.compile(r"\s+([،,.:])")
_LINK_START = re.compile("[\\s\u00ad\u061c\u0640\u064b-\u065f\u0670\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]*"
                         "[فتمع\ufb50-\ufdff\ufe70-\ufeff]")
_AFTER_WINDOW = 80       # characters after an expression in which «(فقط) على/من X» is looked for


# The fields of an expression row (one line of mentions.csv before the merge numbers it and names its
# event); ``mention`` indexes the document's event mentions (None: the expression dates none).
ROW_KEYS = ("text", "start", "end", "type", "value", "mod", "first_day", "last_day", "grain", "calendar", "rule",
            "flags", "status", "reason", "tense", "doc_id", "kind", "note", "relation", "mention", "clause_start",
            "clause_end", "role")
_ROW_KEYS = frozenset(ROW_KEYS)


class Row:
    """One expression row: read and written like a dict of ``ROW_KEYS`` (``row["note"]``,
    ``row.get("mention")``, ``dict(row)``, ``==`` a dict), held in slots: about 200 bytes where the dict
    took some 1,200, for every expression of a build until its tables are made."""
    __slots__ = ROW_KEYS

    # __init__(self, text=None, start=None, ..., role=None), one assignment per field (made below)

    def __getitem__(self, key):
        if key in _ROW_KEYS:
            return getattr(self, key)
        raise KeyError(key)

    def __setitem__(self, key, value):
        if key not in _ROW_KEYS:
            raise KeyError(f"not a field of an expression row: {key!r}")
        setattr(self, key, value)

    def get(self, key, default=None):
        return getattr(self, key) if key in _ROW_KEYS else default

    def __contains__(self, key) -> bool:
        return key in _ROW_KEYS

    def keys(self):
        return list(ROW_KEYS)

    def values(self):
        return [getattr(self, k) for k in ROW_KEYS]

    def items(self):
        return [(k, getattr(self, k)) for k in ROW_KEYS]

    def __iter__(self):
        return iter(ROW_KEYS)

    def __len__(self) -> int:
        return len(ROW_KEYS)

    def as_dict(self) -> dict:
        return dict(self.items())

    def __eq__(self, other):
        if isinstance(other, (Row, dict)):
            return self.as_dict() == dict(other.items())
        return NotImplemented

    __hash__ = None

    def __repr__(self) -> str:
        return f"Row({self.as_dict()!r})"

    def __getstate__(self):
        return self.values()

    def __setstate__(self, state):
        for k, v in zip(ROW_KEYS, state):
            setattr(self, k, v)


def _row_init():
    args = ", ".join(f"{k}=None" for k in ROW_KEYS)
    body = "".join(f"\n    self.{k} = {k}" for k in ROW_KEYS)
    scope: dict = {}
    exec(f"def __init__(self, {args}):{body}", scope)
    return scope["__init__"]


Row.__init__ = _row_init()


def _timex_row(t: Timex, doc_id: str) -> Row:
    """The row of one expression, as ``dict(t.as_dict(), doc_id=..., kind="timex", ...)`` with its
    flags joined by «;»."""
    d = t.as_dict()
    return Row(d["text"], d["start"], d["end"], d["type"], d["value"], d["mod"], d["first_day"], d["last_day"],
               d["grain"], d["calendar"], d["rule"], ";".join(d["flags"]), d["status"], d["reason"], d["tense"],
               doc_id, "timex", _note(t), None, None, None, None, None)


@dataclass(slots=True)
class EventMention:
    """One dated clause.  Offsets index the document's original text."""
    doc_id: str
    start: int
    end: int
    text: str
    expr_start: int
    expr_end: int
    expr: str
    value: str
    mod: Optional[str]
    first_day: dt.date
    last_day: dt.date
    grain: str
    summary: str
    words: list = field(default_factory=list)      # content words (similarity.words)
    rows: list = field(default_factory=list)       # indexes of this document's expression rows
    relation: Optional[str] = None
    role: str = "event"                            # what its date does (timeline/roles.py)

    @property
    def interval(self) -> tuple:
        return (self.first_day, self.last_day)


def segments(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` (untrimmed), headlines and list items included."""
    out, pos = [], 0
    nonspace, n = _NONSPACE.search, len(text)
    for m in _SENTENCE_END.finditer(text):
        b = m.start()
        if text[b] == "." and (0 < b < n - 1 and text[b - 1].isdigit() and text[b + 1].isdigit()
                               or b > 0 and text[b - 1] == "." or b < n - 1 and text[b + 1] == "."):
            continue
        if nonspace(text, pos, b):
            out.append((pos, b))
        pos = b + 1
    if nonspace(text, pos, n):
        out.append((pos, n))
    return out


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    return s, e


def placeable(t: Timex) -> bool:
    """A DATE (or TIME) with a fixed interval: it can put something on the timeline."""
    return (t.type in ("DATE", "TIME") and t.status != "unresolved" and t.first_day is not None
            and t.last_day is not None)


def _replace(t, **changes):
    """A copy of an expression with some fields changed (NamedTuple or dataclass Timex)."""
    return t._replace(**changes) if hasattr(t, "_replace") else dataclasses.replace(t, **changes)


def tag_document(text: str, published: Optional[dt.date], tagger: Callable) -> list[Timex]:
    """All expressions of a text, resolved against its publication date.  Without one, the resolver
    leaves what needs an anchor unresolved itself (``tag(text, None)``); another tagger is run
    against two distant probe anchors and whatever depends on the anchor is made unresolved."""
    if published is not None:
        return list(tagger(text, published))
    from resolvers import tag as resolver_tag
    if tagger is resolver_tag:
        return list(tagger(text, None))
    a = list(tagger(text, PROBE_ANCHORS[0]))
    b = {(t.start, t.end): t for t in tagger(text, PROBE_ANCHORS[1])}
    out = []
    for t in a:
        u = b.get((t.start, t.end))
        if u is None or (u.value, u.first_day, u.last_day, u.mod) != (t.value, t.first_day, t.last_day, t.mod):
            t = _replace(t, value=None, first_day=None, last_day=None, status="unresolved", reason=NO_DATE_REASON)
        out.append(t)
    return out


def summarize(text: str, s: int, e: int, cut: Sequence[tuple[int, int]], words: int = 24) -> str:
    """The clause ``text[s:e]`` without the date expressions in ``cut``, tidied and shortened."""
    parts, pos = [], s
    for a, b in sorted(cut):
        if b <= pos or a >= e:
            continue
        piece = text[pos:max(pos, a)]
        # a preposition left dangling before the cut expression goes («في أمس» -> «»): the patterns
        # end the piece, so only its last few characters are searched
        if parts:                                # between two cut dates: no «الموافق», «وحتى» left
            piece = " " if _CONNECTORS.fullmatch(piece) else _CUT_HEAD.sub(" ", piece, count=1)
        m = _CUT_TAIL.search(piece, max(0, len(piece.rstrip()) - 18))
        if m:
            piece = piece[:m.start()] + " "
        if piece and piece[-1] in "وفبل" and (len(piece) == 1 or piece[-2].isspace()):
            piece = piece[:-1]                  # «وأمس» minus «أمس» leaves «و»
        parts.append(piece)
        pos = max(pos, b)
    tail = text[pos:e]
    if parts:
        tail = _CUT_HEAD.sub(" ", tail, count=1)
    parts.append(tail)
    joined = " ".join(parts)
    if not _WORDY.search(joined):                 # nothing but the date: the clause as it is
        joined = text[s:e]
    # only the first ``words`` words are kept: tidy a generous prefix, and the whole clause only when
    # the prefix does not leave ``words + 8`` words (the substitutions are local, so the first words
    # of the tidied prefix are those of the tidied whole)
    head = _HEAD.match(joined)
    if head and head.end() < len(joined):
        short = _tidy(joined[:head.end()]).split()
        if len(short) >= words + 8:
            return " ".join(short[:words]) + " …"
    w = _tidy(joined).split()
    return " ".join(w[:words]) + (" …" if len(w) > words else "")


_HEAD = re.compile(r"\s*(?:\S+\s+){64}")
_WORDY = re.compile(r"[\u0621-\u064aA-Za-z]{2}")


def _tidy(joined: str) -> str:
    out = " ".join(joined.split())             # = re.sub(r"\s+", " ", ...) and a strip
    if "," in out or "،" in out:
        out = _COMMAS.sub(r"\1", out)
    if "(" in out:
        out = _EMPTY_PARENS.sub("", out)
    if "," in out or "،" in out or "." in out or ":" in out:
        out = _SPACE_PUNCT.sub(r"\1", out)
    return out.strip(_TRIM)


def _note(t: Timex) -> str:
    if t.status == "unresolved":
        return f"unresolved: {t.reason or 'no date could be given'}"
    if t.type == "DURATION":
        return "duration: not placed on the timeline"
    if t.type == "SET":
        return "recurring (SET): not placed on the timeline"
    if t.first_day is None or t.last_day is None:
        return f"vague reference ({t.value}): not placed on the timeline"
    return ""


@dataclass
class _Relation:
    cue_start: int       # where the relation's wording starts (the clause of its reference ends there)
    x_start: int
    x_end: int
    row: Optional[int]   # the duration (or offset) expression, None for «عقب X»
    sign: int            # X = ref + sign * D
    amount: Optional[tuple]
    cue: str


def _clause_end(text: str, s: int, e: int) -> int:
    m = _CLAUSE.search(text, s, e)
    return m.start() if m else e


def _relations(text: str, s: int, e: int, tx: list[tuple[int, Timex]], anchor: Optional[dt.date]) -> list[_Relation]:
    out = []
    starts = {t.start for _, t in tx}
    for i, t in tx:
        # «(فقط) على/من» right after the expression: a short window is enough (normalisation is
        # local to each character); the whole rest of the sentence only when the window is all spaces
        raw = text[t.end:min(e, t.end + _AFTER_WINDOW)]
        if not _LINK_START.match(raw):
            continue                            # no «من», «على», «فقط» or «تقريبا» (in any spelling) starts it
        after = normalize(raw)
        if t.end + _AFTER_WINDOW < e and len(after.text.lstrip()) < 16:
            after = normalize(text[t.end:e])
        link = _LINK.match(after.text)
        if not link:
            continue
        before = normalize(text[max(s, t.start - 40):t.start])
        amount, cue, cue_start = None, None, None
        if t.type == "DURATION":
            m = _CUE_BEFORE.search(before.text)
            d = parse_duration(t.value)
            if m and d:
                cue = m["cue"]
                cue_start = max(s, t.start - 40) + before.orig_start(m.start("cue"))
                # X = ref + amount: D before the reference after «بعد/عقب/إثر», D after it after «قبل»
                amount = (d[0] if cue == "قبل" else -d[0], d[1])
        elif placeable(t) and anchor is not None:
            m = _DATE_CUE.match(fold(t.text))
            if m and t.grain in ("day", "week", "month", "year"):
                cue, cue_start = m["cue"], t.start
                # the resolver read «بعد يومين» from the publication date: X = ref - (value - anchor)
                if t.grain in ("day", "week"):
                    amount = (-(t.first_day - anchor).days, "D")
                else:
                    months = (t.first_day.year - anchor.year) * 12 + t.first_day.month - anchor.month
                    amount = (-months / 12, "Y") if t.grain == "year" else (-months, "M")
        if amount is None:
            continue
        x0 = t.end + after.orig_start(link.end())
        x1 = _clause_end(text, x0, e)
        if x1 > x0 and x0 not in starts:
            out.append(_Relation(cue_start, x0, x1, i, 1, amount, cue))
    # «عقب X», «إثر X», «في أعقاب X»: no duration
    if not _BARE_HINT.search(text, s, e):
        return out
    seg = normalize(text[s:e])
    for m in _BARE_CUE.finditer(seg.text):
        cue_start = s + seg.orig_start(m.start("cue"))
        if text[cue_start] == "أ":           # «أثر» (effect), not «إثر» (after)
            continue
        x0 = s + seg.orig_start(m.end())
        if any(x0 <= t.start < x0 + 3 for _, t in tx) or any(r.cue_start <= cue_start < r.x_end for r in out):
            continue
        x1 = _clause_end(text, x0, e)
        if x1 > x0:
            out.append(_Relation(cue_start, x0, x1, None, 1, None, fold(m["cue"])))
    return out


def vague_stretch(mod: Optional[str], first_day, last_day) -> bool:
    """«السنوات المقبلة», «منذ أيام», «قبل أيام»: an approximate interval, which dates no one happening."""
    return mod == "APPROX" and first_day != last_day


def _vague_stretch(t: Timex) -> bool:
    return vague_stretch(t.mod, t.first_day, t.last_day)


def _groups(items: list[tuple[int, Timex]]) -> list[list[tuple[int, Timex]]]:
    """Compatible dates of one sentence form one group (one mention); incompatible ones do not, nor
    does a vague stretch («السنوات المقبلة», «منذ أيام»: an approximate interval) with any other
    date: it holds «أمس» without dating what «أمس» dates."""
    groups: list[list[tuple[int, Timex]]] = []
    for it in items:
        t = it[1]
        if _vague_stretch(t):
            groups.append([it])
            continue
        for g in groups:
            if not _vague_stretch(g[0][1]) and all((u.first_day <= t.first_day and t.last_day <= u.last_day)
                   or (t.first_day <= u.first_day and u.last_day <= t.last_day) for _, u in g):
                g.append(it)
                break
        else:
            groups.append([it])
    return groups


def _finest(g: list[tuple[int, Timex]]) -> tuple[int, Timex]:
    return min(g, key=lambda it: ((it[1].last_day - it[1].first_day).days, grain_rank(it[1].grain), it[1].start))


def extract(doc_id: str, text: str, published: Optional[dt.date], timexes: list[Timex]) -> tuple[list[Row], list[EventMention]]:
    """Rows (one per expression, for mentions.csv: :class:`Row`) and the event mentions of one document."""
    rows = [_timex_row(t, doc_id) for t in timexes]
    mentions: list[EventMention] = []
    has_today = published is not None and any(
        placeable(t) and t.first_day == t.last_day == published for t in timexes)

    def add(rows_idx, s, e, expr_s, expr_e, value, mod, first, last, grain, cut, relation=None):
        s, e = trim(text, s, e)
        if e <= s:
            s, e = expr_s, expr_e
        clause = text[s:e]
        # the clause with its own date expressions blanked out (offsets kept)
        pieces, pos = [], s
        for k in range(bisect_left(starts, s), bisect_left(starts, e)):
            a, b = spans[k]
            if b > pos:
                if a > pos:
                    pieces.append(text[pos:a])
                b = min(b, e)
                pieces.append(" " * (b - max(a, pos)))
                pos = b
        pieces.append(text[pos:e])
        toks_text = "".join(pieces)
        role = role_of(text, cut, s) if cut and relation is None else EVENT
        m = EventMention(doc_id, s, e, clause, expr_s, expr_e, text[expr_s:expr_e], value, mod, first, last,
                         grain, summarize(text, s, e, cut), words(toks_text), list(rows_idx), relation, role)
        mentions.append(m)
        for ri in rows_idx:
            rows[ri]["mention"] = len(mentions) - 1
            rows[ri]["clause_start"], rows[ri]["clause_end"] = s, e
            rows[ri]["role"] = role
            if role != EVENT:
                rows[ri]["note"] = f"{role}: {ROLE_NOTES[role]}; not placed on the timeline"
        return m

    # expressions by start offset: each sentence finds its own by bisection, not by a scan of all
    by_start = sorted(range(len(timexes)), key=lambda i: (timexes[i].start, i))
    starts = [timexes[i].start for i in by_start]
    spans = [(timexes[i].start, timexes[i].end) for i in by_start]
    for s, e in segments(text) if timexes else ():
        lo, hi = bisect_left(starts, s), bisect_left(starts, e)
        if lo == hi:
            continue
        tx = [(i, timexes[i]) for i in sorted(by_start[lo:hi])]
        rels = _relations(text, s, e, tx, published)
        used = {r.row for r in rels if r.row is not None}
        rels = [r for r in rels if not any(placeable(t) and r.x_start <= t.start < r.x_end for _, t in tx)]
        places = [(i, t) for i, t in tx if placeable(t) and i not in used]
        # (a year of a name or a label is a mention of its own, with its role: it dates none of the others)
        named = [it for it in places if is_name(text, it[1].start, it[1].end, s)]
        # (and it does not narrow the others' clause: «في دورتها الثالثة 1436/1437هـ، بدءا من السابع من ذي القعدة»)
        groups = _groups([it for it in places if it not in named] if named else places)
        dated = len(groups)
        groups += [[it] for it in named]
        for k, g in enumerate(groups):
            gs, ge = min(t.start for _, t in g), max(t.end for _, t in g)
            cs, ce = s, e
            if dated > 1 or k >= dated:
                bounds = [m.end() for m in _CLAUSE.finditer(text, s, gs)]
                cs = bounds[-1] if bounds else s
                ce = _clause_end(text, ge, e)
            for r in rels:
                if gs >= r.x_end:
                    cs = max(cs, r.x_end)
                elif ge <= r.cue_start:
                    ce = min(ce, r.cue_start)
            fi, ft = _finest(g)
            add([fi] + [i for i, _ in g if i != fi], cs, ce, ft.start, ft.end, ft.value, ft.mod, ft.first_day,
                ft.last_day, ft.grain or "day", [(t.start, t.end) for _, t in g])
            for i, _ in g:
                if i != fi:
                    rows[i]["note"] = f"same clause as «{ft.text}»"
        for r in rels:
            refs = [it for it in places if not (r.cue_start <= it[1].start < r.x_end)]
            before = [it for it in refs if it[1].start < r.cue_start]
            ref = before[-1] if before else (refs[0] if refs else None)
            if ref is not None:
                ref_first, ref_last, ref_grain = ref[1].first_day, ref[1].last_day, ref[1].grain or "day"
                ref_text = f"{ref[1].value} «{ref[1].text}»"
            elif has_today and r.amount is not None:
                ref_first = ref_last = published
                ref_grain, ref_text = "day", f"{published.isoformat()} (publication day)"
            else:
                if r.row is not None:
                    rows[r.row]["note"] = (rows[r.row]["note"] or "") + " (relation «%s» without a dated reference)" % r.cue
                continue
            if r.amount is None:          # «عقب X»: on or shortly before the reference
                first, last, grain, mod = ref_first, ref_last, ref_grain, "ON_OR_BEFORE"
                value = value_of(first, grain) if grain in ("day", "month", "year") else ref[1].value
                desc = f"«{r.cue}»: on or before {ref_text}"
                expr = (r.cue_start, r.cue_start + len(r.cue))
            else:
                amount, unit = r.amount
                grain = ref_grain if grain_rank(ref_grain) >= grain_rank(UNIT_GRAIN[unit]) else UNIT_GRAIN[unit]
                grain = grain if grain in ("day", "month", "year") else ("day" if grain in ("time", "week") else "year")
                try:
                    moved = shift(ref_first, amount, unit)
                except (OverflowError, ValueError):   # the reference is near an end of the calendar
                    if r.row is not None:
                        rows[r.row]["note"] = ((rows[r.row]["note"] or "")
                                               + " (relation «%s» leads outside the calendar)" % r.cue)
                    continue
                first, last = span_of(moved, grain)
                value, mod = value_of(first, grain), None
                t = timexes[r.row]
                step = t.value if t.type == "DURATION" else f"«{t.text}»"
                desc = f"«{r.cue} … على/من»: {value} = {ref_text} {'−' if amount < 0 else '+'} {step}"
                expr = (t.start, t.end)
            row_idx = [r.row] if r.row is not None else []
            if r.row is None:
                rows.append(Row(text=text[expr[0]:expr[1]], start=expr[0], end=expr[1], type="RELATION",
                                value=value, mod=mod, first_day=first.isoformat(), last_day=last.isoformat(),
                                grain=grain, calendar="gregorian", rule=f"relation:{r.cue}", flags="",
                                status="resolved", reason=None, tense=None, doc_id=doc_id, kind="relation",
                                note="", relation=None, mention=None, clause_start=None, clause_end=None,
                                role=None))
                row_idx = [len(rows) - 1]
            add(row_idx, r.x_start, r.x_end, expr[0], expr[1], value, mod, first, last, grain, [], relation=desc)
            rows[row_idx[0]]["relation"] = desc
            rows[row_idx[0]]["note"] = f"relation: dates «{summarize(text, r.x_start, r.x_end, [], 8)}»"
    return rows, mentions

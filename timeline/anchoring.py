"""The anchor a document's relative expressions are resolved against, and the evidence for it.

Normally the anchor is the publication date.  Two things can go wrong with it:

* **No publication date.**  The machine's clock is never used.  The anchor is inferred from the text
  itself, but only from unambiguous evidence, in this order:

  1. ``relative_day_with_date``: a relative day in apposition with an explicit full date, «اليوم
     الأربعاء 15 أكتوبر 2025», «أمس الثلاثاء (14 أكتوبر 2025)», «اليوم 25 شوال 1436 هـ»: the anchor
     is that date minus the relative day; a weekday, if given, must agree with the date;
  2. ``dateline_hijri_gregorian``: a Hijri date followed by «الموافق» and the same day in the
     Gregorian calendar, at the head of the text (a news-agency dateline: «الخرطوم 25 شوال 1436 هـ
     الموافق 10 أغسطس 2015 م»): the anchor is that day;
  3. ``weekday_with_dated_event``: relative days with their weekday («أمس الثلاثاء») that all put the
     article on the same weekday, and explicit day dates that all lie within three days of one such
     weekday: the anchor is that day.

  Evidence of one kind that disagrees with itself is not used.  Every expression resolved through an
  inferred anchor carries the flag ``inferred_anchor``; the document's row of ``report.json`` gives
  the anchor, its basis and the evidence.  Without evidence, relative expressions stay unresolved.

* **A contradicted publication date.**  A relative day with its weekday («أمس الأربعاء») implies the
  anchor: the day whose yesterday is a Wednesday.  When every such phrase of a document implies the
  same other day (print editions are dated the day after they are written; crawls come a day late),
  the document is reported with the evidence and the corrected anchor; with
  ``trust_text_weekdays=True`` (``--trust-text-weekdays``) it is re-tagged against the corrected
  anchor, and the expressions whose date changed carry the flag ``corrected_anchor``.

``weekday_check`` classifies a dated document like the corpus field of that name: ``consistent`` (all
phrases agree with the anchor), ``inconsistent`` (none does), ``mixed``, or None (no such phrase).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Optional, Sequence

from .dates import clamped
from .documents import Document, Problem

INFERRED = "inferred_anchor"
CORRECTED = "corrected_anchor"
MAX_SHIFT = 3                  # a weekday names one of the 7 days around the relative day
DATELINE_CHARS = 200           # a dateline pair must start this close to the head of the text
NEAR_CHARS = 60                # a dated event restating a relative day's weekday: this close after it
MAX_CORRECTION = 2             # a contradicted anchor is corrected by at most this many days
NO_DATE = "no publication date"
ANCHOR_COLUMNS = ["anchor", "anchor_basis", "anchor_evidence", "weekday_check", "text_anchor"]

_GAP = re.compile(r"^[\s\u200e\u200f\u061c،,:؛\-–—(\[«\"'/]*(?:(?:و\s*)?الموافق\s*(?:ل\s*ـ*\s*)?)?"
                  r"[\s\u200e\u200f\u061c،,:\-–—(\[«\"']*$")
_DATELINE_HEAD = re.compile(r"^[\s\u200e\u200f]*(?:[^\W\d_]+[\s\u200e\u200f،,-]*){0,4}$")
_SENTENCE_END = re.compile(r"[.؟!?؛;\n]")
_MUWAFIQ = re.compile(r"^[\s\u200e\u200f\u061c،,:\-–—(\[«\"'م]*(?:و\s*)?الموافق\s*(?:ل\s*ـ*\s*)?[\s(\[«\"'-]*$")


@lru_cache(maxsize=1)
def _vocab():
    from resolvers.lexicon import get_lexicon
    lex = get_lexicon()
    rel = {form: e.offset for form, e in lex["RELDAY"].entries.items()}
    wd = {form: e.weekday for form, e in lex["WEEKDAY"].entries.items()}
    wd.update({form: e.weekday for form, e in lex["WDBARE"].entries.items()})
    return rel, wd


def _fold(text: str) -> str:
    from resolvers.normalize import fold
    return " ".join(fold(text).split())


def relative_day(t) -> Optional[tuple[int, Optional[int]]]:
    """``(offset, weekday)`` of a relative-day expression («أمس الأربعاء» -> (-1, 2), «اليوم» ->
    (0, None)), from its own words; None for anything else."""
    if t.type not in ("DATE", "TIME"):
        return None
    return _relative_words(t.text)


@lru_cache(maxsize=1 << 16)
def _relative_words(text: str) -> Optional[tuple[int, Optional[int]]]:
    """:func:`relative_day` of an expression's text (memoised: «اليوم» and «أمس» come back)."""
    rel, wds = _vocab()
    words = _fold(text).split()
    weekday = None
    if len(words) >= 2 and words[-1] in wds:
        weekday = wds[words[-1]]
        words = words[:-1]
    for n in (3, 2, 1):                       # the relative day closes what is left («صباح يوم أمس»)
        if len(words) >= n and " ".join(words[-n:]) in rel:
            return rel[" ".join(words[-n:])], weekday
    return None


def implied_anchor(offset: int, weekday: int, anchor: dt.date) -> dt.date:
    """The day nearest ``anchor`` whose day ``offset`` falls on ``weekday``."""
    d = clamped(anchor, offset)
    delta = (weekday - d.weekday()) % 7
    if delta > MAX_SHIFT:
        delta -= 7
    return clamped(anchor, delta)


def _quote(text: str, t) -> str:
    return f"«{' '.join(t.text.split())}» at character {t.start}"


def _replace(t, **kw):
    return t._replace(**kw) if hasattr(t, "_replace") else __import__("dataclasses").replace(t, **kw)


def _add_flag(t, flag: str):
    return t if flag in (t.flags or ()) else _replace(t, flags=tuple(t.flags or ()) + (flag,))


def _is_day(t) -> bool:
    return (t.type == "DATE" and t.status != "unresolved" and t.first_day is not None
            and t.first_day == t.last_day and (t.grain in (None, "day")))


@dataclass
class Evidence:
    kind: str
    anchor: dt.date
    text: str                      # the phrases, quoted, with their offsets

    def __str__(self) -> str:
        return f"{self.kind}: {self.text}"


@dataclass
class WeekdayCheck:
    """What the relative days with a weekday say about a given anchor."""
    status: Optional[str]                         # consistent | inconsistent | mixed | None
    phrases: list = field(default_factory=list)   # (timex, implied anchor)
    corrected: Optional[dt.date] = None           # when every phrase implies this same other day

    def evidence(self) -> str:
        return "; ".join(f"{_quote('', t)} implies {a.isoformat()}" for t, a in self.phrases)


def check_weekdays(timexes: Sequence, anchor: dt.date) -> WeekdayCheck:
    phrases = []
    for t in timexes:
        rd = relative_day(t)
        if rd is None or rd[1] is None:
            continue
        phrases.append((t, implied_anchor(rd[0], rd[1], anchor)))
    if not phrases:
        return WeekdayCheck(None)
    agree = sum(a == anchor for _, a in phrases)
    if agree == len(phrases):
        return WeekdayCheck("consistent", phrases)
    if agree:
        return WeekdayCheck("mixed", phrases)
    others = {a for _, a in phrases}
    corrected = others.pop() if len(others) == 1 else None
    if corrected is not None and abs((corrected - anchor).days) > MAX_CORRECTION:
        corrected = None                      # three days off: as likely four the other way
    return WeekdayCheck("inconsistent", phrases, corrected)


def infer_anchor(text: str, timexes: Sequence) -> tuple[Optional[Evidence], list[Evidence]]:
    """The anchor of an undated text from its own evidence (see the module docstring), given its
    expressions tagged without an anchor.  Returns (evidence used or None, every candidate found)."""
    tx = sorted(timexes, key=lambda t: (t.start, t.end))
    found: list[Evidence] = []
    # 1. a relative day in apposition with an explicit day: «اليوم الأربعاء 15 أكتوبر 2025»
    tier1 = []
    for i, t in enumerate(tx):
        rd = relative_day(t)
        if rd is None or i + 1 >= len(tx):
            continue
        x = tx[i + 1]
        if not _is_day(x) or not _GAP.match(text[t.end:x.start]):
            continue
        if rd[1] is not None and x.first_day.weekday() != rd[1]:
            continue                          # «اليوم الأربعاء 16 أكتوبر 2025»: they disagree
        e = Evidence("relative_day_with_date", clamped(x.first_day, -rd[0]),
                     f"«{' '.join(text[t.start:x.end].split())}» at character {t.start}")
        tier1.append(e)
    # 2. a Hijri-Gregorian «الموافق» pair at the head of the text
    tier2 = []
    for i, h in enumerate(tx[:-1]):
        if h.start > DATELINE_CHARS:
            break
        g = tx[i + 1]
        if not _DATELINE_HEAD.match(text[:h.start]):
            continue
        if (h.calendar == "hijri" and g.calendar != "hijri" and _is_day(h) and _is_day(g)
                and h.first_day == g.first_day and _MUWAFIQ.match(text[h.end:g.start])):
            tier2.append(Evidence("dateline_hijri_gregorian", g.first_day,
                                  f"«{' '.join(text[h.start:g.end].split())}» at character {h.start}"))
    # 3. a relative day with its weekday and, right after it in the same sentence, an explicit date on
    #    that weekday: «افتتح أمس الثلاثاء معرض الكتاب في 14 أكتوبر 2025» (the sentence restates the day)
    tier3 = []
    for i, t in enumerate(tx):
        rd = relative_day(t)
        if rd is None or rd[1] is None:
            continue
        for x in tx[i + 1:]:
            if x.start - t.end > NEAR_CHARS or _SENTENCE_END.search(text, t.end, x.start):
                break
            if _is_day(x) and relative_day(x) is None and x.first_day.weekday() == rd[1]:
                tier3.append(Evidence("weekday_with_dated_event", clamped(x.first_day, -rd[0]),
                                      f"{_quote(text, t)} with {_quote(text, x)}"))
                break
    found = tier1 + tier2 + tier3
    for tier in (tier1, tier2, tier3):
        if tier:
            if len({e.anchor for e in tier}) == 1:
                return tier[0], found
            return None, found              # evidence of one kind that disagrees with itself
    return None, found


@dataclass
class Anchored:
    """What a document was resolved against and why."""
    timexes: list
    anchor: Optional[dt.date]
    basis: str                              # published | inferred | corrected | none
    evidence: Optional[str] = None
    weekday_check: Optional[str] = None
    text_anchor: Optional[dt.date] = None   # the anchor the text's weekdays imply, when contradicted
    problems: list = field(default_factory=list)
    note: Optional[Problem] = None          # undated: what became of its anchor (see merge_note)

    def columns(self) -> dict:
        return {"anchor": self.anchor.isoformat() if self.anchor else None, "anchor_basis": self.basis,
                "anchor_evidence": self.evidence, "weekday_check": self.weekday_check,
                "text_anchor": self.text_anchor.isoformat() if self.text_anchor else None}


def _depends(before: Sequence, after: Sequence) -> set:
    """Spans whose reading differs between two taggings (or that only one of them has)."""
    old = {(t.start, t.end): (t.value, t.first_day, t.last_day, t.mod, t.status) for t in before}
    return {(t.start, t.end) for t in after
            if old.get((t.start, t.end)) != (t.value, t.first_day, t.last_day, t.mod, t.status)}


def anchor_document(doc: Document, tagger: Callable, trust_text_weekdays: bool = False,
                    tag_undated: Optional[Callable] = None) -> Anchored:
    """Tag ``doc`` against the right anchor (see the module docstring).  ``tagger(text, anchor)``;
    ``tag_undated(text)`` tags without an anchor (default: ``timeline.mentions.tag_document``)."""
    where = doc.origin or "<api>"
    if doc.published is not None:
        timexes = list(tagger(doc.text, doc.published))
        chk = check_weekdays(timexes, doc.published)
        out = Anchored(timexes, doc.published, "published", weekday_check=chk.status)
        if chk.status != "inconsistent":
            return out
        out.evidence = chk.evidence()
        pub = doc.published.isoformat()
        if chk.corrected is None:
            out.problems.append(Problem(where, f"the text's weekdays contradict the publication date {pub} and "
                                               f"imply no single nearby anchor ({out.evidence}); resolved "
                                               f"against {pub} as given", doc_id=doc.id, severity="warning",
                                        code="anchor_contradicted"))
            return out
        new = chk.corrected.isoformat()
        out.text_anchor = chk.corrected
        lead = (f"the text's weekdays point to {new}, not the publication date {pub} "
                f"({len(chk.phrases)} phrase(s): {out.evidence})")
        if not trust_text_weekdays:
            out.problems.append(Problem(where, f"{lead}; resolved against {pub} as given (--trust-text-weekdays "
                                               f"resolves against {new})", doc_id=doc.id, severity="warning",
                                        code="anchor_contradicted"))
            return out
        moved = list(tagger(doc.text, chk.corrected))
        changed = _depends(timexes, moved)
        out.timexes = [_add_flag(t, CORRECTED) if (t.start, t.end) in changed and t.status != "unresolved" else t
                       for t in moved]
        out.anchor, out.basis = chk.corrected, "corrected"
        out.problems.append(Problem(where, f"{lead}; resolved against the corrected anchor {new} "
                                           f"(--trust-text-weekdays): {len(changed)} expression(s) resolved anew",
                                    doc_id=doc.id, severity="warning", code="anchor_contradicted"))
        return out
    if tag_undated is None:
        from .mentions import tag_document

        def tag_undated(text):
            return tag_document(text, None, tagger)
    bare = list(tag_undated(doc.text))
    dependent = [t for t in bare if t.status == "unresolved"]
    if not dependent:
        return Anchored(bare, None, "none")
    ev, found = infer_anchor(doc.text, bare)
    if ev is None:
        why = "no unambiguous date in the text to infer the anchor from"
        if found:
            why = "the text's dates disagree (" + "; ".join(f"{e.anchor.isoformat()} from {e.text}" for e in found) + ")"
        out = Anchored(bare, None, "none", evidence="; ".join(str(e) for e in found) or None)
        out.note = Problem(where, f"{NO_DATE}; {why}: {len(dependent)} relative expression(s) left unresolved", doc_id=doc.id, severity="warning", code="anchor_unresolved")
        return out
    tagged = list(tagger(doc.text, ev.anchor))
    changed = _depends(bare, tagged)
    timexes = [_add_flag(t, INFERRED) if (t.start, t.end) in changed and t.status != "unresolved" else t
               for t in tagged]
    chk = check_weekdays(timexes, ev.anchor)
    out = Anchored(timexes, ev.anchor, "inferred", str(ev), chk.status)
    n = sum(INFERRED in (t.flags or ()) for t in timexes)
    out.note = Problem(where, f"{NO_DATE}; anchor {ev.anchor.isoformat()} inferred from the text ({ev}): "
                              f"{n} expression(s) resolved against it, flagged {INFERRED}",
                       doc_id=doc.id, severity="warning", code="anchor_inferred")
    return out


def merge_note(problem: Problem, notes: dict) -> Problem:
    """The reader's «no publication date» warning of a document, completed with what became of its
    anchor (``notes``: doc id -> :attr:`Anchored.note`, popped), so that one message says both."""
    if problem.code in ("no_date", "bad_date") and problem.doc_id in notes:
        note = notes.pop(problem.doc_id)
        detail = note.reason[len(NO_DATE) + 2:]
        return dataclasses.replace(problem, reason=f"{problem.reason}; {detail}", code=note.code)
    return problem

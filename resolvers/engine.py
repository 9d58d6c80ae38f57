"""Matching: normalise once, spot candidates with an Aho-Corasick automaton, try the rules anchored at
each candidate, compose neighbours («الموافق» pairs, ranges), then resolve and map offsets back.

Cost is linear in the text: the normalisation and the automaton are single passes, and each candidate
costs one anchored match whose length is bounded by the longest expression (no pattern scans).
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Optional

import ahocorasick

from . import rules as _rules  # noqa: F401  (registers the rules)
from .grammar import RULES, BUILTINS, compile_rule, slot_values, first_tokens
from .lexicon import get_lexicon, _trie_regex
from .normalize import normalize, fold, word_text
from .resolve import resolve, needs_tense, Resolved
from .types import Partial, Timex, FLAG_HIJRI_MISMATCH

# Words that start some forms («في وقت سابق», «ما يقارب», «كل عام») but are far too common to be
# candidates themselves: such forms are spotted by their second word, one word back.
STOPWORDS = frozenset(fold(w) for w in ("في", "من", "إلى", "على", "عن", "مع", "ما", "كل", "و"))
CLITICS = frozenset(fold(w) for w in ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك", "لل"))
_BOUNDARY = ".!?؟؛\n"
_SENTENCE_WINDOW = 600        # how far the tense of a clause is looked for, either side
_SPACE = " \t"
_MOWAFIQ = re.compile(fold(r"^[ \t،,(\-]*(?:و)?(?:الموافق|الموافقة|ويوافق|يوافق|الموافق ل)[ \t]*(?:ل)?[ \t]*$"))
_RIGHT_WORD = re.compile(r"[ \t]+(\w+)")
_LEFT_WORD = re.compile(r"(\w+)[ \t]+$")            # used with search(norm, s - 40, s)
_RELATION_AFTER = re.compile(fold(r"[ \t]+(?:من|على)[ \t]+(?!الان(?!\w))"))

NO_ANCHOR = "no publication date (anchor) to resolve a relative expression against"


@dataclass
class _Found:
    start: int
    end: int
    rule: object
    partial: Partial
    key: str                                   # the normalised text the rule matched


_MISSING = object()


class _Entry:
    """A set of rules tried together at a candidate position, as one compiled alternation."""
    __slots__ = ("ids", "rules", "_master")

    def __init__(self, ids: frozenset, rules: list):
        self.ids, self.rules, self._master = ids, rules, None

    @property
    def master(self) -> re.Pattern:
        if self._master is None:
            self._master = re.compile("|".join(r.regex for r in self.rules))
        return self._master


def _position(hit):
    return hit[0]

_CACHE_LIMIT = 200_000


class Engine:
    def __init__(self):
        for i, r in enumerate(RULES):
            compile_rule(r, i)
        self.rules = list(RULES)
        self.rule_of_group = {f"R{r.index}": r for r in self.rules}
        self.rule_names = [r.name for r in self.rules]
        self.lex = get_lexicon()
        self.automaton = self._automaton()
        self._tense_rx = self._tense_regex()
        self._productions: dict = {}
        self._blocked_forms = frozenset(f for f, _ in self.lex.blockers if f != "*")
        self._wild_left = tuple(sorted(self.lex.blockers.get(("*", "left"), set())))
        self._wild_rx = re.compile("|".join(map(re.escape, sorted(self.lex.blockers.get(("*", "left"), set())
                                                                 | self.lex.blockers.get(("*", "right"), set())))) or "(?!)")
        self._resolutions: dict = {}
        self._needs_tense: dict = {}

    # --- candidate spotting ---------------------------------------------------------------------
    def _automaton(self):
        """Keys are the words that can begin a rule (its first tokens, from the template's syntax
        tree); each key carries the rules it can begin, so only those are tried there."""
        keys: dict[str, dict] = {}          # key -> {back: set(rule index)}
        self.wildcard_rules = set()

        def add(form, idx):
            words = form.split()
            if words[0] in STOPWORDS:
                if len(words) > 1:
                    keys.setdefault(words[1], {}).setdefault(1, set()).add(idx)
            else:
                keys.setdefault(words[0], {}).setdefault(0, set()).add(idx)

        for r in self.rules:
            for kind, name in sorted(first_tokens(r), key=lambda t: (t[0], t[1] or "")):
                if kind == "any":
                    self.wildcard_rules.add(r.index)
                elif kind == "lit":
                    add(name, r.index)
                elif name in BUILTINS:
                    for d in "0123456789":
                        add(d, r.index)
                else:
                    for form in self.lex[name].entries:
                        add(form, r.index)
        # Keys are matched on a copy of the text where every non-word character is a space, each key
        # framed by spaces (and optionally preceded by clitics), so a hit is always a whole word.
        # «لعام» is a key, and so is the clitic «ل» + «عام»: one framed word standing for two
        # candidate positions, both kept (and nothing depends on the order sets iterate in).
        framed_keys: dict[str, dict] = {}           # framed word -> {d: {back: rule ids}}
        for k in sorted(keys):
            digit = k.isdigit()
            for c in ("",) + tuple(sorted(CLITICS)):
                framed = " " + c + k + ("" if digit else " ")
                by_d = framed_keys.setdefault(framed, {}).setdefault(len(framed) - 1 - len(c), {})
                for b, rule_ids in keys[k].items():
                    by_d.setdefault(b, set()).update(rule_ids)
        self._entries: dict[frozenset, _Entry] = {}
        a = ahocorasick.Automaton()
        for framed in sorted(framed_keys):
            spots = []
            for d in sorted(framed_keys[framed], reverse=True):
                ids = framed_keys[framed][d]
                spots.append((d,) + tuple(self._entry(frozenset(ids[b] | self.wildcard_rules)) if b in ids
                                          else None for b in (0, 1)))
            a.add_word(framed, spots[0] + (tuple(spots[1:]) or None,))
        a.make_automaton()
        self.keys = keys
        return a

    def compile_all(self) -> int:
        """Compile every rule set now rather than on first use (about a second); returns how many."""
        for e in list(self._entries.values()):
            e.master
        return len(self._entries)

    def _entry(self, ids: frozenset) -> "_Entry":
        """The rules to try where a key stands; shared by equal rule sets, compiled on first use."""
        e = self._entries.get(ids)
        if e is None:
            e = self._entries[ids] = _Entry(ids, [r for r in self.rules if r.index in ids])
        return e

    @staticmethod
    def _previous_word_starts(norm: str, h: int):
        j = h - 1
        if j < 0 or norm[j] not in _SPACE:
            return ()
        while j >= 0 and norm[j] in _SPACE:
            j -= 1
        e = j + 1
        while j >= 0 and norm[j].isalpha():
            j -= 1
        ws = j + 1
        if ws == e or (j >= 0 and norm[j].isalnum()):
            return ()
        # the word before must be the stop word the form starts with («في وقت سابق»), maybe with a
        # clitic («وفي وقت سابق»)
        word = norm[ws:e]
        if word in STOPWORDS:
            return (ws,)
        if word[0] in "وف" and word[1:] in STOPWORDS:
            return (ws + 1,)
        return ()

    def candidates(self, norm: str, nz=None) -> list:
        """(position, rules to try) for every word that can begin a rule, in text order."""
        framed = " " + (nz.words() if nz is not None else word_text(norm)) + " "
        hits = []
        add = hits.append
        for end, (d, e0, e1, more) in self.automaton.iter(framed):
            if e0 is not None:
                add((end - d, e0))
            if e1 is not None:
                for p in self._previous_word_starts(norm, end - d):
                    add((p, e1))
            if more is not None:                         # the same word read with a clitic
                for d, e0, e1 in more:
                    if e0 is not None:
                        add((end - d, e0))
                    if e1 is not None:
                        for p in self._previous_word_starts(norm, end - d):
                            add((p, e1))
        hits.sort(key=_position)                         # stable: equal positions keep key order
        return hits

    # --- matching -------------------------------------------------------------------------------
    def _apply(self, r, m) -> Optional[Partial]:
        return r.prod(slot_values(r, m))

    def _blocked(self, norm: str, s: int, e: int, wild: bool) -> bool:
        """A blocker's context word stands next to the expression («روسيا اليوم», «قوى 14 آذار»).
        ``wild``: whether a context word of the blockers that apply to any expression is in the text."""
        bl = self.lex.blockers
        if wild:
            j = s
            while j > 0 and norm[j - 1] in _SPACE:
                j -= 1
            if j < s and norm.endswith(self._wild_left, 0, j) and \
                    self._blocked_by(norm, s, e, bl.get(("*", "left")), None):
                return True
            if bl.get(("*", "right")) and self._blocked_by(norm, s, e, None, bl.get(("*", "right"))):
                return True
        expr = norm[s:e]
        if expr not in self._blocked_forms:
            expr = " ".join(expr.split())
            if expr not in self._blocked_forms:
                return False
        return self._blocked_by(norm, s, e, bl.get((expr, "left")), bl.get((expr, "right")))

    @staticmethod
    def _blocked_by(norm, s, e, left, right) -> bool:
        if right:
            m = _RIGHT_WORD.match(norm, e, e + 40)
            if m and m.group(1) in right:
                return True
        if left:
            m = _LEFT_WORD.search(norm, max(0, s - 40), s)
            if m:
                w = m.group(1)
                if w in left or (w[0] in "وف" and w[1:] in left):
                    return True
        return False

    def match(self, norm: str, nz=None) -> list[_Found]:
        found: list[_Found] = []
        last_end = -1
        wild = self._wild_rx.search(norm) is not None
        blocked_forms = self._blocked_forms
        productions = self._productions
        rule_of_group = self.rule_of_group
        hits = self.candidates(norm, nz)
        i, n = 0, len(hits)
        while i < n:
            p, entry = hits[i]
            i += 1
            if p < last_end:
                continue
            while i < n and hits[i][0] == p:            # several keys begin here: try all their rules
                if hits[i][1] is not entry:
                    entry = self._entry(entry.ids | hits[i][1].ids)
                i += 1
            m = entry.master.match(norm, p)
            if m is None:
                continue
            e = m.end()
            if (wild or norm[p:e] in blocked_forms or " " in norm[p:e]) and self._blocked(norm, p, e, wild):
                last_end = e                             # «قوى 14 آذار»: a name, not a date
                continue
            r = rule_of_group[m.lastgroup]
            key = m.group()
            partial = productions.get((r.index, key), _MISSING)
            if partial is _MISSING:
                partial = self._produce(r, m)
            if partial is None or (r.left_required and not self._left_ok(r, norm, p)):
                alt = self._fallback(norm, p, [x for x in entry.rules if x.index > r.index], wild)
                if alt is None:
                    continue
                r, m, partial = alt
                e, key = m.end(), m.group()
            s = p
            if r.left_rx is not None:
                lm = r.left_rx.search(norm, max(0, s - 16), s)
                if lm:
                    s = lm.start()
            found.append(_Found(s, e, r, partial, key))
            last_end = e
        return found

    def _produce(self, r, m) -> Optional[Partial]:
        """The rule's production, memoised on (rule, matched text): it depends on nothing else."""
        key = (r.index, m.group())
        partial = self._productions.get(key, _MISSING)
        if partial is _MISSING:
            if len(self._productions) > _CACHE_LIMIT:
                self._productions.clear()
            partial = self._productions[key] = self._apply(r, m)
        return partial

    @staticmethod
    def _left_ok(r, norm: str, p: int) -> bool:
        return not r.left_required or r.left_rx.search(norm, max(0, p - 16), p) is not None

    def _fallback(self, norm: str, p: int, rules, wild: bool):
        for r in rules:
            m = r.compiled.match(norm, p)
            if m is None:
                continue
            partial = self._produce(r, m)
            if partial is not None and not self._blocked(norm, p, m.end(), wild) and self._left_ok(r, norm, p):
                return r, m, partial
        return None

    # --- tense ----------------------------------------------------------------------------------
    def _tense_regex(self):
        alt = _trie_regex([w.split() for w in self.lex.tense_words])
        pre = "|".join(map(re.escape, self.lex.future_prefixes)) or "(?!)"
        return re.compile(f"(?<!\\w)(?:[وف])?(?:(?P<w>{alt})(?!\\w)|(?P<p>(?:{pre})[يتن]\\w{{2,}}))")

    def tense_at(self, norm: str, s: int, e: int) -> Optional[str]:
        """The tense of the clause around [s, e): the nearest cue in the same sentence, or None."""
        rf, fd = norm.rfind, norm.find
        lo = max(0, s - _SENTENCE_WINDOW)               # bounded: a line of 10 MB stays linear
        a = max(lo - 1, rf(".", lo, s), rf("\n", lo, s), rf("؟", lo, s), rf("؛", lo, s), rf("!", lo, s),
                rf("?", lo, s)) + 1
        b = min(len(norm), e + _SENTENCE_WINDOW)
        for c in _BOUNDARY:
            x = fd(c, e, b)
            if x >= 0:
                b = x
        best, best_d = None, None
        for m in self._tense_rx.finditer(norm, a, b):
            if m.start() < e and m.end() > s:
                continue
            if m.group("w"):
                t = self.lex.tense_words[" ".join(m.group("w").split())]
            else:
                word = m.group("p")
                if word in self.lex.future_exceptions:
                    continue
                t = "future"
            d = s - m.end() if m.end() <= s else 2 * (m.start() - e)   # cues before weigh more
            if best_d is None or d < best_d:
                best, best_d = t, d
        return best

    # --- the whole pass -------------------------------------------------------------------------
    def tag(self, text: str, anchor: Optional[_dt.date]) -> list[Timex]:
        nz = normalize(text)
        norm = nz.text
        found = self.match(norm, nz)
        resolved: list[Resolved] = []
        cache = self._resolutions
        needs = self._needs_tense
        for f in found:
            p = f.partial
            key = (f.rule.index, f.key)
            need = needs.get(key)
            if need is None:
                if len(needs) > _CACHE_LIMIT:
                    needs.clear()
                need = needs[key] = needs_tense(p)
            tense = self.tense_at(norm, f.start, f.end) if need else None
            related = p.offset is not None and _RELATION_AFTER.match(norm, f.end) is not None
            # resolution is a pure function of these, so it is memoised on them
            key = (f.rule.index, f.key, related, anchor, tense)
            res = cache.get(key)
            if res is None:
                if len(cache) > _CACHE_LIMIT:
                    cache.clear()
                res = cache[key] = self._resolve(p, related, anchor, tense)
            resolved.append(res)
        self._link_mowafiq(norm, found, resolved)
        out: list[Timex] = []
        span = nz.span
        name = self.rule_names
        for f, res in zip(found, resolved):
            s, e = span(f.start, f.end)
            out.append(Timex(text[s:e], s, e, res.type, res.value, res.mod, res.first_day, res.last_day,
                             res.grain, res.calendar, name[f.rule.index], res.flags, res.status,
                             res.reason, res.tense))
        return out

    @staticmethod
    def _resolve(p: Partial, related: bool, anchor, tense) -> Resolved:
        if related:
            # «قبل ثلاثة أيام من الانتخابات»: counted from another event, not from the anchor
            amount, grain = p.offset
            return resolve(Partial("duration", amount=abs(amount), unit=grain, mod=p.mod,
                                   flags=("relative_to_event",)), anchor or _dt.date.min)
        if anchor is None:
            if _anchor_free(p):
                return resolve(p, _dt.date(2000, 1, 1), tense)
            return Resolved("DATE", None, reason=NO_ANCHOR, calendar=p.calendar)
        return resolve(p, anchor, tense)

    @staticmethod
    def _link_mowafiq(norm, found, resolved):
        """«25 شوال 1436 هـ الموافق 10 أغسطس 2015 م»: both sides name one day.  A side written
        without its year takes the year that brings it nearest to its partner («28 شوال الموافق
        13 أغسطس الجاري»); sides that still disagree are both flagged."""
        for i in range(len(found) - 1):
            a, b = resolved[i], resolved[i + 1]
            if not (a.grain == b.grain == "day" and a.value and b.value and {a.calendar, b.calendar} == {"hijri", "gregorian"}):
                continue
            if not _MOWAFIQ.match(norm[found[i].end:found[i + 1].start]):
                continue
            ka, kb = _year_said(found[i].partial), _year_said(found[i + 1].partial)
            if a.value != b.value and ka != kb:
                j, partner = (i, b) if not ka else (i + 1, a)
                p = found[j].partial
                options = [resolve(p, partner.first_day, t) for t in ("past", "future")]
                options = [o for o in options if o.value is not None]
                if options:
                    best = min(options, key=lambda o: abs((o.first_day - partner.first_day).days))
                    resolved[j] = best._replace(flags=tuple(f for f in best.flags if f not in
                                                            ("tense_decided", "default_past")) + ("year_from_pair",),
                                                tense=None)
                a, b = resolved[i], resolved[i + 1]
            if a.last_day < b.first_day or b.last_day < a.first_day:
                resolved[i] = _with_flag(a, FLAG_HIJRI_MISMATCH)
                resolved[i + 1] = _with_flag(b, FLAG_HIJRI_MISMATCH)


def _year_said(p: Partial) -> bool:
    """Whether the text fixes the year of p (a year, «الجاري», «من العام الماضي»...)."""
    return p.explicit_year or p.direction is not None or p.year_shift is not None


def _with_flag(r: Resolved, flag: str) -> Resolved:
    return r._replace(flags=r.flags + (flag,))


def _anchor_free(p: Partial) -> bool:
    """Whether p resolves without an anchor (explicit years, durations, vague references, sets)."""
    if p.kind in ("duration", "vague", "set"):
        return True
    if p.kind == "range":
        return p.year is not None and p.end.year is not None
    return p.kind == "date" and p.year is not None and p.offset is None and p.rel_day is None

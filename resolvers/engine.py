"""Matching: normalise once, spot candidates with an Aho-Corasick automaton, try the rules anchored at
each candidate, compose neighbours («الموافق» pairs, ranges), then resolve and map offsets back.

Cost is linear in the text: the normalisation and the automaton are single passes, and each candidate
costs one anchored match whose length is bounded by the longest expression (no pattern scans).
"""
from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_left
from operator import itemgetter
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import ahocorasick_rs

from . import rules as _rules  # noqa: F401  (registers the rules)
from .grammar import RULES, BUILTINS, ANY, compile_rule, pattern_of, slot_values, first_tokens, first_sequences, _literal_fold
from . import arith, hijri, recache
from .lexicon import get_lexicon, _trie_regex
from .normalize import normalize, fold, word_bytes, _CODEC
from .resolve import resolve, needs_tense, Resolved, ARITHMETIC, YEAR_NOT_SAID, NARRATIVE_NOT_FOUND, LISTED_NOT_FOUND
from .types import (Partial, Timex, GRAINS, FLAG_HIJRI_MISMATCH, FLAG_NAMED_EVENT, FLAG_YEAR_SAID_BEFORE, FLAG_NARRATIVE, FLAG_LISTED, FLAG_YEARS_LISTED, FLAG_WEEKDAY_SAID,
                    FLAG_TENSE_DECIDED, FLAG_DEFAULT_PAST, FLAG_NEAR_ANCHOR, FLAG_YEAR_FROM_PAIR, FLAG_DAILY)

# Words that start some forms («في وقت سابق», «ما يقارب», «كل عام») but are far too common to be
# candidates themselves: such forms are spotted by their second word, one word back.
STOPWORDS = frozenset(fold(w) for w in ("في", "من", "إلى", "على", "عن", "مع", "ما", "كل", "و"))
CLITICS = frozenset(fold(w) for w in ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك", "لل"))
_GLUED_TO_NUMBER = tuple(fold(w) for w in ("ال", "في", "وفي", "يوم", "منذ", "حتى", "وحتى", "الموافق", "بتاريخ"))
_BOUNDARY = ".!?؟؛\n"
_MIN = fold("من") + " "
_DIGITS = re.compile(r"[0-9]+")
_PAREN_OPEN = re.compile(r"[ \t]*\([ \t]*")
_PAREN_CLOSE = re.compile(r"[ \t]*\)")
_NOT_A_VERB = frozenset((fold("منذ"),))   # a cue of the own clause is a verb or a frame, not a preposition
# a frame of what is to come only before the expression and before an imperfect («على أن يعود الفريق
# لتمارينه يوم الاثنين»), not when it reports («أكد على أن حركة البيع ضعيفة») or follows («اضطر إلى
# الاستقالة بعد أربعة أيام، على أن تقام الانتخابات …»)
_FRAME_BEFORE = frozenset((fold("على أن"),))
_NOUN_CUES = frozenset(fold(w) for w in ("تسليم", "لتسليم"))   # future cues that are nouns: no frame of a clause
_IMPERFECT_NEXT = re.compile(r"\s+[يتن]\w{2,}")
_OWN_CLAUSE = 40                # a cue this near before an expression, no clause mark between, is its clause's
_SENTENCE_WINDOW = 600        # how far the tense of a clause is looked for, either side
_SPACE = " \t"
_QUOTES = "\"«»“”„"
_QUOTE_RX = re.compile("[" + re.escape(_QUOTES) + "]")
_QUOTED_NAMES = ("اليوم", "الغد")    # alone in quotation marks: a newspaper's name (Engine._quoted)
# «الاثنين» after a definite plural or dual in «-ين» is the numeral that agrees with it («المتهمين الاثنين»,
# «المرشحين الاثنين»: the two), not Monday; a nisba in «-يين» («المفاوضين الفلسطينيين الاثنين») may be
# followed by the day
_TWO = fold("الاثنين")
_PLURAL_BEFORE = re.compile(r"(?<!\w)[وفبلك]?(?:ال|لل)\w{2,}(?<!ي)ين[ \t]+$")
_TENS_MODS = frozenset(("START", "MID", "END"))   # the parts a «العشر الأواخر» reads as (Engine._link_tens)
_APPOSITION = re.compile(r"[ \t،,(]*$")   # only spaces, a comma or a parenthesis between
_MOWAFIQ = re.compile(fold(r"^[ \t،,(\-]*(?:و)?(?:الموافق|الموافقة|ويوافق|يوافق|الموافق ل)[ \t]*(?:ل)?[ \t]*$"))
# a third-person imperfect («يزور», «ويعقد») that opens a clause: after the start of a sentence, a comma
# or a colon, or glued to «و»
# (after «إن/أن» and its subject, a «ت»-imperfect too: «أن اللجنة تجتمع السبت»; not a word ending as a
# perfect or a noun does: «تراجعت», «تسوية», «تطورات»)
_CLAUSE_MARKS = ".،,؛:!؟?\n\"«("
# a feminine imperfect («تحتفل المملكة الثلاثاء»): a word in «ت» is as often a perfect of forms V-VI
# («تراجع», «تقدم») or a noun («تنظيم»), so only the shapes of forms VII, VIII and X are taken, of five
# letters or more: «تنفعل» (not «تنافس»), «تفتعل», «تستفعل»; not a word whose last letter but one is «ي»
# (a verbal noun «تفعيل»: «تنظيم», «تفتيش») nor one ending as a perfect or a noun does («تحتفلت», «تنمية»)
_FEM = r"ت(?:ن[^\Wا]\w{2,}|[^\Wنا]ت\w{2,}|ست\w{2,})(?<!ي\w)(?<![تة])(?<!ات)"
# (and the feminine imperfects of forms I-IV listed in ``feminine_imperfects.tsv``: Engine._imperfect_regexes)


def _imperfect_regexes(listed) -> tuple:
    """The patterns of an imperfect at a clause's start and glued to «و», with the listed feminine
    imperfects («تقام», «تجرى», «تزور») beside the shapes of ``_FEM``."""
    fem = _FEM + ("|" + "|".join(sorted(map(re.escape, listed), key=lambda w: (-len(w), w))) if listed else "")
    return (re.compile(r"[ \t]*(?:و)?(?P<v>ي\w{2,}|" + fem + r")(?=[ \t]+\w)"),
            re.compile(r"و(?P<v>ي\w{2,}|" + fem + r")(?=[ \t]+\w)"))
_IMPERFECT_AFTER_AN = re.compile(r"(?:ب|ل)?ان[ \t]+(?:\w+[ \t]+){1,2}(?P<v>[يت]\w{2,}(?<![تة])(?<!ات))(?=[ \t]+\w)")
# «عندما/حين/حينما» + an imperfect: the time of a thing to come («عندما يتواجه الفريقان الأربعاء»); a
# masculine one only: after «عندما» a word in «ت» is as often a perfect of forms V-VI («عندما تلقى اتصالا»)
_IMPERFECT_AFTER_WHEN = re.compile(r"(?<![^\W_])[وف]?(?:عندما|حينما|حين)[ \t]+(?P<v>ي\w{2,}(?<![تة])(?<!ات))(?=[ \t]+\w)")
# «إن/أن/أنه/بأن…» opens a reported or complement clause
_COMPLEMENTIZER = re.compile(fold(r"(?<!\w)(?:[وف])?(?:ب)?(?:ان|إن|أن)(?:ه|ها|هم|هما|هن|نا)?(?!\w)"))
_COMP_TAIL = re.compile(r"(?:ه|ها|هم|هما|هن|نا)?(?!\w)")


def _complement_after_punct(norm: str, a: int, b: int) -> bool:
    """Whether ``norm[a:b]`` holds a comma, semicolon or colon (a clause's end; quotation marks are
    not: a short quote may stand inside the clause) and, after the last of them, a complementizer:
    «…، مؤكدا انه سينفذ»: what follows is a reported clause of its own."""
    p = max(norm.rfind(c, a, b) for c in "،,؛:")
    return p >= 0 and _has_complementizer(norm, p + 1, b)


def _has_complementizer(norm: str, a: int, b: int) -> bool:
    """``_COMPLEMENTIZER.search(norm, a, b) is not None``, found by the letters «ان» (``find``, in C)
    rather than by trying the pattern at every character."""
    x = norm.find("ان", a, b)
    while x >= 0:
        j = x
        if j > a and norm[j - 1] == "ب":
            j -= 1
        if j > a and norm[j - 1] in "وف":
            j -= 1
        if (j == 0 or not (norm[j - 1].isalnum() or norm[j - 1] == "_")) and _COMP_TAIL.match(norm, x + 2, b):
            return True
        x = norm.find("ان", x + 1, b)
    return False


_EVENT_GAP = re.compile(fold(r"[ \t،,(]*(?:في|يوم|بتاريخ)?[ \t]*$"))
_RIGHT_WORD = re.compile(r"[ \t]+(\w+)")
def _bare_weekday(p: Partial) -> bool:
    return p.weekday is not None and p.direction is None and p.day is None and p.month is None and \
        p.rel_day is None and p.period is None


# «من/منذ/بين» just before a date, «إلى/حتى» (or «و» after «بين») between two (Engine._link_from_to)
_FROM_BEFORE = re.compile(r"(?<![^\W_])(من|منذ|بين)[ \t]+\Z")
_TO_GAP = re.compile(r"[ \t]+(?:و[ \t]*)?(?:حتي|الي|لغايه)[ \t]+")
_AND_GAP = re.compile(r"[ \t]+و[ \t]*")
_NOT_SPANS = frozenset({"duration", "set", "vague", "range"})
# «من 1 حتى » before a numeric date: the first day of a range (Engine._link_numeric_range)
_RANGE_START_BEFORE = re.compile(r"(?<![^\W_])(?:من|بين)[ \t]+([0-9]{1,2})[ \t]*(?:الي|حتي|وحتي|-|و)[ \t]*\Z")
_OF_PERIOD_GAP = re.compile(r"[ \t]+من[ \t]+")
_PERIOD_GRAINS = frozenset({"week", "month", "season", "quarter", "half", "year"})
_NUMBER_NEXT = re.compile(r"[ \t]*[(،,]?[ \t]*[0-9]")
# the numbers listed after one a blocker has read as no year («في الغرفتين 2012 و2013», «الصفحات 1987
# و1988»): the same kind, no year either
_LISTED_NUMBERS = re.compile(r"(?:[ \t]*(?:[،,][ \t]*)?و?[ \t]*[0-9]{1,4}(?![0-9./:\-]))+")
_LEFT_WORD = re.compile(r"(\w+)[ \t]+$")            # used with search(norm, s - 40, s)
# the (up to) three words just before a position, no punctuation between them
_LEFT_WORDS = re.compile(r"(?<!\w)(?:(?:(\w+)[ \t]+)?(\w+)[ \t]+)?(\w+)[ \t]+$")
PREFIX_MIN = 4                # rule sets this large get a look-ahead of their first two tokens
# «... من/على» after a count of time: counted from something else («قبل يومين من الانتخابات»), except in
# set phrases («على أرض الواقع», «على الأقل», «على الأكثر», «على أقصى تقدير», «على التوالي», «من جديد»;
# «بعد 13 سنة على الأكثر من وفاته» is counted from something else again)
_RELATION_AFTER = re.compile(fold(r"[ \t]+(?:(?:فقط|تقريبا|تحديدا|طويلة|عديدة|قليلة|معدودة|كثيرة)[ \t]+)?"
                                  r"(?:على[ \t]+(?:الاقل|الاكثر)[ \t]+)?(?:من|على)[ \t]+"
                                  r"(?!(?:الان|ارض|الاقل|الاكثر|اقل|اكثر|اقصى|ابعد|الارجح|التوالي|جديد|مدار|امتداد|الرغم|خلال|الزمن|الزمان|السنين|السنوات|الاعوام|الايام|الشهور|الاشهر|الدهر)(?!\w))"))

_CLOSING_PAREN = re.compile(r"[ \t]*\)")
_AT_HANDS = re.compile(fold(r"(?:يد|ايدي)(?!\w)"))

NO_ANCHOR = "no publication date (anchor) to resolve a relative expression against"


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    rule: object
    partial: Partial
    key: str                                   # the normalised text the rule matched


_MISSING = object()


class _Entry:
    """A set of rules tried together at a candidate position, as one compiled alternation (behind a
    look-ahead of their first two tokens when the set is large: ``Engine._prefix``)."""
    __slots__ = ("ids", "rules", "_master", "_pairs", "_engine")

    def __init__(self, ids: frozenset, rules: list, engine: "Engine"):
        self.ids, self.rules, self._master, self._pairs, self._engine = ids, rules, None, None, engine

    @property
    def master(self) -> re.Pattern:
        if self._master is None:
            body = "|".join(r.regex for r in self.rules)
            if self._engine.prefixes and len(self.rules) >= PREFIX_MIN:
                body = self._engine._prefix(self) + "(?:" + body + ")"
            self._master = recache.compile(body)
        return self._master

    @property
    def pairs(self) -> dict:
        """first token -> the tokens that can follow it (None: the match can end there), over all
        the rules of the set."""
        if self._pairs is None:
            out: dict = {}
            for r in self.rules:
                for s in first_sequences(r, 2):
                    if s:
                        out.setdefault(s[0], set()).add(s[1] if len(s) > 1 else None)
            self._pairs = out
        return self._pairs


_POSITION = itemgetter(0)
_TIMEX_NEW = tuple.__new__            # Timex(*fields) without the keyword-handling constructor
_MAX_NEXT = 110               # a word is keyed with the words after it only if they are this few


class _Spotter:
    """An automaton over the framed word bytes, and what each of its patterns stands for."""

    def __init__(self, simple: list, complex_: list, dfa: bool = True):
        patterns = simple + complex_
        # The text is scanned as cp1256 bytes (one byte a character, so offsets are the same) by
        # Rust's aho-corasick: a DFA (or, for many keys, a contiguous NFA, quicker to build), three
        # times the speed of a character automaton over the str.
        impl = ahocorasick_rs.Implementation.DFA if dfa else ahocorasick_rs.Implementation.ContiguousNFA
        keys = "\x00".join(f for f, _ in patterns).encode(_CODEC).split(b"\x00")   # one encoding call
        self.ac = ahocorasick_rs.BytesAhoCorasick(keys,
                                                  matchkind=ahocorasick_rs.MatchKind.Standard,
                                                  implementation=impl)
        self.n_simple = len(simple)
        # a pattern ending (exclusive) at framed offset x puts its word at text offset x - off
        self.off = [v[0] + 1 for _, v in simple]
        self.rules_of = [v[1] for _, v in simple]
        self.values = [v for _, v in patterns]
        self.size = len(patterns)

_CACHE_LIMIT = 200_000


_QUOTED_NAME = re.compile(r"«[^»«\n]{1,40}»|\"[^\"\n]{1,40}\"")


def _as_narrative(res: Resolved, note) -> Resolved:
    """A reading counted from a date said before: its tense flags dropped (the date said before fixes
    it), flag ``narrative`` once, ``anchored_to`` naming that date."""
    flags = tuple(x for x in res.flags if x not in _TENSE_FLAGS and x != FLAG_NARRATIVE) + (FLAG_NARRATIVE,)
    return res._replace(flags=flags, anchored_to=note, tense=None)


_LAST_YEAR = Partial("date", period="year", period_shift=-1)
_YEAR_AT_START = re.compile(r"^[0-9]{4}(?=-|$)")


def _year_back(r: Resolved, k: int = 1) -> Optional[Resolved]:
    """The same span as ``r`` (a Gregorian date, month, quarter, half, week or year), a year earlier:
    «ارتفعت في الربع الثاني 2015 … مقارنة بالربع نفسه من العام الماضي» 2014-Q2 (a week keeps its number,
    «2015-W30» 2014-W30).  None for a Hijri span or a value that does not begin with its year."""
    parts = r.value.split("/")
    if r.calendar != "gregorian" or r.first_day is None or not all(_YEAR_AT_START.match(x) for x in parts):
        return None
    if k == 0:
        return r._replace(reason=None)
    value = "/".join(_YEAR_AT_START.sub(lambda m: f"{int(m.group()) - k:04d}", x) for x in parts)
    try:
        return r._replace(value=value, first_day=arith.add_years(r.first_day, -k),
                          last_day=arith.add_years(r.last_day, -k), reason=None)
    except arith.OutOfCalendar:
        return None


def _same_span_base(q: Partial, p: Partial, r: Resolved, anchor, any_year: bool = False) -> bool:
    """Whether a date said before «الفترة نفسها من العام الماضي» (``q``) is the span it repeats: a span, not
    a day («أمس الثلاثاء … الربع نفسه»: the quarter is not that day); of the grain named («الربع نفسه»: a
    quarter, «الشهر نفسه»: a month, «النصف المقابل»: a half; «الفترة»: any span); and of the anchor's year
    (so that a year back is last year), or, in the first quarter, of the year before said with its number
    («نتائج الربع الرابع 2015 … مقارنة بالربع نفسه من العام الماضي» in January 2016)."""
    if (anchor is None and not any_year) or r.first_day is None or r.grain in ("day", "time"):
        return False
    if q.period != "year" and r.grain != q.period:
        return False
    if any_year:                                       # («نفس الفترة من عام 2014»: a span of any year,
        return r.first_day.year == r.last_day.year     # within one year)
    y = r.first_day.year
    # (or a period said from the anchor: «الشهر الماضي … مقارنة بالشهر نفسه من العام السابق» in January)
    return y == anchor.year or (y == anchor.year - 1 and anchor.month <= 3
                                and (p.explicit_year or p.period is not None or p.year_shift is not None))


def _sentence_around(norm: str, start: int, end: int) -> tuple:
    """The sentence of ``[start, end)`` by its ends (``_SENTENCE_ENDS``), within ``_SENTENCE_WINDOW``
    either side (a line of 10 MB stays linear): where a national day's country or a feast's church is
    looked for."""
    lo, hi = max(0, start - _SENTENCE_WINDOW), min(len(norm), end + _SENTENCE_WINDOW)
    a = max(lo - 1, max(norm.rfind(c, lo, start) for c in _SENTENCE_ENDS)) + 1
    ends = [x for x in (norm.find(c, end, hi) for c in _SENTENCE_ENDS) if x >= 0]
    return a, min(ends) if ends else hi


def _day_of_same_month(p: Partial) -> bool:
    """«الثاني والعشرين من الشهر نفسه»: a day of the month said before."""
    return p.day is not None and p.period == "month" and p.period_shift == 0 and p.month is None


def _word_start(norm: str, p: int) -> int:
    """Where the word that ends at ``p`` begins."""
    while p > 0 and norm[p - 1].isalnum():
        p -= 1
    return p


def _with_letter(norm: str, at: list, letter: str) -> str:
    """``norm`` with the letter at each of ``at`` read as ``letter`` (a view of the same length), or
    ``norm`` itself when there is none."""
    if not at:
        return norm
    chars = list(norm)
    for p in at:
        chars[p] = letter
    return "".join(chars)


def _glued(w: str, words) -> bool:
    """Whether ``w`` is one of ``words``, or is one with «و» or «ف» glued before it («وأصبح», «فقد»)."""
    return w in words or (w[:1] in "وف" and w[1:] in words)


def _clause_mark(norm: str, s: int, reach: int) -> int:
    """Where the last clause mark before ``s`` stands, within ``reach`` characters, or -1."""
    lo = max(0, s - reach)
    return max(norm.rfind(c, lo, s) for c in _CLAUSE_MARKS)


def _clause_words_before(norm: str, s: int, reach: int) -> list:
    """The words of the clause before ``s`` (after its last clause mark), within ``reach`` characters
    (a word the window cuts left out)."""
    lo = max(0, s - reach)
    b = _clause_mark(norm, s, reach)
    words = norm[b + 1 if b >= 0 else lo:s].split()
    return words[1:] if b < 0 and lo > 0 and norm[lo - 1] not in " \t\n" else words


def _breaks_clause(gap: str) -> bool:
    """Whether a clause mark stands in ``gap`` (the text between a verb and a date), a name in
    quotation marks left aside («يصل المهاجم «رودريغو مورا» هذا الخميس»)."""
    if not any(c in gap for c in _CLAUSE_MARKS):
        return False
    return any(c in _QUOTED_NAME.sub(" ", gap) for c in _CLAUSE_MARKS)


def _join_found(found: list, resolved: list, ends: dict) -> None:
    """Make ``found[i]`` span to ``end`` and drop ``found[j]`` (and its reading), for each ``i: (j,
    end)`` of ``ends``: two expressions read as one («الساعة العاشرة من صباح أمس», «غداً الثلاثاء 31
    ديسمبر»), the first one's reading over both."""
    if not ends:
        return
    for i, (_, end) in ends.items():
        f = found[i]
        found[i] = _Found(f.start, end, f.rule, f.partial, f.key)
    drop = {j for j, _ in ends.values()}
    found[:] = [f for k, f in enumerate(found) if k not in drop]
    resolved[:] = [r for k, r in enumerate(resolved) if k not in drop]


class Engine:
    # (words that say what kind of source, not its name: «لوكالة الأنباء اليوم»; set from the lexicon)
    generic_sources: frozenset = frozenset()

    def __init__(self):
        for i, r in enumerate(RULES):
            compile_rule(r, i)
        self.rules = list(RULES)
        self.rule_of_group = {f"R{r.index}": r for r in self.rules}
        self.rule_names = [r.name for r in self.rules]
        self.lex = get_lexicon()
        Engine.generic_sources = self.lex.generic_sources
        self.prefixes = True               # False: no look-ahead before a rule set (for tests)
        self._cat_words: dict = {}
        self._automaton()
        self._tense_rx = self._tense_regex()
        self._tense_ac = self._tense_automaton()
        self._productions: dict = {}
        self._blocked_forms = frozenset(f for f, _ in self.lex.blockers if f != "*" and not f.startswith("@"))
        # «@rule»: a blocker of every expression that rule matches («نحو 2000»: a count, not a year)
        by_name = {r.name: r.index for r in self.rules}
        self._rule_blockers: dict = {}
        for (f, side), ctx in self.lex.blockers.items():
            if f.startswith("@"):
                if f[1:] not in by_name:
                    raise ValueError(f"blockers.tsv: no rule named {f[1:]!r}")
                lr = self._rule_blockers.setdefault(by_name[f[1:]], [None, None, ()])
                lr[0 if side == "left" else 1] = ctx
                if side == "right":
                    lr[2] = _right_prefixes(ctx) + _DOUBLE_GAPS
        self._wild_left = tuple(sorted(self.lex.blockers.get(("*", "left"), set())))
        self._wild_right = self.lex.blockers.get(("*", "right"), set())
        self._stops_spaced = tuple(w + sp for w in STOPWORDS for sp in _SPACE)
        self._wild_left_spaced = tuple(w + sp for w in self._wild_left for sp in _SPACE)
        self._resolutions: dict = {}
        self._needs_tense: dict = {}
        self._tails: dict = {}
        self._lam_rx = self._lam_regex()
        self._imperfect_at_start, self._imperfect_after_wa = _imperfect_regexes(self.lex.feminine_imperfects)
        self._tens_forms = tuple(sorted(f for f, x in self.lex["PART"].entries.items() if x.exact))
        self._ta_rx = self._ta_regex()
        self._relative_day = by_name["relative_day"]
        self._quoted_days = frozenset({by_name["relative_day"], by_name["vague_of_day"]})
        self._year_rule = self.rules[by_name["year"]]
        self._year_rule_bare = self.rules[by_name["year_bare"]]
        self._range_days_rule = self.rules[by_name["range_days"]]
        self._numeric_dates = frozenset(by_name[n] for n in ("numeric_dmy", "hijri_numeric_dmy"))
        self._weekday_rule = by_name["weekday"]
        self._day_previous = by_name["day_previous"]
        self._weekday_of_week = by_name["weekday_of_week"]
        self._period_direction = by_name["period_direction"]
        self._nowadays_rule = self.rules[by_name["today_nowadays"]]
        now = self.lex.nowadays
        self._now_sentence = re.compile("(?<!\\w)(?:" + "|".join(map(re.escape, now["sentence"])) + ")(?!\\w)")
        self._now_keys = now["sentence"]
        self._now_before = frozenset(now["before"])
        self._now_after = frozenset(now["after"])
        self._now_until = frozenset(now["until"])
        self._now_subject = frozenset(now["subject"])
        self._now_not_subject = frozenset(now["not_subject"])
        self._now_opener = frozenset(now["opener"])

    def _lam_regex(self):
        """The clitic «ل» before a period noun's article drops the article's alef: «للعام الماضي» is
        «ل» + «العام الماضي», «للربع الثاني» «ل» + «الربع الثاني».  Matched in a view of the text
        where such a word's «لل» reads «ال» (the same length, so every offset stays), the expression
        then spans the whole written word.  The nouns are the lexicon's periods, definite units,
        seasons, decades and period ordinals (not «اليوم»: «لليوم الثاني» is «for a second day»); not
        after a demonstrative, which the «ل» keeps from the noun («وذلك للربع الثاني على التوالي»)."""
        nouns = set()
        for cat in ("PERIOD", "DUNIT", "SEASON", "DECADE", "PORD"):
            nouns.update(f.split()[0][2:] for f in self.lex[cat].entries if f.startswith("ال"))
        self._lam_dems = frozenset({d for d in self.lex["DEM"].entries if " " not in d} | {fold("ذلك"), fold("تلك")})
        # (the literal first: the scan for «لل» runs in C; where the word begins is checked after)
        return re.compile("لل(?=(?:" + "|".join(sorted(nouns, key=lambda w: (-len(w), w))) + ")(?![^\\W_]))")

    def _lam_view(self, norm: str) -> str:
        """``norm`` with the «لل» of each period noun read «ال» (:meth:`_lam_regex`), or ``norm``."""
        at = []
        for m in self._lam_rx.finditer(norm):
            p = m.start()
            w = p - 1 if p and norm[p - 1] in "وف" else p        # «وللعام»: the clitic «و» before
            if w and norm[w - 1].isalnum():
                continue                                          # inside a word
            b = _word_start(norm, w - 1)
            before = norm[b:w - 1] if w and norm[w - 1] == " " else ""
            if before in self._lam_dems or before[:1] in ("و", "ف") and before[1:] in self._lam_dems:
                continue                                          # «وذلك للربع الثاني»
            at.append(p)
        return _with_letter(norm, at, "ا")

    def _ta_regex(self):
        """The words the rules' templates write with a final «ة» («الساعة», «سنة», «لمدة», «الفترة»):
        the lexicon's forms are read with «ه» too (``Lexicon``), these literals are matched in a view
        of the text where such a word's final «ه» reads «ة» («الساعه العاشره صباحا»; the same
        length, so every offset stays)."""
        words = set()
        for r in self.rules:
            t = re.sub(r"\{[^}]*\}", " ", _literal_fold(r.template))
            words.update(w[:-1] for w in re.findall(r"[\u0600-\u06ff]{3,}", t) if w.endswith("ة"))
        self._ta_stems = frozenset(words)
        # (the «ه» first, so that the scan for it runs in C; the stem before it is looked behind)
        return re.compile("ه(?![^\\W_])(?:" + "|".join(f"(?<={w}ه)" for w in sorted(words)) + ")")

    def _ta_view(self, norm: str) -> str:
        """``norm`` with the final «ه» of each template word read «ة» (:meth:`_ta_regex`), or ``norm``."""
        at = [m.start() for m in self._ta_rx.finditer(norm)          # the whole word, not its end
              if norm[_word_start(norm, m.start()):m.start()] in self._ta_stems]   # («وسنه», «حسنه»)
        return _with_letter(norm, at, "ة")

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

        def add_second(t2, idx):
            """A rule that begins with a stop word alone («كل يوليو»): keyed by the words that can
            follow it, one word back."""
            kind, name = t2
            if kind == "lit":
                forms = (name,)
            elif name in BUILTINS:
                forms = tuple("0123456789")
            else:
                forms = tuple(self.lex[name].entries)
            for form in forms:
                keys.setdefault(form.split()[0], {}).setdefault(1, set()).add(idx)

        for r in self.rules:
            firsts = first_tokens(r)
            # (a stop word the rule may begin with, when it can begin otherwise, stays out of its span:
            # «في تمام الساعة» is read from «تمام», as before)
            alone = all(k == "lit" and n in STOPWORDS for k, n in firsts)
            for kind, name in sorted(firsts, key=lambda t: (t[0], t[1] or "")):
                if kind == "any":
                    self.wildcard_rules.add(r.index)
                elif kind == "lit" and name in STOPWORDS:
                    if not alone:
                        continue
                    for seq in sorted(first_sequences(r, 2), key=repr):
                        if len(seq) > 1 and seq[0] == ("lit", name) and seq[1] != ANY and seq[1][0] != "chars":
                            add_second(seq[1], r.index)
                elif kind == "lit":
                    add(name, r.index)
                elif name in BUILTINS:
                    for d in "0123456789":
                        add(d, r.index)
                else:
                    for form in self.lex[name].entries:
                        add(form, r.index)
        self._entries: dict[frozenset, _Entry] = {}
        self.keys = keys
        # Two spotters.  The plain one keys every word that can begin a rule.  The paired one keys a
        # word together with the words that can follow it («هذا العام», «قبل ثلاثة», «منذ 8») where
        # its rules allow nothing else after it: «هذا» (5,800 times in the corpus, 850 of them a
        # date) then costs nothing where it begins no date.  It allows one space between the two
        # words, so a text with a run of spaces or a tab is read with the plain one.
        self._plain = self._spotter({})
        self._paired = self._spotter({k: s for k in keys if 0 in keys[k] and not k.isdigit()
                                      for s in [self._next_words(k)] if s is not None})

    def _next_words(self, k: str) -> Optional[list]:
        """The words (or their beginnings) that can follow the word ``k`` in every rule that can
        begin with it, from the rules' first two tokens; None when something else can (the end of
        the match, punctuation, a form that runs on) or when there are too many to key."""
        entry = self._entry(frozenset(self.keys[k][0] | self.wildcard_rules))
        out: set = set()
        for t1, follows in entry.pairs.items():
            if t1 == ANY:
                return None
            kind, name = t1
            if kind == "lit":
                if name != k:
                    if k.startswith(name):
                        return None                          # a literal glued to what follows
                    continue
            elif kind == "cat" and name not in BUILTINS:
                single, multi = self._first_words(name)
                if any(k[:i] in single for i in range(1, len(k))):
                    return None                              # a shorter form, glued to the rest
                if k in multi:                               # «بعد غد»: the form's second word
                    out.update(f.split()[1] for f in self.lex[name].entries
                               if " " in f and f.split()[0] == k)
                if k not in single:
                    continue
            else:
                continue
            for t2 in follows:
                words = self._follow_words(t2)
                if words is None:
                    return None
                out |= words
        if not all(w.isalnum() for w in out):
            return None
        # a word that has a shorter one of the set as its beginning adds nothing (sorted, a word's
        # extensions follow it)
        kept: list = []
        for w in sorted(out):
            if not (kept and w.startswith(kept[-1])):
                kept.append(w)
        return None if len(kept) > _MAX_NEXT else kept

    def _spotter(self, paired: dict) -> "_Spotter":
        """Keys are matched on a copy of the text where every non-word character is a space, each key
        framed by spaces (and optionally preceded by clitics), so a hit is always a whole word.
        «لعام» is a key, and so is the clitic «ل» + «عام»: one framed word standing for two
        candidate positions, both kept (and nothing depends on the order sets iterate in).
        ``paired``: words keyed with the words that can follow them."""
        keys = self.keys
        entry = {(k, b): self._entry(frozenset(ids | self.wildcard_rules))
                 for k in keys for b, ids in keys[k].items()}
        clitics = ("",) + tuple(sorted(CLITICS))
        # framed word -> {d: {back: rules}}; a framed word and d tell the clitic, so the word too
        framed_keys: dict[str, dict] = {}
        for k in sorted(keys):
            tail = "" if k.isdigit() else " "
            for b in keys[k]:
                if b == 0 and k in paired:
                    continue
                e = entry[(k, b)]
                # a number may be glued to the article, «الـ22 من شهر ديسمبر» (the tatweel folded away),
                # or to the word before it, as typing runs them on: «في27 يوليو», «يوم20 يوليو», «حتى30 من»
                for c in clitics + (_GLUED_TO_NUMBER if k.isdigit() else ()):
                    if c and c + k in self.lex.clitic_words:
                        continue                  # («ولامس»: a word of its own, not «و» + «ل» + «امس»)
                    framed_keys.setdefault(" " + c + k + tail, {}).setdefault(len(k) + len(tail), {})[b] = e
        simple, complex_ = [], []
        for framed in sorted(framed_keys):
            by_d = framed_keys[framed]
            spots = [(d, by_d[d].get(0), by_d[d].get(1))
                     for d in (by_d if len(by_d) == 1 else sorted(by_d, reverse=True))]
            value = spots[0] + (tuple(spots[1:]) or None,)
            # the common case, one set of rules beginning at the word itself, comes first
            (simple if value[2:] == (None, None) else complex_).append((framed, value))
        # a word with the word after it, one space between: a key of its own (it ends in a letter or a
        # digit, so no plain key, which ends in a space, is the same)
        simple += [(" " + c + k + " " + w, (1 + len(k) + len(w), entry[(k, 0)], None, None))
                   for k in sorted(paired) for c in clitics for w in paired[k]
                   if not (c and c + k in self.lex.clitic_words)]
        return _Spotter(simple, complex_, dfa=not paired)

    def clear_memos(self) -> None:
        """Empty the memo tables (productions, resolutions, tense needs, output fields): the next
        text is tagged as by a fresh process, the compiled rule sets kept (for benchmarks)."""
        for memo in (self._productions, self._resolutions, self._needs_tense, self._tails):
            memo.clear()

    def compile_all(self) -> int:
        """Compile every rule set now rather than on first use (5-7 s, or well under one from the
        cache of :mod:`resolvers.recache`); returns how many."""
        for e in list(self._entries.values()):
            e.master
        for r in self.rules:             # a rule's own pattern is compiled when first needed
            recache.keep(r.regex)
        recache.prune()                  # the compiled patterns of rules since changed
        return len(self._entries)

    def _entry(self, ids: frozenset) -> "_Entry":
        """The rules to try where a key stands; shared by equal rule sets, compiled on first use."""
        e = self._entries.get(ids)
        if e is None:
            e = self._entries[ids] = _Entry(ids, [r for r in self.rules if r.index in ids], self)
        return e

    def _previous_word_starts(self, norm: str, h: int):
        """Where the stop word just before ``h`` begins («في وقت سابق»), maybe after a clitic
        («وفي وقت سابق»): one position or none."""
        if h < 2 or norm[h - 1] not in _SPACE:
            return ()
        if norm[h - 2] not in _SPACE:                    # one space: the common case, in C
            if not norm.endswith(self._stops_spaced, max(0, h - 6), h):
                return ()
        j = h - 1
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

    def candidates(self, norm: str, nz=None, framed: Optional[bytes] = None) -> list:
        """(position, rules to try) for every word that can begin a rule, in text order."""
        if framed is None:
            framed = b" " + (nz.word_bytes() if nz is not None else word_bytes(norm)) + b" "
        spot = self._plain if "  " in norm or "\t" in norm else self._paired
        found = spot.ac.find_matches_as_indexes(framed, overlapping=True)
        ns, off, rules_of = spot.n_simple, spot.off, spot.rules_of
        hits = [(x - off[i], rules_of[i]) for i, _, x in found if i < ns]
        if len(hits) < len(found):
            add = hits.append
            for i, _, x in found:
                if i < ns:
                    continue
                end = x - 1                              # the framed offset of the pattern's last byte
                d, e0, e1, more = spot.values[i]
                if e0 is not None:
                    add((end - d, e0))
                if e1 is not None:
                    for p in self._previous_word_starts(norm, end - d):
                        add((p, e1))
                if more is not None:                     # the same word read with a clitic
                    for d, e0, e1 in more:
                        if e0 is not None:
                            add((end - d, e0))
                        if e1 is not None:
                            for p in self._previous_word_starts(norm, end - d):
                                add((p, e1))
        hits.sort(key=_POSITION)                         # stable: equal positions keep key order
        return hits

    def _first_words(self, cat: str):
        """(the one-word forms of a category, the first words of its longer forms)."""
        fw = self._cat_words.get(cat)
        if fw is None:
            forms = self.lex[cat].entries
            fw = self._cat_words[cat] = (frozenset(f for f in forms if " " not in f),
                                         frozenset(f.split()[0] for f in forms if " " in f))
        return fw

    def _follow_words(self, t2) -> Optional[frozenset]:
        """The words (or their beginnings) a second token can start with; None when it is not a
        word (punctuation, the end of the match, anything)."""
        if t2 is None or t2 == ANY or t2[0] == "chars":
            return None
        kind, name = t2
        if kind == "lit":
            return frozenset((name,))
        if name in BUILTINS:
            return frozenset("0123456789")
        single, multi = self._first_words(name)          # a form's first word, maybe run on
        return single | multi

    def _prefix(self, entry: "_Entry") -> str:
        """A look-ahead that every match of the entry's rules satisfies: one of their first tokens,
        then one of the tokens that can follow it (:func:`~resolvers.grammar.first_sequences`).
        Checked before the alternation, it turns away «31 شخصا» in one pass where the fifteen rules
        that begin with a number would each be tried; it never turns away a match."""
        def first(t1):
            kind, name = t1
            if kind == "lit":
                return re.escape(name)
            return BUILTINS[name] if name in BUILTINS else self.lex[name].alternation()

        def then(t2):
            if t2[0] == "chars":
                return "[" + "".join(re.escape(c) for c in sorted(t2[1])) + "]"
            return _trie_regex([[w] for w in sorted(self._follow_words(t2))])

        by_follow: dict = {}
        for t1, follows in sorted(entry.pairs.items(), key=repr):
            if t1 == ANY:
                return ""
            key = None if (None in follows or ANY in follows) else \
                "(?:" + "|".join(sorted(then(t2) for t2 in follows)) + ")"
            by_follow.setdefault(key, []).append(first(t1))
        alts = []
        for key in sorted(by_follow, key=lambda k: (k is not None, k or "")):
            head = "(?:" + "|".join(by_follow[key]) + ")"
            alts.append(head if key is None else head + "[ \t]*" + key)
        return "(?=" + "|".join(alts) + ")"

    # --- matching -------------------------------------------------------------------------------
    def _apply(self, r, m) -> Optional[Partial]:
        return r.prod(slot_values(r, m))

    def _blocked(self, norm: str, s: int, e: int) -> bool:
        """A blocker's context word stands next to the expression («روسيا اليوم», «قوى 14 آذار»)."""
        bl = self.lex.blockers
        if s and norm[s - 1] in _SPACE:
            j = s - 1
            while j > 0 and norm[j - 1] in _SPACE:
                j -= 1
            if norm.endswith(self._wild_left, 0, j) and self._blocked_by(norm, s, e, bl.get(("*", "left")), None):
                return True
        if self._wild_right and self._blocked_by(norm, s, e, None, self._wild_right):
            return True
        expr = norm[s:e]
        if expr not in self._blocked_forms:
            if " " not in expr and "\t" not in expr:
                return False
            expr = " ".join(expr.split())
            if expr not in self._blocked_forms:
                return False
        return self._blocked_by(norm, s, e, bl.get((expr, "left")), bl.get((expr, "right")))

    @staticmethod
    def _blocked_by(norm, s, e, left, right) -> bool:
        """``left``: contexts of one to three words that end just before ``s`` (the farthest word may
        carry «و»/«ف»; a «*» after the first word stands for any word: «النائب *» + «شباط»; an opening
        quotation mark may stand between them and ``s``: «نواب «8 آذار»»);
        ``right``: words just after ``e``."""
        if right:
            # one space and a context word («اليوم التالي»): a prefix test in C turns most away
            if norm.startswith(_right_prefixes(right), e) or norm.startswith(_DOUBLE_GAPS, e):
                m = _RIGHT_WORD.match(norm, e, e + 40)
                if m and m.group(1) in right:
                    return True
                for c in _right_phrases(right):          # contexts of several words («الى الخميس»)
                    x = e + 1 + len(c)
                    if norm.startswith(" " + c, e) and (x >= len(norm) or not norm[x].isalnum()):
                        return True
        if left:
            if s > 1 and norm[s - 1] in _OPEN_QUOTES and norm[s - 2] in _SPACE:
                s -= 1                                   # a quoted name: «نواب «8 آذار»»
            singles, by_last, wild = _left_index(left)
            if not wild:                                 # the word just before decides most cases
                last = _last_word(norm, s)
                if not last:
                    return False
                if not singles.isdisjoint(_unclitic(last)):
                    return True
                if last not in by_last:
                    return False
            words = _left_words(norm, s)
            if words:
                last = words[-1]
                if not singles.isdisjoint(_unclitic(last)):
                    return True
                n = len(words)
                for ctx in by_last.get(last, ()):
                    k = len(ctx)
                    if k <= n and ctx[0] in _unclitic(words[-k]) and \
                            all(c == "*" or c == w for c, w in zip(ctx[1:], words[n - k + 1:])):
                        return True
                if wild:                                 # «الكاتب *»: looked up by the first word
                    for k in range(2, n + 1):
                        for f in _unclitic(words[-k]):
                            for ctx in wild.get(f, ()):
                                if len(ctx) == k and all(c == "*" and w not in Engine.generic_sources or c == w
                                                         for c, w in zip(ctx[1:], words[n - k + 1:])):
                                    return True
        return False

    def match(self, norm: str, nz=None, framed: Optional[bytes] = None) -> list[_Found]:
        found: list[_Found] = []
        last_end = -1
        blocked_forms = self._blocked_forms
        wild_left = self._wild_left_spaced
        check_right = bool(self._wild_right)
        productions = self._productions
        rule_of_group = self.rule_of_group
        rule_blockers = self._rule_blockers
        hits = self.candidates(norm, nz, framed)
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
            m = (entry._master or entry.master).match(norm, p)
            if m is None:
                continue
            e = m.end()
            key = m.group()
            # only a blocker's form, or a wildcard blocker's word just before, needs the full check
            if (check_right or key in blocked_forms or
                    (("  " in key or "\t" in key) and " ".join(key.split()) in blocked_forms) or
                    (p and norm[p - 1] in _SPACE and
                     (norm.endswith(wild_left, 0, p) or (p > 1 and norm[p - 2] in _SPACE)))) \
                    and self._blocked(norm, p, e):
                last_end = e                             # «قوى 14 آذار»: a name, not a date
                continue
            if key in _QUOTED_NAMES and self._quoted(norm, p, e):
                last_end = e                             # «في حواره مع «اليوم»»: a newspaper's name
                continue
            if key == _TWO and _PLURAL_BEFORE.search(norm, max(0, p - 30), p):
                last_end = e                             # «المتهمين الاثنين»: the two
                continue
            if _QUOTE_RX.search(norm, max(0, p - 25), p) and self._in_title(norm, p, e):
                last_end = e                             # «برنامج «كل يوم»», «رواية «1984»»: a title
                continue
            r = rule_of_group[m.lastgroup]
            if r.ahead_groups:                           # slots read past the match: in the key too
                key = (key, *(m.group(g) for g in r.ahead_groups))
            partial = productions.get((r.index, key), _MISSING)
            if partial is _MISSING:
                partial = self._produce(r, m)
            if partial is None or (r.left_required and not self._left_ok(r, norm, p)):
                alt = self._fallback(norm, p, [x for x in entry.rules if x.index > r.index])
                if alt is None:
                    continue
                r, m, partial = alt
                e, key = m.end(), _memo_text(r, m)
            rb = rule_blockers.get(r.index)
            # (a right context is looked for only where one of its words follows: a test in C; a left
            # context blocks nothing that a number dates: «من يوم الثلاثاء إلى يوم الخميس 12-14 شوال», nor
            # what a direction does: «… ضد الإعلامي لجلسة الثلاثاء المقبل», no broadcaster named الثلاثاء)
            if rb is not None and (
                    (rb[1] is not None and norm.startswith(rb[2], e) and self._blocked_by(norm, p, e, None, rb[1]))
                    or (rb[0] is not None and partial.direction is None
                        and self._blocked_by(norm, p, e, rb[0], None)
                        and not _NUMBER_NEXT.match(norm, e))):
                last_end = e                             # «النائب سامي شباط»: a name, not a month
                if r is self._year_rule_bare:
                    more = _LISTED_NUMBERS.match(norm, e)
                    if more:
                        last_end = more.end()            # «الغرفتين 2012 و2013»: the list too
                continue
            s = p
            if r.left_rx is not None:
                lm = r.left_rx.search(norm, max(0, s - 16), s)
                if lm:
                    s = lm.start()
            found.append(_Found(s, e, r, partial, key))
            last_end = e
        return found

    def _in_title(self, norm: str, s: int, e: int) -> bool:
        """Whether ``norm[s:e]`` lies in a short quoted title (two words at most beside it inside the
        quotation marks) right after a noun of ``title_nouns.tsv``, maybe with an adjective between
        («صحيفة «الإمارات اليوم»», «موقع «اليوم 24» المغربي», «الفيلم الأردني «الجمعة الأخيرة»»)."""
        q = max(norm.rfind(c, max(0, s - 30), s) for c in _QUOTES)
        if q < 0 or len(norm[q + 1:s].split()) > 2 or _QUOTE_RX.search(norm, q + 1, s):
            return False
        z = min((k for k in (norm.find(c, e, e + 30) for c in _QUOTES) if k >= 0), default=-1)
        if z < 0 or len(norm[e:z].split()) > 2:
            return False
        before = norm[max(0, q - 40):q].split()
        if not before:
            return False
        nouns = self.lex.title_nouns
        w = before[-1]
        if _unclitic_title(w, nouns):
            return True
        return len(before) > 1 and w.startswith("ال") and _unclitic_title(before[-2], nouns)

    def _quoted(self, norm: str, s: int, e: int) -> bool:
        """«اليوم» (or «الغد») alone between quotation marks is a newspaper's name («قال لـ"اليوم"», «لـ«الغد»», «في حواره مع
        «اليوم»», «حصلت "اليوم" على نسخة منه»), not the day, unless a relative day stands before it, which
        the quoted one corrects («غدًا «اليوم»»)."""
        a = s - 1
        while a >= 0 and norm[a] in _SPACE:
            a -= 1
        if a < 0 or norm[a] not in _QUOTES:
            return False
        z = e
        while z < len(norm) and norm[z] in _SPACE:
            z += 1
        if z >= len(norm) or norm[z] not in _QUOTES:
            return False
        before = norm[max(0, a - 30):a].split()
        return not before or before[-1] not in self.lex["RELDAY"].entries

    def _produce(self, r, m) -> Optional[Partial]:
        """The rule's production, memoised on (rule, matched text and the slots it reads in a
        lookahead, :func:`_memo_text`): it depends on nothing else."""
        key = (r.index, _memo_text(r, m))
        partial = self._productions.get(key, _MISSING)
        if partial is _MISSING:
            if len(self._productions) > _CACHE_LIMIT:
                self._productions.clear()
            partial = self._productions[key] = self._apply(r, m)
        return partial

    @staticmethod
    def _left_ok(r, norm: str, p: int) -> bool:
        return not r.left_required or r.left_rx.search(norm, max(0, p - 16), p) is not None

    def _fallback(self, norm: str, p: int, rules):
        for r in rules:
            m = pattern_of(r).match(norm, p)
            if m is None:
                continue
            partial = self._produce(r, m)
            if partial is not None and not self._blocked(norm, p, m.end()) and self._left_ok(r, norm, p):
                return r, m, partial
        return None

    # --- tense ----------------------------------------------------------------------------------
    def _tense_regex(self):
        alt = _trie_regex([w.split() for w in self.lex.tense_words])
        pre = "|".join(map(re.escape, self.lex.future_prefixes)) or "(?!)"
        # a cue may carry an object pronoun («سجلته», «أعلنها»: verbs of four letters or more); a word
        # after a future prefix is a verb only if it does not end as a noun does (in «ة» or «ات»: «سترة»,
        # «سيارات»)
        suffix = "(?:(?<=\\w{4})(?:ه|ها|هم|هما|هن|نا|ني|كم))?"
        # the first person «سأ» (folded «سا»): a stem of three letters or more that does not end as a
        # noun, an adjective or a past verb does («سأزور»; not «سابقين», «ساعدت»)
        first = "(?:" + pre + ")ا\\w{3,}(?<![ةتاي])(?<!ين)(?<!ون)"
        return re.compile(f"(?<!\\w)(?:[وف])?(?:(?P<w>{alt}){suffix}(?!\\w)|(?P<p>(?:{pre})[يتن]\\w{{2,}}(?<!ة)(?<!ات)(?<!يا)(?<!ين)(?<!ته)(?<!تها)(?<!تهم)"
                          f"(?!\\w)|{first}(?!\\w)))")

    def _tense_automaton(self):
        """Where a tense cue can begin: the first word of a cue (with «و»/«ف» or not) or a future
        prefix and its person letter («سي», «ست», «سن»), framed like the rule keys.  Every place the
        tense pattern matches is among these, so it is tried there alone, not at every character."""
        firsts = {w.split()[0] for w in self.lex.tense_words}
        keys = set()
        for c in ("", "و", "ف"):
            keys |= {" " + c + w + (" " if len(w) < 4 else "") for w in firsts}   # (a pronoun may follow)
            keys |= {" " + c + pre + t for pre in self.lex.future_prefixes for t in "يتنا"}
        return ahocorasick_rs.BytesAhoCorasick(sorted(k.encode(_CODEC) for k in keys),
                                               matchkind=ahocorasick_rs.MatchKind.Standard,
                                               implementation=ahocorasick_rs.Implementation.DFA)

    def tense_cue_starts(self, framed: bytes) -> list:
        """The offsets where a tense cue may begin, in order (``framed``: the framed word bytes)."""
        return sorted({x for _, x, _ in self._tense_ac.find_matches_as_indexes(framed, overlapping=True)})

    def tense_matches(self, norm: str, a: int, b: int, starts: list):
        """The matches ``self._tense_rx.finditer(norm, a, b)`` gives, tried only where a cue can
        begin (``starts``), not at every character; but a word that ``b`` cuts is not a cue."""
        rx = self._tense_rx.match
        i, n, last = bisect_left(starts, a), len(starts), -1
        while i < n and starts[i] < b:
            x = starts[i]
            i += 1
            if x < last:
                continue
            m = rx(norm, x, b)
            if m is not None:
                last = m.end()
                yield m

    def tense_at(self, norm: str, s: int, e: int, starts: Optional[list] = None,
                 present: bool = False) -> Optional[str]:
        """The tense of the clause around [s, e): the nearest cue in the same sentence, or None.
        ``starts``: :meth:`tense_cue_starts` of the text, when the caller has it.  With no cue before
        the expression, an imperfect that opens its clause makes it "present" (the clause's own verb
        outranks a cue after it); with no cue at all that is looked for only if ``present`` is asked
        (a weekday's reading depends on it; a month or a day is the nearest one either way)."""
        if starts is None:
            starts = self.tense_cue_starts(b" " + word_bytes(norm) + b" ")
        rf, fd = norm.rfind, norm.find
        lo = max(0, s - _SENTENCE_WINDOW)               # bounded: a line of 10 MB stays linear
        a = max(lo - 1, rf(".", lo, s), rf("\n", lo, s), rf("؟", lo, s), rf("؛", lo, s), rf("!", lo, s),
                rf("?", lo, s)) + 1
        b = min(len(norm), e + _SENTENCE_WINDOW)
        for c in _BOUNDARY:
            x = fd(c, e, b)
            if x >= 0:
                b = x
        best, best_d, before = None, None, False
        near = None                        # the nearest cue before, in the expression's own clause
        framed = False                     # the last cue before is a future one a little farther, in its clause
        scheduled = False                  # an imperfect of scheduling next to it, in its clause
        for m in self.tense_matches(norm, a, b, starts):
            if m.start() < e and m.end() > s:
                continue
            if m.start() >= e and _RELATIVE.search(norm, e + 2, m.start()) and not _RELATIVE.match(norm, e + 1):
                continue                 # «… في حزيران في علامة على الطلب الذي يتوقع أن يدعم»: a cue of a
                                         # relative clause after it tells of a noun, not of the date's clause
                                         # (unless of the date's own noun: «مباراة الأربعاء التي ستجمع»)
            if m.start() >= e and _complement_after_punct(norm, e, m.start()):
                continue                 # «… وخطف في 22 تموز في القاهرة، مؤكدا انه سينفذ تهديده»: a cue
                                         # after a clause mark and a complementizer tells of what is reported
            if m.group("w"):
                w = " ".join(m.group("w").split())
                t = self.lex.tense_words[w]
                if w in _FRAME_BEFORE and (m.end() > s or not _IMPERFECT_NEXT.match(norm, m.end())):
                    continue
                if t == "past" and m.start() >= e and _ATTRIBUTION.search(norm, max(e, m.start() - 16), m.start()):
                    continue             # «ومن المقرر أن تستأنف المحكمة النظر في القضية الأحد، بحسب ما أفادت
                                         # مصادر»: the source's verb after it, not the clause's tense
                if t == "past" and m.end() <= s and _has_complementizer(norm, m.end(), s):
                    continue             # «وقالت إن… تريد شحن الكميات في نوفمبر»: a past verb that reports
                                         # does not give the tense of what it reports (a future frame
                                         # does: «من المقرر أن يصل … السبت»)
                if w.startswith(_MIN) and self._after_comparative(norm, m.start("w")):
                    continue             # «تراجعت الصادرات أكثر من المتوقع في حزيران»: than expected
                if t == "past" and w in self.lex.verbal_nouns["form"] and self._verbal_noun(norm, m.start("w")):
                    continue             # «يتوقع رفع أسعار الفائدة في أيلول»: the raising, not «raised»
            else:
                word = m.group("p")
                if word in self.lex.future_exceptions:
                    continue
                t = "future"
            d = s - m.end() if m.end() <= s else 2 * (m.start() - e)   # cues before weigh more
            if t == "present":
                # an imperfect of scheduling («تنطلق», «يلتقي», «تقام»): only in the expression's own
                # clause, just before it or right after it, and only when no past or future cue says
                # otherwise («وتنطلق الأحد امتحانات», «إن الشحنة الأولى من الحافلات تصل الجمعة»)
                lo_, hi_ = (m.end(), s) if m.end() <= s else (e, m.start())
                if d <= _OWN_CLAUSE and not _breaks_clause(norm[lo_:hi_]):
                    scheduled = True
                    if m.end() <= s and near != "future" and best != "future":
                        near = "present"     # the clause's own verb, before it, outranks a verb after it
                continue
            if m.end() <= s:             # (in text order: the last one is the nearest)
                own = d <= _OWN_CLAUSE and not _breaks_clause(norm[m.end():s])
                near = t if own and (not m.group("w") or w not in _NOT_A_VERB) else None
                framed = (t == "future" and d <= 2 * _OWN_CLAUSE and not _breaks_clause(norm[m.end():s])
                          and (not m.group("w") or w not in _NOUN_CUES))
            if best_d is None or d < best_d:
                best, best_d = t, d
            before = before or m.end() <= s
        if near == "present" and best == "future":
            return "future"              # a future cue anywhere in the sentence outranks a scheduling word
        if near is None and framed:
            return "future"              # «من المقرر أن يصل الرئيس … إلى الرياض السبت في أول جولة منذ توليه»:
                                         # the frame of its own clause outranks a cue after it
        if near is not None:
            # «الاتفاق الذي تم التوصل إليه في 14 يوليو سيلقي …»: the verb of the expression's own clause,
            # just before it, outranks a verb after it (the next clause's)
            return near
        if not before and (present or best is not None):
            # no cue: the clause's own verb, if it is an imperfect at the clause's start («يزور الوزير
            # القاهرة الأحد»): news tells what is coming in the present tense
            if self._clause_imperfect(norm, max(a, s - 200), s, e):
                return "present"             # (before a cue that only follows: «أن قيوداً يمكن أن تفرض في
                                             # 16 أيلول في حال لم تتغير»)
        return "present" if best is None and scheduled else best

    def _after_comparative(self, norm: str, x: int) -> bool:
        """Whether the word before ``x`` is a comparative («أكثر», «بأقل»), maybe with an intensifier
        between («أقل بكثير»): then «من» is «than» («أكثر من المتوقع»), no frame of the future."""
        words = norm[max(0, x - 30):x].split()
        if words and words[-1] in self.lex.intensifiers:
            words.pop()
        if not words:
            return False
        w = words[-1]
        return w in self.lex.comparatives or (w[:1] in "بو" and w[1:] in self.lex.comparatives)

    def _clause_imperfect(self, norm: str, lo: int, s: int, e: Optional[int] = None) -> bool:
        """Whether a third-person imperfect opens the clause before ``s`` (from ``lo``): at the clause's
        start, glued to «و», or after «إن/أن» and its subject.  An expression set off by commas (ending
        at ``e``: «تستأنف المحكمة، الأربعاء، جلسات…») belongs to the clause before the first.  Each
        form is looked for by its first letters, so that a text is not scanned character by
        character with the whole alternation."""
        end = min(len(norm), s + 1)                  # (the look-ahead sees the expression's first letter)
        ok = self.lex.imperfect_exceptions
        fut = self.lex.future_exceptions

        def verb_at(rx, x):
            m = rx.match(norm, x, end)
            if m is None or m.end() > s or m.group("v") in fut:
                return False
            # a verb whose form is also a name («يحيي», «يحيى» folded) is the verb before a plural
            # subject of a people («يحيي التونسيون الأربعاء»), which no name has after it
            return m.group("v") not in ok or _PEOPLE_AFTER.match(norm, m.end()) is not None

        # the clause's start: just after its last boundary (or the window's start)
        rf = norm.rfind
        b = max(rf(c, lo, s) for c in _CLAUSE_MARKS)
        while b > lo and norm[b] == ":" and norm[b - 1].isdigit() and b + 1 < len(norm) and norm[b + 1].isdigit():
            # the colon of a clock time («في تمام الساعة 10:00 من صباح الأربعاء») ends no clause
            b = max(rf(c, lo, b) for c in _CLAUSE_MARKS)
        if b > lo and e is not None and norm[b] in "،," and not norm[b + 1:s].strip() and _COMMA_NEXT.match(norm, e):
            b = max(rf(c, lo, b) for c in _CLAUSE_MARKS)     # «…، الأربعاء، …»: a day set off by commas
        if verb_at(self._imperfect_at_start, b + 1 if b >= 0 else lo):
            return True
        for key, rx in ((" و", self._imperfect_after_wa), (" ان ", _IMPERFECT_AFTER_AN), (" بان ", _IMPERFECT_AFTER_AN),
                        (" لان ", _IMPERFECT_AFTER_AN)):
            x = norm.find(key, lo, s)
            while x >= 0:
                if verb_at(rx, x + 1):
                    return True
                x = norm.find(key, x + 1, s)
        for m in _IMPERFECT_AFTER_WHEN.finditer(norm, lo, end):      # «(عندما يتواجه», «وحين يلتقي»
            if m.end() <= s and m.group("v") not in ok and m.group("v") not in fut:
                return True
        return False

    # --- the whole pass -------------------------------------------------------------------------
    def tag(self, text: str, anchor: Optional[_dt.date]) -> list[Timex]:
        nz = normalize(text)
        norm = nz.text
        lam = self._lam_view(norm) if "لل" in norm else norm   # «للعام الماضي»: «لل» read «ال»
        lam = self._ta_view(lam)             # «الساعه العاشرة»: its «ه» read «ة»
        if lam is not norm:                  # a view of the same length: the offsets stay
            norm = lam
            framed = b" " + word_bytes(norm) + b" "
        else:
            framed = b" " + nz.word_bytes() + b" "
        found = self.match(norm, nz, framed)
        span = nz.span if nz._norm_breaks or len(norm) != len(text) else None   # None: the same offsets
        found = _without_lookalikes(found, norm, text, span)
        starts = None
        listed = False
        resolved: list[Resolved] = []
        cache = self._resolutions
        needs = self._needs_tense
        for f in found:
            p = f.partial
            if FLAG_NARRATIVE in p.flags:        # dated from the date said before: _link_narrative
                # («الفترة نفسها من العام الماضي» with no span said before it: last year itself)
                # («نفس الفترة من عام 2014» with none: that year itself)
                resolved.append(self._resolve(_LAST_YEAR, False, anchor, None) if p.year_shift == -1
                                else self._resolve(Partial("date", year=p.year, explicit_year=True), False, anchor, None)
                                if p.year is not None else _NARRATIVE_PENDING)
                continue
            if FLAG_LISTED in p.flags:           # dated by the day-month after it: _link_listed
                resolved.append(_LISTED_PENDING)
                listed = True
                continue
            key = (f.rule.index, f.key)
            need = needs.get(key)
            if need is None:
                if len(needs) > _CACHE_LIMIT:
                    needs.clear()
                need = needs[key] = needs_tense(p)
            if need:
                if starts is None:
                    starts = self.tense_cue_starts(framed)
                tense = self.tense_at(norm, f.start, f.end, starts,
                                      present=p.kind == "holiday" or
                                      (p.weekday is not None and p.month is None and p.day is None))
            else:
                tense = None
            # (a stretch next to the anchor, «الأيام الماضية من دعم», is no count from another event)
            related = (p.offset is not None or p.approx is not None and p.approx[2] > 0) and \
                self._related(norm, f.start, f.end)
            # resolution is a pure function of these, so it is memoised on them
            key = (f.rule.index, f.key, related, anchor, tense)
            res = cache.get(key)
            if res is None:
                if len(cache) > _CACHE_LIMIT:
                    cache.clear()
                res = cache[key] = self._resolve(p, related, anchor, tense)
            resolved.append(res)
        self._link_nowadays(norm, found, resolved, anchor)
        self._link_country(norm, found, resolved, anchor, framed)
        self._link_church(norm, found, resolved, anchor, framed)
        self._link_mowafiq(norm, found, resolved)
        self._link_apposition(norm, found, resolved)
        self._link_weekday_day(norm, found, resolved)
        self._link_weekday_list(norm, found, resolved, anchor)
        self._link_event(norm, found, resolved)
        self._link_year_before(found, resolved)
        self._split_years_listed(norm, found, resolved, anchor)
        self._link_corrected_day(norm, found, resolved, anchor)
        if "عشر" in norm:
            self._link_tens(norm, found, resolved)
        if self._link_narrative(norm, found, resolved, text, span, framed, anchor):
            self._link_weekday_day(norm, found, resolved)    # «يوم الخميس 27 من الشهر نفسه»: now dated
        self._link_earlier_in(norm, found, resolved)
        if "من" in norm or "بين" in norm:
            self._link_numeric_range(norm, found, resolved, anchor)
            self._link_from_to(norm, found, resolved)
        self._link_previous(norm, found, resolved, text, span)
        self._link_after(norm, found, resolved, text, span, anchor, framed)
        self._link_weekday_again(norm, found, resolved, anchor)
        self._link_clock(norm, found, resolved)
        if listed:
            self._link_listed(norm, found, resolved, anchor)
        out: list[Timex] = []
        tails = self._tails
        make = _TIMEX_NEW
        for f, res in zip(found, resolved):
            s, e = span(f.start, f.end) if span is not None else (f.start, f.end)
            # the fields after the offsets, built once per resolution and rule
            tail = tails.get((id(res), f.rule.index))
            if tail is None or tail[0] is not res:
                if len(tails) > _CACHE_LIMIT:
                    tails.clear()
                tail = tails[(id(res), f.rule.index)] = (res, (
                    res.type, res.value, res.mod, res.first_day, res.last_day, res.grain, res.calendar,
                    self.rule_names[f.rule.index], res.flags, res.status, res.reason, res.tense, res.anchored_to))
            out.append(make(Timex, (text[s:e], s, e) + tail[1]))
        return out

    @staticmethod
    def _link_from_to(norm: str, found, resolved) -> None:
        """«منذ مطلع العام وحتى نهاية سبتمبر», «من اليوم حتى السبت», «من أمس إلى اليوم»: two dates after
        «من/منذ» and joined by «إلى/حتى» (or «بين … و») are one stretch, from the first day of the first
        to the last day of the second (a bare weekday at the end is the first such day after the start);
        not when the end comes before the start, nor for clock times, durations or what is not dated."""
        ends = {}
        for i in range(len(found) - 1):
            f, g = found[i], found[i + 1]
            if i in ends or f.partial.kind in _NOT_SPANS or g.partial.kind in _NOT_SPANS:
                continue
            m = _FROM_BEFORE.search(norm, max(0, f.start - 8), f.start)
            if m is None or not (_TO_GAP if m.group(1) != "بين" else _AND_GAP).fullmatch(norm, f.end, g.start):
                continue
            r1, r2 = resolved[i], resolved[i + 1]
            if r1.type != "DATE" or r2.type != "DATE" or r1.first_day is None or r2.first_day is None or \
                    FLAG_NARRATIVE in r2.flags or "relative_to_event" in r1.flags + r2.flags:
                continue
            p, q = f.partial, g.partial
            if _bare_weekday(p) and _bare_weekday(q):
                continue                       # «من السبت حتى الأربعاء»: a week's schedule, no dated span
            if p.year is None and p.month is not None and p.calendar == "gregorian" and p.rel_day is None and \
                    p.direction is None and p.year_shift is None and p.period is None and q.explicit_year and \
                    q.month is not None and q.calendar == "gregorian" and r2.calendar == "gregorian":
                # «من 14 حزيران إلى 15 تموز 2018»: the year written once, at the end, is the start's too
                y = r2.first_day.year - (1 if p.month > q.month else 0)
                start = resolve(p.replace(year=y, explicit_year=True), r2.first_day)
                if start.first_day is None:
                    continue
                r1 = start
            if q.weekday is not None and q.direction is None and q.day is None and q.month is None and \
                    r2.last_day < r1.first_day:
                k = (q.weekday - r1.first_day.weekday()) % 7 or 7     # «من اليوم حتى السبت»: the Saturday after
                d = r1.first_day + _dt.timedelta(days=k)
                r2 = r2._replace(value=d.isoformat(), first_day=d, last_day=d, flags=(), tense=None)
            if r2.last_day < r1.first_day or (r1.first_day, r1.last_day) == (r2.first_day, r2.last_day):
                continue                       # («من السبت 25 تموز وحتى السبت التالي»: not one day)
            same = r1.grain == r2.grain and r1.mod is None and r2.mod is None and "/" not in r1.value + r2.value
            if same and r1.grain in ("day", "month", "year"):
                value = f"{r1.value}/{r2.value}"
            else:
                value = f"{r1.first_day.isoformat()}/{r2.last_day.isoformat()}"
            resolved[i] = Resolved("DATE", value, first_day=r1.first_day, last_day=r2.last_day,
                                   grain=r1.grain if same else "day", calendar=r1.calendar)
            found[i] = _Found(m.start(), f.end, f.rule, f.partial, f.key)
            ends[i] = (i + 1, g.end)
        _join_found(found, resolved, ends)

    def _link_numeric_range(self, norm: str, found, resolved, anchor) -> None:
        """«خلال الفترة من 1 حتى 26 / 11 / 1436 هـ», «من 8 إلى 29/11/1433»: a day number before a numeric
        date, after «من/بين» and «إلى/حتى/-/و», is the first day of a range in that date's month, one
        expression (the days between; nothing else stands between the two)."""
        for i, f in enumerate(found):
            p = f.partial
            if f.rule.index not in self._numeric_dates or p.day is None or p.month is None or p.year is None:
                continue
            m = _RANGE_START_BEFORE.search(norm, max(0, f.start - 24), f.start)
            if m is None or (i and found[i - 1].end > m.start()):
                continue
            d1 = int(m.group(1))
            if not 1 <= d1 < p.day:
                continue
            q = Partial("range", year=p.year, month=p.month, day=d1, calendar=p.calendar, explicit_year=True,
                        end=p)
            r = resolve(q, anchor) if anchor is not None else None
            if r is None or r.value is None:
                continue
            found[i] = _Found(m.start(), f.end, self._range_days_rule, q, norm[m.start():f.end])
            resolved[i] = r

    @staticmethod
    def _link_earlier_in(norm: str, found, resolved) -> None:
        """«في وقت سابق من هذا الشهر», «في وقت لاحق من العام الجاري», «في وقت لاحق من ذلك العام»: earlier
        or later in a period said right after it is that period, one expression (the period's reading);
        «في وقت سابق من التعاملات» stays PAST_REF, as no date follows."""
        ends = {}
        for i in range(len(found) - 1):
            f, g = found[i], found[i + 1]
            p = f.partial
            if p.kind != "vague" or p.vague not in ("PAST_REF", "FUTURE_REF") or i in ends or \
                    "وقت" not in norm[f.start:f.end] or not _OF_PERIOD_GAP.fullmatch(norm, f.end, g.start):
                continue
            r = resolved[i + 1]
            if r.value is None or r.grain not in _PERIOD_GRAINS or r.mod is not None:
                continue
            found[i] = _Found(f.start, f.end, g.rule, g.partial, g.key)
            resolved[i] = r
            ends[i] = (i + 1, g.end)
        _join_found(found, resolved, ends)

    def _link_tens(self, norm: str, found, resolved) -> None:
        """«العشر الأواخر من رمضان», «الأيام العشرة الأولى من أغسطس»: ten days said as such are those
        days, an interval (days 21 to the month's end), where «أواخر رمضان» is the month with END
        (``parts.tsv``, column ``exact``)."""
        forms = self._tens_forms
        for i, f in enumerate(found):
            r = resolved[i]
            if r.mod in _TENS_MODS and r.grain == "month" and r.first_day is not None and \
                    norm.startswith(forms, f.start):
                resolved[i] = r._replace(value=f"{r.first_day.isoformat()}/{r.last_day.isoformat()}", mod=None,
                                         grain="day")

    def _related(self, norm: str, s: int, e: int) -> bool:
        """A count followed by «من/على X» is counted from X («قبل ثلاثة أيام من الانتخابات», «بعد مرور
        عام على»), unless the «على» is another word's: «على يد/أيدي» (at the hands of), or a verb or
        noun of the clause before the count that takes «على» (``ala_governors.tsv``: «حصلت قبل شهرين على
        رخصة», «موافقة الدول قبل عامين على تخصيص»); or the «من» another word's: a place after it
        (``from_places.tsv``), or a verb or noun before the count that takes «من» (``min_governors.tsv``:
        «وُلدت قبل 48 سنة من عائلة ميسورة», «حذر قبل أيام من مخاطر»)."""
        m = _RELATION_AFTER.match(norm, e)
        if m is None:
            return False
        if not norm.startswith("علي", m.end() - 4):
            nxt = _RIGHT_WORD.match(norm, m.end() - 1, m.end() + 30)
            if nxt and nxt.group(1) in self.lex.from_places:   # («من أمام منزله»: a place)
                return False
            gov = self.lex.min_governors                         # («عانت قبل سنوات من أزمة صحية»)
            words = _clause_words_before(norm, s, 60)
            # (the verb's own «من» said before the count: «عانى الفيفا من فوضى قبل يومين من الانتخابات»,
            # «تمكن المهاجم من تسجيل هدف بعد ثلاث دقائق من انطلاق المباراة» stay counted)
            for w in reversed(words):
                if w == "من":
                    return True
                if _glued(w, gov):
                    return False
            return True
        if _AT_HANDS.match(norm, m.end()):
            return False
        gov = self.lex.ala_governors
        words = _clause_words_before(norm, s, 60)
        return not any(_glued(w, gov) or w[:2] == "ال" and w[2:] in gov for w in words)

    @staticmethod
    def _resolve(p: Partial, related: bool, anchor, tense) -> Resolved:
        if related:
            # «قبل ثلاثة أيام من الانتخابات»: counted from another event, not from the anchor
            if p.approx is not None:
                return resolve(Partial("duration", amount="X", unit=p.approx[1], flags=("relative_to_event",)),
                               anchor or _dt.date.min)
            amount, grain = p.offset
            more = tuple((abs(a), g) for a, g in p.offset_more)      # «قبل عام وثلاثة أشهر من …»
            return resolve(Partial("duration", amount=abs(amount), unit=grain, mod=p.mod, offset_more=more,
                                   flags=("relative_to_event",)), anchor or _dt.date.min)
        if anchor is None:
            if _anchor_free(p):
                return resolve(p, _dt.date(2000, 1, 1), tense)
            return Resolved("DATE", None, reason=NO_ANCHOR, calendar=p.calendar)
        return resolve(p, anchor, tense)

    def _split_years_listed(self, norm, found, resolved, anchor):
        """«خسر مرتين عامي 1966 و1976», «كأس العالم عامي 2018 و2022»: two years of a dual listed with «و»
        (``FLAG_YEARS_LISTED``) are two dates, each its own expression; after «بين» they are the span
        between («بين عامي 2004 و2012»)."""
        for i in range(len(found) - 1, -1, -1):
            f = found[i]
            if FLAG_YEARS_LISTED not in f.partial.flags:
                continue
            flags = tuple(x for x in resolved[i].flags if x != FLAG_YEARS_LISTED)
            years = [m.span() for m in _DIGITS.finditer(norm, f.start, f.end)]
            if norm.startswith("بين", f.start) or len(years) != 2:
                resolved[i] = resolved[i]._replace(flags=flags)
                continue
            (a, b), (c, d) = years
            parts = []
            for s, e, y in ((f.start, b, norm[a:b]), (c, f.end, norm[c:d])):   # «عامي 1966» and «1976»
                q = Partial("date", year=int(y), explicit_year=True)
                parts.append((_Found(s, e, self._year_rule, q, norm[s:e]), self._resolve(q, False, anchor, None)))
            found[i:i + 1] = [x for x, _ in parts]
            resolved[i:i + 1] = [r for _, r in parts]

    def _link_corrected_day(self, norm, found, resolved, anchor):
        """«منعت حتى اليوم (أمس) بسبب القتال», «استشهد عدد من المواطنين فجر اليوم (أمس السبت)»: a
        relative day quoted from the day before, and the paper's own in parentheses after it, are one
        expression of the paper's day, with the part of the day said first (as a quoted «اليوم» after
        a relative day is: :meth:`_quoted`); so is an agency's «في وقت سابق اليوم (أمس)» (earlier that
        day: the paper's yesterday)."""
        i = len(found) - 2
        while i >= 0:
            a, b = found[i], found[i + 1]
            if a.rule.index in self._quoted_days and b.rule.index == self._relative_day and \
                    _PAREN_OPEN.fullmatch(norm, a.end, b.start):
                close = _PAREN_CLOSE.match(norm, b.end)
                if close:
                    q, r = b.partial, resolved[i + 1]
                    if a.partial.time_of_day is not None and q.time_of_day is None and anchor is not None:
                        q = q.replace(time_of_day=a.partial.time_of_day)      # «فجر اليوم (أمس)»
                        r = self._resolve(q, False, anchor, None)
                    found[i:i + 2] = [_Found(a.start, close.end(), b.rule, q, b.key)]
                    resolved[i:i + 2] = [r]
            i -= 1

    def _link_nowadays(self, norm, found, resolved, anchor):
        """«اليوم» alone is «nowadays» (PRESENT_REF, as the rule ``today_nowadays`` reads it) rather than
        the publication day where the text sets it against the past (``nowadays_cues.tsv``): a verb of
        becoming one or two words before it («أصبح رمضان اليوم محطة للنوم»), or just after it when it
        opens its clause («اليوم، أصبح عددهم كبيراً»), «لم يعد» right after it («الصحافة اليوم لم تعد كما
        كانت»), a noun of all people just before it («العالم اليوم يواجه», «وعي الناس اليوم»; not «أنظار
        العالم اليوم»), or a comparison with the past anywhere in its sentence («أكثر من أي وقت مضى», «في
        الماضي»).  «نحن اليوم», «هناك اليوم» alone stay the publication day."""
        for i, f in enumerate(found):
            p = f.partial
            if f.rule.index != self._relative_day or p.rel_day != 0 or p.weekday is not None or \
                    p.time_of_day is not None or f.end - f.start != 5 or norm[f.start:f.end] != "اليوم":
                continue
            if self._nowadays(norm, f.start, f.end) or self._since_long_ago(norm, found, resolved, i, anchor):
                q = Partial("vague", vague="PRESENT_REF")
                found[i] = _Found(f.start, f.end, self._nowadays_rule, q, f.key)
                resolved[i] = self._resolve(q, False, anchor, None)

    @staticmethod
    def _since_long_ago(norm: str, found, resolved, i: int, anchor) -> bool:
        """«منذ عام 2012 وحتى اليوم», «من السبعينات إلى اليوم», «منذ بداية القرن العشرين وحتى اليوم»: a
        stretch from a year, a decade or a century, or from a day more than a year before the anchor, up
        to «اليوم» runs to our time (PRESENT_REF); from a day or a month of this year («منذ يوم أمس حتى
        اليوم», «منذ بداية الشهر الجاري حتى اليوم») it ends on the publication day."""
        if i == 0 or anchor is None:
            return False
        gap = norm[found[i - 1].end:found[i].start].split()
        if len(gap) != 1 or not _glued(gap[0], _UNTIL):
            return False
        r = resolved[i - 1]
        if r is None or r.first_day is None:
            return False
        return r.grain in _LONG_GRAINS or (anchor - r.last_day).days > 366

    def _nowadays(self, norm: str, s: int, e: int) -> bool:
        before = _clause_words_before(norm, s, 80)
        if any(_glued(w, self._now_before) for w in before[-2:]):
            return True
        if before and _glued(before[-1], _UNTIL) and self._lasting(before[:-1]):
            return True                           # «لا يزال … إلى اليوم», «لم تنشر حتى اليوم»: to this day
        if before and _glued(before[-1], self._now_subject) and not (
                len(before) > 1 and _glued(before[-2], self._now_not_subject)):
            return True                           # «العالم اليوم أصبح», «وعي الناس اليوم»: our time
        if self._subject_first(norm, s, e, before):
            return True                           # «إن العالم اليوم يواجه», «فالهند اليوم تحتل»: our time
        opens = not before or before[-1] in ("و", "ف")            # «اليوم» opens its clause
        x = e
        while x < len(norm) and norm[x] in " \t،,":
            x += 1
        after = norm[x:x + 60]
        cut = min((k for k in (after.find(c) for c in _CLAUSE_MARKS) if k >= 0), default=len(after))
        words = after[:cut].split()[:3]
        if not opens and " ".join(words[:2]) in self._now_after and words[0] == "لم":
            return True                           # «الصحافة اليوم لم تعد كما كانت»: no longer
        for k in range(len(words) if opens else 0):
            w = words[k][1:] if words[k][:1] in "وف" else words[k]
            if w in self._now_after or " ".join(words[k:k + 2]) in self._now_after:
                return True
        lo, hi = max(0, s - _SENTENCE_WINDOW), e + _SENTENCE_WINDOW
        if not any(norm.find(k, lo, hi) >= 0 for k in self._now_keys):
            return False                          # (most: no cue near it at all; a search in C)
        rx = self._now_sentence
        a, z = _sentence_of(norm, s, e)
        return rx.search(norm, a, z) is not None

    def _subject_first(self, norm: str, s: int, e: int, before: list) -> bool:
        """Whether «اليوم» stands between a subject said first and its predicate, as in a nominal
        sentence: a definite noun (and a definite adjective) that opens a sentence («. الأسد اليوم في أسوأ
        الحالات», «فالهند اليوم تحتل»), or that follows a particle that puts the subject first
        (``nowadays_cues.tsv``, place ``opener``: «إن العالم اليوم يواجه», «لأن العالم اليوم أصبح»).  A
        report dates its happening after the verb («أغلق المؤشر اليوم»); this order tells of our time.
        Not before a future («إن الفريق اليوم سيواجه»), nor after a subject glued to «و» (a list)."""
        n = len(before)
        if not n:
            return False
        rest = before[:-2] if n > 1 and before[-1].startswith("ال") and before[-2].startswith(("ال", "فال")) else before[:-1]
        subject = before[len(rest):]
        if not (subject[0].startswith("ال") or subject[0].startswith("فال")) or subject[0] in _NOT_SUBJECTS:
            return False
        if rest:
            if rest[-1] not in self._now_opener or subject[0].startswith("ف"):
                return False
        else:
            b = _clause_mark(norm, s, 80)
            if b < 0 and s > 80 or b >= 0 and norm[b] not in _SENTENCE_OPENS:
                return False
        x = e + 1 if norm[e:e + 1] == " " else e
        m = self._tense_rx.match(norm, x)          # a future right after it: the day of a thing to come
        return m is None or m.start() != x or not (
            m.group("p") or m.group("w") and self.lex.tense_words[" ".join(m.group("w").split())] == "future")

    def _verbal_noun(self, norm: str, at: int) -> bool:
        """Whether the perfect form at ``at`` («رفع») is the verbal noun: it is the verb when it opens
        its clause, is glued to «و/ف» («ورفع البنك»), or follows a particle of verbs («قد», «كما»,
        «عندما»: ``verbal_nouns.tsv``, place ``opener``); after any other word («يتوقع المحللون رفع»,
        «احتمالات رفع», «بعد نشر») it is the noun."""
        if norm[at - 1:at] not in " \t":
            return False
        before = _clause_words_before(norm, at, 40)
        if not before:
            return False
        return not _glued(before[-1], self.lex.verbal_nouns["opener"])

    def _lasting(self, words: list) -> bool:
        """A state that lasts, or a thing not yet done, in these words of the clause (``nowadays_cues.tsv``,
        place ``until``): «لا يزال», «ما زالت», «بقي», «لم» («منذ يوم أمس حتى اليوم» has none)."""
        cues = self._now_until
        return any(_glued(w, cues) or (k + 1 < len(words) and (
            f"{w} {words[k + 1]}" in cues or w[:1] in "وف" and f"{w[1:]} {words[k + 1]}" in cues))
                   for k, w in enumerate(words))

    @staticmethod
    def _link_listed(norm, found, resolved, anchor):
        """«في 14 و17 أغسطس»: the day listed first (rule ``day_listed``) is of the month and year the
        Gregorian day-month right after it resolved to; with none, it stays unresolved, with that reason."""
        for i, f in enumerate(found):
            if resolved[i] is not _LISTED_PENDING:
                continue
            j = i + 1
            r = resolved[j] if j < len(found) else None
            if r is None or not _LISTED_GAP.fullmatch(norm, f.end, found[j].start) or r.first_day is None \
                    or r.calendar != "gregorian" or r.grain != "day":
                resolved[i] = _LISTED_PENDING._replace(flags=())
                continue
            d = r.first_day
            resolved[i] = resolve(Partial("date", year=d.year, month=d.month, day=f.partial.day, explicit_year=True,
                                          flags=(FLAG_LISTED,)), anchor or d)

    def _link_country(self, norm: str, found, resolved, anchor, framed) -> None:
        """«عيد الاستقلال» said alone («وتستعد وحدات الجيش اللبناني للعرض العسكري بمناسبة عيد الاستقلال»):
        the national day of the country named nearest it in its sentence (``national_days.tsv``: its
        name or adjective, maybe with a clitic: «بلبنان», «للجزائر»); none named, it stays unresolved.
        «اليوم الوطني» / «العيد الوطني» alone («مع اليوم الوطني لدولة قطر»): the same, from
        ``country_days.tsv`` (the day each country keeps as its national day, not its independence)."""
        tables = {"national": self.lex.national_days, "country": self.lex.country_days}
        drop: list = []
        for i, f in enumerate(found):
            p = f.partial
            if p.kind != "holiday" or p.calendar not in tables:
                continue
            days = tables[p.calendar]
            a, b = _sentence_around(norm, f.start, f.end)
            best = None
            after = 0
            for m in _WORD_RUN.finditer(norm, f.end if p.calendar == "country" else a, b):
                if f.start <= m.start() < f.end:
                    continue
                if p.calendar == "country":      # its own country, just after it: «اليوم الوطني لدولة قطر»
                    after += 1
                    if after > _COUNTRY_AFTER:
                        break
                day = _country_day(days, m.group())
                if day is None or (m.group().endswith(_KINGDOM) and _other_kingdom(norm, m.end())):
                    continue
                gap = f.start - m.end() if m.end() <= f.start else m.start() - f.end
                if best is None or gap < best[0]:
                    best = (gap, day)
            if best is None and p.calendar == "country":
                # none just after it: the one country named before it in its sentence («وكان عاهل
                # البحرين قد ألقى كلمة بمناسبة العيد الوطني»), when only one is
                # («المملكة» alone only after it: «سفارة المملكة المغربية لدى المملكة بمناسبة اليوم الوطني»)
                before = {_country_day(days, m.group()) for m in _WORD_RUN.finditer(norm, a, f.start)
                          if not m.group().endswith(_KINGDOM)} - {None}
                if len(before) == 1:
                    best = (0, before.pop())
            if best is None:
                if p.calendar == "country":
                    drop.append(i)               # «بمناسبة ذكرى اليوم الوطني لبلاده»: whose, it does not say
                continue
            month, day = best[1]
            q = p.replace(calendar="gregorian", month=month, day=day)
            resolved[i] = self._resolve_in_clause(norm, f, q, anchor, framed)
        if drop:
            gone = set(drop)
            found[:] = [f for k, f in enumerate(found) if k not in gone]
            resolved[:] = [r for k, r in enumerate(resolved) if k not in gone]

    def _resolve_in_clause(self, norm: str, f, q: Partial, anchor, framed) -> Resolved:
        """``q`` (what ``f``'s expression is read as once its sentence is known) resolved with its
        clause's tense, where it needs one."""
        tense = self.tense_at(norm, f.start, f.end, self.tense_cue_starts(framed), present=True) \
            if needs_tense(q) else None
        return self._resolve(q, False, anchor, tense)

    def _link_church(self, norm: str, found, resolved, anchor, framed) -> None:
        """Christmas or Easter with no church said after it («قداس عيد الميلاد المجيد»): the Eastern
        churches' (7 January, the Orthodox Easter) when its sentence names only Eastern ones
        (``church_cues.tsv``: «البابا تواضروس», «الأقباط», «الطوائف التي تتبع التقويم الشرقي»), the
        Gregorian feast otherwise."""
        cues = self.lex.church_cues
        for i, f in enumerate(found):
            p = f.partial
            if p.kind != "holiday" or not (p.calendar == "easter_western" or
                                           p.calendar == "gregorian" and (p.month, p.day) == (12, 25)):
                continue
            if _CHURCH_SAID.match(norm, f.end):
                continue                        # «… حسب التقويم الغربي»: said after it (the rule's)
            a, b = _sentence_around(norm, f.start, f.end)
            said = {cues.get(w) or cues.get(w[1:]) for w in (m.group() for m in _WORD_RUN.finditer(norm, a, b))}
            if "east" not in said or "west" in said:
                continue
            q = p.replace(calendar="julian" if p.calendar == "gregorian" else "easter_orthodox")
            resolved[i] = self._resolve_in_clause(norm, f, q, anchor, framed)

    @staticmethod
    def _link_mowafiq(norm, found, resolved):
        """«25 شوال 1436 هـ الموافق 10 أغسطس 2015 م»: both sides name one day.  A side written
        without its year takes the year that brings it nearest to its partner («28 شوال الموافق
        13 أغسطس الجاري»); sides that still disagree are both flagged."""
        for i in range(len(found) - 1):
            a, b = resolved[i], resolved[i + 1]
            # (a day with a part of the day, «مساء الأحد 9 شوال»: a TIME of that day)
            if not (a.grain in _ONE_DAY and b.grain in _ONE_DAY and a.value and b.value
                    and {a.calendar, b.calendar} == {"hijri", "gregorian"}):
                continue
            if not _MOWAFIQ.match(norm[found[i].end:found[i + 1].start]):
                continue
            try:
                Engine._link_pair(found, resolved, i)
            except (ValueError, OverflowError) as e:     # as in resolve(): that pair's reason, named
                why = f"{ARITHMETIC} ({type(e).__name__}: {e})"
                resolved[i], resolved[i + 1] = _unresolved(a, why), _unresolved(b, why)

    @staticmethod
    def _link_apposition(norm, found, resolved):
        """«غداً الاثنين 18 شوال», «أمس الأحد 2 أغسطس»: a day and month written right after a relative
        day, with no year, name that day: the year is the one that brings the date nearest to it (not
        the clause's tense, which dates the relative day already).  Where they name the same day they
        are one expression, the relative day's, over both («غداً الثلاثاء 31 ديسمبر», as «الأحد 2 أغسطس»
        is one); where they disagree (a paper dated a day late), two, each with its own reading."""
        joined = []
        for i in range(len(found) - 1):
            a, pb = resolved[i], found[i + 1].partial
            if found[i].partial.rel_day is None or a.grain not in _ONE_DAY or a.first_day is None or \
                    pb.kind != "date" or pb.day is None or pb.month is None or _year_said(pb) or \
                    pb.rel_day is not None or pb.offset is not None:
                continue
            if not _APPOSITION.match(norm, found[i].end, found[i + 1].start):
                continue
            best = _nearest_to(pb, a.first_day)
            if best is not None:
                resolved[i + 1] = best
                if best.first_day == a.first_day == best.last_day == a.last_day and pb.clock is None:
                    joined.append(i)
        ends = {}
        for i in joined:
            end = found[i + 1].end
            if "(" in norm[found[i].end:found[i + 1].start]:     # «اليوم السبت (أول أغسطس)»: its parenthesis too
                m = _CLOSING_PAREN.match(norm, end)
                if m:
                    end = m.end()
            ends[i] = (i + 1, end)
        _join_found(found, resolved, ends)

    def _link_weekday_day(self, norm, found, resolved):
        """«يوم الأحد غرة رجب 1447هـ», «الخميس أول أيام عيد الفطر»: a weekday right before a day said
        otherwise than by its number (which the date rules read with their weekday) is that day's,
        one expression, when the day falls on it; apart, each keeps its own reading."""
        ends = {}
        for i in range(len(found) - 1):
            f, g = found[i], found[i + 1]
            p = f.partial
            if f.rule.index != self._weekday_rule or p.weekday is None or i in ends or \
                    not _WEEKDAY_GAP.fullmatch(norm, f.end, g.start):
                continue
            r = resolved[i + 1]
            if r.first_day is None or r.first_day != r.last_day or r.first_day.weekday() != p.weekday or \
                    g.partial.weekday is not None or g.partial.clock is not None or r.type != "DATE":
                continue
            if p.time_of_day is not None:                # «مساء يوم الثلاثاء الموافق (5-10-1436 هـ)»: that evening
                d = r.first_day
                r = Resolved("TIME", f"{d.isoformat()}T{p.time_of_day}", first_day=d, last_day=d, grain="time",
                             calendar=r.calendar, flags=r.flags)
            found[i] = _Found(f.start, f.end, g.rule, g.partial, g.key)
            resolved[i] = r
            close = _CLOSE_PAREN.match(norm, g.end) if "(" in norm[f.end:g.start] else None
            ends[i] = (i + 1, close.end() if close else g.end)      # («… (25 شوال 1436هـ)»: its bracket too)
        _join_found(found, resolved, ends)

    def _link_weekday_list(self, norm, found, resolved, anchor):
        """«يومي الخميس والجمعة المقبلين», «الأحد والاثنين والثلاثاء الأسبوع ما بعد المقبل»: a bare weekday
        listed right before one that says its week or direction is the latest such weekday before that
        one's day (the days of one stretch), flagged ``listed_day``; apart, each keeps its own reading."""
        for i in range(len(found) - 2, -1, -1):
            f, g = found[i], found[i + 1]
            p, q = f.partial, g.partial
            if f.rule.index != self._weekday_rule or p.weekday is None or p.direction is not None or \
                    p.time_of_day is not None or not _WEEKDAY_LIST_GAP.fullmatch(norm, f.end, g.start):
                continue
            r = resolved[i + 1]
            if r.first_day is None or r.first_day != r.last_day or q.weekday is None or q.weekday == p.weekday:
                continue
            if not (q.direction is not None or g.rule.index == self._weekday_of_week or FLAG_LISTED in r.flags):
                continue
            d = r.first_day - _dt.timedelta(days=(q.weekday - p.weekday) % 7)
            resolved[i] = resolve(Partial("date", year=d.year, month=d.month, day=d.day, explicit_year=True,
                                          flags=(FLAG_LISTED,)), anchor or d)

    def _link_weekday_again(self, norm, found, resolved, anchor):
        """«… مباراة درع المجتمع غدا الأحد … ومباراة الأحد هي المواجهة رقم 14»: a bare weekday whose own
        clause gives no tense (read past by default, or nearest) is the day the same weekday named earlier
        in the document, within a week of the anchor and decided there (by «غدا», «أمس», «المقبل», a
        tense or a date: not by default); else, «البيانات التي تصدر هذا الأسبوع … وبيانات الوظائف يوم
        الجمعة», its day in the week said before it in its sentence.  Flagged ``weekday_said_before``;
        with neither, as before."""
        said: dict = {}
        week = None                                   # (end of the week expression, its first day)
        for i, f in enumerate(found):
            p, r = f.partial, resolved[i]
            if r.first_day is None:
                continue
            if r.grain == "week" and (r.last_day - r.first_day).days == 6:
                week = (f.end, r.first_day)
                continue
            if r.first_day != r.last_day or p.weekday is None:
                continue
            own = FLAG_DEFAULT_PAST in r.flags or FLAG_NEAR_ANCHOR in r.flags
            bare = f.rule.index == self._weekday_rule and p.direction is None and p.day is None and p.month is None
            if bare and (own or FLAG_TENSE_DECIDED in r.flags):
                d = said.get(p.weekday) if own else None
                if d is None and week is not None and not _SENTENCE_MARK.search(norm, week[0], f.start):
                    d = week[1] + _dt.timedelta(days=(p.weekday - week[1].weekday()) % 7)
                    if not own and (anchor is not None and (d > anchor) != (r.first_day > anchor) or
                                    len(norm[week[0]:f.start].split()) > _WEEK_NEAR):
                        d = None                  # (a tense that puts it on the other side of the anchor wins,
                                                  # and one of another clause: «مخزونات الأسبوع الماضي … التي
                                                  # جاءت أدنى من التوقعات يوم الأربعاء»)
                if d is not None and d != r.first_day:
                    r = resolved[i] = resolve(Partial("date", year=d.year, month=d.month, day=d.day, explicit_year=True,
                                                      time_of_day=p.time_of_day, flags=(FLAG_WEEKDAY_SAID,)), anchor)
                if own:
                    continue
            if not own and r.first_day is not None and r.first_day.weekday() == p.weekday and anchor is not None and \
                    abs((r.first_day - anchor).days) <= 7:
                said[p.weekday] = r.first_day

    @staticmethod
    def _link_event(norm, found, resolved):
        """«انفجار مرفأ بيروت في 4 آب»: a day or month written without its year just after a named
        event is the event's (not the article's year's), when it is of the event's month (if the
        table has one)."""
        for i in range(len(found) - 1):
            a = found[i].partial
            if FLAG_NAMED_EVENT not in a.flags or a.year is None:
                continue
            b = found[i + 1].partial
            if b.kind != "date" or b.calendar != "gregorian" or b.month is None or _year_said(b) or \
                    b.rel_day is not None or b.offset is not None:
                continue
            if a.month is not None and b.month != a.month:
                continue                   # («اعتداءات 11 سبتمبر 2001 (28 أيار/مايو)»: another date, in an aside)
            if not _EVENT_GAP.match(norm, found[i].end, found[i + 1].start):
                continue
            resolved[i + 1] = resolve(b.replace(year=a.year, explicit_year=True,
                                                flags=b.flags + (FLAG_NAMED_EVENT,)), _dt.date(a.year, 1, 1))

    @staticmethod
    def _nearest_before(found, resolved, i, fits, stop=None) -> Optional[int]:
        """The index of the nearest expression before ``found[i]`` that ``fits(j)``, looked for within
        a sentence window (and until ``stop(j)``, when given); None when there is none."""
        f = found[i]
        for j in range(i - 1, -1, -1):
            if f.start - found[j].end > _SENTENCE_WINDOW or (stop is not None and stop(j)):
                return None
            if fits(j):
                return j
        return None

    @staticmethod
    def _link_year_before(found, resolved):
        """«ففي 13 فبراير سنة 2011 … لكنه في 21 أكتوبر من العام نفسه»: a date «من العام نفسه/ذاته»
        is in the year of the nearest expression before it (within a sentence window) whose year the
        text fixes and that the Gregorian calendar dates; with none, it is unresolved (the anchor's
        year would be a guess)."""
        def fits(j):
            g, r = found[j].partial, resolved[j]
            if FLAG_YEAR_SAID_BEFORE in g.flags:
                return r.first_day is not None        # «… من العام نفسه … من العام ذاته»
            return g.kind in ("date", "range") and _year_said(g) and r.value and r.first_day is not None \
                and r.calendar == "gregorian" and r.grain not in ("decade", "century")

        for i, f in enumerate(found):
            p = f.partial
            if FLAG_YEAR_SAID_BEFORE not in p.flags:
                continue
            j = Engine._nearest_before(found, resolved, i, fits)
            if j is None:
                r = _unresolved(resolved[i], YEAR_NOT_SAID)
                resolved[i] = r._replace(flags=tuple(x for x in r.flags if x not in _TENSE_FLAGS), tense=None)
                continue
            year = resolved[j].first_day.year
            if p.kind == "range" and p.end is not None and p.end.year is None:   # «الأشهر الستة الأولى من العام نفسه»
                p = p.replace(end=p.end.replace(year=year, explicit_year=True))
            resolved[i] = resolve(p.replace(year=year, explicit_year=True), _dt.date(year, 1, 1))

    @staticmethod
    def _link_clock(norm, found, resolved):
        """«الموافق 25 أغسطس 2015م الساعة 12 ليلاً», «يوم الخميس 10/12/2015م قبل الساعة الثانية ظهراً»: a
        clock time with no day of its own is on the day said just before it in its sentence (no sentence
        mark between), or else just after it («علقت العمل من الساعة الثانية مساء بالتوقيت المحلي يوم
        الأحد»), else on the anchor's day."""
        def day_of(j):
            g, rj = found[j].partial, resolved[j]
            if rj.first_day is None or rj.first_day != rj.last_day or g.kind != "date" or g.clock is not None:
                return None
            return rj.first_day

        n = len(found)
        joined: dict = {}                                    # clock time -> the day right after it, one expression
        for i, f in enumerate(found):
            p = f.partial
            if p.clock is None or p.rel_day is not None or p.weekday is not None or resolved[i].value is None:
                continue
            day, after = None, None
            if i + 1 < n and norm[f.end:found[i + 1].start].strip() in ("من", ""):
                day = day_of(i + 1)                          # «الساعة العاشرة من صباح أمس», «الساعة 9:15 مساء الخميس 2 مايو»
                after = i + 1 if day is not None else None
            if day is None and i > 0 and f.start - found[i - 1].end <= 40 \
                    and not _SENTENCE_MARK.search(norm, found[i - 1].end, f.start):
                day = day_of(i - 1)
            j = i - 1                                        # further back in its clause, past a year or a span
            while day is None and j >= 0 and f.start - found[j].end <= _CLOCK_DAY_BEFORE \
                    and not _SENTENCE_MARK.search(norm, found[j].end, f.start) \
                    and len(_CLAUSE_MARK.findall(norm, found[j].end, f.start)) <= 1 \
                    and not _CLOCK_OTHER_CLAUSE.search(norm, found[j].end, f.start) \
                    and not _DAILY.search(norm, *_sentence_of(norm, f.start, f.end)):
                if found[j].partial.clock is not None or _is_day_span(resolved[j]):
                    break                                    # another time, a stretch of days
                day = day_of(j)                              # «سجلت أول أمس أدنى درجة منذ عامين، بلغت 3.2
                j -= 1                                       # درجة عند الساعة السادسة»
            if day is None and i + 1 < n and found[i + 1].start - f.end <= _CLOCK_DAY_AFTER \
                    and not _SENTENCE_MARK.search(norm, f.end, found[i + 1].start) \
                    and not _CLOCK_NOT_ITS_DAY.search(norm, f.end, found[i + 1].start):
                day = day_of(i + 1)                          # «من الساعة الثانية مساء بالتوقيت المحلي يوم الأحد»
            if day is not None:
                res = resolve(p, day)
                if res.value is not None:
                    resolved[i] = res
                    if after is not None:
                        joined[i] = after
            elif _DAILY.search(norm, *_sentence_of(norm, f.start, f.end)):
                # «بمعدل خمس ساعات يومياً تبدأ من الساعة الخامسة», «من الساعة الـ 12 ظهراً … خلال الفترة من
                # 15 يونيو»: the hour of a daily schedule, on no one day (not the publication day's)
                r = resolved[i]
                resolved[i] = r._replace(value="T" + r.value.split("T", 1)[1], first_day=None, last_day=None,
                                         flags=r.flags + (FLAG_DAILY,))
        # the clock time and its day are one expression, the time's, over both («الساعة الثامنة من مساء
        # اليوم» 20:00 of the anchor's day), as a TIMEX spans «at eight on the evening of today»
        _join_found(found, resolved, {i: (j, found[j].end) for i, j in joined.items()})

    @staticmethod
    def _narrative_base(norm, found, resolved, i, need, optional=False, spans=False) -> Optional[int]:
        """The index of the date ``found[i]`` (a narrative expression whose base must be of grain
        ``need`` or finer; None: any) is counted from: the nearest fitting date before it in its own
        sentence or the one before; None when there is none.  ``optional``: an offset that is counted
        from the anchor when no date is said before it («بعد ثلاثة أشهر»), for which the article's own
        day or period («اليوم», «هذا العام») is no other base.  ``spans``: a span of days or months
        («الأشهر الستة الأولى من هذا العام») is a base too."""
        f = found[i]
        rank = _GRAIN_RANK[need] if need is not None else len(GRAINS)
        marks = _sentence_marks(norm, found, i)
        strict = optional or f.partial.approx is not None

        def dated(j):
            g, r = found[j].partial, resolved[j]
            return (g.kind == "date" or spans and g.kind == "range") and r.value is not None and r.first_day is not None and \
                r.grain in _GRAIN_RANK and _GRAIN_RANK[r.grain] <= rank and g.approx is None and \
                "relative_to_event" not in r.flags

        def fits(j):
            # «صباح اليوم التالي، … صباح اليوم التالي» (a curfew's two zones): the same words again
            # are a parallel clause, not the day after the day after
            # (in one sentence; «وفي اليوم التالي … . وفي اليوم التالي …» is a succession)
            if FLAG_NARRATIVE in found[j].partial.flags and found[j].key == f.key and found[j].rule is f.rule \
                    and need is not None and marks(found[j].end) == 0:
                return False
            # «… في حزيران مقارنة بالشهر السابق. … مقارنة بالشهر السابق»: a base of comparison is
            # counted from the month reported, and dates nothing after it (each is that month's before)
            # (but a span said with its year is a time to say «then» of: «مقارنة بأرباح نفس الشهر من عام
            # 2014، والتي بلغت آنذاك»)
            if found[j].rule.name in _COMPARISON_BASES and not (need is None and found[j].partial.year is not None):
                return False
            # «استعراض العمليات خلال اليوم السابق وبرامج اليوم التالي»: the day before and the day after
            # one unsaid day, not the day after the day before
            if found[j].rule.name == "day_previous" and FLAG_NARRATIVE in f.partial.flags:
                return False
            # «يوم الخميس 12 من الشهر ذاته»: a weekday alone says no month (nor year) to count from
            g = found[j].partial
            if rank > _GRAIN_RANK["week"] and g.weekday is not None and g.month is None and g.day is None \
                    and g.rel_day is None and FLAG_NARRATIVE not in g.flags:
                return False
            # «الساعة الثامنة في اليوم ذاته»: a clock time with no day of its own fixes no day
            if g.clock is not None and g.rel_day is None and g.weekday is None:
                return False
            # «آنذاك», «حينها»: then, not now («اليوم», «هذا العام», «الشهر الجاري» are the article's)
            if (need is None or optional) and _of_the_present(found[j].partial):
                return False
            return dated(j)

        def stop(j):
            if marks(found[j].end) > _NARRATIVE_SENTENCES:
                return True
            # a count after a date that is not the nearest date said («وأعيد انتخابه في مايو الماضي لكنه
            # بعد ذلك بأيام», «… اليوم، وبعد ثلاثة أشهر»): that nearer date is what it follows
            if strict and _plain_date(found[j].partial, resolved[j]) and not fits(j):
                return True
            # the nearest date is Hijri: it gives no Gregorian week, month or year to count from (and
            # a farther Gregorian one is not what the text counts from)
            # (a day of «الشهر نفسه» after a Hijri date is of that Hijri month: _link_narrative)
            return need not in (None, "day") and resolved[j].calendar != "gregorian" and dated(j) \
                and not (_day_of_same_month(f.partial) and resolved[j].calendar == "hijri")

        return Engine._nearest_before(found, resolved, i, fits, stop)

    def _link_narrative(self, norm, found, resolved, text, span, framed, anchor):
        """«وفي 12 مارس 2015 اندلعت الاشتباكات، وفي اليوم التالي …» 2015-03-13: an expression of
        ``FLAG_NARRATIVE`` is resolved against the nearest date before it (the same mechanism as
        «من العام نفسه») of a grain as fine as its own («اليوم التالي» a day; «الشهر التالي» a month
        or finer; «حينها» any: that date itself), in its own sentence or the one before; with none,
        it is unresolved (the publication date would be a guess), except in a clause of the past: some
        past time («التي كانت حينها أفضل الحلول», «وفي اليوم التالي عاد» PAST_REF).  ``anchored_to``
        (and so ``why``) names that date.  Returns whether there was any."""
        starts = None                                      # the tense cues, found once when needed
        seen = False
        for i, f in enumerate(found):
            p = f.partial
            if FLAG_NARRATIVE not in p.flags:
                continue
            seen = True
            need = _narrative_grain(p)
            same_last_year = p.year_shift == -1
            in_year = p.year is not None                  # «نفس الفترة من عام 2014»
            j = Engine._narrative_base(norm, found, resolved, i, need, spans=same_last_year or in_year)
            if same_last_year and j is not None and not _same_span_base(p, found[j].partial, resolved[j], anchor):
                j = None                                   # «… السنة الماضية … عن الفترة المماثلة من السنة الماضية»:
                                                           # a span of last year already, no base: last year
            if in_year:
                back = None
                if j is not None and _same_span_base(p, found[j].partial, resolved[j], None, any_year=True):
                    back = _year_back(resolved[j], resolved[j].first_day.year - p.year)
                if back is not None:
                    resolved[i] = _as_narrative(back, _anchor_note(found, resolved, j, text, span))
                continue                                   # else the year itself, resolved in ``tag``
            if j is None:
                vague = p.vague                            # «آنذاك» with no date before it: some past time
                if vague is None and f.rule.name not in _COMPARISON_BASES:
                    if starts is None:
                        starts = self.tense_cue_starts(framed)
                    if self.tense_at(norm, f.start, f.end, starts) == "past":
                        vague = "PAST_REF"                 # «التي كانت حينها أفضل الحلول», «ثم افتتح التسجيل
                                                           # بعدها بأسبوع»: some past time (a coming one is
                                                           # not read: «سيسيه وقتها رفض» is a name; nor
                                                           # a base of comparison, «مقارنة بالشهر السابق»)
                if vague is not None:
                    resolved[i] = Resolved("DATE", vague, flags=(FLAG_NARRATIVE,))
                continue                                   # else stays _NARRATIVE_PENDING: unresolved, with its reason
            r = resolved[j]
            note = _anchor_note(found, resolved, j, text, span)
            if need is None:                               # «حينها», «آنذاك»: that date, at its grain
                flags = tuple(x for x in r.flags if x not in _TENSE_FLAGS and x != FLAG_NARRATIVE)
                resolved[i] = r._replace(flags=flags + (FLAG_NARRATIVE,), anchored_to=note, reason=None, tense=None)
                continue
            if p.year_shift == -1:                         # «الربع نفسه من العام الماضي»: that span, a year back
                back = _year_back(r)
                if back is not None:
                    resolved[i] = _as_narrative(back, note)
                continue
            q, base = p, r.first_day
            if r.calendar == "hijri" and _day_of_same_month(p):
                # «في 10 شوال … الموافق الثاني والعشرين من الشهر نفسه»: that day of the Hijri month
                h = hijri.from_gregorian(base)
                if h is not None:
                    q = Partial("date", year=h[0], month=h[1], day=p.day, calendar="hijri", explicit_year=True)
            res = resolve(q, base)                        # (resolve never raises: its own safety net)
            if res.value is None:
                resolved[i] = res._replace(flags=res.flags + ((FLAG_NARRATIVE,) if FLAG_NARRATIVE not in res.flags else ()))
                continue
            resolved[i] = _as_narrative(res, note)
        return seen

    def _link_previous(self, norm, found, resolved, text, span):
        """«ارتفع التوظيف في يوليو … كما ارتفعت الأجور في الشهر السابق» 2015-06, «في عام 2014 مقارنة
        بالعام السابق» 2013: a period «السابق» (the one before, not «الماضي», the last) after a date of
        its grain or finer in its own sentence is the one before that date's; with none, the one before
        the anchor's, as before («تراجعت المبيعات في الشهر السابق»); so is «اليوم السابق» (rule
        ``day_previous``): the day before the day said before it, else yesterday."""
        for i, f in enumerate(found):
            day = f.rule.index == self._day_previous and norm.endswith(_PREVIOUS, f.start, f.end)
            if not day and (f.rule.index != self._period_direction or not norm.endswith(_PREVIOUS, f.start, f.end)) \
                    or resolved[i].value is None:
                continue
            p = f.partial
            if not day and (p.period not in _GRAIN_RANK or p.period_shift != -1) or \
                    i + 1 < len(found) and _MOWAFIQ.match(norm[f.end:found[i + 1].start]):
                continue                                   # («العام السابق الموافق 31 ديسمبر 2014»: said)
            j = Engine._narrative_base(norm, found, resolved, i, "day" if day else p.period, optional=True)
            gap = len(_SENTENCE_MARK.findall(norm, found[j].end, f.start)) if j is not None else 0
            # (the sentence before may give the base only when nothing in its own sentence is dated:
            # «في الأشهر الستة الأولى من هذا العام … مقارنة بالعام السابق» is this year's year before)
            if j is None or gap > 1 or gap and any(not _SENTENCE_MARK.search(norm, found[k].end, f.start)
                                                   for k in range(j + 1, i)) or \
                    norm[max(0, found[j].start - 6):found[j].start].split()[-1:] == ["منذ"] or \
                    found[j].rule is f.rule and found[j].key == f.key:
                continue                                   # («أعلى مستوى منذ تموز 2011»: a reference point;
                                                           # «العام السابق … من العام السابق»: the same words again)
            r = resolved[j]
            res = resolve(p, r.first_day)
            if res.value is None:
                continue
            resolved[i] = _as_narrative(res, _anchor_note(found, resolved, j, text, span))

    def _link_after(self, norm, found, resolved, text, span, anchor, framed):
        """«سافر في مايو 2023، وبعد ثلاثة أشهر وقع لناديه» 2023-08, «اندلعت الاحتجاجات في 10 فبراير. وبعد
        أسبوع استقالت الحكومة» 2025-W08: a count after («بعد», no «من» after it) that follows a date said
        in its own sentence or the one before is counted from that date (flag ``narrative``), as «بعد ذلك
        بأسبوع» is; with no such date it stays counted from the anchor («سيسلم المشروع بعد ثلاثة أشهر»),
        and so does one in a clause of the future after a date not after the anchor («وقع الاتفاق في
        مايو، وسيدخل حيز التنفيذ بعد شهرين»: two months from now).  The rules so read are
        ``_AFTER_RULES``."""
        starts = None
        for i, f in enumerate(found):
            if f.rule.name not in _AFTER_RULES:
                continue
            p = f.partial
            if p.kind == "duration":                       # «بعد مرور عامين»: after that long
                if p.amount is None or p.amount != int(p.amount):
                    continue
                p = Partial("date", offset=(int(p.amount), p.unit), mod=p.mod)
            if p.offset is not None:
                if p.offset[0] <= 0 or any(a <= 0 for a, _ in p.offset_more):
                    continue
                need = p.offset_more[-1][1] if p.offset_more else p.offset[1]
            elif p.approx is not None and p.approx[0] > 0:
                need = p.approx[1]
            else:
                continue
            if need not in _AFTER_GRAINS:
                continue                                   # «بعد خمس دقائق»: no date is that fine
            r0 = resolved[i]
            if r0.value is None or r0.type not in ("DATE", "DURATION") or "relative_to_event" in r0.flags or \
                    r0.type == "DURATION" and _RELATION_AFTER.match(norm, f.end) is not None:
                continue                                   # («بعد مرور عامين على الزلزال»: from the quake)
            j = Engine._narrative_base(norm, found, resolved, i, need, optional=True)
            if j is None:
                continue
            base = resolved[j].first_day
            if anchor is None or resolved[j].last_day > anchor:
                continue                                   # a coming date: counted from now as well
            if starts is None:
                starts = self.tense_cue_starts(framed)
            if self.tense_at(norm, f.start, f.end, starts) == "future":
                continue
            res = resolve(p, base)
            if res.value is None:
                continue
            resolved[i] = _as_narrative(res, _anchor_note(found, resolved, j, text, span))

    @staticmethod
    def _link_pair(found, resolved, i):
        a, b = resolved[i], resolved[i + 1]
        ka, kb = _year_said(found[i].partial), _year_said(found[i + 1].partial)
        if a.value != b.value and ka != kb:
            j, partner = (i, b) if not ka else (i + 1, a)
            best = _nearest_to(found[j].partial, partner.first_day)
            if best is not None:
                resolved[j] = best
            a, b = resolved[i], resolved[i + 1]
        if a.last_day < b.first_day or b.last_day < a.first_day:
            resolved[i] = _with_flag(a, FLAG_HIJRI_MISMATCH)
            resolved[i + 1] = _with_flag(b, FLAG_HIJRI_MISMATCH)


_TENSE_FLAGS = (FLAG_TENSE_DECIDED, FLAG_DEFAULT_PAST, FLAG_NEAR_ANCHOR)


def _nearest_to(p: Partial, day: _dt.date) -> Optional[Resolved]:
    """``p`` (a date written without its year) in the year that brings it nearest to ``day``, the date
    of its partner («الموافق», or a relative day just before it), flagged ``year_from_pair``; None when
    it cannot be read so."""
    options = [o for o in (resolve(p, day, t) for t in ("past", "future")) if o.value is not None]
    if not options:
        return None
    best = min(options, key=lambda o: abs((o.first_day - day).days))
    return best._replace(flags=tuple(f for f in best.flags if f not in _TENSE_FLAGS) + (FLAG_YEAR_FROM_PAIR,),
                         tense=None)

_ONE_DAY = ("day", "time")
_DAILY = re.compile(fold(r"(?<!\w)(?:يوميا|كل يوم|طوال ايام|طيلة ايام|عدا ايام|خلال الفترة من)(?!\w)"))


def _is_day_span(r) -> bool:
    """A stretch of days shorter than a month («من 21 إلى 25 أغسطس», «الأسبوع الماضي»): a clock time after
    it is no day's said before it."""
    return r.first_day is not None and r.first_day != r.last_day and (r.last_day - r.first_day).days < 28


def _sentence_of(norm: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``[start, end)``: from the sentence mark before it (``_SENTENCE_MARK``: not
    a decimal point) to the one after it, within ``_SENTENCE_WINDOW`` either side."""
    lo = max(0, start - _SENTENCE_WINDOW)
    a = lo
    for m in _SENTENCE_MARK.finditer(norm, lo, start):
        a = m.end()
    m = _SENTENCE_MARK.search(norm, end, end + _SENTENCE_WINDOW)
    return a, m.start() if m else min(len(norm), end + _SENTENCE_WINDOW)
_CLOCK_DAY_BEFORE = 120        # how far before a clock time, in its sentence, the day it is on may be said
# ... and not past two commas, nor into a clause of another time («غدا الأربعاء، في حين سيجري الفريق
# تمرينه عند الساعة ٥:٤٥ مساء هذا اليوم»), nor in a daily schedule
_CLAUSE_MARK = re.compile("[،,؛;]")
_CLOCK_OTHER_CLAUSE = re.compile(fold(r"(?<!\w)(?:في حين|فيما|بينما|حين|عندما)(?!\w)"))
_CLOCK_DAY_AFTER = 60          # how far after a clock time the day it is on may be said, in its clause:
# not past a comma, nor a date of another happening or of a period («بعد هبوطه … يوم الخميس», «خلال
# الفترة من 15 حزيران»: a daily schedule)
_CLOCK_NOT_ITS_DAY = re.compile(fold("[،,؛;:]|(?<!\\w)(?:بعد|قبل|منذ|خلال|الفترة|حتى|وحتى|الى|إلى)(?!\\w)"))
# the rules whose expression is a base of comparison («مقارنة بالشهر السابق»): no anchor for a narrative after it
_COMPARISON_BASES = frozenset({"narrative_compared_month", "narrative_same_last_year", "narrative_same_in_year"})
_GRAIN_RANK = {g: k for k, g in enumerate(GRAINS)}
# a narrative expression looks back over its own sentence and the one before it, no further: the real
# corpus's «في اليوم التالي» / «العام التالي» / «آنذاك» name a date of the same or the previous sentence
# (or none at all: «حتى السادسة من صباح اليوم التالي» of a curfew, «تسليم الشهر التالي» of a contract)
_NARRATIVE_SENTENCES = 1
# (a full stop that ends a line is one mark, not two: «… عام 2013.\nوبعد مرور عامين»)
_WEEK_NEAR = 6        # words between a week and a weekday its clause's tense dates, for the week to give its day
_SENTENCE_MARK = re.compile(r"[.!?؟](?:[ \t]*\n|(?=\s|$))|\n")
_NARRATIVE_PENDING = Resolved("DATE", None, flags=(FLAG_NARRATIVE,), reason=NARRATIVE_NOT_FOUND)
_LISTED_PENDING = Resolved("DATE", None, flags=(FLAG_LISTED,), reason=LISTED_NOT_FOUND)
_ATTRIBUTION = re.compile(fold(r"(?:بحسب ما|حسب ما|وفق ما|وفقا لما|طبقا لما|كما)[ \t]+$"))
_SENTENCE_OPENS = ".!?؟:\n"                 # a mark after which a subject opens a sentence
_SENTENCE_ENDS = ".!?؟\n"                    # the sentence a national day's country, a feast's church is looked for in
_WORD_RUN = re.compile(r"[^\W\d_]+")
_CHURCH_SAID = re.compile(fold(r"[ \t]+(?:(?:حسب|بحسب|وفق|على)[ \t]+التقويم|وفقا[ \t]+للتقويم|(?:لدى|عند)[ \t]+الطوائف)"))
_PEOPLE_AFTER = re.compile(r"[ \t]+ال\w{3,}(?:يون|يين)(?!\w)")
_COUNTRY_AFTER = 4             # «اليوم الوطني» alone: its country among the first words after it
_NOT_SUBJECTS = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللاتي", "الان", "الي"})   # (folded)
_LONG_GRAINS = frozenset({"year", "decade", "century"})
_UNTIL = frozenset({"حتي", "الي", "لحد", "لغاية"})     # («حتى/إلى اليوم», folded): until today
_LISTED_GAP = re.compile(r"[ \t]*و[ \t]*")
_WEEKDAY_LIST_GAP = re.compile(r"[ \t]*و[ \t]*(?:يوم[ \t]+)?")
_PREVIOUS = ("السابق", "السابقة", "السابقه")
_RELATIVE = re.compile(fold(r"(?<!\w)(?:الذي|التي|الذين|اللذين|اللتين|اللذان|اللتان|اللواتي|اللاتي)(?!\w)"))
_CLOSE_PAREN = re.compile(r"[ \t]*\)")
_WEEKDAY_GAP = re.compile(r"[ \t]*(?:[،,][ \t]*)?(?:(?:بتاريخ|الموافق)[ \t]+)?(?:\([ \t]*)?")   # («يوم الاثنين بتاريخ 18/10/1436هـ»)


# the counts after («بعد ثلاثة أشهر», «بعد أسبوع ويومين», «بعد أيام») that a date said just before them
# dates (Engine._link_after)
_AFTER_RULES = frozenset({"offset", "offset_compound", "offset_elapsed"})
_AFTER_GRAINS = ("day", "week", "month", "year")


def _plain_date(p: Partial, r: Resolved) -> bool:
    """Whether an expression dates something (a day, a month, a year… said or counted), so that a
    narrative count after it is counted from it or from nothing farther."""
    return p.kind == "date" and r.value is not None and r.first_day is not None and p.approx is None \
        and "relative_to_event" not in r.flags and p.clock is None


def _anchor_note(found, resolved, j, text, span) -> str:
    """How ``anchored_to`` names the date ``found[j]`` a narrative expression is counted from."""
    s, e = span(found[j].start, found[j].end) if span is not None else (found[j].start, found[j].end)
    return f"«{text[s:e]}» @{s} ({resolved[j].value})"


def _narrative_grain(p: Partial) -> Optional[str]:
    """The grain the date said before must have (or be finer than) for p to be counted from it;
    None: any grain («حينها»: that date itself)."""
    if p.rel_day is not None:
        return "day"
    if p.period is not None:
        return p.period
    if p.offset is not None:
        return p.offset_more[-1][1] if p.offset_more else p.offset[1]
    if p.approx is not None:
        return p.approx[1]                # «بعد ذلك بأيام»: days after that date
    return None


def _of_the_present(p: Partial) -> bool:
    """Whether p names the article's own day or period («اليوم», «هذا العام», «الأسبوع الجاري»)."""
    if FLAG_NARRATIVE in p.flags:
        return False
    return p.rel_day == 0 or (p.period is not None and p.period_shift == 0) or \
        (p.year_shift == 0 and p.month is None and p.day is None)


def _sentence_marks(norm: str, found, i: int):
    """How many sentence marks stand between a position and ``found[i]``'s start (memoised per call)."""
    s = found[i].start
    memo: dict = {}

    def count(x: int) -> int:
        if x not in memo:
            memo[x] = len(_SENTENCE_MARK.findall(norm, x, s)) if x < s else 0
        return memo[x]
    return count


_RIGHT_PREFIXES: dict = {}
_DOUBLE_GAPS = ("  ", " \t", "\t")


def _right_prefixes(right: set) -> tuple:
    """« » + each right context word, for a quick ``startswith`` (built once per set)."""
    hit = _RIGHT_PREFIXES.get(id(right))
    if hit is None or hit[0] is not right:
        hit = _RIGHT_PREFIXES[id(right)] = (right, tuple(sorted(" " + w for w in right)))
    return hit[1]


def _right_phrases(right: set) -> tuple:
    """The right contexts of several words (looked for as they are, one space between words)."""
    hit = _RIGHT_PREFIXES.get(("phrases", id(right)))
    if hit is None or hit[0] is not right:
        hit = _RIGHT_PREFIXES[("phrases", id(right))] = (right, tuple(sorted(c for c in right if " " in c)))
    return hit[1]


_LEFT_INDEX: dict = {}


def _left_index(left: set) -> tuple:
    """A blocker's left contexts indexed for :meth:`Engine._blocked_by`: (the one-word contexts, the
    longer ones by their last word, those whose last word is «*» by their first), built once per set."""
    hit = _LEFT_INDEX.get(id(left))
    if hit is None or hit[0] is not left:
        singles, by_last, wild = set(), {}, {}
        for c in left:
            words = tuple(c.split())
            if len(words) == 1:
                singles.add(words[0])
            elif words[-1] == "*":
                wild.setdefault(words[0], []).append(words)
            else:
                by_last.setdefault(words[-1], []).append(words)
        hit = _LEFT_INDEX[id(left)] = (left, frozenset(singles), {k: tuple(v) for k, v in by_last.items()},
                                       {k: tuple(v) for k, v in wild.items()})
    return hit[1:]


def _left_words(norm: str, s: int) -> list:
    """The (up to) three words just before ``s``, nearest last, with only spaces between them and
    ``s`` (what ``_LEFT_WORDS`` matches, found with ``rfind`` rather than a scan of every start)."""
    words: list = []
    end = s
    lo = max(0, s - 90)
    for _ in range(3):
        e = end
        while e > lo and norm[e - 1] in _SPACE:
            e -= 1
        if e == end or e == lo:                      # no space before the word, or nothing left
            break
        b = max(norm.rfind(" ", lo, e), norm.rfind("\t", lo, e)) + 1
        w = norm[b:e]
        if not w.isalnum() and not _WORD_ONLY.fullmatch(w):
            # punctuation inside: only the word's tail after it counts, and nothing before it
            m = _WORD_TAIL.search(w)
            if m is not None:
                words.insert(0, m.group())
            break
        words.insert(0, w)
        if b == 0 or b == lo:
            break
        end = b
    return words


_WORD_ONLY = re.compile(r"\w+")
_COMMA_NEXT = re.compile(r"[ \t]*[،,]")
_OPEN_QUOTES = frozenset('«"“\'')
_WORD_TAIL = re.compile(r"\w+$")


def _last_word(norm: str, s: int) -> str:
    """The word just before ``s`` with one space between («» when there is none): the common case of
    :func:`_left_words`, found with one ``rfind``."""
    if s < 2 or norm[s - 1] != " " or norm[s - 2] in _SPACE:
        words = _left_words(norm, s)
        return words[-1] if words else ""
    b = max(norm.rfind(" ", max(0, s - 90), s - 1), norm.rfind("\t", max(0, s - 90), s - 1)) + 1
    w = norm[b:s - 1]
    if w.isalnum():
        return w
    words = _left_words(norm, s)
    return words[-1] if words else ""


def _memo_text(r, m):
    """What a rule's production depends on: the matched text, and the text of the slots it captures
    in a lookahead (``Rule.ahead``), which the match does not hold («الساعة التاسعة والنصف» before «من
    مساء» or before nothing)."""
    if not r.ahead_groups:
        return m.group()
    return (m.group(), *(m.group(g) for g in r.ahead_groups))


@lru_cache(maxsize=8192)
def _unclitic_title(w: str, nouns: frozenset) -> bool:
    """``w`` is a noun of ``nouns``, maybe with «ال», «و», «ب», «ل» or «لل» before it."""
    for p in ("", "ال", "و", "وال", "ب", "بال", "ل", "لل", "ول", "ولل"):
        if w.startswith(p) and w[len(p):] in nouns:
            return True
    return False


_KINGDOM = "المملكة"
_NISBA_AFTER = re.compile(r"\s+(ال\w+(?:ية|يه)|المتحدة|المتحده)(?!\w)")


def _other_kingdom(norm: str, e: int) -> bool:
    """«المملكة» followed by a nisba other than «العربية» or by «المتحدة» («للمملكة المغربية», «المملكة
    المتحدة»): another kingdom than the one the Gulf press means by the word alone."""
    m = _NISBA_AFTER.match(norm, e)
    return m is not None and m.group(1) != "العربية"


_NOW = fold("الآن")


def _without_lookalikes(found, norm: str, text: str, span) -> list:
    """Words that fold as a date word does but that the text writes otherwise (``span``: normalised
    offsets to the text's, None when they are the same): «الآن» folds as «آلان» does, the name Alain
    («ليتولى السويسري آلان جيجر»), where the text writes the madda first; «آب» (August) as the Yemeni
    city Ibb («في إب», «في اب (وسط اليمن)») and «أب» (father) do, so a month named by nothing but a
    preposition before it (``month_after_preposition``: no day, year or direction) is August only
    where the text writes its madda («في آب»)."""
    keep = []
    for f in found:
        n = f.end - f.start
        if n == len(_NOW) and norm.startswith(_NOW, f.start):
            s, _ = span(f.start, f.end) if span is not None else (f.start, f.end)
            if text.startswith("آل", s):
                continue
        elif n == len(_AB) and f.rule.name == "month_after_preposition" and norm.startswith(_AB, f.start):
            s, _ = span(f.start, f.end) if span is not None else (f.start, f.end)
            if not text.startswith("آ", s):
                continue
        keep.append(f)
    return keep


_AB = "اب"


def _country_day(days: dict, w: str):
    """The national day of the country word ``w`` names, maybe with a clitic («بلبنان», «للجزائر»)."""
    day = days.get(w)
    if day is None and len(w) > 3 and w[0] in "وفبل":
        day = days.get(w[1:])
        if day is None and w.startswith("لل"):
            day = days.get("ا" + w[1:])
    return day


def _unclitic(w: str) -> tuple:
    """A word and the same word without the clitics «و»/«ف» then «ب»/«ل» («وبمبلغ» -> «مبلغ»); «لل» is «ل»
    and «ال» («للكاتبة» -> «الكاتبة»)."""
    out = [w]
    if len(w) > 3 and w[0] in "وف":
        w = w[1:]
        out.append(w)
    if len(w) > 3 and w[0] in "بل":
        out.append(w[1:])
        if len(w) > 4 and w.startswith("لل"):
            out.append("ا" + w[1:])
    return tuple(out)


def _year_said(p: Partial) -> bool:
    """Whether the text fixes the year of p (a year, «الجاري», «من العام الماضي»...)."""
    return p.explicit_year or p.direction is not None or p.year_shift is not None


def _with_flag(r: Resolved, flag: str) -> Resolved:
    return r._replace(flags=r.flags + (flag,))


def _unresolved(r: Resolved, reason: str) -> Resolved:
    return r._replace(value=None, first_day=None, last_day=None, reason=reason)


def _anchor_free(p: Partial) -> bool:
    """Whether p resolves without an anchor (explicit years, durations, vague references, sets)."""
    if p.kind in ("duration", "vague", "set"):
        return True
    if p.kind == "range":
        return p.year is not None and p.end.year is not None
    return p.kind == "date" and p.year is not None and p.offset is None and p.rel_day is None and not p.this_day

"""Rules as small declared objects: a template over vocabulary categories, a production, examples.

Template syntax (a regular expression over *normalised* text, plus three conveniences):

* ``{slot:CAT}`` — a named slot over a vocabulary category (longest form first) or a built-in
  (``DAY``, ``NUM``, ``YEAR``, ``YEAR4``, ``YEARN``, ``HYEAR``, ``MNUM``); the production receives the
  looked-up :class:`~resolvers.lexicon.Lexeme` (or ``int`` for built-ins), never raw text.  A slot may
  be named in several alternatives of a template («عام 1187» or «1187» after a month): the production
  sees the one that matched;
* ``{:CAT}`` — the same alternation without a slot (for look-aheads);
* a space means "one or more spaces", ``_`` means "optional spaces".

An example may bracket the part the rule must match when it needs context: «في [مارس]».

Arabic literals in templates are folded like the text, so templates keep natural spelling.  Rules
self-register with :func:`rule`; their ``examples`` must each be matched whole, by that rule (a test
checks it), which keeps dead rules out.  Every quantifier is bounded or over disjoint tokens, and
every match is attempted only at candidate positions, so matching stays linear in the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Optional

from .lexicon import get_lexicon
from .normalize import fold
from . import recache

BUILTINS = {
    "DAY": r"(?:[0-3]?[0-9])(?![0-9])",
    # (not the tail of another number: «3:28.45 دقيقة» is a race time, «1,500 ريال» one amount)
    "NUM": r"(?<![0-9][:.,/])(?:[0-9]{1,4}(?:[.,][0-9]{1,2})?)(?![0-9])",
    # a number read as a year wherever it stands (bare «2019»): the window of news years
    "YEAR": r"(?:1[89][0-9]{2}|20[0-9]{2}|2100)(?![0-9])",
    # four digits: a year after a month name («15 يوليو 1099»)
    "YEAR4": r"(?:[1-9][0-9]{3})(?![0-9])",
    # any year: after «عام/سنة/لعام», or with the Hijri mark («سنة 583هـ»)
    "YEARN": r"(?:[0-9]{1,4})(?![0-9])",
    # a Hijri year without its mark, after a Hijri month («رمضان 1446»)
    "HYEAR": r"(?:1[3-5][0-9]{2})(?![0-9])",
    "MNUM": r"(?:0?[1-9]|1[0-2])(?![0-9])",
    # clock times: an hour of the day, two-digit minutes or seconds («10:30», «15:23:24»), minutes
    "HOUR": r"(?:1[0-9]|2[0-4]|[1-9])(?![0-9])(?![.,/-][0-9])",
    "HOUR0": r"(?:0[0-9])(?![0-9])(?![.,/-][0-9])",
    "MINUTE2": r"(?:[0-5][0-9])(?![0-9])",
    "MINUTE": r"(?:[0-5]?[0-9])(?![0-9])",
}

_SLOT = re.compile(r"\{(\w*):(=[^}]+|\w+)\}")


@dataclass
class Rule:
    name: str
    template: str
    prod: Callable
    examples: tuple
    left: Optional[str] = None          # optional words allowed just before the match («من», «بين»)
    left_required: bool = False         # the rule only holds with one of those words before it
    index: int = -1
    regex: str = ""
    slots: list = field(default_factory=list)     # (slot name, category, group name)
    compiled: Optional[re.Pattern] = None
    left_rx: Optional[re.Pattern] = None
    slot_plan: tuple = ()               # (group names, [(slot, kind, table)]) for slot_values
    ahead: tuple = ()                   # slots read in a lookahead: not in the matched text, so part of
                                        # the memo key of the rule's production (``ahead_groups``)
    ahead_groups: tuple = ()            # their group names


RULES: list[Rule] = []


def rule(name: str, template: str, examples, left: Optional[str] = None, left_required: bool = False,
         ahead: tuple = ()):
    """Register a rule; rules are tried in registration order at each candidate position.  ``ahead``
    names the slots the template captures inside a lookahead («(?= من {pod3:POD})»): the engine
    memoises a production on the matched text, which does not hold them, and on those slots' text."""
    def deco(prod):
        if any(r.name == name for r in RULES):
            raise ValueError(f"rule {name!r} declared twice")
        if not examples:
            raise ValueError(f"rule {name!r} has no examples")
        RULES.append(Rule(name, template, prod, tuple(examples), left, left_required, ahead=tuple(ahead)))
        return prod
    return deco


class Slots:
    """What a production sees: ``s.month`` is a Lexeme, ``s.day`` an int, ``None`` when absent."""
    __slots__ = ("_v", "_t")

    def __init__(self, values: dict, texts: dict):
        self._v, self._t = values, texts

    def __getattr__(self, name):
        return self._v.get(name)

    def text(self, name) -> Optional[str]:
        return self._t.get(name)


def _literal_fold(template: str) -> str:
    """Fold the Arabic letters of a template, leaving regex syntax and slots alone."""
    out, pos = [], 0
    for m in re.finditer(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]+", template):
        out.append(template[pos:m.start()])
        out.append(fold(m.group()))
        pos = m.end()
    out.append(template[pos:])
    return "".join(out)


def compile_rule(r: Rule, index: int) -> None:
    lex = get_lexicon()
    r.index = index
    t = _literal_fold(r.template)
    t = t.replace(" ", "[ \t]+").replace("_", "[ \t]*")
    # raw named groups get the rule's prefix, so that rules can share fragments inside one pattern
    t = re.sub(r"\(\?P<(\w+)>", rf"(?P<g{index}x\1>", t)
    t = re.sub(r"\(\?P=(\w+)\)", rf"(?P=g{index}x\1)", t)
    t = re.sub(r"\(\?\((\w+)\)", rf"(?(g{index}x\1)", t)
    r.slots = []

    def sub(m):
        slot, cat = m.group(1), m.group(2)
        alt = BUILTINS.get(cat)
        if cat.startswith("="):                      # {slot:=literal}: a literal word as a slot
            alt = re.escape(cat[1:])
        elif alt is None:
            if cat not in lex.categories:
                raise ValueError(f"rule {r.name!r}: unknown category {cat}")
            alt = lex[cat].alternation()
        if not slot:
            return f"(?:{alt})"
        g = f"s{index}_{slot}"
        n = sum(1 for s_, _, _ in r.slots if s_ == slot)
        if n:
            g += f"__{n}"                             # the same slot in another alternative
        r.slots.append((slot, cat, g))
        return f"(?P<{g}>{alt})"

    body = _SLOT.sub(sub, t)
    r.slot_plan = _slot_plan(r, lex)
    r.ahead_groups = tuple(g for slot, _, g in r.slots if slot in r.ahead)
    r.regex = f"(?P<R{index}>{body})(?!\\w)"
    r.compiled = None                  # compiled on first use (``pattern_of``): rule sets hold the regex
    if r.left:
        left = _literal_fold(r.left).replace(" ", "[ \t]+")
        r.left_rx = re.compile(f"(?:(?<=\\W)|^)(?:{left})[ \t]+$")


def pattern_of(r: Rule) -> re.Pattern:
    """The rule's own compiled pattern, when a rule set's match is not a production and the rules
    after it are tried one by one (``Engine._fallback``); from the cache of :mod:`.recache`, as the
    rule sets are: a rule holds the alternation of its categories, and compiling one costs tens of
    milliseconds."""
    if r.compiled is None:
        r.compiled = recache.compile(r.regex)
    return r.compiled


def _slot_plan(r: Rule, lex) -> tuple:
    """(group names, [(slot, kind, table)]) of a rule: ``kind`` is "flag", a built-in's name, or
    "cat" with the category's form -> Lexeme table."""
    plan = []
    for slot, cat, g in r.slots:
        if cat.startswith("="):
            plan.append((slot, "flag", None))
        elif cat in BUILTINS:
            plan.append((slot, cat, None))
        else:
            plan.append((slot, "cat", lex[cat].entries))
    return tuple(g for _, _, g in r.slots), plan


def slot_values(r: Rule, m: re.Match) -> Slots:
    plan = r.slot_plan
    groups, slots = plan
    values, texts = {}, {}
    if not groups:
        return Slots(values, texts)
    found = m.group(*groups) if len(groups) > 1 else (m.group(groups[0]),)
    for (slot, kind, table), txt in zip(slots, found):
        if txt is None:
            continue
        texts[slot] = txt
        if kind == "cat":
            v = table.get(txt)
            if v is None and ("\t" in txt or "  " in txt):
                v = table.get(" ".join(txt.split()))     # what Category.lookup does
            values[slot] = v
        elif kind == "flag":
            values[slot] = True
        elif kind == "NUM":
            values[slot] = float(txt.replace(",", "."))
        else:
            values[slot] = int(txt)
    return Slots(values, texts)


# --- first tokens: which words can begin a match of a rule, and what can follow them ----------------
WILDCARD = ("any", None)
ANY = WILDCARD


def _sre():
    try:
        import re._parser as sre_parse
        import re._constants as c
    except ImportError:                             # Python 3.10
        import sre_parse
        import sre_constants as c
    return sre_parse, c


_SEQUENCES: dict = {}


def first_sequences(r: Rule, k: int = 2) -> frozenset:
    """Memoised :func:`_first_sequences` (a template's syntax tree is parsed once)."""
    key = (r.template, k)
    out = _SEQUENCES.get(key)
    if out is None:
        out = _SEQUENCES[key] = frozenset(_first_sequences(r, k))
    return out


def _first_sequences(r: Rule, k: int = 2) -> set:
    """The first ``k`` tokens of every match of ``r`` (shorter when the match can end sooner), from
    the template's syntax tree.  A token is ``("cat", CAT)`` for a slot, ``("lit", word)`` for a
    literal word, ``("chars", frozenset)`` for punctuation the template names, and ``ANY`` for
    anything else (a sequence stops at ``ANY``).  Spaces between tokens are not tokens.

    ``first_tokens`` keeps the first of each; the engine uses pairs to skip a candidate whose next
    word cannot continue any of its rules («31 شخصا» continues no date that begins with a number)."""
    sre_parse, c = _sre()
    POSSESSIVE = getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)
    tokens: dict[str, tuple] = {}

    def placeholder(tok):
        ch = chr(0xE000 + len(tokens))
        tokens[ch] = tok
        return ch

    t = _SLOT.sub(lambda m: placeholder(("lit", fold(m.group(2)[1:])) if m.group(2).startswith("=")
                                        else ("cat", m.group(2))), r.template)
    t = re.sub(r"[\u0600-\u06ff]+", lambda m: placeholder(("lit", fold(m.group()))), t)
    t = t.replace(" ", "[ \t]+").replace("_", "[ \t]*")

    def closed(s):
        return len(s) >= k or (s and s[-1] == ANY)

    def cat(a_set, b_set):
        out = set()
        for a in a_set:
            if closed(a):
                out.add(a)
                continue
            for b in b_set:
                s = a + b
                if ANY in s:
                    s = s[:s.index(ANY) + 1]
                out.add(s[:k])
        return out

    def chars_token(chars):
        toks = {tokens[ch] for ch in chars if ch in tokens}
        rest = {ch for ch in chars if ch not in tokens}
        spaces = {ch for ch in rest if ch in " \t"}
        if spaces and spaces == rest and not toks:
            return {()}                             # a gap between words, not a token
        if spaces:
            return {(ANY,)}
        out = {(tok,) for tok in toks}
        if rest:
            out.add((("chars", frozenset(rest)),))
        return out

    def seq(items):
        out = {()}
        last = len(items) - 1
        for n, (op, av) in enumerate(items):
            if n == last and op == c.ASSERT and av[0] == 1:
                # a lookahead that ends the template («{d1:DAY}(?=_و_…)»): what follows the match
                # must begin with it, so its words continue the sequence
                out = cat(out, seq(av[1]))
            else:
                out = cat(out, item(op, av))
            if all(closed(s) for s in out):
                break
        return out

    def item(op, av):
        if op == c.LITERAL:
            return chars_token(chr(av))
        if op == c.IN:
            if all(o == c.LITERAL for o, _ in av):
                return chars_token("".join(chr(v) for _, v in av))
            return {(ANY,)}
        if op == c.SUBPATTERN:
            return seq(av[-1])
        if op == c.BRANCH:
            out = set()
            for alt in av[1]:
                out |= seq(alt)
            return out
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, POSSESSIVE):
            lo, hi, sub = av
            one = seq(sub)
            out = {()}
            for _ in range(min(lo, k)):
                out = cat(out, one)
            for _ in range(min(hi - lo, k)):
                out = out | cat(out, one)
            return out
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return {()}
        return {(ANY,)}

    return seq(sre_parse.parse(t))


def first_tokens(r: Rule) -> set:
    """The tokens that can begin a match of ``r``: ``("cat", CAT)`` for a slot, ``("lit", word)`` for
    a literal word, ``WILDCARD`` when a character class or anything else can.  Computed from the
    template's syntax tree, so a rule is only attempted where one of its first words stands."""
    return {WILDCARD if s[0][0] == "chars" else s[0] for s in first_sequences(r, 1) if s}

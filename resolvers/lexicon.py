"""Vocabulary tables (``resolvers/data/*.tsv``) loaded, validated and turned into categories.

Each table keeps the natural spelling (أيلول, غداً); every form is normalised here, once, with the
same fold the matcher applies to the text.  A category maps a normalised form to a :class:`Lexeme`
(the row, with typed columns) and compiles to a longest-first alternation for the grammar.

Validation (dateparser's LanguageValidator idea): each table has exactly its declared columns, every
typed column parses, and no two rows of a category fold to the same form with different values.
"""
from __future__ import annotations

import csv
import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .normalize import fold

DATA = Path(__file__).resolve().parent / "data"


class LexiconError(ValueError):
    """A vocabulary table is malformed; the message names the file, the line and the problem."""


class Lexeme:
    """One row of a vocabulary table; columns are attributes (``lex.month``, ``lex.calendar``)."""
    __slots__ = ("form", "norm", "_cols")

    def __init__(self, form: str, norm: str, cols: dict):
        self.form, self.norm, self._cols = form, norm, cols

    def __getattr__(self, name):
        try:
            return self._cols[name]
        except KeyError:
            raise AttributeError(name) from None

    def values(self) -> dict:
        return dict(self._cols)

    def __repr__(self):
        return f"Lexeme({self.form!r}, {self._cols})"


def _int(v):
    return int(v)


def _opt_int(v):
    return int(v) if v != "" else None


def _opt_float(v):
    return float(v) if v != "" else None


def _flag(v):
    if v not in ("0", "1"):
        raise ValueError("expected 0 or 1")
    return v == "1"


def _iso_partial(v):
    """«1973-10-06», «1991-01» or «1991»: a (year, month, day) with None for what is not given."""
    parts = v.split("-")
    if not 1 <= len(parts) <= 3 or len(parts[0]) != 4 or not all(p.isdigit() for p in parts):
        raise ValueError("expected YYYY, YYYY-MM or YYYY-MM-DD")
    y, m, d = (int(p) for p in parts + ["1"] * (3 - len(parts)))
    _dt.date(y, m, d)                                   # a real day
    return (y, m if len(parts) > 1 else None, d if len(parts) > 2 else None)


NOWADAYS_PLACES = ("before", "after", "sentence", "until", "subject", "not_subject", "opener")


def _enum(*allowed):
    def check(v):
        if v not in allowed:
            raise ValueError(f"expected one of {', '.join(allowed)}")
        return v
    return check


_GRAINS = _enum("day", "week", "month", "quarter", "half", "year", "hour", "minute", "decade", "century")
_MODS = _enum("START", "MID", "END", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE", "APPROX")

# table -> (columns with their parsers; the first column is always `form`)
SCHEMAS = {
    "months": {"month": _int, "calendar": _enum("gregorian", "hijri"),
               "system": _enum("egyptian", "levantine", "maghrebi", "moroccan", "hijri", "numbered"),
               "ambiguous": _flag, "note": str},
    "weekdays": {"weekday": _int, "bare": _flag},
    "relative_days": {"offset": _int},
    "directions": {"direction": _int, "agreement": _enum("m", "f", "dual", "pl")},
    "demonstratives": {"direction": _int, "agreement": _enum("m", "f")},
    # day: «أول يوليو», «غرة رمضان» = the 1st; exact: the ten days themselves («العشر الأواخر من رمضان»:
    # days 21 to the end, an interval), not a vague part of the month («أواخر رمضان»: END)
    "parts": {"mod": _MODS, "day": _opt_int, "exact": _flag},
    "parts_of_day": {"part": _enum("MO", "MI", "AF", "EV", "NI"), "position": _enum("before", "after")},
    "units": {"grain": _GRAINS, "count": _opt_int, "definite": _flag, "ambiguous": _flag},
    "numbers": {"value": _opt_int, "kind": _enum("unit", "tens", "vague", "hundreds", "thousands")},
    "fractions": {"value": float},
    "ordinals": {"day": _int},
    "period_ordinals": {"grain": _enum("quarter", "half"), "number": _int},
    "seasons": {"season": _enum("SP", "SU", "FA", "WI")},
    "periods": {"grain": _GRAINS},
    "vague": {"value": _enum("PAST_REF", "PRESENT_REF", "FUTURE_REF")},
    "sets": {"value": str},
    # calendar «julian»: month and day of the Julian calendar (Coptic Christmas, 25 December Julian = 7
    # January); «easter_western»/«easter_orthodox»: a movable feast, month 0 and day = days after Easter
    # Sunday («شم النسيم» 1)
    # calendar «national»: «عيد الاستقلال» alone, the day of the country its sentence names
    # (national_days.tsv); «country»: «اليوم الوطني» alone, the same with country_days.tsv
    "holidays": {"calendar": _enum("gregorian", "hijri", "julian", "easter_western", "easter_orthodox", "national",
                                   "country"),
                 "month": _int, "day": _int},
    # the country words that date «عيد الاستقلال» said alone («وتستعد وحدات الجيش اللبناني للعرض بمناسبة عيد
    # الاستقلال»: 22 November)
    "national_days": {"month": _int, "day": _int, "note": str},
    # the country words that date «اليوم الوطني» / «العيد الوطني» said alone («يتزامن النهائي مع اليوم الوطني
    # لدولة قطر»: 18 December)
    "country_days": {"month": _int, "day": _int, "note": str},
    "duration_modifiers": {"mod": _MODS},
    "offset_words": {"sign": _int},
    "tense_cues": {"tense": _enum("past", "future", "present")},
    "future_prefix_exceptions": {"note": str},
    "blockers": {"side": _enum("left", "right"), "context": str, "note": str},
    "eras": {"era": _enum("CE", "AH", "BC")},
    "counted_nouns": {"kind": _enum("person", "thing", "money", "measure", "scale", "percent")},
    "named_events": {"value": _iso_partial, "note": str},
    "not_counted": {"note": str},
    "given_names": {"note": str},
    "decades": {"decade": _int},
    "imperfect_exceptions": {"note": str},
    "feminine_imperfects": {"note": str},
    "clitic_words": {"note": str},
    "title_nouns": {"note": str},
    # words after «وكالة/موقع/صحيفة» that say what kind of source it is, not its name: «لوكالة الأنباء
    # اليوم» is today, «لوكالة فلسطين اليوم» the agency (the «*» of a name blocker is never one of these)
    "generic_sources": {"note": str},
    "from_places": {"note": str},
    # «أول خميس من», «الجمعة الأخيرة من»: the n-th weekday of a month or a year (-1: the last);
    # position: before the weekday (construct, «ثالث جمعة») or after it (agreeing, «الجمعة الثانية»)
    "weekday_ordinals": {"number": _int, "position": _enum("before", "after")},
    # clock times («الساعة الثالثة عصراً», «الثالثة وربع بعد الظهر», «الخامسة إلا ثلث»): the hour words, the
    # words that put an hour before or after noon, the fractions of an hour added or taken away
    "clock_hours": {"hour": _int},
    "clock_periods": {"kind": _enum("am", "pm", "noon", "night")},
    "clock_fractions": {"minutes": _int},
    # «من العام نفسه/ذاته»: the year said before (an anaphora, not the anchor's)
    "same_words": {"note": str},
    # «أكثر من المتوقع», «أقل بكثير من المتوقع»: «من» is «than» after a comparative, no future frame
    "comparatives": {"kind": _enum("comparative", "intensifier"), "note": str},
    # «أصبح رمضان اليوم محطة», «اليوم هناك 23 نموذجاً», «أكثر من أي وقت مضى»: the words that make «اليوم»
    # «nowadays» (PRESENT_REF) rather than the publication day: just before it (two words at most), just
    # after it when it opens its clause, or anywhere in its sentence
    "nowadays_cues": {"place": _enum(*NOWADAYS_PLACES), "note": str},
    # «حصلت قبل شهرين على رخصة», «اتفقت قبل نحو 18 شهرا على حلول»: words that take «على» themselves, so
    # that a «على» after the count is theirs and does not count it from another event («قبل يومين على
    # الانتخابات»)
    "ala_governors": {"note": str},
    # «وُلدت قبل 48 سنة من عائلة ميسورة», «حذر قبل أيام من مخاطر»: verbs and nouns that take «من»
    # themselves, so that a «من» after the count is theirs («قبل يومين من الانتخابات» stays counted)
    "min_governors": {"note": str},
    # the words of a sentence that tell which church's Christmas or Easter it is («يترأس البابا تواضروس قداس
    # عيد الميلاد المجيد»: 7 January)
    "church_cues": {"church": _enum("east", "west"), "note": str},
    # «يتوقع المحللون رفع أسعار الفائدة في سبتمبر»: perfect forms that are also verbal nouns, and the
    # particles after which they are the verb (as when they open their clause); elsewhere in a clause
    # they are the noun, no past tense cue
    "verbal_nouns": {"place": _enum("form", "opener"), "note": str},
    # «اليوم التالي», «العام الذي سبقه», «حينها»: dated from the date said before (narrative anchoring)
    "narrative": {"relation": _enum("next", "previous", "then", "then_past", "then_day"), "note": str},
}

# grammar category -> (table, row filter)
CATEGORIES = {
    "MONTH": ("months", lambda r: r["system"] != "numbered"),
    # «شهر 3», «شهر عشرة»: a month by its number (only through MONTH_PAIR, which keeps a count out)
    "NMONTH": ("months", lambda r: r["system"] == "numbered"),
    "GMONTH": ("months", lambda r: r["calendar"] == "gregorian" and r["system"] != "numbered"),
    "HMONTH": ("months", lambda r: r["calendar"] == "hijri"),
    "WEEKDAY": ("weekdays", lambda r: not r["bare"]),
    "WDBARE": ("weekdays", lambda r: r["bare"]),
    "RELDAY": ("relative_days", None),
    "DIR": ("directions", None),
    "DEM": ("demonstratives", None),
    "PART": ("parts", None),
    "POD": ("parts_of_day", lambda r: r["position"] == "before"),           # «صباح أمس»
    "PODAFTER": ("parts_of_day", lambda r: r["position"] == "after"),       # «أمس مساءً», «بكرة الصبح»
    "UNIT": ("units", lambda r: not r["definite"]),
    "DUNIT": ("units", lambda r: r["definite"]),
    "NUMWORD": ("numbers", lambda r: r["kind"] in ("unit", "vague")),
    "TENS": ("numbers", lambda r: r["kind"] == "tens"),
    # years in words («عام ألفين وستة عشر»): «مئة/مائة» and 200-900, «ألف/ألفين»
    "HUNDREDS": ("numbers", lambda r: r["kind"] == "hundreds" or r["value"] == 100),
    "THOUSANDS": ("numbers", lambda r: r["kind"] == "thousands"),
    "FRACTION": ("fractions", lambda r: not r["form"].startswith("ال")),
    "ORDINAL": ("ordinals", None),
    "PORD": ("period_ordinals", None),
    "SEASON": ("seasons", None),
    "PERIOD": ("periods", None),
    "VAGUE": ("vague", None),
    "SETWORD": ("sets", None),
    "HOLIDAY": ("holidays", None),
    "DURMOD": ("duration_modifiers", None),
    "OFFSET": ("offset_words", None),
    "HERA": ("eras", lambda r: r["era"] == "AH"),            # «1436 هـ»
    "GERA": ("eras", lambda r: r["era"] != "AH"),            # «2015 م», «1258 قبل الميلاد»
    "COUNTED": ("counted_nouns", None),                       # «1500 متظاهر» is a count, not a year
    "EVENT": ("named_events", None),                          # «حرب أكتوبر»: a date of history
    "NOTCOUNTED": ("not_counted", None),                      # «2015 أيضاً»: an -an word that counts nothing
    "DECADE": ("decades", None),                              # «السبعينات», «ثمانينيات»
    "WDORDPRE": ("weekday_ordinals", lambda r: r["position"] == "before"),   # «أول خميس من»
    "WDORDPOST": ("weekday_ordinals", lambda r: r["position"] == "after"),   # «الجمعة الأخيرة من»
    "SAME": ("same_words", None),                             # «من العام نفسه»: the year said before
    "NARNEXT": ("narrative", lambda r: r["relation"] == "next"),        # «اليوم التالي», «العام الذي تلاه»
    "NARPREV": ("narrative", lambda r: r["relation"] == "previous"),    # «الأسبوع الذي سبقه»
    "CLOCKHOUR": ("clock_hours", None),
    "CLOCKPERIOD": ("clock_periods", None),
    "CLOCKFRAC": ("clock_fractions", None),
    "NARTHEN": ("narrative", lambda r: r["relation"] in ("then", "then_past", "then_day")),   # «حينها», «آنذاك», «يومئذ»
}


@dataclass
class Category:
    name: str
    entries: dict = field(default_factory=dict)     # normalised form -> Lexeme

    def alternation(self) -> str:
        """The forms as a regex trie: longest first at every branch, one comparison to reject a
        branch (a flat alternation of 70 month names costs 70 comparisons where nothing matches)."""
        return _trie_regex([f.split() for f in self.entries])

    def lookup(self, matched: str):
        return self.entries.get(" ".join(matched.split()))


def _trie_regex(forms: list) -> str:
    """A regex matching exactly the given forms (lists of words), longest alternative first."""
    trie: dict = {}
    for words in forms:
        node = trie
        for i, w in enumerate(words):
            for ch in w:
                node = node.setdefault(ch, {})
            if i < len(words) - 1:
                node = node.setdefault(" ", {})
        node[""] = {}
    return _node_regex(trie)


def _node_regex(node: dict) -> str:
    ends = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        head = "[ \t]+" if ch == " " else re.escape(ch)
        branches.append(head + _node_regex(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?"                # greedy: the longer form is tried first
    return body


def read_table(name: str, folder: Path = DATA) -> list[dict]:
    """Read and validate one table; return its rows as dicts with typed values (+ ``form``)."""
    path = folder / f"{name}.tsv"
    schema = SCHEMAS[name]
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        want = ["form", *schema]
        if header != want:
            raise LexiconError(f"{path}: header is {header}, expected {want}")
        rows = []
        for lineno, row in enumerate(reader, start=2):
            if not row or not "".join(row).strip():
                continue
            if len(row) > len(want):
                raise LexiconError(f"{path}:{lineno}: {len(row)} columns, expected {len(want)}")
            row = row + [""] * (len(want) - len(row))
            if not row[0].strip():
                raise LexiconError(f"{path}:{lineno}: empty form")
            rec = {"form": row[0].strip()}
            for col, parse, raw in zip(schema, schema.values(), row[1:]):
                try:
                    rec[col] = parse(raw.strip())
                except ValueError as e:
                    raise LexiconError(f"{path}:{lineno}: column {col!r} = {raw!r}: {e}") from None
            rows.append(rec)
    return rows


def _ta_marbuta_as_ha(form: str) -> str:
    """``form`` with each word's final «ة» written «ه»."""
    return " ".join(w[:-1] + "ه" if w.endswith("ة") else w for w in form.split())


class Lexicon:
    """All categories, plus the tense cues, blockers and future-prefix exceptions."""

    def __init__(self, folder: Path = DATA):
        self.tables = {name: read_table(name, folder) for name in SCHEMAS}
        self.categories: dict[str, Category] = {}
        for cat, (table, keep) in CATEGORIES.items():
            c = Category(cat)
            for rec in self.tables[table]:
                if keep is not None and not keep(rec):
                    continue
                norm = " ".join(fold(rec["form"]).split())
                cols = {k: v for k, v in rec.items() if k != "form"}
                old = c.entries.get(norm)
                if old is not None and old.values() != cols and table != "months":
                    raise LexiconError(f"{DATA / table}.tsv: {rec['form']!r} folds to {norm!r}, "
                                       f"already listed with other values {old.values()}")
                if old is not None and table == "months" and old.month != cols["month"]:
                    raise LexiconError(f"{DATA / table}.tsv: {rec['form']!r} folds to {norm!r}, "
                                       f"already listed as month {old.month}")
                if old is None:
                    c.entries[norm] = Lexeme(rec["form"], norm, cols)
            # the press writes a final «ة» as «ه» as often as not («السنه الماضيه», «نهايه العام»,
            # «ثلاثه ايام»): every form is also read so, unless that spelling is listed already (the
            # words written in the rules' templates, «الساعة», are not)
            for norm, lex in list(c.entries.items()):
                alt = _ta_marbuta_as_ha(norm)
                if alt != norm and alt not in c.entries:
                    c.entries[alt] = Lexeme(lex.form, alt, lex._cols)
            if cat == "COUNTED":
                # a counted noun after a number of 11-99 is in the accusative («1980 كيلوغراماً», «1500
                # طناً», «2000 برميلاً»): every form of one word of three letters or more that can take
                # «-an» is also read so («كم» is not: «منذ 2009 كما»)
                for norm, lex in list(c.entries.items()):
                    alt = norm + "ا"
                    if " " not in norm and len(norm) > 2 and norm[-1:] not in "اةهىءي" and alt not in c.entries:
                        c.entries[alt] = Lexeme(lex.form, alt, lex._cols)
            self.categories[cat] = c
        # tense cues: a form ending in a tatweel (سـ) is a verb prefix
        self.future_prefixes = [fold(r["form"].rstrip("ـ")) for r in self.tables["tense_cues"]
                                if r["form"].endswith("ـ") and r["tense"] == "future"]
        self.tense_words = {" ".join(fold(r["form"]).split()): r["tense"]
                            for r in self.tables["tense_cues"] if not r["form"].endswith("ـ")}
        self.future_exceptions = frozenset(fold(r["form"]) for r in self.tables["future_prefix_exceptions"])
        self.imperfect_exceptions = frozenset(fold(r["form"]) for r in self.tables["imperfect_exceptions"])
        # feminine imperfects of forms I-IV that no perfect or noun shares («تقام», «تجرى», «تزور»)
        self.feminine_imperfects = frozenset(fold(r["form"]) for r in self.tables["feminine_imperfects"])
        # words that read as a clitic and a date word but are words of their own («ولامس»: touched)
        self.clitic_words = frozenset(fold(r["form"]) for r in self.tables["clitic_words"])
        # nouns before a quoted title («برنامج «كل يوم»», «رواية «1984»»): its date words are a name
        self.title_nouns = frozenset(fold(r["form"]) for r in self.tables["title_nouns"])
        self.generic_sources = frozenset(fold(r["form"]) for r in self.tables["generic_sources"])
        # «من» + a place after a count («اختطف قبل ثلاثة أيام من أمام منزله»): no event it is counted from
        self.from_places = frozenset(fold(r["form"]) for r in self.tables["from_places"])
        self.comparatives = frozenset(fold(r["form"]) for r in self.tables["comparatives"] if r["kind"] == "comparative")
        self.intensifiers = frozenset(fold(r["form"]) for r in self.tables["comparatives"] if r["kind"] == "intensifier")
        self.nowadays = {place: tuple(sorted({" ".join(fold(r["form"]).split()) for r in self.tables["nowadays_cues"]
                                              if r["place"] == place}))
                         for place in NOWADAYS_PLACES}
        self.ala_governors = frozenset(fold(r["form"]) for r in self.tables["ala_governors"])
        self.min_governors = frozenset(fold(r["form"]) for r in self.tables["min_governors"])
        self.church_cues = {fold(r["form"]): r["church"] for r in self.tables["church_cues"]}
        self.national_days = {fold(r["form"]): (r["month"], r["day"]) for r in self.tables["national_days"]}
        self.country_days = {fold(r["form"]): (r["month"], r["day"]) for r in self.tables["country_days"]}
        self.verbal_nouns = {place: frozenset(fold(r["form"]) for r in self.tables["verbal_nouns"] if r["place"] == place)
                             for place in ("form", "opener")}
        self.blockers = {}
        given = [fold(r["form"]) for r in self.tables["given_names"]]
        for r in self.tables["blockers"]:
            ctx = fold(r["context"])
            # «@given_name» in a context stands for each form of given_names.tsv («محمد الخميس»)
            for c in ([ctx.replace("@given_name", g) for g in given] if "@given_name" in ctx else [ctx]):
                self.blockers.setdefault((fold(r["form"]), r["side"]), set()).add(c)

    def __getitem__(self, cat: str) -> Category:
        return self.categories[cat]


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    return Lexicon()

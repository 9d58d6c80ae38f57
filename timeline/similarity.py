"""Text similarity over normalised Arabic: TF-IDF weighted cosine of light stems.

A clause is folded with :func:`resolvers.normalize.fold` (alef/hamza forms, diacritics, tatweel,
Indic digits), split into words, stripped of function words and of the usual clitics (ال and its
attached prepositions; و ف ب ل ك when the rest of the word is itself a word of the run; one common
suffix), so that «الروسي», «الروسية» and «روسيا», or «موسكو» and «وموسكو», share a stem.  Each stem is weighted by its inverse document frequency over all the mentions of the run, and
two clauses are compared by the cosine of their weight vectors: 1 for the same words, 0 for none in
common, with frequent words (الرئيس, العلاقات) counting for less than rare names (القامشلي).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from typing import Iterable

from resolvers.normalize import fold

_WORD = re.compile(r"[\u0621-\u063a\u0641-\u064a0-9a-z]+")

# Function words and the generic vocabulary of news reporting, in folded spelling.
STOPWORDS = frozenset(fold(w) for w in """
في من على إلى الى عن مع أن إن أنّ ان لا لم لن ما ماذا لماذا هل قد كما كان كانت يكون تكون التي الذي الذين
اللذين اللتين اللواتي هذا هذه ذلك تلك هذان هاتان هؤلاء أولئك هناك هنا ثم أو او أم بل حتى إذا اذا لو لكن
لكنه بعد قبل حيث وفق وفقا حسب خلال بين عند عنده حول ضد دون منذ نحو لدى أي أية كل بعض غير سوى أيضا أيضاً
فيه فيها به بها له لها لهم منه منها عليه عليها إليه إليها اليه هو هي هم هن نحن أنا انه أنه إنه أنها إنها
وقال قال تقول يقول قالت وأضاف أضاف وأكد أكد أكدت وأوضح أوضح أوضحت وأشار أشار أشارت مشيرا مشيراً مؤكدا مؤكداً
وأعلن أعلن أعلنت ونقل نقل نقلت أفاد أفادت أفادته بحسب بأن بان لأن فقط جدا جداً إطار سياق ضمن عبر تم يتم
الموافق اليوم أمس غدا غداً الماضي الماضية المقبل المقبلة الحالي الحالية الجاري الجارية العام الشهر الأسبوع يوم
""".split())

_PREFIXES = ("وبال", "وال", "بال", "كال", "فال", "ولل", "لل", "ال")
_SUFFIXES = ("يات", "يين", "تها", "تهم", "ها", "هم", "هما", "كم", "نا", "ات", "ون", "ين", "ان", "ية", "يا",
             "ه", "ة", "ي")
_PROCLITICS = "وفبلك"


_WORD_CACHE: dict[str, tuple] = {}     # raw token -> its content words
_WORD_CACHE_MAX = 1 << 20


def _content(w: str) -> str:
    if w in STOPWORDS or len(w) < 2 or w.isdigit() or (w[0] in _PROCLITICS and w[1:] in STOPWORDS):
        return ""
    for p in _PREFIXES:
        if w.startswith(p) and len(w) - len(p) >= 3:
            w = w[len(p):]
            break
    return "" if w in STOPWORDS else w


def _token_words(tok: str) -> tuple:
    """The content words of one folded, lower-cased token."""
    return tuple(c for c in map(_content, _WORD.findall(tok)) if c)


def words(text: str) -> list[str]:
    """The content words of a text, folded, without the article and its attached prepositions
    (ال وال بال لل ...), in order with repeats.  Single-letter proclitics stay: only the vocabulary of
    a whole run can tell «وموسكو» (و + موسكو) from «وزير»."""
    # the text is folded once (folding is local to each character and turns no whitespace into a
    # letter), then each distinct token is read once (a bounded memo: the result never depends on it)
    cache = _WORD_CACHE
    if len(cache) > _WORD_CACHE_MAX:
        cache.clear()
    out: list[str] = []
    for tok in fold(text).lower().split():
        c = cache.get(tok)
        if c is None:
            c = cache[tok] = _token_words(tok)
        if c:
            out += c
    return out


def suffix_stem(w: str) -> str:
    for s in _SUFFIXES:
        if w.endswith(s) and len(w) - len(s) >= 3:
            return w[:-len(s)]
    return w


class Vocabulary:
    """Stems words against the vocabulary of a whole run: a leading و ف ب ل ك is a separate word
    only when the rest is also seen on its own («وموسكو» -> «موسكو», «بوتين» stays «بوتين»); then one
    common suffix goes («الروسية», «الروسي», «روسيا» -> «روس»)."""

    def __init__(self, word_lists: Iterable[Iterable[str]]):
        self.known: set[str] = set()
        for ws in word_lists:
            self.known.update(ws)
        self._cache: dict[str, str] = {}

    def stem(self, w: str) -> str:
        out = self._cache.get(w)
        if out is None:
            base = w[1:] if w[0] in _PROCLITICS and len(w) >= 4 and w[1:] in self.known else w
            out = self._cache[w] = suffix_stem(base)
        return out

    def tokens(self, ws: Iterable[str]) -> list[str]:
        return [self.stem(w) for w in ws]


class Idf:
    """Smoothed inverse document frequency over a set of token lists (one per mention)."""

    def __init__(self, docs: Iterable[Iterable[str]]):
        self.df: Counter = Counter()
        self.n = 0
        for toks in docs:
            self.n += 1
            self.df.update(set(toks))

    def __call__(self, tok: str) -> float:
        return math.log((self.n + 1) / (self.df.get(tok, 0) + 1)) + 1.0

    def vector(self, toks: Iterable[str]) -> dict[str, float]:
        tf = Counter(toks)
        return {t: (1.0 + math.log(c)) * self(t) for t, c in tf.items()}

    def keys(self, toks: Iterable[str], k: int) -> list[str]:
        """The ``k`` rarest distinct tokens (highest IDF, ties by spelling): blocking keys."""
        return sorted(set(toks), key=lambda t: (-self(t), t))[:k]


def norm(vec: dict[str, float]) -> float:
    return math.sqrt(sum(v * v for v in vec.values()))


def cosine(a: dict[str, float], b: dict[str, float], na: float | None = None, nb: float | None = None) -> float:
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b, na, nb = b, a, nb, na
    dot = sum(v * b.get(t, 0.0) for t, v in a.items())
    if dot == 0.0:
        return 0.0
    return dot / ((na or norm(a)) * (nb or norm(b)))


def similarity(text_a: str, text_b: str) -> float:
    """Cosine similarity of two texts on their own (vocabulary and IDF from the two texts)."""
    wa, wb = words(text_a), words(text_b)
    vocab = Vocabulary([wa, wb])
    ta, tb = vocab.tokens(wa), vocab.tokens(wb)
    idf = Idf([ta, tb])
    return cosine(idf.vector(ta), idf.vector(tb))

"""An event's summary as a headline: its mention's clause without the discourse words that tie it to
the sentence before («وقال» → «قال», «كما أعلنت» → «أعلنت», «يذكر أن الوزارة» → «الوزارة»).

A clause of a news article usually opens with a connective: the conjunction و or ف written on the
first word, or a word such as «كما», «حيث», «فيما», «لكن», «يذكر أن».  A headline does not.  The
conjunction is taken off only when what is left is itself a word: a verb of reporting or a function
word known in any case (``OPENERS``, ``SHORT``), or a word of three letters or more that the
corpus's summaries hold (``known``); so a word whose first letter is a root و stays whole: «وزارة»,
«وفد», «وصل» (what is left, «زارة», «فد», «صل», is no such word).

:func:`dangling` says whether a summary starts where no headline can (a relative pronoun whose
antecedent was cut off: «الذي يشارك في حفل الافتتاح»), or is too short to say what happened, and
:func:`opening` whether it names who or what (a clause cut after its subject opens with a
preposition or a complementizer: «في الدوحة لبحث …», «إلى أن أسعار الوقود …»): the merge takes the
event's summary from the best-opening of its central mentions (:func:`timeline.merge._medoid`).
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Optional

from .similarity import words

# words that open a clause by linking it to the one before; a following «أن»/«بأن»/«إلى أن» goes with them
CONNECTIVES = frozenset("""كما حيث فيما بينما لكن لكنه لكنها ثم أما إذ اذ إلا الا كذلك أيضا أيضاً
بل يذكر يشار علما وذلك فإن وإن""".split())
THAT = frozenset(["أن", "بأن", "ان", "بان", "إن", "أنه", "أنها", "بأنه", "بأنها", "بانه", "بانها"])
TWO_WORDS = (("إلى", "ذلك"), ("الى", "ذلك"), ("من", "جهته"), ("من", "جهتها"), ("من", "جانبه"), ("من", "جانبها"),
             ("في", "المقابل"), ("في", "حين"), ("من", "ناحيته"), ("من", "ناحيتها"), ("في", "غضون"),
             ("وفي", "المقابل"), ("ومن", "جهته"), ("ومن", "جانبه"), ("ومن", "جهتها"), ("ومن", "جانبها"),
             ("وإلى", "ذلك"), ("من", "جهة"), ("ومن", "جهة"), ("من", "ناحية"), ("ومن", "ناحية"))
OTHER = frozenset(["أخرى", "اخرى", "ثانية", "ثانيه", "أخري"])
RELATIVES = frozenset(["الذي", "التي", "الذين", "اللذين", "اللذان", "اللتين", "اللتان", "اللواتي", "اللاتي",
                       "والذي", "والتي", "والذين"])
# what a clause opens with after its conjunction, known whatever the corpus: the common function
# words (two letters: the only short remainders trusted) and the verbs of reporting
SHORT = frozenset("في قد من لم لن ما لا عن مع هو هي".split())
OPENERS = frozenset("""قال قالت أعلن أعلنت أكد أكدت أوضح أوضحت أشار أشارت أضاف أضافت كان كانت بين بينت ذكر ذكرت
أفاد أفادت لفت لفتت شدد شددت نوه نوهت دعا دعت أبدى أبدت تابع تابعت اختتم اختتمت افتتح افتتحت التقى التقت
استقبل استقبلت وصل وصلت بدأ بدأت شهد شهدت تم تمت جاء جاءت يأتي تأتي""".split())
MIN_WORDS = 5
_STRIP = ",،:؛-–— "
_QUOTES = "\"'«»“”‘’"
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")      # diacritics and tatweel: «علمًا», «علماً» = «علما»


def known_words(summaries: Iterable[str]) -> Counter:
    """How often each word (as written) is in the summaries: the vocabulary :func:`headline` checks."""
    c: Counter = Counter()
    for s in summaries:
        if s:
            c.update(s.split())
    return c


def _is_word(w: str, known: Counter, least: int = 3) -> bool:
    if len(w) == 2:
        return w in SHORT
    return len(w) >= 3 and (w in OPENERS or known.get(w, 0) >= least)


def headline(summary: str, known: Optional[Counter] = None) -> str:
    """``summary`` without its opening connectives (at most three taken off; never down to less than
    three words)."""
    if not summary:
        return summary
    words = summary.split()
    known = known or Counter()
    for _ in range(3):
        if len(words) <= 3:
            break
        first = _MARKS.sub("", words[0].strip(_STRIP))
        if (first, _MARKS.sub("", words[1].strip(_STRIP))) in TWO_WORDS:
            words = words[2:]
            if words and words[0].strip(_STRIP) in OTHER and len(words) > 3:    # «من جهة أخرى»
                words = words[1:]
        elif first in ("هذا", "وهذا") and words[1][:1] == "و":       # «هذا وقد أعلنت»
            words = words[1:]
        elif first in CONNECTIVES or (first[:1] in "وف" and first[1:] in CONNECTIVES):
            words = words[1:]
            if words and _MARKS.sub("", words[0]) in THAT and len(words) > 3:
                words = words[1:]
        elif first[:1] in "وف" and _is_word(first[1:], known):
            words = [first[1:]] + words[1:]
        else:
            break
        while words and not words[0].strip(_STRIP):
            words = words[1:]
        if words:
            words[0] = words[0].lstrip(_STRIP)
    return " ".join(words) if len(words) >= 3 else summary


def dangling(summary: str) -> bool:
    """A summary no headline should be: it opens with a relative pronoun, or has too few words."""
    words = (summary or "").split()
    return len(words) < MIN_WORDS or words[0].strip(_STRIP) in RELATIVES


# what a headline that says who did what does not open with, once its connectives are off: a
# preposition (the clause was cut from a sentence whose subject stood before it: «في الدوحة لبحث
# التقدم المحرز»), a complementizer («أن العملة انخفضت», «إلى أن أسعار الوقود»), a particle of tense or
# negation with no subject («قد دفعت», «لم تتمكن من»), a passive of «تم»
WEAK_OPENERS = frozenset("""في من على إلى الى عن مع بعد قبل منذ خلال حتى عبر ضمن وسط بحسب حسب وفق وفقا
وفقاً نحو لدى عند لبحث لمناقشة لمتابعة أن ان إن أنه انه أنها انها إنه إنها بأن بان قد لم لن لا تم تمت
مؤكدا مؤكداً مشيرا مشيراً موضحا موضحاً لافتا لافتاً مضيفا مضيفاً""".split())
# «من المتوقع أن», «من المقرر أن»: what is expected or planned opens a headline as it is
_IMPERSONAL = frozenset("المتوقع المقرر المنتظر المرجح المفترض".split())
# a verb of saying whose subject is a pronoun when a complementizer follows it: «أضاف أنه بحث»,
# «أوضح أن سوق عكاظ», where «قال تشونغ» names who said it
_SAYING = frozenset("""قال قالت أضاف أضافت أوضح أوضحت أكد أكدت أشار أشارت ذكر ذكرت بين بينت لفت لفتت
شدد شددت نوه نوهت أفاد أفادت تابع تابعت""".split())
_PRONOUN_NEXT = frozenset("""أن ان إن أنه انه أنها انها بأن بان إلى الى""".split())


def opening(summary: str) -> int:
    """How well a summary opens a headline, once its connectives are off (:func:`headline`): 0 it
    names who or what, 1 it opens with no subject (:data:`WEAK_OPENERS`: «في الدوحة لبحث …», «كان قد
    ترك عمله», a verb of saying and a complementizer «أضاف أنه …»), 2 it is :func:`dangling`.  The
    event's summary is taken from the best-opening of its central mentions."""
    if dangling(summary):
        return 2
    words = [_MARKS.sub("", w.strip(_STRIP + _QUOTES)) for w in headline(summary).split()[:2]]
    words = [w for w in words if w]
    if not words:
        return 2
    first, second = words[0], (words[1] if len(words) > 1 else "")
    if first == "من" and second in _IMPERSONAL:
        return 0
    if first in WEAK_OPENERS or (first in ("كان", "كانت") and second == "قد") or first.isdigit():
        return 1
    if first in _SAYING and second in _PRONOUN_NEXT:
        return 1
    return 0


LEAD = 160             # a mention whose clause starts this near an article's start is in its lead
_SECTION = re.compile(r"^[^\s/|]+\s*[/|]\s+(?=\S)")   # a section's name before the title: «رياضي / …»
TITLE_WORDS = (3, 16)  # a title used as a headline has this many words (fewer: a column's name)


def lead_title(members: Iterable[tuple], title_of) -> Optional[tuple]:
    """The title to head an event with, when some of its articles are about it: among the articles
    whose mention of the event is in their lead (the clause starts within ``LEAD`` characters), the
    title whose content words the event's other articles' clauses hold most (summed over its words,
    the number of other articles holding each; ties: the shorter, then the article id), if at least
    two of its content words are held by another article's clause.
    ``members``: (doc id, clause start, content words of the clause) per mention; ``title_of(doc)``:
    the article's title or None.  Returns (doc id, title) or None."""
    members = list(members)
    if len({d for d, _, _ in members}) < 2:
        return None
    held: dict = {}                  # content word -> the articles whose clauses hold it
    for d, _, ws in members:
        for w in ws:
            held.setdefault(w, set()).add(d)
    best, best_key = None, None
    for d in sorted({d for d, s, _ in members if s <= LEAD}):
        title = _SECTION.sub("", (title_of(d) or "").strip())
        n_words = len(title.split())
        if not (TITLE_WORDS[0] <= n_words <= TITLE_WORDS[1]):
            continue
        ws = set(words(title))
        others = [len(held[w] - {d}) if w in held else 0 for w in ws]
        if sum(1 for n in others if n) < 2:
            continue
        key = (-sum(others), len(title), d)
        if best_key is None or key < best_key:
            best, best_key = (d, title), key
    return best


def too_short(summary: str) -> bool:
    """Fewer than three content words: no headline («1377هـ =», «قال», «وذلك»), whatever its clause."""
    return len(words(summary)) < 3

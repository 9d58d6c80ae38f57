"""Merge event mentions into events.

Mentions whose date dates no happening (an agency dateline, a masthead, a comparison's reference
point, «في اليوم» per day: :mod:`timeline.roles`) are left out.  The others are taken finest date
first (shortest interval, then date, document id, offset), so an event's date is always the date of
its first, finest mention.  Each mention joins the candidate event whose *members* it is most like,
or starts a new event:

* a mention is compared with each member of a candidate event, not with the sum of their words:
  the similarity of two mentions is the weight of the identifying stems they share over the smaller
  of their totals (:meth:`_Merger._sim`; stems weighted by their rarity, the commonest left out), so
  rare names, places and terms decide and a large event's vocabulary does not attract whatever
  shares a few of its words (no snowball), while a near copy of one member joins it (no dilution);
* it joins when its closest member (``best``) and the average over all members (``mean``, average
  linkage) reach the thresholds of its date's width (:func:`link_threshold`: a shared day is good
  evidence, a shared month less, a shared year little) and it shares at least two identifying stems
  with the closest member (three beyond two months); one article's own clauses of one day need a
  little less from the closest one (``SAME_DOC``);
* each article has a story vector (:func:`doc_vectors`: the TF-IDF of all its dated clauses' stems
  over the documents); a mention joins an event of exactly its date when its article tells the
  story of one of the event's articles (cosine ``STORY[0]``) and shares an identifying stem with
  it, even with few words in common: one story and one date make one happening; and a link the
  words alone would make is refused when the two articles share almost nothing else (cosine below
  ``STORY[1]``): alike words, two stories;
* a visit is a happening of its own (:func:`acts_of`: «زار/تفقد/وقف على» at the clause's opening or
  next to the date): a clause of the emir's visit to the site of a bombing, or to its wounded, does
  not join the clauses that date the bombing, nor does an event that most of whose members are visits
  join one that is not, however alike their words and stories;
* a mention of a span (a month, a quarter) does not join a member of another article whose clause
  gives other figures or names other people and places (:func:`_clash`): a month's indicators of two
  things («الناتج الصناعي في يونيو», «عرض النقود في يونيو») share the words of the trade, not a
  happening;
* a coarser mention («نهاية يوليو» or «تموز الماضي» against an event of 2025-07-31) must also lead
  the next compatible event by ``margin``, so a year-level aside is not glued to whichever event of
  that year happens to share a word;
* an event of one day is then kept only as far as strong links hold its members together
  (:func:`refine`: a clause that tells of two happenings no longer chains them), and events of one
  day whose signatures (what most of their articles name) are alike become one
  (:func:`join_signatures`: a happening told in many words, begun as several events);
* two different single days never overlap, so they are never merged, however alike the words.

Each link is kept (:attr:`Event.links`: the mention, its closest member, both scores, the shared
stems and the story cosine): ``timeline.json`` says why each event's mentions were merged.

Grouping and blocking keep the cost per mention flat and let the merge run as a grouped step
(:func:`plan`, :func:`merge_month`, :func:`finish`; the Dask engine maps the months over a cluster):

1. mentions within one calendar month are merged month by month, on their own (a mention can only
   join an event it contains, so nothing outside its month can be a candidate);
2. mentions within one year but not one month are then merged year by year, against the events of
   that year's months;
3. mentions crossing a year boundary last, against every event they may contain.

Within a step each member is indexed under (calendar period, stem) for the periods containing its
event's dates and its rarest stems; a mention looks up only its own smallest period with its own
rarest stems, each posting list keeps the ``cap`` most recent members, and only the members of the
``top`` events with the most hits are compared.  No pair of mentions is compared outside those
candidates, and no set order leaks into the result.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional, Sequence

from resolvers.normalize import fold

from .dates import compatible, contains, grain_rank, period_keys
from .headline import opening
from .mentions import EventMention, vague_stretch
from .similarity import Vocabulary, norm, words

SAME_DATE = (0.30, 0.0, 2)    # (best, mean, shared stems) to join an event of the same day
SAME_SPAN = (0.35, 0.05, 2)   # ... of a span up to two months («تموز الماضي»), or a coarser mention
                              #     joining a finer event («نهاية يوليو» into 2025-07-31)
SAME_LONG = (0.65, 0.10, 3)   # ... of a longer span (a quarter, a year: weak evidence; near copies only)
SAME_DOC = 0.7         # one article's own clauses of one day: the closest one needs this share
MARGIN = 0.08          # a coarser mention's lead over the next compatible event
# a week or a season («هذا الأسبوع», «الأسبوع الماضي», «هذا الصيف») tells of a stretch, not of the day of
# one happening in it: such a mention joins only an event of its own span (on the four development
# sets, every judged pair of a week or a season and a day that the merge joined was two happenings)
STRETCH_GRAINS = frozenset(("week", "season"))
CAP = 32               # events kept per (period, stem) posting list
TOP = 24               # candidates scored exactly per mention (those sharing the most stems)
KEYS = 20              # a mention's rarest stems used as blocking keys
COMMON = 0.05          # stems in more than this share of the mentions (and in more than 50) are
                       # too common to find candidates with; they still count in the similarity
DOC_TERMS = 60         # stems kept in a document's story vector
DOC_COMMON = 0.2       # stems in more than this share of the documents are no story's
STORY_MIN_DOCS = 100   # fewer documents: no story vectors (their weights would tell nothing apart)
STORY_DOCS = 8         # articles of a candidate event whose story is compared (those found first)
CONSOLIDATE = 0.7      # events of one date whose articles' summed stories are this alike become one,
CONSOLIDATE_CLAUSE = 0.2   # ... when two of their clauses are this alike
CONSOLIDATE_KEYS = 8   # an event's heaviest story stems it is found under
STORY = (0.35, 0.03)   # (story cosine that makes one happening of two mentions of one date, story cosine
                       # below which alike clauses of two articles are kept apart): see link_threshold
USE_STORY = True
REFINE = (0.4, 3)      # (overlap, shared identifying stems) of a strong link: a day's event holds together
                       # only through strong links between its members (:func:`refine`)
REFINE_MANY = (0.3, 6)   # ... or (overlap, shared stems) when many names and terms are shared
REFINE_FIGURES = 2     # ... unless each clause gives this many figures and they share none
HEAD = (4, 3, 2)       # (content words before the date, after it, identifying stems each head needs): the
                       # words the date attaches to (:func:`head_of`); two heads that share none: no strong link
ACTS = True            # visits kept apart from what they are visits about (:func:`acts_of`)
REFINE_CAP = 64        # members compared per blocking stem when an event is checked
SIGNATURE = (0.6, 2, 0.5)   # (weighted overlap, shared stems, share of an event's articles a stem must
                            # be in to be of its signature): fragments of one day's happening join


@dataclass
class Event:
    members: list                     # indexes into the mention list, finest first
    first_day: object
    last_day: object
    value: str
    mod: object
    grain: str
    hull: tuple                       # union of the members' intervals
    docs: set = field(default_factory=set)
    summary_member: int = 0
    links: list = field(default_factory=list)      # (member, closest earlier member, best, mean, shared stems,
                                                   #  story cosine of their articles or None)


def mention_order(m: EventMention) -> tuple:
    return ((m.last_day - m.first_day).days, m.first_day, grain_rank(m.grain), m.mod or "", m.doc_id,
            m.start, m.expr_start)


def link_threshold(first, last) -> tuple[float, float, int]:
    """(closest member's cosine, mean cosine over the members, identifying stems shared with the
    closest member) a mention covering ``[first, last]`` needs to join an event: a shared day is
    good evidence, a shared month less, a shared year little."""
    days = (last - first).days + 1
    if days == 1:
        return SAME_DATE
    return SAME_SPAN if days <= 62 else SAME_LONG


# --- statistics of the whole run ------------------------------------------------------------------
@dataclass
class Stats:
    """What every group needs from the whole run: the stemming vocabulary, the stems' weights
    (smoothed IDF over all mentions) and the stems too common to find candidates with (in more than
    5% of the mentions and more than 50 of them: they still count in the similarity)."""
    vocab: Vocabulary
    weight: dict
    too_common: frozenset
    once: frozenset = frozenset()      # stems of a single mention: they can find no other one
    docs: dict = field(default_factory=dict)   # doc id -> its story vector (unit, DOC_TERMS heaviest stems)
    shifts: dict = field(default_factory=dict)  # doc id -> days from its anchor to the day its weekdays imply
    n: int = 0                          # mentions counted
    story_cache: dict = field(default_factory=dict, repr=False, compare=False)  # (doc, doc) -> cosine

    def __getstate__(self):               # sent to another process: without the memo
        state = dict(self.__dict__)
        state["story_cache"] = {}
        return state

    def tokens(self, m: EventMention) -> list[str]:
        return self.vocab.tokens(m.words)

    def vector(self, toks: Iterable[str]) -> dict:
        tf: dict = {}
        for t in toks:
            tf[t] = tf.get(t, 0) + 1
        w = self.weight
        return {t: w[t] if c == 1 else (1.0 + math.log(c)) * w[t] for t, c in tf.items()}

    def mention_vector(self, m: EventMention) -> dict:
        """``vector(tokens(m))`` without the intermediate list (the stem memo read directly)."""
        vocab = self.vocab
        cache, stem = vocab._cache, vocab.stem
        tf: dict = {}
        for word in m.words:
            t = cache.get(word)
            if t is None:
                t = stem(word)
            tf[t] = tf.get(t, 0) + 1
        w = self.weight
        return {t: w[t] if c == 1 else (1.0 + math.log(c)) * w[t] for t, c in tf.items()}


def _ident(m: EventMention, stats: Stats) -> dict:
    """The identifying stems of a mention with their weights: those not too common (:class:`Stats`)."""
    w, common = stats.weight, stats.too_common
    return {t: w[t] for t in stats.mention_vector(m) if t not in common}


def overlap(vi: dict, ni: float, vj: dict, nj: float) -> tuple[float, int, list]:
    """How much of the shorter of two mentions the other one holds: the weight of the identifying
    stems they share over the smaller of their totals (``ni``, ``nj``), with the shared stems and
    their number."""
    if len(vi) > len(vj):
        vi, vj = vj, vi
    both = [t for t in vi if t in vj]
    if not both:
        return 0.0, 0, []
    return sum([vi[t] for t in both]) / min(ni, nj), len(both), both


def known_words(mentions: Iterable[EventMention]) -> set:
    """First pass (mergeable across partitions by set union): every word of the run."""
    out: set = set()
    for m in mentions:
        out.update(m.words)
    return out


def stem_counts(mentions: Iterable[EventMention], vocab: Vocabulary) -> tuple[dict, int]:
    """Second pass (mergeable by summing): in how many mentions each stem occurs, and how many
    mentions there are."""
    df: dict = {}
    n = 0
    cache, stem = vocab._cache, vocab.stem
    for m in mentions:
        n += 1
        seen = set()
        for word in m.words:
            t = cache.get(word)
            seen.add(stem(word) if t is None else t)
        for t in seen:
            df[t] = df.get(t, 0) + 1
    return df, n


def make_stats(vocab: Vocabulary, df: dict, n: int) -> Stats:
    weight = {t: math.log((n + 1) / (c + 1)) + 1.0 for t, c in df.items()}
    limit = max(50, COMMON * n)
    return Stats(vocab, weight, frozenset(t for t, c in df.items() if c > limit),
                 frozenset(t for t, c in df.items() if c == 1), n=n)


def doc_vectors(mentions: Sequence[EventMention], vocab: Vocabulary, terms: Optional[int] = None) -> dict:
    """Each document's story vector: the stems of all its dated clauses, weighted by TF-IDF over
    documents (stems in more than a fifth of them left out), its ``terms`` heaviest kept, as a unit
    vector.  Two articles about one story share it whatever their dated clauses' wording."""
    terms = DOC_TERMS if terms is None else terms
    if len({m.doc_id for m in mentions}) < STORY_MIN_DOCS:
        return {}                      # too few documents for their weights to tell stories apart
    counts: dict = {}
    cache, stem = vocab._cache, vocab.stem
    for m in mentions:
        c = counts.get(m.doc_id)
        if c is None:
            c = counts[m.doc_id] = {}
        for word in m.words:
            t = cache.get(word)
            if t is None:
                t = stem(word)
            c[t] = c.get(t, 0) + 1
    df: dict = {}
    for c in counts.values():
        for t in c:
            df[t] = df.get(t, 0) + 1
    n = len(counts)
    limit = max(20, DOC_COMMON * n)
    out = {}
    for d, c in counts.items():
        vec = {t: (1.0 + math.log(k)) * math.log((n + 1) / (df[t] + 1)) for t, k in c.items() if df[t] <= limit}
        top = sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:terms]
        norm_ = math.sqrt(sum(v * v for _, v in top))
        out[d] = {t: v / norm_ for t, v in top} if norm_ else {}
    return out


def stats_of(mentions: Sequence[EventMention]) -> Stats:
    vocab = Vocabulary([])
    vocab.known = known_words(mentions)
    st = make_stats(vocab, *stem_counts(mentions, vocab))
    st.docs = doc_vectors(mentions, vocab)
    return st


# --- grouping -------------------------------------------------------------------------------------
def group_key(m: EventMention) -> tuple:
    """(1, year, month) for a mention within one month, (2, year, 0) within one year, (3, 0, 0) for
    the rest: the step that merges it."""
    f, l = m.first_day, m.last_day
    if f.year == l.year:
        return (1, f.year, f.month) if f.month == l.month else (2, f.year, 0)
    return (3, 0, 0)


def plan(mentions: Sequence[EventMention]) -> dict:
    """Mention indexes by :func:`group_key`, each group in merge order (finest first)."""
    groups: dict = {}
    for i, m in enumerate(mentions):
        if m.role == "event":             # a dateline, a masthead, a reference point: no event
            groups.setdefault(group_key(m), []).append(i)
    for g in groups.values():
        g.sort(key=lambda i: mention_order(mentions[i]))
    return dict(sorted(groups.items()))


class _Merger:
    """One sequential pass over mentions in merge order, with a blocking index.  ``period(first,
    last)`` gives the index periods an interval is found under (finest first); a mention looks up
    the first."""

    def __init__(self, mentions, stats: Stats, period: Callable, margin: float, cap: int, top: int,
                 vecs: Optional[dict] = None):
        self.mentions, self.stats, self.period = mentions, stats, period
        self.margin, self.cap, self.top = margin, cap, top
        self.events: list[Event] = []
        self.index: dict = {}
        self.stems: Optional[set] = None
        self._vecs: dict = vecs if vecs is not None else {}
        self.event_of: dict = {}
        # a flag, not the bound method: ``self.story = self._story`` would be a reference cycle, and
        # with the collector held off during a build the merger's index, vectors and story memo
        # would outlive the merge (some 90 MB at 5,000 articles)
        self.use_story = bool(USE_STORY and stats.docs)
        self._story_cache: dict = stats.story_cache
        self._clues: dict = {}
        self._acts: dict = {}

    def _story(self, a: str, b: str) -> float:
        """The cosine of two documents' story vectors (:func:`doc_vectors`), memoised for the run."""
        key = (a, b) if a < b else (b, a)
        cache = self._story_cache
        out = cache.get(key)
        if out is None:
            docs = self.stats.docs
            va, vb = docs.get(a), docs.get(b)
            if not va or not vb:
                out = 0.0
            else:
                shared = va.keys() & vb.keys()        # a set intersection in C: few stems in common
                # summed in spelling order: the same float whatever the hash seed
                out = sum([va[t] * vb[t] for t in sorted(shared)]) if shared else 0.0
            cache[key] = out
        return out

    @staticmethod
    def story_need(first, last) -> float:
        days = (last - first).days + 1
        return STORY[0] if days == 1 else (STORY[1] if days <= 62 else STORY[2])

    def add_event(self, ev: Event) -> None:
        """An event merged in an earlier step: its members indexed under its periods and stems."""
        n = len(self.events)
        self.events.append(ev)
        stems = self.stems
        for j in ev.members:
            self.event_of[j] = n
            keys = self._vector(j)[2]
            self._index_member(j, ev, keys if stems is None else [k for k in keys if k in stems])

    def lookups(self, order: Iterable[int]) -> None:
        """Index earlier events only under the periods and stems some of these mentions will look up
        (the other posting lists would never be read)."""
        ms = self.mentions
        wanted = {p[0] for p in (self.period(ms[i].first_day, ms[i].last_day) for i in order) if p}
        base = self.period
        self.period = lambda first, last: [p for p in base(first, last) if p in wanted]
        self.stems = set()
        for i in order:
            self.stems.update(self._vector(i)[2])

    def _vector(self, i: int) -> tuple:
        """(identifying stems with their weights, their total weight, blocking keys) of mention
        ``i``, computed once per step.  Identifying stems are those not too common to find
        candidates with (:class:`Stats`)."""
        out = self._vecs.get(i)
        if out is None:
            stats = self.stats
            once, w = stats.once, stats.weight
            ident = _ident(self.mentions[i], stats)
            # rarest first, ties by spelling (two stable C-level sorts, no Python key function)
            keys = sorted(sorted(t for t in ident if t not in once), key=w.__getitem__, reverse=True)[:KEYS]
            out = self._vecs[i] = (ident, sum(ident.values()), keys)
        return out

    def _sim(self, i: int, j: int) -> tuple[float, int, list]:
        """How much of the shorter of two mentions the other one holds: the weight of the
        identifying stems they share over the smaller of their totals (1 when one clause's names
        and terms are all in the other, 0 with none in common); the shared stems and their number."""
        vi, ni, _ = self._vector(i)
        vj, nj, _ = self._vector(j)
        return overlap(vi, ni, vj, nj)

    def run(self, order: Iterable[int]) -> None:
        """Each mention joins the candidate event whose members it is most like, or starts one.

        Linkage is to the members, not to their sum: the mention's cosine with each member of a
        candidate event (those found through its rarest stems; the others count as 0) gives the
        event's ``best`` (the closest member) and ``mean`` (average linkage over all its members).
        It joins when ``best`` and ``mean`` reach the thresholds of its date's width and it shares
        enough identifying stems with the closest member; a large event's vocabulary therefore does
        not attract whatever shares a few of its words, and a near copy of one member joins it."""
        mentions, events, index = self.mentions, self.events, self.index
        cap, top, margin = self.cap, self.top, self.margin
        event_of = self.event_of
        for i in order:
            m = mentions[i]
            vec, vn, keys = self._vector(i)
            periods = self.period(m.first_day, m.last_day)
            interval = (m.first_day, m.last_day)
            need_best, need_mean, n_shared = link_threshold(m.first_day, m.last_day)
            single = m.first_day == m.last_day
            # a vague stretch (mentions.vague_stretch) joins, and is joined by, only mentions of the very
            # same stretch (one article's copies): on the four judged sets, every pair of a vague
            # stretch and another date is two happenings
            vague = vague_stretch(m.mod, m.first_day, m.last_day)
            stretch = m.grain in STRETCH_GRAINS
            chosen, link = None, None
            if periods and vn:
                p = periods[0]
                # the weight each earlier member shares with the mention over its rarest stems
                hw: dict = {}
                for k in keys:
                    lst = index.get((p, k))
                    if lst:
                        wk = vec[k]
                        for j in (lst if len(lst) <= cap else lst[-cap:]):
                            hw[j] = hw.get(j, 0.0) + wk
                by_event: dict = {}
                for j in hw:
                    e = event_of[j]
                    if e in by_event:
                        by_event[e].append(j)
                    else:
                        by_event[e] = [j]
                if len(by_event) > top:
                    mass = {e: sum([hw[j] for j in js]) for e, js in by_event.items()}
                    cands = sorted(by_event, key=lambda e: (-mass[e], e))[:top]
                else:
                    cands = by_event
                vecs = self._vecs
                best_score, second, best_e = -1.0, 0.0, -1
                story = self._story if self.use_story else None
                doc = m.doc_id
                for e in sorted(cands):
                    ev = events[e]
                    if not contains(interval, ev.hull):
                        continue
                    if (vague or stretch or vague_stretch(ev.mod, ev.first_day, ev.last_day)) and \
                            (ev.first_day, ev.last_day) != interval:
                        continue                       # a vague stretch, a week or a season dates no one happening
                    # each member's similarity from the shared key weight (a lower bound), the
                    # closest one's exactly
                    total, near, best_j = 0.0, -1.0, -1
                    for j in by_event[e]:              # in posting order: deterministic
                        nj = (vecs.get(j) or self._vector(j))[1]
                        c = hw[j] / (vn if vn < nj else nj)
                        total += c
                        if c > near:
                            near, best_j = c, j
                    best, best_shared, best_terms = self._sim(i, best_j)
                    same_doc = mentions[best_j].doc_id == doc
                    total += best - near
                    mean = total / len(ev.members)
                    score = (best + mean) / 2
                    # one article's own clauses of one day: less evidence needed from the closest one
                    factor = SAME_DOC if single and best_j >= 0 and same_doc else 1.0
                    ok = best >= need_best * factor and mean >= need_mean and best_shared >= n_shared
                    told = story(doc, mentions[best_j].doc_id) if story is not None and not same_doc else None
                    if ok and told is not None and told < STORY[1]:
                        ok = False                     # alike words, but not the same story
                    if ok and single and not same_doc and ACTS and _other_acts(self._act(i), self._act(best_j)):
                        ok = False                     # a visit to the site and the deed itself
                    if ok and not single and not same_doc and _clash(self._clue(i), self._clue(best_j)):
                        ok = False                     # a month's figures of two things («الناتج الصناعي
                                                       # في يونيو» and «عرض النقود في يونيو»): other
                                                       # figures or other names (:func:`_clash`)
                    if not ok and story is not None and (ev.first_day, ev.last_day) == interval:
                        # the member (sharing a blocking stem) whose article tells the closest story
                        top_story, story_j, seen = -1.0, -1, set()
                        for j in by_event[e]:
                            dj = mentions[j].doc_id
                            if dj != doc and dj not in seen:
                                if len(seen) == STORY_DOCS:
                                    break
                                seen.add(dj)
                                st = story(doc, dj)
                                if st > top_story:
                                    top_story, story_j = st, j
                        if story_j >= 0 and top_story >= STORY[0]:
                            ok = True                  # one story, one date: one happening
                            best_j, told = story_j, top_story
                            best, best_shared, best_terms = self._sim(i, best_j)
                            score = max(score, top_story)
                    if ok:
                        if score > best_score:
                            if best_e >= 0:
                                second = max(second, best_score)
                            best_score, best_e = score, e
                            link = (best_j, round(best, 4), round(mean, 4), best_terms,
                                    None if told is None else round(told, 4))
                        else:
                            second = max(second, score)
                    else:
                        second = max(second, score)
                if best_e >= 0:
                    ev = events[best_e]
                    if (ev.first_day, ev.last_day) == interval or best_score - second >= margin:
                        chosen = best_e
            if chosen is None:
                chosen = len(events)
                events.append(Event([], m.first_day, m.last_day, m.value, m.mod, m.grain, interval))
                link = None
            ev = events[chosen]
            ev.members.append(i)
            ev.docs.add(m.doc_id)
            if link is not None:
                j, best, mean, terms, told = link
                w = self.stats.weight
                shown = sorted(terms, key=lambda t: (-w[t], t))[:6]
                ev.links.append((i, j, best, mean, shown, told))
            event_of[i] = chosen
            if not contains(ev.hull, interval):
                ev.hull = (min(ev.hull[0], m.first_day), max(ev.hull[1], m.last_day))
            self._index_member(i, ev, keys)

    def _clue(self, i: int) -> tuple:
        """(figures, no head, names) of mention ``i``: what :func:`_clash` compares, once per step."""
        got = self._clues.get(i)
        if got is None:
            m = self.mentions[i]
            got = self._clues[i] = (figures_of(m), frozenset(), names_of(m, self.stats))
        return got

    def _act(self, i: int) -> frozenset:
        """:func:`acts_of` mention ``i``, once per step."""
        got = self._acts.get(i)
        if got is None:
            got = self._acts[i] = acts_of(self.mentions[i])
        return got

    def _index_member(self, i: int, ev: Event, keys) -> None:
        cap, index = self.cap, self.index
        for p in self.period(*ev.hull):
            for k in keys:
                lst = index.get((p, k))
                if lst is None:
                    index[(p, k)] = [i]
                else:
                    lst.append(i)
                    if len(lst) > 2 * cap:            # keep the ``cap`` most recent
                        del lst[:-cap]


def _month_periods(first, last) -> list:
    if first == last:
        return [first.toordinal(), 0]
    return [0] if (first.year, first.month) == (last.year, last.month) else []


def _year_periods(first, last) -> list:
    return [1] if first.year == last.year else []


def _wide_periods(first, last) -> list:
    return [k for k in period_keys(first, last) if k[0] in ("D", "C", "*")]


def merge_month(mentions: Sequence[EventMention], order: Sequence[int], stats: Stats, margin: float = MARGIN,
                cap: int = CAP, top: int = TOP, vecs: Optional[dict] = None) -> list[Event]:
    """Step 1 for one month's mentions (``order``: their indexes in merge order); ``vecs`` caches
    the mentions' vectors for the later steps (in this process)."""
    mg = _Merger(mentions, stats, _month_periods, margin, cap, top, vecs)
    mg.run(order)
    events = consolidate(mg.events, mentions, stats) if USE_STORY and stats.docs else mg.events
    return join_signatures(refine(events, mentions, stats, mg._vector), mentions, stats, mg._vector)


def _centroid(ev: Event, docs: dict) -> dict:
    out: dict = {}
    for d in sorted(ev.docs):
        for t, v in docs.get(d, {}).items():
            out[t] = out.get(t, 0.0) + v
    n = math.sqrt(sum(v * v for v in out.values()))
    return {t: v / n for t, v in out.items()} if n else {}


def _cosine(a: dict, b: dict) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum([v * b.get(t, 0.0) for t, v in sorted(a.items())])


def _clause_evidence(a: Event, b: Event, mentions: Sequence[EventMention], stats: Stats, limit: int = 8) -> float:
    """The best similarity (:func:`overlap`) between a clause of ``a`` and one of ``b`` (their first
    ``limit`` members each)."""
    best = 0.0
    vb = [(v, sum(v.values())) for v in (_ident(mentions[j], stats) for j in b.members[:limit])]
    for i in a.members[:limit]:
        va = _ident(mentions[i], stats)
        na = sum(va.values())
        for v, nb in vb:
            best = max(best, overlap(va, na, v, nb)[0])
    return best


def consolidate(events: list, mentions: Sequence[EventMention], stats: Stats) -> list:
    """Events of exactly one date whose articles tell one story (the cosine of their articles'
    summed story vectors reaches ``CONSOLIDATE``) and two of whose clauses are alike
    (``CONSOLIDATE_CLAUSE``) become one: a mention joins one event, so two events of one happening
    that began apart (their first mentions alike in nothing) would stay apart otherwise.  Candidates share one of their story's ``CONSOLIDATE_KEYS`` heaviest stems;
    the earlier event absorbs the later (members in merge order), with a link that says so."""
    by_interval: dict = {}
    for k, ev in enumerate(events):
        by_interval.setdefault((ev.first_day, ev.last_day), []).append(k)
    parent = list(range(len(events)))

    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k
    coarse = {k: _coarser(ev, mentions) for k, ev in enumerate(events)}     # a root -> its group's
    joins: dict = {}
    for ks in by_interval.values():
        if len(ks) < 2:
            continue
        cents = {k: _centroid(events[k], stats.docs) for k in ks}
        index: dict = {}
        for k in ks:
            keys = sorted(cents[k], key=lambda t: (-cents[k][t], t))[:CONSOLIDATE_KEYS]
            seen: set = set()
            for t in keys:
                for j in index.get(t, ()):
                    if j in seen:
                        continue
                    seen.add(j)
                    a, b = cents[j], cents[k]
                    if len(a) > len(b):
                        a, b = b, a
                    cos = sum(v * b.get(t2, 0.0) for t2, v in a.items())
                    if cos >= CONSOLIDATE and _clause_evidence(events[j], events[k], mentions, stats) >= CONSOLIDATE_CLAUSE:
                        rj, rk = find(j), find(k)
                        if rj != rk and _nested(coarse[rj], coarse[rk], mentions):
                            lo, hi = min(rj, rk), max(rj, rk)
                            parent[hi] = lo
                            coarse[lo] = coarse[lo] + coarse.pop(hi)
                            joins.setdefault(hi, (0.0, 0.0, sorted(set(keys) & set(cents[j]))[:6], round(cos, 4)))
                index.setdefault(t, []).append(k)
    return _absorb(events, find, joins, mentions)


def _coarser(ev: Event, mentions: Sequence[EventMention]) -> list:
    """The members of an event wider than a day (its days are all the event's own day)."""
    return [i for i in ev.members if mentions[i].first_day != mentions[i].last_day]


def _nested(a: list, b: list, mentions: Sequence[EventMention]) -> bool:
    """Each of the mentions ``a`` and each of ``b`` can date one happening (one interval holds the
    other): two events may become one only then («1-11 فبراير» and «يناير حتى 1 فبراير» never)."""
    for i in a:
        ia = mentions[i].interval
        for j in b:
            if not compatible(ia, mentions[j].interval):
                return False
    return True


def _take(ev: Event, other: Event, why: tuple) -> None:
    """``ev`` takes in ``other``: a link from other's first member to ev's with ``why`` (best, mean,
    shared stems, story cosine), then other's links, members, articles and hull."""
    ev.links.append((other.members[0], ev.members[0], *why))
    ev.links.extend(other.links)
    ev.members.extend(other.members)
    ev.docs |= other.docs
    ev.hull = (min(ev.hull[0], other.hull[0]), max(ev.hull[1], other.hull[1]))


def _days(events: list) -> dict:
    """The events of one day, by day: their indexes in ``events``, in order."""
    by_day: dict = {}
    for k, ev in enumerate(events):
        if ev.first_day == ev.last_day:
            by_day.setdefault(ev.first_day, []).append(k)
    return by_day


def _absorb(events: list, find: Callable, joins: dict, mentions: Sequence[EventMention]) -> list:
    """The events grouped by their root (``find``), each root absorbing the others of its group in
    event order: their members (then sorted in merge order), articles, hulls and links, with a link that
    says why (``joins[k]``: the scores, shared stems and story cosine of the join that took ``k`` in)."""
    if not joins:
        return events
    groups: dict = {}
    for k in range(len(events)):
        groups.setdefault(find(k), []).append(k)
    out = []
    for root in sorted(groups):
        ks = groups[root]
        ev = events[root]
        for k in ks[1:]:
            other = events[k]
            best, mean, terms, story = joins.get(k, (0.0, 0.0, [], None))
            _take(ev, other, (best, mean, terms, story))
        if len(ks) > 1:
            ev.members.sort(key=lambda i: mention_order(mentions[i]))
        out.append(ev)
    return out


_FIGURE = re.compile(r"(?<![\d/\-.,:])\d+(?:[.,]\d+)?(?![\d/\-:])")
_YEARISH = re.compile(r"(?:19|20|14)\d\d$")


def figures_of(m: EventMention) -> frozenset:
    """The figures of a mention's clause (scores, amounts, counts, index points: digits in any
    script, folded), outside its date expression and leaving out year-like numbers and the parts of
    written dates («20/10/1436»)."""
    text = m.text
    a, b = m.expr_start - m.start, m.expr_end - m.start
    if 0 <= a <= b <= len(text):
        text = text[:a] + " " + text[b:]
    return frozenset(x.replace(",", ".") for x in _FIGURE.findall(fold(text)) if not _YEARISH.match(x))


def _other_figures(a: frozenset, b: frozenset) -> bool:
    """Two clauses that each give ``REFINE_FIGURES`` figures or more and share none tell of other
    happenings (two sessions of one market, two matches' scores), however alike their words."""
    return len(a) >= REFINE_FIGURES and len(b) >= REFINE_FIGURES and not (a & b)


# words that name a report's source just before its date (folded content words): the date's head is then
# elsewhere in the clause
_ATTRIBUTION = frozenset("""وفقا طبقا حسب بحسب حسبما نقلا نقلته نقلت نقل اوردت اوردته افادت افادته ذكرت ذكرته بثت بثته
نشرت نشرته""".split())


def head_of(m: EventMention, stats: Stats) -> frozenset:
    """The identifying stems of the words a mention's date attaches to: the ``HEAD[0]`` content words
    before its expression and the ``HEAD[1]`` after it, within its clause.  A clause may tell of two
    happenings («ارتفعت أسعار النفط اليوم الجمعة … قبيل صدور بيانات الوظائف»); what stands next to the
    date says which one it dates (the oil session, not the jobs report).  A date right after the
    report's source («وفقا لما نقلته قناة …») has no head: empty."""
    a, b = m.expr_start - m.start, m.expr_end - m.start
    text = m.text
    before = words(text[max(0, a - 200):a])[-HEAD[0]:]
    if any(w in _ATTRIBUTION for w in before):
        return frozenset()           # «… وفقا لما نقلته قناة القاهرة، اليوم الخميس»: the source, not the happening
    near = before + words(text[b:b + 200])[:HEAD[1]]
    common = stats.too_common
    return frozenset(t for t in stats.vocab.tokens(near) if t not in common)


# words of a visit (folded): a visit to a place or to people (the site of an attack, its wounded) is a
# happening of its own, not the one it is a visit about (:func:`acts_of`); «وقف» only with «على» after the date
_VISIT = frozenset(fold(w) for w in """تفقد يتفقد تتفقد تفقدت زار يزور تزور زارت زيارة زيارته زيارتها عيادة
اطمأن يطمئن تطمئن اطمئنان""".split())
_STOOD = frozenset(fold(w) for w in ("وقف", "يقف", "تقف", "وقفت"))
_ON_AFTER = re.compile(r"\s*(?:،\s*)?على\s")
VISIT_OPENING = 4      # words of a clause's opening where its verb is looked for (:func:`acts_of`)
_VISITED, _NO_ACT = frozenset(("visit",)), frozenset()


def acts_of(m: EventMention) -> frozenset:
    """What the clause of a mention's date says was done, of the acts told apart here: «visit» when
    the clause's first words or the ``HEAD`` words around the date are a visit's («زار أمير المنطقة
    بعد ظهر أمس المصابين», «تفقد … موقع التفجير»), or «وقف» with «على» right after the date («وقف أمير
    منطقة عسير ظهر أمس على موقع التفجير»)."""
    a, b = m.expr_start - m.start, m.expr_end - m.start
    text = m.text
    before = words(text[:a])
    near = before[:VISIT_OPENING] + before[-HEAD[0]:] + words(text[b:b + 200])[:HEAD[1]]
    on = _ON_AFTER.match(text, b) is not None
    for w in near:
        bare = w[1:] if w[:1] in "وف" and len(w) > 3 else w
        if w in _VISIT or bare in _VISIT or on and (w in _STOOD or bare in _STOOD):
            return _VISITED
    return _NO_ACT


def _other_acts(a: frozenset, b: frozenset) -> bool:
    """A visit and what is not one: other happenings (the emir's visit to the site, the bombing)."""
    return a != b


NAMES = (20, 3)        # (mentions a stem is in at most to be a name, names each clause needs): two clauses
                       # naming other people and places (:func:`names_of`) tell of other happenings
APART = 0.7            # two parts of an event stay apart when this share of their comparable pairs clash


def names_of(m: EventMention, stats: Stats) -> frozenset:
    """The names of a mention's clause: its stems found in at most ``NAMES[0]`` mentions of the run
    (the people, places and organisations of one story, which its copies and retellings repeat)."""
    if stats.n <= NAMES[0]:
        return frozenset()               # too few mentions for a stem's rarity to say anything
    lim = math.log((stats.n + 1) / (NAMES[0] + 1)) + 1.0      # the weight of such a stem (make_stats)
    w = stats.weight
    return frozenset(t for t in stats.mention_vector(m) if w[t] >= lim)


def _clash(a: tuple, b: tuple) -> Optional[bool]:
    """Whether two clauses of two articles, by their clues (figures, head, names), tell of other
    happenings: True when each gives ``REFINE_FIGURES`` figures or more and they share none, or each
    has ``NAMES[1]`` names or more and they share none; False when they share some; None when there
    is nothing to compare."""
    out = None
    for k, least in ((0, REFINE_FIGURES), (2, NAMES[1])):
        x, y = a[k], b[k]
        if len(x) >= least and len(y) >= least:
            if not (x & y):
                return True
            out = False
    return out


def _other_heads(a: frozenset, b: frozenset) -> bool:
    """Two dates whose heads (:func:`head_of`) each hold ``HEAD[2]`` identifying stems or more and
    share none date other things, however alike the rest of their clauses."""
    return len(a) >= HEAD[2] and len(b) >= HEAD[2] and not (a & b)


def refine(events: list, mentions: Sequence[EventMention], stats: Stats, vector: Callable) -> list:
    """Each event of one day, of three members or more, is kept only as far as its members hold
    together through strong links (:func:`overlap` of at least ``REFINE[0]`` and ``REFINE[1]``
    identifying stems shared; one article's own clauses need only ``SAME_DOC`` of the overlap; no
    link between clauses of two articles that each give two figures or more and share none,
    :func:`_other_figures`, or whose dates' heads share nothing, :func:`_other_heads`): the greedy
    pass links a mention to its closest member, and a clause that tells of two happenings («ارتفعت
    أسعار النفط … بعد أن ينتظر المستثمرون بيانات الوظائف») chains two of them into one event.  The
    strong links join members into parts, strongest first, except where the two parts clash
    (:func:`_clash`: in ``APART`` of their comparable pairs, other figures or other names): a clause
    that names no one («أصدرت وزارة الداخلية أمس بيانًا بشأن تنفيذ حكم القتل») no longer bridges the
    reports of three executions of one day.  The parts become events of their own (the one holding
    the event's first member keeps its place); each part's links are the strong links that made it.
    Pairs are found through the members' blocking stems (``REFINE_CAP`` members per stem), so the
    cost stays linear in the event's size."""
    need, n_shared = REFINE
    w = stats.weight
    out: list = []
    for ev in events:
        members = ev.members
        if ev.first_day != ev.last_day or len(members) < 3:
            out.append(ev)
            continue
        parent = {i: i for i in members}
        pos = {i: k for k, i in enumerate(members)}

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x
        edges: dict = {}
        posting: dict = {}
        clues: dict = {}

        def clue(i):                            # (figures, head, names, acts) of a member, once
            got = clues.get(i)
            if got is None:
                m = mentions[i]
                got = clues[i] = (figures_of(m), head_of(m, stats), names_of(m, stats), acts_of(m))
            return got
        strong: list = []
        for i in members:                       # in merge order: each pair once, earlier member first
            vi, ni, keys = vector(i)
            seen: set = set()
            for k in keys:
                lst = posting.get(k)
                if lst is None:
                    posting[k] = [i]
                    continue
                for j in lst[-REFINE_CAP:]:
                    if j in seen:
                        continue
                    seen.add(j)
                    vj, nj, _ = vector(j)
                    sim, shared, terms = overlap(vi, ni, vj, nj)
                    same_doc = mentions[i].doc_id == mentions[j].doc_id
                    if not same_doc:
                        (fi, hi, _, ai), (fj, hj, _, aj) = clue(i), clue(j)
                        if _other_figures(fi, fj) or _other_heads(hi, hj) or ACTS and _other_acts(ai, aj):
                            continue                # other figures, or dates of other things: other happenings
                    if (sim >= (need * SAME_DOC if same_doc else need) and (shared >= n_shared or same_doc)
                            or shared >= REFINE_MANY[1] and sim >= REFINE_MANY[0]):
                        strong.append((-sim, pos[i], pos[j], i, j, terms))
                lst.append(i)
        strong.sort(key=lambda e: e[:3])         # strongest first (ties: merge order)
        held = {i: [i] for i in members}          # a part's root -> its members
        verdicts: dict = {}

        def apart(ri, rj):
            """The parts clash (:func:`_clash`) in ``APART`` of the pairs of their members (the
            first ``REFINE_CAP`` of each) that can be compared."""
            pa, pb = held[ri], held[rj]
            key = (ri, rj, len(pa), len(pb))
            got = verdicts.get(key)
            if got is None:
                n = bad = 0
                for a in pa[:REFINE_CAP]:
                    da, ca = mentions[a].doc_id, clue(a)
                    for b in pb[:REFINE_CAP]:
                        if mentions[b].doc_id != da:
                            c = _clash(ca, clue(b))
                            if c is not None:
                                n += 1
                                bad += c
                got = verdicts[key] = bad > 0 and bad >= APART * n
            return got
        for neg, _, _, i, j, terms in strong:
            ri, rj = find(i), find(j)
            if ri == rj or apart(ri, rj):
                continue                        # one part already, or parts of other happenings
            if pos[ri] < pos[rj]:               # the part's root: its first member in merge order
                ri, rj = rj, ri
            parent[ri] = rj
            held[rj].extend(held.pop(ri))
            shown = sorted(terms, key=lambda t: (-w[t], t))[:6]
            edges.setdefault(i, []).append((i, j, round(-neg, 4), round(-neg, 4), shown, None))
        parts: dict = {}
        for i in members:
            parts.setdefault(find(i), []).append(i)
        if len(parts) == 1:
            out.append(ev)
            continue
        for root in sorted(parts, key=pos.__getitem__):
            ms = parts[root]
            head = mentions[ms[0]]              # its finest member dates it (a part may hold only coarser ones)
            hull = (min(mentions[i].first_day for i in ms), max(mentions[i].last_day for i in ms))
            part = Event(ms, head.first_day, head.last_day, head.value, head.mod, head.grain, hull,
                         {mentions[i].doc_id for i in ms})
            part.links = [e for i in ms for e in edges.get(i, ())]
            out.append(part)
    return out


def _signature(ev: Event, mentions: Sequence[EventMention], vector: Callable) -> dict:
    """The identifying stems in at least ``SIGNATURE[2]`` of an event's articles (weighted by that
    share; an event of one article: all its stems), with their weights."""
    per: dict = {}
    weights: dict = {}
    for i in ev.members:
        vi = vector(i)[0]
        per.setdefault(mentions[i].doc_id, set()).update(vi)
        weights.update(vi)
    n = len(per)
    counts: dict = {}
    for stems in per.values():
        for t in stems:
            counts[t] = counts.get(t, 0) + 1
    share = SIGNATURE[2]
    return {t: weights[t] * c / n for t, c in counts.items() if n == 1 or c / n >= share}


def join_signatures(events: list, mentions: Sequence[EventMention], stats: Stats, vector: Callable) -> list:
    """Events of one day whose signatures (:func:`_signature`: what most of their articles say) are
    alike become one: the weight of the stems both hold (the smaller share of each) over the
    smaller signature's weight reaches ``SIGNATURE[0]``, with ``SIGNATURE[1]`` stems in common.
    A happening many outlets tell in many words begins as several events (each a chain of strong
    links, :func:`refine`); what most of each one's articles name (the teams and the city of one
    match, the festival and its town) makes them one, while a clause that only mentions another
    happening does not move a signature.  Two events whose articles tell unrelated stories (the
    cosine of their summed story vectors below ``STORY[1]``) stay apart.  Candidates share a stem
    of their signatures (the ``REFINE_CAP`` latest events per stem); the earlier event absorbs the
    later."""
    need, n_shared, _ = SIGNATURE
    w = stats.weight
    stories = USE_STORY and bool(stats.docs)
    by_day = _days(events)
    parent = list(range(len(events)))

    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k
    coarse = {k: _coarser(ev, mentions) for k, ev in enumerate(events)}     # a root -> its group's
    joins: dict = {}
    for ks in by_day.values():
        if len(ks) < 2:
            continue
        sigs = {k: _signature(events[k], mentions, vector) for k in ks}
        cents: dict = {}

        def cent(k):
            c = cents.get(k)
            if c is None:
                c = cents[k] = _centroid(events[k], stats.docs)
            return c
        totals = {k: sum(sigs[k].values()) for k in ks}
        acts: dict = {}

        def act(k):                             # what most of an event's members tell (acts_of)
            got = acts.get(k)
            if got is None:
                ms = events[k].members
                n = sum(1 for i in ms if acts_of(mentions[i]))
                got = acts[k] = _VISITED if 2 * n > len(ms) else _NO_ACT
            return got
        index: dict = {}
        for k in ks:
            a = sigs[k]
            keys = sorted(a)
            seen: set = set()
            for t in keys:
                for j in index.get(t, ())[-REFINE_CAP:]:
                    if j in seen:
                        continue
                    seen.add(j)
                    score, both = _signature_overlap(a, totals[k], sigs[j], totals[j], n_shared)
                    if score < need and not _core(events[j], events[k], score, both):
                        continue
                    if stories and _cosine(cent(j), cent(k)) < STORY[1]:
                        continue                       # too little in common, or alike words of two stories
                    if ACTS and _other_acts(act(j), act(k)):
                        continue                       # the visits to a site and the deed itself
                    rj, rk = find(j), find(k)
                    if rj != rk and _nested(coarse[rj], coarse[rk], mentions):
                        lo, hi = min(rj, rk), max(rj, rk)
                        parent[hi] = lo
                        coarse[lo] = coarse[lo] + coarse.pop(hi)
                        shown = sorted(both, key=lambda t2: (-w[t2], t2))[:6]
                        joins.setdefault(hi, (round(score, 4), 0.0, shown, None))
                index.setdefault(t, []).append(k)
    return _absorb(events, find, joins, mentions)


SIGNATURE_CORE = (30, 0.5, 3)  # (articles, overlap, shared stems): a fragment joins a big event of its day


def _core(a: "Event", b: "Event", score: float, both: list) -> bool:
    """A fragment holds the core of a big event of its day: the event told by ``SIGNATURE_CORE[0]``
    articles or more, whose signature (what at least half of them name) is then a happening's own,
    and the fragment names ``SIGNATURE_CORE[2]`` of its stems, ``SIGNATURE_CORE[1]`` of their weight
    («تأهبا لمواجهة النصر في كأس السوبر» beside the Super Cup's event of 54 articles)."""
    n, need, stems = SIGNATURE_CORE
    return max(len(a.docs), len(b.docs)) >= n and score >= need and len(both) >= stems


def _signature_overlap(a: dict, ta: float, b: dict, tb: float, n_shared: int) -> tuple[float, list]:
    """How alike two signatures (:func:`_signature`, with their total weights) are: the weight of
    the stems both hold (the smaller share of each) over the smaller total, 0 with fewer than
    ``n_shared`` stems in common; and those stems."""
    both = [t for t in a if t in b]
    if len(both) < n_shared or not ta or not tb:
        return 0.0, both
    return sum([min(a[t], b[t]) for t in sorted(both)]) / min(ta, tb), both


TOLERANCE = (0.7, 3)   # (signature overlap, shared stems) for an event a day off to join (:func:`tolerate`)
_DIGIT = re.compile(r"\d")


def tolerate(events: list, mentions: Sequence[EventMention], stats: Stats, vector: Callable) -> list:
    """A one-day tolerance where an article's anchor is known to be uncertain: its weekdays («أمس
    الخميس») all put it one day from its publication date (an outlet dated by the crawl, a print
    edition dated the next day: ``stats.shifts``), so its «أمس» and «اليوم» land a day off the other
    outlets'.  An event of one day all of whose mentions are such words (no digit: not a written
    date) of such articles, shifted the same way, joins the event of the day the weekdays imply
    whose signature it matches strongly (``TOLERANCE``, as in :func:`join_signatures`; unrelated
    stories never), keeping that event's date; its mentions keep their own dates and come after the
    event's own.  Two different days of well-dated articles are never joined."""
    shifts = stats.shifts
    need, n_shared = TOLERANCE
    w = stats.weight
    stories = USE_STORY and bool(stats.docs)
    by_day = _days(events)
    absorbed: dict = {}                       # k -> (target, score, terms)
    sigs: dict = {}

    def sig(k):
        out = sigs.get(k)
        if out is None:
            out = sigs[k] = _signature(events[k], mentions, vector)
        return out
    for k, ev in enumerate(events):
        if ev.first_day != ev.last_day:
            continue
        days = {shifts.get(mentions[i].doc_id) for i in ev.members}
        if len(days) != 1 or None in days or any(_DIGIT.search(fold(mentions[i].expr)) for i in ev.members):
            continue
        (shift,) = days
        a = sig(k)
        ta = sum(a.values())
        own = _centroid(ev, stats.docs) if stories else None
        best = None
        for j in by_day.get(ev.first_day + dt.timedelta(days=shift), ()):
            if j in absorbed:
                continue
            b = sig(j)
            score, both = _signature_overlap(a, ta, b, sum(b.values()), n_shared)
            if score < need or stories and _cosine(own, _centroid(events[j], stats.docs)) < STORY[1]:
                continue
            if best is None or score > best[1]:
                best = (j, score, sorted(both, key=lambda t: (-w[t], t))[:6])
        if best is not None:
            absorbed[k] = best
    if not absorbed:
        return events
    out = []
    for k, ev in enumerate(events):
        if k in absorbed:
            continue
        for m in sorted(x for x, (j, _, _) in absorbed.items() if j == k):
            other, (_, score, terms) = events[m], absorbed[m]
            _take(ev, other, (round(score, 4), 0.0, terms, None))
        out.append(ev)
    return out


def finish(mentions: Sequence[EventMention], groups: dict, month_events: dict, stats: Stats,
           margin: float = MARGIN, cap: int = CAP, top: int = TOP, vecs: Optional[dict] = None) -> list[Event]:
    """Steps 2 and 3, given every month's events (``month_events[key]``, from :func:`merge_month`),
    then each event's summary mention.  Events come out in step order (months, years, the rest)."""
    by_year: dict = {}
    for key in sorted(month_events):
        by_year.setdefault(key[1], []).extend(month_events[key])
    out: list[Event] = []
    vecs = {} if vecs is None else vecs  # the mentions' vectors, shared by the steps below
    years = sorted(set(by_year) | {k[1] for k in groups if k[0] == 2})
    for y in years:
        evs = by_year.get(y, [])
        if (2, y, 0) in groups:
            mg = _Merger(mentions, stats, _year_periods, margin, cap, top, vecs)
            mg.lookups(groups[(2, y, 0)])
            for ev in evs:
                mg.add_event(ev)
            mg.run(groups[(2, y, 0)])
            evs = mg.events
        out.extend(evs)
    if (3, 0, 0) in groups:
        mg = _Merger(mentions, stats, _wide_periods, margin, cap, top, vecs)
        mg.lookups(groups[(3, 0, 0)])
        for ev in out:
            mg.add_event(ev)
        mg.run(groups[(3, 0, 0)])
        out = mg.events
    if stats.shifts:
        out = tolerate(out, mentions, stats, _Merger(mentions, stats, _month_periods, margin, cap, top, vecs)._vector)
    for ev in out:
        ev.summary_member = _medoid(ev.members, mentions, stats)
    return out


def merge_months(batch: list, stats: Stats, margin: float = MARGIN, cap: int = CAP, top: int = TOP) -> list:
    """Step 1 for a batch of months, each given as its own mentions in merge order (what a worker
    gets): their events, members indexing each month's list."""
    return [merge_month(ms, range(len(ms)), stats, margin, cap, top) for ms in batch]


BATCH = 2000           # mentions per step-1 task sent to another process or machine


def merge(mentions: Sequence[EventMention], margin: float = MARGIN, cap: int = CAP, top: int = TOP,
          stats: Optional[Stats] = None, map_fn: Optional[Callable] = None,
          shifts: Optional[dict] = None) -> list[Event]:
    """All steps.  ``map_fn(func, batches, stats, margin, cap, top)`` may run step 1 elsewhere (a Dask
    cluster): it must return ``[func(b, stats, margin, cap, top) for b in batches]``.  By default the
    months run here, one after the other; the result is the same.  ``shifts``: doc id -> the days
    from its anchor to the day its weekdays imply, for the articles whose anchor they contradict
    by one day (:func:`tolerate`)."""
    stats = stats or stats_of(mentions)
    if shifts is not None:
        stats.shifts = shifts
    groups = plan(mentions)
    months = [k for k in groups if k[0] == 1]
    vecs: Optional[dict] = None
    if map_fn is None:
        vecs = {}
        results = []
        for k in months:
            results.append(merge_month(mentions, groups[k], stats, margin, cap, top, vecs))
            stats.story_cache.clear()      # a memo of one month's pairs: bounded by a month, not the run
    else:
        batches, cur, size = [], [], 0
        for k in months:
            cur.append(k)
            size += len(groups[k])
            if size >= BATCH:
                batches.append(cur)
                cur, size = [], 0
        if cur:
            batches.append(cur)
        payload = [[[mentions[i] for i in groups[k]] for k in b] for b in batches]
        results = []
        for b, evs_of_months in zip(batches, map_fn(merge_months, payload, stats, margin, cap, top)):
            for k, evs in zip(b, evs_of_months):
                order = groups[k]
                for ev in evs:
                    ev.members = [order[j] for j in ev.members]
                    ev.links = [(order[a], order[b], *rest) for a, b, *rest in ev.links]
                results.append(evs)
    return finish(mentions, groups, dict(zip(months, results)), stats, margin, cap, top, vecs)


def _medoid(members: list[int], mentions: Sequence[EventMention], stats: Stats, limit: int = 40) -> int:
    """The mention most similar to the others (the highest sum of cosines with them; ties: shorter
    summary, then mention order), among those whose summary opens a headline best
    (:func:`timeline.headline.opening`: one that names who or what, then one that opens with no
    subject, then a dangling one).  The sum is the unit vector's dot product with the sum of all the
    unit vectors, minus its own 1: linear in the pool, not quadratic."""
    if len(members) == 1:
        return members[0]
    pool = members[:limit]
    units = []
    total: dict = {}
    for i in pool:
        v = stats.mention_vector(mentions[i])
        n = norm(v)
        u = {t: w / n for t, w in v.items()} if n else {}
        units.append(u)
        for t, w in u.items():
            total[t] = total.get(t, 0.0) + w
    best, best_key = pool[0], None
    for k, (i, u) in enumerate(zip(pool, units)):
        s = sum(w * total[t] for t, w in u.items()) - (1.0 if u else 0.0)
        key = (opening(mentions[i].summary), -round(s, 9), len(mentions[i].summary) or 10**6, k)
        if best_key is None or key < best_key:
            best, best_key = i, key
    return best

"""Merging and ordering on hand-made mentions: compatibility, similarity, determinism, scale."""
from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given, settings, strategies as st

from timeline.dates import compatible, period_keys, shift
from timeline.mentions import EventMention
from timeline.merge import merge
from timeline.order import order_events
from timeline.similarity import similarity, words

D = dt.date


def mention(doc, text, first, last=None, value=None, mod=None, grain=None, start=0):
    last = last or first
    grain = grain or ("day" if first == last else "month" if (last - first).days < 40 else "year")
    value = value or (first.isoformat() if grain == "day" else first.isoformat()[:7 if grain == "month" else 4])
    return EventMention(doc, start, start + len(text), text, start, start + 4, text[:4], value, mod, first, last,
                        grain, text, words(text))


def dated(doc, text, first, last=None, **kw):
    """A mention of ``text`` dated by a word before it (its head: the words after the date)."""
    m = mention(doc, "اليوم " + text, first, last, **kw)
    m.expr_end, m.expr = m.start + 5, "اليوم"
    return m


VISIT = "وزير الخارجية السوري أسعد الشيباني يصل إلى موسكو ويلتقي لافروف"
VISIT2 = "لافروف يستقبل وزير الخارجية السوري الشيباني في موسكو لبحث العلاقات"
OTHER = "ارتفاع أسعار النفط في الأسواق العالمية بعد قرار أوبك خفض الإنتاج"


def events_of(ms):
    return [sorted((ms[i].doc_id, ms[i].value) for i in ev.members) for ev in order_events(merge(ms), ms)]


def test_similarity_is_graded_and_folds_spelling():
    assert similarity(VISIT, VISIT) == pytest.approx(1.0)
    assert similarity(VISIT, VISIT2) > 0.3 > similarity(VISIT, OTHER)
    assert similarity(VISIT, OTHER) == 0.0
    # hamza, tashkeel, tatweel and clitics do not hide a match
    assert similarity("أعلنت الوزارةُ إلغاءَ القرار", "واعلنت الوزارة الغاء القـــرار") == pytest.approx(1.0)


def test_same_day_similar_mentions_merge_and_dissimilar_do_not():
    ms = [mention("a", VISIT, D(2025, 7, 31)), mention("b", VISIT2, D(2025, 7, 31)),
          mention("c", OTHER, D(2025, 7, 31))]
    assert events_of(ms) == [[("a", "2025-07-31"), ("b", "2025-07-31")], [("c", "2025-07-31")]]


def test_two_precise_different_days_never_merge_however_alike():
    ms = [mention("a", VISIT, D(2025, 10, 15)), mention("b", VISIT, D(2026, 1, 28))]
    assert len(merge(ms)) == 2


def test_coarser_mention_joins_the_finer_event_and_keeps_the_finest_date():
    ms = [dated("a", VISIT, D(2025, 7, 31)),
          dated("b", VISIT2, D(2025, 7, 21), D(2025, 7, 31), value="2025-07", mod="END"),
          dated("c", VISIT2, D(2025, 7, 1), D(2025, 7, 31))]
    evs = merge(ms)
    assert len(evs) == 1 and evs[0].value == "2025-07-31" and evs[0].mod is None
    assert sorted(evs[0].members) == [0, 1, 2]


def test_coarser_mention_that_does_not_contain_the_event_stays_apart():
    # MID-July (11-20) cannot be the same happening as 31 July
    ms = [mention("a", VISIT, D(2025, 7, 31)), mention("b", VISIT2, D(2025, 7, 11), D(2025, 7, 20), mod="MID")]
    assert len(merge(ms)) == 2


def test_coarse_mention_between_two_similar_events_is_not_attached():
    ms = [mention("a", VISIT, D(2025, 3, 2)), mention("b", VISIT, D(2025, 9, 9)),
          mention("c", VISIT2, D(2025, 1, 1), D(2025, 12, 31))]
    evs = merge(ms)
    assert len(evs) == 3, "ambiguous between two events of the year: must stay its own event"


def test_year_mention_needs_real_similarity():
    ms = [mention("a", VISIT, D(2025, 3, 2)),
          mention("b", "ساعدت موسكو سوريا على تجاوز العقبات", D(2025, 1, 1), D(2025, 12, 31))]
    assert len(merge(ms)) == 2


def test_a_vague_stretch_joins_only_its_own_stretch():
    # «الأيام المقبلة» around 31 July: a forecast, not the visit of that day, however alike the words
    ms = [mention("a", VISIT, D(2025, 7, 31)),
          mention("b", VISIT2, D(2025, 7, 26), D(2025, 8, 4), value="2025-07-26/2025-08-04", mod="APPROX"),
          mention("c", VISIT2, D(2025, 7, 26), D(2025, 8, 4), value="2025-07-26/2025-08-04", mod="APPROX"),
          mention("d", VISIT2, D(2025, 7, 1), D(2025, 8, 31), value="2025-07/2025-08")]
    groups = sorted(sorted(ms[i].doc_id for i in ev.members) for ev in merge(ms))
    assert ["b", "c"] in groups and not any("a" in g and ("b" in g or "c" in g) for g in groups)
    assert not any("d" in g and ("b" in g or "c" in g) for g in groups)


def test_a_week_or_a_season_joins_only_its_own_span():
    # «الأسبوع الماضي» and «هذا الصيف» in the words of the day's visit: a stretch, not that day's visit;
    # two mentions of the same week still make one event
    ms = [mention("a", VISIT, D(2025, 7, 31)),
          mention("b", VISIT2, D(2025, 7, 28), D(2025, 8, 3), value="2025-W31", grain="week"),
          mention("c", VISIT2, D(2025, 7, 28), D(2025, 8, 3), value="2025-W31", grain="week"),
          mention("d", VISIT2, D(2025, 6, 1), D(2025, 8, 31), value="2025-SU", grain="season")]
    groups = sorted(sorted(ms[i].doc_id for i in ev.members) for ev in merge(ms))
    assert groups == [["a"], ["b", "c"], ["d"]]
    # a month still joins the day it holds («تموز الماضي» of that visit)
    ms[3] = mention("d", VISIT2, D(2025, 7, 1), D(2025, 7, 31), value="2025-07")
    groups = sorted(sorted(ms[i].doc_id for i in ev.members) for ev in merge(ms))
    assert ["a", "d"] in groups


def test_order_chronological_coarser_after_finer_and_total():
    ms = [mention("y", "افتتاح المعرض الدولي للكتاب", D(2025, 1, 1), D(2025, 12, 31)),
          mention("m", "انطلاق بطولة كرة القدم", D(2025, 1, 1), D(2025, 1, 31)),
          mention("s", "هطول أمطار غزيرة على الساحل", D(2025, 1, 1), D(2025, 1, 10), mod="START"),
          mention("d", "توقيع اتفاقية للتجارة الحرة", D(2025, 1, 1)),
          mention("mid", "إطلاق قمر صناعي جديد", D(2025, 1, 11), D(2025, 1, 20), mod="MID"),
          mention("old", "سقوط النظام السابق", D(2024, 12, 8))]
    docs = [ms[ev.members[0]].doc_id for ev in order_events(merge(ms), ms)]
    assert docs == ["old", "d", "s", "m", "y", "mid"]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 3), st.sampled_from([VISIT, VISIT2, OTHER])),
                min_size=1, max_size=25),
       st.randoms(use_true_random=False))
def test_properties_deterministic_compatible_and_ordered(spec, rnd):
    base = D(2025, 1, 1)
    ms = []
    for k, (day, width, text) in enumerate(spec):
        first = base + dt.timedelta(days=day)
        last = first if width == 0 else first + dt.timedelta(days=width * 10)
        ms.append(mention(f"d{k:02d}", text, first, last, value=f"v{day}-{width}"))
    out = events_of(ms)
    shuffled = ms[:]
    rnd.shuffle(shuffled)
    assert events_of(shuffled) == out, "input order must not change the result"
    evs = order_events(merge(ms), ms)
    for ev in evs:
        for i in ev.members:               # every member contains the event's (finest) date
            assert ms[i].first_day <= ev.first_day and ev.last_day <= ms[i].last_day
            for j in ev.members:
                assert compatible(ms[i].interval, ms[j].interval)
        days = {ms[i].interval for i in ev.members if ms[i].first_day == ms[i].last_day}
        assert len(days) <= 1, "two different precise days merged"
    keys = [(ev.first_day, ev.last_day) for ev in evs]
    assert keys == sorted(keys)


def test_period_keys_and_shift():
    assert period_keys(D(2025, 7, 31), D(2025, 7, 31))[:3] == [("d", D(2025, 7, 31).toordinal()), ("m", 2025, 7), ("y", 2025)]
    assert period_keys(D(2025, 7, 21), D(2025, 8, 3))[0] == ("y", 2025)
    assert shift(D(2026, 1, 28), -2, "D") == D(2026, 1, 26)
    assert shift(D(2025, 3, 31), -1, "M") == D(2025, 2, 28)
    assert shift(D(2025, 1, 15), 1, "Y") == D(2026, 1, 15)


def _synthetic(n, seed=7):
    rnd = random.Random(seed)
    vocab = [f"كلمة{i}" for i in range(3000)]
    ms = []
    for k in range(n):
        topic = rnd.randrange(n // 3 + 1)
        r = random.Random(topic)
        text = " ".join(r.sample(vocab, 8) + rnd.sample(vocab, 4))
        first = D(2020, 1, 1) + dt.timedelta(days=r.randrange(2000))
        if rnd.random() < 0.2:
            ms.append(mention(f"d{k}", text, first.replace(day=1), first.replace(day=28), value=first.isoformat()[:7]))
        else:
            ms.append(mention(f"d{k}", text, first))
    return ms


def test_merge_work_per_mention_is_bounded():
    """No clock here (benchmarks/bench_merge.py times it): the blocking bounds the work per mention,
    whatever the size: posting lists stay capped, each mention looks up at most KEYS of them and
    scores at most TOP candidates, so the time per mention cannot grow with the run."""
    from timeline import merge as M
    ms = _synthetic(20_000)
    stats, groups = M.stats_of(ms), M.plan(ms)
    scored = []
    for key, order in groups.items():
        if key[0] != 1:
            continue
        mg = M._Merger(ms, stats, M._month_periods, M.MARGIN, M.CAP, M.TOP)
        mg.run(order)
        assert all(len(lst) <= 2 * M.CAP for lst in mg.index.values())
        for i in order:
            assert len(mg._vector(i)[2]) <= M.KEYS
        scored.append(len(mg.events))
    assert sum(scored) < len(ms)
    evs = merge(ms)
    assert sorted(i for ev in evs for i in ev.members) == list(range(len(ms)))


def test_synthetic_topics_merge_by_topic_not_by_date_alone():
    ms = _synthetic(600)
    evs = merge(ms)
    assert len(evs) < len(ms)
    for ev in evs:
        topics = {tuple(sorted(ms[i].words[:8])) for i in ev.members}
        assert len(topics) == 1, "mentions of different topics merged"


# --- the story of an article (merge.doc_vectors): one story and one date make one happening --------------
def _story_corpus(extra):
    """120 filler articles of their own vocabulary (so that story weights mean something), and
    ``extra`` mentions."""
    rng = random.Random(7)
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    ms = []
    for k in range(120):
        vocab = ["".join(rng.choice(letters) for _ in range(6)) for _ in range(12)]
        ms.append(mention(f"f{k:03d}", " ".join(vocab), D(2015, 1, 1) + dt.timedelta(days=k)))
    return ms + extra


SUEZ = ["افتتح الرئيس السيسي قناة السويس الجديدة في الإسماعيلية بحضور ملوك ورؤساء",
        "عبرت السفن مجرى قناة السويس الجديدة في أول تشغيل تجريبي للمشروع في الإسماعيلية",
        "هيئة قناة السويس تتوقع مضاعفة إيرادات القناة بعد افتتاح المجرى الجديد"]


def test_one_story_and_one_date_make_one_happening():
    day = D(2015, 8, 6)
    # two articles about the opening of the canal; their clauses of that day share one word
    a = [mention("a", SUEZ[0], day)] + [mention("a", t, D(2015, 8, 1), start=200 + 90 * k) for k, t in enumerate(SUEZ[1:])]
    b = [mention("b", "تحتفل مصر بالمشروع العملاق مع وصول الوفود إلى قناة الاحتفالات الكبرى", day)] + \
        [mention("b", t, D(2015, 8, 2), start=200 + 90 * k) for k, t in enumerate(SUEZ[1:])]
    ms = _story_corpus(a + b)
    evs = merge(ms)
    ev = next(e for e in evs if e.first_day == day)
    assert sorted(ms[i].doc_id for i in ev.members) == ["a", "b"]
    link = ev.links[-1]
    assert link[5] is not None and link[5] >= 0.35            # the story cosine that decided it


def test_alike_clauses_of_different_stories_stay_apart():
    from timeline import merge as merge_mod
    day = D(2015, 8, 4)
    clause = "ارتفعت الأسعار في تعاملات أمس مع تراجع الدولار بعد بيانات اقتصادية"
    rng = random.Random(3)
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"

    def article(doc, topic):
        own = [" ".join([topic] + ["".join(rng.choice(letters) for _ in range(7)) for _ in range(14)])
               for _ in range(6)]
        return [mention(doc, clause + " " + topic, day)] + [mention(doc, t, D(2015, 7, 20), start=300 + 120 * k)
                                                           for k, t in enumerate(own)]
    ms = _story_corpus(article("gold", "الذهب") + article("plat", "البلاتين"))
    st = merge_mod.stats_of(ms)
    va, vb = st.docs["gold"], st.docs["plat"]
    assert sum(v * vb.get(t, 0.0) for t, v in va.items()) < 0.03
    ev = [e for e in merge(ms) if e.first_day == day]
    assert len(ev) == 2                                        # alike words, two stories
    try:
        merge_mod.USE_STORY = False
        assert len([e for e in merge(ms) if e.first_day == day]) == 1     # the words alone would merge them
    finally:
        merge_mod.USE_STORY = True


def test_few_documents_have_no_story_vectors():
    from timeline.merge import stats_of
    assert stats_of([mention("a", VISIT, D(2025, 7, 31)), mention("b", VISIT2, D(2025, 7, 31))]).docs == {}
    assert len(stats_of(_story_corpus([])).docs) == 120


def test_consolidate_joins_events_of_one_date_and_one_story():
    from timeline.merge import Event, consolidate, stats_of
    day, other = D(2015, 8, 12), D(2015, 8, 13)
    ms = _story_corpus([mention("a", "يلتقي الهلال والنصر في نهائي كأس السوبر على ملعب لوفتس رود", day),
                        mention("b", "تذاكر نهائي كأس السوبر نفدت قبل المباراة بين الفريقين", day),
                        mention("c", "تذاكر نهائي كأس السوبر نفدت قبل المباراة بين الفريقين", other),
                        mention("d", "ارتفعت أسعار النفط في تعاملات اليوم بعد قرار أوبك", day)])
    st = stats_of(ms)
    cup = {"سوبر": 0.8, "هلال": 0.6}
    st.docs.update(a=cup, b=cup, c=cup, d={"نفط": 1.0})
    n = len(ms)

    def ev(i):
        m = ms[i]
        return Event([i], m.first_day, m.last_day, m.value, m.mod, m.grain, (m.first_day, m.last_day), {m.doc_id})
    out = consolidate([ev(n - 4), ev(n - 3), ev(n - 2), ev(n - 1)], ms, st)
    groups = sorted(sorted(ms[i].doc_id for i in e.members) for e in out)
    assert groups == [["a", "b"], ["c"], ["d"]]            # one date and one story; not another day
    joined = next(e for e in out if len(e.members) == 2)
    assert joined.links[-1][5] == pytest.approx(1.0) and joined.links[-1][4]


def _events(ms, groups):
    from timeline.merge import Event
    out = []
    for g in groups:
        m = ms[g[0]]
        out.append(Event(list(g), m.first_day, m.last_day, m.value, m.mod, m.grain, (m.first_day, m.last_day),
                         {ms[i].doc_id for i in g}))
    return out


def _vector_of(ms, st):
    from timeline.merge import MARGIN, _Merger, _month_periods
    return _Merger(ms, st, _month_periods, MARGIN, 32, 24)._vector


OIL = "ارتفعت أسعار النفط للعقود الآجلة في التعاملات الآسيوية مع ترقب بيانات الوظائف الأمريكية"
GOLD = "استقر الذهب قرب أدنى مستوياته في خمس سنوات مع ترقب بيانات الوظائف الأمريكية والمستثمرين"


def test_refine_cuts_an_event_chained_through_a_clause_of_two_happenings():
    """Oil and gold, each told by two outlets, chained into one event by clauses that also mention
    the jobs data: only strong links hold an event together, so it comes apart in two, each with
    the links that connect it."""
    from timeline.merge import refine, stats_of
    day = D(2015, 8, 7)
    ms = [mention("o1", OIL, day), mention("o2", OIL + " يوم الجمعة", day),
          mention("g1", GOLD, day), mention("g2", GOLD + " في الأسواق", day)]
    st = stats_of(ms)
    out = refine(_events(ms, [[0, 1, 2, 3]]), ms, st, _vector_of(ms, st))
    assert sorted(sorted(ms[i].doc_id for i in e.members) for e in out) == [["g1", "g2"], ["o1", "o2"]]
    first = out[0]
    assert first.members == [0, 1] and first.links[0][:2] == (1, 0) and first.links[0][2] >= 0.4
    assert out[1].links[0][:2] == (3, 2)


def test_refine_keeps_an_event_its_strong_links_hold_and_leaves_small_ones():
    from timeline.merge import refine, stats_of
    day = D(2025, 7, 31)
    ms = [dated("a", VISIT, day), dated("b", VISIT2, day), dated("c", VISIT + " للمرة الثانية", day)]
    st = stats_of(ms)
    vec = _vector_of(ms, st)
    evs = _events(ms, [[0, 1, 2]])
    assert refine(evs, ms, st, vec) == evs                      # one part: the event as it was
    two = _events(ms, [[0, 1]])
    assert refine(two, ms, st, vec) == two                       # two members: one link, already judged


def test_join_signatures_joins_fragments_of_one_happening_and_not_two_kinds():
    """Three articles name the Super Cup's teams and city in different words: two fragments of
    one day become one; an article about another match that day shares one word and stays apart."""
    from timeline.merge import join_signatures, stats_of
    day = D(2015, 8, 12)
    ms = [mention("a", "الهلال والنصر في نهائي كأس السوبر بلندن مساء الأربعاء", day),
          mention("b", "مباراة الهلال والنصر على كأس السوبر في لندن تنطلق", day),
          mention("c", "جماهير الهلال والنصر في لندن قبل نهائي السوبر", day),
          mention("d", "الأهلي يواجه الفتح في مباراة ودية بملعب المعسكر", day)]
    st = stats_of(ms)
    out = join_signatures(_events(ms, [[0, 1], [2], [3]]), ms, st, _vector_of(ms, st))
    assert sorted(sorted(ms[i].doc_id for i in e.members) for e in out) == [["a", "b", "c"], ["d"]]
    joined = next(e for e in out if len(e.members) == 3)
    j = joined.links[-1]
    assert j[:2] == (2, 0) and j[2] >= 0.6 and {"هلال", "نصر", "سوبر"} <= set(j[4])
    # another day's fragment is not a candidate
    other = [mention("e", ms[2].text, D(2015, 8, 13))]
    ms2 = ms[:3] + other
    st2 = stats_of(ms2)
    out2 = join_signatures(_events(ms2, [[0, 1], [3]]), ms2, st2, _vector_of(ms2, st2))
    assert len(out2) == 2


def test_refine_keeps_apart_clauses_of_other_figures():
    """Two sessions of one market in one template: alike words, other figures (no link); the same
    session told twice with its figures: one event."""
    from timeline.merge import figures_of, refine, stats_of
    day = D(2015, 8, 6)
    close = "أغلق مؤشر سوق الأسهم السعودية تعاملات اليوم منخفضا {} نقطة عند مستوى {} نقطة بتداولات قيمتها {} مليار ريال"
    ms = [mention("a", close.format(136, 8654, 5.2), day), mention("b", close.format(136, 8654, 5.2) + " للسوق", day),
          mention("c", close.format(21, 8790, 3.1), day)]
    assert figures_of(ms[0]) == {"136", "8654", "5.2"}
    assert figures_of(mention("d", "في 20/10/1436هـ الموافق 2015 سجل 7 أهداف", day)) == {"7"}
    st = stats_of(ms)
    out = refine(_events(ms, [[0, 1, 2]]), ms, st, _vector_of(ms, st))
    assert sorted(sorted(ms[i].doc_id for i in e.members) for e in out) == [["a", "b"], ["c"]]


def test_tolerate_joins_a_day_off_only_for_articles_whose_weekdays_move_their_anchor():
    """An outlet dated by the crawl: its «أمس» lands a day after the others' report of one match.
    Its event joins theirs when its articles' weekdays put their anchor a day earlier and its words
    are relative ones; a written date, or an article without that evidence, stays on its own day."""
    from timeline.merge import stats_of, tolerate
    day, late = D(2015, 8, 8), D(2015, 8, 9)
    match = "فاز الهلال على النصر بهدفين في نهائي كأس السوبر على ملعب لوفتس رود في لندن"
    ms = [mention("a", match, day), mention("b", match + " أمام جماهير كبيرة", day),
          mention("c", "فاز الهلال على النصر في نهائي السوبر بملعب لوفتس رود بلندن", late),
          mention("d", "فاز الهلال على النصر في نهائي السوبر بملعب لوفتس رود بلندن", late)]
    ms[2].expr, ms[3].expr = "أمس", "8 أغسطس"
    st = stats_of(ms)
    vec = _vector_of(ms, st)
    st.shifts = {"c": -1, "d": -1}
    out = tolerate(_events(ms, [[0, 1], [2]]), ms, st, vec)
    assert [sorted(e.members) for e in out] == [[0, 1, 2]]
    assert out[0].first_day == day and out[0].links[-1][:2] == (2, 0)   # the event keeps its own date
    assert len(tolerate(_events(ms, [[0, 1], [3]]), ms, st, vec)) == 2  # «8 أغسطس»: a written date
    st.shifts = {"c": 1}
    assert len(tolerate(_events(ms, [[0, 1], [2]]), ms, st, vec)) == 2  # its weekdays point the other way
    st.shifts = {}
    assert len(tolerate(_events(ms, [[0, 1], [2]]), ms, st, vec)) == 2


def test_head_of_is_what_the_date_attaches_to():
    """A clause that tells of the oil session and of the jobs report: the words next to «اليوم
    الجمعة» are the oil session's, not the report's."""
    from timeline.merge import head_of, stats_of
    text = "ارتفعت أسعار النفط اليوم الجمعة في التعاملات الآسيوية قبيل صدور بيانات الوظائف الأمريكية"
    m = mention("a", text, D(2015, 8, 7))
    m.expr_start = text.index("اليوم")
    m.expr_end = m.expr_start + len("اليوم الجمعة")
    head = head_of(m, stats_of([m]))
    assert {"اسعار", "نفط", "تعامل"} <= head and not head & {"وظائف", "بيان"}, head


def test_refine_keeps_apart_reports_a_clause_naming_no_one_would_bridge(monkeypatch):
    """Three executions of one day, each told by two outlets, and a statement naming no one that is
    alike to all of them: the strong links join the copies of each report, strongest first, and
    never two parts whose clauses name other people; the statement joins one of them."""
    from timeline import merge as M
    from timeline.merge import refine, stats_of
    monkeypatch.setattr(M, "NAMES", (2, 3))     # a name: in the two copies of its report (a run of 19 mentions)
    day = D(2015, 8, 5)
    one = "تنفيذ حكم القتل قصاصا بالجاني مشعشع بن مفرح حريصي سعودي الجنسية بمدينة جازان"
    two = "تنفيذ حكم القتل تعزيرا بالجانيين أرقاوي ولدو هيلان مريم أثيوبيي الجنسية بمدينة جازان"
    three = "تنفيذ حكم القتل تعزيرا بالجاني عصمت حياة شريف باكستاني الجنسية بمدينة جدة"
    bridge = "أصدرت وزارة الداخلية بيانا بشأن تنفيذ حكم القتل بالجاني في منطقة جازان"
    filler = [mention(f"f{k}", f"خبر رقم {k} عن موضوع {w} مختلف تماما", day)
              for k, w in enumerate(["الطقس", "الأسواق", "الرياضة", "الثقافة", "السياحة", "التعليم", "الصحة",
                                     "النقل", "الزراعة", "الطاقة", "الإسكان", "البيئة"])]
    ms = [dated("a1", one, day), dated("a2", one + " أمس", day), dated("b1", two, day), dated("b2", two + " أمس", day),
          dated("c1", three, day), dated("c2", three + " أمس", day), dated("s", bridge, day)] + filler
    st = stats_of(ms)
    out = refine(_events(ms, [list(range(7))]), ms, st, _vector_of(ms, st))
    parts = sorted(sorted(ms[i].doc_id for i in e.members) for e in out)
    assert ["a1", "a2"] in [p[:2] for p in parts] and ["b1", "b2"] in [p[:2] for p in parts], parts
    assert not any({"a1", "b1"} <= set(p) or {"a1", "c1"} <= set(p) or {"b1", "c1"} <= set(p) for p in parts), parts


def test_clash_compares_figures_and_names_only_when_both_clauses_have_them():
    from timeline.merge import _clash
    f = frozenset
    assert _clash((f({"3", "1"}), f(), f()), (f({"2", "0"}), f(), f())) is True        # two scores
    assert _clash((f({"3", "1"}), f(), f()), (f({"3", "0"}), f(), f())) is False
    assert _clash((f(), f(), f({"x", "y", "z"})), (f(), f(), f({"u", "v", "w"}))) is True   # other names
    assert _clash((f(), f(), f({"x", "y", "z"})), (f(), f(), f({"x", "v", "w"}))) is False
    assert _clash((f({"3"}), f(), f({"x", "y"})), (f({"2"}), f(), f({"u", "v", "w"}))) is None  # too few


def test_joined_events_keep_the_hull_of_all_their_members():
    """Two parts of one day joined again by their signatures hold a member of 1-11 February: the
    joined event's hull says so, so a mention of 2 January - 1 February, which does not hold that
    member's span, cannot join it later (it did when the hull was the first part's alone)."""
    first = D(2025, 2, 1)
    ms = [mention("d00", VISIT2, D(2025, 1, 2), D(2025, 2, 1), value="v1"),
          mention("d01", VISIT, first), mention("d02", VISIT2, first),
          mention("d03", VISIT2, first, D(2025, 2, 11), value="v31")]
    for ev in merge(ms):
        for i in ev.members:
            assert all(compatible(ms[i].interval, ms[j].interval) for j in ev.members), ev.members


INDICATOR = "ارتفع مؤشر الإنتاج الصناعي في الاقتصاد الأوروبي بنسبة {} و{} خلال الشهر بحسب بيانات مكتب الإحصاء"


def test_a_months_figures_of_two_things_stay_apart_and_the_same_figures_join():
    june = (D(2015, 6, 1), D(2015, 6, 30))
    other = [mention("a", INDICATOR.format("0.8%", "1.2%"), *june), mention("b", INDICATOR.format("0.3%", "2.5%"), *june)]
    assert len(merge(other)) == 2          # each gives two figures, none shared: two indicators
    same = [mention("a", INDICATOR.format("0.8%", "1.2%"), *june), mention("b", INDICATOR.format("0.8%", "1.2%"), *june)]
    assert len(merge(same)) == 1


BOMBING = "التفجير الإرهابي الذي استهدف مسجد قوات الطوارئ الخاصة بمنطقة عسير وأسفر عن استشهاد عشرة من منسوبي القوات"


def test_a_visit_to_the_site_is_not_the_deed_it_visits():
    day = D(2015, 8, 6)
    deed = [dated("a", "وقع " + BOMBING, day), dated("b", "وقع " + BOMBING + " وإصابة آخرين", day)]
    visits = [dated("c", "زار أمير منطقة عسير موقع " + BOMBING, day),
              dated("d", "زار أمير منطقة عسير موقع " + BOMBING + " واطمأن على المصابين", day)]
    evs = events_of(deed + visits)
    assert sorted(evs) == [[("a", "2015-08-06"), ("b", "2015-08-06")], [("c", "2015-08-06"), ("d", "2015-08-06")]]


def test_a_fragment_naming_the_core_of_a_big_event_joins_it():
    """A clause of one article that names four of the seven stems that every article of a day's
    big event names (the Super Cup: its teams, cup and city) joins that event, though its own
    other words keep the signatures' overlap under ``SIGNATURE[0]``; beside an event of fewer than
    ``SIGNATURE_CORE[0]`` articles it stays apart."""
    from timeline.merge import SIGNATURE, SIGNATURE_CORE, join_signatures, stats_of
    day = D(2015, 8, 12)
    fragment = "اللاعب سالم يغيب بسبب الإصابة والإرهاق الشديد عن مواجهة الهلال والنصر على الكأس السوبر"

    def run(n):
        ms = [mention(f"b{k:02d}", "الهلال والنصر في نهائي كأس السوبر بلندن على الملعب", day) for k in range(n)]
        ms.append(mention("frag", fragment, day))
        st = stats_of(ms)
        out = join_signatures(_events(ms, [list(range(n)), [n]]), ms, st, _vector_of(ms, st))
        return out
    big = SIGNATURE_CORE[0]
    out = run(big)
    assert len(out) == 1 and len(out[0].members) == big + 1
    link = out[0].links[-1]
    assert SIGNATURE_CORE[1] <= link[2] < SIGNATURE[0]
    assert {"هلال", "نصر", "سوبر", "كاس"} <= set(link[4])
    assert len(run(big - 1)) == 2

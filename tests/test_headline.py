"""Event summaries as headlines (timeline/headline.py): opening connectives off, a root و kept."""
from __future__ import annotations

from collections import Counter

import pytest

from timeline.headline import dangling, headline, known_words

KNOWN = known_words(["قال الوزير إن", "أعلنت الوزارة", "كان الفريق", "أعلنت الشركة", "قال المتحدث",
                     "كان الاجتماع", "أعلنت", "قال", "كان", "قد أعلن", "قد أعلن", "قد أعلن", "في الرياض",
                     "في جدة", "في مكة"])


@pytest.mark.parametrize("summary, want", [
    ("وقال الوزير إن المشروع سيكتمل قريبا", "قال الوزير إن المشروع سيكتمل قريبا"),
    ("وأعلنت الوزارة عن بدء التسجيل للطلاب", "أعلنت الوزارة عن بدء التسجيل للطلاب"),
    ("كما أعلنت الشركة نتائجها للربع الثاني", "أعلنت الشركة نتائجها للربع الثاني"),
    ("يذكر أن الفريق فاز على منافسه في الجولة الأولى", "الفريق فاز على منافسه في الجولة الأولى"),
    ("ومن جهته قال المتحدث إن الاجتماع كان مثمرا", "قال المتحدث إن الاجتماع كان مثمرا"),
    ("إلى ذلك، وصل الوفد إلى الرياض في زيارة رسمية", "وصل الوفد إلى الرياض في زيارة رسمية"),
    ("هذا وقد أعلن المتحدث باسم الوزارة أن الاجتماع انتهى", "قد أعلن المتحدث باسم الوزارة أن الاجتماع انتهى"),
    ("وفي الرياض افتتح الأمير المعرض الدولي", "في الرياض افتتح الأمير المعرض الدولي"),
    ("علمًا بأنه يواجه مواطنه إشبيلية في كأس السوبر", "يواجه مواطنه إشبيلية في كأس السوبر"),
    ("فإن أمام الكونجرس حتى 17 سبتمبر ليقر الاتفاق", "أمام الكونجرس حتى 17 سبتمبر ليقر الاتفاق"),
    ("من جهة أخرى زار أمير المنطقة المصابين في المستشفى", "زار أمير المنطقة المصابين في المستشفى"),
    ("ومن ناحية ثانية وصلت بعثة الفريق إلى لندن", "وصلت بعثة الفريق إلى لندن"),
    # a root و stays: what is left is no word of the corpus
    ("وزارة الصحة تعلن تسجيل حالات جديدة", "وزارة الصحة تعلن تسجيل حالات جديدة"),
    ("وفد سعودي يصل إلى القاهرة", "وفد سعودي يصل إلى القاهرة"),
    ("وصل الوفد إلى الرياض في زيارة رسمية", "وصل الوفد إلى الرياض في زيارة رسمية"),
    # never down to fewer than three words
    ("وقال الوزير ذلك", "وقال الوزير ذلك"),
    ("", ""),
])
def test_headline(summary, want):
    assert headline(summary, KNOWN) == want


def test_an_unknown_remainder_keeps_the_conjunction():
    assert headline("ويستعد الفريق للقاء منافسه غدا", Counter()) == "ويستعد الفريق للقاء منافسه غدا"
    assert headline("ويستعد الفريق للقاء منافسه غدا", Counter({"يستعد": 5})) == "يستعد الفريق للقاء منافسه غدا"


@pytest.mark.parametrize("summary, want", [
    ("الذي يشارك في حفل الافتتاح الرسمي لقناة السويس", True),
    ("التي أقيمت في الرياض بحضور الأمير", True),
    ("بالوصول لاتفاق نووي", True),
    ("افتتح الرئيس المصري قناة السويس الجديدة", False),
])
def test_dangling(summary, want):
    assert dangling(summary) is want


def test_the_event_summary_is_a_headline_from_a_whole_clause():
    import datetime as dt
    import timeline
    day = dt.date(2015, 8, 7)
    docs = [timeline.Document("a", "وافتتح الرئيس المصري أمس قناة السويس الجديدة في حفل عالمي كبير بالإسماعيلية.", day),
            timeline.Document("b", "ووصل الوفد الذي يشارك أمس في حفل افتتاح قناة السويس الجديدة بالإسماعيلية.", day),
            timeline.Document("c", "وقال مسؤول إن الرئيس المصري افتتح قناة السويس الجديدة أمس بالإسماعيلية في حفل.", day)]
    tl = timeline.build(docs, workers=1)
    ev = tl.events[tl.events["n_sources"] >= 2]
    assert len(ev) == 1
    s = ev.iloc[0]["summary"]
    assert not s.startswith("الذي") and not s.startswith("و") and "قناة السويس" in s


def test_lead_title_heads_an_event_its_articles_open_with():
    from timeline.headline import lead_title
    from timeline.similarity import words
    titles = {"a": "رياضي / الهلال والنصر في نهائي السوبر بلندن", "b": "مقالة",
              "c": "ارتفاع أسعار النفط"}
    members = [("a", 0, words("يلتقي الهلال والنصر مساء الأربعاء في نهائي كأس السوبر")),
               ("b", 40, words("نهائي السوبر بين الهلال والنصر في لندن يجمع الجماهير")),
               ("c", 900, words("الهلال والنصر في نهائي السوبر"))]
    # a's mention is in its lead and its title's words are in b's clause; the section's name goes
    assert lead_title(members, titles.get) == ("a", "الهلال والنصر في نهائي السوبر بلندن")
    # b opens with the event too, but its title is a column's name; c's mention is far from its lead
    assert lead_title(members[1:], titles.get) is None
    assert lead_title(members[:1], titles.get) is None                   # one article: its own clause
    assert lead_title([("a", 0, []), ("b", 0, [])], titles.get) is None   # nothing held by another article


def test_too_short_summaries_are_no_headline():
    from timeline.headline import too_short
    assert too_short("1377هـ =") and too_short("قال") and too_short("وذلك") and too_short("")
    assert not too_short("الحرب العالمية الثانية تنتهي")


@pytest.mark.parametrize("summary, want", [
    # names who or what did it
    ("وقال الوزير إن المشروع سيكتمل قريبا", 0),
    ("أطلع مجلس الوزراء على جملة من التقارير عن مجريات الأحداث", 0),
    ("قال تشونغ الذي كان نائب رئيس فيفا", 0),
    ("من المقرر أن تعود بعثة فريق الأهلي إلى السعودية", 0),
    ("يبدأ أرسنال مشواره في الدوري المحلي على أرضه ضد جاره وست هام", 0),
    # opens with no subject: a preposition, a complementizer, a particle, a verb of saying with «أن»
    ("في الدوحة لبحث التقدم المحرز ورسم الخطوات القادمة بشأن الشراكة", 1),
    ("على أن يلعب ارسنال بين جماهيره ايضا مع جاره وست هام", 1),
    ("وأضاف أنه بحث الاتفاق بين الغرب وإيران حول برنامجها النووي", 1),
    ("كان قد ترك عمله في إذاعة الرياض ليلتحق بمجموعة", 1),
    ("إلى أن أسعار الوقود كانت ترتفع مع بداية موجات الأسفار", 1),
    ("مشيراً إلى أن وصول الدفعة الثالثة سيكون خلال الفترة", 1),
    ("تم تحديد لقاء مع المواطنين في بلدية العيون", 1),
    ("«في الوقت الحالي نحن أبطال أصعب دوري في العالم", 1),
    ("2013 وذكر البنك في وقت سابق إنه يتوقع ارتفاع الأسعار", 1),
    # dangling
    ("الذي يشارك في حفل الافتتاح الكبير", 2),
    ("قبل أن تعود", 2),
])
def test_opening(summary, want):
    from timeline.headline import opening
    assert opening(summary) == want


def test_the_event_summary_prefers_a_clause_that_names_who():
    # the clause most alike to the others opens with «في الدوحة»: its subject was cut off before the
    # comma; the summary is taken from the one that names who did it
    import datetime as dt
    import timeline
    day = dt.date(2015, 8, 4)
    copy = ("واطلع مجلس الوزراء بعد ذلك على جملة من التقارير عن مجريات الأحداث وتداعياتها في المنطقة والعالم، "
            "ورحب في هذا السياق بالبيان المشترك الصادر عقب اجتماع وزراء خارجية دول مجلس التعاون والأمين العام "
            "للمجلس مع وزير خارجية الولايات المتحدة الأمريكية ، في الدوحة لبحث التقدم المحرز ورسم الخطوات القادمة "
            "بشأن الشراكة الاستراتيجية بين الجانبين ومجالات التعاون التي أعلن عنها في قمة كامب ديفيد في 14 مايو "
            "2015م ، كما رحب بالبيان الصادر عن لجنة مبادرة السلام العربية.")
    docs = [timeline.Document(x, copy, day) for x in "abd"]
    docs.append(timeline.Document("c", "وعقد قادة دول الخليج قمة كامب ديفيد مع الرئيس الأمريكي في 14 مايو 2015م "
                                       "لبحث التقدم المحرز في الشراكة الاستراتيجية بين الجانبين.", day))
    tl = timeline.build(docs, workers=1)
    ev = tl.events[tl.events["n_sources"] == 4]
    assert len(ev) == 1
    assert ev.iloc[0]["summary_source"] == "c:0-127"
    assert "قادة دول الخليج قمة كامب ديفيد" in ev.iloc[0]["summary"]

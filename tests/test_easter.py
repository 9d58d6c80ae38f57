"""Easter (Western: the Gregorian computus; Orthodox/Coptic: the Julian computus, given in the Gregorian
calendar), «شم النسيم» and Coptic Christmas (25 December Julian = 7 January)."""
import datetime as dt

import pytest

from resolvers import arith, tag

easter = pytest.importorskip("dateutil.easter")


def test_computus_agrees_with_dateutil():
    for y in range(1583, 4100):
        assert arith.easter_western(y) == easter.easter(y, easter.EASTER_WESTERN), y
        assert arith.easter_orthodox(y) == easter.easter(y, easter.EASTER_ORTHODOX), y


def test_julian_calendar():
    assert arith.julian_to_gregorian(1582, 10, 5) == dt.date(1582, 10, 15)      # the reform
    assert arith.julian_to_gregorian(2025, 12, 25) == dt.date(2026, 1, 7)
    assert arith.julian_to_gregorian(2100, 12, 25) == dt.date(2101, 1, 8)       # 14 days from March 2100


def test_western_easter_before_the_reform_is_the_julian_one():
    assert arith.easter_western(1000) == arith.easter_orthodox(1000)


@pytest.mark.parametrize("year", [2024, 2025, 2026, 2027])
def test_easter_of_a_year(year):
    w, o = easter.easter(year, easter.EASTER_WESTERN), easter.easter(year, easter.EASTER_ORTHODOX)
    assert tag(f"عيد الفصح {year}", "2025-10-15")[0].value == w.isoformat()
    assert tag(f"عيد القيامة {year}", "2025-10-15")[0].value == o.isoformat()
    assert tag(f"عيد الفصح الأرثوذكسي {year}", "2025-10-15")[0].value == o.isoformat()
    assert tag(f"شم النسيم {year}", "2025-10-15")[0].value == (o + dt.timedelta(1)).isoformat()
    assert tag(f"عيد الميلاد القبطي {year}", "2025-10-15")[0].value == f"{year}-01-07"


def test_coptic_christmas_by_direction_across_the_year_end():
    # written in December: the coming 7 January is the next year's
    assert tag("عيد الميلاد القبطي المقبل", "2025-12-20")[0].value == "2026-01-07"
    assert tag("عيد الميلاد القبطي الماضي", "2026-01-20")[0].value == "2026-01-07"
    # «عيد الميلاد المجيد» alone stays 25 December (the usage of most of the Arab press)
    assert tag("عيد الميلاد المجيد المقبل", "2025-12-20")[0].value == "2025-12-25"


@pytest.mark.parametrize("text", ["عيد الفصح اليهودي", "خلال عيد الفصح العبري", "عيد الفصح لدى اليهود", "يوم القيامة"])
def test_passover_and_judgement_day_are_left_alone(text):
    assert tag(text, "2025-04-10") == []


def test_easter_calendar_is_gregorian_in_the_output():
    t = tag("عيد الفصح 2026", "2025-10-15")[0]
    assert t.calendar == "gregorian" and t.rule == "holiday"

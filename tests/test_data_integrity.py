"""Generated data stays equal to what its generator makes (dateparser's data-integrity test)."""
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_hijri_month_table_matches_hijridate():
    spec = importlib.util.spec_from_file_location("gen", ROOT / "tools" / "gen_hijri_table.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    committed = (ROOT / "resolvers" / "data" / "hijri_month_starts.tsv").read_text(encoding="utf-8")
    assert committed == gen.render()


def test_hijri_conversion_agrees_with_hijridate_on_sample_days():
    import datetime as dt
    from hijridate import Gregorian, Hijri
    from resolvers import hijri
    for d in (dt.date(1990, 1, 1), dt.date(2015, 8, 10), dt.date(2025, 10, 7), dt.date(2026, 3, 19)):
        h = Gregorian(d.year, d.month, d.day).to_hijri()
        assert hijri.from_gregorian(d) == (h.year, h.month, h.day)
        assert hijri.to_gregorian(h.year, h.month, h.day) == d
    assert hijri.to_gregorian(1447, 4, 15) == Hijri(1447, 4, 15).to_gregorian()
    assert hijri.to_gregorian(1447, 2, 30) is None          # Safar 1447 has 29 days

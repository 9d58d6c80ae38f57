"""The vocabulary tables: schema, no form with two values, inflections that agree, every row used."""
import re
import shutil

import pytest

from resolvers import tag
from resolvers import rules as _registered  # noqa: F401  (registers the rules)
from resolvers.grammar import RULES
from resolvers.lexicon import Lexicon, LexiconError, SCHEMAS, DATA, read_table, CATEGORIES
from resolvers.normalize import fold
from corpus import examples


def test_every_table_loads_and_validates():
    lex = Lexicon()
    assert set(lex.tables) == set(SCHEMAS)
    assert lex["MONTH"].lookup("تشرين الاول").month == 10


@pytest.fixture
def tables(tmp_path):
    """A copy of the vocabulary tables to spoil."""
    for f in DATA.glob("*.tsv"):
        shutil.copy(f, tmp_path / f.name)
    return tmp_path


def test_a_bad_row_names_file_line_and_column(tables):
    tmp_path = tables
    (tmp_path / "weekdays.tsv").write_text("form\tweekday\tbare\nالأحد\tSunday\t0\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"weekdays\.tsv:2: column 'weekday'"):
        Lexicon(tmp_path)


def test_a_wrong_header_is_rejected(tables):
    tmp_path = tables
    (tmp_path / "parts.tsv").write_text("form\tmodifier\nمطلع\tSTART\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"parts\.tsv: header"):
        Lexicon(tmp_path)


def test_a_form_folding_to_another_with_a_different_value_is_rejected(tables):
    tmp_path = tables
    with open(tmp_path / "relative_days.tsv", "a", encoding="utf-8") as fh:
        fh.write("امس\t1\n")                 # «أمس» folds to «امس», listed as -1
    with pytest.raises(LexiconError, match="already listed"):
        Lexicon(tmp_path)


def _stem(form):
    return re.sub(r"(ين|ان|تين|تان|ة|ات)$", "", fold(form))


def test_direction_inflections_keep_the_direction_of_their_stem():
    """Duals and feminines agree with their stem (HeidelTime's crossed duals would fail here)."""
    rows = read_table("directions")
    by_stem = {}
    for r in rows:
        by_stem.setdefault(_stem(r["form"]), set()).add(r["direction"])
    crossed = {s: d for s, d in by_stem.items() if len(d) > 1}
    assert not crossed
    assert len(by_stem) >= 10


def test_month_families_are_complete():
    rows = read_table("months")
    for system, want in (("levantine", 12), ("hijri", 12)):
        assert {r["month"] for r in rows if r["system"] == system} == set(range(1, want + 1)), system
    greg = {r["month"] for r in rows if r["calendar"] == "gregorian" and r["system"] in ("egyptian",)}
    assert greg == set(range(1, 13))
    maghrebi = {r["month"] for r in rows if r["system"] in ("maghrebi",)}
    assert {1, 2, 4, 5, 6, 7, 8} <= maghrebi


def _used_texts():
    texts = [fold(e.text) for e in examples()]
    texts += [fold(x) for r in RULES for x in r.examples]
    return "\n".join(texts)


USED = None


@pytest.mark.parametrize("table", ["months", "weekdays", "relative_days", "directions", "parts",
                                   "parts_of_day", "units", "vague", "sets", "holidays", "seasons",
                                   "periods", "period_ordinals", "duration_modifiers", "offset_words",
                                   "generic_sources"])
def test_every_vocabulary_row_is_exercised(table):
    """Every row appears in a corpus example or a rule example (Duckling's untested كانون months)."""
    global USED
    if USED is None:
        USED = _used_texts()
    missing = [r["form"] for r in read_table(table) if not re.search(r"(?<!\w)[وفبلك]?" + re.escape(fold(r["form"])) + r"(?!\w)", USED)]
    assert not missing, f"{table}: no example uses {missing}"

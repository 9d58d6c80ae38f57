"""Generate resolvers/data/hijri_month_starts.tsv from hijridate's Umm al-Qura table.

    python tools/gen_hijri_table.py            # rewrite the table
    python tools/gen_hijri_table.py --check    # exit 1 if the committed table differs

The resolver reads the table (a data file, fast, no per-call validation); tests/test_data_integrity.py
regenerates it in memory and compares, so a change in hijridate cannot slip in unnoticed.
"""
import pathlib
import sys

from hijridate import Hijri
from hijridate.ummalqura import HIJRI_RANGE

OUT = pathlib.Path(__file__).resolve().parent.parent / "resolvers" / "data" / "hijri_month_starts.tsv"


def rows():
    first_year, last_year = HIJRI_RANGE[0][0], HIJRI_RANGE[1][0]
    yield "hijri_year\thijri_month\tgregorian_start\tlength"
    for y in range(first_year, last_year + 1):
        for m in range(1, 13):
            try:
                h = Hijri(y, m, 1)
                g = h.to_gregorian()
                yield f"{y}\t{m}\t{g.isoformat()}\t{h.month_length()}"
            except (OverflowError, ValueError):
                continue


def render() -> str:
    return "\n".join(rows()) + "\n"


if __name__ == "__main__":
    text = render()
    if "--check" in sys.argv:
        sys.exit(0 if OUT.read_text(encoding="utf-8") == text else 1)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10)) - 1} months)")

#!/usr/bin/env python3
"""Reliability check over a real corpus (default ``../shared/corpora/saudinewsnet.jsonl``).

    python tools/check_corpus.py [CORPUS.jsonl] [--json] [--examples N] [--build]

For every article: read it with the project's reader, tag it against the right anchor
(:func:`timeline.anchoring.anchor_document`), and count.  Prints

* articles read / skipped (every line of the file accounted for) and exceptions (must be 0);
* the «الموافق» agreement: among the pairs «D <Hijri month> YYYY هـ الموافق D <month> YYYY» (or
  numeric, «7/11/1436هـ الموافق 22/8/2015م») where both dates are well formed, the share whose two
  expressions resolve to the same day (must be >= 97%), with the Umm al-Qura table's own agreement
  with the printed Gregorian day (the rest are typos in the source) and the failing pairs, by cause;
* the anchor-contradiction detector against the corpus' ``weekday_check`` field;
* the anchors inferred from the text when the publication date is withheld, against the real one.

``--build`` also runs the whole pipeline (``timeline.build``) on the corpus.  Exit status 0 when
there was no exception, every article is accounted for and the agreement is at least 97%.
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import re
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from resolvers import hijri, tag  # noqa: E402
from resolvers.lexicon import get_lexicon  # noqa: E402
from timeline.anchoring import anchor_document, check_weekdays, infer_anchor  # noqa: E402
from timeline.documents import Problem, read_inputs  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpora" / "saudinewsnet.jsonl"
THRESHOLD = 0.97
_VARIANTS = {"ا": "[اأإآ]", "ي": "[يى]", "ه": "[هة]", "ة": "[هة]", "ى": "[يى]"}
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def _month_alternation(category: str) -> tuple[str, dict]:
    from resolvers.normalize import fold
    forms, number = [], {}
    for norm, lex in get_lexicon()[category].entries.items():
        pat = r"\s+".join("".join(_VARIANTS.get(c, re.escape(c)) for c in fold(w)) for w in lex.form.split())
        forms.append(pat)
        number[" ".join(fold(lex.form).split())] = lex.month
    forms.sort(key=len, reverse=True)
    return "|".join(forms), number


def pair_regex():
    hm, hnum = _month_alternation("HMONTH")
    gm, gnum = _month_alternation("GMONTH")
    d = r"[0-9٠-٩]"
    hijri_named = rf"(?P<hd>{d}{{1,2}})\s*(?:من\s+)?(?:شهر\s+)?(?P<hm>{hm})\s*(?:عام\s*|سنة\s*)?(?P<hy>{d}{{4}})\s*(?:هـ|ه)?"
    hijri_num = rf"(?P<nhd>{d}{{1,2}})\s*[/\-]\s*(?P<nhm>{d}{{1,2}})\s*[/\-]\s*(?P<nhy>{d}{{4}})\s*(?:هـ|ه)"
    greg_named = (rf"(?P<gd>{d}{{1,2}})\s*(?:من\s+)?(?:شهر\s+)?(?P<gm>{gm})(?:\s*[/\-(]?\s*(?:{gm})\s*\)?)?\s*"
                  rf"(?:عام\s*|سنة\s*)?(?P<gy>{d}{{4}})")
    greg_num = rf"(?P<ngd>{d}{{1,2}})\s*[/\-]\s*(?P<ngm>{d}{{1,2}})\s*[/\-]\s*(?P<ngy>{d}{{4}})"
    # not glued to a preceding word («الأحساء25 شوال»: a typo, not a well-formed date), not inside a range
    rx = re.compile(rf"(?<![\w/\-–])(?:{hijri_named}|{hijri_num})(?P<link>[\s،,]*(?:و\s*)?الموافق\s*(?:ل\s*ـ?\s*)?)"
                    rf"(?:{greg_named}|{greg_num})(?![0-9٠-٩]|\s*[/\-–]\s*[0-9٠-٩])(?:\s*م(?!\w))?")
    return rx, hnum, gnum


def _side(m, g: dict, p: str, month_numbers: dict, fold) -> tuple:
    """(year, month, day, span) of one side of a pair (``p``: "h" or "g"), its month written as a
    name (groups pd, pm, py) or as a number (npd, npm, npy)."""
    if g[p + "d"]:
        month = month_numbers.get(" ".join(fold(g[p + "m"]).split()))
        return int(g[p + "y"]), month, int(g[p + "d"]), (m.start(p + "d"), m.end(p + "y"))
    n = "n" + p
    return int(g[n + "y"]), int(g[n + "m"]), int(g[n + "d"]), (m.start(n + "d"), m.end(n + "y"))


def find_pairs(text: str, rx, hnum, gnum):
    """Well-formed «الموافق» pairs: (hijri span, gregorian span, (hy, hm, hd), printed Gregorian date)."""
    from resolvers.normalize import fold
    out = []
    for m in rx.finditer(text):
        g = {k: (v.translate(_DIGITS) if v else v) for k, v in m.groupdict().items()}
        hy, hmo, hd, h_span = _side(m, g, "h", hnum, fold)
        gy, gmo, gd, g_span = _side(m, g, "g", gnum, fold)
        if not (1300 <= hy <= 1500 and hmo and 1 <= hmo <= 12 and 1 <= hd <= 30 and 1900 <= gy <= 2100):
            continue
        try:
            printed = dt.date(gy, gmo, gd)
        except (TypeError, ValueError):
            continue
        out.append((h_span, g_span, (hy, hmo, hd), printed, m.group().strip()))
    return out


def _covering(timexes, span):
    for t in timexes:
        if t.start <= span[0] < t.end:
            return t
    return None


def _day(t):
    return t.first_day if (t is not None and t.type in ("DATE", "TIME") and t.first_day is not None
                           and t.first_day == t.last_day) else None


def check(path: Path, examples: int = 5, build: bool = False) -> dict:
    rx, hnum, gnum = pair_regex()
    lines = sum(1 for line in open(path, "rb") if line.strip())
    read = skipped = exceptions = 0
    problems = collections.Counter()
    crashes = []
    pairs = agree = table_agree = 0
    failures = collections.defaultdict(list)
    confusion = collections.Counter()
    contradicted_shift = collections.Counter()
    inferred = collections.Counter()
    corpus_meta = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            try:
                rec = json.loads(line)
                corpus_meta[str(rec.get("id"))] = (rec.get("weekday_check"), rec.get("published_basis"))
            except ValueError:
                pass
    for item in read_inputs([path]):
        if isinstance(item, Problem):
            problems[item.code or "other"] += 1
            if item.severity == "error":
                skipped += 1
            continue
        read += 1
        try:
            anchored = anchor_document(item, tag)
            tx = anchored.timexes
            wc, basis = corpus_meta.get(item.id, (None, None))
            confusion[(wc, anchored.weekday_check)] += 1
            if anchored.weekday_check == "inconsistent":
                chk = check_weekdays(tx, item.published)
                contradicted_shift[(chk.corrected - item.published).days if chk.corrected else None] += 1
            for h_span, g_span, hdate, printed, phrase in find_pairs(item.text, rx, hnum, gnum):
                pairs += 1
                table = hijri.to_gregorian(*hdate)
                table_agree += table == printed
                h, g = _covering(tx, h_span), _covering(tx, g_span)
                if h is not None and h is g:
                    ok = False
                    cause = "one expression covers both dates"
                else:
                    ok = _day(h) is not None and _day(h) == _day(g)
                    if ok:
                        cause = None
                    elif h is None or g is None:
                        cause = f"{'Hijri' if h is None else 'Gregorian'} date not found by the resolver"
                    elif table != printed:
                        cause = "source typo: the Umm al-Qura table disagrees with the printed day"
                    elif _day(h) != table:
                        cause = "the resolver's Hijri day differs from the Umm al-Qura table"
                    else:
                        cause = "the resolver's Gregorian day differs from the printed one"
                agree += ok
                if not ok and len(failures[cause]) < examples:
                    failures[cause].append({"id": item.id, "phrase": phrase,
                                            "hijri": h.text if h else None, "hijri_value": h.value if h else None,
                                            "gregorian": g.text if g else None,
                                            "gregorian_value": g.value if g else None,
                                            "table": table.isoformat() if table else None,
                                            "printed": printed.isoformat()})
                elif not ok:
                    failures[cause].append(None)
            bare = tag(item.text, None)
            ev, _ = infer_anchor(item.text, bare)
            if ev is not None:
                inferred[(ev.kind, basis, (ev.anchor - item.published).days)] += 1
        except Exception:                                       # the point of the check: count them
            exceptions += 1
            if len(crashes) < examples:
                crashes.append(f"{item.id}: {traceback.format_exc()}")
    built = None
    if build:
        import timeline
        try:
            tl = timeline.build([path])
            built = tl.totals()
        except Exception:
            exceptions += 1
            crashes.append(f"timeline.build: {traceback.format_exc()}")
    inferred_total = sum(inferred.values())
    inferred_right = sum(n for (kind, basis, delta), n in inferred.items() if delta == 0)
    inferred_near = sum(n for (kind, basis, delta), n in inferred.items() if abs(delta) <= 1)
    result = {
        "corpus": str(path), "lines": lines, "articles_read": read, "articles_skipped": skipped,
        "accounted_for": read + skipped == lines, "exceptions": exceptions, "crashes": crashes,
        "problems": dict(problems),
        "muwafiq_pairs": pairs, "muwafiq_same_day": agree,
        "muwafiq_agreement": round(agree / pairs, 4) if pairs else None,
        "umm_al_qura_agrees_with_print": round(table_agree / pairs, 4) if pairs else None,
        "muwafiq_failures": {k: {"count": len(v), "examples": [e for e in v if e]} for k, v in failures.items()},
        "weekday_check": {f"{k[0]} -> {k[1]}": v for k, v in sorted(confusion.items(), key=str)},
        "contradicted_anchor_shift_days": {str(k): v for k, v in sorted(contradicted_shift.items(), key=str)},
        "inferred_anchors": {"total": inferred_total, "same_day": inferred_right, "within_one_day": inferred_near,
                             "by_kind_basis_delta": {f"{k[0]} {k[1]} {k[2]:+d}": v
                                                     for k, v in sorted(inferred.items(), key=str)}},
        "build": built,
    }
    result["ok"] = bool(exceptions == 0 and result["accounted_for"] and pairs
                        and agree / pairs >= THRESHOLD)
    return result


def _print(r: dict) -> None:
    print(f"corpus: {r['corpus']}")
    print(f"articles: {r['lines']} lines, {r['articles_read']} read, {r['articles_skipped']} skipped "
          f"({'all accounted for' if r['accounted_for'] else 'NOT all accounted for'}); exceptions: {r['exceptions']}")
    for c in r["crashes"]:
        print("  " + c.replace("\n", "\n  "))
    if r["muwafiq_pairs"]:
        print(f"«الموافق» pairs (both dates well formed): {r['muwafiq_pairs']}; resolved to the same day: "
              f"{r['muwafiq_same_day']} = {100 * r['muwafiq_agreement']:.1f}% (threshold {100 * THRESHOLD:.0f}%); "
              f"the Umm al-Qura table agrees with the printed day in {100 * r['umm_al_qura_agrees_with_print']:.1f}%")
    for cause, f in r["muwafiq_failures"].items():
        print(f"  {f['count']} x {cause}")
        for e in f["examples"]:
            print(f"      {e['id']}: «{e['phrase']}» -> {e['hijri']!r}={e['hijri_value']} / "
                  f"{e['gregorian']!r}={e['gregorian_value']} (table {e['table']}, printed {e['printed']})")
    print("weekday check (corpus field -> detector):")
    for k, v in r["weekday_check"].items():
        print(f"  {k}: {v}")
    print(f"contradicted anchors, shift of the corrected anchor in days: {r['contradicted_anchor_shift_days']}")
    ia = r["inferred_anchors"]
    print(f"anchors inferred with the date withheld: {ia['total']}; same day as `published`: {ia['same_day']}; "
          f"within one day: {ia['within_one_day']}")
    for k, v in ia["by_kind_basis_delta"].items():
        print(f"  {k}: {v}")
    if r["build"]:
        print(f"build: {r['build']}")
    print("OK" if r["ok"] else "FAILED")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    ap.add_argument("--examples", type=int, default=5, help="examples per kind of failure")
    ap.add_argument("--build", action="store_true", help="also run timeline.build over the corpus")
    a = ap.parse_args(argv)
    if not a.corpus.is_file():
        print(f"error: {a.corpus}: no such file", file=sys.stderr)
        return 2
    r = check(a.corpus, a.examples, a.build)
    if a.json:
        print(json.dumps(r, ensure_ascii=False, indent=1))
    else:
        _print(r)
    return 0 if r["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())

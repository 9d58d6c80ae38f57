"""resolvers.recache: the engine's alternations compiled once and kept on disk give the very pattern
re.compile gives (same SRE code, groups and names, same matches), a damaged file is compiled again,
and the cache can be turned off."""
import marshal
import re
import subprocess
import sys
from array import array

import pytest

from resolvers import recache, tag
from conftest import ROOT

PATTERN = r"(?P<day>[0-9]{1,2})_?(?:/|-)(?P<month>[0-9]{1,2})|(?:أمس|اليوم|غدا)(?= |$)|(?<!\w)عام (?P<y>1[89][0-9]{2}|20[0-9]{2})"
TEXTS = ["وصل الوفد أمس", "في 12/7 المقبل", "عام 2015 و عام 1433", "اليوم", "غداً", "لا شيء هنا", "1-12"]


def _same(a: re.Pattern, b: re.Pattern) -> None:
    assert (a.pattern, a.flags, a.groups, dict(a.groupindex)) == (b.pattern, b.flags, b.groups, dict(b.groupindex))
    for t in TEXTS:
        for pos in range(len(t) + 1):
            ma, mb = a.match(t, pos), b.match(t, pos)
            assert (ma and (ma.span(), ma.groupdict())) == (mb and (mb.span(), mb.groupdict()))


@pytest.mark.skipif(not recache._OK, reason="another interpreter: plain re.compile")
def test_the_cached_pattern_is_the_compiled_one(tmp_path, monkeypatch):
    monkeypatch.setenv("ARABIC_TIMELINE_CACHE", str(tmp_path))
    first = recache.compile(PATTERN)                  # compiled, and written
    files = list((tmp_path / "re").glob("*.sre"))
    assert len(files) == 1
    fl, code, groups, groupindex, indexgroup = marshal.loads(files[0].read_bytes())
    assert (fl, array(recache._CODE, code).tolist(), groups, groupindex, indexgroup) == recache._parts(PATTERN, 0)
    again = recache.compile(PATTERN)                  # read back from the file
    _same(first, re.compile(PATTERN))
    _same(again, re.compile(PATTERN))


@pytest.mark.skipif(not recache._OK, reason="another interpreter: plain re.compile")
def test_a_damaged_file_is_compiled_again(tmp_path, monkeypatch):
    monkeypatch.setenv("ARABIC_TIMELINE_CACHE", str(tmp_path))
    recache.compile(PATTERN)
    (f,) = (tmp_path / "re").glob("*.sre")
    for junk in (b"", b"\x00\x01garbage", marshal.dumps((0, b"\x07\x00\x00\x00", 0, {}, ()))):
        f.write_bytes(junk)                           # empty, not marshal, not valid SRE code
        _same(recache.compile(PATTERN), re.compile(PATTERN))
        fl, code, *_ = marshal.loads(f.read_bytes())  # and rewritten whole
        assert array(recache._CODE, code).tolist() == recache._parts(PATTERN, 0)[1]


def test_off_or_unwritable_is_plain_compile(tmp_path, monkeypatch):
    monkeypatch.setenv("ARABIC_TIMELINE_CACHE", "0")
    assert recache.directory() is None
    _same(recache.compile(PATTERN), re.compile(PATTERN))
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("ARABIC_TIMELINE_CACHE", str(blocked))
    _same(recache.compile(PATTERN), re.compile(PATTERN))


def test_the_tagger_reads_the_same_with_the_cache_cold_warm_and_off(tmp_path):
    """Three fresh processes (the cache empty, then full, then off) tag the same sentences alike."""
    script = ("import sys, resolvers\nresolvers.prepare()\n"
              "for t in sys.stdin.read().split('\\n'):\n"
              "    print([(x.text, x.start, x.type, x.value, x.mod) for x in resolvers.tag(t, '2015-08-06')])\n")
    text = "\n".join(["وصل الوزير أمس الأربعاء إلى الرياض", "يبدأ العام الدراسي 1436/1437هـ يوم الأحد 7/9",
                      "بدأها عام 1433 وتستمر حتى نهاية الشهر المقبل", "ارتفع المؤشر 2.9% عن الأسبوع الماضي"])
    out = []
    for cache in (str(tmp_path), str(tmp_path), "0"):
        env = {"ARABIC_TIMELINE_CACHE": cache, "PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
        r = subprocess.run([sys.executable, "-c", script], input=text, capture_output=True, text=True,
                           env=env, cwd=ROOT, check=True)
        out.append(r.stdout)
    assert out[0] == out[1] == out[2]
    assert "2011-11-26/2012-11-14" in out[0]          # «عام 1433»: a real reading, not an empty run
    here = [[(x.text, x.start, x.type, x.value, x.mod) for x in tag(t, "2015-08-06")] for t in text.split("\n")]
    assert out[0] == "".join(f"{h}\n" for h in here)


@pytest.mark.skipif(not recache._OK, reason="another interpreter: plain re.compile")
def test_prune_keeps_the_patterns_in_use_only(tmp_path, monkeypatch):
    monkeypatch.setenv("ARABIC_TIMELINE_CACHE", str(tmp_path))
    monkeypatch.setattr(recache, "_USED", set())
    recache.compile(PATTERN)
    stale = tmp_path / "re" / ("0" * 64 + ".sre")
    stale.write_bytes(b"an older rule's pattern")
    assert recache.prune() == 1
    assert not stale.exists() and len(list((tmp_path / "re").glob("*.sre"))) == 1


def test_a_pattern_kept_for_later_use_survives_prune(tmp_path, monkeypatch):
    # a rule's own pattern, compiled only when a rule set's match falls back to it: prepare() marks
    # it as in use before pruning, so a later process still finds it
    monkeypatch.setenv("ARABIC_TIMELINE_CACHE", str(tmp_path))
    monkeypatch.setattr(recache, "_USED", set())
    recache.compile(PATTERN)
    later = r"(?:يوم|أمس) (?P<d>[0-9]+)"
    recache.compile(later)                            # written by an earlier process
    monkeypatch.setattr(recache, "_USED", set())      # this process: the first compiled, the other kept
    recache.compile(PATTERN)
    if recache._OK:
        recache.keep(later)
        assert recache.prune() == 0
        assert len(list((tmp_path / "re").glob("*.sre"))) == 2
        monkeypatch.setattr(recache, "_USED", {recache._key(PATTERN, 0) + ".sre"})
        assert recache.prune() == 1                   # not kept: removed


def test_a_rules_own_pattern_comes_from_the_cache(tmp_path, monkeypatch):
    from resolvers import grammar
    monkeypatch.setenv("ARABIC_TIMELINE_CACHE", str(tmp_path))
    r = grammar.Rule.__new__(grammar.Rule)
    r.regex, r.compiled = PATTERN, None
    p = grammar.pattern_of(r)
    _same(p, re.compile(PATTERN))
    if recache._OK:
        assert (tmp_path / "re" / (recache._key(PATTERN, 0) + ".sre")).exists()

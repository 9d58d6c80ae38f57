"""Shared helpers for the benchmark scripts (plain scripts that print figures; nothing is asserted)."""
from __future__ import annotations

import datetime as dt
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("TIMELINE_CORPUS", ROOT.parent / "shared" / "corpora" / "saudinewsnet.jsonl"))
RESULTS = Path(__file__).resolve().parent / "results"          # gitignored
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def load_corpus(limit: int | None = None) -> list[dict]:
    if not CORPUS.exists():
        sys.exit(f"corpus not found: {CORPUS} (set TIMELINE_CORPUS to a JSON Lines file with id,text,published)")
    out = []
    with open(CORPUS, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            d["anchor"] = dt.date.fromisoformat(d["published"][:10])
            out.append(d)
            if limit and len(out) >= limit:
                break
    return out


def machine() -> str:
    cpu = ""
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
            if line.startswith("Model name"):
                cpu = line.split(":", 1)[1].strip()
    except OSError:
        pass
    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPU(s) {cpu}; Python "
            f"{platform.python_version()}; load average {os.getloadavg()[0]:.2f} at start")


def median(xs):
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


_YEAR = re.compile(r"(?<![0-9٠-٩])([12][0-9]{3}|[١٢][٠-٩]{3})(?![0-9٠-٩])")
_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def _shift_years(text: str, k: int) -> str:
    """Gregorian years 1950-2039 in ``text`` (Latin or Arabic-Indic digits) moved ``k`` years back."""
    def sub(m):
        y = m.group(1)
        n = int(y.translate(_INDIC))
        if not 1950 <= n <= 2039:
            return y
        out = str(n - k)
        return out if y.isascii() else out.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    return _YEAR.sub(sub, text)


def replicate(copies: int, path: Path, source: Path = CORPUS) -> int:
    """Write ``copies`` copies of the corpus to ``path`` (JSON Lines): copy k (k >= 1) has its ids
    suffixed ``-r{k}``, its publication dates and the Gregorian years of its text and title ``k``
    years earlier (a decade of news, each year its own timeline).  Returns the number of records.
    Made under a temporary folder by the benchmarks; never committed."""
    lines = Path(source).read_text(encoding="utf-8").split("\n")
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for k in range(copies):
            for line in lines:
                if not line.strip():
                    continue
                d = json.loads(line)
                if k:
                    d["id"] = f"{d['id']}-r{k}"
                    if d.get("published"):
                        p = d["published"]
                        y = int(p[:4])
                        d["published"] = f"{y - k:04d}{p[4:]}"
                    for key in ("text", "title"):
                        if isinstance(d.get(key), str):
                            d[key] = _shift_years(d[key], k)
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
                n += 1
    return n


class Measured(tuple):
    """(wall seconds, peak RSS in MB, stderr), with ``cpu``: the CPU seconds (user + system) of the
    command's whole process tree, which the machine's load moves less than the wall time."""
    cpu: float = float("nan")


def measure(cmd: list, cwd=ROOT) -> Measured:
    """(wall seconds, peak RSS in MB, stderr) of one command, run by a fresh Python parent that
    reports ``getrusage(RUSAGE_CHILDREN)``: ``ru_maxrss`` is the largest process of the command's
    tree (the main process of a build, which holds what grows); ``.cpu`` the tree's CPU seconds."""
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
             "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True); "
             "w = time.perf_counter() - t; sys.stderr.write(p.stderr); r = resource.getrusage(resource.RUSAGE_CHILDREN); "
             "print(p.returncode, w, r.ru_maxrss, r.ru_utime + r.ru_stime)")
    p = subprocess.run([sys.executable, "-c", probe, *map(str, cmd)], cwd=cwd, capture_output=True, text=True)
    try:
        rc, wall, kb, cpu = p.stdout.split()
    except ValueError:
        sys.exit(f"could not measure {cmd}: {p.stderr[-2000:]}")
    if int(rc) != 0:
        sys.exit(f"failed ({rc}): {' '.join(map(str, cmd))}\n{p.stderr[-2000:]}")
    out = Measured((float(wall), int(kb) / 1024, p.stderr))
    out.cpu = float(cpu)
    return out


# tag-only: resolvers.tag(text, published) over every article of a JSON Lines file, in one fresh process
TAG_ONLY = r"""
import json, sys, time, datetime as dt
t0 = time.perf_counter()
from resolvers import tag
n = 0
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        if line.strip():
            d = json.loads(line)
            p = d.get("published")
            tag(d["text"], dt.date.fromisoformat(p[:10]) if p else None)
            n += 1
print(n, time.perf_counter() - t0)
"""


def tag_only(corpus: Path = CORPUS) -> tuple[float, float]:
    """(wall, CPU seconds) of a fresh process that imports the resolver and tags every article of
    ``corpus`` against its publication date (start-up included, as in a build)."""
    m = measure([sys.executable, "-c", TAG_ONLY, corpus])
    return m[0], m.cpu


def build_cmd(inputs, out, workers=None, extra=()) -> list:
    cmd = [sys.executable, "-m", "timeline", "build", *map(str, inputs), "--out", str(out), "-q", *extra]
    if workers:
        cmd += ["--workers", str(workers)]
    return cmd


def timed_build(inputs, workers=None, extra=()) -> tuple[float, float, float]:
    """(wall seconds, peak RSS MB, CPU seconds of all its processes) of one CLI build into a
    temporary folder."""
    with tempfile.TemporaryDirectory() as out:
        m = measure(build_cmd(inputs, Path(out) / "out", workers, extra))
    return m[0], m[1], m.cpu

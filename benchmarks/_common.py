"""Shared helpers for the benchmark scripts (plain scripts that print figures; nothing is asserted)."""
from __future__ import annotations

import datetime as dt
import json
import os
import platform
import subprocess
import sys
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

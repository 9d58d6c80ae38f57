#!/usr/bin/env python3
"""Run every benchmark and print its figures (also saved under benchmarks/results/, gitignored).

    python benchmarks/run_all.py            # about 45 minutes on 2 cores; --quick: no 1 M merge, memory and scale at 20,000
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    quick = "--quick" in sys.argv
    runs = [("tag", ["bench_tag.py", "--runs", "3"]),
            ("build", ["bench_build.py"]),
            ("merge", ["bench_merge.py"] + (["--sizes", "10000,100000"] if quick else [])),
            ("memory", ["bench_memory.py", "--copies", "4" if quick else "10"]),
            ("scale", ["bench_scale.py", "--sizes", "1,4" if quick else "1,4,10"])]
    out_dir = HERE / "results"
    out_dir.mkdir(exist_ok=True)
    rc = 0
    for name, args in runs:
        print(f"== {name}: python benchmarks/{' '.join(args)}", flush=True)
        p = subprocess.run([sys.executable, str(HERE / args[0]), *args[1:]], cwd=HERE, capture_output=True,
                           text=True)
        print(p.stdout, end="", flush=True)
        if p.returncode:
            print(p.stderr[-3000:], file=sys.stderr)
            rc = 1
        (out_dir / f"{name}.txt").write_text(p.stdout, encoding="utf-8")
    return rc


if __name__ == "__main__":
    sys.exit(main())

"""Fuzzing the whole command line over mutated seed files (random byte flips, truncation, NULs, bidi
characters, huge lines, broken manifests): every run ends with exit status 0 or 1 and clean messages,
never a traceback or an internal error.  Seeded and bounded (30 runs in-process, one subprocess)."""
from __future__ import annotations

import random
import shutil
import subprocess
import sys

import pytest

from timeline import cli

from conftest import ROOT, SEEDS

RUNS = 30
BIDI = ["\u202b", "\u202e", "\u2067", "\u200f", "\u061c"]


def mutate(raw: bytes, rng: random.Random) -> bytes:
    kind = rng.choice(["flip", "truncate", "nul", "bidi", "huge", "cp1256", "utf16", "html", "empty", "mixed"])
    b = bytearray(raw)
    if kind == "flip" and b:
        for _ in range(rng.randint(1, 20)):
            b[rng.randrange(len(b))] = rng.randrange(256)
    elif kind == "truncate":
        b = b[:rng.randrange(len(b) + 1)]
    elif kind == "nul":
        for _ in range(rng.randint(1, 3)):
            b.insert(rng.randrange(len(b) + 1), 0)
    elif kind == "bidi":
        text = raw.decode("utf-8")
        for _ in range(rng.randint(1, 30)):
            i = rng.randrange(len(text) + 1)
            text = text[:i] + rng.choice(BIDI + ["\u0007", "\x1b", "\ufeff"]) + text[i:]
        b = bytearray(text.encode("utf-8"))
    elif kind == "huge":
        b = bytearray(raw.replace(b"\n", b" ") * rng.randint(50, 200))
    elif kind == "cp1256":
        b = bytearray(raw.decode("utf-8").encode("cp1256", errors="replace"))
    elif kind == "utf16":
        b = bytearray(raw.decode("utf-8").encode(rng.choice(["utf-16", "utf-16-le", "utf-16-be"])))
    elif kind == "html":
        b = bytearray(b"<div><p>" + raw.replace(b"\n", b"</p><p>") + b"</p><script>x<1</script>&amp;&nbsp;")
    elif kind == "empty":
        b = bytearray(rng.choice([b"", b"   \n", b"\xef\xbb\xbf"]))
    else:
        b = bytearray(raw[: len(raw) // 2] + bytes(rng.randrange(256) for _ in range(50)) + raw[len(raw) // 2:])
    return bytes(b)


def mutated_folder(dst, rng: random.Random):
    shutil.copytree(SEEDS, dst)
    for f in sorted(dst.glob("*.txt")):
        if rng.random() < 0.6:
            f.write_bytes(mutate(f.read_bytes(), rng))
    manifest = dst / "manifest.csv"
    if rng.random() < 0.3:
        manifest.write_bytes(mutate(manifest.read_bytes(), rng))
    return dst


def mutated_jsonl(dst, rng: random.Random):
    import json
    lines = []
    for f in sorted(SEEDS.glob("*.txt")):
        rec = {"id": f.stem, "text": f.read_text(encoding="utf-8"), "published": rng.choice(
            ["2025-10-15", "", "2025-02-30", "not a date", None, "٢٠٢٥-١٠-١٥"])}
        lines.append(json.dumps(rec, ensure_ascii=rng.random() < 0.5).encode("utf-8"))
    raw = b"\n".join(lines) + b"\n"
    dst.write_bytes(mutate(raw, rng) if rng.random() < 0.7 else raw)
    return dst


@pytest.mark.parametrize("seed", range(RUNS))
def test_cli_over_mutated_inputs(tmp_path, capsys, seed):
    rng = random.Random(seed)
    inputs = [mutated_folder(tmp_path / "seeds", rng)]
    if seed % 3 == 0:
        inputs.append(mutated_jsonl(tmp_path / "more.jsonl", rng))
    argv = ["build", *map(str, inputs), "--out", str(tmp_path / "out")] + (["--strict"] if seed % 4 == 0 else []) \
        + (["--trust-text-weekdays"] if seed % 5 == 0 else [])
    rc = cli.main(argv)                   # never raises: an escaped exception would fail this test
    err = capsys.readouterr().err
    assert rc in (0, 1), err
    assert "Traceback" not in err and "internal error" not in err, err
    for line in err.splitlines():
        assert line.startswith(("warning: ", "error: ", "wrote ")) or " articles read (" in line, line
    if "error: no article could be read" in err:           # a run that read nothing writes nothing
        assert rc == 1 and not (tmp_path / "out").exists()
    elif rc == 0 or "--strict" in argv:
        assert (tmp_path / "out" / "report.json").exists()
    assert not list((tmp_path / "out").glob(".*.tmp")) if (tmp_path / "out").exists() else True
    assert not list(tmp_path.glob(".out.*")), "no temporary output folder left beside --out"


def test_cli_subprocess_over_many_mutated_inputs(tmp_path):
    rng = random.Random(1234)
    inputs = [mutated_folder(tmp_path / f"s{i}", rng) for i in range(6)]
    inputs.append(mutated_jsonl(tmp_path / "more.jsonl", rng))
    r = subprocess.run([sys.executable, "-m", "timeline", "build", *map(str, inputs), "--out", str(tmp_path / "o")],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode in (0, 1) and "Traceback" not in r.stderr and "internal error" not in r.stderr, r.stderr

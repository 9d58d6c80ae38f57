"""Reading the example corpora (fixtures/corpus/*.tsv, fixtures/negative/*.tsv); see fixtures/corpus/README.md."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@dataclass
class Example:
    file: str
    line: int
    text: str
    expr: str
    type: str
    value: str | None
    mod: str | None
    flags: tuple
    anchor: str

    @property
    def id(self):
        return f"{self.file}:{self.line}"


def _read(path: Path):
    lines = path.read_text(encoding="utf-8").splitlines()
    anchor = None
    if lines and lines[0].startswith("#"):
        for part in lines[0][1:].split():
            if part.startswith("anchor="):
                anchor = part.split("=", 1)[1]
        lines = lines[1:]
        offset = 2
    else:
        offset = 1
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    for i, row in enumerate(reader):
        yield offset + i + 1, anchor, row


def examples() -> list[Example]:
    out = []
    for path in sorted((FIXTURES / "corpus").glob("*.tsv")):
        for line, anchor, row in _read(path):
            if not (row.get("text") or "").strip():
                continue
            out.append(Example(path.name, line, row["text"], row.get("expr") or "", row["type"],
                               row.get("value") or None, row.get("mod") or None,
                               tuple(f for f in (row.get("flags") or "").split(",") if f),
                               row.get("anchor") or anchor))
    return out


def negatives() -> list[tuple]:
    out = []
    for path in sorted((FIXTURES / "negative").glob("*.tsv")):
        for line, anchor, row in _read(path):
            if (row.get("text") or "").strip():
                out.append((f"{path.name}:{line}", row["text"], row.get("forbidden") or "", anchor))
    return out

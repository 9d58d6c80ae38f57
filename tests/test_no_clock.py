"""No clock anywhere: the anchor is always explicit."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_no_clock_in_the_code():
    offenders = []
    for pkg in ("resolvers", "timeline"):
        for f in (ROOT / pkg).rglob("*.py"):
            for i, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
                code = line.split("#", 1)[0]
                if re.search(r"\b(now|today|utcnow)\(|time\.time\(\)|localtime\(", code):
                    offenders.append(f"{f.relative_to(ROOT)}:{i}: {line.strip()}")
    assert not offenders, offenders

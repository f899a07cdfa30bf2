"""Actor knowledge base: how long `load_kb()` takes, and how big its tables are.

Each load runs in a fresh interpreter (nothing cached, as in a real start-up); prints the
median of five and the spread, then each table's rows and size, and what was built from them.

    .venv/bin/python benchmarks/kb_load.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tieline" / "data"
ONE_LOAD = """
import time
start = time.perf_counter()
from tieline.actors.kb import load_kb
imported = time.perf_counter()
kb = load_kb()
done = time.perf_counter()
print(imported - start, done - imported, len(kb.countries), len(kb.people),
      len(kb.organisations), len(kb.agents), len(kb.entries))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    loads, imports, counts = [], [], ""
    for _ in range(args.runs):
        out = subprocess.run(
            [sys.executable, "-c", ONE_LOAD], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.split()
        imports.append(float(out[0]))
        loads.append(float(out[1]))
        counts = " ".join(out[2:])
    median, spread = statistics.median(loads), f"min {min(loads):.3f}, max {max(loads):.3f}"
    print(f"load_kb(): median {median:.3f} s over {args.runs} fresh runs ({spread}); "
          f"import {statistics.median(imports):.3f} s")  # fmt: skip
    countries, people, orgs, agents, entries = counts.split()
    print(
        f"built: {countries} countries, {people} people, {orgs} organisations, "
        f"{agents} agent nouns, {entries} gazetteer entries"
    )
    total = 0
    for path in sorted(DATA.rglob("*.tsv")):
        size = path.stat().st_size
        total += size
        rows = sum(1 for line in path.read_text(encoding="utf-8").splitlines()
                   if line and not line.startswith("#")) - 1  # fmt: skip
        print(f"  {path.relative_to(DATA)!s:32} {rows:7d} rows {size / 1024:8.1f} KiB")
    print(f"  {'all tables':32} {'':12} {total / 1024 / 1024:8.2f} MiB")


if __name__ == "__main__":
    main()

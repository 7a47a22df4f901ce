"""Run every Python snippet of the answers and compare what it prints with the page.

    python scripts/snippets.py [DATA]   runs every snippet, reports each mismatch
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a file: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.bank import loader
from scripts.checks import snippets


def main() -> int:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else loader.DEFAULT_DATA
    found = snippets.all_snippets(loader.load(data))
    failures = [problem for s in found if s.runs and (problem := snippets.check(s))]
    for failure in failures:
        print(failure)
    skipped = sum(not s.runs for s in found)
    print(f"{len(found)} snippets, {len(failures)} failed, {skipped} marked not run",
          file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

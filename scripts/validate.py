"""Check a question bank and report every problem.

    python scripts/validate.py [PATH ...]    (default: data/questions.yml)
    python scripts/validate.py --run-code    also run every snippet of the answers
    python scripts/validate.py --rules       list every rule with its code

Prints one line per problem, `PATH:LINE:COL: field.path: message [CODE]` (at most 200, then
a count of the rest), and under GitHub Actions also an `::error` annotation so the problem
shows on the pull request's diff. Exits 1 when anything is wrong, 0 otherwise.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a file: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.bank import loader
from scripts.checks.problems import report
from scripts.checks.registry import all_rules


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[loader.DEFAULT_DATA],
                        help="data files or folders of *.yml files")
    parser.add_argument("--run-code", action="store_true",
                        help="also run the answers' Python snippets (slow)")
    parser.add_argument("--rules", action="store_true", help="list the rules and exit")
    args = parser.parse_args(argv)
    if args.rules:
        for code, rule in all_rules().items():
            print(f"{code}  {rule.summary}")
        return 0
    annotations = os.environ.get("GITHUB_ACTIONS") == "true"
    failed = False
    for path in args.paths:
        bank, problems = loader.check(path, run_code=args.run_code)
        for line in report(problems, annotations=annotations):
            print(line)
        if problems:
            failed = True
            print(f"{path}: {len(problems)} problem(s)", file=sys.stderr)
        else:
            print(f"{path}: {len(bank)} questions, no problems", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Check a question bank and report every problem.

    python scripts/validate.py [PATH ...]    (default: data/questions.yml)

Prints one line per problem, `PATH:LINE:COL: field.path: message`, and under GitHub Actions
also an `::error` annotation so the problem shows on the pull request's diff. Exits 1 when
anything is wrong, 0 otherwise.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts import loader


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[loader.DEFAULT_DATA],
                        help="data files or folders of *.yml files")
    args = parser.parse_args(argv)
    in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
    failed = False
    for path in args.paths:
        questions, problems = loader.check(path)
        for problem in problems:
            print(problem)
            if in_actions:
                print(problem.github_annotation())
        if problems:
            failed = True
            print(f"{path}: {len(problems)} problem(s)", file=sys.stderr)
        else:
            print(f"{path}: {len(questions)} questions, no problems", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

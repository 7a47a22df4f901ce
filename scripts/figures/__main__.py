"""Draw the figures.

    python -m scripts.figures                 write every figure into docs/assets/figures/
    python -m scripts.figures NAME ...        write only these figures
    python -m scripts.figures --check         regenerate into a temporary folder and exit 1
                                              when a committed file differs or is missing
    python -m scripts.figures --markdown      print the Markdown line of each figure
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts.figures import FIGURES, OUT_DIR, check, markdown, write


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.figures",
                                     description="Draw the answers' figures as SVG.")
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help=f"figures to draw (default: all of {', '.join(FIGURES)})")
    parser.add_argument("--check", action="store_true",
                        help="compare with the committed files instead of writing")
    parser.add_argument("--markdown", action="store_true",
                        help="print the Markdown line of each figure")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output folder")
    args = parser.parse_args(argv)
    unknown = [name for name in args.names if name not in FIGURES]
    if unknown:
        parser.error(f"no figure named {', '.join(unknown)}; known: {', '.join(FIGURES)}")
    names = args.names or list(FIGURES)
    if args.check:
        problems = check(names, args.out)
        print("\n".join(problems) or f"{len(names)} figures up to date")
        return 1 if problems else 0
    all_facts = write(names, args.out)
    for name, facts in all_facts.items():
        size = (args.out / f"{name}.svg").stat().st_size
        used_by = ", ".join(FIGURES[name].questions)
        print(f"{args.out / name}.svg  {size / 1024:.1f} KiB  (for {used_by})", file=sys.stderr)
        if args.markdown:
            print(markdown(name, facts) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

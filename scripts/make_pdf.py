"""Print the built site's printable guide to PDF with Debian's Chromium (`make pdf`).

    python scripts/make_pdf.py [--site-dir site] [--output site/downloads/ml-interview-guide.pdf]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a file: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.exports.pdf import PDF_PATH, IncompletePage, make_pdf
from scripts.paths import ROOT


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    output = args.output or args.site_dir / PDF_PATH
    try:
        make_pdf(args.site_dir, output)
    except (FileNotFoundError, IncompletePage) as err:
        print(f"No PDF: {err}", file=sys.stderr)
        return 1
    print(f"wrote {output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

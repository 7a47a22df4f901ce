"""Where the benchmarks write, what they run, and the targets they are judged against."""

from __future__ import annotations

import os
import sys

from scripts.paths import ROOT

BENCH = ROOT / "benchmarks"
WORK = BENCH / "work"
RESULTS = BENCH / "results.json"
REPORT = BENCH / "README.md"
PY = sys.executable
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"

# Runs per size: (ours, plain). On a shared 2-core machine a full run must fit in about an
# hour: a plain build of 3,000 pages embeds a 3,000-link navigation in every page (quadratic
# time, gigabytes of HTML), so the largest sizes run fewer times.
FULL_RUNS = {30: (5, 5), 300: (3, 3), 1000: (2, 2), 3000: (1, 1)}
QUICK_RUNS = {30: (2, 2), 300: (1, 1)}

TARGETS = {
    "html_growth": 1.2,        # median question page, N=3000 over N=30
    "build_ratio": 1.15,       # ours / plain build time
    "previous_ratio": 1.10,    # ours / the previous commit's build time (--previous)
    "index_per_question": 2048,  # bytes of search index per question
    "performance": 100,
    "fcp_ms": 1200,
}

"""Benchmarks: our pipeline against the same pages as a plain Material site (`make bench`).

For each bank size N a synthetic bank (scripts/bench/synthetic.py) is built twice, in the
same run: by our pipeline (mkdocs.yml with its hooks), and as a plain Material site whose docs
folder holds the rendered Markdown of every page as real files, with the same theme settings
and Markdown extensions, no hooks, no macros and MkDocs' default navigation listing every page
(what a user would otherwise write by hand). Builds alternate between the two, each in a fresh
process, timed on the wall clock, with the process's peak resident memory from wait4().
Lighthouse (mobile, the site served gzipped on loopback) runs on every page type of the real
site. Results go to benchmarks/results.json and benchmarks/README.md.

    python scripts/bench.py            # the full run (N = 30, 300, 1000, 3000)
    python scripts/bench.py --quick    # smoke run: N = 30 and 300, fewer runs, one Lighthouse pass
    python scripts/bench.py --report   # rewrite benchmarks/README.md from results.json
    python scripts/bench.py --previous REV   # also build and audit commit REV, alternating
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a file: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.bench import measure, previous, search_relevance, synthetic
from scripts.bench.config import FULL_RUNS, QUICK_RUNS, REPORT, RESULTS, TARGETS, WORK
from scripts.bench.lighthouse import run_lighthouse
from scripts.bench.machine import machine
from scripts.bench.measure import measure_size
from scripts.bench.report import report, verdicts
from scripts.paths import ROOT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, few runs")
    parser.add_argument("--sizes", type=int, nargs="+", help="bank sizes (default: all)")
    parser.add_argument("--runs", type=int, help="runs per build for every size")
    parser.add_argument("--source", type=Path, default=None,
                        help="bank whose shape the synthetic banks copy "
                             "(default: data/questions.yml, else the test fixture)")
    parser.add_argument("--lighthouse-runs", type=int, default=None)
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--lighthouse-from", type=Path, default=None,
                        help="take the Lighthouse results of an earlier results.json")
    parser.add_argument("--lighthouse-only", action="store_true",
                        help="run Lighthouse again and replace its part of results.json")
    parser.add_argument("--search-only", action="store_true",
                        help="measure search relevance again and replace that part of "
                             "results.json")
    parser.add_argument("--no-search", action="store_true")
    parser.add_argument("--report", action="store_true",
                        help="only rewrite README.md from results.json")
    parser.add_argument("--previous", metavar="REV", default=None,
                        help="also build and audit this commit (e.g. the last one before a "
                             "change), in the same run, alternating with ours")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--budget-minutes", type=float, default=None,
                        help="stop builds when the run has taken this long; a plain build "
                             "stopped so is reported as a lower bound")
    args = parser.parse_args(argv)
    if args.report:
        results = json.loads(args.out.read_text(encoding="utf-8"))
        REPORT.write_text(report(results), encoding="utf-8")
        return 0
    if args.search_only:
        results = json.loads(args.out.read_text(encoding="utf-8")) if args.out.exists() \
            else {"machine": machine(), "sizes": []}
        results["search_relevance"] = search_relevance.run()
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        if results.get("sizes"):
            REPORT.write_text(report(results), encoding="utf-8")
        return 0
    previous_root = previous.prepare(args.previous) if args.previous else None
    if args.lighthouse_only:
        results = json.loads(args.out.read_text(encoding="utf-8"))
        results["lighthouse"] = run_lighthouse(args.source, args.lighthouse_runs or 3,
                                               previous_root)
        results["lighthouse"]["machine_date"] = machine()["date"]
        results["verdicts"] = verdicts(results)
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        REPORT.write_text(report(results), encoding="utf-8")
        return 0

    started = time.monotonic()
    if args.budget_minutes:
        measure.DEADLINE.append(started + args.budget_minutes * 60)
    plan = QUICK_RUNS if args.quick else FULL_RUNS
    if args.sizes:
        plan = {n: plan.get(n, (3, 3)) for n in args.sizes}
    if args.runs:
        plan = {n: (args.runs, args.runs) for n in plan}
    source = args.source or synthetic.default_source()
    WORK.mkdir(parents=True, exist_ok=True)

    def save(results: dict[str, Any]) -> None:
        results["duration_minutes"] = round((time.monotonic() - started) / 60)
        if results["sizes"]:
            results["verdicts"] = verdicts(results)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        if results["sizes"]:
            REPORT.write_text(report(results), encoding="utf-8")

    results: dict[str, Any] = {
        "machine": machine(),
        "quick": args.quick,
        "seed": synthetic.SEED,
        "source": os.path.relpath(source, ROOT),
        "source_sha256": hashlib.sha256(source.read_bytes()).hexdigest(),
        "source_questions": len(synthetic.load_source(source)),
        "targets": TARGETS,
        "sizes": [],
    }
    if previous_root is not None:
        results["previous"] = previous_root.name
    if args.lighthouse_from:
        results["lighthouse"] = json.loads(
            args.lighthouse_from.read_text(encoding="utf-8"))["lighthouse"]
        results["lighthouse"]["from_earlier_run"] = True
    elif not args.no_lighthouse:
        results["lighthouse"] = run_lighthouse(
            args.source, args.lighthouse_runs or (1 if args.quick else 3), previous_root)
    if not args.no_search:
        results["search_relevance"] = search_relevance.run()
    for n, runs in plan.items():
        print(f"N={n}: {runs[0]} + {runs[1]} builds", file=sys.stderr, flush=True)
        results["sizes"].append(measure_size(n, runs, args.source, anatomy=n == min(plan),
                                             previous=previous_root))
        shutil.rmtree(WORK / f"n{n}" / "plain-site", ignore_errors=True)  # gigabytes at 3,000
        shutil.rmtree(WORK / f"n{n}" / "previous-site", ignore_errors=True)
        save(results)  # a run cut short still leaves what it measured

    save(results)
    print(f"Wrote {args.out} and {REPORT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

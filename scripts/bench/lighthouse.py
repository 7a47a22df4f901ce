"""Lighthouse (mobile, the site served gzipped on loopback) on every page type."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

from scripts.bench import synthetic
from scripts.bench.config import CHROME, CHROME_FLAGS, LIGHTHOUSE, WORK
from scripts.bench.measure import build_command, timed
from scripts.bench.plain_site import published
from scripts.paths import ROOT

PAGE_TYPES = {"home": "", "topic": "topics/{topic}/", "section": "sections/{section}/",
              "question": "questions/{id}/", "tags": "tags/", "about": "about/"}


def lighthouse_sample(data: dict[str, Any]) -> dict[str, Any]:
    """The numbers the report shows, from one Lighthouse JSON report."""
    audits = data["audits"]
    return {
        "performance": round(data["categories"]["performance"]["score"] * 100),
        "accessibility": round(data["categories"]["accessibility"]["score"] * 100),
        "best_practices": round(data["categories"]["best-practices"]["score"] * 100),
        "seo": round(data["categories"]["seo"]["score"] * 100),
        "fcp_ms": round(audits["first-contentful-paint"]["numericValue"]),
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "transfer_bytes": round(audits["total-byte-weight"]["numericValue"]),
        "requests": len(audits["network-requests"]["details"]["items"]),
        # Lighthouse's own measure of this machine's speed (an idle desktop: 1,000 or more)
        "benchmark_index": round(data["environment"]["benchmarkIndex"]),
    }


def summarize(path: str, samples: list[dict[str, Any]]) -> dict[str, Any]:
    """Medians of the runs of one page, plus each run's score and FCP."""
    return {"path": "/" + path, "runs": len(samples),
            **{key: statistics.median(s[key] for s in samples) for key in samples[0]},
            "performance_runs": [s["performance"] for s in samples],
            "fcp_ms_runs": [s["fcp_ms"] for s in samples]}


def lighthouse(site: Path, bank: Path, runs: int) -> dict[str, Any]:
    from scripts.static_server import serve

    questions = published(bank)
    # The question page with the most HTML: the heaviest case.
    q = max(questions, key=lambda q: (site / "questions" / q.id / "index.html").stat().st_size)
    paths = {k: v.format(topic=q.topic, section=q.section.value, id=q.id)
             for k, v in PAGE_TYPES.items()}
    out_dir = WORK / "lighthouse"
    out_dir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "CHROME_PATH": CHROME}
    results: dict[str, Any] = {}
    with serve(site) as base:
        for kind, path in paths.items():
            samples = []
            for i in range(runs):
                report = out_dir / f"{kind}-{i}.json"
                subprocess.run(
                    [str(LIGHTHOUSE), base + path, "--quiet", "--output=json",
                     f"--output-path={report}", f"--chrome-flags={CHROME_FLAGS}",
                     "--only-categories=performance,accessibility,best-practices,seo"],
                    env=env, check=True, cwd=ROOT, timeout=300,
                )
                samples.append(lighthouse_sample(json.loads(report.read_text(encoding="utf-8"))))
            results[kind] = summarize(path, samples)
            print(f"  lighthouse {kind}: {results[kind]}", file=sys.stderr, flush=True)
    return results


def run_lighthouse(source: Path | None, runs: int) -> dict[str, Any]:
    """Lighthouse on the real site (a synthetic N=30 one while there is no data file)."""
    real = synthetic.REAL_DATA
    if real.exists():
        bank, label = real, f"real site ({len(synthetic.load_source(real))} questions)"
    else:
        bank = synthetic.write_bank(30, WORK / "lighthouse-bank", source)
        label = "synthetic N=30 site (no data/questions.yml yet)"
    site = WORK / "lighthouse-site"
    shutil.rmtree(site, ignore_errors=True)
    env = {**os.environ, "GUIDE_DATA": str(bank), "NO_MKDOCS_2_WARNING": "1"}
    timed(build_command(ROOT / "mkdocs.yml", site), env, WORK / "lighthouse-build.log")
    return {"site": label, "runs": runs, "load_average_before": round(os.getloadavg()[0], 1),
            "pages": lighthouse(site, bank, runs)}

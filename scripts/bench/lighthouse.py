"""Lighthouse (mobile, the site served gzipped on loopback) on every page type, and on the
previous commit's build of the same bank when the run compares with one (interleaved, run
by run, so that the load of a shared machine hits both alike)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

from scripts.bank.models import Question
from scripts.bench import synthetic
from scripts.bench.config import CHROME, CHROME_FLAGS, LIGHTHOUSE, WORK
from scripts.bench.measure import build_command, timed
from scripts.bench.plain_site import published
from scripts.pages.formulas import formulas_in
from scripts.pages.pipeline import site_renderer
from scripts.paths import ROOT

PAGE_TYPES = {"home": "", "topic": "topics/{topic}/", "section": "sections/{section}/",
              "question": "questions/{id}/", "question-math": "questions/{math_id}/",
              "question-no-math": "questions/{plain_id}/", "tags": "tags/", "about": "about/"}


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
    """Medians of the runs of one page, plus each run's score, FCP, TBT and load average."""
    return {"path": "/" + path, "runs": len(samples),
            **{key: statistics.median(s[key] for s in samples) for key in samples[0]},
            "performance_runs": [s["performance"] for s in samples],
            "fcp_ms_runs": [s["fcp_ms"] for s in samples],
            "tbt_ms_runs": [s["tbt_ms"] for s in samples],
            "load_average_runs": [s.get("load_average") for s in samples]}


def formula_count(q: Question) -> int:
    """How many formulas a question's Markdown fields hold, as the site renders them."""
    renderer = site_renderer()
    return sum(len(formulas_in(renderer(f.text))) for f in q.text_fields() if f.markdown)


def page_paths(site: Path, bank: Path) -> dict[str, str]:
    questions = list(published(bank))
    # The question page with the most HTML (the heaviest case), the one with the most
    # formulas, and the largest one without any.
    q = max(questions, key=lambda q: (site / "questions" / q.id / "index.html").stat().st_size)
    counts = {x.id: formula_count(x) for x in questions}
    math_q = max(questions, key=lambda x: counts[x.id])
    plain = [x for x in questions if counts[x.id] == 0] or questions
    plain_q = max(plain, key=lambda x: (site / "questions" / x.id / "index.html").stat().st_size)
    return {k: v.format(topic=q.topic, section=q.section.value, id=q.id, math_id=math_q.id,
                        plain_id=plain_q.id)
            for k, v in PAGE_TYPES.items()}


def lighthouse(sites: dict[str, Path], bank: Path, runs: int) -> dict[str, dict[str, Any]]:
    """{site label: {page type: medians}}; every page of every site once per round."""
    from scripts.static_server import serve

    paths = page_paths(next(iter(sites.values())), bank)
    out_dir = WORK / "lighthouse"
    out_dir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "CHROME_PATH": CHROME}
    samples: dict[str, dict[str, list[dict[str, Any]]]] = {
        label: {kind: [] for kind in paths} for label in sites}
    with contextlib.ExitStack() as stack:
        bases = {label: stack.enter_context(serve(site)) for label, site in sites.items()}
        for kind, path in paths.items():
            for i in range(runs):
                for label, base in bases.items():
                    report = out_dir / f"{label}-{kind}-{i}.json"
                    subprocess.run(
                        [str(LIGHTHOUSE), base + path, "--quiet", "--output=json",
                         f"--output-path={report}", f"--chrome-flags={CHROME_FLAGS}",
                         "--only-categories=performance,accessibility,best-practices,seo"],
                        env=env, check=True, cwd=ROOT, timeout=300,
                    )
                    sample = lighthouse_sample(json.loads(report.read_text(encoding="utf-8")))
                    sample["load_average"] = round(os.getloadavg()[0], 1)
                    samples[label][kind].append(sample)
            for label in sites:
                summary = summarize(paths[kind], samples[label][kind])
                print(f"  lighthouse {label} {kind}: {summary}", file=sys.stderr, flush=True)
    return {label: {kind: summarize(paths[kind], runs_) for kind, runs_ in pages.items()}
            for label, pages in samples.items()}


def run_lighthouse(source: Path | None, runs: int,
                   previous: Path | None = None) -> dict[str, Any]:
    """Lighthouse on the real site (a synthetic N=30 one while there is no data file), and on
    the previous commit's build of the same bank when given."""
    real = synthetic.REAL_DATA
    if real.exists():
        bank, label = real, f"real site ({len(synthetic.load_source(real))} questions)"
    else:
        bank = synthetic.write_bank(30, WORK / "lighthouse-bank", source)
        label = "synthetic N=30 site (no data/questions.yml yet)"
    env = {**os.environ, "GUIDE_DATA": str(bank), "NO_MKDOCS_2_WARNING": "1"}
    sites = {"ours": WORK / "lighthouse-site"}
    if previous is not None:
        sites["previous"] = WORK / "lighthouse-previous-site"
    for name, site in sites.items():
        root = ROOT if name == "ours" else previous
        assert root is not None
        shutil.rmtree(site, ignore_errors=True)
        timed(build_command(root / "mkdocs.yml", site), env, WORK / f"lighthouse-{name}.log",
              root)
    load = round(os.getloadavg()[0], 1)
    pages = lighthouse(sites, bank, runs)
    result = {"site": label, "runs": runs, "load_average_before": load,
              "load_average_after": round(os.getloadavg()[0], 1), "pages": pages["ours"]}
    if previous is not None:
        result["previous"] = {"commit": previous.name, "pages": pages["previous"]}
    return result

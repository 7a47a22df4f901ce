"""Lighthouse (mobile, the site served gzipped on loopback) scores 100 in accessibility,
best practices and SEO on every page type. The performance score is measured and reported,
not gated: it depends on the machine running the test.

Lighthouse runs once per page type, one after another, with Debian's Chromium. The scores
are printed at the end of the test session and written to test-results/lighthouse.json; each
full report goes to test-results/lighthouse/<page type>.json.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM
from tests.conftest import ROOT
from tests.page_types import LIGHTHOUSE_PAGE_TYPES, PageType
from tests.reporting import LIGHTHOUSE_SUMMARY

pytestmark = pytest.mark.browser

LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
RESULTS = ROOT / "test-results"
GATED = ("accessibility", "best-practices", "seo")
CATEGORIES = ("performance", *GATED)
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
           "cumulative-layout-shift", "speed-index")


def _failing_audits(report: dict, category: str) -> list[str]:
    failing = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
            failing.append(f"{audit['id']}: {audit['title']} "
                           f"({audit.get('displayValue') or audit['score']})")
    return failing


def run_lighthouse(url: str, output: Path) -> dict:
    output.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json",
         f"--output-path={output}", "--form-factor=mobile",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, f"Lighthouse failed on {url}:\n{result.stderr[-3000:]}"
    return json.loads(output.read_text("utf-8"))


@pytest.fixture(scope="module")
def reports(served_site: str, request: pytest.FixtureRequest) -> dict[str, dict]:
    """One Lighthouse report per page type, run serially; the summary is written to
    test-results/lighthouse.json and printed at the end of the session."""
    assert LIGHTHOUSE.exists(), f"{LIGHTHOUSE} is missing: `make test` installs it (npm ci)"
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: `make test` installs it"
    reports, summary = {}, {}
    for page_type in LIGHTHOUSE_PAGE_TYPES:
        url = served_site + page_type.lighthouse_url
        report = run_lighthouse(url, RESULTS / "lighthouse" / f"{page_type.name}.json")
        reports[page_type.name] = report
        summary[page_type.name] = {
            "url": page_type.lighthouse_url or "/",
            "scores": {c: round(100 * (report["categories"][c]["score"] or 0))
                       for c in CATEGORIES},
            "metrics_ms": {m: round(report["audits"][m]["numericValue"], 3 if
                                    m == "cumulative-layout-shift" else 0)
                           for m in METRICS},
            "warnings": report.get("runWarnings", []),
        }
    summary_file = RESULTS / "lighthouse.json"
    summary_file.write_text(json.dumps({
        "lighthouse": reports[LIGHTHOUSE_PAGE_TYPES[0].name]["lighthouseVersion"],
        "form_factor": "mobile",
        "chromium": reports[LIGHTHOUSE_PAGE_TYPES[0].name]["environment"]["hostUserAgent"],
        "pages": summary,
    }, indent=2) + "\n", encoding="utf-8")
    request.config.stash[LIGHTHOUSE_SUMMARY] = (summary_file, summary)
    return reports


@pytest.mark.parametrize("page_type", LIGHTHOUSE_PAGE_TYPES, ids=lambda t: t.name)
def test_lighthouse_scores_100(reports: dict[str, dict], page_type: PageType) -> None:
    report = reports[page_type.name]
    assert report.get("runtimeError") is None, report["runtimeError"]
    below = {c: report["categories"][c]["score"] for c in GATED
             if report["categories"][c]["score"] != 1}
    details = {c: _failing_audits(report, c) for c in below}
    assert below == {}, f"{page_type.name}: {below}\n" + json.dumps(details, indent=2)

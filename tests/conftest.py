"""Shared fixtures: the real site is built once per test session, strictly, from the real
data file, exactly as `make build` builds it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reporting import LIGHTHOUSE_SUMMARY

# One BLAS thread for the answers' snippets: their printed results do not depend on it, and
# on a two-core machine that also runs a browser, more threads only fight for the cores.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The areas, topics and sources of every test bank, appended after its questions.
VOCABULARY = (FIXTURES / "vocabulary.yml").read_text(encoding="utf-8")


def run_build(site_dir: Path, data: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ}
    if data is not None:
        env["GUIDE_DATA"] = str(data)
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_site.py"), "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built from data/questions.yml."""
    site_dir = tmp_path_factory.mktemp("built") / "site"
    result = run_build(site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


def data_file() -> Path:
    """The bank the site is built from: data/questions.yml, or GUIDE_DATA when set (the
    build honours the same variable, so `bank` always matches `site`)."""
    from scripts.bank import loader

    return Path(os.environ.get("GUIDE_DATA", loader.DEFAULT_DATA))


@pytest.fixture(scope="session")
def bank():
    from scripts.bank import loader

    return loader.load(data_file())


@pytest.fixture(scope="session")
def full_site(site: Path, bank) -> Path:
    """The built site, checked to be whole before any quality gate judges it: a gate that
    passes on an empty or partial site proves nothing."""
    from tests.page_types import MIN_QUESTIONS, PAGE_TYPES

    assert len(bank) >= MIN_QUESTIONS, (
        f"the bank has {len(bank)} questions; the gates need the real one "
        f"(at least {MIN_QUESTIONS})"
    )
    built = {p.parent.name for p in (site / "questions").glob("*/index.html")}
    expected = {q.id for q in bank if not q.is_draft}
    assert built == expected, "question pages missing from the built site"
    missing = [t.file for t in PAGE_TYPES if not (site / t.file).is_file()]
    assert missing == [], "page types missing from the built site"
    return site


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    """Print the Lighthouse scores (performance is reported here, not gated)."""
    if LIGHTHOUSE_SUMMARY not in config.stash:
        return
    path, pages = config.stash[LIGHTHOUSE_SUMMARY]
    terminalreporter.section("Lighthouse (mobile)")
    terminalreporter.write_line(
        f"{'page type':16} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5} "
        f"{'FCP ms':>7} {'LCP ms':>7} {'TBT ms':>7}")
    for name, page in pages.items():
        s, m = page["scores"], page["metrics_ms"]
        terminalreporter.write_line(
            f"{name:16} {s['performance']:>5} {s['accessibility']:>5} "
            f"{s['best-practices']:>5} {s['seo']:>5} {m['first-contentful-paint']:>7.0f} "
            f"{m['largest-contentful-paint']:>7.0f} {m['total-blocking-time']:>7.0f}")
    terminalreporter.write_line(f"written to {path.relative_to(ROOT)}")

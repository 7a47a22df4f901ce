"""Shared fixtures: the real site is built once per test session, strictly, from the real
data file, exactly as `make build` builds it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# One BLAS thread for the answers' snippets: their printed results do not depend on it, and
# on a two-core machine that also runs a browser, more threads only fight for the cores.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


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


@pytest.fixture(scope="session")
def bank():
    from scripts import loader

    return loader.load(loader.DEFAULT_DATA)

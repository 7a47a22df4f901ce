"""The previous approach, measured in the same run: `--previous REV` exports that commit of
the repository (git archive) into the benchmark's work folder, installs its own pinned npm
packages there (`npm ci`, from the local cache when it can), and the benchmark builds the
same banks with it and runs Lighthouse on the same pages, alternating with ours."""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
from pathlib import Path

from scripts.bench.config import WORK
from scripts.paths import ROOT


def prepare(rev: str) -> Path:
    """The repository at `rev`, ready to build; reused when already there."""
    commit = subprocess.run(["git", "rev-parse", "--verify", f"{rev}^{{commit}}"], cwd=ROOT,
                            check=True, capture_output=True, text=True).stdout.strip()
    root = WORK / "previous" / commit[:12]
    if (root / "node_modules" / ".package-lock.json").exists():
        return root
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", "--format=tar", commit], cwd=ROOT, check=True,
                             capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(root, filter="data")
    subprocess.run(["npm", "ci", "--prefer-offline", "--no-audit", "--no-fund",
                    "--loglevel=error"], cwd=root, check=True, timeout=900)
    return root


def label(root: Path) -> str:
    return f"commit {root.name}"

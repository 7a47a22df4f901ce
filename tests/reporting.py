"""What tests hand to the end-of-session summary (tests/conftest.py prints it).

A module of its own: pytest imports conftest.py under another name than `tests.conftest`,
so a key defined there would exist twice.
"""

from __future__ import annotations

from pathlib import Path

import pytest

# (summary file, {page type: scores and metrics}) of this session's Lighthouse runs.
LIGHTHOUSE_SUMMARY = pytest.StashKey[tuple[Path, dict]]()

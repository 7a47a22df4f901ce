"""Before anything is built: load and check the bank, and fail with every problem listed.
Under `mkdocs serve`, rebuild when the data or the scripts change."""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads hooks by file path. This hook is listed first in mkdocs.yml, so it makes the
# repository importable for every hook after it, however MkDocs was started.
_ROOT = str(Path(__file__).resolve().parents[2])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402

from scripts.mkdocs_hooks import context  # noqa: E402
from scripts.paths import ROOT  # noqa: E402


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    context.bank()
    return config


def on_serve(server, config: MkDocsConfig, builder):
    server.watch(str(context.data_path().parent))
    server.watch(str(ROOT / "scripts"))
    return server

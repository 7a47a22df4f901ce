"""What every hook needs: the bank this build publishes, the repository links, and where
the data lives. Loaded once per build (loader.load_cached), and again only when the data
file changes under `mkdocs serve`."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from scripts.bank import loader
from scripts.bank.bank import Bank
from scripts.checks.problems import report
from scripts.pages.links import Links


def data_path() -> Path:
    """The bank to build; GUIDE_DATA points a build at another file or folder (benchmarks,
    tests)."""
    return Path(os.environ.get("GUIDE_DATA", loader.DEFAULT_DATA)).resolve()


def show_drafts() -> bool:
    """`make serve` previews drafts; a build for publishing never contains them."""
    return os.environ.get("GUIDE_DRAFTS") == "1"


def bank() -> Bank:
    """The questions this build publishes, with the vocabulary, in file order."""
    try:
        everything = loader.load_cached(data_path())
    except loader.BankError as err:
        lines = "\n".join(report(err.problems))
        raise PluginError(f"the question bank has {len(err.problems)} problem(s):\n{lines}") \
            from None
    return everything if show_drafts() else everything.without_drafts()


def links(config: MkDocsConfig) -> Links:
    repository = config.extra.get("repository")
    if not repository:
        raise PluginError("mkdocs.yml: set extra.repository to the GitHub repository URL")
    return Links(repo_url=repository.rstrip("/"))

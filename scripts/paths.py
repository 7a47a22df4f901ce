"""Where things live in the repository: the one place that knows the layout."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "questions.yml"
DOCS = ROOT / "docs"
FIGURES_DIR = DOCS / "assets" / "figures"
# How an answer links a figure: relative to its page's Markdown source, questions/<id>.md.
FIGURE_PREFIX = "../assets/figures/"
SCHEMA = ROOT / "schema" / "questions.schema.json"
PUBLISHED_URLS = ROOT / "data" / "published-urls.txt"
SOURCE_FINGERPRINTS = ROOT / "data" / "source-shingles.txt"

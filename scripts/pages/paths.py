"""Where each generated page lives, relative to the docs folder (its URL is the path without
`.md`, with a slash: questions/<id>/)."""

from __future__ import annotations

from scripts.bank.models import Section

QUESTION_DIR = "questions"
PRINT_PAGE = "print.md"
CONTRIBUTING_PAGE = "contributing.md"
TRACKS_PAGE = "tracks/index.md"
PRACTICE_PAGE = "practice.md"
MOCK_PAGE = "mock-interview.md"


def question_path(question_id: str) -> str:
    return f"{QUESTION_DIR}/{question_id}.md"


def topic_path(topic_id: str) -> str:
    return f"topics/{topic_id}.md"


def area_path(area_id: str) -> str:
    return f"areas/{area_id}.md"


def track_path(track_id: str) -> str:
    return f"tracks/{track_id}.md"


def section_path(section: Section) -> str:
    return f"sections/{section.value}.md"


def page_url(src: str) -> str:
    """docs-relative Markdown path -> site-relative URL, as MkDocs' directory URLs build it."""
    stem = src[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        stem = stem[: -len("/index")]
    return stem + "/"

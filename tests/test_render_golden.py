"""Golden tests: the Markdown of a technical and of a general question page, byte for byte.

After an intended change to the page anatomy, regenerate with
`UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_render_golden.py` and review the diff.
"""

from __future__ import annotations

import os

import pytest

from scripts import loader, render
from tests.conftest import FIXTURES

GOLDEN = FIXTURES.parent / "golden"
LINKS = render.Links(repo_url="https://github.com/example/guide")


@pytest.mark.parametrize("question_id", ["type-1-vs-type-2-error", "explain-ml-to-a-layperson"])
def test_question_page_matches_golden(question_id: str) -> None:
    questions = loader.load(FIXTURES / "valid.yml")
    by_id = {q.id: q for q in questions}
    page = render.question_page(by_id[question_id], by_id, LINKS)
    golden = GOLDEN / f"{question_id}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(page, encoding="utf-8")
    assert page == golden.read_text(encoding="utf-8")


def test_topic_page_lists_its_questions_with_difficulty() -> None:
    questions = loader.load(FIXTURES / "valid.yml")
    page = render.topic_page("statistics", questions)
    assert "| [What is the difference between a Type I and a Type II error?]" \
        "(../questions/type-1-vs-type-2-error.md) | Easy |" in page
    assert "explain-ml-to-a-layperson" not in page


def test_escape_keeps_markdown_out_of_titles() -> None:
    assert render.escape("a|b [c] *d* <e>") == r"a\|b \[c\] \*d\* \<e\>"


def test_summary_is_plain_and_bounded() -> None:
    text = "The **loss** is $-\\log q$ and " + "word " * 60
    short = render.summary(text)
    assert len(short) <= 160 and short.endswith("…")
    assert "**" not in short and "$" not in short

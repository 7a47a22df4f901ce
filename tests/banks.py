"""Small banks for the tests: one complete technical question (GOOD), a second one that
links back to it, and the test vocabulary appended after the questions (so that the
questions' line numbers stay those of GOOD)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from scripts.bank import loader
from tests.conftest import VOCABULARY

__all__ = ["GOOD", "VOCABULARY", "check", "check_raw", "only", "second"]

# A complete technical question; tests replace single lines of it.
GOOD = textwrap.dedent("""\
    questions:
      - id: first-question
        title: What is the first question?
        section: technical
        topic: statistics
        difficulty: easy
        tags: [alpha, beta]
        source: alldus-2022
        short_answer: A short answer.
        answer: |-
          ### Intuition

          A longer answer.
        tips: Say it clearly.
        mistakes:
          - mistake: One.
            why: Because.
          - mistake: Two.
            why: Because.
        follow_ups:
          - {question: A?, answer: Yes.}
          - {question: B?, answer: Yes.}
          - {question: C?, answer: Yes.}
        references:
          - title: A book
            url: https://example.org/book
          - title: A paper
            url: https://example.org/paper
        related: [second-question]
        reviewed: 2026-11-25
    """)


def second(id_: str = "second-question", title: str = "What is the second question?") -> str:
    body = GOOD.split("\n", 1)[1]
    body = body.replace("first-question", id_, 1).replace(
        "What is the first question?", title, 1
    ).replace("related: [second-question]", "related: [first-question]")
    return body


def check(tmp_path: Path, text: str) -> list[loader.Located]:
    """The problems of a bank of `text` (its questions) and the test vocabulary."""
    path = tmp_path / "questions.yml"
    path.write_text(text + "\n" + VOCABULARY, encoding="utf-8")
    _, problems = loader.check(path)
    return problems


def check_raw(tmp_path: Path, text: str) -> list[loader.Located]:
    """The problems of a file holding exactly `text`."""
    path = tmp_path / "questions.yml"
    path.write_text(text, encoding="utf-8")
    return loader.check(path)[1]


def only(problems: list[loader.Located]) -> loader.Located:
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]

"""The scaffolder adds a valid draft in the right place and changes nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import new_question
from scripts.bank import loader
from tests.conftest import FIXTURES


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "questions.yml"
    path.write_text((FIXTURES / "valid.yml").read_text("utf-8"), encoding="utf-8")
    return path


def test_adds_a_draft_after_its_topic_without_touching_the_rest(data: Path) -> None:
    before = data.read_text("utf-8")
    new_id = new_question.add_question(data, "What is a p-value?", "statistics", "easy")
    assert new_id == "p-value"
    after = data.read_text("utf-8")
    # Every original line survives in order, comments included; only new lines are added.
    added = after.splitlines()
    original = before.splitlines()
    it = iter(added)
    assert all(any(line == other for other in it) for line in original)
    assert "# A small, complete bank" in after
    questions = loader.load(data)
    assert [q.id for q in questions] == ["type-1-vs-type-2-error", "p-value",
                                         "explain-ml-to-a-layperson"]
    assert questions[1].is_draft and questions[1].section.value == "technical"


def test_ids_are_unique_and_titles_are_quoted_when_needed(data: Path) -> None:
    assert new_question.add_question(data, "Batch norm: why?", "deep-learning", "hard") \
        == "batch-norm"
    assert "Batch norm: why?" in [q.title for q in loader.load(data)]
    assert new_question.slug_for("What is batch norm?", {"batch-norm"}) == "batch-norm-2"
    assert len(new_question.slug_for("word " * 40 + "end", set())) <= 60


def test_a_nearly_identical_title_is_refused_with_the_existing_id(data: Path) -> None:
    before = data.read_text("utf-8")
    with pytest.raises(ValueError, match="type-1-vs-type-2-error"):
        new_question.add_question(
            data, "What's the difference between a type 1 and a type 2 error?",
            "statistics", "easy")
    assert data.read_text("utf-8") == before


def test_unknown_topic_is_refused(data: Path) -> None:
    with pytest.raises(ValueError, match="unknown topic"):
        new_question.add_question(data, "Anything new?", "astrology", "easy")


def test_publishing_a_draft_needs_the_answer_standard(data: Path) -> None:
    new_id = new_question.add_question(data, "What is a p-value?", "statistics", "easy")
    data.write_text(data.read_text("utf-8").replace("    status: draft\n", ""))
    fields = {p.field for p in loader.check(data)[1]}
    assert {"questions[1].short_answer", "questions[1].mistakes", "questions[1].follow_ups",
            "questions[1].references", "questions[1].reviewed"} <= fields, fields
    assert new_id


def test_cli_prints_the_page_url(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = new_question.main(["--title", "What is a p-value?", "--topic", "statistics",
                              "--difficulty", "easy", "--data", str(data)])
    assert code == 0
    assert "/questions/p-value/" in capsys.readouterr().out

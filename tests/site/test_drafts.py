"""Drafts: `make serve` previews them, a published build never contains them."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import new_question
from tests.conftest import FIXTURES, run_build


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "questions.yml"
    path.write_text((FIXTURES / "valid.yml").read_text("utf-8"), encoding="utf-8")
    return path


def test_drafts_are_previewed_but_never_published(data: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    new_id = new_question.add_question(data, "What is a p-value?", "statistics", "easy")
    published = tmp_path / "published"
    assert run_build(published, data).returncode == 0
    assert not (published / "questions" / new_id).exists()
    monkeypatch.setenv("GUIDE_DRAFTS", "1")
    preview = tmp_path / "preview"
    assert run_build(preview, data).returncode == 0
    page = (preview / "questions" / new_id / "index.html").read_text("utf-8")
    assert "This question is a draft" in page
    monkeypatch.setenv("GUIDE_DATA", str(data))
    from scripts.mkdocs_hooks import context

    assert new_id in {q.id for q in context.bank()}

"""The benchmark's inputs are right: the synthetic bank validates and is deterministic, the
plain Material site holds exactly our pages, and the compacted search index still finds every
word. No timing here: `make bench` measures, tests only check."""

from __future__ import annotations

from pathlib import Path

import yaml

from scripts.bank import loader
from scripts.bench import plain_site, synthetic
from tests.conftest import FIXTURES

SOURCE = FIXTURES / "valid.yml"


def test_synthetic_bank_validates_and_is_deterministic(tmp_path: Path) -> None:
    bank = synthetic.write_bank(12, tmp_path / "bank", SOURCE)
    questions, problems = loader.check(bank)
    assert problems == []
    assert len(questions) == 12
    assert len({q.id for q in questions}) == 12
    again = synthetic.write_bank(12, tmp_path / "again", SOURCE)
    for file in sorted(bank.glob("*.yml")):
        assert (again / file.name).read_bytes() == file.read_bytes()


def test_a_large_synthetic_bank_is_split_into_files_the_reader_accepts(tmp_path: Path) -> None:
    bank = synthetic.write_bank(synthetic.FILE_QUESTIONS + 3, tmp_path / "bank", SOURCE)
    assert sorted(p.name for p in bank.glob("*.yml")) == [
        "questions-000.yml", "questions-001.yml", "vocabulary.yml"]
    assert len(loader.load_fast(bank)) == synthetic.FILE_QUESTIONS + 3


def test_synthetic_questions_keep_the_shape_of_their_template() -> None:
    template = {q["id"]: q for q in synthetic.load_source(SOURCE)}["type-1-vs-type-2-error"]
    for q in synthetic.generate(20, SOURCE):
        if q["topic"] != template["topic"]:
            continue
        # Code and formulas are kept; the prose around them is new.
        assert "```python" in q["answer"] and "$$" in q["answer"]
        assert q["answer"] != template["answer"]
        assert len(q["follow_ups"]) == len(template["follow_ups"])
        assert len(q["references"]) == len(template["references"])
        break
    else:
        raise AssertionError("no synthetic question copied the technical template")


def test_plain_site_holds_exactly_our_pages(tmp_path: Path) -> None:
    bank = synthetic.write_bank(8, tmp_path / "bank", SOURCE)
    config = plain_site.write_plain_site(bank, tmp_path / "plain")
    ours = plain_site.pipeline_pages(bank)
    assert plain_site.plain_pages(config) == ours
    assert {f"questions/{q.id}.md" for q in loader.load(bank)} <= ours
    plain = yaml.safe_load(config.read_text(encoding="utf-8"))
    assert "hooks" not in plain and "nav" not in plain  # default navigation: every page
    assert plain["plugins"] == ["search", "tags"]
    # Hand-written pages arrive with their macros already evaluated.
    home = (config.parent / "docs" / "index.md").read_text(encoding="utf-8")
    assert "{{" not in home and "8 questions" in home

"""Study tracks as data: read from `tracks:` beside the questions, checked like questions
(located errors with T codes), dropped from a published build when they are drafts, and the
study-time estimate the pages and the plan share."""

from __future__ import annotations

from pathlib import Path

from scripts.bank import loader
from scripts.bank.tracks import (
    PRACTICE_MINUTES,
    READING_WORDS_PER_MINUTE,
    Stage,
    reading_words,
    study_minutes,
)
from tests.banks import GOOD, check, only, second
from tests.conftest import VOCABULARY

QUESTIONS = GOOD + second() + second("third-question", "Why is there a third question?")


def track(body: str = "", *, core="first-question", strong="second-question",
          stand_out="third-question", status: str = "") -> str:
    def block(key: str, ids: str | None) -> str:
        if ids is None:
            return ""
        return f"    {key}:\n" + "".join(f"      - {i}\n" for i in ids.split())
    return ("tracks:\n  - id: ml-engineer\n    title: ML engineer\n"
            "    description: A coding round and a design round.\n"
            + (f"    status: {status}\n" if status else "") + body
            + block("core", core) + block("strong", strong) + block("stand-out", stand_out))


def bank(tmp_path: Path, text: str):
    path = tmp_path / "questions.yml"
    path.write_text(text + "\n" + VOCABULARY, encoding="utf-8")
    return loader.load(path)


def test_a_track_loads_with_its_stages_in_order(tmp_path: Path) -> None:
    loaded = bank(tmp_path, QUESTIONS + track())
    [t] = loaded.tracks
    assert (t.id, t.title) == ("ml-engineer", "ML engineer")
    assert [(s.value, ids) for s, ids in t.stages()] == [
        ("core", ["first-question"]), ("strong", ["second-question"]),
        ("stand-out", ["third-question"])]
    assert [q.id for q in loaded.track_questions(t)] == [
        "first-question", "second-question", "third-question"]
    assert loaded.track("ml-engineer") is t and loaded.track("nope") is None


def test_a_missing_stage_is_a_located_t003(tmp_path: Path) -> None:
    p = only(check(tmp_path, QUESTIONS + track(strong=None)))
    assert (p.code, p.field) == ("T003", "tracks[0].strong")
    assert "lists no question" in p.message


def test_the_stage_key_is_spelt_as_on_the_page(tmp_path: Path) -> None:
    text = QUESTIONS + track(stand_out=None) + "    stand_out:\n      - third-question\n"
    codes = {(p.code, p.field) for p in check(tmp_path, text)}
    assert ("S002", "tracks[0].stand_out") in codes


def test_a_track_id_must_be_a_slug(tmp_path: Path) -> None:
    text = QUESTIONS + track().replace("id: ml-engineer", "id: ML Engineer")
    p = only(check(tmp_path, text))
    assert (p.code, p.field) == ("S004", "tracks[0].id")


def test_a_draft_track_may_list_drafts_and_is_not_published(tmp_path: Path) -> None:
    draft = second("draft-question", "How will the draft read?") + "    status: draft\n"
    text = QUESTIONS + draft + track(stand_out="third-question draft-question",
                                     status="draft")
    loaded = bank(tmp_path, text)
    assert [t.id for t in loaded.tracks] == ["ml-engineer"]
    assert loaded.without_drafts().tracks == ()
    # Published, the same track is refused.
    problems = check(tmp_path, text.replace("    status: draft\n    core:", "    core:"))
    assert {p.code for p in problems} == {"T004"}


def test_study_minutes_follow_the_stated_formula(tmp_path: Path) -> None:
    loaded = bank(tmp_path, QUESTIONS + track())
    q = loaded.question("first-question")
    words = reading_words(q)
    assert words == 3 + 4  # "A short answer." and "Intuition", "A longer answer."
    assert study_minutes(q) == -(-words // READING_WORDS_PER_MINUTE) + PRACTICE_MINUTES
    assert [s.value for s in Stage] == ["core", "strong", "stand-out"]

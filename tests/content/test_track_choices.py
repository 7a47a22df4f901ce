"""The real bank's study tracks: the roles the guide promises, each drawing on many topics,
with every stage filled (the rules already refuse unknown ids, repeats and drafts)."""

from __future__ import annotations

ROLES = {"ml-engineer", "data-scientist", "ml-research-scientist", "llm-engineer",
         "mlops-engineer"}


def test_the_bank_has_a_track_for_each_role(bank) -> None:
    assert {t.id for t in bank.tracks} >= ROLES


def test_each_track_spans_topics_and_fills_its_stages(bank) -> None:
    for track in bank.tracks:
        questions = bank.track_questions(track)
        assert len(questions) == len(track.question_ids()) >= 20, track.id
        assert len({q.topic for q in questions}) >= 5, track.id
        assert all(ids for _, ids in track.stages()), track.id
        assert "\n\n" not in track.description.strip(), "one paragraph"

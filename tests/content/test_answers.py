"""The real bank as a whole: what no single rule can say about one question."""

from __future__ import annotations

from scripts.bank.models import Difficulty, Section


def test_bank_has_the_thirty_seed_questions_and_more(bank) -> None:
    assert sum(q.source == "alldus-2022" for q in bank) == 30
    assert sum(q.section is Section.general for q in bank) >= 5
    assert sum(q.section is Section.technical for q in bank) >= 25


def test_every_topic_with_questions_mixes_difficulties(bank) -> None:
    """Difficulty is set honestly: no topic of five or more questions is all one level."""
    for topic in bank.topics():
        levels = {q.difficulty for q in bank.in_topic(topic.id)}
        if len(bank.in_topic(topic.id)) >= 5:
            assert len(levels) >= 2, topic.id
    assert {q.difficulty for q in bank} == set(Difficulty)


def test_related_links_go_both_ways_for_new_questions(bank) -> None:
    """A question of the packs (source guide-editors) is linked from at least one other
    question: readers reach it from the pages they already know."""
    linked = {r for q in bank for r in q.related}
    orphans = [q.id for q in bank if q.source == "guide-editors" and q.id not in linked]
    assert orphans == []

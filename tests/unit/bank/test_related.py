"""A related link is declared once, on either question, and both pages show it."""

from __future__ import annotations

from scripts.bank import loader
from scripts.bank.bank import Bank
from tests.conftest import FIXTURES


def three_questions() -> Bank:
    """a declares b; c declares a and b; b declares nothing."""
    bank = loader.load(FIXTURES / "valid.yml")
    base = bank.questions[0]
    a, b, c = (base.model_copy(update={"id": name, "related": related})
               for name, related in (("a", ["b"]), ("b", []), ("c", ["a", "b"])))
    return Bank(bank.vocabulary, (a, b, c))


def ids(questions) -> list[str]:
    return [q.id for q in questions]


def test_declared_links_come_first_then_the_questions_that_declare_this_one() -> None:
    bank = three_questions()
    assert ids(bank.related_to(bank.question("a"))) == ["b", "c"]
    assert ids(bank.related_to(bank.question("b"))) == ["a", "c"]


def test_a_link_declared_on_both_sides_shows_once() -> None:
    bank = three_questions()
    assert ids(bank.related_to(bank.question("c"))) == ["a", "b"]

"""A013: math whose delimiters balance can still reach the page as dollar signs. The rule
renders each field with the site's pipeline and reports what was not typeset, at the line
of the formula."""

from __future__ import annotations

from pathlib import Path

from scripts.bank import loader
from tests.banks import GOOD, VOCABULARY, second

ANSWER_LINE = 14  # the line after GOOD's "A longer answer."


def problems_with(tmp_path: Path, *lines: str) -> list[loader.Located]:
    body = "".join(f"      {line}\n" if line else "\n" for line in lines)
    text = GOOD.replace("      A longer answer.\n", f"      A longer answer.\n{body}") + second()
    path = tmp_path / "questions.yml"
    path.write_text(text + "\n" + VOCABULARY, encoding="utf-8")
    return [p for p in loader.check(path)[1] if p.code == "A013"]


def test_display_math_indented_less_than_its_list_item_is_reported_at_the_formula(
        tmp_path: Path) -> None:
    found = problems_with(tmp_path, "- A list item that", "  goes on", "",
                          "  $$", "  a = b + c", "  $$")
    assert len(found) == 1, found
    assert (found[0].line, found[0].col) == (ANSWER_LINE + 4, 9)
    assert found[0].field == "questions[0].answer"


def test_display_math_indented_like_the_item_text_is_typeset(tmp_path: Path) -> None:
    assert problems_with(tmp_path, "- A list item that", "  goes on", "",
                         "    $$", "    a = b + c", "    $$") == []


def test_a_space_inside_an_inline_formula_is_reported(tmp_path: Path) -> None:
    found = problems_with(tmp_path, "The ratio $0/0 = $ is undefined.")
    assert [(p.line, p.col) for p in found] == [(ANSWER_LINE, 17)]


def test_an_escaped_dollar_and_dollars_in_code_are_not_math(tmp_path: Path) -> None:
    assert problems_with(tmp_path, r"It costs \$5, and `echo $HOME` prints a path.",
                         "A formula $x^2$ too.") == []

"""Every malformed data file gets one error per problem, at the right line, column and
field; a valid file loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.bank import loader
from tests.banks import GOOD, check, check_raw, only, second
from tests.conftest import FIXTURES, VOCABULARY


def test_valid_bank_loads(tmp_path: Path) -> None:
    assert check(tmp_path, GOOD + second()) == []
    assert [q.id for q in loader.load(FIXTURES / "valid.yml")] == [
        "type-1-vs-type-2-error", "explain-ml-to-a-layperson"
    ]


def test_broken_yaml(tmp_path: Path) -> None:
    text = GOOD.replace("title: What is the first question?", "title: [unclosed")
    p = only(check(tmp_path, text))
    assert (p.line, p.field) == (4, "(yaml)")
    assert "invalid YAML" in p.message


def test_missing_required_field_points_at_its_question(tmp_path: Path) -> None:
    text = GOOD.replace("    difficulty: easy\n", "") + second()
    p = only(check(tmp_path, text))
    assert (p.line, p.col, p.field) == (2, 5, "questions[0].difficulty")
    assert p.message == "missing required field 'difficulty'"


def test_wrong_type(tmp_path: Path) -> None:
    text = GOOD.replace("tags: [alpha, beta]", "tags: alpha") + second()
    p = only(check(tmp_path, text))
    assert (p.line, p.col, p.field) == (7, 11, "questions[0].tags")
    assert "list" in p.message


def test_unknown_enum_value(tmp_path: Path) -> None:
    text = GOOD.replace("difficulty: easy", "difficulty: trivial") + second()
    p = only(check(tmp_path, text))
    assert (p.line, p.col, p.field) == (6, 17, "questions[0].difficulty")
    assert "'easy', 'medium' or 'hard'" in p.message


def test_unknown_topic(tmp_path: Path) -> None:
    text = GOOD.replace("topic: statistics", "topic: astrology") + second()
    p = only(check(tmp_path, text))
    assert (p.line, p.field, p.code) == (5, "questions[0].topic", "V003")
    assert "unknown topic 'astrology'" in p.message and " statistics," in p.message


def test_unknown_extra_field_points_at_the_key(tmp_path: Path) -> None:
    text = GOOD.replace("    source: alldus-2022\n", "    source: alldus-2022\n    colour: red\n")
    p = only(check(tmp_path, text + second()))
    assert (p.line, p.col, p.field) == (9, 5, "questions[0].colour")
    assert p.message == "unknown field 'colour'"


def test_duplicate_id(tmp_path: Path) -> None:
    text = GOOD + second(id_="first-question").replace(
        "related: [first-question]", "related: []"
    )
    problems = check(tmp_path, text)
    dup = [p for p in problems if p.field == "questions[1].id"]
    assert len(dup) == 1, problems
    assert dup[0].line == 31 and "duplicate id 'first-question'" in dup[0].message


def test_duplicate_title_ignores_case_and_punctuation(tmp_path: Path) -> None:
    p = only(check(tmp_path, GOOD + second(title="what is the FIRST question")))
    assert (p.line, p.field) == (32, "questions[1].title")
    assert "duplicate title" in p.message and "first-question" in p.message


def test_related_id_that_does_not_exist(tmp_path: Path) -> None:
    text = GOOD.replace("related: [second-question]", "related: [second-question, nowhere]")
    p = only(check(tmp_path, text + second()))
    assert (p.line, p.col, p.field) == (29, 32, "questions[0].related[1]")
    assert p.message == "no question has the id 'nowhere'"


def test_topic_must_belong_to_the_section(tmp_path: Path) -> None:
    text = GOOD.replace("topic: statistics", "topic: communication") + second()
    p = only(check(tmp_path, text))
    assert (p.line, p.field) == (5, "questions[0].topic")
    assert "belongs to a general area" in p.message and p.code == "V005"


def test_tabs_are_reported_per_line(tmp_path: Path) -> None:
    text = GOOD.replace("    title:", "\ttitle:").replace("    section:", "  \tsection:")
    problems = check(tmp_path, text)
    assert [(p.line, p.col, p.field) for p in problems] == [
        (3, 1, "(indentation)"), (4, 3, "(indentation)")
    ]


def test_empty_file(tmp_path: Path) -> None:
    p = only(check_raw(tmp_path, "\n  \n"))
    assert (p.line, p.col) == (1, 1) and "empty" in p.message


def test_file_that_is_not_a_mapping(tmp_path: Path) -> None:
    p = only(check_raw(tmp_path, "- id: a\n- id: b\n"))
    assert (p.line, p.col) == (1, 1) and "not a list" in p.message


def test_duplicate_key_is_a_yaml_error(tmp_path: Path) -> None:
    text = GOOD.replace("    tips: Say it clearly.\n", "    tips: Say it.\n    tips: Again.\n")
    p = only(check(tmp_path, text + second()))
    assert p.field == "(yaml)" and p.line == 15 and "duplicate" in p.message


def test_every_problem_is_reported_not_just_the_first(tmp_path: Path) -> None:
    text = (GOOD.replace("difficulty: easy", "difficulty: trivial")
            .replace("url: https://example.org/book", "url: http://example.org/book"))
    text += second().replace("section: technical", "section: both")
    fields = {p.field for p in check(tmp_path, text)}
    assert {"questions[0].difficulty", "questions[0].references[0].url",
            "questions[1].section"} <= fields


def test_answer_standard_is_enforced(tmp_path: Path) -> None:
    text = GOOD.replace("    reviewed: 2026-11-25\n", "").replace(
        "      - {question: C?, answer: Yes.}\n", ""
    )
    problems = check(tmp_path, text + second())
    assert {(p.field, p.line) for p in problems} == {
        ("questions[0].follow_ups", 20), ("questions[0].reviewed", 2)
    }


@pytest.mark.parametrize("text", ["questions: {}\n", "questions:\n  - just a string\n"])
def test_questions_must_be_a_list_of_mappings(tmp_path: Path, text: str) -> None:
    assert len(check_raw(tmp_path, text + VOCABULARY)) == 1


def test_a_folder_of_files_is_one_bank(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "vocabulary.yml").write_text(VOCABULARY, encoding="utf-8")
    (tmp_path / "b.yml").write_text("questions:\n" + second(), encoding="utf-8")
    questions, problems = loader.check(tmp_path)
    # Each file's `related` points at the question of the other file.
    assert [q.id for q in questions] == ["first-question", "second-question"]
    assert problems == []
    (tmp_path / "c.yml").write_text("questions:\n" + second(), encoding="utf-8")
    _, problems = loader.check(tmp_path)
    assert [(p.code, p.file, p.field) for p in problems] == [
        ("B001", loader.display_path(tmp_path / "c.yml"), "questions[0].id"),
        ("B002", loader.display_path(tmp_path / "c.yml"), "questions[0].title")]
    assert "of " + loader.display_path(tmp_path / "b.yml") in problems[0].message


def test_fast_path_reads_a_valid_bank_exactly_as_the_full_check(tmp_path: Path) -> None:
    valid = FIXTURES / "valid.yml"
    assert loader.load_fast(valid) == loader.load(valid)
    # Anything the full check would report sends the build to the full check.
    text = valid.read_text(encoding="utf-8")
    duplicate = tmp_path / "duplicate.yml"
    duplicate.write_text(text.replace("    difficulty: easy\n",
                                      "    difficulty: easy\n    difficulty: hard\n", 1))
    assert loader.load_fast(duplicate) is None
    unsafe = tmp_path / "unsafe.yml"
    unsafe.write_text(text.replace("Whether you can explain", "<script>x</script> Whether", 1))
    assert loader.load_fast(unsafe) is None


def test_a_short_answer_over_budget_fails_at_its_line(tmp_path: Path) -> None:
    long = " ".join(["word"] * 91)
    text = GOOD.replace("short_answer: A short answer.", f"short_answer: {long}")
    p = only(check(tmp_path, text + second()))
    assert (p.line, p.field) == (9, "questions[0].short_answer")
    assert "91 words of prose, over the 90 a concept question allows" in p.message


def test_code_and_formulas_do_not_count_and_design_questions_get_more(tmp_path: Path) -> None:
    prose = " ".join(["word"] * 100)
    code = "$x^2 + y^2$ and\n\n      ```python\n      print(1)\n      ```"
    text = GOOD.replace("short_answer: A short answer.",
                        f"short_answer: |-\n      {' '.join(['w'] * 85)} {code}")
    assert check(tmp_path, text + second()) == []
    design = GOOD.replace("short_answer: A short answer.",
                          f"short_answer: {prose}\n    kind: design")
    assert check(tmp_path, design + second()) == []
    over = design.replace(prose, " ".join(["word"] * 121))
    assert "over the 120 a design question allows" in only(check(tmp_path, over + second())).message


def test_each_mistake_and_follow_up_answer_has_a_budget(tmp_path: Path) -> None:
    text = GOOD.replace("why: Because.", f"why: {' '.join(['word'] * 60)}", 1)
    p = only(check(tmp_path, text + second()))
    assert p.field == "questions[0].mistakes[0]" and "61 words" in p.message
    text = GOOD.replace("{question: A?, answer: Yes.}",
                        f"{{question: A?, answer: {' '.join(['word'] * 81)}}}")
    assert only(check(tmp_path, text + second())).field == "questions[0].follow_ups[0].answer"


def test_aliases_are_short_phrases(tmp_path: Path) -> None:
    ok = GOOD.replace("tags: [alpha, beta]",
                      "tags: [alpha, beta]\n    aliases: [AUC, area under the curve]")
    assert check(tmp_path, ok + second()) == []
    bad = GOOD.replace("tags: [alpha, beta]", f"tags: [alpha, beta]\n    aliases: [{'x' * 61}]")
    assert only(check(tmp_path, bad + second())).field == "questions[0].aliases[0]"

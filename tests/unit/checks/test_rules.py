"""One registry of rules, each with a stable code and a failing fixture: for every code,
tests/fixtures/rules/CODE.yml is a bank that breaks that rule, and `make validate` and the
build's fast load both report it (the same problems, field by field)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from scripts.bank import loader
from scripts.checks import registry
from scripts.checks.run import Context
from tests.banks import GOOD, VOCABULARY, check, second
from tests.conftest import FIXTURES

RULES = registry.all_rules()
FIXTURE_DIR = FIXTURES / "rules"
# Codes whose fixture is made by the test: a file over the size limit is not committed, a
# folder with no data files is a folder, and a rule failing needs a broken rule.
MADE_HERE = {"F010", "F014", "X001"}


def context_for(code: str) -> Context:
    ctx = Context([])
    fingerprints = FIXTURE_DIR / f"{code}.fingerprints"
    if fingerprints.exists():
        ctx.source_fingerprints = fingerprints
    return ctx


def test_codes_are_stable_and_well_formed() -> None:
    assert all(re.fullmatch(r"[FSVBAHCTX]\d{3}", code) for code in RULES)
    assert all(rule.summary and not rule.summary.endswith(".") for rule in RULES.values())
    assert len(RULES) >= 45


def test_every_code_has_a_failing_fixture() -> None:
    files = {p.stem for p in FIXTURE_DIR.glob("*.yml")}
    assert files | MADE_HERE == set(RULES), "add tests/fixtures/rules/CODE.yml for each code"


@pytest.mark.parametrize("code", sorted(set(RULES) - MADE_HERE))
def test_the_fixture_breaks_its_rule_and_no_other(code: str) -> None:
    path = FIXTURE_DIR / f"{code}.yml"
    _, problems = loader.check(path, run_code=RULES[code].slow, context=context_for(code))
    assert problems, f"{path} passes"
    assert {p.code for p in problems} == {code}, [str(p) for p in problems]
    assert all(str(p).startswith(f"{loader.display_path(path)}:") for p in problems)
    assert all(str(p).endswith(f"[{code}]") for p in problems)


@pytest.mark.parametrize("code", sorted(c for c in set(RULES) - MADE_HERE
                                        if not RULES[c].slow))
def test_the_builds_fast_load_finds_the_same_problems(code: str) -> None:
    path = FIXTURE_DIR / f"{code}.yml"
    _, full = loader.check(path, context=context_for(code))
    _bank, fast = loader.fast_problems(path, context=context_for(code))
    assert fast == sorted({(p.code, p.field) for p in full})
    if not (FIXTURE_DIR / f"{code}.fingerprints").exists():
        assert loader.load_fast(path) is None


def test_a_file_over_the_size_limit(tmp_path: Path) -> None:
    from scripts.bank import yaml_reader

    path = tmp_path / "huge.yml"
    path.write_text("questions: []\n" + "#" * (yaml_reader.MAX_BYTES + 1), encoding="utf-8")
    [problem] = loader.check(path)[1]
    assert problem.code == "F010" and "split the bank" in problem.message
    assert loader.fast_problems(path)[1] == [("F010", "(document)")]


def test_a_folder_without_data_files(tmp_path: Path) -> None:
    [problem] = loader.check(tmp_path)[1]
    assert problem.code == "F014" and problem.field == "(document)"


def test_a_rule_that_raises_becomes_a_located_problem(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    rule = RULES["A002"]

    def broken(q, ctx):
        raise ZeroDivisionError("the rule has a bug")

    monkeypatch.setitem(registry.RULES, "A002",
                        registry.Rule(rule.code, rule.summary, rule.scope, broken,
                                      rule.published_only, rule.slow))
    problems = check(tmp_path, GOOD + second())
    assert {p.code for p in problems} == {"X001"}
    assert all("ZeroDivisionError" in p.message and p.field.startswith("questions[")
               for p in problems)


def test_every_text_field_of_the_model_reaches_the_safety_rules() -> None:
    """A field added to a model is found by Question.text_fields() without anyone listing
    it: every str field of every model, nested ones included."""
    from scripts.bank.models import FollowUp, Mistake, Question, Reference

    bank = loader.load(FIXTURES / "valid.yml")
    q = bank.question("type-1-vs-type-2-error")
    paths = {field.path for field in q.text_fields()}
    for name, info in Question.model_fields.items():
        if info.annotation in (str, str | None) or "str" in str(info.annotation):
            value = getattr(q, name)
            if isinstance(value, str):
                assert (name,) in paths, name
    for model, items, name in ((Mistake, q.mistakes, "mistakes"),
                               (FollowUp, q.follow_ups, "follow_ups"),
                               (Reference, q.references, "references")):
        for field in model.model_fields:
            if isinstance(getattr(items[0], field), str):
                assert (name, 0, field) in paths, (name, field)
    markdown = {f.path[-1] for f in q.text_fields() if f.markdown}
    assert {"short_answer", "answer", "tips", "mistake", "why", "question"} <= markdown
    assert "title" not in markdown


# The inputs that took the old validator down, each as a located error within seconds.
ATTACKS = {
    "billion laughs": "\n".join(
        ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 12)]
    ) + "\n",
    "100,000 nested lists": "questions: " + "[" * 100_000 + "]" * 100_000 + "\n",
    "100,000 nested block lists": "questions:\n" + "".join(
        " " * i + "-\n" for i in range(0, 3000, 1)),
    "merge key": GOOD.replace("    tags: [alpha, beta]\n", "    <<: {tags: [alpha]}\n"),
    "impossible date": GOOD.replace("reviewed: 2026-11-25", "reviewed: 2026-02-30"),
    "5,000-digit integer": GOOD.replace("difficulty: easy", "difficulty: " + "7" * 5000),
    "python tag": GOOD.replace("title: What is the first question?",
                               "title: !!python/object/apply:os.system [ls]"),
    "key that writes a workflow command": GOOD.replace(
        "    tips: Say it clearly.\n",
        '    tips: Say it clearly.\n    "x\\n::warning file=README.md::pwned": 1\n'),
}


@pytest.mark.parametrize("name", list(ATTACKS))
def test_no_input_stalls_or_crashes_the_validator(tmp_path: Path, name: str) -> None:
    path = tmp_path / "questions.yml"
    path.write_text(ATTACKS[name] + VOCABULARY, encoding="utf-8")
    start = time.monotonic()
    _, problems = loader.check(path)
    loader.fast_problems(path)
    assert time.monotonic() - start < 20, name  # generous: a shared, loaded machine
    assert problems, name
    for problem in problems:
        line = str(problem)
        assert "\n" not in line and "\r" not in line
        assert not line.startswith("::") and "\n::" not in problem.github_annotation()


def test_thousands_of_titles_sharing_a_word_are_checked_quickly(tmp_path: Path) -> None:
    items = "".join(
        f"  - id: q-{i}\n    title: What is attention number {i * 7919 % 100003} really?\n"
        for i in range(6000))
    path = tmp_path / "questions.yml"
    path.write_text("questions:\n" + items + VOCABULARY, encoding="utf-8")
    start = time.monotonic()
    _, problems = loader.check(path)
    assert time.monotonic() - start < 60
    assert problems and {p.code for p in problems} <= {"S001"}


def test_the_report_stops_after_a_sensible_number_of_problems(tmp_path: Path) -> None:
    from scripts.checks.problems import MAX_REPORTED, report

    items = "".join(f"  - id: Q{i}\n" for i in range(5000))
    path = tmp_path / "questions.yml"
    path.write_text("questions:\n" + items, encoding="utf-8")
    _, problems = loader.check(path)
    lines = report(problems)
    assert len(problems) > MAX_REPORTED and len(lines) == MAX_REPORTED + 1
    assert lines[-1].startswith(f"... and {len(problems) - MAX_REPORTED} more problem(s)")


def test_annotations_escape_what_they_echo() -> None:
    from scripts.checks.problems import Located

    problem = Located("data/q.yml", 3, 5, "questions[0].x", "bad\n::warning::x %0A, end", "S002")
    line = problem.github_annotation()
    assert line.startswith("::error file=data/q.yml,line=3,col=5,title=questions[0].x [S002]::")
    assert "\n" not in line and "%0A" not in line.split("::", 2)[2].replace("%250A", "")
    assert "\n" not in str(problem) and "\\u000a" in str(problem)

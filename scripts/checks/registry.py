"""Every rule about the bank, in one place. A rule has a stable code (never reused for
another meaning), a one-line summary, and a check; tests/fixtures/rules/CODE.yml is a bank
that breaks it, and a test proves each fixture fails with its code, in `make validate` and
in the build's fast load alike.

Codes by family: F the file and its YAML, S the shape of a record, V the vocabulary (areas,
topics, sources), B rules across questions, A the answer standard, H what contributed text
may hold (judged on the HTML a browser gets), C code that runs, T the study tracks, X a rule
that failed.

Some codes are found while reading (F, S): their check is None here, the reader reports them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

# (question, context) -> (path inside the question, message, needle or None[, at_key]):
# the needle is text to find for the exact line; at_key points at the field's key.
QuestionCheck = Callable[[Any, Any], Iterable[tuple[tuple[Any, ...], str, str | None]]]
# (bank, context) -> problems placed in the bank's documents
BankCheck = Callable[[Any, Any], Iterable[Any]]


@dataclass(frozen=True)
class Rule:
    code: str
    summary: str
    scope: str  # "read" (found by the reader), "question" or "bank"
    check: Callable[..., Iterable[Any]] | None = None
    published_only: bool = False  # drafts are previewed before they meet the standard
    slow: bool = False  # runs code: in the tests and `validate.py --run-code`, not in builds


RULES: dict[str, Rule] = {}


def _add(rule: Rule) -> Rule:
    if rule.code in RULES:
        raise ValueError(f"rule code {rule.code} is defined twice")
    RULES[rule.code] = rule
    return rule


def read_rule(code: str, summary: str) -> None:
    """A code the reader or the record shapes emit."""
    _add(Rule(code, summary, "read"))


def question_rule(code: str, summary: str, *, published_only: bool = False,
                  slow: bool = False) -> Callable[[QuestionCheck], QuestionCheck]:
    def register(check: QuestionCheck) -> QuestionCheck:
        _add(Rule(code, summary, "question", check, published_only, slow))
        return check
    return register


def bank_rule(code: str, summary: str, *, slow: bool = False
              ) -> Callable[[BankCheck], BankCheck]:
    def register(check: BankCheck) -> BankCheck:
        _add(Rule(code, summary, "bank", check, False, slow))
        return check
    return register


def all_rules() -> dict[str, Rule]:
    """Every rule, once every rule module has registered its rules."""
    from scripts.checks import (  # noqa: F401  (importing registers the rules)
        answer_standard,
        bank_rules,
        code,
        markup,
        originality,
        reading,
        text_rules,
        track_rules,
        vocabulary_rules,
    )
    return dict(sorted(RULES.items()))

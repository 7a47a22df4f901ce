"""The answer standard (docs/answer-standard.md) as rules: the layers every published answer
has, the word budgets of each layer, math that is balanced, and the method a general
question teaches. Drafts are exempt until they are published (`status: draft`)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

from scripts.bank.models import Kind, Question, Section
from scripts.checks.registry import question_rule
from scripts.checks.wordcount import prose, words

MIN_MISTAKES = 2
MIN_FOLLOW_UPS = 3
MIN_TECHNICAL_REFERENCES = 2
PLACEHOLDER = "TODO"

Finding = tuple[tuple, str, str | None]


@question_rule("A001", "a TODO placeholder left in a published answer", published_only=True)
def placeholder(q: Question, ctx) -> Iterator[Finding]:
    for field in ("short_answer", "answer", "tips"):
        if PLACEHOLDER in (getattr(q, field) or ""):
            yield (field,), f"replace the {PLACEHOLDER} placeholder before publishing", PLACEHOLDER


@question_rule("A002", "no tips (how to answer)", published_only=True)
def has_tips(q: Question, ctx) -> Iterator[Finding]:
    if not q.tips:
        yield ("tips",), "missing 'tips' (how to answer)", None


@question_rule("A003", "fewer than two common mistakes", published_only=True)
def enough_mistakes(q: Question, ctx) -> Iterator[Finding]:
    if len(q.mistakes) < MIN_MISTAKES:
        yield ("mistakes",), (f"needs at least {MIN_MISTAKES} common mistakes, has "
                              f"{len(q.mistakes)}"), None, True


@question_rule("A004", "fewer than three follow-up questions", published_only=True)
def enough_follow_ups(q: Question, ctx) -> Iterator[Finding]:
    if len(q.follow_ups) < MIN_FOLLOW_UPS:
        yield ("follow_ups",), (f"needs at least {MIN_FOLLOW_UPS} follow-up questions, has "
                                f"{len(q.follow_ups)}"), None, True


@question_rule("A005", "a technical answer with fewer than two references", published_only=True)
def enough_references(q: Question, ctx) -> Iterator[Finding]:
    if q.section is Section.technical and len(q.references) < MIN_TECHNICAL_REFERENCES:
        yield ("references",), (f"a technical answer needs {MIN_TECHNICAL_REFERENCES} to 4 "
                                f"references, has {len(q.references)}"), None, True


@question_rule("A006", "a technical answer that links no related question", published_only=True)
def has_related(q: Question, ctx) -> Iterator[Finding]:
    if q.section is Section.technical and not q.related:
        yield ("related",), "link at least one related question", None, True


@question_rule("A007", "a technical answer not yet reviewed", published_only=True)
def is_reviewed(q: Question, ctx) -> Iterator[Finding]:
    if q.section is Section.technical and q.reviewed is None:
        yield ("reviewed",), ("not reviewed yet: a second reader sets this date after checking "
                              "the answer against its references"), None


@dataclass(frozen=True)
class Budget:
    """Most words of prose per layer (code, formulas and images not counted)."""

    short_answer: int
    answer: int
    tips: int
    mistake: int  # the mistake and why it is wrong, together
    follow_up: int  # each follow-up's answer


CONCEPT = Budget(short_answer=90, answer=700, tips=150, mistake=60, follow_up=80)
BUDGETS: dict[Kind, Budget] = {
    Kind.concept: CONCEPT,
    Kind.coding: CONCEPT,
    Kind.competency: CONCEPT,
    Kind.design: Budget(short_answer=120, answer=1100, tips=200, mistake=60, follow_up=100),
}


@question_rule("A008", "a layer over its word budget", published_only=True)
def within_budget(q: Question, ctx) -> Iterator[Finding]:
    kind = q.answer_kind
    budget = BUDGETS[kind]
    layers = [(("short_answer",), q.short_answer, budget.short_answer),
              (("answer",), q.answer, budget.answer),
              (("tips",), q.tips or "", budget.tips)]
    layers += [(("mistakes", i), f"{m.mistake}\n\n{m.why}", budget.mistake)
               for i, m in enumerate(q.mistakes)]
    layers += [(("follow_ups", i, "answer"), f.answer, budget.follow_up)
               for i, f in enumerate(q.follow_ups)]
    for path, text, limit in layers:
        count = words(text)
        if count > limit:
            yield path, (f"{count} words of prose, over the {limit} a {kind.value} question "
                         "allows here (code and formulas are not counted): make each point "
                         "once"), None


_DISPLAY = re.compile(r"\$\$")


def _unbalanced(text: str) -> tuple[str, str | None] | None:
    """What does not balance in one field's math, as (message, needle), or None."""
    text = prose(text, keep_math=True)
    if text.count("$$") % 2:
        return "unbalanced '$$': a display formula is not closed", "$$"
    for paragraph in re.split(r"\n\s*\n", _DISPLAY.sub("", text)):
        if len(re.findall(r"(?<!\\)\$", paragraph)) % 2:
            return ("unbalanced '$' in a paragraph: close the formula, or write "
                    r"a dollar sign as \$"), paragraph.strip()[:30] or None
    return None


@question_rule("A009", "math delimiters that do not balance")
def math_balances(q: Question, ctx) -> Iterator[Finding]:
    for field in q.text_fields():
        if field.markdown and (problem := _unbalanced(field.text)):
            yield (field.path, *problem)


def _where(rest: str) -> tuple[str, ...]:
    """Text to find the untypeset formula by in the source: its first line, or the line
    after a bare `$$` (every display formula starts with one)."""
    lines = [line.strip() for line in html.unescape(re.sub(r"<[^>]+>", "", rest)).splitlines()]
    lines = [line for line in lines if line]
    if lines[0] == "$$" and len(lines) > 1:
        return lines[1][:40], "$$"
    inline = re.match(r"\$[^$]{0,40}\$?", lines[0])
    return inline.group(0) if inline else lines[0][:40], lines[0][:40]


_TYPESET = re.compile(r'<(pre|code)\b.*?</\1>|<(span|div) class="arithmatex">.*?</\2>', re.S)


@question_rule("A013", "a formula the site would show as raw dollar signs")
def math_is_typeset(q: Question, ctx) -> Iterator[Finding]:
    """Balanced delimiters are not enough: `$$` indented less than its list item's text,
    for one, ends the list and reaches the page as dollar signs. Every `$` left in the
    rendered prose must come from a `\\$` the writer typed."""
    for field in q.text_fields():
        # Unbalanced delimiters are A009's to report; one problem, one error.
        if not field.markdown or "$" not in field.text or _unbalanced(field.text):
            continue
        shown = _TYPESET.sub(" ", ctx.html(field.text))
        if shown.count("$") > prose(field.text, keep_math=True).count("\\$"):
            yield field.path, ("a formula here is not typeset: indent a display formula "
                               "($$) inside a list item like the item's text (4 spaces), "
                               "and put no space just inside an inline formula's $ signs"
                               ), _where(shown[shown.index("$"):])


_METHOD_HEADINGS = ("interviewer", "structure", "outline", "prepare")
_PLACEHOLDER_SLOT = re.compile(r"\[[^\]]+\](?!\()")


@question_rule("A010", "a general answer that does not teach a method", published_only=True)
def teaches_a_method(q: Question, ctx) -> Iterator[Finding]:
    if q.section is not Section.general:
        return
    headings = " ".join(re.findall(r"^###\s+(.+)$", q.answer, re.M)).lower()
    missing = [part for part in _METHOD_HEADINGS if part not in headings]
    if missing:
        yield ("answer",), ("a general answer teaches a method under ### headings naming what "
                            "the interviewer wants, a structure, an example outline and how to "
                            f"prepare; missing: {', '.join(missing)}"), None
    if not _PLACEHOLDER_SLOT.search(prose(q.answer)):
        yield ("answer",), ("the example outline needs [placeholders] the reader fills with "
                            "their own story"), None


@question_rule("A011", "a behavioural answer without the STAR structure", published_only=True)
def behavioural_uses_star(q: Question, ctx) -> Iterator[Finding]:
    if q.topic == "behavioural" and "STAR" not in q.answer:
        yield ("answer",), ("a behavioural answer teaches the STAR structure (situation, task, "
                            "action, result)"), None

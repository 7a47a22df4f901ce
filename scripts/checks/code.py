"""Code in the answers runs and prints what the page shows. Slow (it runs every snippet), so
it runs in the tests and in `python scripts/validate.py --run-code`, not in every build."""

from __future__ import annotations

from collections.abc import Iterator

from scripts.bank.models import Question
from scripts.checks import snippets
from scripts.checks.registry import question_rule


@question_rule("C001", "a Python snippet that fails or prints something else than shown",
               slow=True)
def snippets_run(q: Question, ctx) -> Iterator[tuple]:
    for snippet in snippets.snippets_of(q):
        if snippet.runs and (problem := snippets.check(snippet)):
            yield snippet.field_path, problem.splitlines()[0], snippet.code.splitlines()[0]

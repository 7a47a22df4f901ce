"""The one orchestration of every rule, used by `make validate`, the build and the tests:
read records, apply each registered rule, and turn anything a rule raises into a problem of
its own (X001) instead of a traceback."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from scripts.checks.problems import Problem, quote
from scripts.checks.reading import Records
from scripts.checks.registry import all_rules, read_rule
from scripts.pages.pipeline import Renderer, site_renderer
from scripts.paths import FIGURES_DIR, SOURCE_FINGERPRINTS

read_rule("X001", "a rule failed with an error (a bug in the checks: please report it)")


@dataclass
class Context:
    """What rules share during one run: the documents' names, and each Markdown field
    rendered once to HTML by the site's pipeline."""

    displays: list[str]
    figures_dir: Path = FIGURES_DIR
    source_fingerprints: Path = SOURCE_FINGERPRINTS
    renderer: Renderer | None = None
    _html: dict[str, str] = field(default_factory=dict)

    def display(self, doc: int) -> str:
        return self.displays[doc] if doc < len(self.displays) else "?"

    def html(self, text: str) -> str:
        if text not in self._html:
            self._html[text] = (self.renderer or site_renderer())(text)
        return self._html[text]

    def definitions(self, text: str) -> list[str]:
        return (self.renderer or site_renderer()).definitions(text)


def run_rules(records: Records, ctx: Context, *, slow: bool = False) -> list[Problem]:
    problems: list[Problem] = []
    for rule in all_rules().values():
        if rule.scope == "read" or (rule.slow and not slow):
            continue
        if rule.scope == "bank":
            try:
                problems.extend(rule.check(records, ctx))
            except Exception as err:  # a bug in a rule must not hide every other problem
                problems.append(Problem("X001", (), f"rule {rule.code} failed: "
                                        f"{type(err).__name__}: {quote(err, 200)}"))
            continue
        for doc, index, q in records.questions:
            if rule.published_only and q.is_draft:
                continue
            try:
                for path, message, needle, *key in rule.check(q, ctx):
                    problems.append(Problem(rule.code, ("questions", index, *path), message,
                                            doc, at_key=bool(key and key[0]), needle=needle))
            except Exception as err:
                problems.append(Problem("X001", ("questions", index),
                                        f"rule {rule.code} failed on this question: "
                                        f"{type(err).__name__}: {quote(err, 200)}", doc))
    return problems

"""Every Python snippet in the answers runs with the pinned libraries, and prints exactly
the output its page shows."""

from __future__ import annotations

import pytest

from scripts.bank import loader
from scripts.checks import snippets

SNIPPETS = snippets.all_snippets(loader.load(loader.DEFAULT_DATA))


def test_there_are_snippets_and_few_are_exempt() -> None:
    assert len(SNIPPETS) >= 6
    assert sum(not s.runs for s in SNIPPETS) <= max(1, len(SNIPPETS) // 10)


@pytest.mark.parametrize("snippet", [s for s in SNIPPETS if s.runs], ids=lambda s: s.name)
def test_snippet_runs_and_prints_what_the_page_shows(snippet: snippets.Snippet) -> None:
    assert snippets.check(snippet) is None, snippets.check(snippet)


def test_a_wrong_output_is_caught() -> None:
    text = 'Text.\n\n```python\nprint(1 + 1)\n```\n\n```text title="Output"\n3\n```\n'
    [snippet] = snippets.snippets_in("q", "answer", text)
    assert snippet.expected == "3\n"
    assert "printed something else" in snippets.check(snippet)


def test_an_exception_is_caught_and_output_pairs_only_when_adjacent() -> None:
    text = ('```python\nraise ValueError("boom")\n```\n\nProse between.\n\n'
            '```text title="Output"\nx\n```\n')
    [snippet] = snippets.snippets_in("q", "answer", text)
    assert snippet.expected is None
    assert "ValueError: boom" in snippets.check(snippet)

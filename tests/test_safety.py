"""Unsafe contributed text is stopped by the validator, with its line and field, and never
reaches a built page."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import loader, safety
from tests.conftest import run_build
from tests.test_loader import GOOD, second

UNSAFE = {
    "script tag": ("<script>alert(1)</script>", "<script> is not allowed"),
    "iframe": ('<iframe src="https://example.org"></iframe>', "<iframe> is not allowed"),
    "style tag": ("<style>body{display:none}</style>", "<style> is not allowed"),
    "event handler": ('<sub onclick="alert(1)">x</sub>', "event-handler attributes"),
    "unknown tag": ('<div class="x">hi</div>', "raw HTML <div> is not allowed"),
    "javascript link": ("[click](javascript:alert(1))", "'javascript:' links"),
    "data link": ("[x](data:text/html;base64,PHNjcmlwdD4=)", "'data:' links"),
    "http link": ("[x](http://example.org)", "https://, not http://"),
    "autolink": ("<http://example.org>", "https://, not http://"),
    "reference link": ("[x]\n\n[x]: javascript:alert(1)", "'javascript:' links"),
    "jinja expression": ("{{ config.site_name }}", "template syntax '{{'"),
    "jinja statement": ("{% include 'x' %}", "template syntax '{%'"),
    "html comment": ("<!-- hidden -->", "HTML comments"),
    "block fence": ("/// details | x", "may not start with '///'"),
    "page heading": ("## A second-level heading", "level-3 headings"),
}


def bank_with(snippet: str) -> str:
    indented = snippet.replace("\n", "\n      ")
    answer = f"### Intuition\n\n      A longer answer.\n\n      {indented}"
    return GOOD.replace("### Intuition\n\n      A longer answer.", answer) + second()


@pytest.mark.parametrize("name", list(UNSAFE))
def test_validator_stops_unsafe_text_at_its_line(tmp_path: Path, name: str) -> None:
    snippet, message = UNSAFE[name]
    data = tmp_path / "questions.yml"
    data.write_text(bank_with(snippet), encoding="utf-8")
    _, problems = loader.check(data)
    assert len(problems) >= 1, name
    first = problems[0]
    assert first.field == "questions[0].answer"
    assert message in first.message, str(first)
    needle_line = next(i for i, line in enumerate(data.read_text().splitlines(), 1)
                       if snippet.splitlines()[-1][:12] in line or snippet[:12] in line)
    assert first.line == needle_line, str(first)
    site = tmp_path / "site"
    result = run_build(site, data)
    assert result.returncode == 1
    assert not site.exists()


def test_the_same_text_inside_code_is_allowed(tmp_path: Path) -> None:
    inside = "`<script>` and `{{ x }}`\n\n```html\n<script>alert(1)</script>\n{{ x }}\n```"
    assert list(safety.check_markdown(inside)) == []


def test_allowed_inline_markup_passes() -> None:
    assert list(safety.check_markdown("x<sub>2</sub>, <kbd>Ctrl</kbd>, a < b > c")) == []


def test_titles_allow_no_markup_at_all() -> None:
    assert list(safety.check_markdown("Is <sub>x</sub> small?", allow_markup=False))


def test_unsafe_text_in_a_follow_up_points_at_that_field(tmp_path: Path) -> None:
    data = tmp_path / "questions.yml"
    data.write_text(GOOD.replace("{question: B?, answer: Yes.}",
                                 "{question: B?, answer: '<script>x</script>'}") + second())
    [problem] = loader.check(data)[1]
    assert (problem.field, problem.line) == ("questions[0].follow_ups[1].answer", 22)

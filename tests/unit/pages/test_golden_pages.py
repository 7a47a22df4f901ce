"""Golden tests: the Markdown of a technical and of a general question page, byte for byte.

After an intended change to the page anatomy, regenerate with
`UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/unit/pages/test_golden_pages.py` and review
the diff.
"""

from __future__ import annotations

import os

import pytest

from scripts.bank import loader
from scripts.pages import listings, question, text
from scripts.pages.links import Links
from scripts.pages.pipeline import site_renderer
from tests.conftest import FIXTURES

GOLDEN = FIXTURES / "golden"
LINKS = Links(repo_url="https://github.com/example/guide")


@pytest.mark.parametrize("question_id", ["type-1-vs-type-2-error", "explain-ml-to-a-layperson"])
def test_question_page_matches_golden(question_id: str) -> None:
    bank = loader.load(FIXTURES / "valid.yml")
    page = question.question_page(bank, bank.question(question_id), LINKS)
    golden = GOLDEN / f"{question_id}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(page, encoding="utf-8")
    assert page == golden.read_text(encoding="utf-8")


def test_topic_page_lists_its_questions_with_difficulty() -> None:
    bank = loader.load(FIXTURES / "valid.yml")
    page = listings.topic_page(bank, "statistics")
    title = text.escape("What is the difference between a Type I and a Type II error?")
    assert f"| [{title}](../questions/type-1-vs-type-2-error.md) | Easy |" in page
    assert "explain-ml-to-a-layperson" not in page


# Plain text that would be markup in each place a title is written.
HOSTILE_TITLES = [
    "a|b [c](d) *e* _f_ `g` <img src=x onerror=alert(1)> </title><script>x</script>",
    "{ onclick=alert(1) } {: #__config } {{ 7*7 }} {% x %}",
    "# not a heading\n1. not a list ~~not struck~~ ~sub~ ^sup^ $x^2$ \\(y\\) &amp; &lt;",
    "1. a list? --- --> (tm) c/o =/= 3/4",
    "--> (c) +/- 1/2 [^1] *[HTML]: no abbr ==mark== :smile: ![i](x.png)",
]


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_escaped_text_renders_as_exactly_that_text_everywhere(title: str) -> None:
    """In a heading, a link, a table cell and a paragraph, the escaped text is text: the
    HTML holds no element of its own and reads back as the original."""
    import html
    import re

    render = site_renderer()
    expected = " ".join(title.split())
    for markdown, element in (
        (f"### {text.escape(title)}", "h3"),
        (f"[{text.escape(title)}](x.md)", "a"),
        (f"| a |\n| --- |\n| {text.escape(title)} |", "td"),
        (text.escape(title), "p"),
    ):
        out = render(markdown)
        inner = re.search(rf"<{element}[^>]*>(.*?)</{element}>", out, re.S).group(1)
        inner = re.sub(r'<a class="headerlink".*?</a>', "", inner)
        assert "<" not in inner, (element, out)
        assert html.unescape(inner) == expected, (element, out)


def test_summary_is_plain_and_bounded() -> None:
    long = "The **loss** is $-\\log q$ and " + "word " * 60
    short = text.summary(long)
    assert len(short) <= 160 and short.endswith("…")
    assert "**" not in short and "$" not in short

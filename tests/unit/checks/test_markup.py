"""Hostile contributed text: every case an attacker tried against the old validator, and
more of each class. Each is rejected at its field and within the lines it occupies, and
judged on the HTML the site's own Markdown pipeline makes of it (scripts/checks/markup.py).
tests/browser/test_content_security.py builds a site from a sample of these with the checks
switched off and proves that the Content-Security-Policy still stops every script."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.checks import markup
from scripts.paths import FIGURES_DIR
from tests.banks import GOOD, check, second

FIGURE = "../assets/figures/type-errors.svg"

# name -> (Markdown in the first question's model answer, words the message must contain)
IN_ANSWER: dict[str, tuple[str, str]] = {
    # javascript: URLs the browser reassembles
    "js scheme": ("[x](javascript:alert(1))", "'javascript:' links"),
    "js upper case": ("[x](JaVaScRiPt:alert(1))", "'javascript:' links"),
    "js newline in scheme": ("[x](java\nscript:alert(1))", "'javascript:' links"),
    "js tab entity": ("[x](jav&#x09;ascript:alert(1))", "'javascript:' links"),  # codespell:ignore
    "js decimal entity": ("[x](&#106;avascript:alert(1))", "'javascript:' links"),
    "js colon entity": ("[x](javascript&colon;alert(1))", "'javascript:' links"),
    "js leading space entity": ("[x](&#32;javascript:alert(1))", "'javascript:' links"),
    "js angle brackets": ("[x](<javascript:alert(1)>)", "'javascript:' links"),
    "js autolink": ("<javascript:alert(1)>", "not allowed"),
    "vbscript": ("[x](vbscript:msgbox(1))", "'vbscript:' links"),
    "data url": ("[x](data:text/html;base64,PHNjcmlwdD4=)", "'data:' links"),
    "http link": ("[x](http://example.org)", "https://, not http://"),
    "http autolink": ("<http://example.org>", "https://, not http://"),
    "protocol relative": ("[x](//evil.example/x)", "protocol-relative"),
    "site absolute": ("[x](/etc/passwd)", "link is https://"),
    "backslash host": ("[x](https:\\\\evil.example)", "backslash"),
    "https without host": ("[x](https:///path)", "needs a host"),
    "credentials": ("[x](https://user:pw@evil.example)", "needs a host"),
    # link reference definitions hidden in containers
    "definition": ("[x][e]\n\n[e]: javascript:alert(1)", "'javascript:' links"),
    "definition in a quote": ("[x][e]\n\n> [e]: javascript:alert(1)", "'javascript:' links"),
    "definition in a list": ("[x][e]\n\n- item\n\n    [e]: javascript:alert(1)", "javascript"),
    "definition in an admonition": ('[x][e]\n\n!!! note\n    [e]: javascript:alert(1)',
                                    "javascript"),
    "definition in a footnote": ("[x][e] and [^1]\n\n[^1]: note\n    [e]: javascript:alert(1)",
                                 "definition"),
    "definition in a def list": ("[x][e]\n\nterm\n:   [e]: javascript:alert(1)", "javascript"),
    "safe definition still refused": ("[x][e]\n\n[e]: https://example.org", "definition"),
    "footnote definition": ("text[^n]\n\n[^n]: a note", "definition [^n]:"),
    # raw HTML the old checker missed
    "svg onload": ("<svg/onload=alert(1)>", "<svg> is not allowed"),
    "img slash onerror": ("<img/src/onerror=alert(1)>", "not allowed on <img>"),
    "img onerror": ('<img src="x" onerror="alert(1)">', "not allowed on <img>"),
    "script": ("<script>alert(1)</script>", "<script> is not allowed"),
    "iframe": ('<iframe src="https://example.org"></iframe>', "<iframe> is not allowed"),
    "style": ("<style>body{display:none}</style>", "<style> is not allowed"),
    "details ontoggle": ("<details open ontoggle=alert(1)>x</details>", "<details>"),
    "math": ("<math><mi>x</mi></math>", "<math> is not allowed"),
    "object": ('<object data="x.swf"></object>', "<object> is not allowed"),
    "embed": ('<embed src="x">', "<embed> is not allowed"),
    "form": ('<form action="https://evil.example"><button>go</button></form>', "<form>"),
    "input autofocus": ("<input autofocus onfocus=alert(1)>", "<input> is not allowed"),
    "video source": ("<video><source onerror=alert(1)></video>", "<video> is not allowed"),
    "base": ('<base href="https://evil.example/">', "<base> is not allowed"),
    "meta refresh": ('<meta http-equiv="refresh" content="0;url=https://x.example">', "<meta>"),
    "link element": ('<link rel="stylesheet" href="https://x.example/a.css">', "<link>"),
    "event on allowed tag": ('<sub onclick="alert(1)">x</sub>', "event-handler attributes"),
    "div": ('<div class="x">hi</div>', "the class 'x' is not allowed on <div>"),
    "html comment": ("<!-- hidden -->", "comments"),
    "backticks across paragraphs": (
        "A GPU at 2` per hour.\n\n<img src=x onload=alert(1)>\n\nAnother 3` per request.",
        "not allowed on <img>"),
    "escaped backticks": ("\\`<img src=x onerror=alert(1)>\\`", "not allowed on <img>"),
    "md in html": ('<div markdown="1">\n[x](javascript:alert(1))\n</div>', "javascript"),
    # attribute lists
    "attr onclick": ("Text\n{ onclick=alert(1) }", "event-handler attributes"),
    "attr brace in value": ('Text\n{ onclick="a}" }', "event-handler attributes"),
    "attr jinja in value": ('Text\n{ onclick="{{x}}" }', "event-handler attributes"),
    "attr on heading": ("### Heading { onmouseover=alert(1) }", "event-handler attributes"),
    "attr style": ('Text\n{ style="display:none" }', "'style'"),
    "attr href override": ("[x](https://ok.example){ href=javascript:alert(1) }",
                           "'javascript:' links"),
    "attr src override": (f"![a figure]({FIGURE}){{ src=https://evil.example/x.png }}",
                          "images from other sites"),
    "attr data-guide": ('Text\n{ data-guide="progress-transfer" }', "'data-guide'"),
    "attr config id": ("Text\n{ #__config }", "'id' is not allowed on <p>"),
    "attr config id on a heading": ("### Heading { #__config }", "the id '__config'"),
    "attr block id on a heading": ("### Heading { #short-answer }",
                                   "belongs to the page's own blocks"),
    "attr reserved class": ("Text\n{ .md-button }", "the class 'md-button' is not allowed"),
    # images
    "remote image": ("![a](https://evil.example/x.png)", "images from other sites"),
    "image without alt": (f"![]({FIGURE})", "needs alt text"),
    "missing figure": ("![a](../assets/figures/none.svg)", "no figure 'none.svg'"),
    # structure of the page
    "block fence": ("/// details | x", "may not start with '///'"),
    "indented block fence": ("   ///// html | div", "may not start with '///'"),
    "level-2 heading": ("## A second-level heading", "level-2 heading"),
    "setext heading": ("A heading\n=========", "level-1 heading"),
    "jinja expression": ("{{ config.site_name }}", "template syntax '{{'"),
    "jinja statement": ("{% include 'x' %}", "template syntax '{%'"),
    # characters that are not text (YAML lets a bidi override through, not a C0 control)
    "bidi override": ("abc \u202edcba", "control character U+202E"),
}


def bank_with(markdown: str) -> tuple[str, int, int]:
    """GOOD with `markdown` at the end of its first answer; the bank's text and the first
    and last line the Markdown occupies."""
    lines = markdown.split("\n")
    indented = "\n".join(("      " + line) if line else "" for line in lines)
    text = GOOD.replace("      A longer answer.\n", f"      A longer answer.\n\n{indented}\n")
    first = GOOD.splitlines().index("      A longer answer.") + 3
    return text + second(), first, first + len(lines) - 1


def test_the_corpus_covers_every_class_of_the_attack() -> None:
    assert len(IN_ANSWER) + len(IN_OTHER_FIELDS) >= 60


@pytest.mark.parametrize("name", list(IN_ANSWER))
def test_hostile_markdown_is_rejected_at_its_field_and_line(tmp_path: Path, name: str) -> None:
    markdown, words = IN_ANSWER[name]
    text, first, last = bank_with(markdown)
    problems = check(tmp_path, text)
    assert problems, f"{name}: accepted"
    assert all(p.field == "questions[0].answer" for p in problems), problems
    assert any(words in p.message for p in problems), [str(p) for p in problems]
    assert all(first - 2 <= p.line <= last for p in problems), [str(p) for p in problems]


# name -> (text to replace in GOOD, its replacement, field, words)
IN_OTHER_FIELDS: dict[str, tuple[str, str, str, str]] = {
    "follow-up answer": ("{question: B?, answer: Yes.}",
                         "{question: B?, answer: '<img/src/onerror=alert(1)>'}",
                         "questions[0].follow_ups[1].answer", "not allowed on <img>"),
    "follow-up question": ("{question: B?, answer: Yes.}",
                           "{question: '<svg/onload=alert(1)>', answer: Yes.}",
                           "questions[0].follow_ups[1].question", "<svg>"),
    "mistake": ("- mistake: One.", "- mistake: '[x](javascript:alert(1))'",
                "questions[0].mistakes[0].mistake", "'javascript:' links"),
    "why": ("  why: Because.\n      - mistake: Two.",
            "  why: '<img src=x onerror=alert(1)>'\n      - mistake: Two.",
            "questions[0].mistakes[0].why", "not allowed on <img>"),
    "tips": ("tips: Say it clearly.", "tips: |-\n      Say it.\n      { onclick=alert(1) }",
             "questions[0].tips", "event-handler"),
    "short answer": ("short_answer: A short answer.",
                     "short_answer: '\"><script>alert(1)</script>'",
                     "questions[0].short_answer", "<script>"),
    "reference url closing paren": ("url: https://example.org/book",
                                    "url: 'https://example.org/book)<img/src/onerror=alert(1)>'",
                                    "questions[0].references[0].url", "may not hold"),
    "reference url attr list": ("url: https://example.org/book",
                                "url: 'https://example.org/b){onclick=alert(1)}'",
                                "questions[0].references[0].url", "may not hold"),
    "reference url javascript": ("url: https://example.org/book", "url: 'javascript:alert(1)'",
                                 "questions[0].references[0].url", "https:// URL"),
    "reference url protocol relative": ("url: https://example.org/book",
                                        "url: //evil.example/x",
                                        "questions[0].references[0].url", "https:// URL"),
    "control character in a title": ("title: What is the first question?",
                                     'title: "What is \\e[2Jthe first question?"',
                                     "questions[0].title", "control character"),
}


@pytest.mark.parametrize("name", list(IN_OTHER_FIELDS))
def test_hostile_text_in_other_fields_is_rejected_there(tmp_path: Path, name: str) -> None:
    old, new, field, words = IN_OTHER_FIELDS[name]
    assert old in GOOD
    text = GOOD.replace(old, new, 1)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if new.split("\n")[0] in row)
    problems = check(tmp_path, text + second())
    assert problems and {p.field for p in problems} == {field}, [str(p) for p in problems]
    assert any(words in p.message for p in problems), [str(p) for p in problems]
    rows = len(new.split("\n"))
    assert all(line <= p.line < line + rows for p in problems), [str(p) for p in problems]


@pytest.mark.parametrize("markdown", [
    "`<script>alert(1)</script>` and `{{ x }}` in code",
    "```html\n<script>alert(1)</script>\n{{ x }}\n```",
    "```python {onclick=alert(1)}\n<img src=x onerror=alert(1)>\n```",
    "x<sub>2</sub>, <kbd>Ctrl</kbd>, a < b > c, H~2~O, ~~old~~",
    "[a question](other-question.md), [a part](other-question.md#model-answer), [top](#x)",
    "[docs](https://docs.python.org/3/library/re.html#re.sub)",
    f"![Two bell curves with both error areas shaded]({FIGURE})",
    "| a | b |\n| :-- | --: |\n| 1 | 2 |",
    "!!! note\n    An admonition.",
    "Math: $\\alpha < \\beta$ and\n\n$$\nx^2\n$$",
])
def test_safe_markdown_passes(tmp_path: Path, markdown: str) -> None:
    text, _, _ = bank_with(markdown)
    assert check(tmp_path, text) == []


def test_nothing_accepted_differs_from_its_sanitised_form() -> None:
    """For every Markdown field of the real bank, nh3 keeps the HTML exactly as it is."""
    from scripts.bank import loader
    from scripts.pages.pipeline import site_renderer

    render = site_renderer()
    for q in loader.load(loader.DEFAULT_DATA):
        for field in q.text_fields():
            if field.markdown:
                html = render(field.text)
                assert markup._tokens(markup.sanitised(html, FIGURES_DIR)).tokens \
                    == markup._tokens(html).tokens, (q.id, field.path)


@pytest.mark.parametrize("control", ["\x1b[31m", "\x00", "\x07"])
def test_raw_control_characters_are_not_even_yaml(tmp_path: Path, control: str) -> None:
    text, first, _last = bank_with(f"red {control}text")
    problems = check(tmp_path, text)
    assert [(p.field, p.code) for p in problems] == [("(yaml)", "F004")], problems
    assert problems[0].line == first


@pytest.mark.parametrize(("url", "ok"), [
    ("https://a.example/x", True), ("#anchor", True), ("other-id.md", True),
    ("other-id.md#model-answer", True), ("../topics/rag.md", True),
    ("java\tscript:alert(1)", False), ("\x01javascript:alert(1)", False),
    ("  https://a.example", True), ("//a.example", False), ("mailto:a@b.c", False),
    ("ftp://a.example", False), ("x.html", False),
])
def test_urls_are_read_as_browsers_read_them(url: str, ok: bool) -> None:
    assert (markup.url_problem(url) is None) is ok

"""Rules on contributed text itself, whatever it renders to."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

from scripts.bank.models import Question
from scripts.checks.registry import question_rule

# C0 controls but tab and newline, DEL, C1 controls, the Unicode line and paragraph
# separators, and the bidirectional overrides and isolates that can make text read
# differently from what it holds ("Trojan source").
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


@question_rule("H005", "a control character in text")
def no_control_characters(q: Question, ctx) -> Iterator[tuple]:
    for field in q.text_fields():
        match = _CONTROL.search(field.text)
        if match:
            yield field.path, (f"the control character U+{ord(match.group(0)):04X} is not "
                               "allowed in text"), match.group(0)


_BLOCK_FENCE = re.compile(r"^ {0,3}/{3,}", re.M)


@question_rule("H004", "a line starting with '///' (it would end the answer's block)")
def no_block_fence(q: Question, ctx) -> Iterator[tuple]:
    for field in q.text_fields():
        if field.markdown:
            for match in _BLOCK_FENCE.finditer(field.text):
                yield field.path, ("a line may not start with '///': it would end the block "
                                   "around the answer"), match.group(0).strip()


class _ProseText(HTMLParser):
    """The text of rendered HTML outside code."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in {"code", "pre"}:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in {"code", "pre"} and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


_TEMPLATE = re.compile(r"\{\{|\{%|\{#|%\}|#\}")


@question_rule("H003", "template syntax ({{ or {%) outside code")
def no_template_syntax(q: Question, ctx) -> Iterator[tuple]:
    for field in q.text_fields():
        if not field.markdown:
            continue
        parser = _ProseText()
        parser.feed(ctx.html(field.text))
        match = _TEMPLATE.search("".join(parser.parts))
        if match:
            yield field.path, (f"template syntax '{match.group(0)}' is not allowed outside code "
                               "(write it inside backticks)"), match.group(0)

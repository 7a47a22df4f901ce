"""The Python snippets of the answers: found, run, and compared with the output the page
shows.

A snippet is a ```python block. When the next block is ```text title="Output", that block is
what the snippet must print, exactly. A snippet that must not run starts with the line
`# not run: <reason>`; keep that rare.
"""

from __future__ import annotations

import contextlib
import io
import re
import traceback
from dataclasses import dataclass
from typing import Any

from scripts.bank.models import Question
from scripts.checks.problems import field_path

_BLOCK = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,})(?P<info>[^\n`]*)\n"
    r"(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
    re.M | re.S,
)
NOT_RUN = "# not run:"


@dataclass(frozen=True)
class Snippet:
    question_id: str
    field_path: tuple[Any, ...]
    index: int  # position among the field's Python blocks
    code: str
    expected: str | None  # None: the page shows no output

    @property
    def field(self) -> str:
        return field_path(self.field_path)

    @property
    def name(self) -> str:
        return f"{self.question_id}.{self.field}#{self.index}"

    @property
    def runs(self) -> bool:
        return not self.code.lstrip().startswith(NOT_RUN)


def _dedent(body: str, indent: str) -> str:
    return "".join(line[len(indent):] if line.startswith(indent) else line
                   for line in body.splitlines(True))


def snippets_in(question_id: str, path: tuple[Any, ...] | str, text: str) -> list[Snippet]:
    if isinstance(path, str):
        path = (path,)
    blocks = [(m.group("info").strip(), _dedent(m.group("body"), m.group("indent")), m)
              for m in _BLOCK.finditer(text)]
    found = []
    for i, (info, body, match) in enumerate(blocks):
        if info.split()[:1] != ["python"]:
            continue
        expected = None
        if i + 1 < len(blocks):
            next_info, next_body, next_match = blocks[i + 1]
            between = text[match.end():next_match.start()]
            if next_info.startswith("text") and 'title="Output"' in next_info \
                    and not between.strip():
                expected = next_body
        found.append(Snippet(question_id, tuple(path), len(found), body, expected))
    return found


def snippets_of(q: Question) -> list[Snippet]:
    found = []
    for field in q.text_fields():
        if field.markdown:
            found += snippets_in(q.id, field.path, field.text)
    return found


def all_snippets(questions) -> list[Snippet]:
    return [s for q in questions for s in snippets_of(q)]


def run(snippet: Snippet) -> tuple[str, str | None]:
    """(stdout, error) of one snippet, in a fresh namespace of this process."""
    out = io.StringIO()
    error = None
    namespace = {"__name__": "__main__"}
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(snippet.code, snippet.name, "exec"), namespace)
    except Exception:
        error = traceback.format_exc()
    return out.getvalue(), error


def check(snippet: Snippet) -> str | None:
    """None when the snippet runs and prints what the page shows; else what went wrong."""
    stdout, error = run(snippet)
    if error:
        return f"{snippet.name} raised:\n{error}"
    if snippet.expected is not None and stdout.rstrip() != snippet.expected.rstrip():
        return (f"{snippet.name} printed something else than the page shows.\n"
                f"--- page\n{snippet.expected}--- printed\n{stdout}")
    return None

"""A problem found in the data, and how it is told to a person and to GitHub Actions.

Messages quote the data file (a field name, a value), and the data file is contributed
text: every quoted piece is made printable (`quote`), so no input can add a line of its own
to the report, move the cursor with an escape sequence, or start a GitHub workflow command
(`::warning ...`), which Actions runs from any line of a job's output."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def quote(text: Any, limit: int = 80) -> str:
    """Contributed text made safe to print on one line: control characters (newlines and
    escape sequences included) shown as escapes, and long text cut."""
    text = str(text)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


@dataclass(frozen=True)
class Problem:
    """One problem, placed by its path inside one document of the bank."""

    code: str
    path: tuple[Any, ...]
    message: str
    doc: int = 0  # which data file, for a bank split over several
    at_key: bool = False  # point at the key itself (unknown or duplicated fields)
    # Text to find inside a long value for the problem's exact line; several candidates are
    # tried in order (the HTML's decoded value may not stand in the source as it is).
    needle: str | tuple[str, ...] | None = None


def field_path(path: tuple[Any, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return quote(out or "(document)", 200)


@dataclass(frozen=True, order=True)
class Located:
    """A problem pinned to a file, a 1-based line and column, and a field path."""

    file: str
    line: int
    col: int
    field: str
    message: str
    code: str = field(default="")

    def __str__(self) -> str:
        code = f" [{self.code}]" if self.code else ""
        return f"{self.file}:{self.line}:{self.col}: {self.field}: {quote(self.message, 400)}{code}"

    def github_annotation(self) -> str:
        """An `::error` workflow command: GitHub shows it on the pull request's diff. Its
        properties and message are escaped as the Actions toolkit escapes them."""
        def data(text: str) -> str:
            return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

        def prop(text: str) -> str:
            return data(text).replace(":", "%3A").replace(",", "%2C")

        title = f"{self.field} [{self.code}]" if self.code else self.field
        return (f"::error file={prop(self.file)},line={self.line},col={self.col},"
                f"title={prop(title)}::{data(quote(self.message, 400))}")


MAX_REPORTED = 200


def report(problems: list[Located], *, annotations: bool = False,
           limit: int = MAX_REPORTED) -> list[str]:
    """The lines a person reads: one per problem, at most `limit`, then a count of the rest."""
    lines = []
    for problem in problems[:limit]:
        lines.append(str(problem))
        if annotations:
            lines.append(problem.github_annotation())
    if len(problems) > limit:
        lines.append(f"... and {len(problems) - limit} more problem(s) not shown; fix these "
                     "first")
    return lines

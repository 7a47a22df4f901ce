"""Read a data file as YAML that cannot hurt the reader: the structure is checked on
libyaml's event stream before anything is built, so no input can make the validator run out
of memory, recurse without end or fail with a traceback.

Refused, each as a located problem: anchors and aliases (a 1 KB "billion laughs" would expand
to gigabytes), merge keys (`<<`), explicit tags (`!!python/...` and every other), nesting
deeper than MAX_DEPTH, a file over MAX_BYTES, a value over MAX_SCALAR characters, dates and
times that do not exist (`2026-02-30`) and integers too long to convert. A bank never needs
any of these; a contributor who writes one learns what to write instead.

Two readers build the document once the stream is safe: ruamel.yaml's round trip keeps the
line and column of every node (`read_located`, what the validator uses), libyaml's C loader
is several times faster (`read_fast`, what a build uses on a bank that has already passed).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

MAX_BYTES = 8 * 1024 * 1024  # about 650 questions; split a larger bank into several files
MAX_DEPTH = 24  # a question nests 4 deep
MAX_SCALAR = 100_000  # characters in one value; the longest answers hold about 10,000
MAX_DIGITS = 50

_CLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAB_INDENT = re.compile(r"^ *\t")
# What YAML 1.1 reads as a timestamp or an integer when unquoted (PyYAML's resolver).
_TIMESTAMP = re.compile(
    r"^(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})"
    r"(?:(?:[Tt]|[ \t]+)(?P<H>[0-9]{1,2}):(?P<M>[0-9]{2}):(?P<S>[0-9]{2})(?:\.[0-9]*)?"
    r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::?[0-9]{2})?))?)?$"
)
_INTEGER = re.compile(r"^[-+]?[0-9][0-9_]*$")


@dataclass(frozen=True)
class ReadProblem:
    """A problem found while reading, before any field has a meaning."""

    code: str
    line: int  # 1-based
    col: int
    message: str


@dataclass
class Document:
    """One data file, read: plain Python data, and where each node stands in the file."""

    display: str
    text: str
    data: Any
    # (path inside the document, point at the key?) -> 1-based (line, col)
    position: Callable[[tuple[Any, ...], bool], tuple[int, int]] = field(repr=False)

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    def text_position(self, path: tuple[Any, ...], needle: str) -> tuple[int, int] | None:
        """Where `needle` first stands in the file at or after the start of the value at
        `path`, so a problem inside a multi-line answer points at its own line."""
        line, _ = self.position(path, False)
        lowered = needle.casefold()
        lines = self.lines
        for number in range(max(0, line - 1), len(lines)):
            col = lines[number].casefold().find(lowered)
            if col >= 0:
                return number + 1, col + 1
        return None


def _mark(event: Any) -> tuple[int, int]:
    mark = event.start_mark
    return mark.line + 1, mark.column + 1


def _scalar_problem(value: str) -> tuple[str, str] | None:
    if len(value) > MAX_SCALAR:
        return "F011", (f"a value of {len(value):,} characters is longer than the "
                        f"{MAX_SCALAR:,} allowed")
    if match := _TIMESTAMP.match(value):
        try:
            parts = {k: int(v) for k, v in match.groupdict().items() if v is not None}
            dt.datetime(parts["y"], parts["m"], parts["d"], parts.get("H", 0),
                        parts.get("M", 0), parts.get("S", 0))
        except ValueError as err:
            return "F012", f"'{value[:40]}' is not a real date or time ({err})"
    elif _INTEGER.match(value) and len(value.replace("_", "").lstrip("+-")) > MAX_DIGITS:
        return "F013", (f"a number of {len(value)} digits is too long; quote it if it is text")
    return None


def guard(text: str) -> list[ReadProblem]:
    """Every structural problem of a YAML text, from its event stream alone. Stops at the
    first problem that makes the rest of the stream unsafe to walk (too deep)."""
    problems: list[ReadProblem] = []
    # One frame per open collection: [is_mapping, items seen]; a mapping alternates key, value.
    stack: list[list[Any]] = []
    try:
        for event in yaml.parse(text, Loader=_CLoader):
            line, col = _mark(event)
            if isinstance(event, yaml.AliasEvent):
                problems.append(ReadProblem("F006", line, col, (
                    f"alias '*{event.anchor}' is not allowed: write the value out in full")))
                _advance(stack)
                continue
            if isinstance(event, (yaml.ScalarEvent, yaml.SequenceStartEvent,
                                  yaml.MappingStartEvent)):
                if event.anchor is not None:
                    problems.append(ReadProblem("F006", line, col, (
                        f"anchor '&{event.anchor}' is not allowed: the bank repeats nothing "
                        "by reference")))
                if event.tag is not None and event.tag != "!":
                    problems.append(ReadProblem("F008", line, col, (
                        f"the tag '{_short_tag(event.tag)}' is not allowed: write plain "
                        "values")))
            if isinstance(event, yaml.ScalarEvent):
                is_key = bool(stack) and stack[-1][0] and stack[-1][1] % 2 == 0
                plain = not event.style  # libyaml gives "" for plain, the pure parser None
                if is_key and event.value == "<<" and plain:
                    problems.append(ReadProblem("F007", line, col, (
                        "merge keys ('<<') are not allowed: write every field out")))
                elif plain:
                    found = _scalar_problem(event.value)
                    if found:
                        problems.append(ReadProblem(found[0], line, col, found[1]))
                elif len(event.value) > MAX_SCALAR:
                    problems.append(ReadProblem("F011", line, col, (
                        f"a value of {len(event.value):,} characters is longer than the "
                        f"{MAX_SCALAR:,} allowed")))
                _advance(stack)
            elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                if len(stack) >= MAX_DEPTH:
                    problems.append(ReadProblem("F009", line, col, (
                        f"nested more than {MAX_DEPTH} levels deep; a question needs 4")))
                    return problems
                stack.append([isinstance(event, yaml.MappingStartEvent), 0])
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                stack.pop()
                _advance(stack)
    except yaml.YAMLError as err:
        # libyaml stops at 1,000 open brackets: too deep, whatever else the file holds.
        if "maximum nesting depth" in str(err):
            mark = getattr(err, "problem_mark", None)
            problems.append(ReadProblem("F009", mark.line + 1 if mark else 1,
                                        mark.column + 1 if mark else 1,
                                        f"nested more than {MAX_DEPTH} levels deep; a "
                                        "question needs 4"))
        # Any other syntax error is reported, with ruamel.yaml's wording and position, by
        # the located reader.
    return problems


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org") else tag


def _advance(stack: list[list[Any]]) -> None:
    if stack:
        stack[-1][1] += 1


def _text(path: Path, display: str) -> tuple[str | None, list[ReadProblem]]:
    size = path.stat().st_size
    if size > MAX_BYTES:
        return None, [ReadProblem("F010", 1, 1, (
            f"the file is {size / 2**20:.1f} MiB, over the {MAX_BYTES // 2**20} MiB a data file "
            "may hold: split the bank into several files in one folder"))]
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        return None, [ReadProblem("F001", 1, 1, f"not UTF-8 text: {err.reason}")]
    if not text.strip():
        return None, [ReadProblem("F002", 1, 1, (
            "the file is empty: expected a mapping with a 'questions' list"))]
    tabs = [ReadProblem("F003", n, line.index("\t") + 1,
                        "tab character in indentation: YAML indents with spaces only")
            for n, line in enumerate(text.splitlines(), start=1) if _TAB_INDENT.match(line)]
    if tabs:
        return None, tabs
    return text, guard(text)


def read_located(path: Path, display: str) -> tuple[Document | None, list[ReadProblem]]:
    """The document with every node's position (ruamel.yaml's round trip), or the problems
    that stop it from being read."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    text, problems = _text(path, display)
    if text is None or problems:
        return None, problems
    try:
        data = YAML(typ="rt").load(text)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(filter(None, [err.context, err.problem])) or str(err)
        return None, [ReadProblem("F004", line, col, f"invalid YAML: {message}")]
    except (YAMLError, ValueError, RecursionError) as err:
        # ruamel.yaml's reader reports a character YAML forbids by its offset in the text.
        offset = getattr(err, "position", None)
        line, col = (1, 1)
        if isinstance(offset, int):
            before = text[:offset]
            line, col = before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1
        reason = getattr(err, "reason", None) or str(err).splitlines()[0]
        return None, [ReadProblem("F004", line, col, f"invalid YAML: {reason}")]

    def position(path: tuple[Any, ...], at_key: bool) -> tuple[int, int]:
        node, line, col = data, 0, 0
        for depth, part in enumerate(path):
            last = depth == len(path) - 1
            if isinstance(node, CommentedMap) and part in node:
                line, col = node.lc.key(part) if (last and at_key) else node.lc.value(part)
                node = node[part]
            elif isinstance(node, CommentedSeq) and isinstance(part, int) and part < len(node):
                line, col = node.lc.item(part)
                node = node[part]
            else:
                # A missing key: point at the collection that should hold it.
                if isinstance(node, (CommentedMap, CommentedSeq)) and node.lc.line is not None:
                    line, col = node.lc.line, node.lc.col
                break
        return line + 1, col + 1

    return Document(display, text, _plain(data), position), []


def read_fast(path: Path, display: str) -> tuple[Document | None, list[ReadProblem]]:
    """The document through libyaml's C loader, without positions, or the problems that stop
    it from being read (the same guard as `read_located`)."""
    text, problems = _text(path, display)
    if text is None or problems:
        return None, problems
    try:
        data = yaml.load(text, Loader=_NoDuplicateKeys)
    except yaml.YAMLError as err:
        return None, [ReadProblem("F004", 1, 1, f"invalid YAML: {err}")]
    return Document(display, text, data, lambda path, at_key: (1, 1)), []


class _NoDuplicateKeys(_CLoader):
    """libyaml's loader read as ruamel.yaml reads YAML 1.2: duplicate keys refused, and only
    true and false are booleans (YAML 1.1 also reads yes, no, on and off as booleans)."""

    def construct_mapping(self, node, deep=False):
        keys = [self.construct_object(key, deep=True) for key, _ in node.value]
        if len(keys) != len(set(map(str, keys))):
            raise yaml.constructor.ConstructorError(None, None, "duplicate key", node.start_mark)
        return super().construct_mapping(node, deep=deep)


def _plain(value: Any) -> Any:
    """ruamel's round-trip types as plain Python (dict, list, str, ...), as libyaml gives."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    if isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day, value.hour, value.minute,
                           value.second)
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return value


_NoDuplicateKeys.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in _CLoader.yaml_implicit_resolvers.items()
}
for _first in "tTfF":
    _NoDuplicateKeys.yaml_implicit_resolvers.setdefault(_first, []).append(
        ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")))

"""Read the data file into validated models, or report every problem with its place.

Each problem becomes one line `PATH:LINE:COL: field.path: message`. The loader never stops
at the first problem: YAML that parses is checked question by question, then across
questions, so a contributor sees everything that needs fixing in one run.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from scripts import safety
from scripts.models import Problem, Question, answer_standard, cross_check

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT / "data" / "questions.yml"


@dataclass(frozen=True, order=True)
class Located:
    """A problem pinned to a file, a 1-based line and column, and a field path."""

    file: str
    line: int
    col: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.field}: {self.message}"

    def github_annotation(self) -> str:
        # GitHub turns this line into an inline comment on the pull request's diff.
        message = self.message.replace("%", "%25").replace("\n", "%0A")
        return (
            f"::error file={self.file},line={self.line},col={self.col},"
            f"title={self.field}::{message}"
        )


class BankError(Exception):
    """Raised with every problem found; str() is the report a person reads."""

    def __init__(self, problems: list[Located]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def field_path(path: tuple[Any, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(document)"


class _Document:
    """A parsed YAML file with the positions ruamel.yaml keeps for every node."""

    def __init__(self, display: str, text: str, data: Any):
        self.display = display
        self.lines = text.splitlines()
        self.data = data

    def locate(self, problem: Problem) -> Located:
        line, col = self._position(problem.path, problem.at_key)
        return Located(self.display, line + 1, col + 1, field_path(problem.path), problem.message)

    def _position(self, path: tuple[Any, ...], at_key: bool) -> tuple[int, int]:
        node = self.data
        line, col = 0, 0
        for depth, part in enumerate(path):
            last = depth == len(path) - 1
            if isinstance(node, CommentedMap) and part in node:
                line, col = node.lc.key(part) if (last and at_key) else node.lc.value(part)
                node = node[part]
            elif isinstance(node, CommentedSeq) and isinstance(part, int) and part < len(node):
                line, col = node.lc.item(part)
                node = node[part]
            elif isinstance(node, (CommentedMap, CommentedSeq)):
                # A missing key: point at the mapping that should hold it.
                line, col = _start_of(node, line, col)
                break
            else:
                break
        return line, col

    def text_position(self, path: tuple[Any, ...], needle: str) -> tuple[int, int] | None:
        """Where `needle` stands in the file, searching from the start of the value at
        `path`: problems inside a multi-line answer point at their own line."""
        line, _ = self._position(path, at_key=False)
        lowered = needle.casefold()
        for number in range(line, len(self.lines)):
            col = self.lines[number].casefold().find(lowered)
            if col >= 0:
                return number, col
        return None


def _start_of(node: CommentedMap | CommentedSeq, line: int, col: int) -> tuple[int, int]:
    if getattr(node, "lc", None) is not None and node.lc.line is not None:
        return node.lc.line, node.lc.col
    return line, col


def _display_path(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


_TAB_INDENT = re.compile(r"^ *\t")


def _parse(path: Path) -> tuple[_Document | None, list[Located]]:
    display = _display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        return None, [Located(display, 1, 1, "(document)", f"not UTF-8 text: {err.reason}")]
    if not text.strip():
        return None, [Located(
            display, 1, 1, "(document)",
            "the file is empty: expected a mapping with a 'questions' list",
        )]
    tabs = [
        Located(display, n, line.index("\t") + 1, "(indentation)",
                "tab character in indentation: YAML indents with spaces only")
        for n, line in enumerate(text.splitlines(), start=1)
        if _TAB_INDENT.match(line)
    ]
    if tabs:
        return None, tabs
    yaml = YAML(typ="rt")
    try:
        data = yaml.load(text)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(filter(None, [err.context, err.problem])) or str(err)
        return None, [Located(display, line, col, "(yaml)", f"invalid YAML: {message}")]
    doc = _Document(display, text, data)
    if not isinstance(data, CommentedMap):
        kind = "a list" if isinstance(data, CommentedSeq) else f"'{type(data).__name__}'"
        return None, [Located(
            display, 1, 1, "(document)",
            f"the top level must be a mapping with a 'questions' list, not {kind}",
        )]
    return doc, []


def _pydantic_problems(index: int, err: ValidationError) -> list[Problem]:
    problems = []
    for e in err.errors(include_url=False):
        path = ("questions", index, *e["loc"])
        kind = e["type"]
        if kind == "missing":
            problems.append(Problem(path, f"missing required field '{e['loc'][-1]}'"))
        elif kind == "extra_forbidden":
            problems.append(Problem(path, f"unknown field '{e['loc'][-1]}'", at_key=True))
        elif kind == "string_pattern_mismatch" and e["loc"][-1] == "url":
            problems.append(Problem(path, "must be an https:// URL"))
        elif kind == "string_pattern_mismatch" and "aliases" in e["loc"]:
            problems.append(Problem(path, "an alias is one line without ';'"))
        elif kind == "string_pattern_mismatch":
            problems.append(Problem(
                path, "must be a slug: lowercase letters and digits joined by single hyphens"
            ))
        else:
            problems.append(Problem(path, e["msg"]))
    return problems


def _plain(value: Any) -> Any:
    """ruamel's round-trip types to plain Python, for pydantic."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


def _raw_ids(doc: _Document) -> set[str]:
    items = doc.data.get("questions")
    if not isinstance(items, CommentedSeq):
        return set()
    return {str(item.get("id")) for item in items if isinstance(item, CommentedMap)}


def _check_document(
    doc: _Document, known_ids: set[str]
) -> tuple[list[tuple[int, Question]], list[Located]]:
    data = doc.data
    problems: list[Problem] = []
    for key in data:
        if key != "questions":
            problems.append(Problem((key,), f"unknown top-level field '{key}'", at_key=True))
    items = data.get("questions")
    if not isinstance(items, CommentedSeq):
        problems.append(Problem(("questions",), "'questions' must be a list of questions"))
        return [], sorted(doc.locate(p) for p in problems)

    valid: list[tuple[int, Question]] = []
    for index, item in enumerate(items):
        if not isinstance(item, CommentedMap):
            problems.append(Problem(("questions", index), "each question must be a mapping"))
            continue
        try:
            valid.append((index, Question.model_validate(_plain(item))))
        except ValidationError as err:
            problems.extend(_pydantic_problems(index, err))
    problems.extend(cross_check(valid, known_ids))
    problems.extend(answer_standard(valid))

    located = [doc.locate(p) for p in problems]
    for index, question in valid:
        for finding in safety.check_question(question):
            path = ("questions", index, *finding.path)
            place = doc.text_position(path, finding.needle)
            base = doc.locate(Problem(path, finding.message))
            if place is not None:
                base = Located(base.file, place[0] + 1, place[1] + 1, base.field, base.message)
            located.append(base)
    return valid, sorted(located)


def data_files(path: Path) -> list[Path]:
    """A data file, or every `*.yml` file of a folder (so the bank can be split later)."""
    if path.is_dir():
        return sorted(path.glob("*.yml"))
    return [path]


def check(path: Path = DEFAULT_DATA) -> tuple[list[Question], list[Located]]:
    """Every valid question and every problem, across one file or a folder of files."""
    files = data_files(Path(path))
    if not files:
        return [], [Located(_display_path(Path(path)), 1, 1, "(document)", "no *.yml files")]
    questions: list[tuple[int, Question]] = []
    problems: list[Located] = []
    docs = []
    for file in files:
        if not file.exists():
            problems.append(Located(_display_path(file), 1, 1, "(document)", "file not found"))
            continue
        doc, parse_problems = _parse(file)
        problems.extend(parse_problems)
        if doc is not None:
            docs.append(doc)
    # `related` may point at a question of another file of the same bank.
    known_ids = set().union(*(_raw_ids(doc) for doc in docs))
    for doc in docs:
        found, more = _check_document(doc, known_ids)
        questions.extend(found)
        problems.extend(more)
    if len(files) > 1:
        # Ids and titles must be unique across files too.
        ids = [q.id for _, q in questions]
        for q_id in sorted({i for i in ids if ids.count(i) > 1}):
            problems.append(Located(
                _display_path(Path(path)), 1, 1, "questions", f"id '{q_id}' is used in two files"
            ))
    return [q for _, q in questions], problems


def load(path: Path = DEFAULT_DATA) -> list[Question]:
    """The validated questions, in file order; raises BankError listing every problem."""
    questions, problems = check(path)
    if problems:
        raise BankError(problems)
    return questions


class _FastLoader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):
    """libyaml's C parser, refusing duplicate keys as ruamel.yaml does."""

    def construct_mapping(self, node, deep=False):
        keys = [self.construct_object(key, deep=True) for key, _ in node.value]
        if len(keys) != len(set(map(str, keys))):
            raise yaml.constructor.ConstructorError(None, None, "duplicate key", node.start_mark)
        return super().construct_mapping(node, deep=deep)


def _load_fast(path: Path) -> list[Question] | None:
    """Every check of `check`, without line positions, through libyaml's C parser: ten times
    faster than ruamel.yaml's round trip, which builds take a quarter of their time on
    (benchmarks/README.md). None when anything is off, so that `load` finds and places it."""
    questions: list[Question] = []
    for file in data_files(path):
        try:
            text = file.read_text(encoding="utf-8")
            data = yaml.load(text, Loader=_FastLoader)
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            return None
        if (any(_TAB_INDENT.match(line) for line in text.splitlines())
                or not isinstance(data, dict) or set(data) != {"questions"}
                or not isinstance(data["questions"], list)):
            return None
        try:
            questions.extend(Question.model_validate(item) for item in data["questions"])
        except ValidationError:
            return None
    numbered = list(enumerate(questions))
    if (not questions or cross_check(numbered) or answer_standard(numbered)
            or any(safety.check_question(q) for q in questions)):
        return None
    return questions


@functools.lru_cache(maxsize=4)
def _load_cached(path: str, stamp: tuple[tuple[str, int, int], ...]) -> tuple[Question, ...]:
    return tuple(_load_fast(Path(path)) or load(Path(path)))


def load_cached(path: Path = DEFAULT_DATA) -> tuple[Question, ...]:
    """`load`, reused while the files are unchanged: the build hooks and the macros both
    ask for the bank, and `mkdocs serve` asks again on every rebuild. A bank that passes
    every check is read by the fast path; `validate` and `make build` still run `check`
    first, so every problem is reported with its place before any build."""
    files = data_files(Path(path))
    stamp = tuple(
        (str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files if f.exists()
    )
    return _load_cached(str(path), stamp)

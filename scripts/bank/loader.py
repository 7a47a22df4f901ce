"""Read the data file (or a folder of them) into a valid Bank, or report every problem with
its place: `PATH:LINE:COL: field.path: message [CODE]`.

The loader never stops at the first problem: a file that can be read is checked item by
item, then across items, so a contributor sees everything that needs fixing in one run.
Every rule lives in scripts/checks/; `check` and the build's `load_fast` apply the same ones.
"""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

from scripts.bank.bank import Bank
from scripts.bank.vocabulary import Vocabulary
from scripts.bank.yaml_reader import Document, ReadProblem, read_fast, read_located
from scripts.checks.problems import Located, Problem, field_path
from scripts.checks.reading import Records, records
from scripts.checks.run import Context, run_rules
from scripts.paths import DATA

DEFAULT_DATA = DATA


class BankError(Exception):
    """Raised with every problem found; str() is the report a person reads."""

    def __init__(self, problems: list[Located]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems[:200]))


def data_files(path: Path) -> list[Path]:
    """A data file, or every `*.yml` file of a folder (a bank may be split into several)."""
    path = Path(path)
    if path.is_dir():
        return sorted(path.glob("*.yml"))
    return [path]


def display_path(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


_READ_FIELDS = {"F003": "(indentation)", "F001": "(document)", "F002": "(document)",
                "F010": "(document)", "F014": "(document)"}


def _read_problem(display: str, problem: ReadProblem) -> Located:
    where = _READ_FIELDS.get(problem.code, "(yaml)")
    return Located(display, problem.line, problem.col, where, problem.message, problem.code)


def _locate(docs: list[Document], problem: Problem) -> Located:
    doc = docs[problem.doc] if problem.doc < len(docs) else docs[0]
    line, col = doc.position(problem.path, problem.at_key)
    needles = (problem.needle,) if isinstance(problem.needle, str) else problem.needle or ()
    for needle in needles:
        place = doc.text_position(problem.path, needle) if needle else None
        if place is not None and place[0] >= line:
            line, col = place
            break
    return Located(doc.display, line, col, field_path(problem.path), problem.message,
                   problem.code)


def _bank(found: Records) -> Bank:
    vocabulary = Vocabulary(
        areas=tuple(a for _, _, a in found.areas),
        topics=tuple(t for _, _, t in found.topics),
        sources=tuple(s for _, _, s in found.sources),
    )
    return Bank(vocabulary, tuple(q for _, _, q in found.questions),
                tuple(t for _, _, t in found.tracks))


def _files(path: Path) -> tuple[list[Path], list[Located]]:
    files = data_files(path)
    if not files:
        return [], [Located(display_path(path), 1, 1, "(document)", "no *.yml files here",
                            "F014")]
    missing = [Located(display_path(f), 1, 1, "(document)", "file not found", "F014")
               for f in files if not f.exists()]
    return [f for f in files if f.exists()], missing


def check(path: Path = DEFAULT_DATA, *, run_code: bool = False,
          context: Context | None = None) -> tuple[Bank, list[Located]]:
    """The valid part of the bank, and every problem (sorted by file and line).
    `run_code` also runs every snippet (slow rules); `context` replaces what rules read
    beside the data (the figures folder, the source's fingerprints), for tests."""
    files, problems = _files(Path(path))
    docs: list[Document] = []
    for file in files:
        doc, read_problems = read_located(file, display_path(file))
        problems += [_read_problem(display_path(file), p) for p in read_problems]
        if doc is not None:
            docs.append(doc)
    found, shape_problems = records([d.data for d in docs])
    ctx = context or Context([])
    ctx.displays = [d.display for d in docs]
    rule_problems = run_rules(found, ctx, slow=run_code)
    problems += [_locate(docs, p) for p in shape_problems + rule_problems]
    return _bank(found), sorted(set(problems))


def load(path: Path = DEFAULT_DATA) -> Bank:
    """The valid bank; raises BankError listing every problem."""
    bank, problems = check(path)
    if problems:
        raise BankError(problems)
    return bank


def fast_problems(path: Path, context: Context | None = None
                  ) -> tuple[Bank | None, list[tuple[str, str]]]:
    """What the build's fast load finds: the bank, and (code, field) of every problem, with
    no positions (libyaml keeps none). The same rules as `check`, on the same records."""
    files, missing = _files(Path(path))
    found_problems = [(p.code, p.field) for p in missing]
    contents = []
    for file in files:
        doc, read_problems = read_fast(file, display_path(file))
        found_problems += [(p.code, _read_problem("", p).field) for p in read_problems]
        if doc is not None:
            contents.append(doc.data)
    found, shape_problems = records(contents)
    ctx = context or Context([])
    ctx.displays = [display_path(f) for f in files]
    found_problems += [(p.code, field_path(p.path))
                       for p in shape_problems + run_rules(found, ctx)]
    return _bank(found), sorted(set(found_problems))


def load_fast(path: Path = DEFAULT_DATA, *, checked: bool = False) -> Bank | None:
    """The bank through libyaml, several times faster than ruamel.yaml's round trip; None
    when anything is off, so that `load` finds and places it. With `checked` (the build has
    just run `check` on these very bytes) the rules are not run twice."""
    if checked:
        files, missing = _files(Path(path))
        contents = []
        for file in files:
            doc, read_problems = read_fast(file, display_path(file))
            if doc is None or read_problems:
                return None
            contents.append(doc.data)
        found, shape_problems = records(contents)
        return None if missing or shape_problems else _bank(found)
    bank, problems = fast_problems(path)
    return bank if not problems and bank is not None and len(bank) else None


def fingerprint(path: Path = DEFAULT_DATA) -> str:
    """One hash of the bank's bytes: the build's proof that `check` ran on exactly these."""
    digest = hashlib.sha256()
    for file in data_files(Path(path)):
        digest.update(str(file).encode() + b"\0")
        if file.exists():
            digest.update(file.read_bytes())
    return digest.hexdigest()


CHECKED_ENV = "GUIDE_CHECKED_SHA256"


@functools.lru_cache(maxsize=4)
def _load_cached(path: str, stamp: tuple[tuple[str, int, int], ...]) -> Bank:
    checked = os.environ.get(CHECKED_ENV) == fingerprint(Path(path))
    return load_fast(Path(path), checked=checked) or load(Path(path))


def load_cached(path: Path = DEFAULT_DATA) -> Bank:
    """`load`, reused while the files are unchanged: the build hooks and the macros both
    ask for the bank, and `mkdocs serve` asks again on every rebuild."""
    files = data_files(Path(path))
    stamp = tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files if f.exists())
    return _load_cached(str(path), stamp)

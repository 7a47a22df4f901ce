"""From read documents to records: the top-level lists of each data file, and each item
validated by its pydantic model. What is wrong at this stage gets an F or S code; every
item that is valid goes on to the rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from scripts.bank.models import Question
from scripts.bank.tracks import Track
from scripts.bank.vocabulary import Area, Source, Topic
from scripts.checks.problems import Problem, quote
from scripts.checks.registry import read_rule

for _code, _summary in (
    ("F001", "the file is not UTF-8 text"),
    ("F002", "the file is empty"),
    ("F003", "a tab character in indentation"),
    ("F004", "the file is not valid YAML (syntax, duplicate key)"),
    ("F005", "the top level is not a mapping of lists"),
    ("F006", "a YAML anchor or alias"),
    ("F007", "a YAML merge key"),
    ("F008", "an explicit YAML tag"),
    ("F009", "nested too deep"),
    ("F010", "the file is too large"),
    ("F011", "a value is too long"),
    ("F012", "a date or time that does not exist"),
    ("F013", "an integer too long to read"),
    ("F014", "no data file where one was expected"),
    ("S001", "a required field is missing"),
    ("S002", "an unknown field"),
    ("S003", "a field has the wrong type or value"),
    ("S004", "an id, topic, tag or related entry is not a slug"),
    ("S005", "a list item that is not a mapping"),
):
    read_rule(_code, _summary)

# The lists a data file may hold, and the model of their items. `questions` is required in a
# bank's first file; the vocabulary may live in any of its files.
SECTIONS: dict[str, type[BaseModel]] = {
    "areas": Area, "topics": Topic, "sources": Source, "questions": Question,
    "tracks": Track,
}


@dataclass
class Records:
    """Every valid item of the bank, each with (document, index) of where it stands."""

    areas: list[tuple[int, int, Area]] = field(default_factory=list)
    topics: list[tuple[int, int, Topic]] = field(default_factory=list)
    sources: list[tuple[int, int, Source]] = field(default_factory=list)
    questions: list[tuple[int, int, Question]] = field(default_factory=list)
    tracks: list[tuple[int, int, Track]] = field(default_factory=list)
    # Ids of items that failed their own checks: links to them are not reported again.
    invalid_ids: dict[str, set[str]] = field(default_factory=dict)


def _pydantic_problems(doc: int, where: tuple[Any, ...], err: ValidationError) -> list[Problem]:
    problems = []
    for e in err.errors(include_url=False):
        path = (*where, *e["loc"])
        kind, last = e["type"], e["loc"][-1] if e["loc"] else ""
        if kind == "missing":
            problems.append(Problem("S001", path, f"missing required field '{last}'", doc))
        elif kind == "extra_forbidden":
            problems.append(Problem("S002", path, f"unknown field '{quote(last, 40)}'", doc,
                                    at_key=True))
        elif kind == "string_pattern_mismatch" and "aliases" in e["loc"]:
            problems.append(Problem("S003", path, "an alias is one line without ';'", doc))
        elif kind == "string_pattern_mismatch" and last == "date":
            problems.append(Problem("S003", path, "a date is written YYYY-MM-DD, or left empty",
                                    doc))
        elif kind == "string_pattern_mismatch":
            problems.append(Problem(
                "S004", path,
                "must be a slug: lowercase letters and digits joined by single hyphens", doc))
        elif kind == "value_error":
            problems.append(Problem("S003", path, quote(e["msg"].removeprefix("Value error, "),
                                                        200), doc))
        else:
            problems.append(Problem("S003", path, quote(e["msg"], 200), doc))
    return problems


def records(documents: list[Any]) -> tuple[Records, list[Problem]]:
    """The valid items of every document, and the problems of the others."""
    out = Records()
    problems: list[Problem] = []
    for doc_index, data in enumerate(documents):
        if not isinstance(data, dict):
            kind = "a list" if isinstance(data, list) else f"'{type(data).__name__}'"
            problems.append(Problem(
                "F005", (), f"the top level must be a mapping with a 'questions' list, not {kind}",
                doc_index))
            continue
        for key in data:
            if key not in SECTIONS:
                known = ", ".join(SECTIONS)
                problems.append(Problem("S002", (key,), (
                    f"unknown top-level field '{quote(key, 40)}' (known: {known})"), doc_index,
                    at_key=True))
        if doc_index == 0 and "questions" not in data:
            problems.append(Problem("F005", ("questions",),
                                    "expected a 'questions' list at the top level", doc_index))
        for section, model in SECTIONS.items():
            if section not in data:
                continue
            items = data[section]
            if not isinstance(items, list):
                problems.append(Problem("F005", (section,), f"'{section}' must be a list",
                                        doc_index))
                continue
            bucket = getattr(out, section)
            for index, item in enumerate(items):
                where = (section, index)
                if not isinstance(item, dict):
                    problems.append(Problem("S005", where, "each item must be a mapping",
                                            doc_index))
                    continue
                try:
                    bucket.append((doc_index, index, model.model_validate(item)))
                except ValidationError as err:
                    problems.extend(_pydantic_problems(doc_index, where, err))
                    if isinstance(item.get("id"), str):
                        out.invalid_ids.setdefault(section, set()).add(item["id"])
    return out, problems

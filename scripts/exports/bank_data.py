"""The whole question bank as data for others to build on: JSON with its JSON Schema, and
CSV. Pure functions: no I/O, no MkDocs.

Published under a versioned path (api/v1/). Within a version, fields may be added but
never renamed, removed or given another meaning; such a change is published as a new
version at a new path, and the old one stays. docs/downloads.md documents every field.
"""

from __future__ import annotations

import csv
import io
import json
import typing
from collections.abc import Callable
from typing import Any, Literal

from pydantic import BaseModel, Field

from scripts.bank.bank import Bank
from scripts.bank.models import Question, Section, Strict
from scripts.pages.paths import question_path

VERSION = 1
JSON_PATH = f"api/v{VERSION}/bank.json"
SCHEMA_PATH = f"api/v{VERSION}/bank.schema.json"
CSV_PATH = f"api/v{VERSION}/bank.csv"

LICENSE_NAME = "CC BY-SA 4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"


class ExportedQuestion(Question):
    """A question exactly as the data file holds it, plus the URL of its page."""

    url: str = Field(description="The question's page on the site.")


class AreaEntry(Strict):
    id: str
    title: str
    section: Section
    description: str


class TopicEntry(Strict):
    id: str
    title: str
    section: Section
    description: str
    area: str = Field(description="The id of the topic's area, from `areas`.")


class SourceEntry(Strict):
    id: str
    title: str
    author: str
    date: str = Field(description="Publication date (YYYY-MM-DD), or empty.")


class License(Strict):
    name: str
    url: str
    attribution: str = Field(description="How to credit the guide when you reuse it.")


class BankExport(Strict):
    """The question bank of the ML Interview Study Guide."""

    version: Literal[1] = Field(description="Changes only when a field changes meaning.")
    site: str = Field(description="The guide's home page.")
    license: License
    topics: list[TopicEntry] = Field(description="Every topic, in the site's order.")
    areas: list[AreaEntry] = Field(description="The areas that group topics, in order.")
    sources: list[SourceEntry] = Field(description="Where the questions come from.")
    questions: list[ExportedQuestion] = Field(description="Published questions, in order.")


def attribution(site_url: str) -> str:
    return f"ML Interview Study Guide contributors, {site_url}, {LICENSE_NAME}"


def export(bank: Bank, *, site_url: str, page_url: Callable[[str], str]) -> BankExport:
    """`page_url` gives the absolute URL of a page from its path in the docs folder."""
    vocabulary = bank.vocabulary
    return BankExport(
        version=VERSION,
        site=site_url,
        license=License(name=LICENSE_NAME, url=LICENSE_URL, attribution=attribution(site_url)),
        topics=[
            TopicEntry(id=t.id, title=t.title, section=vocabulary.area(t.area).section,
                       description=t.description, area=t.area)
            for t in vocabulary.topics
        ],
        areas=[
            AreaEntry(id=a.id, title=a.title, section=a.section, description=a.description)
            for a in vocabulary.areas
        ],
        sources=[
            SourceEntry(id=s.id, title=s.title, author=s.author, date=s.date)
            for s in vocabulary.sources
        ],
        questions=[
            ExportedQuestion.model_validate(
                {**q.model_dump(), "url": page_url(question_path(q.id))}
            )
            for q in bank
        ],
    )


def to_json(bank: BankExport) -> str:
    # Every field always present (null or [] when empty) and no timestamp: the same
    # data always gives the same bytes.
    return json.dumps(bank.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n"


def _open(schema: Any) -> Any:
    """The schema without `additionalProperties: false`: fields added within a version
    must not make a consumer's saved copy of the schema reject the newer file."""
    if isinstance(schema, dict):
        return {k: _open(v) for k, v in schema.items()
                if not (k == "additionalProperties" and v is False)}
    if isinstance(schema, list):
        return [_open(v) for v in schema]
    return schema


def json_schema(site_url: str) -> dict[str, Any]:
    schema = _open(BankExport.model_json_schema(mode="serialization"))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": site_url + SCHEMA_PATH,
        **schema,
        "description": f"{JSON_PATH} of the ML Interview Study Guide. Generated from "
                       "scripts/exports/bank_data.py; documented on the site's downloads page.",
    }


def schema_text(site_url: str) -> str:
    return json.dumps(json_schema(site_url), ensure_ascii=False, indent=1) + "\n"


# --- CSV: one row per question, a column per field ---

COLUMNS = tuple(ExportedQuestion.model_fields)
LIST_SEPARATOR = "; "  # tags and related ids are slugs and aliases hold no ";"
# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...), +, -,
# @, and tab or CR before them). Such a cell is written with a leading apostrophe, which
# spreadsheets read as "text"; a cell that starts with an apostrophe gets one too, so that
# `from_csv_row` can always take exactly one away.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def _defused(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def _restored(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_START) else text


def _item_type(name: str) -> type | None:
    args = typing.get_args(ExportedQuestion.model_fields[name].annotation)
    return args[0] if args else None


# Lists of records (mistakes, follow-ups, references) keep their shape as a JSON array
# in their cell; lists of slugs are joined.
RECORD_COLUMNS = tuple(
    name for name in COLUMNS
    if isinstance(_item_type(name), type) and issubclass(_item_type(name), BaseModel)
)
SLUG_LIST_COLUMNS = tuple(
    name for name in COLUMNS
    if typing.get_origin(ExportedQuestion.model_fields[name].annotation) is list
    and name not in RECORD_COLUMNS
)


def _cell(name: str, value: Any) -> str:
    if name in RECORD_COLUMNS:
        return _defused(json.dumps(value, ensure_ascii=False))
    if name in SLUG_LIST_COLUMNS:
        return _defused(LIST_SEPARATOR.join(value))
    return "" if value is None else _defused(str(value))


def to_csv(bank: BankExport) -> str:
    """RFC 4180: a header row, CRLF line ends, quotes where a cell needs them (Markdown
    cells keep their line breaks inside quotes)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for q in bank.questions:
        data = q.model_dump(mode="json")
        writer.writerow([_cell(name, data[name]) for name in COLUMNS])
    return out.getvalue()


def from_csv_row(row: dict[str, str]) -> ExportedQuestion:
    """A CSV row read back into a question: the inverse of `to_csv`."""
    data: dict[str, Any] = {}
    for name, text in row.items():
        text = _restored(text)
        if name in RECORD_COLUMNS:
            data[name] = json.loads(text)
        elif name in SLUG_LIST_COLUMNS:
            data[name] = text.split(LIST_SEPARATOR) if text else []
        elif text != "":
            data[name] = text
    return ExportedQuestion.model_validate(data)

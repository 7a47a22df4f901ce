"""The JSON Schema of the data file, generated from the models. Editors use it (the data
file's first line points at it) to autocomplete fields and flag mistakes as you type; a test
fails when the committed copy in schema/ no longer matches the models."""

from __future__ import annotations

import json
from typing import Any

from pydantic import ConfigDict, Field

from scripts.bank.models import Question, Strict
from scripts.bank.tracks import Track
from scripts.bank.vocabulary import Area, Source, Topic

SCHEMA_VERSION = 1


class BankFile(Strict):
    """A data file of the ML interview question bank."""

    model_config = ConfigDict(extra="forbid", frozen=True, title="ML interview question bank")
    areas: list[Area] = Field(default_factory=list, description="What the sidebar shows.")
    topics: list[Topic] = Field(default_factory=list, description="Each in one area.")
    sources: list[Source] = Field(default_factory=list, description="Where questions come from.")
    questions: list[Question] = Field(default_factory=list)
    tracks: list[Track] = Field(
        default_factory=list,
        description="Study tracks by role: questions in study order, in three stages.")


def json_schema() -> dict[str, Any]:
    schema = BankFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"questions.schema.v{SCHEMA_VERSION}.json"
    schema["description"] = (
        "Generated from scripts/bank/ by `make schema`; do not edit by hand."
    )
    return schema


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"

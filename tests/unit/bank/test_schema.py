"""The committed JSON Schema matches the models, the data file points editors at it, and
the data file itself satisfies it."""

from __future__ import annotations

import json

import jsonschema
from ruamel.yaml import YAML

from scripts.bank import loader, schema
from scripts.paths import SCHEMA

SCHEMA_LINE = "# yaml-language-server: $schema=../schema/questions.schema.json"


def test_committed_schema_matches_the_models() -> None:
    committed = SCHEMA.read_text(encoding="utf-8")
    assert committed == schema.schema_text(), "stale schema: run `make schema`"


def test_data_file_points_editors_at_the_schema() -> None:
    first_line = loader.DEFAULT_DATA.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == SCHEMA_LINE
    target = (loader.DEFAULT_DATA.parent / SCHEMA_LINE.split("=", 1)[1]).resolve()
    assert target == SCHEMA


def test_data_file_satisfies_the_schema() -> None:
    data = YAML(typ="safe").load(loader.DEFAULT_DATA)
    # Editors see dates as strings; JSON has no date type.
    as_json = json.loads(json.dumps(data, default=str))
    committed = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(
        committed, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(as_json)


def test_schema_rejects_what_the_models_reject() -> None:
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    bad = {"questions": [{"id": "Not A Slug", "colour": "red", "difficulty": "trivial"}]}
    messages = " ".join(e.message for e in validator.iter_errors(bad))
    assert "'colour' was unexpected" in messages
    assert "'trivial' is not one of" in messages
    assert "does not match" in messages

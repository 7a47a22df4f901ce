"""The data exports: bank.json validates against the schema published beside it and holds
every field of the data file; bank.csv has one row per question and reads back into the
same questions; the downloads page documents every field."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest

from scripts.bank.models import Question
from scripts.exports import bank_data as bank_export
from tests.conftest import ROOT
from tests.content.takeaway import SITE_URL, page_url, published, raw_questions


@pytest.fixture(scope="module")
def exported(site: Path) -> dict:
    return json.loads((site / bank_export.JSON_PATH).read_text("utf-8"))


@pytest.fixture(scope="module")
def schema(site: Path) -> dict:
    return json.loads((site / bank_export.SCHEMA_PATH).read_text("utf-8"))


def validator(schema: dict) -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def test_json_validates_against_the_schema_published_beside_it(
    exported: dict, schema: dict
) -> None:
    assert schema["$id"] == SITE_URL + bank_export.SCHEMA_PATH
    validator(schema).validate(exported)
    assert exported["version"] == bank_export.VERSION
    assert exported["license"]["name"] == "CC BY-SA 4.0"


def test_schema_rejects_what_the_models_reject_and_allows_added_fields(
    exported: dict, schema: dict
) -> None:
    check = validator(schema)
    good = exported["questions"][0]
    assert not list(check.iter_errors({**exported, "questions": [{**good, "later": 1}]}))
    bad = {**good, "difficulty": "trivial", "id": "Not A Slug"}
    del bad["title"]
    messages = " ".join(e.message for e in check.iter_errors({**exported, "questions": [bad]}))
    assert "'trivial' is not one of" in messages
    assert "does not match" in messages
    assert "'title' is a required property" in messages


def stripped(value):
    """Text as the models keep it: without the line break a YAML block scalar ends with."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return [stripped(v) for v in value]
    if isinstance(value, dict):
        return {k: stripped(v) for k, v in value.items()}
    return value


def holds(exported, written) -> bool:
    """Whether the export has everything the data file wrote (it also has the fields
    left at their defaults, as null or [])."""
    if isinstance(written, dict):
        return isinstance(exported, dict) and all(
            k in exported and holds(exported[k], v) for k, v in written.items())
    if isinstance(written, list):
        return isinstance(exported, list) and len(exported) == len(written) and all(
            holds(e, w) for e, w in zip(exported, written, strict=True))
    return exported == written


def test_json_holds_every_field_of_every_published_question(exported: dict) -> None:
    raw = stripped(raw_questions())
    items = exported["questions"]
    assert [q["id"] for q in items] == [q["id"] for q in raw] == [q.id for q in published()]
    for source, item in zip(raw, items, strict=True):
        for field, value in source.items():
            assert holds(item[field], value), (source["id"], field)
        assert set(item) == set(Question.model_fields) | {"url"}
        assert item["url"] == f"{SITE_URL}questions/{item['id']}/"


def test_json_reads_back_into_the_same_questions(exported: dict) -> None:
    for q, item in zip(published(), exported["questions"], strict=True):
        fields = {name: item[name] for name in Question.model_fields}
        assert Question.model_validate(fields) == q


def test_csv_has_one_row_per_question_that_reads_back_into_it(site: Path) -> None:
    raw = (site / bank_export.CSV_PATH).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # no byte-order mark
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    questions = published()
    assert len(rows) == len(questions)
    assert tuple(rows[0]) == bank_export.COLUMNS
    for q, row in zip(questions, rows, strict=True):
        back = bank_export.from_csv_row(row)
        assert back.url == f"{SITE_URL}questions/{q.id}/"
        assert Question.model_validate(back.model_dump(exclude={"url"})) == q


def test_csv_cells_are_plain_for_spreadsheets() -> None:
    q = published()[0]
    one = published()
    one = type(one)(one.vocabulary, (q,))
    bank = bank_export.export(one, site_url=SITE_URL, page_url=page_url)
    (row,) = csv.DictReader(io.StringIO(bank_export.to_csv(bank), newline=""))
    assert row["tags"] == "; ".join(q.tags)
    assert row["related"] == "; ".join(q.related)
    assert json.loads(row["mistakes"]) == [m.model_dump() for m in q.mistakes]
    assert row["reviewed"] == (q.reviewed.isoformat() if q.reviewed else "")
    assert set(bank_export.RECORD_COLUMNS) == {"mistakes", "follow_ups", "references"}
    assert set(bank_export.SLUG_LIST_COLUMNS) == {"tags", "aliases", "related"}


def test_exports_are_the_same_bytes_for_the_same_data() -> None:
    def make() -> tuple[str, str, str]:
        bank = bank_export.export(published(), site_url=SITE_URL, page_url=page_url)
        return (bank_export.to_json(bank), bank_export.to_csv(bank),
                bank_export.schema_text(SITE_URL))

    assert make() == make()


def test_the_downloads_page_documents_every_field() -> None:
    text = (ROOT / "docs" / "downloads.md").read_text("utf-8")
    documented = set(re.findall(r"`([a-z_]+)`", text))
    models = (bank_export.BankExport, bank_export.ExportedQuestion, bank_export.License,
              bank_export.TopicEntry, bank_export.SourceEntry)
    for model in models:
        missing = set(model.model_fields) - documented
        assert not missing, f"{model.__name__}: document {sorted(missing)}"
    for path in (bank_export.JSON_PATH, bank_export.SCHEMA_PATH, bank_export.CSV_PATH):
        assert f"]({path})" in text

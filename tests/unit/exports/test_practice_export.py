"""The practice export (scripts/exports/practice.py): its shape, its links, its stability, and that
docs/data.md documents the fields it really has."""

from __future__ import annotations

import json
import re

import markdown
import pytest

from scripts.bank import loader
from scripts.bank.tracks import study_minutes
from scripts.exports import practice as exports
from scripts.pages import paths as render
from tests.banks import GOOD, second
from tests.conftest import FIXTURES, ROOT, VOCABULARY

MD = markdown.Markdown(extensions=["pymdownx.arithmatex"],
                       extension_configs={"pymdownx.arithmatex": {"generic": True}})


def render_markdown(text: str) -> str:
    MD.reset()
    return MD.convert(text)


def urls_for(questions) -> dict[str, str]:
    """Page URLs as MkDocs gives them with directory URLs."""
    urls = {"index.md": "", "practice.md": "practice/"}
    for q in questions:
        urls[render.question_path(q.id)] = f"questions/{q.id}/"
    for topic in questions.vocabulary.topics:
        urls[render.topic_path(topic.id)] = f"topics/{topic.id}/"
    for track in questions.tracks:
        urls[render.track_path(track.id)] = f"tracks/{track.id}/"
    return urls


@pytest.fixture(scope="module")
def questions():
    return loader.load(FIXTURES / "valid.yml")


TRACK = """\
tracks:
  - id: data-scientist
    title: "Data scientist"
    description: "A statistics screen, then a product round."
    core:
      - second-question
      - first-question
    strong:
      - third-question
    stand-out:
      - fourth-question
"""


@pytest.fixture(scope="module")
def with_track(tmp_path_factory: pytest.TempPathFactory):
    """A bank of four questions and one track."""
    path = tmp_path_factory.mktemp("bank") / "questions.yml"
    path.write_text(GOOD + second() + second("third-question", "Why a third question?")
                    + second("fourth-question", "Which is the fourth question?") + TRACK
                    + "\n" + VOCABULARY, encoding="utf-8")
    return loader.load(path)


def build(questions, **overrides):
    args = {
        "render_markdown": render_markdown,
        "urls": urls_for(questions),
        "question_src": render.question_path,
        "topic_src": render.topic_path,
        "track_src": render.track_path,
        "generated_from": exports.source_info([("data/questions.yml", b"questions: []\n")]),
    }
    args.update(overrides)
    return exports.practice_export(questions, **args)


def test_export_holds_every_question_with_the_fields_practice_needs(questions) -> None:
    export = build(questions)
    assert export["schema_version"] == exports.SCHEMA_VERSION == 1
    assert [q["id"] for q in export["questions"]] == [q.id for q in questions]
    first = export["questions"][0]
    assert first == {
        "id": "type-1-vs-type-2-error",
        "title": "What is the difference between a Type I and a Type II error?",
        "section": "technical",
        "topic": {"id": "statistics", "title": "Statistics"},
        "difficulty": "easy",
        "tags": ["hypothesis-testing", "errors"],
        "short_answer_html": first["short_answer_html"],
        "url": "questions/type-1-vs-type-2-error/",
        "study_minutes": study_minutes(questions[0]),
    }
    # Math stays as TeX in .arithmatex elements, for the site's typesetter.
    assert '<span class="arithmatex">\\(\\alpha\\)</span>' in first["short_answer_html"]
    assert first["short_answer_html"].startswith("<p>")


def test_topics_are_those_with_questions_in_site_order(questions) -> None:
    export = build(questions)
    assert export["topics"] == [
        {"id": "communication", "title": "Communication", "section": "general",
         "area": "general", "url": "topics/communication/"},
        {"id": "statistics", "title": "Statistics", "section": "technical",
         "area": "statistics", "url": "topics/statistics/"},
    ]


def test_tracks_list_their_stages_in_study_order(with_track) -> None:
    export = build(with_track)
    assert export["tracks"] == [{
        "id": "data-scientist",
        "title": "Data scientist",
        "description": "A statistics screen, then a product round.",
        "url": "tracks/data-scientist/",
        "stages": [
            {"id": "core", "title": "Core", "questions": ["second-question", "first-question"]},
            {"id": "strong", "title": "Strong", "questions": ["third-question"]},
            {"id": "stand-out", "title": "Stand-out", "questions": ["fourth-question"]},
        ],
    }]
    assert export["study_time"] == {"reading_words_per_minute": 150, "practice_minutes": 5,
                                    "review_minutes": 2}
    assert all(q["study_minutes"] >= 6 for q in export["questions"])


def test_generated_from_names_the_data_and_hashes_it(questions) -> None:
    export = build(questions)
    source = export["generated_from"]
    assert source["data"] == ["data/questions.yml"]
    assert re.fullmatch(r"[0-9a-f]{64}", source["sha256"])
    assert source["questions"] == len(questions)
    other = exports.source_info([("data/questions.yml", b"questions: [x]\n")])
    assert other["sha256"] != source["sha256"]
    assert export["license"]["name"] == "CC BY-SA 4.0"


def test_json_is_byte_stable_and_round_trips(questions) -> None:
    one = exports.to_json(build(questions))
    two = exports.to_json(build(questions))
    assert one == two
    assert json.loads(one) == build(questions)
    assert exports.PRACTICE_EXPORT_PATH == "api/v1/questions.json"


def test_links_in_answers_become_relative_to_the_site_root() -> None:
    urls = {
        "questions/a.md": "questions/a/",
        "questions/b.md": "questions/b/",
        "topics/statistics.md": "topics/statistics/",
    }
    html = ('<a href="b.md">b</a> <a href="b.md#why">why</a> '
            '<a href="../topics/statistics.md">t</a> <a href="#here">here</a> '
            '<a href="https://arxiv.org/abs/1">paper</a> <a href="missing.md">x</a> '
            '<img src="../img/x.png">')
    out = exports.site_relative_links(html, "questions/a.md", urls)
    assert out == ('<a href="questions/b/">b</a> <a href="questions/b/#why">why</a> '
                   '<a href="topics/statistics/">t</a> <a href="questions/a/#here">here</a> '
                   '<a href="https://arxiv.org/abs/1">paper</a> <a href="missing.md">x</a> '
                   '<img src="../img/x.png">')


def test_docs_describe_every_field_of_the_export(with_track) -> None:
    """docs/data.md is the public contract: its field table and its example must name
    exactly the fields the export has."""
    export = build(with_track)
    page = (ROOT / "docs" / "data.md").read_text("utf-8")
    documented = set(re.findall(r"^\| `([a-z0-9_.\[\]]+)` \|", page, re.M))
    nested = ("generated_from", "study_time")
    actual = set(export) - set(nested)
    actual |= {f"{part}.{k}" for part in nested for k in export[part]}
    actual |= {"topics[]", "questions[]", "tracks[]", "tracks[].stages[]"}
    actual |= {f"questions[].{k}" for k in export["questions"][0]}
    actual |= {f"tracks[].{k}" for k in export["tracks"][0]} - {"tracks[].stages"}
    actual |= {f"tracks[].stages[].{k}" for k in export["tracks"][0]["stages"][0]}
    assert documented == actual - {"topics", "questions", "tracks"}
    example = json.loads(re.search(r"```json\n(.*?)\n```", page, re.S).group(1))
    assert set(example) == set(export)
    assert set(example["questions"][0]) == set(export["questions"][0])
    assert set(example["topics"][0]) == set(export["topics"][0])
    assert set(example["tracks"][0]) == set(export["tracks"][0])
    assert set(example["tracks"][0]["stages"][0]) == set(export["tracks"][0]["stages"][0])
    for part in nested:
        assert set(example[part]) == set(export[part])


def test_the_built_site_publishes_the_export(site, bank) -> None:
    export = json.loads((site / exports.PRACTICE_EXPORT_PATH).read_text("utf-8"))
    assert export["schema_version"] == 1
    assert [q["id"] for q in export["questions"]] == [q.id for q in bank]
    for entry in export["questions"]:
        assert (site / entry["url"] / "index.html").is_file(), entry["url"]
        assert entry["short_answer_html"].strip()
    for topic in export["topics"]:
        assert (site / topic["url"] / "index.html").is_file(), topic["url"]
    assert [t["id"] for t in export["tracks"]] == [t.id for t in bank.tracks]
    ids = {q["id"] for q in export["questions"]}
    for track in export["tracks"]:
        assert (site / track["url"] / "index.html").is_file(), track["url"]
        assert all(i in ids for stage in track["stages"] for i in stage["questions"])

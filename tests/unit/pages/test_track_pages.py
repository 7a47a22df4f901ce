"""The study-track pages (scripts/pages/tracks.py): a complete ordered list without
JavaScript, each question with its topic, difficulty and estimated time, the formula said on
the page, links that open practice filtered to the track, and placeholders for the scripts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.bank import loader
from scripts.bank.tracks import study_minutes
from scripts.pages import tracks
from scripts.pages.links import Links
from scripts.pages.sitemap import generated_pages
from tests.banks import GOOD, second
from tests.conftest import VOCABULARY

TRACKS = """\
tracks:
  - id: ml-engineer
    title: "ML engineer <b>*loop*</b>"
    description: "A coding round [x](y) and a design round."
    core:
      - second-question
    strong:
      - first-question
    stand-out:
      - third-question
"""


@pytest.fixture
def bank(tmp_path: Path):
    path = tmp_path / "questions.yml"
    path.write_text(GOOD + second() + second("third-question", "Why a third question?")
                    + TRACKS + "\n" + VOCABULARY, encoding="utf-8")
    return loader.load(path)


def test_a_track_page_lists_its_stages_in_study_order(bank) -> None:
    page = tracks.track_page(bank, bank.tracks[0])
    headings = re.findall(r"^## (.*)$", page, re.M)
    assert [h.split(":")[0].split(" {")[0] for h in headings] == [
        "Your plan to the interview date", "Core", "Strong", "Stand-out",
        "How the time is estimated"]
    rows = re.findall(r"^\| (\d+) \| \[(.*?)\]\(\.\./questions/([a-z-]+)\.md\) \| "
                      r"\[(.*?)\]\(\.\./topics/([a-z-]+)\.md\) \| (\w+) \| (.*?) \|$", page, re.M)
    assert [(r[0], r[2]) for r in rows] == [
        ("1", "second-question"), ("2", "first-question"), ("3", "third-question")]
    q = bank.question("second-question")
    assert rows[0][3:] == ("Statistics", "statistics", "Easy", f"{study_minutes(q)} min")


def test_the_page_states_the_formula_and_the_total(bank) -> None:
    page = tracks.track_page(bank, bank.tracks[0])
    total = sum(study_minutes(q) for q in bank)
    assert f"about {tracks.duration(total)} of study" in page
    assert "150 words a minute" in page and "plus 5 minutes" in page
    assert "(#how-the-time-is-estimated)" in page and "{ #how-the-time-is-estimated }" in page


def test_practice_links_and_placeholders(bank) -> None:
    page = tracks.track_page(bank, bank.tracks[0])
    assert "(../practice.md?track=ml-engineer)" in page
    assert "(../mock-interview.md?track=ml-engineer)" in page
    assert ('////// html | div.guide-track-progress\n'
            '    attrs: {data-guide: "track-progress", data-track: "ml-engineer"}\n//////') in page
    assert 'data-guide="track-plan" data-track="ml-engineer"' in page
    assert "needs JavaScript" in page
    assert "<script" not in page and "onclick" not in page


def test_plain_text_of_a_track_is_escaped(bank) -> None:
    page = tracks.track_page(bank, bank.tracks[0]).split("\n---\n", 1)[1]
    assert "<b>" not in page and "*loop*" not in page and "[x](y)" not in page
    assert "&#60;b&#62;" in page


def test_durations_read_as_hours_and_minutes() -> None:
    assert [tracks.duration(m) for m in (9, 60, 95)] == ["9 min", "1 h", "1 h 35 min"]


def test_the_site_map_lists_the_index_and_every_track(bank) -> None:
    pages = {p.src: p for p in generated_pages(bank, Links("https://example.org"), "")}
    assert pages["tracks/index.md"].kind == "tracks" and pages["tracks/index.md"].in_nav
    assert pages["tracks/ml-engineer.md"].kind == "track"
    index = pages["tracks/index.md"].render()
    assert "](../tracks/ml-engineer.md)" in index


def test_a_bank_without_tracks_still_has_an_index() -> None:
    bank = loader.load(Path(__file__).parents[2] / "fixtures" / "valid.yml")
    pages = {p.src for p in generated_pages(bank, Links("https://example.org"), "")}
    assert "tracks/index.md" in pages
    assert "No study tracks yet" in tracks.tracks_page(bank)

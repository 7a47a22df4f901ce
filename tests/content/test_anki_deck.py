"""The Anki deck: a real Anki collection with one note per published question, GUIDs that
depend on the question id alone, math in Anki's delimiters, and re-imports that update
cards without duplicating them or losing their review history."""

from __future__ import annotations

import os
import re
import warnings
from pathlib import Path

import genanki
import pytest
from anki import import_export_pb2 as ie
from anki.collection import Collection

from scripts.exports import anki as anki_deck
from scripts.mkdocs_hooks import downloads as hooks
from tests.conftest import ROOT, run_build
from tests.content.takeaway import SITE_URL, build_deck, published, read_apkg


@pytest.fixture(scope="module")
def site_deck(site: Path) -> bytes:
    return (site / anki_deck.DECK_PATH).read_bytes()


def test_the_site_publishes_one_note_per_question(site_deck: bytes) -> None:
    notes, col = read_apkg(site_deck)
    questions = published()
    assert len(notes) == len(questions) == col["cards"]
    by_id = {note.fields["Id"]: note for note in notes.values()}
    assert set(by_id) == {q.id for q in questions}
    for q in questions:
        note = by_id[q.id]
        assert note.guid == genanki.guid_for(q.id) == anki_deck.guid(q.id)
        assert note.model_id == anki_deck.MODEL_ID
        assert f"ml-guide::topic::{q.topic}" in note.tags
        assert f"ml-guide::difficulty::{q.difficulty.value}" in note.tags
        assert note.fields["Question"].replace("&amp;", "&").replace("&lt;", "<") == q.title
        assert note.fields["ShortAnswer"] and note.fields["ModelAnswer"]
        assert f'href="{SITE_URL}questions/{q.id}/"' in note.fields["Link"]
    assert str(anki_deck.DECK_ID) in col["decks"]
    assert col["decks"][str(anki_deck.DECK_ID)]["name"] == anki_deck.DECK_NAME
    assert list(col["models"]) == [str(anki_deck.MODEL_ID)]


def test_math_reaches_anki_in_its_own_delimiters(site_deck: bytes) -> None:
    notes, _ = read_apkg(site_deck)
    with_math = 0
    for note in notes.values():
        for name in ("ShortAnswer", "ModelAnswer"):
            html = note.fields[name]
            assert "<script" not in html  # Anki's MathJax typesets; no KaTeX script
            spans = re.findall(r'<span class="arithmatex">(.*?)</span>', html, re.S)
            blocks = re.findall(r'<div class="arithmatex">(.*?)</div>', html, re.S)
            assert all(s.startswith(r"\(") and s.endswith(r"\)") for s in spans), spans
            assert all(b.startswith(r"\[") and b.endswith(r"\]") for b in blocks), blocks
            with_math += bool(spans or blocks)
            prose = re.sub(r"<(pre|code)\b.*?</\1>", "", html, flags=re.S)
            assert not re.search(r"(?<!\\)\$", prose), (note.fields["Id"], name)
    assert with_math or not any("$" in q.answer + q.short_answer for q in published())


def test_links_lead_to_the_site_and_figures_come_with_the_deck() -> None:
    figure = ROOT / "docs" / "assets" / "figures" / "l1-l2.svg"
    q = published()[0].model_copy(update={
        "answer": "See [the other one](other-question.md#model-answer) and "
                  "![The L1 and L2 balls](../assets/figures/l1-l2.svg).",
    })
    notes, col = read_apkg(build_deck([q]))
    (note,) = notes.values()
    html = note.fields["ModelAnswer"]
    assert f'href="{SITE_URL}questions/other-question/#model-answer"' in html
    assert 'src="ml-guide-figures-l1-l2.svg"' in html  # Anki's media folder, offline
    assert col["media"] == {"ml-guide-figures-l1-l2.svg": figure.read_bytes()}


def test_equal_decks_are_equal_bytes_and_genanki_finds_nothing_wrong() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # genanki warns about malformed HTML in fields
        first = build_deck(published())
        second = build_deck(published())
    assert first == second


def test_two_builds_of_the_same_data_publish_the_same_deck(
    site_deck: bytes, tmp_path: Path
) -> None:
    again = tmp_path / "site"
    result = run_build(again)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (again / anki_deck.DECK_PATH).read_bytes() == site_deck


def test_changing_one_question_changes_that_note_only() -> None:
    questions = list(published())
    before, _ = read_apkg(build_deck(questions, timestamp=1_800_000_000))
    edited = questions[0].model_copy(update={"answer": questions[0].answer + "\n\nMore."})
    added = questions[0].model_copy(update={"id": "a-brand-new-question"})
    after, _ = read_apkg(build_deck([edited, *questions[1:], added], timestamp=1_800_000_600))
    new_guid = anki_deck.guid("a-brand-new-question")
    assert set(after) == set(before) | {new_guid}
    for guid, note in before.items():
        assert after[guid].fields["Id"] == note.fields["Id"]
        changed = after[guid].fields != note.fields
        assert changed == (note.fields["Id"] == questions[0].id), note.fields["Id"]
        assert after[guid].mod > note.mod  # newer, so Anki takes the update


def _import(col: Collection, data: bytes, tmp_path: Path, name: str):
    path = tmp_path / name
    path.write_bytes(data)
    options = ie.ImportAnkiPackageOptions(
        update_notes=ie.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
        merge_notetypes=True,
    )
    return col.import_anki_package(
        ie.ImportAnkiPackageRequest(package_path=str(path), options=options)
    ).log


def test_reimporting_a_newer_deck_updates_cards_and_keeps_review_history(
    tmp_path: Path,
) -> None:
    questions = list(published())
    first = build_deck(questions, timestamp=1_800_000_000)
    edited = questions[0].model_copy(update={"answer": questions[0].answer + "\n\nUpdated."})
    second = build_deck([edited, *questions[1:]], timestamp=1_800_086_400)

    col = Collection(str(tmp_path / "reader.anki2"))
    try:
        log = _import(col, first, tmp_path, "v1.apkg")
        assert len(log.new) == col.note_count() == len(questions)
        _, package = read_apkg(first)
        for name, data in package["media"].items():  # figures land in the media folder
            assert (Path(col.media.dir()) / name).read_bytes() == data
        # The reader studies: every card gets a review, recorded in the review log.
        cards = list(col.find_cards(""))
        col.sched.set_due_date(cards, "3")
        history = {cid: (col.get_card(cid).due, col.get_card(cid).ivl, col.get_card(cid).type)
                   for cid in cards}
        reviews = col.db.scalar("select count() from revlog")
        assert reviews == len(cards)

        log = _import(col, second, tmp_path, "v2.apkg")
        assert col.note_count() == len(questions) and not log.new
        assert len(log.updated) == len(questions)  # newer notes replace older ones
        (nid,) = col.find_notes(f"Id:{questions[0].id}")
        assert "Updated." in col.get_note(nid)["ModelAnswer"]
        assert sorted(col.find_cards("")) == sorted(cards)
        assert {cid: (col.get_card(cid).due, col.get_card(cid).ivl, col.get_card(cid).type)
                for cid in cards} == history
        assert col.db.scalar("select count() from revlog") == reviews

        # Importing the same deck again, or an older one, changes nothing.
        for data, name in ((second, "again.apkg"), (first, "old.apkg")):
            log = _import(col, data, tmp_path, name)
            assert not log.new and not log.updated and col.note_count() == len(questions)
        assert "Updated." in col.get_note(nid)["ModelAnswer"]
    finally:
        col.close()


def test_deck_time_moves_with_the_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    data = tmp_path / "questions.yml"
    data.write_text("questions: []\n")
    monkeypatch.setenv("GUIDE_DATA", str(data))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    os.utime(data, (1_800_000_000, 1_800_000_000))
    assert hooks.deck_timestamp() == 1_800_000_000
    os.utime(data, (1_800_000_600, 1_800_000_600))  # an edit makes the notes newer
    assert hooks.deck_timestamp() == 1_800_000_600
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")
    assert hooks.deck_timestamp() == 1_900_000_000

"""Rules on the study tracks (`tracks:` in the data file), checked like the questions:
every listed id is a question of the bank, no question is listed twice in one track, no
stage is empty, a published track lists no draft, and no two tracks share an id."""

from __future__ import annotations

from collections.abc import Iterator

from scripts.bank.tracks import STAGE_KEYS, Stage
from scripts.checks.problems import Problem
from scripts.checks.registry import bank_rule


def _listed(track) -> Iterator[tuple[Stage, int, str]]:
    for stage, ids in track.stages():
        for pos, qid in enumerate(ids):
            yield stage, pos, qid


@bank_rule("T001", "a track lists a question id that no question has")
def track_ids_exist(records, ctx) -> Iterator[Problem]:
    ids = {q.id for _, _, q in records.questions}
    ids |= records.invalid_ids.get("questions", set())  # reported at the question itself
    for doc, index, track in records.tracks:
        for stage, pos, qid in _listed(track):
            if qid not in ids:
                yield Problem("T001", ("tracks", index, STAGE_KEYS[stage], pos),
                              f"no question has the id '{qid}'", doc)


@bank_rule("T002", "a question listed twice in one track")
def track_lists_once(records, ctx) -> Iterator[Problem]:
    for doc, index, track in records.tracks:
        first: dict[str, str] = {}
        for stage, pos, qid in _listed(track):
            where = f"{STAGE_KEYS[stage]}[{pos}]"
            if qid in first:
                yield Problem("T002", ("tracks", index, STAGE_KEYS[stage], pos),
                              f"'{qid}' is already listed in this track at {first[qid]}: "
                              "a question has one place in a track", doc)
            else:
                first[qid] = where


@bank_rule("T003", "a track stage with no question")
def track_stages_filled(records, ctx) -> Iterator[Problem]:
    for doc, index, track in records.tracks:
        for stage, ids in track.stages():
            if not ids:
                yield Problem("T003", ("tracks", index, STAGE_KEYS[stage]),
                              f"the stage '{STAGE_KEYS[stage]}' lists no question: every "
                              "stage (core, strong, stand-out) needs at least one", doc,
                              at_key=True)


@bank_rule("T004", "a published track lists a draft question")
def track_without_drafts(records, ctx) -> Iterator[Problem]:
    drafts = {q.id for _, _, q in records.questions if q.is_draft}
    for doc, index, track in records.tracks:
        if track.is_draft:
            continue
        for stage, pos, qid in _listed(track):
            if qid in drafts:
                yield Problem("T004", ("tracks", index, STAGE_KEYS[stage], pos),
                              f"'{qid}' is a draft: a published track cannot list it yet "
                              "(publish the question, or mark the track status: draft)", doc)


@bank_rule("T005", "two tracks share an id")
def track_ids_unique(records, ctx) -> Iterator[Problem]:
    first: dict[str, int] = {}
    for doc, index, track in records.tracks:
        if track.id in first:
            yield Problem("T005", ("tracks", index, "id"),
                          f"duplicate id '{track.id}' (first used by tracks[{first[track.id]}])",
                          doc)
        else:
            first[track.id] = index

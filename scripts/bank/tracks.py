"""Study tracks: for one role (ML engineer, data scientist, ...), a description of its
interview loop and questions of the bank in study order, in three stages. A track is data,
read from the `tracks:` list of the data file beside the questions; its rules (every id
exists, none twice, no stage empty, no draft in a published track) live in
scripts/checks/track_rules.py.

How long a question takes to study is estimated here too, so that the track pages, the
practice export and the plan in the browser use one formula."""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Iterator

from pydantic import Field

from scripts.bank.models import Question, Slug, Status, Strict, Text


class Stage(enum.StrEnum):
    """The three stages of a track, in study order."""

    core = "core"  # asked in almost every loop for the role: study these first
    strong = "strong"  # what a strong candidate also knows
    stand_out = "stand-out"  # depth that sets a candidate apart


STAGE_TITLES = {
    Stage.core: "Core",
    Stage.strong: "Strong",
    Stage.stand_out: "Stand-out",
}
STAGE_DESCRIPTIONS = {
    Stage.core: "Asked in almost every interview loop for this role. Study these first.",
    Stage.strong: "What a strong candidate also knows: the usual follow-ups and the second "
                  "round.",
    Stage.stand_out: "Depth that sets a candidate apart, once the rest is solid.",
}
# The key of each stage in the data file (also the stage's id in the practice export).
STAGE_KEYS = {stage: stage.value for stage in Stage}


class Track(Strict):
    """One role's study track."""

    id: Slug = Field(description="Stable slug; the track's page lives at /tracks/<id>/.")
    title: Text = Field(description="The role, as the page title shows it (plain text).")
    description: Text = Field(
        description="One paragraph on the role's interview loop: its rounds and what each "
        "one tests (plain text).")
    status: Status = Field(
        default=Status.published,
        description="draft: shown only by `make serve`. A published track lists no draft.")
    core: list[Slug] = Field(
        default_factory=list, max_length=200,
        description="Question ids in study order: asked in almost every loop for the role.")
    strong: list[Slug] = Field(
        default_factory=list, max_length=200,
        description="Question ids in study order: what a strong candidate also knows.")
    stand_out: list[Slug] = Field(
        default_factory=list, max_length=200, alias="stand-out",
        description="Question ids in study order: depth that sets a candidate apart.")

    @property
    def is_draft(self) -> bool:
        return self.status is Status.draft

    def stage(self, stage: Stage) -> list[str]:
        return {Stage.core: self.core, Stage.strong: self.strong,
                Stage.stand_out: self.stand_out}[stage]

    def stages(self) -> Iterator[tuple[Stage, list[str]]]:
        for stage in Stage:
            yield stage, self.stage(stage)

    def question_ids(self) -> list[str]:
        """Every question of the track in study order, core first."""
        return [qid for _, ids in self.stages() for qid in ids]


# The study-time estimate, stated on every track page: reading the 30-second answer and the
# model answer at READING_WORDS_PER_MINUTE, rounded up, plus PRACTICE_MINUTES of answering
# out loud and grading yourself. A later review (a flashcard) takes REVIEW_MINUTES.
READING_WORDS_PER_MINUTE = 150
PRACTICE_MINUTES = 5
REVIEW_MINUTES = 2


_IMAGE = re.compile(r"!\[(?:\\.|[^\]\\])*\]\([^)]*\)")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_WORD = re.compile(r"[^\W_][\w'’.-]*")


def reading_words(question: Question) -> int:
    """The words a first study reads: the 30-second answer and the model answer, formulas
    and code included (a derivation takes as long to read as its prose), link targets and
    images not."""
    text = f"{question.short_answer}\n{question.answer}"
    text = _LINK_TARGET.sub("]", _IMAGE.sub(" ", text))
    return len(_WORD.findall(text))


def study_minutes(question: Question) -> int:
    """Minutes to study a question for the first time: read it, then practise it."""
    return math.ceil(reading_words(question) / READING_WORDS_PER_MINUTE) + PRACTICE_MINUTES


def formula_text() -> str:
    """The estimate in words, as the pages say it."""
    return (f"reading the 30-second answer and the model answer (formulas and code "
            f"included) at {READING_WORDS_PER_MINUTE} words a minute, rounded up to whole "
            f"minutes, plus "
            f"{PRACTICE_MINUTES} minutes to answer out loud and grade yourself; a later "
            f"review takes about {REVIEW_MINUTES} minutes")

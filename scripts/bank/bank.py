"""The whole bank once it is loaded and valid: the vocabulary, the questions and the study
tracks, in the order of the data file. Everything that makes pages or exports takes one of
these."""

from __future__ import annotations

from dataclasses import dataclass, field

from scripts.bank.models import Question, Section
from scripts.bank.tracks import Track
from scripts.bank.vocabulary import Area, Topic, Vocabulary


@dataclass(frozen=True)
class Bank:
    vocabulary: Vocabulary
    questions: tuple[Question, ...]
    tracks: tuple[Track, ...] = ()
    _by_id: dict[str, Question] = field(init=False, repr=False, compare=False)
    # Who declares each question related, in bank order: built once, read by every page.
    _declared_by: dict[str, list[Question]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {q.id: q for q in self.questions})
        declared_by: dict[str, list[Question]] = {}
        for q in self.questions:
            for other in dict.fromkeys(q.related):
                declared_by.setdefault(other, []).append(q)
        object.__setattr__(self, "_declared_by", declared_by)

    def __len__(self) -> int:
        return len(self.questions)

    def __iter__(self):
        return iter(self.questions)

    def __getitem__(self, index: int) -> Question:
        return self.questions[index]

    def question(self, question_id: str) -> Question | None:
        return self._by_id.get(question_id)

    def related_to(self, q: Question) -> list[Question]:
        """The questions a page links to: those it declares, then those that declare it (in
        bank order), so a link declared on one side shows on both pages."""
        declared = [r for r in map(self.question, q.related) if r is not None]
        seen = {q.id, *(r.id for r in declared)}
        return declared + [o for o in self._declared_by.get(q.id, []) if o.id not in seen]

    def without_drafts(self) -> Bank:
        """What a published build holds: no draft question and no draft track (a published
        track lists no draft question, so every track stays whole)."""
        return Bank(self.vocabulary, tuple(q for q in self.questions if not q.is_draft),
                    tuple(t for t in self.tracks if not t.is_draft))

    def track(self, track_id: str) -> Track | None:
        return next((t for t in self.tracks if t.id == track_id), None)

    def track_questions(self, track: Track) -> list[Question]:
        """The track's questions in study order (ids the bank lacks are left out)."""
        return [q for q in map(self.question, track.question_ids()) if q is not None]

    def in_topic(self, topic_id: str) -> list[Question]:
        return [q for q in self.questions if q.topic == topic_id]

    def in_area(self, area_id: str) -> list[Question]:
        topics = {t.id for t in self.vocabulary.topics_in(area_id)}
        return [q for q in self.questions if q.topic in topics]

    def in_section(self, section: Section) -> list[Question]:
        return [q for q in self.questions if q.section is section]

    def topics(self) -> list[Topic]:
        """The topics that hold at least one question, in navigation order: a topic gets a
        page, and a place in the navigation, with its first question."""
        used = {q.topic for q in self.questions}
        return [t for t in self.vocabulary.topics if t.id in used]

    def topics_of(self, area_id: str) -> list[Topic]:
        return [t for t in self.topics() if t.area == area_id]

    def areas(self) -> list[Area]:
        """The areas that hold at least one question, in navigation order."""
        used = {t.area for t in self.topics()}
        return [a for a in self.vocabulary.areas if a.id in used]

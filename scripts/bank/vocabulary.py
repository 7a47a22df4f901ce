"""The words the bank is organised by, read from the data file beside the questions: areas
(what the sidebar shows), the topics inside each area, and the sources questions come from.
A contributor adds a topic by adding four lines to the data file, not by editing Python."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import Field

from scripts.bank.models import Section, Slug, Strict, Text


class Area(Strict):
    id: Slug = Field(description="Stable slug; the area's page lives at /areas/<id>/.")
    title: Text = Field(description="As the sidebar shows it (plain text).")
    description: Text = Field(description="One sentence on what the area covers (plain text).")
    section: Section = Field(description="general or technical: the questions' section.")


class Topic(Strict):
    id: Slug = Field(description="Stable slug; the topic's page lives at /topics/<id>/.")
    title: Text = Field(description="As the sidebar shows it (plain text).")
    description: Text = Field(description="One sentence on what the topic covers (plain text).")
    area: Slug = Field(description="The id of the area the topic belongs to.")


class Source(Strict):
    id: Slug
    title: Text = Field(description="Where questions come from (answers are always our own).")
    author: Text
    date: str = Field(default="", pattern=r"^(\d{4}-\d{2}-\d{2})?$",
                      description="Publication date (YYYY-MM-DD), or empty.")


@dataclass(frozen=True)
class Vocabulary:
    """Areas, topics and sources in the order of the data file, which is the order of the
    navigation."""

    areas: tuple[Area, ...] = ()
    topics: tuple[Topic, ...] = ()
    sources: tuple[Source, ...] = ()

    def area(self, area_id: str) -> Area:
        return next(a for a in self.areas if a.id == area_id)

    def topic(self, topic_id: str) -> Topic:
        return next(t for t in self.topics if t.id == topic_id)

    def topics_in(self, area_id: str) -> list[Topic]:
        return [t for t in self.topics if t.area == area_id]

    def area_of(self, topic_id: str) -> Area:
        return self.area(self.topic(topic_id).area)

    def areas_in(self, section: Section) -> list[Area]:
        return [a for a in self.areas if a.section is section]

"""Rules on the vocabulary (areas, topics, sources) and on how questions use it."""

from __future__ import annotations

from collections.abc import Iterator

from scripts.checks.problems import Problem
from scripts.checks.registry import bank_rule


@bank_rule("V001", "an area, topic or source id is used twice")
def duplicate_vocabulary(records, ctx) -> Iterator[Problem]:
    for section in ("areas", "topics", "sources"):
        first: dict[str, tuple[int, int]] = {}
        for doc, index, item in getattr(records, section):
            if item.id in first:
                where = first[item.id]
                yield Problem("V001", (section, index, "id"),
                              f"duplicate id '{item.id}' (first used by {section}[{where[1]}])",
                              doc)
            else:
                first[item.id] = (doc, index)


@bank_rule("V002", "a topic names an area that does not exist")
def topic_area(records, ctx) -> Iterator[Problem]:
    areas = {a.id for _, _, a in records.areas}
    for doc, index, topic in records.topics:
        if topic.area not in areas:
            yield Problem("V002", ("topics", index, "area"),
                          f"no area has the id '{topic.area}' (known: {', '.join(sorted(areas))})",
                          doc)


@bank_rule("V003", "a question names a topic that does not exist")
def question_topic(records, ctx) -> Iterator[Problem]:
    topics = {t.id for _, _, t in records.topics}
    for doc, index, q in records.questions:
        if q.topic not in topics:
            yield Problem("V003", ("questions", index, "topic"),
                          f"unknown topic '{q.topic}': add it under 'topics' or use one of "
                          f"{', '.join(sorted(topics))}", doc)


@bank_rule("V004", "a question names a source that does not exist")
def question_source(records, ctx) -> Iterator[Problem]:
    sources = {s.id for _, _, s in records.sources}
    for doc, index, q in records.questions:
        if q.source not in sources:
            yield Problem("V004", ("questions", index, "source"),
                          f"unknown source '{q.source}' (known: {', '.join(sorted(sources))})",
                          doc)


@bank_rule("V005", "a question's section differs from its topic's area")
def question_section(records, ctx) -> Iterator[Problem]:
    area_of = {t.id: t.area for _, _, t in records.topics}
    sections = {a.id: a.section for _, _, a in records.areas}
    for doc, index, q in records.questions:
        section = sections.get(area_of.get(q.topic, ""))
        if section is not None and section is not q.section:
            yield Problem("V005", ("questions", index, "topic"),
                          f"topic '{q.topic}' belongs to a {section.value} area, so the "
                          f"question's section is '{section.value}', not '{q.section.value}'",
                          doc)

"""Pages that list questions: a topic's, an area's, a section's, and the home page's
overview of areas and topics."""

from __future__ import annotations

from collections.abc import Iterable

from scripts.bank.bank import Bank
from scripts.bank.models import Question, Section
from scripts.pages.paths import area_path, question_path, topic_path
from scripts.pages.question import difficulty_label
from scripts.pages.text import escape, escape_html, front_matter, plural
from scripts.pages.widgets import progress_bars

SECTION_TITLES = {
    Section.general: "General and competency questions",
    Section.technical: "Technical questions",
}
SECTION_DESCRIPTIONS = {
    Section.general: (
        "No single right answer exists for these: each page teaches a method for building "
        "your own answer from your own experience."
    ),
    Section.technical: (
        "Each page has a 30-second answer, a model answer with the maths where it makes "
        "things exact, how to answer, common mistakes, follow-ups and references."
    ),
}


def question_table(questions: Iterable[Question], prefix: str) -> str:
    """A table of questions with their difficulty; `prefix` leads from the page to docs/."""
    rows = [
        f"| [{escape(q.title)}]({prefix}{question_path(q.id)}) | {difficulty_label(q.difficulty)} |"
        for q in questions
    ]
    if not rows:
        return "_No questions yet._\n"
    return "| Question | Difficulty |\n| --- | --- |\n" + "\n".join(rows) + "\n"


def topic_page(bank: Bank, topic_id: str) -> str:
    topic = bank.vocabulary.topic(topic_id)
    area = bank.vocabulary.area(topic.area)
    mine = bank.in_topic(topic_id)
    return "\n".join([
        front_matter(title=escape_html(topic.title), description=escape_html(topic.description)),
        f"# {escape(topic.title)}\n",
        f"{escape(topic.description)}\n",
        f"Part of [{escape(area.title)}](../{area_path(area.id)}). "
        f"{plural(len(mine), 'question')}.\n",
        progress_bars(topic_id),
        question_table(mine, "../"),
    ])


def area_page(bank: Bank, area_id: str) -> str:
    area = bank.vocabulary.area(area_id)
    parts = [
        front_matter(title=escape_html(area.title), description=escape_html(area.description)),
        f"# {escape(area.title)}\n",
        f"{escape(area.description)} {plural(len(bank.in_area(area_id)), 'question')}.\n",
    ]
    for topic in bank.topics_of(area_id):
        parts.append(f"## [{escape(topic.title)}](../{topic_path(topic.id)})\n")
        parts.append(f"{escape(topic.description)}\n")
        parts.append(question_table(bank.in_topic(topic.id), "../"))
    return "\n".join(parts)


def section_page(bank: Bank, section: Section) -> str:
    """Every question of a section, by area and topic (the site's first listing pages, kept
    so that their addresses never break)."""
    parts = [
        front_matter(title=SECTION_TITLES[section], description=SECTION_DESCRIPTIONS[section]),
        f"# {SECTION_TITLES[section]}\n",
        f"{SECTION_DESCRIPTIONS[section]}\n",
    ]
    for area in bank.areas():
        if area.section is not section:
            continue
        for topic in bank.topics_of(area.id):
            parts.append(f"## [{escape(topic.title)}](../{topic_path(topic.id)})\n")
            parts.append(question_table(bank.in_topic(topic.id), "../"))
    return "\n".join(parts)


def overview(bank: Bank, prefix: str = "") -> str:
    """Areas and their topics with question counts, for the home page."""
    parts = []
    for area in bank.areas():
        count = len(bank.in_area(area.id))
        parts.append(f"### [{escape(area.title)}]({prefix}{area_path(area.id)}) ({count})\n")
        items = [
            f"- [{escape(t.title)}]({prefix}{topic_path(t.id)}): "
            f"{plural(len(bank.in_topic(t.id)), 'question')}"
            for t in bank.topics_of(area.id)
        ]
        parts.append("\n".join(items) + "\n")
    return "\n".join(parts)

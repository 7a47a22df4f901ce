"""One question's page."""

from __future__ import annotations

from scripts.bank.bank import Bank
from scripts.bank.models import Difficulty, Question
from scripts.pages.blocks import NOT_INDEXED, question_blocks, references
from scripts.pages.links import Links
from scripts.pages.paths import area_path, topic_path
from scripts.pages.text import escape, escape_html, front_matter, summary
from scripts.pages.widgets import review_control

DRAFT_NOTE = (
    '!!! warning "Draft"\n'
    "    This question is a draft: `make serve` shows it so you can preview it; the published\n"
    "    site leaves it out until it meets the answer standard and has been reviewed.\n"
)
PROMPT = "Try answering out loud first, then open the blocks one at a time."


def difficulty_label(difficulty: Difficulty) -> str:
    return difficulty.value.capitalize()


def meta_line(bank: Bank, q: Question, prefix: str) -> str:
    topic = bank.vocabulary.topic(q.topic)
    area = bank.vocabulary.area(topic.area)
    return (
        f"[{escape(topic.title)}]({prefix}{topic_path(topic.id)}) · "
        f"{difficulty_label(q.difficulty)} · "
        f"[{escape(area.title)}]({prefix}{area_path(area.id)})"
        f"\n{{ .q-meta {NOT_INDEXED} }}\n"
    )


def question_page(bank: Bank, q: Question, links: Links) -> str:
    """The Markdown of one question's page."""
    parts = [
        front_matter(
            # Material writes these into the page's HTML as they are: escape them here.
            title=escape_html(q.title),
            description=escape_html(summary(q.short_answer)),
            tags=list(q.tags),
            question_id=q.id,
        ),
        f"# {escape(q.title)}\n",
        meta_line(bank, q, "../"),
        *([DRAFT_NOTE] if q.is_draft else []),
        f"{PROMPT}\n{{ .q-prompt {NOT_INDEXED} }}\n",
        question_blocks(q),
        review_control(q.id),
    ]
    if q.references:
        parts.append(f"## References {{ {NOT_INDEXED} }}\n\n" + references(q) + "\n")
        if q.reviewed:
            parts.append(f"Checked against these references on {q.reviewed.isoformat()}.\n"
                         "{ .q-reviewed }\n")
    related = bank.related_to(q)
    if related:
        items = "\n".join(f"- [{escape(r.title)}]({r.id}.md)" for r in related)
        parts.append(f"## Related questions {{ {NOT_INDEXED} }}\n\n" + items + "\n")
    parts.append(
        f"[Suggest an edit]({links.edit_url()}){{ .md-button }} "
        f"[Report a problem]({links.report_url(q)}){{ .md-button }}\n"
        "{ .q-actions }\n"
    )
    return "\n".join(parts)

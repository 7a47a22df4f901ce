"""Pure functions from validated models to Markdown pages. No I/O, no MkDocs.

Page paths, relative to the docs folder: a question at `questions/<id>.md`, a topic index at
`topics/<topic>.md`, a section index at `sections/<section>.md`.
"""

from __future__ import annotations

import html
import json
import re
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from scripts.models import TOPICS, Difficulty, Question, Section

# Container fences use more slashes than contributed text may (the validator rejects
# lines that start with "///"), so an answer can never close the block around it.
FENCE = "/////"

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


DRAFT_NOTE = (
    '!!! warning "Draft"\n'
    "    This question is a draft: `make serve` shows it so you can preview it; the published\n"
    "    site leaves it out until it meets the answer standard and has been reviewed.\n"
)


@dataclass(frozen=True)
class Links:
    """Where the project lives, for edit and report links."""

    repo_url: str  # https://github.com/OWNER/REPO
    branch: str = "main"
    data_path: str = "data/questions.yml"

    def edit_url(self) -> str:
        return f"{self.repo_url}/edit/{self.branch}/{self.data_path}"

    def source_url(self, line: int | None = None) -> str:
        anchor = f"#L{line}" if line else ""
        return f"{self.repo_url}/blob/{self.branch}/{self.data_path}{anchor}"

    def report_url(self, q: Question) -> str:
        query = urlencode({
            "template": "report-a-problem.yml",
            "title": f"[{q.id}] ",
            "question-id": q.id,
        })
        return f"{self.repo_url}/issues/new?{query}"


def question_path(question_id: str) -> str:
    return f"questions/{question_id}.md"


def topic_path(topic: str) -> str:
    return f"topics/{topic}.md"


def section_path(section: Section) -> str:
    return f"sections/{section.value}.md"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def escape(text: str) -> str:
    """Plain text made safe to place inside Markdown (link text, table cells)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def plain_text(markdown: str) -> str:
    """A one-line plain-text version of short Markdown, for meta descriptions."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"[`*_]|\$+|\\(?=[a-zA-Z{}])", "", text)
    return " ".join(text.split())


def summary(markdown: str, limit: int = 160) -> str:
    text = plain_text(markdown)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def _front_matter(**fields: object) -> str:
    # JSON is valid YAML and quotes every character safely.
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"


# Each layer borrows the colour and icon of one of Material's admonition types.
BLOCK_STYLES = {
    "short-answer": "abstract",
    "model-answer": "success",
    "how-to-answer": "tip",
    "common-mistakes": "failure",
    "follow-up-questions": "question",
}


# Material's search skips an element with this attribute (and then removes the attribute).
# The index keeps the title, the 30-second answer and the model answer, so every word of an
# answer still finds its question, at about 2 KB per question (see benchmarks/README.md);
# the other layers, the meta line and the prompt are read on the page, not searched.
NOT_INDEXED = 'data-search-exclude="true"'


def _block(summary_text: str, anchor: str, body: str, *, open_: bool, level: int,
           indexed: bool = True) -> str:
    # The summary is a heading (level 2 on a question's page): each block is a section of
    # the page, the headings of an answer (level 3 and deeper there) sit under it, and
    # screen-reader users can jump from block to block by heading.
    style = BLOCK_STYLES[anchor]
    attrs = f"id: {anchor}, class: q-block" + ("" if indexed else ", data-search-exclude: 'true'")
    options = f"    type: {style}\n    attrs: {{{attrs}}}\n"
    if open_:
        options += "    open: true\n"
    heading = "#" * level
    return f"{FENCE} details | {heading} {summary_text}\n{options}\n{body.strip()}\n\n{FENCE}\n"


def difficulty_label(difficulty: Difficulty) -> str:
    return difficulty.value.capitalize()


def _mistakes(q: Question) -> str:
    return "\n".join(
        f"- **{m.mistake.strip()}**  \n  {textwrap.indent(m.why.strip(), '  ').lstrip()}"
        for m in q.mistakes
    )


def _follow_ups(q: Question) -> str:
    parts = []
    for f in q.follow_ups:
        parts.append(f"**{f.question.strip()}**\n\n{f.answer.strip()}\n")
    return "\n".join(parts)


def _references(q: Question) -> str:
    lines = []
    for r in q.references:
        locator = f" — {escape(r.locator)}" if r.locator else ""
        lines.append(f"1. [{escape(r.title)}]({r.url}){locator}")
    return "\n".join(lines)


def question_blocks(q: Question, *, open_: bool = False, level: int = 2) -> str:
    """The collapsible layers of a question, in the order a candidate uses them; `level` is
    the heading level of their summaries (contributed headings start one level deeper)."""
    def block(summary_text: str, anchor: str, body: str, indexed: bool = True) -> str:
        return _block(summary_text, anchor, body, open_=open_, level=level, indexed=indexed)

    blocks = [
        block("30-second answer", "short-answer", q.short_answer),
        block("Model answer", "model-answer", q.answer),
    ]
    if q.tips:
        blocks.append(block("How to answer", "how-to-answer", q.tips, indexed=False))
    if q.mistakes:
        blocks.append(block("Common mistakes", "common-mistakes", _mistakes(q), indexed=False))
    if q.follow_ups:
        blocks.append(block("Follow-up questions", "follow-up-questions", _follow_ups(q),
                            indexed=False))
    return "\n".join(blocks)


def widget(name: str, css_class: str, **data: str) -> str:
    """An empty element the site's practice scripts fill in (docs/assets/javascripts/guide/).
    Empty, so a page read without JavaScript shows nothing that cannot work."""
    attrs = "".join(
        f' data-{key.replace("_", "-")}="{html.escape(value, quote=True)}"'
        for key, value in data.items()
    )
    return f'<div class="{css_class}" data-guide="{name}"{attrs}></div>\n'


def review_control(q: Question) -> str:
    """Where a question page shows its "mark as reviewed" control."""
    return widget("review-toggle", "guide-review", question_id=q.id)


def progress_bars(topic: str | None = None) -> str:
    """Where a page shows the reader's progress: one topic, or every topic."""
    return widget("topic-progress", "guide-progress", **({"topic": topic} if topic else {}))


def meta_line(q: Question, prefix: str) -> str:
    topic = TOPICS[q.topic.value]
    return (
        f"[{escape(topic.title)}]({prefix}{topic_path(q.topic.value)}) · "
        f"{difficulty_label(q.difficulty)} · "
        f"[{SECTION_TITLES[q.section].split(' questions')[0]}]({prefix}{section_path(q.section)})"
        f"\n{{ .q-meta {NOT_INDEXED} }}\n"
    )


def question_page(q: Question, by_id: dict[str, Question], links: Links) -> str:
    """The Markdown of one question's page."""
    parts = [
        _front_matter(
            title=q.title,
            description=summary(q.short_answer),
            tags=list(q.tags),
            question_id=q.id,
        ),
        f"# {escape(q.title)}\n",
        meta_line(q, "../"),
        *([DRAFT_NOTE] if q.is_draft else []),
        "Try answering out loud first, then open the blocks one at a time.\n"
        f"{{ .q-prompt {NOT_INDEXED} }}\n",
        question_blocks(q),
        review_control(q),
    ]
    if q.references:
        parts.append(f"## References {{ {NOT_INDEXED} }}\n\n" + _references(q) + "\n")
        if q.reviewed:
            parts.append(f"Checked against these references on {q.reviewed.isoformat()}.\n"
                         "{ .q-reviewed }\n")
    if q.related:
        items = "\n".join(
            f"- [{escape(by_id[r].title)}]({r}.md)" for r in q.related if r in by_id
        )
        parts.append(f"## Related questions {{ {NOT_INDEXED} }}\n\n" + items + "\n")
    parts.append(
        f"[Suggest an edit]({links.edit_url()}){{ .md-button }} "
        f"[Report a problem]({links.report_url(q)}){{ .md-button }}\n"
        "{ .q-actions }\n"
    )
    return "\n".join(parts)


def question_table(questions: Iterable[Question], prefix: str) -> str:
    """A table of questions with their difficulty; `prefix` leads from the page to docs/."""
    rows = [
        f"| [{escape(q.title)}]({prefix}{question_path(q.id)}) | {difficulty_label(q.difficulty)} |"
        for q in questions
    ]
    if not rows:
        return "_No questions yet._\n"
    return "| Question | Difficulty |\n| --- | --- |\n" + "\n".join(rows) + "\n"


def topic_page(topic: str, questions: Sequence[Question]) -> str:
    info = TOPICS[topic]
    mine = [q for q in questions if q.topic.value == topic]
    return "\n".join([
        _front_matter(title=info.title, description=info.description),
        f"# {escape(info.title)}\n",
        f"{escape(info.description)}\n",
        f"Part of [{SECTION_TITLES[info.section]}](../{section_path(info.section)}). "
        f"{len(mine)} question{'s' if len(mine) != 1 else ''}.\n",
        progress_bars(topic),
        question_table(mine, "../"),
    ])


def topics_of(section: Section, questions: Sequence[Question] | None = None) -> list[str]:
    """The topics of a section; given the bank, only those with at least one question (a
    topic has no page, and no place in the navigation, until its first question lands)."""
    used = None if questions is None else {q.topic.value for q in questions}
    return [name for name, info in TOPICS.items()
            if info.section is section and (used is None or name in used)]


def published_topics(questions: Sequence[Question]) -> list[str]:
    return [t for section in Section for t in topics_of(section, questions)]


def section_page(section: Section, questions: Sequence[Question]) -> str:
    parts = [
        _front_matter(title=SECTION_TITLES[section], description=SECTION_DESCRIPTIONS[section]),
        f"# {SECTION_TITLES[section]}\n",
        f"{SECTION_DESCRIPTIONS[section]}\n",
    ]
    for topic in topics_of(section, questions):
        info = TOPICS[topic]
        mine = [q for q in questions if q.topic.value == topic]
        parts.append(f"## [{escape(info.title)}](../{topic_path(topic)})\n")
        parts.append(question_table(mine, "../"))
    return "\n".join(parts)


def overview(questions: Sequence[Question], prefix: str = "") -> str:
    """Sections and topics with their question counts, for the home page."""
    parts = []
    for section in Section:
        count = sum(1 for q in questions if q.section is section)
        parts.append(f"### [{SECTION_TITLES[section]}]({prefix}{section_path(section)}) "
                     f"({count})\n")
        items = []
        for topic in topics_of(section, questions):
            n = sum(1 for q in questions if q.topic.value == topic)
            items.append(f"- [{escape(TOPICS[topic].title)}]({prefix}{topic_path(topic)}): "
                         f"{n} question{'s' if n != 1 else ''}")
        parts.append("\n".join(items) + "\n")
    return "\n".join(parts)

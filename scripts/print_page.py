"""The printable guide: one page holding every question with every block open, grouped
by topic. Pure functions from models to Markdown; no I/O, no MkDocs.

The page lives at `print.md` (URL /print/); docs/assets/stylesheets/print.css lays it out
on paper and scripts/make_pdf.py prints it to PDF with Chromium.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence

from scripts import relocate, render
from scripts.models import TOPICS, Question, Section

PAGE_PATH = "print.md"
PDF_PATH = "downloads/ml-interview-guide.pdf"
TITLE = "Printable guide"

# render.question_blocks gives every block the same id on every page; here thirty
# questions share one page, so each block's id gets its question's prefix.
_BLOCK_ID = re.compile(r"^(    attrs: \{id: )([a-z0-9-]+)(, class: q-block[,}])", re.M)


def question_anchor(question_id: str) -> str:
    return f"q-{question_id}"


def topic_anchor(topic: str) -> str:
    return f"topic-{topic}"


def _front_matter() -> str:
    fields = {
        "title": TITLE,
        "description": "Every question of the guide with every answer open, laid out "
                       "for paper and PDF.",
        # The questions have their own pages in the index; once is enough.
        "search": {"exclude": True},
        "hide": ["navigation", "toc"],
    }
    return "---\n" + "".join(
        f"{key}: {json.dumps(value)}\n" for key, value in fields.items()
    ) + "---\n"


def _link_on_print_page(ids: set[str]) -> relocate.LinkMap:
    """Links between questions become jumps within this page (they work in the PDF
    too); anything else is rewritten relative to the page, which sits at the docs root."""

    def link(path: str, fragment: str) -> str:
        folder, _, name = path.rpartition("/")
        question_id = name.removesuffix(".md")
        if folder == relocate.QUESTION_DIR and name.endswith(".md") and question_id in ids:
            if fragment in render.BLOCK_STYLES:
                return f"#{question_anchor(question_id)}-{fragment}"
            return f"#{question_anchor(question_id)}"
        return path + (f"#{fragment}" if fragment else "")

    return link


def _blocks(q: Question, ids: set[str]) -> str:
    # The question is a level-3 heading here, so the blocks' summaries are level 4 and the
    # contributed headings (level 3 and deeper) move two levels down, under them.
    text = render.question_blocks(q, open_=True, level=4)
    text = _BLOCK_ID.sub(rf"\g<1>{question_anchor(q.id)}-\g<2>\g<3>", text)
    text = relocate.rebase_links(text, _link_on_print_page(ids))
    text = relocate.namespace_labels(text, f"{q.id}-")
    return relocate.shift_headings(text, 2)


def _question(q: Question, by_id: dict[str, Question], page_url: Callable[[str], str]) -> str:
    tags = ", ".join(q.tags)
    parts = [
        '<article class="print-question" markdown>\n',
        f"### {render.escape(q.title)} {{ #{question_anchor(q.id)} }}\n",
        f"{render.difficulty_label(q.difficulty)}" + (f" · {tags}" if tags else "")
        + "\n{ .q-meta }\n",
        _blocks(q, set(by_id)),
    ]
    if q.references:
        items = "\n".join(
            f"1. [{render.escape(r.title)}]({r.url})"
            + (f" — {render.escape(r.locator)}" if r.locator else "")
            for r in q.references
        )
        parts.append(f"**References**\n{{ .print-label }}\n\n{items}\n")
    related = [by_id[r] for r in q.related if r in by_id]
    if related:
        links = "; ".join(
            f"[{render.escape(r.title)}](#{question_anchor(r.id)})" for r in related
        )
        parts.append(f"**Related:** {links}\n{{ .print-related }}\n")
    url = page_url(render.question_path(q.id))
    parts.append(f"[This question online]({url})\n{{ .print-online }}\n")
    parts.append("</article>\n")
    return "\n".join(parts)


def groups(questions: Sequence[Question]) -> list[tuple[str, list[Question]]]:
    """(topic, its questions) in the site's order: sections, then their topics."""
    out = []
    for section in Section:
        for topic in render.topics_of(section):
            mine = [q for q in questions if q.topic.value == topic]
            if mine:
                out.append((topic, mine))
    return out


def print_page(
    questions: Sequence[Question], *, page_url: Callable[[str], str], site_url: str
) -> str:
    """The Markdown of the printable guide. `page_url` gives the absolute URL of a page
    from its path in the docs folder."""
    by_id = {q.id: q for q in questions}
    grouped = groups(questions)
    contents = "\n".join(
        f"1. [{render.escape(TOPICS[topic].title)}](#{topic_anchor(topic)}) "
        f"({len(mine)})"
        for topic, mine in grouped
    )
    parts = [
        _front_matter(),
        f"# {TITLE}\n",
        f"All {len(questions)} questions of the guide with every answer open, grouped by "
        "topic. Print this page, or download it as a PDF from "
        "[Take it with you](downloads.md).\n{ .print-screen-only }\n",
        f"Questions and answers by the contributors of the ML Interview Study Guide, "
        f"under CC BY-SA 4.0. The latest version: [{site_url}]({site_url})\n"
        "{ .print-colophon }\n",
        f"**Topics**\n{{ .print-label }}\n\n{contents}\n",
    ]
    for topic, mine in grouped:
        info = TOPICS[topic]
        section = render.SECTION_TITLES[info.section]
        count = f"{len(mine)} question{'s' if len(mine) != 1 else ''}"
        parts.append(
            f"## {render.escape(info.title)} {{ #{topic_anchor(topic)} .print-topic }}\n\n"
            f"{section} · {count}. {render.escape(info.description)}\n"
            "{ .print-topic-meta }\n"
        )
        parts.extend(_question(q, by_id, page_url) for q in mine)
    return "\n".join(parts)

"""The printable guide: one page holding every question with every block open, grouped by
area and topic. docs/assets/stylesheets/print.css lays it out on paper and
scripts/exports/pdf.py prints it to PDF with Chromium."""

from __future__ import annotations

import json
from collections.abc import Callable

from scripts.bank.bank import Bank
from scripts.bank.models import Question
from scripts.pages import relocate
from scripts.pages.blocks import BLOCK_STYLES, FENCE, question_blocks, references
from scripts.pages.paths import PRINT_PAGE, question_path
from scripts.pages.question import difficulty_label
from scripts.pages.text import escape, plural

PAGE_PATH = PRINT_PAGE
PDF_PATH = "downloads/ml-interview-guide.pdf"
TITLE = "Printable guide"


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
    return "---\n" + "".join(f"{key}: {json.dumps(value)}\n" for key, value in fields.items()) \
        + "---\n"


def _link_on_print_page(ids: set[str]) -> relocate.LinkMap:
    """Links between questions become jumps within this page (they work in the PDF
    too); anything else is rewritten relative to the page, which sits at the docs root."""

    def link(path: str, fragment: str) -> str:
        folder, _, name = path.rpartition("/")
        question_id = name.removesuffix(".md")
        if folder == relocate.QUESTION_DIR and name.endswith(".md") and question_id in ids:
            if fragment in BLOCK_STYLES:
                return f"#{question_anchor(question_id)}-{fragment}"
            return f"#{question_anchor(question_id)}"
        return path + (f"#{fragment}" if fragment else "")

    return link


def _blocks(q: Question, ids: set[str]) -> str:
    # The question is a level-3 heading here, so the blocks' summaries are level 4 and the
    # contributed headings (level 3 and deeper) move two levels down, under them.
    text = question_blocks(q, open_=True, level=4, id_prefix=f"{question_anchor(q.id)}-")
    text = relocate.rebase_links(text, _link_on_print_page(ids))
    text = relocate.namespace_labels(text, f"{q.id}-")
    text = relocate.shift_headings(text, 2)
    # Inside <article markdown> md_in_html reads the answer as HTML first: `$y_{<t}$` would
    # open a tag, and Python-Markdown would silently drop the rest of the page.
    return relocate.math_safe_in_html(text)


def _question(bank: Bank, q: Question, page_url: Callable[[str], str]) -> str:
    ids = {x.id for x in bank}
    tags = ", ".join(q.tags)
    parts = [
        # A block of pymdownx.blocks.html, not raw <article markdown>: inside raw HTML,
        # md_in_html reads "<t" of a formula such as y_{<t} as a tag and swallows the rest
        # of the page. The block parses its content as ordinary Markdown, as on the
        # question pages.
        f"{FENCE}/ html | article.print-question\n",  # longer: it holds the answer blocks
        f"### {escape(q.title)} {{ #{question_anchor(q.id)} }}\n",
        f"{difficulty_label(q.difficulty)}" + (f" · {escape(tags)}" if tags else "")
        + "\n{ .q-meta }\n",
        _blocks(q, ids),
    ]
    if q.references:
        parts.append(f"**References**\n{{ .print-label }}\n\n{references(q)}\n")
    related = [r for r in (bank.question(i) for i in q.related) if r is not None]
    if related:
        links = "; ".join(f"[{escape(r.title)}](#{question_anchor(r.id)})" for r in related)
        parts.append(f"**Related:** {links}\n{{ .print-related }}\n")
    parts.append(f"[This question online]({page_url(question_path(q.id))})\n"
                 "{ .print-online }\n")
    parts.append(f"{FENCE}/\n")
    return "\n".join(parts)


def print_page(bank: Bank, *, page_url: Callable[[str], str], site_url: str) -> str:
    """The Markdown of the printable guide. `page_url` gives the absolute URL of a page
    from its path in the docs folder."""
    topics = bank.topics()
    contents = "\n".join(
        f"1. [{escape(t.title)}](#{topic_anchor(t.id)}) ({len(bank.in_topic(t.id))})"
        for t in topics
    )
    parts = [
        _front_matter(),
        f"# {TITLE}\n",
        f"All {len(bank)} questions of the guide with every answer open, grouped by "
        "topic. Print this page, or download it as a PDF from "
        "[Take it with you](downloads.md).\n{ .print-screen-only }\n",
        f"Questions and answers by the contributors of the ML Interview Study Guide, "
        f"under CC BY-SA 4.0. The latest version: [{site_url}]({site_url})\n"
        "{ .print-colophon }\n",
        f"**Topics**\n{{ .print-label }}\n\n{contents}\n",
    ]
    for topic in topics:
        area = bank.vocabulary.area(topic.area)
        mine = bank.in_topic(topic.id)
        parts.append(
            f"## {escape(topic.title)} {{ #{topic_anchor(topic.id)} .print-topic }}\n\n"
            f"{escape(area.title)} · {plural(len(mine), 'question')}. "
            f"{escape(topic.description)}\n{{ .print-topic-meta }}\n"
        )
        parts.extend(_question(bank, q, page_url) for q in mine)
    return "\n".join(parts)

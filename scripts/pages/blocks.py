"""The collapsible layers of a question (30-second answer, model answer, how to answer,
common mistakes, follow-ups), shared by the question page, the printable guide and anything
else that shows a whole question. Native <details>, so they open without JavaScript."""

from __future__ import annotations

import textwrap

from scripts.bank.models import Question
from scripts.pages.text import escape

# Container fences use more slashes than contributed text may (a rule rejects lines that
# start with "///"), so an answer can never close the block around it.
FENCE = "/////"

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
# answer still finds its question, at about 2 KB per question (benchmarks/README.md); the
# other layers, the meta line and the prompt are read on the page, not searched.
NOT_INDEXED = 'data-search-exclude="true"'


def block(summary_text: str, anchor: str, body: str, *, open_: bool, level: int,
          indexed: bool = True, id_prefix: str = "") -> str:
    # The summary is a heading (level 2 on a question's page): each block is a section of
    # the page, the headings of an answer (level 3 and deeper there) sit under it, and
    # screen-reader users can jump from block to block by heading.
    attrs = f"id: {id_prefix}{anchor}, class: q-block"
    if not indexed:
        attrs += ", data-search-exclude: 'true'"
    options = f"    type: {BLOCK_STYLES[anchor]}\n    attrs: {{{attrs}}}\n"
    if open_:
        options += "    open: true\n"
    heading = "#" * level
    return f"{FENCE} details | {heading} {summary_text}\n{options}\n{body.strip()}\n\n{FENCE}\n"


def mistakes(q: Question) -> str:
    return "\n".join(
        f"- **{m.mistake.strip()}**  \n  {textwrap.indent(m.why.strip(), '  ').lstrip()}"
        for m in q.mistakes
    )


def follow_ups(q: Question) -> str:
    return "\n".join(f"**{f.question.strip()}**\n\n{f.answer.strip()}\n" for f in q.follow_ups)


def question_blocks(q: Question, *, open_: bool = False, level: int = 2,
                    id_prefix: str = "") -> str:
    """The layers in the order a candidate uses them; `level` is the heading level of their
    summaries (contributed headings start one level deeper), `id_prefix` makes their ids
    unique on a page that holds several questions."""
    def layer(summary_text: str, anchor: str, body: str, indexed: bool = True) -> str:
        return block(summary_text, anchor, body, open_=open_, level=level, indexed=indexed,
                     id_prefix=id_prefix)

    parts = [
        layer("30-second answer", "short-answer", q.short_answer),
        layer("Model answer", "model-answer", q.answer),
    ]
    if q.tips:
        parts.append(layer("How to answer", "how-to-answer", q.tips, indexed=False))
    if q.mistakes:
        parts.append(layer("Common mistakes", "common-mistakes", mistakes(q), indexed=False))
    if q.follow_ups:
        parts.append(layer("Follow-up questions", "follow-up-questions", follow_ups(q),
                           indexed=False))
    return "\n".join(parts)


def reference_url(url: str) -> str:
    """A reference URL as a Markdown link target: parentheses percent-encoded, so that the
    target always ends where the URL does (the checks allow no spaces or brackets in it)."""
    return url.replace("(", "%28").replace(")", "%29")


def references(q: Question) -> str:
    return "\n".join(
        f"1. [{escape(r.title)}]({reference_url(r.url)})"
        + (f" — {escape(r.locator)}" if r.locator else "")
        for r in q.references
    )

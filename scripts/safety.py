"""Contributed text is data, never code: find what must not reach a page.

Rejected outside code: raw HTML other than a few harmless inline tags, `<script>`,
`<iframe>`, `<style>`, event-handler and style attributes (also through attribute lists,
`{ onclick=... }`), Jinja syntax, and links that are not https (`javascript:`, `data:`,
`http:` and any other scheme). Inside fenced or inline code everything is shown literally
by Markdown, so it is allowed there.

Images must be the site's own figures: `![what it shows](../assets/figures/NAME.svg)`, with
alt text, pointing at a file that exists in docs/assets/figures/ (scripts/figures/ draws
them). The path is relative to the question page's Markdown source, `questions/<id>.md`,
which is how MkDocs resolves and checks it; the built page at /questions/<id>/ links
`../../assets/figures/NAME.svg`. An image from another host would be a request to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scripts.models import Question

# Inline tags that carry no behaviour and no styling hooks. No attributes are allowed.
ALLOWED_TAGS = frozenset({"br", "sub", "sup", "kbd", "mark", "small"})
DANGEROUS_TAGS = frozenset({
    "script", "iframe", "style", "object", "embed", "form", "input", "button", "link",
    "meta", "base", "svg", "math", "frame", "frameset", "template", "textarea", "select",
})


FIGURES_DIR = Path(__file__).resolve().parent.parent / "docs" / "assets" / "figures"
FIGURE_PREFIX = "../assets/figures/"


@dataclass(frozen=True)
class Finding:
    path: tuple[Any, ...]  # inside the question, e.g. ("follow_ups", 2, "answer")
    needle: str  # the offending text, to find its line in the file
    message: str


_FENCE = re.compile(r"^( {0,3}|\s*)(`{3,}|~{3,})[^\n]*\n.*?^\s*\2[`~]*[ \t]*$", re.M | re.S)
_INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
# An HTML tag starts with "<" directly followed by a name ("a < b" is not a tag). Closing
# tags are not reported: the opening tag is the problem, and one report per problem is enough.
_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)((?:\s[^<>]*)?)/?>")
_COMMENT = re.compile(r"<!--|<!\[CDATA\[|<\?")
_EVENT_ATTR = re.compile(r"\bon[a-z]+\s*=", re.I)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>")
_INLINE_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
_JINJA = re.compile(r"\{\{|\{%|\{#|%\}|#\}")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_BLOCK_FENCE = re.compile(r"^ {0,3}/{3,}", re.M)
_TOP_HEADING = re.compile(r"^ {0,3}#{1,2}[ \t].*$", re.M)
# Python-Markdown's attr_list turns `{ key=value }` after an element into HTML attributes.
_ATTR_LIST = re.compile(r"\{:?[ \t]*[^{}\n]*\}")
_STYLE_ATTR = re.compile(r"\bstyle\s*=", re.I)
# ![alt](src "optional title"); the alt text may hold escaped brackets.
_IMAGE = re.compile(
    r"!\[(?P<alt>(?:\\.|[^\]\\])*)\]\(\s*(?P<src><[^>\n]*>|[^)\s]*)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
# What is left of `![...]` once inline images are removed: reference or shortcut images,
# whose address comes from a `[label]: url` definition elsewhere.
_OTHER_IMAGE = re.compile(r"!\[(?:\\.|[^\]\\])*\](?:\[[^\]]*\])?")
_FIGURE_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.svg$")


def _blank(match: re.Match[str]) -> str:
    # Keep newlines so that positions of what follows do not move.
    return re.sub(r"[^\n]", " ", match.group(0))


def without_code(text: str) -> str:
    """The text with fenced and inline code blanked out."""
    return _INLINE_CODE.sub(_blank, _FENCE.sub(_blank, text))


def _link_problem(url: str) -> str | None:
    scheme = _SCHEME.match(url)
    if scheme is None:
        return None  # relative link or #anchor: MkDocs' strict build checks it
    name = scheme.group(1).lower()
    if name == "https":
        return None
    if name in {"javascript", "data", "vbscript", "file"}:
        return f"'{name}:' links are not allowed"
    if name == "http":
        return "links must use https://, not http://"
    return f"'{name}:' links are not allowed; link with https://"


def check_markdown(text: str, *, allow_markup: bool = True) -> Iterator[tuple[str, str]]:
    """(needle, message) for each unsafe thing in one Markdown string."""
    prose = without_code(text)
    for match in _COMMENT.finditer(prose):
        yield match.group(0), "HTML comments and processing instructions are not allowed"
    for match in _AUTOLINK.finditer(prose):
        problem = _link_problem(match.group(1))
        if problem:
            yield match.group(1), problem
    for match in _TAG.finditer(_AUTOLINK.sub(_blank, prose)):
        name, attrs = match.groups()
        lowered = name.lower()
        if lowered in DANGEROUS_TAGS:
            yield match.group(0), f"<{lowered}> is not allowed in contributed text"
        elif not allow_markup or lowered not in ALLOWED_TAGS:
            allowed = ", ".join(f"<{t}>" for t in sorted(ALLOWED_TAGS))
            hint = f" (allowed: {allowed}; put code in backticks)" if allow_markup else ""
            yield match.group(0), f"raw HTML <{lowered}> is not allowed{hint}"
        elif attrs.strip():
            if _EVENT_ATTR.search(attrs):
                yield match.group(0), "event-handler attributes (on...=) are not allowed"
            else:
                yield match.group(0), f"attributes on <{lowered}> are not allowed"
    for pattern in (_INLINE_LINK, _REF_DEF):
        for match in pattern.finditer(prose):
            problem = _link_problem(match.group(1))
            if problem:
                yield match.group(1), problem
    for match in _BLOCK_FENCE.finditer(prose):
        yield match.group(0).strip(), "a line may not start with '///': it would end the block"
    for match in _TOP_HEADING.finditer(prose):
        yield match.group(0).strip(), (
            "use level-3 headings (###) or deeper: levels 1 and 2 belong to the page"
        )
    for match in _JINJA.finditer(prose):
        yield match.group(0), (
            f"template syntax '{match.group(0)}' is not allowed outside code "
            "(write it inside backticks)"
        )
    for match in _ATTR_LIST.finditer(prose):
        if _EVENT_ATTR.search(match.group(0)):
            yield match.group(0), "event-handler attributes (on...=) are not allowed"
        elif _STYLE_ATTR.search(match.group(0)):
            yield match.group(0), "style attributes are not allowed"


def _image_problem(src: str, figures_dir: Path) -> str | None:
    example = f"![what the figure shows]({FIGURE_PREFIX}NAME.svg)"
    if src.startswith(FIGURE_PREFIX):
        name = src[len(FIGURE_PREFIX):]
        if not _FIGURE_NAME.match(name):
            return (f"figure file names are lowercase words joined by hyphens, ending in "
                    f".svg: {example}")
        if not (figures_dir / name).is_file():
            return (f"no figure '{name}' in docs/assets/figures/: figures are drawn by "
                    "scripts/figures/ (see CONTRIBUTING.md, 'Adding a figure')")
        return None
    if _SCHEME.match(src) or src.startswith("//"):
        return ("images from other sites are not allowed (the site loads nothing from other "
                f"hosts): add the figure to scripts/figures/ and write {example}")
    if "assets/figures/" in src:
        name = src.rsplit("/", 1)[-1]
        return (f"write the path as {FIGURE_PREFIX}{name}: it is relative to the page's "
                "source, questions/<id>.md")
    return f"an image must be one of the site's figures, written {example}"


def check_images(text: str, figures_dir: Path = FIGURES_DIR) -> Iterator[tuple[str, str]]:
    """(needle, message) for each image that is not an existing figure with alt text."""
    prose = without_code(text)
    for match in _IMAGE.finditer(prose):
        src = match.group("src").strip("<>").strip()
        needle = match.group(0) if "\n" not in match.group(0) else src
        if not match.group("alt").strip():
            yield needle, (
                "an image needs alt text that says what the figure shows: "
                f"![what it shows]({src})"
            )
        problem = _image_problem(src, figures_dir)
        if problem:
            yield needle, problem
    for match in _OTHER_IMAGE.finditer(_IMAGE.sub(_blank, prose)):
        yield match.group(0), (
            f"write an image inline, as ![what the figure shows]({FIGURE_PREFIX}NAME.svg)"
        )


def _text_fields(q: Question) -> Iterator[tuple[tuple[Any, ...], str, bool]]:
    """(path, text, is_markdown) for every field a reader sees."""
    yield ("title",), q.title, False
    yield ("short_answer",), q.short_answer, True
    yield ("answer",), q.answer, True
    if q.tips:
        yield ("tips",), q.tips, True
    for i, m in enumerate(q.mistakes):
        yield ("mistakes", i, "mistake"), m.mistake, True
        yield ("mistakes", i, "why"), m.why, True
    for i, f in enumerate(q.follow_ups):
        yield ("follow_ups", i, "question"), f.question, True
        yield ("follow_ups", i, "answer"), f.answer, True
    for i, r in enumerate(q.references):
        yield ("references", i, "title"), r.title, False
        if r.locator:
            yield ("references", i, "locator"), r.locator, False


def check_question(q: Question, figures_dir: Path = FIGURES_DIR) -> list[Finding]:
    findings = []
    for path, text, is_markdown in _text_fields(q):
        for needle, message in check_markdown(text, allow_markup=is_markdown):
            findings.append(Finding(path, needle, message))
        if is_markdown:  # plain-text fields are escaped: an image there is shown as text
            for needle, message in check_images(text, figures_dir):
                findings.append(Finding(path, needle, message))
    return findings

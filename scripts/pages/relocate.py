"""Contributed Markdown moved off its own question page. Pure functions, no I/O.

Contributors write every answer for `questions/<id>.md`: relative links start from that
folder, reference and footnote labels need only be unique within one question, and
headings start at level 3. The printable guide puts every question on one page and the
Anki deck puts answers where relative links mean nothing, so both rewrite those three
things. Code and math are never touched.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

_FENCE = re.compile(r"^( {0,3}|\s*)(`{3,}|~{3,})[^\n]*\n.*?^\s*\2[`~]*[ \t]*$", re.M | re.S)
# An inline code span: a run of backticks not preceded by a backslash, up to the same run,
# within one paragraph (a code span never crosses a blank line).
_INLINE_CODE = re.compile(r"(?<![\\`])(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.S)


def _blank(match: re.Match[str]) -> str:
    # Keep newlines so that positions of what follows do not move.
    return re.sub(r"[^\n]", " ", match.group(0))


def without_code(text: str) -> str:
    """The text with fenced and inline code blanked out, every position kept. Used to find
    links and labels to rewrite, never to decide what is safe (scripts/checks/ judges the
    rendered HTML)."""
    return _INLINE_CODE.sub(_blank, _FENCE.sub(_blank, text))


# Math as arithmatex finds it: `$$ $$` and `\[ \]` blocks, `$ $` and `\( \)` inline. TeX
# looks like Markdown in places (`E[T](1 + P)` is a link to Markdown), so it is blanked too.
_MATH = re.compile(
    r"\$\$.*?\$\$|\\\[.*?\\\]|\\\(.*?\\\)|(?<![\\$])\$(?!\$)[^$\n]+?(?<![\\$])\$", re.S)


def _prose(text: str) -> str:
    """The text with code and math blanked out, every position kept."""
    return _MATH.sub(_blank, without_code(text))


QUESTION_DIR = "questions"

# `](target` of an inline link or image, the target of an inline image alone, and the
# target of a reference definition.
_INLINE_TARGET = re.compile(r"\]\(\s*<?(?P<target>[^)\s>]+)")
_IMAGE_TARGET = re.compile(r"!\[(?:\\.|[^\]\\])*\]\(\s*<?(?P<target>[^)\s>]+)")
_DEFINITION = re.compile(
    r"^ {0,3}\[(?P<label>[^\]^][^\]]*)\]:[ \t]*<?(?P<target>[^\s>]+)", re.M
)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_HEADING = re.compile(r"^ {0,3}(?P<hashes>#{1,6})(?=[ \t]|$)", re.M)
# Labels, in one pass so that nothing is rewritten twice: footnotes `[^x]` (uses and
# definitions), full references `][label]`, collapsed `[label][]`, shortcut `[label]`.
_LABELS = re.compile(
    r"\[\^(?P<note>[^\]\s]+)\]"
    r"|\]\[(?P<full>[^\]]+)\]"
    r"|\[(?P<collapsed>[^\]]+)\]\[\]"
    r"|\[(?P<shortcut>[^\]]+)\](?![\[(:])"
    r"|^ {0,3}\[(?P<definition>[^\]^][^\]]*)\]:",
    re.M,
)

# (docs path, fragment) -> the link to write instead.
LinkMap = Callable[[str, str], str]


def docs_path(target: str) -> tuple[str, str] | None:
    """Where a link written on a question page points inside the docs folder, as
    (path, fragment); None for links that do not depend on the page's place (absolute
    URLs, site-absolute paths, anchors within the page)."""
    if not target or _SCHEME.match(target) or target.startswith(("/", "#")):
        return None
    path, _, fragment = target.partition("#")
    path = path.split("?", 1)[0]
    return posixpath.normpath(posixpath.join(QUESTION_DIR, path)), fragment


def _normal_label(label: str) -> str:
    return " ".join(label.split()).casefold()


def _replace_spans(text: str, spans: list[tuple[int, int, str]]) -> str:
    out, last = [], 0
    for start, end, new in sorted(spans):
        out.append(text[last:start])
        out.append(new)
        last = end
    out.append(text[last:])
    return "".join(out)


def rebase_links(text: str, link: LinkMap, image: LinkMap | None = None) -> str:
    """Every relative link target passed through `link`, and every relative inline image
    through `image` (`link` too when not given)."""
    prose = _prose(text)  # same length as text, code and math blanked out
    spans: dict[int, tuple[int, int, str]] = {}
    for pattern, rebase in ((_IMAGE_TARGET, image or link), (_INLINE_TARGET, link),
                            (_DEFINITION, link)):
        for match in pattern.finditer(prose):
            start, end = match.span("target")
            place = docs_path(text[start:end])
            if place is not None and start not in spans:  # images were done first
                spans[start] = (start, end, rebase(*place))
    return _replace_spans(text, list(spans.values()))


def image_paths(text: str) -> list[str]:
    """The docs paths of the relative inline images of `text`, in order."""
    prose = _prose(text)
    places = (docs_path(text[slice(*m.span("target"))]) for m in _IMAGE_TARGET.finditer(prose))
    return [place[0] for place in places if place is not None]


def namespace_labels(text: str, prefix: str) -> str:
    """Reference and footnote labels made unique to one question by `prefix`, so that
    two answers on the same page never take each other's link or footnote."""
    prose = _prose(text)
    defined = {_normal_label(m.group("label")) for m in _DEFINITION.finditer(prose)}
    spans = []
    for match in _LABELS.finditer(prose):
        kind = match.lastgroup
        label = match.group(kind)
        start, end = match.span(kind)
        if kind == "note":
            spans.append((start, end, prefix + label))
        elif _normal_label(label) not in defined:
            continue  # brackets that are not a reference: [0, 1], a task box, ...
        elif kind in {"full", "definition"}:
            spans.append((start, end, prefix + label))
        else:  # [label][] and [label] become full references to the renamed label
            spans.append((match.start(), match.end(), f"[{label}][{prefix}{label}]"))
    return _replace_spans(text, spans)


# "<" where HTML would start a tag: before a letter, "/", "!" or "?".
_TAG_OPEN = re.compile(r"<(?=[A-Za-z/!?])")


def math_safe_in_html(text: str) -> str:
    """Math that an HTML parser reads as text: a "<" that would open a tag (`y_{<t}`) is
    followed by an empty group, `<{}t`, which TeX typesets exactly as before (an empty
    group adds no space in math or text mode)."""
    prose = without_code(text)
    spans = [(m.start() + i.start(), m.start() + i.end(), "<{}")
             for m in _MATH.finditer(prose) for i in _TAG_OPEN.finditer(m.group(0))]
    return _replace_spans(text, spans)


def shift_headings(text: str, levels: int) -> str:
    """ATX headings moved `levels` deeper (at most level 6)."""
    prose = _prose(text)
    spans = []
    for match in _HEADING.finditer(prose):
        start, end = match.span("hashes")
        spans.append((start, end, "#" * min(6, end - start + levels)))
    return _replace_spans(text, spans)

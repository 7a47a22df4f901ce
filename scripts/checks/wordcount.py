"""Words of prose in a Markdown field, as the answer standard's budgets count them.

Counted: the words a reader reads as prose, table cells and list items included. Not
counted: fenced code blocks, display and inline math, images (their alt text describes a
figure, it is not part of the answer's length) and link targets. Inline code counts as one
word, as it reads like one.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?^[ \t]*\1[`~]*[ \t]*$", re.M | re.S)
_DISPLAY_MATH = re.compile(r"\$\$.*?\$\$", re.S)
_INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\$)[^$\n]+?(?<![\\$])\$")
_IMAGE = re.compile(r"!\[(?:\\.|[^\]\\])*\]\([^)]*\)")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_INLINE_CODE = re.compile(r"`[^`\n]+`")
_WORD = re.compile(r"[^\W_][\w'’.-]*")


def prose(markdown: str, *, keep_math: bool = False) -> str:
    """The text without fenced code, images, link targets and inline code (and without math,
    unless `keep_math`)."""
    text = _FENCE.sub(" ", markdown)
    if not keep_math:
        text = _DISPLAY_MATH.sub(" ", text)
        text = _INLINE_MATH.sub(" ", text)
    text = _IMAGE.sub(" ", text)
    text = _LINK_TARGET.sub("]", text)
    return _INLINE_CODE.sub(" code ", text)


def words(markdown: str) -> int:
    """How many words of prose `markdown` holds."""
    return len(_WORD.findall(prose(markdown)))

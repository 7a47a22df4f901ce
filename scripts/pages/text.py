"""Plain text placed into Markdown and HTML: escaped so that it is shown, never interpreted.

Titles, tags, reference titles and topic names are plain text in the data file. Inside a
generated page they stand in headings, link texts, table cells and front matter, where
Markdown syntax (`*`, `[`, `{` for attribute lists, `$` for math) or HTML (`</title>`) would
otherwise take effect. Every character that means anything to Markdown, its extensions or
HTML is written as a numeric character reference, which Python-Markdown passes through and
the browser shows as the character itself.
"""

from __future__ import annotations

import html
import json
import re

# Everything an enabled extension could read as syntax, anywhere in a line: emphasis, code,
# links and images, attribute lists, headings, lists and rules, tables, tilde (~~del~~,
# ~sub~), math ($, \( \)), smart symbols ((c), +/-, -->, 1/2), HTML and its entities.
# (Smart symbols still raise the letters of an ordinal such as "2nd": the same text.)
_SPECIAL = frozenset("\\`*_{}[]()<>#+-|~^$&/")
_LIST_START = re.compile(r"^(\d+)([.)])")


def escape(text: str) -> str:
    """Plain text as Markdown that renders to exactly that text, on one line."""
    out = "".join(f"&#{ord(c)};" if c in _SPECIAL else c for c in " ".join(text.split()))
    # "1. x" at the start of a line would begin an ordered list.
    return _LIST_START.sub(lambda m: m.group(1) + f"&#{ord(m.group(2))};", out)


def escape_html(text: str) -> str:
    """Plain text for a place Material writes as HTML without escaping it (page titles and
    descriptions in front matter, navigation titles)."""
    return html.escape(" ".join(text.split()), quote=True)


def plain_text(markdown: str) -> str:
    """A one-line plain-text version of short Markdown, for meta descriptions and previews."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"[`*_]|\$+|\\(?=[a-zA-Z{}])", "", text)
    return " ".join(text.split())


def summary(markdown: str, limit: int = 160) -> str:
    text = plain_text(markdown)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def front_matter(**fields: object) -> str:
    """YAML front matter; JSON is valid YAML and quotes every character safely."""
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"

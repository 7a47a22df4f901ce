"""CONTRIBUTING.md as a site page: one text for GitHub and the site. Its links to files of
the repository point at GitHub; links to site pages (docs/...) stay site links."""

from __future__ import annotations

import re

from scripts.pages.links import Links
from scripts.pages.relocate import without_code

_RELATIVE_LINK = re.compile(r"\]\((?!https?://|#)([^)\s]+)\)")


def contributing_page(text: str, links: Links) -> str:
    def relink(match: re.Match[str]) -> str:
        target = match.group(1)
        if target.startswith("docs/"):
            return f"]({target.removeprefix('docs/')})"
        return f"]({links.blob_url(target)})"

    # Relink in prose only: in code, an example such as `![alt](../assets/figures/x.svg)`
    # must stay as written. without_code() blanks code and keeps every position.
    prose = without_code(text)
    for match in reversed(list(_RELATIVE_LINK.finditer(prose))):
        text = text[:match.start()] + relink(match) + text[match.end():]
    front = "---\ntitle: Contributing\ndescription: How to fix, add and review questions.\n---\n"
    return front + "\n" + text

"""A Content-Security-Policy on every page, as a <meta> tag (GitHub Pages sets no headers):
defence in depth behind the checks of contributed text. Scripts run only from the site
itself and from the page's own inline scripts, each allowed by its SHA-256 hash; no inline
event handler, no `javascript:` URL and no script from any other host can run, and images,
styles, fonts and requests stay on the site."""

from __future__ import annotations

import base64
import hashlib
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from scripts.pages.csp import policy

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
_CHARSET = '<meta charset="utf-8">'


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def with_policy(html: str, where: str, content: str = "") -> str:
    """The page with its policy. Only the template's own inline scripts are allowed: the
    page's content (rendered contributed text) is taken out before scripts are hashed, so a
    <script> that got into an answer is never on the list."""
    template = html
    if content:
        if content not in html:
            raise PluginError(f"{where}: the page's content is not in its HTML as rendered")
        template = html.replace(content, "")
    hashes = sorted({
        _hash(body) for attrs, body in _INLINE_SCRIPT.findall(template)
        if "application/json" not in attrs  # data, never run
    })
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'
    if html.count(_CHARSET) != 1:
        raise PluginError(f"{where}: expected one {_CHARSET} to put the policy after")
    # The policy governs only what comes after it: it goes first in <head>.
    return html.replace(_CHARSET, _CHARSET + "\n    " + tag, 1)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return with_policy(output, page.file.src_uri, page.content or "")


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name.endswith(".html"):  # 404.html; not sitemap.xml
        return with_policy(output, template_name)
    return output

"""Corrections to Material's HTML that no template block reaches (every other fix to its
markup is made in overrides/main.html), and to the HTML of page content: each code block
an id of its own, no empty table header cells, no permalinks inside the answer blocks'
summaries, figures that reserve their space and load only when shown. Each fix says why."""

from __future__ import annotations

import functools
import html as html_lib
import itertools
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from scripts.pages.print_page import PAGE_PATH as PRINT_PAGE
from scripts.paths import FIGURES_DIR

# Material's base.html writes these outside every template block, so overrides/main.html
# cannot reach them and the built HTML is corrected here instead; each fix says why. Every
# other fix to Material's markup is made in overrides/main.html.
# (Material's markup, our markup, the theme feature that emits it or None for always).
MARKUP_FIXES = (
    # autocomplete is not allowed on a checkbox (Nu Html Checker). Material uses it to stop
    # browsers restoring a checked toggle; theme-fixes.js resets the toggles instead.
    ('data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
     'data-md-toggle="drawer" type="checkbox" id="__drawer">', None),
    ('data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
     'data-md-toggle="search" type="checkbox" id="__search">', None),
    # The instant-navigation progress bar is a purely visual strip with no value or name
    # (axe: aria-progressbar-name, and region: it stands outside every landmark). Assistive
    # technology learns of the new page from the page itself, so the strip is hidden from it.
    ('<div class="md-progress" data-md-component="progress" role="progressbar"></div>',
     '<div class="md-progress" data-md-component="progress" role="progressbar" '
     'aria-hidden="true"></div>', "navigation.instant.progress"),
)


def fix_markup(html: str, where: str, config: MkDocsConfig) -> str:
    features = config.theme.get("features") or []
    for old, new, feature in MARKUP_FIXES:
        if feature is not None and feature not in features:
            continue
        if html.count(old) != 1:
            # Material's markup changed: fail the build rather than ship the old problem.
            raise PluginError(f"{where}: expected Material's markup {old!r} exactly once")
        html = html.replace(old, new)
    return html


# Material's script gives each code block the id of its nearest ancestor with an id, so
# every code block inside one answer block (a <details> with an id) gets the same id, and
# each copy button copies the first block. A code block with an id of its own keeps it.
_CODE_PRE = re.compile(r"<pre>(?=(?:<span></span>)?<code)")


# The summary of an answer block is a heading (scripts/render.py), and the toc extension
# gives every heading a permalink: a link inside a summary, the control that opens the block
# (axe: nested-interactive). The table of contents still links to these headings.
_SUMMARY_PERMALINK = re.compile(
    r'(<summary>\s*<h([2-6]) id="[^"]+">[^<]*)<a class="headerlink" href="#[^"]+" '
    r'title="Permanent link">&para;</a>(</h\2>)'
)


# A comparison table often leaves its top-left cell empty (`| | L1 | L2 |`). An empty header
# cell heads nothing and screen readers announce it as a blank header (axe:
# empty-table-header), so it becomes the plain empty cell it is.
_EMPTY_HEADER_CELL = re.compile(r"<th(\s[^>]*)?>\s*</th>")
# A header cell that holds only a formula (`| $f(x)$ |`) is empty to axe, which reads no
# MathML (empty-table-header), though screen readers read it. Its wrapper becomes a named
# math element, named by the text the formula shows (f(x)), so every reader gets the same
# header. (HTML allows no aria-label on <math> itself.)
_MATH_ONLY_HEADER = re.compile(
    r'(<th(?:\s[^>]*)?>\s*<span class="arithmatex")(><math(?:(?!</math>).)*</math>)'
    r'(</span>\s*</th>)',
    re.S)
_INVISIBLE = re.compile("[\u2061-\u2064]")


def _formula_text(mathml: str) -> str:
    shown = re.sub(r"<annotation\b.*?</annotation>", "", mathml, flags=re.S)
    text = html_lib.unescape(re.sub(r"<[^>]+>", "", shown))
    return html_lib.escape(" ".join(_INVISIBLE.sub("", text).split()), quote=True)


def _named_math_header(match: re.Match[str]) -> str:
    return f'{match.group(1)} role="math" aria-label="{_formula_text(match.group(2)[1:])}"' \
           f"{match.group(2)}{match.group(3)}"


# A figure (the validator allows no other image in an answer) gets its size, so the page
# never moves when it arrives, and loads only when it is shown: most figures sit in answer
# blocks that start closed. The printable guide loads them at once (a PDF is printed from
# it without scrolling).
_FIGURE_IMG = re.compile(
    r'<img (?=[^>]*\bsrc="[^"]*/assets/figures/([a-z0-9_-]+)\.svg")([^>]*?)\s*/?>')
_SVG_SIZE = re.compile(r'<svg\b[^>]*\bwidth="([0-9.]+)pt"[^>]*\bheight="([0-9.]+)pt"')


@functools.cache
def figure_size(name: str) -> tuple[int, int]:
    """A figure's size in CSS pixels, from its SVG's width and height in points."""
    path = FIGURES_DIR / f"{name}.svg"
    head = path.read_text(encoding="utf-8")[:2000]
    match = _SVG_SIZE.search(head)
    if match is None:
        raise PluginError(f"{path}: expected width and height in pt on its <svg>")
    return tuple(round(float(v) * 4 / 3) for v in match.groups())  # type: ignore[return-value]


def sized_figures(html: str, *, lazy: bool) -> str:
    def fix(match: re.Match[str]) -> str:
        width, height = figure_size(match.group(1))
        extra = ' loading="lazy" decoding="async"' if lazy else ""
        return f'<img {match.group(2)} width="{width}" height="{height}"{extra} />'
    return _FIGURE_IMG.sub(fix, html)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    numbers = itertools.count()
    html = _CODE_PRE.sub(lambda _: f'<pre id="code-{next(numbers)}">', html)
    html = _EMPTY_HEADER_CELL.sub(lambda m: f"<td{m.group(1) or ''}></td>", html)
    html = _MATH_ONLY_HEADER.sub(_named_math_header, html)
    html = sized_figures(html, lazy=page.file.src_uri != PRINT_PAGE)
    return _SUMMARY_PERMALINK.sub(r"\1\3", html)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return fix_markup(output, page.file.src_uri, config)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name.endswith(".html"):  # 404.html; not sitemap.xml
        return fix_markup(output, template_name, config)
    return output

"""Print the printable guide to PDF with a real browser: Debian's Chromium, driven by
Playwright, against the built site served on loopback (scripts/make_pdf.py runs it).

The PDF is written only once the page is complete: every block open and every formula
typeset (the build writes MathML, so nothing runs in the page for it) with the fonts
loaded, as a reader's browser shows it. It carries bookmarks for every topic
and question. Chromium stamps the PDF with its creation time, so two PDFs of the same
site differ in those bytes only.
"""

from __future__ import annotations

import os
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from scripts.pages.print_page import PAGE_PATH
from scripts.static_server import serve

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# A headless Chromium on a machine with no network but loopback (and as root in CI).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]
PRINT_URL = PAGE_PATH.removesuffix(".md") + "/"
# Large banks make a long page: give loading and printing time rather than fail.
TIMEOUT_MS = 15 * 60 * 1000

FOOTER = (
    '<div style="width:100%;font-size:8px;color:#666;text-align:center;'
    'font-family:sans-serif">ML Interview Study Guide · '
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)

# The build has typeset every formula; wait for the fonts the page uses.
_FONTS = "async () => { await document.fonts.ready; }"
# A formula is typeset when its element holds MathML; TeX left as text would print raw.
_INCOMPLETE = """() => ({
  untypeset: [...document.querySelectorAll('.arithmatex')]
    .filter(e => !e.querySelector('math')).length,
  closed: document.querySelectorAll('details:not([open])').length,
})"""
# Material writes every link out in full, with this loopback server's address. In the
# PDF, links within the page become jumps within the document (and print no address);
# links to other pages of the site lead to the published site.
_PUBLISHED_LINKS = """() => {
  const canonical = document.querySelector('link[rel=canonical]');
  const here = location.pathname.slice(1);
  const published = canonical && canonical.href.endsWith(here)
    ? canonical.href.slice(0, canonical.href.length - here.length) : null;
  for (const a of document.querySelectorAll('.md-content a[href]')) {
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin) continue;
    if (url.pathname === location.pathname && url.hash) {
      a.setAttribute('href', url.hash);
    } else if (published) {
      a.setAttribute('href', published + url.pathname.slice(1) + url.search + url.hash);
    }
  }
}"""


class IncompletePage(RuntimeError):
    """The page is not ready to print: a formula failed or a block is closed."""


def render_pdf(page: Page, print_url: str, output: Path) -> None:
    """Load the printable guide in `page` and print it to `output` (replaced atomically)."""
    page.set_default_timeout(TIMEOUT_MS)
    page.emulate_media(color_scheme="light")
    # "load" first: on a page this long the parser can still be busy when the network
    # has gone quiet, so network idleness alone does not mean the scripts have run.
    page.goto(print_url, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.evaluate(_FONTS)
    state = page.evaluate(_INCOMPLETE)
    if any(state.values()):
        raise IncompletePage(f"{print_url} is not ready to print: {state}")
    page.evaluate(_PUBLISHED_LINKS)
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".part")
    page.pdf(
        path=partial,
        format="A4",
        print_background=True,
        outline=True,  # bookmarks from the headings: topics, then questions
        tagged=True,  # an accessible PDF: screen readers follow its structure
        display_header_footer=True,
        header_template="<span></span>",
        footer_template=FOOTER,
        margin={"top": "16mm", "bottom": "18mm", "left": "15mm", "right": "15mm"},
    )
    partial.replace(output)


def make_pdf(site_dir: Path, output: Path, chromium: str = CHROMIUM) -> None:
    if not (site_dir / PRINT_URL / "index.html").exists():
        raise FileNotFoundError(f"{site_dir / PRINT_URL} is missing: run `make build` first")
    with serve(site_dir) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            render_pdf(browser.new_page(), base_url + PRINT_URL, output)
        finally:
            browser.close()

"""Every figure, drawn by Chromium as the site shows it: it loads, its text renders, and it is
legible on the light palette's white and on the dark palette's #1e2129, where the
stylesheet sets it on a white card."""

from __future__ import annotations

import base64
import io
import re
import shutil
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Browser

from scripts import figures
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

NAMES = list(figures.FIGURES)
SCHEMES = {"default": "#ffffff", "slate": "#1e2129"}  # Material's page colours


def _page_html(scheme: str, sources: dict[str, str]) -> str:
    body = "".join(
        f'<p><img id="{name}" src="{src}" alt="{name}">\n<em>Caption.</em></p>'
        for name, src in sources.items()
    )
    return (
        '<!doctype html><html><head><meta charset="utf-8">'
        '<link rel="stylesheet" href="guide.css">'
        f"<style>body{{background:{SCHEMES[scheme]};margin:0;padding:24px}}"
        ".md-typeset img{max-width:100%;height:auto}</style></head>"
        f'<body data-md-color-scheme="{scheme}"><div class="md-typeset">{body}</div>'
        "</body></html>"
    )


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed figures and the site's stylesheet, on a light and a dark page, and the
    same figures with their text removed, to show that text is what the browser draws."""
    root = tmp_path_factory.mktemp("figures-page")
    shutil.copytree(figures.OUT_DIR, root / "assets" / "figures")
    shutil.copy(ROOT / "docs" / "assets" / "stylesheets" / "guide.css", root / "guide.css")
    sources = {name: f"assets/figures/{name}.svg" for name in NAMES}
    textless = {}
    for name in NAMES:
        svg = (figures.OUT_DIR / f"{name}.svg").read_text("utf-8")
        svg = re.sub(r"<text[^>]*>.*?</text>", "", svg, flags=re.S)
        textless[name] = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    for scheme in SCHEMES:
        (root / f"{scheme}.html").write_text(_page_html(scheme, sources), "utf-8")
        (root / f"{scheme}-textless.html").write_text(_page_html(scheme, textless), "utf-8")
    return root


def _shots(browser: Browser, url: str) -> dict[str, Image.Image]:
    page = browser.new_page(viewport={"width": 900, "height": 700})
    try:
        page.goto(url)
        page.wait_for_load_state("load")
        shots = {}
        for name in NAMES:
            img = page.locator(f"#{name}")
            complete, width = img.evaluate("i => [i.complete, i.naturalWidth]")
            assert complete and width > 300, f"{name}.svg did not load ({width} px)"
            shots[name] = Image.open(io.BytesIO(img.screenshot())).convert("L")
        return shots
    finally:
        page.close()


def _share(image: Image.Image, low: int, high: int) -> float:
    histogram = image.histogram()
    return sum(histogram[low:high + 1]) / (image.width * image.height)


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_figures_are_legible_on_both_palettes(browser: Browser, pages: Path,
                                              scheme: str) -> None:
    shots = _shots(browser, (pages / f"{scheme}.html").as_uri())
    textless = _shots(browser, (pages / f"{scheme}-textless.html").as_uri())
    for name, shot in shots.items():
        # A white ground (the figure's own, and in dark mode the card around it) ...
        assert _share(shot, 235, 255) > 0.6, (scheme, name, "not on white")
        # ... with near-black ink on it: text, axes and lines at full contrast. (A sparse
        # box-and-arrow diagram such as the U-Net has under 1 % of its pixels in ink; a
        # figure drawn in grey has next to none.)
        assert _share(shot, 0, 80) > 0.006, (scheme, name, "no dark ink")
        # The text is drawn with a real font: removing it takes away a good part of the ink.
        dark_with, dark_without = _share(shot, 0, 80), _share(textless[name], 0, 80)
        assert dark_with - dark_without > 0.0025, (scheme, name, "text not rendered")
        if scheme == "slate":
            # The card's padding: the screenshot's border is white, not the page's #1e2129.
            # (Sampled clear of the rounded corners.)
            edge = [shot.getpixel((x, 2)) for x in range(12, shot.width - 12, 7)]
            assert min(edge) > 235, (name, "no white card around the figure in dark mode")


def test_the_dark_palette_gives_figures_a_card(browser: Browser, pages: Path) -> None:
    page = browser.new_page()
    try:
        page.goto((pages / "slate.html").as_uri())
        style = page.locator(f"#{NAMES[0]}").evaluate(
            "i => { const s = getComputedStyle(i);"
            " return [s.backgroundColor, s.paddingTop, s.borderTopLeftRadius, s.display]; }")
        assert style[0] == "rgb(255, 255, 255)" and style[1] != "0px" and style[2] != "0px"
        assert style[3] == "block"
        caption = page.locator("em").first.evaluate("e => getComputedStyle(e).display")
        assert caption == "block"
    finally:
        page.close()

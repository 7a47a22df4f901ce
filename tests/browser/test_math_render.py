"""The formulas of the question with the most of them, as Chromium draws the MathML the build
wrote, on a 360 px phone screen in both palettes: every formula is drawn (not left as TeX),
its ink contrasts with the page, nothing is clipped, and a display formula wider than the
screen scrolls sideways inside its own box instead of widening the page. A screenshot of
each palette goes to test-results/math/."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from playwright.sync_api import Browser

from tests.conftest import ROOT
from tests.page_types import MATH_QUESTION

pytestmark = pytest.mark.browser

SHOTS = ROOT / "test-results" / "math"
PHONE = {"width": 360, "height": 780}

# For every formula: its box, its text colour and the colour of the page behind it, and for
# a display formula the box it scrolls in.
_MEASURE = """() => {
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      if (c && c !== 'transparent' && !/rgba\\(.*, 0\\)$/.test(c)) return c;
    }
    return getComputedStyle(document.body).backgroundColor;
  };
  return [...document.querySelectorAll('article .arithmatex')].map((box) => {
    const math = box.querySelector('math');
    const r = math ? math.getBoundingClientRect() : null;
    const b = box.getBoundingClientRect();
    return {
      display: box.tagName === 'DIV', typeset: !!math, tex: box.textContent.slice(0, 60),
      width: r && r.width, height: r && r.height, top: r && r.top, bottom: r && r.bottom,
      left: r && r.left, right: r && r.right,
      boxTop: b.top, boxBottom: b.bottom, boxLeft: b.left, boxRight: b.right,
      clientWidth: box.clientWidth, scrollWidth: box.scrollWidth,
      clientHeight: box.clientHeight, scrollHeight: box.scrollHeight,
      overflowX: getComputedStyle(box).overflowX,
      color: math ? getComputedStyle(math).color : null, background: background(box),
    };
  });
}"""


def _rgb(css: str) -> tuple[float, ...]:
    return tuple(float(x) for x in css[css.index("(") + 1:css.index(")")].split(",")[:3])


def _luminance(rgb: tuple[float, ...]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_formulas_are_drawn_readable_and_unclipped_on_a_phone(
        browser: Browser, base_url: str, palette: str) -> None:
    context = browser.new_context(base_url=base_url, color_scheme=palette, viewport=PHONE,
                                  device_scale_factor=2)
    try:
        page = context.new_page()
        page.goto(f"questions/{MATH_QUESTION}/", wait_until="networkidle")
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        page.evaluate("document.fonts.ready")
        page.wait_for_timeout(300)
        formulas = page.evaluate(_MEASURE)
        assert len(formulas) > 40, "expected the page with the most formulas"
        # Typeset by the build, drawn by the browser: never TeX left as text.
        assert [f["tex"] for f in formulas if not f["typeset"]] == []
        for f in formulas:
            assert f["width"] > 2 and f["height"] > 5, f
            ratio = contrast(_rgb(f["color"]), _rgb(f["background"]))
            assert ratio >= 4.5, (f["tex"], f["color"], f["background"], ratio)
        # The page itself never scrolls sideways.
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        # An inline formula wraps with its line or fits on it: never past the screen's edge.
        for f in formulas:
            if not f["display"]:
                assert f["left"] >= -0.5 and f["right"] <= PHONE["width"] + 0.5, f
        display = [f for f in formulas if f["display"]]
        assert display
        for f in display:
            # Nothing cut off at the top or bottom of the box it scrolls in.
            assert f["top"] >= f["boxTop"] - 0.5 and f["bottom"] <= f["boxBottom"] + 0.5, f
            assert f["scrollHeight"] <= f["clientHeight"] + 1, f
            assert f["boxRight"] <= PHONE["width"] + 0.5, f
            if f["width"] > f["clientWidth"] + 1:
                # Wider than the screen: it scrolls inside its box.
                assert f["overflowX"] == "auto" and f["scrollWidth"] > f["clientWidth"], f
        assert any(f["width"] > f["clientWidth"] + 1 for f in display), \
            "no display formula is wider than a phone: the scrolling is not tested"

        # The first display formula, as a reader sees it: ink that stands out from the page.
        SHOTS.mkdir(parents=True, exist_ok=True)
        box = page.locator("article div.arithmatex").first
        box.scroll_into_view_if_needed()
        image = Image.open(io.BytesIO(box.screenshot())).convert("RGB")
        image.save(SHOTS / f"{MATH_QUESTION}-{palette}.png")
        page.locator("#model-answer").screenshot(path=str(SHOTS / f"model-answer-{palette}.png"))
        background = _rgb(formulas[0]["background"])
        pixels = list(image.getdata())
        ink = [p for p in pixels if contrast(p, background) >= 3]
        assert len(ink) > 0.01 * len(pixels), "the formula's ink is not visible"
    finally:
        context.close()

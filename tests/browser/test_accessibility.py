"""axe-core finds no accessibility violation on any page type, in the light palette and in
the dark one, as loaded and with every answer block open. A page type may leave a rule out
in the dark palette (tests/page_types.py says which and why).

Every question's contributed content is read too: the printable guide (a page type) holds
all of it with every block open."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

from tests.browser.conftest import PageWatch, origin_of
from tests.page_types import PAGE_TYPES, PageType

pytestmark = pytest.mark.browser

# prefers-color-scheme picks the palette, as for a reader on a first visit.
PALETTES = {"light": "default", "dark": "slate"}

_axe = Axe()
# Every rule runs and every violation is reported in full; only the passing and inapplicable
# results are not itemised, which makes axe several times faster on the long pages.
AXE_OPTIONS = {"resultTypes": ["violations"]}


def _describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {json.dumps(node['target'])}: {node['failureSummary']}")
        if len(v["nodes"]) > 5:
            lines.append(f"    … and {len(v['nodes']) - 5} more")
    return "\n".join(lines)


@pytest.mark.parametrize("palette", sorted(PALETTES))
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda t: t.name)
def test_no_axe_violations(browser: Browser, base_url: str, page_type: PageType,
                           palette: str) -> None:
    context = browser.new_context(base_url=base_url, color_scheme=palette,
                                  viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        watch = PageWatch(origin_of(base_url))
        if page_type.status != 200:
            watch.expected_errors.add(base_url + page_type.url)
        watch.attach(page)
        # networkidle: the search index and the practice data have loaded and done their work.
        response = page.goto(page_type.url, wait_until="networkidle")
        assert response is not None and response.status == page_type.status
        scheme = page.get_attribute("body", "data-md-color-scheme")
        assert scheme == PALETTES[palette]
        if page_type.ready:
            page.wait_for_selector(page_type.ready)
        rules_off = page_type.axe_rules_off_in_dark if palette == "dark" else ()
        options = {**AXE_OPTIONS, "rules": {rule: {"enabled": False} for rule in rules_off}}
        violations = _axe.run(page, options=options).response["violations"]
        assert violations == [], "as loaded:\n" + _describe(violations)
        # Closed blocks hide their content from axe: open them all and look again.
        if page.locator("details:not([open])").count():
            page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            violations = _axe.run(page, options=options).response["violations"]
            assert violations == [], "with every block open:\n" + _describe(violations)
        watch.assert_clean()
    finally:
        context.close()


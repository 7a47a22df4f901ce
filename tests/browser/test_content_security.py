"""Defence in depth: every page carries a Content-Security-Policy that lets only the site's
own scripts run, and it holds even if hostile text got past the checks. A site is built
here from a bank of hostile answers with the checks switched off (in this test process
only: the build itself has no such switch), and Chromium runs none of their scripts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from scripts.static_server import serve, site_base_path
from tests.banks import GOOD, VOCABULARY, second
from tests.conftest import ROOT
from tests.page_types import PAGE_TYPES

pytestmark = pytest.mark.browser

_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html"))


def test_every_page_has_the_policy_first_and_no_inline_behaviour(full_site: Path) -> None:
    for page in html_pages(full_site):
        html = page.read_text("utf-8")
        head = html.split("<head>", 1)[1]
        policy = _CSP.search(head)
        assert policy, page
        # Nothing that runs may come before the policy.
        assert "<script" not in head[:policy.start()], page
        directives = dict(d.strip().split(" ", 1) for d in policy.group(1).split(";"))
        assert directives["default-src"] == "'none'"
        assert "'unsafe-inline'" not in directives["script-src"]
        assert "'unsafe-eval'" not in directives["script-src"]
        assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
        assert not re.search(r"<[^>]+\son[a-z]+\s*=", html), page
        assert not re.search(r"""(?:href|src)\s*=\s*["']?\s*javascript:""", html, re.I), page


@pytest.mark.parametrize("kind", [t for t in PAGE_TYPES if t.ready or t.name in
                                  {"question", "home", "print"}], ids=lambda t: t.name)
def test_every_page_type_works_under_the_policy(page, watch, kind) -> None:
    """The policy blocks nothing the site needs: a violation is a console error, and the
    watch fails the test on any console error."""
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text)
            if "Content Security Policy" in m.text else None)
    page.goto(kind.url, wait_until="networkidle")
    if kind.ready:
        page.wait_for_selector(kind.ready)
    assert violations == []


# Scripts that a bank could smuggle in if the checks failed: each sets window.__pwned.
HOSTILE = [
    "<img src=x onerror=\"window.__pwned='img'\">",
    "<script>window.__pwned='script'</script>",
    "<svg/onload=\"window.__pwned='svg'\">",
    "<details open ontoggle=\"window.__pwned='details'\">x</details>",
    "[click me](javascript:window.__pwned='link')",
    "A paragraph to click\n{ onclick=\"window.__pwned='attr'\" }",
    "<iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\"></iframe>",
    "<form action=\"javascript:window.__pwned='form'\"><button id=go>go</button></form>",
]


def _hostile_bank(tmp_path: Path) -> Path:
    payload = "\n\n".join(HOSTILE)
    indented = "\n".join(f"      {line}" if line else "" for line in payload.splitlines())
    text = GOOD.replace("      A longer answer.\n", f"      A longer answer.\n\n{indented}\n")
    text = text.replace("short_answer: A short answer.",
                        "short_answer: \"A short answer.\\n\\n<img src=x onerror=\\\"window"
                        ".__pwned='short'\\\">\"")
    path = tmp_path / "hostile.yml"
    path.write_text(text + second() + "\n" + VOCABULARY, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real pipeline, in this process, with every rule switched off."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from scripts.bank import loader

    tmp = tmp_path_factory.mktemp("hostile")
    bank = _hostile_bank(tmp)
    site = tmp / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(loader, "run_rules", lambda *args, **kwargs: [])
        patch.setenv("GUIDE_DATA", str(bank))
        loader._load_cached.cache_clear()
        assert loader.check(bank)[1] == []  # the checks really are off
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site))
        build(config)
        loader._load_cached.cache_clear()
    html = (site / "questions" / "first-question" / "index.html").read_text("utf-8")
    assert "onerror=" in html and "javascript:" in html  # the payloads reached the page
    return site


@pytest.mark.parametrize("path", ["questions/first-question/", "print/", "practice/",
                                  "tags/", ""])
def test_the_policy_stops_scripts_that_got_past_the_checks(hostile_site: Path,
                                                           browser: Browser,
                                                           path: str) -> None:
    with serve(hostile_site, base_path=site_base_path()) as url:
        context = browser.new_context()
        context.add_init_script(
            "window.__violations = [];"
            "document.addEventListener('securitypolicyviolation',"
            " e => window.__violations.push(e.violatedDirective));")
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(url + path, wait_until="networkidle")
        page.wait_for_timeout(300)
        if path.startswith("questions/"):
            page.locator("details").evaluate_all("els => els.forEach(e => e.open = true)")
            for text in ("click me", "A paragraph to click"):
                page.get_by_text(text).first.click()
            page.locator("#go").first.click()
            page.wait_for_timeout(300)
        assert page.evaluate("window.__pwned") is None
        assert dialogs == []
        if path.startswith(("questions/", "print/")):
            assert page.evaluate("window.__violations.length") > 0  # the policy did the work
        context.close()

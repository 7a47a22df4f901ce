"""Real-browser fixtures: Debian's Chromium driven by Playwright against the real built site,
served on loopback with gzip as GitHub Pages serves it.

Every page a test opens is watched: a console error, a failed request or a request to any
origin but the site's own fails the test that caused it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from scripts.static_server import serve

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Flags for a headless Chromium on a machine with no network but loopback.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: `make test` installs it"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageWatch:
    """What went wrong on the pages of one test."""

    def __init__(self, origin: str):
        self.origin = origin
        self.console_errors: list[str] = []
        self.failed_requests: list[str] = []
        self.foreign_requests: list[str] = []

    def attach(self, page: Page) -> None:
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        page.on("requestfailed", lambda r: self.failed_requests.append(
            f"{r.url} ({r.failure})"))
        page.on("request", self._check_origin)

    def _check_origin(self, request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in {"data", "blob", "about"}:
            return
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.foreign_requests.append(request.url)

    def assert_clean(self) -> None:
        assert self.foreign_requests == [], "requests left the site's origin"
        assert self.failed_requests == [], "requests failed"
        assert self.console_errors == [], "console errors"


@pytest.fixture
def context(browser: Browser, base_url: str) -> Iterator[BrowserContext]:
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def watch(base_url: str) -> PageWatch:
    return PageWatch(base_url.rstrip("/"))


@pytest.fixture
def page(context: BrowserContext, watch: PageWatch) -> Iterator[Page]:
    page = context.new_page()
    watch.attach(page)
    yield page
    watch.assert_clean()

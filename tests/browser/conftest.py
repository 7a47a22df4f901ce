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

from scripts.static_server import serve, site_base_path

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Flags for a headless Chromium on a machine with no network but loopback.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]


# The host name the browser gives the site. Pages serves a site without a port in its URL, and
# Material's instant navigation depends on that: it takes the page URLs from sitemap.xml,
# swaps in the current protocol and host name but not the port, and loads any link not in
# that list afresh. So the browser maps this name's port 80 to the loopback server and the
# tests use URLs without a port. (*.localhost is a secure context, as the https site is.)
SITE_HOST = "site.localhost"


@pytest.fixture(scope="session")
def served_site(full_site: Path) -> Iterator[str]:
    """The whole site served on loopback under its site_url path, as on GitHub Pages (the
    404 page links to its assets by that absolute path); yields the loopback URL."""
    with serve(full_site, base_path=site_base_path()) as url:
        yield url


@pytest.fixture(scope="session")
def base_url(served_site: str) -> str:
    return f"http://{SITE_HOST}{urlsplit(served_site).path}"


@pytest.fixture(scope="session")
def browser(served_site: str) -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: `make test` installs it"
    port = urlsplit(served_site).port
    args = [*CHROMIUM_ARGS, f"--host-resolver-rules=MAP {SITE_HOST}:80 127.0.0.1:{port}"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=args)
        yield browser
        browser.close()


class PageWatch:
    """What went wrong on the pages of one test."""

    def __init__(self, origin: str):
        self.origin = origin
        self.console_errors: list[str] = []
        self.failed_requests: list[str] = []
        self.foreign_requests: list[str] = []
        # URLs whose error status is intended: the 404 page's own document.
        self.expected_errors: set[str] = set()

    def attach(self, page: Page) -> None:
        page.on("console", self._check_console)
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        page.on("requestfailed", lambda r: self.failed_requests.append(
            f"{r.url} ({r.failure})"))
        page.on("request", self._check_origin)
        page.on("response", self._check_status)

    def _check_console(self, message) -> None:
        if message.type != "error":
            return
        # Chromium logs an error status as a console error too; the intended one is no error.
        if message.location.get("url") in self.expected_errors and (
                "the server responded with a status of 404" in message.text):
            return
        self.console_errors.append(message.text)

    def _check_status(self, response) -> None:
        if response.status >= 400 and response.url not in self.expected_errors:
            self.failed_requests.append(f"{response.url} (HTTP {response.status})")

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


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture
def watch(base_url: str) -> PageWatch:
    return PageWatch(origin_of(base_url))


@pytest.fixture
def page(context: BrowserContext, watch: PageWatch) -> Iterator[Page]:
    page = context.new_page()
    watch.attach(page)
    yield page
    watch.assert_clean()

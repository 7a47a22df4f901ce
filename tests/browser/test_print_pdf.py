"""The printable guide in a real browser: on paper it shows no site chrome, every block is
open and every formula typeset; printed to PDF by Chromium (as `make pdf` does), each
topic starts its own page and every question is in the text and the bookmarks."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from pypdf import PdfReader

from scripts.exports import pdf as make_pdf
from tests.browser.conftest import PageWatch, origin_of
from tests.content.takeaway import SITE_URL, published

pytestmark = pytest.mark.browser


def words(text: str) -> str:
    # PDF text comes back with ligatures and line breaks of its own.
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture(scope="module")
def pdf(browser: Browser, base_url: str, tmp_path_factory: pytest.TempPathFactory
        ) -> Iterator[PdfReader]:
    output = tmp_path_factory.mktemp("pdf") / "guide.pdf"
    watch = PageWatch(origin_of(base_url))
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    watch.attach(page)
    try:
        make_pdf.render_pdf(page, base_url + make_pdf.PRINT_URL, output)
    finally:
        context.close()
    watch.assert_clean()
    yield PdfReader(output)


def outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(depth, title, page index) of every bookmark, in order."""
    found = []

    def walk(items, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, words(item.title), reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    return found


def test_on_paper_the_page_shows_the_guide_and_nothing_else(page: Page) -> None:
    page.emulate_media(media="print")
    page.goto(make_pdf.PRINT_URL, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.evaluate(make_pdf._FONTS)
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary",
                   ".md-footer", ".md-search", "[data-md-component=palette]",
                   ".md-content__button", ".md-top", ".print-screen-only"):
        assert page.locator(chrome).evaluate_all(
            "els => els.every(e => getComputedStyle(e).display === 'none' || "
            "!e.getClientRects().length)"
        ), chrome
    state = page.evaluate(make_pdf._INCOMPLETE)
    assert state == {"untypeset": 0, "closed": 0}
    assert page.locator(".arithmatex math").count() > 0
    assert page.locator("details").count() > 0
    topic = page.locator("h2.print-topic").first
    assert topic.evaluate("e => getComputedStyle(e).breakBefore") == "page"
    # A reference prints its address; the link to the question's page prints its own.
    for link in (f"article.print-question a[href^='https://']:not([href^='{SITE_URL}'])",
                 ".print-online a"):
        first = page.locator(link).first
        after = first.evaluate("e => getComputedStyle(e, '::after').content")
        assert first.get_attribute("href") in after, link


def test_pdf_starts_every_topic_on_a_page_of_its_own(pdf: PdfReader) -> None:
    bank = published()
    groups = [(t, bank.in_topic(t.id)) for t in bank.topics()]
    titles = {words(topic.title) for topic, _ in groups}
    topic_pages = [p for depth, title, p in outline(pdf) if depth == 1 and title in titles]
    assert len(topic_pages) == len(groups)
    assert topic_pages == sorted(set(topic_pages)) and topic_pages[0] >= 1
    assert len(pdf.pages) >= len(groups) + 1
    for (_, questions), start in zip(groups, topic_pages, strict=True):
        assert words(pdf.pages[start].extract_text()).startswith(
            words(bank.vocabulary.topic(questions[0].topic).title))


def test_pdf_holds_every_question_in_its_text_and_bookmarks(pdf: PdfReader) -> None:
    text = words(" ".join(p.extract_text() for p in pdf.pages))
    # Chromium drops the space where a long heading wraps when it names the bookmark.
    bookmarks = {title.replace(" ", "") for depth, title, _ in outline(pdf) if depth == 2}
    for q in published():
        assert words(q.title) in text, q.id
        assert words(q.title).replace(" ", "") in bookmarks, q.id


def test_pdf_links_lead_to_the_published_site_never_to_the_test_server(
    pdf: PdfReader,
) -> None:
    uris = []
    for pdf_page in pdf.pages:
        for annotation in pdf_page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if "/URI" in action:
                uris.append(str(action["/URI"]))
    assert uris
    assert not [u for u in uris if re.match(r"https?://(127\.|localhost)", u)]
    assert any(u.startswith(f"{SITE_URL}questions/") for u in uris)


def test_make_pdf_refuses_a_site_that_was_not_built(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="make build"):
        make_pdf.make_pdf(tmp_path, tmp_path / "guide.pdf")

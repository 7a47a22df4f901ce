"""What a reader does, in a real browser: search, open answers by mouse and keyboard, switch
the palette, follow links with instant navigation, read without JavaScript. Every page a
test opens is watched (conftest.PageWatch): a console error, a failed request or a request to
another host fails the test."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from scripts.bank.models import Question
from scripts.pages.relocate import without_code
from tests.browser.conftest import PageWatch, origin_of
from tests.conftest import ROOT
from tests.page_types import PAGE_TYPES, ROC_QUESTION

pytestmark = pytest.mark.browser

# The page's own content (search results are <article> elements too).
CONTENT = "article.md-content__inner"
_MATH = re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$|\\\(.*?\\\)|\\\[.*?\\\]", re.S)
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_WORD = re.compile(r"[a-z]{7,}")


def _prose(markdown: str) -> str:
    """What a reader sees of some Markdown: no code, no math, no link targets."""
    return _LINK_TARGET.sub("]", _MATH.sub(" ", without_code(markdown))).lower()


def answer_only_word(bank) -> tuple[str, Question]:
    """A word that a reader finds only in one question's model answer: in no other field of
    that question, in nothing of any other question, and on no hand-written page. It is
    picked from the data, so the search test cannot pass by accident.

    Search stems words, so the word's stem (all but its last two letters) must be unknown
    elsewhere too."""
    hand_written = " ".join(p.read_text("utf-8") for p in (ROOT / "docs").rglob("*.md"))
    vocabulary = bank.vocabulary
    topics = " ".join(f"{t.title} {t.description}"
                      for t in (*vocabulary.topics, *vocabulary.areas))
    for q in bank:
        elsewhere = " ".join([
            hand_written, topics,
            q.model_dump_json(exclude={"answer"}),
            *(other.model_dump_json() for other in bank if other.id != q.id),
        ]).lower()
        answer = _prose(q.answer)
        for word in sorted(set(_WORD.findall(answer))):
            if word[:-2] not in elsewhere:
                return word, q
    raise AssertionError("no word of any model answer is unique to it: cannot test search")


def _search(page: Page, query: str):
    """Types `query` into the search box as a reader does; returns the result links."""
    box = page.locator(".md-search__input")
    box.click()
    box.press_sequentially(query)
    return page.locator(".md-search-result__item > a")


def _question_link(question_id: str) -> re.Pattern[str]:
    return re.compile(rf"/questions/{re.escape(question_id)}/([?#].*)?$")


def test_search_lists_the_roc_question_first_and_opens_it(page: Page, bank) -> None:
    roc = next(q for q in bank if q.id == ROC_QUESTION)
    page.goto("")
    results = _search(page, "ROC")
    # Results refresh as each letter is typed: wait for the list of the whole query.
    expect(results.first).to_have_attribute("href", _question_link(ROC_QUESTION))
    results.first.click()
    page.wait_for_url(re.compile(rf"/questions/{ROC_QUESTION}/"))
    expect(page.locator(f"{CONTENT} h1")).to_contain_text(roc.title)


def test_search_finds_a_word_that_only_a_model_answer_contains(page: Page, bank) -> None:
    word, question = answer_only_word(bank)
    page.goto("")
    results = _search(page, word)
    expect(results.first).to_have_attribute("href", _question_link(question.id))
    # One page found (its item may also link the matching section of the page).
    expect(page.locator(".md-search-result__item")).to_have_count(1)


def test_answer_blocks_are_closed_on_load_and_open_by_click(page: Page) -> None:
    page.goto(f"questions/{ROC_QUESTION}/")
    blocks = page.locator(f"{CONTENT} details")
    assert blocks.count() == 5
    assert blocks.evaluate_all("ds => ds.filter(d => d.open).length") == 0
    answer = page.locator("#model-answer")
    body = answer.locator("p").first
    expect(body).to_be_hidden()
    answer.locator("summary").click()
    expect(answer).to_have_attribute("open", "")
    expect(body).to_be_visible()
    answer.locator("summary").click()
    expect(answer).not_to_have_attribute("open", "")


@pytest.mark.parametrize("key", ["Enter", " "], ids=["enter", "space"])
def test_answer_blocks_open_by_keyboard(page: Page, key: str) -> None:
    page.goto(f"questions/{ROC_QUESTION}/")
    for block in ("#short-answer", "#model-answer"):
        summary = page.locator(f"{block} > summary")
        summary.focus()
        expect(summary).to_be_focused()
        page.keyboard.press(key)
        expect(page.locator(block)).to_have_attribute("open", "")
        expect(page.locator(f"{block} p").first).to_be_visible()


def _scheme(page: Page) -> str | None:
    return page.locator("body").get_attribute("data-md-color-scheme")


def _toggle_palette(page: Page) -> None:
    page.locator("form[data-md-component=palette] label:not([hidden])").click()


def test_palette_toggle_persists_across_pages(page: Page) -> None:
    page.goto("")
    assert _scheme(page) == "default"
    _toggle_palette(page)
    assert _scheme(page) == "slate"
    # Instant navigation by a link in the navigation...
    page.locator(".md-nav--primary a[href$='about/']").first.click()
    page.wait_for_url(re.compile(r"/about/$"))
    assert _scheme(page) == "slate"
    # ...and a fresh page load both keep the reader's choice.
    page.goto("tags/")
    assert _scheme(page) == "slate"
    _toggle_palette(page)
    assert _scheme(page) == "default"
    page.goto(f"questions/{ROC_QUESTION}/")
    assert _scheme(page) == "default"


def _math_question(site: Path, bank) -> Question:
    """The ROC question when its page has math, else the first question whose page has."""
    with_math = [q for q in bank if "arithmatex" in
                 (site / "questions" / q.id / "index.html").read_text("utf-8")]
    assert with_math, "no question page has math"
    return next((q for q in with_math if q.id == ROC_QUESTION), with_math[0])


def test_instant_navigation_keeps_math_rendered(page: Page, full_site: Path, bank) -> None:
    """The build typesets the math: a page swapped in by instant navigation shows it as
    MathML, and no page asks for a math script or stylesheet of KaTeX's."""
    question = _math_question(full_site, bank)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"topics/{question.topic}/")
    page.evaluate("window.guideNoReload = true")
    page.locator(f"{CONTENT} a[href$='questions/{question.id}/']").first.click()
    page.wait_for_url(re.compile(rf"/questions/{question.id}/$"))
    expect(page.locator(f"{CONTENT} h1")).to_contain_text(question.title)
    # The page was swapped in place (instant navigation), not loaded afresh...
    assert page.evaluate("window.guideNoReload") is True
    # ...and its math is there, typeset, as on a page loaded afresh.
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    expect(page.locator(f"{CONTENT} .arithmatex math").first).to_be_visible()
    expect(page.locator(f"{CONTENT} .arithmatex:not(:has(math))")).to_have_count(0)
    # Back to a page without math and forth again: still there.
    page.go_back()
    page.wait_for_url(re.compile(rf"/topics/{question.topic}/$"))
    page.go_forward()
    page.wait_for_url(re.compile(rf"/questions/{question.id}/$"))
    expect(page.locator(f"{CONTENT} .arithmatex math").first).to_be_attached()
    assert page.evaluate("window.guideNoReload") is True
    assert not [url for url in requests if re.search(r"katex|mathjax|temml\.|math\.js", url)]


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda t: t.name)
def test_page_type_loads_cleanly(page: Page, watch: PageWatch, base_url: str,
                                 page_type) -> None:
    """No console error, no failed request, no request to another host (checked by the
    `page` fixture), also once every answer block is open and search has run."""
    if page_type.status != 200:
        watch.expected_errors.add(base_url + page_type.url)
    response = page.goto(page_type.url, wait_until="networkidle")
    assert response is not None and response.status == page_type.status
    if page_type.ready:
        page.locator(page_type.ready).first.wait_for()
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    page.wait_for_load_state("networkidle")


def test_each_copy_button_copies_its_own_code_block(page: Page, full_site: Path,
                                                     bank) -> None:
    """Two code blocks in one answer block: Material would give both the id of the block
    and make both buttons copy the first (scripts/mkdocs_hooks/markup_fixes.py numbers them)."""
    def code_blocks(q: Question) -> int:
        return (full_site / "questions" / q.id / "index.html").read_text("utf-8").count(
            "<pre id=")
    question = max(bank, key=code_blocks)
    assert code_blocks(question) >= 2, "no question page has two code blocks"
    page.goto(f"questions/{question.id}/")
    buttons = page.locator(f"{CONTENT} .md-code__button[data-clipboard-target]")
    expect(buttons).to_have_count(code_blocks(question))
    targets = buttons.evaluate_all("bs => bs.map(b => b.dataset.clipboardTarget)")
    assert len(set(targets)) == len(targets), targets
    for target in targets:
        expect(page.locator(target)).to_have_count(1)


def test_without_javascript_a_question_reads_and_opens(browser: Browser, base_url: str,
                                                         bank) -> None:
    roc = next(q for q in bank if q.id == ROC_QUESTION)
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    try:
        page = context.new_page()
        watch = PageWatch(origin_of(base_url))
        watch.attach(page)
        page.goto(f"questions/{ROC_QUESTION}/")
        # Material's script would have removed the no-js class: it did not run.
        expect(page.locator("html")).to_have_class(re.compile(r"\bno-js\b"))
        expect(page.locator(f"{CONTENT} h1")).to_contain_text(roc.title)
        answer = page.locator("#model-answer")
        first_paragraph = answer.locator("p").first
        expect(first_paragraph).to_be_hidden()
        answer.locator("summary").click()  # the browser's own <details>, no script
        expect(first_paragraph).to_be_visible()
        expect(first_paragraph).not_to_be_empty()
        watch.assert_clean()
    finally:
        context.close()

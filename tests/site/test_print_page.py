"""The printable guide: one page with every published question and every answer open,
word for word as on the question pages; out of the search index; styled for paper."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from scripts.pages import blocks as render
from scripts.pages import print_page
from tests.conftest import ROOT
from tests.content.takeaway import SITE_URL, page_url, published

BLOCKS = tuple(render.BLOCK_STYLES)  # short-answer, model-answer, ...


class _Blocks(HTMLParser):
    """The text of every <details> by id, the attributes of every <details>, and every id.
    Footnote markers are left out: their numbers run on across a page."""

    VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "source"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: dict[str, list[str]] = {}
        self.details: list[dict[str, str | None]] = []
        self.ids: list[str] = []
        self.h3: dict[str, list[str]] = {}
        self._open: list[tuple[str, str | None, bool]] = []  # tag, collecting id, skip

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.append(values["id"])
        if tag in self.VOID:
            return
        parent_skip = bool(self._open and self._open[-1][2])
        skip = parent_skip or (tag == "sup" and (values.get("id") or "").startswith("fnref"))
        skip = skip or "headerlink" in (values.get("class") or "")
        # A formula's TeX source is not shown (and the printed one may differ: `<{}` for
        # `<`, relocate.math_safe_in_html); what it shows is its MathML, compared in full.
        skip = skip or tag == "annotation"
        key = None
        if tag == "details":
            self.details.append(values)
            key = values.get("id")
            self.texts[key] = []
        elif tag == "h3" and values.get("id"):
            key = "h3:" + values["id"]
            self.h3[values["id"]] = []
            self.texts[key] = []
        self._open.append((tag, key, skip))

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._open and self._open[-1][2]:
            return
        for _, key, _ in self._open:
            if key is not None:
                self.texts[key].append(data)

    def text(self, key: str) -> str:
        return " ".join("".join(self.texts[key]).split())


def parse(path: Path) -> _Blocks:
    parser = _Blocks()
    parser.feed(path.read_text("utf-8"))
    return parser


@pytest.fixture(scope="module")
def printed(site: Path) -> _Blocks:
    return parse(site / "print" / "index.html")


def test_every_question_is_printed_with_every_block_open(printed: _Blocks) -> None:
    questions = published()
    assert printed.details and all("open" in d for d in printed.details)
    expected = 0
    for q in questions:
        anchor = print_page.question_anchor(q.id)
        assert printed.text("h3:" + anchor) == " ".join(q.title.split()), q.id
        present = [b for b in BLOCKS if f"{anchor}-{b}" in printed.texts]
        assert present[:2] == ["short-answer", "model-answer"], q.id
        expected += len(present)
    assert len(printed.details) == expected


def test_printed_answers_are_word_for_word_those_of_the_question_pages(
    site: Path, printed: _Blocks
) -> None:
    for q in published():
        page = parse(site / "questions" / q.id / "index.html")
        for block in BLOCKS:
            if block in page.texts:
                printed_text = printed.text(f"{print_page.question_anchor(q.id)}-{block}")
                assert printed_text == page.text(block), (q.id, block)


def test_ids_are_unique_on_the_printed_page(printed: _Blocks) -> None:
    seen = set()
    duplicates = {i for i in printed.ids if i in seen or seen.add(i)}
    assert duplicates == set()


def test_printed_page_is_left_out_of_search_and_navigation(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    assert not [d for d in index["docs"] if d["location"].startswith("print/")]
    assert 'href="print/"' not in (site / "index.html").read_text("utf-8")
    downloads = (site / "downloads" / "index.html").read_text("utf-8")
    assert 'href="../print/"' in downloads


def test_questions_link_to_each_other_within_the_printed_page() -> None:
    questions = published()
    first = questions[0].model_copy(update={
        "answer": "Compare [that one](other.md#model-answer), [this](other.md) and "
                  "[a topic](../topics/statistics.md).\n\n"
                  "![The L1 and L2 balls](../assets/figures/l1-l2.svg)\n\n"
                  "### A heading\n\nText[^1].\n\n"
                  "[^1]: A note.",
    })
    other = questions[0].model_copy(update={"id": "other", "title": "Another question?"})
    pair = type(questions)(questions.vocabulary, (first, other))
    text = print_page.print_page(pair, page_url=page_url, site_url=SITE_URL)
    assert "[that one](#q-other-model-answer)" in text
    assert "[this](#q-other)" in text
    assert "[a topic](topics/statistics.md)" in text
    assert "![The L1 and L2 balls](assets/figures/l1-l2.svg)" in text
    assert "\n##### A heading\n" in text  # under the question (3) and its block (4)
    assert f"[^{first.id}-1]" in text
    assert text.count(f"{render.FENCE} details |") == text.count("    open: true") == 10
    assert f"]({SITE_URL}questions/other/)" in text


def test_print_stylesheet_lays_the_guide_out_for_paper() -> None:
    css = (ROOT / "docs" / "assets" / "stylesheets" / "print.css").read_text("utf-8")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8").replace("!!python", "#"))
    assert "assets/stylesheets/print.css" in config["extra_css"]
    rules = css[css.index("@media print"):]
    for needed in ("break-before: page", "break-inside: avoid", 'a[href^="http"]',
                   'content: " (" attr(href) ")"', ".md-header", ".md-sidebar", ".md-footer",
                   ".md-search", '[data-md-component="palette"]', ".md-code__nav"):
        assert needed in rules, needed
    # Links within the site print no address; the site is told apart by its URL.
    assert f':not([href^="{config["site_url"]}"])' in rules

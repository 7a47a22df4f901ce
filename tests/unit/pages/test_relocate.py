"""Contributed Markdown moved off its question page: relative links rebased, labels kept
apart, headings moved down, and code left exactly as written."""

from __future__ import annotations

from scripts.pages import relocate


def to_print_page(path: str, fragment: str) -> str:
    return f"<{path}|{fragment}>"


def test_relative_links_and_images_are_rebased_from_the_questions_folder() -> None:
    text = (
        "See [that](other-question.md#model-answer), ![a figure](../assets/f.svg) and\n"
        "[a topic](../topics/statistics.md).\n\n[ref]: other.md\n"
    )
    assert relocate.rebase_links(text, to_print_page) == (
        "See [that](<questions/other-question.md|model-answer>), "
        "![a figure](<assets/f.svg|>) and\n"
        "[a topic](<topics/statistics.md|>).\n\n[ref]: <questions/other.md|>\n"
    )


def test_absolute_links_anchors_and_code_are_left_alone() -> None:
    text = (
        "[paper](https://arxiv.org/abs/1) [here](#definition) [root](/x.md)\n\n"
        "`[not](a-link.md)`\n\n```md\n[not](a-link.md)\n```\n"
    )
    assert relocate.rebase_links(text, to_print_page) == text
    assert relocate.docs_path("https://example.org/a.md") is None
    assert relocate.docs_path("#anchor") is None
    assert relocate.docs_path("a.md?x=1#y") == ("questions/a.md", "y")


def test_labels_are_namespaced_so_two_answers_never_share_one() -> None:
    text = (
        "Footnote[^1], [full][Ref], [Ref][] and [ref], but not [0, 1].\n\n"
        "[ref]: https://example.org\n[^1]: A note.\n"
    )
    assert relocate.namespace_labels(text, "q7-") == (
        "Footnote[^q7-1], [full][q7-Ref], [Ref][q7-Ref] and [ref][q7-ref], but not [0, 1].\n\n"
        "[q7-ref]: https://example.org\n[^q7-1]: A note.\n"
    )


def test_labels_in_code_are_not_touched() -> None:
    text = "`x[^1]`\n\n```python\nitems[ref]\n```\n\n[ref]: https://example.org\n"
    out = relocate.namespace_labels(text, "p-")
    assert "`x[^1]`" in out and "items[ref]" in out and "[p-ref]: https" in out


def test_headings_move_down_but_never_past_level_six() -> None:
    text = "### Three\n\ntext\n\n##### Five\n\n###### Six\n\n```\n### code\n```\n"
    assert relocate.shift_headings(text, 1) == (
        "#### Three\n\ntext\n\n###### Five\n\n###### Six\n\n```\n### code\n```\n"
    )


def test_images_can_be_rebased_apart_from_links() -> None:
    text = "![The L1 diamond](../assets/figures/l1-l2.svg) and [a link](other.md)"
    out = relocate.rebase_links(text, to_print_page, image=lambda path, _: "IMG:" + path)
    assert out == (
        "![The L1 diamond](IMG:assets/figures/l1-l2.svg) and [a link](<questions/other.md|>)"
    )
    assert relocate.image_paths(text + "\n\n`![x](../not/this.svg)`") == [
        "assets/figures/l1-l2.svg"]


def test_math_that_looks_like_a_link_is_left_alone() -> None:
    # `E[T](1 + P)` in TeX is a Markdown link to `1 + P` by its shape; it must stay TeX.
    text = ("Then $E[T]/(1 - P) \\approx E[T](1 + P)$ and [this](other.md).\n\n"
            "$$\nE[T](1 + P)\n$$\n\nAlso \\(a[b](c)\\).")
    out = relocate.rebase_links(text, lambda path, fragment: f"#{path}")
    assert out == text.replace("(other.md)", "(#questions/other.md)")


def test_math_is_made_safe_for_an_html_parser_and_code_is_not_touched() -> None:
    text = "Loss $-\\log p(y_t \\mid y_{<t})$, `a<b` and\n\n$$\nx<y, a < b\n$$\n"
    assert relocate.math_safe_in_html(text) == (
        "Loss $-\\log p(y_t \\mid y_{<{}t})$, `a<b` and\n\n$$\nx<{}y, a < b\n$$\n")

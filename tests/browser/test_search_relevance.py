"""Search as a candidate uses it: an acronym and its spelled-out name find the same question
first, both spellings of a word work, results show the question's 30-second answer, and the
relevance benchmark (scripts/bench/search_relevance.py, run by `make bench`) runs end to end
on a small query set."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from scripts.bench import search_relevance
from scripts.pages.text import summary

pytestmark = pytest.mark.browser

SMALL_SET = [
    search_relevance.Query("RAG", ("retrieval-augmented-generation",), "acronym"),
    search_relevance.Query("retrieval augmented generation",
                           ("retrieval-augmented-generation",), "expansion"),
    search_relevance.Query("lasso vs ridge", ("l1-vs-l2-regularization",), "synonym"),
    search_relevance.Query("regularisation", ("l1-vs-l2-regularization",), "spelling"),
    search_relevance.Query("ROC", ("roc-curve",), "acronym"),
]


def test_an_acronym_and_its_expansion_put_the_same_question_first(page: Page,
                                                                 base_url: str) -> None:
    acronym = search_relevance.ranked_questions(page, base_url, "RAG")
    spelled = search_relevance.ranked_questions(page, base_url, "retrieval augmented generation")
    assert acronym[:1] == spelled[:1] == ["retrieval-augmented-generation"]


def test_both_spellings_find_the_same_question(page: Page, base_url: str) -> None:
    british = search_relevance.ranked_questions(page, base_url, "regularisation")
    american = search_relevance.ranked_questions(page, base_url, "regularization")
    assert british[:1] == american[:1] and british[:1]


def test_a_result_shows_the_30_second_answer_not_index_words(page: Page, base_url: str,
                                                             bank) -> None:
    search_relevance.ranked_questions(page, base_url, "ROC")
    first = page.locator(".md-search-result__item").first
    preview = " ".join(first.locator(".md-search-result__article p").first
                       .inner_text().split())
    expected = summary(bank.question("roc-curve").short_answer, 220)
    # Material trims a long text with an ellipsis; what it shows is the answer's start.
    assert expected.startswith(preview.rstrip("…").strip()[:80])


def test_the_benchmark_runs_on_a_small_query_set(page: Page, base_url: str) -> None:
    results = {q.text: search_relevance.ranked_questions(page, base_url, q.text)
               for q in SMALL_SET}
    report = search_relevance.score(SMALL_SET, results)
    assert report["queries"] == len(SMALL_SET)
    assert 0 <= report["top1"] <= report["top3"] <= 1 and 0 <= report["mrr"] <= 1
    assert report["top3"] == 1.0, report["misses"]
    kinds = search_relevance.by_kind(SMALL_SET, report)
    assert sum(k["queries"] for k in kinds.values()) == len(SMALL_SET)


def test_the_score_counts_ranks_as_it_says() -> None:
    queries = [search_relevance.Query("a", ("x",)), search_relevance.Query("b", ("y", "z")),
               search_relevance.Query("c", ("w",))]
    report = search_relevance.score(queries, {"a": ["x"], "b": ["q", "r", "z"], "c": []})
    assert (report["top1"], report["top3"]) == (round(1 / 3, 3), round(2 / 3, 3))
    assert report["mrr"] == round((1 + 1 / 3) / 3, 3)
    assert [m["query"] for m in report["misses"]] == ["b", "c"]

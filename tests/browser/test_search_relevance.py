"""Search as a candidate uses it: an acronym and its spelled-out name find the same question
first, both spellings of a word work, a typo or a run-together compound still finds its
question, stop words do not reorder the results, results show the question's 30-second
answer, and the relevance benchmark (scripts/bench/search_relevance.py, run by `make bench`)
runs end to end on a small query set."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from scripts.bench import search_relevance
from scripts.pages.text import summary

pytestmark = pytest.mark.browser

SMALL_SET = [
    search_relevance.Query("KV cache", ("kv-cache",), "acronym"),
    search_relevance.Query("retrieval augmented generation",
                           ("retrieval-augmented-generation",), "expansion"),
    search_relevance.Query("lasso vs ridge", ("l1-vs-l2-regularization",), "synonym"),
    search_relevance.Query("regularisation", ("l1-vs-l2-regularization",), "spelling"),
    search_relevance.Query("ROC", ("roc-curve",), "acronym"),
]


@pytest.mark.parametrize(("acronym", "expansion", "question"), [
    ("KV cache", "key value cache", "kv-cache"),
    ("ROC", "receiver operating characteristic", "roc-curve"),
    ("SVM", "support vector machine", "support-vector-machines"),
])
def test_an_acronym_and_its_expansion_put_the_same_question_first(
        page: Page, base_url: str, acronym: str, expansion: str, question: str) -> None:
    short = search_relevance.ranked_questions(page, base_url, acronym)
    spelled = search_relevance.ranked_questions(page, base_url, expansion)
    assert short[:1] == spelled[:1] == [question]


@pytest.mark.parametrize(("british", "american", "question"), [
    ("quantisation", "quantization", "llm-quantization"),
    ("optimiser", "optimizer", "sgd-momentum-adam-adamw"),
])
def test_both_spellings_find_the_same_question(page: Page, base_url: str, british: str,
                                               american: str, question: str) -> None:
    one = search_relevance.ranked_questions(page, base_url, british)
    other = search_relevance.ranked_questions(page, base_url, american)
    assert one[:1] == other[:1] == [question]


def test_the_guide_s_worker_answers_the_search(page: Page, base_url: str) -> None:
    search_relevance.ranked_questions(page, base_url, "kv cache")
    worker = page.evaluate("JSON.parse(document.getElementById('__config').textContent).search")
    assert "search/worker.js?material=" in worker


def test_a_typo_or_a_run_together_compound_finds_its_question(page: Page,
                                                              base_url: str) -> None:
    # Material alone finds nothing for either (no word of the index starts with them).
    typo = search_relevance.ranked_questions(page, base_url, "backpropogation")
    compound = search_relevance.ranked_questions(page, base_url, "crossvalidation")
    assert typo[:1] == ["backpropagation-two-layer-network"]
    assert compound[:1] == ["k-fold-cross-validation"]


def test_stop_words_do_not_change_what_comes_first(page: Page, base_url: str) -> None:
    plain = search_relevance.ranked_questions(page, base_url, "kv cache size")
    worded = search_relevance.ranked_questions(page, base_url, "what is the size of a kv cache")
    assert plain[:3] == worded[:3] and plain[:1] == ["kv-cache"]


def test_a_result_shows_the_30_second_answer_not_index_words(page: Page, base_url: str,
                                                             bank) -> None:
    search_relevance.ranked_questions(page, base_url, "ROC")
    # The article holds the title (h1), the preview as bare text, and the tags (nav).
    preview = " ".join(page.locator(".md-search-result__article").first.evaluate(
        "a => { const c = a.cloneNode(true); c.querySelectorAll('h1, nav').forEach("
        "e => e.remove()); return c.textContent; }").split())
    assert preview
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


def test_the_report_shows_every_search_on_every_query_set() -> None:
    queries = [search_relevance.Query("a", ("x",), "acronym")]
    one = search_relevance.score(queries, {"a": ["x"]})
    missed = search_relevance.score(queries, {"a": ["y", "x"]})
    results = {label: {**(one if label == "ours" else missed), "index_bytes": 2048,
                       "by_kind": search_relevance.by_kind(queries, one if label == "ours"
                                                           else missed)}
               for label in search_relevance.VARIANTS}
    data = {"questions": 2, "query_sets": {"tuning": "t.yml", "held": "h.yml"},
            "results": {"tuning": results, "held": results}}
    text = "\n".join(search_relevance.report_lines(data, 2))
    for label in search_relevance.LABELS.values():
        assert text.count(f") | {label} |") == 2  # one row per query set
    assert "| `t.yml` (1) | ours | 100.0% | 100.0% | 1.000 | 2 KB | 1.00 |" in text
    assert "| acronym | 1/1 | 0/1 |" in text

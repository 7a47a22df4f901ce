"""Search relevance, measured as a reader meets it: each query of a query set is typed into
the real search box of a built site in Chromium, and the questions the results list are
compared with the question(s) that should come first. Reported per search (ours; our index
with Material's query handling; Material's full index and query handling, see VARIANTS) as
top-1 and top-3 accuracy and mean reciprocal rank over the first ten results.

The query sets are written the way candidates type: acronyms, spelled-out names, symptoms,
British and American spellings, misspellings; each query names the question(s) that should
come first. benchmarks/search-queries.yml is the set the ranking was tuned on;
benchmarks/search-queries-holdout.yml was written afterwards without seeing aliases, the
tuning set or any result, to show whether the tuning generalises. Neither is a test
threshold: `make bench` runs them and the benchmark report shows the figures; a test only
checks that the benchmark runs.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from scripts.paths import ROOT

QUERIES = ROOT / "benchmarks" / "search-queries.yml"
HELD_OUT = ROOT / "benchmarks" / "search-queries-holdout.yml"
QUERY_SETS = (QUERIES, HELD_OUT)
CHROMIUM = "/usr/bin/chromium"
_QUESTION = re.compile(r"/questions/([a-z0-9-]+)/")
_QUERY_BOX = "input[data-md-component=search-query]"
# Material renders results as it types; the list is final once it has changed from what the
# previous query showed (or a moment has passed: two queries may show the same list) and
# has then stopped changing.
_SETTLED = """async (before) => {
  const list = () => document.querySelector('.md-search-result__list');
  const meta = () => (document.querySelector('.md-search-result__meta') || {}).textContent || '';
  const now = () => (list() ? list().innerHTML : '') + meta();
  for (let i = 0; i < 15 && now() === before; i++) await new Promise(r => setTimeout(r, 100));
  let last = null, still = 0;
  for (let i = 0; i < 100 && still < 3; i++) {
    await new Promise(r => setTimeout(r, 100));
    still = (now() === last && !/Initializing/i.test(meta())) ? still + 1 : 0;
    last = now();
  }
}"""
_SHOWN = """() => ((document.querySelector('.md-search-result__list') || {}).innerHTML || '')
  + ((document.querySelector('.md-search-result__meta') || {}).textContent || '')"""


@dataclass(frozen=True)
class Query:
    text: str
    expected: tuple[str, ...]  # question ids, any of which is a right first result
    kind: str = ""  # acronym, expansion, synonym, symptom, spelling, misspelling, phrase


def load_queries(path: Path = QUERIES) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(item["query"], tuple(item["expect"]), item.get("kind", ""))
            for item in data["queries"]]


def ranked_questions(page: Any, base_url: str, query: str) -> list[str]:
    """The question ids the site's search lists for `query`, in order, each once: the query
    is typed into the search box, as a reader types it (the page is loaded once, then each
    query replaces the last)."""
    if not page.url.startswith(base_url) or not page.locator(_QUERY_BOX).count():
        page.goto(base_url, wait_until="load")
    box = page.locator(_QUERY_BOX)
    if not box.is_visible():
        page.keyboard.press("/")  # Material's shortcut: open the search and focus the box
    before = page.evaluate(_SHOWN)
    box.fill("")
    box.press_sequentially(query)
    page.evaluate(_SETTLED, before)
    hrefs = page.eval_on_selector_all(".md-search-result__item a.md-search-result__link",
                                      "els => els.map(e => e.getAttribute('href'))")
    out: list[str] = []
    for href in hrefs:
        match = _QUESTION.search(urlsplit(href).path + "/")
        if match and match.group(1) not in out:
            out.append(match.group(1))
    return out


def score(queries: Iterable[Query], results: dict[str, list[str]]) -> dict[str, Any]:
    """top-1, top-3 and MRR@10 of `results` (query -> ranked ids)."""
    queries = list(queries)
    top1 = top3 = 0
    reciprocal = 0.0
    misses = []
    for q in queries:
        ranked = results[q.text][:10]
        ranks = [i for i, qid in enumerate(ranked, 1) if qid in q.expected]
        rank = ranks[0] if ranks else None
        top1 += rank == 1
        top3 += rank is not None and rank <= 3
        reciprocal += 1 / rank if rank else 0.0
        if rank != 1:
            misses.append({"query": q.text, "expect": list(q.expected), "rank": rank,
                           "first": ranked[:3]})
    n = len(queries)
    return {"queries": n, "top1": round(top1 / n, 3), "top3": round(top3 / n, 3),
            "mrr": round(reciprocal / n, 3), "misses": misses}


def measure(site: Path, queries: list[Query], chromium: str = CHROMIUM) -> dict[str, Any]:
    """Types every query into the search box of `site`, served as GitHub Pages serves it."""
    from playwright.sync_api import sync_playwright

    from scripts.static_server import serve, site_base_path

    results: dict[str, list[str]] = {}
    started = time.monotonic()
    with serve(site, base_path=site_base_path()) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"])
        try:
            page = browser.new_page()
            for q in queries:
                results[q.text] = ranked_questions(page, url, q.text)
        finally:
            browser.close()
    out = score(queries, results)
    out["seconds"] = round(time.monotonic() - started, 1)
    return out


def by_kind(queries: list[Query], report: dict[str, Any]) -> dict[str, dict[str, int]]:
    """Queries and first-place hits per kind of query."""
    missed = {m["query"] for m in report["misses"]}
    kinds: dict[str, dict[str, int]] = {}
    for q in queries:
        entry = kinds.setdefault(q.kind or "other", {"queries": 0, "top1": 0})
        entry["queries"] += 1
        entry["top1"] += q.text not in missed
    return kinds


# The searches compared, each a build of the real bank: ours (compacted index and the
# guide's query-rewriting worker), our index with Material's own query handling, and
# Material's full index with its own query handling (what a site gets without our work).
VARIANTS = {
    "ours": {},
    "our_index_material_queries": {"GUIDE_SEARCH_WORKER": "material"},
    "material_full": {"GUIDE_SEARCH_INDEX": "full"},
}
LABELS = {
    "ours": "ours",
    "our_index_material_queries": "our index, Material's query handling",
    "material_full": "Material's full index and query handling",
}


def run(query_sets: tuple[Path, ...] = QUERY_SETS) -> dict[str, Any]:
    """Every variant, built in this run from the real bank, on every query set."""
    import os
    import shutil

    from scripts.bank import loader
    from scripts.bench.config import WORK
    from scripts.bench.measure import build_command, timed

    sets = {path.stem: load_queries(path) for path in query_sets}
    out: dict[str, Any] = {"questions": len(loader.load(loader.DEFAULT_DATA)),
                           "query_sets": {path.stem: str(path.relative_to(ROOT))
                                          for path in query_sets},
                           "results": {}}
    for label, env_extra in VARIANTS.items():
        site = WORK / f"search-{label}"
        shutil.rmtree(site, ignore_errors=True)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env_extra}
        env.pop("GUIDE_DATA", None)
        timed(build_command(ROOT / "mkdocs.yml", site), env, WORK / f"search-{label}.log")
        index_bytes = (site / "search" / "search_index.json").stat().st_size
        for name, queries in sets.items():
            report = measure(site, queries)
            report["index_bytes"] = index_bytes
            report["by_kind"] = by_kind(queries, report)
            out["results"].setdefault(name, {})[label] = report
    return out


def report_lines(data: dict[str, Any], questions: int) -> list[str]:
    """The benchmark report's section on search relevance."""
    lines = [
        "", "## Search relevance", "",
        f"Each query is typed into the search box of the real site ({questions} questions) in "
        "Chromium; a query counts when one of the questions it names comes first (top-1) or in "
        "the first three (top-3); MRR over the first ten results. Targets: top-3 at least "
        "95 %, top-1 at least 85 %, and better than Material's own full index of the same "
        "pages on both. The tuning set is the one the ranking was tuned on; the held-out set "
        "was written afterwards from titles and 30-second answers only, without seeing the "
        "aliases, the tuning set or any result.", "",
        "| query set | search | top-1 | top-3 | MRR | index size | KB per question |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, by_variant in data["results"].items():
        for label, r in by_variant.items():
            lines.append(
                f"| `{data['query_sets'][name]}` ({r['queries']}) | {LABELS[label]} | "
                f"{r['top1']:.1%} | {r['top3']:.1%} | {r['mrr']:.3f} | "
                f"{r['index_bytes'] / 1024:,.0f} KB | {r['index_bytes'] / 1024 / questions:.2f} |")
    for name, by_variant in data["results"].items():
        ours, full = by_variant["ours"], by_variant["material_full"]
        lines += ["", f"By kind of query in `{data['query_sets'][name]}` (first place / "
                  "queries), ours and Material's:", "",
                  "| kind | ours | Material |", "| --- | ---: | ---: |"]
        for kind, entry in sorted(ours["by_kind"].items()):
            other = full["by_kind"].get(kind, {"top1": 0})
            lines.append(f"| {kind} | {entry['top1']}/{entry['queries']} | "
                         f"{other['top1']}/{entry['queries']} |")
        if ours["misses"]:
            lines += ["", "Queries where ours did not put an expected question first:", ""]
            lines += [f"- `{m['query']}`: expected {', '.join(m['expect'])}; rank "
                      f"{m['rank'] or '>10'}; first {', '.join(m['first'][:2]) or 'nothing'}"
                      for m in ours["misses"][:40]]
    return lines

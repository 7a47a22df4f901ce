"""Search relevance, measured as a reader meets it: each query of a query set is typed into
the real search box of a built site in Chromium, and the questions the results list are
compared with the question(s) that should come first. Reported per index (ours, and
Material's full index of the same pages, GUIDE_SEARCH_INDEX=full) as top-1 and top-3
accuracy and mean reciprocal rank over the first ten results.

The query set (benchmarks/search-queries.yml) is written the way candidates type:
acronyms, spelled-out names, symptoms, British and American spellings, misspellings; each
query names the question(s) that should come first. It is not a test threshold: `make bench`
runs it and the benchmark report shows the figures; a test only checks that it runs.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import yaml

from scripts.paths import ROOT

QUERIES = ROOT / "benchmarks" / "search-queries.yml"
CHROMIUM = "/usr/bin/chromium"
_QUESTION = re.compile(r"/questions/([a-z0-9-]+)/")
# Material renders results as it types; the list is final once it has stopped changing.
_SETTLED = """async () => {
  const list = () => document.querySelector('.md-search-result__list');
  const meta = () => (document.querySelector('.md-search-result__meta') || {}).textContent || '';
  let last = null, still = 0;
  for (let i = 0; i < 100 && still < 3; i++) {
    await new Promise(r => setTimeout(r, 100));
    const now = (list() ? list().innerHTML : '') + meta();
    still = (now === last && !/Initializing/i.test(meta())) ? still + 1 : 0;
    last = now;
  }
}"""


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
    """The question ids the site's search lists for `query`, in order, each once."""
    page.goto(base_url + "?q=" + quote(query), wait_until="load")
    page.wait_for_selector(".md-search-result__meta", state="attached")
    page.evaluate(_SETTLED)
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


def run(queries_path: Path = QUERIES) -> dict[str, Any]:
    """Both indexes of the real bank, built in this run, on the same query set."""
    import os
    import shutil

    from scripts.bank import loader
    from scripts.bench.config import WORK
    from scripts.bench.measure import build_command, timed

    queries = load_queries(queries_path)
    out: dict[str, Any] = {"query_set": str(queries_path.relative_to(ROOT)),
                           "questions": len(loader.load(loader.DEFAULT_DATA))}
    for label, env_extra in (("ours", {}), ("material_full", {"GUIDE_SEARCH_INDEX": "full"})):
        site = WORK / f"search-{label}"
        shutil.rmtree(site, ignore_errors=True)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env_extra}
        env.pop("GUIDE_DATA", None)
        timed(build_command(ROOT / "mkdocs.yml", site), env, WORK / f"search-{label}.log")
        index = site / "search" / "search_index.json"
        report = measure(site, queries)
        report["index_bytes"] = index.stat().st_size
        report["by_kind"] = by_kind(queries, report)
        out[label] = report
    return out


def report_lines(data: dict[str, Any], questions: int) -> list[str]:
    """The benchmark report's section on search relevance."""
    ours, full = data["ours"], data["material_full"]
    lines = [
        "", "## Search relevance", "",
        f"{ours['queries']} queries of `{data['query_set']}`, typed into the search box of the "
        f"real site ({questions} questions) in Chromium; a query counts when one of the "
        "questions it names comes first (top-1) or in the first three (top-3); MRR over the "
        "first ten results. Targets: top-3 at least 95 %, top-1 at least 85 %, and better than "
        "Material's own full index of the same pages on both.", "",
        "| index | top-1 | top-3 | MRR | index size | KB per question |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, r in (("ours", ours), ("Material's full index", full)):
        lines.append(f"| {label} | {r['top1']:.1%} | {r['top3']:.1%} | {r['mrr']:.3f} | "
                     f"{r['index_bytes'] / 1024:,.0f} KB | "
                     f"{r['index_bytes'] / 1024 / questions:.2f} |")
    lines += ["", "By kind of query (first place / queries), ours and Material's:", "",
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

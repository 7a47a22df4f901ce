"""After the search plugin has written its index, compact it (scripts/search/index.py): one
entry per question, each word once; and point every page at the guide's search worker, which
rewrites a query before Material answers it (scripts/search/worker_config.py).
GUIDE_SEARCH_INDEX=full keeps Material's search as it is (index and worker), and
GUIDE_SEARCH_WORKER=material only Material's worker: the benchmark compares all three."""

from __future__ import annotations

import json
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from scripts.mkdocs_hooks import context
from scripts.pages.text import summary
from scripts.search import index
from scripts.search.worker_config import with_guide_worker

# What the index keeps of a page, by page URL: a question's preview, a listing's text.
_PREVIEWS: dict[str, index.Card] = {}
_LISTINGS: dict[str, str] = {}


def _stock_search() -> bool:
    return os.environ.get("GUIDE_SEARCH_INDEX") == "full"


def _stock_queries() -> bool:
    """Material's own query handling (GUIDE_SEARCH_WORKER=material, for the benchmark)."""
    return _stock_search() or os.environ.get("GUIDE_SEARCH_WORKER") == "material"


def on_pre_build(config: MkDocsConfig) -> None:
    _PREVIEWS.clear()
    _LISTINGS.clear()


def on_page_context(context_, page: Page, config: MkDocsConfig, nav):
    if page.file.generated_by is None:
        return context_
    bank = context.bank()
    question_id = page.meta.get("question_id")
    if question_id and (q := bank.question(str(question_id))) is not None:
        _PREVIEWS[page.url] = index.Card(preview=summary(q.short_answer, 220),
                                         aliases=tuple(q.aliases))
    elif page.file.src_uri.startswith(("topics/", "areas/")):
        item_id = page.file.src_uri.split("/", 1)[1].removesuffix(".md")
        vocabulary = bank.vocabulary
        found = [x for x in (*vocabulary.topics, *vocabulary.areas) if x.id == item_id]
        if found:
            _LISTINGS[page.url] = found[0].description
    elif page.file.src_uri.startswith("sections/"):
        _LISTINGS[page.url] = str(page.meta.get("description", ""))
    return context_


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config: MkDocsConfig) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if _stock_search() or not path.exists():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    data = index.compact(data, _PREVIEWS, _LISTINGS)
    path.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False),
                    encoding="utf-8")


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return output if _stock_queries() else with_guide_worker(output)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name.endswith(".html") and not _stock_queries():  # 404.html
        return with_guide_worker(output)
    return output

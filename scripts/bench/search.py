"""The search index: how large it is at each step, and whether every word of every model
answer still finds its question."""

from __future__ import annotations

import html
import json
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from scripts.bench.plain_site import published


def _gz(data: bytes) -> int:
    import gzip

    return len(gzip.compress(data, compresslevel=6, mtime=0))


def _index_size(index: dict[str, Any], n: int) -> dict[str, Any]:
    def size(docs: list[dict[str, Any]]) -> int:
        return len(json.dumps(docs, separators=(",", ":"), ensure_ascii=False).encode())

    questions = [d for d in index["docs"] if d["location"].startswith("questions/")]
    data = json.dumps(index, separators=(",", ":"), ensure_ascii=False).encode()
    return {"bytes_per_question": round(len(data) / n),
            "question_entries_per_question": round(size(questions) / n),
            "gzip_per_question": round(_gz(data) / n),
            "entries": len(index["docs"])}


def search_anatomy(bank: Path, work: Path, env: dict[str, str]) -> dict[str, Any]:
    """The search index step by step, for one bank: Material's index of the pages with every
    layer indexed; with the layers scripts/pages/blocks.py excludes; each of those two compacted."""
    from scripts.bench.measure import build_command, timed
    from scripts.pages.listings import SECTION_DESCRIPTIONS
    from scripts.pages.text import summary
    from scripts.search import index as search_index

    questions = published(bank)
    n = len(questions)
    # Material's own index of every layer: the plain site without the exclusion attributes.
    full = work / "plain-all-layers"
    shutil.rmtree(full, ignore_errors=True)
    shutil.copytree(work / "plain", full)
    for md in (full / "docs" / "questions").glob("*.md"):
        text = md.read_text(encoding="utf-8")
        for marker in (", data-search-exclude: 'true'", ' { data-search-exclude="true" }',
                       ' data-search-exclude="true"'):
            text = text.replace(marker, "")
        md.write_text(text, encoding="utf-8")
    timed(build_command(full / "mkdocs.yml", full / "site"), env, work / "all-layers.log")

    def load(site: Path) -> dict[str, Any]:
        return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))

    previews = {f"questions/{q.id}/": summary(q.short_answer) for q in questions}
    listings = {f"topics/{t.id}/": t.description for t in questions.topics()}
    listings.update({f"areas/{a.id}/": a.description for a in questions.areas()})
    listings.update({f"sections/{s.value}/": d for s, d in SECTION_DESCRIPTIONS.items()})
    every_layer = load(full / "site")
    excluded = load(work / "plain-site")
    shutil.rmtree(full, ignore_errors=True)
    return {
        "n": n,
        "material_every_layer": _index_size(every_layer, n),
        "every_layer_compacted": _index_size(
            search_index.compact(every_layer, previews, listings), n),
        "material_answer_layers": _index_size(excluded, n),
        "ours": _index_size(load(work / "ours-site"), n),
    }


class _ElementText(HTMLParser):
    """The text inside the element with a given id, as Material's indexer joins it: inline
    markup (syntax-highlighting spans, links, emphasis) joins text without a break; the
    elements it keeps as markup in the index (paragraphs, lists, code) separate words."""

    BREAKS = frozenset(("p", "code", "pre", "li", "ol", "ul", "sub", "sup",
                        "h1", "h2", "h3", "h4", "h5", "h6"))

    def __init__(self, element_id: str):
        super().__init__(convert_charrefs=True)
        self.element_id, self.depth, self.parts = element_id, 0, []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.depth += tag not in VOID
            if tag in self.BREAKS:
                self.parts.append(" ")
        elif dict(attrs).get("id") == self.element_id:
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1
            if tag in self.BREAKS:
                self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)


VOID = frozenset(("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"))


def element_text(page: str, element_id: str) -> str:
    parser = _ElementText(element_id)
    parser.feed(page)
    return "".join(parser.parts)


def searchable_check(bank: Path, site: Path) -> dict[str, Any]:
    """Every word of every model answer, as the built page shows it, still finds its
    question in our search index, the way Material's search matches (lower case, query word
    as the prefix of an indexed word, stop words ignored)."""
    from scripts.search import index as search_index

    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    by_page: dict[str, list[str]] = {}
    for doc in index["docs"]:
        by_page.setdefault(doc["location"].split("#")[0], []).append(
            " ".join([doc["title"], doc.get("aliases", ""), doc["text"], doc.get("words", ""),
                      *doc.get("tags", [])]))
    missing, words = [], 0
    for q in published(bank):
        found = search_index.TokenSet(html.escape(" ".join(by_page.get(f"questions/{q.id}/", []))))
        page = (site / "questions" / q.id / "index.html").read_text(encoding="utf-8")
        answer = element_text(page, "model-answer")
        for word in set(search_index.tokens(html.escape(answer))):
            words += 1
            if not found.finds(word):
                missing.append(f"{q.id}: {word}")
    return {"answer_words_checked": words, "not_found": len(missing), "examples": missing[:5]}

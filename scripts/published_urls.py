"""The addresses the site has published, kept in data/published-urls.txt so that none of them
ever breaks: a renamed question keeps its old address through a redirect (mkdocs-redirects).

    python scripts/published_urls.py          add the addresses of new pages to the list
    python scripts/published_urls.py --check  exit 1 if a current page is missing from it
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts import loader, print_page, render  # noqa: E402
from scripts.models import Section  # noqa: E402

LIST = ROOT / "data" / "published-urls.txt"
HEADER = (
    "# Every address the site has published. Never delete a line: when a page moves, add a\n"
    "# redirect in mkdocs.yml (plugins > redirects > redirect_maps). `make urls` adds new pages.\n"
)


def page_url(src: str) -> str:
    """docs-relative Markdown path -> site-relative URL, as MkDocs' directory URLs build it."""
    stem = src[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        stem = stem[: -len("/index")]
    return stem + "/"


def current_urls(data: Path = loader.DEFAULT_DATA) -> list[str]:
    sources = [p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")]
    published = [q for q in loader.load(data) if not q.is_draft]
    sources += [render.question_path(q.id) for q in published]
    sources += [render.topic_path(t) for t in render.published_topics(published)]
    sources += [render.section_path(s) for s in Section]
    sources += [print_page.PAGE_PATH]
    return sorted({page_url(s) for s in sources})


def listed_urls(path: Path = LIST) -> list[str]:
    if not path.exists():
        return []
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line.lstrip("/") for line in lines if line and not line.startswith("#")]


def unresolved(site: Path, urls: list[str]) -> list[str]:
    """Listed addresses a built site does not serve (neither a page nor a redirect)."""
    return [url for url in urls if not (site / url / "index.html").is_file()]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    listed = listed_urls()
    missing = [url for url in current_urls() if url not in listed]
    if args.check:
        for url in missing:
            print(f"{LIST.relative_to(ROOT)}: /{url} is published but not listed: run `make urls`")
        return 1 if missing else 0
    text = HEADER + "".join(f"/{url}\n" for url in [*listed, *missing])
    LIST.write_text(text, encoding="utf-8")
    print(f"{len(missing)} new address(es) recorded in {LIST.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

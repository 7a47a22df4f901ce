"""The addresses the site has published, kept in data/published-urls.txt so that none of them
ever breaks: a renamed question keeps its old address through a redirect (mkdocs-redirects).

    python scripts/published_urls.py          add the addresses of new pages to the list
    python scripts/published_urls.py --check  exit 1 if a current page is missing from it
    python scripts/published_urls.py --base FILE
                                              exit 1 if a line of FILE (the list on the base
                                              branch of a pull request) was removed

The current pages are the hand-written ones under docs/ and exactly those the build
generates (scripts/pages/sitemap.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a file: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.bank import loader
from scripts.pages.links import Links
from scripts.pages.paths import page_url
from scripts.pages.sitemap import EXTRA_GENERATED, generated_pages
from scripts.paths import DOCS, PUBLISHED_URLS, ROOT

HEADER = (
    "# Every address the site has published. Never delete a line: when a page moves, add a\n"
    "# redirect in mkdocs.yml (plugins > redirects > redirect_maps). `make urls` adds new pages.\n"
)


def current_urls(data: Path = loader.DEFAULT_DATA) -> list[str]:
    sources = [p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")]
    bank = loader.load(data).without_drafts()
    sources += [page.src for page in generated_pages(bank, Links("https://example.org"), "")]
    sources += list(EXTRA_GENERATED)
    return sorted({page_url(s) for s in sources})


def listed_urls(path: Path = PUBLISHED_URLS) -> list[str]:
    if not path.exists():
        return []
    return urls_in(path.read_text(encoding="utf-8"))


def urls_in(text: str) -> list[str]:
    lines = (line.strip() for line in text.splitlines())
    return [line.lstrip("/") for line in lines if line and not line.startswith("#")]


def unresolved(site: Path, urls: list[str]) -> list[str]:
    """Listed addresses a built site does not serve (neither a page nor a redirect)."""
    return [url for url in urls if not (site / url / "index.html").is_file()]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--base", type=Path, help="the list as the base branch has it")
    args = parser.parse_args()
    listed = listed_urls()
    if args.base:
        removed = [url for url in urls_in(args.base.read_text(encoding="utf-8"))
                   if url not in listed]
        for url in removed:
            print(f"{PUBLISHED_URLS.relative_to(ROOT)}: /{url} was removed; published "
                  "addresses never go: add a redirect and keep the line")
        return 1 if removed else 0
    missing = [url for url in current_urls() if url not in listed]
    if args.check:
        for url in missing:
            print(f"{PUBLISHED_URLS.relative_to(ROOT)}: /{url} is published but not listed: "
                  "run `make urls`")
        return 1 if missing else 0
    PUBLISHED_URLS.write_text(HEADER + "".join(f"/{url}\n" for url in [*listed, *missing]),
                              encoding="utf-8")
    print(f"{len(missing)} new address(es) recorded in {PUBLISHED_URLS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

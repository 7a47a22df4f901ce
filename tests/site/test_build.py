"""The real site, built strictly from the real data file: every question has its page,
its topic index lists it, search finds it, and no page loads anything from another host."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from tests.conftest import FIXTURES, ROOT, run_build

SITE_HOST = urlsplit("https://ml-interview-guide.github.io/").hostname


class _Resources(HTMLParser):
    """Every URL the browser would fetch on its own: scripts, styles, images, frames,
    preloads, manifests, and url() inside inline styles."""

    FETCHING = frozenset({
        ("script", "src"), ("img", "src"), ("img", "srcset"), ("source", "src"),
        ("source", "srcset"), ("iframe", "src"), ("video", "src"), ("audio", "src"),
        ("video", "poster"), ("embed", "src"), ("object", "data"), ("input", "src"),
    })
    LINK_RELS = frozenset({"stylesheet", "icon", "preload", "prefetch", "modulepreload",
                           "manifest", "apple-touch-icon", "preconnect", "dns-prefetch"})

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.inline_styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if value and (tag, name) in self.FETCHING:
                self.urls.extend(part.split()[0] for part in value.split(",") if part.strip())
            if name == "style" and value:
                self.inline_styles.append(value)
        if tag == "link" and values.get("href"):
            rels = set((values.get("rel") or "").split())
            if rels & self.LINK_RELS:
                self.urls.append(values["href"])
        self._in_style = tag == "style"

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.inline_styles.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False


def foreign_hosts(text: str, is_css: bool = False) -> set[str]:
    urls: list[str] = []
    if is_css:
        styles = [text]
    else:
        parser = _Resources()
        parser.feed(text)
        urls, styles = parser.urls, parser.inline_styles
    for css in styles:
        urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", css)
        urls += re.findall(r"@import\s+['\"]([^'\"]+)", css)
    hosts = set()
    for url in urls:
        parts = urlsplit(url.strip())
        if parts.scheme in {"data", "blob"}:
            continue
        if parts.netloc and parts.hostname != SITE_HOST:
            hosts.add(parts.netloc)
    return hosts


def test_every_question_has_its_page(site: Path, bank) -> None:
    for q in bank:
        page = site / "questions" / q.id / "index.html"
        assert page.exists(), q.id
        html = page.read_text(encoding="utf-8")
        assert " ".join(q.title.split()) in unescape(html), q.id
        # Answer blocks are native <details>, closed by default.
        blocks = re.findall(r"<details[^>]*>", html)
        assert len(blocks) == 5, (q.id, blocks)
        assert not any(" open" in b for b in blocks), q.id
        description = re.search(r'<meta name="description" content="([^"]*)"', html)
        assert description and description.group(1)
        assert "/edit/main/data/questions.yml" in html
        assert f"question-id={q.id}" in html


def test_every_question_is_in_its_topic_and_section_index(site: Path, bank) -> None:
    for q in bank:
        link = f'href="../../questions/{q.id}/"'
        topic_html = (site / "topics" / q.topic / "index.html").read_text("utf-8")
        assert link in topic_html, (q.id, q.topic)
        section_html = (site / "sections" / q.section.value / "index.html").read_text("utf-8")
        assert link in section_html, (q.id, q.section.value)


def test_every_question_is_in_the_search_index(site: Path, bank) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    for q in bank:
        assert f"questions/{q.id}/" in locations, q.id


def test_no_page_loads_anything_from_another_host(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    stylesheets = sorted(site.rglob("*.css"))
    assert len(pages) > 40 and stylesheets
    offenders = {}
    for path in pages + stylesheets:
        hosts = foreign_hosts(path.read_text("utf-8"), is_css=path.suffix == ".css")
        if hosts:
            offenders[str(path.relative_to(site))] = hosts
    assert offenders == {}


def test_foreign_host_detector_catches_what_it_must() -> None:
    html = ('<link rel="stylesheet" href="https://fonts.googleapis.com/css">'
            '<script src="https://cdn.example/x.js"></script>'
            '<div style="background:url(https://img.example/a.png)"></div>'
            '<a href="https://arxiv.org/abs/1">a link is not a request</a>')
    assert foreign_hosts(html) == {"fonts.googleapis.com", "cdn.example", "img.example"}


def test_the_math_stylesheet_is_served_by_the_site(site: Path) -> None:
    """MathML needs no script: only Temml's stylesheet, with a rule for each class that
    stands for an inline style on a page, and its small font, all from the site."""
    css = (site / "assets" / "math" / "math.css").read_text("utf-8")
    without_data = re.sub(r"url\(\"data:[^\"]*\"\)", "", css)
    fonts = set(re.findall(r"url\(['\"]?([^'\")]+)['\"]?\)", without_data))
    assert fonts == {"Temml.woff2"}
    assert (site / "assets" / "math" / "Temml.woff2").stat().st_size > 1000
    used = {name for page in site.rglob("*.html")
            for name in re.findall(r"tml-s-[0-9a-f]{10}", page.read_text("utf-8"))}
    assert used and all(f".{name}{{" in css for name in used)


def test_nothing_is_written_into_docs_during_a_build(site: Path) -> None:
    generated = {"questions", "topics", "sections", "tracks"}
    assert not generated & {p.name for p in (ROOT / "docs").iterdir()}


def test_failed_build_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    site_dir = tmp_path / "site"
    assert run_build(site_dir, FIXTURES / "valid.yml").returncode == 0
    before = {p: p.read_bytes() for p in site_dir.rglob("*") if p.is_file()}
    broken = tmp_path / "broken.yml"
    shutil.copy(FIXTURES / "valid.yml", broken)
    broken.write_text(broken.read_text("utf-8").replace("topic: statistics", "topic: nope"))
    result = run_build(site_dir, broken)
    assert result.returncode == 1
    assert "questions[0].topic" in result.stdout and "untouched" in result.stderr
    after = {p: p.read_bytes() for p in site_dir.rglob("*") if p.is_file()}
    assert after == before
    assert not list(tmp_path.glob("site.new-*"))


def test_the_build_refuses_options_that_would_weaken_it(tmp_path: Path) -> None:
    """`-q` hides the warnings --strict turns into errors: the build takes no such option."""
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_site.py"), "-q",
                             "--site-dir", str(tmp_path / "site")],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "unrecognized arguments: -q" in result.stderr
    assert not (tmp_path / "site").exists()


def test_mkdocs_failure_also_leaves_the_site_untouched(tmp_path: Path) -> None:
    # Valid data whose Markdown links to a page that does not exist: strict MkDocs fails.
    site_dir = tmp_path / "site"
    assert run_build(site_dir, FIXTURES / "valid.yml").returncode == 0
    marker = site_dir / "marker.txt"
    marker.write_text("previous build")
    data = tmp_path / "dangling.yml"
    data.write_text((FIXTURES / "valid.yml").read_text("utf-8").replace(
        "Whether you can explain", "See [this](missing-page.md). Whether you can explain"))
    result = run_build(site_dir, data)
    assert result.returncode != 0
    assert "missing-page.md" in result.stdout + result.stderr
    assert marker.read_text() == "previous build"

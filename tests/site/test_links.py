"""Every internal link and anchor of the built site resolves; every external link is a
well-formed https URL.

All HTML files are parsed; each href, src and srcset is resolved against the page's own URL
on the published site (site_url), exactly as a browser resolves it, and must name a file of
the site and, when it has a #fragment, an id (or <a name>) in that file. Stylesheets' url()
and the sitemap's <loc> entries are checked the same way. Whether external pages are still
there is checked weekly against the real web (.github/workflows/links.yml), not here.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml

from scripts.pages import print_page
from tests.conftest import ROOT

SITE_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))["site_url"]
SITE = urlsplit(SITE_URL)
# Files the deployment adds to the site after `make build`, so the built site under test lacks
# them; a link to one counts as resolved. Each is checked below to be really made on deploy.
POST_BUILD_FILES = {
    print_page.PDF_PATH: "make pdf",  # the printable guide as PDF (scripts/make_pdf.py)
}
_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")

# Attributes whose value the browser follows or fetches.
URL_ATTRIBUTES = {
    ("a", "href"), ("area", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
    ("iframe", "src"), ("source", "src"), ("video", "src"), ("video", "poster"),
    ("audio", "src"), ("track", "src"), ("embed", "src"), ("object", "data"),
    ("form", "action"), ("input", "src"), ("blockquote", "cite"), ("q", "cite"),
}
SRCSET_ATTRIBUTES = {("img", "srcset"), ("source", "srcset")}


@dataclass(frozen=True)
class Link:
    source: str  # the file, relative to the site
    url: str


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            if (tag, name) in URL_ATTRIBUTES:
                self.urls.append(value.strip())
            elif (tag, name) in SRCSET_ATTRIBUTES:
                self.urls += [c.split()[0] for c in value.split(",") if c.strip()]


def page_url(site: Path, path: Path) -> str:
    """The published URL of a built file (directory URLs end with /)."""
    rel = path.relative_to(site).as_posix()
    if rel == "index.html" or rel.endswith("/index.html"):
        rel = rel[: -len("index.html")]
    return urljoin(SITE_URL, rel)


def target_file(site: Path, url: str) -> Path | None:
    """The built file an absolute URL of the published site names; None if none."""
    path = unquote(urlsplit(url).path)
    if not (path + "/").startswith(SITE.path):
        return None
    candidate = site / path[len(SITE.path):]
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def is_internal(url: str) -> bool:
    parts = urlsplit(url)
    return (parts.scheme, parts.netloc) == (SITE.scheme, SITE.netloc)


def external_problem(url: str) -> str | None:
    """Why an external URL is not a well-formed https URL, or None."""
    if re.search(r"\s", url):
        return "contains white space"
    parts = urlsplit(url)
    if parts.scheme != "https":
        return f"scheme {parts.scheme or '(none)'}: only https links are allowed"
    host = parts.hostname or ""
    labels = host.split(".")
    if len(labels) < 2 or not all(_HOST_LABEL.match(label) for label in labels):
        return f"invalid host name {host!r}"
    try:
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError:
        return "invalid port"
    return None


def collect(site: Path) -> tuple[list[Link], dict[Path, set[str]]]:
    """Every URL the site's HTML, CSS and sitemap point at, absolute, and the ids of every
    HTML file."""
    links: list[Link] = []
    ids: dict[Path, set[str]] = {}
    for path in sorted(site.rglob("*.html")):
        parser = _Page()
        parser.feed(path.read_text("utf-8"))
        ids[path] = parser.ids
        base = page_url(site, path)
        rel = path.relative_to(site).as_posix()
        links += [Link(rel, urljoin(base, url)) for url in parser.urls]
    for path in sorted(site.rglob("*.css")):
        base = urljoin(SITE_URL, path.relative_to(site).as_posix())
        # A quoted data: URL is one value, whatever it holds (an SVG's own url(#marker)).
        css = re.sub(r"url\(\s*(['\"])data:.*?\1\s*\)", "url(data:)", path.read_text("utf-8"))
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css):
            if not url.startswith("data:"):
                links.append(Link(path.relative_to(site).as_posix(), urljoin(base, url)))
    sitemap = site / "sitemap.xml"
    if sitemap.exists():
        for loc in re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", sitemap.read_text("utf-8")):
            links.append(Link("sitemap.xml", loc))
    return links, ids


def _post_build_file(url: str) -> bool:
    path = unquote(urlsplit(url).path)
    return path.startswith(SITE.path) and path[len(SITE.path):] in POST_BUILD_FILES


def check(site: Path) -> list[str]:
    """Every broken internal link or anchor and every malformed external link."""
    links, ids = collect(site)
    problems = []
    for link in links:
        parts = urlsplit(link.url)
        if parts.scheme in {"data", "blob"}:
            continue
        if not is_internal(link.url):
            problem = external_problem(link.url)
            if problem:
                problems.append(f"{link.source}: {link.url}: {problem}")
            continue
        target = target_file(site, link.url)
        if target is None and _post_build_file(link.url):
            continue
        if target is None:
            problems.append(f"{link.source}: {link.url}: no such file in the site")
        elif parts.fragment and target.suffix == ".html" and (
                unquote(parts.fragment) not in ids[target]):
            problems.append(f"{link.source}: {link.url}: no id '{parts.fragment}' "
                            f"in {target.relative_to(site)}")
    return problems


def test_every_link_and_anchor_resolves(full_site: Path) -> None:
    links, _ = collect(full_site)
    internal = [link for link in links if is_internal(link.url)]
    by_target = defaultdict(int)
    for link in internal:
        by_target[urlsplit(link.url).path] += 1
    # Sanity: the checker saw the site's links, among them one to every question page.
    question_pages = {path.parent for path in (full_site / "questions").glob("*/index.html")}
    linked = {target_file(full_site, link.url).parent for link in internal
              if target_file(full_site, link.url) is not None}
    assert question_pages <= linked, "a question page that no page links to"
    assert any(urlsplit(link.url).fragment for link in internal), "no anchor links found"
    problems = check(full_site)
    assert problems == [], f"{len(problems)} broken link(s):\n" + "\n".join(problems)


def test_files_added_after_the_build_are_made_on_every_deploy() -> None:
    """A link to a post-build file is only good if the deployment makes that file: the
    Pages workflow runs the command after `make build`, and the command writes that path."""
    workflow = (ROOT / ".github" / "workflows" / "pages.yml").read_text("utf-8")
    steps = re.findall(r"^\s+run: (.+)$", workflow, re.M)
    for path, command in POST_BUILD_FILES.items():
        assert command in steps, f"pages.yml does not run `{command}`, which makes {path}"
        assert steps.index(command) > steps.index("make build"), command
    # make_pdf.py writes to <site>/PDF_PATH unless told otherwise.
    assert "args.site_dir / PDF_PATH" in (ROOT / "scripts" / "make_pdf.py").read_text("utf-8")


@pytest.fixture
def tiny_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text(
        '<a href="a/#here">ok</a> <a href="a/#nowhere">bad anchor</a>'
        ' <a href="missing/">bad page</a> <a href="http://example.org/">http</a>'
        ' <a href="https://exa mple.org/">space</a> <a href="https://example.org/x">ok</a>'
        f' <a href="{SITE.path}a/">absolute ok</a> <img src="../outside.png" alt="">',
        encoding="utf-8")
    (site / "a" / "index.html").write_text('<h2 id="here">x</h2><a href="../">up</a>',
                                           encoding="utf-8")
    return site


def test_link_checker_catches_what_it_must(tiny_site: Path) -> None:
    problems = check(tiny_site)
    assert len(problems) == 5, problems
    for needle in ("no id 'nowhere'", "missing/: no such file", "only https",
                   "white space", "outside.png: no such file"):
        assert any(needle in p for p in problems), (needle, problems)

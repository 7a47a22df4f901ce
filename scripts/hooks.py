"""MkDocs hooks: the only module that knows about MkDocs.

It loads and validates the data once per build, adds the generated pages to the build in
memory (nothing is written into docs/), points each question's edit link at the data file,
serves KaTeX from the site itself, publishes the practice export (api/v1/questions.json),
and makes `mkdocs serve` rebuild when the data changes.
It also corrects the few parts of Material's HTML that no template block reaches (see
MARKUP_FIXES; everything else is fixed in overrides/main.html), and in page content gives
each code block an id of its own, turns empty table header cells into plain cells and keeps
permalinks out of the answer blocks' summaries (on_page_content). After the build it
compacts the search index (scripts/search_index.py, on_post_build).
"""

from __future__ import annotations

import itertools
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads hooks by file path, not as a package
    sys.path.insert(0, str(ROOT))

import markdown  # noqa: E402
from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, Files, InclusionLevel  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402

from scripts import (  # noqa: E402
    anki_deck,
    bank_export,
    exports,
    loader,
    print_page,
    render,
    safety,
    search_index,
)
from scripts.models import Question, Section  # noqa: E402

KATEX_DIST = ROOT / "node_modules" / "katex" / "dist"
OLD_FONT_FORMATS = re.compile(r',url\(fonts/[^)]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)')


def data_path() -> Path:
    """The bank to build; GUIDE_DATA points a build at another file (benchmarks, tests)."""
    return Path(os.environ.get("GUIDE_DATA", loader.DEFAULT_DATA)).resolve()


def show_drafts() -> bool:
    """`make serve` previews drafts; a build for publishing never contains them."""
    return os.environ.get("GUIDE_DRAFTS") == "1"


def bank() -> tuple[Question, ...]:
    """The questions this build publishes, in file order."""
    try:
        questions = loader.load_cached(data_path())
    except loader.BankError as err:
        raise PluginError(
            f"the question bank has {len(err.problems)} problem(s):\n{err}"
        ) from None
    if show_drafts():
        return questions
    return tuple(q for q in questions if not q.is_draft)


def _links(config: MkDocsConfig) -> render.Links:
    repository = config.extra.get("repository")
    if not repository:
        raise PluginError("mkdocs.yml: set extra.repository to the GitHub repository URL")
    return render.Links(repo_url=repository.rstrip("/"))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    questions = bank()  # fail before anything is built, with every problem listed
    # Sections and topics join the navigation after the home page; question pages stay
    # out of it so that no page embeds the whole bank.
    sections = [
        {render.SECTION_TITLES[s].split(" questions")[0]: [
            render.section_path(s),
            *({render.TOPICS[t].title: render.topic_path(t)}
              for t in render.topics_of(s, questions)),
        ]}
        for s in Section
    ]
    nav = list(config.nav or [])
    config.nav = nav[:1] + sections + nav[1:]
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    questions = bank()
    by_id = {q.id: q for q in questions}
    links = _links(config)
    for q in questions:
        files.append(File.generated(
            config, render.question_path(q.id), content=render.question_page(q, by_id, links)
        ))
    for topic in render.published_topics(questions):
        files.append(File.generated(
            config, render.topic_path(topic), content=render.topic_page(topic, questions)
        ))
    for section in Section:
        files.append(File.generated(
            config, render.section_path(section), content=render.section_page(section, questions)
        ))
    files.append(File.generated(
        config, "contributing.md", content=contributing_page(_links(config))
    ))
    _add_downloads(files, config, questions)
    _add_katex(files, config)
    _add_practice_export(files, config, questions)
    return files


def _add_practice_export(files: Files, config: MkDocsConfig, questions) -> None:
    # Short answers are rendered with the site's own Markdown settings, so that math stays
    # in `.arithmatex` elements for math.js to typeset on the practice pages.
    md = markdown.Markdown(
        extensions=config.markdown_extensions, extension_configs=config.mdx_configs or {}
    )

    def render_markdown(text: str) -> str:
        md.reset()
        return md.convert(text)

    data = data_path()
    sources = [
        (path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name,
         path.read_bytes())
        for path in loader.data_files(data)
    ]
    export = exports.practice_export(
        questions,
        render_markdown=render_markdown,
        urls={f.src_uri: f.url for f in files},
        question_src=render.question_path,
        topic_src=render.topic_path,
        generated_from=exports.source_info(sources),
    )
    files.append(File.generated(
        config, exports.PRACTICE_EXPORT_PATH, content=exports.to_json(export)
    ))


def contributing_page(links: render.Links) -> str:
    """CONTRIBUTING.md as a site page: one text for GitHub and the site. Its links to files
    of the repository point at GitHub; links to site pages stay site links."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")

    def relink(match: re.Match[str]) -> str:
        target = match.group(1)
        if target.startswith("docs/"):
            return f"]({target.removeprefix('docs/')})"
        return f"]({links.repo_url}/blob/{links.branch}/{target})"

    # Relink in prose only: in code, an example such as `![alt](../assets/figures/x.svg)`
    # must stay as written. without_code() blanks code and keeps every position.
    prose = safety.without_code(text)
    for match in reversed(list(re.finditer(r"\]\((?!https?://|#)([^)\s]+)\)", prose))):
        text = text[:match.start()] + relink(match) + text[match.end():]
    front = "---\ntitle: Contributing\ndescription: How to fix, add and review questions.\n---\n"
    return front + "\n" + text


def _add_katex(files: Files, config: MkDocsConfig) -> None:
    if not (KATEX_DIST / "katex.min.js").exists():
        raise PluginError(
            f"KaTeX is missing from {KATEX_DIST}: run `make build` (it runs `npm ci`)"
        )
    files.append(File.generated(
        config, "assets/katex/katex.min.js", abs_src_path=str(KATEX_DIST / "katex.min.js")
    ))
    # Every browser that runs the site reads WOFF2: ship only those fonts, and drop the
    # older formats from the stylesheet so that it names no file the site lacks.
    css = (KATEX_DIST / "katex.min.css").read_text(encoding="utf-8")
    css = OLD_FONT_FORMATS.sub("", css)
    files.append(File.generated(config, "assets/katex/katex.min.css", content=css))
    for path in sorted((KATEX_DIST / "fonts").glob("*.woff2")):
        files.append(File.generated(
            config, f"assets/katex/fonts/{path.name}", abs_src_path=str(path)
        ))


# What the search index keeps of a page: a question page's preview, a listing page's text.
_SEARCH_PREVIEWS: dict[str, str] = {}
_SEARCH_LISTINGS: dict[str, str] = {}


def on_pre_build(config: MkDocsConfig) -> None:
    _SEARCH_PREVIEWS.clear()
    _SEARCH_LISTINGS.clear()


def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    # Generated pages have no file of their own to edit: send editors to the data file.
    if page.file.generated_by is not None and page.file.src_uri.endswith(".md"):
        page.edit_url = _links(config).edit_url()
        description = str(page.meta.get("description", ""))
        if page.meta.get("question_id"):
            _SEARCH_PREVIEWS[page.url] = description
        elif page.file.src_uri.startswith(("topics/", "sections/")):
            _SEARCH_LISTINGS[page.url] = description
    return context


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config: MkDocsConfig) -> None:
    """Compact the search index (scripts/search_index.py): one entry per question, each word
    once. GUIDE_SEARCH_INDEX=full keeps Material's index as it is (for comparison)."""
    path = Path(config.site_dir) / "search" / "search_index.json"
    if os.environ.get("GUIDE_SEARCH_INDEX") == "full" or not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    index = search_index.compact(index, _SEARCH_PREVIEWS, _SEARCH_LISTINGS)
    path.write_text(json.dumps(index, separators=(",", ":"), ensure_ascii=False),
                    encoding="utf-8")


# Material's base.html writes these outside every template block, so overrides/main.html
# cannot reach them and the built HTML is corrected here instead; each fix says why. Every
# other fix to Material's markup is made in overrides/main.html.
# (Material's markup, our markup, the theme feature that emits it or None for always).
MARKUP_FIXES = (
    # autocomplete is not allowed on a checkbox (Nu Html Checker). Material uses it to stop
    # browsers restoring a checked toggle; theme-fixes.js resets the toggles instead.
    ('data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
     'data-md-toggle="drawer" type="checkbox" id="__drawer">', None),
    ('data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
     'data-md-toggle="search" type="checkbox" id="__search">', None),
    # The instant-navigation progress bar is a purely visual strip with no value or name
    # (axe: aria-progressbar-name, and region: it stands outside every landmark). Assistive
    # technology learns of the new page from the page itself, so the strip is hidden from it.
    ('<div class="md-progress" data-md-component="progress" role="progressbar"></div>',
     '<div class="md-progress" data-md-component="progress" role="progressbar" '
     'aria-hidden="true"></div>', "navigation.instant.progress"),
)


def fix_markup(html: str, where: str, config: MkDocsConfig) -> str:
    features = config.theme.get("features") or []
    for old, new, feature in MARKUP_FIXES:
        if feature is not None and feature not in features:
            continue
        if html.count(old) != 1:
            # Material's markup changed: fail the build rather than ship the old problem.
            raise PluginError(f"{where}: expected Material's markup {old!r} exactly once")
        html = html.replace(old, new)
    return html


# Material's script gives each code block the id of its nearest ancestor with an id, so
# every code block inside one answer block (a <details> with an id) gets the same id, and
# each copy button copies the first block. A code block with an id of its own keeps it.
_CODE_PRE = re.compile(r"<pre>(?=(?:<span></span>)?<code)")


# The summary of an answer block is a heading (scripts/render.py), and the toc extension
# gives every heading a permalink: a link inside a summary, the control that opens the block
# (axe: nested-interactive). The table of contents still links to these headings.
_SUMMARY_PERMALINK = re.compile(
    r'(<summary>\s*<h([2-6]) id="[^"]+">[^<]*)<a class="headerlink" href="#[^"]+" '
    r'title="Permanent link">&para;</a>(</h\2>)'
)


# A comparison table often leaves its top-left cell empty (`| | L1 | L2 |`). An empty header
# cell heads nothing and screen readers announce it as a blank header (axe:
# empty-table-header), so it becomes the plain empty cell it is.
_EMPTY_HEADER_CELL = re.compile(r"<th(\s[^>]*)?>\s*</th>")


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    numbers = itertools.count()
    html = _CODE_PRE.sub(lambda _: f'<pre id="code-{next(numbers)}">', html)
    html = _EMPTY_HEADER_CELL.sub(lambda m: f"<td{m.group(1) or ''}></td>", html)
    return _SUMMARY_PERMALINK.sub(r"\1\3", html)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return fix_markup(output, page.file.src_uri, config)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name.endswith(".html"):  # 404.html; not sitemap.xml
        return fix_markup(output, template_name, config)
    return output


def on_serve(server, config: MkDocsConfig, builder):
    server.watch(str(data_path().parent))
    server.watch(str(ROOT / "scripts"))
    return server


# --- Take it with you: the printable guide, the Anki deck, the data exports ---


def deck_timestamp() -> int:
    """The Anki notes' modification time. Anki replaces an imported note only by a newer
    one, so this moves forward with the data: SOURCE_DATE_EPOCH when set (reproducible
    builds), else the newest data file's modification time. Rebuilding unchanged data
    gives the same deck, byte for byte."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    return max(int(path.stat().st_mtime) for path in loader.data_files(data_path()))


def _add_downloads(files: Files, config: MkDocsConfig, questions) -> None:
    site_url = config.site_url or "/"

    def page_url(src_uri: str) -> str:
        # Absolute, for places with no site around them: cards, paper, other programs.
        file = files.get_file_from_path(src_uri)
        return site_url + (file.url if file is not None else src_uri)

    files.append(File.generated(
        config, print_page.PAGE_PATH,
        content=print_page.print_page(questions, page_url=page_url, site_url=site_url),
        inclusion=InclusionLevel.NOT_IN_NAV,  # linked from the downloads page
    ))
    render_html = anki_deck.markdown_renderer(
        config.markdown_extensions, config.mdx_configs or {}
    )

    def local_file(src_uri: str) -> Path | None:
        file = files.get_file_from_path(src_uri)
        return Path(file.abs_src_path) if file is not None and file.abs_src_path else None

    media = anki_deck.media_files(questions, local_file)
    deck = anki_deck.deck(questions, render_html=render_html, page_url=page_url,
                          site_url=site_url, media=media)
    files.append(File.generated(
        config, anki_deck.DECK_PATH,
        content=anki_deck.package_bytes(deck, deck_timestamp(), media),
    ))
    export = bank_export.export(questions, site_url=site_url, page_url=page_url)
    for path, content in (
        (bank_export.JSON_PATH, bank_export.to_json(export)),
        (bank_export.SCHEMA_PATH, bank_export.schema_text(site_url)),
        (bank_export.CSV_PATH, bank_export.to_csv(export)),
    ):
        files.append(File.generated(config, path, content=content))

"""The Anki deck: one note per question, with the question on the front and the 30-second
answer, the model answer and a link to the page on the back. No MkDocs; the caller
supplies the Markdown renderer and page URLs, and writes the bytes where it likes.

Re-importing a newer deck must update the reader's cards, never duplicate them or lose
their review history. Anki matches notes by GUID, so each note's GUID comes from its
question id alone; the note type and deck keep fixed ids; and Anki replaces a note only
when the incoming one is newer, so the caller passes a time that moves forward with the
data (see `deck_timestamp` in scripts/mkdocs_hooks/downloads.py).
"""

from __future__ import annotations

import html
import io
import itertools
import json
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import genanki
import markdown

from scripts.bank.models import Question
from scripts.pages import relocate
from scripts.pages.paths import question_path
from scripts.pages.pipeline import site_extensions

DECK_PATH = "downloads/ml-interview-guide.apkg"
DECK_NAME = "ML Interview Study Guide"
# Chosen once at random in Anki's id range and never changed: a new id would make Anki
# treat every card as a new note type or a new deck.
MODEL_ID = 1_738_205_463
DECK_ID = 1_947_318_522
MODEL_NAME = "ML Interview Study Guide question"
FIELDS = ("Question", "ShortAnswer", "ModelAnswer", "Link", "Id")
TAG_PREFIX = "ml-guide"
MEDIA_PREFIX = "ml-guide-"

FRONT = '<div class="guide-question">{{Question}}</div>'
BACK = """{{FrontSide}}
<hr id="answer">
<h3 class="guide-label">30-second answer</h3>
<div class="guide-short">{{ShortAnswer}}</div>
<h3 class="guide-label">Model answer</h3>
<div class="guide-model">{{ModelAnswer}}</div>
<p class="guide-link">{{Link}}</p>"""
CSS = """.card { font-family: system-ui, sans-serif; font-size: 18px; line-height: 1.5;
  text-align: left; color: #1a1a1a; background: #fff; max-width: 46em; margin: 0 auto; }
.nightMode.card, .night_mode .card { color: #e6e6e6; background: #1e1e1e; }
.guide-question { font-size: 1.25em; font-weight: 600; }
.guide-label { font-size: 0.8em; text-transform: uppercase; letter-spacing: 0.05em;
  opacity: 0.7; margin: 1.2em 0 0.3em; }
.guide-link { font-size: 0.85em; margin-top: 1.5em; }
pre { overflow-x: auto; padding: 0.6em; border-radius: 4px; }
table { border-collapse: collapse; } td, th { border: 1px solid #8886; padding: 0.2em 0.5em; }
img { max-width: 100%; height: auto; background: #fff; }
"""

# A fixed time for the zip entries: the archive then depends on its contents only.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

RenderHtml = Callable[[str], str]


def model() -> genanki.Model:
    return genanki.Model(
        MODEL_ID, MODEL_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Question", "qfmt": FRONT, "afmt": BACK}],
        css=CSS,
    )


def markdown_renderer(
    extensions: Sequence[Any] | None = None,
    configs: Mapping[str, Mapping[str, Any]] | None = None,
) -> RenderHtml:
    """The site's Markdown settings, adjusted for a card. arithmatex's generic output
    already wraps math in \\( \\) and \\[ \\], the delimiters Anki's MathJax reads, and
    adds no script; permalinks are dropped (a card has no anchors to link to) and code
    is coloured with inline styles (a card has no Pygments stylesheet)."""
    overrides = {
        "toc": {"permalink": False},
        "pymdownx.highlight": {"noclasses": True},
    }
    if extensions is None:
        extensions, configs = site_extensions()
    configs = configs or {}
    names = [e for e in extensions if isinstance(e, str)]
    merged = {
        name: {**dict(configs.get(name, {})), **overrides.get(name, {})}
        for name in names
    }
    md = markdown.Markdown(extensions=list(extensions), extension_configs=merged)

    def render_html(text: str) -> str:
        md.reset()
        return md.convert(text)

    return render_html


def guid(question_id: str) -> str:
    """The note's identity in every reader's collection, from the question id alone."""
    return genanki.guid_for(question_id)


def tags(q: Question) -> list[str]:
    return [
        f"{TAG_PREFIX}::topic::{q.topic}",
        f"{TAG_PREFIX}::difficulty::{q.difficulty.value}",
        f"{TAG_PREFIX}::section::{q.section.value}",
    ]


def media_name(docs_path: str) -> str:
    """The file's name in the reader's Anki media folder, which all decks share."""
    return MEDIA_PREFIX + docs_path.removeprefix("assets/").replace("/", "-")


def media_files(
    questions: Iterable[Question], local_file: Callable[[str], Path | None]
) -> dict[str, Path]:
    """docs path -> file, for every image the answers show that `local_file` finds: the
    deck carries those, so figures show offline."""
    found = {}
    for q in questions:
        for text in (q.short_answer, q.answer):
            for path in relocate.image_paths(text):
                file = local_file(path)
                if file is not None:
                    found[path] = file
    return dict(sorted(found.items()))


def fields(
    q: Question, render_html: RenderHtml, page_url: Callable[[str], str],
    media: Mapping[str, Path] | None = None,
) -> list[str]:
    """Field values (HTML) in FIELDS order. Relative links in answers become links to
    the site, since a card has no site around it; images in `media` come with the deck."""

    def absolute(path: str, fragment: str) -> str:
        return page_url(path) + (f"#{fragment}" if fragment else "")

    def image(path: str, fragment: str) -> str:
        return media_name(path) if path in (media or {}) else absolute(path, fragment)

    def answer_html(text: str, field: str) -> str:
        # Both answers share one card: keep their footnote ids apart.
        text = relocate.rebase_links(text, absolute, image)
        return render_html(relocate.namespace_labels(text, field)).strip()

    url = page_url(question_path(q.id))
    return [
        html.escape(q.title, quote=False),
        answer_html(q.short_answer, "short-"),
        answer_html(q.answer, "model-"),
        f'<a href="{html.escape(url)}">Open this question in the guide</a>',
        q.id,
    ]


def deck(
    questions: Iterable[Question], *, render_html: RenderHtml, page_url: Callable[[str], str],
    site_url: str, media: Mapping[str, Path] | None = None,
) -> genanki.Deck:
    note_model = model()
    result = genanki.Deck(
        DECK_ID, DECK_NAME,
        description=(
            f'Questions and answers of the <a href="{html.escape(site_url)}">ML Interview '
            "Study Guide</a>, by its contributors, under CC BY-SA 4.0. Import a newer "
            "deck to update these cards; your review history is kept."
        ),
    )
    for q in questions:
        result.add_note(genanki.Note(
            model=note_model,
            fields=fields(q, render_html, page_url, media),
            tags=tags(q),
            guid=guid(q.id),
        ))
    return result


def package_bytes(
    the_deck: genanki.Deck, timestamp: int, media: Mapping[str, Path] | None = None
) -> bytes:
    """The .apkg file. genanki's own writer stamps the zip with the current time; this
    writes the same collection with fixed zip times, so equal decks give equal bytes.
    `timestamp` becomes the notes' modification time (and the base of their row ids);
    `media` (docs path -> file) are the images the cards show."""
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "collection.anki2"
        conn = sqlite3.connect(db_path)
        try:
            genanki.Package(the_deck).write_to_db(
                conn.cursor(), timestamp, itertools.count(timestamp * 1000)
            )
            conn.commit()
        finally:
            conn.close()
        collection = db_path.read_bytes()
    # Anki's layout: media files are numbered entries, and `media` maps number to name.
    files = [(str(n), path.read_bytes()) for n, path in enumerate((media or {}).values())]
    names = {str(n): media_name(p) for n, p in enumerate(media or {})}
    entries = [("collection.anki2", collection),
               ("media", json.dumps(names).encode("utf-8")), *files]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return out.getvalue()

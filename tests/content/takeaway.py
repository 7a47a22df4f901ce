"""Helpers for the tests of the downloads: the published bank, the site's Markdown
settings, and what an .apkg file holds."""

from __future__ import annotations

import functools
import io
import json
import os
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import load_config
from ruamel.yaml import YAML

from scripts.bank import loader
from scripts.exports import anki as anki_deck
from tests.conftest import ROOT

SITE_URL = "https://ml-interview-guide.github.io/ml-interview-guide/"


def published():
    """What the build publishes: the data file (or GUIDE_DATA) without drafts."""
    return loader.load(Path(os.environ.get("GUIDE_DATA", loader.DEFAULT_DATA))).without_drafts()


def raw_questions() -> list[dict]:
    """The published questions as the data files hold them, field by field, as JSON."""
    data = Path(os.environ.get("GUIDE_DATA", loader.DEFAULT_DATA))
    items = []
    for path in loader.data_files(data):
        items += YAML(typ="safe").load(path).get("questions", [])
    as_json = json.loads(json.dumps(items, default=str))
    return [q for q in as_json if q.get("status", "published") != "draft"]


@functools.cache
def site_renderer() -> anki_deck.RenderHtml:
    config = load_config(str(ROOT / "mkdocs.yml"))
    return anki_deck.markdown_renderer(config.markdown_extensions, config.mdx_configs)


def page_url(src_uri: str) -> str:
    """As MkDocs publishes a path of the docs folder (pages get directory URLs)."""
    if src_uri.endswith(".md"):
        return SITE_URL + src_uri.removesuffix(".md") + "/"
    return SITE_URL + src_uri


def local_file(src_uri: str) -> Path | None:
    path = ROOT / "docs" / src_uri
    return path if path.is_file() else None


def build_deck(questions, timestamp: int = 1_800_000_000) -> bytes:
    """The deck as the build makes it, figures included."""
    media = anki_deck.media_files(questions, local_file)
    deck = anki_deck.deck(questions, render_html=site_renderer(), page_url=page_url,
                          site_url=SITE_URL, media=media)
    return anki_deck.package_bytes(deck, timestamp, media)


@dataclass(frozen=True)
class Note:
    guid: str
    model_id: int
    mod: int
    fields: dict[str, str]
    tags: frozenset[str]


def read_apkg(data: bytes) -> tuple[dict[str, Note], dict]:
    """The notes of a package by GUID, and its `col` row (decks and models as JSON) with
    its media files by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        collection = archive.read("collection.anki2")
        names = json.loads(archive.read("media"))
        assert set(archive.namelist()) == {"collection.anki2", "media", *names}
        media = {name: archive.read(number) for number, name in names.items()}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "collection.anki2"
        path.write_bytes(collection)
        db = sqlite3.connect(path)
        try:
            rows = db.execute("select guid, mid, mod, flds, tags from notes").fetchall()
            decks, models = db.execute("select decks, models from col").fetchone()
            cards = db.execute("select count(*) from cards").fetchone()[0]
        finally:
            db.close()
    notes = {}
    for guid, mid, mod, flds, tags in rows:
        assert guid not in notes, f"two notes share the GUID {guid}"
        notes[guid] = Note(guid, mid, mod, dict(zip(anki_deck.FIELDS, flds.split("\x1f"),
                                                    strict=True)), frozenset(tags.split()))
    return notes, {"decks": json.loads(decks), "models": json.loads(models), "cards": cards,
                   "media": media}

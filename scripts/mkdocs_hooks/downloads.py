"""Take it with you: the printable guide (/print/), the Anki deck and the bank as JSON
(with its schema) and CSV, all added to the build in memory."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from scripts.bank import loader
from scripts.exports import anki, bank_data
from scripts.mkdocs_hooks import context
from scripts.pages import print_page


def deck_timestamp() -> int:
    """The Anki notes' modification time. Anki replaces an imported note only by a newer
    one, so this moves forward with the data: SOURCE_DATE_EPOCH when set (reproducible
    builds), else the newest data file's modification time. Rebuilding unchanged data
    gives the same deck, byte for byte."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    return max(int(path.stat().st_mtime) for path in loader.data_files(context.data_path()))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    bank = context.bank()
    site_url = config.site_url or "/"

    def page_url(src_uri: str) -> str:
        # Absolute, for places with no site around them: cards, paper, other programs.
        file = files.get_file_from_path(src_uri)
        return site_url + (file.url if file is not None else src_uri)

    files.append(File.generated(
        config, print_page.PAGE_PATH,
        content=print_page.print_page(bank, page_url=page_url, site_url=site_url),
        inclusion=InclusionLevel.NOT_IN_NAV,  # linked from the downloads page
    ))

    def local_file(src_uri: str) -> Path | None:
        file = files.get_file_from_path(src_uri)
        return Path(file.abs_src_path) if file is not None and file.abs_src_path else None

    media = anki.media_files(bank, local_file)
    deck = anki.deck(bank, render_html=anki.markdown_renderer(
        config.markdown_extensions, config.mdx_configs or {}),
        page_url=page_url, site_url=site_url, media=media)
    files.append(File.generated(config, anki.DECK_PATH,
                                content=anki.package_bytes(deck, deck_timestamp(), media)))
    export = bank_data.export(bank, site_url=site_url, page_url=page_url)
    for path, content in (
        (bank_data.JSON_PATH, bank_data.to_json(export)),
        (bank_data.SCHEMA_PATH, bank_data.schema_text(site_url)),
        (bank_data.CSV_PATH, bank_data.to_csv(export)),
    ):
        files.append(File.generated(config, path, content=content))
    return files

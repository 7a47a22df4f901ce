"""A generated page has no file of its own to edit: its edit link opens the data file."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from scripts.mkdocs_hooks import context


def on_page_context(context_, page: Page, config: MkDocsConfig, nav):
    if page.file.generated_by is not None and page.file.src_uri.endswith(".md"):
        page.edit_url = context.links(config).edit_url()
    return context_

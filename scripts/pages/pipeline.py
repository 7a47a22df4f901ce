"""The site's Markdown pipeline outside MkDocs: Python-Markdown with the extensions and
settings `mkdocs.yml` lists, so that the checks judge contributed text by the HTML the site
will really serve, and the exports (practice JSON, Anki) render it the same way."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import markdown
import yaml

from scripts.paths import ROOT


@functools.cache
def site_extensions(config: Path = ROOT / "mkdocs.yml") -> tuple[list[str], dict[str, Any]]:
    """(extension names, their settings) from the `markdown_extensions` of mkdocs.yml."""
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    names: list[str] = []
    settings: dict[str, Any] = {}
    for entry in data.get("markdown_extensions") or []:
        if isinstance(entry, dict):
            (name, options), = entry.items()
            names.append(name)
            settings[name] = options or {}
        else:
            names.append(entry)
    return names, settings


def new_markdown(extensions: Sequence[Any] | None = None,
                 settings: Mapping[str, Mapping[str, Any]] | None = None) -> markdown.Markdown:
    if extensions is None:
        extensions, settings = site_extensions()
    return markdown.Markdown(extensions=list(extensions),
                             extension_configs=dict(settings or {}))


class Renderer:
    """Markdown to HTML with one reusable Markdown instance (reset between texts)."""

    def __init__(self, md: markdown.Markdown | None = None):
        self._md = md or new_markdown()

    def __call__(self, text: str) -> str:
        self._md.reset()
        return self._md.convert(text)

    def definitions(self, text: str) -> list[str]:
        """The reference-link and footnote labels `text` defines. On a page, a definition
        in one field would serve a reference in any other field, so the checks allow none."""
        self(text)
        labels = [f"[{label}]:" for label in self._md.references]
        for extension in self._md.registeredExtensions:
            footnotes = getattr(extension, "footnotes", None)
            if footnotes is not None and hasattr(footnotes, "keys"):
                labels += [f"[^{label}]:" for label in footnotes]
        return labels


@functools.cache
def site_renderer() -> Renderer:
    return Renderer()

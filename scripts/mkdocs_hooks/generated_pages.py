"""Every page made from the bank (scripts/pages/sitemap.py) joins the build in memory:
nothing is written into docs/, which would make `mkdocs serve` rebuild without end."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from scripts.mkdocs_hooks import context
from scripts.pages.sitemap import generated_pages
from scripts.paths import ROOT


def on_files(files: Files, config: MkDocsConfig) -> Files:
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for page in generated_pages(context.bank(), context.links(config), contributing):
        files.append(File.generated(
            config, page.src, content=page.render(),
            inclusion=InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV,
        ))
    return files

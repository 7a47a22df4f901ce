"""Every formula typeset during the build (scripts/pages/formulas.py: MathML from Temml, one
Node process per build), so no page loads math JavaScript. A formula that does not parse
fails the build, named by question, field and TeX. After the build, assets/math/ gets the
stylesheet for MathML (Temml's, plus the classes that stand for its inline styles) and
Temml's small font."""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from scripts.mkdocs_hooks import context
from scripts.pages import formulas

STYLESHEET = "assets/math/math.css"
FONT = "assets/math/Temml.woff2"


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return context.typeset_math(html, f"page {page.file.src_uri}", config)


def on_post_build(config: MkDocsConfig) -> None:
    out = Path(config.site_dir)
    (out / STYLESHEET).parent.mkdir(parents=True, exist_ok=True)
    (out / STYLESHEET).write_text(formulas.stylesheet(context.typesetter().rules),
                                  encoding="utf-8")
    shutil.copyfile(formulas.font_file(), out / FONT)


def on_shutdown() -> None:
    context.close_typesetter()

"""KaTeX served from the site itself (never from a CDN): its script, its stylesheet and its
WOFF2 fonts, copied from the pinned npm package into assets/katex/."""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from scripts.paths import ROOT

KATEX_DIST = ROOT / "node_modules" / "katex" / "dist"
OLD_FONT_FORMATS = re.compile(r',url\(fonts/[^)]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)')


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if not (KATEX_DIST / "katex.min.js").exists():
        raise PluginError(f"KaTeX is missing from {KATEX_DIST}: run `make build` "
                          "(it runs `npm ci`)")
    files.append(File.generated(
        config, "assets/katex/katex.min.js", abs_src_path=str(KATEX_DIST / "katex.min.js")
    ))
    # Every browser that runs the site reads WOFF2: ship only those fonts, and drop the
    # older formats from the stylesheet so that it names no file the site lacks.
    css = OLD_FONT_FORMATS.sub("", (KATEX_DIST / "katex.min.css").read_text(encoding="utf-8"))
    files.append(File.generated(config, "assets/katex/katex.min.css", content=css))
    for path in sorted((KATEX_DIST / "fonts").glob("*.woff2")):
        files.append(File.generated(
            config, f"assets/katex/fonts/{path.name}", abs_src_path=str(path)
        ))
    return files

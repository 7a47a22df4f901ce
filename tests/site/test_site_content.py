"""What the built question pages hold: every formula of the bank typeset as MathML by the
build (in every Markdown field: answers, tips, mistakes, follow-ups), no math script on
any page, a formula that does not parse failing the build at its question, field and TeX,
and no Markdown left unrendered."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

from scripts.checks.problems import field_path
from scripts.pages.formulas import formulas_in
from scripts.pages.pipeline import site_renderer
from tests.conftest import FIXTURES, run_build
from tests.page_types import MATH_QUESTION, NO_MATH_QUESTION

_ANNOTATION = re.compile(r'<annotation encoding="application/x-tex">(.*?)</annotation>', re.S)
_MATH_SCRIPT = re.compile(r"<script[^>]*\bsrc=\"[^\"]*(?:katex|mathjax|temml|math\.js)", re.I)


def _typeset(page: str) -> set[tuple[str, bool]]:
    """The formulas a built page holds as MathML: (TeX, display)."""
    found = set()
    for element in re.findall(r"<math\b[^>]*>.*?</math>", page, re.S):
        display = element.startswith('<math display="block"')
        for tex in _ANNOTATION.findall(element):
            found.add((html_lib.unescape(tex).strip(), display))
    return found


def test_every_formula_of_the_bank_is_typeset_on_its_page(site: Path, bank) -> None:
    renderer = site_renderer()
    checked = 0
    fields_with_math = set()
    for q in bank:
        if q.is_draft:
            continue
        page = (site / "questions" / q.id / "index.html").read_text("utf-8")
        assert not _MATH_SCRIPT.search(page), q.id
        # No TeX is left for a script to typeset.
        assert not re.search(r'class="arithmatex">\s*\\[(\[]', page), q.id
        typeset = _typeset(page)
        for field in q.text_fields():
            if not field.markdown:
                continue
            for formula in formulas_in(renderer(field.text)):
                assert (formula.tex, formula.display) in typeset, \
                    f"{q.id}, {field_path(field.path)}: {formula.tex!r} is not typeset"
                checked += 1
                fields_with_math.add(field.path[0])
        # Nor math that arithmatex did not see (a "$" left in the text shows as TeX).
        article = page.split("<article", 1)[1].split("</article>", 1)[0]
        prose = re.sub(r"<(pre|code|math)\b.*?</\1>", "", article, flags=re.S)
        assert not re.search(r"(?<!\\)\$", prose), f"{q.id}: math left as text"
    assert checked > 50, "expected math on the site"
    # The real bank has math in follow-ups and mistakes too: those are checked as well.
    assert {"answer", "follow_ups", "mistakes"} <= fields_with_math


def test_the_math_page_types_are_the_bank_s_extremes(bank) -> None:
    """Lighthouse audits the question with the most formulas and one with none."""
    renderer = site_renderer()
    counts = {q.id: sum(len(formulas_in(renderer(f.text))) for f in q.text_fields()
                        if f.markdown) for q in bank if not q.is_draft}
    assert counts[MATH_QUESTION] == max(counts.values()), \
        f"the question with the most formulas is now {max(counts, key=counts.__getitem__)}: " \
        "set MATH_QUESTION in tests/page_types.py"
    assert counts[NO_MATH_QUESTION] == 0


def test_no_page_loads_math_javascript(site: Path) -> None:
    pages = list(site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        assert not _MATH_SCRIPT.search(page.read_text("utf-8")), page.relative_to(site)
    assert not (site / "assets" / "javascripts" / "math.js").exists()
    assert not (site / "assets" / "katex").exists()


def test_a_formula_that_does_not_parse_fails_the_build_at_its_place(tmp_path: Path) -> None:
    text = (FIXTURES / "valid.yml").read_text("utf-8")
    broken = r"\frac{1}{"
    first_mistake = "      - mistake: Saying $\\alpha$ is the probability that $H_0$ is true.\n"
    assert first_mistake in text
    data = tmp_path / "questions.yml"
    data.write_text(text.replace(first_mistake, first_mistake.replace(
        "$H_0$ is true", f"${broken}$ is true")), encoding="utf-8")
    result = run_build(tmp_path / "site", data)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "question type-1-vs-type-2-error, field mistakes[1].mistake" in output, output
    assert '"\\\\frac{1}{"' in output, output


def test_no_stray_markdown_in_built_answers(site: Path) -> None:
    for page in sorted((site / "questions").glob("*/index.html")):
        html = page.read_text("utf-8")
        article = html.split('<article', 1)[1].split("</article>", 1)[0]
        text = re.sub(r"<(pre|code)[^>]*>.*?</\1>", "", article, flags=re.S)
        text = re.sub(r"<math\b.*?</math>", "", text, flags=re.S)
        # Unrendered Markdown shows up as literal fences, table pipes or emphasis markers.
        assert "```" not in text, page.parent.name
        assert not re.search(r"^\|.*\|$", text, re.M), page.parent.name
        assert "/////" not in text, page.parent.name

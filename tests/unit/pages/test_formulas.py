"""Math typeset at build time (scripts/pages/formulas.py and scripts/typeset_math.js): one Node
process answers every request, formulas become MathML, a formula that does not parse is a
failure, and no inline style survives (the CSP allows none)."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest

from scripts.pages import formulas
from scripts.pages.pipeline import site_renderer


@pytest.fixture(scope="module")
def typesetter():
    t = formulas.Typesetter()
    yield t
    t.close()


def test_formulas_are_found_as_arithmatex_writes_them() -> None:
    html = site_renderer()("Inline $a<b$ and\n\n$$\nx^2 & y\n$$\n")
    assert formulas.formulas_in(html) == [formulas.Formula("a<b", False),
                                          formulas.Formula("x^2 & y", True)]


def test_pages_get_mathml_and_keep_their_text(typesetter) -> None:
    html = site_renderer()("Let $\\hat{y} = \\sigma(w^\\top x)$ be it.\n\n$$\n"
                           "\\frac{1}{N}\\sum_{n=1}^N \\ell_n\n$$\n")
    out, failures = formulas.typeset_html(html, typesetter.typeset)
    assert failures == []
    assert out.count("<math") == 2 and "\\(" not in out and "\\[" not in out
    assert '<div class="arithmatex" tabindex="0"><math display="block"' in out
    assert out.startswith("<p>Let <span class=\"arithmatex\"><math>")
    assert " be it.</p>" in out
    # The TeX stays as an annotation (copy, search), HTML-escaped.
    assert '<annotation encoding="application/x-tex">\\hat{y} = \\sigma(w^\\top x)' in out
    assert " style=" not in out
    # Every class that stands for a style has its rule.
    used = set(re.findall(r"tml-s-[0-9a-f]+", out))
    assert used and used <= set(typesetter.rules)
    assert all(f".{name}{{" in formulas.stylesheet(typesetter.rules) for name in used)


@pytest.mark.parametrize("bad", [r"\frac{1}{", r"\notacommand x", r"x^^2"])
def test_a_formula_that_does_not_parse_is_a_failure(typesetter, bad: str) -> None:
    html = f'<p><span class="arithmatex">\\({bad}\\)</span> and ' \
           f'<span class="arithmatex">\\(x\\)</span></p>'
    out, failures = formulas.typeset_html(html, typesetter.typeset)
    assert out == html
    assert [f.formula.tex for f in failures] == [bad]
    assert bad in failures[0].describe()


def test_one_process_answers_every_request_and_repeats_are_cached(typesetter) -> None:
    before = typesetter.requests
    first = typesetter.typeset([formulas.Formula("e^{i\\pi}", False)] * 3)
    again = typesetter.typeset([formulas.Formula("e^{i\\pi}", False)])
    assert len(set(first)) == 1 and again == first[:1]
    assert typesetter.requests == before + 1
    pid = typesetter._process.pid
    typesetter.typeset([formulas.Formula("z_1", False), formulas.Formula("z_2", True)])
    assert typesetter._process.pid == pid


def test_inline_styles_become_classes() -> None:
    rules: dict[str, str] = {}
    out = formulas.without_inline_styles(
        '<math display="block" class="tml-display" style="display:block math;">'
        '<mo style="math-depth:0;">^</mo><mi>x</mi></math>', rules)
    block, accent = (formulas.style_class("display:block math;"),
                     formulas.style_class("math-depth:0;"))
    assert out == (f'<math display="block" class="tml-display {block}">'
                   f'<mo class="{accent}">^</mo><mi>x</mi></math>')
    assert rules == {block: "display:block math;", accent: "math-depth:0;"}


def test_scriptlevel_stands_only_where_html_allows_it() -> None:
    assert formulas.valid_scriptlevels(
        '<msup><mi>e</mi><mi scriptlevel="2" class="x">s</mi></msup>'
        '<mstyle displaystyle="false" scriptlevel="0"><mi>a</mi></mstyle>'
    ) == ('<msup><mi>e</mi><mstyle scriptlevel="2"><mi class="x">s</mi></mstyle></msup>'
          '<mstyle displaystyle="false" scriptlevel="0"><mi>a</mi></mstyle>')
    rules: dict[str, str] = {}
    out = formulas.without_inline_styles(
        formulas.valid_scriptlevels('<mrow scriptlevel="+1"><mi>a</mi></mrow>'), rules)
    assert "scriptlevel" not in out and list(rules.values()) == ["math-depth:add(1);"]



def _arity_problems(markup: str) -> list[str]:
    """Scripted elements with more children than MathML allows them."""
    root = ElementTree.fromstring(markup)
    return [e.tag for e in root.iter() if len(e) > formulas._ARITY.get(e.tag, len(e))]


def _without_the_fix(typesetter, tex: str) -> str:
    (answer,) = typesetter._request([formulas.Formula(tex, False)])
    return formulas.without_inline_styles(formulas.valid_scriptlevels(answer["html"]), {})


def test_temml_puts_an_operator_name_under_an_accent_in_pieces(typesetter) -> None:
    assert _arity_problems(_without_the_fix(typesetter, r"\widehat{\operatorname{Cov}}")) \
        == ["mover"]


@pytest.mark.parametrize("tex", [r"\widehat{\operatorname{Cov}}(Z, Y)",
                                 r"\overline{\operatorname{Var}}", r"\hat\beta_1 + x^2_3"])
def test_accents_and_scripts_have_the_children_html_allows(typesetter, tex: str) -> None:
    (typeset,) = typesetter.typeset([formulas.Formula(tex, False)])
    assert _arity_problems(typeset) == []
    # The base keeps every part, in order: only the grouping changes.
    assert re.sub(r"</?mrow>", "", typeset) == \
        re.sub(r"</?mrow>", "", _without_the_fix(typesetter, tex))

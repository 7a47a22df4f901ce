"""An image in contributed text must be one of the site's figures, with alt text, at the
path MkDocs resolves from the question's page: anything else is reported at its line and
field, like every other problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.bank import loader
from scripts.checks import markup
from scripts.pages.pipeline import site_renderer
from scripts.paths import FIGURES_DIR
from tests.banks import GOOD, VOCABULARY, second
from tests.conftest import ROOT

FIGURE = "type-errors.svg"  # committed by scripts/figures/
ANSWER_LINE = 14  # bank_with() puts its text on the line after GOOD's "A longer answer."


def bank_with(text: str) -> str:
    """GOOD with `text` as a line of the first question's answer (line ANSWER_LINE)."""
    assert "\n" not in text
    return GOOD.replace("      A longer answer.\n", f"      A longer answer.\n      {text}\n"
                        ) + second()


def check(tmp_path: Path, text: str) -> list[loader.Located]:
    path = tmp_path / "questions.yml"
    path.write_text(text + "\n" + VOCABULARY, encoding="utf-8")
    return loader.check(path)[1]


def image_problems(text: str, figures_dir: Path = FIGURES_DIR) -> list[str]:
    return [message for message, _ in markup.html_problems(site_renderer()(text), figures_dir)]


def test_the_figure_used_in_these_tests_is_committed() -> None:
    assert (ROOT / "docs" / "assets" / "figures" / FIGURE).is_file()
    assert FIGURES_DIR == ROOT / "docs" / "assets" / "figures"


@pytest.mark.parametrize("image", [
    f"![Two bell curves with both error areas shaded](../assets/figures/{FIGURE})",
    f'![Two bell curves](../assets/figures/{FIGURE} "a title")',
    f"![Curves \\[shaded\\]](<../assets/figures/{FIGURE}>)",
    f"Text before ![Two bell curves](../assets/figures/{FIGURE}) and after.",
])
def test_an_existing_figure_with_alt_text_passes(tmp_path: Path, image: str) -> None:
    assert check(tmp_path, bank_with(image)) == []


BAD = {
    "missing file": (
        "![A figure nobody drew](../assets/figures/no-such-figure.svg)",
        "no figure 'no-such-figure.svg' in docs/assets/figures/",
    ),
    "empty alt text": (f"![](../assets/figures/{FIGURE})", "an image needs alt text"),
    "blank alt text": (f"![   ](../assets/figures/{FIGURE})", "an image needs alt text"),
    "path relative to the built page": (
        f"![Curves](../../assets/figures/{FIGURE})",
        f"write the path as ../assets/figures/{FIGURE}",
    ),
    "absolute site path": (
        f"![Curves](/assets/figures/{FIGURE})", f"write the path as ../assets/figures/{FIGURE}"
    ),
    "image from another host": (
        "![A chart](https://example.org/chart.png)", "images from other sites are not allowed"
    ),
    "protocol-relative image": (
        "![A chart](//example.org/chart.png)", "images from other sites are not allowed"
    ),
    "image outside the figures folder": (
        "![Logo](../assets/images/logo.png)", "an image must be one of the site's figures"
    ),
    "not an svg name": (
        "![Curves](../assets/figures/Type_Errors.png)", "lowercase words joined by hyphens"
    ),
    "event handler through an attribute list": (
        f'![Curves](../assets/figures/{FIGURE}){{ onerror="alert(1)" }}',
        "event-handler attributes",
    ),
    "style through an attribute list": (
        f'![Curves](../assets/figures/{FIGURE}){{ style="width:1px" }}',
        "the attribute 'style' is not allowed on <img>",
    ),
}


@pytest.mark.parametrize("name", list(BAD))
def test_a_bad_image_is_reported_at_its_line_and_field(tmp_path: Path, name: str) -> None:
    image, message = BAD[name]
    problems = check(tmp_path, bank_with(image))
    assert len(problems) == 1, "\n".join(map(str, problems))
    [problem] = problems
    assert problem.file.endswith("questions.yml")
    assert (problem.line, problem.field) == (ANSWER_LINE, "questions[0].answer"), str(problem)
    assert problem.col >= 7, str(problem)  # at the image, not at the start of the answer
    assert message in problem.message, str(problem)


def test_missing_alt_and_missing_file_are_two_problems(tmp_path: Path) -> None:
    problems = check(tmp_path, bank_with("![](../assets/figures/gone.svg)"))
    assert len(problems) == 2
    assert {p.line for p in problems} == {ANSWER_LINE}


def test_an_image_in_a_follow_up_points_at_that_field(tmp_path: Path) -> None:
    text = GOOD.replace(
        "{question: B?, answer: Yes.}",
        "{question: B?, answer: 'See ![x](../assets/figures/absent.svg).'}",
    ) + second()
    [problem] = check(tmp_path, text)
    assert (problem.field, problem.line) == ("questions[0].follow_ups[1].answer", 22)
    assert "no figure 'absent.svg'" in problem.message


def test_images_inside_code_are_only_text() -> None:
    text = "`![](x.png)`\n\n```markdown\n![](https://example.org/x.png)\n```\n"
    assert image_problems(text) == []


def test_the_figures_folder_can_be_another_one(tmp_path: Path) -> None:
    (tmp_path / "drawn.svg").write_text("<svg/>")
    ok = "![A drawing](../assets/figures/drawn.svg)"
    assert image_problems(ok, tmp_path) == []
    [message] = image_problems(ok, tmp_path / "empty")
    assert "no figure 'drawn.svg'" in message


def test_plain_text_fields_are_not_checked_for_images(tmp_path: Path) -> None:
    # Titles are escaped where they are written, so "![x](y)" shows as those characters.
    text = GOOD.replace("title: What is the first question?", "title: Why ![x](y.png)?")
    assert check(tmp_path, text + second()) == []

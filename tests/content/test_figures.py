"""The committed figures are exactly what scripts/figures/ computes with the pinned
libraries, they are small, self-contained SVG with text as text, every one has alt text and
a caption, and the Markdown line an answer uses builds into a working image."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts import figures
from scripts.bank import loader
from scripts.checks import markup
from scripts.pages.pipeline import site_renderer
from scripts.pages.relocate import without_code
from scripts.paths import FIGURE_PREFIX, FIGURES_DIR
from tests.conftest import FIXTURES, ROOT, run_build

NAMES = list(figures.FIGURES)
MAX_BYTES = 60_000


@pytest.fixture(scope="module")
def rendered() -> dict[str, tuple[bytes, figures.Facts]]:
    """Every figure computed afresh, once for this module (about ten seconds)."""
    return {name: figures.render(name) for name in NAMES}


def test_the_issue_asks_for_these_figures() -> None:
    assert {"roc-pr", "complexity", "l1-l2", "type-errors", "svm-margin", "cross-entropy",
            "trees"} <= set(NAMES)


def test_the_folder_holds_exactly_the_figures_the_script_draws() -> None:
    committed = {p.name for p in figures.OUT_DIR.iterdir()}
    assert committed == {f"{name}.svg" for name in NAMES}
    assert figures.OUT_DIR == FIGURES_DIR
    assert figures.MARKDOWN_PREFIX == FIGURE_PREFIX


@pytest.mark.parametrize("name", NAMES)
def test_committed_figure_is_what_the_computation_gives(rendered, name: str) -> None:
    data, _ = rendered[name]
    committed = (figures.OUT_DIR / f"{name}.svg").read_bytes()
    assert committed == data, (
        f"docs/assets/figures/{name}.svg differs from what scripts/figures/ computes: "
        "run `make figures` and commit the result"
    )


def test_drawing_twice_gives_the_same_bytes(rendered) -> None:
    # The comparison above holds across processes; this one within a process, where
    # Matplotlib's counters and caches could leak from one figure into the next.
    assert figures.render("svm-margin")[0] == rendered["svm-margin"][0]


def test_check_mode_reports_a_changed_figure(tmp_path: Path) -> None:
    (tmp_path / "cross-entropy.svg").write_bytes(b"<svg/>")
    (tmp_path / "stray.svg").write_bytes(b"<svg/>")
    problems = figures.check(["cross-entropy"], tmp_path)
    assert len(problems) == 2
    assert "cross-entropy.svg: differs" in problems[0]
    assert "stray.svg: no FIGURES entry" in problems[1]


@pytest.mark.parametrize("name", NAMES)
def test_svg_is_small_self_contained_and_reproducible(rendered, name: str) -> None:
    data, _ = rendered[name]
    svg = data.decode("utf-8")
    assert len(data) < MAX_BYTES, f"{name}.svg is {len(data)} bytes"
    # Nothing that changes from one run or machine to the next.
    assert "<metadata>" not in svg and "dc:date" not in svg
    assert not re.search(r"\d{4}-\d{2}-\d{2}T", svg)
    # Self-contained: no raster images, no external references, no scripts.
    assert "<image" not in svg and "<script" not in svg
    assert not re.search(r"(?:href|src)=\"(?!#)", svg)
    # Text is text, in a font every browser has a fallback for.
    assert svg.count("<text") >= 5
    assert "font-family: 'DejaVu Sans', sans-serif" in svg
    # Its own opaque white background comes first, so it is legible on any page colour.
    first_fill = re.search(r'style="fill: (#[0-9a-f]{6})"', svg)
    assert first_fill and first_fill.group(1) == "#ffffff"
    width, height = (float(v) for v in re.search(
        r'<svg[^>]* width="([\d.]+)pt" height="([\d.]+)pt"', svg).groups())
    # Wide enough to read on a desktop, small enough to scale down on a phone; a tall
    # diagram (a pipeline drawn top to bottom) may take up to 640pt.
    assert 300 < width < 640 and 200 < height < 640, (width, height)


@pytest.mark.parametrize("name", NAMES)
def test_alt_text_and_caption_are_filled_from_the_computation(rendered, name: str) -> None:
    _, facts = rendered[name]
    alt = figures.alt_text(name, facts)
    caption = figures.caption(name, facts)
    assert 80 <= len(alt) <= 700, len(alt)
    assert 30 <= len(caption) <= 250, len(caption)
    for text in (alt, caption):
        assert "{" not in text and "}" not in text
        assert "]" not in text and "\n" not in text  # one Markdown line, alt text intact


@pytest.mark.parametrize("name", NAMES)
def test_the_markdown_line_passes_the_validator(rendered, name: str) -> None:
    _, facts = rendered[name]
    line = figures.markdown(name, facts)
    assert line.startswith(f"![{figures.alt_text(name, facts)}](../assets/figures/{name}.svg)")
    assert markup.html_problems(site_renderer()(line), FIGURES_DIR) == []


def test_each_figure_names_questions_of_the_bank(bank) -> None:
    ids = {q.id for q in bank}
    for name, spec in figures.FIGURES.items():
        assert spec.questions and set(spec.questions) <= ids, (name, spec.questions)


def test_answers_use_the_alt_text_the_script_holds(rendered, bank) -> None:
    """The alt text of a figure is data in scripts/figures/, filled with the computed
    numbers: an answer that shows the figure uses it verbatim, so the words cannot drift
    from the picture when the figure is redrawn."""
    for question in bank:
        texts = [question.answer, question.short_answer, question.tips or ""]
        texts += [f.answer for f in question.follow_ups]
        for text in texts:
            for alt, name in re.findall(r"!\[((?:\\.|[^\]\\])*)\]\(\.\./assets/figures/"
                                        r"([a-z0-9-]+)\.svg", without_code(text)):
                expected = figures.alt_text(name, rendered[name][1])
                assert alt == expected, (
                    f"{question.id}: the alt text of {name}.svg differs from FIGURES in "
                    f"scripts/figures/; print the line with `python -m scripts.figures "
                    f"--markdown {name}`"
                )


def test_the_markdown_line_builds_into_a_working_image(tmp_path: Path, rendered) -> None:
    """The path convention, proved with the real strict build: the Markdown line of every
    figure in a question's answer becomes an <img> whose file the site serves. One figure of
    each module: the convention is the same for all, and every figure also builds in its own
    answer on the real site."""
    sample = sorted({spec.draw.__module__: name for name, spec in figures.FIGURES.items()}
                    .values())
    lines = "\n\n".join(figures.markdown(name, rendered[name][1]) for name in sample)
    marker = "      where $\\alpha$ is the significance level and $1 - \\beta$ is the power.\n"
    bank = (FIXTURES / "valid.yml").read_text("utf-8")
    assert marker in bank
    indented = "\n".join(f"      {line}" if line else "" for line in lines.splitlines())
    data = tmp_path / "questions.yml"
    data.write_text(bank.replace(marker, f"{marker}\n{indented}\n"), encoding="utf-8")
    assert loader.check(data)[1] == []
    site = tmp_path / "site"
    result = run_build(site, data)
    assert result.returncode == 0, result.stdout + result.stderr
    page = site / "questions" / "type-1-vs-type-2-error" / "index.html"
    html = page.read_text("utf-8")
    images = re.findall(r'<img alt="([^"]+)" src="([^"]+)"[^>]*/>\n<em>([^<]+)</em>', html)
    assert [src for _, src, _ in images] == [f"../../assets/figures/{n}.svg" for n in sample]
    # Each reserves its space and loads when its (closed) block opens.
    tags = re.findall(r'<img alt="[^"]+" src="[^"]+"[^>]*/>', html)
    assert all(re.search(r' width="\d+" height="\d+" loading="lazy"', t) for t in tags), tags
    for _, src, _ in images:
        served = (page.parent / src).resolve()
        assert served.is_file() and served.read_bytes() == (
            ROOT / "docs" / "assets" / "figures" / served.name).read_bytes()


@pytest.mark.parametrize("name", NAMES)
def test_every_figure_is_shown_in_the_first_answer_it_explains(bank, name: str) -> None:
    first = figures.FIGURES[name].questions[0]
    assert f"{figures.MARKDOWN_PREFIX}{name}.svg)" in bank.question(first).answer, (name, first)

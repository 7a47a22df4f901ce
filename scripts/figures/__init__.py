"""Every figure of the answers, drawn from a real computation or a declared structure, as
reproducible SVG in docs/assets/figures/.

One module of this package per topic (evaluation.py, generalization.py, ...) holds that
topic's drawing functions and a `FIGURES` dict of `Spec`s (style.py); this module gathers
every module's figures, so a new module needs no registration. diagram.py draws boxes and
arrows for architecture and pipeline diagrams.

Each figure is computed with the pinned NumPy, scikit-learn and Matplotlib
(requirements-dev.txt) from fixed seeds, and written so that a rebuild gives the same
bytes: no date, no creator, a fixed `svg.hashsalt` for the ids, coordinates rounded to
0.01 pt, one BLAS thread. Text stays text (`svg.fonttype: none`, DejaVu Sans then the
browser's sans-serif), so files stay small and searchable.

The alt text and caption of each figure are data, in its Spec; `{name}` fields in them
are filled with numbers the computation produced, so the words never disagree with the
picture. Answers use the figure with the line `python -m scripts.figures --markdown NAME`
prints.
"""

from __future__ import annotations

import importlib
import io
import pkgutil
import re
import tempfile
from pathlib import Path

from scripts.figures.style import SAVE_OPTIONS, STYLE, Facts, Spec
from scripts.paths import FIGURE_PREFIX, FIGURES_DIR

OUT_DIR = FIGURES_DIR
# How an answer refers to a figure: relative to its page's Markdown source, which MkDocs
# places at questions/<id>.md. The checks enforce the form.
MARKDOWN_PREFIX = FIGURE_PREFIX

# Modules of this package that hold no figures.
_MACHINERY = frozenset({"style", "diagram", "__main__"})


def _catalogue() -> dict[str, Spec]:
    found: dict[str, Spec] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name in _MACHINERY or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for name, spec in getattr(module, "FIGURES", {}).items():
            if name in found:
                raise ValueError(f"figure '{name}' is defined twice (again in {info.name}.py)")
            found[name] = spec
    return found


FIGURES: dict[str, Spec] = _catalogue()


# --- writing reproducible, small SVG ---------------------------------------------------

_ATTRIBUTE = re.compile(r'(\s[\w:-]+=")([^"]*)(")')
_NUMBER = re.compile(r"-?\d+\.\d{3,}")
_GROUP_ID = re.compile(r'<g id="[^"]*">')
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)


def _short(match: re.Match[str]) -> str:
    text = f"{float(match.group(0)):.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def compact(svg: str) -> str:
    """Round every coordinate in attribute values to 0.01 pt (invisible, and it hides the
    last-bit differences between machines) and drop the ids of groups, which nothing
    references. Text content is left exactly as drawn."""
    head, body = svg.split("<svg", 1)  # the XML declaration keeps its version="1.0"
    body = _METADATA.sub("", body)
    body = _GROUP_ID.sub("<g>", body)
    body = _ATTRIBUTE.sub(
        lambda m: m.group(1) + _NUMBER.sub(_short, m.group(2)) + m.group(3), body
    )
    return "\n".join(line.rstrip() for line in (head + "<svg" + body).splitlines()) + "\n"


def render(name: str) -> tuple[bytes, Facts]:
    """The SVG bytes of one figure, and the numbers its computation produced."""
    import matplotlib
    from threadpoolctl import threadpool_limits

    spec = FIGURES[name]
    with threadpool_limits(limits=1), matplotlib.rc_context(STYLE):
        fig, facts = spec.draw()
        buffer = io.StringIO()
        fig.savefig(buffer, **SAVE_OPTIONS)
    return compact(buffer.getvalue()).encode("utf-8"), facts


def alt_text(name: str, facts: Facts) -> str:
    return FIGURES[name].alt.format(**facts)


def caption(name: str, facts: Facts) -> str:
    return FIGURES[name].caption.format(**facts)


def markdown(name: str, facts: Facts) -> str:
    """What an answer writes to show the figure: the image, then its caption in italics
    on the next line (the stylesheet sets the image on its own line above it)."""
    return f"![{alt_text(name, facts)}]({MARKDOWN_PREFIX}{name}.svg)\n*{caption(name, facts)}*"


def write(names: list[str], out_dir: Path) -> dict[str, Facts]:
    out_dir.mkdir(parents=True, exist_ok=True)
    all_facts = {}
    for name in names:
        data, all_facts[name] = render(name)
        (out_dir / f"{name}.svg").write_bytes(data)
    return all_facts


def check(names: list[str], committed: Path = OUT_DIR) -> list[str]:
    """What differs between the committed figures and freshly computed ones."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        write(names, Path(tmp))
        for name in names:
            path = committed / f"{name}.svg"
            if not path.exists():
                problems.append(f"{path}: missing; run `make figures` and commit it")
            elif path.read_bytes() != (Path(tmp) / f"{name}.svg").read_bytes():
                problems.append(
                    f"{path}: differs from what scripts/figures/ computes; run "
                    "`make figures` and commit the result"
                )
    known = {f"{name}.svg" for name in FIGURES}
    for path in sorted(committed.glob("*")):
        if path.name not in known:
            problems.append(f"{path}: no FIGURES entry in scripts/figures/ produces it")
    return problems

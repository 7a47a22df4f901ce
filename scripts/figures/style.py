"""How every figure looks and is written: the palette, Matplotlib's settings, the SVG options,
and `Spec`, the catalogue entry that pairs a drawing with its alt text and caption.

Every figure has a white background of its own: it reads the same in the light and the dark
palette, and in any other place the file is opened (docs/assets/stylesheets/guide.css sets it
on a card in dark mode). Colours are the Okabe-Ito palette, which people with the common
colour-vision deficiencies can tell apart, and lines also differ by style.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from matplotlib.figure import Figure

# Okabe & Ito (2008), "Color Universal Design": distinct for most colour-vision deficiencies.
BLUE, ORANGE, GREEN, VERMILION, PURPLE, SKY, YELLOW = (
    "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442"
)
INK = "#1a1a1a"  # text and axes: near-black on the figure's own white background
# Lines and markers use blue, vermilion, green, grey and ink only: each has at least 3:1
# contrast with white (WCAG's bar for graphics). Orange, sky blue, yellow and reddish purple
# fall below it, so they only ever fill areas.
GREY = "#6b6b6b"

STYLE: dict[str, Any] = {
    "svg.fonttype": "none",
    "svg.hashsalt": "ml-interview-guide",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.labelsize": 11,
    "legend.fontsize": 10,
    "legend.frameon": False,
    "text.color": INK,
    "axes.labelcolor": INK,
    "axes.edgecolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#d9d9d9",
    "grid.linewidth": 0.6,
    "lines.linewidth": 2,
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "path.simplify": True,
}
SAVE_OPTIONS: dict[str, Any] = {
    "format": "svg",
    "bbox_inches": "tight",
    "pad_inches": 0.12,
    "metadata": {"Date": None, "Creator": None, "Format": None, "Type": None},
}

# The numbers a drawing computed, which fill the `{name}` fields of its alt text and caption.
Facts = dict[str, Any]


@dataclass(frozen=True)
class Spec:
    draw: Callable[[], tuple[Figure, Facts]]
    alt: str  # what the figure shows, for people who cannot see it; `{fact}` fields allowed
    caption: str  # the line under the figure: what to take away from it
    questions: tuple[str, ...]  # ids of the questions whose answers show it, first = home

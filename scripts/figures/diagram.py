"""Diagrams from a declared structure: boxes placed on a grid, arrows between them, and
optional shaded groups, drawn with Matplotlib in the figures' style (style.py).

A diagram is data, so it is checked like a computed figure: `draw` refuses an arrow to a
box that does not exist, two boxes that overlap, and a label that does not fit its box, and
returns facts (the boxes' and arrows' labels, in order) that alt text can use. Coordinates
are in grid units with y growing downwards, the way people sketch a pipeline: (0, 0) is the
top-left box.

    PIPELINE = Diagram(
        boxes=(Box("docs", "Documents", 0, 0), Box("index", "Vector index", 2, 0, kind="store")),
        arrows=(Arrow("docs", "index", "embed"),),
    )
    def rag_pipeline():
        return draw(PIPELINE)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from scripts.figures.style import BLUE, GREY, INK, SKY, YELLOW, Facts

# Fills light enough for near-black text to keep WCAG AA contrast (at least 4.5:1).
FILLS = {
    "box": "#e8f1f8",      # a step or component
    "store": "#fdf1dc",    # data at rest: a table, an index, a cache
    "model": "#e3f4ee",    # a learned model
    "actor": "#f2f2f2",    # a person or an outside system
    "accent": "#fbe3d6",   # the one box the reader should look at first
}
EDGES = {"box": BLUE, "store": "#b07a00", "model": "#007a5a", "actor": GREY, "accent": "#b34700"}
GROUP_FILL = "#f7f7f7"
UNIT = 1.0  # inches per grid unit


@dataclass(frozen=True)
class Box:
    id: str
    label: str  # "\n" breaks lines
    x: float  # centre, in grid units
    y: float
    w: float = 1.8
    h: float = 0.7
    kind: str = "box"

    def contains(self, other: Box) -> bool:
        return (abs(self.x - other.x) < (self.w + other.w) / 2
                and abs(self.y - other.y) < (self.h + other.h) / 2)


@dataclass(frozen=True)
class Arrow:
    src: str
    dst: str
    label: str = ""
    dashed: bool = False  # e.g. a feedback loop or an asynchronous path
    bend: float = 0.0  # curvature; 0 is straight, 0.3 a gentle arc
    both: bool = False  # a two-way exchange


@dataclass(frozen=True)
class Group:
    label: str
    members: tuple[str, ...]
    pad: float = 0.25


@dataclass(frozen=True)
class Diagram:
    boxes: tuple[Box, ...]
    arrows: tuple[Arrow, ...] = ()
    groups: tuple[Group, ...] = ()
    title: str = ""
    font_size: float = 10.5
    extra: Facts = field(default_factory=dict)  # more facts for the alt text


def _check(d: Diagram) -> dict[str, Box]:
    by_id: dict[str, Box] = {}
    for box in d.boxes:
        if box.id in by_id:
            raise ValueError(f"two boxes have the id '{box.id}'")
        if box.kind not in FILLS:
            raise ValueError(f"box '{box.id}': unknown kind '{box.kind}' (one of {list(FILLS)})")
        for other in by_id.values():
            if box.contains(other):
                raise ValueError(f"boxes '{other.id}' and '{box.id}' overlap")
        by_id[box.id] = box
    for arrow in d.arrows:
        for end in (arrow.src, arrow.dst):
            if end not in by_id:
                raise ValueError(f"arrow {arrow.src} -> {arrow.dst}: no box '{end}'")
    for group in d.groups:
        for member in group.members:
            if member not in by_id:
                raise ValueError(f"group '{group.label}': no box '{member}'")
    return by_id


def _group_rect(group: Group, by_id: dict[str, Box]) -> tuple[float, float, float, float]:
    members = [by_id[m] for m in group.members]
    return (min(b.x - b.w / 2 for b in members) - group.pad,
            min(b.y - b.h / 2 for b in members) - group.pad - 0.3,  # room for the label
            max(b.x + b.w / 2 for b in members) + group.pad,
            max(b.y + b.h / 2 for b in members) + group.pad)


def _arrow_middle(arrow: Arrow, by_id: dict[str, Box]) -> tuple[float, float]:
    """The middle of the drawn arrow: Matplotlib's arc3 puts its control point `bend` times
    the chord's length off the chord, and a quadratic curve passes half-way to it."""
    a, b = by_id[arrow.src], by_id[arrow.dst]
    dx, dy = b.x - a.x, b.y - a.y
    return (a.x + b.x) / 2 - arrow.bend * dy / 2, (a.y + b.y) / 2 + arrow.bend * dx / 2


def draw(d: Diagram) -> tuple[Figure, Facts]:
    """The figure of a diagram, and its facts: `boxes` and `arrows` (labels in order),
    `n_boxes`, `n_arrows`, and whatever `extra` declares."""
    by_id = _check(d)
    rects = [(b.x - b.w / 2, b.y - b.h / 2, b.x + b.w / 2, b.y + b.h / 2) for b in d.boxes]
    rects += [_group_rect(g, by_id) for g in d.groups]
    for arrow in d.arrows:  # a curved arrow bulges out: keep its middle on the canvas
        mx, my = _arrow_middle(arrow, by_id)
        rects.append((mx - 0.3, my - 0.3, mx + 0.3, my + 0.3))
    pad = 0.2
    left, right = min(r[0] for r in rects) - pad, max(r[2] for r in rects) + pad
    top, bottom = min(r[1] for r in rects) - pad, max(r[3] for r in rects) + pad
    if d.title:
        top -= 0.45
    fig = Figure(figsize=((right - left) * UNIT, (bottom - top) * UNIT))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(left, right)
    ax.set_ylim(bottom, top)  # y grows downwards
    ax.set_axis_off()
    if d.title:
        ax.text((left + right) / 2, top + 0.12, d.title, ha="center", va="top", fontsize=12,
                fontweight="bold", color=INK)

    for group in d.groups:
        x0, y0, x1, y1 = _group_rect(group, by_id)
        ax.add_patch(FancyBboxPatch((x0, y0), x1 - x0, y1 - y0,
                                    boxstyle="round,pad=0,rounding_size=0.12",
                                    facecolor=GROUP_FILL, edgecolor=GREY, linewidth=1,
                                    linestyle=(0, (4, 3)), zorder=0))
        ax.text(x0 + 0.12, y0 + 0.05, group.label, ha="left", va="top", fontsize=d.font_size - 1,
                color=INK, fontstyle="italic", zorder=1)

    patches = {}
    texts = []
    for box in d.boxes:
        patch = FancyBboxPatch((box.x - box.w / 2, box.y - box.h / 2), box.w, box.h,
                               boxstyle="round,pad=0,rounding_size=0.1",
                               facecolor=FILLS[box.kind], edgecolor=EDGES[box.kind],
                               linewidth=1.6 if box.kind == "accent" else 1.2, zorder=2)
        ax.add_patch(patch)
        patches[box.id] = patch
        texts.append((box, ax.text(box.x, box.y, box.label, ha="center", va="center",
                                   fontsize=d.font_size, color=INK, zorder=3,
                                   linespacing=1.2)))

    for arrow in d.arrows:
        a, b = by_id[arrow.src], by_id[arrow.dst]
        style = "<|-|>" if arrow.both else "-|>"
        patch = FancyArrowPatch(
            (a.x, a.y), (b.x, b.y), patchA=patches[a.id], patchB=patches[b.id],
            arrowstyle=f"{style},head_length=6,head_width=3.5", mutation_scale=1,
            connectionstyle=f"arc3,rad={arrow.bend}", color=INK, linewidth=1.3,
            linestyle=(0, (4, 3)) if arrow.dashed else "solid", shrinkA=2, shrinkB=2,
            zorder=1.5,
        )
        ax.add_patch(patch)
        if arrow.label:
            # The label sits beside the middle of the arrow (above a horizontal one, right
            # of a vertical one), so it never hides the line; on a curved arrow it follows
            # the curve's middle (Matplotlib's arc3, in a y-down frame).
            dx, dy = b.x - a.x, b.y - a.y
            mx, my = _arrow_middle(arrow, by_id)
            if abs(dx) >= abs(dy):
                spot = {"x": mx, "y": my - 0.07, "ha": "center", "va": "bottom"}
            else:
                spot = {"x": mx + 0.1, "y": my, "ha": "left", "va": "center"}
            ax.text(s=arrow.label, fontsize=d.font_size - 1.5, color=INK, zorder=4,
                    bbox={"boxstyle": "round,pad=0.1", "facecolor": "white",
                          "edgecolor": "none"}, **spot)

    # A label that spills out of its box would be clipped or collide: refuse to draw it.
    renderer = FigureCanvasAgg(fig).get_renderer()
    to_data = ax.transData.inverted()
    for box, text in texts:
        extent = text.get_window_extent(renderer)
        (x0, y0), (x1, y1) = to_data.transform([(extent.x0, extent.y0), (extent.x1, extent.y1)])
        if abs(x1 - x0) > box.w - 0.08 or abs(y1 - y0) > box.h - 0.04:
            raise ValueError(f"box '{box.id}': its label does not fit; widen the box or "
                             "break the line")

    facts: Facts = {
        "boxes": [b.label.replace("\n", " ") for b in d.boxes],
        "arrows": [f"{by_id[a.src].label} to {by_id[a.dst].label}".replace("\n", " ")
                   for a in d.arrows],
        "n_boxes": len(d.boxes),
        "n_arrows": len(d.arrows),
        **d.extra,
    }
    return fig, facts


# Colours a diagram may use for its own highlights (areas only, as in style.py).
HIGHLIGHTS = (SKY, YELLOW)

"""Figures of the vision, language and generative-model answers: network architectures
drawn from a declared structure (diagram.py)."""

from __future__ import annotations

import itertools

from matplotlib.figure import Figure

from scripts.figures.diagram import Arrow, Box, Diagram, draw
from scripts.figures.style import Facts, Spec

# The U-Net of Ronneberger et al. (arXiv:1505.04597): four 2x2 down-samplings on the
# contracting side, four up-convolutions on the expanding side, the channel count doubling
# at each step down from 64 to 1024 and halving back on the way up.
UNET_CHANNELS = (64, 128, 256, 512, 1024)


def unet() -> tuple[Figure, Facts]:
    """A U-Net drawn as a U: encoder down the left, decoder up the right, skip copies
    across at each resolution."""
    levels = len(UNET_CHANNELS) - 1
    step_x, width = 0.6, 1.5
    boxes: list[Box] = []
    arrows: list[Arrow] = []
    scale = ["H", "H/2", "H/4", "H/8", "H/16"]
    for i, ch in enumerate(UNET_CHANNELS[:-1]):
        boxes.append(Box(f"enc{i}", f"{ch} ch, {scale[i]}", i * step_x, i, w=width))
    bottom_x = levels * step_x + 0.85
    boxes.append(Box("mid", f"{UNET_CHANNELS[-1]} ch, {scale[levels]}", bottom_x, levels,
                     w=width, kind="accent"))
    for i, ch in enumerate(UNET_CHANNELS[:-1]):
        x = 2 * bottom_x - i * step_x
        label = f"{ch} ch, {scale[i]}" if i else "64 ch, H\n→ class map"
        boxes.append(Box(f"dec{i}", label, x, i, w=width, h=0.7 if i else 0.8, kind="model"))
    for i in range(levels):
        below = "mid" if i == levels - 1 else f"enc{i + 1}"
        arrows.append(Arrow(f"enc{i}", below, "max-pool" if i == 0 else ""))
        above = "mid" if i == levels - 1 else f"dec{i + 1}"
        arrows.append(Arrow(above, f"dec{i}", "up-conv" if i == 0 else ""))
        arrows.append(Arrow(f"enc{i}", f"dec{i}", "copy (skip)" if i == 0 else "",
                            dashed=True))
    diagram = Diagram(
        boxes=tuple(boxes), arrows=tuple(arrows), font_size=12,
        extra={"levels": levels, "c_top": UNET_CHANNELS[0], "c_mid": UNET_CHANNELS[-1],
               "n_skips": levels, "bottom": scale[levels]},
    )
    fig, facts = draw(diagram)
    # The alt text claims four halvings, channels doubling 64 -> 1024, one skip per level.
    assert levels == 4 and facts["n_boxes"] == 2 * levels + 1
    assert all(b == 2 * a for a, b in itertools.pairwise(UNET_CHANNELS))
    assert sum(a.dashed for a in diagram.arrows) == levels
    return fig, facts


FIGURES: dict[str, Spec] = {
    "unet": Spec(
        draw=unet,
        alt=(
            "A U-shaped diagram. Down the left side, the encoder halves the resolution "
            "{levels} times by pooling, from H to {bottom}, while the channels double from "
            "{c_top} to {c_mid} at the bottom of the U. Up the right side, the decoder doubles "
            "the resolution with up-convolutions and halves the channels back to {c_top}, "
            "ending in a per-pixel class map. {n_skips} dashed skip arrows copy each encoder "
            "feature map straight across to the decoder stage of the same resolution."
        ),
        caption=(
            "The encoder trades resolution for context; the skip copies hand the lost "
            "spatial detail back to the decoder at each scale."
        ),
        questions=("unet-segmentation",),
    ),
}

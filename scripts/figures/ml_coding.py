"""The ML-coding topic's figures: what the from-scratch implementations compute."""

from __future__ import annotations

import math

import numpy as np
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from scripts.figures.style import BLUE, INK, Facts, Spec


def _masked_softmax(scores: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """Row softmax over the allowed keys; masked entries get exactly 0."""
    s = np.where(keep, scores, -np.inf)
    m = s.max(-1, keepdims=True)
    e = np.exp(s - np.where(np.isfinite(m), m, 0.0))
    total = e.sum(-1, keepdims=True)
    return e / np.where(total > 0, total, 1.0)


def attention_masks() -> tuple[Figure, Facts]:
    """Head 1's attention weights for two sequences: causal, and causal with padding."""
    # The same data, weights and masks as the snippet of attention-from-scratch-numpy.
    rng = np.random.default_rng(0)
    batch, n, d, h = 2, 6, 8, 4
    x = rng.normal(size=(batch, n, d))
    wq, wk, _, _ = (rng.normal(0, d**-0.5, (d, d)) for _ in range(4))
    lengths = np.array([6, 4])
    causal = np.tril(np.ones((n, n), dtype=bool))
    keep = causal[None] & (np.arange(n)[None, :] < lengths[:, None])[:, None, :]  # (B, n, n)
    dh = d // h
    q, k = (x @ wq)[..., :dh], (x @ wk)[..., :dh]  # head 1 = the first d/h columns
    weights = _masked_softmax(q @ np.swapaxes(k, -1, -2) / math.sqrt(dh), keep)

    # The alt text states these; fail loudly rather than let it become untrue.
    assert np.all(weights[~keep] == 0.0)
    assert np.allclose(weights.sum(-1), 1.0, rtol=0, atol=1e-12)
    assert weights[0, 0, 0] == 1.0 and weights[1, 0, 0] == 1.0
    padded = lengths[1]
    facts = {
        "n": n, "length": int(padded), "n_pad": int(n - padded),
        "last_full": weights[0, -1].max(), "last_full_key": int(weights[0, -1].argmax()),
        "last_real": int(padded - 1),
    }

    cmap = LinearSegmentedColormap.from_list("weights", ["#ffffff", BLUE])
    fig = Figure(figsize=(8.6, 4.4))
    axes = fig.subplots(1, 2)
    titles = ["Causal mask", f"Causal + {n - padded} padded keys"]
    for b, ax in enumerate(axes):
        shown = np.where(keep[b], weights[b], np.nan)
        # A mesh of cells, not imshow: imshow embeds a PNG, and the figure stays vector.
        edges = np.arange(n + 1) - 0.5
        image = ax.pcolormesh(edges, edges, np.ma.masked_invalid(shown), cmap=cmap,
                              vmin=0, vmax=1)
        ax.set_aspect("equal")
        ax.invert_yaxis()
        for i in range(n):
            for j in range(n):
                if keep[b, i, j]:
                    value = weights[b, i, j]
                    # White text only on the darkest cells: ink has more contrast with
                    # the colour map up to a weight of about 0.88 (4.3:1 there, both ways).
                    ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=10,
                            color="white" if value > 0.88 else INK)
                else:
                    ax.add_patch(_masked_cell(i, j))
        ax.set(title=titles[b], xlabel="key position", xticks=range(n), yticks=range(n))
        ax.set_ylabel("query position")
        ax.grid(False)
        for spine in ax.spines.values():
            spine.set_visible(False)
    # 40 steps: Matplotlib embeds a colour bar of 50 or more as a PNG.
    cbar = fig.colorbar(image, ax=list(axes), shrink=0.8, pad=0.03,
                        boundaries=np.linspace(0, 1, 41))
    cbar.set_label("attention weight")
    cbar.set_ticks([0, 0.25, 0.5, 0.75, 1])
    return fig, facts


def _masked_cell(i: int, j: int) -> Rectangle:
    # Near-white with grey hatching: the figure stays mostly white (legible in both
    # palettes) and a masked cell still reads as struck out.
    return Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor="#f5f5f5", edgecolor="white",
                     hatch="//", hatchcolor="#b0b0b0", linewidth=0.5)


FIGURES: dict[str, Spec] = {
    "attention-masks": Spec(
        attention_masks,
        alt=(
            "Two {n} by {n} grids of attention weights from the first head of the multi-head "
            "attention snippet, queries as rows and keys as columns, each allowed cell "
            "labelled with its weight and shaded from white (0) to blue (1). Masked cells are "
            "unlabelled, near-white with grey diagonal hatching, and have weight exactly 0. "
            "Left, a causal mask: every cell above "
            "the diagonal is masked, query 0 puts weight 1.00 on key 0, and each row's "
            "weights sum to 1; the last query puts its largest weight, "
            "{last_full:.2f}, on key {last_full_key}. Right, the same causal mask for a "
            "sequence of {length} real tokens and {n_pad} padding tokens: the columns of keys "
            "{length} and above are masked in every row, so the last {n_pad} queries spread "
            "their weight over keys 0 to {last_real} only."
        ),
        caption=(
            "The causal mask hides the upper triangle, padding hides whole key columns, and "
            "each query's weights still sum to 1 over the keys it may see."
        ),
        questions=("attention-from-scratch-numpy",),
    ),
}

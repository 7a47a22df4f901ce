"""Figures of the answers about loss functions."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from scripts.figures.style import BLUE, GREY, INK, VERMILION, Facts, Spec


def cross_entropy() -> tuple[Figure, Facts]:
    """Binary cross-entropy of one example against the predicted probability."""
    from sklearn.metrics import log_loss

    p = np.linspace(0.002, 0.998, 499)
    marked = [0.9, 0.5, 0.1, 0.01]
    # sklearn's log loss of a single example whose true class is 1, predicted with p.
    losses = {q: log_loss([1], [q], labels=[0, 1]) for q in marked}
    facts = {f"loss_{round(q * 100):02d}": v for q, v in losses.items()}

    fig = Figure(figsize=(6.8, 4.2))
    ax = fig.subplots()
    ax.plot(p, -np.log(p), color=BLUE, label="true class 1: −log p")
    ax.plot(p, -np.log(1 - p), color=VERMILION, linestyle="--",
            label="true class 0: −log(1 − p)")
    ax.plot(p, (1 - p) ** 2, color=GREY, linestyle=":", linewidth=2,
            label="squared error (1 − p)², true class 1")
    label_at = {0.9: (0.83, 0.42), 0.5: (0.36, 1.75), 0.1: (0.13, 2.4), 0.01: (0.04, 4.65)}
    for q, loss in losses.items():
        ax.plot(q, loss, marker="o", color=BLUE, markeredgecolor=INK, linestyle="none")
        ax.annotate(f"p = {q:g}: {loss:.3f}", (q, loss), xytext=label_at[q], color=INK,
                    va="center", arrowprops={"arrowstyle": "-", "color": GREY, "lw": 0.8})
    ax.set(xlabel="predicted probability p of class 1", ylabel="loss (nats)",
           xlim=(0, 1), ylim=(0, 5.2), title="Cross-entropy punishes confident mistakes")
    ax.legend(loc="upper center", bbox_to_anchor=(0.56, 1))
    fig.tight_layout()
    return fig, facts


FIGURES: dict[str, Spec] = {
    "cross-entropy": Spec(
        cross_entropy,
        alt=(
            "Loss against the predicted probability p of class 1. For a true class 1, the "
            "cross-entropy minus log p is near zero at p = 1 and rises without bound as p "
            "goes to 0: {loss_90:.3f} at p = 0.9, {loss_50:.3f} at 0.5, {loss_10:.3f} at 0.1 "
            "and {loss_01:.3f} at 0.01. The curve for a true class 0, minus log of 1 minus p, "
            "is its mirror image. The squared error for a true class 1 never exceeds 1."
        ),
        caption=(
            "A confident wrong prediction costs far more than a hesitant one; squared error "
            "caps the cost at 1."
        ),
        questions=("cross-entropy",),
    ),
}

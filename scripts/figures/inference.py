"""Figures of the hypothesis-testing answers."""

from __future__ import annotations

from statistics import NormalDist

import numpy as np
from matplotlib.figure import Figure

from scripts.figures.style import BLUE, INK, ORANGE, SKY, VERMILION, Facts, Spec


def type_errors() -> tuple[Figure, Facts]:
    """A one-sided z-test of a mean: where the sample mean falls under H0 and under H1.
    The numbers are those of the worked example of the answer 'type-1-vs-type-2-error'."""
    alpha, mu0, mu1, sigma, n = 0.05, 50.0, 54.0, 10.0, 25
    se = sigma / np.sqrt(n)  # standard error of the sample mean
    h0, h1 = NormalDist(mu0, se), NormalDist(mu1, se)
    cutoff = h0.inv_cdf(1 - alpha)  # reject H0 when the sample mean exceeds it
    beta = h1.cdf(cutoff)
    facts = {"alpha": 1 - h0.cdf(cutoff), "beta": beta, "power": 1 - beta, "cutoff": cutoff,
             "mu0": mu0, "mu1": mu1, "sigma": sigma, "n": n, "se": se}

    x = np.linspace(mu0 - 3.5 * se, mu1 + 3.5 * se, 501)
    pdf0 = np.array([h0.pdf(v) for v in x])
    pdf1 = np.array([h1.pdf(v) for v in x])
    peak = h0.pdf(mu0)
    fig = Figure(figsize=(7.8, 3.9))
    ax = fig.subplots()
    ax.plot(x, pdf0, color=BLUE, label=f"if H₀ is true (μ = {mu0:g})")
    ax.plot(x, pdf1, color=VERMILION, linestyle="--", label=f"if H₁ is true (μ = {mu1:g})")
    reject = x >= cutoff
    ax.fill_between(x[reject], pdf0[reject], color=SKY, alpha=0.7, linewidth=0)
    ax.fill_between(x[~reject], pdf1[~reject], color=ORANGE, alpha=0.45, linewidth=0)
    ax.axvline(cutoff, color=INK, linewidth=1.5)
    ax.text(cutoff + 0.15, 1.19 * peak, f"cut-off {cutoff:.2f}", color=INK, va="top")
    ax.text(cutoff - 0.25, 1.07 * peak, "← keep H₀", ha="right", color=INK)
    ax.text(cutoff + 0.25, 1.07 * peak, "reject H₀ →", ha="left", color=INK)
    ax.annotate(f"Type I error\nα = {facts['alpha']:.3f}", (cutoff + 0.9, 0.05 * peak),
                xytext=(mu1 + 3.6, 0.5 * peak), color=BLUE, fontweight="bold",
                arrowprops={"arrowstyle": "->", "color": BLUE})
    ax.annotate(f"Type II error\nβ = {beta:.3f}", (cutoff - 0.9, 0.2 * peak),
                xytext=(mu0 - 4.4, 0.68 * peak), color=VERMILION, fontweight="bold",
                ha="center", arrowprops={"arrowstyle": "->", "color": VERMILION})
    ax.set(xlabel=f"sample mean of n = {n} observations (σ = {sigma:g})",
           ylabel="probability density", xlim=(x[0], x[-1]), ylim=(0, 1.25 * peak),
           title=f"One-sided z-test at α = {alpha}: power 1 − β = {1 - beta:.3f}")
    ax.legend(loc="upper right", bbox_to_anchor=(1, 0.8))
    fig.tight_layout()
    return fig, facts


FIGURES: dict[str, Spec] = {
    "type-errors": Spec(
        type_errors,
        alt=(
            "Two bell curves of the sample mean of {n} observations: centred at {mu0:g} if "
            "the null hypothesis is true, at {mu1:g} if the alternative is. A vertical line at "
            "the cut-off {cutoff:.2f} separates keeping from rejecting the null. The tail of "
            "the null curve beyond the line is shaded as the Type I error, alpha = "
            "{alpha:.3f}; the part of the alternative curve below the line is shaded as the "
            "Type II error, beta = {beta:.3f}, so the power is {power:.3f}."
        ),
        caption=(
            "Moving the cut-off right shrinks α and grows β. A larger sample narrows both "
            "curves, so that both errors can be made smaller at once."
        ),
        questions=("type-1-vs-type-2-error",),
    ),
}

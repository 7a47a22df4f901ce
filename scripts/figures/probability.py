"""Figures of the probability answers: how the common distributions connect, and the
central limit theorem at work on skewed data."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure
from scipy import stats

from scripts.figures.diagram import Arrow, Box, Diagram, draw
from scripts.figures.style import INK, SKY, VERMILION, Facts, Spec

# Boxes on a 3-row grid; arrows say which limit or story turns one distribution into
# another. Unicode arrows and Greek letters keep the labels short on a phone.
DISTRIBUTIONS = Diagram(
    boxes=(
        Box("bern", "Bernoulli(p)\none yes/no trial", 2.8, 0, w=2.0, h=0.8, kind="accent"),
        Box("binom", "Binomial(n, p)\nsuccesses in n", 0, 1.7, w=2.0, h=0.8),
        Box("geom", "Geometric(p)\ntrials to 1st success", 5.6, 1.7, w=2.0, h=0.8),
        Box("norm", "Normal(μ, σ²)", 0, 3.4, w=2.0, h=0.8, kind="model"),
        Box("pois", "Poisson(λ)\ncounts in a window", 2.8, 3.4, w=2.0, h=0.8),
        Box("expo", "Exponential(λ)\ngap between events", 5.6, 3.4, w=2.0, h=0.8),
    ),
    arrows=(
        Arrow("bern", "binom", "sum of n"),
        Arrow("bern", "geom", "wait"),
        Arrow("binom", "norm", "np(1−p)\nlarge"),
        Arrow("binom", "pois", "n→∞, np = λ"),
        Arrow("pois", "norm", "λ large"),
        Arrow("geom", "expo", "continuous\ntime"),
        Arrow("pois", "expo", "same\nprocess", both=True),
    ),
    font_size=10.5,
)


def distribution_map() -> tuple[Figure, Facts]:
    """The relations the answer 'common-probability-distributions' teaches, as a diagram."""
    fig, facts = draw(DISTRIBUTIONS)
    assert facts["n_boxes"] == 6 and facts["n_arrows"] == 7, facts
    return fig, facts


def clt_means() -> tuple[Figure, Facts]:
    """Histograms of the standardised mean of n Exponential(1) draws for three n, against
    the standard normal density. The exact law of the mean is Gamma(n, scale 1/n), which
    gives the exact skewness 2/sqrt(n) and the exact Kolmogorov distance to the normal."""
    rng = np.random.default_rng(0)
    sizes, reps = (1, 5, 30), 50_000
    grid = np.linspace(-4, 6, 4001)
    normal = stats.norm.pdf(grid)
    facts: Facts = {"reps": reps}
    fig = Figure(figsize=(7.8, 3.3))
    axes = fig.subplots(1, 3, sharey=True)
    distances = []
    for ax, n in zip(axes, sizes, strict=True):
        z = (rng.exponential(1.0, size=(reps, n)).mean(axis=1) - 1) * np.sqrt(n)
        exact = stats.gamma(a=n, scale=1 / n)  # the sample mean, exactly
        # The largest gap between the two distribution functions, on a fine grid.
        gap = np.abs(exact.cdf(1 + grid / np.sqrt(n)) - stats.norm.cdf(grid)).max()
        skew_exact, skew_sim = 2 / np.sqrt(n), float(stats.skew(z))
        assert abs(skew_sim - skew_exact) < 0.1, (n, skew_sim)
        distances.append(gap)
        facts[f"skew_{n}"] = skew_exact
        facts[f"ks_{n}"] = gap
        ax.hist(z, bins=np.linspace(-4, 6, 81), density=True, histtype="stepfilled",
                color=SKY, alpha=0.8, linewidth=0, label="simulated means")
        ax.plot(grid, normal, color=VERMILION, linestyle="--", label="normal curve")
        ax.set(title=f"n = {n}", xlim=(-3.5, 5), ylim=(0, 1.05), xlabel="standardised mean")
        ax.text(4.8, 1.0, f"skewness {skew_exact:.2f}", ha="right", va="top", color=INK)
    # The figure's message: the gap to the normal shrinks as n grows.
    assert distances[0] > distances[1] > distances[2], distances
    axes[0].set_ylabel("density")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=2, fontsize=10)
    fig.tight_layout(w_pad=1.2, rect=(0, 0.09, 1, 1))
    return fig, facts


FIGURES: dict[str, Spec] = {
    "distribution-map": Spec(
        distribution_map,
        alt=(
            "A diagram of six distributions and how they connect. Bernoulli, one yes or no "
            "trial, leads by summing n trials to the Binomial and by waiting for the first "
            "success to the Geometric. The Binomial becomes the Poisson when n grows with "
            "np fixed at lambda, and the Normal when np(1 − p) is large; the Poisson also "
            "becomes the Normal when lambda is large. The Geometric becomes the Exponential "
            "in continuous time. A two-way arrow joins the Poisson, counts in a time window, "
            "and the Exponential, gaps between events, as two views of the same process."
        ),
        caption=(
            "Most common distributions are one story told at different scales: yes/no "
            "trials, counted, waited for, or taken to a limit."
        ),
        questions=("common-probability-distributions",),
    ),
    "clt-means": Spec(
        clt_means,
        alt=(
            "Three histograms of the standardised mean of n exponential draws, for n = 1, 5 "
            "and 30, each from {reps:,} simulated samples, with the standard normal density "
            "drawn over them as a dashed curve. At n = 1 the histogram has the exponential's "
            "shape, skewness {skew_1:.2f}; at n = 5 it is still visibly right-skewed, "
            "skewness {skew_5:.2f}; at n = 30 it nearly follows the normal curve, skewness "
            "{skew_30:.2f}. The largest gap between the exact and the normal distribution "
            "functions falls from {ks_1:.3f} to {ks_5:.3f} to {ks_30:.3f}."
        ),
        caption=(
            "Averaging washes out the skew, but slowly: the gap to the normal shrinks like "
            "one over the square root of n."
        ),
        questions=("central-limit-theorem",),
    ),
}

"""Figures of the experimentation answers: what repeated looks at an A/B test do to its
false-positive rate, and what an always-valid test does instead."""

from __future__ import annotations

from statistics import NormalDist

import numpy as np
from matplotlib.figure import Figure

from scripts.figures.style import BLUE, GREEN, GREY, INK, Facts, Spec


def _phi(x: np.ndarray) -> np.ndarray:
    return np.exp(-0.5 * x**2) / np.sqrt(2 * np.pi)


def peeking_exact(max_looks: int, alpha: float = 0.05, h: float = 0.005) -> np.ndarray:
    """P(|Z_k| > z_{1-alpha/2} at some look k <= K) under H0, for K = 1..max_looks equally
    spaced looks, by numerical integration of the random walk S_k (the sum of k independent
    standard normal increments, Z_k = S_k / sqrt(k)): the density of S_k on the paths not yet
    stopped is the previous one convolved with the standard normal density, then cut to
    |S_k| < c sqrt(k). This is the computation behind Armitage, McPherson & Rowe (1969)."""
    c = NormalDist().inv_cdf(1 - alpha / 2)
    grid = np.arange(-(c * np.sqrt(max_looks) + 0.5), c * np.sqrt(max_looks) + 0.5 + h / 2, h)
    kernel = _phi(np.arange(-8, 8 + h / 2, h)) * h
    density = _phi(grid)
    rates = []
    for k in range(1, max_looks + 1):
        if k > 1:
            density = np.convolve(density, kernel, mode="same")
        density = np.where(np.abs(grid) < c * np.sqrt(k), density, 0.0)
        rates.append(1 - density.sum() * h)
    return np.array(rates)


def peeking() -> tuple[Figure, Facts]:
    """False-positive rate of A/A tests stopped at the first look with p < 0.05, against
    the number of equally spaced looks: exact curve, simulated points, and an mSPRT."""
    alpha, max_looks, reps = 0.05, 20, 20_000
    per_look, tau2 = 200, 0.1  # pairs of users added per look; mSPRT mixing variance
    exact = peeking_exact(max_looks, alpha)
    c = NormalDist().inv_cdf(1 - alpha / 2)

    rng = np.random.default_rng(0)
    # Sums of the per-pair differences (sd 1) after each block of `per_look` pairs.
    sums = np.cumsum(rng.normal(0, np.sqrt(per_look), (reps, max_looks)), axis=1)
    n = per_look * np.arange(1, max_looks + 1)
    z = sums / np.sqrt(n)
    # Mixture likelihood ratio of Johari et al. with a N(0, tau2) mixing distribution.
    lam = np.exp(tau2 * sums**2 / (2 * (1 + n * tau2))) / np.sqrt(1 + n * tau2)
    shown = np.array([1, 2, 3, 5, 8, 10, 15, 20])
    sim = np.array([np.mean((np.abs(z[:, :k]) > c).any(axis=1)) for k in shown])
    msprt = np.array([np.mean((lam[:, :k] >= 1 / alpha).any(axis=1)) for k in shown])
    tol = 4 * np.sqrt(0.25 * 0.75 / reps)
    # The alt text states these shapes and agreements; fail loudly if they stop holding.
    assert np.all(np.diff(exact) > 0) and abs(exact[0] - alpha) < 1e-3
    assert np.all(np.abs(sim - exact[shown - 1]) < tol), (sim, exact[shown - 1])
    assert np.all(msprt <= alpha), msprt
    facts = {
        "alpha": alpha, "max_looks": max_looks, "reps": reps,
        "fpr2": exact[1], "fpr5": exact[4], "fpr10": exact[9], "fpr20": exact[19],
        "msprt20": msprt[-1],
    }

    fig = Figure(figsize=(7.0, 3.8))
    ax = fig.subplots()
    looks = np.arange(1, max_looks + 1)
    ax.plot(looks, exact, color=BLUE, label="fixed-sample test, exact")
    ax.plot(shown, sim, color=BLUE, marker="o", markersize=6, linestyle="none",
            label=f"same, simulated ({reps:,} A/A tests)")
    ax.plot(shown, msprt, color=GREEN, marker="s", markersize=6, linestyle="--",
            label="always-valid mSPRT, simulated")
    ax.axhline(alpha, color=GREY, linestyle=":", linewidth=1.5)
    ax.text(max_looks, alpha + 0.006, f"nominal α = {alpha}", ha="right", color=INK)
    for k in (5, 10, 20):
        ax.annotate(f"{exact[k - 1]:.3f}", (k, exact[k - 1]), xytext=(0, 8),
                    textcoords="offset points", ha="center", color=BLUE)
    ax.set(xlabel="equally spaced looks, stopping at the first p < 0.05",
           ylabel="false-positive rate", xlim=(0.5, max_looks + 0.5), ylim=(0, 0.3),
           xticks=[1, 5, 10, 15, 20],
           title="Peeking at an A/A test inflates false positives")
    ax.legend(loc="upper left", fontsize=10)
    fig.tight_layout()
    return fig, facts


FIGURES: dict[str, Spec] = {
    "peeking": Spec(
        peeking,
        alt=(
            "A line chart of the false-positive rate of A/A tests, where no effect exists, "
            "against the number of equally spaced looks from 1 to {max_looks}, stopping at "
            "the first look with p below {alpha}. The exact curve for the fixed-sample test "
            "rises from {alpha} at one look to {fpr2:.3f} at two, {fpr5:.3f} at five, "
            "{fpr10:.3f} at ten and {fpr20:.3f} at twenty looks, and simulated points from "
            "{reps:,} A/A tests lie on it. An always-valid mSPRT checked at the same looks "
            "stays below {alpha}, at {msprt20:.3f} after twenty looks."
        ),
        caption=(
            "Each extra look is another chance to cross the line by luck: ten looks "
            "nearly quadruple the false-positive rate, unless the test is built for "
            "monitoring."
        ),
        questions=("ab-test-pitfalls",),
    ),
}

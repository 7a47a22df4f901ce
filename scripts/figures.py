"""Every figure of the answers, drawn from a real computation, as reproducible SVG.

    python scripts/figures.py                 write every figure into docs/assets/figures/
    python scripts/figures.py NAME ...        write only these figures
    python scripts/figures.py --check         regenerate into a temporary folder and exit 1
                                              when a committed file differs or is missing
    python scripts/figures.py --markdown      print the Markdown line of each figure

Each figure is computed with the pinned NumPy, scikit-learn and Matplotlib
(requirements-dev.txt) from fixed seeds, and written so that a rebuild gives the same
bytes: no date, no creator, a fixed `svg.hashsalt` for the ids, coordinates rounded to
0.01 pt, one BLAS thread. Text stays text (`svg.fonttype: none`, DejaVu Sans then the
browser's sans-serif), so files stay small and searchable.

Every figure has a white background of its own: it reads the same in the light and the dark
palette, and in any other place the file is opened (see docs/assets/stylesheets/guide.css
for the card it sits on in dark mode). Colours are the Okabe-Ito palette, which people with
the common colour-vision deficiencies can tell apart, and lines also differ by style.

The alt text and caption of each figure are data here, in FIGURES; `{name}` fields in them
are filled with numbers the computation produced, so the words never disagree with the
picture. Answers use the figure with the line `--markdown` prints.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from statistics import NormalDist
from typing import Any

import matplotlib
import numpy as np
from matplotlib.figure import Figure
from threadpoolctl import threadpool_limits

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "docs" / "assets" / "figures"
# How an answer refers to a figure: relative to its page's Markdown source, which MkDocs
# places at questions/<id>.md (scripts/render.py). scripts/safety.py enforces the form.
MARKDOWN_PREFIX = "../assets/figures/"

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

Facts = dict[str, Any]


# --- the figures -----------------------------------------------------------------------


def roc_pr() -> tuple[Figure, Facts]:
    """ROC and precision-recall curves of one logistic regression on a 5%-positive problem."""
    from sklearn.datasets import make_classification
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import (
        average_precision_score,
        precision_recall_curve,
        roc_auc_score,
        roc_curve,
    )
    from sklearn.model_selection import train_test_split

    X, y = make_classification(
        n_samples=4000, n_features=10, n_informative=2, n_redundant=0,
        n_clusters_per_class=1, class_sep=0.5, weights=[0.95], flip_y=0.01, random_state=0,
    )
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.5, stratify=y, random_state=0
    )
    scores = LogisticRegression().fit(X_train, y_train).predict_proba(X_test)[:, 1]
    fpr, tpr, _ = roc_curve(y_test, scores)
    precision, recall, _ = precision_recall_curve(y_test, scores)
    facts = {
        "auc": roc_auc_score(y_test, scores),
        "ap": average_precision_score(y_test, scores),
        "prevalence": y_test.mean(),
        "n_test": len(y_test),
        "full_precision_recall": recall[precision == 1].max(),
    }

    fig = Figure(figsize=(7.6, 3.9))
    roc, pr = fig.subplots(1, 2)
    roc.plot(fpr, tpr, color=BLUE, label=f"model, AUC = {facts['auc']:.2f}")
    roc.plot([0, 1], [0, 1], color=GREY, linestyle="--", linewidth=1.5,
             label="chance, AUC = 0.5")
    roc.set(xlabel="false positive rate", ylabel="true positive rate (recall)",
            title="ROC curve", xlim=(0, 1), ylim=(0, 1.02))
    roc.legend(loc="lower right")

    pr.plot(recall, precision, color=BLUE, drawstyle="steps-post",
            label=f"model, AP = {facts['ap']:.2f}")
    pr.axhline(facts["prevalence"], color=GREY, linestyle="--", linewidth=1.5)
    pr.text(0.03, facts["prevalence"] + 0.02, f"no skill = prevalence = {facts['prevalence']:.3f}",
            color=GREY, fontsize=10)
    pr.set(xlabel="recall", ylabel="precision", title="Precision–recall curve",
           xlim=(0, 1), ylim=(0, 1.02))
    pr.legend(loc="center left", bbox_to_anchor=(0, 0.45))
    for ax in (roc, pr):
        ax.set_aspect("equal")
    fig.suptitle(f"Logistic regression on {facts['n_test']} test cases, "
                 f"{facts['prevalence']:.1%} of them positive", fontsize=11)
    fig.tight_layout(w_pad=2)
    return fig, facts


def complexity() -> tuple[Figure, Facts]:
    """Training and validation error of polynomial fits against the degree."""
    rng = np.random.default_rng(0)

    def truth(x: np.ndarray) -> np.ndarray:
        return np.sin(3 * x)

    noise, n_train, n_val, repeats = 0.3, 15, 500, 200
    degrees = np.arange(1, 12)
    x = np.linspace(-1, 1, n_train)
    train_err = np.zeros((repeats, len(degrees)))
    val_err = np.zeros((repeats, len(degrees)))
    first_sample = None
    for r in range(repeats):
        y = truth(x) + rng.normal(0, noise, n_train)
        x_val = rng.uniform(-1, 1, n_val)
        y_val = truth(x_val) + rng.normal(0, noise, n_val)
        if first_sample is None:
            first_sample = y
        for j, degree in enumerate(degrees):
            fit = np.polynomial.Polynomial.fit(x, y, degree)
            train_err[r, j] = np.mean((y - fit(x)) ** 2)
            val_err[r, j] = np.mean((y_val - fit(x_val)) ** 2)
    train_mean, val_mean = train_err.mean(axis=0), val_err.mean(axis=0)
    best = int(degrees[np.argmin(val_mean)])
    # The alt text describes these shapes; fail loudly rather than let it become untrue.
    assert np.all(np.diff(train_mean) < 0) and 2 <= best <= 5, (train_mean, best)
    assert val_mean[-1] > 2 * val_mean.min() and val_mean[0] > 2 * val_mean.min()
    facts = {
        "best": best, "best_val": val_mean.min(), "noise_var": noise**2,
        "n_train": n_train, "repeats": repeats, "max_degree": int(degrees[-1]),
        "last_train": train_mean[-1], "last_val": val_mean[-1],
    }

    fig = Figure(figsize=(7.8, 3.8))
    left, right = fig.subplots(1, 2)
    grid = np.linspace(-1, 1, 300)
    left.plot(grid, truth(grid), color=INK, linestyle=":", linewidth=1.5, label="true function")
    left.scatter(x, first_sample, color=INK, s=22, zorder=3, label="training data")
    shown = [(1, GREEN, "-", "underfit"), (best, BLUE, "-", "good fit"),
             (11, VERMILION, "--", "overfit")]
    for degree, colour, style, word in shown:
        fit = np.polynomial.Polynomial.fit(x, first_sample, degree)
        left.plot(grid, fit(grid), color=colour, linestyle=style,
                  label=f"degree {degree} ({word})")
    left.set(xlabel="x", ylabel="y", title="One training set of 15 points", ylim=(-2, 2))
    left.legend(loc="lower right", fontsize=9)

    right.plot(degrees, train_mean, color=BLUE, marker="o", markersize=4,
               label="training error")
    right.plot(degrees, val_mean, color=VERMILION, marker="s", markersize=4,
               label="validation error")
    right.axhline(noise**2, color=GREY, linestyle="--", linewidth=1.2,
                  label=f"noise variance ({noise**2:.2f})")
    right.plot(best, val_mean.min(), marker="o", markersize=13, markerfacecolor="none",
               markeredgecolor=INK, markeredgewidth=1.5, linestyle="none",
               label=f"best degree ({best})")
    top = 0.46
    right.text(1.2, top - 0.005, "underfitting\n(high bias)", ha="left", va="top", color=INK)
    right.text(11.2, top - 0.005, "overfitting\n(high variance)", ha="right", va="top",
               color=INK)
    right.set(xlabel="polynomial degree (model complexity)", ylabel="mean squared error",
              title=f"Error averaged over {repeats} training sets", ylim=(0, top),
              xlim=(0.6, 11.4), xticks=degrees)
    right.legend(loc="upper right", bbox_to_anchor=(1, 0.85), fontsize=9)
    fig.tight_layout(w_pad=2.5)
    return fig, facts


def l1_l2() -> tuple[Figure, Facts]:
    """Least-squares contours touching the L1 diamond and the L2 disc of the same size."""
    rng = np.random.default_rng(0)
    n, rho, budget = 100, 0.6, 1.0
    X = rng.multivariate_normal([0, 0], [[1, rho], [rho, 1]], size=n)
    y = X @ np.array([1.5, 0.5]) + rng.normal(0, 0.5, n)
    w_ols = np.linalg.lstsq(X, y, rcond=None)[0]
    H = X.T @ X / n  # loss(w) = ||y - Xw||^2 / (2n) = const + (w - w_ols)' H (w - w_ols) / 2

    def excess(W: np.ndarray) -> np.ndarray:
        d = W - w_ols
        return 0.5 * np.einsum("ij,jk,ik->i", d, H, d)

    # The unconstrained optimum lies outside both regions, so the constrained optimum of
    # this convex loss lies on the boundary: search it densely (vertices included exactly).
    s = np.linspace(0, 4, 400_001)
    corners = budget * np.array([[1, 0], [0, 1], [-1, 0], [0, -1], [1, 0]])
    k = np.minimum(s.astype(int), 3)
    frac = (s - k)[:, None]
    diamond = corners[k] * (1 - frac) + corners[k + 1] * frac
    theta = np.linspace(0, 2 * np.pi, 400_001)
    circle = budget * np.column_stack([np.cos(theta), np.sin(theta)])
    w_l1 = diamond[np.argmin(excess(diamond))]
    w_l2 = circle[np.argmin(excess(circle))]
    facts = {"w_ols": w_ols, "w_l1": w_l1, "w_l2": w_l2, "budget": budget, "rho": rho, "n": n}
    # The figure's point: the L1 optimum sits on an axis (a weight exactly zero), the L2
    # optimum does not. The search grid holds the diamond's corners exactly.
    assert w_l1[1] == 0 and w_l1[0] == budget and min(abs(w_l2)) > 0.2, facts
    assert np.all(np.abs(w_ols) > 0.2) and np.abs(w_ols).sum() > budget, facts

    # Level sets of the quadratic are ellipses around w_ols: w_ols + sqrt(2c) H^(-1/2) u.
    eigval, eigvec = np.linalg.eigh(H)
    unit = np.vstack([np.cos(np.linspace(0, 2 * np.pi, 121)),
                      np.sin(np.linspace(0, 2 * np.pi, 121))])

    def ellipse(level: float) -> np.ndarray:
        return (w_ols[:, None] + eigvec @ (np.sqrt(2 * level / eigval)[:, None] * unit)).T

    fig = Figure(figsize=(8.4, 4.1))
    axes = fig.subplots(1, 2, sharey=True)
    regions = [
        ("L1 (lasso): |w₁| + |w₂| ≤ 1", corners, w_l1, GREEN),
        ("L2 (ridge): w₁² + w₂² ≤ 1", circle[::2500], w_l2, BLUE),
    ]
    for ax, (title, outline, w_star, colour) in zip(axes, regions, strict=True):
        ax.axhline(0, color=GREY, linewidth=0.8)
        ax.axvline(0, color=GREY, linewidth=0.8)
        ax.fill(outline[:, 0], outline[:, 1], color=colour, alpha=0.25, linewidth=0)
        ax.plot(outline[:, 0], outline[:, 1], color=colour, linewidth=2)
        touching = float(excess(w_star[None, :])[0])
        for scale in (0.15, 0.45):
            ring = ellipse(touching * scale)
            ax.plot(ring[:, 0], ring[:, 1], color=GREY, linewidth=1)
        ring = ellipse(touching)
        ax.plot(ring[:, 0], ring[:, 1], color=INK, linewidth=1.6,
                label="loss contour through the optimum")
        ax.plot(*w_ols, marker="x", color=INK, markersize=9, markeredgewidth=2,
                linestyle="none", label="least squares (no penalty)")
        ax.plot(*w_star, marker="o", color=VERMILION, markersize=9, linestyle="none",
                markeredgecolor=INK, label="constrained optimum", zorder=4)
        ax.annotate(f"({w_star[0]:.2f}, {w_star[1]:.2f})", w_star, xytext=(-12, -28),
                    textcoords="offset points", ha="right", color=INK, fontweight="bold")
        ax.annotate(f"({w_ols[0]:.2f}, {w_ols[1]:.2f})", w_ols, xytext=(8, 8),
                    textcoords="offset points", color=INK,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
        ax.set(title=title, xlabel="w₁", xlim=(-1.5, 2.6), ylim=(-1.5, 2.2))
        ax.set_aspect("equal")
    axes[0].set_ylabel("w₂")
    axes[1].tick_params(labelleft=True)
    axes[0].legend(loc="lower left", bbox_to_anchor=(0, -0.02), fontsize=9)
    fig.tight_layout(w_pad=2)
    return fig, facts


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


def svm_margin() -> tuple[Figure, Facts]:
    """A hard-margin linear SVM on separable data: boundary, margins, support vectors."""
    from sklearn.datasets import make_blobs
    from sklearn.svm import SVC

    X, y = make_blobs(n_samples=40, centers=2, random_state=6)
    model = SVC(kernel="linear", C=1000).fit(X, y)
    w, b = model.coef_[0], model.intercept_[0]
    margins = (2 * y - 1) * model.decision_function(X)  # y f(x) with labels in {-1, +1}
    facts = {"n_support": len(model.support_), "width": 2 / np.linalg.norm(w)}
    # Separable, and a hard margin in effect: every point on or outside its margin, and the
    # support vectors exactly on it.
    assert np.all(margins > 1 - 1e-3), margins.min()
    assert np.allclose(margins[model.support_], 1, atol=1e-3), margins[model.support_]

    fig = Figure(figsize=(6.6, 4.6))
    ax = fig.subplots()
    x_lo, x_hi = X[:, 0].min() - 0.8, X[:, 0].max() + 0.8
    y_lo, y_hi = X[:, 1].min() - 0.8, X[:, 1].max() + 0.8
    xs = np.array([x_lo, x_hi])

    def line(level: float) -> np.ndarray:  # points with w.x + b = level
        return (level - b - w[0] * xs) / w[1]

    ax.fill_between(xs, line(-1), line(1), color=GREY, alpha=0.15, linewidth=0)
    ax.plot(xs, line(0), color=INK, linewidth=2, label="decision boundary w·x + b = 0")
    ax.plot(xs, line(1), color=INK, linewidth=1.2, linestyle="--",
            label=f"margins w·x + b = ±1\n(width 2/‖w‖ = {facts['width']:.2f})")
    ax.plot(xs, line(-1), color=INK, linewidth=1.2, linestyle="--")
    ax.scatter(*X[y == 0].T, color=BLUE, marker="o", s=36, label="class 0", zorder=3)
    ax.scatter(*X[y == 1].T, color=VERMILION, marker="^", s=44, label="class 1", zorder=3)
    ax.scatter(*model.support_vectors_.T, s=220, facecolors="none", edgecolors=INK,
               linewidths=1.6, label=f"support vectors ({facts['n_support']})", zorder=4)
    ax.set(xlabel="feature 1", ylabel="feature 2", xlim=(x_lo, x_hi), ylim=(y_lo, y_hi),
           title="Maximum-margin linear SVM (C = 1000)")
    ax.set_aspect("equal")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), borderaxespad=0)
    fig.tight_layout()
    return fig, facts


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


def trees() -> tuple[Figure, Facts]:
    """Test error against the number of trees: a random forest and gradient boosting at two
    learning rates, on the data of the worked example of 'gradient-boosting-vs-random-forest'."""
    from sklearn.datasets import make_friedman1
    from sklearn.ensemble import GradientBoostingRegressor, RandomForestRegressor
    from sklearn.metrics import mean_squared_error
    from sklearn.model_selection import train_test_split

    noise = 1.0
    X, y = make_friedman1(n_samples=1500, n_features=10, noise=noise, random_state=0)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
    most = 500
    counts = np.unique(np.geomspace(1, most, 28).round().astype(int))
    forest = RandomForestRegressor(warm_start=True, max_features=0.33, random_state=0)
    rf_err = []
    for count in counts:  # warm_start: each fit adds trees to the ones already grown
        forest.set_params(n_estimators=int(count)).fit(X_train, y_train)
        rf_err.append(mean_squared_error(y_test, forest.predict(X_test)))
    boosted = {}
    for rate in (1.0, 0.1):
        model = GradientBoostingRegressor(n_estimators=most, learning_rate=rate, max_depth=3,
                                          subsample=0.8, random_state=0).fit(X_train, y_train)
        boosted[rate] = np.array([mean_squared_error(y_test, pred)
                                  for pred in model.staged_predict(X_test)])
    fast, slow = boosted[1.0], boosted[0.1]
    facts = {"most": most, "n_train": len(y_train), "n_test": len(y_test), "noise": noise**2,
             "rf_last": rf_err[-1], "fast_best": int(np.argmin(fast)) + 1,
             "fast_best_err": fast.min(), "fast_last": fast[-1], "slow_last": slow[-1]}
    # The alt text describes these shapes; fail loudly rather than let it become untrue.
    assert facts["fast_best"] < 100 and fast[-1] > 1.2 * fast.min(), facts
    assert slow[-1] < min(rf_err[-1], fast.min()) and np.argmin(slow) > most * 0.8, facts

    fig = Figure(figsize=(6.8, 4.1))
    ax = fig.subplots()
    stages = np.arange(1, most + 1)
    ax.plot(counts, rf_err, color=GREEN, marker="o", markersize=3.5,
            label="random forest (independent trees)")
    ax.plot(stages, fast, color=VERMILION, linestyle="--",
            label="gradient boosting, learning rate 1.0")
    ax.plot(stages, slow, color=BLUE, label="gradient boosting, learning rate 0.1")
    ax.axhline(noise**2, color=GREY, linestyle=":", linewidth=1.5,
               label=f"noise variance ({noise**2:g}): the floor")
    ax.plot(facts["fast_best"], fast.min(), marker="v", color=VERMILION, markeredgecolor=INK,
            markersize=9, linestyle="none")
    ax.annotate(f"lowest at {facts['fast_best']} trees,\nthen overfits",
                (facts["fast_best"], fast.min()), xytext=(-6, -46), textcoords="offset points",
                ha="right", color=INK, fontsize=10,
                arrowprops={"arrowstyle": "-", "color": GREY, "lw": 0.8})
    ax.set_xscale("log")
    ax.set_yscale("log")
    xticks, yticks = [1, 3, 10, 30, 100, 500], [1, 2, 5, 10, 20]
    ax.set(xlabel="number of trees (log scale)", ylabel="test mean squared error (log scale)",
           title="Test error as trees are added", xlim=(1, most), ylim=(0.8, 30),
           xticks=xticks, xticklabels=[str(t) for t in xticks],
           yticks=yticks, yticklabels=[str(t) for t in yticks])
    ax.yaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
    ax.legend(loc="upper right", fontsize=9.5)
    fig.tight_layout()
    return fig, facts


# --- the catalogue: alt text and caption are data --------------------------------------


@dataclass(frozen=True)
class Spec:
    draw: Callable[[], tuple[Figure, Facts]]
    alt: str  # what the figure shows, for people who cannot see it; `{fact}` fields allowed
    caption: str  # the line under the figure: what to take away from it
    questions: tuple[str, ...]  # ids of the questions whose answers show it, first = home


FIGURES: dict[str, Spec] = {
    "roc-pr": Spec(
        roc_pr,
        alt=(
            "Two panels for one logistic regression on a test set where {prevalence:.1%} of "
            "cases are positive. Left, the ROC curve rises steeply above the diagonal of "
            "random guessing, with AUC {auc:.2f}. Right, the precision-recall curve keeps "
            "precision 1 up to a recall of {full_precision_recall:.2f}, then falls steeply "
            "towards the no-skill baseline at the prevalence, {prevalence:.3f}; its average "
            "precision is {ap:.2f}."
        ),
        caption=(
            "The same scores, two views. With rare positives, a small false positive rate can "
            "still mean many false alarms: precision shows them, the ROC curve does not."
        ),
        questions=("roc-curve", "imbalanced-data"),
    ),
    "complexity": Spec(
        complexity,
        alt=(
            "Two panels. Left, {n_train} noisy points from a sine curve with polynomial fits: "
            "degree 1 is a straight line that misses the curve, degree {best} follows it, "
            "degree 11 wiggles through the points. Right, error against polynomial degree 1 "
            "to {max_degree}, averaged over {repeats} training sets: training error falls "
            "steadily to {last_train:.2f}, validation error falls to its minimum "
            "{best_val:.2f} at degree {best}, then rises to {last_val:.2f}, above the noise "
            "variance of {noise_var:.2f}."
        ),
        caption=(
            "Left of the best degree, both errors are high (bias); right of it, the gap "
            "between training and validation error grows (variance)."
        ),
        questions=("bias-variance-tradeoff", "overfitting"),
    ),
    "l1-l2": Spec(
        l1_l2,
        alt=(
            "Two panels in the plane of weights w1 and w2. Elliptical contours of a "
            "least-squares loss are centred on the unpenalised solution "
            "({w_ols[0]:.2f}, {w_ols[1]:.2f}). Left, the L1 region is a diamond with corners "
            "on the axes; the smallest contour touching it meets it at the corner "
            "({w_l1[0]:.2f}, {w_l1[1]:.2f}), so w2 is exactly zero. Right, the L2 region is "
            "a disc; the contour touches it at ({w_l2[0]:.2f}, {w_l2[1]:.2f}), where both "
            "weights are shrunk but neither is zero."
        ),
        caption=(
            "The diamond's corners lie on the axes, so the L1 optimum often lands on one: "
            "a weight becomes exactly zero. The disc has no corners."
        ),
        questions=("l1-vs-l2-regularization",),
    ),
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
    "svm-margin": Spec(
        svm_margin,
        alt=(
            "Two clusters of points, one per class, separated by a straight decision line. "
            "Two dashed lines parallel to it mark the margins, a band of width {width:.2f} "
            "with no point inside. The {n_support} points lying on the dashed lines are "
            "circled: they are the support vectors that fix the boundary."
        ),
        caption=(
            "Only the circled support vectors determine the boundary; moving any other "
            "point, without crossing the margin, changes nothing."
        ),
        questions=("support-vector-machines",),
    ),
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
    "trees": Spec(
        trees,
        alt=(
            "Test mean squared error against the number of trees, 1 to {most}, both axes "
            "logarithmic, for regression models trained on {n_train} examples and tested on "
            "{n_test}. The random forest's error falls over the first few dozen trees and "
            "then levels off near {rf_last:.1f}. Gradient boosting with learning rate 1.0 "
            "reaches its lowest error, {fast_best_err:.1f}, at {fast_best} trees and then "
            "rises to {fast_last:.1f}. With learning rate 0.1 it starts worse, keeps "
            "improving and ends at {slow_last:.2f}, close to the noise variance of "
            "{noise:g}, the lowest error any model can reach."
        ),
        caption=(
            "Adding trees never makes a forest worse, only slower. For boosting, the number "
            "of trees and the learning rate are tuned together, for example with early "
            "stopping."
        ),
        questions=("gradient-boosting-vs-random-forest",),
    ),
}


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
                    f"{path}: differs from what scripts/figures.py computes; run "
                    "`make figures` and commit the result"
                )
    known = {f"{name}.svg" for name in FIGURES}
    for path in sorted(committed.glob("*")):
        if path.name not in known:
            problems.append(f"{path}: no entry in FIGURES of scripts/figures.py produces it")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help=f"figures to draw (default: all of {', '.join(FIGURES)})")
    parser.add_argument("--check", action="store_true",
                        help="compare with the committed files instead of writing")
    parser.add_argument("--markdown", action="store_true",
                        help="print the Markdown line of each figure")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output folder")
    args = parser.parse_args(argv)
    unknown = [name for name in args.names if name not in FIGURES]
    if unknown:
        parser.error(f"no figure named {', '.join(unknown)}; known: {', '.join(FIGURES)}")
    names = args.names or list(FIGURES)
    if args.check:
        problems = check(names, args.out)
        print("\n".join(problems) or f"{len(names)} figures up to date")
        return 1 if problems else 0
    all_facts = write(names, args.out)
    for name, facts in all_facts.items():
        size = (args.out / f"{name}.svg").stat().st_size
        used_by = ", ".join(FIGURES[name].questions)
        print(f"{args.out / name}.svg  {size / 1024:.1f} KiB  (for {used_by})", file=sys.stderr)
        if args.markdown:
            print(markdown(name, facts) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

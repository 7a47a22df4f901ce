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
BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY, YELLOW = (
    "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442"
)
INK = "#1a1a1a"  # text and axes: near-black on the figure's own white background
# Lines and markers use blue, vermillion, green, grey and ink only: each has at least 3:1
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
             (11, VERMILLION, "--", "overfit")]
    for degree, colour, style, word in shown:
        fit = np.polynomial.Polynomial.fit(x, first_sample, degree)
        left.plot(grid, fit(grid), color=colour, linestyle=style,
                  label=f"degree {degree} ({word})")
    left.set(xlabel="x", ylabel="y", title="One training set of 15 points", ylim=(-2, 2))
    left.legend(loc="lower right", fontsize=9)

    right.plot(degrees, train_mean, color=BLUE, marker="o", markersize=4,
               label="training error")
    right.plot(degrees, val_mean, color=VERMILLION, marker="s", markersize=4,
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

    # Level sets of the quadratic are ellipses around w_ols: w_ols + sqrt(2c) H^(-1/2) u.
    eigval, eigvec = np.linalg.eigh(H)
    unit = np.vstack([np.cos(np.linspace(0, 2 * np.pi, 200)),
                      np.sin(np.linspace(0, 2 * np.pi, 200))])

    def ellipse(level: float) -> np.ndarray:
        return (w_ols[:, None] + eigvec @ (np.sqrt(2 * level / eigval)[:, None] * unit)).T

    fig = Figure(figsize=(8.4, 4.1))
    axes = fig.subplots(1, 2, sharey=True)
    regions = [
        ("L1 (lasso): |w₁| + |w₂| ≤ 1", diamond, w_l1, GREEN),
        ("L2 (ridge): w₁² + w₂² ≤ 1", circle, w_l2, BLUE),
    ]
    for ax, (title, boundary, w_star, colour) in zip(axes, regions, strict=True):
        ax.axhline(0, color=GREY, linewidth=0.8)
        ax.axvline(0, color=GREY, linewidth=0.8)
        ax.fill(boundary[::1000, 0], boundary[::1000, 1], color=colour, alpha=0.25,
                linewidth=0)
        ax.plot(boundary[::1000, 0], boundary[::1000, 1], color=colour, linewidth=2)
        touching = float(excess(w_star[None, :])[0])
        for scale in (0.15, 0.45):
            ring = ellipse(touching * scale)
            ax.plot(ring[:, 0], ring[:, 1], color=GREY, linewidth=1)
        ring = ellipse(touching)
        ax.plot(ring[:, 0], ring[:, 1], color=INK, linewidth=1.6,
                label="loss contour through the optimum")
        ax.plot(*w_ols, marker="x", color=INK, markersize=9, markeredgewidth=2,
                linestyle="none", label="least squares (no penalty)")
        ax.plot(*w_star, marker="o", color=VERMILLION, markersize=9, linestyle="none",
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
    """A one-sided z-test: the statistic's distribution under H0 and under H1."""
    alpha, effect, sigma, n = 0.05, 0.5, 1.0, 25
    shift = effect * np.sqrt(n) / sigma  # mean of Z = sqrt(n) (mean - 0) / sigma under H1
    h0, h1 = NormalDist(0, 1), NormalDist(shift, 1)
    critical = h0.inv_cdf(1 - alpha)
    beta = h1.cdf(critical)
    facts = {"alpha": 1 - h0.cdf(critical), "beta": beta, "power": 1 - beta,
             "critical": critical, "shift": shift, "effect": effect, "n": n}

    z = np.linspace(-3.5, 6.5, 501)
    pdf0 = np.array([h0.pdf(v) for v in z])
    pdf1 = np.array([h1.pdf(v) for v in z])
    fig = Figure(figsize=(7.8, 3.9))
    ax = fig.subplots()
    ax.plot(z, pdf0, color=BLUE, label="if H₀ is true: Z ~ N(0, 1)")
    ax.plot(z, pdf1, color=VERMILLION, linestyle="--",
            label=f"if H₁ is true: Z ~ N({shift:.1f}, 1)")
    reject = z >= critical
    ax.fill_between(z[reject], pdf0[reject], color=SKY, alpha=0.7, linewidth=0)
    ax.fill_between(z[~reject], pdf1[~reject], color=ORANGE, alpha=0.45, linewidth=0)
    ax.axvline(critical, color=INK, linewidth=1.5)
    ax.text(critical + 0.08, 0.475, f"critical value c = {critical:.3f}", color=INK,
            va="top")
    ax.text(critical - 0.12, 0.428, "← keep H₀", ha="right", color=INK)
    ax.text(critical + 0.12, 0.428, "reject H₀ →", ha="left", color=INK)
    ax.annotate(f"Type I error\nα = {facts['alpha']:.3f}", (2.1, 0.015), xytext=(4.5, 0.2),
                color=BLUE, fontweight="bold",
                arrowprops={"arrowstyle": "->", "color": BLUE})
    ax.annotate(f"Type II error\nβ = {beta:.3f}", (1.15, 0.06), xytext=(-2.2, 0.27),
                color=VERMILLION, fontweight="bold", ha="center",
                arrowprops={"arrowstyle": "->", "color": VERMILLION})
    ax.set(xlabel="test statistic Z", ylabel="probability density",
           xlim=(z[0], z[-1]), ylim=(0, 0.5),
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
    facts = {"n_support": len(model.support_), "width": 2 / np.linalg.norm(w),
             "train_errors": int(np.sum(model.predict(X) != y))}

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
    ax.scatter(*X[y == 1].T, color=VERMILLION, marker="^", s=44, label="class 1", zorder=3)
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
    ax.plot(p, -np.log(1 - p), color=VERMILLION, linestyle="--",
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
    """Test error against the number of trees: random forest and gradient boosting."""
    from sklearn.datasets import make_classification
    from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
    from sklearn.model_selection import train_test_split

    X, y = make_classification(n_samples=3000, n_features=10, n_informative=5, n_redundant=2,
                               flip_y=0.1, random_state=0)
    X_train, X_test, y_train, y_test = train_test_split(X, y, train_size=1000, random_state=0)
    most = 300
    counts = np.unique(np.geomspace(1, most, 30).round().astype(int))
    forest = RandomForestClassifier(warm_start=True, random_state=0, n_jobs=1)
    rf_err = []
    for count in counts:  # warm_start: each fit adds trees to the ones already grown
        forest.set_params(n_estimators=int(count)).fit(X_train, y_train)
        rf_err.append(np.mean(forest.predict(X_test) != y_test))
    boosting = GradientBoostingClassifier(n_estimators=most, learning_rate=0.1, max_depth=3,
                                          random_state=0).fit(X_train, y_train)
    gb_err = np.array([np.mean(pred != y_test) for pred in boosting.staged_predict(X_test)])
    gb_best = int(np.argmin(gb_err)) + 1
    facts = {"rf_last": rf_err[-1], "gb_last": gb_err[-1], "gb_best": gb_best,
             "gb_best_err": gb_err.min(), "most": most, "n_train": len(y_train),
             "n_test": len(y_test)}

    fig = Figure(figsize=(6.8, 4.0))
    ax = fig.subplots()
    ax.plot(counts, rf_err, color=GREEN, marker="o", markersize=3.5,
            label="random forest (trees grown independently)")
    stages = np.arange(1, most + 1)
    ax.plot(stages, gb_err, color=VERMILLION, linestyle="--",
            label="gradient boosting (trees added in sequence)")
    ax.plot(gb_best, gb_err.min(), marker="v", color=VERMILLION, markeredgecolor=INK,
            markersize=9, linestyle="none")
    ax.annotate(f"boosting's lowest error:\n{gb_err.min():.3f} at {gb_best} trees",
                (gb_best, gb_err.min()), xytext=(1.15, 0.112), color=INK, va="bottom",
                arrowprops={"arrowstyle": "->", "color": GREY})
    ax.set_xscale("log")
    ticks = [1, 3, 10, 30, 100, 300]
    ax.set(xlabel="number of trees (log scale)", ylabel="test error rate",
           title="Test error as trees are added", xlim=(1, most), xticks=ticks,
           xticklabels=[str(t) for t in ticks])
    ax.legend(loc="upper right")
    fig.tight_layout()
    return fig, facts


# --- the catalogue: alt text and caption are data --------------------------------------


@dataclass(frozen=True)
class Spec:
    draw: Callable[[], tuple[Figure, Facts]]
    alt: str  # what the figure shows, for people who cannot see it; `{fact}` fields allowed
    caption: str  # the line under the figure: what to take away from it
    question: str  # the title of the question whose answer shows it


FIGURES: dict[str, Spec] = {
    "roc-pr": Spec(
        roc_pr,
        alt=(
            "Two panels for one logistic regression on a test set where {prevalence:.1%} of "
            "cases are positive. Left, the ROC curve rises steeply above the diagonal of "
            "random guessing, with AUC {auc:.2f}. Right, the precision-recall curve starts "
            "near precision 1 and falls as recall grows, with average precision {ap:.2f}, "
            "far above the no-skill baseline at the prevalence, {prevalence:.3f}."
        ),
        caption=(
            "The same scores, two views: on rare positives, precision-recall shows how many "
            "alarms are false, which the ROC curve hides."
        ),
        question="How does an ROC curve work?",
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
        question="Explain the bias and variance trade-off. Why is it important?",
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
        question="What is the difference between L1 and L2 regularization?",
    ),
    "type-errors": Spec(
        type_errors,
        alt=(
            "Two bell curves of a test statistic: under the null hypothesis centred at 0, "
            "under the alternative centred at {shift:.1f}. A vertical line at the critical "
            "value {critical:.3f} separates keeping from rejecting the null. The tail of the "
            "null curve beyond the line is shaded as the Type I error, alpha = {alpha:.3f}; "
            "the part of the alternative curve below the line is shaded as the Type II "
            "error, beta = {beta:.3f}, so the power is {power:.3f}."
        ),
        caption=(
            "Moving the critical value right shrinks α and grows β; only a larger sample or "
            "a larger effect separates the curves and shrinks both."
        ),
        question="What is the difference between a Type I and a Type II error?",
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
        question="What are Support Vector Machines (SVMs)?",
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
        question="What is cross-entropy?",
    ),
    "trees": Spec(
        trees,
        alt=(
            "Test error rate against the number of trees, from 1 to {most} on a log scale, "
            "for models trained on {n_train} examples and tested on {n_test}. The random "
            "forest's error drops quickly over the first few dozen trees and then stays "
            "flat near {rf_last:.3f}. Gradient boosting's error falls more gradually, "
            "reaches its lowest, {gb_best_err:.3f}, at {gb_best} trees, and then creeps "
            "up to {gb_last:.3f} at {most} trees."
        ),
        caption=(
            "More trees never hurt a random forest, only cost time; boosting's number of "
            "trees is a hyperparameter to tune, for example with early stopping."
        ),
        question="What is the difference between Gradient Boosting and Random Forest?",
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
        print(f"{args.out / name}.svg  {size / 1024:.1f} KiB  ({FIGURES[name].question})",
              file=sys.stderr)
        if args.markdown:
            print(markdown(name, facts) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

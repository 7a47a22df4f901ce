"""Figures of the classical-model answers: an SVM's margin, tree ensembles."""

from __future__ import annotations

import matplotlib.ticker
import numpy as np
from matplotlib.figure import Figure

from scripts.figures.style import BLUE, GREEN, GREY, INK, VERMILION, Facts, Spec


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


FIGURES: dict[str, Spec] = {
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
            "The forest levels off; boosting's best number of trees depends on the learning "
            "rate, so the two are tuned together, for example with early stopping."
        ),
        questions=("gradient-boosting-vs-random-forest",),
    ),
}

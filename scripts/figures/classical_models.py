"""Figures of the classical-model answers: gradient boosting round by round, and k-nearest
neighbours' decision regions as k grows."""

from __future__ import annotations

import itertools

import numpy as np
from matplotlib.colors import to_hex, to_rgb
from matplotlib.figure import Figure

from scripts.figures.style import BLUE, GREEN, GREY, INK, ORANGE, SKY, VERMILION, Facts, Spec


def _tint(colour: str, alpha: float) -> str:
    """The opaque colour `colour` shows at opacity `alpha` over white."""
    return to_hex([1 - alpha * (1 - c) for c in to_rgb(colour)])


def boosting_rounds() -> tuple[Figure, Facts]:
    """Gradient boosting with squared loss on a 1-D problem: the pseudo-residuals a tree is
    fitted to, and the ensemble after a few rounds, scored on fresh data."""
    from sklearn.tree import DecisionTreeRegressor

    rng = np.random.default_rng(0)
    n, noise, rate, depth, rounds = 80, 0.3, 0.1, 2, 50

    def truth(v: np.ndarray) -> np.ndarray:
        return np.sin(2 * np.pi * v)

    x = np.sort(rng.uniform(0, 1, n))
    y = truth(x) + rng.normal(0, noise, n)
    x_new = rng.uniform(0, 1, 5000)  # fresh data from the same source, to score each stage
    y_new = truth(x_new) + rng.normal(0, noise, len(x_new))
    grid = np.linspace(0, 1, 400)
    shown_residuals = 3  # left panel: the residuals after this many rounds, and the next tree
    F, F_new, F_grid = (np.full(len(v), y.mean()) for v in (x, x_new, grid))
    curves, train, test = {}, {0: np.mean((y - F) ** 2)}, {0: np.mean((y_new - F_new) ** 2)}
    for m in range(1, 2 * rounds + 1):  # twice as many as shown, to check the claim below
        residual = y - F  # the negative gradient of (y - F)^2 / 2
        tree = DecisionTreeRegressor(max_depth=depth, random_state=0).fit(x[:, None], residual)
        if m == shown_residuals + 1:
            panel_a = (residual, tree.predict(grid[:, None]))
        F = F + rate * tree.predict(x[:, None])
        F_new = F_new + rate * tree.predict(x_new[:, None])
        F_grid = F_grid + rate * tree.predict(grid[:, None])
        curves[m] = F_grid.copy()
        train[m], test[m] = np.mean((y - F) ** 2), np.mean((y_new - F_new) ** 2)
    shown = (1, 10, rounds)
    facts = {"n": n, "rate": rate, "depth": depth, "k": shown_residuals,
             "noise_var": noise**2, "rounds": rounds,
             **{f"train{m}": train[m] for m in (0, *shown)},
             **{f"test{m}": test[m] for m in (0, *shown, 2 * rounds)}}
    # The alt text describes these shapes; fail loudly rather than let it become untrue.
    stages = (0, *shown)  # each stage must beat the one before it
    assert all(train[a] > train[b] and test[a] > test[b]
               for a, b in itertools.pairwise(stages)), facts
    assert noise**2 < test[rounds] < 1.5 * noise**2 and train[rounds] < noise**2, facts
    assert test[2 * rounds] > test[rounds], facts  # more rounds start fitting the noise

    fig = Figure(figsize=(8.2, 4.3))
    left, right = fig.subplots(1, 2)
    residual, tree_fit = panel_a
    left.axhline(0, color=GREY, linewidth=0.8)
    left.scatter(x, residual, color=INK, s=16, zorder=3,
                 label=f"residuals y − F{shown_residuals}(x)")
    left.plot(grid, tree_fit, color=VERMILION, linewidth=2.2,
              label=f"tree {shown_residuals + 1}, fitted to them")
    left.set(xlabel="x", ylabel="residual", title=f"What is left after {shown_residuals} rounds",
             ylim=(-1.9, 1.9))
    left.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), fontsize=10)

    right.scatter(x, y, color=INK, s=14, zorder=3, label="training data")
    styles = {1: (GREEN, ":"), 10: (BLUE, "--"), rounds: (VERMILION, "-")}
    for m in shown:
        colour, style = styles[m]
        right.plot(grid, curves[m], color=colour, linestyle=style,
                   label=f"after {m} round{'s' if m > 1 else ''}: test MSE {test[m]:.2f}")
    right.set(xlabel="x", ylabel="y", title=f"The ensemble F, learning rate {rate}",
              ylim=(-1.9, 1.9))
    right.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), fontsize=10)
    fig.tight_layout(w_pad=2.0)
    return fig, facts


def knn_boundaries() -> tuple[Figure, Facts]:
    """k-NN decision regions on two noisy half-moons for a small, a cross-validated and a
    large k."""
    from sklearn.datasets import make_moons
    from sklearn.model_selection import cross_val_score, train_test_split
    from sklearn.neighbors import KNeighborsClassifier

    X, y = make_moons(n_samples=400, noise=0.35, random_state=0)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.75, random_state=0)
    candidates = list(range(1, 76, 2))  # odd k: no tied votes between two classes
    cv = [cross_val_score(KNeighborsClassifier(k), X_tr, y_tr, cv=5).mean() for k in candidates]
    best = candidates[int(np.argmax(cv))]
    ks = (1, best, candidates[-1])
    assert ks[-1] == 3 * len(y_tr) // 4, ks  # the alt text calls it three quarters
    models = {k: KNeighborsClassifier(k).fit(X_tr, y_tr) for k in ks}
    train = {k: models[k].score(X_tr, y_tr) for k in ks}
    test = {k: models[k].score(X_te, y_te) for k in ks}
    facts = {"best": best, "large": ks[-1], "n_train": len(y_tr), "n_test": len(y_te),
             **{f"train{i}": train[k] for i, k in enumerate(ks)},
             **{f"test{i}": test[k] for i, k in enumerate(ks)}}
    # The alt text describes these shapes; fail loudly rather than let it become untrue.
    assert train[1] == 1.0 and 3 <= best <= 51, facts
    assert test[best] > test[1] and test[best] > test[ks[-1]], facts
    assert train[ks[-1]] < train[best], facts

    lo, hi = X.min(axis=0) - 0.4, X.max(axis=0) + 0.4
    g0, g1 = np.meshgrid(np.linspace(lo[0], hi[0], 72), np.linspace(lo[1], hi[1], 72))
    fig = Figure(figsize=(8.4, 3.4))
    axes = fig.subplots(1, 3, sharex=True, sharey=True)
    titles = ("k = 1", f"k = {best} (by CV)", f"k = {ks[-1]}")
    for ax, k, word in zip(axes, ks, titles, strict=True):
        z = models[k].predict(np.c_[g0.ravel(), g1.ravel()]).reshape(g0.shape)
        # Class 0's region is the background; only class 1's is drawn, which halves the file.
        # Pale fills keep the figure mostly white (legible in both palettes); the boundary
        # itself is a dark line, so the shape does not depend on telling two tints apart.
        ax.set_facecolor(_tint(SKY, 0.18))
        ax.contourf(g0, g1, z, levels=[0.5, 1.5], colors=[_tint(ORANGE, 0.18)])
        ax.contour(g0, g1, z, levels=[0.5], colors=[INK], linewidths=1.0)
        ax.scatter(*X_tr[y_tr == 0].T, color=BLUE, marker="o", s=16)
        ax.scatter(*X_tr[y_tr == 1].T, color=VERMILION, marker="^", s=18)
        ax.set_title(f"{word}\ntrain {train[k]:.2f}, test {test[k]:.2f}", fontsize=11)
        ax.set(xticks=[], yticks=[], xlim=(lo[0], hi[0]), ylim=(lo[1], hi[1]))
        ax.grid(False)
    fig.tight_layout(w_pad=1.0)
    return fig, facts


FIGURES: dict[str, Spec] = {
    "boosting-rounds": Spec(
        boosting_rounds,
        alt=(
            "Two panels for gradient boosting with squared loss on {n} noisy points of a sine "
            "curve, with trees of depth {depth} and learning rate {rate}. Left, the residuals "
            "left after {k} rounds still follow the wave, and the next tree, a step function, "
            "follows their rough shape. Right, the ensemble after 1, 10 and {rounds} rounds: "
            "after 1 round it is nearly flat (mean squared error on fresh data {test1:.2f}, "
            "against {test0:.2f} for the constant start), after 10 it has the rough shape of "
            "the wave ({test10:.2f}), and after {rounds} it follows the sine curve ({test50:.2f}, "
            "close to the noise variance of {noise_var:.2f}, the floor). Its training error, "
            "{train50:.2f}, is already below that floor; more rounds fit noise: after 100 "
            "rounds the fresh-data error has risen to {test100:.2f}."
        ),
        caption=(
            "Each tree fits what the ensemble still gets wrong, and the learning rate adds "
            "only part of it, so the fit improves in small steps."
        ),
        questions=("gradient-boosting-step-by-step",),
    ),
    "knn-boundaries": Spec(
        knn_boundaries,
        alt=(
            "Three panels of k-nearest-neighbour decision regions on two noisy, interleaved "
            "half-moon classes, {n_train} training points and {n_test} test points. With "
            "k = 1 the boundary is jagged, with pockets around single points: training "
            "accuracy {train0:.2f}, test accuracy {test0:.2f}. With k = {best}, the value "
            "5-fold cross-validation picks, the boundary is a smoother curve between the classes: "
            "training {train1:.2f}, test {test1:.2f}. With k = {large}, three quarters of the "
            "training set, the boundary is nearly straight and misses the bend of the moons: "
            "training {train2:.2f}, test {test2:.2f}."
        ),
        caption=(
            "A small k follows every noisy point, a large k averages over the whole moon; "
            "cross-validation picks the k in between."
        ),
        questions=("k-nearest-neighbours",),
    ),
}

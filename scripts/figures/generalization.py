"""The generalization topic's figures: model complexity and regularization."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from scripts.figures.style import BLUE, GREEN, GREY, INK, VERMILION, Facts, Spec


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


FIGURES: dict[str, Spec] = {
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
}

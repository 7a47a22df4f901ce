"""Figures of the clustering and metrics answers: where k-means fails, and a reliability
diagram of a fitted classifier before and after calibration."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from scripts.figures.style import BLUE, GREEN, GREY, INK, VERMILION, Facts, Spec


def _kmeans_data() -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """The two data sets of the figure; the same as in the clustering comparison snippet
    of 'clustering-algorithms-compared'."""
    from sklearn.datasets import make_blobs, make_moons

    moons = make_moons(n_samples=210, noise=0.06, random_state=0)
    spreads = make_blobs(n_samples=210, centers=[[0, 0], [4, 0], [8, 0]],
                         cluster_std=[1.8, 0.4, 0.4], random_state=0)
    return {"moons": moons, "spreads": spreads}


def kmeans_failures() -> tuple[Figure, Facts]:
    """k-means on two data sets that break its assumptions: non-convex clusters, and
    clusters of equal size but very unequal spread."""
    from scipy.optimize import linear_sum_assignment
    from sklearn.cluster import KMeans
    from sklearn.metrics import adjusted_rand_score, confusion_matrix

    data = _kmeans_data()
    facts: Facts = {}
    fits = {}
    for name, (X, y) in data.items():
        k = len(np.unique(y))
        model = KMeans(k, random_state=0).fit(X)
        # Match each k-means cluster to the true group it shares most points with.
        rows, cols = linear_sum_assignment(-confusion_matrix(y, model.labels_))
        mapped = np.empty(k, dtype=int)
        mapped[cols] = rows
        wrong = mapped[model.labels_] != y
        fits[name] = (X, y, model, wrong)
        facts[f"{name}_n"] = len(y)
        facts[f"{name}_ari"] = adjusted_rand_score(y, model.labels_)
        facts[f"{name}_wrong"] = int(wrong.sum())
        facts[f"{name}_pct"] = 100 * wrong.mean()
    facts["spread_ratio"] = 1.8 / 0.4
    # What the alt text claims: both partitions are clearly wrong, and on the right the
    # wrongly placed points all come from the wide group, given to its tight neighbours.
    assert facts["moons_ari"] < 0.5 and facts["spreads_ari"] < 0.9, facts
    assert facts["moons_pct"] > 10 and facts["spreads_pct"] > 5, facts
    X, y, model, wrong = fits["spreads"]
    middle = np.argmin(np.linalg.norm(model.cluster_centers_ - [4, 0], axis=1))
    assert np.all(y[wrong] == 0) and np.all(model.labels_[wrong] == middle), facts

    fig = Figure(figsize=(8.2, 3.9))
    axes = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1, 1.3]})
    colours, markers = (BLUE, VERMILION, GREEN), ("o", "^", "s")
    titles = {"moons": f"Two moons, k = 2: {facts['moons_pct']:.0f}% misplaced",
              "spreads": f"Unequal spread, k = 3: {facts['spreads_pct']:.0f}% misplaced"}
    for ax, (name, (X, y, model, _)) in zip(axes, fits.items(), strict=True):
        pad = np.array([0.6, 1.4])
        lo, hi = X.min(axis=0) - pad, X.max(axis=0) + pad
        for a, b in _voronoi_edges(model.cluster_centers_, lo, hi):
            ax.plot(*np.column_stack([a, b]), color=INK, linestyle="--", linewidth=1.4)
        for j in range(len(np.unique(y))):  # colour and shape: the TRUE group
            ax.scatter(*X[y == j].T, s=13, color=colours[j], marker=markers[j],
                       linewidths=0, zorder=3)
        ax.scatter(*model.cluster_centers_.T, s=150, marker="X", color=INK,
                   edgecolors="white", linewidths=1.2, zorder=5)
        ax.set(title=titles[name], xlim=(lo[0], hi[0]), ylim=(lo[1], hi[1]),
               xticks=[], yticks=[])
        ax.set_aspect("equal")
        ax.grid(False)
        for spine in ax.spines.values():
            spine.set(visible=True, color=GREY, linewidth=0.8)
    axes[1].plot([], [], linestyle="none", label="colours: true groups")
    axes[1].scatter([], [], s=150, marker="X", color=INK, label="k-means centroid")
    axes[1].plot([], [], color=INK, linestyle="--", linewidth=1.4, label="k-means boundary")
    axes[1].legend(loc="upper center", bbox_to_anchor=(0.4, -0.02), ncol=3, fontsize=10,
                   handletextpad=0.3, columnspacing=1.0)
    fig.tight_layout(w_pad=1.5)
    return fig, facts


def _voronoi_edges(centres: np.ndarray, lo: np.ndarray, hi: np.ndarray):
    """The straight pieces of boundary between k-means cells inside the box [lo, hi]:
    for each pair of centroids, the part of their perpendicular bisector where no other
    centroid is nearer."""
    edges = []
    span = float(np.linalg.norm(hi - lo))
    t = np.linspace(-span, span, 20001)
    for i in range(len(centres)):
        for j in range(i + 1, len(centres)):
            mid = (centres[i] + centres[j]) / 2
            normal = centres[j] - centres[i]
            direction = np.array([-normal[1], normal[0]]) / np.linalg.norm(normal)
            points = mid + t[:, None] * direction
            inside = np.all((points >= lo) & (points <= hi), axis=1)
            d = np.linalg.norm(points[:, None, :] - centres[None, :, :], axis=2)
            nearest = np.all(d[:, [i]] <= d + 1e-9, axis=1)
            keep = points[inside & nearest]
            if len(keep) > 1:
                edges.append((keep[0], keep[-1]))
    return edges


def _calibration_data():
    """A random forest fitted on one split, calibrated on a second, judged on a third:
    the set-up of the snippet of 'model-calibration'."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.datasets import make_classification
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.frozen import FrozenEstimator
    from sklearn.model_selection import train_test_split

    X, y = make_classification(n_samples=10000, n_features=20, n_informative=6,
                               n_redundant=4, class_sep=0.6, random_state=0)
    X_fit, X_rest, y_fit, y_rest = train_test_split(X, y, test_size=0.5, random_state=0)
    X_cal, X_test, y_cal, y_test = train_test_split(X_rest, y_rest, test_size=0.5,
                                                    random_state=0)
    forest = RandomForestClassifier(random_state=0).fit(X_fit, y_fit)
    probs = {"forest": forest.predict_proba(X_test)[:, 1]}
    for method in ("sigmoid", "isotonic"):
        calibrated = CalibratedClassifierCV(FrozenEstimator(forest), method=method)
        probs[method] = calibrated.fit(X_cal, y_cal).predict_proba(X_test)[:, 1]
    return y_test, probs, len(y_fit), len(y_cal)


def _bins(p: np.ndarray, bins: int) -> np.ndarray:
    """Equal-width bins [b/bins, (b+1)/bins), the last one closed: the rule of the ECE in
    the snippet of 'model-calibration'. (calibration_curve closes its bins on the right
    instead, which matters here: a forest of 100 trees predicts multiples of 0.01.)"""
    return np.minimum((p * bins).astype(int), bins - 1)


def reliability(y: np.ndarray, p: np.ndarray, bins: int = 10):
    """Per non-empty bin: the share of cases, the fraction of positives and the mean
    prediction."""
    index = _bins(p, bins)
    used = [b for b in range(bins) if np.any(index == b)]
    share = np.array([np.mean(index == b) for b in used])
    frac_pos = np.array([y[index == b].mean() for b in used])
    mean_pred = np.array([p[index == b].mean() for b in used])
    return share, frac_pos, mean_pred


def expected_calibration_error(y: np.ndarray, p: np.ndarray, bins: int = 10) -> float:
    """Binned ECE for the positive class: the bin-size-weighted mean gap between the
    observed frequency of positives and the mean predicted probability."""
    share, frac_pos, mean_pred = reliability(y, p, bins)
    return float(np.sum(share * np.abs(frac_pos - mean_pred)))


def calibration() -> tuple[Figure, Facts]:
    """Reliability diagram of a random forest, raw and after Platt (sigmoid) and isotonic
    calibration, drawn from the bins of the ECE in its legend."""
    from sklearn.metrics import brier_score_loss

    y, probs, n_fit, n_cal = _calibration_data()
    ece = {name: expected_calibration_error(y, p) for name, p in probs.items()}
    brier = {name: brier_score_loss(y, p) for name, p in probs.items()}
    # The points drawn are the bins the ECE sums over, so the legend and the curves agree.
    curves = {name: reliability(y, p)[1:] for name, p in probs.items()}
    true_raw, pred_raw = curves["forest"]
    low, high = pred_raw < 0.4, pred_raw > 0.6
    facts = {"n_fit": n_fit, "n_cal": n_cal, "n_test": len(y),
             "ece_raw": ece["forest"], "ece_platt": ece["sigmoid"],
             "ece_iso": ece["isotonic"], "brier_raw": brier["forest"],
             "brier_platt": brier["sigmoid"], "brier_iso": brier["isotonic"],
             "low_pred": pred_raw[1], "low_true": true_raw[1]}
    # The alt text's claims: under-confident (an S-shaped curve, below the diagonal on the
    # left and above it on the right), and both calibrators cut the ECE at least in half.
    assert np.all(true_raw[low] < pred_raw[low]) and np.all(true_raw[high] > pred_raw[high])
    assert 0.1 <= facts["low_pred"] < 0.2, facts  # the prose calls it the 0.1-0.2 bin
    assert max(ece["sigmoid"], ece["isotonic"]) < ece["forest"] / 2, ece
    for name in ("sigmoid", "isotonic"):  # "the middle bins hold few cases"
        counts = np.histogram(probs[name], bins=10, range=(0, 1))[0]
        assert counts[3:7].max() < min(counts[0], counts[-1]), (name, counts)

    fig = Figure(figsize=(5.4, 4.7))
    ax = fig.subplots()
    ax.plot([0, 1], [0, 1], color=GREY, linestyle=":", linewidth=1.5,
            label="perfect calibration")
    styles = {"forest": (VERMILION, "-", "o", "forest, raw"),
              "sigmoid": (BLUE, "--", "s", "Platt (sigmoid)"),
              "isotonic": (GREEN, "-.", "^", "isotonic")}
    for name, (colour, line, marker, label) in styles.items():
        frac_pos, mean_pred = curves[name]
        ax.plot(mean_pred, frac_pos, color=colour, linestyle=line, marker=marker,
                markersize=5, label=f"{label}: ECE {ece[name]:.3f}")
    ax.set(xlabel="mean predicted probability (10 bins)", ylabel="fraction of positives",
           title=f"Reliability on {len(y)} test cases", xlim=(0, 1), ylim=(0, 1))
    ax.set_aspect("equal")
    ax.legend(loc="lower right", fontsize=10)
    fig.tight_layout()
    return fig, facts


FIGURES: dict[str, Spec] = {
    "kmeans-failures": Spec(
        kmeans_failures,
        alt=(
            "Two scatter plots, points coloured by their true group, with the centroids "
            "that k-means found marked by crosses and its cluster boundaries drawn as "
            "dashed straight lines. Left, "
            "{moons_n} points on two interleaved half-moons: k-means with k = 2 cuts both "
            "moons with one straight line, and {moons_wrong} points ({moons_pct:.0f}%) end "
            "up with the other moon; adjusted Rand index {moons_ari:.2f}. Right, {spreads_n} "
            "points in three groups of equal size on a line, the left group "
            "{spread_ratio:.1f} times as spread out as the other two: the boundary falls "
            "halfway between centroids, so {spreads_wrong} outer points of the wide group "
            "({spreads_pct:.0f}%) lie on its tight neighbour's side; adjusted Rand index "
            "{spreads_ari:.2f}."
        ),
        caption=(
            "k-means splits space into cells of points nearest each centroid, so every "
            "boundary is straight and halfway between two centroids, whatever the shape or "
            "spread of the groups."
        ),
        questions=("k-means-clustering", "clustering-algorithms-compared"),
    ),
    "calibration": Spec(
        calibration,
        alt=(
            "Reliability diagram of a random forest trained on {n_fit} cases, calibrated on "
            "{n_cal} and tested on {n_test}: fraction of positives against mean predicted "
            "probability in 10 bins. The raw forest's "
            "curve is S-shaped, below the diagonal at low predicted probabilities (in the "
            "bin averaging {low_pred:.2f}, only {low_true:.2f} are positive) and above it "
            "at high ones, so the forest is under-confident; its expected calibration error "
            "is {ece_raw:.3f}. After Platt scaling the ECE is {ece_platt:.3f}, after "
            "isotonic regression {ece_iso:.3f}, and both curves lie close to the diagonal, "
            "with some scatter in the middle bins, which hold few cases."
        ),
        caption=(
            "Both calibrators are non-decreasing maps: they change what the scores mean but "
            "keep their order, except that isotonic regression can merge neighbouring "
            "scores into ties."
        ),
        questions=("model-calibration",),
    ),
}

"""Figures of the ML-foundations practice questions: validation splits and model selection."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle

from scripts.figures.style import BLUE, INK, VERMILION, Facts, Spec

UNUSED = "#e6e6e6"  # a sample left out of both sides of a split


def cv_splits() -> tuple[Figure, Facts]:
    """Which samples train and which test in each split of three scikit-learn splitters,
    on 12 samples from 4 groups (say, patients) of 3, in time order."""
    from sklearn.model_selection import GroupKFold, KFold, TimeSeriesSplit

    n, n_groups = 12, 4
    groups = np.repeat(np.arange(n_groups), n // n_groups)
    letters = "ABCD"
    schemes = [
        ("Shuffled KFold", list(KFold(n_splits=4, shuffle=True, random_state=0).split(
            np.zeros(n)))),
        ("GroupKFold", list(GroupKFold(n_splits=4).split(np.zeros(n), groups=groups))),
        ("TimeSeriesSplit, gap=1", list(TimeSeriesSplit(n_splits=4, gap=1).split(
            np.zeros(n)))),
    ]

    # How many random folds put one group on both sides, against none for GroupKFold.
    def shared(splits: list) -> int:
        return sum(bool(set(groups[tr]) & set(groups[te])) for tr, te in splits)

    kfold_shared, group_shared = shared(schemes[0][1]), shared(schemes[1][1])
    # GroupKFold: each split tests exactly one whole group and trains on all the others.
    assert all(len(set(groups[te])) == 1 and len(set(groups[tr])) == n_groups - 1
               for tr, te in schemes[1][1])
    time_splits = schemes[2][1]
    assert kfold_shared == 4 and group_shared == 0, (kfold_shared, group_shared)
    # Past, a gap of exactly one step, then a contiguous future block of a fixed size: what
    # the alt text says ("one step is skipped, and the next 2 steps are tested").
    test_size = len(time_splits[0][1])
    assert all(np.array_equal(tr, np.arange(len(tr)))
               and np.array_equal(te, np.arange(len(tr) + 1, len(tr) + 1 + test_size))
               for tr, te in time_splits)
    train_sizes = [len(tr) for tr, _ in time_splits]
    assert train_sizes == sorted(train_sizes) and len(set(train_sizes)) == 4
    facts = {
        "n": n, "n_groups": n_groups, "kfold_shared": kfold_shared,
        "first_train": train_sizes[0], "last_train": train_sizes[-1],
        "test_size": test_size,
    }

    fig = Figure(figsize=(6.4, 6.2))
    axes = fig.subplots(3, 1)
    for ax, (title, splits) in zip(axes, schemes, strict=True):
        for row, (train, test) in enumerate(splits):
            colours = np.full(n, UNUSED, dtype=object)
            colours[train], colours[test] = BLUE, VERMILION
            for i in range(n):
                ax.add_patch(Rectangle((i - 0.46, row + 0.1), 0.92, 0.8,
                                       facecolor=colours[i], edgecolor="none"))
        ax.set(title=title, xlim=(-0.6, n - 0.4), ylim=(len(splits) + 0.05, -0.05))
        ax.set_yticks(np.arange(len(splits)) + 0.5,
                      [f"split {k + 1}" for k in range(len(splits))])
        ax.grid(False)
        ax.tick_params(length=0)
        for side in ("left", "bottom"):
            ax.spines[side].set_visible(False)
        if title == "TimeSeriesSplit, gap=1":
            ax.set_xticks(range(n), [str(t + 1) for t in range(n)])
            ax.set_xlabel("time step →")
        else:
            ax.set_xticks(range(n), [letters[g] for g in groups])
            ax.set_xlabel("sample, labelled by its group (patient)")
            for boundary in range(3, n, 3):
                ax.axvline(boundary - 0.5, color=INK, linewidth=1.2)
    handles = [Patch(facecolor=BLUE, label="train"), Patch(facecolor=VERMILION, label="test"),
               Patch(facecolor=UNUSED, label="not used")]
    fig.legend(handles=handles, loc="upper center", ncol=3, bbox_to_anchor=(0.5, 1.03))
    fig.tight_layout(h_pad=1.2, rect=(0, 0, 1, 0.97))
    return fig, facts


FIGURES: dict[str, Spec] = {
    "cv-splits": Spec(
        cv_splits,
        alt=(
            "Three grids of {n} samples, one row per split, each cell coloured train, test "
            "or not used. Top, shuffled k-fold on samples from {n_groups} patients A to D: "
            "in all {kfold_shared} splits some patient has samples in both train and test. "
            "Middle, group k-fold: each split tests one whole patient and trains on the "
            "other three. Bottom, time-series split with a gap of one step: training grows "
            "from the first {first_train} to the first {last_train} time steps, one step is "
            "skipped, and the next {test_size} steps are tested."
        ),
        caption=(
            "A random split can put the same patient, or the future, on the training side; "
            "group and time-ordered splits keep test data unseen in the way deployment does."
        ),
        questions=("k-fold-cross-validation",),
    ),
}

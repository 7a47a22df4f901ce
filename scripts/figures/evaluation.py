"""The evaluation topic's figures: curves of a fitted classifier."""

from __future__ import annotations

from matplotlib.figure import Figure

from scripts.figures.style import BLUE, GREY, Facts, Spec


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
            "The same scores, two views: ROC weighs every positive–negative pair alike, while "
            "precision, which depends on prevalence, shows how many of the alarms at each "
            "threshold are false."
        ),
        questions=("roc-curve", "imbalanced-data"),
    ),
}

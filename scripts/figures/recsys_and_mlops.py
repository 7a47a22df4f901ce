"""Figures of the recommendation and MLOps answers: a staged rollout drawn from a declared
structure, and the accuracy of a model under drift for three retraining policies, computed
from a seeded simulation."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from scripts.figures.diagram import Arrow, Box, Diagram, draw
from scripts.figures.style import BLUE, GREEN, GREY, INK, VERMILION, Facts, Spec

# --- a staged rollout ----------------------------------------------------------------------

ROLLOUT = Diagram(
    boxes=(
        Box("offline", "Offline eval\nheld-out data", 0.0, 0.0, w=1.75, h=0.8),
        Box("shadow", "Shadow\n0 % of users", 2.1, 0.0, w=1.75, h=0.8),
        Box("canary", "Canary\n1–5 % of traffic", 4.2, 0.0, w=1.75, h=0.8),
        Box("ab", "A/B test\ne.g. 50 / 50", 6.3, 0.0, w=1.75, h=0.8),
        Box("full", "Full rollout\nold model on standby", 6.3, 1.75, w=1.75, h=0.8,
            kind="model"),
        Box("rollback", "Roll back to\nthe old model", 3.15, 1.75, w=1.75, h=0.8,
            kind="accent"),
    ),
    arrows=(
        Arrow("offline", "shadow"),
        Arrow("shadow", "canary"),
        Arrow("canary", "ab"),
        Arrow("ab", "full", "wins"),
        Arrow("shadow", "rollback", dashed=True),
        Arrow("canary", "rollback", dashed=True),
        Arrow("ab", "rollback", "guardrail\nbreached", dashed=True),
    ),
    extra={"stages": 4},
)


def rollout() -> tuple[Figure, Facts]:
    """The stages a new model passes before it takes all traffic, and the way back."""
    fig, facts = draw(ROLLOUT)
    assert facts["n_boxes"] == 6 and facts["n_arrows"] == 7
    return fig, facts


# --- accuracy under drift for three retraining policies ---------------------------------------

WEEKS = 52
PER_WEEK = 2000
DRIFT_PER_WEEK = 0.012  # radians the true decision boundary turns each week
JUMP_WEEK, JUMP = 33, 0.6  # an abrupt change of the concept, in radians
WINDOW = 4  # weeks of labelled data each retraining uses
LABEL_DELAY = 1  # labels of week t are known from week t + 1
SCHEDULE = 8  # the scheduled policy retrains every 8 weeks
TRIGGER = 0.88  # the triggered policy retrains when last week's accuracy falls below this


def _angle(week: int) -> float:
    return DRIFT_PER_WEEK * week + (JUMP if week >= JUMP_WEEK else 0.0)


def _week_data(rng: np.random.Generator, week: int) -> tuple[np.ndarray, np.ndarray]:
    x = rng.normal(size=(PER_WEEK, 2))
    theta = _angle(week)
    margin = x @ np.array([np.cos(theta), np.sin(theta)])
    y = (margin + rng.normal(0, 0.25, PER_WEEK) > 0).astype(int)
    return x, y


def retraining() -> tuple[Figure, Facts]:
    """Weekly accuracy of a classifier whose concept turns slowly and then jumps, when it is
    never retrained, retrained on a fixed schedule, or retrained when monitoring says so."""
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(0)
    data = {week: _week_data(rng, week) for week in range(-WINDOW, WEEKS)}

    def fit(now: int) -> LogisticRegression:
        """Train on the last WINDOW weeks whose labels are known at week `now`."""
        last = now - LABEL_DELAY
        weeks = range(last - WINDOW + 1, last + 1)
        x = np.vstack([data[w][0] for w in weeks])
        y = np.concatenate([data[w][1] for w in weeks])
        return LogisticRegression().fit(x, y)

    def run(policy: str) -> tuple[np.ndarray, int]:
        model, accuracy, retrains = fit(0), np.zeros(WEEKS), 0
        for week in range(WEEKS):
            due = policy == "schedule" and week > 0 and week % SCHEDULE == 0
            # the trigger sees last week's accuracy, the most recent one with labels
            if policy == "trigger" and week >= LABEL_DELAY:
                due = accuracy[week - LABEL_DELAY] < TRIGGER
            if due:
                model, retrains = fit(week), retrains + 1
            accuracy[week] = model.score(*data[week])
        return accuracy, retrains

    runs = {policy: run(policy) for policy in ("never", "schedule", "trigger")}
    never, schedule, trigger = (runs[p][0] for p in ("never", "schedule", "trigger"))
    def recovery(accuracy: np.ndarray) -> int:
        """Weeks from the sudden change until accuracy is back at the trigger level."""
        return int(np.argmax(accuracy[JUMP_WEEK:] >= TRIGGER))

    facts: Facts = {
        "weeks": WEEKS, "jump_week": JUMP_WEEK, "schedule": SCHEDULE, "trigger": TRIGGER,
        "start": never[0], "never_end": never[-1], "never_mean": never.mean(),
        "schedule_mean": schedule.mean(), "trigger_mean": trigger.mean(),
        "schedule_retrains": runs["schedule"][1], "trigger_retrains": runs["trigger"][1],
        "schedule_recovery": recovery(schedule), "trigger_recovery": recovery(trigger),
    }
    # The shapes the alt text and caption claim: the static model decays, the jump hurts
    # every policy, the schedule keeps up with the slow drift, and both retraining policies
    # beat never retraining.
    assert never[-1] < never[0] - 0.15
    assert all(a[JUMP_WEEK] < a[JUMP_WEEK - 1] - 0.05 for a in (never, schedule, trigger))
    assert schedule[:JUMP_WEEK].min() >= TRIGGER
    assert min(schedule.mean(), trigger.mean()) > never.mean() + 0.05
    assert 0 < facts["trigger_recovery"] < facts["schedule_recovery"]
    assert (never[JUMP_WEEK:] < TRIGGER).all()

    weeks = np.arange(WEEKS)
    fig = Figure(figsize=(7.8, 3.9))
    ax = fig.subplots()
    ax.plot(weeks, never, color=GREY, linestyle=":", label="never retrained")
    ax.plot(weeks, schedule, color=BLUE, linestyle="--",
            label=f"every {SCHEDULE} weeks ({facts['schedule_retrains']} retrains)")
    ax.plot(weeks, trigger, color=VERMILION,
            label=f"when accuracy < {TRIGGER:.2f} ({facts['trigger_retrains']} retrains)")
    ax.axvline(JUMP_WEEK, color=GREEN, linewidth=1.2)
    ax.text(JUMP_WEEK + 0.5, 0.45, "sudden change", color=INK, fontsize=10)
    ax.set(xlabel="week after deployment", ylabel="accuracy that week", xlim=(0, WEEKS - 1),
           ylim=(0.4, 1.0), title="Slow drift, then a jump: three retraining policies")
    ax.legend(loc="lower left")
    fig.tight_layout()
    return fig, facts


FIGURES: dict[str, Spec] = {
    "rollout": Spec(
        rollout,
        alt=(
            "A diagram of {stages} stages from left to right: offline evaluation on held-out "
            "data, shadow deployment serving 0 % of users, a canary on 1 to 5 % of traffic, "
            "and an A/B test such as a 50/50 split. An A/B win leads down to a full rollout "
            "that keeps the old model on standby. Dashed arrows lead from the shadow, canary "
            "and A/B stages to a box that rolls back to the old model when a guardrail is "
            "breached."
        ),
        caption=(
            "Users see the new model only from the canary on; each stage must pass its "
            "checks first, and any live stage can fall back to the old model."
        ),
        questions=("model-deployment-and-rollouts",),
    ),
    "retraining": Spec(
        retraining,
        alt=(
            "Weekly accuracy over {weeks} weeks of a classifier whose true decision boundary "
            "turns slowly, with a sudden change at week {jump_week}. Never retrained, accuracy "
            "falls from {start:.2f} to {never_end:.2f} (mean {never_mean:.2f}). Retrained every "
            "{schedule} weeks ({schedule_retrains} retrains, mean {schedule_mean:.2f}), it "
            "keeps up with the slow drift but needs {schedule_recovery} weeks to get back to "
            "{trigger:.2f} after the change. Retrained whenever the last labelled week's "
            "accuracy is below {trigger:.2f}, it needs {trigger_recovery} weeks, with "
            "{trigger_retrains} retrains (mean {trigger_mean:.2f})."
        ),
        caption=(
            "A schedule bounds staleness; a trigger on monitored accuracy reacts to sudden "
            "change, but only as fast as labels arrive."
        ),
        questions=("model-retraining-and-feedback-loops",),
    ),
}

"""Places on a page that the practice scripts (docs/assets/javascripts/guide/) fill in. Each
is empty, so a page read without JavaScript shows nothing that cannot work."""

from __future__ import annotations

import json

# A block (pymdownx.blocks.html), not a raw <div>: after a formula holding "<" (`$s<t$`),
# Python-Markdown no longer sees a raw HTML block as one and wraps it in a <p>, which is
# invalid HTML. One slash more than the answer blocks' fence.
FENCE = "//////"


def widget(name: str, css_class: str, **data: str) -> str:
    attrs = ", ".join(f"data-{key.replace('_', '-')}: {json.dumps(value)}"
                      for key, value in {"guide": name, **data}.items())
    return f"{FENCE} html | div.{css_class}\n    attrs: {{{attrs}}}\n{FENCE}\n"


def review_control(question_id: str) -> str:
    """Where a question page shows its "mark as reviewed" control."""
    return widget("review-toggle", "guide-review", question_id=question_id)


def progress_bars(topic: str | None = None) -> str:
    """Where a page shows the reader's progress: one topic, or every topic."""
    return widget("topic-progress", "guide-progress", **({"topic": topic} if topic else {}))


def track_progress(track_id: str) -> str:
    """Where a track's page shows the reader's progress on it, stage by stage."""
    return widget("track-progress", "guide-track-progress", track=track_id)


def today_plan() -> str:
    """Where the home page shows today's questions of the reader's plan, if they made one."""
    return widget("today-plan", "guide-today")

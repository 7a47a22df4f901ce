"""Places on a page that the practice scripts (docs/assets/javascripts/guide/) fill in. Each
is empty, so a page read without JavaScript shows nothing that cannot work."""

from __future__ import annotations

import html


def widget(name: str, css_class: str, **data: str) -> str:
    attrs = "".join(
        f' data-{key.replace("_", "-")}="{html.escape(value, quote=True)}"'
        for key, value in data.items()
    )
    return f'<div class="{css_class}" data-guide="{name}"{attrs}></div>\n'


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

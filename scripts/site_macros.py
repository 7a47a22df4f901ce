"""Variables and macros for the hand-written pages (mkdocs-macros-plugin).

Macros run only on pages that opt in with `render_macros: true`; generated question pages
never do, so Jinja in contributed text is never evaluated.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts import hooks, render  # noqa: E402
from scripts.models import SOURCES, TOPICS, Section  # noqa: E402


def define_env(env) -> None:
    questions = hooks.bank()
    env.variables["question_count"] = len(questions)
    env.variables["technical_count"] = sum(q.section is Section.technical for q in questions)
    env.variables["general_count"] = sum(q.section is Section.general for q in questions)
    env.variables["topic_count"] = len(TOPICS)
    env.variables["sources"] = SOURCES

    @env.macro
    def overview(prefix: str = "") -> str:
        """Sections and topics with question counts and links."""
        return render.overview(hooks.bank(), prefix)

    @env.macro
    def progress_bars() -> str:
        """Where the home page shows the reader's progress per topic (filled in by the
        browser from its own storage; empty without JavaScript)."""
        return render.progress_bars()

    @env.macro
    def topic_table(topic: str, prefix: str = "") -> str:
        """The questions of one topic with their difficulty."""
        if topic not in TOPICS:
            raise ValueError(f"unknown topic '{topic}'")
        return render.question_table(
            [q for q in hooks.bank() if q.topic.value == topic], prefix
        )

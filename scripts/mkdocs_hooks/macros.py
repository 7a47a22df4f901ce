"""Variables and macros for the hand-written pages (mkdocs-macros-plugin, `module_name` in
mkdocs.yml). Macros run only on pages that opt in with `render_macros: true`; generated
pages never do, so Jinja in contributed text is never evaluated."""

from __future__ import annotations

from scripts.bank.models import Section
from scripts.mkdocs_hooks import context
from scripts.pages import listings, tracks, widgets


def define_env(env) -> None:
    bank = context.bank()
    env.variables["question_count"] = len(bank)
    env.variables["technical_count"] = len(bank.in_section(Section.technical))
    env.variables["general_count"] = len(bank.in_section(Section.general))
    env.variables["topic_count"] = len(bank.topics())
    env.variables["area_count"] = len(bank.areas())
    env.variables["sources"] = {s.id: s for s in bank.vocabulary.sources}
    env.variables["source_counts"] = {
        s.id: sum(q.source == s.id for q in bank) for s in bank.vocabulary.sources
    }

    @env.macro
    def overview(prefix: str = "") -> str:
        """Areas and topics with question counts and links."""
        return listings.overview(context.bank(), prefix)

    @env.macro
    def progress_bars() -> str:
        """Where the home page shows the reader's progress per topic (filled in by the
        browser from its own storage; empty without JavaScript)."""
        return widgets.progress_bars()

    @env.macro
    def track_list(prefix: str = "") -> str:
        """Every study track with its description, size and study time."""
        return tracks.track_list(context.bank(), prefix)

    @env.macro
    def today_plan() -> str:
        """Where the home page shows today's questions of the reader's plan (filled in by
        the browser; empty without JavaScript or without a plan)."""
        return widgets.today_plan()

    @env.macro
    def topic_table(topic: str, prefix: str = "") -> str:
        """The questions of one topic with their difficulty."""
        current = context.bank()
        if topic not in {t.id for t in current.vocabulary.topics}:
            raise ValueError(f"unknown topic '{topic}'")
        return listings.question_table(current.in_topic(topic), prefix)

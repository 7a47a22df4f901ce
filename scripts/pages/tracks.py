"""The study-track pages: one per track (its role, its stages with their questions in study
order, the time each takes, the reader's progress and plan) and the index of tracks. Read
without JavaScript, a track page is a complete ordered list; the progress and the plan are
placeholders the practice scripts fill (docs/assets/javascripts/guide/tracks.js)."""

from __future__ import annotations

from scripts.bank.bank import Bank
from scripts.bank.tracks import (
    STAGE_DESCRIPTIONS,
    STAGE_TITLES,
    Track,
    formula_text,
    study_minutes,
)
from scripts.pages.paths import (
    MOCK_PAGE,
    PRACTICE_PAGE,
    question_path,
    topic_path,
    track_path,
)
from scripts.pages.question import difficulty_label
from scripts.pages.text import escape, escape_html, front_matter, plural
from scripts.pages.widgets import track_progress

PLAN_NOTICE = (
    "**Planning your days to the interview needs JavaScript**, which is turned off or "
    "blocked in this browser. The questions below are in the order to study them: start at "
    "the top of the core stage and work down."
)


def _cut(text: str, limit: int = 160) -> str:
    """Plain text shortened for a meta description, at a word."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def duration(minutes: int) -> str:
    """95 -> "1 h 35 min"."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" + (f" {rest} min" if rest else "")


def track_minutes(bank: Bank, track: Track) -> int:
    return sum(study_minutes(q) for q in bank.track_questions(track))


def stage_counts(track: Track) -> str:
    """"16 core, 16 strong and 9 stand-out questions"."""
    parts = [f"{len(ids)} {stage.value}" for stage, ids in track.stages()]
    return f"{', '.join(parts[:-1])} and {parts[-1]} questions"


def _practice_links(track: Track, prefix: str) -> str:
    query = f"?track={track.id}"
    return (f"[Practise this track with flashcards]({prefix}{PRACTICE_PAGE}{query}){{ "
            f".md-button .md-button--primary }} "
            f"[Mock interview on this track]({prefix}{MOCK_PAGE}{query}){{ .md-button }}\n"
            "{ .guide-track-actions }\n")


def _stage_table(bank: Bank, ids: list[str], first: int) -> str:
    rows = []
    for number, q in enumerate((bank.question(i) for i in ids), start=first):
        if q is None:
            continue
        topic = bank.vocabulary.topic(q.topic)
        rows.append(
            f"| {number} | [{escape(q.title)}](../{question_path(q.id)}) | "
            f"[{escape(topic.title)}](../{topic_path(topic.id)}) | "
            f"{difficulty_label(q.difficulty)} | {duration(study_minutes(q))} |")
    return ("| Step | Question | Topic | Difficulty | Time |\n"
            "| --- | --- | --- | --- | --- |\n" + "\n".join(rows) + "\n")


def track_page(bank: Bank, track: Track) -> str:
    """The Markdown of one track's page."""
    total = track_minutes(bank, track)
    count = len(bank.track_questions(track))
    parts = [
        front_matter(title=escape_html(f"{track.title}: study track"),
                     description=escape_html(_cut(track.description))),
        f"# {escape(track.title)}: study track\n",
        f"{escape(track.description)}\n",
        f"**{plural(count, 'question')} in three stages ({stage_counts(track)}), about "
        f"{duration(total)} of study** in all, by the [estimate below](#how-the-time-is-"
        "estimated). Study them in this order: each stage builds on the one before.\n",
        _practice_links(track, "../"),
        track_progress(track.id),
        "## Your plan to the interview date { #plan }\n",
        "Enter the date of your interview and the minutes a day you can give. The plan says "
        "which questions to start each day, in the order below, so that every core question "
        "comes back for review at least twice before the date. It is recomputed from your "
        "flashcard progress each time you visit, and nothing leaves this browser.\n",
        f'<div class="guide-plan" data-guide="track-plan" data-track="{track.id}" '
        f"markdown>\n\n{PLAN_NOTICE}\n{{ .guide-notice }}\n\n</div>\n",
    ]
    number = 1
    for stage, ids in track.stages():
        minutes = sum(study_minutes(q) for q in map(bank.question, ids) if q is not None)
        parts.append(f"## {STAGE_TITLES[stage]}: {plural(len(ids), 'question')}, about "
                     f"{duration(minutes)} {{ #{stage.value} }}\n")
        parts.append(f"{STAGE_DESCRIPTIONS[stage]}\n")
        parts.append(_stage_table(bank, ids, number))
        number += len(ids)
    parts.append("## How the time is estimated { #how-the-time-is-estimated }\n")
    parts.append(f"Each question's time is an estimate: {formula_text()}. For this track that "
                 f"makes {duration(total)} of first study. Your own pace will differ; the plan "
                 "above uses the same numbers, scaled to the minutes you give it.\n")
    return "\n".join(parts)


def track_list(bank: Bank, prefix: str, heading: str = "###") -> str:
    """Every track with its size and time, for the index of tracks and the home page."""
    if not bank.tracks:
        return "_No study tracks yet._\n"
    parts = []
    for track in bank.tracks:
        link = f"{prefix}{track_path(track.id)}"
        parts.append(f"{heading} [{escape(track.title)}]({link})\n")
        parts.append(f"{escape(track.description)}\n")
        parts.append(f"{plural(len(bank.track_questions(track)), 'question')} "
                     f"({stage_counts(track)}), about "
                     f"{duration(track_minutes(bank, track))} of study.\n")
    return "\n".join(parts)


def tracks_page(bank: Bank) -> str:
    """The index of tracks, at tracks/."""
    return "\n".join([
        front_matter(title="Study tracks",
                     description="Interview questions in study order for each role, with a "
                                 "day-by-day plan to your interview date."),
        "# Study tracks\n",
        "Pick the role you are interviewing for. Each track lists the questions its interview "
        "loop asks, in the order to study them, in three stages: **core** (asked almost "
        "everywhere: study these first), **strong** (what a strong candidate also knows) and "
        "**stand-out** (depth that sets you apart). On a track's page you can practise its "
        "questions as flashcards or a mock interview, and plan your days to the interview "
        "date.\n",
        track_list(bank, "../", "##"),
    ])

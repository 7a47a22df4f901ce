"""Add a new question to the data file as a draft, ready to fill in.

    python scripts/new_question.py --title "What is dropout?" --topic deep-learning \
        --difficulty medium
    make new            (asks for each value)

The entry is inserted as text after the last question of the same topic (or at the end), so
the rest of the file keeps its comments, order and formatting byte for byte. The id is derived
from the title and made unique; a title nearly the same as an existing one is refused with
that question's id (use --force when the questions really differ).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

if __package__ in (None, ""):  # run as a file: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ruamel.yaml import YAML

from scripts.bank import loader
from scripts.bank.models import Difficulty
from scripts.checks.bank_rules import similar_titles
from scripts.paths import ROOT


def site_url() -> str:
    config = YAML(typ="safe").load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return config["site_url"].rstrip("/") + "/"
STOP_WORDS = {"a", "an", "the", "of", "in", "on", "and", "or", "to", "is", "are", "what",
              "how", "why", "do", "does", "you", "your", "would", "can", "for", "with"}

SKELETON = """\
  - id: {id}
    title: {title}
    section: {section}
    topic: {topic}
    difficulty: {difficulty}
    tags: []
    source: community
    status: draft
    short_answer: >-
      TODO: the 30-second answer, two to four sentences a candidate could say out loud.
    answer: |-
      ### Intuition

      TODO: the model answer. See CONTRIBUTING.md for the layers and the answer standard.
    tips: |-
      TODO: what the interviewer is testing, and a structure for the answer.
    mistakes: []
    follow_ups: []
    references: []
    related: []
    reviewed: null
"""


def slug_for(title: str, taken: set[str], limit: int = 60) -> str:
    words = re.findall(r"[a-z0-9]+", title.casefold())
    kept = [w for w in words if w not in STOP_WORDS] or words or ["question"]
    slug = ""
    for word in kept:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    slug = slug or kept[0][:limit]
    unique, n = slug, 2
    while unique in taken:
        unique, n = f"{slug}-{n}", n + 1
    return unique


def yaml_scalar(text: str) -> str:
    """The title as YAML: plain when that reads back unchanged, else double-quoted."""
    try:
        if YAML(typ="safe").load(f"k: {text}") == {"k": text}:
            return text
    except Exception:
        pass
    return json.dumps(text, ensure_ascii=False)


def insertion_line(text: str, topic: str) -> int:
    """The 0-based line after which the new entry goes: the end of the last question of the
    same topic, or the end of the questions list."""
    data = YAML(typ="rt").load(text)
    items = data["questions"]
    lines = text.splitlines()
    starts = [items.lc.item(i)[0] for i in range(len(items))]
    # The list ends at the next top-level key after it, or at the end of the file.
    list_end = next((n for n in range(starts[-1] + 1, len(lines))
                     if lines[n][:1].isalpha()), len(lines)) if starts else len(lines)
    same = [i for i, item in enumerate(items) if item.get("topic") == topic]
    end = list_end if not same or same[-1] == len(items) - 1 else starts[same[-1] + 1]
    while end > 0 and not lines[end - 1].strip():
        end -= 1
    return end


def add_question(path: Path, title: str, topic: str, difficulty: str, *,
                 force: bool = False) -> str:
    """Insert the skeleton; returns the new id. Raises ValueError with a reason."""
    title = " ".join(title.split())
    bank, problems = loader.check(path)
    if problems:
        raise ValueError("fix the data file first:\n" + "\n".join(map(str, problems[:20])))
    topics = {t.id: t for t in bank.vocabulary.topics}
    if topic not in topics:
        raise ValueError(f"unknown topic '{topic}'; one of: {', '.join(topics)}")
    if difficulty not in {d.value for d in Difficulty}:
        raise ValueError("difficulty must be easy, medium or hard")
    questions = list(bank)
    if not force:
        for q in questions:
            if similar_titles(title, q.title):
                raise ValueError(
                    f"'{q.id}' already asks nearly the same: \"{q.title}\" "
                    "(improve that question, or use --force if they really differ)"
                )
    new_id = slug_for(title, {q.id for q in questions})
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    at = insertion_line(text, topic)
    if at and not lines[at - 1].endswith("\n"):
        lines[at - 1] += "\n"
    entry = SKELETON.format(id=new_id, title=yaml_scalar(title),
                            section=bank.vocabulary.area_of(topic).section.value, topic=topic,
                            difficulty=difficulty)
    updated = "".join(lines[:at]) + "\n" + entry + ("\n" if at < len(lines) else "") \
        + "".join(lines[at:])
    # Check the result before it replaces anything.
    with tempfile.TemporaryDirectory() as tmp:
        candidate = Path(tmp) / path.name
        candidate.write_text(updated, encoding="utf-8")
        _, problems = loader.check(candidate)
    if problems:
        raise ValueError("the new entry would not validate:\n" + "\n".join(map(str, problems)))
    path.write_text(updated, encoding="utf-8")
    return new_id


def _ask(prompt: str, choices: list[str] | None = None) -> str:
    hint = f" ({'/'.join(choices)})" if choices else ""
    while True:
        answer = input(f"{prompt}{hint}: ").strip()
        if answer and (choices is None or answer in choices):
            return answer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--title")
    parser.add_argument("--topic", help="a topic id of the data file")
    parser.add_argument("--difficulty", choices=[d.value for d in Difficulty])
    parser.add_argument("--data", type=Path, default=loader.DEFAULT_DATA)
    parser.add_argument("--force", action="store_true",
                        help="add even if an existing title is nearly the same")
    args = parser.parse_args(argv)
    title = args.title or _ask("Question title")
    topic = args.topic or _ask("Topic", [t.id for t in loader.load(args.data).vocabulary.topics])
    difficulty = args.difficulty or _ask("Difficulty", [d.value for d in Difficulty])
    try:
        new_id = add_question(args.data, title, topic, difficulty, force=args.force)
    except ValueError as err:
        print(f"Not added: {err}", file=sys.stderr)
        return 1
    print(f"Added draft '{new_id}' to {args.data}.")
    published = f"{site_url()}questions/{new_id}/"
    local = "http://127.0.0.1:8000" + urlsplit(published).path
    print(f"Preview: make serve, then {local}")
    print(f"Published URL, once reviewed: {published}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

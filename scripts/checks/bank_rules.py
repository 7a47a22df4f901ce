"""Rules no single question can check: unique ids and titles, and links between questions."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterator

from scripts.checks.problems import Problem
from scripts.checks.registry import bank_rule


def normalised_title(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", title.casefold()).strip()


@bank_rule("B001", "two questions share an id")
def duplicate_ids(records, ctx) -> Iterator[Problem]:
    first: dict[str, tuple[int, int]] = {}
    for doc, index, q in records.questions:
        if q.id in first:
            other_doc, other = first[q.id]
            where = f"questions[{other}]" + (f" of {ctx.display(other_doc)}"
                                             if other_doc != doc else "")
            yield Problem("B001", ("questions", index, "id"),
                          f"duplicate id '{q.id}' (first used by {where})", doc)
        else:
            first[q.id] = (doc, index)


@bank_rule("B002", "two questions share a title")
def duplicate_titles(records, ctx) -> Iterator[Problem]:
    first: dict[str, tuple[int, int, str]] = {}
    for doc, index, q in records.questions:
        key = normalised_title(q.title)
        if key in first:
            other_doc, other, other_id = first[key]
            where = f"questions[{other}]" + (f" of {ctx.display(other_doc)}"
                                             if other_doc != doc else "")
            yield Problem("B002", ("questions", index, "title"),
                          f"duplicate title (same as {where} '{other_id}')", doc)
        else:
            first[key] = (doc, index, q.id)


# Above this similarity two titles ask the same thing in other words ("regularization" vs
# "regularisation", "an ROC" vs "a ROC"). The most similar distinct questions of the bank
# score about 0.75.
NEAR_DUPLICATE = 0.85
_TITLE_STOP_WORDS = frozenset({
    "a", "an", "the", "of", "in", "on", "and", "or", "to", "is", "are", "what", "how", "why",
    "do", "does", "you", "your", "would", "can", "for", "with", "between", "difference",
})
# A word shared by more titles than this says nothing about whether two of them are the
# same question; comparing every pair of them would make the check quadratic.
MAX_SHARED = 50


def similar_titles(a: str, b: str) -> bool:
    a, b = normalised_title(a), normalised_title(b)
    if a == b:
        return False
    matcher = difflib.SequenceMatcher(None, a, b)
    # real_quick_ratio() and quick_ratio() are upper bounds of ratio() at a fraction of its
    # cost: most pairs stop there.
    return (matcher.real_quick_ratio() >= NEAR_DUPLICATE
            and matcher.quick_ratio() >= NEAR_DUPLICATE
            and matcher.ratio() >= NEAR_DUPLICATE)


def _title_words(title: str) -> set[str]:
    return {w.rstrip("s") for w in normalised_title(title).split()
            if w not in _TITLE_STOP_WORDS and len(w) > 1}


def near_duplicates(titles: list[tuple[str, str]]) -> list[tuple[int, str]]:
    """(position, id of the earlier question) for each title nearly the same as an earlier
    one. Only titles that share a distinctive content word are compared, so any bank, even
    one of thousands of titles sharing a word, is checked in about a second."""
    words = [_title_words(title) for _, title in titles]
    frequency = Counter(w for ws in words for w in ws)
    by_word: dict[str, list[int]] = {}
    found = []
    for pos, (_, title) in enumerate(titles):
        distinctive = {w for w in words[pos] if frequency[w] <= MAX_SHARED}
        candidates = sorted({other for w in distinctive for other in by_word.get(w, ())})
        for other in candidates:
            if similar_titles(title, titles[other][1]):
                found.append((pos, titles[other][0]))
                break
        for w in distinctive:
            by_word.setdefault(w, []).append(pos)
    return found


@bank_rule("B003", "a title nearly the same as another question's")
def near_duplicate_titles(records, ctx) -> Iterator[Problem]:
    items = records.questions
    for later, earlier_id in near_duplicates([(q.id, q.title) for _, _, q in items]):
        doc, index, _ = items[later]
        yield Problem("B003", ("questions", index, "title"),
                      f"nearly the same title as '{earlier_id}': improve that question instead",
                      doc)


@bank_rule("B004", "a related id that no question has")
def related_exists(records, ctx) -> Iterator[Problem]:
    ids = {q.id for _, _, q in records.questions}
    ids |= records.invalid_ids.get("questions", set())
    for doc, index, q in records.questions:
        for pos, rel in enumerate(q.related):
            if rel not in ids:
                yield Problem("B004", ("questions", index, "related", pos),
                              f"no question has the id '{rel}'", doc)


@bank_rule("B005", "a question relates to itself")
def related_self(records, ctx) -> Iterator[Problem]:
    for doc, index, q in records.questions:
        for pos, rel in enumerate(q.related):
            if rel == q.id:
                yield Problem("B005", ("questions", index, "related", pos),
                              "a question cannot relate to itself", doc)


@bank_rule("B006", "a published question links to a draft")
def related_draft(records, ctx) -> Iterator[Problem]:
    drafts = {q.id for _, _, q in records.questions if q.is_draft}
    for doc, index, q in records.questions:
        if q.is_draft:
            continue
        for pos, rel in enumerate(q.related):
            if rel in drafts:
                yield Problem("B006", ("questions", index, "related", pos),
                              f"'{rel}' is a draft: a published question cannot link to it yet",
                              doc)


@bank_rule("B007", "the same tag, alias or related id listed twice")
def listed_twice(records, ctx) -> Iterator[Problem]:
    for doc, index, q in records.questions:
        for field in ("tags", "aliases", "related"):
            seen: set[str] = set()
            for pos, value in enumerate(getattr(q, field)):
                key = value.casefold()
                if key in seen:
                    yield Problem("B007", ("questions", index, field, pos),
                                  f"'{value}' is listed twice", doc)
                seen.add(key)

"""Answers in our own words: no run of eight words from the article the first questions came
from. Only hashed fingerprints of the article are committed (data/source-shingles.txt), not
its text; `python -m scripts.checks.originality SOURCE.txt` writes them (scripts/paths.py
says where the checks read them)."""

from __future__ import annotations

import functools
import hashlib
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from scripts.bank.models import Question
from scripts.checks.registry import question_rule

WORDS_PER_SHINGLE = 8


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.casefold().replace("’", "'"))


def shingles(text: str, size: int = WORDS_PER_SHINGLE) -> set[str]:
    w = words(text)
    return {
        hashlib.sha256(" ".join(w[i:i + size]).encode()).hexdigest()[:16]
        for i in range(len(w) - size + 1)
    }


@functools.cache
def _source(path: Path) -> frozenset[str]:
    return frozenset(path.read_text(encoding="utf-8").split()) if path.exists() else frozenset()


@question_rule("A012", "an answer repeats eight words in a row from the source article")
def own_words(q: Question, ctx) -> Iterator[tuple]:
    source = _source(ctx.source_fingerprints)
    if not source:
        return
    allowed = shingles(q.title)  # an answer may repeat its own question
    for field in q.text_fields():
        if field.markdown and (shingles(field.text) & source) - allowed:
            yield field.path, ("eight words in a row match the source article: write the "
                               "answer in our own words"), None


def main() -> int:
    for digest in sorted(shingles(Path(sys.argv[1]).read_text(encoding="utf-8"))):
        print(digest)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Fingerprints of a text: hashed runs of consecutive words ("shingles").

Used to prove that no answer copies a sentence of the article the question list came from,
without keeping the article's text in the repository: only the hashes are committed.

    python scripts/shingles.py SOURCE.txt > tests/fixtures/source-shingles.txt
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

WORDS_PER_SHINGLE = 8


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.casefold().replace("’", "'"))


def shingles(text: str, size: int = WORDS_PER_SHINGLE) -> set[str]:
    w = words(text)
    return {
        hashlib.sha256(" ".join(w[i:i + size]).encode()).hexdigest()[:16]
        for i in range(len(w) - size + 1)
    }


def main() -> int:
    for digest in sorted(shingles(Path(sys.argv[1]).read_text(encoding="utf-8"))):
        print(digest)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Make Material's search index small while every word of every answer stays findable.

Material's search plugin stores the full text of every section of every page, and every
listing page (topics, sections, tags) repeats the titles of the questions it lists. For a bank
of real answers that is about 10 KB per question, all downloaded by a reader's first search.
`compact` rewrites the index the plugin wrote:

- A question page becomes one entry: its title, a readable preview (the page's description,
  the start of the 30-second answer), then each other word of the page once, in first-seen
  order, leaving out a word that begins a longer word of the entry. Material's search
  matches a query word as the prefix of an indexed word (it adds `*` to every query term),
  ignores case and drops English stop words, so every query that found the page still finds
  it. What changes: results link to the page rather than to one heading of it, a word that is
  repeated no longer ranks its page higher, a quoted exact-word query (`"model"`, which
  Material sends without `*`) no longer matches a word stored only as part of a longer one,
  and the text under a result is the preview and a word list instead of a paragraph.
- Listing pages keep their own description; the question titles they list, already indexed
  as the questions' own titles, are dropped. Tag listings keep their tag name.

Before that, scripts/pages/blocks.py marks the layers a reader looks up on the page rather than
through search (how to answer, common mistakes, follow-ups, references, related questions)
with Material's `data-search-exclude`, so the index holds the title, the 30-second answer
and the model answer: every word of an answer finds its question.

Pure functions, no MkDocs: scripts/mkdocs_hooks/search_index.py calls `compact` after the
search plugin wrote the index.
"""

from __future__ import annotations

import bisect
import html
import itertools
import re
from collections.abc import Iterable, Mapping
from typing import Any

# Lunr's English stop-word list: Material's search (pipeline "stopWordFilter") never indexes
# these, so dropping them from the text loses nothing.
STOP_WORDS = frozenset((
    "a", "able", "about", "across", "after", "all", "almost", "also", "am", "among", "an",
    "and", "any", "are", "as", "at", "be", "because", "been", "but", "by", "can", "cannot",
    "could", "dear", "did", "do", "does", "either", "else", "ever", "every", "for", "from",
    "get", "got", "had", "has", "have", "he", "her", "hers", "him", "his", "how", "however",
    "i", "if", "in", "into", "is", "it", "its", "just", "least", "let", "like", "likely",
    "may", "me", "might", "most", "must", "my", "neither", "no", "nor", "not", "of", "off",
    "often", "on", "only", "or", "other", "our", "own", "rather", "said", "say", "says", "she",
    "should", "since", "so", "some", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "this", "tis", "to", "too", "twas", "us", "wants", "was", "we", "were",
    "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
    "yet", "you", "your",
))

_TAG = re.compile(r"<[^>]*>")
_SEPARATOR = re.compile(r"[\s\-]+")  # Material's separator for English: "[\s\-]+"
_INNER = re.compile(r"[^\w.]+")
_EDGES = re.compile(r"^\W+|\W+$")


def tokens(text: str) -> list[str]:
    """The words of an index text (HTML-escaped, with a few kept tags), lower-cased, without
    stop words. Material splits text at spaces and hyphens only; here a token is also split
    where a character other than
    a letter, digit, `_` or `.` stands (`df.iloc`, `0`), and trimmed of punctuation at its
    ends: a query of such characters that matched the start of Material's token matches the
    start of its first part, so nothing Material found is lost, and repeated pieces of code
    (`random_state=0`, `random_state=42`) share one word."""
    text = html.unescape(_TAG.sub(" ", text)).lower()
    out = []
    for raw in _SEPARATOR.split(text):
        for part in _INNER.split(raw):
            word = _EDGES.sub("", part)
            if word and word not in STOP_WORDS:
                out.append(word)
    return out


class TokenSet:
    """The words of a text, answering whether a query word would find it."""

    def __init__(self, text: str):
        self.words = sorted(set(tokens(text)))

    def finds(self, word: str) -> bool:
        i = bisect.bisect_left(self.words, word)
        return i < len(self.words) and self.words[i].startswith(word)


def _unique(words: Iterable[str], skip: set[str]) -> list[str]:
    out = []
    for word in words:
        if word not in skip:
            skip.add(word)
            out.append(word)
    return out


def compact_page(entries: list[dict[str, Any]], preview: str) -> dict[str, Any]:
    """One entry for a page: title, preview, then every other word of the page once."""
    first = entries[0]
    seen = set(tokens(first["title"])) | set(tokens(preview))
    words = []
    for entry in entries:
        if entry is not first:
            words.extend(tokens(entry["title"]))  # section headings become plain words
        words.extend(tokens(entry["text"]))
    extra = _unique(words, set(seen))
    # A word that begins another word of the entry is found through that word (`model*`
    # matches "models"), so it need not be stored.
    every = sorted(seen.union(extra))
    covered = {a for a, b in itertools.pairwise(every) if b.startswith(a)}
    extra = [word for word in extra if word not in covered]
    text = html.escape(preview, quote=False)
    if extra:
        text += " " + html.escape(" ".join(extra), quote=False)
    entry = {"location": first["location"].split("#")[0], "title": first["title"],
             "text": text}
    for key in ("tags", "boost"):
        if key in first:
            entry[key] = first[key]
    return entry


def compact(
    index: dict[str, Any],
    previews: Mapping[str, str],
    listings: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """A smaller index that finds the same pages for every word.

    `previews` maps a page location (e.g. `questions/x/`) to its readable preview; those
    pages become one entry each. `listings` maps a listing page's location to the text that
    replaces its own; its sections keep their titles only. Entries of tag listings
    (`#tag:` anchors) keep their tag name only. Everything else is left as it is.
    """
    listings = listings or {}
    pages: dict[str, list[dict[str, Any]]] = {}
    for doc in index["docs"]:
        pages.setdefault(doc["location"].split("#")[0], []).append(doc)
    docs: list[dict[str, Any]] = []
    for location, entries in pages.items():
        if location in previews:
            docs.append(compact_page(entries, previews[location]))
            continue
        for doc in entries:
            doc = dict(doc)
            if location in listings:
                doc["text"] = html.escape(listings[location], quote=False) \
                    if "#" not in doc["location"] else ""
            elif "#tag:" in doc["location"]:
                doc["text"] = ""
            docs.append(doc)
    return {**index, "docs": docs}

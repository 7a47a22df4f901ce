"""Make Material's search index small while every word of every answer stays findable.

Material's search plugin stores the full text of every section of every page, and every
listing page (topics, sections, tags) repeats the titles of the questions it lists. For a bank
of real answers that is about 10 KB per question, all downloaded by a reader's first search.
`compact` rewrites the index the plugin wrote:

- A question page becomes one entry whose fields say where a word stands, so that ranking
  follows the page's structure rather than how often a word repeats: `title`; `aliases`
  (what a candidate types that the title does not say, declared in the data file, plus the
  British or American spelling of every title and alias word); `text`, the readable
  preview a result shows (the start of the 30-second answer); and `words`, every other word
  of the page once, leaving out a word that begins a longer word of the entry. mkdocs.yml
  gives each field its weight (plugins > search > fields). Material's search matches a query
  word as the prefix of an indexed word (it adds `*` to every query term), ignores case and
  drops English stop words, so every query that found the page still finds it. What
  changes: results link to the page rather than to one heading of it, repetition no longer
  ranks a page, and a quoted exact-word query (`"model"`, which Material sends without `*`)
  no longer matches a word stored only as part of a longer one.
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
from dataclasses import dataclass
from typing import Any

from scripts.search import spelling

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
# Where Material's search splits words: mkdocs.yml, plugins > search > separator (a test
# checks the two agree).
SEPARATOR = r'[\s\-?!,;:()\[\]"]+'
_SEPARATOR = re.compile(SEPARATOR)
_INNER = re.compile(r"[^\w.]+")
_EDGES = re.compile(r"^\W+|\W+$")


def tokens(text: str) -> list[str]:
    """The words of an index text (HTML-escaped, with a few kept tags), lower-cased, without
    stop words. Material splits text at SEPARATOR (spaces, hyphens, punctuation); here a
    token is also split where a character other than a letter, digit, `_` or `.` stands
    (`df.iloc`, `0`), and trimmed of punctuation at its ends: a query of such characters
    that matched the start of Material's token matches the start of its first part, so
    nothing Material found is lost, and repeated pieces of code (`random_state=0`,
    `random_state=42`) share one word."""
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


@dataclass(frozen=True)
class Card:
    """What the index holds of a question page beyond its title: the preview a reader sees
    under the result (the 30-second answer) and the words a candidate might type instead of
    the title's (its aliases: acronyms, expansions, synonyms)."""

    preview: str
    aliases: tuple[str, ...] = ()


def _with_variants(words: list[str]) -> list[str]:
    """The words and their other spellings (British and American), each once."""
    out = list(words)
    seen = set(words)
    for word in words:
        for other in sorted(spelling.variants(word)):
            if other not in seen:
                seen.add(other)
                out.append(other)
    return out


def compact_page(entries: list[dict[str, Any]], card: Card | str) -> dict[str, Any]:
    """One entry for a page, in separate fields so that each can weigh what it should:
    `title`, `aliases` (and the other spellings of the title's words), `text` (the preview,
    which is also what a result shows) and `words` (every other word of the page, once)."""
    if isinstance(card, str):
        card = Card(card)
    first = entries[0]
    title_words = tokens(first["title"])
    alias_words = [w for alias in card.aliases for w in tokens(html.escape(alias))]
    preview_words = tokens(html.escape(card.preview, quote=False))
    seen = set(title_words) | set(alias_words) | set(preview_words)
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
    known = set(seen) | set(extra)
    alias_field = _unique(_with_variants(alias_words + title_words), set(title_words))
    extra = [w for w in _with_variants(extra) if w in set(extra) or w not in known]
    preview_variants = [w for w in _with_variants(preview_words) if w not in known]
    entry = {"location": first["location"].split("#")[0], "title": first["title"],
             "text": html.escape(card.preview, quote=False)}
    if alias_field:
        entry["aliases"] = html.escape(" ".join(alias_field), quote=False)
    if extra or preview_variants:
        entry["words"] = html.escape(" ".join(extra + preview_variants), quote=False)
    for key in ("tags", "boost"):
        if key in first:
            entry[key] = first[key]
    return entry


def compact(
    index: dict[str, Any],
    previews: Mapping[str, Card | str],
    listings: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """A smaller index that finds the same pages for every word, and weighs where a word
    stands (title, alias, preview, elsewhere) instead of how often.

    `previews` maps a page location (e.g. `questions/x/`) to its Card (or preview text);
    those pages become one entry each. `listings` maps a listing page's location to the text
    that replaces its own; its sections keep their titles only. Entries of tag listings
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

"""Machine-readable exports of the question bank. Pure functions: no I/O, no MkDocs.

`practice_export` builds `api/v1/questions.json`, the file the practice pages read and a
public, versioned export documented in docs/data.md: the questions, their topics, and the
study tracks with the time each question takes to study (the plan in the browser reads it).
The caller supplies what depends on the site engine: a Markdown renderer and the URL of
every page.

Versioning: fields may be added within a schema version; renaming or removing one, or
changing its meaning, needs a new version published at a new path (api/v2/...).
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from scripts.bank.bank import Bank
from scripts.bank.tracks import (
    PRACTICE_MINUTES,
    READING_WORDS_PER_MINUTE,
    REVIEW_MINUTES,
    STAGE_TITLES,
    study_minutes,
)

SCHEMA_VERSION = 1
PRACTICE_EXPORT_PATH = f"api/v{SCHEMA_VERSION}/questions.json"
LICENSE = {
    "name": "CC BY-SA 4.0",
    "url": "https://creativecommons.org/licenses/by-sa/4.0/",
}

_URL_ATTR = re.compile(r'\b(href|src)="([^"]*)"')


def source_info(files: Iterable[tuple[str, bytes]]) -> dict[str, Any]:
    """Where an export comes from: the data files by name and one hash of their bytes,
    so that two exports of the same data are recognisably the same."""
    digest = hashlib.sha256()
    names = []
    for name, data in files:
        names.append(name)
        digest.update(name.encode("utf-8") + b"\0" + data + b"\0")
    return {"data": names, "sha256": digest.hexdigest()}


def site_relative_links(html: str, page_src: str, urls: Mapping[str, str]) -> str:
    """Rewrite the relative links of HTML rendered for the page `page_src` (a path in the
    docs folder, like questions/x.md) so that they are relative to the site root instead.

    A link to a Markdown page becomes that page's URL; a bare #anchor points into the
    page itself. Absolute URLs are left alone, and so is anything `urls` does not know.
    """
    page_url = urls.get(page_src, "")

    def rewrite(match: re.Match[str]) -> str:
        attr, value = match.groups()
        parts = urlsplit(value)
        if parts.scheme or parts.netloc or value.startswith("/"):
            return match.group(0)
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        if not parts.path:
            return f'{attr}="{page_url}{fragment}"'
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page_src), parts.path))
        if target not in urls:
            return match.group(0)
        return f'{attr}="{urls[target]}{fragment}"'

    return _URL_ATTR.sub(rewrite, html)


def practice_export(
    bank: Bank,
    *,
    render_markdown: Callable[[str], str],
    urls: Mapping[str, str],
    question_src: Callable[[str], str],
    topic_src: Callable[[str], str],
    track_src: Callable[[str], str],
    generated_from: Mapping[str, Any],
) -> dict[str, Any]:
    """The question bank as the practice pages need it.

    `render_markdown` turns a short answer into HTML the way the site does; `urls` maps each
    page's source path to its URL relative to the site root; `question_src`, `topic_src`
    and `track_src` give the source path of a question's, a topic's and a track's page.
    """
    vocabulary = bank.vocabulary
    topics = [
        {
            "id": t.id,
            "title": t.title,
            "section": vocabulary.area(t.area).section.value,
            "area": t.area,
            "url": urls[topic_src(t.id)],
        }
        for t in bank.topics()
    ]
    entries = []
    for q in bank:
        src = question_src(q.id)
        html = site_relative_links(render_markdown(q.short_answer).strip(), src, urls)
        entries.append({
            "id": q.id,
            "title": q.title,
            "section": q.section.value,
            "topic": {"id": q.topic, "title": vocabulary.topic(q.topic).title},
            "difficulty": q.difficulty.value,
            "tags": list(q.tags),
            "short_answer_html": html,
            "url": urls[src],
            "study_minutes": study_minutes(q),
        })
    tracks = [
        {
            "id": t.id,
            "title": t.title,
            "description": t.description,
            "url": urls[track_src(t.id)],
            "stages": [
                {"id": stage.value, "title": STAGE_TITLES[stage],
                 "questions": [i for i in ids if bank.question(i) is not None]}
                for stage, ids in t.stages()
            ],
        }
        for t in bank.tracks
    ]
    return {
        "schema_version": SCHEMA_VERSION,
        "generated_from": {**generated_from, "questions": len(entries)},
        "license": LICENSE,
        "study_time": {
            "reading_words_per_minute": READING_WORDS_PER_MINUTE,
            "practice_minutes": PRACTICE_MINUTES,
            "review_minutes": REVIEW_MINUTES,
        },
        "topics": topics,
        "questions": entries,
        "tracks": tracks,
    }


def to_json(export: Mapping[str, Any]) -> str:
    """Stable, compact JSON: the same data always gives the same bytes."""
    return json.dumps(export, ensure_ascii=False, separators=(",", ":")) + "\n"

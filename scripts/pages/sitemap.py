"""Every page the build generates from the bank, in one list: the MkDocs hooks add exactly
these, and the list of published addresses (data/published-urls.txt) is checked against
exactly these plus the hand-written pages, so the two can never disagree."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from scripts.bank.bank import Bank
from scripts.bank.models import Section
from scripts.pages import listings, question, tracks
from scripts.pages.contributing import contributing_page
from scripts.pages.links import Links
from scripts.pages.paths import (
    CONTRIBUTING_PAGE,
    TRACKS_PAGE,
    area_path,
    question_path,
    section_path,
    topic_path,
    track_path,
)


@dataclass(frozen=True)
class GeneratedPage:
    src: str  # path in the docs folder, e.g. questions/x.md
    kind: str  # question, topic, area, section, tracks, track, contributing
    render: Callable[[], str]  # the page's Markdown, made when asked
    in_nav: bool = False


def generated_pages(bank: Bank, links: Links, contributing_text: str) -> list[GeneratedPage]:
    """The pages of a bank, in a stable order. The printable guide is one more page, made by
    the downloads (it needs every other page's address)."""
    pages = [
        GeneratedPage(question_path(q.id), "question",
                      lambda q=q: question.question_page(bank, q, links))
        for q in bank
    ]
    pages += [GeneratedPage(topic_path(t.id), "topic",
                            lambda t=t: listings.topic_page(bank, t.id), in_nav=True)
              for t in bank.topics()]
    pages += [GeneratedPage(area_path(a.id), "area",
                            lambda a=a: listings.area_page(bank, a.id), in_nav=True)
              for a in bank.areas()]
    pages += [GeneratedPage(section_path(s), "section",
                            lambda s=s: listings.section_page(bank, s))
              for s in Section if bank.in_section(s)]
    # The index of tracks exists even for a bank without tracks: the home page links to it.
    pages.append(GeneratedPage(TRACKS_PAGE, "tracks", lambda: tracks.tracks_page(bank),
                               in_nav=True))
    pages += [GeneratedPage(track_path(t.id), "track",
                            lambda t=t: tracks.track_page(bank, t), in_nav=True)
              for t in bank.tracks]
    pages.append(GeneratedPage(CONTRIBUTING_PAGE, "contributing",
                               lambda: contributing_page(contributing_text, links), in_nav=True))
    return pages


# Generated outside `generated_pages`, by the downloads hook; listed here so that the
# published addresses cover them.
EXTRA_GENERATED = ("print.md",)

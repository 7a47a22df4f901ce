"""The sidebar: the study tracks, then each area opening to its topics, after the home page.
Question pages stay out of the navigation, so that no page embeds the whole bank and every
page's HTML stays the same size however large the bank grows."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from scripts.mkdocs_hooks import context
from scripts.pages.paths import TRACKS_PAGE, area_path, topic_path, track_path
from scripts.pages.text import escape_html


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    bank = context.bank()
    areas = [
        {escape_html(area.title): [
            area_path(area.id),
            *({escape_html(t.title): topic_path(t.id)} for t in bank.topics_of(area.id)),
        ]}
        for area in bank.areas()
    ]
    tracks = [{"Study tracks": [
        TRACKS_PAGE, *({escape_html(t.title): track_path(t.id)} for t in bank.tracks),
    ]}]
    nav = list(config.nav or [])
    config.nav = nav[:1] + tracks + areas + nav[1:]
    return config

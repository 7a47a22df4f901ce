"""Every page names the guide's search worker in Material's config, with Material's own
worker as its parameter; nothing else of the config changes."""

from __future__ import annotations

import json
import re

from scripts.search.worker_config import with_guide_worker

PAGE = ('<p>x</p><script id="__config" type="application/json">{"base": "../..", '
        '"search": "../../assets/javascripts/workers/search.a7633da7.min.js", '
        '"translations": {"search.result.none": "No <b>matching</b> documents"}}</script>'
        '<script src="../../assets/javascripts/bundle.js"></script>')


def config_of(html: str) -> dict:
    return json.loads(re.search(r'id="__config" type="application/json">(.*?)</script>',
                                html, re.S).group(1))


def test_the_config_names_the_guide_worker_and_material_s() -> None:
    config = config_of(with_guide_worker(PAGE))
    assert config["search"] == ("../../assets/javascripts/search/worker.js"
                                "?material=../workers/search.a7633da7.min.js")
    assert config["base"] == "../.." and config["translations"]["search.result.none"] == \
        "No <b>matching</b> documents"


def test_the_rest_of_the_page_is_unchanged_and_the_json_cannot_end_its_script() -> None:
    out = with_guide_worker(PAGE)
    assert out.startswith("<p>x</p>") and out.endswith('bundle.js"></script>')
    json_text = re.search(r'application/json">(.*?)</script>', out, re.S).group(1)
    assert "<" not in json_text and "\\u003cb\\u003e" in json_text


def test_a_page_without_a_material_worker_is_left_as_it_is() -> None:
    assert with_guide_worker("<p>no config</p>") == "<p>no config</p>"
    other = PAGE.replace("workers/search.a7633da7.min.js", "elsewhere.js")
    assert with_guide_worker(other) == other

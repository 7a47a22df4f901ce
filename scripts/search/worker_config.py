"""Point Material's search at the site's worker (docs/assets/javascripts/search/worker.js),
which rewrites a reader's query before Material's own worker answers it: Material reads the
worker's address from the page's `__config` JSON, so each page's copy is changed at build
time, and the address of Material's worker travels along as the `material` parameter."""

from __future__ import annotations

import json
import re

WORKER = "search/worker.js"
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
_MATERIAL_WORKER = re.compile(r"^(?P<base>.*/)workers/(?P<file>search\.[0-9a-f]+\.min\.js)$")


def with_guide_worker(html: str) -> str:
    """`html` with its Material config naming the guide's search worker; unchanged when the
    page has no config or the config names no Material worker."""
    match = _CONFIG.search(html)
    if not match:
        return html
    config = json.loads(match.group(2))
    worker = _MATERIAL_WORKER.match(str(config.get("search", "")))
    if not worker:
        return html
    config["search"] = f"{worker['base']}{WORKER}?material=../workers/{worker['file']}"
    # As Jinja's tojson writes it: <, >, & and ' escaped, so the JSON cannot end the script.
    text = (json.dumps(config, separators=(",", ": "))
            .replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("&", "\\u0026").replace("'", "\\u0027"))
    return html[:match.start(2)] + text + html[match.end(2):]

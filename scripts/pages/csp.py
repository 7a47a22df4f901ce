"""The site's Content-Security-Policy, given the hashes of a page's inline scripts."""

from __future__ import annotations

# Everything from the site itself ('self'), nothing from anywhere else. Images may also be
# data: URLs (Material's stylesheets draw icons with them). No 'unsafe-inline' and no
# 'unsafe-eval' for scripts: an inline event handler or a javascript: URL cannot run.
DIRECTIVES = (
    ("default-src", "'none'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("media-src", "'self'"),
    ("base-uri", "'self'"),
    ("form-action", "'none'"),
    ("object-src", "'none'"),
    ("frame-src", "'none'"),
)


def policy(script_hashes: list[str]) -> str:
    parts = []
    for name, value in DIRECTIVES:
        if name == "script-src" and script_hashes:
            value = " ".join([value, *script_hashes])
        parts.append(f"{name} {value}")
    return "; ".join(parts)

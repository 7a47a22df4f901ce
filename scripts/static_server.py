"""Serve a built site on loopback the way GitHub Pages does: gzip for text, 404.html for
missing pages, and the site under the path of its `site_url` (a project site lives at
/REPO/, and the 404 page links to its assets by that absolute path). Used by the browser
tests, Lighthouse and the benchmarks.

    python scripts/static_server.py [SITE_DIR] [--port 8001] [--base-path /REPO/]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import yaml

if __package__ in (None, ""):  # run as a file: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.paths import ROOT

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".map"}


def site_base_path(config: Path = ROOT / "mkdocs.yml") -> str:
    """The path part of `site_url` in mkdocs.yml ("/" when it has none): where GitHub Pages
    serves the site."""
    # Read as plain text data: mkdocs.yml uses no custom YAML tags.
    site_url = yaml.safe_load(config.read_text(encoding="utf-8")).get("site_url") or "/"
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """A static handler with gzip and a custom 404 page, nothing else."""

    base_path = "/"

    def log_message(self, format: str, *args) -> None:  # quiet: tests read their own logs
        pass

    def translate_path(self, path: str) -> str:
        if path.startswith(self.base_path):
            path = "/" + path[len(self.base_path):]
        elif path.split("?")[0] + "/" == self.base_path:
            path = "/"  # the site's root without its slash: send_head redirects
        return super().translate_path(path)

    def send_head(self):
        url_path = self.path.split("?")[0].split("#")[0]
        if not (url_path + "/").startswith(self.base_path):
            return self._not_found()  # outside the site, as on a project's Pages URL
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # redirect to the slash URL
            path = path / "index.html"
        if not path.is_file():
            return self._not_found()
        body = path.read_bytes()
        encoding = None
        if path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            encoding = "gzip"
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return _Body(body)

    def _not_found(self):
        page = Path(self.directory) / "404.html"
        body = page.read_bytes() if page.exists() else b"Not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *_: int) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


@contextlib.contextmanager
def serve(site_dir: Path, port: int = 0, base_path: str = "/") -> Iterator[str]:
    """Serve `site_dir` under `base_path` in a background thread; yields the site's URL
    (ends with /)."""
    base_path = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    handler_class = type("SiteHandler", (PagesHandler,), {"base_path": base_path})
    handler = functools.partial(handler_class, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{base_path}"
    finally:
        server.shutdown()
        server.server_close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path, default=Path("site"))
    parser.add_argument("--port", type=int, default=8001)
    parser.add_argument("--base-path", default=None,
                        help="URL path of the site (default: the path of site_url)")
    args = parser.parse_args()
    base_path = args.base_path if args.base_path is not None else site_base_path()
    with serve(args.site, args.port, base_path) as url:
        print(f"Serving {args.site} at {url} (Ctrl+C to stop)")
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())

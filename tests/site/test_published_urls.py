"""Published addresses never break: every listed address is served by the built site (as a
page or a redirect), and every page the site publishes is listed."""

from __future__ import annotations

from pathlib import Path

from scripts import published_urls


def test_every_published_page_is_listed() -> None:
    listed = set(published_urls.listed_urls())
    missing = [u for u in published_urls.current_urls() if u not in listed]
    assert missing == [], "run `make urls` to record the new pages"


def test_no_listed_address_disappears(site: Path) -> None:
    listed = published_urls.listed_urls()
    assert any(u.startswith("questions/") for u in listed)
    assert published_urls.unresolved(site, listed) == [], (
        "a published address is gone: add a redirect in mkdocs.yml (redirect_maps)"
    )


def test_a_renamed_page_without_redirect_is_caught(tmp_path: Path) -> None:
    (tmp_path / "questions" / "new-id").mkdir(parents=True)
    (tmp_path / "questions" / "new-id" / "index.html").write_text("page")
    assert published_urls.unresolved(tmp_path, ["questions/old-id/", "questions/new-id/"]) \
        == ["questions/old-id/"]


def test_urls_follow_mkdocs_directory_urls() -> None:
    assert published_urls.page_url("index.md") == ""
    assert published_urls.page_url("questions/roc-curve.md") == "questions/roc-curve/"
    assert published_urls.page_url("guide/index.md") == "guide/"

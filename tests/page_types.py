"""The page types every quality gate checks: one list, in one place.

Accessibility (axe, both palettes), Lighthouse, the clean-load browser check and the
site-wholeness check all iterate over PAGE_TYPES. A new kind of page joins every gate by
adding one line here.
"""

from __future__ import annotations

from dataclasses import dataclass

# The bank has (at least) this many questions; a gate never judges a smaller site.
MIN_QUESTIONS = 30
# The question whose search and page the browser tests use.
ROC_QUESTION = "roc-curve"
# The question with the most formulas (tests/site/test_site_content.py checks it still is),
# and a question whose page has none: Lighthouse audits both.
MATH_QUESTION = "backpropagation-two-layer-network"
NO_MATH_QUESTION = "data-leakage"


@dataclass(frozen=True)
class PageType:
    name: str
    # URL relative to the site's root URL, as a reader reaches the page.
    url: str
    # The built file that must exist for this page type to be tested at all.
    file: str
    # The HTTP status a reader gets at `url`.
    status: int = 200
    # A CSS selector present once the page is in the state to test (after scripts ran).
    ready: str | None = None
    # Where Lighthouse audits the page, when that differs from `url` (see the 404 entry).
    audit_url: str | None = None
    # False only for a page whose template Lighthouse already audits through another entry,
    # or which it cannot audit in reasonable time; each such entry says why.
    lighthouse: bool = True
    # axe rules left out in the dark palette only, for a page whose size makes them slow
    # and whose colours every other page type already checks dark; each such entry says why.
    axe_rules_off_in_dark: tuple[str, ...] = ()

    @property
    def lighthouse_url(self) -> str:
        return self.audit_url if self.audit_url is not None else self.url


PAGE_TYPES: tuple[PageType, ...] = (
    PageType("home", "", "index.html"),
    PageType("topic-index", "topics/evaluation/", "topics/evaluation/index.html"),
    PageType("area-index", "areas/ml-foundations/", "areas/ml-foundations/index.html"),
    PageType("section-index", "sections/technical/", "sections/technical/index.html"),
    PageType("question", f"questions/{ROC_QUESTION}/",
             f"questions/{ROC_QUESTION}/index.html"),
    PageType("question-math", f"questions/{MATH_QUESTION}/",
             f"questions/{MATH_QUESTION}/index.html"),
    PageType("question-no-math", f"questions/{NO_MATH_QUESTION}/",
             f"questions/{NO_MATH_QUESTION}/index.html"),
    PageType("tags", "tags/", "tags/index.html"),
    PageType("about", "about/", "about/index.html"),
    # Material opens the search dialog with the query of a `?q=` URL.
    PageType("search-results", "?q=ROC", "index.html", ready=".md-search-result__item"),
    # A missing page gets the site's 404 page with status 404. Lighthouse's SEO category
    # fails any page served with a 4xx status by design, so it audits the same document at
    # its own address, where it is served with status 200.
    PageType("not-found", "this-page-does-not-exist/", "404.html", status=404,
             audit_url="404.html"),
    # Practice mode: the widgets fill the page from api/v1/questions.json.
    PageType("practice", "practice/", "practice/index.html",
             ready="[data-guide=flashcards] .guide-card"),
    PageType("mock-interview", "mock-interview/", "mock-interview/index.html",
             ready="[data-guide=mock-interview] button[type=submit]"),
    # Study tracks: the index, and a track's page once its plan form is in place.
    PageType("tracks", "tracks/", "tracks/index.html"),
    PageType("track", "tracks/ml-engineer/", "tracks/ml-engineer/index.html",
             ready="[data-guide=track-plan] form"),
    # Every question with every block open: axe reads all the contributed content here, in
    # both palettes. Lighthouse would take a minute and a half on this one page, whose
    # template it audits through the pages above, so it is left out of Lighthouse. Axe's
    # colour-contrast rule takes two minutes here per palette and grows with the bank; it
    # runs in the light palette here, and dark on every other page type (question pages
    # with every block open among them): contrast comes from the theme's colour for each
    # kind of element, never from what a contributor wrote.
    PageType("print", "print/", "print/index.html", lighthouse=False,
             axe_rules_off_in_dark=("color-contrast",)),
    # Hand-written pages of the About page's template: axe reads their own content (code in
    # links, tables); Lighthouse audits the template through "about".
    PageType("downloads", "downloads/", "downloads/index.html", lighthouse=False),
    PageType("data", "data/", "data/index.html", lighthouse=False),
    PageType("contributing", "contributing/", "contributing/index.html", lighthouse=False),
    PageType("answer-standard", "answer-standard/", "answer-standard/index.html",
             lighthouse=False),
)

LIGHTHOUSE_PAGE_TYPES = tuple(t for t in PAGE_TYPES if t.lighthouse)

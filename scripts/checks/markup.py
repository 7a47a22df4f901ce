"""What contributed Markdown may become, judged on the HTML a browser gets.

Each Markdown field is rendered with the site's own pipeline (scripts/pages/pipeline.py) and
the HTML is put through nh3, the Python binding of the Rust sanitiser ammonia, with the
allowlist below: the elements and attributes that safe Markdown produces, links that are
https with a host, another question's page or an anchor, and images that are the site's own
figures. If the sanitiser would change anything, the field is rejected, so nothing the
validator accepts differs from its sanitised form. The problems are explained by walking the
same HTML with the same policy (an element, an attribute, a link, an image); the sanitiser
remains the judge.

URLs are normalised the way browsers read them before their scheme is checked: character
references decoded, tabs and newlines removed, leading spaces and control characters
stripped, so `java&#x09;script:` and `java` + newline + `script:` are both `javascript:`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import nh3

from scripts.bank.models import Question
from scripts.checks.registry import question_rule
from scripts.paths import FIGURE_PREFIX

ALLOWED_TAGS = frozenset({
    "a", "abbr", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em", "h3", "h4",
    "h5", "h6", "hr", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "s", "small", "span",
    "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
})
ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "title", "class", "id", "name"}),
    "abbr": frozenset({"title"}),
    "img": frozenset({"src", "alt", "title"}),
    "ol": frozenset({"start"}),
    "th": frozenset({"style"}),
    "td": frozenset({"style"}),
    **{tag: frozenset({"id"}) for tag in ("h3", "h4", "h5", "h6", "li", "sup", "dt")},
    **{tag: frozenset({"class"}) for tag in ("span", "div", "code", "pre", "p", "kbd")},
}
# Ids the extensions give: heading slugs, footnotes, code line anchors.
_ID = re.compile(r"^(?:[a-z0-9][a-z0-9_-]{0,80}|fn:[\w-]{1,40}|fnref\d*:[\w-]{1,40}"
                 r"|__codelineno-\d+-\d+)$")
_NAME = re.compile(r"^__codelineno-\d+-\d+$")
# Ids the page itself uses: an answer must not take them over.
RESERVED_IDS = frozenset({
    "short-answer", "model-answer", "how-to-answer", "common-mistakes", "follow-up-questions",
    "references", "related-questions",
})
# The classes the site's Markdown extensions give each element (Pygments' token classes are
# one to three letters and a digit); any other class, written with an attribute list, is
# refused: Material and the guide's scripts attach behaviour and layout to classes.
_ADMONITIONS = ("note|abstract|summary|tldr|info|todo|tip|hint|important|success|check|done|"
                "question|help|faq|warning|caution|attention|failure|fail|missing|danger|"
                "error|bug|example|quote|cite")
_CLASSES = {
    "div": re.compile(rf"^(?:highlight|arithmatex|admonition|footnote|{_ADMONITIONS})$"),
    "span": re.compile(r"^(?:arithmatex|filename|hll|[a-z]{1,3}[0-9]?|key-[a-z0-9-]+)$"),
    "code": re.compile(r"^(?:highlight|language-[a-z0-9+-]+)$"),
    "pre": re.compile(r"^(?:highlight)$"),
    "p": re.compile(r"^admonition-title$"),
    "a": re.compile(r"^(?:headerlink|footnote-ref|footnote-backref)$"),
    "kbd": re.compile(r"^(?:key|key-[a-z0-9-]+)$"),
}
_STYLE = re.compile(r"^text-align: ?(?:left|right|center);?$")
_FIGURE_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.svg$")
_PAGE_LINK = re.compile(r"^(?:\.\./)?(?:[a-z0-9][a-z0-9-]*/)?[a-z0-9][a-z0-9-]*\.md"
                        r"(?:#[\w:.-]*)?$")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_C0_AND_SPACE = "".join(chr(c) for c in range(0x21))


def browser_url(value: str) -> str:
    """A URL attribute as a browser's URL parser reads it (WHATWG): tabs and newlines
    removed anywhere, leading and trailing C0 controls and spaces stripped. (Character
    references are already decoded by the HTML parser that read the attribute.)"""
    return re.sub(r"[\t\n\r]", "", value).strip(_C0_AND_SPACE)


def url_problem(value: str, *, relative_pages: bool = True) -> str | None:
    """Why a link target is not allowed, or None."""
    url = browser_url(value)
    if url.startswith("#"):
        return None
    if "\\" in url:
        return "a link may not contain a backslash"
    scheme = _SCHEME.match(url)
    if scheme:
        name = scheme.group(1).lower()
        if name != "https":
            if name == "http":
                return "links must use https://, not http://"
            return f"'{name}:' links are not allowed; link with https://"
        parts = urlsplit(url)
        if not parts.hostname or parts.username or parts.password:
            return "an https link needs a host (and no user name)"
        return None
    if url.startswith("//"):
        return "protocol-relative links (//host) are not allowed; write https://host"
    if relative_pages and _PAGE_LINK.match(url):
        return None
    return ("a link is https://..., an anchor (#...), or another question of the bank "
            "written as other-id.md")


def figure_problem(src: str, figures_dir: Path) -> str | None:
    example = f"![what the figure shows]({FIGURE_PREFIX}NAME.svg)"
    url = browser_url(src)
    if url.startswith(FIGURE_PREFIX):
        name = url[len(FIGURE_PREFIX):]
        if not _FIGURE_NAME.match(name):
            return (f"figure file names are lowercase words joined by hyphens, ending in .svg: "
                    f"{example}")
        if not (figures_dir / name).is_file():
            return (f"no figure '{name}' in docs/assets/figures/: figures are drawn by "
                    "scripts/figures/ (see CONTRIBUTING.md, 'A figure')")
        return None
    if _SCHEME.match(url) or url.startswith("//"):
        return ("images from other sites are not allowed (the site loads nothing from other "
                f"hosts): add the figure to scripts/figures/ and write {example}")
    if "assets/figures/" in url:
        return (f"write the path as {FIGURE_PREFIX}{url.rsplit('/', 1)[-1]}: it is relative to "
                "the page's source, questions/<id>.md")
    return f"an image must be one of the site's figures, written {example}"


def attribute_problem(tag: str, name: str, value: str, figures_dir: Path) -> str | None:
    """Why an attribute (allowed on this element) has a value that is not, or None."""
    if name == "href":
        return url_problem(value)
    if name == "src":
        return figure_problem(value, figures_dir)
    if name == "alt":
        return None if value.strip() else ("an image needs alt text that says what the figure "
                                           "shows")
    if name == "id":
        if value in RESERVED_IDS:
            return f"the id '{value}' belongs to the page's own blocks"
        return None if _ID.match(value) else f"the id '{value[:40]}' is not allowed"
    if name == "name":
        return None if _NAME.match(value) else "the name attribute is not allowed here"
    if name == "class":
        allowed = _CLASSES.get(tag)
        bad = [c for c in value.split() if allowed is None or not allowed.match(c)]
        return (f"the class '{bad[0][:40]}' is not allowed on <{tag}> (classes belong to the "
                "site's own markup)") if bad else None
    if name == "style":
        return None if _STYLE.match(value.strip()) else "style attributes are not allowed"
    if name == "start":
        return None if value.isdigit() else "an ordered list starts at a number"
    return None


class _Tokens(HTMLParser):
    """HTML as a comparable list of tokens: tags with sorted attributes, and text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[tuple] = []
        self.elements: list[tuple[str, list[tuple[str, str]]]] = []
        self.other: list[str] = []  # comments, declarations, processing instructions

    def handle_starttag(self, tag, attrs):
        attrs = [(k, v or "") for k, v in attrs]
        self.elements.append((tag, attrs))
        # Style values compare as their declarations: "text-align: left;" is "text-align:left".
        canonical = [(k, re.sub(r"\s+|;$", "", v) if k == "style" else v) for k, v in attrs]
        self.tokens.append(("<", tag, tuple(sorted(canonical))))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        self.tokens.append((">", tag))

    def handle_data(self, data):
        if data.strip():
            self.tokens.append(("text", " ".join(data.split())))

    def handle_comment(self, data):
        self.other.append("<!--")

    def handle_decl(self, decl):
        self.other.append("<!")

    def handle_pi(self, data):
        self.other.append("<?")

    def unknown_decl(self, data):
        self.other.append("<![")


def _tokens(rendered: str) -> _Tokens:
    parser = _Tokens()
    parser.feed(rendered)
    parser.close()
    return parser


def sanitised(rendered: str, figures_dir: Path) -> str:
    """What nh3 keeps of `rendered` under the allowlist."""
    def keep(tag: str, name: str, value: str) -> str | None:
        if attribute_problem(tag, name, value, figures_dir) is None:
            return value
        return None

    return nh3.clean(
        rendered, tags=set(ALLOWED_TAGS), attributes={t: set(a) for t, a in ATTRIBUTES.items()},
        attribute_filter=keep, strip_comments=True, link_rel=None,
        url_schemes={"https"}, filter_style_properties={"text-align"},
    )


def _needles(name: str, value: str) -> tuple[str, ...]:
    """Text to look for in the source to place a problem with an attribute value: the value
    as written, its first word (the decoded value may be spelt with entities or broken over
    lines in the source), then the Markdown that makes such an attribute."""
    word = re.match(r"[\w:/.#-]{3,}", browser_url(value))
    starts = {"href": ("](", "<"), "src": ("![", "<img"), "alt": ("![", "<img"),
              "id": ("{", "#"),
              "class": ("{", "."), "style": ("{",)}.get(name, ())
    return tuple(x for x in (value[:16], word.group(0)[:10] if word else "", *starts)
                 if x.strip())


def html_problems(rendered: str, figures_dir: Path) -> list[tuple[str, tuple[str, ...] | None]]:
    """(message, needle) for each thing the sanitiser would remove from `rendered`."""
    found: list[tuple[str, str | None]] = []
    parsed = _tokens(rendered)
    for marker in parsed.other:
        found.append(("HTML comments, declarations and processing instructions are not "
                      "allowed", (marker, "<")))
    for tag, attrs in parsed.elements:
        if tag in {"h1", "h2"}:
            continue  # H002 says what to write instead
        if tag not in ALLOWED_TAGS:
            # A details block comes from a "///" line (pymdownx.blocks): point there.
            origin = ("///",) if tag in {"details", "summary"} else ()
            found.append((f"the HTML element <{tag}> is not allowed in contributed text (write "
                          "Markdown; put code in backticks)", (f"<{tag}", *origin, tag)))
            continue
        allowed = ATTRIBUTES.get(tag, frozenset())
        for name, value in attrs:
            if name not in allowed:
                kind = ("event-handler attributes (on...=) are" if name.startswith("on")
                        else f"the attribute '{name[:30]}' is")
                found.append((f"{kind} not allowed on <{tag}>",
                              (f"{name}=", value[:16], f"{name} ", name)))
            elif problem := attribute_problem(tag, name, value, figures_dir):
                found.append((problem, _needles(name, value)))
        if tag == "img" and not any(name == "alt" for name, _ in attrs):
            found.append(("an image needs alt text that says what the figure shows",
                          ("![", "<img")))
    if not found and not re.search(r"<h[12][\s>]", rendered) and \
            _tokens(sanitised(rendered, figures_dir)).tokens != parsed.tokens:
        found.append(("the HTML sanitiser would change this field's HTML: write plain "
                      "Markdown", None))
    return found


@question_rule("H001", "Markdown that renders to HTML the sanitiser would change")
def safe_html(q: Question, ctx) -> Iterator[tuple]:
    for field in q.text_fields():
        if field.markdown:
            for message, needle in html_problems(ctx.html(field.text), ctx.figures_dir):
                yield field.path, message, needle


_PAGE_HEADING = re.compile(r"<h([12])[^>]*>(.*?)</h\1>", re.S)


@question_rule("H002", "a heading at level 1 or 2 (they belong to the page)")
def heading_levels(q: Question, ctx) -> Iterator[tuple]:
    for field in q.text_fields():
        if field.markdown:
            for level, inner in _PAGE_HEADING.findall(ctx.html(field.text)):
                inner = re.sub(r'<a class="headerlink".*?</a>', "", inner)
                words = html.unescape(re.sub(r"<[^>]+>", "", inner)).split()
                yield field.path, (f"a level-{level} heading: use ### or deeper; levels 1 and 2 "
                                   "belong to the page"), (" ".join(words[:4]), "#" * int(level))


@question_rule("H006", "a reference-link or footnote definition (write links inline)")
def no_definitions(q: Question, ctx) -> Iterator[tuple]:
    for field in q.text_fields():
        if field.markdown and ("[" in field.text):
            for label in ctx.definitions(field.text):
                yield field.path, (f"the definition {label[:40]} would apply to every field of "
                                   "the page: write the link inline, [text](https://...)"), \
                    (label, label.split("]")[0])

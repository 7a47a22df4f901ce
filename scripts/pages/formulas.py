"""Math typeset at build time. pymdownx.arithmatex leaves each formula's TeX in a
`.arithmatex` element (`\\( \\)` inline, `\\[ \\]` for display); this module replaces that TeX
by MathML from Temml, run by one Node process per build (scripts/typeset_math.js), so no
page needs math JavaScript. A formula that does not parse is a failure the caller reports
where it stands; it never reaches a page.

Temml writes a few presentational `style` attributes (`display: block math`, an accent's
`math-depth`, table padding). The site's Content-Security-Policy allows no inline style, so
each declaration becomes a class named after its hash, and `stylesheet()` writes the rules
for the classes a build used."""

from __future__ import annotations

import hashlib
import html as html_lib
import json
import re
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from scripts.paths import ROOT

SCRIPT = ROOT / "scripts" / "typeset_math.js"
TEMML_DIST = ROOT / "node_modules" / "temml" / "dist"

# What arithmatex writes (generic output): the TeX, HTML-escaped, between its delimiters.
_ARITHMATEX = re.compile(
    r'<(span|div) class="arithmatex">\s*\\([(\[])(.*?)\\([)\]])\s*</\1>', re.S
)
_START_TAG = re.compile(r"<[a-z][a-z0-9]*\b[^<>]*>")
_STYLE_ATTR = re.compile(r'\sstyle="([^"]*)"')
_CLASS_ATTR = re.compile(r'\sclass="([^"]*)"')
# MathML Core allows `scriptlevel` on every element; HTML's MathML (MathML 3, what the Nu
# Html Checker reads) only on <mstyle>. A token element with it is wrapped in an <mstyle>
# that carries it (the same rendering in every engine); any other element gets the CSS it
# stands for, as a class.
_TOKEN_SCRIPTLEVEL = re.compile(
    r'<(mi|mo|mn|mtext|ms)\b([^>]*?)\sscriptlevel="([^"]*)"([^>]*)>(.*?)</\1>', re.S)
_OTHER_SCRIPTLEVEL = re.compile(r'<(?!mstyle\b)([a-z]+)\b([^>]*?)\sscriptlevel="([^"]*)"')


class TypesetError(RuntimeError):
    """Node or the typesetting script could not run at all (not a formula's fault)."""


@dataclass(frozen=True)
class Formula:
    tex: str
    display: bool


@dataclass(frozen=True)
class Failure:
    formula: Formula
    error: str

    def describe(self) -> str:
        kind = "display formula" if self.formula.display else "formula"
        return f"{kind} {json.dumps(self.formula.tex, ensure_ascii=False)}: {self.error}"


def formulas_in(html: str) -> list[Formula]:
    """Every formula arithmatex left in some HTML, in order."""
    return [Formula(html_lib.unescape(m.group(3)).strip(), m.group(1) == "div")
            for m in _ARITHMATEX.finditer(html)]


def style_class(declarations: str) -> str:
    return "tml-s-" + hashlib.sha256(declarations.encode("utf-8")).hexdigest()[:10]


def _math_depth(level: str) -> str:
    level = level.strip()
    return f"math-depth:add({level.lstrip('+')});" if level[:1] in "+-" else f"math-depth:{level};"


def valid_scriptlevels(markup: str) -> str:
    """`scriptlevel` only where HTML allows it (see _TOKEN_SCRIPTLEVEL)."""
    markup = _TOKEN_SCRIPTLEVEL.sub(
        lambda m: f'<mstyle scriptlevel="{m.group(3)}"><{m.group(1)}{m.group(2)}{m.group(4)}>'
                  f"{m.group(5)}</{m.group(1)}></mstyle>", markup)
    return _OTHER_SCRIPTLEVEL.sub(
        lambda m: f'<{m.group(1)}{m.group(2)} style="{_math_depth(m.group(3))}"', markup)


# How many children MathML allows each scripted element: base, then script(s).
_ARITY = {"mover": 2, "munder": 2, "msub": 2, "msup": 2, "mfrac": 2, "mroot": 2,
          "munderover": 3, "msubsup": 3}
_SCRIPTED = re.compile("<(?:" + "|".join(_ARITY) + r")\b")


def valid_arity(markup: str) -> str:
    """Temml can give an accent more children than MathML allows: `\\widehat{\\operatorname
    {Cov}}` puts the operator's name, its function application and its space side by side
    under the hat, which browsers draw but HTML's MathML rejects. The leading children
    beyond the element's arity are its base, so they become one <mrow>."""
    if not _SCRIPTED.search(markup):
        return markup
    try:
        root = ElementTree.fromstring(markup)
    except ElementTree.ParseError:
        return markup
    changed = False
    for element in root.iter():
        arity = _ARITY.get(element.tag)
        if arity is not None and len(element) > arity:
            base = list(element)[:len(element) - arity + 1]
            row = ElementTree.Element("mrow")
            for child in base:
                element.remove(child)
                row.append(child)
            element.insert(0, row)
            changed = True
    if not changed:
        return markup
    return ElementTree.tostring(root, encoding="unicode", short_empty_elements=False)


def without_inline_styles(markup: str, rules: dict[str, str]) -> str:
    """Temml's markup with every `style="..."` turned into a class; `rules` collects the
    class names and their declarations."""
    def fix(match: re.Match[str]) -> str:
        tag = match.group(0)
        style = _STYLE_ATTR.search(tag)
        if style is None:
            return tag
        declarations = html_lib.unescape(style.group(1)).strip()
        name = style_class(declarations)
        rules[name] = declarations
        tag = tag[:style.start()] + tag[style.end():]
        existing = _CLASS_ATTR.search(tag)
        if existing is None:
            end = -2 if tag.endswith("/>") else -1
            return f'{tag[:end]} class="{name}"{tag[end:]}'
        classes = f"{existing.group(1)} {name}".strip()
        return f'{tag[:existing.start()]} class="{classes}"{tag[existing.end():]}'
    return _START_TAG.sub(fix, markup)


class Typesetter:
    """One Node process for the whole build, started on first use: each request is one JSON
    line (a list of formulas) and each answer one line, in order. Every formula is typeset
    once per process (a cache), and the `style` rules of everything typeset are kept for
    `stylesheet()`."""

    def __init__(self, command: Sequence[str] | None = None):
        self._command = list(command) if command else None
        self._process: subprocess.Popen[str] | None = None
        self._cache: dict[Formula, str | Failure] = {}
        self._lock = threading.Lock()
        self.rules: dict[str, str] = {}
        self.requests = 0

    def _start(self) -> subprocess.Popen[str]:
        if self._process is None or self._process.poll() is not None:
            node = shutil.which("node")
            if node is None:
                raise TypesetError("Node.js is needed to typeset the math: install it, then "
                                   "`npm ci` (make build does)")
            if not (TEMML_DIST / "temml.cjs").exists():
                raise TypesetError(f"Temml is missing from {TEMML_DIST}: run `npm ci` "
                                   "(make build does)")
            self._process = subprocess.Popen(
                self._command or [node, str(SCRIPT)], cwd=ROOT, text=True, encoding="utf-8",
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            )
        return self._process

    def _request(self, formulas: list[Formula]) -> list[dict[str, str]]:
        process = self._start()
        assert process.stdin is not None and process.stdout is not None
        items = [{"tex": f.tex, "display": f.display} for f in formulas]
        try:
            process.stdin.write(json.dumps(items, ensure_ascii=False) + "\n")
            process.stdin.flush()
            line = process.stdout.readline()
        except (BrokenPipeError, OSError) as err:
            raise TypesetError(f"the math typesetter stopped: {err}{self._stderr()}") from None
        self.requests += 1
        if not line:
            raise TypesetError(f"the math typesetter stopped{self._stderr()}")
        answers = json.loads(line)
        if not isinstance(answers, list) or len(answers) != len(formulas):
            raise TypesetError(f"the math typesetter answered {line[:200]!r}")
        return answers

    def _stderr(self) -> str:
        if self._process is None or self._process.poll() is None:
            return ""
        assert self._process.stderr is not None
        return ": " + self._process.stderr.read()[-2000:]

    def typeset(self, formulas: Iterable[Formula]) -> list[str | Failure]:
        """Each formula's markup, or its failure, in order."""
        formulas = list(formulas)
        with self._lock:
            missing = list(dict.fromkeys(f for f in formulas if f not in self._cache))
            if missing:
                for formula, answer in zip(missing, self._request(missing), strict=True):
                    if "html" in answer:
                        self._cache[formula] = without_inline_styles(
                            valid_arity(valid_scriptlevels(answer["html"])), self.rules)
                    else:
                        self._cache[formula] = Failure(formula, str(answer.get("error")))
            return [self._cache[f] for f in formulas]

    def close(self) -> None:
        with self._lock:
            if self._process is not None:
                if self._process.stdin is not None:
                    self._process.stdin.close()
                try:
                    self._process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self._process.kill()
                    self._process.wait()
                for stream in (self._process.stdout, self._process.stderr):
                    if stream is not None:
                        stream.close()
                self._process = None


def typeset_html(html: str, typeset: Callable[[Iterable[Formula]], list[str | Failure]]
                 ) -> tuple[str, list[Failure]]:
    """The HTML with every formula typeset, and the formulas that failed (left as they
    were; the caller fails the build)."""
    matches = list(_ARITHMATEX.finditer(html))
    if not matches:
        return html, []
    results = typeset(Formula(html_lib.unescape(m.group(3)).strip(), m.group(1) == "div")
                      for m in matches)
    failures = [r for r in results if isinstance(r, Failure)]
    if failures:
        return html, failures
    out, last = [], 0
    for match, markup in zip(matches, results, strict=True):
        out.append(html[last:match.start()])
        # A display formula scrolls sideways when it is wider than the screen: keyboard
        # users reach it with Tab and scroll it with the arrow keys (axe:
        # scrollable-region-focusable), as Material does for code blocks.
        focus = ' tabindex="0"' if match.group(1) == "div" else ""
        out.append(f'<{match.group(1)} class="arithmatex"{focus}>{markup}</{match.group(1)}>')
        last = match.end()
    out.append(html[last:])
    return "".join(out), []


def stylesheet(rules: dict[str, str]) -> str:
    """Temml's own stylesheet (its system-font variant) and one rule per class that stands
    for an inline style."""
    base = (TEMML_DIST / "Temml-Local.css").read_text(encoding="utf-8")
    generated = "".join(f".{name}{{{declarations}}}\n"
                        for name, declarations in sorted(rules.items()))
    return (base.rstrip() + "\n\n/* Temml's inline styles, as classes (the CSP allows no "
            "inline style): scripts/pages/formulas.py */\n" + generated)


def font_file() -> Path:
    return TEMML_DIST / "Temml.woff2"

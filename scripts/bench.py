"""Benchmarks: our pipeline against the same pages as a plain Material site.

For each bank size N a synthetic bank (scripts/synthetic.py) is built twice, in the same run:
by our pipeline (mkdocs.yml with its hooks), and as a plain Material site whose docs folder
holds the rendered Markdown of every page as real files, with the same theme settings and
Markdown extensions, no hooks, no macros and MkDocs' default navigation listing every page
(what a user would otherwise write by hand). Builds alternate between the two, each in a fresh
process, timed on the wall clock, with the process's peak resident memory from wait4().
Lighthouse (mobile, the site served gzipped on loopback) runs on every page type of the real
N=30 site. Results go to benchmarks/results.json and benchmarks/README.md.

    python scripts/bench.py            # the full run (N = 30, 300, 1000, 3000)
    python scripts/bench.py --quick    # smoke run: N = 30 and 300, fewer runs, one Lighthouse pass
    python scripts/bench.py --report   # rewrite benchmarks/README.md from results.json
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gzip
import hashlib
import html
import importlib.metadata
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts import synthetic  # noqa: E402

BENCH = ROOT / "benchmarks"
WORK = BENCH / "work"
RESULTS = BENCH / "results.json"
REPORT = BENCH / "README.md"
PY = sys.executable
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"

# Runs per size: (ours, plain). On a shared 2-core machine a full run must fit in about an
# hour: a plain build of 3,000 pages embeds a 3,000-link navigation in every page (quadratic
# time, gigabytes of HTML), so the largest sizes run fewer times.
FULL_RUNS = {30: (5, 5), 300: (3, 3), 1000: (2, 2), 3000: (1, 1)}
QUICK_RUNS = {30: (2, 2), 300: (1, 1)}

TARGETS = {
    "html_growth": 1.2,        # median question page, N=3000 over N=30
    "build_ratio": 1.15,       # ours / plain build time
    "index_per_question": 2048,  # bytes of search index per question
    "performance": 100,
    "fcp_ms": 1200,
}


# --- the plain Material site ------------------------------------------------------------

class _MacroEnv:
    """Just enough of mkdocs-macros' env for scripts/site_macros.define_env."""

    def __init__(self) -> None:
        self.variables: dict[str, Any] = {}

    def macro(self, fn):
        self.variables[fn.__name__] = fn
        return fn


@contextlib.contextmanager
def _bank_env(bank: Path) -> Iterator[None]:
    old = os.environ.get("GUIDE_DATA")
    os.environ["GUIDE_DATA"] = str(bank)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("GUIDE_DATA", None)
        else:
            os.environ["GUIDE_DATA"] = old


def _render_macros(text: str) -> str:
    """A hand-written page with its Jinja evaluated, as mkdocs-macros would."""
    import jinja2

    from scripts import site_macros

    env = _MacroEnv()
    site_macros.define_env(env)
    # mkdocs-macros also offers the site's configuration as `config`.
    env.variables["config"] = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    text = re.sub(r"(?m)^render_macros: true\n", "", text)
    return jinja2.Environment(undefined=jinja2.StrictUndefined).from_string(text).render(
        **env.variables
    )


def published(bank: Path) -> tuple[Any, ...]:
    """The questions a build of `bank` publishes (loaded once per process)."""
    from scripts import hooks

    with _bank_env(bank):
        return hooks.bank()


def _pipeline_files(bank: Path):
    """The files our pipeline builds from a bank: docs/ plus what the hooks generate."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    from scripts import hooks

    with _bank_env(bank), open(os.devnull, "w") as null, contextlib.redirect_stderr(null):
        config = load_config(str(ROOT / "mkdocs.yml"))
        config.plugins._current_plugin = "hooks"  # as MkDocs sets it while running an event
        return hooks.on_files(get_files(config), config)


def write_plain_site(bank: Path, dest: Path) -> Path:
    """A plain Material project holding our pages as static Markdown; returns its config.

    Every file the hooks generate (question, topic and section pages, and whatever else they
    add: KaTeX, exports) is written out as a real file; the hand-written pages are copied
    with their macros evaluated. The config is ours without hooks, macros, redirects, theme
    overrides and navigation, so MkDocs lists every page in its default navigation."""
    if dest.exists():
        shutil.rmtree(dest)
    docs = dest / "docs"
    shutil.copytree(ROOT / "docs", docs)
    with _bank_env(bank):
        for md in sorted(docs.glob("*.md")):
            if "render_macros: true" in md.read_text(encoding="utf-8"):
                md.write_text(_render_macros(md.read_text(encoding="utf-8")), encoding="utf-8")
    for file in _pipeline_files(bank):
        if file.generated_by is not None:
            target = docs / file.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.content_bytes)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    for key in ("hooks", "nav", "not_in_nav"):
        config.pop(key, None)
    config["theme"].pop("custom_dir", None)
    config["plugins"] = ["search", "tags"]
    config["docs_dir"] = "docs"
    path = dest / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True),
                    encoding="utf-8")
    return path


def pipeline_pages(bank: Path) -> set[str]:
    """The Markdown pages our pipeline builds for a bank (docs/ plus generated), no build."""
    return {f.src_uri for f in _pipeline_files(bank).documentation_pages()}


def plain_pages(config: Path) -> set[str]:
    docs = config.parent / "docs"
    return {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}


# --- measuring ---------------------------------------------------------------------------

class OutOfTime(Exception):
    """A build stopped because the run's time budget (--budget-minutes) ran out."""

    def __init__(self, seconds: float):
        super().__init__(f"stopped after {seconds:.0f} s")
        self.seconds = seconds


DEADLINE: list[float] = []  # time.monotonic() by which the run must end, if any


# Linux counts a process's peak memory from before its exec: a build forked from this
# (large) process would report this process's size when its own is smaller. A small launcher
# starts the build and reports the build's own resource use.
LAUNCHER = """
import json, os, sys
pid = os.posix_spawnp(sys.argv[2], sys.argv[2:], os.environ)
_, status, use = os.wait4(pid, 0)
with open(sys.argv[1], "w") as out:
    json.dump({"maxrss_kib": use.ru_maxrss, "cpu": use.ru_utime + use.ru_stime}, out)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def timed(command: list[str], env: dict[str, str], log: Path) -> dict[str, float]:
    """Wall-clock and CPU seconds and peak RSS (bytes) of one fresh process, and the load
    average when it ended (other work on a shared machine slows the wall clock)."""
    usage = log.with_suffix(".rusage.json")
    usage.unlink(missing_ok=True)
    with log.open("w") as out:
        start = time.perf_counter()
        proc = subprocess.Popen([PY, "-c", LAUNCHER, str(usage), *command], cwd=ROOT, env=env,
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        timer = None
        if DEADLINE:
            timer = threading.Timer(max(1.0, DEADLINE[0] - time.monotonic()),
                                    lambda: os.killpg(proc.pid, signal.SIGKILL))
            timer.start()
        status = proc.wait()
        elapsed = time.perf_counter() - start
        if timer is not None:
            timer.cancel()
    if DEADLINE and time.monotonic() >= DEADLINE[0] - 0.5 and status != 0:
        raise OutOfTime(elapsed)
    if status != 0:
        raise RuntimeError(f"{' '.join(command)} failed; see {log}")
    use = json.loads(usage.read_text(encoding="utf-8"))
    return {"seconds": elapsed, "cpu_seconds": use["cpu"],
            "rss": use["maxrss_kib"] * 1024,  # ru_maxrss is in KiB on Linux
            "load": os.getloadavg()[0]}


def build_command(config: Path, site: Path) -> list[str]:
    return [PY, "-m", "mkdocs", "build", "--strict", "--clean", "--quiet",
            "-f", str(config), "-d", str(site)]


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def site_stats(site: Path) -> dict[str, Any]:
    html = [p for p in site.rglob("*.html") if p.name != "404.html"]
    questions = sorted((site / "questions").glob("*/index.html"))
    q_sizes = [p.stat().st_size for p in questions]
    median_q = sorted(questions, key=lambda p: p.stat().st_size)[len(questions) // 2]
    index = (site / "search" / "search_index.json").read_bytes()
    return {
        "pages": len(html),
        "html_bytes": sum(p.stat().st_size for p in html),
        "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        "question_html_median": int(statistics.median(q_sizes)),
        "question_html_median_gzip": _gz(median_q.read_bytes()),
        "home_html": (site / "index.html").stat().st_size,
        "search_index_bytes": len(index),
        "search_index_gzip": _gz(index),
        "search_docs": len(json.loads(index)["docs"]),
    }


def built_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("index.html")}


def measure_size(n: int, runs: tuple[int, int], source: Path | None,
                 anatomy: bool = False) -> dict[str, Any]:
    work = WORK / f"n{n}"
    work.mkdir(parents=True, exist_ok=True)
    bank = synthetic.write_bank(n, work / "bank.yml", source)
    plain_config = write_plain_site(bank, work / "plain")
    ours_pages, plain = pipeline_pages(bank), plain_pages(plain_config)
    if ours_pages != plain:
        raise RuntimeError(f"page sets differ: {sorted(ours_pages ^ plain)[:10]}")
    env = {**os.environ, "GUIDE_DATA": str(bank), "NO_MKDOCS_2_WARNING": "1",
           "PYTHONDONTWRITEBYTECODE": "1"}
    kinds = {
        "ours": build_command(ROOT / "mkdocs.yml", work / "ours-site"),
        "plain": build_command(plain_config, work / "plain-site"),
    }
    samples: dict[str, list[dict[str, float]]] = {"ours": [], "plain": []}
    wanted = dict(zip(("ours", "plain"), runs, strict=True))
    unfinished: dict[str, float] = {}
    for i in range(max(runs)):
        for kind, command in kinds.items():  # alternate, so drift hits both alike
            if i >= wanted[kind]:
                continue
            shutil.rmtree(work / f"{kind}-site", ignore_errors=True)
            try:
                sample = timed(command, env, work / f"{kind}-{i}.log")
            except OutOfTime as stop:
                if kind == "ours" or samples[kind]:
                    raise
                # The plain build did not finish within the budget: its time is at least this.
                unfinished[kind] = stop.seconds
                wanted[kind] = 0
                print(f"  N={n} {kind}: out of time after {stop.seconds:.0f} s",
                      file=sys.stderr, flush=True)
                continue
            samples[kind].append(sample)
            print(f"  N={n} {kind} run {i + 1}: {sample['seconds']:.1f} s "
                  f"({sample['cpu_seconds']:.1f} s CPU, load {sample['load']:.1f}), "
                  f"{sample['rss'] / 2**20:.0f} MiB", file=sys.stderr, flush=True)
    result: dict[str, Any] = {"n": n, "bank_bytes": bank.stat().st_size}
    # Validation alone (make build and CI run it before the build).
    with contextlib.suppress(OutOfTime):
        check = timed([PY, str(ROOT / "scripts" / "validate.py"), str(bank)], env,
                      work / "validate.log")
        result["validate_seconds"] = round(check["seconds"], 2)
        result["validate_cpu_seconds"] = round(check["cpu_seconds"], 2)
    for kind in kinds:
        runs_ = samples[kind]
        if not runs_:
            result[kind] = {"runs": 0, "unfinished_after_seconds": round(unfinished[kind])}
            continue
        result[kind] = {
            "runs": len(runs_),
            "seconds": [round(r["seconds"], 2) for r in runs_],
            "seconds_median": round(statistics.median(r["seconds"] for r in runs_), 2),
            "cpu_seconds_median": round(statistics.median(r["cpu_seconds"] for r in runs_), 2),
            "peak_rss_bytes": int(statistics.median(r["rss"] for r in runs_)),
            "load_average": [round(r["load"], 1) for r in runs_],
            **site_stats(work / f"{kind}-site"),
        }
    if samples["plain"] and built_pages(work / "ours-site") != built_pages(work / "plain-site"):
        raise RuntimeError(f"N={n}: the two builds hold different pages")
    result["searchable"] = searchable_check(bank, work / "ours-site")
    if anatomy:
        result["search_anatomy"] = search_anatomy(bank, work, env)
    return result


def _index_size(index: dict[str, Any], n: int) -> dict[str, Any]:
    def size(docs: list[dict[str, Any]]) -> int:
        return len(json.dumps(docs, separators=(",", ":"), ensure_ascii=False).encode())

    questions = [d for d in index["docs"] if d["location"].startswith("questions/")]
    data = json.dumps(index, separators=(",", ":"), ensure_ascii=False).encode()
    return {"bytes_per_question": round(len(data) / n),
            "question_entries_per_question": round(size(questions) / n),
            "gzip_per_question": round(_gz(data) / n),
            "entries": len(index["docs"])}


def search_anatomy(bank: Path, work: Path, env: dict[str, str]) -> dict[str, Any]:
    """The search index step by step, for one bank: Material's index of the pages with every
    layer indexed; with the layers render.py excludes; each of those two compacted."""
    from scripts import render, search_index
    from scripts.models import TOPICS

    questions = published(bank)
    n = len(questions)
    # Material's own index of every layer: the plain site without the exclusion attributes.
    full = work / "plain-all-layers"
    shutil.rmtree(full, ignore_errors=True)
    shutil.copytree(work / "plain", full)
    for md in (full / "docs" / "questions").glob("*.md"):
        text = md.read_text(encoding="utf-8")
        for marker in (", data-search-exclude: 'true'", ' { data-search-exclude="true" }',
                       ' data-search-exclude="true"'):
            text = text.replace(marker, "")
        md.write_text(text, encoding="utf-8")
    timed(build_command(full / "mkdocs.yml", full / "site"), env, work / "all-layers.log")

    def load(site: Path) -> dict[str, Any]:
        return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))

    previews = {f"questions/{q.id}/": render.summary(q.short_answer) for q in questions}
    listings = {f"topics/{t}/": info.description for t, info in TOPICS.items()}
    listings.update({f"sections/{s.value}/": d for s, d in render.SECTION_DESCRIPTIONS.items()})
    every_layer = load(full / "site")
    excluded = load(work / "plain-site")
    shutil.rmtree(full, ignore_errors=True)
    return {
        "n": n,
        "material_every_layer": _index_size(every_layer, n),
        "every_layer_compacted": _index_size(
            search_index.compact(every_layer, previews, listings), n),
        "material_answer_layers": _index_size(excluded, n),
        "ours": _index_size(load(work / "ours-site"), n),
    }


class _ElementText(HTMLParser):
    """The text inside the element with a given id, as Material's indexer joins it: inline
    markup (syntax-highlighting spans, links, emphasis) joins text without a break; the
    elements it keeps as markup in the index (paragraphs, lists, code) separate words."""

    BREAKS = frozenset(("p", "code", "pre", "li", "ol", "ul", "sub", "sup",
                        "h1", "h2", "h3", "h4", "h5", "h6"))

    def __init__(self, element_id: str):
        super().__init__(convert_charrefs=True)
        self.element_id, self.depth, self.parts = element_id, 0, []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.depth += tag not in VOID
            if tag in self.BREAKS:
                self.parts.append(" ")
        elif dict(attrs).get("id") == self.element_id:
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1
            if tag in self.BREAKS:
                self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)


VOID = frozenset(("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"))


def element_text(page: str, element_id: str) -> str:
    parser = _ElementText(element_id)
    parser.feed(page)
    return "".join(parser.parts)


def searchable_check(bank: Path, site: Path) -> dict[str, Any]:
    """Every word of every model answer, as the built page shows it, still finds its
    question in our search index, the way Material's search matches (lower case, query word
    as the prefix of an indexed word, stop words ignored)."""
    from scripts import search_index

    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    by_page: dict[str, list[str]] = {}
    for doc in index["docs"]:
        by_page.setdefault(doc["location"].split("#")[0], []).append(
            doc["title"] + " " + doc["text"] + " " + " ".join(doc.get("tags", [])))
    missing, words = [], 0
    for q in published(bank):
        found = search_index.TokenSet(html.escape(" ".join(by_page.get(f"questions/{q.id}/", []))))
        page = (site / "questions" / q.id / "index.html").read_text(encoding="utf-8")
        answer = element_text(page, "model-answer")
        for word in set(search_index.tokens(html.escape(answer))):
            words += 1
            if not found.finds(word):
                missing.append(f"{q.id}: {word}")
    return {"answer_words_checked": words, "not_found": len(missing), "examples": missing[:5]}


# --- Lighthouse ---------------------------------------------------------------------------

PAGE_TYPES = {"home": "", "topic": "topics/{topic}/", "section": "sections/{section}/",
              "question": "questions/{id}/", "tags": "tags/", "about": "about/"}


def lighthouse_sample(data: dict[str, Any]) -> dict[str, Any]:
    """The numbers the report shows, from one Lighthouse JSON report."""
    audits = data["audits"]
    return {
        "performance": round(data["categories"]["performance"]["score"] * 100),
        "accessibility": round(data["categories"]["accessibility"]["score"] * 100),
        "best_practices": round(data["categories"]["best-practices"]["score"] * 100),
        "seo": round(data["categories"]["seo"]["score"] * 100),
        "fcp_ms": round(audits["first-contentful-paint"]["numericValue"]),
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "transfer_bytes": round(audits["total-byte-weight"]["numericValue"]),
        "requests": len(audits["network-requests"]["details"]["items"]),
        # Lighthouse's own measure of this machine's speed (an idle desktop: 1,000 or more)
        "benchmark_index": round(data["environment"]["benchmarkIndex"]),
    }


def summarize(path: str, samples: list[dict[str, Any]]) -> dict[str, Any]:
    """Medians of the runs of one page, plus each run's score and FCP."""
    return {"path": "/" + path, "runs": len(samples),
            **{key: statistics.median(s[key] for s in samples) for key in samples[0]},
            "performance_runs": [s["performance"] for s in samples],
            "fcp_ms_runs": [s["fcp_ms"] for s in samples]}


def lighthouse(site: Path, bank: Path, runs: int) -> dict[str, Any]:
    from scripts.static_server import serve

    questions = published(bank)
    # The question page with the most HTML: the heaviest case.
    q = max(questions, key=lambda q: (site / "questions" / q.id / "index.html").stat().st_size)
    paths = {k: v.format(topic=q.topic.value, section=q.section.value, id=q.id)
             for k, v in PAGE_TYPES.items()}
    out_dir = WORK / "lighthouse"
    out_dir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "CHROME_PATH": CHROME}
    results: dict[str, Any] = {}
    with serve(site) as base:
        for kind, path in paths.items():
            samples = []
            for i in range(runs):
                report = out_dir / f"{kind}-{i}.json"
                subprocess.run(
                    [str(LIGHTHOUSE), base + path, "--quiet", "--output=json",
                     f"--output-path={report}", f"--chrome-flags={CHROME_FLAGS}",
                     "--only-categories=performance,accessibility,best-practices,seo"],
                    env=env, check=True, cwd=ROOT, timeout=300,
                )
                samples.append(lighthouse_sample(json.loads(report.read_text(encoding="utf-8"))))
            results[kind] = summarize(path, samples)
            print(f"  lighthouse {kind}: {results[kind]}", file=sys.stderr, flush=True)
    return results


# --- machine --------------------------------------------------------------------------------

def machine() -> dict[str, Any]:
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = 0
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = int(line.split()[1]) * 1024
    version = importlib.metadata.version

    def tool(command: list[str]) -> str:
        try:
            return subprocess.run(command, capture_output=True, text=True,
                                  timeout=60).stdout.strip().splitlines()[0]
        except (OSError, IndexError, subprocess.SubprocessError):
            return "unavailable"

    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_bytes": mem,
        "os": platform.platform(),
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "mkdocs_material": version("mkdocs-material"),
        "pymdown_extensions": version("pymdown-extensions"),
        "mkdocs_macros_plugin": version("mkdocs-macros-plugin"),
        "chromium": tool([CHROME, "--version"]),
        "node": tool(["node", "--version"]),
        "lighthouse": tool([str(LIGHTHOUSE), "--version"]),
    }


# --- report ---------------------------------------------------------------------------------

def _kb(n: float) -> str:
    return f"{n / 1024:,.1f} KB"


def _mb(n: float) -> str:
    return f"{n / 2**20:,.1f} MB"


def _fit_linear(points: list[tuple[int, float]]) -> tuple[float, float, float]:
    """Least-squares time = a + b*N, and the worst relative residual."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    mx, my = statistics.mean(xs), statistics.mean(ys)
    b = sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x in xs)
    a = my - b * mx
    worst = max(abs(y - (a + b * x)) / y for x, y in points)
    return a, b, worst


def verdicts(results: dict[str, Any]) -> dict[str, Any]:
    sizes = {r["n"]: r for r in results["sizes"]}
    out: dict[str, Any] = {}
    lo, hi = min(sizes), max(sizes)
    growth = sizes[hi]["ours"]["question_html_median"] / sizes[lo]["ours"]["question_html_median"]
    out["html_growth"] = {"value": round(growth, 3), "target": TARGETS["html_growth"],
                          "met": growth <= TARGETS["html_growth"], "sizes": [lo, hi]}
    ratios, cpu_ratios, bounds = {}, {}, {}
    for n, r in sizes.items():
        if r["plain"]["runs"]:
            ratios[n] = r["ours"]["seconds_median"] / r["plain"]["seconds_median"]
            cpu_ratios[n] = r["ours"]["cpu_seconds_median"] / r["plain"]["cpu_seconds_median"]
        else:  # the plain build ran out of time: the ratio is at most this
            bounds[n] = r["ours"]["seconds_median"] / r["plain"]["unfinished_after_seconds"]
    out["build_ratio"] = {"value": {n: round(v, 3) for n, v in ratios.items()},
                          "cpu_value": {n: round(v, 3) for n, v in cpu_ratios.items()},
                          "upper_bound": {n: round(v, 3) for n, v in bounds.items()},
                          "target": TARGETS["build_ratio"],
                          "met": all(v <= TARGETS["build_ratio"]
                                     for v in [*ratios.values(), *bounds.values()])}
    if len(sizes) >= 3:
        a, b, worst = _fit_linear([(n, r["ours"]["seconds_median"]) for n, r in sizes.items()])
        out["linear"] = {"intercept_s": round(a, 2), "ms_per_question": round(b * 1000, 2),
                         "worst_residual": round(worst, 3), "met": worst <= 0.15}
    per_q = {n: r["ours"]["search_index_bytes"] / n for n, r in sizes.items()}
    out["index_per_question"] = {
        "value": {n: round(v) for n, v in per_q.items()},
        "target": TARGETS["index_per_question"],
        "met": all(v <= TARGETS["index_per_question"] for v in per_q.values())
        and all(r["searchable"]["not_found"] == 0 for r in sizes.values()),
    }
    lh = results.get("lighthouse") or {}
    if lh.get("pages"):
        pages = lh["pages"]
        out["lighthouse"] = {
            "performance_min": min(p["performance"] for p in pages.values()),
            "fcp_max_ms": max(p["fcp_ms"] for p in pages.values()),
            "met": all(p["performance"] >= TARGETS["performance"]
                       and p["fcp_ms"] <= TARGETS["fcp_ms"] for p in pages.values()),
        }
    return out


def _met(flag: bool) -> str:
    return "met" if flag else "**missed**"


def report(results: dict[str, Any]) -> str:
    m = results["machine"]
    sizes = sorted(results["sizes"], key=lambda r: r["n"])
    v = verdicts(results)
    lines = [
        "# Benchmarks",
        "",
        "Generated by `scripts/bench.py` from [`results.json`](results.json); do not edit by "
        "hand. Run `make bench` (about "
        f"{results.get('duration_minutes', '?')} minutes here) or "
        "`python scripts/bench.py --quick` for a smoke run.",
        "",
        f"**Run:** {m['date']}{' (quick run)' if results.get('quick') else ''}. "
        f"**Machine:** {m['cpu']}, {m['cores']} cores, {_mb(m['memory_bytes'])[:-3]} MB RAM, "
        f"{m['os']}; Python {m['python']}, MkDocs {m['mkdocs']}, Material "
        f"{m['mkdocs_material']}, pymdown-extensions {m['pymdown_extensions']}, mkdocs-macros "
        f"{m['mkdocs_macros_plugin']}; {m['chromium']}; Node {m['node']}, Lighthouse "
        f"{m['lighthouse']}.",
        "",
        f"**Banks:** synthetic, generated by `scripts/synthetic.py` (seed {results['seed']}) "
        f"in the shape of `{results['source']}` ({results['source_questions']} complete "
        "questions): each synthetic question copies a real question's structure (headings, "
        "lists, tables, code, formulas, mistakes, follow-ups, references) with its prose "
        "words drawn from the real vocabulary at their real frequencies.",
        "",
        "**Plain site:** the same pages as static Markdown files (written by "
        "`scripts/bench.py`), built by Material with the same theme settings, Markdown "
        "extensions and search and tags plugins, no hooks, no macros and MkDocs' default "
        "navigation, which lists every page. Both builds are `mkdocs build --strict`, each in a "
        "fresh process, alternating; time is wall clock, memory the process's peak RSS "
        "(`wait4`). Medians; run counts in the table.",
        "",
        "## Targets",
        "",
        "| target | result | verdict |",
        "| --- | --- | --- |",
        f"| question page HTML flat: N={v['html_growth']['sizes'][1]} vs "
        f"N={v['html_growth']['sizes'][0]} at most 1.2× | {v['html_growth']['value']:.2f}× | "
        f"{_met(v['html_growth']['met'])} |",
        "| build time at most 1.15× the plain site's | wall clock "
        + ", ".join(
            [f"N={n}: {r:.2f}×" for n, r in v["build_ratio"]["value"].items()]
            + [f"N={n}: under {r:.2f}× (plain unfinished)"
               for n, r in v["build_ratio"]["upper_bound"].items()])
        + "; CPU time "
        + ", ".join(f"N={n}: {r:.2f}×" for n, r in v["build_ratio"]["cpu_value"].items())
        + f" | {_met(v['build_ratio']['met'])} |",
    ]
    if "linear" in v:
        lin = v["linear"]
        lines.append(
            f"| build time linear in N | {lin['intercept_s']:.1f} s + "
            f"{lin['ms_per_question']:.1f} ms × N; worst median off the line by "
            f"{lin['worst_residual']:.0%} | {_met(lin['met'])} |"
        )
    lines.append(
        "| search index at most 2 KB per question, answers searchable | "
        + ", ".join(f"N={n}: {b / 1024:.2f} KB ({b:,} bytes)"
                    for n, b in v["index_per_question"]["value"].items())
        + "; every model-answer word found: "
        + ("yes" if all(r["searchable"]["not_found"] == 0 for r in sizes) else "**no**")
        + f" | {_met(v['index_per_question']['met'])} |"
    )
    if "lighthouse" in v:
        lh = v["lighthouse"]
        lines.append(
            f"| Lighthouse performance 100, FCP at most 1.2 s | lowest score "
            f"{lh['performance_min']}, slowest FCP {lh['fcp_max_ms'] / 1000:.2f} s | "
            f"{_met(lh['met'])} |"
        )
    lines += [
        "",
        "## Build time and memory",
        "",
        "Wall clock is what the targets name; CPU time (user + system of the build process) "
        "is also shown because other work on this shared machine slowed the wall clock "
        "(load average at the end of each build in `results.json`).",
        "",
        "| N | ours: wall (runs) | plain: wall (runs) | ours / plain | ours CPU | plain CPU | "
        "CPU ours / plain | ours peak RSS | plain peak RSS | RSS ours / plain | "
        "`validate.py` alone (CPU) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in sizes:
        o, p = r["ours"], r["plain"]
        check = (f"{r['validate_seconds']:.1f} s ({r['validate_cpu_seconds']:.1f} s)"
                 if "validate_seconds" in r else "not run")
        if not p["runs"]:
            lines.append(
                f"| {r['n']:,} | {o['seconds_median']:.1f} s ({o['runs']}) | unfinished after "
                f"{p['unfinished_after_seconds']:,} s | under "
                f"{o['seconds_median'] / p['unfinished_after_seconds']:.2f}× | "
                f"{o['cpu_seconds_median']:.1f} s | – | – | {_mb(o['peak_rss_bytes'])} | – | – | "
                f"{check} |"
            )
            continue
        lines.append(
            f"| {r['n']:,} | {o['seconds_median']:.1f} s ({o['runs']}) | "
            f"{p['seconds_median']:.1f} s ({p['runs']}) | "
            f"{o['seconds_median'] / p['seconds_median']:.2f}× | "
            f"{o['cpu_seconds_median']:.1f} s | {p['cpu_seconds_median']:.1f} s | "
            f"{o['cpu_seconds_median'] / p['cpu_seconds_median']:.2f}× | "
            f"{_mb(o['peak_rss_bytes'])} | "
            f"{_mb(p['peak_rss_bytes'])} | {o['peak_rss_bytes'] / p['peak_rss_bytes']:.2f}× | "
            f"{check} |"
        )
    lines += [
        "",
        "## Page and site size",
        "",
        "| N | pages | ours: median question page (gzip) | plain: median question page (gzip) "
        "| ours: home page | plain: home page | ours: site | plain: site |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in sizes:
        o, p = r["ours"], r["plain"]
        if not p["runs"]:
            p = {k: float("nan") for k in ("question_html_median", "question_html_median_gzip",
                                           "home_html", "site_bytes", "search_index_bytes")}
            p.update(search_docs=0)
        lines.append(
            f"| {r['n']:,} | {o['pages']:,} | {_kb(o['question_html_median'])} "
            f"({_kb(o['question_html_median_gzip'])}) | {_kb(p['question_html_median'])} "
            f"({_kb(p['question_html_median_gzip'])}) | {_kb(o['home_html'])} | "
            f"{_kb(p['home_html'])} | {_mb(o['site_bytes'])} | {_mb(p['site_bytes'])} |"
        )
    lines += [
        "",
        "## Search index",
        "",
        "`search/search_index.json`. *Plain* is what Material writes for these pages; *ours* is "
        "the same index after `scripts/search_index.py` compacts it (see below). Per question "
        "= whole index / N.",
        "",
        "| N | plain | plain per question | ours | ours per question | ours gzip | "
        "entries plain → ours | model-answer words checked, not found |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in sizes:
        o, p, n = r["ours"], r["plain"], r["n"]
        if not p["runs"]:
            p = {"search_index_bytes": float("nan"), "search_docs": 0}
        lines.append(
            f"| {n:,} | {_mb(p['search_index_bytes'])} | {_kb(p['search_index_bytes'] / n)} | "
            f"{_mb(o['search_index_bytes'])} | {_kb(o['search_index_bytes'] / n)} | "
            f"{_mb(o['search_index_gzip'])} | {p['search_docs']:,} → {o['search_docs']:,} | "
            f"{r['searchable']['answer_words_checked']:,}, {r['searchable']['not_found']} |"
        )
    anatomy = next((r["search_anatomy"] for r in sizes if "search_anatomy" in r), None)
    if anatomy:
        steps = [
            ("material_every_layer", "Material's index, every layer indexed (the plain site "
             "before this change)"),
            ("every_layer_compacted", "every layer indexed, compacted"),
            ("material_answer_layers", "title, 30-second answer and model answer only "
             "(render.py's exclusions; the plain site above)"),
            ("ours", "those layers, compacted: **ours**"),
        ]
        lines += [
            "",
            f"### The index step by step (N={anatomy['n']})",
            "",
            "| index | per question | question entries per question | gzip per question | "
            "entries |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for key, label in steps:
            a = anatomy[key]
            lines.append(
                f"| {label} | {_kb(a['bytes_per_question'])} | "
                f"{_kb(a['question_entries_per_question'])} | {_kb(a['gzip_per_question'])} | "
                f"{a['entries']:,} |"
            )
    lh = results.get("lighthouse") or {}
    if lh.get("pages"):
        lines += [
            "",
            "## Lighthouse",
            "",
            f"Lighthouse {m['lighthouse']}, mobile (default emulation and simulated "
            f"throttling), against the {lh['site']} served gzipped on loopback by "
            f"`scripts/static_server.py`; Chromium flags `{CHROME_FLAGS}`. Median of "
            f"{lh['runs']} run(s) per page. The question page is the largest one."
            + (f" Run at {lh['machine_date']}" if lh.get("machine_date") else "")
            + (f"; load average {lh['load_average_before']} when it started."
               if "load_average_before" in lh else ""),
            "",
            "| page | path | performance | FCP | LCP | TBT | CLS | transfer | requests | "
            "each run: score, FCP | accessibility | best practices | SEO | benchmark index |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | "
            "---: | ---: |",
        ]
        for kind, p in lh["pages"].items():
            each = ", ".join(f"{score} / {fcp / 1000:.1f} s" for score, fcp in
                             zip(p.get("performance_runs", []), p.get("fcp_ms_runs", []),
                                 strict=True))
            lines.append(
                f"| {kind} | `{p['path']}` | {p['performance']:.0f} | "
                f"{p['fcp_ms'] / 1000:.2f} s | {p['lcp_ms'] / 1000:.2f} s | {p['tbt_ms']:.0f} ms | "
                f"{p['cls']:.3f} | {_kb(p['transfer_bytes'])} | {p['requests']:.0f} | {each} | "
                f"{p['accessibility']:.0f} | {p['best_practices']:.0f} | {p['seo']:.0f} | "
                f"{p['benchmark_index']:.0f} |"
            )
    notes = BENCH / "NOTES.md"
    if notes.exists():
        lines += ["", notes.read_text(encoding="utf-8").strip()]
    return "\n".join(lines) + "\n"


# --- main -------------------------------------------------------------------------------------

def run_lighthouse(source: Path | None, runs: int) -> dict[str, Any]:
    """Lighthouse on the real site (a synthetic N=30 one while there is no data file)."""
    real = synthetic.REAL_DATA
    if real.exists():
        bank, label = real, f"real site ({len(synthetic.load_source(real))} questions)"
    else:
        bank = synthetic.write_bank(30, WORK / "lighthouse-bank.yml", source)
        label = "synthetic N=30 site (no data/questions.yml yet)"
    site = WORK / "lighthouse-site"
    shutil.rmtree(site, ignore_errors=True)
    env = {**os.environ, "GUIDE_DATA": str(bank), "NO_MKDOCS_2_WARNING": "1"}
    timed(build_command(ROOT / "mkdocs.yml", site), env, WORK / "lighthouse-build.log")
    return {"site": label, "runs": runs, "load_average_before": round(os.getloadavg()[0], 1),
            "pages": lighthouse(site, bank, runs)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, few runs")
    parser.add_argument("--sizes", type=int, nargs="+", help="bank sizes (default: all)")
    parser.add_argument("--runs", type=int, help="runs per build for every size")
    parser.add_argument("--source", type=Path, default=None,
                        help="bank whose shape the synthetic banks copy "
                             "(default: data/questions.yml, else the test fixture)")
    parser.add_argument("--lighthouse-runs", type=int, default=None)
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--lighthouse-from", type=Path, default=None,
                        help="take the Lighthouse results of an earlier results.json")
    parser.add_argument("--lighthouse-only", action="store_true",
                        help="run Lighthouse again and replace its part of results.json")
    parser.add_argument("--report", action="store_true",
                        help="only rewrite README.md from results.json")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--budget-minutes", type=float, default=None,
                        help="stop builds when the run has taken this long; a plain build "
                             "stopped so is reported as a lower bound")
    args = parser.parse_args(argv)
    if args.report:
        results = json.loads(args.out.read_text(encoding="utf-8"))
        REPORT.write_text(report(results), encoding="utf-8")
        return 0
    if args.lighthouse_only:
        results = json.loads(args.out.read_text(encoding="utf-8"))
        results["lighthouse"] = run_lighthouse(args.source, args.lighthouse_runs or 3)
        results["lighthouse"]["machine_date"] = machine()["date"]
        results["verdicts"] = verdicts(results)
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        REPORT.write_text(report(results), encoding="utf-8")
        return 0

    started = time.monotonic()
    if args.budget_minutes:
        DEADLINE.append(started + args.budget_minutes * 60)
    plan = QUICK_RUNS if args.quick else FULL_RUNS
    if args.sizes:
        plan = {n: plan.get(n, (3, 3)) for n in args.sizes}
    if args.runs:
        plan = {n: (args.runs, args.runs) for n in plan}
    source = args.source or synthetic.default_source()
    WORK.mkdir(parents=True, exist_ok=True)

    def save(results: dict[str, Any]) -> None:
        results["duration_minutes"] = round((time.monotonic() - started) / 60)
        if results["sizes"]:
            results["verdicts"] = verdicts(results)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        if results["sizes"]:
            REPORT.write_text(report(results), encoding="utf-8")

    results: dict[str, Any] = {
        "machine": machine(),
        "quick": args.quick,
        "seed": synthetic.SEED,
        "source": os.path.relpath(source, ROOT),
        "source_sha256": hashlib.sha256(source.read_bytes()).hexdigest(),
        "source_questions": len(synthetic.load_source(source)),
        "targets": TARGETS,
        "sizes": [],
    }
    if args.lighthouse_from:
        results["lighthouse"] = json.loads(
            args.lighthouse_from.read_text(encoding="utf-8"))["lighthouse"]
        results["lighthouse"]["from_earlier_run"] = True
    elif not args.no_lighthouse:
        results["lighthouse"] = run_lighthouse(
            args.source, args.lighthouse_runs or (1 if args.quick else 3))
    for n, runs in plan.items():
        print(f"N={n}: {runs[0]} + {runs[1]} builds", file=sys.stderr, flush=True)
        results["sizes"].append(measure_size(n, runs, args.source, anatomy=n == min(plan)))
        shutil.rmtree(WORK / f"n{n}" / "plain-site", ignore_errors=True)  # gigabytes at 3,000
        save(results)  # a run cut short still leaves what it measured

    save(results)
    print(f"Wrote {args.out} and {REPORT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

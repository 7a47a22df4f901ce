"""Timing builds in fresh processes, and measuring the sites they write."""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from scripts.bench import synthetic
from scripts.bench.config import PY, WORK
from scripts.bench.plain_site import pipeline_pages, plain_pages, write_plain_site
from scripts.bench.search import search_anatomy, searchable_check
from scripts.paths import ROOT


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


def timed(command: list[str], env: dict[str, str], log: Path,
          cwd: Path = ROOT) -> dict[str, float]:
    """Wall-clock and CPU seconds and peak RSS (bytes) of one fresh process, and the load
    average when it ended (other work on a shared machine slows the wall clock)."""
    usage = log.with_suffix(".rusage.json")
    usage.unlink(missing_ok=True)
    with log.open("w") as out:
        start = time.perf_counter()
        proc = subprocess.Popen([PY, "-c", LAUNCHER, str(usage), *command], cwd=cwd, env=env,
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
                 anatomy: bool = False, previous: Path | None = None) -> dict[str, Any]:
    """Builds of one bank size: ours and the plain site (and the previous commit's pipeline
    when given, as many times as ours), alternating."""
    work = WORK / f"n{n}"
    work.mkdir(parents=True, exist_ok=True)
    bank = synthetic.write_bank(n, work / "bank", source)
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
    cwd = {"ours": ROOT, "plain": ROOT}
    if previous is not None:  # built right after ours, so drift hits both alike
        kinds = {"ours": kinds["ours"],
                 "previous": build_command(previous / "mkdocs.yml", work / "previous-site"),
                 "plain": kinds["plain"]}
        cwd["previous"] = previous  # its own scripts/ package, not ours
    samples: dict[str, list[dict[str, float]]] = {kind: [] for kind in kinds}
    wanted = dict(zip(("ours", "plain"), runs, strict=True))
    wanted["previous"] = runs[0]
    unfinished: dict[str, float] = {}
    for i in range(max(runs)):
        for kind, command in kinds.items():  # alternate, so drift hits both alike
            if i >= wanted[kind]:
                continue
            shutil.rmtree(work / f"{kind}-site", ignore_errors=True)
            try:
                sample = timed(command, env, work / f"{kind}-{i}.log", cwd[kind])
            except OutOfTime as stop:
                if kind != "plain" or samples[kind]:
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
    result: dict[str, Any] = {"n": n, "bank_bytes": synthetic.bank_bytes(bank)}
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

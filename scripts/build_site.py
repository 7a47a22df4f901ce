"""Build the site into site/ without ever leaving a broken one there.

The data is checked first; then MkDocs builds strictly into a fresh folder beside site/, and
only a build that succeeds replaces site/. On any failure site/ stays as it was.

    python scripts/build_site.py [--site-dir DIR] [--verbose]

No other MkDocs option passes through: `-q` would hide the warnings that `--strict` turns
into errors, so a build with broken links would pass.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):  # run as a file: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.bank import loader
from scripts.checks.problems import report
from scripts.paths import ROOT


def build(site_dir: Path, *, verbose: bool = False) -> int:
    data = Path(os.environ.get("GUIDE_DATA", loader.DEFAULT_DATA))
    _, problems = loader.check(data)
    if problems:
        for line in report(problems):
            print(line)
        print(f"\nNot built: {len(problems)} problem(s) in the data; "
              f"{site_dir} is untouched.", file=sys.stderr)
        return 1
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=site_dir.name + ".new-", dir=site_dir.parent))
    # The hooks skip the rules that were just run on these very bytes.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
           loader.CHECKED_ENV: loader.fingerprint(data)}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
               "--site-dir", str(fresh), *(["--verbose"] if verbose else [])]
    result = subprocess.run(command, cwd=ROOT, env=env)
    if result.returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        print(f"\nBuild failed (see above); {site_dir} is untouched.", file=sys.stderr)
        return result.returncode
    # Swap in the new site: two renames, so site/ is never half written.
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    fresh.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    print(f"Built {site_dir}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Strict, all-or-nothing site build.")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    return build(args.site_dir, verbose=args.verbose)


if __name__ == "__main__":
    sys.exit(main())

"""Build the site into site/ without ever leaving a broken one there.

The data is validated first; then MkDocs builds strictly into a fresh folder beside site/,
and only a build that succeeds replaces site/. On any failure site/ stays as it was.

    python scripts/build_site.py [--site-dir DIR] [extra mkdocs build arguments]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts import loader  # noqa: E402


def build(site_dir: Path, extra: list[str]) -> int:
    data = Path(os.environ.get("GUIDE_DATA", loader.DEFAULT_DATA))
    _, problems = loader.check(data)
    if problems:
        for problem in problems:
            print(problem)
        print(f"\nNot built: {len(problems)} problem(s) in the data; "
              f"{site_dir} is untouched.", file=sys.stderr)
        return 1
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=site_dir.name + ".new-", dir=site_dir.parent))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
               "--site-dir", str(fresh), *extra]
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


def main() -> int:
    parser = argparse.ArgumentParser(description="Strict, all-or-nothing site build.")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    args, extra = parser.parse_known_args()
    return build(args.site_dir, extra)


if __name__ == "__main__":
    sys.exit(main())

"""Time a one-off build with the generated pages' Markdown converted on two cores or one.

Usage::

    .venv/bin/python scripts/bench_convert.py            # N = 300
    .venv/bin/python scripts/bench_convert.py --n 100 --runs 3

Writes bench_build's synthetic corpus of N briefings into a copy of the project and
builds it in this process, alternately with ``htmlcache.ConversionInTwo`` (a forked
child converts the later half of the generated pages) and without it (mkdocs
converts every page), and prints the best time of each and their ratio, measured in
the same run. ``tests/test_plugin.py`` holds both builds to the same files.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_serve import make_project


def build_once(project: Path, split: bool) -> float:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.config.defaults import MkDocsConfig

    import briefkit.htmlcache as htmlcache

    MkDocsConfig.plugins.plugin_cache.clear()
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    start = htmlcache.ConversionInTwo.start
    if not split:
        htmlcache.ConversionInTwo.start = lambda self, *args: None  # type: ignore[method-assign]
    began = time.perf_counter()
    try:
        build(config)
    finally:
        htmlcache.ConversionInTwo.start = start  # type: ignore[method-assign]
    return time.perf_counter() - began


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    root = Path(tempfile.mkdtemp(prefix="bench-convert-"))
    try:
        project = make_project(root, args.n)
        os.chdir(project)
        times: dict[bool, list[float]] = {True: [], False: []}
        for _run in range(args.runs):
            for split in (False, True):
                times[split].append(build_once(project, split))
        one, two = min(times[False]), min(times[True])
        print(f"N={args.n}: one core {one:.1f} s, two cores {two:.1f} s, ratio {two / one:.2f}")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

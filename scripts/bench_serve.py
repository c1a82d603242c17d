"""Benchmark an edit under ``mkdocs serve`` against a full build (issue #14, item 7).

Usage::

    .venv/bin/python scripts/bench_serve.py                   # N = 100, 300, 1000
    .venv/bin/python scripts/bench_serve.py --sizes 100 300 --plain
    .venv/bin/python scripts/bench_serve.py --sizes 300 --candidates

For each N it writes bench_build's synthetic corpus of N briefings into a copy of
the project, times one full ``mkdocs build --strict`` of it (a child process, as
``make site`` runs it), then builds it as ``mkdocs serve`` does: in this process,
a fresh config per build and one plugin instance across them, into a temporary
site_dir with serve's address (``tests/test_serve.py`` ``serve_build`` does the
same). It then saves a one-line edit to one briefing's summary and times the
rebuild, from the save to the finished build, after which serve's livereload
tells the browser (the server's own delay, a fraction of a second, is not in it).
Each edit is timed ``--edits`` times (another word each time), ``--pause``
seconds apart as an analyst's saves are (serve collects garbage in between); the
median is reported.

The modes:

dirty     ``mkdocs serve --dirty`` (``make serve``): unchanged pages and exports are
          left on disk, only changed ones go through mkdocs
fast      plain ``mkdocs serve`` (``--plain``): mkdocs empties the site folder and
          writes every page, the plugin hands it the HTML of unchanged ones

``--candidates`` also times, on plain serve's instance and interleaved with its
edits (these machines are noisy), the steps its fast path skips:

off       every page converted, indexed and themed, as before ``briefkit.htmlcache``
convert   the converted HTML and search entries kept, every page themed (Material)
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import PROJECT_FILES, REPO, build, write_corpus

DEFAULT_SIZES = (100, 300, 1000)
# The page cache's switches (enabled, theme) for each way of serving an edit.
MODES = {
    "dirty": (True, True),
    "fast": (True, True),
    "convert": (True, False),
    "off": (False, False),
}


def make_project(root: Path, n: int) -> Path:
    project = root / f"n{n}"
    project.mkdir(parents=True)
    for name in (*PROJECT_FILES, "schema"):
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, project / name)
        else:
            shutil.copy(src, project / name)
    write_corpus(project / "briefings", n)
    return project


class Serve:
    """``mkdocs serve``'s builds, in this process: see ``mkdocs.commands.serve``."""

    def __init__(self, project: Path, dirty: bool = False) -> None:
        self.project = project
        self.dirty = dirty
        self.site_dir = tempfile.mkdtemp(prefix="mkdocs_")
        self.url = "http://127.0.0.1:8000/"
        self.plugin: Any = None
        self.started = False
        self.edits = 0

    def build(self) -> Any:
        from mkdocs.commands.build import build as mkdocs_build
        from mkdocs.config import load_config

        config = load_config(str(self.project / "mkdocs.yml"), site_dir=self.site_dir)
        if not self.started:
            config.plugins.on_startup(command="serve", dirty=self.dirty)
            self.started = True
        config.site_url = self.url
        mkdocs_build(config, serve_url=self.url, dirty=self.dirty)
        self.plugin = config.plugins["briefkit"]
        return self.plugin

    def close(self) -> None:
        if self.plugin is not None:
            self.plugin.wait_for_later()  # the SQLite file is written after the pages
        shutil.rmtree(self.site_dir, ignore_errors=True)


@dataclass
class Edit:
    seconds: list[float] = field(default_factory=list)
    converted: list[int] = field(default_factory=list)


def edit_summary(path: Path, count: int) -> None:
    """One line of the briefing changes: its summary gains a sentence."""
    lines = path.read_text("utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.startswith("summary: "):
            base = line.rstrip("\n").split(" Edit number ")[0]
            lines[i] = f"{base} Edit number {count}.\n"
            break
    else:
        raise SystemExit(f"no summary line in {path}")
    path.write_text("".join(lines), "utf-8")


def pages_in(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


def timed_edits(
    serve: Serve, target: Path, modes: list[str], edits: int, n: int, pages: int, pause: float
) -> dict[str, Edit]:
    """``edits`` timed one-line edits per mode, the modes interleaved (noise hits all alike)."""
    plugin = serve.plugin
    results = {mode: Edit() for mode in modes}
    for _round in range(edits):
        for mode in modes:
            plugin.html.enabled, plugin.html.theme = MODES[mode]
            if mode in ("fast", "dirty"):
                # The fast paths keep what the build before made: give them one
                # (what serve's previous rebuild would have left).
                serve.edits += 1
                edit_summary(target, serve.edits)
                serve.build()
            # An analyst reads the page before the next save: serve's collector runs then
            # (htmlcache.Collector), not in the edit.
            time.sleep(pause)
            serve.edits += 1
            edit_summary(target, serve.edits)
            started = time.perf_counter()
            serve.build()
            results[mode].seconds.append(time.perf_counter() - started)
            converted = len(plugin.html.converted) if plugin.html.enabled else pages
            results[mode].converted.append(converted)
            print(
                f"N={n}: {mode} edit {results[mode].seconds[-1]:.2f} s, "
                f"{converted} pages converted",
                file=sys.stderr,
                flush=True,
            )
    plugin.html.enabled, plugin.html.theme = MODES["fast"]
    return results


def fresh_plugins() -> None:
    """The next serve starts with new plugin instances (mkdocs keeps them per process)."""
    from mkdocs.config.defaults import MkDocsConfig

    MkDocsConfig.plugins.plugin_cache.clear()


def bench_one(
    n: int, root: Path, edits: int, candidates: bool, plain: bool, pause: float
) -> dict[str, Any]:
    project = make_project(root, n)
    print(f"N={n}: full build ...", file=sys.stderr, flush=True)
    full = build(project).seconds
    target = sorted((project / "briefings").glob("*/briefing.yaml"))[n // 2]
    results: dict[str, Edit] = {}
    first: dict[str, float] = {}
    pages = 0
    runs = [("dirty", ["dirty"])]
    if plain or candidates:
        runs.append(("plain", ["fast", *(["convert", "off"] if candidates else [])]))
    for name, modes in runs:
        fresh_plugins()
        serve = Serve(project, dirty=name == "dirty")
        try:
            print(f"N={n}: first {name} serve build ...", file=sys.stderr, flush=True)
            started = time.perf_counter()
            serve.build()
            first[name] = time.perf_counter() - started
            pages = pages_in(Path(serve.site_dir))
            results.update(timed_edits(serve, target, modes, edits, n, pages, pause))
        finally:
            serve.close()
    return {"n": n, "full": full, "first": first, "pages": pages, "edits": results}


def table(rows: list[dict[str, Any]]) -> str:
    modes = [m for m in MODES if m in rows[0]["edits"]]
    head = "| N | pages | full build s | " + " | ".join(f"{m} edit s | {m}/full" for m in modes)
    head += " | pages converted |"
    lines = [head, "|" + "---:|" * (3 + 2 * len(modes) + 1)]
    for row in rows:
        cells = [str(row["n"]), str(row["pages"]), f"{row['full']:.1f}"]
        for mode in modes:
            edit = statistics.median(row["edits"][mode].seconds)
            cells += [f"{edit:.2f}", f"{edit / row['full']:.3f}"]
        cells.append(str(max(row["edits"]["dirty"].converted)))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--edits", type=int, default=3, help="timed edits per mode")
    parser.add_argument(
        "--plain", action="store_true", help="also time plain `mkdocs serve` (no --dirty)"
    )
    parser.add_argument(
        "--candidates", action="store_true", help="also time plain serve, off and convert"
    )
    parser.add_argument(
        "--pause", type=float, default=3.0, help="seconds between edits, as an analyst reads"
    )
    parser.add_argument("--keep", type=Path, help="build the projects here and keep them")
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    # serve logs every build at INFO; the table is what this prints.
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    root = args.keep or Path(tempfile.mkdtemp(prefix="bench-serve-"))
    try:
        rows = [
            bench_one(n, root, args.edits, args.candidates, args.plain, args.pause)
            for n in args.sizes
        ]
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    print(
        "Edit-to-rebuilt under mkdocs serve (one summary line of one briefing), "
        "median of the edits, against one full `mkdocs build --strict`:"
    )
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

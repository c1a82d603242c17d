"""Time the data exports (``render_exports``) on synthetic corpora, per format.

Usage::

    .venv/bin/python scripts/bench_exports.py              # N = 100 and 1000
    .venv/bin/python scripts/bench_exports.py --n 100 300 --runs 5

The corpora are ``scripts/bench_build.py``'s (seeded: the same briefings every
run), loaded once per N; each export is then timed ``--runs`` times and the
median reported, with its size and the ratio of the largest N to the smallest.
Linear cost in the number of briefings is a ratio near N_max / N_min. The
collector is off while they run, as the plugin has it during a build.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_build

from briefkit.model import Briefing, Corpus, Event
from briefkit.render.database import briefings_sqlite
from briefkit.render.exports import briefings_json, events_csv, render_exports, timeline_json
from briefkit.render.geo import events_geojson, places_geojson
from briefkit.render.ical import events_ics
from briefkit.render.urls import SiteUrls


def formats(corpus: Corpus) -> dict[str, Callable[[], str | bytes | dict[str, str | bytes]]]:
    events: list[tuple[Briefing, Event]] = corpus.events()
    index = {id(e): i for b in corpus.briefings for i, e in enumerate(b.events)}
    urls = SiteUrls(True, "https://example.org/briefings/")
    return {
        "briefings.json": lambda: briefings_json(corpus),
        "events.csv": lambda: events_csv(corpus),
        "timeline.json": lambda: timeline_json(corpus, events, "All", lambda b, e: ""),
        "places.geojson": lambda: places_geojson(corpus, urls),
        "events.geojson": lambda: events_geojson(corpus, events, index, urls),
        "events.ics": lambda: events_ics(corpus, events, index, urls),
        "briefings.sqlite": lambda: briefings_sqlite(corpus, urls),
        "render_exports (all)": lambda: render_exports(corpus, True, urls.site_url),
    }


def size(out: str | bytes | dict[str, str | bytes]) -> int:
    if isinstance(out, dict):
        return sum(size(v) for v in out.values())
    return len(out.encode("utf-8") if isinstance(out, str) else out)


def measure(n: int, runs: int) -> tuple[int, dict[str, tuple[float, int]]]:
    from briefkit.store import load_corpus

    with tempfile.TemporaryDirectory(prefix=f"bench-exports-{n}-") as tmp:
        root = Path(tmp) / "briefings"
        bench_build.write_corpus(root, n)
        briefings, problems = load_corpus(root)
    if problems:
        raise SystemExit(f"N={n}: the generated corpus has problems: {problems[:3]}")
    corpus = Corpus.build(briefings)
    results: dict[str, tuple[float, int]] = {}
    gc.collect()
    gc.disable()
    try:
        for name, make in formats(corpus).items():
            times, out = [], None
            for _ in range(runs):
                started = time.perf_counter()
                out = make()
                times.append(time.perf_counter() - started)
            results[name] = (statistics.median(times), size(out) if out is not None else 0)
    finally:
        gc.enable()
    return sum(len(b.events) for b in corpus.briefings), results


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, nargs="+", default=[100, 1000])
    p.add_argument("--runs", type=int, default=3)
    args = p.parse_args(argv)
    ns = sorted(args.n)
    measured = {}
    for n in ns:
        events, results = measure(n, args.runs)
        measured[n] = results
        print(f"N = {n}: {n} briefings, {events} events (median of {args.runs} runs)")
        for name, (seconds, nbytes) in results.items():
            print(f"  {name:<22} {seconds:8.3f} s  {nbytes / 1e6:8.2f} MB")
    if len(ns) > 1:
        low, high = ns[0], ns[-1]
        print(f"ratio N = {high} / N = {low} (linear: {high / low:.1f})")
        for name in measured[low]:
            ratio = measured[high][name][0] / measured[low][name][0]
            print(f"  {name:<22} {ratio:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

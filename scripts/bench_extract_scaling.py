"""Does extraction time grow linearly with article length? Measured, in one run.

Builds articles of about 0.1, 0.5, 1 and 5 MB by repeating the seed article's
paragraphs (with distinct numbers, so nothing collapses into one fact), extracts
each, and prints seconds, seconds per million characters and that rate divided by
the smallest size's. Linear growth keeps the ratios near 1; a quadratic step would
show as a ratio near the size ratio (50 at 5 MB).

    .venv/bin/python scripts/bench_extract_scaling.py [--sizes 0.1,0.5,1,5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import time
from pathlib import Path

from briefkit.article import parse_article
from briefkit.extractors.nlp import load_model
from briefkit.extractors.pipeline import run

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_465411d9f143cfd2.txt"
FALLBACK = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "articles"


def source_text() -> str:
    if SEED.is_file():
        return SEED.read_text("utf-8")
    return "\n".join(p.read_text("utf-8") for p in sorted(FALLBACK.glob("*.txt")))


def article_of(size: int, base: str) -> str:
    paragraphs = [p for p in base.split("\n") if p.strip()]
    out: list[str] = []
    total, i = 0, 0
    while total < size:
        para = paragraphs[i % len(paragraphs)]
        # A different number per copy: repeated text is not what a long article is.
        para = f"{para} Report {i} counted {i * 7 + 3} people."
        out.append(para)
        total += len(para) + 1
        i += 1
    return "\n".join(out)[:size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="0.1,0.5,1,5", help="sizes in MB (10^6 characters)")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    base = source_text()
    nlp = load_model()
    run(parse_article(base), dt.date(2024, 9, 11), nlp)  # warm up: model and caches

    rows = []
    for mb in sizes:
        text = article_of(int(mb * 1_000_000), base)
        start = time.perf_counter()
        facts = run(parse_article(text), dt.date(2024, 9, 11), nlp)
        seconds = time.perf_counter() - start
        events = len(facts["events"])  # type: ignore[arg-type]
        rows.append((mb, len(text), seconds, events))
        print(f"  {mb:g} MB: {seconds:.1f} s, {events} events", flush=True)

    first = rows[0][2] / rows[0][1]
    print(f"\n{'MB':>5} {'chars':>10} {'seconds':>8} {'s/Mchar':>8} {'ratio':>6} {'events':>7}")
    for mb, chars, seconds, events in rows:
        per = seconds / chars
        print(
            f"{mb:>5g} {chars:>10,} {seconds:>8.1f} {per * 1e6:>8.1f} {per / first:>6.2f} "
            f"{events:>7}"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()

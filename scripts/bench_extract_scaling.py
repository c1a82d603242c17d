"""Does extraction time grow linearly with article length? Measured, in one run.

Builds articles of about 0.1, 0.5, 1 and 5 MB by repeating the seed article's
paragraphs (with distinct numbers, so nothing collapses into one fact), extracts
each, and prints seconds, seconds per million characters and that rate divided by
the smallest size's. Linear growth keeps the ratios near 1; a quadratic step would
show as a ratio near the size ratio (50 at 5 MB). The ratio is of CPU seconds: on a
shared machine other processes stretch the wall time, not the CPU time. The peak
resident memory so far is printed after each size.

    .venv/bin/python scripts/bench_extract_scaling.py [--sizes 0.1,0.5,1,5] [--corpora]
    .venv/bin/python scripts/bench_extract_scaling.py --corpora --write 5 long.txt

``--corpora`` builds the articles from the news of shared/corpora (GUM, MEANTIME) as
well as the seed: 144 articles, so names, quotes and dates vary as in a real long text.
``--write MB FILE`` writes one such article and exits, for an end-to-end run:
``/usr/bin/time -v briefkit extract long.txt --published 2024-09-11``.
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
CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
FALLBACK = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "articles"


def source_text() -> str:
    if SEED.is_file():
        return SEED.read_text("utf-8")
    return "\n".join(p.read_text("utf-8") for p in sorted(FALLBACK.glob("*.txt")))


def corpora_text() -> str:
    """The news articles of shared/corpora, then the seed's."""
    from _corpora import available, load_gum, load_meantime

    docs = [
        *(load_gum(CORPORA) if available(CORPORA, "gum-news") else []),
        *(load_meantime(CORPORA) if available(CORPORA, "meantime-en") else []),
    ]
    return "\n".join([d.text for d in docs] + [source_text()])


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
    parser.add_argument("--corpora", action="store_true", help="news of shared/corpora too")
    parser.add_argument("--write", nargs=2, metavar=("MB", "FILE"), help="write one article")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    base = corpora_text() if args.corpora else source_text()
    if args.write:
        Path(args.write[1]).write_text(article_of(int(float(args.write[0]) * 1e6), base), "utf-8")
        return
    nlp = load_model()
    run(parse_article(base), dt.date(2024, 9, 11), nlp)  # warm up: model and caches

    rows = []
    for mb in sizes:
        text = article_of(int(mb * 1_000_000), base)
        start, cpu_start = time.perf_counter(), time.process_time()
        facts = run(parse_article(text), dt.date(2024, 9, 11), nlp)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        events = len(facts["events"])  # type: ignore[arg-type]
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rows.append((mb, len(text), seconds, cpu, events, peak))
        print(f"  {mb:g} MB: {seconds:.1f} s ({cpu:.1f} s CPU), {events} events", flush=True)

    first = rows[0][3] / rows[0][1]
    print(
        f"\n{'MB':>5} {'chars':>10} {'wall s':>7} {'CPU s':>7} {'CPU s/Mchar':>11} {'ratio':>6} "
        f"{'events':>7} {'peak MB':>8}"
    )
    for mb, chars, seconds, cpu, events, peak in rows:
        per = cpu / chars
        print(
            f"{mb:>5g} {chars:>10,} {seconds:>7.1f} {cpu:>7.1f} {per * 1e6:>11.1f} "
            f"{per / first:>6.2f} {events:>7} {peak:>8.0f}"
        )


if __name__ == "__main__":
    main()

"""Batch extraction against spaCy's own ``nlp.pipe``, on the same news texts, in one run.

The texts are the MEANTIME and GUM news articles in ``../shared/corpora``, read
there (never copied into the repository). Each round times, alternating:

- spaCy: ``list(nlp.pipe(texts, n_process=J))``, the parse alone: the floor;
- briefkit: the batch extraction ``briefkit add --batch`` runs (parse and every
  extractor), with J worker processes.

Then it runs ``briefkit add --batch`` itself once, end to end (model load, extraction,
linking and writing YAML), on the same texts in a temporary folder, and reads the
articles and words per second it reports. The ratio is briefkit's best round over
spaCy's; the target is at most 1.5.

    .venv/bin/python scripts/bench_batch.py [--rounds 2] [--jobs 1] [--limit 0]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _corpora import DEFAULT_CORPORA, load_gum, load_meantime

from briefkit.article import Article, parse_article
from briefkit.cli import _NoBar, extract_all
from briefkit.extractors.nlp import load_model

REPO = Path(__file__).resolve().parents[1]
TARGET = 1.5


def texts(corpora: Path, limit: int) -> list[tuple[str, Article, dt.date | None]]:
    docs = load_meantime(corpora) + load_gum(corpora)
    if limit:
        docs = docs[:limit]
    return [(f"{d.corpus}-{d.id}", parse_article(d.text), d.published) for d in docs]


def time_spacy(bodies: list[str], jobs: int) -> float:
    nlp = load_model()
    start = time.perf_counter()
    docs = list(nlp.pipe(bodies, n_process=jobs))
    seconds = time.perf_counter() - start
    assert len(docs) == len(bodies)
    return seconds


def time_briefkit(todo: list[tuple[Article, dt.date | None]], jobs: int) -> float:
    start = time.perf_counter()
    results = list(extract_all(todo, jobs, _NoBar()))
    seconds = time.perf_counter() - start
    failed = [r for r in results if isinstance(r, str)]
    if failed:
        raise SystemExit(f"extraction failed: {failed[0]}")
    return seconds


def run_cli(items: list[tuple[str, Article, dt.date | None]], jobs: int) -> dict[str, float]:
    """``briefkit add --batch`` on the texts, written to a temporary folder with dated names."""
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        incoming = Path(tmp) / "incoming"
        incoming.mkdir()
        for i, (name, article, published) in enumerate(items):
            date = f"{published.isoformat()}-" if published else ""
            slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
            (incoming / f"{date}{i:04d}-{slug}.txt").write_text(article.text, "utf-8")
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "briefkit.cli", "add", "--batch", str(incoming), "-j",
             str(jobs), "--root", str(Path(tmp) / "briefings")],
            capture_output=True, text=True, cwd=tmp, timeout=3600,
        )  # fmt: skip
        wall = time.perf_counter() - start
    m = re.search(r"(\d+) added.*?([\d.]+) articles/s, (\d+) words/s", result.stdout)
    if m is None:
        raise SystemExit(f"briefkit add --batch failed:\n{result.stdout}\n{result.stderr}")
    return {
        "added": int(m.group(1)),
        "articles_per_s": float(m.group(2)),
        "words_per_s": float(m.group(3)),
        "wall_s": round(wall, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--jobs", type=int, default=1, help="worker processes, both sides")
    parser.add_argument("--limit", type=int, default=0, help="use the first N texts only")
    parser.add_argument("--no-cli", action="store_true", help="skip the end-to-end CLI run")
    parser.add_argument("--json", type=Path, default=REPO / "bench-batch.json")
    args = parser.parse_args()

    items = texts(args.corpora, args.limit)
    if not items:
        raise SystemExit(f"no MEANTIME or GUM texts under {args.corpora}")
    bodies = [article.prose for _, article, _ in items]
    todo = [(article, published) for _, article, published in items]
    words = sum(len(body.split()) for body in bodies)
    print(f"{len(items)} articles, {words:,} words (MEANTIME and GUM); -j {args.jobs}")

    # Warm up: the model, spaCy's and briefkit's caches, before anything is timed.
    time_spacy(bodies[:8], 1)
    time_briefkit(todo[:8], 1)

    spacy_s: list[float] = []
    briefkit_s: list[float] = []
    for i in range(args.rounds):
        # Alternating, so a neighbour's load falls on both sides alike.
        pair = [("spacy", time_spacy, bodies), ("briefkit", time_briefkit, todo)]
        for name, timer, data in pair if i % 2 == 0 else reversed(pair):
            seconds = timer(data, args.jobs)  # type: ignore[operator]
            (spacy_s if name == "spacy" else briefkit_s).append(seconds)
            print(f"  round {i + 1} {name:>8}: {seconds:6.1f} s", flush=True)

    best_spacy, best_briefkit = min(spacy_s), min(briefkit_s)
    ratio = best_briefkit / best_spacy
    print(f"\n{'':<28}{'seconds':>9}{'articles/s':>12}{'words/s':>10}")
    for name, seconds in (("spaCy nlp.pipe (parse only)", best_spacy),
                          ("briefkit batch extraction", best_briefkit)):  # fmt: skip
        print(f"{name:<28}{seconds:>9.1f}{len(items) / seconds:>12.2f}{words / seconds:>10.0f}")
    verdict = "met" if ratio <= TARGET else "NOT met"
    print(f"ratio briefkit / spaCy: {ratio:.2f} (target <= {TARGET}: {verdict})")

    cli = None
    if not args.no_cli:
        cli = run_cli(items, args.jobs)
        # Its own rate (model load, linking and writing included) against spaCy's parse.
        cli["ratio"] = round((words / best_spacy) / cli["words_per_s"], 3)
        print(
            f"briefkit add --batch -j {args.jobs}, end to end: {cli['added']} added, "
            f"{cli['articles_per_s']:.2f} articles/s, {cli['words_per_s']:.0f} words/s "
            f"({cli['wall_s']:.1f} s wall, model load and YAML writing included): "
            f"{cli['ratio']:.2f}x spaCy's parse time"
        )

    report = {
        "articles": len(items),
        "words": words,
        "jobs": args.jobs,
        "rounds": args.rounds,
        "spacy_pipe_s": [round(s, 3) for s in spacy_s],
        "briefkit_batch_s": [round(s, 3) for s in briefkit_s],
        "ratio": round(ratio, 3),
        "target": TARGET,
        "met": ratio <= TARGET,
        "briefkit_words_per_s": round(words / best_briefkit),
        "spacy_words_per_s": round(words / best_spacy),
        "cli": cli,
    }
    args.json.write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    print(f"wrote {args.json}")


if __name__ == "__main__":
    main()

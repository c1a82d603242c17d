"""How long ``briefkit check`` takes on the briefings, against Python's own start-up.

Both are measured in the same run, as fresh processes, so the ratio holds across
machines: ``check`` must stay well under a second once Python is up, and must not
load the language model. Usage: ``python scripts/bench_check.py [--runs N] [--root DIR]``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def timed(argv: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True, cwd=REPO)
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--root", default=str(REPO / "briefings"))
    args = parser.parse_args()

    bare = timed([sys.executable, "-c", "pass"], args.runs)
    check = timed([sys.executable, "-m", "briefkit.cli", "check", "--root", args.root], args.runs)
    spacy = subprocess.run(
        [sys.executable, "-c",
         "import sys; from briefkit.cli import main; main(['check', '--root', sys.argv[1]]);"
         "print('spacy' in sys.modules)", args.root],
        capture_output=True, text=True, cwd=REPO, check=False,
    ).stdout.split()[-1]  # fmt: skip
    b, c = statistics.median(bare), statistics.median(check)
    print(f"python -c pass:  median {b * 1000:7.1f} ms over {args.runs} runs")
    print(f"briefkit check:  median {c * 1000:7.1f} ms over {args.runs} runs")
    print(f"ratio:           {c / b:.1f}x Python start-up; check itself {(c - b) * 1000:.0f} ms")
    print(f"spaCy imported:  {spacy}")
    return 0 if spacy == "False" else 1


if __name__ == "__main__":
    sys.exit(main())

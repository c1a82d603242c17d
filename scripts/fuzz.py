"""Run the fuzz targets of tests/test_fuzz.py at length and say how many inputs each tried.

    .venv/bin/python scripts/fuzz.py                  # the fuzz profile: 10,000 per target
    .venv/bin/python scripts/fuzz.py --examples 2000 yaml validate
    .venv/bin/python scripts/fuzz.py --profile ci     # what CI runs

Prints each target's count as it finishes and writes them all to ``--out``
(bench-fuzz.json): target -> inputs tried, seconds, ok or FAILED.

Targets: yaml (store.parse_yaml), validate (model.validate_shape/validate_facts),
render (render.render_site, Markdown, HTML check), extract (briefkit.extract;
slow: it parses with spaCy, about 5 to 50 inputs a second), build (random briefings
of valid shape through `check` and a whole `mkdocs build`: what check passes builds
with --strict, the rest builds without; about a second an input), files (symlinks,
devices, FIFOs and huge files planted in the briefings folder: check and render end,
report, and publish nothing from outside it).
A failure prints hypothesis's smallest failing input and exits 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {
    "yaml": "test_the_yaml_loader_raises_only_briefkit_errors",
    "validate": "test_the_validator_reports_and_never_raises",
    "render": "test_rendered_pages_hold_no_executable_element_from_the_input",
    "extract": "test_the_extractor_raises_only_briefkit_errors",
    "build": "test_what_check_passes_builds_strictly_and_the_rest_builds_without",
    "files": "test_planted_files_are_refused_and_nothing_outside_is_read",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("targets", nargs="*", help=f"some of {', '.join(TARGETS)} (all)")
    parser.add_argument("--profile", default="fuzz", choices=["ci", "fuzz"])
    parser.add_argument("--examples", type=int, help="examples per target (overrides the profile)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-fuzz.json", help="JSON report")
    args = parser.parse_args()
    unknown = [t for t in args.targets if t not in TARGETS]
    if unknown:
        parser.error(f"unknown target(s) {', '.join(unknown)}; choose from {', '.join(TARGETS)}")
    # Read when the test module is imported, which decorates the tests with them.
    os.environ["HYPOTHESIS_PROFILE"] = args.profile
    if args.examples:
        os.environ["BRIEFKIT_FUZZ_EXAMPLES"] = str(args.examples)
    sys.path.insert(0, str(ROOT / "tests"))
    import test_fuzz

    failed = False
    counts: dict[str, dict[str, object]] = {}
    report: dict[str, object] = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "profile": args.profile,
        "examples_asked": args.examples or test_fuzz.EXAMPLES[args.profile],
        "targets": counts,
    }
    for target in args.targets or list(TARGETS):
        start = time.perf_counter()
        try:
            getattr(test_fuzz, TARGETS[target])()
            status = "ok"
        except Exception:
            traceback.print_exc()
            status, failed = "FAILED", True
        seconds = time.perf_counter() - start
        tried = test_fuzz.TRIED[target]
        print(f"{target:>9}: {tried:>6} inputs tried in {seconds:7.1f} s  {status}", flush=True)
        counts[target] = {"tried": tried, "seconds": round(seconds, 1), "status": status}
        # Written after each target: a long run that is stopped keeps what it counted.
        args.out.write_text(json.dumps(report, indent=1) + "\n", "utf-8")
    print(f"counts written to {args.out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""
``python -m fuzz``: the long fuzz run. See fuzz/README.md.
"""

from __future__ import annotations

import argparse
import sys
import time

from . import TARGETS, fuzz, table
from ._run import Outcome


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m fuzz", description="Fuzz eventmodel's readers.")
    parser.add_argument("--inputs", type=int, default=1_000_000, help="how many inputs (default 1,000,000)")
    parser.add_argument(
        "--seed", type=int, default=0, help="the seed (default 0): the same seed, the same inputs"
    )
    parser.add_argument(
        "--limit", type=float, default=10.0, help="seconds before an input is a hang (default 10)"
    )
    parser.add_argument(
        "--target", action="append", default=None, help="fuzz only this target (repeatable); default: all"
    )
    args = parser.parse_args()
    chosen = [target for target in TARGETS if args.target is None or target.name in args.target]
    started = time.monotonic()
    tallies = fuzz(args.inputs, seed=args.seed, targets=chosen, limit=args.limit, progress=True)
    print(f"\n{args.inputs:,} inputs, seed {args.seed}, in {time.monotonic() - started:,.0f} s\n")
    print(table(tallies))
    failed = False
    for tally in tallies:
        for example in tally.examples:
            print(f"- {tally.name}: {example}")
        unexplained = sum(
            tally.unexplained(outcome) for outcome in (Outcome.RAW, Outcome.HANG, Outcome.ROUND_TRIP)
        )
        failed = failed or unexplained > 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

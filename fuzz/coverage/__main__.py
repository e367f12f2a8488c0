"""``python -m fuzz.coverage --target NAME [-- LIBFUZZER OPTIONS]``: one target under atheris."""

from __future__ import annotations

import argparse
import sys

from fuzz import TARGETS
from fuzz._corpus import build
from fuzz._coverage import one_input


def main() -> None:
    try:
        import atheris  # noqa: PLC0415 - optional: pip install -e ".[fuzz]"
    except ImportError:
        sys.exit('atheris is not installed: pip install -e ".[fuzz]" (Linux and macOS)')
    names = [target.name for target in TARGETS]
    parser = argparse.ArgumentParser(
        prog="python -m fuzz.coverage", description="Fuzz one target with atheris."
    )
    parser.add_argument("--target", choices=names, required=True)
    parser.add_argument("--seed", type=int, default=0, help="the seed of the corpus (default 0)")
    args, rest = parser.parse_known_args()
    target = next(target for target in TARGETS if target.name == args.target)
    corpus = build(size=100, seed_value=args.seed)
    atheris.instrument_all()
    atheris.Setup(
        [sys.argv[0], *[arg for arg in rest if arg != "--"]], lambda data: one_input(target, corpus, data)
    )
    atheris.Fuzz()


if __name__ == "__main__":
    main()

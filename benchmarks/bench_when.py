"""
Strict parsing of time strings: eventmodel.When.parse against dateutil and the standard library.

Run it from the repository root, in an environment with eventmodel installed::

    python benchmarks/bench_when.py            # about half a minute
    python benchmarks/bench_when.py --quick    # a few seconds, for a smoke test

All systems are measured side by side in one process run, interleaved, with
the garbage collector on. Each figure is the median of the repeats; each
ratio is the median of the ratios paired within a repeat. See README.md in
this folder for how to read the table.
"""

from __future__ import annotations

import argparse
import gc
import math
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from importlib.metadata import version

from dateutil import parser as dateutil_parser

from eventmodel import When

SEED = 20220224
MIN_REPEATS = 5

# Kinds of time string, with their share of the mix. The plain kinds are full
# dates and date-times: every system compared here reads them, with the same
# meaning. dateutil cannot read the others (intervals, qualifiers), or reads
# them with another meaning (parser.parse fills the missing day of "2022-03"
# from today's date), and datetime.fromisoformat reads neither months nor years.
MIX: dict[str, float] = {
    "date": 0.26,  # 2022-03-27
    "date-time, Z": 0.12,  # 2022-03-27T14:05:00Z
    "date-time, offset": 0.12,  # 2022-03-27T14:05+03:00
    "date-time, milliseconds": 0.08,  # 2022-03-27T14:05:00.250+03:00
    "date-time, no zone": 0.04,  # 2022-03-27T14:05:00
    "month": 0.10,  # 2022-03
    "year": 0.05,  # 2022
    "interval": 0.12,  # 2022-02-24/2022-03-27
    "open interval": 0.06,  # 2022-02-24/..
    "qualified": 0.05,  # 2022-03~
}
PLAIN_KINDS = frozenset(
    {"date", "date-time, Z", "date-time, offset", "date-time, milliseconds", "date-time, no zone"}
)
OFFSETS = ("+00:00", "+01:00", "+02:00", "+03:00", "-04:00", "-05:00", "+05:30", "+09:00")
FIRST_DAY = date(1990, 1, 1).toordinal()
LAST_DAY = date(2025, 12, 31).toordinal()

Parse = Callable[[str], object]


# -- the strings ----------------------------------------------------------------------


def _day(rng: random.Random) -> date:
    return date.fromordinal(rng.randint(FIRST_DAY, LAST_DAY))


def _clock(rng: random.Random, *, seconds: bool = True) -> str:
    text = f"{rng.randrange(24):02d}:{rng.randrange(60):02d}"
    return f"{text}:{rng.randrange(60):02d}" if seconds else text


def _make_one(kind: str, rng: random.Random) -> str:
    day = _day(rng)
    if kind == "date":
        return day.isoformat()
    if kind == "date-time, Z":
        return f"{day.isoformat()}T{_clock(rng)}Z"
    if kind == "date-time, offset":
        return f"{day.isoformat()}T{_clock(rng, seconds=rng.random() < 0.5)}{rng.choice(OFFSETS)}"
    if kind == "date-time, milliseconds":
        zone = "Z" if rng.random() < 0.5 else rng.choice(OFFSETS)
        return f"{day.isoformat()}T{_clock(rng)}.{rng.randrange(1000):03d}{zone}"
    if kind == "date-time, no zone":
        return f"{day.isoformat()}T{_clock(rng)}"
    if kind == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if kind == "year":
        return f"{day.year:04d}"
    if kind == "interval":
        end = day + timedelta(days=rng.randint(0, 400))
        if rng.random() < 0.25:
            return f"{day.year:04d}-{day.month:02d}/{end.year:04d}-{end.month:02d}"
        return f"{day.isoformat()}/{end.isoformat()}"
    if kind == "open interval":
        return f"{day.isoformat()}/.." if rng.random() < 0.8 else f"../{day.isoformat()}"
    if kind == "qualified":
        body = rng.choice((f"{day.year:04d}-{day.month:02d}", day.isoformat(), f"{day.year:04d}"))
        return body + rng.choice("~~~??%")
    raise AssertionError(kind)


def make_mix(size: int, seed: int) -> list[tuple[str, str]]:
    """*size* (kind, text) pairs, drawn from MIX with a fixed seed."""
    rng = random.Random(seed)
    kinds = rng.choices(list(MIX), weights=list(MIX.values()), k=size)
    return [(kind, _make_one(kind, rng)) for kind in kinds]


# -- checking that the systems agree on the plain strings -----------------------------------


def _instant(value: object) -> tuple[datetime, object]:
    """A datetime and its UTC offset, to compare what two parsers read."""
    if isinstance(value, When):
        value = value.lower
    assert isinstance(value, datetime), value
    return value, value.utcoffset()


def check_agreement(systems: Sequence[tuple[str, Parse]], strings: Sequence[str]) -> None:
    """Exit with a message if any system reads a plain string differently from the floor."""
    for text in strings:
        expected = _instant(datetime.fromisoformat(text))
        for name, parse in systems:
            got = _instant(parse(text))
            if got != expected:
                sys.exit(f"{name} reads {text!r} as {got}, datetime.fromisoformat as {expected}")


# -- timing ---------------------------------------------------------------------------


@dataclass
class Case:
    """One system on one set of strings, and its rate in each repeat."""

    system: str
    workload: str
    parse: Parse
    strings: Sequence[str]
    loops: int = 1
    rates: list[float] = field(default_factory=list)


def _time_once(parse: Parse, strings: Sequence[str], loops: int) -> float:
    """Seconds to parse *strings* *loops* times, keeping each pass's results in a list as a decoder would."""
    gc.collect()  # each measurement starts from the same heap; the collector stays on while it runs
    start = time.perf_counter()
    for _ in range(loops):
        results = [parse(text) for text in strings]
    elapsed = time.perf_counter() - start
    del results
    return elapsed


def warm_up(case: Case, min_time: float) -> None:
    """Run *case* once untimed, then pick how many passes make one measurement last *min_time*."""
    _time_once(case.parse, case.strings, 1)
    one_pass = _time_once(case.parse, case.strings, 1)
    case.loops = max(1, math.ceil(min_time / max(one_pass, 1e-9)))


def measure(cases: Sequence[Case], repeats: int) -> None:
    """Interleave the cases: each repeat runs each case once, in a rotated order."""
    for repeat in range(repeats):
        shift = repeat % len(cases)
        for case in [*cases[shift:], *cases[:shift]]:
            elapsed = _time_once(case.parse, case.strings, case.loops)
            case.rates.append(case.loops * len(case.strings) / elapsed)


def paired_ratios(case: Case, reference: Case) -> list[float]:
    """The case's rate over the reference's, repeat by repeat."""
    return [mine / theirs for mine, theirs in zip(case.rates, reference.rates, strict=True)]


# -- the report -----------------------------------------------------------------------


def _ratio_cell(ratios: list[float], against: str) -> str:
    low, high = min(ratios), max(ratios)
    return f"{statistics.median(ratios):.2f}× {against} ({low:.2f}–{high:.2f})"


def report(cases: Sequence[Case], reference: Case, args: argparse.Namespace) -> None:
    """Print the settings and the table."""
    print(f"When.parse benchmark, {date.today().isoformat()}")
    print(
        f"Python {platform.python_version()} ({platform.python_implementation()}), "
        f"{platform.system()} {platform.machine()}; eventmodel {version('eventmodel')}, "
        f"python-dateutil {version('python-dateutil')}"
    )
    print(
        f"{len(reference.strings):,} plain strings of a {args.size:,}-string mix (seed {args.seed}); "
        f"{args.repeats} repeats, interleaved; GC on: {gc.isenabled()}"
    )
    print()
    rows = [("system", "strings", "strings/s (median)", "ratio: median (min–max)")]
    for case in cases:
        if case is reference:
            ratio = "1.00× (reference)"
        elif case.workload == reference.workload:
            ratio = _ratio_cell(paired_ratios(case, reference), "eventmodel")
        else:
            ratio = _ratio_cell(paired_ratios(case, reference), "eventmodel on plain")
        rows.append(
            (
                case.system,
                f"{case.workload} ({len(case.strings):,})",
                f"{statistics.median(case.rates):,.0f}",
                ratio,
            )
        )
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    for index, row in enumerate(rows):
        cells = [
            cell.rjust(width) if column == 2 else cell.ljust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        print("  ".join(cells).rstrip())
        if index == 0:
            print("  ".join("-" * width for width in widths))


# -- main -----------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Read the command line."""
    cli = argparse.ArgumentParser(
        description="Strict parsing of time strings: eventmodel.When.parse against dateutil."
    )
    cli.add_argument(
        "--quick", action="store_true", help="a smaller mix and shorter measurements: a few seconds"
    )
    cli.add_argument(
        "--repeats", type=int, default=None, help="repeats per system (default 7, quick 5; at least 5)"
    )
    cli.add_argument(
        "--size", type=int, default=None, help="strings in the mix (default 20,000, quick 2,000)"
    )
    cli.add_argument(
        "--min-time",
        type=float,
        default=None,
        help="seconds one measurement lasts at least (default 0.25, quick 0.05)",
    )
    cli.add_argument("--seed", type=int, default=SEED, help=f"seed of the mix (default {SEED})")
    args = cli.parse_args(argv)
    if args.repeats is None:
        args.repeats = MIN_REPEATS if args.quick else 7
    if args.size is None:
        args.size = 2_000 if args.quick else 20_000
    if args.min_time is None:
        args.min_time = 0.05 if args.quick else 0.25
    if args.repeats < MIN_REPEATS:
        cli.error(f"--repeats must be at least {MIN_REPEATS}: the figures are medians of five or more")
    if args.size < 100:
        cli.error("--size must be at least 100")
    if args.min_time <= 0:
        cli.error("--min-time must be positive")
    return args


def main(argv: Sequence[str] | None = None) -> None:
    """Build the strings, check the systems agree, measure, print."""
    args = parse_args(argv)
    mix = make_mix(args.size, args.seed)
    everything = [text for _, text in mix]
    plain = [text for kind, text in mix if kind in PLAIN_KINDS]

    comparisons: list[tuple[str, Parse]] = [
        ("dateutil.parser.isoparse", dateutil_parser.isoparse),
        ("dateutil.parser.parse", dateutil_parser.parse),
    ]
    check_agreement([("eventmodel When.parse", When.parse), *comparisons], plain)
    for text in everything:  # the whole mix must be valid EDTF, or the benchmark measures errors
        When.parse(text)

    reference = Case("eventmodel When.parse", "plain", When.parse, plain)
    cases = [
        reference,
        *(Case(name, "plain", parse, plain) for name, parse in comparisons),
        Case("datetime.fromisoformat (floor)", "plain", datetime.fromisoformat, plain),
        Case("eventmodel When.parse", "full mix", When.parse, everything),
    ]
    for case in cases:
        warm_up(case, args.min_time)
    measure(cases, args.repeats)
    report(cases, reference, args)


if __name__ == "__main__":
    main()

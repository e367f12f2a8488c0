"""
JSON: eventmodel.json against pydantic v2, msgspec, stix2, prov and the untyped floors.

Run it from the repository root, in an environment with eventmodel and the
peers installed (``pip install -e ".[bench]"``)::

    python benchmarks/bench_json.py            # the standard batch: 7–25 minutes, by the machine's load
    python benchmarks/bench_json.py --quick    # a small batch: well under a minute

Every system models the same content (the standard batch of workload.py) and
is measured side by side in one process run, interleaved, with the garbage
collector on: building typed objects from Python values, encoding them to
JSON bytes, decoding the bytes back to validated typed objects, and the full
round trip. Each rate is the median of the repeats; each ratio is the median
of the ratios paired within a repeat. Memory per decoded claim is measured
with tracemalloc. See README.md in this folder for how to read the tables.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import inspect
import math
import platform
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import orjson
import workload

import eventmodel as em
import eventmodel.json as em_json

MIN_REPEATS = 5
OPERATIONS = ("build", "encode", "decode", "round trip")
REFERENCE = "eventmodel-orjson"


# -- the systems ----------------------------------------------------------------------------


@dataclass
class System:
    """One system: how it builds, encodes and decodes the batch, and how to check its round trip."""

    key: str
    name: str
    build: Callable[[workload.Batch], Any]
    encode: Callable[[Any], bytes]
    decode: Callable[[bytes], Any]
    #: Whether its JSON is eventmodel's document form (then it is checked against the batch).
    document_form: bool = True
    #: Whether building is measured (no: it is the same as another row's, or there is nothing to build).
    measure_build: bool = True
    typed: bool = True


def _eventmodel(backend: str) -> System:
    reads_with_backend = "backend" in inspect.signature(em_json.loads).parameters

    def encode(dossier: em.Dossier) -> bytes:
        return em_json.dumps(dossier, backend=backend).encode()

    def decode(data: bytes) -> em.Dossier:
        if reads_with_backend:
            return em_json.loads(data, em.Dossier, backend=backend)  # type: ignore[call-arg]
        return em_json.loads(data, em.Dossier)

    return System(
        key=f"eventmodel-{backend}",
        name=f"eventmodel ({'orjson' if backend == 'orjson' else 'stdlib json'})",
        build=workload.build_eventmodel,
        encode=encode,
        decode=decode,
        measure_build=backend == "orjson",
    )


def _peer(key: str, name: str, module: str, **options: Any) -> Callable[[], System]:
    def make() -> System:
        peer = importlib.import_module(f"peers.{module}")
        return System(key=key, name=name, build=peer.build, encode=peer.encode, decode=peer.decode, **options)

    return make


def _floor(library: str) -> System:
    from peers import floors  # noqa: PLC0415 - imported when chosen

    return System(
        key=library,
        name=f"{library}, plain dicts (floor)",
        build=floors.build,
        encode=getattr(floors, f"encode_{library}"),
        decode=getattr(floors, f"decode_{library}"),
        measure_build=False,
        typed=False,
    )


SYSTEMS: dict[str, Callable[[], System]] = {
    "eventmodel-orjson": lambda: _eventmodel("orjson"),
    "eventmodel-json": lambda: _eventmodel("json"),
    "pydantic": _peer("pydantic", "pydantic v2", "pydantic_v2"),
    "msgspec": _peer("msgspec", "msgspec", "msgspec_structs"),
    "stix2": _peer("stix2", "stix2 (STIX 2.1)", "stix2_objects", document_form=False),
    "prov": _peer("prov", "prov (PROV-JSON)", "prov_document", document_form=False),
    "orjson": lambda: _floor("orjson"),
    "json": lambda: _floor("json"),
}

#: Package versions printed with the results.
PACKAGES = (
    "eventmodel",
    "attrs",
    "cattrs",
    "orjson",
    "pydantic",
    "pydantic-core",
    "msgspec",
    "stix2",
    "prov",
)


# -- checks before timing -------------------------------------------------------------------


def check_vocabularies() -> None:
    """The peers' enums must hold eventmodel's values, or they validate different words."""
    from peers import vocabulary  # noqa: PLC0415

    pairs = [
        (vocabulary.ActorKind, em.ActorKind),
        (vocabulary.SourceKind, em.SourceKind),
        (vocabulary.SpeechAct, em.SpeechAct),
        (vocabulary.Reliability, em.Reliability),
        (vocabulary.ConfidenceScale, em.ConfidenceScale),
    ]
    for mine, theirs in pairs:
        if {member.value for member in mine} != {member.value for member in theirs}:
            sys.exit(f"peers/vocabulary.py: {mine.__name__} differs from eventmodel's")
    codes = {member.value for member in vocabulary.Factuality}
    for code in codes:
        em.Factuality.parse(code)
    if len(codes) != 8:
        sys.exit("peers/vocabulary.py: Factuality must hold FactBank's eight values")


@dataclass
class Prepared:
    """A system's objects and JSON for the batch, and how long one untimed pass of each step took."""

    built: Any
    data: bytes
    seconds: dict[str, float]


def check_system(system: System, batch: workload.Batch) -> Prepared:
    """
    Build, encode and decode once (the warm-up pass, which also sets how many passes
    one measurement makes); exit unless the round trip gives back what was built.
    """
    gc.collect()
    start = time.perf_counter()
    built = system.build(batch)
    built_at = time.perf_counter()
    data = system.encode(built)
    encoded_at = time.perf_counter()
    decoded = system.decode(data)
    decoded_at = time.perf_counter()
    if decoded != built:
        sys.exit(f"{system.name}: decoding its own JSON does not give back what was built")
    if system.document_form and orjson.loads(data) != batch.document():
        sys.exit(f"{system.name}: its JSON is not eventmodel's document form of the batch")
    seconds = {
        "build": built_at - start,
        "encode": encoded_at - built_at,
        "decode": decoded_at - encoded_at,
        "round trip": decoded_at - built_at,
    }
    return Prepared(built, data, seconds)


#: Documents each typed system must refuse: (what is wrong, how to spoil a claim document).
BAD_CLAIMS: tuple[tuple[str, Callable[[dict[str, Any]], None]], ...] = (
    ("confidence as text", lambda claim: claim["confidence"].update(value="50")),
    ("confidence over 100", lambda claim: claim["confidence"].update(value=101)),
    ("a month 13", lambda claim: claim.update(made_at="2022-13-01")),
    ("an unknown speech act", lambda claim: claim.update(speech_act="whispers")),
    ("a span longer than its quote", lambda claim: claim["evidence"][0]["span"].update(start=0, end=10**6)),
    ("an empty claimant id", lambda claim: claim.update(claimant="")),
    (
        "a decimal that is no number",
        lambda claim: _first_event(claim)["where"].update(point={"lat": "north", "lon": "1"}),
    ),
    (
        "a quantity with no number",
        lambda claim: _first_event(claim).update(quantities={"killed": {"unit": "people"}}),
    ),
)


def _first_event(claim: dict[str, Any]) -> dict[str, Any]:
    content = claim
    while content["type"] == "claim":
        content = content["content"]
    return content


def refusals(system: System, batch: workload.Batch) -> int:
    """How many of BAD_CLAIMS the system refuses when decoding them."""
    refused = 0
    for _, spoil in BAD_CLAIMS:
        document = orjson.loads(orjson.dumps(batch.document()))
        spoil(document["claims"][0])
        try:
            system.decode(orjson.dumps(document))
        except Exception:  # noqa: BLE001 - each library raises its own errors
            refused += 1
    return refused


# -- timing ---------------------------------------------------------------------------------


@dataclass
class Case:
    """One system doing one operation, and its rate (top-level claims per second) in each repeat."""

    system: System
    operation: str
    run: Callable[[], object]
    loops: int = 1
    rates: list[float] = field(default_factory=list)


def _time_once(run: Callable[[], object], loops: int) -> float:
    gc.collect()  # each measurement starts from the same heap; the collector stays on while it runs
    start = time.perf_counter()
    for _ in range(loops):
        result = run()
        del result
    return time.perf_counter() - start


def make_cases(system: System, batch: workload.Batch, prepared: Prepared, min_time: float) -> list[Case]:
    """
    The operations to time for *system*, each as a callable over the prebuilt objects or
    bytes, with as many passes as make one measurement last at least *min_time*.
    """
    built, data = prepared.built, prepared.data
    runs: dict[str, Callable[[], object]] = {
        "build": lambda: system.build(batch),
        "encode": lambda: system.encode(built),
        "decode": lambda: system.decode(data),
        "round trip": lambda: system.decode(system.encode(built)),
    }
    return [
        Case(
            system, operation, run, loops=max(1, math.ceil(min_time / max(prepared.seconds[operation], 1e-9)))
        )
        for operation, run in runs.items()
        if operation != "build" or system.measure_build
    ]


def measure(cases: Sequence[Case], repeats: int, claims: int) -> None:
    """Interleave the cases: each repeat runs each case once, in a rotated order."""
    for repeat in range(repeats):
        shift = (repeat * 7) % len(cases)
        for case in [*cases[shift:], *cases[:shift]]:
            elapsed = _time_once(case.run, case.loops)
            case.rates.append(case.loops * claims / elapsed)
        print(f"  repeat {repeat + 1} of {repeats} done", file=sys.stderr)


@dataclass
class Memory:
    """What decoding one batch holds and needs, in bytes (tracemalloc)."""

    retained: int
    peak: int


def measure_memory(system: System, data: bytes) -> Memory:
    """The memory the decoded objects hold once decoding is over, and the peak while decoding."""
    gc.collect()
    tracemalloc.start()
    try:
        base, _ = tracemalloc.get_traced_memory()
        decoded = system.decode(data)
        gc.collect()
        current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del decoded
    return Memory(retained=current - base, peak=peak - base)


# -- the report -----------------------------------------------------------------------------


def _paired(case: Case, reference: Case) -> list[float]:
    return [mine / theirs for mine, theirs in zip(case.rates, reference.rates, strict=True)]


def _table(rows: Sequence[Sequence[str]], right: frozenset[int] = frozenset()) -> None:
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    for index, row in enumerate(rows):
        cells = [
            cell.rjust(width) if column in right else cell.ljust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        print("  ".join(cells).rstrip())
        if index == 0:
            print("  ".join("-" * width for width in widths))


def _revision() -> str:
    """The git commit eventmodel was imported from, if it is a checkout."""
    folder = Path(em.__file__).resolve().parent
    try:
        commit = subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "-C", str(folder), "status", "--porcelain", "--", "."],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""
    return f" (commit {commit}{', with uncommitted changes' if changed else ''})"


def _versions() -> str:
    found = []
    for package in PACKAGES:
        try:
            found.append(f"{package} {version(package)}{_revision() if package == 'eventmodel' else ''}")
        except PackageNotFoundError:
            continue
    return ", ".join(found)


@dataclass
class Results:
    """Everything measured in one run."""

    systems: list[System]
    cases: dict[tuple[str, str], Case]
    memory: dict[str, Memory]
    sizes: dict[str, int]
    refused: dict[str, int | None]

    def case(self, key: str, operation: str) -> Case | None:
        """The case of system *key* doing *operation*; for an unmeasured build, the reference's."""
        found = self.cases.get((key, operation))
        if found is None and operation == "build" and key.startswith("eventmodel"):
            found = self.cases.get((REFERENCE, operation))
        return found


def report_header(args: argparse.Namespace, batch: workload.Batch) -> None:
    counts = batch.counts
    print(f"JSON benchmark, {date.today().isoformat()}")
    print(
        f"Python {platform.python_version()} ({platform.python_implementation()}), {platform.system()} {platform.machine()}"
    )
    print(_versions())
    print(
        f"Batch (seed {args.seed}): {counts['actors']:,} actors, {counts['sources']:,} sources, "
        f"{len(batch.claims):,} top-level claims ({counts['claims']:,} claims in all, {counts['events']:,} events)"
    )
    print(f"{args.repeats} repeats, interleaved; garbage collector on: {gc.isenabled()}")
    if "backend" not in inspect.signature(em_json.loads).parameters:
        print(
            "eventmodel.json.loads reads eventmodel's compact JSON with orjson when it is installed, whatever the "
            "backend: the backend is the writer's"
        )
    print(
        "Rates are top-level claims per second (median); ratios are to eventmodel (orjson), paired per repeat."
    )


def report_ratios(results: Results, reference_key: str) -> None:
    print()
    print("Ratio to eventmodel (orjson), median of the paired repeats: above 1 is faster than eventmodel")
    header = ["system", *OPERATIONS]
    rows = [header]
    for system in results.systems:
        row = [system.name]
        for operation in OPERATIONS:
            case = results.case(system.key, operation)
            reference = results.case(reference_key, operation)
            if case is None or reference is None:
                row.append("—")
            elif case is reference:
                row.append("1.00" if system.key == reference_key else "= eventmodel (orjson)")
            else:
                row.append(f"{statistics.median(_paired(case, reference)):.2f}")
        rows.append(row)
    _table(rows, right=frozenset(range(1, len(header))))


def report_rates(results: Results, reference_key: str) -> None:
    print()
    print("Claims per second (median), and the ratio's lowest and highest over the repeats")
    rows = [["system", "operation", "claims/s", "ratio (min–max)"]]
    for system in results.systems:
        for operation in OPERATIONS:
            case = results.cases.get((system.key, operation))
            reference = results.case(reference_key, operation)
            if case is None or reference is None:
                continue
            ratios = _paired(case, reference)
            rows.append(
                [
                    system.name,
                    operation,
                    f"{statistics.median(case.rates):,.0f}",
                    f"{statistics.median(ratios):.2f} ({min(ratios):.2f}–{max(ratios):.2f})",
                ]
            )
    _table(rows, right=frozenset({2}))


def report_memory(results: Results, claims: int, reference_key: str) -> None:
    print()
    print("Memory (tracemalloc) and JSON size, per top-level claim of the decoded batch")
    rows = [["system", "held after decoding", "peak while decoding", "JSON size", "refuses bad claims"]]
    reference_size = results.sizes.get(reference_key)
    for system in results.systems:
        memory = results.memory.get(system.key)
        size = results.sizes[system.key]
        refused = results.refused.get(system.key)
        rows.append(
            [
                system.name,
                "—" if memory is None else f"{memory.retained / claims:,.0f} B",
                "—" if memory is None else f"{memory.peak / claims:,.0f} B",
                f"{size / claims:,.0f} B"
                + ("" if reference_size is None else f" ({size / reference_size:.2f}×)"),
                "—" if refused is None else f"{refused} of {len(BAD_CLAIMS)}",
            ]
        )
    _table(rows, right=frozenset({1, 2, 3}))


@dataclass
class Target:
    text: str
    operation: str  # an operation, or "memory"
    peer: str
    at_least: float | None = None
    at_most: float | None = None


TARGETS = (
    Target("JSON round trip ≥ 2× pydantic v2", "round trip", "pydantic", at_least=2),
    Target("JSON round trip ≥ 20× stix2", "round trip", "stix2", at_least=20),
    Target("JSON round trip ≥ 20× prov", "round trip", "prov", at_least=20),
    Target("JSON round trip ≥ 1/3 of msgspec", "round trip", "msgspec", at_least=1 / 3),
    Target("construction ≥ 2× pydantic v2", "build", "pydantic", at_least=2),
    Target("bytes per decoded claim ≤ 1.2× msgspec's", "memory", "msgspec", at_most=1.2),
)


def _target_value(results: Results, key: str, target: Target) -> float | None:
    """eventmodel's figure over the peer's: its speed ratio, or its memory ratio."""
    if target.operation == "memory":
        mine, theirs = results.memory.get(key), results.memory.get(target.peer)
        return None if mine is None or theirs is None else mine.retained / theirs.retained
    mine_case, theirs_case = results.case(key, target.operation), results.case(target.peer, target.operation)
    if mine_case is None or theirs_case is None:
        return None
    return statistics.median(_paired(mine_case, theirs_case))


def report_targets(results: Results) -> None:
    print()
    print(
        "Targets: eventmodel's figure over the peer's (speed: how many times as fast; memory: how many times as much)"
    )
    rows = [["target", "eventmodel (orjson)", "eventmodel (stdlib json)"]]
    for target in TARGETS:
        row = [target.text]
        for key in ("eventmodel-orjson", "eventmodel-json"):
            value = _target_value(results, key, target)
            if value is None:
                row.append("—")
                continue
            met = (target.at_least is None or value >= target.at_least) and (
                target.at_most is None or value <= target.at_most
            )
            row.append(f"{value:.2f}× {'met' if met else 'MISSED'}")
        rows.append(row)
    _table(rows)


# -- main -----------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    cli = argparse.ArgumentParser(description="JSON: eventmodel.json against its peers, side by side.")
    cli.add_argument("--quick", action="store_true", help="a 500-claim batch and short measurements")
    cli.add_argument(
        "--systems",
        default=",".join(SYSTEMS),
        help=f"comma-separated systems to run (default: all): {', '.join(SYSTEMS)}",
    )
    cli.add_argument("--claims", type=int, default=None, help="top-level claims (default 10,000, quick 500)")
    cli.add_argument("--repeats", type=int, default=MIN_REPEATS, help="repeats (default and least: 5)")
    cli.add_argument(
        "--min-time", type=float, default=None, help="least seconds per measurement (default 0.2, quick 0.02)"
    )
    cli.add_argument(
        "--seed", type=int, default=workload.SEED, help=f"seed of the batch (default {workload.SEED})"
    )
    cli.add_argument("--no-memory", action="store_true", help="skip the tracemalloc measurements")
    args = cli.parse_args(argv)
    args.systems = [name.strip() for name in args.systems.split(",") if name.strip()]
    unknown = [name for name in args.systems if name not in SYSTEMS]
    if unknown or not args.systems:
        cli.error(f"unknown systems {unknown}; choose from {', '.join(SYSTEMS)}")
    if args.claims is None:
        args.claims = 500 if args.quick else workload.STANDARD_SIZE[2]
    if args.min_time is None:
        args.min_time = 0.02 if args.quick else 0.2
    if args.repeats < MIN_REPEATS:
        cli.error(f"--repeats must be at least {MIN_REPEATS}: the figures are medians of five or more")
    if args.claims < 20:
        cli.error("--claims must be at least 20")
    return args


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    keys = list(args.systems)
    if REFERENCE not in keys:
        keys.insert(0, REFERENCE)  # the ratios need it
    try:
        systems = [SYSTEMS[key]() for key in keys]
    except ImportError as error:
        sys.exit(f"{error}: install the peers with: pip install -e '.[bench]'")
    batch = workload.scaled(args.claims, args.seed)
    small = workload.scaled(20, args.seed)
    check_vocabularies()

    cases: list[Case] = []
    sizes: dict[str, int] = {}
    refused: dict[str, int | None] = {}
    prepared: dict[str, Prepared] = {}
    for system in systems:
        print(f"checking {system.name}", file=sys.stderr)
        prepared[system.key] = check_system(system, batch)
        sizes[system.key] = len(prepared[system.key].data)
        refused[system.key] = refusals(system, small) if system.document_form else None
        cases.extend(make_cases(system, batch, prepared[system.key], args.min_time))
    # The batch and every system's prebuilt objects and bytes live through the whole run: move
    # them out of the collector's reach, so that no system pays for collecting another's data.
    # The collector stays on for everything made while measuring.
    gc.collect()
    gc.freeze()
    measure(cases, args.repeats, len(batch.claims))

    memory: dict[str, Memory] = {}
    if not args.no_memory:
        for system in systems:
            print(f"memory: {system.name}", file=sys.stderr)
            memory[system.key] = measure_memory(system, prepared[system.key].data)
    results = Results(
        systems, {(case.system.key, case.operation): case for case in cases}, memory, sizes, refused
    )
    report_header(args, batch)
    report_ratios(results, REFERENCE)
    report_rates(results, REFERENCE)
    report_memory(results, len(batch.claims), REFERENCE)
    report_targets(results)


if __name__ == "__main__":
    main()

"""
JSON Lines: streaming a million claims through eventmodel.json in flat memory.

Run it from the repository root, in an environment with eventmodel installed::

    python benchmarks/bench_jsonl.py            # 1,000,000 claims: about a quarter of an hour
    python benchmarks/bench_jsonl.py --quick    # 100,000 claims: under two minutes

Writes claims of the standard workload (workload.py), built one at a time,
to a temporary JSON Lines file with ``eventmodel.json.write_jsonl``, then
streams them back with ``eventmodel.json.iter_jsonl``. Each of the two passes
runs in a fresh process, so that the process's maximum resident size
(``ru_maxrss``) belongs to that pass alone. At 10k, 100k and 1M claims it
reports the pass's tracemalloc peak and ru_maxrss so far: if memory stays
flat, the figures at 1M are those at 10k.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator, Sequence
from datetime import date
from importlib.metadata import version
from pathlib import Path
from typing import Any

import workload

import eventmodel as em
import eventmodel.json as em_json

CHECKPOINTS = (10_000, 100_000, 1_000_000)
QUICK_CHECKPOINTS = (10_000, 100_000)
#: How many claims of the read pass are compared with freshly built ones.
VERIFIED = 1_000


def _max_rss() -> int:
    """The process's maximum resident size so far, in bytes (Linux reports KiB, macOS bytes)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss if sys.platform == "darwin" else rss * 1024


class Recorder:
    """Takes the figures of a pass at each checkpoint."""

    def __init__(self, checkpoints: Sequence[int]) -> None:
        self.checkpoints = set(checkpoints)
        self.rows: list[dict[str, Any]] = []
        self.baseline_rss = _max_rss()
        gc.collect()
        tracemalloc.start()
        self.start = time.perf_counter()

    def __call__(self, count: int) -> None:
        if count in self.checkpoints:
            elapsed = time.perf_counter() - self.start
            self.rows.append(
                {
                    "claims": count,
                    "seconds": elapsed,
                    "peak": tracemalloc.get_traced_memory()[1],
                    "max_rss": _max_rss(),
                }
            )


def _claims(count: int, seed: int, record: Recorder) -> Iterator[em.Claim]:
    for index, document in enumerate(workload.iter_claims(count, seed), start=1):
        yield workload.build_eventmodel_claim(document)
        record(index)  # the claim just yielded has been written by now


def write_pass(
    path: Path, count: int, seed: int, checkpoints: Sequence[int], backend: str | None
) -> dict[str, Any]:
    record = Recorder(checkpoints)
    with path.open("w", encoding="utf-8") as fp:
        written = em_json.write_jsonl(_claims(count, seed, record), fp, backend=backend)  # type: ignore[arg-type]
    tracemalloc.stop()
    return {
        "count": written,
        "baseline_rss": record.baseline_rss,
        "rows": record.rows,
        "bytes": path.stat().st_size,
    }


def read_pass(path: Path, count: int, seed: int, checkpoints: Sequence[int]) -> dict[str, Any]:
    expected = [
        workload.build_eventmodel_claim(document)
        for document in workload.iter_claims(min(count, VERIFIED), seed)
    ]
    record = Recorder(checkpoints)
    read = 0
    with path.open(encoding="utf-8") as fp:
        for read, claim in enumerate(em_json.iter_jsonl(fp, em.Claim), start=1):
            if read <= len(expected) and claim != expected[read - 1]:
                raise SystemExit(f"claim {read} does not read back as it was written")
            record(read)
    tracemalloc.stop()
    return {"count": read, "baseline_rss": record.baseline_rss, "rows": record.rows}


def _child(args: argparse.Namespace) -> None:
    path = Path(args.path)
    checkpoints = [int(value) for value in args.checkpoints.split(",")]
    if args.phase == "write":
        result = write_pass(path, args.count, args.seed, checkpoints, args.backend)
    else:
        result = read_pass(path, args.count, args.seed, checkpoints)
    print(json.dumps(result))


def _run_child(
    phase: str, path: Path, args: argparse.Namespace, checkpoints: Sequence[int]
) -> dict[str, Any]:
    command = [
        sys.executable,
        __file__,
        "--phase",
        phase,
        "--path",
        str(path),
        "--count",
        str(max(checkpoints)),
        "--seed",
        str(args.seed),
        "--checkpoints",
        ",".join(str(value) for value in checkpoints),
    ]
    if args.backend:
        command += ["--backend", args.backend]
    print(f"{phase} pass: {max(checkpoints):,} claims", file=sys.stderr)
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _mb(value: float) -> str:
    return f"{value / 2**20:,.1f} MiB"


def report(results: dict[str, dict[str, Any]], args: argparse.Namespace) -> None:
    backend = args.backend or ("orjson" if _has_orjson() else "json")
    print(f"JSON Lines benchmark, {date.today().isoformat()}")
    print(
        f"Python {platform.python_version()} ({platform.python_implementation()}), "
        f"{platform.system()} {platform.machine()}; eventmodel {version('eventmodel')}; "
        f"writing with {backend}"
    )
    written = results["write"]
    print(
        f"{written['count']:,} claims of the standard workload (seed {args.seed}), "
        f"{written['bytes'] / written['count']:,.0f} bytes a line, {_mb(written['bytes'])} in all; "
        f"garbage collector on; each pass in a fresh process"
    )
    print()
    rows = [["pass", "claims", "seconds", "claims/s", "tracemalloc peak", "ru_maxrss", "ru_maxrss at start"]]
    for phase in ("write", "read"):
        result = results[phase]
        rows.extend(
            [
                phase,
                f"{row['claims']:,}",
                f"{row['seconds']:.1f}",
                f"{row['claims'] / row['seconds']:,.0f}",
                _mb(row["peak"]),
                _mb(row["max_rss"]),
                _mb(result["baseline_rss"]),
            ]
            for row in result["rows"]
        )
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    for index, row in enumerate(rows):
        print(
            "  ".join(
                cell.rjust(width) if column else cell.ljust(width)
                for column, (cell, width) in enumerate(zip(row, widths, strict=True))
            )
        )
        if index == 0:
            print("  ".join("-" * width for width in widths))
    print()
    for phase in ("write", "read"):
        first, last = results[phase]["rows"][0], results[phase]["rows"][-1]
        print(
            f"{phase}: from {first['claims']:,} to {last['claims']:,} claims, tracemalloc peak × "
            f"{last['peak'] / first['peak']:.2f}, ru_maxrss × {last['max_rss'] / first['max_rss']:.2f}"
        )


def _has_orjson() -> bool:
    try:
        import orjson  # noqa: F401, PLC0415
    except ImportError:
        return False
    return True


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    cli = argparse.ArgumentParser(
        description="JSON Lines: a million claims through eventmodel.json in flat memory."
    )
    cli.add_argument("--quick", action="store_true", help="100,000 claims (checkpoints at 10k and 100k)")
    cli.add_argument(
        "--seed", type=int, default=workload.SEED, help=f"seed of the claims (default {workload.SEED})"
    )
    cli.add_argument(
        "--backend", choices=("json", "orjson"), default=None, help="write_jsonl's backend (default: its own)"
    )
    cli.add_argument("--keep", type=Path, default=None, help="write the file here and keep it")
    # The passes run as child processes of this script:
    cli.add_argument("--phase", choices=("write", "read"), help=argparse.SUPPRESS)
    cli.add_argument("--path", help=argparse.SUPPRESS)
    cli.add_argument("--count", type=int, help=argparse.SUPPRESS)
    cli.add_argument("--checkpoints", help=argparse.SUPPRESS)
    return cli.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    if args.phase:
        _child(args)
        return
    checkpoints = QUICK_CHECKPOINTS if args.quick else CHECKPOINTS
    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "claims.jsonl"
        results = {phase: _run_child(phase, path, args, checkpoints) for phase in ("write", "read")}
        if args.keep is None:
            os.remove(path)
    report(results, args)


if __name__ == "__main__":
    main()

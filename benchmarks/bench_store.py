"""
The embedded store (eventmodel.Store): loading, corroboration, and the rules in flat memory.

Run it from the repository root, in an environment with eventmodel installed::

    python benchmarks/bench_store.py                       # 100,000 claims
    python benchmarks/bench_store.py --claims 1000000      # a million: most of an hour here
    python benchmarks/bench_store.py --rss 10000 100000    # validate --store at these sizes

Claims are those of the standard workload (workload.py), except that the
events are shared: the event of each claim is one of ``claims / 4`` events,
drawn from the seed, so that an event has four reports on average and
corroboration has origins to group. They are written once to a JSON Lines
file; then, each in a fresh process (so that its ``ru_maxrss`` is its own):

- ``dossier``: the JSON Lines read into a :class:`~eventmodel.Dossier`
  (``Dossier(iter_jsonl(fp))``), the baseline;
- ``load``: the same lines added to a new store file in one transaction,
  by ``Store(path).add_all(iter_jsonl(fp))`` in one process, and by
  ``Store(path).load_jsonl(path)`` (what ``eventmodel load`` does: worker
  processes read the lines, one a core, while one process writes);
- ``corroborate``: ``Store.corroboration`` of 1,000 events drawn from the
  seed, one at a time (median and 95th percentile), and of every event;
- ``validate``: ``eventmodel validate --store`` (every provenance rule, the
  store streamed), at each size of ``--rss``, with its process's
  ``ru_maxrss``; and ``eventmodel validate`` of the JSON Lines, which holds
  the dossier, beside it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import workload

import eventmodel as em
import eventmodel.json as em_json
from eventmodel.cli import main as cli_main

HERE = Path(__file__).parent


def _max_rss() -> int:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss if sys.platform == "darwin" else rss * 1024


def _cpu() -> float:
    """The process's CPU time so far (user and system), in seconds: on a shared machine, steadier than the clock."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _shared_events(doc: dict[str, Any], rng: random.Random, events: int) -> dict[str, Any]:
    content = doc
    while content.get("type") == "claim":
        content = content["content"]
    content["id"] = f"event:{rng.randrange(events):08d}"
    return doc


def write_lines(path: Path, claims: int, seed: int) -> None:
    base = workload.generate(0, seed=seed)
    rng = random.Random(seed + 1)
    events = max(1, claims // 4)
    objects = [
        *(workload.build_eventmodel_actor(doc) for doc in base.actors),
        *(workload.build_eventmodel_source(doc) for doc in base.sources),
    ]
    with path.open("w", encoding="utf-8") as fp:
        em_json.write_jsonl(objects, fp)
        em_json.write_jsonl(
            (
                workload.build_eventmodel_claim(_shared_events(doc, rng, events))
                for doc in workload.iter_claims(claims, seed)
            ),
            fp,
        )


# -- the passes, each run in a process of its own -----------------------------------------------------


def pass_dossier(lines: str) -> dict[str, Any]:
    start = time.perf_counter()
    with open(lines, "rb") as fp:
        dossier = em.Dossier(em_json.iter_jsonl(fp))
    return {"seconds": time.perf_counter() - start, "cpu": _cpu(), "objects": len(dossier), "rss": _max_rss()}


def pass_load(lines: str, db: str, how: str = "lines") -> dict[str, Any]:
    """``objects``: ``add_all(iter_jsonl(fp))`` in this process; ``lines``: ``load_jsonl``, with its workers."""
    start = time.perf_counter()
    with em.Store(db) as store:
        if how == "objects":
            with open(lines, "rb") as fp:
                added = store.add_all(em_json.iter_jsonl(fp))
        else:
            added = store.load_jsonl(lines)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "seconds": time.perf_counter() - start,
        "cpu": _cpu() + children.ru_utime + children.ru_stime,  # the workers' too
        "objects": added,
        "rss": _max_rss(),
        "workers_rss": children.ru_maxrss * (1 if sys.platform == "darwin" else 1024),
    }


def pass_corroborate(db: str, seed: int) -> dict[str, Any]:
    with em.Store(db) as store:
        events = [
            row[0]
            for row in store._db.execute(
                "SELECT DISTINCT subject FROM hops WHERE subject_type = 'event' ORDER BY subject"
            )
        ]
        rng = random.Random(seed)
        chosen = rng.sample(events, min(1_000, len(events)))
        store.corroboration(chosen[0])  # the first query opens the file's pages
        each = []
        reports = 0
        for event in chosen:
            start = time.perf_counter()
            found = store.corroboration(event)
            each.append(time.perf_counter() - start)
            reports += len(found.reports)
        start = time.perf_counter()
        origins = sum(len(store.corroboration(event).origins) for event in events)
        every = time.perf_counter() - start
    each.sort()
    return {
        "events": len(events),
        "median_ms": statistics.median(each) * 1000,
        "p95_ms": each[int(len(each) * 0.95)] * 1000,
        "reports_per_event": reports / len(chosen),
        "all_seconds": every,
        "origins": origins,
        "rss": _max_rss(),
    }


def pass_validate(target: str, store: bool) -> dict[str, Any]:
    start = time.perf_counter()
    argv = ["validate", "--store", target] if store else ["validate", "--no-progress", target]
    with open(os.devnull, "w") as devnull:
        saved, sys.stdout = sys.stdout, devnull
        try:
            status = cli_main(argv)
        finally:
            sys.stdout = saved
    return {"seconds": time.perf_counter() - start, "cpu": _cpu(), "status": status, "rss": _max_rss()}


def _in_process(*argv: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--pass", *argv],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _mib(size: int) -> str:
    return f"{size / 2**20:,.1f} MiB"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--rss", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--seed", type=int, default=workload.SEED)
    parser.add_argument(
        "--validate-only",
        choices=["store", "file"],
        nargs="+",
        metavar="KIND",
        help="only these validations (store: validate --store; file: validate FILE) at each size of --rss: no loading or corroboration passes",
    )
    parser.add_argument("--pass", dest="step", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        name, *rest = args.step
        passes = {
            "dossier": lambda: pass_dossier(rest[0]),
            "load": lambda: pass_load(*rest),
            "corroborate": lambda: pass_corroborate(rest[0], int(rest[1])),
            "validate": lambda: pass_validate(rest[0], rest[1] == "store"),
        }
        print(json.dumps(passes[name]()))
        return
    print(
        f"{platform.python_implementation()} {platform.python_version()}, {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} cores, eventmodel {em.__version__}, SQLite {__import__('sqlite3').sqlite_version}"
    )
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        if args.validate_only:
            _validations(
                work,
                args.rss,
                args.seed,
                tuple("--store" if kind == "store" else kind for kind in args.validate_only),
            )
            return
        lines = work / "claims.jsonl"
        start = time.perf_counter()
        write_lines(lines, args.claims, args.seed)
        print(
            f"{args.claims:,} claims of the standard workload (seed {args.seed}), events shared four ways on "
            f"average: {_mib(lines.stat().st_size)} of JSON Lines, written in {time.perf_counter() - start:.1f} s"
        )
        db = work / "claims.db"
        read = _in_process("dossier", str(lines))
        serial = _in_process("load", str(lines), str(work / "serial.db"), "objects")
        (work / "serial.db").unlink()
        load = _in_process("load", str(lines), str(db), "lines")
        print()
        print("pass                                 seconds  CPU seconds  objects/s  ru_maxrss")
        print("-----------------------------------  -------  -----------  ---------  ---------")
        for name, result in (
            ("JSON Lines into a Dossier", read),
            ("Store.add_all(iter_jsonl(fp))", serial),
            ("Store.load_jsonl (eventmodel load)", load),
        ):
            rate = result["objects"] / result["seconds"]
            print(
                f"{name:<35}  {result['seconds']:7.1f}  {result['cpu']:11.1f}  {rate:9,.0f}  {_mib(result['rss']):>9}"
            )
        print(
            f"load_jsonl / dossier: {load['seconds'] / read['seconds']:.2f}× the time; add_all / dossier: "
            f"{serial['seconds'] / read['seconds']:.2f}×; load_jsonl's workers' ru_maxrss "
            f"{_mib(load['workers_rss'])}; store file {_mib(db.stat().st_size)}; 1,000,000 claims at "
            f"load_jsonl's rate: {1_000_000 / (load['objects'] / load['seconds']):.0f} s"
        )
        found = _in_process("corroborate", str(db), str(args.seed))
        print()
        print(
            f"corroboration of one event ({found['reports_per_event']:.1f} reports on average), 1,000 events: "
            f"median {found['median_ms']:.2f} ms, 95th percentile {found['p95_ms']:.2f} ms"
        )
        print(
            f"corroboration of all {found['events']:,} events: {found['all_seconds']:.1f} s "
            f"({found['all_seconds'] / found['events'] * 1000:.2f} ms an event), ru_maxrss {_mib(found['rss'])}"
        )
        _validations(work, args.rss, args.seed, ("--store", "file"))


def _validations(work: Path, sizes: list[int], seed: int, kinds: tuple[str, ...]) -> None:
    print()
    print("validate    claims  seconds  CPU seconds  ru_maxrss")
    print("--------  --------  -------  -----------  ---------")
    for size in sizes:
        small = work / f"rss-{size}.jsonl"
        small_db = work / f"rss-{size}.db"
        write_lines(small, size, seed)
        if "--store" in kinds:
            _in_process("load", str(small), str(small_db), "lines")
        for kind in kinds:
            target = small_db if kind == "--store" else small
            result = _in_process("validate", str(target), "store" if kind == "--store" else "file")
            print(
                f"{kind:<8}  {size:8,}  {result['seconds']:7.1f}  {result['cpu']:11.1f}  {_mib(result['rss']):>9}"
            )
        small.unlink()
        small_db.unlink(missing_ok=True)


if __name__ == "__main__":
    main()

"""
Synthetic claims to Parquet in bounded memory, and corroboration of every
event on DuckDB over the files, each in a process of its own so that its
peak memory (max RSS) is its own.

    python benchmarks/bench_parquet.py 200000 [1000000 ...]
    python benchmarks/bench_parquet.py --conflicts 100000

With ``--conflicts``, a third step finds the conflicts of every event on
DuckDB (``folds.CONFLICTS``), in its own process too. The claims agree (one
kind, one participant, all certain), so it finds none: what it measures is
the work, which is the same found or not (every key with two reports or more
is read back and its pairs compared).

Each size: N top-level claims about N/5 events (so about five reports an
event), by 1,000 speakers (a third unattributed), citing 500 sources of
which a tenth derive from another. Claims are made one at a time by a
generator and written in batches of 50,000: nothing holds them all.
"""

from __future__ import annotations

import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import eventmodel as em
from eventmodel.interop import folds, tables


def stream(count: int, seed: int = 20) -> Iterator[object]:
    """Actors, sources, then *count* claims, made as they are taken."""
    rng = random.Random(seed)
    actors = [em.Actor(f"speaker {index}", "person", id=f"actor:s{index}") for index in range(1000)]
    yield from actors
    sources = []
    for index in range(500):
        derived = (f"source:{index - 1}",) if index and index % 10 == 0 else ()
        sources.append(em.Source("news-article", id=f"source:{index}", derived_from=derived))
    yield from sources
    events = max(1, count // 5)
    for index in range(count):
        event = rng.randrange(events)
        speaker = None if rng.random() < 0.33 else actors[rng.randrange(1000)].id
        content = em.Event(
            "attack",
            id=f"event:{event}",
            participants=(em.Participant(actors[event % 1000].id, "agent"),),
        )
        inner = em.Claim(speaker, content, id=f"claim:{index}-in", speech_act="reports")
        source = sources[rng.randrange(500)].id
        yield em.Claim(
            None if speaker is None else "actor:s0",
            inner if speaker is not None else content,
            id=f"claim:{index}",
            speech_act="reports",
            confidence=em.Confidence(rng.randrange(101)),
            evidence=(em.Evidence(source),),
        )


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write(count: int, where: str) -> None:
    start = time.perf_counter()
    tables.write_parquet(stream(count), where, batch_size=50_000)
    elapsed = time.perf_counter() - start
    size = sum(path.stat().st_size for path in Path(where).rglob("*.parquet"))
    print(
        json.dumps(
            {"step": "write", "claims": count, "seconds": elapsed, "peak_mib": _peak_mib(), "bytes": size}
        )
    )


def corroborate(where: str) -> None:
    start = time.perf_counter()
    found = folds.run_duckdb(folds.CORROBORATION, where, memory_limit="1GB")
    elapsed = time.perf_counter() - start
    print(json.dumps({"step": "duckdb", "events": len(found), "seconds": elapsed, "peak_mib": _peak_mib()}))


def conflicts(where: str) -> None:
    start = time.perf_counter()
    found = folds.run_duckdb(folds.CONFLICTS, where, memory_limit="1GB")
    elapsed = time.perf_counter() - start
    rows = sum(len(value) for value in found.values())
    print(
        json.dumps(
            {
                "step": "conflicts",
                "keys": len(found),
                "conflicts": rows,
                "seconds": elapsed,
                "peak_mib": _peak_mib(),
            }
        )
    )


def main(sizes: list[int], *, with_conflicts: bool = False) -> None:
    steps = ("write", "corroborate", "conflicts") if with_conflicts else ("write", "corroborate")
    for count in sizes:
        folder = tempfile.mkdtemp(prefix="bench-parquet-")
        where = str(Path(folder) / "tables")
        try:
            for step in steps:
                argument = str(count) if step == "write" else where
                subprocess.run([sys.executable, __file__, f"--{step}", argument, where], check=True)
        finally:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1] == "--write":
        write(int(sys.argv[2]), sys.argv[3])
    elif sys.argv[1] == "--corroborate":
        corroborate(sys.argv[2])
    elif sys.argv[1] == "--conflicts" and len(sys.argv) == 4 and not sys.argv[2].isdigit():
        conflicts(sys.argv[2])
    elif sys.argv[1] == "--conflicts":
        main([int(size) for size in sys.argv[2:]], with_conflicts=True)
    else:
        main([int(size) for size in sys.argv[1:]])

"""
STIX 2.1 export and import of the standard workload, next to stix2's own Bundle.

The dossier is the standard batch (``workload.scaled(N)``: top-level claims
with nested reported speech, their actors and sources) built through the
public constructors. Each size runs in a process of its own, and each step is
measured twice: once for time (wall and CPU), once under tracemalloc for the
peak of memory it allocates. The steps:

- ``write_stix``: the extension profile, streamed to a file an object a line;
- ``write_stix_vanilla``: the vanilla profile, likewise;
- ``read_stix``: the extension bundle back into a dossier, every object
  parsed by ``stix2.parse`` on the way (checked equal to the dossier);
- ``stix2: parse + Bundle``: for contrast, what a stix2 user would do with
  the first ``--bundle-objects`` objects of the vanilla bundle: parse each
  one into a stix2 object and make a ``stix2.Bundle`` of them, then
  serialize it.

Run it from the repository root with the ``stix`` extra installed::

    python benchmarks/bench_stix.py --sizes 10000
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stix2
import workload

from eventmodel.interop import stix as emstix


def _timed(call: Callable[[], Any]) -> tuple[Any, float, float, int]:
    """The result, wall and CPU seconds, and the peak bytes of a second run under tracemalloc."""
    gc.collect()
    start, start_cpu = time.perf_counter(), time.process_time()
    result = call()
    wall, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    del result
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    result = call()
    peak = tracemalloc.get_traced_memory()[1] - before
    tracemalloc.stop()
    return result, wall, cpu, peak


def _write(path: Path, writer: Callable[..., None], dossier: Any) -> int:
    with path.open("w", encoding="utf-8") as fp:
        writer(dossier, fp)
    return path.stat().st_size


def _stix2_bundle(objects: list[dict[str, Any]]) -> str:
    parsed = [stix2.parse(obj, allow_custom=False, version="2.1") for obj in objects]
    return str(stix2.Bundle(objects=parsed).serialize())


def measure(size: int, bundle_objects: int) -> dict[str, Any]:
    started = time.perf_counter()

    def log(message: str) -> None:
        print(f"  {time.perf_counter() - started:6.0f} s  {size:,}: {message}", file=sys.stderr, flush=True)

    dossier = workload.build_eventmodel(workload.scaled(size))
    log("built")
    steps: dict[str, dict[str, float]] = {}

    def step(name: str, call: Callable[[], Any]) -> Any:
        result, wall, cpu, peak = _timed(call)
        steps[name] = {"wall": wall, "cpu": cpu, "peak": peak}
        log(f"{name}: {wall:.1f} s, peak {peak / 2**20:.0f} MiB")
        return result

    with tempfile.TemporaryDirectory() as folder:
        extension, vanilla = Path(folder) / "extension.json", Path(folder) / "vanilla.json"
        sizes = {
            "write_stix": step("write_stix", lambda: _write(extension, emstix.write_stix, dossier)),
            "write_stix_vanilla": step(
                "write_stix_vanilla", lambda: _write(vanilla, emstix.write_stix_vanilla, dossier)
            ),
        }
        objects = {
            name: len(json.loads(path.read_text(encoding="utf-8"))["objects"])
            for name, path in (("write_stix", extension), ("write_stix_vanilla", vanilla))
        }
        back = step("read_stix", lambda: emstix.read_stix([extension]))
        assert back == dossier, "the dossier did not come back equal"
        del back
        first = json.loads(vanilla.read_text(encoding="utf-8"))["objects"][:bundle_objects]
        step(f"stix2: parse + Bundle ({len(first):,} objects)", lambda: _stix2_bundle(first))
    return {
        "size": size,
        "steps": steps,
        "bytes": sizes,
        "objects": objects,
        "max_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }


def report(results: list[dict[str, Any]]) -> str:
    lines = [
        "| top-level claims | step | objects | MiB written | wall s | CPU s | µs an object | peak MiB |",
        "|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        for name, figures in result["steps"].items():
            objects = result["objects"].get(name) or result["objects"]["write_stix"]
            if name.startswith("stix2"):
                objects = int(name.rpartition("(")[2].split()[0].replace(",", ""))
            written = result["bytes"].get(name)
            lines.append(
                f"| {result['size']:,} | {name} | {objects:,} | "
                f"{'' if written is None else f'{written / 2**20:.1f}'} | {figures['wall']:.2f} | "
                f"{figures['cpu']:.2f} | {figures['wall'] / objects * 1e6:.0f} | {figures['peak'] / 2**20:.1f} |"
            )
    lines.append("")
    lines.extend(
        f"- {result['size']:,}: largest resident size {result['max_rss'] / 2**30:.2f} GiB"
        for result in results
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument(
        "--bundle-objects", type=int, default=2_000, help="objects for stix2's Bundle (default 2000)"
    )
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker is not None:
        print(json.dumps(measure(args.worker, args.bundle_objects)))
        return
    results = []
    for size in args.sizes:
        command = [
            sys.executable,
            __file__,
            "--worker",
            str(size),
            "--bundle-objects",
            str(args.bundle_objects),
        ]
        out = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True).stdout
        results.append(json.loads(out))
    print(report(results))


if __name__ == "__main__":
    main()

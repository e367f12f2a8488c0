"""
W3C PROV export and import of the standard workload, next to the prov library's own work.

The dossier is the standard batch (``workload.scaled(N)``: top-level claims
with nested reported speech, their actors and sources) built through the
public constructors. Each size runs in a process of its own, and each step
is measured twice: once for time (wall and CPU), once under tracemalloc for
the peak of memory it allocates. The steps:

- ``to_prov``: eventmodel's mapping, the dossier to a ``prov.model.ProvDocument``;
- ``prov: serialize JSON``: prov's own PROV-JSON serializer on that same document;
- ``prov: deserialize JSON``: prov's own PROV-JSON parser on the text it wrote;
- ``from_prov``: eventmodel's mapping back, the parsed document to a dossier;
- ``to_prov_text TriG``: eventmodel's whole TriG export, ``to_prov`` and then
  prov's RDF serializer (through rdflib);
- ``from_prov_text TriG``: eventmodel's TriG import, rdflib's parser and prov's
  decoder a named graph at a time, then ``from_prov``. (prov's own TriG reader
  looks every graph's records up in the whole dataset and takes time that grows
  with the square of the claims: 70 s for 1,000 top-level claims, so it is
  not measured here.)

Import and TriG are measured up to ``--import-up-to`` and ``--trig`` claims
(10,000 by default): at 100,000 the parsed documents alone take several GB on
the shared machine these figures come from.

The ratio that matters is ``to_prov`` to prov's serializer, and ``from_prov``
to prov's parser: what eventmodel adds to a pipeline that already uses prov.

Run it from the repository root with the ``prov`` extra installed::

    python benchmarks/bench_prov.py --sizes 10000 100000
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import subprocess
import sys
import time
import tracemalloc
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import workload

from eventmodel.interop import prov as emprov


def _claims(dossier: Any) -> int:
    count = 0
    for top in dossier.claims:
        claim = top
        while True:
            count += 1
            if not hasattr(claim.content, "speech_act"):
                break
            claim = claim.content
    return count


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


def measure(size: int, trig: bool, reading: bool) -> dict[str, Any]:
    warnings.simplefilter("ignore", DeprecationWarning)  # prov's RDF code uses rdflib's ConjunctiveGraph
    started = time.perf_counter()

    def log(message: str) -> None:
        print(f"  {time.perf_counter() - started:6.0f} s  {size:,}: {message}", file=sys.stderr, flush=True)

    dossier = workload.build_eventmodel(workload.scaled(size))
    claims = _claims(dossier)
    log(f"built: {claims:,} claims at every depth")
    steps: dict[str, dict[str, float]] = {}

    def step(name: str, call: Callable[[], Any]) -> Any:
        result, wall, cpu, peak = _timed(call)
        steps[name] = {"wall": wall, "cpu": cpu, "peak": peak}
        log(f"{name}: {wall:.1f} s, peak {peak / 2**20:.0f} MiB")
        return result

    document = step("to_prov", lambda: emprov.to_prov(dossier))
    text = step("prov: serialize JSON", lambda: document.serialize(format="json"))
    if reading:
        parsed = step(
            "prov: deserialize JSON", lambda: type(document).deserialize(content=text, format="json")
        )
        del text
        back = step("from_prov", lambda: emprov.from_prov(parsed))
        assert back == dossier, "the dossier did not come back equal"
        del back, parsed
    if trig:
        del document
        rdf = step("to_prov_text TriG", lambda: emprov.to_prov_text(dossier, "trig"))
        back = step("from_prov_text TriG", lambda: emprov.from_prov_text(rdf, "trig"))
        assert back == dossier, "the dossier did not come back equal from TriG"
    return {
        "size": size,
        "claims": claims,
        "steps": steps,
        "max_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }


def report(results: list[dict[str, Any]]) -> str:
    lines = [
        "| top-level claims | claims at every depth | step | wall s | µs a claim | peak MiB | KiB a claim |",
        "|---:|---:|---|---:|---:|---:|---:|",
    ]
    for result in results:
        claims = result["claims"]
        for name, figures in result["steps"].items():
            lines.append(
                f"| {result['size']:,} | {claims:,} | {name} | {figures['wall']:.2f} | "
                f"{figures['wall'] / claims * 1e6:.0f} | {figures['peak'] / 2**20:.0f} | "
                f"{figures['peak'] / claims / 1024:.1f} |"
            )
    lines.append("")
    for result in results:
        steps = result["steps"]
        line = (
            f"- {result['size']:,}: to_prov / prov's JSON serializer = "
            f"{steps['to_prov']['wall'] / steps['prov: serialize JSON']['wall']:.2f}"
        )
        if "from_prov" in steps:
            line += (
                f"; from_prov / prov's JSON parser = "
                f"{steps['from_prov']['wall'] / steps['prov: deserialize JSON']['wall']:.2f}"
            )
        lines.append(line + f" (wall time); largest resident size {result['max_rss'] / 2**30:.1f} GiB")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument(
        "--trig", type=int, default=10_000, help="measure TriG up to this size (default 10000)"
    )
    parser.add_argument(
        "--import-up-to", type=int, default=10_000, help="measure import up to this size (default 10000)"
    )
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker is not None:
        print(json.dumps(measure(args.worker, args.worker <= args.trig, args.worker <= args.import_up_to)))
        return
    results = []
    for size in args.sizes:
        command = [sys.executable, __file__, "--worker", str(size), "--trig", str(args.trig)]
        command += ["--import-up-to", str(args.import_up_to)]
        out = subprocess.run(
            command, check=True, capture_output=False, stdout=subprocess.PIPE, text=True
        ).stdout
        results.append(json.loads(out))
    print(report(results))


if __name__ == "__main__":
    main()

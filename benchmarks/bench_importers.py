"""
The GDELT importer: rows per second and peak memory, against pandas.read_csv plus building the
same objects naively, on the real 2,111-row export and on a synthetic file of a million rows.

Run it from the repository root, in an environment with eventmodel and pandas installed
(``pip install -e ".[bench]"``)::

    python benchmarks/bench_importers.py                  # 2,111 rows and 1,000,000 rows
    python benchmarks/bench_importers.py --rows 100000    # a smaller synthetic file
    python benchmarks/bench_importers.py --quick          # 2,111 rows and 20,000: for checking it runs

The synthetic file is made in a temporary folder from the real export's rows, each given a
GLOBALEVENTID and an article URL of its own (so that no two rows collapse into one object), and
removed at the end. Every measurement runs in a fresh process, one after the other (the systems
taking turns, repeat by repeat; the fastest run of each is shown), so that its peak resident memory (``ru_maxrss``, less the process's size after its imports) is its own:

- ``eventmodel``: ``read_gdelt([file])``, the whole dossier in memory;
- ``eventmodel stream``: ``gdelt_objects`` over the file's lines, counting the objects without
  keeping them (what a consumer that writes them out holds);
- ``pandas + naive``: ``pandas.read_csv`` (all 61 columns as text, no NA conversion, the whole
  file in a data frame), then the rows of ``itertuples`` through the same mapping
  (``gdelt_objects`` takes rows of cells) into ``Dossier(objects)``, with the cyclic garbage
  collector left on, as a plain loop leaves it. The two dossiers are equal (``--quick`` checks it).
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

import eventmodel as em
from eventmodel.interop import gdelt_objects, read_gdelt
from eventmodel.interop._rows import lines_of
from eventmodel.interop.gdelt import EVENT_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
EXPORT = ROOT / "tests" / "data" / "gdelt" / "20191024143000.export.CSV"
SYSTEMS = ("eventmodel", "eventmodel stream", "pandas + naive")


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def synthesize(rows: int, folder: Path) -> Path:
    """A file of *rows* export rows, cycling through the real export with new ids and URLs."""
    real = [line.split("\t") for line in EXPORT.read_text(encoding="utf-8").splitlines()]
    path = folder / f"synthetic-{rows}.export.CSV"
    with path.open("w", encoding="utf-8") as fp:
        for number in range(rows):
            cells = list(real[number % len(real)])
            cells[0] = str(900000000 + number)
            cells[60] = f"{cells[60]}{'&' if '?' in cells[60] else '?'}row={number}"
            fp.write("\t".join(cells) + "\n")
    return path


# -- the systems, each run in a child process ---------------------------------------------------


def run_eventmodel(path: Path) -> int:
    return len(read_gdelt([path]))


def run_stream(path: Path) -> int:
    return sum(1 for _ in gdelt_objects([(str(path), lines_of(path))]))


def _pandas_rows(path: Path) -> object:
    frame = pd.read_csv(
        path,
        sep="\t",
        header=None,
        names=list(EVENT_COLUMNS),
        dtype=str,
        keep_default_na=False,
        quoting=3,
        encoding="utf-8",
    )
    return frame.itertuples(index=False, name=None)


def run_pandas(path: Path) -> int:
    rows = enumerate(_pandas_rows(path), start=1)  # type: ignore[call-overload]
    return len(em.Dossier(gdelt_objects([(str(path), rows)])))


RUNNERS = {"eventmodel": run_eventmodel, "eventmodel stream": run_stream, "pandas + naive": run_pandas}


def child(system: str, path: Path) -> None:
    base = _rss_mib()
    start = time.perf_counter()
    objects = RUNNERS[system](path)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "peak_mib": _rss_mib() - base, "objects": objects}))


def measure(system: str, path: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", system, str(path)], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows of the synthetic file")
    parser.add_argument("--repeats", type=int, default=3, help="runs per system on the real export")
    parser.add_argument(
        "--synthetic-repeats", type=int, default=1, help="runs per system on the synthetic file"
    )
    parser.add_argument("--quick", action="store_true", help="a 20,000-row synthetic file")
    parser.add_argument("--child", nargs=2, metavar=("SYSTEM", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return
    rows = 20_000 if args.quick else args.rows
    if args.quick:
        assert em.Dossier(gdelt_objects([("x", enumerate(_pandas_rows(EXPORT), start=1))])) == em.Dossier(
            gdelt_objects([("x", lines_of(EXPORT))])
        ), "the two ways give different dossiers"
    print(f"Python {platform.python_version()}, pandas {pd.__version__}, {platform.machine()}")
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        synthetic = synthesize(rows, Path(folder))
        print(
            f"made {synthetic.name} ({synthetic.stat().st_size / 2**20:.0f} MiB) in {time.perf_counter() - started:.0f} s"
        )
        print()
        print("| file | rows | system | rows/s | seconds | peak memory (MiB) | objects |")
        print("|---|---:|---|---:|---:|---:|---:|")
        for path, count, repeats in ((EXPORT, 2111, args.repeats), (synthetic, rows, args.synthetic_repeats)):
            # The systems take turns, so that a change in the machine's load falls on all of them.
            runs: dict[str, list[dict[str, float]]] = {system: [] for system in SYSTEMS}
            for _ in range(repeats):
                for system in SYSTEMS:
                    runs[system].append(measure(system, path))
            for system in SYSTEMS:
                best = min(runs[system], key=lambda run: run["seconds"])
                print(
                    f"| {'real export' if path == EXPORT else 'synthetic'} | {count:,} | {system} "
                    f"| {count / best['seconds']:,.0f} | {best['seconds']:.2f} | {best['peak_mib']:,.0f} "
                    f"| {best['objects']:,} |",
                    flush=True,
                )


if __name__ == "__main__":
    main()

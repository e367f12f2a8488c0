"""
Dossier.check() and the attribution analyses on 10k, 100k and 1M claims: their cost must grow linearly.

Run it from the repository root, in an environment with eventmodel installed::

    python benchmarks/bench_dossier.py                 # 10k, 100k and 1M claims: about a quarter of an hour
    python benchmarks/bench_dossier.py --quick         # 10k and 50k claims: under two minutes
    python benchmarks/bench_dossier.py --sizes 10000,200000 --json results.json

Each size runs in a fresh process, so that the process's maximum resident size
(``ru_maxrss``) belongs to that size alone. For each size the process:

1. generates the standard workload with ``workload.scaled(n)`` (actors and
   sources in the standard proportion) and rewrites it with :func:`vary`
   (below) so that the analyses have real work to do;
2. builds the Dossier through the public constructors, once, under
   tracemalloc: the memory the dossier holds and the peak while building it
   (the build's time is shown for reference; tracemalloc slows it about
   twofold);
3. times, over the whole dossier, with the garbage collector on:

   - ``index``: the first query on a fresh dossier of the same members,
     which builds the indexes (every later query reuses them);
   - ``check()``: every default provenance rule (the indexes already built);
   - ``chain`` and ``origin`` of every top-level claim, by id, and
     ``origin`` given each claim itself (``origin, given the claim``: the
     analysis without the lookup by id);
   - ``perspective`` of every actor;
   - ``corroboration`` of every event id;
   - ``conflicts()``, once;
   - three floors, for reference: a plain dict lookup of every top-level
     claim by id and a read of its content, with the ids in the order the
     claims were made and shuffled; and ``floor, grouping``, the least any
     index of these claims does: every claim at any depth put in a dict by
     id and in a list by claimant (collector paused, as for the index).
     They do no work that grows with the size, so their growth is the
     memory hierarchy's alone (caches, TLB).

Every figure is in µs per top-level claim, the median of the runs, by
``time.perf_counter``; CPU time (``time.process_time``) and the time spent
in the collector (``gc.callbacks``) are recorded too. Each run starts with
``gc.collect()`` outside the timer. A figure has 5 runs (``--repeats``), or
as many as fit in ``--budget`` seconds (collections included), at least
one: at 1M the longest analyses run once, and the second table says how
many runs each figure had. A call shorter than 10 ms is repeated within
its run, for 0.1 s. The ratio columns divide the time per claim at the
largest size by that at the smallest (10k): linear growth keeps them near
1; the target is 1.5 at most, by the wall clock.

The smallest size is measured in three fresh processes
(``--smallest-processes``) and each of its figures is the median of all
their runs. At 10k the dossier fits in the caches, and a whole process's
figures were seen to sit a fifth above or below another's, from one run of
the benchmark to the next, while the 1M figures moved by a twentieth: one
process at the smallest size made the ratios land either side of 1.5 by
chance.

The standard workload gives every event its own id: no two claims co-refer,
no source derives from another and no source has a text, so corroboration,
conflicts and the quote rule would find nothing to compare. :func:`vary`
rewrites it, from its own seed, in the way real collections look:

- 60% of the top-level claims are put in groups of 2 to 6 that report one
  event: each member's innermost claim gets the group's event (same id, kind,
  time, place and participants), with its own description;
- in 30% of the members one quantity disagrees with the group's (disjoint
  bounds); in 5% the time is another one (most cannot meet); 15% of the
  members are negated (``CT-`` or ``PR-``);
- 30% of the sources derive from one or two earlier sources published no
  later; 25% of the members cite a source derived from the first member's
  source and relay the same original speaker (circular reporting), 20% more
  relay that speaker through another outlet, and 5% are unattributed;
- 80% of the sources get a text made of the quotes of the claims that cite
  them, between filler words, with the spans pointing at the quotes; 2% of
  these spans are off by three characters and 1% of the quotes are left out
  of the text, so that rule EM501 reports some violations.
"""

from __future__ import annotations

import argparse
import functools
import gc
import hashlib
import json
import math
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from datetime import date
from importlib.metadata import version
from pathlib import Path
from typing import Any

import workload

import eventmodel as em

FULL_SIZES = (10_000, 100_000, 1_000_000)
QUICK_SIZES = (10_000, 50_000)
REPEATS = 5
BUDGET_S = 30.0
SHORT_CALL_S = 0.01
MIN_RUN_S = 0.1
TARGET_RATIO = 1.5
SMALLEST_PROCESSES = 3

# -- the variation: co-referring claims, derived sources, source texts -----------------------

VARIATION_SEED = 20240817
GROUPED_SHARE = 0.60  # of the top-level claims, put in groups reporting one event
GROUP_SIZES = (2, 6)
DISAGREE_SHARE = 0.30  # of the other members: one quantity disjoint from the group's
OTHER_TIME_SHARE = 0.05  # of the other members: another time
NEGATED_SHARE = 0.15  # of the other members: negated
DERIVED_SHARE = 0.30  # of the sources: derived from one or two earlier sources
TWO_PARENTS_SHARE = 0.15  # of the derived sources
ECHO_SHARE = 0.25  # of the other members: cite a source derived from the first member's
SAME_SPEAKER_SHARE = 0.20  # of the other members: relay the first member's original speaker
UNATTRIBUTED_SHARE = 0.05  # of the other members: no claimant
TEXT_SHARE = 0.80  # of the sources: a text holding the quotes of the claims citing them
SPAN_OFF_SHARE = 0.02  # of the quotes in a text: span off by three characters
QUOTE_MISSING_SHARE = 0.01  # of the quotes of a source with a text: not in the text
FILLER = ("and", "then", "as", "was", "reported", "by", "the", "agency", "on", "monday", "—", "«", "»")

Document = dict[str, Any]


def _innermost(claim: Document) -> Document:
    """The claim document whose content is the event."""
    while claim["content"]["type"] == "claim":
        claim = claim["content"]
    return claim


def _disjoint(quantity: Document) -> Document:
    """An exact quantity outside the bounds of *quantity*, in its unit."""
    low = quantity.get("lower", quantity.get("value"))
    high = quantity.get("upper", quantity.get("value"))
    value = int(high) * 2 + 1 if high is not None else int(low) - 1
    disjoint: Document = {"value": str(value)}
    if "unit" in quantity:
        disjoint["unit"] = quantity["unit"]
    return disjoint


def _variant(rng: random.Random, shared: Document, own: Document) -> Document:
    """The group's event as one member reports it."""
    event = {key: value for key, value in shared.items() if key not in ("description", "quantities")}
    if "description" in own:
        event["description"] = own["description"]
    quantities = dict(shared.get("quantities", {}))
    if quantities and rng.random() < DISAGREE_SHARE:
        name = rng.choice(sorted(quantities))
        quantities[name] = _disjoint(quantities[name])
    if quantities:
        event["quantities"] = quantities
    if rng.random() < OTHER_TIME_SHARE:
        event["when"] = own["when"]
    return event


def _derive(rng: random.Random, sources: list[Document]) -> list[list[int]]:
    """Give some sources earlier parents; the children of each source, by index."""
    children: list[list[int]] = [[] for _ in sources]
    for index, source in enumerate(sources):
        if index == 0 or rng.random() >= DERIVED_SHARE:
            continue
        day = source["published"][:10]
        parents: list[int] = []
        for _ in range(2 if rng.random() < TWO_PARENTS_SHARE else 1):
            for _try in range(4):  # a parent published no later, if one is found in four draws
                parent = rng.randrange(index)
                if sources[parent]["published"][:10] <= day and parent not in parents:
                    parents.append(parent)
                    break
        if parents:
            source["derived_from"] = [sources[parent]["id"] for parent in parents]
            for parent in parents:
                children[parent].append(index)
    return children


def _group(
    rng: random.Random, claims: list[Document], sources: list[Document], children: list[list[int]]
) -> None:
    """Put a share of the top-level claims in groups that report one event each."""
    position = {source["id"]: index for index, source in enumerate(sources)}
    order = list(range(len(claims)))
    rng.shuffle(order)
    grouped = int(len(order) * GROUPED_SHARE)
    start = 0
    while start + 1 < grouped:
        members = order[start : min(start + rng.randint(*GROUP_SIZES), grouped)]
        start += len(members)
        first = claims[members[0]]
        speaker = _innermost(first)
        shared = speaker["content"]
        derived = children[position[first["evidence"][0]["source"]]]
        for index in members[1:]:
            member = claims[index]
            inner = _innermost(member)
            inner["content"] = _variant(rng, shared, inner["content"])
            draw = rng.random()
            if draw < ECHO_SHARE and derived:
                source = sources[rng.choice(derived)]
                member["evidence"][0]["source"] = source["id"]
                member["made_at"] = source["published"][:10]
                inner["claimant"] = speaker["claimant"]
            elif draw < ECHO_SHARE + SAME_SPEAKER_SHARE:
                inner["claimant"] = speaker["claimant"]
            elif draw < ECHO_SHARE + SAME_SPEAKER_SHARE + UNATTRIBUTED_SHARE:
                inner.pop("claimant", None)
            if rng.random() < NEGATED_SHARE:
                inner["factuality"] = rng.choice(("CT-", "PR-"))


def _texts(rng: random.Random, claims: list[Document], sources: list[Document]) -> None:
    """Give most sources a text holding the quotes of the claims citing them, and point the spans at them."""
    cited: dict[str, list[Document]] = defaultdict(list)
    for claim in claims:
        for evidence in claim.get("evidence", ()):
            cited[evidence["source"]].append(evidence)
    for source in sources:
        if rng.random() >= TEXT_SHARE:
            continue
        parts: list[str] = []
        length = 0
        for evidence in cited.get(source["id"], ()):
            filler = " ".join(rng.choices(FILLER, k=rng.randint(3, 12))) + " "
            parts.append(filler)
            length += len(filler)
            draw = rng.random()
            if draw < QUOTE_MISSING_SHARE:
                continue
            exact = evidence["quote"]["exact"]
            shift = 3 if draw < QUOTE_MISSING_SHARE + SPAN_OFF_SHARE else 0
            evidence["span"] = {"start": length + shift, "end": length + shift + len(exact)}
            parts.append(exact)
            length += len(exact)
        parts.append(" (end)")
        source["text"] = "".join(parts)


def vary(batch: workload.Batch, seed: int = VARIATION_SEED) -> workload.Batch:
    """
    Rewrite *batch* in place (see the module's docstring): co-referring claims,
    derived sources, source texts holding the quotes. The same batch and seed
    give the same result.
    """
    rng = random.Random(seed)
    children = _derive(rng, batch.sources)
    _group(rng, batch.claims, batch.sources, children)
    _texts(rng, batch.claims, batch.sources)
    return batch


def _source(doc: Document) -> em.Source:
    """workload.build_eventmodel_source, with the derivations and the text."""
    published = doc.get("published")
    return em.Source(
        doc["kind"],
        id=doc["id"],
        title=doc.get("title"),
        publisher=doc.get("publisher"),
        url=doc.get("url"),
        published=None if published is None else em.When.parse(published),
        language=doc.get("language"),
        reliability=doc.get("reliability"),
        derived_from=doc.get("derived_from", ()),
        text=doc.get("text"),
    )


def build(batch: workload.Batch) -> em.Dossier:
    """The varied batch as a Dossier, through the public constructors."""
    return em.Dossier(
        [
            *(workload.build_eventmodel_actor(doc) for doc in batch.actors),
            *(_source(doc) for doc in batch.sources),
            *(workload.build_eventmodel_claim(doc) for doc in batch.claims),
        ]
    )


# -- one size, in its own process --------------------------------------------------------------------


def _max_rss() -> int:
    """The process's maximum resident size so far, in bytes (Linux gives KiB, macOS bytes)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss if sys.platform == "darwin" else rss * 1024


def _same(call: Callable[[], object]) -> Callable[[], Callable[[], object]]:
    return lambda: call


class _Collector:
    """Time spent in the garbage collector, and its full collections, while installed in gc.callbacks."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.full = 0
        self._start = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.seconds += time.perf_counter() - self._start
            self.full += info["generation"] == 2


def _runs(
    make: Callable[[], Callable[[], object]], repeats: int, budget: float
) -> tuple[dict[str, list[float]], object]:
    """
    Seconds per call of what *make* returns (made outside the timer), one
    figure per run: by the wall clock (perf_counter), in CPU time
    (process_time) and in the garbage collector, with the number of full
    collections per call.

    A run calls it once, or, when one call takes less than ``SHORT_CALL_S``,
    as many times as make the run last ``MIN_RUN_S`` (the first call is
    then a warm-up, not counted). Each run starts with a full collection, outside the timer, so
    that every run starts from the same state of the collector; the
    collector stays on while timing. There are *repeats* runs, or fewer: no
    run starts that would take the time spent (collections and set-up
    included) past *budget* seconds, and the first always counts.
    """

    def one_run(number: int) -> tuple[list[float], object]:
        gc.collect()
        collector = _Collector()
        wall = cpu = 0.0
        result: object = None
        for _ in range(number):
            call = make()
            result = None
            gc.callbacks.append(collector)
            start, start_cpu = time.perf_counter(), time.process_time()
            result = call()
            wall += time.perf_counter() - start
            cpu += time.process_time() - start_cpu
            gc.callbacks.remove(collector)
        return [wall / number, cpu / number, collector.seconds / number, collector.full / number], result

    figures: dict[str, list[float]] = {"wall": [], "cpu": [], "gc": [], "full": []}
    started = time.perf_counter()
    first, result = one_run(1)
    number = 1
    if first[0] >= SHORT_CALL_S:
        for key, value in zip(figures, first, strict=True):
            figures[key].append(value)
    else:  # too short to time alone: the first call was a warm-up
        number = math.ceil(MIN_RUN_S / max(first[0], 1e-6))
    last = spent = time.perf_counter() - started
    while len(figures["wall"]) < repeats and (not figures["wall"] or spent + last <= budget):
        started = time.perf_counter()
        run, result = one_run(number)
        for key, value in zip(figures, run, strict=True):
            figures[key].append(value)
        last = time.perf_counter() - started
        spent += last
    return figures, result


def _grouping(statements: Sequence[em.Statement]) -> object:
    """The least an index does: every claim at any depth kept by id and listed by claimant."""
    by_id: dict[str, em.Claim] = {}
    by_claimant: dict[str | None, list[em.Claim]] = defaultdict(list)
    gc.disable()
    try:
        for statement in statements:
            claim = statement.claim
            by_id[claim.id] = claim
            by_claimant[claim.claimant].append(claim)
    finally:
        gc.enable()
    return by_id, by_claimant


def _analyse(
    dossier: em.Dossier, repeats: int, budget: float, log: Callable[[str], None]
) -> tuple[dict[str, dict[str, list[float]]], dict[str, Any]]:
    """The timings, and the counts of what the analyses found."""
    timings: dict[str, dict[str, list[float]]] = {}
    claims = [claim.id for claim in dossier.claims]
    actors = dossier.actors
    statements = dossier.statements()  # builds the indexes: every analysis below reuses them
    events = list(
        dict.fromkeys(s.claim.content.id for s in statements if isinstance(s.claim.content, em.Event))
    )
    by_id = {claim.id: claim for claim in dossier.claims}
    members = dossier.claims
    shuffled = random.Random(0).sample(claims, len(claims))

    def fresh() -> Callable[[], object]:
        """The first query on a dossier of the same members, which builds its indexes."""
        return functools.partial(em.Dossier(dossier).claims_about, "")

    timings["index"], _ = _runs(fresh, repeats, budget)
    log(f"index ({len(timings['index']['wall'])} runs)")
    analyses: dict[str, Callable[[], object]] = {
        "check()": dossier.check,
        "chain": lambda: [dossier.chain(claim) for claim in claims],
        "origin": lambda: [dossier.origin(claim) for claim in claims],
        "perspective": lambda: [dossier.perspective(actor) for actor in actors],
        "corroboration": lambda: [dossier.corroboration(event) for event in events],
        "conflicts()": dossier.conflicts,
        "origin, given the claim": lambda: [dossier.origin(claim) for claim in members],
        "floor, in order": lambda: [by_id[claim].content for claim in claims],
        "floor, shuffled": lambda: [by_id[claim].content for claim in shuffled],
        "floor, grouping": lambda: _grouping(statements),
    }
    results: dict[str, Any] = {}
    for name, run in analyses.items():
        timings[name], results[name] = _runs(_same(run), repeats, budget)
        log(f"{name} ({len(timings[name]['wall'])} runs)")

    report: em.Report = results["check()"]
    corroborations: list[em.Corroboration] = results["corroboration"]
    reported = [item for item in corroborations if item.raw_count > 1]
    counts = {
        "claims": len(claims),
        "statements": len(statements),
        "actors": len(actors),
        "sources": len(dossier.sources),
        "derived sources": sum(1 for source in dossier.sources if source.derived_from),
        "sources with text": sum(1 for source in dossier.sources if source.text is not None),
        "event ids": len(events),
        "events with 2+ reports": len(reported),
        "most reports of one event": max((item.raw_count for item in corroborations), default=0),
        "circular corroborations": sum(1 for item in reported if item.circular),
        "reports per reported event": sum(item.raw_count for item in reported) / max(1, len(reported)),
        "independent origins per reported event": sum(item.independent_count for item in reported)
        / max(1, len(reported)),
        "violations": dict(sorted(Counter(item.rule for item in report).items())),
        "conflicts": dict(
            sorted(Counter(item.field.split(".")[0] for item in results["conflicts()"]).items())
        ),
    }
    return timings, counts


def measure(size: int, repeats: int, budget: float, seed: int) -> dict[str, Any]:
    """Every figure for one size."""
    gc.enable()
    load_start = os.getloadavg()
    rss_start = _max_rss()
    revision = _revision()
    started = time.perf_counter()

    def log(message: str) -> None:
        print(f"  {time.perf_counter() - started:6.0f} s  {message}", file=sys.stderr, flush=True)

    batch = vary(workload.scaled(size), seed)
    log(f"{size:,} claims generated and varied")
    gc.collect()
    rss_batch = _max_rss()

    collector = _Collector()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    gc.callbacks.append(collector)
    start, start_cpu = time.perf_counter(), time.process_time()
    dossier = build(batch)
    wall, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    gc.callbacks.remove(collector)
    held, peak = tracemalloc.get_traced_memory()
    bookkeeping = tracemalloc.get_tracemalloc_memory()
    tracemalloc.stop()
    rss_built = _max_rss()
    log(f"built under tracemalloc: {len(dossier):,} objects")
    del batch
    gc.collect()

    timings, counts = _analyse(dossier, repeats, budget, log)
    timings["build"] = {"wall": [wall], "cpu": [cpu], "gc": [collector.seconds], "full": [collector.full]}
    return {
        "size": size,
        "revision": revision,
        "timings": timings,
        "load": [load_start[0], os.getloadavg()[0]],
        "memory": {
            "held": held - before,
            "peak": peak - before,
            "bookkeeping": bookkeeping,
            "rss_start": rss_start,
            "rss_batch": rss_batch,
            "rss_built": rss_built,
            "rss_end": _max_rss(),
        },
        "counts": counts,
    }


def _worker(args: argparse.Namespace) -> None:
    result = measure(args.worker, args.repeats, args.budget, args.seed)
    Path(args.out).write_text(json.dumps(result))


# -- the table ------------------------------------------------------------------------------------------

ROWS = (
    "index",
    "check()",
    "chain",
    "origin",
    "origin, given the claim",
    "perspective",
    "corroboration",
    "conflicts()",
    "build",
    "floor, in order",
    "floor, shuffled",
    "floor, grouping",
)
FIGURES = ("wall", "cpu", "outside gc")


def _label(size: int) -> str:
    if size % 1_000_000 == 0:
        return f"{size // 1_000_000}M"
    return f"{size // 1000}k" if size % 1000 == 0 else str(size)


def _table(rows: list[list[str]]) -> str:
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = []
    for number, row in enumerate(rows):
        cells = [
            cell.ljust(width) if column == 0 else cell.rjust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("| " + " | ".join(cells) + " |")
        if number == 0:
            lines.append("|" + "|".join("-" * (width + 2) for width in widths) + "|")
    return "\n".join(lines)


def _median(result: dict[str, Any], name: str, figure: str) -> float:
    return statistics.median(result["timings"][name][figure])


def _per_claim(result: dict[str, Any], name: str, figure: str = "wall") -> float:
    """Microseconds per top-level claim: the median of the runs."""
    if figure == "outside gc":
        runs = result["timings"][name]
        value = statistics.median(wall - gc for wall, gc in zip(runs["wall"], runs["gc"], strict=True))
    else:
        value = _median(result, name, figure)
    return value / result["size"] * 1e6


def report(results: list[dict[str, Any]]) -> list[str]:
    """Print the tables; the names of the analyses over the target."""
    sizes = [result["size"] for result in results]
    first, last = results[0], results[-1]
    digests = dict.fromkeys(result["revision"].rpartition(" ")[2] for result in results)
    if len(digests) > 1:
        print(
            f"\nWARNING: src/ changed during the run: {', '.join(result['revision'] for result in results)}"
        )
    ratio_name = f"{_label(sizes[-1])} / {_label(sizes[0])}"
    before = results[-2] if len(results) > 2 else None

    print("\nTime per top-level claim, µs, by the wall clock: median of the runs (next table)\n")
    rows = [
        [
            "",
            *(_label(size) for size in sizes),
            ratio_name,
            "same, CPU time",
            "same, outside GC",
            *([f"{_label(sizes[-1])} / {_label(sizes[-2])}"] if before else []),
            "",
        ]
    ]
    flagged: list[str] = []
    cpu_flagged: list[str] = []
    for name in ROWS:
        ratios = [_per_claim(last, name, figure) / _per_claim(first, name, figure) for figure in FIGURES]
        if name == "build" or name.startswith("floor"):
            verdict = "(reference)"
        elif ratios[0] <= TARGET_RATIO:
            verdict = "within target"
        else:
            verdict = f"over {TARGET_RATIO}×"
            flagged.append(name)
        if name in flagged and ratios[1] > TARGET_RATIO:
            cpu_flagged.append(name)
        rows.append(
            [
                name,
                *(f"{_per_claim(result, name):.2f}" for result in results),
                *(f"{ratio:.2f}" for ratio in ratios),
                *([f"{_per_claim(last, name) / _per_claim(before, name):.2f}"] if before else []),
                verdict,
            ]
        )
    print(_table(rows))

    print("\nSeconds per run (median), runs, and seconds in the garbage collector (full collections)\n")
    rows = [["", *(_label(size) for size in sizes)]]
    for name in ROWS:
        rows.append(
            [
                name,
                *(
                    f"{_median(result, name, 'wall'):.3f} ×{len(result['timings'][name]['wall'])}, "
                    f"gc {_median(result, name, 'gc'):.3f} ({_median(result, name, 'full'):.2g})"
                    for result in results
                ),
            ]
        )
    rows.append(
        ["load average", *(f"{result['load'][0]:.1f} → {result['load'][1]:.1f}" for result in results)]
    )
    print(_table(rows))

    print("\nMemory: bytes per top-level claim, and the process's maximum resident size\n")
    rows = [
        [
            "",
            "held (tracemalloc)",
            "peak in build (tracemalloc)",
            "RSS growth in build",
            "ru_maxrss after build",
            "of which tracemalloc's own",
            "ru_maxrss at end",
            "per claim",
        ]
    ]
    for result in results:
        memory, size = result["memory"], result["size"]
        growth = memory["rss_built"] - memory["rss_batch"] - memory["bookkeeping"]
        rows.append(
            [
                _label(size),
                f"{memory['held'] / size:,.0f}",
                f"{memory['peak'] / size:,.0f}",
                f"{growth / size:,.0f}",
                f"{memory['rss_built'] / 2**20:,.0f} MiB",
                f"{memory['bookkeeping'] / 2**20:,.0f} MiB",
                f"{memory['rss_end'] / 2**20:,.0f} MiB",
                f"{memory['rss_end'] / size:,.0f}",
            ]
        )
    print(_table(rows))
    held_ratio = (last["memory"]["held"] / last["size"]) / (first["memory"]["held"] / first["size"])
    print(f"\nheld memory per claim, {ratio_name}: {held_ratio:.2f}")

    print("\nWhat the analyses found\n")
    keys = [key for key in first["counts"] if key not in ("violations", "conflicts")]
    rows = [["", *(_label(size) for size in sizes)]]
    for key in keys:
        values = [result["counts"][key] for result in results]
        rows.append(
            [key, *(f"{value:,.2f}" if isinstance(value, float) else f"{value:,}" for value in values)]
        )
    for group in ("violations", "conflicts"):
        names = sorted({name for result in results for name in result["counts"][group]})
        for name in names:
            rows.append(
                [f"{group}: {name}", *(f"{result['counts'][group].get(name, 0):,}" for result in results)]
            )
    print(_table(rows))

    if flagged:
        print(
            f"\nper-claim time grows more than {TARGET_RATIO}× from {_label(sizes[0])} to {_label(sizes[-1])}: "
            f"{', '.join(flagged)} (in CPU time too: {', '.join(cpu_flagged) or 'none'})"
        )
    else:
        print(f"\nevery analysis stays within {TARGET_RATIO}× of its per-claim time at {_label(sizes[0])}")
    return flagged


# -- the command --------------------------------------------------------------------------------------------


def _revision() -> str:
    """The commit of the working tree, whether src/ differs from it, and a digest of src/ as it is."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted((root / "src").rglob("*.py")):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "status", "--porcelain", "src"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit, changed = "unknown", ""
    return f"commit {commit}{' with uncommitted changes' if changed else ''}, src/ digest {digest.hexdigest()[:12]}"


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    cli = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    cli.add_argument("--quick", action="store_true", help="10k and 50k claims")
    cli.add_argument(
        "--sizes",
        type=lambda text: tuple(int(item.replace("_", "")) for item in text.split(",")),
        default=None,
        help="comma-separated numbers of top-level claims (default 10000,100000,1000000)",
    )
    cli.add_argument("--repeats", type=int, default=REPEATS, help=f"runs per figure (default {REPEATS})")
    cli.add_argument(
        "--budget",
        type=float,
        default=BUDGET_S,
        help=f"seconds for the repeats after a first run (default {BUDGET_S:g})",
    )
    cli.add_argument(
        "--smallest-processes",
        type=int,
        default=SMALLEST_PROCESSES,
        help=f"processes that measure the smallest size, their runs pooled (default {SMALLEST_PROCESSES})",
    )
    cli.add_argument("--seed", type=int, default=VARIATION_SEED, help="seed of the variation")
    cli.add_argument("--json", type=Path, default=None, help="also write the results here")
    cli.add_argument("--worker", type=int, default=None, help=argparse.SUPPRESS)
    cli.add_argument("--out", default=None, help=argparse.SUPPRESS)
    return cli.parse_args(argv)


def _pooled(measured: list[dict[str, Any]]) -> dict[str, Any]:
    """
    One size's result from several processes: the runs of every figure put
    together (so that its median is over all of them), the rest from the first.
    """
    pooled = dict(measured[0])
    pooled["timings"] = {
        name: {
            figure: [value for result in measured for value in result["timings"][name][figure]]
            for figure in figures
        }
        for name, figures in measured[0]["timings"].items()
    }
    pooled["processes"] = len(measured)
    return pooled


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    if args.worker is not None:
        _worker(args)
        return
    sizes = args.sizes or (QUICK_SIZES if args.quick else FULL_SIZES)
    print(
        f"eventmodel {version('eventmodel')}, Python {platform.python_version()} "
        f"({platform.python_implementation()}), {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs, {date.today().isoformat()}"
    )
    print(
        f"workload.scaled(n) varied with seed {args.seed}; garbage collector on; "
        f"up to {args.repeats} runs per figure within {args.budget:g} s; "
        f"the smallest size in {max(1, args.smallest_processes)} processes, their runs pooled"
    )
    started = time.perf_counter()
    print(f"source: {_revision()}")
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for number, size in enumerate(sizes):
            processes = max(1, args.smallest_processes) if number == 0 else 1
            measured = []
            for process in range(processes):
                out = Path(folder) / f"{size}-{process}.json"
                command = [
                    sys.executable,
                    __file__,
                    "--worker",
                    str(size),
                    "--out",
                    str(out),
                    "--repeats",
                    str(args.repeats),
                    "--budget",
                    str(args.budget),
                    "--seed",
                    str(args.seed),
                ]
                print(
                    f"{_label(size)} claims, process {process + 1} of {processes} ...",
                    file=sys.stderr,
                    flush=True,
                )
                subprocess.run(command, check=True)
                measured.append(json.loads(out.read_text()))
            results.append(_pooled(measured))
    report(results)
    print(f"\ntotal {time.perf_counter() - started:.0f} s")
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()

"""Running targets over mutated inputs, and counting how each input ended."""

from __future__ import annotations

import contextlib
import enum
import random
import signal
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from types import FrameType
from typing import Any

import eventmodel as em

from ._corpus import Corpus, build
from ._targets import TARGETS, Refused, Target


class Outcome(enum.Enum):
    """How one input ended."""

    ACCEPTED = "accepted"
    REFUSED = "refused"
    RAW = "raw exception"
    HANG = "hang"
    ROUND_TRIP = "round-trip failure"


class _Hang(BaseException):
    """Raised in a reader that took longer than the time allowed (a BaseException: no reader catches it)."""


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: FrameType | None) -> None:
        raise _Hang

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def known_hole(error: BaseException | None, result: Any = None) -> str | None:
    """
    The known hole that explains *error* (or an accepted *result*), if one
    does. None is known: the three that fuzzing found here first (a lone
    surrogate read then unwritable, a number written then unreadable, a
    format version outside its grammar) are closed, so that every such
    outcome now counts as a failure.
    """
    del error, result
    return None


@dataclass
class Tally:
    """What happened to one target's inputs."""

    name: str
    counts: Counter[Outcome] = field(default_factory=Counter)
    known: Counter[str] = field(default_factory=Counter)
    """Failures (and wrong acceptances) explained by a known hole, by hole."""
    examples: list[str] = field(default_factory=list)
    """The first few failures, with the input's seed and index to repeat them."""
    slowest: float = 0.0

    @property
    def tried(self) -> int:
        return sum(self.counts.values())

    def unexplained(self, outcome: Outcome) -> int:
        """Failures of kind *outcome* that no known item explains."""
        return self.counts[outcome] - self.known[f"{outcome.value}"]


def _one(target: Target, corpus: Corpus, seed: int, index: int, limit: float, tally: Tally) -> None:
    rng = random.Random(seed * 1_000_003 + index)
    given = target.make(corpus, rng)
    started = time.perf_counter()
    error: BaseException | None = None
    try:
        with _time_limit(limit):
            result = target.read(given)
        outcome = Outcome.ACCEPTED
    except _Hang as hang:
        outcome, error = Outcome.HANG, hang
    except (em.EventModelError, Refused):
        outcome = Outcome.REFUSED
    except Exception as raw:  # noqa: BLE001 - counting raw exceptions is the point
        outcome, error = Outcome.RAW, raw
    tally.slowest = max(tally.slowest, time.perf_counter() - started)
    if outcome is Outcome.ACCEPTED:
        hole = known_hole(None, result)
        if hole is not None:
            tally.known[hole] += 1
        try:
            target.check(given, result)
        except Exception as failure:  # noqa: BLE001 - counting failures is the point
            outcome, error = Outcome.ROUND_TRIP, failure
    tally.counts[outcome] += 1
    if error is not None:
        hole = known_hole(error)
        if hole is not None:
            tally.known[hole] += 1
            tally.known[outcome.value] += 1
        if len(tally.examples) < 5 and (hole is None or len(tally.examples) < 2):
            tally.examples.append(
                f"seed {seed}, input {index}: {outcome.value}{f' ({hole})' if hole else ''}: "
                f"{type(error).__name__}: {str(error)[:200]} <- {given!r:.300}"
            )


def fuzz(
    inputs: int,
    *,
    seed: int = 0,
    targets: Sequence[Target] | None = None,
    corpus: Corpus | None = None,
    limit: float = 10.0,
    progress: bool = False,
) -> list[Tally]:
    """
    Feed *inputs* mutated inputs to *targets* (default: all of :data:`TARGETS`), shared out by
    their weights, and count how each ended. An input that runs longer than *limit* seconds
    is a hang. The same *seed* gives the same inputs.
    """
    chosen = list(TARGETS if targets is None else targets)
    corpus = corpus if corpus is not None else build(seed_value=seed)
    tallies = {target.name: Tally(target.name) for target in chosen}
    pick = random.Random(seed)
    order = pick.choices(chosen, weights=[target.weight for target in chosen], k=inputs)
    started = time.monotonic()
    for index, target in enumerate(order):
        _one(target, corpus, seed, index, limit, tallies[target.name])
        if progress and index and index % 10_000 == 0:
            rate = index / (time.monotonic() - started)
            print(f"{index:,} inputs, {rate:,.0f} a second", flush=True)
    return list(tallies.values())


def table(tallies: Sequence[Tally]) -> str:
    """The tallies as a Markdown table, with a total line."""
    rows = [
        "| target | tried | accepted | refused (library error) | raw exceptions | hangs "
        "| round-trip failures | known holes | slowest |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    total = Tally("**total**")
    for tally in [*tallies, total]:
        if tally is not total:
            total.counts.update(tally.counts)
            total.known.update(tally.known)
            total.slowest = max(total.slowest, tally.slowest)
        known = ", ".join(
            f"{name}: {count:,}" for name, count in sorted(tally.known.items()) if not name.islower()
        )
        rows.append(
            f"| {tally.name} | {tally.tried:,} | {tally.counts[Outcome.ACCEPTED]:,} "
            f"| {tally.counts[Outcome.REFUSED]:,} | {tally.counts[Outcome.RAW]:,} | {tally.counts[Outcome.HANG]:,} "
            f"| {tally.counts[Outcome.ROUND_TRIP]:,} | {known or '0'} | {tally.slowest * 1000:,.0f} ms |"
        )
    return "\n".join(rows)

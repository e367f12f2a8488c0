"""
The fuzz harness (fuzz/): a short seeded pass over every target, and the
harness's own parts. The long run is ``python -m fuzz`` (fuzz/README.md).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import eventmodel as em

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import fuzz
from fuzz._corpus import build
from fuzz._coverage import one_input
from fuzz._run import Outcome, known_hole
from fuzz._targets import Refused, RoundTripError

CORPUS = build(size=8, seed_value=0)
FAILURES = (Outcome.RAW, Outcome.HANG, Outcome.ROUND_TRIP)


def test_a_short_seeded_pass_finds_no_unknown_failure():
    tallies = fuzz.fuzz(1500, seed=1, corpus=CORPUS, limit=20.0)
    assert sum(tally.tried for tally in tallies) == 1500
    assert {tally.name for tally in tallies} == {target.name for target in fuzz.TARGETS}
    for tally in tallies:
        assert tally.tried > 0, tally.name
        assert tally.counts[Outcome.REFUSED] > 0, tally.name  # the mutations do break things
        unexplained = {outcome: tally.unexplained(outcome) for outcome in FAILURES}
        assert set(unexplained.values()) == {0}, (tally.name, unexplained, tally.examples)
    assert sum(tally.counts[Outcome.ACCEPTED] for tally in tallies) > 0


def test_the_same_seed_gives_the_same_counts():
    first = fuzz.fuzz(200, seed=7, corpus=CORPUS)
    second = fuzz.fuzz(200, seed=7, corpus=CORPUS)
    assert [tally.counts for tally in first] == [tally.counts for tally in second]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([target for target in fuzz.TARGETS if "eventmodel " not in target.name]), st.randoms())
def test_each_target_accepts_and_round_trips_or_refuses_with_the_library_error(target, rng):
    given_input = target.make(CORPUS, rng)
    try:
        result = target.read(given_input)
    except (em.EventModelError, Refused):
        return
    except Exception as error:
        if known_hole(error) is None:
            raise
        return
    try:
        target.check(given_input, result)
    except Exception as error:
        if known_hole(error) is None:
            raise


def _sleep(given_input):
    time.sleep(1)


def test_a_reader_that_runs_too_long_is_a_hang_and_an_extra_target_is_counted():
    slow = fuzz.Target("slow", lambda corpus, rng: None, _sleep, lambda given_input, result: None)
    broken = fuzz.Target("broken", lambda corpus, rng: None, lambda given_input: {}[1], lambda *_: None)
    unequal = fuzz.Target("unequal", lambda corpus, rng: 1, lambda given_input: 1, _unequal)
    tallies = fuzz.fuzz(6, corpus=CORPUS, targets=[slow, broken, unequal], limit=0.05)
    counts = {tally.name: dict(tally.counts) for tally in tallies}
    assert counts["slow"] == {Outcome.HANG: counts["slow"][Outcome.HANG]}
    assert set(counts["broken"]) == {Outcome.RAW}
    assert set(counts["unequal"]) == {Outcome.ROUND_TRIP}
    table = fuzz.table(tallies)
    assert "| slow |" in table
    assert "| **total** | 6 |" in table
    assert any("KeyError: 1" in example for tally in tallies for example in tally.examples)


def _unequal(given_input, result):
    raise RoundTripError("read back unequal")


def test_register_adds_or_replaces_a_target_by_name():
    before = list(fuzz.TARGETS)
    try:
        extra = fuzz.register(fuzz.Target("extra", lambda c, r: 1, lambda g: 1, lambda g, r: None))
        assert fuzz.TARGETS[-1] is extra
        again = fuzz.register(fuzz.Target("extra", lambda c, r: 2, lambda g: 2, lambda g, r: None))
        assert [target.name for target in fuzz.TARGETS].count("extra") == 1
        assert fuzz.TARGETS[-1] is again
    finally:
        fuzz.TARGETS[:] = before


@pytest.mark.parametrize(
    ("error", "result", "item"),
    [
        (UnicodeEncodeError("utf-8", "\udfff", 0, 1, "surrogates not allowed"), None, None),
        (em.InvalidValueError("cannot be written as JSON (str is not valid UTF-8)"), None, None),
        (em.InvalidValueError("must be a finite number written as Python's Decimal writes it"), None, None),
        (None, em.Dossier(), None),
        (KeyError(1), None, None),
    ],
)
def test_no_hole_is_excused_any_more(error, result, item):
    assert known_hole(error, result) == item


def test_the_coverage_guided_entry_point_raises_only_on_failures():
    parse = next(target for target in fuzz.TARGETS if target.name == "When.parse")
    for data in (b"", b"\x00", b"2022", bytes(range(256))):
        one_input(parse, CORPUS, data)
    broken = fuzz.Target("broken", lambda corpus, rng: None, lambda given_input: {}[1], lambda *_: None)
    with pytest.raises(KeyError):
        one_input(broken, CORPUS, b"")
    unequal = fuzz.Target("unequal", lambda corpus, rng: 1, lambda given_input: 1, _unequal)
    with pytest.raises(RoundTripError):
        one_input(unequal, CORPUS, b"")


def test_convert_holds_an_object_given_twice_once_and_the_harness_agrees():
    command = next(target for target in fuzz.TARGETS if target.name.startswith("eventmodel "))
    line = em.json.dumps(em.Actor("A", "person", id="actor:a")).encode() + b"\n"
    given_input = ("convert", line + line, ".jsonl")
    written = command.read(given_input)
    assert written.count('"type":"actor"') == 1
    command.check(given_input, written)

"""
The floor under any pure-Python JSON round trip of the standard batch into
eventmodel's objects: orjson's parsing and writing of the same JSON, and
making the same model objects with no checks and no reading of values (each
object made with ``object.__new__`` and its slots set from an object already
read, strings, numbers and times shared). A library that reads this JSON into
these objects does at least this work; eventmodel also checks every value and
reads times and numbers from text.

Run from the repository root: ``python benchmarks/json_floor.py [--claims N]``.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
import types
import typing
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Any

import attrs
import orjson
import workload

import eventmodel as em
import eventmodel.json as em_json
from eventmodel import FrozenDict

_MAKERS: dict[type, Callable[[Any], Any]] = {}
_PLAIN = (str, int, bool, Decimal, datetime, em.When, em.Factuality, Enum)


def _plain(kind: Any) -> bool:
    """Whether a field of type *kind* holds a value that is shared, not made anew."""
    options = typing.get_args(kind) if typing.get_origin(kind) in (typing.Union, types.UnionType) else (kind,)
    return all(
        option is type(None) or (isinstance(option, type) and issubclass(option, _PLAIN))
        for option in options
    )


def _maker(cls: type) -> Callable[[Any], Any]:
    """Straight-line code that makes an object of *cls* anew from another, as a generated reader would."""
    hints = typing.get_type_hints(cls)
    names: dict[str, Any] = {"new": object.__new__, "cls": cls, "remake": remake}
    lines = ["def make(o):", "    n = new(cls)"]
    for index, field in enumerate(attrs.fields(cls)):
        slot = vars(cls)[field.name]
        names[f"s{index}"], names[f"g{index}"] = slot.__set__, slot.__get__
        value = f"g{index}(o)" if _plain(hints[field.name]) else f"remake(g{index}(o))"
        lines.append(f"    s{index}(n, {value})")
    lines.append("    return n")
    exec("\n".join(lines), names)
    maker: Callable[[Any], Any] = names["make"]
    return maker


def remake(value: Any) -> Any:
    """The same objects again, made with no checks: each model object, tuple and mapping anew."""
    cls = value.__class__
    if cls is tuple:
        return tuple([remake(item) for item in value])
    if cls is FrozenDict:
        return FrozenDict({key: remake(item) for key, item in value._data.items()})
    maker = _MAKERS.get(cls)
    if maker is None:
        if not attrs.has(cls) or isinstance(value, em.When):
            return value
        maker = _MAKERS[cls] = _maker(cls)
    return maker(value)


def count(value: Any) -> int:
    """How many model objects *value* holds, itself included."""
    if value.__class__ is tuple:
        return sum(count(item) for item in value)
    if value.__class__ is FrozenDict:
        return sum(count(item) for item in value.values())
    if attrs.has(type(value)) and not isinstance(value, em.When):
        return 1 + sum(count(getattr(value, field.name)) for field in attrs.fields(type(value)))
    return 0


def per_claim(step: Callable[[], object], claims: int, repeats: int = 5) -> float:
    """Microseconds per top-level claim, the median of *repeats*, the collector paused as loads pauses it."""
    times = []
    for _ in range(repeats):
        gc.collect()
        gc.disable()
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
        gc.enable()
    return statistics.median(times) / claims * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=workload.STANDARD_SIZE[2])
    args = parser.parse_args()
    batch = workload.scaled(args.claims)
    dossier = workload.build_eventmodel(batch)
    data = em_json.dumps(dossier).encode()
    documents = orjson.loads(data)
    objects = [*dossier.actors, *dossier.sources, *dossier.claims]
    assert [remake(obj) for obj in objects] == objects
    gc.freeze()
    parse = per_claim(lambda: orjson.loads(data), args.claims)
    write = per_claim(lambda: orjson.dumps(documents), args.claims)
    make = per_claim(lambda: [remake(obj) for obj in objects], args.claims)
    loads = per_claim(lambda: em_json.loads(data, em.Dossier), args.claims)
    dumps = per_claim(lambda: em_json.dumps(dossier).encode(), args.claims)
    made = sum(count(obj) for obj in objects) / args.claims
    print(
        f"{args.claims:,} top-level claims, {made:.1f} model objects each; microseconds per top-level claim"
    )
    print(f"orjson.loads {parse:.1f}, orjson.dumps {write:.1f}, making the objects unchecked {make:.1f}")
    print(f"floor of a round trip: {parse + write + make:.1f}")
    print(f"eventmodel.json: loads {loads:.1f}, dumps {dumps:.1f}, round trip {loads + dumps:.1f}")


if __name__ == "__main__":
    main()

"""
The readers fuzzed: one :class:`Target` each, in the table :data:`TARGETS`.

A target makes an input from the corpus, reads it (returning what it
accepted, or raising the library's error, or :class:`Refused`), and checks
what it accepted: written with both JSON backends, read back, compared. To
fuzz a new reader (an importer, an export), :func:`register` a target.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import random
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import eventmodel as em
from eventmodel.cli import main

from ._corpus import Corpus
from ._mutate import encode, mutate_document, mutate_text

#: Both backends when orjson is installed.
BACKENDS = ["json", "orjson"] if importlib.util.find_spec("orjson") else ["json"]


class Refused(Exception):  # noqa: N818 - an outcome, not a failure
    """The command refused the input as it promises to: an exit status of 1 or 2, one line on stderr."""


class RoundTripError(Exception):
    """An accepted input that does not come back equal, written with a backend and read again."""


@dataclass(frozen=True)
class Target:
    """One reader under fuzzing."""

    name: str
    make: Callable[[Corpus, random.Random], Any]
    """Makes an input from the corpus."""
    read: Callable[[Any], Any]
    """Reads the input: returns what it accepted, raises the library's error or :class:`Refused`."""
    check: Callable[[Any, Any], None]
    """Checks what was accepted (the input, the result); raises on a round-trip failure."""
    weight: int = 1
    """The share of a run's inputs this target gets, against the others' weights."""


#: Every target, in the order of the table.
TARGETS: list[Target] = []


def register(target: Target) -> Target:
    """Add *target* to :data:`TARGETS` (replacing one of the same name)."""
    TARGETS[:] = [known for known in TARGETS if known.name != target.name]
    TARGETS.append(target)
    return target


# -- checks ----------------------------------------------------------------------------------------


def round_trip(result: Any, cls: type, *, strict: bool = True) -> None:
    """*result* written with each backend reads back equal, and both backends write the same JSON."""
    decoded = []
    for backend in BACKENDS:
        text = em.json.dumps(result, backend=backend)
        again = em.json.loads(text, cls, strict=strict)
        if again != result:
            raise RoundTripError(f"written with {backend}, read back unequal")
        if em.json.dumps(again, backend=backend) != text:
            raise RoundTripError(f"written with {backend}, read back and written again differently")
        decoded.append(json.loads(text))
    if any(item != decoded[0] for item in decoded):
        raise RoundTripError("the backends write different documents")


def _text_round_trip(result: Any) -> None:
    again = em.When.parse(str(result))
    if again != result or str(again) != str(result):
        raise RoundTripError(f"{str(result)!r} reads back as {str(again)!r}")


# -- JSON readers ----------------------------------------------------------------------------------

_CLASSES: list[type] = [em.Actor, em.Source, em.Claim, em.Event]


def _document_input(corpus: Corpus, rng: random.Random) -> tuple[str | bytes, type, bool]:
    if rng.random() < 0.6:
        document, cls = rng.choice(corpus.dossiers), em.Dossier
    else:
        cls, document = rng.choice(corpus.members)
        if rng.random() < 0.1:
            cls = rng.choice(_CLASSES)
    return encode(mutate_document(document, rng), rng), cls, rng.random() < 0.7


def _loads(given: tuple[str | bytes, type, bool]) -> Any:
    text, cls, strict = given
    return em.json.loads(text, cls, strict=strict)


def _load(given: tuple[str | bytes, type, bool]) -> Any:
    text, cls, strict = given
    fp: io.StringIO | io.BytesIO = io.BytesIO(text) if isinstance(text, bytes) else io.StringIO(text)
    return em.json.load(fp, cls, strict=strict)


def _check_read(given: tuple[str | bytes, type, bool], result: Any) -> None:
    _, cls, strict = given
    round_trip(result, cls, strict=strict)


def _lines_input(corpus: Corpus, rng: random.Random) -> tuple[list[str | bytes], bool]:
    lines: list[str | bytes] = []
    for _ in range(rng.randint(1, 4)):
        _, document = rng.choice(corpus.members)
        if rng.random() < 0.5:
            document = mutate_document(document, rng)
        line = encode(document, rng)
        lines.append(line + (b"\n" if isinstance(line, bytes) else "\n"))
    return lines, rng.random() < 0.7


def _iter_jsonl(given: tuple[list[str | bytes], bool]) -> list[Any]:
    lines, strict = given
    return list(em.json.iter_jsonl(lines, strict=strict))


def _check_lines(given: tuple[list[str | bytes], bool], result: list[Any]) -> None:
    _lines, strict = given
    for obj in result:
        round_trip(obj, type(obj), strict=strict)
    written = io.StringIO()
    em.json.write_jsonl(result, written)
    if list(em.json.iter_jsonl(io.StringIO(written.getvalue()), strict=strict)) != result:
        raise RoundTripError("written as JSON Lines, read back unequal")


# -- text parsers ----------------------------------------------------------------------------------


def _time_input(corpus: Corpus, rng: random.Random) -> str:
    text = rng.choice(corpus.times)
    return text if rng.random() < 0.1 else mutate_text(text, rng)


def _human_input(corpus: Corpus, rng: random.Random) -> tuple[str, dict[str, Any]]:
    text = rng.choice(corpus.human)
    if rng.random() < 0.7:
        text = mutate_text(text, rng, alphabet="0123456789-:/.,+ aPMTZUCESTDGjanMarchSunday")
    options: dict[str, Any] = {}
    for name in ("day_first", "year_first"):
        if rng.random() < 0.3:
            options[name] = rng.choice([True, False])
    if rng.random() < 0.3:
        options["year"] = rng.choice([2022, 1, 9999, 0, -1, 10000, 2**40])
    if rng.random() < 0.2:
        options["zone"] = rng.choice(
            ["Europe/Kyiv", "America/New_York", "UTC", "ABC+99", "Mars/Base", "localtime"]
        )
    return text, options


def _parse_human(given: tuple[str, dict[str, Any]]) -> Any:
    text, options = given
    return em.When.parse_human(text, **options)


def _anchor_input(corpus: Corpus, rng: random.Random) -> str:
    return mutate_text(rng.choice(corpus.anchors), rng, alphabet="event:publicatonmd_ ")


def _check_anchor(given: str, result: em.Anchor) -> None:
    if em.Anchor.parse(str(result)) != result:
        raise RoundTripError(f"{str(result)!r} reads back unequal")


# -- the command line ------------------------------------------------------------------------------

_MESSAGE = re.compile(r"eventmodel: [^\n]*\n")


def _command_input(corpus: Corpus, rng: random.Random) -> tuple[str, str | bytes, str]:
    command = rng.choice(["validate", "show", "convert"])
    if rng.random() < 0.7:
        return command, encode(mutate_document(rng.choice(corpus.dossiers), rng), rng), ".json"
    lines, _ = _lines_input(corpus, rng)
    return (
        command,
        b"".join(
            line if isinstance(line, bytes) else line.encode("utf-8", "surrogatepass") for line in lines
        ),
        ".jsonl",
    )


def _run_command(given: tuple[str, str | bytes, str]) -> str | None:
    command, content, suffix = given
    with tempfile.TemporaryDirectory(prefix="eventmodel-fuzz-") as folder:
        source = Path(folder, "in" + suffix)
        source.write_bytes(
            content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass")
        )
        out = Path(folder, "out.jsonl" if suffix == ".json" else "out.json")
        arguments = {
            "validate": [str(source)],
            "show": [str(source), "--width", "80"],
            "convert": [str(source), str(out)],
        }
        stdout, stderr = (
            io.TextIOWrapper(io.BytesIO(), encoding="utf-8"),
            io.TextIOWrapper(io.BytesIO(), encoding="utf-8"),
        )
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            status = main([command, *arguments[command]])
        stderr.seek(0)
        message = stderr.read()
        stdout.seek(0)
        printed = stdout.read()
        if command == "validate" and status == 1 and " error format " not in printed:
            status = 0  # read whole; only the provenance rules failed
        if status not in (0, 1, 2):
            raise AssertionError(f"exit status {status}")
        if status == 0:
            if message:
                raise AssertionError(f"exit status 0 with {message!r} on stderr")
            return out.read_text(encoding="utf-8") if command == "convert" else None
        if command != "validate" and not _MESSAGE.fullmatch(message):
            raise AssertionError(f"exit status {status} with {message!r} on stderr, not one line")
        raise Refused(message)


def _check_command(given: tuple[str, str | bytes, str], written: str | None) -> None:
    _command, content, suffix = given
    if written is None:
        return
    if suffix == ".json":
        read = list(em.json.iter_jsonl(io.StringIO(written)))
        try:
            expected = list(em.json.loads(content, em.Dossier))
        except em.EventModelError:  # a lone object, not a dossier: read as one line
            expected = list(em.json.iter_jsonl([content]))
    else:
        read = list(em.json.loads(written, em.Dossier))
        expected = list(
            em.json.iter_jsonl(io.BytesIO(content if isinstance(content, bytes) else content.encode()))
        )
    # An object given twice (same id, same content) is held, and written, once.
    if sorted(set(map(em.json.dumps, read))) != sorted(set(map(em.json.dumps, expected))):
        raise RoundTripError("convert wrote other objects than it read")


for _target in (
    Target("json.loads", _document_input, _loads, _check_read, weight=20),
    Target("json.load", _document_input, _load, _check_read, weight=5),
    Target("json.iter_jsonl", _lines_input, _iter_jsonl, _check_lines, weight=8),
    Target("When.parse", _time_input, em.When.parse, lambda _, result: _text_round_trip(result), weight=30),
    Target(
        "When.parse_human", _human_input, _parse_human, lambda _, result: _text_round_trip(result), weight=12
    ),
    Target("Anchor.parse", _anchor_input, em.Anchor.parse, _check_anchor, weight=20),
    Target("eventmodel validate/show/convert", _command_input, _run_command, _check_command, weight=1),
):
    register(_target)

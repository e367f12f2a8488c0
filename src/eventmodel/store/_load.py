"""
The rows a store writes for a batch of objects, made apart from the
database so that worker processes can make them while the main process
writes (:meth:`eventmodel.Store.load_jsonl`).

Making the rows of an object (reading its line, building and checking it,
writing its canonical JSON, walking its chain) is most of the cost of
loading; SQLite's inserts are the rest, and only one process may write. So
a large file is read in chunks of lines, each chunk made into rows by a
worker, and the main process inserts the chunks in the order of the file,
in one transaction.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any, Final, NamedTuple

from eventmodel.core._gc import collector_paused
from eventmodel.dossier._analysis import walk
from eventmodel.exceptions import InvalidTypeError
from eventmodel.io._document import to_document
from eventmodel.io._json import MAX_DEPTH, _backend, _encode, read_lines
from eventmodel.model._actor import Actor
from eventmodel.model._claim import Claim
from eventmodel.model._event import Event, Proposition
from eventmodel.model._source import Source

__all__ = ["CHUNK_BYTES", "Rows", "kind_of", "rows_of", "rows_of_lines", "watch_parent"]

#: About how many bytes of lines one worker reads at a time.
CHUNK_BYTES: Final = 1 << 22


class Rows(NamedTuple):
    """
    The rows of a batch of objects, each row starting with the object's
    ``seq`` (the derivations too, which the table keys by source id), in
    the order of the batch.
    """

    objects: list[tuple[int, str, str, str, str]]
    hops: list[tuple[Any, ...]]
    evidence: list[tuple[int, int, int, str]]
    participants: list[tuple[int, int, int, str | None, str]]
    derivations: list[tuple[int, str, int, str]]


def kind_of(obj: object) -> str:
    """``"actor"``, ``"source"`` or ``"claim"``; anything else is refused."""
    if isinstance(obj, Actor):
        return "actor"
    if isinstance(obj, Source):
        return "source"
    if isinstance(obj, Claim):
        return "claim"
    raise InvalidTypeError(
        "holds actors, sources and claims",
        cls="Store",
        field="add()",
        value=obj,
        fix="wrap an event or a proposition in a Claim that says who states it",
    )


def iso(value: datetime) -> str:
    """A UTC datetime as text that sorts as the datetimes do."""
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds")


def rows_of(batch: Iterable[object], first_seq: int) -> Rows:
    """The rows of *batch*, its objects numbered from *first_seq*."""
    backend = _backend(None)
    rows = Rows([], [], [], [], [])
    with collector_paused():
        for seq, obj in enumerate(batch, start=first_seq):
            kind = kind_of(obj)
            document = to_document(obj)
            rows.objects.append(
                (seq, obj.id, kind, str(document.get("type", kind)), _encode(document, backend))  # type: ignore[attr-defined]
            )
            if isinstance(obj, Claim):
                _claim_rows(seq, obj, rows)
            elif isinstance(obj, Source):
                rows.derivations.extend(
                    (seq, obj.id, index, parent) for index, parent in enumerate(obj.derived_from)
                )
    return rows


def rows_of_lines(lines: Sequence[bytes], first_line: int, first_seq: int, limit: int) -> Rows:
    """
    The rows of the objects on *lines*, the first of which is line
    *first_line* of its file, numbered from *first_seq*: what a worker
    process does. A bad line raises the error :func:`eventmodel.json.iter_jsonl`
    would, with its line number in the file.
    """
    objects = read_lines(lines, first_line, None, strict=True, max_depth=MAX_DEPTH, limit=limit)
    return rows_of(objects, first_seq)


def watch_parent(parent: int) -> None:
    """
    In a worker process: end it when the process *parent* that started it
    is gone (killed, say), rather than wait for work that will not come.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.25)
        os._exit(1)

    threading.Thread(target=watch, name="eventmodel-watch-parent", daemon=True).start()


def _claim_rows(seq: int, report: Claim, rows: Rows) -> None:
    for claim, depth in walk(report):
        content = claim.content
        subject = subject_type = start = end = text = None
        if isinstance(content, (Event, Proposition)):
            subject = content.id
            subject_type = "event" if isinstance(content, Event) else "proposition"
            if content.when is not None:
                lower, upper, text = content.when.sort_key()
                start, end = iso(lower), iso(upper)
            if isinstance(content, Event):
                rows.participants.extend(
                    (seq, depth, index, participant.actor, participant.role)
                    for index, participant in enumerate(content.participants)
                )
        rows.hops.append((seq, depth, claim.id, claim.claimant, subject, subject_type, start, end, text))
        rows.evidence.extend((seq, depth, index, item.source) for index, item in enumerate(claim.evidence))

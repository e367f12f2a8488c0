"""
What the data set importers share: rows read with their place in the file,
errors that name the file, line and column, skipping bad rows on request,
progress, and actors merged by a rule that does not depend on row order.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Final, NoReturn

from eventmodel.exceptions import EventModelError, InvalidValueError
from eventmodel.model._actor import Actor, ActorKind

__all__ = [
    "ActorTally",
    "Cells",
    "Progress",
    "RowProblems",
    "lines_of",
    "merged_actors",
]

#: ``progress(name, bytes_done, bytes_total, rows)``: called now and then while a file is read.
Progress = Callable[[str, int, int | None, int], None]

_PROGRESS_EVERY: Final = 4096
"""Rows between two calls of a progress callback."""


class Cells:
    """
    One row of a file, with where it is: typed reads of its cells that fail
    with an error naming the file, the line and the column.
    """

    __slots__ = ("columns", "file", "line", "values")

    def __init__(self, file: str, line: int, columns: tuple[str, ...], values: list[str]) -> None:
        self.file = file
        self.line = line
        self.columns = columns
        self.values = values

    def where(self, index: int | None = None) -> str:
        """``file, line N, column K (Name)``: the place of a cell (or of the row)."""
        if index is None:
            return f"{self.file}, line {self.line}"
        return f"{self.file}, line {self.line}, column {index + 1} ({self.columns[index]})"

    def fail(self, index: int | None, reason: str, value: object, fix: str | None = None) -> NoReturn:
        """Raise :class:`~eventmodel.InvalidValueError` for the cell at *index*."""
        raise InvalidValueError(reason, value=value, fix=fix, path=self.where(index))

    def text(self, index: int) -> str | None:
        """The cell, or ``None`` when it is empty."""
        value = self.values[index]
        return value if value else None

    def required(self, index: int, fix: str | None = None) -> str:
        """The cell, which must not be empty."""
        value = self.values[index]
        if not value:
            self.fail(index, "must not be empty", value, fix)
        return value

    def digits(self, index: int, *, length: int | None = None) -> str | None:
        """A cell of ASCII digits (of *length* digits when given), or ``None`` when empty."""
        value = self.values[index]
        if not value:
            return None
        if not (value.isascii() and value.isdigit()) or (length is not None and len(value) != length):
            what = f"{length} digits" if length is not None else "digits"
            self.fail(index, f"must be {what}", value)
        return value

    def integer(self, index: int) -> int | None:
        """A whole number with an optional minus sign, or ``None`` when empty."""
        value = self.values[index]
        if not value:
            return None
        body = value[1:] if value.startswith("-") else value
        if not (body.isascii() and body.isdigit()) or len(body) > 18:
            self.fail(index, "must be a whole number", value)
        return int(value)

    def decimal(self, index: int) -> Decimal | None:
        """A decimal number as written, or ``None`` when empty."""
        value = self.values[index]
        if not value:
            return None
        if not value.isascii() or len(value) > 40 or "_" in value or value.strip() != value:
            self.fail(index, "must be a decimal number", value)
        try:
            number = Decimal(value)
        except InvalidOperation:
            self.fail(index, "must be a decimal number", value)
        if not number.is_finite():
            self.fail(index, "must be a finite decimal number", value)
        return number

    def day(self, index: int, text: str) -> date:
        """The date of the cell's *text*, eight ASCII digits ``YYYYMMDD``."""
        try:
            return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
        except ValueError:
            self.fail(index, "is not a valid date", text)

    def instant(self, index: int) -> datetime | None:
        """A ``YYYYMMDDHHMMSS`` time in UTC, or ``None`` when empty."""
        value = self.digits(index, length=14)
        if value is None:
            return None
        try:
            return datetime(
                int(value[:4]),
                int(value[4:6]),
                int(value[6:8]),
                int(value[8:10]),
                int(value[10:12]),
                int(value[12:14]),
                tzinfo=UTC,
            )
        except ValueError:
            self.fail(index, "is not a valid YYYYMMDDHHMMSS time", value)


class RowProblems:
    """
    Bad rows: raised at once, or, with *skip_bad*, counted and kept (as
    messages) so that the caller can report them at the end.
    """

    def __init__(self, *, skip_bad: bool, skipped: list[str] | None) -> None:
        self.skip_bad = skip_bad
        self.skipped = skipped if skipped is not None else []

    def bad(self, error: EventModelError) -> None:
        """Raise *error*, or keep it when bad rows are skipped."""
        if not self.skip_bad:
            raise error
        self.skipped.append(str(error))


def _open(path: str | Path) -> IO[bytes]:
    try:
        return Path(path).open("rb")
    except OSError as error:
        raise InvalidValueError(
            f"cannot be read ({error.strerror or error})", value=str(path), path=str(path)
        ) from None


def lines_of(path: str | Path, progress: Progress | None = None) -> Iterator[tuple[int, str]]:
    """
    The lines of the file at *path*, numbered from 1, decoded as UTF-8 and
    without their line ends.

    Raises:
        InvalidValueError: For a file that cannot be read, or a line that is
            not UTF-8 (naming the line).

    """
    name = str(path)
    with _open(path) as fp:
        try:
            total: int | None = os.fstat(fp.fileno()).st_size
        except OSError:  # pragma: no cover - a file that was just opened has a size
            total = None
        done = 0
        for number, raw in enumerate(fp, start=1):
            done += len(raw)
            if progress is not None and number % _PROGRESS_EVERY == 0:
                progress(name, done, total, number)
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                raise InvalidValueError(
                    f"is not UTF-8 (byte {error.start + 1} of the line)",
                    path=f"{name}, line {number}",
                    fix="convert the file to UTF-8",
                ) from None
            yield number, text.rstrip("\r\n")
        if progress is not None:
            progress(name, done, total, number if done else 0)


class ActorTally:
    """
    Actors met row after row under one key, merged by a rule that does not
    depend on the order of the rows: the name used most often is the actor's
    name (a tie goes to the name first in code-point order) and the others are
    its aliases, in code-point order; the kind likewise (a tie goes to the
    kind listed first in :class:`~eventmodel.ActorKind`).
    """

    __slots__ = ("identifiers", "kinds", "names")

    def __init__(self) -> None:
        self.names: dict[str, int] = {}
        self.kinds: dict[ActorKind, int] = {}
        self.identifiers: dict[str, str] = {}

    def see(self, name: str, kind: ActorKind) -> None:
        names, kinds = self.names, self.kinds
        names[name] = names.get(name, 0) + 1
        kinds[kind] = kinds.get(kind, 0) + 1

    def actor(self, ident: str) -> Actor:
        order = list(ActorKind)
        name = min(self.names, key=lambda item: (-self.names[item], item))
        kind = min(self.kinds, key=lambda item: (-self.kinds[item], order.index(item)))
        aliases = sorted(item for item in self.names if item != name)
        return Actor(name, kind, id=ident, aliases=aliases, identifiers=self.identifiers)


def merged_actors(tallies: Iterable[tuple[str, ActorTally]]) -> list[Actor]:
    """The actors of *tallies*, by id."""
    return [tally.actor(ident) for ident, tally in sorted(tallies)]

"""
ACLED: the Armed Conflict Location & Event Data export, read as a dossier.

An ACLED row is ACLED's own account of an event, built by its analysts from
the sources it names. It is read as such: ACLED (``actor:acled``) states the
event, with the export file and each source named in the ``source`` cell as
evidence. What each of those sources said is not in the data, so no claim is
made in their names. ``actor1`` and ``actor2`` are the two sides, in no
direction: their roles are ``actor1`` and ``actor2``, never agent and
target.

:func:`read_acled` reads files into a :class:`~eventmodel.Dossier`;
:func:`acled_objects` streams the objects of rows from any iterable of rows
(dicts by column name, as ``csv.DictReader`` gives);
``eventmodel import acled FILE`` runs the first. The how-to guide "Import
ACLED" has the whole mapping.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Final

from eventmodel.core._gc import collector_paused
from eventmodel.dossier._dossier import Dossier
from eventmodel.exceptions import EventModelError, InvalidValueError
from eventmodel.model._actor import Actor, ActorKind
from eventmodel.model._claim import Claim
from eventmodel.model._event import Event, Participant
from eventmodel.model._evidence import Evidence
from eventmodel.model._place import GeoPoint, Place
from eventmodel.model._quantity import Quantity
from eventmodel.model._source import Source, SourceKind
from eventmodel.time._when import Interval, Moment, When

from ._countries import ISO_NUMERIC_TO_ALPHA2
from ._rows import ActorTally, Cells, Progress, RowProblems, lines_of, merged_actors

__all__ = [
    "ACLED",
    "COLUMNS",
    "GEO_PRECISION_M",
    "INTER_KINDS",
    "REQUIRED_COLUMNS",
    "acled_objects",
    "read_acled",
]

#: The columns of ACLED's export, as its public codebook names them.
COLUMNS: Final = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip

#: The columns a file must have.
REQUIRED_COLUMNS: Final = ("event_id_cnty", "event_date", "time_precision", "event_type", "actor1")

#: ACLED's actor type codes (``inter1``, ``inter2``), by number and by name, and the kind each gives.
INTER_KINDS: Final[dict[str, ActorKind]] = {
    "1": ActorKind.MILITARY_UNIT,
    "2": ActorKind.ARMED_GROUP,
    "3": ActorKind.ARMED_GROUP,
    "4": ActorKind.ARMED_GROUP,
    "5": ActorKind.COLLECTIVE,
    "6": ActorKind.COLLECTIVE,
    "7": ActorKind.COLLECTIVE,
    "8": ActorKind.ORGANIZATION,
    "state forces": ActorKind.MILITARY_UNIT,
    "rebel group": ActorKind.ARMED_GROUP,
    "political militia": ActorKind.ARMED_GROUP,
    "identity militia": ActorKind.ARMED_GROUP,
    "rioters": ActorKind.COLLECTIVE,
    "protesters": ActorKind.COLLECTIVE,
    "civilians": ActorKind.COLLECTIVE,
    "external/other forces": ActorKind.ORGANIZATION,
}

#: How far (in metres) the place may lie from ACLED's point, by geo precision:
#: 1, the town itself; 2, near the town, or a part of a region; 3, a larger
#: region, whose provincial capital is the point.
GEO_PRECISION_M: Final[dict[str, Decimal]] = {
    "1": Decimal(5000),
    "2": Decimal(25000),
    "3": Decimal(100000),
}

#: The actor that publishes ACLED.
ACLED: Final = Actor("Armed Conflict Location & Event Data (ACLED)", ActorKind.ORGANIZATION, id="actor:acled")

_WORD: Final = re.compile(r"[\W_]+")
_ASCII_WORD: Final = re.compile(r"[^a-z0-9]+")
_NOT_ID: Final = re.compile(r"[\s\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_DETAIL_COLUMNS: Final = (
    "event_type",
    "sub_event_type",
    "disorder_type",
    "inter1",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "source_scale",
    "tags",
)
_USED: Final = frozenset(
    (
        *_DETAIL_COLUMNS,
        "event_id_cnty",
        "event_date",
        "year",
        "time_precision",
        "actor1",
        "assoc_actor_1",
        "actor2",
        "assoc_actor_2",
        "admin1",
        "admin2",
        "admin3",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
        "source",
        "notes",
        "fatalities",
        "timestamp",
    )
)


def _slug(text: str) -> str:
    """*text* as lower-case words joined by ``-``, for ids."""
    return _WORD.sub("-", text.lower()).strip("-")


def _kind_word(text: str) -> str:
    """*text* as an event kind's word: ASCII letters and digits joined by ``-``, starting with a letter."""
    word = _ASCII_WORD.sub("-", text.lower()).strip("-")
    return word if word[:1].isalpha() else ""


def _names(cell: str) -> list[str]:
    return [name.strip() for name in cell.split(";") if name.strip()]


class _Reader:
    def __init__(self, *, skip_bad: bool, skipped: list[str] | None) -> None:
        self.problems = RowProblems(skip_bad=skip_bad, skipped=skipped)
        self.actors: dict[str, ActorTally] = {}
        self.sources: set[str] = set()

    def rows(
        self, name: str, rows: Iterable[tuple[int, Mapping[str, str | None]]]
    ) -> Iterator[Actor | Source | Claim]:
        dataset = Source(
            SourceKind.DATASET,
            id=f"source:acled-{Path(name).name}",
            title=f"ACLED export {Path(name).name}",
            publisher=ACLED.id,
        )
        yield ACLED
        yield dataset
        columns: tuple[str, ...] | None = None
        for number, row in rows:
            if columns is None:
                columns = tuple(row)
                for required in REQUIRED_COLUMNS:
                    if required not in row:
                        raise InvalidValueError(
                            f"has no column {required!r}",
                            path=f"{name}, line 1",
                            fix="give ACLED's CSV export, with its header line",
                        )
            values = [_cell(row.get(column)) for column in columns]
            if None in row or len(row) != len(columns) or any(value is None for value in row.values()):
                cells = Cells(name, number, columns, values)
                error = InvalidValueError(
                    f"does not have the {len(columns)} columns of the header", path=cells.where()
                )
                self.problems.bad(error)
                continue
            cells = Cells(name, number, columns, values)
            try:
                built = self._row(cells, dataset.id)
            except EventModelError as error:
                if not (error.path and error.path.startswith(name)):
                    error = InvalidValueError(
                        f"{error.location + ': ' if error.location else ''}{error.reason}",
                        value=error.value,
                        fix=error.fix,
                        path=cells.where(),
                    )
                self.problems.bad(error)
                continue
            yield from built

    def _row(self, cells: Cells, dataset: str) -> list[Actor | Source | Claim]:  # noqa: PLR0915 - the columns of one row, in order
        index = {column: position for position, column in enumerate(cells.columns)}

        def at(column: str) -> int:
            return index[column]

        def text(column: str) -> str | None:
            return cells.text(index[column]) if column in index else None

        ident = cells.required(at("event_id_cnty"))
        if _NOT_ID.search(ident):
            cells.fail(at("event_id_cnty"), "must have no spaces or control characters", ident)
        when = _when(cells, at("event_date"), at("time_precision"), text("year"), index.get("year"))
        pending: list[tuple[str, str, ActorKind]] = []
        participants: list[Participant] = []
        for side in ("1", "2"):
            name = text(f"actor{side}")
            inter = text(f"inter{side}")
            if name is None:
                if side == "1":
                    cells.fail(at("actor1"), "must not be empty", "")
                continue
            kind = ActorKind.UNKNOWN
            if inter is not None:
                found = INTER_KINDS.get(inter.lower())
                if found is None and inter != "0":
                    cells.fail(at(f"inter{side}"), "must be an ACLED actor type, 0 to 8 or its name", inter)
                kind = found or ActorKind.UNKNOWN
            actor_id = f"actor:acled-{_slug(name) or 'x'}"
            pending.append((actor_id, name, kind))
            participants.append(Participant(actor_id, f"actor{side}"))
            associated = text(f"assoc_actor_{side}")
            for other in _names(associated or ""):
                other_id = f"actor:acled-{_slug(other) or 'x'}"
                pending.append((other_id, other, ActorKind.UNKNOWN))
                participants.append(Participant(other_id, f"associated-with-actor{side}"))
        details = {column: value for column in _DETAIL_COLUMNS if (value := text(column)) is not None}
        for position, column in enumerate(cells.columns):
            if column not in _USED and cells.values[position]:
                details[column] = cells.values[position]
        quantities = {}
        if "fatalities" in index:
            fatalities = cells.digits(at("fatalities"))
            if fatalities is not None:
                quantities["fatalities"] = Quantity(int(fatalities), unit="fatalities")
        event_kind = "acled." + (_kind_word(text("event_type") or "") or "event")
        if (sub := _kind_word(text("sub_event_type") or "")) != "":
            event_kind += "." + sub
        event = Event(
            event_kind,
            id=f"event:acled-{ident}",
            when=when,
            where=_place(cells, index),
            participants=participants,
            description=text("notes"),
            quantities=quantities,
            details=details,
        )
        made_at = None
        if (stamp := text("timestamp")) is not None:
            seconds = cells.digits(at("timestamp"))
            assert seconds is not None
            if len(seconds) > 11:
                cells.fail(at("timestamp"), "must be a Unix time in seconds", stamp)
            made_at = Moment(datetime.fromtimestamp(int(seconds), UTC), "second")
        named = [
            Source(SourceKind.OTHER, id=f"source:acled-named-{_slug(source) or 'x'}", title=source)
            for source in _names(text("source") or "")
        ]
        claim = Claim(
            ACLED.id,
            event,
            id=f"claim:acled-{ident}",
            made_at=made_at,
            evidence=[Evidence(dataset), *(Evidence(source) for source in named)],
        )
        for actor_id, name, kind in pending:
            self.actors.setdefault(actor_id, ActorTally()).see(name, kind)
        built: list[Actor | Source | Claim] = []
        for source in named:
            if source.id not in self.sources:
                self.sources.add(source.id)
                built.append(source)
        built.append(claim)
        return built


def _cell(value: object) -> str:
    return value if isinstance(value, str) else ""


def _when(
    cells: Cells, date_index: int, precision_index: int, year: str | None, year_index: int | None
) -> When:
    text = cells.required(date_index)
    day: date | None = None
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y"):
        try:
            day = datetime.strptime(text, fmt).date()  # noqa: DTZ007 - a calendar date, no zone
            break
        except ValueError:
            continue
    if day is None:
        cells.fail(date_index, "is not a date as ACLED writes it (2023-01-15 or 15 January 2023)", text)
    if year is not None and year != str(day.year):
        assert year_index is not None
        cells.fail(year_index, f"must be event_date's year, {day.year}", year)
    precision = cells.values[precision_index]
    if precision == "1":
        return Moment(day, "day")
    if precision == "2":
        return Interval(Moment(day - timedelta(days=3), "day"), Moment(day + timedelta(days=3), "day"))
    if precision == "3":
        return Moment(day.replace(day=1), "month")
    cells.fail(precision_index, "must be an ACLED time precision: 1, 2 or 3", precision)


def _place(cells: Cells, index: Mapping[str, int]) -> Place | None:
    def text(column: str) -> str | None:
        return cells.text(index[column]) if column in index else None

    lat = cells.decimal(index["latitude"]) if "latitude" in index else None
    lon = cells.decimal(index["longitude"]) if "longitude" in index else None
    point = None
    if (lat is None) != (lon is None):
        missing = "latitude" if lat is None else "longitude"
        if missing in index:
            cells.fail(index[missing], "must be given with the other coordinate", "")
        cells.fail(
            None,
            f"gives a point without its {missing}: the file has no {missing} column",
            "",
            "give ACLED's CSV export, with both coordinate columns",
        )
    if lat is not None and lon is not None:
        if not -90 <= lat <= 90:
            cells.fail(index["latitude"], "must be from -90 to 90 degrees", cells.values[index["latitude"]])
        if not -180 <= lon <= 180:
            cells.fail(
                index["longitude"], "must be from -180 to 180 degrees", cells.values[index["longitude"]]
            )
        precision = text("geo_precision")
        if precision is not None and precision not in GEO_PRECISION_M:
            cells.fail(index["geo_precision"], "must be an ACLED geo precision: 1, 2 or 3", precision)
        point = GeoPoint(lat, lon, precision_m=None if precision is None else GEO_PRECISION_M[precision])
    country = None
    iso = text("iso")
    if iso is not None:
        digits = cells.digits(index["iso"])
        assert digits is not None
        country = ISO_NUMERIC_TO_ALPHA2.get(digits.zfill(3))
    admin = [value for column in ("admin1", "admin2", "admin3") if (value := text(column)) is not None]
    name = text("location")
    if name is None and country is None and not admin and point is None:
        return None
    return Place(name, country=country, admin=admin, point=point)


def _dict_rows(name: str, lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, dict[str, str | None]]]:
    """``(line number, row)`` for each row of a CSV file's lines, by the header's column names."""
    starts: list[int] = []

    def texts() -> Iterator[str]:
        for number, line in lines:
            starts.append(number)
            yield line

    reader = csv.DictReader(texts(), strict=True)
    try:
        for row in reader:
            # A row's first line: the line after the previous row's last.
            yield starts[-1] - (_line_count(row) - 1), row
    except csv.Error as error:
        raise InvalidValueError(
            f"is not CSV ({error})", path=f"{name}, line {starts[-1] if starts else 1}"
        ) from None


def _line_count(row: Mapping[str | None, object]) -> int:
    count = 1
    for value in row.values():
        if isinstance(value, str):
            count += value.count("\n")
    return count


def acled_objects(
    files: Iterable[tuple[str, Iterable[tuple[int, Mapping[str, str | None]]]]],
    *,
    skip_bad: bool = False,
    skipped: list[str] | None = None,
) -> Iterator[Actor | Source | Claim]:
    """
    Stream the actors, sources and claims of ACLED rows.

    Args:
        files: ``(name, rows)`` pairs, one per file, where *rows* yields
            ``(line number, row)`` with each row a mapping from column name
            to cell, as ``csv.DictReader`` gives it.
        skip_bad: Keep going past bad rows; each is counted in *skipped*.
        skipped: A list that receives one message per bad row skipped.

    Yields:
        Each object once, in an order a :class:`~eventmodel.Dossier` takes:
        the merged actors come last, when every row has been seen.

    Raises:
        InvalidValueError: For a bad row (unless *skip_bad*), naming the
            file, the line and the column.

    .. versionadded:: 0.1.0

    """
    reader = _Reader(skip_bad=skip_bad, skipped=skipped)
    for name, rows in files:
        yield from reader.rows(name, rows)
    yield from merged_actors(reader.actors.items())


def read_acled(
    files: Sequence[str | Path],
    *,
    skip_bad: bool = False,
    skipped: list[str] | None = None,
    progress: Progress | None = None,
) -> Dossier:
    """
    Read ACLED CSV exports (with their header line) into a dossier.

    Args:
        files: The CSV files.
        skip_bad: Keep going past bad rows; each is counted in *skipped*.
        skipped: A list that receives one message per bad row skipped.
        progress: Called now and then as ``progress(file, bytes_done,
            bytes_total, rows)``.

    Returns:
        A dossier of ACLED, the actors, the files and the named sources,
        and ACLED's claims.

    Raises:
        InvalidValueError: For a file that cannot be read, or a bad row
            (unless *skip_bad*), naming the file, the line and the column.

    .. versionadded:: 0.1.0

    """
    dossier = Dossier()
    pairs = [(str(path), _dict_rows(str(path), _bom_stripped(lines_of(path, progress)))) for path in files]
    # Many small objects and no cycles: the cyclic collector would only run over and over.
    with collector_paused():
        for obj in acled_objects(pairs, skip_bad=skip_bad, skipped=skipped):
            dossier.add(obj)
    return dossier


def _bom_stripped(lines: Iterator[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    for number, line in lines:
        yield number, (line.removeprefix("\ufeff") if number == 1 else line) + "\n"


def import_acled(
    files: tuple[str, ...],
    *,
    skip_bad: bool = False,
    skipped: list[str] | None = None,
    progress: Progress | None = None,
) -> Dossier:
    """The ``acled`` importer of :data:`eventmodel.interop.formats`: :func:`read_acled`."""
    return read_acled(files, skip_bad=skip_bad, skipped=skipped, progress=progress)

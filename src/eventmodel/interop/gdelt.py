"""
GDELT 2.0: the events export and the mentions table, read as a dossier.

A GDELT event row is GDELT's machine coding of what one article reported.
It is read as such: *GDELT reports that the outlet of the event's first
article reported the event*. GDELT (``actor:gdelt``) is the claimant of a
top-level claim whose evidence is the export file (a dataset source); its
content is the outlet's claim, with the article (``SOURCEURL``) as evidence,
whose content is the :class:`~eventmodel.Event`. Each row of the mentions
table is one more report of the same event by the outlet of the mentioning
article, with GDELT's confidence in that report. GDELT's own measures
(Goldstein scale, tone, counts) are a claim of GDELT's about a proposition of
their own, never words of the outlet.

:func:`read_gdelt` reads files into a :class:`~eventmodel.Dossier`;
:func:`gdelt_objects` streams the objects of rows from any iterable;
``eventmodel import gdelt FILE... --mentions FILE...`` runs the first. The
how-to guide "Import GDELT 2.0" has the whole mapping.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Final, NamedTuple
from urllib.parse import urlsplit

from eventmodel.core._gc import collector_paused
from eventmodel.dossier._dossier import Dossier
from eventmodel.exceptions import EventModelError, InvalidValueError
from eventmodel.model._actor import Actor, ActorKind
from eventmodel.model._claim import Claim, SpeechAct
from eventmodel.model._confidence import Confidence
from eventmodel.model._event import Event, Participant, Proposition
from eventmodel.model._evidence import Evidence
from eventmodel.model._place import GeoPoint, Place
from eventmodel.model._quantity import Quantity
from eventmodel.model._source import Source, SourceKind
from eventmodel.time._when import Moment

from ._countries import FIPS_TO_ISO
from ._rows import ActorTally, Cells, Progress, RowProblems, lines_of, merged_actors

__all__ = [
    "CAMEO_ROOTS",
    "EVENT_COLUMNS",
    "GDELT",
    "GEO_PRECISION_M",
    "MENTION_COLUMNS",
    "GdeltReader",
    "gdelt_objects",
    "read_gdelt",
]

#: The 61 columns of a GDELT 2.0 events export row, in order.
EVENT_COLUMNS: Final = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

#: The 16 columns of a GDELT 2.0 mentions table row, in order.
MENTION_COLUMNS: Final = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)  # fmt: skip

#: The CAMEO root codes and the event kind each gives: the root's name in words.
CAMEO_ROOTS: Final[dict[str, str]] = {
    "01": "make-public-statement",
    "02": "appeal",
    "03": "express-intent-to-cooperate",
    "04": "consult",
    "05": "engage-in-diplomatic-cooperation",
    "06": "engage-in-material-cooperation",
    "07": "provide-aid",
    "08": "yield",
    "09": "investigate",
    "10": "demand",
    "11": "disapprove",
    "12": "reject",
    "13": "threaten",
    "14": "protest",
    "15": "exhibit-force-posture",
    "16": "reduce-relations",
    "17": "coerce",
    "18": "assault",
    "19": "fight",
    "20": "use-unconventional-mass-violence",
}

#: How far (in metres) the place may lie from GDELT's point, by geo type:
#: a country's or a first-order division's centroid stands for the whole of it.
GEO_PRECISION_M: Final[dict[str, Decimal]] = {
    "1": Decimal(1000000),  # a country
    "2": Decimal(250000),  # a US state
    "3": Decimal(10000),  # a US city or landmark
    "4": Decimal(10000),  # a world city or landmark
    "5": Decimal(250000),  # a first-order division outside the US
}

#: The actor that publishes GDELT.
GDELT: Final = Actor("The GDELT Project", ActorKind.ORGANIZATION, id="actor:gdelt")

# CAMEO actor type codes (the three-letter parts of an actor code) and the kind of actor each names.
_TYPE_KINDS: Final[dict[str, ActorKind]] = {
    **dict.fromkeys(("GOV", "LEG", "JUD", "COP", "SPY", "ELI"), ActorKind.GOVERNMENT),
    "MIL": ActorKind.MILITARY_UNIT,
    **dict.fromkeys(("REB", "INS", "SEP", "UAF", "IMG"), ActorKind.ARMED_GROUP),
    "MED": ActorKind.MEDIA,
    **dict.fromkeys(
        ("BUS", "NGO", "IGO", "EDU", "LAB", "HLH", "OPP", "PTY", "REL", "MNC", "NGM", "AGR", "CRM"),
        ActorKind.ORGANIZATION,
    ),
    **dict.fromkeys(("CVL", "REF", "MOD", "RAD", "DEV", "HRI", "ENV", "SET"), ActorKind.COLLECTIVE),
}
_CODE: Final = re.compile(r"[^\s]+")
_SPACE: Final = re.compile(r"\s")
_SPACES: Final = re.compile(r"[\s\x00-\x1f\x7f-\x9f]+")
_EXPORT_NAME: Final = re.compile(r"(\d{14})\.(export|mentions)\.CSV(?:\.zip)?", re.ASCII)
_ACTOR_FIELDS: Final = 10  # Code, Name, CountryCode, ... Type3Code
_ACTOR1, _ACTOR2 = 5, 15
_GEO_FIELDS: Final = 8  # Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID
_ACTOR1_GEO, _ACTOR2_GEO, _ACTION_GEO = 35, 43, 51
_DETAIL_COLUMNS: Final = (
    *range(_ACTOR1 + 2, _ACTOR1 + _ACTOR_FIELDS),
    *range(_ACTOR2 + 2, _ACTOR2 + _ACTOR_FIELDS),
    *range(26, 30),  # EventCode, EventBaseCode, EventRootCode, QuadClass
    *range(_ACTOR1_GEO, _ACTOR2_GEO + _GEO_FIELDS),
    _ACTION_GEO,
    _ACTION_GEO + 2,
    _ACTION_GEO + 3,
    _ACTION_GEO + 4,
    _ACTION_GEO + 7,
)
_MEASURES: Final = (
    (25, "is_root_event"),
    (30, "goldstein_scale"),
    (31, "num_mentions"),
    (32, "num_sources"),
    (33, "num_articles"),
    (34, "avg_tone"),
)
_MENTION_MEASURES: Final = (
    (6, "sentence_id"),
    (7, "actor1_char_offset"),
    (8, "actor2_char_offset"),
    (9, "action_char_offset"),
    (10, "in_raw_text"),
    (12, "mention_doc_len"),
    (13, "mention_doc_tone"),
)


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:24]


_MOMENTS: dict[datetime, Moment] = {}


def _moment(instant: datetime) -> Moment:
    """The moment of *instant*, to the second; the few times of a file are made once."""
    found = _MOMENTS.get(instant)
    if found is None:
        if len(_MOMENTS) > 4096:
            _MOMENTS.clear()
        found = _MOMENTS[instant] = Moment(instant, "second")
    return found


class _Known(NamedTuple):
    """An event read from an export row, for the mentions that refer to it."""

    event: Event
    url: str
    dataset: str
    added: datetime


class _Report(NamedTuple):
    """An article's report of an event, before it is built."""

    event: Event
    article: Source
    outlet: str | None
    datasets: tuple[str, ...]
    made_at: datetime
    confidence: Confidence | None


class GdeltReader:
    """
    Turns GDELT rows into actors, sources and claims, one row at a time.

    Export rows come first (:meth:`export_rows`), then mention rows
    (:meth:`mention_rows`); :meth:`finish` gives the objects that wait for
    every row: the first reports of events (which a mention of the same
    article completes with GDELT's confidence) and the merged actors. Objects
    are yielded as soon as they are known, so that nothing but the actor
    tallies is held, and, when mentions are to come, the events and the
    reports not yet met by a mention.

    Args:
        mentions: Whether mention rows will be read; without them, each
            report is whole as soon as its export row is read.
        skip_bad: Keep going past bad rows, keeping their errors in *skipped*.
        skipped: A list that receives one message per bad row skipped.

    .. versionadded:: 0.1.0

    """

    def __init__(
        self, *, mentions: bool = True, skip_bad: bool = False, skipped: list[str] | None = None
    ) -> None:
        self.mentions = mentions
        self.problems = RowProblems(skip_bad=skip_bad, skipped=skipped)
        self._actors: dict[str, ActorTally] = {}
        self._events: dict[str, _Known] = {}
        self._first: dict[str, _Report] = {}
        self._seen: set[str] = set()
        self._datasets: set[str] = set()

    # -- the files --------------------------------------------------------------------------------

    def _dataset(self, name: str, table: str) -> Iterator[Source]:
        base = Path(name).name
        ident = f"source:gdelt-{table}-{base}"
        if ident in self._datasets:
            return
        self._datasets.add(ident)
        found = _EXPORT_NAME.fullmatch(base)
        published = None
        url = None
        if found is not None and found[2] == table:
            published = _moment(datetime.strptime(found[1] + "+0000", "%Y%m%d%H%M%S%z"))
            url = f"http://data.gdeltproject.org/gdeltv2/{base}"
        yield Source(
            SourceKind.DATASET,
            id=ident,
            title=f"GDELT 2.0 {'events export' if table == 'export' else 'mentions table'} {base}",
            publisher=GDELT.id,
            url=url,
            published=published,
        )

    def export_rows(
        self, rows: Iterable[tuple[int, str | Sequence[str]]], name: str
    ) -> Iterator[Actor | Source | Claim]:
        """
        The objects of the export rows *rows*: ``(line number, row)`` pairs
        of the file *name*, each row a tab-separated line or a sequence of
        cells (as ``csv`` or pandas give them). Empty lines and a line
        that names the columns (starting ``GLOBALEVENTID``) are passed over.

        Raises:
            InvalidValueError: For a bad row (unless bad rows are skipped),
                naming the file, the line and the column.

        """
        dataset = next(self._dataset(name, "export"), None)
        if dataset is not None:
            yield GDELT
            yield dataset
        ident = f"source:gdelt-export-{Path(name).name}"
        for number, line in rows:
            values = _values(line)
            if values is None:
                continue
            cells = Cells(name, number, EVENT_COLUMNS, values)
            try:
                built = self._export_row(cells, ident)
            except EventModelError as error:
                self.problems.bad(_located(error, cells))
                continue
            yield from built

    def mention_rows(
        self, rows: Iterable[tuple[int, str | Sequence[str]]], name: str
    ) -> Iterator[Actor | Source | Claim]:
        """
        The objects of the mention rows *rows*, as :meth:`export_rows` does
        for export rows. Each mention refers to an event of an export row
        read before.
        """
        dataset = next(self._dataset(name, "mentions"), None)
        if dataset is not None:
            yield GDELT
            yield dataset
        ident = f"source:gdelt-mentions-{Path(name).name}"
        for number, line in rows:
            values = _values(line)
            if values is None:
                continue
            cells = Cells(name, number, MENTION_COLUMNS, values)
            try:
                built = self._mention_row(cells, ident)
            except EventModelError as error:
                self.problems.bad(_located(error, cells))
                continue
            yield from built

    def finish(self) -> Iterator[Actor | Source | Claim]:
        """The first reports that no mention completed, then the merged actors."""
        for key in sorted(self._first):
            yield from self._report(self._first[key], key)
        self._first.clear()
        yield from merged_actors(self._actors.items())

    # -- export rows ------------------------------------------------------------------------------

    def _export_row(self, cells: Cells, dataset: str) -> list[Actor | Source | Claim]:
        if len(cells.values) != len(EVENT_COLUMNS):
            cells.fail(
                None,
                f"has {len(cells.values)} columns; a GDELT 2.0 event row has {len(EVENT_COLUMNS)}",
                len(cells.values),
                "give the events export (*.export.CSV), tab-separated",
            )
        number = cells.digits(0)
        if number is None:
            cells.fail(0, "must not be empty", "")
        day = _event_date(cells)
        details: dict[str, str] = {}
        for index in _DETAIL_COLUMNS:
            value = cells.values[index]
            if value:
                details[EVENT_COLUMNS[index]] = value
        kind = _cameo(cells)
        pending: list[tuple[str, str, ActorKind, str]] = []
        participants = []
        for start, role in ((_ACTOR1, "agent"), (_ACTOR2, "target")):
            found = _actor(cells, start)
            if found is not None:
                ident, name, actor_kind, code = found
                pending.append(found)
                participants.append(Participant(ident, role))
        event_id = f"event:gdelt-{number}"
        event = Event(
            kind,
            id=event_id,
            when=Moment(day, "day"),
            where=_place(cells),
            participants=participants,
            details=details,
        )
        added = cells.instant(59)
        if added is None:
            cells.fail(59, "must not be empty", "")
        url = cells.required(60, "give the URL (or citation) of the event's first article")
        article, outlet = _article(cells, 60, url, None)
        quantities = {}
        for index, name in _MEASURES:
            value = cells.decimal(index)
            if value is not None:
                quantities[name] = Quantity(value)
        measures = Claim(
            GDELT.id,
            Proposition(
                f"GDELT's measures of event {event_id}",
                id=f"prop:gdelt-{number}-measures",
                about=[item[0] for item in pending],
                quantities=quantities,
            ),
            id=f"claim:gdelt-{number}-measures-{added:%Y%m%d%H%M%S}",
            speech_act=SpeechAct.ESTIMATES,
            made_at=_moment(added),
            evidence=[Evidence(dataset)],
        )
        # The row is whole: keep what it gives.
        if self.mentions and event_id in self._events and self._events[event_id].event != event:
            cells.fail(0, "names an event already read with other values", number)
        for ident, name, actor_kind, code in pending:
            tally = self._actors.setdefault(ident, ActorTally())
            tally.see(name, actor_kind)
            tally.identifiers["cameo"] = code
        built: list[Actor | Source | Claim] = []
        if outlet is not None:
            built.extend(self._outlet(*outlet))
        built.extend((article, measures))
        key = _report_key(event_id, url)
        first = _Report(event, article, outlet and outlet[0], (dataset,), added, None)
        if not self.mentions:  # nothing will complete the report: it is whole now
            built.extend(self._report(first, key))
            return built
        self._events[event_id] = _Known(event, url, dataset, added)
        if key not in self._seen:
            self._first[key] = first
        return built

    def _outlet(self, ident: str, name: str) -> list[Actor]:
        tally = self._actors.setdefault(ident, ActorTally())
        tally.see(name, ActorKind.MEDIA)
        return []

    # -- mention rows -----------------------------------------------------------------------------

    def _mention_row(self, cells: Cells, dataset: str) -> list[Actor | Source | Claim]:
        if len(cells.values) != len(MENTION_COLUMNS):
            cells.fail(
                None,
                f"has {len(cells.values)} columns; a GDELT 2.0 mention row has {len(MENTION_COLUMNS)}",
                len(cells.values),
                "give the mentions table (*.mentions.CSV), tab-separated",
            )
        number = cells.digits(0)
        if number is None:
            cells.fail(0, "must not be empty", "")
        known = self._events.get(f"event:gdelt-{number}")
        if known is None:
            cells.fail(
                0,
                "is not the id of an event in the export files read",
                number,
                "give the export file that holds the event too, or skip the row with --skip-bad",
            )
        cells.instant(1)
        mentioned = cells.instant(2)
        if mentioned is None:
            cells.fail(2, "must not be empty", "")
        mention_type = cells.digits(3)
        if mention_type not in {"1", "2", "3", "4", "5", "6"}:
            cells.fail(3, "must be a GDELT mention type from 1 to 6", cells.values[3])
        identifier = cells.required(5)
        article, outlet = _article(cells, 5, identifier, cells.text(4), web=mention_type == "1")
        score = cells.integer(11)
        if score is None or not 0 <= score <= 100:
            cells.fail(11, "must be a whole number from 0 to 100", cells.values[11])
        quantities = {}
        for index, name in _MENTION_MEASURES:
            value = cells.decimal(index)
            if value is not None:
                quantities[name] = Quantity(value)
        text = f"GDELT's measures of the mention of event {known.event.id} in {identifier}"
        for index in (14, 15):
            if cells.values[index]:
                text += f"; {MENTION_COLUMNS[index]}: {cells.values[index]}"
        key = _report_key(known.event.id, identifier)
        if key in self._seen:  # the same article again, in a later update
            key = f"{key}-{mentioned:%Y%m%d%H%M%S}"
            if key in self._seen:
                cells.fail(5, "repeats a mention of this event in this article at the same time", identifier)
        measures = Claim(
            GDELT.id,
            Proposition(text, id=f"prop:gdelt-{number}-mention-{key[-24:]}", quantities=quantities),
            id=f"claim:gdelt-{number}-mention-{key[-24:]}-measures-{mentioned:%Y%m%d%H%M%S}",
            speech_act=SpeechAct.ESTIMATES,
            made_at=_moment(mentioned),
            evidence=[Evidence(dataset)],
        )
        confidence = Confidence(score)
        first = self._first.get(key)
        if first is not None:
            report = first._replace(
                datasets=(*first.datasets, dataset), confidence=confidence, outlet=outlet and outlet[0]
            )
        else:
            report = _Report(known.event, article, outlet and outlet[0], (dataset,), mentioned, confidence)
        built: list[Actor | Source | Claim] = []
        if outlet is not None:
            self._outlet(*outlet)
        built.append(article)
        built.extend(self._report(report, key))
        built.append(measures)
        self._first.pop(key, None)
        self._seen.add(key)
        return built

    def _report(self, report: _Report, key: str) -> list[Claim]:
        inner = Claim(
            report.outlet,
            report.event,
            id=f"{key}-article",
            speech_act=SpeechAct.REPORTS,
            evidence=[Evidence(report.article)],
        )
        return [
            Claim(
                GDELT.id,
                inner,
                id=key,
                speech_act=SpeechAct.REPORTS,
                confidence=report.confidence,
                made_at=_moment(report.made_at),
                evidence=[Evidence(item) for item in report.datasets],
            )
        ]


def _values(line: str | Sequence[str]) -> list[str] | None:
    """The cells of a line (its line end dropped) or a row; ``None`` for an empty line or the column names."""
    values = line.rstrip("\r\n").split("\t") if isinstance(line, str) else list(line)
    if not values or values == [""] or values[0] == "GLOBALEVENTID":
        return None
    return values


def _report_key(event_id: str, url: str) -> str:
    return f"claim:gdelt-{event_id.removeprefix('event:gdelt-')}-{_hash(url)}"


def _located(error: EventModelError, cells: Cells) -> EventModelError:
    """*error* with the row's place, when it does not name one yet."""
    if error.path and error.path.startswith(cells.file):
        return error
    return InvalidValueError(
        f"{error.location + ': ' if error.location else ''}{error.reason}",
        value=error.value,
        fix=error.fix,
        path=cells.where(),
    )


def _event_date(cells: Cells) -> date:
    text = cells.digits(1, length=8)
    if text is None:
        cells.fail(1, "must not be empty", "")
    day = cells.day(1, text)
    if cells.values[2] != text[:6]:
        cells.fail(2, f"must be SQLDATE's year and month, {text[:6]}", cells.values[2])
    if cells.values[3] != text[:4]:
        cells.fail(3, f"must be SQLDATE's year, {text[:4]}", cells.values[3])
    cells.decimal(4)
    return day


def _cameo(cells: Cells) -> str:
    code = cells.digits(26)
    base = cells.digits(27)
    root = cells.digits(28)
    if code is None:
        cells.fail(26, "must not be empty", "")
    if root is None or root not in CAMEO_ROOTS:
        cells.fail(28, "must be a CAMEO root code from 01 to 20", cells.values[28])
    if base is None or not code.startswith(base) or not base.startswith(root):
        cells.fail(27, f"must begin EventCode {code} and begin with EventRootCode {root}", cells.values[27])
    if cells.values[29] not in {"1", "2", "3", "4"}:
        cells.fail(29, "must be a quad class from 1 to 4", cells.values[29])
    return CAMEO_ROOTS[root]


def _actor(cells: Cells, start: int) -> tuple[str, str, ActorKind, str] | None:
    code = cells.text(start)
    if code is None:
        for index in range(start + 1, start + _ACTOR_FIELDS):
            if cells.values[index]:
                cells.fail(
                    index, f"is given for an actor with no {EVENT_COLUMNS[start]}", cells.values[index]
                )
        return None
    if not _CODE.fullmatch(code):
        cells.fail(start, "must be a CAMEO actor code (no spaces)", code)
    name = cells.text(start + 1) or code
    kind = ActorKind.UNKNOWN
    for part in (code[index : index + 3] for index in range(0, len(code), 3)):
        if part in _TYPE_KINDS:
            kind = _TYPE_KINDS[part]
            break
    else:
        if code == cells.values[start + 2]:
            kind = ActorKind.STATE
    return f"actor:cameo-{code}", name, kind, code


def _place(cells: Cells) -> Place | None:
    start = _ACTION_GEO
    geo_type = cells.values[start]
    if geo_type in {"", "0"}:
        for index in range(start + 1, start + _GEO_FIELDS):
            if cells.values[index]:
                cells.fail(
                    index, "is given for an action with no place (ActionGeo_Type 0)", cells.values[index]
                )
        return None
    if geo_type not in GEO_PRECISION_M:
        cells.fail(start, "must be a GDELT geo type from 0 to 5", geo_type)
    fips = cells.text(start + 2)
    if fips is not None and not _CODE.fullmatch(fips):
        cells.fail(start + 2, "must be a FIPS 10-4 country code", fips)
    lat = cells.decimal(start + 5)
    lon = cells.decimal(start + 6)
    point = None
    if (lat is None) != (lon is None):
        missing = start + 5 if lat is None else start + 6
        cells.fail(missing, "must be given with the other coordinate", "")
    if lat is not None and lon is not None:
        if not -90 <= lat <= 90:
            cells.fail(start + 5, "must be from -90 to 90 degrees", cells.values[start + 5])
        if not -180 <= lon <= 180:
            cells.fail(start + 6, "must be from -180 to 180 degrees", cells.values[start + 6])
        point = GeoPoint(lat, lon, precision_m=GEO_PRECISION_M[geo_type])
    feature = cells.text(start + 7)
    if feature is not None and _SPACE.search(feature):
        cells.fail(start + 7, "must be a feature id without spaces", feature)
    name = cells.text(start + 1)
    if name is None and fips is None and point is None and feature is None:
        cells.fail(start + 1, f"must not be empty for ActionGeo_Type {geo_type}", "")
    return Place(
        name,
        country=FIPS_TO_ISO.get(fips or ""),
        point=point,
        gazetteer_id=None if feature is None else f"gdelt:{feature}",
    )


def _host(url: str) -> str | None:
    if not url.startswith(("http://", "https://")):
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


def _article(
    cells: Cells,
    index: int,
    identifier: str,
    source_name: str | None,
    *,
    web: bool | None = None,
) -> tuple[Source, tuple[str, str] | None]:
    host = _host(identifier) if web is not False else None
    if web and host is None:
        cells.fail(index, "must be an http(s) URL for a web mention (MentionType 1)", identifier)
    if host is not None and _SPACE.search(identifier):
        cells.fail(index, "must be a URL without spaces", identifier)
    outlet_key = host or (_SPACES.sub("-", source_name.strip().lower()) if source_name else None)
    outlet = None
    if outlet_key is not None:
        outlet = (f"actor:outlet-{outlet_key}", source_name or outlet_key)
    try:
        article = Source(
            SourceKind.NEWS_ARTICLE if host is not None else SourceKind.OTHER,
            id=f"source:gdelt-article-{_hash(identifier)}",
            url=identifier if host is not None else None,
            title=None if host is not None else identifier,
            publisher=outlet[0] if outlet is not None else None,
        )
    except EventModelError as error:  # a URL the model refuses, or an outlet name it cannot make an id of
        cells.fail(index, f"{error.location}: {error.reason}", identifier, error.fix)
    return article, outlet


def gdelt_objects(
    exports: Iterable[tuple[str, Iterable[tuple[int, str | Sequence[str]]]]],
    mentions: Iterable[tuple[str, Iterable[tuple[int, str | Sequence[str]]]]] = (),
    *,
    skip_bad: bool = False,
    skipped: list[str] | None = None,
) -> Iterator[Actor | Source | Claim]:
    """
    Stream the actors, sources and claims of GDELT rows.

    Args:
        exports: ``(name, rows)`` pairs, one per export file, where *rows*
            yields ``(line number, row)`` for each row: a tab-separated line,
            or a sequence of cells.
        mentions: Likewise for mentions tables, read after the exports.
        skip_bad: Keep going past bad rows; each is counted in *skipped*.
        skipped: A list that receives one message per bad row skipped.

    Yields:
        Each object once, in an order in which a :class:`~eventmodel.Dossier`
        takes them: the merged actors come last, when every row has been seen.

    Raises:
        InvalidValueError: For a bad row (unless *skip_bad*), naming the
            file, the line and the column.

    .. versionadded:: 0.1.0

    """
    tables = list(mentions)
    reader = GdeltReader(mentions=bool(tables), skip_bad=skip_bad, skipped=skipped)
    for name, rows in exports:
        yield from reader.export_rows(rows, name)
    for name, rows in tables:
        yield from reader.mention_rows(rows, name)
    yield from reader.finish()


def read_gdelt(
    files: Sequence[str | Path],
    *,
    mentions: Sequence[str | Path] = (),
    skip_bad: bool = False,
    skipped: list[str] | None = None,
    progress: Progress | None = None,
) -> Dossier:
    """
    Read GDELT 2.0 events exports, and mentions tables, into a dossier.

    Args:
        files: Events export files (``*.export.CSV``: 61 tab-separated
            columns, no header; a header line is passed over).
        mentions: Mentions table files (``*.mentions.CSV``), whose events
            are in *files*.
        skip_bad: Keep going past bad rows; each is counted in *skipped*.
        skipped: A list that receives one message per bad row skipped.
        progress: Called now and then as ``progress(file, bytes_done,
            bytes_total, rows)``.

    Returns:
        A dossier of GDELT, the outlets and the CAMEO actors, the files and
        the articles, and GDELT's reports and measures.

    Raises:
        InvalidValueError: For a file that cannot be read, or a bad row
            (unless *skip_bad*), naming the file, the line and the column.

    .. versionadded:: 0.1.0

    """
    dossier = Dossier()
    objects = gdelt_objects(
        [(str(path), lines_of(path, progress)) for path in files],
        [(str(path), lines_of(path, progress)) for path in mentions],
        skip_bad=skip_bad,
        skipped=skipped,
    )
    # Many small objects and no cycles: the cyclic collector would only run over and over.
    with collector_paused():
        for obj in objects:
            dossier.add(obj)
    return dossier


def import_gdelt(
    files: tuple[str, ...],
    *,
    mentions: tuple[str, ...] = (),
    skip_bad: bool = False,
    skipped: list[str] | None = None,
    progress: Progress | None = None,
) -> Dossier:
    """The ``gdelt`` importer of :data:`eventmodel.interop.formats`: :func:`read_gdelt`."""
    return read_gdelt(files, mentions=mentions, skip_bad=skip_bad, skipped=skipped, progress=progress)

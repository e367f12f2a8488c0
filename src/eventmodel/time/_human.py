"""
Lenient reading of dates as people write them, through ``dateutil.parser``,
under an explicit policy: nothing ambiguous is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from typing import Final

from dateutil import parser

from eventmodel.exceptions import EventModelError, InvalidTypeError, InvalidValueError

from ._precision import Precision
from ._zones import ZONE_ABBREVIATIONS, format_offset, gettz, offset_zone

__all__ = ["MAX_HUMAN_TEXT", "read_human"]

#: The longest text read as a human date; longer input is refused unread.
MAX_HUMAN_TEXT: Final = 200

# Two defaults that differ in every field: a field that comes out the same
# under both was given in the text.
_FIRST: Final = datetime(2000, 1, 1, 0, 0, 0, 0)  # noqa: DTZ001 - a default for naive parsing
_SECOND: Final = datetime(2001, 2, 2, 1, 1, 1, 1)  # noqa: DTZ001 - a default for naive parsing
_FIELDS: Final = ("year", "month", "day", "hour", "minute", "second", "microsecond")
_INFO: Final = parser.parserinfo()
#: Seconds with a fraction, whose digits tell the precision (dateutil does not).
_FRACTION: Final = re.compile(r"[0-9]:[0-9]{2}[.,]([0-9]+)", re.ASCII)
#: "UTC+3", "GMT-5": dateutil reads these the POSIX way round ("UTC+3" as -03:00), people the other.
_NAMED_OFFSET: Final = re.compile(r"(?<![A-Za-z])(UTC|GMT)\s*[+-]", re.ASCII)


def _error(reason: str, text: object, fix: str | None = None) -> InvalidValueError:
    return InvalidValueError(reason, cls="When", field="parse_human()", value=text, fix=fix)


def _zone_of(text: str) -> Callable[[str | None, int | None], timezone | None]:
    """
    What ``dateutil`` is told a zone in *text* stands for: an offset as
    given, an abbreviation of :data:`ZONE_ABBREVIATIONS`, and nothing else
    (dateutil would otherwise drop an unknown abbreviation, or read one the
    machine's own zone uses as that zone).
    """

    def zone(name: str | None, offset: int | None) -> timezone | None:
        if name is None:
            if offset is None:
                return None
            return _fixed(timedelta(seconds=offset), text)
        stands_for = ZONE_ABBREVIATIONS.get(name)
        if stands_for is None:
            raise _error(
                f"gives the zone abbreviation {name!r}, which is not one of the unambiguous ones read here",
                text,
                "give the UTC offset instead, such as '+03:00'",
            )
        if offset is not None and timedelta(seconds=offset) != stands_for:
            raise _error(
                f"gives the zone abbreviation {name!r} with an offset next to it",
                text,
                "give the UTC offset alone, such as '+03:00'",
            )
        return timezone(stands_for)

    return zone


def _fixed(offset: timedelta, text: str) -> timezone:
    fixed = offset_zone(offset)
    if fixed is None:
        raise _error(
            f"gives a UTC offset of {format_offset(offset)}, a day or more",
            text,
            "write the offset like '+03:00'",
        )
    return fixed


def _read(text: str, day_first: bool, default: datetime, year_first: bool = False) -> datetime:
    try:
        return parser.parse(
            text, dayfirst=day_first, yearfirst=year_first, default=default, tzinfos=_zone_of(text)
        )
    except EventModelError:
        raise
    except (ValueError, OverflowError) as error:
        raise _error(
            "is not a date that can be read",
            text,
            "write it like '27 March 2022', '2022-03-27' or '27 March 2022 14:05 +03:00'",
        ) from error


def read_human(
    text: str,
    *,
    day_first: bool | None = None,
    year_first: bool | None = None,
    year: int | None = None,
    zone: str | None = None,
) -> tuple[date | datetime, Precision, str | None]:
    """
    Read a date as people write it: "27 March 2022", "Sunday, March 27",
    "03/04/2022", "14:05 27 March 2022 +03:00", as the value, precision and
    zone name of the :class:`~eventmodel.Moment` that
    :meth:`When.parse_human <eventmodel.When.parse_human>` makes of them.

    The precision is what the text gives: "March 2022" has month precision,
    "27 March 2022 14:05" minute precision.

    Args:
        text: The date as written, at most 200 characters.
        day_first: For numeric dates such as "03/04/2022": ``True`` reads
            day/month, ``False`` month/day. A date that reads differently
            either way is refused unless this is given.
        year_first: For dates with a short year such as "22/03/04":
            ``True`` reads the year first (2022-03-04, or with *day_first*
            2022-04-03), ``False`` last (22 March 2004). A date that reads
            differently either way is refused unless this is given.
        year: The year to use when the text gives none ("Sunday, March 27"),
            such as the year of the source's publication: 1 to 9999.
        zone: An IANA zone name for a date-time given without a zone; a
            date-time that gives an offset must agree with it.

    A zone in the text is a UTC offset ("+03:00") or one of the unambiguous
    abbreviations of ``ZONE_ABBREVIATIONS`` ("UTC", "CET", "JST", ...);
    any other abbreviation ("CST", "IST", "PDT") is refused.

    Raises:
        InvalidValueError: For text that is too long, unreadable, ambiguous
            without *day_first* or *year_first*, without a year and without
            *year*, with a zone abbreviation that is not in the table, or
            whose weekday contradicts its date; for a *year* outside 1 to
            9999 and a *zone* that is not an IANA name.

    .. versionadded:: 0.1.0

    """
    if not isinstance(text, str):
        raise InvalidTypeError("needs a string", cls="When", field="parse_human()", value=text)
    if len(text) > MAX_HUMAN_TEXT:
        raise _error(f"is longer than {MAX_HUMAN_TEXT} characters, too long to be a date", text)
    _check_options(day_first, year_first, year, zone)
    named = _NAMED_OFFSET.search(text)
    if named is not None:
        raise _error(
            f"gives the zone abbreviation {named[1]!r} with an offset next to it",
            text,
            "give the UTC offset alone, such as '+03:00'",
        )
    if year_first is None:
        for day in (False, True) if day_first is None else (day_first,):
            as_year, as_last = _read(text, day, _FIRST, True), _read(text, day, _FIRST, False)
            if as_year != as_last:
                raise _error(
                    f"is ambiguous: year first it is {as_year:%d %B %Y}, year last {as_last:%d %B %Y}",
                    text,
                    "say year_first=True or year_first=False",
                )
        year_first = False
    if day_first is None:
        as_day, as_month = _read(text, True, _FIRST, year_first), _read(text, False, _FIRST, year_first)
        if as_day != as_month:
            raise _error(
                f"is ambiguous: day first it is {as_day:%d %B %Y}, month first {as_month:%d %B %Y}",
                text,
                "say day_first=True or day_first=False",
            )
        day_first = False
    first = _read(text, day_first, _FIRST, year_first)
    second = _read(text, day_first, _SECOND, year_first)
    given = {name: getattr(first, name) == getattr(second, name) for name in _FIELDS}
    if not given["year"]:
        if year is None:
            raise _error("gives no year", text, "pass year=, such as the year the source was published")
        first = _read(text, day_first, _FIRST.replace(year=year), year_first)
    _check_weekday(text, first, given["day"])
    precision = _precision(given, text)
    value: datetime = first
    if value.tzinfo is None and zone is not None and not precision.is_date:
        offset = value.replace(tzinfo=gettz(zone)).utcoffset()
        assert offset is not None
        value = value.replace(tzinfo=_fixed(offset, text))
    if precision.is_date:
        return _truncate(value, precision), precision, None
    keep_zone = zone if value.tzinfo is not None and zone is not None else None
    return value, precision, keep_zone


def _check_options(day_first: object, year_first: object, year: object, zone: object) -> None:
    for name, order in (("day_first", day_first), ("year_first", year_first)):
        if order is not None and not isinstance(order, bool):
            raise InvalidTypeError(
                f"takes {name}=True, False or None", cls="When", field="parse_human()", value=order
            )
    if year is not None and (not isinstance(year, int) or isinstance(year, bool) or not 1 <= year <= 9999):
        raise InvalidValueError(
            "takes a year= from 1 to 9999, the years Python's datetime can hold",
            cls="When",
            field="parse_human()",
            value=year,
        )
    if zone is not None and (not isinstance(zone, str) or gettz(zone) is None):
        raise _error(
            "was given a zone that is not known here", zone, "use an IANA name such as 'Europe/Kyiv'"
        )


def _precision(given: dict[str, bool], text: str) -> Precision:
    if not given["month"]:
        return Precision.YEAR
    if not given["day"]:
        return Precision.MONTH
    if not given["hour"]:
        return Precision.DAY
    if not given["minute"]:
        return Precision.HOUR
    if not given["second"]:
        return Precision.MINUTE
    fraction = _FRACTION.search(text)
    if fraction is None:
        return Precision.SECOND
    return Precision.MILLISECOND if len(fraction.group(1)) <= 3 else Precision.MICROSECOND


def _truncate(value: datetime, precision: Precision) -> date:
    day = value.date()
    if precision is Precision.YEAR:
        return day.replace(month=1, day=1)
    if precision is Precision.MONTH:
        return day.replace(day=1)
    return day


def _check_weekday(text: str, value: datetime, day_given: bool) -> None:
    if not day_given:
        return
    for word in re.findall(r"[A-Za-z]+", text):
        weekday = _INFO.weekday(word)
        if weekday is not None and weekday != value.weekday():
            raise _error(
                f"says {word}, but {value:%d %B %Y} is a {value:%A}",
                text,
                "check the date and the weekday in the source",
            )
